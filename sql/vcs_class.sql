-- VCS trend significance classes (the carbon paper, Fig. 1b) and the
-- background NPP as a surface (raster background of npp_downscale,
-- npp_background_idw).  Every expected value is worked out by hand below.
SET client_min_messages = warning;

-- 1. Classes: p < 0.01 extremely significant, 0.01 <= p < 0.05
-- significant, p >= 0.05 (or slope 0) insignificant; the slope's sign
-- says improvement or degradation
SELECT slope, p, ecocomp.vcs_trend_class(slope, p) AS class, ecocomp.vcs_trend_class_code(slope, p) AS code
FROM (VALUES (1.0, 0.001), (1.0, 0.01), (2.5, 0.049), (1.0, 0.05), (1.0, 1.0),
			 (0.0, 0.0), (-1.0, 0.0), (-1.0, 0.0099), (-0.2, 0.03), (-1.0, 0.2)) t(slope, p);
SELECT * FROM ecocomp.vcs_trend_classes();
SELECT ecocomp.vcs_trend_class(NULL, 0.5) IS NULL AS null_slope;
SELECT error_of($$SELECT ecocomp.vcs_trend_class(1, -0.01)$$);
SELECT error_of($$SELECT ecocomp.vcs_trend_class(1, 1.5)$$);
SELECT error_of($$SELECT ecocomp.vcs_trend_class(1, 'NaN')$$);
SELECT error_of($$SELECT ecocomp.vcs_trend_class_code('Infinity', 0.5)$$);

-- 2. The class band of a trend raster (band 1 slope, band 2 p, nodata -1):
--   slope  10   0.8  0        p  0      0.2  1
--          0.5 -3    nodata      0.667  0.004 0.5
--   codes   2   0    0
--           0  -2    nodata (-128)
CREATE TABLE vc_trend AS SELECT ST_SetValues(ST_SetValues(
	ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 60, 30, -30, 0, 0, 32650), '32BF'::text, 0, -1), '32BF'::text, 0, -1),
	1, 1, 1, ARRAY[[10, 0.8, 0], [0.5, -3, -1]]::double precision[][]),
	2, 1, 1, ARRAY[[0, 0.2, 1], [0.667, 0.004, 0.5]]::double precision[][]) AS rast;
SELECT (ST_DumpValues(ecocomp.vcs_trend_class(rast))).valarray AS codes,
	   ST_BandPixelType(ecocomp.vcs_trend_class(rast)) AS pixtype,
	   ST_BandNoDataValue(ecocomp.vcs_trend_class(rast)) AS nodata,
	   ST_Georeference(ecocomp.vcs_trend_class(rast)) = ST_Georeference(rast) AS same_georeference
FROM vc_trend;
-- from the vcs_trend aggregate: 1x1 tiles of 2001..2004, values 1, 2, 3, 4
-- (slope 1, p 0: code 2) and 4, 3, 2, 1 (slope -1, p 0: code -2)
SELECT ST_Value(ecocomp.vcs_trend_class(ecocomp.vcs_trend(ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 30, 30, -30, 0, 0, 32650), '32BF'::text, y - 2000, NULL), y)), 1, 1) AS up,
	   ST_Value(ecocomp.vcs_trend_class(ecocomp.vcs_trend(ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 30, 30, -30, 0, 0, 32650), '32BF'::text, 2005 - y, NULL), y)), 1, 1) AS down
FROM generate_series(2001, 2004) y;
SELECT ST_IsEmpty(ecocomp.vcs_trend_class(ST_MakeEmptyRaster(0, 0, 0, 0, 1, -1, 0, 0, 32650))) AS empty;
SELECT error_of($$SELECT ecocomp.vcs_trend_class(ST_Band(rast, 1)) FROM vc_trend$$);
SELECT error_of($$SELECT ecocomp.vcs_trend_class(ST_SetValue(rast, 2, 1, 1, 1.5)) FROM vc_trend$$);

-- 3. npp_downscale with a background raster on the NPP grid.  Coarse NPP
-- 3x2 pixels of 90 m from (0, 180) (g C/m2/a, nodata -1):
--     A = 300   B = 200   E = 500
--     C = 40    D = nodata  F = 500
-- fine disturbance 7x6 of 30 m from (0, 180): A's row 1 destroyed 2009,
-- C all destroyed 2001; column 7 covers a third of E and F (nodata).
CREATE TABLE vc_npp AS SELECT raster_of(ARRAY[[300, 200, 500], [40, -1, 500]], '32BF', -1, scale => 90) AS rast;
CREATE TABLE vc_dist AS SELECT ST_SetValues(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(7, 6, 0, 180, 30, -30, 0, 0, 32650), '16BUI'::text, 0, 0), '16BUI'::text, 0, NULL), 1, 1, 1,
	ARRAY[[2009, 2009, 2009, 0, 0, 0, 0],
	      [0, 0, 0, 0, 0, 0, 0],
	      [0, 0, 0, 0, 0, 0, 0],
	      [2001, 2001, 2001, 0, 0, 0, 0],
	      [2001, 2001, 2001, 0, 0, 0, 0],
	      [2001, 2001, 2001, 0, 0, 0, 0]]::double precision[][]) AS rast;
-- a constant surface 40 gives what the float8 background 40 gives:
--   A in 2010: (300 * 9 - 40 * 3) / 6 = 430
SELECT ecocomp.npp_downscale(n.rast, d.rast, 2010, ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 180, 90, -90, 0, 0, 32650), '32BF'::text, 40, NULL), 1)::text
	 = ecocomp.npp_downscale(n.rast, d.rast, 2010, 40)::text AS same_as_float8,
	   ST_Value(ecocomp.npp_downscale(n.rast, d.rast, 2010, ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 180, 90, -90, 0, 0, 32650), '32BF'::text, 40, NULL), 1), 1, 2) AS a_vegetated
FROM vc_npp n, vc_dist d;
-- a surface larger than the NPP raster, one pixel further left and up
-- (origin (-90, 270), 5x4), background 100 at A (its pixel (2, 2)):
--   A in 2010: (300 * 9 - 100 * 3) / 6 = 400; B: 200, nothing destroyed
CREATE TABLE vc_bg AS SELECT ST_SetValue(ST_AddBand(ST_MakeEmptyRaster(5, 4, -90, 270, 90, -90, 0, 0, 32650), '32BF'::text, 0, -1), 1, 2, 2, 100) AS rast;
SELECT (ST_DumpValues(ecocomp.npp_downscale(n.rast, d.rast, 2010, b.rast, 1))).valarray[1:4] AS npp_a_2010
FROM vc_npp n, vc_dist d, vc_bg b;
-- no background needed in 2000 (nothing destroyed): a NULL raster is fine
SELECT (ST_DumpValues(ecocomp.npp_downscale(n.rast, d.rast, 2000, NULL::raster, 1))).valarray[1][1:2] AS npp_a_2000
FROM vc_npp n, vc_dist d;
-- another grid (22023): shifted by 10 m, other pixel size, other SRID;
-- no value at a partly destroyed coarse pixel (22023); NULL raster when
-- one is needed (22004)
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, d.rast, 2010, ST_SetUpperLeft(n.rast, 10, 180), 1) FROM vc_npp n, vc_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, d.rast, 2010, ST_SetScale(n.rast, 30, -30), 1) FROM vc_npp n, vc_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, d.rast, 2010, ST_SetSRID(n.rast, 32651), 1) FROM vc_npp n, vc_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, d.rast, 2010, ST_SetValue(n.rast, 1, 1, 1, -1), 1) FROM vc_npp n, vc_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, d.rast, 2010, NULL::raster, 1) FROM vc_npp n, vc_dist d$$);
-- the float8 form with an untyped NULL still resolves (no ambiguity)
SELECT ecocomp.npp_downscale(n.rast, d.rast, 2000, NULL) IS NOT NULL AS float8_null FROM vc_npp n, vc_dist d;

-- 4. Inverse-distance background.  Coarse NPP 4x1 of 90 m from (0, 90):
-- 100, 50, 10, 70; fine 9x3 of 30 m from (0, 90) covers the first three.
-- In 2010 the first and third are entirely destroyed (samples 100 at
-- x = 45 and 10 at x = 225); the second has its top row destroyed.
--   pixel 2 (x = 135): distances 90 and 90: (100 + 10) / 2 = 55
--   pixel 4 (x = 315): distances 270 and 90, power 2: weights 1/9 : 1,
--     (100 * 1 + 10 * 9) / 10 = 19; power 1: 1 : 3, (100 + 30) / 4 = 32.5
-- the samples keep their values (100, 10)
CREATE TABLE vc_npp2 AS SELECT raster_of(ARRAY[[100, 50, 10, 70]], '32BF', -1, scale => 90) AS rast;
CREATE TABLE vc_dist2 AS SELECT ST_SetValues(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(9, 3, 0, 90, 30, -30, 0, 0, 32650), '16BUI'::text, 0, 0), '16BUI'::text, 0, NULL), 1, 1, 1,
	ARRAY[[2005, 2005, 2005, 2005, 2005, 2005, 2005, 2005, 2005],
	      [2005, 2005, 2005, 0, 0, 0, 2005, 2005, 2005],
	      [2005, 2005, 2005, 0, 0, 0, 2005, 2005, 2005]]::double precision[][]) AS rast;
SELECT (ST_DumpValues(ecocomp.npp_background_idw(n.rast, d.rast, 2010))).valarray AS idw_power2,
	   (ST_DumpValues(ecocomp.npp_background_idw(n.rast, d.rast, 2010, 1))).valarray AS idw_power1,
	   ST_Georeference(ecocomp.npp_background_idw(n.rast, d.rast, 2010)) = ST_Georeference(n.rast) AS on_npp_grid
FROM vc_npp2 n, vc_dist2 d;
-- fed to npp_downscale: the second coarse pixel, S = 9, S_veg = 6,
--   NPP_a = (50 * 9 - 55 * 3) / 6 = 285 / 6 = 47.5; destroyed pixels 0
SELECT (ST_DumpValues(ecocomp.npp_downscale(n.rast, d.rast, 2010, ecocomp.npp_background_idw(n.rast, d.rast, 2010), 1))).valarray[1:2][3:7] AS npp_a
FROM vc_npp2 n, vc_dist2 d;
-- nothing entirely destroyed in 2004: NULL; power must be positive
SELECT ecocomp.npp_background_idw(n.rast, d.rast, 2004) IS NULL AS no_samples FROM vc_npp2 n, vc_dist2 d;
SELECT error_of($$SELECT ecocomp.npp_background_idw(n.rast, d.rast, 2010, 0) FROM vc_npp2 n, vc_dist2 d$$);
SELECT error_of($$SELECT ecocomp.npp_background_idw(n.rast, d.rast, 2010, 'NaN') FROM vc_npp2 n, vc_dist2 d$$);

-- 5. The deficit year by year.  VCS 100, 110, 120 in 2001-2003, destroyed
-- 2004 (20, 30, 40, 50), restored 2008 (60, 70): baseline 10 t - 19910
-- (110 at 2002), so 2004: 20 - 130 = -110, 2005: 30 - 140 = -110,
-- 2006: -110, 2007: -110 (C_destroy -440); 2008: 60 - 170 = -110,
-- 2009: 70 - 180 = -110 (C_restore -220); direct decrease in 2004:
-- 120 - 20 = 100; direct increase in 2008: 60 - 50 = 10
SELECT year, vcs, round(baseline::numeric, 6) AS baseline, phase, destroyed_this_year AS d_now, restored_this_year AS r_now,
	   direct_decrease, direct_increase,
	   round(c_destroy::numeric, 6) AS c_destroy, round(c_restore::numeric, 6) AS c_restore
FROM ecocomp.vcs_deficit_series('{2001,2002,2003,2004,2005,2006,2007,2008,2009}',
	'{100,110,120,20,30,40,50,60,70}', 2004, 2008);
-- the sums equal vcs_deficit (direct 100 and 10, C_destroy -440, C_restore -220)
SELECT sum(direct_decrease) AS dd, sum(direct_increase) AS di, round(sum(c_destroy)::numeric, 6) AS c_destroy,
	   round(sum(c_restore)::numeric, 6) AS c_restore,
	   (SELECT round((ecocomp.vcs_deficit(y, v, 2004, 2008)).c_destroy::numeric, 6)
		FROM unnest('{2001,2002,2003,2004,2005,2006,2007,2008,2009}'::int[], '{100,110,120,20,30,40,50,60,70}'::float8[]) u(y, v)) AS aggregate_c_destroy
FROM ecocomp.vcs_deficit_series('{2001,2002,2003,2004,2005,2006,2007,2008,2009}',
	'{100,110,120,20,30,40,50,60,70}', 2004, 2008);
-- a missing year (2004 NULL): the destruction counts in 2005, direct
-- decrease 120 - 30 = 90; never destroyed: all undisturbed, zeros
SELECT year, phase, direct_decrease, round(c_destroy::numeric, 6) AS c_destroy
FROM ecocomp.vcs_deficit_series('{2001,2002,2003,2004,2005}', '{100,110,120,NULL,30}', 2004, NULL);
SELECT count(*) FILTER (WHERE phase = 'undisturbed') AS undisturbed, sum(c_destroy) AS c_destroy
FROM ecocomp.vcs_deficit_series('{2001,2002,2003}', '{1,2,3}', NULL, NULL);
SELECT error_of($$SELECT * FROM ecocomp.vcs_deficit_series('{2001,2002}', '{1}', NULL, NULL)$$);
SELECT error_of($$SELECT * FROM ecocomp.vcs_deficit_series('{2001,2002,2003}', '{1,2,3}', 2003, 2002)$$);
-- a mine's yearly series from rows shaped like an account's mine_vcs (the
-- query of docs/vcs.md): pixel 1 (900 m2) is the series above; pixel 2
-- (450 m2) 50, 50, 50 then destroyed 2004 at 0, never restored (baseline
-- 50, c_destroy -50 a year).  2004: direct decrease 100*900 + 50*450 =
-- 112,500 g; c_destroy -110*900 - 50*450 = -121,500 g; destroyed area 1350
-- m2; 2008: direct increase 10*900 = 9000, c_destroy -50*450 = -22,500
-- (pixel 2), c_restore -110*900 = -99,000, restored area 900.  Over all
-- years c_destroy = -440*900 - 300*450 = -531,000 g =
-- -0.000531 Gg, equal to sum(vcs_deficit * area)
CREATE TABLE vc_mine_vcs (region_id integer, pixel_id bigint, year integer, vcs_g_co2_m2 double precision,
	area_m2 double precision, destroyed_year integer, restored_year integer);
INSERT INTO vc_mine_vcs
SELECT 1, 1, y, v, 900, 2004, 2008 FROM unnest('{2001,2002,2003,2004,2005,2006,2007,2008,2009}'::int[], '{100,110,120,20,30,40,50,60,70}'::float8[]) u(y, v)
UNION ALL
SELECT 1, 2, y, CASE WHEN y < 2004 THEN 50 ELSE 0 END, 450, 2004, NULL FROM generate_series(2001, 2009) y;
CREATE TABLE vc_series AS
SELECT p.region_id, s.year,
	   sum(s.direct_decrease * p.area_m2) AS direct_decrease_g, sum(s.direct_increase * p.area_m2) AS direct_increase_g,
	   sum(s.c_destroy * p.area_m2) AS c_destroy_g, sum(s.c_restore * p.area_m2) AS c_restore_g,
	   coalesce(sum(p.area_m2) FILTER (WHERE s.destroyed_this_year), 0) AS destroyed_area_m2,
	   coalesce(sum(p.area_m2) FILTER (WHERE s.restored_this_year), 0) AS restored_area_m2
FROM (SELECT region_id, pixel_id, area_m2, destroyed_year, restored_year,
			 array_agg(year ORDER BY year) AS years, array_agg(vcs_g_co2_m2 ORDER BY year) AS v
	  FROM vc_mine_vcs GROUP BY 1, 2, 3, 4, 5) p,
	 LATERAL ecocomp.vcs_deficit_series(p.years, p.v, p.destroyed_year, p.restored_year) s
GROUP BY 1, 2;
SELECT year, round(direct_decrease_g::numeric, 3) AS dd, round(direct_increase_g::numeric, 3) AS di,
	   round(c_destroy_g::numeric, 3) AS c_destroy, round(c_restore_g::numeric, 3) AS c_restore, destroyed_area_m2, restored_area_m2
FROM vc_series WHERE year IN (2003, 2004, 2008) ORDER BY year;
SELECT round((sum(c_destroy_g) / 1e9)::numeric, 9) AS series_c_destroy_gg,
	   (SELECT round((sum((d).c_destroy * area_m2) / 1e9)::numeric, 9)
		FROM (SELECT area_m2, ecocomp.vcs_deficit(year, vcs_g_co2_m2, destroyed_year, restored_year) AS d
			  FROM vc_mine_vcs GROUP BY pixel_id, area_m2) x) AS aggregate_c_destroy_gg
FROM vc_series;

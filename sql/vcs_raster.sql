-- VCS on rasters (the carbon paper (Xu Y. et al. 2024)): MODIS NPP and VCS rasters, the scale
-- transformation (eq. 1), pixel coverage / values keyed by pixel_id, the
-- per-pixel trend.  Every expected value is worked out by hand below.
SET client_min_messages = warning;

-- 1. npp_from_modis / vcs on a 2x2 16BSI raster of digital numbers, nodata -1:
--   5000 -> 5000 * 0.1 = 500 g C/m2/a; 32767 (fill) -> nodata;
--   -30000 -> -3000; -1 (the band's nodata) -> nodata
--   VCS = NPP * 2.2 * 1.63 = NPP * 3.586: 500 -> 1793, -3000 -> -10758
CREATE TABLE vr_dn AS SELECT raster_of(ARRAY[[5000, 32767], [-30000, -1]], '16BSI', -1, scale => 500) AS rast;
SELECT (ST_DumpValues(ecocomp.npp_from_modis(rast, 1))).valarray AS npp_g_c_m2,
	   (ST_DumpValues(ecocomp.vcs(ecocomp.npp_from_modis(rast, 1), 1))).valarray AS vcs_g_co2_m2
FROM vr_dn;
-- same georeference, one 32BF band with nodata -FLT_MAX
SELECT ST_Georeference(ecocomp.npp_from_modis(rast, 1)) = ST_Georeference(rast) AS same_georeference,
	   ST_SRID(ecocomp.npp_from_modis(rast, 1)) AS srid, ST_NumBands(ecocomp.npp_from_modis(rast, 1)) AS bands,
	   ST_BandPixelType(ecocomp.npp_from_modis(rast, 1)) AS pixtype, ST_BandNoDataValue(ecocomp.npp_from_modis(rast, 1)) AS nodata
FROM vr_dn;
-- every fill / non-vegetated code 32761..32767 is masked (7 of 8 pixels), 32700 is valid (3270)
SELECT (ST_DumpValues(ecocomp.npp_from_modis(ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(8, 1, 0, 0, 500, -500, 0, 0, 32650), '16BSI'::text, 0, NULL),
	1, 1, 1, ARRAY[[32700, 32761, 32762, 32763, 32764, 32765, 32766, 32767]]::double precision[][]), 1))).valarray AS fill_codes;
-- vcs of a 64BF NPP raster and of an 8BUI one (any numeric band):
--   12.5 * 3.586 = 44.825; 100 * 3.586 = 358.6; nodata 0 stays nodata
SELECT (ST_DumpValues(ecocomp.vcs(ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(2, 1, 0, 0, 1, -1, 0, 0, 32650), '64BF'::text, 0, 0),
	1, 1, 1, ARRAY[[12.5, 0]]::double precision[][]), 1))).valarray AS vcs_64bf,
	   (ST_DumpValues(ecocomp.vcs(ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(2, 1, 0, 0, 1, -1, 0, 0, 32650), '8BUI'::text, 0, 0),
	1, 1, 1, ARRAY[[100, 0]]::double precision[][]), 1))).valarray AS vcs_8bui;
-- the second band
SELECT (ST_DumpValues(ecocomp.vcs(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 0, 1, -1, 0, 0, 32650), '32BF'::text, 1, NULL), '32BF'::text, 10, NULL), 2))).valarray AS vcs_band2;
-- all-nodata raster: all nodata out; empty raster (0 x 0): an empty raster out
SELECT (ST_DumpValues(ecocomp.vcs(ST_AddBand(ST_MakeEmptyRaster(2, 1, 0, 0, 1, -1, 0, 0, 32650), '32BF'::text, 7, 7), 1))).valarray AS all_nodata;
SELECT ST_IsEmpty(ecocomp.npp_from_modis(ST_MakeEmptyRaster(0, 0, 0, 0, 1, -1, 0, 0, 32650), 1)) AS empty_npp,
	   ST_IsEmpty(ecocomp.vcs(ST_MakeEmptyRaster(0, 0, 0, 0, 1, -1, 0, 0, 32650), 1)) AS empty_vcs;
SELECT ecocomp.vcs(NULL::raster, 1) IS NULL AS vcs_null, ecocomp.npp_from_modis(NULL::raster, 1) IS NULL AS npp_null;
-- the raster versions take the band without a default, so untyped literals
-- still resolve to the float8 / integer versions: 100 * 3.586 = 358.6
SELECT round(ecocomp.vcs('100')::numeric, 6) AS vcs_literal, ecocomp.vcs(NULL) IS NULL AS vcs_null_literal,
	   ecocomp.npp_from_modis('5000') AS npp_literal;

-- 2. Scale transformation (eq. 1).  Coarse NPP: 3x2 pixels of 90 m from
-- (0, 180), g C/m2/a, nodata -1:
--     A = 300   B = 200   E = 500
--     C = 40    D = nodata  F = 500
-- Fine disturbance: 7x6 pixels of 30 m from (0, 180): each of A..D holds
-- 3x3 fine pixels (S = 9); column 7 (x 180..210) covers only a third of E
-- and F, which are therefore not entirely covered: nodata.
-- Band 1 destruction year, band 2 restoration year (0 = none):
--   A: row 1 destroyed 2009; (1,2) destroyed 2005 restored 2008;
--      (2,2) destroyed 2011
--   C: all destroyed 2001, (3,6) restored 2015
CREATE TABLE vr_npp AS SELECT raster_of(ARRAY[[300, 200, 500], [40, -1, 500]], '32BF', -1, scale => 90) AS rast;
CREATE TABLE vr_dist AS SELECT ST_SetValues(ST_SetValues(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(7, 6, 0, 180, 30, -30, 0, 0, 32650), '16BUI'::text, 0, 0), '16BUI'::text, 0, NULL), 1, 1, 1,
	ARRAY[[2009, 2009, 2009, 0, 0, 0, 0],
	      [2005, 2011, 0, 0, 0, 0, 0],
	      [0, 0, 0, 0, 0, 0, 0],
	      [2001, 2001, 2001, 0, 0, 0, 0],
	      [2001, 2001, 2001, 0, 0, 0, 0],
	      [2001, 2001, 2001, 0, 0, 0, 0]]::double precision[][]),
	2, 1, 1, ARRAY[[0, 0, 0, 0, 0, 0, 0], [2008, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
	               [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 2015, 0, 0, 0, 0]]::double precision[][]) AS rast;
-- background: C is the only coarse pixel entirely destroyed (from 2001 on):
-- NPP_bg = 40; in 2000 nothing is destroyed: NULL
SELECT y AS year, ecocomp.npp_background(n.rast, d.rast, y) AS npp_bg_g_c_m2
FROM vr_npp n, vr_dist d, generate_series(2000, 2002) y GROUP BY y ORDER BY y;
-- 2010: A has 3 destroyed fine pixels (row 1), S = 9, S_veg = 6:
--   NPP_a = (300 * 9 - 40 * (9 - 6)) / 6 = (2700 - 120) / 6 = 430; destroyed: 0
--   B: nothing destroyed: 200; C: S_veg = 0: 0; D nodata; column 7 nodata
SELECT (ST_DumpValues(ecocomp.npp_downscale(n.rast, d.rast, 2010, 40))).valarray AS npp_a_2010 FROM vr_npp n, vr_dist d;
-- 2007: only (1,2) of A is destroyed (2005, restored 2008):
--   NPP_a = (300 * 9 - 40 * 1) / 8 = 2660 / 8 = 332.5
SELECT (ST_DumpValues(ecocomp.npp_downscale(n.rast, d.rast, 2007, 40))).valarray AS npp_a_2007 FROM vr_npp n, vr_dist d;
-- 2008: (1,2) is restored, row 1 not yet destroyed: A is all vegetated, 300
-- 2000: nothing destroyed anywhere: NPP_b everywhere, and the background
-- is not needed (NULL is accepted)
SELECT (ST_DumpValues(ecocomp.npp_downscale(n.rast, d.rast, 2008, 40))).valarray AS npp_a_2008,
	   (ST_DumpValues(ecocomp.npp_downscale(n.rast, d.rast, 2000, NULL))).valarray AS npp_a_2000
FROM vr_npp n, vr_dist d;
-- the whole pipeline from MODIS digital numbers to VCS: A's vegetated
-- pixels in 2010: 430 * 3.586 = 1541.98
SELECT round(ST_Value(ecocomp.vcs(ecocomp.npp_downscale(ecocomp.npp_from_modis(ST_Reclass(n.rast, '0-600:0-6000', '16BSI'), 1), d.rast, 2010, 40), 1), 1, 2)::numeric, 2) AS vcs_a_2010
FROM vr_npp n, vr_dist d;
-- grids not aligned: one coarse pixel x 0..100, y 0..100 (NPP 100) under a
-- 4x4 fine raster of 30 m from (0, 120).  Fine centres x = 15, 45, 75 and
-- y = 75, 45, 15 fall in it: S = 9; the centres at x = 105 or y = 105 fall
-- outside the coarse raster: nodata.  Fine (1,2) destroyed in 2005:
--   NPP_a = (100 * 9 - 10 * 1) / 8 = 890 / 8 = 111.25
SELECT (ST_DumpValues(ecocomp.npp_downscale(
	ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 100, 100, -100, 0, 0, 32650), '32BF'::text, 100, NULL),
	ST_SetValues(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 120, 30, -30, 0, 0, 32650), '16BUI'::text, 0, NULL), '16BUI'::text, 0, NULL),
		1, 1, 2, ARRAY[[2005]]::double precision[][]), 2006, 10))).valarray AS npp_a_unaligned;
-- empty disturbance raster: an empty raster; NULL rasters: NULL
SELECT ST_IsEmpty(ecocomp.npp_downscale(rast, ST_MakeEmptyRaster(0, 0, 0, 0, 1, -1, 0, 0, 32650), 2010, 40)) AS empty_dist,
	   ecocomp.npp_downscale(NULL, rast, 2010, 40) IS NULL AS null_npp
FROM vr_npp;
-- NPP raster not reaching the disturbance raster: all nodata
SELECT (ST_DumpValues(ecocomp.npp_downscale(ST_SetUpperLeft(n.rast, 10000, 10000), d.rast, 2010, 40))).valarray[1][1:3] AS far_away
FROM vr_npp n, vr_dist d;

-- 3. pixel_coverage / pixel_values.
-- pixel_id = floor(x / |scale_x|) * 2^32 + floor(y / |scale_y|) + 2^31:
-- the fine pixel centred at (45, 135) of 30 m: 1 * 4294967296 + 4 + 2147483648 = 6442450948
-- A rectangle x 15..75, y 120..180 over the disturbance raster, exact:
-- columns 1 and 3 half covered (450 m2), column 2 whole (900 m2), rows 1-2
SELECT * FROM ecocomp.pixel_coverage((SELECT rast FROM vr_dist), ST_MakeEnvelope(15, 120, 75, 180, 32650)) ORDER BY pixel_id;
-- center rule, x 20..70: only the column whose centre (x = 45) is inside
SELECT pixel_id, x, y, fraction, area_m2 FROM ecocomp.pixel_coverage((SELECT rast FROM vr_dist), ST_MakeEnvelope(20, 120, 70, 180, 32650), 'center') ORDER BY pixel_id;
-- the same pixel of a tile starting elsewhere on the grid gets the same id
SELECT c.pixel_id = 6442450948 AS same_id
FROM ecocomp.pixel_coverage(ST_AddBand(ST_MakeEmptyRaster(2, 2, 30, 150, 30, -30, 0, 0, 32650), '8BUI'::text, 0, NULL),
	ST_MakeEnvelope(40, 130, 50, 140, 32650)) c;
-- covered areas add up to the polygon's area (independent: ST_Area), and in
-- a geographic CRS each pixel's area is the ellipsoidal cell area: compare
-- with ST_Area of the pixel polygon as geography (PostGIS)
SELECT round(sum(area_m2)::numeric, 6) AS covered_m2, round(ST_Area(ST_MakeEnvelope(10, 20, 171, 151, 32650))::numeric, 6) AS st_area_m2
FROM ecocomp.pixel_coverage((SELECT rast FROM vr_dist), ST_MakeEnvelope(10, 20, 171, 151, 32650));
WITH g AS (SELECT ST_AddBand(ST_MakeEmptyRaster(3, 2, 110.0, 40.002, 0.001, -0.001, 0, 0, 4326), '8BUI'::text, 1, NULL) AS rast)
SELECT bool_and(abs(c.area_m2 / ST_Area(ST_PixelAsPolygon(g.rast, ((c.x - 110.0) / 0.001 + 0.5)::int, ((40.002 - c.y) / 0.001 + 0.5)::int)::geography) - 1) < 1e-6) AS ellipsoidal_area_ok,
	   count(*) AS pixels
FROM g, ecocomp.pixel_coverage(g.rast, ST_MakeEnvelope(109, 39, 111, 41, 4326)) c;
-- a polygon outside the tile, an empty polygon: no rows
SELECT count(*) AS outside FROM ecocomp.pixel_coverage((SELECT rast FROM vr_dist), ST_MakeEnvelope(1000, 1000, 2000, 2000, 32650));
SELECT count(*) AS empty_polygon FROM ecocomp.pixel_coverage((SELECT rast FROM vr_dist), 'SRID=32650;POLYGON EMPTY'::geometry);
-- pixel_values: the non-nodata pixels: restoration years of the disturbance
-- raster (band 2 has no nodata: 42 pixels, two of them non-zero)
SELECT count(*) AS pixels, count(*) FILTER (WHERE value > 0) AS restored FROM ecocomp.pixel_values((SELECT rast FROM vr_dist), 2);
SELECT * FROM ecocomp.pixel_values((SELECT rast FROM vr_dist), 2) WHERE value > 0 ORDER BY pixel_id;
-- band 1 has nodata 0: only the 14 destroyed pixels
SELECT count(*) AS destroyed_pixels FROM ecocomp.pixel_values((SELECT rast FROM vr_dist));
-- empty and all-nodata rasters: no rows
SELECT count(*) AS no_rows FROM ecocomp.pixel_values(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0, 0, 32650), '32BF'::text, 7, 7));
SELECT count(*) AS no_rows FROM ecocomp.pixel_values(ST_MakeEmptyRaster(0, 0, 0, 0, 1, -1, 0, 0, 32650));

-- 4. Annual area-weighted mean and standard deviation of VCS over a region.
-- VCS 100 and 200 in two 30 m pixels; the polygon covers the first whole
-- (900 m2) and half of the second (450 m2):
--   mean = (100 * 900 + 200 * 450) / 1350 = 133.333
--   sd = sqrt((900 * 33.333^2 + 450 * 66.667^2) / 1350) = sqrt(2222.22) = 47.140
CREATE TABLE vr_vcs_year AS SELECT 2020 AS year, raster_of(ARRAY[[100, 200]], '32BF', NULL, scale => 30) AS rast;
WITH px AS (
	SELECT v.year, c.area_m2, pv.value
	FROM vr_vcs_year v
	CROSS JOIN LATERAL ecocomp.pixel_coverage(v.rast, ST_MakeEnvelope(0, 0, 45, 30, 32650)) c
	JOIN LATERAL ecocomp.pixel_values(v.rast) pv ON pv.pixel_id = c.pixel_id
), m AS (
	SELECT year, sum(area_m2 * value) / sum(area_m2) AS mean FROM px GROUP BY year
)
SELECT m.year, round(m.mean::numeric, 3) AS mean_g_co2_m2,
	   round(sqrt(sum(px.area_m2 * (px.value - m.mean) ^ 2) / sum(px.area_m2))::numeric, 3) AS sd_g_co2_m2
FROM px JOIN m USING (year) GROUP BY m.year, m.mean;

-- 5. Filling an account's mine_vcs from yearly MODIS rasters and a
-- disturbance raster, then the mine_carbon_deficit view.
-- Coarse MODIS NPP: 2x1 pixels of 90 m from (0, 90), digital numbers:
--   A (x 0..90): 1000 + 100 (year - 2001), i.e. NPP 100, 110, ..., 160 g C/m2/a
--   B (x 90..180): 500 (NPP 50), entirely destroyed since 2001: NPP_bg = 50
-- Disturbance: 6x3 pixels of 30 m from (0, 90); pixel P1 (column 1, row 1)
-- destroyed 2004, restored 2006; B's 9 pixels destroyed 2001.
-- Mine: the square x 0..90, y 0..90 (A's 9 fine pixels, 900 m2 each).
-- P1's VCS (NPP * 3.586): 2001-2003: 358.6, 394.46, 430.32; 2004, 2005: 0
--   (destroyed); 2006, 2007: 150 * 3.586 = 537.9, 573.76 (A all vegetated).
-- The other 8 pixels are never destroyed: no change, VCSD 0.
-- P1: baseline through 2001-2003 (NPP slope 10/a): NPP 130, 140, 150, 160
--   in 2004-2007.  C_destroy = -(130 + 140) * 3.586 = -968.22 g CO2/m2,
--   C_restore = (150 - 150 + 160 - 160) * 3.586 = 0, VCSD = 968.22;
--   direct decrease = 430.32 - 0, direct increase = 537.9 - 0.
-- Mine totals (x 900 m2): direct decrease 387288 g, direct increase 484110 g,
--   C_destroy -871398 g, VCSD 871398 g; R_V = 900 / 900 = 1,
--   R_VCS = 484110 / 387288 = 1.25; C_ddper 430.32, C_diper 537.9 g CO2/m2.
SELECT ecocomp.create_accounts('vr_acc', 32650);
INSERT INTO vr_acc.region (region_id, name, level, geom) VALUES (1, 'mine 1', 'mine', ST_Multi(ST_MakeEnvelope(0, 0, 90, 90, 32650)));
CREATE TABLE vr_modis AS SELECT y AS year, raster_of(ARRAY[[1000 + 100 * (y - 2001), 500]], '16BSI', NULL, scale => 90) AS rast
FROM generate_series(2001, 2007) y;
CREATE TABLE vr_disturbance AS SELECT 1 AS rid, ST_SetValues(ST_SetValues(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(6, 3, 0, 90, 30, -30, 0, 0, 32650), '16BUI'::text, 0, 0), '16BUI'::text, 0, 0),
	1, 1, 1, ARRAY[[2004, 0, 0, 2001, 2001, 2001], [0, 0, 0, 2001, 2001, 2001], [0, 0, 0, 2001, 2001, 2001]]::double precision[][]),
	2, 1, 1, ARRAY[[2006]]::double precision[][]) AS rast;
-- once per mine: its pixels on the disturbance grid, with area and years
CREATE TABLE vr_mine_pixel AS
WITH dv AS (
	SELECT d.rid, v.pixel_id, v.value FROM vr_disturbance d, ecocomp.pixel_values(d.rast, 1) v
), rv AS (
	SELECT d.rid, v.pixel_id, v.value FROM vr_disturbance d, ecocomp.pixel_values(d.rast, 2) v
)
SELECT r.region_id, d.rid, c.pixel_id, c.area_m2,
	   nullif(dv.value, 0)::integer AS destroyed_year, nullif(rv.value, 0)::integer AS restored_year
FROM vr_acc.region r
JOIN vr_disturbance d ON ST_Intersects(r.geom, ST_ConvexHull(d.rast))
CROSS JOIN LATERAL ecocomp.pixel_coverage(d.rast, r.geom) c
LEFT JOIN dv ON dv.rid = d.rid AND dv.pixel_id = c.pixel_id
LEFT JOIN rv ON rv.rid = d.rid AND rv.pixel_id = c.pixel_id
WHERE r.level = 'mine';
SELECT count(*) AS pixels, sum(area_m2) AS area_m2, count(destroyed_year) AS destroyed, count(restored_year) AS restored FROM vr_mine_pixel;
-- every year: background, downscaled VCS on the disturbance grid, joined on pixel_id
WITH bg AS (
	SELECT m.year, ecocomp.npp_background(ecocomp.npp_from_modis(m.rast, 1), d.rast, m.year) AS npp_bg
	FROM vr_modis m JOIN vr_disturbance d ON ST_Intersects(ST_ConvexHull(m.rast), ST_ConvexHull(d.rast))
	GROUP BY m.year
), vcs AS (
	SELECT m.year, d.rid, ecocomp.vcs(ecocomp.npp_downscale(ecocomp.npp_from_modis(m.rast, 1), d.rast, m.year, bg.npp_bg), 1) AS rast
	FROM vr_modis m JOIN bg USING (year)
	JOIN vr_disturbance d ON ST_Intersects(ST_ConvexHull(m.rast), ST_ConvexHull(d.rast))
)
INSERT INTO vr_acc.mine_vcs (region_id, pixel_id, year, vcs_g_co2_m2, area_m2, destroyed_year, restored_year)
SELECT p.region_id, p.pixel_id, v.year, pv.value, p.area_m2, p.destroyed_year, p.restored_year
FROM vcs v
CROSS JOIN LATERAL ecocomp.pixel_values(v.rast) pv
JOIN vr_mine_pixel p ON p.rid = v.rid AND p.pixel_id = pv.pixel_id;
SELECT year, count(*) AS pixels, round(min(vcs_g_co2_m2)::numeric, 2) AS min_vcs, round(max(vcs_g_co2_m2)::numeric, 2) AS max_vcs
FROM vr_acc.mine_vcs GROUP BY year ORDER BY year;
-- P1's series through vcs_deficit (VCS is stored as 32BF: round)
SELECT round((d).baseline_slope::numeric, 4) AS slope, (d).baseline_years, round((d).direct_decrease::numeric, 4) AS direct_decrease,
	   round((d).direct_increase::numeric, 4) AS direct_increase, round((d).c_destroy::numeric, 4) AS c_destroy,
	   round((d).c_restore::numeric, 4) AS c_restore, round((d).vcsd::numeric, 4) AS vcsd
FROM (SELECT ecocomp.vcs_deficit(year, vcs_g_co2_m2, destroyed_year, restored_year) AS d FROM vr_acc.mine_vcs WHERE destroyed_year IS NOT NULL) s;
SELECT name, round(direct_decrease_gg_co2 * 1e9) AS direct_decrease_g, round(direct_increase_gg_co2 * 1e9) AS direct_increase_g,
	   round(c_destroy_gg_co2 * 1e9) AS c_destroy_g, round(c_restore_gg_co2 * 1e9) AS c_restore_g, round(vcsd_gg_co2 * 1e9) AS vcsd_g,
	   destroyed_area_m2, restored_area_m2, r_v, round(r_vcs::numeric, 4) AS r_vcs,
	   round(c_ddper_g_co2_m2::numeric, 2) AS c_ddper, round(c_diper_g_co2_m2::numeric, 2) AS c_diper, note
FROM vr_acc.mine_carbon_deficit;
DROP SCHEMA vr_acc CASCADE;

-- 6. Per-pixel trend: 3x2 tiles of 2001-2004 (nodata -1)
--   p(1,1) 100, 110, 120, 130: on a line, slope 10, p = 0
--   p(2,1) 0, 1, 3, 2: t 2001..2004, mean t 2002.5, mean v 1.5, Sxx = 5,
--     Sxy = 2.25 + 0.25 + 0.75 + 0.75 = 4, slope 0.8, Syy = 5,
--     SSE = 5 - 0.8 * 4 = 1.8, se = sqrt(1.8 / 2 / 5), t = 0.8 / sqrt(0.18),
--     t^2 = 32/9, df 2: p = 1 - t / sqrt(2 + t^2) = 1 - sqrt(32/50) = 0.2
--   p(3,1) 5, 5, 5, 5: slope 0, p = 1 (no trend)
--   p(1,2) 0, 2, 1, nodata: Sxx = 2, Sxy = 1, slope 0.5, SSE = 2 - 0.5 = 1.5,
--     t = 0.5 / sqrt(1.5 / 1 / 2) = 1/sqrt(3); df 1 (Cauchy):
--     p = 1 - (2/pi) atan(1/sqrt(3)) = 1 - 1/3 = 0.666667
--   p(2,2), p(3,2): two years only: nodata
CREATE TABLE vr_years AS SELECT y AS year, ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 60, 30, -30, 0, 0, 32650), '32BF'::text, 0, -1), 1, 1, 1,
	CASE y WHEN 2001 THEN ARRAY[[100, 0, 5], [0, 1, 9]]
	       WHEN 2002 THEN ARRAY[[110, 1, 5], [2, 2, 9]]
	       WHEN 2003 THEN ARRAY[[120, 3, 5], [1, -1, -1]]
	       ELSE ARRAY[[130, 2, 5], [-1, -1, -1]] END::double precision[][]) AS rast
FROM generate_series(2001, 2004) y;
-- plus a second tile position (x 90..180) with the same series shifted, to
-- show the grouping by position
INSERT INTO vr_years SELECT year, ST_SetUpperLeft(rast, 90, 60) FROM vr_years;
CREATE TABLE vr_trend AS SELECT ST_UpperLeftX(rast) AS ulx, ecocomp.vcs_trend(rast, year) AS trend
FROM vr_years GROUP BY ST_UpperLeftX(rast), ST_UpperLeftY(rast);
SELECT ulx, ST_NumBands(trend) AS bands, ST_BandPixelType(trend, 1) AS pixtype, (ST_UpperLeftX(trend), ST_UpperLeftY(trend), ST_Width(trend), ST_Height(trend), ST_ScaleX(trend), ST_ScaleY(trend), ST_SRID(trend)) = (ulx, 60, 3, 2, 30, -30, 32650) AS tile_grid,
	   (SELECT array_agg(round(v::numeric, 6)) FROM unnest(ST_DumpValues(trend, 1)) v) AS slope_row_major,
	   (SELECT array_agg(round(v::numeric, 6)) FROM unnest(ST_DumpValues(trend, 2)) v) AS p_value_row_major
FROM vr_trend ORDER BY ulx;
-- rows in any order, and an empty group gives NULL
SELECT ecocomp.vcs_trend(rast, year ORDER BY year DESC)::text = (SELECT trend::text FROM vr_trend WHERE ulx = 0) AS order_free
FROM vr_years WHERE ST_UpperLeftX(rast) = 0;
SELECT ecocomp.vcs_trend(rast, year) IS NULL AS no_rows FROM vr_years WHERE false;
SELECT ecocomp.vcs_trend(NULL::raster, 2001) IS NULL AS null_tile;
-- the p-value function against known values of Student's t:
--   t = 1, df = 1: 0.5 (Cauchy); t = 1, df = 2: 1 - 1/sqrt(3) = 0.4226497;
--   t(0.975, 10) = 2.228138852: 0.05; t(0.995, 5) = 4.032142984: 0.01;
--   df = 1e7 tends to the normal: 1.959963985 -> 0.05; t = 0: 1; t = inf: 0
SELECT round(ecocomp.student_t_p_value(1, 1)::numeric, 9) AS p_1_1,
	   round(ecocomp.student_t_p_value(-1, 2)::numeric, 9) AS p_1_2, round((1 - 1 / sqrt(3))::numeric, 9) AS closed_form,
	   round(ecocomp.student_t_p_value(2.228138852, 10)::numeric, 9) AS p_10,
	   round(ecocomp.student_t_p_value(4.032142984, 5)::numeric, 9) AS p_5,
	   round(ecocomp.student_t_p_value(1.959963985, 1e7)::numeric, 6) AS p_normal,
	   ecocomp.student_t_p_value(0, 3) AS p_t0, ecocomp.student_t_p_value('Infinity', 3) AS p_inf;
-- Partial aggregation: one long series (1x1 tiles, years 1..3000,
-- v = 3 * year) split across workers: the combine function merges the
-- years and sums: slope 3, p 0
CREATE TABLE vr_long AS SELECT y AS year, ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 30, 30, -30, 0, 0, 32650), '64BF'::text, 3.0 * y, NULL) AS rast
FROM generate_series(1, 3000) y;
ANALYZE vr_long;
CALL force_parallel();
EXPLAIN (COSTS OFF) SELECT ecocomp.vcs_trend(rast, year) FROM vr_long;
SELECT round(ST_Value(t, 1, 1, 1)::numeric, 4) AS slope, ST_Value(t, 2, 1, 1) AS p FROM (SELECT ecocomp.vcs_trend(rast, year) AS t FROM vr_long) s;
-- the background over many tile pairs, in parallel: 3000 copies of the
-- pair of section 2: still the mean 40
CREATE TABLE vr_pairs AS SELECT g, n.rast AS npp, d.rast AS dist FROM vr_npp n, vr_dist d, generate_series(1, 300) g;
ANALYZE vr_pairs;
SELECT ecocomp.npp_background(npp, dist, 2010) AS npp_bg_parallel FROM vr_pairs;
CALL reset_parallel();

-- 7. Bad inputs, each with its SQLSTATE
-- MODIS value outside -30000..32700 that is not a fill code: 22023
SELECT error_of($$SELECT ecocomp.npp_from_modis(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0, 0, 32650), '16BSI'::text, -30001, NULL), 1)$$);
SELECT error_of($$SELECT ecocomp.npp_from_modis(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0, 0, 32650), '16BSI'::text, 32701, NULL), 1)$$);
-- float band of digital numbers: 22023
SELECT error_of($$SELECT ecocomp.npp_from_modis(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0, 0, 32650), '32BF'::text, 1, NULL), 1)$$);
-- band out of range: 22023
SELECT error_of($$SELECT ecocomp.npp_from_modis(rast, 2) FROM vr_dn$$);
SELECT error_of($$SELECT ecocomp.vcs(rast, 0) FROM vr_dn$$);
SELECT error_of($$SELECT ecocomp.vcs(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0, 0, 32650), 1)$$);
SELECT error_of($$SELECT * FROM ecocomp.pixel_values((SELECT rast FROM vr_dist), 3)$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, d.rast, 2010, 40, 2) FROM vr_npp n, vr_dist d$$);
SELECT error_of($$SELECT ecocomp.vcs_trend(rast, year, 2) FROM vr_years$$);
-- NULL band (the functions are STRICT: NULL out)
SELECT ecocomp.vcs(rast, NULL) IS NULL AS null_band FROM vr_dn;
-- skewed raster: 0A000
SELECT error_of($$SELECT ecocomp.vcs(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0.5, 0, 32650), '32BF'::text, 1, NULL), 1)$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(rast, ST_SetRotation(rast, 0.3), 2010, 40) FROM vr_npp$$);
SELECT error_of($$SELECT c.* FROM vr_dist, ecocomp.pixel_coverage(ST_SetSkew(rast, 1, 0), ST_MakeEnvelope(0, 0, 10, 10, 32650)) c$$);
-- out-db band with postgis.enable_outdb_rasters off: 0A000 (hex WKB, RFC2,
-- big-endian; no file is opened)
SELECT error_of(format($$SELECT ecocomp.vcs(%L::raster, 1)$$,
	'00' || '0000' || '0001' ||
	encode(float8send(100) || float8send(-100) || float8send(0) || float8send(400) || float8send(0) || float8send(0)
	       || int4send(32650) || int2send(4::int2) || int2send(4::int2), 'hex') ||
	'ca' || '00000000' || '00' || encode(convert_to('/data/npp_2020.tif', 'UTF8'), 'hex') || '00'));
-- infinite NPP: 22023; VCS beyond the 32BF range: 22003
SELECT error_of($$SELECT ecocomp.vcs(ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 0, 1, -1, 0, 0, 32650), '64BF'::text, 'Infinity'::float8, NULL), 1)$$);
SELECT error_of($$SELECT ecocomp.vcs(ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 0, 1, -1, 0, 0, 32650), '64BF'::text, 1e38, NULL), 1)$$);
-- SRID mismatch: 22023
SELECT error_of($$SELECT ecocomp.npp_downscale(ST_SetSRID(n.rast, 4326), d.rast, 2010, 40) FROM vr_npp n, vr_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_background(ST_SetSRID(n.rast, 32651), d.rast, 2010) FROM vr_npp n, vr_dist d$$);
SELECT error_of($$SELECT * FROM ecocomp.pixel_coverage((SELECT rast FROM vr_dist), ST_MakeEnvelope(0, 0, 10, 10, 4326))$$);
-- disturbance with one band, or float bands: 22023
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, ST_Band(d.rast, 1), 2010, 40) FROM vr_npp n, vr_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 180, 30, -30, 0, 0, 32650), '32BF'::text, 2001, NULL), '32BF'::text, 0, NULL), 2010, 40) FROM vr_npp n$$);
-- restoration before destruction, restoration without destruction,
-- negative years: 22023
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, ST_SetValue(d.rast, 2, 1, 1, 2008), 2010, 40) FROM vr_npp n, vr_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, ST_SetValue(d.rast, 2, 7, 6, 2008), 2010, 40) FROM vr_npp n, vr_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 180, 30, -30, 0, 0, 32650), '16BSI'::text, -5, NULL), '16BSI'::text, 0, NULL), 2010, 40) FROM vr_npp n$$);
-- NULL year or band: 22004; NULL background where it is needed: 22004;
-- a non-finite background: 22023
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, d.rast, NULL, 40) FROM vr_npp n, vr_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, d.rast, 2010, 40, NULL) FROM vr_npp n, vr_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, d.rast, 2010, NULL) FROM vr_npp n, vr_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_downscale(n.rast, d.rast, 2010, 'NaN') FROM vr_npp n, vr_dist d$$);
SELECT error_of($$SELECT ecocomp.npp_background(n.rast, d.rast, NULL) FROM vr_npp n, vr_dist d$$);
-- npp_background: NULL rasters are skipped; two years in one group: 22023
SELECT ecocomp.npp_background(NULL, d.rast, 2010) IS NULL AS null_npp_skipped FROM vr_dist d;
SELECT error_of($$SELECT ecocomp.npp_background(n.rast, d.rast, y) FROM vr_npp n, vr_dist d, generate_series(2009, 2010) y$$);
-- pixel_coverage: unknown coverage mode, non-polygon: 22023
SELECT error_of($$SELECT * FROM ecocomp.pixel_coverage((SELECT rast FROM vr_dist), ST_MakeEnvelope(0, 0, 10, 10, 32650), 'centre')$$);
SELECT error_of($$SELECT * FROM ecocomp.pixel_coverage((SELECT rast FROM vr_dist), 'SRID=32650;POINT(5 5)'::geometry)$$);
-- pixel_id out of range (pixels too small for their distance to the origin): 22023
SELECT error_of($$SELECT * FROM ecocomp.pixel_values(ST_AddBand(ST_MakeEmptyRaster(1, 1, 1e6, 0, 1e-6, -1e-6, 0, 0, 32650), '8BUI'::text, 1, NULL))$$);
-- vcs_trend: a year twice, tiles of different grids or sizes, band
-- changing, NULL year, empty tile: 22023 / 22004
SELECT error_of($$SELECT ecocomp.vcs_trend(rast, 2001) FROM vr_years WHERE ST_UpperLeftX(rast) = 0$$);
SELECT error_of($$SELECT ecocomp.vcs_trend(rast, year) FROM vr_years$$);
SELECT error_of($$SELECT ecocomp.vcs_trend(CASE WHEN year = 2002 THEN ST_Resize(rast, 2, 2) ELSE rast END, year) FROM vr_years WHERE ST_UpperLeftX(rast) = 0$$);
SELECT error_of($$SELECT ecocomp.vcs_trend(ST_AddBand(rast, '32BF'::text, 0, NULL), year, CASE WHEN year = 2002 THEN 2 ELSE 1 END) FROM vr_years WHERE ST_UpperLeftX(rast) = 0$$);
SELECT error_of($$SELECT ecocomp.vcs_trend(rast, NULL) FROM vr_years$$);
SELECT error_of($$SELECT ecocomp.vcs_trend(ST_MakeEmptyRaster(0, 0, 0, 0, 1, -1, 0, 0, 32650), 2001)$$);
-- a broken state: 22000; the support functions outside an aggregate
SELECT error_of($$SELECT ecocomp.vcs_trend_final('{1,2,3}'::float8[])$$);
SELECT error_of($$SELECT ecocomp.npp_background_final('{1,2}'::float8[])$$);
SELECT error_of($$SELECT ecocomp.vcs_trend_transfn(NULL, rast, 2001) FROM vr_dn$$);
-- the p-value function: NaN t, df <= 0: 22023
SELECT error_of($$SELECT ecocomp.student_t_p_value('NaN', 3)$$);
SELECT error_of($$SELECT ecocomp.student_t_p_value(1, 0)$$);

DROP TABLE vr_dn, vr_npp, vr_dist, vr_vcs_year, vr_modis, vr_disturbance, vr_mine_pixel, vr_years, vr_trend, vr_long, vr_pairs;

-- Accounts: the mine carbon deficit from rasters (refresh_mine_vcs) and E_a
-- from crop statistics.
\pset null '(null)'
SET client_min_messages = warning;
SELECT ecocomp.create_accounts('accm', 32650);

-- The scenario of test vcs_raster, section 5, now through the account:
-- coarse MODIS NPP 2x1 pixels of 90 m from (0, 90), digital numbers:
--   A (x 0..90): 1000 + 100 (year - 2001) -> NPP 100, 110, ..., 160 g C/m2/a
--   B (x 90..180): 500 -> NPP 50, entirely destroyed since 2001: background 50
-- disturbance 6x3 pixels of 30 m; P1 (column 1, row 1) destroyed 2004,
-- restored 2006; B's 9 pixels destroyed 2001.  Mine: x 0..90, y 0..90.
-- P1: baseline NPP 130, 140, 150, 160 in 2004-2007 (slope 10/a); destroyed
--   in 2004, 2005 (VCS 0): C_destroy = -(130 + 140) * 3.586 = -968.22 g CO2/m2;
--   restored 2006, 2007 at NPP 150, 160: C_restore = 0; VCSD = 968.22.
--   direct decrease = 120 * 3.586 - 0 = 430.32, direct increase = 150 * 3.586 = 537.9
-- The other 8 pixels are never destroyed: they add nothing.
-- Mine (x 900 m2 / 1e9): decrease 0.000387288 Gg, increase 0.00048411 Gg,
--   C_destroy -0.000871398, VCSD 0.000871398 Gg; R_V 1; R_VCS = 537.9 / 430.32 = 1.25
INSERT INTO accm.region (region_id, name, level, geom) VALUES
(1, 'mine 1', 'mine', ST_Multi(ST_MakeEnvelope(0, 0, 90, 90, 32650)));
INSERT INTO accm.npp_raster (year, unit, rast)
SELECT y, 'modis_dn', ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(2, 1, 0, 90, 90, -90, 0, 0, 32650), '16BSI'::text, 0, NULL),
	1, 1, 1, ARRAY[[1000 + 100 * (y - 2001), 500]]::float8[])
FROM generate_series(2001, 2007) y;
INSERT INTO accm.disturbance_raster (rast)
SELECT ST_SetValues(ST_SetValues(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(6, 3, 0, 90, 30, -30, 0, 0, 32650), '16BUI'::text, 0, 0), '16BUI'::text, 0, 0),
	1, 1, 1, ARRAY[[2004, 0, 0, 2001, 2001, 2001], [0, 0, 0, 2001, 2001, 2001], [0, 0, 0, 2001, 2001, 2001]]::float8[]),
	2, 1, 1, ARRAY[[2006]]::float8[]);
-- refresh(): one mine recomputed, 9 mine pixels x 7 years written
SELECT accm.refresh() AS recomputed;
SELECT count(*) AS mine_vcs_rows FROM accm.mine_vcs;
-- again: nothing changed, nothing recomputed, the same rows
SELECT accm.refresh() AS recomputed_again;
SELECT count(*) AS mine_vcs_rows FROM accm.mine_vcs;
SELECT name, round((direct_decrease_gg_co2 * 1e9)::numeric) AS dd_g, round((direct_increase_gg_co2 * 1e9)::numeric) AS di_g,
	   round((c_destroy_gg_co2 * 1e9)::numeric) AS c_destroy_g, round((c_restore_gg_co2 * 1e9)::numeric) AS c_restore_g,
	   round((vcsd_gg_co2 * 1e9)::numeric) AS vcsd_g, r_v, round(r_vcs::numeric, 4) AS r_vcs,
	   round(c_ddper_g_co2_m2::numeric, 2) AS c_ddper, round(c_diper_g_co2_m2::numeric, 2) AS c_diper, note
FROM accm.mine_carbon_deficit;

-- The same deficit year by year (mine_carbon_series), read from the cache
-- refresh() wrote (mine_vcs).  P1 (VCS = NPP * 3.586): 358.6, 394.46, 430.32
-- in 2001-2003, 0 in 2004-2005, 537.9, 573.76 in 2006-2007; baseline
-- 466.18, 502.04 in 2004, 2005.  x 900 m2:
--   2004: C_destroy_t = -466.18 * 900 = -419,562 g, direct decrease 430.32 * 900 = 387,288 g,
--         900 m2 destroyed; R_V 0, R_VCS 0, C_ddper 430.32
--   2005: C_destroy_t = -502.04 * 900 = -451,836 g
--   2006: C_restore_t = 537.9 - 537.9 = 0, direct increase 537.9 * 900 = 484,110 g,
--         900 m2 restored; R_V 1, R_VCS 1.25, C_diper 537.9
--   2007: C_restore_t = 0
-- Carbon price 50 yuan/t: 2004 0.419562 t -> 20.9781 yuan, 2005 0.451836 t ->
--   22.5918 yuan; total 0.871398 t -> 43.5699 yuan
UPDATE accm.settings SET carbon_price_yuan_per_t_co2 = 50;
SELECT year, round((direct_decrease_gg_co2 * 1e9)::numeric) AS dd_g, round((direct_increase_gg_co2 * 1e9)::numeric) AS di_g,
	   round((c_destroy_gg_co2 * 1e9)::numeric) AS c_destroy_g, round((c_restore_gg_co2 * 1e9)::numeric) AS c_restore_g,
	   round((vcsd_gg_co2 * 1e9)::numeric) AS vcsd_g, round(vcsd_value_yuan::numeric, 4) AS vcsd_yuan,
	   destroyed_area_m2, restored_area_m2, r_v, round(r_vcs::numeric, 4) AS r_vcs,
	   round(c_ddper_g_co2_m2::numeric, 2) AS c_ddper, round(c_diper_g_co2_m2::numeric, 2) AS c_diper
FROM accm.mine_carbon_series ORDER BY year;
SELECT round((sum(s.vcsd_gg_co2) * 1e9)::numeric) AS series_vcsd_g, round((d.vcsd_gg_co2 * 1e9)::numeric) AS vcsd_g,
	   round(sum(s.vcsd_value_yuan)::numeric, 4) AS series_yuan, round(d.vcsd_value_yuan::numeric, 4) AS yuan
FROM accm.mine_carbon_series s JOIN accm.mine_carbon_deficit d USING (region_id) GROUP BY d.vcsd_gg_co2, d.vcsd_value_yuan;
UPDATE accm.settings SET carbon_price_yuan_per_t_co2 = NULL;

-- E_a from crop statistics when region_stat has none:
-- wheat 2.4 yuan/kg * 6000 kg/hm2 * 100 hm2 + maize 2.0 * 8000 * 300
--   = 1,440,000 + 4,800,000 = 6,240,000; / 400 hm2 = 15,600; / 7 = 2228.571428...
-- city: one 100 m pixel of dry land (1 ha): ESV = 4.01 * 2228.5714 = 8936.571428...
INSERT INTO accm.region (region_id, name, level, geom) VALUES
(2, 'city', 'city', ST_Multi(ST_MakeEnvelope(0, 200, 100, 300, 32650)));
INSERT INTO accm.landuse_raster (year, classification, rast)
VALUES (2020, 'cnlucc', ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 300, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0));
INSERT INTO accm.region_stat (region_id, year, gdp_yuan) VALUES (2, 2020, 1e6);
-- the city's land-use areas (the mine is untouched: 1 recomputed)
SELECT accm.refresh() AS recomputed;
SELECT name, year, round(ea_yuan_per_hm2::numeric, 6) AS ea, esv_total_yuan, note FROM accm.city_esv;
INSERT INTO accm.crop_stat VALUES (2, 2020, 'wheat', 2.4, 6000, 100), (2, 2020, 'maize', 2.0, 8000, 300);
SELECT name, year, round(ea_yuan_per_hm2::numeric, 6) AS ea, round(esv_total_yuan::numeric, 6) AS esv_total_yuan, note FROM accm.city_esv;
-- a value in region_stat wins over the crops
UPDATE accm.region_stat SET ea_yuan_per_hm2 = 1000 WHERE region_id = 2;
SELECT round(esv_total_yuan::numeric, 6) AS esv_total_yuan FROM accm.city_esv;

-- a mine's boundary changes: only that mine is recomputed (the city is not);
-- the mine shrinks to column 1 (x 0..30): 3 pixels x 7 years, P1 among them,
-- so its deficit is unchanged
UPDATE accm.region SET geom = ST_Multi(ST_MakeEnvelope(0, 0, 30, 90, 32650)) WHERE region_id = 1;
SELECT accm.stale() AS stale;
SELECT accm.refresh() AS recomputed;
SELECT count(*) AS mine_vcs_rows FROM accm.mine_vcs;
SELECT round((vcsd_gg_co2 * 1e9)::numeric) AS vcsd_g FROM accm.mine_carbon_deficit;

DROP SCHEMA accm CASCADE;

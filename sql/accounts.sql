-- Compensation accounts (create_accounts): the result views on a small,
-- hand-checkable data set in EPSG:32650 (metres).
\pset null '(null)'
SELECT ecocomp.create_accounts('acc', 32650);
-- calling it again keeps the data and replaces the views
SELECT ecocomp.create_accounts('acc', 32650);

-- city 1: a 300 m x 300 m square over a 3 x 3 raster of 100 m pixels (1 ha):
--   2000: 8 ha dry land (12), 1 ha closed forest (21)
--   2010: two dry-land pixels became urban (51): 6 ha dry land, 1 ha forest, 2 ha urban
-- city 2: no raster covers it; city 3: covered, but no E_a for 2010
INSERT INTO acc.region (region_id, name, level, geom) VALUES
(1, 'One', 'city', ST_Multi(ST_MakeEnvelope(500000, 4000000, 500300, 4000300, 32650))),
(2, 'Two', 'city', ST_Multi(ST_MakeEnvelope(900000, 4000000, 900300, 4000300, 32650))),
(3, 'Three', 'city', ST_Multi(ST_MakeEnvelope(500000, 4000000, 500100, 4000100, 32650)));
INSERT INTO acc.landuse_raster (year, classification, rast)
SELECT y, 'cnlucc', ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(3, 3, 500000, 4000300, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0),
	   1, 1, 1, CASE y WHEN 2000 THEN ARRAY[[21, 12, 12], [12, 12, 12], [12, 12, 12]]::float8[]
					   ELSE ARRAY[[21, 51, 51], [12, 12, 12], [12, 12, 12]]::float8[] END)
FROM (VALUES (2000), (2010)) v(y);
-- E_a 1000 yuan/hm2/a; GDP chosen so that city 1 has ECPS = 1 in 2000
INSERT INTO acc.region_stat (region_id, year, gdp_yuan, ea_yuan_per_hm2) VALUES
(1, 2000, 43620, 1000), (1, 2010, 30000, 1000), (2, 2000, 1e6, 1000), (3, 2000, 1e5, 1000), (3, 2010, 1e5, NULL);

-- city 1, 2000: ESV = 1000 * (8 * 4.01 + 1 * 23.09) = 55,170
--   non-market = 1000 * (8 * (4.01 - 1.27) + 1 * (23.09 - 1.39)) = 43,620
-- city 1, 2010: ESV = 1000 * (6 * 4.01 + 23.09) = 47,150; change = 47150/55170 - 1 = -14.5369...%
--   non-market = 1000 * (6 * 2.74 + 21.70) = 38,140
-- city 3 (the bottom-left pixel, dry land), 2000: ESV = 1000 * 4.01 = 4,010, non-market 2,740
SELECT fid, name, year, round(esv_total_yuan::numeric, 6) AS esv_total_yuan,
	   round(esv_nonmarket_yuan::numeric, 6) AS esv_nonmarket_yuan,
	   round(esv_change_pct::numeric, 6) AS esv_change_pct, change_from_year,
	   landuse_area_ha, round(landuse_coverage_pct::numeric, 6) AS landuse_coverage_pct, note
FROM acc.city_esv ORDER BY region_id, year;

-- compensation: city 1, 2000: ECPS = 43620 / 43620 = 1, t = 0.5, R = 43620 * 0.15 * 0.5 = 3271.5
-- city 1, 2010: ECPS = 38140 / 30000 = 1.27133..., t = 2 atan(1.27133)/pi = 0.57529...,
--   R = 38140 * 0.15 * t;  city 3, 2000: ECPS = 2740 / 1e5 = 0.0274, R = 2740 * 0.15 * 2 atan(0.0274) / pi
-- shares per year: 2000: 3271.5 / (3271.5 + R3) ...
SELECT fid, name, year, gdp_yuan, round(ecps::numeric, 6) AS ecps, round(compensation_intensity::numeric, 6) AS t,
	   round(compensation_yuan::numeric, 4) AS compensation_yuan, priority, note
FROM acc.city_compensation ORDER BY region_id, year;
-- independent recomputation of t and R for city 1, 2010 and of the 2000 shares
SELECT round((38140 * 0.15 * 2 * atan(38140 / 30000.0) / pi())::numeric, 4) AS r_city1_2010,
	   round((2740 * 0.15 * 2 * atan(0.0274) / pi())::numeric, 4) AS r_city3_2000;
SELECT name, round(compensation_share_pct::numeric, 4) AS share_pct,
	   round((100 * compensation_yuan / (3271.5 + 2740 * 0.15 * 2 * atan(0.0274) / pi()))::numeric, 4) AS expected_share_pct,
	   round(compensation_pct_of_gdp::numeric, 6) AS pct_of_gdp
FROM acc.city_compensation WHERE year = 2000 AND compensation_yuan IS NOT NULL ORDER BY region_id;

-- Water: zone 10 with districts 11 and 12; zone 20 with districts 21 (stats) and 22 (none)
-- district 11: aquatic 29 t, freshwater 2,912,000 m3, pollution 1,456,000 m3, Q 2,912,000 m3
--   EF = 2.70*29/0.029 + 2.70*2912000/2912 + 2.70*1456000/2912 = 2700 + 2700 + 1350 = 6750
--   EC = 0.4 * 1.98 * 2.70 * 2912000 / 2912 = 2138.4; ERD = -4611.6; value = -4611.6 * 2476 = -11,418,321.6
-- district 12: twice everything: EF 13,500, EC 4276.8, ERD -9223.2, value -22,836,643.2
-- zone 10: EF 20,250, EC 6415.2, ERD -13,834.8, value -34,254,964.8, payer
INSERT INTO acc.region (region_id, name, level, geom) VALUES
(10, 'Zone A', 'zone', ST_Multi(ST_MakeEnvelope(0, 0, 2000, 1000, 32650))),
(20, 'Zone B', 'zone', ST_Multi(ST_MakeEnvelope(0, 1000, 2000, 2000, 32650)));
INSERT INTO acc.region (region_id, name, level, parent_id, geom) VALUES
(11, 'A1', 'district', 10, ST_Multi(ST_MakeEnvelope(0, 0, 1000, 1000, 32650))),
(12, 'A2', 'district', 10, ST_Multi(ST_MakeEnvelope(1000, 0, 2000, 1000, 32650))),
(21, 'B1', 'district', 20, ST_Multi(ST_MakeEnvelope(0, 1000, 1000, 2000, 32650))),
(22, 'B2', 'district', 20, ST_Multi(ST_MakeEnvelope(1000, 1000, 2000, 2000, 32650)));
INSERT INTO acc.region_stat (region_id, year, aquatic_output_t, freshwater_use_m3, pollution_dilution_m3, water_resources_m3) VALUES
(11, 2022, 29, 2912000, 1456000, 2912000), (12, 2022, 58, 5824000, 2912000, 5824000),
(21, 2022, 29, 2912000, 1456000, 2912000);
SELECT fid, name, level, year, round(ef_aquatic_hm2::numeric, 6) AS ef_aquatic_hm2, round(ef_freshwater_hm2::numeric, 6) AS ef_freshwater_hm2,
	   round(ef_pollution_hm2::numeric, 6) AS ef_pollution_hm2, round(ef_total_hm2::numeric, 6) AS ef_total_hm2,
	   round(ec_hm2::numeric, 6) AS ec_hm2, round(erd_hm2::numeric, 6) AS erd_hm2, round(value_yuan::numeric, 4) AS value_yuan, role, note
FROM acc.water_compensation ORDER BY region_id;

-- GEP of a project with explicit areas equals gep_compare's totals
INSERT INTO acc.region (region_id, name, level, geom) VALUES
(30, 'Project', 'project', ST_Multi(ST_MakeEnvelope(0, 5000, 880, 5880, 32650)));
INSERT INTO acc.gep_project (region_id, before_year, after_year, before_areas, after_areas, overrides) VALUES
(30, 2018, 2022, '{"mining": 70.91, "dryland": 0.95, "forest": 2.57, "grassland": 1.11, "construction": 1.83}',
 '{"dryland": 41.42, "forest": 34.07, "grassland": 1.88}',
 '{"ac_days": 6300, "evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000, "crop_price": 2, "grain_price": 1, "grain_yield": 10940}');
SELECT g.name, abs(g.gep_before_yuan - c.before_yuan) < 1e-6 AS before_ok, abs(g.gep_after_yuan - c.after_yuan) < 1e-6 AS after_ok,
	   abs(g.provisioning_before_yuan + g.regulating_before_yuan + g.cultural_before_yuan - g.gep_before_yuan) < 1e-6 AS groups_add_up,
	   g.note
FROM acc.gep_restoration g, acc.gep_project p,
	 LATERAL ecocomp.gep_compare(p.before_areas, p.after_areas, 'jinsha_2022', p.overrides) c
WHERE c.level = 'total';

-- Mine: one 30 m pixel (900 m2) with the series of test vcs (VCSD 660 g CO2/m2,
-- direct decrease 100, direct increase 10 g CO2/m2) and one never disturbed
-- pixel: VCSD = 660 * 900 / 1e9 = 0.000594 Gg; decrease 0.00009 Gg; increase
-- 0.000009 Gg; R_V = 900 / 900 = 1; R_VCS = 10 / 100 = 0.1; C_ddper = 100 g/m2
INSERT INTO acc.region (region_id, name, level, geom) VALUES
(40, 'Mine', 'mine', ST_Multi(ST_MakeEnvelope(0, 9000, 60, 9030, 32650))),
(41, 'Mine without data', 'mine', ST_Multi(ST_MakeEnvelope(0, 9100, 60, 9130, 32650)));
INSERT INTO acc.mine_vcs (region_id, pixel_id, year, vcs_g_co2_m2, area_m2, destroyed_year, restored_year)
SELECT 40, 1, y, v, 900, 2004, 2008 FROM (VALUES
	(2001, 100), (2002, 110), (2003, 120), (2004, 20), (2005, 30), (2006, 40), (2007, 50), (2008, 60), (2009, 70)) s(y, v)
UNION ALL
SELECT 40, 2, y, 100 + y - 2001, 900, NULL, NULL FROM generate_series(2001, 2009) y;
SELECT fid, name, round(direct_decrease_gg_co2::numeric, 9) AS dd, round(direct_increase_gg_co2::numeric, 9) AS di,
	   round(c_destroy_gg_co2::numeric, 9) AS c_destroy, round(c_restore_gg_co2::numeric, 9) AS c_restore,
	   round(vcsd_gg_co2::numeric, 9) AS vcsd, r_v, round(r_vcs::numeric, 9) AS r_vcs,
	   round(c_ddper_g_co2_m2::numeric, 6) AS c_ddper, note
FROM acc.mine_carbon_deficit ORDER BY fid;

-- Geometry columns carry type and SRID (what GIS clients read)
SELECT f_table_name, f_geometry_column, type, srid FROM geometry_columns
WHERE f_table_schema = 'acc' ORDER BY f_table_name;

-- a year whose land-use tiles come in two SRIDs is an error, not a guess
INSERT INTO acc.landuse_raster (year, classification, rast)
SELECT 2020, 'cnlucc', ST_AddBand(ST_MakeEmptyRaster(3, 3, 500000, 4000300, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0)
UNION ALL
SELECT 2020, 'cnlucc', ST_AddBand(ST_MakeEmptyRaster(3, 3, 117, 36.1, 0.001, -0.001, 0, 0, 4326), '8BUI'::text, 12, 0);
SELECT error_of($$SELECT * FROM acc.city_esv WHERE year = 2020$$);
DELETE FROM acc.landuse_raster WHERE year = 2020;

-- Bad input
SELECT error_of($$SELECT ecocomp.create_accounts('acc2', 999999)$$);
SELECT error_of($$SELECT ecocomp.create_accounts(NULL, 4326)$$);

DROP SCHEMA acc CASCADE;

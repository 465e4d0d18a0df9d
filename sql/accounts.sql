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
-- city 4: 200 m x 100 m over a tile of two 1 ha pixels, dry land (12) and
-- nodata (0): 1 ha of 2 classified, coverage 50 %
INSERT INTO acc.region (region_id, name, level, geom) VALUES
(4, 'Four', 'city', ST_Multi(ST_MakeEnvelope(600000, 4000000, 600200, 4000100, 32650)));
INSERT INTO acc.region_stat (region_id, year, gdp_yuan, population, ea_yuan_per_hm2) VALUES
(1, 2000, 43620, 100, 1000), (1, 2010, 30000, NULL, 1000), (2, 2000, 1e6, NULL, 1000), (3, 2000, 1e5, NULL, 1000), (3, 2010, 1e5, NULL, NULL),
(4, 2000, 1e5, NULL, 1000), (4, 2010, 1e5, NULL, 2000);
INSERT INTO acc.landuse_raster (year, classification, rast)
SELECT y, 'cnlucc', ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(2, 1, 600000, 4000100, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0),
	   1, 1, 1, ARRAY[[12, 0]]::float8[])
FROM (VALUES (2000), (2010)) v(y);
-- the raster step: 4 cities x 2 years land-use areas
SELECT acc.refresh() AS recomputed;
-- nothing changed: nothing recomputed
SELECT acc.refresh() AS recomputed_again;

-- city 1, 2000: ESV = 1000 * (8 * 4.01 + 1 * 23.09) = 55,170
--   non-market = 1000 * (8 * (4.01 - 1.27) + 1 * (23.09 - 1.39)) = 43,620
-- city 1, 2010: ESV = 1000 * (6 * 4.01 + 23.09) = 47,150; change = 47150/55170 - 1 = -14.5369...%
--   non-market = 1000 * (6 * 2.74 + 21.70) = 38,140
--   E_a is the same in both years: the land-use-driven change equals the total
--   per capita (population 100 in 2000): 551.70 yuan
-- city 3 (the bottom-left pixel, dry land), 2000: ESV = 1000 * 4.01 = 4,010, non-market 2,740
-- city 4: coverage 50 % < min_coverage_pct 95: no results, a note
SELECT fid, name, year, round(esv_total_yuan::numeric, 6) AS esv_total_yuan,
	   round(esv_nonmarket_yuan::numeric, 6) AS esv_nonmarket_yuan,
	   round(esv_change_pct::numeric, 6) AS esv_change_pct, round(esv_landuse_change_pct::numeric, 6) AS esv_landuse_change_pct,
	   change_from_year, round(esv_per_capita_yuan::numeric, 6) AS esv_per_capita_yuan,
	   landuse_area_ha, round(landuse_coverage_pct::numeric, 6) AS landuse_coverage_pct, note
FROM acc.city_esv ORDER BY region_id, year;
-- partial results allowed: min_coverage_pct 0.  City 4, 2000: 1 ha dry land
-- at E_a 1000: ESV 4,010; 2010 at E_a 2000: 8,020, change +100 % in total,
-- 0 % from land use (the same hectare at 2000's E_a)
UPDATE acc.settings SET min_coverage_pct = 0;
SELECT name, year, esv_total_yuan, esv_change_pct, esv_landuse_change_pct, landuse_coverage_pct, note
FROM acc.city_esv WHERE region_id = 4 ORDER BY year;
UPDATE acc.settings SET min_coverage_pct = 95;
SELECT error_of($$UPDATE acc.settings SET min_coverage_pct = 101$$);

-- The Xie 2015 factor adjustment of a city and year (esv_adjustment).  City
-- 1, 2000, precipitation 0.5 (water supply, hydrological regulation), soil 2
-- (soil conservation), NPP NULL = 1.  Xie 2015 factors:
--   dry land (12): water 0.02, hydro 0.27, soil 1.03 -> 4.01 - 0.29 / 2 + 1.03 = 4.895
--   mixed forest (21): water 0.37, hydro 3.51, soil 2.86 -> 23.09 - 3.88 / 2 + 2.86 = 24.01
--   ESV = 1000 * (8 * 4.895 + 24.01) = 63,170
--   non-market (less food, raw materials, water supply):
--     dry land 4.895 - (0.85 + 0.40 + 0.01) = 3.635, forest 24.01 - (0.31 + 0.71 + 0.185) = 22.805
--     1000 * (8 * 3.635 + 22.805) = 51,885
-- 2010 has no row: unchanged (47,150), no adjustment note
INSERT INTO acc.esv_adjustment (region_id, year, npp_factor, precipitation_factor, soil_factor) VALUES (1, 2000, NULL, 0.5, 2);
SELECT name, year, round(esv_total_yuan::numeric, 6) AS esv_total_yuan, round(esv_nonmarket_yuan::numeric, 6) AS esv_nonmarket_yuan, note
FROM acc.city_esv WHERE region_id = 1 ORDER BY year;
-- a row whose factors are all NULL changes nothing (but is noted)
UPDATE acc.esv_adjustment SET precipitation_factor = NULL, soil_factor = NULL;
SELECT name, year, round(esv_total_yuan::numeric, 6) AS esv_total_yuan, note FROM acc.city_esv WHERE region_id = 1 AND year = 2000;
DELETE FROM acc.esv_adjustment;
SELECT error_of($$INSERT INTO acc.esv_adjustment VALUES (1, 2000, -0.1, NULL, NULL)$$);
SELECT error_of($$INSERT INTO acc.esv_adjustment VALUES (1, 2000, NULL, 'NaN', NULL)$$);
SELECT error_of($$INSERT INTO acc.esv_adjustment VALUES (1, 2000, NULL, NULL, 'Infinity')$$);

-- compensation: city 1, 2000: ECPS = 43620 / 43620 = 1, t = 0.5, R = 43620 * 0.15 * 0.5 = 3271.5
-- city 1, 2010: ECPS = 38140 / 30000 = 1.27133..., t = 2 atan(1.27133)/pi = 0.57529...,
--   R = 38140 * 0.15 * t;  city 3, 2000: ECPS = 2740 / 1e5 = 0.0274, R = 2740 * 0.15 * 2 atan(0.0274) / pi
-- shares per year: 2000: 3271.5 / (3271.5 + R3) ...
SELECT fid, name, year, gdp_yuan, round(ecps::numeric, 6) AS ecps, round(compensation_intensity::numeric, 6) AS t,
	   round(compensation_yuan::numeric, 4) AS compensation_yuan, priority, landuse_coverage_pct, note
FROM acc.city_compensation ORDER BY region_id, year;
-- the priority labels of another class set (settings.priority_class_set):
-- ecocomp 0.1's, ECPS 1 and 1.27 -> high, 0.0274 -> very low
UPDATE acc.settings SET priority_class_set = 'ecocomp_0_1';
SELECT name, year, priority FROM acc.city_compensation WHERE ecps IS NOT NULL ORDER BY region_id, year;
-- an unknown set is an error naming it
UPDATE acc.settings SET priority_class_set = 'nope';
SELECT error_of($$SELECT * FROM acc.city_compensation$$);
UPDATE acc.settings SET priority_class_set = 'esv_paper';
-- independent recomputation of t and R for city 1, 2010 and of the 2000 shares
SELECT round((38140 * 0.15 * 2 * atan(38140 / 30000.0) / pi())::numeric, 4) AS r_city1_2010,
	   round((2740 * 0.15 * 2 * atan(0.0274) / pi())::numeric, 4) AS r_city3_2000;
SELECT name, round(compensation_share_pct::numeric, 4) AS share_pct,
	   round((100 * compensation_yuan / (3271.5 + 2740 * 0.15 * 2 * atan(0.0274) / pi()))::numeric, 4) AS expected_share_pct,
	   round(compensation_pct_of_gdp::numeric, 6) AS pct_of_gdp
FROM acc.city_compensation WHERE year = 2000 AND compensation_yuan IS NOT NULL ORDER BY region_id;

-- Water: zone 10 with districts 11 and 12; zone 20 with districts 21 (stats) and 22 (none)
-- district 11: aquatic 29 t, freshwater 2,912,000 m3, pollution 1,456,000 m3, Q 2,912,000 m3,
--   population 1000
--   EF = 2.70*29/0.029 + 2.70*2912000/2912 + 2.70*1456000/2912 = 2700 + 2700 + 1350 = 6750
--   EC = 0.4 * 1.98 * 2.70 * 2912000 / 2912 = 2138.4; ERD = -4611.6; value = -4611.6 * 2476 = -11,418,321.6
--   per capita: EF 6.75, EC 2.1384, ERD -4.6116 national hm2
-- district 12: twice everything: EF 13,500, EC 4276.8, ERD -9223.2, value -22,836,643.2
-- zone 10: EF 20,250, EC 6415.2, ERD -13,834.8, value -34,254,964.8, payer
-- district 21: as 11 but Q 29,120,000 m3: EC 21,384, ERD 14,634, value 36,233,784, recipient
-- district 22: no statistics: its row stays, NULL, with a note; zone 20 likewise
INSERT INTO acc.region (region_id, name, level, geom) VALUES
(10, 'Zone A', 'zone', ST_Multi(ST_MakeEnvelope(0, 0, 2000, 1000, 32650))),
(20, 'Zone B', 'zone', ST_Multi(ST_MakeEnvelope(0, 1000, 2000, 2000, 32650)));
INSERT INTO acc.region (region_id, name, level, parent_id, geom) VALUES
(11, 'A1', 'district', 10, ST_Multi(ST_MakeEnvelope(0, 0, 1000, 1000, 32650))),
(12, 'A2', 'district', 10, ST_Multi(ST_MakeEnvelope(1000, 0, 2000, 1000, 32650))),
(21, 'B1', 'district', 20, ST_Multi(ST_MakeEnvelope(0, 1000, 1000, 2000, 32650))),
(22, 'B2', 'district', 20, ST_Multi(ST_MakeEnvelope(1000, 1000, 2000, 2000, 32650)));
INSERT INTO acc.region_stat (region_id, year, population, aquatic_output_t, freshwater_use_m3, pollution_dilution_m3, water_resources_m3) VALUES
(11, 2022, 1000, 29, 2912000, 1456000, 2912000), (12, 2022, NULL, 58, 5824000, 2912000, 5824000),
(21, 2022, NULL, 29, 2912000, 1456000, 29120000);
SELECT fid, name, level, year, round(ef_aquatic_hm2::numeric, 6) AS ef_aquatic_hm2, round(ef_freshwater_hm2::numeric, 6) AS ef_freshwater_hm2,
	   round(ef_pollution_hm2::numeric, 6) AS ef_pollution_hm2, round(ef_total_hm2::numeric, 6) AS ef_total_hm2,
	   round(ec_hm2::numeric, 6) AS ec_hm2, round(erd_hm2::numeric, 6) AS erd_hm2, round(value_yuan::numeric, 4) AS value_yuan, role, note
FROM acc.water_compensation ORDER BY region_id;
SELECT name, population, round(ef_per_capita_hm2::numeric, 6) AS ef_per_capita_hm2, round(ec_per_capita_hm2::numeric, 6) AS ec_per_capita_hm2,
	   round(erd_per_capita_hm2::numeric, 6) AS erd_per_capita_hm2
FROM acc.water_compensation WHERE population IS NOT NULL ORDER BY region_id;

-- Horizontal compensation, 2022, districts: payers 11 (d 11,418,321.6) and
-- 12 (d 22,836,643.2), D = 34,254,964.8; recipient 21 (s 36,233,784) = S;
-- T = D: 11 pays 21 all its 11,418,321.6, 12 pays 22,836,643.2; 21 is still
-- owed S - T = 1,978,819.2; district 22 (no statistics) takes no part.
-- Zones: zone 10 pays, zone 20 has no balance (a district is missing): no
-- recipient, so zone 10's 34,254,964.8 stays unmatched.
-- Lines from payer to recipient: the squares' points on surface, their centres
SELECT fid, year, level, payer_name, recipient_name, round(amount_yuan::numeric, 4) AS amount_yuan, note, ST_AsText(geom) AS geom
FROM acc.horizontal_compensation ORDER BY fid;

-- Water parameters: settings for the account, water_param per region and
-- year (a zone's row applies to its districts; NULL falls back)
-- unit value 1000: district 11 value = -4611.6 * 1000
-- zone 10's reserve 0.5: district 11 EC = 0.5 * 1.98 * 2.70 * 2912000 / 2912 = 2673, ERD -4077
-- district 12's own yield factor 3.96 with the zone's reserve 0.5:
--   EC = 0.5 * 3.96 * 2.70 * 5824000 / 2912 = 10,692, ERD = 10,692 - 13,500 = -2808
-- zone 10: EC 13,365, ERD -6885, value -6,885,000
-- district 21: equivalence factor 1.35 (half): EF 3375, EC 10,692, ERD 7317
UPDATE acc.settings SET water_unit_value_yuan_per_hm2 = 1000;
INSERT INTO acc.water_param (region_id, year, yield_factor, ecological_reserve, equivalence_factor) VALUES
(10, 2022, NULL, 0.5, NULL), (12, 2022, 3.96, NULL, NULL), (21, 2022, NULL, NULL, 1.35);
SELECT name, round(ef_total_hm2::numeric, 6) AS ef_total_hm2, round(ec_hm2::numeric, 6) AS ec_hm2,
	   round(erd_hm2::numeric, 6) AS erd_hm2, round(value_yuan::numeric, 4) AS value_yuan, role
FROM acc.water_compensation WHERE ec_hm2 IS NOT NULL ORDER BY region_id;
-- out of range: the CHECK names the parameter
SELECT error_of($$INSERT INTO acc.water_param (region_id, year, yield_factor) VALUES (11, 2021, -1)$$);
SELECT error_of($$INSERT INTO acc.water_param (region_id, year, ecological_reserve) VALUES (11, 2021, 1)$$);
SELECT error_of($$INSERT INTO acc.water_param (region_id, year, unit_value_yuan_per_hm2) VALUES (11, 2021, 'Infinity')$$);
SELECT error_of($$INSERT INTO acc.water_param (region_id, year, aquatic_productivity) VALUES (11, 2021, 0)$$);
SELECT error_of($$UPDATE acc.settings SET water_ecological_reserve = -0.1$$);
UPDATE acc.settings SET water_unit_value_yuan_per_hm2 = 2476;
DELETE FROM acc.water_param;

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

-- GEP of a project whose areas come from the rasters: the square of city 1,
-- 2000: 8 ha dry land (12) and 1 ha closed forest (21); 2010: 6 ha dry land,
-- 1 ha forest, 2 ha urban (51) (the raster design above); refresh() computes
-- land-use areas for this project's two years only, and none for project 30
-- (explicit areas: no raster is touched); with the 6 zones and districts
-- added above (2 years each) that is 14 recomputed
INSERT INTO acc.region (region_id, name, level, geom) VALUES
(31, 'Project from rasters', 'project', ST_Multi(ST_MakeEnvelope(500000, 4000000, 500300, 4000300, 32650)));
INSERT INTO acc.gep_project (region_id, before_year, after_year, classification, overrides) VALUES
(31, 2000, 2010, 'cnlucc', '{"ac_days": 6300, "evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000, "crop_price": 2, "grain_price": 1, "grain_yield": 10940}');
SELECT acc.refresh() AS recomputed;
SELECT region_id, year, landuse_area_ha FROM acc.landuse_cache WHERE region_id IN (30, 31) ORDER BY 1, 2;
SELECT g.name, abs(g.gep_before_yuan - c.before_yuan) < 1e-6 AS before_ok, abs(g.gep_after_yuan - c.after_yuan) < 1e-6 AS after_ok, g.note
FROM acc.gep_restoration g, acc.gep_project p,
	 LATERAL ecocomp.gep_compare('{"12": 8, "21": 1}', '{"12": 6, "21": 1, "51": 2}', 'jinsha_2022', p.overrides, 'cnlucc') c
WHERE g.region_id = 31 AND p.region_id = 31 AND c.level = 'total';

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

-- The same mine year by year (mine_carbon_series).  Pixel 1: baseline 100 +
-- 10 (year - 2001), so 130, 140, ..., 180 in 2004..2009; destroyed 2004-2007
-- (VCS 20, 30, 40, 50): C_destroy_t = -110 g/m2 each year; restored 2008-2009
-- (60, 70): C_restore_t = -110 each year; direct decrease 120 - 20 = 100 in
-- 2004, direct increase 60 - 50 = 10 in 2008.  x 900 m2 / 1e9: -0.000099 Gg
-- a year, VCSD_t 0.000099; decrease 0.00009 Gg (2004), increase 0.000009
-- (2008); destroyed 900 m2 in 2004, restored 900 m2 in 2008.  Cumulative:
-- before 2004 nothing destroyed (R_V, R_VCS, C_ddper NULL); 2004-2007 R_V 0,
-- R_VCS 0, C_ddper 100; from 2008 R_V 1, R_VCS 0.1, C_diper 10 g/m2.
-- Carbon price 60 yuan/t: 0.000099 Gg = 0.099 t -> 5.94 yuan a year, VCSD
-- 0.000594 Gg = 0.594 t -> 35.64 yuan in mine_carbon_deficit.
-- Pixel 2 (never disturbed) adds 0.  The mine without data has no row.
UPDATE acc.settings SET carbon_price_yuan_per_t_co2 = 60;
SELECT fid, name, year, round(direct_decrease_gg_co2::numeric, 9) AS dd, round(direct_increase_gg_co2::numeric, 9) AS di,
	   round(c_destroy_gg_co2::numeric, 9) AS c_destroy, round(c_restore_gg_co2::numeric, 9) AS c_restore,
	   round(vcsd_gg_co2::numeric, 9) AS vcsd, round(vcsd_value_yuan::numeric, 6) AS vcsd_yuan,
	   destroyed_area_m2 AS destroyed, restored_area_m2 AS restored, r_v, round(r_vcs::numeric, 9) AS r_vcs,
	   round(c_ddper_g_co2_m2::numeric, 6) AS c_ddper, round(c_diper_g_co2_m2::numeric, 6) AS c_diper
FROM acc.mine_carbon_series ORDER BY fid;
-- summed over the years, the series equals mine_carbon_deficit
SELECT d.name, abs(sum(s.direct_decrease_gg_co2) - d.direct_decrease_gg_co2) < 1e-15 AS dd_ok,
	   abs(sum(s.direct_increase_gg_co2) - d.direct_increase_gg_co2) < 1e-15 AS di_ok,
	   abs(sum(s.c_destroy_gg_co2) - d.c_destroy_gg_co2) < 1e-15 AS c_destroy_ok,
	   abs(sum(s.c_restore_gg_co2) - d.c_restore_gg_co2) < 1e-15 AS c_restore_ok,
	   abs(sum(s.vcsd_gg_co2) - d.vcsd_gg_co2) < 1e-15 AS vcsd_ok,
	   abs(sum(s.vcsd_value_yuan) - d.vcsd_value_yuan) < 1e-9 AS value_ok,
	   sum(s.destroyed_area_m2) = d.destroyed_area_m2 AS destroyed_ok, sum(s.restored_area_m2) = d.restored_area_m2 AS restored_ok,
	   (array_agg(s.r_v ORDER BY s.year DESC))[1] = d.r_v AS r_v_ok,
	   abs((array_agg(s.r_vcs ORDER BY s.year DESC))[1] - d.r_vcs) < 1e-12 AS r_vcs_ok,
	   round(d.vcsd_value_yuan::numeric, 6) AS vcsd_yuan, d.note
FROM acc.mine_carbon_deficit d JOIN acc.mine_carbon_series s ON s.region_id = d.region_id
GROUP BY d.region_id, d.name, d.direct_decrease_gg_co2, d.direct_increase_gg_co2, d.c_destroy_gg_co2, d.c_restore_gg_co2,
		 d.vcsd_gg_co2, d.vcsd_value_yuan, d.destroyed_area_m2, d.restored_area_m2, d.r_v, d.r_vcs, d.note;
-- no price: no money value, and the note says so
UPDATE acc.settings SET carbon_price_yuan_per_t_co2 = NULL;
SELECT name, vcsd_value_yuan, note FROM acc.mine_carbon_deficit ORDER BY fid;
SELECT count(*) AS rows, count(vcsd_value_yuan) AS valued FROM acc.mine_carbon_series;
-- a pixel destroyed in the second year of its series has no baseline (one
-- year before): its C terms are NULL and the note of every year from its
-- destruction says so; its direct decrease (100 - 0 = 100 g/m2 x 900 m2 =
-- 0.00009 Gg) still counts, in 2002
INSERT INTO acc.region (region_id, name, level, geom) VALUES
(42, 'Mine without baseline', 'mine', ST_Multi(ST_MakeEnvelope(0, 9200, 30, 9230, 32650)));
INSERT INTO acc.mine_vcs (region_id, pixel_id, year, vcs_g_co2_m2, area_m2, destroyed_year, restored_year)
VALUES (42, 1, 2001, 100, 900, 2002, NULL), (42, 1, 2002, 0, 900, 2002, NULL), (42, 1, 2003, 0, 900, 2002, NULL);
SELECT year, round(direct_decrease_gg_co2::numeric, 9) AS dd, c_destroy_gg_co2, vcsd_gg_co2, destroyed_area_m2, note
FROM acc.mine_carbon_series WHERE region_id = 42 ORDER BY year;
SELECT round(direct_decrease_gg_co2::numeric, 9) AS dd, c_destroy_gg_co2, vcsd_gg_co2, note FROM acc.mine_carbon_deficit WHERE region_id = 42;
DELETE FROM acc.region WHERE region_id = 42;
SELECT error_of($$UPDATE acc.settings SET carbon_price_yuan_per_t_co2 = 0$$);
SELECT error_of($$UPDATE acc.settings SET carbon_price_yuan_per_t_co2 = 'Infinity'$$);

-- Geometry columns carry type and SRID (what GIS clients read); every view
-- has a geometry and a unique integer fid
SELECT f_table_name, f_geometry_column, type, srid FROM geometry_columns
WHERE f_table_schema = 'acc' ORDER BY f_table_name;
SELECT c.relname, a.atttypid::regtype AS fid_type,
	   (SELECT count(*) FROM geometry_columns g WHERE g.f_table_schema = 'acc' AND g.f_table_name = c.relname) AS geometries
FROM pg_class c LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'fid'
WHERE c.relnamespace = 'acc'::regnamespace AND c.relkind = 'v' ORDER BY 1;
DO $$
DECLARE v text; n bigint; u bigint;
BEGIN
	FOR v IN SELECT c.relname FROM pg_class c WHERE c.relnamespace = 'acc'::regnamespace AND c.relkind = 'v' LOOP
		EXECUTE format('SELECT count(*), count(DISTINCT fid) FROM acc.%I', v) INTO n, u;
		IF n <> u THEN RAISE EXCEPTION 'fid of % is not unique', v; END IF;
	END LOOP;
END $$;

-- At default JIT settings, reading a view of this small account costs less
-- than jit_above_cost and shows no JIT section
RESET jit; RESET jit_above_cost;
SHOW jit_above_cost;
CREATE FUNCTION pg_temp.plan_of(q text, OUT total_cost float8, OUT jit boolean) LANGUAGE plpgsql AS $$
DECLARE l text;
BEGIN
	EXECUTE 'EXPLAIN (FORMAT JSON) ' || q INTO l;
	total_cost := (l::json -> 0 -> 'Plan' ->> 'Total Cost')::float8;
	jit := false;
	FOR l IN EXECUTE 'EXPLAIN (ANALYZE, TIMING OFF, SUMMARY OFF) ' || q LOOP
		jit := jit OR l LIKE 'JIT:%';
	END LOOP;
END $$;
SELECT c.relname, p.total_cost < current_setting('jit_above_cost')::float8 AS below_jit_cost, p.jit AS jit_used
FROM pg_class c, LATERAL pg_temp.plan_of(format('SELECT * FROM acc.%I', c.relname)) p
WHERE c.relnamespace = 'acc'::regnamespace AND c.relkind = 'v' ORDER BY 1;

-- Incremental refresh: nothing changed since the last refresh
SELECT acc.refresh() AS recomputed_nothing;
-- changing one boundary recomputes only that region's rows
CREATE TEMP TABLE cache_before AS SELECT region_id, year, refreshed_by_xact FROM acc.landuse_cache;
UPDATE acc.region SET geom = ST_Multi(ST_MakeEnvelope(500000, 4000000, 500200, 4000100, 32650)) WHERE region_id = 3;
-- stale() says so without computing: 2 rows (region 3, two years)
SELECT acc.stale() AS stale_rows;
SELECT acc.refresh() AS recomputed_region_3;
SELECT acc.stale() AS stale_after_refresh;
SELECT c.region_id, c.year, c.refreshed_by_xact <> b.refreshed_by_xact AS recomputed
FROM acc.landuse_cache c JOIN cache_before b USING (region_id, year) ORDER BY 1, 2;
-- city 3 now covers two dry-land pixels (2000): ESV 8,020
SELECT name, year, esv_total_yuan FROM acc.city_esv WHERE region_id = 3 ORDER BY year;
-- a changed tile: only the regions it touches in its year (cities 1 and 3 and
-- project 31 in 2010); a changed coverage mode: everything (22 rows)
UPDATE acc.landuse_raster SET rast = ST_SetValue(rast, 1, 1, 1, 21) WHERE year = 2010 AND ST_Width(rast) = 3;
SELECT acc.refresh() AS recomputed_2010;
UPDATE acc.settings SET coverage = 'center';
SELECT acc.refresh() AS recomputed_all;
SELECT pg_catalog.count(*) AS cache_rows FROM acc.landuse_cache;
UPDATE acc.settings SET coverage = 'exact';
SELECT acc.refresh() AS recomputed_all_again;
-- a deleted region takes its rows along
DELETE FROM acc.region WHERE region_id = 2;
SELECT acc.refresh() AS recomputed, count(*) AS rows_of_region_2 FROM acc.landuse_cache WHERE region_id = 2;

-- a year whose land-use tiles come in two SRIDs is an error, not a guess
INSERT INTO acc.landuse_raster (year, classification, rast)
SELECT 2020, 'cnlucc', ST_AddBand(ST_MakeEmptyRaster(3, 3, 500000, 4000300, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0)
UNION ALL
SELECT 2020, 'cnlucc', ST_AddBand(ST_MakeEmptyRaster(3, 3, 117, 36.1, 0.001, -0.001, 0, 0, 4326), '8BUI'::text, 12, 0);
SELECT error_of($$SELECT acc.refresh()$$);
DELETE FROM acc.landuse_raster WHERE year = 2020;

-- Bad input
SELECT error_of($$SELECT ecocomp.create_accounts('acc2', 999999)$$);
SELECT error_of($$SELECT ecocomp.create_accounts(NULL, 4326)$$);
SELECT error_of($$SELECT ecocomp.create_accounts('ecocomp', 4326)$$);
SELECT error_of($$SELECT ecocomp.create_accounts('pg_catalog', 4326)$$);
SELECT error_of($$SELECT ecocomp.create_accounts('information_schema', 4326)$$);
SELECT error_of($$SELECT ecocomp.create_accounts('pg_toast', 4326)$$);

DROP SCHEMA acc CASCADE;

-- ESV analyses: the Xie 2015 adjustment of esv_value / esv_detail, the
-- sensitivity coefficient, ESV change by land-use transition, the
-- adjustment factor from rasters, and the priority classes as data.
-- Every expected value is worked out by hand below.
SET client_min_messages = warning;

-- Xie 2015 factors used below (equivalents/hm2, esv_factor):
--   dry_land (CNLUCC 12): food .85 raw .40 water .02 gas .67 climate .36
--     purify .10 hydro .27 soil 1.03 nutrient .12 biodiv .13 aesthetic .06
--     VC/E_a = 4.01
--   mixed_forest (CNLUCC 21): VC/E_a = .31+.71+.37+2.35+7.03+1.99+3.51+2.86
--     +.22+2.60+1.14 = 23.09
--   construction (CNLUCC 51): all 0

-- 1. Adjustment {"npp": 1.2, "precipitation": 0.9, "soil": 1.0} of 100 hm2
-- dry land at E_a 1000 yuan/hm2/a:
--   provisioning = ((.85 + .40) * 1.2 + .02 * .9) * 100 * 1000 = 151800
--   regulating   = ((.67 + .36 + .10) * 1.2 + .27 * .9) * 1e5   = 159900
--   supporting   = (1.03 * 1.0 + (.12 + .13) * 1.2) * 1e5       = 133000
--   cultural     = .06 * 1.2 * 1e5                              =   7200
--   total 451900, non-market (all but provisioning) 300100
SELECT (s).total::numeric(12,2), (s).provisioning::numeric(12,2), (s).regulating::numeric(12,2),
	   (s).supporting::numeric(12,2), (s).cultural::numeric(12,2), (s).nonmarket::numeric(12,2)
FROM (SELECT ecocomp.esv_value('{"12": 100}', 1000,
	adjustment => '{"npp": 1.2, "precipitation": 0.9, "soil": 1.0}') AS s) t;
-- a missing key is 1: '{}' and '{"soil": 1}' leave 100 * 4.01 * 1000 = 401000;
-- soil 2 alone adds 1.03 * 1e5 = 103000 -> 504000
SELECT (ecocomp.esv_value('{"12": 100}', 1000)).total::numeric(12,2) AS plain,
	   (ecocomp.esv_value('{"12": 100}', 1000, adjustment => '{}')).total::numeric(12,2) AS empty,
	   (ecocomp.esv_value('{"12": 100}', 1000, 'cnlucc', 'xie2015', '{"soil": 1}')).total::numeric(12,2) AS soil_1,
	   (ecocomp.esv_value('{"12": 100}', 1000, adjustment => '{"soil": 2}')).total::numeric(12,2) AS soil_2;
-- esv_detail shows the adjusted factor: water_supply .02 * .9 = .018,
-- food .85 * 1.2 = 1.02, soil 1.03 * 1 = 1.03; value = 100 * f * 1000
SELECT service, round(factor::numeric, 6) AS factor, round(value_yuan::numeric, 2) AS value_yuan
FROM ecocomp.esv_detail('{"12": 100}', 1000, adjustment => '{"npp": 1.2, "precipitation": 0.9}')
WHERE service IN ('food_production', 'water_supply', 'soil_conservation') ORDER BY service;
-- the older schemes: xie2008 hydrological_regulation and xie2003
-- water_conservation follow precipitation; the farmland of xie2008 under
-- precipitation 0 loses its hydrological factor only
SELECT e.service, round(e.factor::numeric, 4) AS factor
FROM ecocomp.esv_detail('{"12": 1}', 1, 'cnlucc', 'xie2008', '{"precipitation": 0}') e
WHERE e.service IN ('hydrological_regulation', 'food_production') ORDER BY 1;
-- bad adjustments (22023)
SELECT error_of($$SELECT ecocomp.esv_value('{"12": 1}', 1, adjustment => '{"temperature": 1}')$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": 1}', 1, adjustment => '{"npp": -0.1}')$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": 1}', 1, adjustment => '{"npp": "NaN"}')$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": 1}', 1, adjustment => '[1.2]')$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_detail('{"12": 1}', 1, adjustment => '{"soil": null}')$$);
SELECT ecocomp.esv_value('{"12": 1}', 1, adjustment => NULL) IS NULL AS null_adjustment;

-- 2. Sensitivity: 100 hm2 dry land + 100 hm2 mixed forest at E_a 1000:
--   ESV_i = 100 * (4.01 + 23.09) * 1000 = 2,710,000
--   raising dry land by 50%: ESV_j - ESV_i = .5 * 401,000, VC change .5, so
--   CS = (200500 / 2710000) / .5 = 401,000 / 2,710,000 = 0.147970
--   mixed forest: 2,309,000 / 2,710,000 = 0.852030 (the CS add up to 1)
-- the adjustment fraction cancels: 0.1 gives the same; construction
-- (VC = 0) has CS NULL
SELECT ecosystem, round(cs::numeric, 6) AS cs FROM ecocomp.esv_sensitivity('{"12": 100, "21": 100}', 1000);
SELECT ecosystem, round(cs::numeric, 6) AS cs
FROM ecocomp.esv_sensitivity('{"12": 100, "21": 100, "51": 50, "nodata": 10}', 1000, adjustment => 0.1);
SELECT error_of($$SELECT * FROM ecocomp.esv_sensitivity('{"12": 1}', 1000, adjustment => 0)$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_sensitivity('{"12": 1}', 1000, adjustment => 'Infinity')$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_sensitivity('{"51": 1}', 1000)$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_sensitivity('{"99": 1}', 1000)$$);

-- 3. ESV change by transition at E_a 1000:
--   12 -> 12  60 ha: 0
--   12 -> 21  30 ha: 30 * (23.09 - 4.01) * 1000 = 572,400
--   12 -> 51  10 ha: 10 * (0 - 4.01) * 1000   = -40,100
--   21 -> 21  50 ha: 0
--   nodata -> 12 5 ha: 5 * 4.01 * 1000        =  20,050
--   sum 552,350
-- by group, 12 -> 21: provisioning (.31+.71+.37) - (.85+.40+.02) = .12 ->
-- 3600; regulating (2.35+7.03+1.99+3.51) - (.67+.36+.10+.27) = 13.48 ->
-- 404400; supporting (2.86+.22+2.60) - (1.03+.12+.13) = 4.40 -> 132000;
-- cultural 1.14 - .06 = 1.08 -> 32400; non-market 568800
CREATE TEMP TABLE tr AS SELECT '{"12": {"12": 60, "21": 30, "51": 10}, "21": {"21": 50}, "nodata": {"12": 5}}'::jsonb AS t;
SELECT from_code, to_code, area_ha, round(esv_change_yuan::numeric, 2) AS esv_change_yuan,
	   round(provisioning_yuan::numeric, 2) AS prov, round(regulating_yuan::numeric, 2) AS reg,
	   round(supporting_yuan::numeric, 2) AS sup, round(cultural_yuan::numeric, 2) AS cult,
	   round(nonmarket_yuan::numeric, 2) AS nonmarket
FROM tr, ecocomp.esv_transition(t, 1000) ORDER BY from_code NULLS FIRST, to_code;
-- the rows add up to esv_value(year 2) - esv_value(year 1) at constant E_a:
--   year 1 {"12": 100, "21": 50, "nodata": 5}, year 2 {"12": 65, "21": 80, "51": 10}
--   = (260,650 + 1,847,200) - (401,000 + 1,154,500) = 552,350
SELECT round(sum(x.esv_change_yuan)::numeric, 2) AS sum_rows,
	   round(((ecocomp.esv_value('{"12": 65, "21": 80, "51": 10}', 1000)).total
			- (ecocomp.esv_value('{"12": 100, "21": 50, "nodata": 5}', 1000)).total)::numeric, 2) AS esv_difference,
	   round(sum(x.nonmarket_yuan)::numeric, 2) AS sum_nonmarket,
	   round(((ecocomp.esv_value('{"12": 65, "21": 80, "51": 10}', 1000)).nonmarket
			- (ecocomp.esv_value('{"12": 100, "21": 50, "nodata": 5}', 1000)).nonmarket)::numeric, 2) AS nonmarket_difference
FROM tr, ecocomp.esv_transition(t, 1000) x;
-- wrong shapes and values (22023)
SELECT error_of($$SELECT * FROM ecocomp.esv_transition('[1]', 1000)$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_transition('{"12": 5}', 1000)$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_transition('{"12": {"21": {"x": 1}}}', 1000)$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_transition('{"12": {"21": [1]}}', 1000)$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_transition('{"12": {"21": "1"}}', 1000)$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_transition('{"12": {"21": -1}}', 1000)$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_transition('{"x": {"21": 1}}', 1000)$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_transition('{"12": {"99": 1}}', 1000)$$);
SELECT count(*) AS empty_rows FROM ecocomp.esv_transition('{}', 1000);

-- 4. Adjustment factor from a raster: two 1x1 tiles of 10 m (values 100 and
-- 200 g C/m2/a) at x 0..10 and 10..20, polygon x 0..15: covered 100 m2 and
-- 50 m2, mean (100*100 + 200*50) / 150 = 133.333, reference 100 -> 1.333333
CREATE TEMP TABLE af AS
SELECT ST_SetValue(ST_AddBand(ST_MakeEmptyRaster(1, 1, x, 10, 10, -10, 0, 0, 32650), '32BF'::text, 0, -1), 1, 1, v) AS rast
FROM (VALUES (0, 100), (10, 200)) t(x, v);
SELECT round(ecocomp.esv_adjustment_factor(rast, ST_MakeEnvelope(0, 0, 15, 10, 32650), 100)::numeric, 6) AS factor,
	   round(ecocomp.esv_adjustment_factor(rast, ST_MakeEnvelope(0, 0, 15, 10, 32650), 100, 1)::numeric, 6) AS factor_band1,
	   ecocomp.esv_adjustment_factor(rast, ST_MakeEnvelope(100, 100, 150, 150, 32650), 100) AS outside
FROM af;
SELECT error_of($$SELECT ecocomp.esv_adjustment_factor(rast, ST_MakeEnvelope(0, 0, 15, 10, 32650), 0) FROM af$$);
SELECT error_of($$SELECT ecocomp.esv_adjustment_factor(rast, ST_MakeEnvelope(0, 0, 15, 10, 32650), CASE WHEN ST_UpperLeftX(rast) = 0 THEN 100 ELSE 90 END) FROM af$$);

-- 5. Priority classes: > 0.5, (0.3, 0.5], (0.1, 0.3], <= 0.1
SELECT e, ecocomp.ecps_priority_class(e) AS esv_paper, ecocomp.ecps_priority_class(e, 'ecocomp_0_1') AS ecocomp_0_1,
	   ecocomp.ecps_class(e) AS ecps_class
FROM (VALUES (0.0), (0.1), (0.10001), (0.25), (0.3), (0.35), (0.5), (0.54), (3.0)) t(e);
-- user-extendable: a set of their own
INSERT INTO ecocomp.priority_class (class_set, lower_bound, label, source) VALUES
	('mine', '-Infinity', 'below 0.2', 'test'), ('mine', 0.2, 'above 0.2', 'test');
SELECT ecocomp.ecps_priority_class(0.2, 'mine') AS at_02, ecocomp.ecps_priority_class(0.21, 'mine') AS above;
DELETE FROM ecocomp.priority_class WHERE class_set = 'mine';
-- ecps_class reads the 'ecocomp_0_1' rows: its labels are defined there only
BEGIN;
UPDATE ecocomp.priority_class SET label = 'very low (edited)' WHERE class_set = 'ecocomp_0_1' AND lower_bound = '-Infinity';
SELECT ecocomp.ecps_class(0.05) AS edited, ecocomp.ecps_class(0.2) AS unchanged;
ROLLBACK;
SELECT ecocomp.ecps_class(0.05) AS restored;
SELECT error_of($$SELECT ecocomp.ecps_priority_class(-0.1)$$);
SELECT error_of($$SELECT ecocomp.ecps_priority_class('NaN')$$);
SELECT error_of($$SELECT ecocomp.ecps_priority_class(0.2, 'nope')$$);

-- 6. The ESV paper's Table 2 grouping (farmland, forest, grassland, water,
-- construction land, barren) is CNLUCC's first level (landuse_class.level1),
-- not the ecosystem level1 of esv_detail (which has a wetland group): group
-- the areas by code before valuing them (the query of docs/esv.md).
--   cultivated land: paddy VC/E_a = 1.36+.09-2.63+1.11+.57+.17+2.72+.01+.19
--     +.21+.09 = 3.89 -> 10 * 3.89 * 1000 = 38,900, plus dry land 401,000
--     = 439,900; forest land 2,309,000; built-up 0; tidal flat (45, valued
--     as wetland) counts in water, marsh (64, wetland) in unused land;
--     wetland VC/E_a = .51+.50+2.59+1.90+3.60+3.60+24.23+2.31+.18+7.87+4.73
--     = 52.02: water 5 * 52020 = 260,100, unused land 3 * 52020 = 156,060
--   esv_detail's level1 instead has 4 groups here: farmland, forest,
--   wetland (45 and 64 together), construction
WITH areas AS (SELECT '{"11": 10, "12": 100, "21": 100, "45": 5, "51": 20, "64": 3}'::jsonb AS a)
SELECT g.level1, round((ecocomp.esv_value(g.a, 1000)).total::numeric, 2) AS esv_yuan,
	   round((SELECT (ecocomp.esv_value(jsonb_build_object(k, 1), 1000)).total FROM unnest(g.codes) k LIMIT 1)::numeric, 2) AS one_ha_of_first_code
FROM (SELECT c.level1, jsonb_object_agg(e.key, e.value) AS a, array_agg(e.key ORDER BY e.key) AS codes
	  FROM areas, jsonb_each(areas.a) e
	  JOIN ecocomp.landuse_class c ON c.classification = 'cnlucc' AND c.code = e.key::integer
	  GROUP BY c.level1) g
ORDER BY g.level1;
SELECT (SELECT round((ecocomp.esv_value('{"45": 5}', 1000)).total::numeric, 2)) AS water_45,
	   (SELECT round((ecocomp.esv_value('{"64": 3}', 1000)).total::numeric, 2)) AS unused_64,
	   (SELECT count(DISTINCT level1) FROM ecocomp.esv_detail('{"11": 10, "12": 100, "21": 100, "45": 5, "51": 20, "64": 3}', 1000)) AS esv_detail_level1_groups;

-- 7. A non-superuser whose search_path puts decoy operators before
-- pg_catalog gets the same answers (every name inside is qualified)
CREATE ROLE esv_analysis_user NOSUPERUSER;
CREATE SCHEMA decoy;
CREATE FUNCTION decoy.bad_mul(float8, float8) RETURNS float8 LANGUAGE sql IMMUTABLE AS 'SELECT 0::float8';
CREATE FUNCTION decoy.bad_gt(float8, float8) RETURNS boolean LANGUAGE sql IMMUTABLE AS 'SELECT false';
CREATE OPERATOR decoy.* (LEFTARG = float8, RIGHTARG = float8, FUNCTION = decoy.bad_mul);
CREATE OPERATOR decoy.+ (LEFTARG = float8, RIGHTARG = float8, FUNCTION = decoy.bad_mul);
CREATE OPERATOR decoy.> (LEFTARG = float8, RIGHTARG = float8, FUNCTION = decoy.bad_gt);
GRANT USAGE ON SCHEMA decoy TO esv_analysis_user;
CREATE TABLE public.af_tiles AS SELECT rast FROM af;
GRANT SELECT ON public.af_tiles TO esv_analysis_user;
SET ROLE esv_analysis_user;
SET search_path = decoy, pg_catalog, public;
SELECT ecocomp.ecps_priority_class(0.54) AS class_054, ecocomp.ecps_priority_class(0.2) AS class_02;
SELECT round(ecocomp.esv_adjustment_factor(rast, ST_MakeEnvelope(0, 0, 15, 10, 32650), 100)::numeric, 6) AS factor FROM public.af_tiles;
SELECT round(sum(c_destroy)::numeric, 6) AS c_destroy, round(sum(c_restore)::numeric, 6) AS c_restore
FROM ecocomp.vcs_deficit_series('{2001,2002,2003,2004,2005,2006,2007,2008,2009}', '{100,110,120,20,30,40,50,60,70}', 2004, 2008);
SELECT round(sum(esv_change_yuan)::numeric, 2) AS transition_sum FROM ecocomp.esv_transition('{"12": {"21": 30}}', 1000);
SELECT ecosystem, round(cs::numeric, 6) AS cs FROM ecocomp.esv_sensitivity('{"12": 100, "21": 100}', 1000);
RESET search_path;
RESET ROLE;
DROP TABLE public.af_tiles;
DROP SCHEMA decoy CASCADE;
DROP ROLE esv_analysis_user;

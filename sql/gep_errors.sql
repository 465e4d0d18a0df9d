-- GEP: every bad input, with its SQLSTATE.

-- unknown parameter set, unknown classification: 42704
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', 'no_such_set')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"12": 1}', classification => 'no_such_classification')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_compare('{"forest": 1}', '{"forest": 1}', 'no_such_set')$$);
SELECT error_of($$SELECT ecocomp.copy_gep_param_set('no_such_set', 'x')$$);
SELECT error_of($$SELECT ecocomp.copy_gep_param_set('jinsha_2022', NULL)$$);
SELECT error_of($$SELECT ecocomp.copy_gep_param_set('jinsha_2022', 'jinsha_2022')$$);

-- NULL parameter set: 22004
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', NULL)$$);

-- unknown land type, unknown or malformed land-use code: 22023
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"orchard": 1}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"12": 1}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"99": 1}', classification => 'cnlucc')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', classification => 'cnlucc')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"12.5": 1}', classification => 'cnlucc')$$);

-- areas: negative, NaN (jsonb holds a numeric NaN as the string "NaN"), not a
-- number, not an object
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": -1}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account(pg_catalog.jsonb_build_object('forest', 'NaN'::numeric))$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": "12"}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": null}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('[1, 2]')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"12": -0.5}', classification => 'cnlucc')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"nodata": -0.5}', classification => 'cnlucc')$$);

-- missing parameters: the first one, its land type and the set in the
-- message, all of them in the detail
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', services => '{climate_regulation}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"dryland": 1}', services => '{agricultural_products}')$$);
DO $$
BEGIN
	PERFORM * FROM ecocomp.gep_account('{"forest": 1, "dryland": 2}', services => '{water_conservation,aesthetic_landscape}');
EXCEPTION WHEN OTHERS THEN
	DECLARE d text; h text;
	BEGIN
		GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
		RAISE NOTICE 'detail: %', d;
		RAISE NOTICE 'hint: %', h;
	END;
END
$$;
-- a land type without any parameter in the set (paddy)
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"11": 1}', classification => 'cnlucc', services => '{carbon_fixation}')$$);

-- overrides: unknown parameter, unknown land type, not a number, NaN, out of range
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', overrides => '{"no_such_parameter": 1}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', overrides => '{"ac_days/orchard": 1}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', overrides => '{"ac_days": "many"}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', overrides => pg_catalog.jsonb_build_object('ac_days', 'NaN'::numeric))$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', overrides => '[]')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', overrides => '{"cover_factor": 1.5}', services => '{soil_retention}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', overrides => '{"soil_bulk_density/forest": 0}', services => '{soil_retention}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', overrides => '{"ac_days": -1}', services => '{climate_regulation}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', overrides => '{"ac_days": 100, "eer": 0}', services => '{climate_regulation}')$$);

-- services: unknown, NULL element
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', services => '{soil}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', services => ARRAY[NULL]::text[])$$);

-- broken reference data: a value that breaks its parameter's rule (22000),
-- a unit other than the parameter's (foreign key), a value that is not finite (check)
SELECT ecocomp.copy_gep_param_set('jinsha_2022', 'gep_bad_set');
UPDATE ecocomp.gep_param SET value = 2 WHERE param_set = 'gep_bad_set' AND parameter = 'cover_factor' AND land_type = 'forest';
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', 'gep_bad_set', services => '{soil_retention}')$$);
SELECT error_of($$INSERT INTO ecocomp.gep_param (param_set, parameter, land_type, value, unit, source)
	VALUES ('gep_bad_set', 'ac_days', NULL, 100, 'h/a', 'test')$$);
SELECT error_of($$INSERT INTO ecocomp.gep_param (param_set, parameter, land_type, value, unit, source)
	VALUES ('gep_bad_set', 'ac_days', NULL, 'NaN', 'd/a', 'test')$$);
SELECT error_of($$INSERT INTO ecocomp.gep_param (param_set, parameter, land_type, value, unit, source)
	VALUES ('gep_bad_set', 'precipitation', NULL, 1000, 'mm/a', 'duplicate of the all-land-types row')$$);
DELETE FROM ecocomp.gep_param_set WHERE param_set = 'gep_bad_set';
-- the catalogue is the table gep_parameter: a row that no formula reads,
-- or a parameter of the formulas without a row, is broken reference data (22000)
BEGIN;
INSERT INTO ecocomp.gep_parameter (parameter, unit, service, symbol, description, source)
	VALUES ('moss_factor', '1', 'aesthetic_landscape', 'M', 'read by no formula', 'test');
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}')$$);
ROLLBACK;
BEGIN;
DELETE FROM ecocomp.gep_param WHERE parameter = 'grain_yield';
DELETE FROM ecocomp.gep_parameter WHERE parameter = 'grain_yield';
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}')$$);
ROLLBACK;

-- formula functions: negative, NaN, infinite, out of [0, 1], zero divisors, arrays
SELECT error_of($$SELECT ecocomp.gep_agricultural_products('{1, 2}', '{1}')$$);
SELECT error_of($$SELECT ecocomp.gep_agricultural_products('{-1}', '{1}')$$);
SELECT error_of($$SELECT ecocomp.gep_agricultural_products('{1, NULL}', '{1, 2}')$$);
SELECT error_of($$SELECT ecocomp.gep_agricultural_products('{{1}}', '{{1}}')$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_water_conservation(-1, 1000, 0, 0, 2.4)$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_water_conservation(1, 'NaN', 0, 0, 2.4)$$);
SELECT error_of($$SELECT ecocomp.gep_soil_retention(1, 5823.42, 0.0336, 11.23, 1.2, 1)$$);
SELECT error_of($$SELECT ecocomp.gep_soil_retention(1, 'Infinity', 0.0336, 11.23, 0.1, 1)$$);
SELECT error_of($$SELECT ecocomp.gep_soil_retention(1, 5823.42, 0.0336, 11.23, 0.1, -0.1)$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_soil_retention_value(1000, 0.24, 0, 18.24, 1.53, 2.17, 1500, 0.72, 5.56, 900)$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_soil_retention_value(1000, 1.5, 1.3, 18.24, 1.53, 2.17, 1500, 0.72, 5.56, 900)$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_air_purification(1, 0.036, 0.0226, -0.1, 1.2, 0.63, 0.15)$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_carbon_fixation(1, 1.17, 'NaN', 380)$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_oxygen_release(-264.8, 1000)$$);
SELECT error_of($$SELECT * FROM ecocomp.gep_climate_regulation(1, 81100, 100, 0, 0.45)$$);
SELECT error_of($$SELECT ecocomp.gep_aesthetic_landscape(1, 0.82, 2.5, -4000)$$);

-- No NaN or Infinity from finite inputs: every ecocomp function that returns
-- float8 or a row with float8 columns, called with extreme finite inputs
-- (1e308, -1e308, 1e-308), either returns finite numbers or raises an error
-- of class 22 (22003 out of range, 22023 invalid, ...) or 0A000; never
-- NaN, +-Infinity or an internal error (XX000).
--
-- finite_or_error(sql): 'finite' when every float8 of every row sql returns
-- is finite (to_jsonb writes a non-finite float8 as the string "NaN",
-- "Infinity" or "-Infinity"), 'non-finite: <row>' when one is not, else the
-- SQLSTATE of the error.
CREATE FUNCTION pg_temp.finite_or_error(sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
	bad text;
BEGIN
	EXECUTE format('SELECT to_jsonb(t)::text FROM (%s) t WHERE to_jsonb(t)::text ~ %L LIMIT 1',
				   sql, '"(-?Infinity|NaN)"') INTO bad;
	RETURN COALESCE('non-finite: ' || bad, 'finite');
EXCEPTION WHEN OTHERS THEN
	RETURN SQLSTATE;
END
$$;

-- The call list comes from the catalog: every function of the extension
-- returning float8, a composite with a float8 column or a table with one,
-- whose required arguments are float8, float8[], integer or jsonb (the
-- others keep their defaults; the ones taking rasters, states and
-- composites follow by hand below).  Each
-- is called with every argument set to x, and with one argument set to x
-- and the others to 1, for x in 1e308, -1e308, 1e-308, and with one
-- argument 1e-308 and the others 1e308 (quotients).  float8[] arguments
-- get ARRAY[x, x], integers 2147483647 or 1, jsonb an area object of x
-- hectares (land-use code 12 for ESV, forest for GEP).
CREATE TEMP TABLE fx_fn AS
SELECT p.oid, p.proname::text AS name, p.pronargs - p.pronargdefaults AS nrequired,
	   -- the leading arguments of the types we can make up
	   ARRAY(SELECT u.t FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY u(t, o)
			 WHERE u.o < COALESCE((SELECT min(v.o) FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY v(t, o)
								   WHERE v.t <> ALL (ARRAY['float8'::regtype, 'float8[]'::regtype,
														   'int4'::regtype, 'jsonb'::regtype]::oid[])),
								  p.pronargs + 1)
			 ORDER BY u.o) AS args
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'ecocomp'
WHERE p.prokind = 'f'
  AND (p.prorettype = 'float8'::regtype
	   OR EXISTS (SELECT 1 FROM pg_attribute a JOIN pg_type t ON t.typrelid = a.attrelid
				  WHERE t.oid = p.prorettype AND a.atttypid = 'float8'::regtype AND a.attnum > 0)
	   OR EXISTS (SELECT 1 FROM unnest(p.proallargtypes, p.proargmodes) m(t, mode)
				  WHERE m.mode IN ('o', 't') AND m.t = 'float8'::regtype));
CREATE TEMP TABLE fx_call AS
WITH callable AS (
	SELECT * FROM fx_fn WHERE cardinality(args) >= nrequired AND cardinality(args) > 0
), x(v) AS (VALUES ('1e308'), ('-1e308'), ('1e-308')),
vec AS (
	-- every argument x
	SELECT c.oid, x.v AS x, NULL::int AS i, NULL::text AS other FROM callable c, x
	UNION ALL
	-- argument i x, the others 1
	SELECT c.oid, x.v, i, '1' FROM callable c, x, generate_series(1, cardinality(c.args)) i
	UNION ALL
	-- argument i 1e-308, the others 1e308
	SELECT c.oid, '1e-308', i, '1e308' FROM callable c, generate_series(1, cardinality(c.args)) i
)
SELECT c.name, format('SELECT * FROM ecocomp.%I(%s)', c.name,
	   string_agg(CASE c.args[k]
					WHEN 'float8'::regtype THEN format('%L::float8', a.val)
					WHEN 'float8[]'::regtype THEN format('ARRAY[%L, %L]::float8[]', a.val, a.val)
					WHEN 'int4'::regtype THEN CASE a.val WHEN '1e308' THEN '2147483647'
													   WHEN '-1e308' THEN '-2147483648' ELSE '1' END
					ELSE format('%L::jsonb', format(CASE WHEN c.name LIKE 'gep%' THEN '{"forest": %s}'
														 ELSE '{"12": %s}' END, a.val))
				  END, ', ' ORDER BY k)) AS sql
FROM callable c
JOIN vec ON vec.oid = c.oid,
	 LATERAL generate_series(1, cardinality(c.args)) k,
	 LATERAL (SELECT CASE WHEN vec.i IS NULL OR vec.i = k THEN vec.x ELSE vec.other END AS val) a
GROUP BY c.name, c.oid, vec.x, vec.i, vec.other;
CREATE TEMP TABLE fx_result AS SELECT name, sql, pg_temp.finite_or_error(sql) AS outcome FROM fx_call;
-- enough of the API is covered (the list grows with the extension)
SELECT count(DISTINCT name) >= 25 AS functions_covered, count(*) >= 300 AS calls FROM fx_result;
-- none returns a non-finite number or fails other than with class 22 / 0A000
SELECT name, sql, outcome FROM fx_result
WHERE outcome NOT LIKE '22%' AND outcome NOT IN ('finite', '0A000')
ORDER BY name, sql;
-- the issue's cases by name (1/7 = 0.142857...: the areas' scale cancels)
SELECT ecocomp.standard_equivalent_value('{1,1}', '{1,1}', '{1e308,1e308}') AS sev_1e308_areas;
SELECT pg_temp.finite_or_error($$SELECT ecocomp.standard_equivalent_value('{1e308}', '{1e308}', '{1}')$$);
SELECT pg_temp.finite_or_error($$SELECT * FROM ecocomp.esv_value('{"12": 1e300}', 1e300)$$);
SELECT pg_temp.finite_or_error($$SELECT ecocomp.ecps(1e308, 1e-10)$$);
SELECT pg_temp.finite_or_error($$SELECT ecocomp.nonmarket_from_compensation(1e308, 1)$$);
SELECT pg_temp.finite_or_error($$SELECT ecocomp.vcs(-1e308)$$);
-- k = 1, gdp = 1: R(V) = V * 2 atan(V) / pi ~ V - 2/pi for large V, so
-- R = 1e308 needs V = 1e308 (to 15 digits); computed without overflow
SELECT round((ecocomp.nonmarket_from_compensation(1e308, 1, 1) / 1e308)::numeric, 12) AS v_over_1e308;
-- the GEP account of services whose parameters the default set has, with
-- areas of 1e308 and 1e-308 hectares
SELECT a, pg_temp.finite_or_error(format($$SELECT * FROM ecocomp.gep_account('{"forest": %s, "dryland": %s}', services => '{soil_retention,carbon_fixation,oxygen_release}')$$, a, a))
FROM (VALUES ('1e308'), ('1e-308'), ('1')) v(a);
SELECT a, pg_temp.finite_or_error(format($$SELECT * FROM ecocomp.gep_compare('{"forest": %s}', '{"forest": 1, "dryland": %s}', services => '{carbon_fixation,oxygen_release}')$$, a, a))
FROM (VALUES ('1e308'), ('1e-308'), ('1')) v(a);

-- aggregates (their support functions are called directly below)
-- weights 1e308 and 1e308: the weight sum 2e308 is beyond float8: 22003
SELECT pg_temp.finite_or_error($$SELECT (ecocomp.weighted_stats(v, w)).* FROM (VALUES (1, 1e308), (2, 1e308)) t(v, w)$$);
-- values 1e308, -1e308, 1e308: the deviation 2e308 overflows: 22003
SELECT pg_temp.finite_or_error($$SELECT (ecocomp.weighted_stats(v, w)).* FROM (VALUES (1e308, 1), (-1e308, 1), (1e308, 1)) t(v, w)$$);
-- weights 1e-308, 1e-308 (values 1, 2): mean 1.5, sd 0.5 exactly, as with
-- weights 1, 1 (the weights are scaled by the largest)
SELECT weight_sum = 2e-308 AS w_ok, mean, stddev, n
FROM (SELECT (ecocomp.weighted_stats(v, w)).* FROM (VALUES (1, 1e-308), (2, 1e-308)) t(v, w)) s;
-- weights 1e300 and 3e300 (values 0, 4): mean (0 + 12) / 4 = 3, variance
-- (1 * 9 + 3 * 1) / 4 = 3, sd sqrt(3) = 1.7320508...
SELECT weight_sum = 4e300 AS w_ok, mean, round(stddev::numeric, 12) AS sd
FROM (SELECT (ecocomp.weighted_stats(v, w)).* FROM (VALUES (0, 1e300), (4, 3e300)) t(v, w)) s;
-- series of 1e308 / -1e308: the baseline sums overflow: 22003
SELECT pg_temp.finite_or_error($$SELECT (ecocomp.vcs_deficit(y, v, 2003, NULL)).* FROM (VALUES (2000, 1e308), (2001, -1e308), (2002, 1e308), (2003, -1e308)) t(y, v)$$);
SELECT pg_temp.finite_or_error($$SELECT (ecocomp.vcs_deficit(y, v, 2003, NULL)).* FROM (VALUES (2000, 1e-308), (2001, -1e-308), (2002, 1e-308), (2003, 1e-308)) t(y, v)$$);
-- water sums of 1e308 + 1e308: 22003
SELECT pg_temp.finite_or_error($$SELECT (ecocomp.water_footprint_sum(f)).* FROM (SELECT ecocomp.water_footprint(1e308, 0, 0, 1, 1, 1) FROM generate_series(1, 2)) t(f)$$);
SELECT pg_temp.finite_or_error($$SELECT (ecocomp.water_balance_sum(b)).* FROM (SELECT ecocomp.water_compensation(0, 1e308, 1) FROM generate_series(1, 2)) t(b)$$);
-- states given to the final functions directly are checked (22000), and a
-- sum in a state beyond float8 is 22003
SELECT pg_temp.finite_or_error($$SELECT * FROM ecocomp.weighted_stats_final('{1,NaN,0,0,0,1,1}')$$);
SELECT pg_temp.finite_or_error($$SELECT * FROM ecocomp.weighted_stats_final('{1e300,1,1e300,1,1,1,1e10}')$$);
SELECT pg_temp.finite_or_error($$SELECT * FROM ecocomp.vcs_deficit_final('{3,2000,NaN,1999,1e308,2000,-1e308,2001,1e308}')$$);
SELECT pg_temp.finite_or_error($$SELECT ecocomp.npp_background_final('{0.5,1e308,2000}')$$);
SELECT pg_temp.finite_or_error($$SELECT ecocomp.npp_background_combine('{1,1e308,2000}', '{1,1e308,2000}')$$);
-- transition and combine functions outside an aggregate: 0A000
SELECT error_of($$SELECT ecocomp.weighted_stats_accum(NULL, 1, 1)$$);
SELECT error_of($$SELECT ecocomp.weighted_stats_combine(NULL, '{0,0,0,Infinity,-Infinity,0,0}')$$);
SELECT error_of($$SELECT ecocomp.vcs_deficit_accum(NULL, 2000, 1, NULL, NULL)$$);
SELECT error_of($$SELECT ecocomp.vcs_deficit_combine(NULL, '{0,NaN,NaN}')$$);
SELECT error_of($$SELECT ecocomp.npp_background_transfn('{0,0,NaN}', NULL, NULL, 2000)$$);
SELECT error_of($$SELECT ecocomp.npp_background_transfn('{0,0,NaN}', NULL, NULL, 2000, 1)$$);
SELECT error_of($$SELECT ecocomp.vcs_trend_transfn(NULL, NULL, 2000)$$);
SELECT error_of($$SELECT ecocomp.vcs_trend_transfn(NULL, NULL, 2000, 1)$$);
SELECT error_of($$SELECT ecocomp.vcs_trend_combine(NULL, NULL)$$);

-- rasters: pixel values of 1e308 (64BF) and pixel sizes of 1e154 / 1e200
SELECT pg_temp.finite_or_error($$SELECT * FROM ecocomp.pixel_values(ST_AddBand(ST_MakeEmptyRaster(2, 1, 0, 0, 30, -30, 0, 0, 32650), '64BF'::text, 1e308, NULL), 1)$$);
SELECT pg_temp.finite_or_error($$SELECT * FROM ecocomp.pixel_values(ST_AddBand(ST_MakeEmptyRaster(2, 1, 0, 0, 30, -30, 0, 0, 32650), '64BF'::text, -1e308, NULL), 1)$$);
-- pixel centres 1e308 + 1.5 * 1e308: beyond float8
SELECT pg_temp.finite_or_error($$SELECT * FROM ecocomp.pixel_values(ST_AddBand(ST_MakeEmptyRaster(2, 1, 1e308, 0, 1e308, -1, 0, 0, 32650), '8BUI'::text, 1, NULL), 1)$$);
-- 1e200 x 1e200 pixels: an area of 1e400 m2: 22003
SELECT pg_temp.finite_or_error($$SELECT * FROM ecocomp.pixel_coverage(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1e200, -1e200, 0, 0, 32650), '8BUI'::text, 1, 0), ST_MakeEnvelope(0, -1e300, 1e300, 0, 32650), 'exact')$$);
-- 1e154 x 1e154 pixels: 1e308 m2 each, finite; their sum is 4e308: 22003
SELECT pg_temp.finite_or_error($$SELECT * FROM ecocomp.pixel_coverage(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1e154, -1e154, 0, 0, 32650), '8BUI'::text, 1, 0), ST_MakeEnvelope(0, -1e300, 1e300, 0, 32650), 'exact')$$);
SELECT pg_temp.finite_or_error($$SELECT sum(area_m2) FROM ecocomp.pixel_coverage(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1e154, -1e154, 0, 0, 32650), '8BUI'::text, 1, 0), ST_MakeEnvelope(0, -1e300, 1e300, 0, 32650), 'exact')$$);
-- VCS of an NPP pixel of 1e308 does not fit in 32BF: 22003
SELECT pg_temp.finite_or_error($$SELECT ST_Value(ecocomp.vcs(ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 0, 30, -30, 0, 0, 32650), '64BF'::text, 1e308, NULL), 1), 1, 1)$$);
-- npp_downscale: a negative year is 22023
SELECT error_of($$SELECT ecocomp.npp_downscale(ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 0, 30, -30, 0, 0, 32650), '32BF'::text, 100, NULL), ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(1, 1, 0, 0, 30, -30, 0, 0, 32650), '16BUI'::text, 0, NULL), '16BUI'::text, 0, NULL), year => -5, npp_background => 40)$$);

------------------------------------------------------------------------------
-- Gross ecosystem product (GEP) of a restoration project (the GEP paper):
-- the tables of land types and parameter sets (their rows are in
-- 51-gep-data.sql), service formulas, a before/after account.  The README
-- section "GEP accounting" documents every object.
------------------------------------------------------------------------------

-- GEP land types ------------------------------------------------------------

CREATE TABLE @extschema@.gep_land_type (
	land_type	text PRIMARY KEY CHECK (land_type ~ '^[a-z][a-z0-9_]*$'),
	label		text NOT NULL,
	contributes	boolean NOT NULL,
	position	integer NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.gep_land_type IS
	'Land types of the GEP account (areas in hm2 = ha); contributes = false for land that by definition yields no ecosystem product (mining, construction, bare land): its services are 0 and it takes no parameters';

-- Land-use code -> GEP land type --------------------------------------------

CREATE TABLE @extschema@.gep_landuse_map (
	classification text NOT NULL,
	code		integer NOT NULL,
	land_type	text NOT NULL REFERENCES @extschema@.gep_land_type ON UPDATE CASCADE ON DELETE CASCADE,
	reason		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (classification, code),
	FOREIGN KEY (classification, code) REFERENCES @extschema@.landuse_class ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.gep_landuse_map IS
	'Which GEP land type each land-use code (landuse_class) is accounted as, with the reason, so the raster engine''s {"<code>": hectares} plugs into gep_account';

-- Parameters ------------------------------------------------------------------

CREATE TABLE @extschema@.gep_parameter (
	parameter	text PRIMARY KEY,
	unit		text NOT NULL,
	service		text NOT NULL,
	symbol		text NOT NULL,
	description	text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	UNIQUE (parameter, unit)
);
COMMENT ON TABLE @extschema@.gep_parameter IS
	'The parameters the formulas of gep_account read, with the unit every value of gep_param must be in; gep_account reads this table (the units of its messages) and requires a row for each parameter of its formulas and no other';

CREATE TABLE @extschema@.gep_param_set (
	param_set	text PRIMARY KEY,
	title		text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.gep_param_set IS
	'Named GEP parameter sets: jinsha_2022_paper holds only the values the GEP paper gives (Jinsha County coal mine restoration, Guizhou, 2022); jinsha_2022 adds documented values the paper does not give (runoff coefficients, sediment coefficient lambda, soil bulk density rho, carbon price)';

CREATE TABLE @extschema@.gep_param (
	param_set	text NOT NULL REFERENCES @extschema@.gep_param_set ON UPDATE CASCADE ON DELETE CASCADE,
	parameter	text NOT NULL,
	land_type	text REFERENCES @extschema@.gep_land_type ON UPDATE CASCADE ON DELETE CASCADE,
	value		double precision NOT NULL CHECK (value > '-Infinity' AND value < 'Infinity'),
	unit		text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	UNIQUE NULLS NOT DISTINCT (param_set, parameter, land_type),
	FOREIGN KEY (parameter, unit) REFERENCES @extschema@.gep_parameter (parameter, unit) ON UPDATE CASCADE
);
COMMENT ON TABLE @extschema@.gep_param IS
	'Values of the GEP parameters by set and land type (land_type NULL: every land type without a row of its own), in the unit gep_parameter fixes, with their source';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.gep_land_type', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gep_landuse_map', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gep_parameter', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gep_param_set', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.gep_param', 'WHERE NOT builtin');

GRANT SELECT ON @extschema@.gep_land_type, @extschema@.gep_landuse_map, @extschema@.gep_parameter,
	@extschema@.gep_param_set, @extschema@.gep_param TO PUBLIC;

-- Service formulas (one per service; inputs and results carry their units) --

CREATE FUNCTION @extschema@.gep_agricultural_products(output_kg_per_a double precision[],
	price_yuan_per_kg double precision[])
RETURNS double precision
AS 'MODULE_PATHNAME', 'gep_agricultural_products'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_agricultural_products(double precision[], double precision[]) IS
	'Agricultural products by market value V = sum E_i P_i in yuan/a, E_i output in kg/a, P_i price in yuan/kg (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_water_conservation(area_m2 double precision,
	precipitation_mm_per_a double precision, runoff_mm_per_a double precision,
	evapotranspiration_mm_per_a double precision, water_price_yuan_per_m3 double precision,
	OUT water_m3_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_water_conservation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_water_conservation(double precision, double precision, double precision, double precision, double precision) IS
	'Water conservation by water balance Q = A (P - R - ET) 1e-3 in m3/a (A in m2, P, R, ET in mm/a; negative when ET exceeds P - R) and V = Q * price in yuan/a (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_soil_retention(area_hm2 double precision,
	rainfall_erosivity_mj_mm_per_hm2_h_a double precision,
	soil_erodibility_t_hm2_h_per_hm2_mj_mm double precision,
	slope_length_factor double precision, cover_factor double precision,
	practice_factor double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'gep_soil_retention'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_soil_retention(double precision, double precision, double precision, double precision, double precision, double precision) IS
	'Soil retained in t/a by RUSLE: Q_sr = R K LS (1 - C P) t/hm2/a times area in hm2; C and P in [0, 1] (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_soil_retention_value(soil_t_per_a double precision,
	sediment_coefficient double precision, soil_bulk_density_t_per_m3 double precision,
	dredging_cost_yuan_per_m3 double precision,
	nitrogen_g_per_kg double precision, nitrogen_fertilizer_coefficient double precision,
	nitrogen_fertilizer_price_yuan_per_t double precision,
	phosphorus_g_per_kg double precision, phosphorus_fertilizer_coefficient double precision,
	phosphorus_fertilizer_price_yuan_per_t double precision,
	OUT sediment_yuan_per_a double precision,
	OUT nitrogen_t_per_a double precision, OUT nitrogen_yuan_per_a double precision,
	OUT phosphorus_t_per_a double precision, OUT phosphorus_yuan_per_a double precision,
	OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_soil_retention_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_soil_retention_value(double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision, double precision) IS
	'Value of retained soil Q_sr (t/a): sediment lambda (Q_sr / rho) c (rho t/m3, c yuan/m3) plus non-point pollution Q_sr C_i 1e-3 alpha_i P_i for N and P (C_i g/kg, P_i yuan/t fertilizer); nutrient masses in t/a, values in yuan/a (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_air_purification(area_hm2 double precision,
	so2_t_per_hm2_a double precision, nox_t_per_hm2_a double precision, dust_t_per_hm2_a double precision,
	so2_cost_yuan_per_kg double precision, nox_cost_yuan_per_kg double precision,
	dust_cost_yuan_per_kg double precision,
	OUT so2_t_per_a double precision, OUT nox_t_per_a double precision, OUT dust_t_per_a double precision,
	OUT so2_yuan_per_a double precision, OUT nox_yuan_per_a double precision,
	OUT dust_yuan_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_air_purification'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_air_purification(double precision, double precision, double precision, double precision, double precision, double precision, double precision) IS
	'Air purification: pollutant absorbed Q_i = rate (t/hm2/a) * area (hm2) in t/a, value Q_i * 1000 * cost (yuan/kg) in yuan/a, for SO2, NOx and dust (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_carbon_fixation(area_hm2 double precision,
	carbon_rate_t_c_per_hm2_a double precision, soil_carbon_coefficient double precision,
	carbon_price_yuan_per_t_co2 double precision,
	OUT co2_t_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_carbon_fixation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_carbon_fixation(double precision, double precision, double precision, double precision) IS
	'Carbon fixation Q_CO2 = 44/12 * rate (t C/hm2/a) * (1 + beta) * area (hm2) in t CO2/a (beta: 0.76 for forest in the GEP paper (Xu X. et al., in press), 0 elsewhere), value Q_CO2 * price in yuan/a';

CREATE FUNCTION @extschema@.gep_oxygen_release(co2_t_per_a double precision,
	oxygen_price_yuan_per_t double precision,
	OUT o2_t_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_oxygen_release'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_oxygen_release(double precision, double precision) IS
	'Oxygen release Q_O2 = 32/44 * Q_CO2 in t O2/a from fixed CO2 in t/a, value Q_O2 * price (yuan/t) in yuan/a (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_climate_regulation(area_hm2 double precision,
	heat_absorbed_kj_per_hm2_d double precision, ac_days_per_a double precision,
	eer double precision, electricity_price_yuan_per_kwh double precision,
	OUT electricity_kwh_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_climate_regulation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_climate_regulation(double precision, double precision, double precision, double precision, double precision) IS
	'Climate regulation as air-conditioning electricity saved: kWh/a = GPP (kJ/hm2/d) * area (hm2) * d (d/a) / (3600 * EER), value kWh * price (yuan/kWh) in yuan/a (Xu X. et al., in press, Table 3)';

CREATE FUNCTION @extschema@.gep_aesthetic_landscape(area_hm2 double precision,
	landscape_factor double precision, grain_price_yuan_per_kg double precision,
	grain_yield_kg_per_hm2 double precision,
	equivalent_coefficient double precision DEFAULT 1.0 / 7)
RETURNS double precision
AS 'MODULE_PATHNAME', 'gep_aesthetic_landscape'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_aesthetic_landscape(double precision, double precision, double precision, double precision, double precision) IS
	'Aesthetic landscape value V = A_i * area (hm2) * R * P_a (yuan/kg) * P_b (kg/hm2) in yuan/a, R = 1/7 by default (equivalent-factor method, Xu X. et al., in press, Table 3)';

-- The account ---------------------------------------------------------------

CREATE FUNCTION @extschema@.gep_account(areas jsonb, param_set text DEFAULT 'jinsha_2022',
	overrides jsonb DEFAULT '{}', classification text DEFAULT NULL, services text[] DEFAULT NULL)
RETURNS TABLE (service_group text, service text, item text, land_type text,
	area_ha double precision, quantity double precision, unit text, value_yuan double precision)
AS 'MODULE_PATHNAME', 'gep_account'
LANGUAGE C STABLE PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@.gep_account(jsonb, text, jsonb, text, text[]) IS
	'GEP account of land-type areas {"forest": ha, ...} (or land-use codes {"<code>": ha, "nodata": ha} of a classification): one row per (service group, service, item, land type) with area_ha, physical quantity in unit, value_yuan in yuan/a; parameters from param_set, overridden by overrides {"parameter": v, "parameter/land_type": v}; services NULL = all';

CREATE FUNCTION @extschema@.gep_items()
RETURNS TABLE (item_order integer, item text, service text, service_group text, unit text)
AS 'MODULE_PATHNAME', 'gep_items'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.gep_items() IS
	'The items of the GEP account in account order (item_order 1..12), with their service, service group and the unit of their quantity (NULL: no physical quantity); gep_account and gep_compare list items in this order';

CREATE FUNCTION @extschema@.gep_compare(before jsonb, after jsonb, param_set text DEFAULT 'jinsha_2022',
	overrides jsonb DEFAULT '{}', classification text DEFAULT NULL,
	before_overrides jsonb DEFAULT '{}', after_overrides jsonb DEFAULT '{}', services text[] DEFAULT NULL)
RETURNS TABLE (level text, service_group text, service text, item text, land_type text,
	unit text, before_quantity double precision, after_quantity double precision,
	before_yuan double precision, after_yuan double precision,
	change_yuan double precision, change_pct double precision,
	before_share_pct double precision, after_share_pct double precision,
	before_rank integer, after_rank integer)
LANGUAGE sql STABLE PARALLEL SAFE ROWS 80
AS $$
	WITH b AS (
		SELECT a.service_group, a.service, a.item, a.land_type, a.quantity, a.unit, a.value_yuan
		FROM @extschema@.gep_account(gep_compare.before, gep_compare.param_set,
			COALESCE(gep_compare.overrides, '{}'::jsonb) OPERATOR(pg_catalog.||) COALESCE(gep_compare.before_overrides, '{}'::jsonb),
			gep_compare.classification, gep_compare.services)
			AS a(service_group, service, item, land_type, area_ha, quantity, unit, value_yuan)
	), f AS (
		SELECT a.service_group, a.service, a.item, a.land_type, a.quantity, a.unit, a.value_yuan
		FROM @extschema@.gep_account(gep_compare.after, gep_compare.param_set,
			COALESCE(gep_compare.overrides, '{}'::jsonb) OPERATOR(pg_catalog.||) COALESCE(gep_compare.after_overrides, '{}'::jsonb),
			gep_compare.classification, gep_compare.services)
			AS a(service_group, service, item, land_type, area_ha, quantity, unit, value_yuan)
	), j AS (
		SELECT COALESCE(b.service_group, f.service_group) AS service_group,
			   COALESCE(b.service, f.service) AS service,
			   COALESCE(b.item, f.item) AS item,
			   COALESCE(b.land_type, f.land_type) AS land_type,
			   COALESCE(b.unit, f.unit) AS unit,
			   b.quantity AS bq, f.quantity AS fq,
			   CASE WHEN gep_compare.before IS NULL THEN NULL ELSE COALESCE(b.value_yuan, 0) END AS bv,
			   CASE WHEN gep_compare.after IS NULL THEN NULL ELSE COALESCE(f.value_yuan, 0) END AS fv,
			   gi.item_order AS svc_order,
			   lt.position AS lt_order
		FROM b FULL JOIN f
			ON b.service OPERATOR(pg_catalog.=) f.service AND b.item OPERATOR(pg_catalog.=) f.item AND b.land_type OPERATOR(pg_catalog.=) f.land_type
		JOIN @extschema@.gep_items() gi ON gi.item OPERATOR(pg_catalog.=) COALESCE(b.item, f.item)
		JOIN @extschema@.gep_land_type lt ON lt.land_type OPERATOR(pg_catalog.=) COALESCE(b.land_type, f.land_type)
	), g AS (
		SELECT CASE
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) OPERATOR(pg_catalog.=) 15 THEN 'total'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) OPERATOR(pg_catalog.=) 14 THEN 'land_type'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) OPERATOR(pg_catalog.=) 7 THEN 'group'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) OPERATOR(pg_catalog.=) 3 THEN 'service'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) OPERATOR(pg_catalog.=) 2 THEN 'service_land_type'
				 ELSE 'item'
			   END AS level,
			   j.service_group, j.service, j.item, j.land_type,
			   CASE WHEN GROUPING(j.item) OPERATOR(pg_catalog.=) 0 THEN pg_catalog.max(j.unit) END AS unit,
			   CASE WHEN GROUPING(j.item) OPERATOR(pg_catalog.=) 0 THEN pg_catalog.sum(j.bq) END AS bq,
			   CASE WHEN GROUPING(j.item) OPERATOR(pg_catalog.=) 0 THEN pg_catalog.sum(j.fq) END AS fq,
			   pg_catalog.sum(j.bv) AS bv,
			   pg_catalog.sum(j.fv) AS fv,
			   pg_catalog.min(j.svc_order) AS svc_order,
			   pg_catalog.min(j.lt_order) AS lt_order
		FROM j
		GROUP BY GROUPING SETS ((j.service_group, j.service, j.item),
								(j.service_group, j.service),
								(j.service_group),
								(j.service_group, j.service, j.land_type),
								(j.land_type),
								())
	), t AS (
		SELECT g.bv AS tb, g.fv AS tf FROM g WHERE g.level OPERATOR(pg_catalog.=) 'total'::text
	)
	SELECT g.level, g.service_group, g.service, g.item, g.land_type, g.unit,
		   g.bq, g.fq, g.bv, g.fv,
		   g.fv OPERATOR(pg_catalog.-) g.bv,
		   CASE WHEN g.bv OPERATOR(pg_catalog.<>) '0'::float8 THEN '100'::float8 OPERATOR(pg_catalog.*) (g.fv OPERATOR(pg_catalog.-) g.bv) OPERATOR(pg_catalog./) g.bv END,
		   CASE WHEN t.tb OPERATOR(pg_catalog.<>) '0'::float8 THEN '100'::float8 OPERATOR(pg_catalog.*) g.bv OPERATOR(pg_catalog./) t.tb END,
		   CASE WHEN t.tf OPERATOR(pg_catalog.<>) '0'::float8 THEN '100'::float8 OPERATOR(pg_catalog.*) g.fv OPERATOR(pg_catalog./) t.tf END,
		   CASE WHEN g.bv OPERATOR(pg_catalog.>) '0'::float8 THEN (pg_catalog.rank() OVER (PARTITION BY g.level, g.bv OPERATOR(pg_catalog.>) '0'::float8 ORDER BY g.bv DESC))::integer END,
		   CASE WHEN g.fv OPERATOR(pg_catalog.>) '0'::float8 THEN (pg_catalog.rank() OVER (PARTITION BY g.level, g.fv OPERATOR(pg_catalog.>) '0'::float8 ORDER BY g.fv DESC))::integer END
	FROM g CROSS JOIN t
	ORDER BY pg_catalog.array_position(ARRAY['item', 'service', 'group', 'service_land_type', 'land_type', 'total'], g.level),
			 g.svc_order, g.lt_order
$$;
COMMENT ON FUNCTION @extschema@.gep_compare(jsonb, jsonb, text, jsonb, text, jsonb, jsonb, text[]) IS
	'Before/after GEP comparison (Xu X. et al., in press, Tables 4 to 6) of two area sets: rows at level item, service, group (Table 4), service_land_type (Table 5), land_type and total (Table 6) with quantities (item level), values in yuan/a, change in yuan/a and %, shares of the total in %, and ranks by value; before_overrides / after_overrides apply on top of overrides to one side only; services NULL = all';

CREATE FUNCTION @extschema@.copy_gep_param_set(source text, target text, title text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	-- not STRICT: a NULL title means "derive it", NULL names are errors
	IF copy_gep_param_set.source IS NULL OR copy_gep_param_set.target IS NULL THEN
		RAISE EXCEPTION 'source and target parameter set names must not be NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM @extschema@.gep_param_set s WHERE s.param_set = copy_gep_param_set.source) THEN
		RAISE EXCEPTION 'GEP parameter set "%" does not exist', copy_gep_param_set.source
			USING ERRCODE = 'undefined_object';
	END IF;
	INSERT INTO @extschema@.gep_param_set (param_set, title, source, builtin)
	SELECT copy_gep_param_set.target, COALESCE(copy_gep_param_set.title, s.title OPERATOR(pg_catalog.||) ' (copy)'),
		   'copy of ' OPERATOR(pg_catalog.||) s.param_set OPERATOR(pg_catalog.||) ': ' OPERATOR(pg_catalog.||) s.source, false
	FROM @extschema@.gep_param_set s WHERE s.param_set = copy_gep_param_set.source;
	INSERT INTO @extschema@.gep_param (param_set, parameter, land_type, value, unit, source, builtin)
	SELECT copy_gep_param_set.target, p.parameter, p.land_type, p.value, p.unit, p.source, false
	FROM @extschema@.gep_param p WHERE p.param_set = copy_gep_param_set.source;
END
$$;
COMMENT ON FUNCTION @extschema@.copy_gep_param_set(text, text, text) IS
	'Copy a GEP parameter set under a new name as user rows (dumped by pg_dump), to edit values without touching built-in rows';

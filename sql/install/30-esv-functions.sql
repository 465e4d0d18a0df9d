------------------------------------------------------------------------------
-- Ecosystem service value and compensation priority (the ESV paper (Wang et al., in press))
------------------------------------------------------------------------------

CREATE TYPE @extschema@.esv_summary AS (
	total			double precision,
	provisioning	double precision,
	regulating		double precision,
	supporting		double precision,
	cultural		double precision,
	nonmarket		double precision
);
COMMENT ON TYPE @extschema@.esv_summary IS
	'Ecosystem service value of a region in yuan/a: total, by service group, and non-market (all services without a market price)';

CREATE FUNCTION @extschema@.standard_equivalent_value(price double precision[], yield double precision[], area double precision[])
RETURNS double precision
AS 'MODULE_PATHNAME', 'standard_equivalent_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standard_equivalent_value(double precision[], double precision[], double precision[]) IS
	'Standard equivalent value E_a in yuan/hm2/a = (1/7) sum(price yuan/kg * yield kg/hm2 * sown area hm2) / sum(area) (Wang et al., in press, eq. 1)';

CREATE FUNCTION @extschema@.esv_value(areas jsonb, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015',
	adjustment jsonb DEFAULT '{}')
RETURNS @extschema@.esv_summary
AS 'MODULE_PATHNAME', 'esv_value_jsonb'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.esv_value(jsonb, double precision, text, text, jsonb) IS
	'ESV in yuan/a of land-use areas {"<code>": hectares, "nodata": hectares} at E_a yuan/hm2/a: total, by service group, non-market (the ESV paper eqs. 2-3); unmapped codes are an error; adjustment {"npp": f, "precipitation": f, "soil": f} scales the factors as Xie 2015 (missing key = 1)';

CREATE FUNCTION @extschema@.esv_detail(areas jsonb, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015',
	adjustment jsonb DEFAULT '{}')
RETURNS TABLE (ecosystem text, level1 text, service text, service_group text,
	market boolean, area_ha double precision, factor double precision,
	value_yuan double precision)
AS 'MODULE_PATHNAME', 'esv_detail_jsonb'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.esv_detail(jsonb, double precision, text, text, jsonb) IS
	'ESV by (ecosystem type, service) of land-use areas in hectares: area_ha, equivalent factor, value_yuan in yuan/a; one row per service of each ecosystem present in the input; factor is after the adjustment {"npp", "precipitation", "soil"} (Xie 2015, missing key = 1)';

CREATE FUNCTION @extschema@.ecps(nonmarket double precision, gdp double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'ecps'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ecps(double precision, double precision) IS
	'Ecological compensation priority ECPS = non-market ESV / GDP, both of the same region in the same unit (Wang et al., in press, eq. 4); dimensionless';

CREATE FUNCTION @extschema@.compensation_intensity(ecps double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'compensation_intensity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.compensation_intensity(double precision) IS
	'Compensation demand intensity t = 2 atan(ECPS) / pi, in [0, 1) (Wang et al., in press, eq. 6)';

CREATE FUNCTION @extschema@.vertical_compensation(nonmarket double precision, gdp double precision,
	k double precision DEFAULT 0.15)
RETURNS double precision
AS 'MODULE_PATHNAME', 'vertical_compensation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vertical_compensation(double precision, double precision, double precision) IS
	'Vertical compensation R = V k t(V/GDP), in the unit of the non-market ESV V; k the ecological value conversion coefficient in (0, 1], default 0.15 (Wang et al., in press, eq. 5)';

CREATE FUNCTION @extschema@.nonmarket_from_compensation(compensation double precision, gdp double precision,
	k double precision DEFAULT 0.15)
RETURNS double precision
AS 'MODULE_PATHNAME', 'nonmarket_from_compensation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nonmarket_from_compensation(double precision, double precision, double precision) IS
	'Inverse of vertical_compensation: the non-market ESV V (unit of the compensation) whose R = V k t(V/GDP) equals the given compensation';

CREATE FUNCTION @extschema@.copy_esv_scheme(source text, target text, title text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	IF copy_esv_scheme.source IS NULL OR copy_esv_scheme.target IS NULL THEN
		RAISE EXCEPTION 'source and target scheme names must not be NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM @extschema@.esv_scheme s WHERE s.scheme = copy_esv_scheme.source) THEN
		RAISE EXCEPTION 'ESV scheme "%" does not exist', copy_esv_scheme.source
			USING ERRCODE = 'undefined_object';
	END IF;
	INSERT INTO @extschema@.esv_scheme (scheme, title, level, source, builtin)
	SELECT copy_esv_scheme.target, coalesce(copy_esv_scheme.title, s.title || ' (copy)'), s.level,
		   'copy of ' || s.scheme || ': ' || s.source, false
	FROM @extschema@.esv_scheme s WHERE s.scheme = copy_esv_scheme.source;
	INSERT INTO @extschema@.esv_service (scheme, service, service_group, market, position, label_zh, source, builtin)
	SELECT copy_esv_scheme.target, v.service, v.service_group, v.market, v.position, v.label_zh, v.source, false
	FROM @extschema@.esv_service v WHERE v.scheme = copy_esv_scheme.source;
	INSERT INTO @extschema@.esv_ecosystem (scheme, ecosystem, level1, position, label_zh, builtin)
	SELECT copy_esv_scheme.target, e.ecosystem, e.level1, e.position, e.label_zh, false
	FROM @extschema@.esv_ecosystem e WHERE e.scheme = copy_esv_scheme.source;
	INSERT INTO @extschema@.esv_factor (scheme, ecosystem, service, factor, source, builtin)
	SELECT copy_esv_scheme.target, f.ecosystem, f.service, f.factor, f.source, false
	FROM @extschema@.esv_factor f WHERE f.scheme = copy_esv_scheme.source;
	INSERT INTO @extschema@.landuse_map (classification, code, scheme, ecosystem, reason, builtin)
	SELECT m.classification, m.code, copy_esv_scheme.target, m.ecosystem, m.reason, false
	FROM @extschema@.landuse_map m WHERE m.scheme = copy_esv_scheme.source;
END
$$;
COMMENT ON FUNCTION @extschema@.copy_esv_scheme(text, text, text) IS
	'Copy an ESV scheme (services, ecosystems, factors, land-use mappings) under a new name as user rows, to edit factors without touching built-in rows';

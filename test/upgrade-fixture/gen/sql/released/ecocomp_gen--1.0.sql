-- ecocomp_gen 1.0: what the generator must upgrade from
\echo Use "CREATE EXTENSION ecocomp_gen" to load this file. \quit

CREATE TABLE @extschema@.ref (
	code		text PRIMARY KEY,
	value		double precision NOT NULL,
	note		text,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.ref IS 'reference values';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ref', 'WHERE NOT builtin');
INSERT INTO @extschema@.ref (code, value, note, builtin) VALUES
('a', 1, 'old a', true),
('b', 2, NULL, true),
('gone', 9, 'not in 2.0', true);
GRANT SELECT ON @extschema@.ref TO PUBLIC;

CREATE TYPE @extschema@.pair AS (x double precision, y double precision);
COMMENT ON TYPE @extschema@.pair IS 'two numbers';
CREATE TYPE @extschema@.old_only AS (a integer);
COMMENT ON TYPE @extschema@.old_only IS 'not in 2.0';

CREATE FUNCTION @extschema@.lookup(c text) RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT r.value FROM @extschema@.ref r WHERE r.code OPERATOR(pg_catalog.=) c;
END;
COMMENT ON FUNCTION @extschema@.lookup(text) IS 'value of a code';

-- 2.0 adds a defaulted argument: another signature
CREATE FUNCTION @extschema@.scaled(v double precision, k double precision) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN v OPERATOR(pg_catalog.*) k;
COMMENT ON FUNCTION @extschema@.scaled(double precision, double precision) IS 'v times k';

-- 2.0 returns another type: the prologue retires it
CREATE FUNCTION @extschema@.label(v double precision) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN v OPERATOR(pg_catalog.>) '1'::float8 THEN 'big' ELSE 'small' END;
COMMENT ON FUNCTION @extschema@.label(double precision) IS 'big or small';

CREATE FUNCTION @extschema@.obsolete() RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN 1;
COMMENT ON FUNCTION @extschema@.obsolete() IS 'not in 2.0';

-- 2.0 changes the state type of the aggregate (float8[] -> float8)
CREATE FUNCTION @extschema@.total_add(s double precision[], v double precision) RETURNS double precision[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN ARRAY[COALESCE(s[1], '0'::float8) OPERATOR(pg_catalog.+) COALESCE(v, '0'::float8)];
COMMENT ON FUNCTION @extschema@.total_add(double precision[], double precision) IS 'state of total';
CREATE FUNCTION @extschema@.total_final(s double precision[]) RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN s[1];
COMMENT ON FUNCTION @extschema@.total_final(double precision[]) IS 'result of total';
CREATE AGGREGATE @extschema@.total(double precision) (
	SFUNC = @extschema@.total_add, STYPE = double precision[], FINALFUNC = @extschema@.total_final
);
COMMENT ON AGGREGATE @extschema@.total(double precision) IS 'sum';

CREATE TABLE @extschema@.param (name text PRIMARY KEY, value float8 NOT NULL, unit text, builtin boolean NOT NULL DEFAULT false);
COMMENT ON TABLE @extschema@.param IS 'parameters with units';
INSERT INTO @extschema@.param VALUES ('k', 0.15, NULL, true), ('ea', 3452, 'yuan/hm2/a', true);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.param', 'WHERE NOT builtin');
CREATE FUNCTION @extschema@.scale(x float8) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN x * 2;
COMMENT ON FUNCTION @extschema@.scale(float8) IS 'twice x';
CREATE FUNCTION @extschema@.halve(x float8) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN x / 2;
COMMENT ON FUNCTION @extschema@.halve(float8) IS 'half of x';

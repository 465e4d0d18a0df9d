CREATE TABLE @extschema@.param (name text PRIMARY KEY, value float8 NOT NULL, builtin boolean NOT NULL DEFAULT false);
COMMENT ON TABLE @extschema@.param IS 'parameters';
INSERT INTO @extschema@.param VALUES ('k', 0.15, true);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.param', 'WHERE NOT builtin');
CREATE FUNCTION @extschema@.scale(x float8) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN x * 2;
COMMENT ON FUNCTION @extschema@.scale(float8) IS 'twice x';

ALTER TABLE @extschema@.param ADD COLUMN unit text;
-- keep the column order of a fresh install
ALTER TABLE @extschema@.param DROP COLUMN builtin;
ALTER TABLE @extschema@.param ADD COLUMN builtin boolean NOT NULL DEFAULT false;
UPDATE @extschema@.param SET builtin = true WHERE name = 'k';
COMMENT ON TABLE @extschema@.param IS 'parameters with units';
INSERT INTO @extschema@.param VALUES ('ea', 3452, 'yuan/hm2/a', true);
CREATE FUNCTION @extschema@.halve(x float8) RETURNS float8 LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN x / 2;
COMMENT ON FUNCTION @extschema@.halve(float8) IS 'half of x';

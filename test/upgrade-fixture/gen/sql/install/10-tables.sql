-- ecocomp_gen 2.0, part 1: the reference table gains a column (before
-- builtin), loses a row, changes one
CREATE TABLE @extschema@.ref (
	code		text PRIMARY KEY,
	value		double precision NOT NULL,
	note		text,
	unit		text,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.ref IS 'reference values with units';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ref', 'WHERE NOT builtin');
INSERT INTO @extschema@.ref (code, value, note, unit, builtin) VALUES
('a', 1.5, 'new a', 'kg', true),
('b', 2, NULL, NULL, true),
('c', 3, 'new in 2.0', 'm', true);
GRANT SELECT ON @extschema@.ref TO PUBLIC;

-- a new table filled by INSERT ... SELECT
CREATE TABLE @extschema@.ref_double (
	code		text PRIMARY KEY REFERENCES @extschema@.ref ON DELETE CASCADE,
	value		double precision NOT NULL
);
COMMENT ON TABLE @extschema@.ref_double IS 'twice the built-in values';
INSERT INTO @extschema@.ref_double (code, value)
SELECT r.code, r.value * 2 FROM @extschema@.ref r WHERE r.builtin;
GRANT SELECT ON @extschema@.ref_double TO PUBLIC;

CREATE TYPE @extschema@.pair AS (x double precision, y double precision);
COMMENT ON TYPE @extschema@.pair IS 'two numbers (x, y)';

-- reference_checksum(): one hash over every reference and coefficient table,
-- to confirm that the nodes of a Citus cluster (or any two databases) hold
-- the same coefficients.  No hash value is pinned here (the built-in rows
-- change between versions); the test checks the properties instead:
-- coverage, format, sensitivity to every change, insensitivity to insertion
-- order, session settings and search_path, and equality across databases.

-- 1. The tables covered are the configuration tables the install script
-- registers with pg_extension_config_dump, listed here by hand from
-- sql/install/00-reference-tables.sql (7), 35-esv-analysis.sql (1) and
-- 50-gep.sql (5); the row counts
-- are plain count(*).  A FULL JOIN shows a table missing on either side.
SELECT coalesce(c.table_name, n.table_name) AS table_name,
	c.row_count = n.cnt AS count_ok,
	c.checksum ~ '^[0-9a-f]{64}$' AS hex_sha256
FROM ecocomp.reference_checksums() c
FULL JOIN (VALUES
	('esv_scheme', (SELECT count(*) FROM ecocomp.esv_scheme)),
	('esv_service', (SELECT count(*) FROM ecocomp.esv_service)),
	('esv_ecosystem', (SELECT count(*) FROM ecocomp.esv_ecosystem)),
	('esv_factor', (SELECT count(*) FROM ecocomp.esv_factor)),
	('landuse_classification', (SELECT count(*) FROM ecocomp.landuse_classification)),
	('landuse_class', (SELECT count(*) FROM ecocomp.landuse_class)),
	('landuse_map', (SELECT count(*) FROM ecocomp.landuse_map)),
	('gep_land_type', (SELECT count(*) FROM ecocomp.gep_land_type)),
	('gep_landuse_map', (SELECT count(*) FROM ecocomp.gep_landuse_map)),
	('gep_parameter', (SELECT count(*) FROM ecocomp.gep_parameter)),
	('gep_param_set', (SELECT count(*) FROM ecocomp.gep_param_set)),
	('gep_param', (SELECT count(*) FROM ecocomp.gep_param)),
	('priority_class', (SELECT count(*) FROM ecocomp.priority_class))
) n(table_name, cnt) ON n.table_name = c.table_name
ORDER BY 1;

SELECT ecocomp.reference_checksum() ~ '^[0-9a-f]{64}$' AS hex_sha256;

-- 2. The documented canonical form, recomputed by hand for one table of
-- text and boolean columns (no float, so plain text output): the SHA-256 of
-- the column list ("name type typmod", typmod -1 for none) + newline + the
-- rows as ROW(...)::text sorted by their bytes, joined by newlines.
SELECT c.checksum = encode(sha256(convert_to(
	'classification text -1, title text -1, source text -1, builtin bool -1' || E'\n' ||
	(SELECT string_agg(r, E'\n' ORDER BY convert_to(r, 'UTF8'))
	 FROM (SELECT ROW(classification, title, source, builtin::text)::text AS r
	       FROM ecocomp.landuse_classification) s), 'UTF8')), 'hex') AS matches_hand_form
FROM ecocomp.reference_checksums() c WHERE c.table_name = 'landuse_classification';
-- ... and the total is the SHA-256 of "name rows hash" lines sorted by name
SELECT ecocomp.reference_checksum() = encode(sha256(convert_to(
	string_agg(table_name || ' ' || row_count || ' ' || checksum, E'\n' ORDER BY table_name COLLATE "C"),
	'UTF8')), 'hex') AS total_matches
FROM ecocomp.reference_checksums();

SELECT ecocomp.reference_checksum() AS base \gset

-- 3. Every change shows; undoing it restores the hash.
BEGIN;
SELECT ecocomp.copy_esv_scheme('xie2015', 'ck_user');
SELECT ecocomp.reference_checksum() <> :'base' AS new_rows_change_it;
SELECT ecocomp.reference_checksum() AS with_user \gset
UPDATE ecocomp.esv_factor SET factor = factor + 1
WHERE scheme = 'ck_user' AND ecosystem = 'broadleaf' AND service = 'gas_regulation';
SELECT ecocomp.reference_checksum() <> :'with_user' AS factor_change_shows;
UPDATE ecocomp.esv_factor SET factor = factor - 1
WHERE scheme = 'ck_user' AND ecosystem = 'broadleaf' AND service = 'gas_regulation';
SELECT ecocomp.reference_checksum() = :'with_user' AS undone;
-- a change below the 15 digits extra_float_digits = 0 prints still shows:
-- 1 + 2^-52 is the next double after 1, printed as 1 at 15 digits
SET extra_float_digits = 0;
UPDATE ecocomp.esv_factor SET factor = 1
WHERE scheme = 'ck_user' AND ecosystem = 'broadleaf' AND service = 'gas_regulation';
SELECT ecocomp.reference_checksum() AS one \gset
UPDATE ecocomp.esv_factor SET factor = 1 + 2 ^ -52
WHERE scheme = 'ck_user' AND ecosystem = 'broadleaf' AND service = 'gas_regulation';
SELECT factor::text AS printed, factor = 1 AS equal_to_one FROM ecocomp.esv_factor
WHERE scheme = 'ck_user' AND ecosystem = 'broadleaf' AND service = 'gas_regulation';
SELECT ecocomp.reference_checksum() <> :'one' AS last_bit_shows;
-- -0 and 0 are the same factor
UPDATE ecocomp.esv_factor SET factor = 0
WHERE scheme = 'ck_user' AND ecosystem = 'broadleaf' AND service = 'gas_regulation';
SELECT ecocomp.reference_checksum() AS zero \gset
UPDATE ecocomp.esv_factor SET factor = '-0'
WHERE scheme = 'ck_user' AND ecosystem = 'broadleaf' AND service = 'gas_regulation';
SELECT ecocomp.reference_checksum() = :'zero' AS minus_zero_is_zero;
RESET extra_float_digits;
-- a text change in a built-in row, and a deleted row
UPDATE ecocomp.landuse_class SET label_zh = label_zh || ' ' WHERE classification = 'clcd' AND code = 1;
SELECT ecocomp.reference_checksum() <> :'zero' AS text_change_shows;
ROLLBACK;
BEGIN;
DELETE FROM ecocomp.gep_param WHERE param_set = 'jinsha_2022' AND parameter = 'so2_cost';
SELECT ecocomp.reference_checksum() <> :'base' AS deletion_shows;
ROLLBACK;
SELECT ecocomp.reference_checksum() = :'base' AS back_to_base;

-- 4. Session settings that change text output do not change the hash.
SET extra_float_digits = -15;
SET DateStyle = 'SQL, DMY';
SET IntervalStyle = 'sql_standard';
SET TimeZone = 'Asia/Shanghai';
SET bytea_output = 'escape';
SET escape_string_warning = off;
SET standard_conforming_strings = off;
SELECT ecocomp.reference_checksum() = :'base' AS settings_do_not_matter;
RESET extra_float_digits;
RESET DateStyle;
RESET IntervalStyle;
RESET TimeZone;
RESET bytea_output;
RESET standard_conforming_strings;
RESET escape_string_warning;

-- 4b. A table added later is included, and columns whose text output
-- depends on settings hash the same under any settings.  The install
-- script registers its tables with pg_extension_config_dump(), which only a
-- CREATE EXTENSION script may call; here the catalog row is updated in a
-- transaction that is rolled back.
BEGIN;
CREATE DOMAIN ck_float AS float8;
CREATE TABLE ecocomp.ck_new (id integer, f4 float4, d date, ts timestamptz, iv interval,
	m money, b bytea, arr float8[], dom ck_float, n numeric);
INSERT INTO ecocomp.ck_new VALUES
	(1, 0.1, '2020-02-29', '2020-02-29 12:34:56.789+08', '1 year 2 mons 3 days 04:05:06.5',
	 12.34, '\x00ff', '{0.1,-0,1e300}', 1.0 / 3, 1.10),
	(2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
ALTER EXTENSION ecocomp ADD TABLE ecocomp.ck_new;
UPDATE pg_catalog.pg_extension
SET extconfig = extconfig || 'ecocomp.ck_new'::regclass::oid, extcondition = extcondition || ''::text
WHERE extname = 'ecocomp';
SELECT table_name, row_count FROM ecocomp.reference_checksums() WHERE table_name = 'ck_new';
SELECT ecocomp.reference_checksum() <> :'base' AS new_table_changes_it;
SELECT checksum AS ck_new FROM ecocomp.reference_checksums() WHERE table_name = 'ck_new' \gset
SET extra_float_digits = -15;
SET DateStyle = 'German';
SET IntervalStyle = 'iso_8601';
SET TimeZone = 'America/St_Johns';
SET bytea_output = 'escape';
-- what these settings print (German dates, ISO 8601 intervals, escaped bytea,
-- 1 significant digit for 1/3): the text differs, the hash does not
SELECT d::text AS date_printed, iv::text AS interval_printed, b::text AS bytea_printed, dom::text AS domain_printed
FROM ecocomp.ck_new WHERE id = 1;
SELECT checksum = :'ck_new' AS settings_do_not_matter FROM ecocomp.reference_checksums() WHERE table_name = 'ck_new';
RESET extra_float_digits;
RESET DateStyle;
RESET IntervalStyle;
RESET TimeZone;
RESET bytea_output;
-- a change of one microsecond, and of the last bit of a domain value, shows
UPDATE ecocomp.ck_new SET ts = ts + interval '1 microsecond' WHERE id = 1;
SELECT checksum <> :'ck_new' AS microsecond_shows FROM ecocomp.reference_checksums() WHERE table_name = 'ck_new';
UPDATE ecocomp.ck_new SET ts = ts - interval '1 microsecond', dom = dom * (1 + 2 ^ -52) WHERE id = 1;
SELECT checksum <> :'ck_new' AS domain_last_bit_shows FROM ecocomp.reference_checksums() WHERE table_name = 'ck_new';
ROLLBACK;

-- 5. A non-superuser with a hostile search_path, ahead of pg_catalog, with
-- decoys for the functions, an operator and a table the checksum uses.
CREATE ROLE ck_plain_user NOSUPERUSER;
CREATE SCHEMA ck_hostile;
CREATE FUNCTION ck_hostile.sha256(bytea) RETURNS bytea LANGUAGE sql AS $$ SELECT '\x00'::bytea $$;
CREATE FUNCTION ck_hostile.encode(bytea, text) RETURNS text LANGUAGE sql AS $$ SELECT 'hijacked' $$;
CREATE FUNCTION ck_hostile.count(anyelement) RETURNS bigint LANGUAGE sql AS $$ SELECT 0::bigint $$;
CREATE FUNCTION ck_hostile.eq(name, name) RETURNS boolean LANGUAGE sql AS $$ SELECT true $$;
CREATE OPERATOR ck_hostile.= (LEFTARG = name, RIGHTARG = name, FUNCTION = ck_hostile.eq);
CREATE TABLE ck_hostile.landuse_class (classification text, code integer);
GRANT USAGE ON SCHEMA ck_hostile TO ck_plain_user;
GRANT ALL ON ALL TABLES IN SCHEMA ck_hostile TO ck_plain_user;
SET ROLE ck_plain_user;
SET search_path = ck_hostile, pg_catalog;
SELECT ecocomp.reference_checksum() = :'base' AS search_path_does_not_matter;
RESET search_path;
RESET ROLE;
DROP SCHEMA ck_hostile CASCADE;
DROP ROLE ck_plain_user;

-- 6. Two databases with the same rows, added in opposite orders, agree; a
-- change in one makes them differ.  The second database also has its own
-- session settings.
SELECT current_database() AS regdb \gset
INSERT INTO ecocomp.landuse_classification (classification, title, source) VALUES ('ck_user', 'test', 'test');
INSERT INTO ecocomp.landuse_class (classification, code, name, level1) VALUES
	('ck_user', 1, 'one', 'forest land'), ('ck_user', 2, 'two', 'grassland'), ('ck_user', 3, 'three', 'water');
SELECT ecocomp.reference_checksum() AS first_db,
	string_agg(table_name || '=' || checksum, ' ') AS first_tables
FROM ecocomp.reference_checksums() \gset
CREATE DATABASE ck_second TEMPLATE template0;
\c ck_second
SET client_min_messages = warning;
CREATE EXTENSION ecocomp CASCADE;
RESET client_min_messages;
SET extra_float_digits = 0;
SET DateStyle = 'German';
INSERT INTO ecocomp.landuse_classification (classification, title, source) VALUES ('ck_user', 'test', 'test');
INSERT INTO ecocomp.landuse_class (classification, code, name, level1) VALUES ('ck_user', 3, 'three', 'water');
INSERT INTO ecocomp.landuse_class (classification, code, name, level1) VALUES ('ck_user', 2, 'two', 'grassland');
INSERT INTO ecocomp.landuse_class (classification, code, name, level1) VALUES ('ck_user', 1, 'one', 'forest land');
SELECT ecocomp.reference_checksum() = :'first_db' AS same_rows_same_hash;
UPDATE ecocomp.landuse_class SET name = 'One' WHERE classification = 'ck_user' AND code = 1;
SELECT ecocomp.reference_checksum() = :'first_db' AS still_equal_after_a_change;
-- the per-table hashes point at the table that differs
SELECT table_name AS differs FROM ecocomp.reference_checksums()
WHERE strpos(:'first_tables', table_name || '=' || checksum) = 0;
\c :regdb
DROP DATABASE ck_second WITH (FORCE);
DELETE FROM ecocomp.landuse_classification WHERE classification = 'ck_user';
SELECT ecocomp.reference_checksum() = :'base' AS back_to_base;

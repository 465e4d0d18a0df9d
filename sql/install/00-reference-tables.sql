-- ecocomp install script (concatenated from sql/install/*.sql in name order)
-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "CREATE EXTENSION ecocomp CASCADE" to load this file. \quit

------------------------------------------------------------------------------
-- Reference data: equivalent-factor schemes and land-use classifications.
-- Rows shipped with the extension have builtin = true; rows users add
-- (builtin = false) are dumped by pg_dump and survive a restore.
------------------------------------------------------------------------------

CREATE TABLE @extschema@.esv_scheme (
	scheme		text PRIMARY KEY,
	title		text NOT NULL,
	level		text NOT NULL CHECK (level IN ('secondary', 'first')),
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.esv_scheme IS
	'Equivalent-factor schemes for ecosystem service value (Xie 2015, 2008, 2003, and user schemes)';

CREATE TABLE @extschema@.esv_service (
	scheme		text NOT NULL REFERENCES @extschema@.esv_scheme ON UPDATE CASCADE ON DELETE CASCADE,
	service		text NOT NULL,
	service_group text NOT NULL CHECK (service_group IN ('provisioning', 'regulating', 'supporting', 'cultural')),
	market		boolean NOT NULL,
	position	integer NOT NULL,
	label_zh	text,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (scheme, service)
);
COMMENT ON TABLE @extschema@.esv_service IS
	'Services of each ESV scheme with their group; market = true for services markets already price (provisioning), excluded from the non-market ESV';

CREATE TABLE @extschema@.esv_ecosystem (
	scheme		text NOT NULL REFERENCES @extschema@.esv_scheme ON UPDATE CASCADE ON DELETE CASCADE,
	ecosystem	text NOT NULL,
	level1		text NOT NULL,
	position	integer NOT NULL,
	label_zh	text,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (scheme, ecosystem)
);
COMMENT ON TABLE @extschema@.esv_ecosystem IS
	'Ecosystem types of each ESV scheme, with their first-level type';

CREATE TABLE @extschema@.esv_factor (
	scheme		text NOT NULL,
	ecosystem	text NOT NULL,
	service		text NOT NULL,
	factor		double precision NOT NULL
		CHECK (factor > '-Infinity' AND factor < 'Infinity'),
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (scheme, ecosystem, service),
	FOREIGN KEY (scheme, ecosystem) REFERENCES @extschema@.esv_ecosystem ON UPDATE CASCADE ON DELETE CASCADE,
	FOREIGN KEY (scheme, service) REFERENCES @extschema@.esv_service ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.esv_factor IS
	'Equivalent factors EC (equivalents per hm2) by scheme, ecosystem and service; a scheme must have one row per (ecosystem, service)';

CREATE TABLE @extschema@.landuse_classification (
	classification text PRIMARY KEY,
	title		text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.landuse_classification IS
	'Land-use / land-cover classifications whose raster codes ecocomp maps to ecosystem types';

CREATE TABLE @extschema@.landuse_class (
	classification text NOT NULL REFERENCES @extschema@.landuse_classification ON UPDATE CASCADE ON DELETE CASCADE,
	code		integer NOT NULL,
	name		text NOT NULL,
	label_zh	text,
	level1		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (classification, code)
);
COMMENT ON TABLE @extschema@.landuse_class IS
	'Codes of each land-use classification with their names';

CREATE TABLE @extschema@.landuse_map (
	classification text NOT NULL,
	code		integer NOT NULL,
	scheme		text NOT NULL,
	ecosystem	text NOT NULL,
	reason		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (classification, code, scheme),
	FOREIGN KEY (classification, code) REFERENCES @extschema@.landuse_class ON UPDATE CASCADE ON DELETE CASCADE,
	FOREIGN KEY (scheme, ecosystem) REFERENCES @extschema@.esv_ecosystem ON UPDATE CASCADE ON DELETE CASCADE
);
COMMENT ON TABLE @extschema@.landuse_map IS
	'Which ecosystem type of a scheme each land-use code is valued as, with the reason for the choice';

SELECT pg_catalog.pg_extension_config_dump('@extschema@.esv_scheme', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.esv_service', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.esv_ecosystem', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.esv_factor', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.landuse_classification', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.landuse_class', 'WHERE NOT builtin');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.landuse_map', 'WHERE NOT builtin');

GRANT SELECT ON @extschema@.esv_scheme, @extschema@.esv_service, @extschema@.esv_ecosystem,
	@extschema@.esv_factor, @extschema@.landuse_classification, @extschema@.landuse_class,
	@extschema@.landuse_map TO PUBLIC;
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

-- GENERATED FILE, do not edit: upgrade of ecocomp from 0.1.0 to 0.2.0.
-- Made by tools/gen-upgrade.py (`make upgrade-script`) from
--   sql/released/ecocomp--0.1.0.sql
--   sql/upgrade/0.1.0--0.2.0-pre.sql
--   sql/install/00-reference-tables.sql
--   sql/install/10-esv-schemes.sql
--   sql/install/20-landuse-classifications.sql
--   sql/install/30-esv-functions.sql
--   sql/install/35-esv-analysis.sql
--   sql/install/40-raster.sql
--   sql/install/50-gep.sql
--   sql/install/51-gep-data.sql
--   sql/install/60-water.sql
--   sql/install/70-vcs.sql
--   sql/install/75-vcs-raster.sql
--   sql/install/76-weighted-stats.sql
--   sql/install/77-vcs-class.sql
--   sql/install/80-accounts.sql
--   sql/install/85-create-accounts.sql
--   sql/install/90-citus.sql
-- (a) the prologue sql/upgrade/0.1.0--0.2.0-pre.sql, (b) the 0.2.0 install script made re-runnable,
-- (c) what 0.1.0 has and 0.2.0 has not, retired or dropped.
\echo Use "ALTER EXTENSION ecocomp UPDATE TO '0.2.0'" to load this file. \quit

-- helper of this script, dropped at its end: retire a routine of 0.1.0
-- that 0.2.0 no longer has (or has with an incompatible definition).  It
-- is dropped, unless objects outside the extension (views made by
-- create_accounts, for instance) depend on it: then it is detached from the
-- extension and renamed NAME_0_1_0, and a WARNING says what to re-run
-- (an extension script runs with client_min_messages at least warning:
-- a NOTICE would never be seen).
CREATE FUNCTION @extschema@._upgrade_retire(signature text, early boolean DEFAULT false) RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $retire$
DECLARE
	f regprocedure := pg_catalog.to_regprocedure(signature);
	ext oid := (SELECT x.oid FROM pg_catalog.pg_extension x WHERE x.extname = 'ecocomp');
	kind text;
	users text;
	newname text;
BEGIN
	IF f IS NULL THEN
		RETURN;
	END IF;
	SELECT CASE p.prokind WHEN 'a' THEN 'AGGREGATE' WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END
	INTO kind FROM pg_catalog.pg_proc p WHERE p.oid OPERATOR(pg_catalog.=) f;
	-- dependents that are not members of the extension (a view's rule
	-- counts as its view)
	SELECT pg_catalog.string_agg(DISTINCT pg_catalog.pg_describe_object(o.classid, o.objid, 0), ', ')
	INTO users
	FROM pg_catalog.pg_depend d
	LEFT JOIN pg_catalog.pg_rewrite r
		ON d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_rewrite'::pg_catalog.regclass
		AND r.oid OPERATOR(pg_catalog.=) d.objid
	CROSS JOIN LATERAL (SELECT CASE WHEN r.oid IS NULL THEN d.classid ELSE 'pg_catalog.pg_class'::pg_catalog.regclass END AS classid,
							   COALESCE(r.ev_class, d.objid) AS objid) o
	WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
	  AND d.refobjid OPERATOR(pg_catalog.=) f
	  AND d.deptype OPERATOR(pg_catalog.=) 'n'
	  AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend e
					  WHERE e.classid OPERATOR(pg_catalog.=) o.classid AND e.objid OPERATOR(pg_catalog.=) o.objid
						AND e.refobjid OPERATOR(pg_catalog.=) ext AND e.deptype OPERATOR(pg_catalog.=) 'e');
	-- early (before the new definitions): leave it while members of the
	-- extension (an aggregate the install script replaces) still use it
	IF early AND EXISTS (SELECT FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_depend e
						 ON e.classid OPERATOR(pg_catalog.=) d.classid AND e.objid OPERATOR(pg_catalog.=) d.objid
						 WHERE d.refclassid OPERATOR(pg_catalog.=) 'pg_catalog.pg_proc'::pg_catalog.regclass
						   AND d.refobjid OPERATOR(pg_catalog.=) f AND d.deptype OPERATOR(pg_catalog.=) 'n'
						   AND e.refobjid OPERATOR(pg_catalog.=) ext AND e.deptype OPERATOR(pg_catalog.=) 'e') THEN
		RETURN;
	END IF;
	IF users IS NULL THEN
		EXECUTE pg_catalog.format('DROP %s %s', kind, f);
		RETURN;
	END IF;
	newname := (SELECT p.proname FROM pg_catalog.pg_proc p WHERE p.oid OPERATOR(pg_catalog.=) f) || '_0_1_0';
	EXECUTE pg_catalog.format('ALTER EXTENSION ecocomp DROP %s %s', kind, f);
	EXECUTE pg_catalog.format('ALTER %s %s RENAME TO %I', kind, f, newname);
	RAISE WARNING 'ecocomp 0.2.0: %, which % depend(s) on, is no longer part of the extension: it is now %',
		signature, users, f::pg_catalog.text
		USING HINT = 'Run ecocomp.create_accounts() again for every account schema (it replaces the views), then DROP '
			|| kind || ' ' || f::pg_catalog.text || '.';
END
$retire$;

------------------------------------------------------------------------------
-- (a) prologue: sql/upgrade/0.1.0--0.2.0-pre.sql
------------------------------------------------------------------------------

-- Hand-written prologue of the 0.1.0 -> 0.2.0 upgrade script.
-- tools/gen-upgrade.py (`make upgrade-script`) puts it first in
-- sql/ecocomp--0.1.0--0.2.0.sql, before the 0.2.0 install script made
-- re-runnable and before the routines, types and tables 0.2.0 no longer has
-- are retired.  Put here only what cannot be derived from the two scripts;
-- the generator refuses to run when one of these is missing:
--
-- * a routine whose argument types stay but whose return type, OUT/TABLE
--   columns, argument names, number of defaults, kind (function/aggregate)
--   or aggregate result changes: CREATE OR REPLACE cannot change those, so
--   retire the old one here and the install script creates the new one:
--       SELECT @extschema@._upgrade_retire('@extschema@.name(argtype, ...)');
--   (the helper drops it, or -- when a user's objects, e.g. the views of
--   create_accounts, depend on it -- detaches it from the extension, renames
--   it name_0_1_0 and raises a WARNING telling the user to re-run
--   create_accounts).  Routines whose argument types change, or which go
--   away, need nothing here: the generator retires them the same way after
--   the install script has run.
-- * a table, composite type, domain, sequence or index of 0.1.0 whose
--   definition changes: ALTER it here to exactly the 0.2.0 definition
--   (column order included: to put a new column before builtin, rename
--   builtin, add the new column and builtin again, copy the flag over and
--   drop the old one, as test/upgrade-fixture/gen/sql/upgrade/1.0--2.0-pre.sql
--   does; the flag must survive, it decides which rows are built in);
--   reference rows are then upserted.
-- * a GRANT of 0.1.0 that 0.2.0 no longer makes: REVOKE it.
-- * anything else that has to happen before the new definitions.

-- 0.1.0 -> 0.2.0: nothing so far.  esv_value(jsonb, float8, text, text) and
-- esv_detail(jsonb, float8, text, text) gained an argument (adjustment
-- jsonb); the generator retires the old signatures (views of 0.1.0 accounts
-- use esv_value: it is renamed esv_value_0_1_0 for them).

-- routines of 0.1.0 that 0.2.0 does not have, retired before the new definitions
-- (so that no call in them can be ambiguous between an old and a new
-- signature) unless members of the extension still use them; (c) retires
-- those
SELECT @extschema@._upgrade_retire('@extschema@.esv_detail(jsonb, double precision, text, text)', early => true);
SELECT @extschema@._upgrade_retire('@extschema@.esv_value(jsonb, double precision, text, text)', early => true);

------------------------------------------------------------------------------
-- (b) the 0.2.0 install script, re-runnable over 0.1.0
------------------------------------------------------------------------------

-- ==================== sql/install/00-reference-tables.sql ====================
-- table esv_scheme: in 0.1.0 already
COMMENT ON TABLE @extschema@.esv_scheme IS
	'Equivalent-factor schemes for ecosystem service value (Xie 2015, 2008, 2003, and user schemes)';
-- table esv_service: in 0.1.0 already
COMMENT ON TABLE @extschema@.esv_service IS
	'Services of each ESV scheme with their group; market = true for services markets already price (provisioning), excluded from the non-market ESV';
-- table esv_ecosystem: in 0.1.0 already
COMMENT ON TABLE @extschema@.esv_ecosystem IS
	'Ecosystem types of each ESV scheme, with their first-level type';
-- table esv_factor: in 0.1.0 already
COMMENT ON TABLE @extschema@.esv_factor IS
	'Equivalent factors EC (equivalents per hm2) by scheme, ecosystem and service; a scheme must have one row per (ecosystem, service)';
-- table landuse_classification: in 0.1.0 already
COMMENT ON TABLE @extschema@.landuse_classification IS
	'Land-use / land-cover classifications whose raster codes ecocomp maps to ecosystem types';
-- table landuse_class: in 0.1.0 already
COMMENT ON TABLE @extschema@.landuse_class IS
	'Codes of each land-use classification with their names';
-- table landuse_map: in 0.1.0 already
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

-- ==================== sql/install/10-esv-schemes.sql ====================
------------------------------------------------------------------------------
-- Equivalent-factor schemes (numbers and sources:
-- docs/sources.md (coefficients 1 and 2); the README lists them).
------------------------------------------------------------------------------

INSERT INTO @extschema@.esv_scheme (scheme, title, level, source, builtin) VALUES
('xie2015', 'Xie Gaodi et al. 2015: 14 secondary ecosystem types x 11 services', 'secondary',
 'Xie G. et al. 2015, J. Natural Resources 30(8):1243-1254 (value equivalents per unit area); full matrix as transcribed in a public GEP app (get_xie_gaodi_table), rows cross-checked with Luo & Yan 2018, Zhao et al. 2018/2020, Zhang et al. 2020', true),
('xie2008', 'Xie Gaodi et al. 2008: 6 first-level types x 9 services', 'first',
 'Xie G., Zhen L., Lu C., Xiao Y., Chen C. 2008, J. Natural Resources 23(5):911-919; values from Wei H., Zhao W. et al. 2017, Acta Ecologica Sinica 37(11):3830-3839 (1 eq = 3990.0 yuan, every cell divides exactly)', true),
('xie2003', 'Xie Gaodi et al. 2003: 6 first-level types x 9 services (Tibetan Plateau)', 'first',
 'Xie G., Lu C., Leng Y. et al. 2003, J. Natural Resources 18(2):189-196; values from ChinaXiv-201909.00077, checked against Song et al. 2018 and Wei et al. 2018 yuan tables', true)
ON CONFLICT (scheme) DO UPDATE SET title = EXCLUDED.title, level = EXCLUDED.level, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- built-in rows of esv_scheme that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.esv_scheme AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.scheme::text FROM (VALUES
('xie2015', 'Xie Gaodi et al. 2015: 14 secondary ecosystem types x 11 services', 'secondary',
 'Xie G. et al. 2015, J. Natural Resources 30(8):1243-1254 (value equivalents per unit area); full matrix as transcribed in a public GEP app (get_xie_gaodi_table), rows cross-checked with Luo & Yan 2018, Zhao et al. 2018/2020, Zhang et al. 2020', true),
('xie2008', 'Xie Gaodi et al. 2008: 6 first-level types x 9 services', 'first',
 'Xie G., Zhen L., Lu C., Xiao Y., Chen C. 2008, J. Natural Resources 23(5):911-919; values from Wei H., Zhao W. et al. 2017, Acta Ecologica Sinica 37(11):3830-3839 (1 eq = 3990.0 yuan, every cell divides exactly)', true),
('xie2003', 'Xie Gaodi et al. 2003: 6 first-level types x 9 services (Tibetan Plateau)', 'first',
 'Xie G., Lu C., Leng Y. et al. 2003, J. Natural Resources 18(2):189-196; values from ChinaXiv-201909.00077, checked against Song et al. 2018 and Wei et al. 2018 yuan tables', true)
) AS v(scheme, title, level, source, builtin)) AS k(scheme)
	WHERE k.scheme IS NOT DISTINCT FROM t.scheme);
INSERT INTO @extschema@.esv_service (scheme, service, service_group, market, position, label_zh, source, builtin) VALUES
('xie2015', 'food_production',            'provisioning', true,   1, '食物生产', 'Xie 2015; MA grouping as in Luo & Yan 2018, Zhang et al. 2020', true),
('xie2015', 'raw_materials',              'provisioning', true,   2, '原料生产', 'Xie 2015', true),
('xie2015', 'water_supply',               'provisioning', true,   3, '水资源供给', 'Xie 2015', true),
('xie2015', 'gas_regulation',             'regulating',   false,  4, '气体调节', 'Xie 2015', true),
('xie2015', 'climate_regulation',         'regulating',   false,  5, '气候调节', 'Xie 2015', true),
('xie2015', 'environmental_purification', 'regulating',   false,  6, '净化环境', 'Xie 2015', true),
('xie2015', 'hydrological_regulation',    'regulating',   false,  7, '水文调节', 'Xie 2015', true),
('xie2015', 'soil_conservation',          'supporting',   false,  8, '土壤保持', 'Xie 2015', true),
('xie2015', 'nutrient_cycling',           'supporting',   false,  9, '维持养分循环', 'Xie 2015', true),
('xie2015', 'biodiversity',               'supporting',   false, 10, '生物多样性', 'Xie 2015', true),
('xie2015', 'aesthetic_landscape',        'cultural',     false, 11, '美学景观', 'Xie 2015', true),
('xie2008', 'food_production',            'provisioning', true,   1, '食物生产', 'Xie 2008', true),
('xie2008', 'raw_materials',              'provisioning', true,   2, '原材料生产', 'Xie 2008', true),
('xie2008', 'gas_regulation',             'regulating',   false,  3, '气体调节', 'Xie 2008', true),
('xie2008', 'climate_regulation',         'regulating',   false,  4, '气候调节', 'Xie 2008', true),
('xie2008', 'hydrological_regulation',    'regulating',   false,  5, '水文调节', 'Xie 2008', true),
('xie2008', 'waste_treatment',            'regulating',   false,  6, '废物处理', 'Xie 2008', true),
('xie2008', 'soil_conservation',          'supporting',   false,  7, '保持土壤', 'Xie 2008', true),
('xie2008', 'biodiversity',               'supporting',   false,  8, '维持生物多样性', 'Xie 2008', true),
('xie2008', 'aesthetic_landscape',        'cultural',     false,  9, '提供美学景观', 'Xie 2008', true),
('xie2003', 'food_production',            'provisioning', true,   1, '食物生产', 'Xie 2003', true),
('xie2003', 'raw_materials',              'provisioning', true,   2, '原材料', 'Xie 2003', true),
('xie2003', 'gas_regulation',             'regulating',   false,  3, '气体调节', 'Xie 2003', true),
('xie2003', 'climate_regulation',         'regulating',   false,  4, '气候调节', 'Xie 2003', true),
('xie2003', 'water_conservation',         'regulating',   false,  5, '水源涵养', 'Xie 2003', true),
('xie2003', 'waste_treatment',            'regulating',   false,  6, '废物处理', 'Xie 2003', true),
('xie2003', 'soil_formation_protection',  'supporting',   false,  7, '土壤形成与保护', 'Xie 2003', true),
('xie2003', 'biodiversity',               'supporting',   false,  8, '生物多样性保护', 'Xie 2003', true),
('xie2003', 'recreation_culture',         'cultural',     false,  9, '娱乐文化', 'Xie 2003', true)
ON CONFLICT (scheme, service) DO UPDATE SET service_group = EXCLUDED.service_group, market = EXCLUDED.market, position = EXCLUDED.position, label_zh = EXCLUDED.label_zh, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- built-in rows of esv_service that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.esv_service AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.scheme::text, v.service::text FROM (VALUES
('xie2015', 'food_production',            'provisioning', true,   1, '食物生产', 'Xie 2015; MA grouping as in Luo & Yan 2018, Zhang et al. 2020', true),
('xie2015', 'raw_materials',              'provisioning', true,   2, '原料生产', 'Xie 2015', true),
('xie2015', 'water_supply',               'provisioning', true,   3, '水资源供给', 'Xie 2015', true),
('xie2015', 'gas_regulation',             'regulating',   false,  4, '气体调节', 'Xie 2015', true),
('xie2015', 'climate_regulation',         'regulating',   false,  5, '气候调节', 'Xie 2015', true),
('xie2015', 'environmental_purification', 'regulating',   false,  6, '净化环境', 'Xie 2015', true),
('xie2015', 'hydrological_regulation',    'regulating',   false,  7, '水文调节', 'Xie 2015', true),
('xie2015', 'soil_conservation',          'supporting',   false,  8, '土壤保持', 'Xie 2015', true),
('xie2015', 'nutrient_cycling',           'supporting',   false,  9, '维持养分循环', 'Xie 2015', true),
('xie2015', 'biodiversity',               'supporting',   false, 10, '生物多样性', 'Xie 2015', true),
('xie2015', 'aesthetic_landscape',        'cultural',     false, 11, '美学景观', 'Xie 2015', true),
('xie2008', 'food_production',            'provisioning', true,   1, '食物生产', 'Xie 2008', true),
('xie2008', 'raw_materials',              'provisioning', true,   2, '原材料生产', 'Xie 2008', true),
('xie2008', 'gas_regulation',             'regulating',   false,  3, '气体调节', 'Xie 2008', true),
('xie2008', 'climate_regulation',         'regulating',   false,  4, '气候调节', 'Xie 2008', true),
('xie2008', 'hydrological_regulation',    'regulating',   false,  5, '水文调节', 'Xie 2008', true),
('xie2008', 'waste_treatment',            'regulating',   false,  6, '废物处理', 'Xie 2008', true),
('xie2008', 'soil_conservation',          'supporting',   false,  7, '保持土壤', 'Xie 2008', true),
('xie2008', 'biodiversity',               'supporting',   false,  8, '维持生物多样性', 'Xie 2008', true),
('xie2008', 'aesthetic_landscape',        'cultural',     false,  9, '提供美学景观', 'Xie 2008', true),
('xie2003', 'food_production',            'provisioning', true,   1, '食物生产', 'Xie 2003', true),
('xie2003', 'raw_materials',              'provisioning', true,   2, '原材料', 'Xie 2003', true),
('xie2003', 'gas_regulation',             'regulating',   false,  3, '气体调节', 'Xie 2003', true),
('xie2003', 'climate_regulation',         'regulating',   false,  4, '气候调节', 'Xie 2003', true),
('xie2003', 'water_conservation',         'regulating',   false,  5, '水源涵养', 'Xie 2003', true),
('xie2003', 'waste_treatment',            'regulating',   false,  6, '废物处理', 'Xie 2003', true),
('xie2003', 'soil_formation_protection',  'supporting',   false,  7, '土壤形成与保护', 'Xie 2003', true),
('xie2003', 'biodiversity',               'supporting',   false,  8, '生物多样性保护', 'Xie 2003', true),
('xie2003', 'recreation_culture',         'cultural',     false,  9, '娱乐文化', 'Xie 2003', true)
) AS v(scheme, service, service_group, market, position, label_zh, source, builtin)) AS k(scheme, service)
	WHERE k.scheme IS NOT DISTINCT FROM t.scheme AND k.service IS NOT DISTINCT FROM t.service);
INSERT INTO @extschema@.esv_ecosystem (scheme, ecosystem, level1, position, label_zh, builtin) VALUES
('xie2015', 'dry_land',        'farmland',      1, '旱地', true),
('xie2015', 'paddy',           'farmland',      2, '水田', true),
('xie2015', 'coniferous',      'forest',        3, '针叶', true),
('xie2015', 'mixed_forest',    'forest',        4, '针阔混交', true),
('xie2015', 'broadleaf',       'forest',        5, '阔叶', true),
('xie2015', 'shrub',           'forest',        6, '灌木', true),
('xie2015', 'steppe',          'grassland',     7, '草原', true),
('xie2015', 'shrub_grassland', 'grassland',     8, '灌草丛', true),
('xie2015', 'meadow',          'grassland',     9, '草甸', true),
('xie2015', 'wetland',         'wetland',      10, '湿地', true),
('xie2015', 'desert',          'desert',       11, '荒漠', true),
('xie2015', 'bare_land',       'desert',       12, '裸地', true),
('xie2015', 'water_system',    'water',        13, '水系', true),
('xie2015', 'glacier_snow',    'water',        14, '冰川积雪', true),
('xie2015', 'construction',    'construction', 15, '建设用地', true)
ON CONFLICT (scheme, ecosystem) DO UPDATE SET level1 = EXCLUDED.level1, position = EXCLUDED.position, label_zh = EXCLUDED.label_zh, builtin = EXCLUDED.builtin;
INSERT INTO @extschema@.esv_ecosystem (scheme, ecosystem, level1, position, label_zh, builtin)
(SELECT s.scheme, e.ecosystem, e.ecosystem, e.position, e.label_zh, true
FROM (VALUES ('xie2008'), ('xie2003')) AS s(scheme),
	 (VALUES ('farmland', 1, '农田'), ('forest', 2, '森林'), ('grassland', 3, '草地'),
			 ('wetland', 4, '湿地'), ('water', 5, '水体'), ('desert', 6, '荒漠'),
			 ('construction', 7, '建设用地')) AS e(ecosystem, position, label_zh)
)
ON CONFLICT (scheme, ecosystem) DO UPDATE SET level1 = EXCLUDED.level1, position = EXCLUDED.position, label_zh = EXCLUDED.label_zh, builtin = EXCLUDED.builtin;
-- built-in rows of esv_ecosystem that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.esv_ecosystem AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.scheme::text, v.ecosystem::text FROM (VALUES
('xie2015', 'dry_land',        'farmland',      1, '旱地', true),
('xie2015', 'paddy',           'farmland',      2, '水田', true),
('xie2015', 'coniferous',      'forest',        3, '针叶', true),
('xie2015', 'mixed_forest',    'forest',        4, '针阔混交', true),
('xie2015', 'broadleaf',       'forest',        5, '阔叶', true),
('xie2015', 'shrub',           'forest',        6, '灌木', true),
('xie2015', 'steppe',          'grassland',     7, '草原', true),
('xie2015', 'shrub_grassland', 'grassland',     8, '灌草丛', true),
('xie2015', 'meadow',          'grassland',     9, '草甸', true),
('xie2015', 'wetland',         'wetland',      10, '湿地', true),
('xie2015', 'desert',          'desert',       11, '荒漠', true),
('xie2015', 'bare_land',       'desert',       12, '裸地', true),
('xie2015', 'water_system',    'water',        13, '水系', true),
('xie2015', 'glacier_snow',    'water',        14, '冰川积雪', true),
('xie2015', 'construction',    'construction', 15, '建设用地', true)
) AS v(scheme, ecosystem, level1, position, label_zh, builtin)
	UNION ALL SELECT v.scheme::text, v.ecosystem::text FROM (SELECT s.scheme, e.ecosystem, e.ecosystem, e.position, e.label_zh, true
FROM (VALUES ('xie2008'), ('xie2003')) AS s(scheme),
	 (VALUES ('farmland', 1, '农田'), ('forest', 2, '森林'), ('grassland', 3, '草地'),
			 ('wetland', 4, '湿地'), ('water', 5, '水体'), ('desert', 6, '荒漠'),
			 ('construction', 7, '建设用地')) AS e(ecosystem, position, label_zh)
) AS v(scheme, ecosystem, level1, position, label_zh, builtin)) AS k(scheme, ecosystem)
	WHERE k.scheme IS NOT DISTINCT FROM t.scheme AND k.ecosystem IS NOT DISTINCT FROM t.ecosystem);
-- Xie 2015, equivalents per hm2, columns in esv_service.position order:
-- food, raw, water, gas, climate, purify, hydro, soil, nutrient, biodiv, aesthetic
INSERT INTO @extschema@.esv_factor (scheme, ecosystem, service, factor, source, builtin)
(SELECT 'xie2015', r.ecosystem, s.service, r.f[s.position], r.source, true
FROM (VALUES
	('dry_land',        ARRAY[0.85, 0.40,  0.02, 0.67, 0.36, 0.10,   0.27, 1.03, 0.12, 0.13, 0.06], 'Xie 2015 Table 3 via [S1]; confirmed by Zhao et al. 2018 and 2020'),
	('paddy',           ARRAY[1.36, 0.09, -2.63, 1.11, 0.57, 0.17,   2.72, 0.01, 0.19, 0.21, 0.09], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018, Zhao 2018, Zhang 2020 (negative water supply is in the source)'),
	('coniferous',      ARRAY[0.22, 0.52,  0.27, 1.70, 5.07, 1.49,   3.34, 2.06, 0.16, 1.88, 0.82], 'Xie 2015 Table 3 via [S1] alone; consistent with 0.78 x broadleaf'),
	('mixed_forest',    ARRAY[0.31, 0.71,  0.37, 2.35, 7.03, 1.99,   3.51, 2.86, 0.22, 2.60, 1.14], 'Xie 2015 Table 3 via [S1]; confirmed by Zhao et al. 2020'),
	('broadleaf',       ARRAY[0.29, 0.66,  0.34, 2.17, 6.50, 1.93,   4.74, 2.65, 0.20, 2.41, 1.06], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018, Zhang 2020'),
	('shrub',           ARRAY[0.19, 0.43,  0.22, 1.41, 4.23, 1.28,   3.35, 1.72, 0.13, 1.57, 0.69], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018, Zhao 2020'),
	('steppe',          ARRAY[0.10, 0.14,  0.08, 0.51, 1.34, 0.44,   0.98, 0.62, 0.05, 0.56, 0.25], 'Xie 2015 Table 3 via [S1] alone; consistent with 0.26 x shrub-grassland'),
	('shrub_grassland', ARRAY[0.38, 0.56,  0.31, 1.97, 5.21, 1.72,   3.82, 2.40, 0.18, 2.18, 0.96], 'Xie 2015 Table 3 via [S1]; confirmed by Zhang 2020'),
	('meadow',          ARRAY[0.22, 0.33,  0.18, 1.14, 3.02, 1.00,   2.21, 1.39, 0.11, 1.27, 0.56], 'Xie 2015 Table 3 via [S1] alone; consistent with 0.58 x shrub-grassland'),
	('wetland',         ARRAY[0.51, 0.50,  2.59, 1.90, 3.60, 3.60,  24.23, 2.31, 0.18, 7.87, 4.73], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018'),
	('desert',          ARRAY[0.01, 0.03,  0.02, 0.11, 0.10, 0.31,   0.21, 0.13, 0.01, 0.12, 0.05], 'Xie 2015 Table 3 via [S1]; confirmed by Zhang 2020'),
	('bare_land',       ARRAY[0.00, 0.00,  0.00, 0.02, 0.00, 0.10,   0.03, 0.02, 0.00, 0.02, 0.01], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018'),
	('water_system',    ARRAY[0.80, 0.23,  8.29, 0.77, 2.29, 5.55, 102.24, 0.93, 0.07, 2.55, 1.89], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018, Zhang 2020'),
	('glacier_snow',    ARRAY[0.00, 0.00,  2.16, 0.18, 0.54, 0.16,   7.13, 0.00, 0.00, 0.01, 0.09], 'Xie 2015 Table 3 via [S1] alone (medium confidence, not cross-checked)'),
	('construction',    ARRAY[0.00, 0.00,  0.00, 0.00, 0.00, 0.00,   0.00, 0.00, 0.00, 0.00, 0.00], 'construction (built-up) land has zero ESV in the equivalent-factor method (the ESV method (docs/sources.md))')
	) AS r(ecosystem, f, source)
JOIN @extschema@.esv_service s ON s.scheme = 'xie2015'
)
ON CONFLICT (scheme, ecosystem, service) DO UPDATE SET factor = EXCLUDED.factor, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- Xie 2008, columns: food, raw, gas, climate, hydro, waste, soil, biodiv, aesthetic
INSERT INTO @extschema@.esv_factor (scheme, ecosystem, service, factor, source, builtin)
(SELECT 'xie2008', r.ecosystem, s.service, r.f[s.position], r.source, true
FROM (VALUES
	('forest',       ARRAY[0.33, 2.98, 4.32,  4.07,  4.09,  1.72, 4.02, 4.51, 2.08], 'Xie 2008 via Wei & Zhao 2017'),
	('grassland',    ARRAY[0.43, 0.36, 1.50,  1.56,  1.52,  1.32, 2.24, 1.87, 0.87], 'Xie 2008 via Wei & Zhao 2017'),
	('farmland',     ARRAY[1.00, 0.39, 0.72,  0.97,  0.77,  1.39, 1.47, 1.02, 0.17], 'Xie 2008 via Wei & Zhao 2017'),
	('wetland',      ARRAY[0.36, 0.24, 2.41, 13.55, 13.44, 14.40, 1.99, 3.69, 4.69], 'Xie 2008 via Wei & Zhao 2017'),
	('water',        ARRAY[0.53, 0.35, 0.51,  2.06, 18.77, 14.85, 0.41, 3.43, 4.44], 'Xie 2008 (rivers/lakes) via Wei & Zhao 2017'),
	('desert',       ARRAY[0.02, 0.04, 0.06,  0.13,  0.07,  0.26, 0.17, 0.40, 0.24], 'Xie 2008 via Wei & Zhao 2017'),
	('construction', ARRAY[0.00, 0.00, 0.00,  0.00,  0.00,  0.00, 0.00, 0.00, 0.00], 'construction (built-up) land has zero ESV in the equivalent-factor method (the ESV method (docs/sources.md))')
	) AS r(ecosystem, f, source)
JOIN @extschema@.esv_service s ON s.scheme = 'xie2008'
)
ON CONFLICT (scheme, ecosystem, service) DO UPDATE SET factor = EXCLUDED.factor, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- Xie 2003, columns: food, raw, gas, climate, water conservation, waste,
-- soil formation, biodiv, recreation
INSERT INTO @extschema@.esv_factor (scheme, ecosystem, service, factor, source, builtin)
(SELECT 'xie2003', r.ecosystem, s.service, r.f[s.position], r.source, true
FROM (VALUES
	('forest',       ARRAY[0.10, 2.60, 3.50,  2.70,  3.20,  1.31, 3.90, 3.26, 1.28], 'Xie 2003 via ChinaXiv-201909.00077'),
	('grassland',    ARRAY[0.30, 0.05, 0.80,  0.90,  0.80,  1.31, 1.95, 1.09, 0.04], 'Xie 2003 via ChinaXiv-201909.00077'),
	('farmland',     ARRAY[1.00, 0.10, 0.50,  0.89,  0.60,  1.64, 1.46, 0.71, 0.01], 'Xie 2003 via ChinaXiv-201909.00077'),
	('wetland',      ARRAY[0.30, 0.07, 1.80, 17.10, 15.50, 18.18, 1.71, 2.50, 5.55], 'Xie 2003 via ChinaXiv-201909.00077'),
	('water',        ARRAY[0.10, 0.01, 0.00,  0.46, 20.38, 18.18, 0.01, 2.49, 4.34], 'Xie 2003 via ChinaXiv-201909.00077'),
	('desert',       ARRAY[0.01, 0.00, 0.00,  0.00,  0.03,  0.01, 0.02, 0.34, 0.01], 'Xie 2003 desert column via Song et al. 2018 (yuan / 67663.20)'),
	('construction', ARRAY[0.00, 0.00, 0.00,  0.00,  0.00,  0.00, 0.00, 0.00, 0.00], 'construction (built-up) land has zero ESV in the equivalent-factor method (the ESV method (docs/sources.md))')
	) AS r(ecosystem, f, source)
JOIN @extschema@.esv_service s ON s.scheme = 'xie2003'
)
ON CONFLICT (scheme, ecosystem, service) DO UPDATE SET factor = EXCLUDED.factor, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- built-in rows of esv_factor that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.esv_factor AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.scheme::text, v.ecosystem::text, v.service::text FROM (SELECT 'xie2015', r.ecosystem, s.service, r.f[s.position], r.source, true
FROM (VALUES
	('dry_land',        ARRAY[0.85, 0.40,  0.02, 0.67, 0.36, 0.10,   0.27, 1.03, 0.12, 0.13, 0.06], 'Xie 2015 Table 3 via [S1]; confirmed by Zhao et al. 2018 and 2020'),
	('paddy',           ARRAY[1.36, 0.09, -2.63, 1.11, 0.57, 0.17,   2.72, 0.01, 0.19, 0.21, 0.09], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018, Zhao 2018, Zhang 2020 (negative water supply is in the source)'),
	('coniferous',      ARRAY[0.22, 0.52,  0.27, 1.70, 5.07, 1.49,   3.34, 2.06, 0.16, 1.88, 0.82], 'Xie 2015 Table 3 via [S1] alone; consistent with 0.78 x broadleaf'),
	('mixed_forest',    ARRAY[0.31, 0.71,  0.37, 2.35, 7.03, 1.99,   3.51, 2.86, 0.22, 2.60, 1.14], 'Xie 2015 Table 3 via [S1]; confirmed by Zhao et al. 2020'),
	('broadleaf',       ARRAY[0.29, 0.66,  0.34, 2.17, 6.50, 1.93,   4.74, 2.65, 0.20, 2.41, 1.06], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018, Zhang 2020'),
	('shrub',           ARRAY[0.19, 0.43,  0.22, 1.41, 4.23, 1.28,   3.35, 1.72, 0.13, 1.57, 0.69], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018, Zhao 2020'),
	('steppe',          ARRAY[0.10, 0.14,  0.08, 0.51, 1.34, 0.44,   0.98, 0.62, 0.05, 0.56, 0.25], 'Xie 2015 Table 3 via [S1] alone; consistent with 0.26 x shrub-grassland'),
	('shrub_grassland', ARRAY[0.38, 0.56,  0.31, 1.97, 5.21, 1.72,   3.82, 2.40, 0.18, 2.18, 0.96], 'Xie 2015 Table 3 via [S1]; confirmed by Zhang 2020'),
	('meadow',          ARRAY[0.22, 0.33,  0.18, 1.14, 3.02, 1.00,   2.21, 1.39, 0.11, 1.27, 0.56], 'Xie 2015 Table 3 via [S1] alone; consistent with 0.58 x shrub-grassland'),
	('wetland',         ARRAY[0.51, 0.50,  2.59, 1.90, 3.60, 3.60,  24.23, 2.31, 0.18, 7.87, 4.73], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018'),
	('desert',          ARRAY[0.01, 0.03,  0.02, 0.11, 0.10, 0.31,   0.21, 0.13, 0.01, 0.12, 0.05], 'Xie 2015 Table 3 via [S1]; confirmed by Zhang 2020'),
	('bare_land',       ARRAY[0.00, 0.00,  0.00, 0.02, 0.00, 0.10,   0.03, 0.02, 0.00, 0.02, 0.01], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018'),
	('water_system',    ARRAY[0.80, 0.23,  8.29, 0.77, 2.29, 5.55, 102.24, 0.93, 0.07, 2.55, 1.89], 'Xie 2015 Table 3 via [S1]; confirmed by Luo & Yan 2018, Zhang 2020'),
	('glacier_snow',    ARRAY[0.00, 0.00,  2.16, 0.18, 0.54, 0.16,   7.13, 0.00, 0.00, 0.01, 0.09], 'Xie 2015 Table 3 via [S1] alone (medium confidence, not cross-checked)'),
	('construction',    ARRAY[0.00, 0.00,  0.00, 0.00, 0.00, 0.00,   0.00, 0.00, 0.00, 0.00, 0.00], 'construction (built-up) land has zero ESV in the equivalent-factor method (the ESV method (docs/sources.md))')
	) AS r(ecosystem, f, source)
JOIN @extschema@.esv_service s ON s.scheme = 'xie2015'
) AS v(scheme, ecosystem, service, factor, source, builtin)
	UNION ALL SELECT v.scheme::text, v.ecosystem::text, v.service::text FROM (SELECT 'xie2008', r.ecosystem, s.service, r.f[s.position], r.source, true
FROM (VALUES
	('forest',       ARRAY[0.33, 2.98, 4.32,  4.07,  4.09,  1.72, 4.02, 4.51, 2.08], 'Xie 2008 via Wei & Zhao 2017'),
	('grassland',    ARRAY[0.43, 0.36, 1.50,  1.56,  1.52,  1.32, 2.24, 1.87, 0.87], 'Xie 2008 via Wei & Zhao 2017'),
	('farmland',     ARRAY[1.00, 0.39, 0.72,  0.97,  0.77,  1.39, 1.47, 1.02, 0.17], 'Xie 2008 via Wei & Zhao 2017'),
	('wetland',      ARRAY[0.36, 0.24, 2.41, 13.55, 13.44, 14.40, 1.99, 3.69, 4.69], 'Xie 2008 via Wei & Zhao 2017'),
	('water',        ARRAY[0.53, 0.35, 0.51,  2.06, 18.77, 14.85, 0.41, 3.43, 4.44], 'Xie 2008 (rivers/lakes) via Wei & Zhao 2017'),
	('desert',       ARRAY[0.02, 0.04, 0.06,  0.13,  0.07,  0.26, 0.17, 0.40, 0.24], 'Xie 2008 via Wei & Zhao 2017'),
	('construction', ARRAY[0.00, 0.00, 0.00,  0.00,  0.00,  0.00, 0.00, 0.00, 0.00], 'construction (built-up) land has zero ESV in the equivalent-factor method (the ESV method (docs/sources.md))')
	) AS r(ecosystem, f, source)
JOIN @extschema@.esv_service s ON s.scheme = 'xie2008'
) AS v(scheme, ecosystem, service, factor, source, builtin)
	UNION ALL SELECT v.scheme::text, v.ecosystem::text, v.service::text FROM (SELECT 'xie2003', r.ecosystem, s.service, r.f[s.position], r.source, true
FROM (VALUES
	('forest',       ARRAY[0.10, 2.60, 3.50,  2.70,  3.20,  1.31, 3.90, 3.26, 1.28], 'Xie 2003 via ChinaXiv-201909.00077'),
	('grassland',    ARRAY[0.30, 0.05, 0.80,  0.90,  0.80,  1.31, 1.95, 1.09, 0.04], 'Xie 2003 via ChinaXiv-201909.00077'),
	('farmland',     ARRAY[1.00, 0.10, 0.50,  0.89,  0.60,  1.64, 1.46, 0.71, 0.01], 'Xie 2003 via ChinaXiv-201909.00077'),
	('wetland',      ARRAY[0.30, 0.07, 1.80, 17.10, 15.50, 18.18, 1.71, 2.50, 5.55], 'Xie 2003 via ChinaXiv-201909.00077'),
	('water',        ARRAY[0.10, 0.01, 0.00,  0.46, 20.38, 18.18, 0.01, 2.49, 4.34], 'Xie 2003 via ChinaXiv-201909.00077'),
	('desert',       ARRAY[0.01, 0.00, 0.00,  0.00,  0.03,  0.01, 0.02, 0.34, 0.01], 'Xie 2003 desert column via Song et al. 2018 (yuan / 67663.20)'),
	('construction', ARRAY[0.00, 0.00, 0.00,  0.00,  0.00,  0.00, 0.00, 0.00, 0.00], 'construction (built-up) land has zero ESV in the equivalent-factor method (the ESV method (docs/sources.md))')
	) AS r(ecosystem, f, source)
JOIN @extschema@.esv_service s ON s.scheme = 'xie2003'
) AS v(scheme, ecosystem, service, factor, source, builtin)) AS k(scheme, ecosystem, service)
	WHERE k.scheme IS NOT DISTINCT FROM t.scheme AND k.ecosystem IS NOT DISTINCT FROM t.ecosystem AND k.service IS NOT DISTINCT FROM t.service);

-- ==================== sql/install/20-landuse-classifications.sql ====================
------------------------------------------------------------------------------
-- Land-use classifications and their mapping to ecosystem types
-- (codes: docs/sources.md (coefficients 4); the README explains
-- each judgment in the mapping).
------------------------------------------------------------------------------

INSERT INTO @extschema@.landuse_classification (classification, title, source, builtin) VALUES
('cnlucc', 'China land-use/cover remote sensing monitoring data (RESDC, Liu Jiyuan system), codes 11..67',
 'RESDC/CNLUCC classification; codes agreed by three public code files and ChinaXiv-202204.00104, ChinaXiv-202108.00069', true),
('clcd', 'CLCD annual China Land Cover Dataset (Yang & Huang 2021, ESSD), 30 m, codes 1..9',
 'Yang J. & Huang X. 2021, ESSD 13:3907-3925; Zenodo 8176941 (v1.0.2) labels', true),
('worldcover', 'ESA WorldCover 10 m (v100 2020 / v200 2021), codes 10..100',
 'ESA WorldCover product documentation; USEPA ATtILA2 wiki; Planetary Computer STAC item', true)
ON CONFLICT (classification) DO UPDATE SET title = EXCLUDED.title, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- built-in rows of landuse_classification that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.landuse_classification AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.classification::text FROM (VALUES
('cnlucc', 'China land-use/cover remote sensing monitoring data (RESDC, Liu Jiyuan system), codes 11..67',
 'RESDC/CNLUCC classification; codes agreed by three public code files and ChinaXiv-202204.00104, ChinaXiv-202108.00069', true),
('clcd', 'CLCD annual China Land Cover Dataset (Yang & Huang 2021, ESSD), 30 m, codes 1..9',
 'Yang J. & Huang X. 2021, ESSD 13:3907-3925; Zenodo 8176941 (v1.0.2) labels', true),
('worldcover', 'ESA WorldCover 10 m (v100 2020 / v200 2021), codes 10..100',
 'ESA WorldCover product documentation; USEPA ATtILA2 wiki; Planetary Computer STAC item', true)
) AS v(classification, title, source, builtin)) AS k(classification)
	WHERE k.classification IS NOT DISTINCT FROM t.classification);
INSERT INTO @extschema@.landuse_class (classification, code, name, label_zh, level1, builtin) VALUES
('cnlucc', 11, 'paddy field', '水田', 'cultivated land', true),
('cnlucc', 12, 'dry land', '旱地', 'cultivated land', true),
('cnlucc', 21, 'closed forest (canopy > 30%)', '有林地', 'forest land', true),
('cnlucc', 22, 'shrubland (canopy > 40%, < 2 m)', '灌木林地', 'forest land', true),
('cnlucc', 23, 'sparse woodland (canopy 10-30%)', '疏林地', 'forest land', true),
('cnlucc', 24, 'other woodland (orchards, nurseries, young plantations)', '其他林地', 'forest land', true),
('cnlucc', 31, 'high-coverage grassland (> 50%)', '高覆盖度草地', 'grassland', true),
('cnlucc', 32, 'medium-coverage grassland (20-50%)', '中覆盖度草地', 'grassland', true),
('cnlucc', 33, 'low-coverage grassland (5-20%)', '低覆盖度草地', 'grassland', true),
('cnlucc', 41, 'rivers and canals', '河渠', 'water', true),
('cnlucc', 42, 'lakes', '湖泊', 'water', true),
('cnlucc', 43, 'reservoirs and ponds', '水库坑塘', 'water', true),
('cnlucc', 44, 'permanent glacier and snow', '永久性冰川雪地', 'water', true),
('cnlucc', 45, 'tidal flat', '滩涂', 'water', true),
('cnlucc', 46, 'bottomland / river beach', '滩地', 'water', true),
('cnlucc', 51, 'urban land', '城镇用地', 'built-up', true),
('cnlucc', 52, 'rural settlement', '农村居民点', 'built-up', true),
('cnlucc', 53, 'other construction (factories, mines, transport)', '其他建设用地', 'built-up', true),
('cnlucc', 61, 'sandy land', '沙地', 'unused land', true),
('cnlucc', 62, 'gobi', '戈壁', 'unused land', true),
('cnlucc', 63, 'saline-alkali land', '盐碱地', 'unused land', true),
('cnlucc', 64, 'marsh', '沼泽地', 'unused land', true),
('cnlucc', 65, 'bare soil', '裸土地', 'unused land', true),
('cnlucc', 66, 'bare rock / gravel', '裸岩石质地', 'unused land', true),
('cnlucc', 67, 'other unused land (alpine desert, tundra)', '其他', 'unused land', true),
('clcd', 1, 'cropland', '耕地', 'cropland', true),
('clcd', 2, 'forest', '林地', 'forest', true),
('clcd', 3, 'shrub', '灌木', 'shrub', true),
('clcd', 4, 'grassland', '草地', 'grassland', true),
('clcd', 5, 'water', '水体', 'water', true),
('clcd', 6, 'snow/ice', '冰雪', 'snow/ice', true),
('clcd', 7, 'barren', '裸地', 'barren', true),
('clcd', 8, 'impervious', '不透水面', 'impervious', true),
('clcd', 9, 'wetland', '湿地', 'wetland', true),
('worldcover', 10, 'tree cover', NULL, 'tree cover', true),
('worldcover', 20, 'shrubland', NULL, 'shrubland', true),
('worldcover', 30, 'grassland', NULL, 'grassland', true),
('worldcover', 40, 'cropland', NULL, 'cropland', true),
('worldcover', 50, 'built-up', NULL, 'built-up', true),
('worldcover', 60, 'bare / sparse vegetation', NULL, 'bare / sparse vegetation', true),
('worldcover', 70, 'snow and ice', NULL, 'snow and ice', true),
('worldcover', 80, 'permanent water bodies', NULL, 'permanent water bodies', true),
('worldcover', 90, 'herbaceous wetland', NULL, 'herbaceous wetland', true),
('worldcover', 95, 'mangroves', NULL, 'mangroves', true),
('worldcover', 100, 'moss and lichen', NULL, 'moss and lichen', true)
ON CONFLICT (classification, code) DO UPDATE SET name = EXCLUDED.name, label_zh = EXCLUDED.label_zh, level1 = EXCLUDED.level1, builtin = EXCLUDED.builtin;
-- built-in rows of landuse_class that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.landuse_class AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.classification::text, v.code::integer FROM (VALUES
('cnlucc', 11, 'paddy field', '水田', 'cultivated land', true),
('cnlucc', 12, 'dry land', '旱地', 'cultivated land', true),
('cnlucc', 21, 'closed forest (canopy > 30%)', '有林地', 'forest land', true),
('cnlucc', 22, 'shrubland (canopy > 40%, < 2 m)', '灌木林地', 'forest land', true),
('cnlucc', 23, 'sparse woodland (canopy 10-30%)', '疏林地', 'forest land', true),
('cnlucc', 24, 'other woodland (orchards, nurseries, young plantations)', '其他林地', 'forest land', true),
('cnlucc', 31, 'high-coverage grassland (> 50%)', '高覆盖度草地', 'grassland', true),
('cnlucc', 32, 'medium-coverage grassland (20-50%)', '中覆盖度草地', 'grassland', true),
('cnlucc', 33, 'low-coverage grassland (5-20%)', '低覆盖度草地', 'grassland', true),
('cnlucc', 41, 'rivers and canals', '河渠', 'water', true),
('cnlucc', 42, 'lakes', '湖泊', 'water', true),
('cnlucc', 43, 'reservoirs and ponds', '水库坑塘', 'water', true),
('cnlucc', 44, 'permanent glacier and snow', '永久性冰川雪地', 'water', true),
('cnlucc', 45, 'tidal flat', '滩涂', 'water', true),
('cnlucc', 46, 'bottomland / river beach', '滩地', 'water', true),
('cnlucc', 51, 'urban land', '城镇用地', 'built-up', true),
('cnlucc', 52, 'rural settlement', '农村居民点', 'built-up', true),
('cnlucc', 53, 'other construction (factories, mines, transport)', '其他建设用地', 'built-up', true),
('cnlucc', 61, 'sandy land', '沙地', 'unused land', true),
('cnlucc', 62, 'gobi', '戈壁', 'unused land', true),
('cnlucc', 63, 'saline-alkali land', '盐碱地', 'unused land', true),
('cnlucc', 64, 'marsh', '沼泽地', 'unused land', true),
('cnlucc', 65, 'bare soil', '裸土地', 'unused land', true),
('cnlucc', 66, 'bare rock / gravel', '裸岩石质地', 'unused land', true),
('cnlucc', 67, 'other unused land (alpine desert, tundra)', '其他', 'unused land', true),
('clcd', 1, 'cropland', '耕地', 'cropland', true),
('clcd', 2, 'forest', '林地', 'forest', true),
('clcd', 3, 'shrub', '灌木', 'shrub', true),
('clcd', 4, 'grassland', '草地', 'grassland', true),
('clcd', 5, 'water', '水体', 'water', true),
('clcd', 6, 'snow/ice', '冰雪', 'snow/ice', true),
('clcd', 7, 'barren', '裸地', 'barren', true),
('clcd', 8, 'impervious', '不透水面', 'impervious', true),
('clcd', 9, 'wetland', '湿地', 'wetland', true),
('worldcover', 10, 'tree cover', NULL, 'tree cover', true),
('worldcover', 20, 'shrubland', NULL, 'shrubland', true),
('worldcover', 30, 'grassland', NULL, 'grassland', true),
('worldcover', 40, 'cropland', NULL, 'cropland', true),
('worldcover', 50, 'built-up', NULL, 'built-up', true),
('worldcover', 60, 'bare / sparse vegetation', NULL, 'bare / sparse vegetation', true),
('worldcover', 70, 'snow and ice', NULL, 'snow and ice', true),
('worldcover', 80, 'permanent water bodies', NULL, 'permanent water bodies', true),
('worldcover', 90, 'herbaceous wetland', NULL, 'herbaceous wetland', true),
('worldcover', 95, 'mangroves', NULL, 'mangroves', true),
('worldcover', 100, 'moss and lichen', NULL, 'moss and lichen', true)
) AS v(classification, code, name, label_zh, level1, builtin)) AS k(classification, code)
	WHERE k.classification IS NOT DISTINCT FROM t.classification AND k.code IS NOT DISTINCT FROM t.code);
-- code -> (Xie 2015 secondary type, first-level type used by xie2008/xie2003)
INSERT INTO @extschema@.landuse_map (classification, code, scheme, ecosystem, reason, builtin)
(SELECT m.classification, m.code, s.scheme,
	   CASE WHEN s.scheme = 'xie2015' THEN m.secondary ELSE m.first END,
	   CASE WHEN s.scheme = 'xie2015' THEN m.reason
			ELSE 'first-level type of the class (' || m.first || ')' END,
	   true
FROM (VALUES
	('cnlucc', 11, 'paddy',           'farmland',     'paddy field is Xie''s paddy type'),
	('cnlucc', 12, 'dry_land',        'farmland',     'dry land is Xie''s dry-land type'),
	('cnlucc', 21, 'mixed_forest',    'forest',       'closed forest without species information: the mixed conifer-broadleaf type, as Zhao et al. 2020 map 有林地; between coniferous and broadleaf'),
	('cnlucc', 22, 'shrub',           'forest',       'shrubland is Xie''s shrub type'),
	('cnlucc', 23, 'shrub',           'forest',       'sparse woodland (10-30% canopy) valued as shrub rather than closed forest'),
	('cnlucc', 24, 'shrub',           'forest',       'orchards and nurseries valued as shrub, as Luo & Yan 2018 map orchards'),
	('cnlucc', 31, 'shrub_grassland', 'grassland',    'high-coverage grassland (> 50%): the highest-valued grassland type, shrub-grassland'),
	('cnlucc', 32, 'meadow',          'grassland',    'medium-coverage grassland (20-50%): the middle grassland type, meadow'),
	('cnlucc', 33, 'steppe',          'grassland',    'low-coverage grassland (5-20%): the lowest-valued grassland type, steppe'),
	('cnlucc', 41, 'water_system',    'water',        'rivers and canals are Xie''s water system'),
	('cnlucc', 42, 'water_system',    'water',        'lakes are Xie''s water system'),
	('cnlucc', 43, 'water_system',    'water',        'reservoirs and ponds are Xie''s water system'),
	('cnlucc', 44, 'glacier_snow',    'water',        'glacier and snow is Xie''s glacier type (first level: water, as in Xie 2015)'),
	('cnlucc', 45, 'wetland',         'wetland',      'tidal flats are wetland'),
	('cnlucc', 46, 'wetland',         'wetland',      'river beaches and bottomland are wetland'),
	('cnlucc', 51, 'construction',    'construction', 'built-up land has zero ESV'),
	('cnlucc', 52, 'construction',    'construction', 'built-up land has zero ESV'),
	('cnlucc', 53, 'construction',    'construction', 'built-up land (including mines and transport) has zero ESV'),
	('cnlucc', 61, 'desert',          'desert',       'sandy land is desert'),
	('cnlucc', 62, 'desert',          'desert',       'gobi is desert'),
	('cnlucc', 63, 'desert',          'desert',       'saline-alkali land with sparse halophytes valued as desert rather than bare land'),
	('cnlucc', 64, 'wetland',         'wetland',      'marsh is wetland, although CNLUCC lists it under unused land'),
	('cnlucc', 65, 'bare_land',       'desert',       'bare soil is bare land'),
	('cnlucc', 66, 'bare_land',       'desert',       'bare rock and gravel is bare land'),
	('cnlucc', 67, 'desert',          'desert',       'other unused land (alpine desert, tundra) valued as desert'),
	('clcd', 1, 'dry_land',        'farmland',     'CLCD does not separate paddy: dry land, the larger part of China''s cropland; map paddy regions to paddy with a user mapping'),
	('clcd', 2, 'mixed_forest',    'forest',       'forest without species information: mixed conifer-broadleaf, as for CNLUCC 21'),
	('clcd', 3, 'shrub',           'forest',       'shrub is Xie''s shrub type'),
	('clcd', 4, 'meadow',          'grassland',    'undifferentiated grassland: meadow, the middle of Xie''s three grassland types (11.43 equivalents, their mean is 12.06)'),
	('clcd', 5, 'water_system',    'water',        'water is Xie''s water system'),
	('clcd', 6, 'glacier_snow',    'water',        'snow/ice is Xie''s glacier type'),
	('clcd', 7, 'desert',          'desert',       'barren land in China is mostly sandy desert and gobi: desert rather than bare land'),
	('clcd', 8, 'construction',    'construction', 'impervious (built-up) land has zero ESV'),
	('clcd', 9, 'wetland',         'wetland',      'wetland is Xie''s wetland type'),
	('worldcover', 10, 'mixed_forest',    'forest',       'tree cover without species information: mixed conifer-broadleaf, as for CNLUCC 21'),
	('worldcover', 20, 'shrub',           'forest',       'shrubland is Xie''s shrub type'),
	('worldcover', 30, 'meadow',          'grassland',    'undifferentiated grassland: meadow, as for CLCD 4'),
	('worldcover', 40, 'dry_land',        'farmland',     'cropland without paddy information: dry land, as for CLCD 1'),
	('worldcover', 50, 'construction',    'construction', 'built-up land has zero ESV'),
	('worldcover', 60, 'desert',          'desert',       'bare / sparse vegetation valued as desert, as for CLCD 7'),
	('worldcover', 70, 'glacier_snow',    'water',        'snow and ice is Xie''s glacier type'),
	('worldcover', 80, 'water_system',    'water',        'permanent water bodies are Xie''s water system'),
	('worldcover', 90, 'wetland',         'wetland',      'herbaceous wetland is wetland'),
	('worldcover', 95, 'wetland',         'wetland',      'mangroves are wetland (Luo & Yan 2018 map mangroves to wetland)'),
	('worldcover', 100, 'desert',         'desert',       'moss and lichen (tundra-like, low productivity) valued as desert')
	) AS m(classification, code, secondary, first, reason),
	(VALUES ('xie2015'), ('xie2008'), ('xie2003')) AS s(scheme)
)
ON CONFLICT (classification, code, scheme) DO UPDATE SET ecosystem = EXCLUDED.ecosystem, reason = EXCLUDED.reason, builtin = EXCLUDED.builtin;
-- built-in rows of landuse_map that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.landuse_map AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.classification::text, v.code::integer, v.scheme::text FROM (SELECT m.classification, m.code, s.scheme,
	   CASE WHEN s.scheme = 'xie2015' THEN m.secondary ELSE m.first END,
	   CASE WHEN s.scheme = 'xie2015' THEN m.reason
			ELSE 'first-level type of the class (' || m.first || ')' END,
	   true
FROM (VALUES
	('cnlucc', 11, 'paddy',           'farmland',     'paddy field is Xie''s paddy type'),
	('cnlucc', 12, 'dry_land',        'farmland',     'dry land is Xie''s dry-land type'),
	('cnlucc', 21, 'mixed_forest',    'forest',       'closed forest without species information: the mixed conifer-broadleaf type, as Zhao et al. 2020 map 有林地; between coniferous and broadleaf'),
	('cnlucc', 22, 'shrub',           'forest',       'shrubland is Xie''s shrub type'),
	('cnlucc', 23, 'shrub',           'forest',       'sparse woodland (10-30% canopy) valued as shrub rather than closed forest'),
	('cnlucc', 24, 'shrub',           'forest',       'orchards and nurseries valued as shrub, as Luo & Yan 2018 map orchards'),
	('cnlucc', 31, 'shrub_grassland', 'grassland',    'high-coverage grassland (> 50%): the highest-valued grassland type, shrub-grassland'),
	('cnlucc', 32, 'meadow',          'grassland',    'medium-coverage grassland (20-50%): the middle grassland type, meadow'),
	('cnlucc', 33, 'steppe',          'grassland',    'low-coverage grassland (5-20%): the lowest-valued grassland type, steppe'),
	('cnlucc', 41, 'water_system',    'water',        'rivers and canals are Xie''s water system'),
	('cnlucc', 42, 'water_system',    'water',        'lakes are Xie''s water system'),
	('cnlucc', 43, 'water_system',    'water',        'reservoirs and ponds are Xie''s water system'),
	('cnlucc', 44, 'glacier_snow',    'water',        'glacier and snow is Xie''s glacier type (first level: water, as in Xie 2015)'),
	('cnlucc', 45, 'wetland',         'wetland',      'tidal flats are wetland'),
	('cnlucc', 46, 'wetland',         'wetland',      'river beaches and bottomland are wetland'),
	('cnlucc', 51, 'construction',    'construction', 'built-up land has zero ESV'),
	('cnlucc', 52, 'construction',    'construction', 'built-up land has zero ESV'),
	('cnlucc', 53, 'construction',    'construction', 'built-up land (including mines and transport) has zero ESV'),
	('cnlucc', 61, 'desert',          'desert',       'sandy land is desert'),
	('cnlucc', 62, 'desert',          'desert',       'gobi is desert'),
	('cnlucc', 63, 'desert',          'desert',       'saline-alkali land with sparse halophytes valued as desert rather than bare land'),
	('cnlucc', 64, 'wetland',         'wetland',      'marsh is wetland, although CNLUCC lists it under unused land'),
	('cnlucc', 65, 'bare_land',       'desert',       'bare soil is bare land'),
	('cnlucc', 66, 'bare_land',       'desert',       'bare rock and gravel is bare land'),
	('cnlucc', 67, 'desert',          'desert',       'other unused land (alpine desert, tundra) valued as desert'),
	('clcd', 1, 'dry_land',        'farmland',     'CLCD does not separate paddy: dry land, the larger part of China''s cropland; map paddy regions to paddy with a user mapping'),
	('clcd', 2, 'mixed_forest',    'forest',       'forest without species information: mixed conifer-broadleaf, as for CNLUCC 21'),
	('clcd', 3, 'shrub',           'forest',       'shrub is Xie''s shrub type'),
	('clcd', 4, 'meadow',          'grassland',    'undifferentiated grassland: meadow, the middle of Xie''s three grassland types (11.43 equivalents, their mean is 12.06)'),
	('clcd', 5, 'water_system',    'water',        'water is Xie''s water system'),
	('clcd', 6, 'glacier_snow',    'water',        'snow/ice is Xie''s glacier type'),
	('clcd', 7, 'desert',          'desert',       'barren land in China is mostly sandy desert and gobi: desert rather than bare land'),
	('clcd', 8, 'construction',    'construction', 'impervious (built-up) land has zero ESV'),
	('clcd', 9, 'wetland',         'wetland',      'wetland is Xie''s wetland type'),
	('worldcover', 10, 'mixed_forest',    'forest',       'tree cover without species information: mixed conifer-broadleaf, as for CNLUCC 21'),
	('worldcover', 20, 'shrub',           'forest',       'shrubland is Xie''s shrub type'),
	('worldcover', 30, 'meadow',          'grassland',    'undifferentiated grassland: meadow, as for CLCD 4'),
	('worldcover', 40, 'dry_land',        'farmland',     'cropland without paddy information: dry land, as for CLCD 1'),
	('worldcover', 50, 'construction',    'construction', 'built-up land has zero ESV'),
	('worldcover', 60, 'desert',          'desert',       'bare / sparse vegetation valued as desert, as for CLCD 7'),
	('worldcover', 70, 'glacier_snow',    'water',        'snow and ice is Xie''s glacier type'),
	('worldcover', 80, 'water_system',    'water',        'permanent water bodies are Xie''s water system'),
	('worldcover', 90, 'wetland',         'wetland',      'herbaceous wetland is wetland'),
	('worldcover', 95, 'wetland',         'wetland',      'mangroves are wetland (Luo & Yan 2018 map mangroves to wetland)'),
	('worldcover', 100, 'desert',         'desert',       'moss and lichen (tundra-like, low productivity) valued as desert')
	) AS m(classification, code, secondary, first, reason),
	(VALUES ('xie2015'), ('xie2008'), ('xie2003')) AS s(scheme)
) AS v(classification, code, scheme, ecosystem, reason, builtin)) AS k(classification, code, scheme)
	WHERE k.classification IS NOT DISTINCT FROM t.classification AND k.code IS NOT DISTINCT FROM t.code AND k.scheme IS NOT DISTINCT FROM t.scheme);

-- ==================== sql/install/30-esv-functions.sql ====================
-- type esv_summary: in 0.1.0 already
COMMENT ON TYPE @extschema@.esv_summary IS
	'Ecosystem service value of a region in yuan/a: total, by service group, and non-market (all services without a market price)';
CREATE OR REPLACE FUNCTION @extschema@.standard_equivalent_value(price double precision[], yield double precision[], area double precision[])
RETURNS double precision
AS 'MODULE_PATHNAME', 'standard_equivalent_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.standard_equivalent_value(double precision[], double precision[], double precision[]) IS
	'Standard equivalent value E_a in yuan/hm2/a = (1/7) sum(price yuan/kg * yield kg/hm2 * sown area hm2) / sum(area) (Wang et al., in press, eq. 1)';
CREATE OR REPLACE FUNCTION @extschema@.esv_value(areas jsonb, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015',
	adjustment jsonb DEFAULT '{}')
RETURNS @extschema@.esv_summary
AS 'MODULE_PATHNAME', 'esv_value_jsonb'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.esv_value(jsonb, double precision, text, text, jsonb) IS
	'ESV in yuan/a of land-use areas {"<code>": hectares, "nodata": hectares} at E_a yuan/hm2/a: total, by service group, non-market (the ESV paper eqs. 2-3); unmapped codes are an error; adjustment {"npp": f, "precipitation": f, "soil": f} scales the factors as Xie 2015 (missing key = 1)';
CREATE OR REPLACE FUNCTION @extschema@.esv_detail(areas jsonb, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015',
	adjustment jsonb DEFAULT '{}')
RETURNS TABLE (ecosystem text, level1 text, service text, service_group text,
	market boolean, area_ha double precision, factor double precision,
	value_yuan double precision)
AS 'MODULE_PATHNAME', 'esv_detail_jsonb'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.esv_detail(jsonb, double precision, text, text, jsonb) IS
	'ESV by (ecosystem type, service) of land-use areas in hectares: area_ha, equivalent factor, value_yuan in yuan/a; one row per service of each ecosystem present in the input; factor is after the adjustment {"npp", "precipitation", "soil"} (Xie 2015, missing key = 1)';
CREATE OR REPLACE FUNCTION @extschema@.ecps(nonmarket double precision, gdp double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'ecps'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ecps(double precision, double precision) IS
	'Ecological compensation priority ECPS = non-market ESV / GDP, both of the same region in the same unit (Wang et al., in press, eq. 4); dimensionless';
CREATE OR REPLACE FUNCTION @extschema@.compensation_intensity(ecps double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'compensation_intensity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.compensation_intensity(double precision) IS
	'Compensation demand intensity t = 2 atan(ECPS) / pi, in [0, 1) (Wang et al., in press, eq. 6)';
CREATE OR REPLACE FUNCTION @extschema@.vertical_compensation(nonmarket double precision, gdp double precision,
	k double precision DEFAULT 0.15)
RETURNS double precision
AS 'MODULE_PATHNAME', 'vertical_compensation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vertical_compensation(double precision, double precision, double precision) IS
	'Vertical compensation R = V k t(V/GDP), in the unit of the non-market ESV V; k the ecological value conversion coefficient in (0, 1], default 0.15 (Wang et al., in press, eq. 5)';
CREATE OR REPLACE FUNCTION @extschema@.nonmarket_from_compensation(compensation double precision, gdp double precision,
	k double precision DEFAULT 0.15)
RETURNS double precision
AS 'MODULE_PATHNAME', 'nonmarket_from_compensation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nonmarket_from_compensation(double precision, double precision, double precision) IS
	'Inverse of vertical_compensation: the non-market ESV V (unit of the compensation) whose R = V k t(V/GDP) equals the given compensation';
CREATE OR REPLACE FUNCTION @extschema@.copy_esv_scheme(source text, target text, title text DEFAULT NULL)
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

-- ==================== sql/install/35-esv-analysis.sql ====================
------------------------------------------------------------------------------
-- Analyses on the ESV model: sensitivity coefficient, ESV change by land-use
-- transition, the Xie 2015 adjustment factor from rasters, and the priority
-- classes of the ESV paper as data (docs/esv.md).
------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.esv_sensitivity(areas jsonb, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015',
	adjustment double precision DEFAULT 0.5)
RETURNS TABLE (ecosystem text, cs double precision)
AS 'MODULE_PATHNAME', 'esv_sensitivity'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 15;
COMMENT ON FUNCTION @extschema@.esv_sensitivity(jsonb, double precision, text, text, double precision) IS
	'Sensitivity coefficient of the ESV of land-use areas (hectares) to the factors of each ecosystem type present: CS_k = ((ESV_j - ESV_i) / ESV_i) / ((VC_jk - VC_ik) / VC_ik) with VC_jk = VC_ik (1 + adjustment), default 0.5; dimensionless, NULL where VC_k = 0';
CREATE OR REPLACE FUNCTION @extschema@.esv_transition(transition jsonb, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015')
RETURNS TABLE (from_code integer, to_code integer, area_ha double precision,
	esv_change_yuan double precision, provisioning_yuan double precision,
	regulating_yuan double precision, supporting_yuan double precision,
	cultural_yuan double precision, nonmarket_yuan double precision)
AS 'MODULE_PATHNAME', 'esv_transition'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.esv_transition(jsonb, double precision, text, text) IS
	'ESV change in yuan/a attributed to each land-use transition of a landuse_transition matrix {"<from>": {"<to>": ha}}: area_ha (VC_to - VC_from) E_a, in total, by service group and non-market; a "nodata" key gives a NULL code and counts with VC = 0, so the rows add up to the ESV difference of the two years at constant E_a';
------------------------------------------------------------------------------
-- Xie 2015 adjustment factor of a region from a raster: the area-weighted
-- mean of the band inside the polygon divided by a reference mean (e.g. the
-- national mean NPP or precipitation), through pixel_coverage x pixel_values.
-- State {covered m2, sum of value * m2, reference mean}.
------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.esv_adjustment_factor_transfn(state double precision[], rast raster,
	geom geometry, reference_mean double precision, band integer)
RETURNS double precision[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
	w double precision;
	wv double precision;
BEGIN
	IF reference_mean IS NULL OR band IS NULL THEN
		RAISE EXCEPTION 'reference_mean and band must not be NULL'
			USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF NOT (reference_mean OPERATOR(pg_catalog.>) '0'::float8
			AND reference_mean OPERATOR(pg_catalog.<) 'Infinity'::float8) THEN
		RAISE EXCEPTION 'reference_mean must be positive and finite, got %', reference_mean
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF state[3] IS NOT NULL AND state[3] OPERATOR(pg_catalog.<>) reference_mean THEN
		RAISE EXCEPTION 'reference_mean changed from % to % within one group', state[3], reference_mean
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	IF rast IS NULL OR geom IS NULL THEN
		RETURN ARRAY[state[1], state[2], reference_mean];
	END IF;
	SELECT pg_catalog.sum(c.area_m2), pg_catalog.sum(c.area_m2 OPERATOR(pg_catalog.*) v.value)
	INTO w, wv
	FROM @extschema@.pixel_coverage(rast, geom) c
	JOIN @extschema@.pixel_values(rast, band) v ON v.pixel_id OPERATOR(pg_catalog.=) c.pixel_id;
	RETURN ARRAY[state[1] OPERATOR(pg_catalog.+) coalesce(w, '0'::float8),
				 state[2] OPERATOR(pg_catalog.+) coalesce(wv, '0'::float8),
				 reference_mean];
END
$$;
COMMENT ON FUNCTION @extschema@.esv_adjustment_factor_transfn(double precision[], raster, geometry, double precision, integer) IS
	'Transition function of esv_adjustment_factor: adds the covered area (m2) and the area-weighted sum of the band of one tile inside the polygon';
CREATE OR REPLACE FUNCTION @extschema@.esv_adjustment_factor_transfn(state double precision[], rast raster,
	geom geometry, reference_mean double precision)
RETURNS double precision[]
LANGUAGE sql STABLE PARALLEL SAFE
RETURN @extschema@.esv_adjustment_factor_transfn(state, rast, geom, reference_mean, 1);
COMMENT ON FUNCTION @extschema@.esv_adjustment_factor_transfn(double precision[], raster, geometry, double precision) IS
	'Transition function of esv_adjustment_factor with band 1';
CREATE OR REPLACE FUNCTION @extschema@.esv_adjustment_factor_combine(a double precision[], b double precision[])
RETURNS double precision[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
AS $$
BEGIN
	IF a[3] IS NOT NULL AND b[3] IS NOT NULL AND a[3] OPERATOR(pg_catalog.<>) b[3] THEN
		RAISE EXCEPTION 'reference_mean changed from % to % within one group', a[3], b[3]
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN ARRAY[a[1] OPERATOR(pg_catalog.+) b[1], a[2] OPERATOR(pg_catalog.+) b[2], coalesce(a[3], b[3])];
END
$$;
COMMENT ON FUNCTION @extschema@.esv_adjustment_factor_combine(double precision[], double precision[]) IS
	'Combine function of esv_adjustment_factor: adds two partial states';
CREATE OR REPLACE FUNCTION @extschema@.esv_adjustment_factor_final(state double precision[])
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE WHEN state[1] OPERATOR(pg_catalog.>) '0'::float8
	THEN state[2] OPERATOR(pg_catalog./) state[1] OPERATOR(pg_catalog./) state[3] END;
COMMENT ON FUNCTION @extschema@.esv_adjustment_factor_final(double precision[]) IS
	'Final function of esv_adjustment_factor: area-weighted regional mean / reference mean, NULL when the polygon covers no pixel with a value';
CREATE OR REPLACE AGGREGATE @extschema@.esv_adjustment_factor(rast raster, geom geometry, reference_mean double precision) (
	SFUNC = @extschema@.esv_adjustment_factor_transfn,
	STYPE = double precision[],
	INITCOND = '{0,0,NULL}',
	COMBINEFUNC = @extschema@.esv_adjustment_factor_combine,
	FINALFUNC = @extschema@.esv_adjustment_factor_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_adjustment_factor(raster, geometry, double precision) IS
	'Xie 2015 adjustment factor of a region (dimensionless): the area-weighted mean of band 1 of the tiles inside the polygon (exact coverage) divided by reference_mean in the same unit, e.g. mean NPP / national mean NPP for the "npp" key of esv_value''s adjustment';
CREATE OR REPLACE AGGREGATE @extschema@.esv_adjustment_factor(rast raster, geom geometry, reference_mean double precision, band integer) (
	SFUNC = @extschema@.esv_adjustment_factor_transfn,
	STYPE = double precision[],
	INITCOND = '{0,0,NULL}',
	COMBINEFUNC = @extschema@.esv_adjustment_factor_combine,
	FINALFUNC = @extschema@.esv_adjustment_factor_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_adjustment_factor(raster, geometry, double precision, integer) IS
	'Xie 2015 adjustment factor of a region (dimensionless): the area-weighted mean of the band of the tiles inside the polygon (exact coverage) divided by reference_mean in the same unit';
------------------------------------------------------------------------------
-- Compensation priority classes as data.  A class holds the ECPS values
-- above its lower bound up to the next bound (the lowest class has
-- lower_bound -Infinity).  class_set 'esv_paper' is the wording of the ESV
-- paper; 'ecocomp_0_1' holds the labels of ecps_class() (defined below over
-- this table).
------------------------------------------------------------------------------

CREATE TABLE @extschema@.priority_class (
	class_set	text NOT NULL,
	lower_bound	double precision NOT NULL
		CHECK (lower_bound < 'Infinity' AND lower_bound = lower_bound),
	label		text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false,
	PRIMARY KEY (class_set, lower_bound)
);
COMMENT ON TABLE @extschema@.priority_class IS
	'Compensation priority classes of the ECPS: a class holds ECPS > lower_bound up to the next bound of its class_set; the lowest class has lower_bound -Infinity; user rows (builtin = false) survive pg_dump';
INSERT INTO @extschema@.priority_class (class_set, lower_bound, label, source, builtin) VALUES
('esv_paper', 0.5, 'relatively high (above 0.5)',
 'ESV paper section 3.2.1: "priority higher than 0.5" (Baishan, Hegang), singled out within "relatively high, all exceeding 0.3" of the discussion', true),
('esv_paper', 0.3, 'relatively high',
 'ESV paper discussion: "relatively high, all exceeding 0.3"; section 3.2.1: "between 0.3 and 0.5"', true),
('esv_paper', 0.1, 'moderate',
 'ESV paper discussion: "moderate compensation priority ... between 0.1 and 0.25"; section 3.2.1: the other cities "do not exceed 0.3"', true),
('esv_paper', '-Infinity', 'not exceeding 0.1',
 'ESV paper: "0.1 or less" (section 3.2.1), "not exceeding 0.1" (discussion); the paper gives this class no name', true),
('ecocomp_0_1', 0.5, 'high', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true),
('ecocomp_0_1', 0.3, 'medium', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true),
('ecocomp_0_1', 0.1, 'low', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true),
('ecocomp_0_1', '-Infinity', 'very low', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true)
ON CONFLICT (class_set, lower_bound) DO UPDATE SET label = EXCLUDED.label, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- built-in rows of priority_class that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.priority_class AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.class_set::text, v.lower_bound::double precision FROM (VALUES
('esv_paper', 0.5, 'relatively high (above 0.5)',
 'ESV paper section 3.2.1: "priority higher than 0.5" (Baishan, Hegang), singled out within "relatively high, all exceeding 0.3" of the discussion', true),
('esv_paper', 0.3, 'relatively high',
 'ESV paper discussion: "relatively high, all exceeding 0.3"; section 3.2.1: "between 0.3 and 0.5"', true),
('esv_paper', 0.1, 'moderate',
 'ESV paper discussion: "moderate compensation priority ... between 0.1 and 0.25"; section 3.2.1: the other cities "do not exceed 0.3"', true),
('esv_paper', '-Infinity', 'not exceeding 0.1',
 'ESV paper: "0.1 or less" (section 3.2.1), "not exceeding 0.1" (discussion); the paper gives this class no name', true),
('ecocomp_0_1', 0.5, 'high', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true),
('ecocomp_0_1', 0.3, 'medium', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true),
('ecocomp_0_1', 0.1, 'low', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true),
('ecocomp_0_1', '-Infinity', 'very low', 'label of ecocomp 0.1 ecps_class(), not the paper''s wording', true)
) AS v(class_set, lower_bound, label, source, builtin)) AS k(class_set, lower_bound)
	WHERE k.class_set IS NOT DISTINCT FROM t.class_set AND k.lower_bound IS NOT DISTINCT FROM t.lower_bound);
SELECT pg_catalog.pg_extension_config_dump('@extschema@.priority_class', 'WHERE NOT builtin');
GRANT SELECT ON @extschema@.priority_class TO PUBLIC;
CREATE OR REPLACE FUNCTION @extschema@.ecps_priority_class(ecps double precision, class_set text DEFAULT 'esv_paper')
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
AS $$
DECLARE
	result text;
BEGIN
	IF NOT (ecps OPERATOR(pg_catalog.>=) '0'::float8 AND ecps OPERATOR(pg_catalog.<) 'Infinity'::float8) THEN
		RAISE EXCEPTION 'ECPS must be a finite non-negative number, got %', ecps
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	SELECT p.label INTO result
	FROM @extschema@.priority_class p
	WHERE p.class_set OPERATOR(pg_catalog.=) ecps_priority_class.class_set
	  AND ecps OPERATOR(pg_catalog.>) p.lower_bound
	ORDER BY p.lower_bound DESC
	LIMIT 1;
	IF result IS NULL THEN
		IF NOT EXISTS (SELECT 1 FROM @extschema@.priority_class p
					   WHERE p.class_set OPERATOR(pg_catalog.=) ecps_priority_class.class_set) THEN
			RAISE EXCEPTION 'priority class set "%" does not exist', class_set
				USING ERRCODE = 'undefined_object',
					  HINT = 'Class sets are the class_set values of ecocomp.priority_class.';
		END IF;
		RAISE EXCEPTION 'priority class set "%" has no class for ECPS %', class_set, ecps
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Give the set a lowest class with lower_bound ''-Infinity''.';
	END IF;
	RETURN result;
END
$$;
COMMENT ON FUNCTION @extschema@.ecps_priority_class(double precision, text) IS
	'Priority class label of an ECPS (dimensionless, >= 0) from ecocomp.priority_class: the class of the set with the largest lower_bound below the ECPS; default set ''esv_paper'' (relatively high above 0.5, relatively high (0.3, 0.5], moderate (0.1, 0.3], not exceeding 0.1)';
-- ecps_class (ecocomp 0.1) is the 'ecocomp_0_1' set of the same table, so
-- the thresholds and labels are defined once, in ecocomp.priority_class
CREATE OR REPLACE FUNCTION @extschema@.ecps_class(ecps double precision)
RETURNS text
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT @extschema@.ecps_priority_class(ecps, 'ecocomp_0_1'::text);
END;
COMMENT ON FUNCTION @extschema@.ecps_class(double precision) IS
	'Priority class of an ECPS with the labels of ecocomp 0.1 (not the ESV paper''s wording): ecps_priority_class(ecps, ''ecocomp_0_1''), i.e. high (> 0.5), medium (0.3, 0.5], low (0.1, 0.3], very low (<= 0.1) as long as that set of ecocomp.priority_class is unchanged';

-- ==================== sql/install/40-raster.sql ====================
-- type landuse_state: in 0.1.0 already
CREATE OR REPLACE FUNCTION @extschema@.landuse_state_in(cstring) RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.landuse_state_out(@extschema@.landuse_state) RETURNS cstring
AS 'MODULE_PATHNAME', 'landuse_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.landuse_state_recv(internal) RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE OR REPLACE FUNCTION @extschema@.landuse_state_send(@extschema@.landuse_state) RETURNS bytea
AS 'MODULE_PATHNAME', 'landuse_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- type landuse_state: in 0.1.0 already
COMMENT ON TYPE @extschema@.landuse_state IS
	'Transition state of the raster aggregates: histogram of land-use code (or (from, to) code pair) -> area in m2, nodata area, coverage mode, band, SRID, polygon hash, pixel grid of the tiles; text form kind=...;mode=...;[grid=...;]hist=code:0=m2,...';
COMMENT ON FUNCTION @extschema@.landuse_state_in(cstring) IS 'Text input of landuse_state (areas in m2)';
COMMENT ON FUNCTION @extschema@.landuse_state_out(@extschema@.landuse_state) IS 'Text output of landuse_state (areas in m2)';
COMMENT ON FUNCTION @extschema@.landuse_state_recv(internal) IS 'Binary input of landuse_state (areas in m2)';
COMMENT ON FUNCTION @extschema@.landuse_state_send(@extschema@.landuse_state) IS 'Binary output of landuse_state (areas in m2)';
-- support functions of the aggregates (aggregates cannot have DEFAULT
-- arguments: each shorter overload uses the defaults in C)
CREATE OR REPLACE FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_area_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry) IS
	'Transition function of landuse_area: adds the area (m2) of each land-use code of one tile inside the polygon';
CREATE OR REPLACE FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_area_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer) IS
	'Transition function of landuse_area: adds the area (m2) of each land-use code of one tile inside the polygon';
CREATE OR REPLACE FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_area_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer, text) IS
	'Transition function of landuse_area: adds the area (m2) of each land-use code of one tile inside the polygon';
CREATE OR REPLACE FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_transition_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry) IS
	'Transition function of landuse_transition: adds the area (m2) of each (from code, to code) pair of one pair of aligned tiles inside the polygon';
CREATE OR REPLACE FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_transition_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer) IS
	'Transition function of landuse_transition: adds the area (m2) of each (from code, to code) pair of one pair of aligned tiles inside the polygon';
CREATE OR REPLACE FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_transition_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer, text) IS
	'Transition function of landuse_transition: adds the area (m2) of each (from code, to code) pair of one pair of aligned tiles inside the polygon';
CREATE OR REPLACE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';
CREATE OR REPLACE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';
CREATE OR REPLACE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';
CREATE OR REPLACE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text, integer)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text, integer) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';
CREATE OR REPLACE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text, integer, jsonb)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text, integer, jsonb) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification, scheme and the Xie 2015 adjustment factors (npp, precipitation, soil)';
CREATE OR REPLACE FUNCTION @extschema@.landuse_state_combine(@extschema@.landuse_state, @extschema@.landuse_state)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.landuse_state_combine(@extschema@.landuse_state, @extschema@.landuse_state) IS
	'Combine function of the raster aggregates: adds two histograms of areas (m2); states of different coverage modes, bands or polygons are an error';
CREATE OR REPLACE FUNCTION @extschema@.landuse_area_final(@extschema@.landuse_state) RETURNS jsonb
AS 'MODULE_PATHNAME', 'landuse_area_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.landuse_area_final(@extschema@.landuse_state) IS
	'Final function of landuse_area: {"<code>": hectares, ..., "nodata": hectares}';
CREATE OR REPLACE FUNCTION @extschema@.landuse_transition_final(@extschema@.landuse_state) RETURNS jsonb
AS 'MODULE_PATHNAME', 'landuse_transition_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.landuse_transition_final(@extschema@.landuse_state) IS
	'Final function of landuse_transition: {"<from code>": {"<to code>": hectares, ...}, ...} with "nodata" keys';
CREATE OR REPLACE FUNCTION @extschema@.esv_value_final(@extschema@.landuse_state) RETURNS @extschema@.esv_summary
AS 'MODULE_PATHNAME', 'esv_value_final' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.esv_value_final(@extschema@.landuse_state) IS
	'Final function of the esv_value aggregate: ESV in yuan/a through the same core as esv_value(jsonb, ...)';
CREATE OR REPLACE AGGREGATE @extschema@.landuse_area(rast raster, geom geometry) (
	SFUNC = @extschema@.landuse_area_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_area_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_area(raster, geometry) IS
	'Land-use areas in hectares of one polygon over the tiles of a raster coverage: {"<code>": ha, ..., "nodata": ha}; band default 1; coverage ''exact'' (default: area-weighted pixels) or ''center'' (pixels whose centre is inside, as ST_Clip); pixels outside every tile are not counted';
CREATE OR REPLACE AGGREGATE @extschema@.landuse_area(rast raster, geom geometry, band integer) (
	SFUNC = @extschema@.landuse_area_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_area_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_area(raster, geometry, integer) IS
	'Land-use areas in hectares of one polygon over the tiles of a raster coverage: {"<code>": ha, ..., "nodata": ha}; band default 1; coverage ''exact'' (default: area-weighted pixels) or ''center'' (pixels whose centre is inside, as ST_Clip); pixels outside every tile are not counted';
CREATE OR REPLACE AGGREGATE @extschema@.landuse_area(rast raster, geom geometry, band integer, coverage text) (
	SFUNC = @extschema@.landuse_area_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_area_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_area(raster, geometry, integer, text) IS
	'Land-use areas in hectares of one polygon over the tiles of a raster coverage: {"<code>": ha, ..., "nodata": ha}; band default 1; coverage ''exact'' (default: area-weighted pixels) or ''center'' (pixels whose centre is inside, as ST_Clip); pixels outside every tile are not counted';
CREATE OR REPLACE AGGREGATE @extschema@.landuse_transition(rast_from raster, rast_to raster, geom geometry) (
	SFUNC = @extschema@.landuse_transition_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_transition_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 8192,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_transition(raster, raster, geometry) IS
	'Land-use transition matrix in hectares of one polygon over pairs of aligned tiles of two years: {"<from code>": {"<to code>": ha}} with "nodata" keys; band default 1; coverage ''exact'' (default) or ''center''';
CREATE OR REPLACE AGGREGATE @extschema@.landuse_transition(rast_from raster, rast_to raster, geom geometry, band integer) (
	SFUNC = @extschema@.landuse_transition_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_transition_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 8192,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_transition(raster, raster, geometry, integer) IS
	'Land-use transition matrix in hectares of one polygon over pairs of aligned tiles of two years: {"<from code>": {"<to code>": ha}} with "nodata" keys; band default 1; coverage ''exact'' (default) or ''center''';
CREATE OR REPLACE AGGREGATE @extschema@.landuse_transition(rast_from raster, rast_to raster, geom geometry, band integer, coverage text) (
	SFUNC = @extschema@.landuse_transition_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_transition_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 8192,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_transition(raster, raster, geometry, integer, text) IS
	'Land-use transition matrix in hectares of one polygon over pairs of aligned tiles of two years: {"<from code>": {"<to code>": ha}} with "nodata" keys; band default 1; coverage ''exact'' (default) or ''center''';
CREATE OR REPLACE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';
CREATE OR REPLACE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';
CREATE OR REPLACE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text, scheme text) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text, text) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';
CREATE OR REPLACE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text, scheme text, band integer) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text, text, integer) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';
CREATE OR REPLACE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text, scheme text, band integer, adjustment jsonb) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text, text, integer, jsonb) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a, with the equivalent factors adjusted by the Xie 2015 factors {"npp", "precipitation", "soil"} (dimensionless, missing = 1, equal in every row of a group); equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme, adjustment => adjustment)';
CREATE OR REPLACE FUNCTION @extschema@.esv_raster(rast raster, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015', band integer DEFAULT 1)
RETURNS raster
AS 'MODULE_PATHNAME', 'esv_raster' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.esv_raster(raster, double precision, text, text, integer) IS
	'One-band 32BF raster of ESV per pixel in yuan/hm2/a (sum of the equivalent factors of the pixel''s ecosystem times E_a), same georeference; nodata pixels stay nodata (-9999)';
CREATE OR REPLACE FUNCTION @extschema@._raster_check(bytea) RETURNS text
AS 'MODULE_PATHNAME', 'ecocomp_raster_check' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._raster_check(bytea) IS
	'Test entry point: run the bounds-checked serialized-raster reader over raw bytes; returns "WxH srid=N bands=N <pixtype>..." or raises 22000';
CREATE OR REPLACE FUNCTION @extschema@._raster_bytes(raster) RETURNS bytea
AS 'MODULE_PATHNAME', 'ecocomp_raster_bytes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._raster_bytes(raster) IS
	'Test entry point: the serialized raster (RFC1) as bytes, including its 4-byte varlena word';
CREATE OR REPLACE FUNCTION @extschema@.srid_kind(srid integer) RETURNS text
AS 'MODULE_PATHNAME', 'srid_kind' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.srid_kind(integer) IS
	'''geographic'' or ''projected'': the CRS of an SRID as the raster aggregates read it from spatial_ref_sys.srtext (its WKT); NULL for SRID 0 and an SRID missing from spatial_ref_sys; 22023 when srtext names no usable ellipsoid, or the coordinates are not in degrees (geographic) or metres (projected)';

-- ==================== sql/install/50-gep.sql ====================
-- table gep_land_type: in 0.1.0 already
COMMENT ON TABLE @extschema@.gep_land_type IS
	'Land types of the GEP account (areas in hm2 = ha); contributes = false for land that by definition yields no ecosystem product (mining, construction, bare land): its services are 0 and it takes no parameters';
-- table gep_landuse_map: in 0.1.0 already
COMMENT ON TABLE @extschema@.gep_landuse_map IS
	'Which GEP land type each land-use code (landuse_class) is accounted as, with the reason, so the raster engine''s {"<code>": hectares} plugs into gep_account';
-- table gep_parameter: in 0.1.0 already
COMMENT ON TABLE @extschema@.gep_parameter IS
	'The parameters the formulas of gep_account read, with the unit every value of gep_param must be in; gep_account reads this table (the units of its messages) and requires a row for each parameter of its formulas and no other';
-- table gep_param_set: in 0.1.0 already
COMMENT ON TABLE @extschema@.gep_param_set IS
	'Named GEP parameter sets: jinsha_2022_paper holds only the values the GEP paper gives (Jinsha County coal mine restoration, Guizhou, 2022); jinsha_2022 adds documented values the paper does not give (runoff coefficients, sediment coefficient lambda, soil bulk density rho, carbon price)';
-- table gep_param: in 0.1.0 already
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

CREATE OR REPLACE FUNCTION @extschema@.gep_agricultural_products(output_kg_per_a double precision[],
	price_yuan_per_kg double precision[])
RETURNS double precision
AS 'MODULE_PATHNAME', 'gep_agricultural_products'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_agricultural_products(double precision[], double precision[]) IS
	'Agricultural products by market value V = sum E_i P_i in yuan/a, E_i output in kg/a, P_i price in yuan/kg (Xu X. et al., in press, Table 3)';
CREATE OR REPLACE FUNCTION @extschema@.gep_water_conservation(area_m2 double precision,
	precipitation_mm_per_a double precision, runoff_mm_per_a double precision,
	evapotranspiration_mm_per_a double precision, water_price_yuan_per_m3 double precision,
	OUT water_m3_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_water_conservation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_water_conservation(double precision, double precision, double precision, double precision, double precision) IS
	'Water conservation by water balance Q = A (P - R - ET) 1e-3 in m3/a (A in m2, P, R, ET in mm/a; negative when ET exceeds P - R) and V = Q * price in yuan/a (Xu X. et al., in press, Table 3)';
CREATE OR REPLACE FUNCTION @extschema@.gep_soil_retention(area_hm2 double precision,
	rainfall_erosivity_mj_mm_per_hm2_h_a double precision,
	soil_erodibility_t_hm2_h_per_hm2_mj_mm double precision,
	slope_length_factor double precision, cover_factor double precision,
	practice_factor double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'gep_soil_retention'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_soil_retention(double precision, double precision, double precision, double precision, double precision, double precision) IS
	'Soil retained in t/a by RUSLE: Q_sr = R K LS (1 - C P) t/hm2/a times area in hm2; C and P in [0, 1] (Xu X. et al., in press, Table 3)';
CREATE OR REPLACE FUNCTION @extschema@.gep_soil_retention_value(soil_t_per_a double precision,
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
CREATE OR REPLACE FUNCTION @extschema@.gep_air_purification(area_hm2 double precision,
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
CREATE OR REPLACE FUNCTION @extschema@.gep_carbon_fixation(area_hm2 double precision,
	carbon_rate_t_c_per_hm2_a double precision, soil_carbon_coefficient double precision,
	carbon_price_yuan_per_t_co2 double precision,
	OUT co2_t_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_carbon_fixation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_carbon_fixation(double precision, double precision, double precision, double precision) IS
	'Carbon fixation Q_CO2 = 44/12 * rate (t C/hm2/a) * (1 + beta) * area (hm2) in t CO2/a (beta: 0.76 for forest in the GEP paper (Xu X. et al., in press), 0 elsewhere), value Q_CO2 * price in yuan/a';
CREATE OR REPLACE FUNCTION @extschema@.gep_oxygen_release(co2_t_per_a double precision,
	oxygen_price_yuan_per_t double precision,
	OUT o2_t_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_oxygen_release'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_oxygen_release(double precision, double precision) IS
	'Oxygen release Q_O2 = 32/44 * Q_CO2 in t O2/a from fixed CO2 in t/a, value Q_O2 * price (yuan/t) in yuan/a (Xu X. et al., in press, Table 3)';
CREATE OR REPLACE FUNCTION @extschema@.gep_climate_regulation(area_hm2 double precision,
	heat_absorbed_kj_per_hm2_d double precision, ac_days_per_a double precision,
	eer double precision, electricity_price_yuan_per_kwh double precision,
	OUT electricity_kwh_per_a double precision, OUT value_yuan_per_a double precision)
AS 'MODULE_PATHNAME', 'gep_climate_regulation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_climate_regulation(double precision, double precision, double precision, double precision, double precision) IS
	'Climate regulation as air-conditioning electricity saved: kWh/a = GPP (kJ/hm2/d) * area (hm2) * d (d/a) / (3600 * EER), value kWh * price (yuan/kWh) in yuan/a (Xu X. et al., in press, Table 3)';
CREATE OR REPLACE FUNCTION @extschema@.gep_aesthetic_landscape(area_hm2 double precision,
	landscape_factor double precision, grain_price_yuan_per_kg double precision,
	grain_yield_kg_per_hm2 double precision,
	equivalent_coefficient double precision DEFAULT 1.0 / 7)
RETURNS double precision
AS 'MODULE_PATHNAME', 'gep_aesthetic_landscape'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gep_aesthetic_landscape(double precision, double precision, double precision, double precision, double precision) IS
	'Aesthetic landscape value V = A_i * area (hm2) * R * P_a (yuan/kg) * P_b (kg/hm2) in yuan/a, R = 1/7 by default (equivalent-factor method, Xu X. et al., in press, Table 3)';
-- The account ---------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.gep_account(areas jsonb, param_set text DEFAULT 'jinsha_2022',
	overrides jsonb DEFAULT '{}', classification text DEFAULT NULL, services text[] DEFAULT NULL)
RETURNS TABLE (service_group text, service text, item text, land_type text,
	area_ha double precision, quantity double precision, unit text, value_yuan double precision)
AS 'MODULE_PATHNAME', 'gep_account'
LANGUAGE C STABLE PARALLEL SAFE ROWS 60;
COMMENT ON FUNCTION @extschema@.gep_account(jsonb, text, jsonb, text, text[]) IS
	'GEP account of land-type areas {"forest": ha, ...} (or land-use codes {"<code>": ha, "nodata": ha} of a classification): one row per (service group, service, item, land type) with area_ha, physical quantity in unit, value_yuan in yuan/a; parameters from param_set, overridden by overrides {"parameter": v, "parameter/land_type": v}; services NULL = all';
CREATE OR REPLACE FUNCTION @extschema@.gep_items()
RETURNS TABLE (item_order integer, item text, service text, service_group text, unit text)
AS 'MODULE_PATHNAME', 'gep_items'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.gep_items() IS
	'The items of the GEP account in account order (item_order 1..12), with their service, service group and the unit of their quantity (NULL: no physical quantity); gep_account and gep_compare list items in this order';
CREATE OR REPLACE FUNCTION @extschema@.gep_compare(before jsonb, after jsonb, param_set text DEFAULT 'jinsha_2022',
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
CREATE OR REPLACE FUNCTION @extschema@.copy_gep_param_set(source text, target text, title text DEFAULT NULL)
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

-- ==================== sql/install/51-gep-data.sql ====================
------------------------------------------------------------------------------
-- GEP reference data (the GEP paper): land types, the land-use mapping, the
-- parameter catalogue and the parameter sets.  The tables are in
-- 50-gep.sql; gep_account reads these rows.
------------------------------------------------------------------------------

INSERT INTO @extschema@.gep_land_type (land_type, label, contributes, position, source, builtin) VALUES
('forest',       'forest land (林地, including shrubland)', true,  1, 'Xu X. et al., in press, Table 1', true),
('dryland',      'dry land (旱地)',                          true,  2, 'Xu X. et al., in press, Table 1', true),
('grassland',    'grassland (草地)',                         true,  3, 'Xu X. et al., in press, Table 1', true),
('paddy',        'paddy field (水田)',                       true,  4, 'ecocomp: needed to map CNLUCC code 11; no parameters in the built-in set', true),
('water',        'water bodies, glaciers and snow',          true,  5, 'ecocomp: needed to map water codes; no parameters in the built-in set', true),
('wetland',      'wetland, marsh, tidal flat, mangrove',     true,  6, 'ecocomp: needed to map wetland codes; no parameters in the built-in set', true),
('mining',       'mining land (工矿用地)',                   false, 7, 'Xu X. et al., in press, Table 1 and section 3.3: mining land contributes nothing', true),
('construction', 'construction land (建设用地)',             false, 8, 'Xu X. et al., in press, Table 1 and section 3.3: construction land contributes nothing', true),
('bare',         'bare land: sand, gobi, saline, bare soil and rock', false, 9, 'ecocomp: unvegetated land valued like the paper''s mining land (no vegetation, no product)', true)
ON CONFLICT (land_type) DO UPDATE SET label = EXCLUDED.label, contributes = EXCLUDED.contributes, position = EXCLUDED.position, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- built-in rows of gep_land_type that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.gep_land_type AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.land_type::text FROM (VALUES
('forest',       'forest land (林地, including shrubland)', true,  1, 'Xu X. et al., in press, Table 1', true),
('dryland',      'dry land (旱地)',                          true,  2, 'Xu X. et al., in press, Table 1', true),
('grassland',    'grassland (草地)',                         true,  3, 'Xu X. et al., in press, Table 1', true),
('paddy',        'paddy field (水田)',                       true,  4, 'ecocomp: needed to map CNLUCC code 11; no parameters in the built-in set', true),
('water',        'water bodies, glaciers and snow',          true,  5, 'ecocomp: needed to map water codes; no parameters in the built-in set', true),
('wetland',      'wetland, marsh, tidal flat, mangrove',     true,  6, 'ecocomp: needed to map wetland codes; no parameters in the built-in set', true),
('mining',       'mining land (工矿用地)',                   false, 7, 'Xu X. et al., in press, Table 1 and section 3.3: mining land contributes nothing', true),
('construction', 'construction land (建设用地)',             false, 8, 'Xu X. et al., in press, Table 1 and section 3.3: construction land contributes nothing', true),
('bare',         'bare land: sand, gobi, saline, bare soil and rock', false, 9, 'ecocomp: unvegetated land valued like the paper''s mining land (no vegetation, no product)', true)
) AS v(land_type, label, contributes, position, source, builtin)) AS k(land_type)
	WHERE k.land_type IS NOT DISTINCT FROM t.land_type);
INSERT INTO @extschema@.gep_landuse_map (classification, code, land_type, reason, builtin) VALUES
('cnlucc', 11, 'paddy',        'paddy field', true),
('cnlucc', 12, 'dryland',      'dry land is the paper''s dry land', true),
('cnlucc', 21, 'forest',       'closed forest is forest land', true),
('cnlucc', 22, 'forest',       'shrubland is part of forest land (林地) in the Chinese land-use system', true),
('cnlucc', 23, 'forest',       'sparse woodland is part of forest land (林地)', true),
('cnlucc', 24, 'forest',       'other woodland (orchards, nurseries, young plantations) is part of forest land (林地)', true),
('cnlucc', 31, 'grassland',    'grassland', true),
('cnlucc', 32, 'grassland',    'grassland', true),
('cnlucc', 33, 'grassland',    'grassland', true),
('cnlucc', 41, 'water',        'rivers and canals', true),
('cnlucc', 42, 'water',        'lakes', true),
('cnlucc', 43, 'water',        'reservoirs and ponds', true),
('cnlucc', 44, 'water',        'glacier and snow: water (first-level type of Xie 2015)', true),
('cnlucc', 45, 'wetland',      'tidal flat', true),
('cnlucc', 46, 'wetland',      'bottomland / river beach', true),
('cnlucc', 51, 'construction', 'urban land', true),
('cnlucc', 52, 'construction', 'rural settlement', true),
('cnlucc', 53, 'mining',       'other construction land is where CNLUCC puts industrial and mining land (工矿用地), the mining land of the GEP paper (Xu X. et al., in press); contributes nothing like construction', true),
('cnlucc', 61, 'bare',         'sandy land', true),
('cnlucc', 62, 'bare',         'gobi', true),
('cnlucc', 63, 'bare',         'saline-alkali land', true),
('cnlucc', 64, 'wetland',      'marsh is wetland, although CNLUCC lists it under unused land', true),
('cnlucc', 65, 'bare',         'bare soil', true),
('cnlucc', 66, 'bare',         'bare rock / gravel', true),
('cnlucc', 67, 'bare',         'other unused land (alpine desert, tundra)', true),
('clcd', 1, 'dryland',         'CLCD does not separate paddy: dry land, as the ESV mapping does', true),
('clcd', 2, 'forest',          'forest', true),
('clcd', 3, 'forest',          'shrub is part of forest land (林地)', true),
('clcd', 4, 'grassland',       'grassland', true),
('clcd', 5, 'water',           'water', true),
('clcd', 6, 'water',           'snow/ice: water, as CNLUCC 44', true),
('clcd', 7, 'bare',            'barren', true),
('clcd', 8, 'construction',    'impervious surface (mines are not separated from built-up land)', true),
('clcd', 9, 'wetland',         'wetland', true),
('worldcover', 10, 'forest',   'tree cover', true),
('worldcover', 20, 'forest',   'shrubland is part of forest land (林地)', true),
('worldcover', 30, 'grassland','grassland', true),
('worldcover', 40, 'dryland',  'cropland without paddy information: dry land, as CLCD 1', true),
('worldcover', 50, 'construction', 'built-up (mines are not separated from built-up land)', true),
('worldcover', 60, 'bare',     'bare / sparse vegetation', true),
('worldcover', 70, 'water',    'snow and ice: water, as CNLUCC 44', true),
('worldcover', 80, 'water',    'permanent water bodies', true),
('worldcover', 90, 'wetland',  'herbaceous wetland', true),
('worldcover', 95, 'wetland',  'mangroves are wetland, as in the ESV mapping', true),
('worldcover', 100, 'bare',    'moss and lichen (tundra-like, sparse): bare land, as the ESV mapping values it as desert', true)
ON CONFLICT (classification, code) DO UPDATE SET land_type = EXCLUDED.land_type, reason = EXCLUDED.reason, builtin = EXCLUDED.builtin;
-- built-in rows of gep_landuse_map that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.gep_landuse_map AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.classification::text, v.code::integer FROM (VALUES
('cnlucc', 11, 'paddy',        'paddy field', true),
('cnlucc', 12, 'dryland',      'dry land is the paper''s dry land', true),
('cnlucc', 21, 'forest',       'closed forest is forest land', true),
('cnlucc', 22, 'forest',       'shrubland is part of forest land (林地) in the Chinese land-use system', true),
('cnlucc', 23, 'forest',       'sparse woodland is part of forest land (林地)', true),
('cnlucc', 24, 'forest',       'other woodland (orchards, nurseries, young plantations) is part of forest land (林地)', true),
('cnlucc', 31, 'grassland',    'grassland', true),
('cnlucc', 32, 'grassland',    'grassland', true),
('cnlucc', 33, 'grassland',    'grassland', true),
('cnlucc', 41, 'water',        'rivers and canals', true),
('cnlucc', 42, 'water',        'lakes', true),
('cnlucc', 43, 'water',        'reservoirs and ponds', true),
('cnlucc', 44, 'water',        'glacier and snow: water (first-level type of Xie 2015)', true),
('cnlucc', 45, 'wetland',      'tidal flat', true),
('cnlucc', 46, 'wetland',      'bottomland / river beach', true),
('cnlucc', 51, 'construction', 'urban land', true),
('cnlucc', 52, 'construction', 'rural settlement', true),
('cnlucc', 53, 'mining',       'other construction land is where CNLUCC puts industrial and mining land (工矿用地), the mining land of the GEP paper (Xu X. et al., in press); contributes nothing like construction', true),
('cnlucc', 61, 'bare',         'sandy land', true),
('cnlucc', 62, 'bare',         'gobi', true),
('cnlucc', 63, 'bare',         'saline-alkali land', true),
('cnlucc', 64, 'wetland',      'marsh is wetland, although CNLUCC lists it under unused land', true),
('cnlucc', 65, 'bare',         'bare soil', true),
('cnlucc', 66, 'bare',         'bare rock / gravel', true),
('cnlucc', 67, 'bare',         'other unused land (alpine desert, tundra)', true),
('clcd', 1, 'dryland',         'CLCD does not separate paddy: dry land, as the ESV mapping does', true),
('clcd', 2, 'forest',          'forest', true),
('clcd', 3, 'forest',          'shrub is part of forest land (林地)', true),
('clcd', 4, 'grassland',       'grassland', true),
('clcd', 5, 'water',           'water', true),
('clcd', 6, 'water',           'snow/ice: water, as CNLUCC 44', true),
('clcd', 7, 'bare',            'barren', true),
('clcd', 8, 'construction',    'impervious surface (mines are not separated from built-up land)', true),
('clcd', 9, 'wetland',         'wetland', true),
('worldcover', 10, 'forest',   'tree cover', true),
('worldcover', 20, 'forest',   'shrubland is part of forest land (林地)', true),
('worldcover', 30, 'grassland','grassland', true),
('worldcover', 40, 'dryland',  'cropland without paddy information: dry land, as CLCD 1', true),
('worldcover', 50, 'construction', 'built-up (mines are not separated from built-up land)', true),
('worldcover', 60, 'bare',     'bare / sparse vegetation', true),
('worldcover', 70, 'water',    'snow and ice: water, as CNLUCC 44', true),
('worldcover', 80, 'water',    'permanent water bodies', true),
('worldcover', 90, 'wetland',  'herbaceous wetland', true),
('worldcover', 95, 'wetland',  'mangroves are wetland, as in the ESV mapping', true),
('worldcover', 100, 'bare',    'moss and lichen (tundra-like, sparse): bare land, as the ESV mapping values it as desert', true)
) AS v(classification, code, land_type, reason, builtin)) AS k(classification, code)
	WHERE k.classification IS NOT DISTINCT FROM t.classification AND k.code IS NOT DISTINCT FROM t.code);
INSERT INTO @extschema@.gep_parameter (parameter, unit, service, symbol, description, source, builtin) VALUES
('crop_yield',          'kg/hm2/a',           'agricultural_products', 'E_i / S_i', 'crop output per hectare (E_i = crop_yield * area); 0 where the land type yields no crop', 'Xu X. et al., in press, Table 3', true),
('crop_price',          'yuan/kg',            'agricultural_products', 'P_i',  'crop price (output-weighted mean for several crops); not read where crop_yield is 0', 'Xu X. et al., in press, Table 3', true),
('precipitation',       'mm/a',               'water_conservation',    'P',    'annual precipitation', 'Xu X. et al., in press, Table 3', true),
('runoff_coefficient',  '1',                  'water_conservation',    'R_i / P', 'surface runoff as a fraction of precipitation (R_i = runoff_coefficient * P), in [0, 1]', 'Xu X. et al., in press, section 2.2 (runoff from the recommended coefficient times rainfall)', true),
('evapotranspiration',  'mm/a',               'water_conservation',    'ET_i', 'actual evapotranspiration', 'Xu X. et al., in press, Table 3', true),
('water_price',         'yuan/m3',            'water_conservation',    'C_wc', 'market price of water', 'Xu X. et al., in press, Table 3', true),
('rainfall_erosivity',  'MJ mm/(hm2 h a)',    'soil_retention',        'R',    'RUSLE rainfall erosivity factor', 'Xu X. et al., in press, Table 3', true),
('soil_erodibility',    't hm2 h/(hm2 MJ mm)', 'soil_retention',       'K',    'RUSLE soil erodibility factor', 'Xu X. et al., in press, Table 3', true),
('slope_length_factor', '1',                  'soil_retention',        'LS',   'RUSLE slope length and steepness factor', 'Xu X. et al., in press, Table 3', true),
('cover_factor',        '1',                  'soil_retention',        'C',    'RUSLE cover-management factor, in [0, 1]', 'Xu X. et al., in press, Table 3', true),
('practice_factor',     '1',                  'soil_retention',        'P',    'RUSLE support-practice factor, in [0, 1]', 'Xu X. et al., in press, Table 3', true),
('sediment_coefficient','1',                  'soil_retention',        'lambda', 'sediment accumulation coefficient: share of retained soil that would silt up reservoirs, in [0, 1]', 'Xu X. et al., in press, Table 3', true),
('soil_bulk_density',   't/m3',               'soil_retention',        'rho',  'soil bulk density (> 0)', 'Xu X. et al., in press, Table 3', true),
('dredging_cost',       'yuan/m3',            'soil_retention',        'c',    'reservoir dredging cost', 'Xu X. et al., in press, Table 3', true),
('soil_nitrogen',       'g/kg',               'soil_retention',        'C_N',  'nitrogen content of the soil', 'Xu X. et al., in press, Table 3', true),
('soil_phosphorus',     'g/kg',               'soil_retention',        'C_P',  'phosphorus content of the soil', 'Xu X. et al., in press, Table 3', true),
('nitrogen_fertilizer_coefficient',   '1',    'soil_retention',        'alpha_N', 't of fertilizer per t of nitrogen', 'Xu X. et al., in press, Table 3', true),
('phosphorus_fertilizer_coefficient', '1',    'soil_retention',        'alpha_P', 't of fertilizer per t of phosphorus', 'Xu X. et al., in press, Table 3', true),
('nitrogen_fertilizer_price',   'yuan/t',     'soil_retention',        'P_N',  'price of nitrogen fertilizer', 'Xu X. et al., in press, Table 3', true),
('phosphorus_fertilizer_price', 'yuan/t',     'soil_retention',        'P_P',  'price of phosphorus fertilizer', 'Xu X. et al., in press, Table 3', true),
('so2_absorption',      't/hm2/a',            'air_purification',      'Q_SO2', 'SO2 absorbed per hectare', 'Xu X. et al., in press, Table 3', true),
('nox_absorption',      't/hm2/a',            'air_purification',      'Q_NOx', 'NOx absorbed per hectare', 'Xu X. et al., in press, Table 3', true),
('dust_absorption',     't/hm2/a',            'air_purification',      'Q_dust', 'dust absorbed per hectare', 'Xu X. et al., in press, Table 3', true),
('so2_cost',            'yuan/kg',            'air_purification',      'C_SO2', 'SO2 treatment cost (pollution discharge fee)', 'Xu X. et al., in press, Table 3', true),
('nox_cost',            'yuan/kg',            'air_purification',      'C_NOx', 'NOx treatment cost', 'Xu X. et al., in press, Table 3', true),
('dust_cost',           'yuan/kg',            'air_purification',      'C_dust', 'dust treatment cost', 'Xu X. et al., in press, Table 3', true),
('carbon_rate',         't C/hm2/a',          'carbon_fixation',       'FCSR, GSR, CSR', 'carbon sequestration rate of the vegetation', 'Xu X. et al., in press, Table 3', true),
('soil_carbon_coefficient', '1',              'carbon_fixation',       'beta', 'soil carbon sequestration coefficient: the land type fixes carbon_rate * (1 + beta)', 'Xu X. et al., in press, Table 3 (FCS = FCSR * SF * (1 + beta))', true),
('carbon_price',        'yuan/t CO2',         'carbon_fixation',       'C_c',  'price of fixed CO2', 'Xu X. et al., in press, Table 3', true),
('oxygen_price',        'yuan/t',             'oxygen_release',        'C_o',  'industrial oxygen price', 'Xu X. et al., in press, Table 3', true),
('heat_absorbed',       'kJ/hm2/d',           'climate_regulation',    'GPP',  'heat absorbed by vegetation per hectare and air-conditioning day', 'Xu X. et al., in press, Table 3', true),
('ac_days',             'd/a',                'climate_regulation',    'd',    'air-conditioning days per year', 'Xu X. et al., in press, Table 3', true),
('eer',                 '1',                  'climate_regulation',    'R',    'energy efficiency ratio of air conditioners (> 0)', 'Xu X. et al., in press, Table 3', true),
('electricity_price',   'yuan/kWh',           'climate_regulation',    'p',    'electricity price', 'Xu X. et al., in press, Table 3', true),
('landscape_factor',    '1',                  'aesthetic_landscape',   'A_i',  'aesthetic landscape value equivalent per hectare', 'Xu X. et al., in press, Table 3', true),
('equivalent_coefficient', '1',               'aesthetic_landscape',   'R',    'value of one equivalent as a share of the grain output value (1/7)', 'Xu X. et al., in press, Table 3', true),
('grain_price',         'yuan/kg',            'aesthetic_landscape',   'P_a',  'average market price of grain', 'Xu X. et al., in press, Table 3', true),
('grain_yield',         'kg/hm2',             'aesthetic_landscape',   'P_b',  'average grain yield per hectare', 'Xu X. et al., in press, Table 3', true)
ON CONFLICT (parameter) DO UPDATE SET unit = EXCLUDED.unit, service = EXCLUDED.service, symbol = EXCLUDED.symbol, description = EXCLUDED.description, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- built-in rows of gep_parameter that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.gep_parameter AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.parameter::text FROM (VALUES
('crop_yield',          'kg/hm2/a',           'agricultural_products', 'E_i / S_i', 'crop output per hectare (E_i = crop_yield * area); 0 where the land type yields no crop', 'Xu X. et al., in press, Table 3', true),
('crop_price',          'yuan/kg',            'agricultural_products', 'P_i',  'crop price (output-weighted mean for several crops); not read where crop_yield is 0', 'Xu X. et al., in press, Table 3', true),
('precipitation',       'mm/a',               'water_conservation',    'P',    'annual precipitation', 'Xu X. et al., in press, Table 3', true),
('runoff_coefficient',  '1',                  'water_conservation',    'R_i / P', 'surface runoff as a fraction of precipitation (R_i = runoff_coefficient * P), in [0, 1]', 'Xu X. et al., in press, section 2.2 (runoff from the recommended coefficient times rainfall)', true),
('evapotranspiration',  'mm/a',               'water_conservation',    'ET_i', 'actual evapotranspiration', 'Xu X. et al., in press, Table 3', true),
('water_price',         'yuan/m3',            'water_conservation',    'C_wc', 'market price of water', 'Xu X. et al., in press, Table 3', true),
('rainfall_erosivity',  'MJ mm/(hm2 h a)',    'soil_retention',        'R',    'RUSLE rainfall erosivity factor', 'Xu X. et al., in press, Table 3', true),
('soil_erodibility',    't hm2 h/(hm2 MJ mm)', 'soil_retention',       'K',    'RUSLE soil erodibility factor', 'Xu X. et al., in press, Table 3', true),
('slope_length_factor', '1',                  'soil_retention',        'LS',   'RUSLE slope length and steepness factor', 'Xu X. et al., in press, Table 3', true),
('cover_factor',        '1',                  'soil_retention',        'C',    'RUSLE cover-management factor, in [0, 1]', 'Xu X. et al., in press, Table 3', true),
('practice_factor',     '1',                  'soil_retention',        'P',    'RUSLE support-practice factor, in [0, 1]', 'Xu X. et al., in press, Table 3', true),
('sediment_coefficient','1',                  'soil_retention',        'lambda', 'sediment accumulation coefficient: share of retained soil that would silt up reservoirs, in [0, 1]', 'Xu X. et al., in press, Table 3', true),
('soil_bulk_density',   't/m3',               'soil_retention',        'rho',  'soil bulk density (> 0)', 'Xu X. et al., in press, Table 3', true),
('dredging_cost',       'yuan/m3',            'soil_retention',        'c',    'reservoir dredging cost', 'Xu X. et al., in press, Table 3', true),
('soil_nitrogen',       'g/kg',               'soil_retention',        'C_N',  'nitrogen content of the soil', 'Xu X. et al., in press, Table 3', true),
('soil_phosphorus',     'g/kg',               'soil_retention',        'C_P',  'phosphorus content of the soil', 'Xu X. et al., in press, Table 3', true),
('nitrogen_fertilizer_coefficient',   '1',    'soil_retention',        'alpha_N', 't of fertilizer per t of nitrogen', 'Xu X. et al., in press, Table 3', true),
('phosphorus_fertilizer_coefficient', '1',    'soil_retention',        'alpha_P', 't of fertilizer per t of phosphorus', 'Xu X. et al., in press, Table 3', true),
('nitrogen_fertilizer_price',   'yuan/t',     'soil_retention',        'P_N',  'price of nitrogen fertilizer', 'Xu X. et al., in press, Table 3', true),
('phosphorus_fertilizer_price', 'yuan/t',     'soil_retention',        'P_P',  'price of phosphorus fertilizer', 'Xu X. et al., in press, Table 3', true),
('so2_absorption',      't/hm2/a',            'air_purification',      'Q_SO2', 'SO2 absorbed per hectare', 'Xu X. et al., in press, Table 3', true),
('nox_absorption',      't/hm2/a',            'air_purification',      'Q_NOx', 'NOx absorbed per hectare', 'Xu X. et al., in press, Table 3', true),
('dust_absorption',     't/hm2/a',            'air_purification',      'Q_dust', 'dust absorbed per hectare', 'Xu X. et al., in press, Table 3', true),
('so2_cost',            'yuan/kg',            'air_purification',      'C_SO2', 'SO2 treatment cost (pollution discharge fee)', 'Xu X. et al., in press, Table 3', true),
('nox_cost',            'yuan/kg',            'air_purification',      'C_NOx', 'NOx treatment cost', 'Xu X. et al., in press, Table 3', true),
('dust_cost',           'yuan/kg',            'air_purification',      'C_dust', 'dust treatment cost', 'Xu X. et al., in press, Table 3', true),
('carbon_rate',         't C/hm2/a',          'carbon_fixation',       'FCSR, GSR, CSR', 'carbon sequestration rate of the vegetation', 'Xu X. et al., in press, Table 3', true),
('soil_carbon_coefficient', '1',              'carbon_fixation',       'beta', 'soil carbon sequestration coefficient: the land type fixes carbon_rate * (1 + beta)', 'Xu X. et al., in press, Table 3 (FCS = FCSR * SF * (1 + beta))', true),
('carbon_price',        'yuan/t CO2',         'carbon_fixation',       'C_c',  'price of fixed CO2', 'Xu X. et al., in press, Table 3', true),
('oxygen_price',        'yuan/t',             'oxygen_release',        'C_o',  'industrial oxygen price', 'Xu X. et al., in press, Table 3', true),
('heat_absorbed',       'kJ/hm2/d',           'climate_regulation',    'GPP',  'heat absorbed by vegetation per hectare and air-conditioning day', 'Xu X. et al., in press, Table 3', true),
('ac_days',             'd/a',                'climate_regulation',    'd',    'air-conditioning days per year', 'Xu X. et al., in press, Table 3', true),
('eer',                 '1',                  'climate_regulation',    'R',    'energy efficiency ratio of air conditioners (> 0)', 'Xu X. et al., in press, Table 3', true),
('electricity_price',   'yuan/kWh',           'climate_regulation',    'p',    'electricity price', 'Xu X. et al., in press, Table 3', true),
('landscape_factor',    '1',                  'aesthetic_landscape',   'A_i',  'aesthetic landscape value equivalent per hectare', 'Xu X. et al., in press, Table 3', true),
('equivalent_coefficient', '1',               'aesthetic_landscape',   'R',    'value of one equivalent as a share of the grain output value (1/7)', 'Xu X. et al., in press, Table 3', true),
('grain_price',         'yuan/kg',            'aesthetic_landscape',   'P_a',  'average market price of grain', 'Xu X. et al., in press, Table 3', true),
('grain_yield',         'kg/hm2',             'aesthetic_landscape',   'P_b',  'average grain yield per hectare', 'Xu X. et al., in press, Table 3', true)
) AS v(parameter, unit, service, symbol, description, source, builtin)) AS k(parameter)
	WHERE k.parameter IS NOT DISTINCT FROM t.parameter);
INSERT INTO @extschema@.gep_param_set (param_set, title, source, builtin) VALUES
('jinsha_2022', 'Jinsha County (Guizhou) coal mine restoration 2022: the GEP paper''s values (as jinsha_2022_paper) plus documented additions where it is silent (runoff_coefficient, sediment_coefficient, soil_bulk_density, carbon_price: sources begin "addition"); ac_days, evapotranspiration, dry-land runoff, crop yield and price, grain price and yield required',
 'the GEP paper (GEP accounting of a mine ecological restoration project, Jinsha County, Guizhou) Table 3 and section 2, plus the published sources named on the addition rows', true)
ON CONFLICT (param_set) DO UPDATE SET title = EXCLUDED.title, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
INSERT INTO @extschema@.gep_param (param_set, parameter, land_type, value, unit, source, builtin) VALUES
-- agricultural products: only dry land yields crops (Table 5); its yield and
-- price come from the local agricultural department and are not published
('jinsha_2022', 'crop_yield', 'forest',    0, 'kg/hm2/a', 'Xu X. et al., in press, Table 5: no agricultural products from forest land', true),
('jinsha_2022', 'crop_yield', 'grassland', 0, 'kg/hm2/a', 'Xu X. et al., in press, Table 5: no agricultural products from grassland', true),
-- water conservation
('jinsha_2022', 'precipitation', NULL, 1126.71, 'mm/a', 'Xu X. et al., in press, section 2: average annual precipitation of the study area', true),
('jinsha_2022', 'runoff_coefficient', 'forest', 0.0465, '1', 'addition, not in the GEP paper: Gong et al. 2017, Acta Ecol. Sin. 37(7):2455, Table 2, evergreen broadleaf forest 4.65% (the zonal forest of subtropical Guizhou); the paper''s coefficient (NDRC/NBS 2022) is not published', true),
('jinsha_2022', 'runoff_coefficient', 'grassland', 0.0387, '1', 'addition, not in the GEP paper: Gong et al. 2017, Table 2, (sub)tropical tussock 3.87%; the paper''s coefficient is not published', true),
('jinsha_2022', 'water_price', NULL, 2.40, 'yuan/m3', 'implied by Xu X. et al., in press, Table 4: 46.05e4 / 191860 = 2.4002 and 4.18e4 / 17414 = 2.4004 yuan/m3 (the GEP method (docs/gep.md))', true),
-- soil retention (RUSLE; K are the after-restoration values)
('jinsha_2022', 'rainfall_erosivity', NULL, 5823.42, 'MJ mm/(hm2 h a)', 'Xu X. et al., in press, Table 3 (Zhu et al. 2021: Yangtze basin in Guizhou)', true),
('jinsha_2022', 'soil_erodibility', 'forest',    0.0336, 't hm2 h/(hm2 MJ mm)', 'Xu X. et al., in press, Table 3, after restoration (Tang et al. 2016)', true),
('jinsha_2022', 'soil_erodibility', 'dryland',   0.0544, 't hm2 h/(hm2 MJ mm)', 'Xu X. et al., in press, Table 3, cultivated land after restoration (Tang et al. 2016)', true),
('jinsha_2022', 'soil_erodibility', 'grassland', 0.0378, 't hm2 h/(hm2 MJ mm)', 'Xu X. et al., in press, Table 3, after restoration (Tang et al. 2016)', true),
('jinsha_2022', 'slope_length_factor', NULL, 11.23, '1', 'Xu X. et al., in press, Table 3 (Yang et al. 2013: purple-soil hills of the southwest)', true),
('jinsha_2022', 'cover_factor', 'dryland',   0.130, '1', 'Xu X. et al., in press, Table 3 (Cai et al. 2000)', true),
('jinsha_2022', 'cover_factor', 'forest',    0.001, '1', 'Xu X. et al., in press, Table 3 (Cai et al. 2000)', true),
('jinsha_2022', 'cover_factor', 'grassland', 0.040, '1', 'Xu X. et al., in press, Table 3 (Ye et al. 2021)', true),
('jinsha_2022', 'practice_factor', 'dryland',   0.4, '1', 'Xu X. et al., in press, Table 3 (He et al. 2023)', true),
('jinsha_2022', 'practice_factor', 'forest',    1,   '1', 'Xu X. et al., in press, Table 3 (He et al. 2023)', true),
('jinsha_2022', 'practice_factor', 'grassland', 1,   '1', 'Xu X. et al., in press, Table 3 (He et al. 2023)', true),
('jinsha_2022', 'sediment_coefficient', NULL, 0.24, '1', 'addition, not in the GEP paper: lambda of the Garze GEP 2010 (Baima Zhuoga et al. 2017, Acta Ecol. Sin. 37(19):6302) citing Ouyang, Wang, Miao 1999', true),
('jinsha_2022', 'soil_bulk_density', NULL, 1.3, 't/m3', 'addition, not in the GEP paper: rho, generic 1.3 g/cm3 (Lancang River GEP 2017); the Garze 0.93 is alpine grassland', true),
('jinsha_2022', 'dredging_cost', NULL, 18.24, 'yuan/m3', 'Xu X. et al., in press, Table 3 (Ministry of Water Resources)', true),
('jinsha_2022', 'soil_nitrogen', NULL, 1.53, 'g/kg', 'Xu X. et al., in press, Table 3 (laboratory measurement)', true),
('jinsha_2022', 'soil_phosphorus', NULL, 0.72, 'g/kg', 'Xu X. et al., in press, Table 3 (laboratory measurement)', true),
('jinsha_2022', 'nitrogen_fertilizer_coefficient', NULL, 2.17, '1', 'Xu X. et al., in press, Table 3', true),
('jinsha_2022', 'phosphorus_fertilizer_coefficient', NULL, 5.56, '1', 'Xu X. et al., in press, Table 3', true),
('jinsha_2022', 'nitrogen_fertilizer_price', NULL, 1500, 'yuan/t', 'Xu X. et al., in press, Table 3 (market research)', true),
('jinsha_2022', 'phosphorus_fertilizer_price', NULL, 900, 'yuan/t', 'Xu X. et al., in press, Table 3 (market research)', true),
-- air purification
('jinsha_2022', 'so2_absorption', 'forest',    0.036,  't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'so2_absorption', 'dryland',   0.025,  't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'so2_absorption', 'grassland', 0.0294, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'nox_absorption', 'forest',    0.0226, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'nox_absorption', 'dryland',   0.0157, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'nox_absorption', 'grassland', 0.0157, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'dust_absorption', 'forest',    0.1076, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'dust_absorption', 'dryland',   0.0841, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'dust_absorption', 'grassland', 0.0847, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'so2_cost',  NULL, 1.2,  'yuan/kg', 'Xu X. et al., in press, Table 3 (NDRC pollution discharge fees)', true),
('jinsha_2022', 'nox_cost',  NULL, 0.63, 'yuan/kg', 'Xu X. et al., in press, Table 3 (NDRC pollution discharge fees)', true),
('jinsha_2022', 'dust_cost', NULL, 0.15, 'yuan/kg', 'Xu X. et al., in press, Table 3 (NDRC pollution discharge fees)', true),
-- carbon fixation, oxygen release
('jinsha_2022', 'carbon_rate', 'forest',    1.17,  't C/hm2/a', 'Xu X. et al., in press, Table 3 (Guidelines, Guizhou 2015, forest vegetation)', true),
('jinsha_2022', 'carbon_rate', 'grassland', 0.02,  't C/hm2/a', 'Xu X. et al., in press, Table 3 (Guidelines, grassland)', true),
('jinsha_2022', 'carbon_rate', 'dryland',   0.047, 't C/hm2/a', 'Xu X. et al., in press, Table 3 (Tian et al. 2014, dry land)', true),
('jinsha_2022', 'soil_carbon_coefficient', 'forest', 0.76, '1', 'Xu X. et al., in press, Table 3: forest soil 0.76, used as beta in FCSR * SF * (1 + beta) (reproduces the published 264.80 and 19.62 t CO2/a within 0.2%)', true),
('jinsha_2022', 'soil_carbon_coefficient', 'grassland', 0, '1', 'Xu X. et al., in press, Table 3: (1 + beta) applies to forest only', true),
('jinsha_2022', 'soil_carbon_coefficient', 'dryland',   0, '1', 'Xu X. et al., in press, Table 3: (1 + beta) applies to forest only', true),
('jinsha_2022', 'carbon_price', NULL, 380, 'yuan/t CO2', 'addition, not in the GEP paper: Garze GEP 2010 carbon fixation price applied to fixed CO2 (the paper''s values imply about 386)', true),
('jinsha_2022', 'oxygen_price', NULL, 1000, 'yuan/t', 'Xu X. et al., in press, Table 3 (Cao et al. 2023, Guizhou)', true),
-- climate regulation (ac_days is required: the paper''s d is not published)
('jinsha_2022', 'heat_absorbed', NULL, 81100, 'kJ/hm2/d', 'Xu X. et al., in press, Table 3 (Ouyang et al. 2013)', true),
('jinsha_2022', 'eer', NULL, 3.0, '1', 'Xu X. et al., in press, Table 3', true),
('jinsha_2022', 'electricity_price', NULL, 0.45, 'yuan/kWh', 'Xu X. et al., in press, Table 3 (China Southern Power Grid, first tariff level)', true),
-- aesthetic landscape (grain price and yield of Jinsha County are not published)
('jinsha_2022', 'landscape_factor', 'dryland',   0.06, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'landscape_factor', 'forest',    0.82, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'landscape_factor', 'grassland', 0.56, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'equivalent_coefficient', NULL, 1.0 / 7, '1', 'Xu X. et al., in press, Table 3: 1/7', true)
ON CONFLICT (param_set, parameter, land_type) DO UPDATE SET value = EXCLUDED.value, unit = EXCLUDED.unit, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- The paper's values alone: jinsha_2022 without its additions.  Soil
-- retention, water conservation and carbon fixation need overrides for
-- the parameters the paper does not give.
INSERT INTO @extschema@.gep_param_set (param_set, title, source, builtin) VALUES
('jinsha_2022_paper', 'Jinsha County (Guizhou) coal mine restoration 2022: only the values the GEP paper gives; runoff_coefficient, sediment_coefficient, soil_bulk_density and carbon_price (jinsha_2022 has documented values) and the parameters jinsha_2022 also lacks must be given as overrides',
 'the GEP paper (GEP accounting of a mine ecological restoration project, Jinsha County, Guizhou) Table 3, Table 5 and section 2', true)
ON CONFLICT (param_set) DO UPDATE SET title = EXCLUDED.title, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- built-in rows of gep_param_set that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.gep_param_set AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.param_set::text FROM (VALUES
('jinsha_2022', 'Jinsha County (Guizhou) coal mine restoration 2022: the GEP paper''s values (as jinsha_2022_paper) plus documented additions where it is silent (runoff_coefficient, sediment_coefficient, soil_bulk_density, carbon_price: sources begin "addition"); ac_days, evapotranspiration, dry-land runoff, crop yield and price, grain price and yield required',
 'the GEP paper (GEP accounting of a mine ecological restoration project, Jinsha County, Guizhou) Table 3 and section 2, plus the published sources named on the addition rows', true)
) AS v(param_set, title, source, builtin)
	UNION ALL SELECT v.param_set::text FROM (VALUES
('jinsha_2022_paper', 'Jinsha County (Guizhou) coal mine restoration 2022: only the values the GEP paper gives; runoff_coefficient, sediment_coefficient, soil_bulk_density and carbon_price (jinsha_2022 has documented values) and the parameters jinsha_2022 also lacks must be given as overrides',
 'the GEP paper (GEP accounting of a mine ecological restoration project, Jinsha County, Guizhou) Table 3, Table 5 and section 2', true)
) AS v(param_set, title, source, builtin)) AS k(param_set)
	WHERE k.param_set IS NOT DISTINCT FROM t.param_set);
INSERT INTO @extschema@.gep_param (param_set, parameter, land_type, value, unit, source, builtin)
(SELECT 'jinsha_2022_paper', v.parameter, v.land_type, v.value, v.unit, v.source, true
FROM @extschema@.gep_param v
WHERE v.param_set OPERATOR(pg_catalog.=) 'jinsha_2022' AND v.source NOT LIKE 'addition%'
)
ON CONFLICT (param_set, parameter, land_type) DO UPDATE SET value = EXCLUDED.value, unit = EXCLUDED.unit, source = EXCLUDED.source, builtin = EXCLUDED.builtin;
-- built-in rows of gep_param that 0.2.0 does not ship (user rows, those pg_dump dumps, stay)
DELETE FROM @extschema@.gep_param AS t
WHERE NOT (NOT builtin)
  AND NOT EXISTS (SELECT FROM (
	SELECT v.param_set::text, v.parameter::text, v.land_type::text FROM (VALUES
-- agricultural products: only dry land yields crops (Table 5); its yield and
-- price come from the local agricultural department and are not published
('jinsha_2022', 'crop_yield', 'forest',    0, 'kg/hm2/a', 'Xu X. et al., in press, Table 5: no agricultural products from forest land', true),
('jinsha_2022', 'crop_yield', 'grassland', 0, 'kg/hm2/a', 'Xu X. et al., in press, Table 5: no agricultural products from grassland', true),
-- water conservation
('jinsha_2022', 'precipitation', NULL, 1126.71, 'mm/a', 'Xu X. et al., in press, section 2: average annual precipitation of the study area', true),
('jinsha_2022', 'runoff_coefficient', 'forest', 0.0465, '1', 'addition, not in the GEP paper: Gong et al. 2017, Acta Ecol. Sin. 37(7):2455, Table 2, evergreen broadleaf forest 4.65% (the zonal forest of subtropical Guizhou); the paper''s coefficient (NDRC/NBS 2022) is not published', true),
('jinsha_2022', 'runoff_coefficient', 'grassland', 0.0387, '1', 'addition, not in the GEP paper: Gong et al. 2017, Table 2, (sub)tropical tussock 3.87%; the paper''s coefficient is not published', true),
('jinsha_2022', 'water_price', NULL, 2.40, 'yuan/m3', 'implied by Xu X. et al., in press, Table 4: 46.05e4 / 191860 = 2.4002 and 4.18e4 / 17414 = 2.4004 yuan/m3 (the GEP method (docs/gep.md))', true),
-- soil retention (RUSLE; K are the after-restoration values)
('jinsha_2022', 'rainfall_erosivity', NULL, 5823.42, 'MJ mm/(hm2 h a)', 'Xu X. et al., in press, Table 3 (Zhu et al. 2021: Yangtze basin in Guizhou)', true),
('jinsha_2022', 'soil_erodibility', 'forest',    0.0336, 't hm2 h/(hm2 MJ mm)', 'Xu X. et al., in press, Table 3, after restoration (Tang et al. 2016)', true),
('jinsha_2022', 'soil_erodibility', 'dryland',   0.0544, 't hm2 h/(hm2 MJ mm)', 'Xu X. et al., in press, Table 3, cultivated land after restoration (Tang et al. 2016)', true),
('jinsha_2022', 'soil_erodibility', 'grassland', 0.0378, 't hm2 h/(hm2 MJ mm)', 'Xu X. et al., in press, Table 3, after restoration (Tang et al. 2016)', true),
('jinsha_2022', 'slope_length_factor', NULL, 11.23, '1', 'Xu X. et al., in press, Table 3 (Yang et al. 2013: purple-soil hills of the southwest)', true),
('jinsha_2022', 'cover_factor', 'dryland',   0.130, '1', 'Xu X. et al., in press, Table 3 (Cai et al. 2000)', true),
('jinsha_2022', 'cover_factor', 'forest',    0.001, '1', 'Xu X. et al., in press, Table 3 (Cai et al. 2000)', true),
('jinsha_2022', 'cover_factor', 'grassland', 0.040, '1', 'Xu X. et al., in press, Table 3 (Ye et al. 2021)', true),
('jinsha_2022', 'practice_factor', 'dryland',   0.4, '1', 'Xu X. et al., in press, Table 3 (He et al. 2023)', true),
('jinsha_2022', 'practice_factor', 'forest',    1,   '1', 'Xu X. et al., in press, Table 3 (He et al. 2023)', true),
('jinsha_2022', 'practice_factor', 'grassland', 1,   '1', 'Xu X. et al., in press, Table 3 (He et al. 2023)', true),
('jinsha_2022', 'sediment_coefficient', NULL, 0.24, '1', 'addition, not in the GEP paper: lambda of the Garze GEP 2010 (Baima Zhuoga et al. 2017, Acta Ecol. Sin. 37(19):6302) citing Ouyang, Wang, Miao 1999', true),
('jinsha_2022', 'soil_bulk_density', NULL, 1.3, 't/m3', 'addition, not in the GEP paper: rho, generic 1.3 g/cm3 (Lancang River GEP 2017); the Garze 0.93 is alpine grassland', true),
('jinsha_2022', 'dredging_cost', NULL, 18.24, 'yuan/m3', 'Xu X. et al., in press, Table 3 (Ministry of Water Resources)', true),
('jinsha_2022', 'soil_nitrogen', NULL, 1.53, 'g/kg', 'Xu X. et al., in press, Table 3 (laboratory measurement)', true),
('jinsha_2022', 'soil_phosphorus', NULL, 0.72, 'g/kg', 'Xu X. et al., in press, Table 3 (laboratory measurement)', true),
('jinsha_2022', 'nitrogen_fertilizer_coefficient', NULL, 2.17, '1', 'Xu X. et al., in press, Table 3', true),
('jinsha_2022', 'phosphorus_fertilizer_coefficient', NULL, 5.56, '1', 'Xu X. et al., in press, Table 3', true),
('jinsha_2022', 'nitrogen_fertilizer_price', NULL, 1500, 'yuan/t', 'Xu X. et al., in press, Table 3 (market research)', true),
('jinsha_2022', 'phosphorus_fertilizer_price', NULL, 900, 'yuan/t', 'Xu X. et al., in press, Table 3 (market research)', true),
-- air purification
('jinsha_2022', 'so2_absorption', 'forest',    0.036,  't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'so2_absorption', 'dryland',   0.025,  't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'so2_absorption', 'grassland', 0.0294, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'nox_absorption', 'forest',    0.0226, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'nox_absorption', 'dryland',   0.0157, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'nox_absorption', 'grassland', 0.0157, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'dust_absorption', 'forest',    0.1076, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'dust_absorption', 'dryland',   0.0841, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'dust_absorption', 'grassland', 0.0847, 't/hm2/a', 'Xu X. et al., in press, Table 3 (NDRC/NBS 2022 specification)', true),
('jinsha_2022', 'so2_cost',  NULL, 1.2,  'yuan/kg', 'Xu X. et al., in press, Table 3 (NDRC pollution discharge fees)', true),
('jinsha_2022', 'nox_cost',  NULL, 0.63, 'yuan/kg', 'Xu X. et al., in press, Table 3 (NDRC pollution discharge fees)', true),
('jinsha_2022', 'dust_cost', NULL, 0.15, 'yuan/kg', 'Xu X. et al., in press, Table 3 (NDRC pollution discharge fees)', true),
-- carbon fixation, oxygen release
('jinsha_2022', 'carbon_rate', 'forest',    1.17,  't C/hm2/a', 'Xu X. et al., in press, Table 3 (Guidelines, Guizhou 2015, forest vegetation)', true),
('jinsha_2022', 'carbon_rate', 'grassland', 0.02,  't C/hm2/a', 'Xu X. et al., in press, Table 3 (Guidelines, grassland)', true),
('jinsha_2022', 'carbon_rate', 'dryland',   0.047, 't C/hm2/a', 'Xu X. et al., in press, Table 3 (Tian et al. 2014, dry land)', true),
('jinsha_2022', 'soil_carbon_coefficient', 'forest', 0.76, '1', 'Xu X. et al., in press, Table 3: forest soil 0.76, used as beta in FCSR * SF * (1 + beta) (reproduces the published 264.80 and 19.62 t CO2/a within 0.2%)', true),
('jinsha_2022', 'soil_carbon_coefficient', 'grassland', 0, '1', 'Xu X. et al., in press, Table 3: (1 + beta) applies to forest only', true),
('jinsha_2022', 'soil_carbon_coefficient', 'dryland',   0, '1', 'Xu X. et al., in press, Table 3: (1 + beta) applies to forest only', true),
('jinsha_2022', 'carbon_price', NULL, 380, 'yuan/t CO2', 'addition, not in the GEP paper: Garze GEP 2010 carbon fixation price applied to fixed CO2 (the paper''s values imply about 386)', true),
('jinsha_2022', 'oxygen_price', NULL, 1000, 'yuan/t', 'Xu X. et al., in press, Table 3 (Cao et al. 2023, Guizhou)', true),
-- climate regulation (ac_days is required: the paper''s d is not published)
('jinsha_2022', 'heat_absorbed', NULL, 81100, 'kJ/hm2/d', 'Xu X. et al., in press, Table 3 (Ouyang et al. 2013)', true),
('jinsha_2022', 'eer', NULL, 3.0, '1', 'Xu X. et al., in press, Table 3', true),
('jinsha_2022', 'electricity_price', NULL, 0.45, 'yuan/kWh', 'Xu X. et al., in press, Table 3 (China Southern Power Grid, first tariff level)', true),
-- aesthetic landscape (grain price and yield of Jinsha County are not published)
('jinsha_2022', 'landscape_factor', 'dryland',   0.06, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'landscape_factor', 'forest',    0.82, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'landscape_factor', 'grassland', 0.56, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'equivalent_coefficient', NULL, 1.0 / 7, '1', 'Xu X. et al., in press, Table 3: 1/7', true)
) AS v(param_set, parameter, land_type, value, unit, source, builtin)
	UNION ALL SELECT v.param_set::text, v.parameter::text, v.land_type::text FROM (SELECT 'jinsha_2022_paper', v.parameter, v.land_type, v.value, v.unit, v.source, true
FROM @extschema@.gep_param v
WHERE v.param_set OPERATOR(pg_catalog.=) 'jinsha_2022' AND v.source NOT LIKE 'addition%'
) AS v(param_set, parameter, land_type, value, unit, source, builtin)) AS k(param_set, parameter, land_type)
	WHERE k.param_set IS NOT DISTINCT FROM t.param_set AND k.parameter IS NOT DISTINCT FROM t.parameter AND k.land_type IS NOT DISTINCT FROM t.land_type);

-- ==================== sql/install/60-water.sql ====================
-- type water_footprint_hm2: in 0.1.0 already
COMMENT ON TYPE @extschema@.water_footprint_hm2 IS
	'Water resource ecological footprint in national hm2 by sub-account (the water-footprint paper, 2024, Table 5): aquatic products, freshwater use, pollution dilution, and their total';
COMMENT ON COLUMN @extschema@.water_footprint_hm2.aquatic IS
	'Aquatic product footprint, national hm2 = a_w * aquatic output (t) / aquatic productivity (t/hm2)';
COMMENT ON COLUMN @extschema@.water_footprint_hm2.freshwater IS
	'Freshwater footprint, national hm2 = a_w * freshwater use (m3) / P_w (m3/hm2)';
COMMENT ON COLUMN @extschema@.water_footprint_hm2.pollution IS
	'Water pollution footprint, national hm2 = a_w * pollution dilution water (m3) / P_w (m3/hm2)';
COMMENT ON COLUMN @extschema@.water_footprint_hm2.total IS
	'Total water resource ecological footprint EF_w, national hm2 = aquatic + freshwater + pollution';
-- type water_balance: in 0.1.0 already
COMMENT ON TYPE @extschema@.water_balance IS
	'Water resource ecological deficit/surplus and its monetary value (the water-footprint paper, 2024, Table 7): erd in national hm2, value_yuan in yuan, role payer/recipient/balanced';
COMMENT ON COLUMN @extschema@.water_balance.erd IS
	'Ecological deficit (< 0) or surplus (> 0) ERD = EC_w - EF_w, national hm2';
COMMENT ON COLUMN @extschema@.water_balance.value_yuan IS
	'Monetary value of the deficit/surplus, yuan = ERD * unit value (yuan per national hm2); negative for a deficit';
COMMENT ON COLUMN @extschema@.water_balance.role IS
	'payer (deficit, ERD < 0), recipient (surplus, ERD > 0) or balanced (ERD = 0)';
CREATE OR REPLACE FUNCTION @extschema@.water_footprint(aquatic_t double precision,
	freshwater_m3 double precision, pollution_m3 double precision,
	equivalence_factor double precision DEFAULT 2.70,
	water_productivity double precision DEFAULT 2912,
	aquatic_productivity double precision DEFAULT 0.029)
RETURNS @extschema@.water_footprint_hm2
AS 'MODULE_PATHNAME', 'water_footprint'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_footprint(double precision, double precision, double precision,
	double precision, double precision, double precision) IS
	'Water resource ecological footprint in national hm2 (the water-footprint paper, 2024, eq. 1): aquatic = a_w * aquatic_t / aquatic_productivity (t/hm2, default 0.029 = world average fish yield 29 kg/hm2, not given by the paper), freshwater = a_w * freshwater_m3 / P_w, pollution = a_w * pollution_m3 / P_w; a_w default 2.70, P_w default 2912 m3/hm2 (the water-footprint paper (2024))';
CREATE OR REPLACE FUNCTION @extschema@.water_carrying_capacity(q_m3 double precision,
	yield_factor double precision DEFAULT 1.98,
	equivalence_factor double precision DEFAULT 2.70,
	ecological_reserve double precision DEFAULT 0.6,
	water_productivity double precision DEFAULT 2912)
RETURNS double precision
AS 'MODULE_PATHNAME', 'water_carrying_capacity'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_carrying_capacity(double precision, double precision, double precision,
	double precision, double precision) IS
	'Water resource ecological carrying capacity EC_w in national hm2 = (1 - ecological_reserve) * psi * a_w * Q (m3) / P_w (m3/hm2) (the water-footprint paper, 2024, eq. 2); defaults psi 1.98, a_w 2.70, reserve 0.6 in [0, 1), P_w 2912 m3/hm2';
CREATE OR REPLACE FUNCTION @extschema@.water_compensation(ef double precision, ec double precision,
	unit_value double precision DEFAULT 2476)
RETURNS @extschema@.water_balance
AS 'MODULE_PATHNAME', 'water_compensation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_compensation(double precision, double precision, double precision) IS
	'Water ecological deficit/surplus ERD = EC_w - EF_w (national hm2, the water-footprint paper, 2024, eq. 3), its value in yuan = ERD * unit_value (yuan per national hm2, default 2476 of the water-footprint paper (2024)) and the role: payer (ERD < 0), recipient (ERD > 0), balanced';
CREATE OR REPLACE FUNCTION @extschema@.water_equivalence_factor(
	water_gdp_per_m3 double precision DEFAULT 11.7,
	water_per_hm2 double precision DEFAULT 1042,
	arable_gdp_per_hm2 double precision DEFAULT 7863,
	arable_equivalence_factor double precision DEFAULT 1.74)
RETURNS double precision
AS 'MODULE_PATHNAME', 'water_equivalence_factor'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_equivalence_factor(double precision, double precision, double precision, double precision) IS
	'Water equivalence factor a_w = arable factor * (GDP per m3 of water, yuan/m3 * usable water per hectare, m3/hm2) / GDP per hectare of arable land, yuan/hm2 (the water-footprint paper, 2024, sec. 2.2.1); defaults 11.7 yuan/m3, 1042 m3/hm2, 7863 yuan/hm2, 1.74 give 2.698, the paper''s 2.70';
CREATE OR REPLACE FUNCTION @extschema@.water_unit_value(equivalents double precision, ec double precision,
	ea double precision DEFAULT 3452)
RETURNS double precision
AS 'MODULE_PATHNAME', 'water_unit_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_unit_value(double precision, double precision, double precision) IS
	'Monetary value per national hm2 of water carrying capacity, yuan = E_a (yuan/hm2, default 3452 of the water-footprint paper (2024)) * ecological equivalents of the accounts to compensate (hm2 of equivalent factor 1) / EC_w of the same region (national hm2) (the water-footprint paper, 2024, sec. 2.2.3; the paper gets 2476)';
CREATE OR REPLACE FUNCTION @extschema@.water_footprint_add(@extschema@.water_footprint_hm2, @extschema@.water_footprint_hm2)
RETURNS @extschema@.water_footprint_hm2
AS 'MODULE_PATHNAME', 'water_footprint_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_footprint_add(@extschema@.water_footprint_hm2, @extschema@.water_footprint_hm2) IS
	'Sum of two water footprints field by field, national hm2 (transition and combine function of water_footprint_sum); a NULL argument is skipped, NULL fields are an error';
CREATE OR REPLACE AGGREGATE @extschema@.water_footprint_sum(@extschema@.water_footprint_hm2) (
	SFUNC = @extschema@.water_footprint_add,
	STYPE = @extschema@.water_footprint_hm2,
	COMBINEFUNC = @extschema@.water_footprint_add,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.water_footprint_sum(@extschema@.water_footprint_hm2) IS
	'Water footprint of a zone in national hm2: the field-by-field sum of its districts'' footprints (EF is linear in its inputs); NULL rows are skipped, no rows give NULL';
CREATE OR REPLACE FUNCTION @extschema@.water_balance_add(@extschema@.water_balance, @extschema@.water_balance)
RETURNS @extschema@.water_balance
AS 'MODULE_PATHNAME', 'water_balance_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_balance_add(@extschema@.water_balance, @extschema@.water_balance) IS
	'Sum of two water balances: erd (national hm2) and value_yuan (yuan) added, role from the sign of the summed erd (transition and combine function of water_balance_sum)';
CREATE OR REPLACE AGGREGATE @extschema@.water_balance_sum(@extschema@.water_balance) (
	SFUNC = @extschema@.water_balance_add,
	STYPE = @extschema@.water_balance,
	COMBINEFUNC = @extschema@.water_balance_add,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.water_balance_sum(@extschema@.water_balance) IS
	'Water balance of a zone: erd (national hm2) and value_yuan (yuan) summed over its districts, role (payer/recipient/balanced) from the sign of the zone''s erd; NULL rows are skipped, no rows give NULL';

-- ==================== sql/install/70-vcs.sql ====================
------------------------------------------------------------------------------
-- Vegetation carbon sequestration and the carbon deficit of mining
-- (the carbon paper (Xu Y. et al. 2024))
------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.vcs(npp_g_c_m2 double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'vcs_from_npp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs(double precision) IS
	'Vegetation carbon sequestration in g CO2/m2/a from NPP in g C/m2/a: VCS = NPP * 2.2 * 1.63 (the carbon paper (Xu Y. et al. 2024))';
CREATE OR REPLACE FUNCTION @extschema@.npp_from_modis(dn integer)
RETURNS double precision
AS 'MODULE_PATHNAME', 'npp_from_modis_dn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npp_from_modis(integer) IS
	'NPP in g C/m2/a from a MOD17A3HGF Npp_500m digital number (DN * 0.0001 kg C/m2 = DN * 0.1 g C/m2); NULL for the fill and non-vegetated codes 32761..32767';
-- type vcs_deficit_result: in 0.1.0 already
COMMENT ON TYPE @extschema@.vcs_deficit_result IS
	'Carbon deficit of one pixel or unit, in the unit of the VCS input (g CO2/m2/a per year, sums in g CO2/m2): baseline line (slope per year, intercept at year 0) fitted on baseline_years years before destruction, direct decrease and increase, potential changes C_destroy and C_restore, VCSD = -(C_destroy + C_restore)';
CREATE OR REPLACE FUNCTION @extschema@.vcs_deficit_accum(state double precision[], year integer, vcs double precision,
	destroyed_year integer, restored_year integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_deficit_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_deficit_accum(double precision[], integer, double precision, integer, integer) IS
	'Transition function of vcs_deficit: appends (year, VCS) to the series state in place';
CREATE OR REPLACE FUNCTION @extschema@.vcs_deficit_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_deficit_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_deficit_combine(double precision[], double precision[]) IS
	'Combine function of vcs_deficit: the union of two partial series';
CREATE OR REPLACE FUNCTION @extschema@.vcs_deficit_final(state double precision[])
RETURNS @extschema@.vcs_deficit_result
AS 'MODULE_PATHNAME', 'vcs_deficit_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_deficit_final(double precision[]) IS
	'Final function of vcs_deficit: baseline, direct and potential changes, VCSD';
CREATE OR REPLACE AGGREGATE @extschema@.vcs_deficit(year integer, vcs double precision, destroyed_year integer, restored_year integer) (
	SFUNC = @extschema@.vcs_deficit_accum,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.vcs_deficit_combine,
	FINALFUNC = @extschema@.vcs_deficit_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.vcs_deficit(integer, double precision, integer, integer) IS
	'Carbon deficit of one pixel''s or unit''s yearly VCS series (g CO2/m2/a) given its destruction and restoration years (NULL: none); rows in any order, a NULL VCS is a missing year (Xu Y. et al. 2024, eqs. 2-5)';

-- ==================== sql/install/75-vcs-raster.sql ====================
------------------------------------------------------------------------------
-- Vegetation carbon sequestration on rasters (the carbon paper (Xu Y. et al. 2024)):
-- MODIS NPP to NPP and VCS rasters, the scale transformation of coarse NPP
-- to the 30 m disturbance grid (eq. 1), pixel coverage and values keyed by a
-- grid-global pixel id (to fill an account's mine_vcs), and the per-pixel
-- VCS trend.  Rasters made here are one- or two-band 32BF with nodata
-- -3.4028234663852886e+38 (-FLT_MAX): NPP and VCS can be negative.
-- The install script runs with PostGIS's schema on search_path.
------------------------------------------------------------------------------

-- The band has no DEFAULT here: with one, npp_from_modis('...') and
-- vcs('NaN') (untyped literals, valid calls of the float8 / integer
-- versions) would become ambiguous between the two overloads.
CREATE OR REPLACE FUNCTION @extschema@.npp_from_modis(rast raster, band integer)
RETURNS raster
AS 'MODULE_PATHNAME', 'npp_from_modis_raster'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_from_modis(raster, integer) IS
	'One-band 32BF raster of NPP in g C/m2/a from MOD17A3HGF Npp_500m digital numbers (integer band): DN * 0.1 (0.0001 kg C/m2); the fill and non-vegetated codes 32761..32767 and the band''s nodata become nodata (-3.4028235e38); other values outside -30000..32700 are an error';
CREATE OR REPLACE FUNCTION @extschema@.vcs(rast raster, band integer)
RETURNS raster
AS 'MODULE_PATHNAME', 'vcs_raster'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs(raster, integer) IS
	'One-band 32BF raster of vegetation carbon sequestration in g CO2/m2/a from an NPP raster in g C/m2/a (any numeric band): VCS = NPP * 2.2 * 1.63 (Xu Y. et al. 2024, eq. 2); nodata stays nodata (-3.4028235e38)';
CREATE OR REPLACE FUNCTION @extschema@.npp_downscale(npp raster, disturbance raster, year integer,
	npp_background double precision, npp_band integer DEFAULT 1)
RETURNS raster
AS 'MODULE_PATHNAME', 'npp_downscale'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_downscale(raster, raster, integer, double precision, integer) IS
	'Scale transformation of coarse NPP (g C/m2/a) to the fine disturbance grid (Xu Y. et al. 2024, eq. 1): a one-band 32BF raster on the disturbance grid with NPP_a = (NPP_b * S - NPP_bg * (S - S_veg)) / S_veg (g C/m2/a) for pixels vegetated in year, 0 for destroyed ones; S, S_veg counted in fine pixels by centre; nodata where the coarse pixel is nodata, missing or not entirely covered by the disturbance raster. Disturbance band 1: destruction year, band 2: restoration year (0 or nodata: none). NULL rasters give NULL';
CREATE OR REPLACE FUNCTION @extschema@.npp_background_transfn(state double precision[], npp raster, disturbance raster, year integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'npp_background_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_background_transfn(double precision[], raster, raster, integer) IS
	'Transition function of npp_background: adds the NPP (g C/m2/a) of the coarse pixels of one tile pair entirely destroyed in year; state {pixels, sum of NPP, year}';
CREATE OR REPLACE FUNCTION @extschema@.npp_background_transfn(state double precision[], npp raster, disturbance raster, year integer, npp_band integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'npp_background_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_background_transfn(double precision[], raster, raster, integer, integer) IS
	'Transition function of npp_background: adds the NPP (g C/m2/a) of the coarse pixels of one tile pair entirely destroyed in year; state {pixels, sum of NPP, year}';
CREATE OR REPLACE FUNCTION @extschema@.npp_background_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'npp_background_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npp_background_combine(double precision[], double precision[]) IS
	'Combine function of npp_background: adds the pixel counts and NPP sums (g C/m2/a) of two partial states of the same year';
CREATE OR REPLACE FUNCTION @extschema@.npp_background_final(state double precision[])
RETURNS double precision
AS 'MODULE_PATHNAME', 'npp_background_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npp_background_final(double precision[]) IS
	'Final function of npp_background: mean NPP (g C/m2/a) of the entirely destroyed coarse pixels, NULL when there is none';
CREATE OR REPLACE AGGREGATE @extschema@.npp_background(npp raster, disturbance raster, year integer) (
	SFUNC = @extschema@.npp_background_transfn,
	STYPE = double precision[],
	INITCOND = '{0,0,NaN}',
	COMBINEFUNC = @extschema@.npp_background_combine,
	FINALFUNC = @extschema@.npp_background_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.npp_background(raster, raster, integer) IS
	'Background NPP_bg of Xu Y. et al. 2024, eq. 1 (g C/m2/a): the mean NPP of the coarse pixels entirely destroyed in year (S_veg = 0) and entirely covered by a disturbance tile, over all rows; NULL when there is none. The paper krigs this background; npp_downscale takes any value. npp_band default 1';
CREATE OR REPLACE AGGREGATE @extschema@.npp_background(npp raster, disturbance raster, year integer, npp_band integer) (
	SFUNC = @extschema@.npp_background_transfn,
	STYPE = double precision[],
	INITCOND = '{0,0,NaN}',
	COMBINEFUNC = @extschema@.npp_background_combine,
	FINALFUNC = @extschema@.npp_background_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.npp_background(raster, raster, integer, integer) IS
	'Background NPP_bg of Xu Y. et al. 2024, eq. 1 (g C/m2/a): the mean NPP of the coarse pixels entirely destroyed in year (S_veg = 0) and entirely covered by a disturbance tile, over all rows; NULL when there is none. The paper krigs this background; npp_downscale takes any value';
CREATE OR REPLACE FUNCTION @extschema@.pixel_coverage(rast raster, geom geometry, coverage text DEFAULT 'exact')
RETURNS TABLE (pixel_id bigint, x double precision, y double precision, fraction double precision, area_m2 double precision)
AS 'MODULE_PATHNAME', 'pixel_coverage'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 1000 ROWS 1000;
COMMENT ON FUNCTION @extschema@.pixel_coverage(raster, geometry, text) IS
	'Pixels of a tile covered by a polygon: grid-global pixel_id (floor(x/|scale_x|) * 2^32 + floor(y/|scale_y|) + 2^31), centre x, y (CRS units), covered fraction (0..1; 1 per centre-covered pixel with coverage ''center'') and covered area in m2 (fraction * pixel area; ellipsoidal cell area in geographic CRSs)';
CREATE OR REPLACE FUNCTION @extschema@.pixel_values(rast raster, band integer DEFAULT 1)
RETURNS TABLE (pixel_id bigint, x double precision, y double precision, value double precision)
AS 'MODULE_PATHNAME', 'pixel_values'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000 ROWS 10000;
COMMENT ON FUNCTION @extschema@.pixel_values(raster, integer) IS
	'Every non-nodata pixel of a band (any numeric type): grid-global pixel_id (as pixel_coverage), centre x, y (CRS units) and value (in the band''s unit)';
CREATE OR REPLACE FUNCTION @extschema@.student_t_p_value(t double precision, df double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'student_t_p_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.student_t_p_value(double precision, double precision) IS
	'Two-sided p-value (dimensionless, 0..1) of Student''s t statistic t with df degrees of freedom (0 < df <= 1e7): I_{df/(df+t^2)}(df/2, 1/2), the regularized incomplete beta function';
CREATE OR REPLACE FUNCTION @extschema@.vcs_trend_transfn(state double precision[], rast raster, year integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs_trend_transfn(double precision[], raster, integer) IS
	'Transition function of vcs_trend: adds one year''s tile to the per-pixel sums n, t, t^2, v, t v, v^2 (t = year - 2000, v in the unit of the band)';
CREATE OR REPLACE FUNCTION @extschema@.vcs_trend_transfn(state double precision[], rast raster, year integer, band integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs_trend_transfn(double precision[], raster, integer, integer) IS
	'Transition function of vcs_trend: adds one year''s tile to the per-pixel sums n, t, t^2, v, t v, v^2 (t = year - 2000, v in the unit of the band)';
CREATE OR REPLACE FUNCTION @extschema@.vcs_trend_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_trend_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_trend_combine(double precision[], double precision[]) IS
	'Combine function of vcs_trend: adds the per-pixel sums of two partial states of the same grid and distinct years';
CREATE OR REPLACE FUNCTION @extschema@.vcs_trend_final(state double precision[])
RETURNS raster
AS 'MODULE_PATHNAME', 'vcs_trend_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_trend_final(double precision[]) IS
	'Final function of vcs_trend: two-band 32BF raster, band 1 least-squares slope (unit of the values per year, g CO2/m2/a per year for VCS), band 2 two-sided p-value of slope = 0 (df = n - 2)';
CREATE OR REPLACE AGGREGATE @extschema@.vcs_trend(rast raster, year integer) (
	SFUNC = @extschema@.vcs_trend_transfn,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.vcs_trend_combine,
	FINALFUNC = @extschema@.vcs_trend_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.vcs_trend(raster, integer) IS
	'Per-pixel trend of yearly tiles of one grid position (GROUP BY the tile position): two-band 32BF raster, band 1 least-squares slope of the value against the year (g CO2/m2/a per year for VCS), band 2 two-sided p-value of the t test of slope = 0 (df = n - 2); nodata where a pixel has fewer than 3 years; band 1 of the tiles';
CREATE OR REPLACE AGGREGATE @extschema@.vcs_trend(rast raster, year integer, band integer) (
	SFUNC = @extschema@.vcs_trend_transfn,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.vcs_trend_combine,
	FINALFUNC = @extschema@.vcs_trend_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.vcs_trend(raster, integer, integer) IS
	'Per-pixel trend of yearly tiles of one grid position (GROUP BY the tile position): two-band 32BF raster, band 1 least-squares slope of the value against the year (g CO2/m2/a per year for VCS), band 2 two-sided p-value of the t test of slope = 0 (df = n - 2); nodata where a pixel has fewer than 3 years';

-- ==================== sql/install/76-weighted-stats.sql ====================
-- type weighted_stats_result: in 0.1.0 already
COMMENT ON TYPE @extschema@.weighted_stats_result IS
	'Weighted statistics: sum of weights (unit of the weight, e.g. m2), weighted mean, weighted population standard deviation, minimum and maximum (unit of the value), number of rows with a positive weight';
CREATE OR REPLACE FUNCTION @extschema@.weighted_stats_accum(state double precision[], value double precision, weight double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'weighted_stats_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_stats_accum(double precision[], double precision, double precision) IS
	'Transition function of weighted_stats (West''s weighted update, in place)';
CREATE OR REPLACE FUNCTION @extschema@.weighted_stats_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'weighted_stats_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_stats_combine(double precision[], double precision[]) IS
	'Combine function of weighted_stats (merges two partial states)';
CREATE OR REPLACE FUNCTION @extschema@.weighted_stats_final(state double precision[])
RETURNS @extschema@.weighted_stats_result
AS 'MODULE_PATHNAME', 'weighted_stats_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_stats_final(double precision[]) IS
	'Final function of weighted_stats';
CREATE OR REPLACE AGGREGATE @extschema@.weighted_stats(value double precision, weight double precision) (
	SFUNC = @extschema@.weighted_stats_accum,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.weighted_stats_combine,
	FINALFUNC = @extschema@.weighted_stats_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.weighted_stats(double precision, double precision) IS
	'Weighted mean, population standard deviation, min, max of value with non-negative weights (rows with a NULL value or weight, or weight 0, are skipped); e.g. area-weighted annual VCS over a region from pixel_coverage x pixel_values';

-- ==================== sql/install/77-vcs-class.sql ====================
------------------------------------------------------------------------------
-- VCS trend significance classes (the carbon paper, Fig. 1b) and the
-- background NPP as a surface for the scale transformation (eq. 1):
-- a raster background on the NPP grid, and an inverse-distance estimate
-- (docs/vcs.md).
------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.vcs_trend_class(slope double precision, p_value double precision)
RETURNS text
AS 'MODULE_PATHNAME', 'vcs_trend_class'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_trend_class(double precision, double precision) IS
	'Trend significance class of the carbon paper (Fig. 1b) from a least-squares slope and the two-sided p-value of its t test: extremely significant improvement / degradation (p < 0.01), significant improvement / degradation (0.01 <= p < 0.05), insignificant change (p >= 0.05 or slope 0); p outside [0, 1] is an error';
CREATE OR REPLACE FUNCTION @extschema@.vcs_trend_class_code(slope double precision, p_value double precision)
RETURNS integer
AS 'MODULE_PATHNAME', 'vcs_trend_class_code'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_trend_class_code(double precision, double precision) IS
	'Code of the trend significance class: 2 extremely significant improvement, 1 significant improvement, 0 insignificant change, -1 significant degradation, -2 extremely significant degradation (vcs_trend_classes() lists them)';
CREATE OR REPLACE FUNCTION @extschema@.vcs_trend_classes()
RETURNS TABLE (code integer, label text, rule text)
AS 'MODULE_PATHNAME', 'vcs_trend_classes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@.vcs_trend_classes() IS
	'The trend significance classes: code (as vcs_trend_class_code and the band of vcs_trend_class(raster)), label (as vcs_trend_class) and the rule on the slope and p-value';
CREATE OR REPLACE FUNCTION @extschema@.vcs_trend_class(trend raster)
RETURNS raster
AS 'MODULE_PATHNAME', 'vcs_trend_class_raster'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs_trend_class(raster) IS
	'Class band of a vcs_trend raster (band 1 slope, band 2 p-value): one 8BSI band of the codes of vcs_trend_class_code (2..-2), nodata -128 where the slope or the p-value is nodata; same georeference';
-- npp_band has no DEFAULT here: with one, npp_downscale(npp, dist, year, NULL)
-- would be ambiguous between the float8 and the raster background.
CREATE OR REPLACE FUNCTION @extschema@.npp_downscale(npp raster, disturbance raster, year integer,
	npp_background raster, npp_band integer)
RETURNS raster
AS 'MODULE_PATHNAME', 'npp_downscale_surface'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_downscale(raster, raster, integer, raster, integer) IS
	'Scale transformation of coarse NPP (g C/m2/a) as npp_downscale with a float8 background, the background NPP_bg of each partly destroyed coarse pixel read from band 1 of npp_background, a raster on the NPP grid (same SRID, pixel size and alignment, else an error), e.g. a kriged surface or npp_background_idw; a partly destroyed coarse pixel without a background value is an error';
CREATE OR REPLACE FUNCTION @extschema@.npp_background_idw(npp raster, disturbance raster, year integer,
	power double precision DEFAULT 2, npp_band integer DEFAULT 1)
RETURNS raster
AS 'MODULE_PATHNAME', 'npp_background_idw'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_background_idw(raster, raster, integer, double precision, integer) IS
	'Background NPP surface (g C/m2/a) on the grid of npp: inverse-distance weighted mean (weights 1/d^power, d between pixel centres, power default 2) of the NPP of the coarse pixels entirely destroyed in year and entirely covered by the disturbance raster (the samples of npp_background); a sample pixel keeps its value; NULL when there is none. A built-in estimate: the carbon paper krigs these samples';
------------------------------------------------------------------------------
-- The carbon deficit of one series year by year (the carbon paper's Fig. 2
-- per pixel): the baseline comes from the vcs_deficit aggregate, so the
-- yearly terms add up to its totals.
------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.vcs_deficit_series(years integer[], vcs_values double precision[],
	destroyed_year integer, restored_year integer)
RETURNS TABLE (year integer, vcs double precision, baseline double precision, phase text,
	destroyed_this_year boolean, restored_this_year boolean,
	direct_decrease double precision, direct_increase double precision,
	c_destroy double precision, c_restore double precision)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	IF years IS NULL OR vcs_deficit_series.vcs_values IS NULL THEN
		RETURN;
	END IF;
	IF pg_catalog.cardinality(years) OPERATOR(pg_catalog.<>) pg_catalog.cardinality(vcs_deficit_series.vcs_values) THEN
		RAISE EXCEPTION 'years and vcs must have the same length, not % and %',
			pg_catalog.cardinality(years), pg_catalog.cardinality(vcs_deficit_series.vcs_values)
			USING ERRCODE = 'invalid_parameter_value';
	END IF;
	RETURN QUERY
	WITH s AS (
		SELECT u.y, u.v FROM ROWS FROM (pg_catalog.unnest(years), pg_catalog.unnest(vcs_deficit_series.vcs_values)) AS u(y, v)
		WHERE u.v IS NOT NULL
	), d AS (
		SELECT @extschema@.vcs_deficit(s.y, s.v, destroyed_year, restored_year) AS r FROM s
	), e AS (
		SELECT pg_catalog.min(s.y) FILTER (WHERE s.y OPERATOR(pg_catalog.>=) destroyed_year) AS td,
			   pg_catalog.min(s.y) FILTER (WHERE s.y OPERATOR(pg_catalog.>=) restored_year) AS tr
		FROM s
	), o AS (
		SELECT s.y, s.v, pg_catalog.lag(s.v) OVER (ORDER BY s.y) AS prev,
			   CASE WHEN e.td IS NULL OR s.y OPERATOR(pg_catalog.<) e.td THEN 'undisturbed'
					WHEN e.tr IS NOT NULL AND s.y OPERATOR(pg_catalog.>=) e.tr THEN 'restored'
					ELSE 'destroyed' END AS ph,
			   e.td, e.tr
		FROM s, e
	), b AS (
		SELECT o.*, (d.r).baseline_intercept OPERATOR(pg_catalog.+) ((d.r).baseline_slope OPERATOR(pg_catalog.*) o.y::float8) AS base
		FROM o, d
	)
	SELECT b.y, b.v, b.base, b.ph,
		   coalesce(b.y OPERATOR(pg_catalog.=) b.td, false), coalesce(b.y OPERATOR(pg_catalog.=) b.tr, false),
		   CASE WHEN b.y OPERATOR(pg_catalog.=) b.td THEN b.prev OPERATOR(pg_catalog.-) b.v ELSE '0'::float8 END,
		   CASE WHEN b.y OPERATOR(pg_catalog.=) b.tr THEN b.v OPERATOR(pg_catalog.-) b.prev ELSE '0'::float8 END,
		   CASE WHEN b.ph OPERATOR(pg_catalog.=) 'destroyed' THEN b.v OPERATOR(pg_catalog.-) b.base ELSE '0'::float8 END,
		   CASE WHEN b.ph OPERATOR(pg_catalog.=) 'restored' THEN b.v OPERATOR(pg_catalog.-) b.base ELSE '0'::float8 END
	FROM b ORDER BY b.y;
END
$$;
COMMENT ON FUNCTION @extschema@.vcs_deficit_series(integer[], double precision[], integer, integer) IS
	'The carbon deficit of one pixel''s yearly VCS series (g CO2/m2/a) year by year: phase (undisturbed, destroyed, restored), whether the destruction / restoration takes effect that year, baseline of vcs_deficit, that year''s direct decrease and increase and its C_destroy / C_restore term (VCS - baseline); summed over the years they equal vcs_deficit; a NULL vcs is a missing year';

-- ==================== sql/install/80-accounts.sql ====================
------------------------------------------------------------------------------
-- The arithmetic of the account views, as named functions tested on their
-- own (test accounts_functions).  create_accounts() (85-create-accounts.sql)
-- assembles views from them.  The SQL bodies are BEGIN ATOMIC: they bind
-- their functions and operators when the extension is installed, never
-- through a caller's search_path.
------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.single_srid(what text, min_srid integer, max_srid integer)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	-- operators qualified: this body runs under the caller's search_path
	IF NOT COALESCE(min_srid OPERATOR(pg_catalog.=) max_srid, min_srid IS NULL AND max_srid IS NULL) THEN
		RAISE EXCEPTION '% come in different SRIDs: % and %', what, min_srid, max_srid
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Reproject the rasters of one year to one SRID (gdalwarp -t_srs) before loading them.';
	END IF;
	RETURN min_srid;
END
$$;
COMMENT ON FUNCTION @extschema@.single_srid(text, integer, integer) IS
	'The SRID of a set of rasters whose smallest and largest SRID are given, or an error naming them when they differ (used by the account refresh)';
CREATE OR REPLACE FUNCTION @extschema@.region_area_ha(geom geometry)
RETURNS double precision
LANGUAGE sql STABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	-- geographic or projected as the raster aggregates decide it (srid_kind)
	SELECT CASE WHEN k.kind OPERATOR(pg_catalog.=) 'geographic'::text THEN ST_Area(geom::geography)
				WHEN k.kind OPERATOR(pg_catalog.=) 'projected'::text THEN ST_Area(geom)
		   END OPERATOR(pg_catalog./) '1e4'::float8
	FROM (SELECT @extschema@.srid_kind(ST_SRID(geom)) AS kind) k;
END;
COMMENT ON FUNCTION @extschema@.region_area_ha(geometry) IS
	'Area of a boundary in hm2 (ha): on the spheroid (geography) for a longitude/latitude SRID, planar in metres for a projected SRID (srid_kind decides, as for the raster aggregates); NULL for SRID 0 and an SRID missing from spatial_ref_sys; 22023 for an SRID whose ellipsoid cannot be read or whose coordinates are not in degrees or metres';
CREATE OR REPLACE FUNCTION @extschema@.landuse_classified_ha(areas jsonb)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT COALESCE(pg_catalog.sum(v.value::double precision), '0'::float8)
	FROM pg_catalog.jsonb_each_text(areas) v
	WHERE v.key OPERATOR(pg_catalog.~) '^-?[0-9]+$'::text;
END;
COMMENT ON FUNCTION @extschema@.landuse_classified_ha(jsonb) IS
	'Classified area in ha of a landuse_area result: the sum over its land-use code keys; "nodata" and any other non-code key are not classified';
CREATE OR REPLACE FUNCTION @extschema@.landuse_coverage_pct(areas jsonb, region_area_ha double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE WHEN region_area_ha OPERATOR(pg_catalog.>) '0'::float8
				THEN '100'::float8 OPERATOR(pg_catalog.*)
					 COALESCE(@extschema@.landuse_classified_ha(areas), '0'::float8)
					 OPERATOR(pg_catalog./) region_area_ha END;
END;
COMMENT ON FUNCTION @extschema@.landuse_coverage_pct(jsonb, double precision) IS
	'Share in % of a region (area in ha) that land-use rasters classify: classified area of areas (nodata and outside the rasters count as not covered; NULL areas: 0 %) / region area; NULL when the area is not positive';
CREATE OR REPLACE FUNCTION @extschema@.change_pct(from_value double precision, to_value double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE WHEN from_value OPERATOR(pg_catalog.<>) '0'::float8
				THEN '100'::float8 OPERATOR(pg_catalog.*)
					 (to_value OPERATOR(pg_catalog./) from_value OPERATOR(pg_catalog.-) '1'::float8) END;
END;
COMMENT ON FUNCTION @extschema@.change_pct(double precision, double precision) IS
	'Relative change in % from from_value to to_value, 100 * (to / from - 1); NULL when from_value is 0';
CREATE OR REPLACE FUNCTION @extschema@.esv_landuse_change_pct(esv_from double precision, esv_to double precision,
	ea_from double precision, ea_to double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	SELECT CASE WHEN ea_to OPERATOR(pg_catalog.>) '0'::float8
				THEN @extschema@.change_pct(esv_from,
						esv_to OPERATOR(pg_catalog.*) (ea_from OPERATOR(pg_catalog./) ea_to)) END;
END;
COMMENT ON FUNCTION @extschema@.esv_landuse_change_pct(double precision, double precision, double precision, double precision) IS
	'Change in % of ESV driven by land use alone, at the constant E_a of the earlier year: ESV is linear in E_a, so 100 * (esv_to * ea_from / ea_to / esv_from - 1); NULL when ea_to is not positive or esv_from is 0';
CREATE OR REPLACE FUNCTION @extschema@.horizontal_transfers(region_ids integer[], balances double precision[])
RETURNS TABLE (payer_region_id integer, recipient_region_id integer, amount double precision)
AS 'MODULE_PATHNAME', 'horizontal_transfers'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.horizontal_transfers(integer[], double precision[]) IS
	'Horizontal compensation, who pays whom: balances < 0 are deficits d_p (payers), > 0 surpluses s_r (recipients); D = sum d_p, S = sum s_r, T = min(D, S); payer p pays recipient r T * (d_p / D) * (s_r / S); then the unmatched rest of each recipient ((S - T) * s_r / S, payer NULL) or payer ((D - T) * d_p / D, recipient NULL); amounts positive, in the unit of the balances';
CREATE OR REPLACE FUNCTION @extschema@.carbon_value_yuan(co2_gg double precision, price_yuan_per_t_co2 double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
	-- 1 Gg = 1e9 g = 1000 t
	SELECT co2_gg OPERATOR(pg_catalog.*) '1000'::float8 OPERATOR(pg_catalog.*) price_yuan_per_t_co2;
END;
COMMENT ON FUNCTION @extschema@.carbon_value_yuan(double precision, double precision) IS
	'Money value in yuan of an amount of CO2 in Gg (1 Gg = 1000 t) at a price in yuan per t CO2, e.g. of the carbon deficit VCSD that the carbon paper says requires compensation; NULL when the price is NULL (the extension sets no price)';

-- ==================== sql/install/85-create-accounts.sql ====================
------------------------------------------------------------------------------
-- Compensation accounts over the user's own data: create_accounts() makes,
-- in a schema of the caller's, the input tables (with the caller's SRID in
-- the geometry typmod), the cache of the raster step with its refresh()
-- function, and the result views.  Everything it creates belongs to the
-- caller: loading, refreshing and reading need no superuser, pg_dump keeps
-- it, and QGIS reads the declared geometry type and SRID.
--
-- The statements below are static SQL text in which only {{s}} (the account
-- schema), {{g}} (PostGIS's schema) and {{srid}} are substituted; the
-- method arithmetic lives in named functions of the extension.  The
-- function runs with a pinned search_path, so every view binds its
-- operators and functions to pg_catalog, the extension and PostGIS when it
-- is created, whatever the caller's path.
------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.create_accounts(target_schema text, srid integer)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
SET search_path = pg_catalog, pg_temp
SET client_min_messages = warning
AS $fn$
DECLARE
	g text;		-- PostGIS schema, quoted
	s text := pg_catalog.quote_ident(target_schema);
	stmt text;
	known boolean;
BEGIN
	IF target_schema IS NULL OR srid IS NULL THEN
		RAISE EXCEPTION 'target_schema and srid must not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	IF target_schema = '@extschema@' OR target_schema IN ('pg_catalog', 'information_schema')
	   OR target_schema LIKE 'pg\_%' THEN
		RAISE EXCEPTION 'cannot create accounts in schema "%"', target_schema
			USING ERRCODE = 'invalid_parameter_value',
				  DETAIL = 'It is the extension''s or a system schema.',
				  HINT = 'Choose a schema of your own, e.g. create_accounts(''accounts'', 4547).';
	END IF;
	SELECT pg_catalog.quote_ident(n.nspname) INTO g
	FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
	WHERE x.extname = 'postgis';
	EXECUTE pg_catalog.format('SELECT EXISTS (SELECT FROM %s.spatial_ref_sys r WHERE r.srid = $1)', g) INTO known USING srid;
	IF srid <= 0 OR NOT known THEN
		RAISE EXCEPTION 'SRID % is not in spatial_ref_sys', srid
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use the SRID of your boundaries and rasters, e.g. 4547 or 32650.';
	END IF;

	-- an account of 0.1.0 (it has refresh_mine_vcs()): its views change
	-- columns, so they are dropped (an error names any object of yours that
	-- depends on them); later calls replace the views in place, keeping
	-- their grants
	IF pg_catalog.to_regprocedure(s || '.refresh_mine_vcs()') IS NOT NULL THEN
		EXECUTE replace($$DROP VIEW IF EXISTS {{s}}.city_compensation, {{s}}.city_esv, {{s}}.water_compensation,
			{{s}}.gep_restoration, {{s}}.region_landuse, {{s}}.mine_carbon_deficit;
			DROP FUNCTION {{s}}.refresh_mine_vcs()$$, '{{s}}', s);
	END IF;

	FOREACH stmt IN ARRAY ARRAY[
	-- inputs ------------------------------------------------------------------
	$$CREATE SCHEMA IF NOT EXISTS {{s}}$$,
	$$CREATE TABLE IF NOT EXISTS {{s}}.settings (
		one boolean PRIMARY KEY DEFAULT true CHECK (one),
		esv_scheme text NOT NULL DEFAULT 'xie2015',
		coverage text NOT NULL DEFAULT 'exact' CHECK (coverage IN ('exact', 'center')),
		compensation_k double precision NOT NULL DEFAULT 0.15 CHECK (compensation_k > 0 AND compensation_k <= 1),
		water_unit_value_yuan_per_hm2 double precision NOT NULL DEFAULT 2476 CHECK (water_unit_value_yuan_per_hm2 > 0),
		gep_param_set text NOT NULL DEFAULT 'jinsha_2022'
	)$$,
	-- columns added since 0.1.0 (ADD COLUMN IF NOT EXISTS upgrades older accounts)
	$$ALTER TABLE {{s}}.settings
		ADD COLUMN IF NOT EXISTS min_coverage_pct double precision NOT NULL DEFAULT 95
			CONSTRAINT min_coverage_pct_in_0_100 CHECK (min_coverage_pct >= 0 AND min_coverage_pct <= 100),
		ADD COLUMN IF NOT EXISTS water_yield_factor double precision NOT NULL DEFAULT 1.98
			CONSTRAINT water_yield_factor_positive CHECK (water_yield_factor > 0 AND water_yield_factor < 'Infinity'),
		ADD COLUMN IF NOT EXISTS water_equivalence_factor double precision NOT NULL DEFAULT 2.70
			CONSTRAINT water_equivalence_factor_positive CHECK (water_equivalence_factor > 0 AND water_equivalence_factor < 'Infinity'),
		ADD COLUMN IF NOT EXISTS water_productivity_m3_per_hm2 double precision NOT NULL DEFAULT 2912
			CONSTRAINT water_productivity_positive CHECK (water_productivity_m3_per_hm2 > 0 AND water_productivity_m3_per_hm2 < 'Infinity'),
		ADD COLUMN IF NOT EXISTS water_aquatic_productivity_t_per_hm2 double precision NOT NULL DEFAULT 0.029
			CONSTRAINT water_aquatic_productivity_positive CHECK (water_aquatic_productivity_t_per_hm2 > 0 AND water_aquatic_productivity_t_per_hm2 < 'Infinity'),
		ADD COLUMN IF NOT EXISTS water_ecological_reserve double precision NOT NULL DEFAULT 0.6
			CONSTRAINT water_ecological_reserve_in_0_1 CHECK (water_ecological_reserve >= 0 AND water_ecological_reserve < 1),
		ADD COLUMN IF NOT EXISTS carbon_price_yuan_per_t_co2 double precision
			CONSTRAINT carbon_price_yuan_per_t_co2_must_be_positive_and_finite CHECK (carbon_price_yuan_per_t_co2 > 0 AND carbon_price_yuan_per_t_co2 < 'Infinity'),
		ADD COLUMN IF NOT EXISTS priority_class_set text NOT NULL DEFAULT 'esv_paper'$$,
	$$INSERT INTO {{s}}.settings DEFAULT VALUES ON CONFLICT DO NOTHING$$,
	$$COMMENT ON TABLE {{s}}.settings IS 'ecocomp account settings (one row): ESV scheme, coverage mode, compensation coefficient k, minimum land-use coverage in % below which city results are withheld, water parameters (yield factor psi, equivalence factor a_w, water productivity P_w m3/hm2, aquatic productivity t/hm2, ecological reserve share, unit value yuan per national hm2; water_param overrides them per region and year), GEP parameter set, carbon price in yuan per t CO2 (no default: NULL gives no money value of the carbon deficit), priority class set of ecocomp.priority_class used by city_compensation (default esv_paper)'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.region (
		region_id integer PRIMARY KEY,
		name text NOT NULL,
		level text NOT NULL CHECK (level IN ('city', 'district', 'zone', 'mine', 'project')),
		parent_id integer REFERENCES {{s}}.region,
		province text,
		geom {{g}}.geometry(MultiPolygon, {{srid}}) NOT NULL
	)$$,
	$$CREATE INDEX IF NOT EXISTS region_geom_idx ON {{s}}.region USING gist (geom)$$,
	$$COMMENT ON TABLE {{s}}.region IS 'Regions: cities, districts (parent: their zone), zones, mines, restoration projects, with their boundaries'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.region_stat (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		year integer NOT NULL,
		gdp_yuan double precision,
		population double precision,
		ea_yuan_per_hm2 double precision,
		aquatic_output_t double precision,
		freshwater_use_m3 double precision,
		pollution_dilution_m3 double precision,
		water_resources_m3 double precision,
		PRIMARY KEY (region_id, year)
	)$$,
	$$COMMENT ON TABLE {{s}}.region_stat IS 'Yearly statistics of a region: GDP (yuan), population, standard equivalent value E_a (yuan/hm2/a), aquatic output (t), freshwater use, pollution dilution water and water resources (m3)'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.water_param (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		year integer NOT NULL,
		yield_factor double precision CONSTRAINT yield_factor_must_be_positive_and_finite CHECK (yield_factor > 0 AND yield_factor < 'Infinity'),
		equivalence_factor double precision CONSTRAINT equivalence_factor_must_be_positive_and_finite CHECK (equivalence_factor > 0 AND equivalence_factor < 'Infinity'),
		water_productivity double precision CONSTRAINT water_productivity_must_be_positive_and_finite CHECK (water_productivity > 0 AND water_productivity < 'Infinity'),
		aquatic_productivity double precision CONSTRAINT aquatic_productivity_must_be_positive_and_finite CHECK (aquatic_productivity > 0 AND aquatic_productivity < 'Infinity'),
		ecological_reserve double precision CONSTRAINT ecological_reserve_must_be_in_0_1 CHECK (ecological_reserve >= 0 AND ecological_reserve < 1),
		unit_value_yuan_per_hm2 double precision CONSTRAINT unit_value_yuan_per_hm2_must_be_positive_and_finite CHECK (unit_value_yuan_per_hm2 > 0 AND unit_value_yuan_per_hm2 < 'Infinity'),
		PRIMARY KEY (region_id, year)
	)$$,
	$$COMMENT ON TABLE {{s}}.water_param IS 'Water parameters of a district (or of a zone, for all its districts) and year: yield factor psi, equivalence factor a_w, water productivity P_w (m3/hm2), aquatic productivity (t/hm2), ecological reserve share [0, 1), unit value (yuan per national hm2); NULL falls back to the zone''s row, then to settings'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.esv_adjustment (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		year integer NOT NULL,
		npp_factor double precision CONSTRAINT npp_factor_must_be_non_negative_and_finite CHECK (npp_factor >= 0 AND npp_factor < 'Infinity'),
		precipitation_factor double precision CONSTRAINT precipitation_factor_must_be_non_negative_and_finite CHECK (precipitation_factor >= 0 AND precipitation_factor < 'Infinity'),
		soil_factor double precision CONSTRAINT soil_factor_must_be_non_negative_and_finite CHECK (soil_factor >= 0 AND soil_factor < 'Infinity'),
		PRIMARY KEY (region_id, year)
	)$$,
	$$COMMENT ON TABLE {{s}}.esv_adjustment IS 'Xie 2015 spatio-temporal adjustment of the ESV factors of a city and year (dimensionless, NULL = 1): npp_factor scales food production, raw materials, gas and climate regulation, environmental purification, nutrient cycling, biodiversity and aesthetic landscape; precipitation_factor water supply and hydrological regulation; soil_factor soil conservation (e.g. from esv_adjustment_factor); city_esv uses a row when present and says so in its note'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.landuse_raster (
		rid serial PRIMARY KEY,
		year integer NOT NULL,
		classification text NOT NULL,
		rast {{g}}.raster NOT NULL
	)$$,
	$$CREATE INDEX IF NOT EXISTS landuse_raster_hull_idx ON {{s}}.landuse_raster USING gist ({{g}}.ST_ConvexHull(rast))$$,
	$$CREATE INDEX IF NOT EXISTS landuse_raster_year_idx ON {{s}}.landuse_raster (year)$$,
	$$COMMENT ON TABLE {{s}}.landuse_raster IS 'Land-use raster tiles (band 1: land-use codes of the classification) by year'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.gep_project (
		region_id integer PRIMARY KEY REFERENCES {{s}}.region ON DELETE CASCADE,
		before_year integer,
		after_year integer,
		before_areas jsonb,
		after_areas jsonb,
		classification text,
		overrides jsonb NOT NULL DEFAULT '{}'
	)$$,
	$$COMMENT ON TABLE {{s}}.gep_project IS 'Restoration projects: land-use areas before and after (jsonb, keyed by GEP land type, or by land-use code of classification), or the years whose land-use rasters give them; GEP parameter overrides'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.mine_vcs (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		pixel_id bigint NOT NULL,
		year integer NOT NULL,
		vcs_g_co2_m2 double precision,
		area_m2 double precision NOT NULL CHECK (area_m2 >= 0),
		destroyed_year integer,
		restored_year integer,
		PRIMARY KEY (region_id, pixel_id, year)
	)$$,
	$$COMMENT ON TABLE {{s}}.mine_vcs IS 'Yearly VCS (g CO2/m2/a) of the disturbance-grid pixels of each mine with their area inside the mine (m2) and destruction / restoration years (NULL: none); filled by refresh() from npp_raster and disturbance_raster, or by hand when the account has none'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.crop_stat (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		year integer NOT NULL,
		crop text NOT NULL,
		price_yuan_per_kg double precision NOT NULL,
		yield_kg_per_hm2 double precision NOT NULL,
		sown_area_hm2 double precision NOT NULL,
		PRIMARY KEY (region_id, year, crop)
	)$$,
	$$COMMENT ON TABLE {{s}}.crop_stat IS 'Grain crops of a region and year: price (yuan/kg), yield (kg/hm2), sown area (hm2); E_a = standard_equivalent_value(...) when region_stat.ea_yuan_per_hm2 is NULL'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.npp_raster (
		rid serial PRIMARY KEY,
		year integer NOT NULL,
		unit text NOT NULL DEFAULT 'modis_dn' CHECK (unit IN ('modis_dn', 'g_c_m2')),
		rast {{g}}.raster NOT NULL
	)$$,
	$$CREATE INDEX IF NOT EXISTS npp_raster_hull_idx ON {{s}}.npp_raster USING gist ({{g}}.ST_ConvexHull(rast))$$,
	$$COMMENT ON TABLE {{s}}.npp_raster IS 'Yearly NPP rasters on the disturbance CRS (band 1): MOD17A3HGF digital numbers (unit modis_dn) or g C/m2/a (unit g_c_m2); each must cover the disturbance tiles it touches'$$,

	$$CREATE TABLE IF NOT EXISTS {{s}}.disturbance_raster (
		rid serial PRIMARY KEY,
		rast {{g}}.raster NOT NULL
	)$$,
	$$CREATE INDEX IF NOT EXISTS disturbance_raster_hull_idx ON {{s}}.disturbance_raster USING gist ({{g}}.ST_ConvexHull(rast))$$,
	$$COMMENT ON TABLE {{s}}.disturbance_raster IS 'Vegetation disturbance tiles (e.g. 30 m): band 1 destruction year, band 2 restoration year (0 or nodata: none)'$$,

	-- the materialized raster step ------------------------------------------
	$$CREATE TABLE IF NOT EXISTS {{s}}.landuse_cache (
		region_id integer NOT NULL REFERENCES {{s}}.region ON DELETE CASCADE,
		year integer NOT NULL,
		classification text NOT NULL,
		landuse_area_ha jsonb,
		region_area_ha double precision,
		inputs text NOT NULL,
		refreshed_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
		refreshed_by_xact bigint NOT NULL DEFAULT pg_catalog.txid_current(),
		PRIMARY KEY (region_id, year, classification)
	)$$,
	$$COMMENT ON TABLE {{s}}.landuse_cache IS 'Materialized raster step, written by refresh(): land-use areas (jsonb, ha by code and nodata; NULL: no raster covers the region) of every city, district and zone in every land-use year, and of restoration projects in the years they need; the region''s area (ha); a fingerprint of the boundary, tiles and coverage mode that gave them; when and in which transaction'$$,
	$$CREATE TABLE IF NOT EXISTS {{s}}.mine_cache (
		region_id integer PRIMARY KEY REFERENCES {{s}}.region ON DELETE CASCADE,
		inputs text NOT NULL,
		refreshed_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
		refreshed_by_xact bigint NOT NULL DEFAULT pg_catalog.txid_current()
	)$$,
	$$COMMENT ON TABLE {{s}}.mine_cache IS 'Which mines refresh() last computed mine_vcs for, with a fingerprint of the boundary, NPP and disturbance tiles'$$,

	$$CREATE OR REPLACE FUNCTION {{s}}.landuse_inputs()
	RETURNS TABLE (region_id integer, year integer, classification text, srid integer,
				   geom {{g}}.geometry, g {{g}}.geometry, inputs text)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $body$
	WITH yrs AS (
		SELECT l.year, l.classification,
			   @extschema@.single_srid(format('land-use rasters of %s (%s)', l.year, l.classification),
					min({{g}}.ST_SRID(l.rast)), max({{g}}.ST_SRID(l.rast))) AS srid
		FROM {{s}}.landuse_raster l GROUP BY l.year, l.classification
	), reg AS (
		-- cities, districts, zones in every year; projects in the years
		-- whose areas they take from the rasters
		SELECT r.region_id, y.year, y.classification, y.srid, r.geom, {{g}}.ST_Transform(r.geom, y.srid) AS g
		FROM {{s}}.region r CROSS JOIN yrs y
		WHERE r.level IN ('city', 'district', 'zone')
		   OR EXISTS (SELECT FROM {{s}}.gep_project gp WHERE gp.region_id = r.region_id
					  AND ((gp.before_areas IS NULL AND gp.before_year = y.year)
						   OR (gp.after_areas IS NULL AND gp.after_year = y.year)))
	), want AS (
		-- the fingerprint: boundary, coverage mode, the tiles the boundary
		-- touches (their row versions)
		SELECT reg.*,
			   md5(concat_ws('|', md5({{g}}.ST_AsEWKB(reg.geom)), st.coverage,
					(SELECT string_agg(l.rid::text || ':' || l.xmin::text, ',' ORDER BY l.rid)
					 FROM {{s}}.landuse_raster l
					 WHERE l.year = reg.year AND l.classification = reg.classification
					   AND {{g}}.ST_ConvexHull(l.rast) OPERATOR({{g}}.&&) reg.g))) AS inputs
		FROM reg CROSS JOIN {{s}}.settings st
	)
	SELECT w.region_id, w.year, w.classification, w.srid, w.geom, w.g, w.inputs FROM want w
	$body$
	$$,
	$$COMMENT ON FUNCTION {{s}}.landuse_inputs() IS 'The (region, year, classification) triples whose land-use areas refresh() keeps in landuse_cache, each with a fingerprint (inputs) of its boundary, the row versions of the tiles it touches and the coverage mode'$$,
	$$CREATE OR REPLACE FUNCTION {{s}}.mine_inputs()
	RETURNS TABLE (region_id integer, inputs text)
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $body$
	WITH fp AS (
		SELECT (SELECT md5(string_agg(n.rid::text || ':' || n.xmin::text, ',' ORDER BY n.rid)) FROM {{s}}.npp_raster n)
			   || (SELECT md5(string_agg(d.rid::text || ':' || d.xmin::text, ',' ORDER BY d.rid)) FROM {{s}}.disturbance_raster d) AS tiles
	)
	SELECT r.region_id, md5(md5({{g}}.ST_AsEWKB(r.geom)) || fp.tiles)
	FROM {{s}}.region r CROSS JOIN fp
	WHERE r.level = 'mine' AND fp.tiles IS NOT NULL
	$body$
	$$,
	$$COMMENT ON FUNCTION {{s}}.mine_inputs() IS 'The mines whose VCS series refresh() computes (none when the account has no NPP or no disturbance rasters), each with a fingerprint of its boundary and the row versions of the NPP and disturbance tiles'$$,
	$$CREATE OR REPLACE FUNCTION {{s}}.stale() RETURNS bigint
	LANGUAGE sql STABLE PARALLEL SAFE
	SET search_path = pg_catalog, pg_temp
	AS $body$
	WITH w AS (SELECT * FROM {{s}}.landuse_inputs()), m AS (SELECT * FROM {{s}}.mine_inputs())
	SELECT (SELECT count(*) FROM w WHERE NOT EXISTS (SELECT FROM {{s}}.landuse_cache c WHERE c.region_id = w.region_id
				AND c.year = w.year AND c.classification = w.classification AND c.inputs = w.inputs))
		 + (SELECT count(*) FROM {{s}}.landuse_cache c WHERE NOT EXISTS (SELECT FROM w WHERE c.region_id = w.region_id
				AND c.year = w.year AND c.classification = w.classification))
		 + (SELECT count(*) FROM m WHERE NOT EXISTS (SELECT FROM {{s}}.mine_cache c WHERE c.region_id = m.region_id AND c.inputs = m.inputs))
	$body$
	$$,
	$$COMMENT ON FUNCTION {{s}}.stale() IS 'How many cached land-use rows and mines are out of date (to recompute or to remove) since the last refresh(); 0: the result views are current. Reads no raster pixels'$$,

	$$CREATE OR REPLACE FUNCTION {{s}}.refresh() RETURNS bigint
	LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
	SET search_path = pg_catalog, pg_temp
	AS $body$
	DECLARE
		n_landuse bigint;
		n_mines bigint := 0;
		mines integer[];
	BEGIN
		-- one refresh at a time (readers are not blocked)
		LOCK TABLE {{s}}.landuse_cache, {{s}}.mine_cache, {{s}}.mine_vcs IN SHARE ROW EXCLUSIVE MODE;
		-- land-use areas: of the triples wanted now (landuse_inputs), those
		-- whose fingerprint changed are recomputed, rows no longer wanted go
		WITH want AS (
			SELECT * FROM {{s}}.landuse_inputs()
		), gone AS (
			DELETE FROM {{s}}.landuse_cache c
			WHERE NOT EXISTS (SELECT FROM want w WHERE w.region_id = c.region_id AND w.year = c.year
							  AND w.classification = c.classification)
		), due AS (
			SELECT w.* FROM want w
			WHERE NOT EXISTS (SELECT FROM {{s}}.landuse_cache c WHERE c.region_id = w.region_id AND c.year = w.year
							  AND c.classification = w.classification AND c.inputs = w.inputs)
		), up AS (
			INSERT INTO {{s}}.landuse_cache AS c (region_id, year, classification, landuse_area_ha, region_area_ha, inputs)
			SELECT t.region_id, t.year, t.classification,
				   (SELECT @extschema@.landuse_area(l.rast, t.g, 1, st.coverage)
					FROM {{s}}.landuse_raster l
					WHERE l.year = t.year AND l.classification = t.classification
					  AND {{g}}.ST_ConvexHull(l.rast) OPERATOR({{g}}.&&) t.g),
				   @extschema@.region_area_ha(t.geom), t.inputs
			FROM due t CROSS JOIN {{s}}.settings st
			ON CONFLICT (region_id, year, classification) DO UPDATE
			SET landuse_area_ha = excluded.landuse_area_ha, region_area_ha = excluded.region_area_ha,
				inputs = excluded.inputs, refreshed_at = now(), refreshed_by_xact = txid_current()
			RETURNING 1
		)
		SELECT count(*) INTO n_landuse FROM up;

		-- mines: their per-pixel VCS series, for mines whose boundary or
		-- tiles changed; an account without NPP or disturbance rasters
		-- keeps the mine_vcs rows loaded by hand
		IF EXISTS (SELECT FROM {{s}}.npp_raster) AND EXISTS (SELECT FROM {{s}}.disturbance_raster) THEN
			WITH want AS (
				SELECT * FROM {{s}}.mine_inputs()
			), up AS (
				INSERT INTO {{s}}.mine_cache AS c (region_id, inputs)
				SELECT w.region_id, w.inputs FROM want w
				WHERE NOT EXISTS (SELECT FROM {{s}}.mine_cache c WHERE c.region_id = w.region_id AND c.inputs = w.inputs)
				ON CONFLICT (region_id) DO UPDATE
				SET inputs = excluded.inputs, refreshed_at = now(), refreshed_by_xact = txid_current()
				RETURNING c.region_id
			)
			SELECT array_agg(up.region_id) INTO mines FROM up;
			DELETE FROM {{s}}.mine_vcs v WHERE v.region_id = ANY (mines);
			WITH npp AS (
				SELECT m.year,
					   CASE m.unit WHEN 'modis_dn' THEN @extschema@.npp_from_modis(m.rast, 1) ELSE m.rast END AS rast
				FROM {{s}}.npp_raster m
			), pairs AS (
				SELECT n.year, d.rid, n.rast AS npp, d.rast AS dist
				FROM npp n JOIN {{s}}.disturbance_raster d
				  ON {{g}}.ST_ConvexHull(n.rast) OPERATOR({{g}}.&&) {{g}}.ST_ConvexHull(d.rast)
			), bg AS (
				-- the background NPP of a year: over every disturbance tile
				SELECT p.year, @extschema@.npp_background(p.npp, p.dist, p.year) AS npp_bg
				FROM pairs p GROUP BY p.year
			), px AS (
				-- each changed mine's pixels on the disturbance grid, once
				SELECT r.region_id, d.rid, c.pixel_id, c.area_m2
				FROM {{s}}.region r
				JOIN {{s}}.disturbance_raster d
				  ON {{g}}.ST_ConvexHull(d.rast) OPERATOR({{g}}.&&) {{g}}.ST_Transform(r.geom, {{g}}.ST_SRID(d.rast))
				CROSS JOIN LATERAL @extschema@.pixel_coverage(d.rast, {{g}}.ST_Transform(r.geom, {{g}}.ST_SRID(d.rast))) c
				WHERE r.region_id = ANY (mines)
			), tiles AS (
				SELECT DISTINCT px.rid FROM px
			), dv1 AS (
				-- destruction (band 1) and restoration (band 2) years of the
				-- pixels of those tiles, each band read once per tile
				SELECT d.rid, v.pixel_id, NULLIF(v.value, '0'::float8)::integer AS year
				FROM {{s}}.disturbance_raster d JOIN tiles t ON t.rid = d.rid
				CROSS JOIN LATERAL @extschema@.pixel_values(d.rast, 1) v
			), dv2 AS (
				SELECT d.rid, v.pixel_id, NULLIF(v.value, '0'::float8)::integer AS year
				FROM {{s}}.disturbance_raster d JOIN tiles t ON t.rid = d.rid
				CROSS JOIN LATERAL @extschema@.pixel_values(d.rast, 2) v
			), vcs AS (
				SELECT p.year, p.rid, @extschema@.vcs(@extschema@.npp_downscale(p.npp, p.dist, p.year, bg.npp_bg), 1) AS rast
				FROM pairs p JOIN tiles t ON t.rid = p.rid JOIN bg ON bg.year = p.year
			)
			INSERT INTO {{s}}.mine_vcs (region_id, pixel_id, year, vcs_g_co2_m2, area_m2, destroyed_year, restored_year)
			SELECT px.region_id, px.pixel_id, v.year, pv.value, px.area_m2, dv1.year, dv2.year
			FROM vcs v
			CROSS JOIN LATERAL @extschema@.pixel_values(v.rast, 1) pv
			JOIN px ON px.rid = v.rid AND px.pixel_id = pv.pixel_id
			LEFT JOIN dv1 ON dv1.rid = px.rid AND dv1.pixel_id = px.pixel_id
			LEFT JOIN dv2 ON dv2.rid = px.rid AND dv2.pixel_id = px.pixel_id;
			n_mines := coalesce(cardinality(mines), 0);
		END IF;
		RETURN n_landuse + n_mines;
	END
	$body$
	$$,
	$$COMMENT ON FUNCTION {{s}}.refresh() IS 'Bring the materialized raster step up to date, incrementally: land-use areas (landuse_cache) of the (region, year, classification) triples whose boundary, tiles or coverage mode changed since the last refresh, and the per-pixel VCS series (mine_vcs) of the mines whose boundary or NPP/disturbance tiles changed; returns how many triples and mines it recomputed'$$,

	-- results -------------------------------------------------------------------
	$$CREATE OR REPLACE VIEW {{s}}.region_landuse AS
	SELECT (row_number() OVER (ORDER BY c.region_id, c.year, c.classification))::integer AS fid,
		   c.region_id, r.name, r.level, c.year, c.classification, c.landuse_area_ha,
		   c.region_area_ha, @extschema@.landuse_coverage_pct(c.landuse_area_ha, c.region_area_ha) AS landuse_coverage_pct,
		   c.refreshed_at, r.geom
	FROM {{s}}.landuse_cache c JOIN {{s}}.region r ON r.region_id = c.region_id$$,
	$$COMMENT ON VIEW {{s}}.region_landuse IS 'Land-use areas (jsonb, ha by code and nodata) of every city, district, zone and raster-based project in every land-use year, as of the last refresh(), with the region''s area (ha) and the % of it classified'$$,

	$$CREATE OR REPLACE VIEW {{s}}.city_esv AS
	WITH yrs AS (SELECT DISTINCT l.year, l.classification FROM {{s}}.landuse_raster l),
	base AS MATERIALIZED (
		SELECT c.region_id, c.name, c.province, y.year, y.classification, c.geom,
			   a.region_id IS NOT NULL AS refreshed, a.landuse_area_ha, ea.ea_yuan_per_hm2, st.population,
			   @extschema@.landuse_coverage_pct(a.landuse_area_ha, a.region_area_ha) AS coverage_pct, s.min_coverage_pct, s.esv_scheme,
			   -- the factor adjustment of the city and year (a NULL factor is 1)
			   jsonb_strip_nulls(jsonb_build_object('npp', adj.npp_factor, 'precipitation', adj.precipitation_factor,
													'soil', adj.soil_factor)) AS adjustment,
			   adj.region_id IS NOT NULL AS adjusted
		FROM {{s}}.region c CROSS JOIN yrs y CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
		LEFT JOIN {{s}}.landuse_cache a ON a.region_id = c.region_id AND a.year = y.year AND a.classification = y.classification
		LEFT JOIN {{s}}.region_stat st ON st.region_id = c.region_id AND st.year = y.year
		LEFT JOIN {{s}}.esv_adjustment adj ON adj.region_id = c.region_id AND adj.year = y.year
		CROSS JOIN LATERAL (
			SELECT COALESCE(st.ea_yuan_per_hm2,
				(SELECT @extschema@.standard_equivalent_value(array_agg(cs.price_yuan_per_kg ORDER BY cs.crop),
						array_agg(cs.yield_kg_per_hm2 ORDER BY cs.crop), array_agg(cs.sown_area_hm2 ORDER BY cs.crop))
				 FROM {{s}}.crop_stat cs WHERE cs.region_id = c.region_id AND cs.year = y.year)) AS ea_yuan_per_hm2
		) ea
		WHERE c.level = 'city'
	), v AS MATERIALIZED (
		SELECT b.*,
			   CASE WHEN b.landuse_area_ha IS NOT NULL AND b.ea_yuan_per_hm2 IS NOT NULL AND b.coverage_pct >= b.min_coverage_pct
					THEN @extschema@.esv_value(b.landuse_area_ha, b.ea_yuan_per_hm2, b.classification, b.esv_scheme, b.adjustment) END AS esv
		FROM base b
	)
	SELECT (row_number() OVER (ORDER BY v.region_id, v.year, v.classification))::integer AS fid,
		   v.region_id, v.name, v.province, v.year, v.classification,
		   (v.esv).total AS esv_total_yuan, (v.esv).provisioning AS esv_provisioning_yuan,
		   (v.esv).regulating AS esv_regulating_yuan, (v.esv).supporting AS esv_supporting_yuan,
		   (v.esv).cultural AS esv_cultural_yuan, (v.esv).nonmarket AS esv_nonmarket_yuan,
		   (v.esv).total / NULLIF(v.population, 0::float8) AS esv_per_capita_yuan,
		   @extschema@.change_pct(lag((v.esv).total) OVER w, (v.esv).total) AS esv_change_pct,
		   @extschema@.esv_landuse_change_pct(lag((v.esv).total) OVER w, (v.esv).total,
				lag(v.ea_yuan_per_hm2) OVER w, v.ea_yuan_per_hm2) AS esv_landuse_change_pct,
		   lag(v.year) OVER w AS change_from_year,
		   v.ea_yuan_per_hm2, v.population, v.landuse_area_ha, v.coverage_pct AS landuse_coverage_pct,
		   NULLIF(concat_ws('; ',
		   CASE WHEN NOT v.refreshed THEN 'land-use areas not computed yet: run the account''s refresh()'
				WHEN v.landuse_area_ha IS NULL THEN 'no land-use raster covers the region in this year'
				WHEN v.coverage_pct < v.min_coverage_pct
				THEN format('land-use rasters classify %s %% of the region (%s %% is outside the rasters or nodata), below settings.min_coverage_pct = %s: results withheld',
							round(v.coverage_pct::numeric, 2), round((100 - v.coverage_pct)::numeric, 2), v.min_coverage_pct)
				WHEN v.ea_yuan_per_hm2 IS NULL THEN 'no standard equivalent value (region_stat.ea_yuan_per_hm2 or crop_stat) for this year'
				WHEN v.coverage_pct < 100 - 1e-9
				THEN format('partial: %s %% of the region is outside the rasters or nodata', round((100 - v.coverage_pct)::numeric, 2)) END,
		   CASE WHEN v.adjusted AND v.esv IS NOT NULL
				THEN format('factors adjusted by esv_adjustment: npp %s, precipitation %s, soil %s',
							COALESCE(v.adjustment ->> 'npp', '1'), COALESCE(v.adjustment ->> 'precipitation', '1'),
							COALESCE(v.adjustment ->> 'soil', '1')) END), '') AS note,
		   v.geom
	FROM v
	WINDOW w AS (PARTITION BY v.region_id, v.classification ORDER BY v.year)$$,
	$$COMMENT ON VIEW {{s}}.city_esv IS 'ESV of every city and land-use year in yuan/a: total, by service group, non-market, per capita; change in % from the previous land-use year, in total and driven by land use alone (at that year''s E_a); land-use areas (ha) and the % of the city they classify; factors adjusted (Xie 2015) where esv_adjustment has a row for the city and year, which the note says; NULL with a note where rasters or statistics are missing or coverage is below settings.min_coverage_pct'$$,

	$$CREATE OR REPLACE VIEW {{s}}.city_compensation AS
	WITH c AS (
		SELECT e.fid, e.region_id, e.name, e.province, e.year, e.geom, e.esv_nonmarket_yuan, e.landuse_coverage_pct,
			   st.gdp_yuan, s.compensation_k, s.priority_class_set, e.note AS esv_note,
			   CASE WHEN e.esv_nonmarket_yuan IS NOT NULL AND st.gdp_yuan > 0
					THEN @extschema@.ecps(e.esv_nonmarket_yuan, st.gdp_yuan) END AS ecps
		FROM {{s}}.city_esv e CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
		LEFT JOIN {{s}}.region_stat st ON st.region_id = e.region_id AND st.year = e.year
	), r AS (
		SELECT c.*, @extschema@.compensation_intensity(c.ecps) AS t,
			   CASE WHEN c.ecps IS NOT NULL
					THEN @extschema@.vertical_compensation(c.esv_nonmarket_yuan, c.gdp_yuan, c.compensation_k) END AS compensation_yuan
		FROM c
	)
	SELECT r.fid, r.region_id, r.name, r.province, r.year, r.gdp_yuan, r.esv_nonmarket_yuan,
		   r.ecps, r.t AS compensation_intensity, r.compensation_k, r.compensation_yuan,
		   100::float8 * r.compensation_yuan / NULLIF(sum(r.compensation_yuan) OVER y, 0::float8) AS compensation_share_pct,
		   100::float8 * r.gdp_yuan / NULLIF(sum(r.gdp_yuan) FILTER (WHERE r.compensation_yuan IS NOT NULL) OVER y, 0::float8) AS gdp_share_pct,
		   100::float8 * r.compensation_yuan / r.gdp_yuan AS compensation_pct_of_gdp,
		   CASE WHEN r.ecps IS NOT NULL THEN @extschema@.ecps_priority_class(r.ecps, r.priority_class_set) END AS priority,
		   r.landuse_coverage_pct,
		   CASE WHEN r.esv_note IS NOT NULL AND r.esv_nonmarket_yuan IS NULL THEN r.esv_note
				WHEN r.gdp_yuan IS NULL THEN 'no GDP (region_stat.gdp_yuan) for this year'
				WHEN r.gdp_yuan <= 0 THEN 'GDP is not positive'
				ELSE r.esv_note END AS note,
		   r.geom
	FROM r
	WINDOW y AS (PARTITION BY r.year)$$,
	$$COMMENT ON VIEW {{s}}.city_compensation IS 'Compensation priority and vertical compensation of every city and land-use year (the ESV paper, Table 3): ECPS, demand intensity t, compensation in yuan, its share of the year''s total, GDP share, compensation as % of GDP, priority class (ecps_priority_class, set settings.priority_class_set: by default the ESV paper''s wording), land-use coverage in %; NULL with a note where data is missing or coverage is below settings.min_coverage_pct'$$,

	$$CREATE OR REPLACE VIEW {{s}}.water_compensation AS
	WITH yrs AS (
		SELECT DISTINCT st.year FROM {{s}}.region_stat st JOIN {{s}}.region r ON r.region_id = st.region_id
		WHERE r.level = 'district'
	), d AS (
		-- every district in every year: parameters from water_param (the
		-- district's row, then its zone's), then settings
		SELECT r.region_id, r.parent_id, y.year, st.population,
			   @extschema@.water_footprint(st.aquatic_output_t, st.freshwater_use_m3, st.pollution_dilution_m3,
					COALESCE(wd.equivalence_factor, wz.equivalence_factor, s.water_equivalence_factor),
					COALESCE(wd.water_productivity, wz.water_productivity, s.water_productivity_m3_per_hm2),
					COALESCE(wd.aquatic_productivity, wz.aquatic_productivity, s.water_aquatic_productivity_t_per_hm2)) AS ef,
			   @extschema@.water_carrying_capacity(st.water_resources_m3,
					COALESCE(wd.yield_factor, wz.yield_factor, s.water_yield_factor),
					COALESCE(wd.equivalence_factor, wz.equivalence_factor, s.water_equivalence_factor),
					COALESCE(wd.ecological_reserve, wz.ecological_reserve, s.water_ecological_reserve),
					COALESCE(wd.water_productivity, wz.water_productivity, s.water_productivity_m3_per_hm2)) AS ec,
			   COALESCE(wd.unit_value_yuan_per_hm2, wz.unit_value_yuan_per_hm2, s.water_unit_value_yuan_per_hm2) AS unit_value
		FROM {{s}}.region r CROSS JOIN yrs y CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
		LEFT JOIN {{s}}.region_stat st ON st.region_id = r.region_id AND st.year = y.year
		LEFT JOIN {{s}}.water_param wd ON wd.region_id = r.region_id AND wd.year = y.year
		LEFT JOIN {{s}}.water_param wz ON wz.region_id = r.parent_id AND wz.year = y.year
		WHERE r.level = 'district'
	), db AS (
		SELECT d.*, CASE WHEN d.ef IS NOT NULL AND d.ec IS NOT NULL
						 THEN @extschema@.water_compensation((d.ef).total, d.ec, d.unit_value) END AS b
		FROM d
	), lvl AS (
		SELECT db.region_id, 'district'::text AS level, db.year, db.ef, db.ec, db.b, db.population,
			   CASE WHEN db.b IS NULL THEN 'water statistics (aquatic output, freshwater use, pollution dilution, water resources) missing for this district and year' END AS note
		FROM db
		UNION ALL
		SELECT z.region_id, 'zone', y.year,
			   CASE WHEN m.missing = 0 THEN m.ef END, CASE WHEN m.missing = 0 THEN m.ec END,
			   CASE WHEN m.missing = 0 THEN m.b END, m.population,
			   CASE WHEN m.n = 0 THEN 'the zone has no districts (region.parent_id)'
					WHEN m.missing > 0 THEN format('water statistics missing for %s of the zone''s %s districts', m.missing, m.n) END
		FROM {{s}}.region z CROSS JOIN yrs y
		CROSS JOIN LATERAL (
			SELECT @extschema@.water_footprint_sum(db.ef) AS ef, sum(db.ec) AS ec,
				   @extschema@.water_balance_sum(db.b) AS b,
				   CASE WHEN count(*) = count(db.population) THEN sum(db.population) END AS population,
				   count(*) FILTER (WHERE db.b IS NULL) AS missing, count(*) AS n
			FROM db WHERE db.parent_id = z.region_id AND db.year = y.year
		) m
		WHERE z.level = 'zone'
	)
	SELECT (row_number() OVER (ORDER BY l.year, l.level, l.region_id))::integer AS fid,
		   r.region_id, r.name, l.level, l.year,
		   (l.ef).aquatic AS ef_aquatic_hm2, (l.ef).freshwater AS ef_freshwater_hm2,
		   (l.ef).pollution AS ef_pollution_hm2, (l.ef).total AS ef_total_hm2, l.ec AS ec_hm2,
		   (l.b).erd AS erd_hm2, (l.b).value_yuan, (l.b).role,
		   l.population,
		   (l.ef).total / NULLIF(l.population, 0::float8) AS ef_per_capita_hm2,
		   l.ec / NULLIF(l.population, 0::float8) AS ec_per_capita_hm2,
		   (l.b).erd / NULLIF(l.population, 0::float8) AS erd_per_capita_hm2,
		   l.note, r.geom
	FROM lvl l JOIN {{s}}.region r ON r.region_id = l.region_id$$,
	$$COMMENT ON VIEW {{s}}.water_compensation IS 'Water resource ecological footprint by sub-account, carrying capacity, deficit (< 0) or surplus, its value in yuan and the role (payer / recipient) of every district and zone and year (national hm2; the water-footprint paper), in total and per capita where population is known; zones are the sums of their districts (water_footprint_sum, water_balance_sum); NULL with a note where statistics are missing'$$,

	$$CREATE OR REPLACE VIEW {{s}}.horizontal_compensation AS
	WITH b AS (
		SELECT w.year, w.level, count(*) FILTER (WHERE w.value_yuan IS NULL) AS left_out,
			   array_agg(w.region_id ORDER BY w.region_id) FILTER (WHERE w.value_yuan IS NOT NULL) AS ids,
			   array_agg(w.value_yuan ORDER BY w.region_id) FILTER (WHERE w.value_yuan IS NOT NULL) AS bal
		FROM {{s}}.water_compensation w GROUP BY w.year, w.level
	), t AS (
		SELECT b.year, b.level, b.left_out, x.payer_region_id, x.recipient_region_id, x.amount
		FROM b CROSS JOIN LATERAL @extschema@.horizontal_transfers(b.ids, b.bal) x
	)
	SELECT (row_number() OVER (ORDER BY t.year, t.level, t.payer_region_id NULLS FIRST, t.recipient_region_id NULLS FIRST))::integer AS fid,
		   t.year, t.level, t.payer_region_id, p.name AS payer_name,
		   t.recipient_region_id, r.name AS recipient_name, t.amount AS amount_yuan,
		   NULLIF(concat_ws('; ',
				CASE WHEN p.region_id IS NULL THEN 'unmatched: owed to the recipient, to be covered vertically'
					 WHEN r.region_id IS NULL THEN 'unmatched: owed by the payer, to be covered vertically' END,
				CASE WHEN t.left_out > 0 THEN format('%s region(s) of this level and year have no water balance and take no part', t.left_out) END), '') AS note,
		   CASE WHEN p.region_id IS NOT NULL AND r.region_id IS NOT NULL
				THEN {{g}}.ST_MakeLine({{g}}.ST_PointOnSurface(p.geom), {{g}}.ST_PointOnSurface(r.geom)) END::{{g}}.geometry(LineString, {{srid}}) AS geom
	FROM t
	LEFT JOIN {{s}}.region p ON p.region_id = t.payer_region_id
	LEFT JOIN {{s}}.region r ON r.region_id = t.recipient_region_id$$,
	$$COMMENT ON VIEW {{s}}.horizontal_compensation IS 'Horizontal water compensation, who pays whom in yuan, per year and level (zone or district): payer p pays recipient r T * (d_p / D) * (s_r / S) with D, S the sums of the deficit and surplus values and T = min(D, S) (horizontal_transfers); unmatched rests with the other side NULL; geometry a line from payer to recipient'$$,

	$$CREATE OR REPLACE VIEW {{s}}.gep_restoration AS
	WITH p AS (
		-- land-use areas from rasters only for projects that give none
		SELECT r.region_id, r.name, r.geom, gp.before_year, gp.after_year, gp.overrides,
			   COALESCE(gp.before_areas, lb.landuse_area_ha) AS before_areas,
			   COALESCE(gp.after_areas, la.landuse_area_ha) AS after_areas,
			   CASE WHEN gp.before_areas IS NOT NULL OR gp.after_areas IS NOT NULL THEN gp.classification
					ELSE COALESCE(lb.classification, la.classification) END AS classification,
			   s.gep_param_set
		FROM {{s}}.gep_project gp
		JOIN {{s}}.region r ON r.region_id = gp.region_id
		CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
		-- (one classification per year: the project's, else the first by name)
		LEFT JOIN LATERAL (
			SELECT c.landuse_area_ha, c.classification FROM {{s}}.landuse_cache c
			WHERE gp.before_areas IS NULL AND c.region_id = gp.region_id AND c.year = gp.before_year
			  AND (gp.classification IS NULL OR c.classification = gp.classification)
			ORDER BY c.classification LIMIT 1) lb ON true
		LEFT JOIN LATERAL (
			SELECT c.landuse_area_ha, c.classification FROM {{s}}.landuse_cache c
			WHERE gp.after_areas IS NULL AND c.region_id = gp.region_id AND c.year = gp.after_year
			  AND (gp.classification IS NULL OR c.classification = gp.classification)
			ORDER BY c.classification LIMIT 1) la ON true
	), c AS (
		SELECT p.region_id, x.*
		FROM p CROSS JOIN LATERAL @extschema@.gep_compare(p.before_areas, p.after_areas, p.gep_param_set, p.overrides, p.classification) x
		WHERE p.before_areas IS NOT NULL AND p.after_areas IS NOT NULL AND x.level IN ('group', 'total')
	)
	SELECT p.region_id AS fid, p.region_id, p.name, p.before_year, p.after_year,
		   max(c.before_yuan) FILTER (WHERE c.level = 'total') AS gep_before_yuan,
		   max(c.after_yuan) FILTER (WHERE c.level = 'total') AS gep_after_yuan,
		   max(c.change_yuan) FILTER (WHERE c.level = 'total') AS gep_change_yuan,
		   max(c.change_pct) FILTER (WHERE c.level = 'total') AS gep_change_pct,
		   max(c.before_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'provisioning') AS provisioning_before_yuan,
		   max(c.after_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'provisioning') AS provisioning_after_yuan,
		   max(c.before_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'regulating') AS regulating_before_yuan,
		   max(c.after_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'regulating') AS regulating_after_yuan,
		   max(c.before_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'cultural') AS cultural_before_yuan,
		   max(c.after_yuan) FILTER (WHERE c.level = 'group' AND c.service_group = 'cultural') AS cultural_after_yuan,
		   CASE WHEN p.before_areas IS NULL THEN 'no land-use areas before restoration (before_areas, or a raster of before_year and refresh())'
				WHEN p.after_areas IS NULL THEN 'no land-use areas after restoration (after_areas, or a raster of after_year and refresh())' END AS note,
		   p.geom
	FROM p LEFT JOIN c ON c.region_id = p.region_id
	GROUP BY p.region_id, p.name, p.before_year, p.after_year, p.before_areas, p.after_areas, p.geom$$,
	$$COMMENT ON VIEW {{s}}.gep_restoration IS 'GEP of every restoration project before and after (yuan/a): total, change, by service group (the GEP paper, Tables 4-6; ecocomp.gep_compare gives the full breakdown); areas from gep_project, or from the land-use rasters as of the last refresh()'$$,

	$$CREATE OR REPLACE VIEW {{s}}.mine_carbon_deficit AS
	WITH px AS (
		SELECT v.region_id, v.pixel_id, v.area_m2,
			   @extschema@.vcs_deficit(v.year, v.vcs_g_co2_m2, v.destroyed_year, v.restored_year) AS d,
			   bool_or(v.destroyed_year IS NOT NULL) AS destroyed,
			   bool_or(v.restored_year IS NOT NULL) AS restored
		FROM {{s}}.mine_vcs v
		GROUP BY v.region_id, v.pixel_id, v.area_m2
	), m AS (
		SELECT px.region_id,
			   sum((px.d).direct_decrease * px.area_m2) FILTER (WHERE px.destroyed) / 1e9::float8 AS direct_decrease_gg_co2,
			   sum((px.d).direct_increase * px.area_m2) FILTER (WHERE px.restored) / 1e9::float8 AS direct_increase_gg_co2,
			   sum((px.d).c_destroy * px.area_m2) / 1e9::float8 AS c_destroy_gg_co2,
			   sum((px.d).c_restore * px.area_m2) / 1e9::float8 AS c_restore_gg_co2,
			   sum((px.d).vcsd * px.area_m2) / 1e9::float8 AS vcsd_gg_co2,
			   sum(px.area_m2) FILTER (WHERE px.destroyed) AS destroyed_area_m2,
			   sum(px.area_m2) FILTER (WHERE px.restored) AS restored_area_m2,
			   count(*) FILTER (WHERE px.destroyed AND (px.d).baseline_years < 2) AS pixels_without_baseline
		FROM px GROUP BY px.region_id
	)
	SELECT r.region_id AS fid, r.region_id, r.name, m.direct_decrease_gg_co2, m.direct_increase_gg_co2,
		   m.c_destroy_gg_co2, m.c_restore_gg_co2, m.vcsd_gg_co2,
		   @extschema@.carbon_value_yuan(m.vcsd_gg_co2, s.carbon_price_yuan_per_t_co2) AS vcsd_value_yuan,
		   m.destroyed_area_m2, m.restored_area_m2,
		   m.restored_area_m2 / NULLIF(m.destroyed_area_m2, 0::float8) AS r_v,
		   m.direct_increase_gg_co2 / NULLIF(m.direct_decrease_gg_co2, 0::float8) AS r_vcs,
		   1e9::float8 * m.direct_decrease_gg_co2 / NULLIF(m.destroyed_area_m2, 0::float8) AS c_ddper_g_co2_m2,
		   1e9::float8 * m.direct_increase_gg_co2 / NULLIF(m.restored_area_m2, 0::float8) AS c_diper_g_co2_m2,
		   NULLIF(concat_ws('; ',
		   CASE WHEN m.region_id IS NULL THEN 'no VCS series for this mine (mine_vcs: run refresh() or load it)'
				WHEN m.pixels_without_baseline > 0 THEN format('%s destroyed pixel(s) have fewer than two years before destruction: no baseline, left out of C_destroy, C_restore and VCSD', m.pixels_without_baseline) END,
		   CASE WHEN m.vcsd_gg_co2 IS NOT NULL AND s.carbon_price_yuan_per_t_co2 IS NULL
				THEN 'no carbon price (settings.carbon_price_yuan_per_t_co2): no money value' END), '') AS note,
		   r.geom
	FROM {{s}}.region r CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
	LEFT JOIN m ON m.region_id = r.region_id
	WHERE r.level = 'mine'$$,
	$$COMMENT ON VIEW {{s}}.mine_carbon_deficit IS 'Vegetation carbon deficit of every mine (the carbon paper): direct decrease and increase, C_destroy, C_restore, VCSD in Gg CO2 (1e9 g), restored / destroyed area R_V, R_VCS, per-area direct changes in g CO2/m2; the money value of VCSD in yuan at settings.carbon_price_yuan_per_t_co2 (NULL, with a note, when no price is set); mine_carbon_series gives it year by year'$$,

	$$CREATE OR REPLACE VIEW {{s}}.mine_carbon_series AS
	WITH px AS (
		-- each pixel's series as of the last refresh() (or loaded by hand)
		SELECT v.region_id, v.pixel_id, v.area_m2, v.destroyed_year, v.restored_year,
			   array_agg(v.year ORDER BY v.year) AS years, array_agg(v.vcs_g_co2_m2 ORDER BY v.year) AS vcs
		FROM {{s}}.mine_vcs v
		GROUP BY v.region_id, v.pixel_id, v.area_m2, v.destroyed_year, v.restored_year
	), y AS (
		-- that year's terms of every pixel (vcs_deficit_series: they add up
		-- to vcs_deficit), weighted by the pixel's area in the mine
		SELECT px.region_id, d.year,
			   sum(d.direct_decrease * px.area_m2) / 1e9::float8 AS direct_decrease_gg_co2,
			   sum(d.direct_increase * px.area_m2) / 1e9::float8 AS direct_increase_gg_co2,
			   sum(d.c_destroy * px.area_m2) / 1e9::float8 AS c_destroy_gg_co2,
			   sum(d.c_restore * px.area_m2) / 1e9::float8 AS c_restore_gg_co2,
			   COALESCE(sum(px.area_m2) FILTER (WHERE d.destroyed_this_year), 0::float8) AS destroyed_area_m2,
			   COALESCE(sum(px.area_m2) FILTER (WHERE d.restored_this_year), 0::float8) AS restored_area_m2,
			   count(*) FILTER (WHERE d.phase <> 'undisturbed' AND d.baseline IS NULL) AS pixels_without_baseline
		FROM px CROSS JOIN LATERAL @extschema@.vcs_deficit_series(px.years, px.vcs, px.destroyed_year, px.restored_year) d
		GROUP BY px.region_id, d.year
	), c AS (
		SELECT y.*,
			   sum(y.direct_decrease_gg_co2) OVER w AS cum_decrease, sum(y.direct_increase_gg_co2) OVER w AS cum_increase,
			   sum(y.destroyed_area_m2) OVER w AS cum_destroyed, sum(y.restored_area_m2) OVER w AS cum_restored
		FROM y
		WINDOW w AS (PARTITION BY y.region_id ORDER BY y.year)
	)
	SELECT (row_number() OVER (ORDER BY c.region_id, c.year))::integer AS fid,
		   c.region_id, r.name, c.year,
		   c.direct_decrease_gg_co2, c.direct_increase_gg_co2, c.c_destroy_gg_co2, c.c_restore_gg_co2,
		   0::float8 - (c.c_destroy_gg_co2 + c.c_restore_gg_co2) AS vcsd_gg_co2,
		   @extschema@.carbon_value_yuan(0::float8 - (c.c_destroy_gg_co2 + c.c_restore_gg_co2), s.carbon_price_yuan_per_t_co2) AS vcsd_value_yuan,
		   c.destroyed_area_m2, c.restored_area_m2,
		   c.cum_destroyed AS cumulative_destroyed_area_m2, c.cum_restored AS cumulative_restored_area_m2,
		   c.cum_restored / NULLIF(c.cum_destroyed, 0::float8) AS r_v,
		   c.cum_increase / NULLIF(c.cum_decrease, 0::float8) AS r_vcs,
		   1e9::float8 * c.cum_decrease / NULLIF(c.cum_destroyed, 0::float8) AS c_ddper_g_co2_m2,
		   1e9::float8 * c.cum_increase / NULLIF(c.cum_restored, 0::float8) AS c_diper_g_co2_m2,
		   NULLIF(concat_ws('; ',
		   CASE WHEN c.pixels_without_baseline > 0 THEN format('%s disturbed pixel(s) have fewer than two years before destruction: no baseline, left out of C_destroy_t, C_restore_t and VCSD', c.pixels_without_baseline) END,
		   CASE WHEN s.carbon_price_yuan_per_t_co2 IS NULL THEN 'no carbon price (settings.carbon_price_yuan_per_t_co2): no money value' END), '') AS note,
		   r.geom
	FROM c JOIN {{s}}.region r ON r.region_id = c.region_id
	CROSS JOIN (SELECT * FROM {{s}}.settings LIMIT 1) s
	WHERE r.level = 'mine'$$,
	$$COMMENT ON VIEW {{s}}.mine_carbon_series IS 'Vegetation carbon deficit of every mine year by year (the carbon paper, Fig. 2 and Table S1), from the cached per-pixel series mine_vcs (vcs_deficit_series): that year''s direct decrease and increase, C_destroy_t, C_restore_t and VCSD in Gg CO2 and its money value in yuan (settings.carbon_price_yuan_per_t_co2), the area destroyed and restored that year (m2, where the disturbance takes effect: the first series year at or after its date), and cumulative to that year the areas, R_V, R_VCS, C_ddper and C_diper (g CO2/m2), a note where pixels lack a baseline or no carbon price is set; summed over the years the Gg CO2 columns equal mine_carbon_deficit'$$
	] LOOP
		EXECUTE replace(replace(replace(stmt, '{{s}}', s), '{{g}}', g), '{{srid}}', srid::text);
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_accounts(text, integer) IS
	'Create (or upgrade, keeping the data) a compensation account schema: input tables region (geometry MultiPolygon in the given SRID), region_stat, water_param, esv_adjustment, crop_stat, landuse_raster, npp_raster, disturbance_raster, gep_project, mine_vcs, settings; the materialized raster step landuse_cache and mine_cache with the functions refresh(), stale(), landuse_inputs(), mine_inputs(); result views region_landuse, city_esv, city_compensation, water_compensation, horizontal_compensation, gep_restoration, mine_carbon_deficit, mine_carbon_series; the factor adjustment table esv_adjustment; all owned by the caller';

-- ==================== sql/install/90-citus.sql ====================
------------------------------------------------------------------------------
-- Several nodes, one set of coefficients.  Under Citus (docs/citus.md) the
-- final functions of the aggregates run on the workers whenever a query
-- groups by the distribution column, and each node reads its own copy of the
-- reference tables.  reference_checksum() is one hash over the rows of every
-- reference and coefficient table, so a user can confirm that all nodes
-- agree:  SELECT * FROM run_command_on_all_nodes(
--           'SELECT ecocomp.reference_checksum()');
-- reference_checksums() gives the per-table hashes, to find the table that
-- differs.
--
-- The tables are read from the catalog at call time (the extension's
-- configuration tables, those registered with pg_extension_config_dump), so
-- tables added by later versions are included without a change here.
--
-- Canonical form, the same on every node whatever the session settings:
--  * a table is identified by its name (not its schema), and its hash covers
--    its columns ("name type typmod", the type without its schema), then its
--    rows;
--  * a row is ROW(col1, col2, ...)::text, where each column is its text
--    output, except types whose text output depends on settings
--    (extra_float_digits, DateStyle, IntervalStyle, TimeZone, bytea_output,
--    lc_monetary): float4, float8, money, bytea, dates, times, intervals,
--    arrays of them and domains over them contribute their binary send form
--    in hex (floats after adding +0, so -0 and 0 agree);
--  * rows are sorted by their UTF-8 bytes (independent of collation, server
--    encoding and insertion order) and joined by newlines;
--  * a hash is the hex SHA-256 of that UTF-8 text (no string literal with a
--    backslash, so standard_conforming_strings plays no part either).
-- No SET clause (the catalog test forbids them): every name below is
-- qualified, so the caller's search_path plays no part.
------------------------------------------------------------------------------

CREATE OR REPLACE FUNCTION @extschema@.reference_checksums(
	OUT table_name text, OUT row_count bigint, OUT checksum text)
RETURNS SETOF record
LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $fn$
DECLARE
	t record;
	cols text;		-- the row expression's column list
	header text;	-- column names and types
BEGIN
	FOR t IN
		SELECT c.oid AS reloid, n.nspname, c.relname
		FROM pg_catalog.pg_extension x
			CROSS JOIN LATERAL pg_catalog.unnest(x.extconfig) AS u(reloid)
			JOIN pg_catalog.pg_class c ON c.oid OPERATOR(pg_catalog.=) u.reloid
			JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
		WHERE x.extname OPERATOR(pg_catalog.=) 'ecocomp'::pg_catalog.name
		  AND c.relkind OPERATOR(pg_catalog.=) ANY ('{r,p}'::pg_catalog."char"[])
		ORDER BY pg_catalog.convert_to(c.relname::pg_catalog.text, 'UTF8')
	LOOP
		SELECT pg_catalog.string_agg(
				CASE
				WHEN bt.oid OPERATOR(pg_catalog.=) ANY ('{float4,float8}'::pg_catalog.regtype[]) THEN
					pg_catalog.format('pg_catalog.encode(pg_catalog.float8send(%I::pg_catalog.float8 OPERATOR(pg_catalog.+) ''0''::pg_catalog.float8), ''hex'')', a.attname)
				WHEN sp.oid IS NOT NULL AND (
				     bt.oid OPERATOR(pg_catalog.=) ANY ('{money,bytea}'::pg_catalog.regtype[])
				  OR bt.typcategory OPERATOR(pg_catalog.=) ANY ('{D,T}'::pg_catalog."char"[])
				  OR el.oid OPERATOR(pg_catalog.=) ANY ('{float4,float8,money,bytea}'::pg_catalog.regtype[])
				  OR el.typcategory OPERATOR(pg_catalog.=) ANY ('{D,T}'::pg_catalog."char"[])) THEN
					pg_catalog.format('pg_catalog.encode(%I.%I(%I::%I.%I), ''hex'')', sn.nspname, sp.proname, a.attname, bn.nspname, bt.typname)
				ELSE
					pg_catalog.format('%I::pg_catalog.text', a.attname)
				END,
				', ' ORDER BY a.attnum),
			-- type names without schema and typmods as numbers: format_type()
			-- would depend on the search_path
			pg_catalog.string_agg(
				pg_catalog.format('%s %s %s', a.attname, ty.typname, a.atttypmod),
				', ' ORDER BY a.attnum)
		INTO cols, header
		FROM pg_catalog.pg_attribute a
			JOIN pg_catalog.pg_type ty ON ty.oid OPERATOR(pg_catalog.=) a.atttypid
			-- a domain counts as its base type
			JOIN pg_catalog.pg_type bt ON bt.oid OPERATOR(pg_catalog.=) (CASE WHEN ty.typtype OPERATOR(pg_catalog.=) 'd'::pg_catalog."char" THEN ty.typbasetype ELSE ty.oid END)
			JOIN pg_catalog.pg_namespace bn ON bn.oid OPERATOR(pg_catalog.=) bt.typnamespace
			LEFT JOIN pg_catalog.pg_proc sp ON sp.oid OPERATOR(pg_catalog.=) bt.typsend
			LEFT JOIN pg_catalog.pg_namespace sn ON sn.oid OPERATOR(pg_catalog.=) sp.pronamespace
			LEFT JOIN pg_catalog.pg_type el ON el.oid OPERATOR(pg_catalog.=) bt.typelem
				AND bt.typcategory OPERATOR(pg_catalog.=) 'A'::pg_catalog."char"
		WHERE a.attrelid OPERATOR(pg_catalog.=) t.reloid
		  AND a.attnum OPERATOR(pg_catalog.>) 0::pg_catalog.int2
		  AND NOT a.attisdropped;

		table_name := t.relname;
		EXECUTE pg_catalog.format($q$
			SELECT pg_catalog.count(*),
				pg_catalog.encode(pg_catalog.sha256(
					pg_catalog.convert_to(%L, 'UTF8')
					OPERATOR(pg_catalog.||) COALESCE(
						pg_catalog.decode('0a', 'hex') OPERATOR(pg_catalog.||)
						pg_catalog.string_agg(s.r, pg_catalog.decode('0a', 'hex') ORDER BY s.r),
						pg_catalog.decode('', 'hex'))), 'hex')
			FROM (SELECT pg_catalog.convert_to((ROW(%s))::pg_catalog.text, 'UTF8') AS r
			      FROM %I.%I) s$q$,
			header, cols, t.nspname, t.relname)
		INTO row_count, checksum;
		RETURN NEXT;
	END LOOP;
END
$fn$;
COMMENT ON FUNCTION @extschema@.reference_checksums() IS
	'One row per reference and coefficient table of ecocomp (its configuration tables, read from the catalog at call time): name, row count and the hex SHA-256 of its columns and rows in a canonical order; compare between nodes to find the table that differs';
CREATE OR REPLACE FUNCTION @extschema@.reference_checksum()
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
	SELECT pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to(
		COALESCE(pg_catalog.string_agg(
			pg_catalog.format('%s %s %s', c.table_name, c.row_count, c.checksum), E'\n'
			ORDER BY pg_catalog.convert_to(c.table_name, 'UTF8')), ''),
		'UTF8')), 'hex')
	FROM @extschema@.reference_checksums() c;
END;
COMMENT ON FUNCTION @extschema@.reference_checksum() IS
	'One hex SHA-256 over the rows of every reference and coefficient table of ecocomp, independent of insertion order, collation and session settings: equal on two nodes exactly when they hold the same rows (run_command_on_all_nodes(''SELECT ecocomp.reference_checksum()'') under Citus)';

------------------------------------------------------------------------------
-- (c) in 0.1.0, not in 0.2.0
------------------------------------------------------------------------------
SELECT @extschema@._upgrade_retire('@extschema@.esv_detail(jsonb, double precision, text, text)');
SELECT @extschema@._upgrade_retire('@extschema@.esv_value(jsonb, double precision, text, text)');

DROP FUNCTION @extschema@._upgrade_retire(text, boolean);

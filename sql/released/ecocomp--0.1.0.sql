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
 'Xie G., Lu C., Leng Y. et al. 2003, J. Natural Resources 18(2):189-196; values from ChinaXiv-201909.00077, checked against Song et al. 2018 and Wei et al. 2018 yuan tables', true);

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
('xie2003', 'recreation_culture',         'cultural',     false,  9, '娱乐文化', 'Xie 2003', true);

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
('xie2015', 'construction',    'construction', 15, '建设用地', true);
INSERT INTO @extschema@.esv_ecosystem (scheme, ecosystem, level1, position, label_zh, builtin)
SELECT s.scheme, e.ecosystem, e.ecosystem, e.position, e.label_zh, true
FROM (VALUES ('xie2008'), ('xie2003')) AS s(scheme),
	 (VALUES ('farmland', 1, '农田'), ('forest', 2, '森林'), ('grassland', 3, '草地'),
			 ('wetland', 4, '湿地'), ('water', 5, '水体'), ('desert', 6, '荒漠'),
			 ('construction', 7, '建设用地')) AS e(ecosystem, position, label_zh);

-- Xie 2015, equivalents per hm2, columns in esv_service.position order:
-- food, raw, water, gas, climate, purify, hydro, soil, nutrient, biodiv, aesthetic
INSERT INTO @extschema@.esv_factor (scheme, ecosystem, service, factor, source, builtin)
SELECT 'xie2015', r.ecosystem, s.service, r.f[s.position], r.source, true
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
JOIN @extschema@.esv_service s ON s.scheme = 'xie2015';

-- Xie 2008, columns: food, raw, gas, climate, hydro, waste, soil, biodiv, aesthetic
INSERT INTO @extschema@.esv_factor (scheme, ecosystem, service, factor, source, builtin)
SELECT 'xie2008', r.ecosystem, s.service, r.f[s.position], r.source, true
FROM (VALUES
	('forest',       ARRAY[0.33, 2.98, 4.32,  4.07,  4.09,  1.72, 4.02, 4.51, 2.08], 'Xie 2008 via Wei & Zhao 2017'),
	('grassland',    ARRAY[0.43, 0.36, 1.50,  1.56,  1.52,  1.32, 2.24, 1.87, 0.87], 'Xie 2008 via Wei & Zhao 2017'),
	('farmland',     ARRAY[1.00, 0.39, 0.72,  0.97,  0.77,  1.39, 1.47, 1.02, 0.17], 'Xie 2008 via Wei & Zhao 2017'),
	('wetland',      ARRAY[0.36, 0.24, 2.41, 13.55, 13.44, 14.40, 1.99, 3.69, 4.69], 'Xie 2008 via Wei & Zhao 2017'),
	('water',        ARRAY[0.53, 0.35, 0.51,  2.06, 18.77, 14.85, 0.41, 3.43, 4.44], 'Xie 2008 (rivers/lakes) via Wei & Zhao 2017'),
	('desert',       ARRAY[0.02, 0.04, 0.06,  0.13,  0.07,  0.26, 0.17, 0.40, 0.24], 'Xie 2008 via Wei & Zhao 2017'),
	('construction', ARRAY[0.00, 0.00, 0.00,  0.00,  0.00,  0.00, 0.00, 0.00, 0.00], 'construction (built-up) land has zero ESV in the equivalent-factor method (the ESV method (docs/sources.md))')
	) AS r(ecosystem, f, source)
JOIN @extschema@.esv_service s ON s.scheme = 'xie2008';

-- Xie 2003, columns: food, raw, gas, climate, water conservation, waste,
-- soil formation, biodiv, recreation
INSERT INTO @extschema@.esv_factor (scheme, ecosystem, service, factor, source, builtin)
SELECT 'xie2003', r.ecosystem, s.service, r.f[s.position], r.source, true
FROM (VALUES
	('forest',       ARRAY[0.10, 2.60, 3.50,  2.70,  3.20,  1.31, 3.90, 3.26, 1.28], 'Xie 2003 via ChinaXiv-201909.00077'),
	('grassland',    ARRAY[0.30, 0.05, 0.80,  0.90,  0.80,  1.31, 1.95, 1.09, 0.04], 'Xie 2003 via ChinaXiv-201909.00077'),
	('farmland',     ARRAY[1.00, 0.10, 0.50,  0.89,  0.60,  1.64, 1.46, 0.71, 0.01], 'Xie 2003 via ChinaXiv-201909.00077'),
	('wetland',      ARRAY[0.30, 0.07, 1.80, 17.10, 15.50, 18.18, 1.71, 2.50, 5.55], 'Xie 2003 via ChinaXiv-201909.00077'),
	('water',        ARRAY[0.10, 0.01, 0.00,  0.46, 20.38, 18.18, 0.01, 2.49, 4.34], 'Xie 2003 via ChinaXiv-201909.00077'),
	('desert',       ARRAY[0.01, 0.00, 0.00,  0.00,  0.03,  0.01, 0.02, 0.34, 0.01], 'Xie 2003 desert column via Song et al. 2018 (yuan / 67663.20)'),
	('construction', ARRAY[0.00, 0.00, 0.00,  0.00,  0.00,  0.00, 0.00, 0.00, 0.00], 'construction (built-up) land has zero ESV in the equivalent-factor method (the ESV method (docs/sources.md))')
	) AS r(ecosystem, f, source)
JOIN @extschema@.esv_service s ON s.scheme = 'xie2003';
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
 'ESA WorldCover product documentation; USEPA ATtILA2 wiki; Planetary Computer STAC item', true);

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
('worldcover', 100, 'moss and lichen', NULL, 'moss and lichen', true);

-- code -> (Xie 2015 secondary type, first-level type used by xie2008/xie2003)
INSERT INTO @extschema@.landuse_map (classification, code, scheme, ecosystem, reason, builtin)
SELECT m.classification, m.code, s.scheme,
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
	(VALUES ('xie2015'), ('xie2008'), ('xie2003')) AS s(scheme);
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
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015')
RETURNS @extschema@.esv_summary
AS 'MODULE_PATHNAME', 'esv_value_jsonb'
LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.esv_value(jsonb, double precision, text, text) IS
	'ESV in yuan/a of land-use areas {"<code>": hectares, "nodata": hectares} at E_a yuan/hm2/a: total, by service group, non-market (Wang et al., in press, eqs. 2-3); unmapped codes are an error';

CREATE FUNCTION @extschema@.esv_detail(areas jsonb, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015')
RETURNS TABLE (ecosystem text, level1 text, service text, service_group text,
	market boolean, area_ha double precision, factor double precision,
	value_yuan double precision)
AS 'MODULE_PATHNAME', 'esv_detail_jsonb'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.esv_detail(jsonb, double precision, text, text) IS
	'ESV by (ecosystem type, service) of land-use areas in hectares: area_ha, equivalent factor, value_yuan in yuan/a; one row per service of each ecosystem present in the input';

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

CREATE FUNCTION @extschema@.ecps_class(ecps double precision)
RETURNS text
AS 'MODULE_PATHNAME', 'ecps_class'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ecps_class(double precision) IS
	'Priority class of an ECPS as the ESV paper (Wang et al., in press) reports them: high (> 0.5), medium (0.3, 0.5], low (0.1, 0.3], very low (<= 0.1)';

CREATE FUNCTION @extschema@.copy_esv_scheme(source text, target text, title text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
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
------------------------------------------------------------------------------
-- Raster zonal engine (issue 3): land-use areas, transitions and ESV from
-- PostGIS rasters inside the database.  The install script runs with
-- PostGIS's schema on search_path, so raster and geometry resolve here.
------------------------------------------------------------------------------

CREATE TYPE @extschema@.landuse_state;

CREATE FUNCTION @extschema@.landuse_state_in(cstring) RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.landuse_state_out(@extschema@.landuse_state) RETURNS cstring
AS 'MODULE_PATHNAME', 'landuse_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.landuse_state_recv(internal) RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.landuse_state_send(@extschema@.landuse_state) RETURNS bytea
AS 'MODULE_PATHNAME', 'landuse_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.landuse_state (
	INPUT = @extschema@.landuse_state_in,
	OUTPUT = @extschema@.landuse_state_out,
	RECEIVE = @extschema@.landuse_state_recv,
	SEND = @extschema@.landuse_state_send,
	INTERNALLENGTH = VARIABLE,
	ALIGNMENT = double,
	STORAGE = extended
);
COMMENT ON TYPE @extschema@.landuse_state IS
	'Transition state of the raster aggregates: histogram of land-use code (or (from, to) code pair) -> area in m2, nodata area, coverage mode, band, SRID, polygon hash; text form kind=...;mode=...;hist=code:0=m2,...';
COMMENT ON FUNCTION @extschema@.landuse_state_in(cstring) IS 'Text input of landuse_state (areas in m2)';
COMMENT ON FUNCTION @extschema@.landuse_state_out(@extschema@.landuse_state) IS 'Text output of landuse_state (areas in m2)';
COMMENT ON FUNCTION @extschema@.landuse_state_recv(internal) IS 'Binary input of landuse_state (areas in m2)';
COMMENT ON FUNCTION @extschema@.landuse_state_send(@extschema@.landuse_state) IS 'Binary output of landuse_state (areas in m2)';

-- support functions of the aggregates (aggregates cannot have DEFAULT
-- arguments: each shorter overload uses the defaults in C)
CREATE FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_area_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry) IS
	'Transition function of landuse_area: adds the area (m2) of each land-use code of one tile inside the polygon';

CREATE FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_area_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer) IS
	'Transition function of landuse_area: adds the area (m2) of each land-use code of one tile inside the polygon';

CREATE FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_area_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_area_transfn(@extschema@.landuse_state, raster, geometry, integer, text) IS
	'Transition function of landuse_area: adds the area (m2) of each land-use code of one tile inside the polygon';

CREATE FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_transition_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry) IS
	'Transition function of landuse_transition: adds the area (m2) of each (from code, to code) pair of one pair of aligned tiles inside the polygon';

CREATE FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_transition_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer) IS
	'Transition function of landuse_transition: adds the area (m2) of each (from code, to code) pair of one pair of aligned tiles inside the polygon';

CREATE FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_transition_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.landuse_transition_transfn(@extschema@.landuse_state, raster, raster, geometry, integer, text) IS
	'Transition function of landuse_transition: adds the area (m2) of each (from code, to code) pair of one pair of aligned tiles inside the polygon';

CREATE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';

CREATE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';

CREATE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';

CREATE FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text, integer)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'esv_value_transfn' LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.esv_value_transfn(@extschema@.landuse_state, raster, geometry, double precision, text, text, integer) IS
	'Transition function of the esv_value aggregate: exact land-use areas (m2) of one tile inside the polygon, plus E_a (yuan/hm2/a), classification and scheme';

CREATE FUNCTION @extschema@.landuse_state_combine(@extschema@.landuse_state, @extschema@.landuse_state)
RETURNS @extschema@.landuse_state
AS 'MODULE_PATHNAME', 'landuse_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.landuse_state_combine(@extschema@.landuse_state, @extschema@.landuse_state) IS
	'Combine function of the raster aggregates: adds two histograms of areas (m2); states of different coverage modes, bands or polygons are an error';

CREATE FUNCTION @extschema@.landuse_area_final(@extschema@.landuse_state) RETURNS jsonb
AS 'MODULE_PATHNAME', 'landuse_area_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.landuse_area_final(@extschema@.landuse_state) IS
	'Final function of landuse_area: {"<code>": hectares, ..., "nodata": hectares}';

CREATE FUNCTION @extschema@.landuse_transition_final(@extschema@.landuse_state) RETURNS jsonb
AS 'MODULE_PATHNAME', 'landuse_transition_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.landuse_transition_final(@extschema@.landuse_state) IS
	'Final function of landuse_transition: {"<from code>": {"<to code>": hectares, ...}, ...} with "nodata" keys';

CREATE FUNCTION @extschema@.esv_value_final(@extschema@.landuse_state) RETURNS @extschema@.esv_summary
AS 'MODULE_PATHNAME', 'esv_value_final' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.esv_value_final(@extschema@.landuse_state) IS
	'Final function of the esv_value aggregate: ESV in yuan/a through the same core as esv_value(jsonb, ...)';

CREATE AGGREGATE @extschema@.landuse_area(rast raster, geom geometry) (
	SFUNC = @extschema@.landuse_area_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_area_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_area(raster, geometry) IS
	'Land-use areas in hectares of one polygon over the tiles of a raster coverage: {"<code>": ha, ..., "nodata": ha}; band default 1; coverage ''exact'' (default: area-weighted pixels) or ''center'' (pixels whose centre is inside, as ST_Clip); pixels outside every tile are not counted';

CREATE AGGREGATE @extschema@.landuse_area(rast raster, geom geometry, band integer) (
	SFUNC = @extschema@.landuse_area_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_area_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_area(raster, geometry, integer) IS
	'Land-use areas in hectares of one polygon over the tiles of a raster coverage: {"<code>": ha, ..., "nodata": ha}; band default 1; coverage ''exact'' (default: area-weighted pixels) or ''center'' (pixels whose centre is inside, as ST_Clip); pixels outside every tile are not counted';

CREATE AGGREGATE @extschema@.landuse_area(rast raster, geom geometry, band integer, coverage text) (
	SFUNC = @extschema@.landuse_area_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_area_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_area(raster, geometry, integer, text) IS
	'Land-use areas in hectares of one polygon over the tiles of a raster coverage: {"<code>": ha, ..., "nodata": ha}; band default 1; coverage ''exact'' (default: area-weighted pixels) or ''center'' (pixels whose centre is inside, as ST_Clip); pixels outside every tile are not counted';

CREATE AGGREGATE @extschema@.landuse_transition(rast_from raster, rast_to raster, geom geometry) (
	SFUNC = @extschema@.landuse_transition_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_transition_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 8192,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_transition(raster, raster, geometry) IS
	'Land-use transition matrix in hectares of one polygon over pairs of aligned tiles of two years: {"<from code>": {"<to code>": ha}} with "nodata" keys; band default 1; coverage ''exact'' (default) or ''center''';

CREATE AGGREGATE @extschema@.landuse_transition(rast_from raster, rast_to raster, geom geometry, band integer) (
	SFUNC = @extschema@.landuse_transition_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_transition_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 8192,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_transition(raster, raster, geometry, integer) IS
	'Land-use transition matrix in hectares of one polygon over pairs of aligned tiles of two years: {"<from code>": {"<to code>": ha}} with "nodata" keys; band default 1; coverage ''exact'' (default) or ''center''';

CREATE AGGREGATE @extschema@.landuse_transition(rast_from raster, rast_to raster, geom geometry, band integer, coverage text) (
	SFUNC = @extschema@.landuse_transition_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.landuse_transition_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 8192,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.landuse_transition(raster, raster, geometry, integer, text) IS
	'Land-use transition matrix in hectares of one polygon over pairs of aligned tiles of two years: {"<from code>": {"<to code>": ha}} with "nodata" keys; band default 1; coverage ''exact'' (default) or ''center''';

CREATE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';

CREATE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';

CREATE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text, scheme text) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text, text) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';

CREATE AGGREGATE @extschema@.esv_value(rast raster, geom geometry, ea double precision, classification text, scheme text, band integer) (
	SFUNC = @extschema@.esv_value_transfn,
	STYPE = @extschema@.landuse_state,
	FINALFUNC = @extschema@.esv_value_final,
	COMBINEFUNC = @extschema@.landuse_state_combine,
	SSPACE = 4096,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.esv_value(raster, geometry, double precision, text, text, integer) IS
	'ESV in yuan/a (total, by service group, non-market) of one polygon over the tiles of a land-use raster, exact coverage, at E_a yuan/hm2/a; classification default ''cnlucc'', scheme default ''xie2015'', band default 1; equals esv_value(landuse_area(rast, geom, band), ea, classification, scheme)';

CREATE FUNCTION @extschema@.esv_raster(rast raster, ea double precision,
	classification text DEFAULT 'cnlucc', scheme text DEFAULT 'xie2015', band integer DEFAULT 1)
RETURNS raster
AS 'MODULE_PATHNAME', 'esv_raster' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.esv_raster(raster, double precision, text, text, integer) IS
	'One-band 32BF raster of ESV per pixel in yuan/hm2/a (sum of the equivalent factors of the pixel''s ecosystem times E_a), same georeference; nodata pixels stay nodata (-9999)';

CREATE FUNCTION @extschema@._raster_check(bytea) RETURNS text
AS 'MODULE_PATHNAME', 'ecocomp_raster_check' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._raster_check(bytea) IS
	'Test entry point: run the bounds-checked serialized-raster reader over raw bytes; returns "WxH srid=N bands=N <pixtype>..." or raises 22000';

CREATE FUNCTION @extschema@._raster_bytes(raster) RETURNS bytea
AS 'MODULE_PATHNAME', 'ecocomp_raster_bytes' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@._raster_bytes(raster) IS
	'Test entry point: the serialized raster (RFC1) as bytes, including its 4-byte varlena word';
------------------------------------------------------------------------------
-- Gross ecosystem product (GEP) of a restoration project (the GEP paper (Xu X. et al., in press)):
-- service formulas, parameter sets as data, a before/after account.
-- Method: the GEP method (docs/gep.md); defaults the paper does not give:
-- docs/sources.md (coefficients 3).  The README section "GEP
-- accounting" documents every object.
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

INSERT INTO @extschema@.gep_land_type (land_type, label, contributes, position, source, builtin) VALUES
('forest',       'forest land (林地, including shrubland)', true,  1, 'Xu X. et al., in press, Table 1', true),
('dryland',      'dry land (旱地)',                          true,  2, 'Xu X. et al., in press, Table 1', true),
('grassland',    'grassland (草地)',                         true,  3, 'Xu X. et al., in press, Table 1', true),
('paddy',        'paddy field (水田)',                       true,  4, 'ecocomp: needed to map CNLUCC code 11; no parameters in the built-in set', true),
('water',        'water bodies, glaciers and snow',          true,  5, 'ecocomp: needed to map water codes; no parameters in the built-in set', true),
('wetland',      'wetland, marsh, tidal flat, mangrove',     true,  6, 'ecocomp: needed to map wetland codes; no parameters in the built-in set', true),
('mining',       'mining land (工矿用地)',                   false, 7, 'Xu X. et al., in press, Table 1 and section 3.3: mining land contributes nothing', true),
('construction', 'construction land (建设用地)',             false, 8, 'Xu X. et al., in press, Table 1 and section 3.3: construction land contributes nothing', true),
('bare',         'bare land: sand, gobi, saline, bare soil and rock', false, 9, 'ecocomp: unvegetated land valued like the paper''s mining land (no vegetation, no product)', true);

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
('worldcover', 100, 'bare',    'moss and lichen (tundra-like, sparse): bare land, as the ESV mapping values it as desert', true);

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
	'The parameters gep_account reads, with the unit every value of gep_param must be in; this list is fixed by the C code (rows added here are not read)';

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
('grain_yield',         'kg/hm2',             'aesthetic_landscape',   'P_b',  'average grain yield per hectare', 'Xu X. et al., in press, Table 3', true);

CREATE TABLE @extschema@.gep_param_set (
	param_set	text PRIMARY KEY,
	title		text NOT NULL,
	source		text NOT NULL,
	builtin		boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE @extschema@.gep_param_set IS
	'Named GEP parameter sets; jinsha_2022 is the GEP paper (Xu X. et al., in press) (Jinsha County coal mine restoration, Guizhou, 2022)';

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

INSERT INTO @extschema@.gep_param_set (param_set, title, source, builtin) VALUES
('jinsha_2022', 'Jinsha County (Guizhou) coal mine restoration 2022: the paper''s parameters; sourced defaults where it is silent; ac_days, evapotranspiration, dry-land runoff, crop yield and price, grain price and yield required',
 'the GEP paper (Xu X. et al., in press) (GEP accounting of a mine ecological restoration project, Jinsha County, Guizhou) Table 3 and section 2; docs/sources.md (coefficients 3)', true);

INSERT INTO @extschema@.gep_param (param_set, parameter, land_type, value, unit, source, builtin) VALUES
-- agricultural products: only dry land yields crops (Table 5); its yield and
-- price come from the local agricultural department and are not published
('jinsha_2022', 'crop_yield', 'forest',    0, 'kg/hm2/a', 'Xu X. et al., in press, Table 5: no agricultural products from forest land', true),
('jinsha_2022', 'crop_yield', 'grassland', 0, 'kg/hm2/a', 'Xu X. et al., in press, Table 5: no agricultural products from grassland', true),
-- water conservation
('jinsha_2022', 'precipitation', NULL, 1126.71, 'mm/a', 'Xu X. et al., in press, section 2: average annual precipitation of the study area', true),
('jinsha_2022', 'runoff_coefficient', 'forest', 0.0465, '1', 'docs/sources.md (coefficients 3.2): Gong et al. 2017, Acta Ecol. Sin. 37(7):2455, Table 2, evergreen broadleaf forest 4.65% (the zonal forest of subtropical Guizhou); the paper''s coefficient (NDRC/NBS 2022) is not published', true),
('jinsha_2022', 'runoff_coefficient', 'grassland', 0.0387, '1', 'docs/sources.md (coefficients 3.2): Gong et al. 2017, Table 2, (sub)tropical tussock 3.87%; the paper''s coefficient is not published', true),
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
('jinsha_2022', 'sediment_coefficient', NULL, 0.24, '1', 'not in the GEP paper (Xu X. et al., in press); docs/sources.md (coefficients 3.1): Garze GEP 2010 (Baima Zhuoga et al. 2017, Acta Ecol. Sin. 37(19):6302) citing Ouyang, Wang, Miao 1999', true),
('jinsha_2022', 'soil_bulk_density', NULL, 1.3, 't/m3', 'not in the GEP paper (Xu X. et al., in press); docs/sources.md (coefficients 3.3): generic 1.3 g/cm3 (Lancang River GEP 2017); the Garze 0.93 is alpine grassland', true),
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
('jinsha_2022', 'carbon_price', NULL, 380, 'yuan/t CO2', 'not in the GEP paper (Xu X. et al., in press); docs/sources.md (coefficients 3.1): Garze GEP 2010 carbon fixation price applied to fixed CO2 (the paper''s values imply about 386)', true),
('jinsha_2022', 'oxygen_price', NULL, 1000, 'yuan/t', 'Xu X. et al., in press, Table 3 (Cao et al. 2023, Guizhou)', true),
-- climate regulation (ac_days is required: the paper''s d is not published)
('jinsha_2022', 'heat_absorbed', NULL, 81100, 'kJ/hm2/d', 'Xu X. et al., in press, Table 3 (Ouyang et al. 2013)', true),
('jinsha_2022', 'eer', NULL, 3.0, '1', 'Xu X. et al., in press, Table 3', true),
('jinsha_2022', 'electricity_price', NULL, 0.45, 'yuan/kWh', 'Xu X. et al., in press, Table 3 (China Southern Power Grid, first tariff level)', true),
-- aesthetic landscape (grain price and yield of Jinsha County are not published)
('jinsha_2022', 'landscape_factor', 'dryland',   0.06, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'landscape_factor', 'forest',    0.82, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'landscape_factor', 'grassland', 0.56, '1', 'Xu X. et al., in press, Table 3 (Jiang et al. 2017)', true),
('jinsha_2022', 'equivalent_coefficient', NULL, 1.0 / 7, '1', 'Xu X. et al., in press, Table 3: 1/7', true);

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
			   pg_catalog.array_position(ARRAY['agricultural_products', 'water_conservation',
					'sediment_reduction', 'nitrogen_reduction', 'phosphorus_reduction',
					'so2_purification', 'nox_purification', 'dust_purification', 'carbon_fixation',
					'oxygen_release', 'climate_regulation', 'aesthetic_landscape'],
				 COALESCE(b.item, f.item)) AS svc_order,
			   lt.position AS lt_order
		FROM b FULL JOIN f
			ON b.service = f.service AND b.item = f.item AND b.land_type = f.land_type
		JOIN @extschema@.gep_land_type lt ON lt.land_type = COALESCE(b.land_type, f.land_type)
	), g AS (
		SELECT CASE
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) = 15 THEN 'total'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) = 14 THEN 'land_type'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) = 7 THEN 'group'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) = 3 THEN 'service'
				 WHEN GROUPING(j.service_group, j.service, j.item, j.land_type) = 2 THEN 'service_land_type'
				 ELSE 'item'
			   END AS level,
			   j.service_group, j.service, j.item, j.land_type,
			   CASE WHEN GROUPING(j.item) = 0 THEN pg_catalog.max(j.unit) END AS unit,
			   CASE WHEN GROUPING(j.item) = 0 THEN pg_catalog.sum(j.bq) END AS bq,
			   CASE WHEN GROUPING(j.item) = 0 THEN pg_catalog.sum(j.fq) END AS fq,
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
		SELECT g.bv AS tb, g.fv AS tf FROM g WHERE g.level = 'total'
	)
	SELECT g.level, g.service_group, g.service, g.item, g.land_type, g.unit,
		   g.bq, g.fq, g.bv, g.fv,
		   g.fv - g.bv,
		   CASE WHEN g.bv <> 0 THEN 100 * (g.fv - g.bv) / g.bv END,
		   CASE WHEN t.tb <> 0 THEN 100 * g.bv / t.tb END,
		   CASE WHEN t.tf <> 0 THEN 100 * g.fv / t.tf END,
		   CASE WHEN g.bv > 0 THEN (pg_catalog.rank() OVER (PARTITION BY g.level, g.bv > 0 ORDER BY g.bv DESC))::integer END,
		   CASE WHEN g.fv > 0 THEN (pg_catalog.rank() OVER (PARTITION BY g.level, g.fv > 0 ORDER BY g.fv DESC))::integer END
	FROM g CROSS JOIN t
	ORDER BY pg_catalog.array_position(ARRAY['item', 'service', 'group', 'service_land_type', 'land_type', 'total'], g.level),
			 g.svc_order, g.lt_order
$$;
COMMENT ON FUNCTION @extschema@.gep_compare(jsonb, jsonb, text, jsonb, text, jsonb, jsonb, text[]) IS
	'Before/after GEP comparison (Xu X. et al., in press, Tables 4 to 6) of two area sets: rows at level item, service, group (Table 4), service_land_type (Table 5), land_type and total (Table 6) with quantities (item level), values in yuan/a, change in yuan/a and %, shares of the total in %, and ranks by value; before_overrides / after_overrides apply on top of overrides to one side only; services NULL = all';

CREATE FUNCTION @extschema@.copy_gep_param_set(source text, target text, title text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
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
------------------------------------------------------------------------------
-- Water resource ecological footprint, carrying capacity and compensation
-- (the water-footprint paper (2024)).  Areas are national hm2; volumes m3; money yuan.
------------------------------------------------------------------------------

CREATE TYPE @extschema@.water_footprint_hm2 AS (
	aquatic		double precision,
	freshwater	double precision,
	pollution	double precision,
	total		double precision
);
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

CREATE TYPE @extschema@.water_balance AS (
	erd			double precision,
	value_yuan	double precision,
	role		text
);
COMMENT ON TYPE @extschema@.water_balance IS
	'Water resource ecological deficit/surplus and its monetary value (the water-footprint paper, 2024, Table 7): erd in national hm2, value_yuan in yuan, role payer/recipient/balanced';
COMMENT ON COLUMN @extschema@.water_balance.erd IS
	'Ecological deficit (< 0) or surplus (> 0) ERD = EC_w - EF_w, national hm2';
COMMENT ON COLUMN @extschema@.water_balance.value_yuan IS
	'Monetary value of the deficit/surplus, yuan = ERD * unit value (yuan per national hm2); negative for a deficit';
COMMENT ON COLUMN @extschema@.water_balance.role IS
	'payer (deficit, ERD < 0), recipient (surplus, ERD > 0) or balanced (ERD = 0)';

CREATE FUNCTION @extschema@.water_footprint(aquatic_t double precision,
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

CREATE FUNCTION @extschema@.water_carrying_capacity(q_m3 double precision,
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

CREATE FUNCTION @extschema@.water_compensation(ef double precision, ec double precision,
	unit_value double precision DEFAULT 2476)
RETURNS @extschema@.water_balance
AS 'MODULE_PATHNAME', 'water_compensation'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_compensation(double precision, double precision, double precision) IS
	'Water ecological deficit/surplus ERD = EC_w - EF_w (national hm2, the water-footprint paper, 2024, eq. 3), its value in yuan = ERD * unit_value (yuan per national hm2, default 2476 of the water-footprint paper (2024)) and the role: payer (ERD < 0), recipient (ERD > 0), balanced';

CREATE FUNCTION @extschema@.water_equivalence_factor(
	water_gdp_per_m3 double precision DEFAULT 11.7,
	water_per_hm2 double precision DEFAULT 1042,
	arable_gdp_per_hm2 double precision DEFAULT 7863,
	arable_equivalence_factor double precision DEFAULT 1.74)
RETURNS double precision
AS 'MODULE_PATHNAME', 'water_equivalence_factor'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_equivalence_factor(double precision, double precision, double precision, double precision) IS
	'Water equivalence factor a_w = arable factor * (GDP per m3 of water, yuan/m3 * usable water per hectare, m3/hm2) / GDP per hectare of arable land, yuan/hm2 (the water-footprint paper, 2024, sec. 2.2.1); defaults 11.7 yuan/m3, 1042 m3/hm2, 7863 yuan/hm2, 1.74 give 2.698, the paper''s 2.70';

CREATE FUNCTION @extschema@.water_unit_value(equivalents double precision, ec double precision,
	ea double precision DEFAULT 3452)
RETURNS double precision
AS 'MODULE_PATHNAME', 'water_unit_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_unit_value(double precision, double precision, double precision) IS
	'Monetary value per national hm2 of water carrying capacity, yuan = E_a (yuan/hm2, default 3452 of the water-footprint paper (2024)) * ecological equivalents of the accounts to compensate (hm2 of equivalent factor 1) / EC_w of the same region (national hm2) (the water-footprint paper, 2024, sec. 2.2.3; the paper gets 2476)';

CREATE FUNCTION @extschema@.water_footprint_add(@extschema@.water_footprint_hm2, @extschema@.water_footprint_hm2)
RETURNS @extschema@.water_footprint_hm2
AS 'MODULE_PATHNAME', 'water_footprint_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_footprint_add(@extschema@.water_footprint_hm2, @extschema@.water_footprint_hm2) IS
	'Sum of two water footprints field by field, national hm2 (transition and combine function of water_footprint_sum); a NULL argument is skipped, NULL fields are an error';

CREATE AGGREGATE @extschema@.water_footprint_sum(@extschema@.water_footprint_hm2) (
	SFUNC = @extschema@.water_footprint_add,
	STYPE = @extschema@.water_footprint_hm2,
	COMBINEFUNC = @extschema@.water_footprint_add,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.water_footprint_sum(@extschema@.water_footprint_hm2) IS
	'Water footprint of a zone in national hm2: the field-by-field sum of its districts'' footprints (EF is linear in its inputs); NULL rows are skipped, no rows give NULL';

CREATE FUNCTION @extschema@.water_balance_add(@extschema@.water_balance, @extschema@.water_balance)
RETURNS @extschema@.water_balance
AS 'MODULE_PATHNAME', 'water_balance_add'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.water_balance_add(@extschema@.water_balance, @extschema@.water_balance) IS
	'Sum of two water balances: erd (national hm2) and value_yuan (yuan) added, role from the sign of the summed erd (transition and combine function of water_balance_sum)';

CREATE AGGREGATE @extschema@.water_balance_sum(@extschema@.water_balance) (
	SFUNC = @extschema@.water_balance_add,
	STYPE = @extschema@.water_balance,
	COMBINEFUNC = @extschema@.water_balance_add,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.water_balance_sum(@extschema@.water_balance) IS
	'Water balance of a zone: erd (national hm2) and value_yuan (yuan) summed over its districts, role (payer/recipient/balanced) from the sign of the zone''s erd; NULL rows are skipped, no rows give NULL';
------------------------------------------------------------------------------
-- Vegetation carbon sequestration and the carbon deficit of mining
-- (the carbon paper (Xu Y. et al. 2024))
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.vcs(npp_g_c_m2 double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'vcs_from_npp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs(double precision) IS
	'Vegetation carbon sequestration in g CO2/m2/a from NPP in g C/m2/a: VCS = NPP * 2.2 * 1.63 (the carbon paper (Xu Y. et al. 2024))';

CREATE FUNCTION @extschema@.npp_from_modis(dn integer)
RETURNS double precision
AS 'MODULE_PATHNAME', 'npp_from_modis_dn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npp_from_modis(integer) IS
	'NPP in g C/m2/a from a MOD17A3HGF Npp_500m digital number (DN * 0.0001 kg C/m2 = DN * 0.1 g C/m2); NULL for the fill and non-vegetated codes 32761..32767';

CREATE TYPE @extschema@.vcs_deficit_result AS (
	baseline_slope		double precision,
	baseline_intercept	double precision,
	baseline_years		integer,
	direct_decrease		double precision,
	direct_increase		double precision,
	c_destroy			double precision,
	c_restore			double precision,
	vcsd				double precision
);
COMMENT ON TYPE @extschema@.vcs_deficit_result IS
	'Carbon deficit of one pixel or unit, in the unit of the VCS input (g CO2/m2/a per year, sums in g CO2/m2): baseline line (slope per year, intercept at year 0) fitted on baseline_years years before destruction, direct decrease and increase, potential changes C_destroy and C_restore, VCSD = -(C_destroy + C_restore)';

CREATE FUNCTION @extschema@.vcs_deficit_accum(state double precision[], year integer, vcs double precision,
	destroyed_year integer, restored_year integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_deficit_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_deficit_accum(double precision[], integer, double precision, integer, integer) IS
	'Transition function of vcs_deficit: appends (year, VCS) to the series state in place';

CREATE FUNCTION @extschema@.vcs_deficit_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_deficit_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_deficit_combine(double precision[], double precision[]) IS
	'Combine function of vcs_deficit: the union of two partial series';

CREATE FUNCTION @extschema@.vcs_deficit_final(state double precision[])
RETURNS @extschema@.vcs_deficit_result
AS 'MODULE_PATHNAME', 'vcs_deficit_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_deficit_final(double precision[]) IS
	'Final function of vcs_deficit: baseline, direct and potential changes, VCSD';

CREATE AGGREGATE @extschema@.vcs_deficit(year integer, vcs double precision, destroyed_year integer, restored_year integer) (
	SFUNC = @extschema@.vcs_deficit_accum,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.vcs_deficit_combine,
	FINALFUNC = @extschema@.vcs_deficit_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.vcs_deficit(integer, double precision, integer, integer) IS
	'Carbon deficit of one pixel''s or unit''s yearly VCS series (g CO2/m2/a) given its destruction and restoration years (NULL: none); rows in any order, a NULL VCS is a missing year (Xu Y. et al. 2024, eqs. 2-5)';
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
CREATE FUNCTION @extschema@.npp_from_modis(rast raster, band integer)
RETURNS raster
AS 'MODULE_PATHNAME', 'npp_from_modis_raster'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_from_modis(raster, integer) IS
	'One-band 32BF raster of NPP in g C/m2/a from MOD17A3HGF Npp_500m digital numbers (integer band): DN * 0.1 (0.0001 kg C/m2); the fill and non-vegetated codes 32761..32767 and the band''s nodata become nodata (-3.4028235e38); other values outside -30000..32700 are an error';

CREATE FUNCTION @extschema@.vcs(rast raster, band integer)
RETURNS raster
AS 'MODULE_PATHNAME', 'vcs_raster'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs(raster, integer) IS
	'One-band 32BF raster of vegetation carbon sequestration in g CO2/m2/a from an NPP raster in g C/m2/a (any numeric band): VCS = NPP * 2.2 * 1.63 (Xu Y. et al. 2024, eq. 2); nodata stays nodata (-3.4028235e38)';

CREATE FUNCTION @extschema@.npp_downscale(npp raster, disturbance raster, year integer,
	npp_background double precision, npp_band integer DEFAULT 1)
RETURNS raster
AS 'MODULE_PATHNAME', 'npp_downscale'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_downscale(raster, raster, integer, double precision, integer) IS
	'Scale transformation of coarse NPP (g C/m2/a) to the fine disturbance grid (Xu Y. et al. 2024, eq. 1): a one-band 32BF raster on the disturbance grid with NPP_a = (NPP_b * S - NPP_bg * (S - S_veg)) / S_veg (g C/m2/a) for pixels vegetated in year, 0 for destroyed ones; S, S_veg counted in fine pixels by centre; nodata where the coarse pixel is nodata, missing or not entirely covered by the disturbance raster. Disturbance band 1: destruction year, band 2: restoration year (0 or nodata: none). NULL rasters give NULL';

CREATE FUNCTION @extschema@.npp_background_transfn(state double precision[], npp raster, disturbance raster, year integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'npp_background_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_background_transfn(double precision[], raster, raster, integer) IS
	'Transition function of npp_background: adds the NPP (g C/m2/a) of the coarse pixels of one tile pair entirely destroyed in year; state {pixels, sum of NPP, year}';

CREATE FUNCTION @extschema@.npp_background_transfn(state double precision[], npp raster, disturbance raster, year integer, npp_band integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'npp_background_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.npp_background_transfn(double precision[], raster, raster, integer, integer) IS
	'Transition function of npp_background: adds the NPP (g C/m2/a) of the coarse pixels of one tile pair entirely destroyed in year; state {pixels, sum of NPP, year}';

CREATE FUNCTION @extschema@.npp_background_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'npp_background_combine'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npp_background_combine(double precision[], double precision[]) IS
	'Combine function of npp_background: adds the pixel counts and NPP sums (g C/m2/a) of two partial states of the same year';

CREATE FUNCTION @extschema@.npp_background_final(state double precision[])
RETURNS double precision
AS 'MODULE_PATHNAME', 'npp_background_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.npp_background_final(double precision[]) IS
	'Final function of npp_background: mean NPP (g C/m2/a) of the entirely destroyed coarse pixels, NULL when there is none';

CREATE AGGREGATE @extschema@.npp_background(npp raster, disturbance raster, year integer) (
	SFUNC = @extschema@.npp_background_transfn,
	STYPE = double precision[],
	INITCOND = '{0,0,NaN}',
	COMBINEFUNC = @extschema@.npp_background_combine,
	FINALFUNC = @extschema@.npp_background_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.npp_background(raster, raster, integer) IS
	'Background NPP_bg of Xu Y. et al. 2024, eq. 1 (g C/m2/a): the mean NPP of the coarse pixels entirely destroyed in year (S_veg = 0) and entirely covered by a disturbance tile, over all rows; NULL when there is none. The paper krigs this background; npp_downscale takes any value. npp_band default 1';

CREATE AGGREGATE @extschema@.npp_background(npp raster, disturbance raster, year integer, npp_band integer) (
	SFUNC = @extschema@.npp_background_transfn,
	STYPE = double precision[],
	INITCOND = '{0,0,NaN}',
	COMBINEFUNC = @extschema@.npp_background_combine,
	FINALFUNC = @extschema@.npp_background_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.npp_background(raster, raster, integer, integer) IS
	'Background NPP_bg of Xu Y. et al. 2024, eq. 1 (g C/m2/a): the mean NPP of the coarse pixels entirely destroyed in year (S_veg = 0) and entirely covered by a disturbance tile, over all rows; NULL when there is none. The paper krigs this background; npp_downscale takes any value';

CREATE FUNCTION @extschema@.pixel_coverage(rast raster, geom geometry, coverage text DEFAULT 'exact')
RETURNS TABLE (pixel_id bigint, x double precision, y double precision, fraction double precision, area_m2 double precision)
AS 'MODULE_PATHNAME', 'pixel_coverage'
LANGUAGE C STABLE STRICT PARALLEL SAFE COST 1000 ROWS 1000;
COMMENT ON FUNCTION @extschema@.pixel_coverage(raster, geometry, text) IS
	'Pixels of a tile covered by a polygon: grid-global pixel_id (floor(x/|scale_x|) * 2^32 + floor(y/|scale_y|) + 2^31), centre x, y (CRS units), covered fraction (0..1; 1 per centre-covered pixel with coverage ''center'') and covered area in m2 (fraction * pixel area; ellipsoidal cell area in geographic CRSs)';

CREATE FUNCTION @extschema@.pixel_values(rast raster, band integer DEFAULT 1)
RETURNS TABLE (pixel_id bigint, x double precision, y double precision, value double precision)
AS 'MODULE_PATHNAME', 'pixel_values'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE COST 1000 ROWS 10000;
COMMENT ON FUNCTION @extschema@.pixel_values(raster, integer) IS
	'Every non-nodata pixel of a band (any numeric type): grid-global pixel_id (as pixel_coverage), centre x, y (CRS units) and value (in the band''s unit)';

CREATE FUNCTION @extschema@.student_t_p_value(t double precision, df double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'student_t_p_value'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.student_t_p_value(double precision, double precision) IS
	'Two-sided p-value (dimensionless, 0..1) of Student''s t statistic t with df degrees of freedom (0 < df <= 1e7): I_{df/(df+t^2)}(df/2, 1/2), the regularized incomplete beta function';

CREATE FUNCTION @extschema@.vcs_trend_transfn(state double precision[], rast raster, year integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs_trend_transfn(double precision[], raster, integer) IS
	'Transition function of vcs_trend: adds one year''s tile to the per-pixel sums n, t, t^2, v, t v, v^2 (t = year - 2000, v in the unit of the band)';

CREATE FUNCTION @extschema@.vcs_trend_transfn(state double precision[], rast raster, year integer, band integer)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_trend_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;
COMMENT ON FUNCTION @extschema@.vcs_trend_transfn(double precision[], raster, integer, integer) IS
	'Transition function of vcs_trend: adds one year''s tile to the per-pixel sums n, t, t^2, v, t v, v^2 (t = year - 2000, v in the unit of the band)';

CREATE FUNCTION @extschema@.vcs_trend_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'vcs_trend_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_trend_combine(double precision[], double precision[]) IS
	'Combine function of vcs_trend: adds the per-pixel sums of two partial states of the same grid and distinct years';

CREATE FUNCTION @extschema@.vcs_trend_final(state double precision[])
RETURNS raster
AS 'MODULE_PATHNAME', 'vcs_trend_final'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.vcs_trend_final(double precision[]) IS
	'Final function of vcs_trend: two-band 32BF raster, band 1 least-squares slope (unit of the values per year, g CO2/m2/a per year for VCS), band 2 two-sided p-value of slope = 0 (df = n - 2)';

CREATE AGGREGATE @extschema@.vcs_trend(rast raster, year integer) (
	SFUNC = @extschema@.vcs_trend_transfn,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.vcs_trend_combine,
	FINALFUNC = @extschema@.vcs_trend_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.vcs_trend(raster, integer) IS
	'Per-pixel trend of yearly tiles of one grid position (GROUP BY the tile position): two-band 32BF raster, band 1 least-squares slope of the value against the year (g CO2/m2/a per year for VCS), band 2 two-sided p-value of the t test of slope = 0 (df = n - 2); nodata where a pixel has fewer than 3 years; band 1 of the tiles';

CREATE AGGREGATE @extschema@.vcs_trend(rast raster, year integer, band integer) (
	SFUNC = @extschema@.vcs_trend_transfn,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.vcs_trend_combine,
	FINALFUNC = @extschema@.vcs_trend_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.vcs_trend(raster, integer, integer) IS
	'Per-pixel trend of yearly tiles of one grid position (GROUP BY the tile position): two-band 32BF raster, band 1 least-squares slope of the value against the year (g CO2/m2/a per year for VCS), band 2 two-sided p-value of the t test of slope = 0 (df = n - 2); nodata where a pixel has fewer than 3 years';
------------------------------------------------------------------------------
-- Weighted statistics (e.g. area-weighted annual VCS over a region)
------------------------------------------------------------------------------

CREATE TYPE @extschema@.weighted_stats_result AS (
	weight_sum	double precision,
	mean		double precision,
	stddev		double precision,
	min			double precision,
	max			double precision,
	n			bigint
);
COMMENT ON TYPE @extschema@.weighted_stats_result IS
	'Weighted statistics: sum of weights (unit of the weight, e.g. m2), weighted mean, weighted population standard deviation, minimum and maximum (unit of the value), number of rows with a positive weight';

CREATE FUNCTION @extschema@.weighted_stats_accum(state double precision[], value double precision, weight double precision)
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'weighted_stats_accum'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_stats_accum(double precision[], double precision, double precision) IS
	'Transition function of weighted_stats (West''s weighted update, in place)';

CREATE FUNCTION @extschema@.weighted_stats_combine(a double precision[], b double precision[])
RETURNS double precision[]
AS 'MODULE_PATHNAME', 'weighted_stats_combine'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_stats_combine(double precision[], double precision[]) IS
	'Combine function of weighted_stats (merges two partial states)';

CREATE FUNCTION @extschema@.weighted_stats_final(state double precision[])
RETURNS @extschema@.weighted_stats_result
AS 'MODULE_PATHNAME', 'weighted_stats_final'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.weighted_stats_final(double precision[]) IS
	'Final function of weighted_stats';

CREATE AGGREGATE @extschema@.weighted_stats(value double precision, weight double precision) (
	SFUNC = @extschema@.weighted_stats_accum,
	STYPE = double precision[],
	COMBINEFUNC = @extschema@.weighted_stats_combine,
	FINALFUNC = @extschema@.weighted_stats_final,
	PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.weighted_stats(double precision, double precision) IS
	'Weighted mean, population standard deviation, min, max of value with non-negative weights (rows with a NULL value or weight, or weight 0, are skipped); e.g. area-weighted annual VCS over a region from pixel_coverage x pixel_values';
------------------------------------------------------------------------------
-- Compensation accounts over the user's own data: create_accounts() makes,
-- in a schema of the caller's, the input tables (with the caller's SRID in
-- the geometry typmod) and the result views.  Everything it creates belongs
-- to the caller: loading, materializing and refreshing need no superuser,
-- pg_dump keeps it, and QGIS reads the declared geometry type and SRID.
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.single_srid(what text, min_srid integer, max_srid integer)
RETURNS integer
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
AS $$
BEGIN
	IF min_srid IS DISTINCT FROM max_srid THEN
		RAISE EXCEPTION '% come in different SRIDs: % and %', what, min_srid, max_srid
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Reproject the rasters of one year to one SRID (gdalwarp -t_srs) before loading them.';
	END IF;
	RETURN min_srid;
END
$$;
COMMENT ON FUNCTION @extschema@.single_srid(text, integer, integer) IS
	'The SRID of a set of rasters whose smallest and largest SRID are given, or an error naming them when they differ (used by the account views)';

CREATE FUNCTION @extschema@.create_accounts(target_schema text, srid integer)
RETURNS void
LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
AS $fn$
DECLARE
	g text;		-- PostGIS schema, quoted
	e text := pg_catalog.quote_ident('@extschema@');
	s text := pg_catalog.quote_ident(target_schema);
	geom text;
	area_ha text;	-- area of a region in hm2, as the raster engine measures it
BEGIN
	IF target_schema IS NULL OR srid IS NULL THEN
		RAISE EXCEPTION 'target_schema and srid must not be NULL' USING ERRCODE = 'null_value_not_allowed';
	END IF;
	SELECT pg_catalog.quote_ident(n.nspname) INTO g
	FROM pg_catalog.pg_extension x JOIN pg_catalog.pg_namespace n ON n.oid = x.extnamespace
	WHERE x.extname = 'postgis';
	EXECUTE pg_catalog.format('SELECT CASE WHEN proj4text LIKE ''%%+proj=longlat%%''
		THEN ''%1$s.ST_Area(b.geom::%1$s.geography) / 1e4'' ELSE ''%1$s.ST_Area(b.geom) / 1e4'' END
		FROM %1$s.spatial_ref_sys WHERE srid = $1', g) INTO area_ha USING srid;
	IF srid <= 0 OR area_ha IS NULL THEN
		RAISE EXCEPTION 'SRID % is not in spatial_ref_sys', srid
			USING ERRCODE = 'invalid_parameter_value',
				  HINT = 'Use the SRID of your boundaries and rasters, e.g. 4547 or 32650.';
	END IF;
	geom := pg_catalog.format('%s.geometry(MultiPolygon, %s)', g, srid);

	EXECUTE pg_catalog.format('CREATE SCHEMA IF NOT EXISTS %s', s);

	-- inputs --------------------------------------------------------------
	EXECUTE pg_catalog.format($$
		CREATE TABLE IF NOT EXISTS %1$s.settings (
			one boolean PRIMARY KEY DEFAULT true CHECK (one),
			esv_scheme text NOT NULL DEFAULT 'xie2015',
			coverage text NOT NULL DEFAULT 'exact' CHECK (coverage IN ('exact', 'center')),
			compensation_k double precision NOT NULL DEFAULT 0.15 CHECK (compensation_k > 0 AND compensation_k <= 1),
			water_unit_value_yuan_per_hm2 double precision NOT NULL DEFAULT 2476 CHECK (water_unit_value_yuan_per_hm2 > 0),
			gep_param_set text NOT NULL DEFAULT 'jinsha_2022'
		);
		INSERT INTO %1$s.settings DEFAULT VALUES ON CONFLICT DO NOTHING;
		COMMENT ON TABLE %1$s.settings IS 'ecocomp account settings (one row): ESV scheme, coverage mode, compensation coefficient k, water unit value (yuan per national hm2), GEP parameter set';

		CREATE TABLE IF NOT EXISTS %1$s.region (
			region_id integer PRIMARY KEY,
			name text NOT NULL,
			level text NOT NULL CHECK (level IN ('city', 'district', 'zone', 'mine', 'project')),
			parent_id integer REFERENCES %1$s.region,
			province text,
			geom %2$s NOT NULL
		);
		CREATE INDEX IF NOT EXISTS region_geom_idx ON %1$s.region USING gist (geom);
		COMMENT ON TABLE %1$s.region IS 'Regions: cities, districts (parent: their zone), zones, mines, restoration projects, with their boundaries';

		CREATE TABLE IF NOT EXISTS %1$s.region_stat (
			region_id integer NOT NULL REFERENCES %1$s.region ON DELETE CASCADE,
			year integer NOT NULL,
			gdp_yuan double precision,
			population double precision,
			ea_yuan_per_hm2 double precision,
			aquatic_output_t double precision,
			freshwater_use_m3 double precision,
			pollution_dilution_m3 double precision,
			water_resources_m3 double precision,
			PRIMARY KEY (region_id, year)
		);
		COMMENT ON TABLE %1$s.region_stat IS 'Yearly statistics of a region: GDP (yuan), population, standard equivalent value E_a (yuan/hm2/a), aquatic output (t), freshwater use, pollution dilution water and water resources (m3)';

		CREATE TABLE IF NOT EXISTS %1$s.landuse_raster (
			rid serial PRIMARY KEY,
			year integer NOT NULL,
			classification text NOT NULL,
			rast %3$s.raster NOT NULL
		);
		CREATE INDEX IF NOT EXISTS landuse_raster_hull_idx ON %1$s.landuse_raster USING gist (%3$s.ST_ConvexHull(rast));
		CREATE INDEX IF NOT EXISTS landuse_raster_year_idx ON %1$s.landuse_raster (year);
		COMMENT ON TABLE %1$s.landuse_raster IS 'Land-use raster tiles (band 1: land-use codes of the classification) by year';

		CREATE TABLE IF NOT EXISTS %1$s.gep_project (
			region_id integer PRIMARY KEY REFERENCES %1$s.region ON DELETE CASCADE,
			before_year integer,
			after_year integer,
			before_areas jsonb,
			after_areas jsonb,
			classification text,
			overrides jsonb NOT NULL DEFAULT '{}'
		);
		COMMENT ON TABLE %1$s.gep_project IS 'Restoration projects: land-use areas before and after (jsonb, keyed by GEP land type, or by land-use code of classification), or the years whose land-use rasters give them; GEP parameter overrides';

		CREATE TABLE IF NOT EXISTS %1$s.mine_vcs (
			region_id integer NOT NULL REFERENCES %1$s.region ON DELETE CASCADE,
			pixel_id bigint NOT NULL,
			year integer NOT NULL,
			vcs_g_co2_m2 double precision,
			area_m2 double precision NOT NULL CHECK (area_m2 >= 0),
			destroyed_year integer,
			restored_year integer,
			PRIMARY KEY (region_id, pixel_id, year)
		);
		CREATE TABLE IF NOT EXISTS %1$s.crop_stat (
			region_id integer NOT NULL REFERENCES %1$s.region ON DELETE CASCADE,
			year integer NOT NULL,
			crop text NOT NULL,
			price_yuan_per_kg double precision NOT NULL,
			yield_kg_per_hm2 double precision NOT NULL,
			sown_area_hm2 double precision NOT NULL,
			PRIMARY KEY (region_id, year, crop)
		);
		COMMENT ON TABLE %1$s.crop_stat IS 'Grain crops of a region and year: price (yuan/kg), yield (kg/hm2), sown area (hm2); E_a = standard_equivalent_value(...) when region_stat.ea_yuan_per_hm2 is NULL';

		CREATE TABLE IF NOT EXISTS %1$s.npp_raster (
			rid serial PRIMARY KEY,
			year integer NOT NULL,
			unit text NOT NULL DEFAULT 'modis_dn' CHECK (unit IN ('modis_dn', 'g_c_m2')),
			rast %3$s.raster NOT NULL
		);
		CREATE INDEX IF NOT EXISTS npp_raster_hull_idx ON %1$s.npp_raster USING gist (%3$s.ST_ConvexHull(rast));
		COMMENT ON TABLE %1$s.npp_raster IS 'Yearly NPP rasters on the disturbance CRS (band 1): MOD17A3HGF digital numbers (unit modis_dn) or g C/m2/a (unit g_c_m2); each must cover the disturbance tiles it touches';

		CREATE TABLE IF NOT EXISTS %1$s.disturbance_raster (
			rid serial PRIMARY KEY,
			rast %3$s.raster NOT NULL
		);
		CREATE INDEX IF NOT EXISTS disturbance_raster_hull_idx ON %1$s.disturbance_raster USING gist (%3$s.ST_ConvexHull(rast));
		COMMENT ON TABLE %1$s.disturbance_raster IS 'Vegetation disturbance tiles (e.g. 30 m): band 1 destruction year, band 2 restoration year (0 or nodata: none)';

		COMMENT ON TABLE %1$s.mine_vcs IS 'Yearly VCS (g CO2/m2/a) of the disturbance-grid pixels of each mine with their area inside the mine (m2) and destruction / restoration years (NULL: none); filled by refresh_mine_vcs() or by hand';
	$$, s, geom, g);

	-- the per-pixel series of every mine from npp_raster and disturbance_raster
	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE FUNCTION %1$s.refresh_mine_vcs() RETURNS bigint
		LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
		AS $body$
		DECLARE
			n bigint;
		BEGIN
			DELETE FROM %1$s.mine_vcs v USING %1$s.region r WHERE r.region_id = v.region_id AND r.level = 'mine';
			WITH npp AS (
				SELECT m.year,
					   CASE m.unit WHEN 'modis_dn' THEN %2$s.npp_from_modis(m.rast, 1) ELSE m.rast END AS rast
				FROM %1$s.npp_raster m
			), pairs AS (
				SELECT n.year, d.rid, n.rast AS npp, d.rast AS dist
				FROM npp n JOIN %1$s.disturbance_raster d
				  ON %3$s.ST_ConvexHull(n.rast) OPERATOR(%3$s.&&) %3$s.ST_ConvexHull(d.rast)
			), bg AS (
				-- the background NPP of a year: over every disturbance tile
				SELECT p.year, %2$s.npp_background(p.npp, p.dist, p.year) AS npp_bg
				FROM pairs p GROUP BY p.year
			), px AS (
				-- each mine's pixels on the disturbance grid, once
				SELECT r.region_id, d.rid, c.pixel_id, c.area_m2
				FROM %1$s.region r
				JOIN %1$s.disturbance_raster d
				  ON %3$s.ST_ConvexHull(d.rast) OPERATOR(%3$s.&&) %3$s.ST_Transform(r.geom, %3$s.ST_SRID(d.rast))
				CROSS JOIN LATERAL %2$s.pixel_coverage(d.rast, %3$s.ST_Transform(r.geom, %3$s.ST_SRID(d.rast))) c
				WHERE r.level = 'mine'
			), tiles AS (
				SELECT DISTINCT px.rid FROM px
			), dv1 AS (
				-- destruction (band 1) and restoration (band 2) years of the
				-- pixels of those tiles, each band read once per tile
				SELECT d.rid, v.pixel_id, NULLIF(v.value, 0)::integer AS year
				FROM %1$s.disturbance_raster d JOIN tiles t ON t.rid = d.rid
				CROSS JOIN LATERAL %2$s.pixel_values(d.rast, 1) v
			), dv2 AS (
				SELECT d.rid, v.pixel_id, NULLIF(v.value, 0)::integer AS year
				FROM %1$s.disturbance_raster d JOIN tiles t ON t.rid = d.rid
				CROSS JOIN LATERAL %2$s.pixel_values(d.rast, 2) v
			), vcs AS (
				SELECT p.year, p.rid, %2$s.vcs(%2$s.npp_downscale(p.npp, p.dist, p.year, bg.npp_bg), 1) AS rast
				FROM pairs p JOIN tiles t ON t.rid = p.rid JOIN bg ON bg.year = p.year
			)
			INSERT INTO %1$s.mine_vcs (region_id, pixel_id, year, vcs_g_co2_m2, area_m2, destroyed_year, restored_year)
			SELECT px.region_id, px.pixel_id, v.year, pv.value, px.area_m2, dv1.year, dv2.year
			FROM vcs v
			CROSS JOIN LATERAL %2$s.pixel_values(v.rast, 1) pv
			JOIN px ON px.rid = v.rid AND px.pixel_id = pv.pixel_id
			LEFT JOIN dv1 ON dv1.rid = px.rid AND dv1.pixel_id = px.pixel_id
			LEFT JOIN dv2 ON dv2.rid = px.rid AND dv2.pixel_id = px.pixel_id;
			GET DIAGNOSTICS n = ROW_COUNT;
			RETURN n;
		END
		$body$;
		COMMENT ON FUNCTION %1$s.refresh_mine_vcs() IS 'Recompute mine_vcs for every mine from npp_raster and disturbance_raster: background NPP per year, scale transformation to the disturbance grid, VCS, each mine''s pixel coverage; returns the rows written';
	$$, s, e, g);

	-- results ---------------------------------------------------------------
	-- land-use areas of every region and raster year (reused by the views)
	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.region_landuse AS
		WITH yrs AS (
			SELECT l.year, l.classification,
				   %2$s.single_srid(pg_catalog.format('land-use rasters of %%s (%%s)', l.year, l.classification),
						pg_catalog.min(%3$s.ST_SRID(l.rast)), pg_catalog.max(%3$s.ST_SRID(l.rast))) AS srid
			FROM %1$s.landuse_raster l GROUP BY l.year, l.classification
		), reg AS (
			SELECT r.region_id, r.level, y.year, y.classification, %3$s.ST_Transform(r.geom, y.srid) AS g
			FROM %1$s.region r CROSS JOIN yrs y
		)
		SELECT reg.region_id, reg.level, reg.year, reg.classification,
			   %2$s.landuse_area(l.rast, reg.g, 1, st.coverage) AS landuse_area_ha
		FROM reg
		JOIN %1$s.landuse_raster l ON l.year = reg.year AND l.classification = reg.classification
			AND %3$s.ST_ConvexHull(l.rast) OPERATOR(%3$s.&&) reg.g
		CROSS JOIN %1$s.settings st
		GROUP BY reg.region_id, reg.level, reg.year, reg.classification;
		COMMENT ON VIEW %1$s.region_landuse IS 'Land-use areas (jsonb, hectares by code and nodata) of every region in every year that has land-use rasters';
	$$, s, e, g);

	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.city_esv AS
		WITH yrs AS (SELECT DISTINCT l.year, l.classification FROM %1$s.landuse_raster l),
		base AS (
			SELECT c.region_id, c.name, c.province, y.year, y.classification, c.geom,
				   a.landuse_area_ha, ea.ea_yuan_per_hm2,
				   CASE WHEN a.landuse_area_ha IS NOT NULL AND ea.ea_yuan_per_hm2 IS NOT NULL
						THEN %2$s.esv_value(a.landuse_area_ha, ea.ea_yuan_per_hm2, y.classification, s.esv_scheme) END AS esv
			FROM %1$s.region c CROSS JOIN yrs y CROSS JOIN %1$s.settings s
			LEFT JOIN %1$s.region_landuse a ON a.region_id = c.region_id AND a.year = y.year AND a.classification = y.classification AND a.level = 'city'
			LEFT JOIN %1$s.region_stat st ON st.region_id = c.region_id AND st.year = y.year
			CROSS JOIN LATERAL (
				SELECT COALESCE(st.ea_yuan_per_hm2,
					(SELECT %2$s.standard_equivalent_value(pg_catalog.array_agg(cs.price_yuan_per_kg ORDER BY cs.crop),
							pg_catalog.array_agg(cs.yield_kg_per_hm2 ORDER BY cs.crop), pg_catalog.array_agg(cs.sown_area_hm2 ORDER BY cs.crop))
					 FROM %1$s.crop_stat cs WHERE cs.region_id = c.region_id AND cs.year = y.year)) AS ea_yuan_per_hm2
			) ea
			WHERE c.level = 'city'
		)
		SELECT (b.region_id::bigint * 10000 + b.year) AS fid, b.region_id, b.name, b.province, b.year,
			   (b.esv).total AS esv_total_yuan, (b.esv).provisioning AS esv_provisioning_yuan,
			   (b.esv).regulating AS esv_regulating_yuan, (b.esv).supporting AS esv_supporting_yuan,
			   (b.esv).cultural AS esv_cultural_yuan, (b.esv).nonmarket AS esv_nonmarket_yuan,
			   100 * ((b.esv).total / NULLIF(pg_catalog.lag((b.esv).total) OVER w, 0) - 1) AS esv_change_pct,
			   pg_catalog.lag(b.year) OVER w AS change_from_year,
			   b.ea_yuan_per_hm2, b.landuse_area_ha,
			   100 * (SELECT pg_catalog.sum(v.value::double precision) FROM pg_catalog.jsonb_each_text(b.landuse_area_ha) v)
				   / NULLIF(%4$s, 0) AS landuse_coverage_pct,
			   CASE WHEN b.landuse_area_ha IS NULL THEN 'no land-use raster covers the region in this year'
					WHEN b.ea_yuan_per_hm2 IS NULL THEN 'no standard equivalent value (region_stat.ea_yuan_per_hm2 or crop_stat) for this year' END AS note,
			   b.geom::%3$s
		FROM base b
		WINDOW w AS (PARTITION BY b.region_id ORDER BY b.year);
		COMMENT ON VIEW %1$s.city_esv IS 'ESV of every city and land-use year in yuan/a: total, by service group, non-market, change in %% from the previous land-use year; land-use areas (hm2) and the %% of the city they cover; NULL with a note where rasters or statistics are missing';
	$$, s, e, geom, area_ha);

	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.city_compensation AS
		WITH c AS (
			SELECT e.fid, e.region_id, e.name, e.province, e.year, e.geom, e.esv_nonmarket_yuan,
				   st.gdp_yuan, s.compensation_k, e.note AS esv_note,
				   CASE WHEN e.esv_nonmarket_yuan IS NOT NULL AND st.gdp_yuan > 0
						THEN %2$s.ecps(e.esv_nonmarket_yuan, st.gdp_yuan) END AS ecps
			FROM %1$s.city_esv e CROSS JOIN %1$s.settings s
			LEFT JOIN %1$s.region_stat st ON st.region_id = e.region_id AND st.year = e.year
		), r AS (
			SELECT c.*, %2$s.compensation_intensity(c.ecps) AS t,
				   CASE WHEN c.ecps IS NOT NULL
						THEN %2$s.vertical_compensation(c.esv_nonmarket_yuan, c.gdp_yuan, c.compensation_k) END AS compensation_yuan
			FROM c
		)
		SELECT r.fid, r.region_id, r.name, r.province, r.year, r.gdp_yuan, r.esv_nonmarket_yuan,
			   r.ecps, r.t AS compensation_intensity, r.compensation_k, r.compensation_yuan,
			   100 * r.compensation_yuan / NULLIF(pg_catalog.sum(r.compensation_yuan) OVER y, 0) AS compensation_share_pct,
			   100 * r.gdp_yuan / NULLIF(pg_catalog.sum(r.gdp_yuan) FILTER (WHERE r.compensation_yuan IS NOT NULL) OVER y, 0) AS gdp_share_pct,
			   100 * r.compensation_yuan / r.gdp_yuan AS compensation_pct_of_gdp,
			   CASE WHEN r.ecps IS NOT NULL THEN %2$s.ecps_class(r.ecps) END AS priority,
			   CASE WHEN r.esv_note IS NOT NULL THEN r.esv_note
					WHEN r.gdp_yuan IS NULL THEN 'no GDP (region_stat.gdp_yuan) for this year'
					WHEN r.gdp_yuan <= 0 THEN 'GDP is not positive' END AS note,
			   r.geom
		FROM r
		WINDOW y AS (PARTITION BY r.year);
		COMMENT ON VIEW %1$s.city_compensation IS 'Compensation priority and vertical compensation of every city and land-use year (Wang et al., in press, Table 3): ECPS, demand intensity t, compensation in yuan, its share of the year''s total, GDP share, compensation as %% of GDP, priority class; NULL with a note where data is missing';
	$$, s, e);

	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.water_compensation AS
		WITH d AS (
			SELECT r.region_id, r.parent_id, st.year,
				   %2$s.water_footprint(st.aquatic_output_t, st.freshwater_use_m3, st.pollution_dilution_m3) AS ef,
				   %2$s.water_carrying_capacity(st.water_resources_m3) AS ec
			FROM %1$s.region r JOIN %1$s.region_stat st ON st.region_id = r.region_id
			WHERE r.level = 'district'
		), lvl AS (
			SELECT d.region_id, d.year, (d.ef).aquatic AS ef_aquatic_hm2, (d.ef).freshwater AS ef_freshwater_hm2,
				   (d.ef).pollution AS ef_pollution_hm2, (d.ef).total AS ef_total_hm2, d.ec AS ec_hm2,
				   CASE WHEN d.ef IS NULL OR d.ec IS NULL THEN 'water statistics missing for this district and year' END AS note
			FROM d
			UNION ALL
			SELECT z.region_id, d.year, pg_catalog.sum((d.ef).aquatic), pg_catalog.sum((d.ef).freshwater),
				   pg_catalog.sum((d.ef).pollution), pg_catalog.sum((d.ef).total), pg_catalog.sum(d.ec),
				   NULL
			FROM %1$s.region z JOIN d ON d.parent_id = z.region_id
			WHERE z.level = 'zone'
			GROUP BY z.region_id, d.year
		), full_zone AS (
			-- a zone's total is given only when every district of the zone has its statistics
			SELECT z.region_id, y.year,
				   pg_catalog.count(*) FILTER (WHERE d.ef IS NULL OR d.ec IS NULL OR d.region_id IS NULL) AS missing
			FROM %1$s.region z
			JOIN %1$s.region dz ON dz.parent_id = z.region_id AND dz.level = 'district'
			CROSS JOIN (SELECT DISTINCT d.year FROM d) y
			LEFT JOIN d ON d.region_id = dz.region_id AND d.year = y.year
			WHERE z.level = 'zone'
			GROUP BY z.region_id, y.year
		)
		SELECT (r.region_id::bigint * 10000 + l.year) AS fid, r.region_id, r.name, r.level, l.year,
			   CASE WHEN f.missing > 0 THEN NULL ELSE l.ef_aquatic_hm2 END AS ef_aquatic_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE l.ef_freshwater_hm2 END AS ef_freshwater_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE l.ef_pollution_hm2 END AS ef_pollution_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE l.ef_total_hm2 END AS ef_total_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE l.ec_hm2 END AS ec_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE (b).erd END AS erd_hm2,
			   CASE WHEN f.missing > 0 THEN NULL ELSE (b).value_yuan END AS value_yuan,
			   CASE WHEN f.missing > 0 THEN NULL ELSE (b).role END AS role,
			   COALESCE(l.note, CASE WHEN f.missing > 0 THEN pg_catalog.format('water statistics missing for %%s district(s) of the zone', f.missing) END) AS note,
			   r.geom
		FROM lvl l
		JOIN %1$s.region r ON r.region_id = l.region_id
		CROSS JOIN %1$s.settings s
		LEFT JOIN full_zone f ON f.region_id = l.region_id AND f.year = l.year
		CROSS JOIN LATERAL (SELECT %2$s.water_compensation(l.ef_total_hm2, l.ec_hm2, s.water_unit_value_yuan_per_hm2) AS b) wb;
		COMMENT ON VIEW %1$s.water_compensation IS 'Water resource ecological footprint by sub-account, carrying capacity, deficit (< 0) or surplus, its value in yuan and the role (payer / recipient) of every district and zone and year (national hm2; the water-footprint paper (2024))';
	$$, s, e);

	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.gep_restoration AS
		WITH p AS (
			SELECT r.region_id, r.name, r.geom, gp.before_year, gp.after_year, gp.overrides,
				   COALESCE(gp.before_areas, lb.landuse_area_ha) AS before_areas,
				   COALESCE(gp.after_areas, la.landuse_area_ha) AS after_areas,
				   CASE WHEN gp.before_areas IS NOT NULL OR gp.after_areas IS NOT NULL THEN gp.classification
						ELSE COALESCE(lb.classification, la.classification) END AS classification,
				   s.gep_param_set
			FROM %1$s.gep_project gp
			JOIN %1$s.region r ON r.region_id = gp.region_id
			CROSS JOIN %1$s.settings s
			LEFT JOIN %1$s.region_landuse lb ON lb.region_id = gp.region_id AND lb.year = gp.before_year AND gp.before_areas IS NULL
			LEFT JOIN %1$s.region_landuse la ON la.region_id = gp.region_id AND la.year = gp.after_year AND gp.after_areas IS NULL
		), c AS (
			SELECT p.region_id, x.*
			FROM p CROSS JOIN LATERAL %2$s.gep_compare(p.before_areas, p.after_areas, p.gep_param_set, p.overrides, p.classification) x
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
			   CASE WHEN p.before_areas IS NULL THEN 'no land-use areas before restoration (before_areas or a raster of before_year)'
					WHEN p.after_areas IS NULL THEN 'no land-use areas after restoration (after_areas or a raster of after_year)' END AS note,
			   p.geom
		FROM p LEFT JOIN c ON c.region_id = p.region_id
		GROUP BY p.region_id, p.name, p.before_year, p.after_year, p.before_areas, p.after_areas, p.geom;
		COMMENT ON VIEW %1$s.gep_restoration IS 'GEP of every restoration project before and after (yuan/a): total, change, by service group (Xu X. et al., in press, Tables 4-6; ecocomp.gep_compare gives the full breakdown)';
	$$, s, e);

	EXECUTE pg_catalog.format($$
		CREATE OR REPLACE VIEW %1$s.mine_carbon_deficit AS
		WITH px AS (
			SELECT v.region_id, v.pixel_id, v.area_m2,
				   %2$s.vcs_deficit(v.year, v.vcs_g_co2_m2, v.destroyed_year, v.restored_year) AS d,
				   pg_catalog.bool_or(v.destroyed_year IS NOT NULL) AS destroyed,
				   pg_catalog.bool_or(v.restored_year IS NOT NULL) AS restored
			FROM %1$s.mine_vcs v
			GROUP BY v.region_id, v.pixel_id, v.area_m2
		), m AS (
			SELECT px.region_id,
				   pg_catalog.sum((px.d).direct_decrease * px.area_m2) FILTER (WHERE px.destroyed) / 1e9 AS direct_decrease_gg_co2,
				   pg_catalog.sum((px.d).direct_increase * px.area_m2) FILTER (WHERE px.restored) / 1e9 AS direct_increase_gg_co2,
				   pg_catalog.sum((px.d).c_destroy * px.area_m2) / 1e9 AS c_destroy_gg_co2,
				   pg_catalog.sum((px.d).c_restore * px.area_m2) / 1e9 AS c_restore_gg_co2,
				   pg_catalog.sum((px.d).vcsd * px.area_m2) / 1e9 AS vcsd_gg_co2,
				   pg_catalog.sum(px.area_m2) FILTER (WHERE px.destroyed) AS destroyed_area_m2,
				   pg_catalog.sum(px.area_m2) FILTER (WHERE px.restored) AS restored_area_m2,
				   pg_catalog.count(*) FILTER (WHERE px.destroyed AND (px.d).baseline_years < 2) AS pixels_without_baseline
			FROM px GROUP BY px.region_id
		)
		SELECT r.region_id AS fid, r.region_id, r.name, m.direct_decrease_gg_co2, m.direct_increase_gg_co2,
			   m.c_destroy_gg_co2, m.c_restore_gg_co2, m.vcsd_gg_co2,
			   m.destroyed_area_m2, m.restored_area_m2,
			   m.restored_area_m2 / NULLIF(m.destroyed_area_m2, 0) AS r_v,
			   m.direct_increase_gg_co2 / NULLIF(m.direct_decrease_gg_co2, 0) AS r_vcs,
			   1e9 * m.direct_decrease_gg_co2 / NULLIF(m.destroyed_area_m2, 0) AS c_ddper_g_co2_m2,
			   1e9 * m.direct_increase_gg_co2 / NULLIF(m.restored_area_m2, 0) AS c_diper_g_co2_m2,
			   CASE WHEN m.region_id IS NULL THEN 'no VCS series for this mine (mine_vcs)'
					WHEN m.pixels_without_baseline > 0 THEN pg_catalog.format('%%s destroyed pixel(s) have fewer than two years before destruction: no baseline, left out of C_destroy, C_restore and VCSD', m.pixels_without_baseline) END AS note,
			   r.geom
		FROM %1$s.region r LEFT JOIN m ON m.region_id = r.region_id
		WHERE r.level = 'mine';
		COMMENT ON VIEW %1$s.mine_carbon_deficit IS 'Vegetation carbon deficit of every mine (the carbon paper (Xu Y. et al. 2024)): direct decrease and increase, C_destroy, C_restore, VCSD in Gg CO2 (1e9 g), restored / destroyed area R_V, R_VCS, per-area direct changes in g CO2/m2';
	$$, s, e);
END
$fn$;
COMMENT ON FUNCTION @extschema@.create_accounts(text, integer) IS
	'Create (or update the views of) a compensation account schema: input tables region (geometry MultiPolygon in the given SRID), region_stat, crop_stat, landuse_raster, npp_raster, disturbance_raster, gep_project, mine_vcs, settings, the function refresh_mine_vcs(), and result views region_landuse, city_esv, city_compensation, water_compensation, gep_restoration, mine_carbon_deficit; all owned by the caller';

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

-- ESV by the equivalent-factor method (Wang et al., in press, eqs. 2-3), hand-computed cases.
\pset null '(null)'

-- 100 hm2 of CNLUCC dry land (12 -> Xie 2015 dry land), E_a = 1000 yuan/hm2/a.
-- dry land factors: food .85 raw .40 water .02 | gas .67 climate .36 purify .10
-- hydro .27 | soil 1.03 nutrient .12 biodiv .13 | aesthetic .06
-- total      = 100 * 1000 * 4.01                 = 401,000
-- provision. = 100 * 1000 * (.85+.40+.02)        = 127,000
-- regulating = 100 * 1000 * (.67+.36+.10+.27)    = 140,000
-- supporting = 100 * 1000 * (1.03+.12+.13)       = 128,000
-- cultural   = 100 * 1000 * .06                  =   6,000
-- nonmarket  = total - provisioning              = 274,000
SELECT round(total::numeric, 6) AS total, round(provisioning::numeric, 6) AS provisioning,
	   round(regulating::numeric, 6) AS regulating, round(supporting::numeric, 6) AS supporting,
	   round(cultural::numeric, 6) AS cultural, round(nonmarket::numeric, 6) AS nonmarket
FROM ecocomp.esv_value('{"12": 100}', 1000);

-- Mixed region: 10 ha paddy (11), 20 ha closed forest (21 -> mixed forest),
-- 5 ha lake (42 -> water system), 7 ha urban (51 -> zero), 3 ha nodata; E_a = 2000.
-- paddy  sum 3.89, provisioning 1.36+.09-2.63 = -1.18
-- mixed  sum 23.09, provisioning .31+.71+.37 = 1.39
-- water  sum 125.61, provisioning .80+.23+8.29 = 9.32
-- total = 2000 * (10*3.89 + 20*23.09 + 5*125.61) = 2000 * 1128.75 = 2,257,500
-- provisioning = 2000 * (10*-1.18 + 20*1.39 + 5*9.32) = 2000 * 62.6 = 125,200
-- nonmarket = 2,257,500 - 125,200 = 2,132,300
SELECT round(total::numeric, 4) AS total, round(provisioning::numeric, 4) AS provisioning,
	   round(nonmarket::numeric, 4) AS nonmarket,
	   round((regulating + supporting + cultural)::numeric, 4) AS nonmarket_by_groups
FROM ecocomp.esv_value('{"11": 10, "21": 20, "42": 5, "51": 7, "nodata": 3}', 2000);

-- The same areas under the first-level schemes (farmland, forest, water):
-- xie2008: farmland 7.90, forest 28.12, water 45.35 (published column totals)
--   total = 2000 * (10*7.90 + 20*28.12 + 5*45.35) = 2000 * 868.15 = 1,736,300
-- xie2003: farmland 6.91, forest 21.85, water 45.97
--   total = 2000 * (10*6.91 + 20*21.85 + 5*45.97) = 2000 * (69.1 + 437 + 229.85)
--         = 2000 * 735.95 = 1,471,900
SELECT s AS scheme, round((ecocomp.esv_value('{"11": 10, "21": 20, "42": 5, "51": 7}', 2000, 'cnlucc', s)).total::numeric, 4) AS total
FROM unnest(ARRAY['xie2008', 'xie2003']) AS s;

-- CLCD and WorldCover codes: cropland -> dry land, forest/tree cover -> mixed forest
-- 1 ha each at E_a = 1: 4.01 + 23.09 = 27.10
SELECT round((ecocomp.esv_value('{"1": 1, "2": 1}', 1, 'clcd')).total::numeric, 6) AS clcd,
	   round((ecocomp.esv_value('{"40": 1, "10": 1}', 1, 'worldcover')).total::numeric, 6) AS worldcover;

-- Zero area and empty input give zeros, not errors.
SELECT * FROM ecocomp.esv_value('{}', 1000);
SELECT (ecocomp.esv_value('{"12": 0}', 1000)).total;

-- esv_detail: one row per (ecosystem, service); values add up to esv_value.
SELECT ecosystem, level1, service, service_group, market, area_ha, factor, round(value_yuan::numeric, 6) AS value_yuan
FROM ecocomp.esv_detail('{"12": 60, "11": 40}', 1000)
WHERE service IN ('food_production', 'water_supply', 'aesthetic_landscape')
ORDER BY ecosystem, service;
SELECT count(*) AS rows, round(sum(value_yuan)::numeric, 4) AS sum_detail,
	   round((ecocomp.esv_value('{"12": 60, "11": 40, "21": 5}', 1000)).total::numeric, 4) AS esv_total
FROM ecocomp.esv_detail('{"12": 60, "11": 40, "21": 5}', 1000);
-- codes mapping to the same ecosystem are summed: 41 and 42 -> water system
SELECT DISTINCT ecosystem, area_ha FROM ecocomp.esv_detail('{"41": 2.5, "42": 4}', 1000);

-- The reference data reproduces the published column totals of each scheme.
-- Xie 2015 (docs/sources.md (coefficients 1.2), sum column), Xie 2008 and 2003 (tables 2.1, 2.2).
SELECT f.scheme, f.ecosystem, round(sum(f.factor)::numeric, 2) AS sum_factor, v.published,
	   round(sum(f.factor)::numeric, 2) = v.published AS ok
FROM ecocomp.esv_factor f
JOIN (VALUES
	('xie2015', 'dry_land', 4.01), ('xie2015', 'paddy', 3.89), ('xie2015', 'coniferous', 17.53),
	('xie2015', 'mixed_forest', 23.09), ('xie2015', 'broadleaf', 22.95), ('xie2015', 'shrub', 15.22),
	('xie2015', 'steppe', 5.07), ('xie2015', 'shrub_grassland', 19.69), ('xie2015', 'meadow', 11.43),
	('xie2015', 'wetland', 52.02), ('xie2015', 'desert', 1.10), ('xie2015', 'bare_land', 0.20),
	('xie2015', 'water_system', 125.61), ('xie2015', 'glacier_snow', 10.27), ('xie2015', 'construction', 0),
	('xie2008', 'forest', 28.12), ('xie2008', 'grassland', 11.67), ('xie2008', 'farmland', 7.90),
	('xie2008', 'wetland', 54.77), ('xie2008', 'water', 45.35), ('xie2008', 'desert', 1.39),
	('xie2003', 'forest', 21.85), ('xie2003', 'grassland', 7.24), ('xie2003', 'farmland', 6.91),
	('xie2003', 'wetland', 62.71), ('xie2003', 'water', 45.97), ('xie2003', 'desert', 0.42)
	) AS v(scheme, ecosystem, published) ON v.scheme = f.scheme AND v.ecosystem = f.ecosystem
GROUP BY f.scheme, f.ecosystem, v.published
HAVING round(sum(f.factor)::numeric, 2) <> v.published OR count(*) <> (SELECT count(*) FROM ecocomp.esv_service s WHERE s.scheme = f.scheme);
-- every built-in code of every classification is mapped in every scheme
SELECT c.classification, c.code, s.scheme
FROM ecocomp.landuse_class c CROSS JOIN ecocomp.esv_scheme s
WHERE NOT EXISTS (SELECT 1 FROM ecocomp.landuse_map m
				  WHERE m.classification = c.classification AND m.code = c.code AND m.scheme = s.scheme);
SELECT classification, count(*) FROM ecocomp.landuse_map WHERE scheme = 'xie2015' GROUP BY 1 ORDER BY 1;

-- Users extend the data: a copied scheme with one changed factor.
SELECT ecocomp.copy_esv_scheme('xie2015', 'xie2015_local', 'Xie 2015 with local dry-land food factor');
UPDATE ecocomp.esv_factor SET factor = 1.85, source = 'local survey'
WHERE scheme = 'xie2015_local' AND ecosystem = 'dry_land' AND service = 'food_production';
-- 100 ha dry land at E_a 1000: 401,000 + 100 * 1000 * (1.85 - .85) = 501,000
SELECT round((ecocomp.esv_value('{"12": 100}', 1000, 'cnlucc', 'xie2015_local')).total::numeric, 6);
-- a new code mapped by the user: CNLUCC 54 (photovoltaic land) as construction
INSERT INTO ecocomp.landuse_class (classification, code, name, level1) VALUES ('cnlucc', 54, 'photovoltaic land', 'built-up');
INSERT INTO ecocomp.landuse_map (classification, code, scheme, ecosystem, reason)
VALUES ('cnlucc', 54, 'xie2015_local', 'construction', 'solar farms are built-up land');
SELECT (ecocomp.esv_value('{"54": 10, "12": 1}', 1000, 'cnlucc', 'xie2015_local')).total;
SELECT error_of($$SELECT ecocomp.esv_value('{"54": 10}', 1000)$$);
-- an incomplete user scheme is reported, not valued as zero
DELETE FROM ecocomp.esv_factor WHERE scheme = 'xie2015_local' AND ecosystem = 'meadow' AND service = 'biodiversity';
SELECT error_of($$SELECT ecocomp.esv_value('{"12": 1}', 1000, 'cnlucc', 'xie2015_local')$$);
DELETE FROM ecocomp.landuse_map WHERE code = 54;
DELETE FROM ecocomp.landuse_class WHERE code = 54;
DELETE FROM ecocomp.esv_scheme WHERE scheme = 'xie2015_local';
SELECT count(*) AS user_rows_left FROM ecocomp.esv_factor WHERE NOT builtin;
SELECT error_of($$SELECT ecocomp.copy_esv_scheme('nope', 'x')$$);
SELECT error_of($$SELECT ecocomp.copy_esv_scheme('xie2015', NULL)$$);
SELECT error_of($$SELECT ecocomp.copy_esv_scheme('xie2015', 'xie2008')$$);

-- Bad input
SELECT error_of($$SELECT ecocomp.esv_value('{"12": -1}', 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": "ten"}', 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": null}', 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": {"a": 1}}', 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"dry": 1}', 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12.5": 1}', 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"99999999999": 1}', 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value(pg_catalog.jsonb_build_object('12', 'NaN'::numeric), 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value(pg_catalog.jsonb_build_object('12', 'Infinity'::float8), 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value('[1, 2]', 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value('12', 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"99": 1}', 1000)$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_detail('{"12": 1, "77": 2}', 1000)$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": 1}', 'NaN')$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": 1}', -5)$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": 1}', 'Infinity')$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": 1}', 1000, 'corine')$$);
SELECT error_of($$SELECT ecocomp.esv_value('{"12": 1}', 1000, 'cnlucc', 'costanza')$$);
SELECT error_of($$SELECT * FROM ecocomp.esv_detail('{"12": 1}', 1000, 'cnlucc', 'nope')$$);
-- worldcover 0 is no data, not a class: it must come as "nodata"
SELECT error_of($$SELECT ecocomp.esv_value('{"0": 1}', 1000, 'worldcover')$$);
-- NULL in, NULL out
SELECT ecocomp.esv_value(NULL, 1000) IS NULL AS null_areas, ecocomp.esv_value('{"12": 1}', NULL) IS NULL AS null_ea,
	   ecocomp.esv_value('{"12": 1}', 1, NULL) IS NULL AS null_classification;
SELECT count(*) FROM ecocomp.esv_detail(NULL, 1000);

-- An unmapped code: the hint names the classifications that map it for the
-- scheme (CNLUCC has no code 3; CLCD's code 3, shrub, maps to Xie's shrub), so a CLCD raster
-- read with the default classification says to pass 'clcd'; a code no
-- classification maps says how to add one.
SELECT ecocomp.esv_value('{"3": 10}'::jsonb, 3452);
SELECT ecocomp.esv_value('{"99": 10}'::jsonb, 3452);

-- Before/after GEP comparison (Xu X. et al., in press, Tables 4 to 6) with gep_compare.
-- Areas: Table 1.  Parameters: jinsha_2022 plus the required ones, chosen
-- by hand (not the paper's, which it does not publish): ET 700 mm, dry-land
-- runoff 5%, dry land 5000 kg/hm2 of crops at 2 yuan/kg, d = 6300,
-- P_a * P_b = 10940 yuan/hm2.
-- Expected values: an independent re-computation by hand of each service
-- per land type (the formulas of the GEP method (docs/gep.md) with the numbers of
-- gep_param; test/gep.sql shows the per-service arithmetic), in ten thousand
-- yuan:
--   service                before   after   share before / after (%)
--   agricultural_products    0.95   41.42    3.03 /  7.25   (5000*0.95*2; 5000*41.42*2)
--   water_conservation       4.17   69.15   13.32 / 12.10
--   soil_retention          13.72  261.65   43.77 / 45.77
--   air_purification         0.03    0.48    0.10 /  0.08
--   carbon_fixation          0.75   10.05    2.38 /  1.76   (19.650 t, 264.518 t * 380)
--   oxygen_release           1.43   19.24    4.56 /  3.37
--   climate_regulation       9.86  164.71   31.45 / 28.81   (47308.33 kWh/hm2 * 0.45 * 4.63; * 77.37)
--   aesthetic_landscape      0.44    4.92    1.39 /  0.86
--   total                   31.34  571.62   change +540.28 = +1723.9%
--   groups: provisioning 0.95 / 41.42, cultural 0.44 / 4.92, regulating the
--   rest: 31.34 - 0.95 - 0.44 = 29.96 / 571.62 - 41.42 - 4.92 = 525.28
--   land type: forest 17.02 / 225.61 (54.30 / 39.47%), dry land 7.68 / 334.75
--   (24.50 / 58.56%), grassland 6.64 / 11.25 (21.20 / 1.97%), mining and
--   construction 0 / 0; ranks before forest 1, dry land 2, grassland 3;
--   after dry land 1, forest 2, grassland 3 (Table 6 has the same ranks).

CREATE TEMP TABLE gep_cmp AS
SELECT * FROM ecocomp.gep_compare(
	'{"mining": 70.91, "dryland": 0.95, "forest": 2.57, "grassland": 1.11, "construction": 1.83}',
	'{"forest": 34.07, "dryland": 41.42, "grassland": 1.88}', 'jinsha_2022',
	'{"evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000,
	  "crop_price": 2, "ac_days": 6300, "grain_price": 1, "grain_yield": 10940}');

SELECT level, count(*) FROM gep_cmp GROUP BY level ORDER BY min(ctid);

-- Table 4 shape: by service
SELECT service_group, service, round((before_yuan / 1e4)::numeric, 2) AS before_1e4,
	   round((after_yuan / 1e4)::numeric, 2) AS after_1e4,
	   round(before_share_pct::numeric, 2) AS before_pct, round(after_share_pct::numeric, 2) AS after_pct
FROM gep_cmp WHERE level = 'service' ORDER BY ctid;

-- Table 4 items with quantities (sum over land types)
SELECT service, item, unit, round(before_quantity::numeric, 3) AS before_q, round(after_quantity::numeric, 3) AS after_q
FROM gep_cmp WHERE level = 'item' ORDER BY ctid;

-- groups: provisioning = agricultural products; cultural = landscape
SELECT service_group, round((before_yuan / 1e4)::numeric, 2) AS before_1e4, round((after_yuan / 1e4)::numeric, 2) AS after_1e4
FROM gep_cmp WHERE level = 'group' ORDER BY ctid;

-- Table 5 shape: soil retention by land type (forest 6.74 / 89.38, dry land
-- 3.83 / 166.94, grassland 3.15 / 5.33; shares 21.51 / 15.64, 12.22 / 29.20,
-- 10.04 / 0.93 %)
SELECT land_type, round((before_yuan / 1e4)::numeric, 2) AS before_1e4, round((after_yuan / 1e4)::numeric, 2) AS after_1e4,
	   round(before_share_pct::numeric, 2) AS before_pct, round(after_share_pct::numeric, 2) AS after_pct
FROM gep_cmp WHERE level = 'service_land_type' AND service = 'soil_retention' ORDER BY ctid;

-- Table 6 shape: by land type, with ranks (none for land without value)
SELECT land_type, round((before_yuan / 1e4)::numeric, 2) AS before_1e4, round((after_yuan / 1e4)::numeric, 2) AS after_1e4,
	   round(before_share_pct::numeric, 2) AS before_pct, round(after_share_pct::numeric, 2) AS after_pct,
	   before_rank, after_rank
FROM gep_cmp WHERE level = 'land_type' ORDER BY ctid;

SELECT round((before_yuan / 1e4)::numeric, 2) AS before_1e4, round((after_yuan / 1e4)::numeric, 2) AS after_1e4,
	   round((change_yuan / 1e4)::numeric, 2) AS change_1e4, round(change_pct::numeric, 1) AS change_pct,
	   before_share_pct, after_share_pct
FROM gep_cmp WHERE level = 'total';

-- shares of each level add up to 100% (item, service, group, land_type)
SELECT level, round(sum(before_share_pct)::numeric, 9) AS before_pct, round(sum(after_share_pct)::numeric, 9) AS after_pct
FROM gep_cmp WHERE level IN ('item', 'service', 'group', 'service_land_type', 'land_type')
GROUP BY level ORDER BY level;

-- change of a service that was 0 before has no percentage: dry-land-only
-- crops on forest land before, dry land after
SELECT service, land_type, before_yuan, after_yuan, change_yuan, change_pct
FROM ecocomp.gep_compare('{"forest": 1}', '{"dryland": 1}',
	overrides => '{"crop_yield/dryland": 100, "crop_price": 3}', services => '{agricultural_products}')
WHERE level = 'service_land_type';

-- side-specific overrides: K before 0.03 for every land type, after the set's;
-- soil on 1 hm2 of forest: before 65397.0066 * 0.03 * 0.999 = 1959.948 t,
-- after 2195.142 t
SELECT item, round(before_quantity::numeric, 3) AS before_t, round(after_quantity::numeric, 3) AS after_t
FROM ecocomp.gep_compare('{"forest": 1}', '{"forest": 1}',
	before_overrides => '{"soil_erodibility": 0.03}', services => '{soil_retention}')
WHERE level = 'item' AND item = 'sediment_reduction';

-- land-use codes on both sides (CNLUCC 53 -> mining, 21 -> forest)
SELECT land_type, before_yuan > 0 AS before_has_value, after_yuan > 0 AS after_has_value
FROM ecocomp.gep_compare('{"53": 10}', '{"21": 10, "nodata": 1}', classification => 'cnlucc',
	services => '{carbon_fixation}')
WHERE level = 'land_type';

-- NULL before: the before columns are NULL (unknown), the after ones are not
SELECT level, before_yuan IS NULL AS before_null, round(after_yuan::numeric, 3) AS after_yuan
FROM ecocomp.gep_compare(NULL, '{"forest": 1}', services => '{carbon_fixation}')
WHERE level = 'total';	-- 7.5504 t * 380 = 2869.152

DROP TABLE gep_cmp;

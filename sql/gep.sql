-- GEP accounting of a mine restoration project (the GEP paper (Xu X. et al., in press), docs/gep.md).
-- Expected values: the paper's Tables 1 and 4 (docs/sources.md) where its own inputs
-- reproduce them, hand calculation (shown in comments) otherwise.
-- Areas (Table 1, ha): before forest 2.57, dryland 0.95, grassland 1.11,
-- mining 70.91, construction 1.83; after forest 34.07, dryland 41.42,
-- grassland 1.88.

-- Reference data ------------------------------------------------------------

-- every code of the three built-in classifications has a GEP land type
-- (cnlucc 25 codes, clcd 9, worldcover 11)
SELECT c.classification, count(*) AS codes, count(m.code) AS mapped
FROM ecocomp.landuse_class c
LEFT JOIN ecocomp.gep_landuse_map m USING (classification, code)
GROUP BY c.classification ORDER BY c.classification;

-- jinsha_2022 leaves exactly the parameters the paper does not publish (and
-- no docs/sources.md source covers) without a value: for the three
-- vegetated land types of the paper, the (parameter, land type) pairs with
-- neither a row of their own nor an all-land-types row
SELECT p.parameter, string_agg(lt.land_type, ',' ORDER BY lt.position) AS land_types
FROM ecocomp.gep_parameter p
CROSS JOIN ecocomp.gep_land_type lt
WHERE lt.land_type IN ('forest', 'dryland', 'grassland')
  AND NOT EXISTS (SELECT 1 FROM ecocomp.gep_param v
				  WHERE v.param_set = 'jinsha_2022' AND v.parameter = p.parameter
					AND (v.land_type = lt.land_type OR v.land_type IS NULL))
GROUP BY p.parameter ORDER BY p.parameter;

-- the paper's values in the set (Table 3)
SELECT parameter, land_type, value, unit FROM ecocomp.gep_param
WHERE param_set = 'jinsha_2022'
  AND parameter IN ('rainfall_erosivity', 'soil_erodibility', 'slope_length_factor', 'cover_factor',
					'practice_factor', 'carbon_rate', 'soil_carbon_coefficient')
ORDER BY parameter, land_type;

-- Formula functions: hand-computed cases -------------------------------------

-- agricultural products: 1000 kg * 2.5 yuan/kg + 500 kg * 4 yuan/kg = 2500 + 2000 = 4500 yuan/a
SELECT ecocomp.gep_agricultural_products('{1000, 500}', '{2.5, 4}') AS yuan_per_a;
SELECT ecocomp.gep_agricultural_products('{}', '{}') AS no_products;

-- water conservation, 1 ha = 10000 m2 of forest, P 1126.71 mm, R = 4.65% of P
-- = 52.39 mm, ET 700 mm: Q = 10000 * (1126.71 - 52.39 - 700) * 1e-3
-- = 10000 * 0.37432 = 3743.2 m3/a; V = 3743.2 * 2.40 = 8983.68 yuan/a
SELECT round(water_m3_per_a::numeric, 2) AS m3, round(value_yuan_per_a::numeric, 2) AS yuan
FROM ecocomp.gep_water_conservation(10000, 1126.71, 52.39, 700, 2.40);
-- ET above P - R: a negative balance (10000 * (500 - 50 - 600) * 1e-3 = -1500 m3/a)
SELECT water_m3_per_a, value_yuan_per_a FROM ecocomp.gep_water_conservation(10000, 500, 50, 600, 2.40);

-- RUSLE per hm2 (R = 5823.42, LS = 11.23, R * LS = 65397.0066):
--   forest    65397.0066 * 0.0336 * (1 - 0.001 * 1)   = 2195.142 t/hm2/a
--   dry land  65397.0066 * 0.0544 * (1 - 0.130 * 0.4) = 3372.602 t/hm2/a
--   grassland 65397.0066 * 0.0378 * (1 - 0.040 * 1)   = 2373.127 t/hm2/a
SELECT round(ecocomp.gep_soil_retention(1, 5823.42, 0.0336, 11.23, 0.001, 1)::numeric, 3) AS forest,
	   round(ecocomp.gep_soil_retention(1, 5823.42, 0.0544, 11.23, 0.130, 0.4)::numeric, 3) AS dryland,
	   round(ecocomp.gep_soil_retention(1, 5823.42, 0.0378, 11.23, 0.040, 1)::numeric, 3) AS grassland;

-- value of 1000 t of retained soil: sediment 0.24 * 1000 / 1.3 * 18.24
-- = 3367.38 yuan; N 1000 * 1.53e-3 = 1.53 t, * 2.17 * 1500 = 4980.15 yuan;
-- P 1000 * 0.72e-3 = 0.72 t, * 5.56 * 900 = 3602.88 yuan; total 11950.41
SELECT round(sediment_yuan_per_a::numeric, 2) AS sediment, nitrogen_t_per_a,
	   round(nitrogen_yuan_per_a::numeric, 2) AS nitrogen, phosphorus_t_per_a,
	   round(phosphorus_yuan_per_a::numeric, 2) AS phosphorus, round(value_yuan_per_a::numeric, 2) AS total
FROM ecocomp.gep_soil_retention_value(1000, 0.24, 1.3, 18.24, 1.53, 2.17, 1500, 0.72, 5.56, 900);

-- air purification on 34.07 ha of forest: SO2 0.036 * 34.07 = 1.22652 t,
-- * 1.2 yuan/kg * 1000 = 1471.824 yuan; NOx 0.0226 * 34.07 = 0.769982 t,
-- * 630 = 485.089; dust 0.1076 * 34.07 = 3.665932 t, * 150 = 549.890;
-- total 2506.802 yuan/a
SELECT round(so2_t_per_a::numeric, 6) AS so2_t, round(nox_t_per_a::numeric, 6) AS nox_t,
	   round(dust_t_per_a::numeric, 6) AS dust_t, round(so2_yuan_per_a::numeric, 3) AS so2,
	   round(nox_yuan_per_a::numeric, 3) AS nox, round(dust_yuan_per_a::numeric, 3) AS dust,
	   round(value_yuan_per_a::numeric, 3) AS total
FROM ecocomp.gep_air_purification(34.07, 0.036, 0.0226, 0.1076, 1.2, 0.63, 0.15);

-- carbon on 1 ha of forest: 44/12 * 1.17 * (1 + 0.76) = 7.5504 t CO2/a, at 380 yuan/t = 2869.152
SELECT round(co2_t_per_a::numeric, 4) AS co2, round(value_yuan_per_a::numeric, 3) AS yuan
FROM ecocomp.gep_carbon_fixation(1, 1.17, 0.76, 380);

-- climate regulation: 1 hm2 * 81100 kJ/hm2/d * 100 d / (3600 * 3) = 750.926 kWh, * 0.45 = 337.917 yuan
SELECT round(electricity_kwh_per_a::numeric, 3) AS kwh, round(value_yuan_per_a::numeric, 3) AS yuan
FROM ecocomp.gep_climate_regulation(1, 81100, 100, 3.0, 0.45);

-- landscape: 0.82 * 10 hm2 * (1/7) * 2.5 yuan/kg * 4000 kg/hm2 = 11714.286 yuan/a
SELECT round(ecocomp.gep_aesthetic_landscape(10, 0.82, 2.5, 4000)::numeric, 3) AS default_r,
	   round(ecocomp.gep_aesthetic_landscape(10, 0.82, 2.5, 4000, 0.5)::numeric, 3) AS r_half;	-- 0.82*10*0.5*10000 = 41000

-- NULL in, NULL out
SELECT ecocomp.gep_soil_retention(NULL, 5823.42, 0.0336, 11.23, 0.001, 1) IS NULL AS soil_null,
	   (ecocomp.gep_oxygen_release(NULL, 1000)).o2_t_per_a IS NULL AS o2_null;

-- What reproduces from the paper's own inputs --------------------------------

-- Soil retention after restoration: 34.07 * 2195.142 + 41.42 * 3372.602
-- + 1.88 * 2373.127 = 74788.5 + 139693.2 + 4461.5 = 218943 t/a; published
-- 218953 (0.005% apart).  Before, with the after-restoration K (the paper's
-- before K are not published): 2.57 * 2195.142 + 0.95 * 3372.602
-- + 1.11 * 2373.127 = 11479.7 against the published 11529 (0.4% apart).
SELECT round(sum(quantity)::numeric) AS soil_t_per_a, 218953 AS published, 218943 AS hand
FROM ecocomp.gep_account('{"forest": 34.07, "dryland": 41.42, "grassland": 1.88}',
						 services => '{soil_retention}')
WHERE item = 'sediment_reduction';
SELECT round(sum(quantity)::numeric, 1) AS soil_t_per_a, 11529 AS published, 11479.7 AS hand
FROM ecocomp.gep_account('{"forest": 2.57, "dryland": 0.95, "grassland": 1.11, "mining": 70.91, "construction": 1.83}',
						 services => '{soil_retention}')
WHERE item = 'sediment_reduction';

-- Carbon fixation: 44/12 * (1.17 * 34.07 * 1.76 + 0.02 * 1.88 + 0.047 * 41.42)
-- = 44/12 * (70.15690 + 0.0376 + 1.94674) = 44/12 * 72.14124 = 264.518 t CO2/a
-- (published 264.80, 0.11% apart); before 44/12 * (1.17 * 2.57 * 1.76
-- + 0.02 * 1.11 + 0.047 * 0.95) = 44/12 * 5.35908 = 19.650 (published 19.62,
-- 0.15% apart).  Oxygen 32/44 * 264.518 = 192.377 t (published 192.60).
SELECT item, round(sum(quantity)::numeric, 3) AS after_t, round(sum(value_yuan)::numeric) AS after_yuan
FROM ecocomp.gep_account('{"forest": 34.07, "dryland": 41.42, "grassland": 1.88}',
						 services => '{carbon_fixation,oxygen_release}')
GROUP BY item ORDER BY item;
-- (values: 264.518 * 380 = 100517 yuan; 192.377 * 1000 = 192377 yuan)
SELECT item, round(sum(quantity)::numeric, 3) AS before_t
FROM ecocomp.gep_account('{"forest": 2.57, "dryland": 0.95, "grassland": 1.11, "mining": 70.91, "construction": 1.83}',
						 services => '{carbon_fixation,oxygen_release}')
GROUP BY item ORDER BY item;

-- Oxygen from the paper's CO2: 32/44 * 264.80 = 192.58 -> 192.6 t (published
-- 192.60), value 192.58 * 1000 = 19.26 ten thousand yuan (published 19.26);
-- 32/44 * 19.62 = 14.269 -> 14.27 t, 1.43 ten thousand yuan (published 14.27, 1.43)
SELECT round(o2_t_per_a::numeric, 1) AS o2_t, round((value_yuan_per_a / 1e4)::numeric, 2) AS value_1e4_yuan
FROM ecocomp.gep_oxygen_release(264.80, 1000);
SELECT round(o2_t_per_a::numeric, 2) AS o2_t, round((value_yuan_per_a / 1e4)::numeric, 2) AS value_1e4_yuan
FROM ecocomp.gep_oxygen_release(19.62, 1000);

-- The carbon value at the price the paper implies: 10.22e4 / 264.80 = 385.95
-- yuan/t CO2; 264.80 t on 1 "hectare" of rate 12/44 * 264.80 t C and beta 0
-- is 264.80 t, * 385.95 = 102199.6 -> 10.22 ten thousand yuan (published 10.22)
SELECT round(co2_t_per_a::numeric, 2) AS co2_t, round((value_yuan_per_a / 1e4)::numeric, 2) AS value_1e4_yuan
FROM ecocomp.gep_carbon_fixation(1, 12.0 / 44 * 264.80, 0, 385.95);

-- Climate regulation: every vegetated hectare gives 81100 * d / (3600 * 3)
-- kWh; d = 6300 gives 47308.33 kWh/hm2, * 77.37 hm2 = 3660245.75 -> 3660246
-- kWh (published 3660246), * 0.45 = 1647110.6 yuan = 164.71 ten thousand
-- (published 164.71).
SELECT round(sum(quantity)::numeric) AS kwh, round((sum(value_yuan) / 1e4)::numeric, 2) AS value_1e4_yuan
FROM ecocomp.gep_account('{"forest": 34.07, "dryland": 41.42, "grassland": 1.88}',
						 overrides => '{"ac_days": 6300}', services => '{climate_regulation}');
-- Before, the value from the published quantity: 218565 kWh * 0.45 = 98354.25
-- yuan = 9.84 (published 9.84).  10800 kJ/hm2/d on 1 hm2 at EER 3 is 1 kWh
-- per day, so d = 218565 days gives 218565 kWh.
SELECT electricity_kwh_per_a, round((value_yuan_per_a / 1e4)::numeric, 2) AS value_1e4_yuan
FROM ecocomp.gep_climate_regulation(1, 10800, 218565, 3, 0.45);
-- (with d = 6300 the before quantity is 47308.33 * 4.63 = 219037.6 kWh,
-- 0.2% above the published 218565)
SELECT round(sum(quantity)::numeric, 1) AS kwh
FROM ecocomp.gep_account('{"forest": 2.57, "dryland": 0.95, "grassland": 1.11, "mining": 70.91, "construction": 1.83}',
						 overrides => '{"ac_days": 6300}', services => '{climate_regulation}');

-- Water conservation, value from the published quantity at 2.40 yuan/m3:
-- 191860 m3 (1 m of retained water over 191860 m2) * 2.40 = 460464 yuan
-- = 46.05 ten thousand (published 46.05); 17414 * 2.40 = 41793.6 = 4.18 (published 4.18)
SELECT water_m3_per_a, round((value_yuan_per_a / 1e4)::numeric, 2) AS value_1e4_yuan
FROM ecocomp.gep_water_conservation(191860, 1000, 0, 0, 2.40);
SELECT water_m3_per_a, round((value_yuan_per_a / 1e4)::numeric, 2) AS value_1e4_yuan
FROM ecocomp.gep_water_conservation(17414, 1000, 0, 0,
	(SELECT value FROM ecocomp.gep_param WHERE param_set = 'jinsha_2022' AND parameter = 'water_price'));

-- Air purification, values from the paper's own quantities (1 ha at the
-- published t/a): 23.86 t * 1200 = 28632 -> 2.86; 14.90 * 630 = 9387 -> 0.94;
-- 75.37 * 150 = 11305.5 -> 1.13; total 49324.5 -> 4.93 (published 2.86,
-- 0.94, 1.13, 4.93).  Before: 1.50 * 1200 = 1800 -> 0.18; 0.90 * 630 = 567
-- -> 0.06; 3.29 * 150 = 493.5 -> 0.05; total 2860.5 -> 0.29 (published
-- 0.18, 0.06, 0.05, 0.29).
SELECT round((so2_yuan_per_a / 1e4)::numeric, 2) AS so2, round((nox_yuan_per_a / 1e4)::numeric, 2) AS nox,
	   round((dust_yuan_per_a / 1e4)::numeric, 2) AS dust, round((value_yuan_per_a / 1e4)::numeric, 2) AS total
FROM ecocomp.gep_air_purification(1, 23.86, 14.90, 75.37, 1.2, 0.63, 0.15);
SELECT round((so2_yuan_per_a / 1e4)::numeric, 2) AS so2, round((nox_yuan_per_a / 1e4)::numeric, 2) AS nox,
	   round((dust_yuan_per_a / 1e4)::numeric, 2) AS dust, round((value_yuan_per_a / 1e4)::numeric, 2) AS total
FROM ecocomp.gep_air_purification(1, 1.50, 0.90, 3.29, 1.2, 0.63, 0.15);
-- The formula on the paper's areas gives about a tenth of its quantities
-- (the GEP method (docs/gep.md)): SO2 0.036 * 34.07 + 0.025 * 41.42 + 0.0294 * 1.88
-- = 1.22652 + 1.0355 + 0.055272 = 2.317292 t (published 23.86); NOx
-- 0.769982 + 0.650294 + 0.029516 = 1.449792 (14.90); dust 3.665932
-- + 3.483422 + 0.159236 = 7.308590 (75.37)
SELECT item, round(sum(quantity)::numeric, 6) AS t_per_a
FROM ecocomp.gep_account('{"forest": 34.07, "dryland": 41.42, "grassland": 1.88}',
						 services => '{air_purification}')
GROUP BY item ORDER BY item;

-- Aesthetic landscape, P_a * P_b = 10940 yuan/hm2 (the GEP method (docs/gep.md); the paper
-- does not publish grain price and yield): after (0.06 * 41.42 + 0.82 * 34.07
-- + 0.56 * 1.88) / 7 * 10940 = 31.4754 / 7 * 10940 = 49191.55 yuan -> 4.92
-- (published 4.92); before (0.06 * 0.95 + 0.82 * 2.57 + 0.56 * 1.11) / 7
-- * 10940 = 2.786 / 7 * 10940 = 4354.12 -> 0.44 (published 0.43: no single
-- P_a * P_b gives both, 0.43 needs at most 10929.6 and 4.92 at least 10930.7)
SELECT round((sum(value_yuan) / 1e4)::numeric, 4) AS after_1e4_yuan
FROM ecocomp.gep_account('{"forest": 34.07, "dryland": 41.42, "grassland": 1.88}',
						 overrides => '{"grain_price": 1, "grain_yield": 10940}', services => '{aesthetic_landscape}');
SELECT round((sum(value_yuan) / 1e4)::numeric, 4) AS before_1e4_yuan
FROM ecocomp.gep_account('{"forest": 2.57, "dryland": 0.95, "grassland": 1.11, "mining": 70.91, "construction": 1.83}',
						 overrides => '{"grain_price": 1, "grain_yield": 10940}', services => '{aesthetic_landscape}');

-- What does not reproduce: the soil-retention money (published after:
-- sediment 23.90, N 819.75, P 76.69 ten thousand yuan).  With lambda 0.24 and
-- rho 1.3 (docs/sources.md (coefficients 3.1, 3.3)): sediment 0.24 * 218943.15 / 1.3 * 18.24
-- = 737265.8 yuan = 73.73; N 218943.15 * 1.53e-3 = 334.983 t, * 2.17 * 1500
-- = 1090369.7 = 109.04; P 218943.15 * 0.72e-3 = 157.639 t, * 5.56 * 900
-- = 788825.9 = 78.88
SELECT item, round(sum(quantity)::numeric, 3) AS quantity, round((sum(value_yuan) / 1e4)::numeric, 2) AS value_1e4_yuan
FROM ecocomp.gep_account('{"forest": 34.07, "dryland": 41.42, "grassland": 1.88}',
						 services => '{soil_retention}')
GROUP BY item ORDER BY item;

-- The full account ---------------------------------------------------------

-- After restoration, with the required parameters given (hand-picked, not
-- the paper's): ET 700 mm everywhere, dry-land runoff 5%, dry land 5000 kg/hm2
-- of crops at 2 yuan/kg, d = 6300, P_a * P_b = 10940.
-- By hand, per item (yuan/a):
--   agricultural products  5000 * 41.42 = 207100 kg, * 2 = 414200
--   water  forest 340700 m2 * (1126.71 * (1 - 0.0465) - 700) * 1e-3
--            = 340700 * 374.3180 * 1e-3 = 127530.14 m3
--          dry land 414200 * (1126.71 * 0.95 - 700) * 1e-3 = 414200 * 370.3745e-3 = 153409.12
--          grassland 18800 * (1126.71 * (1 - 0.0387) - 700) * 1e-3 = 18800 * 383.1063e-3 = 7202.40
--          total 288141.65 m3, * 2.40 = 691539.97
--   soil   sediment 737265.79, N 1090369.72, P 788825.89 (above)
--   air    SO2 2.317292 t * 1200 = 2780.75, NOx 1.449792 * 630 = 913.37,
--          dust 7.308590 * 150 = 1096.29
--   carbon 264.518041 * 380 = 100516.86; oxygen 192.376757 * 1000 = 192376.76
--   climate 3660245.75 kWh * 0.45 = 1647110.59; landscape 49191.55
--   total 5716187.53 yuan/a
SELECT service_group, service, item, unit, round(sum(quantity)::numeric, 2) AS quantity,
	   round(sum(value_yuan)::numeric, 2) AS value_yuan
FROM ecocomp.gep_account('{"forest": 34.07, "dryland": 41.42, "grassland": 1.88}', 'jinsha_2022',
	'{"evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000,
	  "crop_price": 2, "ac_days": 6300, "grain_price": 1, "grain_yield": 10940}')
GROUP BY service_group, service, item, unit
ORDER BY min(CASE service WHEN 'agricultural_products' THEN 1 WHEN 'water_conservation' THEN 2
		 WHEN 'soil_retention' THEN 3 WHEN 'air_purification' THEN 4 WHEN 'carbon_fixation' THEN 5
		 WHEN 'oxygen_release' THEN 6 WHEN 'climate_regulation' THEN 7 ELSE 8 END), item;
SELECT round(sum(value_yuan)::numeric, 2) AS total_yuan, count(*) AS rows
FROM ecocomp.gep_account('{"forest": 34.07, "dryland": 41.42, "grassland": 1.88}', 'jinsha_2022',
	'{"evapotranspiration": 700, "runoff_coefficient/dryland": 0.05, "crop_yield/dryland": 5000,
	  "crop_price": 2, "ac_days": 6300, "grain_price": 1, "grain_yield": 10940}');

-- one row per (item, land type) of the input, in service then land-type
-- order; mining and construction are there with 0 (12 items * 5 land types = 60 rows)
SELECT land_type, area_ha, count(*) AS rows, sum(value_yuan) = 0 AS all_zero
FROM ecocomp.gep_account('{"forest": 2.57, "dryland": 0.95, "grassland": 1.11, "mining": 70.91, "construction": 1.83}',
	'jinsha_2022', '{"evapotranspiration": 700, "runoff_coefficient/dryland": 0.05,
	  "crop_yield/dryland": 5000, "crop_price": 2, "ac_days": 6300, "grain_price": 1, "grain_yield": 10940}')
GROUP BY land_type, area_ha ORDER BY min(area_ha) DESC;
SELECT item, land_type FROM ecocomp.gep_account('{"grassland": 1, "forest": 1}',
	services => '{carbon_fixation,oxygen_release}');

-- Land-use codes -------------------------------------------------------------

-- the raster engine's output, CNLUCC: 12 dry land, 21 + 22 forest,
-- 31 grassland, 53 mining; nodata ignored: same soil as by land type
-- (34.07 ha forest: 74788.49 t)
SELECT land_type, area_ha, round(quantity::numeric, 2) AS soil_t
FROM ecocomp.gep_account('{"12": 41.42, "21": 30, "22": 4.07, "31": 1.88, "53": 3, "nodata": 12.5}',
						 classification => 'cnlucc', services => '{soil_retention}')
WHERE item = 'sediment_reduction';
-- WorldCover: 10 tree cover and 20 shrubland are forest, 40 cropland dry land
SELECT land_type, area_ha FROM ecocomp.gep_account('{"10": 1, "20": 2, "40": 3, "50": 4, "80": 0}',
	classification => 'worldcover', services => '{carbon_fixation}', overrides => '{"carbon_rate/water": 0, "soil_carbon_coefficient/water": 0}');
-- CLCD
SELECT land_type, area_ha FROM ecocomp.gep_account('{"1": 5, "2": 6, "3": 1, "7": 2}',
	classification => 'clcd', services => '{oxygen_release}');

-- Overrides ------------------------------------------------------------------

-- "K" for every land type: 1 hm2 of forest at K 0.05: 65397.0066 * 0.05 * 0.999 = 3266.580 t
-- "K/forest" beats "K": forest back to 0.0336 (2195.142), grassland 65397.0066 * 0.05 * 0.96 = 3139.056
SELECT land_type, round(quantity::numeric, 3) AS soil_t
FROM ecocomp.gep_account('{"forest": 1, "grassland": 1}', overrides => '{"soil_erodibility": 0.05}',
						 services => '{soil_retention}') WHERE item = 'sediment_reduction';
SELECT land_type, round(quantity::numeric, 3) AS soil_t
FROM ecocomp.gep_account('{"forest": 1, "grassland": 1}',
						 overrides => '{"soil_erodibility": 0.05, "soil_erodibility/forest": 0.0336}',
						 services => '{soil_retention}') WHERE item = 'sediment_reduction';
-- carbon price 385.95 (the paper's implied price): 264.518041 * 385.95 = 102090.74
SELECT round(sum(value_yuan)::numeric, 2) AS carbon_yuan
FROM ecocomp.gep_account('{"forest": 34.07, "dryland": 41.42, "grassland": 1.88}',
						 overrides => '{"carbon_price": 385.95}', services => '{carbon_fixation}');
-- crop_price is not needed where crop_yield is 0 (forest, grassland)
SELECT land_type, quantity, value_yuan FROM ecocomp.gep_account('{"forest": 3, "grassland": 2}',
	services => '{agricultural_products}');

-- A parameter set of one's own ------------------------------------------------

SELECT ecocomp.copy_gep_param_set('jinsha_2022', 'gep_test_set', 'test copy');
INSERT INTO ecocomp.gep_param (param_set, parameter, land_type, value, unit, source)
VALUES ('gep_test_set', 'ac_days', NULL, 100, 'd/a', 'test');
UPDATE ecocomp.gep_param SET value = 0.5 WHERE param_set = 'gep_test_set' AND parameter = 'electricity_price';
-- 1 hm2: 81100 * 100 / 10800 = 750.926 kWh, * 0.5 = 375.463 yuan
SELECT round(quantity::numeric, 3) AS kwh, round(value_yuan::numeric, 3) AS yuan
FROM ecocomp.gep_account('{"forest": 1}', 'gep_test_set', services => '{climate_regulation}');
SELECT count(*) AS user_rows FROM ecocomp.gep_param WHERE param_set = 'gep_test_set' AND NOT builtin;
DELETE FROM ecocomp.gep_param_set WHERE param_set = 'gep_test_set';

-- NULLs: no areas, no account; NULL overrides = none; NULL services = all
SELECT count(*) AS rows FROM ecocomp.gep_account(NULL);
SELECT count(*) AS rows FROM ecocomp.gep_account('{"forest": 1}', overrides => NULL, services => '{soil_retention}');
SELECT count(*) AS rows FROM ecocomp.gep_account('{}');

-- jinsha_2022_paper: the paper's values alone; jinsha_2022 adds exactly
-- the five documented rows whose source begins "addition" (runoff
-- coefficients of forest and grassland, lambda, rho, carbon price)
SELECT a.parameter, a.land_type, a.value, a.unit
FROM ecocomp.gep_param a
WHERE a.param_set = 'jinsha_2022'
  AND NOT EXISTS (SELECT 1 FROM ecocomp.gep_param b
				  WHERE b.param_set = 'jinsha_2022_paper' AND b.parameter = a.parameter
					AND b.land_type IS NOT DISTINCT FROM a.land_type AND b.value = a.value)
ORDER BY 1, 2;
SELECT count(*) FILTER (WHERE param_set = 'jinsha_2022') - count(*) FILTER (WHERE param_set = 'jinsha_2022_paper') AS additions,
	   count(*) FILTER (WHERE param_set = 'jinsha_2022_paper' AND source LIKE 'addition%') AS additions_in_paper_set
FROM ecocomp.gep_param;
-- services the paper fully parameterises give the same value with either
-- set (air purification of 1 hm2 forest); soil retention needs rho and lambda
SELECT (SELECT round(sum(value_yuan)::numeric, 6) FROM ecocomp.gep_account('{"forest": 1}', 'jinsha_2022_paper', services => '{air_purification}'))
	 = (SELECT round(sum(value_yuan)::numeric, 6) FROM ecocomp.gep_account('{"forest": 1}', 'jinsha_2022', services => '{air_purification}')) AS same_air;
SELECT error_of($$SELECT * FROM ecocomp.gep_account('{"forest": 1}', 'jinsha_2022_paper', services => '{soil_retention}')$$);

-- The items of the account in account order (the provisioning service,
-- then the regulating services, then the cultural one, as gep_account
-- returns them); gep_compare orders its rows by it.
SELECT * FROM ecocomp.gep_items();

-- Water resource ecological footprint, carrying capacity and compensation
-- (the water-footprint paper (2024)).  Expected values are hand calculations (shown in comments) or
-- the paper's Tables 5-7 (docs/sources.md).

------------------------------------------------------------------------------
-- 1. Footprint, hand-computed
------------------------------------------------------------------------------
-- defaults a_w = 2.70, P_w = 2912 m3/hm2, aquatic productivity 0.029 t/hm2:
--   aquatic    2.70 * 29 t / 0.029 t/hm2          = 2.70 * 1000 = 2700
--   freshwater 2.70 * 2,912,000 m3 / 2912 m3/hm2  = 2.70 * 1000 = 2700
--   pollution  2.70 * 1,456,000 m3 / 2912 m3/hm2  = 2.70 *  500 = 1350
--   total      2700 + 2700 + 1350                              = 6750
SELECT round(aquatic::numeric, 9) AS aquatic, round(freshwater::numeric, 9) AS freshwater,
	   round(pollution::numeric, 9) AS pollution, round(total::numeric, 9) AS total
FROM ecocomp.water_footprint(29, 2912000, 1456000);
-- every divisor is its own parameter: a_w = 2, P_w = 10 m3/hm2, P_aq = 5 t/hm2
--   aquatic 2 * 10 / 5 = 4, freshwater 2 * 100 / 10 = 20,
--   pollution 2 * 50 / 10 = 10, total 34
SELECT * FROM ecocomp.water_footprint(10, 100, 50, equivalence_factor => 2,
	water_productivity => 10, aquatic_productivity => 5);
-- nothing used, nothing needed
SELECT * FROM ecocomp.water_footprint(0, 0, 0);
-- Table 5 scale: a freshwater footprint of 1,501,407 national hm2 (central-
-- eastern zone) is 1,501,407 * 2912 / 2.70 = 4,372,097,184 / 2.70
-- = 1,619,295,253.3 m3 of water; feeding that volume back gives the table's
-- value (the four zones' 6,807,357 hm2 stand for 7.34e9 m3 of freshwater use)
SELECT round(freshwater::numeric, 3) AS freshwater_hm2
FROM ecocomp.water_footprint(0, 1501407::float8 * 2912 / 2.70, 0);

------------------------------------------------------------------------------
-- 2. Carrying capacity, hand-computed
------------------------------------------------------------------------------
-- defaults: (1 - 0.6) * 1.98 * 2.70 * 2,912,000 m3 / 2912 m3/hm2
--         = 0.4 * 1.98 * 2.70 * 1000 = 0.792 * 2700 = 2138.4
SELECT round(ecocomp.water_carrying_capacity(2912000)::numeric, 9) AS ec_hm2;
-- named parameters: (1 - 0.5) * 1 * 1 * 1000 / 10 = 50; reserve 0 gives 100
SELECT ecocomp.water_carrying_capacity(1000, yield_factor => 1, equivalence_factor => 1,
	ecological_reserve => 0.5, water_productivity => 10) AS half,
	   ecocomp.water_carrying_capacity(1000, yield_factor => 1, equivalence_factor => 1,
	ecological_reserve => 0, water_productivity => 10) AS none_reserved;
-- The paper's Table 1 water resources do not give its Table 6 (the water-footprint method (docs/sources.md): do not fit).  Central-eastern zone, districts 1-9: Q = 0.05 + 0.2 + 0.64
-- + 1.37 + 1.3 + 0.78 + 1 + 3.77 + 6.33 = 15.44 x 1e8 m3, so
-- EC = 0.4 * 1.98 * 2.70 * 1.544e9 / 2912 = 2.1384 * 1.544e9 / 2912
--    = 3.3016896e9 / 2912 = 1,133,821.98 national hm2, not the 590,828 of Table 6
SELECT round(ecocomp.water_carrying_capacity(15.44e8)::numeric, 2) AS ec_hm2,
	   590828 AS table6_hm2;

------------------------------------------------------------------------------
-- 3. Compensation, hand-computed
------------------------------------------------------------------------------
-- ERD = 1000 - 3000 = -2000, value = -2000 * 2476 = -4,952,000 yuan, payer
SELECT * FROM ecocomp.water_compensation(3000, 1000);
-- ERD = 3000 - 1000 = 2000, value = 2000 * 10 = 20,000 yuan, recipient
SELECT * FROM ecocomp.water_compensation(1000, 3000, unit_value => 10);
-- ERD = 0: balanced, no money
SELECT * FROM ecocomp.water_compensation(1500, 1500);

------------------------------------------------------------------------------
-- 4. Table 7 of the paper from Tables 5 and 6 (water_zones_2022.csv)
------------------------------------------------------------------------------
CREATE TEMP TABLE water_zone_paper (zone text, position int, ef_aquatic_hm2 float8,
	ef_freshwater_hm2 float8, ef_pollution_hm2 float8, ef_total_hm2 float8, ec_hm2 float8,
	published_erd_hm2 float8, published_value_100m_yuan numeric);
INSERT INTO water_zone_paper VALUES
	('central-eastern', 1, 68904, 1501407, 704146, 2274457, 590828, -1683629, -41.69),
	('western', 2, 415511, 3220674, 2170094, 5806280, 2712001, -3094279, -76.61),
	('northeastern', 3, 176755, 1495975, 1363853, 3036583, 6750641, 3714058, 91.96),
	('southeastern', 4, 20960, 589301, 714987, 1325249, 4443849, 3118600, 77.22);
-- By hand: -1683629 * 2476 = -4,168,665,404 yuan = -41.69 x 1e8
--          -3094279 * 2476 = -7,661,434,804 yuan = -76.61 x 1e8
--           3714058 * 2476 =  9,196,007,608 yuan =  91.96 x 1e8
--           3118600 * 2476 =  7,721,653,600 yuan =  77.22 x 1e8
SELECT z.zone, b.erd, b.value_yuan, round((b.value_yuan / 1e8)::numeric, 2) AS value_100m_yuan, b.role,
	   b.erd = z.published_erd_hm2 AS erd_as_published,
	   round((b.value_yuan / 1e8)::numeric, 2) = z.published_value_100m_yuan AS value_as_published
FROM water_zone_paper z, ecocomp.water_compensation(z.ef_total_hm2, z.ec_hm2) b
ORDER BY z.position;
-- Total: -1683629 - 3094279 + 3714058 + 3118600 = 2,054,750 national hm2,
-- 2054750 * 2476 = 5,087,561,000 yuan = 50.88 x 1e8 (5.088 billion)
SELECT (t).erd, (t).value_yuan, round(((t).value_yuan / 1e8)::numeric, 2) AS value_100m_yuan, (t).role
FROM (SELECT ecocomp.water_balance_sum(ecocomp.water_compensation(ef_total_hm2, ec_hm2)) AS t
	  FROM water_zone_paper) s;
-- the same total from the summed footprints and capacities
SELECT b.* FROM (SELECT sum(ef_total_hm2) AS ef, sum(ec_hm2) AS ec FROM water_zone_paper) s,
	ecocomp.water_compensation(s.ef, s.ec) b;
-- Table 5 totals are the sums of its sub-accounts up to the paper's rounding
-- of each sub-account to whole hm2 (western: 415511 + 3220674 + 2170094 =
-- 5806279, printed 5806280; southeastern: 20960 + 589301 + 714987 = 1325248,
-- printed 1325249)
SELECT zone, ef_aquatic_hm2 + ef_freshwater_hm2 + ef_pollution_hm2 - ef_total_hm2 AS sum_minus_total
FROM water_zone_paper ORDER BY position;
-- the footprint aggregate adds sub-accounts of the zones field by field:
-- aquatic 68904 + 415511 + 176755 + 20960 = 682130, freshwater 1501407 +
-- 3220674 + 1495975 + 589301 = 6807357, pollution 704146 + 2170094 +
-- 1363853 + 714987 = 4953080, total 2274457 + 5806280 + 3036583 + 1325249
-- = 12442569
SELECT (f).* FROM (SELECT ecocomp.water_footprint_sum(ROW(ef_aquatic_hm2, ef_freshwater_hm2,
	ef_pollution_hm2, ef_total_hm2)::ecocomp.water_footprint_hm2) AS f FROM water_zone_paper) s;

------------------------------------------------------------------------------
-- 5. Derivations of the paper's constants
------------------------------------------------------------------------------
-- Equivalence factor (sec. 2.2.1): water GDP per hm2 = 11.7 yuan/m3 * 1042
-- m3/hm2 = 12,191.4 yuan (paper: 12,188); / 7863 yuan/hm2 of arable land =
-- 1.5505 (paper: 1.55); * 1.74 = 21,213.036 / 7863 = 2.69783 -> 2.70
SELECT round(ecocomp.water_equivalence_factor()::numeric, 5) AS a_w,
	   round(ecocomp.water_equivalence_factor()::numeric, 2) AS a_w_2dp;
-- arable GDP from its own inputs: 5802 kg/hm2 * 2.5 yuan/kg * 0.542 =
-- 7861.71 yuan/hm2 (paper: 7863); 1.74 * 12191.4 / 7861.71 = 2.69827
SELECT round(ecocomp.water_equivalence_factor(arable_gdp_per_hm2 => 5802 * 2.5 * 0.542)::numeric, 5) AS a_w;
-- a made-up case: 2 * (10 yuan/m3 * 100 m3/hm2) / 500 yuan/hm2 = 4
SELECT ecocomp.water_equivalence_factor(10, 100, 500, 2) AS a_w;
-- Unit value (sec. 2.2.3): E_a * equivalents / EC.  100 equivalent-hm2 over
-- 50 national hm2 at 3452 yuan: 3452 * 100 / 50 = 6904 yuan per national hm2
SELECT ecocomp.water_unit_value(100, 50) AS yuan_per_hm2,
	   ecocomp.water_unit_value(100, 50, ea => 1000) AS at_ea_1000;
-- The paper does not publish its equivalents.  Its city EC is 590828 +
-- 2712001 + 6750641 + 4443849 = 14,497,319 national hm2, so 2476 yuan needs
-- 2476 * 14497319 / 3452 = 10,398,424.6 equivalent-hm2; with 10,398,425
-- the function gives 3452 * 10398425 / 14497319 = 2476.00001
SELECT round(ecocomp.water_unit_value(10398425, 14497319)::numeric, 2) AS yuan_per_hm2;

------------------------------------------------------------------------------
-- 6. Districts roll up to zones (Table 1 districts, water_districts_2022.csv)
------------------------------------------------------------------------------
-- Q from Table 1; footprint inputs are made up from population and GDP so
-- that they are easy to check by hand:
--   aquatic_t     = 0.029 * population_10k     -> 2.70 * population_10k hm2
--   freshwater_m3 = 2912 * 100 * population_10k -> 270 * population_10k hm2
--   pollution_m3  = 2912 * gdp_100m_yuan        -> 2.70 * gdp_100m_yuan hm2
-- A regular (not temporary) table, so that the aggregates can run in parallel.
CREATE TABLE water_test_district (district int PRIMARY KEY, zone text,
	population_10k float8, gdp_100m_yuan float8, q_100m_m3 float8);
INSERT INTO water_test_district VALUES
	(1,'central-eastern',57.55,1561,0.05),(2,'central-eastern',43.56,339,0.2),
	(3,'central-eastern',94.54,1603,0.64),(4,'central-eastern',148.56,1107,1.37),
	(5,'central-eastern',153.56,1764,1.3),(6,'central-eastern',96.93,922,0.78),
	(7,'central-eastern',84,742,1),(8,'central-eastern',225.42,2297,3.77),
	(9,'central-eastern',119.55,1022,6.33),(10,'western',111.52,1504,10.16),
	(11,'western',68.75,919,3.77),(12,'western',135.38,1330,12.97),
	(13,'western',123.4,1000,8.51),(14,'western',114.68,1203,4.35),
	(15,'western',62.24,421,13.42),(16,'western',100.66,771,11.68),
	(17,'western',83.44,817,3.29),(18,'western',68.11,559,3.89),
	(19,'western',68.80,734,4.46),(20,'western',66.80,817,2.26),
	(21,'western',76.30,921,2.79),(22,'northeastern',156.43,1118,15.70),
	(23,'northeastern',64.30,577,9.38),(24,'northeastern',19.85,66,22.88),
	(25,'northeastern',55.30,391,8.30),(26,'northeastern',64.61,531,4.21),
	(27,'northeastern',71.53,508,8.93),(28,'northeastern',119.95,662,26.83),
	(29,'northeastern',92.62,558,17.74),(30,'northeastern',74.42,395,8.87),
	(31,'northeastern',46.35,222,12.58),(32,'northeastern',38.78,124,35.79),
	(33,'southeastern',49.24,282,9.31),(34,'southeastern',35.76,266,14.30),
	(35,'southeastern',38.69,209,17.45),(36,'southeastern',49.74,358,13.68),
	(37,'southeastern',60.67,232,29.77),(38,'southeastern',52.38,282,18.64);
CREATE TEMP VIEW water_test_district_result AS
SELECT d.district, d.zone, f AS ef, c.ec, ecocomp.water_compensation((f).total, c.ec) AS balance
FROM water_test_district d,
	ecocomp.water_footprint(0.029 * d.population_10k, 2912 * 100 * d.population_10k,
		2912 * d.gdp_100m_yuan) f,
	LATERAL (SELECT ecocomp.water_carrying_capacity(d.q_100m_m3 * 1e8) AS ec) c;
-- District 1 by hand: population 57.55, GDP 1561, Q 0.05e8 m3
--   aquatic 2.70 * 57.55 = 155.385, freshwater 270 * 57.55 = 15538.5,
--   pollution 2.70 * 1561 = 4214.7, total 19908.585
--   EC = 2.1384 * 5e6 / 2912 = 3671.70330; ERD = 3671.70330 - 19908.585
--   = -16236.88170, value = -16236.88170 * 2476 = -40,202,519 yuan, payer
SELECT district, round((ef).aquatic::numeric, 6) AS aquatic, round((ef).freshwater::numeric, 6) AS freshwater,
	   round((ef).pollution::numeric, 6) AS pollution, round((ef).total::numeric, 6) AS total,
	   round(ec::numeric, 5) AS ec, round((balance).erd::numeric, 5) AS erd,
	   round((balance).value_yuan::numeric) AS value_yuan, (balance).role
FROM water_test_district_result WHERE district = 1;
-- Central-eastern zone by hand: population 57.55 + 43.56 + 94.54 + 148.56 +
-- 153.56 + 96.93 + 84 + 225.42 + 119.55 = 1023.67; GDP 1561 + 339 + 1603 +
-- 1107 + 1764 + 922 + 742 + 2297 + 1022 = 11357; Q = 15.44e8 m3
--   aquatic 2.70 * 1023.67 = 2763.909, freshwater 270 * 1023.67 = 276390.9,
--   pollution 2.70 * 11357 = 30663.9, total 309818.709
--   EC = 1,133,821.97802 (section 2); ERD = 1133821.97802 - 309818.709
--   = 824003.26902; value = 824003.26902 * 2476 = 2,040,232,094 yuan, recipient
-- Each zone three ways: (a) the aggregates over its districts, (b) the
-- functions on the zone's summed inputs, (c) the functions on the summed
-- district results.  They agree to rounding.
CREATE TEMP VIEW water_test_zone_a AS
SELECT zone, ecocomp.water_footprint_sum(ef) AS ef, sum(ec) AS ec,
	   ecocomp.water_balance_sum(balance) AS balance
FROM water_test_district_result GROUP BY zone;
CREATE TEMP VIEW water_test_zone_b AS
SELECT s.zone, f AS ef, c.ec, ecocomp.water_compensation((f).total, c.ec) AS balance
FROM (SELECT zone, sum(population_10k) AS pop, sum(gdp_100m_yuan) AS gdp, sum(q_100m_m3) AS q
	  FROM water_test_district GROUP BY zone) s,
	ecocomp.water_footprint(0.029 * s.pop, 2912 * 100 * s.pop, 2912 * s.gdp) f,
	LATERAL (SELECT ecocomp.water_carrying_capacity(s.q * 1e8) AS ec) c;
SELECT zone, round((ef).aquatic::numeric, 6) AS aquatic, round((ef).freshwater::numeric, 6) AS freshwater,
	   round((ef).pollution::numeric, 6) AS pollution, round((ef).total::numeric, 6) AS total,
	   round(ec::numeric, 5) AS ec, round((balance).erd::numeric, 5) AS erd,
	   round((balance).value_yuan::numeric) AS value_yuan, (balance).role
FROM water_test_zone_a WHERE zone = 'central-eastern';
SELECT a.zone,
	   approx((a.ef).aquatic, (b.ef).aquatic, 1e-6) AND approx((a.ef).freshwater, (b.ef).freshwater, 1e-6)
	   AND approx((a.ef).pollution, (b.ef).pollution, 1e-6) AND approx((a.ef).total, (b.ef).total, 1e-6) AS ef_same,
	   approx(a.ec, b.ec, 1e-6) AS ec_same,
	   approx((a.balance).erd, (b.balance).erd, 1e-6) AS erd_same,
	   approx((a.balance).value_yuan, (b.balance).value_yuan, 1e-3) AS value_same,
	   (a.balance).role = (b.balance).role AS role_same,
	   (a.balance).role
FROM water_test_zone_a a JOIN water_test_zone_b b USING (zone) ORDER BY a.zone;
-- (c): the balance of the aggregated EF and EC equals the aggregated balances
SELECT zone, approx((ecocomp.water_compensation((ef).total, ec)).erd, (balance).erd, 1e-6) AS erd_same,
	   approx((ecocomp.water_compensation((ef).total, ec)).value_yuan, (balance).value_yuan, 1e-3) AS value_same
FROM water_test_zone_a ORDER BY zone;
-- the city: zones sum to the same as all districts at once
SELECT approx((z.b).erd, (d.b).erd, 1e-6) AS erd_same, approx((z.b).value_yuan, (d.b).value_yuan, 1e-3) AS value_same,
	   (z.b).role = (d.b).role AS role_same
FROM (SELECT ecocomp.water_balance_sum(balance) AS b FROM water_test_zone_a) z,
	 (SELECT ecocomp.water_balance_sum(balance) AS b FROM water_test_district_result) d;
-- The aggregates can be partially aggregated: forced into a parallel plan
-- they give the same result as plain sum() over the inputs.
CALL force_parallel();
EXPLAIN (COSTS OFF)
SELECT ecocomp.water_footprint_sum(ecocomp.water_footprint(0, population_10k, 0)),
	   ecocomp.water_balance_sum(ecocomp.water_compensation(0, q_100m_m3))
FROM water_test_district;
-- freshwater footprint of the summed population_10k (taken as m3 here):
-- 2.70 * (1023.67 + 1080.08 + 804.14 + 286.48 = 3194.37) / 2912 = 2.96181;
-- balance with EF 0 and EC = q_100m_m3: ERD = sum of q = 15.44 + 81.55 +
-- 171.21 + 103.15 = 371.35, recipient
SELECT round((f).freshwater::numeric, 5) AS freshwater, round((b).erd::numeric, 9) AS erd,
	   approx((f).freshwater, 2.70 * p / 2912, 1e-9) AS ef_same, approx((b).erd, q, 1e-9) AS erd_same, (b).role
FROM (SELECT ecocomp.water_footprint_sum(ecocomp.water_footprint(0, population_10k, 0)) AS f,
			 ecocomp.water_balance_sum(ecocomp.water_compensation(0, q_100m_m3)) AS b,
			 sum(population_10k) AS p, sum(q_100m_m3) AS q
	  FROM water_test_district) s;
CALL reset_parallel();
-- NULL rows are skipped like sum() skips them; no rows give NULL.
-- 2.70 * 2912 / 2912 + 2.70 * 5824 / 2912 = 2.70 + 5.40 = 8.10
SELECT round((ecocomp.water_footprint_sum(f)).total::numeric, 9) AS total
FROM (VALUES (ecocomp.water_footprint(0, 2912, 0)), (NULL), (ecocomp.water_footprint(0, 5824, 0))) v(f);
SELECT ecocomp.water_footprint_sum(f) IS NULL AS no_rows, ecocomp.water_balance_sum(b) IS NULL AS no_rows_balance
FROM (SELECT ecocomp.water_footprint(0, 0, 0) AS f, ecocomp.water_compensation(0, 0) AS b WHERE false) s;
DROP VIEW water_test_zone_a, water_test_zone_b, water_test_district_result;
DROP TABLE water_test_district, water_zone_paper;

------------------------------------------------------------------------------
-- 7. NULL in, NULL out
------------------------------------------------------------------------------
SELECT ecocomp.water_footprint(NULL, 1, 1) IS NULL AS fp,
	   ecocomp.water_footprint(1, 1, 1, aquatic_productivity => NULL) IS NULL AS fp_param,
	   ecocomp.water_carrying_capacity(NULL) IS NULL AS ec,
	   ecocomp.water_carrying_capacity(1, ecological_reserve => NULL) IS NULL AS ec_param,
	   ecocomp.water_compensation(1, NULL) IS NULL AS comp,
	   ecocomp.water_compensation(1, 1, NULL) IS NULL AS comp_unit,
	   ecocomp.water_equivalence_factor(NULL) IS NULL AS a_w,
	   ecocomp.water_unit_value(1, NULL) IS NULL AS unit;

------------------------------------------------------------------------------
-- 8. Bad input
------------------------------------------------------------------------------
SELECT error_of($$SELECT ecocomp.water_footprint(-1, 0, 0)$$);
SELECT error_of($$SELECT ecocomp.water_footprint(0, -1, 0)$$);
SELECT error_of($$SELECT ecocomp.water_footprint(0, 0, -1)$$);
SELECT error_of($$SELECT ecocomp.water_footprint('NaN', 0, 0)$$);
SELECT error_of($$SELECT ecocomp.water_footprint(0, 'Infinity', 0)$$);
SELECT error_of($$SELECT ecocomp.water_footprint(0, 0, '-Infinity')$$);
SELECT error_of($$SELECT ecocomp.water_footprint(1, 1, 1, equivalence_factor => 0)$$);
SELECT error_of($$SELECT ecocomp.water_footprint(1, 1, 1, equivalence_factor => 'NaN')$$);
SELECT error_of($$SELECT ecocomp.water_footprint(1, 1, 1, water_productivity => 0)$$);
SELECT error_of($$SELECT ecocomp.water_footprint(1, 1, 1, water_productivity => -2912)$$);
SELECT error_of($$SELECT ecocomp.water_footprint(1, 1, 1, aquatic_productivity => 0)$$);
SELECT error_of($$SELECT ecocomp.water_footprint(1, 1, 1, aquatic_productivity => 'Infinity')$$);
SELECT error_of($$SELECT ecocomp.water_carrying_capacity(-1)$$);
SELECT error_of($$SELECT ecocomp.water_carrying_capacity('NaN')$$);
SELECT error_of($$SELECT ecocomp.water_carrying_capacity('Infinity')$$);
SELECT error_of($$SELECT ecocomp.water_carrying_capacity(1, yield_factor => 0)$$);
SELECT error_of($$SELECT ecocomp.water_carrying_capacity(1, equivalence_factor => -2.7)$$);
SELECT error_of($$SELECT ecocomp.water_carrying_capacity(1, ecological_reserve => 1)$$);
SELECT error_of($$SELECT ecocomp.water_carrying_capacity(1, ecological_reserve => -0.1)$$);
SELECT error_of($$SELECT ecocomp.water_carrying_capacity(1, ecological_reserve => 'NaN')$$);
SELECT error_of($$SELECT ecocomp.water_carrying_capacity(1, water_productivity => 0)$$);
SELECT error_of($$SELECT ecocomp.water_compensation(-1, 0)$$);
SELECT error_of($$SELECT ecocomp.water_compensation(0, -1)$$);
SELECT error_of($$SELECT ecocomp.water_compensation('NaN', 0)$$);
SELECT error_of($$SELECT ecocomp.water_compensation(0, 'Infinity')$$);
SELECT error_of($$SELECT ecocomp.water_compensation(0, 0, 0)$$);
SELECT error_of($$SELECT ecocomp.water_compensation(0, 0, -2476)$$);
SELECT error_of($$SELECT ecocomp.water_compensation(0, 0, 'NaN')$$);
SELECT error_of($$SELECT ecocomp.water_equivalence_factor(0)$$);
SELECT error_of($$SELECT ecocomp.water_equivalence_factor(water_per_hm2 => -1)$$);
SELECT error_of($$SELECT ecocomp.water_equivalence_factor(arable_gdp_per_hm2 => 0)$$);
SELECT error_of($$SELECT ecocomp.water_equivalence_factor(arable_equivalence_factor => 'NaN')$$);
SELECT error_of($$SELECT ecocomp.water_unit_value(-1, 1)$$);
SELECT error_of($$SELECT ecocomp.water_unit_value(1, 0)$$);
SELECT error_of($$SELECT ecocomp.water_unit_value(1, 1, 0)$$);
SELECT error_of($$SELECT ecocomp.water_unit_value('Infinity', 1)$$);
-- composites given to the aggregates: NULL fields, negative or non-finite values
SELECT error_of($$SELECT ecocomp.water_footprint_sum(ROW(1, NULL, 1, 2)::ecocomp.water_footprint_hm2)$$);
SELECT error_of($$SELECT ecocomp.water_footprint_sum(ROW(1, -1, 1, 1)::ecocomp.water_footprint_hm2)$$);
SELECT error_of($$SELECT ecocomp.water_footprint_sum(ROW(1, 1, 1, 'NaN')::ecocomp.water_footprint_hm2)$$);
SELECT error_of($$SELECT ecocomp.water_balance_sum(ROW(NULL, 1, 'payer')::ecocomp.water_balance)$$);
SELECT error_of($$SELECT ecocomp.water_balance_sum(ROW(1, 'Infinity', 'recipient')::ecocomp.water_balance)$$);
-- finite inputs whose result overflows double precision: 22003, not Infinity
SELECT error_of($$SELECT ecocomp.water_footprint(1e308, 0, 0)$$);
SELECT error_of($$SELECT ecocomp.water_footprint(0, 1e300, 0, water_productivity => 1e-300)$$);
SELECT error_of($$SELECT ecocomp.water_carrying_capacity(1e308)$$);
SELECT error_of($$SELECT ecocomp.water_compensation(0, 1e308)$$);
SELECT error_of($$SELECT ecocomp.water_equivalence_factor(1e200, 1e200)$$);
SELECT error_of($$SELECT ecocomp.water_unit_value(1e308, 1e-10)$$);
SELECT error_of($$SELECT ecocomp.water_footprint_sum(f) FROM (VALUES (ROW(0, 0, 0, 1e308)::ecocomp.water_footprint_hm2), (ROW(0, 0, 0, 1e308)::ecocomp.water_footprint_hm2)) v(f)$$);
SELECT error_of($$SELECT ecocomp.water_balance_sum(b) FROM (VALUES (ROW(1e308, 1, 'recipient')::ecocomp.water_balance), (ROW(1e308, 1, 'recipient')::ecocomp.water_balance)) v(b)$$);

------------------------------------------------------------------------------
-- 9. Nothing depends on the search_path
------------------------------------------------------------------------------
SET search_path = pg_temp;
-- EF 2.70 * 2912 / 2912 = 2.70, two rows 5.40; EC 0.4 * 1.98 * 2.70 = 2.1384
-- (sum of two rows / 2);
-- ERD 2.1384 - 2.70 = -0.5616 (payer), summed twice -1.1232
SELECT round((f).total::numeric, 9) AS ef, round(ec::numeric, 9) AS ec,
	   round((b).erd::numeric, 9) AS erd, (b).role
FROM (SELECT ecocomp.water_footprint_sum(ecocomp.water_footprint(0, 2912, 0)) AS f,
			 sum(ecocomp.water_carrying_capacity(2912)) / 2 AS ec,
			 ecocomp.water_balance_sum(ecocomp.water_compensation(2.70, 2.1384)) AS b
	  FROM (VALUES (1), (2)) v(i)) s;
RESET search_path;

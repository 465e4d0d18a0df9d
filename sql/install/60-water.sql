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

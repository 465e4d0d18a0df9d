-- weighted_stats: hand-computed cases.
-- values 100 (weight 900) and 200 (weight 450): W = 1350,
-- mean = (90000 + 90000) / 1350 = 133.333..., variance =
-- (900 * 33.333^2 + 450 * 66.667^2) / 1350 = (1,000,000 + 2,000,000) / 1350 = 2222.22, sd = 47.1405
SELECT round(weight_sum::numeric, 6) AS w, round(mean::numeric, 6) AS mean, round(stddev::numeric, 6) AS sd, min, max, n
FROM (SELECT (ecocomp.weighted_stats(v, w)).* FROM (VALUES (100.0, 900.0), (200.0, 450.0)) t(v, w)) s;
-- equal weights equal the population statistics of PostgreSQL itself
SELECT approx((ecocomp.weighted_stats(g::float8, 2)).mean, avg(g), 1e-9) AS mean_ok,
	   approx((ecocomp.weighted_stats(g::float8, 2)).stddev, stddev_pop(g), 1e-9) AS sd_ok
FROM generate_series(1, 1000) g;
-- NULLs and zero weights are skipped; nothing left: NULL
SELECT (ecocomp.weighted_stats(v, w)).n FROM (VALUES (1.0, NULL), (NULL, 1.0), (5.0, 0.0), (7.0, 2.0)) t(v, w);
SELECT ecocomp.weighted_stats(v, w) IS NULL AS empty FROM (VALUES (1.0, 0.0)) t(v, w);
-- a parallel plan (partial states combined) gives the same result as the
-- two-pass formula: values g % 17 with weights 1 + g % 5
CREATE TABLE ws_big AS SELECT (g % 17)::float8 AS v, (1 + g % 5)::float8 AS w FROM generate_series(1, 200000) g;
ANALYZE ws_big;
CALL force_parallel();
EXPLAIN (COSTS OFF) SELECT ecocomp.weighted_stats(v, w) FROM ws_big;
WITH m AS (SELECT sum(v * w) / sum(w) AS mean, sum(w) AS wsum FROM ws_big),
	 ref AS (SELECT m.mean, sqrt(sum(w * (v - m.mean) ^ 2) / m.wsum) AS sd FROM ws_big, m GROUP BY m.mean, m.wsum)
SELECT approx(s.mean, ref.mean, 1e-9) AS mean_ok, approx(s.stddev, ref.sd, 1e-9) AS sd_ok, s.n
FROM ref, (SELECT (ecocomp.weighted_stats(v, w)).* FROM ws_big) s;
RESET ALL;
DROP TABLE ws_big;
-- bad input
SELECT error_of($$SELECT ecocomp.weighted_stats(1, -1)$$);
SELECT error_of($$SELECT ecocomp.weighted_stats('NaN', 1)$$);
SELECT error_of($$SELECT ecocomp.weighted_stats(1, 'Infinity')$$);

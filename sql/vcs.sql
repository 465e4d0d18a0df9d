-- VCS and the carbon deficit of a disturbed pixel (the carbon paper (Xu Y. et al. 2024)), by hand.

-- VCS = NPP * 2.2 * 1.63 = NPP * 3.586
SELECT round(ecocomp.vcs(100)::numeric, 9) AS vcs_100, ecocomp.vcs(0) AS vcs_0, round(ecocomp.vcs(-10)::numeric, 9) AS vcs_neg;
-- MODIS DN * 0.0001 kg C/m2 = DN * 0.1 g C/m2; fill codes are NULL
SELECT ecocomp.npp_from_modis(5000) AS dn_5000, ecocomp.npp_from_modis(-30000) AS dn_min,
	   ecocomp.npp_from_modis(32700) AS dn_max,
	   count(*) FILTER (WHERE ecocomp.npp_from_modis(c) IS NULL) AS fill_codes_null
FROM generate_series(32761, 32767) c;

-- A pixel: VCS 100, 110, 120 in 2001-2003, destroyed in 2004 (20, 30, 40, 50
-- in 2004-2007), restored in 2008 (60, 70 in 2008-2009).
-- baseline through (2001,100) (2002,110) (2003,120): slope 10,
--   intercept 110 - 10 * 2002 = -19910, baseline(t) = 110 + 10 (t - 2002)
-- direct decrease = V(2003) - V(2004) = 120 - 20 = 100
-- direct increase = V(2008) - V(2007) = 60 - 50 = 10
-- C_destroy = (20-130) + (30-140) + (40-150) + (50-160) = -440
-- C_restore = (60-170) + (70-180) = -220;  VCSD = 660
CREATE TEMP TABLE px (id int, year int, vcs float8, destroyed int, restored int);
INSERT INTO px SELECT 1, y, v, 2004, 2008 FROM (VALUES
	(2001, 100), (2002, 110), (2003, 120), (2004, 20), (2005, 30), (2006, 40),
	(2007, 50), (2008, 60), (2009, 70)) AS s(y, v);
SELECT (d).* FROM (SELECT ecocomp.vcs_deficit(year, vcs, destroyed, restored) AS d FROM px WHERE id = 1) s;
-- row order does not matter
SELECT (ecocomp.vcs_deficit(year, vcs, destroyed, restored ORDER BY year DESC)).vcsd FROM px WHERE id = 1;

-- Missing year: no 2004 value (as the carbon paper (Xu Y. et al. 2024) has no 2012); the destruction of
-- 2004 counts in 2005, the next available year.
-- baseline as above; direct decrease = V(2003) - V(2005) = 120 - 30 = 90
-- C_destroy = (30-140) + (40-150) + (50-160) = -330; C_restore = -220; VCSD = 550
INSERT INTO px SELECT 2, year, vcs, destroyed, restored FROM px WHERE id = 1 AND year <> 2004;
INSERT INTO px VALUES (2, 2004, NULL, 2004, 2008);	-- a NULL VCS is a missing year too
SELECT (d).direct_decrease, (d).c_destroy, (d).c_restore, (d).vcsd
FROM (SELECT ecocomp.vcs_deficit(year, vcs, destroyed, restored) AS d FROM px WHERE id = 2) s;

-- Never restored: every year from 2004 on is destroyed, direct increase 0.
-- C_destroy = -440 + (60-170) + (70-180) = -660, C_restore = 0, VCSD = 660
SELECT (d).direct_increase, (d).c_destroy, (d).c_restore, (d).vcsd
FROM (SELECT ecocomp.vcs_deficit(year, vcs, 2004, NULL) AS d FROM px WHERE id = 1) s;

-- Undisturbed: no destruction year: the baseline uses all years, no change.
SELECT (d).baseline_years, (d).direct_decrease, (d).vcsd
FROM (SELECT ecocomp.vcs_deficit(year, vcs, NULL, NULL) AS d FROM px WHERE id = 1 AND year < 2004) s;

-- Fewer than two years before destruction: no baseline (NULL) and the count
-- says why; the direct decrease is still known.
SELECT (d).* FROM (SELECT ecocomp.vcs_deficit(year, vcs, 2002, NULL) AS d FROM px WHERE id = 1) s;

-- Partial aggregation gives the same answer (one group per pixel, many pixels).
-- (regular tables: temporary ones are never scanned in parallel)
CREATE TABLE vcs_many AS SELECT p.id * 1000 + g AS id, p.year, p.vcs, p.destroyed, p.restored
FROM px p, generate_series(1, 2000) g WHERE p.id = 1;
ANALYZE vcs_many;
CALL force_parallel();
SELECT count(*) AS series FROM (SELECT id, ecocomp.vcs_deficit(year, vcs, destroyed, restored) AS d FROM vcs_many GROUP BY id) s WHERE (d).vcsd = 660;
-- one huge series split across workers: the combine function merges it
-- (years 1..20000, linear VCS, never destroyed: slope 1, VCSD 0)
CREATE TABLE vcs_long AS SELECT y AS year, y::float8 AS vcs FROM generate_series(1, 20000) y;
ANALYZE vcs_long;
EXPLAIN (COSTS OFF) SELECT ecocomp.vcs_deficit(year, vcs, NULL, NULL) FROM vcs_long;
SELECT (d).baseline_years, round((d).baseline_slope::numeric, 9) AS slope, (d).vcsd
FROM (SELECT ecocomp.vcs_deficit(year, vcs, NULL, NULL) AS d FROM vcs_long) s;
RESET ALL;
DROP TABLE vcs_many, vcs_long;

-- Bad input
SELECT error_of($$SELECT ecocomp.vcs('NaN')$$);
SELECT error_of($$SELECT ecocomp.npp_from_modis(32750)$$);
SELECT error_of($$SELECT ecocomp.npp_from_modis(-30001)$$);
SELECT error_of($$SELECT ecocomp.vcs_deficit(year, vcs, 2006, 2004) FROM px WHERE id = 1$$);
SELECT error_of($$SELECT ecocomp.vcs_deficit(year, vcs, NULL, 2004) FROM px WHERE id = 1$$);
SELECT error_of($$SELECT ecocomp.vcs_deficit(2001, vcs, 2004, 2008) FROM px WHERE id = 1$$);
SELECT error_of($$SELECT ecocomp.vcs_deficit(year, vcs, CASE WHEN year < 2005 THEN 2004 ELSE 2005 END, 2008) FROM px WHERE id = 1$$);
SELECT error_of($$SELECT ecocomp.vcs_deficit(NULL, vcs, 2004, 2008) FROM px WHERE id = 1$$);
SELECT error_of($$SELECT ecocomp.vcs_deficit(year, 'Infinity', 2004, 2008) FROM px WHERE id = 1$$);
-- no rows, or only missing years: NULL
SELECT ecocomp.vcs_deficit(year, vcs, 2004, 2008) IS NULL AS empty FROM px WHERE id = 99;
SELECT ecocomp.vcs_deficit(year, NULL, 2004, 2008) IS NULL AS all_missing FROM px WHERE id = 1;

-- An aggregate of one's own over the support functions, with a state of
-- capacity 0 as INITCOND: the state grows on the first year.  VCS 11, 12,
-- 13 in years 1..3, never destroyed: the baseline is the line 10 + year
-- (slope 1, intercept 10) through all three years, and VCSD is 0.
CREATE AGGREGATE vcs_deficit0(integer, double precision, integer, integer) (
	SFUNC = ecocomp.vcs_deficit_accum, STYPE = double precision[],
	FINALFUNC = ecocomp.vcs_deficit_final, INITCOND = '{0,NaN,NaN}');
SELECT (d).baseline_years, round((d).baseline_slope::numeric, 9) AS slope,
	   round((d).baseline_intercept::numeric, 9) AS intercept, (d).vcsd
FROM (SELECT vcs_deficit0(y, 10 + y, NULL, NULL) AS d FROM generate_series(1, 3) y) s;
DROP AGGREGATE vcs_deficit0(integer, double precision, integer, integer);

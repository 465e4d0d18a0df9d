-- Demo, part 1: compensation priority and vertical compensation of the 15
-- coal resource-depleted cities of the ESV paper (Wang et al., in press) (2020).
\set ON_ERROR_STOP on
\pset footer off
CREATE TABLE demo_city (
	city text PRIMARY KEY, province text, region text,
	gdp_billion_yuan float8, published_r_billion_yuan float8,
	published_share_pct float8, published_pct_of_gdp float8);
\copy demo_city FROM 'demo/data/crdc_cities_2020.csv' WITH (FORMAT csv, HEADER true)

\echo
\echo '== Wang et al., in press, Table 3: vertical ecological compensation of 15 coal resource-depleted cities, 2020'
\echo 'The paper does not publish each city''s non-market ESV.  The demo solves it from the'
\echo 'published compensation R and GDP (R = V * 0.15 * 2 atan(V / GDP) / pi, solved for V with'
\echo 'ecocomp.nonmarket_from_compensation), then recomputes ECPS, t and R from V with the'
\echo 'extension''s functions.  With land-use rasters, V comes from ecocomp.esv_value(...).nonmarket.'
\echo
WITH v AS (
	SELECT c.*, ecocomp.nonmarket_from_compensation(c.published_r_billion_yuan, c.gdp_billion_yuan) AS nonmarket
	FROM demo_city c
), r AS (
	SELECT v.*, ecocomp.ecps(v.nonmarket, v.gdp_billion_yuan) AS ecps,
		   ecocomp.vertical_compensation(v.nonmarket, v.gdp_billion_yuan) AS r
	FROM v
)
SELECT city, province, region,
	   gdp_billion_yuan AS "GDP (bn yuan)",
	   round(nonmarket::numeric, 2) AS "non-market ESV (bn yuan)",
	   round(ecps::numeric, 3) AS "ECPS",
	   ecocomp.ecps_class(ecps) AS priority,
	   round(ecocomp.compensation_intensity(ecps)::numeric, 4) AS t,
	   round(r::numeric, 3) AS "R (bn yuan)",
	   round((100 * r / sum(r) OVER ())::numeric, 2) AS "share of total R (%)",
	   round((100 * r / gdp_billion_yuan)::numeric, 3) AS "R / GDP (%)"
FROM r
ORDER BY r DESC;
SELECT round(sum(gdp_billion_yuan)::numeric, 0) AS "total GDP (bn yuan)",
	   round(sum(ecocomp.vertical_compensation(ecocomp.nonmarket_from_compensation(published_r_billion_yuan, gdp_billion_yuan), gdp_billion_yuan))::numeric, 3) AS "total R (bn yuan)"
FROM demo_city;

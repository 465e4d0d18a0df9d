-- The Xie 2015 adjustment in the raster esv_value aggregate:
-- esv_value(rast, geom, ea, classification, scheme, band, adjustment).
-- Every expected value is worked out by hand below.
SET client_min_messages = warning;

-- Xie 2015 factors used below (equivalents/hm2, esv_factor):
--   dry_land (CNLUCC 12): food .85 raw .40 water .02 gas .67 climate .36
--     purify .10 hydro .27 soil 1.03 nutrient .12 biodiv .13 aesthetic .06
--     VC/E_a = 4.01
--   mixed_forest (CNLUCC 21): food .31 raw .71 water .37 gas 2.35
--     climate 7.03 purify 1.99 hydro 3.51 soil 2.86 nutrient .22
--     biodiv 2.60 aesthetic 1.14; VC/E_a = 23.09
--   construction (CNLUCC 51): all 0
--   (the table's own values, to check the numbers above)
SELECT m.code, f.service, f.factor
FROM ecocomp.landuse_map m JOIN ecocomp.esv_factor f USING (scheme, ecosystem)
WHERE m.classification = 'cnlucc' AND m.scheme = 'xie2015' AND m.code IN (12, 21)
ORDER BY m.code, f.service;

-- A 4 x 2 raster of 100 m pixels (1 hm2 each), UTM 50N, cut into two
-- tiles of 2 x 2; nodata 0:
--   12 12 21 21
--   12 12 12  0
-- The polygon is the whole raster (0 0, 400 200): dry land 5 hm2, mixed
-- forest 2 hm2, nodata 1 hm2.
CREATE TABLE adj_tiles AS
SELECT ST_Tile(public.raster_of(ARRAY[[12,12,21,21],[12,12,12,0]], '8BUI', 0, scale => 100), 2, 2) AS rast;
CREATE TABLE adj_zone AS SELECT 1 AS id, ST_MakeEnvelope(0, 0, 400, 200, 32650) AS geom;
SELECT count(*) AS tiles FROM adj_tiles;
SELECT ecocomp.landuse_area(t.rast, z.geom) AS areas FROM adj_tiles t, adj_zone z;

-- Adjustment {"npp": 1.2, "precipitation": 0.9, "soil": 1.5} at E_a 1000
-- yuan/hm2/a.  NPP scales food, raw, gas, climate, purify, nutrient,
-- biodiv, aesthetic; precipitation water and hydro; soil soil.
--   provisioning: dry  ((.85 + .40) * 1.2 + .02 * .9) * 5 = 1.518 * 5 = 7.59
--                 forest ((.31 + .71) * 1.2 + .37 * .9) * 2 = 1.557 * 2 = 3.114
--                 -> 10.704 * 1000 = 10704
--   regulating:   dry  ((.67 + .36 + .10) * 1.2 + .27 * .9) * 5 = 1.599 * 5 = 7.995
--                 forest ((2.35 + 7.03 + 1.99) * 1.2 + 3.51 * .9) * 2
--                        = (13.644 + 3.159) * 2 = 33.606
--                 -> 41.601 * 1000 = 41601
--   supporting:   dry  (1.03 * 1.5 + (.12 + .13) * 1.2) * 5 = 1.845 * 5 = 9.225
--                 forest (2.86 * 1.5 + (.22 + 2.60) * 1.2) * 2 = 7.674 * 2 = 15.348
--                 -> 24.573 * 1000 = 24573
--   cultural:     (.06 * 5 + 1.14 * 2) * 1.2 = 3.096 -> 3096
--   total 10704 + 41601 + 24573 + 3096 = 79974; non-market 79974 - 10704 = 69270
SELECT round((a).total::numeric, 6) AS total, round((a).provisioning::numeric, 6) AS provisioning,
	   round((a).regulating::numeric, 6) AS regulating, round((a).supporting::numeric, 6) AS supporting,
	   round((a).cultural::numeric, 6) AS cultural, round((a).nonmarket::numeric, 6) AS nonmarket
FROM (SELECT ecocomp.esv_value(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1,
		'{"npp": 1.2, "precipitation": 0.9, "soil": 1.5}') AS a
	  FROM adj_tiles t, adj_zone z) q;
-- the same as the jsonb path over landuse_area (one core)
SELECT round((a).total::numeric, 6) = round((j).total::numeric, 6)
	   AND round((a).provisioning::numeric, 6) = round((j).provisioning::numeric, 6)
	   AND round((a).regulating::numeric, 6) = round((j).regulating::numeric, 6)
	   AND round((a).supporting::numeric, 6) = round((j).supporting::numeric, 6)
	   AND round((a).cultural::numeric, 6) = round((j).cultural::numeric, 6)
	   AND round((a).nonmarket::numeric, 6) = round((j).nonmarket::numeric, 6) AS agg_equals_jsonb
FROM (SELECT ecocomp.esv_value(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1,
		'{"npp": 1.2, "precipitation": 0.9, "soil": 1.5}') AS a,
		ecocomp.esv_value(ecocomp.landuse_area(t.rast, z.geom), 1000,
		adjustment => '{"npp": 1.2, "precipitation": 0.9, "soil": 1.5}') AS j
	  FROM adj_tiles t, adj_zone z) q;
-- jsonb path over the hand areas: the same 79974
SELECT round((ecocomp.esv_value('{"12": 5, "21": 2}', 1000,
	adjustment => '{"npp": 1.2, "precipitation": 0.9, "soil": 1.5}')).total::numeric, 6) AS jsonb_total;

-- '{}' (and factors all 1) is the unadjusted aggregate:
-- (5 * 4.01 + 2 * 23.09) * 1000 = (20.05 + 46.18) * 1000 = 66230
SELECT round((ecocomp.esv_value(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1, '{}')).total::numeric, 6) AS empty,
	   round((ecocomp.esv_value(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1, '{"npp": 1, "soil": 1}')).total::numeric, 6) AS ones,
	   round((ecocomp.esv_value(t.rast, z.geom, 1000)).total::numeric, 6) AS plain
FROM adj_tiles t, adj_zone z;
SELECT ecocomp.esv_value(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1, '{}')
	   = ecocomp.esv_value(t.rast, z.geom, 1000) AS empty_is_plain
FROM adj_tiles t, adj_zone z;
-- precipitation 0 removes water supply and hydrological regulation:
-- 66230 - ((.02 + .27) * 5 + (.37 + 3.51) * 2) * 1000 = 66230 - 9210 = 57020
SELECT round((ecocomp.esv_value(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1, '{"precipitation": 0}')).total::numeric, 6) AS no_rain
FROM adj_tiles t, adj_zone z;

-- different adjustments in one group: 22023
SELECT error_of($$SELECT ecocomp.esv_value(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1,
	CASE WHEN ST_UpperLeftX(t.rast) = 0 THEN '{"npp": 1.2}' ELSE '{"npp": 1.3}' END::jsonb)
	FROM adj_tiles t, adj_zone z$$);
SELECT error_of($$SELECT ecocomp.esv_value(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1,
	CASE WHEN ST_UpperLeftX(t.rast) = 0 THEN '{"npp": 1.2}' ELSE '{}' END::jsonb)
	FROM adj_tiles t, adj_zone z$$);
-- the same factors spelled differently are the same adjustment
SELECT round((ecocomp.esv_value(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1,
	CASE WHEN ST_UpperLeftX(t.rast) = 0 THEN '{"soil": 1.5, "npp": 1.2, "precipitation": 0.9}'
	ELSE '{"npp": 1.20, "precipitation": 0.9, "soil": 1.5}' END::jsonb)).total::numeric, 6) AS same_factors
FROM adj_tiles t, adj_zone z;
-- bad adjustments: 22023 (unknown key, negative, NaN, JSON null, not an
-- object); a NULL adjustment is 22004 like every other NULL argument
SELECT error_of($$SELECT ecocomp.esv_value(rast, ST_MakeEnvelope(0, 0, 400, 200, 32650), 1000, 'cnlucc', 'xie2015', 1, '{"temperature": 1}') FROM adj_tiles$$);
SELECT error_of($$SELECT ecocomp.esv_value(rast, ST_MakeEnvelope(0, 0, 400, 200, 32650), 1000, 'cnlucc', 'xie2015', 1, '{"npp": -0.1}') FROM adj_tiles$$);
SELECT error_of($$SELECT ecocomp.esv_value(rast, ST_MakeEnvelope(0, 0, 400, 200, 32650), 1000, 'cnlucc', 'xie2015', 1, '{"soil": "NaN"}') FROM adj_tiles$$);
SELECT error_of($$SELECT ecocomp.esv_value(rast, ST_MakeEnvelope(0, 0, 400, 200, 32650), 1000, 'cnlucc', 'xie2015', 1, '{"soil": null}') FROM adj_tiles$$);
SELECT error_of($$SELECT ecocomp.esv_value(rast, ST_MakeEnvelope(0, 0, 400, 200, 32650), 1000, 'cnlucc', 'xie2015', 1, '[1.2]') FROM adj_tiles$$);
SELECT error_of($$SELECT ecocomp.esv_value(rast, ST_MakeEnvelope(0, 0, 400, 200, 32650), 1000, 'cnlucc', 'xie2015', 1, NULL) FROM adj_tiles$$);

-- The state carries the factors: an unadjusted state has no adjust field
-- (and flags without 8), an adjusted one has flags | 8 and
-- adjust=<npp>,<precipitation>,<soil>.
CREATE AGGREGATE adj_state(raster, geometry, float8, text, text, integer, jsonb)
	(SFUNC = ecocomp.esv_value_transfn, STYPE = ecocomp.landuse_state);
CREATE AGGREGATE adj_state(raster, geometry, float8)
	(SFUNC = ecocomp.esv_value_transfn, STYPE = ecocomp.landuse_state);
SELECT adj_state(t.rast, z.geom, 1000) AS plain_state FROM adj_tiles t, adj_zone z;
SELECT adj_state(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1, '{"soil": 1}') AS ones_state FROM adj_tiles t, adj_zone z;
SELECT regexp_replace(adj_state(t.rast, z.geom, 1000, 'cnlucc', 'xie2015', 1,
	'{"npp": 1.2, "precipitation": 0.9, "soil": 1.5}')::text, 'geom=[0-9a-f]*', 'geom=...') AS adjusted_state
FROM adj_tiles t, adj_zone z;
-- text round trip, and the final function over a typed state: 5 hm2 dry
-- land at npp 2, E_a 1: (.85 + .40 + .67 + .36 + .10 + .12 + .13 + .06) * 2
-- * 5 + (.02 + .27 + 1.03) * 5 = 26.9 + 6.6 = 33.5
CREATE TABLE adj_states (s ecocomp.landuse_state);
INSERT INTO adj_states VALUES
	('kind=esv;mode=exact;band=1;srid=32650;flags=13;geom=00000000000000ff;ea=1;classification=cnlucc;scheme=xie2015;grid=100,-100,0,0;adjust=2,1,1;hist=12:0=50000'),
	('kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=3452.5;classification=cnlucc;scheme=xie2015;adjust=0,0.90000000000000002,1e-300;hist=21:0=5,nodata:0=7'),
	('kind=esv;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;hist=12:0=1');
SELECT s AS state, s::text::ecocomp.landuse_state::text = s::text AS text_round_trip FROM adj_states;
SELECT round((ecocomp.esv_value_final(s)).total::numeric, 6) AS final_of_text FROM adj_states LIMIT 1;
-- binary round trip through COPY (FORMAT binary): send and recv
CALL binary_copy('adj_states', 'adj_states2');
SELECT count(*) AS rows, bool_and(a.s::text = b.s::text) AS binary_round_trip
FROM (SELECT s, row_number() OVER () AS n FROM adj_states) a
JOIN (SELECT s, row_number() OVER () AS n FROM adj_states2) b USING (n);
-- the binary form gains 3 x float8 only with the factors: the plain state
-- (no grid, one entry) is 71 bytes; the first has the grid (4 x 8) and the
-- factors (3 x 8): 71 + 32 + 24 = 127; the second one more entry (3 x 8)
-- and the factors: 71 + 24 + 24 = 119
SELECT octet_length(ecocomp.landuse_state_send(s)) AS send_bytes FROM adj_states;
-- bad factors in a state: 22P03 (negative, not finite, all 1, on another
-- kind, flag without the field, malformed)
SELECT error_of($$SELECT 'kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=-1,1,1;hist='::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=inf,1,1;hist='::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=nan,1,1;hist='::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=1,1,1;hist='::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=area;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=0;classification=;scheme=;adjust=2,1,1;hist='::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;hist='::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=2,1;hist='::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=esv;mode=exact;band=1;srid=0;flags=16;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;hist='::ecocomp.landuse_state$$);
-- the adjust field without the flag is not read: hist is expected
SELECT error_of($$SELECT 'kind=esv;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=2,1,1;hist='::ecocomp.landuse_state$$);

-- combine: the same factors merge; different factors, or factors and
-- none, are 22023
CREATE AGGREGATE adj_merge(ecocomp.landuse_state) (SFUNC = ecocomp.landuse_state_combine,
	STYPE = ecocomp.landuse_state);
SELECT adj_merge(s) AS merged FROM (VALUES
	('kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=2,1,1;hist=12:0=1'::ecocomp.landuse_state),
	('kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=2,1,1;hist=12:0=2,21:0=4')) v(s);
SELECT error_of($$SELECT adj_merge(s) FROM (VALUES
	('kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=2,1,1;hist=12:0=1'::ecocomp.landuse_state),
	('kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=1,2,1;hist=12:0=1')) v(s)$$);
SELECT error_of($$SELECT adj_merge(s) FROM (VALUES
	('kind=esv;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;hist=12:0=1'::ecocomp.landuse_state),
	('kind=esv;mode=exact;band=1;srid=0;flags=8;geom=0000000000000000;ea=1;classification=cnlucc;scheme=xie2015;adjust=1,1,3;hist=12:0=1')) v(s)$$);

-- A parallel plan gives the same result: 200 x 160 pixels of 30 m cut into
-- 32 x 32 tiles, 6 zones; the (tile, zone) pairs are materialized so that
-- the workers each aggregate part of the tiles of every zone and the leader
-- combines the partial states (with their factors).
CREATE TABLE adj_pairs AS
SELECT z.id, z.geom, t.rast
FROM (SELECT ST_Tile(public.raster_of(pixtype => '8BUI', nodata => 0, ulx => 500000, uly => 4000000, scale => 30,
		vals => public.landuse_codes(200, 160)), 32, 32) AS rast) t
JOIN (SELECT i AS id, ST_Buffer(ST_SetSRID(ST_MakePoint(500700 + 900 * (i % 3), 3998800 - 1600 * (i / 3)), 32650), 650 + 13 * i, 64) AS geom
	  FROM generate_series(0, 5) i) z ON ST_Intersects(t.rast, z.geom);
ANALYZE adj_pairs;
CREATE TABLE adj_serial AS
SELECT id, ecocomp.esv_value(rast, geom, 3452.0, 'cnlucc', 'xie2015', 1, '{"npp": 1.2, "precipitation": 0.9, "soil": 1.5}') AS a,
	   ecocomp.landuse_area(rast, geom) AS areas
FROM adj_pairs GROUP BY id;
CALL public.force_parallel();
CREATE FUNCTION adj_plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE l text;
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF l ~ 'Partial|Gather|Finalize' THEN RETURN NEXT regexp_replace(l, '^\s*(->\s*)?', ''); END IF;
	END LOOP;
END $$;
SELECT * FROM adj_plan($$SELECT id, ecocomp.esv_value(rast, geom, 3452.0, 'cnlucc', 'xie2015', 1, '{"npp": 1.2, "precipitation": 0.9, "soil": 1.5}') FROM adj_pairs GROUP BY id$$);
CREATE TABLE adj_parallel AS
SELECT id, ecocomp.esv_value(rast, geom, 3452.0, 'cnlucc', 'xie2015', 1, '{"npp": 1.2, "precipitation": 0.9, "soil": 1.5}') AS a
FROM adj_pairs GROUP BY id;
-- differing adjustments are caught across workers too (in a worker's
-- transition or in the leader's combine)
SELECT error_of($$SELECT id, ecocomp.esv_value(rast, geom, 3452.0, 'cnlucc', 'xie2015', 1,
	CASE WHEN ST_UpperLeftX(rast) < 501500 THEN '{"npp": 1.2}' ELSE '{"npp": 1.1}' END::jsonb) FROM adj_pairs GROUP BY id$$);
CALL public.reset_parallel();
-- serial = parallel (to 1e-9 relative: the partial sums add in another
-- order), and both = the jsonb path over landuse_area
SELECT s.id, public.approx((s.a).total, (p.a).total, 1e-9 * (s.a).total) AS parallel_same,
	   public.approx((s.a).total, (j).total, 1e-9 * (s.a).total)
	   AND public.approx((s.a).nonmarket, (j).nonmarket, 1e-9 * (s.a).nonmarket) AS jsonb_same,
	   (s.a).total <> (u).total AS adjusted
FROM adj_serial s JOIN adj_parallel p USING (id),
	 LATERAL ecocomp.esv_value(s.areas, 3452.0, adjustment => '{"npp": 1.2, "precipitation": 0.9, "soil": 1.5}') j,
	 LATERAL ecocomp.esv_value(s.areas, 3452.0) u
ORDER BY s.id;

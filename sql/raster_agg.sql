-- The raster aggregates as aggregates: parallel plans, the state type and
-- its I/O, combine, transitions, the ESV aggregate and esv_raster.
SET client_min_messages = warning;

-- a 200 x 160 raster of 30 m pixels with CNLUCC codes and nodata (0),
-- 32 x 32 tiles, and 6 zones
CREATE TABLE ra_full AS
SELECT public.raster_of(pixtype => '8BUI', nodata => 0, ulx => 500000, uly => 4000000, scale => 30, vals =>
	(SELECT array_agg(r ORDER BY y) FROM (
		SELECT y, array_agg(CASE WHEN (x * 7 + y * 13) % 17 = 0 THEN 0
		                         ELSE (ARRAY[11,12,21,22,23,31,41,42,51,52,61,67])[1 + (x / 9 + y / 11 + (x * y) % 3) % 12] END
		                    ORDER BY x) AS r
		FROM generate_series(0, 159) y, generate_series(0, 199) x GROUP BY y) s)) AS rast;
CREATE TABLE ra_tiles AS SELECT row_number() OVER () AS tid, ST_Tile(rast, 32, 32) AS rast FROM ra_full;
CREATE TABLE ra_zone AS
SELECT i AS id, ST_Buffer(ST_SetSRID(ST_MakePoint(500700 + 900 * (i % 3), 3998800 - 1600 * (i / 3)), 32650), 650 + 13 * i, 64) AS geom
FROM generate_series(0, 5) i;

-- serial results
CREATE TABLE ra_serial AS
SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) AS exact, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS center
FROM ra_zone z JOIN ra_tiles t ON ST_Intersects(t.rast, z.geom) GROUP BY z.id;

-- A forced parallel plan with partial aggregation gives the same numbers.
-- The planner does not put a partial aggregate over this small join, so
-- the (tile, zone) pairs are materialized first: each worker then
-- aggregates part of the tiles of every zone, and the leader combines.
CREATE TABLE ra_pairs AS SELECT z.id, z.geom, t.rast FROM ra_zone z JOIN ra_tiles t ON ST_Intersects(t.rast, z.geom);
ANALYZE ra_pairs;
CALL public.force_parallel();
-- ra_plan(q, keep): the lines of q's plan that match keep
CREATE FUNCTION ra_plan(q text, keep text DEFAULT 'Partial|Gather|Finalize') RETURNS SETOF text LANGUAGE plpgsql AS $$
DECLARE l text;
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
		IF l ~ keep THEN RETURN NEXT regexp_replace(l, '^\s*(->\s*)?', ''); END IF;
	END LOOP;
END $$;
SELECT * FROM ra_plan($$SELECT id, ecocomp.landuse_area(rast, geom) FROM ra_pairs GROUP BY id$$);
CREATE TABLE ra_parallel AS
SELECT id, ecocomp.landuse_area(rast, geom) AS exact, ecocomp.landuse_area(rast, geom, 1, 'center') AS center
FROM ra_pairs GROUP BY id;
SET enable_hashagg = off;
SELECT * FROM ra_plan($$SELECT id, ecocomp.landuse_area(rast, geom, 1, 'center') FROM ra_pairs GROUP BY id$$);
CREATE TABLE ra_parallel_sorted AS SELECT id, ecocomp.landuse_area(rast, geom, 1, 'center') AS center FROM ra_pairs GROUP BY id;
SELECT * FROM ra_plan($$SELECT ecocomp.landuse_transition(rast, rast, geom) FROM ra_pairs WHERE id = 0$$);
CREATE TABLE ra_parallel_tr AS SELECT ecocomp.landuse_transition(rast, rast, geom) AS tr FROM ra_pairs WHERE id = 0;
RESET enable_hashagg;
-- Tile-driven partial aggregation straight over the join, no
-- materialized pairs: 15 zones (one heap page) over 400 tiles of 32 x 32.
-- With the bounding-box test ST_Envelope(rast) && geom (parallel safe;
-- ST_ConvexHull(raster), which rast::geometry, rast && geom and
-- ST_Intersects(rast, geom) expand to, is parallel unsafe in PostGIS 3.3)
-- and a GiST index on the zones, the workers split the tiles, look up the
-- zones of each tile through the index and aggregate; the leader combines.
CREATE TABLE ra_tiles2 AS SELECT row_number() OVER () AS tid, ST_Tile(rast, 32, 32) AS rast FROM (SELECT public.raster_of(pixtype => '8BUI', nodata => 0, ulx => 500000, uly => 4000000, scale => 30, vals =>
	(SELECT array_agg(r ORDER BY y) FROM (
		SELECT y, array_agg(CASE WHEN (x * 7 + y * 13) % 17 = 0 THEN 0
		                         ELSE (ARRAY[11,12,21,22,23,31,41,42,51,52,61,67])[1 + (x / 9 + y / 11 + (x * y) % 3) % 12] END
		                    ORDER BY x) AS r
		FROM generate_series(0, 639) y, generate_series(0, 639) x GROUP BY y) s)) AS rast) r;
CREATE TABLE ra_zone2 AS SELECT i AS id, ST_Buffer(ST_SetSRID(ST_MakePoint(501700 + 3600 * (i % 5), 3998300 - 5000 * (i / 5)), 32650), 1600, 64) AS geom
FROM generate_series(0, 14) i;
CREATE INDEX ra_zone2_geom ON ra_zone2 USING gist (geom);
ANALYZE ra_tiles2;
ANALYZE ra_zone2;
SELECT * FROM ra_plan($$SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) FROM ra_zone2 z JOIN ra_tiles2 t ON ST_Envelope(t.rast) && z.geom GROUP BY z.id$$, 'Partial|Gather|Finalize|Scan');
CREATE TABLE ra_tile_driven AS
SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) AS exact, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS center
FROM ra_zone2 z JOIN ra_tiles2 t ON ST_Envelope(t.rast) && z.geom GROUP BY z.id;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE ra_serial2 AS
SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) AS exact, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS center
FROM ra_zone2 z JOIN ra_tiles2 t ON ST_Intersects(t.rast, z.geom) GROUP BY z.id;
SET max_parallel_workers_per_gather = 2;
-- the same numbers as the serial ST_Intersects join (centre counts equal,
-- exact areas up to the order of additions), and the exact areas sum to
-- the polygon's area: every zone lies inside the raster (x 500100..517700
-- within 500000..519200, y 3986700..3999900 within 3980800..4000000)
SELECT count(*) AS zones, bool_and(p.center = s.center) AS tile_driven_center_equal,
	bool_and((SELECT bool_and(abs(e.value::float8 - (p.exact->>e.key)::float8) < 1e-9) FROM jsonb_each_text(s.exact) e)
		AND (SELECT count(*) FROM jsonb_object_keys(s.exact)) = (SELECT count(*) FROM jsonb_object_keys(p.exact))) AS tile_driven_exact_equal,
	bool_and(abs((SELECT sum(value::float8) FROM jsonb_each_text(p.exact)) * 1e4 / ST_Area(z.geom) - 1) < 1e-9) AS exact_sums_to_area
FROM ra_tile_driven p JOIN ra_serial2 s USING (id) JOIN ra_zone2 z USING (id);
CALL public.reset_parallel();
SELECT bool_and(p.center = s.center) AS sorted_partial_equal FROM ra_parallel_sorted p JOIN ra_serial s USING (id);
-- The bounding-box join ST_Envelope(rast) && geom gives the same numbers
-- as the ST_Intersects join: tiles whose box touches a zone but no pixel
-- centre or pixel area inside it add nothing.  (ST_Envelope(raster) is
-- parallel safe and reads the tile's header; ST_ConvexHull(raster), which
-- rast::geometry, rast && geom and ST_Intersects(rast, geom) expand to, is
-- parallel unsafe in PostGIS 3.3 and keeps such a join out of the workers.)
CREATE TABLE ra_envelope_join AS
SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) AS exact, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS center
FROM ra_zone z JOIN ra_tiles t ON ST_Envelope(t.rast) && z.geom GROUP BY z.id;
SELECT count(*) AS zones, bool_and(p.center = s.center) AS envelope_join_center_equal,
	bool_and((SELECT bool_and(abs(e.value::float8 - (p.exact->>e.key)::float8) < 1e-9) FROM jsonb_each_text(s.exact) e)
		AND (SELECT count(*) FROM jsonb_object_keys(s.exact)) = (SELECT count(*) FROM jsonb_object_keys(p.exact))) AS envelope_join_exact_equal
FROM ra_envelope_join p JOIN ra_serial s USING (id);
SELECT (SELECT jsonb_object_agg(k.key, round((tr->k.key->>k.key)::numeric, 6)) FROM jsonb_each(tr) k)
	= (SELECT jsonb_object_agg(k.key, round(k.value::numeric, 6)) FROM jsonb_each_text(s.exact) k WHERE k.value::float8 > 0) AS partial_transition_equal
FROM ra_parallel_tr, ra_serial s WHERE s.id = 0;
-- centre counts equal; exact areas equal up to the order of additions
SELECT s.id, s.center = p.center AS center_equal,
	(SELECT bool_and(abs(e.value::float8 - (p.exact->>e.key)::float8) < 1e-9) FROM jsonb_each_text(s.exact) e)
	AND (SELECT count(*) FROM jsonb_object_keys(s.exact)) = (SELECT count(*) FROM jsonb_object_keys(p.exact)) AS exact_equal
FROM ra_serial s JOIN ra_parallel p USING (id) ORDER BY s.id;
-- hash aggregation and a window over the same groups agree too
SET enable_sort = off;
SELECT bool_and(h.center = s.center) AS hashagg_equal
FROM (SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS center
      FROM ra_zone z JOIN ra_tiles t ON ST_Intersects(t.rast, z.geom) GROUP BY z.id) h JOIN ra_serial s USING (id);
RESET enable_sort;
SELECT bool_and(w.center = s.center) AS window_equal
FROM (SELECT DISTINCT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') OVER (PARTITION BY z.id) AS center
      FROM ra_zone z JOIN ra_tiles t ON ST_Intersects(t.rast, z.geom)) w JOIN ra_serial s USING (id);
-- a running (growing-frame) window calls the final function repeatedly on
-- the same state: the last frame equals the whole group
SELECT bool_and(w.center = s.center) AS running_window_last_equal
FROM (SELECT DISTINCT ON (z.id) z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') OVER (PARTITION BY z.id ORDER BY t.tid) AS center
      FROM ra_zone z JOIN ra_tiles t ON ST_Intersects(t.rast, z.geom) ORDER BY z.id, t.tid DESC) w JOIN ra_serial s USING (id);
-- a polygon that sits in TOAST (a 2000-point buffer in a table) is read once
-- per group, and the toast pointer compared per tile
CREATE TABLE ra_big AS SELECT 1 AS id, ST_Buffer(ST_SetSRID(ST_MakePoint(502000, 3997600), 32650), 1900, 500) AS geom;
SELECT pg_column_size(geom) > 2000 AS toasted_size,
	abs((SELECT sum(value::float8) FROM jsonb_each_text(a)) * 1e4 / ST_Area(geom) - 1) < 1e-6 AS sum_is_area
FROM ra_big, LATERAL (SELECT ecocomp.landuse_area(t.rast, ra_big.geom) AS a FROM ra_tiles t WHERE ST_Intersects(t.rast, ra_big.geom)) q;

-- The state type: text I/O round trip, the final function over a typed
-- state, binary I/O through COPY (FORMAT binary)
SELECT 'kind=area;mode=exact;band=1;srid=32650;flags=1;geom=00000000000000ff;ea=0;classification=;scheme=;hist=11:0=10000,-3:0=2500.5,nodata:0=900'::ecocomp.landuse_state AS state_text;
SELECT ecocomp.landuse_area_final('kind=area;mode=exact;band=1;srid=32650;flags=1;geom=00000000000000ff;ea=0;classification=;scheme=;hist=11:0=10000,-3:0=2500.5,nodata:0=900') AS final_of_text;
SELECT ecocomp.landuse_transition_final('kind=transition;mode=center;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:12=900,11:nodata=900,nodata:11=1800') AS transition_of_text;
CREATE TABLE ra_states (s ecocomp.landuse_state);
INSERT INTO ra_states VALUES
	('kind=area;mode=center;band=2;srid=4326;flags=3;geom=0123456789abcdef;ea=0;classification=;scheme=;hist=1:0=0.1,2:0=1e-300,4294967295:0=7'),
	('kind=esv;mode=exact;band=1;srid=32650;flags=1;geom=00000000000000ff;ea=3452.5;classification=cnlucc;scheme=xie2015;hist=21:0=5'),
	('kind=esv;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=1;classification=we\;ird;scheme=x\\y;hist=');
-- binary_copy (sql/00_setup.sql): through send and recv
CALL binary_copy('ra_states', 'ra_states2');
SELECT a.s::text = b.s::text AS binary_round_trip, b.s
FROM (SELECT s, row_number() OVER () n FROM ra_states) a JOIN (SELECT s, row_number() OVER () n FROM ra_states2) b USING (n);
SELECT error_of($$SELECT 'kind=area;mode=middle;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist='::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=-5'::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:3=5'::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=area;mode=exact'::ecocomp.landuse_state$$);

-- The grid of the tiles (flag 4) travels in the state: text and binary
-- round trips keep it
CREATE TABLE ra_states3 (s ecocomp.landuse_state);
INSERT INTO ra_states3 VALUES
	('kind=area;mode=exact;band=1;srid=32650;flags=5;geom=00000000000000ff;ea=0;classification=;scheme=;grid=30,-30,20,0.5;hist=11:0=900'),
	('kind=transition;mode=center;band=1;srid=4326;flags=7;geom=00000000000000ff;ea=0;classification=;scheme=;grid=0.00025,-0.00025,0.0001,0;hist=11:nodata=5,11:12=1e-5');
SELECT s FROM ra_states3;
CALL binary_copy('ra_states3', 'ra_states4');
SELECT a.s::text = b.s::text AS grid_binary_round_trip
FROM (SELECT s, row_number() OVER () n FROM ra_states3) a JOIN (SELECT s, row_number() OVER () n FROM ra_states4) b USING (n);
-- a grid needs the flag, finite non-zero pixel sizes and phases in
-- [0, |pixel size|): 22P03
SELECT error_of($$SELECT 'kind=area;mode=exact;band=1;srid=0;flags=4;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1'::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=area;mode=exact;band=1;srid=0;flags=4;geom=0000000000000000;ea=0;classification=;scheme=;grid=30,-30,30,0;hist=11:0=1'::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=area;mode=exact;band=1;srid=0;flags=4;geom=0000000000000000;ea=0;classification=;scheme=;grid=0,-30,0,0;hist=11:0=1'::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=area;mode=exact;band=1;srid=0;flags=4;geom=0000000000000000;ea=0;classification=;scheme=;grid=30,-30,inf,0;hist=11:0=1'::ecocomp.landuse_state$$);
SELECT error_of($$SELECT 'kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;grid=30,-30,0,0;hist=11:0=1'::ecocomp.landuse_state$$);

-- Every accepted value can be written out and read back: duplicate keys
-- are merged and the whole state checked after.  1e308 + 1e308 is beyond
-- DBL_MAX (1.8e308): rejected (text input, 22P03); 1e308 + 5e307 = 1.5e308
-- is finite: accepted, merged into one entry
SELECT error_of($$SELECT 'kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1e308,11:0=1e308'::ecocomp.landuse_state$$);
SELECT 'kind=transition;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:12=1e308,11:12=5e307'::ecocomp.landuse_state AS merged_duplicates;
-- the same through binary input: the send form of a state with keys 11 and
-- 12 (1e308 m2 each, sorted, so key 12 is the last 24 bytes), with key 12
-- rewritten to 11, in a COPY (FORMAT binary) file: signature, flags and
-- header extension, one tuple of one field, trailer
DO $$
DECLARE
	f text := '/tmp/ecocomp_raster_agg_dup_' || pg_backend_pid() || '.bin';
	b bytea := ecocomp.landuse_state_send('kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1e308,12:0=1e308');
BEGIN
	b := overlay(b PLACING int8send(11) FROM length(b) - 23 FOR 8);
	b := '\x5047434f50590aff0d0a00'::bytea || int4send(0) || int4send(0) || int2send(1::int2) || int4send(length(b)) || b || '\xffff'::bytea;
	EXECUTE format('COPY (SELECT %L) TO PROGRAM %L', encode(b, 'hex'), 'xxd -r -p > ' || f);
	CREATE TABLE ra_states5 (s ecocomp.landuse_state);
	PERFORM set_config('ra.dup_file', f, false);
END $$;
SELECT error_of(format('COPY ra_states5 FROM %L (FORMAT binary)', current_setting('ra.dup_file')));
SELECT count(*) AS nothing_stored FROM ra_states5;
-- the same file with key 12 left alone is read
DO $$
DECLARE b bytea := ecocomp.landuse_state_send('kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1e308,12:0=1e308');
BEGIN
	b := '\x5047434f50590aff0d0a00'::bytea || int4send(0) || int4send(0) || int2send(1::int2) || int4send(length(b)) || b || '\xffff'::bytea;
	EXECUTE format('COPY (SELECT %L) TO PROGRAM %L', encode(b, 'hex'), 'xxd -r -p > ' || current_setting('ra.dup_file'));
	EXECUTE format('COPY ra_states5 FROM PROGRAM %L (FORMAT binary)', format('cat %s && rm -f %s', current_setting('ra.dup_file'), current_setting('ra.dup_file')));
END $$;
SELECT s AS binary_two_keys FROM ra_states5;

-- Combine: NULL states are skipped, histograms add up, different coverage
-- modes are an error.  A test aggregate whose transition is the combine
-- function exercises it directly.
CREATE AGGREGATE ra_merge(ecocomp.landuse_state) (SFUNC = ecocomp.landuse_state_combine,
	STYPE = ecocomp.landuse_state, FINALFUNC = ecocomp.landuse_area_final);
SELECT ra_merge(s) AS merged FROM (VALUES
	(NULL::ecocomp.landuse_state),
	('kind=area;mode=exact;band=1;srid=32650;flags=1;geom=00000000000000ff;ea=0;classification=;scheme=;hist=11:0=10000,nodata:0=100'),
	(NULL),
	('kind=area;mode=exact;band=1;srid=32650;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=5000,12:0=2500')) v(s);
SELECT ra_merge(s) AS all_null FROM (VALUES (NULL::ecocomp.landuse_state)) v(s);
SELECT error_of($$SELECT ra_merge(s) FROM (VALUES
	('kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1'::ecocomp.landuse_state),
	('kind=area;mode=center;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1')) v(s)$$);
SELECT error_of($$SELECT ra_merge(s) FROM (VALUES
	('kind=area;mode=exact;band=1;srid=0;flags=1;geom=0000000000000001;ea=0;classification=;scheme=;hist=11:0=1'::ecocomp.landuse_state),
	('kind=area;mode=exact;band=1;srid=0;flags=1;geom=0000000000000002;ea=0;classification=;scheme=;hist=11:0=1')) v(s)$$);
SELECT error_of($$SELECT ra_merge(s) FROM (VALUES
	('kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1'::ecocomp.landuse_state),
	('kind=transition;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:12=1')) v(s)$$);
SELECT error_of($$SELECT ecocomp.esv_value_final('kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1')$$);

-- Transition matrix on the hand-checkable 4 x 4 pair (100 m pixels, 1 ha)
--   year 1: 1 1 2 2 / 1 1 2 2 / 3 3 4 4 / 3 3 4 nd
--   year 2: 1 2 2 2 / 1 1 2 2 / 3 4 4 4 / 3 3 nd 4
-- with the triangle (0,0) (400,0) (0,400), exact fractions (raster_exact):
--   row 0: col 0 .5;  row 1: col 0 1, col 1 .5;  row 2: cols 0,1 1, col 2 .5;
--   row 3: cols 0..2 1, col 3 .5
--   1->1: .5 + 1 + .5 = 2;  3->3: 1 (row 2) + 2 (row 3) = 3;  3->4: 1;
--   4->4: .5;  4->nodata: 1;  nodata->4: .5;  total 8 ha
CREATE TABLE ra_pair AS SELECT
	public.raster_of(ARRAY[[1,1,2,2],[1,1,2,2],[3,3,4,4],[3,3,4,0]], '8BUI', 0, scale => 100) AS y1,
	public.raster_of(ARRAY[[1,2,2,2],[1,1,2,2],[3,4,4,4],[3,3,0,4]], '8BUI', 0, scale => 100) AS y2;
SELECT ecocomp.landuse_transition(y1, y2, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) AS transition FROM ra_pair;
-- center: the centres on the diagonal count (raster_center): row 0 col 0,
-- row 1 col 1, row 2 col 2, row 3 col 3 are whole pixels now:
--   1->1: 1 + 1 + 1 = 3; 3->3: 3; 3->4: 1; 4->4: 1; 4->nodata: 1; nodata->4: 1
SELECT ecocomp.landuse_transition(y1, y2, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry, 1, 'center') AS transition_center FROM ra_pair;
-- over tiles of two years: the diagonal of the matrix of a raster with
-- itself is landuse_area
SELECT z.id, (SELECT jsonb_object_agg(k.key, round((tr->k.key->>k.key)::numeric, 6)) FROM jsonb_each(tr) k)
	= (SELECT jsonb_object_agg(k.key, round(k.value::numeric, 6)) FROM jsonb_each_text(s.exact) k WHERE k.value::float8 > 0) AS diagonal_is_area
FROM (SELECT z.id, ecocomp.landuse_transition(t.rast, t.rast, z.geom) AS tr
      FROM ra_zone z JOIN ra_tiles t ON ST_Intersects(t.rast, z.geom) GROUP BY z.id) z JOIN ra_serial s USING (id) ORDER BY z.id;

-- The esv_value aggregate equals esv_value(landuse_area(...)) (same core)
SELECT z.id, round(a.total::numeric, 2) = round(j.total::numeric, 2) AND round(a.nonmarket::numeric, 2) = round(j.nonmarket::numeric, 2)
	AND round(a.regulating::numeric, 2) = round(j.regulating::numeric, 2) AS agg_equals_jsonb
FROM (SELECT z.id, ecocomp.esv_value(t.rast, z.geom, 3452.0) AS a
      FROM ra_zone z JOIN ra_tiles t ON ST_Intersects(t.rast, z.geom) GROUP BY z.id) z
JOIN ra_serial s USING (id), LATERAL ecocomp.esv_value(s.exact, 3452.0) j,
LATERAL (SELECT (z.a).*) a ORDER BY z.id;
-- the same with the full argument list
SELECT (ecocomp.esv_value(t.rast, z.geom, 3452.0, 'cnlucc', 'xie2015', 1)).total > 0 AS full_signature
FROM ra_zone z JOIN ra_tiles t ON ST_Intersects(t.rast, z.geom) WHERE z.id = 0;

-- esv_raster: per pixel, E_a times the sum of the factors of the pixel's
-- ecosystem (computed here from the reference tables in SQL); nodata kept
SELECT ST_BandPixelType(e, 1) AS pixtype, ST_BandNoDataValue(e, 1) AS nodata,
	ST_GeoReference(e) = ST_GeoReference(y1) AS same_georeference, ST_SRID(e) AS srid,
	ST_Width(e) AS width, ST_Height(e) AS height
FROM (SELECT ecocomp.esv_raster(ST_MapAlgebra(y1, '8BUI', '([rast] * 10 + 1)::int'), 1000) AS e, y1 FROM ra_pair) s;
-- codes 1,2,3,4 of year 1 -> 11,21,31,41 by map algebra (0 stays 0, the
-- nodata value); every pixel: nodata where the code is nodata, else
-- 1000 * sum(factor) over the services of the code's ecosystem, from the
-- reference tables in SQL
WITH r AS (SELECT ecocomp.esv_raster(c, 1000) AS e, c AS codes
           FROM (SELECT ST_MapAlgebra(y1, '8BUI', 'CASE WHEN [rast] = 0 THEN 0 ELSE [rast] * 10 + 1 END') AS c FROM ra_pair) q),
     vc AS (SELECT m.code, 1000 * sum(f.factor) AS v FROM ecocomp.landuse_map m JOIN ecocomp.esv_factor f ON f.scheme = m.scheme AND f.ecosystem = m.ecosystem
            WHERE m.classification = 'cnlucc' AND m.scheme = 'xie2015' GROUP BY m.code),
     px AS (SELECT ST_Value(codes, x, y) AS code, ST_Value(e, x, y) AS v FROM r, generate_series(1, 4) x, generate_series(1, 4) y)
SELECT count(*) AS pixels, count(*) FILTER (WHERE code IS NULL AND v IS NULL) AS nodata_kept,
	count(*) FILTER (WHERE abs(v - (SELECT vc.v FROM vc WHERE vc.code = px.code)) < 0.01) AS value_is_hand,
	array_agg(DISTINCT code) AS codes
FROM px;
-- unmapped codes are an error, like esv_value(jsonb)
SELECT error_of($$SELECT ecocomp.esv_raster(y1, 1000) FROM ra_pair$$);

-- empty rasters (0 bands, or 0 x 0) contribute nothing
SELECT ecocomp.landuse_area(r, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) AS empty_raster
FROM (VALUES (ST_MakeEmptyRaster(4, 4, 0, 400, 100, -100, 0, 0, 32650)), (ST_MakeEmptyRaster(0, 0, 0, 400, 100, -100, 0, 0, 32650))) v(r);
-- NULL rasters are skipped (a LEFT JOIN without tiles gives NULL)
SELECT ecocomp.landuse_area(r, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) AS only_null_tiles
FROM (VALUES (NULL::raster)) v(r);
SELECT ecocomp.landuse_area(r, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) AS some_null_tiles
FROM (SELECT y1 FROM ra_pair UNION ALL SELECT NULL) v(r);

-- The state of a group holds its own keys only: a hash aggregate over 500
-- groups (one 32 x 32 tile and one polygon each, one class per group)
-- stays within 32 kB per group.  With a dense array of 65,536 doubles and
-- 65,536 int32 per group it was 768 kB per group (384 MB here).
CREATE TABLE ra_many AS SELECT g, ST_AddBand(ST_MakeEmptyRaster(32, 32, g * 1000, 0, 30, -30, 0, 0, 32650), '8BUI'::text, (ARRAY[11, 12, 21, 22, 23])[1 + g % 5], 0) AS rast,
	ST_Buffer(ST_SetSRID(ST_MakePoint(g * 1000 + 480, -480), 32650), 300) AS geom FROM generate_series(1, 500) g;
ANALYZE ra_many;
SET work_mem = '1GB';
SET enable_sort = off;
SET max_parallel_workers_per_gather = 0;
CREATE FUNCTION ra_hash_kb(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE l text;
BEGIN
	FOR l IN EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
		IF l ~ 'Memory Usage: [0-9]+kB' THEN RETURN substring(l FROM 'Memory Usage: ([0-9]+)kB')::bigint; END IF;
	END LOOP;
	RETURN NULL;
END $$;
SELECT ra_hash_kb($$SELECT g, ecocomp.landuse_area(rast, geom) FROM ra_many GROUP BY g$$) / 500 < 32 AS area_kb_per_group_small,
	ra_hash_kb($$SELECT g, ecocomp.landuse_area(rast, geom, 1, 'center') FROM ra_many GROUP BY g$$) / 500 < 32 AS center_kb_per_group_small,
	ra_hash_kb($$SELECT g, ecocomp.landuse_transition(rast, rast, geom) FROM ra_many GROUP BY g$$) / 500 < 32 AS transition_kb_per_group_small,
	ra_hash_kb($$SELECT g, ecocomp.esv_value(rast, geom, 1000) FROM ra_many GROUP BY g$$) / 500 < 32 AS esv_kb_per_group_small;
-- and gives the areas: a 300 m buffer (32 segments) inside one class
SELECT count(*) FILTER (WHERE abs((a->>((ARRAY[11, 12, 21, 22, 23])[1 + g % 5])::text)::float8 * 1e4 / ST_Area(geom) - 1) < 1e-9) AS groups_equal_to_polygon_area
FROM (SELECT g, geom, ecocomp.landuse_area(rast, geom) AS a FROM ra_many GROUP BY g, geom) q;
RESET work_mem;
RESET enable_sort;
RESET max_parallel_workers_per_gather;
DROP FUNCTION ra_hash_kb(text);
DROP TABLE ra_many;

DROP AGGREGATE ra_merge(ecocomp.landuse_state);
DROP FUNCTION ra_plan(text, text);
DROP TABLE ra_full, ra_tiles, ra_zone, ra_pairs, ra_serial, ra_parallel, ra_parallel_sorted, ra_parallel_tr, ra_big, ra_states, ra_states2, ra_pair;
DROP TABLE ra_states3, ra_states4, ra_states5, ra_envelope_join, ra_tiles2, ra_zone2, ra_tile_driven, ra_serial2;

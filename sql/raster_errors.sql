-- Bad inputs of the raster engine, each with its SQLSTATE.
SET client_min_messages = warning;
CREATE TABLE re_r AS SELECT public.raster_of(ARRAY[[1,1,2,2],[1,1,2,2],[3,3,4,4],[3,3,4,0]], '8BUI', 0, scale => 100) AS rast;
-- like error_of, with the detail and hint
CREATE FUNCTION re_error_detail(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text; h text;
BEGIN
	EXECUTE sql;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL, h = PG_EXCEPTION_HINT;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' / ' || nullif(d, ''), '') || coalesce(' / ' || nullif(h, ''), '');
END $$;
CREATE TABLE re_g AS SELECT 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry AS geom;

-- float land-use band: 22023
SELECT error_of($$SELECT ecocomp.landuse_area(ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 400, 100, -100, 0, 0, 32650), '32BF'::text, 1.5, 0), geom) FROM re_g$$);
SELECT error_of($$SELECT ecocomp.esv_raster(ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 400, 100, -100, 0, 0, 32650), '64BF'::text, 1.5, 0), 1000)$$);
-- skewed or rotated raster: 0A000
SELECT error_of($$SELECT ecocomp.landuse_area(ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 400, 100, -100, 10, 0, 32650), '8BUI'::text, 1, 0), geom) FROM re_g$$);
SELECT error_of($$SELECT ecocomp.landuse_area(ST_SetRotation(rast, pi() / 6), geom) FROM re_r, re_g$$);
-- SRID of raster and polygon differ: 22023
SELECT error_of($$SELECT ecocomp.landuse_area(ST_SetSRID(rast, 32651), geom) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.landuse_area(rast, ST_SetSRID(geom, 4326)) FROM re_r, re_g$$);
-- an SRID missing from spatial_ref_sys: 22023
SELECT error_of($$SELECT ecocomp.landuse_area(ST_SetSRID(rast, 990001), ST_SetSRID(geom, 990001)) FROM re_r, re_g$$);
-- out-db band with postgis.enable_outdb_rasters off (PostGIS's default):
-- 0A000 before any file is opened.  The raster is written as hex WKB
-- (RFC2, big-endian); the band only names a file (test/shell/outdb.sh reads real ones).
SELECT error_of(format($$SELECT ecocomp.landuse_area(%L::raster, geom) FROM re_g$$,
	'00' || '0000' || '0001' ||
	encode(float8send(100) || float8send(-100) || float8send(0) || float8send(400) || float8send(0) || float8send(0)
	       || int4send(32650) || int2send(4::int2) || int2send(4::int2), 'hex') ||
	'c4' || '00' || '00' || encode(convert_to('/data/landuse_2020.tif', 'UTF8'), 'hex') || '00'));
-- band out of range: 22023
SELECT error_of($$SELECT ecocomp.landuse_area(rast, geom, 2) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.landuse_area(rast, geom, 0) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.esv_raster(rast, 1000, 'cnlucc', 'xie2015', 3) FROM re_r$$);
-- unknown coverage mode: 22023
SELECT error_of($$SELECT ecocomp.landuse_area(rast, geom, 1, 'centre') FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.landuse_transition(rast, rast, geom, 1, 'all_touched') FROM re_r, re_g$$);
-- non-polygonal geometry: 22023
SELECT error_of($$SELECT ecocomp.landuse_area(rast, 'SRID=32650;POINT(50 50)'::geometry) FROM re_r$$);
SELECT error_of($$SELECT ecocomp.landuse_area(rast, 'SRID=32650;LINESTRING(0 0,400 400)'::geometry) FROM re_r$$);
SELECT error_of($$SELECT ecocomp.landuse_area(rast, 'SRID=32650;GEOMETRYCOLLECTION(POLYGON((0 0,1 0,0 1,0 0)))'::geometry) FROM re_r$$);
-- invalid polygon (a bow tie): 22023, with a hint to use ST_MakeValid
SELECT error_of($$SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((0 0,400 400,400 0,0 400,0 0))'::geometry) FROM re_r$$);
SELECT re_error_detail($$SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((0 0,400 400,400 0,0 400,0 0))'::geometry) FROM re_r$$);
-- the repaired polygon works
SELECT ecocomp.landuse_area(rast, ST_CollectionExtract(ST_MakeValid('SRID=32650;POLYGON((0 0,400 400,400 0,0 400,0 0))'::geometry), 3)) AS repaired FROM re_r;
-- NULL inputs: a NULL raster is skipped (a LEFT JOIN gives one); NULL
-- polygon, band or coverage: 22004
SELECT error_of($$SELECT ecocomp.landuse_area(rast, NULL::geometry) FROM re_r$$);
SELECT error_of($$SELECT ecocomp.landuse_area(rast, geom, NULL::int) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.landuse_area(rast, geom, 1, NULL::text) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.landuse_transition(rast, NULL::raster, geom) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.esv_value(rast, geom, NULL::float8) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.esv_value(rast, geom, 1000, NULL::text) FROM re_r, re_g$$);
SELECT ecocomp.esv_raster(NULL::raster, 1000) IS NULL AS esv_raster_of_null_is_null;
-- two different polygons in one group: 22023
SELECT error_of($$SELECT ecocomp.landuse_area(rast, g) FROM re_r, (VALUES ('SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry), ('SRID=32650;POLYGON((0 0,300 0,0 300,0 0))')) v(g)$$);
-- the coverage mode or band changing within a group: 22023
SELECT error_of($$SELECT ecocomp.landuse_area(rast, geom, 1, m) FROM re_r, re_g, (VALUES ('exact'), ('center')) v(m)$$);
-- tiles of the two years not aligned: 22023
SELECT error_of($$SELECT ecocomp.landuse_transition(rast, ST_SetUpperLeft(rast, 100, 400), geom) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.landuse_transition(rast, ST_Resize(rast, 2, 2), geom) FROM re_r, re_g$$);
-- ESV arguments: negative E_a 22023, unknown scheme 42704
SELECT error_of($$SELECT ecocomp.esv_value(rast, geom, -1) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.esv_value(rast, geom, 1000, 'cnlucc', 'nope') FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.esv_raster(rast, 'NaN') FROM re_r$$);
-- the aggregate support functions outside an aggregate: 0A000 (they update
-- the state in place, which only an aggregate may let them do)
SELECT error_of($$SELECT ecocomp.landuse_area_transfn(NULL, rast, geom) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.landuse_area_transfn(NULL, NULL, NULL, NULL, NULL)$$);
SELECT error_of($$SELECT ecocomp.landuse_transition_transfn(NULL, rast, rast, geom) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.landuse_transition_transfn(NULL, rast, rast, geom, 1, 'center') FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.esv_value_transfn(NULL, rast, geom, 1000) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.esv_value_transfn(NULL, rast, geom, 1000, 'cnlucc', 'xie2015', 1) FROM re_r, re_g$$);
SELECT error_of($$SELECT ecocomp.landuse_state_combine(NULL, NULL)$$);
SELECT error_of($$SELECT ecocomp.landuse_state_combine('kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1', 'kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=12:0=1')$$);
-- the final functions read a state of their own kind only: 22023
SELECT error_of($$SELECT ecocomp.landuse_area_final('kind=transition;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:12=1')$$);
SELECT error_of($$SELECT ecocomp.landuse_transition_final('kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1')$$);

-- Area overflow: 22003, never Infinity in the jsonb.  A pixel of 1e160 m x
-- 1e160 m is 1e320 m2, beyond DBL_MAX (1.8e308).
SELECT error_of($$SELECT ecocomp.landuse_area(ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 4e160, 1e160, -1e160, 0, 0, 32650), '8BUI'::text, 12, 0),
	'SRID=32650;POLYGON((0 0,4e160 0,4e160 4e160,0 4e160,0 0))'::geometry)$$);
-- pixels of 1e154 m x 1e154 m are 1e308 m2 each, finite; the 16 pixels of
-- code 12 inside the square sum to 1.6e309 m2, beyond DBL_MAX: 22003 in
-- landuse_area, landuse_transition (both center and exact) and the esv_value
-- aggregate
CREATE TABLE re_huge AS SELECT ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 4e154, 1e154, -1e154, 0, 0, 32650), '8BUI'::text, 12, 0) AS rast,
	'SRID=32650;POLYGON((0 0,4e154 0,4e154 4e154,0 4e154,0 0))'::geometry AS geom;
SELECT error_of($$SELECT ecocomp.landuse_area(rast, geom) FROM re_huge$$);
SELECT error_of($$SELECT ecocomp.landuse_area(rast, geom, 1, 'center') FROM re_huge$$);
SELECT error_of($$SELECT ecocomp.landuse_area(ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 4e154, 1e154, -1e154, 0, 0, 32650), '32BSI'::text, 12, 0), geom) FROM re_huge$$);
SELECT error_of($$SELECT ecocomp.landuse_transition(rast, rast, geom) FROM re_huge$$);
SELECT error_of($$SELECT ecocomp.esv_value(rast, geom, 1000) FROM re_huge$$);
-- one pixel of 1e308 m2 is 1e304 ha, finite: the jsonb holds it
SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((0 3e154,1e154 3e154,1e154 4e154,0 4e154,0 3e154))'::geometry) AS one_huge_pixel FROM re_huge;
-- combining two finite states whose sum overflows: 22003
CREATE AGGREGATE re_merge(ecocomp.landuse_state) (SFUNC = ecocomp.landuse_state_combine,
	STYPE = ecocomp.landuse_state, FINALFUNC = ecocomp.landuse_area_final);
SELECT error_of($$SELECT re_merge(s) FROM (VALUES
	('kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1e308'::ecocomp.landuse_state),
	('kind=area;mode=exact;band=1;srid=0;flags=0;geom=0000000000000000;ea=0;classification=;scheme=;hist=11:0=1e308')) v(s)$$);
-- the ESV of finite areas beyond DBL_MAX: 16 ha (4 x 4 pixels of 1 ha, code
-- 12 = paddy field) at E_a 1e307 yuan/hm2 is above 1.6e308: 22003
SELECT error_of($$SELECT ecocomp.esv_value(rast, 'SRID=32650;POLYGON((0 0,400 0,400 400,0 400,0 0))'::geometry, 1e307)
	FROM (SELECT ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 400, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0) AS rast) r$$);
-- esv_raster: E_a 1e300 times the factors of a class is beyond the 32BF
-- range (3.4e38): 22003 rather than Infinity pixels
SELECT error_of($$SELECT ecocomp.esv_raster(ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 400, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0), 1e300)$$);

-- pixels of 1e-200 m x 1e-200 m have an area of 1e-400 m2, which
-- underflows to 0 in float8: 22003 as well, like float8 multiplication,
-- rather than classes of 0 ha (a 300 x 300 checkerboard of codes 11 and
-- 12).  Both modes: exact mode used to add nothing here (the polygon's
-- orientation came from a shoelace sum of products near 1e-396, which
-- underflowed to 0), and now raises the same 22003.
CREATE TABLE re_tiny AS SELECT * FROM (SELECT public.raster_of(pixtype => '8BUI', nodata => 255, ulx => 0, uly => 3e-198, scale => 1e-200, vals =>
	(SELECT array_agg(r ORDER BY y) FROM (
		SELECT y, array_agg(11 + (x + y) % 2 ORDER BY x) AS r
		FROM generate_series(0, 299) y, generate_series(0, 299) x GROUP BY y) q)) AS r) t;
SELECT re_error_detail($$SELECT ecocomp.landuse_area(r, ST_MakeEnvelope(0, 0, 3e-198, 3e-198, 32650), 1, 'center') FROM re_tiny$$) AS underflow_center;
SELECT re_error_detail($$SELECT ecocomp.landuse_area(r, ST_MakeEnvelope(0, 0, 3e-198, 3e-198, 32650), 1, 'exact') FROM re_tiny$$) AS underflow_exact;
-- The other end: 3 x 3 pixels of 1e154 m (a pixel area of 1e308 m2 is
-- still a float8, but the polygon's cross products, up to 4.5e308, are
-- not).  The rectangle x in [0, 1.5e154], y in [0, 3e154] covers column 1
-- (x 0..1e154) whole and half of column 2 (x 1e154..2e154), in each of the
-- 3 rows: fractions 1 and 0.5, areas 1e308 and 5e307 m2 (by hand).
SELECT round((x / 1e154)::numeric, 2) AS x_1e154, round((y / 1e154)::numeric, 2) AS y_1e154, fraction, area_m2
FROM ecocomp.pixel_coverage(ST_AddBand(ST_MakeEmptyRaster(3, 3, 0, 3e154, 1e154, -1e154, 0, 0, 0), '8BUI'::text, 1, 0),
	ST_MakeEnvelope(0, 0, 1.5e154, 3e154, 0), 'exact') ORDER BY y DESC, x;
-- A counter-clockwise U (the notch x 1e154..2e154, y 0..2e154 left out):
-- its cross products are +Infinity and -Infinity, whose sum (NaN) used to
-- give the shell the sign of a hole and exact coverage nothing.  By hand:
-- the top row whole, and columns 1 and 3 of the two rows below, 7 pixels
-- of fraction 1 and 1e308 m2.
SELECT round((x / 1e154)::numeric, 2) AS x_1e154, round((y / 1e154)::numeric, 2) AS y_1e154, fraction, area_m2
FROM ecocomp.pixel_coverage(ST_AddBand(ST_MakeEmptyRaster(3, 3, 0, 3e154, 1e154, -1e154, 0, 0, 0), '8BUI'::text, 1, 0),
	'POLYGON((0 0,1e154 0,1e154 2e154,2e154 2e154,2e154 0,3e154 0,3e154 3e154,0 3e154,0 0))'::geometry, 'exact') ORDER BY y DESC, x;

-- Tiles of different pixel grids in one group would count their overlap
-- twice (a 9 ha square over a 100 m tile and a 30 m tile gave 18 ha): 22023
CREATE TABLE re_grids AS SELECT
	ST_AddBand(ST_MakeEmptyRaster(3, 3, 0, 300, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0) AS r100,
	ST_AddBand(ST_MakeEmptyRaster(10, 10, 0, 300, 30, -30, 0, 0, 32650), '8BUI'::text, 12, 0) AS r30,
	'SRID=32650;POLYGON((0 0,300 0,300 300,0 300,0 0))'::geometry AS geom;
-- each alone: 9 ha (the 30 m tile covers 300 x 300 m exactly)
SELECT ecocomp.landuse_area(r100, geom) AS a100, ecocomp.landuse_area(r30, geom) AS a30 FROM re_grids;
SELECT re_error_detail($$SELECT ecocomp.landuse_area(r, geom) FROM re_grids, LATERAL (VALUES (r100), (r30)) v(r)$$);
-- the same pixel size, edges shifted by 50 m: another grid
SELECT error_of($$SELECT ecocomp.landuse_area(r, geom) FROM re_grids, LATERAL (VALUES (r100), (ST_SetUpperLeft(r100, 50, 300))) v(r)$$);
SELECT error_of($$SELECT ecocomp.landuse_transition(r, r, geom, 1, 'center') FROM re_grids, LATERAL (VALUES (r100), (r30)) v(r)$$);
SELECT error_of($$SELECT ecocomp.esv_value(r, geom, 1000) FROM re_grids, LATERAL (VALUES (r30), (r100)) v(r)$$);
-- tiles of one grid side by side are fine: two 100 m tiles, 300 m apart,
-- under a 600 x 300 m rectangle: 18 ha
SELECT ecocomp.landuse_area(r, 'SRID=32650;POLYGON((0 0,600 0,600 300,0 300,0 0))'::geometry) AS one_grid_two_tiles
FROM re_grids, LATERAL (VALUES (r100), (ST_SetUpperLeft(r100, 300, 300))) v(r);
-- partial states of two grids do not combine either
SELECT error_of($$SELECT re_merge(s) FROM (VALUES
	('kind=area;mode=exact;band=1;srid=0;flags=4;geom=0000000000000000;ea=0;classification=;scheme=;grid=100,-100,0,0;hist=11:0=1'::ecocomp.landuse_state),
	('kind=area;mode=exact;band=1;srid=0;flags=4;geom=0000000000000000;ea=0;classification=;scheme=;grid=30,-30,0,0;hist=11:0=1')) v(s)$$);

-- landuse_transition of a zero-band tile names the missing band
SELECT re_error_detail($$SELECT ecocomp.landuse_transition(ST_MakeEmptyRaster(rast), rast, geom) FROM re_r, re_g$$);
SELECT re_error_detail($$SELECT ecocomp.landuse_transition(rast, ST_MakeEmptyRaster(rast), geom) FROM re_r, re_g$$);
-- both empty: nothing to add
SELECT ecocomp.landuse_transition(ST_MakeEmptyRaster(rast), ST_MakeEmptyRaster(rast), geom) AS both_empty FROM re_r, re_g;

-- Corrupt and truncated serialized rasters, through the reader's test
-- entry point (the bytes of a good raster, then damaged): 22000
SELECT ecocomp._raster_check(ecocomp._raster_bytes(rast)) AS good FROM re_r;
SELECT length(ecocomp._raster_bytes(rast)) AS bytes FROM re_r;  -- 64 + 1 + 1 + 16, padded to 88
SELECT re_error_detail($$SELECT ecocomp._raster_check(substring(ecocomp._raster_bytes(rast) FROM 1 FOR 40)) FROM re_r$$);
SELECT re_error_detail($$SELECT ecocomp._raster_check(substring(ecocomp._raster_bytes(rast) FROM 1 FOR 80)) FROM re_r$$);
SELECT re_error_detail($$SELECT ecocomp._raster_check(substring(ecocomp._raster_bytes(rast) FROM 1 FOR 65)) FROM re_r$$);
SELECT re_error_detail($$SELECT ecocomp._raster_check(ecocomp._raster_bytes(rast) || '\x0000000000000000'::bytea) FROM re_r$$);
-- version 1 (byte 4)
SELECT re_error_detail($$SELECT ecocomp._raster_check(set_byte(ecocomp._raster_bytes(rast), 4, 1)) FROM re_r$$);
-- pixel type 9 (unused in PostGIS 3.3) and 13
SELECT re_error_detail($$SELECT ecocomp._raster_check(set_byte(ecocomp._raster_bytes(rast), 64, 9)) FROM re_r$$);
SELECT re_error_detail($$SELECT ecocomp._raster_check(set_byte(ecocomp._raster_bytes(rast), 64, 13)) FROM re_r$$);
-- 2 bands announced, 1 present
SELECT re_error_detail($$SELECT ecocomp._raster_check(set_byte(ecocomp._raster_bytes(rast), 6, 2)) FROM re_r$$);
-- a larger width than the pixels present (byte 60: width 4 -> 200)
SELECT re_error_detail($$SELECT ecocomp._raster_check(set_byte(ecocomp._raster_bytes(rast), 60, 200)) FROM re_r$$);
-- out-db flag on an in-db band whose bytes hold no NUL: the path is not
-- terminated (bytes 81..87 are the last pixel and the padding)
SELECT re_error_detail($$SELECT ecocomp._raster_check(set_byte(set_byte(set_byte(set_byte(set_byte(set_byte(set_byte(set_byte(
	ecocomp._raster_bytes(rast), 64, 132), 81, 7), 82, 7), 83, 7), 84, 7), 85, 7), 86, 7), 87, 7)) FROM re_r$$);
-- 16BSI band: the nodata value is read at its aligned place
SELECT ecocomp._raster_check(ecocomp._raster_bytes(ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 0, 1, -1, 0, 0, 0), '16BSI'::text, 5, -32768))) AS int16_band;
SELECT ecocomp._raster_check(ecocomp._raster_bytes(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(3, 3, 0, 0, 1, -1, 0, 0, 4326), '8BUI'::text, 5, 255), '32BUI'::text, 7, NULL))) AS two_bands;

DROP AGGREGATE re_merge(ecocomp.landuse_state);
DROP FUNCTION re_error_detail(text);
DROP TABLE re_r, re_g, re_huge, re_grids, re_tiny;

-- landuse_area(..., coverage => 'exact'): pixels weighted by the fraction
-- of their area inside the polygon.
SET client_min_messages = warning;

-- A hand-checkable 4 x 4 raster of 100 m pixels (1 ha each), origin
-- (0, 400), SRID 32650, 8BUI with nodata 0:
--      row 0 (y 300..400):  1 1 2 2
--      row 1 (y 200..300):  1 1 2 2
--      row 2 (y 100..200):  3 3 4 4
--      row 3 (y   0..100):  3 3 4 0(nodata)
-- Triangle (0,0) (400,0) (0,400): the cell of column i and row 3-j (x in
-- [100i, 100i+100], y in [100j, 100j+100]) lies under x + y = 400 when
-- i + j <= 2 (fraction 1); the diagonal cuts it corner to corner when
-- i + j = 3 (fraction 1/2); else 0.
--   row 0: col 0 half (code 1)                        -> 1: 0.5
--   row 1: col 0 full (1), col 1 half (1)             -> 1: 1.5
--   row 2: cols 0,1 full (3), col 2 half (4)          -> 3: 2,   4: 0.5
--   row 3: cols 0,1 full (3), col 2 full (4), col 3 half (nodata)
--                                                     -> 3: 2,   4: 1, nodata: 0.5
-- exact: {"1": 2, "3": 4, "4": 1.5, "nodata": 0.5}, sum 8 ha = 400*400/2 m2.
-- center: the centres of the half cells lie on the diagonal; ST_Clip
-- (GDAL) counts them (the crossing is the right end of its span, and
-- (xa, xb] is inside): {"1": 3, "3": 4, "4": 2, "nodata": 1}.
CREATE TABLE rx_r4 AS SELECT public.raster_of(ARRAY[[1,1,2,2],[1,1,2,2],[3,3,4,4],[3,3,4,0]], '8BUI', 0, scale => 100) AS rast;
SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) AS exact,
       ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry, 1, 'center') AS center
FROM rx_r4;
-- orientation does not matter in exact mode (the ring reversed)
SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((0 0,0 400,400 0,0 0))'::geometry) AS exact_reversed FROM rx_r4;
-- the PostGIS side of the centre count
SELECT (ST_ValueCount(ST_Clip(rast, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry))).* FROM rx_r4 ORDER BY 1;
-- The same cells on a south-up grid (scale_y > 0, rows listed from the
-- bottom) give the same areas; on a grid whose columns run west (scale_x <
-- 0) too in exact mode, while in center mode the centres on the diagonal
-- now end their spans on the other side, and ST_Clip agrees: {1: 1, 3: 4, 4: 1}
CREATE TABLE rx_su AS SELECT ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 0, 100, 100, 0, 0, 32650), '8BUI'::text, 0, 0),
	1, 1, 1, ARRAY[[3,3,4,0],[3,3,4,4],[1,1,2,2],[1,1,2,2]]::double precision[][]) AS rast;
CREATE TABLE rx_wl AS SELECT ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(4, 4, 400, 400, -100, -100, 0, 0, 32650), '8BUI'::text, 0, 0),
	1, 1, 1, ARRAY[[2,2,1,1],[2,2,1,1],[4,4,3,3],[0,4,3,3]]::double precision[][]) AS rast;
SELECT 'south-up' AS grid,
	(SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) FROM rx_su) AS exact,
	(SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry, 1, 'center') FROM rx_su) AS center,
	(SELECT jsonb_object_agg((vc).value::int, (vc).count) FROM (SELECT ST_ValueCount(ST_Clip(rast, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry)) AS vc FROM rx_su) q) AS postgis_counts
UNION ALL
SELECT 'west-left',
	(SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) FROM rx_wl),
	(SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry, 1, 'center') FROM rx_wl),
	(SELECT jsonb_object_agg((vc).value::int, (vc).count) FROM (SELECT ST_ValueCount(ST_Clip(rast, 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry)) AS vc FROM rx_wl) q);
-- Every integer pixel type gives the same areas (codes shifted to -3..0 for
-- the signed types: 1,2,3,4 -> -3,-2,-1,0 with nodata 0 -> -4)
SELECT t AS pixtype, ecocomp.landuse_area(
	ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(4, 4, 0, 400, 100, -100, 0, 0, 32650), t, 0, nd), 1, 1, 1,
		CASE WHEN t LIKE '%SI' THEN ARRAY[[-3,-3,-2,-2],[-3,-3,-2,-2],[-1,-1,0,0],[-1,-1,0,-4]]
		     ELSE ARRAY[[1,1,2,2],[1,1,2,2],[3,3,4,4],[3,3,4,0]] END::double precision[][]),
	'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) AS exact
FROM (VALUES ('4BUI', 0), ('8BUI', 0), ('16BUI', 0), ('32BUI', 0), ('8BSI', -4), ('16BSI', -4), ('32BSI', -4)) v(t, nd)
GROUP BY t ORDER BY t;
-- A square (50,50)-(250,250) with a hole (100,100)-(200,200): the outer
-- square covers col 0 row 3 by 1/4 (50x50), ... by hand per cell (ha):
--   cells of rows 1..3 and cols 0..2 (x,y in 0..300): outer square overlap
--   x-overlap of [50,250] with [0,100],[100,200],[200,300] = 50,100,50 m,
--   same for y; the hole removes the middle cell (x,y in [100,200]) fully.
--   row 1 (y 200..300): col0 .25 (1), col1 .5 (1), col2 .25 (2)
--   row 2 (y 100..200): col0 .5 (3),  col1 0 (hole), col2 .5 (4)
--   row 3 (y 0..100):   col0 .25 (3), col1 .5 (3), col2 .25 (4)
--   -> 1: 0.75, 2: 0.25, 3: 1.25, 4: 0.75; total 3 ha = 200^2 - 100^2 m2
SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((50 50,250 50,250 250,50 250,50 50),(100 100,200 100,200 200,100 200,100 100))'::geometry) AS square_with_hole
FROM rx_r4;
-- Z and M coordinates are ignored
SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON ZM((0 0 5 1,400 0 5 1,0 400 5 1,0 0 5 1))'::geometry) AS zm
FROM rx_r4;
-- an empty polygon contributes nothing
SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON EMPTY'::geometry) AS empty_polygon FROM rx_r4;
-- a polygon outside the raster: nothing, and pixels outside every tile are
-- not counted (part of this triangle is west of the raster)
SELECT ecocomp.landuse_area(rast, 'SRID=32650;POLYGON((-400 0,400 0,-400 400,-400 0))'::geometry) AS partly_outside FROM rx_r4;

-- Nodata accounting: the band's nodata value is reported under "nodata";
-- without a nodata value every pixel is a class; with the band flagged
-- all-nodata (ST_SetBandIsNoData) every pixel is nodata.
SELECT ecocomp.landuse_area(ST_SetBandNoDataValue(rast, 1, NULL), 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) AS no_nodata_value,
       ecocomp.landuse_area(ST_SetBandNoDataValue(rast, 1, 3), 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) AS nodata_3,
       ecocomp.landuse_area(ST_SetBandIsNoData(rast, 1), 'SRID=32650;POLYGON((0 0,400 0,0 400,0 0))'::geometry) AS all_nodata
FROM rx_r4;

-- Projected: classes + nodata sum to ST_Area (or to the area of the part
-- inside the raster) within 1e-6 relative, on the shapes of raster_center,
-- over 16 x 16 tiles from ST_Tile.
CREATE TABLE rx_full AS
SELECT public.raster_of(public.landuse_codes(100, 80), '16BUI', 0, 500000, 4000000, 30) AS rast;
CREATE TABLE rx_tiles AS SELECT ST_Tile(rast, 16, 16) AS rast FROM rx_full;
CREATE TABLE rx_zone (id int, what text, geom geometry);
INSERT INTO rx_zone VALUES
(1, 'concave star', ST_GeomFromText('POLYGON((501500 3998800, 501750 3998250, 502300 3998200, 501850 3997850, 502050 3997300, 501500 3997650, 500950 3997300, 501150 3997850, 500700 3998200, 501250 3998250, 501500 3998800))', 32650)),
(2, 'polygon with two holes', ST_GeomFromText('POLYGON((500100 3999900, 502900 3999900, 502900 3997700, 500100 3997700, 500100 3999900),
	(500500 3999500, 501200 3999500, 501200 3998800, 500500 3999500), (501700 3999000, 502500 3999000, 502500 3998300, 501700 3998300, 501700 3999000))', 32650)),
(3, 'multipolygon', ST_GeomFromText('MULTIPOLYGON(((500020 3997650, 500900 3997650, 500500 3997900, 500020 3997650)), ((502000 3999800, 502700 3999600, 502200 3999300, 502000 3999800)))', 32650)),
(4, 'partly outside the raster', ST_GeomFromText('POLYGON((499000 3999000, 501000 4001000, 503500 3998000, 502000 3996000, 499000 3999000))', 32650)),
(5, 'edges on tile borders', ST_GeomFromText('POLYGON((500480 3999520, 501440 3999520, 501440 3998560, 500480 3998560, 500480 3999520))', 32650)),
(6, 'many vertices (buffer)', ST_Buffer(ST_GeomFromText('POINT(501234.5 3998765.4)', 32650), 777.7, 2000)),
(7, 'thin sliver', ST_GeomFromText('POLYGON((500015 3999985, 502415 3997585, 502425 3997585, 500025 3999985, 500015 3999985))', 32650)),
(8, 'whole raster', ST_GeomFromText('POLYGON((500000 4000000, 503000 4000000, 503000 3997600, 500000 3997600, 500000 4000000))', 32650));
SELECT z.id, z.what,
	abs(s.total_ha * 1e4 / ST_Area(ST_Intersection(z.geom, (SELECT ST_Envelope(rast) FROM rx_full))) - 1) < 1e-6 AS sum_is_area,
	s.nodata_ha > 0 AS has_nodata
FROM rx_zone z JOIN (
	SELECT id, (SELECT sum(value::float8) FROM jsonb_each_text(a)) AS total_ha, (a->>'nodata')::float8 AS nodata_ha
	FROM (SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) AS a
	      FROM rx_zone z JOIN rx_tiles t ON ST_Intersects(t.rast, z.geom) GROUP BY z.id) q) s USING (id)
ORDER BY z.id;
-- the whole raster: every class gets exactly its pixel count x 0.09 ha
SELECT bool_and(abs((a->>(vc).value::int::text)::float8 - (vc).count * 0.09) < 1e-9) AS whole_raster_counts
FROM (SELECT ecocomp.landuse_area(t.rast, z.geom) AS a FROM rx_zone z JOIN rx_tiles t ON ST_Intersects(t.rast, z.geom) WHERE z.id = 8) s,
     (SELECT ST_ValueCount(rast) AS vc FROM rx_full) v;
-- exact fractions of a tile computed from the tiled and the untiled raster agree
SELECT z.id, (SELECT jsonb_object_agg(key, round(value::numeric, 6)) FROM jsonb_each_text((SELECT ecocomp.landuse_area(t.rast, z.geom) FROM rx_tiles t WHERE ST_Intersects(t.rast, z.geom))))
	= (SELECT jsonb_object_agg(key, round(value::numeric, 6)) FROM jsonb_each_text((SELECT ecocomp.landuse_area(f.rast, z.geom) FROM rx_full f))) AS tiled_equals_untiled
FROM rx_zone z ORDER BY z.id;

-- Geographic (EPSG:4326, around 60 degrees north): cell areas from the
-- WGS84 ellipsoid; classes + nodata sum to ST_Area(geom::geography) within
-- 1e-6 relative.  The polygon is segmentized to 0.0005 degree so that its
-- straight lon/lat edges and the geodesic edges of geography agree.
CREATE TABLE rx_gfull AS SELECT public.raster_of(pixtype => '8BUI', nodata => 255, ulx => 10.0, uly => 60.2, scale => 0.001, srid => 4326, vals =>
	(SELECT array_agg(r ORDER BY y) FROM (
		SELECT y, array_agg(CASE WHEN (x + y) % 23 = 0 THEN 255 ELSE 1 + (x / 37 + y / 41) % 5 END ORDER BY x) AS r
	 FROM generate_series(0, 399) y, generate_series(0, 399) x GROUP BY y) s)) AS rast;
CREATE TABLE rx_gtiles AS SELECT ST_Tile(rast, 100, 100) AS rast FROM rx_gfull;
CREATE TABLE rx_gzone AS
SELECT 1 AS id, ST_Segmentize(ST_GeomFromText('POLYGON((10.0123 59.8311, 10.3871 59.8502, 10.2013 60.0207, 10.3644 60.1893, 10.0457 60.1702, 10.1234 60.0101, 10.0123 59.8311),
	(10.1501 59.9007, 10.2502 59.9103, 10.2003 59.9604, 10.1501 59.9007))', 4326), 0.0005) AS geom
UNION ALL
SELECT 2, ST_Segmentize(ST_GeomFromText('POLYGON((10.05 59.85, 10.35 59.85, 10.35 60.15, 10.05 60.15, 10.05 59.85))', 4326), 0.0005);
SELECT z.id, abs(s.total_ha * 1e4 / ST_Area(z.geom::geography) - 1) < 1e-6 AS sum_is_geography_area
FROM rx_gzone z JOIN (
	SELECT id, (SELECT sum(value::float8) FROM jsonb_each_text(a)) AS total_ha
	FROM (SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) AS a
	      FROM rx_gzone z JOIN rx_gtiles t ON ST_Intersects(t.rast, z.geom) GROUP BY z.id) q) s USING (id)
ORDER BY z.id;
-- one cell by hand: the WGS84 quadrangle between 60.199 and 60.2 degrees
-- north, 0.001 degree wide (column 1 of row 0, code 1), is
--   A = (pi/180) 0.001 (b^2/2) [q(60.2) - q(60.199)],
--   q(phi) = sin phi / (1 - e^2 sin^2 phi) + atanh(e sin phi) / e,
-- evaluated here in SQL (about 6180 m2: 111.4 m of latitude times 55.5 m of
-- longitude); ST_Area of its geography (4 vertices, the parallels taken as
-- geodesics) differs from it only by the geodesic bulge, < 1e-6 relative.
WITH c AS (SELECT 6378137.0::float8 AS a, 1 / 298.257223563::float8 AS f),
     e AS (SELECT a, f, sqrt(f * (2 - f)) AS e, a * (1 - f) AS b FROM c),
     q AS (SELECT b, (SELECT sin(radians(60.2)) / (1 - e * e * sin(radians(60.2))^2) + atanh(e * sin(radians(60.2))) / e) AS q2,
                     (SELECT sin(radians(60.199)) / (1 - e * e * sin(radians(60.199))^2) + atanh(e * sin(radians(60.199))) / e) AS q1 FROM e),
     hand AS (SELECT radians(0.001) * b * b / 2 * (q2 - q1) AS m2 FROM q)
SELECT round(hand.m2::numeric, 1) AS hand_m2,
	abs(((SELECT ecocomp.landuse_area(rast, ST_GeomFromText('POLYGON((10.001 60.199, 10.002 60.199, 10.002 60.2, 10.001 60.2, 10.001 60.199))', 4326)) FROM rx_gfull)->>'1')::float8 * 1e4 / hand.m2 - 1) < 1e-9 AS ours_is_hand,
	abs(ST_Area(ST_GeomFromText('POLYGON((10.001 60.199, 10.002 60.199, 10.002 60.2, 10.001 60.2, 10.001 60.199))', 4326)::geography) / hand.m2 - 1) < 1e-6 AS geography_is_hand
FROM hand;

DROP TABLE rx_r4, rx_su, rx_wl, rx_full, rx_tiles, rx_zone, rx_gfull, rx_gtiles, rx_gzone;

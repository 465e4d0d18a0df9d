-- landuse_area(..., coverage => 'center') against PostGIS: the same pixel
-- counts per class as ST_ValueCount(ST_Clip(rast, geom)) summed over the
-- tiles, computed in the same query, on several shapes.
-- Pixel centres exactly on axis-parallel edges (zones 6, 7, 9) follow
-- GDAL's scanline rule as PostGIS does.  Centres exactly on oblique edges
-- are avoided (the star is shifted by (3.7, -2.3) m): there PostGIS's
-- answer depends on rounding in GDAL's pixel-space arithmetic, relative to
-- the origin of the mask raster ST_Clip builds, and is not reproducible
-- (a 45 degree edge through centres is counted in one tile, not in the
-- next; see doc/raster.md).
SET client_min_messages = warning;
-- a 100 x 80 raster of 30 m pixels in UTM 50N, codes 11..67 with some
-- nodata (0), cut into 16 x 16 tiles by ST_Tile (the last column and row of
-- tiles are narrower)
CREATE TABLE rc_full AS
SELECT public.raster_of(public.landuse_codes(100, 80), '16BUI', 0, 500000, 4000000, 30) AS rast;
CREATE TABLE rc_tiles AS SELECT ST_Tile(rast, 16, 16) AS rast FROM rc_full;
SELECT count(*) AS tiles, sum(ST_Width(rast) * ST_Height(rast)) AS pixels FROM rc_tiles;

CREATE TABLE rc_zone (id int, what text, geom geometry);
INSERT INTO rc_zone VALUES
(1, 'concave star', ST_Translate(ST_GeomFromText('POLYGON((501500 3998800, 501750 3998250, 502300 3998200, 501850 3997850, 502050 3997300, 501500 3997650, 500950 3997300, 501150 3997850, 500700 3998200, 501250 3998250, 501500 3998800))', 32650), 3.7, -2.3)),
(2, 'polygon with two holes', ST_GeomFromText('POLYGON((500100 3999900, 502900 3999900, 502900 3997700, 500100 3997700, 500100 3999900),
	(500510 3999500, 501200 3999500, 501200 3998810, 500510 3999500), (501700 3999000, 502500 3999000, 502500 3998300, 501700 3998300, 501700 3999000))', 32650)),
(3, 'multipolygon', ST_GeomFromText('MULTIPOLYGON(((500020 3997650, 500900 3997650, 500500 3997900, 500020 3997650)), ((502000 3999800, 502700 3999600, 502200 3999300, 502000 3999800)))', 32650)),
(4, 'partly outside the raster', ST_GeomFromText('POLYGON((499000 3999000, 501000 4001000, 503500 3998000, 502000 3996000, 499000 3999000))', 32650)),
(5, 'edges on tile borders', ST_GeomFromText('POLYGON((500480 3999520, 501440 3999520, 501440 3998560, 500480 3998560, 500480 3999520))', 32650)),
(6, 'vertices on pixel centres', ST_GeomFromText('POLYGON((500015 3999985, 500615 3999985, 500615 3999385, 500315 3999685, 500015 3999385, 500015 3999985))', 32650)),
(7, 'vertical and horizontal edges through pixel centres', ST_GeomFromText('POLYGON((500045 3998005, 500945 3998005, 500945 3998905, 500045 3998905, 500045 3998005))', 32650)),
(8, 'thin sliver and diagonal through centres', ST_GeomFromText('POLYGON((500015 3999985, 502415 3997585, 502425 3997585, 500025 3999985, 500015 3999985))', 32650)),
(9, 'hole through pixel centres', ST_GeomFromText('POLYGON((500000 4000000, 501200 4000000, 501200 3998800, 500000 3998800, 500000 4000000),(500315 3999685, 500915 3999685, 500915 3999085, 500315 3999085, 500315 3999685))', 32650));
SELECT id, what, ST_IsValid(geom) AS valid FROM rc_zone ORDER BY id;

-- ours: code -> pixel count (areas / 900 m2)
CREATE TABLE rc_ours AS
SELECT z.id, e.key AS code, (e.value::float8 * 1e4 / 900) AS n
FROM (SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS a
      FROM rc_zone z JOIN rc_tiles t ON ST_Intersects(t.rast, z.geom) GROUP BY z.id) z,
     jsonb_each_text(z.a) e;
-- PostGIS: ST_ValueCount(ST_Clip(...)) summed over tiles.  Tiles that touch
-- the polygon only along their border (zone 5) are left out on this side:
-- there the intersection ST_Clip computes first is a line or a point, which
-- it burns, counting a row of pixels outside the polygon (with PostGIS 3.3
-- zone 5 gets 33 x 33 pixels instead of its 32 x 32).
CREATE TABLE rc_pgis AS
SELECT id, (vc).value::int::text AS code, sum((vc).count)::float8 AS n
FROM (SELECT z.id, ST_ValueCount(ST_Clip(t.rast, z.geom)) AS vc
      FROM rc_zone z JOIN rc_tiles t ON ST_Intersects(t.rast, z.geom)
      WHERE ST_Relate(ST_Envelope(t.rast), z.geom, 'T********')) s
GROUP BY id, (vc).value;

-- the per-class counts agree (pixel counts are whole numbers)
SELECT z.id, z.what,
	(SELECT count(*) FROM rc_ours o WHERE o.id = z.id AND o.code <> 'nodata' AND o.n > 0) AS classes,
	(SELECT sum(n) FROM rc_pgis p WHERE p.id = z.id) AS postgis_pixels,
	(SELECT count(*) FROM rc_ours o FULL JOIN (SELECT * FROM rc_pgis WHERE id = z.id) p USING (id, code)
	  WHERE coalesce(o.id, p.id) = z.id AND coalesce(o.code, '') <> 'nodata'
	    AND abs(coalesce(o.n, 0) - coalesce(p.n, 0)) > 1e-6) AS differing_classes
FROM rc_zone z ORDER BY z.id;

-- nodata is counted apart: class pixels + nodata pixels = pixels whose
-- centre is inside, counted by PostGIS on the band with its nodata ignored
SELECT z.id,
	round((SELECT n FROM rc_ours o WHERE o.id = z.id AND o.code = 'nodata')::numeric, 6) AS ours_nodata,
	(SELECT sum(ST_ValueCount(ST_Clip(ST_SetBandNoDataValue(t.rast, 1, 65535), z.geom), 1, true, 0::float8))
	   FROM rc_tiles t WHERE ST_Intersects(t.rast, z.geom)
	   AND ST_Relate(ST_Envelope(t.rast), z.geom, 'T********')) AS postgis_zeros
FROM rc_zone z ORDER BY z.id;

-- one tile vs. the untiled raster: the same counts
SELECT z.id, (SELECT ecocomp.landuse_area(t.rast, z.geom, 1, 'center') FROM rc_tiles t WHERE ST_Intersects(t.rast, z.geom))
	= (SELECT ecocomp.landuse_area(f.rast, z.geom, 1, 'center') FROM rc_full f) AS tiled_equals_untiled
FROM rc_zone z ORDER BY z.id;

-- Geographic (EPSG:4326 near 60 degrees north): the pixels ST_Clip keeps,
-- each taken with the ST_Area of its geography (a 0.001 degree quadrangle;
-- its geodesic sides differ from the parallels by < 1e-6 relative), add up
-- to our centre-mode area, class by class (vertices chosen so that no
-- centre lies exactly on an oblique edge, see the top of this file)
CREATE TABLE rc_gtiles AS SELECT ST_Tile(public.raster_of(pixtype => '8BUI', nodata => 255, ulx => 10.0, uly => 60.1, scale => 0.001, srid => 4326, vals =>
	(SELECT array_agg(r ORDER BY y) FROM (
		SELECT y, array_agg(CASE WHEN (x + y) % 23 = 0 THEN 255 ELSE 1 + (x / 17 + y / 13) % 5 END ORDER BY x) AS r
	 FROM generate_series(0, 99) y, generate_series(0, 119) x GROUP BY y) s)), 50, 50) AS rast;
CREATE TABLE rc_gzone AS SELECT ST_GeomFromText('POLYGON((10.01234 60.00312, 10.10713 60.02021, 10.08137 60.06073, 10.11447 60.08931, 10.01579 60.09023, 10.04341 60.05017, 10.01234 60.00312))', 4326) AS geom;
WITH ours AS (SELECT e.key AS code, e.value::float8 * 1e4 AS m2
              FROM (SELECT ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS a FROM rc_gzone z JOIN rc_gtiles t ON ST_Intersects(t.rast, z.geom)) q,
                   jsonb_each_text(q.a) e WHERE e.key <> 'nodata'),
     pgis AS (SELECT (pp).val::int::text AS code, sum(ST_Area((pp).geom::geography)) AS m2
              FROM (SELECT ST_PixelAsPolygons(ST_Clip(t.rast, z.geom)) AS pp FROM rc_gzone z JOIN rc_gtiles t ON ST_Intersects(t.rast, z.geom)
                    WHERE ST_Relate(ST_Envelope(t.rast), z.geom, 'T********')) s
              WHERE (pp).val IS NOT NULL GROUP BY 1)
SELECT count(*) AS classes, bool_and(abs(o.m2 / p.m2 - 1) < 1e-6) AS geographic_center_areas_agree
FROM ours o FULL JOIN pgis p USING (code);

DROP TABLE rc_full, rc_tiles, rc_zone, rc_ours, rc_pgis, rc_gtiles, rc_gzone;

-- Engine errors, with their SQLSTATE.
-- A geographic raster whose rows lie beyond latitude 90: 22023 (a 2 x 2
-- raster of 1-degree pixels with its top at 95 N: row 1 spans 95..94 N).
SELECT error_of($$SELECT ecocomp.landuse_area(ST_AddBand(ST_MakeEmptyRaster(2, 2, 10, 95, 1, -1, 0, 0, 4326), '8BUI'::text, 1, 0),
	'SRID=4326;POLYGON((10 93,12 93,12 95,10 95,10 93))'::geometry, 1, 'center')$$);
-- the same half a degree past the south pole (rows -89.5..-90.5): 22023
SELECT error_of($$SELECT ecocomp.landuse_area(ST_AddBand(ST_MakeEmptyRaster(2, 1, 10, -89.5, 1, -1, 0, 0, 4326), '8BUI'::text, 1, 0),
	'SRID=4326;POLYGON((10 -90.5,12 -90.5,12 -89.5,10 -89.5,10 -90.5))'::geometry, 1, 'exact')$$);
-- a raster whose top row ends exactly at 90 N is fine: the polygon covers the
-- 1 x 1 degree cell between 89 and 90 N, 10 and 11 E, whose WGS84 area is
--   A = (pi/180) (b^2/2) [q(90) - q(89)],  q(90) = 1/(1 - e^2) + atanh(e)/e,
-- = 108,866,681.6 m2 = 10,886.668 ha (evaluated here in SQL, and by hand
-- with a = 6378137, f = 1/298.257223563).
WITH e AS (SELECT sqrt(f * (2 - f)) AS e, 6378137.0::float8 * (1 - f) AS b FROM (SELECT 1 / 298.257223563::float8 AS f) c),
     hand AS (SELECT radians(1) * b * b / 2 * ((1 / (1 - e * e) + atanh(e) / e)
                     - (sin(radians(89)) / (1 - e * e * sin(radians(89))^2) + atanh(e * sin(radians(89))) / e)) AS m2 FROM e)
SELECT round(hand.m2::numeric, 1) AS hand_m2,
	abs(((SELECT ecocomp.landuse_area(ST_AddBand(ST_MakeEmptyRaster(2, 1, 10, 90, 1, -1, 0, 0, 4326), '8BUI'::text, 1, 0),
		'SRID=4326;POLYGON((10 89,11 89,11 90,10 90,10 89))'::geometry, 1, 'center'))->>'1')::float8 * 1e4 / hand.m2 - 1) < 1e-9 AS polar_cell_is_hand
FROM hand;
-- a pixel area beyond DBL_MAX (1e160 x 1e160 = 1e320 CRS units squared):
-- 22003, in landuse_area and pixel_coverage
SELECT error_of($$SELECT ecocomp.landuse_area(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 2e160, 1e160, -1e160, 0, 0, 0), '8BUI'::text, 1, 0),
	'POLYGON((0 0,2e160 0,2e160 2e160,0 2e160,0 0))'::geometry, 1, 'center')$$);
SELECT error_of($$SELECT * FROM ecocomp.pixel_coverage(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 2e160, 1e160, -1e160, 0, 0, 0), '8BUI'::text, 1, 0),
	'POLYGON((0 0,2e160 0,2e160 2e160,0 2e160,0 0))'::geometry, 'exact')$$);
-- corrupt sub-byte pixels, through the reader's test entry point: a 2 x 2
-- raster has its band type at byte 64, nodata at 65, pixels at 66..69;
-- 255 in a 1BB band, 4 in a 2BUI band, 16 in a 4BUI band: 22000; 15 in a
-- 4BUI band is fine
SELECT error_of($$SELECT ecocomp._raster_check(set_byte(ecocomp._raster_bytes(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0, 0, 0), '1BB'::text, 1, 0)), 66, 255))$$);
SELECT error_of($$SELECT ecocomp._raster_check(set_byte(ecocomp._raster_bytes(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0, 0, 0), '2BUI'::text, 1, 0)), 69, 4))$$);
SELECT error_of($$SELECT ecocomp._raster_check(set_byte(ecocomp._raster_bytes(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0, 0, 0), '4BUI'::text, 1, 0)), 67, 16))$$);
SELECT ecocomp._raster_check(set_byte(ecocomp._raster_bytes(ST_AddBand(ST_MakeEmptyRaster(2, 2, 0, 0, 1, -1, 0, 0, 0), '4BUI'::text, 1, 0)), 67, 15)) AS four_bit_15;

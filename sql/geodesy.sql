-- Cell areas from the CRS that spatial_ref_sys.srtext (the WKT) names:
-- geographic or projected, the ellipsoid, and the unit (test/unit/wkt.c
-- tests the WKT reader itself).
SET client_min_messages = warning;

-- srid_kind: the one reading of an SRID, for the raster aggregates and
-- region_area_ha.  EPSG 4490 (CGCS2000) and 4214 (Beijing 1954) are
-- geographic, 32650 (UTM 50N) and 3857 projected in metres; SRID 0 and an
-- SRID missing from the table are NULL.
SELECT s AS srid, ecocomp.srid_kind(s) AS kind FROM unnest(ARRAY[4326, 4490, 4214, 32650, 3857, 0, 990001]) s;

-- custom SRIDs: an unknown ellipsoid only in proj4text (srtext empty; the
-- old proj4 reader took WGS84 for it), a spheroid with axis 0, US survey
-- feet (EPSG 2249's WKT), a geocentric CRS, and a sphere of radius 6371 km
INSERT INTO spatial_ref_sys (srid, auth_name, auth_srid, srtext, proj4text) VALUES
(990101, 'test', 990101, '', '+proj=longlat +ellps=foo +no_defs'),
(990102, 'test', 990102, 'GEOGCS["bad",DATUM["bad",SPHEROID["unknown",0,0]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]', '+proj=longlat +a=0 +no_defs'),
(990103, 'test', 990103, 'PROJCS["NAD83 / Massachusetts Mainland (ftUS)",GEOGCS["NAD83",DATUM["North_American_Datum_1983",SPHEROID["GRS 1980",6378137,298.257222101]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic_2SP"],PARAMETER["standard_parallel_1",42.68333333333333],PARAMETER["standard_parallel_2",41.71666666666667],PARAMETER["latitude_of_origin",41],PARAMETER["central_meridian",-71.5],PARAMETER["false_easting",656166.667],PARAMETER["false_northing",2460625],UNIT["US survey foot",0.3048006096012192],AXIS["X",EAST],AXIS["Y",NORTH]]',
 '+proj=lcc +lat_1=42.68333333333333 +lat_2=41.71666666666667 +lat_0=41 +lon_0=-71.5 +x_0=200000.0001016002 +y_0=750000 +ellps=GRS80 +units=us-ft +no_defs'),
(990104, 'test', 990104, 'GEOCCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["metre",1]]', '+proj=geocent +datum=WGS84 +units=m +no_defs'),
(990105, 'test', 990105, 'GEOGCS["sphere",DATUM["sphere",SPHEROID["sphere",6371000,0]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433]]', '+proj=longlat +R=6371000 +no_defs');

CREATE FUNCTION geo_error(sql text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE d text;
BEGIN
	EXECUTE sql;
	RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
	GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
	RETURN SQLSTATE || ': ' || SQLERRM || coalesce(' / ' || nullif(d, ''), '');
END $$;

-- each fault is 22023 naming the SRID, from the aggregates, the per-pixel
-- SRF and srid_kind alike
SELECT s AS srid, geo_error(format($$SELECT ecocomp.landuse_area(public.raster_of(ARRAY[[1]], '8BUI', 0, 10, 31, 1, %1$s), ST_MakeEnvelope(10, 30, 11, 31, %1$s))$$, s)) AS landuse_area
FROM unnest(ARRAY[990101, 990102, 990103, 990104]) s;
SELECT s AS srid, geo_error(format('SELECT ecocomp.srid_kind(%s)', s)) AS srid_kind
FROM unnest(ARRAY[990101, 990102, 990103, 990104]) s;
-- region_area_ha too: it asks srid_kind
SELECT geo_error($$SELECT ecocomp.region_area_ha(ST_MakeEnvelope(0, 0, 1000, 1000, 990103))$$) AS region_area_ha_ftus;
SELECT ecocomp.region_area_ha(ST_MakeEnvelope(0, 0, 1000, 1000, 0)) AS srid_0,
	   ecocomp.region_area_ha(ST_MakeEnvelope(0, 0, 1000, 1000, 990001)) AS missing_srid,
	   ecocomp.region_area_ha(ST_MakeEnvelope(0, 0, 1000, 1000, 32650)) AS utm_100_ha;

-- A sphere by hand: a 1 x 1 degree cell between 30 and 31 N on the sphere
-- of radius R = 6371 km is R^2 (pi/180) (sin 31 - sin 30)
--   = 4.0589641e13 * 0.0174532925 * (0.5150380749 - 0.5)
--   = 7.0842196e11 * 0.0150380749 = 1.0653319e10 m2 = 1,065,332 ha
-- (the exact product is in the query)
SELECT public.approx((ecocomp.landuse_area(public.raster_of(ARRAY[[1]], '8BUI', 0, 10, 31, 1, 990105),
							ST_MakeEnvelope(10, 30, 11, 31, 990105)) ->> '1')::float8,
					 6371000.0 ^ 2 * pi() / 180 * (sind(31) - sind(30)) / 1e4, 1e-6) AS sphere_cell_ha;

-- EPSG 4490 (CGCS2000: GRS 1980 axes) and 4214 (Beijing 1954: Krassowsky
-- 1940, a = 6378245 m, 1/f = 298.3): a 4 x 4 raster of 0.25 degree cells
-- from 110 to 111 E, 30 to 31 N, each class a row.  Independent check:
-- PostGIS's ST_Area of geography (GeographicLib's geodesic polygon area on
-- the SRID's spheroid) of each row's box.  The box's north and south edges
-- are parallels, which a geography edge (a geodesic) is not: over 1 degree
-- at 30 N a geodesic bows about 100 m poleward, so the boxes are first cut
-- into 0.001 degree segments, each bowing 1e6 times less (1e-4 m, over
-- a 24 km-high box: ~4e-9 relative at most, and the bows of the north and
-- south edges mostly cancel).  Measured: 5e-12 to 7e-12 relative; the
-- test asks 1e-9.  The two ellipsoids give cells 0.0034 % apart (265,061
-- against 265,052 ha for the top row), 3e4 times the tolerance, so each
-- SRID must use its own ellipsoid.
CREATE TABLE geo_r AS
SELECT s AS srid, public.raster_of(ARRAY[[1,1,1,1],[2,2,2,2],[3,3,3,3],[4,4,4,4]], '8BUI', 0, 110, 31, 0.25, s) AS rast
FROM unnest(ARRAY[4490, 4214]) s;
SELECT g.srid, c.code,
	   public.approx((ecocomp.landuse_area(g.rast, ST_MakeEnvelope(110, 30, 111, 31, g.srid)) ->> c.code::text)::float8,
					 ST_Area(ST_Segmentize(ST_MakeEnvelope(110, 31 - 0.25 * c.code, 111, 31.25 - 0.25 * c.code, g.srid), 0.001)::geography) / 1e4,
					 1e-9 * ST_Area(ST_MakeEnvelope(110, 31 - 0.25 * c.code, 111, 31.25 - 0.25 * c.code, g.srid)::geography) / 1e4) AS matches_st_area
FROM geo_r g, generate_series(1, 4) c(code)
GROUP BY g.srid, c.code ORDER BY g.srid, c.code;
-- the two ellipsoids differ: 4214 (larger a) gives the larger area
SELECT (SELECT (ecocomp.landuse_area(rast, ST_MakeEnvelope(110, 30, 111, 31, 4214)) ->> '1')::float8 FROM geo_r WHERE srid = 4214)
	 > (SELECT (ecocomp.landuse_area(rast, ST_MakeEnvelope(110, 30, 111, 31, 4490)) ->> '1')::float8 FROM geo_r WHERE srid = 4490) AS krassowsky_larger;
-- region_area_ha of a 4490 box equals the cells' sum (both ST_Area of
-- geography and the engine, within the same tolerance: 1e-9 of ~1e6 ha)
SELECT public.approx(ecocomp.region_area_ha(ST_Segmentize(ST_MakeEnvelope(110, 30, 111, 31, 4490), 0.001)),
					 (SELECT sum(e.value::float8) FROM jsonb_each_text(a.areas) e WHERE e.key <> 'nodata'),
					 1e-9 * 1e6) AS region_matches_cells
FROM (SELECT ecocomp.landuse_area(rast, ST_MakeEnvelope(110, 30, 111, 31, 4490)) AS areas FROM geo_r WHERE srid = 4490) a;

DELETE FROM spatial_ref_sys WHERE srid BETWEEN 990101 AND 990105;
DROP TABLE geo_r;
DROP FUNCTION geo_error(text);

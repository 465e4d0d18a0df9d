#!/usr/bin/env bash
# Zonal benchmark of the raster engine (not a test): a land-use raster of
# 6144 x 6144 = 37.7 million 30 m pixels (EPSG:32650, 8BUI, 20 classes and
# some nodata, 576 tiles of 256 x 256) and 15 polygons of about 10,000
# vertices each that tile its extent (wiggly shared borders).  Times, in one
# run: landuse_area center, landuse_area exact, and the PostGIS way
# (ST_ValueCount(ST_Clip(...)) grouped the same way); prints pixels/s,
# ratios and the peak memory of each backend, and checks that the centre
# counts equal PostGIS's.
#
#   bash bench/zonal.sh            # own throwaway cluster (tools/pgenv.sh)
#   PGHOST=... PGPORT=... bash bench/zonal.sh --existing   # a running server
set -euo pipefail
ECOCOMP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ECOCOMP_ROOT"
N=${ZONAL_TILES_PER_SIDE:-24}		# 24 x 24 tiles of 256 x 256 = 37.7 M pixels

if [ "${1:-}" != "--existing" ]; then
  bash tools/provision.sh >/dev/null
  # shellcheck source=tools/pgenv.sh
  source tools/pgenv.sh
  tmp=$(mktemp -d /tmp/ecocomp-bench.XXXXXX)
  trap 'eco_cluster_stop; rm -rf "$tmp"' EXIT
  eco_build
  eco_stage "$tmp"
  ECOCOMP_EXTRA_CONF="max_parallel_workers_per_gather = 0" eco_cluster_start "$tmp"
fi
psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "DROP DATABASE IF EXISTS ecocomp_bench" -c "CREATE DATABASE ecocomp_bench"
export PGDATABASE=ecocomp_bench
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION postgis; CREATE EXTENSION postgis_raster; CREATE EXTENSION ecocomp;"

echo "generating $((N * N)) tiles of 256 x 256 pixels and 15 polygons" >&2
psql -X -q -v ON_ERROR_STOP=1 -v n="$N" <<'SQL'
SELECT setseed(0.42);
-- each tile: 16 x 16 random patches of 480 m (classes 1..20, 3% nodata 0),
-- resampled (nearest neighbour) to 256 x 256 pixels of 30 m
CREATE TABLE bench_tiles AS
SELECT i AS tid,
       ST_Rescale(ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(16, 16, 400000 + 7680 * (i % :n), 4500000 - 7680 * (i / :n), 480, -480, 0, 0, 32650),
                                          '8BUI'::text, 0, 0), 1, 1, 1,
                               (SELECT array_agg(a) FROM (SELECT array_agg(CASE WHEN random() < 0.03 THEN 0 ELSE 1 + floor(random() * 20)::int END) a
                                                          FROM generate_series(1, 16) y, generate_series(1, 16) x WHERE i >= 0 GROUP BY y) s)::double precision[][]),
                  30, -30, 'NearestNeighbour') AS rast
FROM generate_series(0, :n * :n - 1) i;
CREATE INDEX ON bench_tiles USING gist (ST_ConvexHull(rast));
-- 15 polygons tiling the extent in 5 x 3 cells; every border wiggles by a
-- sine that vanishes at the cell corners, shared by both neighbours;
-- 2500 vertices per side
CREATE TABLE bench_zone AS
WITH p AS (SELECT :n * 7680.0 AS w, 400000.0 AS x0, 4500000.0 AS y0, 2500 AS k),
     cell AS (SELECT i, j, x0 + w * i / 5 AS xa, x0 + w * (i + 1) / 5 AS xb, y0 - w * j / 3 AS ya, y0 - w * (j + 1) / 3 AS yb, k, w
              FROM p, generate_series(0, 4) i, generate_series(0, 2) j),
     pts AS (
       -- top side (y = ya + wiggle of horizontal border j), left to right
       SELECT i, j, 1 AS side, s, xa + (xb - xa) * s / k AS x, ya + 300 * sin(7 * pi() * s / k) * sin(j + 1.0) AS y FROM cell, generate_series(0, k - 1) s
       UNION ALL -- right side (x = xb + wiggle of vertical border i+1), top to bottom
       SELECT i, j, 2, s, xb + 300 * sin(5 * pi() * s / k) * sin(i + 2.0), ya + (yb - ya) * s / k FROM cell, generate_series(0, k - 1) s
       UNION ALL -- bottom side (border j+1), right to left
       SELECT i, j, 3, s, xb + (xa - xb) * s / k, yb + 300 * sin(7 * pi() * (k - s) / k) * sin(j + 2.0) FROM cell, generate_series(0, k - 1) s
       UNION ALL -- left side (border i), bottom to top
       SELECT i, j, 4, s, xa + 300 * sin(5 * pi() * (k - s) / k) * sin(i + 1.0), yb + (ya - yb) * s / k FROM cell, generate_series(0, k - 1) s)
SELECT id, ST_MakePolygon(ST_AddPoint(l, ST_StartPoint(l))) AS geom
FROM (SELECT i * 3 + j + 1 AS id, ST_MakeLine(array_agg(ST_MakePoint(x, y) ORDER BY side, s)) AS l FROM pts GROUP BY i, j) q;
UPDATE bench_zone SET geom = ST_SetSRID(geom, 32650);
ANALYZE bench_tiles;
ANALYZE bench_zone;
SQL
psql -X -At -v ON_ERROR_STOP=1 <<'SQL'
SELECT 'tiles: ' || count(*) || ', pixels: ' || sum(ST_Width(rast)::bigint * ST_Height(rast)) FROM bench_tiles;
SELECT 'polygons: ' || count(*) || ', vertices per polygon: ' || min(ST_NPoints(geom)) || '..' || max(ST_NPoints(geom))
       || ', all valid: ' || bool_and(ST_IsValid(geom)) FROM bench_zone;
SELECT 'polygon area / raster area: ' || round((sum(ST_Area(geom)) / (SELECT ST_Area(ST_Union(ST_Envelope(rast))) FROM bench_tiles))::numeric, 4) FROM bench_zone;
SQL

# run a query in a fresh backend: a warm-up on one (tile, polygon) pair
# loads the libraries (PostGIS, GDAL, GEOS, ecocomp: about 0.1-0.4 s in a
# new backend, which is not the zonal engine's cost), then the query runs
# 3 times (SELECT count(*) over its result, each row turned into text so
# that the planner cannot drop the aggregate); prints the best and the median
# seconds, and the backend's peak resident memory (VmHWM, includes the
# shared buffers it touched) and private memory (RssAnon) at the end.
# The result is kept as table $label for the checks.
run() {
  local label=$1 sql=$2
  psql -X -At -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = warning;
SELECT count(*) FROM (SELECT ecocomp.landuse_area(t.rast, z.geom, 1, 'center'), ecocomp.landuse_area(t.rast, z.geom, 1, 'exact'),
                             ST_ValueCount(ST_Clip(t.rast, z.geom))
                      FROM bench_zone z JOIN bench_tiles t ON ST_Intersects(t.rast, z.geom) WHERE z.id = 1 AND t.tid = 0 GROUP BY z.id, t.rast, z.geom) w;
DO \$\$
DECLARE t0 timestamptz; s float8[] := '{}';
BEGIN
	FOR k IN 1..3 LOOP
		t0 := clock_timestamp();
		EXECUTE \$q\$SELECT count(*) FROM ($sql) q WHERE q::text IS NOT NULL\$q\$;
		s := s || extract(epoch FROM clock_timestamp() - t0)::float8;
	END LOOP;
	s := ARRAY(SELECT unnest(s) ORDER BY 1);
	RAISE WARNING '$label best=% median=%', round(s[1]::numeric, 3), round(s[2]::numeric, 3);
END \$\$;
SELECT '$label mem ' || (SELECT string_agg(regexp_replace(l, '\s+', '', 'g'), ' ') FROM regexp_split_to_table(pg_read_file('/proc/' || pg_backend_pid() || '/status'), '\n') l
                  WHERE l ~ '^(VmHWM|RssAnon)');
CREATE TABLE $label AS $sql;
SQL
}
JOIN="bench_zone z JOIN bench_tiles t ON ST_Intersects(t.rast, z.geom)"
out=$( {
  run r_join "SELECT z.id, count(*) AS pairs, sum(ST_Width(t.rast)::bigint * ST_Height(t.rast)) AS pixels FROM $JOIN GROUP BY z.id"
  run r_center "SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS a FROM $JOIN GROUP BY z.id"
  run r_exact "SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'exact') AS a FROM $JOIN GROUP BY z.id"
  run r_postgis "SELECT id, (vc).value::int AS code, sum((vc).count) AS n FROM (SELECT z.id, ST_ValueCount(ST_Clip(t.rast, z.geom)) AS vc FROM $JOIN) s GROUP BY 1, 2"
} 2>&1 | sed 's/^WARNING:  //' | grep -E '^r_' )
echo "$out"
psql -X -At -v ON_ERROR_STOP=1 <<'SQL'
SET client_min_messages = warning;
SELECT 'pairs (tile, polygon): ' || sum(pairs) || ', pixels in those tiles: ' || sum(pixels) FROM r_join;
-- centre counts vs PostGIS, class by class
WITH ours AS (SELECT id, key::int AS code, round(value::numeric * 1e4 / 900) AS n FROM r_center, jsonb_each_text(a) WHERE key <> 'nodata'),
     d AS (SELECT coalesce(o.id, p.id) id, coalesce(o.code, p.code) code, coalesce(o.n, 0) AS ours, coalesce(p.n, 0) AS postgis
           FROM ours o FULL JOIN r_postgis p ON o.id = p.id AND o.code = p.code)
SELECT 'center == PostGIS: ' || bool_and(ours = postgis) || ' (' || count(*) FILTER (WHERE ours <> postgis) || ' of ' || count(*)
       || ' (polygon, class) counts differ; pixels ours ' || sum(ours) || ', PostGIS ' || sum(postgis) || ')' FROM d;
-- where they differ: pixel totals per (polygon, tile) pair, and the type of
-- the tile/polygon intersection ST_Clip rasterizes (its line and point
-- parts get burnt too, counting pixels outside the polygon)
WITH pp AS (
  SELECT z.id, t.tid, ST_GeometryType(ST_Intersection(ST_Envelope(t.rast), z.geom)) AS gt,
         coalesce((SELECT sum(count) FROM ST_ValueCount(ST_Clip(t.rast, z.geom), 1, true)), 0) AS postgis,
         (SELECT round((SELECT sum(value::float8) FROM jsonb_each_text(a) WHERE key <> 'nodata')::numeric * 1e4 / 900)
            FROM (SELECT ecocomp.landuse_area(x.r, z.geom, 1, 'center') AS a FROM (SELECT t.rast AS r) x) q) AS ours
  FROM bench_zone z JOIN bench_tiles t ON ST_Intersects(t.rast, z.geom))
SELECT 'pairs whose pixel totals differ: ' || count(*) FILTER (WHERE ours <> postgis)
       || coalesce(' (' || string_agg(DISTINCT gt, ', ') FILTER (WHERE ours <> postgis) || '; PostGIS - ours = '
                   || sum(postgis - ours) FILTER (WHERE ours <> postgis) || ' pixels)', '')
       || '; pairs with a polygonal intersection that agree: ' || count(*) FILTER (WHERE ours = postgis AND gt IN ('ST_Polygon', 'ST_MultiPolygon'))
       || ' of ' || count(*) FILTER (WHERE gt IN ('ST_Polygon', 'ST_MultiPolygon'))
FROM pp;
SELECT 'exact total / polygon area inside the raster: max |rel err| = ' ||
       max(abs((SELECT sum(value::float8) FROM jsonb_each_text(e.a)) * 1e4
               / ST_Area(ST_Intersection(z.geom, (SELECT ST_Union(ST_Envelope(rast)) FROM bench_tiles))) - 1))
FROM r_exact e JOIN bench_zone z USING (id);
SQL
echo "$out" | awk -v n="$N" '
  /^r_join best/    { split($3, a, "="); tj = a[2] }
  /^r_center best/  { split($3, a, "="); tc = a[2] }
  /^r_exact best/   { split($3, a, "="); te = a[2] }
  /^r_postgis best/ { split($3, a, "="); tp = a[2] }
  END {
    px = n * n * 65536
    printf "raster pixels/s (median runs, join included): center %.0f, exact %.0f, PostGIS %.0f\n", px / tc, px / te, px / tp
    printf "PostGIS / center = %.1fx; exact / center = %.2fx; the join alone takes %.3f s\n", tp / tc, te / tc, tj
  }'

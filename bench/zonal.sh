#!/usr/bin/env bash
# Zonal benchmark of the raster engine (not a test).  Two cases, each a
# 30 m, EPSG:32650, 8BUI land-use raster in 256 x 256 tiles (24 x 24 tiles:
# 37.7 million pixels) and 15 polygons over it:
#
#   easy: 16 x 16-pixel constant patches (compress about 38:1), 3 % nodata
#         patches; 15 single-ring polygons of 10,000 vertices with smooth
#         wiggly borders that tile the extent.
#   hard: value noise (bench/noise.c: a hash lattice every 4 pixels, bilinear, cut into
#         20 classes: runs of 1-4 pixels) with 0.3 % nodata salt; 15
#         MultiPolygons, the ST_MakeValid of rings whose borders loop over
#         themselves every ~5 pixels (about 16,000 rings and 130,000
#         vertices in all).
#
# For each case, in one warm session whose backend CPU time is read from
# /proc/PID/schedstat (PID = pg_backend_pid()) by this shell before and after
# each query, the queries run in interleaved repetitions; the medians of
# backend CPU and wall time are printed, with ratios:
#   floor      sum(ST_Value(rast, 1, 1, 1)): read and decompress every tile once
#   join       the ST_Intersects join alone
#   postgis    ST_ValueCount(ST_Clip(rast, geom)) over the ST_Intersects join
#   center_i   landuse_area(..., 'center') over the ST_Intersects join
#   center_h   landuse_area(..., 'center') over the convex-hull box join
#              ST_ConvexHull(t.rast) && z.geom (= t.rast::geometry && z.geom)
#   center     landuse_area(..., 'center') over the recommended join
#              ST_Envelope(t.rast) && z.geom (the tile's box from its header;
#              parallel safe, unlike ST_ConvexHull(raster) in PostGIS 3.3)
#   exact      landuse_area(..., 'exact') over the recommended join
# then center in a fresh connection (psql started, query, exit: wall time),
# center and exact with parallel plans allowed (2 workers per gather: the
# plan's shape and the wall time; the workers' CPU is not in the leader's
# schedstat), center with a parallel plan forced (parallel costs 0), and
# checks that the centre counts equal PostGIS's and that
# the exact areas sum to the polygon areas.
#
#   bash bench/zonal.sh                 # own throwaway cluster (tools/pgenv.sh)
#   ZONAL_QUICK=1 bash bench/zonal.sh   # 8 x 8 tiles, 3 repetitions, hard case only
#   ZONAL_CASES="easy hard" ZONAL_REPS=5 ZONAL_TILES_PER_SIDE=24 bash bench/zonal.sh
#   PGHOST=... PGPORT=... bash bench/zonal.sh --existing   # a running server
set -euo pipefail
ECOCOMP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ECOCOMP_ROOT"
if [ "${ZONAL_QUICK:-0}" = 1 ]; then
  N=${ZONAL_TILES_PER_SIDE:-8}
  REPS=${ZONAL_REPS:-3}
  CASES=${ZONAL_CASES:-hard}
else
  N=${ZONAL_TILES_PER_SIDE:-24}
  REPS=${ZONAL_REPS:-5}
  CASES=${ZONAL_CASES:-easy hard}
fi

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

gen_easy() {
  psql -X -q -v ON_ERROR_STOP=1 -v n="$N" <<'SQL'
SELECT setseed(0.42) \g /dev/null
-- each tile: 16 x 16 random patches of 480 m (classes 1..20, 3% nodata 0),
-- resampled (nearest neighbour) to 256 x 256 pixels of 30 m
CREATE TABLE easy_tiles AS
SELECT i AS tid,
       ST_Rescale(ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(16, 16, 400000 + 7680 * (i % :n), 4500000 - 7680 * (i / :n), 480, -480, 0, 0, 32650),
                                          '8BUI'::text, 0, 0), 1, 1, 1,
                               (SELECT array_agg(a) FROM (SELECT array_agg(CASE WHEN random() < 0.03 THEN 0 ELSE 1 + floor(random() * 20)::int END) a
                                                          FROM generate_series(1, 16) y, generate_series(1, 16) x WHERE i >= 0 GROUP BY y) s)::double precision[][]),
                  30, -30, 'NearestNeighbour') AS rast
FROM generate_series(0, :n * :n - 1) i;
-- 15 polygons tiling the extent in 5 x 3 cells; every border wiggles by a
-- sine that vanishes at the cell corners, shared by both neighbours;
-- 2500 vertices per side
CREATE TABLE easy_zone AS
WITH p AS (SELECT :n * 7680.0 AS w, 400000.0 AS x0, 4500000.0 AS y0, 2500 AS k),
     cell AS (SELECT i, j, x0 + w * i / 5 AS xa, x0 + w * (i + 1) / 5 AS xb, y0 - w * j / 3 AS ya, y0 - w * (j + 1) / 3 AS yb, k, w
              FROM p, generate_series(0, 4) i, generate_series(0, 2) j),
     pts AS (
       SELECT i, j, 1 AS side, s, xa + (xb - xa) * s / k AS x, ya + 300 * sin(7 * pi() * s / k) * sin(j + 1.0) AS y FROM cell, generate_series(0, k - 1) s
       UNION ALL
       SELECT i, j, 2, s, xb + 300 * sin(5 * pi() * s / k) * sin(i + 2.0), ya + (yb - ya) * s / k FROM cell, generate_series(0, k - 1) s
       UNION ALL
       SELECT i, j, 3, s, xb + (xa - xb) * s / k, yb + 300 * sin(7 * pi() * (k - s) / k) * sin(j + 2.0) FROM cell, generate_series(0, k - 1) s
       UNION ALL
       SELECT i, j, 4, s, xa + 300 * sin(5 * pi() * (k - s) / k) * sin(i + 1.0), yb + (ya - yb) * s / k FROM cell, generate_series(0, k - 1) s)
SELECT id, ST_SetSRID(ST_MakePolygon(ST_AddPoint(l, ST_StartPoint(l))), 32650) AS geom
FROM (SELECT i * 3 + j + 1 AS id, ST_MakeLine(array_agg(ST_MakePoint(x, y) ORDER BY side, s)) AS l FROM pts GROUP BY i, j) q;
SQL
}

gen_hard() {
  # the raster: bench/noise.c writes the pixels, a VRT georeferences them,
  # raster2pgsql cuts them into 256 x 256 tiles (row-major, so tid = rid - 1)
  local w=$((N * 256)) d
  d=$(mktemp -d /tmp/ecocomp-noise.XXXXXX)
  cc -O2 -o "$d/noise" bench/noise.c
  "$d/noise" "$w" "$w" >"$d/noise.raw"
  cat >"$d/noise.vrt" <<VRT
<VRTDataset rasterXSize="$w" rasterYSize="$w">
  <SRS>EPSG:32650</SRS>
  <GeoTransform>400000, 30, 0, 4500000, 0, -30</GeoTransform>
  <VRTRasterBand dataType="Byte" band="1" subClass="VRTRawRasterBand">
    <NoDataValue>0</NoDataValue>
    <SourceFilename relativetoVRT="1">noise.raw</SourceFilename>
    <ImageOffset>0</ImageOffset><PixelOffset>1</PixelOffset><LineOffset>$w</LineOffset>
  </VRTRasterBand>
</VRTDataset>
VRT
  raster2pgsql -q -s 32650 -t 256x256 -Y "$d/noise.vrt" hard_tiles 2>/dev/null | psql -X -q -v ON_ERROR_STOP=1 >/dev/null
  rm -rf "$d"
  psql -X -q -v ON_ERROR_STOP=1 -v n="$N" <<'SQL'
ALTER TABLE hard_tiles RENAME COLUMN rid TO tid;
UPDATE hard_tiles SET tid = tid - 1;
-- 15 cells of 5 x 3 over the extent; each side of a cell is a prolate
-- trochoid that loops over itself m times (8 vertices per loop: loops about
-- 150 m apart on the full raster); ST_MakeValid turns each ring into a
-- MultiPolygon of about 4 m + 1 rings
CREATE TABLE hard_zone AS
WITH p AS (SELECT :n * 7680.0 AS w, 400000.0 AS x0, 4500000.0 AS y0, round(270 * :n / 24.0)::int AS m),
     cell AS (SELECT i, j, x0 + w * i / 5 AS xa, x0 + w * (i + 1) / 5 AS xb, y0 - w * j / 3 AS ya, y0 - w * (j + 1) / 3 AS yb, m
              FROM p, generate_series(0, 4) i, generate_series(0, 2) j),
     side AS (
       SELECT i, j, m, 1 AS sd, xa AS px, ya AS py, xb - xa AS dx, 0.0 AS dy, 0.0 AS nx, 1.0 AS ny FROM cell
       UNION ALL SELECT i, j, m, 2, xb, ya, 0.0, yb - ya, 1.0, 0.0 FROM cell
       UNION ALL SELECT i, j, m, 3, xb, yb, xa - xb, 0.0, 0.0, -1.0 FROM cell
       UNION ALL SELECT i, j, m, 4, xa, yb, 0.0, ya - yb, -1.0, 0.0 FROM cell),
     pts AS (
       SELECT i, j, sd, s, px + dx * s / (8 * m) + dx / sqrt(dx * dx + dy * dy) * 60 * sin(2 * pi() * s / 8) + nx * 60 * (1 - cos(2 * pi() * s / 8)) AS x,
                           py + dy * s / (8 * m) + dy / sqrt(dx * dx + dy * dy) * 60 * sin(2 * pi() * s / 8) + ny * 60 * (1 - cos(2 * pi() * s / 8)) AS y
       FROM side, generate_series(0, 8 * m - 1) s)
SELECT id, ST_SetSRID(ST_CollectionExtract(ST_MakeValid(ST_MakePolygon(ST_AddPoint(l, ST_StartPoint(l)))), 3), 32650) AS geom
FROM (SELECT i * 3 + j + 1 AS id, ST_MakeLine(array_agg(ST_MakePoint(x, y) ORDER BY sd, s)) AS l FROM pts GROUP BY i, j) q;
SQL
}

# one psql session as a coprocess; q SQL runs SQL in it and prints its output
# (over two FIFOs on fds 7 and 8 rather than a bash coproc, whose pipes
# bash closed under some timings)
fifo=$(mktemp -d /tmp/ecocomp-bench-q.XXXXXX)
mkfifo "$fifo/in" "$fifo/out"
psql -X -At -v ON_ERROR_STOP=0 <"$fifo/in" >"$fifo/out" 2>&1 &
exec 7>"$fifo/in" 8<"$fifo/out"
rm -rf "$fifo"
q() {
  printf '%s;\n\\echo __eco_done__\n' "$1" >&7
  local line
  while IFS= read -r line <&8; do
    [ "$line" = __eco_done__ ] && break
    printf '%s\n' "$line"
  done
}
q "SET client_min_messages = warning" >/dev/null
BPID=$(q "SELECT pg_backend_pid()")
cpu_ns() { awk '{ print $1 }' "/proc/$BPID/schedstat"; }
now_ns() { date +%s%N; }

declare -A CPU WALL
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

for c in $CASES; do
  echo "== case $c: generating $((N * N)) tiles of 256 x 256 pixels and 15 polygons" >&2
  t0=$(now_ns)
  "gen_$c"
  psql -X -q -v ON_ERROR_STOP=1 -c "CREATE INDEX ON ${c}_tiles USING gist (ST_ConvexHull(rast)); CREATE INDEX ON ${c}_tiles USING gist (ST_Envelope(rast)); CREATE INDEX ON ${c}_zone USING gist (geom); ANALYZE ${c}_tiles; ANALYZE ${c}_zone;"
  echo "   generated in $(( ($(now_ns) - t0) / 1000000 )) ms" >&2
  psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
SELECT '$c: tiles ' || count(*) || ', pixels ' || sum(ST_Width(rast)::bigint * ST_Height(rast))
       || ', stored ' || pg_size_pretty(sum(pg_column_size(rast))) || ' (raw ' || pg_size_pretty(sum(ST_Width(rast)::bigint * ST_Height(rast))) || ')'
       || ', nodata ' || round(100.0 * (SELECT sum(count) FROM (SELECT (ST_ValueCount(rast, 1, false, ARRAY[0.0])).count FROM ${c}_tiles) v) / sum(ST_Width(rast)::bigint * ST_Height(rast)), 2) || ' %'
FROM ${c}_tiles;
SELECT '$c: polygons ' || count(*) || ', rings ' || sum(ST_NRings(geom)) || ', vertices ' || sum(ST_NPoints(geom))
       || ', parts ' || min(ST_NumGeometries(geom)) || '..' || max(ST_NumGeometries(geom)) || ', all valid ' || bool_and(ST_IsValid(geom))
FROM ${c}_zone;
SQL

  IJOIN="${c}_zone z JOIN ${c}_tiles t ON ST_Intersects(t.rast, z.geom)"
  HJOIN="${c}_zone z JOIN ${c}_tiles t ON ST_ConvexHull(t.rast) OPERATOR(public.&&) z.geom"
  BJOIN="${c}_zone z JOIN ${c}_tiles t ON ST_Envelope(t.rast) OPERATOR(public.&&) z.geom"
  declare -A SQLS=(
    [floor]="SELECT sum(ST_Value(rast, 1, 1, 1)) FROM ${c}_tiles"
    [join]="SELECT z.id, count(*) FROM $IJOIN GROUP BY z.id"
    [postgis]="SELECT id, (vc).value::int AS code, sum((vc).count) AS n FROM (SELECT z.id, ST_ValueCount(ST_Clip(t.rast, z.geom)) AS vc FROM $IJOIN) s GROUP BY 1, 2"
    [center_i]="SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS a FROM $IJOIN GROUP BY z.id"
    [center_h]="SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS a FROM $HJOIN GROUP BY z.id"
    [center]="SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') AS a FROM $BJOIN GROUP BY z.id"
    [exact]="SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'exact') AS a FROM $BJOIN GROUP BY z.id"
  )
  ORDER="floor join postgis center_i center_h center exact"
  # warm-up: load the libraries, read every tile and polygon once
  for k in $ORDER; do q "SELECT count(*) FROM (${SQLS[$k]}) w WHERE w::text IS NOT NULL" >/dev/null; done
  for k in $ORDER; do CPU[$k]=""; WALL[$k]=""; done
  for rep in $(seq 1 "$REPS"); do
    for k in $ORDER; do
      c0=$(cpu_ns); w0=$(now_ns)
      out=$(q "SELECT count(*) FROM (${SQLS[$k]}) w WHERE w::text IS NOT NULL")
      w1=$(now_ns); c1=$(cpu_ns)
      case $out in ERROR*) echo "$k: $out" >&2; exit 1 ;; esac
      CPU[$k]+=" $(( (c1 - c0) / 1000 ))"
      WALL[$k]+=" $(( (w1 - w0) / 1000 ))"
    done
  done
  declare -A MC MW
  for k in $ORDER; do
    MC[$k]=$(echo "${CPU[$k]}" | median)
    MW[$k]=$(echo "${WALL[$k]}" | median)
  done
  # fresh connection: connect, run center on the recommended join, exit
  FRESH=""
  for rep in 1 2 3; do
    w0=$(now_ns)
    psql -X -At -v ON_ERROR_STOP=1 -c "SELECT count(*) FROM (${SQLS[center]}) w WHERE w::text IS NOT NULL" >/dev/null
    FRESH+=" $(( ($(now_ns) - w0) / 1000 ))"
  done
  MF=$(echo "$FRESH" | median)
  # parallel plans allowed (the planner's choice), then forced (parallel
  # costs 0): the plan's shape, and wall times (median)
  plan_of() { q "EXPLAIN (COSTS OFF) $1" | { grep -oE 'Gather|Partial|Parallel [A-Za-z ]+Scan on [a-z_]+' || true; } | sort | uniq -c | tr -s ' ' | paste -sd','; }
  pwall() {
    local v="" rep w0
    for rep in $(seq 1 "$REPS"); do
      w0=$(now_ns)
      q "SELECT count(*) FROM ($1) w WHERE w::text IS NOT NULL" >/dev/null
      v+=" $(( ($(now_ns) - w0) / 1000 ))"
    done
    echo "$v" | median
  }
  q "SET max_parallel_workers_per_gather = 2" >/dev/null
  PLAN=$(plan_of "${SQLS[center]}")
  declare -A PW
  PW[center]=$(pwall "${SQLS[center]}")
  PW[exact]=$(pwall "${SQLS[exact]}")
  q "SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0" >/dev/null
  FPLAN=$(plan_of "${SQLS[center]}")
  PW[forced]=$(pwall "${SQLS[center]}")
  q "RESET max_parallel_workers_per_gather; RESET parallel_setup_cost; RESET parallel_tuple_cost; RESET min_parallel_table_scan_size" >/dev/null
  px=$((N * N * 65536))
  {
    echo "$c: medians of $REPS interleaved repetitions, one warm session (backend CPU / wall, ms)"
    for k in $ORDER; do
      awk -v k="$k" -v c="${MC[$k]}" -v w="${MW[$k]}" -v px="$px" \
        'BEGIN { printf "  %-9s %9.1f  %9.1f   %6.2f ns/px (CPU)\n", k, c / 1000, w / 1000, c * 1000 / px }'
    done
    awk -v f="${MC[floor]}" -v p="${MC[postgis]}" -v ci="${MC[center_i]}" -v ch="${MC[center_h]}" -v ce="${MC[center]}" -v e="${MC[exact]}" -v fr="$MF" 'BEGIN {
      printf "  PostGIS / center = %.1fx (ST_Intersects join: %.1fx; ST_ConvexHull box join: %.1fx); exact / center = %.2fx; center / floor = %.2fx\n", p / ce, p / ci, p / ch, e / ce, ce / f
      printf "  fresh connection (psql start, center, exit; wall, median of 3): %.1f ms\n", fr / 1000 }'
    echo "  parallel plans allowed (2 workers per gather), wall, median of $REPS: center $(awk -v x="${PW[center]}" 'BEGIN { printf "%.1f", x / 1000 }') ms, exact $(awk -v x="${PW[exact]}" 'BEGIN { printf "%.1f", x / 1000 }') ms (serial wall: center $(awk -v x="${MW[center]}" 'BEGIN { printf "%.1f", x / 1000 }') ms); plan of center: ${PLAN:-no parallel node}"
    echo "  parallel plan forced (parallel costs 0), wall, median of $REPS: center $(awk -v x="${PW[forced]}" 'BEGIN { printf "%.1f", x / 1000 }') ms; plan: ${FPLAN:-no parallel node}"
    # the warm session's backend after all its queries: peak resident size
    # (includes the shared buffers it touched) and private memory
    echo "  session backend memory: $(grep -E '^(VmHWM|RssAnon)' "/proc/$BPID/status" | tr -s ' \t' ' ' | paste -sd' ')"
  } | tee -a "${ZONAL_REPORT:-/dev/null}"

  # results: center vs PostGIS, exact vs polygon area
  psql -X -q -At -v ON_ERROR_STOP=1 <<SQL
SET client_min_messages = warning;
CREATE TEMP TABLE r_center AS ${SQLS[center]};
CREATE TEMP TABLE r_center_i AS ${SQLS[center_i]};
CREATE TEMP TABLE r_exact AS ${SQLS[exact]};
CREATE TEMP TABLE r_postgis AS ${SQLS[postgis]};
CREATE TEMP TABLE r_center_h AS ${SQLS[center_h]};
SET max_parallel_workers_per_gather = 2;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
CREATE TEMP TABLE r_center_p AS ${SQLS[center]};
CREATE TEMP TABLE r_exact_p AS ${SQLS[exact]};
RESET ALL;
SET client_min_messages = warning;
SELECT '  center (ST_Envelope join) == center (ST_Intersects join): ' || bool_and(a.a = b.a) || ', == center (ST_ConvexHull join): ' || bool_and(a.a = h.a)
       || ', == center (parallel plan forced): ' || bool_and(a.a = p.a) || ' (' || count(*) || ' polygons)'
FROM r_center a JOIN r_center_i b USING (id) JOIN r_center_h h USING (id) JOIN r_center_p p USING (id);
SELECT '  exact (parallel plan forced) == exact (serial): ' || bool_and(a.a = b.a) || ' (max |rel diff| of the class areas '
       || coalesce(max(abs(x.value::float8 / nullif(y.value::float8, 0) - 1)), 0) || ')'
FROM r_exact a JOIN r_exact_p b USING (id), jsonb_each_text(a.a) x, jsonb_each_text(b.a) y WHERE x.key = y.key;
WITH ours AS (SELECT id, key::int AS code, round(value::numeric * 1e4 / 900) AS n FROM r_center, jsonb_each_text(a) WHERE key <> 'nodata'),
     d AS (SELECT coalesce(o.id, p.id) id, coalesce(o.code, p.code) code, coalesce(o.n, 0) AS ours, coalesce(p.n, 0) AS postgis
           FROM ours o FULL JOIN r_postgis p ON o.id = p.id AND o.code = p.code)
SELECT '  center == PostGIS: ' || bool_and(ours = postgis) || ' (' || count(*) FILTER (WHERE ours <> postgis) || ' of ' || count(*)
       || ' (polygon, class) counts differ; pixels ours ' || sum(ours) || ', PostGIS ' || sum(postgis) || ')' FROM d;
-- where they differ: the pairs (tile, polygon) whose pixel totals differ,
-- and the type of the tile/polygon intersection ST_Clip rasterizes (its
-- line and point parts get burnt too, counting pixels outside the polygon)
WITH pp AS (
  SELECT z.id, t.tid, ST_GeometryType(ST_Intersection(ST_Envelope(t.rast), z.geom)) AS gt,
         coalesce((SELECT sum(count) FROM ST_ValueCount(ST_Clip(t.rast, z.geom), 1, true)), 0) AS postgis,
         (SELECT round((SELECT sum(value::float8) FROM jsonb_each_text(a) WHERE key <> 'nodata')::numeric * 1e4 / 900)
            FROM (SELECT ecocomp.landuse_area(x.r, z.geom, 1, 'center') AS a FROM (SELECT t.rast AS r) x) q) AS ours
  FROM ${c}_zone z JOIN ${c}_tiles t ON ST_Intersects(t.rast, z.geom)
  WHERE EXISTS (SELECT 1 FROM r_center c CROSS JOIN LATERAL jsonb_each_text(c.a) e LEFT JOIN r_postgis p ON p.id = c.id AND p.code::text = e.key
                WHERE c.id = z.id AND e.key <> 'nodata' AND round(e.value::numeric * 1e4 / 900) IS DISTINCT FROM p.n))
SELECT '  polygons with differing counts, pairs whose pixel totals differ: ' || count(*) FILTER (WHERE ours <> postgis)
       || coalesce(' (' || string_agg(DISTINCT gt, ', ') FILTER (WHERE ours <> postgis) || '; PostGIS - ours = '
                   || sum(postgis - ours) FILTER (WHERE ours <> postgis) || ' pixels)', '')
       || '; pairs with a polygonal intersection that agree: ' || count(*) FILTER (WHERE ours = postgis AND gt IN ('ST_Polygon', 'ST_MultiPolygon'))
       || ' of ' || count(*) FILTER (WHERE gt IN ('ST_Polygon', 'ST_MultiPolygon'))
FROM pp HAVING count(*) > 0;
SELECT '  exact total / polygon area inside the raster: max |rel err| = ' ||
       max(abs((SELECT sum(value::float8) FROM jsonb_each_text(e.a)) * 1e4
               / ST_Area(ST_Intersection(z.geom, (SELECT ST_Union(ST_Envelope(rast)) FROM ${c}_tiles))) - 1))
FROM r_exact e JOIN ${c}_zone z USING (id);
SQL
done
printf '\\q\n' >&7 || true
exec 7>&- 8<&-
wait

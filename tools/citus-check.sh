#!/usr/bin/env bash
# tools/citus-check.sh CITUS_SOURCE_TREE
#
# Push-down check of every ecocomp aggregate under Citus (docs/citus.md).
# Not part of the test suite or CI: Citus is not packaged for Debian 12, so
# it needs a Citus 13.2.x source tree (git archive of a v13.2.x tag), given
# as the argument.  The command
#   1. builds Citus in that tree (configure once, then make) and installs it
#      into a private copy of the PostgreSQL tree next to ecocomp, as the
#      test command does (tools/pgenv.sh eco_stage): nothing is installed
#      system-wide;
#   2. starts a coordinator and two workers, each listening only on a unix
#      socket in a temporary directory, as the unprivileged server user;
#   3. installs citus, postgis, postgis_raster and ecocomp, loads the same
#      small data set as local tables (the single-node reference) and as
#      distributed tables (tiles by tile id with the other year co-located,
#      polygons as a reference table; and tiles and polygons co-located by
#      region id, border tiles copied into each region);
#   4. for every ecocomp aggregate and overload, checks the plan shape
#      (partial aggregation on the workers, worker_partial_agg, combined on
#      the coordinator, coord_combine_agg; or, grouped by the distribution
#      column, the whole aggregate inside the worker query) and that the
#      results equal the single-node ones (centre counts exactly, areas and
#      values to 1e-9 relative: the partial sums are added in another order);
#   5. checks ecocomp.reference_checksum() is equal on all nodes, and that it
#      notices a coefficient change made on the coordinator only;
#   6. stops every server and removes the directory, pass or fail.
# It prints one line per check and ends with "N passed, N failed".
#
# Citus 13.2.2 does not compile against PostgreSQL 15.20 headers, which
# declare have_createdb_privilege() (dbcommands.h) while Citus keeps a static
# copy of it in src/include/pg_version_compat.h for PostgreSQL < 16.  When the
# server headers declare it, this command inserts one line into the given
# tree, before that copy, and says so:
#   #define have_createdb_privilege citus_compat_have_createdb_privilege
#
# Build dependencies (Debian 12), not installed by tools/provision.sh:
# libcurl4-openssl-dev, liblz4-dev, libzstd-dev (Citus's configure) and
# libkrb5-dev (the server header libpq/libpq-be.h includes gssapi/gssapi.h);
# see docs/citus.md.
set -uo pipefail
ECOCOMP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ECOCOMP_ROOT" || exit 2

src=${1:-}
if [ -z "$src" ] || [ ! -f "$src/configure" ] || [ ! -f "$src/src/include/pg_version_compat.h" ]; then
  echo "usage: $0 CITUS_SOURCE_TREE   (a Citus 13.2.x source tree, e.g. git archive v13.2.2)" >&2
  exit 2
fi
src=$(cd "$src" && pwd)
citus_version=$(sed -n 's/^AC_INIT(\[Citus\], \[\([^]]*\)\]).*/\1/p' "$src/configure.ac")
case $citus_version in
  13.2.*) ;;
  *) echo "citus-check: $src is Citus '${citus_version:-unknown}', not 13.2.x" >&2; exit 2 ;;
esac

# shellcheck source=tools/pgenv.sh
source tools/pgenv.sh
PSQL=$($PG_CONFIG --bindir)/psql
pg_version=$($PG_CONFIG --version)

echo "citus-check: $(date -u '+%Y-%m-%d %H:%M UTC'), Citus $citus_version ($src), $pg_version, ecocomp $(git -C "$ECOCOMP_ROOT" describe --always --dirty 2>/dev/null || echo '?')"

# -- 1. build Citus ------------------------------------------------------------
compat=$src/src/include/pg_version_compat.h
server_inc=$($PG_CONFIG --includedir-server)
if grep -q 'extern bool have_createdb_privilege' "$server_inc/commands/dbcommands.h" 2>/dev/null \
   && grep -q '^have_createdb_privilege(void)' "$compat" \
   && ! grep -q 'citus_compat_have_createdb_privilege' "$compat"; then
  line=$(grep -n '^have_createdb_privilege(void)' "$compat" | head -1 | cut -d: -f1)
  # the definition is "static inline bool" on the line before
  sed -i "$((line - 1))i #define have_createdb_privilege citus_compat_have_createdb_privilege" "$compat"
  echo "citus-check: patched $compat: #define have_createdb_privilege citus_compat_have_createdb_privilege (the PostgreSQL $($PG_CONFIG --version | awk '{print $2}') headers declare it)"
fi

eco_log "building Citus $citus_version in $src"
if [ ! -f "$src/Makefile.global" ]; then
  (cd "$src" && ./configure PG_CONFIG="$PG_CONFIG" >"$src/configure.out" 2>&1) \
    || { tail -30 "$src/configure.out" >&2; echo "citus-check: configure failed"; echo "0 passed, 1 failed"; exit 1; }
fi
# no LLVM bitcode: the private tree links the system's bitcode directory
if ! make -C "$src" -s -j"$(nproc)" with_llvm=no >"$src/make.out" 2>&1; then
  grep -E 'error|Error' "$src/make.out" | head -20 >&2
  echo "citus-check: building Citus failed (see $src/make.out)"
  echo "0 passed, 1 failed"
  exit 1
fi

tmp=$(mktemp -d /tmp/ecocomp-citus.XXXXXX)
chmod 755 "$tmp"
nodes=()
failed_run=0
cleanup() {
  local d
  for d in "${nodes[@]}"; do
    if [ -f "$d/data/postmaster.pid" ]; then
      as_server "$PG_BIN/pg_ctl" -D "$d/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
        || as_server "$PG_BIN/pg_ctl" -D "$d/data" -m immediate -w -t 60 stop >/dev/null 2>&1
    fi
    if [ "$failed_run" != 0 ] && [ -f "$d/server.log" ]; then
      echo "--- last lines of $(basename "$d")/server.log"
      grep -v -E "LOG:|DETAIL:  max_prep" "$d/server.log" | tail -8
    fi
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

eco_log "building ecocomp and staging a private tree in $tmp"
eco_build || { echo "0 passed, 1 failed"; exit 1; }
eco_stage "$tmp"
make -C "$src" -s install with_llvm=no DESTDIR="$tmp/citus-inst" >/dev/null 2>&1 \
  || { echo "citus-check: installing Citus into $tmp/citus-inst failed"; echo "0 passed, 1 failed"; exit 1; }
pkglibdir=$($PG_CONFIG --pkglibdir)
sharedir=$($PG_CONFIG --sharedir)
for f in "$tmp/citus-inst$pkglibdir"/*.so; do
  cp "$f" "$tmp/pg$pkglibdir/"
done
for f in "$tmp/citus-inst$sharedir"/extension/*; do
  rm -f "$tmp/pg$sharedir/extension/$(basename "$f")"
  cp "$f" "$tmp/pg$sharedir/extension/"
done

# -- 2. three nodes ----------------------------------------------------------
eco_ensure_server_user
port=$((40000 + RANDOM % 10000))
node_start() {  # NAME PORT
  local d=$tmp/$1
  mkdir -p "$d/data" "$d/sock"
  chmod 755 "$d"
  if [ "$(id -u)" -eq 0 ]; then chown "$ECOCOMP_PGUSER" "$d" "$d/data" "$d/sock"; fi
  as_server "$PG_BIN/initdb" -D "$d/data" -U postgres -A trust --no-sync \
    --encoding=UTF8 --locale=C.UTF-8 >"$tmp/initdb-$1.log" 2>&1 \
    || { cat "$tmp/initdb-$1.log" >&2; return 1; }
  cat >>"$d/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$d/sock'
port = $2
shared_preload_libraries = 'citus'
max_connections = 100
max_worker_processes = 16
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 128MB
jit = off
log_min_messages = warning
# inter-node connections go over unix sockets, where SSL does not exist
citus.node_conninfo = 'sslmode=disable'
# keep connections to the workers open between queries (docs/citus.md)
citus.max_cached_conns_per_worker = 2
citus.shard_count = 4
CONF
  nodes+=("$d")
  as_server "$PG_BIN/pg_ctl" -D "$d/data" -l "$d/server.log" -w -t 120 start >/dev/null \
    || { cat "$d/server.log" >&2; return 1; }
}
eco_log "starting a coordinator and two workers on unix sockets in $tmp"
for n in coord:$port w1:$((port + 1)) w2:$((port + 2)); do
  if ! node_start "${n%%:*}" "${n##*:}"; then failed_run=1; echo "0 passed, 1 failed"; exit 1; fi
done
q() {  # NODE SQL...: psql on a node, tuples only, stop on the first error
  local d=$tmp/$1 p
  case $1 in coord) p=$port ;; w1) p=$((port + 1)) ;; w2) p=$((port + 2)) ;; esac
  shift
  "$PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$d/sock" -p "$p" -U postgres -d postgres "$@"
}
for n in coord w1 w2; do
  q "$n" -c "CREATE EXTENSION citus" || { failed_run=1; echo "0 passed, 1 failed"; exit 1; }
done
if ! q coord >/dev/null <<SQL
SELECT citus_set_coordinator_host('$tmp/coord/sock', $port);
SELECT citus_add_node('$tmp/w1/sock', $((port + 1)));
SELECT citus_add_node('$tmp/w2/sock', $((port + 2)));
SET client_min_messages = warning;
-- propagated to the workers by Citus
CREATE EXTENSION postgis;
CREATE EXTENSION postgis_raster;
CREATE EXTENSION ecocomp;
SQL
then failed_run=1; echo "0 passed, 1 failed"; exit 1; fi
echo "citus-check: nodes $(q coord -c "SELECT string_agg(format('%s:%s', nodename, nodeport), ', ' ORDER BY nodeid) FROM pg_dist_node"), citus $(q coord -c "SELECT extversion FROM pg_extension WHERE extname = 'citus'"), ecocomp on workers: $(q coord -c "SELECT string_agg(result, ',') FROM run_command_on_workers(\$\$SELECT extversion FROM pg_extension WHERE extname = 'ecocomp'\$\$)")"

# -- 3. data, single-node reference, distributed copies -----------------------
eco_log "loading the data"
if ! q coord >/dev/null <<'SQL'
SET client_min_messages = warning;
-- A 200 x 160 raster of 30 m pixels with CNLUCC codes and nodata (0) for
-- two years, 32 x 32 tiles (35 per year, tile id = position), six zones,
-- two regions of three zones each.
CREATE TABLE l_full AS
SELECT yr, ST_SetValues(
	ST_AddBand(ST_MakeEmptyRaster(200, 160, 500000, 4000000, 30, -30, 0, 0, 32650), '8BUI'::text, 0, 0),
	1, 1, 1,
	(SELECT array_agg(r ORDER BY y) FROM (
		SELECT y, array_agg(CASE WHEN (x * 7 + y * 13 + yr) % 17 = 0 THEN 0
		                         ELSE (ARRAY[11,12,21,22,23,31,41,42,51,52,61,67])[1 + (x / 9 + y / 11 + (x * y + yr) % 3) % 12] END
		                    ORDER BY x) AS r
		FROM generate_series(0, 159) y, generate_series(0, 199) x GROUP BY y) s)::double precision[][]) AS rast
FROM generate_series(1, 2) yr;
CREATE TABLE l_tiles AS SELECT row_number() OVER () AS tid, rast FROM (SELECT ST_Tile(rast, 32, 32) AS rast FROM l_full WHERE yr = 1) s;
CREATE TABLE l_tiles2 AS SELECT row_number() OVER () AS tid, rast FROM (SELECT ST_Tile(rast, 32, 32) AS rast FROM l_full WHERE yr = 2) s;
CREATE TABLE l_zones AS
SELECT i AS id, 1 + i / 3 AS region_id,
	ST_Buffer(ST_SetSRID(ST_MakePoint(500700 + 900 * (i % 3), 3998800 - 1600 * (i / 3)), 32650), 650 + 13 * i, 64) AS geom
FROM generate_series(0, 5) i;
-- the same tile grid under the region layout: every tile that touches a
-- zone of the region, so border tiles are copied into both regions
CREATE TABLE l_rtiles AS
SELECT DISTINCT z.region_id, t.tid, t.rast FROM l_tiles t JOIN l_zones z ON ST_Intersects(t.rast, z.geom);
CREATE TABLE l_rzones AS SELECT region_id, id, geom FROM l_zones;

-- vcs_deficit: 40 pixels x 9 years, destroyed 2004, restored 2008 for even ids
CREATE TABLE l_px AS
SELECT row_number() OVER () AS rid, id, year, 100 + 10 * (year - 2001) + id - CASE WHEN id % 2 = 0 AND year BETWEEN 2004 AND 2007 THEN 90 ELSE 0 END AS vcs,
	CASE WHEN id % 2 = 0 THEN 2004 END AS destroyed, CASE WHEN id % 2 = 0 THEN 2008 END AS restored
FROM generate_series(1, 40) id, generate_series(2001, 2009) year;
-- weighted_stats: 400 values in 5 groups
CREATE TABLE l_ws AS SELECT i AS rid, i % 5 AS grp, sin(i) * 100 AS value, 1 + (i % 7) AS weight FROM generate_series(1, 400) i;
-- water: 38 districts in 4 zones
CREATE TABLE l_district AS
SELECT d AS district, d % 4 AS zone,
	ecocomp.water_footprint(0.029 * (40 + d), 2912 * 100 * (40 + d), 2912 * (300 + 40 * d)) AS ef,
	ecocomp.water_compensation(1000 * d, 20000) AS balance
FROM generate_series(1, 38) d;
-- vcs_trend: 9 tile positions (3 x 3 pixels) x 12 years
CREATE TABLE l_vt AS
SELECT row_number() OVER () AS rid, p AS pos, y AS year,
	ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(3, 3, 90 * p, 90, 30, -30, 0, 0, 32650), '32BF'::text, 0, -1), 1, 1, 1,
		ARRAY[[y * 2 + p, 500 - y, 7], [(y * 37 + p) % 11, y, -1], [y * y % 13, 3 * y, p]]::double precision[][]) AS rast
FROM generate_series(0, 8) p, generate_series(2001, 2012) y;
-- npp_background: 20 pairs of a 3 x 2 coarse NPP tile (90 m) and a 7 x 6
-- disturbance tile (30 m); pixel C (40 + g) is entirely destroyed from 2001
CREATE TABLE l_pairs AS
SELECT g,
	ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 180, 90, -90, 0, 0, 32650), '32BF'::text, 0, -1), 1, 1, 1,
		ARRAY[[300, 200, 500], [40 + g, -1, 500]]::double precision[][]) AS npp,
	ST_SetValues(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(7, 6, 0, 180, 30, -30, 0, 0, 32650), '16BUI'::text, 0, 0), '16BUI'::text, 0, NULL), 1, 1, 1,
		ARRAY[[2009, 2009, 2009, 0, 0, 0, 0], [2005, 2011, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
		      [2001, 2001, 2001, 0, 0, 0, 0], [2001, 2001, 2001, 0, 0, 0, 0], [2001, 2001, 2001, 0, 0, 0, 0]]::double precision[][]) AS dist
FROM generate_series(1, 20) g;

-- distributed copies
CREATE TABLE d_tiles AS SELECT * FROM l_tiles;
CREATE TABLE d_tiles2 AS SELECT * FROM l_tiles2;
CREATE TABLE d_zones AS SELECT * FROM l_zones;
CREATE TABLE d_rtiles AS SELECT * FROM l_rtiles;
CREATE TABLE d_rzones AS SELECT * FROM l_rzones;
CREATE TABLE d_px AS SELECT * FROM l_px;
CREATE TABLE d_ws AS SELECT * FROM l_ws;
CREATE TABLE d_district AS SELECT * FROM l_district;
CREATE TABLE d_vt AS SELECT * FROM l_vt;
CREATE TABLE d_pairs AS SELECT * FROM l_pairs;
-- layout 1: tiles by tile id, the other year co-located, polygons a reference table
SELECT create_distributed_table('d_tiles', 'tid');
SELECT create_distributed_table('d_tiles2', 'tid', colocate_with => 'd_tiles');
SELECT create_reference_table('d_zones');
-- layout 2: tiles and polygons co-located by region
SELECT create_distributed_table('d_rtiles', 'region_id');
SELECT create_distributed_table('d_rzones', 'region_id', colocate_with => 'd_rtiles');
-- the other aggregates: distributed by a row id, grouped by something else
SELECT create_distributed_table('d_px', 'rid');
SELECT create_distributed_table('d_ws', 'rid');
SELECT create_distributed_table('d_district', 'district');
SELECT create_distributed_table('d_vt', 'rid');
SELECT create_distributed_table('d_pairs', 'g');
SELECT truncate_local_data_after_distributing_table(t)
FROM unnest('{d_tiles,d_tiles2,d_zones,d_rtiles,d_rzones,d_px,d_ws,d_district,d_vt,d_pairs}'::regclass[]) t;

-- near(a, b): equal JSON, numbers to 1e-9 relative
CREATE FUNCTION near(a jsonb, b jsonb) RETURNS boolean LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
	IF jsonb_typeof(a) IS DISTINCT FROM jsonb_typeof(b) THEN RETURN false; END IF;
	CASE jsonb_typeof(a)
	WHEN 'number' THEN
		RETURN abs(a::text::float8 - b::text::float8) <= 1e-9 * greatest(1, abs(a::text::float8), abs(b::text::float8));
	WHEN 'object' THEN
		RETURN (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(a) k) IS NOT DISTINCT FROM (SELECT array_agg(k ORDER BY k) FROM jsonb_object_keys(b) k)
			AND coalesce((SELECT bool_and(near(a -> k, b -> k)) FROM jsonb_object_keys(a) k), true);
	WHEN 'array' THEN
		RETURN jsonb_array_length(a) = jsonb_array_length(b)
			AND coalesce((SELECT bool_and(near(a -> i, b -> i)) FROM generate_series(0, jsonb_array_length(a) - 1) i), true);
	ELSE
		RETURN a = b;
	END CASE;
END $$;
DO $$ BEGIN
	IF near('{"a": [1, {"b": 2}]}', '{"a": [1, {"b": 2.000001}]}') OR near('{"a": 1}', '{"a": 1, "b": 1}')
	   OR NOT near('{"a": [1e6, null, "x"]}', '{"a": [1000000.0000001, null, "x"]}') THEN
		RAISE EXCEPTION 'near() is broken';
	END IF;
END $$;

-- check(name, mode, local query, distributed query): the queries return
-- (k, v jsonb); mode 'partial': the plan has worker_partial_agg in the task
-- query and coord_combine_agg on the coordinator; 'pushdown': the aggregate
-- runs whole in the task query, nothing combines on the coordinator.
CREATE TABLE results (name text, mode text, plan_ok boolean, equal boolean, n_groups int, detail text);
CREATE TABLE info (name text, detail text);
CREATE FUNCTION check_agg(name text, mode text, agg text, lq text, dq text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
	plan text; r record; lres jsonb := '{}'; dres jsonb := '{}'; ok boolean;
BEGIN
	SELECT string_agg(p, E'\n') INTO plan FROM (SELECT * FROM ck_explain(dq)) s(p);
	IF mode = 'partial' THEN
		ok := plan ~ 'coord_combine_agg' AND plan ~ ('worker_partial_agg\(''ecocomp\.' || agg) AND plan ~ 'Citus Adaptive';
	ELSE
		ok := plan !~ 'coord_combine_agg' AND plan !~ 'worker_partial_agg' AND plan ~ ('ecocomp\.' || agg || '\(') AND plan ~ 'Citus Adaptive';
	END IF;
	FOR r IN EXECUTE lq LOOP lres := lres || jsonb_build_object(r.k::text, r.v); END LOOP;
	FOR r IN EXECUTE dq LOOP dres := dres || jsonb_build_object(r.k::text, r.v); END LOOP;
	INSERT INTO results VALUES (name, mode, ok, near(lres, dres) AND jsonb_path_exists(lres, '$.** ? (@.type() == "number")'),
		(SELECT count(*) FROM jsonb_object_keys(lres)), CASE WHEN NOT ok THEN plan END);
END $$;
CREATE FUNCTION ck_explain(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
	RETURN QUERY EXECUTE 'EXPLAIN (VERBOSE, COSTS OFF) ' || q;
END $$;
SQL
then failed_run=1; echo "0 passed, 1 failed"; exit 1; fi

# -- 4. the checks --------------------------------------------------------------
eco_log "running the push-down checks"
# NAME|MODE|AGGREGATE|SQL with {T} for the table prefix (l_ single node, d_ distributed)
checks=$(cat <<'EOF'
landuse_area(rast, geom) exact|partial|landuse_area|SELECT z.id AS k, to_jsonb(ecocomp.landuse_area(t.rast, z.geom)) AS v FROM {T}tiles t JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
landuse_area(rast, geom, band)|partial|landuse_area|SELECT z.id AS k, to_jsonb(ecocomp.landuse_area(t.rast, z.geom, 1)) AS v FROM {T}tiles t JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
landuse_area(..., 'exact')|partial|landuse_area|SELECT z.id AS k, to_jsonb(ecocomp.landuse_area(t.rast, z.geom, 1, 'exact')) AS v FROM {T}tiles t JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
landuse_area(..., 'center')|partial|landuse_area|SELECT z.id AS k, to_jsonb(ecocomp.landuse_area(t.rast, z.geom, 1, 'center')) AS v FROM {T}tiles t JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
landuse_area center, no GROUP BY|partial|landuse_area|SELECT 0 AS k, to_jsonb(ecocomp.landuse_area(t.rast, z.geom, 1, 'center')) AS v FROM {T}tiles t JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) WHERE z.id = 4
landuse_transition(from, to, geom) exact|partial|landuse_transition|SELECT z.id AS k, to_jsonb(ecocomp.landuse_transition(t.rast, u.rast, z.geom)) AS v FROM {T}tiles t JOIN {T}tiles2 u ON u.tid = t.tid JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
landuse_transition(..., band)|partial|landuse_transition|SELECT z.id AS k, to_jsonb(ecocomp.landuse_transition(t.rast, u.rast, z.geom, 1)) AS v FROM {T}tiles t JOIN {T}tiles2 u ON u.tid = t.tid JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
landuse_transition(..., 'center')|partial|landuse_transition|SELECT z.id AS k, to_jsonb(ecocomp.landuse_transition(t.rast, u.rast, z.geom, 1, 'center')) AS v FROM {T}tiles t JOIN {T}tiles2 u ON u.tid = t.tid JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
esv_value(rast, geom, ea)|partial|esv_value|SELECT z.id AS k, to_jsonb(ecocomp.esv_value(t.rast, z.geom, 3000)) AS v FROM {T}tiles t JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
esv_value(..., classification)|partial|esv_value|SELECT z.id AS k, to_jsonb(ecocomp.esv_value(t.rast, z.geom, 3000, 'cnlucc')) AS v FROM {T}tiles t JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
esv_value(..., scheme)|partial|esv_value|SELECT z.id AS k, to_jsonb(ecocomp.esv_value(t.rast, z.geom, 3000, 'cnlucc', 'xie2008')) AS v FROM {T}tiles t JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
esv_value(..., band)|partial|esv_value|SELECT z.id AS k, to_jsonb(ecocomp.esv_value(t.rast, z.geom, 3000, 'cnlucc', 'xie2015', 1)) AS v FROM {T}tiles t JOIN {T}zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id
vcs_deficit|partial|vcs_deficit|SELECT id AS k, to_jsonb(ecocomp.vcs_deficit(year, vcs, destroyed, restored)) AS v FROM {T}px GROUP BY id
weighted_stats|partial|weighted_stats|SELECT grp AS k, to_jsonb(ecocomp.weighted_stats(value, weight)) AS v FROM {T}ws GROUP BY grp
water_footprint_sum|partial|water_footprint_sum|SELECT zone AS k, to_jsonb(ecocomp.water_footprint_sum(ef)) AS v FROM {T}district GROUP BY zone
water_balance_sum|partial|water_balance_sum|SELECT zone AS k, to_jsonb(ecocomp.water_balance_sum(balance)) AS v FROM {T}district GROUP BY zone
vcs_trend(rast, year)|partial|vcs_trend|SELECT pos AS k, jsonb_build_array(to_jsonb(ST_DumpValues(ecocomp.vcs_trend(rast, year), 1)), to_jsonb(ST_DumpValues(ecocomp.vcs_trend(rast, year), 2))) AS v FROM {T}vt GROUP BY pos
vcs_trend(rast, year, band)|partial|vcs_trend|SELECT pos AS k, jsonb_build_array(to_jsonb(ST_DumpValues(ecocomp.vcs_trend(rast, year, 1), 1)), to_jsonb(ST_DumpValues(ecocomp.vcs_trend(rast, year, 1), 2))) AS v FROM {T}vt GROUP BY pos
npp_background(npp, dist, year)|partial|npp_background|SELECT y AS k, to_jsonb(ecocomp.npp_background(npp, dist, y)) AS v FROM {T}pairs, (VALUES (2001), (2010)) s(y) GROUP BY y
npp_background(..., npp_band)|partial|npp_background|SELECT 2010 AS k, to_jsonb(ecocomp.npp_background(npp, dist, 2010, 1)) AS v FROM {T}pairs
region layout: landuse_area exact|pushdown|landuse_area|SELECT z.id AS k, to_jsonb(ecocomp.landuse_area(t.rast, z.geom)) AS v FROM {T}rtiles t JOIN {T}rzones z ON z.region_id = t.region_id AND ST_Intersects(t.rast, z.geom) GROUP BY z.region_id, z.id
region layout: landuse_area center|pushdown|landuse_area|SELECT z.id AS k, to_jsonb(ecocomp.landuse_area(t.rast, z.geom, 1, 'center')) AS v FROM {T}rtiles t JOIN {T}rzones z ON z.region_id = t.region_id AND ST_Intersects(t.rast, z.geom) GROUP BY z.region_id, z.id
region layout: esv_value|pushdown|esv_value|SELECT z.id AS k, to_jsonb(ecocomp.esv_value(t.rast, z.geom, 3000)) AS v FROM {T}rtiles t JOIN {T}rzones z ON z.region_id = t.region_id AND ST_Intersects(t.rast, z.geom) GROUP BY z.region_id, z.id
EOF
)
# the region layout must equal the single-node result of the tile layout
ref_query() { sed -e 's/{T}rtiles/l_tiles/; s/{T}rzones/l_zones/; s/z.region_id = t.region_id AND //; s/GROUP BY z.region_id, z.id/GROUP BY z.id/; s/{T}/l_/g' <<<"$1"; }
# run_check NAME MODE AGGREGATE LOCAL_SQL DISTRIBUTED_SQL (psql interpolates
# variables only in its input, not in -c); an error is a failed check
run_check() {
  if ! q coord -v name="$1" -v mode="$2" -v agg="$3" -v lq="$4" -v dq="$5" >/dev/null 2>"$tmp/err" <<<"SELECT check_agg(:'name', :'mode', :'agg', :'lq', :'dq');"; then
    q coord -v name="$1" -v mode="$2" -v err="$(grep -v '^CONTEXT' "$tmp/err" | head -3)" <<<"INSERT INTO results VALUES (:'name', :'mode', false, false, 0, :'err');"
  fi
}
while IFS='|' read -r name mode agg sql; do
  [ -n "$name" ] || continue
  lq=$(ref_query "$sql")
  dq=${sql//\{T\}/d_}
  run_check "$name" "$mode" "$agg" "$lq" "$dq"
done <<<"$checks"

# -- 5. coefficient tables on every node ------------------------------------------
q coord >/dev/null 2>"$tmp/err" <<'SQL' || { echo "citus-check: the reference_checksum checks failed:"; cat "$tmp/err"; }
-- the same rows everywhere after CREATE EXTENSION
INSERT INTO results
SELECT 'reference_checksum equal on all nodes', 'nodes', count(*) = 3 AND bool_and(success), count(DISTINCT result) = 1, count(*), string_agg(DISTINCT result, ' ')
FROM run_command_on_all_nodes('SELECT ecocomp.reference_checksum()');
-- a user scheme added on the coordinator only is noticed ...
SELECT ecocomp.copy_esv_scheme('xie2015', 'citus_check');
INSERT INTO results
SELECT 'coordinator-only scheme noticed', 'nodes', count(*) = 3 AND bool_and(success), count(DISTINCT result) = 2, count(*),
	(SELECT string_agg(table_name, ',') FROM ecocomp.reference_checksums() c
	 WHERE (SELECT bool_and(strpos(w.result, c.checksum) = 0)
	        FROM run_command_on_workers($$SELECT string_agg(checksum, ',') FROM ecocomp.reference_checksums()$$) w))
FROM run_command_on_all_nodes('SELECT ecocomp.reference_checksum()');
-- ... and a query whose final function runs on the workers fails there
DO $$
BEGIN
	PERFORM z.id, ecocomp.esv_value(t.rast, z.geom, 3000, 'cnlucc', 'citus_check')
	FROM d_rtiles t JOIN d_rzones z ON z.region_id = t.region_id AND ST_Intersects(t.rast, z.geom) GROUP BY z.region_id, z.id;
	INSERT INTO results VALUES ('coordinator-only scheme: push-down query fails', 'nodes', false, false, 0, 'no error');
EXCEPTION WHEN OTHERS THEN
	INSERT INTO results VALUES ('coordinator-only scheme: push-down query fails', 'nodes', true, SQLERRM ~ 'citus_check', 0, SQLSTATE || ': ' || SQLERRM);
END $$;
-- (information) a partial aggregate values on the coordinator: does it
-- work with the coordinator-only scheme?
DO $$
BEGIN
	PERFORM z.id, ecocomp.esv_value(t.rast, z.geom, 3000, 'cnlucc', 'citus_check')
	FROM d_tiles t JOIN d_zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id;
	INSERT INTO info VALUES ('partial esv_value with a coordinator-only scheme', 'runs (valued on the coordinator)');
EXCEPTION WHEN OTHERS THEN
	INSERT INTO info VALUES ('partial esv_value with a coordinator-only scheme', SQLSTATE || ': ' || SQLERRM);
END $$;
-- (information) can a coefficient table become a Citus reference table?
DO $$
BEGIN
	PERFORM create_reference_table('ecocomp.esv_factor');
	INSERT INTO info VALUES ('create_reference_table(''ecocomp.esv_factor'')', 'accepted');
EXCEPTION WHEN OTHERS THEN
	INSERT INTO info VALUES ('create_reference_table(''ecocomp.esv_factor'')', SQLSTATE || ': ' || SQLERRM);
END $$;
-- ... and, added on the workers as well, agrees again; the region layout
-- (final function on the workers) then values with it
SELECT * FROM run_command_on_workers($$SELECT ecocomp.copy_esv_scheme('xie2015', 'citus_check')$$);
INSERT INTO results
SELECT 'reference_checksum equal after run_command_on_workers', 'nodes', count(*) = 3 AND bool_and(success), count(DISTINCT result) = 1, count(*), NULL
FROM run_command_on_all_nodes('SELECT ecocomp.reference_checksum()');
SQL
name='region layout: esv_value, user scheme on all nodes'
sql="SELECT z.id AS k, to_jsonb(ecocomp.esv_value(t.rast, z.geom, 3000, 'cnlucc', 'citus_check')) AS v FROM {T}rtiles t JOIN {T}rzones z ON z.region_id = t.region_id AND ST_Intersects(t.rast, z.geom) GROUP BY z.region_id, z.id"
run_check "$name" pushdown esv_value "$(ref_query "$sql")" "${sql//\{T\}/d_}"

# -- report ---------------------------------------------------------------------
q coord -F ' ' -c "SELECT CASE WHEN plan_ok AND equal THEN 'ok  ' ELSE 'FAIL' END, rpad(name, 55), rpad(mode, 8),
	CASE WHEN mode = 'nodes' THEN 'check=' || CASE WHEN plan_ok AND equal THEN 'ok' ELSE 'FAILED' END
	     ELSE 'plan=' || CASE WHEN plan_ok THEN 'ok' ELSE 'WRONG' END || ' results=' || CASE WHEN equal THEN 'equal' ELSE 'DIFFER' END
	          || ' (' || n_groups || ' groups)' END,
	CASE WHEN NOT (plan_ok AND equal) OR mode = 'nodes' THEN coalesce(left(detail, 400), '') ELSE '' END
FROM results ORDER BY ctid"
# information, not checks: the worker query of one partial plan, and EXPLAIN
# ANALYZE of such a plan (Citus issue #4043)
echo "--- plan of a partial aggregate (EXPLAIN VERBOSE, excerpt):"
q coord -c "SELECT * FROM ck_explain(\$\$SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') FROM d_tiles t JOIN d_zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id\$\$)" \
  | grep -E 'Aggregate|Citus Adaptive|coord_combine_agg|Task Count|Query:' | sed -E 's/^ *//; s/^(.{200}).*/\1 .../'
echo "--- with ORDER BY inside the aggregate (no partial aggregation: every row goes to the coordinator):"
q coord -c "SELECT * FROM ck_explain(\$\$SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center' ORDER BY t.tid) FROM d_tiles t JOIN d_zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id\$\$)" \
  | grep -E 'Aggregate|Citus Adaptive|coord_combine_agg|Query:' | sed -E 's/^ *//; s/^(.{200}).*/\1 .../'
q coord -F ': ' -c "SELECT '--- ' || name, detail FROM info ORDER BY ctid"
partial_q="SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') FROM d_tiles t JOIN d_zones z ON ST_Intersects(t.rast, z.geom) GROUP BY z.id"
pushdown_q="SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') FROM d_rtiles t JOIN d_rzones z ON z.region_id = t.region_id AND ST_Intersects(t.rast, z.geom) GROUP BY z.region_id, z.id"
explain_analyze() {  # LABEL NODE-SOCKET-DIR PORT QUERY
  echo "--- EXPLAIN ANALYZE of $1:"
  if "$PSQL" -X -q -At -v ON_ERROR_STOP=1 -h "$2" -p "$3" -U postgres -d postgres \
       -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) $4" >"$tmp/ea" 2>&1; then
    echo "  runs: $(head -1 "$tmp/ea" | sed 's/^ *//')"
  else
    sed 's/^/  /' "$tmp/ea" | head -2
  fi
}
explain_analyze "the partial aggregate above" "$tmp/coord/sock" "$port" "$partial_q"
explain_analyze "the same grouped by the distribution column (layout 2)" "$tmp/coord/sock" "$port" "$pushdown_q"
# one task query of the partial aggregate, on its worker
q coord -c "SELECT * FROM ck_explain(\$\$$partial_q\$\$)" >"$tmp/plan"
task_q=$(grep -m1 'Query: ' "$tmp/plan" | sed 's/^ *Query: //')
task_host=$(grep -m1 'Node: host=' "$tmp/plan" | sed -E 's/.*host=([^ ]*) .*/\1/')
task_port=$(grep -m1 'Node: host=' "$tmp/plan" | sed -E 's/.*port=([0-9]*).*/\1/')
explain_analyze "one task query of the partial aggregate, on its worker" "$task_host" "$task_port" "$task_q"
passed=$(q coord -c "SELECT count(*) FROM results WHERE plan_ok AND equal")
failed=$(q coord -c "SELECT count(*) FROM results WHERE NOT (plan_ok AND equal)")
[ "$failed" = 0 ] || failed_run=1
echo "citus-check: Citus $citus_version, $pg_version: $passed passed, $failed failed"
echo "$passed passed, $failed failed"
[ "$failed" = 0 ]

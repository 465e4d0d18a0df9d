#!/usr/bin/env bash
# Province-scale benchmark of out-db rasters (not a test; prints figures).
#
# Data, generated here: a land-use GeoTIFF of LARGE x LARGE pixels of 30 m
# (default 22272^2 = 4.96e8 pixels, EPSG:32650, 8BUI, CNLUCC codes from
# value noise with short runs, 3% nodata; tiled 256 x 256, DEFLATE), a
# second year from another seed, and the SMALL x SMALL corner of the first
# (default 6000^2 = 3.6e7 pixels).  All three are loaded out-db
# (raster2pgsql -R -t 256x256).  About COUNTIES county polygons (default
# 300) tile the large extent: Voronoi cells of jittered seeds whose borders,
# cut every 100 m, are displaced by a smooth field (shared borders stay
# shared, so the counties neither overlap nor leave gaps).
#
# It reports, each query in a fresh backend (no parallel workers):
#   - landuse_area center and exact over every county of each raster:
#     seconds, seconds per million raster pixels, and the ratio of the
#     large to the small per-pixel time (linear: <= 1.3);
#   - the backend's peak memory (VmHWM, RssAnon) of each run;
#   - the raster part of a 2-year account: landuse_transition and
#     esv_value for every county;
#   - the full account refresh for COUNTIES counties x 2 years: an account
#     (ecocomp.create_accounts) with the counties, their statistics and
#     both years' out-db tiles; refresh() from empty, stale() and a second
#     refresh() after one county's boundary moves (only its 2 rows are
#     recomputed: checked), reading city_compensation; wall and backend CPU
#     time of each step.
#
#   bash bench/province.sh            # full size (4 min at load 3 on 2 cores, ~0.6 GB of /tmp)
#   bash bench/province.sh --quick    # 1500^2 and 4500^2 pixels, 30 counties (1-2 min)
#   PROVINCE_SMALL=.. PROVINCE_LARGE=.. PROVINCE_COUNTIES=.. bash bench/province.sh
#
# It builds and installs the extension into a throwaway cluster
# (tools/pgenv.sh) and removes the cluster and every file at the end.
set -euo pipefail
ECOCOMP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ECOCOMP_ROOT"
SMALL=${PROVINCE_SMALL:-6000}
LARGE=${PROVINCE_LARGE:-22272}
COUNTIES=${PROVINCE_COUNTIES:-300}
if [ "${1:-}" = "--quick" ]; then SMALL=1500 LARGE=4500 COUNTIES=30; fi
REPEAT=${PROVINCE_REPEAT:-3}
X0=300000 Y0=4800000

bash tools/provision.sh >/dev/null
# shellcheck source=tools/pgenv.sh
source tools/pgenv.sh
tmp=$(mktemp -d /tmp/ecocomp-province.XXXXXX)
trap 'eco_cluster_stop; rm -rf "$tmp"' EXIT
eco_build
eco_stage "$tmp"
ECOCOMP_EXTRA_CONF="max_parallel_workers_per_gather = 0" eco_cluster_start "$tmp"
data=$tmp/tif			# readable by the server's user ($tmp is 755)
mkdir -m 755 "$data"

# ---- the generator: value noise of three octaves (512, 48 and 6 pixels)
# and a per-pixel jitter, squared and cut into 18 classes; nodata where a
# fourth coarse octave is lowest.  Deterministic per (pixel, seed).
cat >"$tmp/gen.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <gdal.h>
#include <ogr_srs_api.h>
#include <cpl_string.h>

static uint32_t seed;

static double
lat(int64_t i, int64_t j, int o)
{
	uint64_t	h = (uint64_t) i * 0x9E3779B97F4A7C15ULL ^ (uint64_t) j * 0xC2B2AE3D27D4EB4FULL ^
		((uint64_t) (seed + 101 * o) << 17);

	h ^= h >> 31;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 29;
	h *= 0x94D049BB133111EBULL;
	h ^= h >> 32;
	return (h >> 11) * (1.0 / 9007199254740992.0);
}

static double
noise(int64_t x, int64_t y, int s, int o)
{
	int64_t		i = x / s,
				j = y / s;
	double		fx = (double) (x % s) / s,
				fy = (double) (y % s) / s;
	double		a = lat(i, j, o),
				b = lat(i + 1, j, o),
				c = lat(i, j + 1, o),
				d = lat(i + 1, j + 1, o);

	fx = fx * fx * (3 - 2 * fx);
	fy = fy * fy * (3 - 2 * fy);
	return (a + (b - a) * fx) * (1 - fy) + (c + (d - c) * fx) * fy;
}

/* gen OUT WIDTH HEIGHT SEED X0 Y0 */
int
main(int argc, char **argv)
{
	static const unsigned char codes[] = {41, 42, 43, 11, 12, 21, 22, 23, 24, 31, 32, 33, 51, 52, 53, 61, 63, 65};
	int			nc = sizeof(codes);
	int			w = atoi(argv[2]),
				h = atoi(argv[3]);
	double		gt[6] = {atof(argv[5]), 30, 0, atof(argv[6]), 0, -30};
	char	  **opt = NULL;
	char	   *wkt = NULL;
	OGRSpatialReferenceH srs;
	GDALDatasetH ds;
	GDALRasterBandH b;
	unsigned char *buf;

	if (argc != 7)
		return 2;
	seed = (uint32_t) atoi(argv[4]);
	GDALAllRegister();
	opt = CSLSetNameValue(opt, "TILED", "YES");
	opt = CSLSetNameValue(opt, "BLOCKXSIZE", "256");
	opt = CSLSetNameValue(opt, "BLOCKYSIZE", "256");
	opt = CSLSetNameValue(opt, "COMPRESS", "DEFLATE");
	opt = CSLSetNameValue(opt, "BIGTIFF", "IF_SAFER");
	ds = GDALCreate(GDALGetDriverByName("GTiff"), argv[1], w, h, 1, GDT_Byte, opt);
	if (ds == NULL)
		return 1;
	GDALSetGeoTransform(ds, gt);
	srs = OSRNewSpatialReference(NULL);
	OSRImportFromEPSG(srs, 32650);
	OSRExportToWkt(srs, &wkt);
	GDALSetProjection(ds, wkt);
	b = GDALGetRasterBand(ds, 1);
	GDALSetRasterNoDataValue(b, 0);
	buf = malloc((size_t) w * 256);
	for (int r0 = 0; r0 < h; r0 += 256)
	{
		int			n = h - r0 < 256 ? h - r0 : 256;

		for (int r = 0; r < n; r++)
			for (int c = 0; c < w; c++)
			{
				int64_t		x = c,
							y = r0 + r;
				double		v = 0.45 * noise(x, y, 512, 0) + 0.3 * noise(x, y, 48, 1) +
					0.2 * noise(x, y, 6, 2) + 0.05 * lat(x, y, 3);

				buf[(size_t) r * w + c] = noise(x, y, 512, 4) < 0.1 ? 0 : codes[(int) (v * v * 1.9 * nc) % nc];
			}
		if (GDALRasterIO(b, GF_Write, 0, r0, w, n, buf, w, n, GDT_Byte, 0, 0) != CE_None)
			return 1;
	}
	GDALClose(ds);
	return 0;
}
EOF
cc -O2 -o "$tmp/gen" "$tmp/gen.c" $(gdal-config --cflags) $(gdal-config --libs) -lm

eco_log "generating ${LARGE}^2 pixels x 2 years and the ${SMALL}^2 corner"
t0=$(date +%s)
"$tmp/gen" "$data/lu2020.tif" "$LARGE" "$LARGE" 2020 $X0 $Y0 &
"$tmp/gen" "$data/lu2025.tif" "$LARGE" "$LARGE" 2025 $X0 $Y0
wait
gdal_translate -q -srcwin 0 0 "$SMALL" "$SMALL" -co TILED=YES -co COMPRESS=DEFLATE "$data/lu2020.tif" "$data/small2020.tif"
chmod 644 "$data"/*.tif
eco_log "generated in $(( $(date +%s) - t0 )) s: $(du -sh "$data" | cut -f1) of GeoTIFF"

psql -X -q -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE province"
export PGDATABASE=province
psql -X -q -v ON_ERROR_STOP=1 -c "CREATE EXTENSION ecocomp CASCADE" \
  -c "ALTER DATABASE province SET postgis.enable_outdb_rasters = on" \
  -c "ALTER DATABASE province SET postgis.gdal_enabled_drivers = 'GTiff'" 2>/dev/null
t0=$(date +%s)
for t in lu2020 lu2025 small2020; do
  raster2pgsql -q -R -s 32650 -t 256x256 "$data/$t.tif" "public.$t" 2>/dev/null | psql -X -q -v ON_ERROR_STOP=1 >/dev/null
  psql -X -q -v ON_ERROR_STOP=1 -c "CREATE INDEX ON $t USING gist (ST_ConvexHull(rast))" -c "ANALYZE $t"
done
eco_log "loaded out-db in $(( $(date +%s) - t0 )) s"

eco_log "making $COUNTIES counties"
psql -X -q -v ON_ERROR_STOP=1 -v n="$COUNTIES" -v side="$LARGE" -v x0=$X0 -v y0=$Y0 <<'SQL'
SELECT setseed(0.14) \g /dev/null
-- jittered seeds on a k x k grid (k^2 ~ n), Voronoi cells clipped to the extent
CREATE TABLE county AS
WITH p AS (SELECT :side * 30.0 AS w, :x0::float8 AS x0, :y0::float8 AS y0, ceil(sqrt(:n))::int AS k),
     seeds AS (SELECT ST_Collect(ST_MakePoint(x0 + w * (i + 0.15 + 0.7 * random()) / k, y0 - w * (j + 0.15 + 0.7 * random()) / k)) AS g
               FROM p, generate_series(0, k - 1) i, generate_series(0, k - 1) j WHERE i * k + j < :n),
     cells AS (SELECT (ST_Dump(ST_VoronoiPolygons(g, 0, ST_MakeEnvelope(x0 - w, y0 - 2 * w, x0 + 2 * w, y0 + w)))).geom AS g FROM seeds, p)
SELECT row_number() OVER () AS id, ST_Intersection(g, ST_MakeEnvelope(x0, y0 - w, x0 + w, y0)) AS geom FROM cells, p;
-- borders cut every 100 m and moved by a smooth field of two scales,
-- tapered to 0 over the 6 km next to the extent's edge (the outer edge
-- stays put); its slope stays below 1, so the map is one-to-one: no
-- self-intersections, and a shared vertex moves the same way in both
-- counties
CREATE TABLE county_real AS
WITH p AS (SELECT :side * 30.0 AS w, :x0::float8 AS x0, :y0::float8 AS y0),
     pts AS (SELECT c.id, d.path[2] AS k, ST_X(d.geom) AS x, ST_Y(d.geom) AS y,
                    least(1.0, least(ST_X(d.geom) - x0, x0 + w - ST_X(d.geom), y0 - ST_Y(d.geom), ST_Y(d.geom) - (y0 - w)) / 6000) AS f
             FROM county c, p, ST_DumpPoints(ST_Segmentize(ST_ExteriorRing(c.geom), 100)) d),
     moved AS (SELECT id, k,
                      x + f * (700 * sin(x / 4100 + 2 * cos(y / 7300)) + 120 * sin(y / 530 - x / 910)) AS x,
                      y + f * (700 * sin(y / 3900 + 2 * sin(x / 6700)) + 120 * cos(x / 610 + y / 870)) AS y
               FROM pts)
SELECT id, ST_SetSRID(ST_MakePolygon(ST_MakeLine(array_agg(ST_MakePoint(x, y) ORDER BY k))), 32650) AS geom
FROM moved GROUP BY id;
UPDATE county_real SET geom = ST_MakeValid(geom) WHERE NOT ST_IsValid(geom);
DROP TABLE county;
ALTER TABLE county_real RENAME TO county;
CREATE INDEX ON county USING gist (geom);
ANALYZE county;
SQL
psql -X -At -v ON_ERROR_STOP=1 <<SQL
SELECT 'rasters (out-db, 256 x 256 tiles): ' || string_agg(t || ' ' || n || ' tiles, ' || px || ' pixels', '; ')
FROM (SELECT 'lu2020' t, count(*) n, sum(ST_Width(rast)::bigint * ST_Height(rast)) px FROM lu2020
      UNION ALL SELECT 'lu2025', count(*), sum(ST_Width(rast)::bigint * ST_Height(rast)) FROM lu2025
      UNION ALL SELECT 'small2020', count(*), sum(ST_Width(rast)::bigint * ST_Height(rast)) FROM small2020) s;
SELECT 'counties: ' || count(*) || ', valid: ' || bool_and(ST_IsValid(geom)) || ', vertices ' || min(ST_NPoints(geom)) || '..' || max(ST_NPoints(geom))
       || ' (median ' || percentile_disc(0.5) WITHIN GROUP (ORDER BY ST_NPoints(geom)) || ')'
       || ', area ' || round(min(ST_Area(geom))::numeric / 1e6) || '..' || round(max(ST_Area(geom))::numeric / 1e6) || ' km2'
       || ', overlap ' || round((sum(ST_Area(geom)) / ($LARGE * 30.0) ^ 2 - 1)::numeric, 6) FROM county;
SELECT 'counties touching the small raster: ' || count(*) FROM county WHERE ST_Intersects(geom, (SELECT ST_Union(ST_ConvexHull(rast)) FROM small2020));
SQL

# run LABEL PIXELS SQL: SQL in a fresh backend, REPEAT times (a warm-up on
# one tile first loads PostGIS, GEOS, GDAL and ecocomp): the best time,
# seconds per million PIXELS at the best time, the median, and the
# backend's VmHWM and RssAnon at the end
run() {
  local label=$1 px=$2 sql=$3
  psql -X -q -At -v ON_ERROR_STOP=1 <<SQL 2>&1 | sed 's/^WARNING:  //'
SET client_min_messages = warning;
SELECT count(*) FROM (SELECT ecocomp.landuse_area(t.rast, c.geom) FROM small2020 t JOIN county c ON ST_Intersects(ST_ConvexHull(t.rast), c.geom)
                      WHERE t.rid = 1 GROUP BY c.id) w \g /dev/null
DO \$\$
DECLARE t0 timestamptz; s float8[] := '{}'; n bigint;
BEGIN
	FOR k IN 1..$REPEAT LOOP
		t0 := clock_timestamp();
		EXECUTE \$q\$SELECT count(*) FROM ($sql) q WHERE q::text IS NOT NULL\$q\$ INTO n;
		s := s || extract(epoch FROM clock_timestamp() - t0)::float8;
	END LOOP;
	s := ARRAY(SELECT unnest(s) ORDER BY 1);
	RAISE WARNING '% best % s, % s per 1e6 pixels (median % s), % rows', rpad('$label', 20), round(s[1]::numeric, 2),
		round((s[1] / $px * 1e6)::numeric, 4), round(s[(array_length(s, 1) + 1) / 2]::numeric, 2), n;
END \$\$;
SELECT rpad('$label', 20) || ' memory ' || (SELECT string_agg(regexp_replace(l, '\s+', ' ', 'g'), ', ') FROM regexp_split_to_table(pg_read_file('/proc/' || pg_backend_pid() || '/status'), '\n') l
                  WHERE l ~ '^(VmHWM|RssAnon)');
SQL
}
pairs() { echo "$1 t JOIN county c ON ST_Intersects(ST_ConvexHull(t.rast), c.geom)"; }
PS=$((SMALL * SMALL)) PL=$((LARGE * LARGE))
eco_log "timing (other processes on the machine: load average $(cut -d' ' -f1-3 /proc/loadavg))"
out=$( {
  run small_center "$PS" "SELECT c.id, ecocomp.landuse_area(t.rast, c.geom, 1, 'center') FROM $(pairs small2020) GROUP BY c.id"
  run small_exact  "$PS" "SELECT c.id, ecocomp.landuse_area(t.rast, c.geom, 1, 'exact') FROM $(pairs small2020) GROUP BY c.id"
  run large_center "$PL" "SELECT c.id, ecocomp.landuse_area(t.rast, c.geom, 1, 'center') FROM $(pairs lu2020) GROUP BY c.id"
  run large_exact  "$PL" "SELECT c.id, ecocomp.landuse_area(t.rast, c.geom, 1, 'exact') FROM $(pairs lu2020) GROUP BY c.id"
  # the raster part of a 2-year account: transition matrix and ESV of both years
  run account_transition "$PL" "SELECT c.id, ecocomp.landuse_transition(a.rast, b.rast, c.geom) FROM lu2020 a JOIN lu2025 b ON ST_UpperLeftX(a.rast) = ST_UpperLeftX(b.rast) AND ST_UpperLeftY(a.rast) = ST_UpperLeftY(b.rast) JOIN county c ON ST_Intersects(ST_ConvexHull(a.rast), c.geom) GROUP BY c.id"
  run account_esv_2years "$((2 * PL))" "SELECT c.id, 2020 AS y, ecocomp.esv_value(t.rast, c.geom, 3000) FROM $(pairs lu2020) GROUP BY c.id
                                        UNION ALL SELECT c.id, 2025, ecocomp.esv_value(t.rast, c.geom, 3000) FROM $(pairs lu2025) GROUP BY c.id"
} )
echo "$out"
echo "$out" | awk '
  / s per 1e6 pixels/ { t[$1] = $5 }
  END {
    printf "per-pixel time, large / small: center %.2fx, exact %.2fx (linear: <= 1.3x)\n", t["large_center"] / t["small_center"], t["large_exact"] / t["small_exact"]
  }'
# ---- the full account refresh: COUNTIES counties x 2 years.  An account
# of SRID 32650 (ecocomp.create_accounts), the counties as cities,
# statistics (GDP, population, E_a) for both years, and both years' out-db
# tiles as landuse_raster (the rows hold only the path and the tile grid).
# The counties tile the extent and about 10% of it is nodata, so
# min_coverage_pct = 0: city_esv and city_compensation value the classified
# part of every county, with a "partial" note.  In one fresh backend
# (warmed up on one tile, like run()): refresh() from empty, stale() after
# one county's boundary moves (2 rows: that county in both years), the
# second refresh() (it must recompute only those 2 rows: checked with the
# cache's refreshed_at), then reading city_compensation.  Wall time and the
# backend's CPU time (utime + stime from /proc/PID/stat) of each step.
eco_log "account refresh (load average $(cut -d' ' -f1-3 /proc/loadavg))"
psql -X -q -v ON_ERROR_STOP=1 <<'SQL'
SELECT ecocomp.create_accounts('acct', 32650) \g /dev/null
UPDATE acct.settings SET min_coverage_pct = 0;
INSERT INTO acct.region (region_id, name, level, province, geom)
SELECT id, 'county ' || id, 'city', 'bench', ST_Multi(geom) FROM county;
-- GDP 1e10 .. 5e10 yuan, 6% more in 2025; E_a 3000 and 3400 yuan/hm2
INSERT INTO acct.region_stat (region_id, year, gdp_yuan, population, ea_yuan_per_hm2)
SELECT id, y, (1e10 + (id * 7919 % 300) * 1.337e8) * CASE y WHEN 2025 THEN 1.06 ELSE 1 END,
       2e5 + (id * 104729 % 300) * 3000, CASE y WHEN 2025 THEN 3400 ELSE 3000 END
FROM county, (VALUES (2020), (2025)) v(y);
INSERT INTO acct.landuse_raster (year, classification, rast)
SELECT 2020, 'cnlucc', rast FROM lu2020 UNION ALL SELECT 2025, 'cnlucc', rast FROM lu2025;
ANALYZE acct.region;
ANALYZE acct.region_stat;
ANALYZE acct.landuse_raster;
SQL
psql -X -q -At -v ON_ERROR_STOP=1 -v tck="$(getconf CLK_TCK)" <<'SQL' 2>&1
SET client_min_messages = warning;
SELECT count(*) FROM (SELECT ecocomp.landuse_area(t.rast, c.geom) FROM small2020 t JOIN county c ON ST_Intersects(ST_ConvexHull(t.rast), c.geom)
                      WHERE t.rid = 1 GROUP BY c.id) w \g /dev/null
-- the backend's CPU seconds so far (fields 14 and 15 of /proc/PID/stat)
CREATE TEMP VIEW cpu AS
SELECT (s[12]::bigint + s[13]::bigint)::float8 / :tck AS s
FROM (SELECT string_to_array(split_part(pg_read_file('/proc/' || pg_backend_pid() || '/stat'), ') ', 2), ' ') AS s) x;
SELECT 'account: ' || (SELECT count(*) FROM acct.region) || ' counties, ' || (SELECT count(*) FROM acct.landuse_raster) || ' out-db tiles in '
       || (SELECT count(DISTINCT year) FROM acct.landuse_raster) || ' years, cache rows ' || (SELECT count(*) FROM acct.landuse_cache);
SELECT clock_timestamp() AS t0, (SELECT s FROM cpu) AS c0 \gset
SELECT acct.stale() AS n \gset
\set label 'stale() before the first refresh'
SELECT ', ' || :n || ' rows to compute' AS extra \gset
SELECT rpad(:'label', 46) || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 2) || ' s wall, ' || round(((SELECT s FROM cpu) - :c0)::numeric, 2) || ' s backend CPU' || :'extra';
SELECT clock_timestamp() AS t0, (SELECT s FROM cpu) AS c0 \gset
SELECT acct.refresh() AS n \gset
\set label 'refresh() from empty'
SELECT ', ' || :n || ' rows computed' AS extra \gset
SELECT rpad(:'label', 46) || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 2) || ' s wall, ' || round(((SELECT s FROM cpu) - :c0)::numeric, 2) || ' s backend CPU' || :'extra';
SELECT 'cache: ' || count(*) || ' rows, ' || count(landuse_area_ha) || ' with areas; land-use coverage '
       || round(min(ecocomp.landuse_coverage_pct(landuse_area_ha, region_area_ha))::numeric, 1) || '..'
       || round(max(ecocomp.landuse_coverage_pct(landuse_area_ha, region_area_ha))::numeric, 1) || ' %' FROM acct.landuse_cache;
SELECT max(refreshed_at) AS t1, min(region_id) AS moved FROM acct.landuse_cache \gset
SELECT clock_timestamp() AS t0, (SELECT s FROM cpu) AS c0 \gset
SELECT acct.stale() AS n \gset
\set label 'stale() with nothing changed'
SELECT ', ' || :n || ' stale (want 0)' AS extra \gset
SELECT rpad(:'label', 46) || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 2) || ' s wall, ' || round(((SELECT s FROM cpu) - :c0)::numeric, 2) || ' s backend CPU' || :'extra';
-- one county's boundary moves: shrunk by 50 m (its neighbours' rows do not change)
UPDATE acct.region SET geom = ST_Multi(ST_Buffer(geom, -50)) WHERE region_id = :moved;
SELECT clock_timestamp() AS t0, (SELECT s FROM cpu) AS c0 \gset
SELECT acct.stale() AS n \gset
\set label 'stale() after one county moved'
SELECT ', ' || :n || ' stale (want 2)' AS extra \gset
SELECT rpad(:'label', 46) || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 2) || ' s wall, ' || round(((SELECT s FROM cpu) - :c0)::numeric, 2) || ' s backend CPU' || :'extra';
SELECT clock_timestamp() AS t0, (SELECT s FROM cpu) AS c0 \gset
SELECT acct.refresh() AS n \gset
\set label 'refresh() after one county moved'
SELECT ', ' || :n || ' rows recomputed (want 2)' AS extra \gset
SELECT rpad(:'label', 46) || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 2) || ' s wall, ' || round(((SELECT s FROM cpu) - :c0)::numeric, 2) || ' s backend CPU' || :'extra';
SELECT 'rows refreshed by the second refresh(): ' || count(*) || ' (want 2), county ' || coalesce(string_agg(DISTINCT region_id::text, ','), 'none')
       || ' (want ' || :moved || '), years ' || coalesce(string_agg(DISTINCT year::text, ','), 'none') || '; rows kept from the first: '
       || (SELECT count(*) FROM acct.landuse_cache WHERE refreshed_at <= :'t1'::timestamptz)
FROM acct.landuse_cache WHERE refreshed_at > :'t1'::timestamptz;
SELECT clock_timestamp() AS t0, (SELECT s FROM cpu) AS c0 \gset
SELECT count(*) AS n, count(compensation_yuan) AS m FROM acct.city_compensation \gset
\set label 'read city_compensation'
SELECT ', ' || :n || ' rows, ' || :m || ' with compensation_yuan' AS extra \gset
SELECT rpad(:'label', 46) || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 2) || ' s wall, ' || round(((SELECT s FROM cpu) - :c0)::numeric, 2) || ' s backend CPU' || :'extra';
SELECT clock_timestamp() AS t0, (SELECT s FROM cpu) AS c0 \gset
SELECT count(*) AS n FROM (SELECT * FROM acct.city_compensation) q WHERE q::text IS NOT NULL \gset
\set label 'read city_compensation again, every column'
SELECT ', ' || :n || ' rows' AS extra \gset
SELECT rpad(:'label', 46) || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 2) || ' s wall, ' || round(((SELECT s FROM cpu) - :c0)::numeric, 2) || ' s backend CPU' || :'extra';
SELECT clock_timestamp() AS t0, (SELECT s FROM cpu) AS c0 \gset
SELECT count(*) AS n, count(esv_total_yuan) AS m FROM acct.city_esv \gset
\set label 'read city_esv'
SELECT ', ' || :n || ' rows, ' || :m || ' with esv_total_yuan' AS extra \gset
SELECT rpad(:'label', 46) || round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz)::numeric, 2) || ' s wall, ' || round(((SELECT s FROM cpu) - :c0)::numeric, 2) || ' s backend CPU' || :'extra';
SELECT 'city_compensation ' || year || ': ' || count(*) || ' counties, compensation ' || round((sum(compensation_yuan) / 1e8)::numeric, 2)
       || ' x 1e8 yuan, ecps ' || round(min(ecps)::numeric, 3) || '..' || round(max(ecps)::numeric, 3)
FROM acct.city_compensation GROUP BY year ORDER BY year;
SELECT rpad('account backend', 46) || 'memory ' || (SELECT string_agg(regexp_replace(l, '\s+', ' ', 'g'), ', ') FROM regexp_split_to_table(pg_read_file('/proc/' || pg_backend_pid() || '/status'), '\n') l
                  WHERE l ~ '^(VmHWM|RssAnon)');
SQL

#!/usr/bin/env bash
# A materialized view over a result view, with the unique index on fid the
# README documents, refreshes CONCURRENTLY while other sessions read it; and
# pg_cron (where its package is installed) runs the refresh on a schedule.
set -euo pipefail
db=eco_mv
psql -qX -d postgres -c "CREATE DATABASE $db" >/dev/null
cleanup() {
  kill "${readers[@]}" 2>/dev/null || true
  psql -qX -d postgres -c "SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname = 'eco_refresh'" >/dev/null 2>&1 || true
  psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
}
readers=()
trap cleanup EXIT
psql -qX -v ON_ERROR_STOP=1 -d $db -c "CREATE EXTENSION ecocomp CASCADE" -f "$ECOCOMP_ROOT/test/shell/fixture_accounts.sql" >/dev/null 2>&1
# a non-superuser owns the account and its materialized view
psql -qX -v ON_ERROR_STOP=1 -d $db <<'SQL' >/dev/null
CREATE ROLE eco_analyst LOGIN;
GRANT CREATE ON DATABASE eco_mv TO eco_analyst;
GRANT USAGE ON SCHEMA gis TO eco_analyst;
GRANT SELECT, UPDATE ON ALL TABLES IN SCHEMA gis TO eco_analyst;
SET ROLE eco_analyst;
-- the analyst can make an account of their own ...
SELECT ecocomp.create_accounts('mine', 32650);
-- ... and owns the materialized view over the shared one
CREATE MATERIALIZED VIEW mine.city_compensation_mv AS SELECT * FROM gis.city_compensation;
CREATE UNIQUE INDEX city_compensation_mv_fid ON mine.city_compensation_mv (fid);
SQL
# readers hammer the materialized view while the owner refreshes it
for i in 1 2; do
  ( for k in $(seq 1 200); do
      psql -qXAt -v ON_ERROR_STOP=1 -d $db -c "SELECT count(*) FROM mine.city_compensation_mv" >/dev/null || exit 1
    done ) &
  readers+=($!)
done
for k in $(seq 1 10); do
  psql -qX -v ON_ERROR_STOP=1 -d $db -U eco_analyst -c "UPDATE gis.region_stat SET gdp_yuan = gdp_yuan + 1 WHERE region_id = 1" \
    -c "REFRESH MATERIALIZED VIEW CONCURRENTLY mine.city_compensation_mv" 2>&1 | grep -v "^UPDATE" || true
done 2>&1 | tee "$ECOCOMP_TMP/refresh.log"
for p in "${readers[@]}"; do wait "$p"; done
readers=()
if grep -q ERROR "$ECOCOMP_TMP/refresh.log"; then echo "FAIL: refresh errors"; exit 1; fi
# the refreshed view has the new GDP (50000 + 10)
gdp=$(psql -qXAt -d $db -c "SELECT gdp_yuan FROM mine.city_compensation_mv WHERE region_id = 1 AND year = 2020")
echo "gdp after 10 concurrent refreshes: $gdp"
[ "$gdp" = "50010" ]

if psql -qXAt -d postgres -c "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_cron'" | grep -q 1; then
  psql -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE EXTENSION IF NOT EXISTS pg_cron" >/dev/null
  psql -qX -d $db -c "UPDATE gis.region_stat SET gdp_yuan = 60000 WHERE region_id = 1" >/dev/null
  # the analyst's own account gets the cities and the land-use tiles; the
  # scheduled job brings its raster step up to date (refresh()), then the
  # materialized view
  psql -qX -v ON_ERROR_STOP=1 -d $db -U eco_analyst >/dev/null <<'SQL'
INSERT INTO mine.region (region_id, name, level, geom) SELECT region_id, name, level, geom FROM gis.region WHERE level = 'city';
INSERT INTO mine.landuse_raster (year, classification, rast) SELECT year, classification, rast FROM gis.landuse_raster;
SQL
  psql -qX -v ON_ERROR_STOP=1 -d postgres -c \
    "SELECT cron.schedule_in_database('eco_refresh', '* * * * *', 'SELECT mine.refresh(); REFRESH MATERIALIZED VIEW CONCURRENTLY mine.city_compensation_mv', '$db', 'eco_analyst')" >/dev/null
  echo "waiting for pg_cron's next minute..."
  for s in $(seq 1 80); do
    gdp=$(psql -qXAt -d $db -c "SELECT gdp_yuan FROM mine.city_compensation_mv WHERE region_id = 1 AND year = 2020")
    cached=$(psql -qXAt -d $db -c "SELECT count(*) FROM mine.landuse_cache")
    [ "$gdp" = "60000" ] && [ "$cached" = "2" ] && break
    sleep 1
  done
  psql -qXAt -d postgres -c "SELECT status, return_message FROM cron.job_run_details ORDER BY runid DESC LIMIT 1"
  echo "gdp after the scheduled refresh: $gdp; land-use rows of the analyst's account: $cached"
  [ "$gdp" = "60000" ] && [ "$cached" = "2" ]
else
  echo "pg_cron is not installed here: scheduled refresh not tested"
fi

#!/usr/bin/env bash
# The demo command: provision, build, install the extension into a private
# tree under a temporary directory (never into the system PostgreSQL), start
# a throwaway cluster there on a unix socket, load the sample data, print the
# results, draw the maps into demo/out/, stop the cluster and remove the
# temporary directory.  Nothing is written outside that directory and the
# checkout (build objects, demo/out/).  As root the server runs as the
# existing user nobody, so no system user is created.
#
# ECOCOMP_DEMO_KEEP=1 leaves the cluster running and prints how to connect
# to it and how to stop it (then remove the temporary directory yourself).
set -euo pipefail
ECOCOMP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ECOCOMP_ROOT"
bash tools/provision.sh
# shellcheck source=tools/pgenv.sh
source tools/pgenv.sh
ECOCOMP_PGUSER=nobody

tmp=$(mktemp -d /tmp/ecocomp-demo.XXXXXX)
cleanup() { eco_cluster_stop; rm -rf "$tmp"; }
if [ "${ECOCOMP_DEMO_KEEP:-0}" != 1 ]; then trap cleanup EXIT; fi

eco_log "building"
eco_build
eco_log "installing into a private tree in $tmp"
eco_stage "$tmp"
eco_log "starting a throwaway cluster in $tmp"
eco_cluster_start "$tmp"
psql -qX -d postgres -c "CREATE DATABASE ecocomp_demo" >/dev/null
export PGDATABASE=ecocomp_demo
psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION ecocomp CASCADE" 2>&1 | grep -v 'NOTICE:  installing required extension' || true
for part in demo/[0-9]*.sql; do
  psql -qX -v ON_ERROR_STOP=1 -f "$part"
done

# The maps: the layers go to a GeoPackage through GDAL's PostgreSQL driver,
# QGIS (python3-qgis, headless) lays them out and renders them.
mkdir -p demo/out
eco_log "drawing the maps"
conn="PG:host=$PGHOST port=$PGPORT user=$PGUSER dbname=$PGDATABASE"
gpkg=$tmp/demo.gpkg
ogr2ogr -f GPKG "$gpkg" "$conn" -nln cities -nlt MULTIPOLYGON -sql "
  SELECT c.city AS name, c.province, ecocomp.ecps(x.v, c.gdp_billion_yuan) AS ecps,
         ecocomp.vertical_compensation(x.v, c.gdp_billion_yuan) AS r_bn_yuan, r.geom
  FROM demo_city c JOIN demo.region r ON r.name = c.city AND r.level = 'city',
       LATERAL (SELECT ecocomp.nonmarket_from_compensation(c.published_r_billion_yuan, c.gdp_billion_yuan) AS v) x"
# the 2022 transfers between zones (horizontal_compensation: one LineString
# from payer to recipient per transfer) over the zones' water balance
ogr2ogr -update "$gpkg" "$conn" -nln flows -nlt LINESTRING -sql "
  SELECT payer_name AS payer, recipient_name AS recipient, amount_yuan / 1e8 AS amount_100m_yuan, geom
  FROM demo.horizontal_compensation
  WHERE year = 2022 AND level = 'zone' AND geom IS NOT NULL AND amount_yuan > 0"
ogr2ogr -update "$gpkg" "$conn" -nln zones -nlt MULTIPOLYGON -sql "
  SELECT name, role, value_yuan / 1e8 AS value_100m_yuan, geom
  FROM demo.water_compensation WHERE level = 'zone' AND year = 2022"
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$tmp HOME=$tmp \
  /usr/bin/python3 demo/map.py "$gpkg" demo/out 2> >(grep -vE '^(Warning: |QStandardPaths|libpng warning|ERROR 6: The PNG driver does not support update)' >&2)

echo
echo "Maps:"
ls -1 demo/out/*.png | sed 's/^/  /'
if [ "${ECOCOMP_DEMO_KEEP:-0}" = 1 ]; then
  echo
  echo "The demo cluster is still running; connect with:"
  echo "  psql -h $PGHOST -p $PGPORT -U postgres ecocomp_demo"
  echo "and stop it and remove its directory with:"
  echo "  $( [ "$(id -u)" -eq 0 ] && echo "runuser -u $ECOCOMP_PGUSER -- ")$PG_BIN/pg_ctl -D $tmp/data stop && rm -rf $tmp"
fi

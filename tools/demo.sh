#!/usr/bin/env bash
# The demo command: provision, build, install the extension, start a
# throwaway cluster on a unix socket, load the sample data, print results,
# stop the cluster.  ECOCOMP_DEMO_KEEP=1 leaves the cluster running and
# prints how to connect to it.
set -euo pipefail
ECOCOMP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ECOCOMP_ROOT"
bash tools/provision.sh
# shellcheck source=tools/pgenv.sh
source tools/pgenv.sh

tmp=$(mktemp -d /tmp/ecocomp-demo.XXXXXX)
cleanup() { eco_cluster_stop; rm -rf "$tmp"; }
if [ "${ECOCOMP_DEMO_KEEP:-0}" != 1 ]; then trap cleanup EXIT; fi

eco_log "building"
eco_build
if [ "$(id -u)" -eq 0 ] || [ -w "$($PG_CONFIG --pkglibdir)" ]; then
  eco_log "installing (make install)"
  make -s install >/dev/null
  bin=$($PG_CONFIG --bindir)
else
  eco_log "not allowed to write the PostgreSQL directories: installing into a private tree"
  eco_stage "$tmp"
  bin=$PG_BIN
fi
eco_log "starting a throwaway cluster in $tmp"
eco_cluster_start "$tmp" "$bin"
psql -qX -d postgres -c "CREATE DATABASE ecocomp_demo" >/dev/null
export PGDATABASE=ecocomp_demo
psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION ecocomp CASCADE" 2>&1 | grep -v 'NOTICE:  installing required extension' || true
for part in demo/[0-9]*.sql; do
  psql -qX -v ON_ERROR_STOP=1 -f "$part"
done
# a map of the 2020 compensation priority by city, made by GDAL's
# PostgreSQL driver (the one QGIS uses) and gdaldem
mkdir -p demo/out
conn="PG:host=$PGHOST port=$PGPORT user=postgres dbname=ecocomp_demo"
gdal_rasterize -q -ot Byte -a_nodata 0 -tr 1000 1000 -a class \
  -sql "SELECT c.geom, (SELECT count(*) FROM ecocomp.priority_class p WHERE p.class_set = s.priority_class_set AND p.lower_bound < c.ecps) AS class FROM demo.city_compensation c, demo.settings s WHERE c.year = 2020" \
  "$conn" "$tmp/priority.tif"
gdaldem color-relief -q -alpha -of PNG "$tmp/priority.tif" demo/priority_colors.txt demo/out/compensation_priority_2020.png
echo
echo "Map of the 2020 compensation priority (the ESV paper's classes: dark red relatively high above 0.5,"
echo "red relatively high, orange moderate, pale not exceeding 0.1; no ECPS transparent):"
echo "  demo/out/compensation_priority_2020.png"
if [ "${ECOCOMP_DEMO_KEEP:-0}" = 1 ]; then
  echo
  echo "The demo cluster is still running; connect with:"
  echo "  psql -h $PGHOST -p $PGPORT -U postgres ecocomp_demo"
  echo "and stop it with:"
  echo "  $( [ "$(id -u)" -eq 0 ] && echo "runuser -u $ECOCOMP_PGUSER -- ")$bin/pg_ctl -D $tmp/data stop"
fi

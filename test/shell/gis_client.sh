#!/usr/bin/env bash
# GDAL's PostgreSQL driver (the one QGIS's GDAL layers use) lists every
# result view of an account as a layer with its geometry type and SRID, and
# reads its features back with their attributes.
set -euo pipefail
db=eco_gis
psql -qX -d postgres -c "CREATE DATABASE $db" >/dev/null
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
psql -qX -v ON_ERROR_STOP=1 -d $db -c "CREATE EXTENSION ecocomp CASCADE" -f "$ECOCOMP_ROOT/test/shell/fixture_accounts.sql" >/dev/null 2>&1
conn="PG:host=$PGHOST port=$PGPORT user=$PGUSER dbname=$db schemas=gis"
ogrinfo -ro -q "$conn" >"$ECOCOMP_TMP/layers.txt"
cat "$ECOCOMP_TMP/layers.txt"
for v in city_esv city_compensation water_compensation gep_restoration mine_carbon_deficit mine_carbon_series region region_landuse horizontal_compensation; do
  t="Multi Polygon"; [ $v = horizontal_compensation ] && t="Line String"
  grep -qE "^[0-9]+: (gis\.)?$v \($t\)" "$ECOCOMP_TMP/layers.txt" \
    || { echo "FAIL: layer $v missing or not $t"; exit 1; }
  ogrinfo -ro -so --config PGSQL_OGR_FID fid "$conn" "$v" >"$ECOCOMP_TMP/$v.txt"
  grep -q 'ID\["EPSG",32650\]' "$ECOCOMP_TMP/$v.txt" || { echo "FAIL: $v has no EPSG:32650"; cat "$ECOCOMP_TMP/$v.txt"; exit 1; }
done
# the features of city_compensation come back with their attributes: city 1,
# 2020: 5 ha dry land + 4 ha forest would be ... (value checked in SQL below)
ogrinfo -ro --config PGSQL_OGR_FID fid "$conn" city_compensation >"$ECOCOMP_TMP/features.txt"
grep -c "^OGRFeature(city_compensation)" "$ECOCOMP_TMP/features.txt" | grep -qx 2 || { echo "FAIL: expected 2 features"; cat "$ECOCOMP_TMP/features.txt"; exit 1; }
fid=$(psql -qXAt -d $db -c "SELECT fid FROM gis.city_compensation WHERE region_id = 1 AND year = 2020")
grep -q "^OGRFeature(city_compensation):$fid\$" "$ECOCOMP_TMP/features.txt" || { echo "FAIL: fid $fid not used as FID"; exit 1; }
sql_r=$(psql -qXAt -d $db -c "SELECT round(compensation_yuan::numeric, 6) FROM gis.city_compensation WHERE fid = $fid")
ogr_r=$(sed -n "/^OGRFeature(city_compensation):$fid\$/,/^\$/p" "$ECOCOMP_TMP/features.txt" | sed -n 's/^ *compensation_yuan (Real) = //p')
echo "compensation of fid $fid: SQL $sql_r, GDAL $ogr_r"
awk -v a="$sql_r" -v b="$ogr_r" 'BEGIN { exit !(a != "" && (a - b < 1e-6) && (b - a < 1e-6)) }'
grep -q "MULTIPOLYGON (((500000 4000000" "$ECOCOMP_TMP/features.txt" || { echo "FAIL: geometry not read back"; exit 1; }
echo "all result views open as typed layers in EPSG:32650"

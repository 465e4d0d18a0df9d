#!/usr/bin/env bash
# docs/loading-data.md, run for real: make the files it starts from (two
# cities in WGS 84 as a shapefile and a GeoPackage, a CLCD-like GeoTIFF in
# CLCD's Albers projection, a statistics CSV), then run every ```sh block of
# the page in order, in a database named mydb.  Blocks tagged recipe=shp and
# recipe=ogr are the two alternatives of step 2: the page runs once with
# each.  Then check the numbers against PostGIS: the land-use areas of each
# city add up to the city's area, and the account has both cities.
set -euo pipefail
doc=$ECOCOMP_ROOT/docs/loading-data.md
work=$ECOCOMP_TMP/loading
mkdir -p "$work"
cd "$work"
# stop at the first error in piped SQL as in psql -c
printf '\\set ON_ERROR_STOP on\n' >psqlrc
export PSQLRC=$work/psqlrc

# --- the files -------------------------------------------------------------
cat >cities.geojson <<'JSON'
{"type": "FeatureCollection",
 "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}},
 "features": [
 {"type": "Feature", "properties": {"name": "Alpha", "province": "Hubei"},
  "geometry": {"type": "Polygon", "coordinates": [[[114.010, 30.010], [114.030, 30.008], [114.035, 30.025], [114.020, 30.032], [114.008, 30.022], [114.010, 30.010]]]}},
 {"type": "Feature", "properties": {"name": "Beta", "province": "Hubei"},
  "geometry": {"type": "Polygon", "coordinates": [[[114.040, 30.010], [114.060, 30.010], [114.060, 30.030], [114.040, 30.030], [114.040, 30.010]], [[114.045, 30.015], [114.050, 30.015], [114.050, 30.020], [114.045, 30.020], [114.045, 30.015]]]}}
 ]}
JSON
ogr2ogr -f 'ESRI Shapefile' cities.shp cities.geojson
ogr2ogr -f GPKG cities.gpkg cities.geojson -nln cities
# CLCD's projection: Albers equal-area, standard parallels 25 and 47, central
# meridian 105 (the "albert" of its file names); 30 m pixels over a box
# around both cities, codes 1..9 in blocks of 7 x 7 pixels, 0 (nodata) in some
albers='+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs'
read -r x0 y0 x1 y1 < <(printf '114.0 30.0\n114.07 30.0\n114.0 30.04\n114.07 30.04\n' \
  | gdaltransform -s_srs EPSG:4326 -t_srs "$albers" \
  | awk 'NR == 1 { a = c = $1; b = d = $2 } { if ($1 < a) a = $1; if ($1 > c) c = $1; if ($2 < b) b = $2; if ($2 > d) d = $2 }
         END { printf "%d %d %d %d\n", a - 300, b - 300, c + 300, d + 300 }')
nc=$(( (x1 - x0) / 30 )); nr=$(( (y1 - y0) / 30 ))
{
  printf 'ncols %d\nnrows %d\nxllcorner %d\nyllcorner %d\ncellsize 30\nNODATA_value 0\n' "$nc" "$nr" "$x0" "$y0"
  awk -v nc="$nc" -v nr="$nr" 'BEGIN {
    for (j = 0; j < nr; j++) { line = "";
      for (i = 0; i < nc; i++) { b = int(i / 7) * 3 + int(j / 7) * 5;
        v = (b % 23 == 0) ? 0 : 1 + b % 9; line = line (i ? " " : "") v }
      print line } }'
} >clcd.asc
gdal_translate -q -of GTiff -ot Byte -a_srs "$albers" -a_nodata 0 clcd.asc CLCD_v01_2020_albert.tif
# statistics: ids 1 and 2 are the shapefile's gid and the GeoPackage's fid
printf 'region_id,year,gdp_yuan,ea_yuan_per_hm2\n1,2020,2.5e9,3452\n2,2020,4.0e9,3452\n' >stats.csv

# --- the page's commands, once per alternative of step 2 ---------------------
awk -v out="$work/block" '
  /^```sh/ { n++; tag = ($2 ~ /^recipe=/) ? substr($2, 8) : "all"; f = sprintf("%s.%02d.%s.sh", out, n, tag); inb = 1; next }
  /^```/ && inb { inb = 0; close(f); next }
  inb { print > f }' "$doc"
ls "$work"/block.* >/dev/null || { echo "FAIL: no sh blocks in $doc"; exit 1; }
export PGDATABASE=mydb
for alt in shp ogr; do
  echo "=== docs/loading-data.md with step 2 by $alt"
  psql -qX -d postgres -c "DROP DATABASE IF EXISTS mydb" -c "CREATE DATABASE mydb"
  for b in "$work"/block.*; do
    case $b in *.all.sh|*."$alt".sh) ;; *) continue ;; esac
    echo "--- $(basename "$b")"; cat "$b"
    bash -euo pipefail "$b" || { echo "FAIL: block $(basename "$b") (step 2 by $alt)"; exit 1; }
  done
  # independent check: land-use areas (hm2, classes + nodata) of each city
  # equal the city's area by PostGIS within 0.01%
  psql -qXAt -c "
    SELECT r.name, round((ST_Area(r.geom) / 1e4)::numeric, 2),
           round((SELECT sum(value::float8) FROM jsonb_each_text(l.landuse_area_ha))::numeric, 2)
    FROM acct.region r JOIN acct.region_landuse l USING (region_id) WHERE l.year = 2020 ORDER BY 1" | tee areas.txt
  awk -F'|' '{ d = $2 - $3; if (d < 0) d = -d; if (NR > 0 && d > 1e-4 * $2) { print "FAIL: areas differ for " $1; bad = 1 } }
             END { if (NR != 2) { print "FAIL: expected 2 cities, got " NR; bad = 1 } exit bad }' areas.txt
  # coverage is the classified share (nodata excluded), recomputed here from
  # the area keys and PostGIS's area; a city at or above settings'
  # min_coverage_pct (95) has a compensation, one below it has none and a
  # note saying how much is missing
  psql -qXAt -c "
    SELECT r.name, 100 * (SELECT coalesce(sum(value::float8), 0) FROM jsonb_each_text(l.landuse_area_ha)
                          WHERE key <> 'nodata') / (ST_Area(r.geom) / 1e4) AS cov,
           c.landuse_coverage_pct, c.compensation_yuan IS NOT NULL AND c.compensation_yuan > 0,
           c.note IS NOT NULL AND c.note ~ '% (of the region )?is outside the rasters or nodata'
    FROM acct.region r JOIN acct.region_landuse l USING (region_id)
    JOIN acct.city_compensation c ON c.region_id = r.region_id AND c.year = l.year
    WHERE l.year = 2020 ORDER BY 1" | tee cov.txt
  awk -F'|' '{ d = $2 - $3; if (d < 0) d = -d; if (d > 1e-6 * $2) { print "FAIL: coverage differs for " $1; bad = 1 }
               if (($2 >= 95) != ($4 == "t")) { print "FAIL: compensation of " $1 " at coverage " $2; bad = 1 }
               if (($2 < 100) != ($5 == "t")) { print "FAIL: note of " $1 " at coverage " $2; bad = 1 } }
             END { if (NR != 2) { print "FAIL: expected 2 cities, got " NR; bad = 1 } exit bad }' cov.txt
  # the default classification names the problem for CLCD codes
  if psql -qX -c "SELECT ecocomp.esv_value(r.rast, c.geom, 3452) FROM acct.region c JOIN staging.lu2020 r ON ST_Intersects(r.rast, c.geom) GROUP BY c.region_id" 2>err.txt; then
    echo "FAIL: CLCD codes under the default classification did not fail"; exit 1
  fi
  grep -q "not mapped in classification \"cnlucc\"" err.txt && grep -q "pass classification => 'clcd'" err.txt || { echo "FAIL: unexpected error"; cat err.txt; exit 1; }
done
psql -qX -d postgres -c "DROP DATABASE IF EXISTS mydb"
echo "docs/loading-data.md runs as written with either step 2"

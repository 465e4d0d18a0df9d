#!/usr/bin/env bash
# Out-db bands (raster2pgsql -R): every function that reads raster bands
# gives, on the out-db load of a GeoTIFF made here, exactly what it gives on
# the in-db load of the same file (center and exact); the out-db pixels are
# also checked against PostGIS's own reading of the in-db tiles.  Then the
# switches (postgis.enable_outdb_rasters, postgis.gdal_enabled_drivers,
# including a non-superuser's placeholder), a missing and an unreadable
# file, and files that no longer match their tiles (size, band count,
# pixel type): each a clear error with its SQLSTATE, the server still up.
set -euo pipefail
db=eco_outdb
# the server's operating-system user must read the files: $ECOCOMP_TMP is
# world-readable (tools/pgenv.sh)
dir=$ECOCOMP_TMP/outdb
mkdir -p "$dir"
chmod 755 "$dir"
cleanup() {
  psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  psql -qX -d postgres -c "DROP ROLE IF EXISTS eco_od_user" >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
psql -qX -v ON_ERROR_STOP=1 -d postgres -c "CREATE DATABASE $db" -c "CREATE ROLE eco_od_user LOGIN"
export PGDATABASE=$db
q() { psql -qXAt -v ON_ERROR_STOP=1 "$@"; }
q -c "CREATE EXTENSION ecocomp CASCADE" >/dev/null
# PostGIS's switches are SUSET: set for the database by a superuser
q -c "ALTER DATABASE $db SET postgis.enable_outdb_rasters = on" \
  -c "ALTER DATABASE $db SET postgis.gdal_enabled_drivers = 'GTiff'"

# gen W H SEED KIND: an ESRI ASCII grid of W x H pixels of 30 m whose
# upper-left corner is (400000, 4500000), EPSG:32650, values from an LCG:
#   lu:   CNLUCC codes 11 12 21 22 31 41 42 and nodata 0, one per pixel (short runs)
#   npp:  NPP in g C/m2/a, 0.0 .. 999.9 with one decimal, nodata -9999
#   modis: MODIS digital numbers 0..32700, some fill 32767, nodata -1
gen() {
  awk -v w="$1" -v h="$2" -v seed="$3" -v kind="$4" 'BEGIN {
    nd = (kind == "lu") ? 0 : (kind == "npp" ? -9999 : -1)
    printf "ncols %d\nnrows %d\nxllcorner 400000\nyllcorner %d\ncellsize 30\nNODATA_value %d\n", w, h, 4500000 - 30 * h, nd
    split("0 11 12 21 22 31 41 42", codes, " ")
    s = seed
    for (r = 0; r < h; r++) {
      line = ""
      for (c = 0; c < w; c++) {
        s = (s * 1103515245 + 12345) % 2147483648
        k = int(s / 65536)
        if (kind == "lu") v = codes[1 + k % 8]
        else if (kind == "npp") v = (k % 13 == 0) ? nd : sprintf("%.1f", (k % 10000) / 10)
        else v = (k % 11 == 0) ? nd : ((k % 17 == 0) ? 32767 : k % 32701)
        line = line (c ? " " : "") v
      }
      print line
    }
  }'
}
tif() {  # tif ASC TIF TYPE [more gdal_translate options]
  local asc=$1 out=$2 type=$3; shift 3
  gdal_translate -q -of GTiff -ot "$type" -a_srs EPSG:32650 -co TILED=YES -co BLOCKXSIZE=16 \
    -co BLOCKYSIZE=16 -co COMPRESS=DEFLATE "$@" "$asc" "$out"
  chmod 644 "$out"
}
W=53 H=41
gen $W $H 1 lu >"$dir/lu2020.asc";  tif "$dir/lu2020.asc" "$dir/lu2020.tif" Byte
gen $W $H 2 lu >"$dir/lu2025.asc";  tif "$dir/lu2025.asc" "$dir/lu2025.tif" Byte
for y in 2001 2002 2003; do
  gen $W $H $y npp >"$dir/npp$y.asc"; tif "$dir/npp$y.asc" "$dir/npp$y.tif" Float32
done
gen $W $H 7 modis >"$dir/modis.asc"; tif "$dir/modis.asc" "$dir/modis.tif" Int16

# load: the same file in-db (TABLE_in) and out-db (TABLE_out), in tiles of
# 20 x 15 that are not aligned with the files' 16 x 16 blocks and leave
# 13 x 11 edge tiles
load() {  # load FILE TABLE [raster2pgsql options]
  local f=$1 t=$2; shift 2
  raster2pgsql -q -s 32650 -t 20x15 "$@" "$f" "public.${t}_in" 2>/dev/null | q >/dev/null
  raster2pgsql -q -s 32650 -t 20x15 -R "$@" "$f" "public.${t}_out" 2>/dev/null | q >/dev/null
}
load "$dir/lu2020.tif" lu2020
load "$dir/lu2025.tif" lu2025
load "$dir/modis.tif" modis
for y in 2001 2002 2003; do load "$dir/npp$y.tif" npp$y; done
q <<'SQL'
-- the out-db tables really are out-db
DO $$ BEGIN
  IF (SELECT NOT bool_and(m.isoutdb) FROM lu2020_out, ST_BandMetaData(rast, 1) m)
    OR (SELECT bool_or(m.isoutdb) FROM lu2020_in, ST_BandMetaData(rast, 1) m) THEN
    RAISE EXCEPTION 'the loads are not what they should be';
  END IF;
END $$;
-- three zones over the 1590 x 1230 m extent, crossing tiles: a triangle, a
-- wiggly polygon with a hole, and one that leaves the raster
CREATE TABLE zone (id int, geom geometry(Polygon, 32650));
INSERT INTO zone VALUES
 (1, ST_GeomFromText('POLYGON((400017 4499983,401500 4499100,400300 4498800,400017 4499983))', 32650)),
 (2, ST_Difference(ST_Buffer(ST_GeomFromText('LINESTRING(400200 4499600,400800 4499200,401300 4499700)', 32650), 260, 'quad_segs=7'),
                   ST_Buffer(ST_GeomFromText('POINT(400800 4499300)', 32650), 90))),
 (3, ST_MakeEnvelope(401200, 4498500, 402000, 4499000, 32650));
CREATE TABLE npp_years_in AS
  SELECT 2001 AS year, rast FROM npp2001_in UNION ALL SELECT 2002, rast FROM npp2002_in UNION ALL SELECT 2003, rast FROM npp2003_in;
CREATE TABLE npp_years_out AS
  SELECT 2001 AS year, rast FROM npp2001_out UNION ALL SELECT 2002, rast FROM npp2002_out UNION ALL SELECT 2003, rast FROM npp2003_out;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO eco_od_user;
SQL

# same NAME SQL: SQL with @ replaced by _in and by _out gives the same rows,
# and at least one row
fail=0
same() {
  local name=$1 sql=$2 a b
  a=$(q -c "${sql//@/_in}")
  b=$(q -c "${sql//@/_out}")
  if [ -z "$a" ]; then
    echo "FAIL $name: no rows"; fail=1
  elif [ "$a" != "$b" ]; then
    echo "FAIL $name: out-db differs from in-db"; diff <(echo "$a") <(echo "$b") | head -20; fail=1
  else
    echo "ok   $name ($(echo "$a" | wc -l) rows identical)"
  fi
}
pair="lu2020@ a JOIN lu2025@ b ON ST_UpperLeftX(a.rast) = ST_UpperLeftX(b.rast) AND ST_UpperLeftY(a.rast) = ST_UpperLeftY(b.rast)"
same "landuse_area center" "SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'center') FROM lu2020@ t, zone z GROUP BY z.id ORDER BY z.id"
same "landuse_area exact" "SELECT z.id, ecocomp.landuse_area(t.rast, z.geom, 1, 'exact') FROM lu2020@ t, zone z GROUP BY z.id ORDER BY z.id"
same "landuse_transition center" "SELECT z.id, ecocomp.landuse_transition(a.rast, b.rast, z.geom, 1, 'center') FROM $pair, zone z GROUP BY z.id ORDER BY z.id"
same "landuse_transition exact" "SELECT z.id, ecocomp.landuse_transition(a.rast, b.rast, z.geom) FROM $pair, zone z GROUP BY z.id ORDER BY z.id"
same "esv_value" "SELECT z.id, ecocomp.esv_value(t.rast, z.geom, 3000) FROM lu2020@ t, zone z GROUP BY z.id ORDER BY z.id"
same "esv_raster" "SELECT ST_UpperLeftX(rast), ST_UpperLeftY(rast), md5(ST_AsBinary(ecocomp.esv_raster(rast, 3000))) FROM lu2020@ ORDER BY 1, 2"
same "pixel_coverage exact" "SELECT c.* FROM lu2020@ t, zone z, ecocomp.pixel_coverage(t.rast, z.geom) c ORDER BY 1, 4"
same "pixel_coverage center" "SELECT c.* FROM lu2020@ t, zone z, ecocomp.pixel_coverage(t.rast, z.geom, 'center') c ORDER BY 1, 4"
same "pixel_values (land use)" "SELECT v.* FROM lu2020@ t, ecocomp.pixel_values(t.rast, 1) v ORDER BY 1"
same "pixel_values (NPP)" "SELECT v.* FROM npp2001@ t, ecocomp.pixel_values(t.rast, 1) v ORDER BY 1"
same "vcs" "SELECT ST_UpperLeftX(rast), ST_UpperLeftY(rast), md5(ST_AsBinary(ecocomp.vcs(rast, 1))) FROM npp2002@ ORDER BY 1, 2"
same "npp_from_modis" "SELECT ST_UpperLeftX(rast), ST_UpperLeftY(rast), md5(ST_AsBinary(ecocomp.npp_from_modis(rast, 1))) FROM modis@ ORDER BY 1, 2"
same "vcs_trend" "SELECT ST_UpperLeftX(rast), ST_UpperLeftY(rast), ecocomp.vcs_trend(rast, year) FROM npp_years@ GROUP BY 1, 2 ORDER BY 1, 2"

# independent check of the pixels: ecocomp's reading of the out-db tiles
# equals PostGIS's reading of the in-db tiles (ST_PixelAsCentroids skips
# nodata as pixel_values does); 53 x 41 = 2173 pixels, 1/8 of them nodata
a=$(q -c "SELECT ST_X(p.geom), ST_Y(p.geom), p.val FROM lu2020_in t, ST_PixelAsCentroids(t.rast, 1) p ORDER BY 1, 2")
b=$(q -c "SELECT v.x, v.y, v.value FROM lu2020_out t, ecocomp.pixel_values(t.rast, 1) v ORDER BY 1, 2")
n=$(q -c "SELECT count(*) FROM lu2020_in t, ST_PixelAsCentroids(t.rast, 1, false) p")
if [ "$a" = "$b" ] && [ "$n" = 2173 ] && [ "$(echo "$a" | wc -l)" -gt 1700 ]; then
  echo "ok   out-db pixels = PostGIS's in-db pixels ($(echo "$a" | wc -l) of $n pixels not nodata)"
else
  echo "FAIL out-db pixels differ from PostGIS's in-db pixels ($n pixels)"; fail=1
fi

# npp_downscale and npp_background: the rasters of sql/vcs_raster.sql (coarse
# NPP 3 x 2 of 90 m, 2-band disturbance 7 x 6 of 30 m), written to GeoTIFF by
# PostGIS (ST_AsGDALRaster) and loaded untiled
q -c "SELECT encode(ST_AsGDALRaster(ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(3, 2, 0, 180, 90, -90, 0, 0, 32650), '32BF'::text, 0, -1), 1, 1, 1,
        ARRAY[[300, 200, 500], [40, -1, 500]]::double precision[][]), 'GTiff'), 'base64')" | base64 -d >"$dir/vr_npp.tif"
q -c "SELECT encode(ST_AsGDALRaster(ST_SetValues(ST_SetValues(ST_AddBand(ST_AddBand(ST_MakeEmptyRaster(7, 6, 0, 180, 30, -30, 0, 0, 32650), '16BUI'::text, 0, 0), '16BUI'::text, 0, NULL), 1, 1, 1,
        ARRAY[[2009, 2009, 2009, 0, 0, 0, 0], [2005, 2011, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
              [2001, 2001, 2001, 0, 0, 0, 0], [2001, 2001, 2001, 0, 0, 0, 0], [2001, 2001, 2001, 0, 0, 0, 0]]::double precision[][]),
        2, 1, 1, ARRAY[[0, 0, 0, 0, 0, 0, 0], [2008, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
              [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [0, 0, 2015, 0, 0, 0, 0]]::double precision[][]), 'GTiff'), 'base64')" | base64 -d >"$dir/vr_dist.tif"
chmod 644 "$dir"/vr_*.tif
for t in vr_npp vr_dist; do
  raster2pgsql -q -s 32650 "$dir/$t.tif" "public.${t}_in" | q >/dev/null
  raster2pgsql -q -s 32650 -R "$dir/$t.tif" "public.${t}_out" | q >/dev/null
done
q -c "GRANT SELECT ON ALL TABLES IN SCHEMA public TO eco_od_user"
same "npp_downscale" "SELECT y, (ST_DumpValues(ecocomp.npp_downscale(n.rast, d.rast, y, 40))).valarray FROM vr_npp@ n, vr_dist@ d, generate_series(2007, 2011) y ORDER BY 1"
same "npp_background" "SELECT y, ecocomp.npp_background(n.rast, d.rast, y) FROM vr_npp@ n, vr_dist@ d, generate_series(2000, 2002) y GROUP BY y ORDER BY y"
# hand value from sql/vcs_raster.sql: in 2001 only C (NPP 40) is entirely destroyed
bg=$(q -c "SELECT ecocomp.npp_background(n.rast, d.rast, 2001) FROM vr_npp_out n, vr_dist_out d")
[ "$bg" = 40 ] && echo "ok   npp_background out-db = 40 (hand value)" || { echo "FAIL npp_background out-db = $bg, not 40"; fail=1; }

# the dataset cache survives PostGIS's driver reset: setting
# postgis.gdal_enabled_drivers destroys GDAL's driver manager, which closes
# every open dataset, in the middle of a session that has cached some
Q="SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) FROM lu2020@ t, zone z GROUP BY z.id ORDER BY z.id"
Q2="SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) FROM lu2025@ t, zone z GROUP BY z.id ORDER BY z.id"
a=$(q -c "${Q//@/_in}" -c "${Q2//@/_in}" -c "${Q//@/_in}" -c "${Q2//@/_in}" -c "${Q//@/_in}")
b=$(q -c "${Q//@/_out}" -c "${Q2//@/_out}" -c "SET postgis.gdal_enabled_drivers = 'GTiff PNG'" -c "${Q//@/_out}" -c "${Q2//@/_out}" \
      -c "SET postgis.gdal_enabled_drivers = 'ENABLE_ALL'" -c "${Q//@/_out}")
[ "$a" = "$b" ] && echo "ok   driver reset in a session" || { echo "FAIL driver reset in a session"; diff <(echo "$a") <(echo "$b"); fail=1; }

# a non-superuser reads out-db tiles under the database's settings
a=$(q -c "SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) FROM lu2020_in t, zone z GROUP BY z.id ORDER BY z.id")
b=$(psql -qXAt -v ON_ERROR_STOP=1 -U eco_od_user -c "SELECT z.id, ecocomp.landuse_area(t.rast, z.geom) FROM lu2020_out t, zone z GROUP BY z.id ORDER BY z.id")
[ "$a" = "$b" ] && echo "ok   non-superuser" || { echo "FAIL non-superuser: $b"; fail=1; }

# ---- errors: SQLSTATE and message; the server stays up ----
started=$(q -c "SELECT pg_postmaster_start_time()")
# expect NAME SQLSTATE TEXT SQL [psql options]: SQL fails with SQLSTATE and a
# message (or detail) containing TEXT
expect() {
  local name=$1 code=$2 text=$3 sql=$4 out; shift 4
  out=$(psql -qXAt "$@" -v VERBOSITY=verbose -c "$sql" 2>&1 || true)
  if grep -q "ERROR:  $code: " <<<"$out" && grep -qF -- "$text" <<<"$out"; then
    echo "ok   $name: $(grep -m1 "ERROR:" <<<"$out")"
  else
    echo "FAIL $name (want $code, \"$text\"):"; echo "$out" | sed 's/^/    /'; fail=1
  fi
}
area="SELECT ecocomp.landuse_area(t.rast, z.geom) FROM lu2020_out t, zone z WHERE z.id = 1"
expect "postgis.enable_outdb_rasters off" 0A000 "access to out-db raster bands is disabled" \
  "SET postgis.enable_outdb_rasters = off; $area"
expect "switch off: vcs" 0A000 "$dir/npp2001.tif" \
  "SET postgis.enable_outdb_rasters = off; SELECT ecocomp.vcs(rast, 1) FROM npp2001_out"
expect "DISABLE_ALL" 0A000 "all GDAL drivers are disabled" \
  "SET postgis.gdal_enabled_drivers = 'DISABLE_ALL'; $area"
expect "GTiff not enabled" 0A000 "postgis.gdal_enabled_drivers is 'PNG JPEG'" \
  "SET postgis.gdal_enabled_drivers = 'PNG JPEG'; $area"
# without the database default, a non-superuser's SET on a placeholder (the
# PostGIS library not yet loaded in the session) does not enable out-db
q -c "ALTER DATABASE $db RESET postgis.enable_outdb_rasters"
expect "non-superuser cannot enable" 0A000 "access to out-db raster bands is disabled" \
  "SET postgis.enable_outdb_rasters = on; $area" -U eco_od_user
q -c "ALTER DATABASE $db SET postgis.enable_outdb_rasters = on"

# missing file
cp "$dir/lu2020.tif" "$dir/gone.tif"
raster2pgsql -q -s 32650 -t 20x15 -R "$dir/gone.tif" public.gone | q >/dev/null
rm "$dir/gone.tif"
expect "missing file" 58P01 "could not read out-db file \"$dir/gone.tif\"" \
  "SELECT ecocomp.landuse_area(t.rast, z.geom) FROM gone t, zone z WHERE z.id = 1"
# unreadable file (owned by us, mode 000: the server's user cannot read it)
cp "$dir/lu2020.tif" "$dir/locked.tif"
raster2pgsql -q -s 32650 -t 20x15 -R "$dir/locked.tif" public.locked | q >/dev/null
chmod 000 "$dir/locked.tif"
expect "unreadable file" 42501 "could not read out-db file \"$dir/locked.tif\"" \
  "SELECT ecocomp.pixel_values(rast) FROM locked"
# not a raster
cp "$dir/lu2020.tif" "$dir/junk.tif"
raster2pgsql -q -s 32650 -t 20x15 -R "$dir/junk.tif" public.junk | q >/dev/null
echo "not a GeoTIFF" >"$dir/junk.tif"
expect "not a raster" 0A000 "no enabled GDAL driver can open out-db file \"$dir/junk.tif\"" \
  "SELECT ecocomp.pixel_values(rast) FROM junk"
# a file smaller than the grid its tiles were cut from
cp "$dir/lu2020.tif" "$dir/shrunk.tif"
raster2pgsql -q -s 32650 -t 20x15 -R "$dir/shrunk.tif" public.shrunk | q >/dev/null
gdal_translate -q -srcwin 0 0 30 30 "$dir/lu2020.tif" "$dir/shrunk.tif"
expect "smaller file" 22000 "the file has 30 x 30 pixels" \
  "SELECT ecocomp.landuse_area(t.rast, z.geom, 1, 'center') FROM shrunk t, zone z WHERE z.id = 1"
# tiles padded past the file's edge (raster2pgsql -P): refused, with a hint
raster2pgsql -q -s 32650 -t 20x15 -P -R "$dir/lu2020.tif" public.padded 2>/dev/null | q >/dev/null
expect "padded tiles" 22000 "(raster2pgsql -P)" \
  "SELECT ecocomp.landuse_area(t.rast, z.geom, 1, 'center') FROM padded t, zone z WHERE z.id = 3"
# a 2-band file replaced by a 1-band one
gdal_translate -q -b 1 -b 1 "$dir/lu2020.tif" "$dir/twoband.tif"
raster2pgsql -q -s 32650 -t 20x15 -R "$dir/twoband.tif" public.twoband | q >/dev/null
cp "$dir/lu2020.tif" "$dir/twoband.tif"
expect "band count" 22000 "refers to band 2 of the file, which has 1 band(s)" \
  "SELECT ecocomp.landuse_area(t.rast, z.geom, 2) FROM twoband t, zone z WHERE z.id = 1"
# another pixel type than the tile declares (Int16 instead of Byte)
cp "$dir/lu2020.tif" "$dir/retyped.tif"
raster2pgsql -q -s 32650 -t 20x15 -R "$dir/retyped.tif" public.retyped | q >/dev/null
gdal_translate -q -ot Int16 "$dir/lu2020.tif" "$dir/retyped.tif"
expect "pixel type" 22000 "has GDAL data type Int16; the tile declares 8BUI" \
  "SELECT ecocomp.esv_value(t.rast, z.geom, 3000) FROM retyped t, zone z WHERE z.id = 1"
# a file moved on the grid (another origin)
cp "$dir/lu2020.tif" "$dir/moved.tif"
raster2pgsql -q -s 32650 -t 20x15 -R "$dir/moved.tif" public.moved | q >/dev/null
gdal_translate -q -a_ullr 400015 4500000 401605 4498770 "$dir/lu2020.tif" "$dir/moved.tif"
expect "off the grid" 22000 "is not on the file's grid" \
  "SELECT ecocomp.landuse_transition(a.rast, a.rast, z.geom) FROM moved a, zone z WHERE z.id = 1"

now=$(q -c "SELECT pg_postmaster_start_time()")
[ "$started" = "$now" ] && echo "ok   the server stayed up" || { echo "FAIL the server restarted"; fail=1; }
exit $fail

#!/usr/bin/env bash
# The upgrade check (tools/check-upgrade.sh) on a fixture extension, where a
# correct upgrade script must pass and a broken one must be caught, then on
# every released version of ecocomp (sql/released/ecocomp--X.sql): install
# X, ALTER EXTENSION UPDATE, compare with a fresh install.  Before that: the
# committed generated upgrade scripts must be what tools/gen-upgrade.py makes
# of the current sources, and the library must still have every C symbol of
# the released scripts.  After it: an account made by create_accounts under
# the oldest release survives the upgrade, and create_accounts run again
# gives the current views over the same rows.
set -euo pipefail
cd "$ECOCOMP_ROOT"
current=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" ecocomp.control)

# 1. generated upgrade scripts are current (a merge that changes sql/install/
# must run `make upgrade-script`)
for f in sql/ecocomp--*--"$current".sql; do
  [ -e "$f" ] || continue
  from=${f#sql/ecocomp--}; from=${from%%--*}
  if ! python3 tools/gen-upgrade.py "$from" "$current" --output "$ECOCOMP_TMP/regen.sql" >/dev/null 2>"$ECOCOMP_TMP/regen.err"; then
    echo "FAIL: tools/gen-upgrade.py $from $current cannot generate the upgrade script:"; cat "$ECOCOMP_TMP/regen.err"; exit 1
  fi
  if ! diff -u "$f" "$ECOCOMP_TMP/regen.sql" >"$ECOCOMP_TMP/regen.diff"; then
    echo "FAIL: $f is not what tools/gen-upgrade.py makes of the current sql/install/ and sql/upgrade/:"
    echo "      run 'make upgrade-script' and commit $f (first lines of the difference, - committed, + generated):"
    head -40 "$ECOCOMP_TMP/regen.diff"; exit 1
  fi
  echo "$f: current (regenerated and identical)"
done

# 2. every C symbol a released script names must still be in the library
so=$(find "$ECOCOMP_TMP/pg" -name ecocomp.so | head -1)
nm -D --defined-only "$so" | awk '{print $NF}' | sort -u >"$ECOCOMP_TMP/symbols"
for f in sql/released/ecocomp--*.sql; do
  [ -e "$f" ] || continue
  grep -oE "'MODULE_PATHNAME'[[:space:]]*,[[:space:]]*'[A-Za-z0-9_]+'" "$f" | sed -E "s/.*'([A-Za-z0-9_]+)'$/\1/" | sort -u >"$ECOCOMP_TMP/wanted"
  missing=$(comm -23 "$ECOCOMP_TMP/wanted" "$ECOCOMP_TMP/symbols" | paste -sd' ')
  if [ -n "$missing" ]; then
    echo "FAIL: $f needs C symbols the library no longer has: $missing"
    echo "      (keep them in src/, e.g. as functions raising a clear error, so CREATE EXTENSION ... VERSION works)"
    exit 1
  fi
  echo "$f: all $(wc -l <"$ECOCOMP_TMP/wanted") C symbols present"
done
ext_dir=$(find "$ECOCOMP_TMP/pg" -type d -path '*/share/postgresql/*/extension' | head -1)
fix=test/upgrade-fixture
cp $fix/ecocomp_fixture.control $fix/ecocomp_fixture--*.sql "$ext_dir"/
# the broken twin: its upgrade script forgets the new comment and function
sed 's/fixture/fixture_bad/' $fix/ecocomp_fixture.control >"$ext_dir/ecocomp_fixture_bad.control"
cp $fix/ecocomp_fixture--1.0.sql "$ext_dir/ecocomp_fixture_bad--1.0.sql"
cp $fix/ecocomp_fixture--1.1.sql "$ext_dir/ecocomp_fixture_bad--1.1.sql"
grep -v -e "COMMENT ON TABLE" -e "halve" $fix/ecocomp_fixture--1.0--1.1.sql \
  | grep -v "^RETURN x / 2;" >"$ext_dir/ecocomp_fixture_bad--1.0--1.1.sql"

bash tools/check-upgrade.sh ecocomp_fixture 1.0
if bash tools/check-upgrade.sh ecocomp_fixture_bad 1.0 >"$ECOCOMP_TMP/bad.txt" 2>&1; then
  echo "FAIL: a broken upgrade script was not detected"; cat "$ECOCOMP_TMP/bad.txt"; exit 1
fi
for want in "comment: parameters with units" "halve"; do
  grep -q -- "$want" "$ECOCOMP_TMP/bad.txt" || { echo "FAIL: difference '$want' not reported"; cat "$ECOCOMP_TMP/bad.txt"; exit 1; }
done
echo "broken fixture upgrade detected, as it must be"

# the generator on its own fixture: 1.0 -> 2.0 with a changed signature, a
# changed return type, a changed state type, a removed routine and type, a
# new column, changed / removed / new reference rows, a user row and a user
# view on the changed functions
gen=test/upgrade-fixture/gen
cp $gen/ecocomp_gen.control $gen/sql/released/ecocomp_gen--1.0.sql "$ext_dir"/
cat $gen/sql/install/*.sql >"$ext_dir/ecocomp_gen--2.0.sql"
python3 tools/gen-upgrade.py 1.0 2.0 --ext ecocomp_gen --root $gen --output "$ext_dir/ecocomp_gen--1.0--2.0.sql" >/dev/null
bash tools/check-upgrade.sh ecocomp_gen 1.0 $gen/user-objects.sql $gen/after.sql | tee "$ECOCOMP_TMP/gen.txt"
# by hand: the 1.0 view keeps 1.0's scaled(2, 3) = 2 * 3 = 6 and label(2) =
# 'big'; in 2.0 scaled(2, 3, 1) = 2 * 3 + 1 = 7, doubled(4) = scaled(4, 2) =
# 8, label(2) = 'large', total(1, NULL, 2) = 1 + 0 + 2 = 3
for want in "view: s=6 l=big mine=42" "new: scaled=7 doubled=8 label=large total=3" \
    "retired, outside the extension: ecocomp_gen.label_1_0(double precision), ecocomp_gen.scaled_1_0(double precision,double precision)" \
    "WARNING:  ecocomp_gen 2.0: ecocomp_gen.label(double precision), which view public.uses_gen depend(s) on"; do
  grep -qF -- "$want" "$ECOCOMP_TMP/gen.txt" || { echo "FAIL: generated fixture upgrade: '$want' missing"; exit 1; }
done
# without its prologue line the generator must refuse (label changes its
# return type), and name the fix
rm -rf "$ECOCOMP_TMP/genbad" && cp -r $gen "$ECOCOMP_TMP/genbad"
grep -v "_upgrade_retire" $gen/sql/upgrade/1.0--2.0-pre.sql >"$ECOCOMP_TMP/genbad/sql/upgrade/1.0--2.0-pre.sql"
if python3 tools/gen-upgrade.py 1.0 2.0 --ext ecocomp_gen --root "$ECOCOMP_TMP/genbad" --output /dev/null 2>"$ECOCOMP_TMP/genbad.txt"; then
  echo "FAIL: the generator accepted a return type change without a prologue"; exit 1
fi
grep -q "routine label(double precision): returns character varying, was text" "$ECOCOMP_TMP/genbad.txt" \
  || { echo "FAIL: the generator's refusal does not name label:"; cat "$ECOCOMP_TMP/genbad.txt"; exit 1; }
echo "generator refuses a return type change the prologue does not handle, as it must"

n=0
for f in sql/released/ecocomp--*.sql; do
  [ -e "$f" ] || continue
  v=$(basename "$f" .sql); v=${v#ecocomp--}
  [ "$v" = "$current" ] && continue
  bash tools/check-upgrade.sh ecocomp "$v"
  n=$((n + 1))
done
echo "ecocomp $current: $n released versions upgraded and compared"
# the snapshot of ecocomp itself must be complete enough to compare
psql -qX -d postgres -c "CREATE DATABASE ecocomp_snap" >/dev/null
psql -qX -d ecocomp_snap -c "CREATE EXTENSION ecocomp CASCADE" >/dev/null
lines=$(psql -qX -v ON_ERROR_STOP=1 -v ext=ecocomp -d ecocomp_snap -f tools/ext-snapshot.sql | wc -l)
psql -qX -d postgres -c "DROP DATABASE ecocomp_snap" >/dev/null
echo "snapshot of ecocomp $current: $lines lines"
[ "$lines" -gt 100 ]

# 3. an account of the oldest release survives the upgrade, and
# create_accounts run again gives the current views over the same rows
oldest=$(printf "%s\n" sql/released/ecocomp--*.sql | sed 's/.*ecocomp--//; s/\.sql$//' | sort -V | head -1)
[ -n "$oldest" ] && [ "$oldest" != "$current" ] || exit 0
db=ecocomp_upgrade_account
psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
P=(psql -qX -v ON_ERROR_STOP=1 -d "$db")
"${P[@]}" -c "CREATE EXTENSION ecocomp VERSION '$oldest' CASCADE" 2>/dev/null
# two cities over a 6 x 3 land-use raster of 100 m pixels (1 ha each), a
# zone with one district, statistics, a changed setting
"${P[@]}" >/dev/null <<'SQL'
SET search_path = public, ecocomp;
SELECT ecocomp.create_accounts('acct', 32650);
INSERT INTO acct.region (region_id, name, level, geom) VALUES
(1, 'One', 'city', ST_Multi(ST_MakeEnvelope(500000, 4000000, 500300, 4000300, 32650))),
(2, 'Two', 'city', ST_Multi(ST_MakeEnvelope(500300, 4000000, 500600, 4000300, 32650))),
(10, 'Zone', 'zone', ST_Multi(ST_MakeEnvelope(0, 0, 1000, 1000, 32650)));
INSERT INTO acct.region (region_id, name, level, parent_id, geom) VALUES
(11, 'District', 'district', 10, ST_Multi(ST_MakeEnvelope(0, 0, 1000, 1000, 32650)));
INSERT INTO acct.landuse_raster (year, classification, rast)
SELECT 2020, 'cnlucc', ST_SetValues(ST_AddBand(ST_MakeEmptyRaster(6, 3, 500000, 4000300, 100, -100, 0, 0, 32650), '8BUI'::text, 12, 0),
	1, 1, 1, ARRAY[[21, 12, 12, 21, 21, 21], [12, 12, 12, 21, 21, 21], [12, 12, 12, 42, 42, 21]]::float8[]);
INSERT INTO acct.region_stat (region_id, year, gdp_yuan, ea_yuan_per_hm2, aquatic_output_t, freshwater_use_m3, pollution_dilution_m3, water_resources_m3) VALUES
(1, 2020, 50000, 1000, NULL, NULL, NULL, NULL), (2, 2020, 80000, 1000, NULL, NULL, NULL, NULL),
(11, 2020, NULL, NULL, 29, 2912000, 1456000, 2912000);
INSERT INTO acct.crop_stat VALUES (1, 2020, 'rice', 2.5, 6000, 100);
UPDATE acct.settings SET compensation_k = 0.2;
-- a mine with a hand-made VCS series (two pixels, destroyed in 2003)
INSERT INTO acct.region (region_id, name, level, geom) VALUES
(20, 'Mine', 'mine', ST_Multi(ST_MakeEnvelope(600000, 4000000, 600060, 4000030, 32650)));
INSERT INTO acct.mine_vcs (region_id, pixel_id, year, vcs_g_co2_m2, area_m2, destroyed_year, restored_year)
SELECT 20, p, y, 1000 + 10 * y - 20000 - CASE WHEN p = 1 AND y >= 2003 THEN 600 ELSE 0 END, 900,
	   CASE WHEN p = 1 THEN 2003 END, NULL
FROM generate_series(1, 2) p, generate_series(2000, 2005) y;
SQL
# city One is raster columns 1-3: 9 pixels of 1 ha, code 12 on 8, code 21 on 1
area_ok="SELECT (landuse_area_ha->>'12')::float8 = 8 AND (landuse_area_ha->>'21')::float8 = 1
         FROM acct.region_landuse WHERE region_id = 1 AND year = 2020"
rows="SELECT (SELECT count(*) FROM acct.region) || ' regions, ' || (SELECT count(*) FROM acct.region_stat) || ' statistics, '
      || (SELECT count(*) FROM acct.crop_stat) || ' crops, ' || (SELECT count(*) FROM acct.landuse_raster) || ' tiles, k = '
      || (SELECT compensation_k FROM acct.settings)"
[ "$("${P[@]}" -At -c "$area_ok")" = t ] || { echo "FAIL: $oldest account: land-use areas of city One are not 8 ha of 12 and 1 ha of 21"; exit 1; }
want_rows="5 regions, 3 statistics, 1 crops, 1 tiles, k = 0.2"
[ "$("${P[@]}" -At -c "$rows")" = "$want_rows" ] || { echo "FAIL: $oldest account rows: $("${P[@]}" -At -c "$rows")"; exit 1; }

"${P[@]}" -c "ALTER EXTENSION ecocomp UPDATE" 2>"$ECOCOMP_TMP/update.log" || { cat "$ECOCOMP_TMP/update.log"; exit 1; }
echo "ALTER EXTENSION ecocomp UPDATE ($oldest -> $current) with a $oldest account says:"
sed 's/^/    /' "$ECOCOMP_TMP/update.log"
# the account's old views still work (on the retired routines), its rows are there
for v in city_esv city_compensation water_compensation mine_carbon_deficit; do
  "${P[@]}" -At -c "SELECT count(*) FROM acct.$v" >/dev/null \
    || { echo "FAIL: the $oldest view acct.$v does not work after the update"; exit 1; }
done
[ "$("${P[@]}" -At -c "$rows")" = "$want_rows" ] || { echo "FAIL: account rows after the update: $("${P[@]}" -At -c "$rows")"; exit 1; }

# create_accounts again: the current views; compare with a fresh account of
# the same rows (tables, views and what the views return)
"${P[@]}" -c "SELECT ecocomp.create_accounts('acct', 32650)" -c "SELECT ecocomp.create_accounts('fresh', 32650)" >/dev/null
[ "$("${P[@]}" -At -c "$rows")" = "$want_rows" ] || { echo "FAIL: account rows after create_accounts: $("${P[@]}" -At -c "$rows")"; exit 1; }
"${P[@]}" >/dev/null <<'SQL'
DELETE FROM fresh.settings;
INSERT INTO fresh.settings SELECT * FROM acct.settings;
INSERT INTO fresh.region SELECT * FROM acct.region ORDER BY parent_id NULLS FIRST;
INSERT INTO fresh.region_stat SELECT * FROM acct.region_stat;
INSERT INTO fresh.crop_stat SELECT * FROM acct.crop_stat;
INSERT INTO fresh.landuse_raster SELECT * FROM acct.landuse_raster;
INSERT INTO fresh.mine_vcs SELECT * FROM acct.mine_vcs;
SQL
if "${P[@]}" -At -c "SELECT 1 FROM pg_proc WHERE proname = 'refresh' AND pronamespace = 'acct'::regnamespace" | grep -q 1; then
  "${P[@]}" -c "SELECT acct.refresh()" -c "SELECT fresh.refresh()" >/dev/null
fi
[ "$("${P[@]}" -At -c "$area_ok")" = t ] || { echo "FAIL: after create_accounts, land-use areas of city One are wrong"; exit 1; }
# the mine's pixel 1 has VCS 1000 + 10 (y - 2000) g CO2/m2, less 600 from
# 2003: 1020 in 2002, 430 in 2003; direct decrease (1020 - 430) g/m2 x 900 m2
# = 531000 g = 0.000531 Gg CO2
dd=$("${P[@]}" -At -c "SELECT abs(direct_decrease_gg_co2 - 0.000531) < 1e-12 FROM acct.mine_carbon_deficit WHERE region_id = 20")
[ "$dd" = t ] || { echo "FAIL: after create_accounts, the mine's direct decrease is not 0.000531 Gg CO2"; exit 1; }
describe="
SELECT format('%s %s %s', c.relkind, c.relname, string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum))
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relnamespace = :'s'::regnamespace AND c.relkind IN ('r', 'v', 'm')
GROUP BY c.relkind, c.relname
UNION ALL
SELECT format('view %s %s', c.relname, replace(pg_get_viewdef(c.oid), :'s' || '.', 'S.'))
FROM pg_class c WHERE c.relnamespace = :'s'::regnamespace AND c.relkind IN ('v', 'm')
UNION ALL
SELECT format('function %s', replace(p.oid::regprocedure::text, :'s' || '.', 'S.'))
FROM pg_proc p WHERE p.pronamespace = :'s'::regnamespace
ORDER BY 1"
"${P[@]}" -At -v s=acct <<<"$describe" >"$ECOCOMP_TMP/acct.txt"
"${P[@]}" -At -v s=fresh <<<"$describe" >"$ECOCOMP_TMP/fresh.txt"
if ! diff -u "$ECOCOMP_TMP/fresh.txt" "$ECOCOMP_TMP/acct.txt"; then
  echo "FAIL: the upgraded account differs from a fresh one after create_accounts (- fresh, + upgraded)"; exit 1
fi
"${P[@]}" -At >"$ECOCOMP_TMP/views.sql" <<'SQL'
SELECT format($q$SELECT %L || ' ' || (SELECT md5(coalesce(string_agg((to_jsonb(v) - 'refreshed_at' - 'refreshed_by_xact')::text, E'\n' ORDER BY to_jsonb(v)::text), '')) FROM acct.%I v)
	|| ' ' || (SELECT md5(coalesce(string_agg((to_jsonb(v) - 'refreshed_at' - 'refreshed_by_xact')::text, E'\n' ORDER BY to_jsonb(v)::text), '')) FROM fresh.%I v);$q$,
	c.relname, c.relname, c.relname)
FROM pg_class c WHERE c.relnamespace = 'acct'::regnamespace AND c.relkind IN ('v', 'm') ORDER BY c.relname;
SQL
"${P[@]}" -At -f "$ECOCOMP_TMP/views.sql" >"$ECOCOMP_TMP/views.txt"
if awk '$2 != $3 { bad = 1; print "FAIL: view " $1 " returns other rows in the upgraded account than in a fresh one" } END { exit !bad }' "$ECOCOMP_TMP/views.txt"; then
  exit 1
fi
echo "upgraded account after create_accounts: $(wc -l <"$ECOCOMP_TMP/views.txt") views return what a fresh account's do; its tables, views (columns and definitions) and functions are a fresh account's"
# the routines the update detached are no longer used by the account: they drop
"${P[@]}" -At -c "
SELECT p.oid::regprocedure FROM pg_proc p
WHERE p.pronamespace = 'ecocomp'::regnamespace
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')" >"$ECOCOMP_TMP/detached"
while read -r f; do
  "${P[@]}" -c "DROP ROUTINE $f" || { echo "FAIL: $f is still in use after create_accounts"; exit 1; }
  echo "detached $f: dropped after create_accounts"
done <"$ECOCOMP_TMP/detached"
psql -qX -d postgres -c "DROP DATABASE $db" >/dev/null

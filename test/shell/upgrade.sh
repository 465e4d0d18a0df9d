#!/usr/bin/env bash
# The upgrade check (tools/check-upgrade.sh) on a fixture extension, where a
# correct upgrade script must pass and a broken one must be caught, then on
# every released version of ecocomp (sql/released/ecocomp--X.sql): install
# X, ALTER EXTENSION UPDATE, compare with a fresh install.
set -euo pipefail
cd "$ECOCOMP_ROOT"
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

current=$(sed -n "s/^default_version[[:space:]]*=[[:space:]]*'\([^']*\)'.*/\1/p" ecocomp.control)
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

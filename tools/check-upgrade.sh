#!/usr/bin/env bash
# check-upgrade.sh EXT OLD_VERSION [SETUP.sql [AFTER.sql]]: install EXT at
# OLD_VERSION, ALTER EXTENSION UPDATE to the default version, and compare
# everything it owns (definitions, comments, ACLs, pg_dump registration,
# table contents) with a fresh CREATE EXTENSION.  SETUP, if given, runs in
# both databases right after CREATE EXTENSION (user rows, user views on the
# extension's functions: they must survive the update); AFTER runs in the
# upgraded database after the update and must succeed (its output and the
# update's messages are printed).  Needs a running server
# (PGHOST/PGPORT/PGUSER).  Exit 0 when identical; prints the differences
# otherwise.
set -euo pipefail
ext=$1 old=$2 setup=${3:-} after=${4:-}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
db_up=ecocomp_upgrade_$$_a
db_fresh=ecocomp_upgrade_$$_b
out=$(mktemp -d)
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db_up" -c "DROP DATABASE IF EXISTS $db_fresh" >/dev/null 2>&1; rm -rf "$out"' EXIT
psql -qX -d postgres -c "CREATE DATABASE $db_up" -c "CREATE DATABASE $db_fresh" >/dev/null
psql -qX -v ON_ERROR_STOP=1 -d "$db_up" -c "CREATE EXTENSION $ext VERSION '$old' CASCADE" >"$out/create.log" 2>&1 \
  || { echo "$ext $old -> CREATE EXTENSION $ext VERSION '$old' failed:"; cat "$out/create.log"; exit 1; }
psql -qX -v ON_ERROR_STOP=1 -d "$db_fresh" -c "CREATE EXTENSION $ext CASCADE" >"$out/create.log" 2>&1 \
  || { echo "$ext $old -> CREATE EXTENSION $ext failed:"; cat "$out/create.log"; exit 1; }
if [ -n "$setup" ]; then
  psql -qX -v ON_ERROR_STOP=1 -d "$db_up" -f "$setup" >/dev/null
  psql -qX -v ON_ERROR_STOP=1 -d "$db_fresh" -f "$setup" >/dev/null
fi
if ! psql -qX -v ON_ERROR_STOP=1 -d "$db_up" -c "ALTER EXTENSION $ext UPDATE" >"$out/update.log" 2>&1; then
  echo "$ext $old -> ALTER EXTENSION UPDATE failed:"; cat "$out/update.log"; exit 1
fi
if [ -n "$setup" ] && [ -s "$out/update.log" ]; then
  echo "$ext $old -> ALTER EXTENSION UPDATE says:"; sed 's/^/    /' "$out/update.log"
fi
if [ -n "$after" ]; then
  psql -qX -v ON_ERROR_STOP=1 -d "$db_up" -f "$after" 2>&1 | sed 's/^/    /'
  [ "${PIPESTATUS[0]}" -eq 0 ] || { echo "$ext $old -> $after failed after the update"; exit 1; }
fi
for db in "$db_up" "$db_fresh"; do
  psql -qX -v ON_ERROR_STOP=1 -v ext="$ext" -d "$db" -f "$here/ext-snapshot.sql" >"$out/$db.txt"
  psql -qXAt -d "$db" -c "SELECT extversion FROM pg_extension WHERE extname = '$ext'" >>"$out/$db.txt"
done
if diff -u "$out/$db_fresh.txt" "$out/$db_up.txt" >"$out/diff"; then
  echo "$ext $old -> $(tail -1 "$out/$db_up.txt"): upgrade equals fresh install ($(wc -l <"$out/$db_up.txt") lines compared)"
else
  echo "$ext $old -> update differs from a fresh install (- fresh, + upgraded):"
  cat "$out/diff"
  exit 1
fi

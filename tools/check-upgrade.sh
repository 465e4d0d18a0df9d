#!/usr/bin/env bash
# check-upgrade.sh EXT OLD_VERSION: install EXT at OLD_VERSION, ALTER
# EXTENSION UPDATE to the default version, and compare everything it owns
# (definitions, comments, ACLs, pg_dump registration, table contents) with
# a fresh CREATE EXTENSION.  Needs a running server (PGHOST/PGPORT/PGUSER).
# Exit 0 when identical; prints the differences otherwise.
set -euo pipefail
ext=$1 old=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
db_up=ecocomp_upgrade_$$_a
db_fresh=ecocomp_upgrade_$$_b
out=$(mktemp -d)
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db_up" -c "DROP DATABASE IF EXISTS $db_fresh" >/dev/null 2>&1; rm -rf "$out"' EXIT
psql -qX -d postgres -c "CREATE DATABASE $db_up" -c "CREATE DATABASE $db_fresh" >/dev/null
psql -qX -v ON_ERROR_STOP=1 -d "$db_up" \
  -c "CREATE EXTENSION $ext VERSION '$old' CASCADE" \
  -c "ALTER EXTENSION $ext UPDATE" >/dev/null
psql -qX -v ON_ERROR_STOP=1 -d "$db_fresh" -c "CREATE EXTENSION $ext CASCADE" >/dev/null
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

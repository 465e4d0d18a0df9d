#!/usr/bin/env bash
# docs/reference.md is generated from the catalog's COMMENTs; fail when the
# committed page differs from what the installed extension says (run
# `bash tools/gen-reference.sh` to regenerate it).
set -euo pipefail
db=eco_docs_ref
psql -qX -d postgres -c "CREATE DATABASE $db" >/dev/null
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
PGDATABASE=$db psql -qX -v ON_ERROR_STOP=1 -c "CREATE EXTENSION ecocomp CASCADE" >/dev/null 2>&1
PGDATABASE=$db bash "$ECOCOMP_ROOT/tools/gen-reference.sh" --stdout >"$ECOCOMP_TMP/reference.md"
if ! diff -u "$ECOCOMP_ROOT/docs/reference.md" "$ECOCOMP_TMP/reference.md"; then
  echo "FAIL: docs/reference.md differs from the catalog (lines - committed, + catalog);"
  echo "regenerate it with: bash tools/gen-reference.sh"
  exit 1
fi
echo "docs/reference.md matches the catalog ($(grep -c '^### ' "$ECOCOMP_TMP/reference.md") entries)"

#!/usr/bin/env bash
# The README's quick start runs as printed: the first ```sql block after
# "## Quick start" runs in a fresh database and its output must equal the
# ```text block that follows it.
#
# Hand check of the printed numbers (pixels 30 m = 0.09 hm2; the raster is
# 100 x 100 pixels from x 500000, the districts split it at x 501500, i.e.
# after column 50; the lake is columns 40..60 x rows 40..60):
#   West: columns 1..50 = 5000 px = 450 hm2; lake 11 x 21 = 231 px = 20.79,
#         dry land 450 - 20.79 = 429.21
#   East: lake 10 x 21 = 210 px = 18.9, forest 450 - 18.9 = 431.1
#   ESV total (Xie 2015 equivalents per hm2: dry land 4.01, CNLUCC 21 ->
#   mixed forest 23.09, CNLUCC 42 -> water system 125.61), E_a 3452:
#   West 3452 (429.21 * 4.01 + 20.79 * 125.61) = 3452 * 4332.564 = 14956011
#   East 3452 (431.1 * 23.09 + 18.9 * 125.61) = 3452 * 12328.128 = 42556698
#   ECPS East = 39880096 / 5e7 = 0.798 (high, > 0.5); West 12405468 / 2e8
#   = 0.062 (very low); R East = 39880096 * 0.15 * 2 atan(0.7976) / pi
#   = 39880096 * 0.15 * 0.42864 = 2564020
set -euo pipefail
readme=$ECOCOMP_ROOT/README.md
awk '/^## Quick start/ { q = 1 } q && /^```sql/ { s = 1; next } s && /^```/ { exit } s' "$readme" >"$ECOCOMP_TMP/qs.sql"
awk '/^## Quick start/ { q = 1 } q && /^```sql/ { s = 1 } s && /^```text/ { t = 1; next } t && /^```/ { exit } t' "$readme" >"$ECOCOMP_TMP/qs.expected"
[ -s "$ECOCOMP_TMP/qs.sql" ] && [ -s "$ECOCOMP_TMP/qs.expected" ] || { echo "FAIL: no quick start (sql and text blocks) in README.md"; exit 1; }
db=eco_quickstart
psql -qX -d postgres -c "CREATE DATABASE $db" >/dev/null
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1' EXIT
if ! psql -X -q -v ON_ERROR_STOP=1 -d $db -f "$ECOCOMP_TMP/qs.sql" >"$ECOCOMP_TMP/qs.out" 2>"$ECOCOMP_TMP/qs.err"; then
  echo "FAIL: the quick start does not run:"; cat "$ECOCOMP_TMP/qs.err"; exit 1
fi
# (trailing blanks of psql's aligned output are not compared: editors strip them)
sed -i 's/[[:space:]]*$//' "$ECOCOMP_TMP/qs.expected" "$ECOCOMP_TMP/qs.out"
if ! diff -u "$ECOCOMP_TMP/qs.expected" "$ECOCOMP_TMP/qs.out"; then
  echo "FAIL: the quick start's output differs from README.md (- README, + actual)"; exit 1
fi
echo "README quick start runs and prints what the README shows"

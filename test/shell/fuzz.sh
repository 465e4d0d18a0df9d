#!/usr/bin/env bash
# Fuzz test: thousands of mutated serialized rasters through the raster
# reader (ecocomp._raster_check) and mutated landuse_state text and binary
# values through their input functions; passes when the server stays up and
# no call ends with an internal error (XX000).  Under ECOCOMP_VALGRIND=1 a
# tenth of the cases run (each backend is some 50 times slower there).
# ECOCOMP_FUZZ_SEED=N repeats the random part of a run.
set -euo pipefail
psql -qX -d postgres -c "CREATE DATABASE eco_fuzz" >/dev/null
trap 'psql -qX -d postgres -c "DROP DATABASE IF EXISTS eco_fuzz" >/dev/null 2>&1' EXIT
psql -qX -d eco_fuzz -c "CREATE EXTENSION ecocomp CASCADE" >/dev/null 2>&1
scale=1
[ "${ECOCOMP_VALGRIND:-0}" = 1 ] && scale=0.1
PGDATABASE=eco_fuzz python3 "$ECOCOMP_ROOT/test/fuzz/fuzz.py" --scale "$scale"

#!/usr/bin/env bash
# The test command: provision, build (-Wall -Wextra -Werror), install into a
# private tree, start a throwaway cluster on a unix socket, run the pg_regress
# suite (`make installcheck`: sql/NAME.sql against expected/NAME.out) and the shell tests
# (test/shell/NAME.sh), stop the cluster, remove everything, and end with
# "N passed, N failed".  Arguments, if any, name the tests to run.
set -uo pipefail
ECOCOMP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ECOCOMP_ROOT"

bash tools/provision.sh || {
  echo "test: provisioning the Debian packages failed (see above; as root it runs apt-get, otherwise it needs sudo)"
  echo "0 passed, 1 failed"; exit 1
}
# shellcheck source=tools/pgenv.sh
source tools/pgenv.sh

tmp=$(mktemp -d /tmp/ecocomp-test.XXXXXX)
cleanup() {
  eco_cluster_stop
  # ECOCOMP_RESULTS=DIR keeps the actual outputs, to read them after a run
  if [ -n "${ECOCOMP_RESULTS:-}" ] && [ -d "$tmp/out/results" ]; then
    mkdir -p "$ECOCOMP_RESULTS" && cp "$tmp"/out/results/* "$ECOCOMP_RESULTS"/ 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
finish() {
  if [ "${ECOCOMP_VALGRIND:-0}" = 1 ] && [ -d "$tmp/valgrind" ]; then
    eco_cluster_stop
    # memory errors whose stack passes through ecocomp (PostgreSQL's own
    # known reports, e.g. uninitialised padding written to disk, and leaks,
    # which it handles by memory context, are not ours)
    ours="ecocomp\\.so|\\(($(cd src && ls *.c core/*.c | sed 's/\.c$//; s#^core/##' | paste -sd'|'))\\.c:"
    awk -v ours="$ours" '
      /^==[0-9]+== *$/ { if (blk ~ ours) print blk; blk = ""; next }
      { blk = blk $0 "\n" }
      END { if (blk ~ ours) print blk }' "$tmp"/valgrind/*.log >"$tmp/valgrind.ours"
    if [ -s "$tmp/valgrind.ours" ]; then
      echo "=== valgrind: memory errors in ecocomp ==="
      head -400 "$tmp/valgrind.ours"
      failed=$((failed + 1))
    else
      echo "valgrind: no memory errors in ecocomp code ($(ls "$tmp"/valgrind | wc -l) processes)"
    fi
  fi
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

eco_log "building"
if ! eco_build; then echo "test: the build failed (compiler output above)"; failed=1; finish; fi
eco_log "installing into a private tree"
eco_stage "$tmp"
eco_log "starting a throwaway cluster in $tmp"
if ! eco_cluster_start "$tmp"; then echo "test: the throwaway cluster did not start (its log is above)"; failed=1; finish; fi

want=("$@")
selected() {
  [ ${#want[@]} -eq 0 ] && return 0
  case $1 in 00_*) return 0 ;; esac   # setup tests always run
  local w; for w in "${want[@]}"; do [ "$w" = "$1" ] && return 0; done
  return 1
}

# pg_regress through PGXS's installcheck, as against any running server; the
# outputs go to the temp dir so the checkout stays clean
mkdir -p "$tmp/out"
regress=()
for f in $(ls sql/*.sql | grep -v '/ecocomp--' | sort); do
  n=$(basename "$f" .sql)
  selected "$n" && regress+=("$n")
done

if [ ${#regress[@]} -gt 0 ]; then
  eco_log "pg_regress (make installcheck): ${#regress[@]} tests"
  make -s -C "$ECOCOMP_ROOT" PG_CONFIG="$PG_CONFIG" installcheck \
    REGRESS="${regress[*]}" \
    EXTRA_REGRESS_OPTS="--outputdir=$tmp/out --host=$PGHOST --port=$PGPORT --user=postgres" \
    2>&1 | tee "$tmp/regress.log"
  rc=${PIPESTATUS[0]}
  ok=$(grep -cE '^(test |ok [0-9]+ +- )? *[A-Za-z0-9_]+ +\.\.\. ok' "$tmp/regress.log" || true)
  bad=$(grep -cE '^(test )? *[A-Za-z0-9_]+ +\.\.\. (FAILED|failed)' "$tmp/regress.log" || true)
  passed=$((passed + ok))
  failed=$((failed + bad))
  if [ "$rc" -ne 0 ] && [ "$bad" -eq 0 ]; then
    echo "pg_regress failed before running the tests (exit $rc): see the lines above"
    failed=$((failed + 1))
  fi
  if [ -s "$tmp/out/regression.diffs" ]; then
    echo "=== regression.diffs ==="
    cat "$tmp/out/regression.diffs"
  fi
fi

# shell tests: each gets the cluster's environment and PG_BIN, and passes
# when it exits 0
for f in $(ls test/shell/*.sh 2>/dev/null | sort); do
  n=$(basename "$f" .sh)
  selected "$n" || continue
  start=$(date +%s)
  if ECOCOMP_ROOT=$ECOCOMP_ROOT ECOCOMP_TMP=$tmp bash "$f" >"$tmp/$n.log" 2>&1; then
    printf 'shell %-28s ... ok %6ss\n' "$n" "$(( $(date +%s) - start ))"
    # ECOCOMP_VERBOSE=1 shows what passing shell tests printed
    [ "${ECOCOMP_VERBOSE:-0}" = 1 ] && sed 's/^/    /' "$tmp/$n.log"
    passed=$((passed + 1))
  else
    printf 'shell %-28s ... FAILED %6ss\n' "$n" "$(( $(date +%s) - start ))"
    sed 's/^/    /' "$tmp/$n.log"
    failed=$((failed + 1))
  fi
done

# C property tests of the zonal core (test/unit/prop.c, no server needed, the
# core's asserts on),
# one test in the totals: it passes when its closing "N passed, N failed"
# line (N random cases against brute-force oracles) shows no failure
if selected unit; then
  start=$(date +%s)
  if cc -O2 -Wall -Wextra -Werror -DUSE_ASSERT_CHECKING -Isrc/core -o "$tmp/prop" test/unit/prop.c src/core/*.c -lm >"$tmp/unit.log" 2>&1 \
     && "$tmp/prop" >>"$tmp/unit.log" 2>&1; then st=ok; else st=FAILED; fi
  { cc -O2 -Wall -Wextra -Werror -DUSE_ASSERT_CHECKING -Isrc/core -o "$tmp/wkt" test/unit/wkt.c src/core/*.c -lm && "$tmp/wkt"; } >"$tmp/wkt.log" 2>&1 || { st=FAILED; cat "$tmp/wkt.log" >>"$tmp/unit.log"; }  # test/unit/wkt.c: the WKT CRS reader
  sed 's/^/    /' "$tmp/unit.log" | grep -v 'passed, [0-9]* failed$'
  line=$(tail -1 "$tmp/unit.log")
  if [ "$st" = ok ] && [[ $line =~ ^[0-9]+\ passed,\ 0\ failed$ ]]; then
    passed=$((passed + 1))
  else
    st=FAILED; failed=$((failed + 1))
  fi
  printf 'unit  %-28s ... %s %6ss (%s)\n' prop "$st" "$(( $(date +%s) - start ))" "$line"
fi

finish

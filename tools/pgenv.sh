# Shared shell functions of the test, demo and bench commands: a private
# install of the extension and a throwaway PostgreSQL cluster that listens
# only on a unix socket in a temporary directory.  Source this file.
#
# PostgreSQL refuses to run as root, so when we are root the server runs as
# the unprivileged system user ecocomp_pg (created on first use); clients
# (psql, pg_regress) run as the caller and connect over the socket.

ECOCOMP_ROOT=${ECOCOMP_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
PG_CONFIG=${PG_CONFIG:-pg_config}
ECOCOMP_PGUSER=ecocomp_pg
# runuser and useradd live in /usr/sbin, which a plain `su` (or cron, or a
# minimal container) leaves off root's PATH
case ":$PATH:" in *:/usr/sbin:*) ;; *) PATH=$PATH:/usr/sbin:/sbin ;; esac

eco_log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

# as_server CMD...: run CMD as the user that owns the cluster
as_server() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$ECOCOMP_PGUSER" -- "$@"
  else
    "$@"
  fi
}

eco_ensure_server_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  if ! id "$ECOCOMP_PGUSER" >/dev/null 2>&1; then
    useradd --system --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$ECOCOMP_PGUSER"
  fi
}

# eco_build: compile with warnings as errors (the code is -Wall -Wextra clean)
eco_build() {
  local flags="-Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers ${ECOCOMP_EXTRA_CFLAGS:-}"
  make -C "$ECOCOMP_ROOT" -s PG_CONFIG="$PG_CONFIG" PG_CFLAGS="$flags" >&2
}

# eco_stage DIR: install the extension into a private copy of the PostgreSQL
# tree under DIR and set PG_BIN to its bin directory.  The server finds its
# share and lib directories relative to its own executable, so copies of the
# server binaries next to symlinked share/lib trees see our files and the
# system's (PostGIS) ones, and the system installation is never touched.
eco_stage() {
  local dir=$1
  local bindir sharedir pkglibdir
  bindir=$($PG_CONFIG --bindir)
  sharedir=$($PG_CONFIG --sharedir)
  pkglibdir=$($PG_CONFIG --pkglibdir)
  make -C "$ECOCOMP_ROOT" -s PG_CONFIG="$PG_CONFIG" install DESTDIR="$dir/inst" >/dev/null
  local root=$dir/pg
  mkdir -p "$root$bindir" "$root$sharedir/extension" "$root$pkglibdir"
  cp "$bindir"/postgres "$bindir"/initdb "$bindir"/pg_ctl "$root$bindir"/
  local f
  for f in "$sharedir"/*; do
    [ "$(basename "$f")" = extension ] || ln -s "$f" "$root$sharedir/"
  done
  for f in "$sharedir"/extension/*; do ln -s "$f" "$root$sharedir/extension/"; done
  for f in "$pkglibdir"/*; do ln -s "$f" "$root$pkglibdir/"; done
  # our files replace any system-wide install of ecocomp
  for f in "$dir/inst$sharedir"/extension/* "$dir/inst$pkglibdir"/*; do
    [ -e "$f" ] || continue
    local target
    case $f in
      */extension/*) target=$root$sharedir/extension/$(basename "$f") ;;
      *) target=$root$pkglibdir/$(basename "$f") ;;
    esac
    rm -f "$target"
    cp -r "$f" "$target"
  done
  PG_BIN=$root$bindir
  export PG_BIN
}

# eco_cluster_start DIR [BIN]: initdb and start a cluster in DIR/data with its
# socket in DIR/sock; exports PGHOST, PGPORT, PGUSER, PGDATABASE for clients.
eco_cluster_start() {
  local dir=$1 bin=${2:-$PG_BIN}
  eco_ensure_server_user
  chmod 755 "$dir"
  mkdir -p "$dir/data" "$dir/sock"
  ECOCOMP_PORT=${ECOCOMP_PORT:-$((50000 + RANDOM % 10000))}
  if [ "$(id -u)" -eq 0 ]; then chown "$ECOCOMP_PGUSER" "$dir/data" "$dir/sock"; fi
  as_server "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync \
    --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir/sock'
port = $ECOCOMP_PORT
fsync = off
synchronous_commit = off
full_page_writes = off
max_worker_processes = 8
max_parallel_workers = 4
max_parallel_workers_per_gather = 2
shared_buffers = 256MB
work_mem = 64MB
log_min_messages = warning
${ECOCOMP_EXTRA_CONF:-}
CONF
  # pg_cron (Debian package postgresql-15-cron), for the scheduled-refresh
  # test: jobs run as background workers, so no TCP connection is needed
  if [ -e "$($PG_CONFIG --pkglibdir)/pg_cron.so" ]; then
    cat >>"$dir/data/postgresql.conf" <<CONF
shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
cron.use_background_workers = on
CONF
  fi
  ECOCOMP_CLUSTER_DIR=$dir
  ECOCOMP_CLUSTER_BIN=$bin
  if [ "${ECOCOMP_VALGRIND:-0}" = 1 ]; then
    # every backend under memcheck; reports in DIR/valgrind/*.log
    mkdir -p "$dir/valgrind"
    [ "$(id -u)" -eq 0 ] && chown "$ECOCOMP_PGUSER" "$dir/valgrind"
    # known PostgreSQL reports (WAL padding); a copy the server user can read
    cp "$ECOCOMP_ROOT/test/valgrind.supp" "$dir/valgrind.supp" && chmod 644 "$dir/valgrind.supp"
    as_server valgrind --quiet --trace-children=yes --track-origins=yes \
      --suppressions="$dir/valgrind.supp" \
      --read-var-info=no --error-limit=no --num-callers=30 \
      --log-file="$dir/valgrind/%p.log" \
      "$bin/postgres" -D "$dir/data" >"$dir/sock/server.log" 2>&1 &
    local i
    for i in $(seq 1 300); do
      pg_isready -q -h "$dir/sock" -p "$ECOCOMP_PORT" && break
      sleep 1
    done
  else
    as_server "$bin/pg_ctl" -D "$dir/data" -l "$dir/sock/server.log" -w -t 120 start >/dev/null \
      || { cat "$dir/sock/server.log" >&2; return 1; }
  fi
  export PGHOST=$dir/sock PGPORT=$ECOCOMP_PORT PGUSER=postgres PGDATABASE=postgres
}

eco_cluster_stop() {
  [ -n "${ECOCOMP_CLUSTER_DIR:-}" ] || return 0
  if [ -f "$ECOCOMP_CLUSTER_DIR/data/postmaster.pid" ]; then
    local mode=immediate
    [ "${ECOCOMP_VALGRIND:-0}" = 1 ] && mode=fast
    as_server "$ECOCOMP_CLUSTER_BIN/pg_ctl" -D "$ECOCOMP_CLUSTER_DIR/data" -m $mode -w -t 300 stop >/dev/null 2>&1 || true
  fi
  ECOCOMP_CLUSTER_DIR=
}

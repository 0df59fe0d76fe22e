#!/usr/bin/env bash
# A throwaway PostgreSQL server for the indexer's PostgreSQL tests (and for trying DATABASE_URL locally): trust
# auth, 127.0.0.1 only, no fsync, everything under one directory. Used by .ci/run; see docs/indexer.md.
#
#   scripts/postgres.sh start <dir> [port] [database]   initdb (first time), start, create the database; prints its
#                                                       URL, e.g. postgres://postgres@127.0.0.1:55432/rampart_test
#   scripts/postgres.sh stop <dir>                      stop the server (the directory is left for you to delete)
#   scripts/postgres.sh bindir                          print the directory of initdb/pg_ctl, or fail if missing
#
# port defaults to the first free one from 55432; database defaults to rampart_test. Needs the PostgreSQL server
# binaries (Debian: apt-get install postgresql; they live in /usr/lib/postgresql/<version>/bin) or PG_BIN set to their
# directory. PostgreSQL refuses to run as root: as root the server runs as the `postgres` user (created if missing).
# Progress goes to stderr; only the URL goes to stdout.
set -euo pipefail

die() {
  echo "postgres.sh: $*" >&2
  exit 1
}

bindir() {
  if [[ -n ${PG_BIN:-} ]]; then
    [[ -x ${PG_BIN}/initdb && -x ${PG_BIN}/pg_ctl && -x ${PG_BIN}/psql ]] || die "PG_BIN=${PG_BIN} lacks initdb, pg_ctl or psql"
    echo "${PG_BIN}"
    return
  fi
  local dir
  # Debian/Ubuntu: the newest installed major version.
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r); do
    if [[ -x ${dir}/initdb && -x ${dir}/pg_ctl && -x ${dir}/psql ]]; then
      echo "${dir}"
      return
    fi
  done
  # Elsewhere (Homebrew, Fedora): initdb on the PATH.
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && command -v psql >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return
  fi
  return 1
}

# Runs a command as the server's owner: the postgres user when we are root, else ourselves.
as_owner() {
  if [[ $(id -u) -ne 0 ]]; then
    "$@"
  elif command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$@"
  else
    su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
  fi
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
  local dir=${1:?usage: postgres.sh start <dir> [port] [database]}
  local port=${2:-}
  local database=${3:-rampart_test}
  local bin
  bin=$(bindir) || die "PostgreSQL server binaries not found: install them (Debian: apt-get install postgresql) or set PG_BIN"
  [[ ${database} =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || die "database name '${database}' must be a plain identifier"

  mkdir -p "${dir}"
  dir=$(cd "${dir}" && pwd)
  if [[ $(id -u) -eq 0 ]]; then
    if ! id postgres >/dev/null 2>&1; then
      echo "postgres.sh: creating the postgres user (PostgreSQL refuses to run as root)" >&2
      useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/sh postgres
    fi
    chown postgres: "${dir}"
  fi

  local data=${dir}/data
  if [[ -f ${data}/postmaster.pid ]] && as_owner "${bin}/pg_ctl" -D "${data}" status >/dev/null 2>&1; then
    port=$(sed -n 4p "${data}/postmaster.pid")
    echo "postgres.sh: already running in ${dir} on port ${port}" >&2
  else
    if [[ ! -f ${data}/PG_VERSION ]]; then
      as_owner "${bin}/initdb" -D "${data}" -U postgres --auth=trust --encoding=UTF8 --no-locale >"${dir}/initdb.log" 2>&1 ||
        die "initdb failed; see ${dir}/initdb.log: $(tail -n 3 "${dir}/initdb.log" | tr '\n' ' ')"
    fi
    if [[ -z ${port} ]]; then
      port=55432
      while port_in_use "${port}"; do
        port=$((port + 1))
        [[ ${port} -lt 55532 ]] || die "no free port in 55432-55531"
      done
    elif port_in_use "${port}"; then
      die "port ${port} is already in use on 127.0.0.1: pick another (or omit it to take the first free one)"
    fi
    # Throwaway settings: TCP on 127.0.0.1 only (no Unix socket, whose path length is limited), no durability
    # (fsync off), and enough connections for tests.
    as_owner "${bin}/pg_ctl" -D "${data}" -l "${dir}/postgres.log" -w -t 30 -o \
      "-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='' -c fsync=off \
       -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null ||
      die "the server did not start; see ${dir}/postgres.log: $(tail -n 3 "${dir}/postgres.log" | tr '\n' ' ')"
    echo "postgres.sh: PostgreSQL $(cat "${data}/PG_VERSION") running in ${dir} on 127.0.0.1:${port}" >&2
  fi

  local psql=("${bin}/psql" -X -q -h 127.0.0.1 -p "${port}" -U postgres -d postgres -v ON_ERROR_STOP=1)
  if [[ -z $("${psql[@]}" -tAc "SELECT 1 FROM pg_database WHERE datname = '${database}'") ]]; then
    "${psql[@]}" -c "CREATE DATABASE ${database}" >/dev/null
  fi
  echo "postgres://postgres@127.0.0.1:${port}/${database}"
}

stop() {
  local dir=${1:?usage: postgres.sh stop <dir>}
  local bin
  bin=$(bindir) || die "PostgreSQL server binaries not found"
  if [[ ! -f ${dir}/data/postmaster.pid ]]; then
    echo "postgres.sh: no server running in ${dir}" >&2
    return 0
  fi
  as_owner "${bin}/pg_ctl" -D "${dir}/data" -m fast -w -t 30 stop >/dev/null
  echo "postgres.sh: stopped the server in ${dir}" >&2
}

case ${1:-} in
start) start "${@:2}" ;;
stop) stop "${@:2}" ;;
bindir) bindir || die "PostgreSQL server binaries not found" ;;
*) die "usage: postgres.sh start <dir> [port] [database] | stop <dir> | bindir" ;;
esac

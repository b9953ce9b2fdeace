#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests, from the operating system's packages
# (Debian: apt-get install postgresql). Source it, then call `pg_scratch_start`: it
# creates a cluster in a temporary folder, listening on 127.0.0.1 only, on a free port,
# and exports
#   TEST_DATABASE_URL   postgres://finqa:...@127.0.0.1:PORT/finqa_test
#   TEST_PG_STOP        a command that stops the server (the replica tests use it to
#   TEST_PG_START       take the database away under load, and bring it back)
# `pg_scratch_stop` stops it and removes the folder. Runs the server as the `postgres`
# user when called as root (PostgreSQL refuses to run as root).

pg_scratch_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [[ -z "$bin" ]]; then
    echo "PostgreSQL is not installed (Debian: apt-get install postgresql)" >&2
    return 1
  fi
  echo "$bin"
}

pg_scratch_start() {
  local bin port dir as=()
  bin=$(pg_scratch_bin) || return 1
  dir=$(mktemp -d /tmp/finqa-pg.XXXXXX)
  if [[ $(id -u) -eq 0 ]]; then
    chown postgres:postgres "$dir"
    as=(runuser -u postgres --)
  fi
  # A free port: ask the kernel for one, then hand it to the server.
  port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
  local password="finqa-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  printf '%s\n' "$password" > "$dir/pwfile"
  [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir/pwfile"
  "${as[@]}" "$bin/initdb" -D "$dir/data" -U finqa --pwfile="$dir/pwfile" --auth-host=scram-sha-256 --auth-local=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; return 1; }
  rm -f "$dir/pwfile"
  # fsync off: a throwaway test server, nothing to keep if the machine crashes.
  local opts="-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "$opts" start >/dev/null \
    || { cat "$dir/server.log" >&2; return 1; }
  "${as[@]}" "$bin/createdb" -h "$dir" -p "$port" -U finqa finqa_test
  export PG_SCRATCH_DIR="$dir"
  export TEST_DATABASE_URL="postgres://finqa:${password}@127.0.0.1:${port}/finqa_test"
  local ctl="$bin/pg_ctl -D $dir/data -l $dir/server.log -w -t 60"
  if [[ $(id -u) -eq 0 ]]; then ctl="runuser -u postgres -- $ctl"; fi
  export TEST_PG_STOP="$ctl -m fast stop"
  export TEST_PG_START="$ctl -o '$opts' start"
  export PG_SCRATCH_STOP="${as[*]} $bin/pg_ctl -D $dir/data -w -m immediate stop"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $dir)"
}

pg_scratch_stop() {
  [[ -n "${PG_SCRATCH_DIR:-}" ]] || return 0
  $PG_SCRATCH_STOP >/dev/null 2>&1 || true
  rm -rf "$PG_SCRATCH_DIR"
  unset PG_SCRATCH_DIR TEST_DATABASE_URL TEST_PG_STOP TEST_PG_START PG_SCRATCH_STOP
}

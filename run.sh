#!/usr/bin/env bash
# Starts Matching on this machine: a private PostgreSQL cluster under .data/postgres (unless
# ConnectionStrings__Matching names a server), migrations, reference + demo data, then the portal on
# http://127.0.0.1:5080. Ctrl-C stops the portal and the cluster.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")"
ROOT="$PWD"
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

START=$(date +%s)
WEB_PORT=5080
WEB_URL="http://127.0.0.1:$WEB_PORT"
CONFIG=Release
CLI_DLL="$ROOT/src/Matching.Cli/bin/$CONFIG/net10.0/matching.dll"
WEB_DLL="$ROOT/src/Matching.Web/bin/$CONFIG/net10.0/Matching.Web.dll"
STATE="$ROOT/.data"
DATA="$STATE/postgres"
WEB_PID=""
CLUSTER_STARTED=""
PGBIN=""

command -v dotnet >/dev/null 2>&1 \
  || die "dotnet is not installed: install the .NET 10 SDK (see https://dot.net) and run ./run.sh again."
port_in_use "$WEB_PORT" \
  && die "Port $WEB_PORT is already in use: stop what listens there (an earlier ./run.sh?) and run ./run.sh again."
mkdir -p "$STATE"

stop_all() {
  trap - INT TERM EXIT
  if [ -n "$WEB_PID" ] && kill -0 "$WEB_PID" 2>/dev/null; then
    kill -TERM "$WEB_PID" 2>/dev/null || true
    wait "$WEB_PID" 2>/dev/null || true
    say "portal stopped."
  fi
  if [ -n "$CLUSTER_STARTED" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null 2>&1 || true
    say "PostgreSQL stopped."
  fi
}
trap 'say ""; say "stopping…"; stop_all; exit 130' INT TERM
trap stop_all EXIT

# --- PostgreSQL --------------------------------------------------------------------------------------
start_private_cluster() {
  ensure_package postgresql test -n "$(pg_bin_dir)"
  PGBIN="$(pg_bin_dir)"
  local bin
  for bin in initdb pg_ctl postgres psql; do
    [ -x "$PGBIN/$bin" ] || die "PostgreSQL's $bin is missing from $PGBIN: reinstall the postgresql package (apt-get install --reinstall postgresql) and try again."
  done

  if is_root; then
    id postgres >/dev/null 2>&1 || die "The 'postgres' system user is missing: reinstall the postgresql package, it creates that user."
    mkdir -p "$DATA"
    chown postgres:postgres "$DATA"
    chmod 700 "$DATA"
    if ! runuser -u postgres -- test -w "$DATA"; then
      # The checkout sits where the postgres user cannot reach (e.g. under /root): keep the cluster beside it.
      local elsewhere
      elsewhere="/var/lib/matching/$(printf '%s' "$ROOT" | md5sum | cut -c1-12)/postgres"
      mkdir -p "$elsewhere" && chown -R postgres:postgres "$(dirname "$elsewhere")" && chmod 700 "$elsewhere"
      rmdir "$DATA" 2>/dev/null || true
      [ -L "$DATA" ] || ln -s "$elsewhere" "$DATA"
      DATA="$elsewhere"
      say "note: the postgres user cannot reach $ROOT, so the cluster lives in $DATA."
    fi
  else
    mkdir -p "$DATA" && chmod 700 "$DATA"
  fi

  if [ ! -f "$DATA/PG_VERSION" ]; then
    say "creating the private PostgreSQL cluster in .data/postgres…"
    as_pg "$PGBIN/initdb" -D "$DATA" -U matching --auth=trust -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1 \
      || { cat "$STATE/initdb.log" >&2; die "initdb failed (log above): remove .data/postgres and run ./run.sh again."; }
    printf "\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\n" | as_pg tee -a "$DATA/postgresql.conf" >/dev/null
  fi

  if as_pg "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
    PGPORT_USED="$(sed -n 4p "$DATA/postmaster.pid")"
    say "PostgreSQL is already running on port $PGPORT_USED (left over from an earlier run); reusing it."
  else
    PGPORT_USED="$(free_port "$(cat "$STATE/postgres.port" 2>/dev/null || true)")" \
      || die "No free TCP port found on 127.0.0.1 for PostgreSQL: free some ports and try again."
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -o "-p $PGPORT_USED" -w -t 60 start >/dev/null \
      || { tail -n 20 "$DATA/server.log" >&2 || true; die "PostgreSQL did not start (log above, full log in .data/postgres/server.log)."; }
  fi
  CLUSTER_STARTED=1
  echo "$PGPORT_USED" >"$STATE/postgres.port"

  if ! "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT_USED" -U matching -d postgres -tAc \
      "select 1 from pg_database where datname = 'matching'" | grep -q 1; then
    "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT_USED" -U matching -d postgres -qc "create database matching" >/dev/null
  fi
  export ConnectionStrings__Matching="Host=127.0.0.1;Port=$PGPORT_USED;Database=matching;Username=matching"
  say "PostgreSQL ready on 127.0.0.1:$PGPORT_USED ($(elapsed "$START") s)."
}

if [ -n "${ConnectionStrings__Matching:-}" ]; then
  say "using the server named by ConnectionStrings__Matching (no private cluster)."
else
  start_private_cluster
fi

# --- build (skipped when nothing changed since the last successful build) ---------------------------
T=$(date +%s)
STAMP="$STATE/build.stamp"
needs_build() {
  [ -f "$CLI_DLL" ] && [ -f "$WEB_DLL" ] && [ -f "$STAMP" ] || return 0
  [ -n "$(find src jobs Directory.Build.props Directory.Packages.props global.json -newer "$STAMP" -type f \
          -not -path '*/bin/*' -not -path '*/obj/*' -print -quit 2>/dev/null)" ]
}
if needs_build; then
  say "building (Release)…"
  touch "$STAMP.next"
  for project in src/Matching.Web src/Matching.Cli; do
    dotnet build "$project" -c "$CONFIG" -nologo -v q -clp:ErrorsOnly >"$STATE/build.log" 2>&1 \
      || { tail -n 30 "$STATE/build.log" >&2; die "The build of $project failed (errors above, full log in .data/build.log)."; }
  done
  mv "$STAMP.next" "$STAMP"
  say "built in $(elapsed "$T") s."
else
  say "build is up to date."
fi

# --- database: migrations, reference data, demo data (idempotent) -----------------------------------
T=$(date +%s)
dotnet "$CLI_DLL" db migrate
dotnet "$CLI_DLL" db seed
say "database ready in $(elapsed "$T") s."

# A demo without shortlists looks broken: the first start runs the nightly matching once instead of waiting for 02:00.
T=$(date +%s)
if dotnet "$CLI_DLL" nightly --now --wait --unless-published; then
  say "shortlists ready in $(elapsed "$T") s."
else
  say "warning: the first matching run failed (above); the portal starts without shortlists (Admin → Runs → Run now)."
fi

# --- portal -----------------------------------------------------------------------------------------
(
  cd src/Matching.Web
  ASPNETCORE_URLS="$WEB_URL" ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" Demo__Enabled=true \
    exec dotnet "$WEB_DLL"
) >"$STATE/web.log" 2>&1 &
WEB_PID=$!

for _ in $(seq 1 240); do
  if ! kill -0 "$WEB_PID" 2>/dev/null; then
    WEB_PID=""
    tail -n 30 "$STATE/web.log" >&2 || true
    die "The portal stopped while starting (log above, full log in .data/web.log)."
  fi
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$WEB_URL/health" 2>/dev/null || true)" = "200" ] && break
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$WEB_URL/health" || true)" = "200" ] \
  || die "The portal did not answer $WEB_URL/health with 200 within 2 minutes: see .data/web.log."

echo "Matching is ready at $WEB_URL"
echo "($(elapsed "$START") s to ready; portal log: .data/web.log; Ctrl-C stops everything)"
dotnet "$CLI_DLL" demo logins

set +e
wait "$WEB_PID"
status=$?
WEB_PID=""
say "the portal exited (code $status); see .data/web.log."
exit "$status"

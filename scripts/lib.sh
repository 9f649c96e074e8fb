# Shared helpers for run.sh and test.sh (sourced, not executed).

say() { printf '%s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

is_root() { [ "$(id -u)" -eq 0 ]; }

# The newest PostgreSQL bin folder that holds initdb, or the folder of `initdb` on PATH; empty when none.
pg_bin_dir() {
  local dir found=""
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V); do
    [ -x "$dir/initdb" ] && found="$dir"
  done
  if [ -z "$found" ] && command -v initdb >/dev/null 2>&1; then
    found="$(dirname "$(readlink -f "$(command -v initdb)")")"
  fi
  printf '%s' "$found"
}

# apt-get install with one retry; the caller has checked we are root.
apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  if [ -z "${APT_UPDATED:-}" ]; then
    apt-get update -qq >/dev/null 2>&1 || apt-get update -qq >/dev/null 2>&1 || true
    APT_UPDATED=1
  fi
  apt-get install -y -qq "$@" >/dev/null 2>&1 && return 0
  say "apt-get install $* failed, retrying once…"
  apt-get update -qq >/dev/null 2>&1 || true
  apt-get install -y -qq "$@" >/dev/null
}

# Installs the Debian package $1 when the check command ($2…) fails; one clear sentence when it cannot.
ensure_package() {
  local package="$1"; shift
  "$@" && return 0
  is_root || die "The '$package' package is missing and installing it needs root: run 'sudo apt-get install -y $package' and try again."
  command -v apt-get >/dev/null 2>&1 || die "The '$package' package is missing and apt-get is not available: install $package and try again."
  say "installing $package (apt)…"
  apt_install "$package" || die "Installing '$package' with apt-get failed: check the network and the apt sources, or install it by hand, then try again."
  "$@" || die "The '$package' package was installed but is still not usable: install it by hand and try again."
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free TCP port on 127.0.0.1, preferring $1 when given and free.
free_port() {
  local port="${1:-}" tries=0
  if [ -n "$port" ] && ! port_in_use "$port"; then printf '%s' "$port"; return 0; fi
  while [ $tries -lt 200 ]; do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! port_in_use "$port"; then printf '%s' "$port"; return 0; fi
    tries=$((tries + 1))
  done
  return 1
}

# Runs a PostgreSQL server binary as the unprivileged `postgres` user when we are root (initdb refuses root).
as_pg() {
  if is_root; then runuser -u postgres -- "$@"; else "$@"; fi
}

elapsed() { echo $(( $(date +%s) - $1 )); }

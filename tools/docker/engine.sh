#!/usr/bin/env bash
# A private Docker engine for the containers provider, on a machine without an image registry.
#
#   bash tools/docker/engine.sh start   # engine up + local images built (cached: seconds when warm)
#   bash tools/docker/engine.sh env     # prints the exports that point Testcontainers at it
#   bash tools/docker/engine.sh stop    # removes its containers, stops the dockerd it started (by PID)
#   bash tools/docker/engine.sh status  # exit 0 when the engine answers
#
# Needs root on Debian 12 and a Debian mirror (taken from this machine's apt sources at run time).
# Why Debian 13's engine: Testcontainers 4.16 asks for Docker API 1.44; bookworm's docker.io (20.10)
# speaks 1.41. Trixie's docker.io 26.1.5 runs here unpacked with `dpkg -x` (the engine is not
# installed into the system); bookworm's containerd and runc (installed with apt) serve it.
# It listens on its own socket with its own data and exec roots, never /var/run/docker.sock, so
# tools that look for the default socket (the tests' automatic provider choice) do not find it
# unless DOCKER_HOST is set.
#
# Images (no registry needed, built from Debian packages and the emulators' npm lockfile):
#   perftesting/postgres:15    PostgreSQL 15 (bookworm), entrypoint compatible with the official
#                              image's POSTGRES_USER / POSTGRES_PASSWORD / POSTGRES_DB and -c args
#   perftesting/emulators:1    Node 20 (trixie's nodejs; bookworm has 18) + s3rver (4569) and
#                              dynalite (4567) from tools/emulators/package-lock.json
#   perftesting/redis:7        Redis 7 (bookworm's redis-server, the one tools/prerequisites.sh installs
#                              for the local processes), entrypoint compatible with the official redis
#                              image's `redis-server [--option value ...]`; redis-cli on PATH (the
#                              Testcontainers.Redis readiness check runs `redis-cli ping` inside it)
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
CACHE=${PERF_DOCKER_CACHE:-/var/cache/perftesting-docker}   # unpacked engine, rootfs builds, data root (images)
RUN_DIR=${PERF_DOCKER_RUN:-/run/perftesting-docker}         # socket, exec root, pidfile, log
SOCK=$RUN_DIR/docker.sock
PIDFILE=$RUN_DIR/dockerd.pid
ENGINE=$CACHE/engine
POSTGRES_IMAGE=perftesting/postgres:15
EMULATORS_IMAGE=perftesting/emulators:1
REDIS_IMAGE=perftesting/redis:7
# Raise when a build step below changes; the entrypoints and the lockfile are hashed in as well.
RECIPE_VERSION=1

log() { printf '[docker-engine %s] %s\n' "$(date +%T)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
docker_cli() { "$ENGINE/usr/bin/docker" -H "unix://$SOCK" "$@"; }
engine_answers() { [ -S "$SOCK" ] && docker_cli version --format '{{.Server.Version}}' >/dev/null 2>&1; }
engine_pid() { [ -s "$PIDFILE" ] && kill -0 "$(cat "$PIDFILE")" 2>/dev/null && cat "$PIDFILE"; }

apt_updated=0
ensure_host_packages() { # containerd/runc serve the engine, iptables its bridge, debootstrap the images
  local missing=() p
  for p in containerd runc iptables debootstrap; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} = 0 ] && return
  log "installing ${missing[*]}"
  apt-get update -qq; apt_updated=1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The Debian mirror this machine's apt already uses for its own release (never hard-coded here).
debian_mirror() {
  local codename uri
  codename=$(. /etc/os-release && echo "$VERSION_CODENAME")
  uri=$(apt-cache policy 2>/dev/null | awk -v s="$codename/main" '$3 == s && $2 ~ /^https?:/ { print $2; exit }')
  if [ -z "$uri" ] && [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1
    uri=$(apt-cache policy 2>/dev/null | awk -v s="$codename/main" '$3 == s && $2 ~ /^https?:/ { print $2; exit }')
  fi
  [ -n "$uri" ] || die "no Debian mirror for $codename/main in this machine's apt sources"
  echo "${uri%/}"
}

# Debian 13's docker.io (+ its CLI), downloaded with a separate sources list and state directory
# and unpacked with dpkg -x: the system's apt state and packages stay untouched.
ensure_engine() {
  [ -x "$ENGINE/usr/sbin/dockerd" ] && [ -x "$ENGINE/usr/bin/docker" ] && return
  local apt_dir=$CACHE/apt mirror=$MIRROR
  log "downloading Debian 13 docker.io from $mirror"
  rm -rf "$apt_dir" "$ENGINE.tmp"; mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/debs" "$ENGINE.tmp"
  echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main" > "$apt_dir/sources.list"
  local opts=(-o "Dir::Etc::sourcelist=$apt_dir/sources.list" -o Dir::Etc::sourceparts=- \
              -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o APT::Get::List-Cleanup=0 -o APT::Sandbox::User=root)
  apt-get "${opts[@]}" update -qq
  local pkgs=(docker.io)
  # The CLI is its own package in trixie (docker-cli); older layouts ship it inside docker.io.
  apt-cache "${opts[@]}" show docker-cli >/dev/null 2>&1 && pkgs+=(docker-cli)
  (cd "$apt_dir/debs" && apt-get "${opts[@]}" download "${pkgs[@]}" >/dev/null)
  local deb; for deb in "$apt_dir"/debs/*.deb; do dpkg -x "$deb" "$ENGINE.tmp"; done
  rm -rf "$ENGINE"; mv "$ENGINE.tmp" "$ENGINE"
  [ -x "$ENGINE/usr/sbin/dockerd" ] || die "docker.io did not contain usr/sbin/dockerd"
}

start_engine() {
  if engine_answers; then log "engine already answers on $SOCK (pid $(engine_pid || echo '?'))"; return; fi
  if pid=$(engine_pid); then die "dockerd $pid holds $PIDFILE but does not answer; run '$0 stop' first"; fi
  mkdir -p "$RUN_DIR/exec" "$CACHE/data"
  echo '{}' > "$RUN_DIR/daemon.json"   # ignore any /etc/docker/daemon.json on this machine
  log "starting dockerd on unix://$SOCK"
  # --ip 127.0.0.1: published ports listen on loopback only, not on the machine's network interfaces.
  # setsid: its own session, so Ctrl-C in the calling shell does not reach it; stop() ends it by PID.
  PATH="$ENGINE/usr/sbin:$ENGINE/usr/bin:$ENGINE/usr/libexec/docker:$PATH" setsid "$ENGINE/usr/sbin/dockerd" \
    --config-file "$RUN_DIR/daemon.json" --storage-driver vfs --ip 127.0.0.1 \
    --data-root "$CACHE/data" --exec-root "$RUN_DIR/exec" --pidfile "$PIDFILE" \
    -H "unix://$SOCK" >"$RUN_DIR/dockerd.log" 2>&1 < /dev/null &
  local i; for i in $(seq 1 120); do
    engine_answers && { log "engine $(docker_cli version --format '{{.Server.Version}} (API {{.Server.APIVersion}})') answers, pid $(cat "$PIDFILE")"; return; }
    kill -0 $! 2>/dev/null || { tail -20 "$RUN_DIR/dockerd.log" >&2; die "dockerd exited"; }
    sleep 0.5
  done
  tail -20 "$RUN_DIR/dockerd.log" >&2; die "dockerd did not answer within 60 s"
}

image_label() { docker_cli image inspect --format "{{ index .Config.Labels \"$2\" }}" "$1" 2>/dev/null || true; }

# debootstrap ROOTFS SUITE PACKAGES: a minimal Debian root file system, cached until the image exists.
bootstrap() {
  local rootfs=$1 suite=$2 include=$3 mirror=$MIRROR
  rm -rf "$rootfs"; mkdir -p "$rootfs"
  log "debootstrap $suite (+ $include) from $mirror"
  debootstrap --variant=minbase --include="$include" "$suite" "$rootfs" "$mirror" >"$rootfs.log" 2>&1 \
    || { tail -20 "$rootfs.log" >&2; die "debootstrap $suite failed"; }
  # Documentation, caches and package lists only cost copy time per container start under vfs.
  rm -rf "$rootfs"/usr/share/{doc,man,info} "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/*
}

postgres_recipe_hash() { (sha256sum "$REPO/tools/docker/postgres/docker-entrypoint.sh"; echo "$RECIPE_VERSION") | sha256sum | cut -c1-16; }
emulators_recipe_hash() {
  (sha256sum "$REPO"/tools/emulators/package{,-lock}.json "$REPO/tools/docker/emulators/start.sh"; echo "$RECIPE_VERSION") | sha256sum | cut -c1-16
}
redis_recipe_hash() { (sha256sum "$REPO/tools/docker/redis/docker-entrypoint.sh"; echo "$RECIPE_VERSION") | sha256sum | cut -c1-16; }
images_current() {
  [ "$(image_label "$POSTGRES_IMAGE" perftesting.recipe)" = "$(postgres_recipe_hash)" ] \
    && [ "$(image_label "$EMULATORS_IMAGE" perftesting.recipe)" = "$(emulators_recipe_hash)" ] \
    && [ "$(image_label "$REDIS_IMAGE" perftesting.recipe)" = "$(redis_recipe_hash)" ]
}

build_postgres_image() {
  local recipe=$REPO/tools/docker/postgres/docker-entrypoint.sh hash
  hash=$(postgres_recipe_hash)
  if [ "$(image_label "$POSTGRES_IMAGE" perftesting.recipe)" = "$hash" ]; then log "$POSTGRES_IMAGE up to date"; return; fi
  local rootfs=$CACHE/rootfs/postgres
  bootstrap "$rootfs" bookworm postgresql-15,ca-certificates
  # postgresql-common's postinst creates a cluster 15/main; the entrypoint makes its own in PGDATA.
  rm -rf "$rootfs"/var/lib/postgresql/15 "$rootfs"/etc/postgresql/15
  install -m 0755 "$recipe" "$rootfs/usr/local/bin/docker-entrypoint.sh"
  mkdir -p "$rootfs/var/lib/postgresql/data" "$rootfs/var/run/postgresql"
  chroot "$rootfs" chown -R postgres:postgres /var/lib/postgresql /var/run/postgresql
  log "importing $POSTGRES_IMAGE"
  tar -C "$rootfs" -c . | docker_cli import \
    -c 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV PGDATA=/var/lib/postgresql/data' -c 'ENV LANG=C.UTF-8' \
    -c 'EXPOSE 5432' -c 'STOPSIGNAL SIGINT' \
    -c "LABEL perftesting.recipe=$hash" \
    -c 'ENTRYPOINT ["docker-entrypoint.sh"]' -c 'CMD ["postgres"]' - "$POSTGRES_IMAGE" >/dev/null
  rm -rf "$rootfs"
  docker_cli image prune -f >/dev/null 2>&1 || true   # the image this one replaced (best effort)
}

build_emulators_image() {
  local src=$REPO/tools/emulators recipe=$REPO/tools/docker/emulators/start.sh hash
  hash=$(emulators_recipe_hash)
  if [ "$(image_label "$EMULATORS_IMAGE" perftesting.recipe)" = "$hash" ]; then log "$EMULATORS_IMAGE up to date"; return; fi
  local rootfs=$CACHE/rootfs/emulators
  # Node 20: bookworm's nodejs is 18, trixie's is 20, so the image is a trixie root file system.
  bootstrap "$rootfs" trixie nodejs
  # The packages come from the lockfile (npm ci on this machine; s3rver and dynalite are plain
  # JavaScript, dynalite's LevelDB binding ships N-API prebuilds that load on any Node version).
  mkdir -p "$rootfs/opt/emulators"
  cp "$src/package.json" "$src/package-lock.json" "$rootfs/opt/emulators/"
  command -v npm >/dev/null || die "npm is needed to install the emulators from their lockfile (apt-get install npm)"
  (cd "$rootfs/opt/emulators" && npm ci --omit=dev --no-audit --no-fund --loglevel=error >/dev/null)
  install -m 0755 "$recipe" "$rootfs/usr/local/bin/start-emulators.sh"
  log "importing $EMULATORS_IMAGE ($(chroot "$rootfs" node --version))"
  tar -C "$rootfs" -c . | docker_cli import \
    -c 'ENV PATH=/opt/emulators/node_modules/.bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'EXPOSE 4567' -c 'EXPOSE 4569' \
    -c "LABEL perftesting.recipe=$hash" \
    -c 'ENTRYPOINT ["start-emulators.sh"]' - "$EMULATORS_IMAGE" >/dev/null
  rm -rf "$rootfs"
  docker_cli image prune -f >/dev/null 2>&1 || true
}

build_redis_image() {
  local recipe=$REPO/tools/docker/redis/docker-entrypoint.sh hash
  hash=$(redis_recipe_hash)
  if [ "$(image_label "$REDIS_IMAGE" perftesting.recipe)" = "$hash" ]; then log "$REDIS_IMAGE up to date"; return; fi
  local rootfs=$CACHE/rootfs/redis
  # redis-server pulls in redis-tools (redis-cli) and creates the redis account.
  bootstrap "$rootfs" bookworm redis-server
  # No /etc/redis/redis.conf is read (the server runs on its built-in defaults plus arguments, as the
  # official image does); the package's copy would only mislead.
  rm -rf "$rootfs"/etc/redis "$rootfs"/usr/share/locale
  install -m 0755 "$recipe" "$rootfs/usr/local/bin/docker-entrypoint.sh"
  mkdir -p "$rootfs/data"
  chroot "$rootfs" chown redis:redis /data
  log "importing $REDIS_IMAGE ($(chroot "$rootfs" redis-server --version | cut -d' ' -f1-3))"
  tar -C "$rootfs" -c . | docker_cli import \
    -c 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'WORKDIR /data' -c 'EXPOSE 6379' \
    -c "LABEL perftesting.recipe=$hash" \
    -c 'ENTRYPOINT ["docker-entrypoint.sh"]' -c 'CMD ["redis-server"]' - "$REDIS_IMAGE" >/dev/null
  rm -rf "$rootfs"
  docker_cli image prune -f >/dev/null 2>&1 || true
}

# Containers labelled by the containers provider whose owner process is gone (aborted test runs).
remove_orphans() {
  local id owner
  for id in $(docker_cli ps -aq --filter label=perftesting.owner.pid 2>/dev/null); do
    owner=$(docker_cli inspect --format '{{ index .Config.Labels "perftesting.owner.pid" }}' "$id")
    if ! kill -0 "$owner" 2>/dev/null; then log "removing orphan container $id (owner pid $owner is gone)"; docker_cli rm -f "$id" >/dev/null; fi
  done
}

stop_engine() {
  local pid
  if ! pid=$(engine_pid); then log "no dockerd of ours is running"; rm -f "$PIDFILE"; return; fi
  if engine_answers; then
    local ids; ids=$(docker_cli ps -aq)
    [ -z "$ids" ] || { log "removing containers: $(echo $ids)"; docker_cli rm -f $ids >/dev/null; }
  fi
  log "stopping dockerd $pid"
  kill -TERM "$pid"
  local i; for i in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then log "dockerd $pid still running after 30 s; killing it"; kill -KILL "$pid"; fi
  # Its managed containerd and any shims live under our exec root; end those that outlived it, by PID.
  local stray
  for stray in $(pgrep -f "$RUN_DIR/exec" || true); do log "ending leftover $(ps -o comm= -p "$stray") $stray"; kill -TERM "$stray" 2>/dev/null || true; done
  rm -f "$PIDFILE" "$SOCK"
  log "stopped"
}

case "${1:-}" in
  start)
    [ "$(id -u)" = 0 ] || die "run as root (it starts dockerd and builds root file systems)"
    t0=$(date +%s)
    ensure_host_packages
    MIRROR=""
    [ -x "$ENGINE/usr/sbin/dockerd" ] && [ -x "$ENGINE/usr/bin/docker" ] || MIRROR=$(debian_mirror)
    ensure_engine
    start_engine
    remove_orphans
    # Resolved once, before the two builds run side by side (and only when one is needed).
    images_current || MIRROR=${MIRROR:-$(debian_mirror)}
    # The root file systems download and unpack independently: build them side by side.
    build_postgres_image & postgres_build=$!
    build_emulators_image & emulators_build=$!
    build_redis_image & redis_build=$!
    wait "$postgres_build" || die "building $POSTGRES_IMAGE failed"
    wait "$emulators_build" || die "building $EMULATORS_IMAGE failed"
    wait "$redis_build" || die "building $REDIS_IMAGE failed"
    log "ready in $(( $(date +%s) - t0 )) s; use: eval \"\$(bash $0 env)\""
    ;;
  stop) stop_engine ;;
  env)
    echo "export DOCKER_HOST=unix://$SOCK"
    echo "export TESTCONTAINERS_RYUK_DISABLED=true"        # Ryuk's image cannot be had; the provider labels and reaps
    echo "export TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1"   # connection strings on loopback, not the bridge gateway
    ;;
  status) engine_answers && { docker_cli version --format 'engine {{.Server.Version}}'; docker_cli images; } ;;
  docker) shift; docker_cli "$@" ;;
  *) echo "usage: $0 start|stop|env|status|docker ARGS..." >&2; exit 2 ;;
esac

#!/bin/sh
# Entrypoint of perftesting/redis:7 (Debian bookworm's redis-server), compatible with the official
# redis image's interface: `redis-server [config file] [--option value ...]`, or just the options.
# Runs the server as the redis account, in /data. Protected mode is off unless an argument sets it:
# a client reaching a published port comes from the bridge, not loopback, and protected mode (the
# default without a password) would refuse it; the official image builds it off for the same reason.
set -eu
if [ "${1#-}" != "$1" ] || [ "${1%.conf}" != "$1" ]; then set -- redis-server "$@"; fi
[ "$1" = redis-server ] || exec "$@"
case " $* " in
  *" --protected-mode "*) ;;
  *) set -- "$@" --protected-mode no ;;
esac
if [ "$(id -u)" = 0 ]; then
  chown redis:redis /data
  exec setpriv --reuid=redis --regid=redis --init-groups "$@"
fi
exec "$@"

#!/bin/sh
# Entrypoint of perftesting/emulators:1: s3rver (S3 API, port 4569) and dynalite (DynamoDB API,
# port 4567) in one container, started as tools/emulators' local-process provider starts them.
# The container ends when either emulator ends, so a crash is visible instead of half a service.
set -eu
mkdir -p /data/s3
s3rver -d /data/s3 -a 0.0.0.0 -p 4569 --silent --no-vhost-buckets &
s3=$!
dynalite --host 0.0.0.0 --port 4567 --createTableMs 0 --deleteTableMs 0 --updateTableMs 0 &
dyn=$!
trap 'kill $s3 $dyn 2>/dev/null' INT TERM
echo "emulators started: s3rver on 4569, dynalite on 4567"
# POSIX sh has no `wait -n`: poll until one of them is gone, then stop the other.
while kill -0 $s3 2>/dev/null && kill -0 $dyn 2>/dev/null; do sleep 1; done
kill $s3 $dyn 2>/dev/null || true
wait
exit 1

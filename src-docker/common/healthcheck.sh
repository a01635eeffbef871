#!/bin/bash
# The containers' health check: succeeds when http://127.0.0.1:PORT/PATH answers STATUS (200 by
# default), for example the server's readiness, /health/ready. Plain bash (its /dev/tcp), because
# the base images are not known to ship curl or wget.
#
#   healthcheck.sh PORT PATH [STATUS]
set -u
port=$1
path=$2
expected=${3:-200}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&3
IFS=' ' read -r -t 4 version status _ <&3 || exit 1
exec 3<&-
case "$version" in HTTP/1.*) ;; *) exit 1 ;; esac
[ "$status" = "$expected" ]

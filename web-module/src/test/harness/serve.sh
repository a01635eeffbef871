#!/usr/bin/env bash
# Serves the pages with the stand-in server (fake-server.js) for looking at them without a backend:
#   mvn -q -pl web-module generate-resources   (once: unpacks vendor/ into target/web-libraries)
#   web-module/src/test/harness/serve.sh [port]
# then open http://127.0.0.1:PORT/teacher/?session=DEMO&students=200&alerts=5
# or http://127.0.0.1:PORT/student/?session=DEMO (a fake camera needs Chromium's fake-device flags).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
module="$(cd "$here/../../.." && pwd)"
port="${1:-8765}"
root="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$root"' EXIT INT TERM
for entry in "$module"/src/main/webapp/*; do ln -s "$entry" "$root/"; done
ln -s "$module/target/web-libraries/vendor" "$root/vendor"
for page in teacher student; do
  rm "$root/$page"
  mkdir "$root/$page"
  sed 's#<head>#<head><script src="/fake-server.js"></script>#' "$module/src/main/webapp/$page/index.html" > "$root/$page/index.html"
done
ln -s "$here/fake-server.js" "$root/fake-server.js"
cd "$root"
python3 -m http.server "$port" --bind 127.0.0.1 &
server=$!
wait "$server"

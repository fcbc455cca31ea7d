#!/usr/bin/env bash
# Builds samenspel, starts it on a free port with a fresh demo database, runs the
# browser tests against it, and stops it again. Needs Node.js and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd .. && pwd)

if [ ! -d node_modules/playwright-core ]; then
  npm ci --no-audit --no-fund
fi
(cd "$root" && cargo build --quiet --bin samenspel)

data=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
"$root/target/debug/samenspel" serve --demo --bind "127.0.0.1:$port" --data-dir "$data" --database-url "sqlite://$data/e2e.db" > "$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 100); do
  if curl -fsS "http://127.0.0.1:$port/healthz" > /dev/null 2>&1; then break; fi
  if ! kill -0 $server 2>/dev/null; then cat "$data/server.log"; echo "samenspel stopte onverwacht" >&2; exit 1; fi
  sleep 0.2
done

BASE_URL="http://127.0.0.1:$port" npm test

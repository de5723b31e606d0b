#!/usr/bin/env bash
# Integration test: a real Prometheus server on loopback scrapes a real nba-mcp's
# --metrics-listen, and its HTTP API finds nba_mcp_requests_total with the labels of the calls
# just made. Both run on free loopback ports and are stopped afterwards, pass or fail.
#
#   scripts/monitoring/scrape_test.sh NBA_MCP_BINARY
set -euo pipefail
binary=${1:?usage: scrape_test.sh NBA_MCP_BINARY}
command -v prometheus >/dev/null || {
  echo "scrape_test: prometheus not found: run scripts/setup.sh --for-tests" >&2
  exit 1
}
work=$(mktemp -d)
server_pid=""
prometheus_pid=""
cleanup() {
  exec 3>&- 2>/dev/null || true  # EOF on the server's stdin: it exits
  [[ -n $prometheus_pid ]] && kill "$prometheus_pid" 2>/dev/null && wait "$prometheus_pid" 2>/dev/null
  [[ -n $server_pid ]] && { kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; }
  rm -rf "$work"
}
trap cleanup EXIT

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
# get URL: the body, or nothing while the server is not up yet.
get() { python3 -c 'import sys, urllib.request; print(urllib.request.urlopen(sys.argv[1], timeout=2).read().decode())' "$1" 2>/dev/null || true; }

metrics_port=$(free_port)
mkfifo "$work/in"
"$binary" --origin snapshot --fixed-time 2026-02-22T12:00:00Z --log-level warn \
  --metrics-listen "127.0.0.1:$metrics_port" serve <"$work/in" >"$work/out" 2>"$work/err" &
server_pid=$!
exec 3>"$work/in"
cat >&3 <<'CALLS'
{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"scrape-test","version":"1"}}}
{"jsonrpc":"2.0","method":"notifications/initialized"}
{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_league_leaders","arguments":{"stat":"points","limit":1}}}
{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_league_leaders","arguments":{"stat":"assists","limit":1}}}
{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_team_standings","arguments":{"conference":"Central"}}}
CALLS
for _ in $(seq 100); do
  [[ $(get "http://127.0.0.1:$metrics_port/healthz") == ok* ]] && break
  sleep 0.1
done

prometheus_port=$(free_port)
cat >"$work/prometheus.yml" <<YML
global:
  scrape_interval: 1s
scrape_configs:
  - job_name: nba-mcp
    static_configs:
      - targets: ["127.0.0.1:$metrics_port"]
YML
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/data" \
  --web.listen-address="127.0.0.1:$prometheus_port" --log.level=warn 2>"$work/prometheus.log" &
prometheus_pid=$!

# Both calls of get_league_leaders answered, and the malformed get_team_standings refused
# ("Central" is no conference): what Prometheus must have scraped.
query='nba_mcp_requests_total{job="nba-mcp"}'
api="http://127.0.0.1:$prometheus_port/api/v1/query?query=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$query")"
for _ in $(seq 300); do
  answer=$(get "$api")
  if python3 - "$answer" <<'PY'
import json, sys
try:
    result = json.loads(sys.argv[1])["data"]["result"]
except Exception:
    sys.exit(1)
found = {(r["metric"].get("tool"), r["metric"].get("status")): r["value"][1] for r in result}
sys.exit(0 if found.get(("get_league_leaders", "ok")) == "2" and
            found.get(("get_team_standings", "error")) == "1" else 1)
PY
  then
    echo "scrape_test: Prometheus scraped nba_mcp_requests_total:"
    python3 -c 'import json, sys
for r in json.loads(sys.argv[1])["data"]["result"]: print("  ", r["metric"], r["value"][1])' "$answer"
    exit 0
  fi
  sleep 0.1
done
echo "scrape_test: Prometheus never found the calls in nba_mcp_requests_total; last answer:" >&2
echo "$answer" >&2
cat "$work/prometheus.log" "$work/err" >&2
exit 1

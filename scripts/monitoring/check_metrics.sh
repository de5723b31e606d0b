#!/usr/bin/env bash
# Runs nba-mcp with a few calls — answered, refused by a limit, malformed, and one that finds
# NBA.com unreachable (so the cache, quota and upstream series exist) — writes its metrics
# textfile, and has Prometheus's own promtool check the exposition. With OUT, the exposition is
# also copied there (check_assets.sh reads the metric names from it).
#
#   scripts/monitoring/check_metrics.sh NBA_MCP_BINARY [OUT]
set -euo pipefail
binary=${1:?usage: check_metrics.sh NBA_MCP_BINARY [OUT]}
out=${2:-}
command -v promtool >/dev/null || {
  echo "check_metrics: promtool not found: install Debian's prometheus package (scripts/setup.sh)" >&2
  exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
calls='{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"check","version":"1"}}}
{"jsonrpc":"2.0","id":2,"method":"tools/call","params":{"name":"get_league_leaders","arguments":{"stat":"points","limit":1}}}
{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"get_league_leaders","arguments":{"stat":"points","limit":1}}}
{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"get_live_scores","arguments":{"date":5}}}
{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"answer_nba_question","arguments":{"question":"Who leads the NBA in assists?"}}}'
# NBA.com at a port nobody listens on: the auto origin falls back to the snapshot. Redis
# there too: the shared tier's series show it down.
"$binary" --origin auto --nba-stats-url http://127.0.0.1:1/stats --cache-db :memory: \
  --redis redis://127.0.0.1:1/0 \
  --fixed-time 2026-02-22T12:00:00Z --rate-limit get_league_leaders=1 --log-level off \
  --metrics-textfile "$work/nba-mcp.prom" --trace-file "$work/spans.jsonl" serve <<<"$calls" >/dev/null
for series in 'nba_mcp_requests_total{tool="get_league_leaders",status="ok"} 1' \
              'nba_mcp_errors_total{tool="get_league_leaders",error_type="rate_limited"} 1' \
              'nba_mcp_upstream_requests_total{endpoint="stats.nba.com commonallplayers",status="unavailable"}' \
              'nba_mcp_cache_misses_total{tier="static"}' \
              'nba_mcp_circuit_state{upstream="nba.com"} 2' \
              'nba_mcp_shared_tier_up 0' \
              'nba_mcp_shared_cache_requests_total{result="error"}' \
              'nba_mcp_trace_spans_total{outcome="exported"}'; do
  grep -qF "$series" "$work/nba-mcp.prom" || {
    echo "check_metrics: '$series' is not in the exposition:" >&2
    cat "$work/nba-mcp.prom" >&2
    exit 1
  }
done
promtool check metrics <"$work/nba-mcp.prom"
[[ -z $out ]] || cp "$work/nba-mcp.prom" "$out"
echo "check_metrics: promtool finds the exposition clean ($(grep -vc '^#' "$work/nba-mcp.prom") samples)"

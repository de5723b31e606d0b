#!/usr/bin/env bash
# Checks the monitoring assets with the tools that run them: the scrape config
# (promtool check config), the alert rules and their unit tests (promtool check rules / test
# rules), the Alertmanager config (amtool check-config), and the Grafana dashboard (valid JSON,
# every panel with a query). Every nba_mcp_ metric the rules and the dashboard use must be one
# the binary exposes (its exposition from check_metrics.sh), so a renamed metric cannot leave
# a silent alert or an empty panel behind.
#
#   scripts/monitoring/check_assets.sh NBA_MCP_BINARY
set -euo pipefail
binary=${1:?usage: check_assets.sh NBA_MCP_BINARY}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
for tool in promtool amtool python3; do
  command -v "$tool" >/dev/null || {
    echo "check_assets: $tool not found: run scripts/setup.sh --for-tests" >&2
    exit 1
  }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

promtool check config "$here/prometheus.yml"
promtool check rules "$here/alerts.yml"
promtool test rules "$here/alerts_test.yml"
amtool check-config "$here/alertmanager.yml"

bash "$here/check_metrics.sh" "$binary" "$work/exposition.prom" >/dev/null
python3 - "$here/grafana-dashboard.json" "$here/alerts.yml" "$work/exposition.prom" <<'PY'
import json, re, sys
dashboard_path, rules_path, exposition_path = sys.argv[1:]
dashboard = json.load(open(dashboard_path))
exposed = set(re.findall(r"^# TYPE (nba_mcp_\w+) (\w+)", open(exposition_path).read(), re.M))
names = {name for name, _ in exposed}
# A histogram's series are <name>_bucket, _sum and _count.
series = names | {n + s for n, kind in exposed if kind == "histogram" for s in ("_bucket", "_sum", "_count")}
problems = []
panels = dashboard.get("panels", [])
if not panels:
    problems.append("the dashboard has no panels")
for panel in panels:
    targets = panel.get("targets", [])
    if not targets or not all(t.get("expr") for t in targets):
        problems.append(f"panel '{panel.get('title')}' has no query")
used = {}
for panel in panels:
    for target in panel.get("targets", []):
        for name in re.findall(r"nba_mcp_\w+", target["expr"]):
            used.setdefault(name, f"dashboard panel '{panel['title']}'")
for name in re.findall(r"nba_mcp_\w+", open(rules_path).read()):
    if not name.startswith("nba_mcp_") or name in ("nba_mcp_",):
        continue
    used.setdefault(name, "alerts.yml")
for name, where in sorted(used.items()):
    if name not in series:
        problems.append(f"{where} uses {name}, which nba-mcp does not expose")
if problems:
    print("check_assets:", *problems, sep="\n  ", file=sys.stderr)
    sys.exit(1)
print(f"check_assets: {len(panels)} dashboard panels and the alert rules use {len(used)} metrics, all exposed")
PY

#!/usr/bin/env bash
# Checks the fleet monitoring files against the kiosk that this build made (issue 14):
#   1. promtool check rules and promtool test rules (every alert fires and stays quiet once);
#   2. the Grafana dashboard is valid JSON with a query on every panel;
#   3. a real textfile written by the kiosk passes `promtool check metrics`, and every metric the
#      rules and the dashboard query is one the kiosk writes (or one of node_exporter's own);
#   4. the name check itself refuses a made-up metric (so it can fail).
# Usage: check.sh KIOSK
set -euo pipefail
kiosk=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/zjmap-monitoring.XXXXXX)
pid=
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v promtool >/dev/null || fail "promtool not found (Debian package prometheus)"

promtool check rules "$here/zjmap-kiosk.rules.yml" || fail "promtool check rules"
(cd "$here" && promtool test rules zjmap-kiosk.rules.test.yml) || fail "promtool test rules"

# A real textfile: the kiosk headless on a fresh store, stopped cleanly once it has written one.
mkdir "$work/data"
SDL_VIDEODRIVER=offscreen "$kiosk" --windowed 640x360 --data "$work/data" \
    --metrics "$work/zjmap.prom" >"$work/log" 2>&1 &
pid=$!
for _ in $(seq 300); do
    [ -s "$work/zjmap.prom" ] && break
    kill -0 $pid 2>/dev/null || fail "the kiosk exited: $(cat "$work/log")"
    sleep 0.2
done
[ -s "$work/zjmap.prom" ] || fail "no textfile after 60 s"
kill -TERM $pid
wait $pid || fail "the kiosk did not exit cleanly on SIGTERM"
pid=
promtool check metrics <"$work/zjmap.prom" || fail "promtool check metrics: $(cat "$work/zjmap.prom")"

# The names every query uses, against the textfile. PromQL is tokenised enough to find metric
# names: strings, label matchers and ranges are dropped, then function calls and keywords.
names_check() { # RULES DASHBOARD TEXTFILE
    python3 - "$@" <<'PY'
import json, re, sys, yaml
rules_file, dash_file, textfile = sys.argv[1:4]
exprs = []
for g in yaml.safe_load(open(rules_file))["groups"]:
    for r in g["rules"]:
        exprs.append((rules_file + ": " + r.get("alert", r.get("record", "?")), r["expr"]))
dash = json.load(open(dash_file))
for p in dash["panels"]:
    if not p.get("targets"):
        sys.exit(f"{dash_file}: panel '{p['title']}' has no query")
    for t in p["targets"]:
        exprs.append((f"{dash_file}: panel '{p['title']}'", t["expr"]))
for v in dash["templating"]["list"]:
    # label_values(METRIC, LABEL): Grafana's, not PromQL; its second argument is a label.
    q = re.sub(r"label_values\(([^,]+),\s*\w+\)", r"\1", v["query"]["query"])
    exprs.append((f"{dash_file}: variable {v['name']}", q))
written = set(re.findall(r"^# TYPE (\S+) ", open(textfile).read(), re.M))
node_exporter_own = {"node_textfile_mtime_seconds"}  # the textfile collector's file times
keywords = {"and", "or", "unless", "by", "without", "on", "ignoring", "group_left",
            "group_right", "offset", "bool", "inf", "nan"}
bad = []
used = set()
for where, e in exprs:
    s = re.sub(r'"(\\.|[^"\\])*"', '""', e)          # strings
    s = re.sub(r"\{[^}]*\}", "", s)                  # label matchers
    s = re.sub(r"\[[^\]]*\]", "", s)                 # ranges
    s = re.sub(r"\b(by|without|on|ignoring)\s*\([^)]*\)", "", s)
    s = re.sub(r"\$\w+", "", s)                      # Grafana variables
    for m in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", s):
        name = m.group(0)
        after = s[m.end():].lstrip()
        if after.startswith("(") or name.lower() in keywords or re.fullmatch(r"\d+[smhdwy]", name):
            continue
        used.add(name)
        if name not in written and name not in node_exporter_own:
            bad.append(f"{where}: {name} is not a metric the kiosk writes ({textfile})")
if bad:
    sys.exit("\n".join(bad))
unused = sorted(n for n in written if n not in used)
if unused:
    sys.exit(f"metrics the kiosk writes that neither the rules nor the dashboard show: {unused}")
print(f"{len(exprs)} queries use {len(used)} metrics, all written by the kiosk or node_exporter")
PY
}
names_check "$here/zjmap-kiosk.rules.yml" "$here/grafana-dashboard.json" "$work/zjmap.prom" ||
    fail "metric names"

# The name check refuses a metric the kiosk does not write.
sed 's/zjmap_restarts_total\[1h\]/zjmap_restart_count[1h]/' "$here/zjmap-kiosk.rules.yml" \
    >"$work/typo.rules.yml"
if out=$(names_check "$work/typo.rules.yml" "$here/grafana-dashboard.json" "$work/zjmap.prom" 2>&1); then
    fail "the name check accepted zjmap_restart_count"
fi
grep -q "ZjmapKioskRestarting: zjmap_restart_count is not a metric the kiosk writes" <<<"$out" ||
    fail "the name check said: $out"

# Each alert is tested both ways: at least one eval expects it, one expects silence.
python3 - "$here/zjmap-kiosk.rules.yml" "$here/zjmap-kiosk.rules.test.yml" <<'PY' || fail "alert tests"
import sys, yaml
alerts = [r["alert"] for g in yaml.safe_load(open(sys.argv[1]))["groups"] for r in g["rules"]]
fires, quiet = set(), set()
for t in yaml.safe_load(open(sys.argv[2]))["tests"]:
    for a in t.get("alert_rule_test", []):
        (fires if a.get("exp_alerts") else quiet).add(a["alertname"])
missing = [f"{a}: no test where it {w}" for a in alerts
           for w, s in (("fires", fires), ("stays quiet", quiet)) if a not in s]
if missing:
    sys.exit("\n".join(missing))
print(f"{len(alerts)} alerts, each tested firing and quiet")
PY
echo "monitoring: ok (rules checked and tested, dashboard valid, every metric name real)"

#!/usr/bin/env bash
# The Prometheus rules in examples/prometheus/ against series from real runs, after `package`.
# Real `jobgen run`s (the packaged jar) succeed, fail, find their lock busy, and `jobgen status
# --metrics-dir` writes the file of a job that never ran; two real node_exporters (Debian's
# prometheus-node-exporter, textfile collector only, on loopback) serve the files of "node-a" and
# "node-b", then node-b's exporter is stopped to make its metrics go stale and node-a gets a file
# it cannot read. Each scrape of /metrics becomes promtool input: one step a second since the test
# began, timestamps shifted by the same start so that promtool's clock (which starts at 0) is the
# test's clock, and the last scrape held until the end (no further run rewrites the files).
# `promtool test rules` then checks which alert fires when, with the times computed from the
# schedules here, not read from the metrics.
# Skips with its reason where promtool or node_exporter is missing (.ci/run installs both).
set -euo pipefail
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$project"
jar=$project/target/jobgen.jar
rules=$project/examples/prometheus
exporter=${JOBGEN_NODE_EXPORTER:-prometheus-node-exporter}
fail() { echo "alerting: FAIL: $*" >&2; exit 1; }
note() { echo "alerting: $*" >&2; }

for tool in promtool "$exporter" curl; do
    command -v "$tool" >/dev/null || { note "SKIPPED: $tool not found (Debian packages prometheus, prometheus-node-exporter, curl)"; exit 0; }
done
[[ -f $jar ]] || fail "$jar missing: run after package"

for f in "$rules"/*.yml; do
    promtool check rules "$f" >&2 || fail "promtool check rules $f"
done

work=$(mktemp -d)
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work"/{a,b,state,locks,scrapes}

# The jobs are hourly in UTC and all expected at the same next hour, so do not straddle one.
now=$(date +%s)
if (( now % 3600 > 3540 )); then
    note "waiting $(( 3600 - now % 3600 + 2 ))s for the hour to turn"
    sleep $(( 3600 - now % 3600 + 2 ))
fi
start=$(date +%s)
base=$(( start - start % 60 ))           # promtool's time 0
next_hour=$(( (start / 3600 + 1) * 3600 ))
hourly='*-*-* *:00:00 UTC'

jobgen() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" "$@"; }
run() { local job=$1 dir=$2; shift 2; jobgen run --job "$job" --state-dir "$work/state/$job" --lock-dir "$work/locks" \
    --metrics-dir "$work/$dir" --schedule "$hourly" "$@"; }

# node_exporter cannot pick a free port itself: try random ones until it serves our directory
declare -A port
start_exporter() {
    local node=$1 p i
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        p=$(( 20000 + RANDOM % 20000 ))
        "$exporter" --web.listen-address="127.0.0.1:$p" --collector.disable-defaults --collector.textfile \
            --collector.textfile.directory="$work/$node" >"$work/exporter-$node.log" 2>&1 &
        local pid=$!
        for i in $(seq 50); do
            # the answer must come from this exporter (its directory), not from whoever had the port
            if curl -fsS -m 2 "http://127.0.0.1:$p/metrics" 2>/dev/null | grep -qF "file=\"$work/$node/"; then
                pids+=("$pid"); port[$node]=$p; eval "pid_$node=$pid"; return 0
            fi
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill "$pid" 2>/dev/null || true
    done
    fail "node_exporter did not start: $(cat "$work/exporter-$node.log")"
}

run ok a -- true || fail "the successful run failed"
status=0; run fails a -- sh -c 'exit 3' || status=$?
(( status == 3 )) || fail "the failing run exited $status, not 3"
# a job of the same lock group holds the lock while `busy` runs twice
jobgen run --job hold --state-dir "$work/state/hold" --lock-dir "$work/locks" --lock group g \
    -- sh -c "touch '$work/held'; exec sleep 120" >/dev/null 2>&1 &
hold=$!; pids+=("$hold")
for _ in $(seq 300); do [[ -e $work/held ]] && break; sleep 0.1; done
[[ -e $work/held ]] || fail "the lock holder did not start"
for _ in 1 2; do run busy a --lock group g -- true || fail "a busy skip exited non-zero"; done
grep -q '"outcome":"skipped-locked"' "$work/state/busy/runs.jsonl" || fail "busy was not skipped: $(cat "$work/state/busy/runs.jsonl")"
cat >"$work/never.yaml" <<YAML
jobgen: 1
jobs:
  never:
    command: /bin/true
    schedule: "$hourly"
    lock: node
YAML
jobgen status "$work/never.yaml" --state-root "$work/state" --metrics-dir "$work/a" >/dev/null || true
[[ -f $work/a/jobgen_never.prom ]] || fail "jobgen status wrote no metrics for the job that never ran"
run nightly b -- true || fail "node-b's run failed"

start_exporter a
start_exporter b

# One scrape round: each node's /metrics, or nothing when its exporter is gone (Prometheus: up 0).
rounds=0
scrape() {
    rounds=$((rounds + 1))
    local t node
    t=$(date +%s)
    echo "$rounds $(( t - base ))" >>"$work/scrapes/steps"
    for node in a b; do
        if curl -fsS -m 5 "http://127.0.0.1:${port[$node]}/metrics" >"$work/scrapes/$rounds-$node" 2>/dev/null; then
            echo "up 1" >>"$work/scrapes/$rounds-$node"
        else
            echo "up 0" >"$work/scrapes/$rounds-$node"
        fi
    done
}
scrape
# the collector read every jobgen file (a format mistake would show as a scrape error)
grep -qx 'node_textfile_scrape_error 0' "$work/scrapes/1-a" || fail "node_exporter could not read the files: $(grep scrape_error "$work/scrapes/1-a")"
for job in ok fails busy never; do
    grep -q "^jobgen_consecutive_failures{job=\"$job\"}" "$work/scrapes/1-a" || fail "no metrics for $job in node-a's scrape"
done
sleep 1.1
kill "$pid_b"; wait "$pid_b" 2>/dev/null || true
# a file on node-a that some other tool wrote badly: the collector reports it
printf 'other_metric{broken 1\n' >"$work/a/other.prom"
scrape
grep -qx 'up 0' "$work/scrapes/2-b" || fail "node-b still answers after its exporter stopped"
grep -qx 'node_textfile_scrape_error 1' "$work/scrapes/2-a" || fail "node_exporter read the broken file"
grep -q '^jobgen_consecutive_failures{job="ok"}' "$work/scrapes/2-a" || fail "a broken file hid the jobgen metrics"
kill "$hold" 2>/dev/null || true

stale_at=$(awk '$1 == 2 {print $2}' "$work/scrapes/steps")
first_scrape=$(awk '$1 == 1 {print $2}' "$work/scrapes/steps")
ceil60() { echo $(( ($1 + 59) / 60 * 60 )); }
hour=$(( next_hour - base ))
end=$(( hour + 900 ))

# Scrapes to promtool input series: node_exporter's own metrics are dropped, jobgen_* keep their
# job label (honor_labels: true), node_textfile_* and up get job="node"; instance names the node.
series() {
    local r node
    for r in $(seq "$rounds"); do
        for node in a b; do
            awk -v r="$r" -v inst="node-$node:9100" -v base="$base" '
                /^#/ || NF < 2 { next }
                $1 !~ /^(jobgen_|node_textfile_|up$)/ { next }
                {
                    value = $NF; name = $1; sub(/[{ ].*/, "", name)
                    labels = ""; if (index($1, "{")) { labels = substr($1, index($1, "{") + 1); sub(/}$/, "", labels) }
                    if (name !~ /^jobgen_/) labels = (labels == "" ? "" : labels ",") "job=\"node\""
                    labels = labels ",instance=\"" inst "\""
                    if (name ~ /_timestamp_seconds$/ || name == "node_textfile_mtime_seconds") value = sprintf("%.3f", value - base)
                    printf "%s\t%s{%s}\t%s\n", r, name, labels, value
                }' "$work/scrapes/$r-$node"
        done
    done
}
series >"$work/samples"
[[ -s $work/samples ]] || fail "no samples"

{
    echo "rule_files: [$(printf '"%s",' "$rules"/*.yml | sed 's/,$//')]"
    echo "evaluation_interval: 1m"
    echo "tests:"
    echo "  - interval: 1s"
    echo "    input_series:"
    awk -v end="$end" -F'\t' '
        FNR == NR { split($0, f, " "); step[f[1]] = f[2]; rounds = f[1] > rounds ? f[1] : rounds; next }
        { v[$2, $1] = $3; if (!($2 in seen)) { seen[$2] = 1; order[++n] = $2 } }
        function run(value, len) { return len == 1 ? value : value "+0x" (len - 1) }
        function gap(len) { return len == 1 ? "_" : "_x" len }
        END {
            for (i = 1; i <= n; i++) {
                s = order[i]; out = step[1] > 0 ? gap(step[1]) : ""
                for (r = 1; r <= rounds; r++) {
                    len = (r < rounds ? step[r + 1] : end + 1) - step[r]
                    if (len < 1) { print "two scrapes in one second" > "/dev/stderr"; exit 1 }
                    if ((s, r) in v) out = out " " run(v[s, r], len)
                    else if (r > 1 && (s, r - 1) in v) out = out " stale" (len > 1 ? " " gap(len - 1) : "")
                    else out = out " " gap(len)
                }
                sub(/^ /, "", out)
                printf "      - series: %c%s%c\n        values: \"%s\"\n", 39, s, 39, out
            }
        }' "$work/scrapes/steps" "$work/samples"
    echo "    alert_rule_test:"
} >"$work/test.yml"

# The annotations each alert should carry, as the rules' templates render them for JOB on INSTANCE
# with VALUE.
annotations() {
    local alert=$1 job=$2 inst=$3 value=$4
    case $alert in
        JobgenRunFailed) echo "jobgen job $job failed on $inst"
            echo "$value consecutive failed run(s); see \`jobgen history $job\` on the node." ;;
        JobgenRunLate) echo "jobgen job $job is late or missed a run on $inst"
            echo "No run has ended within 10 minutes (plus the last run's duration) of the expected one." ;;
        JobgenNeverRan) echo "jobgen job $job has never started its command on $inst"
            echo "Its first expected run has not happened within 10 minutes: is its timer enabled?" ;;
        JobgenLockBusy) echo "jobgen job $job keeps finding its lock busy on $inst"
            echo "The last $value runs were skipped because another run held the lock." ;;
        JobgenMetricsUnreadable) echo "node_exporter cannot read a textfile metrics file on $inst"
            echo "See node_exporter's log on the node; the jobgen metrics there are not updated." ;;
        JobgenMetricsAbsent) echo "jobgen metrics from $inst went stale"
            echo "No jobgen metrics scraped from $inst for 5 minutes; no jobgen alert can fire for it." ;;
        *) fail "no annotations known for $alert" ;;
    esac
}
quote() { printf "'%s'" "${1//\'/\'\'}"; }

# expect ALERTNAME AT "JOB INSTANCE SEVERITY VALUE"...: exactly these alerts fire at AT seconds
expect() {
    local alert=$1 at=$2; shift 2
    echo "      - eval_time: ${at}s"
    echo "        alertname: $alert"
    if (( $# == 0 )); then echo "        exp_alerts: []"; return; fi
    echo "        exp_alerts:"
    local a job inst sev value summary description
    for a in "$@"; do
        read -r job inst sev value <<<"$a"
        { read -r summary; read -r description; } < <(annotations "$alert" "$job" "$inst" "$value")
        echo "          - exp_labels: {job: $job, instance: \"$inst\", host: ${inst%:*}, severity: $sev}"
        echo "            exp_annotations: {summary: $(quote "$summary"), description: $(quote "$description")}"
    done
}
{
    scraped=$(ceil60 "$first_scrape")
    absent_from=$(ceil60 "$stale_at")
    expect JobgenRunFailed 0
    expect JobgenRunFailed "$scraped" "fails node-a:9100 warning 1"
    expect JobgenRunFailed "$(( hour + 720 ))" "fails node-a:9100 warning 1"
    expect JobgenLockBusy 0
    expect JobgenLockBusy "$scraped" "busy node-a:9100 warning 2"
    expect JobgenMetricsAbsent "$(( absent_from + 240 ))"
    expect JobgenMetricsAbsent "$(( absent_from + 300 ))" "node node-b:9100 critical"
    # the next hour plus 10 minutes of grace: not before, and then every hourly job on node-a
    # (node-b's job is in the absent alert, not here: its series are gone)
    expect JobgenRunLate "$(( hour + 540 ))"
    expect JobgenNeverRan "$(( hour + 540 ))"
    expect JobgenRunLate "$(( hour + 660 ))" "ok node-a:9100 warning" "fails node-a:9100 warning 1"
    expect JobgenNeverRan "$(( hour + 660 ))" "busy node-a:9100 warning 2" "never node-a:9100 warning"
    expect JobgenMetricsAbsent "$(( hour + 660 ))" "node node-b:9100 critical"
    expect JobgenMetricsUnreadable "$(( absent_from + 240 ))"
    expect JobgenMetricsUnreadable "$(( hour + 660 ))" "node node-a:9100 warning"
} >>"$work/test.yml"

if ! promtool test rules "$work/test.yml" >"$work/promtool.out" 2>&1; then
    cat "$work/promtool.out" >&2
    cp "$work/test.yml" "$project/target/alerting-test.yml" 2>/dev/null && note "input kept in target/alerting-test.yml"
    fail "promtool test rules"
fi
note "ok: $(grep -c 'alertname:' "$work/test.yml") alert checks over $(wc -l <"$work/samples") scraped samples from 2 node_exporters passed"

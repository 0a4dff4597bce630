#!/usr/bin/env bash
# Start-up budget of `jobgen run` (issue 4, "Budget"). Measures, interleaved round by round so
# load on the machine hits every candidate alike, the wall time of:
#   true        /bin/true
#   shell       a shell wrapper: flock -n + stamp check + /bin/true + atomic stamp write
#   shell+curl  the same plus a curl ping to a loopback server
#   hello       a Java hello-world with the runner's JVM flags
#   runner      jobgen run --lock node --idempotent period around /bin/true, via the node launcher
#               (src/main/dist/jobgen: AppCDS archive, C1 only, no perf data, serial GC)
#   runner+ping the same plus a Healthchecks ping (start + success) to the loopback server
#   runner-nocds the runner without the CDS archive, for reference
# then prints medians, peak RSS and the ratios the budget is stated in:
#   runner <= 2x hello, peak RSS < 48 MB, ping adds <= 30 ms.
# Usage: bench/runner-startup.sh [RUNS]   (default 21; the budget asks for at least 20)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=${1:-21}
jar=$PWD/target/jobgen.jar
[[ -f $jar ]] || mvn -B -o -q package -DskipTests >&2
work=$(mktemp -d)
server_pid=
cleanup() { [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

java_opts=(-XX:TieredStopAtLevel=1 -XX:-UsePerfData -XX:+UseSerialGC -Xshare:auto)
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
javac -d "$work" "$work/Hello.java"

python3 bench/loopback-monitor.py "$work/port" &
server_pid=$!
for _ in $(seq 100); do [[ -s $work/port ]] && break; sleep 0.05; done
port=$(cat "$work/port")

export JOBGEN_JAR=$jar JOBGEN_CDS_DIR=$work/cds
launcher=$PWD/src/main/dist/jobgen
"$launcher" --create-cds >/dev/null

run_flags=(run --job bench --state-dir "$work/state" --lock-dir "$work/lock" --lock node --idempotent period
    --schedule '*-*-* *:*:00 UTC')
stamp_note="with a period stamp"
if ! "$launcher" "${run_flags[@]}" -- /bin/true >/dev/null 2>&1; then
    run_flags=(run --job bench --state-dir "$work/state" --lock-dir "$work/lock" --lock node)
    stamp_note="WITHOUT a period stamp (the calendar engine is not in this build)"
fi
ping_flags=(--heartbeat healthchecks --heartbeat-url "http://127.0.0.1:$port/hc")
shell_body="[ -e $work/sh.stamp ] || { /bin/true && : > $work/sh.tmp && mv $work/sh.tmp $work/sh.stamp; }"

names=(true shell shell+curl hello runner runner+ping runner-nocds)
cmd() {
    case $1 in
        true) /bin/true ;;
        shell) rm -f "$work/sh.stamp"; flock -n "$work/sh.lock" sh -c "$shell_body" ;;
        shell+curl) rm -f "$work/sh.stamp"; flock -n "$work/sh.lock" sh -c "$shell_body && curl -fsS -m 5 --retry 2 -o /dev/null http://127.0.0.1:$port/ping" ;;
        hello) java "${java_opts[@]}" -cp "$work" Hello ;;
        runner) rm -rf "$work/state/stamps"; "$launcher" "${run_flags[@]}" -- /bin/true ;;
        runner+ping) rm -rf "$work/state/stamps"; "$launcher" "${run_flags[@]}" "${ping_flags[@]}" -- /bin/true ;;
        runner-nocds) rm -rf "$work/state/stamps"; java "${java_opts[@]}" -cp "$jar" dev.jobgen.Main "${run_flags[@]}" -- /bin/true ;;
    esac
}

# the stamp removal inside cmd is part of every shell/runner sample alike (one unlink, microseconds)
for name in "${names[@]}"; do cmd "$name" >/dev/null 2>&1; done   # warm the page cache
for ((r = 0; r < runs; r++)); do
    for name in "${names[@]}"; do
        t0=$EPOCHREALTIME
        cmd "$name" >/dev/null 2>&1
        t1=$EPOCHREALTIME
        echo "$(( (${t1/./} - ${t0/./}) ))" >> "$work/t.$name"
    done
done
for name in "${names[@]}"; do
    for ((r = 0; r < 5; r++)); do
        /usr/bin/time -f %M -o "$work/rss.tmp" bash -c "$(declare -f cmd); $(declare -p work launcher run_flags ping_flags shell_body java_opts jar port); cmd $name" >/dev/null 2>&1
        cat "$work/rss.tmp" >> "$work/rss.$name"
    done
done

median_us() { sort -n "$1" | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
max_kb() { sort -n "$1" | tail -1; }
printf '%-13s %11s %13s\n' candidate median_ms peak_rss_MiB
declare -A med
for name in "${names[@]}"; do
    med[$name]=$(median_us "$work/t.$name")
    printf '%-13s %11.1f %13.1f\n' "$name" "$(bc -l <<< "${med[$name]}/1000")" "$(bc -l <<< "$(max_kb "$work/rss.$name")/1024")"
done
ratio() { bc -l <<< "scale=2; ${med[$1]}/${med[$2]}"; }
echo
echo "runs per candidate: $runs (medians); runner $stamp_note; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "runner / hello       = $(ratio runner hello)   (budget <= 2)"
echo "runner / shell       = $(ratio runner shell)"
echo "runner-nocds / hello = $(ratio runner-nocds hello)"
echo "ping adds            = $(bc -l <<< "scale=1; (${med[runner+ping]}-${med[runner]})/1000") ms   (budget <= 30)"
echo "runner peak RSS      = $(bc -l <<< "scale=1; $(max_kb "$work/rss.runner")/1024") MiB   (budget < 48 MB)"

#!/usr/bin/env bash
# What a running job costs while its command runs (issue "A running job costs almost nothing").
# For each candidate it starts FOOTPRINT_JOBS (50) concurrent runners through the node launcher,
# each around a child that only sleeps, and once they have all settled measures per running job:
#   pss       sum of Pss in /proc/PID/smaps_rollup over every process the runner adds (the runner
#             and its descendants in its own process group; the child, a session of its own, and
#             its descendants are left out), divided by the number of jobs
#   rss, threads of one runner
#   cpu       on-CPU time of all the runner's threads over FOOTPRINT_IDLE seconds (60; from
#             /proc/PID/task/*/schedstat, nanoseconds), per second
#   wakeups   voluntary context switches of all its threads over the same time, per second, and
#             which threads of the first runner woke up
# Candidates: `baseline` (the launcher and jar of git ref FOOTPRINT_BASELINE, default main, built
# into target/bench-baseline/), `current` (this tree), `current+ping` (the same with a heartbeat,
# which keeps the log tail and so the output pumps), `lean` (a lean unit's ExecStart= line:
# `flock -n -F` and the shell that execs the command, so nothing but the command stays) and
# `lean-fork` (the same with a forking flock, which stays as the command's parent), and with
# --levers a ladder that adds the launcher's `run` flags to the current code one at a time, to
# show what each one buys: relocation, no safepoints, the old small heap, the new smaller heap and
# string/symbol tables (instead of the old heap), -Xint; all with the runner's archive, so that
# `current` (the same plus the quiet runs' static archive) is the last step. For every candidate
# the command (`sleep`) itself is left out.
# Then start-up, interleaved round by round: a plain `java -cp DIR Hello` compiled in this run,
# both runners with node lock and period stamp around /bin/true, and a lean run's start phase
# and end phase with the same flags (medians of FOOTPRINT_RUNS, 21). A failing start-up stops
# the bench with the failure's output.
# Usage: bench/runner-footprint.sh [--levers]
set -Eeuo pipefail
# set -e ends the bench at the first failing command: say which (-E: inside functions too), instead of ending without a word
trap 'echo "runner-footprint: line $LINENO failed (status $?): $BASH_COMMAND" >&2' ERR
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs=${FOOTPRINT_JOBS:-50}
idle=${FOOTPRINT_IDLE:-60}
runs=${FOOTPRINT_RUNS:-21}
ref=${FOOTPRINT_BASELINE:-main}
levers=false
[[ ${1:-} == --levers ]] && levers=true

jar=$PWD/target/jobgen.jar
[[ -f $jar ]] || mvn -B -o -q package -DskipTests >&2
work=$(mktemp -d)
server_pid=
runner_pids=()
# TERM to every candidate: a runner takes its child's process group down with it, but a forking flock
# (lean-fork) passes no signal on, so its child (the shell's exec'd sleep) is signalled first
stop_runners() {
    local p
    for p in "${runner_pids[@]}"; do pkill -TERM -P "$p" 2>/dev/null || true; done
    kill -TERM "${runner_pids[@]}" 2>/dev/null || true
}
cleanup() {
    if ((${#runner_pids[@]})); then
        stop_runners
        for p in "${runner_pids[@]}"; do wait "$p" 2>/dev/null || true; done
    fi
    [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# the baseline: launcher and jar of $ref, built once per commit
base_sha=$(git rev-parse --verify "$ref^{commit}")
base_dir=$PWD/target/bench-baseline/$base_sha
if [[ ! -f $base_dir/jobgen.jar ]]; then
    echo "building the baseline $ref (${base_sha:0:12}) ..." >&2
    mkdir -p "$work/base-src"
    git archive "$base_sha" | tar -x -C "$work/base-src"
    (cd "$work/base-src" && mvn -B -o -q -DskipTests package >&2)
    mkdir -p "$base_dir"
    cp "$work/base-src/target/jobgen.jar" "$base_dir/jobgen.jar"
    cp "$work/base-src/src/main/dist/jobgen" "$base_dir/jobgen"
    rm -rf "$work/base-src"
fi

# a launcher copy whose `run` flags are replaced by $2, those of a run without heartbeat by $3, and
# which, unless $4 is "quiet-archive", maps the runner's archive for those runs too
launcher_with() {
    local copy=$work/launcher-$1 archive=${4:-}
    grep -q '^if \[\[ ${1:-} == run \]\]; then$' src/main/dist/jobgen && grep -q '^        quiet=$cds_dir/current-quiet$' src/main/dist/jobgen ||
        { echo "launcher layout changed: update $0" >&2; exit 1; }
    awk -v run="$2" -v quiet="${3:-}" -v archive="$archive" '
        /^if \[\[ \$\{1:-\} == run \]\]; then$/ { print "run_opts=(" run "); quiet_opts=(" quiet ")" }
        archive != "quiet-archive" && /^        quiet=\$cds_dir\/current-quiet$/ { print "        quiet=/nonexistent"; next }
        archive != "quiet-archive" && /quiet=\$\(quiet_archive_for/ { sub(/quiet=\$\(quiet_archive_for "\$archive"\)/, "quiet=") }
        { print }' src/main/dist/jobgen > "$copy"
    # a rewrite that did not apply would measure the launcher as it is, under another name
    grep -q '^run_opts=(' "$copy" || { echo "launcher copy $1 without its flags: update $0" >&2; exit 1; }
    if [[ $archive != quiet-archive ]] && { ! grep -q 'quiet=/nonexistent' "$copy" || grep -q 'quiet=$(quiet_archive_for' "$copy"; }; then
        echo "launcher copy $1 still maps the quiet archive: update $0" >&2; exit 1
    fi
    chmod +x "$copy"
    printf '%s\n' "$copy"
}

python3 bench/loopback-monitor.py "$work/port" &
server_pid=$!
for _ in $(seq 100); do [[ -s $work/port ]] && break; sleep 0.05; done
port=$(cat "$work/port")

# name launcher jar cds-dir [extra run flags...]
candidates=()
declare -A c_launcher c_jar c_flags
add() {
    candidates+=("$1"); c_launcher[$1]=$2; c_jar[$1]=$3; c_flags[$1]=${4:-}
}
add baseline "$base_dir/jobgen" "$base_dir/jobgen.jar"
add current "$PWD/src/main/dist/jobgen" "$jar"
add current+ping "$PWD/src/main/dist/jobgen" "$jar" "--heartbeat healthchecks --heartbeat-url http://127.0.0.1:$port/hc"
add lean "" "" "-F"
add lean-fork "" "" ""
if $levers; then
    # the launcher's `run` flags added one at a time to the current code, ending one step before `current`
    relocation="-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
    quiet="$relocation -XX:GuaranteedSafepointInterval=0 -XX:AsyncDeflationInterval=0"
    small="-XX:+UnlockExperimentalVMOptions $quiet -Xmn512k -Xms1m -XX:StringTableSize=1024 -XX:SymbolTableSize=1024"
    add "code,old-flags" "$(launcher_with l0 "")" "$jar"
    add "+relocation=0" "$(launcher_with l1 "$relocation")" "$jar"
    add "+no-safepoint" "$(launcher_with l2 "$quiet")" "$jar"
    add "+Xmn1m-Xms2m" "$(launcher_with l3 "$quiet -Xmn1m -Xms2m")" "$jar"
    add "+small-heap,tables" "$(launcher_with l4 "$small")" "$jar"
    add "+Xint" "$(launcher_with l5 "$small" -Xint)" "$jar"
    # `current` then adds the quiet runs' archive
fi

declare -A c_cds
for name in "${candidates[@]}"; do
    [[ -n ${c_jar[$name]} ]] || continue   # a lean candidate runs no JVM while its command runs
    c_cds[$name]=$work/cds-$(sha256sum "${c_jar[$name]}" | cut -c1-12)
    JOBGEN_JAR=${c_jar[$name]} JOBGEN_CDS_DIR=${c_cds[$name]} "${c_launcher[$name]}" --create-cds >/dev/null
done

# every process of the runner's tree in the runner's own process group (the child has its own session)
runner_tree() {
    ps -e -o pid=,ppid=,pgid= | awk -v root="$1" '
        { ppid[$1] = $2; pgid[$1] = $3 }
        END { for (p in ppid) { q = p; while (q > 1 && q != root) q = ppid[q];
                  if (q == root && pgid[p] == pgid[root]) print p } }'
}
# /proc files of the given pids, concatenated; a process that has ended meanwhile (a short-lived child
# of a runner) or no pid at all (a lean run adds none) reads as nothing, not as a failure that,
# under pipefail, would end the bench
proc_cat() { local name=$1; shift; (($#)) || return 0; cat $(printf "/proc/%s/$name " "$@") 2>/dev/null || true; }
sum_field() { # field pid... : sum of a smaps_rollup field in KiB
    local f=$1; shift
    proc_cat smaps_rollup "$@" | awk -v f="$f:" '$1 == f { s += $2 } END { print s + 0 }'
}
cpu_ns() { proc_cat 'task/*/schedstat' "$@" | awk '{ s += $1 } END { printf "%.0f\n", s }'; }
wakeups() { proc_cat 'task/*/status' "$@" | awk '$1 == "voluntary_ctxt_switches:" { s += $2 } END { print s + 0 }'; }
per_thread() { for t in /proc/$1/task/*; do printf '%s|%s|%s\n' "${t##*/}" "$(cat "$t/comm")" "$(awk '$1 == "voluntary_ctxt_switches:" { print $2 }' "$t/status")"; done 2>/dev/null | sort; }

# whether the command (sleep) runs: as the process itself (flock -F execs it) or as its child
command_up() { [[ $(cat "/proc/$1/comm" 2>/dev/null) == sleep ]] || pgrep -P "$1" -x sleep >/dev/null; }

declare -A r_pss r_rss r_threads r_cpu r_wake r_who
measure() {
    local name=$1 i p
    local -a flags
    read -ra flags <<< "${c_flags[$name]}"
    export JOBGEN_JAR=${c_jar[$name]:-} JOBGEN_CDS_DIR=${c_cds[$name]:-}
    runner_pids=()
    mkdir -p "$work/lock"
    for ((i = 0; i < jobs; i++)); do
        if [[ $name == lean* ]]; then
            # the ExecStart= of a lean unit, with the file its start phase would have written
            mkdir -p "$work/state/$i"
            printf 'JOBGEN_JOB=fp%d\nJOBGEN_ATTEMPT=1\n' "$i" > "$work/state/$i/run.env"
            flock -n "${flags[@]}" -E 75 "$work/lock/job-fp$i.lock" /bin/sh -c 'set -a; . "$0" && exec "$@"' \
                "$work/state/$i/run.env" sleep 100000 >/dev/null 2>&1 &
        else
            "${c_launcher[$name]}" run --job "fp$i" --state-dir "$work/state/$i" --lock-dir "$work/lock" --lock node \
                "${flags[@]}" -- sleep 100000 >/dev/null 2>&1 &
        fi
        runner_pids+=($!)
    done
    # settled: every runner has started its child, and the start-up work after that is done
    for p in "${runner_pids[@]}"; do
        for ((i = 0; i < 600; i++)); do command_up "$p" && break; sleep 0.1; done
        command_up "$p" || { echo "$name: runner $p never started its child" >&2; exit 1; }
    done
    sleep 5
    local -a all=()
    for p in "${runner_pids[@]}"; do
        for i in $(runner_tree "$p"); do [[ $(cat "/proc/$i/comm" 2>/dev/null) == sleep ]] || all+=("$i"); done
    done
    local first=${all[0]:-} c0 w0 c1 w1
    : > "$work/th0"; : > "$work/th1"
    [[ -n $first ]] && per_thread "$first" > "$work/th0"
    c0=$(cpu_ns "${all[@]}"); w0=$(wakeups "${all[@]}")
    sleep "$idle"
    c1=$(cpu_ns "${all[@]}"); w1=$(wakeups "${all[@]}")
    [[ -n $first ]] && per_thread "$first" > "$work/th1"
    if ((${#all[@]})); then
        r_pss[$name]=$(($(sum_field Pss "${all[@]}") / jobs))
        r_rss[$name]=$(sum_field Rss "$first")
        r_threads[$name]=$(ls "/proc/$first/task" | wc -l)
    else
        r_pss[$name]=0 r_rss[$name]=0 r_threads[$name]=0
    fi
    r_cpu[$name]=$(bc -l <<< "($c1 - $c0) / 1000000 / $idle / $jobs")
    r_wake[$name]=$(bc -l <<< "($w1 - $w0) / $idle / $jobs")
    r_who[$name]=$({ join -t'|' "$work/th0" "$work/th1" || true; } | awk -F'|' -v s="$idle" '$5 > $3 { printf "%s %.2f/s, ", $2, ($5 - $3) / s }')
    stop_runners
    for p in "${runner_pids[@]}"; do wait "$p" 2>/dev/null || true; done
    runner_pids=()
    rm -rf "$work/state" "$work/lock"
}
starters=(hello)   # start-up of every candidate but the pinging one (runner-startup.sh has the ping)
for name in "${candidates[@]}"; do [[ $name == current+ping || $name == lean* ]] || starters+=("$name"); done
starters+=(phase-start phase-end)
((jobs > 0)) || candidates=()   # FOOTPRINT_JOBS=0: start-up only
for name in "${candidates[@]}"; do
    echo "measuring $name ($jobs jobs, ${idle}s idle) ..." >&2
    measure "$name"
done

# start-up, interleaved so that load on the machine hits every candidate alike
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
javac -d "$work" "$work/Hello.java"
# a state directory per candidate: each version keeps its own cache of computed periods there
start_flags=(run --job bench --lock-dir "$work/l" --lock node --idempotent period --schedule '*-*-* *:*:00 UTC')
lean_env=(INVOCATION_ID=0123456789abcdef0123456789abcdef JOBGEN_JAR="${c_jar[current]}" JOBGEN_CDS_DIR="${c_cds[current]}")
startup() {
    case $1 in
        hello) java -cp "$work" Hello ;;
        # one lean run: the start phase writes run.env, the end phase (next in the round) records it
        phase-start) rm -rf "$work/s-lean/stamps"
           env "${lean_env[@]}" "${c_launcher[current]}" run --phase start "${start_flags[@]:1}" --state-dir "$work/s-lean" -- /bin/true ;;
        phase-end) env "${lean_env[@]}" SERVICE_RESULT=success EXIT_CODE=exited EXIT_STATUS=0 \
               "${c_launcher[current]}" run --phase end "${start_flags[@]:1}" --state-dir "$work/s-lean" -- /bin/true ;;
        *) rm -rf "$work/s-$1/stamps"
           JOBGEN_JAR=${c_jar[$1]} JOBGEN_CDS_DIR=${c_cds[$1]} "${c_launcher[$1]}" "${start_flags[@]}" --state-dir "$work/s-$1" \
               -- /bin/true ;;
    esac
}
# a start-up that fails stops the bench loudly (under set -e it used to end it without a word)
started() {
    echo "start-up of $1 failed${2:+ ($2)}:" >&2
    cat "$work/out" >&2
    exit 1
}
for name in "${starters[@]}"; do startup "$name" >"$work/out" 2>&1 || started "$name" "first run"; done
TIMEFORMAT='%3R %3U %3S'
for ((r = 0; r < runs; r++)); do
    for name in "${starters[@]}"; do
        { time startup "$name" >"$work/out" 2>&1; } 2>> "$work/t.$name" || started "$name" "round $r"
    done
done
# medians of the wall time and of the CPU time (user + system, the runner's children included):
# on a busy machine the wall time mostly measures the queue for a CPU, the CPU time does not
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
declare -A med cpu
for name in "${starters[@]}"; do
    med[$name]=$(awk '{ print $1 * 1000 }' "$work/t.$name" | median)
    cpu[$name]=$(awk '{ print ($2 + $3) * 1000 }' "$work/t.$name" | median)
done

if ((jobs > 0)); then
echo
printf '%-16s %12s %12s %8s %13s %14s\n' candidate pss_MiB/job rss_MiB/one threads cpu_ms/s/job wakeups/s/job
for name in "${candidates[@]}"; do
    printf '%-16s %12.2f %12.1f %8d %13.3f %14.2f\n' "$name" "$(bc -l <<< "${r_pss[$name]}/1024")" \
        "$(bc -l <<< "${r_rss[$name]}/1024")" "${r_threads[$name]}" "${r_cpu[$name]}" "${r_wake[$name]}"
done
echo
echo "threads that woke up (first runner, per second):"
for name in "${candidates[@]}"; do printf '  %-16s %s\n' "$name" "${r_who[$name]:-none}"; done
fi
echo
printf '%-16s %10s %10s\n' start-up median_ms cpu_ms
for name in "${starters[@]}"; do printf '%-16s %10.1f %10.1f\n' "$name" "${med[$name]}" "${cpu[$name]}"; done
echo
ratio() { bc -l <<< "scale=2; $1 / $2"; }
echo "jobs: $jobs, idle: ${idle}s, start-up runs: $runs; baseline: $ref (${base_sha:0:12}); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if ((jobs > 0)); then
echo "pss per job: current $(bc -l <<< "scale=2; ${r_pss[current]}/1024") MiB (budget <= 8), current / baseline = $(ratio "${r_pss[current]}" "${r_pss[baseline]}")"
echo "pss per job while the command runs: lean $(bc -l <<< "scale=2; ${r_pss[lean]}/1024") MiB, lean-fork $(bc -l <<< "scale=2; ${r_pss[lean-fork]}/1024") MiB (budget <= 8)"
echo "idle cpu per job: current $(printf %.3f "${r_cpu[current]}") ms/s (budget <= 0.2), baseline $(printf %.3f "${r_cpu[baseline]}") ms/s"
echo "wake-ups per job: current $(printf %.2f "${r_wake[current]}")/s, baseline $(printf %.2f "${r_wake[baseline]}")/s"
fi
echo "start-up: current / hello = $(ratio "${med[current]}" "${med[hello]}") (budget <= 1.3), baseline / hello = $(ratio "${med[baseline]}" "${med[hello]}")"
echo "start-up cpu: current / hello = $(ratio "${cpu[current]}" "${cpu[hello]}"), baseline / hello = $(ratio "${cpu[baseline]}" "${cpu[hello]}")"
echo "lean start phase / hello = $(ratio "${med[phase-start]}" "${med[hello]}") wall (budget <= 1.3), $(ratio "${cpu[phase-start]}" "${cpu[hello]}") cpu;" \
    "end phase / hello = $(ratio "${med[phase-end]}" "${med[hello]}") wall, $(ratio "${cpu[phase-end]}" "${cpu[hello]}") cpu"
echo "lean run (start + end) / current runner: $(ratio "$(bc -l <<< "${cpu[phase-start]} + ${cpu[phase-end]}")" "${cpu[current]}") cpu"

#!/usr/bin/env bash
# The launchers, run after `package`. The development launcher `./jobgen` (README's first command)
# uses the fresh jar as is, creates the command line's class-data-sharing archive when that is
# missing or older than the jar, the archive is valid for this jar (the JVM maps it with
# -Xshare:on), its output is the jar's own, and a stale or broken archive costs speed only. The
# node launcher (src/main/dist/jobgen; its runner archive is tested by LauncherTest) makes a second
# archive for every command but `run`, which holds the compiler.
set -euo pipefail
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
cd "$project"
jar=target/jobgen.jar
archive=target/jobgen-cli.jsa
opts=(-XX:+UseSerialGC -XX:TieredStopAtLevel=1)
checks=0
fail() { echo "launcher: FAIL: $*" >&2; exit 1; }
pass() { checks=$((checks + 1)); echo "launcher: ok: $*" >&2; }

[[ -f $jar ]] || fail "$jar missing: run after package"
rm -f "$archive"
out=$(./jobgen render examples/nightly-backup.yaml)
[[ -s $archive && $archive -nt $jar ]] || fail "no archive newer than the jar after a run"
pass "the first run creates $archive"

[[ $out == "$(java "${opts[@]}" -jar "$jar" render examples/nightly-backup.yaml)" ]] || fail "output differs from the jar's"
pass "the launcher prints what the jar prints"

loaded=$(java "${opts[@]}" -Xshare:on -XX:SharedArchiveFile="$archive" -Xlog:class+load -cp "$jar" dev.jobgen.Main \
    render examples/nightly-backup.yaml) || fail "the JVM refuses the archive for this jar"
for class in dev.jobgen.compile.CatalogueCompiler picocli.CommandLine org.yaml.snakeyaml.parser.ParserImpl; do
    grep -q "$class source: shared objects file" <<<"$loaded" || fail "$class is not in the archive"
done
pass "the archive holds the compiler, picocli and snakeyaml, and the JVM maps it for this jar"

touch -d '2000-01-01' "$archive"
./jobgen --version >/dev/null
[[ $archive -nt $jar ]] || fail "an archive older than the jar was kept"
pass "a stale archive is made again"

printf 'not an archive' > "$archive"
[[ $(./jobgen --version) == "jobgen "* ]] || fail "a broken archive breaks the launcher"
rm -f "$archive"
pass "a broken archive is ignored"
node_cds=$(mktemp -d)
trap 'rm -rf "$node_cds"' EXIT
node() { JOBGEN_JAR=$project/$jar JOBGEN_CDS_DIR=$node_cds src/main/dist/jobgen "$@"; }
mapfile -t made < <(node --create-cds)
[[ ${#made[@]} -eq 3 && ${made[1]} == "${made[0]%.jsa}-cli.jsa" && -s ${made[1]} && ${made[2]} == "${made[0]%.jsa}-quiet.jsa" && -s ${made[2]} ]] ||
    fail "--create-cds made: ${made[*]}"
pass "the node launcher's --create-cds makes the runner's, the command line's and the quiet runs' archives"

loaded=$(java "${opts[@]}" -Xshare:on -XX:SharedArchiveFile="${made[1]}" -Xlog:class+load -cp "$jar" dev.jobgen.Main validate examples/everything.yaml 2>/dev/null) \
    || fail "the JVM refuses the command line's archive"
grep -q 'dev.jobgen.compile.CatalogueCompiler source: shared objects file' <<<"$loaded" || fail "the command line's archive lacks the compiler"
rm -f "${made[1]}"
[[ $(node render examples/nightly-backup.yaml) == "$out" && -s ${made[1]} ]] || fail "render through the node launcher"
pass "a missing command line archive is made again, and render prints what the jar prints"
# A check that takes over a second shows a "still working" line on a terminal (script(1) gives the
# command one) and nothing of the kind in a log; the line is erased before the result
if command -v script >/dev/null; then
    awk 'BEGIN { print "jobgen: 1\njobs:"; split("Europe/Berlin America/New_York Asia/Kolkata", z, " ")
        for (i = 0; i < 4000; i++) printf "  job-%05d:\n    command: [/usr/bin/task, \"%d\"]\n    schedule: \"*-*-* %02d:%02d:00\"\n    timezone: %s\n    jitter: 5min\n", i, i, 4 + i % 20, i % 60, z[1 + i % 3] }' \
        >"$node_cds/big.yaml"
    # the line appears after JOBGEN_PROGRESS_DELAY_MS (1000 by default): 0 makes it show however
    # fast this machine checks the catalogue
    script -qec "JOBGEN_PROGRESS_DELAY_MS=0 ./jobgen validate $node_cds/big.yaml" /dev/null >"$node_cds/tty" </dev/null || fail "validate on a terminal: $(cat -A "$node_cds/tty" | tail -3)"
    JOBGEN_PROGRESS_DELAY_MS=0 ./jobgen validate "$node_cds/big.yaml" 2>"$node_cds/log" || fail "validate into a log: $(tail -3 "$node_cds/log")"
    [[ $(cat "$node_cds/log") == "ok: 4000 jobs in 1 catalogue" ]] || fail "a log got more than the result: $(cat -A "$node_cds/log" | head -3)"
    grep -q 'ok: 4000 jobs in 1 catalogue' "$node_cds/tty" || fail "no result on a terminal: $(cat -A "$node_cds/tty" | tail -c 300)"
    # (schedules outside 01:00-03:00 in zones with DST: no warning spoils the "ok")
    grep -qE $'\rjobgen: checking 1 catalogue \([0-9]+ KiB\)\.\.\. [0-9]+s' "$node_cds/tty" || fail "no progress on a terminal: $(cat -A "$node_cds/tty" | head -c 300)"
    grep -q $'\e\[Kok: 4000 jobs in 1 catalogue' "$node_cds/tty" || fail "the result on a terminal does not follow an erased line: $(cat -A "$node_cds/tty" | tail -c 300)"
    pass "progress shows on a terminal only, and is erased before the result"
else
    echo "launcher: skip: no script(1) to give a command a terminal (util-linux)" >&2
fi

# Last, as it rebuilds the jar: a launcher whose output goes to a log, not a terminal, writes no
# terminal escapes, neither its own nor those of the Maven build it starts (Maven's console library
# ends every run with ESC[0m unless told otherwise; .mvn/jvm.config tells it)
touch -d '2000-01-01' "$jar"
./jobgen --help >"$node_cds/out" 2>"$node_cds/err" || fail "the launcher failed after rebuilding: $(cat "$node_cds/err")"
grep -q '^jobgen: building' "$node_cds/err" || fail "an old jar was not rebuilt: $(cat "$node_cds/err")"
grep -q 'Usage:' "$node_cds/out" || fail "--help printed no usage after the rebuild"
if grep -q $'\e' "$node_cds/out" "$node_cds/err"; then
    fail "terminal escapes in output that is not a terminal: $(grep -h $'\e' "$node_cds/out" "$node_cds/err" | cat -A | head -3)"
fi
pass "a rebuild and its command write no terminal escapes into a log"
echo "launcher: $checks checks passed" >&2

#!/usr/bin/env bash
# Budget of issue 3: `jobgen calendar --iterations 5` over 1,000 expressions must be at least as
# fast as `systemd-analyze calendar --iterations 5` over the same expressions, each as one process,
# run back to back here. Prints both wall-clock times and the ratio jobgen/systemd (<= 1 is within
# budget). The expressions are the first 1,000 distinct ones of the conformance corpus, in file
# order, so every run measures the same input.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v systemd-analyze >/dev/null || { echo "systemd-analyze not installed: nothing to compare with" >&2; exit 2; }
[ -f target/jobgen.jar ] || mvn -B -o -q package -DskipTests

N=${N:-1000}
ROUNDS=${ROUNDS:-3}
export TZ=${TZ:-Europe/Berlin}
BASE=2026-01-01T00:00:00Z
SYSTEMD_BASE="2026-01-01 00:00:00 UTC"   # systemd-analyze does not read the ISO form
list=$(mktemp)
trap 'rm -f "$list"' EXIT
python3 - "$N" > "$list" <<'PY'
import json, sys
n = int(sys.argv[1])
seen, out = set(), []
for line in open('src/test/resources/conformance/calendar.jsonl', encoding='utf-8'):
    e = json.loads(line)['expr']
    if e not in seen and '\0' not in e:
        seen.add(e)
        out.append(e)
    if len(out) == n:
        break
sys.stdout.write('\0'.join(out))
PY
mapfile -d '' exprs < "$list"
echo "expressions: ${#exprs[@]}, TZ=$TZ, base $BASE, best of $ROUNDS rounds each"

ms() { echo $(( $(date +%s%N) / 1000000 )); }
best_systemd=999999999
best_jobgen=999999999
for ((r = 1; r <= ROUNDS; r++)); do
    t0=$(ms)
    systemd-analyze calendar --base-time="$SYSTEMD_BASE" --iterations=5 -- "${exprs[@]}" >/dev/null 2>&1 || true
    t1=$(ms)
    java -jar target/jobgen.jar calendar --base-time="$BASE" --iterations 5 -- "${exprs[@]}" >/dev/null 2>&1 || true
    t2=$(ms)
    (( t1 - t0 < best_systemd )) && best_systemd=$((t1 - t0))
    (( t2 - t1 < best_jobgen )) && best_jobgen=$((t2 - t1))
    echo "round $r: systemd-analyze $((t1 - t0)) ms, jobgen $((t2 - t1)) ms"
done
echo "systemd-analyze calendar: ${best_systemd} ms"
echo "jobgen calendar:          ${best_jobgen} ms"
awk -v j="$best_jobgen" -v s="$best_systemd" 'BEGIN { printf "ratio jobgen/systemd: %.2f\n", j / s }'

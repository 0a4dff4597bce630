#!/usr/bin/env bash
# Issue 14, item 16: a catalogue with one scalar of megabytes loads in linear time. Part 1 loads a
# single long scalar of 0.5 to 4 MiB in one JVM with jobgen's loader and, as the baseline, with
# snakeyaml's parser on its own StreamReader (the quadratic one: each doubling costs ~4x).
# Part 2 runs `jobgen validate` on a 10 MiB catalogue with one 10 MiB line against the same size
# made of 100,000 short lines (the baseline), and checks the error output stays short.
# Usage: bench/long-scalar.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
./jobgen --version >/dev/null
snakeyaml=$(find ~/.m2/repository/org/yaml/snakeyaml -name 'snakeyaml-*.jar' | sort | tail -1)
java -XX:+UseSerialGC -cp "target/jobgen.jar:$snakeyaml" bench/LongScalar.java 0.5 1 2 4

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head='jobgen: 1\njobs:\n  x:\n    command: [/bin/true]\n    schedule: daily\n'
{ printf "$head    description: "; head -c $((10 * 1024 * 1024 - 200)) /dev/zero | tr '\0' x; echo; } > "$work/long.yaml"
# the same size in 102-byte lines, one environment variable each
{ printf "$head    environment:\n"; awk 'BEGIN { for (i = 0; i < 102000; i++) printf "      V%06d: \"%84s\"\n", i, "" }'; } > "$work/short.yaml"
# CPU seconds (user + system), not wall time: on a machine shared with other work, wall time mostly
# measures waiting for a core
time_of() {
    /usr/bin/time -f '%U %S' -o "$work/t" ./jobgen validate "$1" >/dev/null 2>"$work/err" || true
    tail -1 "$work/t" | awk '{ print $1 + $2 }'
}
long=$(time_of "$work/long.yaml"); err=$(wc -c < "$work/err")
echo "its error output:"; cat "$work/err"
short=$(time_of "$work/short.yaml")
echo "the baseline's output:"; cat "$work/err"
printf 'validate, 10 MiB in one line: %s CPU s (error output %s bytes); 10 MiB in short lines (baseline): %s CPU s; ratio %.2f\n' \
    "$long" "$err" "$short" "$(awk -v a="$long" -v b="$short" 'BEGIN { print a / b }')"

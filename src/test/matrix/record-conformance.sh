#!/usr/bin/env bash
# record-conformance.sh — asks the booted sandbox's systemd-analyze the calendar and time-span
# questions of the shared conformance corpus (src/test/resources/conformance/*.jsonl: every row's
# expression, TZ and base time; every span), one process per question as the corpus was made.
#
# Usage: record-conformance.sh [--record] [--text-only] VERSION
#   compares the answers with the stored table src/test/resources/conformance/VERSION/, or with
#   --record writes them there; either way it also prints how they differ from the 252 corpus.
# Also keeps text.txt: the verbatim output of a few questions, the layout jobgen's twins copy.
# Needs a running sandbox (SANDBOX_DIR and JOBGEN_SHARED_TOOLS set, as run-matrix.sh does) and
# python3 on the host. Prints "calendar: SAME/ROWS ..." and "timespan: SAME/ROWS ..."; exit 1 when
# the stored table and the real systemd disagree.
set -uo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
PROJECT=$(cd "$HERE/../../.." && pwd)
CORPUS=${JOBGEN_CONFORMANCE_CORPUS:-$PROJECT/src/test/resources/conformance}
# the raw answers stay here for a look when a table disagrees
RAW=$PROJECT/target/matrix/conformance-raw
SBX=$JOBGEN_SHARED_TOOLS/systemd-sandbox
RECORD=0 TEXT_ONLY=0
[[ ${1:-} == --record ]] && { RECORD=1; shift; }
[[ ${1:-} == --text-only ]] && { TEXT_ONLY=1; shift; }
VERSION=${1:?usage: record-conformance.sh [--record] VERSION}
[[ $VERSION =~ ^[0-9]+$ ]] || { echo "record-conformance: VERSION must be a number" >&2; exit 2; }

W=$(mktemp -d /tmp/jobgen-conformance.XXXXXX)
trap 'rm -rf -- "$W"' EXIT
# The text layout, verbatim, for a few questions (jobgen calendar/timespan print the same text):
# "### TZ ARGS" then the output without the "From now:" lines, which depend on the clock.
"$SBX" exec -- /bin/bash -c '
    base=@1767225600
    while IFS="|" read -r tz expr; do
        echo "### calendar $tz --base-time=$base --iterations=3 -- $expr"
        TZ=$tz systemd-analyze calendar --base-time="$base" --iterations=3 -- "$expr" | grep -v "^ *From now:"
    done <<<"UTC|daily
Europe/Berlin|Mon..Fri *-*-* 09:00
America/New_York|*:0/20
Europe/Berlin|*-02-30
Asia/Kolkata|Sat,Thu,Mon-Wed,Sat-Sun 12:30:00.25"
    for span in "5s500ms" "1y 2M 3w 4d" "0.9us" "infinity"; do
        echo "### timespan $span"
        systemd-analyze timespan -- "$span"
    done' >"$W/text.txt" || exit 1
if ((TEXT_ONLY)); then
    ((RECORD)) && { mkdir -p "$CORPUS/$VERSION" && cp "$W/text.txt" "$CORPUS/$VERSION/text.txt"; }
    diff -u "$CORPUS/$VERSION/text.txt" "$W/text.txt"
    exit
fi
python3 "$HERE/conformance.py" inputs "$CORPUS" "$W" || exit 1
"$SBX" exec -- mkdir -p /run/conformance && "$SBX" cp "$W/calendar.in" /run/conformance/ >/dev/null \
    && "$SBX" cp "$W/timespan.in" /run/conformance/ >/dev/null || exit 1

# Each answer as exit status, stdout, stderr, NUL-terminated (the answers hold no NUL).
t0=$(date +%s)
"$SBX" exec -- /bin/bash -c '
    cd /run/conformance
    while IFS= read -r -d "" expr && IFS= read -r -d "" tz && IFS= read -r -d "" base; do
        out=$(TZ=$tz systemd-analyze calendar --base-time="$base" --iterations=5 -- "$expr" 2>err); rc=$?
        printf "%s\0%s\0%s\0" "$rc" "$out" "$(cat err)"
    done <calendar.in >calendar.out
    while IFS= read -r -d "" span; do
        out=$(systemd-analyze timespan -- "$span" 2>err); rc=$?
        printf "%s\0%s\0%s\0" "$rc" "$out" "$(cat err)"
    done <timespan.in >timespan.out' || exit 1
echo "asked systemd $VERSION $(tr -cd '\0' <"$W/calendar.in" | wc -c | awk '{ print $1 / 3 }') calendar and $(tr -cd '\0' <"$W/timespan.in" | wc -c) time-span questions in $(($(date +%s) - t0)) s"
"$SBX" pull /run/conformance/calendar.out "$W/" >/dev/null && "$SBX" pull /run/conformance/timespan.out "$W/" >/dev/null || exit 1

mkdir -p "$RAW/$VERSION" && cp "$W/calendar.out" "$W/timespan.out" "$RAW/$VERSION/"
python3 "$HERE/conformance.py" table "$VERSION" "$W" "$W/table" "$CORPUS" >/dev/null || exit 1
echo "against the systemd 252 corpus:"
python3 "$HERE/conformance.py" compare "$CORPUS" "$W/table" | sed 's/^/  /'
if ((RECORD)); then
    mkdir -p "$CORPUS/$VERSION"
    cp "$W/table/calendar.jsonl.gz" "$W/table/timespan.jsonl.gz" "$CORPUS/$VERSION/"
    cp "$W/text.txt" "$CORPUS/$VERSION/text.txt"
    echo "recorded into ${CORPUS#"$PROJECT"/}/$VERSION/"
fi
if [[ ! -f $CORPUS/$VERSION/calendar.jsonl.gz ]]; then
    # Debian testing moves on: a new version is news to record, not a failure of the product
    echo "calendar: unrecorded (no stored table for systemd $VERSION: record it with --record)"
    echo "timespan: unrecorded"
    exit 0
fi
python3 "$HERE/conformance.py" compare "$CORPUS/$VERSION" "$W/table"
status=$?
if diff -u "$CORPUS/$VERSION/text.txt" "$W/text.txt" >"$W/text.diff"; then
    echo "text: $(grep -c '^###' "$W/text.txt")/$(grep -c '^###' "$W/text.txt") outputs the same as stored"
else
    echo "text: the layout differs from the stored one:"; cat "$W/text.diff"; status=1
fi
exit "$status"

#!/bin/sh
# dump-argv.sh — the job of the escaping checks: writes its argv and its E2E_V* environment
# NUL-separated (sorted by name, LC_ALL=C) to $E2E_DUMP_DIR/argv and $E2E_DUMP_DIR/env, so the
# suite can compare them byte for byte with what the catalogue asked for.
set -eu
d=${E2E_DUMP_DIR:?E2E_DUMP_DIR is not set}
mkdir -p "$d"
printf '%s\0' "$@" >"$d/argv.tmp"
env -0 | LC_ALL=C grep -z '^E2E_V' | LC_ALL=C sort -z >"$d/env.tmp" || true
mv "$d/argv.tmp" "$d/argv"
mv "$d/env.tmp" "$d/env"

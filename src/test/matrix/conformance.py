#!/usr/bin/env python3
"""Turns `systemd-analyze calendar`/`timespan` runs into conformance tables, and compares tables.

  conformance.py inputs CORPUS_DIR OUT_DIR
      writes OUT_DIR/calendar.in and OUT_DIR/timespan.in: the inputs of the shared corpus (expr, TZ,
      base as @EPOCH.USEC; span), NUL-separated, for the loop inside the sandbox
  conformance.py table VERSION RAW_DIR OUT_DIR CORPUS_DIR
      reads RAW_DIR/calendar.out and timespan.out (per input of CORPUS_DIR: exit status, stdout,
      stderr, each NUL-terminated) and writes OUT_DIR/calendar.jsonl.gz and timespan.jsonl.gz
  conformance.py compare OLD_DIR NEW_DIR
      prints per table "NAME: SAME/ROWS same as OLD_DIR" and the first differing rows; exit 1 if any
      row differs

The CLI prints elapses to the second only, so a recorded `next` is to the second; the comparison
with the 252 corpus (recorded to the microsecond) truncates that one's instants to the second.
Inputs are read from the corpus rows, so every version answers the very same questions.
"""
import datetime
import gzip
import json
import re
import sys
from pathlib import Path

UTC = datetime.timezone.utc


def read_rows(path):
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def table(dir_, name):
    d = Path(dir_)
    for candidate in (d / f"{name}.jsonl.gz", d / f"{name}.jsonl"):
        if candidate.exists():
            return read_rows(candidate)
    raise SystemExit(f"conformance.py: no {name}.jsonl(.gz) in {d}")


def epoch_arg(iso):
    t = datetime.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    delta = t - datetime.datetime(1970, 1, 1, tzinfo=UTC)
    usec = (delta.days * 86400 + delta.seconds) * 1_000_000 + delta.microseconds
    return f"@{usec // 1_000_000}.{usec % 1_000_000:06d}"


def write_inputs(corpus, out):
    out = Path(out)
    with open(out / "calendar.in", "wb") as f:
        for r in table(corpus, "calendar"):
            for field in (r["expr"], r["tz"], epoch_arg(r["base"])):
                f.write(field.encode("utf-8", "surrogateescape") + b"\0")
    with open(out / "timespan.in", "wb") as f:
        for r in table(corpus, "timespan"):
            f.write(r["span"].encode("utf-8", "surrogateescape") + b"\0")


def runs(path, count):
    parts = Path(path).read_bytes().split(b"\0")
    if parts and parts[-1] == b"":
        parts.pop()
    if len(parts) != 3 * count:
        raise SystemExit(f"conformance.py: {path} holds {len(parts)} fields, expected {3 * count}")
    for i in range(count):
        rc, out, err = parts[3 * i:3 * i + 3]
        yield int(rc), out.decode("utf-8", "replace"), err.decode("utf-8", "replace")


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def split_stderr(err):
    """(warning, error, hint) of a run's stderr; the error may span lines (an expression with LF).
    systemd 247 colours its log lines even into a file (TERM is set); the colour is not the answer."""
    err = ANSI.sub("", err).rstrip("\n")
    if not err:
        return None, None, None
    m = re.search(r"(^|\n)Failed to ", err)
    warning = None
    if m:
        warning = err[:m.start()].strip("\n") or None
        err = err[m.start():].lstrip("\n")
    hint = None
    h = re.search(r"\nHint: ", err)
    if h:
        hint = err[h.start() + 1:]
        err = err[:h.start()]
    return warning, err or None, hint


STAMP = re.compile(r"^\S+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)")


def utc_iso(stamp_line):
    m = STAMP.match(stamp_line)
    return None if m is None else m.group(1).replace(" ", "T") + "Z"


def calendar_row(inp, rc, out, err):
    """A row of the corpus schema from one `systemd-analyze calendar --iterations=5` run."""
    warning, error, hint = split_stderr(err)
    normalized, elapses, never = None, [], False
    lines = out.split("\n")
    for i, line in enumerate(lines):
        key, _, value = line.strip().partition(": ")
        if key == "Normalized form":
            normalized = value
        elif key == "Next elapse" or key.startswith(("Iter. #", "Iteration #")):  # 257 spells it out
            if value == "never":
                never = True
                continue
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            elapses.append(utc_iso(nxt.partition(": ")[2]) if nxt.startswith("(in UTC): ") else utc_iso(value))
    row = {"expr": inp["expr"], "tz": inp["tz"], "base": inp["base"]}
    valid = rc == 0 or (error is not None and error.startswith("Failed to determine next elapse"))
    row.update(valid=valid, normalized=normalized if valid else None,
               next=([] if never else elapses) if rc == 0 else None,
               error=error, hint=hint, warning=warning)
    return row


def timespan_row(inp, rc, out, err):
    _, error, hint = split_stderr(err)
    usec = human = None
    for line in out.split("\n"):
        key, _, value = line.strip().partition(": ")
        if key in ("μs", "\u00b5s"):
            usec = int(value)
        elif key == "Human":
            human = value
    return {"span": inp["span"], "valid": rc == 0, "usec": usec if rc == 0 else None,
            "normalized": human if rc == 0 else None, "error": error, "hint": hint}


def write_table(version, raw, out, corpus):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for name, make in (("calendar", calendar_row), ("timespan", timespan_row)):
        inputs = table(corpus, name)
        rows = [make(i, *r) for i, r in zip(inputs, runs(Path(raw) / f"{name}.out", len(inputs)))]
        # mtime 0: the same answers make the same bytes, so a re-recording shows no diff
        with open(out / f"{name}.jsonl.gz", "wb") as raw_f, gzip.GzipFile(fileobj=raw_f, mode="wb", mtime=0) as g:
            for r in rows:
                g.write((json.dumps(r, ensure_ascii=False) + "\n").encode("utf-8", "surrogateescape"))
        print(f"{name}: {len(rows)} rows of systemd {version} written to {out}")


def to_second(instants):
    return None if instants is None else [re.sub(r"\.\d+Z$", "Z", t) for t in instants]


COMPARED = {
    "calendar": lambda r: (r["valid"], r["normalized"] if r.get("errno") != "EDEADLK" and r["next"] is not None else None,
                           to_second(r["next"]), r["error"]),
    "timespan": lambda r: (r["valid"], r["usec"], r["normalized"], r["error"]),
}


def compare(old, new):
    differ = False
    for name, key in COMPARED.items():
        a, b = table(old, name), table(new, name)
        if len(a) != len(b):
            print(f"{name}: {len(b)} rows, {old} has {len(a)}")
            differ = True
            continue
        diffs = [(i, x, y) for i, (x, y) in enumerate(zip(a, b), 1) if key(x) != key(y)]
        print(f"{name}: {len(a) - len(diffs)}/{len(a)} rows the same as {old}")
        for i, x, y in diffs[:15]:
            print(f"  row {i}: {json.dumps(x.get('expr', x.get('span')), ensure_ascii=False)} {x.get('tz', '')}")
            print(f"    {old}: {key(x)}")
            print(f"    now: {key(y)}")
        differ = differ or bool(diffs)
    return 1 if differ else 0


def main(argv):
    if len(argv) == 4 and argv[1] == "inputs":
        write_inputs(argv[2], argv[3])
    elif len(argv) == 6 and argv[1] == "table":
        write_table(argv[2], argv[3], argv[4], argv[5])
    elif len(argv) == 4 and argv[1] == "compare":
        return compare(argv[2], argv[3])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Differential check of `jobgen calendar` against the real `systemd-analyze calendar`.

Generates random calendar expressions from a seeded grammar (weekdays, lists, ranges,
repetitions, '~', fractions, zone suffixes, junk), runs both tools under several TZ values and
base times, and prints every disagreement in validity, normalized form or elapses (compared to
the second, the precision of systemd-analyze's text). Usage: src/tools/differential.py [N] [SEED]
"""
import json, os, random, re, subprocess, sys
from datetime import datetime, timezone

N = int(sys.argv[1]) if len(sys.argv) > 1 else 300
SEED = int(sys.argv[2]) if len(sys.argv) > 2 else 1
rnd = random.Random(SEED)
TZS = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Europe/Dublin']
BASES = ['2026-01-01 00:00:00', '2026-03-28 12:00:00', '2026-10-24 12:00:00', '2026-10-25 00:30:00',
         '2026-03-08 06:30:00', '2026-10-03 15:00:00', '2026-11-01 05:30:00', '2027-03-27 23:59:59']
DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun', 'monday', 'FRIDAY', 'Sunday']
ZONES = ['UTC', 'utc', 'CET', 'CEST', 'EST', 'EDT', 'IST', 'GMT', '+11', '+1030', 'Europe/Berlin',
         'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Bogus/Zone']


def num(lo, hi):
    v = rnd.randint(lo, hi)
    return str(v).zfill(rnd.choice([1, 2])) if rnd.random() < 0.9 else str(v) + '.' + str(rnd.randint(0, 999))


def comp(lo, hi, sec=False):
    r = rnd.random()
    if r < 0.25:
        return '*'
    parts = []
    for _ in range(rnd.choice([1, 1, 1, 2, 3])):
        k = rnd.random()
        a = rnd.randint(lo, hi)
        if k < 0.5:
            s = str(a)
        elif k < 0.7:
            s = f"{a}..{rnd.randint(a, hi + 2)}"
        elif k < 0.9:
            s = f"{a}/{rnd.randint(1, max(1, hi // 2))}"
        else:
            s = f"{a}..{rnd.randint(a, hi)}/{rnd.randint(1, 9)}"
        if sec and rnd.random() < 0.2:
            s += '.' + str(rnd.randint(0, 99999))
        parts.append(s.zfill(2) if rnd.random() < 0.5 else s)
    return ','.join(parts)


def expr():
    out = []
    if rnd.random() < 0.3:
        d = rnd.sample(DAYS, rnd.choice([1, 2, 3]))
        sep = rnd.choice([',', '..', '-'])
        out.append(sep.join(d) if len(d) == 2 else ','.join(d))
    if rnd.random() < 0.6:
        y = rnd.choice(['*', '2026', '27', '2026..2028', '2025/2', '*'])
        date = f"{comp(1, 12)}{rnd.choice(['-', '-', '~'])}{comp(1, 31)}"
        out.append((y + '-' if rnd.random() < 0.5 else '') + date)
    if rnd.random() < 0.85:
        t = f"{comp(0, 23)}:{comp(0, 59)}"
        if rnd.random() < 0.6:
            t += ':' + comp(0, 59, True)
        out.append(t)
    if rnd.random() < 0.25:
        out.append(rnd.choice(ZONES))
    s = ' '.join(out) or rnd.choice(['daily', 'hourly', 'weekly', 'monthly', 'quarterly'])
    return s


def systemd(e, tz, base):
    env = dict(os.environ, TZ=tz)
    p = subprocess.run(['systemd-analyze', 'calendar', f'--base-time={base} UTC', '--iterations=5', '--', e],
                       env=env, capture_output=True, text=True)
    if 'Failed to parse' in p.stderr:
        return {'valid': False}
    if 'Failed to determine' in p.stderr:
        return None  # loop guard: not comparable
    norm = re.search(r'Normalized form: (.*)', p.stdout).group(1)
    label = r'\(in UTC\): ' if tz != 'UTC' else r'(?:Next elapse|Iter\. #\d+): '
    nxt = re.findall(label + r'\w+ (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) UTC', p.stdout)
    return {'valid': True, 'normalized': norm, 'next': nxt}


def main():
    exprs = [expr() for _ in range(N)]
    bad = 0
    total = 0
    for tz in TZS:
        base = rnd.choice(BASES)
        iso = base.replace(' ', 'T') + 'Z'
        p = subprocess.run(['java', '-jar', 'target/jobgen.jar', 'calendar', '--format', 'json', '--iterations', '5',
                            '--base-time', iso, '--'] + exprs, env=dict(os.environ, TZ=tz), capture_output=True, text=True)
        ours = json.loads(p.stdout)
        for e, o in zip(exprs, ours):
            ref = systemd(e, tz, base)
            if ref is None:
                continue
            total += 1
            mine = {'valid': o['valid']}
            if o['valid']:
                mine['normalized'] = o['normalized']
                mine['next'] = [datetime.fromisoformat(t.replace('Z', '+00:00')).strftime('%Y-%m-%d %H:%M:%S') for t in o['next']]
            if mine != ref:
                bad += 1
                print(f"TZ={tz} base={base} {e!r}\n  systemd {ref}\n  jobgen  {mine}")
    print(f"{total - bad}/{total} agree")


main()

#!/usr/bin/env python3
"""hadath's time parser and Python dateparser side by side on Duckling's time corpora.

Run from the repository root (one command, both parsers):

    python3 -m pip install dateparser==1.5.0
    python3 bench/time_vs_dateparser.py

hadath's figures come from `cargo xtask duckling --dim time` (exact value and grain, intervals
included). dateparser returns one datetime and no grain, so it is scored leniently: right when its
datetime equals Duckling's value truncated to Duckling's grain (a day example is right on the same
date whatever the hour); interval examples count as misses for it. Speed: examples parsed per second
on one thread, each parser over the same texts.
"""
import datetime
import json
import pathlib
import re
import subprocess
import sys
import time

try:
    import dateparser
except ImportError:
    sys.exit("pip install dateparser==1.5.0 first")

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
REFERENCE = datetime.datetime(2013, 2, 12, 4, 30)
GRAINS = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"]


def truncate(d, grain):
    if grain == "second":
        return d.replace(microsecond=0)
    if grain == "minute":
        return d.replace(second=0, microsecond=0)
    if grain == "hour":
        return d.replace(minute=0, second=0, microsecond=0)
    d = d.replace(hour=0, minute=0, second=0, microsecond=0)
    if grain == "week":
        return d - datetime.timedelta(days=d.weekday())
    if grain == "month":
        return d.replace(day=1)
    if grain == "quarter":
        return d.replace(day=1, month=(d.month - 1) // 3 * 3 + 1)
    if grain == "year":
        return d.replace(day=1, month=1)
    return d


def dateparser_scores(lang):
    examples = [json.loads(l) for l in (SHARED / f"duckling-{lang}" / "time.jsonl").read_text().splitlines() if l.strip()]
    settings = {"RELATIVE_BASE": REFERENCE, "PREFER_DATES_FROM": "future"}
    right = 0
    started = time.perf_counter()
    for ex in examples:
        got = dateparser.parse(ex["text"], languages=[lang], settings=settings)
        want = ex["expected"]
        if got is None or want.get("type") != "value":
            continue
        value = datetime.datetime.fromisoformat(want["value"][:19])
        if truncate(got, want["grain"]) == value:
            right += 1
    elapsed = time.perf_counter() - started
    return len(examples), right, len(examples) / elapsed


def hadath_scores():
    out = subprocess.run(["cargo", "xtask", "duckling", "--dim", "time"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    scores = {}
    for line in out.splitlines():
        m = re.match(r"^(ar|en)\s+time\s+(\d+)\s+(\d+)\s+([\d.]+)%", line)
        if m:
            scores.setdefault(m.group(1), {})["acc"] = (int(m.group(2)), int(m.group(3)))
        m = re.match(r"^(ar|en)\s+time speed\s+\d+ expressions parsed (\d+)/s", line)
        if m:
            scores.setdefault(m.group(1), {})["speed"] = float(m.group(2))
    return scores


def main():
    hadath = hadath_scores()
    print(f"{'lang':<5} {'parser':<11} {'n':>5} {'right':>6} {'accuracy':>9} {'examples/s':>11}")
    for lang in ["ar", "en"]:
        n, right = hadath[lang]["acc"]
        print(f"{lang:<5} {'hadath':<11} {n:>5} {right:>6} {100 * right / n:>8.1f}% {hadath[lang]['speed']:>11.0f}")
        n, right, speed = dateparser_scores(lang)
        print(f"{lang:<5} {'dateparser':<11} {n:>5} {right:>6} {100 * right / n:>8.1f}% {speed:>11.0f}")
        print(f"{lang:<5} {'speed ratio':<11} {hadath[lang]['speed'] / speed:>36.0f}x")


if __name__ == "__main__":
    main()

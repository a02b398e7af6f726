#!/usr/bin/env python3
"""The cost of the history (issue 14): imports with and without it, and the undo of a big re-import.

    python3 Benchmarks/history.py [--collections 100000] [--runs 3] [--smoke]

Builds the release `archive` (--static-swift-stdlib) and generates the synthetic data set (generate.py, kept in
/tmp/archive-bench/N). Then, --runs times, alternating: a first bulk import of the whole data set into an empty
archive, with the history and with `--no-history`; a re-import of every collection with its description changed
(" Revised." appended) into a copy of that archive, with and without the history; and once, `archive undo` of the
logged re-import, its redo, and `archive check`. Prints Markdown: medians, their ratios, peak RSS and file sizes.
Targets (issue 14): re-import with the history at most 1.25x without; the first bulk import within noise; the undo
of 100,000 updated rows under 10 s. --first-only: only the first bulk import (the issue's 1M case: `--collections
1000000 --first-only`). --smoke: 2,000 collections, one run (CI: the script keeps working). Exits 1 if a command
fails. Standard library only.
"""

import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys
import time

from common import generated, timed

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def fresh(path):
    for suffix in ["", "-wal", "-shm", "-journal"]:
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def size(path):
    return os.path.getsize(path) / 1e6


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collections", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--first-only", action="store_true")
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    if args.smoke:
        args.collections, args.runs = 2_000, 1
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "archive"], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(REPO, ".build", "release", "archive")
    data = generated(args.collections)
    work = f"/tmp/archive-bench/history-{args.collections}"
    os.makedirs(work, exist_ok=True)
    changed = os.path.join(work, "collections.csv")
    if not args.first_only:
        with open(os.path.join(data, "csv", "collections.csv"), newline="", encoding="utf-8") as source, \
                open(changed, "w", newline="", encoding="utf-8") as target:
            reader = csv.DictReader(source)
            writer = csv.DictWriter(target, fieldnames=reader.fieldnames, lineterminator="\n")
            writer.writeheader()
            for row in reader:
                row["description"] = (row["description"] or "") + " Revised."
                writer.writerow(row)

    base = os.path.join(work, "base.sqlite")
    copy = os.path.join(work, "copy.sqlite")
    first = {"history": [], "no history": []}
    again = {"history": [], "no history": []}
    rss, sizes = {}, {}
    for _ in range(args.runs):
        for label, extra in [("no history", ["--no-history"]), ("history", [])]:
            fresh(base)
            seconds, peak = timed([binary, "--db", base, "import", os.path.join(data, "csv")] + extra)
            first[label].append(seconds)
            rss["first " + label] = max(rss.get("first " + label, 0), peak)
            sizes["first " + label] = size(base)
        if args.first_only:
            continue
        # The base for the re-imports holds the first import with its history (as a user's archive would).
        for label, extra in [("no history", ["--no-history"]), ("history", [])]:
            fresh(copy)
            shutil.copyfile(base, copy)
            seconds, peak = timed([binary, "--db", copy, "import", changed, "--table", "collections"] + extra)
            again[label].append(seconds)
            rss["again " + label] = max(rss.get("again " + label, 0), peak)
            sizes["again " + label] = size(copy)
    if args.first_only:
        print(f"## First bulk import with and without the history — {args.collections:,} collections, {args.runs} run(s), medians\n")
        print("| without the history (`--no-history`) | with the history | ratio |")
        print("|---|---|---|")
        print(f"| {statistics.median(first['no history']):.2f} s ({' / '.join(f'{t:.2f}' for t in first['no history'])}), "
              f"{rss['first no history'] // 1024} MB, file {sizes['first no history']:.0f} MB "
              f"| {statistics.median(first['history']):.2f} s ({' / '.join(f'{t:.2f}' for t in first['history'])}), "
              f"{rss['first history'] // 1024} MB, file {sizes['first history']:.0f} MB "
              f"| {statistics.median(first['history']) / statistics.median(first['no history']):.2f}× |")
        return
    undo, undo_rss = timed([binary, "--db", copy, "undo"])
    redo, redo_rss = timed([binary, "--db", copy, "undo"])
    timed([binary, "--db", copy, "check"])
    sizes["after undo and redo"] = size(copy)

    def median(values):
        return statistics.median(values)

    print(f"## History overhead — {args.collections:,} collections, {args.runs} run(s), medians\n")
    print("| | without the history (`--no-history`) | with the history | ratio |")
    print("|---|---|---|---|")
    for name, table in [("first bulk import of the data set", first), (f"re-import, {args.collections:,} updated rows", again)]:
        key = "first" if table is first else "again"
        print(f"| {name} | {median(table['no history']):.2f} s ({' / '.join(f'{t:.2f}' for t in table['no history'])}), "
              f"{rss[key + ' no history'] // 1024} MB, file {sizes[key + ' no history']:.0f} MB "
              f"| {median(table['history']):.2f} s ({' / '.join(f'{t:.2f}' for t in table['history'])}), "
              f"{rss[key + ' history'] // 1024} MB, file {sizes[key + ' history']:.0f} MB "
              f"| {median(table['history']) / median(table['no history']):.2f}× |")
    print(f"| `archive undo` of the re-import | | {undo:.2f} s, {undo_rss // 1024} MB | {undo / median(again['no history']):.2f}× the re-import |")
    print(f"| its redo (`archive undo` again) | | {redo:.2f} s, {redo_rss // 1024} MB; file then {sizes['after undo and redo']:.0f} MB | |")


if __name__ == "__main__":
    main()

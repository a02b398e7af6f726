#!/usr/bin/env python3
"""Importing the real museum files (issue 13): the four files of ../shared/data/museum through Mappings/.

    python3 Benchmarks/museum.py [--runs 3] [--shared ../shared] [--compare]

Builds the release `archive` (--static-swift-stdlib), then --runs times: imports the seeds and the four files
with their mappings into a fresh archive in /tmp/archive-bench/museum, timing each import process and their sum
(the target: under 3 s), and the peak RSS; then times object searches on the result. With --compare, the same
texts are also imported as collections (title; description, medium and culture; type and category as keywords)
into a second archive of equal size, and archive-bench times the same queries, words of the objects' text by
document frequency, against both: object search against collection search at equal size. Prints Markdown.
Exits 1 if a command fails; skips (exit 0, saying so) where ../shared/data/museum is absent. Standard library only.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

from common import timed

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = ["designers_makers", "cooperhewitt_fashion_textiles", "ima_fashion_costume", "footwear_subset"]
SEARCHES = [["slippers"], ["dior", "--institution", "ima"], ["lace", "--category", "lace", "--from", "1700", "--to", "1750"],
            ["silk*"], ["embroidered", "silk", "linen"]]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--compare", action="store_true", help="also compare object and collection search at equal size")
    args = ap.parse_args()
    data = os.path.join(args.shared, "data", "museum")
    if not os.path.exists(os.path.join(data, "SOURCE.md")):
        print(f"museum.py: skipped: {data} is absent (it is not part of this repository)")
        return
    for product in ["archive"] + (["archive-bench"] if args.compare else []):
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL)
    binary = os.path.join(REPO, ".build", "release", "archive")
    work = "/tmp/archive-bench/museum"
    times = {name: [] for name in FILES}
    totals, peak = [], 0
    for _ in range(args.runs):
        shutil.rmtree(work, ignore_errors=True)
        os.makedirs(work)
        db = os.path.join(work, "archive.sqlite")
        timed([binary, "import", "seeds", "--db", db])
        total = 0.0
        for name in FILES:
            seconds, rss = timed([binary, "import", os.path.join(data, name + ".csv"), "--mapping",
                                  os.path.join(REPO, "Mappings", name + ".json"), "--db", db])
            times[name].append(seconds)
            total += seconds
            peak = max(peak, rss)
        totals.append(total)
    search = []
    for query in SEARCHES:
        runs = [timed([binary, "search", *query, "--in", "objects", "--db", db, "--format", "csv"])[0] for _ in range(5)]
        search.append((" ".join(query), statistics.median(runs)))
    print(f"Museum files through Mappings/, median of {args.runs} runs (release build):\n")
    print("| file | import |")
    print("|---|---|")
    for name in FILES:
        print(f"| {name}.csv | {statistics.median(times[name]):.2f} s |")
    print(f"| **all four** | **{statistics.median(totals):.2f} s** (target under 3 s; peak RSS {peak / 1024:.0f} MB) |\n")
    print("| object search (whole process) | time |")
    print("|---|---|")
    for query, seconds in search:
        print(f"| `archive search {query} --in objects` | {seconds * 1000:.1f} ms |")
    if args.compare:
        compare(binary, db, work)


def compare(binary, db, work):
    """Object search against collection search over the same texts, in-process (archive-bench)."""
    import collections as counters, csv, json, re, sqlite3
    rows = sqlite3.connect(db).execute(
        "SELECT slug, title, description, medium, culture, object_type, category FROM objects ORDER BY slug").fetchall()
    path = os.path.join(work, "as-collections", "collections.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    df = counters.Counter()
    with open(path, "w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["slug", "title", "description", "keywords"])
        for slug, title, description, medium, culture, kind, category in rows:
            text = " ".join(t for t in [description, medium, culture] if t)
            out.writerow([slug, title, text, "; ".join(t for t in [kind, category] if t)])
            df.update(set(re.findall(r"[a-z]{4,}", " ".join([title or "", text, kind or ""]).lower())))
    other = os.path.join(work, "collections.sqlite")
    subprocess.run([binary, "import", path, "--db", other], check=True, stderr=subprocess.DEVNULL)
    n = len(rows)
    bands = {"common": [w for w, c in df.most_common() if c > n * 0.05][:50],
             "medium": [w for w, c in df.most_common() if n * 0.005 <= c <= n * 0.05][:50],
             "rare": [w for w, c in df.most_common() if 3 <= c <= n * 0.0005][:50]}
    queries = os.path.join(work, "queries.tsv")
    with open(queries, "w", encoding="utf-8") as f:
        for band, words in bands.items():
            f.write("".join(f"{band}\t{w}\n" for w in words))
    bench = os.path.join(REPO, ".build", "release", "archive-bench")
    results = {}
    for scope, database in [("objects", db), ("collections", other)]:
        out = subprocess.run([bench, "search", "--db", database, "--queries", queries, "--in", scope], check=True,
                             capture_output=True, text=True).stdout
        results[scope] = json.loads(out)["categories"]
    print(f"\nObject search against collection search over the same {n:,} texts (archive-bench, in-process, top 20):\n")
    print("| words | objects p50 / p95 | collections p50 / p95 |")
    print("|---|---|---|")
    for band in bands:
        o, c = results["objects"][band], results["collections"][band]
        print(f"| {band} ({len(bands[band])}) | {o['p50_ms']:.3f} / {o['p95_ms']:.3f} ms | {c['p50_ms']:.3f} / {c['p95_ms']:.3f} ms |")


if __name__ == "__main__":
    main()

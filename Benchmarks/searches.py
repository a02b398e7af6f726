#!/usr/bin/env python3
"""The search page and /api/search under many different questions (issue 22): wrk at 16 connections asking the
143 words of a category of generate.py's queries.txt in turn, never the same one twice in a row, with
`archive serve --cache 0`, so that every answer is made from the archive, facets included.

    python3 Benchmarks/searches.py [--collections 1000000] [--duration 10] [--connections 16] [--no-build] [--smoke]

The categories are queries.txt's rare (fewer than 0.1% of collections), medium (0.1-1%) and common (over 10%)
words. Before the runs every address is asked once (the file's pages come into the OS cache as they would for a
server that has been up a while). Prints Markdown: req/s, p50 and p99 latency, errors, and the server's peak RSS.
Targets (issue 22): the page with its facets p50 <= 20 ms and p99 <= 250 ms for rare and medium words; a common
word's page p50 <= 150 ms. --smoke: 2,000 collections, 2 s a run, the debug build (CI: the script keeps working).
Needs wrk.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request

from common import REPO, generated, imported, wrk
from serve import free_port, peak_rss_mb, wait_for

CATEGORIES = ["rare", "medium", "common"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collections", type=int, default=1_000_000)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--no-build", action="store_true", help="use the binaries built already")
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("searches.py: needs wrk (apt-get install wrk)")
    collections, duration = (2_000, 2) if args.smoke else (args.collections, args.duration)
    configuration = "debug" if args.smoke else "release"
    if not args.no_build:
        for product in ["archive", "archive-serve"]:
            subprocess.run(["swift", "build", "-c", configuration, "--product", product], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(REPO, ".build", configuration, "archive")
    archive = imported(binary, collections)
    queries = {category: [] for category in CATEGORIES}
    with open(os.path.join(generated(collections), "queries.txt"), encoding="utf-8") as lines:
        for line in lines:
            category, _, query = line.rstrip("\n").partition("\t")
            if category in queries:
                queries[category].append(query)

    work = tempfile.mkdtemp(prefix="searches-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([binary, "--db", archive, "serve", "--port", str(port), "--cache", "0"], stderr=subprocess.DEVNULL)
    print(f"## The search under many different questions — {collections:,} collections, `--cache 0`, wrk -t2 "
          f"-c{args.connections}, {duration} s a run\n")
    print("| request | words | req/s | p50 | p99 | errors |")
    print("|---|---|---|---|---|---|", flush=True)
    try:
        wait_for(base + "/")
        for category in CATEGORIES:
            for label, path in [("search page", "/search"), ("JSON search", "/api/search")]:
                paths = os.path.join(work, f"{category}-{path.strip('/').replace('/', '-')}.txt")
                with open(paths, "w", encoding="utf-8") as out:
                    for query in queries[category]:
                        address = f"{path}?q={urllib.parse.quote_plus(query)}&in=collections"
                        out.write(address + "\n")
                        urllib.request.urlopen(base + address, timeout=60).read()  # each page once before the run
                rate, p50, p99, errors, _ = wrk(base + "/", args.connections, duration, paths=paths)
                print(f"| {label} | {category} ({len(queries[category])}) | {rate:,.0f} | {p50:.2f} ms | {p99:.2f} ms | {errors} |", flush=True)
        print(f"| peak RSS | | {peak_rss_mb(server.pid):.0f} MB | | | |", flush=True)
    finally:
        server.terminate()
        server.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

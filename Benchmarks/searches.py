#!/usr/bin/env python3
"""The search under many different questions, beside Datasette, and a search's download (issue 22).

    flock /tmp/bench.lock python3 Benchmarks/searches.py [--collections 1000000] [--duration 10] [--connections 16]
        [--queries 1000] [--seed 22] [--shared ../shared] [--no-datasette] [--no-build] [--smoke]

The archive: generate.py's data set of --collections collections (imported once, /tmp/archive-bench/serve-N), plus
the four museum files of ../shared/data/museum through Mappings/ (a copy, /tmp/archive-bench/serve-N-museum; the
museum part is skipped, saying so, where ../shared is absent). The questions: words drawn from the archive's own
full-text vocabulary (fts5vocab of collections_fts, and of objects_fts with the museum files), each word with the
chance of its document frequency (a word in 70% of records is drawn 700 times as often as one in 0.1%), words of
three letters or more that are not English function words (the, and, with…), --queries of them, seeded; written
to the work folder /tmp/archive-bench/searches-N[-museum]/ (QUESTIONS-*.tsv: band, document frequency, word; and
the addresses each server is asked). Besides the mix, as many again drawn within each band of document frequency:
rare (under 0.1% of the table's records), medium (0.1-1%), common (over 10%); the 1-10% band is in the mix only.

wrk (-t2, --connections, --duration s a run) asks the addresses of a list in turn (paths.lua), never one address
again and again, of `archive serve --cache 0` (every page made from the archive, facets included) and then of
Datasette 0.65 (.build/datasette-venv, made by `Tests/python-venv datasette`; immutable mode, the metadata of
`archive export --datasette`, its default settings) on the same file and the same words:

- archive serve: /search?q=WORD&in=TABLE (the page: the 20 best hits ranked by bm25 with highlighted snippets,
  the count of hits up to 10,000, facets by institution, category, type, maker or designer and period, counted
  exactly up to 256 hits and from a sample beyond) and /api/search?q=WORD&in=TABLE (the same as JSON).
- Datasette: /archive/TABLE?_search=WORD&_size=20 (its table page over the table's FTS index: 20 rows in the
  metadata's order, by slug, not ranked, no snippets; the exact count of matches within its 1 s time limit;
  its suggested facets) and /archive/TABLE.json?_search=WORD&_size=20 (the same rows and count as JSON).

Before the runs the archive file is read once (into the system's cache, as for a server up a while) and each server
is asked some of the addresses (archive serve 20, Datasette 5). wrk's timeout is 10 s (an answer that takes
longer is an error; within it, its time is in the percentiles). Then, on the same archive serve, the download of every hit of `silk` (the search
page's link, /api/search?q=silk&in=TABLE&format=csv, named search-silk-TABLE.csv) in collections and in objects,
and on the museum archive (seeds and the four files, /tmp/archive-bench/serve-museum) in objects: MB/s, and the
server's RSS before, at most during, and after. Prints Markdown. Targets (issue 22): the search page with its facets
p50 <= 20 ms and p99 <= 250 ms for rare and medium words at 16 connections; a common word's page p50 <= 150 ms;
>= 10x Datasette's req/s; the download >= 50 MB/s with the RSS flat.

--smoke: 2,000 collections, no museum files, 2 s a run, archive serve only, the debug build (CI: the script keeps
working, in about 20 s). Builds under flock /tmp/swift-build.lock; run the measurement itself under
flock /tmp/bench.lock (with --no-build after building) so that it never overlaps another. Needs wrk.
"""

import argparse
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

from common import REPO, generated, imported, museum_data, with_museum, wrk
from serve import VENV, free_port, peak_rss_mb, wait_for

BANDS = [("rare", 0, 0.001), ("medium", 0.001, 0.01), ("frequent", 0.01, 0.10), ("common", 0.10, 1.01)]
RUN_BANDS = ["rare", "medium", "common"]
RUNS = 3  # downloads of each file, one after another on the same server: the RSS after each shows whether it grows
# Function words, which no one searches a fashion archive for (unicode61 keeps them in the index).
STOP = set("the and of a an with in its it for on from by as at to is are was were be or this that these those "
           "their his her into over under than then has have had not but all any each which who whom whose also "
           "per via out off up".split())


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def vocabulary(archive, table):
    """[(word, document frequency)] of TABLE_fts, and the table's number of records."""
    db = sqlite3.connect(f"file:{archive}?mode=ro", uri=True)
    try:
        db.execute(f"CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, {table}_fts, row)")
        words = [(term, doc) for term, doc in db.execute("SELECT term, doc FROM temp.vocab")
                 if len(term) >= 3 and term.isalpha() and term.isascii() and term not in STOP]
        records = db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        db.close()
    return words, records


def band_of(doc, records):
    share = doc / records
    return next(name for name, low, high in BANDS if low <= share < high)


def draw(archive, table, count, seed, work):
    """{list name: [(band, doc, word)]}: the mix and each band of RUN_BANDS, `count` draws each by document frequency,
    written to WORK/QUESTIONS-TABLE-LIST.tsv."""
    words, records = vocabulary(archive, table)
    rng = random.Random(f"{seed}-{table}")
    lists = {"mix": words}
    for band in RUN_BANDS:
        lists[band] = [(w, d) for w, d in words if band_of(d, records) == band]
    drawn = {}
    for name, pool in lists.items():
        if not pool:
            continue
        picks = rng.choices(pool, weights=[d for _, d in pool], k=count)
        drawn[name] = [(band_of(d, records), d, w) for w, d in picks]
        with open(os.path.join(work, f"QUESTIONS-{table}-{name}.tsv"), "w", encoding="utf-8") as out:
            out.writelines(f"{b}\t{d}\t{w}\n" for b, d, w in drawn[name])
    return drawn, records, len(words)


def addresses(work, server, kind, table, listname, questions):
    """The file of addresses (one a line) `server` is asked for `questions`, for paths.lua."""
    path = os.path.join(work, f"{server}-{kind}-{table}-{listname}.txt")
    with open(path, "w", encoding="utf-8") as out:
        for _, _, word in questions:
            q = urllib.parse.quote_plus(word)
            if server == "archive":
                out.write(f"{'/search' if kind == 'page' else '/api/search'}?q={q}&in={table}\n")
            else:
                out.write(f"/archive/{table}{'' if kind == 'page' else '.json'}?_search={q}&_size=20\n")
    return path


def read_into_cache(path):
    with open(path, "rb") as f:
        while f.read(1 << 24):
            pass


def download(base, pid, query, table):
    """(MB, seconds, RSS before, at most during, after in MB, file name) of the CSV of every hit, read as it comes."""
    url = f"{base}/api/search?q={urllib.parse.quote_plus(query)}&in={table}&format=csv"
    before, peak, done = rss_mb(pid), [0.0], threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], rss_mb(pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    size, started = 0, time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=600) as answer:
            name = re.search(r'filename="([^"]+)"', answer.headers.get("Content-Disposition", "")).group(1)
            while True:
                chunk = answer.read(1 << 20)
                if not chunk:
                    break
                size += len(chunk)
    finally:
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
    time.sleep(0.5)  # what the server frees once the answer is written
    return size / 1e6, seconds, before, max(peak[0], before), rss_mb(pid), name


def start(command, probe, base, **options):
    process = subprocess.Popen(command, **options)
    try:
        wait_for(base + probe)
    except SystemExit:
        process.kill()
        raise
    return process


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collections", type=int, default=1_000_000)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--queries", type=int, default=1000)
    ap.add_argument("--seed", default="22")
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared"))
    ap.add_argument("--no-datasette", action="store_true", help="measure archive serve alone")
    ap.add_argument("--no-build", action="store_true", help="use the binaries built already")
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    if not shutil.which("wrk"):
        sys.exit("searches.py: needs wrk (apt-get install wrk)")
    collections, duration = (2_000, 2) if args.smoke else (args.collections, args.duration)
    # The smoke run uses the debug build CI has made already (a release build of SwiftNIO takes minutes).
    configuration = "debug" if args.smoke else "release"
    if not args.no_build:
        lock = ["flock", "/tmp/swift-build.lock"] if shutil.which("flock") else []
        static = [] if args.smoke else ["--static-swift-stdlib"]
        for product in ["archive", "archive-serve"]:
            subprocess.run(lock + ["swift", "build", "-c", configuration] + static + ["--product", product], cwd=REPO,
                           check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(REPO, ".build", configuration, "archive")
    archive = imported(binary, collections)
    museum = None if args.smoke else museum_data(args.shared)
    notes = []
    if args.smoke:
        notes.append("smoke run: no museum files")
    elif museum is None:
        notes.append(f"museum part skipped: {os.path.join(args.shared, 'data', 'museum')} is absent (not part of this repository)")
    else:
        archive = with_museum(binary, archive, museum)
    tables = ["collections"] + (["objects"] if museum else [])
    datasette = os.path.join(VENV, "bin", "datasette")
    with_datasette = not (args.smoke or args.no_datasette)
    if with_datasette and not os.path.exists(datasette):
        sys.exit(f"searches.py: {datasette} is missing: make it with Tests/python-venv datasette (or pass --no-datasette)")

    work = f"/tmp/archive-bench/searches-{collections}" + ("-museum" if museum else "")
    os.makedirs(work, exist_ok=True)
    questions, sizes = {}, {}
    for table in tables:
        questions[table], records, vocab = draw(archive, table, args.queries, args.seed, work)
        sizes[table] = records
        shares = {b: sum(1 for q in questions[table]["mix"] if q[0] == b) for b, _, _ in BANDS}
        notes.append(f"{table}: {records:,} records, {vocab:,} words in the vocabulary; the mix of {args.queries:,}: "
                     + ", ".join(f"{shares[b]} {b}" for b, _, _ in BANDS) + f", {len(set(q[2] for q in questions[table]['mix']))} distinct")
    lists = [(table, name) for table in tables for name in ["mix"] + RUN_BANDS if name in questions[table]]
    kinds = {"mix": ["page", "json"]}
    read_into_cache(archive)

    results = {}  # (server, table, list, kind) -> (req/s, p50, p99, errors)
    servers = [("archive", "archive serve --cache 0")] + ([("datasette", "Datasette 0.65 (immutable)")] if with_datasette else [])
    print(f"## The search under many different questions — {collections:,} collections"
          + (" and the museum files" if museum else "") + f", wrk -t2 -c{args.connections}, {duration} s a run\n")
    for note in notes:
        print(f"- {note}")
    print(f"- questions and addresses: {work}")
    print(f"- load average before the runs: {os.getloadavg()[0]:.2f} (1 min; the machine's other work shares its cores)\n")
    print("| server | words | request | req/s | p50 | p99 | errors |")
    print("|---|---|---|---|---|---|---|", flush=True)
    rss = {}
    downloads = []
    for server, label in servers:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        if server == "archive":
            process = start([binary, "--db", archive, "serve", "--port", str(port), "--cache", "0"], "/", base,
                            stderr=subprocess.DEVNULL)
        else:
            metadata = os.path.join(work, "metadata.json")
            subprocess.run([binary, "--db", archive, "export", "--datasette", metadata], check=True, stderr=subprocess.DEVNULL)
            process = start([datasette, "serve", "-i", archive, "-m", metadata, "-h", "127.0.0.1", "-p", str(port)],
                            "/-/versions.json", base, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for table, name in lists:
                for kind in kinds.get(name, ["page"]):
                    paths = addresses(work, server, kind, table, name, questions[table][name])
                    with open(paths, encoding="utf-8") as lines:
                        for address in list(lines)[:20 if server == "archive" else 5]:
                            try:
                                urllib.request.urlopen(base + address.strip(), timeout=30).read()
                            except Exception:
                                pass  # a search over its time limit: wrk counts it as an error
                    rate, p50, p99, errors, _ = wrk(base + "/", args.connections, duration, timeout=10, paths=paths)
                    results[(server, table, name, kind)] = (rate, p50, p99, errors)
                    request = "search page" if kind == "page" else "JSON"
                    print(f"| {label} | {table}: {name} ({len(questions[table][name]):,}) | {request} | {rate:,.1f} | "
                          f"{p50:.2f} ms | {p99:.2f} ms | {errors} |", flush=True)
                    time.sleep(0 if args.smoke else 2)  # the server's queue drains before the next list
            rss[server] = peak_rss_mb(process.pid)
            print(f"| {label} | peak RSS | | {rss[server]:.0f} MB | | | |", flush=True)
            if server == "archive":
                for table in tables:
                    for _ in range(RUNS):
                        downloads.append((f"{collections:,} collections" + (" + museum" if museum else ""), table)
                                         + download(base, process.pid, "silk", table))
        finally:
            stop(process)

    if museum:
        small = with_museum(binary, None, museum, seeds=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        process = start([binary, "--db", small, "serve", "--port", str(port), "--cache", "0"], "/", base, stderr=subprocess.DEVNULL)
        try:
            for _ in range(RUNS):
                downloads.append(("museum archive (seeds + 4 files)", "objects") + download(base, process.pid, "silk", "objects"))
        finally:
            stop(process)

    print(f"\nLoad average after the runs: {os.getloadavg()[0]:.2f} (1 min)")
    print("\n### archive serve against Datasette on the same questions\n")
    print("| words | request | archive serve req/s | p50 / p99 | errors | Datasette req/s | p50 / p99 | errors | ratio |")
    print("|---|---|---|---|---|---|---|---|---|")
    for table, name in lists:
        for kind in kinds.get(name, ["page"]):
            ours = results[("archive", table, name, kind)]
            theirs = results.get(("datasette", table, name, kind))
            row = f"| {table}: {name} | {'search page' if kind == 'page' else 'JSON'} | {ours[0]:,.1f} | {ours[1]:.1f} / {ours[2]:.1f} ms | {ours[3]} |"
            if theirs:
                ratio = f"{ours[0] / theirs[0]:,.1f}×" if theirs[0] > 0 else "∞ (Datasette 0 req/s)"
                row += f" {theirs[0]:,.1f} | {theirs[1]:.1f} / {theirs[2]:.1f} ms | {theirs[3]} | {ratio} |"
            else:
                row += " | | | |"
            print(row)

    print("\n### The download of every hit of `silk` (CSV, the kind's full columns, streamed)\n")
    print("| archive | kind | file | size | seconds | MB/s | RSS before | RSS at most | RSS after |")
    print("|---|---|---|---|---|---|---|---|---|")
    for where, table, mb, seconds, before, peak, after, name in downloads:
        print(f"| {where} | {table} | {name} | {mb:,.1f} MB | {seconds:.2f} | {mb / seconds:,.1f} | {before:.0f} MB | {peak:.0f} MB | {after:.0f} MB |")

    print("\n### Against the targets (issue 22)\n")
    print("| target | measured |")
    print("|---|---|")
    for table in tables:
        for band, p50_target, p99_target in [("rare", 20, 250), ("medium", 20, 250), ("common", 150, None)]:
            if ("archive", table, band, "page") not in results:
                continue
            _, p50, p99, _ = results[("archive", table, band, "page")]
            met = p50 <= p50_target and (p99_target is None or p99 <= p99_target)
            target = f"p50 ≤ {p50_target} ms" + (f", p99 ≤ {p99_target} ms" if p99_target else "")
            print(f"| {table}, {band} words, search page: {target} | {p50:.1f} / {p99:.1f} ms: {'met' if met else '**not met**'} |")
        if with_datasette:
            ours, theirs = results[("archive", table, "mix", "page")], results[("datasette", table, "mix", "page")]
            ratio = ours[0] / theirs[0] if theirs[0] > 0 else float("inf")
            print(f"| {table}, the mix, search page: ≥ 10× Datasette's req/s | {ratio:,.1f}×: {'met' if ratio >= 10 else '**not met**'} |")
    for where, table, mb, seconds, before, peak, after, name in downloads:
        print(f"| {where}, {name}: ≥ 50 MB/s, RSS flat | {mb / seconds:,.1f} MB/s: {'met' if mb / seconds >= 50 else '**not met**'}; "
              f"RSS {before:.0f} → {peak:.0f} (at most) → {after:.0f} MB |")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Hostile searches (issue 12): every query a user or an attacker might type answers in under 1 s.

    python3 Benchmarks/hostile.py --collections 1000000 [--data DIR] [--runs 3]
    python3 Benchmarks/hostile.py --smoke          # CI: 1,000 collections, one run, fails on a wrong exit code

Uses the data of generate.py (generated into /tmp/archive-bench/N when missing, as run.py does), imports it
once into /tmp/archive-bench/hostile-N.sqlite with the release `archive`, then times each hostile `archive
search` process (wall time, median of --runs) and checks its exit code: 0 (answered), 3 (stopped at the time
limit) or 64 (refused as a usage error). Prints a Markdown table; exits 1 if any query takes 1 s or more, or
exits with a code it should not. Standard library only.
"""

import argparse
import os
import statistics
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH_ROOT = "/tmp/archive-bench"
TARGET_SECONDS = 1.0


def log(message):
    print(message, file=sys.stderr, flush=True)


def common_words(data, count):
    """Frequent words of the generated data: words.json's most common tokens, then the words of queries.txt's
    common and medium queries (their document frequencies are above 1%)."""
    import json
    with open(os.path.join(data, "words.json"), encoding="utf-8") as f:
        doc = json.load(f)
    words = [token for token, _ in doc["vocabulary"]["top"] if len(token) >= 3 and not token.isdigit()]
    with open(os.path.join(data, "queries.txt"), encoding="utf-8") as f:
        lines = [line.rstrip("\n").split("\t", 1) for line in f if "\t" in line]
    for category in ["common", "medium"]:
        for cat, query in lines:
            for word in query.replace('"', " ").replace("*", " ").split():
                if cat == category and len(word) >= 3 and word not in words and word.isalpha():
                    words.append(word)
    return words[:count]


def queries(data):
    common = common_words(data, 200)
    distinct = " ".join(f"word{i}" for i in range(4000))
    letters = " ".join(f"{chr(97 + i % 26)}*" for i in range(400))
    return [
        ("4,000 distinct words", [distinct], {64}),
        ("the same common word 4,000 times", [" ".join([common[0]] * 4000)], {0, 3}),
        ("32 common words, all required", [" ".join(common[:32])], {0, 3}),
        ("a 32-word phrase of common words", ['"' + " ".join(common[:32]) + '"'], {0, 3}),
        ("400 one-letter prefixes, --in all", [letters, "--in", "all"], {64}),
        ("8 one-letter prefixes, --in all", ["a* e* i* o* s* t* r* l*", "--in", "all"], {0, 3}),
        ("8 two-letter prefixes", ["ba* co* de* la* ma* pa* re* sa*"], {0, 3}),
        ("one-letter prefix with --facets", ["s*", "--facets", "--in", "all"], {0, 3}),
        ("--match 2,000-term OR chain", ["--match", " OR ".join(f"w{i}" for i in range(2000))], {64}),
        ("--match OR of 120 common words", ["--match", " OR ".join(common[:120])[:1000].rsplit(" OR ", 1)[0]], {0, 3}),
        ("--match OR of 150 one-letter prefixes", ["--match", " OR ".join(f"{chr(97 + i % 26)}*" for i in range(150))], {0, 3}),
        ("--match NEAR of common prefixes", ["--match", "NEAR(" + " ".join(w[:3] + "*" for w in common[:12]) + ", 200)"], {0, 3}),
        ("common word, deepest page (--offset 10000 --limit 10000)", [common[0], "--offset", "10000", "--limit", "10000"], {0, 3}),
        ("common word, every filter", [common[1], "--from", "1", "--to", "9999", "--in", "all"], {0, 3}),
        ("--offset 9223372036854775788", [common[0], "--offset", "9223372036854775788"], {64}),
        ("control characters only", ["\x01\x02\x1b"], {64}),
    ]


def run_query(binary, db, args):
    started = time.perf_counter()
    process = subprocess.run([binary, "search", "--db", db, "--format", "csv", *args], stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True)
    return time.perf_counter() - started, process.returncode, process.stderr.strip().splitlines()[:1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collections", "-n", type=int, default=1_000_000)
    ap.add_argument("--data", help="data folder (default /tmp/archive-bench/N; generated when missing)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--smoke", action="store_true", help="1,000 collections, one run")
    ap.add_argument("--no-build", action="store_true", help="use .build/release/archive as it is")
    args = ap.parse_args()
    if args.smoke:
        args.collections, args.runs = 1000, 1
    n = args.collections
    data = args.data or os.path.join(BENCH_ROOT, str(n))
    if not os.path.exists(os.path.join(data, "manifest.json")):
        log(f"generating {n} collections into {data}")
        subprocess.run([sys.executable, os.path.join(REPO, "Benchmarks", "generate.py"), "--collections", str(n), "--out", data], check=True)
    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "archive"], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL)
    binary = os.path.join(REPO, ".build", "release", "archive")
    db = os.path.join(BENCH_ROOT, f"hostile-{n}.sqlite")
    if not os.path.exists(db):
        log(f"importing into {db}")
        subprocess.run([binary, "import", os.path.join(data, "csv"), "--db", db + ".partial"], check=True, stderr=subprocess.DEVNULL)
        for suffix in ["-wal", "-shm"]:
            if os.path.exists(db + ".partial" + suffix):
                os.remove(db + ".partial" + suffix)
        os.rename(db + ".partial", db)
    subprocess.run([binary, "migrate", "--db", db], check=True, stderr=subprocess.DEVNULL)

    rows, failures = [], []
    for name, query, allowed in queries(data):
        results = [run_query(binary, db, query) for _ in range(args.runs)]
        seconds = statistics.median(r[0] for r in results)
        codes = sorted({r[1] for r in results})
        message = (results[0][2] or [""])[0][:90]
        ok = seconds < TARGET_SECONDS and set(codes) <= allowed
        if not ok:
            failures.append(name)
        rows.append(f"| {name} | {seconds * 1000:.0f} ms | {', '.join(map(str, codes))} | {message} | {'yes' if ok else 'NO'} |")
    print(f"Hostile searches, {n:,} collections, median of {args.runs} (whole process, `--format csv`):\n")
    print("| query | time | exit | first line of stderr | under 1 s, right exit |")
    print("|---|---|---|---|---|")
    print("\n".join(rows))
    if failures:
        log(f"hostile.py: {len(failures)} queries missed: {', '.join(failures)}")
        sys.exit(1)


if __name__ == "__main__":
    main()

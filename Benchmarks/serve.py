#!/usr/bin/env python3
"""`archive serve` against Datasette under load (issue 15): wrk, on one archive, in one run.

    python3 Benchmarks/serve.py [--collections 1000000] [--duration 10] [--smoke]

Builds the release `archive`, generates the synthetic data set (generate.py, kept in /tmp/archive-bench/N) and
imports it; writes the Datasette metadata (`archive export --datasette`) and serves the same file with Datasette
(PyPI, in .build/datasette-venv; immutable mode, so that it may cache) and with `archive serve`, each on a free
loopback port, one at a time. For each server, wrk (Debian) at 16 and 64 connections against: the search page and
the JSON search for a rare and a common word (generate.py's words.json), and a record page. wrk asks one address
again and again, which archive serve answers from its page cache after the first time: it is measured a second
time with `--cache 0`, every request made from the archive, as a page seen for the first time is. Prints Markdown:
req/s, p50 and p99 latency, errors, and each server's peak RSS. Targets (issue 15): at least 5x Datasette's req/s
on search, p99 under 50 ms for a common word at 64 connections, record page p50 under 2 ms, RSS under 200 MB.
--smoke: 2,000 collections, 2 s a run, archive serve only, debug build (CI: the script keeps working). Needs wrk.
Many different questions (words drawn by document frequency) against Datasette, with the museum files and a
search's download: searches.py (issue 22).
"""

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

from common import generated, migrated, wrk

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(REPO, ".build", "datasette-venv")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:
            time.sleep(0.2)
    sys.exit(f"serve.py: {url} did not answer within {seconds} s")


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def ensure_datasette():
    datasette = os.path.join(VENV, "bin", "datasette")
    if not os.path.exists(datasette):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([os.path.join(VENV, "bin", "python"), "-m", "pip", "install", "--quiet", "datasette==0.65.*"], check=True)
    return datasette


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collections", type=int, default=1_000_000)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--archive-only", action="store_true", help="measure archive serve alone")
    args = ap.parse_args()
    if args.smoke:
        args.collections, args.duration = 2_000, 2
    if not shutil.which("wrk"):
        sys.exit("serve.py: needs wrk (apt-get install wrk)")
    # The smoke run uses the debug build CI has made already (a release build of SwiftNIO would take minutes).
    configuration = "debug" if args.smoke else "release"
    # Under the shared build lock when there is flock (other builds on the same machine wait for this one).
    lock = ["flock", "/tmp/swift-build.lock"] if shutil.which("flock") else []
    static = [] if args.smoke else ["--static-swift-stdlib"]
    for product in ["archive", "archive-serve"]:
        subprocess.run(lock + ["swift", "build", "-c", configuration] + static + ["--product", product], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL)
    binary = os.path.join(REPO, ".build", configuration, "archive")
    data = generated(args.collections)
    work = f"/tmp/archive-bench/serve-{args.collections}"
    os.makedirs(work, exist_ok=True)
    archive = os.path.join(work, "archive.sqlite")
    if not os.path.exists(archive):
        subprocess.run([binary, "--db", archive, "import", os.path.join(data, "csv"), "--no-history"], check=True, stderr=subprocess.DEVNULL)
    migrated(binary, archive)
    metadata = os.path.join(work, "metadata.json")
    subprocess.run([binary, "--db", archive, "export", "--datasette", metadata], check=True, stderr=subprocess.DEVNULL)
    words = json.load(open(os.path.join(data, "words.json")))["categories"]
    rare, common = words["rare"][0]["query"], words["common"][2]["query"]
    slug = subprocess.run(["sqlite3", archive, "SELECT slug FROM collections WHERE id = (SELECT max(id) / 2 FROM collections)"],
                          capture_output=True, text=True, check=True).stdout.strip()
    row_id = subprocess.run(["sqlite3", archive, f"SELECT id FROM collections WHERE slug = '{slug}'"],
                            capture_output=True, text=True, check=True).stdout.strip()

    # The same questions to both servers: (label, archive serve's path, Datasette's path).
    questions = [
        (f"search page, rare word ({rare})", f"/search?q={rare}&in=collections", f"/archive/collections?_search={rare}"),
        (f"search page, common word ({common})", f"/search?q={common}&in=collections", f"/archive/collections?_search={common}"),
        ("JSON search, rare word", f"/api/search?q={rare}&in=collections", f"/archive/collections.json?_search={rare}"),
        ("JSON search, common word", f"/api/search?q={common}&in=collections", f"/archive/collections.json?_search={common}"),
        ("record page", f"/records/collections/{urllib.parse.quote(slug)}", f"/archive/collections/{row_id}"),
    ]
    servers = [("archive serve", None, []), ("archive serve --cache 0", None, ["--cache", "0"])]
    if not args.smoke and not args.archive_only:
        servers.append(("Datasette 0.65 (immutable)", ensure_datasette(), []))
    print(f"## archive serve and Datasette under load — {args.collections:,} collections, wrk -t2, {args.duration} s a run\n")
    print("| server | request | connections | req/s | p50 | p99 | errors |")
    print("|---|---|---|---|---|---|---|", flush=True)
    for name, datasette, options in servers:
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        if datasette is None:
            process = subprocess.Popen([binary, "--db", archive, "serve", "--port", str(port)] + options, stderr=subprocess.DEVNULL)
            probe = "/"
        else:
            process = subprocess.Popen([datasette, "serve", "-i", archive, "-m", metadata, "-h", "127.0.0.1", "-p", str(port)],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            probe = "/-/versions.json"
        targets = [(label, ours if datasette is None else theirs) for label, ours, theirs in questions]
        try:
            wait_for(base + probe)
            for label, path in targets:
                try:
                    urllib.request.urlopen(base + path, timeout=30).read()  # warm
                except (urllib.error.URLError, TimeoutError):
                    pass  # Datasette answers a common word at 1M with a 400 after its 1 s limit (or later): wrk counts errors
                for connections in (16, 64):
                    rate, p50, p99, errors, _ = wrk(base + path, connections, args.duration)
                    # Each row as soon as it is measured: a run that fails later keeps what it measured.
                    print(f"| {name} | {label} | {connections} | {rate:,.0f} | {p50:.2f} ms | {p99:.2f} ms | {errors} |", flush=True)
                time.sleep(0 if args.smoke else 2)  # the server's queue drains before the next question
            print(f"| {name} | peak RSS | | {peak_rss_mb(process.pid):.0f} MB | | | |", flush=True)
        finally:
            process.terminate()
            process.wait(timeout=30)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""`archive serve` against misbehaving clients: wrk while stalled downloaders and half-open connections are held open.

    python3 Benchmarks/robustness.py [--collections 1000000] [--duration 10] [--links 100000] [--no-build] [--smoke]

Builds the release `archive` and `archive-serve` (as serve.py does), imports generate.py's data set once
(/tmp/archive-bench/serve-N, the archive serve.py uses) and starts `archive serve` on a free loopback port with
its default options. Then, for the home page `/` and a designer's record page, wrk -t2 at 16 connections with
--latency, first with the server alone and then while the script holds open

  - 16 stalled downloaders: sockets with SO_RCVBUF 4096 that send `GET /api/lists/collections?format=csv` and
    never read (the server has 4 download connections: the others are answered 503, then sit idle), and
  - 2,000 half-open connections: sockets that send `GET / HTTP/1.1\\r\\nHost: x` and nothing more.

The server closes both kinds after --idle-timeout (20 s by default); the misbehaving clients are opened afresh
just before each wrk run, so that all of them are held for the whole run. After the last run the script waits
past the idle timeout and counts how many of the last 2,000 the server closed. For each run: req/s, p50, p99,
errors (wrk's socket errors + non-2xx); the server's open descriptors (/proc/PID/fd) before, at most during, and
after; its peak RSS (VmHWM).

Then a designer with --links collections (100,000): a copy of the archive with one more designer, --links
collections and a collection_designers line linking each to it, imported with `archive import`; served with
`--cache 0` so that every request builds the page, wrk (--timeout 10s) on `/records/designers/SLUG`: p50 and the
page's size, and the same for the designer of the first part (a few links), to tell the links' cost from the page's.

Targets (printed beside the figures, met or not met): p99 under 100 ms, no errors, peak RSS under 200 MB,
descriptors flat (back to where they were once the idle timeout has passed); the record page of the designer with
100,000 links: p50 at most 10 ms and at most 200 KB. A target missed is printed, not an exit code: the script
exits non-zero only when something is broken (the server does not start or dies, a request fails outright).
--smoke: 2,000 collections, 4 stalled downloaders, 50 half-open connections, 1,000 links, 2 s a run, the debug
build (CI: the script keeps working; well under a minute). Needs wrk; Linux (/proc).
"""

import argparse
import errno
import math
import os
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

from common import REPO, imported, migrated, wrk
from serve import free_port, peak_rss_mb

NAME = os.path.basename(sys.argv[0])


def fail(message):
    print(f"{NAME}: {message}", file=sys.stderr)
    sys.exit(1)


def raise_descriptor_limit(needed):
    """The soft RLIMIT_NOFILE raised to the hard one (or to `needed`, when the hard limit allows more)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = hard if hard == resource.RLIM_INFINITY else max(soft, hard)
    if want == resource.RLIM_INFINITY:
        want = max(soft, needed)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    if want < needed:
        fail(f"needs {needed} descriptors; the hard limit is {hard} (ulimit -Hn)")


def descriptors(pid):
    return len(os.listdir(f"/proc/{pid}/fd"))


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Server:
    """`archive serve` on a free port, its stderr in a file; `alive()` says whether it still runs."""

    def __init__(self, binary, archive, options, log):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(log, "w")
        self.process = subprocess.Popen([binary, "--db", archive, "serve", "--port", str(self.port)] + options,
                                        stdout=subprocess.DEVNULL, stderr=self.log)
        self.pid = self.process.pid  # archive execs archive-serve: the same process
        deadline = time.time() + 60
        while True:
            if self.process.poll() is not None:
                fail(f"archive serve exited {self.process.returncode} at start: {open(log).read().strip()[:500]}")
            try:
                urllib.request.urlopen(self.base + "/", timeout=2).read()
                break
            except Exception:
                if time.time() > deadline:
                    fail(f"archive serve did not answer {self.base}/ within 60 s")
                time.sleep(0.2)

    def alive(self):
        return self.process.poll() is None

    def get(self, path, timeout=10):
        """The body of a GET that must succeed (a request failing outright is the server broken)."""
        if not self.alive():
            fail(f"archive serve died (exit {self.process.returncode}); its log: {self.log.name}")
        try:
            with urllib.request.urlopen(self.base + path, timeout=timeout) as response:
                return response.read()
        except Exception as error:
            fail(f"GET {path} failed: {error}")

    def stop(self):
        if self.alive():
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class Misbehaving:
    """Stalled downloaders and half-open connections, held open until `close()`."""

    def __init__(self, port, stalled, half_open):
        self.stalled, self.half_open = [], []
        for _ in range(stalled):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # before connect: the window stays small
            s.settimeout(10)
            s.connect(("127.0.0.1", port))
            s.sendall(b"GET /api/lists/collections?format=csv HTTP/1.1\r\nHost: x\r\n\r\n")
            self.stalled.append(s)  # and never read
        for _ in range(half_open):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.settimeout(10)
            s.connect(("127.0.0.1", port))
            s.sendall(b"GET / HTTP/1.1\r\nHost: x")  # half a header, and nothing more
            self.half_open.append(s)

    def half_open_closed(self):
        """How many of the half-open connections the server has closed (end of stream or reset; whatever it sent
        before closing is read and dropped — these clients never read anything else)."""
        closed = 0
        for s in self.half_open:
            try:
                while True:
                    data = s.recv(65536, socket.MSG_DONTWAIT)
                    if not data:
                        closed += 1
                        break
            except BlockingIOError:
                pass  # still open
            except OSError as error:
                if error.errno in (errno.ECONNRESET, errno.EPIPE, errno.ENOTCONN):
                    closed += 1
                else:
                    raise
        return closed

    def close(self):
        for s in self.stalled + self.half_open:
            s.close()
        self.stalled, self.half_open = [], []


def sampled_wrk(server, url, connections, duration, timeout=2):
    """wrk's figures, and the server's most descriptors and RSS seen while it ran (sampled every 0.2 s)."""
    most = {"fd": 0, "rss": 0.0}
    done = threading.Event()

    def sample():
        while not done.is_set():
            try:
                most["fd"] = max(most["fd"], descriptors(server.pid))
                most["rss"] = max(most["rss"], rss_mb(server.pid))
            except FileNotFoundError:
                return
            done.wait(0.2)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        figures = wrk(url, connections, duration, timeout)
    finally:
        done.set()
        sampler.join()
    return figures, most["fd"], most["rss"]


def mark(met):
    return "met" if met else "**not met**"


def links_archive(binary, source, collections, links):
    """A copy of the archive with a designer linked to `links` new collections (imported with `archive import`)."""
    work = f"/tmp/archive-bench/links-{collections}-{links}"
    archive = os.path.join(work, "archive.sqlite")
    slug = "many-links-house"
    if os.path.exists(archive):
        return migrated(binary, archive), slug
    os.makedirs(work, exist_ok=True)
    partial = os.path.join(work, "building.sqlite")
    shutil.copyfile(source, partial)
    files = os.path.join(work, "csv")
    os.makedirs(files, exist_ok=True)
    with open(os.path.join(files, "designers.csv"), "w") as f:
        f.write("slug,name,kind,country,founded,description\n")
        f.write(f"{slug},Many Links House,house,France,1950,A house with {links} collections (robustness.py).\n")
    seasons = ["SS", "AW", "Resort", "Pre-Fall", "Couture"]
    with open(os.path.join(files, "collections.csv"), "w") as f:
        f.write("slug,title,season,year\n")
        for i in range(1, links + 1):
            f.write(f"many-links-{i:07d},Many Links {seasons[i % 5]} {1950 + i % 75} No. {i},{seasons[i % 5]},{1950 + i % 75}\n")
    with open(os.path.join(files, "collection_designers.csv"), "w") as f:
        f.write("collection,designer,role\n")
        for i in range(1, links + 1):
            f.write(f"many-links-{i:07d},{slug},house\n")
    done = subprocess.run([binary, "--db", partial, "import", files, "--no-history"], capture_output=True, text=True)
    if done.returncode != 0:
        fail(f"archive import of {files} exited {done.returncode}: {done.stderr.strip()[:1000]}")
    for suffix in ["-wal", "-shm"]:
        if os.path.exists(partial + suffix):
            os.rename(partial + suffix, archive + suffix)
    os.rename(partial, archive)
    return archive, slug


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--collections", type=int, default=1_000_000)
    ap.add_argument("--duration", type=int, default=10)
    ap.add_argument("--connections", type=int, default=16, help="wrk's connections")
    ap.add_argument("--stalled", type=int, default=16, help="stalled downloaders")
    ap.add_argument("--half-open", type=int, default=2_000, help="half-open connections")
    ap.add_argument("--links", type=int, default=100_000, help="collections linked to one designer")
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already built (no swift build)")
    args = ap.parse_args()
    # archive serve's default --idle-timeout is 20 s; the smoke run gives 5 s, so that it does not wait 25 s.
    idle_timeout, options = 20, []
    if args.smoke:
        args.collections, args.duration, args.stalled, args.half_open, args.links = 2_000, 2, 4, 50, 1_000
        idle_timeout, options = 5, ["--idle-timeout", "5"]
    if not shutil.which("wrk"):
        fail("needs wrk (apt-get install wrk)")
    raise_descriptor_limit(args.half_open + args.stalled + 256)

    # The smoke run uses the debug build CI has made already (a release build of SwiftNIO takes minutes).
    configuration = "debug" if args.smoke else "release"
    # Under the shared build lock when there is flock (other builds on the same machine wait for this one).
    lock = ["flock", "/tmp/swift-build.lock"] if shutil.which("flock") else []
    for product in [] if args.no_build else ["archive", "archive-serve"]:
        subprocess.run(lock + ["swift", "build", "-c", configuration, "--product", product], cwd=REPO, check=True,
                       stdout=subprocess.DEVNULL)
    binary = os.path.join(REPO, ".build", configuration, "archive")
    archive = imported(binary, args.collections)
    with sqlite3.connect(f"file:{archive}?mode=ro", uri=True) as db:
        designer = db.execute("SELECT slug FROM designers WHERE id = (SELECT max(id) / 2 FROM designers)").fetchone()[0]
        links = db.execute("SELECT count(*) FROM collection_designers JOIN designers ON designers.id = designer_id "
                           "WHERE designers.slug = ?", (designer,)).fetchone()[0]
    logs = f"/tmp/archive-bench/robustness-{args.collections}"
    os.makedirs(logs, exist_ok=True)
    targets = [("home page `/`", "/"),
               (f"record page `/records/designers/{designer}` ({links} links)", f"/records/designers/{urllib.parse.quote(designer)}")]
    when = time.strftime("%Y-%m-%d %H:%M")

    # -- Part 1: wrk alone, then beside the misbehaving clients; default options ---------------------------------
    print(f"## archive serve against misbehaving clients — {args.collections:,} collections, {when}\n")
    print(f"`archive serve --port P{''.join(' ' + o for o in options)}` ({configuration} build, P a free port); wrk -t2 -c{args.connections} "
          f"-d{args.duration}s --latency on the same machine; while held: {args.stalled} stalled downloaders "
          f"(SO_RCVBUF 4096, `GET /api/lists/collections?format=csv`, never read) and {args.half_open:,} half-open "
          f"connections (`GET / HTTP/1.1\\r\\nHost: x`), opened afresh before each run.\n")
    print("| request | clients | req/s | p50 | p99 | errors | server descriptors at the start / most during | RSS during |")
    print("|---|---|---|---|---|---|---|---|", flush=True)
    server = Server(binary, archive, options, os.path.join(logs, "serve.log"))
    checks = []  # (target, figure, met)
    held = None
    try:
        for _, path in targets:
            server.get(path)  # warm
        started_fd = descriptors(server.pid)
        for phase in ["alone", "held"]:
            if phase == "held":
                before = descriptors(server.pid)  # after the runs alone: the reading connections are all open
            for label, path in targets:
                if phase == "held":
                    if held is not None:
                        held.close()
                        time.sleep(0.5)
                    held = Misbehaving(server.port, args.stalled, args.half_open)
                    time.sleep(0.5)
                    server.get(path)  # answered at once, beside them (fails the script if not)
                at_start = descriptors(server.pid)
                (rate, p50, p99, errors, answered), most_fd, rss = sampled_wrk(server, server.base + path, args.connections, args.duration)
                if not server.alive():
                    fail(f"archive serve died during wrk on {path} (exit {server.process.returncode})")
                clients = "alone" if phase == "alone" else f"{args.stalled} stalled + {args.half_open:,} half-open"
                print(f"| {label} | {clients} | {rate:,.0f} | {p50:.2f} ms | {p99:.2f} ms | {errors} | "
                      f"{at_start} / {most_fd} | {rss:.0f} MB |", flush=True)
                if args.smoke and answered == 0:
                    fail(f"wrk had no answer from {path}")
                if phase == "held":
                    checks.append((f"p99 under 100 ms, {label}, held", f"{p99:.2f} ms", p99 < 100))
                    checks.append((f"no errors, {label}, held", f"{errors}", errors == 0))
        # After: the server closes what it has not heard from for the idle timeout; it keeps answering meanwhile.
        held_fd = descriptors(server.pid)
        deadline = time.time() + idle_timeout + 5
        while time.time() < deadline:
            server.get("/")
            time.sleep(1)
        closed = held.half_open_closed()
        after = descriptors(server.pid)
        peak = peak_rss_mb(server.pid)
    finally:
        if held is not None:
            held.close()
        server.stop()
    print()
    print("| server | figure |")
    print("|---|---|")
    print(f"| descriptors once started | {started_fd} |")
    print(f"| descriptors after the runs alone, before the misbehaving clients | {before} |")
    print(f"| descriptors with the last {args.stalled} + {args.half_open:,} held, after its run | {held_fd} |")
    print(f"| half-open connections of the last run the server had closed {idle_timeout + 5} s after it | "
          f"{closed:,} of {args.half_open:,} |")
    print(f"| descriptors then (clients still open on our side) | {after} |")
    print(f"| peak RSS (VmHWM) | {peak:.0f} MB |", flush=True)
    checks.append(("peak RSS under 200 MB", f"{peak:.0f} MB", peak < 200))
    # Flat: back to where they were (a few more allowed: SQLite's and the runtime's own, opened lazily).
    checks.append(("descriptors flat (after − before ≤ 8)", f"{before} → {after}", after - before <= 8))
    checks.append((f"half-open connections closed after the idle timeout", f"{closed:,} of {args.half_open:,}",
                   closed == args.half_open))

    # -- Part 2: a designer with many links, every page built (--cache 0) ----------------------------------------
    # Beside it, the same page of the designer of part 1 (a few links), to tell the links' cost from the page's.
    # wrk's timeout is 10 s here, so that a slow page still has a latency rather than only timeouts.
    many, slug = links_archive(binary, archive, args.collections, args.links)
    server = Server(binary, many, options + ["--cache", "0"], os.path.join(logs, "serve-links.log"))
    rows = []
    try:
        for who, count in [(slug, args.links), (designer, links)]:
            path = f"/records/designers/{urllib.parse.quote(who)}"
            size = len(server.get(path, timeout=30))
            started = time.perf_counter()
            server.get(path, timeout=30)
            single = (time.perf_counter() - started) * 1000
            (rate, p50, p99, errors, answered), _, _ = sampled_wrk(server, server.base + path, args.connections, args.duration, 10)
            if args.smoke and answered == 0:
                fail(f"wrk had no answer from {path}")
            rows.append((path, count, rate, p50, p99, errors, single, size))
        peak = peak_rss_mb(server.pid)
    finally:
        server.stop()
    print(f"\n### A designer with {args.links:,} links (`--cache 0`: every request builds the page; wrk --timeout 10s)\n")
    print("| request | links | req/s | p50 | p99 | errors | one request alone | page size |")
    print("|---|---|---|---|---|---|---|---|")
    for path, count, rate, p50, p99, errors, single, size in rows:
        print(f"| `{path}` | {count:,} | {rate:,.0f} | {p50:.2f} ms | {p99:.2f} ms | {errors} | {single:.1f} ms | {size:,} bytes |")
    print(f"| peak RSS of this server | | | | | | | {peak:.0f} MB |", flush=True)
    path, count, rate, p50, p99, errors, single, size = rows[0]
    checks.append((f"record page of a designer with {args.links:,} links: p50 at most 10 ms", f"{p50:.2f} ms",
                   not math.isnan(p50) and p50 <= 10))
    checks.append((f"the same page at most 200 KB", f"{size / 1000:.1f} KB", size <= 200_000))
    checks.append((f"no errors on it", f"{errors}", errors == 0))

    print("\n### Against the targets\n")
    print("| target | measured | |")
    print("|---|---|---|")
    for target, figure, met in checks:
        print(f"| {target} | {figure} | {mark(met)} |")
    print(f"\n{sum(met for *_, met in checks)} of {len(checks)} targets met; server logs in {logs}.", flush=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Benchmark harness for `archive` (issue 6): import, search and export against the sqlite3 CLI and sqlite-utils.

    python3 Benchmarks/run.py --collections N [--runs 3] [--data DIR] [--out Benchmarks/last-run.md]
    python3 Benchmarks/run.py --smoke            # CI: N=1000, one run, no sqlite-utils, fails on any error

Builds the release products `archive` and `archive-bench`, generates the data with generate.py when DIR lacks it
(default /tmp/archive-bench/N), then measures on that one data set, each command --runs times with a fresh output
database, wall time (perf_counter around the child) and the child's peak RSS (os.wait4 ru_maxrss):

  import   archive import of the CSV folder and of the NDJSON folder (full-text index included)
  sqlite3  sqlite3 CLI: .import of the CSVs into plain tables (WAL), then an FTS5 'rebuild', timed apart
  sqlite-utils   insert of each CSV, then enable-fts (installed from PyPI into a venv under /tmp/archive-bench)
  search   archive-bench search: in-process latency over DIR/queries.txt (JSON from archive-bench, tabulated)
  process  the whole `archive search` process against the sqlite3 CLI running the naive bm25 query, and what each
           costs before it touches the database (archive parsing the same arguments; sqlite3 --version)
  export   archive export collections against sqlite3 -csv of the equivalent query
  sizes    the archive file (db + -wal) against the CSV bytes
  startup  archive --version against sqlite3 --version

Prints a Markdown report and writes it to --out. Any failing command prints its stderr and exits 1.
Standard library only (sqlite-utils goes into its own venv).
"""

import argparse
import datetime
import hashlib
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import generate  # Benchmarks/generate.py, beside this file: the columns it writes

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(REPO, "Benchmarks", "generate.py")
BENCH_ROOT = "/tmp/archive-bench"
VENV = os.path.join(BENCH_ROOT, "venv")
TABLES = ["designers", "collections", "collection_designers", "shoes", "icons", "icon_shoes"]
HEADERS = generate.HEADERS  # the columns of each generated CSV file
INTEGER_COLUMNS = {"founded", "year", "year_introduced"}
MEASUREMENTS = ["startup", "import", "sqlite3", "sqlite-utils", "search", "process", "export", "sizes"]
PROCESS_CATEGORIES = ["rare", "medium", "common"]
PROCESS_QUERIES = 20
STARTUP_RUNS = 20
TOKENIZER = "unicode61 remove_diacritics 2"


class Failure(Exception):
    """A command failed: the message holds the command, its exit status and its stderr."""


def log(message):
    print(message, file=sys.stderr, flush=True)


# -- Running and measuring -------------------------------------------------------------------------------------

# Peak RSS: a child forked from this Python process inherits Python's own peak (ru_maxrss keeps the largest
# resident size the process ever had, and exec() folds the replaced image's peak into it), so os.wait4 on a
# child of Python never reports less than Python's ~15-20 MB. A 30-line C launcher, compiled once with the
# system cc into /tmp/archive-bench/bin, forks from a ~1 MB image, times the child with CLOCK_MONOTONIC and
# reads its rusage with wait4. Without a C compiler, measure() falls back to Popen + os.wait4 and the report
# states the floor (the peak RSS it shows for `true`).
LAUNCHER_C = r"""
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
/* launcher RESULT_FILE COMMAND [ARGS...]: runs COMMAND, writes "wall_seconds maxrss_kb exit_status". */
int main(int argc, char **argv) {
    if (argc < 3) { fprintf(stderr, "usage: launcher RESULT_FILE COMMAND [ARGS...]\n"); return 125; }
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pid_t pid = fork();
    if (pid < 0) { perror("launcher: fork"); return 125; }
    if (pid == 0) { execvp(argv[2], argv + 2); perror(argv[2]); _exit(127); }
    int status; struct rusage usage;
    if (wait4(pid, &status, 0, &usage) < 0) { perror("launcher: wait4"); return 125; }
    clock_gettime(CLOCK_MONOTONIC, &end);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *f = fopen(argv[1], "w");
    if (!f) { perror(argv[1]); return 125; }
    fprintf(f, "%.9f %ld %d\n", (double)(end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9,
            usage.ru_maxrss, code);
    return fclose(f) == 0 ? code : 125;
}
"""
LAUNCHER = None  # path of the compiled launcher, when there is one


def prepare_launcher():
    """Compiles the launcher once (cached by source hash); returns a description of the RSS method."""
    global LAUNCHER
    cc = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if cc:
        digest = hashlib.sha256(LAUNCHER_C.encode()).hexdigest()[:12]
        exe = os.path.join(BENCH_ROOT, "bin", f"launcher-{digest}")
        if not os.access(exe, os.X_OK):
            os.makedirs(os.path.dirname(exe), exist_ok=True)
            src = exe + ".c"
            with open(src, "w") as f:
                f.write(LAUNCHER_C)
            result = subprocess.run([cc, "-O2", "-o", exe + ".tmp", src], capture_output=True, text=True)
            if result.returncode == 0:
                os.replace(exe + ".tmp", exe)
            else:
                log(f"cannot compile the launcher ({result.stderr.strip()[:300]}); measuring from Python")
        if os.access(exe, os.X_OK):
            LAUNCHER = exe
    floor = measure(["true"]).rss_kb / 1024
    if LAUNCHER:
        return f"fork/exec/wait4 from a small C launcher (`true` shows {floor:.1f} MB)"
    return (f"os.wait4 on children of Python: every figure includes Python's own peak, so {floor:.1f} MB "
            "(what `true` shows) is the floor")


class Sample:
    def __init__(self, wall, rss_kb, stdout=b""):
        self.wall = wall
        self.rss_kb = rss_kb
        self.stdout = stdout


def measure(cmd, *, stdin=None, stdout=None, capture=False, cwd=None, check_stderr=None, expect=0):
    """Runs cmd (a list, no shell) once: wall seconds and the child's peak RSS in KB.

    expect: the exit status the command must end with (0 unless a failure is what is being timed).
    stdin: a path to read from; stdout: a path to write to (else a temporary file, returned when capture);
    check_stderr: a function of the stderr text returning an error message, for tools that warn and exit 0.
    """
    with tempfile.TemporaryFile() as err, tempfile.TemporaryFile() as tmp_out:
        fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
        fout = open(stdout, "wb") if stdout else tmp_out
        result = None
        if LAUNCHER:
            fd, result = tempfile.mkstemp(prefix="launcher-", dir=BENCH_ROOT)
            os.close(fd)
        try:
            started = time.perf_counter()
            try:
                proc = subprocess.Popen(([LAUNCHER, result] if result else []) + cmd,
                                        stdin=fin, stdout=fout, stderr=err, cwd=cwd)
            except OSError as e:
                raise Failure(f"$ {shlex.join(cmd)}\ncannot start: {e}")
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.perf_counter() - started
            proc.returncode = os.waitstatus_to_exitcode(status)
            rss_kb = usage.ru_maxrss
            if result:
                with open(result) as f:
                    fields = f.read().split()
                if len(fields) == 3:
                    wall, rss_kb, proc.returncode = float(fields[0]), int(fields[1]), int(fields[2])
        finally:
            if stdin:
                fin.close()
            if stdout:
                fout.close()
            if result:
                os.remove(result)
        err.seek(0)
        errtext = err.read().decode("utf-8", "replace")
        if proc.returncode != expect:
            raise Failure(f"$ {shlex.join(cmd)}\nexit status {proc.returncode} (expected {expect})\n"
                          f"{errtext[-6000:]}")
        if check_stderr:
            problem = check_stderr(errtext)
            if problem:
                raise Failure(f"$ {shlex.join(cmd)}\n{problem}\n{errtext[-6000:]}")
        out = b""
        if capture:
            tmp_out.seek(0)
            out = tmp_out.read()
        return Sample(wall, rss_kb, out)


def run_quiet(cmd, **kwargs):
    """An untimed helper command; fails like measure()."""
    result = subprocess.run(cmd, capture_output=True, **kwargs)
    if result.returncode != 0:
        raise Failure(f"$ {shlex.join(cmd)}\nexit status {result.returncode}\n"
                      f"{result.stderr.decode('utf-8', 'replace')[-6000:]}")
    return result.stdout.decode("utf-8", "replace")


def remove_db(path):
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.remove(path + suffix)
        except FileNotFoundError:
            pass


def db_bytes(path):
    return sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s))


class Stats:
    """Median, min and max wall time and peak RSS over runs."""

    def __init__(self, walls, rss_kb):
        self.walls = list(walls)
        self.rss = list(rss_kb)

    @property
    def median(self):
        return statistics.median(self.walls)

    @property
    def lo(self):
        return min(self.walls)

    @property
    def hi(self):
        return max(self.walls)

    @property
    def rss_mb(self):
        return statistics.median(self.rss) / 1024 if self.rss else float("nan")

    @property
    def rss_max_mb(self):
        return max(self.rss) / 1024 if self.rss else float("nan")

    @staticmethod
    def add(*parts):
        """Per-run sums of wall times (steps run one after another) and the max of RSS."""
        walls = [sum(ws) for ws in zip(*(p.walls for p in parts))]
        rss = [max(rs) for rs in zip(*(p.rss for p in parts))]
        return Stats(walls, rss)


def stats_of(samples):
    return Stats([s.wall for s in samples], [s.rss_kb for s in samples])


# -- Formatting --------------------------------------------------------------------------------------------------

def fmt_s(seconds):
    if seconds != seconds:
        return "—"
    if seconds < 0.01:
        return f"{seconds * 1000:.2f} ms"
    if seconds < 1:
        return f"{seconds * 1000:.0f} ms"
    return f"{seconds:.2f} s"


def process_floor(v):
    """The archive ÷ sqlite3 ratio if the archive's work after parsing took what sqlite3's takes after start-up."""
    b = v["sqlite3"].median
    return ratio(v["archive_parse"].median + b - v["sqlite3_start"].median, b)


def fmt_ratio(r):
    return "—" if r is None or r != r else f"{r:.2f}×"


def ratio(a, b):
    return a / b if b else None


def table(header, rows):
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(str(c) for c in row) + " |")
    return "\n".join(lines)


def fmt_num(v):
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        if v != v:
            return "—"
        if abs(v) >= 100:
            return f"{v:,.0f}"
        if abs(v) >= 1:
            return f"{v:.2f}"
        return f"{v:.3f}"
    if v is None:
        return "—"
    return str(v)


# -- Machine facts -----------------------------------------------------------------------------------------------

def first_line(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        text = (out.stdout or out.stderr).strip()
        return text.splitlines()[0] if text else "?"
    except (OSError, subprocess.TimeoutExpired) as e:
        return f"unavailable ({e.__class__.__name__})"


def machine_facts():
    cpu = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = "?"
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal"):
                    mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                    break
    except OSError:
        pass
    commit = first_line(["git", "-C", REPO, "rev-parse", "--short", "HEAD"])
    dirty = subprocess.run(["git", "-C", REPO, "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.strip()
    return [
        ("Date", datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")),
        ("CPU", f"{cpu}, {first_line(['nproc'])} cores (nproc)"),
        ("Memory", mem),
        ("OS", f"{platform.system()} {platform.release()}"),
        ("sqlite3", first_line(["sqlite3", "--version"])),
        ("swift", first_line(["swift", "--version"])),
        ("Python", platform.python_version()),
        ("Commit", commit + (" (with local changes)" if dirty else "")),
    ]


# -- The benchmark -----------------------------------------------------------------------------------------------

class Bench:
    def __init__(self, args):
        self.args = args
        self.n = args.collections
        self.runs = args.runs
        self.data = args.data
        self.work = args.work
        self.bin = args.bin_dir
        self.archive = os.path.join(self.bin, "archive")
        self.archive_bench = os.path.join(self.bin, "archive-bench")
        self.results = {}
        self.manifest = None

    # Setup ---------------------------------------------------------------------------------------------------

    def build(self):
        for product in ("archive", "archive-bench"):
            if product == "archive-bench" and "search" not in self.args.measure:
                continue
            # --static-swift-stdlib: the binary carries the Swift runtime, as a release copied elsewhere would,
            # and starts faster (no shared Swift libraries to load).
            cmd = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", product] + self.args.build_arg
            log(f"$ {shlex.join(cmd)}")
            started = time.perf_counter()
            result = subprocess.run(cmd, cwd=REPO, stdout=sys.stderr, stderr=subprocess.PIPE)
            if result.returncode != 0:
                raise Failure(f"$ {shlex.join(cmd)}\nexit status {result.returncode}\n"
                              f"{result.stderr.decode('utf-8', 'replace')[-8000:]}")
            log(f"  built {product} in {time.perf_counter() - started:.0f} s")

    def ensure_data(self):
        path = os.path.join(self.data, "manifest.json")
        manifest = None
        if os.path.exists(path):
            with open(path) as f:
                manifest = json.load(f)
        with open(GENERATOR, "rb") as f:
            generator_sha256 = hashlib.sha256(f.read()).hexdigest()
        if (not manifest or manifest.get("collections") != self.n or manifest.get("seed") != self.args.seed
                or manifest.get("generator_sha256") != generator_sha256):
            cmd = [sys.executable, GENERATOR, "--collections", str(self.n), "--out", self.data,
                   "--seed", str(self.args.seed)]
            log(f"$ {shlex.join(cmd)}")
            result = subprocess.run(cmd, stderr=subprocess.PIPE, stdout=sys.stderr)
            if result.returncode != 0:
                raise Failure(f"$ {shlex.join(cmd)}\nexit status {result.returncode}\n"
                              f"{result.stderr.decode('utf-8', 'replace')[-6000:]}")
            with open(path) as f:
                manifest = json.load(f)
        else:
            log(f"data: {self.data} (N={self.n:,}, seed {self.args.seed}, made earlier)")
        self.manifest = manifest
        self.total_rows = manifest["total_rows"]
        self.csv_bytes = manifest["csv_bytes"]
        self.ndjson_bytes = manifest["ndjson_bytes"]
        os.makedirs(self.work, exist_ok=True)

    def check_counts(self, db, fts_table, what):
        """The tables hold what the files hold (no silent zeros)."""
        selects = ", ".join(f"(SELECT count(*) FROM {t})" for t in TABLES)
        selects += f", (SELECT count(*) FROM {fts_table})"
        out = run_quiet(["sqlite3", db, f"SELECT {selects}"]).strip().split("|")
        got = [int(x) for x in out]
        want = [self.manifest["tables"][t]["rows"] for t in TABLES] + [self.n]
        if got != want:
            names = TABLES + [fts_table]
            diff = ", ".join(f"{t}: {g} (expected {w})" for t, g, w in zip(names, got, want) if g != w)
            raise Failure(f"{what}: {db} does not hold the data: {diff}")

    def repeat(self, label, fn):
        """fn(run_index) -> Sample or tuple of Samples, --runs times."""
        samples = []
        for i in range(self.runs):
            s = fn(i)
            samples.append(s if isinstance(s, tuple) else (s,))
            walls = " + ".join(fmt_s(x.wall) for x in samples[-1])
            log(f"  {label} run {i + 1}/{self.runs}: {walls}")
        return [stats_of([s[k] for s in samples]) for k in range(len(samples[0]))]

    # Measurements -------------------------------------------------------------------------------------------------

    def startup(self):
        log("startup: archive --version vs sqlite3 --version")
        for cmd in ([self.archive, "--version"], ["sqlite3", "--version"]):
            measure(cmd)  # warm
        a = stats_of([measure([self.archive, "--version"]) for _ in range(STARTUP_RUNS)])
        s = stats_of([measure(["sqlite3", "--version"]) for _ in range(STARTUP_RUNS)])
        self.results["startup"] = {"archive": a, "sqlite3": s}

    def archive_import(self):
        for fmt in ("csv", "ndjson"):
            db = os.path.join(self.work, f"archive-{fmt}.sqlite")
            src = os.path.join(self.data, fmt)
            log(f"import: archive import {src}")

            def one(_):
                remove_db(db)
                return measure([self.archive, "import", src, "--db", db])

            (st,) = self.repeat(f"archive import {fmt}", one)
            self.check_counts(db, "collections_fts", f"archive import {fmt}")
            self.results[f"import_{fmt}"] = st
            self.results[f"size_{fmt}"] = db_bytes(db)
            if fmt == "ndjson" and not self.args.keep:
                remove_db(db)  # the CSV one is searched and exported below
        self.archive_db = os.path.join(self.work, "archive-csv.sqlite")

    def sqlite3_baseline(self):
        if self.args.baseline_prefix is not None:
            self.prefix, self.prefix_origin = self.args.baseline_prefix, "--baseline-prefix"
        else:
            self.prefix, self.prefix_origin = self.archive_prefix()
        db = os.path.join(self.work, "sqlite3.sqlite")
        csv_dir = os.path.join(self.data, "csv")
        imp = os.path.join(self.work, "sqlite3-import.sql")
        reb = os.path.join(self.work, "sqlite3-rebuild.sql")
        with open(imp, "w") as f:
            f.write("PRAGMA journal_mode=WAL;\n")
            for t in TABLES:
                cols = ", ".join(f"{c} {'INTEGER' if c in INTEGER_COLUMNS else 'TEXT'}" for c in HEADERS[t])
                f.write(f"CREATE TABLE {t} ({cols});\n")
            f.write(".mode csv\n")
            for t in TABLES:
                f.write(f'.import --skip 1 "{os.path.join(csv_dir, t + ".csv")}" {t}\n')
        with open(reb, "w") as f:
            prefix = f", prefix='{self.prefix}'" if self.prefix else ""
            f.write("CREATE VIRTUAL TABLE collections_fts USING fts5(title, keywords, description, season, "
                    f"content='collections', content_rowid='rowid', tokenize='{TOKENIZER}'{prefix});\n")
            f.write("INSERT INTO collections_fts(collections_fts) VALUES('rebuild');\n")
        log(f"sqlite3: .import + FTS5 rebuild (prefix indexes: {self.prefix or 'none'}, {self.prefix_origin})")

        def warnings(text):
            return "sqlite3 warned while importing (the CSV and the table disagree)" if text.strip() else None

        def one(_):
            remove_db(db)
            a = measure(["sqlite3", "-bail", db], stdin=imp, check_stderr=warnings)
            b = measure(["sqlite3", "-bail", db], stdin=reb)
            return a, b

        imp_st, reb_st = self.repeat("sqlite3 import + rebuild", one)
        self.check_counts(db, "collections_fts", "sqlite3 baseline")
        self.results["sqlite3"] = {"import": imp_st, "rebuild": reb_st, "total": Stats.add(imp_st, reb_st),
                                   "prefix": self.prefix, "prefix_origin": self.prefix_origin}
        self.results["size_sqlite3"] = db_bytes(db)
        if not self.args.keep:
            remove_db(db)
        self.sqlite3_same_work()

    def sqlite3_same_work(self):
        """A floor for the archive's import: the sqlite3 CLI doing the archive's own work in SQL, on an empty
        archive that `archive migrate` made (same schema, constraints, four FTS5 indexes and their views):
        `.import` into TEXT staging tables, INSERT … SELECT with empty fields as NULL and slugs joined to ids,
        secondary indexes and search triggers dropped and recreated, the indexes rebuilt as the importer does —
        all in one transaction, in WAL. No parsing checks, no problem reports, no per-row upsert outcome."""
        import sqlite3 as sqlite
        db = os.path.join(self.work, "sqlite3-same.sqlite")
        script = os.path.join(self.work, "sqlite3-same.sql")
        csv_dir = os.path.join(self.data, "csv")

        def empty_archive():
            remove_db(db)
            run_quiet([self.archive, "migrate", "--db", db])

        empty_archive()
        con = sqlite.connect(db)
        schema = con.execute("SELECT type, name, sql FROM sqlite_schema WHERE (type = 'trigger' AND name LIKE '%\\_fts\\_%' ESCAPE '\\') "
                             "OR (type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%') ORDER BY type, name").fetchall()
        fts = [name for (name,) in con.execute("SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE%fts5%' ORDER BY name")]
        fts_columns = {t: [row[1] for row in con.execute(f"PRAGMA table_info({t})")] for t in fts}
        con.close()

        def value(column):
            return f"CAST(nullif({column}, '') AS INTEGER)" if column in INTEGER_COLUMNS else f"nullif({column}, '')"

        lines = ["PRAGMA cache_size = -16384;", "BEGIN IMMEDIATE;"]
        lines += [f'DROP {kind.upper()} "{name}";' for kind, name, _ in schema]
        lines.append(".mode csv")
        for t in TABLES:
            cols = ", ".join(f"{c} TEXT" for c in HEADERS[t])
            lines.append(f"CREATE TEMP TABLE staged_{t} ({cols});")
            lines.append(f'.import --skip 1 --schema temp "{os.path.join(csv_dir, t + ".csv")}" staged_{t}')
        for t in ("designers", "collections", "shoes", "icons"):
            cols = HEADERS[t]
            lines.append(f"INSERT INTO {t} ({', '.join(cols)}) SELECT {', '.join(value(c) for c in cols)} FROM temp.staged_{t};")
        lines.append("INSERT INTO collection_designers (collection_id, designer_id, role) SELECT c.id, d.id, s.role "
                     "FROM temp.staged_collection_designers AS s JOIN collections AS c ON c.slug = s.collection "
                     "JOIN designers AS d ON d.slug = s.designer;")
        lines.append("INSERT INTO icon_shoes (icon_id, shoe_id, relation) SELECT i.id, x.id, s.relation "
                     "FROM temp.staged_icon_shoes AS s JOIN icons AS i ON i.slug = s.icon JOIN shoes AS x ON x.slug = s.shoe;")
        lines += [sql + ";" for kind, _, sql in schema if kind == "index"]
        for t in fts:
            view = t[:-len("_fts")] + "_search_text"
            config = lambda option, v: f"INSERT INTO {t} ({t}, rank) VALUES ('{option}', {v});"
            lines += [config("automerge", 0), config("crisismerge", 64), config("hashsize", 16 << 20),
                      f"DELETE FROM {t};",
                      f"INSERT INTO {t} (rowid, {', '.join(fts_columns[t])}) SELECT * FROM {view};",
                      f"INSERT INTO {t} ({t}) VALUES ('optimize');",
                      config("automerge", 4), config("crisismerge", 16), config("hashsize", 1 << 20)]
        lines += [sql + ";" for kind, _, sql in schema if kind == "trigger"]
        lines.append("COMMIT;")
        with open(script, "w") as f:
            f.write("\n".join(lines) + "\n")
        log("sqlite3, the archive's work: staged .import + INSERT … SELECT into an empty archive, indexes rebuilt")

        def one(_):
            empty_archive()
            return measure(["sqlite3", "-bail", db], stdin=script, check_stderr=lambda text: text.strip() or None)

        st, = self.repeat("sqlite3 same work", one)
        self.check_counts(db, "collections_fts", "sqlite3 same work")
        run_quiet([self.archive, "check", "--db", db])  # fails the run unless the file is a sound archive
        self.results["sqlite3_same"] = st
        if not self.args.keep:
            remove_db(db)

    def archive_prefix(self):
        """The prefix option of the archive's collections_fts, so that the sqlite3 baseline builds the same index:
        from the archive the import wrote, else from the newest migration that creates collections_fts."""
        import re
        pattern = re.compile(r"prefix\s*=\s*'([^']*)'", re.I)
        db = getattr(self, "archive_db", None)  # only an archive this run wrote
        if db and os.path.exists(db):
            sql = run_quiet(["sqlite3", db, "SELECT sql FROM sqlite_master WHERE name = 'collections_fts'"])
            if "collections_fts" in sql:
                m = pattern.search(sql)
                return (m.group(1) if m else ""), "as the archive's collections_fts"
        found = None
        folder = os.path.join(REPO, "Migrations")
        for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            if name.endswith(".sql"):
                with open(os.path.join(folder, name), encoding="utf-8") as f:
                    text = f.read()
                for create in re.finditer(r"CREATE VIRTUAL TABLE\s+collections_fts\b.*?\);", text, re.S | re.I):
                    m = pattern.search(create.group(0))
                    found = (m.group(1) if m else ""), f"as Migrations/{name} creates collections_fts"
        return found or ("2 3", "default")

    def ensure_venv(self):
        exe = os.path.join(VENV, "bin", "sqlite-utils")
        if not os.path.exists(exe):
            log(f"sqlite-utils: creating {VENV} and installing sqlite-utils from PyPI")
            run_quiet([sys.executable, "-m", "venv", VENV])
            run_quiet([os.path.join(VENV, "bin", "pip"), "install", "--quiet", "sqlite-utils"])
        return exe

    def sqlite_utils_baseline(self):
        exe = self.ensure_venv()
        version = run_quiet([exe, "--version"]).strip().rsplit(" ", 1)[-1]
        helptext = run_quiet([exe, "enable-fts", "--help"])
        tokenize = ["--tokenize", "unicode61 remove_diacritics 2"] if "--tokenize" in helptext else []
        db = os.path.join(self.work, "sqlite-utils.sqlite")
        csv_dir = os.path.join(self.data, "csv")
        log(f"sqlite-utils ({version}): insert + enable-fts")

        def one(_):
            remove_db(db)
            run_quiet(["sqlite3", db, "PRAGMA journal_mode=WAL"])  # WAL as for the others (untimed)
            inserts = [measure([exe, "insert", db, t, os.path.join(csv_dir, t + ".csv"), "--csv"]) for t in TABLES]
            ins = Sample(sum(s.wall for s in inserts), max(s.rss_kb for s in inserts))
            fts = measure([exe, "enable-fts", db, "collections", "title", "keywords", "description", "season",
                           "--fts5"] + tokenize)
            return ins, fts

        ins_st, fts_st = self.repeat("sqlite-utils insert + enable-fts", one)
        self.check_counts(db, "collections_fts", "sqlite-utils baseline")
        self.results["sqlite_utils"] = {"insert": ins_st, "fts": fts_st, "total": Stats.add(ins_st, fts_st),
                                        "version": version, "tokenize": bool(tokenize)}
        self.results["size_sqlite_utils"] = db_bytes(db)
        if not self.args.keep:
            remove_db(db)

    def search_in_process(self):
        queries = os.path.join(self.data, "queries.txt")
        cmd = [self.archive_bench, "search", "--db", self.archive_db, "--queries", queries, "--limit", "20"]
        log(f"search: {shlex.join(cmd)}")
        docs = []
        walls = []
        for i in range(self.runs):
            s = measure(cmd, capture=True)
            try:
                docs.append(json.loads(s.stdout.decode("utf-8")))
            except (UnicodeDecodeError, json.JSONDecodeError) as e:
                raise Failure(f"$ {shlex.join(cmd)}\nstdout is not JSON ({e}):\n"
                              f"{s.stdout[:2000].decode('utf-8', 'replace')}")
            walls.append(s)
            log(f"  archive-bench search run {i + 1}/{self.runs}: {fmt_s(s.wall)}")
        self.results["search"] = {"doc": median_json(docs), "runs": stats_of(walls), "command": cmd}

    def search_process(self):
        by_cat = {c: [] for c in PROCESS_CATEGORIES}
        with open(os.path.join(self.data, "queries.txt"), encoding="utf-8") as f:
            for line in f:
                cat, _, q = line.rstrip("\n").partition("\t")
                if cat in by_cat and q not in by_cat[cat] and len(by_cat[cat]) < PROCESS_QUERIES:
                    by_cat[cat].append(q)
        db = self.archive_db
        log(f"process: archive search vs sqlite3 naive query, {PROCESS_QUERIES} queries × "
            f"{', '.join(PROCESS_CATEGORIES)} × {self.runs} runs")

        def archive_cmd(q, path=db):
            return [self.archive, "search", "--db", path, q, "--limit", "20", "--format", "csv"]

        def sqlite_cmd(q):
            word = q.replace('"', '""').replace("'", "''")
            sql = ("SELECT c.slug, snippet(collections_fts, -1, '[', ']', '…', 16) FROM collections_fts "
                   "JOIN collections c ON c.id = collections_fts.rowid "
                   f"WHERE collections_fts MATCH '\"{word}\"' ORDER BY bm25(collections_fts) LIMIT 20")
            return ["sqlite3", db, sql]

        # The floors: what each process costs before it touches the database. archive parses the same arguments
        # (swift-argument-parser) and stops at a missing file (exit 66, EX_NOINPUT); sqlite3 starts and exits.
        missing = os.path.join(self.work, "no-such-folder", "missing.sqlite")
        sqlite_start = ["sqlite3", "--version"]

        results = {}
        for cat, qs in by_cat.items():
            if not qs:
                raise Failure(f"process: {os.path.join(self.data, 'queries.txt')} has no {cat} queries")
            measure(archive_cmd(qs[0]))  # warm the file cache and the binary
            measure(sqlite_cmd(qs[0]))
            a, s, p, s0 = [], [], [], []
            for q in qs:
                for _ in range(self.runs):
                    a.append(measure(archive_cmd(q)))
                    s.append(measure(sqlite_cmd(q)))
                    p.append(measure(archive_cmd(q, missing), expect=66))
                    s0.append(measure(sqlite_start))
            results[cat] = {"archive": stats_of(a), "sqlite3": stats_of(s), "archive_parse": stats_of(p),
                            "sqlite3_start": stats_of(s0), "queries": len(qs)}
            log(f"  {cat}: archive {fmt_s(results[cat]['archive'].median)}, "
                f"sqlite3 {fmt_s(results[cat]['sqlite3'].median)}; before the database: archive "
                f"{fmt_s(results[cat]['archive_parse'].median)}, sqlite3 {fmt_s(results[cat]['sqlite3_start'].median)}")
        self.results["process"] = results

    def export(self):
        db = self.archive_db
        a_out = os.path.join(self.work, "export-archive.csv")
        b_out = os.path.join(self.work, "export-sqlite3.csv")
        sql = "SELECT slug, title, season, year, description, keywords FROM collections ORDER BY slug"
        log("export: archive export collections vs sqlite3 -csv")

        def one(_):
            for p in (a_out, b_out):
                if os.path.exists(p):
                    os.remove(p)
            # Both to stdout, redirected to a file: the same work. `-o` also fsyncs and renames (durable and
            # atomic), measured beside them.
            a = measure([self.archive, "export", "collections", "--db", db], stdout=a_out)
            b = measure(["sqlite3", "-csv", "-header", db, sql], stdout=b_out)
            os.remove(a_out)
            o = measure([self.archive, "export", "collections", "--db", db, "-o", a_out])
            # The floor: SQLite reading the same rows in the same order (the slug index), writing nothing.
            f = measure(["sqlite3", db, floor_sql], capture=True)
            return a, b, o, f

        floor_sql = ("SELECT sum(length(slug) + length(title) + length(season) + year + length(description) + "
                     "length(keywords)) FROM collections WHERE slug > ''")
        plan = run_quiet(["sqlite3", db, "EXPLAIN QUERY PLAN " + floor_sql])
        if "INDEX" not in plan.upper():
            log(f"  note: the floor query does not walk the slug index: {plan.strip()}")
        a_st, b_st, o_st, f_st = self.repeat("export archive / sqlite3 / archive -o / read floor", one)
        self.results["export"] = {"archive": a_st, "sqlite3": b_st, "archive_o": o_st, "floor": f_st,
                                  "archive_bytes": os.path.getsize(a_out),
                                  "sqlite3_bytes": os.path.getsize(b_out)}
        if not self.args.keep:
            os.remove(a_out)
            os.remove(b_out)

    # Report -------------------------------------------------------------------------------------------------------

    def report(self, facts, command, started):
        r = self.results
        n, rows = self.n, self.total_rows
        out = [f"# archive benchmarks — {n:,} collections", ""]
        out.append(f"Command: `{command}`  ")
        out.append(f"Data: `{self.data}` (generate.py, seed {self.args.seed}): {rows:,} rows in six files, "
                   f"CSV {self.csv_bytes / 1e6:,.1f} MB, NDJSON {self.ndjson_bytes / 1e6:,.1f} MB; "
                   f"{self.runs} run(s) per measurement; medians, with min–max.  ")
        out.append("Ratios are archive ÷ baseline: below 1× the archive is faster (or smaller), above 1× slower.")
        out.append("")
        out.append(table(["Machine", ""], facts))
        out.append("")
        counts = ", ".join(f"{t} {v['rows']:,}" for t, v in self.manifest["tables"].items())
        out.append(f"Rows: {counts}.")
        out.append("")

        if "import_csv" in r or "sqlite3" in r or "sqlite_utils" in r:
            out.append("## Import (into a fresh file, full-text index included)")
            out.append("")
            rows_ = []

            def imp_row(name, st):
                return [name, fmt_s(st.median), f"{fmt_s(st.lo)} – {fmt_s(st.hi)}",
                        f"{rows / st.median:,.0f}", f"{st.rss_mb:.1f}"]

            if "import_csv" in r:
                rows_.append(imp_row("archive import csv/", r["import_csv"]))
                rows_.append(imp_row("archive import ndjson/", r["import_ndjson"]))
            if "sqlite3" in r:
                s = r["sqlite3"]
                rows_.append(imp_row("sqlite3 `.import` (WAL)", s["import"]))
                prefix = f"prefix '{s['prefix']}'" if s["prefix"] else "no prefix index"
                rows_.append(imp_row(f"sqlite3 FTS5 `rebuild` ({prefix})", s["rebuild"]))
                rows_.append(imp_row("**sqlite3 `.import` + `rebuild`**", s["total"]))
            if "sqlite3_same" in r:
                rows_.append(imp_row("sqlite3 doing the archive's work (same schema, SQL only)", r["sqlite3_same"]))
            if "sqlite_utils" in r:
                s = r["sqlite_utils"]
                rows_.append(imp_row(f"sqlite-utils {s['version']} `insert` ×6", s["insert"]))
                rows_.append(imp_row("sqlite-utils `enable-fts`", s["fts"]))
                rows_.append(imp_row("**sqlite-utils `insert` + `enable-fts`**", s["total"]))
            out.append(table(["", "wall (median)", "min – max", "rows/s", "peak RSS MB"], rows_))
            out.append("")
            if "import_csv" in r:
                ratios = []
                for fmt in ("csv", "ndjson"):
                    a = r[f"import_{fmt}"].median
                    if "sqlite3" in r:
                        ratios.append([f"archive import {fmt} ÷ sqlite3 .import + rebuild",
                                       fmt_ratio(ratio(a, r["sqlite3"]["total"].median))])
                    if "sqlite3_same" in r:
                        ratios.append([f"archive import {fmt} ÷ sqlite3 doing the archive's work",
                                       fmt_ratio(ratio(a, r["sqlite3_same"].median))])
                    if "sqlite_utils" in r:
                        ratios.append([f"archive import {fmt} ÷ sqlite-utils insert + enable-fts",
                                       fmt_ratio(ratio(a, r["sqlite_utils"]["total"].median))])
                if ratios:
                    out.append(table(["ratio (below 1× = archive faster)", ""], ratios))
                    out.append("")
            out.append("The archive indexes five columns (title, designer names, keywords, description, season and "
                       "year) and fills every table with its constraints and foreign keys; the sqlite3 baseline "
                       "indexes four columns of one plain table (an external-content FTS5 table over title, keywords, "
                       "description and season, with the archive's tokenizer and prefix indexes) with no constraints. "
                       "sqlite-utils detects column types (its default), runs one process per file, and its "
                       "`enable-fts` builds no prefix index.")
            out.append("")

        if "search" in r:
            s = r["search"]
            out.append("## Search, in-process (`archive-bench search`)")
            out.append("")
            out.append(f"`{shlex.join(s['command'])}` — median of each figure over {self.runs} run(s); "
                       f"the whole run took {fmt_s(s['runs'].median)}.")
            out.append("")
            out.extend(render_json(s["doc"]))
            out.append("")

        if "process" in r:
            out.append("## Search, whole process: `archive search` vs the `sqlite3` CLI")
            out.append("")
            out.append(f"{PROCESS_QUERIES} queries per category from queries.txt, {self.runs} run(s) each; "
                       "`archive search --db DB WORD --limit 20 --format csv` against `sqlite3 DB \"SELECT c.slug, "
                       "snippet(collections_fts, -1, '[', ']', '…', 16) FROM collections_fts JOIN collections c ON "
                       "c.id = collections_fts.rowid WHERE collections_fts MATCH '\\\"WORD\\\"' ORDER BY "
                       "bm25(collections_fts) LIMIT 20\"` on the same file. Process start-up included.")
            out.append("")
            rows_ = []
            for cat, v in r["process"].items():
                a, b = v["archive"], v["sqlite3"]
                rows_.append([cat, fmt_s(a.median), f"{fmt_s(a.lo)} – {fmt_s(a.hi)}", fmt_s(b.median),
                              f"{fmt_s(b.lo)} – {fmt_s(b.hi)}", fmt_ratio(ratio(a.median, b.median)),
                              f"{a.rss_mb:.1f} / {b.rss_mb:.1f}"])
            out.append(table(["category", "archive", "min – max", "sqlite3 naive", "min – max",
                              "archive ÷ sqlite3", "RSS MB archive / sqlite3"], rows_))
            out.append("")
            if all("archive_parse" in v for v in r["process"].values()):
                out.append("Where the time goes: each process before it touches the database (archive parsing the "
                           "same arguments with swift-argument-parser and stopping at a missing file, exit 66; "
                           "`sqlite3 --version`), and the rest. The floor is the ratio archive would reach if its "
                           "work after parsing took exactly what sqlite3's work after start-up takes.")
                out.append("")
                rows_ = []
                for cat, v in r["process"].items():
                    a, b, p, s0 = (v[k].median for k in ("archive", "sqlite3", "archive_parse", "sqlite3_start"))
                    rows_.append([cat, fmt_s(p), fmt_s(s0), fmt_s(a - p), fmt_s(b - s0), fmt_ratio(process_floor(v))])
                out.append(table(["category", "archive before the database", "sqlite3 start-up",
                                  "archive after parsing", "sqlite3 after start-up", "floor: archive ÷ sqlite3"],
                                 rows_))
                out.append("")

        if "export" in r:
            e = r["export"]
            a, b = e["archive"], e["sqlite3"]
            out.append("## Export of all collections to CSV")
            out.append("")
            out.append(table(["", "wall (median)", "min – max", "peak RSS MB", "bytes"], [
                ["`archive export collections > FILE` (CRLF, formula guard)", fmt_s(a.median),
                 f"{fmt_s(a.lo)} – {fmt_s(a.hi)}", f"{a.rss_mb:.1f}", f"{e['archive_bytes']:,}"],
                ["`sqlite3 -csv -header DB \"SELECT … ORDER BY slug\" > FILE`", fmt_s(b.median),
                 f"{fmt_s(b.lo)} – {fmt_s(b.hi)}", f"{b.rss_mb:.1f}", f"{e['sqlite3_bytes']:,}"],
                ["`archive export collections -o FILE` (also fsync + rename: durable, never half-written)",
                 fmt_s(e["archive_o"].median), f"{fmt_s(e['archive_o'].lo)} – {fmt_s(e['archive_o'].hi)}",
                 f"{e['archive_o'].rss_mb:.1f}", f"{e['archive_bytes']:,}"],
            ] + ([["floor: `sqlite3` reading the same rows in slug order, writing nothing", fmt_s(e["floor"].median),
                   f"{fmt_s(e['floor'].lo)} – {fmt_s(e['floor'].hi)}", f"{e['floor'].rss_mb:.1f}", "0"]]
                 if "floor" in e else [])))
            out.append("")
            if "floor" in e:
                out.append(f"The floor is {fmt_ratio(ratio(e['floor'].median, b.median))} of sqlite3 -csv: no exporter "
                           f"reading through SQLite in slug order can go below it.")
                out.append("")
            out.append(f"archive ÷ sqlite3: {fmt_ratio(ratio(a.median, b.median))} wall, "
                       f"{fmt_ratio(ratio(a.rss_mb, b.rss_mb))} peak RSS (below 1× = archive faster / smaller).")
            out.append("")

        if "size_csv" in r:
            out.append("## File size")
            out.append("")
            rows_ = [["CSV input (six files)", f"{self.csv_bytes / 1e6:,.1f} MB", "1.00×"],
                     ["NDJSON input (six files)", f"{self.ndjson_bytes / 1e6:,.1f} MB",
                      fmt_ratio(self.ndjson_bytes / self.csv_bytes)],
                     ["archive (db + -wal), from CSV", f"{r['size_csv'] / 1e6:,.1f} MB",
                      fmt_ratio(r["size_csv"] / self.csv_bytes)],
                     ["archive (db + -wal), from NDJSON", f"{r['size_ndjson'] / 1e6:,.1f} MB",
                      fmt_ratio(r["size_ndjson"] / self.csv_bytes)]]
            if "size_sqlite3" in r:
                rows_.append(["sqlite3 baseline (tables + FTS5)", f"{r['size_sqlite3'] / 1e6:,.1f} MB",
                              fmt_ratio(r["size_sqlite3"] / self.csv_bytes)])
            if "size_sqlite_utils" in r:
                rows_.append(["sqlite-utils baseline", f"{r['size_sqlite_utils'] / 1e6:,.1f} MB",
                              fmt_ratio(r["size_sqlite_utils"] / self.csv_bytes)])
            out.append(table(["", "size", "÷ CSV bytes"], rows_))
            out.append("")

        if "startup" in r:
            a, b = r["startup"]["archive"], r["startup"]["sqlite3"]
            out.append(f"## Start-up ({STARTUP_RUNS} runs each)")
            out.append("")
            out.append(table(["", "wall (median)", "min – max", "peak RSS MB"], [
                ["`archive --version`", fmt_s(a.median), f"{fmt_s(a.lo)} – {fmt_s(a.hi)}", f"{a.rss_mb:.1f}"],
                ["`sqlite3 --version`", fmt_s(b.median), f"{fmt_s(b.lo)} – {fmt_s(b.hi)}", f"{b.rss_mb:.1f}"],
            ]))
            out.append("")
            out.append(f"archive ÷ sqlite3: {fmt_ratio(ratio(a.median, b.median))}.")
            out.append("")

        targets = self.targets()
        if targets:
            out.append("## Against the targets of issue 6")
            out.append("")
            out.append(table(["target", "measured", "met"], targets))
            out.append("")
        out.append(f"Total benchmark time {time.perf_counter() - started:.0f} s.")
        return "\n".join(out) + "\n"

    def targets(self):
        r = self.results
        rows = []

        def mark(ok):
            return "—" if ok is None else ("yes" if ok else "**no**")

        if "import_csv" in r and "sqlite3" in r:
            x = ratio(r["import_csv"].median, r["sqlite3"]["total"].median)
            rows.append(["import ≤ 0.9× sqlite3 .import + rebuild", fmt_ratio(x), mark(x is not None and x <= 0.9)])
        if "import_csv" in r and "sqlite_utils" in r:
            x = ratio(r["import_csv"].median, r["sqlite_utils"]["total"].median)
            rows.append(["import ≥ 3× faster than sqlite-utils (≤ 0.33×)", fmt_ratio(x),
                         mark(x is not None and x <= 1 / 3)])
        if "import_csv" in r:
            m = max(r["import_csv"].rss_max_mb, r["import_ndjson"].rss_max_mb)
            rows.append(["import peak RSS < 100 MB", f"{m:.1f} MB", mark(m < 100)])
        if "export" in r:
            e = r["export"]
            m = e["archive"].rss_max_mb
            rows.append(["export peak RSS < 100 MB", f"{m:.1f} MB", mark(m < 100)])
            x = ratio(e["archive"].median, e["sqlite3"].median)
            rows.append(["export ≤ 0.6× sqlite3 -csv", fmt_ratio(x), mark(x is not None and x <= 0.6)])
        if "search" in r:
            cats = r["search"]["doc"].get("categories") if isinstance(r["search"]["doc"], dict) else None
            if isinstance(cats, dict):
                for c in ("rare", "medium"):
                    v = cats.get(c, {}).get("p50_ms") if isinstance(cats.get(c), dict) else None
                    if isinstance(v, (int, float)):
                        rows.append([f"in-process {c} p50 < 1 ms", f"{v:.3f} ms", mark(v < 1)])
                common = cats.get("common") if isinstance(cats.get("common"), dict) else {}
                p50, naive = common.get("p50_ms"), common.get("naive_p50_ms")
                if isinstance(p50, (int, float)) and isinstance(naive, (int, float)) and p50 > 0:
                    rows.append(["in-process common ≥ 5× faster than naive bm25", f"{naive / p50:.1f}×",
                                 mark(naive / p50 >= 5)])
        if "process" in r:
            for cat, v in r["process"].items():
                x = ratio(v["archive"].median, v["sqlite3"].median)
                floor = f" (floor with swift-argument-parser: {fmt_ratio(process_floor(v))})" if "archive_parse" in v else ""
                rows.append([f"`archive search` process ({cat}) ≤ 1.2× sqlite3", fmt_ratio(x) + floor,
                             mark(x is not None and x <= 1.2)])
        return rows


# -- archive-bench JSON ----------------------------------------------------------------------------------------

def median_json(docs):
    """The first document's shape, every number replaced by its median over all documents that have it."""
    def merge(values):
        first = values[0]
        if isinstance(first, dict):
            keys = list(first)
            for v in values[1:]:
                if isinstance(v, dict):
                    keys += [k for k in v if k not in keys]
            return {k: merge([v[k] for v in values if isinstance(v, dict) and k in v]) for k in keys}
        if isinstance(first, (int, float)) and not isinstance(first, bool):
            nums = [v for v in values if isinstance(v, (int, float)) and not isinstance(v, bool)]
            m = statistics.median(nums)
            return int(m) if all(isinstance(v, int) for v in nums) and m == int(m) else m
        return first
    return merge(docs) if docs else {}


def render_json(doc):
    """Markdown for whatever archive-bench printed: a table per object of objects, a list for the rest."""
    lines = []
    if not isinstance(doc, dict):
        return [f"```\n{json.dumps(doc, indent=1, ensure_ascii=False)}\n```"]
    scalars = []
    for key, value in doc.items():
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            cols = []
            for v in value.values():
                cols += [k for k in v if k not in cols and not isinstance(v[k], (dict, list))]
            lines.append(f"**{key}**")
            lines.append("")
            rows = [[name] + [fmt_num(v.get(c)) for c in cols] for name, v in value.items()]
            lines.append(table([""] + cols, rows))
            nested = [(name, k, v2) for name, v in value.items() for k, v2 in v.items() if isinstance(v2, (dict, list))]
            for name, k, v2 in nested:
                lines.append(f"- {key}.{name}.{k}: `{json.dumps(v2, ensure_ascii=False)}`")
            lines.append("")
        elif isinstance(value, dict) and value and all(not isinstance(v, (dict, list)) for v in value.values()):
            lines.append(f"**{key}**")
            lines.append("")
            lines.append(table(["", "value"], [[k, fmt_num(v)] for k, v in value.items()]))
            lines.append("")
        elif isinstance(value, (dict, list)):
            lines.append(f"**{key}**: `{json.dumps(value, ensure_ascii=False)}`")
            lines.append("")
        else:
            scalars.append([key, fmt_num(value)])
    if scalars:
        lines.append(table(["", "value"], scalars))
    return lines


# -- Main --------------------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description="Benchmark archive against the sqlite3 CLI and sqlite-utils "
                                             "(see the docstring of Benchmarks/run.py).")
    ap.add_argument("--collections", "-n", type=int, help="number of collections N (1,000 to 1,000,000)")
    ap.add_argument("--runs", type=int, default=3, help="runs per measurement; medians are reported (default 3)")
    ap.add_argument("--data", help="data folder (default /tmp/archive-bench/N; generated when missing)")
    ap.add_argument("--work", help="folder for the databases and exports (default /tmp/archive-bench/work-N)")
    ap.add_argument("--out", default=os.path.join(REPO, "Benchmarks", "last-run.md"),
                    help="write the Markdown report here too (default Benchmarks/last-run.md)")
    ap.add_argument("--seed", type=int, default=42, help="generator seed (default 42)")
    ap.add_argument("--smoke", action="store_true",
                    help="CI: N=1000, one run, no sqlite-utils; exits non-zero if any command fails")
    ap.add_argument("--only", help=f"comma-separated measurements to run, of: {', '.join(MEASUREMENTS)}")
    ap.add_argument("--skip", help="comma-separated measurements to leave out")
    ap.add_argument("--no-build", action="store_true", help="use the binaries already in --bin-dir")
    ap.add_argument("--build-arg", action="append", default=[], metavar="ARG",
                    help="extra argument for both swift build commands (repeatable), e.g. --build-arg=--static-swift-stdlib")
    ap.add_argument("--bin-dir", default=os.path.join(REPO, ".build", "release"),
                    help="where archive and archive-bench are (default .build/release)")
    ap.add_argument("--baseline-prefix", metavar="SPEC",
                    help="prefix option of the sqlite3 baseline's FTS5 table, e.g. '2 3' or '' for none "
                         "(default: the same as the archive's collections_fts)")
    ap.add_argument("--keep", action="store_true", help="keep the baseline databases and the exported files")
    args = ap.parse_args()

    if args.smoke:
        args.collections = args.collections or 1000
        args.runs = 1
    if not args.collections:
        ap.error("--collections N is required (or --smoke)")
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    measure_set = list(MEASUREMENTS)
    if args.only:
        wanted = [m.strip() for m in args.only.split(",") if m.strip()]
        unknown = [m for m in wanted if m not in MEASUREMENTS]
        if unknown:
            ap.error(f"unknown measurement(s) {', '.join(unknown)}; choose from {', '.join(MEASUREMENTS)}")
        measure_set = [m for m in MEASUREMENTS if m in wanted]
    if args.skip:
        skipped = [m.strip() for m in args.skip.split(",") if m.strip()]
        unknown = [m for m in skipped if m not in MEASUREMENTS]
        if unknown:
            ap.error(f"unknown measurement(s) {', '.join(unknown)}; choose from {', '.join(MEASUREMENTS)}")
        measure_set = [m for m in measure_set if m not in skipped]
    if args.smoke and "sqlite-utils" in measure_set:
        measure_set.remove("sqlite-utils")
    # search, process, export and sizes read the archive that the import measurement writes.
    if any(m in measure_set for m in ("search", "process", "export", "sizes")) and "import" not in measure_set:
        measure_set = [m for m in MEASUREMENTS if m in measure_set or m == "import"]
    args.measure = measure_set
    args.data = os.path.abspath(args.data or os.path.join(BENCH_ROOT, str(args.collections)))
    args.work = os.path.abspath(args.work or os.path.join(BENCH_ROOT, f"work-{args.collections}"))
    args.bin_dir = os.path.abspath(args.bin_dir)
    command = "python3 Benchmarks/run.py" + ("" if len(sys.argv) == 1 else " " + shlex.join(sys.argv[1:]))

    started = time.perf_counter()
    bench = Bench(args)
    try:
        for tool in ("sqlite3",):
            if shutil.which(tool) is None:
                raise Failure(f"{tool} is not on PATH (apt-get install sqlite3)")
        if not args.no_build:
            bench.build()
        for exe in [bench.archive] + ([bench.archive_bench] if "search" in measure_set else []):
            if not os.access(exe, os.X_OK):
                raise Failure(f"{exe} is missing; build it (swift build -c release --product "
                              f"{os.path.basename(exe)}) or drop --no-build")
        os.makedirs(BENCH_ROOT, exist_ok=True)
        facts = machine_facts() + [("Wall time and peak RSS", prepare_launcher())]
        size = os.path.getsize(os.path.realpath(bench.archive)) / 1e6
        build = "built by this run" if not args.no_build else "already built (--no-build)"
        extra = f", swift build {shlex.join(args.build_arg)}" if args.build_arg else ""
        facts.append(("archive binary", f"{bench.archive} ({size:.1f} MB, {build}{extra})"))
        bench.ensure_data()
        steps = {
            "startup": bench.startup,
            "import": bench.archive_import,
            "sqlite3": bench.sqlite3_baseline,
            "sqlite-utils": bench.sqlite_utils_baseline,
            "search": bench.search_in_process,
            "process": bench.search_process,
            "export": bench.export,
            "sizes": lambda: None,  # measured with the imports
        }
        for m in measure_set:
            steps[m]()
        if "sizes" not in measure_set:
            for k in [k for k in bench.results if k.startswith("size_")]:
                del bench.results[k]
        report = bench.report(facts, command, started)
    except Failure as e:
        log("\nbenchmark FAILED:\n" + str(e))
        return 1
    except KeyboardInterrupt:
        log("interrupted")
        return 130
    print(report, end="")
    if args.out:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8") as f:
            f.write(report)
        log(f"report written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

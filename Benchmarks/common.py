"""What the benchmark scripts share: timing a command with its own peak RSS, and the generated data set."""

import os
import re
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd):
    """Wall seconds and the child's own peak RSS in KiB (os.wait4 on this child alone); exits 1 if it fails."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        print(f"{os.path.basename(sys.argv[0])}: {' '.join(cmd)} exited {code}: {stderr.strip()[:500]}", file=sys.stderr)
        sys.exit(1)
    return seconds, usage.ru_maxrss


def generated(collections):
    """The folder of generate.py's data set of that size, generated the first time (its manifest says it is whole)."""
    data = f"/tmp/archive-bench/{collections}"
    if not os.path.exists(os.path.join(data, "manifest.json")):
        subprocess.run([sys.executable, os.path.join(REPO, "Benchmarks", "generate.py"), "--collections", str(collections),
                        "--out", data], check=True, stdout=subprocess.DEVNULL)
    return data


def migrated(binary, archive):
    """The archive, brought up to `binary`'s schema: an archive kept in /tmp/archive-bench from an earlier build may
    be older (a new migration since), and reading commands refuse it. A no-op when it is up to date."""
    subprocess.run([binary, "--db", archive, "migrate"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return archive


def imported(binary, collections):
    """The archive of generate.py's data set of that size, imported with `binary` the first time (--no-history) into
    /tmp/archive-bench/serve-N/archive.sqlite, the file serve.py uses too; written under another name and renamed
    when whole, so that an import cut short is never taken for the archive."""
    work = f"/tmp/archive-bench/serve-{collections}"
    os.makedirs(work, exist_ok=True)
    archive = os.path.join(work, "archive.sqlite")
    if not os.path.exists(archive):
        partial = os.path.join(work, "importing.sqlite")
        for leftover in [partial, partial + "-wal", partial + "-shm"]:
            if os.path.exists(leftover):
                os.remove(leftover)
        subprocess.run([binary, "--db", partial, "import", os.path.join(generated(collections), "csv"), "--no-history"],
                       check=True, stderr=subprocess.DEVNULL)
        for suffix in ["-wal", "-shm"]:  # gone when the import closed its connection; moved along if not
            if os.path.exists(partial + suffix):
                os.rename(partial + suffix, archive + suffix)
        os.rename(partial, archive)
    return migrated(binary, archive)


def wrk(url, connections, duration, timeout=None, paths=None):
    """req/s, p50 ms, p99 ms, errors (socket errors + non-2xx), answered requests, from wrk's --latency report.
    With a timeout, a request not answered within it is a timeout error and has no latency (p50 is nan when
    none was answered). With `paths` (a file of one path a line), wrk asks each of them in turn (paths.lua)
    instead of `url`'s path again and again."""
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url]
    if timeout is not None:
        command[4:4] = ["--timeout", f"{timeout}s"]
    environment = None
    if paths is not None:
        command[4:4] = ["-s", os.path.join(REPO, "Benchmarks", "paths.lua")]
        environment = dict(os.environ, WRK_PATHS=paths)
    out = subprocess.run(command, capture_output=True, text=True, check=True, env=environment).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    answered = int(re.search(r"(\d+) requests in", out).group(1))

    def percentile(p):
        match = re.search(rf"^\s+{p}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if match is None or answered == 0:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = 0
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if match:
        errors += int(match.group(1))
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if match:
        errors += sum(int(g) for g in match.groups())
        answered -= int(match.group(4))
    return rate, percentile(50), percentile(99), errors, answered


MUSEUM_FILES = ["designers_makers", "cooperhewitt_fashion_textiles", "ima_fashion_costume", "footwear_subset"]


def museum_data(shared):
    """../shared/data/museum (the four museum files), or None where it is absent (it is not part of this repository)."""
    data = os.path.join(shared, "data", "museum")
    return data if os.path.exists(os.path.join(data, "SOURCE.md")) else None


def with_museum(binary, archive, data, seeds=False):
    """A copy of `archive` (None: a new archive, with the seeds when `seeds`) with the four museum files of `data`
    imported through Mappings/ (--no-history), as .../NAME-museum/archive.sqlite beside it (or
    /tmp/archive-bench/serve-museum/ for a new one), made the first time; written under another name and renamed
    when whole."""
    import shutil
    work = (os.path.dirname(archive) + "-museum") if archive else "/tmp/archive-bench/serve-museum"
    os.makedirs(work, exist_ok=True)
    result = os.path.join(work, "archive.sqlite")
    if not os.path.exists(result):
        partial = os.path.join(work, "importing.sqlite")
        for leftover in [partial, partial + "-wal", partial + "-shm"]:
            if os.path.exists(leftover):
                os.remove(leftover)
        if archive:
            subprocess.run(["sqlite3", archive, f".backup '{partial}'"], check=True)  # whole, whatever its WAL holds
        elif seeds:
            subprocess.run([binary, "--db", partial, "import", "seeds", "--no-history"], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        for name in MUSEUM_FILES:
            subprocess.run([binary, "--db", partial, "import", os.path.join(data, name + ".csv"), "--mapping",
                            os.path.join(REPO, "Mappings", name + ".json"), "--no-history"], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(["sqlite3", partial, "PRAGMA wal_checkpoint(TRUNCATE)"], check=True, stdout=subprocess.DEVNULL)
        for suffix in ["-wal", "-shm"]:
            if os.path.exists(partial + suffix):
                os.remove(partial + suffix)
        os.rename(partial, result)
    return migrated(binary, result)

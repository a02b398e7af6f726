"""What the benchmark scripts share: timing a command with its own peak RSS, and the generated data set."""

import os
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

#!/usr/bin/env python3
"""Images (issue 23): `archive media add` of museum-sized TIFF masters, the memory it takes, and the export back.

    python3 Benchmarks/images.py [--images 40] [--width 3000 --height 2000] [--huge 12000x8000] [--smoke]

Writes uncompressed RGB TIFFs (what a museum's scanner masters look like; standard library only) into
/tmp/archive-bench/images: --images of --width x --height, and one --huge one. Then, with the release `archive`
(--static-swift-stdlib), into a copy of a seeded archive: one `media add` of all the images (each stored once,
hashed, a thumbnail and a display rendition made through libvips); one `media add` of the huge file; `media
export --all`; `check` (hashes every stored file again). Beside it, the sqlite3 CLI storing the same huge file
with readfile(), which holds the whole value in memory. Prints Markdown: seconds, MB/s, peak RSS. The huge file
is the memory test: RSS must stay far below its size (the blob is written and read in 1 MiB pieces, the
renditions decoded in a stream). --smoke: 3 small images and a 2000x1500 "huge" one (CI: the script keeps
working). Exits 1 if a command fails.
"""

import argparse
import os
import shutil
import struct
import subprocess
import sys

from common import timed

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tiff(path, width, height, seed):
    """An uncompressed baseline RGB TIFF with a pattern of its own (no two files share bytes), written row by row."""
    if os.path.exists(path) and os.path.getsize(path) > width * height * 3:
        return
    entries = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 2),
               (273, 4, 1, 0), (277, 3, 1, 3), (278, 4, 1, height), (279, 4, 1, width * height * 3)]
    data_offset = 8 + 2 + 12 * len(entries) + 4
    with open(path + ".part", "wb") as out:
        out.write(b"II*\0" + struct.pack("<I", 8) + struct.pack("<H", len(entries)))
        for tag, kind, count, value in entries:
            value = data_offset if tag == 273 else value
            out.write(struct.pack("<HHI", tag, kind, count) + (struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value)))
        out.write(struct.pack("<I", 0))
        base = bytes((x * 7 + seed) & 255 for x in range(width * 3))
        for y in range(height):
            shift = (y * 3 + seed) % len(base)
            out.write(base[shift:] + base[:shift])
    os.replace(path + ".part", path)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--images", type=int, default=40)
    ap.add_argument("--width", type=int, default=3000)
    ap.add_argument("--height", type=int, default=2000)
    ap.add_argument("--huge", default="12000x8000")
    ap.add_argument("--smoke", action="store_true")
    args = ap.parse_args()
    if args.smoke:
        args.images, args.width, args.height, args.huge = 3, 600, 400, "2000x1500"
    huge_width, huge_height = (int(part) for part in args.huge.split("x"))
    subprocess.run(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "archive"], cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)
    binary = os.path.join(REPO, ".build", "release", "archive")
    folder = "/tmp/archive-bench/images" + ("-smoke" if args.smoke else "")
    os.makedirs(folder, exist_ok=True)
    files = [os.path.join(folder, f"master-{n:03}.tif") for n in range(args.images)]
    for n, path in enumerate(files):
        tiff(path, args.width, args.height, n)
    huge = os.path.join(folder, f"huge-{huge_width}x{huge_height}.tif")
    tiff(huge, huge_width, huge_height, 255)

    work = os.path.join(folder, "work")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    archive = os.path.join(work, "archive.sqlite")
    subprocess.run([binary, "--db", archive, "import", "seeds"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    rows = []
    many = sum(os.path.getsize(path) for path in files) / 1e6
    seconds, rss = timed([binary, "--db", archive, "media", "add", "celine"] + files + ["--rights", "https://creativecommons.org/publicdomain/zero/1.0/"])
    rows.append((f"media add: {args.images} TIFFs of {args.width}x{args.height}", many, seconds, rss))
    huge_mb = os.path.getsize(huge) / 1e6
    seconds, rss = timed([binary, "--db", archive, "media", "add", "repetto", huge])
    rows.append((f"media add: one TIFF of {huge_width}x{huge_height}", huge_mb, seconds, rss))
    out = os.path.join(work, "export")
    seconds, rss = timed([binary, "--db", archive, "media", "export", "--all", out])
    rows.append(("media export --all (originals, byte for byte)", many + huge_mb, seconds, rss))
    seconds, rss = timed([binary, "--db", archive, "check"])
    rows.append(("check (every file hashed again)", many + huge_mb, seconds, rss))
    exported = os.path.join(out, "designers", "repetto")
    if subprocess.run(["cmp", huge, os.path.join(exported, os.listdir(exported)[0])]).returncode != 0:
        print("images.py: the exported huge file differs from the original", file=sys.stderr)
        sys.exit(1)
    if shutil.which("sqlite3"):
        plain = os.path.join(work, "plain.sqlite")
        subprocess.run(["sqlite3", plain, "CREATE TABLE files (data BLOB)"], check=True)
        seconds, rss = timed(["sqlite3", plain, f"INSERT INTO files VALUES (readfile('{huge}'))"])
        rows.append((f"sqlite3: readfile() of the same {huge_width}x{huge_height} TIFF (no hash, no renditions)", huge_mb, seconds, rss))

    print(f"| {'what':<70} | {'MB':>8} | {'seconds':>8} | {'MB/s':>7} | {'peak RSS MB':>11} |")
    print(f"|{'-' * 72}|{'-' * 10}|{'-' * 10}|{'-' * 9}|{'-' * 13}|")
    for what, mb, seconds, rss in rows:
        print(f"| {what:<70} | {mb:>8.1f} | {seconds:>8.2f} | {mb / seconds:>7.1f} | {rss / 1024:>11.1f} |")
    print(f"\narchive file: {os.path.getsize(archive) / 1e6:.1f} MB for {many + huge_mb:.1f} MB of originals")


if __name__ == "__main__":
    main()

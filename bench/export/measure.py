"""The export benchmark (see run). Usage: measure.py BIN_DIR HERE ROWS TMP_DIR TARGET

Progress goes to stderr; stdout carries one line per figure and ends with
"export: ours=<s>s peer=<s>s ratio=<r> target=<TARGET> PASS|FAIL", the
peer of the headline being the floor."""
import datetime
import json
import os
import statistics
import subprocess
import sys
import time
import zipfile

bin_dir, here, rows, tmp, target = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5]
repeats = int(os.environ.get("BENCH_REPEATS", "3"))
# Further rounds only while the run stays within the benchmark's five minutes
# (python alone takes about as long as two rounds).
ROUNDS_SECONDS = float(os.environ.get("BENCH_SECONDS", "150"))
FLOOR_RATIO = 1.3
PYTHON_RATIO = 3
RSS_MB = 50


def say(text):
    print(text, file=sys.stderr, flush=True)


def run(name, command):
    """One writer's run: its JSON figures, the file's size."""
    path = os.path.join(tmp, name + ".xlsx")
    if os.path.exists(path):
        os.remove(path)
    done = subprocess.run(command + [str(rows), path], check=True, capture_output=True, text=True)
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    figures["bytes"] = os.path.getsize(path)
    figures["growthMB"] = (figures["peakKiB"] - figures["baselineKiB"]) / 1024
    say("  %s: %.2f s, RSS +%.1f MB, %.1f MB file" % (name, figures["seconds"], figures["growthMB"],
                                                     figures["bytes"] / 1e6))
    return figures, path


def check(path):
    """The last row and the first data row, read straight from the sheet's XML
    (openpyxl would take minutes over a million rows)."""
    with zipfile.ZipFile(path) as workbook:
        sheet = next(name for name in workbook.namelist() if name.startswith("xl/worksheets/sheet"))
        with workbook.open(sheet) as xml:
            data = xml.read()
    last = ('<row r="%d"' % (rows + 1)).encode()
    if last not in data or ('<row r="%d"' % (rows + 2)).encode() in data:
        raise SystemExit("%s: not %d data rows" % (path, rows))
    for text in ("佐藤 花子", "E0000000", "営業部"):
        if text.encode() not in data:
            raise SystemExit("%s: %s missing" % (path, text))


def main():
    say("bench export: %s, nproc=%d, load=%s, %d rows x 10 columns, %d repeats"
        % (datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%MZ"), os.cpu_count(),
           open("/proc/loadavg").read().split()[0], rows, repeats))
    ours_command = [os.path.join(bin_dir, "engage-bench-export")]
    floor_command = [os.path.join(bin_dir, "engage-bench-export-floor")]
    python_command = ["/usr/bin/python3", os.path.join(here, "peer.py")]
    ours, floor = [], []
    start = time.perf_counter()
    for repeat in range(repeats):
        if repeat > 0 and time.perf_counter() - start > ROUNDS_SECONDS * repeat / repeats:
            say("round %d skipped: the machine is slow today" % (repeat + 1))
            break
        say("round %d" % (repeat + 1))
        figures, ours_path = run("ours", ours_command)
        ours.append(figures)
        figures, floor_path = run("floor", floor_command)
        floor.append(figures)
    check(ours_path)
    check(floor_path)
    python, python_path = run("python", python_command)
    check(python_path)

    ours_s = statistics.median(f["seconds"] for f in ours)
    floor_s = statistics.median(f["seconds"] for f in floor)
    ours_rss = max(f["growthMB"] for f in ours)
    floor_rss = max(f["growthMB"] for f in floor)
    ratio = ours_s / floor_s
    python_ratio = python["seconds"] / ours_s
    print("export/ours: median=%.2fs (runs %s) rss_growth=%.1fMB file=%.1fMB"
          % (ours_s, " ".join("%.2f" % f["seconds"] for f in ours), ours_rss, ours[-1]["bytes"] / 1e6))
    print("export/floor: median=%.2fs (runs %s) rss_growth=%.1fMB file=%.1fMB"
          % (floor_s, " ".join("%.2f" % f["seconds"] for f in floor), floor_rss,
             floor[-1]["bytes"] / 1e6))
    print("export/python: %.2fs rss_growth=%.1fMB file=%.1fMB python/ours=%.2f"
          % (python["seconds"], python["growthMB"], python["bytes"] / 1e6, python_ratio))
    ok = ratio <= FLOOR_RATIO and python_ratio >= PYTHON_RATIO and ours_rss < RSS_MB
    print("export: ours=%.2fs peer=%.2fs ratio=%.2f target=%s %s"
          % (ours_s, floor_s, ratio, target, "PASS" if ok else "FAIL"), flush=True)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

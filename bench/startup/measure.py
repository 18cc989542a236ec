"""Times engage-admin and the floor from launch to first paint (see run).

Usage: measure.py BIN_DIR ANNOUNCEMENT_FILE RUNS
Progress goes to stderr; the last line on stdout is
"<ours median ms> <floor median ms> <ratio> <our median RSS MB>".
"""
import json
import os
import statistics
import subprocess
import sys
import time

bin_dir, announcement_file, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
announcement = json.loads(open(announcement_file).readline())
owner = next(t for t in announcement["tenants"] if t["slug"] == "northwind")
profile = "Bench"


def first_paint(command, env):
    """Milliseconds from launch to the first-paint line, and the RSS it reports (KiB)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=env, text=True)
    line = process.stdout.readline()
    elapsed = (time.perf_counter() - start) * 1000
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    if not line.startswith("first-paint rss="):
        raise SystemExit("%s did not paint (exit %s)" % (command[0], process.returncode))
    return elapsed, int(line.strip().split("=")[1].rstrip("KiB"))


def seed(env):
    subprocess.run([os.path.join(bin_dir, "engage-bench-startup-seed"), profile,
                    announcement["url"], announcement["fingerprintSha256"], owner["slug"],
                    owner["adminEmail"], owner["adminPassword"]],
                   env=env, check=True, stdout=subprocess.DEVNULL, timeout=60)


env = dict(os.environ)
env.pop("QT_QPA_PLATFORM", None)  # the xcb platform on Xvfb, as on a desktop
ours_env = dict(env, ENGAGE_EXIT_AFTER_FIRST_PAINT="1")
ours_cmd = [os.path.join(bin_dir, "engage-admin"), "--profile", profile, "--lang", "en"]
floor_cmd = [os.path.join(bin_dir, "engage-bench-startup-floor")]

# One unmeasured round of each fills the page cache for both alike.
seed(env)
first_paint(ours_cmd, ours_env)
first_paint(floor_cmd, env)

ours, floor, rss = [], [], []
for i in range(runs):
    seed(env)
    ms, kib = first_paint(ours_cmd, ours_env)
    ours.append(ms)
    rss.append(kib)
    ms_floor, kib_floor = first_paint(floor_cmd, env)
    floor.append(ms_floor)
    print("  run %2d: engage-admin %6.1f ms (%5.1f MB)   floor %6.1f ms (%5.1f MB)"
          % (i + 1, ms, kib / 1024, ms_floor, kib_floor / 1024), file=sys.stderr)

ours_ms, floor_ms = statistics.median(ours), statistics.median(floor)
print("%.0f %.0f %.2f %.1f" % (ours_ms, floor_ms, ours_ms / floor_ms, statistics.median(rss) / 1024))

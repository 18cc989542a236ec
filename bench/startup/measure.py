"""Times engage-admin and the floor from launch to first paint (see run);
engage-admin's memory is the one it reports once signed in.

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


def read_kib(line, prefix, command, process):
    if not line.startswith(prefix + " rss="):
        process.kill()
        process.wait()
        raise SystemExit("%s: expected a %s line, got %r (exit %s)"
                         % (command[0], prefix, line, process.returncode))
    return int(line.strip().split("=")[1].rstrip("KiB"))


def first_paint(command, env, signs_in):
    """Milliseconds from launch to the first-paint line, and the RSS (KiB): the
    one the signed-in line reports when the program signs in, else the first
    paint's. Also the milliseconds to the signed-in line (None without one)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=env, text=True)
    line = process.stdout.readline()
    painted = (time.perf_counter() - start) * 1000
    kib = read_kib(line, "first-paint", command, process)
    signed_in = None
    if signs_in:
        kib = read_kib(process.stdout.readline(), "signed-in", command, process)
        signed_in = (time.perf_counter() - start) * 1000
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    return painted, kib, signed_in


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
first_paint(ours_cmd, ours_env, True)
first_paint(floor_cmd, env, False)

ours, floor, rss, signed_in = [], [], [], []
for i in range(runs):
    seed(env)
    ms, kib, ms_signed_in = first_paint(ours_cmd, ours_env, True)
    ours.append(ms)
    rss.append(kib)
    signed_in.append(ms_signed_in)
    ms_floor, kib_floor, _ = first_paint(floor_cmd, env, False)
    floor.append(ms_floor)
    print("  run %2d: engage-admin %6.1f ms, signed in %6.1f ms (%5.1f MB)   floor %6.1f ms (%5.1f MB)"
          % (i + 1, ms, ms_signed_in, kib / 1024, ms_floor, kib_floor / 1024), file=sys.stderr)

ours_ms, floor_ms = statistics.median(ours), statistics.median(floor)
print("  medians: engage-admin painted %.0f ms, signed in %.0f ms; floor painted %.0f ms"
      % (ours_ms, statistics.median(signed_in), floor_ms), file=sys.stderr)
print("%.0f %.0f %.2f %.1f" % (ours_ms, floor_ms, ours_ms / floor_ms, statistics.median(rss) / 1024))

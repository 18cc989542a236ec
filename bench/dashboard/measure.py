"""The dashboard benchmark (see run). Usage: measure.py ROOT BIN_DIR CACHE_DIR MEMBERS TMP_DIR

Progress and the naive SQL go to stderr; stdout carries one line per figure
and ends with
"dashboard: ours=<ms> peer=<ms> ratio=<r> target=p95<50ms,ratio>=20 PASS|FAIL".
"""
import datetime
import json
import os
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "support"))
from benchservice import Bench, Service, nearest_rank, source_digest  # noqa: E402

root, bin_dir, cache_dir, members, tmp = sys.argv[1:6]
members = int(members)
repeats = int(os.environ.get("BENCH_REPEATS", "200"))
# A slow service stops the repetitions early (after at least MIN_REPEATS),
# so that the run still ends with its figures.
seconds = float(os.environ.get("BENCH_SECONDS", "60"))
MIN_REPEATS = 20
peer_runs = int(os.environ.get("BENCH_PEER_RUNS", "3"))
render_runs = int(os.environ.get("BENCH_RENDER_RUNS", "9"))
TENANT = "sakura-foods"
WARM_UP = 5
TARGET_MS = 50
TARGET_RATIO = 20
TARGET_RENDER_MS = 150
TARGET = "p95<%dms,ratio>=%d" % (TARGET_MS, TARGET_RATIO)
bench = Bench("dashboard", TARGET, bin_dir, tmp)
say, fail, stop_server = bench.say, bench.fail, bench.stop_server
# What writes the cached data besides the generator: a change to any of them
# makes the cache stale, as a new generator version does.
DATA_SOURCES = ["server/store/schema/*.sql", "server/store/pulserepository.cpp",
                "server/store/memberrepository.cpp", "server/store/grouprepository.cpp",
                "server/store/demoseed.cpp", "server/store/demoorganisation.cpp",
                "server/engagement/pulsehistory.cpp", "server/engagement/roundaggregator.cpp",
                "server/engagement/cellsums.cpp", "bench/dashboard/generate.cpp"]


def start_server(data_dir, log_name):
    """engage-server --demo (without the demo's year of pulses) on data_dir."""
    return bench.start_server(data_dir, log_name, ["--demo-without-history"])


def prepared_data_dir():
    """The cached data directory of this generator and these sources, made
    first when missing: the demo by one start of the service, then the
    tenant's members and pulses by engage-bench-dashboard-generate."""
    key = "v%s-%s" % (bench.generator_version("engage-bench-dashboard-generate"),
                      source_digest(root, DATA_SOURCES))

    def generate(data_dir):
        say("generating %d members and their pulses into %s" % (members, data_dir))
        subprocess.run([os.path.join(bin_dir, "engage-bench-dashboard-generate"), data_dir, TENANT,
                        str(members)], check=True)
    return bench.cached_data_dir(cache_dir, "dashboard-%s-%s-%d" % (key, TENANT, members),
                                 "bench-dashboard.json", generate, ["--demo-without-history"])


def naive_sql(tenant, round_id, validity_days, threshold, bank):
    """The whole company's heatmap from raw answers in one statement: every
    live group (and the tenant, '') x every factor, for the round, with the
    validity window, each group's subtree and the threshold, through the
    indexes the schema has. Complementary suppression, a walk over the tree
    that SQL does not express, is left out (the peer does less)."""
    values = ", ".join("(%d, %d)" % (item, factor) for item, factor in bank)
    return """WITH RECURSIVE
  this_round AS (
    SELECT seq, survey_id, closes_at, closes_at - %(validity)d * 86400000 AS window_opens
    FROM survey_rounds WHERE tenant_id = '%(tenant)s' AND id = '%(round)s'),
  bank(item, factor) AS (VALUES %(bank)s),
  subtree(ancestor, group_id) AS (
    SELECT id, id FROM org_groups WHERE tenant_id = '%(tenant)s' AND deleted_at IS NULL
    UNION ALL
    SELECT s.ancestor, g.id FROM subtree s JOIN org_groups g
      ON g.tenant_id = '%(tenant)s' AND g.parent_id = s.group_id AND g.deleted_at IS NULL),
  dated AS (
    SELECT r.respondent_id, r.id AS response_id, r.placement_id, a.item, a.value,
           COALESCE(a.answered_at, r.answered_at) AS at
    FROM this_round w
    JOIN survey_rounds s ON s.tenant_id = '%(tenant)s' AND s.survey_id = w.survey_id
    JOIN responses r ON r.round_seq = s.seq AND r.tenant_id = '%(tenant)s'
    JOIN answers a ON a.response_id = r.id
    WHERE COALESCE(a.answered_at, r.answered_at) > w.window_opens
      AND COALESCE(a.answered_at, r.answered_at) <= w.closes_at),
  ranked AS (
    SELECT d.*,
           ROW_NUMBER() OVER (PARTITION BY respondent_id, item
                              ORDER BY at DESC, response_id DESC) AS answer_rank,
           FIRST_VALUE(placement_id) OVER (PARTITION BY respondent_id
                                           ORDER BY at DESC, response_id DESC) AS latest_placement
    FROM dated d),
  valid AS (
    SELECT d.respondent_id, b.factor, d.item, d.value, p.group_id
    FROM ranked d
    JOIN bank b ON b.item = d.item
    LEFT JOIN round_targets t
      ON t.round_seq = (SELECT seq FROM this_round) AND t.respondent_id = d.respondent_id
    JOIN placements p ON p.id = COALESCE(t.placement_id, d.latest_placement)
    WHERE d.answer_rank = 1),
  counted AS (
    SELECT '' AS row_group, respondent_id, factor, item, value FROM valid
    UNION ALL
    SELECT s.ancestor, v.respondent_id, v.factor, v.item, v.value
    FROM valid v JOIN subtree s ON s.group_id = v.group_id),
  item_scores AS (
    SELECT row_group, factor, 25.0 * AVG(value - 1) AS score
    FROM counted GROUP BY row_group, factor, item),
  factor_respondents AS (
    SELECT row_group, factor, COUNT(DISTINCT respondent_id) AS respondents
    FROM counted GROUP BY row_group, factor)
SELECT i.row_group, i.factor, f.respondents,
       CASE WHEN f.respondents >= %(threshold)d
            THEN printf('%%.1f', round(AVG(i.score) * (1 + 1e-12), 1)) END
FROM item_scores i JOIN factor_respondents f USING (row_group, factor)
GROUP BY i.row_group, i.factor ORDER BY i.row_group, i.factor;""" % {
        "tenant": tenant, "round": round_id, "validity": validity_days, "threshold": threshold,
        "bank": values}


def run_peer(database, sql):
    """sqlite3 running the statement: its rows and the statement's own time."""
    start = time.perf_counter()
    run = subprocess.run(["sqlite3", "-batch", database], input=".timer on\n" + sql + "\n",
                         check=True, capture_output=True, text=True)
    elapsed = (time.perf_counter() - start) * 1000
    rows, statement = [], None
    for line in run.stdout.splitlines():
        if line.startswith("Run Time:"):
            statement = float(line.split()[3]) * 1000
        elif line:
            group, factor, respondents, score = line.split("|")
            rows.append((group, int(factor), int(respondents), score or None))
    if statement is None:
        fail("sqlite3 printed no time: " + run.stderr[-500:])
    return rows, statement, elapsed


def compare(heatmap, rows):
    """The service's heatmap beside the peer's rows: every shown score and
    every count must agree. Counts of what was compared."""
    peer = {(group, factor): (respondents, score) for group, factor, respondents, score in rows}
    shown = withheld = complementary = 0
    for row in heatmap["rows"]:
        group = row.get("groupId", "")
        for factor, cell in enumerate(row["cells"]):
            respondents, score = peer.get((group, factor), (0, None))
            if respondents != cell["respondents"]:
                fail("group %s factor %d: %d respondents in the service, %d in the peer"
                     % (group or "(company)", factor, cell["respondents"], respondents))
            reason = cell.get("withheld")
            if "value" in cell:
                if score != "%.1f" % cell["value"]:
                    fail("group %s factor %d: %.1f in the service, %s in the peer"
                         % (group or "(company)", factor, cell["value"], score))
                shown += 1
            elif reason == "complementary":
                complementary += 1
            elif score is not None:
                fail("group %s factor %d: withheld (%s) in the service, %s in the peer"
                     % (group or "(company)", factor, reason, score))
            else:
                withheld += 1
    return shown, withheld, complementary


def render(url, fingerprint, owner):
    """engage-bench-dashboard-render against the service: its runs' times."""
    home = os.path.join(tmp, "home")
    os.makedirs(home, exist_ok=True)
    env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=os.path.join(home, ".config"),
               XDG_DATA_HOME=os.path.join(home, ".local/share"), QT_QPA_PLATFORM="offscreen",
               LANG="C.UTF-8")
    env.pop("XDG_RUNTIME_DIR", None)
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    run = subprocess.run([os.path.join(bin_dir, "engage-bench-dashboard-render"), url, fingerprint,
                          TENANT, owner["adminEmail"], str(render_runs)],
                         input=owner["adminPassword"] + "\n", env=env, capture_output=True, text=True)
    if run.returncode != 0:
        say(run.stderr[-2000:])
        fail("engage-bench-dashboard-render exited with %d" % run.returncode)
    return json.loads(run.stdout.strip().splitlines()[-1])


def main():
    say("bench dashboard: %s, nproc=%d, load=%s, %d members, %d repeats, %d peer runs, %d render runs"
        % (datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%MZ"), os.cpu_count(),
           open("/proc/loadavg").read().split()[0], members, repeats, peer_runs, render_runs))
    data_dir, generated, generation_s = prepared_data_dir()
    database = os.path.join(data_dir, "engage.sqlite3")
    size_mb = sum(os.path.getsize(os.path.join(data_dir, name)) for name in os.listdir(data_dir)
                  if name.startswith("engage.sqlite3")) / 1e6
    print("dashboard/data: %d members in %d groups, %d rounds, %d responses, database %.0f MB, %s"
          % (generated["members"], generated["groups"], generated["rounds"], generated["responses"],
             size_mb, "generated in %.0f s (pulses %.0f s)" % (generation_s, generated["pulseSeconds"])
             if generation_s is not None else "cached"), flush=True)

    start = time.perf_counter()
    server, announcement = start_server(data_dir, "server.err")
    try:
        say("engage-server started in %.1f s" % (time.perf_counter() - start))
        owner = next(t for t in announcement["tenants"] if t["slug"] == TENANT)
        service = Service(bench, announcement["url"], os.path.join(data_dir, "demo-certificate.pem"))
        service.token = service.call("POST", "/api/v1/auth/login", {
            "tenant": TENANT, "email": owner["adminEmail"], "password": owner["adminPassword"]})["accessToken"]

        department = generated["departmentId"]
        views = {
            "company": "",
            "department": "?group=" + department,
        }
        say("department: %s (%d members)" % (generated["departmentName"], generated["departmentMembers"]))

        def view(query):
            """Summary then heatmap, as the page asks them: each and both, ms."""
            start = time.perf_counter()
            summary = service.call("GET", "/api/v1/engagement/summary" + query)
            middle = time.perf_counter()
            heatmap = service.call("GET", "/api/v1/engagement/heatmap" + query)
            end = time.perf_counter()
            return ((middle - start) * 1000, (end - middle) * 1000, (end - start) * 1000,
                    summary, heatmap)

        first = {name: view(query) for name, query in views.items()}
        say("first answers (aggregate cache cold): " + ", ".join(
            "%s %.0f ms" % (name, times[2]) for name, times in first.items()))
        for _ in range(WARM_UP):
            for query in views.values():
                view(query)
        times = {name: ([], [], []) for name in views}
        started = time.perf_counter()
        for repeat in range(repeats):
            if repeat >= MIN_REPEATS and time.perf_counter() - started > seconds:
                say("stopped after %d repeats: %.0f s" % (repeat, time.perf_counter() - started))
                break
            for name, query in views.items():
                for series, value in zip(times[name], view(query)[:3]):
                    series.append(value)
        worst = 0.0
        for name in views:
            summary_ms, heatmap_ms, both_ms = times[name]
            heatmap = first[name][4]
            print("dashboard/%s: summary+heatmap p50=%.1fms p95=%.1fms (summary p50=%.1fms p95=%.1fms, "
                  "heatmap p50=%.1fms p95=%.1fms, %d rows) n=%d"
                  % (name, statistics.median(both_ms), nearest_rank(both_ms, 0.95),
                     statistics.median(summary_ms), nearest_rank(summary_ms, 0.95),
                     statistics.median(heatmap_ms), nearest_rank(heatmap_ms, 0.95),
                     len(heatmap["rows"]), len(both_ms)), flush=True)
            worst = max(worst, nearest_rank(both_ms, 0.95))

        company = first["company"][4]
        slice_info = company["slice"]
        sql = naive_sql(generated["tenantId"], slice_info["roundId"], slice_info["validityDays"],
                        slice_info["threshold"], generated["bank"])
        say("peer: sqlite3 %s <<'SQL'\n%s\nSQL" % (database, sql))
        statements, elapsed = [], []
        for run in range(peer_runs):
            rows, statement, wall = run_peer(database, sql)
            statements.append(statement)
            elapsed.append(wall)
            say("peer run %d: statement %.0f ms, sqlite3 process %.0f ms, %d rows"
                % (run + 1, statement, wall, len(rows)))
            if run == 0:
                shown, withheld, complementary = compare(company, rows)
        peer_ms = statistics.median(statements)
        print("dashboard/peer: naive heatmap SQL over raw answers median=%.0fms (sqlite3 process "
              "median=%.0fms) n=%d; equal to the service's company heatmap: %d shown scores, "
              "%d withheld under the threshold, %d withheld as complementary (not compared)"
              % (peer_ms, statistics.median(elapsed), peer_runs, shown, withheld, complementary),
              flush=True)

        painted = render(announcement["url"], announcement["fingerprintSha256"], owner)
        render_ms = statistics.median(painted["ms"])
        print("dashboard/render: data arrival to painted median=%.1fms first=%.1fms last=%.1fms "
              "min=%.1fms max=%.1fms n=%d (company, %d heatmap rows, %d bytes of answers) "
              "target<%dms %s"
              % (render_ms, painted["ms"][0], painted["ms"][-1], min(painted["ms"]),
                 max(painted["ms"]), len(painted["ms"]),
                 painted["heatmapRows"], painted["answerBytes"], TARGET_RENDER_MS,
                 "PASS" if render_ms < TARGET_RENDER_MS else "FAIL"), flush=True)
    finally:
        server.terminate()
        server.wait(timeout=60)

    ratio = peer_ms / worst
    ok = worst < TARGET_MS and ratio >= TARGET_RATIO
    print("dashboard: ours=%.1fms peer=%.0fms ratio=%.0f target=%s %s"
          % (worst, peer_ms, ratio, TARGET, "PASS" if ok else "FAIL"))
    sys.exit(0 if ok else 1)


main()

"""The import benchmark (see run). Usage: measure.py BIN_DIR TMP_DIR MEMBERS

Progress goes to stderr; stdout ends with the headline line
"import: ours=<s> peer=<s> ratio=<r> target=<1x,apply<10s,list<100ms PASS|FAIL".
"""
import datetime
import http.client
import json
import os
import random
import ssl
import statistics
import subprocess
import sys
import time
import urllib.parse

bin_dir, tmp, members = sys.argv[1], sys.argv[2], int(sys.argv[3])
TARGET = "<1x,apply<10s,list<100ms"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def say(text):
    print(text, file=sys.stderr, flush=True)


def fail(reason):
    say("bench import: " + reason)
    print("import: ours=0s peer=0s ratio=0 target=%s FAIL" % TARGET)
    sys.exit(1)


def generate(path, count):
    """A realistic member list: what an HR system exports for Engage."""
    from openpyxl import Workbook

    rng = random.Random(20261126)
    family = ["佐藤", "鈴木", "髙橋", "田中", "伊藤", "渡邊", "山本", "中村", "小林", "加藤",
              "吉田", "山田", "佐々木", "山﨑", "松本", "井上", "木村", "林", "斎藤", "清水"]
    given = ["太郎", "花子", "健太", "美咲", "翔", "陽菜", "大輝", "結衣", "拓海", "さくら",
             "蓮", "葵", "悠真", "凛", "湊", "芽依"]
    divisions = ["営業本部", "製造本部", "管理本部", "開発本部", "物流本部"]
    types = ["正社員", "契約社員", "パート"]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("社員")
    sheet.append(["社員番号", "姓", "名", "メールアドレス", "所属", "入社日", "生年月日",
                  "雇用形態", "等級", "役職", "職種", "在籍状況"])
    today = datetime.date(2026, 4, 1)
    for n in range(1, count + 1):
        division = divisions[n % len(divisions)]
        path_text = "ベンチ株式会社/%s/%s第%d部" % (division, division[:2], n % 10 + 1)
        hired = today - datetime.timedelta(days=rng.randrange(0, 40 * 365))
        born = hired - datetime.timedelta(days=rng.randrange(18 * 365, 30 * 365))
        email = "m%06d@bench.example.jp" % n if n % 3 else None  # shop-floor staff: no e-mail
        sheet.append(["E%06d" % n, rng.choice(family), rng.choice(given), email, path_text,
                      hired, born, rng.choice(types), "G%d" % rng.randrange(1, 8),
                      "" if n % 9 else "課長", "製造" if division == "製造本部" else "事務", "在籍"])
    workbook.save(path)


PEER = r'''
import resource, sys
from openpyxl import load_workbook
workbook = load_workbook(sys.argv[1], read_only=True)
cells = 0
for row in workbook.worksheets[0].iter_rows(values_only=True):
    cells += len(row)
print(cells, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
'''


def peer_read(path):
    start = time.perf_counter()
    out = subprocess.run(["/usr/bin/python3", "-c", PEER, path], check=True,
                         capture_output=True, text=True).stdout.split()
    return time.perf_counter() - start, int(out[0]), int(out[1]) / 1024


class Service:
    def __init__(self, url, cafile):
        target = urllib.parse.urlsplit(url)
        context = ssl.create_default_context(cafile=cafile)
        self.connection = http.client.HTTPSConnection(target.hostname, target.port,
                                                      context=context, timeout=600)
        self.token = None

    def call(self, method, path, body=None, content_type="application/json"):
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if body is not None:
            headers["Content-Type"] = content_type
            if content_type == "application/json":
                body = json.dumps(body).encode()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        if response.status >= 300:
            fail("%s %s answered %d: %s" % (method, path.split("?")[0], response.status, data[:300]))
        return json.loads(data) if data else None


def peak_mib(pid):
    for line in open("/proc/%d/status" % pid):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0


def dry_run(service, path):
    """Upload and first preview page; seconds and the preview."""
    body = open(path, "rb").read()
    start = time.perf_counter()
    upload = service.call("POST", "/api/v1/member-imports?name=members.xlsx", body, XLSX_TYPE)
    unmapped = [c["header"] for c in upload["columns"] if not c["target"]]
    if unmapped:
        fail("headers not recognised: %s" % ", ".join(unmapped))
    preview = service.call("GET", "/api/v1/member-imports/%s/preview?limit=1000" % upload["id"])
    return time.perf_counter() - start, upload, preview


def main():
    workbook = os.path.join(tmp, "members.xlsx")
    say("bench import: %s, nproc=%d, load=%s, %d members"
        % (datetime.datetime.utcnow().strftime("%Y-%m-%dT%H:%MZ"), os.cpu_count(),
           open("/proc/loadavg").read().split()[0], members))
    start = time.perf_counter()
    generate(workbook, members)
    say("generated %s (%.1f MB) with openpyxl in %.1f s"
        % (workbook, os.path.getsize(workbook) / 1e6, time.perf_counter() - start))

    data_dir = os.path.join(tmp, "data")
    server = subprocess.Popen([os.path.join(bin_dir, "engage-server"), "--demo", "--data-dir",
                               data_dir, "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=open(os.path.join(tmp, "server.err"), "w"),
                              text=True)
    try:
        announcement = json.loads(server.stdout.readline() or "null")
        if not announcement:
            fail("engage-server announced nothing: " + open(os.path.join(tmp, "server.err")).read()[-500:])
        owner = next(t for t in announcement["tenants"] if t["slug"] == "sakura-foods")
        service = Service(announcement["url"], os.path.join(data_dir, "demo-certificate.pem"))
        session = service.call("POST", "/api/v1/auth/login", {
            "tenant": owner["slug"], "email": owner["adminEmail"], "password": owner["adminPassword"]})
        service.token = session["accessToken"]
        base_mib = peak_mib(server.pid)

        # Interleaved, peer first, so that both see the same machine.
        peer_s, cells, peer_mib = peer_read(workbook)
        say("peer: openpyxl read-only read %d cells in %.2f s, peak %.0f MiB" % (cells, peer_s, peer_mib))
        ours_s, upload, preview = dry_run(service, workbook)
        say("ours: dry run %.2f s (%d rows, %s; added %d, changed %d, unchanged %d, invalid %d, "
            "%d new groups), service peak %.0f MiB (%.0f before)"
            % (ours_s, upload["rowCount"], upload["format"], preview["added"], preview["changed"],
               preview["unchanged"], preview["invalid"], len(preview["newGroupPaths"]),
               peak_mib(server.pid), base_mib))
        # The file's groups do not exist yet: as the API says, the dry run
        # lists its rows as waiting for them (unknownGroup and nothing else),
        # and the apply below creates them.
        waiting = all(row["kind"] == "invalid" and row["errors"]
                      and all(e["code"] == "unknownGroup" for e in row["errors"])
                      for row in preview["rows"])
        if (preview["added"] or preview["changed"] or preview["unchanged"]
                or preview["invalid"] != members or not waiting
                or len(preview["rows"]) != min(members, 1000) or not preview["newGroupPaths"]):
            fail("the dry run did not find %d new members waiting only for their groups" % members)

        start = time.perf_counter()
        outcome = service.call("POST", "/api/v1/member-imports/%s/apply" % upload["id"],
                               {"createGroups": True, "markMissingAsLeft": False, "applyChanges": True})
        apply_s = time.perf_counter() - start
        say("ours: apply %.2f s (added %d, groups created %d), service peak %.0f MiB"
            % (apply_s, outcome["added"], outcome["groupsCreated"], peak_mib(server.pid)))
        if outcome["added"] != members or outcome["groupsCreated"] != len(preview["newGroupPaths"]):
            fail("apply added %d members and %d groups, not %d and %d"
                 % (outcome["added"], outcome["groupsCreated"], members,
                    len(preview["newGroupPaths"])))

        list_path = "/api/v1/members?limit=50"
        start = time.perf_counter()
        page = service.call("GET", list_path)
        cold_ms = (time.perf_counter() - start) * 1000
        warm = []
        for _ in range(20):
            start = time.perf_counter()
            service.call("GET", list_path)
            warm.append((time.perf_counter() - start) * 1000)
        list_ms = statistics.median(warm)
        say("ours: member list first page: %.1f ms after the import (index build), then median %.1f ms, "
            "max %.1f ms (total %d)" % (cold_ms, list_ms, max(warm), page["total"]))

        again_s, _, again = dry_run(service, workbook)
        say("ours: the same file again: dry run %.2f s, added %d, changed %d, unchanged %d"
            % (again_s, again["added"], again["changed"], again["unchanged"]))
        unchanged_again = again["added"] == 0 and again["changed"] == 0 and again["unchanged"] == members
        service_mib = peak_mib(server.pid)
    finally:
        server.terminate()
        server.wait()

    ratio = ours_s / peer_s
    print("import/dryrun: ours=%.2fs peer=%.2fs ratio=%.2f" % (ours_s, peer_s, ratio))
    print("import/apply: ours=%.2fs target=<10s" % apply_s)
    print("import/list: first=%.1fms median=%.1fms target=<100ms" % (cold_ms, list_ms))
    print("import/memory: service peak=%.0fMiB peer peak=%.0fMiB" % (service_mib, peer_mib))
    print("import/again: unchanged=%s" % ("yes" if unchanged_again else "NO"))
    passed = ratio < 1 and apply_s < 10 and list_ms < 100 and unchanged_again
    print("import: ours=%.2fs peer=%.2fs ratio=%.2f target=%s %s"
          % (ours_s, peer_s, ratio, TARGET, "PASS" if passed else "FAIL"))
    sys.exit(0 if passed else 1)


try:
    main()
except (OSError, ValueError, KeyError, http.client.HTTPException, subprocess.CalledProcessError) as error:
    fail("%s: %s" % (type(error).__name__, error))

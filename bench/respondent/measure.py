"""Parts of bench/respondent/run measured in Python.

  measure.py page OURS_URL PEER_URL CAFILE TOKENS_FILE SAMPLES
      First visits of the page over TLS, ours (each to a link of its own, the
      first SAMPLES lines of TOKENS_FILE) and nginx's static copy
      (/r/page), interleaved: a new connection each (TCP and TLS handshake
      timed), GET of the page, then its stylesheet and script on the same
      keep-alive connection, as a browser's first visit fetches them. Time to
      first byte: from connecting to the page's status line and headers
      read; full load: to the last byte of the script. Prints
      "OURS_TTFB_P50 OURS_TTFB_P95 OURS_FULL_P50 OURS_FULL_P95 PEER_... (the
      same four)" in ms, details to stderr.
  measure.py stored DATABASE FIRST COUNT
      How many of the members bench-FIRST .. bench-(FIRST+COUNT-1) have their
      final submission in the store (read after the service stopped).
"""
import http.client
import os
import sqlite3
import ssl
import statistics
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from benchservice import nearest_rank  # noqa: E402

ASSETS = ("/r/assets/respondent.css", "/r/assets/respondent.js")


def first_visit(url, context, page):
    """(ttfb ms, full load ms, bytes) of one first visit."""
    target = urllib.parse.urlsplit(url)
    start = time.perf_counter()
    connection = http.client.HTTPSConnection(target.hostname, target.port, context=context,
                                             timeout=30)
    connection.connect()
    total = 0
    ttfb = None
    for path in (page,) + ASSETS:
        connection.request("GET", path, headers={"Accept-Encoding": "identity"})
        response = connection.getresponse()
        if ttfb is None:
            ttfb = time.perf_counter() - start
        body = response.read()
        if response.status != 200:
            raise RuntimeError("GET %s answered %d" % (path.split("/r/")[0] + "/r/...",
                                                       response.status))
        total += len(body)
    full = time.perf_counter() - start
    connection.close()
    return ttfb * 1000, full * 1000, total


def page(ours_url, peer_url, cafile, tokens_file, samples):
    context = ssl.create_default_context(cafile=cafile)
    tokens = open(tokens_file).read().split()[:samples]
    ours, peer = [], []
    for token in tokens:
        peer.append(first_visit(peer_url, context, "/r/page"))
        ours.append(first_visit(ours_url, context, "/r/" + token))
    figures = []
    for name, visits in (("ours", ours), ("nginx", peer)):
        ttfb = [visit[0] for visit in visits]
        full = [visit[1] for visit in visits]
        print("    %s: ttfb median %.1f ms p95 %.1f ms, full load median %.1f ms p95 %.1f ms, "
              "%d bytes, n=%d" % (name, statistics.median(ttfb), nearest_rank(ttfb, 0.95),
                                  statistics.median(full), nearest_rank(full, 0.95),
                                  visits[0][2], len(visits)), file=sys.stderr)
        figures += [statistics.median(ttfb), nearest_rank(ttfb, 0.95), statistics.median(full),
                    nearest_rank(full, 0.95)]
    print(" ".join("%.1f" % figure for figure in figures))


def stored(database, first, count):
    connection = sqlite3.connect("file:%s?mode=ro" % database, uri=True)
    members = ["bench-%06d" % i for i in range(first, first + count)]
    connection.execute("CREATE TEMP TABLE wanted (member_id TEXT PRIMARY KEY)")
    connection.executemany("INSERT INTO wanted VALUES (?)", [(m,) for m in members])
    (answered,) = connection.execute(
        "SELECT COUNT(*) FROM round_targets t JOIN respondents p ON p.id = t.respondent_id "
        "JOIN wanted w ON w.member_id = p.member_id WHERE t.responded_at IS NOT NULL").fetchone()
    print(answered)


if __name__ == "__main__":
    if sys.argv[1] == "page":
        page(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5], int(sys.argv[6]))
    elif sys.argv[1] == "stored":
        stored(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit("usage: see the docstring of %s" % sys.argv[0])

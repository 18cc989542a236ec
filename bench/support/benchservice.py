"""What the benchmarks' measure scripts share: their messages and the FAIL
line, percentiles, engage-server started on a data directory, one keep-alive
HTTPS connection to it, and generated data directories cached under what
made them (so a change to the generator or the code that writes the data is
never measured on data the old code wrote)."""

import glob
import hashlib
import http.client
import json
import math
import os
import shutil
import ssl
import subprocess
import sys
import time
import urllib.parse


def nearest_rank(values, share):
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def source_digest(root, patterns):
    """SHA-256 over the contents of the files the patterns (relative to root)
    name, in the patterns' order, each pattern's files sorted."""
    digest = hashlib.sha256()
    for pattern in patterns:
        for path in sorted(glob.glob(os.path.join(root, pattern))):
            digest.update(open(path, "rb").read())
    return digest.hexdigest()[:12]


class Bench:
    """One benchmark run: `name` as in its last line, `target` as printed there."""

    def __init__(self, name, target, bin_dir, tmp):
        self.name = name
        self.target = target
        self.bin_dir = bin_dir
        self.tmp = tmp

    def say(self, text):
        print(text, file=sys.stderr, flush=True)

    def fail(self, reason):
        self.say("bench %s: %s" % (self.name, reason))
        print("%s: ours=0ms peer=0ms ratio=0 target=%s FAIL" % (self.name, self.target))
        sys.exit(1)

    def start_server(self, data_dir, log_name, arguments=()):
        """engage-server --demo on data_dir: the process and its announcement."""
        log_path = os.path.join(self.tmp, log_name)
        err = open(log_path, "w")
        server = subprocess.Popen([os.path.join(self.bin_dir, "engage-server"), "--demo", *arguments,
                                   "--data-dir", data_dir, "--listen", "127.0.0.1:0"],
                                  stdout=subprocess.PIPE, stderr=err, text=True)
        announcement = json.loads(server.stdout.readline() or "null")
        if not announcement:
            server.wait()
            self.fail("engage-server announced nothing: " + open(log_path).read()[-500:])
        return server, announcement

    def stop_server(self, server):
        server.terminate()
        if server.wait(timeout=60) != 0:
            self.fail("engage-server exited with %d" % server.returncode)

    def cached_data_dir(self, cache_dir, prefix, summary_name, generate, server_arguments=()):
        """The data directory cache_dir/prefix, made first when missing: the
        demo by one start of the service, then `generate(data_dir)`, which
        writes summary_name there last. Returns the directory, the summary
        and the seconds generation took (None when cached). Other
        directories of the same benchmark (older keys, an interrupted
        generation) go."""
        data_dir = os.path.join(cache_dir, prefix)
        summary_file = os.path.join(data_dir, summary_name)
        if os.path.exists(summary_file):
            self.say("cached: %s" % data_dir)
            return data_dir, json.load(open(summary_file)), None
        os.makedirs(cache_dir, exist_ok=True)
        for name in os.listdir(cache_dir):
            if name.startswith(self.name + "-"):
                shutil.rmtree(os.path.join(cache_dir, name))
        os.makedirs(data_dir)
        start = time.perf_counter()
        self.stop_server(self.start_server(data_dir, "first-start.err", server_arguments)[0])
        generate(data_dir)
        return data_dir, json.load(open(summary_file)), time.perf_counter() - start

    def generator_version(self, generator):
        return subprocess.run([os.path.join(self.bin_dir, generator), "--version"], check=True,
                              capture_output=True, text=True).stdout.strip()


class Service:
    """One keep-alive HTTPS connection, as the client keeps one."""

    def __init__(self, bench, url, cafile):
        target = urllib.parse.urlsplit(url)
        context = ssl.create_default_context(cafile=cafile)
        self.bench = bench
        self.connection = http.client.HTTPSConnection(target.hostname, target.port, context=context,
                                                      timeout=120)
        self.token = None

    def call(self, method, path, body=None):
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = "Bearer " + self.token
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body).encode()
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        data = response.read()
        if response.status != 200:
            self.bench.fail("%s %s answered %d: %s" % (method, path.split("?")[0], response.status,
                                                       data[:300]))
        return json.loads(data)

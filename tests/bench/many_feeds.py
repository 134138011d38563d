#!/usr/bin/python3
"""The kiosk against a manifest of many feeds: threads, open files and log lines.

    tests/bench/many_feeds.py BUILD/infotavle [--feeds 1000] [--seconds 40] [--refresh 30] [--feed-kib 4096]

Publishes N small valid feeds and a manifest listing them (one slide each) in a temporary
directory, serves them with tests/fetch_test_server.py, runs the kiosk under SDL's dummy video
driver with an empty cache for the given time, and prints the peak number of threads and file
descriptors (sampled from /proc every 50 ms) and how many lines the kiosk logged. Not run by
ctest: it measures, it does not assert.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "..", "fetch_test_server.py")


def padding(kib):
    """Datasets of 1.000 valid indicators each, about kib KiB of JSON in all."""
    out, size, n = [], 0, 0
    while True:
        ds = {"id": "p%d" % n, "type": "indicators", "title": "Fyld %d" % n,
              "items": [{"id": "i%d" % k, "label": "Indikator nummer %d" % k, "value": k * 1.5,
                         "unit": "personer"} for k in range(1000)]}
        size += len(json.dumps(ds, ensure_ascii=False)) + 1
        if size > kib * 1024 - 4096:  # room for the feed's own keys: stays within the file limit
            return out
        out.append(ds)
        n += 1


def feed(i, pad=()):
    return {
        "format": "infotavle-feed", "version": "1.0", "id": "f%04d" % i,
        "title": "Feed %d" % i, "as_of": "2021-12",
        "source": {"publisher": "KKR Sjælland"},
        "datasets": [{"id": "noegletal", "type": "indicators", "title": "Nøgletal",
                      "items": [{"id": "ledighed", "label": "Ledighed", "value": 2.3, "unit": "%"}]}]
        + list(pad),
    }


def publish(site, n, refresh, kib=0):
    pad = padding(kib) if kib else []
    for i in range(n):
        with open(os.path.join(site, "f%04d.json" % i), "w") as f:
            json.dump(feed(i, pad), f, ensure_ascii=False)
    manifest = {
        "format": "infotavle-manifest", "version": "1.0", "title": "Mange feeds",
        "feeds": [{"id": "f%04d" % i, "url": "f%04d.json" % i, "refresh_s": refresh, "max_age_s": 86400}
                  for i in range(n)],
        "playlist": [{"id": "s%04d" % i, "feed": "f%04d" % i, "dataset": "noegletal", "view": "kpi_tiles",
                      "title": "Slide %d" % i, "duration_s": 10} for i in range(n)],
    }
    with open(os.path.join(site, "manifest.json"), "w") as f:
        json.dump(manifest, f, ensure_ascii=False)


def count(path):
    try:
        return len(os.listdir(path))
    except OSError:
        return 0


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_s(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def threads(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("Threads:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--feeds", type=int, default=1000)
    ap.add_argument("--seconds", type=float, default=40)
    ap.add_argument("--refresh", type=int, default=30)
    ap.add_argument("--feed-kib", type=int, default=0)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        cache = os.path.join(tmp, "cache")
        os.mkdir(site)
        publish(site, args.feeds, args.refresh, args.feed_kib)
        server = subprocess.Popen([sys.executable, SERVER, site], stdout=subprocess.PIPE, text=True)
        port = int(server.stdout.readline().split()[1])
        env = dict(os.environ, SDL_VIDEODRIVER="dummy")
        log_path = os.path.join(tmp, "log")
        with open(log_path, "w") as log:
            kiosk = subprocess.Popen([args.binary, "--size", "800x480", "--cache-dir", cache, "--manifest",
                                      "http://127.0.0.1:%d/site/manifest.json" % port],
                                     stdout=log, stderr=log, env=env)
            peak_threads = peak_fds = peak_rss = 0
            cpu = 0.0
            deadline = time.monotonic() + args.seconds
            while time.monotonic() < deadline and kiosk.poll() is None:
                peak_threads = max(peak_threads, threads(kiosk.pid))
                peak_fds = max(peak_fds, count("/proc/%d/fd" % kiosk.pid))
                peak_rss = max(peak_rss, rss_kb(kiosk.pid))
                cpu = max(cpu, cpu_s(kiosk.pid))
                time.sleep(0.05)
            kiosk.terminate()
            t0 = time.monotonic()
            kiosk.wait()
            stop_s = time.monotonic() - t0
        server.kill()
        server.wait()
        with open(log_path, errors="replace") as f:
            lines = f.read().splitlines()
        cached = len([n for n in os.listdir(cache) if n.endswith(".meta.json")]) if os.path.isdir(cache) else 0
        print("feeds %d, %.0f s: peak threads %d, peak fds %d, log lines %d, cached feeds %d, stop %.2f s, "
              "exit %d" % (args.feeds, args.seconds, peak_threads, peak_fds, len(lines), cached, stop_s,
                           kiosk.returncode))
        print("peak RSS %.1f MB, CPU %.1f s in %.0f s" % (peak_rss / 1024.0, cpu, args.seconds))
        failures = [l for l in lines if "could not connect" in l or "Couldn't connect" in l]
        print("lines naming a failed connection: %d" % len(failures))
        for l in lines[:5]:
            print("  " + l[:160])


if __name__ == "__main__":
    sys.exit(main())

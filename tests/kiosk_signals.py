#!/usr/bin/python3
"""The kiosk process and its signals, end to end (run by ctest):

    tests/kiosk_signals.py BUILD/infotavle [--stop-signal TERM]

1. With 50 feeds that hang (tests/fetch_test_server.py /slow), once the server holds the
   kiosk's transfers, SIGQUIT (or --stop-signal) ends it cleanly, exit 0, within 1 s measured
   from the signal to the process's exit.
2. SIGHUP makes it read the manifest again without a restart: a feed dropped from the served
   manifest disappears from the slides and from the cache.
3. With twelve feeds of 4 MiB that are the worst the parser meets (1,4 million empty objects in
   one array), once the first has been read and refused (the next reads are under way), SIGTERM
   ends it, exit 0, within 1 s: no read job keeps the process waiting.
4. SIGHUP reads the configuration file (--config) again: a changed setting is logged as
   needing a restart, a broken file is named with its line and the kiosk runs on. With stderr
   as the journal stream (JOURNAL_STREAM) the lines carry sd-daemon priorities (<6>, <4>).
   A broken file at start: one line naming file, line and key, exit code 2.

Every wait is for an event (a log line, the server's count, the process's exit) with a deadline.
"""
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "fetch_test_server.py")
BUNDLED = os.path.join(HERE, "..", "feeds", "bundled")
STOP_LIMIT_S = 1.0


def start_server(site):
    server = subprocess.Popen([sys.executable, SERVER, site], stdout=subprocess.PIPE, text=True)
    return server, int(server.stdout.readline().split()[1])


def start_kiosk(binary, manifest_url, cache):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy")
    return subprocess.Popen([binary, "--size", "800x480", "--cache-dir", cache, "--manifest", manifest_url],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


class Log:
    """The kiosk's stderr, read as it comes, with deadlines."""

    def __init__(self, proc):
        self.proc, self.buf, self.lines = proc, b"", []

    def wait_for(self, part, limit_s=20):
        deadline = time.monotonic() + limit_s
        while True:
            for line in self.lines:
                if part in line:
                    return line
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError("no log line with %r within %d s; got:\n%s" % (part, limit_s, "\n".join(self.lines)))
            ready, _, _ = select.select([self.proc.stderr], [], [], left)
            if ready:
                chunk = os.read(self.proc.stderr.fileno(), 65536)
                if not chunk:
                    raise AssertionError("the kiosk ended; log:\n" + "\n".join(self.lines))
                self.buf += chunk
                *done, self.buf = self.buf.split(b"\n")
                self.lines += [l.decode("utf-8", "replace") for l in done]


def stats(port, what="stats"):
    with urllib.request.urlopen("http://127.0.0.1:%d/%s" % (port, what), timeout=5) as r:
        return json.load(r)


def hanging(port):
    return stats(port)["hanging"]


def wait_until_hanging(port, n, limit_s=20):
    deadline = time.monotonic() + limit_s
    while hanging(port) < n:
        if time.monotonic() > deadline:
            raise AssertionError("the server never held %d fetches" % n)
        time.sleep(0.02)  # between looks at the server's count; nothing is timed by it


def stop_with_hanging_fetches(binary, tmp, stop_signal):
    site = os.path.join(tmp, "site-hang")
    os.mkdir(site)
    server, port = start_server(site)
    try:
        write_manifest(site, "Hænger", ["f%02d" % i for i in range(50)],
                       lambda i: "http://127.0.0.1:%d/slow/%d" % (port, i))
        kiosk = start_kiosk(binary, "http://127.0.0.1:%d/site/manifest.json" % port, os.path.join(tmp, "c1"))
        log = Log(kiosk)
        log.wait_for("video")
        wait_until_hanging(port, 6)  # the kiosk fetches at most 6 at a time; all of them hang
        code, took = stop_timed(kiosk, stop_signal, signal.Signals(stop_signal).name)
        print("%s with %d fetches hanging: stopped in %.3f s, exit %d" %
              (signal.Signals(stop_signal).name, hanging(port), took, code))
        assert code == 0, "exit code %d" % code
        assert took < STOP_LIMIT_S, "took %.3f s, more than %.1f s" % (took, STOP_LIMIT_S)
    finally:
        server.kill()
        server.wait()


def write_manifest(site, title, ids, url_of):
    """A manifest of one kpi_tiles slide per feed id, the i-th feed at url_of(i)."""
    feeds = [{"id": fid, "url": url_of(i), "refresh_s": 900} for i, fid in enumerate(ids)]
    playlist = [{"id": "s%02d" % i, "feed": fid, "dataset": "d", "view": "kpi_tiles", "title": "Slide %d" % i}
                for i, fid in enumerate(ids)]
    with open(os.path.join(site, "manifest.json"), "w") as f:
        json.dump({"format": "infotavle-manifest", "version": "1.0", "title": title,
                   "feeds": feeds, "playlist": playlist}, f)


def stop_timed(kiosk, stop_signal, what):
    """Sends stop_signal: the exit code and the seconds the kiosk took to stop."""
    t0 = time.monotonic()
    kiosk.send_signal(stop_signal)
    try:
        code = kiosk.wait(timeout=30)
    except subprocess.TimeoutExpired:
        kiosk.kill()
        raise AssertionError("the kiosk did not stop within 30 s of %s" % what)
    return code, time.monotonic() - t0


def stop(kiosk, server):
    """Ends what a test started, whatever state it was left in."""
    if kiosk and kiosk.poll() is None:
        kiosk.kill()
    server.kill()
    server.wait()


def worst_feed(path, size=4 * 1024 * 1024):
    head = '{"format":"infotavle-feed","version":"1.0","id":"w","title":"W","as_of":"2021-12","x":['
    n = (size - len(head) - 2) // 3
    with open(path, "w") as f:
        f.write(head + ",".join(["{}"] * n) + "]}")


def stop_during_parse(binary, tmp):
    site = os.path.join(tmp, "site-parse")
    os.mkdir(site)
    worst_feed(os.path.join(site, "w00.json"))
    for i in range(1, 12):  # the same 4 MiB under twelve names, without twelve copies on disk
        os.link(os.path.join(site, "w00.json"), os.path.join(site, "w%02d.json" % i))
    server, port = start_server(site)
    kiosk = None
    try:
        write_manifest(site, "Tungt", ["w%02d" % i for i in range(12)], lambda i: "w%02d.json" % i)
        kiosk = start_kiosk(binary, "http://127.0.0.1:%d/site/manifest.json" % port, os.path.join(tmp, "c3"))
        log = Log(kiosk)
        log.wait_for("video")
        # The first feed read and refused: by then the jobs reading the next ones have started
        # (take_reads starts the waiting reads before the results are applied and logged).
        log.wait_for("items, over the limit of 1000", 60)
        code, took = stop_timed(kiosk, signal.SIGTERM, "SIGTERM while parsing")
        print("SIGTERM while reading 4 MiB worst-case feeds (%d sent): stopped in %.3f s, exit %d" %
              (stats(port, "served")["served"], took, code))
        assert code == 0, "exit code %d" % code
        assert took < STOP_LIMIT_S, "took %.3f s, more than %.1f s" % (took, STOP_LIMIT_S)
    finally:
        stop(kiosk, server)


def reload_on_sighup(binary, tmp):
    site = os.path.join(tmp, "site-hup")
    cache = os.path.join(tmp, "c2")
    shutil.copytree(BUNDLED, site)
    server, port = start_server(site)
    kiosk = None
    try:
        manifest_url = "http://127.0.0.1:%d/site/manifest.json" % port
        kiosk = start_kiosk(binary, manifest_url, cache)
        log = Log(kiosk)
        first = log.wait_for("slides from " + manifest_url)
        assert os.path.exists(os.path.join(cache, "business.json"))
        with open(os.path.join(site, "manifest.json")) as f:
            manifest = json.load(f)
        manifest["feeds"] = [f for f in manifest["feeds"] if f["id"] != "business"]
        manifest["playlist"] = [s for s in manifest["playlist"] if s["feed"] != "business"]
        with open(os.path.join(site, "manifest.json"), "w") as f:
            json.dump(manifest, f, ensure_ascii=False)
        kiosk.send_signal(signal.SIGHUP)
        log.wait_for("SIGHUP: reading the manifest again from " + manifest_url)
        log.wait_for("removed the cached copies of 1 feeds the manifest no longer lists: business")
        after = log.wait_for("showing %d slides from" % len(manifest["playlist"]))
        print("SIGHUP: %r -> %r" % (first, after))
        assert not os.path.exists(os.path.join(cache, "business.json"))
        assert kiosk.poll() is None, "SIGHUP ended the kiosk"
        kiosk.send_signal(signal.SIGTERM)
        assert kiosk.wait(timeout=10) == 0
    finally:
        stop(kiosk, server)


def config_reload_and_priorities(binary, tmp):
    conf = os.path.join(tmp, "screen.conf")
    with open(conf, "w") as f:
        f.write('screen_name = "Forhal"\n')
    r, w = os.pipe()
    st = os.fstat(w)
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", JOURNAL_STREAM="%d:%d" % (st.st_dev, st.st_ino))
    kiosk = subprocess.Popen([binary, "--size", "800x480", "--config", conf], stdout=subprocess.DEVNULL,
                             stderr=w, env=env)
    os.close(w)
    kiosk.stderr = os.fdopen(r, "rb")
    try:
        log = Log(kiosk)
        video = log.wait_for(" video, ")
        assert video.startswith("<6>infotavle: "), video
        screen = log.wait_for("infotavle: screen ")
        assert screen.startswith("<6>") and "(Forhal)" in screen and conf in screen, screen
        with open(conf, "w") as f:
            f.write('screen_name = "Forhal"\nrotate = 90\n')
        kiosk.send_signal(signal.SIGHUP)
        changed = log.wait_for("rotate changed")
        assert changed == "<4>infotavle: SIGHUP: %s: rotate changed: it takes effect after a restart " \
                          "(systemctl restart infotavle)" % conf, changed
        with open(conf, "w") as f:
            f.write('rotat = 90\n')
        kiosk.send_signal(signal.SIGHUP)
        broken = log.wait_for('unknown key "rotat"')
        assert broken.startswith("<4>infotavle: SIGHUP: %s:1: " % conf), broken
        assert broken.endswith("(the running configuration stays)"), broken
        assert kiosk.poll() is None, "a broken file on SIGHUP ended the kiosk"
        kiosk.send_signal(signal.SIGTERM)
        assert kiosk.wait(timeout=10) == 0
        assert log.wait_for("stopping").startswith("<6>infotavle: ")
        print("SIGHUP re-read %s: %r; %r" % (conf, changed, broken))
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
        kiosk.stderr.close()
    start = subprocess.run([binary, "--config", conf, "--size", "800x480"], capture_output=True, text=True,
                           env=dict(os.environ, SDL_VIDEODRIVER="dummy"), timeout=30)
    assert start.returncode == 2, start
    assert start.stderr == 'infotavle: %s:1: unknown key "rotat" (infotavle --print-config lists the keys)\n' \
        % conf, start.stderr


def main():
    binary = sys.argv[1]
    stop_signal = signal.SIGQUIT
    if "--stop-signal" in sys.argv:
        stop_signal = getattr(signal, "SIG" + sys.argv[sys.argv.index("--stop-signal") + 1])
    with tempfile.TemporaryDirectory() as tmp:
        stop_with_hanging_fetches(binary, tmp, stop_signal)
        if "--stop-only" not in sys.argv:
            stop_during_parse(binary, tmp)
            reload_on_sighup(binary, tmp)
            config_reload_and_priorities(binary, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())

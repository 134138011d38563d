#!/usr/bin/python3
"""The status outlets of a headless kiosk, end to end (run by ctest):

    tests/status_outlets.py BUILD/infotavle

1. The kiosk (SDL_VIDEODRIVER=dummy, NOTIFY_SOCKET pointing at a socket of the test's, so its
   sd_notify STATUS= line is read as systemd would, the bundled feeds as local files, slides of 3 s) writes
   --status-file (JSON) and --metrics-file; the metrics pass `promtool check metrics`
   (Debian's prometheus) and a real prometheus-node-exporter on 127.0.0.1 serves them
   (scraped with curl).
2. SIGUSR1 writes screenshot.png (at most 640 px wide) next to the status file.
3. The heartbeat reaches tests/fetch_test_server.py with the status JSON and a screenshot.
4. A heartbeat server that hangs leaves the screen unaffected: the slides go on turning.

Every wait is for an event (a file, a log line, an answer) with a deadline; ports are free
ones the system picks; every process started here is stopped here.
"""
import json
import os
import re
import select
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "fetch_test_server.py")
BUNDLED = os.path.join(HERE, "..", "feeds", "bundled")
NODE_EXPORTER = "/usr/bin/prometheus-node-exporter"
PROMTOOL = "/usr/bin/promtool"


def wait_until(what, check, limit_s=30):
    deadline = time.monotonic() + limit_s
    while True:
        got = check()
        if got:
            return got
        if time.monotonic() > deadline:
            raise AssertionError("no %s within %d s" % (what, limit_s))
        time.sleep(0.05)  # between looks; nothing is timed by it


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_json(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None  # not there yet (a partial file would fail the test: see below)


class Log:
    """The kiosk's stderr, read as it comes."""

    def __init__(self, proc):
        self.proc, self.buf, self.lines = proc, b"", []

    def pump(self):
        while select.select([self.proc.stderr], [], [], 0)[0]:
            chunk = os.read(self.proc.stderr.fileno(), 65536)
            if not chunk:
                break
            self.buf += chunk
            *done, self.buf = self.buf.split(b"\n")
            self.lines += [l.decode("utf-8", "replace") for l in done]

    def has(self, part):
        self.pump()
        return next((l for l in self.lines if part in l), None)


def start_kiosk(binary, tmp, site, extra, notify_socket=None):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy")
    for name in ("RUNTIME_DIRECTORY", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"):
        env.pop(name, None)
    if notify_socket:
        env["NOTIFY_SOCKET"] = notify_socket
    cmd = [binary, "--size", "800x480", "--cache-dir", os.path.join(tmp, "cache"),
           "--manifest", os.path.join(site, "manifest.json"), "--screen-id", "test-screen",
           "--screen-name", "Foyer", "--location", "Rådhuset"] + extra
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)


def stop(proc):
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            return proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            raise AssertionError("did not stop within 10 s of SIGTERM")
    return proc.returncode


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


def check_metrics(metrics, textfile_dir):
    lint = subprocess.run([PROMTOOL, "check", "metrics"], input=open(metrics, "rb").read(),
                          capture_output=True, timeout=30)
    assert lint.returncode == 0, "promtool check metrics:\n" + (lint.stdout + lint.stderr).decode()
    port = free_port()
    exporter = subprocess.Popen([NODE_EXPORTER, "--web.listen-address=127.0.0.1:%d" % port,
                                 "--collector.disable-defaults", "--collector.textfile",
                                 "--collector.textfile.directory=" + textfile_dir],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        def scrape():
            r = subprocess.run(["curl", "-sf", "--max-time", "5", "http://127.0.0.1:%d/metrics" % port],
                               capture_output=True, timeout=10)
            return r.stdout.decode() if r.returncode == 0 else None
        text = wait_until("node_exporter's answer", scrape)
        for want in ['infotavle_build_info{location="Rådhuset",name="Foyer",screen="test-screen",version="',
                     'infotavle_feed_age_seconds{feed="employment"}',
                     'infotavle_feed_failures_total{feed="transport"} 0',
                     'node_textfile_scrape_error 0']:
            assert want in text, "node_exporter's /metrics lacks %r:\n%s" % (want, text)
        print("node_exporter on 127.0.0.1:%d serves %d infotavle lines" %
              (port, sum(1 for l in text.splitlines() if l.startswith("infotavle_"))))
    finally:
        exporter.terminate()
        exporter.wait(timeout=10)


def outlets(binary, tmp, site, port):
    run_dir, textfile_dir = os.path.join(tmp, "run"), os.path.join(tmp, "textfile")
    os.mkdir(run_dir)
    os.mkdir(textfile_dir)
    status, metrics = os.path.join(run_dir, "status.json"), os.path.join(textfile_dir, "infotavle.prom")
    notify_path = os.path.join(tmp, "notify")
    notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    notify.bind(notify_path)
    kiosk = start_kiosk(binary, tmp, site, [
        "--status-file", status, "--metrics-file", metrics, "--heartbeat-url",
        "http://127.0.0.1:%d/beat" % port, "--heartbeat-s", "2", "--screenshot-s", "1"], notify_path)
    log = Log(kiosk)
    try:
        said = []

        def status_line():
            while select.select([notify], [], [], 0)[0]:
                said.extend(notify.recv(4096).decode().splitlines())
            return next((l for l in said if l.startswith("STATUS=") and " · slide " in l), None)
        line = wait_until("sd_notify STATUS= with the slide", status_line)
        assert re.fullmatch(r"STATUS=3/3 feeds ok · manifest \d+ s · slide \d+/26", line), line
        assert "READY=1" in said, said
        print("sd_notify: " + line)
        first = wait_until("status.json with a slide on screen",
                           lambda: (lambda j: j if j and j["slide"]["n"] > 0 and j["frame"]["hash"] else None)(
                               read_json(status)))
        assert first["screen"] == {"id": "test-screen", "name": "Foyer", "location": "Rådhuset"}
        assert [f["id"] for f in first["feeds"]] == ["employment", "transport", "business"], first
        assert all(f["as_of"] for f in first["feeds"])
        wait_until("the metrics file", lambda: os.path.exists(metrics))
        check_metrics(metrics, textfile_dir)
        moved = wait_until("a new slide in status.json",
                           lambda: (lambda j: j if j and j["slide"]["id"] != first["slide"]["id"] else None)(
                               read_json(status)))
        assert moved["frame"]["hash"] != first["frame"]["hash"], "the frame hash did not follow the slide"

        shot = os.path.join(run_dir, "screenshot.png")
        if os.path.exists(shot):
            os.unlink(shot)
        kiosk.send_signal(signal.SIGUSR1)
        wait_until("SIGUSR1's log line", lambda: log.has("SIGUSR1: wrote " + shot))
        w, h = png_size(shot)
        assert w <= 640 and (w, h) == (640, 384), "screenshot is %dx%d" % (w, h)

        def beats():
            with urllib.request.urlopen("http://127.0.0.1:%d/beats" % port, timeout=5) as r:
                got = json.load(r)
            kinds = {b["type"] for b in got}
            return got if {"application/json", "image/png"} <= kinds else None
        got = wait_until("a heartbeat with a screenshot", beats)
        record = json.loads(next(b["body"] for b in got if b["type"] == "application/json"))
        assert record["screen"]["id"] == "test-screen"
        print("heartbeat: %d POSTs, JSON %d bytes, PNG %d bytes" %
              (len(got), len(next(b["body"] for b in got if b["body"]).encode()),
               next(b["bytes"] for b in got if b["type"] == "image/png")))
        assert stop(kiosk) == 0
        log.pump()
        print("\n".join(log.lines))
        assert log.has("took new data as of"), "no accepted-update line in the log"
    finally:
        notify.close()
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()


def hanging_heartbeat(binary, tmp, site, port):
    status = os.path.join(tmp, "run2", "status.json")
    os.mkdir(os.path.dirname(status))
    kiosk = start_kiosk(binary, tmp, site, ["--status-file", status, "--heartbeat-url",
                                            "http://127.0.0.1:%d/slow/beat" % port, "--heartbeat-s", "1"])
    try:
        def hanging():
            with urllib.request.urlopen("http://127.0.0.1:%d/stats" % port, timeout=5) as r:
                return json.load(r)["hanging"] > 0
        wait_until("the heartbeat hanging on the server", hanging)
        first = wait_until("status.json", lambda: read_json(status))
        wait_until("a new slide while the heartbeat hangs",
                   lambda: (lambda j: j and j["slide"]["id"] != first["slide"]["id"])(read_json(status)))
        print("heartbeat hanging: the slides went on turning")
        assert stop(kiosk) == 0
    finally:
        if kiosk.poll() is None:
            kiosk.kill()
            kiosk.wait()


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        shutil.copytree(BUNDLED, site)
        with open(os.path.join(site, "manifest.json")) as f:
            manifest = json.load(f)
        for s in manifest["playlist"]:
            s["duration_s"] = 3  # the shortest allowed: slides that turn within the test's patience
        with open(os.path.join(site, "manifest.json"), "w") as f:
            json.dump(manifest, f, ensure_ascii=False)
        server = subprocess.Popen([sys.executable, SERVER], stdout=subprocess.PIPE, text=True)
        try:
            port = int(server.stdout.readline().split()[1])
            outlets(binary, tmp, site, port)
            hanging_heartbeat(binary, tmp, site, port)
        finally:
            server.kill()
            server.wait()
    return 0


if __name__ == "__main__":
    sys.exit(main())

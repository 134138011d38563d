#!/usr/bin/python3
"""Signed publishing end to end (run by ctest):

    tests/publish_nginx.py BUILD/infotavle SOURCE_DIR

`infotavle --publish` output (signed with tests/fixtures/minisign/test.key) served by a real
nginx (Debian's nginx-light) on 127.0.0.1, with the configuration README "Publishing" gives
(tests/nginx_conf.py writes it, in a temp prefix, one process, no root needed). A headless
kiosk trusting test.pub fetches each feed once; the manifest then gets 304s (nginx's access
log). Then the attacks: a tampered feed, a feed served under the wrong hash name, a rollback to
an older signed manifest, an unsigned manifest. Each is refused with the reason in the log and
the status record, the last good data stays on screen, and nothing refused reaches the cache.

Every wait is for an event (a file, a log line) with a deadline; SIGHUP makes the kiosk read
the manifest again now. Every process started here is stopped here.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nginx_conf import access, start_nginx, stop_nginx  # noqa: E402
from status_outlets import Log, free_port, read_json, stop, wait_until  # noqa: E402

def publish(binary, src, out, key):
    r = subprocess.run([binary, "--publish", src, out, "--key", key], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    return json.load(open(os.path.join(out, "manifest.json")))


def snapshot(out):
    return {n: open(os.path.join(out, n), "rb").read() for n in ("manifest.json", "manifest.json.minisig")}


def restore(out, files):
    for name, data in files.items():
        path = os.path.join(out, name)
        before = os.stat(path).st_mtime if os.path.exists(path) else 0
        with open(path, "wb") as f:
            f.write(data)
        # nginx answers If-Modified-Since and If-None-Match ("mtime-size") by whole seconds: old
        # bytes of the same size put back within the second the kiosk fetched the file would be
        # answered 304. `--publish` dates its manifest after the old one for the same reason.
        t = max(time.time(), int(before) + 1)
        os.utime(path, (t, t))


def main():
    binary, source = sys.argv[1], sys.argv[2]
    fixtures = os.path.join(source, "tests", "fixtures")
    key = os.path.join(fixtures, "minisign", "test.key")
    pub = os.path.join(fixtures, "minisign", "test.pub")
    tmp = tempfile.mkdtemp(prefix="infotavle-publish-")
    nginx = kiosk = None
    try:
        src, out, prefix = (os.path.join(tmp, d) for d in ("src", "out", "nginx"))
        os.makedirs(src)
        os.makedirs(prefix)
        for name in ("manifest.json", "employment.json", "infrastructure.json"):
            shutil.copy(os.path.join(fixtures, "feeds", "good", name), src)
        first = publish(binary, src, out, key)
        first_files = snapshot(out)
        port = free_port()
        nginx = start_nginx(prefix, out, port)
        status = os.path.join(tmp, "status.json")
        cache = os.path.join(tmp, "cache")
        env = dict(os.environ, SDL_VIDEODRIVER="dummy")
        for name in ("RUNTIME_DIRECTORY", "NOTIFY_SOCKET", "WATCHDOG_USEC", "WATCHDOG_PID"):
            env.pop(name, None)
        kiosk = subprocess.Popen(
            [binary, "--size", "800x480", "--cache-dir", cache, "--trusted-key", pub, "--status-file", status,
             "--manifest", "http://127.0.0.1:%d/manifest.json" % port],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        log = Log(kiosk)

        def feeds_held():
            s = read_json(status)
            return s and s["feeds"] and all(f["last_good_at"] for f in s["feeds"]) and s

        held = wait_until("both feeds held", feeds_held)
        assert held["manifest"]["signature"] == "signed by key 1AE71ACD881E014C", held["manifest"]
        employment_cached = open(os.path.join(cache, "employment.json"), "rb").read()

        def hup_until(what, check):
            # A SIGHUP that arrives while the previous fetch is still being applied is overtaken
            # by that fetch's schedule, so it is sent again until the answer shows (bounded).
            for _ in range(6):
                kiosk.send_signal(signal.SIGHUP)
                try:
                    return wait_until(what, check, 5)
                except AssertionError:
                    pass
            raise AssertionError("no %s after 6 SIGHUPs" % what)

        def manifest_304s(n):
            hup_until("%d manifest 304s" % n,
                      lambda: sum(1 for p, c in access(prefix) if p == "/manifest.json" and c == 304) >= n)

        manifest_304s(1)
        manifest_304s(2)
        reqs = access(prefix)
        for ref in first["feeds"]:
            got = [c for p, c in reqs if p == "/" + ref["url"]]
            assert got == [200], (ref["url"], got)
        assert [c for p, c in reqs if p == "/manifest.json"][0] == 200
        print("ok: feeds fetched once each, manifest 304s:", reqs)

        def refused(what, part):
            line = hup_until(what + " refused in the log", lambda: log.has(part))
            s = read_json(status)
            assert s["slide"]["id"], s["slide"]  # the last good data is still on screen
            assert all(f["last_good_at"] for f in s["feeds"]), s["feeds"]
            assert open(os.path.join(cache, "employment.json"), "rb").read() == employment_cached
            print("ok:", what, "->", line)
            return s

        # A tampered manifest (its old signature kept), then an unsigned one.
        with open(os.path.join(out, "manifest.json"), "ab") as f:
            f.write(b" ")
        s = refused("a tampered manifest", "manifest.json.minisig: signature does not match")
        assert s["manifest"]["signature"].startswith("refused: "), s["manifest"]
        os.remove(os.path.join(out, "manifest.json.minisig"))
        refused("an unsigned manifest", "unsigned (no manifest.json.minisig)")

        # A newer signed manifest whose employment feed is tampered (one byte), then one whose
        # feed is served under the wrong hash name (another valid feed's bytes).
        with open(os.path.join(src, "employment.json")) as f:
            text = f.read()
        with open(os.path.join(src, "employment.json"), "w") as f:
            f.write(text.replace("Ledighed", "Ledigheden", 1))
        second = publish(binary, src, out, key)
        name = os.path.join(out, second["feeds"][0]["url"])
        good = open(name, "rb").read()
        with open(name, "wb") as f:
            f.write(good.replace(b"Ledigheden", b"LedighedeN", 1))
        refused("a tampered feed", "feed employment (%s): sha256 differs from the manifest's"
                % os.path.basename(name))
        with open(name, "wb") as f:
            f.write(open(os.path.join(out, first["feeds"][0]["url"]), "rb").read())
        refused("a feed under the wrong hash name", "bytes, but the manifest says")

        # The first signed manifest again, after the second was accepted: a rollback.
        restore(out, first_files)
        refused("a rollback", "is lower than %d" % second["serial"])
        assert kiosk.poll() is None
        print("all ok")
    finally:
        if kiosk:
            stop(kiosk)
        stop_nginx(nginx)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

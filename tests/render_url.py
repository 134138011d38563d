#!/usr/bin/python3
"""--render from an http manifest fails when the screen would not show what was published
(run by ctest):

    tests/render_url.py BUILD/infotavle

Against tests/fetch_test_server.py serving a folder (/site/<name>):
1. A good manifest and feed: exit 0, the slide's PNG written.
2. The feed broken (a decimal comma) just after, with the cache of step 1 holding a good copy
   not yet due for a fetch: --render fetches it all the same (the data of this moment), exits 1
   and names the feed; the cached good copy is what the PNG shows.
3. The feed missing (404), with the same warm cache: exit 1 naming the feed.
4. A dead URL and no cache: exit 1, saying the bundled slides are shown instead.

Steps 1-3 share one cache; the server's port is one the system picks.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "fetch_test_server.py")

FEED = {
    "format": "infotavle-feed", "version": "1.0", "id": "koege", "title": "Køge i tal",
    "as_of": "2022-03", "source": {"publisher": "Køge Kommune"},
    "datasets": [{"id": "noegletal", "type": "indicators", "title": "Nøgletal",
                  "items": [{"id": "ledighed", "label": "Ledighed", "value": 2.3, "unit": "%"}]}],
}
MANIFEST = {
    "format": "infotavle-manifest", "version": "1.0", "title": "Køge Rådhus",
    "feeds": [{"id": "koege", "url": "feed.json"}],
    "playlist": [{"id": "ledighed", "feed": "koege", "dataset": "noegletal", "view": "kpi_tiles",
                  "title": "Ledigheden er lav"}],
}


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def render(binary, url, out, cache):
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", CACHE_DIRECTORY=cache, HOME=cache)
    env.pop("XDG_CACHE_HOME", None)
    cmd = [binary, "--manifest", url, "--render", out, "--size", "800x480", "--now", "2022-05-03T10:15"]
    p = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stderr


def expect(what, got_rc, log, rc, *fragments):
    if got_rc != rc:
        raise AssertionError("%s: exit %d, expected %d\n%s" % (what, got_rc, rc, log))
    for f in fragments:
        if f not in log:
            raise AssertionError("%s: %r not in the log\n%s" % (what, f, log))
    print("ok: %s" % what)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        site = os.path.join(tmp, "site")
        os.mkdir(site)
        write(os.path.join(site, "manifest.json"), json.dumps(MANIFEST, ensure_ascii=False))
        write(os.path.join(site, "feed.json"), json.dumps(FEED, ensure_ascii=False))
        server = subprocess.Popen([sys.executable, SERVER, site], stdout=subprocess.PIPE, text=True)
        try:
            port = int(server.stdout.readline().split()[1])
            url = "http://127.0.0.1:%d/site/manifest.json" % port
            cache = os.path.join(tmp, "cache")
            rc, log = render(binary, url, os.path.join(tmp, "good"), cache)
            expect("a good manifest and feed", rc, log, 0)
            if not os.path.isfile(os.path.join(tmp, "good", "01-ledighed.png")):
                raise AssertionError("no 01-ledighed.png\n" + log)

            broken = json.dumps(FEED, ensure_ascii=False).replace('"value": 2.3', '"value": 2,3')
            write(os.path.join(site, "feed.json"), broken)
            rc, log = render(binary, url, os.path.join(tmp, "broken"), cache)
            expect("a refused feed", rc, log, 1, "koege", "decimal comma")

            os.remove(os.path.join(site, "feed.json"))
            rc, log = render(binary, url, os.path.join(tmp, "missing"), cache)
            expect("a missing feed, a cached copy", rc, log, 1, "koege", "404")
        finally:
            server.kill()
            server.wait()
        dead = "http://127.0.0.1:%d/manifest.json" % free_port()
        rc, log = render(binary, dead, os.path.join(tmp, "dead"), os.path.join(tmp, "cache3"))
        expect("a dead URL, no cache", rc, log, 1, "showing the bundled slides")
    return 0


if __name__ == "__main__":
    sys.exit(main())

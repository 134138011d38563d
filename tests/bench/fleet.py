#!/usr/bin/python3
"""Fleet benchmark runner (not in ctest):

    tests/bench/fleet.py BUILD_DIR [ENGINES] [SECONDS] [REFRESH_S]

Publishes tests/fixtures/feeds/good with every refresh_s set to REFRESH_S (default 60), signed
with the test key, serves it with nginx (the README configuration, tests/nginx_conf.py) and
runs BUILD_DIR/infotavle_fleet_bench against it; prints its report and nginx's 304 share.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from nginx_conf import access, start_nginx, stop_nginx  # noqa: E402
from publish_nginx import publish  # noqa: E402
from status_outlets import free_port  # noqa: E402


def main():
    build = sys.argv[1]
    engines = sys.argv[2] if len(sys.argv) > 2 else "200"
    seconds = sys.argv[3] if len(sys.argv) > 3 else "1800"
    refresh = int(sys.argv[4]) if len(sys.argv) > 4 else 60
    fixtures = os.path.join(HERE, "..", "fixtures")
    tmp = tempfile.mkdtemp(prefix="infotavle-fleet-")
    nginx = None
    try:
        src, out, prefix = (os.path.join(tmp, d) for d in ("src", "out", "nginx"))
        os.makedirs(src)
        os.makedirs(prefix)
        for name in ("employment.json", "infrastructure.json"):
            shutil.copy(os.path.join(fixtures, "feeds", "good", name), src)
        m = json.load(open(os.path.join(fixtures, "feeds", "good", "manifest.json")))
        for f in m["feeds"]:
            f["refresh_s"], f["max_age_s"] = refresh, max(refresh, 604800)
        json.dump(m, open(os.path.join(src, "manifest.json"), "w"), ensure_ascii=False, indent=2)
        publish(os.path.join(build, "infotavle"), src, out, os.path.join(fixtures, "minisign", "test.key"))
        port = free_port()
        nginx = start_nginx(prefix, out, port)
        subprocess.run([os.path.join(build, "infotavle_fleet_bench"), "http://127.0.0.1:%d/manifest.json" % port,
                        os.path.join(fixtures, "minisign", "test.pub"), engines, seconds], check=True)
        log = access(prefix)
        n304 = sum(1 for _, c in log if c == 304)
        print("nginx: %d requests, %d answered 304 (%.1f %%)" % (len(log), n304, 100.0 * n304 / max(1, len(log))))
    finally:
        stop_nginx(nginx)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

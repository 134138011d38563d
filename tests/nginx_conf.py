"""The nginx that serves published feeds in the tests (tests/publish_nginx.py, run by ctest) and
the fleet benchmark (tests/bench/fleet.py): the configuration README "Publishing" gives, written
into a temp prefix and run as one process, no root needed. Debian's nginx-light.
"""
import os
import signal
import subprocess

from status_outlets import wait_until

NGINX_CONF = """
daemon off;
master_process off;
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log {prefix}/access.log;
    client_body_temp_path {prefix}/body;
    proxy_temp_path {prefix}/proxy;
    fastcgi_temp_path {prefix}/fastcgi;
    uwsgi_temp_path {prefix}/uwsgi;
    scgi_temp_path {prefix}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        etag on;
        gzip on;
        gzip_types application/json;
        location = /manifest.json {{
            add_header Cache-Control "public, max-age=60, stale-if-error=86400";
        }}
        location = /manifest.json.minisig {{
            add_header Cache-Control "public, max-age=60, stale-if-error=86400";
        }}
        location /feeds/ {{
            add_header Cache-Control "public, max-age=31536000, immutable";
        }}
    }}
}}
"""


def start_nginx(prefix, root, port):
    conf = os.path.join(prefix, "nginx.conf")
    with open(conf, "w") as f:
        f.write(NGINX_CONF.format(prefix=prefix, root=root, port=port))
    proc = subprocess.Popen(["/usr/sbin/nginx", "-p", prefix, "-c", conf], stderr=subprocess.PIPE)
    wait_until("nginx listening", lambda: os.path.exists(os.path.join(prefix, "nginx.pid")))
    return proc


def access(prefix):
    """(path, status) of every request nginx logged."""
    out = []
    with open(os.path.join(prefix, "access.log")) as f:
        for line in f:
            request = line.split('"')[1].split()
            status = line.split('"')[2].split()[0]
            out.append((request[1], int(status)))
    return out


def stop_nginx(proc):
    """Stops an nginx from start_nginx (None or one already gone: nothing to do)."""
    if proc and proc.poll() is None:
        proc.send_signal(signal.SIGQUIT)
        proc.wait(timeout=10)

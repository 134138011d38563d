#!/usr/bin/python3
"""A tiny HTTP server for tests/test_fetch.cpp. Loopback only, ephemeral port.

Prints "PORT <n>" on stdout once it is listening (the test waits for that line, never sleeps),
then serves until killed. Arguments: [DIR] [--tls CERT KEY] (with --tls it speaks https only).
Paths:
  /feed.json          200 with a small valid feed, ETag "v1" and Last-Modified; 304 when the
                      request's If-None-Match is "v1" or If-Modified-Since equals Last-Modified
  /status/<code>      that status with a short body
  /big/<n>            200 with n bytes and a Content-Length
  /stream/<n>         200 with n bytes, chunked (no Content-Length): only the reader can stop it
  /slow[/<any>]       headers, then nothing for 60 s (the client must time out or cancel)
  /stats              {"hanging": number of /slow requests waiting now}
  /served             {"served": number of /site bodies sent in full so far}
  /drip/<n>/<ms>      200 with n bytes and a Content-Length, one byte every <ms> milliseconds
  /odd-validators     200 with the feed, and an ETag and Last-Modified holding byte 0xFF
  /retry/<code>/<v>   that status with "Retry-After: <v>" (v URL-decoded)
  /to/<url>           302 to <url> (URL-decoded)
  /redirect/<k>       302 to /redirect/<k-1>, and /redirect/0 redirects to /feed.json
  /headers            200, the request's headers as JSON
  POST /beat          204; the POST is kept (its Content-Type, size, and body if text)
  GET /beats          the POSTs kept, as a JSON list of {"type", "bytes", "body"}
  POST to any other path answers as GET would (/status/500, /slow, /to/<url>, ...)
  /site/<name>        with a directory argument (fetch_test_server.py DIR): the file DIR/<name>,
                      ETag from its content (304 on a match); while DIR/STATUS exists, every
                      /site request answers with the status code it holds (503: service down)
"""
import hashlib
import json
import os
import ssl
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FEED = json.dumps({
    "format": "infotavle-feed", "version": "1.0", "id": "employment",
    "title": "Beskæftigelse i Region Sjælland", "as_of": "2021-12",
    "source": {"publisher": "KKR Sjælland"},
    "datasets": [{"id": "noegletal", "type": "indicators", "title": "Nøgletal",
                  "items": [{"id": "ledighed", "label": "Ledighed", "value": 2.3, "unit": "%"}]}],
}, ensure_ascii=False).encode("utf-8")
ETAG = '"v1"'
LAST_MODIFIED = "Tue, 03 May 2022 10:00:00 GMT"
HANGING = [0]
SERVED = [0]
HANGING_LOCK = threading.Lock()
BEATS = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep the test output clean
        pass

    def send(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path != "/beat":
            return self.do_GET()
        kind = self.headers.get("Content-Type", "")
        with HANGING_LOCK:
            BEATS.append({"type": kind, "bytes": len(body),
                          "body": body.decode("utf-8", "replace") if kind == "application/json" else None})
        self.send(204)

    def do_GET(self):
        parts = self.path.strip("/").split("/")
        try:
            if self.path == "/beats":
                with HANGING_LOCK:
                    self.send(200, json.dumps(BEATS).encode())
            elif self.path == "/feed.json":
                self.feed()
            elif parts[0] == "status":
                self.send(int(parts[1]), b"service says no\n")
            elif parts[0] == "big":
                self.send(200, b"x" * int(parts[1]))
            elif parts[0] == "stream":
                self.stream(int(parts[1]))
            elif parts[0] == "slow":
                self.send_response(200)
                self.send_header("Content-Length", "10")
                self.end_headers()
                self.wfile.flush()
                with HANGING_LOCK:
                    HANGING[0] += 1
                try:
                    time.sleep(60)
                finally:
                    with HANGING_LOCK:
                        HANGING[0] -= 1
            elif parts[0] == "stats":
                with HANGING_LOCK:
                    self.send(200, json.dumps({"hanging": HANGING[0]}).encode())
            elif parts[0] == "served":
                with HANGING_LOCK:
                    self.send(200, json.dumps({"served": SERVED[0]}).encode())
            elif parts[0] == "drip":
                self.drip(int(parts[1]), int(parts[2]))
            elif parts[0] == "odd-validators":
                # send_header encodes as Latin-1: "\xff" goes out as the byte 0xFF.
                self.send(200, FEED, [("ETag", '"v\xff1"'), ("Last-Modified", "Tue, 03 May 2022 \xff GMT")])
            elif parts[0] == "retry":
                self.send(int(parts[1]), b"later\n", [("Retry-After", urllib.parse.unquote(parts[2]))])
            elif parts[0] == "to":
                target = urllib.parse.unquote(self.path[len("/to/"):])
                self.send(302, b"", [("Location", target)])
            elif parts[0] == "redirect":
                k = int(parts[1])
                target = "/feed.json" if k == 0 else "/redirect/%d" % (k - 1)
                self.send(302, b"", [("Location", target)])
            elif parts[0] == "site" and SITE_DIR:
                self.site(parts[1])
            elif parts[0] == "headers":
                self.send(200, json.dumps(dict(self.headers.items())).encode())
            else:
                self.send(404, b"not found\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as the size-limit and cancel tests make it

    def feed(self):
        if self.headers.get("If-None-Match") == ETAG or self.headers.get("If-Modified-Since") == LAST_MODIFIED:
            self.send_response(304)
            self.send_header("ETag", ETAG)
            self.end_headers()
            return
        self.send(200, FEED, [("ETag", ETAG), ("Last-Modified", LAST_MODIFIED), ("Content-Type", "application/json")])

    def site(self, name):
        status_file = os.path.join(SITE_DIR, "STATUS")
        if os.path.exists(status_file):
            with open(status_file) as f:
                self.send(int(f.read().strip()), b"service says no\n")
            return
        path = os.path.join(SITE_DIR, os.path.basename(name))
        if not os.path.isfile(path):
            self.send(404, b"not found\n")
            return
        with open(path, "rb") as f:
            body = f.read()
        etag = '"%s"' % hashlib.sha1(body).hexdigest()
        extra = []
        if os.path.exists(os.path.join(SITE_DIR, "ODD_VALIDATORS")):  # byte 0xFF in both validators
            etag = '"\xff%s"' % etag[1:-1]
            extra = [("Last-Modified", "Tue, 03 May 2022 \xff GMT")]
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send(200, body, [("ETag", etag), ("Content-Type", "application/json")] + extra)
        self.wfile.flush()
        with HANGING_LOCK:
            SERVED[0] += 1

    def drip(self, n, ms):
        self.send_response(200)
        self.send_header("Content-Length", str(n))
        self.end_headers()
        for _ in range(n):
            self.wfile.write(b"z")
            self.wfile.flush()
            time.sleep(ms / 1000.0)

    def stream(self, n):
        self.send_response(200)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"y" * 65536
        while n > 0:
            part = chunk[: min(n, len(chunk))]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part))
            n -= len(part)
        self.wfile.write(b"0\r\n\r\n")


ARGS = sys.argv[1:]
TLS = None
if "--tls" in ARGS:
    i = ARGS.index("--tls")
    TLS = ARGS[i + 1: i + 3]
    del ARGS[i: i + 3]
SITE_DIR = ARGS[0] if ARGS else None


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 1024  # many feeds at once: refuse no connection

    def get_request(self):
        sock, addr = super().get_request()
        if TLS:  # the handshake in the request's thread, so one slow client holds up no other
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(TLS[0], TLS[1])
            sock = ctx.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return sock, addr

    def handle_error(self, request, client_address):
        pass  # a client refusing the certificate, or hanging up: what the tests make them do


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print("PORT %d" % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    sys.exit(main())

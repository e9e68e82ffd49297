#!/usr/bin/env python3
"""Hostile clients against a live `kb serve` on loopback (scripts/fuzz.sh, `make fuzz`).

Two parts, both bounded in requests and time, both against 127.0.0.1 only:

  repro   the reproductions of issue 17, one by one, each printing what it measured
          and whether the answer is right (a long path value, 60 KB suggest queries
          and the RSS they leave, half-sent heads, invalid chunked encoding, a client
          leaving mid-body, hostile answer variables, '+' in queries, Host, HTTP/1.0,
          a non-UTF-8 JSON body); SIGHUP bursts and --watch need the script's control
          of the process and are in fuzz.sh
  fuzz    REQUESTS hostile requests (fuzzed queries, malformed HTTP, hostile bodies)
          from WORKERS processes, while one connection measures a normal request's
          latency; then slowloris: CONNECTIONS half-sent heads held open, RSS before
          and after, and how many the server closed once its header timeout passed

Prints a table and a JSON line of the figures; exits 1 when a figure is wrong
(a 5xx, a wrong answer, a p99 over the target, RSS over the bound).
"""
import argparse
import json
import multiprocessing
import os
import random
import re
import resource
import socket
import statistics
import sys
import threading
import time
import urllib.parse

HOST = "127.0.0.1"


def rss_mib(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return 0.0


class Connection:
    """One keep-alive HTTP/1.1 connection over a raw socket: send bytes, read one response."""

    def __init__(self, port, timeout=10.0):
        self.sock = socket.create_connection((HOST, port), timeout=timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""
        self.closed = False
        self.timed_out = False

    def send(self, data):
        try:
            self.sock.sendall(data)
            return True
        except OSError:
            self.closed = True
            return False

    def _fill(self):
        try:
            chunk = self.sock.recv(65536)
        except socket.timeout:
            # No answer in time: the connection's state is unknown, use it no more.
            self.timed_out = self.closed = True
            return False
        except OSError:
            chunk = b""
        if not chunk:
            self.closed = True
            return False
        self.buffer += chunk
        return True

    def response(self, head_request=False):
        """(status, headers, body) of the next response; status None when the server closed first."""
        while b"\r\n\r\n" not in self.buffer:
            if not self._fill():
                return None, {}, b""
        head, _, self.buffer = self.buffer.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        match = re.match(r"HTTP/1\.[01] (\d{3})", lines[0])
        status = int(match.group(1)) if match else None
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = 0 if head_request else int(headers.get("content-length", "0") or 0)
        while len(self.buffer) < length:
            if not self._fill():
                break
        body, self.buffer = self.buffer[:length], self.buffer[length:]
        if headers.get("connection", "").lower() == "close":
            self.closed = True
        return status, headers, body

    def exchange(self, data):
        if not self.send(data):
            return None, {}, b""
        return self.response(head_request=data.startswith(b"HEAD "))

    def close(self):
        try:
            self.sock.close()
        except OSError:
            pass


def get(path, extra=""):
    return ("GET %s HTTP/1.1\r\nHost: %s\r\n%s\r\n" % (path, HOST, extra)).encode("latin-1", "replace")


def error_code(body):
    try:
        return json.loads(body)["error"]["code"]
    except Exception:
        return None


# ---------------------------------------------------------------------------------------
# Generators: hostile queries, malformed HTTP, hostile bodies.

ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789 -_.~+%&=?#/\\'\"<>[](){}*`|!@$^;:,"
UNICODE = "éüñßøåçĳ语言日本語한국어🙂🔥\u200b\u202e\u0301\ufeff\u0000\u001f\u007f"


def fuzz_text(rng, longest):
    size = rng.choice([0, 1, 2, 5, 20, 100, 300, 1000, 3000, longest])
    size = rng.randint(0, size)
    pool = ALPHABET + (UNICODE if rng.random() < 0.3 else "")
    return "".join(rng.choice(pool) for _ in range(size))


def encode(text, rng):
    mode = rng.random()
    if mode < 0.7:
        return urllib.parse.quote_plus(text, safe="")
    if mode < 0.85:
        return urllib.parse.quote(text, safe="/+&=")
    # Broken percent-encoding and raw bytes a client should never send.
    return "".join(rng.choice(["%", "%G", "%zz", "%2", c]) if rng.random() < 0.1 else c
                   for c in urllib.parse.quote(text, safe="%"))


TRAVERSAL = ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd", "//etc/passwd",
             "/articles/..\\..\\x", "/%00", "/articles/%252e%252e/", "/.git/config", "/v1/../healthz", "/%c0%ae%c0%ae/"]


FLOW_FIELDS = {
    "account-lockout": ["attempts"], "card-denied": ["stopped_at", "code"], "ip-whitelist": ["enabled", "whitelist", "ip"],
    "cancel-transaction": ["payment_type", "status", "fraud_status", "transaction_time"],
    "payment-urls": ["outcome", "order_id", "notification_url", "response"], "add-portal-user": ["name", "email", "existing_users"],
}


def hostile_query(rng):
    kind = rng.randrange(11)
    if kind == 10:
        # A flow page's form, answered by rendering the page for the request.
        flow = rng.choice(sorted(FLOW_FIELDS))
        pairs = ["%s=%s" % (name, encode(fuzz_text(rng, 800), rng)) for name in FLOW_FIELDS[flow] if rng.random() < 0.8]
        pairs.append("now=%s" % rng.choice(["", "2026-11-25T09%3A10", encode(fuzz_text(rng, 40), rng)]))
        return get("/%sflows/%s.html?%s" % (rng.choice(["", "id/"]), flow, "&".join(pairs)))
    text = encode(fuzz_text(rng, 20000), rng)
    if kind == 0:
        return get("/v1/search?q=%s&limit=%s&offset=%s" % (text, rng.choice(["1", "100", "-1", "x", "99999"]), rng.choice(["0", "999", "1000"])))
    if kind == 1:
        return get("/v1/suggest?q=%s" % text)
    if kind == 2:
        return get("/v1/codes/%s" % text.replace("%2F", "/")[:30000])
    if kind == 3:
        return get("/v1/codes/%s/answer?format=%s" % (text[:20000], rng.choice(["text", "markdown", "html", "pdf"])))
    if kind == 4:
        return get("/v1/articles/%s" % text[:20000])
    if kind == 5:
        variables = "&".join("var.%s=%s" % (rng.choice(["customer.name", "agent.name", "order_id", "user.email", "x"]),
                                           encode(fuzz_text(rng, 400), rng)) for _ in range(rng.randint(1, 5)))
        return get("/v1/articles/unlock-account/answer?format=%s&%s" % (rng.choice(["text", "markdown", "html"]), variables))
    if kind == 6:
        return get("/v1/search?q=%s&kind=%s&category=%s" % (text[:3000], encode(fuzz_text(rng, 200), rng), encode(fuzz_text(rng, 200), rng)))
    if kind == 7:
        return get(rng.choice(TRAVERSAL) + rng.choice(["", "?q=" + text[:100]]))
    if kind == 8:
        return get("/" + text[:5000])
    return ("%s /v1/codes/51 HTTP/1.1\r\nHost: %s\r\n\r\n" % (rng.choice(["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "HEAD"]), HOST)).encode()


MALFORMED = [
    b"GET /healthz HTTP/1.1\r\n\r\n",                                             # no Host
    b"GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",                       # two Hosts
    b"GET /healthz HTTP/9.9\r\nHost: x\r\n\r\n",
    b"GET /healthz HTTX/1.1\r\nHost: x\r\n\r\n",
    b"G\x00T /healthz HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET  /healthz  HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /healthz\r\n\r\n",
    b"GET\r\n\r\n",
    b"\r\n\r\n\r\n",
    b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",                              # a TLS hello
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\n: empty name\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nX: a\r\n folded\r\n\r\n",
    b"GET /healthz HTTP/1.1\nHost: x\n\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
    b"GET /v1/codes/51 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"GET /v1/codes/51 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabc\r\n0\r\n\r\n",
    b"GET /v1/codes/51 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
    b"GET /v1/codes/51 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: identity\r\n\r\n",
    b"POST /v1/flows/account-lockout/simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n-1\r\n",
    b"POST /v1/flows/account-lockout/simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n",
    b"POST /v1/flows/account-lockout/simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n2;ext=\x01\r\n{}\r\n0\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + b"X-Many: y\r\n" * 200 + b"\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n",
    b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /v1/codes/" + b"9" * 75000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET http://evil.example/healthz HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET * HTTP/1.1\r\nHost: x\r\n\r\n",
    b"CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: \x7f\x00\r\n\r\n",
    b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\nGET /healthz HTTP/1.1\r\n\r\n",    # a good one, then no Host
    b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n" * 20,                             # pipelined
    b"GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /healthz HTTP/1.0\r\n\r\n",
    b"\x00" * 1000,
]


def hostile_body(rng):
    choice = rng.randrange(9)
    flow = rng.choice(["account-lockout", "card-denied", "ip-whitelist", "payment-urls", "nope", "x" * 5000])
    content_type = "application/json"
    if choice == 0:
        body = json.dumps({"code": fuzz_text(rng, 60000)}).encode()
    elif choice == 1:
        depth = rng.choice([10, 1000, 20000])
        body = b"[" * depth + b"]" * depth
    elif choice == 2:
        body = b'{"a": "' + b"x" * rng.choice([100, 70000]) + b'"}'
    elif choice == 3:
        body = json.dumps({fuzz_text(rng, 300): fuzz_text(rng, 300) for _ in range(rng.randint(1, 200))}).encode()
    elif choice == 4:
        body = json.dumps({"whitelist": [fuzz_text(rng, 50) for _ in range(rng.randint(1, 500))], "ip": fuzz_text(rng, 100)}).encode()
    elif choice == 5:
        body = "{\"code\": \"51\"}".encode("utf-16")
        content_type = rng.choice(["application/json; charset=utf-16", "application/json; charset=iso-8859-1", "text/plain"])
    elif choice == 6:
        body = bytes(rng.randrange(256) for _ in range(rng.randint(1, 3000)))
    elif choice == 7:
        body = b'{"failed_attempts": "' + bytes(rng.randrange(128, 256) for _ in range(50)) + b'"}'
    else:
        body = b"{" + b'"a":{' * 5000 + b"}" * 5001
    head = "POST /v1/flows/%s/simulate?now=%s HTTP/1.1\r\nHost: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (
        flow, urllib.parse.quote(rng.choice(["2026-11-25T09:30:00+07:00", "yesterday", fuzz_text(rng, 50)]), safe=""),
        HOST, content_type, len(body))
    return head.encode("latin-1", "replace") + body


def attacker(port, seed, count, queue):
    """One attacking process: `count` requests, keep-alive where the server keeps it."""
    rng = random.Random(seed)
    statuses, wrong = {}, []
    connection = None
    for index in range(count):
        roll = rng.random()
        if roll < 0.12:
            request = rng.choice(MALFORMED)
            fresh = True
        elif roll < 0.15:
            # A client that leaves mid-body.
            partial = hostile_body(rng)
            try:
                leaver = Connection(port)
                leaver.send(partial[: max(1, len(partial) // 2)] if b"\r\n\r\n" in partial else partial)
                leaver.close()
            except OSError:
                pass
            statuses["left mid-body"] = statuses.get("left mid-body", 0) + 1
            continue
        elif roll < 0.30:
            request, fresh = hostile_body(rng), False
        else:
            request, fresh = hostile_query(rng), False
        if fresh or connection is None or connection.closed:
            if connection is not None:
                connection.close()
            try:
                # A malformed request may leave the server waiting for the rest of a head
                # ("\r\n\r\n" alone is no request yet): wait 0.3 s, not its header timeout.
                connection = Connection(port, timeout=0.3 if fresh else 10.0)
            except OSError as error:
                statuses["connect failed"] = statuses.get("connect failed", 0) + 1
                wrong.append("connect: %s" % error)
                connection = None
                continue
        status, headers, body = connection.exchange(request)
        key = str(status) if status is not None else ("no answer in time" if connection.timed_out else "closed, no answer")
        statuses[key] = statuses.get(key, 0) + 1
        if status is not None and status >= 500:
            wrong.append("%d on %r" % (status, request[:120]))
        if fresh:
            connection.close()
            connection = None
    if connection is not None:
        connection.close()
    queue.put((statuses, wrong[:20]))


class LatencyProbe(threading.Thread):
    """A normal client: one keep-alive connection, a request every few milliseconds."""

    PATHS = ["/v1/search?q=account+locked", "/v1/codes/51", "/v1/articles/unlock-account", "/v1/search?q=refund",
             "/v1/suggest?q=unlo", "/healthz"]

    def __init__(self, port, interval=0.003):
        super().__init__(daemon=True)
        self.port, self.interval = port, interval
        self.samples, self.failures = [], 0
        self.stop_event = threading.Event()

    def run(self):
        connection = Connection(self.port)
        index = 0
        while not self.stop_event.is_set():
            path = self.PATHS[index % len(self.PATHS)]
            index += 1
            start = time.perf_counter()
            status, _, _ = connection.exchange(get(path))
            elapsed = (time.perf_counter() - start) * 1000
            if status == 200:
                self.samples.append(elapsed)
            else:
                self.failures += 1
                connection.close()
                connection = Connection(self.port)
            time.sleep(self.interval)
        connection.close()

    def stop(self):
        self.stop_event.set()
        self.join()


def percentile(samples, fraction):
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def metrics_5xx(port):
    connection = Connection(port)
    status, _, body = connection.exchange(get("/metrics"))
    connection.close()
    total = 0
    for line in body.decode().splitlines():
        match = re.match(r'kb_http_requests_total\{.*status="(\d+)"\} (\d+)', line)
        if match and match.group(1).startswith("5"):
            total += int(match.group(2))
    return total, body.decode()


def measure_idle(port, seconds=2.0):
    probe = LatencyProbe(port)
    probe.start()
    time.sleep(seconds)
    probe.stop()
    return probe.samples


def slowloris(port, pid, connections, header_timeout):
    """Half-sent heads held open: RSS with them, and how many the server closed in time."""
    before = rss_mib(pid)
    held = []
    for index in range(connections):
        try:
            sock = socket.create_connection((HOST, port), timeout=5)
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + b"a" * 8000)
            held.append(sock)
        except OSError:
            break
    time.sleep(0.5)
    during = rss_mib(pid)
    deadline = time.time() + header_timeout + 5
    closed = 0
    for sock in held:
        sock.settimeout(max(0.01, deadline - time.time()))
        try:
            while True:
                data = sock.recv(65536)
                if not data:
                    closed += 1
                    break
        except (socket.timeout, OSError):
            pass
        sock.close()
    time.sleep(0.5)
    return {"held": len(held), "closed_by_server": closed, "rss_before_mib": round(before, 1),
            "rss_with_them_mib": round(during, 1), "rss_after_mib": round(rss_mib(pid), 1)}


# ---------------------------------------------------------------------------------------
# The reproductions.

def repro(port, pid):
    results = []

    def check(name, ok, detail):
        results.append({"check": name, "ok": bool(ok), "measured": detail})
        print("%-4s %-44s %s" % ("ok" if ok else "FAIL", name, detail), flush=True)

    def one(request, fresh=True):
        connection = Connection(port, timeout=30)
        start = time.perf_counter()
        status, headers, body = connection.exchange(request)
        elapsed = (time.perf_counter() - start) * 1000
        if fresh:
            connection.close()
        return status, headers, body, elapsed

    # 1. A 75 KB path value.
    for path in ["/v1/codes/" + "9" * 75000, "/v1/codes/" + "9" * 75000 + "/answer", "/v1/articles/" + "9" * 75000]:
        status, _, body, ms = one(get(path))
        check("1. 75 KB %s" % path[:14], status is not None and status < 500 and ms < 50,
              "%s %s in %.1f ms" % (status, error_code(body), ms))
    status, _, body, ms = one(get("/v1/codes/" + "9" * 128))
    check("1. 128-character code", status == 404 and ms < 50, "%s in %.1f ms, suggestions: %s" % (
        status, ms, json.loads(body)["error"].get("suggestions") if status == 404 else None))

    # 2. 8,000 suggest requests with 60 KB queries.
    before = rss_mib(pid)
    connection = Connection(port)
    codes = {}
    for index in range(8000):
        status, _, _ = connection.exchange(get("/v1/suggest?q=%s%d" % ("a" * 60000, index)))
        codes[status] = codes.get(status, 0) + 1
        if connection.closed:
            connection = Connection(port)
    connection.close()
    after = rss_mib(pid)
    check("2. 8,000 × 60 KB /v1/suggest", after - before < 30 and 500 not in codes,
          "statuses %s; RSS %.1f → %.1f MiB" % (codes, before, after))

    # ... and 8,000 with 1,000-character queries, within the limit: answered, cached within the budget.
    before = rss_mib(pid)
    connection = Connection(port)
    codes = {}
    for index in range(8000):
        status, _, _ = connection.exchange(get("/v1/suggest?q=%s%d" % ("unlock+" * 140, index)))
        codes[status] = codes.get(status, 0) + 1
        if connection.closed:
            connection = Connection(port)
    connection.close()
    after = rss_mib(pid)
    _, exposition = metrics_5xx(port)
    cache = {name: float(value) for name, value in re.findall(r"^(kb_response_cache_\w+) (\S+)$", exposition, re.M)}
    check("2. 8,000 × 1,000-char /v1/suggest", codes.get(200) == 8000 and after - before < 48,
          "statuses %s; RSS %.1f → %.1f MiB; cache %.1f MiB of %.0f, %d evictions" % (
              codes, before, after, cache.get("kb_response_cache_bytes", 0) / 2**20,
              cache.get("kb_response_cache_budget_bytes", 0) / 2**20, cache.get("kb_response_cache_evictions_total", 0)))

    # 3 is slowloris, in the fuzz part.

    # 6. Invalid chunked encoding; a client leaving mid-body.
    status, _, body, _ = one(b"POST /v1/flows/account-lockout/simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             b"Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n")
    check("6. invalid chunked encoding", status == 400, "%s %s" % (status, error_code(body)))
    _, before_metrics = metrics_5xx(port)
    for _ in range(20):
        leaver = Connection(port)
        leaver.send(b"POST /v1/flows/account-lockout/simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                    b"Content-Length: 1000\r\n\r\n{\"failed_attempts\": ")
        time.sleep(0.01)
        leaver.close()
    time.sleep(0.5)
    fives, _ = metrics_5xx(port)
    check("6. 20 clients leaving mid-body", fives == 0, "5xx in /metrics: %d" % fives)

    # 7. Hostile answer variables.
    for value, expect in [("[verify](https://evil.example)", "evil.example\""), ("**x**", "<strong>"), ("&lt;b&gt;", "<b>")]:
        shown = []
        bad = False
        for fmt in ["text", "markdown", "html"]:
            status, _, body, _ = one(get("/v1/articles/unlock-account/answer?format=%s&var.customer.name=%s"
                                         % (fmt, urllib.parse.quote(value, safe=""))))
            text = json.loads(body)["text"] if status == 200 else ""
            first = text.split("\n")[0]
            shown.append("%s: %s" % (fmt, first))
            bad = bad or status != 200 or expect in first or (fmt == "markdown" and value in first)
        check("7. var %s" % value, not bad, " | ".join(shown))

    # 8. Query strings, Host, HTTP/1.0, charset.
    status, _, body, _ = one(get("/v1/search?q=acount+locked"))
    check("8. q=acount+locked", status == 200 and json.loads(body)["query"] == "acount locked",
          "query: %r" % (json.loads(body)["query"] if status == 200 else status))
    status, _, body, _ = one(get("/v1/articles/unlock-account/answer?var.customer.name=Budi+Santoso"))
    check("8. var.customer.name=Budi+Santoso", status == 200 and json.loads(body)["text"].startswith("Hi Budi Santoso,"),
          repr(json.loads(body)["text"][:20]) if status == 200 else status)
    status, _, body, _ = one(b"GET /v1/codes/51 HTTP/1.1\r\n\r\n")
    check("8. HTTP/1.1 without Host", status == 400, "%s %s" % (status, error_code(body)))
    connection = Connection(port)
    status, _, _ = connection.exchange(b"GET /v1/codes/51 HTTP/1.0\r\n\r\n")
    connection.sock.settimeout(3)
    start = time.perf_counter()
    connection._fill()
    check("8. HTTP/1.0 without keep-alive", status == 200 and connection.closed,
          "%s, then %s after %.0f ms" % (status, "closed" if connection.closed else "left open", (time.perf_counter() - start) * 1000))
    connection.close()
    body = "{}".encode("utf-16")
    status, _, answer, _ = one(("POST /v1/flows/account-lockout/simulate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json; "
                                "charset=utf-16\r\nContent-Length: %d\r\n\r\n" % len(body)).encode() + body)
    check("8. JSON body in UTF-16", status == 415, "%s %s" % (status, error_code(answer)))
    return results


def fuzz(port, pid, requests, workers, slow_connections, header_timeout, p99_target, rss_bound, seed):
    idle = measure_idle(port)
    rss_start = rss_mib(pid)
    probe = LatencyProbe(port)
    probe.start()
    queue = multiprocessing.Queue()
    share = requests // workers
    processes = [multiprocessing.Process(target=attacker, args=(port, seed + index, share, queue)) for index in range(workers)]
    start = time.time()
    for process in processes:
        process.start()
    statuses, wrong = {}, []
    for _ in processes:
        counts, problems = queue.get()
        for key, value in counts.items():
            statuses[key] = statuses.get(key, 0) + value
        wrong += problems
    for process in processes:
        process.join()
    elapsed = time.time() - start
    probe.stop()
    rss_after_attack = rss_mib(pid)
    slow = slowloris(port, pid, slow_connections, header_timeout)
    server_5xx, _ = metrics_5xx(port)
    client_5xx = sum(value for key, value in statuses.items() if key.isdigit() and int(key) >= 500)
    figures = {
        "requests": sum(statuses.values()), "seconds": round(elapsed, 1), "statuses": dict(sorted(statuses.items())),
        "5xx_seen": client_5xx, "5xx_in_metrics": server_5xx,
        "normal_idle_p50_ms": round(percentile(idle, 0.5), 2), "normal_idle_p99_ms": round(percentile(idle, 0.99), 2),
        "normal_under_attack_p50_ms": round(percentile(probe.samples, 0.5), 2),
        "normal_under_attack_p99_ms": round(percentile(probe.samples, 0.99), 2),
        "normal_samples": len(probe.samples), "normal_failures": probe.failures,
        "rss_start_mib": round(rss_start, 1), "rss_after_attack_mib": round(rss_after_attack, 1),
        "slowloris": slow, "rss_bound_mib": rss_bound, "p99_target_ms": p99_target,
    }
    peak = max(rss_after_attack, slow["rss_with_them_mib"], slow["rss_after_mib"])
    ok = (client_5xx == 0 and server_5xx == 0 and figures["normal_under_attack_p99_ms"] <= p99_target
          and peak <= rss_bound and probe.failures == 0 and slow["closed_by_server"] == slow["held"])
    print()
    print("fuzz: %d hostile requests in %.1f s from %d processes" % (figures["requests"], elapsed, workers))
    print("  statuses: %s" % ", ".join("%s: %d" % item for item in sorted(statuses.items())))
    print("  5xx: %d answered, %d in /metrics" % (client_5xx, server_5xx))
    for problem in wrong[:10]:
        print("    " + problem)
    print("  normal request (%d samples): idle p50 %.2f / p99 %.2f ms; under attack p50 %.2f / p99 %.2f ms (target <= %.0f)" % (
        len(probe.samples), figures["normal_idle_p50_ms"], figures["normal_idle_p99_ms"],
        figures["normal_under_attack_p50_ms"], figures["normal_under_attack_p99_ms"], p99_target))
    print("  RSS: %.1f MiB at start, %.1f after the attack" % (rss_start, rss_after_attack))
    print("  slowloris: %d half-sent heads; RSS %.1f → %.1f MiB with them, %.1f after; %d closed by the server" % (
        slow["held"], slow["rss_before_mib"], slow["rss_with_them_mib"], slow["rss_after_mib"], slow["closed_by_server"]))
    print("  RSS peak %.1f MiB (bound %d MiB): %s" % (peak, rss_bound, "met" if peak <= rss_bound else "NOT met"))
    print("fuzz: %s" % ("ok" if ok else "FAILED"))
    return ok, figures


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--part", choices=["repro", "fuzz", "all"], default="all")
    parser.add_argument("--requests", type=int, default=100000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--slow-connections", type=int, default=1000)
    parser.add_argument("--header-timeout", type=float, default=10.0)
    parser.add_argument("--p99-target", type=float, default=10.0)
    parser.add_argument("--rss-bound", type=int, default=200)
    parser.add_argument("--seed", type=int, default=20261125)
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, 4096)), hard))
    ok, report = True, {}
    if args.part in ("repro", "all"):
        print("repro: the reproductions of issue 17")
        results = repro(args.port, args.pid)
        ok = all(result["ok"] for result in results)
        report["repro"] = results
    if args.part in ("fuzz", "all"):
        fuzz_ok, figures = fuzz(args.port, args.pid, args.requests, args.workers, args.slow_connections,
                                args.header_timeout, args.p99_target, args.rss_bound, args.seed)
        ok = ok and fuzz_ok
        report["fuzz"] = figures
    print(json.dumps(report))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

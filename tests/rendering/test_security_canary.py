"""The canary the security tests listen with, and proof that it hears every loopback spelling.

A canary is a TCP and a UDP listener on one free port, on 127.0.0.1 and (where the host has
IPv6) on ::1. It records every connection and datagram, answers HTTP with a marker page, and
is the address every hostile payload points at: "it heard nothing" means something only because
the tests here show it hears every way of writing its address.
"""

from __future__ import annotations

import contextlib
import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

# What the canary answers; seeing it in a PDF would mean a fetched page was printed.
CANARY_BODY = "CANARY-BODY-7f3a"
# Chromium's own background traffic (component updates, account checks), not the page's.
CHROMIUM_OWN_HOSTS = (".google.com", ".googleapis.com", ".gstatic.com", ".gvt1.com")
READ_TIMEOUT = 10  # seconds a connection gets to say what it wants


@dataclass(frozen=True)
class Hit:
    transport: str  # "tcp" or "udp"
    listener: str
    first_line: str

    @property
    def path(self) -> str:
        """The last segment of the path a proxied request asked for ("img", "prefetch")."""
        parts = self.first_line.split()
        return parts[1].rsplit("/", 1)[-1] if self.transport == "tcp" and len(parts) == 3 else ""

    @property
    def is_chromium_background(self) -> bool:
        """A request Chromium makes by itself through a proxy, to a Google service."""
        parts = self.first_line.split()
        if self.transport != "tcp" or len(parts) != 3:
            return False
        target = parts[1].removeprefix("http://").removeprefix("https://")
        host = target.split("/", 1)[0].rsplit(":", 1)[0]
        return host.endswith(CHROMIUM_OWN_HOSTS)


class Canary:
    def __init__(self) -> None:
        self.hits: list[Hit] = []
        self.in_flight = 0  # connections accepted that have not said anything yet
        self._lock = threading.Lock()
        self._servers: list[socketserver.BaseServer] = []
        self.port = 0
        self.has_ipv6 = False

    def assert_silent(self) -> None:
        """Not one connection or datagram, not even a socket that never spoke."""
        assert (self.hits, self.in_flight) == ([], 0), "the canary heard the renderer"

    def requests(self) -> list[Hit]:
        """Requests heard, minus Chromium's own calls home (only a proxy canary gets those).

        A socket that was opened and never spoke is not a request: Chromium preconnects to its
        proxy for frames it is about to load, below request interception (test_security_lockdown).
        """
        return [h for h in list(self.hits) if h.first_line and not h.is_chromium_background]

    def settle(self) -> None:
        """Wait until every open connection has said what it wanted, or given up."""
        deadline = time.monotonic() + READ_TIMEOUT + 2
        while self.in_flight and time.monotonic() < deadline:
            time.sleep(0.02)

    def wait_for_hits(self, count: int, timeout: float = 5.0) -> list[Hit]:
        deadline = time.monotonic() + timeout
        while len(self.hits) < count and time.monotonic() < deadline:
            time.sleep(0.02)
        return list(self.hits)

    def start(self) -> None:
        canary = self

        class Tcp(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                sock: socket.socket = self.request
                sock.settimeout(READ_TIMEOUT)
                try:
                    data = sock.recv(8192)
                except OSError:
                    data = b""
                line = data.split(b"\r\n", 1)[0].decode("latin-1")
                canary.hits.append(Hit("tcp", str(sock.getsockname()[0]), line))
                with canary._lock:
                    canary.in_flight -= 1  # counted up when the connection was accepted
                body = f"<p>{CANARY_BODY}</p>".encode()
                head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n"
                with contextlib.suppress(OSError):
                    sock.sendall(head + b"Content-Length: %d\r\n\r\n" % len(body) + body)

        class Udp(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                data: bytes = self.request[0]
                sock: socket.socket = self.request[1]
                canary.hits.append(Hit("udp", str(sock.getsockname()[0]), data[:20].hex()))

        for _ in range(20):
            try:
                self._listen(Tcp, Udp)
                return
            except OSError:  # the port was free on 127.0.0.1 but not on ::1; try another
                self.stop()
        raise RuntimeError("no port free on both loopback addresses")

    def _listen(
        self, tcp: type[socketserver.BaseRequestHandler], udp: type[socketserver.BaseRequestHandler]
    ) -> None:
        first = _Tcp4(("127.0.0.1", 0), tcp, self)
        self._servers = [first]
        self.port = first.server_address[1]
        self._servers.append(_Udp4(("127.0.0.1", self.port), udp))
        self.has_ipv6 = socket.has_ipv6 and _ipv6_loopback_works()
        if self.has_ipv6:
            self._servers.append(_Tcp6(("::1", self.port), tcp, self))
            self._servers.append(_Udp6(("::1", self.port), udp))
        for server in self._servers:
            threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers = []


class _Tcp4(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[socketserver.BaseRequestHandler],
        canary: Canary,
    ) -> None:
        self.canary = canary
        super().__init__(address, handler)

    def verify_request(self, request: Any, client_address: Any) -> bool:
        with self.canary._lock:  # counted on accept, so no connection is ever between counts
            self.canary.in_flight += 1
        return True


class _Tcp6(_Tcp4):
    address_family = socket.AF_INET6


class _Udp4(socketserver.ThreadingUDPServer):
    daemon_threads = True


class _Udp6(_Udp4):
    address_family = socket.AF_INET6


def _ipv6_loopback_works() -> bool:
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@contextlib.contextmanager
def running_canary(*, verdict: str | None = None) -> Iterator[Canary]:
    """A listening canary, judged when it stops: "silent" (heard nothing at all) or
    "no requests" (a proxy canary: nothing but Chromium's own calls and unused sockets)."""
    canary = Canary()
    canary.start()
    try:
        yield canary
        time.sleep(0.5)  # a late request (a refresh, a retry) still lands before the verdict
        canary.settle()
        if verdict == "silent":
            canary.assert_silent()
        elif verdict == "no requests":
            assert canary.requests() == []
    finally:
        canary.stop()


@pytest.fixture(scope="module")
def canary() -> Iterator[Canary]:
    with running_canary() as listening:
        yield listening


# Every way a payload writes the loopback address, as a host for a socket and for a URL.
IPV4_SPELLINGS = ["127.0.0.1", "localhost", "2130706433", "0x7f000001", "0177.0.0.1", "127.1"]
IPV6_SPELLINGS = ["::1", "::ffff:127.0.0.1"]
# Nothing listens there in the sandbox; it is only ever aimed at through a full lockdown.
METADATA_URL = "http://169.254.169.254/latest/meta-data/"
# What must never show up in a printed page: files, a fetched canary page, browser internals.
LEAK_MARKERS = ("root:x:0:0", CANARY_BODY, "FONTCONFIG_FILE", "Command Line")


def canary_urls(port: int) -> list[str]:
    """The canary's address in every spelling a URL allows (each normalizes to loopback)."""
    hosts = [*IPV4_SPELLINGS, "0.0.0.0", *(f"[{h}]" for h in IPV6_SPELLINGS)]  # noqa: S104
    return [f"http://{host}:{port}/" for host in hosts]


def fetching_markup(u: str) -> list[str]:
    """One element, style or script per way a page can make a browser fetch from `u`."""
    ws, netloc = "ws" + u.removeprefix("http"), u.split("/")[2]
    ice = f'{{urls: "stun:{netloc}"}}, {{urls: "turn:{netloc}", username: "u", credential: "c"}}'
    rtc = f"new RTCPeerConnection({{iceServers: [{ice}]}})"
    offer = "p.createDataChannel('x'); p.createOffer().then(o => p.setLocalDescription(o))"
    font_face = f'@font-face {{font-family: Leak; src: url("{u}font")}}'
    return [
        f'<img src="{u}img"><img srcset="{u}srcset 1x" alt="">',
        f'<picture><source srcset="{u}picture"><img alt=""></picture>',
        f'<link rel="stylesheet" href="{u}css"><link rel="preload" as="image" href="{u}preload">',
        f'<link rel="prefetch" href="{u}prefetch"><link rel="preconnect" href="{u}">',
        f'<link rel="dns-prefetch" href="{u}"><link rel="icon" href="{u}icon">',
        f'<iframe src="{u}iframe"></iframe><object data="{u}object"></object>',
        f'<embed src="{u}embed"><svg><image href="{u}svg-image"/><use href="{u}svg-use#x"/></svg>',
        f'<video poster="{u}poster" src="{u}video"><track src="{u}track"></video>',
        f'<audio src="{u}audio" autoplay></audio><input type="image" src="{u}input" alt="">',
        f'<table background="{u}table"><tr><td>t</td></tr></table>',
        f'<div style="background:url({u}style-attr);mask-image:url({u}mask)">s</div>',
        f"<div style=\"background-image:image-set('{u}image-set' 1x)\">i</div>",
        f'<ul style="list-style-image:url({u}list);cursor:url({u}cursor),auto"><li>l</li></ul>',
        f'<style>@import url("{u}import");</style>',
        f"<style>{font_face} p {{font-family: Leak}}</style>",
        f"<iframe srcdoc=\"<img src='{u}srcdoc'>\"></iframe>",
        f"<iframe src=\"data:text/html,<img src='{u}data-iframe'>\"></iframe>",
        f'<a href="{u}a" ping="{u}ping">a</a><form action="{u}form"><input name="q"></form>',
        f'<script src="{u}script"></script><script>fetch("{u}fetch")</script>',
        f'<script>navigator.serviceWorker.register("{u}sw.js")</script>',
        f'<script>navigator.sendBeacon("{u}beacon")</script>',
        f'<script>new WebSocket("{ws}ws")</script><script>new EventSource("{u}sse")</script>',
        f'<script>const r = new XMLHttpRequest(); r.open("GET", "{u}xhr"); r.send()</script>',
        f"<script>(p => {{{offer}}})({rtc})</script>",
    ]


FILE_MARKUP = [
    '<iframe src="file:///etc/passwd"></iframe><iframe src="file:///proc/self/environ"></iframe>',
    '<object data="file:///etc/passwd" type="text/plain"></object>',
    '<embed src="file:///etc/passwd" type="text/plain"><img src="file:///etc/passwd" alt="">',
    '<link rel="stylesheet" href="file:///etc/passwd">',
    '<style>@import url("file:///etc/passwd");</style>',
    '<iframe src="view-source:file:///etc/passwd"></iframe><iframe src="chrome://version"></iframe>',
    "<iframe srcdoc=\"<iframe src='file:///etc/passwd'></iframe>\"></iframe>",
    "<iframe src=\"data:text/html,<iframe src='file:///etc/passwd'></iframe>\"></iframe>",
    '<script>fetch("file:///etc/passwd").then(r => r.text()).then(t => document.write(t))</script>',
]


def hostile_page(urls: list[str], head: str = "") -> str:
    body = "".join(FILE_MARKUP + [m for u in urls for m in fetching_markup(u)])
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>t</title>{head}</head>"
        f"<body><p>HOSTILE PAGE</p>{body}</body></html>"
    )


def assert_nothing_leaked(text: str) -> None:
    for marker in LEAK_MARKERS:
        assert marker not in text


@pytest.mark.parametrize("host", IPV4_SPELLINGS + IPV6_SPELLINGS + ["0.0.0.0"])  # noqa: S104
def test_the_canary_hears_every_spelling_of_loopback(canary: Canary, host: str) -> None:
    if ":" in host and not canary.has_ipv6:
        pytest.skip("no IPv6 loopback on this host")
    before = len(canary.hits)
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    address = socket.getaddrinfo(host, canary.port, family, socket.SOCK_STREAM)[0][4]
    with socket.socket(family, socket.SOCK_STREAM) as client:
        client.settimeout(5)
        client.connect(address)
        client.sendall(b"GET /self-test HTTP/1.0\r\n\r\n")
        assert CANARY_BODY.encode() in client.recv(4096)
    assert canary.wait_for_hits(before + 1)[before].first_line == "GET /self-test HTTP/1.0"


def test_the_canary_hears_a_socket_that_never_speaks(canary: Canary) -> None:
    before = len(canary.hits)
    with socket.create_connection(("127.0.0.1", canary.port), timeout=5):
        pass
    assert canary.wait_for_hits(before + 1)[before] == Hit("tcp", "127.0.0.1", "")


def test_the_canary_hears_udp(canary: Canary) -> None:
    before = len(canary.hits)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
        client.sendto(b"stun?", ("127.0.0.1", canary.port))
    assert canary.wait_for_hits(before + 1)[before].transport == "udp"


def test_only_google_hosts_count_as_chromium_background() -> None:
    assert Hit("tcp", "", "CONNECT accounts.google.com:443 HTTP/1.1").is_chromium_background
    assert Hit("tcp", "", "POST http://update.googleapis.com/x HTTP/1.1").is_chromium_background
    assert not Hit("tcp", "", "GET http://169.254.169.254/latest HTTP/1.1").is_chromium_background
    assert not Hit("tcp", "", "GET http://evil.google.com.x.io/ HTTP/1.1").is_chromium_background
    assert not Hit("tcp", "", "").is_chromium_background

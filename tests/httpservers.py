"""Real HTTP servers on 127.0.0.1 for tests: fixed replies, slow starts, trickled bodies, redirects.

    with serve({"/": Reply(body=b"<html>hi</html>")}) as server:
        fetch(server.url("/"), policy=...)
        assert server.paths() == ["/"]

A route is a Reply or a function from the SeenRequest to a Reply. Unknown paths answer 404.
Routes can be added while the server runs (server.route), e.g. redirects that name its own port.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Reply:
    """What the server sends. Body goes out in chunk_size pieces, `trickle` seconds apart."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"  # None: no Content-Type header
    headers: Mapping[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line: a server too slow to answer
    trickle: float = 0.0
    chunk_size: int = 1024
    send_length: bool = True  # False: no Content-Length; the body ends when the connection closes


@dataclass(frozen=True)
class SeenRequest:
    method: str
    path: str  # with the query string
    headers: Mapping[str, str]  # names lower-cased
    received_at: float  # time.monotonic() when the request line arrived


Route = Reply | Callable[[SeenRequest], Reply]


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status=status, headers={"Location": location}, content_type=None)


class LocalServer:
    """A running server: its address, its routes and every request it received, in order."""

    def __init__(
        self, httpd: ThreadingHTTPServer, routes: dict[str, Route], *, scheme: str = "http"
    ) -> None:
        self.host, self.port = httpd.server_address[:2]
        self.origin = f"{scheme}://{self.host}:{self.port}"
        self.requests: list[SeenRequest] = []
        self._routes = routes

    def url(self, path: str = "/") -> str:
        return f"{self.origin}{path}"

    def route(self, path: str, route: Route) -> None:
        self._routes[path] = route

    def paths(self) -> list[str]:
        return [request.path for request in self.requests]

    def reply_for(self, request: SeenRequest) -> Reply:
        self.requests.append(request)
        route = self._routes.get(request.path) or self._routes.get(request.path.split("?")[0])
        if route is None:
            return Reply(status=404, body=b"not found", content_type="text/plain")
        return route(request) if callable(route) else route


@contextmanager
def serve(
    routes: Mapping[str, Route] | None = None,
    *,
    host: str = "127.0.0.1",
    tls: ssl.SSLContext | None = None,
) -> Iterator[LocalServer]:
    """Run a threaded HTTP/1.0 server on host (any 127.x address; a free port) for the block.

    With tls (a server-side context holding a certificate), it speaks HTTPS.
    """
    httpd = ThreadingHTTPServer((host, 0), _Handler)
    httpd.daemon_threads = True  # a trickling reply must not hold up the test's exit
    if tls is not None:
        httpd.socket = tls.wrap_socket(httpd.socket, server_side=True)
    server = LocalServer(httpd, dict(routes or {}), scheme="https" if tls else "http")
    httpd.local_server = server  # type: ignore[attr-defined]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        headers = {name.lower(): value for name, value in self.headers.items()}
        seen = SeenRequest(self.command, self.path, headers, received_at=time.monotonic())
        server: LocalServer = self.server.local_server  # type: ignore[attr-defined]
        reply = server.reply_for(seen)
        try:
            self._send(reply)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            pass  # the client gave up on purpose: that is what most slow-server tests check

    def _send(self, reply: Reply) -> None:
        time.sleep(reply.delay)
        self.send_response(reply.status)
        if reply.content_type is not None:
            self.send_header("Content-Type", reply.content_type)
        if reply.send_length:
            self.send_header("Content-Length", str(len(reply.body)))
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        for start in range(0, len(reply.body), reply.chunk_size):
            self.wfile.write(reply.body[start : start + reply.chunk_size])
            self.wfile.flush()
            time.sleep(reply.trickle)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read server.requests instead of stderr."""

"""`rasid serve`: run the web UI and REST API with uvicorn."""
from __future__ import annotations

import ipaddress
import os
import socket
import sys

from uvicorn.protocols.http.h11_impl import H11Protocol

from rasid.errors import UsageError


class NoDelayH11(H11Protocol):
    """uvicorn's HTTP protocol with Nagle's algorithm off on every connection. Worker
    processes accept on an inherited socket that lacks the TCP_NODELAY asyncio sets itself,
    and a response written in two parts then waited for the client's delayed ACK: measured
    44 ms per keep-alive request with two workers, under 2 ms with this."""

    def connection_made(self, transport) -> None:
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().connection_made(transport)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          workers: int = 1, log_level: str = "warning") -> None:
    """Serve `db`. Reads are open on loopback; anywhere else a token must be configured,
    and then every request needs it."""
    import uvicorn

    reads_need_token = not is_loopback(host)
    if reads_need_token and not token:
        raise UsageError(f"--host {host} is reachable from other machines: configure a token first "
                         "(RASID_SERVE_TOKEN or serve_token in the config file); every request "
                         "will then need it")
    if workers < 1:
        raise UsageError(f"--workers must be 1 or more, not {workers}")
    os.environ["RASID_SERVE_DB"] = db
    os.environ["RASID_SERVE_TOKEN"] = token or ""
    os.environ["RASID_SERVE_READS_NEED_TOKEN"] = "1" if reads_need_token else "0"
    print(f"rasid: serving {db} on http://{host}:{port}/ (API docs at /api/docs)"
          + ("; every request needs the token" if reads_need_token else ""), file=sys.stderr)
    uvicorn.run("rasid.serve.app:app_from_env", factory=True, host=host, port=port,
                workers=workers, log_level=log_level, access_log=False,
                http="rasid.serve.server:NoDelayH11")

"""`rasid serve`: run the web UI and REST API with uvicorn."""
from __future__ import annotations

import ipaddress
import os
import sys

from rasid.errors import UsageError


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
                workers=workers, log_level=log_level, access_log=False)

"""A real `chroma run` server on a free loopback port, for the tests that cover Chroma's server mode."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.assistant.test_api import Server, free_port, stop, wait_for


@contextmanager
def chroma_server(path: Path) -> Iterator[str]:
    """Start `chroma run` persisting under `path`; yield its URL once its heartbeat answers; stop it after."""
    port = free_port()
    log = path.parent / f"{path.name}.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [str(Path(sys.executable).with_name("chroma")), "run", "--path", str(path), "--host", "127.0.0.1",
             "--port", str(port)],
            stdout=out, stderr=subprocess.STDOUT,
        )
    server = Server(f"http://127.0.0.1:{port}", proc, log)
    try:
        wait_for(server, "/api/v2/heartbeat")
        yield server.base
    finally:
        stop(proc)

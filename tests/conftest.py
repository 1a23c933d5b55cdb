"""Test-wide guards: no network beyond loopback, offline model hubs, no telemetry."""

from __future__ import annotations

import ipaddress
import os
import socket

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _guarded(real):
    def connect(self, address):
        if not _is_local(address):
            raise OSError(f"network blocked in tests: attempted connection to {address!r}")
        return real(self, address)

    return connect


@pytest.fixture(autouse=True, scope="session")
def _block_network():
    """Refuse every socket connection that does not go to this machine's loopback."""
    socket.socket.connect = _guarded(_real_connect)
    socket.socket.connect_ex = _guarded(_real_connect_ex)
    yield
    socket.socket.connect = _real_connect
    socket.socket.connect_ex = _real_connect_ex


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    """An IndexStore over a fresh index of the bundled corpus with the "fake" embedder, one per test module."""
    from assistant.compose import open_store
    from assistant.settings import Settings
    from index.ingest import ingest

    settings = Settings()
    settings.embedder.name = "fake"
    store = open_store(settings, index_dir=tmp_path_factory.mktemp("index"), create=True)
    ingest(settings.index.corpus, store=store)
    yield store
    store.close()

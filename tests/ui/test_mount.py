"""The page mounted on the API app: / leads to it, the API stays reachable, nothing points off the machine."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from assistant.api import create_app
    from assistant.settings import Settings
    from ui.mount import mount_ui

    settings = Settings()
    settings.embedder.name = "fake"
    app = create_app(settings, index_dir=tmp_path_factory.mktemp("no-index"))
    mount_ui(app, settings=settings)
    with TestClient(app) as client:
        yield client


def test_root_leads_to_the_page_and_the_page_is_served(client):
    moved = client.get("/", follow_redirects=False)
    assert moved.status_code == 307 and moved.headers["location"] == "/ui/"
    page = client.get("/ui/")
    assert page.status_code == 200 and "<html" in page.text


def test_the_api_is_not_shadowed(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/docs").status_code == 200
    paths = client.get("/openapi.json").json()["paths"]
    assert "/healthz" in paths and "/" not in paths and not any(p.startswith("/ui") for p in paths)


def test_analytics_off_and_no_font_or_script_from_outside(client):
    config = client.get("/ui/config").json()
    assert config["analytics_enabled"] is False
    assert config["title"] == "Trợ lý tài liệu Đảng"
    theme = client.get("/ui/theme.css").text
    assert "googleapis" not in theme and not re.search(r"@import\s+url\(\s*['\"]?https?:", theme)
    assert not re.search(r"https?://(?!127\.0\.0\.1|localhost)", config.get("head") or "")
    assert "system-ui" in theme

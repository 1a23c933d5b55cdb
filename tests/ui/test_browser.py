"""The chat page in a real browser (Debian's chromium via Playwright) against the real server on loopback."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from tests.assistant.test_api import free_port
from ui.feedback import FILENAME, FeedbackStore

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts" / "ui"
CHROMIUM = "/usr/bin/chromium"
# No sandbox (CI runs as root in a container); nothing that phones home or updates itself.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-default-apps", "--disable-extensions",
    "--disable-domain-reliability", "--disable-client-side-phishing-detection", "--no-pings",
    "--metrics-recording-only", "--disable-breakpad", "--disable-dev-shm-usage",
]
SEED = "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?"
SEED_SENTENCE = "Từ năm 2010 đến nay, Đảng bộ đã kết nạp được 95 đảng viên."
UPLOADED_SENTENCE = (
    "Trong năm 2023, Chi bộ thôn Đồng Xuân đã kết nạp được 7 đảng viên mới, nâng tổng số đảng viên lên 64 đồng chí."
)
UPLOADED = (
    "Chi bộ thôn Đồng Xuân tổng kết công tác xây dựng Đảng năm 2023\n\n"
    "Ngày 15/12/2023, Chi bộ thôn Đồng Xuân tổ chức hội nghị tổng kết công tác xây dựng Đảng năm 2023.\n\n"
    f"{UPLOADED_SENTENCE} Chi bộ duy trì sinh hoạt định kỳ mỗi tháng một lần và sinh hoạt chuyên đề mỗi quý một lần.\n"
)
WAIT = 30_000  # ms

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing: run scripts/browser.sh"),
]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    from tests.assistant.test_cli import assistant

    folder = tmp_path_factory.mktemp("ui-index")
    done = assistant("ingest", index_dir=folder)
    assert done.returncode == 0, done.stderr
    return folder


@pytest.fixture(scope="module")
def server(index_dir):
    port = free_port()
    env = {**os.environ, "ASSISTANT_EMBEDDER__NAME": "fake", "ASSISTANT_INDEX__DIR": str(index_dir)}
    log = open(index_dir / "server.log", "wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.ui.serve", "--port", str(port)], cwd=REPO, env=env, stdout=log, stderr=log
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:  # the index is open
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None:
                break
            time.sleep(0.1)
        else:
            raise RuntimeError("the server did not come up in 60 s")
        if proc.poll() is not None:
            raise RuntimeError((index_dir / "server.log").read_text())
        yield base
    finally:
        proc.terminate()
        proc.wait(15)
        log.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Headless chromium with a fresh profile (Playwright's persistent context is its --user-data-dir)."""
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1366, "height": 900}, locale="vi-VN",
        )
        yield context
        context.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser, server):
    """A fresh tab on the page; after the test, every request it made must have gone to the server."""
    tab = browser.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.set_default_timeout(WAIT)
    tab.goto(f"{server}/")
    tab.wait_for_selector("#pda-question textarea")
    tab.wait_for_function("window.__pdaReady === true")  # the page's own script (citation links) is running
    yield tab
    tab.close()
    outside = [url for url in requests if urlsplit(url).scheme in ("http", "https", "ws", "wss")
               and urlsplit(url).hostname != "127.0.0.1"]
    assert not outside, f"requests left the machine: {outside}"


def ask(page, question: str) -> None:
    """Type a question, send it, and wait until the finished answer (not the streaming one) is shown."""
    answers = page.locator("#pda-chat .pda-answer:not(.pda-streaming)").count()
    page.fill("#pda-question textarea", question)
    page.click("#pda-send")
    page.wait_for_function(
        "n => document.querySelectorAll('#pda-chat .pda-answer:not(.pda-streaming)').length > n", arg=answers
    )


def last_answer(page):
    return page.locator("#pda-chat .pda-answer:not(.pda-streaming)").last


def shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def open_citation_of(page, sentence: str):
    """Click the citations of the last answer until the highlighted passage is `sentence`; return the link."""
    links = last_answer(page).locator("a.pda-cite")
    assert links.count() >= 1
    for i in range(links.count()):
        label = links.nth(i).inner_text()  # "[n]"
        links.nth(i).click()
        page.wait_for_function(
            "label => (document.querySelector('#pda-passage .pda-panel-label') || {}).textContent"
            " === 'Trích dẫn ' + label",
            arg=label,
        )
        if page.inner_text("#pda-passage mark").strip() == sentence:
            return links.nth(i)
    raise AssertionError(f"no citation highlights {sentence!r}")


def test_seed_question_streams_an_answer_whose_citation_highlights_the_sentence(page, server):
    assert page.url.endswith("/ui/")
    assert page.evaluate("document.documentElement.lang") == "vi"
    page.evaluate(
        """() => {
          window.__partials = [];
          const chat = document.querySelector('#pda-chat');
          new MutationObserver(() => {
            const s = chat.querySelectorAll('.pda-streaming');
            const text = s.length ? s[s.length - 1].textContent : null;
            if (text && window.__partials[window.__partials.length - 1] !== text) window.__partials.push(text);
          }).observe(chat, { subtree: true, childList: true, characterData: true });
        }"""
    )
    shot(page, "01-start")
    ask(page, SEED)
    assert len(page.evaluate("window.__partials")) >= 2, "the answer did not arrive in pieces"
    answer = last_answer(page)
    assert "95" in answer.inner_text()
    assert page.locator("#pda-chat .pda-card").count() >= 1
    shot(page, "02-answer")
    open_citation_of(page, SEED_SENTENCE)
    panel = page.inner_text("#pda-passage")
    assert "Đảng bộ thị trấn Nghèn" in panel and "20/02/2017" in panel and "seeds/000_dc72e500110ffbd8.txt" in panel
    shot(page, "03-citation")
    page.click("#pda-open-doc")
    mark = page.locator("#pda-document mark")
    mark.wait_for()
    assert mark.inner_text().strip() == SEED_SENTENCE
    page.wait_for_timeout(300)
    assert page.evaluate(
        """() => { const m = document.getElementById('pda-doc-mark').getBoundingClientRect();
                   const box = document.querySelector('#pda-document .pda-doc').getBoundingClientRect();
                   return m.top >= box.top - 1 && m.bottom <= box.bottom + 1; }"""
    ), "the highlighted span is not scrolled into view"
    assert len(page.inner_text("#pda-document .pda-doc")) > 1000  # the whole document, not the passage
    shot(page, "04-whole-document")


def test_follow_up_question_uses_the_conversation(page):
    ask(page, SEED)
    ask(page, "Hội nghị đó được tổ chức vào ngày nào?")
    assert "17/2/2016" in last_answer(page).inner_text()
    assert page.locator("#pda-chat .pda-answer").count() == 2


def test_refusal_is_shown_plainly_and_filters_apply_to_retrieval(page):
    ask(page, "Giá vàng hôm nay là bao nhiêu?")
    assert "Không tìm thấy thông tin này trong tài liệu." in last_answer(page).inner_text()
    assert last_answer(page).locator("a.pda-cite").count() == 0
    page.click("#pda-filters button, #pda-filters .label-wrap")
    page.fill("#pda-date-to textarea, #pda-date-to input", "31/12/2010")
    ask(page, SEED)
    assert "Không tìm thấy thông tin này trong tài liệu." in last_answer(page).inner_text()
    shot(page, "05-refusal-with-filter")
    page.fill("#pda-date-to textarea, #pda-date-to input", "32/13/2010")
    page.fill("#pda-question textarea", SEED)
    page.click("#pda-send")
    page.get_by_text("không tồn tại").first.wait_for()
    page.fill("#pda-date-to textarea, #pda-date-to input", "")
    page.get_by_label("Điều lệ").check()
    ask(page, "Thời kỳ dự bị của người mới được kết nạp vào Đảng là bao lâu?")
    assert "mười hai tháng" in last_answer(page).inner_text()
    assert all("charter/" in card for card in page.locator("#pda-chat .pda-card-meta").all_inner_texts()[-3:])


def test_upload_then_ask_about_it_without_diacritics(page, tmp_path):
    good = tmp_path / "dong-xuan-2023.txt"
    good.write_text(UPLOADED, encoding="utf-8")
    broken = tmp_path / "hong.pdf"
    broken.write_bytes(b"this is not a pdf")
    page.get_by_role("tab", name="Tài liệu").click()
    page.wait_for_selector("#pda-document-list table")
    assert page.locator("#pda-document-list tr").count() == 7  # header + the 6 bundled documents
    page.set_input_files("#pda-upload input[type=file], input[type=file]", [str(good), str(broken)])
    page.wait_for_function("document.querySelectorAll('#pda-outcomes tr.pda-outcome:not(.pda-busy)').length == 2")
    rows = page.locator("#pda-outcomes tr.pda-outcome").all_inner_texts()
    assert "Đã thêm" in rows[0] and "dong-xuan-2023.txt" in rows[0]
    assert "Không thêm được" in rows[1] and "hỏng" in rows[1]
    page.wait_for_function("document.querySelectorAll('#pda-document-list tr').length == 8")
    assert "Chi bộ thôn Đồng Xuân" in page.inner_text("#pda-document-list")
    shot(page, "06-upload")
    page.get_by_role("tab", name="Hỏi đáp").click()
    ask(page, "chi bo thon Dong Xuan da ket nap duoc bao nhieu dang vien moi")
    assert "7 đảng viên mới" in last_answer(page).inner_text()
    open_citation_of(page, UPLOADED_SENTENCE)
    assert "uploads/dong-xuan-2023.txt" in page.inner_text("#pda-passage")
    shot(page, "07-uploaded-answer")


def test_feedback_with_comment_is_stored(page, index_dir):
    ask(page, SEED)
    last_answer(page).locator("xpath=..").locator("a.pda-rate-down").click()
    page.wait_for_selector("#pda-comment textarea")
    assert "Không hữu ích" in page.inner_text("#pda-comment")
    page.fill("#pda-comment textarea", "Câu trả lời thừa câu đầu.")
    page.click("#pda-comment-send")
    page.get_by_text("Đã lưu nhận xét").first.wait_for()
    shot(page, "08-feedback")
    stored = [f for f in FeedbackStore(index_dir / FILENAME).all() if f.comment == "Câu trả lời thừa câu đầu."]
    assert len(stored) == 1
    saved = stored[0]
    assert saved.question == SEED and saved.rating == "not_useful" and "95" in saved.answer
    assert saved.citations and saved.citations[0]["source"].startswith("seeds/")


def test_phone_width_is_readable(browser, server):
    tab = browser.new_page()
    tab.set_viewport_size({"width": 390, "height": 844})
    try:
        tab.set_default_timeout(WAIT)
        tab.goto(f"{server}/")
        tab.wait_for_selector("#pda-question textarea")
        ask(tab, SEED)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 392, "the page scrolls sideways"
        tab.wait_for_timeout(400)  # the chat's own scroll to the bottom first
        last_answer(tab).evaluate("element => element.scrollIntoView({ block: 'start' })")
        tab.screenshot(path=str(ARTIFACTS / "09-phone-answer.png"))
        open_citation_of(tab, SEED_SENTENCE)
        tab.wait_for_timeout(600)  # smooth scroll to the passage panel
        top = tab.evaluate("document.getElementById('pda-passage-panel').getBoundingClientRect().top")
        assert 0 <= top < 844, "the passage is not brought into view on a phone"
        tab.screenshot(path=str(ARTIFACTS / "10-phone-citation.png"))
    finally:
        tab.close()


def test_root_redirects_and_the_api_is_not_shadowed(server):
    assert re.search(r"/ui/$", httpx.get(f"{server}/", follow_redirects=False).headers["location"])
    assert httpx.get(f"{server}/healthz").json() == {"status": "ok"}
    assert httpx.get(f"{server}/docs").status_code == 200
    assert httpx.post(f"{server}/v1/search", json={"query": "đảng viên", "k": 1}).status_code == 200

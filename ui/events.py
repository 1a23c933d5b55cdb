"""What each control of the page does: Gradio event wiring around the session logic in `ui.chat`."""

from __future__ import annotations

import logging
import re

from ui import chat, render
from ui.assets import REVEAL_MARK, REVEAL_PASSAGE
from ui.examples import EXAMPLES
from ui.forms import FormError, build_filters
from ui.library_view import outcomes_html

log = logging.getLogger(__name__)
_ACTION = re.compile(r"^pda-(cite|rate)-(\d+)-(\w+)$")
_RATINGS = {"useful": "Hữu ích", "not_useful": "Không hữu ích"}


def wire(gr, backend: chat.Backend, ui: dict, blocks) -> None:
    """Connect every control; `ui` holds the components and session states by name."""
    wire_questions(gr, backend, ui)
    wire_sources(gr, backend, ui)
    wire_feedback(gr, backend, ui)
    wire_reset(gr, ui)
    wire_documents(gr, backend, ui, blocks)


def wire_questions(gr, backend: chat.Backend, ui: dict) -> None:
    """Send (button, Enter, example): empty the box at once, then stream the answer into the chat."""

    def respond(question, session, date_from, date_to, kinds):
        try:
            filters = build_filters(date_from, date_to, kinds)
        except FormError as err:
            gr.Warning(str(err), title="Bộ lọc chưa đúng")
            yield chat.messages(session), session
            return
        if not question.strip():
            yield chat.messages(session), session
            return
        try:
            yield from chat.ask(backend, question, session, filters)
        except Exception:  # the page must say something in Vietnamese, not show a stack trace
            log.exception("answering %r failed", question)
            message = "Có lỗi khi trả lời câu hỏi này. Hãy thử lại; nếu vẫn lỗi, xem nhật ký máy chủ."
            raise gr.Error(message, title="Lỗi") from None

    inputs = [ui["asked"], ui["turns"], ui["date_from"], ui["date_to"], ui["kinds"]]
    for trigger in (ui["send"].click, ui["question"].submit):
        trigger(lambda q: ("", q), [ui["question"]], [ui["question"], ui["asked"]], queue=False).then(
            respond, inputs, [ui["chatbot"], ui["turns"]]
        )
    for button, text in zip(ui["examples"], EXAMPLES):
        button.click(lambda q=text: ("", q), None, [ui["question"], ui["asked"]], queue=False).then(
            respond, inputs, [ui["chatbot"], ui["turns"]]
        )


def wire_sources(gr, backend: chat.Backend, ui: dict) -> None:
    """Links in answers ([n], source cards, ratings) reach the server through the hidden action box."""

    def on_action(ref, session):
        found = _ACTION.match(ref or "")
        if not found:
            return {}
        kind, turn, arg = found[1], int(found[2]), found[3]
        if kind == "cite" and arg.isdigit():
            return {
                ui["passage"]: chat.show_passage(backend, session, turn, int(arg)),
                ui["open_doc"]: gr.update(visible=True), ui["document"]: "", ui["selected"]: (turn, int(arg)),
            }
        if kind != "rate" or arg not in _RATINGS:
            return {}
        session = chat.rate(backend, session, turn, arg)
        prompt = f"**Đã lưu đánh giá “{_RATINGS[arg]}” cho câu trả lời số {turn + 1}.** Bạn có thể thêm nhận xét:"
        return {
            ui["turns"]: session, ui["chatbot"]: chat.messages(session), ui["rated"]: turn,
            ui["comment_box"]: gr.update(visible=True), ui["comment_label"]: prompt,
        }

    outputs = [
        ui[name] for name in
        ("passage", "open_doc", "document", "selected", "turns", "chatbot", "rated", "comment_box", "comment_label")
    ]
    ui["action_go"].click(on_action, [ui["action"], ui["turns"]], outputs, show_progress="hidden").then(
        None, js=REVEAL_PASSAGE
    )

    def open_document(session, chosen):
        if not chosen:
            return render.notice_html("Hãy chọn một trích dẫn trước.")
        return chat.show_document(backend, session, *chosen)

    ui["open_doc"].click(open_document, [ui["turns"], ui["selected"]], [ui["document"]]).then(None, js=REVEAL_MARK)


def wire_feedback(gr, backend: chat.Backend, ui: dict) -> None:
    """The optional comment on the answer just rated."""

    def send_comment(session, turn, text):
        if turn is None or not chat.comment(backend, session, turn, text or ""):
            gr.Warning("Hãy viết nhận xét trước khi gửi.", title="Chưa có nhận xét")
            return gr.skip(), gr.skip()
        gr.Info("Đã lưu nhận xét. Cảm ơn bạn!", title="Đã lưu")
        return "", gr.update(visible=False)

    ui["comment_send"].click(
        send_comment, [ui["turns"], ui["rated"], ui["comment_text"]], [ui["comment_text"], ui["comment_box"]]
    )
    ui["comment_close"].click(lambda: gr.update(visible=False), None, [ui["comment_box"]], queue=False)


def wire_reset(gr, ui: dict) -> None:
    """A new conversation (button or the chat's bin icon) forgets the turns and the open source."""

    def restart():
        hint = render.notice_html(render.PASSAGE_HINT)
        return [], [], hint, gr.update(visible=False), "", None, gr.update(visible=False)

    outputs = [ui[name] for name in ("chatbot", "turns", "passage", "open_doc", "document", "selected", "comment_box")]
    ui["new_chat"].click(restart, None, outputs, queue=False)
    ui["chatbot"].clear(restart, None, outputs, queue=False)


def wire_documents(gr, backend: chat.Backend, ui: dict, blocks) -> None:
    """Upload with per-file outcomes and a progress bar; the document list on load, tab and after uploads."""

    def upload(files, progress=gr.Progress()):
        paths = [f if isinstance(f, str) else f.name for f in files or []]
        for rows in chat.upload(backend, paths):
            finished = sum(r["status"] not in ("waiting", "pending") for r in rows)
            progress(finished / max(len(rows), 1), desc=f"Đã xử lý {finished}/{len(rows)} tệp")
            yield outcomes_html(rows), gr.skip()
        yield gr.skip(), chat.documents(backend)

    ui["upload"].upload(upload, [ui["upload"]], [ui["outcomes"], ui["list"]])
    ui["documents_tab"].select(lambda: chat.documents(backend), None, [ui["list"]])
    blocks.load(lambda: chat.documents(backend), None, [ui["list"]])

"""The Gradio Blocks of the chat page, in Vietnamese, wired to the session logic in `ui.chat`."""

from __future__ import annotations

from ui import chat, render
from ui.examples import EXAMPLES
from ui.forms import KIND_CHOICES

TITLE = "Trợ lý tài liệu Đảng"
FILE_TYPES = [".txt", ".md", ".html", ".htm", ".pdf", ".docx"]
_HEADER = (
    f'<div id="pda-header"><h1>{TITLE}</h1><p>Hỏi đáp về văn kiện, nghị quyết, tin tức xây dựng Đảng. '
    "Mọi câu trả lời đều trích dẫn đoạn văn nguồn; không có nguồn thì trợ lý nói rõ là không tìm thấy.</p></div>"
)


def build_blocks(backend: chat.Backend):
    """The whole page; every handler reaches the assistant and the library through `backend` at call time."""
    import gradio as gr

    from ui.events import wire

    # delete_cache: uploaded files are copied into the index; Gradio's temporary copies go after a day.
    with gr.Blocks(title=TITLE, analytics_enabled=False, delete_cache=(86400, 86400)) as blocks:
        gr.HTML(_HEADER)
        with gr.Tabs():
            with gr.Tab("Hỏi đáp", id="chat"):
                ui = _chat_tab(gr)
            with gr.Tab("Tài liệu", id="documents") as ui["documents_tab"]:
                ui.update(_documents_tab(gr))
        # The session: answered turns, the citation shown, the answer last rated, the question being answered.
        ui.update(turns=gr.State([]), selected=gr.State(None), rated=gr.State(None), asked=gr.State(""))
        # Links inside answers write their target here and press the button (see assets.JS).
        ui["action"] = gr.Textbox(visible="hidden", elem_id="pda-action")
        ui["action_go"] = gr.Button("Mở", visible="hidden", elem_id="pda-action-go")
        wire(gr, backend, ui, blocks)
    return blocks


def _chat_tab(gr) -> dict:
    """The chat column (filters, conversation, input, feedback, examples) and the source column."""
    ui: dict = {}
    with gr.Row(equal_height=False):
        with gr.Column(scale=3, min_width=300):
            with gr.Accordion("Bộ lọc tìm kiếm", open=False, elem_id="pda-filters"):
                with gr.Row():
                    day = {"placeholder": "dd/mm/yyyy", "min_width": 140}
                    ui["date_from"] = gr.Textbox(label="Từ ngày", elem_id="pda-date-from", **day)
                    ui["date_to"] = gr.Textbox(label="Đến ngày", elem_id="pda-date-to", **day)
                ui["kinds"] = gr.CheckboxGroup(
                    [(k[0].upper() + k[1:], k) for k in KIND_CHOICES], label="Loại văn bản (để trống: mọi loại)",
                    elem_id="pda-kinds",
                )
            ui["chatbot"] = gr.Chatbot(
                show_label=False, elem_id="pda-chat", height="58vh", min_height=320, latex_delimiters=[],
                placeholder="**Hãy đặt câu hỏi về tài liệu.** Bạn có thể gõ có dấu hoặc không dấu.",
                buttons=["copy"], feedback_options=None,
            )
            with gr.Row(equal_height=True):
                ui["question"] = gr.Textbox(
                    show_label=False, placeholder="Nhập câu hỏi (có dấu hoặc không dấu)…", scale=5, lines=1,
                    max_lines=4, elem_id="pda-question", container=False,
                )
                ui["send"] = gr.Button("Gửi", variant="primary", scale=1, min_width=70, elem_id="pda-send")
            with gr.Group(visible=False, elem_id="pda-comment") as ui["comment_box"]:
                ui["comment_label"] = gr.Markdown()
                ui["comment_text"] = gr.Textbox(
                    show_label=False, placeholder="Nhận xét (không bắt buộc)…", lines=2, elem_id="pda-comment-text"
                )
                with gr.Row():
                    ui["comment_send"] = gr.Button("Gửi nhận xét", size="sm", elem_id="pda-comment-send")
                    ui["comment_close"] = gr.Button("Bỏ qua", size="sm")
            gr.Markdown("**Câu hỏi mẫu** — bấm để hỏi:")
            with gr.Column(elem_classes="pda-examples"):
                ui["examples"] = [gr.Button(text, size="sm", variant="secondary") for text in EXAMPLES]
            ui["new_chat"] = gr.Button("Cuộc trò chuyện mới", size="sm", elem_id="pda-new-chat")
        with gr.Column(scale=2, min_width=300):
            ui["passage"] = gr.HTML(render.notice_html(render.PASSAGE_HINT), elem_id="pda-passage")
            ui["open_doc"] = gr.Button("Mở toàn văn", visible=False, size="sm", elem_id="pda-open-doc")
            ui["document"] = gr.HTML("", elem_id="pda-document")
    return ui


def _documents_tab(gr) -> dict:
    """Upload with per-file outcomes, and the list of indexed documents."""
    ui: dict = {}
    gr.Markdown(
        "Tải lên tệp **.txt, .md, .html, .pdf** (có lớp chữ) hoặc **.docx**. Tài liệu được lập chỉ mục ngay "
        "và dùng được cho câu hỏi tiếp theo; tệp trùng nội dung không bị thêm hai lần."
    )
    ui["upload"] = gr.UploadButton(
        "Tải tài liệu lên", file_count="multiple", file_types=FILE_TYPES, variant="primary", elem_id="pda-upload"
    )
    ui["outcomes"] = gr.HTML("", elem_id="pda-outcome-list")
    ui["list"] = gr.HTML("", elem_id="pda-document-list")
    return ui

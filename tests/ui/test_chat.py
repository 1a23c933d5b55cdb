"""The page's session logic over a real index of the bundled corpus (hash embedder), without a browser."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

from index.filters import Filters
from ui import chat
from ui.examples import EXAMPLES

SEED = "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?"
SENTENCE = "Từ năm 2010 đến nay, Đảng bộ đã kết nạp được 95 đảng viên."


def finished(backend, question, turns=(), filters=None):
    """Every (messages, turns) the stream yields, and the last turns."""
    steps = list(chat.ask(backend, question, list(turns), filters))
    return steps, steps[-1][1]


def test_the_answer_streams_then_arrives_with_linked_citations(backend):
    steps, turns = finished(backend, SEED)
    assert len(steps) > 3  # the question at once, then the answer piece by piece
    assert "pda-streaming" in steps[1][0][-1]["content"]
    final = steps[-1][0]
    assert [m["role"] for m in final] == ["user", "assistant"] and final[0]["content"] == SEED
    assert "95" in final[1]["content"] and 'href="#pda-cite-0-1"' in final[1]["content"]
    [turn] = turns
    assert not turn["abstained"] and turn["citations"] and turn["rating"] is None


def test_the_cited_sentence_is_highlighted_in_its_passage_and_in_the_whole_document(backend):
    _, turns = finished(backend, SEED)
    numbers = [c["n"] for c in turns[0]["citations"]]
    passages = [chat.show_passage(backend, turns, 0, n) for n in numbers]
    assert any(f"<mark>{SENTENCE}</mark>" in p for p in passages)
    n = numbers[[i for i, p in enumerate(passages) if SENTENCE in p][0]]
    document = chat.show_document(backend, turns, 0, n)
    assert f'<mark id="pda-doc-mark">{SENTENCE}</mark>' in document and len(document) > len(passages[0])
    assert "Không tìm thấy trích dẫn" in chat.show_passage(backend, turns, 5, 1)


def test_input_without_diacritics_and_follow_ups_work(backend):
    _, turns = finished(backend, "dang bo thi tran Nghen da ket nap bao nhieu dang vien")
    assert "95" in turns[0]["text"]
    _, turns = finished(backend, "Hội nghị đó được tổ chức vào ngày nào?", turns)
    assert "17/2/2016" in turns[1]["text"] and len(turns) == 2


def test_refusal_and_filters(backend):
    _, turns = finished(backend, "Giá vàng hôm nay là bao nhiêu?")
    assert turns[0]["abstained"] and "Không tìm thấy thông tin này" in chat.messages(turns)[1]["content"]
    _, turns = finished(backend, SEED, filters=Filters(date_to=date(2010, 12, 31)))
    assert turns[0]["abstained"] and turns[0]["filters"]["date_to"] == "2010-12-31"


def test_without_an_index_the_page_says_so_in_vietnamese(tmp_path):
    state = SimpleNamespace(assistant=None, library=None, problem="no index in /x: run `assistant ingest` first")
    backend = chat.Backend(state, feedback_dir=tmp_path)
    steps, turns = finished(backend, SEED)
    assert len(steps) == 1 and turns[0]["problem"] and "assistant ingest" in steps[0][0][1]["content"]
    assert "Chưa" in chat.documents(backend) or "chưa" in chat.documents(backend)
    assert chat.rate(backend, turns, 0, "useful") == turns  # nothing to rate
    starting = SimpleNamespace(assistant=None, library=None, problem="the server is starting")
    loading = chat.Backend(starting, feedback_dir=tmp_path)
    assert "thử lại sau vài giây" in loading.problem


def test_rating_and_comment_are_stored_with_the_conversation(backend):
    _, turns = finished(backend, SEED)
    _, turns = finished(backend, "Hội nghị đó được tổ chức vào ngày nào?", turns)
    rated = chat.rate(backend, turns, 1, "not_useful")
    assert rated[1]["rating"] == "not_useful" and "Đã ghi nhận đánh giá" in chat.messages(rated)[3]["content"]
    assert chat.comment(backend, rated, 1, "Thiếu tên hội nghị.")
    assert not chat.comment(backend, rated, 0, "chưa đánh giá câu này")
    again = chat.rate(backend, rated, 1, "useful")
    [saved] = backend.feedback().all()
    assert saved.rating == "useful" and saved.comment == "Thiếu tên hội nghị." and again[1]["feedback_id"] == saved.id
    assert saved.history == [[SEED, turns[0]["text"]]] and saved.citations == turns[1]["citations"]
    assert backend.feedback().path.parent == backend.library.store.dir  # beside the index in use


def test_upload_reports_each_file_as_it_goes_then_answers_from_it(backend, tmp_path):
    good = tmp_path / "ke-hoach.txt"
    plan = "Kế hoạch của Chi bộ thôn Yên Hòa\n\nChi bộ thôn Yên Hòa phấn đấu kết nạp 3 đảng viên mới trong năm 2025.\n"
    good.write_text(plan, encoding="utf-8")
    bad = tmp_path / "anh.pdf"
    bad.write_bytes(b"%PDF-not really")
    steps = list(chat.upload(backend, [good, bad]))
    assert [r["status"] for r in steps[0]] == ["pending", "waiting"]
    assert [r["status"] for r in steps[-1]] == ["added", "skipped"] and steps[-1][0]["chunks"] >= 1
    assert "Chi bộ thôn Yên Hòa" in chat.documents(backend)
    question = "chi bo thon Yen Hoa phan dau ket nap bao nhieu dang vien moi"
    _, turns = finished(backend, question)
    retrieved = [h.source for h in backend.state.assistant.retriever.retrieve(question, k=10)]
    assert "3 đảng viên mới" in turns[0]["text"], retrieved  # once seen refused in CI: show what was retrieved


def test_every_example_question_is_answered_with_a_citation(backend):
    for question in EXAMPLES:
        _, turns = finished(backend, question)
        assert not turns[0]["abstained"] and turns[0]["citations"], question

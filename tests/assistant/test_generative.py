"""The generative answerer over the real index of the bundled corpus, with deterministic fake chat models."""

from __future__ import annotations

import pytest

from assistant.core import Assistant
from assistant.generative import NO_SUPPORT, GenerativeAnswerer
from assistant.models import REFUSAL, Answer
from assistant.retrieval import HybridRetriever
from tests.assistant.llm_fakes import PromptEchoChatModel, passages_and_question

NGHEN = "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?"
NGHEN_SENTENCE = "Từ năm 2010 đến nay, Đảng bộ đã kết nạp được 95 đảng viên"
WEATHER = "Thời tiết Hà Nội hôm nay thế nào?"


def assistant_with(store, variant: str, **options) -> tuple[Assistant, PromptEchoChatModel]:
    model = PromptEchoChatModel(variant=variant)
    answerer = GenerativeAnswerer(model, **options)
    return Assistant(HybridRetriever(store), idf=lambda terms: store.lexical().idf(terms), answerer=answerer), model


def test_a_faithful_answer_is_kept_with_renumbered_citations(corpus_store):
    assistant, model = assistant_with(corpus_store, "faithful")
    answer = assistant.answer(NGHEN)
    assert answer.mode == "generative" and answer.note == "" and not answer.abstained
    assert answer.text == f"{NGHEN_SENTENCE} [1]."
    assert [c.n for c in answer.citations] == [1] and len(model.calls) == 1
    cited = answer.citations[0]
    # the span is the supporting sentence, narrower than the passage, in document offsets
    assert cited.text[cited.start - hit_start(answer, cited.chunk_id) :].startswith(NGHEN_SENTENCE)
    assert cited.end - cited.start == len(NGHEN_SENTENCE) + 1
    assert answer.question == NGHEN and answer.retrieved and set(answer.timings) == {"retrieve", "answer"}


def hit_start(answer: Answer, chunk_id: str) -> int:
    return next(h.start for h in answer.retrieved if h.chunk_id == chunk_id)


def test_the_prompt_is_vietnamese_numbered_and_trimmed(corpus_store):
    assistant, model = assistant_with(corpus_store, "faithful", passages=3, passage_chars=300)
    assistant.answer(NGHEN)
    system, example, example_answer, user = model.calls[0]
    assert "chỉ dùng thông tin" in system.text.lower() and REFUSAL in system.text and "[1]" in system.text
    assert example.type == "human" and example_answer.type == "ai" and example_answer.text.endswith("[1].")
    passages, question = passages_and_question(user.text)
    assert question == NGHEN and sorted(passages) == [1, 2, 3]
    assert all(len(text) <= 300 for text in passages.values())
    assert any("95 đảng viên" in text for text in passages.values())  # trimmed around the best sentence


def test_a_changed_number_is_removed_and_the_note_says_so(corpus_store):
    assistant, _ = assistant_with(corpus_store, "two_changed")
    answer = assistant.answer(NGHEN)
    assert answer.mode == "generative" and answer.text == f"{NGHEN_SENTENCE} [1]."
    assert answer.note.startswith("Đã bỏ 1 câu") and "102 không có trong đoạn" in answer.note


@pytest.mark.parametrize(("variant", "why"), [
    ("changed", "102 không có trong đoạn"),
    ("out_of_range", "trích dẫn [9] không có"),
    ("uncited", "không có trích dẫn"),
    ("raising", "không trả lời được (TimeoutError)"),
    ("refusing", "không tìm thấy câu trả lời"),
])
def test_unusable_output_falls_back_to_the_extractive_answer(corpus_store, variant, why):
    assistant, model = assistant_with(corpus_store, variant)
    answer = assistant.answer(NGHEN)
    quoted = Assistant(assistant.retriever, idf=assistant.idf).answer(NGHEN)
    assert answer.mode == "fallback" and why in answer.note and "câu trích nguyên văn" in answer.note
    assert (answer.text, answer.citations, answer.abstained) == (quoted.text, quoted.citations, False)
    assert len(model.calls) == 1


def test_no_support_refuses_without_calling_the_model(corpus_store):
    assistant, model = assistant_with(corpus_store, "faithful")
    answer = assistant.answer(WEATHER)
    assert answer.abstained and answer.text == REFUSAL and answer.citations == ()
    assert answer.note == NO_SUPPORT and model.calls == []


def test_markers_are_renumbered_from_one(corpus_store):
    assistant, model = assistant_with(corpus_store, "last_cited")
    answer = assistant.answer(NGHEN)
    passages, _ = passages_and_question(model.calls[0][-1].text)
    assert answer.mode == "generative" and answer.text.endswith("[1].") and "[4]" not in answer.text
    assert [c.n for c in answer.citations] == [1]
    assert passages[max(passages)] in answer.citations[0].text  # the last passage shown, now [1]


def test_streaming_gives_the_verified_text_then_the_answer(corpus_store):
    assistant, _ = assistant_with(corpus_store, "two_changed")
    items = list(assistant.stream(NGHEN))
    final = items[-1]
    assert isinstance(final, Answer) and final.mode == "generative"
    assert "".join(items[:-1]) == final.text and "102" not in final.text


def test_a_follow_up_gives_the_model_the_earlier_question(corpus_store):
    assistant, model = assistant_with(corpus_store, "faithful")
    assistant.answer("Hội nghị đó được tổ chức vào ngày nào?", history=[(NGHEN, f"{NGHEN_SENTENCE} [1].")])
    assert f"Câu hỏi trước đó: {NGHEN}" in model.calls[0][-1].text

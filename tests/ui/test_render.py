"""The HTML the page shows: linked markers, escaped text everywhere, the cited span highlighted."""

from __future__ import annotations

from ui import render

DOC = "Tiêu đề\n\nĐoạn một nói về <b>chi bộ</b>.\n\nĐoạn hai: đã kết nạp 95 đảng viên. Câu sau.\n\nĐoạn ba."
SPAN = "đã kết nạp 95 đảng viên."


def citation(**changes) -> dict:
    start = DOC.index(SPAN)
    base = {
        "n": 1, "chunk_id": "c", "doc_id": "d", "title": "Tin <script>alert(1)</script>", "source": "seeds/x.txt",
        "date": "2017-02-20", "text": "Đoạn hai: đã kết nạp 95 đảng viên. Câu sau.", "start": start,
        "end": start + len(SPAN), "score": 0.5,
    }
    return {**base, **changes}


def turn(**changes) -> dict:
    base = {"question": "q", "text": "Có 95 đảng viên <i>mới</i>. [1] Xem [7].", "abstained": False,
            "citations": [citation()], "rating": None, "feedback_id": None}
    return {**base, **changes}


def test_known_markers_become_links_and_unknown_ones_stay_text():
    html = render.answer_html(3, turn())
    assert '<a class="pda-cite" href="#pda-cite-3-1"' in html and "[7]" in html and "#pda-cite-3-7" not in html
    assert "&lt;i&gt;mới&lt;/i&gt;" in html and "<script>" not in html
    assert 'href="#pda-rate-3-useful"' in html and 'href="#pda-rate-3-not_useful"' in html
    assert "20/02/2017" in html and "seeds/x.txt" in html


def test_no_blank_line_breaks_the_raw_html_block():
    html = render.answer_html(0, turn(text="Dòng một.\n\nDòng hai. [1]"))
    assert "\n\n" not in html and "Dòng một.<br><br>Dòng hai." in html


def test_generated_and_fallback_answers_say_how_they_were_made():
    assert "pda-mode" not in render.answer_html(0, turn())  # extractive: the quote speaks for itself
    assert "pda-mode" not in render.answer_html(0, turn(mode="extractive", note=""))
    generated = render.answer_html(0, turn(mode="generative", note="Đã bỏ 1 câu: <số 40> không có trong [2]."))
    assert "mô hình ngôn ngữ viết" in generated and "&lt;số 40&gt;" in generated and "<số 40>" not in generated
    assert "Trích nguyên văn" in render.answer_html(0, turn(mode="fallback", note="Mô hình quá thời gian."))


def test_refusal_is_plain_and_still_takes_feedback():
    refusal = turn(text="Không tìm thấy thông tin này trong tài liệu.", abstained=True, citations=[])
    html = render.answer_html(0, refusal)
    assert "Không tìm thấy thông tin này trong tài liệu." in html and "pda-cite" not in html and "pda-rate" in html


def test_a_rated_answer_says_so_and_offers_the_other_rating():
    html = render.answer_html(0, turn(rating="useful", feedback_id=1))
    assert "Đã ghi nhận đánh giá" in html and "Hữu ích" in html and "#pda-rate-0-not_useful" in html


def test_passage_highlights_exactly_the_cited_span():
    html = render.passage_html(citation(), DOC)
    assert f"<mark>{SPAN}</mark>" in html
    assert "Đoạn hai: " in html and "Đoạn ba" not in html  # the passage, not the document
    assert "Tin &lt;script&gt;" in html and "Ngày: 20/02/2017" in html and "Nguồn: seeds/x.txt" in html


def test_passage_falls_back_to_the_paragraph_when_the_chunk_text_moved():
    html = render.passage_html(citation(text="a chunk that is no longer there"), DOC)
    assert f"<mark>{SPAN}</mark>" in html and "Đoạn một" not in html


def test_passage_of_a_deleted_document_shows_the_stored_chunk():
    html = render.passage_html(citation(), None)
    assert "Đoạn hai" in html and "không còn trong chỉ mục" in html


def test_whole_document_escaped_with_the_span_marked():
    html = render.document_html(citation(), DOC)
    assert f'<mark id="pda-doc-mark">{SPAN}</mark>' in html
    assert "&lt;b&gt;chi bộ&lt;/b&gt;" in html and "Đoạn ba" in html


def test_dates():
    assert render.day("2016-02-17") == "17/02/2016" and render.day(None) == "không rõ ngày"

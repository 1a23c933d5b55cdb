"""Vietnamese-aware sentence splitting: abbreviations, dates, numbers and clause numbering stay whole."""

from __future__ import annotations

import pytest

from index.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị tổ chức tại TP. Hồ Chí Minh ngày 17/2/2016.",
        "Tỷ lệ đạt 99,2% kế hoạch đề ra.",
        "Báo cáo của Th.S Nguyễn Văn A được thông qua.",
        "PGS.TS. Nguyễn Văn B phát biểu tại hội nghị.",
        "Các văn bản, chỉ thị v.v. đều được quán triệt.",
        "Điều 5. Người được kết nạp vào Đảng phải trải qua thời kỳ dự bị.",
        "1. Đảng viên Đảng Cộng sản Việt Nam là chiến sĩ cách mạng.",
        "1.2. Chịu trách nhiệm trước Bộ Chính trị.",
        "a) Có đơn tự nguyện xin vào Đảng.",
        "II. Nhiệm vụ trọng tâm năm 2025.",
        "Kết quả đạt khá… nhiều chỉ tiêu vượt kế hoạch.",
        "Sản lượng đạt 3.000 tấn. trong đó có 200 tấn xuất khẩu.",
        "Trụ sở tại P. Xuân Hòa, TP.HCM.",
    ],
)
def test_no_split_inside(text):
    assert sentences(text) == [text]


def test_splits_on_sentence_punctuation_before_a_capital():
    text = "Hội nghị đã thành công. Các đại biểu thảo luận! Vì sao? Đó là nhờ đoàn kết… Tiếp theo là bế mạc."
    assert sentences(text) == [
        "Hội nghị đã thành công.",
        "Các đại biểu thảo luận!",
        "Vì sao?",
        "Đó là nhờ đoàn kết…",
        "Tiếp theo là bế mạc.",
    ]


def test_splits_before_a_digit_or_an_opening_quote():
    text = "Kết quả đạt 60%. 9/15 chỉ tiêu vượt kế hoạch. “Đoàn kết” là bài học lớn."
    assert sentences(text) == ["Kết quả đạt 60%.", "9/15 chỉ tiêu vượt kế hoạch.", "“Đoàn kết” là bài học lớn."]


def test_closing_quote_stays_with_its_sentence():
    text = 'Ông nói: "Phải làm ngay." Sau đó hội nghị bế mạc.'
    assert sentences(text) == ['Ông nói: "Phải làm ngay."', "Sau đó hội nghị bế mạc."]


def test_line_breaks_always_split_and_spans_exclude_whitespace():
    text = "  Dòng thứ nhất không có dấu chấm\n\nDòng thứ hai.  \n"
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["Dòng thứ nhất không có dấu chấm", "Dòng thứ hai."]
    assert spans[0][0] == 2


def test_numbered_clause_after_a_sentence_in_the_same_line_splits():
    text = "Đảng viên có nhiệm vụ sau. 1. Trung thành với Đảng."
    assert sentences(text) == ["Đảng viên có nhiệm vụ sau.", "1. Trung thành với Đảng."]


def test_a_list_run_into_one_line_splits_at_each_item_after_a_sentence():
    """A wiki history list scraped into one line: "… xã hội". - Ngày 14 tháng 5 năm 1979, …". Read as one sentence,
    it answered "… theo quyết định số mấy?" with the whole list. A dash between words or figures is no item."""
    text = ('Nhằm tiến nhanh lên chủ nghĩa xã hội". - Ngày 14 tháng 5 năm 1979, Ban Bí thư quy định. '
            "- Ngày 16 tháng 2 năm 1987, Hội đồng Nhà nước giải thể. Tuyến Hà Nội - Hải Phòng dài 5 - 7 km. Xong. - ông")
    assert sentences(text) == [
        'Nhằm tiến nhanh lên chủ nghĩa xã hội".', "- Ngày 14 tháng 5 năm 1979, Ban Bí thư quy định.",
        "- Ngày 16 tháng 2 năm 1987, Hội đồng Nhà nước giải thể.", "Tuyến Hà Nội - Hải Phòng dài 5 - 7 km.", "Xong. - ông",
    ]


def test_a_full_stop_or_semicolon_glued_to_a_capital_ends_a_sentence():
    """A line break the scrape lost: "… kinh doanh;**Ngày 28/9/2020 – …" (its bold marks cleaned away) read as one
    sentence with the next item, so the one cited was a whole timeline. Initials ("Kh.Trình", "Ng.Ái Quốc"), "TP.HCM"
    and a semicolon before a space are left alone."""
    assert sentences("Ông Ký là thạc sĩ quản trị kinh doanh;Ngày 28/9/2020 – Đại hội khai mạc.") == [
        "Ông Ký là thạc sĩ quản trị kinh doanh;", "Ngày 28/9/2020 – Đại hội khai mạc."]
    assert sentences("Ông sinh ở thành phố Cao Bằng.Sinh ra trong cảnh nô lệ.") == [
        "Ông sinh ở thành phố Cao Bằng.", "Sinh ra trong cảnh nô lệ."]
    for whole in ("Theo Kh.Trình, Ng.Ái Quốc viết.", "Ông về TP.HCM năm 1975.", "Chủ tịch ; Phó Chủ tịch; Ủy viên"):
        assert sentences(whole) == [whole]


def test_spans_cover_every_non_space_character():
    text = "Sáng ngày 17/2/2016, Ban Thường vụ tổ chức Hội nghị. Đây là đảng bộ đầu tiên.\nCác đại biểu dự Hội nghị"
    covered = set()
    for start, end in split_sentences(text):
        covered.update(range(start, end))
    assert all(i in covered for i, char in enumerate(text) if not char.isspace())


def test_empty_text_has_no_sentences():
    assert split_sentences("") == [] and split_sentences(" \n\n ") == []

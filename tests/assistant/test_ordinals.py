"""Terms, plenums, congresses and sessions named by number: compared as ordinals, in Roman, Arabic or words."""

import pytest

from assistant.ordinals import ordinals, without_ordinals
from assistant.question import Question
from index.models import Hit


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Hội nghị Trung ương 17 khóa XIII đã thảo luận gì?", {("hoi nghi", 17), ("khoa", 13)}),
        ("Hội nghị lần thứ nhất Ban Chấp hành Trung ương Đảng khóa XIII", {("hoi nghi", 1), ("khoa", 13)}),
        ("Hội nghị Trung ương lần thứ mười lăm khóa XII", {("hoi nghi", 15), ("khoa", 12)}),
        ("Hội nghị Ban Chấp hành Trung ương Đảng lần thứ 8 khoá XIII", {("hoi nghi", 8), ("khoa", 13)}),
        ("Đại hội XIII của Đảng", {("dai hoi", 13)}),
        ("Đại hội đại biểu Đảng bộ TP.HCM lần thứ I, nhiệm kỳ 2025-2030", {("dai hoi", 1)}),
        ("bi thu tinh uy yen bai khoa XIX la ai", {("khoa", 19)}),
        # a session of the National Assembly (stop 20, fresh11)
        ("Kỳ họp thứ bảy của Quốc hội khóa II", {("ky hop", 7), ("khoa", 2)}),
        ("Kỳ họp thứ 9 Quốc hội khóa XV", {("ky hop", 9), ("khoa", 15)}),
        ("ky hop lan thu muoi lam", {("ky hop", 15)}),
        # tens in words (fresh18): "hai mươi tư" had been read as its first word, the second plenum
        ("Hội nghị lần thứ hai mươi tư của Ban Chấp hành Trung ương", {("hoi nghi", 24)}),
        ("Hội nghị lần thứ ba mươi mốt", {("hoi nghi", 31)}),
        ("Kỳ họp thứ hai mươi", {("ky hop", 20)}),
        ("Hội nghị lần thứ hai, năm 1951", {("hoi nghi", 2)}),
    ],
)
def test_ordinals_in_every_spelling(text, expected):
    assert ordinals(text) == expected


@pytest.mark.parametrize(
    "text",
    ["Đại hội năm 2020", "nhiệm kỳ khóa 2020-2025", "Hội nghị ngày 16-17/01/2021", "Hội nghị năm 2020"],
)
def test_dates_and_years_are_not_ordinals(text):
    assert ordinals(text) == set()


def test_an_ordinal_is_not_also_a_plain_figure():
    assert without_ordinals("Hội nghị Trung ương 16 ngày 16/1") == "Hội nghị Trung ương    ngày 16/1"
    q = Question.parse("Hội nghị Trung ương 16 khóa XIII diễn ra vào ngày nào?")
    assert q.figures == frozenset() and q.ordinals == {("hoi nghi", 16), ("khoa", 13)}


def _hit(text: str, title: str = "") -> Hit:
    return Hit(chunk_id=text[:20], doc_id="d", text=text, score=1.0, title=title)


def test_a_passage_about_another_plenum_is_weakened_more_than_one_that_names_none():
    q = Question.parse("Hội nghị Trung ương 16 khóa XIII diễn ra vào ngày nào?")
    right = _hit("Hội nghị lần thứ 16 Ban Chấp hành Trung ương Đảng khóa XIII diễn ra ngày 9/10/2024.")
    silent = _hit("Hội nghị diễn ra ngày 9/10/2024 tại Hà Nội.", title="Ban Chấp hành Trung ương khóa XIII")
    other = _hit("Hội nghị lần thứ nhất Ban Chấp hành Trung ương Đảng khóa XIII diễn ra ngày 31 tháng 1 năm 2021.")
    day = _hit("Mười lăm ; 16-17/01/2021 ; Thảo luận, cho ý kiến", title="Ban Chấp hành Trung ương khóa XIII")
    factors = [q.constraint_factor(h, frozenset()) for h in (right, silent, other, day)]
    assert factors[0] == 1.0
    assert factors[2] < factors[1] < 1.0
    assert factors[3] < 1.0  # the "16" of a date is not the sixteenth plenum


def test_rows_of_a_plenum_table_are_numbered_by_their_first_cell():
    from assistant.ordinals import table_ordinals

    heading = "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam khóa XII > Các hội nghị Trung ương Đảng"
    rows = "Mười lăm ; 16-17/01/2021 ; 2 ngày ; Thảo luận\nTư ; 04-07/10/2021 ; Thảo luận\n14 ; 13-22/12/2010 ; x"
    assert table_ordinals(heading, rows) == {("hoi nghi", 15), ("hoi nghi", 4), ("hoi nghi", 14)}
    assert table_ordinals("Ban Chấp hành > Lịch sử", rows) == set()  # only under a heading about plenums
    q = Question.parse("Hội nghị Trung ương 17 khóa XIII đã thảo luận những nội dung gì?")
    row = Hit(chunk_id="row", doc_id="d", text=rows.splitlines()[0], score=1.0, heading=heading)
    assert q.constraint_factor(row, frozenset()) <= 0.5  # the fifteenth plenum, not the seventeenth

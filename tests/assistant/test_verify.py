"""Verification of generated text: markers in range, figures present in the cited passages, refusals recognised."""

from assistant.models import REFUSAL
from assistant.verify import facts, renumber, split_claims, verify

NGHEN = (
    "Đảng bộ thị trấn Nghèn tổng kết — 20/2/2017\n"
    "Sáng ngày 17/2/2016, Ban Thường vụ Đảng ủy thị trấn Nghèn tổ chức Hội nghị. "
    "Từ năm 2010 đến nay, Đảng bộ đã kết nạp được 95 đảng viên. Thực hiện Nghị quyết số 17-NQ/TU."
)
CHARTER = "Điều lệ Đảng — 19/1/2011\nĐảng viên phải có tuổi đời từ đủ 18 tuổi."
GIVEN = [NGHEN, CHARTER]


def kept_and_removed(text: str) -> tuple[list[str], list[str]]:
    verdict = verify(text, GIVEN)
    return [c.text for c in verdict.kept], [reason for _, reason in verdict.removed]


def test_faithful_sentences_are_kept():
    kept, removed = kept_and_removed("Đảng bộ đã kết nạp được 95 đảng viên [1]. Tuổi tối thiểu là đủ 18 tuổi [2].")
    assert kept == ["Đảng bộ đã kết nạp được 95 đảng viên [1].", "Tuổi tối thiểu là đủ 18 tuổi [2]."]
    assert removed == []


def test_a_changed_number_removes_its_sentence_only():
    kept, removed = kept_and_removed("Đảng bộ đã kết nạp được 40 đảng viên [1]. Hội nghị họp ngày 17/2/2016 [1].")
    assert kept == ["Hội nghị họp ngày 17/2/2016 [1]."]
    assert removed == ["40 không có trong đoạn [1]"]


def test_figures_must_be_in_the_passage_the_sentence_cites():
    kept, removed = kept_and_removed("Đảng viên phải đủ 95 tuổi [2].")
    assert kept == [] and removed == ["95 không có trong đoạn [2]"]


def test_dates_and_document_numbers_compare_in_one_spelling():
    same = "Ngày 17 tháng 2 năm 2016 có hội nghị [1]. Theo Nghị quyết 17 - nq/tu [1]. Hội nghị năm 2016 [1]."
    assert len(kept_and_removed(same)[0]) == 3
    kept, removed = kept_and_removed("Ngày 18/2/2016 có hội nghị [1]. Theo Nghị quyết 18-NQ/TU [1].")
    assert kept == [] and removed == ["18/2/2016 không có trong đoạn [1]", "18-NQ/TU không có trong đoạn [1]"]


def test_markers_out_of_range_or_missing_remove_the_sentence():
    kept, removed = kept_and_removed("Đảng bộ đã kết nạp 95 đảng viên [3]. Đảng viên đủ 18 tuổi. Hội nghị [0].")
    assert kept == []
    assert removed == [
        "trích dẫn [3] không có trong các đoạn đã cho",
        "không có trích dẫn",
        "trích dẫn [0] không có trong các đoạn đã cho",
    ]


def test_wording_must_come_from_the_cited_passage():
    given = ["Đảng viên phải có tuổi đời từ đủ mười tám tuổi và được chi bộ giới thiệu.",
             "Chi bộ họp mỗi tháng một lần; đảng viên phải có mặt."]
    verdict = verify("Đảng viên phải có tuổi đời từ đủ mười tám tuổi [2]. Hà Nội rất đẹp vào mùa thu [1].", given)
    assert verdict.kept == ()
    assert [why for _, why in verdict.removed] == ["đoạn [1] khớp hơn đoạn [2]", "nội dung không có trong đoạn [1]"]
    kept, _ = kept_and_removed("Kể từ năm 2010, Đảng bộ đã kết nạp được 95 đảng viên mới [1].")  # a paraphrase stays
    assert len(kept) == 1


def test_markers_after_the_full_stop_belong_to_the_sentence_before():
    claims = split_claims("Kết nạp được 95 đảng viên.[1] Đảng viên đủ 18 tuổi. [2][1]\nHội nghị [1, 2].")
    assert [(c.cites, c.newline) for c in claims] == [((1,), False), ((2, 1), False), ((1, 2), True)]


def test_a_refusal_alone_is_a_refusal_and_not_a_removal():
    verdict = verify(REFUSAL, GIVEN)
    assert verdict.refused and verdict.kept == () and verdict.removed == ()
    verdict = verify(f"Đảng bộ đã kết nạp được 95 đảng viên [1]. {REFUSAL}", GIVEN)
    assert not verdict.refused and len(verdict.kept) == 1


def test_renumbering_follows_first_use():
    verdict = verify("Đảng viên đủ 18 tuổi [2].\nKết nạp 95 đảng viên [1][2]. Hội nghị ngày 17/2/2016 [1, 1].", GIVEN)
    text, order = renumber(verdict.kept)
    assert text == "Đảng viên đủ 18 tuổi [1].\nKết nạp 95 đảng viên [2][1]. Hội nghị ngày 17/2/2016 [2]."
    assert order == [2, 1]


def test_facts_use_one_spelling_per_figure():
    assert facts("Kết nạp 1.095 đảng viên, đạt 99,2% ngày 05/02/2016") == {"1095", "99,2", "5/2/2016"}
    assert {"2/2016", "2016", "17"} <= facts("Ngày 17/2/2016", whole=True)

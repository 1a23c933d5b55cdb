"""Scoring functions on hand-computed examples, including Vietnamese normalisation cases."""

from __future__ import annotations

import unicodedata

import pytest

from evals.metrics import (
    answer_correct,
    contains,
    evidence_rank,
    hit_at,
    mean,
    percentile,
    reciprocal_rank,
    syllable_recall,
    syllables,
    token_f1,
)


def test_syllables_are_normalised():
    assert syllables("Đảng uỷ, 17-NQ/TU") == ["đảng", "ủy", "17", "nq", "tu"]


@pytest.mark.parametrize(
    ("haystack", "needle"),
    [
        ("vai trò của người đứng đầu cấp uỷ chưa", "người đứng đầu cấp ủy"),  # old vs new tone placement
        ("xã hội hoà bình", "hòa bình"),
        (unicodedata.normalize("NFD", "Nghị quyết số 17-NQ/TU"), "nghị quyết số 17-NQ/TU"),  # NFD text
        ("kế hoạch (KH) , chiếm tỷ lệ  60 %", "kế hoạch (KH), chiếm tỷ lệ 60%"),  # spacing around punctuation
        ("hơn 83% cán bộ", "83%"),  # normalisation glues '%' to the next word; still a match
        ("Đối với đảng viên chính thức : khiển trách", "đảng viên chính thức: khiển trách"),
        ("**Hoàn thành** xuất\nsắc", "hoàn thành xuất sắc"),  # markdown emphasis and line breaks
    ],
)
def test_contains_after_normalisation(haystack, needle):
    assert contains(haystack, needle)


def test_a_table_cell_border_matches_the_cleaners_cell_separator():
    assert contains("Bộ Nội vụ ; Trần Hữu Bình\nBộ Y tế ; Phạm Ngọc Thạch", "Bộ Y tế | Phạm Ngọc Thạch")
    assert contains("| Bộ Y tế | Phạm Ngọc Thạch |", "Bộ Y tế ; Phạm Ngọc Thạch")
    assert not contains("Bộ Y tế ; Hoàng Tích Trí", "Bộ Y tế | Phạm Ngọc Thạch")


def test_contains_respects_word_edges():
    assert not contains("đã có 19 chỉ tiêu", "9")
    assert not contains("năm 1995", "95")
    assert contains("kết nạp được 95 đảng viên", "95")
    assert not contains("anything", "  ")


def test_evidence_rank_hit_and_reciprocal_rank():
    texts = ["không liên quan", "khác", "Từ năm 2010 đến nay, Đảng bộ đã kết nạp được 95 đảng viên."]
    rank = evidence_rank(texts, "đã kết nạp được 95 đảng viên")
    assert rank == 3
    assert evidence_rank(texts, "không có ở đây") is None
    assert evidence_rank(["Trần Phú được bầu làm Tổng Bí thư đầu tiên của Đảng."], "làm Tổng Bí thư đầu tiên.") == 1
    assert evidence_rank(["Trần Phú được bầu làm Tổng Bí thư đầu tiên của Đảng."], "Tổng Bí thư thứ hai.") is None
    # Another document's wording of the same answer counts too, wherever it ranks first.
    assert evidence_rank(texts, "không có ở đây", "kết nạp được 95 đảng viên.") == 3
    assert evidence_rank(texts, "kết nạp được 95 đảng viên", "khác") == 2
    assert [hit_at(rank, k) for k in (1, 3, 5)] == [False, True, True]
    assert reciprocal_rank(rank, k=10) == pytest.approx(1 / 3)
    assert reciprocal_rank(rank, k=2) == 0.0
    assert reciprocal_rank(None) == 0.0


def test_syllable_recall_counts_multiplicity():
    assert syllable_recall("dân biết, dân bàn", "dân biết, dân bàn, dân làm") == pytest.approx(4 / 6)
    assert syllable_recall("anything", "") == 0.0


def test_answer_correct_by_containment_or_eighty_percent():
    gold = "dân biết, dân bàn, dân làm, dân kiểm tra"  # 9 syllables
    assert answer_correct("Phương châm là: dân biết, dân bàn, dân làm, dân kiểm tra.", [gold])
    # 8 of 9 syllables (one 'dân' missing) = 89% ≥ 80%: correct although not contained
    assert answer_correct("dân biết dân bàn dân làm kiểm tra", [gold])
    # 6 of 9 = 67%: wrong
    assert not answer_correct("dân biết, dân bàn, dân làm", [gold])
    assert answer_correct("Thời kỳ dự bị là 12 tháng.", ["mười hai tháng", "12 tháng"])  # an alias
    assert not answer_correct("Đã có 19 chỉ tiêu.", ["9"])


def test_strict_correctness_is_containment_only():
    gold = "Đại hội III của Đảng (1960)."
    near_miss = "Đại hội III của Đảng (1961)."  # 5 of 6 syllables
    assert answer_correct(near_miss, [gold])
    assert not answer_correct(near_miss, [gold], strict=True)
    assert answer_correct(f"Đáp án: {gold}", [gold], strict=True)


def test_token_f1_by_hand():
    # prediction 4 syllables, gold 2, overlap 2: P=1/2, R=1, F1=2/3
    assert token_f1("kết nạp 95 đảng", ["95 đảng"]) == pytest.approx(2 / 3)
    assert token_f1("Can Lộc", ["Can Lộc", "huyện Can Lộc"]) == pytest.approx(1.0)
    assert token_f1("không", ["Can Lộc"]) == 0.0
    assert token_f1("Huyện Can Lộc", ["huyện can lộc"]) == pytest.approx(1.0)  # case and NFC folded


def test_mean_and_percentile():
    assert mean([]) is None
    assert mean([True, False, True, True]) == 0.75
    values = [0.4, 0.1, 0.3, 0.2]
    assert percentile(values, 50) == pytest.approx(0.25)
    assert percentile(values, 95) == pytest.approx(0.385)
    assert percentile(values, 0) == 0.1
    assert percentile(values, 100) == 0.4
    assert percentile([], 50) is None

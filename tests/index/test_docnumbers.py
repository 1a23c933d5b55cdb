"""Document numbers: Party and State forms found whole, dates and ratios left alone, one canonical spelling."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.docnumbers import DOC_NUMBER_PATTERN, canonical_document_number, find_document_numbers

PARTY = ["17-NQ/TU", "10-CT/TW", "45-HD/BTCTW", "377-QĐ/TW", "534-QĐ/TU", "64-KL/TW", "03-HD/UBKTTW",
         "86-CV/VPTU", "2937-CV/ĐCSKT-MT", "83-KH/BTGDVTW-BCĐ", "19370-CV/VPTW", "309-CV/ĐU"]
STATE = ["30/2020/NĐ-CP", "04/2023/TT-BNV", "17/CT-UBND", "3600/UBND-VX", "130/TB-UBND", "3505/KH-UBND",
         "125/2020/NĐ-CP", "55/2025/NQ-HĐND", "59/2020/QH14", "730/2004/NQ-UBTVQH11", "3628/SGDĐT-CTTTHSSV"]


@pytest.mark.parametrize("number", PARTY + STATE)
def test_numbers_are_found_whole_in_running_text(number):
    assert find_document_numbers(f"Thực hiện văn bản số {number} ngày 5/7/2018, ...") == [number]


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Nghị quyết số 17-NQ/TU", "17-NQ/TU"),
        ("Nghị quyết 17 - NQ/TU", "17-NQ/TU"),
        ("Quyết định 366- QĐ/TW", "366-QĐ/TW"),
        ("Nghị quyết 18–NQ/TW", "18-NQ/TW"),  # en dash
        ("Quy định 366-QÐ/TW", "366-QĐ/TW"),  # Icelandic capital eth
        ("Nghị định 30/2020/Nð-CP", "30/2020/NĐ-CP"),  # small eth
        ("Quy định 08-QĐi/TW", "08-QĐI/TW"),
        ("Quyết định 1438/QĐ-TTg", "1438/QĐ-TTG"),
        ("Chương trình 30-CTr/TU", "30-CTR/TU"),
        ("(số 17-NQ/TU)", "17-NQ/TU"),
        ("Nghị quyết số17-NQ/TU", "17-NQ/TU"),
        ("Nghị quyết 17-NQ/TU.", "17-NQ/TU"),
        ("Nghị quyết 17\u200b-NQ/TU", "17-NQ/TU"),
    ],
)
def test_variants_are_found_and_canonicalised(written, canonical):
    assert find_document_numbers(written) == [canonical]


@pytest.mark.parametrize(
    "text",
    [
        "ngày 17/2/2016",
        "Thứ tư - 25/03/2015",
        "Chủ nhật, 21/07/2024",
        "đạt 9/15 chỉ tiêu",
        "nhiệm kỳ 2015-2020",
        "giai đoạn 2021 - 2025",
        "chiếm 60%, tăng 99,2%",
        "COVID-19",
        "Hội nghị 3/TW",
        "1.000-NQ/TW",
        "A17-NQ/TW",
        "1234567-NQ/TW",
        "17-NQ/TUabc",
        "Điều 5 - Đảng viên/Quần chúng",
        "NQ/TW",
        "17 - \nNQ/TU",
    ],
)
def test_dates_ratios_years_and_percentages_are_not_numbers(text):
    assert find_document_numbers(text) == []


def test_order_of_first_appearance_without_repeats():
    text = "Theo 30/2020/NĐ-CP và 17-NQ/TU; thực hiện 17-NQ/TU, 17 – NQ/TU và 10-CT/TW."
    assert find_document_numbers(text) == ["30/2020/NĐ-CP", "17-NQ/TU", "10-CT/TW"]


def test_pattern_is_usable_directly():
    match = DOC_NUMBER_PATTERN.search("Chỉ thị số 10-CT/TW ngày 1/1/2022")
    assert match is not None and match.group() == "10-CT/TW"


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("17-nq/tu", "17-NQ/TU"),
        ("17 – NQ / TU", "17-NQ/TU"),
        ("30/2020/nđ-cp", "30/2020/NĐ-CP"),
        ("30/2020/nð-cp", "30/2020/NĐ-CP"),
        ("30 / 2020 / NÐ - CP", "30/2020/NĐ-CP"),
        ("  10-CT/TW ", "10-CT/TW"),
    ],
)
def test_canonical_document_number(raw, canonical):
    assert canonical_document_number(raw) == canonical


def test_seed_article_numbers():
    seed = Path("/work/shared/corpus/seeds/004_85eb6214357ff3ec.txt")
    if not seed.exists():
        pytest.skip("seed articles not found")
    assert "17-NQ/TU" in find_document_numbers(seed.read_text(encoding="utf-8"))

"""Abbreviations: the built-in table, definitions learnt from a text, and query expansion."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.abbreviations import ABBREVIATIONS, expand_abbreviations, find_defined_abbreviations
from index.text import normalize_tones

SEED = Path("/work/shared/corpus/seeds/001_cf8b822daab378bb.txt")  # defines CQCQ, NQ, ĐH, NK, KH

EXPECTED = {
    "NQ": "nghị quyết", "CT": "chỉ thị", "KL": "kết luận", "QĐ": "quyết định", "HD": "hướng dẫn",
    "TW": "trung ương", "TU": "tỉnh ủy", "HU": "huyện ủy", "ĐU": "đảng ủy", "BCH": "ban chấp hành",
    "BTV": "ban thường vụ", "BCT": "bộ chính trị", "UBKT": "ủy ban kiểm tra", "ĐH": "đại hội", "NK": "nhiệm kỳ",
    "KH": "kế hoạch", "HĐND": "hội đồng nhân dân", "UBND": "ủy ban nhân dân", "MTTQ": "mặt trận tổ quốc",
    "KT-XH": "kinh tế - xã hội", "CQCQ": "cơ quan chính quyền", "CNXH": "chủ nghĩa xã hội",
    "QLNN": "quản lý nhà nước", "TP": "thành phố", "THCS": "trung học cơ sở", "CCHC": "cải cách hành chính",
    "BHXH": "bảo hiểm xã hội", "ĐBQH": "đại biểu quốc hội", "XHCN": "xã hội chủ nghĩa",
    "ANQP": "quốc phòng - an ninh", "QP-AN": "quốc phòng - an ninh",
    "QUTW": "quân ủy trung ương", "UBDT": "ủy ban dân tộc", "DT&TG": "dân tộc và tôn giáo",
    "PTT": "phó thủ tướng", "ĐB": "đại biểu", "NDCM": "nhân dân cách mạng", "CTQG": "chính trị quốc gia",
    "VKSNDTC": "viện kiểm sát nhân dân tối cao",
}


def test_an_abbreviation_joined_by_an_ampersand_is_spelt_out():
    assert "dân tộc và tôn giáo" in expand_abbreviations("Bộ DT&TG được thành lập năm 2025 trên cơ sở UBDT")
    assert "ủy ban dân tộc" in expand_abbreviations("Bộ DT&TG được thành lập năm 2025 trên cơ sở UBDT")


@pytest.mark.parametrize(("abbreviation", "expansion"), sorted(EXPECTED.items()))
def test_table_has_the_common_party_abbreviations(abbreviation, expansion):
    assert ABBREVIATIONS[abbreviation] == expansion


def test_table_includes_industrialisation_and_modernisation():
    assert "công nghiệp hóa" in ABBREVIATIONS["CNH-HĐH"] and "hiện đại hóa" in ABBREVIATIONS["CNH-HĐH"]


def test_expansions_are_lower_case_and_in_the_modern_tone_style():
    for abbreviation, expansion in ABBREVIATIONS.items():
        assert expansion == expansion.lower() == normalize_tones(expansion), abbreviation


# --- definitions a text gives itself -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Đảng bộ Cơ quan Chính quyền (CQCQ) huyện", {"CQCQ": "cơ quan chính quyền"}),
        ("thực hiện nghị quyết (NQ) Đại hội (ĐH)", {"NQ": "nghị quyết", "ĐH": "đại hội"}),
        ("phát triển kinh tế - xã hội (KT-XH) của huyện", {"KT-XH": "kinh tế - xã hội"}),
        ("Công nghiệp hóa, hiện đại hóa (CNH-HĐH)", {"CNH-HĐH": "công nghiệp hóa, hiện đại hóa"}),
        ("Ban Tổ chức Trung ương (BTCTW)", {"BTCTW": "ban tổ chức trung ương"}),
        ("Hội đồng nhân dân (sau đây gọi tắt là HĐND)", {"HĐND": "hội đồng nhân dân"}),
        ("Uỷ ban nhân dân (UBND)", {"UBND": "ủy ban nhân dân"}),
        ("UBND (Ủy ban nhân dân) tỉnh", {"UBND": "ủy ban nhân dân"}),
        ("Ðảng ủy (ĐU)", {"ĐU": "đảng ủy"}),
        ("**Tổng Bí thư** (TBT)", {"TBT": "tổng bí thư"}),
    ],
)
def test_definitions_are_learnt(text, expected):
    assert find_defined_abbreviations(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tổng sản phẩm nội địa (GDP)",  # initials do not spell it
        "nhiệm kỳ (2015-2020)",
        "trong năm (NQ)",
        "Đảng ủy. (ĐU)",  # a sentence end is not part of a definition
        "(NQ) ở đầu câu",
        "đảng viên (đv)",
    ],
)
def test_non_definitions_are_ignored(text):
    assert find_defined_abbreviations(text) == {}


def test_definitions_in_the_seed_article():
    if not SEED.exists():
        pytest.skip("seed articles not found")
    found = find_defined_abbreviations(SEED.read_text(encoding="utf-8"))
    assert found["CQCQ"] == "cơ quan chính quyền"
    assert found["NQ"] == "nghị quyết"
    assert found["NK"] == "nhiệm kỳ"


# --- query expansion -----------------------------------------------------------------------------------------


def test_expansions_are_appended_in_order():
    assert expand_abbreviations("NQ ĐH") == "NQ ĐH nghị quyết đại hội"


def test_parts_of_document_numbers_are_not_expanded():
    assert expand_abbreviations("Nghị quyết 17-NQ/TU") == "Nghị quyết 17-NQ/TU"
    assert expand_abbreviations("30/2020/NĐ-CP") == "30/2020/NĐ-CP"
    assert expand_abbreviations("17-NQ/TU của TU") == "17-NQ/TU của TU tỉnh ủy"


def test_only_whole_tokens_are_expanded():
    assert expand_abbreviations("NQA và NQx, tu hành, BCHTWX") == "NQA và NQx, tu hành, BCHTWX"


def test_compound_abbreviations_whole_or_by_parts():
    assert expand_abbreviations("KT-XH năm 2024") == "KT-XH năm 2024 kinh tế - xã hội"
    assert expand_abbreviations("HĐND-UBND tỉnh") == "HĐND-UBND tỉnh hội đồng nhân dân ủy ban nhân dân"
    assert expand_abbreviations("Bộ GD&ĐT và R&D") == "Bộ GD&ĐT và R&D giáo dục và đào tạo"  # joined by '&'


def test_a_unit_with_its_number_glued_on_is_spelt_out_with_it():
    assert expand_abbreviations("Trụ sở BTL QK2") == "Trụ sở BTL QK2 bộ tư lệnh quân khu 2"
    assert expand_abbreviations("BTL QĐ3 của QĐ VNCH") == (
        "BTL QĐ3 của QĐ VNCH bộ tư lệnh quân đoàn 3 quyết định việt nam cộng hòa")  # "QĐ" alone stays a decision
    assert expand_abbreviations("tru so BTL QK2 o dau") == "tru so BTL QK2 o dau bo tu lenh quan khu 2"
    assert expand_abbreviations("mã XY2") == "mã XY2"


def test_extra_definitions_take_part_and_win():
    assert expand_abbreviations("Đảng ủy ABC", extra={"ABC": "an bình chung"}) == "Đảng ủy ABC an bình chung"
    assert expand_abbreviations("NQ mới", extra={"NQ": "nghị quyết mới"}) == "NQ mới nghị quyết mới"


def test_no_repeats_and_nothing_already_said():
    assert expand_abbreviations("NQ và NQ") == "NQ và NQ nghị quyết"
    assert expand_abbreviations("Nghị quyết (NQ) của BCH") == "Nghị quyết (NQ) của BCH ban chấp hành"


def test_a_plain_query_gets_plain_expansions_and_folded_keys():
    assert expand_abbreviations("QD 377 ve DH") == "QD 377 ve DH quyet dinh dai hoi"
    assert expand_abbreviations("NQ ve dang vien") == "NQ ve dang vien nghi quyet"


def test_unknown_text_is_returned_unchanged():
    for text in ("", "đảng viên dự bị", "GDP bình quân"):
        assert expand_abbreviations(text) == text


def test_spell_out_replaces_abbreviations_but_not_document_numbers():
    from index.abbreviations import spell_out_abbreviations

    assert spell_out_abbreviations("BCH TW bầu TBT theo 17-NQ/TU") == "ban chấp hành trung ương bầu tổng bí thư theo 17-NQ/TU"
    assert spell_out_abbreviations("HDND-UBND tinh") == "hoi dong nhan dan uy ban nhan dan tinh"
    assert spell_out_abbreviations("Đảng bộ ABCXYZ") == "Đảng bộ ABCXYZ"


def test_a_signature_mark_before_a_line_in_capitals_says_its_words():
    """"Ai thay mặt Bộ Chính trị ký …?" asks in words what a signature writes "T/M BỘ CHÍNH TRỊ"; the mark is
    spelt out only before a word in capitals (the signing body or post), not in running text."""
    from index.abbreviations import signs_off, spell_out_abbreviations

    signature = "- Lưu Văn phòng Trung ương Đảng.\n\nT/M BỘ CHÍNH TRỊ\nTrần Cẩm Tú"
    assert expand_abbreviations(signature).endswith("Trần Cẩm Tú thay mặt")
    assert spell_out_abbreviations("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH") == "ký thay CHỦ TỊCH\nPHÓ CHỦ TỊCH"
    assert expand_abbreviations("TM. ỦY BAN NHÂN DÂN") == "TM. ỦY BAN NHÂN DÂN thay mặt"
    assert expand_abbreviations("t/m ban chap hanh") == "t/m ban chap hanh"
    assert expand_abbreviations("ngành KT. Năm 2020") == "ngành KT. Năm 2020"
    assert signs_off(signature) and signs_off("**K/T TỔNG BÍ THƯ**\nĐỗ Mười")
    assert not signs_off("Thay mặt Bộ Chính trị, đồng chí Trần Cẩm Tú ký.") and not signs_off("KT. Năm 2020")

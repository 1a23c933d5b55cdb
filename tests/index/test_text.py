"""Vietnamese text normalisation: NFC, invisible characters, tone placement, folding, match form."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from index import text as text_module
from index.text import (
    fold,
    has_diacritics,
    nfc,
    normalize_for_match,
    normalize_for_search,
    normalize_tones,
    strip_invisible,
)

CORPUS = Path("/work/shared/corpus")
CHARTER = CORPUS / "party" / "docs" / "b5766b5f7caa1268.md"  # spells "uỷ" throughout


def _corpus_texts() -> list[tuple[str, str]]:
    """The seed articles plus a handful of party documents, NFC, or skip when the corpus is absent."""
    paths = sorted((CORPUS / "seeds").glob("*.txt")) + sorted((CORPUS / "party" / "docs").glob("*.md"))[:15]
    if CHARTER.exists():
        paths.append(CHARTER)
    if not paths:
        pytest.skip(f"sample corpus not found under {CORPUS}")
    return [(p.name, nfc(p.read_text(encoding="utf-8"))) for p in paths]


# --- NFC ---------------------------------------------------------------------------------------------------


def test_nfd_input_is_composed():
    decomposed = unicodedata.normalize("NFD", "quyết định")
    assert len(decomposed) > len("quyết định")
    assert nfc(decomposed) == "quyết định"


def test_nfd_splits_a_plain_word_pattern_but_not_after_nfc():
    decomposed = unicodedata.normalize("NFD", "quyết")
    assert len(re.findall(r"\w+", decomposed)) == 2  # the pitfall: "quye" + "t"
    assert re.findall(r"\w+", nfc(decomposed)) == ["quyết"]


@pytest.mark.parametrize(
    "sample",
    ["", "abc", "Đảng Cộng sản Việt Nam", "Å Ω K 가", "e\u0301", "\u1100\u1161", "中國 – “x”", "Кириллица"],
)
def test_nfc_matches_unicodedata(sample):
    assert nfc(sample) == unicodedata.normalize("NFC", sample)


def test_nfc_fast_path_only_skips_characters_that_are_always_nfc():
    # The fast path returns text unchanged when every character is in the "safe" blocks; prove that no safe
    # character changes under NFC, is a combining mark, or can be the second half of a canonical composition.
    second_halves = set()
    for cp in range(0x110000):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<") and len(decomposition.split()) == 2:
            second_halves.add(int(decomposition.split()[1], 16))
    for cp in range(0x10000):
        ch = chr(cp)
        if 0xD800 <= cp < 0xE000 or text_module._MAYBE_NOT_NFC.match(ch):
            continue
        assert unicodedata.normalize("NFC", ch) == ch, hex(cp)
        assert not unicodedata.category(ch).startswith("M"), hex(cp)
        assert cp not in second_halves, hex(cp)
        assert not 0x1100 <= cp < 0x1200, hex(cp)  # Hangul jamo compose


# --- invisible characters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("đảng\u200b viên", "đảng viên"),  # zero-width space
        ("chi\u200c bộ\u200d", "chi bộ"),
        ("\ufeffNghị quyết", "Nghị quyết"),  # byte-order mark
        ("Ban\u2060 Chấp hành", "Ban Chấp hành"),  # word joiner
        ("quy\u00adết", "quyết"),  # soft hyphen inside a word
        ("Điều\u00a05", "Điều 5"),  # no-break space
        ("17\u202f000", "17 000"),  # narrow no-break space
        ("a\u2003b\u3000c", "a b c"),  # em space, ideographic space
        ("dòng\u2028mới", "dòng\nmới"),
    ],
)
def test_strip_invisible(raw, clean):
    assert strip_invisible(raw) == clean


def test_eth_is_read_as_d_with_stroke():
    assert strip_invisible("ðảng viên, Ðảng bộ") == "đảng viên, Đảng bộ"
    assert normalize_for_search("30/2020/NÐ-CP") == "30/2020/NĐ-CP"


def test_strip_invisible_keeps_ordinary_whitespace():
    assert strip_invisible("a b\tc\nd") == "a b\tc\nd"


# --- tone placement ------------------------------------------------------------------------------------------

OLD_TO_NEW = [
    ("uỷ", "ủy"),
    ("uý", "úy"),
    ("hoà", "hòa"),
    ("hoá", "hóa"),
    ("khoẻ", "khỏe"),
    ("thuý", "thúy"),
    ("thuỷ", "thủy"),
    ("tuỳ", "tùy"),
    ("nguỵ", "ngụy"),
    ("hoạ", "họa"),
    ("xoã", "xõa"),
    ("loè", "lòe"),
    ("cấp uỷ", "cấp ủy"),
    ("Uỷ ban", "Ủy ban"),
    ("Hoà", "Hòa"),
    ("UỶ BAN", "ỦY BAN"),
    ("HOÀ BÌNH", "HÒA BÌNH"),
    ("Thuỵ Điển", "Thụy Điển"),
    ("hoà.", "hòa."),
    ("(uỷ)", "(ủy)"),
]


@pytest.mark.parametrize(("old", "new"), OLD_TO_NEW)
def test_mark_on_the_second_vowel_moves_to_the_first(old, new):
    assert normalize_tones(old) == new


@pytest.mark.parametrize(("old", "new"), OLD_TO_NEW)
def test_mark_on_the_first_vowel_is_left_alone(old, new):
    assert normalize_tones(new) == new


@pytest.mark.parametrize(
    "word",
    ["hoàng", "toàn", "thoại", "ngoài", "xoáy", "khoẻo", "quý", "quỹ", "quỳnh", "quỷ", "Quý", "QUÝ", "huých",
     "thuế", "thuở", "mía", "múa", "ủy", "hòa"],
)
def test_tone_marks_inside_a_syllable_or_after_qu_do_not_move(word):
    assert normalize_tones(word) == word


def test_tone_normalisation_preserves_length_and_positions():
    old = "Đồng chí Hoà, uỷ viên Ban Thường vụ Tỉnh uỷ, khoẻ mạnh; Thuý Quỳnh quý hoàng toàn thoại."
    new = normalize_tones(old)
    assert len(new) == len(old)
    changed = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
    assert changed  # something moved
    assert fold(new) == fold(old)  # only marks moved: every position keeps its letter


def test_tone_normalisation_is_idempotent():
    once = normalize_tones("Uỷ ban hoà giải, khoẻ, thuý")
    assert normalize_tones(once) == once


def test_length_and_letters_preserved_over_the_real_corpus():
    for name, content in _corpus_texts():
        toned = normalize_tones(content)
        assert len(toned) == len(content), name
        assert fold(toned) == fold(content), name  # char i still spells the same letter
        assert len(fold(content)) == len(content), name
        assert normalize_tones(toned) == toned, name


def test_the_party_charter_is_respelt():
    if not CHARTER.exists():
        pytest.skip("Party Charter not in the sample corpus")
    charter = nfc(CHARTER.read_text(encoding="utf-8"))
    assert "uỷ" in charter
    normalized = normalize_tones(charter)
    assert "uỷ" not in normalized and "Uỷ" not in normalized
    assert normalized.count("ủy") > charter.count("ủy")


# --- folding -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accented", "plain"),
    [
        ("Đảng viên dự bị", "Dang vien du bi"),
        ("kỷ luật đảng viên", "ky luat dang vien"),
        ("ĐẠI HỘI", "DAI HOI"),
        ("ở, ý, á", "o, y, a"),
        ("ưu tiên ơn", "uu tien on"),
        ("ð", "d"),
        ("17-NQ/TU", "17-NQ/TU"),
    ],
)
def test_fold(accented, plain):
    assert fold(accented) == plain


def test_fold_covers_every_vietnamese_letter():
    letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
    folded = fold(letters + letters.upper())
    assert folded.isascii()
    assert len(folded) == 2 * len(letters)


# --- search and match forms ----------------------------------------------------------------------------------


def test_normalize_for_search_combines_all_steps_and_keeps_case():
    raw = unicodedata.normalize("NFD", "Cấp uỷ\u200b và\u00a0Ðảng")
    assert normalize_for_search(raw) == "Cấp ủy và Đảng"


@pytest.mark.parametrize(
    ("evidence", "chunk"),
    [
        ("95 đảng viên .", "có 95 đảng viên."),
        ("95 đảng viên", "Có 95  đảng\nviên ."),
        ("Cấp uỷ", "các cấp ủy đã"),
        (unicodedata.normalize("NFD", "quyết định"), "Quyết định số 1"),
        ("kinh tế – xã hội", "kinh tế - xã hội"),
        ("kinh tế - xã hội", "kinh tế-xã hội"),
        ("“chi bộ”", '"chi bộ"'),
        ("Điều 5 . Đảng viên", "**Điều 5.** Đảng viên"),
        ("( 2015 - 2020 )", "(2015-2020)"),
        ("đảng\u200bviên", "đảngviên"),
    ],
)
def test_normalize_for_match_makes_evidence_found_in_chunk(evidence, chunk):
    assert normalize_for_match(evidence) in normalize_for_match(chunk)


def test_normalize_for_match_form():
    assert normalize_for_match("  Có 95 đảng viên , đạt 99,2 % .\n\n") == "có 95 đảng viên,đạt 99,2%."


def test_normalize_for_match_does_not_merge_words():
    assert normalize_for_match("đảng viên") not in normalize_for_match("đảngviên mới")


# --- diacritics ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("dang vien du bi", False),
        ("17-NQ/TU 2020", False),
        ("", False),
        ("đang", True),
        ("Đ", True),
        ("ở", True),
        ("ky luat đảng viên", True),
        (unicodedata.normalize("NFD", "quyết"), True),
    ],
)
def test_has_diacritics(sample, expected):
    assert has_diacritics(sample) is expected

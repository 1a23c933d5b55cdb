"""Encoding detection: BOMs, UTF-8/16, the Vietnamese legacy encodings, and clear refusals."""

from __future__ import annotations

import codecs
import random
import unicodedata

import pytest

from index.encodings import (
    LEGACY_ENCODINGS,
    decode_bytes,
    decode_font_text,
    decode_legacy,
    encode_legacy,
    font_legacy_encoding,
    legacy_name,
)
from index.errors import UnreadableFile

SAMPLE = (
    "Đảng bộ thị trấn Nghèn đã kết nạp được 95 đảng viên. Ban Chấp hành Đảng bộ tỉnh khóa XII ban hành "
    "Nghị quyết số 17-NQ/TU về nâng cao chất lượng hoạt động của tổ chức đảng."
)

# The same sentence as glibc iconv writes it: known answers that do not come from our own tables.
ICONV = {
    "viscii": "d0e46e672062b5207468b8207472a46e204e6768e86e20f0e3206baa74206ed57020f0dffe6320393520f0e46e67207669ea"
    "6e2e2042616e204368a4702068e06e6820d0e46e672062b52074ef6e68206b68f361205849492062616e2068e06e68204e6768b820"
    "717579aa742073af2031372d4e512f54552076ab206ee26e672063616f206368a474206cdffe6e6720686fd57420f0b56e672063fc"
    "612074b1206368d16320f0e46e672e",
    "tcvn3": "a7b66e672062e9207468de207472ca6e204e6768cc6e20aeb7206bd574206eb97020aeadee6320393520aeb66e67207669aa6e"
    "2e2042616e204368ca702068b56e6820a7b66e672062e92074d86e68206b68e361205849492062616e2068b56e68204e6768de2071"
    "7579d5742073e82031372d4e512f54552076d2206ea96e672063616f206368ca74206cadee6e6720686fb97420aee96e672063f161"
    "2074e6206368f86320aeb66e672e",
    "windows-1258": "d061d26e672062f4f220746869f2207472e2ec6e204e6768e86e20f061de206beaec74206e61f27020f0fdf5f2632039"
    "3520f061d26e67207669ea6e2e2042616e204368e2ec702068e06e6820d061d26e672062f4f2207469d26e68206b68f361205849492062"
    "616e2068e06e68204e676869f220717579eaec742073f4ec2031372d4e512f54552076eacc206ee26e672063616f206368e2ec7420"
    "6cfdf5f26e6720686f61f27420f0f4f26e67206375d2612074f4d2206368fdec6320f061d26e672e",
}
VNI_SENTENCE = "Ñaûng boä thò traán Ngheøn ñaõ keát naïp ñöôïc 95 ñaûng vieân."  # VNI bytes read as windows-1252


def test_plain_utf8_and_ascii():
    assert decode_bytes(SAMPLE.encode("utf-8")) == (SAMPLE, "utf-8")
    assert decode_bytes(b"Plain ASCII text.\n") == ("Plain ASCII text.\n", "utf-8")
    assert decode_bytes(b"") == ("", "utf-8")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + SAMPLE.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_byte_order_marks(data, encoding):
    assert decode_bytes(data) == (SAMPLE, encoding)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom(encoding):
    assert decode_bytes(SAMPLE.encode(encoding)) == (SAMPLE, encoding)


def test_nfd_comes_out_nfc_with_unix_line_ends_and_no_nul():
    nfd = unicodedata.normalize("NFD", "Nghị quyết\r\nvề\rđảng\x00 viên")
    text, _ = decode_bytes(nfd.encode("utf-8"))
    assert text == "Nghị quyết\nvề\nđảng viên"
    assert unicodedata.is_normalized("NFC", text)


def test_trailing_nul_padding_is_dropped():
    assert decode_bytes(SAMPLE.encode("utf-8") + b"\x00" * 4000) == (SAMPLE, "utf-8")


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_legacy_round_trip(encoding):
    data = encode_legacy(SAMPLE, encoding)
    assert not data.isascii()
    assert decode_bytes(data) == (SAMPLE, encoding)


@pytest.mark.parametrize("encoding", sorted(ICONV))
def test_legacy_known_answers_from_iconv(encoding):
    data = bytes.fromhex(ICONV[encoding])
    assert decode_bytes(data) == (SAMPLE, encoding)
    if encoding != "windows-1258":  # cp1258 has several spellings of one letter; iconv picks precomposed ones
        assert encode_legacy(SAMPLE, encoding) == data


def test_vni_known_answer():
    data = VNI_SENTENCE.encode("cp1252")
    assert decode_bytes(data) == ("Đảng bộ thị trấn Nghèn đã kết nạp được 95 đảng viên.", "vni")
    assert encode_legacy("Đảng bộ thị trấn Nghèn đã kết nạp được 95 đảng viên.", "vni") == data


def test_legacy_capitals_round_trip():
    text = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nỦY BAN KIỂM TRA TỈNH ỦY, Hà Tĩnh"
    for encoding in LEGACY_ENCODINGS:
        assert decode_bytes(encode_legacy(text, encoding)) == (text, encoding)


def vn3(text: str) -> bytes:
    """TCVN3 as the ABC capital fonts leave it: toned capitals stored under their lowercase codes."""
    keep = set("ĂÂÊÔƠƯĐ")  # the only capitals VN3 codes
    lowered = "".join(ch.lower() if not ch.isascii() and ch.isupper() and ch not in keep else ch for ch in text)
    return encode_legacy(lowered, "tcvn3")


def test_tcvn3_capital_font_text_is_capitalised_again():
    heading = "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBAN CHẤP HÀNH ĐẢNG BỘ TỈNH"
    mixed = "Ban hành NGHỊ QUYẾT về công tác Đảng, Số: 17-NQ/TU"
    text, encoding = decode_bytes(vn3(heading + "\n" + mixed + "\n" + SAMPLE))
    assert encoding == "tcvn3"
    assert text == heading + "\n" + mixed + "\n" + SAMPLE


def test_font_encoded_text_inside_utf8_is_converted():
    data = (VNI_SENTENCE + " " + VNI_SENTENCE).encode("utf-8")
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8+vni"
    assert text.startswith("Đảng bộ thị trấn Nghèn đã kết nạp được 95 đảng viên. Đảng bộ")
    tcvn3_mojibake = encode_legacy(SAMPLE, "tcvn3").decode("cp1252")
    assert font_legacy_encoding(tcvn3_mojibake) == "tcvn3"
    assert decode_font_text(tcvn3_mojibake, "tcvn3") == SAMPLE


def test_vni_paragraphs_inside_a_unicode_document_are_converted():
    vni = encode_legacy(SAMPLE, "vni").decode("cp1252")
    text, encoding = decode_bytes(f"Báo cáo tháng 5\n{SAMPLE}\n{vni}\nVề công tác đảng".encode("utf-8"))
    assert encoding == "utf-8+vni"
    assert text == f"Báo cáo tháng 5\n{SAMPLE}\n{SAMPLE}\nVề công tác đảng"


@pytest.mark.parametrize(
    "text",
    [SAMPLE, "café naïve résumé, “quoted” — ok", "Привет мир", "中文文本", "Ñaûng"],  # a lone word is left alone
)
def test_unicode_text_that_is_not_mojibake_is_left_alone(text):
    assert font_legacy_encoding(text) is None
    assert decode_bytes(text.encode("utf-8")) == (text, "utf-8")


def test_western_latin1_text_still_loads():
    text = "The Café Müller report, a naïve summary in English with a few accented words."
    assert decode_bytes(text.encode("cp1252")) == (text, "windows-1252")


def test_stray_windows_1252_byte_in_utf8_is_tolerated():
    data = SAMPLE.encode("utf-8") + b" \x93" + "trích".encode("utf-8") + b"\x94 " + SAMPLE.encode("utf-8")
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8"
    assert "“trích”" in text


def test_random_binary_is_refused():
    data = random.Random(7).randbytes(4096)
    with pytest.raises(UnreadableFile, match="binary"):
        decode_bytes(data, name="blob.txt")


def test_unknown_8bit_text_is_refused_with_advice():
    data = ("Это русский текст в кодировке Windows-1251, а не вьетнамский. " * 5).encode("cp1251")
    with pytest.raises(UnreadableFile) as caught:
        decode_bytes(data, name="ru.txt")
    message = str(caught.value)
    assert message.startswith("ru.txt: ") and "TCVN3, VNI, VISCII" in message and "convert it to UTF-8" in message


def test_short_legacy_text_that_happens_to_be_valid_utf8():
    data = encode_legacy("Chương cường", "viscii")  # "ươ" and "ườ" in VISCII are UTF-8 sequences
    assert data.decode("utf-8") == "Ch\u07fdng c\u07f6ng"
    assert decode_bytes(data) == ("Chương cường", "viscii")


def test_one_legacy_word_is_too_little_to_guess():
    with pytest.raises(UnreadableFile, match="too little Vietnamese text"):
        decode_bytes(encode_legacy("về", "tcvn3"))


def test_broken_utf16_after_bom_is_refused():
    with pytest.raises(UnreadableFile, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF16_LE + "Đảng".encode("utf-16-le") + b"\x00\xdc")


def test_legacy_names_and_explicit_decoding():
    assert legacy_name("VISCII") == "viscii"
    assert legacy_name("x-viet-tcvn5712") == "tcvn3"
    assert legacy_name("Windows-1258") == "windows-1258"
    assert legacy_name("utf-8") is None
    assert decode_legacy(bytes.fromhex(ICONV["tcvn3"]), "tcvn3") == SAMPLE


def test_unencodable_character_raises_value_error():
    with pytest.raises(ValueError, match="cannot be written"):
        encode_legacy("Đảng 中", "viscii")

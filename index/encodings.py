"""Decode text bytes to NFC Unicode: BOMs, UTF-8/16 and the Vietnamese legacy encodings, or refuse clearly."""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

from index.errors import UnreadableFile

LEGACY_ENCODINGS = ("windows-1258", "tcvn3", "vni", "viscii")

# Single-byte tables, checked byte for byte against glibc iconv (VISCII, TCVN5712-1 = TCVN 5712:1993 VN1).
# VN3, the "ABC" font layout, is the VN1 subset with lowercase toned letters only; VN1's extra capitals
# (0x80-0x9F, a few 0xAF-0xFF slots, twelve C0 codes) never clash with VN3, so one table reads both.
_VISCII_C0 = {0x02: "Ẳ", 0x05: "Ẵ", 0x06: "Ẫ", 0x14: "Ỷ", 0x19: "Ỹ", 0x1E: "Ỵ"}
_VISCII_HIGH = (
    "ẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲ"
    "ÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯ"
    "ÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡư"
    "àáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"
)
_TCVN3_C0 = {1: "Ú", 2: "Ụ", 4: "Ừ", 5: "Ử", 6: "Ữ", 17: "Ứ", 18: "Ự", 19: "Ỳ", 20: "Ỷ", 21: "Ỹ", 22: "Ý", 23: "Ỵ"}
_TCVN3_HIGH = (
    "ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨ"
    "\u00a0ĂÂÊÔƠƯĐăâêôơưđẰ\u0300\u0309\u0303\u0301\u0323àảãáạẲằẳẵắẴ"
    "ẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịò"
    "ỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ"
)

# VNI-Windows: bytes read as windows-1252; a vowel is followed by one "diacritic byte" carrying its marks.
_CIRC, _BREVE = "\u0302", "\u0306"
_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
_VNI_LOWER_MARKS = {
    "â": _CIRC, "ê": _BREVE, "ù": _ACUTE, "ø": _GRAVE, "û": _HOOK, "õ": _TILDE, "ï": _DOT,
    "á": _CIRC + _ACUTE, "à": _CIRC + _GRAVE, "å": _CIRC + _HOOK, "ã": _CIRC + _TILDE, "ä": _CIRC + _DOT,
    "é": _BREVE + _ACUTE, "è": _BREVE + _GRAVE, "ú": _BREVE + _HOOK, "ü": _BREVE + _TILDE, "ë": _BREVE + _DOT,
}  # fmt: skip
_VNI_MARKS = _VNI_LOWER_MARKS | {k.upper(): v for k, v in _VNI_LOWER_MARKS.items()}
_VNI_LETTERS = {"ñ": "đ", "ô": "ơ", "ö": "ư", "æ": "ỉ", "ó": "ĩ", "ò": "ị", "î": "ỵ"}
_VNI_LETTERS |= {k.upper(): v.upper() for k, v in _VNI_LETTERS.items()}
_TONES = {_ACUTE, _GRAVE, _HOOK, _TILDE, _DOT}

# Detection: a decoding is Vietnamese when nearly all its words with non-ASCII letters are valid syllables.
MIN_VALID_SHARE = 0.8  # right decodings score ~1.0, wrong ones rarely above 0.6
MIN_MARKED_SHARE = 0.1  # real Vietnamese marks about half its syllables; English with a stray byte does not
FEW_MARKED = 5  # below this many marked words only a perfect score counts
MAX_WESTERN_MARKED_SHARE = 0.35  # western languages accent up to a third of their words, Vietnamese over half
SAMPLE = 65536
_INITIALS = "ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
_NUCLEI = (
    "iêu yêu uôi ươi ươu uyê uya uyu oai oay oao oeo uây "
    "ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu uy iê yê uô ươ oa oă oe uâ uê uơ oo "
    "a ă â e ê i o ô ơ u ư y"
).split()
_SYLLABLE = re.compile(rf"(?:{_INITIALS})?(?:{'|'.join(_NUCLEI)})(?:ch|nh|ng|c|m|n|p|t)?")
# Frequent syllables of Party and news texts (only the ones with marks matter): tie-breaks short texts.
_COMMON = frozenset(
    """của và các có được là người những một cho không với đã này để năm về đến khi từ nhiều
    cũng như đó sẽ nhà phải nước việc làm đồng hội công đảng tỉnh huyện xã bộ chính trị viên cán chức tổ quyết
    nghị chỉ thị hoạt động phát triển tế xây dựng thực hiện lãnh đạo quản lý cơ nhân dân ủy uỷ thường vụ kiểm
    giám sát học tập tư tưởng đức hồ chí số ngày tháng lần thứ đại biểu kết nạp đoàn niên phụ nữ cựu chiến
    mặt trận quốc việt cộng hòa hoà chủ nghĩa độc lập tự hạnh phúc trung ương văn bản kế hoạch thông báo
    hướng dẫn định điều lệ chương mục khoản điểm nội kỳ nhiệm giải pháp mới chất lượng hiệu quả tình hình
    đợt đua thưởng kỷ luật đề ý kiến thành phố trường sở ngành đơn vị cấp trên dưới tiếp tục tăng cường
    nâng chữ giảm ở sự vào đây lại đi trước sau trong""".split()
)
_SPLIT = re.compile(r"[\s!-/:-@\[-`{-~]+")
_EDGE_PUNCT = "“”‘’«»–—…•"
_UNREADABLE_HINT = "not UTF-8 and not a recognised Vietnamese legacy encoding (TCVN3, VNI, VISCII): convert it to UTF-8"


def normalize_text(text: str) -> str:
    """Drop NUL characters, turn every line ending into '\\n' and compose to NFC."""
    text = text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def decode_bytes(data: bytes, *, name: str = "<bytes>") -> tuple[str, str]:
    """Decode a text file's bytes to NFC text; return it with the name of the encoding found.

    Encodings: utf-8, utf-8-sig, utf-16-le/-be, utf-32-le/-be, one of LEGACY_ENCODINGS, windows-1252
    (western text only), or "utf-8+vni" and the like for legacy font text that was saved as UTF-8.
    Raises UnreadableFile, its message starting with `name`, for binary data and unknown 8-bit text.
    """
    text, encoding = _decode(data, name)
    return normalize_text(text), encoding


def decode_legacy(data: bytes, encoding: str) -> str:
    """Decode bytes known to be in one of LEGACY_ENCODINGS (no detection) to NFC text."""
    return normalize_text(_LEGACY_DECODERS[encoding](data))


def legacy_name(label: str) -> str | None:
    """The LEGACY_ENCODINGS name for a charset label such as 'VISCII' or 'x-viet-tcvn5712', else None."""
    key = re.sub(r"[^a-z0-9]", "", label.lower())
    aliases = {"viscii": "viscii", "xvietviscii": "viscii", "vni": "vni", "xvietvni": "vni", "vniwindows": "vni"}
    aliases |= {k: "tcvn3" for k in ("tcvn", "tcvn3", "abc", "vscii", "tcvn5712", "tcvn57121", "xviettcvn5712")}
    aliases |= {k: "windows-1258" for k in ("windows1258", "cp1258", "xcp1258")}
    return aliases.get(key)


def font_legacy_encoding(text: str) -> str | None:
    """Which legacy encoding Latin-1-looking text really is (one of LEGACY_ENCODINGS), if any.

    Text typed in a .VnTime (TCVN3) or VNI-Times font reaches Unicode files as Latin-1 mojibake
    such as "Ñaûng" or "§¶ng"; it is Vietnamese once its characters are read back as windows-1252 bytes.
    """
    # Only lines that could be font text count, so a Unicode document with a few VNI paragraphs is found too.
    lines = [line for line in text[:SAMPLE].split("\n") if not line.isascii() and _to_cp1252(line) is not None]
    sample = "\n".join(lines)
    if not sample:
        return None
    candidates = []
    for enc in LEGACY_ENCODINGS:  # windows-1258 too: pages that mislabel it as windows-1252
        try:
            candidates.append((enc, decode_font_text(sample, enc)))
        except UnicodeDecodeError:
            continue
    try:  # Unicode text is converted only on solid evidence: a few words of mojibake are left alone
        best = _pick(candidates, min_marked=FEW_MARKED)
    except _Ambiguous:
        return None
    if best is None or best[1].valid_share < _score(sample).valid_share + 0.3:
        return None
    return best[0]


def decode_font_text(text: str, encoding: str, *, only_if_better: bool = False) -> str:
    """Re-read font-encoded mojibake as the given legacy encoding (see font_legacy_encoding).

    With only_if_better, each line is converted only if it then reads better as Vietnamese, so lines
    typed in a Unicode font next to lines in a VNI font (a mixed Word document) come through unharmed.
    """
    if only_if_better:
        return "\n".join(_font_decode_if_better(line, encoding) for line in text.split("\n"))
    return _font_decode(text, encoding)


def _font_decode_if_better(line: str, encoding: str) -> str:
    """One line re-read as font text if that reads better as Vietnamese, else unchanged."""
    if line.isascii():
        return line
    try:
        decoded = _font_decode(line, encoding)
    except (ValueError, UnicodeDecodeError):
        return line
    return decoded if _score(decoded).valid_share > _score(line).valid_share else line


def _font_decode(text: str, encoding: str) -> str:
    if encoding == "vni":  # VNI's diacritic bytes are windows-1252 letters already
        return unicodedata.normalize("NFC", _vni_compose(text))
    data = _to_cp1252(text)
    if data is None:
        raise ValueError("text has characters outside windows-1252: it is not font-encoded")
    return unicodedata.normalize("NFC", _LEGACY_DECODERS[encoding](data))


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode NFC text in one of LEGACY_ENCODINGS (for tests and conversion tools); ValueError if impossible."""
    if encoding == "windows-1258":  # cp1258 spells tones as combining marks after a base letter
        parts = [_split_tone(ch) for ch in unicodedata.normalize("NFC", text)]
        return "".join(parts).encode("cp1258")
    if encoding == "vni":
        return "".join(_vni_encode_map().get(ch, ch) for ch in text).encode("cp1252")
    table = _encode_map(encoding)
    out = bytearray()
    for ch in text:
        # Capitals VN1 has no code for fall back to the lowercase code, as VN3 capital fonts do.
        code = table.get(ch, table.get(ch.lower()))
        if code is None:
            raise ValueError(f"{ch!r} cannot be written in {encoding}")
        out.append(code)
    return bytes(out)


# ---------------------------------------------------------------- detection pipeline


def _decode(data: bytes, name: str) -> tuple[str, str]:
    """Return (text, encoding) or raise UnreadableFile."""
    bom = _decode_bom(data, name)
    if bom is not None:
        return bom
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError as exc:
            reason = f"looks like {utf16} without a BOM but does not decode ({exc.reason})"
            raise UnreadableFile(f"{name}: {reason}") from None
    data = data.rstrip(b"\x00")  # old editors pad files with NULs
    if _looks_binary(data):
        raise UnreadableFile(f"{name}: looks like binary data, not text")
    text = _utf8_lenient(data)
    if text is None:
        return _decode_8bit(data, name)
    font = font_legacy_encoding(text)
    if font:
        return decode_font_text(text, font, only_if_better=True), f"utf-8+{font}"
    if not text.isascii() and not _acceptable(utf8 := _score(text[:SAMPLE]), 1):
        # Short legacy text can be valid UTF-8 by accident (VISCII "ươ" is the bytes of U+07FD).
        best = _best_legacy(data, name, ambiguous_ok=True)
        if best is not None and best[1].valid_share >= utf8.valid_share + 0.3:
            return _LEGACY_DECODERS[best[0]](data), best[0]
    return text, "utf-8"


def _decode_8bit(data: bytes, name: str) -> tuple[str, str]:
    """Bytes that are not UTF-8: the legacy encoding that reads best as Vietnamese, or western windows-1252."""
    best = _best_legacy(data, name)
    if best is not None:
        return _LEGACY_DECODERS[best[0]](data), best[0]
    if _western(data):
        return data.decode("cp1252"), "windows-1252"
    raise UnreadableFile(f"{name}: {_UNREADABLE_HINT}")


def _best_legacy(data: bytes, name: str, *, ambiguous_ok: bool = False) -> tuple[str, _Score] | None:
    """The legacy encoding whose decoding reads best as Vietnamese, if one does."""
    candidates = []
    for enc in LEGACY_ENCODINGS:
        try:
            candidates.append((enc, _LEGACY_DECODERS[enc](data[:SAMPLE])))
        except UnicodeDecodeError:  # cp1258 leaves a few bytes undefined
            continue
    try:
        return _pick(candidates)
    except _Ambiguous as exc:
        if ambiguous_ok:
            return None
        raise UnreadableFile(
            f"{name}: too little Vietnamese text to tell {exc.args[0]} from {exc.args[1]}: convert it to UTF-8"
        ) from None


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)  # fmt: skip


def _decode_bom(data: bytes, name: str) -> tuple[str, str] | None:
    """Decode by byte-order mark, if there is one; a BOM followed by invalid data is an error."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding.removesuffix("-sig")), encoding
            except UnicodeDecodeError as exc:
                raise UnreadableFile(
                    f"{name}: starts with a {encoding} byte-order mark but is not valid {encoding} "
                    f"(byte {exc.start + len(bom)}: {exc.reason}); re-save it as UTF-8"
                ) from None
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM: NULs fill one byte of every ASCII character, always the same one."""
    sample = data[:4096]
    half = len(sample) // 2
    if half < 2 or len(data) % 2:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


# Control bytes no text has; the C0 codes VISCII and TCVN3 (VN1) spend on capital letters are left out.
_CONTROL = (frozenset(range(0x00, 0x09)) | frozenset(range(0x0E, 0x20)) | {0x7F}) - set(_VISCII_C0) - set(_TCVN3_C0)


def _looks_binary(data: bytes) -> bool:
    """More than 3% control bytes that no text encoding uses."""
    sample = data[:SAMPLE]
    return bool(sample) and sum(b in _CONTROL for b in sample) > 0.03 * len(sample)


def _utf8_lenient(data: bytes) -> str | None:
    """UTF-8, tolerating a rare stray windows-1252 byte (a pasted smart quote) among many valid sequences."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    parts: list[str] = []
    pos = stray = multibyte = 0
    view = memoryview(data)
    while pos < len(data) and stray <= 64:
        try:
            good, bad = str(view[pos:], "utf-8"), b""
        except UnicodeDecodeError as exc:
            good, bad = str(view[pos : pos + exc.start], "utf-8"), data[pos + exc.start : pos + exc.end]
        multibyte += sum(not ch.isascii() for ch in good)
        parts += [good, "".join(_table("cp1252")[b] for b in bad)]
        pos, stray = pos + len(good.encode("utf-8")) + len(bad), stray + len(bad)
    return "".join(parts) if stray <= 64 and multibyte >= 20 * stray else None


def _western(data: bytes) -> bool:
    """English or another western language in windows-1252: accented words are a minority, unlike Vietnamese."""
    try:
        score = _score(data[:SAMPLE].decode("cp1252"))
    except UnicodeDecodeError:
        return False
    return score.marked <= MAX_WESTERN_MARKED_SHARE * score.words


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class _Score:
    words: int  # words with a letter
    marked: int  # words with a non-ASCII character
    valid: int  # marked words that are valid Vietnamese syllables
    common: int  # marked words among the most common Vietnamese words

    @property
    def valid_share(self) -> float:
        return self.valid / self.marked if self.marked else 0.0


def _score(text: str) -> _Score:
    """Count words, marked words and valid marked syllables; tokens keep any non-ASCII junk they hold."""
    words = marked = valid = common = 0
    for token in _SPLIT.split(text):
        token = token.strip(_EDGE_PUNCT)
        if not token or not any(ch.isalpha() for ch in token):
            continue
        words += 1
        if token.isascii():
            continue
        marked += 1
        if _is_syllable(token):
            valid += 1
            common += token.lower() in _COMMON
    return _Score(words, marked, valid, common)


@lru_cache(maxsize=50_000)
def _is_syllable(word: str) -> bool:
    """Whether a word is one Vietnamese syllable: initial, vowel nucleus, final, and at most one tone."""
    letters = unicodedata.normalize("NFD", word.lower())
    if sum(ch in _TONES for ch in letters) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(ch for ch in letters if ch not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def _pick(candidates: list[tuple[str, str]], *, min_marked: int = 1) -> tuple[str, _Score] | None:
    """The candidate decoding that reads best as Vietnamese, if one reads well enough and beats the rest.

    Raises _Ambiguous when two different decodings read equally well (too little text to tell).
    """
    ranked = sorted(
        ((score, encoding, text) for encoding, text in candidates if _acceptable(score := _score(text), min_marked)),
        key=lambda item: (item[0].valid_share, item[0].common),
        reverse=True,
    )
    if not ranked:
        return None
    (best, encoding, text), rest = ranked[0], ranked[1:]
    for score, other, other_text in rest:
        if (score.valid_share, score.common) == (best.valid_share, best.common) and other_text != text:
            raise _Ambiguous(encoding, other)
    return encoding, best


class _Ambiguous(Exception):
    """Two legacy decodings of a short text read equally well as Vietnamese."""


def _acceptable(score: _Score, min_marked: int) -> bool:
    """Whether a decoding reads as Vietnamese: nearly all marked words valid, and enough of them."""
    if score.marked < min_marked or score.valid_share < MIN_VALID_SHARE:
        return False
    if score.marked < FEW_MARKED and score.valid != score.marked:
        return False
    if score.marked == 1 and not score.common:  # one odd letter proves nothing
        return False
    return score.marked >= MIN_MARKED_SHARE * score.words or score.common >= 3


# ---------------------------------------------------------------- legacy decoders and encoders


@cache
def _table(encoding: str) -> str:
    """The 256 characters an 8-bit encoding gives each byte (windows-1252 keeps its 5 holes as C1)."""
    if encoding == "cp1252":
        return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(256))
    c0, high = {"tcvn3": (_TCVN3_C0, _TCVN3_HIGH), "viscii": (_VISCII_C0, _VISCII_HIGH)}[encoding]
    return "".join(c0.get(b, chr(b)) for b in range(128)) + high


@cache
def _encode_map(encoding: str) -> dict[str, int]:
    table = _table(encoding)
    return {ch: b for b, ch in reversed(list(enumerate(table)))}


def _to_cp1252(text: str) -> bytes | None:
    table = _encode_map("cp1252")
    try:
        return bytes(table[ch] for ch in text)
    except KeyError:
        return None


def _vni_compose(text: str) -> str:
    """Join VNI base letters and diacritic bytes (as windows-1252 characters) into Unicode, not yet NFC."""
    pairs = _vni_pairs()
    return _VNI_PAIR.sub(lambda m: pairs.get(m.group(), m.group()), text.translate(_VNI_TRANSLATE))


_VNI_TRANSLATE = str.maketrans(_VNI_LETTERS)
_VNI_PAIR = re.compile(f"[aeiouyơưAEIOUYƠƯ][{''.join(_VNI_MARKS)}]")


@cache
def _vni_pairs() -> dict[str, str]:
    """Every vowel + diacritic byte pair VNI allows, mapped to the letter it writes."""
    pairs = {}
    for base in "aeiouyơưAEIOUYƠƯ":
        for key, marks in _VNI_MARKS.items():
            if _vni_takes(base, marks):
                pairs[base + key] = unicodedata.normalize("NFC", base + marks)
    return pairs


def _vni_takes(base: str, marks: str) -> bool:
    """Whether a bare vowel can carry these marks (circumflex on a/e/o, breve on a only)."""
    if len(base) != 1 or base.lower() not in "aeiouyơư":
        return False
    if _CIRC in marks:
        return base.lower() in "aeo"
    return base.lower() == "a" if _BREVE in marks else True


@cache
def _vni_encode_map() -> dict[str, str]:
    """Each Vietnamese letter as VNI writes it: a base letter and at most one diacritic byte."""
    out = {v: k for k, v in _VNI_LETTERS.items()}
    for base in "aeouyơưAEOUYƠƯ":
        for key, marks in _VNI_MARKS.items():
            composed = unicodedata.normalize("NFC", base + marks)
            if key.isupper() == base.isupper() and _vni_takes(base, marks) and len(composed) == 1:
                out.setdefault(composed, out.get(base, base) + key)
    return out


def _split_tone(ch: str) -> str:
    """A letter as cp1258 writes it: base with its vowel marks, then the tone as a combining mark."""
    parts = unicodedata.normalize("NFD", ch)
    tones = "".join(c for c in parts if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES)) + tones


def _restore_vn3_capitals(text: str) -> str:
    """Capitalise words typed in capitals whose toned vowels a VN3 capital font stored as lowercase codes."""
    if not any(_shouted(m.group()) for m in _CAPS_WORD.finditer(text)):
        return text
    return "\n".join(_restore_line(line) for line in text.split("\n"))


_CAPS_WORD = re.compile(r"(?<!\S)[^\sa-z]{2,}(?!\S)")  # words with no ASCII lowercase


def _shouted(word: str) -> bool:
    """Two capitals or more and a lowercase toned letter, as VN3 capital fonts leave them ("CéNG" = "CỘNG")."""
    return sum(ch.isupper() for ch in word) >= 2 and any(ch.islower() for ch in word)


def _restore_line(line: str) -> str:
    if not any(_shouted(m.group()) for m in _CAPS_WORD.finditer(line)):
        return line
    if not any("a" <= ch <= "z" for ch in line):  # a whole heading in capitals, "Bé" (BỘ) included
        return line.upper()
    return _CAPS_WORD.sub(lambda m: m.group().upper() if _shouted(m.group()) else m.group(), line)


def _decode_cp1258(data: bytes) -> str:
    return unicodedata.normalize("NFC", data.decode("cp1258"))


def _decode_with_table(encoding: str) -> Callable[[bytes], str]:
    return lambda data: codecs.charmap_decode(data, "strict", _table(encoding))[0]


_LEGACY_DECODERS: dict[str, Callable[[bytes], str]] = {
    "windows-1258": _decode_cp1258,
    "tcvn3": lambda data: _restore_vn3_capitals(unicodedata.normalize("NFC", _decode_with_table("tcvn3")(data))),
    "vni": lambda data: unicodedata.normalize("NFC", _vni_compose(_decode_with_table("cp1252")(data))),
    "viscii": _decode_with_table("viscii"),
}

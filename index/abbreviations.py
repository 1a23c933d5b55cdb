"""Abbreviations common in Party texts, learnt from a text's own definitions, and expanded in queries."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from index.docnumbers import document_number_spans, within
from index.text import fold, has_diacritics, normalize_for_search

ABBREVIATIONS: dict[str, str] = {
    # document types
    "NQ": "nghị quyết", "CT": "chỉ thị", "KL": "kết luận", "QĐ": "quyết định", "QĐi": "quy định",
    "HD": "hướng dẫn", "KH": "kế hoạch", "TB": "thông báo", "CV": "công văn", "BC": "báo cáo",
    "TTr": "tờ trình", "CTr": "chương trình", "QC": "quy chế", "NĐ": "nghị định",
    # Party bodies
    "ĐCSVN": "đảng cộng sản việt nam", "TW": "trung ương", "BCHTW": "ban chấp hành trung ương",
    "TU": "tỉnh ủy", "HU": "huyện ủy", "ĐU": "đảng ủy", "BCH": "ban chấp hành", "BTV": "ban thường vụ",
    "BCT": "bộ chính trị", "BBT": "ban bí thư", "UBKT": "ủy ban kiểm tra", "UBKTTW": "ủy ban kiểm tra trung ương",
    "BTCTW": "ban tổ chức trung ương", "BTGTW": "ban tuyên giáo trung ương", "BDVTW": "ban dân vận trung ương",
    "VPTW": "văn phòng trung ương", "TCCSĐ": "tổ chức cơ sở đảng", "ĐV": "đảng viên", "CQCQ": "cơ quan chính quyền",
    "ĐH": "đại hội", "ĐHĐB": "đại hội đại biểu", "NK": "nhiệm kỳ", "HTCT": "hệ thống chính trị",
    "TBT": "tổng bí thư", "CTN": "chủ tịch nước", "PBT": "phó bí thư", "PCT": "phó chủ tịch",
    "KTGS": "kiểm tra, giám sát", "BCĐ": "ban chỉ đạo", "UV": "ủy viên", "BT": "bí thư",
    "UVBCT": "ủy viên bộ chính trị", "UVTW": "ủy viên trung ương", "BCV": "báo cáo viên",
    # State and mass organisations
    "HĐND": "hội đồng nhân dân", "UBND": "ủy ban nhân dân", "MTTQ": "mặt trận tổ quốc",
    "UBMTTQ": "ủy ban mặt trận tổ quốc", "MTTQVN": "mặt trận tổ quốc việt nam", "QH": "quốc hội",
    "UBTVQH": "ủy ban thường vụ quốc hội", "ĐBQH": "đại biểu quốc hội", "CP": "chính phủ", "TTg": "thủ tướng",
    "QLNN": "quản lý nhà nước", "CCHC": "cải cách hành chính", "TTHC": "thủ tục hành chính",
    "ĐTN": "đoàn thanh niên", "HLHPN": "hội liên hiệp phụ nữ", "HND": "hội nông dân", "CCB": "cựu chiến binh",
    "LĐLĐ": "liên đoàn lao động", "LLVT": "lực lượng vũ trang", "BQP": "bộ quốc phòng", "BCA": "bộ công an",
    "BNV": "bộ nội vụ", "BNG": "bộ ngoại giao", "BYT": "bộ y tế", "BTP": "bộ tư pháp", "QK": "quân khu",
    "QUTW": "quân ủy trung ương", "UBDT": "ủy ban dân tộc", "DT&TG": "dân tộc và tôn giáo",
    # people, places, policy
    "CB": "cán bộ", "CBCC": "cán bộ, công chức", "CBCCVC": "cán bộ, công chức, viên chức",
    "CCVC": "công chức, viên chức", "TP": "thành phố", "TX": "thị xã", "HN": "hà nội", "ĐVHC": "đơn vị hành chính",
    "HCM": "hồ chí minh", "TPHCM": "thành phố hồ chí minh", "VN": "việt nam", "ĐBSCL": "đồng bằng sông cửu long",
    "CHXHCN": "cộng hòa xã hội chủ nghĩa", "QĐND": "quân đội nhân dân", "CAND": "công an nhân dân",
    "THCS": "trung học cơ sở", "THPT": "trung học phổ thông",
    "CNXH": "chủ nghĩa xã hội", "XHCN": "xã hội chủ nghĩa", "CNH": "công nghiệp hóa", "HĐH": "hiện đại hóa",
    "CNH-HĐH": "công nghiệp hóa, hiện đại hóa", "KT-XH": "kinh tế - xã hội", "ANQP": "quốc phòng - an ninh",
    "QP-AN": "quốc phòng - an ninh", "QPAN": "quốc phòng - an ninh", "ANTT": "an ninh trật tự",
    "BHXH": "bảo hiểm xã hội", "BHYT": "bảo hiểm y tế", "NSNN": "ngân sách nhà nước", "DN": "doanh nghiệp",
    "DNNN": "doanh nghiệp nhà nước", "HTX": "hợp tác xã", "NTM": "nông thôn mới", "DTTS": "dân tộc thiểu số",
    "KHCN": "khoa học và công nghệ", "CNTT": "công nghệ thông tin", "CĐS": "chuyển đổi số",
    "GDĐT": "giáo dục và đào tạo", "PCTN": "phòng, chống tham nhũng", "BVTQ": "bảo vệ tổ quốc",
    "GD&ĐT": "giáo dục và đào tạo", "KH&CN": "khoa học và công nghệ", "TN&MT": "tài nguyên và môi trường",
    "NN&PTNT": "nông nghiệp và phát triển nông thôn",
    # the armed forces
    "BTL": "bộ tư lệnh", "BTM": "bộ tham mưu", "TMT": "tham mưu trưởng", "BTTM": "bộ tổng tham mưu",
    "TCCT": "tổng cục chính trị", "BCHQS": "bộ chỉ huy quân sự", "BĐBP": "bộ đội biên phòng",
    "VNCH": "việt nam cộng hòa", "ĐUQS": "đảng ủy quân sự", "CHQS": "chỉ huy quân sự",
    "LLVTND": "lực lượng vũ trang nhân dân", "DQTV": "dân quân tự vệ",
    # more bodies, titles and sectors
    "HNTW": "hội nghị trung ương", "TGTW": "tuyên giáo trung ương", "LHPN": "liên hiệp phụ nữ",
    "TNCS": "thanh niên cộng sản", "TNTP": "thiếu niên tiền phong", "TTXVN": "thông tấn xã việt nam",
    "VKSND": "viện kiểm sát nhân dân", "TAND": "tòa án nhân dân", "KTNN": "kiểm toán nhà nước",
    "TCHQ": "tổng cục hải quan", "GTVT": "giao thông vận tải", "TT&TT": "thông tin và truyền thông",
    "HV": "học viện", "PTT": "phó thủ tướng", "PTTg": "phó thủ tướng", "ĐB": "đại biểu", "QG": "quốc gia",
    "CTQG": "chính trị quốc gia", "HVCTQG": "học viện chính trị quốc gia", "NDCM": "nhân dân cách mạng",
    "UBTW": "ủy ban trung ương", "VKSNDTC": "viện kiểm sát nhân dân tối cao", "TANDTC": "tòa án nhân dân tối cao",
}
# Units written with their number glued on: "QK2" is "quân khu 2", "QĐ3" "quân đoàn 3" (a decision, "QĐ" alone, is
# never numbered so).
NUMBERED_UNITS: dict[str, str] = {"QK": "quân khu", "QĐ": "quân đoàn", "SĐ": "sư đoàn"}
_NUMBERED = re.compile(r"([^\W\d_]+)(\d+)")
# The marks over an official text's signature ("T/M BỘ CHÍNH TRỊ / Trần Cẩm Tú", "KT. CHỦ TỊCH"), which "Ai thay mặt
# Bộ Chính trị ký …?" asks in words. Only before a word in capitals, the signature's body or post.
SIGNATURE_MARKS: dict[str, str] = {
    "T/M": "thay mặt", "TM.": "thay mặt", "K/T": "ký thay", "KT.": "ký thay", "T/L": "thừa lệnh", "TL.": "thừa lệnh",
    "TUQ.": "thừa ủy quyền",
}
_SIGNATURE = re.compile(r"(?<![\w/.])(T/M|K/T|T/L|TM\.|KT\.|TL\.|TUQ\.)(?=\s*\**\s*([^\W\d_]+))")

# An abbreviation as written: capitals (Đ included), digits, at most a trailing lower-case letter per part
# (TTg, QĐi), parts joined by '-', '.' or '&' (KT-XH, GD&ĐT). Not glued to a word, a '/' or a '-'.
_ABBREVIATION = r"[A-ZĐ][A-ZĐ0-9]*[a-zđ]?[A-ZĐ0-9]*(?:[-.&][A-ZĐ][A-ZĐ0-9]*[a-zđ]?)*"
_TOKEN = re.compile(rf"(?<![\w/\-])(?:{_ABBREVIATION})(?![\w/\-])")
_PARENTHESIZED = re.compile(rf"\(\s*(?i:(?:sau đây )?(?:được )?(?:gọi|viết) tắt là:?\s*)?({_ABBREVIATION})\s*\)")
_REVERSE = re.compile(rf"(?<![\w/\-])({_ABBREVIATION})\s*\(([^()\n]{{3,120}})\)")
_CLAUSE_END = re.compile(r"[.;:!?()\[\]\"“”|\n]")  # a definition may span commas and dashes, not these
_SYLLABLE = re.compile(r"[^\W\d_]+")
_SPACES = re.compile(r"\s+")


def signs_off(text: str) -> bool:
    """Whether a text holds a signature line: a mark ("T/M", "KT.") before a word in capitals."""
    if not any(mark in text for mark in SIGNATURE_MARKS):  # most passages: no normalising (21k passages, 1.3 s → 0.1 s)
        return False
    return any(match.group(2).isupper() for match in _SIGNATURE.finditer(normalize_for_search(text)))


def table_version() -> str:
    """A hash of the abbreviation table and the token pattern: a saved BM25 index whose passages were expanded by
    another version no longer matches the queries (index.lexical rebuilds it)."""
    import hashlib

    table = json.dumps([sorted(ABBREVIATIONS.items()), sorted(NUMBERED_UNITS.items()), sorted(SIGNATURE_MARKS.items())],
                       ensure_ascii=False)
    table += _ABBREVIATION + _SIGNATURE.pattern
    return hashlib.sha256(table.encode()).hexdigest()[:16]


def find_defined_abbreviations(text: str) -> dict[str, str]:
    """Abbreviations a text defines itself: 'Cơ quan Chính quyền (CQCQ)' → {'CQCQ': 'cơ quan chính quyền'}."""
    text = normalize_for_search(text)
    found: dict[str, str] = {}
    for match in _PARENTHESIZED.finditer(text):
        clause = _CLAUSE_END.split(text[max(0, match.start() - 200) : match.start()])[-1]
        expansion = _expansion_before(clause, match.group(1))
        if expansion:
            found.setdefault(match.group(1), expansion)
    for match in _REVERSE.finditer(text):  # "UBND (Ủy ban nhân dân)"
        abbreviation, words = match.group(1), match.group(2).strip()
        if _initials_match(abbreviation, _SYLLABLE.findall(words)):
            found.setdefault(abbreviation, _SPACES.sub(" ", words).lower())
    return found


def expand_abbreviations(text: str, *, extra: dict[str, str] | None = None) -> str:
    """Append the expansion of each known abbreviation that is a whole token: 'NQ ĐH' → 'NQ ĐH nghị quyết đại hội'."""
    normalized = normalize_for_search(text)
    present = normalized.lower()
    expansions: list[str] = []
    for _, spelt in _abbreviations_in(normalized, extra):
        for expansion in spelt:
            if expansion not in expansions and expansion not in present:
                expansions.append(expansion)
    return " ".join([text, *expansions]) if expansions else text


def spell_out_abbreviations(text: str, *, extra: dict[str, str] | None = None) -> str:
    """Each known abbreviation replaced by its expansion: 'BCH TW bầu TBT' → 'ban chấp hành trung ương bầu tổng bí
    thư'. For matching a question's words against a sentence, which may use either form."""
    normalized = normalize_for_search(text)
    pieces, done = [], 0
    for match, spelt in _abbreviations_in(normalized, extra):
        pieces += [normalized[done : match.start()], " ".join(spelt)]
        done = match.end()
    return "".join(pieces) + normalized[done:]


def _abbreviations_in(normalized: str, extra: dict[str, str] | None) -> Iterator[tuple[re.Match, list[str]]]:
    """Each known abbreviation token of already-normalised text with its expansions, in order; a plainly typed text
    gets plain expansions (it stays folded-only), and the parts of a document number ("17-NQ/TU") are skipped."""
    table = expansions(extra)
    numbers = document_number_spans(normalized)
    plain = not has_diacritics(normalized)
    found = []
    for match in _TOKEN.finditer(normalized):
        if within(match.start(), numbers):
            continue
        parts = _known_parts(match.group(), table)
        if parts:
            found.append((match, [fold(table[p]) if plain else table[p] for p in parts]))
        elif numbered := _numbered_unit(match.group()):
            found.append((match, [fold(numbered) if plain else numbered]))
    for match in _SIGNATURE.finditer(normalized):
        if match.group(2).isupper():
            spelt = SIGNATURE_MARKS[match.group(1)]
            found.append((match, [fold(spelt) if plain else spelt]))
    yield from sorted(found, key=lambda item: item[0].start())


def _known_parts(token: str, table: dict[str, str]) -> list[str]:
    """The token if it is known, else its known parts ('HĐND-UBND' → ['HĐND', 'UBND'], 'TP.HCM' → ['TP'])."""
    if token in table:
        return [token]
    return [part for part in re.split(r"[-.]", token) if part in table]


def split_number(token: str) -> tuple[str, str] | None:
    """('QK', '2') for a token with a number glued on ('QK2', 'qk2'), else None."""
    match = _NUMBERED.fullmatch(token)
    return (match.group(1), match.group(2)) if match else None


def _numbered_unit(token: str) -> str:
    """'QK2' → 'quân khu 2', 'QD3' → 'quân đoàn 3'; '' for any other token."""
    numbered = split_number(token)
    return f"{_UNITS[numbered[0]]} {numbered[1]}" if numbered and numbered[0] in _UNITS else ""


def written_forms(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Each known abbreviation typed in lower case, mapped to the way it is written: 'ubnd' → 'UBND', 'ttg' → 'TTg',
    'hdnd' → 'HDND' (which matches as 'HĐND' does)."""
    return {key.lower(): key for key in _with_folded_keys({**ABBREVIATIONS, **NUMBERED_UNITS, **(extra or {})})}


def expansions(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Each known abbreviation, also as typed without diacritics ('QD', 'HDND'), mapped to its expansion."""
    return _with_folded_keys({**ABBREVIATIONS, **(extra or {})})


def _with_folded_keys(table: dict[str, str]) -> dict[str, str]:
    """Add 'QD', 'DH', 'HDND' ... for keys typed without diacritics, unless that spelling has its own meaning."""
    folded = {fold(key): value for key, value in table.items() if fold(key) not in table}
    return {**folded, **table}


_UNITS = _with_folded_keys(NUMBERED_UNITS)  # "QD3" typed without diacritics is "QĐ3"


def _expansion_before(clause: str, abbreviation: str) -> str | None:
    """The lower-cased words ending the clause whose initials spell the abbreviation, or None."""
    letters = _letters(abbreviation)
    syllables = list(_SYLLABLE.finditer(clause))
    if len(letters) < 2 or len(syllables) < len(letters):
        return None
    words = syllables[-len(letters) :]
    if not _initials_match(abbreviation, [w.group() for w in words]):
        return None
    return _SPACES.sub(" ", clause[words[0].start() : words[-1].end()]).lower()


def _letters(abbreviation: str) -> str:
    """The capitals of an abbreviation, folded: 'KT-XH' → 'KTXH', 'HĐND' → 'HDND'."""
    return "".join(ch for ch in fold(abbreviation) if ch.isupper())


def _initials_match(abbreviation: str, syllables: list[str]) -> bool:
    """Whether the syllables' first letters (folded) spell the abbreviation; W stands for 'ương' as in TW."""
    letters = _letters(abbreviation)
    if len(letters) < 2 or len(letters) != len(syllables):
        return False
    initials = [fold(s[0]).upper() for s in syllables]
    return all(i == c or (c == "W" and i == "U") for c, i in zip(letters, initials))

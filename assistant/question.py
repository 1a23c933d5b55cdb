"""What a question asks for and what it insists on: its search terms, figures, names and answer type."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property, lru_cache

from assistant.ordinals import ordinals, table_ordinals, without_ordinals
from index.abbreviations import spell_out_abbreviations
from index.docnumbers import DOC_NUMBER_PATTERN, canonical_document_number, find_document_numbers
from index.models import Hit
from index.terms import DOC_NUMBER, FOLDED, query_terms
from index.text import fold, has_diacritics, normalize_for_search

# Question words and function words: they say what is asked, not what to look for.
_STOP_WORDS = (
    "bao nhiêu mấy gì nào ai đâu sao không có là của được đã đang sẽ và với các những một trong cho về tại ở "
    "thì mà như thế nào hay hoặc bị do vì khi nơi cái chiếc này đó ấy hãy biết xin hỏi theo từ đến còn cũng nữa vậy rồi"
).split()
_STOP = frozenset(_STOP_WORDS)
# Folded, for plain questions. They also catch some plain-typed content words ("co" is "có" but also "cơ"); "dang"
# stays a content word: in these documents it is far more often "đảng" than "đang" ("dang vien", "dang bo").
_STOP_FOLDED = frozenset(fold(w) for w in _STOP_WORDS) - {"dang"}
# Common family names: a capitalised run starting with one of them is most likely a person.
_FAMILY_NAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Đào Lương Trịnh Mai Cao Lâm "
    "Hà Tạ Thái Trương Đoàn Tô Chu La Quách Kiều Lưu Triệu Châu Tăng Vương Nông Lò Lục Hứa Mạc Thân Tống Tòng Giàng "
    "Sùng Thào Điểu".split()
)
_FAMILY_FOLDED = frozenset(fold(name.lower()) for name in _FAMILY_NAMES)
# Capitalised by convention in Party texts, so a capital says nothing about a specific name.
_INSTITUTIONAL = frozenset(
    fold(w)
    for w in (
        "đảng bộ điều chương mục khoản nghị quyết chỉ thị kết luận quy định ban chấp hành thường vụ trung ương "
        "chính trị chủ tịch phó bí thư huyện tỉnh thành ủy uỷ nhà nước mặt trận tổ quốc hội đồng nhân dân chính phủ "
        "đại hội nghị việt nam cộng sản điều lệ thủ tướng văn phòng đoàn thanh niên hồ chí minh tổng"
    ).split()
)
_WORD = re.compile(r"[^\W_]+")
_DIGITS = re.compile(r"\d+")
# Digits that are no amount: a web address, a whole date, a time of day, an ordinal ("kỳ họp thứ 9").
_NOT_AMOUNT = re.compile(
    r"https?://\S+|\b\d{1,2}[/-]\d{1,2}[/-]\d{4}\b|\b\d{1,2}:\d{2}\b|\bthứ\s+\d+", re.IGNORECASE)
# A figure the answer's passage must hold: a run of digits that is a word of its own ("2020", the "73" of
# "73/2024/NĐ-CP"), not part of a code such as "166KT/HĐNN7", which is matched as the whole code.
_FIGURE = re.compile(r"(?<![^\W_])\d+(?![^\W_])")
# A leading clause that sets the scene rather than asks: "Theo Nghị định 73/2024/NĐ-CP, …", "Sau khi Hiệp định Paris
# được ký kết, …". Its words name the document or the occasion, which the answer's sentence seldom repeats.
_SETTING = re.compile(
    r"^(?:theo|tại|tai|trong|sau khi|sau|nhân|nhan|khi|căn cứ|can cu|ở|về|ve|đối với|doi voi|với|voi|qua|từ|tu|vì|"
    r"trước|truoc|để|de|nhằm|nham)\b[^,?]*, (?=(?:\S+\s+){3}\S)"  # and at least four words left to ask with
)
_DATE = re.compile(
    r"\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b|\bngày \d|\bnăm \d{4}|\btháng \d|\b\d{4}\b", re.IGNORECASE
)
# A day that comes back ("Chậm nhất vào ngày 25 hàng tháng", "ngày 25 của tháng cuối quý") is a schedule, not the day
# something happened: a "ngày nào?" question is answered by it only if it asks about a schedule itself. Measured in stop
# 26: +1 refusal as written (fresh7 s7-un-nq1678-date; already refused folded), nothing else moved, XQuAD-vi alike.
_RECURRING_DAY = re.compile(
    r"\bngày \d{1,2}\s+(?:(?:của\s+)?tháng cuối (?:quý|năm)|(?:hàng|hằng)\s+(?:tuần|tháng|quý|năm))", re.IGNORECASE
)
_ASKS_RECURRING = re.compile(r"\b(?:hang|moi) (?:tuan|thang|quy|nam)\b|\bcuoi (?:quy|nam)\b")
# "Ngày nào?", "ngày, tháng nào?" ask for a day: a sentence with only a year ("Năm 2021, …") does not give it.
_ASKS_DAY = re.compile(r"\bngay nao\b|\bngay may\b|\bngay,? thang nao\b")
_DAY = re.compile(
    r"\b\d{1,2}/\d{1,2}\b|\b\d{1,2}-\d{1,2}-\d{4}\b|\b\d{1,2}-\d{1,2}/\d{1,2}\b|\bngày \d|\b\d{1,2} tháng \d",
    re.IGNORECASE,
)
_ASKS = {
    "date": re.compile(r"khi nao|ngay nao|nam nao|thoi gian nao|bao gio|thang nao|ngay may|thoi diem nao"),
    "number": re.compile(r"bao nhieu|\bmay\b|ty le|phan tram|bao lau|(?<!\bhe )\bso luong"),  # not "hệ số lương"
    "person": re.compile(r"\bai\b|dong chi nao|nguoi nao"),
    "document": re.compile(
        r"\b(?:nghi dinh|nghi quyet|chi thi|ket luan|quyet dinh|quy dinh|thong tu|huong dan|van ban) (?:nao|so may)\b"
        r"|\bso hieu (?:gi|nao|la gi)\b"  # "Quyết định … mang số hiệu gì?"
    ),
}
_ASKS_NUMBER = re.compile(r"\bso (?:hieu )?(?:gi|nao|may|la gi)\b")
# A document named by its kind and number in a form the document-number pattern leaves out ("Lệnh số 21-LCT", "Sắc
# lệnh số 35/SL", "Quyết định số 401KT/CT"): the number.
_NUMBERED = re.compile(
    r"\b(?:sắc lệnh|lệnh|quyết định|nghị định|nghị quyết|chỉ thị|thông tư|kết luận|quy định|hướng dẫn|công văn|"
    r"thông báo|pháp lệnh|văn bản) số (\d[\w/.-]*\w)",
    re.IGNORECASE,
)
_NOT_MAY = re.compile(r"\b(?:máy|may|mày|mảy|mạy|mãy)\b")
# A question that asks when a document was issued (folded: "ky" may be "kỳ" too, which only makes the rule apply
# less), and a sentence that says it (sources have diacritics).
_ASKS_ISSUE = re.compile(  # not the "ra" of "diễn ra" (a meeting's day)
    r"\bban hanh\b|\bky\b|(?<!dien )\bra\b|\bra doi\b|\bde ngay\b|\bphat hanh\b|\bthong qua\b|\bcong bo\b|\bduoc dua\b"
)
_ISSUES = re.compile(r"\b(?:ban hành|ký|thông qua)\b")
_DATED = re.compile(r"\s*,?\s*ngày\s", re.IGNORECASE)
# A sentence that opens with its day, or a text's header line of place and day ("Hà Nội, ngày 10 tháng 11 năm 2025").
_LEADING_DAY = re.compile(r"\W*(?:[^\W\d_]+(?:\s+[^\W\d_]+){0,3},\s*)?(?:vào\s+)?(?:ngày|hôm)\s+\d", re.IGNORECASE)
_FROM_DAY = re.compile(r"\b(?:từ|kể từ)\s+(?:ngày\s+)?$", re.IGNORECASE)  # "… từ 01/7/2025": a starting date
# What a how-many question counts: the one or two words after "bao nhiêu"/"mấy" ("bao nhiêu đảng viên").
# A classifier between "bao nhiêu" and the noun ("bao nhiêu chiếc ôtô") is not what is counted.
_COUNTED = re.compile(
    r"\b(?:bao nhiêu|mấy|bao nhieu|may)\s+(?:(?:chiếc|chiec|cái|cai)\s+)?(\w+)(?:\s+(\w+))?(?:\s+(?:là|la)\s+(\w+))?"
)
_PERCENT = ("phan", "tram")
# Words that follow "bao nhiêu" when it closes the noun it asks about: "… số điểm bao nhiêu mới được …", "… tỉ lệ bao
# nhiêu để …", "… tăng bình quân bao nhiêu mỗi năm?" (a rate per year, stop 27: +1 answer in each spelling, fresh5).
# Folded, "để" is also "đề" (a topic), so only the unambiguous ones.
_AFTER_AMOUNT = frozenset("mới mỗi để thì trở nữa".split())
_AFTER_AMOUNT_FOLDED = frozenset("moi thi tro nua".split())
# Verbs that follow a one-word counted noun ("bao nhiêu người làm báo cáo viên", "bao nhiêu người tham gia"): not part
# of it; the source says "tối đa 10 người", never "10 người làm".
_VERBS_AFTER_COUNTED = frozenset("lam tham du dat nhan ung trung tan bo duoc".split())
# An adverb that follows a one-word counted noun: "bao nhiêu người lần lượt giữ chức …" counts people, not "người lần"
# (stop 27: +1 answer in each spelling, fresh18 s18-ptt-kyluc1987, a false refusal; nothing else moved).
_ADVERB_AFTER_COUNTED = re.compile(r"lan luot\b")
# Units: "bao nhiêu kg thịt" counts kilograms; the sentence says "1,5 kg/tháng" and names the meat elsewhere.
_UNITS = frozenset("kg gam tan ta lit km m ha ty trieu nghin ngan dong usd lan gio phut".split())
# A question about the present ("hiện nay", "đang là") and a sentence that speaks of it ("hiện tại là", "nay là").
_NOW_ASKED = re.compile(
    r"\bhom nay\b|\bhien nay\b|\bhien tai\b|\bdang la\b|\bhien gio\b|\bbay gio\b|\bhien dang\b|\bduong nhiem\b"
)
_NOW_SAID = re.compile(r"\bhien nay\b|\bhien tai\b|\bhien la\b|\bhien dang\b|\bduong nhiem\b|\bnay la\b")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
# Posts a "who" question asks about; the answer's sentence must name the post itself (a byline "Võ Quang Đạt -
# Huyện ủy Can Lộc" or "Ban Thường vụ Đảng ủy thị trấn Nghèn tổ chức …" does not say who the Bí thư is).
_POSTS = re.compile(r"\b(?:tong bi thu|pho bi thu|bi thu|pho chu tich|chu tich|chu nhiem|truong ban|giam doc|"
                    r"thu tuong|bo truong|chanh an|vien truong|tong cuc truong|tu lenh)\b")
# "nguyên" (former) right before a post: it says who someone was ("…, nguyên Bí thư …"), folded.
_FORMER = re.compile(r"\bnguyen (?:la )?$")
# The level of a Party committee a post belongs to: "bí thư [tỉnh] ủy", "phó bí thư [huyện] ủy", "bí thư [đảng] ủy".
_LEVEL = re.compile(r" (tinh|huyen|thanh|quan|thi|xa|phuong|dang) uy\b")
_SECRETARIAT = re.compile(r"\bban bi thu\b")  # the Secretariat, a body: no one's post (post_factor)
# A figure written in words, as the Charter does ("mười tám tuổi", "hai phần ba"): the digit words only, not "một",
# "năm", "tư" (far more often "a", "year", "private" here) nor "trăm", "triệu", "tỷ" ("tỷ lệ" is a rate).
_DIGIT_WORDS = "hai|ba|bốn|sáu|bảy|tám|chín|mười|mươi"
_NUMBER_WORD = re.compile(rf"\b(?:{_DIGIT_WORDS})\b")
# "bao lâu?" wants a length of time: an amount of a unit of time ("12 tháng", "mười hai tháng", "5 năm một lần", "1 tỷ
# năm trước"), a century ("cho đến thế kỷ mười chín") or a clock time ("3:08"); the last two and the multiplier come
# from XQuAD-vi answers the first form alone lost.
_ASKS_DURATION = re.compile(r"\bbao lau\b")
_DURATION = re.compile(  # not a date's "ngày 5 tháng 3 năm 2020": no day before it, no number after it
    rf"(?<!ngày )(?<![\d/.-])(?:\d+(?:[.,]\d+)?|\b(?:một|năm|{_DIGIT_WORDS}|vài|mấy|nửa))\s+"
    r"(?:(?:tỷ|triệu|nghìn|ngàn|trăm)\s+)?(?:năm|tháng|tuần|ngày|giờ|tiếng|phút|giây|thế kỷ|thập kỷ|nhiệm kỳ)\b"
    r"(?!\s*\d)|\bthế kỷ\b|\b\d{1,2}:\d\d\b",
    re.IGNORECASE,
)
# The parts of a sentence that date it, which say nothing about how many: "ngày 15 tháng 12 năm 1945", "17/9/2025",
# "năm 2025", "tháng 3/2020", a bare year ("giai đoạn 2021 - 2025"); not "9/15 chỉ tiêu" (no month 15) nor "mỗi năm 1
# lần".
_DATE_SPAN = re.compile(
    r"\b(?:ngày\s+)?\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?|\b\d{1,2}/(?:0?[1-9]|1[0-2])(?:/\d{2,4})?\b|"
    r"\b\d{1,2}-\d{1,2}-\d{4}\b|"
    r"\b(?:ngày|tháng)\s+\d{1,2}(?:[/-]\d+)*|\bnăm\s+\d{4}\b|\b(?:19|20)\d\d\b(?![.,]\d)",
    re.IGNORECASE,
)
# The number or letter of a list item at the start of a line ("3. Biên chế", "b) …", "II. …"): it counts nothing.
_ENUMERATOR = re.compile(r"^[\s*_]*(?:\d{1,2}|[IVXL]{1,4}|[a-zđ])[.)](?=\s)")
# The date that follows a document's number ("Quyết định số 28/QĐ-TW ngày 3/10/1978"): it says which document, as the
# number does, and the passage that answers seldom repeats it.
_DOCUMENT_DATE = re.compile(r"\s*,?\s*ngày\s+\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}", re.IGNORECASE)
# A parenthesis in a question ("tổ thu mua gạo (1979 - 1982)", "(HQ-10)") says which one is meant, as a setting clause
# does: its figures may be held by any read passage of the document.
_PARENTHESES = re.compile(r"\(([^()]*)\)")
_WORD_LETTERS = re.compile(r"^[^\W\d_]")
# "… theo quyết định số mấy?" asks a number that names a document; "… từ tổng số bao nhiêu đại biểu?" and "Máy bay
# số hiệu 4324 … bao nhiêu …?" ask an amount.
_ASKS_IDENTIFIER = re.compile(r"(?<!\btong )\bso (?:may|bao nhieu)\b|\bso hieu (?:gi|nao|may|la gi|bao nhieu)\b")
# Any word for an amount, for telling a sentence that gives some amount ("vài năm", "một nửa") from one that gives none.
_SOME_NUMBER_WORD = re.compile(rf"\b(?:một|{_DIGIT_WORDS}|trăm|nghìn|ngàn|triệu|tỷ(?! lệ)|vài|nửa)\b", re.IGNORECASE)
# "Ai ký …?" (accented: not the "kỳ" of "nhiệm kỳ"; plain: only where "ky" cannot be "kỳ") asks who signed, and the
# sentences that can say it: one that says "ký", or a signature block ("T/M BAN BÍ THƯ", "K/T TRƯỞNG BAN").
_ASKS_SIGNER = re.compile(r"\bký\b")
_ASKS_SIGNER_PLAIN = re.compile(
    r"\b(?:ai|nguoi nao) ky\b|\bky (?:ban hanh|van ban|quyet dinh|ket luan|nghi quyet|chi thi)\b"
)
# "Nghị quyết 59-NQ/TW … có tiêu đề là gì?", "… bàn về vấn đề gì?", "… quy định nội dung gì?" (folded) ask what a
# document is about, which the text naming it says in its "về …" clause.
_ASKS_SUBJECT = re.compile(
    r"\b(?:tieu de|trich yeu)(?: (?:la|cua no la))? (?:gi|nao)\b"
    r"|\bve (?:(?:nhung )?(?:van de|noi dung|linh vuc|chu de|viec) )?(?:gi|nao)\b"
    r"|\b(?:quy dinh|huong dan|de cap|ban|noi|ket luan) (?:ve )?(?:nhung )?(?:van de|noi dung|linh vuc)"
    r"(?: chinh)? (?:gi|nao)\b"
)
_SIGNATURE_LINE = re.compile(r"(?<!\w)(?:T/M|TM\.|K/T|KT\.|TL\.|TUQ\.|Q\.)\s")
_SIGNS = re.compile(rf"(?<!ngày )\b(?i:ký|kí)\b|{_SIGNATURE_LINE.pattern}")
# A date question about a life event (folded question), and the words that tell of it in a sentence: "Ông … sinh vào
# ngày nào?" is not answered by "Ngày 14/12/2017 ông được phân công …". A life span "(1916 – 26 tháng 12 năm 2019)"
# tells of both, birth on its left, death on its right.
_ASKS_EVENT = {
    "birth": re.compile(r"\bsinh (?:vào|ngày|năm|tháng|lúc)\b"),
    "death": re.compile(r"\b(?:mất|qua đời|từ trần|hy sinh|tạ thế)\b (?:vào|trong|tại|ngày|năm|tháng|lúc)\b"),
    "party": re.compile(r"\bkết nạp\b|\bvào đảng\b|\bgia nhập đảng\b"),
}
# The same, folded, for a question typed without marks; one with marks is read with them: folded, "được kết nạp bí
# mật vào Đảng … khi nào?" holds "mat vao", a death (fresh17).
_ASKS_EVENT_FOLDED = {event: re.compile(fold(pattern.pattern)) for event, pattern in _ASKS_EVENT.items()}
_SPOUSE = "vợ|chồng|phu nhân"  # a wife or husband, as a sentence tells of one or a question asks
_SPOUSE_WORD = re.compile(r"\b(?:vợ|chồng)\b")  # the one asked for, or told of
_WEDDING = re.compile(r"\b(?:kết hôn|thành hôn|cưới|lấy (?:vợ|chồng)|lập gia đình|phu nhân|vợ chồng)\b")
_TELLS_EVENT = {
    "burial": re.compile(r"\b(?:an táng|chôn|mai táng|yên nghỉ|nghĩa trang|nghĩa địa)\b"),
    "marriage": re.compile(rf"\b(?:kết hôn|thành hôn|cưới|lấy (?:vợ|chồng)|lập gia đình|{_SPOUSE})\b"),
    "alias": re.compile(r"\b(?:tên|bí danh|biệt danh|bút danh|hiệu là|tự là|gọi là|gọi bằng)\b"),
    "verdict": re.compile(
        r"\b(?:kết án|tuyên án|xử án|mức án|bản án|án tù|tù|tử hình|chung thân|khổ sai|xử bắn|phạt)\b"
    ),
    "thesis": re.compile(r"\b(?:luận án|luận văn|bảo vệ)\b"),
    "topic": re.compile(r'\bđề tài\b|\btên là\b|[“"«]'),
    "parent": re.compile(r"\b(?:cha|bố|mẹ|thân phụ|thân mẫu|thân sinh|phụ thân|mẫu thân|con (?:trai |gái )?của)\b"),
    "child": re.compile(
        r"\bcon (?:trai|gái|nuôi|rể|dâu|cả|út|đầu|thứ|ông|bà|là|tên)\b|\b(?:người|các|những|\d+|một|hai|ba|bốn|năm|sáu)"
        r" (?:người )?con\b"
    ),
    "birth": re.compile(r"\bsinh\b"),
    "death": re.compile(r"\b(?:mất|qua đời|từ trần|hy sinh|tạ thế)\b"),
    "party": re.compile(r"\bkết nạp\b|\bvào đảng\b|\bgia nhập (?:đảng|đông dương)|\bđảng viên\b"),
    "fallen": re.compile(r"\b(?:tử trận|tử nạn|hy sinh|thiệt mạng|tử thương|tử vong|chết)\b"),
}
# The question's words for joining the Party that a sentence telling of it may put otherwise: "được kết nạp vào Đảng …
# ngày nào?" is answered by "Ông gia nhập Đảng Cộng sản Việt Nam vào ngày 05/7/1993." (fresh13). Content terms, as
# `terms` has them, for scoring; and the same wordings as words, which the question is also searched with (BM25).
_EVENT_WORDING = {
    "party": frozenset({"kết", "nạp", "kết_nạp", "nạp_vào", "vào_đảng", "gia", "nhập", "gia_nhập", "nhập_đảng"}),
    # "Thân phụ của … tên là gì?" is told "Cha là Nguyễn Ngọc Phòng …" (fresh15)
    "parent": frozenset({"thân", "phụ", "mẫu", "sinh", "thân_phụ", "thân_mẫu", "thân_sinh", "cha", "bố", "mẹ"}),
}
_EVENT_SEARCH_WORDS = {"party": "kết nạp vào Đảng gia nhập Đảng"}
# Events that, asked about in any way (where, when, to whom), only a sentence telling of them answers. Matched on the
# accented question, which a plain one has by now: folded, "Tổng kết hơn 80 năm" reads "ket hon". A verdict is asked
# with the word for it ("mức án", "kết án bao nhiêu năm"), not with "án" alone: "Tòa án nào", "dự án nào" ask none.
# A wife or husband asked for by name ("Vợ của ông Hồ Viết Thắng, …, tên là gì?") is a marriage asked about, when the
# question is about her or him (it opens with the word), not about a child of hers ("Con trai đầu của vợ … tên là gì?").
_ASKS_ANY_EVENT = {
    "burial": re.compile(r"\b(?:an táng|chôn cất|mai táng|yên nghỉ)\b"),
    "marriage": re.compile(
        r"\b(?:kết hôn|thành hôn|cưới (?:vợ|chồng|nhau)|lấy (?:vợ|chồng)|lập gia đình)\b"
        rf"|^\W*(?:người )?(?:{_SPOUSE})\b[^?]*\b(?:tên là gì|tên gì|là ai)"
        rf"|\btên (?:của )?(?:người )?(?:{_SPOUSE})\b"
    ),
    "alias": re.compile(r"\b(?:tên thật|tên khai sinh|tên húy|tên cúng cơm|bí danh|biệt danh|bút danh)\b"),
    "parent": re.compile(
        r"^\W*(?:người )?(?:cha|bố|mẹ|thân phụ|thân mẫu|thân sinh)\b[^?]*\b(?:tên là gì|tên gì|là ai)"
        r"|\btên (?:của )?(?:cha|bố|mẹ|thân phụ|thân mẫu)\b"
    ),
    # "Ba người con của … tên là gì?" is not answered by "Vợ của Lê Khả Phiêu là bà Nguyễn Thị Bích" (fresh19)
    "child": re.compile(
        r"^\W*(?:(?:hai|ba|bốn|năm|các|những|\d+) )?(?:người )?con(?: trai| gái| nuôi| rể| dâu)?(?: (?:đầu|út|cả))?\b"
        r"[^?]*\b(?:tên là gì|tên gì|là ai)|\btên (?:của )?(?:các |những )?(?:người )?con(?: trai| gái)?\b"
    ),
    # "Luận án … mà ông … bảo vệ … có tên là gì?" asks its title, as "đề tài" does (fresh18)
    "topic": re.compile(r"\bđề tài\b|^\W*luận (?:án|văn)\b[^?]*\btên (?:là )?gì\b"),
    "thesis": re.compile(r"\bbảo vệ (?:thành công )?luận (?:án|văn)\b"),
    "verdict": re.compile(
        r"\b(?:mức|bản) án\b|\b(?:kết|tuyên|xử) án(?: \w+){0,2} (?:bao nhiêu|mấy|gì|nào)\b"
    ),
    # "… hạm trưởng hộ tống hạm Nhật Tảo (HQ-10) tử trận là ai?" asks who fell, which only a sentence telling of a
    # death in battle answers ("Hạm trưởng là Ngụy Văn Thà tử trận …"), and the page's passage that tells it rises
    # (the event bonus). Measured in stop 28 on nineteen party sets: +1 answer in each spelling (fresh3
    # h-hoangsa-nhattao, 6th → 1st as written, unread → 2nd folded), hit@1 +1; nothing else moved; XQuAD-vi alike.
    "fallen": re.compile(
        r"\b(?:tử trận|tử nạn|hy sinh|thiệt mạng)\b[^?]*\blà ai\b|\bai\b[^?]*\b(?:tử trận|tử nạn|hy sinh|thiệt mạng)\b"
    ),
}
_LIFE_SPAN = re.compile(r"\(([^()–-]*\d{4})\s*[–-]\s*([^()]*\d{4})\s*\)")
# A law named by its year ("Hiến pháp năm 1992", "Luật Đất đai 2013"): the year says which law, as a number does.
_NAMED_BY_YEAR = re.compile(r"\b(?:Hiến pháp|Luật(?: [A-ZĐ]\w*(?: \w+)?)?)(?: năm)? ((?:19|20)\d\d)\b", re.IGNORECASE)
# The year written after a document's number ("Kết luận 83-KL/TW năm 2024"): it says which document, as the number
# does. (A day so written is no figure at all: `_without_document_dates`.)
_DATED_NUMBER = re.compile(r",?\s*năm\s+(?:19|20)\d\d(?!\d)", re.IGNORECASE)
# Names the documents write either way: "một tiểu đoàn Mỹ" is "một Tiểu đoàn Hoa Kỳ" on a page that never says "Mỹ".
_SAME_NAME = {"my": ("my", "hoa ky"), "hoa ky": ("hoa ky", "my")}
_MONTH = re.compile(r"\btháng\s+(\d{1,2})(?!\d)", re.IGNORECASE)
_RATE = re.compile(r"\bty le\b|\bphan tram\b")
_RATE_BASE = re.compile(r"\bbao nhieu phan tram\s+(?:(?:so|tong)\s+)?(\w+)")
_ASKS_YEAR = re.compile(r"\bnam (?:nao|bao nhieu)\b")
_ANY_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# "… từ ngày nào đến ngày nào?" wants a span of days: "từ ngày 14 đến ngày 20-12-1976", "25/1 – 1/2/2021"; not "Quốc
# hội … được bầu ngày 8 tháng 5 năm 1960 và diễn ra trong 8 kỳ họp".
_ASKS_DAY_SPAN = re.compile(r"\btu ngay nao den ngay nao\b")
_DAY_SPAN = re.compile(
    r"\btừ\s+(?:ngày\s+)?\d{1,2}\b.{0,40}?\bđến\s+(?:ngày\s+)?\d{1,2}\b|\b\d{1,2}\s*[-–]\s*\d{1,2}\s*[/-]\s*\d{1,2}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Question:
    """A question analysed once: weighted-term material, hard constraints, and the kind of answer it wants."""

    text: str
    terms: tuple[str, ...]  # content terms of the question itself
    context_terms: tuple[str, ...]  # content terms borrowed from an earlier turn (follow-ups)
    figures: frozenset[str]  # numbers the answer's passage must contain ("2020", "45")
    names: frozenset[str]  # folded specific names the answer's passage must contain ("nghen", "loc binh")
    asks: str  # date | number | person | document | other
    counted: tuple[str, ...] = ()  # folded words of what a how-many question counts ("dang", "vien")
    counted_kind: tuple[str, ...] = ()  # what the counted must be ("nu" in "bao nhiêu đại biểu là nữ")
    ordinals: frozenset[tuple[str, int]] = frozenset()  # the term, plenum or congress asked about ("khoa", 13)
    now: bool = False  # asks about the present ("Bí thư hiện nay là ai?")
    post: str = ""  # the post a "who" question asks about, folded ("bi thu")
    day: bool = False  # a date question that asks for the day ("ngày nào?"), not just the year
    setting_terms: tuple[str, ...] = ()  # content terms of a leading "Theo …," clause or an apposition, not in `terms`
    setting_figures: frozenset[str] = frozenset()  # the figures of those clauses
    context_documents: frozenset[str] = frozenset()  # document numbers of the earlier turn a follow-up leans on

    @classmethod
    def parse(cls, text: str, *, context: str = "") -> "Question":
        normalized = normalize_for_search(text)
        folded = fold(normalized.lower())
        # Folded "may" is "mấy" only in a plain question: with diacritics it is "máy" ("cỗ máy", "máy tính") or "may".
        plain = fold(_NOT_MAY.sub(" ", normalized.lower())) if has_diacritics(normalized) else folded
        asks = next((kind for kind, pattern in _ASKS.items() if pattern.search(plain)), "other")
        scene, focus = split_scene(normalized)
        return cls(
            text=normalized,
            terms=_content_terms(spell_out_abbreviations(focus)),  # sentences are matched with both forms
            setting_terms=_content_terms(spell_out_abbreviations(scene)) if scene else (),
            context_terms=_content_terms(spell_out_abbreviations(context)) if context else (),
            context_documents=frozenset(find_document_numbers(context)),
            figures=frozenset(_FIGURE.findall(_without_document_dates(without_ordinals(normalized)))),
            setting_figures=frozenset(_FIGURE.findall(scene + " " + " ".join(_PARENTHESES.findall(normalized)))),
            names=frozenset(_names(normalized)),
            asks=asks,
            ordinals=frozenset(ordinals(focus)),  # the scene's "khóa X, XI" says who is meant, as its figures do
            now=bool(_NOW_ASKED.search(folded)),
            post=_asked_post(normalized) if asks == "person" else "",
            day=asks == "date" and bool(_ASKS_DAY.search(folded)),
            # what a how-many question counts; "… ra nghị quyết số mấy?" counts nothing
            **(_counted(spell_out_abbreviations(normalized).lower(), exact=has_diacritics(normalized))
               if _asks_amount(asks, folded) else {}),
        )

    def constraint_factor(self, hit: Hit, passage_terms: frozenset[str],
                          document_terms: frozenset[str] | None = None) -> float:
        """1.0 when the passage holds every figure and name asked about; less for each one missing.

        A figure the passage itself must hold ("Năm 2015, …" dates the fact asked about); a name, or a figure that
        only says which document or occasion is meant (the "55" and "2025" of "55/2025/NQ-HĐND", those of a leading
        "Theo …," clause), may be held by another read passage of the same document (`document_terms`)."""
        document_terms = passage_terms if document_terms is None else document_terms
        factor = 1.0
        for figure in self.figures:
            terms = document_terms if figure in self.locating_figures else passage_terms
            if figure not in terms and f"0{figure}" not in terms and figure.lstrip("0") not in terms:
                factor *= 0.5  # "06/03/2023" holds the "6" and "3" of "6/3/2023"
        for name in self.names:
            if not any(_holds_name(document_terms, spelling) for spelling in _SAME_NAME.get(name, (name,))):
                # A life event told of "ông" on a page that never names the person asked about is another person's
                # ("Năm 1936, ông được kết nạp vào Đảng" on Nguyễn Văn Linh's page, asked of Nguyễn Duy Ngọc): × 0.5
                # (0.4 alike; for every question it lost three to four answers).
                factor *= 0.5 if self.asked_event else 0.6
        if self.ordinals:
            named = _passage_ordinals(hit)
            for kind, value in self.ordinals - named:
                factor *= 0.5 if any(k == kind for k, _ in named) else 0.8  # another plenum named: a wrong one
        return max(factor, 0.25)

    def document_factor(self, sentence: str) -> float:
        """For a question that asks a document's number ("… mang số hiệu gì?", "… theo quyết định số mấy?"), a
        sentence that names no document number but the question's own ("… trao Quyết định thăng cấp bậc hàm Đại tướng
        …"; "- Ngày 16 tháng 2 năm 1987, Hội đồng Nhà nước giải thể Ủy ban Dân tộc …") does not say which: × 0.6
        (fresh15, fresh12). Not for "Chỉ thị nào …?", which a name may answer (XQuAD: "Chỉ thị Hội đồng Lao động")."""
        asks_number = self.asks == "document" and bool(_ASKS_NUMBER.search(self.folded))
        if not (asks_number or self.wants_identifier) or self._names_new_document(sentence):
            return 1.0
        return 0.6

    def _names_new_document(self, sentence: str) -> bool:
        named = set(find_document_numbers(sentence)) - self.asked_documents
        return bool(named) or any(number not in self.text for number in _NUMBERED.findall(sentence))

    def day_factor(self, sentence: str) -> float:
        """0.6 when a "ngày nào?" question meets a sentence without a day: "Nghị quyết 70-NQ/TW năm 2025 của Bộ
        Chính trị về …" names the resolution and its year but cannot say the day it was signed, however well it
        covers the question's words (the −0.2 of `type_bonus` alone did not keep it from answering); for "từ ngày
        nào đến ngày nào?", one without a span of days. Likewise a "năm nào?" question and a sentence without a year:
        "… được kết nạp Đảng … trong lúc tại ngũ" (fresh14), "… đã từng lập gia đình" (fresh11). Not "khi nào?",
        which XQuAD answers with a clause ("khi Đức bắt đầu …")."""
        if self.wants_day_span:
            return 1.0 if tells_day_span(sentence) else 0.6
        if self.day:
            return 1.0 if _DAY.search(self._calendar(sentence)) else 0.6
        if self.wants_year:
            return 1.0 if _ANY_YEAR.search(sentence) else 0.6
        return 1.0

    def _calendar(self, sentence: str) -> str:
        """The sentence without its recurring days ("ngày 25 hàng tháng"), unless the question asks about one."""
        return sentence if _ASKS_RECURRING.search(self.folded) else _RECURRING_DAY.sub(" ", sentence)

    def figure_factor(self, sentence: str) -> float:
        """For a how-many question, a sentence whose only figures are dates, document numbers or the question's own
        figures ("Ngày 17/9/2025, Ban … ban hành Kế hoạch 128-KH/BTGDVTW …") gives no count: × 0.6."""
        if not self.wants_amount:
            return 1.0
        unnumbered = _ENUMERATOR.sub(" ", sentence)  # nor is the number of a list item ("3. Biên chế")
        undated = _DATE_SPAN.sub(" ", DOC_NUMBER_PATTERN.sub(" ", unnumbered))  # a document number is no amount either
        new = set(_FIGURE.findall(undated)) - self.figures
        return 1.0 if new or _SOME_NUMBER_WORD.search(undated.lower()) else 0.6

    def issuing_factor(self, sentence: str) -> float:
        """For a date question about a document that does not ask when it was issued ("Thông tư 21/2025/TT-BNV có
        hiệu lực từ ngày nào?", "… phải hoàn thành trước ngày nào?"), the sentence that issues it ("Ngày 12/10/2025,
        Bộ trưởng ban hành Thông tư 21/2025/TT-BNV …") gives another date: × 0.4, as it is known to be wrong.
        Conversely, for one that asks when it was adopted or issued, a sentence whose only days are starting dates
        ("… từ 01/7/2025 …") or another document's ("Đề án số 343/ĐA-CP ngày 09 tháng 5 năm 2025") gives none of it:
        × 0.4 (fresh7; 0.5 measured alike)."""
        if self.wants_issue_date:
            days = list(_DAY_MONTH.finditer(sentence))
            # Where each document number ends, and whether it is one asked about (canonical, as `asked_documents` are).
            ends = [(m.end(), canonical_document_number(m.group()) in self.asked_documents)
                    for m in DOC_NUMBER_PATTERN.finditer(sentence)]
            others = [end for end, asked in ends if not asked and _DATED.match(sentence, end)]
            new = [d for d in days if not _FROM_DAY.search(sentence, 0, d.start())
                   and not any(_right_after(d, end) for end in others)]
            if days and not new:
                return 0.4
            return 1.0 if _dates_issue(sentence, days, [end for end, asked in ends if asked]) else 0.6
        if not self.wants_other_date:
            return 1.0
        issues = _ISSUES.search(sentence.lower())
        return 0.4 if issues and self.asked_documents & set(find_document_numbers(sentence)) else 1.0

    def event_factor(self, sentence: str) -> float:
        """For a date question about a birth, a death or joining the Party, or any question about a burial, a
        marriage ("… được an táng ở đâu?"), another name ("tên thật", "bí danh"), a thesis defence or a verdict
        ("… mức án nào?"), a sentence that does not tell of that event answers of another: × 0.4, as it is known to
        be wrong (0.6 left two such answers standing); a life span whose side for it lacks the day asked, × 0.6."""
        if not self.asked_event:
            return 1.0
        lowered = sentence.lower()
        if _TELLS_EVENT[self.asked_event].search(lowered):
            return 0.4 if self._other_spouse(lowered) else 1.0
        span = _LIFE_SPAN.search(sentence) if self.asked_event in ("birth", "death") else None
        if span:
            side = span.group(1) if self.asked_event == "birth" else span.group(2)
            return 1.0 if not self.day or _DAY.search(side) else 0.6
        return 0.4

    def _other_spouse(self, lowered: str) -> bool:
        """"Vợ của ông Phạm Quang Nghị … tên là gì?" meets "Bạch Ngọc Chiến (con rể, chồng Phương Bình)": a sentence
        whose only word for a spouse is the other one ("chồng" for "vợ"), and that tells no wedding nor names the
        person asked about, tells of another marriage (fresh18)."""
        if not self.asked_spouse or _WEDDING.search(lowered):
            return False
        if any(name in fold(lowered) for name in self.names):  # "Vợ ông là bà Tòng Thị Phóng", on her husband's page
            return False
        told = {m.group() for m in _SPOUSE_WORD.finditer(lowered)}
        return bool(told) and self.asked_spouse not in told

    @cached_property
    def asked_spouse(self) -> str:
        """"vợ" or "chồng" for a marriage question that names which, else "" (parsed once, not per sentence)."""
        asked = _SPOUSE_WORD.search(self.text.lower()) if self.asked_event == "marriage" else None
        return asked.group() if asked else ""

    @property
    def event_wording(self) -> frozenset[str]:
        """The question's terms for its event that a sentence telling of it may word otherwise ("kết nạp" for
        "gia nhập"); such a sentence counts them as its own."""
        return _EVENT_WORDING.get(self.asked_event, frozenset())

    @property
    def event_search_words(self) -> str:
        """The other ways a biography tells the event asked about, to search with as well ("" for most questions):
        "… vào Đảng khi nào?" is answered by "… là Đảng viên …, kết nạp vào tháng 3 năm 1988"."""
        return _EVENT_SEARCH_WORDS.get(self.asked_event, "")

    def rank_factor(self, sentence: str) -> float:
        """A question about a military rank ("… được thăng quân hàm Thượng tướng vào ngày nào?") meets a sentence that
        names only other ranks ("… bổ nhiệm đồng chí Trung tướng Nguyễn Văn Gấu …"): × 0.5, it tells of another step."""
        if not self.asked_ranks:
            return 1.0
        named = _ranks(sentence)
        return 0.5 if named and not named & self.asked_ranks else 1.0

    def own_date_factor(self, sentence: str) -> float:
        """For a date question that names a day itself ("Luật Quốc phòng 2018, được thông qua ngày 8/6/2018, có hiệu
        lực từ ngày nào?"), a sentence whose only days are the question's own ("… được thông qua … 8/6/2018 …") gives
        back what was said, not what is asked: × 0.5 (0.6 left that answer standing)."""
        if self.asks != "date" or not self.own_days:
            return 1.0
        named = _days(sentence)
        return 0.5 if named and named <= self.own_days else 1.0

    def month_factor(self, sentence: str) -> float:
        """A question set in a month ("Trong tháng 4/2025, Bộ Nội vụ đã hoàn thành bao nhiêu nhiệm vụ?") is not
        answered by a sentence about another month only ("Kết quả, trong tháng 3, Bộ Nội vụ đã hoàn thành …"): × 0.4.
        Measured in stop 28 with the amounts of `_type_bonus` (0.5 → 0.4): +1 refusal in each spelling (fresh
        f-u-bnv-april, whose other month's sentence still had support 0.50), nothing else moved; XQuAD-vi alike."""
        if not self.own_months:
            return 1.0
        named = _months(sentence)
        return 0.4 if named and not named & self.own_months else 1.0

    @cached_property
    def own_months(self) -> frozenset[int]:
        """The months the question names (parsed once), not that of a document's date ("Hướng dẫn 40-HD/BTGDVTW ngày
        27/11/2025 … thay thế hướng dẫn nào?": the answer's sentence may date the other one) nor one of an apposition,
        which says who or what is meant ("Tạp chí Cộng sản, ra đời … sau Hội nghị Trung ương tháng 10/1930, phát hành
        số 1 vào ngày nào?": the answer is dated February 1931; stop 28: +1 answer in each spelling, fresh18)."""
        return _months(_without_document_dates(_without_asides(self.text)))

    @cached_property
    def own_days(self) -> frozenset[tuple[int, int, str]]:
        """The days the question names (parsed once)."""
        return _days(self.text)

    @cached_property
    def asked_ranks(self) -> frozenset[str]:
        """The military ranks the question asks about; not one that is a person's title ("Trung tướng Nguyễn Văn
        Gấu")."""
        return _ranks(self.text, titles=False)

    @cached_property
    def asked_event(self) -> str:
        """"burial", "marriage", "alias", "parent", "child", "thesis", "verdict" or "fallen" (who died in it) for any
        question about one (not in a parenthesis); "birth", "death" or "party" for a date question about that event;
        else "" (parsed once)."""
        lowered = _PARENTHESES.sub(" ", self.text.lower())  # "ông Đỗ Mười (tên thật Nguyễn Duy Cống)" asks no alias
        event = next((event for event, pattern in _ASKS_ANY_EVENT.items() if pattern.search(lowered)), "")
        if event or self.asks != "date":
            return event
        if has_diacritics(self.text):
            return next((event for event, pattern in _ASKS_EVENT.items() if pattern.search(self.text.lower())), "")
        return next((event for event, pattern in _ASKS_EVENT_FOLDED.items() if pattern.search(self.folded)), "")

    def signer_factor(self, sentence: str, before: str = "") -> float:
        """For "ai ký …?", a sentence that neither says "ký" nor follows a signature line ("T/M BỘ CHÍNH TRỊ", "Người
        ký:", in `before`, the text just before it) does not say who signed ("…, ông đề xuất với Ban Bí thư ra Chỉ
        thị số 92CT/TW …"; "… có hiệu lực kể từ ngày ký"): × 0.5. Nor does one that says who signed other documents
        than the ones asked about, here or in the earlier turn ("Ai ký quyết định đó?" after Quyết định
        1147-QĐ/BTGDVTW: "Thủ tướng … ký quyết định số 1460/QĐ-TTg …"): × 0.5."""
        if not self.wants_signer:
            return 1.0
        if not _SIGNS.search(f"{before}\n{sentence}"):
            return 0.5
        named, asked = set(find_document_numbers(sentence)), self.asked_documents | self.context_documents
        return 0.5 if named and asked and not named & asked else 1.0

    def signed_under(self, before: str) -> bool:
        """For "ai ký …?", whether a signature line ("T/M BAN BÍ THƯ", "KT. CHỦ TỊCH") stands just before a sentence."""
        return self.wants_signer and bool(_SIGNATURE_LINE.search(before))

    @cached_property
    def folded(self) -> str:
        """The question lower-cased and without diacritics, which the rules below read (folded once)."""
        return fold(self.text.lower())

    @cached_property
    def wants_subject(self) -> bool:
        """A question that asks what a document is about ("… có tiêu đề là gì?", "… bàn về vấn đề gì?")."""
        return bool(_ASKS_SUBJECT.search(self.folded))

    @cached_property
    def wants_signer(self) -> bool:
        """A question that asks who signed (parsed once)."""
        if self.asks != "person":
            return False
        # The plain form is read on the folded text too: a question typed without marks reaches here restored, and the
        # restorer may read "do ai ky" as "đó ai kỳ".
        return bool(_ASKS_SIGNER.search(self.text.lower()) or _ASKS_SIGNER_PLAIN.search(self.folded))

    @cached_property
    def wants_amount(self) -> bool:
        """A how-many question, not one for a number that is a document's ("theo KH số mấy?"); parsed once, not once
        per scored sentence."""
        return _asks_amount(self.asks, self.folded)

    @cached_property
    def wants_day_span(self) -> bool:
        """A "từ ngày nào đến ngày nào?" question (parsed once)."""
        return self.day and bool(_ASKS_DAY_SPAN.search(self.folded))

    @cached_property
    def wants_year(self) -> bool:
        """A date question that asks for the year ("năm nào?"), not the day (parsed once)."""
        return self.asks == "date" and not self.day and bool(_ASKS_YEAR.search(self.folded))

    @cached_property
    def wants_identifier(self) -> bool:
        """A number question that asks a document's number ("… theo quyết định số mấy?"; parsed once)."""
        return self.asks == "number" and not self.wants_amount

    @cached_property
    def wants_duration(self) -> bool:
        """A how-long question ("bao lâu?"; parsed once)."""
        return self.asks == "number" and bool(_ASKS_DURATION.search(self.folded))

    @cached_property
    def wants_issue_date(self) -> bool:
        """A date question that asks when a named document was issued, adopted or signed (parsed once)."""
        # Its last clause asks: "Quyết định 212/2025/QĐ-UBND …, ban hành quy định …, có hiệu lực từ ngày nào?" does not.
        asking = self.folded.rsplit(", ", 1)[-1]
        return self.asks == "date" and bool(self.asked_documents) and bool(_ASKS_ISSUE.search(asking))

    @cached_property
    def wants_name(self) -> bool:
        """A wife, husband, parent or child asked for by name ("Người vợ đầu của … tên là gì?"; parsed once)."""
        return self.asked_event in ("marriage", "parent", "child") and bool(_ASKS_NAME.search(self.folded))

    @cached_property
    def wants_place(self) -> bool:
        """"… ở đâu?", "… ở thành phố nào?": a place is asked for (parsed once)."""
        return bool(_ASKS_PLACE.search(self.folded))

    @cached_property
    def asked_kind(self) -> str:
        """The kind of named thing a "… <kind> nào?" question asks for ("sông", "trường", "tạp chí"), as written
        lower case; "" for any other question (parsed once)."""
        match = _ASKS_NAMED.search(self.text.lower())
        return match.group(1) if match else ""

    @cached_property
    def named_kind(self) -> str:
        """The kind word of "… <kind> nào?" when what is asked is named by that word before a proper name ("… là tỉnh
        ủy nào?" → "tinh uy", told by "… là Tỉnh ủy Quảng Nam - Đà Nẵng"; "… là nhà báo nào?" → "nha bao"), folded:
        the two words before "nào", or the last one after a function word ("học trường nào" → "truong"). "" for any
        other question, and for kinds that ask a time, a manner, a document or a body no name follows ("năm nào",
        "thế nào", "quyết định nào", "cơ quan nào") (parsed once)."""
        match = _KIND_ASKED.search(self.folded)
        if not match or match.group(2) in _NOT_NAMED_LAST or match.group(0).removesuffix(" nao") in _NOT_NAMED:
            return ""
        before, kind = match.groups()
        return kind if before is None or before in _BEFORE_KIND else f"{before} {kind}"

    def names_kind(self, text: str) -> bool:
        """Whether a passage writes the kind asked for before a proper name (see `named_kind`)."""
        return bool(self.named_kind) and _names_kind(text, self.named_kind, self.terms)

    @cached_property
    def wants_other_date(self) -> bool:
        """A date question about a named document that does not ask when it was issued (parsed once)."""
        return self.asks == "date" and bool(self.asked_documents) and not _ASKS_ISSUE.search(self.folded)

    def venue_factor(self, sentence: str) -> float:
        """A question that asks where ("… được tổ chức ở đâu?", "… tại địa điểm nào?") is not answered by a sentence
        that locates nothing (`_locates`: no "tại", "ở", "trong" … before words not the question's own, no place
        named after "đến", "sang", "về", no address such as "số 39" or "phường Ba Đình"). "Đại hội … diễn ra từ
        ngày 13 đến ngày 15 tháng 12 năm 2017 với sự tham dự của 516 đại biểu" tells when, not where: × 0.5.
        Measured in stop 26 on nineteen party sets in three spellings: +2 refusals in each (fresh19), no answer
        lost; XQuAD-vi +2 −2 ("Friedrich Ratzel sinh ra ở đâu?" was answered "… Friedrich Ratzel của Đức …").
        Reading "tại"/"ở" alone as locating lost XQuAD's "trong nông nghiệp" and "giữa P và PSPACE" (−7 with "chỗ
        nào", which folds to "chợ nào" too)."""
        return 0.5 if self.asks_venue and not _locates(sentence, self.terms) else 1.0

    @cached_property
    def asks_venue(self) -> bool:
        """"… ở đâu?", "… tại địa điểm nào?" (parsed once)."""
        return bool(_ASKS_VENUE.search(self.folded))

    def discipline_factor(self, sentence: str) -> float:
        """"… bị kỷ luật bằng hình thức gì?" is answered by a sentence that names a form of discipline (khiển trách,
        cảnh cáo, cách chức, khai trừ …), not by one that tells of the inspection before it ("… Ủy ban Kiểm tra Trung
        ương triển khai quyết định kiểm tra đảng viên khi có dấu hiệu vi phạm đối với ông …"): × 0.5. Measured in stop
        26: +1 refusal in every spelling (fresh17 s17-unans-tnb-npquang), no answer lost; XQuAD-vi unchanged."""
        if not self.asks_discipline or _DISCIPLINE_FORM.search(fold(sentence.lower())):
            return 1.0
        return 0.5

    def succession_factor(self, sentence: str) -> float:
        """"Ông ấy thay ai ở cương vị đó?", "… ai là người kế nhiệm ông?" want a sentence that tells of a succession
        ("… thay ông Vũ Oanh", "Người kế nhiệm ông là …", "Tiền nhiệm ; …"), not the one that best repeats the
        question's other words ("… trên cương vị Đại sứ tại Liên Xô"): × 0.5. Not "ai thay mặt …?" (who signed or
        spoke for). Measured in stop 27: +1 answer in each spelling (fresh6 s6-nmcam-khuyenhoc-fu), nothing else moved
        on the nineteen party sets (14 such questions) or XQuAD-vi."""
        if not self.asks_succession or _SUCCEEDS.search(fold(sentence.lower())):
            return 1.0
        return 0.5

    @cached_property
    def asks_succession(self) -> bool:
        """"… thay ai?", "… kế nhiệm ai?", "ai kế nhiệm ông?", "người tiền nhiệm …" (parsed once)."""
        return bool(_ASKS_SUCCESSION.search(self.folded))

    def step_factor(self, sentence: str) -> float:
        """"Bước đầu tiên của quy trình đó là gì?" is answered by "Bước 1: …", not by "Bước 3: …", which covers the
        question's words as well: a sentence that numbers only other steps (bước, giai đoạn, đợt) than the one asked
        about: × 0.5. Measured in stop 27: +1 answer in each spelling (fresh6 s6-qd190-buoc1-fu), nothing else moved
        on the nineteen party sets or XQuAD-vi."""
        if self.asked_step is None:
            return 1.0
        kind, wanted = self.asked_step
        said = {value for step, value in _steps(fold(sentence.lower())) if step == kind}
        return 0.5 if said and wanted not in said else 1.0

    @cached_property
    def asked_step(self) -> tuple[str, int] | None:
        """The numbered step asked about ("bước đầu tiên" → ("buoc", 1), "giai đoạn 2" → ("giai doan", 2))."""
        found = _steps(self.folded)
        return found[0] if len(found) == 1 else None

    @cached_property
    def asks_discipline(self) -> bool:
        """"… bị kỷ luật bằng hình thức gì?", "… xử lý ông ấy bằng hình thức nào?" (parsed once)."""
        return bool(_ASKS_FORM.search(self.folded)) and bool(_DISCIPLINE_WORD.search(self.folded))

    def post_factor(self, sentence: str) -> float:
        """1.0 unless a "who holds this post" question meets a sentence that does not name the post, or names it
        only at another level ("Bí thư Tỉnh ủy" for "bí thư huyện ủy …")."""
        if not self.post:
            return 1.0
        folded = fold(sentence.lower())
        # "Ban Bí thư" is a body and "Tổng Bí thư" no committee's secretary: neither names "bí thư huyện ủy …" (fresh6
        # s6-un-chupah-nodia, unanswerable, was answered with "… Đại hội có Tổng bí thư, … Thường trực Ban Bí thư Trần
        # Quốc Vượng dự …"). Measured in stop 28: +1 refusal in each spelling, +1 more lower case (fresh4), nothing
        # else moved; XQuAD-vi alike. Not "Tổng" for a post without a level: that lost two answers in stop 27.
        if self.post == "bi thu" and "ban bi thu" not in self.folded:
            folded = _SECRETARIAT.sub(" ", folded)
        if self.post_level:
            folded = re.sub(rf"\btong {self.post}\b", " ", folded)
        if self.post not in folded:
            return 0.45
        if self.post_level:
            levels = {m.group(1) for m in re.finditer(rf"\b{self.post}{_LEVEL.pattern}", folded)}
            if levels and self.post_level not in levels:
                return 0.45
        return 1.0

    @cached_property
    def post_level(self) -> str:
        """The committee level of the post asked about ("huyen" in "bí thư huyện ủy …"), or "" (parsed once, not
        once per scored sentence)."""
        asked = _LEVEL.match(self.folded, self.folded.find(self.post) + len(self.post)) if self.post else None
        return asked.group(1) if asked else ""

    def counted_factor(self, sentence: str, sentence_terms: frozenset[str],
                       passage_terms: frozenset[str] | None = None) -> float:
        """How well a sentence fits what a how-many question counts ("đại biểu" in "bao nhiêu đại biểu là nữ"):
        1.0 with a figure right before it ("1.587 đại biểu"), 0.8 with it elsewhere, 0.6 without it (a figure
        about something else does not answer), 0.45 when its whole passage lacks it; each kind it must be ("nữ")
        missing from the sentence: × 0.45. Without `passage_terms` the sentence is taken as the whole passage.
        A rate ("tỷ lệ", "phần trăm") wants a percentage ("%" or "phần trăm")."""
        if not self.counted:
            return 1.0
        factor = 1.0
        for word in self.counted_kind:
            if FOLDED + word not in sentence_terms:
                factor *= 0.45
        if self.counted == _PERCENT:
            if self.rate_base and FOLDED + self.rate_base not in sentence_terms:
                factor *= 0.6  # "bao nhiêu phần trăm lương?" is not answered by a rate of teaching hours
            return factor * (1.0 if "%" in sentence or FOLDED + "phan_tram" in sentence_terms else 0.6)
        counted = FOLDED + "_".join(self.counted)
        if counted not in sentence_terms:  # and when no sentence of the passage names it, the passage cannot tell
            return factor * (0.6 if counted in (passage_terms or sentence_terms) else 0.45)
        words = r"\s+".join(self.counted)
        spelt = fold(_NUMBER_WORD.sub("9", sentence.lower()))  # "mười tám tuổi" counts as a figure before "tuổi"
        return factor * (1.0 if re.search(rf"\d(?:[\d.,]*\d)?\s+(?:\w+\s+)?{words}\b", spelt) else 0.8)

    @cached_property
    def rate_base(self) -> str:
        """What a percentage is of, folded: "lương" in "… bằng bao nhiêu phần trăm lương?", "xa" in "… bao nhiêu phần
        trăm số xã …"; "" when nothing follows (parsed once). A sentence without it takes × 0.6 (counted_factor).
        Measured in stop 26: +1 refusal folded and lower case (fresh f-u-qd1147-allowance; as written its support
        stays above the threshold), no answer lost in any spelling; XQuAD-vi unchanged."""
        match = _RATE_BASE.search(self.folded)
        return "" if not match or match.group(1) in _STOP_FOLDED else match.group(1)

    @cached_property
    def locating_figures(self) -> frozenset[str]:
        """The figures that only say which document or occasion is meant: those of its document numbers, of the
        year written after one ("Kết luận 83-KL/TW năm 2024 giao cơ quan nào …?": the page on it says "năm
        2024" once, not beside "5.2. Ban Kinh tế Trung ương chủ trì …"; +1 answer in each spelling of the nineteen
        party sets in stop 27, nothing else moved) and of a leading "Theo …," clause."""
        numbered = {figure for number in self.asked_documents for figure in _FIGURE.findall(number)}
        for match in DOC_NUMBER_PATTERN.finditer(self.text):
            dated = _DATED_NUMBER.match(self.text, match.end())
            if dated:
                numbered |= set(_FIGURE.findall(dated.group()))
        return self.setting_figures | numbered | set(_NAMED_BY_YEAR.findall(self.text))

    @cached_property
    def numbering_terms(self) -> frozenset[str]:
        """The terms that only spell the document numbers the question names ("#82/2025/nq-hđnd", "82", "nq",
        "quyết_82"): a sentence of the document so numbered need not repeat them (see `names_document`)."""
        if not self.asked_documents:
            return frozenset()
        focus = split_scene(self.text)[1]
        left = _content_terms(spell_out_abbreviations(DOC_NUMBER_PATTERN.sub(" ", focus)))
        return frozenset(self.terms) - frozenset(left)

    def names_document(self, document_terms: frozenset[str]) -> bool:
        """Whether a document's terms hold a document number the question names."""
        return any(term in document_terms for term in self.numbering_terms if DOC_NUMBER in term[:2])

    @cached_property
    def asked_documents(self) -> frozenset[str]:
        """The document numbers the question names (parsed once, not once per scored sentence)."""
        return frozenset(find_document_numbers(self.text))

    def type_bonus(self, sentence: str) -> float:
        """A small bonus when the sentence holds the kind of thing asked for (a date, a figure, a name); for a
        question about the present, one for a sentence that speaks of the present and a malus for one dated in
        the past (the documents span decades: "được bầu ... năm 2020" may no longer hold)."""
        if self.now:
            folded = fold(sentence.lower())
            now = 0.15 if _NOW_SAID.search(folded) else -0.1 if _YEAR.search(sentence) else 0.0
            return now + self._type_bonus(sentence)
        return self._type_bonus(sentence)

    def _type_bonus(self, sentence: str) -> float:
        if self.asks == "date":  # "ngày nào?" wants a day ("29/11", "ngày 2"), not only a year
            if self.day:
                return 0.1 if _DAY.search(self._calendar(sentence)) else -0.2
            return 0.1 if _DATE.search(sentence) else -0.1
        if self.wants_duration:  # "bao lâu?" is not answered by "10 tuổi"
            return 0.1 if _DURATION.search(sentence) else -0.25
        if self.asks == "number":  # "… thứ 9 …" or a web address is no amount ("bao nhiêu nhiệm vụ?")
            amounts = _NOT_AMOUNT.sub(" ", sentence)
            return 0.1 if _DIGITS.search(amounts) or _NUMBER_WORD.search(amounts.lower()) else -0.25
        if self.asks == "document":  # "thay thế chỉ thị nào?": a number other than the ones asked about
            return 0.15 if self._names_new_document(sentence) else -0.05
        if self.asks == "person":
            return 0.15 if has_person(sentence, self.names) else -0.05
        if self.wants_name:  # "Người vợ đầu … tên là gì?" is not answered by "Người vợ nghĩ ông đã chết …"
            return 0.0 if has_person(sentence, self.names) else -0.15
        if self.wants_place:
            return _PLACE_BONUS if _names_place(sentence, self.terms) else 0.0
        if self.asked_kind:
            return _PLACE_BONUS if _names_kind(sentence, self.asked_kind, self.terms) else 0.0
        return 0.0


# A place asked about ("… quá cảnh ở thành phố nào …?"): a sentence that names one gets +0.05. Measured in stop 21:
# 0.05–0.15 alike on the party sets (+1 answer as written, fresh15); XQuAD-vi +1 at 0.05, +1 −1 at 0.1.
_PLACE_BONUS = 0.05
_ASKS_NAME = re.compile(r"\bten (?:la )?gi\b")
_ASKS_PLACE = re.compile(
    r"\b(?:o dau|tai dau|noi nao|(?:thanh pho|tinh|nuoc|quoc gia|dia diem|dia phuong|huyen|xa|vung|nha tu) nao)\b"
)
# "… (con) sông nào?", "… học trường nào?", "… tạp chí nào?": a thing with a proper name is asked for; a sentence that
# writes the kind word before a capitalised name ("sông Mã", "trường Trung học Petrus Ký") names one.
_ASKS_NAMED = re.compile(
    r"\b(sông|núi|trường|học|nhà máy|tạp chí|nghĩa trang|làng|đảo|chùa|đền|hiệu sách|bệnh viện|học viện|phố)"
    r"\s+nào\b"
)
# "… <kind> nào?" (folded), the two words before "nào"; kinds whose last word asks a time, a manner, a number or a
# document ("ngày", "thế", "quyết định" …), and ones no proper name follows ("cơ quan", "đơn vị" …); function words
# that may stand before a one-word kind ("là", "ở", "học" …).
_KIND_ASKED = re.compile(r"\b(?:(\w+) )?(\w+) nao\b")
_NOT_NAMED_LAST = frozenset(
    "ngay nam thang gio khi luc the dau gian diem doan ky cach dinh quyet thi luan ban tu lenh hinh loai muc nguyen"
    .split()
)
_NOT_NAMED = frozenset({"co quan", "don vi", "to chuc", "huong dan", "so hieu", "hinh thuc", "nguyen tac"})
_BEFORE_KIND = frozenset(
    "la o tai cua hoc thuoc nhung cac vao tu den va voi cho ve trong tren duoi qua sang nhu mot hai ba bon nam".split()
)
_PLACE_WORD = re.compile(r"\b(?:tại|ở|đến|sang|về)\s+(\w+)", re.IGNORECASE)
# The forms of discipline of the Party Charter (Điều 35: khiển trách, cảnh cáo, cách chức, khai trừ, and giải tán for
# an organisation) and of the civil service, folded.
_ASKS_FORM = re.compile(r"\bhinh thuc (?:ky luat )?(?:gi|nao)\b")
_DISCIPLINE_WORD = re.compile(r"\bky luat\b|\bxu ly\b|\bxu phat\b")
# A question about who came before or after someone in a post, and the words that tell of it (folded text).
_ASKS_SUCCESSION = re.compile(
    r"\b(?:(?:thay|ke nhiem|thay the|ke vi)\s+(?:ai|ong nao|ba nao|nguoi nao)"
    r"|ai\s+(?:(?:da|la nguoi|duoc)\s+)?(?:ke nhiem|thay|ke vi)|nguoi (?:ke nhiem|tien nhiem))\b(?! mat| doi)"
)
_SUCCEEDS = re.compile(r"\b(?:thay|ke nhiem|tien nhiem|ke vi|tiep quan|thay the)\b(?! mat| doi)")
# A numbered step, stage or round on folded text: "bước 1", "bước thứ hai", "bước đầu tiên", "giai đoạn 2", "đợt 3".
# Words count only after "thứ" ("giai đoạn năm 2020" is no fifth stage).
_STEP = re.compile(r"\b(buoc|giai doan|dot)\s+"
                   r"(?:(dau tien)|thu\s+(nhat|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi)|(\d{1,2}))(?![\w/.,-]?\d)")
_STEP_WORDS = {"nhat": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9,
               "muoi": 10}


def tells_day_span(text: str) -> bool:
    """Whether a text gives a span of days ("từ ngày 25/1 đến ngày 1/2/2021", "25-28/01/2021")."""
    return bool(_DAY_SPAN.search(text))


def _steps(folded: str) -> list[tuple[str, int]]:
    return [(m.group(1), 1 if m.group(2) else _STEP_WORDS[m.group(3)] if m.group(3) else int(m.group(4)))
            for m in _STEP.finditer(folded)]


_DISCIPLINE_FORM = re.compile(
    r"\b(?:khien trach|canh cao|cach chuc|khai tru|phe binh|giang chuc|giang cap|ha bac|bai nhiem|mien nhiem|"
    r"buoc thoi viec|xoa ten|xoa tu cach|tuoc quan ham|dinh chi|giai tan)\b"
)
# "… ở đâu?", "… địa điểm nào?": where something is or took place, not which province or country (those name one).
# Not "chỗ nào": folded, "cho nao" is also "chợ nào" and "đã cho nào".
_ASKS_VENUE = re.compile(r"\b(?:o dau|tai dau|noi nao|dia diem nao)\b")
# "tại hội trường", "trong nông nghiệp", "giữa P và PSPACE", "vào trường đại học": not a time ("vào ngày", "trong
# thời gian") nor a pointer ("trong đó").
_AT_WORD = re.compile(
    r"\b(?:tại|ở|trong|giữa|vào|trên|ngoài)\s+(?!(?:ngày|năm|tháng|lúc|thời|dịp|khoảng|đó|này|những|các|số)\b)"
    r"(\w+)(?:\s+(\w+))?",
    re.IGNORECASE,
)
_IN_PLACE = re.compile(r"\b(?:thuộc|gần)\s+(\w+)")
_ADDRESS = re.compile(
    r"\b(?:số|đường|(?<!hành )phố|phường|quận|xã|huyện|tỉnh|thành phố|thủ đô|thị xã|thị trấn)\s+(\w+)"
)  # lower case: "Hội Cựu chiến binh Thành phố Hồ Chí Minh" names a body, not where it is


def _locates(sentence: str, asked: tuple[str, ...]) -> bool:
    """Whether a sentence says where: "tại", "ở", "trong", "giữa", "vào" … before words not of the question's ("tại
    hội trường UBND huyện", not "TẠI HỘI NGHỊ …" for "Hội nghị … được tổ chức tại địa điểm nào?"), a place named
    after "đến", "sang", "về", "thuộc" or "gần", or an address ("số 39 phố Hàng Chuối", "phường Ba Đình")."""
    def own(*words: str) -> bool:
        term = "_".join(word.lower() for word in words)
        return term in asked or FOLDED + fold(term) in asked

    return (any(not own(m.group(1)) or (m.group(2) and not own(m.group(1), m.group(2)))
                for m in _AT_WORD.finditer(sentence))
            or _names_place(sentence, asked) or _names_place(sentence, asked, after=_IN_PLACE)
            or any(m.group(1)[0].isdigit() or (_is_capitalised(m.group(1)) and not m.group(0).startswith("số"))
                   for m in _ADDRESS.finditer(sentence)))


def _names_kind(sentence: str, kind: str, asked: tuple[str, ...]) -> bool:
    """"… rải xuống sông Mã, sông Hồng …" for "… những con sông nào?": the kind word, any case and with or without
    marks, before a capitalised word that is not one of the question's own."""
    pattern = re.compile(rf"\b{re.escape(fold(kind))}\s+(\w+)", re.IGNORECASE)
    own = {fold(term) for term in asked}
    return any(_is_capitalised(m.group(1)) and m.group(1).lower() not in own for m in pattern.finditer(fold(sentence)))


def _names_place(sentence: str, asked: tuple[str, ...], after: re.Pattern[str] = _PLACE_WORD) -> bool:
    """"… quá cảnh tại Karachi …": a capitalised word right after "tại", "ở", "đến", "sang" or "về" (or the words of
    `after`), not one of the question's own words ("tại Trụ sở Trung ương Đảng" for "Trụ sở … đặt ở đâu?")."""
    return any(_is_capitalised(m.group(1)) and m.group(1).lower() not in asked and FOLDED + fold(m.group(1).lower())
               not in asked for m in after.finditer(sentence))


# The ranks of general and field officers and of admirals ("Thượng tướng", "Thiếu tá", "Phó Đô đốc").
_RANK = re.compile(r"\b(?:(?:đại|thượng|trung|thiếu)\s+(?:tướng|tá)|(?:phó\s+|chuẩn\s+)?đô\s+đốc)\b", re.IGNORECASE)
_NEXT_WORD = re.compile(r"\s+(\w+)")


# A day: "8/6/2018", "08-06", "8 tháng 6 năm 2018"; its year if given. Not "16-17/01" read as the 16th of month 17.
_DAY_MONTH = re.compile(r"\b(\d{1,2})\s*(?:/|-|\s+tháng\s+)(\d{1,2})\b(?:\s*(?:/|-|\s+năm\s+)(\d{4}))?", re.IGNORECASE)


def _days(text: str) -> frozenset[tuple[int, int, str]]:
    """(day, month, year or "") of each day a text names: "ngày 8 tháng 6 năm 2018" and "08/06/2018" are the same."""
    found = ((int(day), int(month), year) for day, month, year in _DAY_MONTH.findall(text))
    return frozenset((day, month, year) for day, month, year in found if 0 < day <= 31 and 0 < month <= 12)


def _months(text: str) -> frozenset[int]:
    """The months a text names: "tháng 4", "tháng 4/2025", and those of its days ("12/4/2025")."""
    months = {int(m) for m in _MONTH.findall(text)} | {month for _, month, _ in _days(text)}
    return frozenset(m for m in months if 0 < m <= 12)


def _holds_name(terms: frozenset[str], name: str) -> bool:
    """Whether the terms hold a folded name: its syllable pairs ("nguyen_dang"), or its one syllable. A name of four
    syllables or more may be two written without a comma ("huyện Thanh Chương Nghệ An" for "Thanh Chương, Nghệ An"):
    held as two parts of two syllables or more."""
    syllables = name.split()
    grams = ["_".join(pair) for pair in zip(syllables, syllables[1:])] or syllables
    if all(FOLDED + gram in terms for gram in grams):
        return True
    apart = (grams[: cut - 1] + grams[cut:] for cut in range(2, len(syllables) - 1))  # the pair across the cut left out
    return any(all(FOLDED + gram in terms for gram in held) for held in apart)


def _ranks(text: str, *, titles: bool = True) -> frozenset[str]:
    """The ranks a text names, lower-cased; without `titles`, not one right before a name ("Trung tướng Nguyễn …")."""
    text = normalize_for_search(text)
    found = set()
    for match in _RANK.finditer(text):
        following = _NEXT_WORD.match(text, match.end())
        if titles or not (following and _is_capitalised(following.group(1))):
            found.add(" ".join(match.group().lower().split()))
    return frozenset(found)


@lru_cache(maxsize=256)
def _passage_ordinals(hit: Hit) -> frozenset[tuple[str, int]]:
    return frozenset(ordinals(f"{hit.title}\n{hit.heading}\n{hit.text}") | table_ordinals(hit.heading, hit.text))


# A date written with slashes, "10/1979" or "6/3/2023": one term for BM25, but a source writes it many ways.
_NUMERIC_DATE = re.compile(r"\d{1,2}(?:/\d{1,2})?/\d{4}")


def _content_terms(text: str) -> tuple[str, ...]:
    """The terms worth matching: exact ones for a question with diacritics, folded ones for one without
    (folded "bi thu" would also match "bị", "thứ"...), never a question or function word, nor a syllable pair
    with one in it: most such pairs span a word boundary ("được_đề", "quyết_không"), are rare, so weigh heavily,
    and reward only sentences that repeat the question's wording. A few real words go too ("dự_bị"), whose other
    syllable still counts; keeping them by collocation strength measured the same (NOTES.md)."""
    terms = query_terms(text)
    exact = has_diacritics(text)
    numbers = find_document_numbers(text)
    keep = []
    for term in terms:
        if term.startswith(DOC_NUMBER) or term.startswith(FOLDED + DOC_NUMBER):
            keep.append(term)
            continue
        folded = term.startswith(FOLDED)
        if folded == exact:
            continue
        bare = term.removeprefix(FOLDED)
        if _NUMERIC_DATE.fullmatch(bare) and not any(bare in number for number in numbers):
            continue  # "10/1979": its "10" and "1979" are terms too, and "tháng 10 năm 1979" has both
        parts = bare.split("_")
        if not any(part in (_STOP if exact else _STOP_FOLDED) for part in parts):
            keep.append(term)
    return tuple(keep)


def _counted(lowered: str, *, exact: bool) -> dict[str, tuple[str, ...]]:
    """What a how-many question counts: the folded words after "bao nhiêu"/"mấy" (the second dropped when it is a
    function word), the word after a following "là" as its kind; a question about a rate counts a percentage. After
    the thing counted ("tổng số điểm bao nhiêu mới được xếp loại …", "tỉ lệ bao nhiêu để …") it counts nothing."""
    stop = (_STOP | _AFTER_AMOUNT) if exact else (_STOP_FOLDED | _AFTER_AMOUNT_FOLDED)
    match = _COUNTED.search(lowered)
    if match and fold(lowered[: match.start()]).endswith("thu "):
        # "… Bí thư Thành ủy Hải Phòng thứ mấy lên giữ chức này?" asks an ordinal and counts nothing, not "lên giữ"
        # (stop 27: +1 answer in each spelling, fresh17 s17-tlq-haiphong-thu4; XQuAD-vi +1). Folded: a restored
        # plain question may read "thư mấy".
        match = None
    if not match or match.group(1) in stop:
        return {"counted": _PERCENT} if _RATE.search(fold(lowered)) else {}
    single = (match.group(2) is None or match.group(2) in stop or fold(match.group(1)) in _UNITS
              or fold(match.group(2)) in _VERBS_AFTER_COUNTED
              or _ADVERB_AFTER_COUNTED.match(fold(lowered[match.start(2):])) is not None)
    words = [match.group(1)] if single else [match.group(1), match.group(2)]
    kind = (fold(match.group(3)),) if match.group(3) and match.group(3) not in stop else ()
    return {"counted": tuple(fold(w) for w in words), "counted_kind": kind}


# Places whose first word is a family name ("Hà", "Cao", "Lâm"): "đến Hà Nội" names nobody.
_PLACES_LIKE_NAMES = frozenset((
    "ha noi", "ha tinh", "ha giang", "ha nam", "ha dong", "ha tay", "ha bac", "ha tien", "ha long", "cao bang",
    "lam dong", "lam thao", "quang ninh", "quang binh", "quang tri", "quang nam", "quang ngai",
))


def has_person(sentence: str, asked: frozenset[str] = frozenset()) -> bool:
    """A family name followed by a capitalised word ("Nguyễn Văn Thanh", "Tô Lâm"), or "đồng chí" before a name,
    other than the people the question itself names (`asked`, folded): "… đồng chí Trần Quốc Hoàn …" does not say
    who chaired his anniversary."""
    for run in _name_runs(sentence):
        if not run:
            if not asked:
                return True  # "đồng chí" alone: someone is named by post
            continue
        name = fold(" ".join(run).lower())
        if name in _PLACES_LIKE_NAMES:
            continue
        if not any(name in other or other in name for other in asked):
            return True
    return False


def person_names(text: str) -> list[str]:
    """The people a text names, as written, in order: "Bà Nguyễn Thị Xuân Mỹ, sinh năm 1940 …" → ["Nguyễn Thị Xuân
    Mỹ"]."""
    return [" ".join(run) for run in _name_runs(text) if run]


def _name_runs(text: str) -> Iterator[list[str]]:
    """The words of each name that starts with a family name or follows "đồng chí"; an empty list for a "đồng chí"
    followed by no name. A name ends at punctuation: "Nguyễn Hồng Thái, Tư lệnh …" is not "Nguyễn Hồng Thái Tư"."""
    normalized = normalize_for_search(text)
    found = list(_WORD.finditer(normalized))
    words = [m.group() for m in found]

    def joined(j: int) -> bool:  # the word j is capitalised and follows the one before with only spaces between
        return _is_capitalised(words[j]) and not normalized[found[j - 1].end() : found[j].start()].strip()

    for i, word in enumerate(words[:-1]):
        after_title = word.lower() == "chí" and i > 0 and words[i - 1].lower() == "đồng"
        if (word in _FAMILY_NAMES or after_title) and joined(i + 1):
            start = i + 1 if after_title else i
            run = [words[start]]
            for j in range(start + 1, len(words)):
                if not joined(j):
                    break
                run.append(words[j])
            yield run
        elif after_title:
            yield []


def _is_capitalised(word: str) -> bool:
    """"Thanh", "Đức": a capital then lower case (str.isupper, not a character range: "ô" sorts inside "À-Ỹ")."""
    return word[0].isupper() and word[1:].islower()


def _names(text: str) -> list[str]:
    """Folded lower-case names written with capitals inside the question ('thị trấn Nghèn' → 'nghen').

    A run of capitalised words is one name unless every word of it is institutional ("Ban Chấp hành", "Phó Bí
    thư"): "Huyện ủy Thường Xuân" names "thuong xuan", not the "xuan" left after dropping "Thường" (as in "Thường
    trực")."""
    words = list(_WORD.finditer(text))
    names, run = [], []
    for i, match in enumerate(words + [None]):
        word = match.group() if match else ""
        capitalised = bool(word) and _is_capitalised(word) and i > 0  # not "UBND", "TTg"
        # a run ends at punctuation too: "Staley–Taylor" is two tokens, never the pair the constraint looks for
        joined = bool(run) and match is not None and not text[words[i - 1].end() : match.start()].strip()
        if capitalised and (joined or not run):
            run.append(word)
            continue
        asked = word.lower() == "nào" and joined  # "sĩ quan Pháp nào": it describes what is asked for
        for part in _split_at_person(run) if run and not asked else ():
            folded = [fold(w.lower()) for w in part]
            # a person's name stays although every word of it folds to an institutional one ("Tòng Thị Phóng":
            # "tổng", "thị", "phòng")
            if not all(w in _INSTITUTIONAL for w in folded) or (len(part) > 1 and _is_family_name(part[0])):
                names.append(" ".join(folded))
        run = [word] if capitalised else []
    return names


def _split_at_person(run: list[str]) -> list[list[str]]:
    """"Bí thư TU Cửu Long Nguyễn Đáng" holds two names, the place and the person: a run that does not start with a
    family name is cut before the first family name followed by a given name. A family name as the last word stays
    ("Hải Dương", "Lai Châu"). "Đảng" is not "Đặng": a word with its marks is compared with its marks."""
    if _is_family_name(run[0]):
        return [run]
    cut = next((i for i in range(1, len(run) - 1) if _is_family_name(run[i])), None)
    return [run] if cut is None else [run[:cut], run[cut:]]


def _is_family_name(word: str) -> bool:
    return word in _FAMILY_NAMES if has_diacritics(word) else fold(word.lower()) in _FAMILY_FOLDED


def _asked_post(text: str) -> str:
    """The first post a normalised "who" question names, folded, but not one of its leading "Theo …,"/"Khi …," clause
    ("Khi ông Võ Văn Kiệt làm Bí thư Thành ủy …, tổ thu mua gạo … do ai làm tổ trưởng?") nor a former one, which only
    says who someone else is ("ai là viên mật thám … ông Đinh Văn Di, nguyên Bí thư Liên Tỉnh ủy …?")."""
    setting = _SETTING.match(text.lower())
    folded = fold(text[setting.end() if setting else 0 :].lower())
    return next((m.group() for m in _POSTS.finditer(folded) if not _FORMER.search(folded, 0, m.start())), "")


def _without_document_dates(text: str) -> str:
    """The text with the date right after each document number blanked out (see _DOCUMENT_DATE)."""
    for number in DOC_NUMBER_PATTERN.finditer(text):
        date = _DOCUMENT_DATE.match(text, number.end())
        if date:
            text = text[: date.start()] + " " * (date.end() - date.start()) + text[date.end() :]
    return text


def _dates_issue(sentence: str, days: list[re.Match[str]], asked: list[int]) -> bool:
    """Whether a sentence's days may be the issue date asked about: it has none, or an issuing word ("ban hành",
    "ký"), or opens with its day ("Ngày 5/11/2025, Ban Tuyên giáo … có Hướng dẫn 35-HD/BTGDVTW …"), or writes one
    right after a number asked about (`asked`: where each ends). Not "… Hội nghị lần thứ 14 … bế mạc vào sáng (6/11)
    và Hướng dẫn 35-HD/BTGDVTW năm 2025 tải về": a meeting's day (fresh6 s6-un-hd35-date, an unanswerable question it
    answered; × 0.6 in `Question.issuing_factor`, as asking only the question's last clause for the issuing word,
    measured in stop 28: +1 refusal in each spelling, nothing else moved; XQuAD-vi alike)."""
    if not days or _ISSUES.search(sentence.lower()) or _LEADING_DAY.match(sentence):
        return True
    return any(_right_after(d, end) for d in days for end in asked)


def _right_after(day: re.Match[str], end: int) -> bool:
    """Whether a day is written right after a document number that ends at `end` ("… 35-HD/BTGDVTW, ngày 10/11")."""
    return 0 <= day.start() - end <= 12


def _without_asides(text: str) -> str:
    """The question without its appositions, bracketed clauses and former posts, which say who is meant; its leading
    "Theo …," or "Trong tháng 4/2025, …" clause stays."""
    setting = _SETTING.match(text.lower())
    return (text[: setting.end()] if setting else "") + split_scene(text)[1]


def split_scene(text: str) -> tuple[str, str]:
    """(The scene, the focus) of a normalised question: a leading "Theo …," clause, the appositions, bracketed
    clauses and a former post beside a name ("… ông Lê Văn Lương nguyên bí thư thành ủy Hà Nội …") set the scene;
    the subject and what is asked of it are the focus ("Ông Phạm Văn Xô, một trong những người dự Đại hội lần thứ
    nhất … năm 1935, tên thật là gì?" → "Ông Phạm Văn Xô tên thật là gì?"). Without any of them, the scene is ""."""
    setting = _SETTING.match(text.lower())
    scene, focus = (text[: setting.end()], text[setting.end() :]) if setting else ("", text)
    bracketed, focus = _bracketed_aside(focus)
    aside, focus = _apposition(focus)
    former, focus = _former_post(focus)
    return " ".join(part for part in (scene, bracketed, aside, former) if part), focus


# "nguyên Bí thư Thành ủy Hà Nội", "cựu Phó Chủ tịch nước": a former post beside a person's name, typed without the
# commas of an apposition. It opens with the head of a post and goes on with the words of posts and bodies and with
# capitalised words (places), up to a person's name or the first other word.
_FORMER_POST = re.compile(r"\b(?:nguyên|cựu)\s+(?=(?:phó|chủ|bí|tổng|ủy|uỷ|trưởng|bộ|thủ tướng|giám|chánh|viện|đại sứ|"
                          r"tư lệnh|chính ủy|thứ trưởng|trợ lý|thường trực)\b)", re.IGNORECASE)
_POST_WORDS = frozenset(
    "phó chủ tịch nhiệm bí thư tổng ủy uỷ viên trưởng ban bộ thủ tướng giám đốc chánh án văn phòng viện kiểm sát "
    "biên tập báo tỉnh thành huyện quận xã phường nhân dân hội đồng thường trực vụ trung ương quốc chính phủ nước tư "
    "lệnh quân khu đoàn mặt trận tổ đại sứ thứ trợ lý sở công an tòa tối cao cấp và tài nguyên môi trường ngoại giao "
    "nội y tế xây dựng giao thông vận tải pháp phòng lao động thương binh xã văn hóa thể thao du lịch khoa học nghệ "
    "kế hoạch đầu tư giáo dục đào tạo nông nghiệp phát triển thôn khóa khoá trị chấp hành thường tra".split()
)
_ROMAN = re.compile(r"[IVXLC]+")
# After these a capitalised run names a place ("Thành ủy Hà Nội"), not a person although it opens with a family name.
_PLACE_BEFORE = frozenset("ủy uỷ tỉnh thành huyện quận xã phường phố".split())


def _former_post(text: str) -> tuple[str, str]:
    """(The former posts, the text without them) for a question about a named person; ("", text) otherwise."""
    if not person_names(text):
        return "", text
    posts, kept, position = [], [], 0
    for marker in _FORMER_POST.finditer(text):
        if marker.start() < position:
            continue
        end = _end_of_post(text, marker.end())
        if len(text[marker.start() : end].split()) >= 3:
            posts.append(text[marker.start() : end])
            kept.append(text[position : marker.start()])
            position = end
    if not posts:
        return "", text
    kept.append(text[position:])
    return ", ".join(posts), _closed_up(" ".join(kept)).lstrip(" ,;")


def _end_of_post(text: str, start: int) -> int:
    """Where the words of a post that opens at `start` end: at punctuation, a person's name or another word."""
    words = list(_WORD.finditer(text, start))
    end, previous = start, ""
    for i, word in enumerate(words):
        written = word.group()
        if text[end : word.start()].strip():  # punctuation ends it
            break
        if (_is_family_name(written) and i + 1 < len(words) and _is_capitalised(words[i + 1].group())
                and previous not in _PLACE_BEFORE):
            break  # a person's name
        if not (written.lower() in _POST_WORDS or _is_capitalised(written) or written.isdigit()
                or _ROMAN.fullmatch(written)):  # "Quân khu 1", "khóa XII"
            break
        end, previous = word.end(), written.lower()
    return end


def _bracketed_aside(text: str) -> tuple[str, str]:
    """"Trần Hữu Dực (sau này là Phó Thủ tướng, Viện trưởng Viện Kiểm sát nhân dân tối cao) đứng ra lập tổ chức
    nào?": a bracketed clause of three words or more says who is meant, as an apposition does, and its commas must
    not be read as the apposition's; returns (those clauses, the text without them). "(1913–2003)" stays."""
    asides = [inner for inner in _PARENTHESES.findall(text) if _is_aside(inner)]
    if not asides:
        return "", text
    kept = _PARENTHESES.sub(lambda m: " " if _is_aside(m.group(1)) else m.group(0), text)
    return ", ".join(asides), _closed_up(kept)


def _closed_up(text: str) -> str:
    """Text with words taken out of it: single spaces, none left before a comma or the question mark."""
    return " ".join(text.split()).replace(" ,", ",").replace(" ?", "?")


def _asks_amount(asks: str, folded: str) -> bool:
    """A how-many question: a number question that does not ask a document's number ("theo KH số mấy?")."""
    return asks == "number" and not _ASKS_IDENTIFIER.search(folded)


def _is_aside(bracketed: str) -> bool:
    return sum(1 for word in bracketed.split() if _WORD_LETTERS.match(word)) >= 3


# A comma between clauses; not one inside a list of terms or numbers ("khóa X, XI", "khóa V, VI", "1, 2 và 3"), nor
# "ngày, tháng nào".
_ASKING_END = re.compile(r"^\s*\w+\s+(?:gì|ai|nào|đâu|mấy)\s*\??\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"(?<!\bngày)(?<!\btháng), (?!(?:[IVXLC]+|\d+)\b)", re.IGNORECASE)


def _apposition(text: str) -> tuple[str, str]:
    """"Ông Nguyễn Lam, Bí thư thứ nhất đầu tiên của Trung ương Đoàn, có tên khai sinh là gì?": the clauses between the
    subject and the question (of three words or more each, so not a list such as "bộ, ngành, địa phương") say who is
    meant, as a leading "Theo …," clause says where; returns (those clauses, the subject and the question)."""
    parts = _CLAUSE_BREAK.split(text)
    asked = len(parts[-1].split()) >= 3 or bool(_ASKING_END.search(parts[-1]))  # "…, là gì?" asks in two words
    if len(parts) < 3 or not asked or any(len(part.split()) < 3 for part in parts[1:-1]):
        return "", text
    return ", ".join(parts[1:-1]), f"{parts[0]} {parts[-1]}"

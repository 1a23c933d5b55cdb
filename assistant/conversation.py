"""Follow-up questions without an LLM: carry the earlier turn's subject into the retrieval query."""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.docnumbers import find_document_numbers
from index.text import fold, has_diacritics, normalize_for_search

# Words that point back at something said before ("hội nghị đó", "con số này", "họ").
_ANAPHORA = ("đó", "này", "ấy", "nói trên", "kể trên", "trên đây", "họ", "nó", "vậy", "con số", "việc đó")
_ANAPHORA_FOLDED = ("do", "nay", "ay", "noi tren", "ke tren", "tren day", "ho", "con so", "viec do")
_WORD = re.compile(r"\w+")
# "Còn X thì sao?", "Thế còn X?", "Vậy còn X?": the Vietnamese way of asking the same thing about something else.
_SAME_AGAIN = re.compile(r"^(?:(?:thế|thê|the|vậy|vay)\s+)?còn\b|\bthì sao\b|\bthì thế nào\b", re.IGNORECASE)
_SAME_AGAIN_FOLDED = re.compile(r"^(?:(?:the|vay)\s+)?con\b|\bthi sao\b|\bthi the nao\b", re.IGNORECASE)
# "Kết luận đó", "văn bản này": the follow-up is about the document the earlier turn named (matched folded).
_DOCUMENT_ANAPHORA = re.compile(
    r"\b(?:ket luan|nghi quyet|chi thi|quyet dinh|quy dinh|huong dan|thong bao|thong tri|van ban|nghi dinh|"
    r"thong tu|luat)\s+(?:do|nay|ay|noi tren|tren)\b"
)
# "Ông", "bà" with no name after them ("Năm 1959 ông được bổ nhiệm …", "Tên thật của ông là gì?") stand for someone
# named before; not "bà con" (the people), "ông cha" (forebears), "ông bà".
_PERSON_WORD = re.compile(r"\b(?:ông|bà)\b(?!\s+(?:con|cha|bà|ông)\b)(?:\s+(\w+))?", re.IGNORECASE)
History = Sequence[tuple[str, str]]  # (user question, assistant answer) pairs, oldest first


def is_followup(question: str, history: History) -> bool:
    """True when the question leans on an earlier turn: it refers back, or says too little on its own."""
    if not history:
        return False
    normalized = normalize_for_search(question)
    text = normalized.lower()
    words = _WORD.findall(text)
    padded = f" {' '.join(words)} "
    markers = _ANAPHORA if has_diacritics(text) else _ANAPHORA_FOLDED
    if not has_diacritics(text):
        padded = fold(padded)
    same_again = (_SAME_AGAIN if has_diacritics(text) else _SAME_AGAIN_FOLDED).search(" ".join(words))
    return (bool(same_again) or any(f" {marker} " in padded for marker in markers) or len(words) <= 4
            or _names_nobody(normalized))


def _names_nobody(question: str) -> bool:
    """"Ông" or "bà" not followed by a capitalised name, in a question that names no person ("… ai là người kế nhiệm
    ông?" after "ông Phạm Thế Duyệt" points inside the question). Needs diacritics and capitals to be read."""
    from assistant.question import has_person

    bare = any(not m.group(1) or not m.group(1)[0].isupper() for m in _PERSON_WORD.finditer(question))
    return bare and not has_person(question)


def standalone_query(question: str, history: History) -> str:
    """The retrieval query: the question plus, for a follow-up, the (recursively completed) earlier question it
    depends on, or only that question's document numbers when the follow-up points at "that document".

    "Ai ký kết luận đó?" after "Kết luận 157-KL/TW yêu cầu cấp xã mới đi vào hoạt động từ khi nào?" asks about
    the document, not about its communes: with the whole earlier question the query's words favour the passage
    that answered the first turn (the signer's sentence ranked 10th on the party dev set; with "157-KL/TW"
    alone, 1st)."""
    full = _completed(question, history)
    if full == question or not _DOCUMENT_ANAPHORA.search(fold(normalize_for_search(question).lower())):
        return full
    numbers = find_document_numbers(full[len(question):])
    return f"{question} {' '.join(numbers)}" if numbers else full


def context_of(question: str, history: History) -> str:
    """The earlier text a follow-up borrows its subject from; empty for a standalone question."""
    return _completed(question, history)[len(question):].strip()


def _completed(question: str, history: History) -> str:
    """The question plus, for a follow-up, the (recursively completed) earlier question it depends on, and the
    person its answer named when the follow-up's "ông"/"bà" can only mean that person: "Sau khi nghỉ hưu, bà làm chủ
    tịch hội nào?" after "Người phụ nữ … đầu tiên được bầu làm Ủy viên Bộ Chính trị là ai?" asks about the woman the
    answer named, whom neither question names."""
    if not is_followup(question, history):
        return question
    earlier, answer = history[-1]
    completed = f"{question} {_completed(earlier, history[:-1])}"
    named = _person_answered(question, earlier, answer)
    return f"{completed} {named}" if named else completed


def _person_answered(question: str, earlier: str, answer: str) -> str:
    """The first person the earlier answer names, when the question says "ông"/"bà" without a name and neither
    it nor the earlier question names anyone; else ""."""
    from assistant.question import has_person, person_names

    if not _names_nobody(normalize_for_search(question)) or has_person(earlier):
        return ""
    return next(iter(person_names(answer)), "")

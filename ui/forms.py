"""What people type in the page's filter fields, read into the retrieval Filters (dates as dd/mm/yyyy)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from index.filters import Filters
from index.metadata import KINDS, NEWS, OTHER

KIND_CHOICES = (*KINDS, NEWS, OTHER)
_DAY_FIRST = re.compile(r"^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})$")


class FormError(ValueError):
    """A field the user filled in cannot be read; the message is Vietnamese and says what to type."""


def parse_day(text: str | None, *, field: str, end: bool = False) -> date | None:
    """A date typed as dd/mm/yyyy (also d-m-yyyy, dd.mm.yyyy, yyyy-mm-dd or a bare year); None when empty."""
    text = (text or "").strip()
    if not text:
        return None
    if year := _YEAR.match(text):
        return date(int(year[1]), 12, 31) if end else date(int(year[1]), 1, 1)
    if found := _DAY_FIRST.match(text):
        day, month, year = int(found[1]), int(found[2]), int(found[3])
    elif found := _ISO.match(text):
        year, month, day = int(found[1]), int(found[2]), int(found[3])
    else:
        raise FormError(f"{field}: không đọc được “{text}”. Hãy nhập ngày theo dạng dd/mm/yyyy, ví dụ 17/02/2016.")
    try:
        return date(year, month, day)
    except ValueError:
        raise FormError(f"{field}: ngày “{text}” không tồn tại. Hãy kiểm tra lại ngày và tháng.") from None


def build_filters(date_from: str | None, date_to: str | None, kinds: Sequence[str] | None) -> Filters | None:
    """The Filters for the fields as filled in; None when nothing narrows the search."""
    start = parse_day(date_from, field="Từ ngày")
    stop = parse_day(date_to, field="Đến ngày", end=True)
    if start and stop and start > stop:
        raise FormError("“Từ ngày” phải trước hoặc trùng “Đến ngày”.")
    unknown = [k for k in kinds or () if k not in KIND_CHOICES]
    if unknown:
        raise FormError(f"Loại văn bản không có trong danh sách: {', '.join(unknown)}.")
    filters = Filters(date_from=start, date_to=stop, kinds=tuple(kinds or ()))
    return None if filters.empty else filters


def describe(filters: Filters | None) -> dict:
    """The filters as plain JSON values, for the feedback record."""
    if filters is None:
        return {}
    return {
        "date_from": filters.date_from.isoformat() if filters.date_from else None,
        "date_to": filters.date_to.isoformat() if filters.date_to else None,
        "kinds": list(filters.kinds),
    }

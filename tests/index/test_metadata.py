"""Metadata read from the seed articles, the Party Charter and small hand-made pages."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from index.cleaning import clean_text
from index.metadata import Metadata, extract_metadata

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared" / "corpus"
SEED_DIR = next((d for d in [REPO / "corpus" / "seeds", SHARED / "seeds"] if d.is_dir() and any(d.glob("*.txt"))), None)
CHARTERS = [REPO / "corpus" / "charter" / "dieu-le-dang-2011.md", SHARED / "party" / "docs" / "b5766b5f7caa1268.md"]
CHARTER = next((p for p in CHARTERS if p.is_file()), None)

SEEDS = {
    "000": ("Đảng bộ thị trấn Nghèn tổng kết việc đổi mới phương thức lãnh đạo của Đảng", "2017-02-20", "Võ Quang Đạt"),
    "001": ("Đảng bộ Cơ quan Chính quyền huyện hoàn thành và vượt kế hoạch 60% chỉ tiêu", "2018-07-05", "Văn Thư"),
    "002": ("Tiếp tục quan tâm củng cố hệ thống chính trị cơ sở", "2015-03-25", "Thúy Vân"),
    "003": ("Đảng bộ huyện Lộc Bình: Quan tâm công tác tổ chức xây dựng Đảng", "2024-07-21", "Nguyễn Văn Thành"),
    "004": (
        "Thực hiện đồng bộ các nhiệm vụ, giải pháp nâng cao chất lượng hoạt động của tổ chức đảng",
        "2021-11-29",
        "Hương Dịu",
    ),
}


def meta(raw: str, *, title_hint: str | None = None) -> Metadata:
    return extract_metadata(raw, clean_text(raw), title_hint=title_hint)


def seed_meta(prefix: str) -> Metadata:
    if SEED_DIR is None:
        pytest.skip("seed scrapes not found")
    return meta(next(SEED_DIR.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8"))


@pytest.mark.parametrize("prefix", sorted(SEEDS))
def test_seed_title_date_author_kind(prefix):
    title, date, author = SEEDS[prefix]
    found = seed_meta(prefix)
    assert found.title.startswith(title)
    assert found.date == date
    assert found.author == author
    assert found.kind == "tin tức"


def test_seed_004_title_is_the_headline_not_the_dateline():
    assert seed_meta("004").title == SEEDS["004"][0]


def test_seed_004_numbers_include_its_resolution():
    assert "17-NQ/TU" in seed_meta("004").doc_numbers


def test_seed_002_numbers_exclude_the_dropped_provincial_list():
    numbers = seed_meta("002").doc_numbers
    assert "534-QĐ/TU" in numbers
    assert not {"17/CT-UBND", "3600/UBND-VX", "130/TB-UBND", "3505/KH-UBND"} & set(numbers)


def test_charter_is_the_party_statute():
    if CHARTER is None:
        pytest.skip("Party Charter not found")
    found = meta(CHARTER.read_text(encoding="utf-8"), title_hint="|")
    assert found.title.casefold() == "điều lệ đảng cộng sản việt nam"
    assert found.kind == "điều lệ"
    assert found.date == "2011-01-19"
    assert found.author is None


# --- title ----------------------------------------------------------------------------------------


def test_good_title_hint_wins():
    found = meta("Dòng đầu tiên của trang\n\nNội dung.", title_hint="  Tiêu đề   từ danh mục ")
    assert found.title == "Tiêu đề từ danh mục"


@pytest.mark.parametrize("hint", ["|", "", "  ", "---", "a"])
def test_bad_title_hint_falls_back_to_the_text(hint):
    assert meta("Skip to main content\n\nĐảng bộ huyện tổng kết công tác năm\n\nNội dung.", title_hint=hint).title == (
        "Đảng bộ huyện tổng kết công tác năm"
    )


def test_markdown_heading_is_the_title():
    assert meta("# Ban Bí thư Trung ương Đảng\n\nBan Bí thư là cơ quan...").title == "Ban Bí thư Trung ương Đảng"


def test_official_header_gives_type_and_subject_as_title():
    raw = (
        "BAN CHẤP HÀNH TRUNG ƯƠNG\n\nSố 45-HD/BTCTW\n\nHà Nội, ngày 21 tháng 11 năm 2025\n\n"
        "HƯỚNG DẪN\n\nMỘT SỐ NỘI DUNG VỀ QUY HOẠCH CÁN BỘ\n\nThực hiện Quy định..."
    )
    found = meta(raw)
    assert found.title == "HƯỚNG DẪN MỘT SỐ NỘI DUNG VỀ QUY HOẠCH CÁN BỘ"
    assert found.kind == "hướng dẫn"
    assert found.date == "2025-11-21"


# --- date -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("dateline", "iso"),
    [
        ("09:16 20/02/2017", "2017-02-20"),
        ("Thứ tư - 25/03/2015 09:21 349 0", "2015-03-25"),
        ("Chủ nhật,\u00a0 21/07/2024", "2024-07-21"),
        ("29/11/2021", "2021-11-29"),
        ("Hà Nội, ngày 19 tháng 01 năm 2011", "2011-01-19"),
    ],
)
def test_dateline_near_the_top(dateline, iso):
    assert meta(f"Tiêu đề bài viết\n{dateline}\n\nSáng ngày 17/2/2016, hội nghị khai mạc.").date == iso


def test_lead_that_opens_with_a_date():
    raw = "Tiêu đề bài viết\n\nChiều 05/7/2018, tại hội trường UBND huyện, hội nghị diễn ra."
    assert meta(raw).date == "2018-07-05"


def test_date_in_the_body_is_not_the_publication_date():
    assert meta("Tiêu đề bài viết\n\nTheo Nghị quyết ngày 30/3/2007, các cấp ủy phải thực hiện.").date is None


@pytest.mark.parametrize("bad", ["32/01/2020", "29/02/2023", "15/13/2020"])
def test_impossible_dates_are_rejected(bad):
    assert meta(f"Tiêu đề bài viết\n{bad}\n\nNội dung.").date is None


# --- author ---------------------------------------------------------------------------------------


def test_byline_with_organisation():
    assert meta("Tiêu đề\n\nNội dung.\n\nTác giả bài viết: Thúy Vân - Văn phòng Tỉnh ủy").author == "Thúy Vân"


def test_last_line_name_with_organisation():
    assert meta("Tiêu đề\n\nNội dung.\n\nVõ Quang Đạt - Huyện ủy Can Lộc").author == "Võ Quang Đạt"


@pytest.mark.parametrize("last", ["Nội dung cuối cùng của bài viết.", "- Nhân vật còn sống", "Đảng", "Xem thêm"])
def test_no_author_when_the_last_line_is_not_a_name(last):
    assert meta(f"Tiêu đề\n\nNội dung.\n\n{last}").author is None


# --- kind -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học", "nghị quyết"),
        ("NGHỊ QUYẾT VỀ ĐỘT PHÁ PHÁT TRIỂN", "nghị quyết"),
        ("Chỉ thị số 45-CT/TW về đại hội đảng bộ các cấp", "chỉ thị"),
        ("Kết luận 118 điều chỉnh Chỉ thị 35", "kết luận"),
        ("Quy định về kiểm điểm và đánh giá", "quy định"),
        ("Kế hoạch tổ chức hội nghị", "kế hoạch"),
        ("Điều lệ Đảng Cộng sản Việt Nam", "điều lệ"),
    ],
)
def test_kind_from_the_title(title, kind):
    assert meta("Dòng đầu\n\nNội dung.", title_hint=title).kind == kind


def test_kind_from_the_documents_own_number():
    raw = "ĐẢNG BỘ TỈNH LAI CHÂU\nSố: 17-NQ/TU\n\nVề nâng cao chất lượng tổ chức đảng\n\nNội dung."
    assert meta(raw).kind == "nghị quyết"


def test_news_needs_a_dateline_else_other():
    assert meta("Tiêu đề bài viết\n29/11/2021\n\nNội dung.").kind == "tin tức"
    assert meta("# Tô Lâm\n\nTô Lâm là chính khách Việt Nam.").kind == "khác"


def test_title_hint_is_normalised_to_nfc():
    hint = unicodedata.normalize("NFD", "Nghị quyết về công tác cán bộ")
    assert meta("Nội dung.", title_hint=hint).title == "Nghị quyết về công tác cán bộ"

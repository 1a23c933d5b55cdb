"""Cleaning on the real seed scrapes and on small strings: chrome, duplicates, wrapped lines, tables."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from index.cleaning import clean_text

REPO = Path(__file__).resolve().parents[2]
SEED_DIRS = [REPO / "corpus" / "seeds", REPO.parent / "shared" / "corpus" / "seeds"]
SEED_DIR = next((d for d in SEED_DIRS if d.is_dir() and any(d.glob("*.txt"))), None)

CHROME = [
    "EmailPrintAa",
    "Skip to main content",
    "PublishingPortal",
    "Block_BanTin_Toolbar",
    "Block_BanTin_ViewData",
    "Tăng cỡ chữ",
    "Giảm cỡ chữ",
    "Ý kiến bạn đọc",
    "Tổng số điểm của bài viết",
    "Click để đánh giá bài viết",
    "lượt xem",
    "lượt tải",
    "Bạn đã không sử dụng Site",
    "Thời gian chờ",
    "349 0",
    "4 3 15",
    "\u00a0",
    "\u200b",
]


def seed(prefix: str) -> str:
    """Raw text of the seed whose file name starts with prefix; skips when the seeds are not around."""
    if SEED_DIR is None:
        pytest.skip("seed scrapes not found")
    return next(SEED_DIR.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def cleaned() -> dict[str, str]:
    return {prefix: clean_text(seed(prefix)) for prefix in ("000", "001", "002", "003", "004")}


# --- the real seeds -------------------------------------------------------------------------------


@pytest.mark.parametrize("chrome", CHROME)
def test_no_seed_keeps_page_chrome(cleaned, chrome):
    for prefix, text in cleaned.items():
        assert chrome not in text, prefix


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_layout_is_tidy(cleaned, prefix):
    text = cleaned[prefix]
    assert unicodedata.is_normalized("NFC", text)
    assert "\n\n\n" not in text and not text.startswith("\n") and not text.endswith("\n")
    assert all(line == line.strip() for line in text.split("\n"))
    assert "  " not in text
    assert not any(line.strip() in ("top", "down") for line in text.split("\n"))


def test_seed_000_keeps_content_and_byline(cleaned):
    text = cleaned["000"]
    assert "Từ năm 2010 đến nay, Đảng bộ đã kết nạp được 95 đảng viên." in text
    assert "09:16 20/02/2017" in text
    assert text.endswith("Võ Quang Đạt - Huyện ủy Can Lộc")


def test_seed_001_drops_skip_link_and_keeps_byline(cleaned):
    text = cleaned["001"]
    assert text.startswith("Đảng bộ Cơ quan Chính quyền huyện hoàn thành")
    assert text.endswith("Văn Thư")


def test_seed_002_loses_the_appended_provincial_list(cleaned):
    text = cleaned["002"]
    for gone in ["Số: 17/CT-UBND", "3600/UBND-VX", "130/TB-UBND", "3505/KH-UBND", "Lai Châu lần thứ V", "•"]:
        assert gone not in text
    assert text.endswith("Tác giả bài viết: Thúy Vân - Văn phòng Tỉnh ủy")
    assert "Đề án 534-QĐ/TU" in text


def test_seed_002_dateline_loses_its_counters(cleaned):
    assert "Thứ tư - 25/03/2015 09:21\n" in cleaned["002"]


def test_seed_002_duplicated_caption_kept_once(cleaned):
    caption = "Lớp bồi dưỡng nghiệp vụ QLNN cho công chức, viên chức tại huyện Than Uyên năm 2014 (ảnh: TP)"
    assert cleaned["002"].count(caption) == 1


def test_seed_002_caption_wrapped_before_lower_case_is_joined(cleaned):
    assert "Cán bộ, đoàn viên thanh niên xã Thu Lũm (Mường Tè) làm đường dân sinh (ảnh: AT)" in cleaned["002"]


def test_seed_003_lead_paragraph_appears_once(cleaned):
    text = cleaned["003"]
    assert text.count("LSO-Trong năm qua") == 1
    assert "Đội ngũ cán..." not in text
    assert "Nhiều tổ chức cơ sở đảng đã giữ vững" in text
    assert text.endswith("Nguyễn Văn Thành")


def test_seed_004_wrapped_sentence_is_joined_but_title_is_not(cleaned):
    text = cleaned["004"]
    assert "để sớm đưa Nghị quyết Đại hội XIII của Đảng, Nghị quyết đại hội" in text
    assert "Thực hiện đồng bộ các nhiệm vụ, giải pháp nâng cao chất lượng hoạt động của tổ chức đảng\nĐó là" in text
    assert text.endswith("Hương Dịu")


# --- one rule at a time ---------------------------------------------------------------------------


def test_nfc_invisible_characters_and_non_breaking_spaces():
    raw = unicodedata.normalize("NFD", "Nghị quyết") + "\u200b số\u00a017-NQ/TU\ufeff"
    assert clean_text(raw) == "Nghị quyết số 17-NQ/TU"


@pytest.mark.parametrize(
    "chrome",
    [
        "EmailPrintAa",
        "Skip to main content",
        "PublishingPortal - Block_BanTin_Toolbar",
        " PublishingPortal - Block_BanTin_ViewData",
        "Tăng cỡ chữ Giảm cỡ chữ",
        "    Ý kiến bạn đọc",
        "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
        "Click để đánh giá bài viết",
        "lượt xem: 424 | lượt tải:9",
        "Bạn đã không sử dụng Site, Bấm vào đây để duy trì trạng thái đăng nhập. Thời gian chờ: 60 giây",
        "top",
        "down",
    ],
)
def test_chrome_line_is_dropped(chrome):
    raw = f"Tiêu đề bài viết về công tác Đảng\n{chrome}\nNội dung chính của bài viết."
    assert clean_text(raw) == "Tiêu đề bài viết về công tác Đảng\n\nNội dung chính của bài viết."


def test_dateline_keeps_date_and_time_but_not_counters():
    assert clean_text("Tiêu đề\n\nThứ tư - 25/03/2015 09:21 349 0\nNội dung.") == (
        "Tiêu đề\n\nThứ tư - 25/03/2015 09:21\nNội dung."
    )


def test_trailing_document_listing_is_cut_from_its_first_number():
    body = "\n\n".join(f"Đoạn văn thứ {i} của bài viết." for i in range(6))
    listing = (
        "Số: 17/CT-UBND\n\nChỉ thị về việc bảo vệ rừng\n\nlượt xem: 424 | lượt tải:9\n\n"
        "Số: 1/KH-UBND\n\nKế hoạch\n\nlượt xem: 1 | lượt tải:2"
    )
    assert clean_text(f"{body}\n\nTác giả bài viết: Thúy Vân\n\n{listing}") == f"{body}\n\nTác giả bài viết: Thúy Vân"


def test_trailing_related_news_bullets_are_cut():
    body = "\n\n".join(f"Đoạn văn thứ {i} của bài viết." for i in range(6))
    teaser = "  • Đại hội thi đua yêu nước tỉnh\n\n    Trong 2 ngày Đại hội thi đua..."
    assert clean_text(f"{body}\n{teaser}") == body


def test_identical_consecutive_captions_are_kept_once():
    caption = "Các đại biểu dự Hội nghị tổng kết công tác năm 2024 (ảnh: TP)"
    assert clean_text(f"Mở đầu bài.\n{caption}\n{caption}\nNội dung.") == f"Mở đầu bài.\n{caption}\nNội dung."


def test_truncated_lead_paragraph_is_dropped_in_favour_of_the_full_one():
    full = (
        "Trong năm qua, Đảng bộ huyện đã lãnh đạo, chỉ đạo nâng cao năng lực lãnh đạo.\n"
        "Nhiều tổ chức cơ sở đảng đã giữ vững vai trò."
    )
    teaser = "Trong năm qua, Đảng bộ huyện đã lãnh đạo, chỉ đạo nâng cao năng lực lãnh đạo.Nhiều tổ chức cơ sở..."
    assert clean_text(f"Tiêu đề\n\n{teaser}\n\n{full}") == f"Tiêu đề\n\n{full}"


def test_short_paragraph_that_merely_starts_the_next_one_is_kept():
    text = "Tiêu đề\n\nCác đại biểu dự Hội nghị\n\nCác đại biểu dự Hội nghị đã thảo luận sôi nổi."
    assert clean_text(text) == text


def test_line_wrapped_before_lower_case_is_joined():
    assert clean_text("Tiêu đề\n\nThực hiện Quy định của Bộ Chính trị về phân\ncấp quản lý cán bộ.") == (
        "Tiêu đề\n\nThực hiện Quy định của Bộ Chính trị về phân cấp quản lý cán bộ."
    )


def test_line_wrapped_before_a_capital_is_joined_when_mid_sentence():
    # Rule: an unterminated body line joins a capitalised next line when it is long (a wrapped line, not a
    # heading), ends with a comma, or ends with a word that cannot end a sentence ("của", "số", "trước").
    long_line = "Năm 2021, Tỉnh ủy đã tổ chức thành công Hội thi Báo cáo viên giỏi để sớm đưa Nghị quyết"
    assert clean_text(f"Tiêu đề\n\n{long_line}\nĐại hội XIII vào cuộc sống.") == (
        f"Tiêu đề\n\n{long_line} Đại hội XIII vào cuộc sống."
    )
    assert clean_text("Tiêu đề\n\nThực hiện Quy định số\n377-QĐ/TW ngày 08/10/2025.") == (
        "Tiêu đề\n\nThực hiện Quy định số 377-QĐ/TW ngày 08/10/2025."
    )
    joined = "Tiêu đề\n\nChịu trách nhiệm trước Bộ Chính trị."
    assert clean_text("Tiêu đề\n\nChịu trách nhiệm trước\nBộ Chính trị.") == joined


def test_short_unterminated_line_before_a_capital_stays_a_heading():
    text = "Tiêu đề\n\nCông tác phát triển đảng viên\nNăm 2020, toàn Đảng bộ kết nạp 95 đảng viên."
    assert clean_text(text) == text


def test_title_line_is_never_glued_to_the_lead():
    title = "Thực hiện đồng bộ các nhiệm vụ, giải pháp nâng cao chất lượng hoạt động của tổ chức đảng"
    text = f"29/11/2021\n{title}\nĐó là một trong ba nhóm nhiệm vụ."
    assert clean_text(text) == text


@pytest.mark.parametrize(
    "second",
    ["Điều 5.", "Chương II", "1. Người vào Đảng phải có đơn.", "a) Có đơn.", "- Có đơn tự nguyện.", "## Lịch sử"],
)
def test_structural_lines_are_not_joined(second):
    first = "Đảng viên có nhiệm vụ tuyệt đối trung thành với mục đích lý tưởng cách mạng của Đảng"
    assert clean_text(f"Tiêu đề\n\n{first}\n{second}") == f"Tiêu đề\n\n{first}\n{second}"


def test_heading_lines_do_not_swallow_the_next_line():
    text = "Tiêu đề\n\nChương I\nĐẢNG VIÊN\nĐiều 1.\n1. Đảng viên Đảng Cộng sản Việt Nam là chiến sĩ cách mạng."
    assert clean_text(text) == text


def test_capitalised_header_lines_wrap_into_one():
    assert clean_text("ĐIỀU LỆ\nĐẢNG CỘNG SẢN VIỆT NAM") == "ĐIỀU LỆ ĐẢNG CỘNG SẢN VIỆT NAM"


def test_paragraph_starting_lower_case_continues_across_a_blank_line():
    assert clean_text("Tiêu đề\n\nĐây là dấu mốc đặc biệt trên\n\ncon đường phát triển.") == (
        "Tiêu đề\n\nĐây là dấu mốc đặc biệt trên con đường phát triển."
    )


def test_markdown_table_is_flattened():
    table = "| Chức vụ | Họ tên |\n|---|---|\n| Tổng Bí thư | Tô Lâm |\n|\n| Bộ Chính trị | 16 ủy viên | |"
    assert clean_text(table) == "Chức vụ ; Họ tên\n\nTổng Bí thư ; Tô Lâm\n\nBộ Chính trị ; 16 ủy viên"


def test_lone_pipes_and_separator_rows_disappear():
    assert clean_text("|\n**ĐIỀU LỆ**\n|---|---|\n|\n* |\nNội dung.") == "ĐIỀU LỆ\n\nNội dung."


def test_markdown_emphasis_and_wiki_edit_links_are_removed():
    raw = "## Lịch sử\n\n[sửa | sửa mã nguồn]**Ban Chấp hành** được bầu ngày *30 tháng 1*.[1][2]"
    assert clean_text(raw) == "## Lịch sử\n\nBan Chấp hành được bầu ngày 30 tháng 1."


def test_trailing_wikipedia_reference_sections_are_cut():
    raw = (
        "# Tô Lâm\n\nTiểu sử.\n\n## Sự nghiệp\n\nNội dung.\n\n"
        "## Chú thích\n\n^ Báo.\n\n## Liên kết ngoài\n\n- Nhân vật còn sống"
    )
    assert clean_text(raw) == "# Tô Lâm\n\nTiểu sử.\n\n## Sự nghiệp\n\nNội dung."


def test_notes_naming_an_official_text_are_kept_from_the_reference_sections():
    raw = (
        "# Trường Sĩ quan Lục quân 1\n\nNăm 2010 trường được nâng cấp.[2]\n\n"
        "[sửa | sửa mã nguồn]## Tham khảo\n\n"
        "[sửa | sửa mã nguồn]**^**Nghị quyết của*Hội nghị quân sự Bắc Kỳ*ngày 15 tháng 4 năm 1945"
        "**^**Quyết định số 1972/QĐ-TTg ngày 28/10/2010 của Thủ tướng Chính phủ về việc thành lập Trường Đại học "
        "Trần Quốc Tuấn**a****b**\"Quyết định số 12/2011/QĐ-TTg\". Bản gốc lưu trữ ngày 1 tháng 2 năm 2012."
        "**^*****Theo Quyết định số 78/HĐNN của Hội đồng Nhà nước ngày 16/2/1987*****^**Lịch sử Đoàn 559-Bộ đội "
        "Trường Sơn, Nhà xuất bản Quân đội nhân dân, 1999.\n\n"
        "## Liên kết ngoài\n\n- Nghị định 97/CP trên trang chủ"
    )
    assert clean_text(raw) == (
        "# Trường Sĩ quan Lục quân 1\n\nNăm 2010 trường được nâng cấp.\n\n## Chú thích\n\n"
        "Quyết định số 1972/QĐ-TTg ngày 28/10/2010 của Thủ tướng Chính phủ về việc thành lập Trường Đại học "
        "Trần Quốc Tuấn.\n\nTheo Quyết định số 78/HĐNN của Hội đồng Nhà nước ngày 16/2/1987."
    )


def test_reference_heading_followed_by_content_section_is_kept():
    raw = "# A\n\nMở đầu.\n\n## Xem thêm\n\n- B\n\n## Hình ảnh\n\nẢnh tư liệu."
    assert clean_text(raw) == raw


def test_byline_at_the_end_is_kept():
    text = "Tiêu đề\n\nNội dung bài viết.\n\nHương Dịu"
    assert clean_text(text) == text


def test_empty_and_chrome_only_input_give_empty_text():
    assert clean_text("") == ""
    assert clean_text("|\n\u200b\n---\nEmailPrintAa\n") == ""


def test_document_listing_is_cut_even_when_longer_than_the_article():
    entry = "Số: 17/CT-UBND\n\nChỉ thị về việc bảo vệ rừng\n\nlượt xem: 424 | lượt tải:9"
    assert clean_text("Tiêu đề\n\nNội dung bài viết.\n\n" + "\n\n".join([entry] * 5)) == "Tiêu đề\n\nNội dung bài viết."


def test_view_counter_without_a_listed_number_is_just_dropped():
    assert clean_text("Tiêu đề\n\nlượt xem: 12 | lượt tải: 3\n\nNội dung.") == "Tiêu đề\n\nNội dung."

"""File loaders on real files generated in tmp_path: text, HTML, PDF, DOCX, bad files and folder walking."""

from __future__ import annotations

import random
import unicodedata
import zipfile
from pathlib import Path

import pytest

from index.encodings import encode_legacy
from index.errors import IndexingError, UnreadableFile, UnsupportedFile
from index.loaders import SUPPORTED_SUFFIXES, RawText, iter_files, load_file

SAMPLE = (
    "Đảng bộ thị trấn Nghèn đã kết nạp được 95 đảng viên. Ban Chấp hành Đảng bộ tỉnh khóa XII ban hành "
    "Nghị quyết số 17-NQ/TU về nâng cao chất lượng hoạt động của tổ chức đảng."
)
SECOND = "Công tác kiểm tra, giám sát được tăng cường; các chi bộ hoàn thành tốt nhiệm vụ."
FONT_DIRS = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path.home() / ".fonts"]


@pytest.fixture(scope="module")
def vietnamese_font() -> Path:
    """A TrueType font with Vietnamese glyphs (DejaVu Sans ships with most Linux images)."""
    for folder in FONT_DIRS:
        for name in ("DejaVuSans.ttf", "NotoSans-Regular.ttf", "LiberationSans-Regular.ttf"):
            found = sorted(folder.rglob(name)) if folder.is_dir() else []
            if found:
                return found[0]
    pytest.skip("no TrueType font with Vietnamese glyphs: apt-get install fonts-dejavu-core")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ------------------------------------------------------------------ text and markdown


def test_txt_utf8(tmp_path):
    raw = load_file(write(tmp_path / "a.txt", SAMPLE + "\r\n\r\n" + SECOND + "\r\n"))
    assert raw == RawText(text=SAMPLE + "\n\n" + SECOND + "\n", title=None, encoding="utf-8")


def test_md_nfd_becomes_nfc(tmp_path):
    raw = load_file(write(tmp_path / "charter.MD", unicodedata.normalize("NFD", "# Điều lệ\n\n" + SAMPLE)))
    assert raw.text == "# Điều lệ\n\n" + SAMPLE
    assert raw.encoding == "utf-8"


@pytest.mark.parametrize("encoding", ["tcvn3", "vni", "viscii", "windows-1258"])
def test_txt_in_legacy_encoding(tmp_path, encoding):
    raw = load_file(write(tmp_path / "old.txt", encode_legacy(SAMPLE + "\n" + SECOND, encoding)))
    assert raw.text == SAMPLE + "\n" + SECOND
    assert raw.encoding == encoding


def test_empty_and_binary_text_files_are_unreadable(tmp_path):
    with pytest.raises(UnreadableFile, match="empty.txt: no text"):
        load_file(write(tmp_path / "empty.txt", b" \n\n"))
    with pytest.raises(UnreadableFile, match="binary"):
        load_file(write(tmp_path / "blob.txt", random.Random(3).randbytes(2048)))


# ------------------------------------------------------------------ HTML

ARTICLE = f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="{{charset}}">
<title>Kết nạp 95 đảng viên mới | Báo Hà Tĩnh</title>
<meta property="og:title" content="Kết nạp 95 đảng viên mới">
</head><body>
<header><div class="logo">Báo Hà Tĩnh</div></header>
<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/chinh-tri">Chính trị</a></li>
<li><a href="/xa-hoi">Xã hội</a></li><li><a href="/lien-he">Liên hệ quảng cáo</a></li></ul></nav>
<main><article>
<h1>Kết nạp 95 đảng viên mới</h1>
<p>{SAMPLE}</p>
<p>{SECOND}</p>
</article></main>
<div class="comments"><p>Bình luận của bạn đọc: bài viết rất hay.</p></div>
<footer><p>Bản quyền 2024 Báo Hà Tĩnh. Địa chỉ: 50 Phan Đình Phùng, thành phố Hà Tĩnh.</p></footer>
</body></html>
"""


def test_html_main_text_without_chrome(tmp_path):
    raw = load_file(write(tmp_path / "news.html", ARTICLE.format(charset="utf-8")))
    assert raw.title == "Kết nạp 95 đảng viên mới"
    assert raw.encoding == "utf-8"
    assert SAMPLE + "\n\n" + SECOND in raw.text  # paragraphs separated by a blank line
    for chrome in ("Trang chủ", "Liên hệ quảng cáo", "Phan Đình Phùng", "Bình luận"):
        assert chrome not in raw.text


def test_html_meta_charset_windows_1258(tmp_path):
    data = encode_legacy(ARTICLE.format(charset="windows-1258"), "windows-1258")
    raw = load_file(write(tmp_path / "old.htm", data))
    assert raw.encoding == "windows-1258"
    assert SAMPLE in raw.text and raw.title == "Kết nạp 95 đảng viên mới"


@pytest.mark.parametrize("font", ["vni", "tcvn3"])
def test_html_font_encoded_page_labelled_latin1(tmp_path, font):
    data = encode_legacy(ARTICLE.format(charset="iso-8859-1"), font)  # old sites: .VnTime/VNI fonts, latin-1 label
    raw = load_file(write(tmp_path / "old.html", data))
    assert raw.encoding == f"windows-1252+{font}"
    assert SAMPLE in raw.text and raw.title == "Kết nạp 95 đảng viên mới"


def test_html_without_main_text_is_unreadable(tmp_path):
    with pytest.raises(UnreadableFile, match="no main text found"):
        load_file(write(tmp_path / "blank.html", "<html><head><title>Trống</title></head><body></body></html>"))


# ------------------------------------------------------------------ PDF


def make_pdf(path: Path, font: Path, pages: list[str], *, title: str | None = None, password: str | None = None):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_font("Body", fname=str(font))
    pdf.set_font("Body", size=12)
    if title:
        pdf.set_title(title)
    for text in pages:
        pdf.add_page()
        pdf.multi_cell(0, 8, text)
    if password:
        pdf.set_encryption(owner_password="owner-" + password, user_password=password)
    pdf.output(str(path))
    return path


def test_pdf_text_and_title(tmp_path, vietnamese_font):
    path = make_pdf(tmp_path / "nq.pdf", vietnamese_font, [SAMPLE, SECOND], title="Nghị quyết số 17-NQ/TU")
    raw = load_file(path)
    assert raw.title == "Nghị quyết số 17-NQ/TU"
    assert raw.encoding is None
    assert unicodedata.is_normalized("NFC", raw.text)
    assert " ".join(raw.text.split()) == SAMPLE + " " + SECOND
    assert raw.text.endswith("\n\n" + SECOND)  # pages are separated by a blank line


def test_pdf_typed_in_vni_font_is_converted(tmp_path, vietnamese_font):
    vni = encode_legacy(SAMPLE, "vni").decode("cp1252")  # what a PDF made from a VNI-Times document extracts to
    raw = load_file(make_pdf(tmp_path / "vni.pdf", vietnamese_font, [vni]))
    assert raw.encoding == "vni"
    assert " ".join(raw.text.split()) == SAMPLE


def test_pdf_without_text_layer_is_unreadable(tmp_path):
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 160)  # what a scan looks like to a text extractor: no glyphs at all
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(UnreadableFile, match="no text layer: scanned PDF\\? OCR it first"):
        load_file(tmp_path / "scan.pdf")


def test_password_protected_pdf_is_unreadable(tmp_path, vietnamese_font):
    path = make_pdf(tmp_path / "secret.pdf", vietnamese_font, [SAMPLE], password="mat-khau")
    with pytest.raises(UnreadableFile, match="password"):
        load_file(path)


@pytest.mark.parametrize("cut", [0.3, 0.6])
def test_truncated_and_garbage_pdfs_are_unreadable(tmp_path, vietnamese_font, cut):
    whole = make_pdf(tmp_path / "whole.pdf", vietnamese_font, [SAMPLE]).read_bytes()
    with pytest.raises(UnreadableFile, match="broken.pdf"):
        load_file(write(tmp_path / "broken.pdf", whole[: int(len(whole) * cut)]))
    with pytest.raises(UnreadableFile):
        load_file(write(tmp_path / "junk.pdf", b"%PDF-1.7\n" + random.Random(5).randbytes(3000)))


# ------------------------------------------------------------------ DOCX


def make_docx(path: Path, *, title: str, paragraphs: list[str], table: list[list[str]]) -> Path:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.add_heading(paragraphs[0], level=1)
    document.add_paragraph("")  # empty paragraphs vanish
    document.add_paragraph(paragraphs[1])
    grid = document.add_table(rows=len(table), cols=len(table[0]))
    for r, row in enumerate(table):
        for c, value in enumerate(row):
            grid.cell(r, c).text = value
    for text in paragraphs[2:]:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_docx_paragraphs_table_and_title(tmp_path):
    path = make_docx(
        tmp_path / "bao-cao.docx",
        title="Báo cáo công tác đảng",
        paragraphs=["BÁO CÁO", SAMPLE, SECOND],
        table=[["Đơn vị", "Số đảng viên", "Ghi chú"], ["Thị trấn Nghèn", "95", ""]],
    )
    raw = load_file(path)
    assert raw.title == "Báo cáo công tác đảng"
    assert raw.encoding is None
    table = "Đơn vị | Số đảng viên | Ghi chú\nThị trấn Nghèn | 95"  # a row's trailing empty cells are dropped
    assert raw.text == "\n\n".join(["BÁO CÁO", SAMPLE, table, SECOND])


def test_docx_merged_cells_appear_once(tmp_path):
    import docx

    document = docx.Document()
    grid = document.add_table(rows=2, cols=3)
    grid.cell(0, 0).merge(grid.cell(0, 2)).text = "Danh sách chi bộ"
    grid.cell(1, 0).text, grid.cell(1, 1).text, grid.cell(1, 2).text = "Chi bộ 1", "12", "trong sạch"
    document.save(str(tmp_path / "merged.docx"))
    assert load_file(tmp_path / "merged.docx").text == "Danh sách chi bộ\nChi bộ 1 | 12 | trong sạch"


def test_docx_typed_in_vni_font_is_converted(tmp_path):
    vni = encode_legacy(SAMPLE, "vni").decode("cp1252")  # what Word stores for text in a VNI-Times font
    path = make_docx(tmp_path / "vni.docx", title="Nghò quyeát", paragraphs=["Nghò quyeát", vni, vni], table=[["a"]])
    raw = load_file(path)
    assert raw.encoding == "vni"
    assert raw.title == "Nghị quyết"
    assert raw.text.startswith("Nghị quyết\n\n" + SAMPLE)


def test_docx_mixing_unicode_and_vni_fonts(tmp_path):
    vni = encode_legacy(SAMPLE, "vni").decode("cp1252")
    path = make_docx(tmp_path / "mixed.docx", title="Báo cáo", paragraphs=["Báo cáo", vni, vni], table=[["a"]])
    raw = load_file(path)
    assert raw.encoding == "vni"
    assert raw.title == "Báo cáo"  # read as VNI it would become "Bấo cấo"
    assert raw.text.startswith("Báo cáo\n\n" + SAMPLE)  # each paragraph converted only if it gains


def test_corrupt_docx_is_unreadable(tmp_path):
    with pytest.raises(UnreadableFile, match="junk.docx: corrupt or unreadable DOCX"):
        load_file(write(tmp_path / "junk.docx", random.Random(9).randbytes(2048)))
    with zipfile.ZipFile(tmp_path / "empty-zip.docx", "w") as archive:
        archive.writestr("hello.txt", "not a word document")
    with pytest.raises(UnreadableFile, match="corrupt or unreadable DOCX"):
        load_file(tmp_path / "empty-zip.docx")


# ------------------------------------------------------------------ dispatch and errors


def test_unsupported_suffix(tmp_path):
    with pytest.raises(UnsupportedFile, match="unsupported file type .doc"):
        load_file(write(tmp_path / "old.doc", b"\xd0\xcf\x11\xe0"))
    with pytest.raises(UnsupportedFile, match=r"\(none\)"):
        load_file(write(tmp_path / "README", "text"))


def test_missing_file_is_unreadable(tmp_path):
    with pytest.raises(UnreadableFile, match="cannot read"):
        load_file(tmp_path / "missing.txt")


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_garbage_never_escapes_as_another_exception(tmp_path, suffix):
    for seed in range(3):
        path = write(tmp_path / f"garbage{seed}{suffix}", random.Random(seed).randbytes(1500 * (seed + 1)))
        try:
            load_file(path)
        except IndexingError:
            pass


# ------------------------------------------------------------------ iter_files


def test_iter_files_sorted_recursive_and_skips_hidden(tmp_path):
    root = tmp_path / "docs"
    for name in ["b.txt", "a.md", "sub/z.pdf", "sub/deeper/c.docx", "sub/a.html", ".hidden.txt", ".git/config.txt",
                 "sub/.cache/x.txt", "~$lock.docx", "notes.xyz"]:  # fmt: skip
        write(root / name, "x")
    found = [p.relative_to(root).as_posix() for p in iter_files([root])]
    assert found == ["a.md", "b.txt", "notes.xyz", "sub/a.html", "sub/deeper/c.docx", "sub/z.pdf"]


def test_iter_files_keeps_explicit_files_once_and_in_order(tmp_path):
    root = tmp_path / "docs"
    write(root / "a.txt", "x")
    write(root / "b.txt", "x")
    hidden = write(tmp_path / ".explicit.txt", "x")
    missing = tmp_path / "missing.txt"
    found = list(iter_files([hidden, root, root / "a.txt", missing]))
    assert found == [hidden, root / "a.txt", root / "b.txt", missing]

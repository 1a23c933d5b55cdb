"""Putting back the capitals of a question typed all in lower case, from how the corpus writes its words."""

from index.diacritics import restore_capitals
from index.lexical import LexicalIndex

# (capitalised, seen) in running text, as LexicalIndex.capitalised reports them
SEEN = {
    ("lê",): (99, 100), ("hồng",): (60, 100), ("phong",): (20, 100), ("nghèn",): (12, 12), ("đảng",): (70, 100),
    ("lê", "hồng"): (50, 90), ("hồng", "phong"): (40, 41), ("thị", "trấn"): (0, 30), ("trấn", "nghèn"): (0, 12),
    ("hiếm",): (2, 2), ("nam", "thời"): (7, 10), ("và",): (0, 500),
}


def capitalised(words):
    return SEEN.get(words, (0, 0))


def test_a_lower_case_question_gets_the_capitals_of_its_names():
    assert restore_capitals("lê hồng phong kết hôn năm nào", capitalised) == "Lê Hồng Phong kết hôn năm nào"
    # a word written capitalised nearly always is a name alone; "Đảng" (70 %) is not taken for one
    assert restore_capitals("đảng bộ thị trấn nghèn", capitalised) == "đảng bộ thị trấn Nghèn"


def test_thin_or_mixed_evidence_and_typed_capitals_are_left_alone():
    assert restore_capitals("chuyện hiếm", capitalised) == "chuyện hiếm"  # seen twice: too few to say
    assert restore_capitals("miền nam thời đó", capitalised) == "miền nam thời đó"  # a pair capitalised 70 %
    # a writer who typed one capital after the first word typed the ones they wanted
    assert restore_capitals("ông lê Hồng phong", capitalised) == "ông lê Hồng phong"
    # a capital on the first word and abbreviations say nothing; a pair is not read across a comma
    assert restore_capitals("Ông lê hồng phong, UBND", capitalised) == "Ông Lê Hồng Phong, UBND"
    assert restore_capitals("hồng, phong", capitalised) == "hồng, phong"


WRITTEN = {"ubnd": "UBND", "ttg": "TTg", "tw": "TW", "dt&tg": "DT&TG", "tu": "TU", "kl": "KL"}


def test_abbreviations_document_numbers_and_roman_numerals_are_written_as_such():
    assert (restore_capitals("chủ tịch ubnd tỉnh và ttg", capitalised, WRITTEN)
            == "chủ tịch UBND tỉnh và TTg")
    # "đt&tg" is how the restorer may spell "dt&tg"; "tù" is a word, not "TU"
    assert restore_capitals("bộ đt&tg, án tù", capitalised, WRITTEN) == "bộ DT&TG, án tù"
    assert restore_capitals("các xúc tu nhỏ", capitalised, WRITTEN) == "các xúc tu nhỏ"  # "tu" can be a syllable
    assert restore_capitals("kl 16-kl/tw và 05-nq/tw", capitalised, WRITTEN) == "KL 16-KL/TW và 05-NQ/TW"
    assert (restore_capitals("đại hội iv, khóa v, vi và lần thứ i", capitalised, WRITTEN)
            == "đại hội IV, khóa V, VI và lần thứ I")
    assert restore_capitals("đảng vi phạm", capitalised, WRITTEN) == "đảng vi phạm"  # "vi" after no ordinal head


def test_a_unit_with_its_number_glued_on_is_written_as_such():
    written = {"qk": "QK", "btl": "BTL"}
    assert restore_capitals("trụ sở btl qk2 ở đâu", capitalised, written) == "trụ sở BTL QK2 ở đâu"
    assert restore_capitals("mã h5 và qk", capitalised, written) == "mã h5 và QK"  # "h" is no known abbreviation


def test_the_words_after_a_district_or_province_name_the_place_unless_the_corpus_writes_them_in_lower_case():
    seen = {("tổ",): (1, 90), ("nào",): (0, 300), ("chức",): (0, 80)}
    counts = lambda words: seen.get(words, (0, 0))  # noqa: E731
    # "Dakrong" the corpus never writes; "tổ chức" it writes in lower case
    assert restore_capitals("huyện ủy dakrong tổ chức hội nghị", counts) == "huyện ủy Dakrong tổ chức hội nghị"
    assert restore_capitals("bí thư huyện ủy sin hồ là ai", counts) == "bí thư huyện ủy Sin Hồ là ai"
    assert restore_capitals("tỉnh nào có nhiều đảng viên nhất", counts) == "tỉnh nào có nhiều đảng viên nhất"


def record(n: int, passage: str) -> dict:
    return {"chunk_id": f"c{n}", "doc_id": f"d{n}", "passage": passage, "start": 0, "end": len(passage),
            "source": f"s{n}.txt", "title": "", "heading": ""}


def test_the_index_counts_capitals_in_running_text_only():
    passages = [
        "Đồng chí Lê Hồng Phong sinh năm 1902. Hồng Phong là bí danh của ông.",
        "# Hồng Phong\nCuộc Đời Và Sự Nghiệp Hồng Phong\nxã hồng phong của huyện",
        "Ông đã đến Nghèn, rồi về thị trấn Nghèn, ngày 5 tháng 3.",
    ]
    index = LexicalIndex.build([record(n, text) for n, text in enumerate(passages)])
    # the sentence-initial one, the heading and the title line are not counted; "xã hồng phong" is, lower case
    assert index.capitalised(("hồng", "phong")) == (1, 2)
    assert index.capitalised(("nghèn",)) == (2, 2)
    assert index.capitalised(("không", "có")) == (0, 0)
    assert index.restore("dong chi le hong phong sinh nam nao") == "đồng chí lê hồng phong sinh năm nào"  # too few
    more = [f"Năm {1930 + n}, đồng chí Lê Hồng Phong về nước lần thứ {n}." for n in range(3)]
    index = LexicalIndex.build([record(n, text) for n, text in enumerate(passages + more)])
    assert index.restore("dong chi le hong phong sinh nam nao") == "đồng chí Lê Hồng Phong sinh năm nào"
    assert index.restore("Dong chi Le Hong Phong") == "Đồng chí Lê Hồng Phong"  # typed capitals stay as typed

"""Putting back the diacritics of a plain-typed question from passage counts of syllables and syllable pairs."""

from index.diacritics import Restorer

# (term, passages holding it), as the lexical index keeps them: syllables, pairs joined by "_", folded "~" terms.
COUNTS = [
    ("đảng", 900), ("đang", 300), ("đặng", 50), ("viên", 400), ("viện", 80), ("dự", 200), ("dữ", 30), ("bị", 150),
    ("bí", 120), ("thư", 300), ("thủ", 90), ("tướng", 80), ("tương", 40), ("máy", 60), ("mấy", 2), ("bay", 40),
    ("số", 5000), ("là", 800), ("ái", 70), ("ai", 5), ("quốc", 600), ("nguyễn", 400), ("năm", 700), ("nam", 300),
    ("2025", 90), ("ubnd", 40),
    ("đảng_viên", 350), ("đang_viên", 1), ("dự_bị", 120), ("bí_thư", 250), ("bị_thu", 10), ("thủ_tướng", 70),
    ("máy_bay", 35), ("số_máy", 7), ("nguyễn_ái", 60), ("ái_quốc", 65), ("năm_2025", 80), ("nam_2025", 1),
    ("~dang", 1200), ("~dang_vien", 351), ("#17-nq/tu", 3),
]


def restorer() -> Restorer:
    return Restorer.from_counts(COUNTS)


def test_a_plain_question_gets_the_reading_its_pairs_make_likely():
    assert restorer().restore("dang vien du bi") == "đảng viên dự bị"
    assert restorer().restore("bi thu, thu tuong") == "bí thư, thủ tướng"


def test_case_punctuation_numbers_and_unknown_words_are_kept():
    r = restorer()
    assert r.restore("Dang vien du bi (nam 2025)?") == "Đảng viên dự bị (năm 2025)?"  # "năm 2025" is a counted pair
    assert r.restore("UBND xyz dang") == "UBND xyz đảng"  # an all-capital word is an abbreviation or a numeral


def test_a_question_word_wins_where_the_corpus_knows_no_pair_and_loses_to_one_it_counts_often():
    """Prose seldom asks: "số mấy" and "là ai" are rarer in the corpus than "số máy" and "là ái"."""
    r = restorer()
    assert r.restore("so may") == "số mấy"
    assert r.restore("may bay") == "máy bay"
    assert r.restore("la ai") == "là ai"
    assert r.restore("Nguyen Ai Quoc") == "Nguyễn Ái Quốc"


def test_text_with_any_diacritic_is_left_as_it_is():
    assert restorer().restore("dang viên du bi") == "dang viên du bi"


def test_an_abbreviation_meets_its_neighbours_with_the_syllables_of_its_expansion():
    """The corpus knows no pair "nguyên uv", so without the expansion the more frequent surname wins."""
    counts = [("nguyễn", 400), ("nguyên", 150), ("ủy", 300), ("viên", 400), ("nguyên_ủy", 40), ("ủy_viên", 250),
              ("viên_dự", 30), ("dự", 200), ("dữ", 300)]
    plain = Restorer.from_counts(counts)
    spelt = Restorer.from_counts(counts, abbreviations={"UV": "ủy viên"})
    assert plain.restore("nguyen UV") == "nguyễn UV"
    assert spelt.restore("nguyen UV") == "nguyên UV"
    assert (plain.restore("UV du"), spelt.restore("UV du")) == ("UV dữ", "UV dự")  # its last syllable meets the next
    assert spelt.restore("nguyen XYZ") == "nguyễn XYZ"  # an abbreviation it cannot spell out changes nothing


# Which passages hold each pair: "bộ máy" follows "sắp xếp" in every passage that has both; "mấy năm" is the
# commoner pair on its own, so a model that reads two words at a time takes "bộ mấy năm".
HOLDING = {
    ("sắp", "xếp"): range(0, 40), ("xếp", "bộ"): range(0, 30), ("bộ", "máy"): range(0, 50),
    ("bộ", "mấy"): range(100, 105), ("mấy", "năm"): range(200, 290), ("máy", "năm"): range(0, 1),
}
TRIPLE_COUNTS = [("sắp", 100), ("xếp", 100), ("bộ", 500), ("máy", 60), ("mấy", 100), ("năm", 700)] + [
    (f"{a}_{b}", len(held)) for (a, b), held in HOLDING.items()
]


def together(*pairs):
    return len(set.intersection(*(set(HOLDING.get(pair, ())) for pair in pairs)))


def test_three_words_at_a_time_keep_a_pair_its_left_neighbour_makes_likely():
    pairs_only = Restorer.from_counts(TRIPLE_COUNTS)
    triples = Restorer.from_counts(TRIPLE_COUNTS, together=together)
    assert pairs_only.restore("sap xep bo may nam") == "sắp xếp bộ mấy năm"
    assert triples.restore("sap xep bo may nam") == "sắp xếp bộ máy năm"
    # two words, or a triple the passages never hold together, read as before
    assert triples.restore("bo may nam") == pairs_only.restore("bo may nam") == "bộ mấy năm"
    assert triples.restore("sap xep, bo may") == "sắp xếp, bộ máy"


def test_a_document_number_typed_in_lower_case_keeps_its_letters():
    counts = COUNTS + [("tư", 300), ("của", 900), ("tư_của", 50), ("của_đảng", 400)]
    assert Restorer.from_counts(counts).restore("nghi quyet 17-nq/tu cua dang").endswith("17-nq/tu của đảng")


def test_the_lexical_index_counts_the_passages_that_hold_every_pair():
    from index.lexical import LexicalIndex
    from tests.index.test_capitals import record

    passages = ["Sắp xếp bộ máy tinh gọn.", "Bộ máy nhà nước; sắp xếp lại.", "Mấy năm nay bộ máy vận hành."]
    index = LexicalIndex.build([record(n, text) for n, text in enumerate(passages)])
    assert index.together(("sắp", "xếp"), ("bộ", "máy")) == 2
    assert index.together(("xếp", "bộ"), ("bộ", "máy")) == 1
    assert index.together(("bộ", "máy")) == 3
    assert index.together(("xếp", "bộ"), ("mấy", "năm")) == index.together(("không", "có")) == 0
    assert index.restore("sap xep bo may") == "sắp xếp bộ máy"


def test_a_clause_ends_with_do_read_as_that_one_not_as_by():
    counts = [("do", 900), ("đó", 300), ("đỗ", 100), ("hội", 500), ("nghị", 500), ("hội_nghị", 400),
              ("nghị_do", 20), ("ai", 50), ("do_ai", 10), ("ký", 80)]
    r = Restorer.from_counts(counts)
    assert r.restore("hoi nghi do?") == "hội nghị đó?"
    assert r.restore("Hoi nghi do, ai ky") == "Hội nghị đó, ai ký"
    assert r.restore("do ai ky") == "do ai ký"  # "do" before what it introduces stays "do"


def test_a_question_rarely_opens_with_the_second_half_of_a_compound():
    """fresh16: "chong cua nguyen Pho Chu tich nuoc …" read "chóng của", as "nhanh chóng của" is a commoner pair than
    "chồng của"; but "chóng" follows "nhanh" in 342 of its 362 passages, so it seldom opens a question. Inside the
    question the pair decides as before."""
    counts = [("chóng", 362), ("chồng", 121), ("nhanh", 900), ("vợ", 300), ("của", 5000), ("nhanh_chóng", 342),
              ("vợ_chồng", 28), ("chóng_của", 40), ("chồng_của", 12)]
    r = Restorer.from_counts(counts)
    assert r.restore("chong cua") == "chồng của"
    assert r.restore("nhanh chong cua") == "nhanh chóng của"
    assert r.restore("vo chong cua") == "vợ chồng của"
    assert r.restore("cua, chong cua") == "của, chóng của"  # only the question's first word: a comma opens no question

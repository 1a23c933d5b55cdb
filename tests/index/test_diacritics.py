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

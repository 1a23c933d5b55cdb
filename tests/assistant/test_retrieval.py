"""Hybrid fusion over fixed rankings: weights, and passages of the document a query names by number first."""

from assistant.retrieval import HybridRetriever
from index.models import Hit


def hit(n: int, text: str, title: str = "Tin hoạt động") -> Hit:
    return Hit(chunk_id=f"c{n}", doc_id=f"d{n}", text=text, score=0.0, title=title, source=f"s{n}.md")


def passage(n: int, text: str, doc: str) -> Hit:
    """A passage of the document `doc`, titled with its name (a biography's page, a congress's page)."""
    return Hit(chunk_id=f"c{n}", doc_id=doc, text=text, score=0.0, title=doc)


def titled(n: int, title: str) -> Hit:
    """A passage of the page `title`, whose text does not matter."""
    return passage(n, f"Đoạn {n}.", title)


class Rankings:
    """Stands in for an IndexStore: the same fixed BM25 and dense rankings for every query."""

    def __init__(self, lexical: list[Hit], dense: list[Hit]) -> None:
        self._lexical, self._dense = lexical, dense

    def lexical(self):
        return self

    def search(self, query, *, k, filters=None):
        self.searched = query
        self.queries = [*getattr(self, "queries", []), query]
        return self._lexical[:k]

    def restore(self, text):
        # a stand-in for the index's word counts: diacritics on a plain text, an abbreviation in a lower-case one
        return text.replace("dang vien", "đảng viên").replace("ubnd", "UBND")

    def dense_search(self, query, *, k, filters=None):
        return self._dense[:k]

    def idf(self, terms):
        return {t: 0.0 for t in terms}  # every word common: no title earns the named-title bonus


KL126 = hit(1, "Giao Đảng ủy Công an Trung ương chủ trì xây dựng đề án.", title="Kết luận 126-KL/TW của Bộ Chính trị")
CITES = hit(2, "Thực hiện Kết luận 126-KL/TW, tỉnh đã ban hành kế hoạch.")
OTHER = hit(3, "Đảng ủy Công an Trung ương họp phiên thường kỳ.")


def test_the_named_documents_own_passages_come_first_even_without_the_number_in_their_text():
    retriever = HybridRetriever(Rankings([KL126, OTHER, CITES], [KL126, OTHER, CITES]))
    ranked = retriever.retrieve("Kết luận 126-KL/TW giao Đảng ủy Công an Trung ương làm gì?", k=3)
    assert [h.chunk_id for h in ranked] == ["c1", "c2", "c3"]  # the title names it; c2 cites it; c3 neither


def test_a_document_naming_the_number_in_any_pooled_passage_counts_as_naming_it_in_every_passage():
    """An official text's title often lacks its number and its articles never repeat it; a page about a decree names
    it in its first lines, not beside the answer. When one pooled passage of a document names the number (the
    header "Số hiệu: 55/2025/NQ-HĐND", a first line), all of that document's pooled passages rank with the ones
    naming it, in fused order."""
    header = Hit(chunk_id="h", doc_id="nq55", text="Số hiệu:\n\n55/2025/NQ-HĐND\n\nLoại văn bản: Nghị quyết", score=0.0,
                 title="NGHỊ QUYẾT QUY ĐỊNH MỘT SỐ NỘI DUNG CHI")
    article = Hit(chunk_id="a", doc_id="nq55", text="Điều 4. Nghị quyết này có hiệu lực thi hành từ ngày 01/01/2026.",
                  score=0.0, title=header.title)
    cites = hit(2, "Thực hiện Nghị quyết 55/2025/NQ-HĐND, thành phố đã chi hỗ trợ.")
    # The fused order of h and c2 depends on the fusion weights, so they are fixed here (h just above c2).
    lexical, dense = [article, OTHER, cites, header], [article, header, OTHER, cites]
    retriever = HybridRetriever(Rankings(lexical, dense), rrf_k=60, dense_weight=0.5)
    ranked = retriever.retrieve("Nghị quyết 55/2025/NQ-HĐND có hiệu lực từ ngày nào?", k=4)
    assert [h.chunk_id for h in ranked] == ["a", "h", "c2", "c3"]  # c3 fuses above c2 but names nothing
    # the same for a page that cites it: its other passages come with it; a document that never names it does not
    sibling = Hit(chunk_id="s", doc_id="d2", text="Tỉnh cũng tổ chức hội nghị.", score=0.0)
    retriever = HybridRetriever(Rankings([OTHER, sibling, cites], [OTHER, sibling, cites]))
    ranked = retriever.retrieve("Nghị quyết 55/2025/NQ-HĐND có hiệu lực từ ngày nào?", k=3)
    assert [h.chunk_id for h in ranked] == ["s", "c2", "c3"]


def test_a_passage_that_repeats_a_higher_ones_text_is_left_out_and_the_next_one_takes_its_place():
    """Some pages are in the corpus twice: two copies of one passage took two of the five read places and gave the
    same citation twice. The copy ranked lower goes (spacing aside); k distinct passages are still returned."""
    copy = Hit(chunk_id="x", doc_id="twin", text="Giao  Đảng ủy Công an Trung ương\nchủ trì xây dựng đề án.", score=0.0,
               title=KL126.title)
    retriever = HybridRetriever(Rankings([KL126, copy, OTHER, CITES], [KL126, copy, OTHER, CITES]))
    ranked = retriever.retrieve("Đảng ủy Công an Trung ương chủ trì xây dựng đề án", k=3)
    assert [h.chunk_id for h in ranked] == ["c1", "c3", "c2"]


def test_without_a_document_number_fusion_alone_orders_and_dense_counts_less_for_plain_queries():
    lexical, dense = [OTHER, CITES, KL126], [CITES, KL126, OTHER]
    accented = HybridRetriever(Rankings(lexical, dense), dense_weight=1.0, dense_weight_plain=0.0)
    assert [h.chunk_id for h in accented.retrieve("Đảng ủy Công an Trung ương", k=3)] == ["c2", "c3", "c1"]
    plain = accented.retrieve("dang uy cong an trung uong", k=3)
    assert [h.chunk_id for h in plain] == ["c3", "c2", "c1"]  # dense weight 0: BM25's order
    assert plain[0].score > plain[1].score > plain[2].score


def test_a_query_without_diacritics_is_ranked_by_bm25_alone_by_default():
    class Counting(Rankings):
        dense_calls = 0

        def dense_search(self, query, *, k, filters=None):
            Counting.dense_calls += 1
            return super().dense_search(query, k=k, filters=filters)

    store = Counting([OTHER, CITES], [KL126, CITES])
    plain = HybridRetriever(store).retrieve("dang uy cong an trung uong hop", k=3)
    assert [h.chunk_id for h in plain] == ["c3", "c2"] and Counting.dense_calls == 0
    accented = HybridRetriever(store).retrieve("Đảng ủy Công an Trung ương họp", k=3)
    assert "c1" in [h.chunk_id for h in accented] and Counting.dense_calls == 1


class ByQuery(Rankings):
    """BM25 rankings that depend on the query: `focused` for the question without its appositions."""

    def __init__(self, whole: list[Hit], focused: list[Hit], dense: list[Hit]) -> None:
        super().__init__(whole, dense)
        self._focused = focused
        self.queries: list[str] = []

    def search(self, query, *, k, filters=None):
        self.queries.append(query)
        return (self._focused if query == "Ông Phạm Văn Xô tên thật là gì?" else self._lexical)[:k]


def test_a_question_is_also_searched_without_its_appositions():
    """The apposition's words (the 1935 congress) fill BM25's top with pages about the congress; the question
    without them finds the person's page, and the fusion lifts it."""
    congress = [hit(n, f"Đại hội lần thứ nhất của Đảng Cộng sản Đông Dương họp ở Ma Cao năm 1935 ({n}).")
                for n in range(6)]
    person = hit(9, "Ông tên thật Trần Văn Đạt, sinh năm 1910.", title="Phạm Văn Xô")
    others = [hit(n, f"Tiểu sử đồng chí số {n}.") for n in range(20, 26)]
    store = ByQuery(congress + [person], [person] + others, others)
    question = ("Ông Phạm Văn Xô, một trong những người dự Đại hội lần thứ nhất của Đảng Cộng sản Đông Dương ở Ma "
                "Cao năm 1935, tên thật là gì?")
    ranked = HybridRetriever(store).retrieve(question, k=5)
    assert "c9" in [h.chunk_id for h in ranked]
    assert "c9" not in [h.chunk_id for h in HybridRetriever(store, focus_weight=0).retrieve(question, k=5)]
    store.queries.clear()
    HybridRetriever(store).retrieve("Ông Phạm Văn Xô tên thật là gì?", k=5)
    assert len(store.queries) == 1  # nothing to take away: one search


def test_a_passage_bm25_scores_far_above_the_rest_keeps_its_lead_in_the_fusion():
    """Rank fusion sees only places: BM25's first passage (score 97 against 68) would fall behind passages both
    rankers put second and third. Leading by a fifth of its score or more, it stays first; a narrow lead does not."""
    def scored(n: int, score: float) -> Hit:
        return Hit(chunk_id=f"c{n}", doc_id=f"d{n}", text=f"Đoạn {n}.", score=score, title="Lê Xuân Tùng")

    def first(lexical: list[Hit], **options) -> str:
        dense = [scored(2, 0.9), scored(3, 0.9), scored(4, 0.9), scored(5, 0.9)]
        retriever = HybridRetriever(Rankings(lexical, dense), **options)
        return retriever.retrieve("Bách khoa thư gồm mấy tập?", k=3)[0].chunk_id

    far = [scored(1, 97.0), scored(2, 68.0), scored(3, 64.0), scored(4, 60.0)]
    near = [scored(1, 70.0), scored(2, 68.0), scored(3, 64.0), scored(4, 60.0)]
    assert first(far) == "c1"
    assert first(near) == "c2" and first(far, lead_bonus=0) == "c2"


def test_the_search_without_appositions_keeps_its_lead_too():
    """"Ông Phạm Văn Xô tên thật là gì?" finds his "Ông tên thật là …" passage far ahead of his page's others; that
    lead lifts it first although the whole question's search ranks it only sixth."""
    def scored(n: int, score: float, title: str = "Đại hội Ma Cao") -> Hit:
        return Hit(chunk_id=f"c{n}", doc_id=f"d{n}", text=f"Đoạn {n}.", score=score, title=title)

    congress = [scored(n, 60.0 - n) for n in range(5)]
    person = [scored(9, 43.0, "Phạm Văn Xô"), scored(10, 33.0, "Phạm Văn Xô"), scored(11, 32.0, "Phạm Văn Xô")]
    store = ByQuery(congress + person, person, congress)
    question = ("Ông Phạm Văn Xô, một trong những người dự Đại hội lần thứ nhất của Đảng Cộng sản Đông Dương ở Ma "
                "Cao năm 1935, tên thật là gì?")
    assert HybridRetriever(store).retrieve(question, k=5)[0].chunk_id == "c9"
    assert HybridRetriever(store, lead_bonus=0).retrieve(question, k=5)[0].chunk_id == "c0"


def test_a_plain_query_is_searched_with_its_diacritics_put_back_and_still_without_the_dense_search():
    store = Rankings([OTHER, CITES], [KL126, CITES])
    HybridRetriever(store).retrieve("dang vien du bi", k=3)
    assert store.searched == "đảng viên du bi"  # what the index's counts restore; the dense side is not asked
    HybridRetriever(store, restore=False).retrieve("dang vien du bi", k=3)
    assert store.searched == "dang vien du bi"
    HybridRetriever(store).retrieve("Đảng viên dự bị", k=3)
    assert store.searched == "Đảng viên dự bị"
    # a query typed in lower case has its abbreviations written as such, so BM25 spells them out
    HybridRetriever(store).retrieve("chủ tịch ubnd tỉnh", k=3)
    assert store.searched == "chủ tịch UBND tỉnh"


def test_a_when_joined_the_party_question_is_searched_with_the_other_ways_of_telling_it():
    """fresh13/fresh14: "… được kết nạp vào Đảng ngày nào?" is told "Ông gia nhập Đảng … vào ngày 05/7/1993", "… vào
    Đảng khi nào?" as "… là Đảng viên …, kết nạp vào tháng 3 năm 1988"."""
    store = Rankings([OTHER, CITES], [KL126, CITES])
    HybridRetriever(store).retrieve("Ông Hồ Đức Phớc vào Đảng ngày nào?", k=3)
    assert "gia nhập Đảng" in store.queries[0] and "kết nạp" in store.queries[0]
    store.queries = []
    HybridRetriever(store).retrieve("Ông Hồ Đức Phớc sinh ngày nào?", k=3)
    assert all("kết nạp" not in q for q in store.queries)
    HybridRetriever(store).retrieve("Đảng bộ đã kết nạp bao nhiêu đảng viên?", k=3)  # not a date of joining
    assert all("gia nhập" not in q for q in store.queries)


def test_the_passage_telling_the_asked_life_event_rises_within_the_leading_documents():
    """fresh14: "Ngày vào Đảng: …" in Phạm Thị Thanh Trà's "Gia thế" ranked 9th behind her page's passages on her
    posts. A passage of one of the first three fused passages' documents that tells of the event asked about rises;
    one of another person's page, ranked lower, does not; nor does anything for a question that asks no event."""
    posts = [passage(n, f"Năm {2000 + n}, bà được bầu làm Phó Thủ tướng.", "tra") for n in range(6)]
    joined = passage(6, "Quê quán: Nghệ An. Ngày vào Đảng: 12/5/1987.", "tra")
    other = passage(7, "Ông được kết nạp vào Đảng năm 1960.", "khac")
    filler = [passage(n, f"Phó Thủ tướng nhiệm kỳ {n}.", f"d{n}") for n in range(8, 14)]
    lexical = posts + filler[:3] + [joined] + filler[3:] + [other]
    store = Rankings(lexical, lexical)

    def order(question: str, **options) -> list[str]:
        return [h.chunk_id for h in HybridRetriever(store, **options).retrieve(question, k=16)]

    ranked = order("Phó Thủ tướng Phạm Thị Thanh Trà được kết nạp vào Đảng ngày nào?")
    assert ranked.index("c6") < 5 and ranked.index("c7") > 10
    assert order("Phó Thủ tướng Phạm Thị Thanh Trà được kết nạp vào Đảng ngày nào?", event_bonus=0).index("c6") > 5
    assert order("Phó Thủ tướng Phạm Thị Thanh Trà quê ở đâu?").index("c6") > 5
    # a follow-up's query carries the earlier question after its own: what it asks is in its own
    assert order("Hội nghị đó họp ngày nào? Bà Trà đã kết nạp bao nhiêu đảng viên?").index("c6") > 5


def test_the_passage_giving_a_span_of_days_rises_within_the_leading_documents_for_a_span_question():
    """dev p-dh13-dates: "Đại hội XIII của Đảng họp từ ngày nào đến ngày nào?" is answered by the page's opening, "…
    diễn ra từ ngày 25/1 đến ngày 1/2/2021 …", which came 7th behind the page's passages on single days."""
    days = [passage(n, f"Sáng ngày {20 + n} tháng 1 năm 2021, Đại hội thảo luận văn kiện.", "dh13") for n in range(6)]
    span = passage(6, "Đại hội diễn ra từ ngày 25/1 đến ngày 1/2/2021 tại Trung tâm Hội nghị Quốc gia.", "dh13")
    other = passage(7, "Hội nghị họp từ ngày 5/10 đến ngày 10/10/2020.", "khac")
    filler = [passage(n, f"Đại hội khóa {n}.", f"d{n}") for n in range(8, 12)]
    lexical = days + [span] + filler + [other]
    store = Rankings(lexical, lexical)

    def order(question: str, **options) -> list[str]:
        return [h.chunk_id for h in HybridRetriever(store, **options).retrieve(question, k=12)]

    question = "Đại hội XIII của Đảng họp từ ngày nào đến ngày nào?"
    assert order(question).index("c6") < 5 and order(question).index("c7") > 8
    assert order(question, event_bonus=0).index("c6") == 6
    assert order("Đại hội XIII của Đảng khai mạc ngày nào?").index("c6") == 6


class PerQuery(Rankings):
    """Rankings whose BM25 side depends on the query: the one given for an exact query, else the default."""

    def __init__(self, lexical: list[Hit], by_query: dict[str, list[Hit]]) -> None:
        super().__init__(lexical, [])
        self._by_query = by_query

    def search(self, query, *, k, filters=None):
        super().search(query, k=k, filters=filters)
        return self._by_query.get(query, self._lexical)[:k]


def test_a_followups_own_question_is_also_searched_alone():
    """holdout h-danang-former-followup: "Trước khi tách tỉnh, thành ủy này là tỉnh ủy nào?" after "Bí thư Thành ủy Đà
    Nẵng hiện nay là ai?" is searched with both questions, whose earlier words ("Bí thư … hiện nay là ai") put the
    passage on the first secretary above the one on the city committee's history. The follow-up's own question is
    also searched alone, at a fifth of the weight; a standalone question is searched once."""
    secretary, history = hit(1, "… đã bầu Bí thư Thành ủy đầu tiên sau khi tách tỉnh."), hit(2, "Thành ủy Đà Nẵng "
                                                                                            "trước đó là Tỉnh ủy …")
    own = "Trước khi tách tỉnh, thành ủy này là tỉnh ủy nào"
    store = PerQuery([secretary, history], {own: [history]})
    query = f"{own}? Bí thư Thành ủy Đà Nẵng hiện nay là ai?"
    assert [h.chunk_id for h in HybridRetriever(store, focus_weight=0).retrieve(query, k=2)] == ["c2", "c1"]
    assert own in store.queries
    assert [h.chunk_id for h in HybridRetriever(store, focus_weight=0, followup_weight=0).retrieve(query, k=2)] == [
        "c1", "c2"]
    store.queries = []
    HybridRetriever(store, focus_weight=0).retrieve("Bí thư Thành ủy Đà Nẵng hiện nay là ai?", k=2)
    assert len(store.queries) == 1


def test_a_passage_naming_the_kind_asked_for_rises_within_the_leading_documents():
    """holdout h-danang-former-followup: "… thành ủy này là tỉnh ủy nào?" is answered by "Thành ủy Đà Nẵng trước đó là
    Tỉnh ủy Quảng Nam - Đà Nẵng.", which came second behind the passage on the first Bí thư "sau khi tách tỉnh", which
    names no tỉnh ủy. A passage of the leading documents that writes the kind asked before a proper name rises; not
    for a question that asks no such kind."""
    first = passage(1, "Đại hội đã bầu Bí thư Thành ủy đầu tiên sau khi tách tỉnh.", "danang")
    history = passage(2, "Thành ủy Đà Nẵng trước đó là Tỉnh ủy Quảng Nam - Đà Nẵng.", "danang")
    store = Rankings([first, history], [first, history])

    def order(question: str, **options) -> list[str]:
        return [h.chunk_id for h in HybridRetriever(store, **options).retrieve(question, k=2)]

    assert order("Trước khi tách tỉnh, thành ủy này là tỉnh ủy nào?") == ["c2", "c1"]
    assert order("Trước khi tách tỉnh, thành ủy này là tỉnh ủy nào?", kind_bonus=0) == ["c1", "c2"]
    assert order("Thành ủy Đà Nẵng được thành lập vào năm nào?") == ["c1", "c2"]


class Weighing(Rankings):
    """Rankings whose terms are rare except the few listed as common (idf 0.5 against 5.0)."""

    def idf(self, terms):
        return {t: 0.5 if t.lstrip("~") in {"việt", "nam", "việt_nam", "viet", "viet_nam"} else 5.0 for t in terms}


def test_the_page_a_question_names_by_its_whole_title_rises_within_the_first_passages():
    """fresh15: for "Người được bổ nhiệm làm Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam …" the page "Phó Tổng
    tham mưu trưởng …" held three of the five read places and the answer's page came 6th. A passage among the
    first ten whose document's whole title the question names rises; a title it names only in part ("Phó …")
    does not, nor one of common words, nor a passage below the first ten."""
    deputy = [titled(n, "Phó Tổng tham mưu trưởng Quân đội nhân dân Việt Nam") for n in range(5)]
    chief = titled(5, "Tổng tham mưu trưởng Quân đội nhân dân Việt Nam")
    country = titled(6, "Việt Nam")
    filler = [titled(n, f"Trang {n}") for n in range(7, 20)]
    late = titled(20, "Tổng tham mưu trưởng (Việt Nam)")
    store = Weighing([*deputy, chief, country, *filler, late], [])

    def order(question: str, **options) -> list[str]:
        return [h.chunk_id for h in HybridRetriever(store, **options).retrieve(question, k=21)]

    question = "Tổng Tham mưu trưởng Quân đội nhân dân Việt Nam phải có độ tuổi tối thiểu là bao nhiêu?"
    ranked = order(question)
    assert ranked.index("c5") < 5 and ranked.index("c6") == 6 and ranked[-1] == "c20"
    assert order(question, title_bonus=0).index("c5") == 5
    typed_plainly = order("tong tham muu truong quan doi nhan dan viet nam toi thieu bao nhieu tuoi")
    assert typed_plainly.index("c5") < 5
    assert order("Phó Tổng tham mưu trưởng có bao nhiêu người?").index("c5") == 5


class Commonplace(Rankings):
    """Rankings whose folded terms are rare except the common words of a congress page's title."""

    def idf(self, terms):
        common = {"dai", "hoi", "dang", "cong", "san", "viet", "nam", "lan", "thu", "bo", "tinh"}
        return {t: 0.5 if t.lstrip("~") in common else 5.0 for t in terms}


def test_the_page_of_the_congress_a_question_names_rises_within_the_first_passages():
    """dev p-dh13-delegates: "Có bao nhiêu đại biểu dự Đại hội XIII của Đảng?" is answered on the page "Đại hội Đảng
    Cộng sản Việt Nam lần thứ XIII", whose passage came 8th. A passage among the first ten whose document's title
    names the congress asked about rises; not one of a page whose title has a rare word the question lacks (another
    province's congress), nor for a question that names only a term ("khóa XIII")."""
    filler = [titled(n, f"Trang {n}") for n in range(5)]
    congress = titled(5, "Đại hội Đảng Cộng sản Việt Nam lần thứ XIII")
    province = titled(6, "Đại hội Đảng bộ tỉnh Nghệ An lần thứ XIII")
    committee = titled(7, "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam khóa XIII")
    store = Commonplace([*filler, congress, province, committee], [])

    def order(question: str, **options) -> list[str]:
        return [h.chunk_id for h in HybridRetriever(store, **options).retrieve(question, k=8)]

    question = "Có bao nhiêu đại biểu dự Đại hội XIII của Đảng?"
    ranked = order(question)
    assert ranked.index("c5") < 5 and ranked.index("c6") == 6
    assert order(question, occasion_bonus=0).index("c5") == 5
    assert order("Đại hội Đảng bộ tỉnh Nghệ An lần thứ XIII có bao nhiêu đại biểu?").index("c6") < 5
    assert order("Ban Chấp hành Trung ương khóa XIII có bao nhiêu ủy viên?").index("c7") == 7


class Signed(Rankings):
    """Rankings over documents that each have a first passage and may have a signature passage no search finds."""

    def __init__(self, lexical: list[Hit], openings: dict[str, Hit], signed: dict[str, list[Hit]]) -> None:
        super().__init__(lexical, [])
        self._openings, self._signed = openings, signed

    def opening(self, doc_id):
        return self._openings.get(doc_id)

    def signatures(self, doc_id, *, filters=None):
        return self._signed.get(doc_id, [])


def test_who_signed_brings_in_the_signature_of_the_document_whose_own_number_is_asked():
    """f-kl212-signer: "Ai thay mặt Bộ Chính trị ký kết luận đó?" is answered by "T/M BỘ CHÍNH TRỊ / Trần Cẩm Tú",
    the text's last lines, which no search brought into the pool. It comes in for a who-signed question, from the
    document whose own number (its header's) is asked; not from a Hướng dẫn that only names that number (its
    signer signed the Hướng dẫn), nor for a question that asks no signer."""
    kl_header = passage(1, "Số 212-KL/TW. KẾT LUẬN của Bộ Chính trị về tiêu chuẩn đơn vị hành chính.", "kl212")
    kl_body = [passage(n, f"Mục {n}: tiêu chuẩn của đơn vị hành chính.", "kl212") for n in range(2, 8)]
    kl_signed = passage(8, "- Lưu Văn phòng Trung ương Đảng.\n\nT/M BỘ CHÍNH TRỊ\nTrần Cẩm Tú", "kl212")
    hd_header = passage(9, "Số 45-HD/BTCTW. HƯỚNG DẪN thực hiện Kết luận 212-KL/TW.", "hd45")
    hd_signed = passage(10, "K/T TRƯỞNG BAN\nPHÓ TRƯỞNG BAN\nHoàng Đăng Quang", "hd45")
    store = Signed([kl_header, *kl_body, hd_header], {"kl212": kl_header, "hd45": hd_header},
                   {"kl212": [kl_signed], "hd45": [hd_signed]})

    def order(question: str, **options) -> list[str]:
        return [h.chunk_id for h in HybridRetriever(store, **options).retrieve(question, k=12)]

    ranked = order("Ai thay mặt Bộ Chính trị ký Kết luận 212-KL/TW?")
    assert ranked.index("c8") < 5 and "c10" not in ranked  # among the five read passages
    assert "c8" not in order("Ai thay mặt Bộ Chính trị ký Kết luận 212-KL/TW?", signature_bonus=0)
    assert "c8" not in order("Kết luận 212-KL/TW nêu tiêu chuẩn gì?")
    # with no number asked, the signatures of the first fused passages' documents come in
    assert "c8" in order("Ai ký kết luận về tiêu chuẩn đơn vị hành chính?")


def test_a_quiz_ranks_first_the_passage_that_states_one_of_its_options_word_for_word():
    """linked q00001, asked with its options: "… mục tiêu "Đến năm 2030", được xác định trong Nghị quyết số 57-NQ/TW
    …?" and four near-copies of one target. The stem names the resolution, whose passages would come first; the
    passage that states an option word for word (here B, found only by searching that option alone) comes first,
    and one stating an option with a word changed below it."""
    resolution = passage(1, "Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá phát triển khoa học, "
                            "công nghệ, đổi mới sáng tạo.", "nq57")
    a = "Tiềm lực khoa học, công nghệ thuộc nhóm dẫn đầu trong các nước có thu nhập cao"
    b = "Tiềm lực khoa học, công nghệ thuộc nhóm dẫn đầu trong các nước có thu nhập trung bình cao"
    stating = passage(2, f"Đến năm 2030: {b.lower()}; một số lĩnh vực đạt trình độ quốc tế.", "hoi-dap")
    changed = passage(3, "Đến năm 2045: tiềm lực khoa học, công nghệ đạt trình độ tiên tiến trong các nước có thu "
                         "nhập cao.", "bai-viet")
    store = PerQuery([resolution, changed], {b: [stating]})
    quiz = f"Nghị quyết số 57-NQ/TW xác định mục tiêu nào đến năm 2030?\nA. {a}\nB. {b}"
    assert [h.chunk_id for h in HybridRetriever(store).retrieve(quiz, k=3)] == ["c2", "c3", "c1"]
    assert a in store.queries and b in store.queries  # each option searched alone
    # without the options' rule: the resolution's passage first, and the stating one never pooled
    assert [h.chunk_id for h in HybridRetriever(store, quiz_weight=0).retrieve(quiz, k=3)] == ["c1", "c3"]
    # a question that is not a quiz is searched once
    store.queries = []
    HybridRetriever(store).retrieve("Nghị quyết số 57-NQ/TW xác định mục tiêu nào đến năm 2030?", k=3)
    assert len(store.queries) == 1


QUIZ_PAGE = ("Câu 15: Chương trình hành động thực hiện Nghị quyết số 59-NQ/TW có bao nhiêu nhóm nhiệm vụ?\n\n"
             "A. 5 nhóm nhiệm vụ\n\nB. 6 nhóm nhiệm vụ\n\nC. 7 nhóm nhiệm vụ\n\nD. 8 nhóm nhiệm vụ")


def test_a_quiz_pages_passage_ranks_below_prose_for_a_question_that_is_not_a_quiz():
    """fresh4 k-nq59-topic-abbr, "NQ 59-NQ/TW của BCT bàn về vấn đề gì?": a contest's answer page, whose questions
    name the resolution, came first (dense 4th, BM25 5th, both named the number), above the page that says what
    it is about. Its lines are questions and options, as often wrong as right."""
    quiz_page = hit(1, QUIZ_PAGE, title="Đáp án Cuộc thi Học tập, quán triệt các Nghị quyết")
    about = hit(2, "Nghị quyết 59-NQ/TW của Bộ Chính trị về hội nhập quốc tế trong tình hình mới.")
    store = Rankings([quiz_page, about], [quiz_page, about])
    question = "Nghị quyết 59-NQ/TW thực hiện qua bao nhiêu nhóm nhiệm vụ?"
    assert [h.chunk_id for h in HybridRetriever(store).retrieve(question, k=2)] == ["c2", "c1"]
    assert [h.chunk_id for h in HybridRetriever(store, listing_penalty=0).retrieve(question, k=2)] == ["c1", "c2"]
    # a quiz asked is matched against quiz pages as against any passage
    quiz = f"{question}\nA. 5 nhóm\nB. 7 nhóm"
    assert [h.chunk_id for h in HybridRetriever(store, quiz_weight=0).retrieve(quiz, k=2)] == ["c1", "c2"]


def test_a_question_on_what_a_numbered_document_is_about_ranks_first_the_passage_naming_it_with_its_subject():
    """linked q00008, "Nghị quyết số 59-NQ/TW, ngày 24/01/2025 của Bộ Chính trị có tiêu đề là gì": a passage that
    names the number and goes on "… về hội nhập quốc tế …" says it; one listing it in a table beside another
    document's subject, or naming it in passing, does not."""
    table = hit(1, "| Nghị quyết 59-NQ/TW | Hướng dẫn 09-HD/BTGDVTU năm 2025 về việc học tập Nghị quyết |")
    passing = hit(2, "Tỉnh ủy quán triệt Nghị quyết số 59-NQ/TW. Về hội nghị, các đại biểu đã thảo luận.")
    about = hit(3, "Nghị quyết số 59-NQ/TW, ngày 24/01/2025 của Bộ Chính trị về hội nhập quốc tế trong tình hình mới.")
    store = Rankings([table, passing, about], [table, passing, about])

    def order(question: str, **options) -> list[str]:
        return [h.chunk_id for h in HybridRetriever(store, **options).retrieve(question, k=3)]

    for question in ("Nghị quyết số 59-NQ/TW, ngày 24/01/2025 của Bộ Chính trị có tiêu đề là gì",
                     "NQ 59-NQ/TW của BCT bàn về vấn đề gì?", "Nghi quyet 59-NQ/TW quy dinh noi dung gi?"):
        assert order(question)[0] == "c3", question
    assert order("Nghị quyết số 59-NQ/TW có tiêu đề là gì", subject_bonus=0) == ["c1", "c2", "c3"]
    # not a question on its subject
    assert order("Nghị quyết số 59-NQ/TW được ban hành ngày nào?") == ["c1", "c2", "c3"]

"""Question analysis: content terms, constraints and the kind of answer asked for."""

import pytest

from assistant.question import Question, has_person, split_scene
from index.terms import query_terms


def test_accented_question_uses_exact_terms_without_stopwords():
    q = Question.parse("Ai là Bí thư Đảng ủy thị trấn Nghèn?")
    assert {"bí", "thư", "đảng", "nghèn", "bí_thư"} <= set(q.terms)
    assert "ai" not in q.terms and "là" not in q.terms
    assert not any(t.startswith("~") for t in q.terms)
    assert q.asks == "person" and q.names == {"nghen"}


def test_plain_question_uses_folded_terms():
    q = Question.parse("dang bo thi tran Nghen da ket nap bao nhieu dang vien")
    assert "~ket_nap" in q.terms and "~nghen" in q.terms
    assert q.asks == "number"


def test_answer_types():
    assert Question.parse("Hội nghị được tổ chức vào ngày nào?").asks == "date"
    assert Question.parse("Tỷ lệ chi bộ trong sạch vững mạnh là bao nhiêu?").asks == "number"
    assert Question.parse("Ai chủ trì hội nghị?").asks == "person"
    assert Question.parse("Nguyên tắc tổ chức của Đảng là gì?").asks == "other"


def test_missing_figures_and_names_weaken_a_passage():
    q = Question.parse("Năm 2020, Đảng bộ thị trấn Nghèn có bao nhiêu đảng viên?")
    assert q.figures == {"2020"}
    holds = frozenset({"2020", "~nghen"})
    assert q.constraint_factor(None, holds) == 1.0
    assert q.constraint_factor(None, frozenset({"~nghen"})) == 0.5
    assert q.constraint_factor(None, frozenset()) < 0.5


def test_a_page_that_never_names_the_person_asked_about_tells_another_persons_life_event():
    joined = Question.parse("Ông Nguyễn Duy Ngọc được kết nạp vào Đảng năm nào?")
    held = frozenset({"~nguyen_duy", "~duy_ngoc"})
    assert joined.constraint_factor(None, held) == 1.0
    other_page = frozenset({"~nguyen_van", "~van_linh"})
    assert joined.constraint_factor(None, other_page) == 0.5  # × 0.6 for a question about no life event
    assert Question.parse("Ông Nguyễn Duy Ngọc giữ chức vụ gì?").constraint_factor(None, other_page) == 0.6


def test_person_bonus_needs_a_real_name():
    q = Question.parse("Ai chủ trì hội nghị?")
    assert q.type_bonus("Đồng chí Nguyễn Văn Thanh, Bí thư Đảng ủy chủ trì hội nghị.") > 0
    assert q.type_bonus("Ban Thường vụ Huyện ủy tổ chức hội nghị.") < 0


def test_institutional_capitals_are_not_names():
    assert Question.parse("Ban Chấp hành Trung ương họp mấy lần một năm?").names == frozenset()
    # a person's name whose every word folds to an institutional one is still a name: "Tòng Thị Phóng" (fresh18)
    assert Question.parse("Chồng của bà Tòng Thị Phóng tên là gì?").names == {"tong thi phong"}
    assert Question.parse("Đảng bộ huyện Lộc Bình kết nạp bao nhiêu đảng viên?").names == {"loc binh"}


def test_a_how_many_question_wants_its_counted_thing_in_the_sentence():
    from index.terms import query_terms

    def factor(question: str, sentence: str) -> float:
        return Question.parse(question).counted_factor(sentence, frozenset(query_terms(sentence)))

    women = "Đại hội XIII của Đảng có bao nhiêu đại biểu là nữ?"
    assert (Question.parse(women).counted, Question.parse(women).counted_kind) == (("dai", "bieu"), ("nu",))
    assert factor(women, "Đại hội XIII diễn ra từ ngày 25/1 đến ngày 1/2/2021.") == pytest.approx(0.45 * 0.45)
    assert factor(women, "Đại hội có sự tham dự của 1.587 đại biểu.") == pytest.approx(0.45)  # not "nữ"
    assert factor(women, "Có 164 đại biểu nữ dự Đại hội.") == 1.0
    plain = "dang bo ket nap bao nhieu dang vien"
    assert Question.parse(plain).counted == ("dang", "vien")
    assert factor(plain, "Đảng bộ đã kết nạp được 95 đảng viên.") == 1.0
    assert factor(plain, "Năm 2020, Đảng bộ chú trọng phát triển đảng viên.") == pytest.approx(0.8)  # no count
    nine = "dieu le dau tien gom bao nhieu dieu"
    assert factor(nine, "Điều lệ vắn tắt, gồm 9 điều.") > factor(nine, "Điều lệ đầu tiên được thông qua năm 1930.")
    gdp = "Kinh tế tư nhân đóng góp bao nhiêu phần trăm GDP?"
    assert factor(gdp, "đóng góp khoảng 55 - 58% GDP") == 1.0
    rate = "Tô Lâm được bầu với tỷ lệ phiếu bao nhiêu?"
    assert Question.parse(rate).counted == ("phan", "tram")
    assert factor(rate, "Với 100% phiếu ủng hộ, Tô Lâm được bầu.") > factor(rate, "Ngày 3/8/2024, Tô Lâm được bầu.")
    assert Question.parse("Ai là Bí thư?").counted == ()
    # a classifier is not what is counted: "chiếc" was a stop word, so nothing was
    cars = "Ông đã xử lý sai bao nhiêu chiếc ôtô nhập lậu?"
    assert Question.parse(cars).counted == Question.parse("ong da xu ly sai bao nhieu chiec oto nhap lau").counted
    assert factor(cars, "Ông đã xử lý sai 12 ôtô nhập lậu.") > factor(cars, "Ông bị kỷ luật năm 2004 vì một sai phạm.")
    judges = Question.parse("Tòa án chuyên biệt có bao nhiêu thẩm phán?")
    sentence = "Năm 2025, Tòa án chuyên biệt được thành lập."
    named_nearby = frozenset(query_terms(sentence + " Các thẩm phán được bổ nhiệm."))
    assert judges.counted_factor(sentence, frozenset(query_terms(sentence)), named_nearby) == pytest.approx(0.6)
    assert judges.counted_factor(sentence, frozenset(query_terms(sentence))) == pytest.approx(0.45)  # nor the passage


def test_abbreviations_in_a_question_match_sentences_that_spell_them_out():
    q = Question.parse("Đồng chí Tô Lâm được BCH TW bầu làm TBT với tỷ lệ phiếu bao nhiêu?")
    assert {"ban_chấp", "trung_ương", "tổng_bí"} <= set(q.terms)
    assert not {"bch", "tbt"} & set(q.terms)


def test_a_which_document_question_wants_another_document_number():
    q = Question.parse("Thông báo kết luận 75-TB/TW điều chỉnh phạm vi áp dụng của nghị định nào?")
    assert q.asks == "document"
    assert q.type_bonus("điều chỉnh phạm vi áp dụng Nghị định số 178/2024/NĐ-CP") > 0
    assert q.type_bonus("Thông báo kết luận số 75-TB/TW ngày 7/3/2025 của Bộ Chính trị") < 0  # only the one asked
    assert Question.parse("Hướng dẫn 60-HD/BTCTW quy định gì về chuyển sinh hoạt đảng?").asks == "other"
    # a number the document-number pattern leaves out, named with its kind and "số"
    order = Question.parse("Ông Hoàng Thế Thiện được phong Thiếu tướng căn cứ vào văn bản nào?")
    assert order.type_bonus("Ông được thăng quân hàm Thiếu tướng theo Lệnh số 21-LCT của Chủ tịch nước.") > 0
    assert order.type_bonus("Ông được thăng quân hàm Thiếu tướng năm 1974.") < 0
    assert Question.parse("Sắc lệnh số 35/SL quy định văn bản nào?").type_bonus("theo Sắc lệnh số 35/SL") < 0


def test_a_how_long_question_wants_a_length_of_time():
    """fresh14: "bao lau thi nen thay nuoc lam mat cho xe o to" was answered with "Khi chở trẻ em dưới 10 tuổi … trên xe
    ô tô …", whose figures are no length of time."""
    q = Question.parse("Thời kỳ dự bị của đảng viên là bao lâu?")
    assert q.type_bonus("Người được kết nạp vào Đảng phải trải qua thời kỳ dự bị mười hai tháng.") > 0
    assert q.type_bonus("Chi bộ họp 3 tháng một lần.") > 0
    assert q.type_bonus("Khi chở trẻ em dưới 10 tuổi và chiều cao dưới 1,35 m trên xe ô tô.") < 0
    assert q.type_bonus("Ngày 5 tháng 3 năm 2020, chi bộ kết nạp 2 đảng viên.") < 0  # a date is no length of time
    assert q.type_bonus("Khoảng 1 tỷ năm trước, vi khuẩn lam chui vào tế bào.") > 0
    # how many is still answered by any figure
    assert Question.parse("Chi bộ có bao nhiêu đảng viên?").type_bonus("Chi bộ có 10 người.") > 0


def test_a_from_which_day_to_which_day_question_wants_a_span_of_days():
    """fresh11: "Kỳ họp thứ bảy … diễn ra từ ngày nào đến ngày nào?" was answered by "Quốc hội thứ hai được bầu ngày 8
    tháng 5 năm 1960 và diễn ra trong 8 kỳ họp …", which has a day but no span."""
    q = Question.parse("Đại hội XIII của Đảng họp từ ngày nào đến ngày nào?")
    assert q.day_factor("Đại hội XIII họp từ ngày 25/1 đến ngày 1/2/2021.") == 1.0
    assert q.day_factor("Đại hội IV diễn ra từ ngày 14 đến ngày 20-12-1976.") == 1.0
    assert q.day_factor("Đại hội họp 25/1 – 1/2/2021.") == 1.0
    assert q.day_factor("Quốc hội thứ hai được bầu ngày 8 tháng 5 năm 1960 và diễn ra trong 8 kỳ họp.") < 1.0
    # a one-day question is still answered by one day
    assert Question.parse("Đại hội XIII khai mạc ngày nào?").day_factor("Đại hội khai mạc ngày 26/1/2021.") == 1.0


def test_a_which_year_question_is_not_answered_by_a_sentence_without_a_year():
    """fresh11: "… kết hôn vào năm nào?" was answered by "… đã từng lập gia đình.", which gives no year; fresh14 the
    same with "… được kết nạp Đảng … trong lúc tại ngũ". XQuAD answers "khi nào?" with a clause ("khi Đức bắt đầu
    …"), so that one is left alone."""
    undated = "Trước khi gặp Nguyễn Thị Minh Khai, Lê Hồng Phong đã từng lập gia đình."
    year = Question.parse("Lê Hồng Phong và Nguyễn Thị Minh Khai kết hôn vào năm nào?")
    plain = Question.parse("le hong phong va nguyen thi minh khai ket hon nam nao")
    when = Question.parse("Lê Hồng Phong và Nguyễn Thị Minh Khai kết hôn khi nào?")
    assert year.asks == plain.asks == when.asks == "date"
    assert year.day_factor(undated) == plain.day_factor(undated) < when.day_factor(undated) == 1.0
    assert year.day_factor("Năm 1935, ông kết hôn với Nguyễn Thị Minh Khai.") == 1.0
    assert year.day_factor("Ông sinh năm 1858 tại Nghệ An.") == 1.0  # a year before 1900 is a year too


def test_a_name_that_starts_with_an_institutional_word_stays_whole():
    assert Question.parse("Ai là Phó Bí thư Thường trực Huyện ủy Thường Xuân?").names == {"thuong xuan"}
    assert Question.parse("Ai được bầu làm Tổng Bí thư?").names == frozenset()


def test_a_person_after_a_capitalised_party_word_is_cut_off_from_it():
    """fresh17: "… BT TW Đảng Tô Huy Rứa …" made the name "dang to huy rua", since "Đảng" folds to the family name
    "Đặng"; no page holds that, so his own page's "Ông được kết nạp Đảng … ngày 6 tháng 2 năm 1967" was weakened."""
    q = Question.parse("Nguyên UV BCT, BT TW Đảng Tô Huy Rứa được kết nạp vào Đảng ngày nào?")
    assert q.names == {"to huy rua"}
    assert Question.parse("Ông Đặng Quốc Khánh bao nhiêu tuổi?").names == {"dang quoc khanh"}
    assert Question.parse("Bí thư TU Cửu Long Nguyễn Đáng là ai?").names == {"cuu long", "nguyen dang"}
    assert Question.parse("ong Dang Quoc Khanh bao nhieu tuoi").names == {"dang quoc khanh"}  # plain: as before


def test_a_name_that_describes_what_is_asked_for_is_not_required_of_the_passage():
    """fresh14: "… do sĩ quan Pháp nào dẫn đầu?" is answered by "… của Thiếu tá Castella (đặc phái viên của tướng De
    Gaulle)" on a page that never says "Pháp"."""
    q = Question.parse("Ông Hoàng Anh tổ chức bắt nhóm nhảy dù do sĩ quan Pháp nào dẫn đầu?")
    assert q.names == {"hoang anh"}
    assert Question.parse("Sĩ quan Pháp bị bắt ở Huế năm nào?").names == {"phap", "hue"}  # not before "nào"


def test_a_person_is_a_family_name_before_a_capitalised_word():
    q = Question.parse("Ai là Chủ nhiệm Ủy ban Kiểm tra Trung ương?")
    assert q.type_bonus("Chủ nhiệm Ủy ban Kiểm tra Trung ương hiện tại là ông Trần Sỹ Thanh.") > 0
    # lower-case "ông" before a name once made "ông Trần Sỹ Thanh" a run; "Trung ương" is no person either
    assert q.type_bonus("Ủy ban Kiểm tra Trung ương họp ông và bà") < 0


def test_syllable_pairs_with_a_function_word_are_not_terms():
    q = Question.parse("Đại biểu được đề nghị mang theo thiết bị gì?")
    assert {"đề_nghị", "đại_biểu", "mang", "thiết"} <= set(q.terms)
    assert not {"được_đề", "biểu_được", "theo_thiết", "mang_theo"} & set(q.terms)
    plain = Question.parse("dang vien du bi co quyen bieu quyet khong")
    assert {"~dang_vien", "~dang"} <= set(plain.terms)  # plain "dang" is "đảng" here, not "đang"


def test_a_question_about_the_present_prefers_a_sentence_about_the_present():
    q = Question.parse("bi thu tinh uy dien bien hien nay la ai")
    assert q.now and not Question.parse("Ai là Bí thư Tỉnh ủy Điện Biên năm 2020?").now
    assert Question.parse("Tỷ giá đô la Mỹ hôm nay là bao nhiêu?").now
    current = q.type_bonus("Bí thư hiện tại là Trần Tiến Dũng.")
    dated = q.type_bonus("Ngày 14 tháng 10 năm 2020, Nguyễn Văn Thắng được bầu giữ chức Bí thư Tỉnh ủy.")
    assert current > dated
    plain = Question.parse("Ai là Bí thư Tỉnh ủy Điện Biên?")  # not about the present: both are people, no preference
    assert plain.type_bonus("Bí thư hiện tại là Trần Tiến Dũng.") == plain.type_bonus(
        "Ngày 14 tháng 10 năm 2020, Nguyễn Văn Thắng được bầu giữ chức Bí thư Tỉnh ủy.")


def test_a_who_holds_this_post_question_wants_the_post_in_the_sentence():
    q = Question.parse("Ai là Bí thư Huyện ủy Can Lộc?")
    assert q.post == "bi thu" and Question.parse("Ai chủ trì hội nghị?").post == ""
    assert q.post_factor("Đồng chí Võ Quang Đạt, Bí thư Huyện ủy Can Lộc, phát biểu.") == 1.0
    assert q.post_factor("Võ Quang Đạt - Huyện ủy Can Lộc") < 1.0  # a byline names no post


def test_a_post_that_only_sets_the_scene_or_says_who_someone_was_is_not_asked_about():
    assert Question.parse("Khi ông Võ Văn Kiệt làm Bí thư Thành ủy TP Hồ Chí Minh, tổ thu mua gạo (1979 - 1982) do ai "
                          "làm tổ trưởng?").post == ""
    spy = Question.parse("Ai là viên mật thám đã lôi kéo ông Đinh Văn Di, nguyên Bí thư Liên Tỉnh ủy Thanh – Nghệ – "
                         "Tĩnh, cộng tác với Paul Humbert?")
    assert spy.post == ""
    assert spy.post_factor("Đinh Văn Di đã bị mật thám là Nguyễn Văn Trí thuyết phục làm tay sai.") == 1.0
    # the post a person takes in the question is still the one asked about
    assert Question.parse("Tháng 4 năm 1989, ông Phan Văn Khải ra Hà Nội làm Chủ nhiệm Ủy ban Kế hoạch Nhà nước, kế "
                          "nhiệm ai?").post == "chu nhiem"


def test_a_which_day_question_wants_a_day_not_only_a_year():
    q = Question.parse("Nghị quyết số 17-NQ/TU được ký ban hành vào ngày nào?")
    assert q.type_bonus("Nghị quyết được ký ngày 29/11/2021.") > 0
    assert q.type_bonus("Năm 2021, Tỉnh ủy tổ chức hội thi.") < Question.parse(
        "Tỉnh ủy tổ chức hội thi vào năm nào?").type_bonus("Năm 2021, Tỉnh ủy tổ chức hội thi.")


def test_a_leading_setting_clause_names_where_to_look_not_what_to_find():
    q = Question.parse("Theo Nghị định 73/2024/NĐ-CP, quỹ tiền thưởng hằng năm bằng bao nhiêu phần trăm tổng quỹ lương?")
    assert {"nghị", "định", "#73/2024/nđ-cp"} <= set(q.setting_terms)
    assert "nghị" not in q.terms and {"quỹ", "thưởng", "lương"} <= set(q.terms)
    assert q.figures == {"73", "2024"}  # still constraints on the passage
    plain = Question.parse("theo nghi dinh 170, moi lan luan chuyen cong chuc keo dai bao lau")
    assert "~170" in plain.setting_terms and "~luan_chuyen" in plain.terms
    # a clause that is the subject, not a setting, and a clause too short to leave a question, stay whole
    subject = Question.parse("Ông Vũ Mạnh Hà được điều chuyển về tỉnh Lai Châu, bổ nhiệm làm Phó Bí thư vào ngày nào?")
    assert subject.setting_terms == () and "lai" in subject.terms
    assert Question.parse("Theo đó, ai ký?").setting_terms == ()
    purpose = Question.parse("Để tuyên truyền Cuộc vận động, Trung ương Hội phát hành bao nhiêu cuốn?")
    assert "tuyên" in purpose.setting_terms and "tuyên" not in purpose.terms


def test_a_figure_inside_a_code_is_not_a_figure():
    q = Question.parse("Nghị quyết số 166KT/HĐNN7 năm 1982 truy tặng ông Võ Trung Thành huân chương gì?")
    assert q.figures == {"1982"}  # not "16" or "166" or "7": the code is matched whole
    assert Question.parse("Theo 30/2020/NĐ-CP, từ ngày 5/3/2020, …?").figures == {"30", "2020", "5", "3"}
    assert Question.parse("Theo 30/2020/NĐ-CP ngày 5/3/2020, …?").figures == {"30", "2020"}  # the document's own date


def test_what_a_how_many_question_counts_in_units_and_abbreviations():
    from index.terms import query_terms

    assert Question.parse("thoi bao cap duoc mua bao nhieu kg thit lon moi thang").counted == ("kg",)
    assert Question.parse("Phường loại III có mấy PCT UBND?").counted == ("pho", "chu")
    assert Question.parse("TPHCM sắp xếp thành bao nhiêu ĐVHC cấp xã?").counted == ("don", "vi")
    # a verb after a one-word noun is not part of what is counted: the source says "tối đa 10 người"
    bng = Question.parse("Theo HD 40-HD/BTGDVTW, BNG được chọn cử tối đa bao nhiêu người làm BCV TW?")
    assert bng.counted == ("nguoi",)
    answer = "Bộ Ngoại giao: tối đa 10 người."
    assert bng.counted_factor(answer, frozenset(query_terms(answer))) == 1.0
    assert Question.parse("Có bao nhiêu người tham gia?").counted == ("nguoi",)
    assert Question.parse("Có bao nhiêu đảng viên tham gia?").counted == ("dang", "vien")
    q = Question.parse("Đại hội có bao nhiêu đại biểu tham dự?")
    dated = "Sáng 15/10, đại biểu tham dự Đại hội."  # a date before the word is not a count of it
    counted = "Đại hội có 550 đại biểu tham dự."
    assert q.counted_factor(dated, frozenset(query_terms(dated))) < q.counted_factor(counted, frozenset(query_terms(counted)))


def test_two_places_named_without_a_comma_are_held_apart():
    from index.terms import query_terms

    q = Question.parse("Ông Nguyễn Côn sinh ra ở thôn nào thuộc huyện Thanh Chương Nghệ An?")
    assert "thanh chuong nghe an" in q.names
    born = frozenset(query_terms("Nguyễn Côn sinh tại thôn Liễu Nha, Thanh Lâm, Thanh Chương, Nghệ An."))
    assert q.constraint_factor(None, born, born) == 1.0
    elsewhere = frozenset(query_terms("Nguyễn Côn sinh tại thôn Liễu Nha, Thanh Lâm, Thanh Chương."))
    assert q.constraint_factor(None, elsewhere, elsewhere) < 1.0  # one of the two is not enough


def test_a_figure_that_names_the_document_may_be_held_by_another_passage_of_it():
    from index.terms import query_terms

    q = Question.parse("NQ 55/2025/NQ-HĐND được HĐND Hà Nội thông qua ngày 26/11 tại kỳ họp thứ mấy?")
    answer = frozenset(query_terms("Nghị quyết được thông qua ngày 26/11 tại kỳ họp 28."))
    document = answer | frozenset(query_terms("Nghị quyết 55/2025/NQ-HĐND của Hội đồng nhân dân thành phố Hà Nội"))
    assert q.constraint_factor(None, answer, document) == 1.0
    assert q.constraint_factor(None, answer, answer) < 0.5  # no passage of the document names it or Hà Nội
    undated = frozenset(query_terms("Nghị quyết được thông qua tại kỳ họp 28."))
    assert q.constraint_factor(None, undated, document | {"26", "11"}) == 0.25  # the date must be in the passage


def test_a_leading_reason_sets_the_scene_and_a_country_may_be_written_either_way():
    from index.terms import query_terms

    q = Question.parse("Vì những chiến công bắn rơi máy bay Mỹ năm 1967, phi công Phạm Thanh Ngân được tặng bao nhiêu "
                       "huy hiệu?")
    answer = frozenset(query_terms("Ông đã được tặng 8 huy hiệu vì những chiến công này."))
    document = answer | frozenset(query_terms("Phạm Thanh Ngân bắn rơi máy bay Mỹ năm 1967."))
    assert q.constraint_factor(None, answer, document) == 1.0  # "1967" says which feats: the document holds it
    q = Question.parse("Ông Hoàng Minh Thắng đề xuất dùng đơn vị nào để diệt đồn do một tiểu đoàn Mỹ đóng giữ?")
    said = frozenset(query_terms("Hoàng Minh Thắng đề nghị dùng Tiểu đoàn 409 diệt đồn do một Tiểu đoàn Hoa Kỳ chiếm."))
    assert q.constraint_factor(None, said, said) == 1.0
    assert q.constraint_factor(None, said - {"~hoa_ky"}, said - {"~hoa_ky"}) == 0.6


def test_a_question_set_in_a_month_is_not_answered_by_a_sentence_about_another_month():
    q = Question.parse("Trong tháng 4/2025, Bộ Nội vụ đã hoàn thành bao nhiêu nhiệm vụ?")
    assert q.month_factor("Kết quả, trong tháng 3, Bộ Nội vụ đã hoàn thành 106/109 nhiệm vụ.") == 0.4
    assert q.month_factor("Ngày 30/4/2025, Bộ Nội vụ đã hoàn thành 98 nhiệm vụ.") == 1.0
    assert q.month_factor("Bộ Nội vụ đã hoàn thành 98 nhiệm vụ.") == 1.0  # no month said: it may be the one asked
    # the date of a document the question names is not the month it asks about
    q = Question.parse("Hướng dẫn 40-HD/BTGDVTW ngày 27/11/2025 thay thế hướng dẫn nào?")
    assert q.month_factor("Hướng dẫn này thay thế Hướng dẫn 152-HD/BTGTW ngày 10/3/2022.") == 1.0
    # nor is the month of an apposition, which says what is meant
    q = Question.parse("Tạp chí Cộng sản, ra đời thay cho Tạp chí Đỏ sau Hội nghị Trung ương tháng 10/1930, phát hành "
                       "số 1 vào ngày nào?")
    assert q.month_factor("Số 1 xuất bản ngày 1 tháng 2 năm 1931.") == 1.0
    assert Question.parse("Trong tháng 10/1930, Tạp chí Đỏ phát hành bao nhiêu số?").month_factor(
        "Số 1 xuất bản ngày 1 tháng 2 năm 1931.") == 0.4


def test_an_ordinal_a_date_or_a_web_address_is_no_amount():
    """fresh f-u-bnv-april: "… bao nhiêu nhiệm vụ …?" was answered with "… cho kỳ họp thứ 9 Quốc hội khóa XV …", and
    then with the page's source line, whose digits are in a web address."""
    q = Question.parse("Trong tháng 4/2025, Bộ Nội vụ đã hoàn thành bao nhiêu nhiệm vụ được giao?")
    assert q.type_bonus("Bộ trưởng yêu cầu chuẩn bị cho kỳ họp thứ 9 Quốc hội, phân công nhiệm vụ.") < 0
    assert q.type_bonus("Theo Cổng thông tin https://moha.gov.vn/bo-noi-vu-da-hoan-thanh-106109-nhiem-vu") < 0
    assert q.type_bonus("Giờ đăng bài viết gốc: 01/04/2025 21:59") < 0
    assert q.type_bonus("Trong tháng 3, Bộ Nội vụ đã hoàn thành 106/109 nhiệm vụ.") > 0
    assert q.type_bonus("Ngày 30/4/2025, Bộ đã hoàn thành 98 nhiệm vụ.") > 0  # a date beside an amount
    assert q.type_bonus("Bộ đã hoàn thành hai nhiệm vụ lớn.") > 0


def test_the_year_of_a_law_names_it_as_a_number_does():
    from index.terms import query_terms

    q = Question.parse("Việc sửa đổi Hiến pháp năm 1992 ngày 25/12/2001 được thực hiện bằng nghị quyết nào?")
    answer = frozenset(query_terms("Nghị quyết số 51/2001/QH10 ngày 25 tháng 12 năm 2001 về việc sửa đổi Hiến pháp."))
    assert q.constraint_factor(None, answer, answer | {"1992"}) == 1.0  # another passage of it says 1992
    assert q.constraint_factor(None, answer, answer) == 0.5
    # a year that dates the fact asked about is still needed in the passage itself
    dated = Question.parse("Năm 1992 Quốc hội sửa đổi điều gì?")
    assert dated.constraint_factor(None, answer, answer | {"1992"}) == 0.5


def test_a_day_written_at_the_start_of_a_sentence_or_in_words_is_a_day():
    q = Question.parse("Quân nhân Mỹ cuối cùng rời Việt Nam vào ngày nào?")
    assert q.type_bonus("Ngày 29 tháng 3 năm 1973 quân nhân Mỹ cuối cùng rời Việt Nam.") > 0
    assert q.type_bonus("Vào 29 tháng 3 năm 1973, quân nhân Mỹ cuối cùng rời Việt Nam.") > 0
    assert q.type_bonus("Năm 1973, quân nhân Mỹ cuối cùng rời Việt Nam.") < 0  # a year is not a day


def test_a_name_in_a_question_ends_at_punctuation():
    # the tokenizer makes no pair across "–" or ",", so a name spanning one could never be found in a passage
    assert Question.parse("Kế hoạch Staley–Taylor của Mỹ nhằm gì?").names == {"staley", "taylor", "my"}
    assert Question.parse("Đảng bộ huyện Lộc Bình, Lạng Sơn có bao nhiêu đảng viên?").names == {"loc binh", "lang son"}


def test_a_place_and_the_person_after_it_are_two_names():
    # the documents write "Bí thư Tỉnh ủy Cửu Long" and "Nguyễn Đáng", never "Cửu Long Nguyễn Đáng"
    q = Question.parse("Tại lễ truy điệu Bí thư TU Cửu Long Nguyễn Đáng, ai đã đọc điếu văn?")
    assert q.names == {"cuu long", "nguyen dang"}
    # a family name closing a place name is part of it, and a run that starts with one is one person
    assert Question.parse("Tỉnh Hải Dương có bao nhiêu huyện?").names == {"hai duong"}
    assert Question.parse("Ông Lê Văn Lương sinh năm nào?").names == {"le van luong"}
    # an abbreviation written with a capital and lower case ("TTg", Thủ tướng) is not a name
    assert Question.parse("Năm 2013, TTg Nguyễn Tấn Dũng nhận bao nhiêu phiếu?").names == {"nguyen tan dung"}


def test_the_person_a_who_question_names_is_not_its_answer():
    q = Question.parse("Lễ kỷ niệm ngày sinh đồng chí Trần Quốc Hoàn do ai chủ trì?")
    assert q.type_bonus("Tuyên truyền kỷ niệm 110 năm Ngày sinh đồng chí Trần Quốc Hoàn.") < 0
    assert q.type_bonus("Đồng chí Tô Lâm chủ trì lễ kỷ niệm đồng chí Trần Quốc Hoàn.") > 0


def test_dates_written_with_dashes():
    q = Question.parse("Báo Le Paria ra số đầu tiên vào ngày nào?")
    assert q.type_bonus("Số 1 của báo Le Paria ra 1-4-1922 tại Paris.") > 0
    assert q.type_bonus("Báo Le Paria ra số 1 năm 1922.") < 0  # a year is not a day


def test_a_post_named_at_another_level_does_not_answer_who_holds_it():
    q = Question.parse("bi thu huyen uy xin man tinh ha giang la ai")
    assert q.post_factor("Ông nhậm chức Bí thư Tỉnh ủy Hà Giang.") < 1.0  # the province's, not the district's
    assert q.post_factor("Ông là Bí thư Huyện ủy Xín Mần.") == 1.0
    assert q.post_factor("Ông được bầu làm Bí thư.") == 1.0  # no level said: it may be the one asked


def test_a_question_about_who_fell_is_answered_by_a_sentence_telling_of_a_death():
    """fresh3 h-hoangsa-nhattao: "… hạm trưởng hộ tống hạm Nhật Tảo (HQ-10) tử trận là ai?" was answered with a
    sentence listing the ships, and the page's passage that tells of his death came 6th."""
    q = Question.parse("Trong hải chiến Hoàng Sa năm 1974, hạm trưởng hộ tống hạm Nhật Tảo (HQ-10) tử trận là ai?")
    assert q.asked_event == "fallen"
    assert q.event_factor("Hạm trưởng là Ngụy Văn Thà tử trận vì bị mảnh đạn phạt ngang cổ.") == 1.0
    assert q.event_factor("Lực lượng tăng cường gồm Tuần dương hạm Trần Bình Trọng và Hộ tống hạm Nhật Tảo.") < 1.0
    assert Question.parse("Ai đã hy sinh trong trận đánh đồn Phố Ràng?").asked_event == "fallen"
    assert Question.parse("Hạm trưởng hộ tống hạm Nhật Tảo là ai?").asked_event == ""


def test_the_secretariat_and_the_general_secretary_are_no_district_secretary():
    """fresh6 s6-un-chupah-nodia (unanswerable) was answered with "… Đại hội có Tổng bí thư, …; Thường trực Ban Bí thư
    Trần Quốc Vượng dự đại hội …"."""
    q = Question.parse("bi thu huyen uy chu pah tinh gia lai nhiem ky 2020-2025 la ai")
    assert q.post_factor("Đại hội có Tổng bí thư Nguyễn Phú Trọng tới dự.") < 1.0
    assert q.post_factor("Thường trực Ban Bí thư Trần Quốc Vượng dự đại hội Đảng bộ tỉnh Gia Lai.") < 1.0
    assert q.post_factor("Ông Nguyễn Văn A, Tổng Bí thư, gặp Bí thư Huyện ủy Chư Păh.") == 1.0
    # a question about the Secretariat itself still finds it named
    about = Question.parse("sau hoi nghi trung uong 14 khoa II ai duoc uy nhiem chu tri cong viec cua Ban Bi thu")
    assert about.post_factor("Đồng chí Lê Duẩn được uỷ nhiệm chủ trì công việc của Ban Bí thư.") == 1.0
    # without a level asked, "Tổng Bí thư" still names the post (stop 27: two answers lost otherwise)
    assert Question.parse("Bí thư đầu tiên của Đảng là ai?").post_factor("Trần Phú là Tổng Bí thư đầu tiên.") == 1.0


def test_a_sentence_without_a_day_cannot_say_which_day():
    q = Question.parse("Nghị quyết 70-NQ/TW được Bộ Chính trị ký ban hành ngày nào?")
    assert q.day_factor("Nghị quyết 70-NQ/TW năm 2025 của Bộ Chính trị về an ninh năng lượng.") < 1.0
    assert q.day_factor("Ngày 20/8/2025, Bộ Chính trị ban hành Nghị quyết 70-NQ/TW.") == 1.0
    assert Question.parse("Nghị quyết 70-NQ/TW ban hành năm nào?").day_factor("Năm 2025, …") == 1.0


def test_a_figure_written_in_words_is_a_figure():
    q = Question.parse("Người vào Đảng phải đủ bao nhiêu tuổi?")
    assert q.type_bonus("Công dân Việt Nam từ mười tám tuổi trở lên được vào Đảng.") > 0
    assert q.type_bonus("Công dân Việt Nam được xem xét kết nạp vào Đảng.") < 0


def test_an_apposition_says_who_is_meant_not_what_is_asked():
    q = Question.parse("Ông Nguyễn Lam, Bí thư thứ nhất đầu tiên của Trung ương Đoàn, có tên khai sinh là gì?")
    assert "đầu" in q.setting_terms and "đầu" not in q.terms
    assert {"nguyễn", "lam", "khai", "sinh"} <= set(q.terms)
    listed = Question.parse("Các bộ, ngành, địa phương phải báo cáo kết quả vào thời điểm nào?")
    assert listed.setting_terms == () and "ngành" in listed.terms  # a list, not an apposition
    # the asking part may be two words when it asks ("…, là gì?"); a two-word list item still is no clause
    late = Question.parse("Tên thật của ông Lê Hoàng Quân, nguyên Chủ tịch UBND TP Hồ Chí Minh, là gì?")
    assert "chủ" in late.setting_terms and {"tên", "thật", "quân"} <= set(late.terms)
    assert Question.parse("Các bộ, ngành, sở ban ngành, địa phương gồm những gì?").setting_terms == ()


def test_a_bracketed_clause_says_who_is_meant_and_its_commas_part_no_apposition():
    """fresh15: "Trần Hữu Dực (sau này là Phó Thủ tướng, Viện trưởng Viện Kiểm sát nhân dân tối cao) …": the later
    posts filled BM25's top with pages on the procuracy, and the comma inside the brackets was read as the end of an
    apposition, which left "Tháng 11/1926 Viện trưởng … tối cao) đứng ra lập tổ chức nào …" as the focus. A bracket of
    figures ("(1913–2003)") or of fewer than three words stays."""
    asked = ("Tháng 11/1926, Trần Hữu Dực (sau này là Phó Thủ tướng, Viện trưởng Viện Kiểm sát nhân dân tối cao) đứng "
             "ra lập tổ chức nào ở Quảng Trị?")
    scene, focus = split_scene(asked)
    assert focus == "Tháng 11/1926, Trần Hữu Dực đứng ra lập tổ chức nào ở Quảng Trị?"
    assert scene == "sau này là Phó Thủ tướng, Viện trưởng Viện Kiểm sát nhân dân tối cao"
    q = Question.parse(asked)
    assert "kiểm" in q.setting_terms and "kiểm" not in q.terms and {"quảng", "trị", "lập"} <= set(q.terms)
    assert split_scene("Ông Lê Hoàng (1913–2003) có tên thật là gì?") == ("", "Ông Lê Hoàng (1913–2003) có tên thật là gì?")
    assert split_scene("Hạm trưởng tàu Nhật Tảo (HQ-10) là ai?")[0] == ""


def test_a_former_post_beside_a_name_typed_without_commas_says_who_is_meant():
    """fresh15–18: "vo cua ong le van luong nguyen bi thu thanh uy ha noi ten la gi", restored, spent its terms on the
    post, so BM25 ranked his page's "Vợ ông là bà …" 103rd and the sentence fell under the threshold. The post runs
    from "nguyên"/"cựu" and a post's head through the words of posts and bodies, places and numbers, up to a person's
    name ("Hà Nội" after "thành ủy" is a place) or the first other word. "nguyên nhân" is no post, and a question
    naming no person keeps its words."""
    cases = {
        "vợ của ông Lê Văn Lương nguyên bí thư thành ủy Hà Nội tên là gì":
            ("nguyên bí thư thành ủy Hà Nội", "vợ của ông Lê Văn Lương tên là gì"),
        "chồng của nguyên Phó Chủ tịch nước Đặng Thị Ngọc Thịnh tên là gì":
            ("nguyên Phó Chủ tịch nước", "chồng của Đặng Thị Ngọc Thịnh tên là gì"),
        "ông Hoàng Tùng nguyên tổng biên tập báo nhân dân vào đảng năm 1943 ở chi bộ nào":
            ("nguyên tổng biên tập báo nhân dân", "ông Hoàng Tùng vào đảng năm 1943 ở chi bộ nào"),
        "Nguyên Phó Thủ tướng, nguyên Bộ trưởng Bộ Tài chính Hoàng Anh qua đời ngày nào?":
            ("Nguyên Phó Thủ tướng, nguyên Bộ trưởng Bộ Tài chính", "Hoàng Anh qua đời ngày nào?"),
        "Ông Nguyễn Văn An nguyên Ủy viên Bộ Chính trị khóa XII sinh năm nào?":
            ("nguyên Ủy viên Bộ Chính trị khóa XII", "Ông Nguyễn Văn An sinh năm nào?"),
        "chồng của bà Tòng Thị Phóng nguyên Phó Chủ tịch Thường trực Quốc hội tên là gì":  # "Tòng" is a family name
            ("nguyên Phó Chủ tịch Thường trực Quốc hội", "chồng của bà Tòng Thị Phóng tên là gì"),
    }
    for asked, parts in cases.items():
        assert split_scene(asked) == parts
    # "do Ban …" names no person, although folded "do" is the family name "Đỗ"
    for kept in ("nguyên nhân ông Nguyễn Văn An bị kỷ luật là gì", "Nguyên Bí thư Tỉnh ủy Yên Bái là ai?",
                 "Công trình do Ban Xây dựng nguyên Bộ Quốc phòng quản lý có tên là gì?"):
        assert split_scene(kept) == ("", kept)
    q = Question.parse("vợ của ông Lê Văn Lương nguyên bí thư thành ủy Hà Nội tên là gì")
    assert "thư" in q.setting_terms and "thư" not in q.terms and q.asked_event == "marriage"


def test_an_apposition_may_list_terms_of_office_and_they_only_say_who_is_meant():
    """"khóa X, XI" is one clause, not two; the passage that gives her real name need not name her terms."""
    q = Question.parse("Bà Hà Thị Khiết, nguyên Bí thư Trung ương Đảng khóa X, XI, có tên thật là gì?")
    assert {"khóa", "xi"} <= set(q.setting_terms) and "khóa" not in q.terms
    assert q.ordinals == frozenset()
    assert Question.parse("Bí thư Trung ương Đảng khóa X, XI có những ai?").ordinals
    asked = "Ông Nguyễn Văn Gấu, Thứ trưởng Bộ Quốc phòng, được thăng Thượng tướng vào ngày, tháng nào năm 2025?"
    assert "thăng" in Question.parse(asked).terms  # "ngày, tháng nào" is no clause break: the question stays asked


def test_a_sentence_whose_only_figures_are_dates_or_the_questions_own_gives_no_count():
    q = Question.parse("Chỉ thị 26/CT-TTg giao tuyển dụng bổ sung bao nhiêu biên chế giáo viên cho năm học 2025 - 2026?")
    issued = "Ngày 15/9/2025, Thủ tướng Chính phủ ban hành Chỉ thị 26/CT-TTg năm 2025 về năm học 2025 2026."
    assert q.figure_factor(issued) < 1.0
    assert q.figure_factor("Bổ sung 65.980 biên chế giáo viên cho năm học 2025 - 2026.") == 1.0
    dated = Question.parse("Vào năm 1945, Đại Việt Quốc dân Đảng có khoảng bao nhiêu đảng viên?")
    assert dated.figure_factor("Ngày 15 tháng 12 năm 1945, Đại Việt Quốc dân đảng lập Mặt trận.") < 1.0
    assert dated.figure_factor("Năm 1945, đảng này có vài nghìn đảng viên.") == 1.0  # a figure in words
    # Not dates: a share with no month 15, and "năm 1" in "mỗi năm 1 lần".
    assert Question.parse("Bao nhiêu chỉ tiêu đạt?").figure_factor("Đạt 9/15 chỉ tiêu.") == 1.0
    assert Question.parse("Khám mấy lần?").figure_factor("Khám ít nhất mỗi năm 1 lần.") == 1.0
    assert Question.parse("Ai chủ trì?").figure_factor("Ngày 15/9/2025, hội nghị họp.") == 1.0  # not a count


def test_how_many_asked_after_the_thing_counted_counts_no_following_word():
    """fresh19 s19-qd212-90diem: "… phải đạt tổng số điểm bao nhiêu mới được xếp loại …" counted "mới" and wanted
    "mới" beside the figure (× 0.45); "… tỉ lệ bao nhiêu để …" counted "để tổng"."""
    q = Question.parse("Công chức phải đạt tổng số điểm bao nhiêu mới được xếp loại hoàn thành xuất sắc nhiệm vụ?")
    assert q.counted == ()
    assert Question.parse("Bộ Chính trị bỏ phiếu với tỉ lệ bao nhiêu để Tổng Bí thư ở lại?").counted == ()
    assert Question.parse("Có bao nhiêu đại biểu dự đại hội?").counted == ("dai", "bieu")
    assert Question.parse("Nghị quyết có bao nhiêu đề án?").counted == ("de", "an")  # "đề" is not "để"
    # fresh5 m-dm-gdp8690: "… tăng bình quân bao nhiêu mỗi năm?" asks a rate per year, not a count of "mỗi năm"
    assert Question.parse("Giai đoạn 1986-1990 GDP tăng bình quân bao nhiêu mỗi năm?").counted == ()
    assert Question.parse("Mỗi năm kết nạp bao nhiêu đảng viên?").counted == ("dang", "vien")
    # fresh17 s17-tlq-haiphong-thu4: "thứ mấy" asks an ordinal, which counts nothing ("lên giữ" is no noun)
    assert Question.parse("Ông là Bí thư Thành ủy Hải Phòng thứ mấy lên giữ chức này?").counted == ()
    assert Question.parse("ong la bi thu thanh uy thu may len giu chuc nay").counted == ()
    assert Question.parse("Ông là Bí thư Thành ủy Hải Phòng thư mấy lên giữ chức này?").counted == ()  # restored so
    # fresh18 s18-ptt-kyluc1987: "lần lượt" (in turn) is no part of what is counted
    assert Question.parse("Năm đó có tới bao nhiêu người lần lượt giữ chức Phó Chủ tịch?").counted == ("nguoi",)


def test_a_machine_is_not_how_many():
    assert Question.parse("Cỗ máy trong tiêu đề bài viết hy vọng kết thúc điều gì?").asks == "other"
    assert Question.parse("Khoa học máy tính có mấy nhánh?").asks == "number"
    assert Question.parse("khoa hoc co may nhanh").asks == "number"  # plain: "may" may be "mấy"


def test_the_sentence_issuing_a_document_does_not_say_when_it_takes_effect():
    q = Question.parse("Thông tư 21/2025/TT-BNV có hiệu lực thi hành từ ngày nào?")
    issued = "Ngày 12/10/2025, Bộ trưởng Bộ Nội vụ ban hành Thông tư 21/2025/TT-BNV hướng dẫn công tác bầu cử."
    assert q.issuing_factor(issued) < 1.0
    assert q.issuing_factor("Thông tư 21/2025/TT-BNV có hiệu lực từ ngày 12/10/2025.") == 1.0
    assert q.issuing_factor("Ngày 12/10/2025, Bộ trưởng ban hành Thông tư 22/2025/TT-BNV.") == 1.0  # another text
    assert Question.parse("Thông tư 21/2025/TT-BNV được ban hành ngày nào?").issuing_factor(issued) == 1.0
    assert Question.parse("thong tu 21/2025/TT-BNV ky ngay nao").issuing_factor(issued) == 1.0


def test_day_and_month_asked_together_ask_for_a_day():
    q = Question.parse("Ông Phạm Văn Xô sinh vào ngày, tháng nào của năm 1910?")
    assert q.day and q.day_factor("Ông sinh năm 1910 ở Nam Định.") < 1.0


def test_a_document_number_is_no_amount_and_a_salary_coefficient_no_how_many():
    q = Question.parse("Theo Hướng dẫn 40-HD/BTGDVTW, báo cáo viên được phụ cấp bao nhiêu đồng một tháng?")
    assert q.figure_factor("Căn cứ Quyết định số 907-QĐ/BTGDVTW ngày 17/9/2025 của Ban Tuyên giáo.") < 1.0
    assert q.figure_factor("Báo cáo viên được phụ cấp 500.000 đồng một tháng.") == 1.0
    assert Question.parse("Đối tượng nào được hỗ trợ bằng 100% hệ số lương?").asks == "other"
    assert Question.parse("Số lượng báo cáo viên cấp xã là bao nhiêu?").asks == "number"


def test_a_bare_year_is_no_amount_but_a_document_asked_for_by_number_is_the_answer():
    q = Question.parse("Nghị quyết 17-NQ/TU có bao nhiêu đảng viên tham gia biểu quyết?")
    assert q.figure_factor("Nghị quyết số 17-NQ/TU về cán bộ, đảng viên giai đoạn 2021 - 2025.") < 1.0
    assert q.figure_factor("Có 2021 đảng viên tham gia.") < 1.0  # read as a year: the price of the rule
    assert q.figure_factor("Có 2.021 đảng viên tham gia.") == 1.0
    plan = Question.parse("Ban Tuyên giáo tổ chức cuộc thi theo KH số mấy?")
    assert plan.figure_factor("Ngày 4/11/2025, Ban ban hành Kế hoạch 06-KH/BTGDVTU năm 2025.") == 1.0


def test_who_signed_wants_a_sentence_that_says_so_or_a_signature_line():
    q = Question.parse("Ai đã ký ban hành Chỉ thị số 92CT/TW ngày 25/6/1980 của Ban Bí thư?")
    assert q.wants_signer
    proposed = "Khi giữ chức Bộ trưởng Nội vụ, ông đề xuất với Ban Bí thư ra Chỉ thị số 92CT/TW ngày 25/6/1980."
    assert q.signer_factor(proposed) < 1.0
    assert q.signer_factor("Đồng chí Lê Duẩn ký Chỉ thị số 92CT/TW.") == 1.0
    assert q.signer_factor("Trần Cẩm Tú", before="…\n**T/M BỘ CHÍNH\nTRỊ**\n") == 1.0
    assert q.signer_factor("Trần Cẩm Tú", before="**Người ký:**\n|\n") == 1.0
    assert not Question.parse("Ai là Bí thư Huyện ủy nhiệm kỳ 2020-2025?").wants_signer  # "kỳ", not "ký"
    assert not Question.parse("bi thu huyen uy nhiem ky 2020-2025 la ai").wants_signer
    assert Question.parse("ke hoach 153/KH-UBND do ai ky").wants_signer
    assert q.signer_factor("Quyết định này có hiệu lực kể từ ngày ký.") < 1.0


def test_a_plain_typed_who_signed_question_stays_one_when_the_restorer_reads_ky_as_ky_with_another_mark():
    restored = Question.parse("kế hoạch 153/KH-UBND của UBND thành phố Cần Thơ đến năm 2030 đó ai kỳ")
    assert restored.wants_signer
    assert restored.signed_under("…\n- Lưu: VT, M.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n")
    assert not restored.signed_under("Ông đã ký nhiều văn bản.\n")  # a sentence saying "ký" is no signature line
    assert not Question.parse("Ai chủ trì hội nghị?").signed_under("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n")


def test_who_signed_that_document_is_not_answered_by_who_signed_another():
    follow_up = Question.parse("Ai ký quyết định đó?", context="Quyết định 1147-QĐ/BTGDVTW ban hành quy chế gì?")
    other = "Ngày 6/9/2021, Thủ tướng Phạm Minh Chính ký quyết định số 1460/QĐ-TTg về việc phân công công tác."
    assert follow_up.signer_factor(other) < 1.0
    assert follow_up.signer_factor("Đồng chí Ngô Đông Hải ký Quyết định 1147-QĐ/BTGDVTW.") == 1.0
    assert follow_up.signer_factor("Ngô Đông Hải", before="K/T TRƯỞNG BAN\n") == 1.0


def test_the_number_of_a_list_item_is_no_amount():
    q = Question.parse("Ban Chính sách, chiến lược Trung ương được giao tổng cộng bao nhiêu biên chế?")
    assert q.figure_factor("3. Biên chế") < 1.0
    assert q.figure_factor("b) Biên chế của Ban do Bộ Chính trị quyết định.") < 1.0
    assert q.figure_factor("3. Biên chế được giao là 120 người.") == 1.0
    assert q.figure_factor("3 người được giao biên chế.") == 1.0  # a figure at the start that numbers nothing


def test_a_date_question_about_a_life_event_wants_a_sentence_that_tells_of_it():
    joined = Question.parse("Ông Nguyễn Xuân Thắng được kết nạp vào Đảng ngày nào?")
    assert joined.asked_event == "party"
    assert joined.event_factor("Ngày 14/12/2017 ông được Bộ Chính trị phân công phụ trách Hội đồng Lý luận.") < 1.0
    assert joined.event_factor("Ông được kết nạp vào Đảng ngày 5/7/1963.") == 1.0
    born = Question.parse("Thiếu tướng Nguyễn Trọng Vĩnh sinh vào ngày, tháng nào của năm 1916?")
    assert born.asked_event == "birth"
    assert born.event_factor("Nguyễn Trọng Vĩnh (1916 – 26 tháng 12 năm 2019) là Thiếu tướng.") < 1.0  # death's day
    assert born.event_factor("Nguyễn Trọng Vĩnh (18 tháng 10, 1916 – 2019) là Thiếu tướng.") == 1.0
    assert born.event_factor("Sinh ; Thổ Phụ, Vĩnh Lộc, Thanh Hóa ; 18 tháng 10, 1916") == 1.0
    assert Question.parse("nha cach mang nguyen an ninh mat trong tu vao ngay nao").asked_event == "death"
    # a birth anniversary in a document's title is no question about a birth
    assert Question.parse("Hướng dẫn 38-HD/BTGDVTW về kỷ niệm 110 năm Ngày sinh đồng chí Trần Quốc Hoàn ban hành "
                          "ngày nào?").asked_event == ""
    assert Question.parse("Chỉ thị 10-CT/TW về sinh hoạt chi bộ ban hành ngày nào?").asked_event == ""


@pytest.mark.parametrize(
    "question, event, other, telling",
    [
        ("Đồng chí Lê Hồng Phong được an táng ở đâu?", "burial",
         "Đồng chí Lê Hồng Phong hy sinh tại nhà tù Côn Đảo năm 1942.",
         "Thi hài đồng chí được an táng tại Nghĩa trang Hàng Dương."),
        ("Bà Nguyễn Thị Minh Khai kết hôn với ai?", "marriage",
         "Bà là Bí thư Thành ủy Sài Gòn – Chợ Lớn.", "Năm 1935, bà kết hôn với Lê Hồng Phong."),
        ("Đại tướng Chu Huy Mân có tên thật là gì?", "alias",
         "Đại tướng Chu Huy Mân qua đời ngày 1 tháng 7 năm 2006 tại Bệnh viện 108.",
         "Ông tên thật là Chu Văn Điều, sinh ngày 17 tháng 3 năm 1913."),
        ("Song Hào được Bác Hồ gọi bằng biệt danh gì?", "alias",
         "Song Hào là Chủ nhiệm Tổng cục Chính trị.", 'Anh Song Hào được Bác Hồ gọi là "Tướng rau muống".'),
        # fresh14: "là một Tiến sĩ Luật học" says he holds the degree, not where or when he defended his thesis
        ("Ông Uông Chu Lưu bảo vệ luận án tiến sĩ luật học ở đâu và vào năm nào?", "thesis",
         "Uông Chu Lưu (sinh ngày 20 tháng 7 năm 1955) là một Tiến sĩ Luật học, chính khách Việt Nam.",
         "Năm 1990, ông bảo vệ luận án tiến sĩ tại Hà Nội."),
        # fresh13: a sentence about his degrees does not give the thesis's title
        ("Luận án tiến sĩ kinh tế mà ông Hồ Đức Phớc bảo vệ năm 2009 có đề tài là gì?", "topic",
         "Ông có bằng cử nhân kinh tế chuyên ngành Tài chính của trường Đại học Tài chính - Kế toán Hà Nội.",
         "Năm 2009, ông bảo vệ luận án tiến sĩ với đề tài “Hoàn thiện chính sách tài khóa”."),
        # fresh14: the page's opening sentence gave his own other name
        ("Vợ của ông Hồ Viết Thắng, nguyên Trưởng ban Nông vận Trung ương, tên là gì?", "marriage",
         "Hồ Viết Thắng (1918 -1998), tên khai sinh là Hồ Sĩ Khảng, là một chính khách Việt Nam.",
         "Năm 1940, ông kết hôn với bà Nguyễn Thị Hoa."),
        # fresh16: "phu nhân" asks for his wife, whom his page's opening sentence does not name
        ("Phu nhân của Đại tướng Phạm Văn Trà, nguyên Bộ trưởng Bộ Quốc phòng, tên là gì?", "marriage",
         "Phạm Văn Trà (sinh ngày 19 tháng 8 năm 1935 tại Bắc Ninh) là một chính khách người Việt Nam.",
         "Phu nhân của ông cùng dự buổi lễ."),
        # fresh14: the sentence before the answer tells of the trial and covers the question's long description
        ("Phiên tòa Nam triều ở Vinh ngày 21/11/1929 xử ông cùng hơn 60 đảng viên Tân Việt đã tuyên ông mức án nào?",
         "verdict",
         "Ngày 21 tháng 11 năm 1929, ông cùng 60 đảng viên Đảng Tân Việt bị tòa án Nam triều ở Vinh đưa ra xử.",
         "Riêng ông bị kết án 3 năm tù khổ sai đày đi Buôn Ma Thuột."),
        # fresh15: his page's sentences on his posts covered the question's long description better
        ("Thân phụ của nguyên Phó Thủ tướng Nguyễn Khánh (1928–2023), người bị thực dân Pháp đày ra Côn Đảo khi ông "
         "Khánh mới một tuổi, tên là gì?", "parent",
         "Ông từng giữ chức vụ Phó Chủ tịch Hội đồng Bộ trưởng rồi Phó Thủ tướng trong 10 năm.",
         "Cha là Nguyễn Ngọc Phòng (ông Tư), từng bị thực dân Pháp đày đi Côn Đảo khi ông Khánh mới một tuổi."),
        # fresh18: a thesis asked by its title, the thesis named first; his degree does not give it
        ("Luận án phó tiến sĩ ngành báo chí mà ông Đinh Thế Huynh bảo vệ tại Đại học Quốc gia Moskva có tên là gì?",
         "topic", "Đinh Thế Huynh có bằng Phó tiến sĩ ngành báo chí (tại Đại học Quốc gia Moskva).",
         'Ông bảo vệ luận án với đề tài "Báo chí và dư luận xã hội".'),
    ],
)
def test_a_burial_a_marriage_another_name_or_a_verdict_asked_in_any_way_wants_a_sentence_that_tells_of_it(
        question, event, other, telling):
    q = Question.parse(question)
    assert q.asked_event == event
    assert q.event_factor(other) < 1.0
    assert q.event_factor(telling) == 1.0


def test_what_only_looks_like_a_burial_a_marriage_or_another_name_asks_none():
    # folded, "Tổng kết hơn" reads "ket hon"
    assert Question.parse("Tổng kết hơn 80 năm xây dựng Đảng rút ra những bài học nào?").asked_event == ""
    # a name given in a parenthesis only says who is meant
    jailed = Question.parse("Năm 1941, ông Đỗ Mười (tên thật Nguyễn Duy Cống) bị kết án bao nhiêu năm tù?")
    assert jailed.asked_event == "verdict"  # what it does ask, since stop 20; not "alias"
    # a court or a project asked about is no verdict; nor is one that only sets the scene of the question
    assert Question.parse("Tòa án nào cho rằng Hiệp ước Rome không ngăn chặn được điều đó?").asked_event == ""
    assert Question.parse("Dự án nào được phê duyệt năm 2020?").asked_event == ""
    # a wife who is not the one asked about: the son is (a child asked by name, since stop 25), not a marriage
    assert Question.parse("Con trai đầu của vợ Bột Nhi Thiếp của Thiết Mộc Chân tên là gì?").asked_event == "child"
    assert Question.parse("Ông và vợ bị bắt năm nào?").asked_event == ""
    assert Question.parse("Sau khi bị kết án tù chung thân khổ sai, ông bị đày đi đâu?").asked_event == ""
    # a father who only says who is meant
    assert Question.parse("Ông Nguyễn Văn A, cha của ông B, quê ở đâu?").asked_event == ""


def test_a_figure_is_held_with_or_without_its_leading_zero():
    q = Question.parse("Quyết định số 789-QĐNS/TW của Bộ Chính trị, trao ngày 6/3/2023, phân công bà Trương Thị Mai làm gì?")
    assert {"6", "3", "2023"} <= q.figures
    from index.terms import query_terms

    padded = frozenset(query_terms("Ngày 06 tháng 03 năm 2023, Tổng Bí thư trao Quyết định số 789-QĐNS/TW "
                                   "cho đồng chí Trương Thị Mai."))
    assert q.constraint_factor(None, padded) == 1.0
    assert Question.parse("Ngày 06/03/2023 ai được phân công?").constraint_factor(None, frozenset({"6", "3", "2023"})) == 1.0


def test_the_date_after_a_document_number_only_says_which_document():
    q = Question.parse("Quyết định số 28/QĐ-TW ngày 3/10/1978 của Ban Bí thư khóa IV xác định Trường Sĩ quan Chính trị là gì?")
    assert q.figures == {"28"}
    assert Question.parse("Ngày 3/10/1978, Ban Bí thư quyết định gì?").figures == {"3", "10", "1978"}


def test_the_figures_of_a_parenthesis_only_say_which_one_is_meant():
    q = Question.parse('Khi ông Võ Văn Kiệt làm Bí thư Thành ủy, tổ thu mua gạo "xé rào" (1979 - 1982) do ai làm tổ trưởng?')
    assert {"1979", "1982"} <= q.locating_figures
    passage = frozenset({"~vo_van", "~van_kiet"})
    document = passage | {"1979", "1982"}
    assert q.constraint_factor(None, passage, document) == 1.0  # another read passage of the page holds the years
    assert q.constraint_factor(None, passage, passage) < 1.0


def test_a_numeric_date_is_matched_by_its_figures_not_as_one_rare_term():
    """"10/1979" weighs like a rare word, and "Tháng 10 năm 1979 …" never has it: its "10" and "1979" carry it. The
    "11/2011" inside a document number stays, as part of that number."""
    q = Question.parse("Từ tháng 10/1979 đến tháng 12/1984, ông Đào Đình Bình làm nghiên cứu sinh ở nước nào?")
    assert "10/1979" not in q.setting_terms and {"10", "1979", "12", "1984"} <= set(q.setting_terms)
    assert "11/2011" in Question.parse("Nghị quyết 11/2011/QH13 đặt mục tiêu bội chi bao nhiêu?").terms


def test_a_question_about_a_rank_wants_a_sentence_that_names_it_if_it_names_any():
    """The promotion to Thượng tướng is not told by his appointment as a Trung tướng; a rank before a name is that
    person's title, not what is asked."""
    q = Question.parse("Ông Nguyễn Văn Gấu được thăng quân hàm Thượng tướng vào ngày nào?")
    assert q.asked_ranks == {"thượng tướng"}
    assert q.rank_factor("Ngày 30/9/2025, Thủ tướng bổ nhiệm đồng chí Trung tướng Nguyễn Văn Gấu làm Thứ trưởng.") < 1.0
    assert q.rank_factor("Năm 2024, ông được thăng quân hàm từ Trung tướng lên Thượng tướng.") == 1.0
    assert q.rank_factor("Ngày 30/9/2025, ông được bổ nhiệm làm Thứ trưởng.") == 1.0  # no rank: no evidence either way
    assert Question.parse("Trung tướng Nguyễn Văn Gấu sinh ngày nào?").asked_ranks == frozenset()


def test_own_date_factor_lowers_a_sentence_that_only_gives_back_the_questions_day():
    """A date question that names a day meets a sentence whose only day is that one (in any spelling): it repeats what
    was said, so it cannot give the other date asked for."""
    q = Question.parse("Luật Quốc phòng 2018, được thông qua ngày 8/6/2018, có hiệu lực thi hành từ ngày nào?")
    assert q.own_days == {(8, 6, "2018")}
    assert q.own_date_factor("Luật Quốc phòng được Quốc hội thông qua ngày 08/06/2018.") < 1.0
    assert q.own_date_factor("Luật được thông qua ngày 8 tháng 6 năm 2018.") < 1.0
    assert q.own_date_factor("Luật thông qua ngày 8/6/2018, có hiệu lực từ ngày 1/1/2019.") == 1.0  # a new day
    assert q.own_date_factor("Luật Quốc phòng năm 2018 có hiệu lực thi hành.") == 1.0  # no day: other factors judge
    assert Question.parse("Luật Quốc phòng 2018 có hiệu lực từ ngày nào?").own_date_factor("… ngày 8/6/2018 …") == 1.0
    assert Question.parse("Ngày 8/6/2018 Quốc hội thông qua luật nào?").own_date_factor("… ngày 8/6/2018 …") == 1.0


def test_a_question_asking_a_documents_number_wants_a_sentence_that_gives_one():
    """fresh15: "… mang số hiệu gì?" met "… trao Quyết định thăng cấp bậc hàm Đại tướng …", which says a decision was
    handed over but not its number. "Chỉ thị nào …?" may be answered by a name, so it is not lowered."""
    q = Question.parse("Quyết định thăng cấp bậc hàm Đại tướng cho ông Lương Tam Quang mang số hiệu gì?")
    assert q.asks == "document"
    assert q.document_factor("Chủ tịch nước trao Quyết định thăng cấp bậc hàm Đại tướng cho ông Lương Tam Quang.") < 1.0
    assert q.document_factor("Ông được thăng hàm Đại tướng theo Quyết định số 1147/QĐ-CTN ngày 20/10/2024.") == 1.0
    number = Question.parse("Hội đồng Nhà nước giải thể Ủy ban Dân tộc theo văn bản có số hiệu là gì?")
    assert number.document_factor("Hội đồng Nhà nước giải thể Ủy ban Dân tộc của Chính phủ.") < 1.0
    named = Question.parse("Chỉ thị nào ban hành vào năm 1994 được đề cập đến?")
    assert named.document_factor("Chỉ thị Hội đồng Lao động ban hành năm 1994.") == 1.0


def test_a_question_asking_which_numbered_decision_wants_a_sentence_that_gives_its_number():
    """fresh12: "… theo quyết định số mấy?" was answered by the list item "- Ngày 16 tháng 2 năm 1987, Hội đồng Nhà nước
    giải thể Ủy ban Dân tộc của Chính phủ", which tells the event and not the decision's number. "… từ tổng số bao
    nhiêu đại biểu?" asks an amount, not a number that names something."""
    q = Question.parse("Hội đồng Nhà nước giải thể Ủy ban Dân tộc của Chính phủ ngày 16/2/1987 theo quyết định số mấy?")
    assert q.wants_identifier and not q.wants_amount
    assert q.document_factor("- Ngày 16 tháng 2 năm 1987, Hội đồng Nhà nước giải thể Ủy ban Dân tộc của Chính phủ") < 1.0
    assert q.document_factor("Theo Quyết định số 78/HĐNN của Hội đồng Nhà nước ngày 16/2/1987.") == 1.0
    # it counts nothing: "… ra nghị quyết số mấy …?" is not answered by counting resolutions
    plenum = Question.parse("Hội nghị Trung ương lần thứ 24 (29/9/1975) ra nghị quyết số mấy để giải thể Trung ương Cục?")
    assert plenum.counted == () and plenum.counted_factor("Nghị quyết số 247-NQ/TW quyết định giải thể …", frozenset()) == 1
    total = Question.parse("Ông được bầu với 100% phiếu từ tổng số bao nhiêu đại biểu có mặt?")
    assert total.wants_amount and not total.wants_identifier
    given = Question.parse("Máy bay MiG-21 số hiệu 4324 đã bắn rơi bao nhiêu máy bay Mỹ?")
    assert given.wants_amount and given.document_factor("Chiếc máy bay đã bắn rơi 14 máy bay Mỹ.") == 1.0


def test_a_question_asking_a_place_favours_a_sentence_naming_one():
    """fresh15: "… quá cảnh ở thành phố nào …?" is answered by "… quá cảnh tại Karachi, Pakistan …". A capitalised word
    after "tại" that is the question's own ("tại Trụ sở Trung ương Đảng" for "Trụ sở … đặt ở đâu?") names no new
    place."""
    q = Question.parse("Ông Hoàng Văn Hoan rời đoàn khi quá cảnh ở thành phố nào?")
    assert q.wants_place
    assert q.type_bonus("Ông bí mật rời đoàn trong lúc quá cảnh tại Karachi, Pakistan.") > 0
    assert q.type_bonus("Với hành động này, ông trở thành quan chức cao nhất từng đào tẩu.") == 0
    office = Question.parse("Trụ sở Ủy ban Kiểm tra Trung ương đặt ở đâu?")
    assert office.type_bonus("Lễ trao quyết định được tổ chức tại Trụ sở Trung ương Đảng.") == 0
    assert not Question.parse("Ông Hoàng Văn Hoan sinh năm nào?").wants_place


def test_a_question_asking_where_is_not_answered_by_a_sentence_that_locates_nothing():
    """fresh19: "Đại hội … (13–15/12/2017) được tổ chức ở đâu?" was answered by "Đại hội … diễn ra từ ngày 13 đến ngày
    15 tháng 12 năm 2017 với sự tham dự của 516 đại biểu …", and "Hội nghị toàn quốc … được tổ chức tại địa điểm
    nào?" by the heading "TẠI HỘI NGHỊ TOÀN QUỐC …": neither says where."""
    congress = Question.parse("Đại hội lần thứ VI của Hội Cựu chiến binh Việt Nam (13–15/12/2017) được tổ chức ở đâu?")
    assert congress.venue_factor("Đại hội lần thứ VI Hội Cựu chiến binh Việt Nam diễn ra từ ngày 13 đến ngày 15 tháng "
                                 "12 năm 2017 với sự tham dự của 516 đại biểu.") < 1.0
    assert congress.venue_factor("Đại hội diễn ra tại Hội trường Bộ Quốc phòng, Thủ đô Hà Nội.") == 1.0
    meeting = Question.parse("Hội nghị toàn quốc công tác văn phòng năm 2025 được tổ chức tại địa điểm nào?")
    assert meeting.venue_factor("TẠI HỘI NGHỊ TOÀN QUỐC CÔNG TÁC VĂN PHÒNG NĂM 2025") < 1.0  # its own words
    assert meeting.venue_factor("Chiều 05/7/2018, tại hội trường UBND huyện, hội nghị được tổ chức.") == 1.0
    office = Question.parse("Trụ sở Ủy ban Kiểm tra Trung ương đặt ở đâu?")
    assert office.venue_factor("Địa chỉ: 7 đường Nguyễn Cảnh Chân, phường Ba Đình, Hà Nội") == 1.0  # an address
    assert office.venue_factor("Trụ sở Trung ương Hội đặt tại số 39 phố Hàng Chuối.") == 1.0
    escape = Question.parse("Tháng 3/1942, nhà thơ Tố Hữu vượt ngục ở đâu?")
    assert escape.venue_factor("3/1942, ông vượt ngục Đắc Glêi (nay thuộc Kon Tum).") == 1.0
    assert escape.venue_factor("Sau đó ông bị bắt lại, Tòa án phạt ông 10 năm tù.") < 1.0
    assert meeting.venue_factor("Hội nghị diễn ra vào ngày 26/11/2025, trong thời gian một ngày.") < 1.0  # times
    work = Question.parse("Hầu hết trẻ em làm việc ở đâu?")  # XQuAD-vi: a place may be a field or a span
    assert work.venue_factor("Hầu hết trẻ em lao động đều hoạt động trong nông nghiệp.") == 1.0
    assert not Question.parse("Chợ Grainger đã thay thế chợ nào trước đó?").asks_venue  # folded "cho nao"
    # which province or country is asked by name: those questions have the place bonus, not this
    assert Question.parse("Năm 1959 ông được bổ nhiệm làm Đại sứ tại nước nào?").venue_factor("Ông làm Đại sứ.") == 1.0
    assert Question.parse("Ông sinh năm nào?").venue_factor("Ông sinh năm 1920.") == 1.0


def test_a_question_asking_which_named_thing_favours_a_sentence_that_names_one_of_that_kind():
    """fresh19 s19-lkp-3song-fu: "… rải xuống những con sông nào?" was answered by "… rải tro cốt xuống 3 dòng sông …"
    and not by the next sentence, "3 con sông đó là sông Mã, sông Hồng và sông Cửu Long."; fresh16: "… vào học trường
    nào?" by "… theo học tại trường Trung học Petrus Ký …". The kind word before a capitalised word names one."""
    rivers = Question.parse("Theo di nguyện, ông ấy muốn tro cốt của mình được rải xuống những con sông nào?")
    assert rivers.asked_kind == "sông"
    assert rivers.type_bonus("3 con sông đó là sông Mã, sông Hồng và sông Cửu Long.") > 0
    assert rivers.type_bonus("Ông muốn được rải tro cốt xuống 3 dòng sông đã gắn liền với cuộc đời ông.") == 0
    school = Question.parse("Năm 1957, khi lên Sài Gòn học bậc trung học, ông vào học trường nào?")
    assert school.type_bonus("Năm 1957, ông lên Sài Gòn, theo học tại trường Trung học Petrus Ký.") > 0
    assert school.type_bonus("Ông học trường làng đến năm 1956.") == 0  # "làng" is no name
    assert school.type_bonus("Ông lên Sài Gòn học trường nổi tiếng.") == 0
    assert not Question.parse("Ông sinh năm nào?").asked_kind
    # a place question keeps its own rule: "tỉnh nào" wants a place after "tại", "ở" …
    assert not Question.parse("Ông làm Bí thư ở tỉnh nào?").asked_kind


def test_the_kind_a_which_question_asks_for_is_the_words_before_nao_unless_no_name_follows_it():
    """"… là tỉnh ủy nào?" asks for a name written after "tỉnh ủy" ("Tỉnh ủy Quảng Nam - Đà Nẵng"), "… là nhà báo
    nào?" one after "nhà báo" ("nhà báo Hải Triều"); after a function word the kind is one word ("học trường nào").
    A time, a manner, a document or a body ("cơ quan nào") is no such kind; neither is a question without "nào"."""
    assert Question.parse("Trước khi tách tỉnh, thành ủy này là tỉnh ủy nào?").named_kind == "tinh uy"
    assert Question.parse("Thân sinh của ông là nhà báo nào?").named_kind == "nha bao"
    assert Question.parse("truoc khi tach tinh, thanh uy nay la tinh uy nao?").named_kind == "tinh uy"
    assert Question.parse("Ông vào học trường nào?").named_kind == "truong"
    for question in ("Ông sinh năm nào?", "Nghị quyết được ban hành vào ngày nào?", "Việc đó làm như thế nào?",
                     "Quyết định nào thay thế quy định này?", "Cơ quan nào là chủ sở hữu dữ liệu?",
                     "Ông ấy bị kỷ luật bằng hình thức nào?", "Bí thư Thành ủy Đà Nẵng hiện nay là ai?"):
        assert Question.parse(question).named_kind == "", question
    asked = Question.parse("Trước khi tách tỉnh, thành ủy này là tỉnh ủy nào?")
    assert asked.names_kind("Thành ủy Đà Nẵng trước đó là Tỉnh ủy Quảng Nam - Đà Nẵng.")
    assert asked.names_kind("thanh uy da nang truoc do la tinh uy Quang Nam")  # marks or none
    assert not asked.names_kind("Ông được bầu làm Bí thư Thành ủy sau khi tách tỉnh.")
    assert not asked.names_kind("Ông là Phó Bí thư tỉnh ủy, Chủ tịch tỉnh.")  # no name after the kind
    assert not Question.parse("Ông sinh năm nào?").names_kind("Năm Nhâm Thân ông sinh ra.")


def test_a_percentage_of_something_wants_that_something_in_the_sentence():
    """fresh: "… được hưởng phụ cấp đứng lớp bằng bao nhiêu phần trăm lương?" was answered by the teaching quotas
    ("… tỷ lệ định mức: giám đốc Trung tâm 10% …"): a percentage, but not of pay. "số" and "tổng" before the base
    are skipped ("bao nhiêu phần trăm số xã" is of communes)."""
    from assistant.extractive import _terms

    q = Question.parse("Giảng viên được hưởng phụ cấp đứng lớp bằng bao nhiêu phần trăm lương?")
    assert q.rate_base == "luong"
    quota = "Giảng viên giữ chức vụ lãnh đạo giảng dạy theo tỷ lệ định mức: giám đốc Trung tâm 10%."
    pay = "Giảng viên được hưởng phụ cấp đứng lớp bằng 30% mức lương hiện hưởng."
    assert q.counted_factor(quota, _terms(quota)) < q.counted_factor(pay, _terms(pay)) == 1.0
    assert Question.parse("Đến năm 2030 có bao nhiêu phần trăm số xã không có ma túy?").rate_base == "xa"
    assert Question.parse("den nam 2030 co bao nhieu phan tram so xa khong co ma tuy").rate_base == "xa"
    assert Question.parse("Ông trúng cử với tỷ lệ phiếu tán thành bao nhiêu phần trăm?").rate_base == ""


def test_a_question_asking_the_form_of_discipline_wants_a_sentence_that_names_one():
    """fresh17: "… ông Nguyễn Phong Quang … bị kỷ luật bằng hình thức gì?" was answered by the inspection that came
    before any decision. A form of discipline (khiển trách, cảnh cáo, phê bình nghiêm khắc …) answers; "hình thức"
    asked about anything else (an online contest) is not this question."""
    q = Question.parse("Sau đợt kiểm tra năm 2017, ông Nguyễn Phong Quang bị kỷ luật bằng hình thức gì?")
    assert q.asks_discipline
    assert q.discipline_factor("Ngày 28 tháng 12 năm 2016, UB Kiểm tra TƯ triển khai quyết định kiểm tra đảng viên "
                               "khi có dấu hiệu vi phạm đối với ông Nguyễn Phong Quang.") < 1.0
    assert q.discipline_factor("Ban Bí thư quyết định kỷ luật bằng hình thức khiển trách đối với ông.") == 1.0
    assert q.discipline_factor("Bộ Chính trị quyết định phê bình nghiêm khắc ông Bùi Thanh Sơn.") == 1.0
    assert q.discipline_factor("Ban Bí thư quyết định kỷ luật giải tán Ban Thường vụ Đảng ủy.") == 1.0  # Điều 35
    plain = Question.parse("ong nguyen phong quang bi ky luat bang hinh thuc gi")
    assert plain.asks_discipline and plain.discipline_factor("Ông bị kỷ luật cảnh cáo.") == 1.0
    assert not Question.parse("Cuộc thi được tổ chức theo hình thức nào?").asks_discipline
    assert Question.parse("Ông sinh năm nào?").discipline_factor("Ông sinh năm 1950.") == 1.0


def test_a_day_that_comes_back_every_month_is_no_day_something_happened():
    """fresh7: "Nghị quyết 1678/NQ-UBTVQH15 … được … thông qua vào ngày nào?" was answered by "Chậm nhất vào ngày 28
    hàng tháng, Văn phòng trình Chủ tịch duyệt Chương trình công tác tháng sau …", a monthly deadline. A question that
    asks about a schedule ("… chậm nhất vào ngày nào mỗi tháng?", fresh2) still takes it."""
    q = Question.parse("Nghị quyết 1678/NQ-UBTVQH15 được Ủy ban Thường vụ Quốc hội thông qua vào ngày nào?")
    monthly = "Chậm nhất vào ngày 28 hàng tháng, Văn phòng trình Chủ tịch duyệt Chương trình công tác tháng sau."
    quarterly = "Chậm nhất vào ngày 25 của tháng cuối quý, cơ quan gửi Văn phòng báo cáo."
    dated = "Ngày 16/6/2025, Ủy ban Thường vụ Quốc hội đã thông qua Nghị quyết 1678/NQ-UBTVQH15."
    assert q.day_factor(monthly) < 1.0 and q.type_bonus(monthly) < 0
    assert q.day_factor(quarterly) < 1.0
    assert q.day_factor(dated) == 1.0 and q.type_bonus(dated) > 0
    schedule = Question.parse("Các bộ phải báo cáo tình hình thực hiện kế hoạch chậm nhất vào ngày nào mỗi tháng?")
    assert schedule.day_factor("Trước ngày 25 hằng tháng báo cáo tình hình thực hiện nhiệm vụ.") == 1.0
    assert schedule.type_bonus("Trước ngày 25 hằng tháng báo cáo tình hình thực hiện nhiệm vụ.") > 0


def test_a_question_asking_when_a_document_was_adopted_is_not_answered_by_a_starting_date_or_another_documents():
    """fresh7: "Nghị quyết 1678/NQ-UBTVQH15 … được … thông qua vào ngày nào?" met "… Nghị quyết 1678/NQ-UBTVQH15 …,
    từ 01/7/2025, …" (when the merger took effect) and "… Đề án số 343/ĐA-CP ngày 09 tháng 5 năm 2025 …" (another
    text's date)."""
    q = Question.parse("Nghị quyết 1678/NQ-UBTVQH15 của tỉnh Nghệ An được Ủy ban Thường vụ Quốc hội thông qua vào "
                       "ngày nào?")
    assert q.wants_issue_date
    assert q.issuing_factor("Căn cứ Nghị quyết 1678/NQ-UBTVQH15 năm 2025, từ 01/7/2025, thị trấn thành xã.") < 1.0
    assert q.issuing_factor("Trên cơ sở Đề án số 343/ĐA-CP ngày 09 tháng 5 năm 2025 của Chính phủ.") < 1.0
    adopted = "Ngày 16/6/2025, Ủy ban đã thông qua Nghị quyết 1678/NQ-UBTVQH15, hiệu lực từ 1/7/2025."
    assert q.issuing_factor(adopted) == 1.0
    assert q.issuing_factor("Nghị quyết 1678/NQ-UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội.") == 1.0
    # its own number in another spelling (a dash, spaces) still dates it, not another document
    assert q.issuing_factor("Nghị quyết 1678 / NQ–UBTVQH15 ngày 16/6/2025 của Ủy ban Thường vụ Quốc hội.") == 1.0
    # no day at all: the day factor judges it
    assert q.issuing_factor("Nghị quyết 1678/NQ-UBTVQH15 sắp xếp các xã của tỉnh Nghệ An.") == 1.0


def test_a_question_asking_when_a_document_was_issued_is_not_answered_by_a_meetings_day():
    """fresh6 s6-un-hd35-date (unanswerable): "Hướng dẫn 35-HD/BTGDVTW … ban hành ngày nào?" was answered with "… Hội
    nghị lần thứ 14 … bế mạc vào sáng (6/11) và Hướng dẫn 35-HD/BTGDVTW năm 2025 tải về", whose day is the meeting's."""
    q = Question.parse("Hướng dẫn 35-HD/BTGDVTW về tuyên truyền kết quả Hội nghị Trung ương 14 khóa XIII được Ban "
                       "Tuyên giáo và Dân vận Trung ương ban hành ngày nào?")
    assert q.wants_issue_date
    assert q.issuing_factor("Hội nghị lần thứ 14 đã hoàn thành chương trình đề ra và bế mạc vào sáng (6/11) và "
                            "Hướng dẫn 35-HD/BTGDVTW năm 2025 tải về:") < 1.0
    assert q.issuing_factor("Ngày 10/11/2025, Ban Tuyên giáo và Dân vận Trung ương có Hướng dẫn 35-HD/BTGDVTW.") == 1.0
    assert q.issuing_factor("Hướng dẫn 35-HD/BTGDVTW, ngày 10/11/2025, về tuyên truyền kết quả Hội nghị.") == 1.0
    assert q.issuing_factor("Hà Nội, ngày 10 tháng 11 năm 2025") == 1.0  # an official text's header line
    # only the last clause asks: a meeting that "diễn ra", a document described as "ban hành quy định …"
    assert not Question.parse("Theo Công văn 19370-CV/VPTW, hội nghị tập huấn toàn quốc diễn ra vào ngày nào?"
                              ).wants_issue_date
    assert not Question.parse("Quyết định 212/2025/QĐ-UBND của Ủy ban nhân dân thành phố Hải Phòng, ban hành quy định "
                              "về tiêu chí đánh giá cán bộ, có hiệu lực từ ngày nào?").wants_issue_date


def test_a_wife_asked_about_is_not_told_by_a_sentence_about_someones_husband():
    """fresh18: "Vợ của ông Phạm Quang Nghị … tên là gì?" was answered with his relatives' line "Bạch Ngọc Chiến (con
    rể, chồng Phương Bình)": "chồng" tells of his daughter's marriage. A sentence that tells a wedding, or names the
    person asked about ("Vợ ông là bà Tòng Thị Phóng." on her husband's page), still tells of theirs."""
    wife = Question.parse("Vợ của ông Phạm Quang Nghị, nguyên Bí thư Thành ủy Hà Nội, tên là gì?")
    assert wife.event_factor("Họ hàng ; - Bạch Ngọc Chiến (s.1971, con rể, chồng Phương Bình)") < 1.0
    assert wife.event_factor("Vợ ông là bà Nguyễn Thị Hoa.") == 1.0
    assert wife.event_factor("Ông kết hôn với bà Hoa, chồng cũ của bà là …") == 1.0
    husband = Question.parse("Chồng của bà Tòng Thị Phóng tên là gì?")
    assert husband.event_factor("Vợ ông là bà Tòng Thị Phóng.") == 1.0
    assert husband.event_factor("Vợ ông là bà Lò Thị Mai.") < 1.0


def test_a_wife_or_parent_asked_by_name_wants_a_sentence_naming_someone():
    """fresh13: "Người vợ đầu của Đại tướng Chu Huy Mân, …, tên là gì?" met "Người vợ nghĩ ông đã chết cũng đi lấy
    chồng." (no name) and "Vợ ông bế đứa con gái … đến Hà Nội …" (a place, not a person)."""
    q = Question.parse("Người vợ đầu của Đại tướng Chu Huy Mân, người tưởng ông đã chết trong tù, tên là gì?")
    assert q.wants_name
    assert q.type_bonus("Người vợ nghĩ ông đã chết cũng đi lấy chồng.") < 0
    assert q.type_bonus("Vợ ông bế đứa con gái còn nhỏ đến Hà Nội xin ăn.") < 0
    assert q.type_bonus("Năm 1952, ông đi bước nữa với Lê Thu Thủy, cán bộ phụ nữ huyện Yên Dũng.") == 0
    assert not Question.parse("Đại tướng Chu Huy Mân kết hôn năm nào?").wants_name


def test_children_asked_by_name_want_a_sentence_telling_of_a_child_that_names_one():
    """fresh19 s19-un-lkp-con: "Ba người con của … Lê Khả Phiêu và bà Nguyễn Thị Bích tên là gì?" was answered with
    "Vợ của Lê Khả Phiêu là bà Nguyễn Thị Bích …": a sentence about a wife, naming only the people asked about."""
    q = Question.parse("Ba người con của cố Tổng Bí thư Lê Khả Phiêu và bà Nguyễn Thị Bích tên là gì?")
    assert q.asked_event == "child" and q.wants_name
    assert q.event_factor("Vợ của Lê Khả Phiêu là bà Nguyễn Thị Bích (1935 - 2022), từng là một giáo viên.") < 1
    assert q.event_factor("2 ông bà có 3 người con.") == 1.0
    assert q.type_bonus("2 ông bà có 3 người con.") < 0  # tells of them, names none
    son = Question.parse("con trai ông Phạm Quang Nghị nguyên bí thư thành ủy Hà Nội tên là gì")
    assert son.asked_event == "child"
    assert son.event_factor("Con trai ông là Phạm Quang Thanh, Chủ tịch Hội đồng quản trị ngân hàng.") == 1.0
    # a son asked about his own parent stays a parent question; "con số" and "con đường" are no children
    assert Question.parse("Thân sinh của ông là ai?").asked_event == "parent"
    assert not Question.parse("Con số đó đạt bao nhiêu phần trăm kế hoạch?").asked_event
    assert son.event_factor("Con đường cách mạng của ông bắt đầu năm 1965.") < 1


def test_a_name_ends_at_punctuation():
    """"Nguyễn Hồng Thái, Tư lệnh …" names Nguyễn Hồng Thái; read as "Nguyễn Hồng Thái Tư", it held the question's
    stray "Tư" (of "Tư lệnh") and counted as the question's own."""
    from assistant.question import person_names

    assert person_names("Thiếu tướng Nguyễn Hồng Thái, Tư lệnh Bộ Tư lệnh Thủ đô tiếp nhận nhiệm vụ.") == [
        "Nguyễn Hồng Thái"]
    assert has_person("Thiếu tướng Nguyễn Hồng Thái, Tư lệnh Bộ Tư lệnh Thủ đô", frozenset({"tu", "quan"}))


def test_a_life_event_is_read_with_the_marks_the_question_has():
    """fresh17: folded, "được kết nạp bí mật vào Đảng … khi nào?" holds "mat vao" and was asked as a death."""
    assert Question.parse("Ông Nguyễn Thanh Bình được kết nạp bí mật vào Đảng khi nào?").asked_event == "party"
    assert Question.parse("Ông ấy mất vào ngày nào?").asked_event == "death"
    assert Question.parse("ong ay mat vao ngay nao").asked_event == "death"  # plain: read folded, as before
    assert Question.parse("ong duoc ket nap vao dang khi nao").asked_event == "party"


def test_function_words_that_join_clauses_are_not_looked_for():
    """fresh17: "… còn lo việc bảo vệ công trình nào?" spent weight on "còn", which the answer ("Thứ trưởng phụ trách
    … bảo vệ Lăng Chủ tịch Hồ Chí Minh") has no reason to say."""
    terms = Question.parse("Vị Thứ trưởng đó còn lo việc bảo vệ công trình nào nữa vậy?").terms
    assert not {"còn", "nữa", "vậy"} & set(terms) and {"lo", "bảo_vệ", "công_trình"} <= set(terms)


def test_the_year_after_a_document_number_only_says_which_document():
    """fresh f-kl83-lead: the page on Kết luận 83-KL/TW says "năm 2024" once, not beside "5.2. Ban Kinh tế Trung ương
    chủ trì sơ kết …": the year need only be in some read passage of that page, as the number's figures are."""
    q = Question.parse("Kết luận 83-KL/TW năm 2024 giao cơ quan nào chủ trì sơ kết việc thực hiện Nghị quyết 27-NQ/TW?")
    assert {"83", "27", "2024"} <= q.locating_figures
    passage = frozenset(query_terms("5.2. Ban Kinh tế Trung ương chủ trì sơ kết việc thực hiện Nghị quyết số 27-NQ/TW"))
    page = passage | frozenset(query_terms("Tại Mục 5 Kết luận 83-KL/TW năm 2024, Bộ Chính trị kết luận"))
    assert q.constraint_factor(None, passage, page) == 1.0
    assert q.constraint_factor(None, passage, passage) < 1.0
    # a year asked for its own sake still has to be beside the answer
    assert "2024" not in Question.parse("Năm 2024, Ban Kinh tế Trung ương chủ trì sơ kết việc gì?").locating_figures


def test_a_numbered_step_asked_about_is_not_answered_by_another_step():
    q = Question.parse("Bước đầu tiên của quy trình đó là gì?")
    assert q.asked_step == ("buoc", 1)
    assert q.step_factor("Bước 1: Bộ Chính trị báo cáo về yêu cầu bầu Tổng Bí thư.") == 1.0
    assert q.step_factor("Bước 3: Tiến hành ứng cử, đề cử.") == 0.5
    assert q.step_factor("Quy trình bầu Tổng Bí thư theo trình tự như sau:") == 1.0  # numbers no step
    assert Question.parse("bước thứ hai là gì").step_factor("Bước 2: Bộ Chính trị báo cáo danh sách.") == 1.0
    assert Question.parse("Đợt 2 diễn ra khi nào?").step_factor("Đợt 1 diễn ra tháng 3.") == 0.5
    # a year is no stage, and a question that names no step leaves every sentence alone
    assert Question.parse("Giai đoạn năm 2020 có gì mới?").asked_step is None
    assert Question.parse("Quy trình gồm mấy bước?").step_factor("Bước 3: Tiến hành ứng cử.") == 1.0


def test_a_question_about_a_predecessor_wants_a_sentence_that_tells_of_a_succession():
    q = Question.parse("Ông ấy thay ai ở cương vị đó?")
    assert q.asks_succession
    assert q.succession_factor("Năm 2005, ông được bầu làm Chủ tịch Hội khuyến học Việt Nam thay ông Vũ Oanh.") == 1.0
    assert q.succession_factor("Năm 1987 ông quay lại Bộ Ngoại giao trên cương vị Đại sứ tại Liên Xô.") == 0.5
    assert q.succession_factor("Ông thay mặt Bộ Ngoại giao ký hiệp định.") == 0.5  # speaking for someone
    later = Question.parse("Năm 2008 ông rời cương vị Chủ tịch; ai là người kế nhiệm ông?")
    assert later.asks_succession and later.succession_factor("Người kế nhiệm ông là Huỳnh Đảm.") == 1.0
    assert Question.parse("Năm 1989, ông được giao làm TCT TCHQ, thay ai?").asks_succession
    for other in ("Ai thay mặt Bộ Chính trị ký kết luận đó?", "Ông ấy giữ cương vị đó đến năm nào?"):
        assert not Question.parse(other).asks_succession


@pytest.mark.parametrize("text, wanted", [
    ("Nghị quyết số 59-NQ/TW, ngày 24/01/2025 của Bộ Chính trị có tiêu đề là gì", True),
    ("NQ 59-NQ/TW của BCT bàn về vấn đề gì?", True),
    ("Nghị định số 125/2020/NĐ-CP quy định về nội dung gì", True),
    ("Quy định 144-QĐ/TW quy định nội dung gì?", True),
    ("Hướng dẫn 48-HD/BTCTW hướng dẫn về những nội dung gì?", True),
    ("nghi quyet 59-NQ/TW ve van de gi", True),
    ("Nghị quyết 59-NQ/TW được ban hành ngày nào?", False),
    ("Ai ký Kết luận 212-KL/TW?", False),
    ("Hội nghị lần này bàn về việc kết nạp bao nhiêu đảng viên?", False),
])
def test_a_question_on_what_a_document_is_about(text, wanted):
    assert Question.parse(text).wants_subject is wanted

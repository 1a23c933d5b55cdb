"""Follow-up questions borrow the subject of the turn before them."""

from assistant.conversation import context_of, is_followup, standalone_query

HISTORY = [("Đảng bộ thị trấn Nghèn tổ chức hội nghị tổng kết vào ngày nào?", "Sáng ngày 17/2/2016 ... [1]")]


def test_standalone_question_is_left_alone():
    assert not is_followup("Đảng bộ huyện Lộc Bình kết nạp bao nhiêu đảng viên mới năm 2009?", HISTORY)
    assert standalone_query("Điều lệ Đảng quy định tuổi kết nạp là bao nhiêu?", HISTORY).startswith("Điều lệ")


def test_anaphora_and_short_questions_are_followups():
    assert is_followup("Ai chủ trì hội nghị đó?", HISTORY)
    assert is_followup("Con số đó đạt bao nhiêu phần trăm kế hoạch?", HISTORY)
    assert is_followup("ai chu tri hoi nghi do", HISTORY)
    assert is_followup("Ở đâu?", HISTORY)
    assert not is_followup("Ai chủ trì hội nghị đó?", ())


def test_followup_query_carries_the_subject_recursively():
    history = HISTORY + [("Ai chủ trì hội nghị đó?", "...")]
    query = standalone_query("Hội nghị đó có bao nhiêu đại biểu?", history)
    assert "Nghèn" in query
    assert context_of("Hội nghị đó có bao nhiêu đại biểu?", history).endswith("ngày nào?")


def test_asking_the_same_about_something_else_is_a_followup():
    """"Còn X thì sao?" (and its plain and "thế còn" forms) repeats the earlier question about X."""
    history = [("Đơn vị có quân số đến 60 người được bầu bao nhiêu ủy viên Hội đồng quân nhân?", "... [1]")]
    for question in ("Còn đơn vị trên 60 người thì sao?", "con don vi tren 60 nguoi thi sao", "Thế còn đơn vị lớn hơn?",
                     "Đối với đơn vị trên 60 người thì thế nào?"):
        assert is_followup(question, history), question
        assert "Hội đồng quân nhân" in standalone_query(question, history)
    assert not is_followup("Còn bao nhiêu ngày nữa đến đại hội đảng bộ tỉnh nhiệm kỳ 2025-2030?", ())


def test_a_followup_about_that_document_searches_by_its_number():
    """"Ai ký kết luận đó?" is about the document the earlier turn named, not about that turn's other words; the
    answerer still reads the whole earlier question as context."""
    history = [("Kết luận 157-KL/TW yêu cầu cấp xã mới đi vào hoạt động từ khi nào?", "Từ ngày 1/7/2025. [1]")]
    for question in ("Ai ký kết luận đó?", "ai ky ket luan do", "Văn bản này do cơ quan nào ban hành?"):
        assert standalone_query(question, history) == f"{question} 157-KL/TW"
        assert context_of(question, history) == history[0][0]
    # No number to point at, or a question not about the document: the whole earlier question is carried.
    plain = [("Năm 1991, Ban Nội chính Trung ương được giao nhiệm vụ mới theo quyết định nào?", "... [1]")]
    assert standalone_query("Ai ký quyết định đó?", plain).endswith(plain[0][0])
    assert standalone_query("Con số đó là bao nhiêu?", history).endswith(history[0][0])


def test_ong_or_ba_without_a_name_points_back_at_someone():
    history = [("Nguyễn Cơ Thạch giữ chức gì?", "Bộ trưởng Bộ Ngoại giao ... [1]")]
    assert is_followup("Tên thật của ông là gì?", history)
    assert is_followup("Năm 1959 ông được bổ nhiệm làm Đại sứ tại nước nào?", history)
    assert "Nguyễn Cơ Thạch" in standalone_query("Tên thật của ông là gì?", history)
    # a name after it, or a person named in the question itself, or "bà con": nothing borrowed
    assert not is_followup("Năm 1959 ông Trần Tử Bình được bổ nhiệm làm Đại sứ tại nước nào?", history)
    assert not is_followup("Năm 2008 ông Phạm Thế Duyệt rời cương vị Chủ tịch Ủy ban Trung ương Mặt trận Tổ quốc; ai kế "
                           "nhiệm ông?", history)
    assert not is_followup("Chính sách hỗ trợ bà con vùng lũ năm 2025 gồm những nội dung nào?", history)


def test_ong_or_ba_after_a_who_question_means_the_person_its_answer_named():
    history = [("Người phụ nữ Việt Nam đầu tiên được bầu làm Ủy viên Bộ Chính trị là ai?",
                "Bà Nguyễn Thị Xuân Mỹ, sinh năm 1940 tại Hải Phòng, được bầu vào Bộ Chính trị năm 1996. [1]")]
    query = standalone_query("Sau khi nghỉ hưu, bà làm chủ tịch hội nào?", history)
    assert "Nguyễn Thị Xuân Mỹ" in query and "Hải Phòng" not in query  # the name, not the rest of the answer
    assert "Nguyễn Thị Xuân Mỹ" in context_of("Sau khi nghỉ hưu, bà làm chủ tịch hội nào?", history)
    # a follow-up that is not about a person, or an earlier question that named one itself: no name borrowed
    assert "Xuân Mỹ" not in standalone_query("Đại hội đó họp ở đâu?", history)
    named = [("Nguyễn Cơ Thạch giữ chức gì?", "Bộ trưởng, cấp phó của ông là Trần Quang Cơ. [1]")]
    assert "Trần Quang Cơ" not in standalone_query("Tên thật của ông là gì?", named)

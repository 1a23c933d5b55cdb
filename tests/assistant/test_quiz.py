"""Reading a quiz question (a stem and lettered options) and how fully a passage states each option."""

import pytest

from assistant.quiz import Quiz, coverages, lists_questions, quiz_lines, quiz_share

STEM = "Nghị quyết số 57-NQ/TW xác định mục tiêu nào đến năm 2030?"


def test_options_on_their_own_lines_are_read_with_their_labels_and_the_stem_before_them():
    quiz = Quiz.parse(f"{STEM}\nA. Thuộc nhóm dẫn đầu các nước thu nhập cao.\nB) Thuộc nhóm dẫn đầu các nước thu nhập"
                      "\ntrung bình cao.\n  c/ Đạt trình độ quốc tế.\n**D:** Tiệm cận các nước phát triển.")
    assert quiz == Quiz(stem=STEM, options=(
        ("A", "Thuộc nhóm dẫn đầu các nước thu nhập cao."),
        ("B", "Thuộc nhóm dẫn đầu các nước thu nhập trung bình cao."),  # the option runs on to the next line
        ("C", "Đạt trình độ quốc tế."),
        ("D", "Tiệm cận các nước phát triển."),
    ))


def test_options_written_after_the_stem_on_one_line_are_read_when_there_are_three_or_more():
    quiz = Quiz.parse("Đảng Cộng sản Việt Nam ra đời năm nào? A. 1929 B. 1930 C. 1945 D. 1954")
    assert quiz is not None
    assert quiz.stem == "Đảng Cộng sản Việt Nam ra đời năm nào?"
    assert quiz.options == (("A", "1929"), ("B", "1930"), ("C", "1945"), ("D", "1954"))


@pytest.mark.parametrize("text", [
    "Đảng viên dự bị có quyền biểu quyết không?",
    "Ông Nguyễn Văn A. B. là ai?",  # initials, not options
    "Đảng Cộng sản Việt Nam ra đời năm nào? A. 1929 B. 1930",  # two on one line may still be initials
    "Mục tiêu nào?\nA. Thứ nhất\nC. Thứ ba",  # not in order: one option only
    "A. Thứ nhất\nB. Thứ hai",  # no stem
    "Mục tiêu nào?\nA. Thứ nhất\nB.",  # an empty option
])
def test_a_question_without_two_lettered_options_in_order_after_a_stem_is_not_a_quiz(text):
    assert Quiz.parse(text) is None


def test_an_option_stated_word_for_word_covers_fully_and_a_wrong_one_that_differs_in_a_middle_word_about_half():
    text = ("Đến năm 2030, tiềm lực khoa học, công nghệ thuộc nhóm dẫn đầu trong các nước có thu nhập trung bình "
            "cao; một số lĩnh vực đạt trình độ quốc tế.")
    right = "Tiềm lực khoa học, công nghệ thuộc nhóm dẫn đầu trong các nước có thu nhập trung bình cao"
    wrong = "Tiềm lực khoa học, công nghệ thuộc nhóm trung bình trong các nước có thu nhập trung bình cao"
    unrelated = "Hoàn thành công nghiệp hóa, hiện đại hóa đất nước"
    full, half, none = coverages([right, wrong, unrelated], text)
    assert full == 1.0
    assert 0.4 < half < 0.7  # the longest unbroken run: "trong các nước … cao", 9 of 19 syllables
    assert none < 0.3
    # diacritics and punctuation aside: an option typed without them is stated by the same text
    assert coverages(["tiem luc khoa hoc cong nghe thuoc nhom dan dau"], text) == [1.0]


PAGE = ("Đáp án Cuộc thi > Đáp án Đợt 2…\nTheo đó, đợt 2 Cuộc thi kết thúc vào 22h00 ngày 14/12/2025.\n\n"
        "Phấn đấu đến năm 2030, tỉ trọng kinh tế ngoài nhà nước trong GRDP đạt? A. Trên 71%.\n"
        "C. Trên 73%. D. Trên 74%.\n\nCâu hỏi 7. Chọn đáp án đúng\n\nCơ chế khuyến khích đổi mới sản phẩm số\n")


def test_a_quiz_pages_questions_and_options_are_told_from_its_prose():
    spans = quiz_lines(PAGE)
    barred = [PAGE[start:end] for start, end in spans]
    assert barred == ["Phấn đấu đến năm 2030, tỉ trọng kinh tế ngoài nhà nước trong GRDP đạt? A. Trên 71%.",
                      "C. Trên 73%. D. Trên 74%.", "Câu hỏi 7. Chọn đáp án đúng",
                      "Cơ chế khuyến khích đổi mới sản phẩm số"]
    assert 0.5 < quiz_share(PAGE) < 1.0
    options_only = "Câu 3: Ngày nào là “Ngày Sức khỏe toàn dân”?\nA. 27/2 hằng năm\nB. Theo tháng chiến dịch"
    assert lists_questions(options_only) and quiz_share(options_only) == 1.0


@pytest.mark.parametrize("text", [
    # a law's points, lower case
    "1. Phạm tội thuộc một trong các trường hợp sau đây:\na) Có tổ chức;\nb) Có tính chất chuyên nghiệp;\nc) Tái phạm.",
    # a report's parts, two of them
    "A. KẾT QUẢ ĐẠT ĐƯỢC\nTỉnh đã kết nạp 95 đảng viên.\nB. HẠN CHẾ\nMột số chi bộ sinh hoạt chưa đều.",
    # initials in running text
    "Ông Nguyễn A. Bình và bà Trần B. Chi dự hội nghị. Câu chuyện về ông được kể lại.",
])
def test_prose_with_letters_or_points_is_not_a_quiz_page(text):
    assert not lists_questions(text)
    assert quiz_lines(text) == [] and quiz_share(text) == 0.0

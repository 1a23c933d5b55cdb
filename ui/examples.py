"""Example questions to start from, one per bundled document, each answered with a citation by the assistant."""

from __future__ import annotations

# Drawn from evals/data/bundled.jsonl (whose answers are in corpus/); tests/ui checks every one is answered.
EXAMPLES = (
    "Đảng bộ thị trấn Nghèn đã kết nạp bao nhiêu đảng viên?",
    "Ai chủ trì hội nghị sơ kết giữa nhiệm kỳ của Đảng bộ Cơ quan Chính quyền huyện?",
    "Quy chế dân chủ ở cơ sở được thực hiện theo phương châm nào?",
    "Huyện Lộc Bình chỉ đạo điểm về nâng cao chất lượng sinh hoạt chi bộ tại đảng bộ xã nào?",
    "Phong cách làm việc của cấp ủy viên cần được đổi mới theo tinh thần nào?",
    "Thời kỳ dự bị của người mới được kết nạp vào Đảng là bao lâu?",
)

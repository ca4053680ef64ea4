"""Invented pages for the as-you-type query set (`typing_queries.json`): realistic Vietnamese
names and texts, none of them from the demo. Two names differ only by accent (Lê Văn Tường /
Lê Văn Tưởng, Huỳnh Ngọc Diệp / Phan Văn Điệp) and one page says "thử nghiệm" while many say
"nhiệm" (nhiệm vụ, trách nhiệm), so a correction towards the commoner word would show."""

from __future__ import annotations

from tests import factories

# title, kind, summary, body
EXEMPLARS = [
    (
        "Nguyễn Thị Thanh Xuân",
        "individual",
        "Nữ hộ sinh trạm y tế xã An Vĩnh, đỡ đẻ an toàn cho hơn 300 sản phụ.",
        "Chị Xuân trực đêm, đi thuyền sang đảo Bé khi sản phụ trở dạ giữa mùa biển động.",
    ),
    (
        "Trịnh Quốc Khánh",
        "individual",
        "Thuyền trưởng tàu QNg 96417 cứu 12 ngư dân gặp nạn gần Hoàng Sa.",
        "Anh Khánh đưa tàu vào bão, hoàn thành nhiệm vụ cứu nạn và đưa mọi người về bờ an toàn.",
    ),
    (
        "Huỳnh Ngọc Diệp",
        "individual",
        "Cô giáo mầm non dạy trẻ khuyết tật hòa nhập.",
        "Cô Diệp tự làm đồ chơi bằng vỏ ốc, nêu cao trách nhiệm với từng em nhỏ.",
    ),
    (
        "Phan Văn Điệp",
        "individual",
        "Bảo vệ trường học, sửa bàn ghế không lấy tiền.",
        "Chú Điệp nhận nhiệm vụ trông xe và sửa bàn ghế cho học sinh.",
    ),
    (
        "Võ Minh Nhựt",
        "individual",
        "Bí thư chi đoàn, lập đội thanh niên xung kích dọn rác bờ kè.",
        "Nhựt vận động đoàn viên nhận trách nhiệm từng đoạn bờ kè.",
    ),
    (
        "Đào Thị Bích Loan",
        "individual",
        "Chủ nhiệm hợp tác xã tỏi, bao tiêu tỏi cho bà con.",
        "Chị Loan ký hợp đồng bao tiêu, giữ giá tỏi ổn định suốt ba vụ.",
    ),
    (
        "Tạ Công Thắng",
        "individual",
        "Cựu chiến binh hiến đất mở đường thôn.",
        "Ông Thắng cùng con cháu phá tường rào, nhường phần đất mặt tiền.",
    ),
    (
        "Dương Thị Mỹ Lệ",
        "individual",
        "Y sĩ xã chăm sóc người cao tuổi neo đơn.",
        "Chị Lệ đến từng nhà đo huyết áp mỗi tuần, không quản nhiệm vụ ngoài giờ.",
    ),
    (
        "Lê Văn Tường",
        "individual",
        "Thợ máy tàu cá, sửa máy miễn phí cho ngư dân nghèo.",
        "Anh Tường mở xưởng nhỏ gần cảng cá.",
    ),
    (
        "Lê Văn Tưởng",
        "individual",
        "Nông dân trồng hành trên cát, chia sẻ giống cho hộ mới.",
        "Ông Tưởng hướng dẫn cách tưới nước tiết kiệm.",
    ),
    (
        "Tổ đoàn kết khai thác hải sản xa bờ An Bình",
        "collective",
        "Mười hai tàu cá ra khơi cùng nhau, giữ liên lạc và cứu giúp nhau trên biển.",
        "Các thuyền trưởng góp quỹ chung, ngư dân thay phiên trực máy thông tin.",
    ),
    (
        "Mô hình ngân hàng bò giúp hộ nghèo",
        "model",
        "Hội Nông dân trao bò giống, hộ nghèo trả lại con bê đầu tiên.",
        "Sau năm năm, ngân hàng bò đã quay vòng 40 con, nhiều hộ thoát nghèo.",
    ),
    (
        "Mô hình thử nghiệm trồng tỏi trong nhà lưới",
        "model",
        "Trồng tỏi trong nhà lưới để tránh mưa trái mùa.",
        "Vụ đầu thử nghiệm trên 2.000 mét vuông, năng suất tăng một phần năm.",
    ),
]

STORIES = [
    (
        "Ông Tạ Công Thắng hiến 200 mét vuông đất mở đường",
        "Con đường bê tông thôn Tây nay rộng bốn mét nhờ gia đình ông Thắng.",
    ),
]


def build_typing_pages() -> dict[str, object]:
    places = factories.place_tree()
    pages: dict[str, object] = {}
    for i, (title, kind, summary, paragraph) in enumerate(EXEMPLARS):
        pages[title] = factories.exemplar(
            title,
            kind=kind,
            summary=summary,
            place=places["dong"] if i % 2 == 0 else places["tay"],
            body=[("paragraph", f"<p>{paragraph}</p>")],
        )
    for title, lead in STORIES:
        pages[title] = factories.story(title, lead=lead, exemplars=[pages["Tạ Công Thắng"]])
    return pages

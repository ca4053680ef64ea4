"""A small realistic corpus (fictional people, real campaign names from the 2024 Lý Sơn report)
and the Vietnamese queries run against it: each as typed with full accents, without accents,
and with wrong accents, with the title that must be found (first, for the exact form)."""

from __future__ import annotations

import datetime

from tests import factories

PEOPLE = [
    # title, kind, summary, body paragraph
    (
        "Nguyễn Văn Hùng",
        "individual",
        "Ngư dân cứu nạn tàu cá gặp nạn trên biển.",
        "Anh Hùng là thuyền trưởng ở thôn Đông.",
    ),
    ("Nguyên Văn Hùng", "individual", "Giáo viên dạy bơi cho học sinh.", "Thầy Hùng dạy bơi miễn phí mỗi hè."),
    ("Trần Thị Hồng", "individual", "Chủ nhiệm câu lạc bộ phụ nữ tiết kiệm.", "Chị Hồng giúp chị em vay vốn làm tỏi."),
    ("Võ Thị Thời", "individual", "Người giữ nghề dệt lưới truyền thống.", "Bà Thời dạy nghề cho thanh niên."),
    ("Phạm Văn Hữu", "individual", "Cựu chiến binh làm kinh tế giỏi.", "Ông Hữu trồng hành tỏi trên cát."),
    ("Đặng Văn Đức", "individual", "Công an viên giữ gìn an ninh trật tự.", "Anh Đức tuần tra ban đêm."),
    ("Lê Đình Dũng", "individual", "Bác sĩ tình nguyện khám bệnh cho ngư dân.", "Bác sĩ Dũng khám miễn phí."),
    ("Trương Thị Lữ", "individual", "Bà mẹ Việt Nam anh hùng.", "Bà Lữ có ba người con là liệt sĩ."),
    (
        "Hộ gia đình ông Huỳnh Đức Trọng",
        "household",
        "Hộ làm kinh tế giỏi, giúp hộ nghèo.",
        "Gia đình ông Trọng nuôi cá lồng.",
    ),
    ("Đội tàu cá Lý Sơn", "collective", "Đội tàu bám biển Hoàng Sa.", "Đội tàu neo đậu ở đảo Lý Sơn, xã An Hải cũ."),
    ("Chi đoàn thôn Đông", "collective", "Thanh niên tình nguyện làm sạch bờ biển.", "Chi đoàn ra quân mỗi tháng."),
    (
        "Mô hình nuôi heo đất, gửi yêu thương",
        "model",
        "Học sinh bỏ heo đất giúp bạn nghèo.",
        "Mỗi lớp nuôi một con heo đất.",
    ),
    (
        "Mô hình thu gom rác thải ven bờ biển",
        "model",
        "Thu gom rác, chai nhựa dọc bờ biển.",
        "Mỗi tuần thu gom hai tấn rác thải.",
    ),
    (
        "Hợp tác xã tỏi Lý Sơn",
        "collective",
        "Sản xuất tỏi đặc sản theo chuỗi.",
        "Tỏi Lý Sơn được bảo hộ chỉ dẫn địa lý.",
    ),
]

CAMPAIGNS = [
    ("Dân vận khéo", "Phong trào thi đua “Dân vận khéo” do Ban Dân vận phát động."),
    ("Lý Sơn chung tay vì người nghèo – Không để ai bị bỏ lại phía sau", "Giúp hộ nghèo thoát nghèo bền vững."),
    ("Học tập và làm theo tấm gương đạo đức Hồ Chí Minh", "Chuyên mục phát thanh hằng tuần."),
    ("Lý Sơn chung sức xây dựng nông thôn mới", "Cả nước chung sức xây dựng nông thôn mới."),
]

STORIES = [("Ngư dân cứu nạn trên biển Hoàng Sa", "Tàu cá của ngư dân Lý Sơn cứu bảy thuyền viên.")]

# (expected title, fully accented, unaccented, wrongly accented)
QUERIES = [
    ("Nguyễn Văn Hùng", "Nguyễn Văn Hùng", "nguyen van hung", "nguyến vấn hưng"),
    ("Nguyên Văn Hùng", "Nguyên Văn Hùng", "nguyen van hung", "nguyển văn hụng"),
    ("Trần Thị Hồng", "Trần Thị Hồng", "tran thi hong", "trân thí hông"),
    ("Võ Thị Thời", "Võ Thị Thời", "vo thi thoi", "vô thi thơi"),
    ("Phạm Văn Hữu", "Phạm Văn Hữu", "pham van huu", "phảm văn hưu"),
    ("Đặng Văn Đức", "Đặng Văn Đức", "dang van duc", "đăng vân đực"),
    ("Lê Đình Dũng", "Lê Đình Dũng", "le dinh dung", "lễ dinh dùng"),
    ("Trương Thị Lữ", "Trương Thị Lữ", "truong thi lu", "trường thi lứ"),
    ("Hộ gia đình ông Huỳnh Đức Trọng", "Huỳnh Đức Trọng", "huynh duc trong", "huỳnh dúc trông"),
    ("Đội tàu cá Lý Sơn", "Đội tàu cá", "doi tau ca", "dội tàu cà"),
    ("Chi đoàn thôn Đông", "thôn Đông", "thon dong", "thồn động"),
    ("Mô hình nuôi heo đất, gửi yêu thương", "nuôi heo đất", "nuoi heo dat", "nươi héo dắt"),
    ("Mô hình thu gom rác thải ven bờ biển", "thu gom rác thải", "thu gom rac thai", "thú góm rạc thài"),
    ("Hợp tác xã tỏi Lý Sơn", "hợp tác xã tỏi", "hop tac xa toi", "hớp tắc xá tôi"),
    ("Dân vận khéo", "Dân vận khéo", "dan van kheo", "dân vân khẹo"),
    (
        "Lý Sơn chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
        "chung tay vì người nghèo",
        "chung tay vi nguoi ngheo",
        "chùng tây ví ngươi nghẻo",
    ),
    (
        "Lý Sơn chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
        "Không để ai bị bỏ lại phía sau",
        "khong de ai bi bo lai phia sau",
        "khống dể ai bí bọ lài phìa sâu",
    ),
    (
        "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
        "đạo đức Hồ Chí Minh",
        "dao duc ho chi minh",
        "đào dúc hô chì mính",
    ),
    ("Lý Sơn chung sức xây dựng nông thôn mới", "nông thôn mới", "nong thon moi", "nồng thổn mơi"),
    (
        "Ngư dân cứu nạn trên biển Hoàng Sa",
        "cứu nạn trên biển Hoàng Sa",
        "cuu nan tren bien hoang sa",
        "cừu nan trến biên hoàng sà",
    ),
    ("Đội tàu cá Lý Sơn", "Đội tàu cá đảo Lý Sơn", "doi tau ca dao ly son", "đội tâu cả đào lý sờn"),
    ("Đội tàu cá Lý Sơn", "Đội tàu An Hải", "doi tau an hai", "đôi tầu ăn hài"),
]


def build_corpus() -> dict[str, object]:
    """Publish the corpus; returns pages by title (the last one wins for duplicate titles)."""
    places = factories.place_tree()
    fishing = factories.field("Khai thác hải sản")
    poor = factories.field("Nhân đạo từ thiện")
    giay_khen = factories.award_type("Giấy khen")
    bang_khen = factories.award_type("Bằng khen của Chủ tịch UBND tỉnh", level="province")
    pages: dict[str, object] = {}
    for i, (title, kind, summary, paragraph) in enumerate(PEOPLE):
        pages[title] = factories.exemplar(
            title,
            kind=kind,
            summary=summary,
            place=places["dong"] if i % 2 == 0 else places["tay"],
            fields=[fishing] if i % 3 == 0 else [poor],
            body=[("paragraph", f"<p>{paragraph}</p>")],
            awards=[
                {
                    "award_type": giay_khen if i % 2 == 0 else bang_khen,
                    "decision_date": datetime.date(2020 + i % 4, 5, 1),
                }
            ],
        )
    exemplar_list = list(pages.values())
    for j, (title, summary) in enumerate(CAMPAIGNS):
        pages[title] = factories.campaign(title, summary=summary, exemplars=exemplar_list[j::4])
    for title, lead in STORIES:
        pages[title] = factories.story(title, lead=lead, exemplars=exemplar_list[:1])
    return pages

"""The demo site's content as plain data, drawn from the 2024 Lý Sơn ten-year report.

What comes from the report (`/work/shared/seed/000_…txt`, UBND huyện Lý Sơn, 2024): the place
history, the campaigns and their periods and launchers, the four community models, the
exemplar conferences of 2015 and 2020, the radio column. What is invented, and marked so: every
person, household and collective, their awards and decision numbers, the thôn names (the report
says the island has 6 thôn but does not name them), milestone dates not given in the report,
and every story. Each entry has a stable `key` so that `seed_demo` can find it again.
"""

from __future__ import annotations

import datetime

D = datetime.date

ILLUSTRATIVE_THON = "Tên thôn minh họa: báo cáo 2024 nói Lý Sơn có 6 thôn nhưng không nêu tên."

# --------------------------------------------------------------------------------------------
# Places: (key, name, kind, parent key, valid_from, valid_to, predecessor keys, legal basis, note)
# --------------------------------------------------------------------------------------------
PLACES = [
    ("place:kon-tum", "Kon Tum", "province", None, None, D(2025, 7, 1), [], "NQ 202/2025/QH15", ""),
    ("place:quang-ngai-old", "Quảng Ngãi", "province", None, D(1989, 7, 1), D(2025, 7, 1), [], "", ""),
    (
        "place:quang-ngai",
        "Quảng Ngãi",
        "province",
        None,
        D(2025, 7, 1),
        None,
        ["place:quang-ngai-old", "place:kon-tum"],
        "NQ 202/2025/QH15",
        "Tỉnh Quảng Ngãi mới, hợp nhất Quảng Ngãi và Kon Tum từ 1/7/2025.",
    ),
    (
        "place:huyen-ly-son",
        "Lý Sơn",
        "district",
        "place:quang-ngai-old",
        D(1993, 1, 1),
        D(2025, 7, 1),
        ["place:xa-an-hai", "place:xa-an-vinh", "place:xa-an-binh"],
        "",
        "Từ 1/2/2020 huyện quản lý trực tiếp, không còn đơn vị hành chính cấp xã.",
    ),
    ("place:xa-an-hai", "An Hải", "commune", "place:huyen-ly-son", D(1993, 1, 1), D(2020, 2, 1), [], "", ""),
    ("place:xa-an-vinh", "An Vĩnh", "commune", "place:huyen-ly-son", D(1993, 1, 1), D(2020, 2, 1), [], "", ""),
    ("place:xa-an-binh", "An Bình", "commune", "place:huyen-ly-son", D(1993, 1, 1), D(2020, 2, 1), [], "", ""),
    (
        "place:dac-khu-ly-son",
        "Lý Sơn",
        "special_zone",
        "place:quang-ngai",
        D(2025, 7, 1),
        None,
        ["place:huyen-ly-son"],
        "NQ 1677/NQ-UBTVQH15",
        "",
    ),
]
THON = [
    ("place:thon-dong-an-vinh", "Đông An Vĩnh"),
    ("place:thon-tay-an-vinh", "Tây An Vĩnh"),
    ("place:thon-dong-an-hai", "Đông An Hải"),
    ("place:thon-tay-an-hai", "Tây An Hải"),
    ("place:thon-bac-an-hai", "Bắc An Hải"),
    ("place:thon-an-binh", "An Bình"),
]
for _key, _name in THON:
    PLACES.append((_key, _name, "village", "place:dac-khu-ly-son", None, None, [], "Tên minh họa", ILLUSTRATIVE_THON))

# --------------------------------------------------------------------------------------------
# Fields (lĩnh vực), from DOMAIN.md: (key, name, slug)
# --------------------------------------------------------------------------------------------
FIELDS = [
    ("field:san-xuat-kinh-doanh", "Sản xuất kinh doanh", "san-xuat-kinh-doanh"),
    ("field:nong-nghiep", "Nông nghiệp", "nong-nghiep"),
    ("field:khai-thac-hai-san", "Khai thác hải sản", "khai-thac-hai-san"),
    ("field:bien-dao-quoc-phong", "Biển đảo và quốc phòng", "bien-dao-quoc-phong"),
    ("field:an-ninh-trat-tu", "An ninh trật tự", "an-ninh-trat-tu"),
    ("field:giao-duc", "Giáo dục", "giao-duc"),
    ("field:y-te", "Y tế", "y-te"),
    ("field:nhan-dao-tu-thien", "Nhân đạo từ thiện", "nhan-dao-tu-thien"),
    ("field:moi-truong", "Môi trường", "moi-truong"),
    ("field:van-hoa-the-thao", "Văn hóa – thể thao", "van-hoa-the-thao"),
    ("field:xay-dung-dang", "Xây dựng Đảng", "xay-dung-dang"),
    ("field:dan-van", "Dân vận", "dan-van"),
    ("field:cai-cach-hanh-chinh", "Cải cách hành chính", "cai-cach-hanh-chinh"),
]

# --------------------------------------------------------------------------------------------
# Organisations (launchers and issuers): (key, name, short name, kind, place key)
# --------------------------------------------------------------------------------------------
ORGANISATIONS = [
    ("org:thu-tuong", "Thủ tướng Chính phủ", "Thủ tướng Chính phủ", "state", None),
    ("org:bo-noi-vu", "Bộ Nội vụ", "Bộ Nội vụ", "state", None),
    ("org:ubnd-tinh", "Ủy ban nhân dân tỉnh Quảng Ngãi", "UBND tỉnh Quảng Ngãi", "state", "place:quang-ngai"),
    ("org:so-noi-vu", "Sở Nội vụ tỉnh Quảng Ngãi", "Sở Nội vụ", "state", "place:quang-ngai"),
    ("org:ubnd-huyen", "Ủy ban nhân dân huyện Lý Sơn", "UBND huyện Lý Sơn", "state", "place:huyen-ly-son"),
    ("org:ubnd-dac-khu", "Ủy ban nhân dân đặc khu Lý Sơn", "UBND đặc khu Lý Sơn", "state", "place:dac-khu-ly-son"),
    ("org:ubnd-xa-an-hai", "Ủy ban nhân dân xã An Hải", "UBND xã An Hải", "state", "place:xa-an-hai"),
    ("org:ubnd-xa-an-vinh", "Ủy ban nhân dân xã An Vĩnh", "UBND xã An Vĩnh", "state", "place:xa-an-vinh"),
    ("org:ban-dan-van", "Ban Dân vận Huyện ủy Lý Sơn", "Ban Dân vận Huyện ủy", "party", "place:huyen-ly-son"),
    (
        "org:mttq-huyen",
        "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Lý Sơn",
        "UBMTTQVN huyện Lý Sơn",
        "front",
        "place:huyen-ly-son",
    ),
    (
        "org:trung-tam-truyen-thong",
        "Trung tâm Truyền thông – Văn hóa – Thể thao huyện Lý Sơn",
        "Trung tâm TT-VH-TT",
        "unit",
        "place:huyen-ly-son",
    ),
]

# --------------------------------------------------------------------------------------------
# Award types, the law's vocabulary (Law 06/2022/QH15): (key, name, category, level, subject, slug)
# --------------------------------------------------------------------------------------------
T, C = "emulation_title", "commendation"
AWARD_TYPES = [
    ("award:cstd-toan-quoc", "Chiến sĩ thi đua toàn quốc", T, "national", "individual", "chien-si-thi-dua-toan-quoc"),
    ("award:cstd-tinh", "Chiến sĩ thi đua cấp tỉnh", T, "province", "individual", "chien-si-thi-dua-cap-tinh"),
    ("award:cstd-co-so", "Chiến sĩ thi đua cơ sở", T, "district", "individual", "chien-si-thi-dua-co-so"),
    ("award:lao-dong-tien-tien", "Lao động tiên tiến", T, "district", "individual", "lao-dong-tien-tien"),
    ("award:co-thi-dua-chinh-phu", "Cờ thi đua của Chính phủ", T, "national", "collective", "co-thi-dua-cua-chinh-phu"),
    ("award:co-thi-dua-tinh", "Cờ thi đua của Ủy ban nhân dân tỉnh", T, "province", "collective", "co-thi-dua-tinh"),
    ("award:tap-the-ldxs", "Tập thể lao động xuất sắc", T, "province", "collective", "tap-the-lao-dong-xuat-sac"),
    ("award:tap-the-ldtt", "Tập thể lao động tiên tiến", T, "district", "collective", "tap-the-lao-dong-tien-tien"),
    ("award:thon-van-hoa", "Thôn, tổ dân phố văn hóa", T, "district", "collective", "thon-to-dan-pho-van-hoa"),
    ("award:gia-dinh-van-hoa", "Gia đình văn hóa", T, "commune", "household", "gia-dinh-van-hoa"),
    ("award:huan-chuong-ld-3", "Huân chương Lao động hạng Ba", C, "national", "", "huan-chuong-lao-dong-hang-ba"),
    ("award:bang-khen-ttg", "Bằng khen của Thủ tướng Chính phủ", C, "national", "", "bang-khen-thu-tuong"),
    (
        "award:bang-khen-tinh",
        "Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh",
        C,
        "province",
        "",
        "bang-khen-chu-tich-ubnd-tinh",
    ),
    ("award:giay-khen", "Giấy khen", C, "district", "", "giay-khen"),
]

# --------------------------------------------------------------------------------------------
# Campaigns: what the report names, with their national or provincial parents.
# --------------------------------------------------------------------------------------------
ILLUSTRATIVE_DATES = (
    "Ghi chú dữ liệu mẫu: tên phong trào, giai đoạn và cơ quan phát động lấy từ báo cáo tổng kết "
    "10 năm thực hiện Chỉ thị 34-CT/TW của UBND huyện Lý Sơn (2024); ngày sơ kết, tổng kết là minh họa."
)

CAMPAIGNS = [
    {
        "key": "campaign:ca-nuoc-ntm",
        "title": "Cả nước chung sức xây dựng nông thôn mới",
        "slug": "ca-nuoc-chung-suc-xay-dung-nong-thon-moi",
        "slogan": "Cả nước chung sức xây dựng nông thôn mới",
        "form": "regular",
        "scope": "national",
        "launcher": "org:thu-tuong",
        "document_number": "1620/QĐ-TTg",
        "document_date": D(2011, 9, 20),
        "start": D(2011, 9, 20),
        "end": None,
        "summary": "Phong trào thi đua toàn quốc do Thủ tướng Chính phủ phát động; các địa phương triển khai "
        "thành phong trào của mình, trong đó có “Lý Sơn chung sức xây dựng nông thôn mới”.",
        "milestones": [("launch", D(2011, 9, 20), "Thủ tướng Chính phủ phát động")],
    },
    {
        "key": "campaign:ly-son-ntm-2016",
        "title": "Lý Sơn chung sức xây dựng nông thôn mới (2016–2020)",
        "slug": "ly-son-chung-suc-xay-dung-nong-thon-moi-2016-2020",
        "slogan": "Lý Sơn chung sức xây dựng nông thôn mới",
        "form": "thematic",
        "scope": "locality",
        "launcher": "org:ubnd-huyen",
        "parent": "campaign:ca-nuoc-ntm",
        "start": D(2016, 1, 1),
        "end": D(2020, 12, 31),
        "summary": "Phong trào do UBND huyện Lý Sơn phát động giai đoạn 2016–2020: làm đường, giữ vệ sinh "
        "môi trường, phát triển sản xuất hành tỏi và khai thác hải sản.",
        "goals": "<p>Huy động người dân, doanh nghiệp cùng chung sức hoàn thành các tiêu chí nông thôn mới.</p>",
        "milestones": [
            ("launch", D(2016, 3, 15), "Lễ phát động toàn huyện"),
            ("interim", D(2018, 7, 10), "Sơ kết giữa giai đoạn"),
            ("final", D(2020, 12, 18), "Tổng kết giai đoạn 2016–2020"),
        ],
    },
    {
        "key": "campaign:ly-son-ntm-2021",
        "title": "Lý Sơn chung sức xây dựng nông thôn mới (2021–2025)",
        "slug": "ly-son-chung-suc-xay-dung-nong-thon-moi-2021-2025",
        "slogan": "Lý Sơn chung sức xây dựng nông thôn mới",
        "form": "thematic",
        "scope": "locality",
        "launcher": "org:ubnd-huyen",
        "parent": "campaign:ca-nuoc-ntm",
        "start": D(2021, 1, 1),
        "end": D(2025, 12, 31),
        "summary": "Giai đoạn hai của phong trào nông thôn mới trên đảo, gắn với bảo vệ môi trường biển "
        "và các mô hình cộng đồng.",
        "milestones": [
            ("launch", D(2021, 4, 2), "Phát động giai đoạn 2021–2025"),
            ("interim", D(2023, 6, 20), "Sơ kết 3 năm"),
        ],
    },
    {
        "key": "campaign:ca-nuoc-nguoi-ngheo",
        "title": "Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
        "slug": "ca-nuoc-chung-tay-vi-nguoi-ngheo",
        "slogan": "Không để ai bị bỏ lại phía sau",
        "form": "regular",
        "scope": "national",
        "launcher": "org:thu-tuong",
        "document_number": "1730/QĐ-TTg",
        "document_date": D(2016, 9, 5),
        "start": D(2016, 9, 5),
        "end": None,
        "summary": "Phong trào thi đua toàn quốc vì người nghèo do Thủ tướng Chính phủ phát động.",
        "milestones": [("launch", D(2016, 9, 5), "Thủ tướng Chính phủ phát động")],
    },
    {
        "key": "campaign:ly-son-nguoi-ngheo",
        "title": "Lý Sơn chung tay vì người nghèo – Không để ai bị bỏ lại phía sau (2021–2025)",
        "slug": "ly-son-chung-tay-vi-nguoi-ngheo-2021-2025",
        "slogan": "Không để ai bị bỏ lại phía sau",
        "form": "thematic",
        "scope": "locality",
        "launcher": "org:ubnd-huyen",
        "parent": "campaign:ca-nuoc-nguoi-ngheo",
        "start": D(2021, 1, 1),
        "end": D(2025, 12, 31),
        "summary": "Phong trào của huyện Lý Sơn giai đoạn 2021–2025, được chọn để xây dựng và nhân rộng điển "
        "hình tiên tiến; sinh ra các mô hình “nuôi heo đất, gửi yêu thương” và “góp quỹ cho học sinh nghèo hiếu học”.",
        "milestones": [
            ("launch", D(2021, 5, 19), "Phát động nhân ngày sinh Chủ tịch Hồ Chí Minh"),
            ("interim", D(2023, 10, 17), "Sơ kết nhân Ngày vì người nghèo"),
        ],
    },
    {
        "key": "campaign:van-hoa-cong-so",
        "title": "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở (2019–2025)",
        "slug": "can-bo-cong-chuc-vien-chuc-thi-dua-thuc-hien-van-hoa-cong-so",
        "slogan": "Văn hóa công sở",
        "form": "thematic",
        "scope": "locality",
        "launcher": "org:ubnd-huyen",
        "start": D(2019, 1, 1),
        "end": D(2025, 12, 31),
        "summary": "Phong trào trong các cơ quan hành chính nhà nước của huyện: chuẩn mực giao tiếp, trang phục, "
        "giờ giấc và phục vụ người dân tại Bộ phận Một cửa.",
        "milestones": [
            ("launch", D(2019, 3, 1), "Phát động trong các cơ quan, đơn vị"),
            ("interim", D(2022, 3, 15), "Sơ kết 3 năm"),
        ],
    },
    {
        "key": "campaign:dan-van-kheo",
        "title": "Dân vận khéo",
        "slug": "dan-van-kheo",
        "slogan": "Dân vận khéo thì việc gì cũng thành công",
        "form": "regular",
        "scope": "locality",
        "launcher": "org:ban-dan-van",
        "start": D(2016, 6, 1),
        "end": None,
        "summary": "Phong trào thi đua do Ban Dân vận Huyện ủy phát động, gắn với Chỉ thị số 05-CT/TW ngày "
        "15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "milestones": [("launch", D(2016, 6, 1), "Phát động phong trào")],
    },
    {
        "key": "campaign:ha-tang-tiet-kiem",
        "title": "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí",
        "slug": "day-manh-phat-trien-ket-cau-ha-tang-thuc-hanh-tiet-kiem",
        "form": "thematic",
        "scope": "locality",
        "launcher": "org:ubnd-huyen",
        "start": D(2022, 1, 1),
        "end": D(2025, 12, 31),
        "summary": "Phong trào thi đua theo chuyên đề về hạ tầng và tiết kiệm, chống lãng phí trên địa bàn huyện.",
        "milestones": [("launch", D(2022, 5, 10), "Phát động")],
    },
    {
        "key": "campaign:noi-vu-so-2023",
        "title": "Cán bộ, công chức, viên chức thi đua hoàn thành cơ sở dữ liệu chuyên ngành nội vụ, "
        "góp phần đẩy mạnh chuyển đổi số ngành Nội vụ năm 2023",
        "slug": "thi-dua-co-so-du-lieu-nganh-noi-vu-2023",
        "form": "thematic",
        "scope": "sector",
        "launcher": "org:bo-noi-vu",
        "start": D(2023, 1, 1),
        "end": D(2023, 12, 31),
        "summary": "Phong trào theo chuyên đề của ngành Nội vụ năm 2023, được UBND huyện triển khai trong "
        "cán bộ, công chức, viên chức.",
        "milestones": [
            ("launch", D(2023, 3, 1), "Triển khai tại huyện"),
            ("final", D(2023, 12, 20), "Tổng kết năm 2023"),
        ],
    },
    {
        "key": "campaign:kt-xh-ttg-2021",
        "title": "Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế – xã hội năm 2021 và Kế hoạch 5 năm 2021–2025",
        "slug": "thi-dua-nhiem-vu-kinh-te-xa-hoi-2021-2025",
        "form": "regular",
        "scope": "national",
        "launcher": "org:thu-tuong",
        "document_number": "19/CT-TTg",
        "document_date": D(2021, 7, 16),
        "start": D(2021, 7, 16),
        "end": D(2025, 12, 31),
        "summary": "Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ phát động thi đua thực hiện "
        "thắng lợi nhiệm vụ phát triển kinh tế – xã hội.",
        "milestones": [("launch", D(2021, 7, 16), "Ban hành Chỉ thị 19/CT-TTg")],
    },
    {
        "key": "campaign:kt-xh-tinh-2021",
        "title": "Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế – xã hội tỉnh Quảng Ngãi (2021–2025)",
        "slug": "thi-dua-kinh-te-xa-hoi-quang-ngai-2021-2025",
        "form": "regular",
        "scope": "locality",
        "launcher": "org:ubnd-tinh",
        "parent": "campaign:kt-xh-ttg-2021",
        "document_number": "14/CT-UBND",
        "document_date": D(2021, 8, 6),
        "start": D(2021, 8, 6),
        "end": D(2025, 12, 31),
        "summary": "Chỉ thị số 14/CT-UBND ngày 06/8/2021 của Chủ tịch UBND tỉnh Quảng Ngãi; UBND huyện Lý Sơn "
        "ban hành kế hoạch thực hiện trên địa bàn huyện.",
        "milestones": [("launch", D(2021, 8, 6), "Ban hành Chỉ thị 14/CT-UBND")],
    },
]

# --------------------------------------------------------------------------------------------
# Exemplars. Awards: (award type key, decision number, date, issuer as printed, issuer org key,
# commendation type, achievement, revoked (date, reason) or None)
# --------------------------------------------------------------------------------------------
HUYEN = "Chủ tịch UBND huyện Lý Sơn"
TINH = "Chủ tịch UBND tỉnh Quảng Ngãi"
CONSENT_DATE = D(2024, 6, 1)
CONSENT_NOTE = "Dữ liệu mẫu: phiếu đồng ý giả định do hệ thống tạo, không có người thật."


def _award(type_key, number, date, issuer, org, ctype="campaign", achievement="", revoked=None):
    return {
        "type": type_key,
        "number": number,
        "date": date,
        "issuer": issuer,
        "org": org,
        "ctype": ctype,
        "achievement": achievement,
        "revoked": revoked,
    }


MODEL_GUIDE_STEPS = "<h3>Các bước</h3><ol>{steps}</ol><h3>Cần chuẩn bị</h3><ul>{needs}</ul>"


def _guide(steps: list[str], needs: list[str]) -> str:
    return MODEL_GUIDE_STEPS.format(
        steps="".join(f"<li>{s}</li>" for s in steps), needs="".join(f"<li>{n}</li>" for n in needs)
    )


EXEMPLARS = [
    # ---- the four community models named in the report -----------------------------------
    {
        "key": "exemplar:mo-hinh-thu-gom-rac-bo-bien",
        "slug": "mo-hinh-thu-gom-rac-bo-bien",
        "title": "Mô hình thu gom rác, vỏ chai, bao bì quanh bờ biển",
        "kind": "model",
        "place": "place:thon-bac-an-hai",
        "fields": ["field:moi-truong", "field:dan-van"],
        "campaigns": ["campaign:ly-son-ntm-2021", "campaign:dan-van-kheo"],
        "summary": "Mỗi sáng Chủ nhật, đoàn viên, hội viên và người dân cùng nhặt rác, vỏ chai, bao bì dọc "
        "bờ biển; rác được phân loại, phần tái chế được bán để lấy kinh phí duy trì mô hình.",
        "achievements": "<ul><li>Hơn 40 buổi ra quân mỗi năm.</li><li>Khoảng 12 tấn rác được thu gom năm 2023.</li></ul>",
        "guide": _guide(
            [
                "Chọn một đoạn bờ biển và một tổ trưởng phụ trách.",
                "Thống nhất lịch ra quân cố định (ví dụ sáng Chủ nhật hằng tuần).",
                "Phân loại rác tại chỗ: vỏ chai, bao bì nhựa, rác còn lại.",
                "Liên hệ cơ sở thu mua phế liệu để bán phần tái chế, công khai thu chi.",
            ],
            ["Bao tải, găng tay, kẹp gắp rác", "Điểm tập kết rác có mái che", "Sự đồng thuận của thôn và đoàn thể"],
        ),
        "figures": [("12 tấn", "rác thu gom năm 2023"), ("40+", "buổi ra quân mỗi năm")],
        "awards": [
            _award(
                "award:giay-khen",
                "1521/QĐ-UBND",
                D(2022, 12, 20),
                HUYEN,
                "org:ubnd-huyen",
                achievement="Có thành tích xuất sắc trong phong trào bảo vệ môi trường biển",
            ),
        ],
    },
    {
        "key": "exemplar:mo-hinh-vuon-hoa-cay-xanh",
        "slug": "mo-hinh-vuon-hoa-cay-xanh",
        "title": "Mô hình “Vườn hoa, trồng cây xanh”",
        "kind": "model",
        "place": "place:thon-dong-an-vinh",
        "fields": ["field:moi-truong", "field:van-hoa-the-thao"],
        "campaigns": ["campaign:ly-son-ntm-2016", "campaign:ly-son-ntm-2021"],
        "summary": "Các hộ dân nhận chăm sóc từng đoạn đường hoa, trồng cây bóng mát trên đất đảo khô hạn; "
        "đường làng trở thành nơi sinh hoạt chung và điểm đến của du khách.",
        "achievements": "<ul><li>3 km đường hoa.</li><li>Gần 1.500 cây xanh được trồng và chăm sóc.</li></ul>",
        "guide": _guide(
            [
                "Họp dân chọn tuyến đường, chia đoạn cho từng hộ nhận chăm sóc.",
                "Chọn giống hoa, cây chịu hạn, chịu gió biển.",
                "Lắp đặt hệ thống tưới tiết kiệm nước.",
                "Bình chọn đoạn đường đẹp mỗi quý để giữ phong trào.",
            ],
            ["Cây giống chịu hạn", "Nguồn nước tưới", "Kinh phí khởi đầu từ xã hội hóa"],
        ),
        "figures": [("3 km", "đường hoa"), ("1.500", "cây xanh")],
        "awards": [
            _award("award:giay-khen", "982/QĐ-UBND", D(2019, 8, 12), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:mo-hinh-nuoi-heo-dat",
        "slug": "mo-hinh-nuoi-heo-dat",
        "title": "Mô hình “Nuôi heo đất, gửi yêu thương”",
        "kind": "model",
        "place": "place:thon-tay-an-hai",
        "fields": ["field:nhan-dao-tu-thien"],
        "campaigns": ["campaign:ly-son-nguoi-ngheo"],
        "summary": "Cán bộ, hội viên mỗi người nuôi một con heo đất; cuối năm cùng “mổ heo” để tặng quà, "
        "hỗ trợ sinh kế cho hộ nghèo, hộ cận nghèo trên đảo.",
        "achievements": "<ul><li>Hơn 200 con heo đất mỗi năm.</li><li>35 hộ được hỗ trợ năm 2024.</li></ul>",
        "guide": _guide(
            [
                "Phát động trong chi hội, cơ quan; mỗi người nhận một con heo đất.",
                "Bỏ tiền tiết kiệm hằng ngày, dù ít.",
                "Cuối năm mổ heo công khai, lập danh sách hộ cần hỗ trợ cùng thôn.",
                "Trao quà tận nhà và báo cáo lại cho người đóng góp.",
            ],
            ["Heo đất", "Sổ ghi chép thu chi công khai", "Danh sách hộ khó khăn do thôn xác nhận"],
        ),
        "figures": [("200+", "heo đất mỗi năm"), ("35", "hộ được hỗ trợ năm 2024")],
        "awards": [
            _award("award:giay-khen", "1187/QĐ-UBND", D(2023, 10, 16), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:mo-hinh-gop-quy-hoc-sinh",
        "slug": "mo-hinh-gop-quy-hoc-sinh",
        "title": "Mô hình “Góp quỹ cho học sinh nghèo hiếu học”",
        "kind": "model",
        "place": "place:thon-dong-an-hai",
        "fields": ["field:giao-duc", "field:nhan-dao-tu-thien"],
        "campaigns": ["campaign:ly-son-nguoi-ngheo"],
        "summary": "Giáo viên, phụ huynh và ngư dân góp quỹ nhỏ hằng tháng để trao học bổng, sách vở, áo phao "
        "cho học sinh nghèo hiếu học trên đảo.",
        "achievements": "<ul><li>Trên 120 suất học bổng mỗi năm học.</li></ul>",
        "guide": _guide(
            [
                "Thành lập ban quản lý quỹ gồm nhà trường, hội cha mẹ học sinh, thôn.",
                "Vận động đóng góp định kỳ, công khai danh sách đóng góp.",
                "Xét chọn học sinh theo tiêu chí rõ ràng, có xác nhận của giáo viên chủ nhiệm.",
                "Trao học bổng vào đầu năm học và dịp Tết.",
            ],
            ["Tài khoản hoặc sổ quỹ minh bạch", "Tiêu chí xét chọn", "Người theo dõi kết quả học tập"],
        ),
        "figures": [("120+", "suất học bổng mỗi năm")],
        "awards": [],
    },
    # ---- individuals (fictional) ---------------------------------------------------------
    {
        "key": "exemplar:vo-van-bien",
        "title": "Võ Văn Biển",
        "kind": "individual",
        "gender": "male",
        "birth_year": 1976,
        "occupation": "Thuyền trưởng tàu cá",
        "place": "place:thon-tay-an-vinh",
        "fields": ["field:khai-thac-hai-san", "field:bien-dao-quoc-phong"],
        "campaigns": ["campaign:dan-van-kheo", "campaign:kt-xh-tinh-2021"],
        "summary": "Hơn 25 năm bám biển Hoàng Sa, ông cùng bạn thuyền nhiều lần cứu ngư dân gặp nạn và tích cực "
        "tham gia tổ đoàn kết trên biển, báo tin tàu lạ cho lực lượng chức năng.",
        "achievements": "<ul><li>Cứu 14 ngư dân gặp nạn trên biển (2014–2023).</li></ul>",
        "figures": [("14", "ngư dân được cứu"), ("25 năm", "bám biển")],
        "quote": ("Biển cho mình cái ăn, thì mình cũng phải giữ biển, giữ người.", "Ông Võ Văn Biển"),
        "awards": [
            _award("award:giay-khen", "412/QĐ-UBND", D(2014, 6, 3), HUYEN, "org:ubnd-huyen", "ad_hoc"),
            _award(
                "award:bang-khen-tinh",
                "1780/QĐ-UBND",
                D(2019, 11, 5),
                TINH,
                "org:ubnd-tinh",
                "ad_hoc",
                "Dũng cảm cứu người bị nạn trên biển",
            ),
        ],
    },
    {
        "key": "exemplar:nguyen-thi-hoa",
        "title": "Nguyễn Thị Hoa",
        "kind": "individual",
        "gender": "female",
        "birth_year": 1984,
        "occupation": "Giáo viên tiểu học",
        "place": "place:thon-dong-an-hai",
        "fields": ["field:giao-duc"],
        "campaigns": ["campaign:ly-son-nguoi-ngheo"],
        "summary": "Cô giáo khởi xướng quỹ học bổng nhỏ cho học trò nhà nghèo và dạy bơi miễn phí cho trẻ em "
        "làng biển mỗi mùa hè.",
        "achievements": "<ul><li>Hơn 300 em được dạy bơi miễn phí.</li></ul>",
        "figures": [("300+", "em biết bơi")],
        "quote": ("Trẻ con làng biển mà không biết bơi thì mình không yên lòng.", "Cô Nguyễn Thị Hoa"),
        "awards": [
            _award("award:cstd-co-so", "905/QĐ-UBND", D(2018, 7, 20), HUYEN, "org:ubnd-huyen"),
            _award("award:cstd-co-so", "1032/QĐ-UBND", D(2021, 8, 2), HUYEN, "org:ubnd-huyen"),
            _award("award:bang-khen-tinh", "1355/QĐ-UBND", D(2022, 9, 1), TINH, "org:ubnd-tinh"),
        ],
    },
    {
        "key": "exemplar:tran-van-toi",
        "title": "Trần Văn Tỏi",
        "kind": "individual",
        "gender": "male",
        "birth_year": 1968,
        "occupation": "Nông dân trồng hành, tỏi",
        "place": "place:xa-an-hai",
        "fields": ["field:nong-nghiep", "field:san-xuat-kinh-doanh"],
        "campaigns": ["campaign:ly-son-ntm-2016"],
        "summary": "Nông dân sản xuất giỏi, chia sẻ kỹ thuật phủ cát, tưới tiết kiệm cho bà con; góp ngày công "
        "và đất làm đường bê tông trong phong trào nông thôn mới.",
        "figures": [("600 m", "đường bê tông được góp đất")],
        "awards": [
            _award("award:giay-khen", "38/QĐ-UBND", D(2015, 4, 10), "Chủ tịch UBND xã An Hải", "org:ubnd-xa-an-hai"),
            _award("award:giay-khen", "1201/QĐ-UBND", D(2017, 12, 15), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:pham-thi-lanh",
        "title": "Phạm Thị Lành",
        "kind": "individual",
        "gender": "female",
        "birth_year": 1979,
        "occupation": "Y sĩ",
        "position": "Trạm trưởng",
        "unit": "Trạm y tế (minh họa)",
        "place": "place:thon-an-binh",
        "fields": ["field:y-te"],
        "campaigns": ["campaign:van-hoa-cong-so"],
        "summary": "Nhiều năm làm việc ở đảo Bé, chị trực cấp cứu cả đêm khi biển động, không có tàu vào đất liền.",
        "awards": [
            _award("award:lao-dong-tien-tien", "760/QĐ-UBND", D(2016, 12, 28), HUYEN, "org:ubnd-huyen"),
            _award("award:cstd-co-so", "1419/QĐ-UBND", D(2020, 12, 21), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:le-van-hai",
        "title": "Lê Văn Hải",
        "kind": "individual",
        "gender": "male",
        "birth_year": 1990,
        "occupation": "Dân quân thường trực",
        "place": "place:thon-bac-an-hai",
        "fields": ["field:an-ninh-trat-tu", "field:bien-dao-quoc-phong"],
        "campaigns": ["campaign:dan-van-kheo"],
        "summary": "Anh tham gia tuần tra bờ biển ban đêm, phát hiện và báo kịp thời nhiều vụ việc, "
        "giúp giữ yên bình cho thôn.",
        "awards": [
            _award("award:giay-khen", "655/QĐ-UBND", D(2022, 5, 9), HUYEN, "org:ubnd-huyen", "ad_hoc"),
        ],
    },
    {
        "key": "exemplar:dang-thi-mai",
        "title": "Đặng Thị Mai",
        "kind": "individual",
        "gender": "female",
        "birth_year": 1988,
        "occupation": "Công chức",
        "position": "Chuyên viên",
        "unit": "Cơ quan Tổ chức – Nội vụ huyện (minh họa)",
        "place": "place:huyen-ly-son",
        "fields": ["field:cai-cach-hanh-chinh"],
        "campaigns": ["campaign:van-hoa-cong-so", "campaign:noi-vu-so-2023"],
        "summary": "Chị số hóa hồ sơ thi đua, khen thưởng và hướng dẫn đồng nghiệp gửi hồ sơ qua phần mềm quản lý "
        "thi đua, khen thưởng của tỉnh.",
        "figures": [("2.400", "hồ sơ được số hóa năm 2023")],
        "consent_birth_year": False,
        "awards": [
            _award("award:lao-dong-tien-tien", "1502/QĐ-UBND", D(2021, 12, 24), HUYEN, "org:ubnd-huyen"),
            _award("award:cstd-co-so", "1640/QĐ-UBND", D(2023, 12, 22), HUYEN, "org:ubnd-huyen"),
            _award(
                "award:giay-khen",
                "1655/QĐ-UBND",
                D(2023, 12, 26),
                HUYEN,
                "org:ubnd-huyen",
                achievement="Hoàn thành xuất sắc cơ sở dữ liệu chuyên ngành nội vụ năm 2023",
            ),
        ],
    },
    {
        "key": "exemplar:huynh-van-song",
        "title": "Huỳnh Văn Sóng",
        "kind": "individual",
        "gender": "male",
        "birth_year": 1981,
        "occupation": "Chủ cơ sở lưu trú du lịch",
        "place": "place:thon-dong-an-vinh",
        "fields": ["field:san-xuat-kinh-doanh"],
        "campaigns": ["campaign:ha-tang-tiet-kiem"],
        "summary": "Từ một ngư dân, anh mở cơ sở lưu trú, tạo việc làm cho 12 lao động địa phương và hướng dẫn "
        "du khách giữ gìn cảnh quan đảo.",
        "figures": [("12", "lao động có việc làm")],
        "awards": [
            _award(
                "award:giay-khen",
                "890/QĐ-UBND",
                D(2018, 9, 14),
                HUYEN,
                "org:ubnd-huyen",
                revoked=(
                    D(2019, 6, 3),
                    "Thu hồi theo Quyết định số 702/QĐ-UBND do hồ sơ đề nghị kê khai chưa đúng thời gian hoạt động.",
                ),
            ),
            _award("award:giay-khen", "1733/QĐ-UBND", D(2024, 11, 28), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:bui-thi-cuc",
        "title": "Bùi Thị Cúc",
        "kind": "individual",
        "gender": "female",
        "birth_year": 1965,
        "occupation": "Hội viên phụ nữ",
        "place": "place:thon-tay-an-hai",
        "fields": ["field:nhan-dao-tu-thien"],
        "campaigns": ["campaign:ly-son-nguoi-ngheo"],
        "summary": "Người “giữ heo đất” của chi hội: bà đi từng nhà vận động, ghi chép thu chi từng đồng và tự tay "
        "trao quà cho hộ nghèo.",
        "quote": ("Của ít lòng nhiều, góp lại là thành chuyện lớn.", "Bà Bùi Thị Cúc"),
        "awards": [
            _award("award:giay-khen", "1190/QĐ-UBND", D(2023, 10, 16), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:ngo-van-dao",
        "title": "Ngô Văn Đảo",
        "kind": "individual",
        "gender": "male",
        "birth_year": 1999,
        "occupation": "Đoàn viên thanh niên",
        "place": "place:thon-bac-an-hai",
        "fields": ["field:moi-truong"],
        "campaigns": ["campaign:ly-son-ntm-2021"],
        "summary": "Người trẻ kêu gọi bạn bè ra quân nhặt rác bờ biển mỗi sáng Chủ nhật, khởi đầu cho mô hình "
        "thu gom rác, vỏ chai quanh bờ biển.",
        "awards": [
            _award("award:giay-khen", "1698/QĐ-UBND", D(2024, 3, 25), HUYEN, "org:ubnd-huyen"),
        ],
    },
    # ---- collectives (fictional) --------------------------------------------------------
    {
        "key": "exemplar:to-doan-ket-tay-an-vinh",
        "slug": "to-doan-ket-tay-an-vinh",
        "title": "Tổ đoàn kết khai thác hải sản xa bờ thôn Tây An Vĩnh",
        "kind": "collective",
        "place": "place:thon-tay-an-vinh",
        "fields": ["field:khai-thac-hai-san", "field:bien-dao-quoc-phong"],
        "campaigns": ["campaign:dan-van-kheo", "campaign:kt-xh-tinh-2021"],
        "summary": "Tổ gồm 8 tàu cá cùng ra khơi, hỗ trợ nhau khi hỏng máy, chia sẻ ngư trường và giữ liên lạc "
        "với đất liền.",
        "figures": [("8", "tàu cá"), ("62", "ngư dân")],
        "awards": [
            _award("award:tap-the-ldtt", "1320/QĐ-UBND", D(2017, 12, 20), HUYEN, "org:ubnd-huyen"),
            _award("award:bang-khen-tinh", "2011/QĐ-UBND", D(2021, 12, 30), TINH, "org:ubnd-tinh"),
        ],
    },
    {
        "key": "exemplar:to-hop-tac-hanh-toi-bac-an-hai",
        "slug": "to-hop-tac-hanh-toi-bac-an-hai",
        "title": "Tổ hợp tác trồng hành, tỏi thôn Bắc An Hải",
        "kind": "collective",
        "place": "place:thon-bac-an-hai",
        "fields": ["field:nong-nghiep", "field:san-xuat-kinh-doanh"],
        "campaigns": ["campaign:ly-son-ntm-2016"],
        "summary": "Tổ hợp tác giữ giống tỏi Lý Sơn, bao tiêu sản phẩm cho xã viên và xây dựng nhãn hiệu chung.",
        "awards": [
            _award("award:giay-khen", "1088/QĐ-UBND", D(2016, 11, 30), HUYEN, "org:ubnd-huyen"),
            _award(
                "award:tap-the-ldtt",
                "1450/QĐ-UBND",
                D(2020, 12, 22),
                HUYEN,
                "org:ubnd-huyen",
                revoked=(D(2021, 4, 12), "Thu hồi theo Quyết định số 388/QĐ-UBND do tổ hợp tác tạm ngừng hoạt động."),
            ),
        ],
    },
    {
        "key": "exemplar:chi-doan-tay-an-hai",
        "slug": "chi-doan-tay-an-hai",
        "title": "Chi đoàn thanh niên thôn Tây An Hải",
        "kind": "collective",
        "place": "place:thon-tay-an-hai",
        "fields": ["field:moi-truong", "field:van-hoa-the-thao"],
        "campaigns": ["campaign:ly-son-ntm-2021"],
        "summary": "Chi đoàn duy trì “Ngày Chủ nhật xanh”, sơn vẽ bích họa trên tường rào và tổ chức sân chơi "
        "cho thiếu nhi dịp hè.",
        "awards": [
            _award("award:giay-khen", "1402/QĐ-UBND", D(2023, 8, 28), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:to-y-te-dong-an-vinh",
        "slug": "to-y-te-dong-an-vinh",
        "title": "Tổ y tế cộng đồng thôn Đông An Vĩnh",
        "kind": "collective",
        "place": "place:thon-dong-an-vinh",
        "fields": ["field:y-te"],
        "campaigns": ["campaign:ly-son-nguoi-ngheo"],
        "summary": "Tổ thăm khám tại nhà cho người cao tuổi neo đơn, hướng dẫn sơ cứu cho ngư dân trước mùa biển.",
        "awards": [
            _award("award:tap-the-ldtt", "1566/QĐ-UBND", D(2022, 12, 23), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:doi-dan-phong-an-binh",
        "slug": "doi-dan-phong-an-binh",
        "title": "Đội dân phòng xã An Bình",
        "kind": "collective",
        "place": "place:xa-an-binh",
        "fields": ["field:an-ninh-trat-tu"],
        "campaigns": ["campaign:dan-van-kheo"],
        "summary": "Đội dân phòng trên đảo Bé giữ an ninh trật tự, phòng cháy và hỗ trợ du khách mùa cao điểm.",
        "awards": [
            _award("award:giay-khen", "211/QĐ-UBND", D(2015, 3, 18), HUYEN, "org:ubnd-huyen"),
        ],
    },
    # ---- households (fictional) ---------------------------------------------------------
    {
        "key": "exemplar:ho-vo-van-luoi",
        "slug": "ho-vo-van-luoi",
        "title": "Hộ ông Võ Văn Lưới",
        "kind": "household",
        "place": "place:xa-an-vinh",
        "fields": ["field:khai-thac-hai-san"],
        "campaigns": ["campaign:ly-son-ntm-2016"],
        "summary": "Gia đình ba thế hệ làm nghề biển, nuôi con học hành thành đạt và luôn giúp đỡ bà con láng giềng.",
        "awards": [
            _award(
                "award:gia-dinh-van-hoa",
                "45/QĐ-UBND",
                D(2016, 12, 30),
                "Chủ tịch UBND xã An Vĩnh",
                "org:ubnd-xa-an-vinh",
            ),
            _award("award:gia-dinh-van-hoa", "1510/QĐ-UBND", D(2021, 12, 27), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:ho-truong-thi-nghia",
        "slug": "ho-truong-thi-nghia",
        "title": "Hộ bà Trương Thị Nghĩa",
        "kind": "household",
        "place": "place:thon-bac-an-hai",
        "fields": ["field:nong-nghiep", "field:san-xuat-kinh-doanh"],
        "campaigns": ["campaign:ly-son-ntm-2021"],
        "summary": "Hộ sản xuất giỏi: trồng hành tỏi theo hướng an toàn, nhận bao tiêu và tạo việc làm thời vụ "
        "cho hộ nghèo trong thôn.",
        "awards": [
            _award("award:giay-khen", "1260/QĐ-UBND", D(2022, 10, 14), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:ho-pham-van-thuyen",
        "slug": "ho-pham-van-thuyen",
        "title": "Hộ ông Phạm Văn Thuyền",
        "kind": "household",
        "place": "place:thon-tay-an-hai",
        "fields": ["field:nhan-dao-tu-thien"],
        "campaigns": ["campaign:ly-son-nguoi-ngheo"],
        "summary": "Cả gia đình cùng nuôi heo đất, mỗi năm góp vào quỹ giúp hộ nghèo và trao học bổng cho học sinh.",
        "awards": [
            _award("award:gia-dinh-van-hoa", "1630/QĐ-UBND", D(2023, 12, 21), HUYEN, "org:ubnd-huyen"),
        ],
    },
    {
        "key": "exemplar:ho-le-van-tao",
        "slug": "ho-le-van-tao",
        "title": "Hộ ông Lê Văn Tảo",
        "kind": "household",
        "place": "place:thon-dong-an-vinh",
        "fields": ["field:moi-truong"],
        "campaigns": ["campaign:ly-son-ntm-2021"],
        "summary": "Gia đình nhận chăm sóc đoạn đường hoa trước nhà và ươm cây giống tặng hàng xóm.",
        # Consent withdrawn: the record is kept, the page stays off every public surface.
        "consent_withdrawn": True,
        "awards": [
            _award("award:gia-dinh-van-hoa", "1515/QĐ-UBND", D(2021, 12, 27), HUYEN, "org:ubnd-huyen"),
        ],
    },
]

# --------------------------------------------------------------------------------------------
# Good-deed stories (việc tốt), all fictional. (key, title, slug, date, lead, paragraphs,
# exemplar keys, campaign keys)
# --------------------------------------------------------------------------------------------
AUTHOR = "Phóng viên Trung tâm Truyền thông – Văn hóa – Thể thao (bài mẫu)"
STORIES = [
    {
        "key": "story:cuu-ngu-dan-hoang-sa",
        "slug": "cuu-ngu-dan-hoang-sa",
        "title": "Thuyền trưởng Võ Văn Biển cứu 5 ngư dân gặp nạn",
        "date": D(2019, 10, 22),
        "lead": "Giữa cơn áp thấp, tàu của ông Biển quay lại gần 20 hải lý để đưa 5 ngư dân bám trên thúng chai về bờ.",
        "paragraphs": [
            "Nhận tin qua máy thông tin liên lạc, ông Biển bàn với bạn thuyền quay lại dù sóng lớn.",
            "Sau 6 giờ tìm kiếm, cả 5 ngư dân được cứu an toàn và được tổ đoàn kết đưa về cảng.",
        ],
        "exemplars": ["exemplar:vo-van-bien", "exemplar:to-doan-ket-tay-an-vinh"],
        "campaigns": ["campaign:dan-van-kheo"],
    },
    {
        "key": "story:sang-chu-nhat-xanh",
        "slug": "sang-chu-nhat-xanh",
        "title": "Sáng Chủ nhật xanh trên bờ biển Bắc An Hải",
        "date": D(2023, 4, 16),
        "lead": "Hơn 100 người dân, đoàn viên cùng ra quân thu gom rác, vỏ chai dọc bờ biển.",
        "paragraphs": [
            "Từ 5 giờ sáng, bờ biển đã rộn tiếng cười. Rác được phân loại ngay tại chỗ.",
            "Phần vỏ chai, bao bì bán được góp vào quỹ duy trì mô hình.",
        ],
        "exemplars": ["exemplar:mo-hinh-thu-gom-rac-bo-bien", "exemplar:ngo-van-dao"],
        "campaigns": ["campaign:ly-son-ntm-2021"],
    },
    {
        "key": "story:mo-heo-dat-2024",
        "slug": "mo-heo-dat-2024",
        "title": "“Mổ heo đất” cuối năm, 35 hộ nghèo có Tết ấm",
        "date": D(2024, 1, 28),
        "lead": "Chi hội phụ nữ thôn Tây An Hải đập heo đất, góp được hơn 40 triệu đồng để trao quà Tết.",
        "paragraphs": [
            "Bà Bùi Thị Cúc đọc to từng khoản thu chi trước khi trao quà.",
            "Nhiều gia đình, như hộ ông Phạm Văn Thuyền, góp cả heo đất của các cháu nhỏ.",
        ],
        "exemplars": ["exemplar:mo-hinh-nuoi-heo-dat", "exemplar:bui-thi-cuc", "exemplar:ho-pham-van-thuyen"],
        "campaigns": ["campaign:ly-son-nguoi-ngheo"],
    },
    {
        "key": "story:hoc-bong-dau-nam-hoc",
        "slug": "hoc-bong-dau-nam-hoc",
        "title": "120 suất học bổng cho học sinh nghèo hiếu học trên đảo",
        "date": D(2023, 9, 5),
        "lead": "Quỹ do giáo viên, phụ huynh và ngư dân góp đã trao học bổng, sách vở và áo phao cho học sinh.",
        "paragraphs": [
            "Cô giáo Nguyễn Thị Hoa nói quỹ bắt đầu từ vài chục nghìn đồng mỗi tháng.",
            "Năm nay có thêm áo phao cho các em đi học bằng đò giữa hai đảo.",
        ],
        "exemplars": ["exemplar:mo-hinh-gop-quy-hoc-sinh", "exemplar:nguyen-thi-hoa"],
        "campaigns": ["campaign:ly-son-nguoi-ngheo"],
    },
    {
        "key": "story:day-boi-mua-he",
        "slug": "day-boi-mua-he",
        "title": "Lớp học bơi miễn phí cho trẻ em làng biển",
        "date": D(2022, 6, 20),
        "lead": "Mỗi chiều hè, cô Hoa cùng đoàn viên dạy bơi cho trẻ ở bãi tắm an toàn.",
        "paragraphs": ["Lớp học không thu phí; phụ huynh góp áo phao, phao tay."],
        "exemplars": ["exemplar:nguyen-thi-hoa", "exemplar:chi-doan-tay-an-hai"],
        "campaigns": [],
    },
    {
        "key": "story:duong-hoa-dong-an-vinh",
        "slug": "duong-hoa-dong-an-vinh",
        "title": "Con đường hoa ở thôn Đông An Vĩnh",
        "date": D(2020, 3, 8),
        "lead": "Ba cây số đường làng rực rỡ hoa, mỗi đoạn có một hộ nhận chăm sóc.",
        "paragraphs": [
            "Hệ thống tưới nhỏ giọt giúp hoa sống qua mùa khô trên đảo.",
            "Du khách dừng chân chụp ảnh; người dân giữ đường sạch hơn.",
        ],
        "exemplars": ["exemplar:mo-hinh-vuon-hoa-cay-xanh", "exemplar:ho-le-van-tao"],
        "campaigns": ["campaign:ly-son-ntm-2016"],
    },
    {
        "key": "story:gop-dat-lam-duong",
        "slug": "gop-dat-lam-duong",
        "title": "Nông dân góp đất, góp công làm đường bê tông",
        "date": D(2017, 5, 12),
        "lead": "Ông Trần Văn Tỏi hiến hơn 100 m² đất ruộng tỏi để mở rộng đường làng.",
        "paragraphs": ["Nhiều hộ làm theo; 600 m đường hoàn thành trước mùa mưa."],
        "exemplars": ["exemplar:tran-van-toi", "exemplar:to-hop-tac-hanh-toi-bac-an-hai"],
        "campaigns": ["campaign:ly-son-ntm-2016"],
    },
    {
        "key": "story:truc-cap-cuu-dao-be",
        "slug": "truc-cap-cuu-dao-be",
        "title": "Đêm trực cấp cứu ở đảo Bé",
        "date": D(2021, 1, 15),
        "lead": "Biển động, không có tàu vào bờ, chị Lành và đồng nghiệp giữ sức sống cho một sản phụ suốt đêm.",
        "paragraphs": ["Sáng hôm sau, mẹ con được đưa vào đất liền an toàn."],
        "exemplars": ["exemplar:pham-thi-lanh"],
        "campaigns": ["campaign:van-hoa-cong-so"],
    },
    {
        "key": "story:so-hoa-ho-so-khen-thuong",
        "slug": "so-hoa-ho-so-khen-thuong",
        "title": "Số hóa hồ sơ khen thưởng: không còn chờ đợi",
        "date": D(2023, 12, 28),
        "lead": "2.400 hồ sơ thi đua, khen thưởng được số hóa, gửi lên tỉnh qua phần mềm.",
        "paragraphs": ["Chị Đặng Thị Mai hướng dẫn từng cơ quan cách gửi hồ sơ trực tuyến."],
        "exemplars": ["exemplar:dang-thi-mai"],
        "campaigns": ["campaign:noi-vu-so-2023", "campaign:van-hoa-cong-so"],
    },
    {
        "key": "story:tuan-tra-bo-bien",
        "slug": "tuan-tra-bo-bien",
        "title": "Những đêm tuần tra bờ biển",
        "date": D(2022, 4, 30),
        "lead": "Dân quân và dân phòng cùng tuần tra, giữ bình yên cho các thôn ven biển.",
        "paragraphs": ["Nhờ tin báo kịp thời, một vụ trộm ngư cụ đã được ngăn chặn."],
        "exemplars": ["exemplar:le-van-hai", "exemplar:doi-dan-phong-an-binh"],
        "campaigns": ["campaign:dan-van-kheo"],
    },
    {
        "key": "story:homestay-giu-canh-quan",
        "slug": "homestay-giu-canh-quan",
        "title": "Người làm du lịch giữ cảnh quan đảo",
        "date": D(2024, 12, 2),
        "lead": "Cơ sở lưu trú của anh Huỳnh Văn Sóng phát túi vải cho khách, không dùng chai nhựa dùng một lần.",
        "paragraphs": ["12 lao động địa phương có việc làm ổn định quanh năm."],
        "exemplars": ["exemplar:huynh-van-song"],
        "campaigns": ["campaign:ha-tang-tiet-kiem"],
    },
    {
        "key": "story:hoi-nghi-dien-hinh-2020",
        "slug": "hoi-nghi-dien-hinh-2020",
        "title": "Hội nghị điển hình tiên tiến huyện Lý Sơn năm 2020",
        "date": D(2020, 6, 10),
        "lead": "Huyện biểu dương các tập thể, cá nhân tiêu biểu, tiến tới Đại hội Thi đua yêu nước tỉnh Quảng Ngãi "
        "lần thứ VII.",
        "paragraphs": [
            "Hội nghị tổ chức theo Kế hoạch số 25/KH-UBND ngày 24/02/2020 của UBND huyện.",
            "Nhiều tấm gương ngư dân, nông dân, giáo viên được giới thiệu để nhân rộng.",
        ],
        "exemplars": ["exemplar:to-doan-ket-tay-an-vinh", "exemplar:tran-van-toi", "exemplar:ho-vo-van-luoi"],
        "campaigns": ["campaign:ly-son-ntm-2016"],
    },
]

INDEXES = [
    {
        "key": "page:dien-hinh",
        "model": "exemplars.ExemplarIndexPage",
        "title": "Điển hình tiên tiến",
        "slug": "dien-hinh",
        "intro": "<p>Những cá nhân, tập thể, hộ gia đình và mô hình tiêu biểu trên đảo Lý Sơn.</p>",
    },
    {
        "key": "page:phong-trao",
        "model": "campaigns.CampaignIndexPage",
        "title": "Phong trào thi đua",
        "slug": "phong-trao",
        "intro": "<p>Các phong trào thi đua đã và đang triển khai trên đảo, cùng phong trào cấp trên.</p>",
    },
    {
        "key": "page:viec-tot",
        "model": "campaigns.StoryIndexPage",
        "title": "Việc tốt",
        "slug": "viec-tot",
        "intro": "<p>Tin bài về người tốt, việc tốt.</p>",
    },
]

ABOUT = {
    "key": "page:gioi-thieu",
    "title": "Giới thiệu",
    "slug": "gioi-thieu",
    "lead": "<p>Gương Sáng giúp phát hiện, giới thiệu và nhân rộng điển hình tiên tiến trên đảo Lý Sơn.</p>",
    "paragraphs": [
        "<p>Trang do Trung tâm Văn hóa – Thông tin và Truyền thông đặc khu Lý Sơn biên tập, theo tinh thần "
        "Luật Thi đua, khen thưởng số 06/2022/QH15: phát hiện, bồi dưỡng và nhân rộng điển hình tiên tiến.</p>",
        "<h2>Dữ liệu cá nhân</h2><p>Chúng tôi chỉ công bố năm sinh (không ghi ngày sinh), tên thôn (không ghi số "
        "nhà) và chỉ khi người được nêu gương đã đồng ý. Người được nêu gương có thể rút lại đồng ý bất cứ lúc "
        "nào; khi đó hồ sơ được gỡ khỏi trang.</p>",
        "<h2>Về dữ liệu mẫu</h2><p>Bản trình diễn này dùng dữ liệu mẫu: địa bàn, phong trào và mô hình lấy từ "
        "báo cáo tổng kết 10 năm thực hiện Chỉ thị 34-CT/TW của UBND huyện Lý Sơn (2024); mọi nhân vật, hộ gia "
        "đình, tập thể, quyết định khen thưởng và bài viết là <strong>hư cấu</strong>, được ghi rõ trên từng trang. "
        "Tên các thôn là tên minh họa.</p>",
    ],
}

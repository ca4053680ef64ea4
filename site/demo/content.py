"""The demo site's content as plain data, built from the 2024 Lý Sơn ten-year report.

The report is in the repository: `site/demo/report/bao-cao-2024.txt` (UBND huyện Lý Sơn, 2024,
ten years of Directive 34-CT/TW). Every demo fact either quotes it or says it does not:

- from the report, with the quotation carried beside the fact (`"report"` entries below, turned
  into the page's “Nguồn tư liệu” by `report_source()` and checked word for word by
  tests/content/test_demo_truth.py): campaign titles, and their launcher and period where the
  report gives them; the four community models' names; the 2015 and 2020 exemplar conferences
  and their plan documents; the island's 06 thôn (a number, no names);
- from public legal texts, said so: đặc khu Lý Sơn (NQ 1677/NQ-UBTVQH15), the new Quảng Ngãi
  (NQ 202/2025/QH15); the national campaigns and their decisions are outside the report and
  marked illustrative;
- invented and marked “hư cấu” or “minh họa”: every person, household and collective, their
  awards and decision numbers, the thôn names, dates the report does not give (milestones,
  places' older dates), every story and every radio version.

Each entry has a stable `key` so that `seed_demo` can find it again. The centre's name is never
written here: it is `settings.CENTRE_NAME`.
"""

from __future__ import annotations

import datetime
import functools
from pathlib import Path

from django.conf import settings

D = datetime.date

# --------------------------------------------------------------------------------------------
# The report, and how a fact cites it
# --------------------------------------------------------------------------------------------
REPORT_PATH = Path(__file__).resolve().parent / "report" / "bao-cao-2024.txt"
REPORT_NAME = "Báo cáo tổng kết 10 năm thực hiện Chỉ thị số 34-CT/TW, UBND huyện Lý Sơn (2024)"
NOT_IN_REPORT = "báo cáo không nêu"
ILLUSTRATIVE = "minh họa"


@functools.cache
def report_text() -> str:
    """The report as quotable text: the file's words with its Markdown emphasis (*…*) removed."""
    return REPORT_PATH.read_text(encoding="utf-8").replace("*", "")


def in_report(text: str) -> bool:
    """Whether `text` appears word for word in the report (a title may capitalise its first letter)."""
    report = report_text()
    return text in report or (text[:1].lower() + text[1:]) in report


def quoted(spec: dict) -> list[str]:
    """The spec's quotations from the report; refuses one that the report does not contain."""
    quotes = spec["report"]["quotes"]
    for quote in quotes:
        if quote not in report_text():
            raise ValueError(f"{spec['key']}: not in {REPORT_PATH.name}: {quote!r}")
    return quotes


def report_source(spec: dict) -> str:
    """The “Nguồn tư liệu” an editor and a reader see: section, quotation, and what is not given."""
    report = spec["report"]
    parts = [f"{REPORT_NAME}, mục {report['section']}: " + " … ".join(f"“{q}”" for q in quoted(spec)) + "."]
    for label, field in (("Cơ quan phát động", "launcher"), ("Giai đoạn", "period")):
        if field in report and report[field] is None:
            parts.append(f"{label}: {NOT_IN_REPORT}.")
    if report.get("illustrative"):
        parts.append(report["illustrative"])
    return " ".join(parts)


# --------------------------------------------------------------------------------------------
# Places: (key, name, kind, parent key, valid_from, valid_to, predecessor keys, legal basis, note)
# The report describes the island in one sentence (PLACE_QUOTES); the history comes from public
# legal texts or is illustrative, and the note (seen by editors in Settings → Dữ liệu mẫu) says which.
# --------------------------------------------------------------------------------------------
PLACE_QUOTES = {
    "place:huyen-ly-son": "Lý Sơn là huyện đảo nằm về phía Đông Bắc của tỉnh Quảng Ngãi",
    "thon": "có 06 thôn",
}
UNVERIFIED_DATES = "Ngày hiệu lực là minh họa, chưa đối chiếu văn bản gốc; báo cáo 2024 không nêu."
ILLUSTRATIVE_THON = (
    f"Báo cáo 2024 chỉ nói Lý Sơn “{PLACE_QUOTES['thon']}”, không nêu tên thôn. Tên thôn ở đây là minh họa; "
    "người, hộ gia đình, tập thể gắn với thôn trong dữ liệu mẫu là hư cấu."
)
PLACES = [
    (
        "place:kon-tum",
        "Kon Tum",
        "province",
        None,
        None,
        D(2025, 7, 1),
        [],
        "NQ 202/2025/QH15",
        "Nguồn: Nghị quyết số 202/2025/QH15 (văn bản pháp lý công khai); báo cáo 2024 không nói về tỉnh này.",
    ),
    (
        "place:quang-ngai-old",
        "Quảng Ngãi",
        "province",
        None,
        D(1989, 7, 1),
        D(2025, 7, 1),
        [],
        "",
        f"Ngày kết thúc theo Nghị quyết số 202/2025/QH15. Ngày bắt đầu: {UNVERIFIED_DATES}",
    ),
    (
        "place:quang-ngai",
        "Quảng Ngãi",
        "province",
        None,
        D(2025, 7, 1),
        None,
        ["place:quang-ngai-old", "place:kon-tum"],
        "NQ 202/2025/QH15",
        "Tỉnh Quảng Ngãi mới, hợp nhất Quảng Ngãi và Kon Tum từ 1/7/2025, theo Nghị quyết số 202/2025/QH15 "
        "(văn bản pháp lý công khai).",
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
        f"Báo cáo 2024: “{PLACE_QUOTES['place:huyen-ly-son']}”. Ngày thành lập và việc huyện quản lý trực tiếp "
        f"từ 1/2/2020 (không còn cấp xã): {UNVERIFIED_DATES}",
    ),
    (
        "place:xa-an-hai",
        "An Hải",
        "commune",
        "place:huyen-ly-son",
        D(1993, 1, 1),
        D(2020, 2, 1),
        [],
        "",
        UNVERIFIED_DATES,
    ),
    (
        "place:xa-an-vinh",
        "An Vĩnh",
        "commune",
        "place:huyen-ly-son",
        D(1993, 1, 1),
        D(2020, 2, 1),
        [],
        "",
        UNVERIFIED_DATES,
    ),
    (
        "place:xa-an-binh",
        "An Bình",
        "commune",
        "place:huyen-ly-son",
        D(1993, 1, 1),
        D(2020, 2, 1),
        [],
        "",
        UNVERIFIED_DATES,
    ),
    (
        "place:dac-khu-ly-son",
        "Lý Sơn",
        "special_zone",
        "place:quang-ngai",
        D(2025, 7, 1),
        None,
        ["place:huyen-ly-son"],
        "NQ 1677/NQ-UBTVQH15",
        "Nguồn: Nghị quyết số 1677/NQ-UBTVQH15 (văn bản pháp lý công khai); báo cáo 2024 có trước khi đặc khu "
        "được thành lập.",
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
    ("org:ubnd-tinh", "Ủy ban nhân dân tỉnh Quảng Ngãi", "UBND tỉnh Quảng Ngãi", "state", "place:quang-ngai"),
    ("org:so-noi-vu", "Sở Nội vụ tỉnh Quảng Ngãi", "Sở Nội vụ", "state", "place:quang-ngai"),
    ("org:ubnd-huyen", "Ủy ban nhân dân huyện Lý Sơn", "UBND huyện Lý Sơn", "state", "place:huyen-ly-son"),
    ("org:ubnd-dac-khu", "Ủy ban nhân dân đặc khu Lý Sơn", "UBND đặc khu Lý Sơn", "state", "place:dac-khu-ly-son"),
    ("org:ubnd-xa-an-hai", "Ủy ban nhân dân xã An Hải", "UBND xã An Hải", "state", "place:xa-an-hai"),
    ("org:ubnd-xa-an-vinh", "Ủy ban nhân dân xã An Vĩnh", "UBND xã An Vĩnh", "state", "place:xa-an-vinh"),
    (
        "org:mttq-huyen",
        "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Lý Sơn",
        "UBMTTQVN huyện Lý Sơn",
        "front",
        "place:huyen-ly-son",
    ),
    (
        "org:trung-tam-truyen-thong",
        settings.CENTRE_NAME,
        "",  # no abbreviation: the report writes the name in full, and so does the site
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
# A campaign's "report" entry is its evidence: the section, the quotations (word for word from
# the report), and the claims they support — "launcher": (organisation key, as printed) and
# "period": as printed, or None when the report does not give it (the page then says “báo cáo
# không nêu” and the field stays empty). A campaign the report does not name has "outside"
# instead. Milestones are (kind, date, note, date as printed in the report or None); a date the
# report does not print is marked “minh họa” in its note.
# --------------------------------------------------------------------------------------------
CAMPAIGN_NOTE = (
    "Ghi chú dữ liệu mẫu: nguồn của từng thông tin ở mục “Nguồn tư liệu”. Hình thức, phạm vi, ngày "
    "01/01 và 31/12 của giai đoạn (báo cáo chỉ nêu năm) và các mốc ghi “minh họa” không lấy từ báo cáo."
)
Q_LAUNCHED_BY_HUYEN = "các phong trào thi đua do UBND huyện Lý Sơn phát động"
Q_NTM_2016 = f"{Q_LAUNCHED_BY_HUYEN}: “Lý Sơn chung sức xây dựng nông thôn mới” giai đoạn 2016-2020"
Q_DIRECTIVES_2021 = (
    "Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ và Chỉ thị số 14/CT-UBND ngày 06/8/2021 "
    "của Chủ tịch Ủy ban nhân dân tỉnh về việc phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển "
    "kinh tế - xã hội hàng năm và Kế hoạch 5 năm (2021-2025)"
)
HUYEN_AS_PRINTED = ("org:ubnd-huyen", "UBND huyện Lý Sơn")
OUTSIDE_NATIONAL = (
    "Phong trào toàn quốc, không có trong báo cáo tổng kết 10 năm thực hiện Chỉ thị số 34-CT/TW của UBND "
    "huyện Lý Sơn (2024). Số, ngày văn bản theo văn bản công khai của Thủ tướng Chính phủ, dự án chưa đối "
    "chiếu bản gốc: minh họa."
)

CAMPAIGNS = [
    {
        "key": "campaign:ca-nuoc-ntm",
        "title": "Cả nước chung sức xây dựng nông thôn mới",
        "slug": "ca-nuoc-chung-suc-xay-dung-nong-thon-moi",
        "form": "regular",
        "scope": "national",
        "launcher": "org:thu-tuong",
        "document_number": "1620/QĐ-TTg",
        "document_date": D(2011, 9, 20),
        "start": None,
        "end": None,
        "summary": "Phong trào thi đua toàn quốc do Thủ tướng Chính phủ phát động (không có trong báo cáo 2024 "
        "của UBND huyện Lý Sơn; dữ liệu mẫu, minh họa).",
        "outside": OUTSIDE_NATIONAL,
        "milestones": [],
    },
    {
        "key": "campaign:ly-son-ntm-2016",
        "title": "Lý Sơn chung sức xây dựng nông thôn mới",
        "slug": "ly-son-chung-suc-xay-dung-nong-thon-moi-2016-2020",
        "slogan": "Lý Sơn chung sức xây dựng nông thôn mới",
        "form": "thematic",
        "scope": "locality",
        "launcher": "org:ubnd-huyen",
        "parent": "campaign:ca-nuoc-ntm",
        "start": D(2016, 1, 1),
        "end": D(2020, 12, 31),
        "summary": "Phong trào thi đua do UBND huyện Lý Sơn phát động, giai đoạn 2016-2020.",
        "report": {
            "section": "II.1",
            "quotes": [Q_NTM_2016],
            "launcher": HUYEN_AS_PRINTED,
            "period": "2016-2020",
        },
        "milestones": [
            ("launch", D(2016, 3, 15), "Lễ phát động toàn huyện (ngày minh họa)", None),
            ("interim", D(2018, 7, 10), "Sơ kết giữa giai đoạn (ngày minh họa)", None),
            ("final", D(2020, 12, 18), "Tổng kết giai đoạn 2016-2020 (ngày minh họa)", None),
        ],
    },
    {
        "key": "campaign:ly-son-ntm-2021",
        "title": "Lý Sơn chung sức xây dựng nông thôn mới",
        "slug": "ly-son-chung-suc-xay-dung-nong-thon-moi-2021-2025",
        "slogan": "Lý Sơn chung sức xây dựng nông thôn mới",
        "form": "thematic",
        "scope": "locality",
        "launcher": "org:ubnd-huyen",
        "parent": "campaign:ca-nuoc-ntm",
        "start": D(2021, 1, 1),
        "end": D(2025, 12, 31),
        "summary": "Giai đoạn 2021 - 2025 của phong trào thi đua “Lý Sơn chung sức xây dựng nông thôn mới”.",
        "report": {
            "section": "II.2.b và II.1",
            "quotes": [
                "tổ chức, phát động phong trào thi đua “Lý Sơn chung sức xây dựng nông thôn mới” giai đoạn 2021 - 2025",
                Q_NTM_2016,
            ],
            "launcher": HUYEN_AS_PRINTED,
            "period": "2021 - 2025",
        },
        "milestones": [
            ("launch", D(2021, 4, 2), "Phát động giai đoạn 2021-2025 (ngày minh họa)", None),
            ("interim", D(2023, 6, 20), "Sơ kết 3 năm (ngày minh họa)", None),
        ],
    },
    {
        "key": "campaign:ca-nuoc-nguoi-ngheo",
        "title": "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        "slug": "ca-nuoc-chung-tay-vi-nguoi-ngheo",
        "form": "regular",
        "scope": "national",
        "launcher": "org:thu-tuong",
        "document_number": "1730/QĐ-TTg",
        "document_date": D(2016, 9, 5),
        "start": None,
        "end": None,
        "summary": "Phong trào thi đua toàn quốc vì người nghèo do Thủ tướng Chính phủ phát động (không có trong "
        "báo cáo 2024 của UBND huyện Lý Sơn; dữ liệu mẫu, minh họa).",
        "outside": OUTSIDE_NATIONAL,
        "milestones": [],
    },
    {
        "key": "campaign:ly-son-nguoi-ngheo",
        "title": "Lý Sơn chung tay vì người nghèo - Không để ai bị bỏ lại phía sau",
        "slug": "ly-son-chung-tay-vi-nguoi-ngheo-2021-2025",
        "slogan": "Không để ai bị bỏ lại phía sau",
        "form": "thematic",
        "scope": "locality",
        "launcher": "org:ubnd-huyen",
        "parent": "campaign:ca-nuoc-nguoi-ngheo",
        "start": D(2021, 1, 1),
        "end": D(2025, 12, 31),
        "summary": "Phong trào thi đua do UBND huyện Lý Sơn phát động; báo cáo nêu phong trào, giai đoạn "
        "2021 -2025, trong số các phong trào dùng để xây dựng và nhân rộng điển hình tiên tiến.",
        "report": {
            "section": "II.1 và II.2.b",
            "quotes": [
                f"{Q_NTM_2016}, “Lý Sơn chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”",
                "để xây dựng và nhân rộng điển hình tiên tiến như: “Lý Sơn chung tay vì người nghèo - Không để ai "
                "bị bỏ lại phía sau” giai đoạn 2021 -2025 trên địa bàn huyện Lý Sơn",
            ],
            "launcher": HUYEN_AS_PRINTED,
            "period": "2021 -2025",
        },
        "milestones": [
            ("launch", D(2021, 5, 19), "Phát động nhân ngày sinh Chủ tịch Hồ Chí Minh (ngày minh họa)", None),
            ("interim", D(2023, 10, 17), "Sơ kết nhân Ngày vì người nghèo (ngày minh họa)", None),
        ],
    },
    {
        "key": "campaign:van-hoa-cong-so",
        "title": "Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở",
        "slug": "can-bo-cong-chuc-vien-chuc-thi-dua-thuc-hien-van-hoa-cong-so",
        "form": "thematic",
        "scope": "locality",
        "launcher": "org:ubnd-huyen",
        "start": D(2019, 1, 1),
        "end": D(2025, 12, 31),
        "summary": "Phong trào thi đua do UBND huyện Lý Sơn phát động, giai đoạn 2019-2025.",
        "report": {
            "section": "II.1",
            "quotes": [
                Q_LAUNCHED_BY_HUYEN,
                "“Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019-2025",
            ],
            "launcher": HUYEN_AS_PRINTED,
            "period": "2019-2025",
        },
        "milestones": [
            ("launch", D(2019, 3, 1), "Phát động trong các cơ quan, đơn vị (ngày minh họa)", None),
            ("interim", D(2022, 3, 15), "Sơ kết 3 năm (ngày minh họa)", None),
        ],
    },
    {
        "key": "campaign:dan-van-kheo",
        "title": "Dân vận khéo",
        "slug": "dan-van-kheo",
        "form": "regular",
        "scope": "locality",
        "launcher": "org:ubnd-huyen",
        "start": None,
        "end": None,
        "summary": "Phong trào thi đua do UBND huyện Lý Sơn phát động, gắn với thực hiện Chỉ thị số 05-CT/TW ngày "
        "15/5/2016 của Bộ Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. "
        "Báo cáo không nêu ngày phát động và giai đoạn.",
        "report": {
            "section": "II.1",
            "quotes": [
                Q_LAUNCHED_BY_HUYEN,
                "và phong trào thi đua “Dân vận khéo” gắn với thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ "
                "Chính trị về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            ],
            "launcher": HUYEN_AS_PRINTED,
            "period": None,
        },
        "milestones": [],
    },
    {
        "key": "campaign:ha-tang-tiet-kiem",
        "title": "Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí",
        "slug": "day-manh-phat-trien-ket-cau-ha-tang-thuc-hanh-tiet-kiem",
        "form": "thematic",
        "scope": "locality",
        "launcher": None,
        "start": None,
        "end": None,
        "summary": "Phong trào thi đua báo cáo nêu trong số các phong trào được tổ chức, phát động; báo cáo không "
        "nêu cơ quan phát động và giai đoạn.",
        "report": {
            "section": "II.2.b",
            "quotes": ["“Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại; thực hành tiết kiệm, chống lãng phí”"],
            "launcher": None,
            "period": None,
        },
        "milestones": [],
    },
    {
        "key": "campaign:noi-vu-so-2023",
        "title": "Cán bộ, công chức, viên chức thi đua hoàn thành cơ sở dữ liệu chuyên ngành thuộc lĩnh vực nội vụ, "
        "góp phần đẩy mạnh chuyển đổi số ngành Nội vụ năm 2023",
        "slug": "thi-dua-co-so-du-lieu-nganh-noi-vu-2023",
        "form": "thematic",
        "scope": "sector",
        "launcher": None,
        "start": None,
        "end": None,
        "summary": "Phong trào thi đua năm 2023 báo cáo nêu trong số các phong trào được tổ chức, phát động; báo "
        "cáo không nêu cơ quan phát động.",
        "report": {
            "section": "II.2.b",
            "quotes": [
                "“Cán bộ, công chức, viên chức thi đua hoàn thành cơ sở dữ liệu chuyên ngành thuộc lĩnh vực nội vụ, "
                "góp phần đẩy mạnh chuyển đổi số ngành Nội vụ năm 2023”"
            ],
            "launcher": None,
            "period": None,
        },
        "milestones": [],
    },
    {
        "key": "campaign:kt-xh-ttg-2021",
        "title": "Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hàng năm và Kế hoạch 5 năm "
        "(2021-2025)",
        "slug": "thi-dua-nhiem-vu-kinh-te-xa-hoi-2021-2025",
        "form": "regular",
        "scope": "national",
        "launcher": "org:thu-tuong",
        "document_number": "19/CT-TTg",
        "document_date": D(2021, 7, 16),
        "start": D(2021, 7, 16),
        "end": D(2025, 12, 31),
        "summary": "Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ; UBND huyện Lý Sơn ban hành kế "
        "hoạch tổ chức thực hiện.",
        "report": {
            "section": "II.1",
            "quotes": [Q_DIRECTIVES_2021, "UBND huyện ban hành Kế hoạch tổ chức thực hiện Chỉ thị số 19/CT-TTg"],
            "launcher": ("org:thu-tuong", "Thủ tướng Chính phủ"),
            "period": "2021-2025",
            "document": "Chỉ thị số 19/CT-TTg ngày 16/7/2021",
        },
        "milestones": [("launch", D(2021, 7, 16), "Ban hành Chỉ thị 19/CT-TTg", "16/7/2021")],
    },
    {
        "key": "campaign:kt-xh-tinh-2021",
        "title": "Thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội hàng năm và Kế hoạch 5 năm "
        "(2021-2025)",
        "slug": "thi-dua-kinh-te-xa-hoi-quang-ngai-2021-2025",
        "form": "regular",
        "scope": "locality",
        "launcher": "org:ubnd-tinh",
        "parent": "campaign:kt-xh-ttg-2021",
        "document_number": "14/CT-UBND",
        "document_date": D(2021, 8, 6),
        "start": D(2021, 8, 6),
        "end": D(2025, 12, 31),
        "summary": "Chỉ thị số 14/CT-UBND ngày 06/8/2021 của Chủ tịch Ủy ban nhân dân tỉnh; UBND huyện Lý Sơn ban "
        "hành kế hoạch tổ chức thực hiện.",
        "report": {
            "section": "II.1",
            "quotes": [Q_DIRECTIVES_2021],
            "launcher": ("org:ubnd-tinh", "Chủ tịch Ủy ban nhân dân tỉnh"),
            "period": "2021-2025",
            "document": "Chỉ thị số 14/CT-UBND ngày 06/8/2021",
        },
        "milestones": [("launch", D(2021, 8, 6), "Ban hành Chỉ thị 14/CT-UBND", "06/8/2021")],
    },
]


def campaign_source(spec: dict) -> str:
    """A campaign's “Nguồn tư liệu”: the report's words, or why it is outside the report."""
    if "report" not in spec:
        return spec["outside"]
    source = report_source(spec)
    if spec.get("parent"):
        source += " Phong trào cấp trên: minh họa, báo cáo không nêu."
    return source


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


# --------------------------------------------------------------------------------------------
# Radio versions (bản đọc phát thanh), written for the ear: short sentences, numbers in words,
# no abbreviations. All invented, like the people and stories they tell about. The demo week's
# running order is RADIO_WEEK, at the end of this module.
# --------------------------------------------------------------------------------------------
RADIO_VO_VAN_BIEN = """\
Hơn hai mươi lăm năm bám biển Hoàng Sa, ông Biển cùng bạn thuyền đã cứu giúp mười bốn ngư dân gặp nạn. \
Với ông, mỗi chuyến ra khơi không chỉ để mưu sinh, mà còn để góp phần giữ biển, giữ người.

Bà con trong thôn vẫn nhắc mãi chuyến biển cuối tháng mười năm hai nghìn không trăm mười chín. Khi áp thấp \
nhiệt đới tràn qua ngư trường, tàu của ông đang trên đường về nơi tránh trú thì nhận được tin báo qua máy \
thông tin liên lạc: một tàu cá bị sóng đánh chìm, năm ngư dân đang bám trên thúng chai giữa biển. Không chần \
chừ, ông bàn với anh em trong tàu quay lại, chạy ngược sóng gần hai mươi hải lý. Sau sáu giờ tìm kiếm trong \
mưa gió, cả năm ngư dân được đưa lên tàu an toàn. Các tàu trong Tổ đoàn kết khai thác hải sản xa bờ thôn Tây \
An Vĩnh, nơi ông là thành viên, cũng kịp thời ra hỗ trợ, cùng đưa các ngư dân về cảng.

Nhắc lại chuyện cũ, ông Biển chỉ cười hiền: “Biển cho mình cái ăn, thì mình cũng phải giữ biển, giữ người. \
Ở giữa biển, thấy người gặp nạn thì không ai được bỏ đi.”

Không chỉ cứu người, ông còn là thành viên tích cực của tổ đoàn kết trên biển. Trong mỗi chuyến đi, tàu của \
ông giữ liên lạc thường xuyên với đất liền, chia sẻ ngư trường với tàu bạn, kịp thời báo tin tàu lạ cho lực \
lượng chức năng. Trước mỗi chuyến ra khơi, ông đều nhắc bạn thuyền kiểm tra máy móc, mang đủ áo phao, thuốc \
men và nước ngọt.

Ghi nhận những việc làm ấy, năm hai nghìn không trăm mười bốn, ông được Chủ tịch Ủy ban nhân dân huyện Lý Sơn \
tặng Giấy khen. Năm hai nghìn không trăm mười chín, ông được Chủ tịch Ủy ban nhân dân tỉnh Quảng Ngãi tặng \
Bằng khen vì đã dũng cảm cứu người bị nạn trên biển. Giữa biển khơi sóng gió, tấm lòng của người thuyền \
trưởng làng biển vẫn vững vàng như chính con tàu của ông."""

RADIO_THU_GOM_RAC = """\
Mô hình ra đời từ một sáng Chủ nhật, khi anh Ngô Văn Đảo, đoàn viên thanh niên của thôn, rủ bạn bè mang bao \
tải ra bờ biển nhặt rác. Từ vài người ban đầu, đến nay, mỗi sáng Chủ nhật có hàng chục đoàn viên, hội viên \
phụ nữ, cựu chiến binh và bà con trong thôn cùng ra quân.

Cách làm rất đơn giản. Mỗi đoạn bờ biển có một tổ trưởng phụ trách. Rác được phân loại ngay tại chỗ: vỏ \
chai, bao bì nhựa để riêng, rác còn lại đưa về điểm tập kết để xe thu gom chở đi. Vỏ chai, bao bì được bán \
cho cơ sở thu mua phế liệu. Tiền bán được ghi chép, công khai và dùng để mua bao tải, găng tay, kẹp gắp rác \
cho những buổi sau. Nhờ vậy, mô hình tự duy trì mà không phải xin thêm kinh phí.

Riêng năm hai nghìn không trăm hai mươi ba, mô hình tổ chức hơn bốn mươi buổi ra quân, thu gom khoảng mười \
hai tấn rác. Bờ biển sạch hơn, du khách đến thôn đông hơn. Điều đáng quý là ý thức của người dân đã thay \
đổi: nhiều hộ kinh doanh ven biển tự đặt thùng rác, nhắc khách không để lại rác trên bãi cát.

Thấy cách làm hiệu quả, các thôn Đông An Hải, Tây An Vĩnh và An Bình đã về học tập và làm theo. Mỗi nơi chọn \
một đoạn bờ biển, cử tổ trưởng, thống nhất lịch ra quân và công khai thu chi như ở Bắc An Hải. Mô hình được \
Chủ tịch Ủy ban nhân dân huyện tặng Giấy khen vì có thành tích xuất sắc trong phong trào bảo vệ môi trường biển.

Thưa quý vị, thôn, tổ dân phố nào muốn làm theo có thể liên hệ Chi đoàn thanh niên thôn Bắc An Hải để được \
hướng dẫn. Chỉ cần vài chiếc bao tải, đôi găng tay và sự đồng lòng của bà con, bờ biển quê mình sẽ luôn xanh, \
sạch, đẹp."""

RADIO_TRUC_CAP_CUU = """\
Đảo Bé chỉ cách đảo Lớn một quãng biển ngắn, nhưng những ngày biển động, tàu thuyền không thể qua lại. Khi \
ấy, mọi ca bệnh trên đảo đều trông cậy vào trạm y tế nhỏ với vài cán bộ.

Một đêm giữa tháng một năm hai nghìn không trăm hai mươi mốt, gió mùa đông bắc thổi mạnh, biển động dữ dội. \
Gần nửa đêm, một sản phụ trên đảo chuyển dạ sớm và mất nhiều máu. Không thể đưa vào đất liền, chị Phạm Thị \
Lành, y sĩ, trạm trưởng trạm y tế, cùng hai đồng nghiệp quyết định giữ sản phụ lại trạm, vừa cấp cứu, vừa \
xin ý kiến các bác sĩ tuyến trên qua điện thoại.

Suốt đêm, chị Lành không rời giường bệnh. Chị theo dõi từng nhịp tim, từng lần đo huyết áp, động viên sản \
phụ và người nhà giữ bình tĩnh. Gần sáng, em bé chào đời, mẹ tròn con vuông. Sáng hôm sau, khi gió vừa lặng, \
hai mẹ con được đưa vào đất liền an toàn, có cán bộ trạm y tế đi cùng.

Ngoài những đêm trực, chị Lành còn thường xuyên đến tận nhà thăm khám cho người cao tuổi neo đơn, hướng dẫn \
bà con cách phòng bệnh trong mùa nắng nóng, mùa mưa bão. Với bà con đảo Bé, chị như người thân trong nhà.

Nhắc về đêm trực ấy, chị Lành nói giản dị: “Ở đảo Bé, trạm y tế là chỗ dựa của bà con. Biển càng động, mình \
càng phải vững.” Nhiều năm công tác ở đảo, chị đã không ít lần trực xuyên đêm như thế. Với tinh thần trách \
nhiệm và tấm lòng của người thầy thuốc, chị đã được tặng danh hiệu Lao động tiên tiến và Chiến sĩ thi đua \
cơ sở."""

RADIO_HOC_BOI = """\
Ở làng biển, trẻ con lớn lên cạnh sóng nước, nhưng không phải em nào cũng biết bơi. Mỗi mùa hè, nỗi lo đuối \
nước lại khiến nhiều phụ huynh trên đảo thấp thỏm.

Trăn trở với nỗi lo ấy, cô giáo Nguyễn Thị Hoa, giáo viên tiểu học ở thôn Đông An Hải, đã mở lớp dạy bơi \
miễn phí cho học trò. Mỗi chiều hè, khi nắng đã dịu, cô cùng các đoàn viên Chi đoàn thanh niên thôn Tây An Hải \
đưa các em ra bãi tắm an toàn, có phao tiêu khoanh vùng và người lớn đứng canh.

Các em được học từ những điều đơn giản nhất: làm quen với nước, nín thở, thả nổi, rồi mới tập bơi. Cô Hoa \
còn dạy các em cách tự cứu mình khi bị chuột rút, cách gọi người lớn khi thấy bạn gặp nguy hiểm, và tuyệt \
đối không nhảy xuống nước cứu bạn khi mình chưa bơi giỏi.

Lớp học không thu một đồng học phí. Phụ huynh góp áo phao, phao tay; ngư dân trong thôn góp dây, góp phao \
tiêu. Đến nay, đã có hơn ba trăm em biết bơi nhờ những buổi chiều hè như thế. Cô Hoa tâm sự: “Trẻ con làng \
biển mà không biết bơi thì mình không yên lòng. Mỗi em biết bơi là mỗi gia đình bớt đi một nỗi lo.”"""

RADIO_MO_HEO_DAT = """\
Những ngày giáp Tết, tại nhà văn hóa thôn Tây An Hải, Chi hội phụ nữ thôn tổ chức “mổ heo đất”, khép lại một \
năm thực hiện mô hình “Nuôi heo đất, gửi yêu thương”. Hơn hai trăm con heo đất được mang đến, mỗi con là \
những đồng tiền lẻ mà hội viên, cán bộ và cả các cháu nhỏ dành dụm suốt một năm.

Trước đông đủ bà con, bà Bùi Thị Cúc, người giữ sổ quỹ của chi hội, đọc to từng khoản thu, từng khoản chi. \
Tổng cộng, chi hội góp được hơn bốn mươi triệu đồng. Số tiền được dùng để mua quà Tết, trao tận tay ba mươi \
lăm hộ nghèo, hộ cận nghèo trong thôn, trong đó có những cụ già neo đơn và những gia đình có người ốm đau \
dài ngày. Các hội viên đến tận nhà từng hộ để trao quà, hỏi han hoàn cảnh, ghi lại những khó khăn cần tiếp \
tục giúp đỡ trong năm tới. Cầm phần quà trên tay, một cụ bà neo đơn trong thôn xúc động nói: năm nay nhà \
có Tết rồi.

Nhiều gia đình góp cả heo đất của con cháu. Hộ ông Phạm Văn Thuyền năm nào cũng góp trọn những con heo đất \
của các cháu nội. Ông Thuyền bảo, để các cháu nuôi heo đất là để các cháu học cách thương người từ khi còn nhỏ.

Bà Cúc chia sẻ: “Của ít lòng nhiều, góp lại là thành chuyện lớn. Mình làm đều đặn, công khai từng đồng thì \
ai góp cũng yên lòng.” Từ thôn Tây An Hải, mô hình đã được nhiều chi hội phụ nữ và nhiều cơ quan trên đảo \
học tập, làm theo."""

RADIO_TONG_KET_NGUOI_NGHEO = """\
Thưa quý vị, phong trào thi đua “Lý Sơn chung tay vì người nghèo, không để ai bị bỏ lại phía sau” được phát \
động ngày mười chín tháng năm năm hai nghìn không trăm hai mươi mốt, nhân kỷ niệm ngày sinh Chủ tịch Hồ Chí \
Minh. Sau năm năm thực hiện, phong trào đã khép lại giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn \
không trăm hai mươi lăm với nhiều cách làm hay và nhiều tấm gương tiêu biểu.

Tại hội nghị tổng kết, Ủy ban nhân dân đặc khu Lý Sơn đánh giá: phong trào đã huy động được sức mạnh của cả \
cộng đồng. Cán bộ, hội viên các đoàn thể, ngư dân, nông dân và các cơ sở kinh doanh cùng góp công, góp của, \
giúp hộ nghèo, hộ cận nghèo từng bước ổn định cuộc sống.

Từ phong trào, nhiều mô hình đã ra đời và lan tỏa. Tiêu biểu là mô hình “Nuôi heo đất, gửi yêu thương” của \
hội viên phụ nữ, và mô hình “Góp quỹ cho học sinh nghèo hiếu học” của giáo viên, phụ huynh và ngư dân, mỗi \
năm học trao hơn một trăm hai mươi suất học bổng, kèm sách vở và áo phao cho học sinh trên đảo.

Hội nghị cũng thẳng thắn chỉ ra hạn chế: việc nhân rộng các điển hình tiên tiến còn chưa nhiều, có mô hình \
mới dừng lại ở một thôn. Thời gian tới, đặc khu tiếp tục phát hiện, bồi dưỡng và nhân rộng những cách làm \
hay, để phong trào đi vào chiều sâu, thật sự không để ai bị bỏ lại phía sau.

Quý vị biết tấm gương người tốt, việc tốt nào ở thôn xóm mình, xin hãy giới thiệu với chuyên mục, để những \
câu chuyện đẹp ấy được lan tỏa trên sóng phát thanh của đảo nhà."""


EXEMPLARS = [
    # ---- the four community models named in the report -----------------------------------
    {
        "key": "exemplar:mo-hinh-thu-gom-rac-bo-bien",
        "report": {"section": "II.2.b", "quotes": ["thu gom rác, vỏ chai, bao bì quanh bờ biển"]},
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
        "radio_text": RADIO_THU_GOM_RAC,
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
        "report": {"section": "II.2.b", "quotes": ["vườn hoa, trồng cây xanh"]},
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
        "report": {"section": "II.2.b", "quotes": ["nuôi heo đất, gửi yêu thương"]},
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
        "report": {"section": "II.2.b", "quotes": ["góp quỹ cho học sinh nghèo hiếu học"]},
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
        "story": [
            "Ông Biển theo cha đi biển từ năm 18 tuổi và nhận làm thuyền trưởng khi mới ngoài 30. Tàu của ông là "
            "một trong 8 tàu của Tổ đoàn kết khai thác hải sản xa bờ thôn Tây An Vĩnh.",
            "Đêm cuối tháng 10/2019, giữa cơn áp thấp, tàu của ông quay lại gần 20 hải lý để cứu 5 ngư dân bám "
            "trên thúng chai.",
        ],
        "quote": ("Biển cho mình cái ăn, thì mình cũng phải giữ biển, giữ người.", "Ông Võ Văn Biển"),
        "radio_text": RADIO_VO_VAN_BIEN,
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

FICTIONAL_SOURCE = {
    "individual": "Nhân vật hư cấu, dùng làm dữ liệu mẫu.",
    "household": "Hộ gia đình hư cấu, dùng làm dữ liệu mẫu.",
    "collective": "Tập thể hư cấu, dùng làm dữ liệu mẫu.",
}


def exemplar_source(spec: dict) -> str:
    """A profile's “Nguồn tư liệu”: a model names the report for its name only; people are fictional."""
    if "report" in spec:
        (name,) = quoted(spec)
        return (
            f"Báo cáo 2024 của UBND huyện Lý Sơn (mục {spec['report']['section']}) nêu mô hình “{name}”; nơi làm, "
            "người làm, số liệu, khen thưởng, câu chuyện là hư cấu (dữ liệu mẫu)."
        )
    return FICTIONAL_SOURCE[spec["kind"]]


# --------------------------------------------------------------------------------------------
# Adoptions (nhân rộng) of the four models. The report names the models and says only that they
# “tạo lan tỏa trong cộng đồng” (Q_SPREAD); it names no place, unit or date where one was taken
# up. So every adoption here is illustrative, says so in its source, and its adopters are
# invented collectives in the illustrative thôn (ILLUSTRATIVE_THON).
# (place key, adopter kind, adopter name, since, status, until, results text, figures)
# --------------------------------------------------------------------------------------------
Q_SPREAD = "tạo lan tỏa trong cộng đồng"
ADOPTION_SOURCE = (
    f"Minh họa (dữ liệu mẫu). Báo cáo 2024, mục II.2.b, chỉ nói các mô hình “{Q_SPREAD}”, không nêu nơi, "
    "đơn vị hay thời điểm nhân rộng; nơi làm theo, tập thể và số liệu ở đây là hư cấu."
)
ADOPTIONS = {
    "exemplar:mo-hinh-thu-gom-rac-bo-bien": [
        (
            "place:thon-dong-an-hai",
            "collective",
            "Chi đoàn thôn Đông An Hải (tập thể hư cấu)",
            D(2019, 3, 3),
            "active",
            None,
            "Ra quân nhặt rác bờ biển sáng Chủ nhật cuối tháng.",
            [(24, "buổi", "ra quân năm 2023")],
        ),
        (
            "place:thon-tay-an-vinh",
            "collective",
            "Tổ phụ nữ tự quản bờ biển thôn Tây An Vĩnh (tập thể hư cấu)",
            D(2021, 6, 5),
            "active",
            None,
            "Thu gom, phân loại vỏ chai bán phế liệu lấy quỹ.",
            [(3, "tấn", "rác năm 2023")],
        ),
        (
            "place:thon-an-binh",
            "community",
            "Cộng đồng dân cư thôn An Bình (hư cấu)",
            D(2023, 4, 16),
            "paused",
            D(2024, 9, 1),
            "Tạm dừng trong mùa mưa bão, dự kiến làm lại.",
            [],
        ),
    ],
    "exemplar:mo-hinh-vuon-hoa-cay-xanh": [
        (
            "place:thon-tay-an-vinh",
            "community",
            "Các hộ dân tuyến đường liên thôn Tây An Vĩnh (hư cấu)",
            D(2018, 2, 10),
            "active",
            None,
            "Nhận chăm sóc tuyến đường hoa dài khoảng 1 km.",
            [(1, "km", "đường hoa")],
        ),
        (
            "place:thon-bac-an-hai",
            "unit",
            "Một trường tiểu học trên đảo (đơn vị hư cấu)",
            D(2020, 9, 5),
            "active",
            None,
            "Học sinh trồng và chăm sóc cây bóng mát trong sân trường.",
            [(120, "cây", "cây xanh đã trồng")],
        ),
        (
            "place:thon-dong-an-hai",
            "collective",
            "Chi hội Cựu chiến binh thôn Đông An Hải (tập thể hư cấu)",
            D(2022, 3, 26),
            "stopped",
            D(2023, 12, 31),
            "Dừng vì thiếu nước tưới mùa khô.",
            [],
        ),
    ],
    "exemplar:mo-hinh-nuoi-heo-dat": [
        (
            "place:thon-dong-an-vinh",
            "collective",
            "Chi hội Phụ nữ thôn Đông An Vĩnh (tập thể hư cấu)",
            D(2017, 10, 20),
            "active",
            None,
            "Mỗi hội viên nuôi một con heo đất, mổ heo dịp cuối năm.",
            [(45, "con", "heo đất năm 2024"), (8, "hộ", "được hỗ trợ năm 2024")],
        ),
        (
            "place:thon-bac-an-hai",
            "collective",
            "Chi đoàn thôn Bắc An Hải (tập thể hư cấu)",
            D(2020, 1, 15),
            "active",
            None,
            "Đoàn viên góp heo đất tặng quà Tết cho hộ khó khăn.",
            [(5, "hộ", "được tặng quà Tết 2024")],
        ),
        (
            "place:thon-an-binh",
            "unit",
            "Một cơ quan đặc khu (đơn vị hư cấu)",
            D(2024, 3, 8),
            "active",
            None,
            "Cán bộ cơ quan nuôi heo đất ủng hộ quỹ vì người nghèo.",
            [],
        ),
    ],
    "exemplar:mo-hinh-gop-quy-hoc-sinh": [
        (
            "place:thon-tay-an-hai",
            "collective",
            "Hội Cha mẹ học sinh một trường trung học cơ sở (tập thể hư cấu)",
            D(2019, 8, 25),
            "active",
            None,
            "Góp quỹ trao học bổng đầu năm học.",
            [(30, "suất", "học bổng năm học 2024–2025")],
        ),
        (
            "place:thon-dong-an-vinh",
            "collective",
            "Tổ đoàn kết ngư dân thôn Đông An Vĩnh (tập thể hư cấu)",
            D(2022, 8, 1),
            "active",
            None,
            "Mỗi chuyến biển trích một phần góp quỹ khuyến học.",
            [(12, "suất", "học bổng năm 2024")],
        ),
    ],
}

# --------------------------------------------------------------------------------------------
# Good-deed stories (việc tốt), all fictional. (key, title, slug, date, lead, paragraphs,
# exemplar keys, campaign keys)
# --------------------------------------------------------------------------------------------
AUTHOR = f"Phóng viên {settings.CENTRE_NAME} (bài mẫu)"
FICTIONAL_STORY_SOURCE = "Bài viết hư cấu, dùng làm dữ liệu mẫu."

# The exemplar conferences the report names (section II.1 and its footnote 1), told only with the
# report's words: it gives the plan documents, not the day, the place or who was honoured. A
# conference's story is dated on its latest plan document, and says so.
Q_CONFERENCES = "Tổ chức Hội nghị điển hình tiên tiến năm 2015, Hội nghị điển hình tiên tiến năm 2020 theo Kế hoạch"
CONFERENCE_GAPS = (
    "Báo cáo không nêu ngày, địa điểm tổ chức và các tập thể, cá nhân được biểu dương; ngày đăng bài này là ngày "
    "của văn bản gần nhất báo cáo nêu (minh họa)."
)


def _conference(year: int, date, plans: list[tuple[str, str]]) -> dict:
    """A conference story from its plan documents: (document as printed with number and date, full quote)."""
    return {
        "key": f"story:hoi-nghi-dien-hinh-{year}",
        "slug": f"hoi-nghi-dien-hinh-{year}",
        "title": f"Hội nghị điển hình tiên tiến năm {year}",
        "date": date,
        "lead": f"Báo cáo tổng kết 10 năm thực hiện Chỉ thị số 34-CT/TW của UBND huyện Lý Sơn ghi huyện đã tổ "
        f"chức Hội nghị điển hình tiên tiến năm {year} theo kế hoạch.",
        "paragraphs": [
            f"Báo cáo (mục II.1): “{Q_CONFERENCES}”.",
            *[f"Văn bản nêu ở chú thích 1 của báo cáo: “{quote}”." for _doc, quote in plans],
            CONFERENCE_GAPS,
        ],
        "report": {
            "section": "II.1, chú thích 1",
            "quotes": [Q_CONFERENCES, *[quote for _doc, quote in plans]],
            "documents": [doc for doc, _quote in plans],
            "illustrative": CONFERENCE_GAPS,
        },
        "exemplars": [],
        "campaigns": [],
    }


CONFERENCES = [
    _conference(
        2015,
        D(2015, 5, 20),
        [
            (
                "Kế hoạch số 94/KH-UBND ngày 10/12/2014",
                "Kế hoạch số 94/KH-UBND ngày 10/12/2014 của UBND huyện Lý Sơn Tổ chức Hội nghị điển hình tiên tiến "
                "huyện Lý Sơn lần thứ IV (2016-2020), tiến tới Đại Hội Thi đua yêu nước tỉnh Quảng Ngãi lần thứ VI "
                "(2015-2020)",
            ),
            (
                "Công văn số 717/UBND ngày 20/5/2015",
                "Công văn số 717/UBND ngày 20/5/2015 của UBND huyện về việc khen thưởng nhân Hội nghị điển hình tiên "
                "tiến huyện và Đại hội Thi đua yêu nước tỉnh Quảng Ngãi lần thứ VI (2015-2020)",
            ),
        ],
    ),
    _conference(
        2020,
        D(2020, 2, 24),
        [
            (
                "Kế hoạch số 164/KH-UBND ngày 13/12/2019",
                "Kế hoạch số 164/KH-UBND ngày 13/12/2019 của UBND huyện về việc tổ chức Hội nghị điển hình tiên tiến "
                "tiến tới Đại hội thi đua yêu nước tỉnh Quảng Ngãi lần thứ VII (2020 - 2025)",
            ),
            (
                "Kế hoạch số 25/KH-UBND ngày 24/02/2020",
                "Kế hoạch số 25/KH-UBND ngày 24/02/2020 Tổ chức Hội nghị điển hình tiên tiến lần thứ IV huyện, giai "
                "đoạn 2020-2025",
            ),
        ],
    ),
]


def story_source(spec: dict) -> str:
    """A story's “Nguồn tư liệu”: the report for a conference, otherwise a fictional story."""
    return report_source(spec) if "report" in spec else FICTIONAL_STORY_SOURCE


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
        "radio_text": RADIO_MO_HEO_DAT,
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
        "radio_text": RADIO_HOC_BOI,
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
        "radio_text": RADIO_TRUC_CAP_CUU,
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
    *CONFERENCES,
    {
        "key": "story:tong-ket-chung-tay-vi-nguoi-ngheo",
        "title": "Tổng kết phong trào “Lý Sơn chung tay vì người nghèo - Không để ai bị bỏ lại phía sau”",
        "slug": "tong-ket-phong-trao-ly-son-chung-tay-vi-nguoi-ngheo",
        "date": D(2025, 12, 19),
        "lead": "Sau năm năm, phong trào để lại nhiều mô hình hay; nhân rộng điển hình tiên tiến vẫn là việc phải "
        "làm tiếp.",
        "paragraphs": [
            "Hội nghị tổng kết giai đoạn 2021–2025 do UBND đặc khu Lý Sơn tổ chức, biểu dương các tập thể, "
            "cá nhân tiêu biểu.",
            "Hai mô hình “Nuôi heo đất, gửi yêu thương” và “Góp quỹ cho học sinh nghèo hiếu học” được đề nghị "
            "tiếp tục nhân rộng ra các thôn còn lại.",
        ],
        "exemplars": ["exemplar:mo-hinh-nuoi-heo-dat", "exemplar:mo-hinh-gop-quy-hoc-sinh"],
        "campaigns": ["campaign:ly-son-nguoi-ngheo"],
        "radio_text": RADIO_TONG_KET_NGUOI_NGHEO,
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

# What the About page says the report gave: each item names a kind of record that carries its
# quotations ("report" entries above); tests/content/test_demo_truth.py holds the page to it.
ABOUT_FROM_REPORT = {
    "campaigns": "tên các phong trào thi đua (cùng cơ quan phát động và giai đoạn khi báo cáo có nêu)",
    "models": "tên bốn mô hình tiêu biểu",
    "conferences": "Hội nghị điển hình tiên tiến năm 2015, năm 2020 và các văn bản tổ chức",
    "places": f"con số “{PLACE_QUOTES['thon']}” (không có tên thôn)",
}
ABOUT_DEMO_FROM_REPORT = (
    "<h2>Về dữ liệu mẫu</h2><p>Bản trình diễn này dùng dữ liệu mẫu. <strong>Lấy từ báo cáo</strong> tổng kết "
    "10 năm thực hiện Chỉ thị số 34-CT/TW của UBND huyện Lý Sơn (2024), có trích dẫn ở mục “Nguồn tư liệu” của "
    f"từng trang: {'; '.join(ABOUT_FROM_REPORT.values())}.</p>"
)
ABOUT_DEMO_NOT_FROM_REPORT = (
    "<p><strong>Không lấy từ báo cáo:</strong> báo cáo không nêu lịch sử địa bàn. Đặc khu Lý Sơn theo Nghị quyết "
    "số 1677/NQ-UBTVQH15 và tỉnh Quảng Ngãi mới theo Nghị quyết số 202/2025/QH15 (văn bản pháp lý công khai); các "
    "ngày thành lập, giải thể khác là minh họa. Tên thôn là minh họa. Mọi nhân vật, hộ gia đình, tập thể, quyết "
    "định khen thưởng, bài viết (trừ tin về hai hội nghị) và các mốc sơ kết, tổng kết ghi “minh họa” là "
    "<strong>hư cấu</strong>, được ghi rõ trên từng trang.</p>"
)

ABOUT = {
    "key": "page:gioi-thieu",
    "title": "Giới thiệu",
    "slug": "gioi-thieu",
    "lead": "<p>Gương Sáng giúp phát hiện, giới thiệu và nhân rộng điển hình tiên tiến trên đảo Lý Sơn.</p>",
    "paragraphs": [
        # The centre that edits the site is named by the About template, from settings.CENTRE_NAME.
        "<p>Trang được biên tập theo tinh thần Luật Thi đua, khen thưởng số 06/2022/QH15: phát hiện, bồi dưỡng "
        "và nhân rộng điển hình tiên tiến.</p>",
        "<h2>Dữ liệu cá nhân</h2><p>Chúng tôi chỉ công bố năm sinh (không ghi ngày sinh), tên thôn (không ghi số "
        "nhà) và chỉ khi người được nêu gương đã đồng ý. Người được nêu gương có thể rút lại đồng ý bất cứ lúc "
        "nào; khi đó hồ sơ được gỡ khỏi trang.</p>",
        ABOUT_DEMO_FROM_REPORT,
        ABOUT_DEMO_NOT_FROM_REPORT,
    ],
}

# --------------------------------------------------------------------------------------------
# The demo's radio week: the running order of “Học tập và làm theo tấm gương đạo đức Hồ Chí
# Minh” (page key, note for the presenter — never read, never timed). Intro and outro come from
# the programme's templates. Read at 210 syllables a minute it fills the ten-minute slot.
# --------------------------------------------------------------------------------------------
RADIO_WEEK = [
    ("exemplar:vo-van-bien", "Tấm gương của tuần. Dữ liệu mẫu: nhân vật hư cấu. Đọc chậm đoạn trích lời ông Biển."),
    ("story:truc-cap-cuu-dao-be", "Bài mẫu, nhân vật hư cấu. Giọng ấm, chậm lại ở đoạn em bé chào đời."),
    (
        "exemplar:mo-hinh-thu-gom-rac-bo-bien",
        "Mô hình được nhân rộng. Dữ liệu mẫu. Nhấn vào lời mời làm theo ở cuối bài.",
    ),
    ("story:day-boi-mua-he", "Bài mẫu, nhân vật hư cấu."),
    ("story:mo-heo-dat-2024", "Bài mẫu, nhân vật hư cấu."),
    (
        "story:tong-ket-chung-tay-vi-nguoi-ngheo",
        "Tin phong trào (minh họa, không phải kết quả thật). Đọc liền sau bài mổ heo đất.",
    ),
]

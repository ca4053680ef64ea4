"""The demo's events and emulation blocs, with what the 2024 report says about them and what it does not.

Events. The report (section II.1 and its footnote 1) says only: “Tổ chức Hội nghị điển hình tiên
tiến năm 2015, Hội nghị điển hình tiên tiến năm 2020 theo Kế hoạch¹”, and the footnote lists the
plan documents with their numbers and dates. So the two conferences carry their year, their
documents as printed and their organiser as printed in a document's wording; their day, place,
the number of exemplars honoured and the results are left empty and the pages say “báo cáo không
nêu”. A third event, a sơ kết meeting of a demo campaign, is marked illustrative: it shows how an
event links a campaign milestone and the exemplars honoured (one of them withdrew consent, so
the page counts that one and does not name it).

Blocs. The report says “Ủy ban nhân dân huyện chia Khối, cụm thi đua toàn huyện thành 7 khối thi
đua gồm các cơ quan, đơn vị, đoàn thể, ngành, Hội” and mentions “ký kết giao ước thi đua hàng năm”
and “kết quả điểm xếp hạng từ khối, cụm thi đua”; it names no bloc, member, pledge or score. The
seven blocs are therefore illustrative (names, members, pledges, scores), and say so.

tests/content/test_demo_truth.py checks every quotation and report-sourced claim here against
the report's text.
"""

from __future__ import annotations

import datetime

from .content import CONFERENCES, ILLUSTRATIVE, NOT_IN_REPORT, REPORT_NAME, quoted

D = datetime.date

INDEX = {
    "key": "page:su-kien",
    "model": "campaigns.EventIndexPage",
    "title": "Sự kiện",
    "slug": "su-kien",
    "intro": "<p>Hội nghị điển hình tiên tiến, hội nghị sơ kết, tổng kết phong trào thi đua và các buổi tọa đàm, "
    "giao lưu, kèm văn bản tổ chức và những điển hình được biểu dương.</p>",
}

# -- the report's two conferences -------------------------------------------------------------

CONFERENCE_GAPS = (
    f"Ngày, địa điểm, số tập thể, cá nhân được biểu dương và kết quả hội nghị: {NOT_IN_REPORT}. "
    "Trang không ghi những điều đó."
)
# The organiser as the documents print it (a quotation of the footnote holds these words).
ORGANISER_AS_PRINTED = {
    2015: "Kế hoạch số 94/KH-UBND ngày 10/12/2014 của UBND huyện Lý Sơn Tổ chức Hội nghị",
    2020: "Kế hoạch số 164/KH-UBND ngày 13/12/2019 của UBND huyện về việc tổ chức Hội nghị",
}


def _documents(conference: dict) -> list[dict]:
    """The conference story's documents, as events' documents: (kind, number, date) read from the
    wording as printed; the excerpt (trích yếu) is the quotation that follows the number and date."""
    documents = []
    for printed, quote in zip(conference["report"]["documents"], conference["report"]["quotes"][1:], strict=True):
        kind_word, rest = printed.split(" số ", 1)
        number, day = rest.split(" ngày ")
        d, m, y = (int(part) for part in day.split("/"))
        documents.append(
            {
                "kind": {"Kế hoạch": "plan", "Công văn": "letter"}[kind_word],
                "number": number,
                "date": D(y, m, d),
                "as_printed": printed,
                "title": quote.removeprefix(printed).strip(),
                "quote": quote,
            }
        )
    return documents


def _conference_event(conference: dict) -> dict:
    year = int(conference["title"][-4:])
    spec = {
        "key": f"event:hoi-nghi-dien-hinh-{year}",
        "slug": f"hoi-nghi-dien-hinh-tien-tien-{year}",
        "title": conference["title"],
        "kind": "conference",
        "year": year,
        "date": None,
        "organiser": "org:ubnd-huyen",
        "summary": f"Báo cáo tổng kết 10 năm thực hiện Chỉ thị số 34-CT/TW ghi UBND huyện Lý Sơn tổ chức Hội nghị "
        f"điển hình tiên tiến năm {year} theo kế hoạch. {CONFERENCE_GAPS}",
        "documents": _documents(conference),
        "honoured_count": None,
        "honourees": [],
        "figures": [],
        "results": "",
        "campaigns": [],
        "milestone": None,
        "stories": [conference["key"]],
        "is_illustrative": False,
        "report": {
            "section": conference["report"]["section"],
            "quotes": conference["report"]["quotes"],
            "year": f"Hội nghị điển hình tiên tiến năm {year}",
            "organiser": ORGANISER_AS_PRINTED[year],
            "gaps": CONFERENCE_GAPS,
        },
    }
    return spec


def event_source(spec: dict) -> str:
    """The event's “Nguồn tư liệu”: the report's section and quotations, and what it does not say."""
    if "report" not in spec:
        return spec["outside"]
    report = spec["report"]
    quotes = " … ".join(f"“{q}”" for q in quoted(spec))
    return f"{REPORT_NAME}, mục {report['section']}: {quotes}. {report['gaps']}"


# -- an illustrative sơ kết meeting -----------------------------------------------------------

ILLUSTRATIVE_EVENT_NOTE = (
    f"Sự kiện {ILLUSTRATIVE}, không có trong báo cáo: ngày lấy theo mốc sơ kết ({ILLUSTRATIVE}) của phong trào; "
    "điển hình được biểu dương và số liệu là dữ liệu mẫu hư cấu."
)

EVENTS = [
    *[_conference_event(c) for c in CONFERENCES],
    {
        "key": "event:so-ket-chung-tay-vi-nguoi-ngheo-2023",
        "slug": "so-ket-chung-tay-vi-nguoi-ngheo-2023",
        "title": "Hội nghị sơ kết phong trào “Lý Sơn chung tay vì người nghèo” (minh họa)",
        "kind": "interim",
        "year": 2023,
        "date": D(2023, 10, 17),
        "organiser": "org:ubnd-huyen",
        "summary": f"Sự kiện {ILLUSTRATIVE}: sơ kết phong trào nhân Ngày vì người nghèo, biểu dương các mô hình "
        "và hộ gia đình tiêu biểu.",
        "documents": [],
        "honoured_count": 3,
        "honourees": ["exemplar:mo-hinh-nuoi-heo-dat", "exemplar:mo-hinh-gop-quy-hoc-sinh", "exemplar:ho-le-van-tao"],
        "figures": [("3", f"điển hình được biểu dương ({ILLUSTRATIVE})")],
        "results": f"<p>Kết quả {ILLUSTRATIVE}: hội nghị biểu dương các điển hình và thống nhất giải pháp nhân rộng "
        "mô hình.</p>",
        "campaigns": ["campaign:ly-son-nguoi-ngheo"],
        "milestone": ("campaign:ly-son-nguoi-ngheo", "interim", D(2023, 10, 17)),
        "stories": [],
        "is_illustrative": True,
        "outside": ILLUSTRATIVE_EVENT_NOTE,
    },
]

# -- the report's seven district blocs (names illustrative) -----------------------------------

Q_BLOCS = (
    "Ủy ban nhân dân huyện chia Khối, cụm thi đua toàn huyện thành 7 khối thi đua gồm các cơ quan, đơn vị, "
    "đoàn thể, ngành, Hội trên địa bàn huyện"
)
Q_PLEDGES = "ký kết giao ước thi đua hàng năm"
Q_SCORES = "kết quả điểm xếp hạng từ khối, cụm thi đua"
BLOC_SOURCE = (
    f"{REPORT_NAME}, mục II.1: “{Q_BLOCS}” … “{Q_PLEDGES}” … “{Q_SCORES}”. Báo cáo không nêu tên các khối, "
    f"thành viên, giao ước hay điểm số: tên khối, thành viên, giao ước và điểm trên trang là {ILLUSTRATIVE}."
)
# What editors see in Settings → Dữ liệu mẫu (a DemoRecord note holds at most 300 characters).
BLOC_RECORD_NOTE = f"Một trong 7 khối thi đua báo cáo 2024 nêu; tên, thành viên, giao ước và điểm là {ILLUSTRATIVE}."
PLEDGE_TARGETS = (
    f"Giao ước {ILLUSTRATIVE}: hoàn thành các chỉ tiêu được giao; phát hiện, giới thiệu ít nhất một điển hình "
    "tiên tiến mỗi quý; tham gia đầy đủ các phong trào thi đua do UBND phát động."
)
RANKING_NOTE = f"Thang điểm 100. Điểm số {ILLUSTRATIVE} (dữ liệu mẫu), không phải kết quả thật."
DRAFT_NOTE = f"Bản nháp {ILLUSTRATIVE}: chưa được duyệt nên không hiện trên trang công khai."

# Member organisations the demo adds (key, name, short name, kind). Names of kinds of agency,
# used only as illustrative members of illustrative blocs.
MEMBER_ORGANISATIONS = [
    ("org:phong-gd", "Phòng Giáo dục và Đào tạo (minh họa)", "", "state"),
    ("org:phong-yt", "Trạm Y tế (minh họa)", "", "unit"),
    ("org:phong-nn", "Phòng Nông nghiệp (minh họa)", "", "state"),
    ("org:phong-kt", "Phòng Kinh tế - Hạ tầng (minh họa)", "", "state"),
    ("org:phong-tc", "Phòng Tài chính - Kế hoạch (minh họa)", "", "state"),
    ("org:phong-nv", "Phòng Nội vụ (minh họa)", "", "state"),
    ("org:van-phong", "Văn phòng HĐND và UBND (minh họa)", "", "state"),
    ("org:cong-an", "Công an (minh họa)", "", "state"),
    ("org:quan-su", "Ban Chỉ huy Quân sự (minh họa)", "", "state"),
    ("org:doan-tn", "Đoàn Thanh niên (minh họa)", "", "front"),
    ("org:hoi-nd", "Hội Nông dân (minh họa)", "", "front"),
    ("org:hoi-pn", "Hội Liên hiệp Phụ nữ (minh họa)", "", "front"),
    ("org:truong-thcs", "Trường Trung học cơ sở (minh họa)", "", "unit"),
    ("org:truong-th", "Trường Tiểu học (minh họa)", "", "unit"),
]

# (key, slug, name, members: [(org key, role)], 2023 scores in member order)
BLOCS = [
    ("bloc:1", "khoi-1", "Khối 1 — các xã (tên minh họa)",
     [("org:ubnd-xa-an-hai", "head"), ("org:ubnd-xa-an-vinh", "member")], [95.5, 94.0]),
    ("bloc:2", "khoi-2", "Khối 2 — Mặt trận và đoàn thể (tên minh họa)",
     [("org:mttq-huyen", "head"), ("org:doan-tn", "deputy"), ("org:hoi-nd", "member"), ("org:hoi-pn", "member")],
     [96.0, 95.0, 93.5, 94.5]),
    ("bloc:3", "khoi-3", "Khối 3 — tổng hợp (tên minh họa)",
     [("org:van-phong", "head"), ("org:phong-nv", "member"), ("org:phong-tc", "member")], [94.0, 95.5, 92.0]),
    ("bloc:4", "khoi-4", "Khối 4 — kinh tế (tên minh họa)",
     [("org:phong-kt", "head"), ("org:phong-nn", "member")], [93.0, 94.5]),
    ("bloc:5", "khoi-5", "Khối 5 — văn hóa - xã hội (tên minh họa)",
     [("org:trung-tam-truyen-thong", "head"), ("org:phong-yt", "member")], [95.0, 93.0]),
    ("bloc:6", "khoi-6", "Khối 6 — nội chính (tên minh họa)",
     [("org:cong-an", "head"), ("org:quan-su", "member")], [96.5, 96.0]),
    ("bloc:7", "khoi-7", "Khối 7 — giáo dục (tên minh họa)",
     [("org:phong-gd", "head"), ("org:truong-thcs", "member"), ("org:truong-th", "member")], [94.5, 95.0, 93.5]),
]  # fmt: skip
PLEDGE_YEAR = 2024
RANKING_YEAR = 2023
DRAFT_RANKING = ("bloc:1", 2024, [97.0, 91.5])  # a draft the public must never see


def bloc_planned_keys() -> list[str]:
    keys = [INDEX["key"], *[e["key"] for e in EVENTS]]
    keys += [key for key, *_rest in MEMBER_ORGANISATIONS]
    keys += [key for key, *_rest in BLOCS]
    keys += [f"ranking:{key}:{RANKING_YEAR}" for key, *_rest in BLOCS]
    keys.append(f"ranking:{DRAFT_RANKING[0]}:{DRAFT_RANKING[1]}")
    return keys

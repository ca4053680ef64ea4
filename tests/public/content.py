"""A small, realistic public site built with tests/factories.py, shared by public and browser tests.

Thirteen public exemplars (one more than a page of the browse list, so pagination shows),
spread over thôn Đông and thôn Tây, four fields, all four kinds, two award types, one
campaign with its milestones and one model with a replication guide; a story with an image
and a quote; an about page; two exemplars that must never appear publicly (a draft and one
whose consent was withdrawn); and a story held back because it links the one who withdrew
consent (the newest story: if it leaked, it would top every list and feed).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone

from campaigns.models import CampaignMilestone
from exemplars.models import ConsentStatus
from home.models import AboutPage
from tests import factories


@dataclass
class SampleSite:
    places: dict
    individual: object  # Nguyễn Văn Biển, thôn Đông, with portrait and awards
    model: object  # a replicable model with a replication guide
    campaign: object
    story: object
    about: object
    draft: object
    withdrawn: object
    held_story: object  # links `withdrawn`: held back from every public surface
    exemplars: list


def build() -> SampleSite:
    places = factories.place_tree()
    sea = factories.field("Khai thác hải sản")
    env = factories.field("Môi trường")
    charity = factories.field("Nhân đạo từ thiện")
    edu = factories.field("Giáo dục")
    giay_khen = factories.award_type("Giấy khen")
    cstd = factories.award_type("Chiến sĩ thi đua cơ sở", category="emulation_title")
    portrait = factories.image("Chân dung ông Nguyễn Văn Biển")

    individual = factories.exemplar(
        "Nguyễn Văn Biển",
        kind="individual",
        place=places["dong"],
        fields=[sea, charity],
        occupation="Ngư dân, thuyền trưởng tàu cá",
        birth_year=1972,
        gender="male",
        portrait=portrait,
        portrait_alt="Ông Nguyễn Văn Biển đứng trên mũi tàu cá, cười",
        portrait_credit="Trung tâm VH-TT&TT Lý Sơn",
        is_fictional=True,
        summary="Ba mươi năm bám biển Hoàng Sa, cứu 27 ngư dân gặp nạn và góp tiền sửa đường cho thôn Đông.",
        body=[
            (
                "paragraph",
                "<p>Ông Biển ra khơi từ năm 16 tuổi. Mỗi chuyến biển, tàu của ông mang theo thuốc men cho cả đội tàu.</p>",
            ),
            ("quote", {"text": "Trên biển, cứu người là việc đầu tiên.", "speaker": "Ông Nguyễn Văn Biển"}),
            ("key_figures", [{"value": "27", "label": "ngư dân được cứu"}, {"value": "30 năm", "label": "bám biển"}]),
        ],
        awards=[
            {"award_type": giay_khen, "decision_date": datetime.date(2018, 3, 2), "decision_number": "215/QĐ-UBND"},
            {
                "award_type": cstd,
                "decision_date": datetime.date(2021, 11, 20),
                "decision_number": "1020/QĐ-UBND",
                "issuer_as_printed": "Chủ tịch UBND huyện Lý Sơn",
            },
            {
                "award_type": giay_khen,
                "decision_date": datetime.date(2015, 6, 1),
                "decision_number": "88/QĐ-UBND",
                "revoked": True,
                "revoked_date": datetime.date(2016, 1, 5),
                "revoked_reason": "Quyết định 12/QĐ-UBND thu hồi do trùng hồ sơ",
            },
        ],
    )
    model = factories.exemplar(
        "Mô hình nhặt rác, thu gom chai nhựa ven bờ",
        kind="model",
        place=places["tay"],
        fields=[env],
        summary="Mỗi sáng Chủ nhật, đoàn viên thôn Tây nhặt rác dọc bờ biển và bán chai nhựa gây quỹ khuyến học.",
        replication_guide=(
            "<h3>Cần gì</h3><ul><li>10–15 tình nguyện viên</li><li>Bao tải, găng tay</li></ul>"
            "<h3>Các bước</h3><ol><li>Chọn đoạn bờ biển</li><li>Hẹn giờ cố định mỗi tuần</li>"
            "<li>Phân loại chai nhựa để bán, gửi tiền vào quỹ</li></ol>"
        ),
        awards=[
            {"award_type": giay_khen, "decision_date": datetime.date(2023, 5, 10), "decision_number": "45/QĐ-UBND"}
        ],
    )
    others = []
    names = [
        ("Trần Thị Hoa", "individual", "dong", edu),
        ("Lê Văn Sóng", "individual", "tay", sea),
        ("Hộ gia đình bà Phạm Thị Mai", "household", "dong", charity),
        ("Chi đoàn thôn Tây", "collective", "tay", env),
        ("Hội Phụ nữ thôn Đông", "collective", "dong", charity),
        ("Nguyễn Thị Lành", "individual", "tay", edu),
        ("Võ Văn Tàu", "individual", "dong", sea),
        ("Tổ đoàn kết tàu cá số 5", "collective", "dong", sea),
        ("Đặng Thị Gạo", "individual", "tay", charity),
        ("Mô hình nuôi heo đất, gửi yêu thương", "model", "dong", edu),
        ("Huỳnh Văn Đảo", "individual", "tay", sea),
    ]
    for title, kind, thon, fld in names:
        others.append(
            factories.exemplar(
                title,
                kind=kind,
                place=places[thon],
                fields=[fld],
                summary=f"{title} là tấm gương sáng ở thôn {places[thon].name}.",
            )
        )

    draft = factories.exemplar("Nguyễn Văn Nháp", kind="individual", publish=False)
    withdrawn = factories.exemplar("Nguyễn Văn Rút", kind="individual", place=places["dong"], fields=[sea])
    withdrawn.consent.status = ConsentStatus.WITHDRAWN
    withdrawn.consent.withdrawn_at = timezone.now()
    withdrawn.consent.save()

    campaign = factories.campaign(
        "Lý Sơn chung tay vì người nghèo – Không để ai bị bỏ lại phía sau",
        exemplars=[individual, others[2], others[4]],
        slogan="Không để ai bị bỏ lại phía sau",
        summary="Phong trào vận động cả đảo góp sức giúp hộ nghèo có nhà ở, sinh kế và học bổng cho học sinh.",
        start_date=datetime.date(2021, 3, 1),
        end_date=datetime.date(2030, 12, 31),
        launcher=factories.organisation(),
        document_number="45/KH-UBND",
        document_date=datetime.date(2021, 2, 20),
        goals="<ul><li>Giảm tỉ lệ hộ nghèo xuống dưới 2%</li></ul>",
    )
    campaign.milestones.add(
        CampaignMilestone(kind="interim", date=datetime.date(2023, 6, 15), note="Hội nghị sơ kết 3 năm")
    )
    campaign.milestones.add(CampaignMilestone(kind="final", date=datetime.date(2025, 12, 20), note="Hội nghị tổng kết"))
    campaign.save_revision().publish()

    photo = factories.image("Ngư dân kéo lưới", color="#1b6a8a")
    story = factories.story(
        "Ông Nguyễn Văn Biển cứu 5 ngư dân giữa bão",
        # the draft is linked too: a public story never names an exemplar that is not public
        exemplars=[individual, draft],
        campaigns=[campaign],
        lead="Giữa cơn bão số 4, tàu của ông Biển quay lại giữa biển động để cứu 5 ngư dân Bình Sơn.",
        date=datetime.date(2024, 10, 2),
        is_fictional=True,
        body=[
            ("paragraph", "<p>Đêm 2/10, gió giật cấp 9. Ông Biển nhận tin báo qua máy thông tin liên lạc.</p>"),
            (
                "image",
                {
                    "image": photo,
                    "alt_text": "Ngư dân kéo lưới trên tàu cá",
                    "caption": "Tàu cá của ông Biển.",
                    "credit": "Ảnh: Trung tâm VH-TT&TT Lý Sơn",
                },
            ),
            ("quote", {"text": "Không ai bỏ bạn giữa biển.", "speaker": "Ông Nguyễn Văn Biển"}),
        ],
    )
    for i in range(2):
        factories.story(f"Việc tốt ở thôn Tây số {i + 1}", exemplars=[model], date=datetime.date(2024, 5, 1 + i))
    held_story = factories.story(
        "Ông Nguyễn Văn Rút góp tàu cứu hộ cho thôn Đông",
        exemplars=[withdrawn, individual],
        campaigns=[campaign],
        lead="Ông Rút góp chiếc tàu thứ hai của gia đình để đội cứu hộ thôn Đông dùng trong mùa bão.",
        date=datetime.date(2024, 11, 5),
    )

    about = AboutPage(
        title="Giới thiệu",
        slug="gioi-thieu",
        lead="<p>Gương Sáng là trang nêu gương người tốt, việc tốt của đặc khu Lý Sơn.</p>",
    )
    factories.home_page().add_child(instance=about)
    about.save_revision().publish()

    return SampleSite(
        places=places,
        individual=individual,
        model=model,
        campaign=campaign,
        story=story,
        about=about,
        draft=draft,
        withdrawn=withdrawn,
        held_story=held_story,
        exemplars=[individual, model, *others],
    )

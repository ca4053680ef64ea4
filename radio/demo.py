"""Demo data for radio: the programme, a presenter and an approved rundown for this week.

Called by `manage.py seed_radio_demo` and by the site-wide `seed_demo`, which passes the week's
running order (its stories and exemplars, each with a note for the presenter). It is
idempotent: running it again reuses what exists and never duplicates proposals or rundowns.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q

from campaigns.models import StoryPage
from core.visibility import public_pages
from exemplars.models import ExemplarPage

from .assembly import assemble
from .models import Presenter, Programme, RadioProposal, RundownStatus
from .weeks import IsoWeek

PROGRAMME_NAME = "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh"
PROGRAMME_SLUG = "hoc-tap-va-lam-theo-tam-guong-dao-duc-ho-chi-minh"
INTRO = (
    "Kính thưa quý vị và các bạn! Hôm nay, {thu} ngày {ngay}, {trung_tam} trân trọng giới thiệu tới quý vị "
    "chuyên mục “{chuong_trinh}”. Sinh thời, Bác Hồ kính yêu đã dạy: “Mỗi người tốt, mỗi việc tốt là một bông "
    "hoa đẹp, cả dân tộc ta là một rừng hoa đẹp.” Trong chuyên mục tuần này, mời quý vị cùng nghe những câu "
    "chuyện về người tốt, việc tốt trên đảo quê hương."
)
OUTRO = (
    "Chuyên mục “{chuong_trinh}” tuần này đến đây là kết thúc. Phát thanh viên {nguoi_doc} xin cảm ơn "
    "quý vị và các bạn đã chú ý lắng nghe. Hẹn gặp lại quý vị vào giờ này tuần sau."
)
# Intros of earlier demo versions, which named the centre in the text: replaced by INTRO so that
# the centre's name comes from settings.CENTRE_NAME everywhere.
OLD_INTROS = (
    "Kính thưa quý vị và các bạn! Hôm nay, {thu} ngày {ngay}, Trung tâm Truyền thông - Văn hóa - Thể thao "
    "đặc khu Lý Sơn trân trọng giới thiệu chuyên mục “{chuong_trinh}”. Trong chuyên mục tuần này, "
    "mời quý vị cùng nghe những câu chuyện về người tốt, việc tốt trên đảo.",
)
DEFAULT_NOTE = "Đề xuất mẫu."


def default_proposals() -> list[tuple[object, str]]:
    """Without a running order: the two latest stories and the two latest exemplars."""
    pages = list(public_pages(StoryPage).order_by("-date")[:2]) + list(
        public_pages(ExemplarPage).order_by("-first_published_at")[:2]
    )
    return [(page, DEFAULT_NOTE) for page in pages]


def approver():
    """Who approves the demo week: a radio editor with the approval right, else the first superuser."""
    users = get_user_model().objects.filter(is_active=True).order_by("pk")
    can_approve = Q(groups__permissions__codename="approve_rundown") | Q(user_permissions__codename="approve_rundown")
    return users.filter(can_approve, is_superuser=False).first() or users.filter(is_superuser=True).first()


def seed_radio_demo(week: IsoWeek | None = None, log=print, proposals=None) -> dict:
    """`proposals`: the week's running order as (story or exemplar page, note for the presenter)."""
    week = week or IsoWeek.current()
    presenter, _ = Presenter.objects.get_or_create(name="Hồng Nhung", defaults={"rate": 210})
    programme, created = Programme.objects.get_or_create(
        slug=PROGRAMME_SLUG,
        defaults={
            "name": PROGRAMME_NAME,
            "weekday": 5,
            "slot_time": datetime.time(19, 30),
            "target_seconds": 600,
            "default_presenter": presenter,
            "intro_template": INTRO,
            "outro_template": OUTRO,
            "description": "Chuyên mục phát thanh hằng tuần trên sóng truyền thanh đặc khu Lý Sơn, "
            "giới thiệu gương người tốt, việc tốt và điển hình tiên tiến (dữ liệu mẫu; phát thanh viên hư cấu).",
        },
    )
    if programme.intro_template in OLD_INTROS:
        programme.intro_template = INTRO
        programme.save(update_fields=["intro_template"])
    log(f"Chương trình: {programme.name} ({'mới tạo' if created else 'đã có'})")
    for page, note in default_proposals() if proposals is None else proposals:
        RadioProposal.objects.get_or_create(page=page, preferred_week=week.label, defaults={"note": note})
    rundown = programme.rundowns.filter(week=week.label).first()
    if rundown is None:
        rundown = assemble(programme, week)
        log(f"Đã lập kịch bản tuần {week.label}: {rundown.items.count()} mục.")
    if rundown.status == RundownStatus.DRAFT:
        acknowledged = 0
        for item in rundown.items.all():
            if item.open_flags:
                # Demo only: a real editor checks each flagged token before ticking this box.
                item.flags_acknowledged = True
                item.save()
                acknowledged += 1
        if acknowledged:
            log(f"Đánh dấu “đã kiểm tra cách đọc” cho {acknowledged} mục (dữ liệu mẫu).")
        rundown.approve(approver())
        log(f"Đã duyệt kịch bản tuần {week.label} (người duyệt: {rundown.approved_by_label}).")
    log(f"Xem: /api/v1/radio/{programme.slug}/current")
    return {"programme": programme, "rundown": rundown}

"""Builders for test content: a small place tree, vocabularies and published pages.

Plain functions rather than a factory library: each returns real saved objects built through
Wagtail's tree API, so tests exercise the same code paths as the admin.
"""

from __future__ import annotations

import datetime
import itertools

from wagtail.models import Page, Site

from campaigns.models import CampaignIndexPage, CampaignMilestone, CampaignPage, StoryIndexPage, StoryPage
from core.text import slugify_vi
from exemplars.models import (
    Award,
    AwardType,
    ConsentRecord,
    ExemplarIndexPage,
    ExemplarPage,
    Field,
    Organisation,
    Place,
    PlaceKind,
)
from home.models import HomePage

_counter = itertools.count(1)


def home_page() -> HomePage:
    """The site's home page (created by the home app's data migration)."""
    return HomePage.objects.get()


def _index(model, slug: str, title: str):
    existing = model.objects.first()
    if existing:
        return existing
    page = model(title=title, slug=slug)
    home_page().add_child(instance=page)
    page.save_revision().publish()
    return page


def exemplar_index() -> ExemplarIndexPage:
    return _index(ExemplarIndexPage, "dien-hinh", "Điển hình tiên tiến")


def campaign_index() -> CampaignIndexPage:
    return _index(CampaignIndexPage, "phong-trao", "Phong trào thi đua")


def story_index() -> StoryIndexPage:
    return _index(StoryIndexPage, "viec-tot", "Việc tốt")


def place_tree() -> dict[str, Place]:
    """Quảng Ngãi → (huyện Lý Sơn until 1/7/2025 →) đặc khu Lý Sơn → thôn Đông, thôn Tây."""
    province, _ = Place.objects.get_or_create(name="Quảng Ngãi", kind=PlaceKind.PROVINCE)
    district, _ = Place.objects.get_or_create(
        name="Lý Sơn",
        kind=PlaceKind.DISTRICT,
        defaults={"parent": province, "valid_from": datetime.date(1993, 1, 1), "valid_to": datetime.date(2025, 7, 1)},
    )
    zone, created = Place.objects.get_or_create(
        name="Lý Sơn",
        kind=PlaceKind.SPECIAL_ZONE,
        defaults={"parent": province, "valid_from": datetime.date(2025, 7, 1)},
    )
    if created:
        zone.predecessors.add(district)
    dong, _ = Place.objects.get_or_create(name="Đông", kind=PlaceKind.VILLAGE, defaults={"parent": zone})
    tay, _ = Place.objects.get_or_create(name="Tây", kind=PlaceKind.VILLAGE, defaults={"parent": zone})
    return {"province": province, "district": district, "zone": zone, "dong": dong, "tay": tay}


def field(name: str = "Khai thác hải sản") -> Field:
    obj, _ = Field.objects.get_or_create(name=name, defaults={"slug": slugify_vi(name)})
    return obj


def award_type(name: str = "Giấy khen", category: str = "commendation", level: str = "district") -> AwardType:
    obj, _ = AwardType.objects.get_or_create(
        name=name, defaults={"category": category, "level": level, "slug": slugify_vi(name)}
    )
    return obj


def organisation(name: str = "Ủy ban nhân dân huyện Lý Sơn") -> Organisation:
    obj, _ = Organisation.objects.get_or_create(name=name)
    return obj


def exemplar(
    title: str | None = None,
    *,
    kind: str = "collective",
    place: Place | None = None,
    publish: bool = True,
    consent: bool | None = None,
    fields: list[Field] | None = None,
    awards: list[dict] | None = None,
    **extra,
) -> ExemplarPage:
    """An exemplar under the index. Individuals and households get given consent unless consent=False."""
    n = next(_counter)
    title = title or f"Điển hình thử nghiệm {n}"
    place = place or place_tree()["dong"]
    page = ExemplarPage(
        title=title,
        slug=extra.pop("slug", None) or f"{slugify_vi(title)}-{n}",
        kind=kind,
        place=place,
        summary=extra.pop("summary", f"Tóm tắt về {title}."),
        **extra,
    )
    for spec in awards or []:
        page.awards.add(
            Award(
                award_type=spec.get("award_type") or award_type(),
                decision_number=spec.get("decision_number", f"{n}/QĐ-UBND"),
                decision_date=spec.get("decision_date", datetime.date(2020, 5, 1)),
                issuer_as_printed=spec.get("issuer_as_printed", "Chủ tịch UBND huyện Lý Sơn"),
                revoked=spec.get("revoked", False),
                revoked_date=spec.get("revoked_date"),
                revoked_reason=spec.get("revoked_reason", ""),
            )
        )
    exemplar_index().add_child(instance=page)
    if fields:
        page.fields.set(fields)
        page.save()
    needs = kind in ("individual", "household")
    if consent or (consent is None and needs):
        ConsentRecord.objects.create(
            page=page,
            covers_photo=True,
            covers_birth_year=True,
            covers_story=True,
            given_on=datetime.date(2024, 1, 1),
            evidence_note="Phiếu đồng ý do phóng viên thu thập (dữ liệu thử nghiệm).",
        )
    if publish:
        page.save_revision().publish()
    else:
        page.unpublish() if page.live else None
        Page.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
    return page


def campaign(title: str | None = None, *, publish: bool = True, exemplars=(), **extra) -> CampaignPage:
    n = next(_counter)
    title = title or f"Phong trào thử nghiệm {n}"
    page = CampaignPage(
        title=title,
        slug=extra.pop("slug", None) or f"{slugify_vi(title)}-{n}",
        start_date=extra.pop("start_date", datetime.date(2021, 1, 1)),
        end_date=extra.pop("end_date", datetime.date(2030, 12, 31)),
        **extra,
    )
    page.milestones.add(CampaignMilestone(kind="launch", date=page.start_date, note="Phát động"))
    from campaigns.models import CampaignExemplar

    for ex in exemplars:
        page.exemplar_links.add(CampaignExemplar(exemplar=ex))
    campaign_index().add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        Page.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
    return page


def story(title: str | None = None, *, publish: bool = True, exemplars=(), campaigns=(), **extra) -> StoryPage:
    n = next(_counter)
    title = title or f"Việc tốt thử nghiệm {n}"
    page = StoryPage(
        title=title,
        slug=extra.pop("slug", None) or f"{slugify_vi(title)}-{n}",
        lead=extra.pop("lead", f"Sapo của {title}."),
        author=extra.pop("author", "Phóng viên thử nghiệm"),
        date=extra.pop("date", datetime.date(2024, 6, 1)),
        body=extra.pop("body", [("paragraph", "<p>Nội dung bài viết về việc tốt.</p>")]),
        **extra,
    )
    story_index().add_child(instance=page)
    page.exemplars.set(exemplars)
    page.campaigns.set(campaigns)
    page.save()
    if publish:
        page.save_revision().publish()
    else:
        Page.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
    return page


def default_site() -> Site:
    return Site.objects.get(is_default_site=True)


# -- helpers for the API safety matrix (scheduled, expired, private, images) --------------------


def image(title: str = "Ảnh thử nghiệm", *, size: tuple[int, int] = (640, 480), color: str = "teal"):
    """A real Wagtail image (a PNG drawn with Pillow), so renditions can be generated."""
    import io

    from PIL import Image as PILImage

    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PILImage.new("RGB", size, color).save(buffer, format="PNG")
    n = next(_counter)
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name=f"thu-nghiem-{n}.png"))


def schedule(page, *, days: int = 7):
    """Publish `page` with go_live_at in the future (Wagtail keeps it, or its change, unpublished)."""
    from django.utils import timezone

    page = page.specific
    page.go_live_at = timezone.now() + datetime.timedelta(days=days)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def expire(page, *, days_ago: int = 1):
    """Give a live page an expiry time in the past, as before `publish_scheduled` has run."""
    from django.utils import timezone

    Page.objects.filter(pk=page.pk).update(expire_at=timezone.now() - datetime.timedelta(days=days_ago))
    page.refresh_from_db()
    return page


def make_private(page, *, password: str = "mat-khau"):
    """Put `page` behind a password view restriction."""
    from wagtail.models import PageViewRestriction

    return PageViewRestriction.objects.create(page=page, restriction_type="password", password=password)


def withdraw_consent(page):
    """Record that the person withdrew consent (takes effect at once, without moderation)."""
    from django.utils import timezone

    record = ConsentRecord.objects.get(page=page)
    record.status = "withdrawn"
    record.withdrawn_at = timezone.now()
    record.save()
    return record


# --------------------------------------------------------------------------------------------
# Radio
# --------------------------------------------------------------------------------------------


def presenter(name: str = "Phát thanh viên thử nghiệm", rate: int = 210):
    from radio.models import Presenter

    obj, _ = Presenter.objects.get_or_create(name=name, defaults={"rate": rate})
    return obj


def programme(
    name: str = "Học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
    slug: str = "hoc-tap-va-lam-theo-bac",
    **extra,
):
    """A weekly programme: Saturday 19:30, 10 minutes, with intro and outro templates."""
    from radio.models import Programme

    defaults = {
        "name": name,
        "weekday": 5,
        "slot_time": datetime.time(19, 30),
        "target_seconds": 600,
        "default_presenter": extra.pop("default_presenter", None) or presenter(),
        "intro_template": "Hôm nay, {thu} ngày {ngay}, chuyên mục {chuong_trinh} xin gửi tới quý vị.",
        "outro_template": "Xin cảm ơn quý vị đã lắng nghe.",
        **extra,
    }
    obj, _ = Programme.objects.get_or_create(slug=slug, defaults=defaults)
    return obj


def rundown(week: str = "2026-W48", *, prog=None, status: str = "draft", items=(), user=None):
    """A rundown with the given items: dicts of RundownItem fields (kind defaults to story)."""
    from radio.models import Rundown, RundownItem

    obj = Rundown.objects.create(programme=prog or programme(), week=week)
    for order, spec in enumerate(items):
        RundownItem.objects.create(
            rundown=obj, sort_order=order, **{"kind": "story", "slug": f"MUC-{order + 1}", **spec}
        )
    if status in ("approved", "aired"):
        obj.approve(user)
    if status == "aired":
        obj.mark_aired(user)
    return obj

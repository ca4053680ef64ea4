"""Build the demo site from `demo.content`, idempotently, marking every object it creates.

Each object is looked up first by its demo key (a `DemoRecord`), then by its natural key (a
place's name and kind, a page's slug under its parent); only what is found neither way is
created, and only what is created gets a `DemoRecord`. So a second run creates nothing, and an
object an editor made by hand is never adopted as demo content.

Order matters because of the one-way dependencies: vocabularies → images → index pages →
exemplars (with awards and consent) → campaigns (which list exemplars) → stories → about page →
the invented award register (`demo.register`, bulk-created, each entry marked as illustrative).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from decimal import Decimal

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone

from modelcluster.fields import ParentalKey
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site
from wagtail.rich_text import RichText

from campaigns.models import CampaignExemplar, CampaignMilestone, CampaignPage, StoryPage
from core.http_cache import bump_generation
from core.text import fold, slugify_vi
from exemplars.models import (
    Adoption,
    AdoptionSource,
    Award,
    AwardSource,
    AwardType,
    ConsentRecord,
    ConsentStatus,
    ExemplarPage,
    Field,
    Organisation,
    Place,
)
from home.models import AboutPage, HomePage

from . import content, content_events, images, seeding_events
from . import register as demo_register
from .models import DemoRecord

CREDIT = "Ảnh minh họa do hệ thống tạo (dữ liệu mẫu)"
COLLECTION_NAME = "Ảnh minh họa (dữ liệu mẫu)"


def planned_keys() -> list[str]:
    """Every key the demo set consists of; the seed is complete when all of them resolve."""
    keys = [p[0] for p in content.PLACES]
    keys += [f[0] for f in content.FIELDS]
    keys += [o[0] for o in content.ORGANISATIONS]
    keys += [a[0] for a in content.AWARD_TYPES]
    keys.append("collection:demo")
    keys += [f"image:{e['key']}" for e in content.EXEMPLARS]
    keys += [i["key"] for i in content.INDEXES]
    keys += [e["key"] for e in content.EXEMPLARS]
    keys += [f"consent:{e['key']}" for e in content.EXEMPLARS if e["kind"] in ("individual", "household")]
    keys += [c["key"] for c in content.CAMPAIGNS]
    keys += [s["key"] for s in content.STORIES]
    keys.append(content.ABOUT["key"])
    keys += [entry["key"] for entry in demo_register.entries()]
    keys += content_events.bloc_planned_keys()
    return keys


def _page_content_type() -> ContentType:
    return ContentType.objects.get_for_model(Page)


def _content_type_for(obj) -> ContentType:
    # Pages are recorded under wagtailcore.Page so that one query covers every page type.
    return _page_content_type() if isinstance(obj, Page) else ContentType.objects.get_for_model(obj)


def resolve_records() -> dict[str, object]:
    """Demo key → object, for records whose object still exists (one query per type)."""
    by_type: dict[int, list[DemoRecord]] = defaultdict(list)
    for record in DemoRecord.objects.all():
        by_type[record.content_type_id].append(record)
    resolved = {}
    for type_id, records in by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None:
            continue
        objects = model._default_manager.in_bulk([r.object_id for r in records])
        for record in records:
            if record.object_id in objects:
                resolved[record.key] = objects[record.object_id]
    return resolved


def content_models() -> list[type]:
    """Models whose rows count as content: vocabularies, consent, nominations, images, documents.

    Pages are checked separately; inline children of pages (awards, milestones) belong to
    their page and are not counted on their own.
    """
    models = []
    for label in ("exemplars", "campaigns", "home"):
        for model in apps.get_app_config(label).get_models():
            if issubclass(model, Page) or any(isinstance(f, ParentalKey) for f in model._meta.fields):
                continue
            if getattr(model, "is_bookkeeping", False):  # e.g. when adoptions were first published
                continue
            models.append(model)
    return [*models, get_image_model(), get_document_model()]


def non_demo_content() -> dict[str, int]:
    """What the database holds that is not demo content, as {label: count}; empty when none."""
    demo_ids: dict[int, set[int]] = defaultdict(set)
    for type_id, object_id in DemoRecord.objects.values_list("content_type_id", "object_id"):
        demo_ids[type_id].add(object_id)
    found = {}
    structure = set(Site.objects.values_list("root_page_id", flat=True))
    pages = Page.objects.exclude(depth=1).exclude(pk__in=structure).exclude(pk__in=demo_ids[_page_content_type().pk])
    if count := pages.count():
        found["trang"] = count
    for model in content_models():
        type_id = ContentType.objects.get_for_model(model).pk
        if count := model._default_manager.exclude(pk__in=demo_ids[type_id]).count():
            found[str(model._meta.verbose_name)] = count
    # Register entries without a profile are content of their own (profile awards go with their
    # page): invented figures must never be mixed into a real register.
    if count := Award.objects.filter(page__isnull=True).exclude(source=AwardSource.DEMO).count():
        found["khen thưởng trong sổ"] = count
    return found


class Seeder:
    """Creates what is missing from the demo set and reports, step by step, what it did."""

    def __init__(self, write: Callable[[str], None]):
        self.write = write
        self.objects = resolve_records()
        self.created: Counter[str] = Counter()
        self.found: Counter[str] = Counter()

    # -- registry --------------------------------------------------------------------------

    def ensure(self, key: str, step: str, find: Callable[[], object | None], create: Callable[[], object], note=""):
        obj = self.objects.get(key)
        if isinstance(obj, Page):
            obj = obj.specific
        if obj is None:
            obj = find()
        if obj is not None:
            self.found[step] += 1
        else:
            obj = create()
            DemoRecord.objects.create(key=key, content_type=_content_type_for(obj), object_id=obj.pk, note=note)
            self.created[step] += 1
        self.objects[key] = obj
        return obj

    def report(self, step: str, label: str) -> None:
        self.write(f"  {label}: {self.created[step]} tạo mới, {self.found[step]} đã có")

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    # -- steps -----------------------------------------------------------------------------

    def run(self) -> None:
        steps = [
            (self.places, "Địa bàn"),
            (self.vocabularies, "Lĩnh vực, cơ quan, loại khen thưởng"),
            (self.images, "Ảnh minh họa"),
            (self.index_pages, "Trang danh sách"),
            (self.exemplars, "Điển hình (kèm khen thưởng, đồng ý công bố)"),
            (self.adoptions, "Nơi nhân rộng mô hình (minh họa)"),
            (self.campaigns, "Phong trào thi đua"),
            (self.stories, "Tin việc tốt"),
            (self.events_and_blocs, "Sự kiện, khối thi đua"),
            (self.about, "Trang giới thiệu"),
            (self.register, "Sổ khen thưởng minh họa 2014–2024"),
        ]
        for number, (step, label) in enumerate(steps, start=1):
            self.write(f"[{number}/{len(steps)}] {label}…")
            with transaction.atomic():
                step()

    def places(self) -> None:
        created = []
        for key, name, kind, parent, valid_from, valid_to, _pred, basis, note in content.PLACES:

            def create(name=name, kind=kind, parent=parent, valid_from=valid_from, valid_to=valid_to, basis=basis):
                place = Place.objects.create(
                    name=name,
                    kind=kind,
                    parent=self.objects.get(parent) if parent else None,
                    valid_from=valid_from,
                    valid_to=valid_to,
                    legal_basis=basis,
                )
                created.append(place)
                return place

            def find(name=name, kind=kind, valid_from=valid_from):
                return Place.objects.filter(name=name, kind=kind, valid_from=valid_from).first()

            self.ensure(key, "place", find, create, note)
        # Predecessor links only for places made now: never rewrite a place someone edited.
        new = {place.pk for place in created}
        for key, *_rest in content.PLACES:
            predecessors = _rest[5]
            place = self.objects[key]
            if place.pk in new and predecessors:
                place.predecessors.add(*[self.objects[p] for p in predecessors])
        self.report("place", "Địa bàn")

    def vocabularies(self) -> None:
        for key, name, slug in content.FIELDS:
            self.ensure(
                key,
                "field",
                lambda name=name: Field.objects.filter(name=name).first(),
                lambda name=name, slug=slug: Field.objects.create(name=name, slug=slug),
            )
        self.report("field", "Lĩnh vực")
        for key, name, short, kind, place in content.ORGANISATIONS:
            self.ensure(
                key,
                "org",
                lambda name=name: Organisation.objects.filter(name=name).first(),
                lambda name=name, short=short, kind=kind, place=place: Organisation.objects.create(
                    name=name, short_name=short, kind=kind, place=self.objects.get(place) if place else None
                ),
            )
        self.report("org", "Cơ quan, tổ chức")
        for key, name, category, level, subject, slug in content.AWARD_TYPES:
            self.ensure(
                key,
                "award_type",
                lambda name=name: AwardType.objects.filter(name=name).first(),
                lambda name=name, category=category, level=level, subject=subject, slug=slug: AwardType.objects.create(
                    name=name, category=category, level=level, subject_kind=subject, slug=slug
                ),
            )
        self.report("award_type", "Loại khen thưởng")

    def images(self) -> None:
        def create_collection():
            return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)

        collection = self.ensure(
            "collection:demo",
            "collection",
            lambda: Collection.objects.filter(name=COLLECTION_NAME).first(),
            create_collection,
        )
        Image = get_image_model()
        for spec in content.EXEMPLARS:
            person = spec["kind"] == "individual"
            alt = image_alt(spec)

            def create(spec=spec, person=person, alt=alt):
                data = images.portrait_card(spec["title"]) if person else images.scene_card(spec["title"])
                slug = spec["key"].split(":", 1)[1]
                image = Image(
                    title=f"Ảnh minh họa — {spec['title']}",
                    description=alt,
                    collection=collection,
                    file=ImageFile(_bytes_file(data), name=f"demo-{slug}.png"),
                )
                image.save()
                image.tags.add("dữ liệu mẫu")
                return image

            self.ensure(f"image:{spec['key']}", "image", lambda: None, create)
        self.report("image", "Ảnh")

    def index_pages(self) -> None:
        home = HomePage.objects.first()
        for spec in content.INDEXES:
            model = apps.get_model(spec["model"])

            def create(spec=spec, model=model):
                page = model(title=spec["title"], slug=_slug(spec), intro=spec["intro"])
                home.add_child(instance=page)
                page.save_revision().publish()
                return page

            self.ensure(
                spec["key"],
                "index",
                lambda spec=spec: _child_by_slug(home, _slug(spec)),
                create,
            )
        self.report("index", "Trang danh sách")

    def exemplars(self) -> None:
        index = self.objects["page:dien-hinh"]
        for spec in content.EXEMPLARS:
            self.ensure(
                spec["key"],
                "exemplar",
                lambda spec=spec: _child_by_slug(index, _slug(spec)),
                lambda spec=spec: self._create_exemplar(index, spec),
                note=content.exemplar_source(spec),
            )
        self.report("exemplar", "Điển hình")
        self.report("consent", "Đồng ý công bố")

    def _create_exemplar(self, index, spec) -> ExemplarPage:
        image = self.objects[f"image:{spec['key']}"]
        person = spec["kind"] == "individual"
        # The summary is shown above the story (and read first on air): the story never repeats it.
        body = []
        if spec.get("story"):
            body.append(("paragraph", RichText("".join(f"<p>{p}</p>" for p in spec["story"]))))
        if spec.get("quote"):
            body.append(("quote", {"text": spec["quote"][0], "speaker": spec["quote"][1]}))
        if spec.get("figures"):
            body.append(("key_figures", [{"value": v, "label": label} for v, label in spec["figures"]]))
        if not person:
            body.append(
                (
                    "image",
                    {"image": image, "alt_text": image.description, "caption": spec["title"], "credit": CREDIT},
                )
            )
        page = ExemplarPage(
            title=spec["title"],
            slug=_slug(spec),
            kind=spec["kind"],
            place=self.objects[spec["place"]],
            summary=spec["summary"],
            radio_text=spec.get("radio_text", ""),
            occupation=spec.get("occupation", ""),
            unit=spec.get("unit", ""),
            position=spec.get("position", ""),
            birth_year=spec.get("birth_year"),
            gender=spec.get("gender", ""),
            achievements=spec.get("achievements", ""),
            replication_guide=spec.get("guide", ""),
            source=content.exemplar_source(spec),
            is_fictional=True,
            portrait=image,
            portrait_alt=image.description,
            portrait_credit=CREDIT,
            body=body,
            # Withdrawn consent: kept as a draft, never shown (add_child would make it live).
            live=not spec.get("consent_withdrawn"),
        )
        page.fields = [self.objects[f] for f in spec["fields"]]
        for order, award in enumerate(spec["awards"]):
            revoked = award["revoked"]
            page.awards.add(
                Award(
                    sort_order=order,
                    award_type=self.objects[award["type"]],
                    decision_number=award["number"],
                    decision_date=award["date"],
                    issuer_as_printed=award["issuer"],
                    issuer=self.objects[award["org"]],
                    commendation_type=award["ctype"],
                    recipient_group=profile_group(spec),
                    achievement=award["achievement"],
                    revoked=bool(revoked),
                    revoked_date=revoked[0] if revoked else None,
                    revoked_reason=revoked[1] if revoked else "",
                )
            )
        index.add_child(instance=page)
        if page.needs_consent:
            self.ensure(
                f"consent:{spec['key']}",
                "consent",
                lambda: ConsentRecord.objects.filter(page=page).first(),
                lambda: _consent(page, spec),
            )
        revision = page.save_revision()
        if not spec.get("consent_withdrawn"):
            revision.publish()
        return page

    def adoptions(self) -> None:
        """The models' illustrative adoptions, added through a published revision of each model's
        page (as an editor's approved edit would), so that later edits keep them."""
        for key, rows in content.ADOPTIONS.items():
            page = self.objects[key]

            def create(page=page, rows=rows):
                draft = page.get_latest_revision_as_object()
                for order, (place, kind, name, since, status, until, text, figures) in enumerate(rows):
                    draft.adoptions.add(
                        Adoption(
                            sort_order=order,
                            place=self.objects[place],
                            adopter_kind=kind,
                            adopter_name=name,
                            since=since,
                            status=status,
                            until=until,
                            results_text=text,
                            results_figures=[
                                ("figure", {"value": Decimal(v), "unit": u, "label": label}) for v, u, label in figures
                            ],
                            source_kind=AdoptionSource.ILLUSTRATIVE,
                            source_citation=content.ADOPTION_SOURCE,
                            is_illustrative=True,
                        )
                    )
                draft.save_revision().publish()
                return Adoption.objects.filter(page=page).order_by("sort_order").first()

            self.ensure(
                f"adoptions:{key}",
                "adoption",
                lambda page=page: Adoption.objects.filter(page=page).order_by("sort_order").first(),
                create,
                note=content.ADOPTION_SOURCE,
            )
        self.report("adoption", "Mô hình có nơi nhân rộng")

    def campaigns(self) -> None:
        index = self.objects["page:phong-trao"]
        members = defaultdict(list)
        for spec in content.EXEMPLARS:
            for key in spec["campaigns"]:
                members[key].append(self.objects[spec["key"]])
        for spec in content.CAMPAIGNS:
            self.ensure(
                spec["key"],
                "campaign",
                lambda spec=spec: _child_by_slug(index, _slug(spec)),
                lambda spec=spec: self._create_campaign(index, spec, members[spec["key"]]),
            )
        self.report("campaign", "Phong trào")

    def _create_campaign(self, index, spec, exemplars) -> CampaignPage:
        page = CampaignPage(
            title=spec["title"],
            slug=_slug(spec),
            slogan=spec.get("slogan", ""),
            form=spec["form"],
            scope=spec["scope"],
            launcher=self.objects[spec["launcher"]] if spec["launcher"] else None,
            document_number=spec.get("document_number", ""),
            document_date=spec.get("document_date"),
            parent_campaign=self.objects.get(spec["parent"]) if spec.get("parent") else None,
            start_date=spec["start"],
            end_date=spec["end"],
            summary=spec["summary"],
            goals=spec.get("goals", ""),
            body=[("paragraph", RichText(f"<p>{spec['summary']}</p><p><em>{content.CAMPAIGN_NOTE}</em></p>"))],
            source=content.campaign_source(spec),
        )
        for order, (kind, date, note, _as_printed) in enumerate(spec["milestones"]):
            page.milestones.add(CampaignMilestone(sort_order=order, kind=kind, date=date, note=note))
        for order, exemplar in enumerate(exemplars):
            page.exemplar_links.add(CampaignExemplar(sort_order=order, exemplar=exemplar))
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    def stories(self) -> None:
        index = self.objects["page:viec-tot"]
        for spec in content.STORIES:
            self.ensure(
                spec["key"],
                "story",
                lambda spec=spec: _child_by_slug(index, _slug(spec)),
                lambda spec=spec: self._create_story(index, spec),
                note="Tin theo báo cáo 2024 (có trích dẫn)." if "report" in spec else "Bài viết hư cấu (dữ liệu mẫu).",
            )
        self.report("story", "Tin việc tốt")

    def _create_story(self, index, spec) -> StoryPage:
        exemplars = [self.objects[k] for k in spec["exemplars"]]
        body = [("paragraph", RichText("".join(f"<p>{p}</p>" for p in spec["paragraphs"])))]
        pictured = next((e for e in exemplars if e.kind != "individual"), None)
        if pictured is not None:
            image = pictured.portrait
            body.append(
                ("image", {"image": image, "alt_text": image.description, "caption": pictured.title, "credit": CREDIT})
            )
        page = StoryPage(
            title=spec["title"],
            slug=_slug(spec),
            lead=spec["lead"],
            radio_text=spec.get("radio_text", ""),
            author=content.AUTHOR,
            date=spec["date"],
            body=body,
            source=content.story_source(spec),
            # A conference story tells only what the report says; every other story is invented.
            is_fictional="report" not in spec,
        )
        page.exemplars = exemplars
        page.campaigns = [self.objects[k] for k in spec["campaigns"]]
        index.add_child(instance=page)
        page.save_revision().publish()
        return page

    def register(self) -> None:
        _register_step(self)

    def events_and_blocs(self) -> None:
        """The report's conferences (and one illustrative meeting) and its seven blocs
        (`demo.content_events`); rankings are published as an approver would, one left a draft."""
        seeding_events.seed_events(self)
        self.report("event_index", "Trang danh sách sự kiện")
        self.report("event", "Sự kiện")
        seeding_events.seed_blocs(self)
        self.report("bloc", "Khối thi đua")
        self.report("ranking", "Kết quả chấm điểm khối")

    def about(self) -> None:
        spec = content.ABOUT
        home = HomePage.objects.first()

        def create():
            page = AboutPage(
                title=spec["title"],
                slug=_slug(spec),
                lead=spec["lead"],
                body=[("paragraph", RichText(p)) for p in spec["paragraphs"]],
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            return page

        self.ensure(spec["key"], "about", lambda: _child_by_slug(home, _slug(spec)), create)
        self.report("about", "Trang giới thiệu")


def _register_step(seeder: Seeder) -> None:
    """The invented 2014–2024 register (`demo.register`), bulk-created: a few hundred entries
    without profiles, each marked `source="demo"` and recorded as demo content."""
    entries = demo_register.entries()
    missing = [e for e in entries if e["key"] not in seeder.objects]
    seeder.found["register"] += len(entries) - len(missing)
    if missing:
        awards = []
        for entry in missing:
            fields = {k: v for k, v in entry.items() if k not in ("key", "type_key", "place_key")}
            award = Award(
                **fields,
                award_type=seeder.objects[entry["type_key"]],
                place=seeder.objects.get(entry["place_key"]),
                source=AwardSource.DEMO,
            )
            award.resolve()
            awards.append(award)
        Award.objects.bulk_create(awards, batch_size=500)
        award_type = ContentType.objects.get_for_model(Award)
        DemoRecord.objects.bulk_create(
            [
                DemoRecord(key=e["key"], content_type=award_type, object_id=a.pk, note=demo_register.NOTE[:300])
                for e, a in zip(missing, awards, strict=True)
            ]
        )
        for entry, award in zip(missing, awards, strict=True):
            seeder.objects[entry["key"]] = award
        seeder.created["register"] += len(missing)
        bump_generation()  # bulk writes send no signals
    seeder.report("register", "Khen thưởng minh họa (không có thật)")


# Groups of the demo profiles' awards, from the exemplar's occupation, else its fields.
OCCUPATION_GROUPS = [
    ("thuyen truong", "fisher"),
    ("ngu dan", "fisher"),
    ("nong dan", "farmer"),
    ("cong nhan", "worker"),
    ("giao vien", "official"),
    ("y si", "official"),
    ("cong chuc", "official"),
    ("dan quan", "armed_forces"),
    ("chu co so", "business"),
    ("hoc sinh", "student"),
]
FIELD_GROUPS = {"field:khai-thac-hai-san": "fisher", "field:nong-nghiep": "farmer"}


def profile_group(spec: dict) -> str:
    occupation = fold(spec.get("occupation", ""))
    for word, group in OCCUPATION_GROUPS:
        if word in occupation:
            return group
    for key in spec.get("fields", []):
        if key in FIELD_GROUPS:
            return FIELD_GROUPS[key]
    return "other"


def radio_week() -> list[tuple[Page, str]]:
    """The demo week's running order as (page, note), for `radio.demo.seed_radio_demo`."""
    objects = resolve_records()
    return [(objects[key].specific, note) for key, note in content.RADIO_WEEK if key in objects]


def image_alt(spec) -> str:
    if spec["kind"] == "individual":
        return f"Ảnh minh họa: chữ viết tắt tên {spec['title']} trên nền màu (không phải ảnh thật)"
    return f"Ảnh minh họa: mặt trời, biển và đảo, dùng cho “{spec['title']}” (không phải ảnh thật)"


def _slug(spec) -> str:
    """The page's slug: the short one the demo content names, or the title's by the one rule
    (`core.text.slugify_vi`), as the admin and the importer would make it."""
    return slugify_vi(spec.get("slug") or spec["title"])


def _child_by_slug(parent: Page, slug: str):
    page = parent.get_children().filter(slug=slug).first()
    return page.specific if page else None


def _bytes_file(data: bytes):
    import io

    return io.BytesIO(data)


def _consent(page: ExemplarPage, spec) -> ConsentRecord:
    withdrawn = bool(spec.get("consent_withdrawn"))
    return ConsentRecord.objects.create(
        page=page,
        status=ConsentStatus.WITHDRAWN if withdrawn else ConsentStatus.GIVEN,
        covers_publication=True,
        covers_photo=True,
        covers_birth_year=spec.get("consent_birth_year", True),
        covers_story=True,
        given_on=content.CONSENT_DATE,
        evidence_note=content.CONSENT_NOTE,
        withdrawn_at=timezone.now() if withdrawn else None,
        withdrawal_note="Gia đình đề nghị gỡ hồ sơ khỏi trang (dữ liệu mẫu)." if withdrawn else "",
    )

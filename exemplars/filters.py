"""The exemplar filters, each defined once: its names, how a value is read and checked, what a
value that names nothing is called, and which exemplars it keeps.

Three surfaces filter exemplars and all read the definitions here:

- the browse page /dien-hinh/ (`exemplars.browse`), with Vietnamese parameter names
  (`thon`, `linh_vuc`, `loai`, `phong_trao`, `khen_thuong`) and a Vietnamese message on the page;
- the domain API `GET /api/v1/exemplars`, with English names and a problem+json 400 naming the
  parameter (it names a campaign by slug);
- search (`search.service`: `/api/v1/search` and /tim-kiem/), with the English names, several
  values per filter, and its engines' facet keys built from the values cleaned here.

| filter | page | API, search | value | keeps the exemplars… |
|---|---|---|---|---|
| kind | `loai` | `kind` | individual, collective, household, model | of that kind |
| place | `thon` | `place` | place id | placed there or in any place under it |
| field | `linh_vuc` | `field` | field slug | in that field |
| campaign | `phong_trao` | `campaign` | public campaign id (domain API: slug) | the campaign lists |
| award_type | `khen_thuong` | `award_type` | award type slug | with a non-revoked award of that type |
| year | — | `year` | 1900–2100 | with a non-revoked award decided that year |
| replicated | `nhan_rong` | `replicated` | true/false (also 1/0, co/khong) | taken up somewhere (with a published adoption), or not |

Award type and year are conditions on one award: both given, the same non-revoked award must
match both. No filter follows a place's predecessors or successors (a former district's
exemplars are not those of today's special zone): a place is the one the story happened in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from core.visibility import public_pages

from .models.adoptions import Adoption
from .models.awards import Award
from .models.vocabularies import AwardType, Field, Place, SubjectKind
from .related import campaign_link_model, campaign_model

YEAR_MIN, YEAR_MAX = 1900, 2100
MAX_ID = 2**31 - 1  # the largest id any of our tables holds (a larger number names nothing)

# {filter name: {value: label}} — the cleaned selection, in the order it was read.
Selection = dict[str, dict]


class FilterError(ValueError):
    """A filter value that is not of the filter's form or names nothing.

    Carries the filter's words for the browse page (`page_message`) and the domain API's problem
    (`api_message`); search words its own messages from `param`, `raw` and `reason`.
    """

    def __init__(self, flt: ExemplarFilter, raw: str, reason: str):
        self.filter, self.raw, self.reason = flt, raw, reason  # reason: "number" or "unknown"
        super().__init__(self.page_message)

    @property
    def param(self) -> str:
        return self.filter.name

    @property
    def page_message(self) -> str:
        return self.filter.page_error.format(raw=self.raw)

    @property
    def api_message(self) -> str:
        return self.filter.api_error.format(raw=self.raw)


@dataclass(frozen=True)
class ExemplarFilter:
    name: str  # in the domain API and search
    label: str  # facet heading in search
    page_name: str | None  # on the browse page (None: not offered there)
    page_label: str | None  # facet heading on the browse page
    page_error: str  # "{raw}": the value as given
    api_error: str
    numeric: bool = False  # values are ids or years
    on_awards: bool = False  # a condition on one award of the exemplar, not on the exemplar

    def parse(self, raw) -> int | str:
        text = str(raw).strip()
        if not self.numeric:
            return text
        if not (text.isascii() and text.isdigit()):
            raise FilterError(self, text, "number")
        return int(text)

    def known(self, values: list, site=None) -> dict:
        """{value: label} of the values that name something (public, for campaigns)."""
        raise NotImplementedError

    def clean(self, raws: Iterable, site=None) -> dict:
        """{value: label} of the given values; the first bad one raises `FilterError`
        (every value is first checked for its form, then for what it names)."""
        raws = [str(raw).strip() for raw in raws]
        values = [self.parse(raw) for raw in raws]
        known = self.known([v for v in values if not (self.numeric and v > MAX_ID)], site)
        for raw, value in zip(raws, values, strict=True):
            if value not in known:
                raise FilterError(self, raw, "unknown")
        return {value: known[value] for value in values}

    def q(self, values) -> Q:
        """The condition on exemplars (on their awards, for `on_awards` filters)."""
        raise NotImplementedError


class KindFilter(ExemplarFilter):
    def known(self, values, site=None):
        labels = dict(SubjectKind.choices)
        return {v: labels[v] for v in values if v in labels}

    def q(self, values):
        return Q(kind__in=list(values))


class PlaceFilter(ExemplarFilter):
    def known(self, values, site=None):
        return {p.pk: p.full_name for p in Place.objects.filter(pk__in=values)}

    def q(self, values):
        return Q(place_id__in=Place.descendant_ids(values))


class FieldFilter(ExemplarFilter):
    def known(self, values, site=None):
        return dict(Field.objects.filter(slug__in=values).values_list("slug", "name"))

    def q(self, values):
        links = Field.exemplars.through.objects.filter(field__slug__in=list(values))
        return Q(pk__in=links.values("exemplarpage_id"))


class CampaignFilter(ExemplarFilter):
    """By id on the browse page and in search; the domain API names a campaign by its slug."""

    def known(self, values, site=None):
        return dict(public_pages(campaign_model(), site).filter(pk__in=values).values_list("pk", "title"))

    def clean_slugs(self, slugs: Iterable[str], site=None) -> dict:
        """{id: title} of the public campaigns with these slugs (the domain API's form)."""
        slugs = [str(slug).strip() for slug in slugs]
        rows = public_pages(campaign_model(), site).filter(slug__in=slugs).values_list("slug", "pk", "title")
        found = {slug: (pk, title) for slug, pk, title in rows}
        for slug in slugs:
            if slug not in found:
                raise FilterError(self, slug, "unknown")
        return dict(found[slug] for slug in slugs)

    def q(self, values):
        links = campaign_link_model().objects.filter(page_id__in=list(values))
        return Q(pk__in=links.values("exemplar_id"))


class AwardTypeFilter(ExemplarFilter):
    def known(self, values, site=None):
        return dict(AwardType.objects.filter(slug__in=values).values_list("slug", "name"))

    def q(self, values):
        return Q(award_type__slug__in=list(values))


class YearFilter(ExemplarFilter):
    def known(self, values, site=None):
        return {y: str(y) for y in values if YEAR_MIN <= y <= YEAR_MAX}

    def q(self, values):
        return Q(decision_date__year__in=list(values))


class ReplicatedFilter(ExemplarFilter):
    """Exemplars with at least one adoption (nhân rộng) in their published revision, or none."""

    TRUE, FALSE = {"true", "1", "co", "có", "yes"}, {"false", "0", "khong", "không", "no"}
    LABELS = {True: "Đã được nhân rộng", False: "Chưa được nhân rộng"}

    def parse(self, raw):
        text = str(raw).strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        return text  # names nothing: `clean` reports it as unknown

    def known(self, values, site=None):
        return {v: self.LABELS[v] for v in values if isinstance(v, bool)}

    def q(self, values):
        values = set(values)
        if values == {True, False}:
            return Q()
        replicated = Q(pk__in=Adoption.objects.values("page_id"))
        return replicated if True in values else ~replicated


KIND = KindFilter(
    name="kind",
    label="Loại điển hình",
    page_name="loai",
    page_label="Loại điển hình",
    page_error="Không có loại điển hình “{raw}”. Hãy chọn một loại trong danh sách.",
    api_error="Không có loại điển hình “{raw}”.",
)
PLACE = PlaceFilter(
    name="place",
    label="Địa bàn",
    page_name="thon",
    page_label="Thôn, tổ dân phố",
    page_error="Không có địa bàn mã “{raw}”. Hãy chọn một thôn trong danh sách.",
    api_error="Không có địa bàn với mã {raw}.",
    numeric=True,
)
FIELD = FieldFilter(
    name="field",
    label="Lĩnh vực",
    page_name="linh_vuc",
    page_label="Lĩnh vực",
    page_error="Không có lĩnh vực “{raw}”. Hãy chọn một lĩnh vực trong danh sách.",
    api_error="Không có lĩnh vực với mã “{raw}”.",
)
CAMPAIGN = CampaignFilter(
    name="campaign",
    label="Phong trào",
    page_name="phong_trao",
    page_label="Phong trào",
    page_error="Không có phong trào mã “{raw}”. Hãy chọn một phong trào trong danh sách.",
    api_error="Không có phong trào “{raw}”.",
    numeric=True,
)
AWARD_TYPE = AwardTypeFilter(
    name="award_type",
    label="Danh hiệu, hình thức khen thưởng",
    page_name="khen_thuong",
    page_label="Khen thưởng",
    page_error="Không có loại khen thưởng “{raw}”. Hãy chọn trong danh sách.",
    api_error="Không có loại khen thưởng với mã “{raw}”.",
    on_awards=True,
)
YEAR = YearFilter(
    name="year",
    label="Năm khen thưởng",
    page_name=None,
    page_label=None,
    page_error="Không có năm khen thưởng “{raw}”.",
    api_error=f"Năm khen thưởng phải từ {YEAR_MIN} đến {YEAR_MAX}.",
    numeric=True,
    on_awards=True,
)

REPLICATED = ReplicatedFilter(
    name="replicated",
    label="Nhân rộng",
    page_name="nhan_rong",
    page_label="Nhân rộng",
    page_error="Giá trị “{raw}” không hợp lệ cho bộ lọc nhân rộng. Hãy chọn trong danh sách.",
    api_error="Giá trị “{raw}” không hợp lệ: dùng true hoặc false.",
)

# Every filter, in the order the domain API checks them.
FILTERS = (KIND, PLACE, FIELD, CAMPAIGN, AWARD_TYPE, YEAR, REPLICATED)
BY_NAME = {flt.name: flt for flt in FILTERS}
# The browse page's filters, in the order it shows them.
PAGE_FILTERS = (PLACE, FIELD, KIND, CAMPAIGN, AWARD_TYPE, REPLICATED)


def apply(queryset: QuerySet, selection: Mapping[str, Iterable]) -> QuerySet:
    """Exemplars of `queryset` that pass every selected filter (any of a filter's values).

    Award conditions (type, year) are joined into one: the same non-revoked award must meet all.
    """
    on_awards = Q()
    for flt in FILTERS:
        values = list(selection.get(flt.name) or ())
        if not values:
            continue
        if flt.on_awards:
            on_awards &= flt.q(values)
        else:
            queryset = queryset.filter(flt.q(values))
    if on_awards:
        awards = Award.objects.filter(on_awards, revoked=False)
        queryset = queryset.filter(pk__in=awards.values("page_id"))
    return queryset


def read_page(params: Mapping[str, str], site=None) -> tuple[Selection, list[str]]:
    """The browse page's selection from its query string (one value per filter), and a
    Vietnamese message for each value that names nothing (that filter is then left out)."""
    selection: Selection = {}
    errors: list[str] = []
    for flt in PAGE_FILTERS:
        raw = (params.get(flt.page_name) or "").strip()
        if not raw:
            continue
        try:
            selection[flt.name] = flt.clean([raw], site)
        except FilterError as exc:
            errors.append(exc.page_message)
    return selection, errors


def read_api(values: Mapping[str, object], site=None) -> Selection:
    """The domain API's selection (one value per filter, already typed by its schema; None when
    not given). Raises `FilterError`: the API answers 400 with `api_message`, naming `param`."""
    selection: Selection = {}
    for flt in FILTERS:
        value = values.get(flt.name)
        if value is None or value == "":
            continue
        if flt is CAMPAIGN:
            selection[flt.name] = CAMPAIGN.clean_slugs([value], site)
        else:
            selection[flt.name] = flt.clean([value], site)
    return selection

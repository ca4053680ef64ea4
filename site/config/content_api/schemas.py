"""Response schemas of the domain API: they make the OpenAPI document precise.

Views build plain dicts (see `serializers.py`) and Ninja validates them against these
schemas on the way out, so a response that drifts from the document fails loudly in tests.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Literal

from ninja import Schema
from pydantic import Field

KindLiteral = Literal["individual", "collective", "household", "model"]


class Rendition(Schema):
    url: str = Field(description="Địa chỉ tuyệt đối của ảnh WebP.")
    width: int
    height: int


class PortraitRenditions(Schema):
    thumbnail: Rendition
    medium: Rendition
    large: Rendition


class Portrait(Schema):
    alt: str
    credit: str
    renditions: PortraitRenditions


class BodyImageRenditions(Schema):
    medium: Rendition
    large: Rendition


class PlaceRef(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    full_name: str = Field(description="Loại và tên, ví dụ “Thôn Đông”.")


class PlaceWithPath(PlaceRef):
    path: list[PlaceRef] = Field(description="Địa bàn và các cấp trên, gần nhất trước (thôn → đặc khu → tỉnh).")
    path_label: str


class FieldRef(Schema):
    slug: str
    name: str


class AwardTypeRef(Schema):
    slug: str
    name: str
    category: Literal["emulation_title", "commendation"]


class AwardSummary(Schema):
    award_type: AwardTypeRef
    year: int
    decision_date: datetime.date
    decision_number: str
    issuer_as_printed: str


class Award(AwardSummary):
    level: str
    level_label: str
    commendation_type: str
    commendation_type_label: str
    achievement: str
    revoked: bool
    revoked_date: datetime.date | None
    revoked_reason: str


class PageRef(Schema):
    id: int
    slug: str
    title: str
    url: str | None = Field(description="Địa chỉ trang công khai (tuyệt đối).")


class ExemplarRef(PageRef):
    kind: KindLiteral


class StoryRef(PageRef):
    date: datetime.date


# -- StreamField blocks, as a discriminated union on `type` ------------------------------------


class ParagraphBlock(Schema):
    type: Literal["paragraph"]
    id: str
    value: str = Field(description="HTML của đoạn văn, liên kết đã chuyển thành địa chỉ thật.")


class QuoteValue(Schema):
    text: str
    speaker: str


class QuoteBlock(Schema):
    type: Literal["quote"]
    id: str
    value: QuoteValue


class ImageValue(Schema):
    image: BodyImageRenditions | None
    alt_text: str
    caption: str
    credit: str


class ImageBlock(Schema):
    type: Literal["image"]
    id: str
    value: ImageValue


class KeyFigure(Schema):
    value: str
    label: str


class KeyFiguresBlock(Schema):
    type: Literal["key_figures"]
    id: str
    value: list[KeyFigure]


class VideoValue(Schema):
    url: str


class VideoBlock(Schema):
    type: Literal["video"]
    id: str
    value: VideoValue


Block = Annotated[
    ParagraphBlock | QuoteBlock | ImageBlock | KeyFiguresBlock | VideoBlock,
    Field(discriminator="type"),
]


class Body(Schema):
    html: str
    blocks: list[Block]


# -- exemplars -------------------------------------------------------------------------------------


class ExemplarListItem(Schema):
    id: int
    slug: str
    kind: KindLiteral
    kind_label: str
    name: str
    summary: str
    place: PlaceWithPath
    fields: list[FieldRef]
    portrait: Portrait | None = Field(description="Chỉ có khi người được nêu gương đồng ý công bố ảnh.")
    award_count: int = Field(description="Số khen thưởng còn hiệu lực (không tính khen thưởng đã thu hồi).")
    latest_award: AwardSummary | None
    is_fictional: bool
    url: str | None
    api_url: str


class AdoptionPlace(PlaceRef):
    path_label: str


class AdopterExemplar(Schema):
    id: int
    slug: str
    title: str
    url: str | None


class Adopter(Schema):
    kind: Literal["collective", "household", "unit", "community"]
    kind_label: str
    name: str
    exemplar: AdopterExemplar | None = Field(description="Hồ sơ điển hình của người làm theo, khi hồ sơ đó công khai.")


class ResultFigure(Schema):
    value: int | float
    unit: str
    label: str


class AdoptionResults(Schema):
    text: str
    figures: list[ResultFigure]


class Evidence(Schema):
    type: Literal["image", "document"]
    title: str
    alt: str
    url: str


class AdoptionSourceRef(Schema):
    kind: Literal["report", "field_visit", "citizen", "illustrative"]
    kind_label: str
    citation: str
    is_illustrative: bool = Field(description="true: bản ghi minh họa (dữ liệu mẫu), không phải sự việc có thật.")


class Adoption(Schema):
    place: AdoptionPlace
    who: Adopter
    since: datetime.date
    until: datetime.date | None
    status: Literal["active", "paused", "stopped"]
    status_label: str
    results: AdoptionResults
    evidence: list[Evidence] = Field(
        description="Chỉ minh chứng được đánh dấu công khai (ảnh có người: đã ghi sự đồng ý)."
    )
    source: AdoptionSourceRef


class ExemplarDetail(ExemplarListItem):
    occupation: str
    unit: str
    position: str
    birth_year: int | None = Field(description="Chỉ có khi có đồng ý công bố năm sinh.")
    gender: Literal["male", "female"] | None
    body: Body | None = Field(description="Câu chuyện; null khi không có đồng ý công bố câu chuyện.")
    achievements: str = Field(description="HTML.")
    replication_guide: str | None = Field(description="HTML; chỉ dành cho mô hình.")
    source: str
    awards: list[Award] = Field(description="Dòng thời gian khen thưởng, cũ nhất trước; khen thưởng thu hồi vẫn giữ.")
    campaigns: list[PageRef]
    stories: list[StoryRef]
    adoptions: list[Adoption] = Field(description="Nơi đã làm theo (nhân rộng), cũ nhất trước.")
    adoption_count: int
    first_published_at: datetime.datetime | None
    last_published_at: datetime.datetime | None


# -- campaigns and stories -------------------------------------------------------------------------


class OrganisationRef(Schema):
    name: str
    short_name: str


class Milestone(Schema):
    kind: str
    kind_label: str
    date: datetime.date
    note: str


class DocumentRef(Schema):
    title: str
    url: str


class CampaignListItem(Schema):
    id: int
    slug: str
    title: str
    slogan: str
    summary: str
    form: Literal["regular", "thematic"]
    form_label: str
    scope: str
    scope_label: str
    start_date: datetime.date | None
    end_date: datetime.date | None
    period_label: str
    is_running: bool
    launcher: OrganisationRef | None
    parent: PageRef | None
    url: str | None
    api_url: str


class CampaignDetail(CampaignListItem):
    document_number: str
    document_date: datetime.date | None
    document: DocumentRef | None
    goals: str
    criteria: str
    body: Body
    results: str
    milestones: list[Milestone]
    children: list[PageRef]
    exemplars: list[ExemplarRef]
    stories: list[StoryRef]


class StoryListItem(Schema):
    id: int
    slug: str
    title: str
    lead: str
    author: str
    date: datetime.date
    is_fictional: bool
    exemplars: list[ExemplarRef]
    campaigns: list[PageRef]
    url: str | None
    api_url: str


class StoryDetail(StoryListItem):
    body: Body


class SimplePageDetail(Schema):
    id: int
    slug: str
    title: str
    type: Literal["home.HomePage", "home.AboutPage"]
    intro: str = Field(description="HTML hoặc văn bản mở đầu.")
    body: Body | None
    url: str | None


# -- pagination ----------------------------------------------------------------------------------


class Page_(Schema):
    count: int = Field(description="Tổng số kết quả khớp bộ lọc.")
    next: str | None = Field(description="Địa chỉ trang kế tiếp, null nếu hết.")
    previous: str | None


class ExemplarList(Page_):
    results: list[ExemplarListItem]


class CampaignList(Page_):
    results: list[CampaignListItem]


class StoryList(Page_):
    results: list[StoryListItem]


# -- vocabularies and stats ------------------------------------------------------------------------


class PlaceNode(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    full_name: str
    valid_from: datetime.date | None
    valid_to: datetime.date | None
    is_current: bool
    legal_basis: str
    predecessors: list[int]
    successors: list[int]
    children: list[PlaceNode]


class FieldItem(Schema):
    slug: str
    name: str
    description: str
    exemplar_count: int = Field(description="Số điển hình công khai thuộc lĩnh vực.")


class AwardTypeItem(Schema):
    slug: str
    name: str
    category: Literal["emulation_title", "commendation"]
    category_label: str
    level: str
    level_label: str
    subject_kind: str
    description: str


class YearCount(Schema):
    year: int
    count: int


class AwardTypeCount(Schema):
    slug: str
    name: str
    category: Literal["emulation_title", "commendation"]
    count: int


class LevelCount(Schema):
    level: str
    label: str
    count: int


class CategoryCount(Schema):
    category: Literal["emulation_title", "commendation"]
    label: str
    count: int


class StatsRow(Schema):
    year: int
    award_type: str
    award_type_name: str
    category: Literal["emulation_title", "commendation"]
    level: str
    count: int


class StatsFilters(Schema):
    level: str | None = Field(description="Cấp đang lọc, hoặc null.")
    group: str | None = Field(description="Nhóm đối tượng đang lọc, hoặc null.")


class YearLevelCounts(Schema):
    year: int
    total: int
    levels: dict[str, int] = Field(description="Số khen thưởng theo cấp (national, province, district, commune, unit).")


class GroupCount(Schema):
    group: str
    label: str
    direct_worker: bool = Field(description="Thuộc nhóm người lao động trực tiếp (nông dân, ngư dân, công nhân…).")
    count: int


class KindCount(Schema):
    kind: Literal["individual", "collective", "household"]
    label: str
    count: int


class YearKindCounts(Schema):
    year: int
    kinds: dict[str, int]


class OccasionCount(Schema):
    occasion: Literal["regular", "ad_hoc", "thematic"]
    label: str
    count: int


class DirectWorkerYear(Schema):
    year: int
    direct: int
    total: int
    share: float = Field(description="Tỷ lệ phần trăm, một chữ số thập phân.")


class DirectWorkers(Schema):
    groups: list[str]
    total: int
    share: float
    by_year: list[DirectWorkerYear]


class TimelinessYear(Schema):
    year: int
    count: int = Field(description="Số khen thưởng có ghi ngày đề xuất.")
    mean_days: float | None
    median_days: float | None
    max_days: int | None


class Timeliness(Schema):
    measured_from: str
    description: str
    by_year: list[TimelinessYear]


class CubeRow(Schema):
    year: int
    level: str
    award_type: str
    group: str
    kind: str
    occasion: str
    count: int


class AwardStats(Schema):
    from_year: int
    to_year: int
    filters: StatsFilters
    total: int
    illustrative: int = Field(description="Trong đó, số khen thưởng là dữ liệu minh họa (dữ liệu trình diễn).")
    by_year: list[YearCount]
    by_award_type: list[AwardTypeCount]
    by_level: list[LevelCount]
    by_category: list[CategoryCount]
    by_year_level: list[YearLevelCounts]
    by_group: list[GroupCount]
    by_kind: list[KindCount]
    by_year_kind: list[YearKindCounts]
    by_occasion: list[OccasionCount]
    direct_workers: DirectWorkers
    timeliness: Timeliness
    rows: list[StatsRow] = Field(description="Bảng chi tiết: năm × loại khen thưởng × cấp.")
    cube: list[CubeRow] = Field(
        description="Bảng đếm đầy đủ: năm × cấp × hình thức × nhóm × loại đối tượng × thường xuyên/đột xuất/chuyên đề."
    )


class PlaceCount(PlaceRef):
    path_label: str
    count: int


class StatusCount(Schema):
    status: Literal["active", "paused", "stopped"]
    label: str
    count: int


class PropagationStats(Schema):
    total: int = Field(description="Số nơi làm theo của các điển hình công khai.")
    exemplar_count: int = Field(description="Số điển hình có ít nhất một nơi làm theo.")
    by_year: list[YearCount] = Field(description="Theo năm bắt đầu áp dụng.")
    by_place: list[PlaceCount]
    by_status: list[StatusCount]


class PreviewOut(Schema):
    content_type: str
    page: ExemplarDetail | CampaignDetail | StoryDetail | SimplePageDetail


class InvalidParam(Schema):
    param: str
    message: str


class Problem(Schema):
    """An error as RFC 9457 problem details (sent as application/problem+json)."""

    type: str
    title: str
    status: int
    detail: str = Field(description="Giải thích bằng tiếng Việt.")
    param: str | None = Field(None, description="Tên tham số gây lỗi, nếu có.")
    invalid_params: list[InvalidParam] | None = None

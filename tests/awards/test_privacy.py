"""Privacy by design: statistics count every award, but a recipient is named publicly only through
a published profile whose consent allows it. Every public surface is crawled for the names of
recipients without a profile, with an unpublished profile, and with a profile that has no consent."""

import datetime
import io
import json

import pytest
from openpyxl import load_workbook

from core.text import fold
from exemplars.models import Award, AwardSource
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
NO_PROFILE = "Phạm Thị Kín Đáo"
DRAFT = "Đỗ Văn Nháp Riêng"
NO_CONSENT = "Lương Thị Chưa Đồng Ý"
PUBLIC = "Nguyễn Văn Công Khai"
HIDDEN = (NO_PROFILE, DRAFT, NO_CONSENT)


@pytest.fixture
def register(db):
    places = factories.place_tree()
    giay_khen = factories.award_type()
    award = {"award_type": giay_khen, "decision_date": D(2022, 5, 1), "issuer_as_printed": "Chủ tịch UBND xã An Hải"}
    public = factories.exemplar(PUBLIC, kind="individual", place=places["dong"], awards=[award])
    draft = factories.exemplar(DRAFT, kind="individual", place=places["dong"], publish=False, awards=[award])
    no_consent = factories.exemplar(NO_CONSENT, kind="individual", place=places["tay"], consent=False, awards=[award])
    assert not no_consent.publication_allowed
    # Entries the office recorded: one with no profile, one linked to the profile without consent.
    for name, page in ((NO_PROFILE, None), (NO_CONSENT, no_consent)):
        Award.objects.create(
            recipient_name=name,
            recipient_kind="individual",
            recipient_group="fisher",
            page=page,
            award_type=giay_khen,
            decision_number="99/QĐ-UBND",
            decision_date=D(2023, 12, 1),
            issuer_as_printed="Chủ tịch UBND huyện Lý Sơn",
            achievement=f"Khen {name} vì cứu người",
            source=AwardSource.REGISTER,
        )
    campaign = factories.campaign("Dân vận khéo", exemplars=[public])
    return {"public": public, "draft": draft, "no_consent": no_consent, "campaign": campaign}


def _text(response) -> str:
    if response["Content-Type"].startswith("application/vnd.openxmlformats"):
        book = load_workbook(io.BytesIO(response.content))
        return "\n".join(
            str(value) for sheet in book for row in sheet.iter_rows(values_only=True) for value in row if value
        )
    body = response.content.decode("utf-8-sig")
    if response["Content-Type"].startswith("application/json") or response["Content-Type"].startswith(
        "application/problem+json"
    ):
        body = json.dumps(response.json(), ensure_ascii=False)
    return body


def _assert_no_hidden_name(url, text, echoed=""):
    # A search page repeats what was typed ("Tìm “…”"): that echo is not a result.
    if echoed:
        text = text.replace(echoed, "")
    folded = fold(text)
    for name in HIDDEN:
        assert name not in text, f"{url} names {name}"
        assert fold(name) not in folded, f"{url} names {name} (folded)"


def test_statistics_count_every_award_but_name_nobody(client, register):
    stats = client.get("/api/v1/stats/awards?from=2014&to=2024").json()
    # Public profile's award + the two register entries; the draft profile's typed award is its draft.
    assert stats["total"] == 3
    assert {r["year"]: r["count"] for r in stats["by_year"]}[2023] == 2


def test_no_public_surface_names_a_recipient_without_a_consenting_published_profile(client, register):
    public = register["public"]
    urls = [
        "/",
        "/dien-hinh/",
        "/dien-hinh/?loai=individual",
        public.url,
        register["campaign"].url,
        "/thong-ke/",
        "/thong-ke/?tu_nam=2014&den_nam=2024&nhom=fisher",
        "/thong-ke/tai-ve.csv?tu_nam=2014&den_nam=2024",
        "/thong-ke/tai-ve.xlsx?tu_nam=2014&den_nam=2024",
        "/api/v1/exemplars",
        f"/api/v1/exemplars/{public.slug}",
        "/api/v1/stats/awards?from=2014&to=2024",
        "/api/v1/stats/awards?from=2014&to=2024&format=csv",
        "/api/v1/award-types",
        "/api/v2/pages/?type=exemplars.ExemplarPage&fields=*",
        f"/api/v2/pages/{public.pk}/",
        "/sitemap.xml",
        "/viec-tot/feed.xml",
        "/viec-tot/feed.json",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        _assert_no_hidden_name(url, _text(response))
    for name in (*HIDDEN, PUBLIC):
        for query in (name, fold(name)):
            for url in ("/tim-kiem/", "/api/v1/search"):
                response = client.get(url, {"q": query})
                assert response.status_code == 200, (url, query, response.status_code)
                _assert_no_hidden_name(f"{url}?q={query}", _text(response), echoed=query)
    # The hidden profiles themselves answer 404 on every door.
    for page in (register["draft"], register["no_consent"]):
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404
        assert client.get(f"/api/v1/exemplars/{page.slug}").status_code == 404
    assert client.get(register["no_consent"].url).status_code == 404
    # The check would notice a name: the consenting, published profile is named, with its award.
    profile = client.get(public.url).content.decode()
    assert PUBLIC in profile and "Giấy khen" in profile
    assert PUBLIC in _text(client.get(f"/api/v1/search?q={PUBLIC}"))

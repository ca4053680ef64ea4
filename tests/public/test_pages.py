"""The public pages as a visitor (and a link preview robot) receives them, through Django's test client."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import feedparser
import pytest

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string

from exemplars.blocks import CaptionedImageBlock
from exemplars.models import ExemplarPage
from tests import factories
from tests.public import content, html_validator

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample():
    return content.build()


def html(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, f"{url}: {response.status_code}"
    return response.content.decode()


def links_to(body: str, path: str) -> bool:
    return f'href="{path}"' in body


def card_titles(body: str) -> list[str]:
    return re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', body)


def json_ld(body: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    graphs = [json.loads(b) for b in blocks]
    return [node for g in graphs for node in g.get("@graph", [g])]


def facet_links(body: str, key: str) -> dict[str, tuple[str, int]]:
    """Facet option label -> (href, count) for the facet with query key `key`."""
    found = {}
    for href, label, count in re.findall(r'<a href="(\?[^"]*)"[^>]*>([^<]+?) <span class="count">\((\d+)', body):
        href = href.replace("&amp;", "&")
        if key in parse_qs(urlparse(href).query):
            found[label.strip()] = (href, int(count))
    return found


# -- pages and validity ----------------------------------------------------------------------


def test_every_public_page_is_valid_html(client, sample):
    reason = html_validator.available()
    if reason:
        pytest.skip(reason)
    pages = {
        "home": "/",
        "browse": "/dien-hinh/",
        "browse filtered": f"/dien-hinh/?thon={sample.places['dong'].pk}&loai=individual",
        "browse page 2": "/dien-hinh/?trang=2",
        "profile": sample.individual.url,
        "model profile": sample.model.url,
        "campaign index": "/phong-trao/",
        "campaign": sample.campaign.url,
        "story index": "/viec-tot/",
        "story": sample.story.url,
        "about": sample.about.url,
    }
    documents = {name: html(client, url) for name, url in pages.items()}
    documents["404"] = html(client, "/khong-co-trang-nay/", 404)
    documents["browse bad filter"] = html(client, "/dien-hinh/?linh_vuc=khong-co", 400)
    documents["500"] = render_to_string("500.html")
    assert html_validator.validate(documents) == {}


def test_pages_make_no_request_to_another_host(client, sample):
    for url in ["/", "/dien-hinh/", sample.individual.url, sample.story.url, sample.campaign.url]:
        body = html(client, url)
        # Scripts, styles, fonts and images all come from this site.
        assert not re.search(r'<(script|img|source|iframe)[^>]+(src|srcset)="https?://', body), url
        assert not re.search(r'<link[^>]+rel="(stylesheet|preload|icon)"[^>]+href="https?://', body), url
        assert "fonts.googleapis" not in body and "@import" not in body


def test_font_is_self_hosted_with_vietnamese_subset(client):
    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    fonts = re.findall(r"url\(\.\./fonts/([^)]+)\)", css)
    assert any("vietnamese" in f for f in fonts) and any("latin" in f for f in fonts)
    for name in fonts:
        assert finders.find(f"fonts/{name}"), name
    assert finders.find("fonts/OFL.txt")
    assert "@media print" in css


def test_home_shows_featured_campaigns_stories_and_nomination_call(client, sample):
    body = html(client, "/")
    assert "<main" in body and "<header" in body and "<footer" in body and "<nav" in body
    assert links_to(body, "/gioi-thieu-guong/")
    assert sample.campaign.title in body
    assert sample.story.title in body
    assert "Nguyễn Văn Rút" not in body and "Nguyễn Văn Nháp" not in body
    # Headings in order: one h1, then h2 sections.
    levels = [int(n) for n in re.findall(r"<h([1-6])", body)]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False))


# -- browse ----------------------------------------------------------------------------------


def test_browse_filters_by_thon_with_counts(client, sample):
    body = html(client, "/dien-hinh/")
    thon = facet_links(body, "thon")
    public = [e for e in sample.exemplars]
    expected_dong = sum(1 for e in public if e.place_id == sample.places["dong"].pk)
    assert thon["Thôn Đông"][1] == expected_dong
    assert thon["Thôn Tây"][1] == len(public) - expected_dong

    filtered = html(client, "/dien-hinh/" + thon["Thôn Đông"][0])
    titles = card_titles(filtered)
    assert sorted(titles) == sorted(e.title for e in public if e.place_id == sample.places["dong"].pk)
    assert "Nguyễn Văn Rút" not in filtered  # consent withdrawn, though in thôn Đông
    assert "Thôn Đông" in filtered and "Bỏ tất cả" in filtered


def test_facets_combine_and_count_within_other_selections(client, sample):
    dong = sample.places["dong"].pk
    body = html(client, f"/dien-hinh/?thon={dong}")
    kinds = facet_links(body, "loai")
    in_dong = [e for e in sample.exemplars if e.place_id == dong]
    assert kinds["Cá nhân"][1] == sum(1 for e in in_dong if e.kind == "individual")
    both = html(client, "/dien-hinh/" + kinds["Cá nhân"][0])
    assert sorted(card_titles(both)) == sorted(e.title for e in in_dong if e.kind == "individual")
    # The campaign and award facets only count exemplars that are public.
    campaigns = facet_links(html(client, "/dien-hinh/"), "phong_trao")
    assert campaigns[sample.campaign.title][1] == 3
    awards = facet_links(html(client, "/dien-hinh/"), "khen_thuong")
    assert awards["Chiến sĩ thi đua cơ sở"][1] == 1
    only_cstd = html(client, "/dien-hinh/" + awards["Chiến sĩ thi đua cơ sở"][0])
    assert card_titles(only_cstd) == ["Nguyễn Văn Biển"]


def test_browse_paginates_through_the_query_string(client, sample):
    first = card_titles(html(client, "/dien-hinh/"))
    second = card_titles(html(client, "/dien-hinh/?trang=2"))
    assert len(first) == 12
    assert len(first) + len(second) == len(sample.exemplars)
    assert not set(first) & set(second)
    assert "Trang sau" in html(client, "/dien-hinh/")
    assert "Không tìm thấy trang" in html(client, "/dien-hinh/?trang=99", 404)
    html(client, "/dien-hinh/?trang=abc", 404)


def test_unknown_filter_value_is_a_clear_400(client, sample):
    body = html(client, "/dien-hinh/?linh_vuc=khong-co", 400)
    assert "Không có lĩnh vực “khong-co”" in body
    body = html(client, "/dien-hinh/?thon=abc", 400)
    assert "Không có địa bàn mã “abc”" in body


# -- profile -----------------------------------------------------------------------------------


def test_profile_shows_story_awards_timeline_and_related(client, sample):
    body = html(client, sample.individual.url)
    assert "<h1>Nguyễn Văn Biển</h1>" in body
    assert "hư cấu" in body  # fictional notice
    assert "Chủ tịch UBND huyện Lý Sơn" in body and "nay là đặc khu Lý Sơn" in body
    assert "Đã thu hồi" in body
    assert "Trên biển, cứu người là việc đầu tiên." in body
    assert links_to(body, sample.campaign.url) and links_to(body, sample.story.url)
    # Portrait as <picture> with AVIF and WebP sources, credit shown.
    assert 'type="image/avif"' in body and 'type="image/webp"' in body
    assert 'alt="Ông Nguyễn Văn Biển đứng trên mũi tàu cá, cười"' in body
    assert "Ảnh: Trung tâm VH-TT&amp;TT Lý Sơn" in body
    assert "1972" in body
    # Awards oldest first.
    dates = re.findall(r'<time class="timeline-date" datetime="([\d-]+)"', body)
    assert dates == sorted(dates) and len(dates) == 3


def test_model_profile_shows_replication_guide(client, sample):
    body = html(client, sample.model.url)
    assert "Hướng dẫn nhân rộng mô hình" in body and "Hẹn giờ cố định mỗi tuần" in body
    assert "Hướng dẫn nhân rộng" not in html(client, sample.individual.url)


def test_profile_respects_consent_scope(client, sample):
    consent = sample.individual.consent
    consent.covers_photo = False
    consent.covers_birth_year = False
    consent.covers_story = False
    consent.save()
    body = html(client, sample.individual.url)
    assert "<picture" not in body.split("<main")[1]
    assert "1972" not in body
    assert "Trên biển, cứu người" not in body
    assert "Chiến sĩ thi đua cơ sở" in body  # award facts stay public
    meta = re.search(r'<meta property="og:image" content="([^"]+)"', body).group(1)
    assert meta.endswith("og-default.png")


def test_withdrawn_consent_takes_the_profile_off_the_site(client, sample):
    assert client.get(sample.withdrawn.url).status_code == 404
    story = html(client, sample.story.url)
    assert "Nguyễn Văn Rút" not in story
    assert "Nguyễn Văn Nháp" not in story  # linked, but a draft
    # The story that links the person is held back with them (StoryPage.visibility_q).
    assert client.get(sample.held_story.url).status_code == 404
    sitemap = client.get("/sitemap.xml").content.decode()
    # Locations are on the address being served (core.urls), like the canonical tags.
    assert f"<loc>http://testserver{sample.individual.url}</loc>" in sitemap
    assert f"http://testserver{sample.withdrawn.url}" not in sitemap
    assert f"http://testserver{sample.draft.url}" not in sitemap
    assert f"http://testserver{sample.held_story.url}" not in sitemap


def test_sitemap_lists_the_public_pages_served_by_views(client, sample):
    sitemap = client.get("/sitemap.xml").content.decode()
    for path in ("/thong-ke/", "/nhan-rong/", "/khoi-thi-dua/", "/gioi-thieu-guong/"):
        assert f"<loc>http://testserver{path}</loc>" in sitemap, path
        assert client.get(path).status_code == 200, path
    assert "/tim-kiem/" not in sitemap  # result pages are not for crawlers


def test_image_blocks_require_alt_text():
    block = CaptionedImageBlock()
    with pytest.raises(ValidationError):
        block.clean({"image": factories.image(), "alt_text": "", "caption": "", "credit": ""})
    page = ExemplarPage(title="x", kind="collective", portrait=factories.image(), portrait_alt="")
    with pytest.raises(ValidationError) as exc:
        page.clean()
    assert "portrait_alt" in exc.value.message_dict


# -- sharing -----------------------------------------------------------------------------------


def test_share_metadata_and_json_ld(client, sample):
    body = html(client, sample.individual.url)
    assert '<meta name="twitter:card" content="summary_large_image">' in body
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', body).group(1)
    assert og_image.startswith("http") and "fill-1200x630" in og_image
    assert client.get(urlparse(og_image).path).status_code in (200, 404)  # media is served by the web server
    person = next(n for n in json_ld(body) if n["@type"] == "Person")
    assert person["name"] == "Nguyễn Văn Biển"
    assert any("Chiến sĩ thi đua cơ sở" in a for a in person["award"])
    assert len(person["award"]) == 2  # the revoked award is left out
    assert person["birthDate"] == "1972"
    crumbs = next(n for n in json_ld(body) if n["@type"] == "BreadcrumbList")
    assert [i["position"] for i in crumbs["itemListElement"]] == [1, 2, 3]

    model = next(n for n in json_ld(html(client, sample.model.url)) if n["@type"] == "CreativeWork")
    assert model["award"]
    collective = next(e for e in sample.exemplars if e.kind == "collective")
    assert any(n["@type"] == "Organization" for n in json_ld(html(client, collective.url)))

    article = next(n for n in json_ld(html(client, sample.story.url)) if n["@type"] == "Article")
    assert article["datePublished"] == "2024-10-02"
    assert [a["name"] for a in article["about"]] == ["Nguyễn Văn Biển"]
    event = next(n for n in json_ld(html(client, sample.campaign.url)) if n["@type"] == "Event")
    assert event["startDate"] == "2021-03-01"
    assert [s["name"].split(":")[0] for s in event["subEvent"]] == ["Phát động", "Sơ kết", "Tổng kết"]
    assert any(n["@type"] == "WebSite" for n in json_ld(html(client, "/")))


def test_footer_about_page_and_publisher_name_the_centre_from_one_setting(client, sample, settings):
    settings.CENTRE_NAME = "Trung tâm Thử nghiệm - Văn hóa"
    home = html(client, "/")
    footer = home[home.index("<footer") :]
    assert "Trung tâm Thử nghiệm - Văn hóa, đặc khu Lý Sơn, tỉnh Quảng Ngãi." in footer
    about = html(client, sample.about.url)
    main = about[about.index("<main") : about.index("</main>")]
    assert "Đơn vị biên tập: Trung tâm Thử nghiệm - Văn hóa" in main
    article = next(n for n in json_ld(html(client, sample.story.url)) if n["@type"] == "Article")
    assert article["publisher"]["name"] == "Trung tâm Thử nghiệm - Văn hóa"
    for body in (home, about):
        assert "Trung tâm Văn hóa – Thông tin" not in body


def test_json_ld_cannot_break_out_of_its_script(client, sample):
    sample.individual.title = "Biển </script><script>alert(1)</script>"
    sample.individual.summary = "Tóm tắt & <!-- chú thích"
    sample.individual.save_revision().publish()
    body = html(client, sample.individual.url)
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1)
    assert "<" not in script and ">" not in script
    person = next(n for n in json_ld(body) if n["@type"] == "Person")
    assert person["name"] == "Biển </script><script>alert(1)</script>"
    assert person["description"] == "Tóm tắt & <!-- chú thích"


# -- feeds, robots, errors -----------------------------------------------------------------------


def test_rss_and_json_feed_list_live_stories(client, sample):
    factories.story("Bản nháp chưa đăng", publish=False)
    rss = client.get("/viec-tot/feed.xml")
    assert rss.status_code == 200 and "rss" in rss["Content-Type"]
    feed = feedparser.parse(rss.content)
    assert feed.version == "rss20" and not feed.bozo
    titles = [e.title for e in feed.entries]
    assert titles[0] == sample.story.title
    assert "Bản nháp chưa đăng" not in titles
    assert feed.entries[0].link.endswith(sample.story.url)

    response = client.get("/viec-tot/feed.json")
    assert response["Content-Type"].startswith("application/feed+json")
    data = json.loads(response.content)
    assert data["version"] == "https://jsonfeed.org/version/1.1"
    assert [i["title"] for i in data["items"]] == titles
    assert data["items"][0]["date_published"].startswith("2024-10-02")
    assert data["items"][0]["image"].startswith("http")


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert re.search(r"^Sitemap: http://testserver/sitemap.xml$", text, re.M)


def test_404_page_is_vietnamese(client):
    body = html(client, "/khong-co-trang-nay/", 404)
    assert "Không tìm thấy trang" in body and 'lang="vi"' in body

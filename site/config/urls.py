"""URL map: admin, documents, the two API doors, search, statistics, radio, sitemap, then Wagtail's pages."""

import re

from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from campaigns.views import bloc_list
from exemplars import nominations_views, propagation_views, statistics_views
from home.feeds import StoryRssFeed, story_json_feed
from home.sitemap import FeatureSitemap, PublicSitemap
from home.views import robots_txt
from search.views import search_page

from .api import api
from .api_v2 import api_router
from .health import healthz

# Problem+json under /api/, Vietnamese pages elsewhere, 503 while the database is down.
handler400 = "config.errors.bad_request"
handler403 = "config.errors.permission_denied"
handler404 = "config.errors.page_not_found"
handler500 = "config.errors.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v2/", api_router.urls),
    path("api/v1/", api.urls),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PublicSitemap, "features": FeatureSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("viec-tot/feed.xml", StoryRssFeed(), name="story_feed_rss"),
    path("viec-tot/feed.json", story_json_feed, name="story_feed_json"),
    path("gioi-thieu-guong/", nominations_views.nomination_form, name="nomination_form"),
    path("gioi-thieu-guong/cam-on/", nominations_views.nomination_thanks, name="nomination_thanks"),
    path("tim-kiem/", search_page, name="search"),
    path("thong-ke/", statistics_views.statistics_page, name="award_statistics"),
    path("thong-ke/tai-ve.csv", statistics_views.statistics_csv, name="award_statistics_csv"),
    path("thong-ke/tai-ve.xlsx", statistics_views.statistics_xlsx, name="award_statistics_xlsx"),
    path("khoi-thi-dua/", bloc_list, name="bloc_list"),
    path("nhan-rong/", propagation_views.propagation_page, name="propagation"),
    path("", include("radio.urls")),
]

# Media: image renditions served by the app server unless a reverse proxy serves /media/
# (SERVE_MEDIA=false; docs/deployment.md has the nginx configuration).
if settings.SERVE_MEDIA:
    from django.urls import re_path

    from ops.media import serve_media

    urlpatterns += [re_path(rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.+)$", serve_media, name="media")]
elif settings.DEBUG:
    from django.urls import re_path
    from django.views.static import serve

    # Uploaded media for development, except documents: they are served only through Wagtail's
    # view (/documents/…), which enforces collection privacy (docs/security.md). A production
    # web server must likewise not serve MEDIA_ROOT/documents/.
    media = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [re_path(rf"^{media}(?!documents/)(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]

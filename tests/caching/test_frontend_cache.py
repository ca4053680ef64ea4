"""A CDN in front of the site is told to drop a page (and the lists above it) through Wagtail's
frontend cache when `WAGTAILFRONTENDCACHE` is configured — here Wagtail's HTTP backend pointed at a
small HTTP server that records the PURGE requests it receives, as Varnish would."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from exemplars.consent import withdraw_consent
from exemplars.models import ConsentRecord
from tests import factories

pytestmark = pytest.mark.django_db


class _Recorder(BaseHTTPRequestHandler):
    purged: list[str]

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.server.purged.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def cdn(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    server.purged = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield server.purged
    server.shutdown()
    server.server_close()


def test_publish_consent_withdrawal_and_unpublish_purge_the_page_and_its_lists(
    cdn, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        person = factories.exemplar("Phạm Thị Hiền", kind="individual")
    assert {person.url, "/dien-hinh/", "/"} <= set(cdn)

    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        withdraw_consent(ConsentRecord.objects.get(page=person), admin_user)
    assert {person.url, "/dien-hinh/", "/"} <= set(cdn)

    collective = factories.exemplar("Hợp tác xã Hiệp Lực")
    cdn.clear()
    with django_capture_on_commit_callbacks(execute=True):
        collective.unpublish()
    assert {collective.url, "/dien-hinh/", "/"} <= set(cdn)


def test_nothing_is_purged_without_configuration(settings, django_capture_on_commit_callbacks):
    assert not getattr(settings, "WAGTAILFRONTENDCACHE", None)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        factories.exemplar("Tổ hợp tác Không CDN")
    assert not [c for c in callbacks if getattr(c, "__qualname__", "").startswith("purge_frontend_cache")]

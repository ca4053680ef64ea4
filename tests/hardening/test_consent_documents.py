"""Signed consent forms (ConsentRecord.evidence) are private: only staff who may see consent
records can download them; anyone else gets 403."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from exemplars.models import ConsentStatus
from exemplars.models.consent import CONSENT_COLLECTION_NAME
from home.editorial import APPROVERS, EDITORS, WRITERS
from tests import factories
from tests.moderation.helpers import team

pytestmark = pytest.mark.django_db

SIGNED = b"%PDF-1.4 phieu dong y co chu ky cua ong Nguyen Van Bien"


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_the_private_collection_exists_and_is_restricted_to_consent_staff():
    collection = Collection.objects.get(name=CONSENT_COLLECTION_NAME)
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert {g.name for g in restriction.groups.all()} == {WRITERS, EDITORS, APPROVERS}


def test_a_form_uploaded_for_a_consent_record_becomes_private(client, settings):
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    users = team()
    page = factories.exemplar("Nguyễn Văn Phiếu", kind="individual")
    record = page.consent
    client.force_login(users["writer"])
    # The writer uploads the scan (into the root collection, the default) …
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Phiếu đồng ý ông Phiếu",
            "file": SimpleUploadedFile("phieu.pdf", SIGNED),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    document = get_document_model().objects.get(title="Phiếu đồng ý ông Phiếu")
    # … and attaches it to the consent record.
    edit = reverse("wagtailsnippets_exemplars_consentrecord:edit", args=[record.pk])
    data = {
        "page": page.pk,
        "status": ConsentStatus.GIVEN,
        "covers_publication": "on",
        "covers_story": "on",
        "given_on": "2024-01-01",
        "evidence": document.pk,
        "evidence_note": record.evidence_note,
        "withdrawal_note": "",
    }
    assert client.post(edit, data).status_code == 302
    document.refresh_from_db()
    assert document.collection.name == CONSENT_COLLECTION_NAME
    url = document.url
    assert url.startswith("/documents/")  # through Wagtail's view, never a /media/ link

    # Anonymous: refused, the file is not in the answer.
    client.logout()
    response = client.get(url)
    assert response.status_code == 403
    assert SIGNED not in response.content and "Tài liệu không công khai" in response.content.decode()
    # Staff without consent permission (radio editors): refused too.
    client.force_login(users["radio"])
    assert client.get(url).status_code == 403
    # An editor who handles consent gets the file.
    client.force_login(users["editor"])
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == SIGNED


def test_documents_outside_the_private_collection_stay_public(client):
    document = get_document_model().objects.create(
        title="Kế hoạch phong trào", file=SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4 cong khai")
    )
    response = client.get(document.url)
    assert response.status_code == 200

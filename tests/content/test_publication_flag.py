"""`ExemplarPage.publication_allowed`, the stored consent rule every public list filters on,
stays true to the kind and the consent record whatever path changes them."""

import pytest

from exemplars.consent import withdraw_consent
from exemplars.models import ConsentRecord, ExemplarPage
from exemplars.queries import public_exemplars
from tests import factories

pytestmark = pytest.mark.django_db


def _flag(page) -> bool:
    return ExemplarPage.objects.values_list("publication_allowed", flat=True).get(pk=page.pk)


def test_collectives_and_models_are_always_allowed_individuals_need_consent():
    collective = factories.exemplar(kind="collective")
    model = factories.exemplar(kind="model")
    with_consent = factories.exemplar(kind="individual")
    without = factories.exemplar(kind="household", consent=False)
    assert [_flag(p) for p in (collective, model, with_consent, without)] == [True, True, True, False]
    assert set(public_exemplars()) == {collective, model, with_consent}


def test_consent_saved_edited_and_deleted_updates_the_flag():
    page = factories.exemplar(kind="individual", consent=False)
    assert not _flag(page)
    record = ConsentRecord.objects.create(page=page, evidence_note="Phiếu đồng ý (thử nghiệm).")
    assert _flag(page)
    record.covers_publication = False
    record.save()
    assert not _flag(page)
    record.covers_publication = True
    record.save()
    assert _flag(page)
    record.delete()
    assert not _flag(page)


def test_changing_the_kind_recomputes_the_flag():
    page = factories.exemplar(kind="collective")
    page.kind = "individual"
    page.save_revision().publish()
    assert not _flag(page)
    assert page not in public_exemplars()


def test_publishing_an_old_revision_after_withdrawal_does_not_bring_the_person_back():
    page = factories.exemplar(kind="individual")
    page.refresh_from_db()
    old_revision = page.save_revision()  # serialised while consent was given
    assert old_revision.content["publication_allowed"] is True
    withdraw_consent(page.consent, user=None)
    assert not _flag(page)
    old_revision.publish()
    assert not _flag(page)
    assert page not in public_exemplars()


def test_refresh_repairs_rows_written_in_bulk():
    page = factories.exemplar(kind="individual")
    ExemplarPage.objects.filter(pk=page.pk).update(publication_allowed=False)
    ExemplarPage.refresh_publication_allowed()
    assert _flag(page)

"""Fixtures for search tests: the corpus is built once per module inside a transaction that is
rolled back afterwards, so the ~20 pages are published through Wagtail only once."""

import pytest

from django.db import transaction

from .corpus import build_corpus


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        pages = build_corpus()
        yield pages
        transaction.set_rollback(True)


def search(client, **params):
    response = client.get("/api/v1/search", params)
    assert response.status_code == 200, response.content
    return response.json()


def titles(answer) -> list[str]:
    return [item["title"] for item in answer["items"]]

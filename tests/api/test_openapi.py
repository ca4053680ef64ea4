"""The OpenAPI document of /api/v1/: valid, snapshot-tested, and honoured by every endpoint.

Regenerate the snapshot after an intended change with:
    UPDATE_SNAPSHOTS=1 python -m pytest tests/api/test_openapi.py
"""

import datetime
import json
import os
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from openapi_spec_validator import validate
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import positive_data_acceptance

from django.core.wsgi import get_wsgi_application

from tests import factories

SNAPSHOT = Path(__file__).parent / "snapshots" / "openapi_v1.json"

# Every documented path and method is exercised (the API has no PUT/PATCH/DELETE).
EXCLUDED_PATHS = r"^$"
EXCLUDED_METHODS = ["PUT", "PATCH", "DELETE"]


def _document(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json()


@pytest.mark.django_db
def test_openapi_document_is_valid(client):
    document = _document(client)
    validate(document)  # raises with the offending path if the document breaks OpenAPI 3.x
    paths = document["paths"]
    for path in (
        "/api/v1/exemplars",
        "/api/v1/exemplars/{slug}",
        "/api/v1/campaigns",
        "/api/v1/campaigns/{slug}",
        "/api/v1/stories",
        "/api/v1/stories/{slug}",
        "/api/v1/places",
        "/api/v1/fields",
        "/api/v1/award-types",
        "/api/v1/stats/awards",
        "/api/v1/preview",
        "/api/v1/events",
        "/api/v1/events/{slug}",
        "/api/v1/blocs",
        "/api/v1/blocs/{slug}",
    ):
        assert "get" in paths[path], path
    params = {p["name"]: p for p in paths["/api/v1/exemplars"]["get"]["parameters"]}
    kind_schemas = params["kind"]["schema"].get("anyOf", [params["kind"]["schema"]])
    assert ["individual", "collective", "household", "model"] in [s.get("enum") for s in kind_schemas]
    assert params["limit"]["schema"]["maximum"] == 50
    assert "application/problem+json" in paths["/api/v1/exemplars"]["get"]["responses"]["400"]["content"]
    assert "text/csv" in paths["/api/v1/stats/awards"]["get"]["responses"]["200"]["content"]


@pytest.mark.django_db
def test_openapi_document_matches_snapshot(client):
    document = _document(client)
    rendered = json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        SNAPSHOT.write_text(rendered, encoding="utf-8")
    assert SNAPSHOT.exists(), "No snapshot yet: run UPDATE_SNAPSHOTS=1 pytest tests/api/test_openapi.py"
    assert rendered == SNAPSHOT.read_text(encoding="utf-8"), (
        "The OpenAPI document changed; if intended, run UPDATE_SNAPSHOTS=1 pytest tests/api/test_openapi.py"
    )


@pytest.fixture
def content(db):
    """A little of everything, so generated requests meet real rows as well as misses."""
    place = factories.place_tree()
    f = factories.field()
    award_type = factories.award_type()
    exemplar = factories.exemplar(
        "Đội thuyền thử nghiệm",
        fields=[f],
        awards=[{"award_type": award_type, "decision_date": datetime.date(2021, 3, 1)}],
        place=place["dong"],
        portrait=factories.image(),
        portrait_alt="Ảnh",
    )
    campaign = factories.campaign(exemplars=[exemplar])
    factories.story(exemplars=[exemplar], campaigns=[campaign])


@pytest.fixture
def keep_db_connection():
    """Django's test client keeps the test's connection open across requests; do the same for
    schemathesis's WSGI transport (else PostgreSQL's connection closes mid-transaction)."""
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = (
    schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    .exclude(path_regex=EXCLUDED_PATHS)
    .exclude(method=EXCLUDED_METHODS)
)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_conforms_to_its_schema(case, content, keep_db_connection):
    # No 5xx, documented status codes and content types, bodies valid against the schema.
    # Excluded on purpose: "schema-valid request rejected". A filter slug or place id that fits
    # the schema but names nothing (field=000…), or from > to, is a 400 naming the parameter.
    case.call_and_validate(excluded_checks=[positive_data_acceptance])


# -- PostgreSQL: hostile input ------------------------------------------------------------------
# PostgreSQL refuses NUL in text, so it is where NUL and undecodable input used to become 500s.
# This run generates valid and invalid requests (negative mode) for every operation and puts a
# NUL into about half of the generated query and path values. No answer may be a server error,
# and every client error is a problem document. Bounded: a few examples per operation and no
# content fixture (the failures did not need any rows), about half a minute in all.

hostile_schema = (
    schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    .exclude(path_regex=EXCLUDED_PATHS)
    .exclude(method=EXCLUDED_METHODS)
)
hostile_schema.config.generation.update(modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE], allow_x00=True)


def _with_nul(values):
    if not values:
        return st.just(values)
    poisoned = {key: f"{value}\x00" if isinstance(value, str) else value for key, value in values.items()}
    return st.sampled_from([values, poisoned])


@hostile_schema.hook("flatmap_query")
def _nul_in_query(ctx, query):
    return _with_nul(query)


@hostile_schema.hook("flatmap_path_parameters")
def _nul_in_path(ctx, path_parameters):
    return _with_nul(path_parameters)


@pytest.mark.postgres
@pytest.mark.django_db
@hostile_schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_survives_hostile_input_on_postgresql(case, keep_db_connection):
    response = case.call()
    case.validate_response(response, checks=[not_a_server_error])
    if 400 <= response.status_code < 500:
        content_type = {name.lower(): value for name, value in response.headers.items()}["content-type"]
        assert content_type == ["application/problem+json"], (case.path, response.status_code, content_type)

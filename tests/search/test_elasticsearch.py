"""The Elasticsearch engine: what the index definition and queries send, the fallback to the
embedded engine when the server is unreachable, and (with ELASTICSEARCH_URL) a live run of the
same Vietnamese query suite."""

import logging
import os
import socket

import pytest

from search.engines.base import SearchRequest
from search.engines.elastic import build_search, build_suggest, make_index, synonym_rules
from search.models import SearchSynonym
from search.text import parse_query

from .conftest import search, titles
from .corpus import QUERIES

pytestmark = pytest.mark.django_db


def test_index_definition_folds_vietnamese_and_has_autocomplete_and_synonyms():
    index, _ = make_index("t-search", ["ubnd, uy ban nhan dan", "hcm, ho chi minh"])
    body = index.to_dict()
    analysis = body["settings"]["analysis"]
    assert analysis["analyzer"]["vi_fold"]["filter"] == ["lowercase", "vi_folding"]
    assert analysis["filter"]["vi_folding"]["type"] == "asciifolding"
    assert analysis["analyzer"]["vi_fold_search"]["filter"][-1] == "vi_synonyms"
    assert analysis["filter"]["vi_synonyms"] == {
        "type": "synonym_graph",
        "synonyms": ["ubnd, uy ban nhan dan", "hcm, ho chi minh"],
    }
    assert analysis["filter"]["vi_edge_ngram"]["type"] == "edge_ngram"
    props = body["mappings"]["properties"]
    assert props["title"]["analyzer"] == "vi_fold" and props["title"]["search_analyzer"] == "vi_fold_search"
    assert props["title"]["fields"]["exact"]["analyzer"] == "vi_exact"
    assert props["title"]["fields"]["autocomplete"]["analyzer"] == "vi_autocomplete"
    for name in ("type", "kind", "field", "place", "campaign", "award_type", "year"):
        assert props[name]["type"] == "keyword"


def test_synonyms_come_from_the_admin_list_folded():
    SearchSynonym.objects.create(terms="UBND, Ủy ban nhân dân")
    SearchSynonym.objects.create(terms="HCM, Hồ Chí Minh, Bác Hồ")
    assert synonym_rules() == ["hcm, ho chi minh, bac ho", "ubnd, uy ban nhan dan"]


def test_synonym_admin_rejects_a_single_term(admin_client):
    response = admin_client.post("/admin/snippets/search/searchsynonym/add/", {"terms": "UBND", "note": ""})
    assert response.status_code == 200 and "ít nhất hai từ" in response.content.decode()
    response = admin_client.post("/admin/snippets/search/searchsynonym/add/", {"terms": "UBND, Ủy ban nhân dân"})
    assert response.status_code == 302 and SearchSynonym.objects.filter(terms__startswith="UBND").exists()


def test_query_body_targets_fields_filters_and_aggregations():
    request = SearchRequest(
        query=parse_query('Nguyễn "Văn" NEAR -Hùng*'),
        filters={"place": ["3"], "kind": ["individual"]},
        limit=10,
        offset=20,
    )
    body = build_search(request, "t-search").to_dict()
    must = body["query"]["bool"]["must"][0]["multi_match"]
    assert must["query"] == "nguyễn văn near hùng"  # tokens only: no syntax reaches ES
    assert must["fields"] == ["title^10", "summary^4", "body^1"] and must["operator"] == "and"
    should = body["query"]["bool"]["should"]
    assert {"match": {"title.exact": {"query": "nguyễn văn near hùng", "boost": 13}}} in should
    assert body["post_filter"] == {
        "bool": {"filter": [{"terms": {"kind": ["individual"]}}, {"terms": {"place": ["3"]}}]}
    }
    # each facet is filtered by the other facets, not its own
    assert body["aggs"]["place"]["filter"] == {"bool": {"filter": [{"terms": {"kind": ["individual"]}}]}}
    assert body["aggs"]["kind"]["filter"] == {"bool": {"filter": [{"terms": {"place": ["3"]}}]}}
    assert body["aggs"]["year"]["aggs"]["values"]["terms"]["field"] == "year"
    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["encoder"] == "html"
    assert body["size"] == 10 and body["from"] == 20 and body["track_total_hits"] == 1000


def test_suggest_body_uses_the_autocomplete_field_on_names():
    body = build_suggest(parse_query("nguyen va"), "t-search").to_dict()
    assert body["query"]["bool"]["must"][0]["match"]["title.autocomplete"]["query"] == "nguyen va"
    assert body["query"]["bool"]["filter"] == [{"terms": {"type": ["exemplar", "campaign"]}}]


def _closed_port() -> int:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    return port


def test_unreachable_elasticsearch_falls_back_to_the_embedded_engine(client, corpus, settings, caplog):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{_closed_port()}"
    with caplog.at_level(logging.WARNING, logger="search.service"):
        answer = search(client, q="vo thi thoi")
    assert answer["engine"] == "embedded"
    assert titles(answer)[0] == "Võ Thị Thời"
    assert "Elasticsearch search failed" in caplog.text
    response = client.get("/api/v1/search/suggest", {"q": "vo thi th"})
    assert response.status_code == 200 and response.json()[0]["title"] == "Võ Thị Thời"
    # publishing while ES is down still updates the embedded index (and logs)
    from tests import factories

    factories.exemplar("Tổ hợp tác Gió Nam", kind="collective")
    assert titles(search(client, q="gio nam")) == ["Tổ hợp tác Gió Nam"]


ES_URL = os.environ.get("ELASTICSEARCH_URL", "")


@pytest.mark.elasticsearch
@pytest.mark.skipif(not ES_URL, reason="needs a live Elasticsearch: set ELASTICSEARCH_URL=http://127.0.0.1:9200")
@pytest.mark.parametrize(("expected", "accented", "plain", "wrong"), QUERIES, ids=[q[2] for q in QUERIES])
def test_live_elasticsearch_query_suite(client, corpus, settings, expected, accented, plain, wrong):
    from django.core.management import call_command

    settings.ELASTICSEARCH_URL = ES_URL
    settings.ELASTICSEARCH_INDEX_PREFIX = "guongsang-test"
    call_command("rebuild_search", verbosity=0)
    exact = search(client, q=accented)
    assert exact["engine"] == "elasticsearch"
    assert titles(exact)[0] == expected
    for form in (plain, wrong):
        assert expected in titles(search(client, q=form))[:3]

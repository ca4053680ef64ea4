"""PostgreSQL: the two plans for "the most recent matches" (walk the key backwards for common
words, GIN bitmap for rarer ones) give the same answers, and the choice follows the database's
own word statistics."""

import pytest

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import vocabulary
from search.engines.embedded import EmbeddedEngine, clear_statistics
from search.text import facet_token, parse_query

from .conftest import search, titles
from .corpus import QUERIES

pytestmark = [pytest.mark.django_db, pytest.mark.postgres]


@pytest.fixture
def engine():
    clear_statistics()
    yield EmbeddedEngine()
    clear_statistics()


def test_both_plans_find_the_same_pages_in_the_same_order(client, corpus, engine, monkeypatch):
    queries = [q[1] for q in QUERIES] + [q[2] for q in QUERIES] + ["ly son", "dan van kheo"]
    answers = {}
    for share, plan in ((0.0, "key walk"), (2.0, "bitmap")):
        monkeypatch.setattr(EmbeddedEngine, "COMMON_SHARE", share)
        monkeypatch.setattr(EmbeddedEngine, "INDEPENDENT_FLOOR", share)
        for q in queries:
            for filters in ({}, {"kind": "individual"}):
                cache.clear()  # no cached answer from the other plan
                answer = search(client, q=q, facets="true", **filters)
                assert answer["items"] or filters or q == "dan van kheo", q
                answers.setdefault((q, tuple(filters.items())), {})[plan] = (titles(answer), answer["count"])
    for key, by_plan in answers.items():
        assert by_plan["key walk"] == by_plan["bitmap"], key


def test_share_follows_the_word_statistics(corpus, engine):
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_match")
    words, floor = engine._element_stats()
    assert words, "ANALYZE gathered no lexeme statistics"
    common = max(words, key=words.get)
    assert engine._shares(parse_query(common), {}) == pytest.approx((words[common], words[common]))
    # a word no document holds (a typo) matches nothing: never taken for a common word
    assert engine._shares(parse_query("zzzqqq"), {}) == (0.0, 0.0)
    # a word indexed since the last ANALYZE is rarer than the rarest listed one
    vocabulary.apply({"zzzqqq"}, set())
    clear_statistics()  # shares are kept like the statistics: read again after five minutes
    fresh = EmbeddedEngine()
    assert fresh._shares(parse_query("zzzqqq"), {}) == pytest.approx((floor, floor))
    # the rarest word bounds the share; taken as independent, the words multiply
    upper, independent = fresh._shares(parse_query(f"{common} zzzqqq"), {})
    assert upper == pytest.approx(floor) and independent == pytest.approx(words[common] * floor)
    narrowed, _ = engine._shares(parse_query(common), {"kind": ["individual"]})
    assert narrowed < words[common]


def test_a_bound_on_recent_ids_changes_no_answer(client, corpus, engine, monkeypatch, settings):
    """The bitmap plan may look only above an id where the n most recent matches are expected;
    when fewer than n lie there it looks below, down to a second bound set by what it found,
    then at every match. Either way the same pages come back."""
    settings.SEARCH_COUNT_CAP = settings.SEARCH_FACET_SAMPLE = settings.SEARCH_WINDOW = 3  # n = 4
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_match")
    monkeypatch.setattr(EmbeddedEngine, "COMMON_SHARE", 2.0)  # never walk the key
    queries = ["ly son", "nguyen", "dao"]
    answers, second_passes = {}, {}
    for plan, min_matches, margin in (("no bound", 10**9, 1.0), ("bound", 0, 1.0), ("bound too high", 0, 0.01)):
        monkeypatch.setattr(EmbeddedEngine, "RANGE_MIN_MATCHES", min_matches)
        monkeypatch.setattr(EmbeddedEngine, "RANGE_MARGIN", margin)
        for q in queries:
            if plan != "no bound":
                assert engine._recent_bound(parse_query(q), {}, 4) is not None, (plan, q)
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                answer = search(client, q=q, facets="true")
            ranged = [x["sql"] for x in captured if "OFFSET 0" in x["sql"] and "page_id >" in x["sql"]]
            assert bool(ranged) == (plan != "no bound"), (plan, q)
            below = [x["sql"] for x in captured if "OFFSET 0" in x["sql"] and "page_id <=" in x["sql"]]
            second_passes.setdefault(plan, []).append(any("page_id >" in sql for sql in below))
            answers.setdefault(q, {})[plan] = (titles(answer), answer["count"], answer["count_exact"])
    # a bound too high that found some matches looks next below it down to a second bound
    assert any(second_passes["bound too high"]) and not any(second_passes["no bound"])
    for q, by_plan in answers.items():
        assert by_plan["bound"] == by_plan["no bound"] == by_plan["bound too high"], q
        assert by_plan["no bound"][0], q


def test_a_bounded_key_walk_changes_no_answer(client, corpus, engine, monkeypatch, settings):
    """Words that are common but, taken as independent, rarely meet are first looked for in a
    bounded stretch of the key; if it holds fewer than n matches, the bitmap takes every one.
    The pages, counts and exactness are those of the bitmap plan alone."""
    settings.SEARCH_COUNT_CAP = settings.SEARCH_FACET_SAMPLE = settings.SEARCH_WINDOW = 3  # n = 4
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE search_match")
    monkeypatch.setattr(EmbeddedEngine, "RANGE_MIN_MATCHES", 10**9)  # no id bound: one bitmap query
    queries = ["ly son", "nguyen", "dao", "zzzqqq"]
    answers = {}
    # "bitmap": never the walk; "walk": every query is in the uncertain zone (common, rarely
    # meeting), with a budget that covers the table; "short walk": a budget of 1 row, so the
    # walk finds fewer than n and the bitmap must follow
    for plan, common, floor, factor in (
        ("bitmap", 2.0, 0.01, 2),
        ("walk", 1e-9, 2.0, 10**6),
        ("short walk", 1e-9, 2.0, 0),
    ):
        monkeypatch.setattr(EmbeddedEngine, "COMMON_SHARE", common)
        monkeypatch.setattr(EmbeddedEngine, "INDEPENDENT_FLOOR", floor)
        monkeypatch.setattr(EmbeddedEngine, "WALK_BUDGET_FACTOR", factor)
        for q in queries:
            # with a kind filter the stretch is one of that kind's walk index (migration 0012)
            for filters in ({}, {"kind": "individual"}):
                cache.clear()
                with CaptureQueriesContext(connection) as captured:
                    answer = search(client, q=q, facets="true", **filters)
                walks = [x["sql"] for x in captured if ") walked WHERE" in x["sql"]]
                bitmaps = [x["sql"] for x in captured if "OFFSET 0) matched" in x["sql"]]
                if plan == "bitmap":
                    assert not walks and bitmaps, (plan, q)
                elif q != "zzzqqq":  # a word no document holds matches nothing: never "common"
                    assert walks, (plan, q)
                    assert ("FROM search_match WHERE match_vector @@ 'f" in walks[0]) == bool(filters), walks[0]
                answers.setdefault((q, repr(filters)), {})[plan] = (
                    titles(answer),
                    answer["count"],
                    answer["count_exact"],
                )
    for key, by_plan in answers.items():
        assert by_plan["walk"] == by_plan["bitmap"] == by_plan["short walk"], key
        assert by_plan["bitmap"][0] or key[0] == "zzzqqq" or key[1] != "{}", key


def _each_search(client, queries):
    """(query, filters, answer, captured SQL) of each query, without and with a kind filter,
    every one computed afresh (no cached facets or answer from another plan)."""
    for q in queries:
        for filters in ({}, {"kind": "individual"}):
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                answer = search(client, q=q, facets="true", **filters)
            yield q, filters, answer, captured


def test_common_conditions_tested_on_rows_change_no_answer(client, corpus, engine, monkeypatch):
    """Conditions most documents meet (a common word, a last word that begins most words) are
    tested on the rows the rarest condition finds, not in the GIN index — and such a cut-off
    word on the titles the other words find; the pages, their order and the counts are those
    of the index alone."""
    queries = ["ly so", "nguyen van hu", "tran thi ho", "dan van kh", "doi tau ca"]
    answers = {}
    monkeypatch.setattr(EmbeddedEngine, "COMMON_SHARE", 2.0)  # the bitmap plan, never the walk
    for how, share in (("index", 2.0), ("rows", 0.0)):
        monkeypatch.setattr(EmbeddedEngine, "ON_ROWS_SHARE", share)
        for q, filters, answer, captured in _each_search(client, queries):
            on_rows = [x["sql"] for x in captured if "OFFSET 0) matched" in x["sql"] and "ts_match_vq(" in x["sql"]]
            assert bool(on_rows) == (how == "rows"), (how, q)
            titled = [x["sql"] for x in captured if "ts_match_vq(title_vector" in x["sql"]]
            assert bool(titled) == (how == "rows"), (how, q)
            answers.setdefault((q, tuple(filters.items())), {})[how] = (titles(answer), answer["count"])
    assert any(by_how["index"][0] for by_how in answers.values())
    for key, by_how in answers.items():
        assert by_how["rows"] == by_how["index"], key


def test_the_key_walk_needs_no_planner_setting(client, corpus, engine, monkeypatch):
    """Common words walk the key with their condition written on the rows: no index to choose,
    so no `set_config` and no transaction of its own, and the same answers as the bitmap."""
    answers = {}
    for plan, common in (("walk", 0.0), ("bitmap", 2.0)):
        monkeypatch.setattr(EmbeddedEngine, "COMMON_SHARE", common)
        monkeypatch.setattr(EmbeddedEngine, "INDEPENDENT_FLOOR", 0.0)
        for q in ("ly son", "nguyen", "dao", "dan van kh"):
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                answer = search(client, q=q, facets="true")
            settings_changed = [x["sql"] for x in captured if "set_config" in x["sql"]]
            assert bool(settings_changed) == (plan == "bitmap"), (plan, q)
            if plan == "walk":
                with connection.cursor() as cursor:
                    walk = next(x["sql"] for x in captured if "FROM search_match WHERE ts_match_vq(" in x["sql"])
                    cursor.execute("EXPLAIN " + walk.replace("%", "%%"))
                    explained = " ".join(row[0] for row in cursor.fetchall())
                # the GIN index is out of reach (on a table this small PostgreSQL then reads it all;
                # at 100,000 rows it walks the key backwards: see docs/benchmarks.md)
                assert "search_match_vector" not in explained and "Bitmap" not in explained, explained
            answers.setdefault(q, {})[plan] = (titles(answer), answer["count"])
    for q, by_plan in answers.items():
        assert by_plan["walk"] == by_plan["bitmap"], q


def test_a_filtered_walk_reads_only_the_documents_of_the_filter(client, corpus, engine, monkeypatch):
    """With a one-value filter of a closed facet (type, kind, replicated) the walk reads that
    value's own index (migration 0012) instead of every row: the same pages and counts as the
    bitmap, and PostgreSQL reads that index, not the GIN. Two values of one facet, or a facet
    without such indexes, walk the key as before."""
    assert facet_token("kind", "individual") in engine._walk_keys()
    assert facet_token("place", "1") not in engine._walk_keys()
    answers = {}
    for plan, common in (("walk", 0.0), ("bitmap", 2.0)):
        monkeypatch.setattr(EmbeddedEngine, "COMMON_SHARE", common)
        monkeypatch.setattr(EmbeddedEngine, "INDEPENDENT_FLOOR", 0.0)
        for q in ("ly son", "nguyen", "dao", "dan van kh"):
            for filters, index in (
                ({"kind": "individual"}, "search_match_walk_kind_individual"),
                ({"type": "story"}, "search_match_walk_type_story"),
                ({"kind": ["individual", "collective"]}, None),
            ):
                cache.clear()
                with CaptureQueriesContext(connection) as captured:
                    answer = search(client, q=q, facets="true", **filters)
                walks = [x["sql"] for x in captured if "FROM search_match WHERE match_vector @@ 'f" in x["sql"]]
                if plan == "walk":
                    assert bool(walks) == bool(index), (q, filters)
                    if walks:
                        with connection.cursor() as cursor:
                            cursor.execute("SET LOCAL enable_seqscan = off")  # a table this small is read whole
                            cursor.execute("EXPLAIN " + walks[0].replace("%", "%%"))
                            explained = " ".join(row[0] for row in cursor.fetchall())
                            cursor.execute("SET LOCAL enable_seqscan = on")
                        # the value's own index, not the GIN (at 100,000 rows PostgreSQL walks
                        # it backwards; on a table this small it may read it as a bitmap)
                        assert index in explained and "search_match_vector" not in explained, explained
                answers.setdefault((q, repr(filters)), {})[plan] = (titles(answer), answer["count"])
    assert any(by_plan["walk"][0] for by_plan in answers.values())
    for key, by_plan in answers.items():
        assert by_plan["walk"] == by_plan["bitmap"], key


def test_a_cut_off_word_listed_as_its_completions_changes_no_answer(client, corpus, engine, monkeypatch):
    """A last word with few completions is matched as those words, OR-ed, instead of GIN's
    partial match; the pages and counts are the same, and a facet key is never a completion."""
    queries = ["ly so", "nguyen van hu", "tran thi ho", "dan van kh", "doi tau ca", "fk", "fkindx"]
    answers = {}
    for how, most in (("completions", 16), ("partial match", -1)):
        monkeypatch.setattr(EmbeddedEngine, "PG_MAX_COMPLETIONS", most)
        for q, filters, answer, captured in _each_search(client, queries):
            cut = q.split()[-1]
            partial = [x for x in captured if f"'{cut}:*'" in x["sql"]]
            assert bool(partial) == (how == "partial match") or q.startswith("fk"), (how, q)
            answers.setdefault((q, tuple(filters.items())), {})[how] = (titles(answer), answer["count"])
    assert any(by_how["completions"][0] for by_how in answers.values())
    for key, by_how in answers.items():
        if key[0].startswith("fk"):  # a prefix of facet keys: nothing, listed
            assert by_how["completions"] == ([], 0), key
        else:
            assert by_how["completions"] == by_how["partial match"], key

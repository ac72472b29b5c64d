"""Issue 12, acceptance 2 at small scale: the web app under load on generated articles.

``make bench-web`` runs the same at 100,000 articles with 2,000 requests and the p95 bound;
here the corpus is 2,000 articles and the load 200 requests from 20 clients to a server of two
workers, with the acceptance's looser bound: no answer is a 5xx. It also checks that the
benchmark's routes and ids are real, and the machinery of acceptance 4 (adding articles to a
store already built) on a small corpus.
"""

from __future__ import annotations

from types import ModuleType

import pytest

from communique.store import Store

from .conftest import load_benchmark

pytestmark = pytest.mark.issue(12)


@pytest.fixture(scope="module")
def web() -> ModuleType:
    return load_benchmark("web")


@pytest.fixture(scope="module")
def results(web: ModuleType, tmp_path_factory: pytest.TempPathFactory):
    url = f"sqlite:///{tmp_path_factory.mktemp('bench-web') / 'web.db'}"
    web.build(url, 2000, seed=3)
    return web.run(url, requests=200, clients=20, timeout=60.0, seed=3, workers=2)


def test_nearest_rank_percentile() -> None:
    web = load_benchmark("web")
    values = [float(v) for v in range(1, 101)]
    assert web.percentile(values, 0.95) == 95.0
    assert web.percentile(values, 0.5) == 50.0
    assert web.percentile([0.2], 0.95) == 0.2
    assert web.percentile([], 0.95) == 0.0


def test_every_route_answers_and_every_id_asked_for_exists(results) -> None:
    assert not results.failures
    routes = {"overview", "timeline", "network", "event", "actor", "search", "api-events"}
    assert routes <= set(results.times)
    for route, codes in results.statuses.items():
        assert all(code < 400 or code >= 500 for code in codes), (route, sorted(set(codes)))


def test_no_answer_is_a_server_error(results) -> None:
    errors = {
        route: sum(1 for code in codes if code >= 500) for route, codes in results.statuses.items()
    }
    assert sum(errors.values()) == 0, errors


def test_articles_added_after_the_build_follow_the_corpus(web: ModuleType, tmp_path) -> None:
    url = f"sqlite:///{tmp_path / 'added.db'}"
    built = web.build(url, 120, seed=4, add=40)
    assert built.seconds >= built.first > 0
    assert web.add_articles(url, built.following, 40) > 0
    store = Store.open(url, read_only=True)
    try:
        assert store.count_articles() == 160  # the 40 after the corpus are new articles
    finally:
        store.close()

"""/explore in a real browser: the system Chromium, driven by Selenium through the system
chromedriver (nothing is downloaded at run time), against the API served by uvicorn on a free
loopback port over the test Neo4j and the hand-written explorer graph.

A person searches "Veren", picks Asha Verenna, sees her network (the nodes and edges drawn
are exactly those /network returns), clicks the criticism edge and reads its three sentences
highlighted in their articles, double-clicks Tomas Keld to expand him, narrows the dates with
the slider and a relation type with a checkbox, and opens the URL again to get the same view.

Without Chromium the tests skip, except under CI (where `.ci/run` installs it) they fail.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from neo4j import Driver

from app.config import Settings
from tests.integration.api_support import load
from tests.integration.browser_support import WAIT_S, chromium, require_chromium, serve_api
from tests.integration.explorer_data import (
    ASHA,
    CIVIC,
    CRITICISM_1,
    CRITICISM_2,
    CRITICISM_3,
    TOMAS,
    explorer_docs,
)

require_chromium()

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

SHOTS = Path(__file__).resolve().parents[2] / "out" / "explore"


@pytest.fixture(scope="module")
def base_url(session_driver: Driver, test_settings: Settings) -> Iterator[str]:
    """The API (and so /explore) over the explorer graph."""
    load(session_driver, explorer_docs())
    with serve_api(test_settings) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    with chromium() as driver:
        yield driver


def api(base_url: str, path: str, **params: Any) -> Any:
    with urllib.request.urlopen(f"{base_url}{path}?{urlencode(params, doseq=True)}") as r:
        return json.load(r)


def wait_ready(browser: WebDriver) -> None:
    WebDriverWait(browser, WAIT_S).until(
        lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "ready"
    )


def drawn(browser: WebDriver) -> tuple[set[str], set[str]]:
    node_ids, edge_ids = browser.execute_script(
        "const cy = window.polikg.cy;"
        "return [cy.nodes().map(n => n.id()), cy.edges().map(e => e.id())];"
    )
    return set(node_ids), set(edge_ids)


def served(base_url: str, center: str, **filters: Any) -> tuple[set[str], set[str]]:
    """What /network answers for the page's request (depth 1, its node cap)."""
    body = api(base_url, "/network", center=center, format="graph", max_nodes=150, **filters)
    return {n["id"] for n in body["nodes"]}, {e["id"] for e in body["edges"]}


def click_element(browser: WebDriver, element_id: str, *, double: bool = False) -> None:
    """A real mouse click (or double click) where Cytoscape drew the node or edge."""
    x, y, width, height = browser.execute_script(
        "const e = window.polikg.cy.getElementById(arguments[0]);"
        "const p = e.isNode() ? e.renderedPosition() : e.renderedMidpoint();"
        "const r = document.getElementById('cy').getBoundingClientRect();"
        "return [p.x, p.y, r.width, r.height];",
        element_id,
    )
    canvas = browser.find_element(By.ID, "cy")
    actions = ActionChains(browser).move_to_element_with_offset(
        canvas, int(x - width / 2), int(y - height / 2)
    )
    (actions.double_click() if double else actions.click()).perform()


def url_state(browser: WebDriver) -> dict[str, list[str]]:
    return parse_qs(urlparse(browser.current_url).query)


def test_search_then_the_drawn_network_is_the_api_answer(browser: WebDriver, base_url: str) -> None:
    browser.get(f"{base_url}/explore")
    browser.find_element(By.ID, "search").send_keys("Veren")
    WebDriverWait(browser, WAIT_S).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, f'#suggestions li[data-id="{ASHA}"]')
    )
    browser.find_element(By.CSS_SELECTOR, f'#suggestions li[data-id="{ASHA}"]').click()
    wait_ready(browser)
    assert url_state(browser)["center"] == [ASHA]
    assert drawn(browser) == served(base_url, ASHA)
    WebDriverWait(browser, WAIT_S).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, f'.profile[data-id="{ASHA}"]')
    )
    profile = browser.find_element(By.ID, "panel").text
    assert "Mayor of Port Arlen" in profile and "the plan was reckless" in profile
    SHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SHOTS / "1-network-and-profile.png"))


def test_clicking_an_edge_shows_each_sentence_in_its_article(
    browser: WebDriver, base_url: str
) -> None:
    edge_id = f"{ASHA}|CRITICIZED|{TOMAS}"
    click_element(browser, edge_id)
    WebDriverWait(browser, WAIT_S).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, ".evidence[data-edge] .claim mark")
    )
    panel = browser.find_element(By.CSS_SELECTOR, ".evidence")
    assert panel.get_attribute("data-edge") == edge_id
    marks = [m.text for m in panel.find_elements(By.TAG_NAME, "mark")]
    assert marks == [CRITICISM_1, CRITICISM_2, CRITICISM_3]
    assert "2024-03-05" in panel.text and "Port Arlen." in panel.text  # text around it
    browser.save_screenshot(str(SHOTS / "2-edge-evidence.png"))


def test_double_click_expands_a_node(browser: WebDriver, base_url: str) -> None:
    hint = browser.execute_script(
        "return window.polikg.cy.getElementById(arguments[0]).data('more');", TOMAS
    )
    assert hint == 1  # the Civic Bloc is not drawn yet
    before_nodes, before_edges = drawn(browser)
    click_element(browser, TOMAS, double=True)
    WebDriverWait(browser, WAIT_S).until(lambda b: CIVIC in drawn(b)[0])
    wait_ready(browser)
    nodes, edges = drawn(browser)
    tomas_nodes, tomas_edges = served(base_url, TOMAS)
    assert nodes == before_nodes | tomas_nodes and edges == before_edges | tomas_edges
    assert url_state(browser)["expand"] == [TOMAS]
    assert (
        browser.execute_script(
            "return window.polikg.cy.getElementById(arguments[0]).data('more');", TOMAS
        )
        == 0
    )


def test_filters_go_to_the_api_and_the_url_round_trips(browser: WebDriver, base_url: str) -> None:
    browser.get(f"{base_url}/explore?center={ASHA}")
    wait_ready(browser)
    day = browser.execute_script(  # move the "from" slider to the first day in March
        "const s = document.getElementById('since-range');"
        "for (let i = 0; i <= Number(s.max); i++) { s.value = String(i);"
        "  s.dispatchEvent(new Event('input'));"
        "  if (document.getElementById('date-label').value >= '2024-03') break; }"
        "s.dispatchEvent(new Event('change')); return window.polikg.state.since;"
    )
    assert day == "2024-03-01"
    wait_ready(browser)
    assert url_state(browser)["since"] == [day]
    assert drawn(browser) == served(base_url, ASHA, since=day)
    browser.find_element(By.CSS_SELECTOR, '#types input[value="SUPPORTED"]').click()
    browser.find_element(By.CSS_SELECTOR, '#types input[value="HOLDS_OFFICE"]').click()
    wait_ready(browser)
    types = ["CRITICIZED", "ALLIED_WITH", "MEMBER_OF"]
    assert url_state(browser)["types"] == [",".join(types)]
    view = drawn(browser)
    assert view == served(base_url, ASHA, since=day, types=types)
    shared = browser.current_url
    browser.get("about:blank")
    browser.get(shared)  # a colleague opens the link
    wait_ready(browser)
    assert drawn(browser) == view
    checked = browser.execute_script(
        "return [...document.querySelectorAll('#types input:checked')].map(b => b.value);"
    )
    assert checked == types
    assert browser.find_element(By.ID, "date-label").text.startswith(day)
    WebDriverWait(browser, WAIT_S).until(
        lambda b: b.find_elements(By.CSS_SELECTOR, f'.profile[data-id="{ASHA}"]')
    )
    browser.save_screenshot(str(SHOTS / "3-filtered.png"))

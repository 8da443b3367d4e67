"""Third-party front ends on another origin, in a real browser (issue 11): a page served from
its own port fetches /network across origins (CORS preflight included, because it sends
If-None-Match) and draws the graphology answer with sigma.js 3 as is, with no layout step;
graphology-gexf (in Node) reads the GEXF into a sigma-ready graph.

sigma.js, graphology and graphology-gexf are devDependencies in package.json, installed by
`npm ci` like Cytoscape.js; the tests fail with that hint when node_modules lacks them.
"""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
import threading
import urllib.request
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from neo4j import Driver

from app.config import Settings
from app.neo4j_local import free_port
from tests.integration.api_support import load
from tests.integration.browser_support import WAIT_S, chromium, require_chromium, serve_api
from tests.integration.explorer_data import ASHA, CIVIC, explorer_docs

require_chromium()

from selenium.webdriver.remote.webdriver import WebDriver  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

NODE_MODULES = Path(__file__).resolve().parents[2] / "node_modules"
LIBRARIES = {
    "graphology.umd.min.js": "graphology/dist/graphology.umd.min.js",
    "sigma.min.js": "sigma/dist/sigma.min.js",
}
PAGE = """<!doctype html><meta charset="utf-8"><title>sigma on polikg</title>
<script src="graphology.umd.min.js"></script><script src="sigma.min.js"></script>
<div id="c" style="width:900px;height:650px"></div>
<script>
window.result = null;
window.addEventListener("error", (e) => { window.result = {error: e.message}; });
async function draw(api, params) {
  try {
    const first = await fetch(`${api}/network?${params}`);
    const etag = first.headers.get("ETag");
    // a conditional request carries If-None-Match: the browser sends a CORS preflight first
    const again = await fetch(`${api}/network?${params}`, {headers: {"If-None-Match": etag}});
    const body = await first.json();
    const graph = graphology.Graph.from(body);
    const renderer = new Sigma(graph, document.getElementById("c"));
    renderer.refresh();
    const shown = graph.nodes().filter((n) => renderer.getNodeDisplayData(n) !== undefined);
    window.result = {nodes: graph.order, edges: graph.size, type: graph.type,
                     shown: shown.length, truncated: first.headers.get("X-Polikg-Truncated"),
                     etag, revalidated: again.status};
  } catch (error) {  // a refused cross-origin fetch rejects with a TypeError
    window.result = {error: String(error)};
  }
}
</script>"""


def _library(name: str) -> Path:
    path = NODE_MODULES / LIBRARIES[name]
    if not path.is_file():
        pytest.fail(f"{path} is missing: run `npm ci` (make install)", pytrace=False)
    return path


@pytest.fixture(scope="module")
def page_origin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A static page and the two libraries, served from their own port (another origin)."""
    root = tmp_path_factory.mktemp("sigma-page")
    (root / "index.html").write_text(PAGE, "utf-8")
    for name in LIBRARIES:
        shutil.copyfile(_library(name), root / name)
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(root))
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def api_url(session_driver: Driver, test_settings: Settings, page_origin: str) -> Iterator[str]:
    """The API with CORS open to the page's origin only."""
    load(session_driver, explorer_docs())
    settings = test_settings.model_copy(update={"cors_origins": [page_origin]})
    with serve_api(settings) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    with chromium() as driver:
        yield driver


def draw(browser: WebDriver, page_origin: str, api_url: str, params: str) -> dict[str, Any]:
    browser.get(f"{page_origin}/index.html")
    browser.execute_script("window.draw(arguments[0], arguments[1]);", api_url, params)
    WebDriverWait(browser, WAIT_S).until(lambda b: b.execute_script("return window.result"))
    result: dict[str, Any] = browser.execute_script("return window.result")
    return result


def test_sigma_draws_the_graphology_answer_across_origins(
    browser: WebDriver, page_origin: str, api_url: str
) -> None:
    result = draw(browser, page_origin, api_url, f"center={CIVIC}&depth=2&format=graphology")
    assert "error" not in result, result
    # Civic Bloc, its four neighbours and Asha Verenna; eight links among them
    assert result["type"] == "mixed" and result["nodes"] == result["shown"] == 6
    assert result["edges"] == 8
    assert result["truncated"] == "false" and result["etag"].startswith('W/"')
    assert result["revalidated"] == 304


def test_a_page_on_an_origin_not_allowed_is_refused(
    browser: WebDriver, page_origin: str, test_settings: Settings
) -> None:
    with serve_api(test_settings) as closed:  # CORS_ORIGINS empty: the default
        result = draw(browser, page_origin, closed, f"center={ASHA}&format=graphology")
    assert "Failed to fetch" in result["error"]


def test_graphology_gexf_reads_the_gexf_into_a_sigma_ready_graph(api_url: str) -> None:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing (make install needs Node.js 20)", pytrace=False)
    with urllib.request.urlopen(f"{api_url}/network?center={CIVIC}&depth=2&format=gexf") as r:
        gexf = r.read().decode()
    script = (
        "const Graph = require('graphology'); const gexf = require('graphology-gexf');"
        "let text = ''; process.stdin.on('data', (d) => { text += d; });"
        "process.stdin.on('end', () => { const g = gexf.parse(Graph, text);"
        "console.log(JSON.stringify({type: g.type, order: g.order, size: g.size,"
        " nodes: g.mapNodes((n, a) => a), undirected: g.undirectedSize})); });"
    )
    out = subprocess.run(
        [node, "-e", script],
        input=gexf,
        capture_output=True,
        text=True,
        cwd=NODE_MODULES.parent,
        timeout=60,
        check=True,
    )
    graph = json.loads(out.stdout)
    assert (graph["type"], graph["order"], graph["size"]) == ("mixed", 6, 8)
    assert graph["undirected"] == 2  # the two ALLIED_WITH edges
    for attrs in graph["nodes"]:  # what sigma needs, and nothing it would misread
        assert {"x", "y", "size", "color", "label"} <= set(attrs) and "type" not in attrs
    tomas = next(a for a in graph["nodes"] if a["label"] == "Tomas Keld")
    assert tomas["category"] == "Person" and tomas["hidden"] == 0

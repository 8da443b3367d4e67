"""/explore: the graph page for people who do not write Cypher, served by the API itself.

Our own HTML, CSS and JS live in app/explore/; Cytoscape.js is not copied into the repo but
installed from npm by `npm ci` (package.json + package-lock.json at the repo root, run by
`make install`) and served from node_modules through an allow-list, so the page needs no
second server and no CDN. The page only calls the public API (/entities, /network,
/edges/{id}, /statements), like any other front end would.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.requests import Request

PAGE_DIR = Path(__file__).resolve().parents[1] / "explore"
#: Where `npm ci` put the libraries: the checkout (make install), else the working directory
#: (an installed package, e.g. the Docker image, runs from the folder holding node_modules).
NODE_MODULES = (Path(__file__).resolve().parents[2] / "node_modules", Path("node_modules"))
#: The library files the page may load, by the name it asks for.
VENDOR = {"cytoscape.min.js": "cytoscape/dist/cytoscape.min.js"}


async def explore_page(_: Request) -> FileResponse:
    """The explorer page. Its state (?center=&types=&since=&until=&expand=) is read by its
    JavaScript, so this is a plain Starlette route: the API routes' check that refuses unknown
    query parameters must not refuse a shared view's URL."""
    return FileResponse(PAGE_DIR / "index.html", media_type="text/html")


async def vendor_file(request: Request) -> Response:
    """A JavaScript library installed by `npm ci`, or 404 saying how to install it."""
    name = request.path_params["name"]
    relative = VENDOR.get(name)
    found = [root / relative for root in NODE_MODULES if relative and (root / relative).is_file()]
    path = found[0] if found else None
    if path is None:
        return PlainTextResponse(
            f"{name} is not installed: run `npm ci` (make install)", status_code=404
        )
    return FileResponse(
        path, media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"}
    )


def mount(app: FastAPI) -> None:
    """Add the page, its assets (app/explore) and the npm libraries to `app`; none of them
    is part of the API, so none is in the OpenAPI schema."""
    app.add_route("/explore", explore_page, methods=["GET", "HEAD"], include_in_schema=False)
    app.add_route(
        "/explore/vendor/{name}", vendor_file, methods=["GET", "HEAD"], include_in_schema=False
    )
    app.mount("/explore/assets", StaticFiles(directory=PAGE_DIR), name="explore-assets")

"""/explore: the graph page for people who do not write Cypher, served by the API itself.

Our own HTML, CSS and JS live in app/explore/; Cytoscape.js is not copied into the repo but
installed from npm by `npm ci` (package.json + package-lock.json at the repo root, run by
`make install`) and served from node_modules through an allow-list, so the page needs no
second server and no CDN. The page only calls the public API (/entities, /network,
/edges/{id}, /statements), like any other front end would.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.responses import FileResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles

PAGE_DIR = Path(__file__).resolve().parents[1] / "explore"
#: Where `npm ci` put the libraries: the checkout (make install), else the working directory
#: (an installed package, e.g. the Docker image, runs from the folder holding node_modules).
NODE_MODULES = (Path(__file__).resolve().parents[2] / "node_modules", Path("node_modules"))
#: The library files the page may load, by the name it asks for.
VENDOR = {"cytoscape.min.js": "cytoscape/dist/cytoscape.min.js"}

router = APIRouter(tags=["explore"], include_in_schema=False)


@router.get("/explore")
def explore_page() -> FileResponse:
    """The explorer page (state such as ?center=&types=&since=&until= is read by its JS)."""
    return FileResponse(PAGE_DIR / "index.html", media_type="text/html")


@router.get("/explore/vendor/{name}")
def vendor_file(name: str) -> Response:
    """A JavaScript library installed by `npm ci`, or 404 saying how to install it."""
    relative = VENDOR.get(name)
    found = [root / relative for root in NODE_MODULES if relative and (root / relative).is_file()]
    path = found[0] if found else None
    if path is None:
        return PlainTextResponse(f"{name} is not installed: run `npm ci` (make install)",
                                 status_code=404)
    return FileResponse(path, media_type="text/javascript",
                        headers={"Cache-Control": "public, max-age=86400"})


def mount(app: FastAPI) -> None:
    """Add the page, its assets (app/explore) and the vendored libraries to `app`."""
    app.include_router(router)
    app.mount("/explore/assets", StaticFiles(directory=PAGE_DIR), name="explore-assets")

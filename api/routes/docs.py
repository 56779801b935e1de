"""``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), served with every asset from the installed packages.

FastAPI's own pages load Swagger UI and ReDoc from a CDN, and ReDoc its fonts from Google Fonts, so
they are blank offline. Here the scripts, the stylesheet and the favicon come from the
``fastapi-offline`` package and the fonts from ``api/static/docs/`` (see its README for where they come
from and their licences): the pages name no URL outside this server, the one outside image ReDoc's
bundle asks for is replaced, and a Content-Security-Policy keeps the browser from loading anything else.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import FileResponse, HTMLResponse, Response

from api.errors import ApiError

DOCS_URL = "/docs"
REDOC_URL = "/redoc"
OAUTH2_REDIRECT_URL = "/docs/oauth2-redirect"
ASSETS_URL = "/docs-assets"
_FONTS = Path(__file__).resolve().parent.parent / "static" / "docs"
_BUNDLED = Path(str(files("fastapi_offline") / "static"))
# Served by name only: nothing else on disk is reachable through this router.
ASSETS: dict[str, tuple[Path, str]] = {
    "swagger-ui-bundle.js": (_BUNDLED, "text/javascript; charset=utf-8"),
    "swagger-ui.css": (_BUNDLED, "text/css; charset=utf-8"),
    "redoc.standalone.js": (_BUNDLED, "text/javascript; charset=utf-8"),
    "favicon.png": (_BUNDLED, "image/png"),
    "fonts.css": (_FONTS, "text/css; charset=utf-8"),
    **{font.name: (_FONTS, "font/woff2") for font in sorted(_FONTS.glob("*.woff2"))},
}
# Swagger UI sends the schema's URL to an online validator unless told not to.
SWAGGER_PARAMETERS = {"validatorUrl": None}
# ReDoc's sidebar footer draws Redocly's logo from their CDN; a "data:," source fails at once and ReDoc then
# leaves the image out (its onError handler), keeping the "API docs by Redocly" link as text.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
# The browser refuses anything from elsewhere, should a future bundle try: 'self', inline code and data: only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; worker-src 'self' blob:; connect-src 'self'"
)

router = APIRouter(include_in_schema=False)


def _with_fonts(page: HTMLResponse, root: str) -> HTMLResponse:
    """The page with the local fonts' stylesheet linked in its head."""
    body = bytes(page.body).decode("utf-8")
    link = f'<link rel="stylesheet" href="{root}{ASSETS_URL}/fonts.css">'
    return HTMLResponse(
        body.replace("</head>", f"{link}\n</head>", 1), headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY}
    )


@lru_cache(maxsize=1)
def _redoc_script() -> bytes:
    """ReDoc's bundle with its one outside URL that it loads (the footer logo) replaced."""
    script = (_BUNDLED / "redoc.standalone.js").read_text(encoding="utf-8")
    return script.replace(REDOC_LOGO, "data:,").encode("utf-8")


@router.get(DOCS_URL, response_class=HTMLResponse)
async def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI for this service's OpenAPI schema."""
    root = request.scope.get("root_path", "")
    page = get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - Swagger UI",
        oauth2_redirect_url=f"{root}{OAUTH2_REDIRECT_URL}",
        swagger_js_url=f"{root}{ASSETS_URL}/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{ASSETS_URL}/swagger-ui.css",
        swagger_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
        swagger_ui_parameters=SWAGGER_PARAMETERS,
    )
    return _with_fonts(page, root)


@router.get(OAUTH2_REDIRECT_URL, response_class=HTMLResponse)
async def swagger_ui_redirect() -> HTMLResponse:
    """Swagger UI's OAuth2 redirect page."""
    return get_swagger_ui_oauth2_redirect_html()


@router.get(REDOC_URL, response_class=HTMLResponse)
async def redoc(request: Request) -> HTMLResponse:
    """ReDoc for this service's OpenAPI schema."""
    root = request.scope.get("root_path", "")
    page = get_redoc_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - ReDoc",
        redoc_js_url=f"{root}{ASSETS_URL}/redoc.standalone.js",
        redoc_favicon_url=f"{root}{ASSETS_URL}/favicon.png",
        with_google_fonts=False,
    )
    return _with_fonts(page, root)


@router.get(ASSETS_URL + "/{name}")
async def docs_asset(name: str) -> Response:
    """A script, stylesheet, font or icon of the documentation pages."""
    if name not in ASSETS:
        raise ApiError(404, f"no documentation asset {name!r}")
    directory, media_type = ASSETS[name]
    headers = {"Cache-Control": "max-age=86400"}
    if name == "redoc.standalone.js":
        return Response(_redoc_script(), media_type=media_type, headers=headers)
    return FileResponse(directory / name, media_type=media_type, headers=headers)

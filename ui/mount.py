"""Mount the chat page on the API's FastAPI app (one process, one port): the page at /ui/, and / leads there."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant.settings import Settings

PATH = "/ui"
UPLOAD_PATH = f"{PATH}/gradio_api/upload"  # where the page posts files: give it the API's upload size limit


def mount_ui(app: "FastAPI", *, settings: "Settings") -> None:
    """Build the Gradio page and mount it at /ui; it finds the assistant and library in `app.state` per request."""
    from assistant.compose import offline_environment

    offline_environment()  # before gradio is imported: analytics off, hubs offline
    import gradio as gr

    from ui.assets import CSS, HEAD, JS
    from ui.chat import Backend
    from ui.page import build_blocks

    blocks = build_blocks(Backend(app.state, feedback_dir=settings.index.dir))
    gr.mount_gradio_app(
        app, blocks, path=PATH, theme=theme(), css=CSS, js=JS, head=HEAD, footer_links=[], run_history=False,
        ssr_mode=False, mcp_server=False, pwa=False, enable_monitoring=False,
        max_file_size=getattr(settings.api, "max_upload_bytes", None),
        server_name=settings.api.host, server_port=settings.api.port,
    )
    _redirect_root(app)


def theme():
    """Gradio's default look with system fonts: the stock theme would fetch Google Fonts."""
    import gradio as gr

    from ui.assets import MONO_FONTS, SYSTEM_FONTS

    fonts = {"font": list(SYSTEM_FONTS), "font_mono": list(MONO_FONTS)}
    return gr.themes.Default(primary_hue="red", secondary_hue="amber", **fonts)


def _redirect_root(app: "FastAPI") -> None:
    """Send / to the page, unless the app already serves something there; /v1, /healthz and /docs are untouched."""
    from starlette.responses import RedirectResponse

    if any(getattr(route, "path", None) == "/" for route in app.router.routes):
        return

    async def to_page(request) -> RedirectResponse:
        return RedirectResponse(f"{request.scope.get('root_path', '')}{PATH}/", status_code=307)

    app.add_route("/", to_page, methods=["GET", "HEAD"], include_in_schema=False)

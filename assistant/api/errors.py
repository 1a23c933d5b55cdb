"""Errors as clients see them: OpenAI's error object on the OpenAI-compatible routes, `{"detail": ...}` elsewhere."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

OPENAI_PATHS = ("/v1/chat/", "/v1/models")
_OPENAI_CODES = {
    401: "invalid_api_key", 404: "not_found", 413: "request_too_large", 415: "unsupported_media_type",
    503: "service_unavailable",
}


def is_openai(path: str) -> bool:
    """True for the routes whose clients expect OpenAI's error shape."""
    return path.startswith(OPENAI_PATHS)


def error_response(
    path: str, status: int, detail: Any, *, headers: dict[str, str] | None = None, param: str | None = None,
    code: str | None = None,
) -> JSONResponse:
    """The error body for `path`: `{"error": {message, type, param, code}}` for OpenAI clients, else `{"detail"}`."""
    if not is_openai(path):
        return JSONResponse({"detail": jsonable_encoder(detail)}, status_code=status, headers=headers)
    kind = "server_error" if status >= 500 else "invalid_request_error"
    error = {"message": str(detail), "type": kind, "param": param, "code": code or _OPENAI_CODES.get(status)}
    return JSONResponse({"error": error}, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Translate HTTP errors, invalid input and anything unexpected into the route's error shape."""

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        code = getattr(exc, "code", None)
        return error_response(request.url.path, exc.status_code, exc.detail, headers=exc.headers, code=code)

    @app.exception_handler(RequestValidationError)
    async def invalid_input(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        if not is_openai(request.url.path):
            return error_response(request.url.path, 422, errors)
        first = errors[0] if errors else {"loc": (), "msg": "invalid request"}
        param = ".".join(str(part) for part in first["loc"][1:]) or None
        message = "; ".join(f"{_where(e['loc'])}{e['msg']}" for e in errors[:5])
        return error_response(request.url.path, 422, message, param=param)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # Starlette re-raises after this response, so uvicorn logs the traceback once
        return error_response(request.url.path, 500, "internal error; the server log has the details")


class CodedHTTPException(HTTPException):
    """An HTTPException that also names OpenAI's error `code` (e.g. model_not_found)."""

    def __init__(self, status_code: int, detail: str, *, code: str) -> None:
        super().__init__(status_code, detail=detail)
        self.code = code


def _where(loc) -> str:
    path = ".".join(str(part) for part in loc[1:])
    return f"{path}: " if path else ""

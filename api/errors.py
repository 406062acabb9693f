"""One JSON error shape for every response that is not a success.

``{"error": {"code": ..., "message": ..., "details": {...}}}``, whatever went wrong:

* :class:`graph.errors.ActorgraphError` (and subclasses, whatever layer raises them) get the
  HTTP status of their ``code`` from :data:`STATUS`: unknown actor 404 (with suggestions),
  bad input 422, over a limit 400, store unreachable 503;
* FastAPI's request validation errors become 422 ``invalid_input`` naming the field;
* Starlette's HTTP errors (unknown route 404, wrong method 405) keep their status;
* anything else is a bug: 500 ``internal_error`` with a generic message; the traceback goes
  to the server log, never to the client.
"""

from __future__ import annotations

import logging
from typing import Any

from actorgraph.graph.errors import ActorgraphError, StoreUnavailableError
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

logger = logging.getLogger("actorgraph.api")


class UnauthorizedError(ActorgraphError):
    """No key, or the wrong key, for a route that needs one."""

    code = "unauthorized"


class WritesDisabledError(ActorgraphError):
    """Writes are refused because no write key is configured."""

    code = "writes_disabled"


class PayloadTooLargeError(ActorgraphError):
    """A request body over ``ACTORGRAPH_MAX_UPLOAD_BYTES``."""

    code = "payload_too_large"


class UnsupportedMediaTypeError(ActorgraphError):
    """A body in a format the route does not take."""

    code = "unsupported_media_type"


#: The HTTP status of each error code (the core's, extraction's, the reports' and the API's
#: own); a code missing here is a 400.
STATUS: dict[str, int] = {
    "invalid_input": 422,
    "not_found": 404,
    "over_limit": 400,
    "store_unavailable": 503,
    "model_unavailable": 503,
    "busy": 409,
    "unauthorized": 401,
    "writes_disabled": 403,
    "payload_too_large": 413,
    "unsupported_media_type": 415,
}

HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    406: "not_acceptable",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "invalid_input",
    429: "too_many_requests",
    503: "store_unavailable",
}


def error_body(code: str, message: str, details: dict[str, Any] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details or {}}}


def error_response(
    status: int,
    code: str,
    message: str,
    details: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)


def _field_of(loc: tuple[Any, ...] | list[Any]) -> str:
    """``("query", "max_hops")`` -> ``"max_hops"``; ``("body", "records", 3)`` -> ``records.3``."""
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("query", "path", "header", "body", "cookie"):
        parts = parts[1:]
    return ".".join(parts) or "body"


async def _actorgraph_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ActorgraphError)
    status = STATUS.get(exc.code, 400)
    if status >= 500:
        logger.warning("%s %s: %s", request.method, request.url.path, exc)
    headers = {"WWW-Authenticate": "APIKey"} if status == 401 else None
    if isinstance(exc, StoreUnavailableError):  # the body is public: no host, user or path
        return error_response(status, exc.code, exc.public, None, headers)
    return error_response(status, exc.code, exc.message, exc.details, headers)


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = []
    for e in exc.errors():
        errors.append(
            {
                "field": _field_of(e.get("loc", ())),
                "in": str(e.get("loc", ("",))[0]) if e.get("loc") else None,
                "message": str(e.get("msg", "invalid")),
                "type": str(e.get("type", "")),
            }
        )
    first = errors[0]
    message = f"field '{first['field']}': {first['message']}"
    if len(errors) > 1:
        message += f" (and {len(errors) - 1} more problems)"
    return error_response(
        422,
        "invalid_input",
        message,
        {"field": first["field"], "reason": first["message"], "errors": errors},
    )


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    code = HTTP_CODES.get(status, "http_error")
    if status == 404 and exc.detail in (None, "Not Found"):
        message = f"no route {request.url.path}"
    elif status == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    else:
        message = str(exc.detail)
    headers = getattr(exc, "headers", None)
    if status == 405:
        # the static mount at / answers for any path a route has no method for: say the
        # route's methods, not the mount's (GET, HEAD)
        allowed = _route_methods(request)
        if allowed:
            headers = {**(headers or {}), "Allow": ", ".join(allowed)}
    return error_response(status, code, message, None, headers)


def _route_methods(request: Request) -> list[str]:
    """The methods of the API routes whose path matches the request's, sorted (routers that
    FastAPI keeps included as nested entries are walked too)."""
    methods: set[str] = set()

    def walk(routes: Any) -> None:
        for route in routes:
            if hasattr(route, "effective_route_contexts"):
                for ctx in route.effective_route_contexts():
                    add(ctx.original_route, ctx.path)
            elif isinstance(route, APIRoute):
                add(route, route.path)

    def add(route: Any, path: str) -> None:
        if isinstance(route, APIRoute) and compile_path(path)[0].match(request.url.path):
            methods.update(route.methods or ())

    walk(request.app.router.routes)
    return sorted(methods)


async def _unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    logger.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(
        500, "internal_error", "internal server error; the details are in the server log"
    )


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""
    app.add_exception_handler(ActorgraphError, _actorgraph_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected_error)

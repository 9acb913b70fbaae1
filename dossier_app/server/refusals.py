"""Every refusal as JSON: an HTTP status, a stable code, and the message in English and Vietnamese."""

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from dossier_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    AccountDisabled,
    AccountLocked,
    AuthenticationFailed,
    Conflict,
    CursorAhead,
    DossierError,
    NotFound,
    PermissionDenied,
    PreconditionFailed,
    SchemaTooNew,
    SessionAccountDisabled,
    SessionExpired,
    SessionRefused,
    SessionRequired,
    SessionRevoked,
    StaleEdit,
    StorageBusy,
    StorageUnavailable,
    TooLarge,
    ValidationFailed,
)
from dossier_app.storage.resources import translated_message


class UnknownAddress(NotFound):
    """A path the API does not have."""

    template = QT_TRANSLATE_NOOP("Errors", "The server has nothing at {path}.")


class MethodNotAllowed(DossierError):
    """A path the API has, asked with a method it does not take there."""

    template = QT_TRANSLATE_NOOP("Errors", "{method} is not allowed at {path}.")


VERSION_HEADER = "Last-Modified-Version"  # the library version, as Zotero names it

# First match wins: a subclass comes before its base.
STATUSES: tuple[tuple[type[DossierError], int, str], ...] = (
    (SessionRequired, 401, "session_required"),
    (SessionExpired, 401, "session_expired"),
    (SessionAccountDisabled, 401, "account_disabled"),
    (SessionRevoked, 401, "session_revoked"),
    (SessionRefused, 401, "session_unknown"),
    (AuthenticationFailed, 401, "authentication_failed"),
    (AccountDisabled, 403, "account_disabled"),
    (PermissionDenied, 403, "permission_denied"),
    (AccountLocked, 423, "account_locked"),
    (TooLarge, 413, "too_large"),
    (CursorAhead, 400, "cursor_ahead"),
    (PreconditionFailed, 412, "precondition_failed"),
    (ValidationFailed, 400, "invalid"),
    (UnknownAddress, 404, "no_such_path"),
    (MethodNotAllowed, 405, "method_not_allowed"),
    (NotFound, 404, "not_found"),
    (StaleEdit, 409, "stale"),
    (Conflict, 409, "conflict"),
    (StorageBusy, 503, "busy"),
    (StorageUnavailable, 503, "storage_unavailable"),
    (SchemaTooNew, 503, "schema_too_new"),
    (DossierError, 400, "refused"),
)


def status_of(error: DossierError) -> tuple[int, str]:
    """The HTTP status and the code of a typed error."""
    for kind, status, code in STATUSES:
        if isinstance(error, kind):
            return status, code
    return 400, "refused"  # pragma: no cover - DossierError closes the table


def refusal(error: DossierError, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON answer to a refused request; a 401 says how to authenticate (RFC 6750)."""
    status, code = status_of(error)
    body: dict[str, Any] = {
        "error": code,
        "message_en": error.message,
        "message_vi": translated_message(error, "vi"),
    }
    if isinstance(error, ValidationFailed):
        body["field"] = error.field
    answer_headers = dict(headers or {})
    if isinstance(error, CursorAhead | PreconditionFailed):  # the library version the client must pull to
        answer_headers[VERSION_HEADER] = str(error.params["version"])
    if status == 401:
        answer_headers["WWW-Authenticate"] = (
            'Bearer realm="dossier"'
            if code in ("session_required", "authentication_failed")
            else 'Bearer realm="dossier", error="invalid_token"'
        )
    return JSONResponse(body, status_code=status, headers=answer_headers)


async def on_dossier_error(_request: Request, error: Exception) -> Response:
    """A service or a request check refused: its typed error as JSON."""
    assert isinstance(error, DossierError)
    return refusal(error)


async def on_http_error(request: Request, error: Exception) -> Response:
    """Starlette's own 404 and 405 (unknown path, wrong method), as JSON like every other refusal."""
    assert isinstance(error, HTTPException)
    path = request.url.path[:200]
    if error.status_code == 405:
        return refusal(MethodNotAllowed(method=request.method, path=path), dict(error.headers or {}))
    if error.status_code == 404:
        return refusal(UnknownAddress(path=path))
    return refusal(DossierError(), dict(error.headers or {}))


async def on_unexpected(_request: Request, _error: Exception) -> Response:
    """A bug: a plain 500 that tells nothing of the inside (the traceback goes to the server's log)."""
    error = DossierError()
    return JSONResponse(
        {"error": "internal", "message_en": error.message, "message_vi": translated_message(error, "vi")},
        status_code=500,
    )

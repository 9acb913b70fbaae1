"""What a request must be before any service sees it: a bounded JSON body of exactly the expected fields, and a
bearer token in the Authorization header."""

import json
from collections.abc import Mapping
from typing import Any

from starlette.requests import Request

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, SessionRequired, TooLarge, ValidationFailed

MAX_BODY_BYTES = 1_048_576  # 1 MiB: a sign-in needs a few hundred bytes
# A push holds a section's whole text (at most 2 MiB of UTF-8) and then some; desktops send batches below this.
MAX_PUSH_BYTES = 8 * 1_048_576


def _too_large(limit: int) -> TooLarge:
    return TooLarge(
        QT_TRANSLATE_NOOP("Errors", "The request is larger than the server takes ({limit} bytes)."), limit=limit
    )


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The body, refused as soon as it is known to exceed `limit`: from Content-Length before reading anything, or
    while reading a body sent without one."""
    declared = request.headers.getlist("content-length")
    if declared:
        if len(declared) != 1 or not declared[0].strip().isdigit():
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The request's Content-Length header is not a number."), field="body"
            )
        if int(declared[0]) > limit:
            raise _too_large(limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


JSON_KINDS = {
    str: QT_TRANSLATE_NOOP("Errors", "text"),
    int: QT_TRANSLATE_NOOP("Errors", "a whole number"),
    bool: QT_TRANSLATE_NOOP("Errors", "true or false"),
    list: QT_TRANSLATE_NOOP("Errors", "a list"),
    dict: QT_TRANSLATE_NOOP("Errors", "an object"),
}


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise ValueError("a key is repeated")
    return found


def _not_json() -> ValidationFailed:
    return ValidationFailed(
        QT_TRANSLATE_NOOP("Errors", "The request body is not a JSON object in UTF-8."), field="body"
    )


async def json_fields(
    request: Request,
    required: Mapping[str, type],
    optional: Mapping[str, type] | None = None,
    limit: int = MAX_BODY_BYTES,
) -> dict[str, Any]:
    """A JSON object with every `required` field, perhaps some `optional` ones, nothing else, each of its exact
    type (no number for text, no true for a number); ValidationFailed naming the first field at fault."""
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type != "application/json":
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The request body must be JSON (Content-Type: application/json)."),
            field="content-type",
        )
    raw = await read_body(request, limit)
    try:
        data = json.loads(raw.decode("utf-8"), parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise _not_json() from None
    if not isinstance(data, dict):
        raise _not_json()
    allowed = {**(optional or {}), **required}
    for name in data:
        if name not in allowed:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The request has a field '{field}' the server does not take."),
                field=str(name)[:64],
            )
    for name, kind in allowed.items():
        if name not in data:
            if name in required:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP("Errors", "The request lacks the field '{field}'."), field=name
                )
            continue
        if type(data[name]) is not kind:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The field '{field}' must be {kind}."),
                field=name,
                kind=JSON_KINDS.get(kind, kind.__name__),
            )
    return data


_NUMBER_DIGITS = 18  # a version fits a signed 64-bit integer


def query_numbers(request: Request, defaults: Mapping[str, int]) -> dict[str, int]:
    """Whole numbers (0 or more, decimal digits only) from the query string, each at most once, no other
    parameter; a missing one takes its default. ValidationFailed naming the first parameter at fault."""
    params = request.query_params
    for name in params:
        if name not in defaults:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The request has a parameter '{field}' the server does not take."),
                field=str(name)[:64],
            )
    found = {}
    for name, default in defaults.items():
        given = params.getlist(name)
        if not given:
            found[name] = default
            continue
        text = given[0]
        if len(given) != 1 or not (text.isascii() and text.isdigit()) or len(text) > _NUMBER_DIGITS:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors", "The parameter '{field}' must be a whole number of at least 0, given once."
                ),
                field=name,
            )
        found[name] = int(text)
    return found


def bearer_token(request: Request) -> str:
    """The token of the `Authorization: Bearer …` header, the only place a token is taken from."""
    headers = request.headers.getlist("authorization")
    if len(headers) != 1:
        raise SessionRequired()
    scheme, _, token = headers[0].strip().partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise SessionRequired()
    return token.strip()


def peer(request: Request) -> str:
    """The client's address, for the log and the audit of failed sign-ins."""
    return request.client.host if request.client else "unknown"

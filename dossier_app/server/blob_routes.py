"""The API's attachment bytes (`services/department/blob_transfer.py` decides who may and what is kept):

- `POST /v1/blobs` `{"sha256": [...]}` → `{"missing": [...]}`: which of these blobs the server lacks;
- `GET|HEAD /v1/blobs/{sha256}` → the bytes, `Range: bytes=N-` (or `N-M`) answered 206 so a broken download resumes;
- `GET /v1/blobs/{sha256}/upload` → `{"offset", "complete"}`: how much of this person's upload the server holds;
- `PUT /v1/blobs/{sha256}` with `Content-Range: bytes S-E/T`, a body of at most 4 MiB: one chunk, appended at S;
  202 `{"offset"}` until the last, then 201 once the whole blob's SHA-256 matches its name (400 and nothing kept
  otherwise).

Every path under /v1/blobs/ comes here, so a name that is not 64 lower-case hexadecimal digits (`../`, an
encoded slash, upper case) is a 400 naming the field, never a file-system path.
"""

import asyncio
import re
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from dossier_app.domain.errors import QT_TRANSLATE_NOOP, ValidationFailed
from dossier_app.server.requests import json_fields, read_body
from dossier_app.services.department.blob_transfer import MAX_CHUNK_BYTES, BlobTransfer, blob_name

if TYPE_CHECKING:
    from dossier_app.services import Services
    from dossier_app.services.accounts.accounts import AccountView

SignedIn = Callable[[Request], Awaitable[tuple["AccountView", "Services"]]]  # the API's sign-in check

_CONTENT_RANGE = re.compile(r"^bytes (\d{1,15})-(\d{1,15})/(\d{1,15})$")
_RANGE = re.compile(r"^bytes=(\d{1,15})-(\d{0,15})$")
_PIECE = 256 * 1024


def _pieces(path: Path, start: int, length: int) -> Iterator[bytes]:
    """The file's bytes from `start`, `length` of them, a piece at a time (never the whole file in memory)."""
    with path.open("rb") as reader:
        reader.seek(start)
        while length > 0:
            piece = reader.read(min(_PIECE, length))
            if not piece:
                return
            length -= len(piece)
            yield piece


def _range(header: str, size: int) -> tuple[int, int] | None:
    """(start, end inclusive) of a single `bytes=N-` or `bytes=N-M` range; None for the whole file."""
    if not header:
        return None
    found = _RANGE.match(header.strip())
    if found is None:
        raise ValidationFailed(
            QT_TRANSLATE_NOOP("Errors", "The Range header must be one range of bytes (bytes=N- or bytes=N-M)."),
            field="Range",
        )
    start = int(found.group(1))
    end = int(found.group(2)) if found.group(2) else size - 1
    return start, min(end, size - 1)


class BlobRoutes:
    """The blob routes over the API's sign-in; chunks of one person's upload of one blob are taken one at a time."""

    def __init__(self, signed_in: SignedIn) -> None:
        self._signed_in = signed_in
        self._uploads: dict[tuple[str, str], asyncio.Lock] = {}  # a few bytes per upload, for the server's life

    def routes(self) -> list[Route]:
        """The routes to add to the application."""
        return [
            Route("/v1/blobs", self.missing, methods=["POST"]),
            Route("/v1/blobs/{name:path}", self.blob, methods=["GET", "HEAD", "PUT"]),
        ]

    async def missing(self, request: Request) -> Response:
        """POST {sha256: [...]} → {missing: [...]}, in the order asked."""
        _account, services = await self._signed_in(request)
        fields = await json_fields(request, required={"sha256": list})
        missing = await run_in_threadpool(BlobTransfer(services.context).missing, fields["sha256"])
        return JSONResponse({"missing": missing}, headers={"Cache-Control": "no-store"})

    async def blob(self, request: Request) -> Response:
        """Every path under /v1/blobs/: the name is checked before anything else is looked at."""
        name = request.path_params["name"]
        upload = request.method == "GET" and name.endswith("/upload")
        sha256 = blob_name(name.removesuffix("/upload") if upload else name)
        _account, services = await self._signed_in(request)
        transfer = BlobTransfer(services.context)
        if upload:
            state = await run_in_threadpool(transfer.state, sha256)
            return JSONResponse(
                {"offset": state.offset, "complete": state.complete}, headers={"Cache-Control": "no-store"}
            )
        if request.method == "PUT":
            return await self._receive(request, transfer, sha256, services.context.operator.name)
        return await self._send(request, transfer, sha256)

    async def _send(self, request: Request, transfer: BlobTransfer, sha256: str) -> Response:
        path = await run_in_threadpool(transfer.readable, sha256)
        size = path.stat().st_size
        headers = {"Accept-Ranges": "bytes", "ETag": f'"{sha256}"', "Cache-Control": "private, max-age=31536000"}
        wanted = _range(request.headers.get("range", ""), size)
        start, end, status = 0, size - 1, 200
        if wanted is not None:
            start, end = wanted
            if start >= size or start > end:
                headers["Content-Range"] = f"bytes */{size}"
                return Response(status_code=416, headers=headers)
            status = 206
            headers["Content-Range"] = f"bytes {start}-{end}/{size}"
        length = end - start + 1 if size else 0
        headers["Content-Length"] = str(length)
        if request.method == "HEAD":
            return Response(status_code=status, headers=headers, media_type="application/octet-stream")
        return StreamingResponse(
            _pieces(path, start, length), status_code=status, headers=headers, media_type="application/octet-stream"
        )

    async def _receive(self, request: Request, transfer: BlobTransfer, sha256: str, who: str) -> Response:
        named = request.headers.get("content-range", "").strip()
        start, end, total = 0, -1, 0  # `bytes */0`: an empty file, sent as one empty chunk
        if named != "bytes */0":
            found = _CONTENT_RANGE.match(named)
            if found is None:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP(
                        "Errors", "An upload chunk names its place in Content-Range: bytes START-END/TOTAL."
                    ),
                    field="Content-Range",
                )
            start, end, total = (int(part) for part in found.groups())
            if end < start or end >= total or end - start + 1 > MAX_CHUNK_BYTES:
                raise ValidationFailed(
                    QT_TRANSLATE_NOOP(
                        "Errors", "The Content-Range must name at most {limit} bytes inside the file's length."
                    ),
                    field="Content-Range",
                    limit=MAX_CHUNK_BYTES,
                )
        data = await read_body(request, MAX_CHUNK_BYTES)
        if len(data) != end - start + 1:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP("Errors", "The body has {size} bytes; the Content-Range names {named}."),
                field="body",
                size=len(data),
                named=end - start + 1,
            )
        async with self._uploads.setdefault((who, sha256), asyncio.Lock()):
            state = await run_in_threadpool(transfer.receive, sha256, start, data, total)
        body = {"offset": state.offset, "complete": state.complete}
        return JSONResponse(body, status_code=201 if state.complete else 202, headers={"Cache-Control": "no-store"})

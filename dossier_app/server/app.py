"""The HTTP API of the department server: sign-in, sign-out, who am I, health, the change feed and pushes. Each
request acts with services of its own (`Services.acting_as`), run in the thread pool, so no request ever changes
who another acts as."""

import asyncio
import logging
import time
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dossier_app.domain.accounts import ROLE_ORDER
from dossier_app.domain.errors import (
    QT_TRANSLATE_NOOP,
    CursorAhead,
    DossierError,
    PreconditionFailed,
    TooLarge,
    ValidationFailed,
)
from dossier_app.server.blob_routes import BlobRoutes
from dossier_app.server.refusals import (
    VERSION_HEADER,
    on_dossier_error,
    on_http_error,
    on_unexpected,
    refusal,
    status_of,
)
from dossier_app.server.requests import MAX_PUSH_BYTES, bearer_token, json_fields, peer, query_numbers
from dossier_app.services import Services
from dossier_app.services.accounts.accounts import AccountView
from dossier_app.services.core.context import Operator
from dossier_app.services.department.changes import DEFAULT_LIMIT
from dossier_app.services.department.push import MAX_CHANGES, ChangeResult
from dossier_app.services.sync.library import LIBRARY_HEADER, library_id
from dossier_app.storage.migrations import head_revision
from dossier_app.storage.resources import translated_message
from dossier_app.version import PROGRAM_NAME, program_version

LOG = logging.getLogger("dossier_app.server")
SERVER_OPERATOR_PREFIX = "server:"  # not an account name (no colon there) and not the local operator's `cli:`
# Password checks at once: each takes 64 MiB and a core for ~130 ms, so a flood of sign-ins waits its turn instead
# of exhausting the server's memory; requests with a token never wait for these.
PASSWORD_CHECKS_AT_ONCE = 2
# Zotero's name for the library version the client already holds (the answer's is VERSION_HEADER).
HELD_VERSION_HEADER = "If-Modified-Since-Version"
# Zotero's name for the library version a push was based on: 412 when the server has moved past it.
BASED_ON_HEADER = "If-Unmodified-Since-Version"


def account_json(account: AccountView) -> dict[str, Any]:
    """An account as the API shows it: never its hash, its failed attempts or its lock."""
    return {
        "username": account.username,
        "display_name": account.display_name,
        "roles": [role.value for role in ROLE_ORDER if role in account.roles],
    }


def result_json(result: ChangeResult) -> dict[str, Any]:
    """One pushed change's outcome; a refusal with its code and reason in English and Vietnamese."""
    body: dict[str, Any] = {"id": result.change_id, "status": result.outcome.value}
    if result.error is not None:
        body["error"] = status_of(result.error)[1]
        body["message_en"] = result.error.message
        body["message_vi"] = translated_message(result.error, "vi")
    return body


class DossierApi:
    """The routes over one open database; `services` is the server's own, never acted with directly."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self._password_checks = asyncio.Semaphore(PASSWORD_CHECKS_AT_ONCE)
        self._one_push = asyncio.Lock()  # pushes one at a time: the 412 check and the writes it guards are one step
        self._pushes_done = 0  # pushes applied since the server started
        self._version_after_push = 0  # the library version the last applied push left

    def _anonymous(self, request: Request) -> Services:
        """Services for a request nobody is signed in to yet: audit entries name the client's address."""
        return self._services.acting_as(Operator(f"{SERVER_OPERATOR_PREFIX}{peer(request)}"))

    async def signed_in(self, request: Request) -> tuple[AccountView, Services]:
        """The account of the request's bearer token and services acting as it; SessionRefused otherwise."""
        token = bearer_token(request)
        account = await run_in_threadpool(self._anonymous(request).tokens.resolve, token)
        request.state.user = account.username
        return account, self._services.acting_as(Operator(account.username))

    async def health(self, _request: Request) -> Response:
        """Whether the server runs, and which program and schema it serves; no sign-in needed."""
        return JSONResponse({"program": PROGRAM_NAME, "version": program_version(), "schema": head_revision()})

    async def session(self, request: Request) -> Response:
        """One route for both, so a wrong method is answered with every allowed one."""
        return await (self.sign_in(request) if request.method == "POST" else self.sign_out(request))

    async def sign_in(self, request: Request) -> Response:
        """POST {username, password, client?} → 201 {token, expires, account}."""
        fields = await json_fields(request, required={"username": str, "password": str}, optional={"client": str})
        services = self._anonymous(request)
        async with self._password_checks:
            issued = await run_in_threadpool(
                services.tokens.sign_in, fields["username"], fields["password"], fields.get("client", "")
            )
        request.state.user = issued.account.username
        body = {"token": issued.token, "expires": issued.expires.isoformat(), "account": account_json(issued.account)}
        return JSONResponse(body, status_code=201, headers={"Cache-Control": "no-store"})

    async def sign_out(self, request: Request) -> Response:
        """DELETE with the bearer token → 204; the token is refused from then on."""
        token = bearer_token(request)
        account = await run_in_threadpool(self._anonymous(request).tokens.sign_out, token)
        request.state.user = account.username
        return Response(status_code=204)

    async def me(self, request: Request) -> Response:
        """GET → the account the bearer token signs in as."""
        account, _services = await self.signed_in(request)
        return JSONResponse(account_json(account))

    async def changes(self, request: Request) -> Response:
        """One route for both: the pull (GET) and the push (POST)."""
        return await (self.push(request) if request.method == "POST" else self.pull(request))

    async def push(self, request: Request) -> Response:
        """POST {changes: [...]} with If-Unmodified-Since-Version: N → 200 {library_version, results}, each
        change applied through the services as the signed-in person; 412 when the library moved past N."""
        _account, services = await self.signed_in(request)
        based_on = request.headers.get(BASED_ON_HEADER, "").strip()
        if not (based_on.isascii() and based_on.isdigit()) or len(based_on) > 18:
            raise ValidationFailed(
                QT_TRANSLATE_NOOP(
                    "Errors", "A push names the library version it was based on in If-Unmodified-Since-Version."
                ),
                field=BASED_ON_HEADER,
            )
        fields = await json_fields(request, required={"changes": list}, limit=MAX_PUSH_BYTES)
        if len(fields["changes"]) > MAX_CHANGES:
            raise TooLarge(
                QT_TRANSLATE_NOOP("Errors", "A push takes at most {limit} changes; send the rest in another."),
                limit=MAX_CHANGES,
            )
        done_before = self._pushes_done
        async with self._one_push:
            if self._pushes_done != done_before and self._version_after_push > int(based_on):
                # A push applied while this one waited moved the library past it: refused without reading it again.
                raise PreconditionFailed(based_on=int(based_on), version=self._version_after_push)
            outcome = await run_in_threadpool(services.push.apply, int(based_on), fields["changes"])
            self._pushes_done += 1
            self._version_after_push = outcome.library_version
        body = {"library_version": outcome.library_version, "results": [result_json(r) for r in outcome.results]}
        headers = {VERSION_HEADER: str(outcome.library_version), "Cache-Control": "no-store"}
        return JSONResponse(body, headers=headers)

    async def pull(self, request: Request) -> Response:
        """GET ?since=N&limit=M → the changes after cursor N (ChangeFeed.since), the library version in
        Last-Modified-Version; 304 when If-Modified-Since-Version already holds the library version."""
        _account, services = await self.signed_in(request)
        asked = query_numbers(request, {"since": 0, "limit": DEFAULT_LIMIT})
        identity = {LIBRARY_HEADER: await run_in_threadpool(library_id, services.context.database)}
        held = request.headers.get(HELD_VERSION_HEADER, "").strip()
        if held.isascii() and held.isdigit():
            library = await run_in_threadpool(services.changes.library_version)
            if library <= int(held):
                return Response(status_code=304, headers={VERSION_HEADER: str(library), **identity})
        try:
            page = await run_in_threadpool(services.changes.since, asked["since"], asked["limit"])
        except CursorAhead as error:  # the replica must know whose library is behind its cursor
            return refusal(error, identity)
        headers = {VERSION_HEADER: str(page.library_version), "Cache-Control": "no-store", **identity}
        return JSONResponse(page.as_json(), headers=headers)


class RequestLog:
    """One log line per request: client, method, path (never the query), status, time, and who, once known. Tokens
    and passwords travel in headers and bodies, which are never logged."""

    def __init__(self, app: ASGIApp) -> None:
        self._app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._app(scope, receive, send)
            return
        started, status = time.perf_counter(), 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self._app(scope, receive, sending)
        finally:
            client = scope.get("client")
            user = scope.get("state", {}).get("user", "-")
            elapsed = (time.perf_counter() - started) * 1000
            path = scope.get("path", "")[:200]
            host = client[0] if client else "-"
            LOG.info('%s %s "%s %s" %d %.0f ms', host, user, scope.get("method", ""), path, status, elapsed)


def create_app(services: Services) -> Starlette:
    """The API over `services` (whose operator it never uses: each request acts as its own person)."""
    api = DossierApi(services)
    routes = [
        Route("/v1/health", api.health, methods=["GET"]),
        Route("/v1/session", api.session, methods=["POST", "DELETE"]),
        Route("/v1/me", api.me, methods=["GET"]),
        Route("/v1/changes", api.changes, methods=["GET", "POST"]),
        *BlobRoutes(api.signed_in).routes(),
    ]
    handlers = {DossierError: on_dossier_error, HTTPException: on_http_error, Exception: on_unexpected}
    return Starlette(routes=routes, middleware=[Middleware(RequestLog)], exception_handlers=handlers)

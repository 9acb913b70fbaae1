"""Who a `section` or `review` command acts as: an account signed in with `--user` (or `DOSSIER_USER`), else the
local operator `cli:<os account>`; on a replica, the person who last synced it (or `--user`, checked against the
verifier kept from that person's last sign-in at the server)."""

import argparse
import getpass
import os
from typing import TYPE_CHECKING

from dossier_app.cli.accounts import PASSWORD_ENV, password_from_env_or_terminal, refuse_password_argument

if TYPE_CHECKING:
    from dossier_app.services import Services

USER_ENV = "DOSSIER_USER"


def acting_options() -> argparse.ArgumentParser:
    """The options every section and review command shares, as a parent parser."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--user",
        metavar="NAME",
        help=f"act as this account, signed in with the password from {PASSWORD_ENV} or a hidden prompt "
        f"(default: {USER_ENV}; without either, the local operator cli:<os account>, or on a replica the person "
        "who last synced it)",
    )
    options.add_argument("--password", help=argparse.SUPPRESS)
    return options


def acting_name(args: argparse.Namespace) -> str | None:
    """The account named by --user, else by DOSSIER_USER; None (the local operator) when neither names one."""
    name = args.user if getattr(args, "user", None) is not None else os.environ.get(USER_ENV, "")
    return name.strip() or None


def read_password(username: str) -> str:
    """The account's password from DOSSIER_PASSWORD, else typed once at a hidden prompt; never from an argument."""
    return password_from_env_or_terminal() or getpass.getpass(f"Mật khẩu / password for {username}: ")


def open_as_local_operator(location: str | None) -> "Services":
    """The database's services acting as the local operator `cli:<os account>`, as every command but `serve` starts;
    on a replica there is no local operator: they act as the person who last synced it, with that person's roles."""
    from dossier_app.services import open_services
    from dossier_app.services.core.context import Operator, os_account

    services = open_services(location, Operator(f"cli:{os_account()}"))
    try:
        if services.people.is_replica():
            services.context.operator = services.people.acting_operator()
    except BaseException:
        services.close()
        raise
    return services


def sign_in(services: "Services", args: argparse.Namespace) -> str:
    """Sign in as --user / DOSSIER_USER and act with that account's roles from now on; returns who acts."""
    refuse_password_argument(args)
    username = acting_name(args)
    if username is None:
        return services.context.operator.name
    account = services.accounts.authenticate(username, read_password(username))
    from dossier_app.services.core.context import Operator

    services.context.operator = Operator(account.username)  # as the window does after its sign-in dialog
    return account.username

"""Which database a desktop opens: server addresses without passwords, a password asked for, a probe."""

import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from dossier_app.domain.errors import PasswordRequired
from dossier_app.services.core.connections import ServerAddress, probe, with_password, without_password
from dossier_app.storage import database as database_module
from dossier_app.storage import migrations


def test_a_server_address_round_trips_through_its_url_without_a_password() -> None:
    address = ServerAddress(host="db.soxaydung.local", database="ho_so", user="can_bo", port=5433)
    assert address.url == "postgresql+psycopg://can_bo@db.soxaydung.local:5433/ho_so"
    assert ServerAddress.parse(address.url) == address
    assert ServerAddress.parse("postgresql+psycopg://u@h/d") == ServerAddress(host="h", database="d", user="u")
    assert ServerAddress.parse("/home/an/dossier.sqlite3") is None
    assert ServerAddress.parse("sqlite:///x.sqlite3") is None


def test_passwords_are_added_for_the_session_and_removed_for_storage() -> None:
    secret = with_password("postgresql+psycopg://can_bo@h:5432/d?sslmode=require", "Bí-mật 9@")
    assert "Bí-mật" not in without_password(secret) and "@h:5432/d" in without_password(secret)
    assert "sslmode=require" in without_password(secret)
    assert make_url(secret).password == "Bí-mật 9@"
    assert without_password("/home/an/dossier.sqlite3") == "/home/an/dossier.sqlite3"


def test_a_refused_password_becomes_password_required(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_database: object) -> None:
        raise OperationalError("connect", {}, Exception("connection failed: fe_sendauth: no password supplied"))

    monkeypatch.setattr(migrations, "upgrade", refuse)
    with pytest.raises(PasswordRequired) as raised:
        database_module.open_database("postgresql+psycopg://can_bo@127.0.0.1:1/ho_so")
    assert "can_bo" in raised.value.message and "127.0.0.1" in raised.value.message


def test_probe_opens_and_names_the_database(db_url: str) -> None:
    expected = str(make_url(db_url).database) if db_url.startswith("sqlite") else make_url(db_url).host
    assert expected and str(expected) in probe(db_url)
    assert probe(db_url) == probe(db_url), "a second probe finds the schema in place"

"""No password is ever written in clear: not in any table, the audit trail, the database file or the logs."""

import logging

import pytest
from sqlalchemy import create_engine

from dossier_app.domain.enums import Role
from dossier_app.domain.errors import AuthenticationFailed
from dossier_app.services import Services
from dossier_app.services.accounts.audit import AuditFilter
from dossier_app.services.core.context import Operator
from dossier_app.storage.database import Database
from tests.services.secret_scan import files_containing, text_columns_containing

FIRST = "Mật-khẩu-Bí-Mật-1"
SECOND = "Passwort-Zwei-2-xyz"
TYPO = "Mat-khau-go-sai-3"


def test_passwords_never_reach_tables_audit_files_or_logs(services: Services, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    logging.getLogger("sqlalchemy.engine").setLevel(logging.INFO)  # as if someone turned on SQL logging
    try:
        services.accounts.add("canbo", [Role.OFFICER], FIRST, "Nguyễn Văn A")
        services.accounts.authenticate("canbo", FIRST)
        for _ in range(6):  # wrong passwords, up to the lockout
            with pytest.raises(Exception) as refused:
                services.accounts.authenticate("canbo", TYPO)
            assert TYPO not in str(refused.value)
        services.accounts.set_password("canbo", SECOND)
        services.accounts.authenticate("canbo", SECOND)
        services.context.operator = Operator("canbo")
        services.accounts.set_password("canbo", FIRST)  # changing one's own
        with pytest.raises(AuthenticationFailed):
            services.accounts.authenticate("khong-co", FIRST)
    finally:
        logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    assert caplog.records, "the SQL log was captured"
    for secret in (FIRST, SECOND, TYPO):
        assert text_columns_containing(services.database, secret) == []
        assert [e for e in services.audit.entries(AuditFilter(limit=1000)) if secret in e.summary] == []
        assert secret not in caplog.text
    services.close()  # fold the journal into the file, then read its raw bytes (freed pages too)
    for secret in (FIRST, SECOND, TYPO):
        assert files_containing(services.database, secret) == []


def test_a_server_password_is_kept_out_of_reprs_and_messages() -> None:
    url = "postgresql+psycopg://planner:S3cret-pg-pass@db.example:5432/dossier"
    database = Database(url=url, engine=create_engine(url))
    assert "S3cret-pg-pass" not in repr(database)
    assert "S3cret-pg-pass" not in database.display_location
    database.dispose()

"""UI preferences in QSettings behind typed accessors: language, geometry, splitters, last place."""

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = ("vi", "en")
DEFAULT_LANGUAGE = "vi"
DEFAULT_BACKUPS_KEPT = 10
EXPORT_SIGNING_KEYS = ("mode", "p12", "module", "token", "key")


class UiSettings:
    """The one place that knows QSettings keys; user data never goes here."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings("dossier_app", "dossier_app")

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def _int(self, key: str) -> int | None:
        value = self._settings.value(key)
        try:
            return int(value) if value not in (None, "") else None  # type: ignore[call-overload]
        except (TypeError, ValueError):
            return None

    @property
    def language(self) -> str:
        """UI language code; Vietnamese unless the user chose English."""
        value = str(self._settings.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self._settings.setValue("ui/language", value if value in LANGUAGES else DEFAULT_LANGUAGE)

    @property
    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry."""
        return self._bytes("window/geometry")

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._settings.setValue("window/geometry", value)

    @property
    def window_state(self) -> QByteArray | None:
        """Docks and toolbars of the main window."""
        return self._bytes("window/state")

    @window_state.setter
    def window_state(self, value: QByteArray) -> None:
        self._settings.setValue("window/state", value)

    def splitter(self, name: str) -> QByteArray | None:
        """A named splitter's saved sizes."""
        return self._bytes(f"splitters/{name}")

    def set_splitter(self, name: str, value: QByteArray) -> None:
        """Remember a named splitter's sizes."""
        self._settings.setValue(f"splitters/{name}", value)

    def last_section(self, database: str, person: str = "") -> tuple[int | None, int | None]:
        """The project and section `person` had open last on this database."""
        key = _last_key(database, person)
        return self._int(f"{key}/project"), self._int(f"{key}/section")

    def set_last_section(self, database: str, project_id: int | None, section_id: int | None, person: str = "") -> None:
        """Remember where the person was, per database and per person (several may share a desktop)."""
        key = _last_key(database, person)
        self._settings.setValue(f"{key}/project", project_id if project_id is not None else "")
        self._settings.setValue(f"{key}/section", section_id if section_id is not None else "")

    @property
    def last_folder(self) -> str:
        """The folder the last file dialog used."""
        return str(self._settings.value("files/last_folder", ""))

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._settings.setValue("files/last_folder", value)

    @property
    def backups_kept(self) -> int:
        """How many daily automatic backups to keep (at least one)."""
        return max(1, self._int("backups/kept") or DEFAULT_BACKUPS_KEPT)

    @backups_kept.setter
    def backups_kept(self, value: int) -> None:
        self._settings.setValue("backups/kept", max(1, int(value)))

    @property
    def export_folder(self) -> str:
        """The folder the last submission package was written into."""
        return str(self._settings.value("export/folder", ""))

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self._settings.setValue("export/folder", value)

    def export_signing(self, name: str) -> str:
        """How the export dialog last signed: `mode` (none, p12, token), `p12`, `module`, `token`, `key`; never a
        passphrase or a PIN."""
        return str(self._settings.value(f"export/signing/{name}", ""))

    def set_export_signing(self, **values: str) -> None:
        """Remember the signing choice (the keys `export_signing` names; a secret has no key to go to)."""
        for name, value in values.items():
            if name not in EXPORT_SIGNING_KEYS:
                raise KeyError(name)
            self._settings.setValue(f"export/signing/{name}", value)

    @property
    def database_url(self) -> str:
        """The PostgreSQL server this desktop opened before it synced a copy of its own ("" when none): only read at
        start, to ask for the sync server instead, then forgotten; never holds a password."""
        return str(self._settings.value("database/url", ""))

    @database_url.setter
    def database_url(self, value: str) -> None:
        from dossier_app.services.core.connections import without_password  # SQLAlchemy's URL parser: not at start

        self._settings.setValue("database/url", without_password(value) if value else "")

    def forget_database_url(self) -> None:
        """Remove the PostgreSQL address of before: the window works on its own copy now."""
        self._settings.remove("database/url")

    def sync_server(self, database: str) -> str:
        """The department sync server this replica syncs with ("" when it works alone)."""
        return str(self._settings.value(f"syncserver/{_key(database)}", ""))

    def set_sync_server(self, database: str, url: str) -> None:
        """Remember the sync server of this database (an address only; passwords are never kept)."""
        self._settings.setValue(f"syncserver/{_key(database)}", url.strip())

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._settings.sync()


def _key(database: str) -> str:
    """A settings-safe key for a database location."""
    import hashlib

    return hashlib.sha1(database.encode("utf-8")).hexdigest()[:16]


def _last_key(database: str, person: str) -> str:
    """The settings group of one person's last place on one database (no person: the window without sign-in)."""
    return f"last/{_key(database)}" + (f"/{_key(person.casefold())}" if person else "")

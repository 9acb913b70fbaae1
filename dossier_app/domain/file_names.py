"""File names people and programs send us, made safe to store, show and write on any operating system."""

import re
import unicodedata

# Names Windows refuses as a file, with or without an extension (CON, con.txt, LPT1.pdf …).
WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"COM{i}" for i in (*range(1, 10), "¹", "²", "³")}
    | {f"LPT{i}" for i in (*range(1, 10), "¹", "²", "³")}
)
# Characters Windows forbids in a name, plus both path separators.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')
MAX_NAME_BYTES = 200  # well under the 255-byte limit of common file systems, leaving room for a prefix
FALLBACK_NAME = "tep-dinh-kem"


def safe_file_name(name: str, *, max_bytes: int = MAX_NAME_BYTES, fallback: str = FALLBACK_NAME) -> str:
    """One path component that is the same name on Linux, macOS and Windows, never a path out of its folder.

    NFC; no control characters, NUL or separators; no leading or trailing dots or spaces (so never `.` or `..`);
    no Windows device names; at most `max_bytes` of UTF-8 with the extension kept. Idempotent.
    """
    text = unicodedata.normalize("NFC", name)
    text = "".join(" " if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") else ch for ch in text)
    text = _FORBIDDEN.sub("_", text)
    text = " ".join(text.split())
    text = text.strip(" .")
    if not text:
        text = fallback
    if text.split(".")[0].rstrip(" ").upper() in WINDOWS_RESERVED:  # Windows ignores what follows the first dot
        text = "_" + text
    return _shorten(text, max_bytes)


def _shorten(text: str, max_bytes: int) -> str:
    """Cut the stem (never the extension, if short) until the UTF-8 form fits; never split a character."""
    if len(text.encode("utf-8")) <= max_bytes:
        return text
    stem, dot, extension = text.rpartition(".")
    suffix = f".{extension}" if dot and stem and len(extension.encode("utf-8")) <= 16 else ""
    base = stem if suffix else text
    budget = max_bytes - len(suffix.encode("utf-8"))
    cut = base.encode("utf-8")[:budget].decode("utf-8", errors="ignore").rstrip(" .")
    return (cut or FALLBACK_NAME[:budget]) + suffix

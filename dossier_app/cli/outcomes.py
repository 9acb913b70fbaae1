"""How every command ends: exit codes (0 success, 1 a check found a problem, 2 bad usage or bad input) and the
one-line refusal on stderr, in Vietnamese then English."""

import sys

from dossier_app.domain.errors import DossierError
from dossier_app.storage.resources import translated_message

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def localised(error: DossierError) -> str:
    """One line with the Vietnamese message, then the English one."""
    english, vietnamese = error.message, translated_message(error, "vi")
    return f"{vietnamese} — {english}" if vietnamese != english else english


def fail(error: DossierError) -> int:
    """Print a refusal on stderr and return the contract's exit code for it."""
    print(f"lỗi / error: {localised(error)}", file=sys.stderr)
    return EXIT_USAGE

"""How every command ends: exit codes (0 success, 1 a check found a problem, 2 bad usage or bad input) and the
one-line refusal on stderr, in Vietnamese then English."""

import sys

from dossier_app.domain.errors import DossierError
from dossier_app.storage.resources import message_translations

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE = 0, 1, 2


def localised(error: DossierError) -> str:
    """One line with the Vietnamese message, then the English one."""
    english = error.message
    table = message_translations("vi")
    template = table.get(error.template)
    if not template:
        return english
    params = {
        name: table.get(value, value) if isinstance(value, str) else value for name, value in error.params.items()
    }
    try:
        vietnamese = template.format(**params)
    except (KeyError, IndexError, ValueError):
        return english
    return f"{vietnamese} — {english}" if vietnamese != english else english


def fail(error: DossierError) -> int:
    """Print a refusal on stderr and return the contract's exit code for it."""
    print(f"lỗi / error: {localised(error)}", file=sys.stderr)
    return EXIT_USAGE

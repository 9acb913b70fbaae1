"""Sign-in with argon2id: one password check with the production parameters must cost 50–250 ms.

Too cheap and a stolen database file is guessed quickly; too dear and signing in drags (and a
burst of wrong passwords keeps a core busy). Times, after one untimed run:

* `PasswordHasher.verify(hash, password)` with `production_hasher()` (services/accounts/accounts.py): the
  measurement the target is judged on, both bounds;
* `AccountService.authenticate(name, password)` on a SQLite database: the check plus two small
  transactions, what the sign-in dialog waits for (informative).

    .venv/bin/python bench/password_hash.py [--runs 20]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import RESULT_PREFIX, isolate_this_process, open_services, report, scratch_dir

LOW_MS, HIGH_MS = 50.0, 250.0
PASSWORD = "một mật khẩu đủ dài 2025"


def time_verify(runs: int) -> list[float]:
    """Time verify() of a correct password with the production hasher."""
    from dossier_app.services.accounts.accounts import production_hasher

    hasher = production_hasher()
    stored = hasher.hash(PASSWORD)
    print(f"  hash: {stored[: stored.rindex('$')]}$…", flush=True)
    hasher.verify(stored, PASSWORD)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        hasher.verify(stored, PASSWORD)
        samples.append(time.perf_counter() - start)
    return samples


def time_sign_in(scratch: Path, runs: int) -> list[float]:
    """Time a whole successful sign-in through the service."""
    services = open_services(str(scratch / "accounts.sqlite3"), "cli:bench")
    try:
        services.accounts.add("chuyenvien", ["officer"], PASSWORD)
        services.accounts.authenticate("chuyenvien", PASSWORD)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            services.accounts.authenticate("chuyenvien", PASSWORD)
            samples.append(time.perf_counter() - start)
        return samples
    finally:
        services.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20, help="timed runs (default 20)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)

    scratch = scratch_dir("password", keep=args.keep)
    isolate_this_process(scratch)
    from dossier_app.services.accounts import accounts

    print(
        f"argon2id: time_cost={accounts.ARGON2_TIME_COST}, memory_cost={accounts.ARGON2_MEMORY_KIB} KiB, "
        f"parallelism={accounts.ARGON2_PARALLELISM}",
        flush=True,
    )
    name = "argon2id verify, production parameters"
    result = report(name, time_verify(args.runs), HIGH_MS, emit=False)
    if float(result["median_ms"]) < LOW_MS:  # type: ignore[arg-type]
        result["verdict"] = "FAIL"
        print(f"{name}: FAIL, cheaper than {LOW_MS:g} ms: raise ARGON2_TIME_COST or ARGON2_MEMORY_KIB", flush=True)
    result["note"] = f"target {LOW_MS:g}–{HIGH_MS:g} ms"
    print(RESULT_PREFIX + json.dumps(result, ensure_ascii=False), flush=True)
    sign_in = report("AccountService.authenticate (SQLite)", time_sign_in(scratch, args.runs), None, note="informative")
    return 1 if result["verdict"] == "FAIL" or sign_in["verdict"] == "FAIL" else 0


if __name__ == "__main__":
    raise SystemExit(main())

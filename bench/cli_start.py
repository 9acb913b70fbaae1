"""Start-up of the command line, spawn to exit, beside its floor measured in the same run.

Targets (issue 8): `python main.py --help` ≤ 350 ms; `python main.py --db DB projects` ≤ 1.5 × the time of
`python -c "import sqlmodel"` (the database layer every command that reads data must load). The three commands run
interleaved, round after round, so a burst of load on the machine hits them alike.

    .venv/bin/python bench/cli_start.py [--runs 9] [--warmup 1]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, demo_database, isolated_env, report, scratch_dir, time_command

HELP_TARGET_MS = 350.0
PROJECTS_FACTOR = 1.5


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--warmup", type=int, default=1)
    args = parser.parse_args(argv)
    scratch = scratch_dir("cli-start")
    env = isolated_env(scratch)
    db = scratch / "demo.sqlite3"
    demo_database(db)
    commands = {
        "import sqlmodel": [sys.executable, "-c", "import sqlmodel"],
        "main.py --help": [sys.executable, "main.py", "--help"],
        "main.py projects": [sys.executable, "main.py", "--db", str(db), "projects"],
    }
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(args.warmup + args.runs):
        for name, command in commands.items():
            elapsed = time_command(command, env, cwd=ROOT)
            if round_ >= args.warmup:
                samples[name].append(elapsed)
    floor_ms = statistics.median(samples["import sqlmodel"]) * 1000
    report("python -c 'import sqlmodel' (floor, same run)", samples["import sqlmodel"], None)
    report("main.py --help, spawn to exit", samples["main.py --help"], HELP_TARGET_MS)
    report(
        "main.py projects, spawn to exit",
        samples["main.py projects"],
        PROJECTS_FACTOR * floor_ms,
        note=f"target {PROJECTS_FACTOR} × import sqlmodel ({floor_ms:.0f} ms)",
    )
    ratio = statistics.median(samples["main.py projects"]) * 1000 / floor_ms
    print(f"projects / import sqlmodel: {ratio:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The parties table at 100,000 rows: first paint ≤ 300 ms, a filter or a search ≤ 150 ms, peak memory ≤ 500 MB.

The register is the demo's: `python main.py --db FILE demo --households N` (the deterministic generator of
dossier_app/services/demo/register_demo.py) gives CT-ITP N parties with ~1.35 parcels each, their compensation
lines and resettlement. The SQLite file is kept in `--cache` (/tmp/dossier-bench-cache by default) and
rebuilt when the generator, the models or the migrations change; each run works on a copy of it.

Each run is a child process, offscreen, with the main window built as app.py builds it (on CT-ITP) and
then, timed, the register window as the main window's "Register" action opens it:

* first paint: from before `RegisterWindow(...)` (its model counts the parties, its filter bar fills the
  wards) to the end of the parties table's first paint;
* filter by ward: choosing a ward in the filter bar (the SQL count, the model reset, the totals line) to
  the end of the table's repaint, each ward once; then back to all wards (not timed);
* search: the search box's text set and the filter applied (what the 250 ms typing pause then does;
  the pause itself is not counted) to the end of the repaint: eight different searches (names with and
  without diacritics, citizen ID prefixes, addresses), so none finds its count already kept;
* sort change: a click on a sortable header (name, ward, code; both directions) to the end of the repaint;
* peak RSS of the child (`ru_maxrss`) with the main window and the register open, after all of the above.

Targets: first paint ≤ 300 ms, filter and search ≤ 150 ms (median), peak RSS ≤ 500 MB (the largest run);
the sort change is held to the filter's 150 ms too.

    .venv/bin/python bench/register_table.py [--parties 100000] [--runs 5] [--cache DIR] [--keep]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, cached_demo_database, isolated_env, report, scratch_dir

PAINT_MS = 300.0
FILTER_MS = 150.0
PEAK_MB = 500.0
PROJECT = "CT-ITP"
CHILD_PREFIX = "TABLE_RESULT "
# Eight different searches: a search already counted in this window is not counted again, so none repeats.
SEARCHES = ("Nguyễn Văn", "0920", "khu vực Phú", "tran thi", "Lê Hoàng", "092092", "phuong hung thanh", "Võ Thị Mai")
SORTS = ((1, "asc"), (1, "desc"), (3, "asc"), (0, "desc"), (0, "asc"))


# The child: one process with the program's windows -----------------------------------------------------------


def child(db: Path, scratch: Path, rounds: int) -> None:
    """Open the register, measure, print one result line."""
    import resource

    from _common import open_services
    from _qt import application, main_window
    from PySide6.QtCore import QEvent, QObject, Qt

    app = application()
    services = open_services(str(db))
    project_id = services.projects.by_code(PROJECT).id
    _app, window = main_window(scratch, services)
    before_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    from dossier_app.ui.register.register_window import RegisterWindow

    class Painted(QObject):
        """Counts the table's paints."""

        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    painted = Painted()

    def until_painted(seen: int, what: str) -> None:
        deadline = time.perf_counter() + 30
        while painted.count == seen:
            app.processEvents()
            if time.perf_counter() > deadline:
                raise SystemExit(f"no repaint after {what}")
        app.processEvents()  # the rest of that frame

    start = time.perf_counter()
    register = RegisterWindow(services, project_id, window.settings, window)
    built = time.perf_counter()
    register.table.viewport().installEventFilter(painted)
    register.show()
    until_painted(0, "show")
    first_paint = time.perf_counter() - start
    construct = built - start
    rows = register.model.rowCount()

    wards = [register.ward.itemData(i) for i in range(1, register.ward.count())]
    ward_times: list[float] = []
    ward_rows: list[int] = []
    for index in range(min(rounds, len(wards))):  # each ward once: a ward chosen again is not recounted
        ward = wards[index]
        seen = painted.count
        start = time.perf_counter()
        register.ward.setCurrentIndex(register.ward.findData(ward))
        until_painted(seen, "ward")
        ward_times.append(time.perf_counter() - start)
        ward_rows.append(register.model.rowCount())
        seen = painted.count
        register.ward.setCurrentIndex(0)
        until_painted(seen, "all wards")

    search_times: list[float] = []
    search_rows: dict[str, int] = {}
    for index in range(min(rounds, len(SEARCHES))):
        text = SEARCHES[index]
        seen = painted.count
        start = time.perf_counter()
        register.search.setText(text)
        register.apply_filters()
        until_painted(seen, "search")
        search_times.append(time.perf_counter() - start)
        search_rows[text] = register.model.rowCount()
        seen = painted.count
        register.search.setText("")
        register.apply_filters()
        until_painted(seen, "search cleared")

    sort_times: list[float] = []
    for index in range(rounds):
        column, order = SORTS[index % len(SORTS)]
        seen = painted.count
        start = time.perf_counter()
        register.table.sortByColumn(
            column, Qt.SortOrder.AscendingOrder if order == "asc" else Qt.SortOrder.DescendingOrder
        )
        until_painted(seen, "sort")
        sort_times.append(time.perf_counter() - start)
    register.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    app.processEvents()

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {
        "first_paint": first_paint,
        "construct": construct,
        "rows": rows,
        "ward": ward_times,
        "ward_rows": ward_rows,
        "search": search_times,
        "search_rows": search_rows,
        "sort": sort_times,
        "peak_mb": peak_mb,
        "before_register_mb": before_mb,
        "page_loads": register.model.page_loads,
    }
    print(CHILD_PREFIX + json.dumps(result), flush=True)
    register.close()
    window.close()
    services.close()
    os._exit(0)  # skip Qt's teardown: nothing is measured there


# The parent -----------------------------------------------------------------------------------------------------


def run_child(db: Path, scratch: Path, env: dict[str, str], rounds: int) -> dict[str, Any]:
    """One child process on its own copy of the database."""
    copy = scratch / "register.sqlite3"
    shutil.copyfile(db, copy)
    for suffix in ("-wal", "-shm"):
        Path(f"{copy}{suffix}").unlink(missing_ok=True)
    command = [sys.executable, __file__, "--child", str(copy), "--scratch", str(scratch), "--rounds", str(rounds)]
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    lines = [line for line in completed.stdout.splitlines() if line.startswith(CHILD_PREFIX)]
    if completed.returncode != 0 or not lines:
        raise SystemExit(
            f"child failed (exit {completed.returncode}):\n{completed.stdout[-3000:]}\n{completed.stderr[-3000:]}"
        )
    return dict(json.loads(lines[-1][len(CHILD_PREFIX) :]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parties", type=int, default=100_000, help="parties in CT-ITP (default 100000)")
    parser.add_argument("--runs", type=int, default=5, help="child processes (default 5)")
    parser.add_argument("--rounds", type=int, default=8, help="filters, searches and sorts per child (default 8)")
    parser.add_argument(
        "--cache",
        default=str(Path(tempfile.gettempdir()) / "dossier-bench-cache"),
        help="folder that keeps the generated database between runs",
    )
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--scratch", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.child:
        child(Path(args.child), Path(args.scratch), args.rounds)
        return 0

    scratch = scratch_dir("register-table", args.keep)
    env = isolated_env(scratch)
    env["QT_QPA_PLATFORM"] = "offscreen"
    db, origin = cached_demo_database("register-table", args.parties, Path(args.cache), env)
    print(f"database: {args.parties} parties in {PROJECT}, {db.stat().st_size / 1e6:.0f} MB, {origin}", flush=True)

    results: list[dict[str, Any]] = []
    for run in range(args.runs):
        result = run_child(db, scratch, env, args.rounds)
        results.append(result)
        ward = statistics.median(result["ward"])
        search = statistics.median(result["search"])
        sort = statistics.median(result["sort"])
        print(
            f"run {run + 1}: first paint {result['first_paint'] * 1000:.0f} ms "
            f"(window built in {result['construct'] * 1000:.0f} ms), {result['rows']} rows; "
            f"ward {ward * 1000:.0f} ms, search {search * 1000:.0f} ms, sort {sort * 1000:.0f} ms (medians); "
            f"peak RSS {result['peak_mb']:.0f} MB (main window alone {result['before_register_mb']:.0f} MB)",
            flush=True,
        )
    print(f"rows per ward: {results[0]['ward_rows']}; rows per search: {results[0]['search_rows']}")

    def samples(key: str) -> list[float]:
        return [value for result in results for value in result[key]]

    verdicts = [
        report("register table first paint (100k parties)", [r["first_paint"] for r in results], PAINT_MS),
        report("register window constructor", [r["construct"] for r in results], None, note="informative"),
        report("register table filter by ward", samples("ward"), FILTER_MS),
        report("register table search", samples("search"), FILTER_MS),
        report("register table sort change", samples("sort"), FILTER_MS),
        # Memory in the ms columns of run_all's table: 1 "ms" stands for 1 MB; judged on the largest run.
        report(
            "peak RSS with the register open (MB)",
            [r["peak_mb"] / 1000 for r in results],
            PEAK_MB,
            gate="max_ms",
        ),
    ]
    return 0 if all(v["verdict"] in ("PASS", "INFO") for v in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())

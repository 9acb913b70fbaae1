"""The project home: click-to-painted for CT-ITP on the demo and on a 100,000-household register (issue 15).

In-process and offscreen, the main window as app.py builds it. For each database, CT-HTP and CT-ITP are chosen in
turn in the navigator (`window.select_project`), and for each choice of CT-ITP it times:

* first paint: from the click to the end of the home's first paint, which shows CT-ITP's figures of its last
  visit at once (its code and name only on the very first visit);
* fresh figures painted: from the click to the end of the paint of the figures read for this click
  (`ProjectHomeService.home` on a worker thread: SQL counts and sums, then the drawing);
* beside them: the reading alone (`services.home.home(id)`, in this thread; informative), and the drawing alone,
  the GUI thread's share, held to a frame (16.7 ms, median): `ProjectHomePane.draw(home)` of CT-ITP's figures over
  CT-HTP's (every line changes) to the end of its paint; also (informative) the same figures drawn again, as a
  refresh that finds nothing new does.

The first visit (nothing seen before, no warm caches) is reported on its own line. The big register is the demo's
CT-ITP grown with `python main.py --db FILE demo --households N`, built once into `--cache`
(/tmp/dossier-bench-cache) and rebuilt when the generator, the models or the migrations change; `--big-db PATH`
takes an existing one, `--households 0` skips it.

    .venv/bin/python bench/home.py [--runs 15] [--households 100000] [--cache DIR] [--big-db PATH] [--keep]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    cached_demo_database,
    demo_database,
    isolate_this_process,
    isolated_env,
    open_services,
    report,
    scratch_dir,
)
from _qt import main_window

FRAME_MS = 1000.0 / 60.0
PROJECT, OTHER = "CT-ITP", "CT-HTP"
TIMEOUT_S = 60.0


class Paints:
    """Counts the paints of the home's page (a piece of it repainted paints the page under it) and times the last."""

    def __init__(self, widget) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QEvent, QObject

        paints = self

        class Filter(QObject):
            def eventFilter(self, _obj: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    paints.count += 1
                    paints.last = time.perf_counter()
                return False

        self.count = 0
        self.last = 0.0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def until(app, done, what: str) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until `done()`; a stuck home ends the benchmark."""
    deadline = time.perf_counter() + TIMEOUT_S
    while not done():
        app.processEvents()
        if time.perf_counter() > deadline:
            raise SystemExit(f"no {what} within {TIMEOUT_S:.0f} s")


def settle(app) -> None:  # type: ignore[no-untyped-def]
    """Let the event loop paint whatever a drawing left to paint (nothing, when no text changed)."""
    for _ in range(3):
        app.processEvents()


def click(app, window, paints: Paints, project_id: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Choose a project; seconds to the home's first paint and to the figures read for this click on screen
    (their paint, or the end of their drawing when it changed nothing on screen)."""
    home = window.home
    drawn: list[tuple[int, float]] = []  # (paints so far, time) at the end of each drawing

    def on_drawn(_figures: object) -> None:
        drawn.append((paints.count, time.perf_counter()))

    home.drawn.connect(on_drawn)
    seen = paints.count
    start = time.perf_counter()
    already = window.current_project_id == project_id
    window.select_project(project_id)
    if already and not home.busy:  # the window opened on this project and read it already: a click reads again
        home.refresh()
    until(app, lambda: paints.count > seen, "first paint")  # a new project's title at least is painted
    app.processEvents()  # the rest of that frame
    first = time.perf_counter() - start
    until(app, lambda: not home.busy and drawn, "fresh figures")
    settle(app)
    count, at = drawn[-1]
    fresh = (paints.last if paints.count > count else at) - start
    home.drawn.disconnect(on_drawn)
    return first, fresh


def measure(label: str, db: Path, scratch: Path, runs: int) -> int:
    """All the measurements on one database; 1 when the drawing misses its frame."""
    services = open_services(str(db))
    project_id = services.projects.by_code(PROJECT).id
    other_id = services.projects.by_code(OTHER).id
    parties = services.dashboard.totals(project_id).parties
    app, window = main_window(scratch, services)
    window.resize(1440, 900)
    settle(app)
    paints = Paints(window.home.page)
    click(app, window, paints, other_id)
    cold_first, cold_fresh = click(app, window, paints, project_id)
    print(
        f"{label} ({parties:,} households in {PROJECT}): first visit: first paint {cold_first * 1000:.1f} ms, "
        f"figures painted {cold_fresh * 1000:.1f} ms",
        flush=True,
    )
    firsts: list[float] = []
    freshes: list[float] = []
    for _ in range(runs):
        click(app, window, paints, other_id)
        first, fresh = click(app, window, paints, project_id)
        firsts.append(first)
        freshes.append(fresh)
    report(f"{label}: click to first paint (figures of the last visit)", firsts, FRAME_MS, note="informative")
    report(f"{label}: click to fresh figures painted", freshes, None, note="informative")

    reads: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        figures = services.home.home(project_id)
        reads.append(time.perf_counter() - start)
    report(f"{label}: reading the figures (ProjectHomeService.home)", reads, None, note="informative")

    other = services.home.home(other_id)
    switches: list[float] = []
    for index in range(2 * runs):  # CT-HTP's figures, then CT-ITP's: every drawing changes the page
        shown = other if index % 2 == 0 else figures
        seen = paints.count
        start = time.perf_counter()
        window.home.draw(shown)
        until(app, lambda seen=seen: paints.count > seen, "paint after draw")
        app.processEvents()
        if shown is figures:
            switches.append(time.perf_counter() - start)
    result = report(f"{label}: drawing {PROJECT}'s figures over {OTHER}'s, to painted", switches, FRAME_MS)

    redraws: list[float] = []
    for _ in range(runs):  # a refresh that finds the same figures (the time of day aside)
        start = time.perf_counter()
        window.home.draw(figures)
        settle(app)
        redraws.append(time.perf_counter() - start)
    report(f"{label}: drawing the same figures again (a refresh), to painted", redraws, FRAME_MS, note="informative")
    window.close()
    services.close()
    return 0 if result["verdict"] == "PASS" else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="clicks per database (default 15)")
    parser.add_argument("--households", type=int, default=100_000, help="CT-ITP's register (0: the demo only)")
    parser.add_argument(
        "--cache",
        default=str(Path(tempfile.gettempdir()) / "dossier-bench-cache"),
        help="where the big database is kept between runs",
    )
    parser.add_argument("--big-db", help="an existing database built with `demo --households N` (used on a copy)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)

    scratch = scratch_dir("home", keep=args.keep)
    env = isolated_env(scratch)
    isolate_this_process(scratch)
    demo = scratch / "demo.sqlite3"
    demo_database(demo)
    exit_code = measure("demo", demo, scratch, args.runs)
    if args.big_db or args.households:
        if args.big_db:
            source, origin = Path(args.big_db), f"given {args.big_db}"
        else:
            source, origin = cached_demo_database("home", args.households, Path(args.cache), env)
        big = scratch / "big.sqlite3"
        shutil.copyfile(source, big)
        print(f"big register: {origin}", flush=True)
        exit_code |= measure("big register", big, scratch, args.runs)
    return exit_code


if __name__ == "__main__":
    raise SystemExit(main())

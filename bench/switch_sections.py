"""Switching sections in the main window: target ≤ 50 ms per switch.

In-process and offscreen: opens MainWindow on a fresh demo database and times
`window.select_section(id)` followed by `processEvents()` (so the repaint is counted), over every
section of CT-HTP and CT-ITP, alternating between the two projects. A second, informative
measurement switches to and from a 20-page section (~10,000 words), the heaviest load the editor
does.

    .venv/bin/python bench/switch_sections.py [--rounds 3] [--no-large] [--profile]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from itertools import zip_longest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    all_section_ids,
    demo_database,
    isolate_this_process,
    long_section,
    open_services,
    report,
    scratch_dir,
)
from _qt import main_window

TARGET_MS = 50.0


def time_switches(app, window, order: list[int]) -> list[float]:  # type: ignore[no-untyped-def]
    """Seconds per switch for each section id in `order`."""
    samples = []
    for section_id in order:
        start = time.perf_counter()
        window.select_section(section_id)
        app.processEvents()
        samples.append(time.perf_counter() - start)
        current = window.current_section
        if current is None or current.id != section_id:
            raise RuntimeError(f"select_section({section_id}) did not load the section")
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3, help="passes over all sections (default 3)")
    parser.add_argument("--no-large", action="store_true", help="skip the 20-page section measurement")
    parser.add_argument("--large-runs", type=int, default=10)
    parser.add_argument("--profile", action="store_true", help="cProfile one pass and print the top functions")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)

    scratch = scratch_dir("switch", keep=args.keep)
    isolate_this_process(scratch)
    db = scratch / "demo.sqlite3"
    demo_database(db)
    services = open_services(str(db))
    projects = services.projects.summaries()
    per_project = [all_section_ids(services, p.id) for p in projects]
    order = [sid for pair in zip_longest(*per_project) for sid in pair if sid is not None]
    print(
        f"switch_sections: {len(order)} sections in {len(projects)} projects "
        f"({', '.join(f'{p.code}: {len(ids)}' for p, ids in zip(projects, per_project, strict=True))}), "
        f"{args.rounds} rounds after one warm-up round",
        flush=True,
    )

    app, window = main_window(scratch, services)
    time_switches(app, window, order)  # warm-up: first loads, font caches, icons
    samples: list[float] = []
    for _ in range(args.rounds):
        samples.extend(time_switches(app, window, order))
    exit_code = 0
    result = report("switch section (demo, alternating projects)", samples, TARGET_MS)
    if result["p95_ms"] > TARGET_MS:  # type: ignore[operator]
        print(f"  note: p95 {result['p95_ms']:.1f} ms is over the target", flush=True)
    if result["verdict"] == "FAIL":
        exit_code = 1

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        time_switches(app, window, order)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)

    if not args.no_large:
        large_id, small_id = per_project[0][0], per_project[0][1]
        body = long_section(random.Random(20))
        window.select_section(small_id)
        app.processEvents()
        services.dossiers.save_body(large_id, body)
        words = services.dossiers.section(large_id).word_count
        in_samples, out_samples = [], []
        time_switches(app, window, [large_id, small_id])  # warm-up
        for _ in range(args.large_runs):
            in_samples.extend(time_switches(app, window, [large_id]))
            out_samples.extend(time_switches(app, window, [small_id]))
        report(
            f"switch INTO a 20-page section ({words} words, {len(body)} chars)",
            in_samples,
            TARGET_MS,
            note="informative",
        )
        report("switch OUT of the 20-page section (unchanged, no save)", out_samples, TARGET_MS, note="informative")
        if args.profile:
            import cProfile
            import pstats

            profiler = cProfile.Profile()
            profiler.enable()
            time_switches(app, window, [large_id, small_id] * 3)
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(15)

    window.close()
    services.close()
    return exit_code


if __name__ == "__main__":
    raise SystemExit(main())

"""Chart drawing times on the demo data: the Gantt chart (week and month) and the register dashboard. No targets.

Builds a throwaway SQLite database with the Cần Thơ demo (CT-ITP's register of 480 households, or
`--households N`), and the hand-dated M1-M16 plan of tests/export/plan_support.py (steps done, running and
overdue, a baseline, legal deadlines). Reports the median of `--runs` runs after one untimed warm-up of each:
the SQL figures per ward, each dashboard PNG, the whole `ChartService.dashboard` call, and `gantt_png` at both
scales. The first drawing of the process (Pillow import and font loading) is reported apart, as `cold`.

    .venv/bin/python bench/charts.py [--runs 7] [--households 480] [--keep]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import isolate_this_process, open_services, report, scratch_dir


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    """Seconds of each of `runs` calls after one untimed call."""
    fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--households", type=int, default=480)
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)
    scratch = scratch_dir("charts", args.keep)
    isolate_this_process(scratch)

    from dossier_app.export.charts import ChartSize
    from tests.export.plan_support import demo_plan

    services = open_services(f"sqlite:///{scratch / 'bench.sqlite3'}")
    try:
        services.demo.load(households=args.households)
        project_id = services.projects.by_code("CT-ITP").id
        plan = demo_plan()
        charts = services.charts

        def gantt(scale: str) -> Callable[[], bytes]:
            return lambda: charts.gantt_png(
                plan.milestones, plan.deadlines, plan.assessments, plan.baseline, today=plan.today, scale=scale
            )

        start = time.perf_counter()
        gantt("month")()
        report("charts cold: first gantt_png of the process (month)", [time.perf_counter() - start], None)
        figures = services.dashboard.figures(project_id)
        wards = figures.wards
        print(f"CT-ITP: {figures.total.parties} parties in {len(wards)} wards; plan of {len(plan.milestones)} steps")
        cases: list[tuple[str, Callable[[], object]]] = [
            ("dashboard figures (SQL, per ward)", lambda: services.dashboard.figures(project_id)),
            ("parties_by_step_png", lambda: charts.parties_by_step_png(wards)),
            ("money_png", lambda: charts.money_png(wards)),
            ("area_png", lambda: charts.area_png(wards)),
            ("ChartService.dashboard (figures + 3 PNGs)", lambda: charts.dashboard(project_id)),
            ("gantt_png month", gantt("month")),
            ("gantt_png week", gantt("week")),
            (
                "gantt_png month at 200 dpi (print)",
                lambda: charts.gantt_png(
                    plan.milestones,
                    plan.deadlines,
                    plan.assessments,
                    plan.baseline,
                    today=plan.today,
                    scale="month",
                    size=ChartSize(dpi=200),
                ),
            ),
        ]
        for name, fn in cases:
            report(f"charts: {name}", timed(fn, args.runs), None)
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Search over 500 sections: target ≤ 50 ms per query.

Headless, through the program's services. Builds its own database in a scratch folder:

* `one-project`: one project (Decree 10/2024 outline) grown with custom sections to ≥ 500 sections,
  each with ~300 words of Vietnamese text: one search really looks at 500 sections. This is the
  case the target is judged on.
* `many-projects`: as many projects as it takes to hold ≥ 500 sections of text in total; a search
  covers one project's sections while the table holds all of them.

Each query runs 20 times (after 2 untimed runs): "can tho", "đất", "Hưng Thạnh", "khong co gi"
(with and without diacritics; the last one matches nothing). SQLite always; PostgreSQL too when
DOSSIER_BENCH_PG_URL names a server (postgresql+psycopg://user@host:port/db) on which the user may
CREATE DATABASE: a throwaway database is created there and dropped afterwards.

    .venv/bin/python bench/search.py [--runs 20] [--sections 500] [--layout one-project|many-projects|both]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (
    all_section_ids,
    isolate_this_process,
    open_services,
    project_input,
    report,
    scratch_dir,
    section_body,
    sentence,
)

TARGET_MS = 50.0
QUERIES = ("can tho", "đất", "Hưng Thạnh", "khong co gi")
PG_ENV = "DOSSIER_BENCH_PG_URL"


def fill_one_project(services, sections: int, rng: random.Random) -> int:  # type: ignore[no-untyped-def]
    """One project with ≥ `sections` sections, every one with text; returns its id."""
    project = services.projects.create(project_input("BENCH-ONE", "Khu công nghệ cao Cần Thơ (thử tải)"))
    documents = services.projects.documents(project.id)
    existing = all_section_ids(services, project.id)
    for index in range(max(0, sections - len(existing))):
        document_id = documents[index % len(documents)][0]
        title = f"Phụ lục {index + 1}: {sentence(rng)[:80].rstrip('.')}"
        services.dossiers.add_section(document_id, None, title)
    for section_id in all_section_ids(services, project.id):
        services.dossiers.save_body(section_id, section_body(rng))
    return project.id


def fill_many_projects(services, sections: int, rng: random.Random) -> int:  # type: ignore[no-untyped-def]
    """Projects until ≥ `sections` sections with text exist in all; returns the id of the first."""
    total, first, number = 0, None, 0
    while total < sections:
        number += 1
        high_tech = number % 2 == 1
        name = f"Khu {'công nghệ cao' if high_tech else 'công nghệ thông tin tập trung'} số {number}"
        project = services.projects.create(project_input(f"BENCH-{number:03d}", name, high_tech))
        first = first or project.id
        for section_id in all_section_ids(services, project.id):
            services.dossiers.save_body(section_id, section_body(rng))
            total += 1
    assert first is not None
    return first


def count_sections(services) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """Live sections in the database and projects."""
    summaries = services.projects.summaries()
    return sum(len(all_section_ids(services, p.id)) for p in summaries), len(summaries)


def run_queries(services, project_id: int, label: str, runs: int) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """Time every query on one project; print and return the results."""
    in_project = len(all_section_ids(services, project_id))
    results = []
    for query in QUERIES:
        hits = services.search.search(project_id, query)
        services.search.search(project_id, query)
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            services.search.search(project_id, query)
            samples.append(time.perf_counter() - start)
        results.append(
            report(
                f"search {label} ({in_project} sections in the project) {query!r}",
                samples,
                TARGET_MS,
                note=f"{len(hits)} hits",
            )
        )
    if not services.search.search(project_id, "can tho") or services.search.search(project_id, "khong co gi"):
        print("  WARNING: unexpected hits: 'can tho' should match, 'khong co gi' should not", flush=True)
    return results


def bench_database(
    location: str, backend: str, layouts: list[str], sections: int, runs: int
) -> list[dict[str, object]]:
    """Build each layout in its own database at `location` (a factory) and time the queries."""
    results = []
    for layout in layouts:
        with database(location, backend, layout) as url:
            services = open_services(url)
            try:
                rng = random.Random(500)
                start = time.perf_counter()
                if layout == "one-project":
                    project_id = fill_one_project(services, sections, rng)
                else:
                    project_id = fill_many_projects(services, sections, rng)
                total, projects = count_sections(services)
                print(
                    f"{backend} {layout}: {total} sections with text in {projects} project(s), "
                    f"built in {time.perf_counter() - start:.1f} s",
                    flush=True,
                )
                results += run_queries(services, project_id, f"{backend} {layout}", runs)
            finally:
                services.close()
    return results


class database:
    """A fresh database: a new SQLite file, or a throwaway PostgreSQL database dropped on exit."""

    def __init__(self, location: str, backend: str, layout: str) -> None:
        self.location, self.backend, self.layout = location, backend, layout
        self.name = ""

    def __enter__(self) -> str:
        if self.backend == "sqlite":
            return str(Path(self.location) / f"search-{self.layout}.sqlite3")
        from sqlalchemy import create_engine, text
        from sqlalchemy.engine import make_url

        self.name = f"dossier_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(self.location, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE \"{self.name}\" ENCODING 'UTF8' TEMPLATE template0"))
        admin.dispose()
        return make_url(self.location).set(database=self.name).render_as_string(hide_password=False)

    def __exit__(self, *_exc: object) -> None:
        if self.backend == "sqlite" or not self.name:
            return
        from sqlalchemy import create_engine, text

        admin = create_engine(self.location, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        admin.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=20, help="timed runs per query (default 20)")
    parser.add_argument("--sections", type=int, default=500, help="sections to create (default 500)")
    parser.add_argument("--layout", choices=("one-project", "many-projects", "both"), default="both")
    parser.add_argument("--no-pg", action="store_true", help=f"ignore {PG_ENV}")
    parser.add_argument("--profile", action="store_true", help="cProfile the slowest query on SQLite")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)

    scratch = scratch_dir("search", keep=args.keep)
    isolate_this_process(scratch)
    layouts = ["one-project", "many-projects"] if args.layout == "both" else [args.layout]
    results = bench_database(str(scratch), "sqlite", layouts, args.sections, args.runs)

    pg_url = os.environ.get(PG_ENV, "")
    if pg_url and not args.no_pg:
        try:
            results += bench_database(pg_url, "postgresql", layouts, args.sections, args.runs)
        except Exception as error:
            print(f"PostgreSQL skipped: {type(error).__name__}: {str(error).splitlines()[0]}", flush=True)
    else:
        print(f"PostgreSQL: not measured ({PG_ENV} is not set)", flush=True)

    if args.profile:
        import cProfile
        import pstats

        url = str(scratch / "search-one-project.sqlite3")
        if Path(url).exists():
            services = open_services(url)
            project_id = services.projects.by_code("BENCH-ONE").id
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(5):
                services.search.search(project_id, "can tho")
            profiler.disable()
            pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
            services.close()

    return 1 if any(r["verdict"] == "FAIL" for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())

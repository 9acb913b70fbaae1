"""Autosave of a 20-page section: target ≤ 20 ms per cycle.

In-process and offscreen. A generated 20-page section (~10,000 words of Vietnamese Markdown with
headings, bulleted and numbered lists and a table) is stored and loaded into the window's editor.
One autosave cycle = type one character (QTextCursor.insertText) + `editor.save_now()`, which
converts the document with toMarkdown() and calls the service's save_body with the version it
loaded (a new revision each time), then the window's `saved` handlers run (navigator, revisions
pane). Reported separately: toMarkdown() alone (the editor's markdown(), which rewrites only the
piece typed in), the whole document written at once (section_markdown: a save before the pieces
are written ahead), the service's save_body alone (same body size, another section), and the
revisions pane's refresh, whose cost grows with the history.

    .venv/bin/python bench/autosave.py [--runs 30] [--profile] [--history 200]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
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

TARGET_MS = 20.0
TYPED = "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệ"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=30, help="autosave cycles (default 30)")
    parser.add_argument("--words", type=int, default=10_000, help="size of the section (default 10,000 words)")
    parser.add_argument(
        "--history",
        type=int,
        default=200,
        help="also time the revisions pane after this many revisions of the section (0: skip)",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the cycles and print the top functions")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    args = parser.parse_args(argv)

    scratch = scratch_dir("autosave", keep=args.keep)
    isolate_this_process(scratch)
    db = scratch / "demo.sqlite3"
    demo_database(db)
    services = open_services(str(db))
    project = services.projects.by_code("CT-HTP")
    section_ids = all_section_ids(services, project.id)
    editor_section, service_section = section_ids[0], section_ids[1]
    body = long_section(random.Random(20), args.words)
    services.dossiers.save_body(editor_section, body)
    services.dossiers.save_body(service_section, body)
    stored = services.dossiers.section(editor_section)
    print(
        f"autosave: section {editor_section} «{stored.title}»: {stored.word_count} words, "
        f"{len(body)} characters of Markdown, {body.count(chr(10) + '#')} headings, "
        f"{sum(1 for line in body.splitlines() if line.startswith('|'))} table lines",
        flush=True,
    )

    app, window = main_window(scratch, services)
    window.select_section(editor_section)
    app.processEvents()
    editor = window.editor
    assert window.current_section is not None and window.current_section.id == editor_section
    document = editor.text.document()
    print(f"  the editor holds {document.characterCount()} characters in {document.blockCount()} blocks", flush=True)

    def type_one(index: int) -> None:
        cursor = editor.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(TYPED[index % len(TYPED)])
        editor.text.setTextCursor(cursor)

    # Warm-up: the first toMarkdown of a freshly loaded document, the first INSERT of a revision.
    for index in range(3):
        type_one(index)
        if not editor.save_now():
            raise RuntimeError("save_now() refused the save")
        app.processEvents()

    cycles, typing, saves = [], [], []
    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
    revisions_before = len(services.dossiers.revisions(editor_section))
    for index in range(args.runs):
        if profiler:
            profiler.enable()
        start = time.perf_counter()
        type_one(index)
        typed = time.perf_counter()
        ok = editor.save_now()
        end = time.perf_counter()
        if profiler:
            profiler.disable()
        if not ok or editor.is_dirty:
            raise RuntimeError("save_now() did not save")
        cycles.append(end - start)
        typing.append(typed - start)
        saves.append(end - typed)
        app.processEvents()
    added = len(services.dossiers.revisions(editor_section)) - revisions_before
    if added != args.runs:
        raise RuntimeError(f"expected {args.runs} new revisions, found {added}")

    markdown_times = []
    for _ in range(args.runs):
        start = time.perf_counter()
        markdown = editor.markdown()
        markdown_times.append(time.perf_counter() - start)
    from dossier_app.ui.dossier.section_markdown import section_markdown

    whole_times = []
    for _ in range(10):
        start = time.perf_counter()
        whole = section_markdown(editor.text.document())
        whole_times.append(time.perf_counter() - start)
    if whole != markdown:
        raise RuntimeError("the editor's Markdown differs from the whole document's")

    # The service alone, with bodies the editor would produce, on a section with the same history length.
    service_bodies = [markdown + TYPED[i % len(TYPED)] * (i + 1) + "\n" for i in range(args.runs + 3)]
    version = services.dossiers.section(service_section).version
    for text in service_bodies[:3]:
        version = services.dossiers.save_body(service_section, text, base_version=version).version
    service_times = []
    for text in service_bodies[3:]:
        start = time.perf_counter()
        result = services.dossiers.save_body(service_section, text, base_version=version)
        service_times.append(time.perf_counter() - start)
        assert result.changed
        version = result.version

    history = len(services.dossiers.revisions(editor_section))
    refresh_times = []
    for _ in range(10):
        start = time.perf_counter()
        window.revisions.refresh()
        refresh_times.append(time.perf_counter() - start)

    exit_code = 0
    result = report(f"autosave cycle (type 1 char + save_now, {stored.word_count} words)", cycles, TARGET_MS)
    if result["verdict"] == "FAIL":
        exit_code = 1
    report("  of which insertText", typing, None)
    report("  of which save_now (toMarkdown + save_body + saved handlers)", saves, None)
    report("  toMarkdown() alone", markdown_times, None)
    report("  whole document's Markdown at once (section_markdown)", whole_times, None)
    report(f"service save_body alone ({len(markdown)} chars, new revision)", service_times, TARGET_MS)
    report(f"  revisions pane refresh ({history} revisions)", refresh_times, None)

    if args.history > history:
        more = args.history - history
        version = window.editor._version
        for i in range(more):
            version = services.dossiers.save_body(
                editor_section, markdown + f"\n\nbench {i}\n", base_version=version
            ).version
        window.open_section(editor_section)
        app.processEvents()
        refresh_times = []
        for _ in range(5):
            start = time.perf_counter()
            window.revisions.refresh()
            refresh_times.append(time.perf_counter() - start)
        history = len(services.dossiers.revisions(editor_section))
        report(f"  revisions pane refresh ({history} revisions)", refresh_times, None)
        listing = []
        for _ in range(5):
            start = time.perf_counter()
            services.dossiers.revisions(editor_section)
            listing.append(time.perf_counter() - start)
        report(f"  of which services.dossiers.revisions() ({history} revisions)", listing, None)
        late = []
        for index in range(10):
            start = time.perf_counter()
            type_one(index)
            editor.save_now()
            late.append(time.perf_counter() - start)
            app.processEvents()
        report(f"autosave cycle after {history} revisions", late, TARGET_MS, note="informative")

    if profiler:
        import pstats

        print("\ncProfile of the timed cycles, by cumulative time:")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        print("by own time:")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(12)

    window.close()
    services.close()
    return exit_code


if __name__ == "__main__":
    raise SystemExit(main())

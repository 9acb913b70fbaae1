"""The export draws the charts and writes each format in worker processes, forked or spawned: the files are those the
writers write one document after the other, listed in package order, and an error in a worker (typed, or a worker
that dies) surfaces as itself and leaves no package, no history line and no audit entry."""

import json
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from dossier_app.domain.errors import StorageUnavailable
from dossier_app.export.charts import draw_charts
from dossier_app.export.package_files import write_document
from dossier_app.export.pdf_writer import contents_pages
from dossier_app.export.workers import StartMethod, WorkerFailed, Workers
from dossier_app.services import Services
from dossier_app.services.export import export_appendices, export_workers, exports
from dossier_app.services.export.exports import ExportOptions
from dossier_app.storage.resources import font_dir
from tests.export.support import toc_field_lines
from tests.services import export_failures


def _content(path: Path) -> dict[str, bytes]:
    """What a file says: every part of a Word file (its zip's timestamps aside), the bytes of anything else."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            return {name: archive.read(name) for name in archive.namelist()}
    return {"": path.read_bytes()}


def _recorded(
    monkeypatch: pytest.MonkeyPatch, start: StartMethod | None = None
) -> list[tuple[dict[str, str], bool, StartMethod]]:
    """The worker lanes each export starts, whether it ran inline and how its workers started (as `start` asks, else
    as the process allows)."""
    started: list[tuple[dict[str, str], bool, StartMethod]] = []

    forced = start

    class Recording(Workers):
        def __init__(self, lanes: dict[str, str], inline: bool = False, start: StartMethod | None = None) -> None:
            super().__init__(lanes, inline, forced or start)
            started.append((dict(lanes), inline, self.start))

    monkeypatch.setattr(export_workers, "Workers", Recording)
    return started


def _actions(services: Services) -> list[str]:
    return [entry.action for entry in services.audit.entries()]


def _written_here(services: Services, folder: Path) -> dict[str, Path]:
    """Every document of CT-ITP written in this process, one after the other, by the writers themselves (the Word
    file with a table of contents taking its pages from the PDF's layout made in memory)."""
    folder.mkdir()
    plans, _records = services.exports.plans("CT-ITP", ExportOptions(draft=True))
    written = {}
    for plan in plans:
        written[f"{plan.name}.docx"] = write_document(plan, "docx", folder / f"{plan.name}.docx", font_dir())
        written[f"{plan.name}.pdf"] = write_document(plan, "pdf", folder / f"{plan.name}.pdf", font_dir())
    return written


@pytest.mark.parametrize(
    ("cores", "lanes", "start"),
    [
        (1, None, "spawn"),
        (2, {"docx": "docx", "pdf": "pdf", "charts": "charts"}, "spawn"),
        pytest.param(
            2,
            {"docx": "docx", "pdf": "pdf", "charts": "charts"},
            "fork",
            marks=pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers fork on Linux only"),
        ),
        (4, {"docx": "docx", "pdf": "pdf", "charts": "charts"}, "spawn"),
    ],
)
def test_the_export_writes_what_the_writers_write_one_document_after_the_other(
    demo_services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    cores: int,
    lanes: dict[str, str] | None,
    start: StartMethod,
) -> None:
    reference = _written_here(demo_services, tmp_path / "here")
    started = _recorded(monkeypatch, start)
    monkeypatch.setattr(export_workers, "cores", lambda: cores)
    result = demo_services.exports.export("CT-ITP", tmp_path / "out", ExportOptions(draft=True, zip_package=True))
    if lanes is None:
        assert [inline for _lanes, inline, _start in started] == [True]
    else:
        assert started == [(lanes, False, start)]
    documents = [path for path in result.files if path.parent == result.folder]
    assert [path.name for path in documents] == list(reference)  # in package order, each in both formats
    manifest = json.loads((result.folder / "manifest.json").read_text(encoding="utf-8"))
    assert [entry["path"] for entry in manifest["files"]] == [
        path.relative_to(result.folder).as_posix() for path in result.files
    ]
    assert {"Phu_luc_II.pdf", "Phu_luc_III.docx"} <= set(reference)  # the appendices whose charts were drawn
    for path in documents:
        assert _content(path) == _content(reference[path.name]), path.name
    assert demo_services.exports.verify_package(result.folder).ok
    assert result.zip_path is not None and demo_services.exports.verify_package(result.zip_path).ok


def test_one_format_and_one_document_start_only_the_workers_they_need(
    demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = _recorded(monkeypatch)
    monkeypatch.setattr(export_workers, "cores", lambda: 4)
    options = ExportOptions(draft=True, formats=("pdf",), documents=("To_trinh",))
    result = demo_services.exports.export("CT-ITP", tmp_path, options)
    assert [path.name for path in result.files] == ["To_trinh.pdf"]
    assert [(lanes, inline) for lanes, inline, _start in started] == [({"pdf": "pdf"}, False)]


def test_the_charts_are_sent_to_be_drawn_before_the_other_documents_are_read(
    demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[str] = []
    submit = Workers.submit

    def recorded(workers: Workers, kind: str, function: Any, *args: Any) -> Any:
        if function is draw_charts:
            events.append(f"draw {len(args[0])}")
        return submit(workers, kind, function, *args)

    monkeypatch.setattr(Workers, "submit", recorded)
    for name in ("build_to_trinh", "build_de_an", "conditions_appendix", "comment_register_document"):
        build = getattr(exports, name)

        def building(*args: Any, _build: Any = build, _name: str = name, **kwargs: Any) -> Any:
            events.append(_name)
            return _build(*args, **kwargs)

        monkeypatch.setattr(exports, name, building)
    monkeypatch.setattr(export_workers, "cores", lambda: 2)
    demo_services.exports.export("CT-ITP", tmp_path, ExportOptions(draft=True))
    # Appendix III's three charts first, then II's Gantt chart; then the documents without charts are read.
    assert events == [
        "draw 3",
        "draw 1",
        "build_to_trinh",
        "build_de_an",
        "conditions_appendix",
        "comment_register_document",
    ]


def test_the_de_an_pdf_goes_first_and_its_word_file_follows_with_its_pages_while_others_are_written(
    demo_services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[str] = []
    submit = Workers.submit

    def recorded(workers: Workers, kind: str, function: Any, *args: Any) -> Any:
        if function in (exports.write_document, exports.write_with_contents):
            plan = args[0]
            paged = any(getattr(block, "entries", ()) for block in plan.blocks)
            sent.append(f"{args[-2].name}{' paged' if paged else ''}")
        return submit(workers, kind, function, *args)

    monkeypatch.setattr(Workers, "submit", recorded)
    monkeypatch.setattr(export_workers, "cores", lambda: 2)
    result = demo_services.exports.export("CT-ITP", tmp_path, ExportOptions(draft=True))
    assert sent[0] == "De_an.pdf"
    assert "De_an.docx paged" in sent and "De_an.docx" not in sent
    assert sent.index("De_an.docx paged") > sent.index("To_trinh.pdf")  # the others filled the wait
    pages = contents_pages(_plan(demo_services, "De_an"), font_dir())
    assert pages
    assert toc_field_lines(result.folder / "De_an.docx")[0] == [(entry.text, str(entry.page)) for entry in pages]


def _plan(services: Services, name: str) -> Any:
    plans, _records = services.exports.plans("CT-ITP", ExportOptions(draft=True))
    return next(plan for plan in plans if plan.name == name)


@pytest.mark.parametrize(
    ("patch", "error", "message"),
    [
        ((exports, "write_document", export_failures.write_or_refuse), StorageUnavailable, "No room left to write"),
        ((exports, "write_document", export_failures.write_or_die), WorkerFailed, "exit code 9"),
        ((export_appendices, "gantt_png", export_failures.refuse_to_draw), StorageUnavailable, "No room left to draw"),
    ],
)
def test_an_error_in_a_worker_is_raised_as_itself_and_leaves_no_package(
    demo_services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    patch: tuple[object, str, object],
    error: type[Exception],
    message: str,
) -> None:
    monkeypatch.setattr(export_workers, "cores", lambda: 2)
    monkeypatch.setattr(*patch)
    before, history = _actions(demo_services), demo_services.export_history.list("CT-ITP")
    with pytest.raises(error, match=message):
        demo_services.exports.export("CT-ITP", tmp_path / "out", ExportOptions(draft=True, zip_package=True))
    assert list((tmp_path / "out").iterdir()) == []
    assert _actions(demo_services) == before
    assert demo_services.export_history.list("CT-ITP") == history  # the demo's own draft only

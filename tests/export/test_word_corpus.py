"""check-format on Word files other programs wrote (tests/data/word_files): each file gets the verdict
verdicts.yaml gives it, through the command line as a user runs it and through check_docx."""

from pathlib import Path
from typing import Any

import pytest
import yaml

from dossier_app.app import main
from dossier_app.export.check_format import check_docx

CORPUS = Path(__file__).resolve().parents[1] / "data" / "word_files"
VERDICTS: list[dict[str, Any]] = yaml.safe_load((CORPUS / "verdicts.yaml").read_text(encoding="utf-8"))
EXIT = {"pass": 0, "fail": 1, "unreadable": 2}


def test_every_file_has_a_verdict_and_every_verdict_a_file() -> None:
    listed = [entry["file"] for entry in VERDICTS]
    assert sorted(listed) == sorted(path.name for path in CORPUS.glob("*.docx"))
    assert len(set(listed)) == len(listed)
    assert {entry["verdict"] for entry in VERDICTS} == set(EXIT)
    assert {entry["writer"].split()[0] for entry in VERDICTS} >= {"hand", "libreoffice"}


@pytest.mark.parametrize("entry", VERDICTS, ids=[entry["file"] for entry in VERDICTS])
def test_check_format_gives_the_expected_verdict(entry: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    path = CORPUS / entry["file"]
    code = main(["check-format", str(path)])
    out, err = capsys.readouterr()
    assert code == EXIT[entry["verdict"]], out + err
    if entry["verdict"] == "unreadable":
        assert out == "" and err.count("\n") == 1 and entry["part"] in err and "Traceback" not in err
        return
    report = check_docx(path)
    failed = {result.key for result in report.results if not result.passed}
    assert failed == set(entry.get("fails", [])), out
    printed = {line.split(":", 1)[0].removeprefix("FAIL  ") for line in out.splitlines() if line.startswith("FAIL")}
    assert printed == {result.title for result in report.results if not result.passed}
    assert out.count("\n") == len(report.results) and err == ""


ODD_VALUES = ("", "-1", "0", "1e9", "abc", "14pt", "-20mm", "NaN", "9" * 400, "start", "end", "on", "∞", "0x1C")


def test_odd_attribute_values_give_a_report_never_a_traceback(tmp_path: Path) -> None:
    """Every attribute of the body, styles and header set in turn to values no schema expects: a verdict each time."""
    import random
    import zipfile

    source = CORPUS / "hand_fields_tables_sections.docx"
    parts = ("word/document.xml", "word/styles.xml", "word/header1.xml")
    with zipfile.ZipFile(source) as package:
        files = {name: package.read(name) for name in package.namelist()}
    chooser = random.Random(14)
    for round_ in range(30):
        changed = dict(files)
        for part in parts:
            text = changed[part].decode("utf-8")
            spots = [i for i in range(len(text)) if text.startswith('w:val="', i) or text.startswith(' w:w="', i)]
            for spot in sorted(chooser.sample(spots, min(8, len(spots))), reverse=True):  # later spots first
                start = text.index('"', spot) + 1
                end = text.index('"', start)
                text = text[:start] + chooser.choice(ODD_VALUES) + text[end:]
            changed[part] = text.encode("utf-8")
        odd = tmp_path / f"odd{round_}.docx"
        with zipfile.ZipFile(odd, "w") as package:
            for name, data in changed.items():
                package.writestr(name, data)
        assert len(check_docx(odd).results) == 9

"""The part of the corpus LibreOffice writes: our own exports saved again by LibreOffice Writer as .docx, and .odt
documents (made by LibreOffice from hand-made files) saved as .docx, so check-format meets LibreOffice's OOXML."""

import shutil
import subprocess
import tempfile
from pathlib import Path

from dossier_app.export.docx_writer import write_docx
from tests.export.support import de_an, to_trinh

PROFILE = "file:///tmp/lo-profile-format"


def convert(source: Path, kind: str, folder: Path) -> Path:
    """`source` saved by LibreOffice as `kind` (docx or odt) into `folder`."""
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={PROFILE}",
            "--headless",
            "--convert-to",
            kind,
            "--outdir",
            str(folder),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return folder / f"{source.stem}.{kind}"


def write_libreoffice_files(here: Path) -> None:
    """lo_*.docx beside the hand-made files."""
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        sources = {
            "lo_export_to_trinh": write_docx(to_trinh(), work / "export_to_trinh.docx"),
            "lo_export_de_an": write_docx(de_an(), work / "export_de_an.docx"),
        }
        for name, source in sources.items():
            shutil.copy(convert(source, "docx", work / name), here / f"{name}.docx")
        for hand in ("hand_conforming", "hand_run_in_arial", "hand_runs_12pt_normal_14pt", "hand_narrow_left_margin"):
            odt = convert(here / f"{hand}.docx", "odt", work / "odt")
            name = hand.replace("hand_", "lo_odt_")
            shutil.copy(convert(odt, "docx", work / name), here / f"{name}.docx")
        for hand in ("hand_sizes_in_styles", "hand_start_end_both", "hand_theme_fonts"):
            shutil.copy(
                convert(here / f"{hand}.docx", "docx", work / hand), here / f"{hand.replace('hand_', 'lo_')}.docx"
            )

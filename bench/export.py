"""Export benchmark: the whole CT-ITP draft package, PDF and DOCX separately (median of several runs), and our PDF
against LibreOffice converting our DOCX of the same content. Run: .venv/bin/python bench/export.py"""

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dossier_app.services import open_services
from dossier_app.services.context import Operator
from dossier_app.services.exports import ExportOptions

RUNS = 5


def _median(fn: "object", runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="bench-export-"))
    services = open_services(str(work / "bench.db"), Operator("cli:bench"))
    services.demo.load()
    out = work / "out"
    pdf = _median(lambda: services.exports.export("CT-ITP", out, ExportOptions(draft=True, formats=("pdf",))))
    docx = _median(lambda: services.exports.export("CT-ITP", out, ExportOptions(draft=True, formats=("docx",))))
    print(f"CT-ITP package, PDF only:  median {pdf:.2f} s over {RUNS} runs (target ≤ 2 s)")
    print(f"CT-ITP package, DOCX only: median {docx:.2f} s over {RUNS} runs (target ≤ 2 s)")
    sample = services.exports.export("CT-ITP", out, ExportOptions(draft=True, formats=("docx",)))
    soffice = shutil.which("soffice")
    if soffice:
        documents = [path for path in sample.files if path.suffix == ".docx"]

        def convert() -> None:
            subprocess.run(
                [
                    soffice,
                    f"-env:UserInstallation=file://{work}/lo-profile",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(work / "lo"),
                    *map(str, documents),
                ],
                check=True,
                capture_output=True,
            )

        convert()  # the first start builds the profile; not counted
        libre = _median(convert, 3)
        speed = libre / pdf
        print(f"LibreOffice converting our DOCX: median {libre:.2f} s; our PDF is {speed:.1f}x faster (target ≥ 3x)")
    else:
        print("LibreOffice (soffice) is not installed: comparison skipped")
    services.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Process start to the main window's first paint, on the demo database: target ≤ 1.5 × the floor.

The floor is `python -c "import sqlmodel, PySide6.QtWidgets"`, spawn to exit, timed in the same run between the
program's runs (issue 8): the two libraries every start must load.

Each run spawns `python -c BOOTSTRAP`, which patches QMainWindow.show (in the child only, the
program is untouched) to put an event filter on the window and stamps the wall clock of the window's
first Paint. The time counted is spawn (just before Popen) to that first paint: the moment the person
sees the window. The window fills its navigator right after its first paint; the child waits for
that too and the script reports it beside, as "start to the navigator filled". The child also
prints wall-clock timestamps of its phases (interpreter ready, program imported, show() called,
first paint) so a slow start can be attributed.

    .venv/bin/python bench/startup.py [--runs 7] [--xvfb] [--reopen-section] [--keep]
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, demo_database, isolated_env, report, scratch_dir, time_command

TARGET_FACTOR = 1.5
FLOOR_COMMAND = (sys.executable, "-c", "import sqlmodel, PySide6.QtWidgets")
MARKER = "BENCH_FRAME_DONE"

BOOTSTRAP = r"""
import os, sys, time
T = {"start": time.time()}
sys.path.insert(0, ROOT)
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QMainWindow

WINDOW = []

class _FirstPaint(QObject):
    def __init__(self, parent):
        super().__init__(parent)
        self.seen = False
        WINDOW.append(parent)
    def eventFilter(self, obj, event):
        if not self.seen and event.type() == QEvent.Type.Paint:
            self.seen = True
            T["first_paint"] = time.time()
            QTimer.singleShot(0, _done)
        return False

def _done():
    T.setdefault("frame_done", time.time())
    model = getattr(WINDOW[0], "model", None)
    if (model is None or model.rowCount() == 0) and time.time() - T["frame_done"] < 30:
        QTimer.singleShot(2, _done)  # the frame opens the database after its first paint: wait for the navigator
        return
    T["data_shown"] = time.time()
    from PySide6.QtWidgets import QApplication
    modal = QApplication.activeModalWidget()
    info = {"title": WINDOW[0].windowTitle(), "modal": modal.objectName() if modal is not None else ""}
    sys.stdout.write("BENCH_INFO " + repr(info) + "\n")
    line = " ".join(f"{k}={v:.6f}" for k, v in T.items())
    sys.stdout.write(MARKER + " " + line + "\n")
    sys.stdout.flush()
    os._exit(0)

_original_show = QMainWindow.show
def _show(self):
    if "show" not in T:
        T["show"] = time.time()
        self.installEventFilter(_FirstPaint(self))
    _original_show(self)
QMainWindow.show = _show

T["qt_imported"] = time.time()
from dossier_app.app import main
T["app_imported"] = time.time()

# The sign-in dialog waits for a person; sign in as the demo officer the way the dialog does
# (the real argon2id check is counted), as if the user pressed Enter at once. The patch goes in when the program
# imports the dialog's module, so the bench itself loads nothing before the program does.
import importlib.abc, importlib.util

def _sign_in(services, parent=None, settings=None):
    T["sign_in"] = time.time()
    from dossier_app.services.demo.demo import DEMO_PASSWORD
    from dossier_app.ui.accounts.login_dialog import SignedIn
    return SignedIn(services.accounts.authenticate("chuyenvien", DEMO_PASSWORD))

class _PatchSignIn(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name != "dossier_app.ui.accounts.login_dialog":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run_module = spec.loader.exec_module
        def exec_module(module):
            run_module(module)
            module.sign_in = _sign_in
        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _PatchSignIn())
code = main(["--db", DB])
sys.stdout.write("BENCH_EXITED_WITHOUT_PAINT %r\n" % (code,))
sys.stdout.flush()
os._exit(3)
"""

PHASES = (
    ("spawn → interpreter ready", "spawn", "start"),
    ("PySide6 import", "start", "qt_imported"),
    ("dossier_app.app import", "qt_imported", "app_imported"),
    ("main() → window.show()", "app_imported", "show"),
    ("show() → first paint", "show", "first_paint"),
    ("first paint → frame done", "first_paint", "frame_done"),
    ("first paint → sign-in", "first_paint", "sign_in"),
    ("first paint → projects shown", "first_paint", "data_shown"),
)


def bootstrap_code(db: Path) -> str:
    """The child's program: constants first, then the bootstrap."""
    return f"ROOT = {str(ROOT)!r}\nDB = {str(db)!r}\nMARKER = {MARKER!r}\n" + BOOTSTRAP


def remember_a_section(env: dict[str, str], db: Path) -> int:
    """Write the QSettings a previous session leaves, so the start reopens a written section."""
    code = (
        "import sys; sys.path.insert(0, ROOT)\n"
        "from PySide6.QtCore import QSettings\n"
        "from dossier_app.services import open_services\n"
        "from dossier_app.services.core.context import Operator\n"
        "from dossier_app.ui.shared.settings import UiSettings\n"
        "s = open_services(DB, Operator('cli:bench'))\n"
        "p = s.projects.by_code('CT-HTP')\n"
        "ids = []\n"
        "def walk(nodes):\n"
        "    for n in nodes:\n"
        "        ids.append((n.word_count, n.id)); walk(n.children)\n"
        "for t in s.dossiers.tree(p.id): walk(t.sections)\n"
        "words, sid = max(ids)\n"
        "u = UiSettings(QSettings('dossier_app', 'dossier_app'))\n"
        "u.set_last_section(s.database.display_location, p.id, sid, person='chuyenvien')\n"
        "u.sync(); print(sid)\n"
    )
    code = f"ROOT = {str(ROOT)!r}\nDB = {str(db)!r}\n" + code
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True)
    return int(out.stdout.split()[-1])


def one_run(db: Path, env: dict[str, str], timeout: float) -> tuple[float, dict[str, float], dict[str, str]]:
    """Spawn the program once; seconds to the marker, the child's phase timestamps, what it showed."""
    code = bootstrap_code(db)
    spawn = time.time()
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        cwd=str(ROOT),
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        deadline = start + timeout
        info: dict[str, str] = {}
        for line in child.stdout:
            if line.startswith("BENCH_INFO "):
                info = ast.literal_eval(line[len("BENCH_INFO ") :])
            elif line.startswith(MARKER):
                stamps = {"spawn": spawn}
                for item in line.split()[1:]:
                    key, value = item.split("=")
                    stamps[key] = float(value)
                elapsed = stamps["first_paint"] - spawn  # what the person sees: the window painted
                child.wait(timeout=10)
                return elapsed, stamps, info
            if time.perf_counter() > deadline:
                break
        child.kill()
        _, err = child.communicate(timeout=10)
        raise RuntimeError(f"the window never painted (exit {child.returncode}):\n{err[-3000:]}")
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7, help="timed runs (default 7)")
    parser.add_argument("--warmup", type=int, default=1, help="untimed runs first (default 1: OS caches, .pyc)")
    parser.add_argument("--xvfb", action="store_true", help="paint on a real X server (xvfb-run) instead of offscreen")
    parser.add_argument(
        "--reopen-section",
        action="store_true",
        help="as on a second day: QSettings remembers the longest demo section, which the start reopens",
    )
    parser.add_argument("--timeout", type=float, default=60.0)
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder")
    parser.add_argument("--inside-xvfb", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.xvfb and not args.inside_xvfb:
        # One X server for all runs, so its own start-up is not counted in each run.
        xvfb_run = shutil.which("xvfb-run")
        if xvfb_run is None:
            print("xvfb-run is not installed (Debian: xvfb xauth)", file=sys.stderr)
            return 2
        forwarded = [a for a in (argv if argv is not None else sys.argv[1:]) if a != "--xvfb"]
        command = [xvfb_run, "-a", "-s", "-screen 0 1920x1080x24", sys.executable, __file__, "--xvfb", "--inside-xvfb"]
        return subprocess.call(command + forwarded)

    platform = "xcb" if args.xvfb else "offscreen"
    scratch = scratch_dir("startup", keep=args.keep)
    env = isolated_env(scratch)
    env["QT_QPA_PLATFORM"] = platform
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    db = scratch / "demo.sqlite3"
    # The demo is loaded (in this process, with the same environment) so the welcome offer never shows.
    saved = {k: os.environ.get(k) for k in ("XDG_DATA_HOME", "XDG_CONFIG_HOME")}
    os.environ.update({k: env[k] for k in saved})
    try:
        demo_database(db)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    scenario = "first start (no remembered section)"
    if args.reopen_section:
        section_id = remember_a_section(env, db)
        scenario = f"reopens remembered section {section_id}"
    print(f"startup: {sys.executable} main.py --db {db}  (QT_QPA_PLATFORM={platform}; {scenario})", flush=True)

    for _ in range(max(1, args.warmup)):
        _, _, info = one_run(db, env, args.timeout)
    print(f"  the window painted with title {info.get('title')!r}", flush=True)
    if info.get("modal"):
        print(f"  WARNING: a modal dialog was open at first paint: {info['modal']!r}", flush=True)
    samples: list[float] = []
    filled: list[float] = []
    floor: list[float] = []
    phases: dict[str, list[float]] = {label: [] for label, _, _ in PHASES}
    for index in range(args.runs):
        elapsed, stamps, _ = one_run(db, env, args.timeout)
        samples.append(elapsed)
        filled.append(stamps["data_shown"] - stamps["spawn"])
        floor.append(time_command(FLOOR_COMMAND, env))
        for label, a, b in PHASES:
            if a in stamps and b in stamps:
                phases[label].append(stamps[b] - stamps[a])
        print(f"  run {index + 1}: {elapsed * 1000:.0f} ms (floor {floor[-1] * 1000:.0f} ms)", flush=True)
    print("  where the time goes (median of the runs, from the child's wall clock):")
    for label, values in phases.items():
        if values:
            print(f"    {label:<28} {statistics.median(values) * 1000:7.1f} ms")
    name = "startup to first paint" + (" (xvfb)" if args.xvfb else " (offscreen)")
    if args.reopen_section:
        name += " reopening a section"
    floor_ms = statistics.median(floor) * 1000
    report("start to the navigator filled with the projects (informative)", filled, None)
    report("python -c 'import sqlmodel, PySide6.QtWidgets' (floor, same run)", floor, None)
    report(name, samples, TARGET_FACTOR * floor_ms, note=f"target {TARGET_FACTOR} × floor ({floor_ms:.0f} ms)")
    print(f"first paint / floor: {statistics.median(samples) * 1000 / floor_ms:.2f}×")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

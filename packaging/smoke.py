"""Smoke test of the one-folder bundle, as an office's computer would run it: no Python, no project, a bare environment.

Every command runs `dist/dossier_app/dossier_app` from a fresh temporary working folder with only HOME (a fresh one:
the user data folder is empty) and PATH=/usr/bin:/bin, like `env -i`. It checks `--help`, `--version`, `demo`,
`export CT-ITP --draft` in both formats with forked workers and again with spawned ones (the window's way: the
bundle starts itself with the hidden worker argument), `check-format` and `package verify` of what it wrote,
`serve` (health answered, then SIGTERM: exit 0), and the window's first paint offscreen (icon, Vietnamese title).

    python packaging/smoke.py [--bundle dist/dossier_app] [--compare-source] [--keep]

--compare-source also times process start to the window's first paint of the bundle and of `python main.py` from
the source tree, one run each, one after the other (`./dev bundle --smoke` does not; a busy machine's figures are
rough). Exit 0 when every check passes, 1 naming the first that fails. Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import tomllib
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROGRAM = "dossier_app.exe" if os.name == "nt" else "dossier_app"
TIMEOUT = 600  # seconds for one command: an export on a busy machine


class Failed(Exception):
    """One check did not pass."""


class Smoke:
    """The bundle's program run in a bare environment from a scratch folder."""

    def __init__(self, bundle: Path, scratch: Path) -> None:
        self.bundle = bundle
        self.program = bundle / PROGRAM
        if not self.program.is_file():
            raise Failed(f"no program at {self.program}: build it with ./dev bundle")
        self.home = scratch / "home"
        self.cwd = scratch / "work"
        self.home.mkdir()
        self.cwd.mkdir()

    def env(self, **extra: str) -> dict[str, str]:
        """A bare environment, as `env -i HOME=… PATH=/usr/bin:/bin` gives (Windows keeps what it cannot start
        without)."""
        env = {"HOME": str(self.home), "PATH": os.pathsep.join(["/usr/bin", "/bin"])}
        if os.name == "nt":
            env = {k: v for k, v in os.environ.items() if k.upper() in {"SYSTEMROOT", "WINDIR", "TEMP", "TMP", "PATH"}}
            env["USERPROFILE"] = env["APPDATA"] = env["LOCALAPPDATA"] = str(self.home)
        return {**env, **extra}

    def run(self, *args: str, expect: int = 0, **extra: str) -> subprocess.CompletedProcess[str]:
        """Run the program; Failed unless it exits with `expect`."""
        started = time.monotonic()
        result = subprocess.run(
            [str(self.program), *args],
            cwd=self.cwd,
            env=self.env(**extra),
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=TIMEOUT,
            check=False,
        )
        took = time.monotonic() - started
        print(f"  {' '.join(args) or '(window)':<60} exit {result.returncode}  {took:6.1f} s", flush=True)
        if result.returncode != expect:
            output = result.stdout[-2000:] + result.stderr[-3000:]
            raise Failed(f"`{' '.join(args)}` exited {result.returncode}:\n{output}")
        return result


def check_guide(smoke: Smoke) -> None:
    """The user guide F1 opens is in the bundle, with every picture it shows."""
    found = [path for path in smoke.bundle.rglob("huong-dan-su-dung.md") if path.parent.name == "docs"]
    if len(found) != 1:
        raise Failed(f"the bundle holds {len(found)} copies of docs/huong-dan-su-dung.md")
    guide = found[0]
    pictures = re.findall(r"\]\((screenshots/[^)]+\.png)\)", guide.read_text(encoding="utf-8"))
    missing = [picture for picture in pictures if not (guide.parent / picture).is_file()]
    if not pictures or missing:
        raise Failed(f"the guide's pictures missing from the bundle: {missing or 'none referenced'}")


def check_commands(smoke: Smoke) -> None:
    """--help, --version, demo, both exports, check-format and package verify."""
    usage = smoke.run("--help").stdout
    for command in ("demo", "export", "check-format", "package", "serve"):
        if command not in usage:
            raise Failed(f"--help does not list {command}")
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    if smoke.run("--version").stdout.strip() != f"dossier_app {version}":
        raise Failed(f"--version does not say dossier_app {version}")
    smoke.run("demo", "--households", "30")
    for start in ("fork", "spawn"):
        out = smoke.cwd / f"export-{start}"
        smoke.run("export", "CT-ITP", "--draft", "--out", out.name, DOSSIER_EXPORT_START=start)
        folders = [path for path in out.iterdir() if path.is_dir()]
        if len(folders) != 1:
            raise Failed(f"export ({start}) wrote {len(folders)} package folders in {out}")
        package = folders[0]
        suffixes = {path.suffix for path in package.rglob("*") if path.is_file()}
        if not {".docx", ".pdf"} <= suffixes:
            raise Failed(f"export ({start}) wrote no Word or no PDF file: {sorted(suffixes)}")
        manifest = json.loads((package / "manifest.json").read_text(encoding="utf-8"))
        if manifest.get("program") != {"name": "dossier_app", "version": version}:
            raise Failed(f"the manifest's program is {manifest.get('program')!r}")
        smoke.run("package", "verify", str(package.relative_to(smoke.cwd)))
        word = sorted(package.glob("*.docx"))[0]
        smoke.run("check-format", str(word.relative_to(smoke.cwd)))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def check_serve(smoke: Smoke) -> None:
    """`serve` answers its health check with the program's version and stops cleanly on SIGTERM."""
    port = _free_port()
    started = time.monotonic()
    server = subprocess.Popen(
        [str(smoke.program), "serve", "--port", str(port)],
        cwd=smoke.cwd,
        env=smoke.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        health = None
        while time.monotonic() - started < 120 and server.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/health", timeout=5) as answer:
                    health = json.loads(answer.read())
                break
            except OSError:
                time.sleep(0.2)
        if not health or health.get("program") != "dossier_app":
            raise Failed(f"serve did not answer /v1/health: {health!r}")
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM) if os.name != "nt" else server.terminate()
        try:
            _out, err = server.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            _out, err = server.communicate()
    print(f"  {'serve --port ' + str(port) + ' (health, then SIGTERM)':<60} exit {server.returncode}  "
          f"{time.monotonic() - started:6.1f} s", flush=True)  # fmt: skip
    if server.returncode != 0:
        raise Failed(f"serve exited {server.returncode} after SIGTERM:\n{err[-2000:]}")


def first_paint(command: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, str]:
    """Seconds from spawn to the window's first paint (the program stamps it: DOSSIER_PAINT_ONCE), and its line."""
    started = time.time()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False)
    lines = [line for line in result.stdout.splitlines() if line.startswith("first-paint ")]
    if result.returncode != 0 or not lines:
        output = result.stdout[-1000:] + result.stderr[-2000:]
        raise Failed(f"the window did not paint (exit {result.returncode}):\n{output}")
    return float(lines[0].split()[1]) - started, lines[0]


def check_window(smoke: Smoke, picture: Path) -> float:
    """The window paints offscreen, with the program's icon at every size and its Vietnamese title."""
    env = smoke.env(QT_QPA_PLATFORM="offscreen", DOSSIER_PAINT_ONCE=str(picture))
    took, line = first_paint([str(smoke.program)], smoke.cwd, env)
    print(f"  {'(window, offscreen: first paint)':<60} exit 0  {took:6.1f} s", flush=True)
    if "icon=[16, 24, 32, 48, 64, 128, 256]" not in line:
        raise Failed(f"the window lacks the program's icon: {line}")
    if "Hồ sơ" not in line:
        raise Failed(f"the window's title is not Vietnamese (translations missing?): {line}")
    if not picture.is_file() or picture.stat().st_size < 1000:
        raise Failed(f"no picture of the window at {picture}")
    return took


def compare_with_source(smoke: Smoke) -> tuple[float, float]:
    """First paint of the bundle and of `python main.py` from the source tree, one run each, same bare environment."""
    python = ROOT / ".venv" / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    python = python if python.exists() else Path(sys.executable)
    env = smoke.env(QT_QPA_PLATFORM="offscreen", DOSSIER_PAINT_ONCE="1")
    bundled, _ = first_paint([str(smoke.program)], smoke.cwd, env)
    source, _ = first_paint([str(python), str(ROOT / "main.py")], smoke.cwd, {**env, "PYTHONPATH": str(ROOT)})
    return bundled, source


def main(argv: list[str] | None = None) -> int:
    """Run every check; print a summary."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "dossier_app")
    parser.add_argument("--compare-source", action="store_true", help="also time first paint: bundle vs source")
    parser.add_argument("--keep", action="store_true", help="keep the scratch folder (its path is printed)")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="dossier-smoke-"))
    started = time.monotonic()
    print(f"Smoke test of {args.bundle.resolve()} (scratch {scratch})", flush=True)
    try:
        smoke = Smoke(args.bundle.resolve(), scratch)
        check_guide(smoke)
        check_commands(smoke)
        check_serve(smoke)
        check_window(smoke, scratch / "window.png")
        if args.compare_source:
            bundled, source = compare_with_source(smoke)
            print(f"First paint, spawn to paint, one run each: bundle {bundled:.2f} s, source tree {source:.2f} s")
    except (Failed, subprocess.TimeoutExpired) as failure:
        print(f"SMOKE TEST FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
    print(f"Smoke test passed in {time.monotonic() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

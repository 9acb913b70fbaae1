"""Run the benchmarks one after another and print a summary table of every measurement.

    .venv/bin/python bench/run_all.py [--xvfb] [--quick] [--only startup,search]

Each script runs in its own process (the same interpreter) and prints, besides its own report, one
`BENCH_RESULT {json}` line per measurement; this script collects those lines. Exit status 1 when a
target measurement fails, 2 when a script crashed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from _common import RESULT_PREFIX  # noqa: E402

SCRIPTS = {
    "startup": ("startup.py", ["--runs", "3"]),
    "cli_start": ("cli_start.py", ["--runs", "3"]),
    "switch_sections": ("switch_sections.py", ["--rounds", "1", "--large-runs", "3"]),
    "autosave": ("autosave.py", ["--runs", "10", "--history", "0"]),
    "search": ("search.py", ["--runs", "5"]),
    "audit_verify": ("audit_verify.py", ["--runs", "2", "--entries", "20000"]),
    "password_hash": ("password_hash.py", ["--runs", "5"]),
    "register_import": ("register_import.py", ["--runs", "1", "--parties", "20000"]),
    "register_table": ("register_table.py", ["--runs", "2", "--rounds", "3"]),
    "charts": ("charts.py", ["--runs", "3"]),
    "home": ("home.py", ["--runs", "3", "--households", "20000"]),
}


def run(name: str, script: str, extra: list[str]) -> tuple[int, list[dict[str, object]], float]:
    """Run one script, echoing its output; its exit code, its results and how long it took."""
    command = [sys.executable, str(HERE / script), *extra]
    print(f"\n=== {name}: {' '.join(command[1:])}", flush=True)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    results: list[dict[str, object]] = []
    assert process.stdout is not None
    for line in process.stdout:
        if line.startswith(RESULT_PREFIX):
            results.append(json.loads(line[len(RESULT_PREFIX) :]))
        else:
            sys.stdout.write(line)
            sys.stdout.flush()
    code = process.wait()
    return code, results, time.perf_counter() - start


def table(rows: list[tuple[str, dict[str, object]]]) -> str:
    """The summary as a fixed-width text table."""
    header = ("benchmark", "measurement", "median ms", "min ms", "max ms", "p95 ms", "n", "target", "result")
    lines = [header]
    for script, r in rows:
        target = f"≤ {r['target_ms']:g} ms" if r.get("target_ms") is not None else "—"
        verdict = str(r["verdict"]) + (" (info)" if r.get("note") == "informative" else "")
        lines.append(
            (
                script,
                str(r["name"]),
                f"{r['median_ms']:.1f}",
                f"{r['min_ms']:.1f}",
                f"{r['max_ms']:.1f}",
                f"{r['p95_ms']:.1f}",
                str(r["runs"]),
                target,
                verdict,
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for index, line in enumerate(lines):
        out.append("  ".join(cell.ljust(widths[i]) if i < 2 else cell.rjust(widths[i]) for i, cell in enumerate(line)))
        if index == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--xvfb", action="store_true", help="startup: paint on Xvfb instead of offscreen")
    parser.add_argument("--quick", action="store_true", help="fewer runs each (a smoke test, not a measurement)")
    parser.add_argument("--only", default="", help=f"comma-separated subset of {', '.join(SCRIPTS)}")
    args = parser.parse_args(argv)

    chosen = [name.strip() for name in args.only.split(",") if name.strip()] or list(SCRIPTS)
    unknown = [name for name in chosen if name not in SCRIPTS]
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(unknown)}")

    rows: list[tuple[str, dict[str, object]]] = []
    crashed: list[str] = []
    for name in chosen:
        script, quick_args = SCRIPTS[name]
        extra = list(quick_args) if args.quick else []
        if name == "startup" and args.xvfb:
            extra.append("--xvfb")
        code, results, seconds = run(name, script, extra)
        rows += [(name, r) for r in results]
        if code not in (0, 1) or not results:
            crashed.append(f"{name} (exit {code})")
        print(f"=== {name}: exit {code}, {seconds:.1f} s", flush=True)

    print("\nSummary" + (" (--quick: smoke test only)" if args.quick else ""))
    print(table(rows))
    gated = [r for _, r in rows if r.get("target_ms") is not None and r.get("note") != "informative"]
    failed = [str(r["name"]) for r in gated if r["verdict"] == "FAIL"]
    print(f"\n{len(gated) - len(failed)} of {len(gated)} target measurements pass.")
    if failed:
        print("FAIL: " + "; ".join(failed))
    if crashed:
        print("CRASHED: " + ", ".join(crashed))
        return 2
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())

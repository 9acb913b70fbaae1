"""Shared by the benchmark scripts: a throwaway environment, statistics, reporting, Vietnamese text."""

from __future__ import annotations

import json
import os
import random
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULT_PREFIX = "BENCH_RESULT "

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


# Environment -----------------------------------------------------------------------------------


def scratch_dir(name: str, keep: bool = False) -> Path:
    """A temporary folder for the database, QSettings and the data folder; never the user's own."""
    path = Path(tempfile.mkdtemp(prefix=f"dossier-bench-{name}-"))
    if not keep:
        import atexit
        import shutil

        atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def isolated_env(scratch: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment variables that point every per-user folder into `scratch`."""
    env = dict(os.environ if base is None else base)
    for var, sub in (
        ("XDG_DATA_HOME", "xdg-data"),
        ("XDG_CONFIG_HOME", "xdg-config"),
        ("XDG_CACHE_HOME", "xdg-cache"),
    ):
        folder = scratch / sub
        folder.mkdir(parents=True, exist_ok=True)
        env[var] = str(folder)
    runtime = scratch / "xdg-runtime"
    runtime.mkdir(mode=0o700, parents=True, exist_ok=True)
    env["XDG_RUNTIME_DIR"] = str(runtime)
    env.pop("DOSSIER_DB", None)
    return env


def isolate_this_process(scratch: Path) -> None:
    """Apply isolated_env to this process (before Qt or platformdirs are used) and go offscreen."""
    os.environ.update(isolated_env(scratch))
    os.environ.pop("DOSSIER_DB", None)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


# Statistics and reporting ------------------------------------------------------------------------


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile (p95 of 20 samples is the 19th smallest)."""
    ordered = sorted(samples)
    rank = max(1, min(len(ordered), int(-(-fraction * len(ordered) // 1))))
    return ordered[rank - 1]


def summarise(samples: Sequence[float]) -> dict[str, float]:
    """Median, min, max, p95 and mean of samples in seconds, returned in milliseconds."""
    ms = [s * 1000.0 for s in samples]
    return {
        "median_ms": statistics.median(ms),
        "min_ms": min(ms),
        "max_ms": max(ms),
        "p95_ms": percentile(ms, 0.95),
        "mean_ms": statistics.fmean(ms),
        "runs": len(ms),
    }


def report(
    name: str,
    samples: Sequence[float],
    target_ms: float | None,
    *,
    note: str = "",
    gate: str = "median_ms",
    emit: bool = True,
) -> dict[str, object]:
    """Print one measurement (median, min, max, p95, target, PASS/FAIL) and a machine-readable line."""
    stats = summarise(samples)
    verdict = "INFO"
    if target_ms is not None:
        verdict = "PASS" if stats[gate] <= target_ms else "FAIL"
    target_text = f"≤ {target_ms:g} ms ({gate.replace('_ms', '')})" if target_ms is not None else "—"
    print(
        f"{name}: median {stats['median_ms']:.2f} ms  min {stats['min_ms']:.2f}  max {stats['max_ms']:.2f}"
        f"  p95 {stats['p95_ms']:.2f}  (n={stats['runs']})  target {target_text}  {verdict}"
        + (f"  [{note}]" if note else ""),
        flush=True,
    )
    result: dict[str, object] = {"name": name, **stats, "target_ms": target_ms, "gate": gate, "verdict": verdict}
    if note:
        result["note"] = note
    if emit:
        print(RESULT_PREFIX + json.dumps(result, ensure_ascii=False), flush=True)
    return result


def time_command(command: Sequence[str], env: dict[str, str], cwd: Path = ROOT) -> float:
    """Seconds from spawning a command to its exit, as a person at a terminal waits; a failure stops the bench."""
    import subprocess
    import time

    start = time.perf_counter()
    result = subprocess.run(list(command), cwd=cwd, env=env, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {result.returncode}:\n{result.stderr[-2000:]}")
    return elapsed


# Data ----------------------------------------------------------------------------------------------


def open_services(db_location: str, operator: str = "cli:bench"):  # type: ignore[no-untyped-def]
    """The program's own services on a database, acting as the local operator like the command line."""
    from dossier_app.services import open_services as _open
    from dossier_app.services.core.context import Operator

    return _open(db_location, Operator(operator))


def demo_database(path: Path) -> None:
    """Create a SQLite file with the Cần Thơ demo loaded (both projects)."""
    services = open_services(str(path))
    try:
        services.demo.load()
        assert not services.demo.is_empty()
    finally:
        services.close()


def cached_demo_database(name: str, households: int, cache: Path, env: dict[str, str]) -> tuple[Path, str]:
    """The demo database with `households` parties in CT-ITP (`main.py demo --households N`), built once into
    `cache` per version of its sources (the generator, the models, the migrations); its path and where it came from."""
    import hashlib
    import subprocess
    import time

    digest = hashlib.sha256()
    sources = [ROOT / "dossier_app" / "services" / "demo" / module for module in ("register_demo.py", "demo.py")]
    sources += sorted((ROOT / "dossier_app" / "domain" / "models").glob("*.py"))
    sources += sorted((ROOT / "dossier_app" / "storage" / "migrations" / "versions").glob("*.py"))
    for source in sources:
        digest.update(source.read_bytes())
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{name}-{households}-{digest.hexdigest()[:12]}.sqlite3"
    if path.exists():
        return path, f"cached {path.name}"
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    start = time.perf_counter()
    command = [sys.executable, str(ROOT / "main.py"), "--db", str(partial), "demo", "--households", str(households)]
    subprocess.run(command, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.replace(path)
    return path, f"built in {time.perf_counter() - start:.0f} s"


def all_section_ids(services, project_id: int) -> list[int]:  # type: ignore[no-untyped-def]
    """Every live section of a project, in navigator order."""
    ids: list[int] = []

    def walk(nodes) -> None:  # type: ignore[no-untyped-def]
        for node in nodes:
            ids.append(node.id)
            walk(node.children)

    for tree in services.dossiers.tree(project_id):
        walk(tree.sections)
    return ids


_SUBJECTS = (
    "Khu công nghệ cao Cần Thơ",
    "Khu công nghệ thông tin tập trung Cần Thơ",
    "Ủy ban nhân dân thành phố Cần Thơ",
    "Sở Khoa học và Công nghệ",
    "Sở Tài nguyên và Môi trường",
    "Ban quản lý các khu chế xuất và công nghiệp",
    "Quỹ Đầu tư phát triển thành phố",
    "nhà đầu tư hạ tầng kỹ thuật",
    "Phường Hưng Thạnh",
    "quận Ô Môn",
    "doanh nghiệp công nghệ số",
    "trường đại học trên địa bàn",
)
_VERBS = (
    "đề xuất",
    "bảo đảm",
    "rà soát",
    "bố trí",
    "hoàn thiện",
    "phối hợp thực hiện",
    "xác định",
    "đánh giá",
    "phê duyệt",
    "triển khai",
    "cập nhật",
    "thu hút",
)
_OBJECTS = (
    "quỹ đất sạch phục vụ xây dựng hạ tầng",
    "phương án bồi thường, hỗ trợ và tái định cư",
    "quy hoạch phân khu tỷ lệ 1/2000",
    "chỉ tiêu sử dụng đất theo từng phân khu chức năng",
    "nguồn vốn đầu tư công trung hạn",
    "hệ thống giao thông kết nối với quốc lộ 91",
    "nguồn nhân lực chất lượng cao",
    "các điều kiện thành lập theo quy định của Nghị định",
    "diện tích đất nông nghiệp cần chuyển mục đích sử dụng",
    "hạ tầng viễn thông và trung tâm dữ liệu",
    "cơ chế ưu đãi đầu tư cho doanh nghiệp",
    "tiến độ giải phóng mặt bằng",
    "báo cáo đánh giá tác động môi trường",
    "nhu cầu sử dụng đất giai đoạn 2025–2030",
)
_TAILS = (
    "trên địa bàn thành phố Cần Thơ",
    "theo đúng quy định của pháp luật về đất đai",
    "trong năm kế hoạch",
    "phù hợp với quy hoạch tỉnh",
    "tại khu vực Hưng Thạnh, quận Cái Răng",
    "với tổng diện tích khoảng 20,02 ha",
    "bảo đảm tiết kiệm và hiệu quả",
    "gắn với chuyển đổi số của vùng Đồng bằng sông Cửu Long",
    "trước khi trình Thủ tướng Chính phủ",
    "",
)


def sentence(rng: random.Random) -> str:
    """One plausible Vietnamese sentence of an establishment dossier."""
    tail = rng.choice(_TAILS)
    text = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)}"
    text = f"{text} {tail}" if tail else text
    if rng.random() < 0.15:
        text = text.replace(rng.choice(_OBJECTS).split()[0], f"**{rng.choice(_OBJECTS).split()[0]}**", 1)
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, sentences: int) -> str:
    """A paragraph of several sentences."""
    return " ".join(sentence(rng) for _ in range(sentences))


def words_in(markdown: str) -> int:
    """The program's own word count of a Markdown body."""
    from dossier_app.domain.text import markdown_to_plain, word_count

    return word_count(markdown_to_plain(markdown))


def section_body(rng: random.Random, target_words: int = 300) -> str:
    """A section of about `target_words` words: paragraphs, now and then a list."""
    parts: list[str] = []
    total = 0
    while total < target_words:
        if parts and rng.random() < 0.2:
            block = "\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(2, 4)))
        else:
            block = paragraph(rng, rng.randint(2, 4))
        parts.append(block)
        total += words_in(block)
    return "\n\n".join(parts) + "\n"


def long_section(rng: random.Random, target_words: int = 10_000) -> str:
    """A 20-page section (~10,000 words): numbered headings, paragraphs, bullet and numbered lists, a table."""
    parts: list[str] = []
    total = 0
    chapter = 0
    table_done = False
    while total < target_words:
        chapter += 1
        blocks = [f"## {chapter}. {rng.choice(_OBJECTS).capitalize()}"]
        for sub in range(1, 4):
            blocks.append(f"### {chapter}.{sub}. {rng.choice(_VERBS).capitalize()} {rng.choice(_OBJECTS)}")
            blocks.append(paragraph(rng, rng.randint(4, 7)))
            if sub == 1:
                blocks.append("\n".join(f"- {sentence(rng)}" for _ in range(rng.randint(3, 5))))
            elif sub == 2:
                blocks.append("\n".join(f"{i}. {sentence(rng)}" for i in range(1, rng.randint(3, 5) + 1)))
            blocks.append(paragraph(rng, rng.randint(3, 6)))
        if not table_done and chapter == 2:
            rows = ["| Phân khu chức năng | Diện tích (ha) | Tỷ lệ (%) | Ghi chú |", "|---|---:|---:|---|"]
            for name in (
                "Khu nghiên cứu – phát triển",
                "Khu sản xuất công nghệ cao",
                "Khu đào tạo, ươm tạo doanh nghiệp",
                "Khu dịch vụ – nhà ở chuyên gia",
                "Cây xanh, mặt nước",
                "Giao thông, hạ tầng kỹ thuật",
            ):
                area = rng.randint(50, 400) / 10
                rows.append(
                    f"| {name} | {area:.1f} | {rng.randint(5, 30)} | Đất {rng.choice(_TAILS) or 'nông nghiệp'} |"
                )
            blocks.append("\n".join(rows))
            table_done = True
        block = "\n\n".join(blocks)
        parts.append(block)
        total += words_in(block)
    return "\n\n".join(parts) + "\n"


def project_input(code: str, name: str, high_tech: bool = True):  # type: ignore[no-untyped-def]
    """A valid ProjectInput for the benchmarks' own projects."""
    from decimal import Decimal

    from dossier_app.domain.enums import ParkKind
    from dossier_app.services.dossier.projects import ProjectInput

    return ProjectInput(
        code=code,
        name=name,
        kind=ParkKind.HIGH_TECH if high_tech else ParkKind.IT_PARK,
        regime_key="nd10_2024" if high_tech else "nd154_2013",
        location="Thành phố Cần Thơ",
        ward="Phường Hưng Thạnh",
        area_ha=Decimal("20.02"),
        investor="Quỹ Đầu tư phát triển thành phố Cần Thơ",
    )

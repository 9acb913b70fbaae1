"""Redline of two 30-page revisions: target ≤ 100 ms for redline() + render_html().

Pure Python, no database and no window. Generates a 30-page section (~15,000 words of Vietnamese
Markdown: numbered headings, paragraphs, bulleted and numbered lists, a table), hard-wrapped at 80
columns as Qt's toMarkdown() writes it. The second revision changes ~3 % of the words, scattered
(a word replaced, a tone mark changed, a word deleted or inserted), so every changed paragraph is
re-wrapped after its change; it also moves a few paragraphs elsewhere and re-wraps a few others at
another width. One run = `redline(old, new)` + `render_html(...)`; 15 runs after 2 untimed ones.
Also reported, for information: the two parts alone, `render_text`, and a first submission (no
approved text: the whole text as one insertion).

    .venv/bin/python bench/redline.py [--runs 15] [--words 15000] [--change 0.03] [--profile]
"""

from __future__ import annotations

import argparse
import random
import sys
import textwrap
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import long_section, report, words_in

from dossier_app.domain.redline import Changed, redline, render_html, render_text

TARGET_MS = 100.0
WIDTH = 80
TONES = ("\u0300", "\u0301", "\u0303", "\u0309", "\u0323")  # huyền, sắc, ngã, hỏi, nặng


def is_prose(block: str) -> bool:
    """Paragraphs and lists are wrapped and edited; headings and tables are left as they are."""
    return not block.startswith(("#", "|"))


def wrap_block(block: str, width: int = WIDTH) -> str:
    """Hard-wrap a paragraph or each list item, continuation lines indented under the item's text."""
    if not is_prose(block):
        return block
    lines: list[str] = []
    for line in block.split("\n"):
        marker = line.split(" ", 1)[0] + " " if line[:1] in "-0123456789" else ""
        lines.append(textwrap.fill(line, width, subsequent_indent=" " * len(marker), break_on_hyphens=False))
    return "\n".join(lines)


def change_tone(word: str, rng: random.Random) -> str:
    """The same syllable with another tone mark (or one added): a different word."""
    letters = unicodedata.normalize("NFD", word)
    present = [c for c in letters if c in TONES]
    if present:
        others = [t for t in TONES if t != present[0]]
        letters = letters.replace(present[0], rng.choice(others), 1)
    else:
        vowel = next((i for i, c in enumerate(letters) if c.lower() in "aeiouy"), None)
        if vowel is None:
            return word + "n"
        letters = letters[: vowel + 1] + rng.choice(TONES) + letters[vowel + 1 :]
    return unicodedata.normalize("NFC", letters)


def edit_words(block: str, rng: random.Random, rate: float, vocabulary: list[str]) -> str:
    """Change about `rate` of a block's words: replace, re-tone, delete or insert a word."""
    lines = []
    for line in block.split("\n"):
        words = line.split(" ")
        out: list[str] = []
        for index, word in enumerate(words):
            if index == 0 or rng.random() >= rate:  # keep list markers
                out.append(word)
                continue
            roll = rng.random()
            if roll < 0.4:
                out.append(rng.choice(vocabulary))
            elif roll < 0.6:
                out.append(change_tone(word, rng))
            elif roll < 0.8:
                continue
            else:
                out.extend((word, rng.choice(vocabulary)))
        lines.append(" ".join(out))
    return "\n".join(lines)


def revisions(words: int, rate: float, seed: int = 2024) -> tuple[str, str]:
    """An approved 30-page text and a submitted one with scattered word changes, moved and re-wrapped paragraphs."""
    rng = random.Random(seed)
    blocks = long_section(rng, target_words=words).rstrip("\n").split("\n\n")
    vocabulary = sorted({w for b in blocks if is_prose(b) for w in b.split() if w.isalpha()})
    old = "\n\n".join(wrap_block(b) for b in blocks) + "\n"

    edited = [edit_words(b, rng, rate, vocabulary) if is_prose(b) else b for b in blocks]
    paragraphs = [i for i, b in enumerate(edited) if is_prose(b) and not b.startswith(("-", "1."))]
    widths = {i: WIDTH for i in range(len(edited))}
    for index in rng.sample(paragraphs, 4):
        widths[index] = 72  # re-wrapped by hand at another width
    order = list(range(len(edited)))
    for index in rng.sample(paragraphs, 3):  # moved elsewhere
        order.remove(index)
        order.insert(rng.randrange(len(order)), index)
    new = "\n\n".join(wrap_block(edited[i], widths[i]) for i in order) + "\n"
    return old, new


def timed(runs: int, fn: Callable[[], object]) -> list[float]:
    """Seconds per call of `fn`, after two untimed calls."""
    for _ in range(2):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=15, help="timed runs (default 15)")
    parser.add_argument("--words", type=int, default=15_000, help="words per revision (default 15,000)")
    parser.add_argument("--change", type=float, default=0.03, help="share of words changed (default 0.03)")
    parser.add_argument("--profile", action="store_true", help="cProfile the timed runs and print the top functions")
    args = parser.parse_args(argv)

    old, new = revisions(args.words, args.change)
    result = redline(old, new)
    assert result.new_text() == new, "the redline does not rebuild the new revision"
    changed = sum(isinstance(b, Changed) for b in result.blocks)
    html = render_html(result)
    print(
        f"old: {words_in(old)} words, {old.count(chr(10))} lines, {len(old)} chars; "
        f"new: {words_in(new)} words, {new.count(chr(10))} lines, {len(new)} chars"
    )
    print(
        f"redline: {result.words_inserted} words inserted, {result.words_deleted} deleted, "
        f"{result.lines_changed} lines changed in {changed} changed blocks; HTML {len(html)} chars"
    )

    profiler = None
    if args.profile:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
    both = timed(args.runs, lambda: render_html(redline(old, new)))
    if profiler:
        profiler.disable()
    outcome = report(f"redline() + render_html(), 30 pages ({words_in(new)} words)", both, TARGET_MS)
    report("  of which redline()", timed(args.runs, lambda: redline(old, new)), None)
    report("  of which render_html()", timed(args.runs, lambda: render_html(result)), None)
    report("render_text() (command line)", timed(args.runs, lambda: render_text(result)), None)
    report(
        "first submission: redline('', new) + render_html()",
        timed(args.runs, lambda: render_html(redline("", new))),
        TARGET_MS,
        note="informative",
    )

    if profiler:
        import pstats

        print("\ncProfile of the timed runs, by own time:")
        pstats.Stats(profiler).sort_stats("tottime").print_stats(15)
    return 0 if outcome["verdict"] == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())

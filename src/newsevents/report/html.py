"""Assemble the self-contained HTML report: one file, inline CSS and JS, data as escaped JSON.

Safety: article text is untrusted. The data travels in a `<script type="application/json">` block
whose `<`, `>` and `&` are written as JSON escapes (`\\u003c` ...), so no article can close the
block or open a tag; the page's script builds the DOM with `textContent` only. A Content Security
Policy allows exactly one script (by its SHA-256 hash), no network, no plugins: even a payload that
slipped through could neither run nor phone home.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsevents.errors import UsageError
from newsevents.report.assets.app_js import SCRIPT
from newsevents.report.assets.style_css import STYLE
from newsevents.report.labels import QuadLabel, load_quad_labels
from newsevents.report.payload import build_payload
from newsevents.report.store_reader import load_snapshot

JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                              "\u2028": "\\u2028", "\u2029": "\\u2029"})
DEFAULT_TITLE = "newsevents report"


def embed_json(data: Any) -> str:
    """JSON text safe inside a <script> element: no `<`, `>` or `&` left literal."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.translate(JSON_ESCAPES)


def script_hash(script: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(script: str) -> str:
    """No network, no plugins, no forms; only our own inline script and styles."""
    return "; ".join((
        "default-src 'none'",
        f"script-src {script_hash(script)}",
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ))


def render_html(payload: Mapping[str, Any]) -> str:
    """The whole page for a payload built by `build_payload`."""
    title = html.escape(str(payload.get("title") or DEFAULT_TITLE))
    csp = html.escape(content_security_policy(SCRIPT), quote=True)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="newsevents">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        '<div id="app"></div>\n'
        '<noscript><p style="padding:24px">This report needs JavaScript to draw its charts and '
        "tables.</p></noscript>\n"
        f'<script type="application/json" id="report-data">{embed_json(payload)}</script>\n'
        f"<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )


def build_report(
    db_path: str | Path,
    out_path: str | Path,
    title: str | None = None,
    kb_dirs: Sequence[str | Path] = (),
    generated: str | None = None,
    quad_labels: Mapping[int, QuadLabel] | None = None,
) -> Path:
    """Write one self-contained HTML report of the store at `db_path` to `out_path`.

    `generated` (an ISO timestamp) defaults to now; pass it to get byte-identical reports.
    """
    db = Path(db_path)
    out = Path(out_path)
    if out.exists() and out.is_dir():
        raise UsageError(f"{out} is a folder; give the report a file name such as report.html")
    snapshot = load_snapshot(db)
    labels = quad_labels or load_quad_labels(kb_dirs)
    stamp = generated or datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    payload = build_payload(snapshot, labels, title or DEFAULT_TITLE, stamp, db.name)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(payload), encoding="utf-8")
    return out

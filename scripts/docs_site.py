"""Make the generated dbt docs site readable: a model page's details (its meta) wrap instead of
scrolling sideways.

dbt docs shows a model's meta in one row that scrolls horizontally, so a long value (a KPI's
formula) pushes its owner, unit, direction and cadence out of a 1,400-pixel window. This adds one
stylesheet rule to the generated ``index.html``. ``make build`` runs it after ``dbt docs
generate``; ``dbt docs serve`` would copy dbt's original ``index.html`` over it, so ``make docs``
serves the folder with Python's http.server instead.

Example: ``.venv/bin/python scripts/docs_site.py target/index.html``
"""

from __future__ import annotations

import argparse
from pathlib import Path

STYLE = (
    '<style id="revops-docs-style">'
    ".detail-body { white-space: normal; flex-wrap: wrap; overflow-x: visible; }"
    " .detail-value { white-space: normal; }"
    "</style>"
)


def style_docs(index: Path) -> None:
    """Add the rule to the docs site's index.html, once."""
    html = index.read_text(encoding="utf-8")
    if STYLE not in html:
        index.write_text(html.replace("</head>", f"{STYLE}</head>", 1), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("index", type=Path, help="the generated docs site's index.html")
    style_docs(parser.parse_args().index)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

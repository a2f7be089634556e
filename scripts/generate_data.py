#!/usr/bin/env python3
"""Generate the deterministic demo raw data of the RevOps metrics warehouse.

The command line over the package ``revops_demo_data`` (beside this script), whose docstring tells
the story the data follows. Writes one CSV per raw table of the raw data contract (the sources YAML)
to ``<out>/<source>/<table>.csv`` (with ``--format parquet``, ``<table>.parquet``, every column
text). The same seed and scale give byte-identical files. Prints a progress line per generation
step and per table written (rows, seconds) on stderr unless ``--quiet``.

Usage: ``python scripts/generate_data.py [--seed 42] [--scale 1.0] [--out seeds] [--format csv]
[--quiet]``
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from revops_demo_data import Generator


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=(
            "Generate the deterministic demo raw data (crm, billing, support, product, revops CSVs) of the "
            "RevOps metrics warehouse, following the raw data contract."
        ),
        epilog="Same seed and scale give byte-identical files.",
    )
    parser.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    parser.add_argument(
        "--scale",
        type=positive_float,
        default=1.0,
        help="entity-count multiplier; 1.0 = about 1,000 billing customers over 2023-2025 (default: 1.0)",
    )
    parser.add_argument(
        "--out", type=Path, default=Path("seeds"), help="output directory; writes <out>/<source>/<table>.csv"
    )
    parser.add_argument(
        "--format",
        choices=("csv", "parquet"),
        default="csv",
        help="file format: csv (default) or parquet (every column text; the raw loader reads either)",
    )
    parser.add_argument(
        "--quiet", action="store_true", help="print nothing (else a progress line per step and per table)"
    )
    return parser.parse_args(argv)


def positive_float(text: str) -> float:
    value = float(text)
    if not value > 0:
        raise argparse.ArgumentTypeError("must be greater than 0")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.perf_counter()

    def progress(message: str) -> None:
        if not args.quiet:
            print(f"[{time.perf_counter() - started:6.1f} s] {message}", file=sys.stderr, flush=True)

    generator = Generator(args.seed, args.scale)
    generator.build(progress)
    counts = generator.write(args.out, progress, args.format)
    if not args.quiet:
        elapsed = time.perf_counter() - started
        print(
            f"{sum(counts.values())} rows in {len(counts)} tables under {args.out} ({elapsed:.1f} s)",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

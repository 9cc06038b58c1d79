#!/usr/bin/env python3
"""Lays the project's own hand-labelled pages (tests/fixtures) out as a corpus folder that
`byline features` reads: OUT/<name>/source.html (a link to the page) and meta.json with its
`url` and `page_type` ("article", or "other" where the fixture expects no article).

    python3 scripts/train/fixture_corpus.py OUT
"""
import json
import sys
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures"


def pages():
    for d in sorted(FIXTURES.iterdir()):
        if (d / "page.html").exists() and (d / "expect.json").exists():
            yield d.name, d / "page.html", d / "expect.json"
    for e in sorted((FIXTURES / "aggregator").glob("*.expect.json")):
        name = e.name.removesuffix(".expect.json")
        yield f"aggregator-{name}", e.with_name(f"{name}.html"), e


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for name, page, expect in pages():
        e = json.loads(expect.read_text())
        d = out / name
        d.mkdir(exist_ok=True)
        link = d / "source.html"
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(page)
        kind = "other" if e["article"]["title"] is None else "article"
        (d / "meta.json").write_text(json.dumps({"url": e.get("url"), "page_type": kind}) + "\n")


if __name__ == "__main__":
    main()

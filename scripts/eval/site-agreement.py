#!/usr/bin/env python3
"""Does the outlet Byline reports for an article agree with Readability's gold siteName?

Runs `byline clean --format json` on every CORPUS/<id>/source.html (URL from meta.json
when it has one) and compares source.original (or, when Byline names a republisher, the
republisher: the site itself) with meta.json siteName, after NFKC + casefold, allowing one
name to contain the other or the domain-less host to match.

Usage: scripts/eval/site-agreement.py [CORPUS] [--byline target/release/byline]
"""
import argparse, json, os, re, subprocess, sys, unicodedata


def norm(s):
    s = unicodedata.normalize("NFKC", s or "").casefold()
    return re.sub(r"[\W_]+", "", s)


def agree(gold, got):
    g, b = norm(gold), norm(got)
    return bool(g and b) and (g in b or b in g)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=os.path.join(os.path.dirname(__file__), "../../../shared/corpus/readability"))
    ap.add_argument("--byline", default=os.path.join(os.path.dirname(__file__), "../../target/release/byline"))
    a = ap.parse_args()
    rows = []
    for name in sorted(os.listdir(a.corpus)):
        d = os.path.join(a.corpus, name)
        meta_path = os.path.join(d, "meta.json")
        if not os.path.isfile(meta_path):
            continue
        meta = json.load(open(meta_path, encoding="utf-8"))
        gold = meta.get("siteName")
        if not gold:
            continue
        cmd = [a.byline, "clean", os.path.join(d, "source.html"), "--format", "json"]
        if meta.get("url"):
            cmd += ["--url", meta["url"]]
        out = subprocess.run(cmd, capture_output=True, text=True)
        if out.returncode != 0:
            rows.append((name, gold, None, "error: " + out.stderr.strip()[:80]))
            continue
        res = json.loads(out.stdout)
        src = res.get("source") or {}
        if not res.get("is_article"):
            rows.append((name, gold, None, "not an article"))
            continue
        site = src.get("republisher") or src.get("original")
        rows.append((name, gold, site, "ok" if agree(gold, site or "") else "differs"))
    judged = [r for r in rows if r[3] in ("ok", "differs")]
    ok = sum(r[3] == "ok" for r in judged)
    for r in rows:
        if r[3] != "ok":
            print(f"{r[0]:40} gold={r[1]!r:45} byline={r[2]!r} ({r[3]})")
    print(f"SUMMARY pages_with_siteName={len(rows)} articles={len(judged)} agree={ok} rate={ok / max(1, len(judged)):.3f}")


if __name__ == "__main__":
    sys.exit(main())

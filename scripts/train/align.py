#!/usr/bin/env python3
"""Labels the blocks that `byline features` exported by aligning them with a corpus's gold.

    python3 scripts/train/align.py CORPUS_DIR FEATURES.jsonl OUT.npz

A block is story text (label 1) when most of its tokens are covered by 4-token shingles
that also occur in the page's gold text, and not story text (0) when few are; blocks in
between are left out (-1). Shingles run over the whole page in reading order, so a short
block ("Close", "Image 1 of 23") between two paragraphs is covered only if the gold holds
it at that place. Tokens: NFKC, lower case, one token per CJK character, else runs of
word characters (the rule of shared/eval/score.py).

Pages with `expected.txt` use it; pages with only `with.json` / `without.json` snippets
(trafilatura) label the blocks holding a snippet (1 for `with`, 0 for `without`) and leave
the rest out. Pages without either are skipped.
"""
import json
import re
import sys
import unicodedata
from pathlib import Path

import numpy as np

CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
TOKEN_RE = re.compile(rf"[{CJK}]|[^\W{CJK}]+")
N = 4
POSITIVE, NEGATIVE = 0.5, 0.15


def tokens(text):
    return TOKEN_RE.findall(unicodedata.normalize("NFKC", text).lower())


def norm(text):
    return " ".join(tokens(text))


def shingle_labels(blocks, gold):
    """Coverage of each block's tokens by gold shingles, over the page's token stream."""
    g = tokens(gold)
    gold_sh = {tuple(g[i:i + N]) for i in range(max(1, len(g) - N + 1))}
    stream, owner = [], []
    for k, b in enumerate(blocks):
        t = tokens(b["text"])
        stream.extend(t)
        owner.extend([k] * len(t))
    covered = np.zeros(len(stream), dtype=bool)
    for i in range(max(1, len(stream) - N + 1)):
        if tuple(stream[i:i + N]) in gold_sh:
            covered[i:i + N] = True
    hits = np.zeros(len(blocks))
    counts = np.zeros(len(blocks))
    for i, k in enumerate(owner):
        counts[k] += 1
        hits[k] += covered[i]
    cov = np.divide(hits, counts, out=np.zeros_like(hits), where=counts > 0)
    return np.where(cov >= POSITIVE, 1, np.where(cov <= NEGATIVE, 0, -1))


def snippet_labels(blocks, with_, without):
    keep = [norm(s) for s in with_ if norm(s)]
    drop = [norm(s) for s in without if norm(s)]
    labels = []
    for b in blocks:
        t = norm(b["text"])
        if any(s in t for s in keep):
            labels.append(1)
        elif any(s in t for s in drop):
            labels.append(0)
        else:
            labels.append(-1)
    return np.array(labels)


def read_json(path, default):
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return default


def main():
    corpus, features, out = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    with features.open() as f:
        names = json.loads(f.readline())["features"]
        pages = {}
        for line in f:
            row = json.loads(line)
            pages.setdefault(row["page"], []).append(row)
    X, y, page_ids, nodes, texts = [], [], [], [], []
    kinds = {"gold": 0, "snippets": 0, "skipped": 0}
    for pid in sorted(pages):
        blocks = pages[pid]
        d = corpus / pid
        if (d / "expected.txt").is_file():
            labels = shingle_labels(blocks, (d / "expected.txt").read_text(errors="replace"))
            kinds["gold"] += 1
        elif (d / "with.json").is_file():
            labels = snippet_labels(blocks, read_json(d / "with.json", []), read_json(d / "without.json", []))
            kinds["snippets"] += 1
        else:
            kinds["skipped"] += 1
            continue
        for b, label in zip(blocks, labels):
            X.append(b["f"])
            y.append(label)
            page_ids.append(pid)
            nodes.append(b["node"])
            texts.append(b["text"])
    y = np.array(y, dtype=np.int8)
    np.savez_compressed(
        out,
        X=np.array(X, dtype=np.float32),
        y=y,
        page=np.array(page_ids),
        node=np.array(nodes, dtype=np.int32),
        text=np.array(texts, dtype=object),
        names=np.array(names),
    )
    print(
        f"{corpus.name}: {len(y)} blocks ({(y == 1).sum()} story, {(y == 0).sum()} not, {(y == -1).sum()} unlabelled);"
        f" pages {kinds}",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()

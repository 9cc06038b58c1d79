#!/usr/bin/env python3
"""Scores one row of bench/compare's table (python3 stdlib only).

Usage: score_row.py EVAL_DIR CORPUS_DIR NAME=PRED_DIR [NAME=PRED_DIR ...]  -> JSON on stdout

For each system, the summary of EVAL_DIR/score.py's own `score()` (what `score.py CORPUS PRED
--json --shingles` prints as "summary": token P/R/F1, shingle P/R/F1 where the corpus has
expected.txt, with / without / snippet F1 where it has snippets), plus two numbers on how
much the system keeps, counted with score.py's tokenizer:
  kept   median over pages of predicted tokens / gold tokens (pages with expected.txt)
  empty  share of pages with no predicted token (a failure, a null, or nothing kept)
"""
import json
import os
import statistics
import sys

sys.path.insert(0, sys.argv[1])
import score  # noqa: E402  (the shared scorer, from EVAL_DIR)

corpus = sys.argv[2]
out = {}
for arg in sys.argv[3:]:
    name, pred = arg.split("=", 1)
    pages, summary, _missing = score.score(corpus, pred)
    ratios, empty = [], 0
    for pid in pages:
        pfile = os.path.join(pred, pid + ".txt")
        n = len(score.tokens(score.read(pfile))) if os.path.isfile(pfile) else 0
        empty += n == 0
        gold = os.path.join(corpus, pid, "expected.txt")
        if os.path.isfile(gold):
            g = len(score.tokens(score.read(gold)))
            if g:
                ratios.append(n / g)
    summary["empty"] = empty / len(pages) if pages else None
    summary["kept"] = statistics.median(ratios) if ratios else None
    out[name] = summary
json.dump(out, sys.stdout)
print()

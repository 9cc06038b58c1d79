#!/usr/bin/env python3
"""Trains the page-type classifier (article or not) and reports how it generalizes.

    python3 scripts/train/page_type.py FEATURE_DIR [--corpora ../shared/corpus --corpora FIXTURES] [--out data/model/page.bin]

FEATURE_DIR holds one `<corpus>.jsonl` per corpus, written by
`byline features CORPUS --pages --out FEATURE_DIR/<corpus>.jsonl` (scripts/train/features.sh
--pages). Labels: WCXB's `page_type` (article or one of six other types); every page of the
other dev corpora is an article (news, blogs, reports). Each page's group is its site (the
host of its `url`), so no site is both trained and scored on.

The decision threshold keeps `--recall` of all articles out of sample. Two tables:
- WCXB by site, five folds (the other corpora always in training): the share of each page
  type the model calls an article, next to the rule verdict's share.
- Leave one corpus out: for each corpus, trained without it (WCXB folds as above for WCXB),
  the share of its articles kept as articles, next to in sample.
The final model is trained on everything and written as the binary the core reads.
"""
import argparse
import json
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import lightgbm as lgb
import numpy as np

from train import PARAMS as BLOCK_PARAMS
from train import write_model

# The block model's settings, shallower trees, a faster rate (fewer pages than blocks).
PARAMS = dict(BLOCK_PARAMS, learning_rate=0.15, max_depth=3, min_data_in_leaf=20, feature_fraction=0.8)
ROUNDS = 40
FOLDS = 5
TYPES = ["article", "forum", "product", "collection", "listing", "documentation", "service"]


def load(feature_dir, corpora):
    """Per corpus: names, X, y (1 article, 0 not), page type, group (site), page ids."""
    data = {}
    for p in sorted(Path(feature_dir).glob("*.jsonl")):
        lines = p.read_text().splitlines()
        names = json.loads(lines[0])["features"]
        X, kinds, groups, ids = [], [], [], []
        for line in lines[1:]:
            r = json.loads(line)
            if not r["f"]:
                continue
            meta_path = next((Path(c) / p.stem / r["page"] / "meta.json" for c in corpora if (Path(c) / p.stem).is_dir()), Path("/nonexistent"))
            meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
            kinds.append(meta.get("page_type") or "article")
            host = urlsplit(meta.get("url") or "").hostname or f"{p.stem}/{r['page']}"
            groups.append(host.removeprefix("www."))
            X.append(r["f"])
            ids.append(r["page"])
        kinds = np.array(kinds)
        data[p.stem] = dict(names=names, X=np.array(X, dtype=np.float32), y=(kinds == "article").astype(int), kind=kinds, group=np.array(groups), id=np.array(ids))
    return data


def fit(parts):
    X = np.concatenate([p["X"] for p in parts])
    y = np.concatenate([p["y"] for p in parts])
    # Articles and other pages weigh the same in all.
    w = np.where(y == 1, 0.5 / max(1, y.sum()), 0.5 / max(1, (1 - y).sum())) * len(y)
    return lgb.train(PARAMS, lgb.Dataset(X, y, weight=w), num_boost_round=ROUNDS)


def folds(groups, k=FOLDS):
    """Fold of each page: sites hashed into k folds (a site's pages stay together)."""
    import hashlib

    return np.array([int(hashlib.sha1(g.encode()).hexdigest(), 16) % k for g in groups])


def out_of_fold(data, name, extra_excluded=()):
    """P(article) for each page of corpus `name`, from models that never saw its site
    (WCXB: by fold; another corpus: trained without that corpus)."""
    part = data[name]
    others = [p for n, p in data.items() if n != name and n not in extra_excluded]
    if name != "wcxb":
        return fit(others).predict(part["X"])
    out = np.zeros(len(part["y"]))
    f = folds(part["group"])
    for k in range(FOLDS):
        train = {key: part[key][f != k] for key in ("X", "y")}
        out[f == k] = fit(others + [train]).predict(part["X"][f == k])
    return out


# A main text more than this share links is a list of links, never an article (the core's
# page_type::MAX_LINK_DENSITY).
MAX_LINK_DENSITY = 0.9


def guarded(part):
    """Pages the rule verdict's structural checks call a listing or a forum thread, or whose
    main text is nearly all links: never an article, whatever the model says (the core
    applies the same guard)."""
    names = list(part["names"])
    X = part["X"]
    return (X[:, names.index("listing")] == 1) | (X[:, names.index("forum")] == 1) | (X[:, names.index("story_link_density")] > MAX_LINK_DENSITY)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--corpora", action="append", help="folder holding <corpus>/<page>/meta.json (repeatable; default ../shared/corpus)")
    ap.add_argument("--recall", type=float, default=0.98, help="the decision keeps this share of all articles out of sample (pooled over the corpora)")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    data = load(args.features, args.corpora or ["../shared/corpus"])
    names = data[next(iter(data))]["names"]
    rule = names.index("rule_article")

    full = fit(list(data.values()))
    oof = {n: np.where(guarded(d), 0.0, out_of_fold(data, n)) for n, d in data.items()}
    # The decision threshold: the largest P(article), to two decimals, at which the articles
    # of all corpora, each scored by a model that never saw its site, are kept at `recall`.
    pooled = np.concatenate([oof[n][d["y"] == 1] for n, d in data.items()])
    t = np.floor(np.quantile(pooled, 1 - args.recall) * 100) / 100

    def predict(part, m):
        return np.where(guarded(part)[m], 0.0, full.predict(part["X"][m]))
    print(f"page type, share called an article (P >= {t}, not a listing, forum or link list by rule); rule = the rule verdict alone")
    w = data["wcxb"]
    print(f"{'wcxb type':<14} {'pages':>5} {'rule':>6} {'in':>6} {'out':>6}")
    for kind in TYPES:
        m = w["kind"] == kind
        print(f"{kind:<14} {m.sum():>5} {w['X'][m, rule].mean():6.3f} {(predict(w, m) >= t).mean():6.3f} {(oof['wcxb'][m] >= t).mean():6.3f}")
    m = w["kind"] != "article"
    print(f"{'not article':<14} {m.sum():>5} {w['X'][m, rule].mean():6.3f} {(predict(w, m) >= t).mean():6.3f} {(oof['wcxb'][m] >= t).mean():6.3f}")
    print()
    print("articles kept as articles, leave one corpus out")
    print(f"{'corpus':<14} {'pages':>5} {'rule':>6} {'in':>6} {'out':>6}")
    for n, part in data.items():
        m = part["y"] == 1
        print(f"{n:<14} {m.sum():>5} {part['X'][m, rule].mean():6.3f} {(predict(part, m) >= t).mean():6.3f} {(oof[n][m] >= t).mean():6.3f}")
    lost = [(n, i, p) for n, part in data.items() for i, p, y in zip(part["id"], oof[n], part["y"]) if y == 1 and p < t]
    print("articles lost out of sample:", ", ".join(f"{n}/{i} {p:.2f}" for n, i, p in lost[:40]))
    imp = sorted(zip(full.feature_importance("gain"), names), reverse=True)
    print("top features (gain):", ", ".join(f"{n} {g:.0f}" for g, n in imp[:20]))
    if args.out:
        rng = np.random.default_rng(7)
        X_all = np.concatenate([p["X"] for p in data.values()])
        write_model(full, names, t, args.out, X_all[rng.choice(len(X_all), 60, replace=False)])


if __name__ == "__main__":
    main()

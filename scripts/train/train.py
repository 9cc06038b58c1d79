#!/usr/bin/env python3
"""Trains the block classifier on the aligned dev corpora and reports leave-one-corpus-out.

    python3 scripts/train/train.py FEATURE_DIR [--out data/model/blocks.bin]

FEATURE_DIR holds one `<corpus>.npz` per corpus (scripts/train/align.py). For every corpus
the model is trained on the others and scored on it (left out), and trained on all and
scored on it (in sample); the table prints both. The final model (all corpora) is written
as the binary the core reads (see `write_model`).
"""
import argparse
import json
import struct
import sys
from pathlib import Path

import lightgbm as lgb
import numpy as np

PARAMS = dict(
    objective="binary",
    learning_rate=0.1,
    num_leaves=7,
    max_depth=4,
    min_data_in_leaf=40,
    feature_fraction=0.9,
    bagging_fraction=0.8,
    bagging_freq=1,
    lambda_l2=1.0,
    use_missing=False,
    zero_as_missing=False,
    max_bin=255,
    deterministic=True,
    force_row_wise=True,
    num_threads=2,
    seed=7,
    verbose=-1,
)
ROUNDS = 40


MAGIC = b"BYLM"
VERSION = 1
LEAF = 128


def names_hash(names):
    """FNV-1a (32 bits) of the feature names joined by newlines: the core refuses a model
    whose hash differs from its own feature list's."""
    h = 0x811C9DC5
    for b in "\n".join(names).encode():
        h = ((h ^ b) * 0x01000193) & 0xFFFFFFFF
    return h


def f32_at_most(t):
    """The largest f32 not above `t`: for every f32 x, x <= it exactly when x <= t."""
    v = np.float32(t)
    if float(v) > t:
        v = np.nextafter(v, np.float32(-np.inf))
    return v


def flatten(tree):
    """A LightGBM tree as (internal nodes [(feature, threshold, left, right)], leaves)."""
    nodes, leaves = {}, {}

    def code(n):
        return LEAF + n["leaf_index"] if "leaf_index" in n else n["split_index"]

    stack = [tree["tree_structure"]]
    while stack:
        n = stack.pop()
        if "leaf_index" in n:
            leaves[n["leaf_index"]] = np.float32(n["leaf_value"])
            continue
        assert n["decision_type"] == "<=" and n["missing_type"] == "None", n
        nodes[n["split_index"]] = (n["split_feature"], f32_at_most(n["threshold"]), code(n["left_child"]), code(n["right_child"]))
        stack += [n["left_child"], n["right_child"]]
    if not nodes:  # a tree of one leaf
        return [], [leaves[0]]
    assert sorted(nodes) == list(range(len(nodes))) and len(leaves) == len(nodes) + 1 <= LEAF
    return [nodes[i] for i in range(len(nodes))], [leaves[i] for i in range(len(leaves))]


def margins(trees, X):
    """The core's evaluation: f32 features against f32 thresholds, the f32 leaves summed
    in f64 in tree order (bit for bit what src/analysis/blocks/model.rs computes)."""
    out = np.zeros(len(X))
    for r, x in enumerate(np.asarray(X, dtype=np.float32)):
        total = 0.0
        for nodes, leaves in trees:
            c = 0
            while nodes and c < LEAF:
                f, t, left, right = nodes[c]
                c = left if x[f] <= t else right
            total += float(leaves[c - LEAF] if nodes else leaves[0])
        out[r] = total
    return out


def write_model(booster, names, threshold, path, X_check):
    trees = [flatten(t) for t in booster.dump_model()["tree_info"]]
    margin = float(np.log(threshold / (1 - threshold)))
    buf = bytearray(MAGIC)
    buf += struct.pack("<BBIfH", VERSION, len(names), names_hash(names), margin, len(trees))
    for nodes, leaves in trees:
        buf += struct.pack("<B", len(nodes))
        for f, t, left, right in nodes:
            buf += struct.pack("<BfBB", f, t, left, right)
        buf += struct.pack(f"<{len(leaves)}f", *leaves)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(buf))
    # Rows with the margins the core must compute for them (tests/block_model.rs), and the
    # agreement of that evaluation with LightGBM's own.
    mine = margins(trees, X_check)
    theirs = booster.predict(X_check, raw_score=True)
    worst = float(np.max(np.abs(mine - theirs)))
    # As IEEE bit patterns: decimal text would test the JSON parser's rounding, not the model.
    check = {
        "threshold_margin_bits": int(np.float64(np.float32(margin)).view(np.uint64)),
        "rows_bits": [[int(v) for v in np.asarray(x, dtype=np.float32).view(np.uint32)] for x in X_check],
        "margins_bits": [int(np.float64(m).view(np.uint64)) for m in mine],
    }
    path.with_suffix(".check.json").write_text(json.dumps(check) + "\n")
    print(f"wrote {path}: {len(trees)} trees, {len(buf)} bytes; |core - lightgbm| <= {worst:.2e} on {len(X_check)} rows")


def load(dirpath):
    data = {}
    for p in sorted(Path(dirpath).glob("*.npz")):
        z = np.load(p, allow_pickle=True)
        data[p.stem] = {k: z[k] for k in z.files}
    return data


def page_weights(pages):
    """Each page weighs 1 in all, however many blocks it has."""
    _, inverse, counts = np.unique(pages, return_inverse=True, return_counts=True)
    return 1.0 / counts[inverse]


def train(parts):
    X = np.concatenate([p["X"] for p in parts])
    y = np.concatenate([p["y"] for p in parts])
    w = np.concatenate([page_weights(p["page"]) for p in parts])
    m = y >= 0
    ds = lgb.Dataset(X[m], y[m], weight=w[m], free_raw_data=False)
    return lgb.train(PARAMS, ds, num_boost_round=ROUNDS)


def auc(y, s):
    m = y >= 0
    y, s = y[m], s[m]
    order = np.argsort(s, kind="stable")
    ranks = np.empty(len(s))
    ranks[order] = np.arange(1, len(s) + 1)
    pos = y == 1
    n1, n0 = pos.sum(), (~pos).sum()
    if n1 == 0 or n0 == 0:
        return float("nan")
    return (ranks[pos].sum() - n1 * (n1 + 1) / 2) / (n1 * n0)


def flagged(part, p_story, names, threshold):
    """Words in blocks outside the detector's story that score below `threshold`: the share
    of all non-story words (what tidy could hide) and of all story words (what it would lose)."""
    X, y = part["X"], part["y"]
    words = np.array([max(1, len(t.split())) for t in part["text"]])
    low = (X[:, names.index("in_story")] == 0) & (X[:, names.index("is_article")] == 1) & (p_story < threshold)
    return words[low & (y == 0)].sum() / max(1, words[y == 0].sum()), words[low & (y == 1)].sum() / max(1, words[y == 1].sum())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("features")
    ap.add_argument("--out", default=None)
    ap.add_argument("--threshold", type=float, default=0.1, help="P(story) below which a block is furniture")
    ap.add_argument("--exclude", action="append", default=[], help="leave this corpus out of training (repeatable)")
    ap.add_argument("--quick", action="store_true", help="skip the block-level leave-one-corpus-out table")
    args = ap.parse_args()
    data = {n: p for n, p in load(args.features).items() if n not in args.exclude}
    names = list(next(iter(data.values()))["names"])
    full = train(list(data.values()))
    if not args.quick:
        print("block-level, leave one corpus out: AUC of P(story), and the share of the corpus's")
        print("non-story / story words in blocks outside the story scored below the threshold")
        print(f"{'corpus':<12} {'blocks':>7} {'AUC in':>7} {'AUC out':>7} {'furniture in/out':>17} {'story in/out':>15}")
        for name, part in data.items():
            left = train([p for n, p in data.items() if n != name])
            cells = [flagged(part, full.predict(part["X"]), names, args.threshold), flagged(part, left.predict(part["X"]), names, args.threshold)]
            print(
                f"{name:<12} {len(part['y']):>7} {auc(part['y'], full.predict(part['X'])):7.3f} {auc(part['y'], left.predict(part['X'])):7.3f}"
                f" {cells[0][0]:8.3f}/{cells[1][0]:.3f} {cells[0][1]:8.4f}/{cells[1][1]:.4f}"
            )
    imp = sorted(zip(full.feature_importance("gain"), names), reverse=True)
    print("top features (gain):", ", ".join(f"{n} {g:.0f}" for g, n in imp[:15]))
    if args.out:
        rng = np.random.default_rng(7)
        X_all = np.concatenate([p["X"] for p in data.values()])  # noqa: the corpora trained on
        write_model(full, names, args.threshold, args.out, X_all[rng.choice(len(X_all), 60, replace=False)])


if __name__ == "__main__":
    main()

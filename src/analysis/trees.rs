//! Tree ensembles trained offline by `scripts/train/` (LightGBM), read from
//! `data/model/*.bin`: the block classifier's (`blocks.bin`) and the page-type
//! classifier's (`page.bin`). The format is documented here and in `train.py`.
//!
//! Layout, little-endian: `BYLM`, version u8 (1), feature count u8, FNV-1a hash of the
//! feature names u32, decision margin f32, tree count u16; then per tree its internal
//! node count u8, each node as (feature u8, threshold f32, left u8, right u8), then its
//! leaves as f32 (one more than the nodes). A child below 128 is an internal node, else
//! leaf `child - 128`. A row goes left when `feature <= threshold`.
//!
//! The margin is the sum of the leaves reached, in tree order, in f64: IEEE addition in a
//! fixed order, so the native and the wasm build give the same bits (no `exp`: the
//! decision compares margins, not probabilities).

const LEAF: u8 = 128;

/// A 0/1 feature.
pub(crate) fn flag(b: bool) -> f32 {
    if b {
        1.0
    } else {
        0.0
    }
}

/// Counts are capped here as features, so every value stays exact in an f32.
pub(crate) const CAP: u32 = 1 << 20;

/// A count as a feature, capped at [`CAP`].
pub(crate) fn count(v: u32) -> f32 {
    v.min(CAP) as f32
}

/// `part / whole` as a feature (0 when `whole` is 0), both capped at [`CAP`]: one IEEE
/// division of exact values, the same bits in every build.
pub(crate) fn share(part: u32, whole: u32) -> f32 {
    if whole == 0 {
        0.0
    } else {
        count(part) / count(whole)
    }
}

/// FNV-1a (32 bits) of the feature names joined by newlines, as the model file records
/// it (`train.py` `names_hash`): a model trained on other features is refused.
pub(crate) const fn names_hash(names: &[&str]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < names.len() {
        if i > 0 {
            h = (h ^ b'\n' as u32).wrapping_mul(0x0100_0193);
        }
        let name = names[i].as_bytes();
        let mut k = 0;
        while k < name.len() {
            h = (h ^ name[k] as u32).wrapping_mul(0x0100_0193);
            k += 1;
        }
        i += 1;
    }
    h
}

struct Node {
    feature: u8,
    threshold: f32,
    left: u8,
    right: u8,
}

struct Tree {
    nodes: Vec<Node>,
    leaves: Vec<f32>,
}

pub(crate) struct Trees {
    trees: Vec<Tree>,
    /// Rows whose margin is below this are on the negative side of the decision.
    pub(crate) margin: f64,
    features: usize,
}

/// Why a model file was refused.
#[derive(Debug, PartialEq)]
pub enum ModelError {
    Truncated,
    BadHeader,
    OtherFeatures,
    BadNode,
}

struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take<const K: usize>(&mut self) -> Result<[u8; K], ModelError> {
        let (head, rest) = self
            .bytes
            .split_first_chunk::<K>()
            .ok_or(ModelError::Truncated)?;
        self.bytes = rest;
        Ok(*head)
    }
    fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take::<1>()?[0])
    }
    fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_le_bytes(self.take()?))
    }
}

impl Trees {
    /// Reads a model file (the format above) for rows of `features` values whose names
    /// hash to `names_hash`.
    pub(crate) fn parse(bytes: &[u8], features: usize, names_hash: u32) -> Result<Trees, ModelError> {
        let mut r = Reader { bytes };
        if &r.take::<4>()? != b"BYLM" || r.u8()? != 1 {
            return Err(ModelError::BadHeader);
        }
        if usize::from(r.u8()?) != features || u32::from_le_bytes(r.take()?) != names_hash {
            return Err(ModelError::OtherFeatures);
        }
        let margin = f64::from(r.f32()?);
        let count = u16::from_le_bytes(r.take()?);
        let mut trees = Vec::with_capacity(usize::from(count));
        for _ in 0..count {
            let n = r.u8()?;
            let mut nodes = Vec::with_capacity(usize::from(n));
            for _ in 0..n {
                let node = Node {
                    feature: r.u8()?,
                    threshold: r.f32()?,
                    left: r.u8()?,
                    right: r.u8()?,
                };
                let valid = |c: u8| if c < LEAF { c < n } else { c - LEAF <= n };
                if usize::from(node.feature) >= features
                    || !valid(node.left)
                    || !valid(node.right)
                {
                    return Err(ModelError::BadNode);
                }
                nodes.push(node);
            }
            let leaves = (0..=n).map(|_| r.f32()).collect::<Result<Vec<f32>, _>>()?;
            trees.push(Tree { nodes, leaves });
        }
        if !r.bytes.is_empty() {
            return Err(ModelError::BadHeader);
        }
        Ok(Trees { trees, margin, features })
    }

    /// The sum of the leaves `row` reaches. Internal nodes only point forward (LightGBM
    /// numbers a node's children after it), so each walk ends; a malformed file that
    /// points back is cut off after as many steps as the tree has nodes.
    /// A row shorter than the model's features reads 0 for the missing ones.
    pub(crate) fn margin(&self, row: &[f32]) -> f64 {
        debug_assert_eq!(row.len(), self.features);
        let mut total = 0.0f64;
        for t in &self.trees {
            let mut c = 0u8;
            let mut steps = 0;
            while c < LEAF && steps <= t.nodes.len() {
                let Some(n) = t.nodes.get(usize::from(c)) else {
                    break;
                };
                c = if row.get(usize::from(n.feature)).copied().unwrap_or(0.0) <= n.threshold {
                    n.left
                } else {
                    n.right
                };
                steps += 1;
            }
            let leaf = if t.nodes.is_empty() {
                0
            } else {
                c.wrapping_sub(LEAF)
            };
            total += f64::from(t.leaves.get(usize::from(leaf)).copied().unwrap_or(0.0));
        }
        total
    }
}


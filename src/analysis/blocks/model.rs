//! The tree ensemble that scores blocks, read from `data/model/blocks.bin` (written by
//! `scripts/train/train.py`; the format is documented there and here).
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

use super::features::{NAMES_HASH, N_FEATURES};

const LEAF: u8 = 128;

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

pub struct Model {
    trees: Vec<Tree>,
    /// Blocks whose margin is below this are not story text.
    pub(crate) margin: f64,
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

impl Model {
    /// Reads a model file (the format above).
    pub fn parse(bytes: &[u8]) -> Result<Model, ModelError> {
        let mut r = Reader { bytes };
        if &r.take::<4>()? != b"BYLM" || r.u8()? != 1 {
            return Err(ModelError::BadHeader);
        }
        if usize::from(r.u8()?) != N_FEATURES || u32::from_le_bytes(r.take()?) != NAMES_HASH {
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
                if usize::from(node.feature) >= N_FEATURES
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
        Ok(Model { trees, margin })
    }

    /// The sum of the leaves `row` reaches. Internal nodes only point forward (LightGBM
    /// numbers a node's children after it), so each walk ends; a malformed file that
    /// points back is cut off after as many steps as the tree has nodes.
    pub(crate) fn margin(&self, row: &[f32; N_FEATURES]) -> f64 {
        let mut total = 0.0f64;
        for t in &self.trees {
            let mut c = 0u8;
            let mut steps = 0;
            while c < LEAF && steps <= t.nodes.len() {
                let Some(n) = t.nodes.get(usize::from(c)) else {
                    break;
                };
                c = if row[usize::from(n.feature)] <= n.threshold {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_model_parses() {
        assert!(Model::parse(include_bytes!("../../../data/model/blocks.bin")).is_ok());
    }

    /// The training script's own walk of the trees (scripts/train/train.py `margins`, which
    /// it checks against LightGBM's predictions) and this one agree bit for bit.
    #[test]
    fn margins_match_the_training_script() {
        #[derive(serde::Deserialize)]
        struct Check {
            threshold_margin_bits: u64,
            rows_bits: Vec<Vec<u32>>,
            margins_bits: Vec<u64>,
        }
        let check: Check =
            serde_json::from_str(include_str!("../../../data/model/blocks.check.json")).unwrap();
        let model = Model::parse(include_bytes!("../../../data/model/blocks.bin")).unwrap();
        assert_eq!(model.margin.to_bits(), check.threshold_margin_bits);
        assert!(check.rows_bits.len() >= 50);
        for (bits, want) in check.rows_bits.iter().zip(&check.margins_bits) {
            let row: Vec<f32> = bits.iter().map(|&b| f32::from_bits(b)).collect();
            let row: [f32; N_FEATURES] = row.as_slice().try_into().expect("a row per feature");
            assert_eq!(model.margin(&row).to_bits(), *want, "{row:?}");
        }
    }

    #[test]
    fn broken_files_are_refused() {
        let good = include_bytes!("../../../data/model/blocks.bin");
        assert_eq!(
            Model::parse(&good[..good.len() - 1]).err(),
            Some(ModelError::Truncated)
        );
        assert_eq!(Model::parse(b"XXXX").err(), Some(ModelError::BadHeader));
        let mut other = good.to_vec();
        other[6] ^= 1;
        assert_eq!(Model::parse(&other).err(), Some(ModelError::OtherFeatures));
        let mut extra = good.to_vec();
        extra.push(0);
        assert_eq!(Model::parse(&extra).err(), Some(ModelError::BadHeader));
    }
}

//! The block classifier's tree ensemble, `data/model/blocks.bin` (format: `trees.rs`).

use super::features::{NAMES_HASH, N_FEATURES};
use crate::analysis::trees::{ModelError, Trees};

/// The block model: a margin per block row; below its decision margin a block is not
/// story text.
pub struct Model(pub(crate) Trees);

impl Model {
    /// Reads a model file written by `scripts/train/train.py` for today's block features.
    pub fn parse(bytes: &[u8]) -> Result<Model, ModelError> {
        Trees::parse(bytes, N_FEATURES, NAMES_HASH).map(Model)
    }
    pub(crate) fn margin(&self, row: &[f32; N_FEATURES]) -> f64 {
        self.0.margin(row)
    }
    pub(crate) fn threshold(&self) -> f64 {
        self.0.margin
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::trees::ModelError;

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
        assert_eq!(model.0.margin.to_bits(), check.threshold_margin_bits);
        assert!(check.rows_bits.len() >= 50);
        for (bits, want) in check.rows_bits.iter().zip(&check.margins_bits) {
            let row: Vec<f32> = bits.iter().map(|&b| f32::from_bits(b)).collect();
            let row: [f32; N_FEATURES] = row.as_slice().try_into().expect("a row per feature");
            assert_eq!(model.0.margin(&row).to_bits(), *want, "{row:?}");
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

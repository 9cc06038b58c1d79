//! The fuzz targets' checks (shared with tests/fuzz_corpus.rs).
#[path = "checks.rs"]
pub mod checks;

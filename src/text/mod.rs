//! Text helpers shared by every pass: folding for matching (`fold`), CJK-aware counts
//! (`counts`), the page's folded text sliced per subtree (`index`), block structure
//! (`lines`, with the tag sets of `crate::tags`) and character helpers (`chars`). No
//! allocation per character where it can be avoided.

mod chars;
mod counts;
mod fold;
mod index;
mod lines;
#[cfg(test)]
mod tests;

pub(crate) use chars::{is_cjk, prefix, truncate, INVISIBLE_CHARS};
pub(crate) use counts::TextCounts;
pub(crate) use fold::{collapse, collapse_into, fold, fold_char, squash, squash_groups};
pub(crate) use index::TextIndex;
pub(crate) use lines::block_lines;
pub(crate) use crate::tags::{is_block, is_invisible_tag};

/// A small deterministic generator for the randomised tests that compare a fast path with
/// its plain definition (xorshift64; `seed` must not be 0).
#[cfg(test)]
pub(crate) fn xorshift(mut seed: u64) -> impl FnMut() -> u64 {
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}

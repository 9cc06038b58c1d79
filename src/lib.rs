//! Byline's pure analysis core: a page model in, a plan out.
//!
//! [`page`] is the flat page model (an arena of element and text nodes) and the
//! [`PageBuilder`] every adapter feeds; [`analyze`] turns a page and [`Options`] into a
//! [`Plan`]: the article root, the blocks to hide with their kind and reason, the source
//! attribution. [`rules`] and [`settings`] hold the user's per-site rules and switches,
//! [`picker`] writes the element picker's selector for a new rule, `lexicon` holds the
//! word lists compiled in from `data/`, [`report`] and [`badge`] the plan read for people.
//!
//! It owns every decision about a page and may not touch the outside world: no I/O, no
//! DOM (`web-sys`), no HTML parser (`scraper`), no clock. Adapters build its page model —
//! `byline-html` from HTML text, `byline-wasm` from the browser's snapshot of the live
//! DOM — and carry out its plan.

pub mod analysis;
pub mod badge;
pub(crate) mod lexicon;
pub mod page;
pub mod picker;
pub mod plan;
pub mod report;
pub mod rules;
pub mod settings;
pub(crate) mod sort;
pub(crate) mod tags;
pub(crate) mod text;

pub use analysis::analyze;
pub use page::{NodeId, Page, PageBuilder};
pub use plan::{Mode, Options, Plan};

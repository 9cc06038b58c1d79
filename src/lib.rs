//! Byline: finds the article on a news page, hides the clutter around it, and says where
//! the story comes from.
//!
//! Layout: [`page`] is the flat page model and its builders, [`analysis`] the pure core
//! (`analyze(page, options) -> Plan`), [`plan`] the plain-data result, [`report`] its
//! reading for people. The browser adapter lives in `web` (wasm only); the scraper adapter
//! in `page::html` (feature `native`).

pub mod analysis;
pub mod badge;
pub mod lexicon;
pub mod page;
pub mod plan;
pub mod report;
pub mod rules;
pub mod settings;
pub mod sort;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use analysis::analyze;
pub use page::{NodeId, Page, PageBuilder};
pub use plan::{Mode, Options, Plan};

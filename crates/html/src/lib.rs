//! Byline's HTML adapter: page bytes → text (charset sniffing) → scraper/html5ever → the
//! core's page model ([`byline::Page`], built through [`byline::PageBuilder`] like every
//! adapter), site-rule selectors matched with scraper, and a plan written back into the
//! page as HTML. The CLI, the tests and the benchmarks read pages through it.
//!
//! It owns parsing and writing HTML, nothing else: it makes no decision about a page (that
//! is the core's, on the model) and is never part of the wasm build (the browser reads the
//! live DOM instead; `crates/wasm`).

mod parse;
mod rules;
mod write;

pub use parse::{decode, parse, parse_bytes, parse_document, parse_document_scoped, AttrScope, InputError};
pub use rules::match_rules;
pub use write::{apply_to_html, text_to_html};

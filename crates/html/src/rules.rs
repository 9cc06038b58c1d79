//! Site rules on a parsed document: each `host##selector` / `host#@#selector` rule's
//! selector matched with scraper's selector engine and mapped to page-model ids (the
//! browser matches the same selectors with `querySelectorAll`).

use byline::page::NodeId;
use byline::rules::{Diagnostic, Rule, RuleMatch};

/// Natively: matches the rules for `host` on a parsed document with scraper, mapped to
/// page-model ids. A selector scraper cannot compile is reported, not applied.
pub fn match_rules(
    doc: &scraper::Html,
    map: &[(NodeId, ego_tree::NodeId)],
    rules: &[&Rule],
) -> (Vec<RuleMatch>, Vec<Diagnostic>) {
    let ids: std::collections::HashMap<ego_tree::NodeId, NodeId> = map.iter().map(|&(m, s)| (s, m)).collect();
    let mut matches = Vec::new();
    let mut errors = Vec::new();
    for r in rules {
        match scraper::Selector::parse(&r.selector) {
            Ok(sel) => {
                let mut nodes: Vec<NodeId> = doc.select(&sel).filter_map(|e| ids.get(&e.id()).copied()).collect();
                nodes.sort_unstable();
                nodes.dedup();
                matches.push(RuleMatch { line: r.line, keep: r.keep, rule: r.text(), nodes });
            }
            Err(e) => errors.push(Diagnostic {
                line: r.line,
                message: format!("the selector is not valid CSS: {e:?}"),
                text: r.text(),
            }),
        }
    }
    (matches, errors)
}


//! Site rules and per-site switches, uBlock Origin style.
//!
//! Rules are readable text lines:
//!
//! ```text
//! ! a comment
//! example.com##.sidebar-recommend     hide on example.com and its subdomains
//! news.example.com#@#.related          never hide there, whatever else says so
//! ##.newsletter-box                    hide on every site
//! a.com,b.com##.promo                  several hosts
//! ```
//!
//! [`parse`] never drops a line: a malformed line becomes a [`Diagnostic`] with its line
//! number and stays in the text (the text itself is what is stored). Per-site switches
//! are a host → [`SiteFlags`] map; both are looked up from the most specific host to the
//! least (`sub.example.com` → `example.com` → every site).
//!
//! Matching the selectors against a page is the adapters' job (scraper natively,
//! `querySelectorAll` in the browser); they hand the core plain [`RuleMatch`] data.

use crate::page::NodeId;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A selector longer than this is refused (a rule is a short human line, not a payload).
pub(crate) const MAX_SELECTOR_CHARS: usize = 1024;

/// Procedural (uBlock extended) operators Byline does not implement; a rule using one
/// gets a diagnostic instead of being half-applied.
const PROCEDURAL: &[&str] = &[
    ":has-text(", ":-abp-", ":style(", ":remove(", ":xpath(", ":matches-css", ":min-text-length(",
    ":upward(", ":watch-attr(", ":matches-path(", ":others(", "+js(", ":remove-attr(", ":remove-class(",
];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// 1-based line number in the rules text.
    pub line: u32,
    /// Hosts the rule is for; empty means every site.
    pub hosts: Vec<String>,
    /// `#@#`: never hide what the selector matches.
    pub keep: bool,
    pub selector: String,
}

impl Rule {
    /// The line as the user would write it, normalised (for reasons shown to people).
    pub fn text(&self) -> String {
        format!("{}{}{}", self.hosts.join(","), if self.keep { "#@#" } else { "##" }, self.selector)
    }
    /// How specific the rule is for `host`: labels of the most specific matching host
    /// (every-site rules are 0), or None when it does not apply there.
    pub(crate) fn specificity(&self, host: &str) -> Option<usize> {
        if self.hosts.is_empty() {
            return Some(0);
        }
        self.hosts.iter().filter(|h| host_matches(host, h)).map(|h| h.split('.').count()).max()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub line: u32,
    pub message: String,
    /// The line as written (kept in the rules text; shown next to the message).
    pub text: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub diagnostics: Vec<Diagnostic>,
}

/// `host` is `pattern` or a subdomain of it.
pub(crate) fn host_matches(host: &str, pattern: &str) -> bool {
    host == pattern || (host.len() > pattern.len() && host.ends_with(pattern) && host.as_bytes()[host.len() - pattern.len() - 1] == b'.')
}

/// `sub.example.com` → [`sub.example.com`, `example.com`, `com`]: most specific first.
pub fn host_chain(host: &str) -> Vec<&str> {
    let mut out = vec![];
    let mut rest = host;
    while !rest.is_empty() {
        out.push(rest);
        match rest.find('.') {
            Some(i) => rest = &rest[i + 1..],
            None => break,
        }
    }
    out
}

/// `text` with the rule `host##selector` appended on a line of its own.
pub fn append_hide_rule(text: &str, host: &str, selector: &str) -> String {
    let mut out = text.to_string();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&format!("{host}##{selector}\n"));
    out
}

/// The host part of a URL (`https://User@Sub.Example.com:8080/x` → `sub.example.com`).
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if authority.starts_with('[') {
        authority.split_inclusive(']').next()?
    } else {
        authority.split(':').next()?
    };
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

fn valid_host(h: &str) -> bool {
    !h.is_empty()
        && !h.starts_with('.')
        && !h.ends_with('.')
        && !h.contains("..")
        && h.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.' || c == '_')
}

/// A light syntax check of a CSS selector: the engines (scraper, the browser) have the
/// last word and report what they cannot compile, but this catches the common slips with
/// a clear message and without linking a CSS parser into the wasm.
fn check_selector(sel: &str) -> Result<(), String> {
    if sel.is_empty() {
        return Err("the selector after ## is empty".into());
    }
    if sel.chars().count() > MAX_SELECTOR_CHARS {
        return Err(format!("the selector is longer than {MAX_SELECTOR_CHARS} characters"));
    }
    if let Some(op) = PROCEDURAL.iter().find(|op| sel.contains(*op)) {
        return Err(format!("procedural filters ({}…) are not supported; use a plain CSS selector", op.trim_end_matches('(')));
    }
    let mut stack = Vec::new();
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for c in sel.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match (quote, c) {
            (_, '\\') => escaped = true,
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[') => stack.push(c),
            (None, ')') if stack.pop() != Some('(') => return Err("unbalanced ) in the selector".into()),
            (None, ']') if stack.pop() != Some('[') => return Err("unbalanced ] in the selector".into()),
            (None, '{' | '}' | ';') => return Err(format!("'{c}' cannot appear in a selector (style injection is not supported)")),
            _ => {}
        }
    }
    if quote.is_some() {
        return Err("unclosed quote in the selector".into());
    }
    if let Some(open) = stack.pop() {
        return Err(format!("unclosed {open} in the selector"));
    }
    if sel.ends_with([',', '>', '+', '~']) || sel.starts_with([',', '>', '+', '~']) {
        return Err("the selector starts or ends with a combinator".into());
    }
    Ok(())
}

fn parse_line(line: &str, number: u32) -> Result<Option<Rule>, String> {
    let t = line.trim();
    if t.is_empty() || t.starts_with('!') || (t.starts_with('[') && t.ends_with(']') && !t.contains("##")) {
        return Ok(None);
    }
    let (split, keep, sep_len) = match (t.find("#@#"), t.find("##")) {
        (Some(k), Some(h)) if h < k => (h, false, 2),
        (Some(k), _) => (k, true, 3),
        (None, Some(h)) => (h, false, 2),
        (None, None) => {
            if t.starts_with("||") || t.starts_with("@@") || t.contains('^') || t.contains('$') {
                return Err("network filters are not supported (Byline makes no requests); write host##selector".into());
            }
            return Err("not a rule: write host##selector to hide, host#@#selector to never hide, ##selector for every site".into());
        }
    };
    let host_part = t[..split].trim();
    let selector = t[split + sep_len..].trim();
    // On the trimmed selector: `## ^x` is as much an HTML filter as `##^x` (fuzzing found
    // the untrimmed check let it through as a rule whose own text did not parse back).
    if selector.starts_with(['+', '^', '$', '%', '?']) {
        return Err("scriptlet and HTML filters are not supported; write a CSS selector after ##".into());
    }
    let mut hosts = Vec::new();
    if !host_part.is_empty() {
        for h in host_part.split(',') {
            let h = h.trim().to_ascii_lowercase();
            if let Some(neg) = h.strip_prefix('~') {
                return Err(format!("excluding a host (~{neg}) is not supported; add a #@# rule for it instead"));
            }
            if h.contains('*') {
                return Err(format!("wildcards in hosts ({h}) are not supported; a host also covers its subdomains"));
            }
            if !valid_host(&h) {
                return Err(format!("'{h}' is not a host name"));
            }
            hosts.push(h);
        }
    }
    check_selector(selector)?;
    Ok(Some(Rule { line: number, hosts, keep, selector: selector.to_string() }))
}

/// Parses rules text. Every line is either a rule, blank, a comment, or a diagnostic.
pub fn parse(text: &str) -> RuleSet {
    let mut set = RuleSet::default();
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let number = i as u32 + 1;
        // A byte-order mark from an imported file is not part of the first rule.
        let content = if i == 0 { line.trim_start_matches('\u{feff}') } else { line };
        match parse_line(content, number) {
            Ok(Some(rule)) => set.rules.push(rule),
            Ok(None) => {}
            Err(message) => set.diagnostics.push(Diagnostic { line: number, message, text: line.to_string() }),
        }
    }
    set
}

impl RuleSet {
    /// The rules that apply on `host`, most specific first (every-site rules last), in
    /// line order within one level.
    pub fn for_host(&self, host: &str) -> Vec<&Rule> {
        let mut out: Vec<(usize, &Rule)> = self.rules.iter().filter_map(|r| Some((r.specificity(host)?, r))).collect();
        crate::sort::by_key(&mut out, |(spec, r)| ((u32::MAX - *spec as u32) as u64) << 32 | r.line as u64);
        out.into_iter().map(|(_, r)| r).collect()
    }
}

/// Which page elements one rule matched, as the adapter found them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleMatch {
    pub line: u32,
    pub keep: bool,
    /// The rule as written (for the hidden block's reason).
    pub rule: String,
    /// Matched page-model elements, in document order.
    pub nodes: Vec<NodeId>,
}

/// Per-site switches; `None` means "as the less specific host (or the default) says".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteFlags {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_clean: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hide_clutter: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hide_captions: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_badge: Option<bool>,
}

/// The switches in force on one host.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Effective {
    pub auto_clean: bool,
    pub hide_clutter: bool,
    pub hide_captions: bool,
    pub show_badge: bool,
}

impl Default for Effective {
    fn default() -> Self {
        Effective { auto_clean: false, hide_clutter: true, hide_captions: true, show_badge: true }
    }
}

/// Each switch from the most specific host that sets it (`sub.example.com`, then
/// `example.com`, …, then the `*` entry for every site), else its default.
pub fn effective(sites: &BTreeMap<String, SiteFlags>, host: &str) -> Effective {
    let mut e = Effective::default();
    let mut chain: Vec<&str> = host_chain(host);
    chain.push("*");
    let pick = |get: &dyn Fn(&SiteFlags) -> Option<bool>, default: bool| {
        chain.iter().find_map(|h| sites.get(*h).and_then(get)).unwrap_or(default)
    };
    e.auto_clean = pick(&|f| f.auto_clean, e.auto_clean);
    e.hide_clutter = pick(&|f| f.hide_clutter, e.hide_clutter);
    e.hide_captions = pick(&|f| f.hide_captions, e.hide_captions);
    e.show_badge = pick(&|f| f.show_badge, e.show_badge);
    e
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picked_rule_goes_on_a_line_of_its_own_and_parses() {
        assert_eq!(append_hide_rule("", "a.com", ".ad"), "a.com##.ad\n");
        let text = append_hide_rule("b.com##.x", "a.com", "div > p");
        assert_eq!(text, "b.com##.x\na.com##div > p\n");
        let set = parse(&text);
        assert!(set.diagnostics.is_empty());
        assert_eq!(set.for_host("a.com").len(), 1);
    }

    #[test]
    fn parses_hide_keep_global_and_comments() {
        let set = parse("\u{feff}! comment\n\nexample.com##.ad\r\nnews.example.com#@#.related\n##.newsletter\na.com, B.com##div > p.x\n[Adblock Plus 2.0]\n");
        assert!(set.diagnostics.is_empty(), "{:?}", set.diagnostics);
        let got: Vec<(u32, Vec<&str>, bool, &str)> =
            set.rules.iter().map(|r| (r.line, r.hosts.iter().map(|s| s.as_str()).collect(), r.keep, r.selector.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (3, vec!["example.com"], false, ".ad"),
                (4, vec!["news.example.com"], true, ".related"),
                (5, vec![], false, ".newsletter"),
                (6, vec!["a.com", "b.com"], false, "div > p.x"),
            ]
        );
    }

    #[test]
    fn malformed_lines_get_line_numbers_and_are_kept_in_order() {
        let text = "example.com##.ok\nthis is not a rule\n||ads.example^\nexample.com##div[class\n~x.com##.a\n##.a:has-text(Ad)\nexam ple.com##.x\n##\n##.x{color:red}";
        let set = parse(text);
        assert_eq!(set.rules.len(), 1);
        let lines: Vec<u32> = set.diagnostics.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(set.diagnostics[0].text, "this is not a rule");
        assert!(set.diagnostics[1].message.contains("network filters"));
        assert!(set.diagnostics[2].message.contains("unclosed ["));
        assert!(set.diagnostics[4].message.contains("procedural"));
        assert!(set.diagnostics[6].message.contains("empty"));
    }

    #[test]
    fn html_filter_after_spaces_is_flagged() {
        // Fuzzing regression: accepted as a rule whose text() ("##^x") did not parse back.
        let set = parse("##  ^ample.co\nexample.com## +js(x)");
        assert!(set.rules.is_empty(), "{:?}", set.rules);
        assert_eq!(set.diagnostics.iter().map(|d| d.line).collect::<Vec<_>>(), [1, 2]);
    }

    #[test]
    fn keep_separator_is_not_mistaken_for_hide() {
        let set = parse("x.com#@#a[href*='##']");
        assert!(set.rules[0].keep);
        assert_eq!(set.rules[0].selector, "a[href*='##']");
        let set = parse("x.com##a[title='#@#']");
        assert!(!set.rules[0].keep);
    }

    #[test]
    fn lookup_is_most_specific_first() {
        let set = parse("##.all\nexample.com##.site\nsub.example.com##.sub\nother.com##.other\nnotexample.com##.no");
        let sels: Vec<&str> = set.for_host("sub.example.com").iter().map(|r| r.selector.as_str()).collect();
        assert_eq!(sels, [".sub", ".site", ".all"]);
        let sels: Vec<&str> = set.for_host("example.com").iter().map(|r| r.selector.as_str()).collect();
        assert_eq!(sels, [".site", ".all"]);
    }

    #[test]
    fn hosts_and_chains() {
        assert!(host_matches("a.b.com", "b.com"));
        assert!(!host_matches("ab.com", "b.com"));
        assert_eq!(host_chain("a.b.com"), ["a.b.com", "b.com", "com"]);
        assert_eq!(host_of("https://u@Sub.Example.com:8080/x?y").as_deref(), Some("sub.example.com"));
        assert_eq!(host_of("http://[::1]:80/").as_deref(), Some("[::1]"));
        assert_eq!(host_of("about:blank"), None);
    }

    #[test]
    fn flags_follow_the_most_specific_host_per_switch() {
        let mut sites = BTreeMap::new();
        sites.insert("example.com".to_string(), SiteFlags { hide_captions: Some(false), show_badge: Some(false), ..Default::default() });
        sites.insert("sub.example.com".to_string(), SiteFlags { show_badge: Some(true), auto_clean: Some(true), ..Default::default() });
        sites.insert("*".to_string(), SiteFlags { hide_clutter: Some(false), ..Default::default() });
        let e = effective(&sites, "sub.example.com");
        assert_eq!(e, Effective { auto_clean: true, hide_clutter: false, hide_captions: false, show_badge: true });
        let e = effective(&sites, "example.com");
        assert_eq!(e, Effective { auto_clean: false, hide_clutter: false, hide_captions: false, show_badge: false });
        assert_eq!(effective(&BTreeMap::new(), "x.org"), Effective::default());
    }
}

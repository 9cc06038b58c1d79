//! Clues in the page's text: datelines (`dateline`, templates from `data/`), tails,
//! copyright lines, source labels, bylines and credit lines. Each scanner is a loop over
//! one line; none looks at running text for a bare agency name, so mentions ("told AFP",
//! "据路透社报道") never count.

mod dateline;
mod names;
#[cfg(test)]
mod tests;

pub(crate) use dateline::prepare;
pub(super) use dateline::dateline;
pub(super) use names::{name_hits, Cited};

use crate::lexicon::{agencies, attribution};
use crate::text::{fold, fold_char, is_cjk};
use names::{is_word_char, NameHit};

// ---- tunables ----
/// A tail such as "(Yonhap)" may be followed by this many characters ("(END)", "（完）").
const MAX_AFTER_TAIL_CHARS: usize = 8;
/// Longest source-label value kept (characters).
const MAX_CLAIM_CHARS: usize = 60;

const OPENERS: &[char] = &['(', '（', '【', '[', '〔'];
const CLOSERS: &[char] = &[')', '）', '】', ']', '〕'];

/// A tail closing the story: "(Yonhap)", "（共同）", "… (END)", or a closing line that
/// marks the agency unnamed ("Reporting by …; Editing by …").
pub(super) fn tail(line: &str) -> Option<(Cited, String)> {
    let text = fold(line);
    for hit in name_hits(&text).iter().rev() {
        let (s, e) = (hit.start, hit.end);
        let before = text[..s].trim_end().chars().last();
        let after = text[e..].trim_start().chars().next();
        if !before.is_some_and(|c| OPENERS.contains(&c)) || !after.is_some_and(|c| CLOSERS.contains(&c)) {
            continue;
        }
        let close = e + text[e..].find(CLOSERS).unwrap_or(0);
        let rest = &text[close..];
        if rest.chars().count() <= 1 + MAX_AFTER_TAIL_CHARS {
            let open = text[..s].rfind(OPENERS).unwrap_or(s);
            return Some((hit.cited(), text[open..].to_string()));
        }
    }
    for (i, a) in agencies().agencies.iter().enumerate() {
        for mark in &a.tail_marks {
            let found = if mark.starts_with('(') { text.ends_with(mark.as_str()) } else { text.starts_with(mark.as_str()) };
            if found {
                let name = a.names.first().map(|n| fold(n)).unwrap_or_else(|| fold(&a.canonical));
                return Some((Cited { agency: i, name }, crate::text::truncate(&text, 60)));
            }
        }
    }
    None
}

/// An agency named in a copyright or no-redistribution line.
pub(super) fn copyright(line: &str) -> Option<Cited> {
    let text = fold(line);
    let lex = attribution();
    if text.chars().count() > 300 || !lex.copyright_marks.iter().any(|m| text.contains(m.as_str())) {
        return None;
    }
    // The longest name wins ("the associated press" over "ap").
    name_hits(&text).into_iter().max_by_key(NameHit::len).map(|h| h.cited())
}

/// A credit line near the headline: the whole line is an agency name ("Reuters"), or a
/// byline ending in one ("By DANA WHITFIELD Associated Press").
pub(super) fn credit(line: &str) -> Option<Cited> {
    let text = fold(line);
    let text = text.trim_matches(|c: char| !c.is_alphanumeric());
    if text.is_empty() || text.chars().count() > 80 {
        return None;
    }
    let table = agencies();
    if let Some(&i) = table.by_name.get(text) {
        // A short Latin name must be written as the agency writes it ("AP", "AFP", "dpa")
        // or in capitals: "Aa" is a font-size button, not Anadolu.
        let raw = line.trim().trim_matches(|c: char| !c.is_alphanumeric());
        let short = text.chars().count() <= 4 && text.is_ascii();
        let written_so = table.agencies[i].names.iter().chain(std::iter::once(&table.agencies[i].canonical)).any(|n| n == raw)
            || raw.chars().all(|c| !c.is_lowercase());
        if short && !written_so {
            return None;
        }
        return Some(Cited { agency: i, name: text.to_string() });
    }
    let opener = attribution().byline_openers.iter().any(|o| {
        text.strip_prefix(o.as_str()).is_some_and(|r| r.starts_with([' ', ':', '/']) || o.chars().all(is_cjk))
    });
    if !opener {
        return None;
    }
    name_hits(text).into_iter().filter(|h| h.end == text.len()).max_by_key(NameHit::len).map(|h| h.cited())
}

/// The value after a source label in one piece of text: "来源:淄博新闻网" → "淄博新闻网".
/// `Some("")` when the label closes the text (the value is in the next text node).
pub(super) fn label_value(text: &str) -> Option<String> {
    let lex = attribution();
    let folded: Vec<char> = text.chars().map(fold_char).collect();
    let folded_s: String = folded.iter().collect();
    for m in lex.source_label_ac.find_iter(&folded_s) {
        // A Latin label opens its line or follows a separator: "Freeing the Source: The
        // Story of Mozilla" is a title, "resources:" is not "sources:".
        if folded_s[m.start()..].starts_with(is_word_char) {
            let before = folded_s[..m.start()].trim_end_matches(' ').chars().last();
            if before.is_some_and(|c| !matches!(c, '|' | '｜' | '·' | '/' | '(' | '[' | '（' | '【' | '-' | ',' | ';')) {
                continue;
            }
        }
        let rest = folded_s[m.end()..].trim_start();
        let Some(rest) = rest.strip_prefix([':', '：']) else { continue };
        let skip = folded_s[..folded_s.len() - rest.len()].chars().count();
        let original: String = text.chars().skip(skip).collect();
        return Some(cut_value(&original));
    }
    None
}

/// A label value up to the next separator.
pub(super) fn cut_value(value: &str) -> String {
    let value = crate::text::collapse(value);
    let value = value.trim();
    let Some(first) = value.chars().next() else { return String::new() };
    let out: String = if is_cjk(first) {
        value.chars().take_while(|c| !c.is_whitespace() && !matches!(c, '|' | '｜' | '/' | '，' | ',' | '　' | '：' | ':')).collect()
    } else {
        value.split(['|', '｜', '/', ';']).next().unwrap_or("").trim().to_string()
    };
    let out = out.trim_matches(|c: char| matches!(c, ' ' | '(' | ')' | '（' | '）' | '【' | '】' | '[' | ']' | '.' | '。'));
    out.chars().take(MAX_CLAIM_CHARS).collect()
}

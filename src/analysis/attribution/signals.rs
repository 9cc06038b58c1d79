//! Clues in the page's text: datelines (templates from `data/`), tails, copyright lines,
//! source labels, bylines and credit lines. Each scanner is a loop over one line; none
//! looks at running text for a bare agency name, so mentions ("told AFP", "据路透社报道")
//! never count.

use crate::analysis::dates::{find_dates, find_days, Date};
use crate::lexicon::{agencies, attribution};
use crate::text::{fold, fold_char, is_cjk};
use std::sync::OnceLock;

// ---- tunables ----
/// Longest city in a dateline (characters).
pub const MAX_CITY_CHARS: usize = 40;
/// Longest reporter name in a dateline (characters).
pub const MAX_REPORTER_CHARS: usize = 24;
/// Backtracking steps one template may take on one line.
pub const MAX_MATCH_STEPS: usize = 4000;
/// A tail such as "(Yonhap)" may be followed by this many characters ("(END)", "（完）").
pub const MAX_AFTER_TAIL_CHARS: usize = 8;

/// An agency named on the page: its index in the table and the folded name as written.
#[derive(Clone, Debug, PartialEq)]
pub struct Cited {
    pub agency: usize,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq)]
enum El {
    Lit(String),
    Name,
    City,
    Date,
    Reporter,
}

struct Template {
    els: Vec<El>,
    /// Only this agency's names fill NAME (templates from the agency table).
    agency: Option<usize>,
}

fn compile(t: &str, agency: Option<usize>) -> Template {
    let mut els = Vec::new();
    let mut lit = String::new();
    let mut rest = t;
    while let Some(c) = rest.chars().next() {
        let word = [("NAME", El::Name), ("CITY", El::City), ("DATE", El::Date), ("REPORTER", El::Reporter)]
            .into_iter()
            .find(|(w, _)| rest.starts_with(w));
        if let Some((w, el)) = word {
            if !lit.is_empty() {
                els.push(El::Lit(std::mem::take(&mut lit)));
            }
            els.push(el);
            rest = &rest[w.len()..];
            continue;
        }
        if c.is_whitespace() {
            if !lit.is_empty() {
                els.push(El::Lit(std::mem::take(&mut lit)));
            }
        } else {
            lit.push(fold_char(c));
        }
        rest = &rest[c.len_utf8()..];
    }
    if !lit.is_empty() {
        els.push(El::Lit(lit));
    }
    Template { els, agency }
}

/// Compiles the dateline templates now (see [`crate::analysis::prepare`]).
pub(crate) fn prepare() {
    templates();
}

fn templates() -> &'static [Template] {
    static T: OnceLock<Vec<Template>> = OnceLock::new();
    T.get_or_init(|| {
        let mut out: Vec<Template> = attribution().datelines.iter().map(|t| compile(t, None)).collect();
        for (i, a) in agencies().agencies.iter().enumerate() {
            out.extend(a.datelines.iter().map(|t| compile(t, Some(i))));
        }
        out
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !is_cjk(c)
}

/// Every agency name in folded `text` as (start, end, agency, pattern), Latin names only
/// on word boundaries.
pub fn name_hits(text: &str) -> Vec<(usize, usize, usize, usize)> {
    let table = agencies();
    let mut out = Vec::new();
    for m in table.names_all_ac.find_overlapping_iter(text) {
        let (s, e) = (m.start(), m.end());
        let first = text[s..e].chars().next();
        let last = text[s..e].chars().last();
        let before = text[..s].chars().last();
        let after = text[e..].chars().next();
        if first.is_some_and(is_word_char) && before.is_some_and(is_word_char) {
            continue;
        }
        if last.is_some_and(is_word_char) && after.is_some_and(is_word_char) {
            continue;
        }
        let p = m.pattern().as_usize();
        out.push((s, e, table.name_owner[p], p));
    }
    out
}

fn skip_ws(text: &str, pos: usize) -> usize {
    pos + text[pos..].len() - text[pos..].trim_start().len()
}

/// `lit` at `pos` (a `-` in the template takes a run of dashes); the end of the match.
fn match_lit(text: &str, pos: usize, lit: &str) -> Option<usize> {
    let mut t = text[pos..].char_indices().peekable();
    let mut l = lit.chars().peekable();
    let mut end = pos;
    while let Some(lc) = l.next() {
        let (i, tc) = t.next()?;
        if lc != tc {
            return None;
        }
        end = pos + i + tc.len_utf8();
        if lc == '-' {
            while l.peek() == Some(&'-') {
                l.next();
            }
            while let Some(&(i, '-')) = t.peek() {
                end = pos + i + 1;
                t.next();
            }
        }
    }
    Some(end)
}

/// A dateline found at the start of a line.
#[derive(Clone, Debug, PartialEq)]
pub struct Dateline {
    pub cited: Cited,
    pub date: Option<Date>,
    pub day: Option<u8>,
    /// The folded text the template matched.
    pub text: String,
}

#[derive(Clone)]
struct State {
    el: usize,
    pos: usize,
    cited: Option<Cited>,
    date: Option<Date>,
    day: Option<u8>,
}

/// One folded line and what the templates ask of it, computed once for all of them.
struct Line<'a> {
    text: &'a str,
    hits: &'a [(usize, usize, usize, usize)],
    names: &'a [(usize, usize)],
    memo: &'a DateMemo,
}

fn match_template(t: &Template, line: &Line) -> Option<Dateline> {
    let (text, hits, memo) = (line.text, line.hits, line.memo);
    // A match needs a NAME filled (`cited`), and an agency's own template only takes that
    // agency's names: without such a hit on the line the template cannot match.
    if t.agency.is_some_and(|a| !hits.iter().any(|h| h.2 == a)) {
        return None;
    }
    let table = agencies();
    let mut stack = vec![State { el: 0, pos: 0, cited: None, date: None, day: None }];
    let mut steps = 0;
    while let Some(st) = stack.pop() {
        steps += 1;
        if steps > MAX_MATCH_STEPS {
            return None;
        }
        let Some(el) = t.els.get(st.el) else {
            let cited = st.cited?;
            return Some(Dateline { cited, date: st.date, day: st.day, text: text[..st.pos].trim().to_string() });
        };
        let pos = skip_ws(text, st.pos);
        let next = |pos: usize| State { el: st.el + 1, pos, ..st.clone() };
        match el {
            El::Lit(l) => {
                if let Some(end) = match_lit(text, pos, l) {
                    stack.push(next(end));
                }
            }
            El::Name => {
                for &(s, e, agency, p) in hits.iter().filter(|h| h.0 == pos) {
                    if t.agency.is_some_and(|a| a != agency) {
                        continue;
                    }
                    let _ = s;
                    stack.push(State { cited: Some(Cited { agency, name: table.folded_names[p].clone() }), ..next(e) });
                }
            }
            El::City | El::Reporter => {
                let max = if *el == El::City { MAX_CITY_CHARS } else { MAX_REPORTER_CHARS };
                let mut ends = Vec::new();
                let mut letters = 0;
                for (i, c) in text[pos..].char_indices().take(max) {
                    let ok = if *el == El::City {
                        c.is_alphabetic() || matches!(c, ' ' | '.' | '\'' | '·' | ',' | '-')
                    } else {
                        !matches!(c, '(' | ')' | '（' | '）' | '【' | '】' | '[' | ']' | '=' | '〔' | '〕')
                    };
                    if !ok {
                        break;
                    }
                    letters += usize::from(c.is_alphabetic());
                    let end = pos + i + c.len_utf8();
                    let part = text[pos..end].trim();
                    // A city is never an agency ("[AP=연합뉴스]" is a photo credit).
                    if letters > 0 && !(*el == El::City && line.names.contains(&(pos, pos + part.len()))) {
                        ends.push(end);
                    }
                }
                // Shortest first: pushed last.
                for end in ends.into_iter().rev() {
                    stack.push(next(end));
                }
            }
            El::Date => match memo.at(text, pos) {
                DateAt::Date(d, e) => stack.push(State { date: Some(d), ..next(pos + e) }),
                DateAt::Day(d, e) => stack.push(State { day: Some(d), ..next(pos + e) }),
                DateAt::Neither => {}
            },
        }
    }
    None
}

/// The dateline opening `line`, if any template matches its start.
pub fn dateline(line: &str) -> Option<Dateline> {
    let text = fold(line);
    let hits = name_hits(&text);
    if hits.is_empty() {
        return None;
    }
    let memo = DateMemo::default();
    // Every span that spells an agency name, word boundaries or not (a city is never one).
    let names: Vec<(usize, usize)> = agencies().names_all_ac.find_overlapping_iter(&text).map(|m| (m.start(), m.end())).collect();
    let line = Line { text: &text, hits: &hits, names: &names, memo: &memo };
    templates().iter().filter_map(|t| match_template(t, &line)).max_by_key(|d| d.text.len())
}

/// What opens the text at a position: a full date, a bare day ("5日"), or neither.
#[derive(Clone, Copy)]
enum DateAt {
    Date(Date, usize),
    Day(u8, usize),
    Neither,
}

/// Date lookups of one line by byte position: every template and every city length that
/// reaches the same position asks the same question, and the date scanners tokenize the
/// whole rest of the line to answer it.
#[derive(Default)]
struct DateMemo(std::cell::RefCell<Vec<(usize, DateAt)>>);

impl DateMemo {
    fn at(&self, text: &str, pos: usize) -> DateAt {
        if let Some(&(_, d)) = self.0.borrow().iter().find(|(p, _)| *p == pos) {
            return d;
        }
        let rest = &text[pos..];
        let d = if let Some((d, 0, e)) = find_dates(rest).into_iter().next() {
            DateAt::Date(d, e)
        } else if let Some((d, 0, e)) = find_days(rest).into_iter().next() {
            DateAt::Day(d, e)
        } else {
            DateAt::Neither
        };
        self.0.borrow_mut().push((pos, d));
        d
    }
}

const OPENERS: &[char] = &['(', '（', '【', '[', '〔'];
const CLOSERS: &[char] = &[')', '）', '】', ']', '〕'];

/// A tail closing the story: "(Yonhap)", "（共同）", "… (END)", or a closing line that
/// marks the agency unnamed ("Reporting by …; Editing by …").
pub fn tail(line: &str) -> Option<(Cited, String)> {
    let text = fold(line);
    let table = agencies();
    for &(s, e, agency, p) in name_hits(&text).iter().rev() {
        let before = text[..s].trim_end().chars().last();
        let after = text[e..].trim_start().chars().next();
        if !before.is_some_and(|c| OPENERS.contains(&c)) || !after.is_some_and(|c| CLOSERS.contains(&c)) {
            continue;
        }
        let close = e + text[e..].find(CLOSERS).unwrap_or(0);
        let rest = &text[close..];
        if rest.chars().count() <= 1 + MAX_AFTER_TAIL_CHARS {
            let open = text[..s].rfind(OPENERS).unwrap_or(s);
            return Some((Cited { agency, name: table.folded_names[p].clone() }, text[open..].to_string()));
        }
    }
    for (i, a) in table.agencies.iter().enumerate() {
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
pub fn copyright(line: &str) -> Option<Cited> {
    let text = fold(line);
    let lex = attribution();
    if text.chars().count() > 300 || !lex.copyright_marks.iter().any(|m| text.contains(m.as_str())) {
        return None;
    }
    let table = agencies();
    // The longest name wins ("the associated press" over "ap").
    name_hits(&text)
        .into_iter()
        .max_by_key(|h| h.1 - h.0)
        .map(|(_, _, agency, p)| Cited { agency, name: table.folded_names[p].clone() })
}

/// A credit line near the headline: the whole line is an agency name ("Reuters"), or a
/// byline ending in one ("By DANA WHITFIELD Associated Press").
pub fn credit(line: &str) -> Option<Cited> {
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
    name_hits(text)
        .into_iter()
        .filter(|h| h.1 == text.len())
        .max_by_key(|h| h.1 - h.0)
        .map(|(_, _, agency, p)| Cited { agency, name: table.folded_names[p].clone() })
}

/// The value after a source label in one piece of text: "来源:淄博新闻网" → "淄博新闻网".
/// `Some("")` when the label closes the text (the value is in the next text node).
pub fn label_value(text: &str) -> Option<String> {
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
pub fn cut_value(value: &str) -> String {
    let value = crate::text::collapse(value);
    let value = value.trim();
    let Some(first) = value.chars().next() else { return String::new() };
    let out: String = if is_cjk(first) {
        value.chars().take_while(|c| !c.is_whitespace() && !matches!(c, '|' | '｜' | '/' | '，' | ',' | '　' | '：' | ':')).collect()
    } else {
        value.split(['|', '｜', '/', ';']).next().unwrap_or("").trim().to_string()
    };
    let out = out.trim_matches(|c: char| matches!(c, ' ' | '(' | ')' | '（' | '）' | '【' | '】' | '[' | ']' | '.' | '。'));
    out.chars().take(super::MAX_CLAIM_CHARS).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn canon(c: &Cited) -> &str {
        &agencies().agencies[c.agency].canonical
    }

    #[test]
    fn datelines_in_many_languages() {
        let cases = [
            ("SEOUL, Nov. 23 (Yonhap) -- South Korea's defense chief", "Yonhap", Some((11, 23))),
            ("SANTIAGO, June 12 (Reuters) - Chilean copper miner", "Reuters", Some((6, 12))),
            ("WASHINGTON (AP) — Federal regulators on Tuesday", "AP", None),
            ("Berlin (dpa) - Die Bundesregierung", "dpa", None),
            ("Madrid, 5 mar (EFE).- El Gobierno", "EFE", Some((3, 5))),
            ("PARIS, 5 mars 2025 (AFP) - Le gouvernement", "AFP", Some((3, 5))),
            ("(서울=연합뉴스) 박지현 기자 = 서울시가", "Yonhap", None),
            ("【서울=뉴시스】홍길동 기자 = 정부가", "Newsis", None),
            ("新华社北京3月5日电（记者 王立新）记者5日从水利部获悉", "Xinhua", Some((3, 5))),
            ("新華社北京３月５日電 記者", "Xinhua", Some((3, 5))),
            ("【ワシントン共同】米航空宇宙局（NASA）は4日", "Kyodo", None),
            ("中国政府网7月2日消息 今年以来", "中国政府网", Some((7, 2))),
            ("（中央社記者張三台北5日電）行政院", "CNA (Taiwan)", None),
        ];
        for (line, agency, md) in cases {
            let d = dateline(line).unwrap_or_else(|| panic!("no dateline in {line}"));
            assert_eq!(canon(&d.cited), agency, "{line}");
            if let Some((m, day)) = md {
                let date = d.date.unwrap_or_else(|| panic!("no date in {line}"));
                assert_eq!((date.month, date.day), (m, day), "{line}");
            }
        }
    }

    #[test]
    fn traps_are_not_datelines() {
        // Photo credits, mentions, captions written like datelines at the end.
        for line in [
            "[AP=연합뉴스] 기자회견 하는 대통령",
            "(AP=연합뉴스) 기자회견 하는 대통령",
            "The minister told AFP on Monday that talks would resume.",
            "据路透社报道，谈判将于下周恢复。",
            "ロイター通信によると、交渉は来週再開される。",
            "Laut dpa wurde die Sitzung vertagt.",
            "Según EFE, la reunión se aplazó.",
            "외신에 따르면 AFP통신은 이날 보도했다.",
            "Trucks carry ore at the mine. Andes Roca/Handout via REUTERS",
            "A protester in Paris. /AFP/Getty Images",
        ] {
            assert_eq!(dateline(line), None, "{line}");
            assert_eq!(tail(line), None, "{line}");
        }
    }

    #[test]
    fn tails() {
        let cases = [
            ("… the ministry said. (Yonhap)", "Yonhap"),
            ("… the ministry said. (END)", "Yonhap"),
            ("予算審議の行方が焦点となる。（共同）", "Kyodo"),
            ("Reporting by Ana Lopez; Editing by Mark Potter", "Reuters"),
            ("这项工作将持续到4月。（新华社）", "Xinhua"),
            ("Die Gespräche gehen weiter. (dpa)", "dpa"),
        ];
        for (line, agency) in cases {
            let (c, _) = tail(line).unwrap_or_else(|| panic!("no tail in {line}"));
            assert_eq!(canon(&c), agency, "{line}");
        }
    }

    #[test]
    fn copyright_and_credit_lines() {
        assert_eq!(canon(&copyright("Copyright 2025 The Associated Press. All rights reserved.").unwrap()), "AP");
        assert_eq!(canon(&copyright("<저작권자(c) 연합뉴스, 무단 전재-재배포, AI 학습 및 활용 금지>").unwrap()), "Yonhap");
        assert_eq!(canon(&copyright("版权所有 新华社 未经授权不得转载").unwrap()), "Xinhua");
        assert_eq!(copyright("© Copyright 2025 The Millbrook Ledger"), None);
        assert_eq!(canon(&credit("Reuters").unwrap()), "Reuters");
        assert_eq!(canon(&credit("By DANA WHITFIELD Associated Press").unwrap()), "AP");
        assert_eq!(canon(&credit("Von Anna Schmidt, dpa").unwrap()), "dpa");
        assert_eq!(credit("By Jane Doe, staff writer"), None);
        assert_eq!(credit("Photos from the AP archive"), None);
        assert_eq!(credit("Aa"), None);
        assert_eq!(canon(&credit("AFP").unwrap()), "AFP");
        assert_eq!(label_value("\"Freeing the Source: The Story of Mozilla\""), None);
        assert_eq!(label_value("Photo | Source: Reuters").as_deref(), Some("Reuters"));
    }

    #[test]
    fn labels() {
        assert_eq!(label_value("来源：中国政府网").as_deref(), Some("中国政府网"));
        assert_eq!(label_value("发表于 2024-09-22 01:06:18|来源:淄博新闻网").as_deref(), Some("淄博新闻网"));
        assert_eq!(label_value("Quelle: dpa / Reuters").as_deref(), Some("dpa"));
        assert_eq!(label_value("Fuente: Agencia EFE").as_deref(), Some("Agencia EFE"));
        assert_eq!(label_value("출처 : 연합뉴스").as_deref(), Some("연합뉴스"));
        assert_eq!(label_value("引用元：").as_deref(), Some(""));
        assert_eq!(label_value("All resources: free"), None);
    }
}

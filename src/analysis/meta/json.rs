//! A tiny tolerant JSON reader for JSON-LD blocks: values in a flat arena, parsed by one
//! loop with an explicit stack (no recursion, whatever the nesting). Tolerates what pages
//! put around and inside ld+json (HTML comments, CDATA, trailing commas, several
//! top-level values); on broken input it keeps what it read so far.

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// Numbers are kept as written: JSON-LD only needs them as text.
    Num(String),
    Str(String),
    Arr(Vec<u32>),
    Obj(Vec<(String, u32)>),
}

/// Parsed values; `roots` are the top-level values in order.
#[derive(Debug, Default)]
pub(crate) struct JsonDoc {
    pub(crate) vals: Vec<Json>,
    pub(crate) roots: Vec<u32>,
}

/// Values deeper than this are skipped (a hostile page must not grow the stack unbounded).
const MAX_DEPTH: usize = 64;
/// At most this many values are kept per document.
const MAX_VALUES: usize = 20_000;

/// Parses `text` (see the module's doc for what it tolerates).
pub(crate) fn parse(text: &str) -> JsonDoc {
    let mut p = Parser { text, b: text.as_bytes(), i: 0, doc: JsonDoc::default(), stack: Vec::new() };
    while p.i < p.b.len() && p.doc.vals.len() < MAX_VALUES {
        if let Some(value) = p.value() {
            p.push(value);
        }
    }
    p.doc
}

/// The parse under way.
struct Parser<'t> {
    text: &'t str,
    b: &'t [u8],
    /// The next byte to read.
    i: usize,
    doc: JsonDoc,
    /// Open containers and, for objects, the key waiting for its value.
    stack: Vec<(u32, Option<String>)>,
}

impl Parser<'_> {
    /// Reads at `i`: the next value, or `None` after passing over a separator, a closing
    /// bracket, a key (kept for the value after it) or anything that is not JSON.
    fn value(&mut self) -> Option<Json> {
        let (b, c) = (self.b, self.b[self.i]);
        match c {
            _ if c.is_ascii_whitespace() || c == b',' || c == b':' => self.i += 1,
            b'}' | b']' => {
                self.stack.pop();
                self.i += 1;
            }
            b'"' => return self.string_or_key(),
            b'{' | b'[' => {
                self.i += 1;
                return Some(if c == b'{' { Json::Obj(Vec::new()) } else { Json::Arr(Vec::new()) });
            }
            // "-->" and other stray dashes.
            b'-' if !b.get(self.i + 1).is_some_and(u8::is_ascii_digit) => self.i += 1,
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => return self.word(),
            // Anything else (`<!--`, `<![CDATA[`, stray characters): skip one character.
            _ => self.i += self.text[self.i..].chars().next().map_or(1, char::len_utf8),
        }
        None
    }

    /// A string value, or `None` when it is an object's key (a ':' follows), kept for the
    /// value after it.
    fn string_or_key(&mut self) -> Option<Json> {
        let (s, next) = string_at(self.text, self.i);
        self.i = next;
        if let Some((top, key @ None)) = self.stack.last_mut() {
            if matches!(self.doc.vals[*top as usize], Json::Obj(_)) {
                let rest = &self.b[next..];
                let colon = rest.iter().position(|c| !c.is_ascii_whitespace());
                if colon.is_some_and(|k| rest[k] == b':') {
                    *key = Some(s);
                    return None;
                }
            }
        }
        Some(Json::Str(s))
    }

    /// A number or literal; `None` for a bare word, which is no JSON.
    fn word(&mut self) -> Option<Json> {
        let (b, start) = (self.b, self.i);
        while self.i < b.len() && (b[self.i].is_ascii_alphanumeric() || matches!(b[self.i], b'-' | b'+' | b'.')) {
            self.i += 1;
        }
        match &self.text[start..self.i] {
            "true" => Some(Json::Bool(true)),
            "false" => Some(Json::Bool(false)),
            "null" => Some(Json::Null),
            w if b[start] == b'-' || b[start].is_ascii_digit() => Some(Json::Num(w.to_string())),
            _ => None,
        }
    }

    /// Stores a value in the open container (or as a root) and opens it if it is one.
    fn push(&mut self, value: Json) {
        let is_container = matches!(value, Json::Obj(_) | Json::Arr(_));
        let id = self.doc.vals.len() as u32;
        self.doc.vals.push(value);
        match self.stack.last_mut() {
            None => self.doc.roots.push(id),
            Some((top, key)) => match &mut self.doc.vals[*top as usize] {
                Json::Obj(members) => {
                    if let Some(k) = key.take() {
                        members.push((k, id));
                    }
                }
                Json::Arr(items) => items.push(id),
                _ => {}
            },
        }
        if is_container {
            if self.stack.len() >= MAX_DEPTH {
                // Too deep: skip to the matching close by counting brackets outside strings.
                self.i = skip_container(self.b, self.i);
            } else {
                self.stack.push((id, None));
            }
        }
    }
}

/// The end of the container whose opening bracket was just before `i`.
fn skip_container(b: &[u8], mut i: usize) -> usize {
    let mut depth = 1usize;
    let mut in_str = false;
    while i < b.len() && depth > 0 {
        match (in_str, b[i]) {
            (true, b'\\') => i += 1,
            (true, b'"') => in_str = false,
            (false, b'"') => in_str = true,
            (false, b'{' | b'[') => depth += 1,
            (false, b'}' | b']') => depth -= 1,
            _ => {}
        }
        i += 1;
    }
    i
}

/// The string starting at the quote at `i`, unescaped, and the index after its closing quote.
fn string_at(text: &str, i: usize) -> (String, usize) {
    let b = text.as_bytes();
    let mut out = String::new();
    let mut k = i + 1;
    let mut run = k;
    while k < b.len() {
        match b[k] {
            b'"' => {
                out.push_str(&text[run..k]);
                return (out, k + 1);
            }
            b'\\' if k + 1 < b.len() => {
                out.push_str(&text[run..k]);
                let e = b[k + 1];
                k += 2;
                match e {
                    b'n' => out.push('\n'),
                    b't' => out.push('\t'),
                    b'r' => out.push('\r'),
                    b'b' | b'f' => out.push(' '),
                    b'u' => {
                        let hex = |at: usize| text.get(at..at + 4).and_then(|h| u32::from_str_radix(h, 16).ok());
                        if let Some(mut cp) = hex(k) {
                            k += 4;
                            if (0xd800..0xdc00).contains(&cp) && text.get(k..k + 2) == Some("\\u") {
                                if let Some(lo) = hex(k + 2).filter(|lo| (0xdc00..0xe000).contains(lo)) {
                                    cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
                                    k += 6;
                                }
                            }
                            out.push(char::from_u32(cp).unwrap_or('\u{fffd}'));
                        }
                    }
                    _ => {
                        // \" \\ \/ and anything else: the character itself (k is past it).
                        let ch_start = k - 1;
                        let ch = text[ch_start..].chars().next().unwrap_or('\\');
                        out.push(ch);
                        k = ch_start + ch.len_utf8();
                    }
                }
                run = k;
            }
            _ => k += 1,
        }
    }
    out.push_str(&text[run.min(b.len())..]);
    (out, b.len())
}

impl JsonDoc {
    pub(crate) fn get(&self, obj: u32, key: &str) -> Option<u32> {
        match &self.vals[obj as usize] {
            Json::Obj(m) => m.iter().find(|(k, _)| k == key).map(|(_, v)| *v),
            _ => None,
        }
    }
    pub(crate) fn str(&self, v: u32) -> Option<&str> {
        match &self.vals[v as usize] {
            Json::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }
    /// The value itself, or the items of an array (one level).
    pub(crate) fn items(&self, v: u32) -> Vec<u32> {
        match &self.vals[v as usize] {
            Json::Arr(items) => items.clone(),
            _ => vec![v],
        }
    }
    /// Types of an object (`@type` as a string or a list of strings).
    pub(crate) fn types(&self, obj: u32) -> Vec<&str> {
        self.get(obj, "@type").map(|t| self.items(t).into_iter().filter_map(|i| self.str(i)).collect()).unwrap_or_default()
    }
    /// A thing's name: a string value itself, else the object's `name` (or `legalName`).
    pub(crate) fn name(&self, v: u32) -> Option<&str> {
        match &self.vals[v as usize] {
            Json::Str(s) => Some(s.as_str()),
            Json::Obj(_) => ["name", "legalName", "alternateName"].iter().find_map(|k| self.get(v, k).and_then(|n| self.str(n))),
            _ => None,
        }
    }
    /// Every object in the document.
    pub(crate) fn objects(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.vals.len() as u32).filter(|&i| matches!(self.vals[i as usize], Json::Obj(_)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_json_ld() {
        let d = parse(r#"<!--{"@context":"https://schema.org","@graph":[{"@type":["NewsArticle"],"author":[{"@type":"Organization","name":"The Associated Press"}],"n":-1.5e3,"ok":true,"x":null,"publisher":{"name":"Ledger \u00e9\"q\" \ud83d\ude00"},}]}-->"#);
        assert_eq!(d.roots.len(), 1);
        let art = d.objects().find(|&o| d.types(o) == ["NewsArticle"]).unwrap();
        let author = d.items(d.get(art, "author").unwrap())[0];
        assert_eq!(d.name(author), Some("The Associated Press"));
        assert_eq!(d.types(author), ["Organization"]);
        assert_eq!(d.name(d.get(art, "publisher").unwrap()), Some("Ledger é\"q\" 😀"));
        assert_eq!(d.vals[d.get(art, "n").unwrap() as usize], Json::Num("-1.5e3".into()));
    }

    #[test]
    fn survives_broken_and_deep_input() {
        let d = parse(r#"{"a": "unterminated"#);
        assert_eq!(d.str(d.get(d.roots[0], "a").unwrap()), Some("unterminated"));
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        let d = parse(&deep);
        assert!(d.vals.len() <= MAX_DEPTH + 1);
        let d = parse("garbage { \"k\": [1, 2,], } tail");
        assert_eq!(d.items(d.get(d.roots[0], "k").unwrap()).len(), 2);
    }
}

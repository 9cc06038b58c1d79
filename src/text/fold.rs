//! Text normalised for matching: folded (`fold_char`, whitespace collapsed), squashed
//! (only letters and digits), collapsed (whitespace only, case kept). ASCII takes byte
//! paths without the Unicode tables.

use super::chars::{ascii_space, char_at, is_cjk, utf8, INVISIBLE_CHARS};

/// Folds a character for matching: full-width ASCII to ASCII, ideographic space to a
/// space, curly quotes to straight ones, lower case. A cheap subset of NFKC + case fold
/// that covers what news pages use, without Unicode tables in the wasm.
#[inline]
pub(crate) fn fold_char(c: char) -> char {
    // Most characters are ASCII or CJK, which have cheap answers; only the rest pay for
    // the Unicode case tables.
    if c.is_ascii() {
        return if c == '`' { '\'' } else { c.to_ascii_lowercase() };
    }
    if is_cjk(c) {
        return c;
    }
    let c = match c as u32 {
        0xff01..=0xff5e => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        0x3000 | 0xa0 | 0x2002..=0x200a => ' ',
        0x2018 | 0x2019 | 0x2032 | 0x60 => '\'',
        0x201c | 0x201d => '"',
        0x2013 | 0x2014 => '-',
        _ => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// `fold_char` of an ASCII byte.
#[inline]
fn fold_ascii(b: u8) -> u8 {
    if b == b'`' {
        b'\''
    } else {
        b.to_ascii_lowercase()
    }
}

/// Folded text with whitespace runs collapsed to one space and trimmed.
pub(crate) fn fold(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    fold_bytes(s, &mut out, &mut false);
    utf8(out)
}

/// Appends `fold(s)` to `out`, continuing a whitespace run pending from earlier text
/// (`space`): a pending space is written only before the next non-space character, and
/// never at the start of `out`. ASCII (most of any page) takes a byte path without the
/// Unicode tables. Only whole characters are written, so `out` stays UTF-8.
pub(super) fn fold_bytes(s: &str, out: &mut Vec<u8>, space: &mut bool) {
    let bytes = s.as_bytes();
    if s.is_ascii() && fold_ascii_words(bytes, out, space) {
        return;
    }
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            if ascii_space(b) {
                *space = !out.is_empty();
                continue;
            }
            if *space {
                out.push(b' ');
                *space = false;
            }
            out.push(fold_ascii(b));
            continue;
        }
        let raw = char_at(s, i);
        i += raw.len_utf8();
        let c = fold_char(raw);
        if c.is_whitespace() {
            *space = !out.is_empty();
            continue;
        }
        if *space {
            out.push(b' ');
            *space = false;
        }
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

/// `fold_bytes` of ASCII text whose words are separated by single spaces (most text):
/// copied whole and folded in place, loops the compiler runs many bytes at a time.
/// False, with nothing written, for any other text.
fn fold_ascii_words(bytes: &[u8], out: &mut Vec<u8>, space: &mut bool) -> bool {
    let Some(first) = bytes.iter().position(|&b| !ascii_space(b)) else {
        // Only whitespace.
        if !bytes.is_empty() {
            *space = !out.is_empty();
        }
        return true;
    };
    let last = bytes.iter().rposition(|&b| !ascii_space(b)).unwrap_or(first);
    let words = &bytes[first..=last];
    let mut odd = false;
    let mut prev_space = false;
    for &b in words {
        let sp = b == b' ';
        odd |= matches!(b, b'\t'..=b'\r') | (sp & prev_space);
        prev_space = sp;
    }
    if odd {
        return false;
    }
    if first > 0 {
        *space = !out.is_empty();
    }
    if *space {
        out.push(b' ');
    }
    let from = out.len();
    out.extend_from_slice(words);
    for b in &mut out[from..] {
        *b = fold_ascii(*b);
    }
    *space = last + 1 < bytes.len();
    true
}

/// Only letters and digits, folded: "Foo, bar." and "foo bar" squash alike.
pub(crate) fn squash(s: &str) -> String {
    let mut out = Vec::with_capacity(s.len());
    squash_bytes(s, &mut out);
    utf8(out)
}

/// Appends the letters and digits of ASCII text to `out`, lower-cased (`squash` of ASCII):
/// every byte is written and the write position moves past the kept ones, no branch per
/// byte.
pub(super) fn squash_ascii(bytes: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    out.resize(start + bytes.len(), 0);
    let dst = &mut out[start..];
    let mut w = 0;
    for (&b, _) in bytes.iter().zip(0..dst.len()) {
        // For a letter or digit, `b | 0x20` is its lower case (digits have the bit set).
        let l = b | 0x20;
        let keep = l.wrapping_sub(b'a') < 26 || b.wrapping_sub(b'0') < 10;
        if let Some(d) = dst.get_mut(w) {
            *d = l;
        }
        w += usize::from(keep);
    }
    out.truncate(start + w);
}

/// `squash` of each group's pieces joined: `pieces` gives (group, text) in reading order,
/// and the answer has one string per group below `groups` (pieces of other groups are
/// ignored), in one pass over the pieces.
pub(crate) fn squash_groups<'a>(groups: usize, pieces: impl IntoIterator<Item = (usize, &'a str)>) -> Vec<String> {
    let mut out: Vec<Vec<u8>> = vec![Vec::new(); groups];
    for (g, s) in pieces {
        if let Some(buf) = out.get_mut(g) {
            squash_bytes(s, buf);
        }
    }
    out.into_iter().map(utf8).collect()
}

/// Appends `squash(s)` to `out` (whole characters only).
fn squash_bytes(s: &str, out: &mut Vec<u8>) {
    if s.is_ascii() {
        squash_ascii(s.as_bytes(), out);
        return;
    }
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b < 0x80 {
            if b.is_ascii_alphanumeric() {
                out.push(b.to_ascii_lowercase());
            }
        } else if b >= 0xc0 {
            // The first byte of a character; its continuation bytes are passed over.
            let c = fold_char(char_at(s, i));
            if c.is_alphanumeric() {
                let mut buf = [0u8; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
}

/// Whitespace collapsed and trimmed, case kept, invisible characters dropped.
pub(crate) fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    collapse_into(s, &mut out, &mut false);
    out
}

/// Appends `collapse(s)` to `out`, continuing a whitespace run pending from earlier text
/// (`space`) as `fold_bytes` does: `collapse` of a concatenation, piece by piece. A word
/// made only of invisible characters leaves no trace (not even its space).
pub(crate) fn collapse_into(s: &str, out: &mut String, space: &mut bool) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if ascii_space(b) {
                *space = true;
                i += 1;
                continue;
            }
            // A run of visible ASCII is copied whole.
            let run = bytes[i..].iter().position(|&x| x >= 0x80 || ascii_space(x)).map_or(bytes.len(), |k| i + k);
            if *space && !out.is_empty() {
                out.push(' ');
            }
            *space = false;
            out.push_str(&s[i..run]);
            i = run;
            continue;
        }
        let c = char_at(s, i);
        i += c.len_utf8();
        if c.is_whitespace() {
            *space = true;
        } else if !INVISIBLE_CHARS.contains(&c) {
            if *space && !out.is_empty() {
                out.push(' ');
            }
            *space = false;
            out.push(c);
        }
    }
}

//! Characters: which are CJK, which are invisible, byte-level helpers for the fast
//! paths, and cutting text by characters.

/// A CJK character: kana, Han (with extension A and the compatibility ideographs), Hangul
/// syllables and jamo.
#[inline]
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff
        | 0xac00..=0xd7af | 0x1100..=0x11ff | 0x3130..=0x318f)
}

/// Characters that take no room on screen and are not whitespace either: soft hyphens
/// (hyphenation hints), zero-width spaces (line-break hints), byte-order marks. A reader
/// never sees them, so the text Byline reports leaves them out.
pub(crate) const INVISIBLE_CHARS: &[char] = &['\u{ad}', '\u{200b}', '\u{feff}'];

/// `char::is_whitespace` of an ASCII byte (which, unlike `u8::is_ascii_whitespace`,
/// includes the vertical tab).
#[inline]
pub(super) fn ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

/// The character starting at byte `i` of `s` (a char boundary below `s.len()`).
#[inline]
pub(super) fn char_at(s: &str, i: usize) -> char {
    s[i..].chars().next().unwrap_or(' ')
}

/// Bytes this module wrote from whole characters, as a `String` (validation only: the
/// fallback never runs).
pub(super) fn utf8(v: Vec<u8>) -> String {
    String::from_utf8(v).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// The first `chars` characters of `s` (all of it when shorter).
pub(crate) fn prefix(s: &str, chars: usize) -> &str {
    match s.char_indices().nth(chars) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// At most `max` characters, with an ellipsis when cut.
pub(crate) fn truncate(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

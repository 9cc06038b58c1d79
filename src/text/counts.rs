//! Counts of a piece of text: characters, CJK characters, clause breaks.

use super::chars::{ascii_space, char_at, is_cjk};

/// Counts of one piece of text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct TextCounts {
    /// Non-whitespace characters.
    pub chars: u32,
    /// Of which CJK (Han, kana, Hangul).
    pub cjk: u32,
    /// Commas and their CJK forms (，、。 count as clause breaks).
    pub commas: u32,
}

/// A CJK character carries about as much as this many Latin characters.
const CJK_WEIGHT: u32 = 3;

impl TextCounts {
    pub(crate) fn of(s: &str) -> Self {
        let bytes = s.as_bytes();
        if s.is_ascii() {
            // Most text is ASCII: count without decoding, in byte-wide counters the
            // compiler can run many to a register.
            let (mut spaces, mut commas) = (0u32, 0u32);
            for chunk in bytes.chunks(255) {
                let (mut sp, mut co) = (0u8, 0u8);
                for &b in chunk {
                    sp += u8::from(ascii_space(b));
                    co += u8::from(b == b',' || b == b';');
                }
                spaces += u32::from(sp);
                commas += u32::from(co);
            }
            return TextCounts { chars: bytes.len() as u32 - spaces, cjk: 0, commas };
        }
        let mut t = TextCounts::default();
        for (i, &b) in bytes.iter().enumerate() {
            if b < 0x80 {
                if !ascii_space(b) {
                    t.chars += 1;
                    t.commas += u32::from(b == b',' || b == b';');
                }
            } else if b >= 0xc0 {
                // The first byte of a character; its continuation bytes are passed over.
                let c = char_at(s, i);
                if c.is_whitespace() {
                    continue;
                }
                t.chars += 1;
                if is_cjk(c) {
                    t.cjk += 1;
                } else if matches!(c, '，' | '、' | '。' | '､' | '；') {
                    t.commas += 1;
                }
            }
        }
        t
    }

    /// Length in "Latin-equivalent" characters.
    pub(crate) fn weight(&self) -> u32 {
        self.chars - self.cjk + self.cjk * CJK_WEIGHT
    }
    pub(crate) fn add(&mut self, o: &TextCounts) {
        self.chars += o.chars;
        self.cjk += o.cjk;
        self.commas += o.commas;
    }
}

//! The shape of a page's address, as the page-type classifier reads it: how deep, how
//! long and wordy its last segment, whether a date sits in the path.

/// The shape of an address's path.
#[derive(Default)]
pub(super) struct UrlShape {
    /// Non-empty path segments.
    pub depth: u32,
    /// Words of the last segment (split on `-` and `_`) ...
    pub slug_words: u32,
    /// ... and its length in characters, without a file extension (`.html`, `.php`).
    pub slug_chars: u32,
    /// The longest run of digits in the path.
    pub digit_run: u32,
    /// A date in the path: `/2024/05/`, `2024-05-12`, `20240512`.
    pub date: bool,
}

impl UrlShape {
    #[inline(never)]
    pub(super) fn of(url: &str) -> UrlShape {
        let url = url.as_bytes();
        let after_scheme = find(url, b"://").map_or(0, |k| k + 3);
        let rest = &url[after_scheme..];
        let rest = &rest[..rest.iter().position(|&b| b == b'?' || b == b'#').unwrap_or(rest.len())];
        let path = &rest[rest.iter().position(|&b| b == b'/').unwrap_or(rest.len())..];
        let segments: Vec<&[u8]> = path.split(|&b| b == b'/').filter(|s| !s.is_empty()).collect();
        let last = segments.last().copied().unwrap_or(b"");
        let stem = match last.iter().rposition(|&b| b == b'.') {
            Some(k) if (2..=5).contains(&(last.len() - k - 1)) && last[k + 1..].iter().all(u8::is_ascii_alphabetic) => &last[..k],
            _ => last,
        };
        let digit_run = path.split(|b| !b.is_ascii_digit()).map(|run| run.len() as u32).max().unwrap_or(0);
        UrlShape {
            depth: segments.len() as u32,
            slug_words: stem.split(|&b| b == b'-' || b == b'_').filter(|w| !w.is_empty()).count() as u32,
            // Characters, not bytes: UTF-8 continuation bytes are not counted.
            slug_chars: stem.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u32,
            digit_run,
            date: has_date(&segments),
        }
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// A year segment followed by a month segment, `yyyy-mm-dd` in a segment, or a run of
/// exactly eight digits that starts with a year.
fn has_date(segments: &[&[u8]]) -> bool {
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    let year = |s: &[u8]| s.len() == 4 && (s.starts_with(b"19") || s.starts_with(b"20")) && digits(s);
    let month = |s: &[u8]| (1..=2).contains(&s.len()) && digits(s);
    segments.windows(2).any(|w| year(w[0]) && month(w[1]))
        || segments.iter().any(|&b| {
            b.windows(10).any(|w| year(&w[..4]) && w[4] == b'-' && digits(&w[5..7]) && w[7] == b'-' && digits(&w[8..10]))
                || b.split(|c| !c.is_ascii_digit()).any(|run| run.len() == 8 && year(&run[..4]))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_shapes() {
        let u = UrlShape::of("https://example.com/2024/05/12/council-approves-new-bridge-plan/");
        assert_eq!((u.depth, u.slug_words, u.date), (4, 5, true));
        let u = UrlShape::of("https://shop.example/p/blue-shirt.html?ref=nav");
        assert_eq!((u.depth, u.slug_words, u.slug_chars, u.date), (2, 2, 10, false));
        let u = UrlShape::of("https://news.example.cn/a/20240512/123456789.shtml");
        assert_eq!((u.date, u.digit_run), (true, 9));
        let u = UrlShape::of("https://example.org/");
        assert_eq!((u.depth, u.slug_words, u.date), (0, 0, false));
        let u = UrlShape::of("https://example.org/news/2024-05-12-storm");
        assert!(u.date);
        let u = UrlShape::of("not a url ü/é");
        assert_eq!(u.depth, 1);
    }
}

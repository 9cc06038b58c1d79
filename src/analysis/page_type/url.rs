//! The shape of a page's address, as the page-type classifier reads it: how deep, how
//! long and wordy its last segment, whether a date sits in the path.

/// The shape of an address's path.
#[derive(Default)]
pub(super) struct UrlShape {
    /// Non-empty path segments.
    pub depth: u32,
    /// Words of the last segment (split on `-` and `_`) ...
    pub slug_words: u32,
    /// ... and its length in characters, without a file extension.
    pub slug_chars: u32,
    /// The longest run of digits in the path.
    pub digit_run: u32,
    /// A date in the path: `/2024/05/`, `2024-05-12`, `20240512`.
    pub date: bool,
    pub query: bool,
    /// The last segment ends in `.html`, `.htm`, `.shtml`, `.php`, `.asp(x)`, `.jsp`.
    pub file_ext: bool,
}

impl UrlShape {
    pub(super) fn of(url: &str) -> UrlShape {
        let rest = url.split_once("://").map_or(url, |(_, r)| r);
        let (rest, query) = match rest.find(['?', '#']) {
            Some(q) => (&rest[..q], rest[q..].starts_with('?') && rest.len() > q + 1),
            None => (rest, false),
        };
        let path = rest.find('/').map_or("", |p| &rest[p..]);
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let last = segments.last().copied().unwrap_or("");
        let (stem, ext) = last.rsplit_once('.').unwrap_or((last, ""));
        let file_ext = matches!(ext.to_ascii_lowercase().as_str(), "html" | "htm" | "shtml" | "php" | "asp" | "aspx" | "jsp");
        let stem = if file_ext { stem } else { last };
        let mut digit_run = 0u32;
        let mut run = 0u32;
        for b in path.bytes() {
            run = if b.is_ascii_digit() { run + 1 } else { 0 };
            digit_run = digit_run.max(run);
        }
        let year = |s: &[u8]| s.len() == 4 && (s.starts_with(b"19") || s.starts_with(b"20")) && s.iter().all(u8::is_ascii_digit);
        let month = |s: &[u8]| (1..=2).contains(&s.len()) && s.iter().all(u8::is_ascii_digit);
        let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
        let date = segments.windows(2).any(|w| year(w[0].as_bytes()) && month(w[1].as_bytes()))
            || segments.iter().any(|s| {
                let b = s.as_bytes();
                // yyyy-mm-dd anywhere, or yyyymmdd as a run of exactly eight digits.
                b.windows(10).any(|w| year(&w[..4]) && w[4] == b'-' && digits(&w[5..7]) && w[7] == b'-' && digits(&w[8..10]))
                    || (0..b.len().saturating_sub(7)).any(|k| {
                        (k == 0 || !b[k - 1].is_ascii_digit())
                            && (k + 8 == b.len() || !b[k + 8].is_ascii_digit())
                            && year(&b[k..k + 4])
                            && digits(&b[k + 4..k + 8])
                    })
            });
        UrlShape {
            depth: segments.len() as u32,
            slug_words: stem.split(['-', '_']).filter(|w| !w.is_empty()).count() as u32,
            slug_chars: stem.chars().count() as u32,
            digit_run,
            date,
            query,
            file_ext,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_shapes() {
        let u = UrlShape::of("https://example.com/2024/05/12/council-approves-new-bridge-plan/");
        assert_eq!((u.depth, u.slug_words, u.date, u.query, u.file_ext), (4, 5, true, false, false));
        let u = UrlShape::of("https://shop.example/p/blue-shirt.html?ref=nav");
        assert_eq!((u.depth, u.slug_words, u.slug_chars, u.date, u.query, u.file_ext), (2, 2, 10, false, true, true));
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

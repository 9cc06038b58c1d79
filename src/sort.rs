//! One stable sort for the whole crate. The standard library's sorts are generic: each
//! element type gets its own copy (about 3 KB of wasm for a stable sort), and the core
//! sorted ten types. Here every caller maps its elements to a `u64` key, the keys with
//! their positions are sorted by the one `sort_unstable` on `(u64, u32)`, and the
//! elements are moved into that order: stable (equal keys keep their order), O(n log n),
//! and a few dozen bytes per caller.

/// Sorts `v` by `key`, stably.
pub(crate) fn by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<(u64, u32)> = v.iter().enumerate().map(|(i, x)| (key(x), i as u32)).collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.iter().filter_map(|&(_, i)| slots[i as usize].take()));
}

/// A key that orders floats from the largest down (`total_cmp` order, reversed).
pub(crate) fn f32_descending(x: f32) -> u32 {
    let bits = x.to_bits();
    // Flip to an unsigned total order (negative numbers reversed), then reverse it.
    let ascending = if bits >> 31 == 1 { !bits } else { bits | 1 << 31 };
    !ascending
}

/// A key for "nearest to `start` first, those at or after it before those before it".
pub(crate) fn nearest_after(n: u32, start: u32) -> u64 {
    if n >= start {
        (n - start) as u64
    } else {
        1 << 32 | (start - n) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_and_ordered() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn floats_descending_like_total_cmp() {
        let xs = [0.5f32, -1.0, 0.0, -0.0, f32::INFINITY, 3.25, -7.5, f32::NEG_INFINITY, 1e-30];
        let mut a: Vec<f32> = xs.to_vec();
        a.sort_by(|x, y| y.total_cmp(x));
        let mut b: Vec<f32> = xs.to_vec();
        by_key(&mut b, |&x| f32_descending(x) as u64);
        assert_eq!(a.iter().map(|x| x.to_bits()).collect::<Vec<_>>(), b.iter().map(|x| x.to_bits()).collect::<Vec<_>>());
    }

    #[test]
    fn nearest_after_orders_like_the_tuple_key() {
        let start = 10u32;
        let mut a: Vec<u32> = vec![3, 10, 12, 9, 40, 0, 11];
        let mut b = a.clone();
        a.sort_by_key(|&n| if n >= start { (0, n - start) } else { (1, start - n) });
        by_key(&mut b, |&n| nearest_after(n, start));
        assert_eq!(a, b);
    }
}

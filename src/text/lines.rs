//! A subtree's text as lines, one per block.

use super::fold::collapse;
use crate::tags::{is_block, is_invisible_tag};
use crate::page::{NodeId, Page};

/// Text of a subtree as lines, one per block (the rules of `html2text.py`), skipping
/// invisible elements, `[hidden]` subtrees and every subtree for which `skip` is true.
pub(crate) fn block_lines(page: &Page, roots: &[NodeId], skip: &dyn Fn(NodeId) -> bool) -> Vec<String> {
    let mut lines = Vec::new();
    let mut cur = String::new();
    for &root in roots {
        flush(&mut cur, &mut lines);
        // Ends of the open block elements, innermost last.
        let mut open_blocks: Vec<NodeId> = Vec::new();
        let mut i = root;
        let end = page.end(root);
        while i < end {
            while open_blocks.last().is_some_and(|&e| e <= i) {
                open_blocks.pop();
                flush(&mut cur, &mut lines);
            }
            if let Some(t) = page.text(i) {
                cur.push_str(t);
                i += 1;
                continue;
            }
            let tag = page.tag(i);
            if skip(i) || is_invisible_tag(tag) || page.attr(i, "hidden").is_some() {
                i = page.end(i);
                continue;
            }
            if is_block(tag) {
                flush(&mut cur, &mut lines);
                open_blocks.push(page.end(i));
            }
            i += 1;
        }
        flush(&mut cur, &mut lines);
    }
    lines
}

fn flush(cur: &mut String, lines: &mut Vec<String>) {
    if !cur.is_empty() {
        let line = collapse(cur);
        if !line.is_empty() {
            lines.push(line);
        }
        cur.clear();
    }
}

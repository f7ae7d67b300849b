//! Doc Markdown as HTML. Almost every doc is plain paragraphs (the intro adds a few
//! headings) holding code spans and the `` [`label`](#anchor) `` links this backend writes
//! itself. Those are written here in one pass, byte for byte as pulldown-cmark writes them;
//! a doc with anything else (lists, emphasis, entities, outside links, ...) goes to
//! pulldown-cmark whole, so the result never depends on which path ran.

/// Appends `md` as HTML. Raw HTML in docs is shown as text: docs cannot break the page.
pub(super) fn push(out: &mut String, md: &str) {
    let start = out.len();
    if simple(out, md).is_none() {
        out.truncate(start);
        full(out, md);
    }
}

/// Every doc through pulldown-cmark.
pub(super) fn full(out: &mut String, md: &str) {
    use pulldown_cmark::{Event, Options, Parser};
    let parser = Parser::new_ext(md, Options::ENABLE_TABLES).map(|e| match e {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        e => e,
    });
    pulldown_cmark::html::push_html(out, parser);
}

/// Writes a doc made only of ATX headings and paragraphs of plain text, code spans and
/// our links; `None` (with `out` partly written) as soon as anything else shows up.
fn simple(out: &mut String, md: &str) -> Option<()> {
    // Bytes that may change the block structure or start syntax we do not write.
    if md.contains("]:") || md.bytes().any(|b| matches!(b, b'|' | b'\r' | b'\t')) {
        return None;
    }
    // The open paragraph, as a byte range of `md` (line breaks inside it kept).
    let mut paragraph: Option<(usize, usize)> = None;
    let mut at = 0;
    for line in md.split_inclusive('\n') {
        let text = line.strip_suffix('\n').unwrap_or(line);
        let start = at;
        at += line.len();
        if text.is_empty() {
            close_paragraph(out, md, &mut paragraph)?;
        } else if let Some(level) = heading_level(text) {
            close_paragraph(out, md, &mut paragraph)?;
            heading(out, level, &text[level + 1..])?;
        } else if text.ends_with(' ') || !starts_plain(text) {
            return None;
        } else {
            let end = start + text.len();
            match &mut paragraph {
                Some((_, last)) => *last = end,
                None => paragraph = Some((start, end)),
            }
        }
    }
    close_paragraph(out, md, &mut paragraph)
}

/// Whether a line can only continue or start a paragraph (no list, quote, fence, rule,
/// heading, setext underline, HTML block or indented code can start with its first byte).
fn starts_plain(text: &str) -> bool {
    let first = text.as_bytes()[0];
    if first.is_ascii_digit() {
        // `1.` or `1)` starts an ordered list.
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        return !matches!(text.as_bytes().get(digits), Some(b'.' | b')'));
    }
    !matches!(
        first,
        b' ' | b'#' | b'-' | b'*' | b'+' | b'>' | b'<' | b'=' | b'~' | b'_' | b'`'
    )
}

/// `# Title` to `###### Title`: the level, when the rest is plain heading text.
fn heading_level(text: &str) -> Option<usize> {
    let level = text.bytes().take_while(|&b| b == b'#').count();
    let rest = text.get(level..)?;
    let plain = (1..=6).contains(&level)
        && rest.len() > 1
        && rest.starts_with(' ')
        && !rest[1..].starts_with(' ')
        && !rest.ends_with([' ', '#']);
    plain.then_some(level)
}

fn heading(out: &mut String, level: usize, text: &str) -> Option<()> {
    let digit = char::from(b'0' + level as u8);
    out.push_str("<h");
    out.push(digit);
    out.push('>');
    inline(out, text)?;
    out.push_str("</h");
    out.push(digit);
    out.push_str(">\n");
    Some(())
}

/// Writes the open paragraph, if any, and closes it.
fn close_paragraph(out: &mut String, md: &str, open: &mut Option<(usize, usize)>) -> Option<()> {
    if let Some((start, end)) = open.take() {
        out.push_str("<p>");
        inline(out, &md[start..end])?;
        out.push_str("</p>\n");
    }
    Some(())
}

/// Plain text (line breaks kept, as pulldown-cmark writes soft breaks), code spans and our
/// links.
fn inline(out: &mut String, text: &str) -> Option<()> {
    let bytes = text.as_bytes();
    let mut run = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'`' => {
                body_text(out, &text[run..i])?;
                i = code_span(out, text, i)?;
                run = i;
            }
            b'[' => {
                // `![` would be an image.
                if i > 0 && bytes[i - 1] == b'!' {
                    return None;
                }
                body_text(out, &text[run..i])?;
                i = link(out, text, i)?;
                run = i;
            }
            _ => i += 1,
        }
    }
    body_text(out, &text[run..])
}

/// `` `code` `` at `at`: writes it and returns where it ends.
fn code_span(out: &mut String, text: &str, at: usize) -> Option<usize> {
    let rest = &text[at + 1..];
    let len = rest.find('`')?;
    let code = &rest[..len];
    // Double backticks, line breaks and edge spaces follow rules we leave to pulldown-cmark.
    let awkward = code.is_empty()
        || rest[len + 1..].starts_with('`')
        || code.contains('\n')
        || code.starts_with(' ')
        || code.ends_with(' ');
    if awkward {
        return None;
    }
    out.push_str("<code>");
    escape_body(out, code);
    out.push_str("</code>");
    Some(at + 1 + len + 1)
}

/// `` [`label`](#anchor) `` at `at`: writes it and returns where it ends.
fn link(out: &mut String, text: &str, at: usize) -> Option<usize> {
    let rest = text[at..].strip_prefix("[`")?;
    let label_len = rest.find("`](#")?;
    let label = &rest[..label_len];
    let target = &rest[label_len + 4..];
    let anchor_len = target.find(')')?;
    let anchor = &target[..anchor_len];
    let plain_label = !label.is_empty()
        && !label.contains(['`', '\n', '[', ']'])
        && !label.starts_with(' ')
        && !label.ends_with(' ');
    let plain_anchor = anchor
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
    if !plain_label || !plain_anchor {
        return None;
    }
    out.push_str("<a href=\"#");
    out.push_str(anchor);
    out.push_str("\"><code>");
    escape_body(out, label);
    out.push_str("</code></a>");
    Some(at + 2 + label_len + 4 + anchor_len + 1)
}

/// Text outside code: anything that could be emphasis, an entity, an escape, HTML or a
/// bracket of some other link is left to pulldown-cmark.
fn body_text(out: &mut String, text: &str) -> Option<()> {
    let special = |b: u8| matches!(b, b'*' | b'_' | b'&' | b'\\' | b'<' | b']' | b'[');
    if text.bytes().any(special) {
        return None;
    }
    escape_body(out, text);
    Some(())
}

/// pulldown-cmark's escaping of body text: `&`, `<` and `>` only.
fn escape_body(out: &mut String, text: &str) {
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        let replacement = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            _ => continue,
        };
        out.push_str(&text[start..i]);
        out.push_str(replacement);
        start = i + 1;
    }
    out.push_str(&text[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::docs::model::{self, Item};
    use crate::backend::docs::naming::SpecDocs;

    fn both(md: &str) -> (Option<String>, String) {
        let mut fast = String::new();
        let fast = simple(&mut fast, md).map(|()| fast);
        let mut slow = String::new();
        full(&mut slow, md);
        (fast, slow)
    }

    fn item_docs<'a>(items: &'a [Item], out: &mut Vec<&'a str>) {
        for item in items {
            out.push(&item.doc);
            item_docs(&item.children, out);
        }
    }

    /// Every doc of our spec and of the docs test spec: where the fast path writes a doc,
    /// it writes what pulldown-cmark writes; and it does write nearly all of them.
    #[test]
    fn the_fast_path_agrees_with_pulldown_cmark_on_every_doc() {
        let constructs = include_str!("../../../tests/specs/docs/constructs.txt");
        let irs = [
            crate::default_ir().unwrap(),
            crate::load("constructs.txt", constructs).unwrap(),
        ];
        let (mut fast, mut total) = (0, 0);
        for ir in &irs {
            let m = model::build(ir, &SpecDocs);
            let mut docs = vec![m.intro.as_str()];
            for s in m.syscalls.iter().chain(&m.types) {
                docs.push(&s.doc);
                for g in &s.groups {
                    item_docs(&g.items, &mut docs);
                }
            }
            for doc in docs {
                let (quick, slow) = both(doc);
                total += 1;
                if let Some(quick) = quick {
                    fast += 1;
                    assert_eq!(quick, slow, "for {doc:?}");
                }
            }
        }
        assert!(
            fast * 100 >= total * 95,
            "{fast} of {total} docs on the fast path"
        );
    }

    #[test]
    fn anything_else_goes_to_pulldown_cmark() {
        for md in [
            "- a list\n",
            "Some *emphasis*.\n",
            "A &amp; entity.\n",
            "An <b>tag</b>.\n",
            "Text\n---\n",
            "Trailing  \nbreak\n",
            "[an outside](https://example.org) link\n",
            "``double``\n",
            "    indented code\n",
            "1. first\n",
            "| a | b |\n|---|---|\n",
            "[x]: https://example.org\n",
            "## Heading ##\n",
        ] {
            let (quick, _) = both(md);
            assert_eq!(quick, None, "{md:?}");
        }
    }

    #[test]
    fn paragraphs_headings_code_and_links() {
        let md = "# Title\n\nText with `a < b` and\n[`fd.none`](#fd.none) > 0.\n## Next\nMore.\n";
        let (quick, slow) = both(md);
        assert_eq!(quick.as_deref(), Some(slow.as_str()));
        assert_eq!(
            slow,
            "<h1>Title</h1>\n<p>Text with <code>a &lt; b</code> and\n<a href=\"#fd.none\">\
             <code>fd.none</code></a> &gt; 0.</p>\n<h2>Next</h2>\n<p>More.</p>\n"
        );
    }
}

//! Doc comments as Markdown: each resolved `[path]` becomes a link to its anchor, labelled
//! the way the page's language names the target.

use super::anchors;
use super::naming::DocNaming;
use crate::ir::{Doc, Ir};

/// The doc's Markdown with every reference replaced by `` [`label`](#anchor) ``.
pub fn doc_markdown(ir: &Ir, naming: &dyn DocNaming, doc: &Doc) -> String {
    doc.render(|out, link| {
        out.push_str("[`");
        naming.push_link_label(out, ir, &link.target);
        out.push_str("`](#");
        anchors::push_target(out, ir, &link.target);
        out.push(')');
    })
}

/// Appends `s` escaped for use inside raw HTML in Markdown: HTML specials as entities, and
/// the characters Markdown would read as emphasis or links with a backslash.
pub fn push_md_html(out: &mut String, s: &str) {
    push_escaped(out, s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'*' => Some("\\*"),
        b'_' => Some("\\_"),
        b'[' => Some("\\["),
        b']' => Some("\\]"),
        b'`' => Some("\\`"),
        b'\\' => Some("\\\\"),
        _ => None,
    });
}

/// Appends `s` escaped for HTML text and attribute values.
pub fn push_html(out: &mut String, s: &str) {
    push_escaped(out, s, |b| match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#39;"),
        _ => None,
    });
}

/// Appends `s` escaped with numeric references, the way the site's page skeleton has always
/// escaped its plain values (names, titles, tooltips); kept so the page stays byte-identical.
pub fn push_html_numeric(out: &mut String, s: &str) {
    push_escaped(out, s, |b| match b {
        b'&' => Some("&#38;"),
        b'<' => Some("&#60;"),
        b'>' => Some("&#62;"),
        b'"' => Some("&#34;"),
        b'\'' => Some("&#39;"),
        _ => None,
    });
}

/// Copies `s` to `out` in runs, replacing each byte `escape` maps. Only ASCII bytes are
/// mapped, so every run ends on a character boundary.
fn push_escaped(out: &mut String, s: &str, escape: impl Fn(u8) -> Option<&'static str>) {
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        if let Some(replacement) = escape(b) {
            out.push_str(&s[start..i]);
            out.push_str(replacement);
            start = i + 1;
        }
    }
    out.push_str(&s[start..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::docs::naming::{CDocs, RustDocs, SpecDocs};

    fn ir() -> Ir {
        crate::load(
            "t.txt",
            "opaque uint32 fd\n\t| A descriptor.\n\t0xffffffff none\n\t\t| See [fd] and [fd.none], not [x](y).\n",
        )
        .unwrap()
    }

    #[test]
    fn references_become_links_labelled_per_language() {
        let ir = ir();
        let doc = &ir.int_like(crate::ir::TypeId(0)).unwrap().values[0].doc;
        assert_eq!(
            doc_markdown(&ir, &CDocs::new(&ir), doc),
            "See [`cloudabi_fd_t`](#fd) and [`CLOUDABI_FD_NONE`](#fd.none), not [x](y).\n"
        );
        assert_eq!(
            doc_markdown(&ir, &RustDocs::new(&ir), doc),
            "See [`fd`](#fd) and [`FD_NONE`](#fd.none), not [x](y).\n"
        );
        assert_eq!(
            doc_markdown(&ir, &SpecDocs, doc),
            "See [`fd`](#fd) and [`fd.none`](#fd.none), not [x](y).\n"
        );
    }

    #[test]
    fn markdown_specials_are_escaped_in_raw_html() {
        let mut out = String::new();
        push_md_html(&mut out, "a_b *c <d>");
        assert_eq!(out, "a\\_b \\*c &lt;d&gt;");
    }
}

//! Doc comments as Markdown: each resolved `[path]` becomes a link to its anchor, labelled
//! the way the page's language names the target.

use super::anchors;
use super::naming::DocNaming;
use crate::ir::{Doc, Ir};

/// The doc's Markdown with every reference replaced by `` [`label`](#anchor) ``.
pub fn doc_markdown(ir: &Ir, naming: &dyn DocNaming, doc: &Doc) -> String {
    doc.render(|out, link| {
        let label = naming.link_label(ir, &link.target);
        let anchor = anchors::of_target(ir, &link.target);
        out.push_str("[`");
        out.push_str(&label);
        out.push_str("`](#");
        out.push_str(&anchor);
        out.push(')');
    })
}

/// Escapes text for use inside raw HTML in Markdown: HTML specials as entities, and the
/// characters Markdown would read as emphasis or links with a backslash.
pub fn escape_md_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '*' | '_' | '[' | ']' | '`' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes text for HTML.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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
            doc_markdown(&ir, &CDocs, doc),
            "See [`cloudabi_fd_t`](#fd) and [`CLOUDABI_FD_NONE`](#fd.none), not [x](y).\n"
        );
        assert_eq!(
            doc_markdown(&ir, &RustDocs, doc),
            "See [`fd`](#fd) and [`FD_NONE`](#fd.none), not [x](y).\n"
        );
        assert_eq!(
            doc_markdown(&ir, &SpecDocs, doc),
            "See [`fd`](#fd) and [`fd.none`](#fd.none), not [x](y).\n"
        );
    }

    #[test]
    fn markdown_specials_are_escaped_in_raw_html() {
        assert_eq!(escape_md_html("a_b *c <d>"), "a\\_b \\*c &lt;d&gt;");
    }
}

//! Member, parameter and value lists of the HTML site. Items nest (variants hold arms, arms
//! hold members), so they are written here recursively, straight into the page. The spec
//! model gives the names and docs; the C and Rust models, which have the same shape, give
//! the declarations shown for each language.

use super::code::{Code, Piece};
use super::highlight;
use super::html::push_markdown_html;
use super::model::{Head, Item, Ref};
use super::text::push_html as escape;

/// Appends a `<ul>` of items, or nothing for an empty list.
pub(super) fn items(out: &mut String, spec: &[Item], c: &[Item], rust: &[Item]) {
    if spec.is_empty() {
        return;
    }
    out.push_str("<ul class=\"items\">\n");
    for ((s, c), r) in spec.iter().zip(c).zip(rust) {
        item(out, s, c, r);
    }
    out.push_str("</ul>\n");
}

fn item(out: &mut String, s: &Item, c: &Item, r: &Item) {
    out.push_str(match s.head {
        Head::When { .. } => "<li class=\"item when\"",
        Head::Value { .. } => "<li class=\"item value\"",
        _ => "<li class=\"item\"",
    });
    if let Some(a) = &s.anchor {
        out.push_str(" id=\"");
        escape(out, a);
        out.push('"');
    }
    out.push_str(">\n<div class=\"item-head\">");
    head(out, s, c, r);
    out.push_str("</div>\n");
    if !s.doc.is_empty() {
        out.push_str("<div class=\"doc\">");
        push_markdown_html(out, &s.doc);
        out.push_str("</div>\n");
    }
    items(out, &s.children, &c.children, &r.children);
    out.push_str("</li>\n");
}

/// A self-link carrying the spec name: what readers click to get a link to the item.
fn self_link(out: &mut String, anchor: Option<&String>, name: &str) {
    match anchor {
        Some(a) => {
            out.push_str("<a class=\"item-name\" href=\"#");
            escape(out, a);
            out.push_str("\">");
            escape(out, name);
            out.push_str("</a>");
        }
        None => {
            out.push_str("<span class=\"item-name\">");
            escape(out, name);
            out.push_str("</span>");
        }
    }
}

fn head(out: &mut String, s: &Item, c: &Item, r: &Item) {
    match (&s.head, &c.head, &r.head) {
        (Head::Decl(_), Head::Decl(cd), Head::Decl(rd)) => {
            // The declaration names the item; its name is the item's self-link.
            let anchor = s.anchor.as_deref();
            decls(out, "c", cd, anchor);
            decls(out, "rust", rd, anchor);
        }
        (
            Head::Value { name, literal },
            Head::Value { name: cn, .. },
            Head::Value { name: rn, .. },
        ) => {
            self_link(out, s.anchor.as_ref(), name);
            out.push_str("<code class=\"literal\">");
            escape(out, literal);
            out.push_str("</code>");
            lang_code(out, "c", cn);
            lang_code(out, "rust", rn);
        }
        (Head::Use(sr), Head::Use(cr), Head::Use(rr)) => {
            out.push_str("<span class=\"use\">value</span>");
            link(out, sr, "item-name");
            lang_code(out, "c", &cr.label);
            lang_code(out, "rust", &rr.label);
        }
        (Head::When { tag, values }, _, _) => {
            out.push_str("<span>When <code>");
            escape(out, tag);
            out.push_str("</code> is ");
            for (i, v) in values.iter().enumerate() {
                out.push_str(match i {
                    0 => "",
                    i if i + 1 == values.len() => " or ",
                    _ => ", ",
                });
                link(out, v, "tag");
            }
            out.push_str(":</span>");
        }
        (Head::Returns(_), Head::Returns(cc), Head::Returns(rc)) => {
            out.push_str("<span class=\"use\">returns</span>");
            decls(out, "c", std::slice::from_ref(cc), None);
            decls(out, "rust", std::slice::from_ref(rc), None);
        }
        // The models come from one walk, so heads always agree; show the spec one if not.
        (Head::Decl(sd), _, _) | (Head::Returns(_), Head::Decl(sd), _) => {
            self_link(out, s.anchor.as_ref(), declared_name(sd));
        }
        _ => {}
    }
}

/// The declared name in a spec declaration (the first `Name` piece).
fn declared_name(decls: &[Code]) -> &str {
    decls
        .iter()
        .flat_map(|d| d.0.iter())
        .find_map(|p| match p {
            Piece::Name(n) => Some(n.as_str()),
            _ => None,
        })
        .unwrap_or_default()
}

/// One language's declarations, highlighted, separated by commas.
fn decls(out: &mut String, lang: &str, decls: &[Code], anchor: Option<&str>) {
    open_lang_code(out, lang);
    for (i, d) in decls.iter().enumerate() {
        if i > 0 {
            out.push_str("<span class=\"sep\">,</span> ");
        }
        highlight::push_html(out, d, anchor);
    }
    out.push_str("</code>");
}

/// A name in one language, as escaped text.
fn lang_code(out: &mut String, lang: &str, text: &str) {
    open_lang_code(out, lang);
    escape(out, text);
    out.push_str("</code>");
}

fn open_lang_code(out: &mut String, lang: &str) {
    out.push_str("<code class=\"decl lang-");
    out.push_str(lang);
    out.push_str("\">");
}

fn link(out: &mut String, r: &Ref, class: &str) {
    out.push_str("<a class=\"");
    out.push_str(class);
    out.push_str("\" href=\"#");
    escape(out, &r.anchor);
    out.push_str("\"><code>");
    escape(out, &r.label);
    out.push_str("</code></a>");
}

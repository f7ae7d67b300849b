//! Member, parameter and value lists of the HTML site. Items nest (variants hold arms, arms
//! hold members), so they are rendered here recursively rather than in a template. The
//! spec model gives the names and docs; the C and Rust models, which have the same shape,
//! give the declarations shown for each language.

use super::code::{Code, Piece};
use super::highlight;
use super::html::markdown_html;
use super::model::{Head, Item, Ref};
use super::text::escape_html;
use std::fmt::Write;

pub(super) struct GroupView {
    pub title: &'static str,
    pub html: String,
}

/// A `<ul>` of items, or nothing for an empty list.
pub(super) fn items_html(spec: &[Item], c: &[Item], rust: &[Item]) -> String {
    if spec.is_empty() {
        return String::new();
    }
    let mut out = String::from("<ul class=\"items\">\n");
    for ((s, c), r) in spec.iter().zip(c).zip(rust) {
        item(&mut out, s, c, r);
    }
    out.push_str("</ul>\n");
    out
}

fn item(out: &mut String, s: &Item, c: &Item, r: &Item) {
    let id = s
        .anchor
        .as_ref()
        .map_or_else(String::new, |a| format!(" id=\"{}\"", escape_html(a)));
    let class = match s.head {
        Head::When { .. } => "item when",
        Head::Value { .. } => "item value",
        _ => "item",
    };
    let _ = writeln!(out, "<li class=\"{class}\"{id}>");
    out.push_str("<div class=\"item-head\">");
    head(out, s, c, r);
    out.push_str("</div>\n");
    if !s.doc.is_empty() {
        let _ = writeln!(out, "<div class=\"doc\">{}</div>", markdown_html(&s.doc));
    }
    out.push_str(&items_html(&s.children, &c.children, &r.children));
    out.push_str("</li>\n");
}

/// A self-link carrying the spec name: what readers click to get a link to the item.
fn self_link(out: &mut String, anchor: Option<&String>, name: &str) {
    let name = escape_html(name);
    match anchor {
        Some(a) => {
            let _ = write!(
                out,
                "<a class=\"item-name\" href=\"#{}\">{name}</a>",
                escape_html(a)
            );
        }
        None => {
            let _ = write!(out, "<span class=\"item-name\">{name}</span>");
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
            let _ = write!(
                out,
                "<code class=\"literal\">{}</code>",
                escape_html(literal)
            );
            lang_code(out, "c", &escape_html(cn));
            lang_code(out, "rust", &escape_html(rn));
        }
        (Head::Use(sr), Head::Use(cr), Head::Use(rr)) => {
            out.push_str("<span class=\"use\">value</span>");
            link(out, sr, "item-name");
            lang_code(out, "c", &escape_html(&cr.label));
            lang_code(out, "rust", &escape_html(&rr.label));
        }
        (Head::When { tag, values }, _, _) => {
            let _ = write!(out, "<span>When <code>{}</code> is ", escape_html(tag));
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
            self_link(out, s.anchor.as_ref(), &declared_name(sd));
        }
        _ => {}
    }
}

/// The declared name in a spec declaration (the first `Name` piece).
fn declared_name(decls: &[Code]) -> String {
    decls
        .iter()
        .flat_map(|d| d.0.iter())
        .find_map(|p| match p {
            Piece::Name(n) => Some(n.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

fn decls(out: &mut String, lang: &str, decls: &[Code], anchor: Option<&str>) {
    let parts: Vec<String> = decls
        .iter()
        .map(|d| highlight::html_linking_name(d, anchor))
        .collect();
    lang_code(out, lang, &parts.join("<span class=\"sep\">,</span> "));
}

fn lang_code(out: &mut String, lang: &str, html: &str) {
    let _ = write!(out, "<code class=\"decl lang-{lang}\">{html}</code>");
}

fn link(out: &mut String, r: &Ref, class: &str) {
    let _ = write!(
        out,
        "<a class=\"{class}\" href=\"#{}\"><code>{}</code></a>",
        escape_html(&r.anchor),
        escape_html(&r.label)
    );
}

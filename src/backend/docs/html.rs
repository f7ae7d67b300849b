//! The HTML site: one self-contained page (plus its stylesheet and script) with a sidebar
//! that filters names, a section per syscall and per type, C and Rust signatures side by
//! side (switchable), and a 32/64-bit layout table per struct. Works from `file://`: no
//! network assets, no modules, only relative links.

use super::highlight;
use super::html_items::{items_html, GroupView};
use super::markdown::summary;
use super::model::{FieldRow, Model, Section, What};
use super::text::escape_html;
use crate::backend::OutputFile;
use crate::ir::{IntLikeKind, Ir, Layout};
use askama::Template;

const STYLE: &str = include_str!("../../../templates/docs/style.css");
const SCRIPT: &str = include_str!("../../../templates/docs/search.js");

/// The files of the site, under `docs/html/`, from the models of the spec's, C's and
/// Rust's naming.
pub(super) fn render(ir: &Ir, spec: &Model, c: &Model, rust: &Model) -> Vec<OutputFile> {
    let page = IndexPage {
        banner: super::html_banner(ir),
        spec_name: ir.spec_name().to_string(),
        title: page_title(spec),
        intro: markdown_html(&spec.intro),
        syscalls: sections(&spec.syscalls, &c.syscalls, &rust.syscalls),
        types: sections(&spec.types, &c.types, &rust.types),
    };
    // Rendering into a String fails only if a Display impl fails; ours cannot.
    let mut html = page.render().unwrap_or_default();
    if !html.ends_with('\n') {
        html.push('\n');
    }
    let css = format!("/* {} */\n{STYLE}", banner_text(ir));
    let js = format!("// {}\n{SCRIPT}", banner_text(ir));
    vec![
        OutputFile::new("docs/html/index.html", html),
        OutputFile::new("docs/html/style.css", css),
        OutputFile::new("docs/html/search.js", js),
    ]
}

fn banner_text(ir: &Ir) -> String {
    crate::backend::banner(ir, "").trim_end().to_string()
}

/// The text of the intro's first heading, or a plain default.
fn page_title(spec: &Model) -> String {
    spec.intro
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .map_or_else(|| "ABI reference".to_string(), |t| format!("{t} reference"))
}

#[derive(Template)]
#[template(path = "docs/index.html")]
struct IndexPage {
    banner: String,
    spec_name: String,
    title: String,
    intro: String,
    syscalls: Vec<SectionView>,
    types: Vec<SectionView>,
}

/// One section, with every string ready for the template (`*_html` fields are markup).
pub(super) struct SectionView {
    pub anchor: String,
    pub kind_class: &'static str,
    pub kind_label: &'static str,
    pub kind_short: &'static str,
    /// The syscall number, or empty for a type.
    pub number: String,
    pub facts: Vec<Fact>,
    /// The C and Rust names, empty where they are just the spec name.
    pub c_name: String,
    pub rust_name: String,
    /// Lower-case names the search box matches against.
    pub search_names: String,
    pub summary: String,
    pub doc_html: String,
    pub c_sig_html: String,
    pub rust_sig_html: String,
    pub used_by_html: String,
    pub groups: Vec<GroupView>,
    pub layout: Option<LayoutView>,
    pub noreturn: bool,
}

pub(super) struct LayoutView {
    pub rows: Vec<RowView>,
    pub total32: String,
    pub total64: String,
}

pub(super) struct RowView {
    pub path: String,
    pub anchor: String,
    pub offset32: u64,
    pub size32: u64,
    pub offset64: u64,
    pub size64: u64,
    /// Offset or size differ between the machines.
    pub differs: bool,
}

/// Zips the three namings' sections; the walk gives them the same order and shape.
fn sections(spec: &[Section], c: &[Section], rust: &[Section]) -> Vec<SectionView> {
    spec.iter()
        .zip(c)
        .zip(rust)
        .map(|((s, c), r)| section(s, c, r))
        .collect()
}

fn section(s: &Section, c: &Section, r: &Section) -> SectionView {
    let (kind_class, kind_short) = kind(&s.what);
    let names = [s.anchor.as_str(), bare(&c.title), bare(&r.title)];
    SectionView {
        anchor: s.anchor.clone(),
        kind_class,
        kind_label: s.what.describe(),
        kind_short,
        number: match s.what {
            What::Syscall { number, .. } => number.to_string(),
            _ => String::new(),
        },
        facts: facts(s, c, r),
        c_name: unless_same(&c.title, &s.anchor),
        rust_name: unless_same(&r.title, &s.anchor),
        search_names: names.join(" ").to_lowercase(),
        summary: plain_summary(&s.doc),
        doc_html: markdown_html(&s.doc),
        c_sig_html: c
            .signature
            .as_ref()
            .map_or_else(String::new, highlight::html),
        rust_sig_html: r
            .signature
            .as_ref()
            .map_or_else(String::new, highlight::html),
        used_by_html: used_by(s),
        groups: s
            .groups
            .iter()
            .zip(&c.groups)
            .zip(&r.groups)
            .map(|((s, c), r)| GroupView {
                title: s.title,
                html: items_html(&s.items, &c.items, &r.items),
            })
            .collect(),
        layout: s
            .layout
            .filter(|_| !s.fields.is_empty())
            .map(|l| layout(&s.fields, l)),
        noreturn: matches!(s.what, What::Syscall { noreturn: true, .. }),
    }
}

/// A language's name for a section, or nothing when it is just the heading again.
fn unless_same(title: &str, anchor: &str) -> String {
    if bare(title) == anchor {
        String::new()
    } else {
        title.to_string()
    }
}

/// `fd_read()` without the parentheses, for searching.
fn bare(title: &str) -> &str {
    title.trim_end_matches("()")
}

fn kind(what: &What) -> (&'static str, &'static str) {
    match what {
        What::Syscall { .. } => ("syscall", "fn"),
        What::IntLike { kind, .. } => match kind {
            IntLikeKind::Enum => ("enum", "enum"),
            IntLikeKind::Flags => ("flags", "flags"),
            IntLikeKind::Opaque => ("opaque", "opaque"),
            IntLikeKind::Alias => ("alias", "alias"),
        },
        What::Struct => ("struct", "struct"),
        What::Function => ("function", "func"),
    }
}

/// A badge under a heading; `lang` is `c` or `rust` for a fact about one language only.
pub(super) struct Fact {
    pub text: String,
    pub lang: &'static str,
}

fn fact(text: impl Into<String>) -> Fact {
    Fact {
        text: text.into(),
        lang: "",
    }
}

/// Small facts shown as badges under the heading.
fn facts(s: &Section, c: &Section, r: &Section) -> Vec<Fact> {
    let mut facts = Vec::new();
    match (&s.what, &c.what, &r.what) {
        (What::Syscall { number, noreturn }, _, _) => {
            facts.push(fact(format!("number {number}")));
            if *noreturn {
                facts.push(fact("does not return"));
            }
        }
        (What::IntLike { .. }, What::IntLike { base: cb, .. }, What::IntLike { base: rb, .. }) => {
            for (lang, base) in [("c", cb), ("rust", rb)] {
                facts.push(Fact {
                    text: format!("stored as {}", base.plain()),
                    lang,
                });
            }
        }
        _ => {}
    }
    if let Some(layout) = s.layout {
        facts.extend(layout_facts(layout));
    }
    facts
}

/// Size and alignment, per machine when they differ.
fn layout_facts(l: Layout) -> Vec<Fact> {
    let bytes = |n: u64| {
        if n == 1 {
            "1 byte".to_string()
        } else {
            format!("{n} bytes")
        }
    };
    if l.size.differs() || l.align.differs() {
        vec![
            fact(format!(
                "32-bit: {}, align {}",
                bytes(l.size.m32),
                l.align.m32
            )),
            fact(format!(
                "64-bit: {}, align {}",
                bytes(l.size.m64),
                l.align.m64
            )),
            fact("machine-dependent"),
        ]
    } else {
        let mut facts = vec![fact(format!(
            "{}, align {}",
            bytes(l.size.m32),
            l.align.m32
        ))];
        if l.machine_dep {
            facts.push(fact("machine-dependent"));
        }
        facts
    }
}

fn used_by(s: &Section) -> String {
    let links: Vec<String> = s
        .used_by
        .iter()
        .map(|r| {
            format!(
                "<a href=\"#{}\"><code>{}</code></a>",
                escape_html(&r.anchor),
                escape_html(&r.label)
            )
        })
        .collect();
    links.join(", ")
}

fn layout(fields: &[FieldRow], total: Layout) -> LayoutView {
    LayoutView {
        rows: fields
            .iter()
            .map(|f| RowView {
                path: f.path.clone(),
                anchor: f.anchor.clone(),
                offset32: f.offset.m32,
                size32: f.size.m32,
                offset64: f.offset.m64,
                size64: f.size.m64,
                differs: f.offset.differs() || f.size.differs(),
            })
            .collect(),
        total32: format!("{} bytes, align {}", total.size.m32, total.align.m32),
        total64: format!("{} bytes, align {}", total.size.m64, total.align.m64),
    }
}

/// A doc's first paragraph as plain text, for tooltips.
fn plain_summary(doc: &str) -> String {
    let text = summary(doc);
    let mut out = String::with_capacity(text.len());
    let mut in_target = false;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '`' | '[' | ']' if !in_target => {
                if ch == ']' && chars.peek() == Some(&'(') {
                    in_target = true;
                }
            }
            ')' if in_target => in_target = false,
            _ if in_target => {}
            ch => out.push(ch),
        }
    }
    out
}

/// Renders doc Markdown. Raw HTML in docs is shown as text: docs cannot break the page.
pub(super) fn markdown_html(md: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser};
    let parser = Parser::new_ext(md, Options::ENABLE_TABLES).map(|e| match e {
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        e => e,
    });
    let mut out = String::new();
    pulldown_cmark::html::push_html(&mut out, parser);
    out
}

//! Code fragments: a declaration or signature as a naming module spells it, cut into the
//! pieces the renderers treat differently (the declared name, names of documented types,
//! and plain syntax).

use crate::ir::{Ir, Type, TypeId};

/// One piece of a code fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Syntax: keywords, punctuation, built-in types, spaces.
    Text(String),
    /// The name being declared.
    Name(String),
    /// The name of something documented in its own section.
    Link { text: String, anchor: String },
}

/// A declaration, signature or type spelling.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Code(pub Vec<Piece>);

impl Code {
    pub fn text(s: impl Into<String>) -> Code {
        Code(vec![Piece::Text(s.into())])
    }

    pub fn name(s: impl Into<String>) -> Code {
        Code(vec![Piece::Name(s.into())])
    }

    pub fn push(&mut self, piece: Piece) {
        match (self.0.last_mut(), piece) {
            (Some(Piece::Text(last)), Piece::Text(more)) => last.push_str(&more),
            (_, piece) => self.0.push(piece),
        }
    }

    /// Appends syntax, growing the last text piece in place when there is one.
    pub fn push_text(&mut self, s: &str) {
        match self.0.last_mut() {
            _ if s.is_empty() => {}
            Some(Piece::Text(last)) => last.push_str(s),
            _ => self.0.push(Piece::Text(s.to_string())),
        }
    }

    pub fn append(&mut self, other: Code) {
        for piece in other.0 {
            self.push(piece);
        }
    }

    /// Joins fragments with a separator: a parameter list.
    pub fn join(parts: impl IntoIterator<Item = Code>, sep: &str) -> Code {
        let mut out = Code::default();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                out.push_text(sep);
            }
            out.append(part);
        }
        out
    }

    /// The length of [`Code::plain`], without building it.
    pub fn plain_len(&self) -> usize {
        self.0
            .iter()
            .map(|p| match p {
                Piece::Text(s) | Piece::Name(s) => s.len(),
                Piece::Link { text, .. } => text.len(),
            })
            .sum()
    }

    /// The fragment as plain text.
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|p| match p {
                Piece::Text(s) | Piece::Name(s) => s.as_str(),
                Piece::Link { text, .. } => text.as_str(),
            })
            .collect()
    }

    /// Cuts a spelled declaration into pieces: identifiers found in `links` (spelled name,
    /// anchor) become links, identifiers in `names` become the declared name.
    pub fn parse(spelled: &str, links: &[(&str, &str)], names: &[&str]) -> Code {
        let mut code = Code::default();
        for (is_ident, token) in tokens(spelled) {
            let link = links.iter().find(|(text, _)| is_ident && *text == token);
            if let Some((text, anchor)) = link {
                code.push(Piece::Link {
                    text: text.to_string(),
                    anchor: anchor.to_string(),
                });
            } else if is_ident && names.contains(&token) {
                code.push(Piece::Name(token.to_string()));
            } else {
                code.push_text(token);
            }
        }
        code
    }
}

/// Splits text into identifiers (`true`; `r#type` counts as one) and everything else, one
/// character at a time.
pub fn tokens(s: &str) -> impl Iterator<Item = (bool, &str)> + '_ {
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'#';
    let mut start = 0;
    std::iter::from_fn(move || {
        let rest = &s[start..];
        let first = *rest.as_bytes().first()?;
        let (ident, len) = if is_ident(first) {
            let len = rest
                .bytes()
                .position(|b| !is_ident(b))
                .unwrap_or(rest.len());
            (true, len)
        } else {
            (false, rest.chars().next().map_or(1, char::len_utf8))
        };
        start += len;
        Some((ident, &rest[..len]))
    })
}

/// The named type at the bottom of a type expression (type expressions are chains, so
/// there is at most one).
pub fn named_leaf(ty: &Type) -> Option<TypeId> {
    match ty {
        Type::Named(id) => Some(*id),
        Type::Pointer { target, .. } | Type::Atomic(target) => named_leaf(target),
        Type::Array { element, .. } => named_leaf(element),
        Type::Void | Type::Int(_) => None,
    }
}

/// The (spelled name, anchor) link for the named type in `ty`, if any.
pub fn leaf_link<'a>(
    ir: &'a Ir,
    ty: &Type,
    spell: impl Fn(TypeId) -> &'a str,
) -> Option<(&'a str, &'a str)> {
    named_leaf(ty).map(|id| (spell(id), ir.ty(id).name.name.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_keep_raw_identifiers_whole_and_split_punctuation() {
        let t: Vec<&str> = tokens("r#type: *const fd").map(|t| t.1).collect();
        assert_eq!(t, ["r#type", ":", " ", "*", "const", " ", "fd"]);
    }

    #[test]
    fn parse_marks_links_and_names() {
        let links = [("cloudabi_fd_t", "fd")];
        let code = Code::parse("const cloudabi_fd_t *fds", &links, &["fds"]);
        assert_eq!(
            code.0,
            vec![
                Piece::Text("const ".into()),
                Piece::Link {
                    text: "cloudabi_fd_t".into(),
                    anchor: "fd".into()
                },
                Piece::Text(" *".into()),
                Piece::Name("fds".into()),
            ]
        );
        assert_eq!(code.plain(), "const cloudabi_fd_t *fds");
        assert_eq!(code.plain_len(), code.plain().len());
    }
}

//! Parsing cloudabi.txt: [`tree`] builds the indentation tree, [`decl`] turns it into the
//! [`ast`], with a span on every name, value, member and doc reference.

pub mod ast;
pub mod decl;
pub mod lexer;
mod member;
pub mod tree;

use crate::diag::Diagnostic;
use crate::source::FileId;

/// Parses one spec file. Never fails outright: what could be parsed is returned together
/// with every problem found.
pub fn parse(file: FileId, text: &str) -> (ast::Spec<'_>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let tree = tree::build(file, text, &mut diags);
    let spec = decl::Parser::new(&mut diags, &tree).spec();
    (spec, diags)
}

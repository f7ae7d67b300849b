//! Large specs for measuring how the generator scales: `n` copies of a spec in one file,
//! copy `i > 0` with every declared name (types and syscalls) suffixed `_c{i}` wherever it
//! appears, so that every copy is the same ABI under names of its own. Benchmarks, tests
//! and `cargo xtask copies N` build them here; the generator itself never does.

use std::collections::HashSet;

/// `n` renamed copies of `spec` (which must be valid) as one spec. Copy 0 is `spec` as it
/// is; the others leave out its file-level doc, which a spec has once.
pub fn copies(spec: &str, n: usize) -> Result<String, crate::SpecErrors> {
    let ir = crate::load("copies.txt", spec)?;
    let names: HashSet<&str> = ir
        .types
        .iter()
        .map(|t| t.name.name.as_str())
        .chain(ir.syscalls.iter().map(|s| s.name.name.as_str()))
        .collect();
    let body = declarations(spec);
    let mut out = String::with_capacity(spec.len() + n.saturating_sub(1) * (body.len() * 11 / 10));
    for i in 0..n {
        if i == 0 {
            out.push_str(spec);
        } else {
            out.push('\n');
            renamed(&mut out, body, &names, &format!("_c{i}"));
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
    }
    Ok(out)
}

/// The spec from its first declaration on: everything before is file-level doc and
/// comments.
fn declarations(spec: &str) -> &str {
    let mut offset = 0;
    for line in spec.split_inclusive('\n') {
        let starts_declaration = line.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if starts_declaration {
            return &spec[offset..];
        }
        offset += line.len();
    }
    ""
}

/// Appends `text` with every word in `names` followed by `suffix`.
fn renamed(out: &mut String, text: &str, names: &HashSet<&str>, suffix: &str) {
    let is_word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut rest = text;
    while !rest.is_empty() {
        let word_len = rest.find(|c: char| !is_word(c)).unwrap_or(rest.len());
        if word_len == 0 {
            let other = rest.find(is_word).unwrap_or(rest.len());
            out.push_str(&rest[..other]);
            rest = &rest[other..];
            continue;
        }
        let word = &rest[..word_len];
        out.push_str(word);
        if names.contains(word) {
            out.push_str(suffix);
        }
        rest = &rest[word_len..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_copy_declares_everything_once_under_its_own_names() {
        let spec = crate::DEFAULT_SPEC;
        let one = crate::load("one.txt", spec).unwrap();
        let text = copies(spec, 3).unwrap();
        let ir = crate::load("three.txt", &text).unwrap_or_else(|e| panic!("{}", e.render()));
        assert_eq!(ir.types.len(), 3 * one.types.len());
        assert_eq!(ir.syscalls.len(), 3 * one.syscalls.len());
        assert!(ir.syscalls.iter().any(|s| s.name.name == "fd_read_c2"));
        let fd = ir.types.iter().find(|t| t.name.name == "fd_c1").unwrap();
        assert_eq!(
            fd.layout,
            one.types
                .iter()
                .find(|t| t.name.name == "fd")
                .unwrap()
                .layout
        );
    }

    #[test]
    fn one_copy_is_the_spec_itself() {
        assert_eq!(copies(crate::DEFAULT_SPEC, 1).unwrap(), crate::DEFAULT_SPEC);
    }

    #[test]
    fn words_that_only_contain_a_name_are_left_alone() {
        let names: HashSet<&str> = ["fd"].into_iter().collect();
        let mut out = String::new();
        renamed(&mut out, "fd fds [fd.x] fd_read\tfd\n", &names, "_c1");
        assert_eq!(out, "fd_c1 fds [fd_c1.x] fd_read\tfd_c1\n");
    }
}

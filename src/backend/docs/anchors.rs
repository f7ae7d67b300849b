//! Anchors: every documented thing is addressed by its dotted spec path (`fd`,
//! `fdflags.append`, `fd_read.iovs`, `subscription.clock.timeout`, `auxv.a_val`), the same
//! path a doc reference uses, so anchors agree across the Markdown files and the site.

use crate::ir::{Ir, MemberPath, Target};

/// The names along a member path after its owner: named arms are steps, anonymous arms and
/// variants are not.
pub fn member_steps(ir: &Ir, path: &MemberPath) -> Vec<String> {
    ir.member_names(path)
        .into_iter()
        .map(str::to_string)
        .collect()
}

/// Whether a member path goes through a variant (Rust reaches those through `union`).
pub fn crosses_variant(path: &MemberPath) -> bool {
    !path.arms.is_empty()
}

/// The anchor a doc reference links to.
pub fn of_target(ir: &Ir, target: &Target) -> String {
    let mut out = String::new();
    push_target(&mut out, ir, target);
    out
}

/// Appends [`of_target`] to `out`.
pub fn push_target(out: &mut String, ir: &Ir, target: &Target) {
    match target {
        Target::Type(id) => out.push_str(&ir.ty(*id).name.name),
        Target::Value(id, index) => {
            out.push_str(&ir.ty(*id).name.name);
            if let Some(v) = ir.int_like(*id).and_then(|i| i.values.get(*index)) {
                push_step(out, &v.name.name);
            }
        }
        Target::Member(path) => {
            out.push_str(&ir.ty(path.owner).name.name);
            for name in ir.member_names(path) {
                push_step(out, name);
            }
        }
        Target::Syscall(id) => out.push_str(&ir.syscall(*id).name.name),
        Target::Param(id, direction, index) => {
            out.push_str(&ir.syscall(*id).name.name);
            push_step(out, ir.param_name(*id, *direction, *index));
        }
    }
}

/// `.name`, or nothing for an anonymous member (as [`join`] does).
fn push_step(out: &mut String, name: &str) {
    if !name.is_empty() {
        out.push('.');
        out.push_str(name);
    }
}

/// `prefix.name`, or `prefix` alone for an anonymous member, or `name` alone at the top.
pub fn join(prefix: &str, name: &str) -> String {
    if name.is_empty() {
        prefix.to_string()
    } else if prefix.is_empty() {
        name.to_string()
    } else {
        let mut out = String::with_capacity(prefix.len() + 1 + name.len());
        out.push_str(prefix);
        out.push('.');
        out.push_str(name);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Doc, Member, MemberKind, TypeKind};

    fn member_docs<'a>(members: &'a [Member], out: &mut Vec<&'a Doc>) {
        for m in members {
            out.push(&m.doc);
            if let MemberKind::Variant(v) = &m.kind {
                for arm in &v.arms {
                    member_docs(&arm.members, out);
                }
            }
        }
    }

    #[test]
    fn the_anchor_of_every_reference_is_its_spec_path() {
        let ir = crate::default_ir().unwrap();
        let mut docs = vec![&ir.doc];
        for t in &ir.types {
            docs.push(&t.doc);
            match &t.kind {
                TypeKind::IntLike(i) => docs.extend(i.values.iter().map(|v| &v.doc)),
                TypeKind::Struct(s) => member_docs(&s.members, &mut docs),
                TypeKind::Function(f) => member_docs(&f.params, &mut docs),
            }
        }
        for s in &ir.syscalls {
            docs.push(&s.doc);
            member_docs(&s.inputs, &mut docs);
            member_docs(&s.outputs, &mut docs);
        }
        let links: Vec<_> = docs.iter().flat_map(|d| d.links.iter()).collect();
        assert!(links.len() > 100);
        for link in links {
            assert_eq!(of_target(&ir, &link.target), link.path);
        }
    }
}

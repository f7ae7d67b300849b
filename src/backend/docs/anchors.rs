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
    match target {
        Target::Type(id) => ir.ty(*id).name.name.clone(),
        Target::Value(id, index) => {
            let value = ir.int_like(*id).and_then(|i| i.values.get(*index));
            let ty = &ir.ty(*id).name.name;
            value.map_or_else(|| ty.clone(), |v| join(ty, &v.name.name))
        }
        Target::Member(path) => {
            let mut parts = vec![ir.ty(path.owner).name.name.clone()];
            parts.extend(member_steps(ir, path));
            parts.join(".")
        }
        Target::Syscall(id) => ir.syscall(*id).name.name.clone(),
        Target::Param(id, direction, index) => join(
            &ir.syscall(*id).name.name,
            ir.param_name(*id, *direction, *index),
        ),
    }
}

/// `prefix.name`, or `prefix` alone for an anonymous member, or `name` alone at the top.
pub fn join(prefix: &str, name: &str) -> String {
    if name.is_empty() {
        prefix.to_string()
    } else if prefix.is_empty() {
        name.to_string()
    } else {
        format!("{prefix}.{name}")
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

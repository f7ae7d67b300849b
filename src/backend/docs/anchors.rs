//! Anchors: every documented thing is addressed by its dotted spec path (`fd`,
//! `fdflags.append`, `fd_read.iovs`, `subscription.clock.timeout`, `auxv.a_val`), the same
//! path a doc reference uses, so anchors agree across the Markdown files and the site.

use crate::ir::{Ir, Member, MemberKind, MemberPath, Target, TypeKind};

/// The names along a member path after its owner: named arms are steps, anonymous arms and
/// variants are not. Out-of-range indices end the walk early rather than panic.
pub fn member_steps(ir: &Ir, path: &MemberPath) -> Vec<String> {
    let mut steps = Vec::new();
    let members: &[Member] = match &ir.ty(path.owner).kind {
        TypeKind::Struct(s) => &s.members,
        TypeKind::Function(f) => &f.params,
        TypeKind::IntLike(_) => return steps,
    };
    let Some(mut member) = members.get(path.first) else {
        return steps;
    };
    push_name(&mut steps, member);
    for &(arm, index) in &path.arms {
        let MemberKind::Variant(v) = &member.kind else {
            break;
        };
        let Some(arm) = v.arms.get(arm) else { break };
        if let Some(name) = &arm.name {
            steps.push(name.name.clone());
        }
        let Some(next) = arm.members.get(index) else {
            break;
        };
        member = next;
        push_name(&mut steps, member);
    }
    steps
}

fn push_name(steps: &mut Vec<String>, member: &Member) {
    if let Some(name) = &member.name {
        steps.push(name.name.clone());
    }
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
        Target::Param(id, output, index) => {
            let s = ir.syscall(*id);
            let members = if *output { &s.outputs } else { &s.inputs };
            let name = members.get(*index).map_or("", Member::name);
            join(&s.name.name, name)
        }
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

/// How many variants come before member `index`: which `union` field a variant is.
pub fn variant_ordinal(members: &[Member], index: usize) -> usize {
    members[..index.min(members.len())]
        .iter()
        .filter(|m| matches!(m.kind, MemberKind::Variant(_)))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::Doc;

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

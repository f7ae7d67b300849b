//! Rules that need the whole declaration: value ranges, flag bits, duplicate names inside a
//! type, overlapping variant arms. Name resolution errors are reported by `lower`.

use super::FastMap as HashMap;
use super::*;
use std::borrow::Cow;

pub(super) fn validate(ir: &Ir, diags: &mut Vec<Diagnostic>) {
    for def in &ir.types {
        match &def.kind {
            TypeKind::IntLike(int) => int_like(def, int, diags),
            TypeKind::Struct(s) => {
                member_names(&s.members, &format!("struct `{}`", def.name.name), diags);
                variants(ir, &s.members, diags);
                own_values(ir, &s.members, diags);
            }
            TypeKind::Function(f) => {
                member_names(&f.params, &format!("function `{}`", def.name.name), diags)
            }
        }
    }
    for s in &ir.syscalls {
        let both: Vec<&Member> = s.inputs.iter().chain(&s.outputs).collect();
        member_names(both, &format!("syscall `{}`", s.name.name), diags);
        own_values(ir, &s.inputs, diags);
        own_values(ir, &s.outputs, diags);
    }
}

/// A value a member names itself (`0 exited`) must fit its type, and be neither a value
/// nor a name its type has (that one is referred to by name alone), nor named twice.
fn own_values(ir: &Ir, members: &[Member], diags: &mut Vec<Diagnostic>) {
    for m in members {
        let own = match &m.kind {
            MemberKind::Simple {
                ty: Type::Named(id),
                own_values,
                ..
            } if !own_values.is_empty() => (ir.int_like(*id).map(|i| (*id, i)), own_values),
            MemberKind::Variant(v) => {
                for arm in &v.arms {
                    own_values(ir, &arm.members, diags);
                }
                continue;
            }
            _ => continue,
        };
        let (Some((id, int)), values) = own else {
            continue;
        };
        let type_name = &ir.ty(id).name.name;
        let (min, max) = int.base.value_range();
        let mut seen: HashMap<&str, Span> = HashMap::default();
        for v in values {
            if let Some(&earlier) = seen.get(v.name.name.as_str()) {
                diags.push(duplicate(
                    v.name.span,
                    earlier,
                    &format!("duplicate value `{}` in `{}`", v.name.name, m.name()),
                ));
            }
            seen.insert(&v.name.name, v.name.span);
            if v.value < min || v.value > max {
                diags.push(
                    Diagnostic::error(
                        v.value_span,
                        format!(
                            "value {} does not fit in `{}`",
                            v.value,
                            int.base.spec_name()
                        ),
                    )
                    .with_label(format!("`{type_name}` values range from {min} to {max}")),
                );
            }
            if let Some(named) = int
                .values
                .iter()
                .find(|t| t.value == v.value || t.name.name == v.name.name)
            {
                diags.push(
                    Diagnostic::error(
                        v.name.span,
                        format!(
                            "`{type_name}` already has the value `{}` ({})",
                            named.name.name, named.value
                        ),
                    )
                    .with_label("a member names only values its type does not")
                    .with_note(format!("refer to it as `{}` alone", named.name.name)),
                );
            }
        }
    }
}

fn int_like(def: &TypeDef, int: &IntLike, diags: &mut Vec<Diagnostic>) {
    let type_name = &def.name.name;
    let mut names: HashMap<&str, Span> = HashMap::default();
    let mut numbers: HashMap<i128, Span> = HashMap::default();
    let (min, max) = int.base.value_range();
    for v in &int.values {
        if let Some(&earlier) = names.get(v.name.name.as_str()) {
            diags.push(duplicate(
                v.name.span,
                earlier,
                &format!("duplicate value `{}` in `{type_name}`", v.name.name),
            ));
        }
        names.insert(&v.name.name, v.name.span);
        if v.value < min || v.value > max {
            diags.push(
                Diagnostic::error(
                    v.value_span,
                    format!(
                        "value {} does not fit in `{}`",
                        v.value,
                        int.base.spec_name()
                    ),
                )
                .with_label(format!("`{type_name}` values range from {min} to {max}")),
            );
            continue;
        }
        let earlier = numbers.insert(v.value, v.value_span);
        match int.kind {
            IntLikeKind::Flags => flag_value(v, earlier, type_name, diags),
            IntLikeKind::Enum => {
                if let Some(earlier) = earlier {
                    diags.push(duplicate(
                        v.value_span,
                        earlier,
                        &format!("two values of enum `{type_name}` are both {}", v.value),
                    ));
                }
            }
            // Opaque types may give one number several names (`fd`'s sentinels do).
            IntLikeKind::Opaque | IntLikeKind::Alias => {}
        }
    }
}

fn flag_value(v: &Value, earlier: Option<Span>, type_name: &str, diags: &mut Vec<Diagnostic>) {
    if v.value <= 0 || v.value & (v.value - 1) != 0 {
        diags.push(
            Diagnostic::error(
                v.value_span,
                format!(
                    "flag `{}` of `{type_name}` is not a single bit",
                    v.name.name
                ),
            )
            .with_label(format!(
                "{:#x} has {} bits set",
                v.value,
                v.value.count_ones()
            ))
            .with_note("each flag must be a distinct power of two"),
        );
    } else if let Some(earlier) = earlier {
        diags.push(duplicate(
            v.value_span,
            earlier,
            &format!(
                "flag `{}` of `{type_name}` overlaps another flag",
                v.name.name
            ),
        ));
    }
}

fn duplicate(span: Span, earlier: Span, message: &str) -> Diagnostic {
    Diagnostic::error(span, message)
        .with_label("repeated here")
        .with_secondary(earlier, "first used here")
}

/// Names that share one namespace: the members, plus the arm names and anonymous-arm
/// members of every variant (C puts them all in the struct through an anonymous union), plus
/// the `_len` half of every range.
fn member_names<'m>(
    members: impl IntoIterator<Item = &'m Member>,
    owner: &str,
    diags: &mut Vec<Diagnostic>,
) {
    let mut seen: HashMap<Cow<'m, str>, Span> = HashMap::default();
    let mut check = |name: Cow<'m, str>, span: Span, diags: &mut Vec<Diagnostic>| {
        if let Some(&earlier) = seen.get(&name) {
            diags.push(duplicate(
                span,
                earlier,
                &format!("duplicate member `{name}` in {owner}"),
            ));
        } else {
            seen.insert(name, span);
        }
    };
    for m in members {
        match &m.kind {
            MemberKind::Simple { .. } => check(Cow::Borrowed(m.name()), m.span, diags),
            MemberKind::Range { .. } => {
                check(Cow::Borrowed(m.name()), m.span, diags);
                check(Cow::Owned(m.len_name()), m.span, diags);
            }
            MemberKind::Variant(v) => {
                for arm in &v.arms {
                    match &arm.name {
                        Some(name) => {
                            check(Cow::Borrowed(&name.name), name.span, diags);
                            member_names(
                                &arm.members,
                                &format!("arm `{}` of {owner}", name.name),
                                diags,
                            );
                        }
                        None => arm
                            .members
                            .iter()
                            .for_each(|am| check(Cow::Borrowed(am.name()), am.span, diags)),
                    }
                }
            }
        }
    }
}

/// A tag value may select at most one arm.
fn variants(ir: &Ir, members: &[Member], diags: &mut Vec<Diagnostic>) {
    for m in members {
        let MemberKind::Variant(v) = &m.kind else {
            continue;
        };
        let mut owner: HashMap<usize, Span> = HashMap::default();
        for arm in &v.arms {
            for &(value, span) in &arm.tag_values {
                if let Some(&earlier) = owner.get(&value) {
                    let name = ir
                        .int_like(v.tag_type)
                        .map_or("?", |i| i.values[value].name.name.as_str());
                    diags.push(duplicate(
                        span,
                        earlier,
                        &format!("tag value `{name}` selects more than one arm"),
                    ));
                } else {
                    owner.insert(value, span);
                }
            }
            variants(ir, &arm.members, diags);
        }
    }
}

//! What a member's values mean: which names a value of it is shown with. A decoder (the
//! host tracer) asks here instead of taking every named value of the member's type, since
//! two values of one type may share a number and mean different things in different places.

use super::{IntLikeKind, Ir, Member, MemberKind, Target, Type, TypeId, Value};

/// A name a member's value may be shown with.
#[derive(Debug, Clone, Copy)]
pub enum ValueName<'a> {
    /// A value of the member's type: `IntLike::values[index]`.
    OfType(TypeId, usize),
    /// A value the member names itself (`NUMBER NAME` under it).
    Own(&'a Value),
}

impl Ir {
    /// The named values a value of `member` can be, with their numbers: every value of an
    /// enum type (any may occur); of an opaque or alias type only the values the member
    /// lists or its documentation refers to, since their named values are special values
    /// that mean something only where a member says so (`mem_map`'s `fd` "must be
    /// [fd.map_anon_fd]" and may be `MAP_ANON_FD`, never `PROCESS_CHILD`, which has the
    /// same number); and the values the member names itself (a `proc_terminate` event's
    /// `signal` 0, an exit). Flags are named bit by bit by their type: only their own
    /// values are listed here.
    pub fn value_names<'a>(&'a self, member: &'a Member) -> Vec<(i128, ValueName<'a>)> {
        let MemberKind::Simple {
            ty: Type::Named(id),
            valrefs,
            own_values,
        } = &member.kind
        else {
            return Vec::new();
        };
        let Some(int) = self.int_like(*id) else {
            return Vec::new();
        };
        let of_type: Vec<usize> = match int.kind {
            IntLikeKind::Enum => (0..int.values.len()).collect(),
            IntLikeKind::Opaque | IntLikeKind::Alias => {
                let referred = member.doc.links.iter().filter_map(|l| match l.target {
                    Target::Value(ty, i) if ty == *id => Some(i),
                    _ => None,
                });
                let mut listed: Vec<usize> =
                    valrefs.iter().map(|v| v.value).chain(referred).collect();
                listed.sort_unstable();
                listed.dedup();
                listed
            }
            IntLikeKind::Flags => Vec::new(),
        };
        of_type
            .into_iter()
            .map(|i| (int.values[i].value, ValueName::OfType(*id, i)))
            .chain(own_values.iter().map(|v| (v.value, ValueName::Own(v))))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::TypeKind;

    fn names(ir: &Ir, member: &Member) -> Vec<(i128, String)> {
        ir.value_names(member)
            .into_iter()
            .map(|(v, n)| {
                let name = match n {
                    ValueName::OfType(id, i) => {
                        ir.int_like(id).unwrap().values[i].name.name.clone()
                    }
                    ValueName::Own(v) => v.name.name.clone(),
                };
                (v, name)
            })
            .collect()
    }

    fn input<'a>(ir: &'a Ir, call: &str, name: &str) -> &'a Member {
        let s = ir.find_syscall(call).unwrap();
        s.inputs
            .iter()
            .chain(&s.outputs)
            .find(|m| m.name() == name)
            .unwrap()
    }

    #[test]
    fn a_descriptor_means_a_special_value_only_where_its_member_says_so() {
        let ir = crate::default_ir().unwrap();
        let anon = vec![(0xffff_ffff, "map_anon_fd".to_string())];
        assert_eq!(names(&ir, input(&ir, "mem_map", "fd")), anon);
        let child = vec![(0xffff_ffff, "process_child".to_string())];
        assert_eq!(names(&ir, input(&ir, "proc_fork", "fd")), child);
        assert!(names(&ir, input(&ir, "fd_write", "fd")).is_empty());
    }

    #[test]
    fn a_proc_terminate_signal_of_zero_is_an_exit() {
        let ir = crate::default_ir().unwrap();
        let event = ir.ty(ir.find_type("event").unwrap());
        let TypeKind::Struct(s) = &event.kind else {
            panic!()
        };
        let MemberKind::Variant(v) = &s.members.last().unwrap().kind else {
            panic!()
        };
        let arm = v
            .arms
            .iter()
            .find(|a| a.name.as_ref().unwrap().name == "proc_terminate");
        let signal = arm
            .unwrap()
            .members
            .iter()
            .find(|m| m.name() == "signal")
            .unwrap();
        let all = names(&ir, signal);
        assert!(all.contains(&(0, "exited".to_string())), "{all:?}");
        assert!(
            all.iter().any(|(_, n)| n == "kill"),
            "every signal is named too"
        );
    }
}

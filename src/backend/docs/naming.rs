//! How the docs spell things, per language. The docs decide nothing about names
//! themselves: each strategy asks the language's naming module (`crate::naming::c`,
//! `crate::naming::rust`) and only cuts the answer into [`Code`] pieces for linking.

mod c;
mod rust;
mod spec;

pub use c::CDocs;
pub use rust::RustDocs;
pub use spec::SpecDocs;

use super::anchors;
use super::code::Code;
use crate::ir::{Ir, Member, MemberPath, Syscall, SyscallId, Target, Type, TypeId};

/// The names a page mentions over and over (in headings, declarations and every doc
/// reference), spelled once per IR: spelling them again at each use was most of what
/// building a page model cost.
pub struct Names {
    /// Per type.
    types: Vec<String>,
    /// Per type, the names of its values (none for a type without values).
    values: Vec<Vec<String>>,
    /// Per syscall, as a heading shows it.
    syscalls: Vec<String>,
}

impl Names {
    /// Spells every type, value and syscall of `ir` with the given functions.
    pub fn new(
        ir: &Ir,
        type_name: impl Fn(TypeId) -> String,
        value_name: impl Fn(TypeId, usize) -> String,
        syscall_title: impl Fn(&Syscall) -> String,
    ) -> Names {
        let ids = || (0..ir.types.len() as u32).map(TypeId);
        let values_of = |id| {
            let count = ir.int_like(id).map_or(0, |int| int.values.len());
            (0..count).map(|index| value_name(id, index)).collect()
        };
        Names {
            types: ids().map(type_name).collect(),
            values: ids().map(values_of).collect(),
            syscalls: ir.syscalls.iter().map(syscall_title).collect(),
        }
    }

    pub fn ty(&self, id: TypeId) -> &str {
        &self.types[id.0 as usize]
    }

    /// `""` for a value the type does not have.
    pub fn value(&self, id: TypeId, index: usize) -> &str {
        self.values[id.0 as usize]
            .get(index)
            .map_or("", String::as_str)
    }

    pub fn syscall(&self, id: SyscallId) -> &str {
        &self.syscalls[id.0 as usize]
    }
}

/// The spelling of everything a documentation page names, in one language.
pub trait DocNaming {
    /// Info string of a fenced code block in this language (`c`, `rust`), or `""`.
    fn fence(&self) -> &'static str;
    /// A type's name: `cloudabi_fd_t`, `fd`.
    fn type_name<'a>(&'a self, ir: &'a Ir, id: TypeId) -> &'a str;
    /// A value's name: `CLOUDABI_FDFLAGS_APPEND`, `fdflags::APPEND`.
    fn value_name<'a>(&'a self, ir: &'a Ir, id: TypeId, index: usize) -> &'a str;
    /// A syscall as a heading or link shows it: `cloudabi_sys_fd_read()`, `fd_read()`.
    fn syscall_title<'a>(&'a self, ir: &'a Ir, id: SyscallId) -> &'a str;
    /// A struct member or parameter name: `type`, `r#type`.
    fn field_name(&self, name: &str) -> String;
    /// A reference to a member: `cloudabi_subscription_t::clock.timeout`,
    /// `subscription.union.clock.timeout`.
    fn member_ref(&self, ir: &Ir, path: &MemberPath) -> String;
    /// A reference to a syscall parameter.
    fn param_ref(&self, ir: &Ir, syscall: &Syscall, name: &str) -> String;
    /// A type expression on its own.
    fn type_code(&self, ir: &Ir, ty: &Type) -> Code;
    /// A struct member or function parameter of type `ty`.
    fn decl(&self, ir: &Ir, name: &str, ty: &Type) -> Code;
    /// A member of an anonymous arm of the `ordinal`-th variant (from 0) of a struct.
    fn union_member_decl(&self, ir: &Ir, ordinal: usize, name: &str, ty: &Type) -> Code {
        let _ = ordinal;
        self.decl(ir, name, ty)
    }
    /// A syscall input of type `ty`.
    fn param_decl(&self, ir: &Ir, name: &str, ty: &Type) -> Code {
        self.decl(ir, name, ty)
    }
    /// A range member: its pointer and its length, however the language stores them.
    fn range_decls(&self, ir: &Ir, name: &str, member: &Member, in_syscall: bool) -> Vec<Code>;
    /// A syscall output `name`, through which a value of type `ty` is returned.
    fn output_decl(&self, ir: &Ir, name: &str, ty: &Type) -> Code;
    /// A named arm of the `ordinal`-th variant (from 0) of struct `owner`.
    fn arm_decl(&self, ir: &Ir, owner: TypeId, ordinal: usize, arm: &str) -> Code;
    /// The declaration of an int-like or function type, if the language has a short one.
    fn type_signature(&self, ir: &Ir, id: TypeId) -> Option<Code>;
    /// A syscall's signature.
    fn syscall_signature(&self, ir: &Ir, syscall: &Syscall) -> Code;

    /// Appends [`DocNaming::link_label`] to `out`.
    fn push_link_label(&self, out: &mut String, ir: &Ir, target: &Target) {
        match target {
            Target::Type(id) => out.push_str(self.type_name(ir, *id)),
            Target::Value(id, index) => out.push_str(self.value_name(ir, *id, *index)),
            Target::Syscall(id) => out.push_str(self.syscall_title(ir, *id)),
            Target::Member(_) | Target::Param(..) => out.push_str(&self.link_label(ir, target)),
        }
    }

    /// How a doc reference reads.
    fn link_label(&self, ir: &Ir, target: &Target) -> String {
        match target {
            Target::Type(id) => self.type_name(ir, *id).to_string(),
            Target::Value(id, index) => self.value_name(ir, *id, *index).to_string(),
            Target::Member(path) => self.member_ref(ir, path),
            Target::Syscall(id) => self.syscall_title(ir, *id).to_string(),
            Target::Param(id, direction, index) => {
                let name = ir.param_name(*id, *direction, *index);
                self.param_ref(ir, ir.syscall(*id), name)
            }
        }
    }
}

/// The member names of a path after its owner, joined with dots.
pub fn dotted_steps(ir: &Ir, path: &MemberPath) -> String {
    anchors::member_steps(ir, path).join(".")
}

/// Lays out a parameter list on one line when it is short, else one parameter per line:
/// `head(a, b)tail` or `head(\n    a,\n    b\n)tail` (with a comma after `b` if
/// `trailing_comma`).
pub fn param_list(mut head: Code, params: Vec<Code>, tail: &str, trailing_comma: bool) -> Code {
    let one_line: usize =
        head.plain_len() + params.iter().map(|p| p.plain_len() + 2).sum::<usize>() + tail.len();
    if one_line <= 80 || params.is_empty() {
        head.push_text("(");
        head.append(Code::join(params, ", "));
        head.push_text(")");
    } else {
        head.push_text("(\n");
        let count = params.len();
        for (i, p) in params.into_iter().enumerate() {
            head.push_text("    ");
            head.append(p);
            head.push_text(if i + 1 < count || trailing_comma {
                ",\n"
            } else {
                "\n"
            });
        }
        head.push_text(")");
    }
    head.push_text(tail);
    head
}

//! Rust spelling for the docs, from `crate::naming::rust`: the names of the `cloudabi` crate
//! and the wrappers' signatures.

use super::{param_list, DocNaming, Names};
use crate::backend::docs::code::{leaf_link, Code, Piece};
use crate::ir::{IntLike, Ir, Member, MemberKind, MemberPath, Syscall, SyscallId, Type, TypeId};
use crate::ir::{IntType, TypeKind};
use crate::naming::rust::{self as naming, ItemKind};

/// The names a Rust programmer uses: `fd`, `rights::FD_READ`, `fd_read()`.
pub struct RustDocs {
    names: Names,
}

impl RustDocs {
    pub fn new(ir: &Ir) -> RustDocs {
        let names = Names::new(
            ir,
            |id| naming::type_name(ir, id),
            |id, index| naming::value_path(ir, id, index),
            |syscall| format!("{}()", naming::syscall_fn(&syscall.name.name)),
        );
        RustDocs { names }
    }

    fn link<'a>(&'a self, ir: &'a Ir, ty: &Type) -> Option<(&'a str, &'a str)> {
        leaf_link(ir, ty, |id| self.names.ty(id))
    }

    fn named(&self, name: String, ty: Code) -> Code {
        let mut code = Code::name(name);
        code.push_text(": ");
        code.append(ty);
        code
    }

    /// A wrapper's slice parameter for a range: `&[iovec]`, `&mut [u8]`.
    fn slice(&self, ir: &Ir, constant: bool, target: &Type) -> Code {
        // A slice of `()` would have no length in bytes: byte buffers are `[u8]`.
        let element = match target {
            Type::Void => Type::Int(IntType::Uint8),
            other => other.clone(),
        };
        let mut code = Code::text(if constant { "&[" } else { "&mut [" });
        code.append(self.type_code(ir, &element));
        code.push_text("]");
        code
    }

    /// `union.clock.timeout`: the fields crossed from the owner to a member.
    fn access_path(&self, ir: &Ir, path: &MemberPath) -> Vec<String> {
        let steps = ir.member_steps(path);
        let mut fields = Vec::with_capacity(2 * steps.len());
        for (i, step) in steps.iter().enumerate() {
            if i + 1 < steps.len() {
                // A variant crossed on the way: its union field, then the arm's.
                fields.push(naming::variant_field(step.variant_ordinal()));
                if let Some((_, arm)) = steps[i + 1].arm {
                    fields.extend(arm.name.as_ref().map(|n| naming::field_name(&n.name)));
                }
            } else {
                fields.push(naming::field_name(step.member.name()));
            }
        }
        fields
    }
}

impl DocNaming for RustDocs {
    fn fence(&self) -> &'static str {
        "rust"
    }

    fn type_name<'a>(&'a self, _ir: &'a Ir, id: TypeId) -> &'a str {
        self.names.ty(id)
    }

    fn value_name<'a>(&'a self, _ir: &'a Ir, id: TypeId, index: usize) -> &'a str {
        self.names.value(id, index)
    }

    fn syscall_title<'a>(&'a self, _ir: &'a Ir, id: SyscallId) -> &'a str {
        self.names.syscall(id)
    }

    fn field_name(&self, name: &str) -> String {
        naming::field_name(name)
    }

    fn member_ref(&self, ir: &Ir, path: &MemberPath) -> String {
        let mut parts = vec![self.names.ty(path.owner).to_string()];
        parts.extend(self.access_path(ir, path));
        parts.join(".")
    }

    fn param_ref(&self, _ir: &Ir, syscall: &Syscall, name: &str) -> String {
        format!(
            "{}({})",
            naming::syscall_fn(&syscall.name.name),
            naming::wrapper_param(name)
        )
    }

    fn type_code(&self, ir: &Ir, ty: &Type) -> Code {
        Code::parse(
            &naming::type_expr(ir, ty),
            self.link(ir, ty).as_slice(),
            &[],
        )
    }

    fn decl(&self, ir: &Ir, name: &str, ty: &Type) -> Code {
        self.named(naming::field_name(name), self.type_code(ir, ty))
    }

    /// Rust puts anonymous arms' members in the struct's `union` field.
    fn union_member_decl(&self, ir: &Ir, ordinal: usize, name: &str, ty: &Type) -> Code {
        let field = format!(
            "{}.{}",
            naming::variant_field(ordinal),
            naming::field_name(name)
        );
        self.named(field, self.type_code(ir, ty))
    }

    fn param_decl(&self, ir: &Ir, name: &str, ty: &Type) -> Code {
        self.named(naming::wrapper_param(name), self.type_code(ir, ty))
    }

    fn range_decls(&self, ir: &Ir, name: &str, member: &Member, in_syscall: bool) -> Vec<Code> {
        let MemberKind::Range {
            constant,
            target,
            pointer,
            ..
        } = &member.kind
        else {
            return Vec::new();
        };
        if in_syscall {
            let slice = self.slice(ir, *constant, target);
            return vec![self.named(naming::wrapper_param(name), slice)];
        }
        // In a struct, a range is one field: a (pointer, length) tuple.
        let mut tuple = Code::text("(");
        tuple.append(self.type_code(ir, pointer));
        tuple.push_text(", usize)");
        vec![self.named(naming::field_name(name), tuple)]
    }

    fn output_decl(&self, ir: &Ir, name: &str, ty: &Type) -> Code {
        let pointer = Type::Pointer {
            constant: false,
            target: Box::new(ty.clone()),
        };
        self.named(naming::wrapper_param(name), self.type_code(ir, &pointer))
    }

    fn arm_decl(&self, _ir: &Ir, owner: TypeId, ordinal: usize, arm: &str) -> Code {
        let field = format!(
            "{}.{}",
            naming::variant_field(ordinal),
            naming::field_name(arm)
        );
        let owner = self.names.ty(owner);
        self.named(field, Code::text(naming::arm_type(owner, arm)))
    }

    fn type_signature(&self, ir: &Ir, id: TypeId) -> Option<Code> {
        let name = self.names.ty(id);
        match &ir.ty(id).kind {
            TypeKind::IntLike(int) => Some(int_like_signature(name, int)),
            TypeKind::Function(f) => {
                let mut head = Code::text("pub type ");
                head.push(Piece::Name(name.to_string()));
                head.push_text(" = unsafe extern \"C\" fn");
                let params: Vec<Code> = f
                    .params
                    .iter()
                    .flat_map(|p| self.function_param(ir, p))
                    .collect();
                let mut tail = Code::default();
                if let Some((ty, _)) = &f.returns {
                    tail.push_text(" -> ");
                    tail.append(self.type_code(ir, ty));
                }
                tail.push_text(";");
                let mut code = param_list(head, params, "", true);
                code.append(tail);
                Some(code)
            }
            TypeKind::Struct(_) => None,
        }
    }

    fn syscall_signature(&self, ir: &Ir, syscall: &Syscall) -> Code {
        let mut head = Code::text("pub unsafe fn ");
        head.push(Piece::Name(naming::syscall_fn(&syscall.name.name)));
        let mut params = Vec::new();
        for m in &syscall.inputs {
            params.extend(match &m.kind {
                MemberKind::Simple { ty, .. } => vec![self.param_decl(ir, m.name(), ty)],
                MemberKind::Range { .. } => self.range_decls(ir, m.name(), m, true),
                MemberKind::Variant(_) => Vec::new(),
            });
        }
        for m in &syscall.outputs {
            if let MemberKind::Simple { ty, .. } = &m.kind {
                params.push(self.output_decl(ir, m.name(), ty));
            }
        }
        let mut code = param_list(head, params, "", true);
        if syscall.noreturn {
            code.push_text(" -> !");
        } else {
            code.push_text(" -> ");
            let errno = ir.find_type("errno");
            code.append(errno.map_or_else(
                || Code::text("errno"),
                |id| self.type_code(ir, &Type::Named(id)),
            ));
        }
        code
    }
}

impl RustDocs {
    /// A function type's parameter; a range is its pointer and length.
    fn function_param(&self, ir: &Ir, member: &Member) -> Vec<Code> {
        match &member.kind {
            MemberKind::Simple { ty, .. } => vec![self.decl(ir, member.name(), ty)],
            MemberKind::Range { pointer, .. } => vec![
                self.decl(ir, member.name(), pointer),
                self.decl(ir, &member.len_name(), &Type::Int(IntType::Size)),
            ],
            MemberKind::Variant(_) => Vec::new(),
        }
    }
}

/// What the crate declares for an int-like type: an enum, a bitflags struct, a newtype or
/// a plain alias.
fn int_like_signature(name: &str, int: &IntLike) -> Code {
    let base = naming::int_type(int.base);
    let (before, after) = match naming::int_item_kind(int) {
        ItemKind::Enum => (
            format!("#[repr({base})]\n#[non_exhaustive]\npub enum "),
            " { … }".to_string(),
        ),
        ItemKind::Flags => (
            "bitflags! { pub struct ".to_string(),
            format!(": {base} {{ … }} }}"),
        ),
        ItemKind::Alias => ("pub type ".to_string(), format!(" = {base};")),
        _ => ("pub struct ".to_string(), format!("(pub {base});")),
    };
    let mut code = Code::text(before);
    code.push(Piece::Name(name.to_string()));
    code.push_text(&after);
    code
}

//! The spec's own spelling: the names and type syntax of cloudabi.txt. The HTML site uses
//! it for what is the same in every language (headings, doc references, value names) and
//! shows the C and Rust spellings next to it.

use super::{dotted_steps, param_list, DocNaming};
use crate::backend::docs::code::{Code, Piece};
use crate::ir::{Ir, Member, MemberKind, MemberPath, Syscall, SyscallId, Type, TypeId};

pub struct SpecDocs;

impl SpecDocs {
    fn spell(&self, ir: &Ir, ty: &Type, code: &mut Code) {
        match ty {
            Type::Void => code.push_text("void"),
            Type::Int(int) => code.push_text(int.spec_name()),
            Type::Named(id) => {
                let name = ir.ty(*id).name.name.clone();
                code.push(Piece::Link {
                    text: name.clone(),
                    anchor: name,
                });
            }
            Type::Pointer { constant, target } => {
                code.push_text(if *constant { "cptr " } else { "ptr " });
                self.spell(ir, target, code);
            }
            Type::Atomic(target) => {
                code.push_text("atomic ");
                self.spell(ir, target, code);
            }
            Type::Array { count, element } => {
                code.push_text(&format!("array {count} "));
                self.spell(ir, element, code);
            }
        }
    }
}

impl DocNaming for SpecDocs {
    fn fence(&self) -> &'static str {
        ""
    }

    fn type_name<'a>(&'a self, ir: &'a Ir, id: TypeId) -> &'a str {
        &ir.ty(id).name.name
    }

    fn value_name<'a>(&'a self, ir: &'a Ir, id: TypeId, index: usize) -> &'a str {
        ir.int_like(id)
            .and_then(|i| i.values.get(index))
            .map_or("", |v| v.name.name.as_str())
    }

    fn syscall_title<'a>(&'a self, ir: &'a Ir, id: SyscallId) -> &'a str {
        &ir.syscall(id).name.name
    }

    fn field_name(&self, name: &str) -> String {
        name.to_string()
    }

    fn member_ref(&self, ir: &Ir, path: &MemberPath) -> String {
        format!("{}.{}", ir.ty(path.owner).name.name, dotted_steps(ir, path))
    }

    fn param_ref(&self, _ir: &Ir, syscall: &Syscall, name: &str) -> String {
        format!("{}.{name}", syscall.name.name)
    }

    /// Doc references read as the path that was written, `fdflags.append`.
    fn link_label(&self, ir: &Ir, target: &crate::ir::Target) -> String {
        crate::backend::docs::anchors::of_target(ir, target)
    }

    fn push_link_label(&self, out: &mut String, ir: &Ir, target: &crate::ir::Target) {
        crate::backend::docs::anchors::push_target(out, ir, target);
    }

    fn type_code(&self, ir: &Ir, ty: &Type) -> Code {
        let mut code = Code::default();
        self.spell(ir, ty, &mut code);
        code
    }

    fn decl(&self, ir: &Ir, name: &str, ty: &Type) -> Code {
        let mut code = self.type_code(ir, ty);
        code.push_text(" ");
        code.push(Piece::Name(name.to_string()));
        code
    }

    fn range_decls(&self, ir: &Ir, name: &str, member: &Member, _in_syscall: bool) -> Vec<Code> {
        let MemberKind::Range {
            constant, target, ..
        } = &member.kind
        else {
            return Vec::new();
        };
        let mut code = Code::text(if *constant { "crange " } else { "range " });
        self.spell(ir, target, &mut code);
        code.push_text(" ");
        code.push(Piece::Name(name.to_string()));
        vec![code]
    }

    fn output_decl(&self, ir: &Ir, name: &str, ty: &Type) -> Code {
        self.decl(ir, name, ty)
    }

    fn arm_decl(&self, _ir: &Ir, _owner: TypeId, _ordinal: usize, arm: &str) -> Code {
        let mut code = Code::text("struct ");
        code.push(Piece::Name(arm.to_string()));
        code
    }

    fn type_signature(&self, _ir: &Ir, _id: TypeId) -> Option<Code> {
        None
    }

    fn syscall_signature(&self, _ir: &Ir, syscall: &Syscall) -> Code {
        param_list(Code::name(syscall.name.name.clone()), Vec::new(), "", false)
    }
}

//! C spelling for the docs, from `crate::naming::c` with user-space (native) naming.

use super::{dotted_steps, param_list, DocNaming, Names};
use crate::backend::docs::code::{leaf_link, Code, Piece};
use crate::ir::{IntType, Ir, Member, MemberPath, Syscall, SyscallId, Type, TypeId, TypeKind};
use crate::naming::c::{self as naming, CNaming};

/// The names a C programmer uses: `cloudabi_fd_t`, `CLOUDABI_RIGHT_FD_READ`,
/// `cloudabi_sys_fd_read()`.
pub struct CDocs {
    names: Names,
}

const C: CNaming = CNaming::NATIVE;

impl CDocs {
    pub fn new(ir: &Ir) -> CDocs {
        let names = Names::new(
            ir,
            |id| C.type_name(ir, id),
            |id, index| naming::value_name(ir, id, index).unwrap_or_default(),
            |syscall| format!("{}()", C.syscall_name(syscall)),
        );
        CDocs { names }
    }

    fn link<'a>(&'a self, ir: &'a Ir, ty: &Type) -> Option<(&'a str, &'a str)> {
        leaf_link(ir, ty, |id| self.names.ty(id))
    }
}

impl DocNaming for CDocs {
    fn fence(&self) -> &'static str {
        "c"
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
        name.to_string()
    }

    fn member_ref(&self, ir: &Ir, path: &MemberPath) -> String {
        format!("{}::{}", self.names.ty(path.owner), dotted_steps(ir, path))
    }

    fn param_ref(&self, _ir: &Ir, syscall: &Syscall, name: &str) -> String {
        format!("{}({name})", C.syscall_name(syscall))
    }

    fn type_code(&self, ir: &Ir, ty: &Type) -> Code {
        Code::parse(&C.type_spelling(ir, ty), self.link(ir, ty).as_slice(), &[])
    }

    fn decl(&self, ir: &Ir, name: &str, ty: &Type) -> Code {
        Code::parse(
            &C.declarator(ir, ty, name),
            self.link(ir, ty).as_slice(),
            &[name],
        )
    }

    fn range_decls(&self, ir: &Ir, name: &str, member: &Member, _in_syscall: bool) -> Vec<Code> {
        let crate::ir::MemberKind::Range { pointer, .. } = &member.kind else {
            return Vec::new();
        };
        let len = crate::ir::len_name(name);
        vec![
            self.decl(ir, name, pointer),
            self.decl(ir, &len, &Type::Int(IntType::Size)),
        ]
    }

    fn output_decl(&self, ir: &Ir, name: &str, ty: &Type) -> Code {
        let pointer = Type::Pointer {
            constant: false,
            target: Box::new(ty.clone()),
        };
        self.decl(ir, name, &pointer)
    }

    fn arm_decl(&self, _ir: &Ir, _owner: TypeId, _ordinal: usize, arm: &str) -> Code {
        let mut code = Code::text("struct { … } ");
        code.push(Piece::Name(arm.to_string()));
        code
    }

    fn type_signature(&self, ir: &Ir, id: TypeId) -> Option<Code> {
        let name = self.names.ty(id);
        match &ir.ty(id).kind {
            TypeKind::IntLike(int) => {
                let mut code = Code::text("typedef ");
                code.append(self.decl(ir, name, &Type::Int(int.base)));
                code.push_text(";");
                Some(code)
            }
            TypeKind::Function(f) => {
                let ret = f.returns.as_ref().map_or(Type::Void, |(t, _)| t.clone());
                let mut head = Code::text("typedef ");
                head.append(self.type_code(ir, &ret));
                head.push_text(" ");
                head.push(Piece::Name(name.to_string()));
                let params = f.params.iter().flat_map(|p| self.member_decls(ir, p));
                let params: Vec<Code> = params.collect();
                let params = if params.is_empty() {
                    vec![Code::text("void")]
                } else {
                    params
                };
                Some(param_list(head, params, ";", false))
            }
            TypeKind::Struct(_) => None,
        }
    }

    fn syscall_signature(&self, ir: &Ir, syscall: &Syscall) -> Code {
        let mut links = Vec::new();
        if let Some(errno) = ir.find_type("errno") {
            links.push((self.names.ty(errno), "errno"));
        }
        let name = C.syscall_name(syscall);
        let head = Code::parse(&C.syscall_head(ir, syscall), &links, &[&name]);
        let params: Vec<Code> = syscall
            .params
            .iter()
            .map(|p| {
                let spelled = C.param_declarator(ir, p);
                Code::parse(&spelled, self.link(ir, &p.ty).as_slice(), &[&p.name])
            })
            .collect();
        let params = if params.is_empty() {
            vec![Code::text("void")]
        } else {
            params
        };
        param_list(head, params, ";", false)
    }
}

impl CDocs {
    /// A function parameter as C declares it (a range takes two parameters).
    fn member_decls(&self, ir: &Ir, member: &Member) -> Vec<Code> {
        match &member.kind {
            crate::ir::MemberKind::Simple { ty, .. } => vec![self.decl(ir, member.name(), ty)],
            crate::ir::MemberKind::Range { .. } => {
                self.range_decls(ir, member.name(), member, false)
            }
            crate::ir::MemberKind::Variant(_) => Vec::new(),
        }
    }
}

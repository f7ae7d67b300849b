//! JSON backend: the whole IR as one JSON document, plus its JSON Schema.

pub mod model;
mod pretty;

use super::OutputFile;
use crate::ir::{self, Ir, MemberKind, Pair, Target, TypeKind};
use model::*;
use serde::Serialize;

pub fn generate(ir: &Ir) -> Vec<OutputFile> {
    let doc = document(ir);
    // The document runs about nine and a half times the size of its spec (487 KB for our
    // 52 KB); one buffer of a little more spares the copies of growing it step by step
    // (and the pages it does not use are never touched).
    let spec_len: usize = ir.sources.files().iter().map(|f| f.text.len()).sum();
    let mut json = Vec::with_capacity(spec_len * 10);
    let mut serializer =
        serde_json::Serializer::with_formatter(&mut json, pretty::Pretty::default());
    doc.serialize(&mut serializer)
        .expect("the model serializes");
    json.push(b'\n');
    let json = String::from_utf8(json).expect("serde_json writes UTF-8");
    vec![
        OutputFile::new("json/cloudabi.json", json),
        OutputFile::new("json/cloudabi.schema.json", schema().to_string()),
    ]
}

/// The JSON Schema of [`Document`]: the same for every spec. Deriving it takes longer
/// than writing a whole spec's C headers, so build.rs derives it from `model.rs` once,
/// when the generator is compiled.
fn schema() -> &'static str {
    include_str!(concat!(env!("OUT_DIR"), "/schema.json"))
}

/// Builds the JSON model of an IR.
pub fn document(ir: &Ir) -> Document<'_> {
    let c = Convert { ir };
    Document {
        format_version: FORMAT_VERSION,
        spec: ir.spec_name(),
        doc: c.doc(&ir.doc),
        types: ir.types.iter().map(|t| c.type_def(t)).collect(),
        syscalls: ir.syscalls.iter().map(|s| c.syscall(s)).collect(),
    }
}

struct Convert<'a> {
    ir: &'a Ir,
}

fn per_machine(p: Pair<u64>) -> PerMachine {
    PerMachine {
        m32: p.m32,
        m64: p.m64,
    }
}

fn layout(l: ir::Layout) -> Layout {
    Layout {
        size: per_machine(l.size),
        align: per_machine(l.align),
        machine_dependent: l.machine_dep,
    }
}

impl<'a> Convert<'a> {
    fn span(&self, s: crate::source::Span) -> Span {
        let lc = self.ir.line_col(s);
        Span {
            line: lc.line,
            column: lc.column,
            start: s.start,
            end: s.end,
        }
    }

    fn name(&self, id: ir::TypeId) -> &'a str {
        &self.ir.ty(id).name.name
    }

    fn doc(&self, d: &'a ir::Doc) -> Doc<'a> {
        Doc {
            text: &d.text,
            links: d
                .links
                .iter()
                .map(|l| DocLink {
                    path: &l.path,
                    text_start: l.text_range.start,
                    text_end: l.text_range.end,
                    target: self.target(&l.target),
                    span: self.span(l.span),
                })
                .collect(),
        }
    }

    fn target(&self, t: &Target) -> model::Target<'a> {
        match t {
            Target::Type(id) => model::Target::Type {
                name: self.name(*id),
            },
            Target::Value(id, v) => model::Target::Value {
                type_name: self.name(*id),
                value: self
                    .ir
                    .int_like(*id)
                    .map(|i| i.values[*v].name.name.as_str())
                    .unwrap_or_default(),
            },
            Target::Member(path) => model::Target::Member {
                type_name: self.name(path.owner),
                path: self.member_path(path),
            },
            Target::Syscall(id) => model::Target::Syscall {
                name: &self.ir.syscall(*id).name.name,
            },
            Target::Param(id, direction, i) => model::Target::Parameter {
                syscall: &self.ir.syscall(*id).name.name,
                parameter: self.ir.param_name(*id, *direction, *i),
            },
        }
    }

    /// Names along a member path: named arms appear as steps, anonymous ones do not.
    fn member_path(&self, path: &ir::MemberPath) -> Vec<&'a str> {
        self.ir.member_names(path)
    }

    fn ty(&self, t: &ir::Type) -> TypeRef<'a> {
        match t {
            ir::Type::Void => TypeRef::Void,
            ir::Type::Int(i) => TypeRef::Int {
                name: i.spec_name(),
            },
            ir::Type::Named(id) => TypeRef::Named {
                name: self.name(*id),
            },
            ir::Type::Pointer { constant, target } => TypeRef::Pointer {
                constant: *constant,
                target: Box::new(self.ty(target)),
            },
            ir::Type::Atomic(t) => TypeRef::Atomic {
                target: Box::new(self.ty(t)),
            },
            ir::Type::Array { count, element } => TypeRef::Array {
                count: *count,
                element: Box::new(self.ty(element)),
            },
        }
    }

    fn type_def(&self, t: &'a ir::TypeDef) -> TypeDef<'a> {
        let kind = match &t.kind {
            TypeKind::IntLike(i) => {
                let body = IntLike {
                    base: i.base.spec_name(),
                    cprefix: &i.cprefix,
                    values: i
                        .values
                        .iter()
                        .map(|v| Value {
                            name: &v.name.name,
                            value: v.value,
                            doc: self.doc(&v.doc),
                            span: self.span(v.name.span),
                        })
                        .collect(),
                };
                match i.kind {
                    ir::IntLikeKind::Enum => model::TypeKind::Enum(body),
                    ir::IntLikeKind::Flags => model::TypeKind::Flags(body),
                    ir::IntLikeKind::Opaque => model::TypeKind::Opaque(body),
                    ir::IntLikeKind::Alias => model::TypeKind::Alias(body),
                }
            }
            TypeKind::Struct(s) => model::TypeKind::Struct {
                members: self.members(&s.members),
            },
            TypeKind::Function(f) => model::TypeKind::Function {
                parameters: self.members(&f.params),
                returns: f.returns.as_ref().map(|(ty, doc)| Returns {
                    ty: self.ty(ty),
                    doc: self.doc(doc),
                }),
            },
        };
        TypeDef {
            name: &t.name.name,
            doc: self.doc(&t.doc),
            span: self.span(t.span),
            layout: t.layout.map(layout),
            machine_dependent: t.machine_dep,
            used_by: t
                .used_by
                .iter()
                .map(|u| match u {
                    ir::User::Type(id) => User::Type {
                        name: self.name(*id),
                    },
                    ir::User::Syscall(id) => User::Syscall {
                        name: &self.ir.syscall(*id).name.name,
                    },
                })
                .collect(),
            dependencies: t.dependencies.iter().map(|d| self.name(*d)).collect(),
            kind,
        }
    }

    fn members(&self, ms: &'a [ir::Member]) -> Vec<Member<'a>> {
        ms.iter().map(|m| self.member(m, ms)).collect()
    }

    fn member(&self, m: &'a ir::Member, siblings: &'a [ir::Member]) -> Member<'a> {
        let kind = match &m.kind {
            MemberKind::Simple {
                ty,
                valrefs,
                own_values,
            } => MemberKind_::Simple {
                ty: self.ty(ty),
                valrefs: valrefs
                    .iter()
                    .map(|v| ValRef {
                        value: &v.name.name,
                        doc: self.doc(&v.doc),
                    })
                    .collect(),
                own_values: own_values
                    .iter()
                    .map(|v| Value {
                        name: &v.name.name,
                        value: v.value,
                        doc: self.doc(&v.doc),
                        span: self.span(v.name.span),
                    })
                    .collect(),
            },
            MemberKind::Range {
                constant,
                target,
                len_offset,
                ..
            } => MemberKind_::Range {
                constant: *constant,
                target: self.ty(target),
                length_offset: per_machine(*len_offset),
            },
            MemberKind::Variant(v) => MemberKind_::Variant {
                tag: siblings[v.tag].name(),
                tag_type: self.name(v.tag_type),
                arms: v
                    .arms
                    .iter()
                    .map(|a| Arm {
                        name: a.name.as_ref().map(|n| n.name.as_str()),
                        tag_values: a
                            .tag_values
                            .iter()
                            .map(|(i, _)| {
                                self.ir
                                    .int_like(v.tag_type)
                                    .map(|t| t.values[*i].name.name.as_str())
                                    .unwrap_or_default()
                            })
                            .collect(),
                        members: self.members(&a.members),
                        layout: layout(a.layout),
                    })
                    .collect(),
            },
        };
        Member {
            name: m.name.as_ref().map(|n| n.name.as_str()),
            doc: self.doc(&m.doc),
            span: self.span(m.span),
            offset: per_machine(m.offset),
            layout: layout(m.layout),
            kind,
        }
    }

    fn syscall(&self, s: &'a ir::Syscall) -> Syscall<'a> {
        Syscall {
            name: &s.name.name,
            number: s.number,
            doc: self.doc(&s.doc),
            span: self.span(s.span),
            inputs: self.members(&s.inputs),
            outputs: self.members(&s.outputs),
            noreturn: s.noreturn,
            machine_dependent: s.machine_dep,
            parameters: s
                .params
                .iter()
                .map(|p| Parameter {
                    name: &p.name,
                    direction: match p.direction {
                        ir::Direction::In => "in",
                        ir::Direction::Out => "out",
                    },
                    ty: self.ty(&p.ty),
                    layout: layout(p.layout),
                    access: p.access.name(),
                    counted_by: p.count.map(|c| s.params[c].name.as_str()),
                    filled_by: (p.direction == ir::Direction::In)
                        .then(|| s.inputs.get(p.member)?.filled)
                        .flatten()
                        .map(|o| s.outputs[o].name()),
                })
                .collect(),
        }
    }
}

use model::MemberKind as MemberKind_;

//! The one walk over the IR that every docs output shares. It produces a page model whose
//! structure is the same for every naming strategy (so the HTML site can lay the C, Rust
//! and spec spellings of one item side by side) and whose strings come from the strategy.

use super::anchors::join;
use super::code::Code;
use super::naming::DocNaming;
use super::text::doc_markdown;
use crate::ir::variant_ordinal;
use crate::ir::{
    Doc, IntLike, IntLikeKind, Ir, Layout, Member, MemberKind, Pair, SyscallId, TypeDef, TypeId,
    TypeKind, User,
};

pub struct Model {
    /// The spec's leading doc, as Markdown.
    pub intro: String,
    /// In number (= alphabetical) order.
    pub syscalls: Vec<Section>,
    /// Sorted by name.
    pub types: Vec<Section>,
}

/// Everything about one type or syscall.
pub struct Section {
    /// The spec name, which is also the anchor.
    pub anchor: String,
    /// The name in this language: `cloudabi_fd_t`, `fd_read()`.
    pub title: String,
    pub what: What,
    /// `None` for syscalls and function types.
    pub layout: Option<Layout>,
    pub doc: String,
    pub signature: Option<Code>,
    pub used_by: Vec<Ref>,
    pub groups: Vec<Group>,
    /// Offsets and sizes of every field, for structs.
    pub fields: Vec<FieldRow>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    Syscall { number: u32, noreturn: bool },
    IntLike { kind: IntLikeKind, base: Code },
    Struct,
    Function,
}

impl What {
    /// What the thing is, in words.
    pub fn describe(&self) -> &'static str {
        match self {
            What::Syscall { .. } => "system call",
            What::IntLike { kind, .. } => match kind {
                IntLikeKind::Enum => "enumeration",
                IntLikeKind::Flags => "bit flags",
                IntLikeKind::Opaque => "opaque integer",
                IntLikeKind::Alias => "integer alias",
            },
            What::Struct => "struct",
            What::Function => "function type",
        }
    }
}

/// A link to a section or item: how it reads and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ref {
    pub label: String,
    pub anchor: String,
}

pub struct Group {
    pub title: &'static str,
    pub items: Vec<Item>,
}

pub struct Item {
    pub anchor: Option<String>,
    pub head: Head,
    /// Markdown.
    pub doc: String,
    pub children: Vec<Item>,
}

pub enum Head {
    /// A member or parameter; a range may take two declarations.
    Decl(Vec<Code>),
    /// A value of an int-like type and its literal.
    Value { name: String, literal: String },
    /// A value a member is documented to take.
    Use(Ref),
    /// The arms of a variant selected when the tag `tag` holds one of `values`.
    When { tag: String, values: Vec<Ref> },
    /// What a function type returns.
    Returns(Code),
}

/// One line of a struct's layout table.
pub struct FieldRow {
    /// Dotted path inside the struct: `a_type`, `fd_readwrite.nbytes`, `buf_len`.
    pub path: String,
    pub anchor: String,
    pub offset: Pair<u64>,
    pub size: Pair<u64>,
}

/// Walks the IR once with one naming strategy.
pub fn build(ir: &Ir, naming: &dyn DocNaming) -> Model {
    let walk = Walk { ir, naming };
    Model {
        intro: walk.doc(&ir.doc),
        syscalls: (0..ir.syscalls.len() as u32)
            .map(|i| walk.syscall(SyscallId(i)))
            .collect(),
        types: ir
            .types_by_name()
            .into_iter()
            .map(|id| walk.ty(id))
            .collect(),
    }
}

struct Walk<'a> {
    ir: &'a Ir,
    naming: &'a dyn DocNaming,
}

impl Walk<'_> {
    fn doc(&self, doc: &Doc) -> String {
        doc_markdown(self.ir, self.naming, doc)
    }

    fn syscall(&self, id: SyscallId) -> Section {
        let s = self.ir.syscall(id);
        let name = &s.name.name;
        let mut groups = Vec::new();
        let inputs = self.members(&s.inputs, name, Place::Input);
        push_group(&mut groups, "Inputs", inputs);
        let outputs = self.members(&s.outputs, name, Place::Output);
        push_group(&mut groups, "Outputs", outputs);
        Section {
            anchor: name.clone(),
            title: self.naming.syscall_title(self.ir, id).to_string(),
            what: What::Syscall {
                number: s.number,
                noreturn: s.noreturn,
            },
            layout: None,
            doc: self.doc(&s.doc),
            signature: Some(self.naming.syscall_signature(self.ir, s)),
            used_by: Vec::new(),
            groups,
            fields: Vec::new(),
        }
    }

    fn ty(&self, id: TypeId) -> Section {
        let t = self.ir.ty(id);
        let name = &t.name.name;
        let (what, groups, fields) = match &t.kind {
            TypeKind::IntLike(int) => self.int_like(id, int),
            TypeKind::Struct(s) => {
                let items = self.members(&s.members, name, Place::Struct(id));
                let mut fields = Vec::new();
                field_rows(&s.members, "", name, Pair::same(0), &mut fields);
                (What::Struct, vec![group("Members", items)], fields)
            }
            TypeKind::Function(f) => {
                let mut groups = Vec::new();
                let params = self.members(&f.params, name, Place::Function);
                push_group(&mut groups, "Parameters", params);
                if let Some((ret, doc)) = &f.returns {
                    let head = Head::Returns(self.naming.type_code(self.ir, ret));
                    push_group(&mut groups, "Returns", vec![self.item(None, head, doc)]);
                }
                (What::Function, groups, Vec::new())
            }
        };
        Section {
            anchor: name.clone(),
            title: self.naming.type_name(self.ir, id).to_string(),
            what,
            layout: t.layout,
            doc: self.doc(&t.doc),
            signature: self.naming.type_signature(self.ir, id),
            used_by: self.used_by(t),
            groups,
            fields,
        }
    }

    fn int_like(&self, id: TypeId, int: &IntLike) -> (What, Vec<Group>, Vec<FieldRow>) {
        let name = &self.ir.ty(id).name.name;
        let items = int
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                let head = Head::Value {
                    name: self.naming.value_name(self.ir, id, i).to_string(),
                    literal: literal(int, v.value),
                };
                self.item(Some(join(name, &v.name.name)), head, &v.doc)
            })
            .collect();
        let title = match int.kind {
            IntLikeKind::Enum | IntLikeKind::Flags => "Values",
            IntLikeKind::Opaque | IntLikeKind::Alias => "Special values",
        };
        let mut groups = Vec::new();
        push_group(&mut groups, title, items);
        let base = self
            .naming
            .type_code(self.ir, &crate::ir::Type::Int(int.base));
        let what = What::IntLike {
            kind: int.kind,
            base,
        };
        (what, groups, Vec::new())
    }

    fn used_by(&self, t: &TypeDef) -> Vec<Ref> {
        t.used_by
            .iter()
            .map(|user| match *user {
                User::Type(id) => Ref {
                    label: self.naming.type_name(self.ir, id).to_string(),
                    anchor: self.ir.ty(id).name.name.clone(),
                },
                User::Syscall(id) => Ref {
                    label: self.naming.syscall_title(self.ir, id).to_string(),
                    anchor: self.ir.syscall(id).name.name.clone(),
                },
            })
            .collect()
    }

    fn item(&self, anchor: Option<String>, head: Head, doc: &Doc) -> Item {
        Item {
            anchor,
            head,
            doc: self.doc(doc),
            children: Vec::new(),
        }
    }

    /// Items for a list of members whose anchors start with `prefix`.
    fn members(&self, members: &[Member], prefix: &str, place: Place) -> Vec<Item> {
        let mut items = Vec::new();
        for (index, m) in members.iter().enumerate() {
            let anchor = Some(join(prefix, m.name()));
            match &m.kind {
                MemberKind::Simple {
                    ty,
                    valrefs,
                    own_values,
                } => {
                    let decl = match place {
                        Place::Input => self.naming.param_decl(self.ir, m.name(), ty),
                        Place::Output => self.naming.output_decl(self.ir, m.name(), ty),
                        Place::Union(ordinal) => {
                            self.naming
                                .union_member_decl(self.ir, ordinal, m.name(), ty)
                        }
                        Place::Struct(_) | Place::Function => {
                            self.naming.decl(self.ir, m.name(), ty)
                        }
                    };
                    let mut item = self.item(anchor, Head::Decl(vec![decl]), &m.doc);
                    item.children = valrefs
                        .iter()
                        .map(|v| {
                            let target = crate::ir::Target::Value(v.ty, v.value);
                            let head = Head::Use(Ref {
                                label: self.naming.link_label(self.ir, &target),
                                anchor: super::anchors::of_target(self.ir, &target),
                            });
                            self.item(None, head, &v.doc)
                        })
                        .collect();
                    // Values of the member's own: the number and its name.
                    item.children.extend(own_values.iter().map(|v| {
                        let head = Head::Value {
                            name: v.name.name.clone(),
                            literal: v.value.to_string(),
                        };
                        self.item(None, head, &v.doc)
                    }));
                    items.push(item);
                }
                MemberKind::Range { .. } => {
                    let in_syscall = matches!(place, Place::Input | Place::Output);
                    let decls = self.naming.range_decls(self.ir, m.name(), m, in_syscall);
                    items.push(self.item(anchor, Head::Decl(decls), &m.doc));
                }
                MemberKind::Variant(v) => {
                    let tag = members.get(v.tag).map_or("", Member::name);
                    let ordinal = variant_ordinal(members, index);
                    for arm in &v.arms {
                        let values = arm
                            .tag_values
                            .iter()
                            .map(|(value, _)| {
                                let target = crate::ir::Target::Value(v.tag_type, *value);
                                Ref {
                                    label: self.naming.link_label(self.ir, &target),
                                    anchor: super::anchors::of_target(self.ir, &target),
                                }
                            })
                            .collect();
                        let head = Head::When {
                            tag: self.naming.field_name(tag),
                            values,
                        };
                        let mut item = self.item(None, head, &Doc::default());
                        item.children = self.arm(arm, prefix, place, ordinal);
                        items.push(item);
                    }
                }
            }
        }
        items
    }

    /// The contents of a variant arm: a named arm is one item holding its members.
    fn arm(&self, arm: &crate::ir::Arm, prefix: &str, place: Place, ordinal: usize) -> Vec<Item> {
        let Some(name) = &arm.name else {
            let place = match place {
                Place::Struct(_) => Place::Union(ordinal),
                other => other,
            };
            return self.members(&arm.members, prefix, place);
        };
        let owner = match place {
            Place::Struct(id) => id,
            _ => return self.members(&arm.members, &join(prefix, &name.name), place),
        };
        let anchor = join(prefix, &name.name);
        let decl = self.naming.arm_decl(self.ir, owner, ordinal, &name.name);
        let mut item = self.item(
            Some(anchor.clone()),
            Head::Decl(vec![decl]),
            &Doc::default(),
        );
        item.children = self.members(&arm.members, &anchor, place);
        vec![item]
    }
}

/// Where members sit, which decides how they are declared.
#[derive(Clone, Copy)]
enum Place {
    Struct(TypeId),
    /// Directly in an anonymous arm of the struct's `n`-th variant (from 0).
    Union(usize),
    Function,
    Input,
    Output,
}

fn group(title: &'static str, items: Vec<Item>) -> Group {
    Group { title, items }
}

fn push_group(groups: &mut Vec<Group>, title: &'static str, items: Vec<Item>) {
    if !items.is_empty() {
        groups.push(group(title, items));
    }
}

/// A value as its type's readers think of it: bit patterns in hex (as wide as the type),
/// counts and codes in decimal.
pub fn literal(int: &IntLike, value: i128) -> String {
    if int.is_bit_pattern() && value >= 0 {
        let digits = int.base.hex_digits();
        format!("0x{value:0digits$x}")
    } else {
        value.to_string()
    }
}

/// Appends the layout rows of `members`, placed at `base` inside the struct.
fn field_rows(
    members: &[Member],
    path: &str,
    anchor: &str,
    base: Pair<u64>,
    out: &mut Vec<FieldRow>,
) {
    let add = |a: Pair<u64>, b: Pair<u64>| Pair::new(a.m32 + b.m32, a.m64 + b.m64);
    for m in members {
        let offset = add(base, m.offset);
        let row = |suffix: &str, offset: Pair<u64>, size: Pair<u64>| FieldRow {
            path: format!("{}{suffix}", join(path, m.name())),
            anchor: join(anchor, m.name()),
            offset,
            size,
        };
        match &m.kind {
            MemberKind::Simple { .. } => out.push(row("", offset, m.layout.size)),
            MemberKind::Range {
                len_offset,
                len_layout,
                ..
            } => {
                out.push(row("", offset, m.layout.size));
                out.push(row("_len", add(base, *len_offset), len_layout.size));
            }
            MemberKind::Variant(v) => {
                for arm in &v.arms {
                    let (p, a) = match &arm.name {
                        Some(n) => (join(path, &n.name), join(anchor, &n.name)),
                        None => (path.to_string(), anchor.to_string()),
                    };
                    field_rows(&arm.members, &p, &a, offset, out);
                }
            }
        }
    }
}

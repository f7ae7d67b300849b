//! AST → IR: names resolved to ids, syscalls numbered, then validation, layout and doc
//! references. Every problem becomes a diagnostic; lowering carries on past each one.

use super::FastMap as HashMap;
use super::*;
use crate::parse::ast;

pub(super) struct Scope<'a> {
    pub types: HashMap<&'a str, TypeId>,
    pub syscalls: HashMap<&'a str, SyscallId>,
}

pub(super) fn lower(sources: SourceMap, spec: &ast::Spec<'_>, diags: &mut Vec<Diagnostic>) -> Ir {
    let scope = declare(spec, diags);
    let mut ir = Ir {
        sources,
        doc: Doc::default(),
        types: Vec::new(),
        syscalls: Vec::new(),
        by_name: Vec::new(),
    };
    let resolver = super::docs::Resolver::new(spec, &scope);
    let mut lowerer = Lowerer {
        scope: &scope,
        resolver,
        diags,
        int_likes: HashMap::default(),
    };
    ir.doc = lowerer.doc(&spec.doc);
    lowerer.collect_int_likes(spec);
    for decl in spec
        .decls
        .iter()
        .filter(|d| !matches!(d.kind, ast::DeclKind::Syscall(_)))
    {
        // Only the first declaration of a duplicated name becomes a type.
        if scope.types[&decl.name.name].0 as usize == ir.types.len() {
            let def = lowerer.type_def(decl);
            ir.types.push(def);
        }
    }
    let mut syscalls: Vec<&ast::Decl> = spec
        .decls
        .iter()
        .filter(|d| matches!(d.kind, ast::DeclKind::Syscall(_)))
        .collect();
    syscalls.sort_by(|a, b| a.name.name.cmp(b.name.name));
    syscalls.dedup_by(|a, b| a.name.name == b.name.name);
    for (number, decl) in syscalls.into_iter().enumerate() {
        let syscall = lowerer.syscall(decl, number as u32);
        ir.syscalls.push(syscall);
    }
    let diags = lowerer.diags;
    super::validate::validate(&ir, diags);
    super::layout::layout_all(&mut ir, diags);
    finish_syscalls(&mut ir);
    fill_used_by(&mut ir);
    ir.index_names();
    ir
}

/// Assigns ids: types in declaration order, syscalls alphabetically. Reports duplicates.
fn declare<'a>(spec: &ast::Spec<'a>, diags: &mut Vec<Diagnostic>) -> Scope<'a> {
    let mut scope = Scope {
        types: HashMap::default(),
        syscalls: HashMap::default(),
    };
    let mut first_seen: HashMap<&str, Span> = HashMap::default();
    let mut syscall_names: Vec<&str> = Vec::new();
    for decl in &spec.decls {
        let name = decl.name.name;
        let is_syscall = matches!(decl.kind, ast::DeclKind::Syscall(_));
        if let Some(&earlier) = first_seen.get(name) {
            let earlier_is_syscall = syscall_names.contains(&name);
            let what = match (is_syscall, earlier_is_syscall) {
                (true, true) => format!("duplicate syscall `{name}`"),
                (false, false) => format!("duplicate type `{name}`"),
                _ => format!("`{name}` names both a type and a syscall"),
            };
            diags.push(
                Diagnostic::error(decl.name.span, what)
                    .with_label("declared again here")
                    .with_secondary(earlier, "first declared here"),
            );
        } else {
            first_seen.insert(name, decl.name.span);
        }
        if is_syscall {
            if !syscall_names.contains(&name) {
                syscall_names.push(name);
            }
        } else if !scope.types.contains_key(name) {
            scope.types.insert(name, TypeId(scope.types.len() as u32));
        }
    }
    syscall_names.sort_unstable();
    for (i, name) in syscall_names.into_iter().enumerate() {
        scope.syscalls.insert(name, SyscallId(i as u32));
    }
    scope
}

pub(super) struct Lowerer<'a> {
    scope: &'a Scope<'a>,
    resolver: super::docs::Resolver<'a>,
    pub diags: &'a mut Vec<Diagnostic>,
    /// Value names of each int-like type, for variant tags and valrefs.
    int_likes: HashMap<TypeId, (IntLikeKind, Vec<&'a str>)>,
}

impl<'a> Lowerer<'a> {
    fn doc(&mut self, d: &ast::Doc) -> Doc {
        self.resolver.doc(d, self.diags)
    }

    fn collect_int_likes(&mut self, spec: &ast::Spec<'a>) {
        for decl in &spec.decls {
            if let (ast::DeclKind::IntLike(i), Some(&id)) =
                (&decl.kind, self.scope.types.get(&decl.name.name))
            {
                let names = i.values.iter().map(|v| v.name.name).collect();
                self.int_likes.entry(id).or_insert((i.kind, names));
            }
        }
    }

    fn type_def(&mut self, decl: &ast::Decl) -> TypeDef {
        let kind = match &decl.kind {
            ast::DeclKind::IntLike(i) => TypeKind::IntLike(self.int_like(decl.name.name, i)),
            ast::DeclKind::Struct(members) => TypeKind::Struct(Struct {
                members: self.members(members, true),
            }),
            ast::DeclKind::Function(f) => TypeKind::Function(Function {
                params: self.members(&f.params, false),
                returns: f
                    .returns
                    .as_ref()
                    .map(|(t, d)| (self.value_type(t), self.doc(d))),
            }),
            ast::DeclKind::Syscall(_) => unreachable!("syscalls are lowered separately"),
        };
        TypeDef {
            name: Ident::from(&decl.name),
            doc: self.doc(&decl.doc),
            span: decl.span,
            kind,
            layout: None,
            machine_dep: false,
            used_by: Vec::new(),
            dependencies: Vec::new(),
        }
    }

    fn int_like(&mut self, name: &str, decl: &ast::IntLikeDecl) -> IntLike {
        IntLike {
            kind: decl.kind,
            base: decl.base,
            cprefix: decl
                .cprefix
                .map_or_else(|| format!("{}_", name.to_uppercase()), str::to_string),
            cprefix_explicit: decl.cprefix.is_some(),
            values: decl
                .values
                .iter()
                .map(|v| Value {
                    name: Ident::from(&v.name),
                    value: v.value,
                    value_span: v.value_span,
                    doc: self.doc(&v.doc),
                })
                .collect(),
        }
    }

    fn syscall(&mut self, decl: &ast::Decl, number: u32) -> Syscall {
        let ast::DeclKind::Syscall(s) = &decl.kind else {
            unreachable!("filtered to syscalls")
        };
        let mut inputs = self.members_in(&s.inputs, false, true);
        let outputs = self.members(&s.outputs, false);
        self.input_attrs(&s.inputs, &mut inputs, &outputs);
        for out in outputs
            .iter()
            .filter(|m| matches!(m.kind, MemberKind::Range { .. }))
        {
            self.diags.push(
                Diagnostic::error(out.span, "a syscall output cannot be a range")
                    .with_label("outputs are single values written through a pointer"),
            );
        }
        Syscall {
            name: Ident::from(&decl.name),
            doc: self.doc(&decl.doc),
            span: decl.span,
            number,
            inputs,
            outputs,
            noreturn: s.noreturn,
            machine_dep: false,
            params: Vec::new(),
        }
    }

    fn members(&mut self, members: &[ast::MemberDecl], in_struct: bool) -> Vec<Member> {
        self.members_in(members, in_struct, false)
    }

    /// Lowers members; `in_inputs` for a syscall's inputs, the only members that take
    /// attributes (applied by [`Lowerer::input_attrs`]).
    fn members_in(
        &mut self,
        members: &[ast::MemberDecl],
        in_struct: bool,
        in_inputs: bool,
    ) -> Vec<Member> {
        let mut out: Vec<Member> = Vec::with_capacity(members.len());
        for m in members {
            let lowered = self.member(m, &out, in_struct, in_inputs);
            out.push(lowered);
        }
        out
    }

    /// Applies `@address`, `@count NAME` and `@filled NAME` to a syscall's inputs,
    /// checking that each fits.
    fn input_attrs(
        &mut self,
        decls: &[ast::MemberDecl],
        inputs: &mut [Member],
        outputs: &[Member],
    ) {
        for (index, decl) in decls.iter().enumerate() {
            let mut seen: Vec<std::mem::Discriminant<ast::MemberAttrKind>> = Vec::new();
            for attr in &decl.attrs {
                let kind = std::mem::discriminant(&attr.kind);
                if seen.contains(&kind) {
                    self.diags.push(
                        Diagnostic::error(attr.span, "attribute given twice")
                            .with_label("repeated here"),
                    );
                    continue;
                }
                seen.push(kind);
                match &attr.kind {
                    ast::MemberAttrKind::Address => {
                        self.address_attr(attr.span, &mut inputs[index])
                    }
                    ast::MemberAttrKind::Count(name) => {
                        let count = self.count_attr(attr.span, name, index, inputs);
                        inputs[index].count = count;
                    }
                    ast::MemberAttrKind::Filled(_) => {}
                }
            }
            // After `@count`, which `@filled` needs, whatever their order.
            for attr in &decl.attrs {
                if let ast::MemberAttrKind::Filled(name) = &attr.kind {
                    inputs[index].filled =
                        self.filled_attr(attr.span, name, &inputs[index], outputs);
                }
            }
        }
    }

    /// The index of the output `@filled NAME` names, if the input is a counted pointer
    /// the call writes and `NAME` is a `size` output.
    fn filled_attr(
        &mut self,
        span: Span,
        name: &ast::Name,
        input: &Member,
        outputs: &[Member],
    ) -> Option<usize> {
        let written = matches!(
            &input.kind,
            MemberKind::Simple {
                ty: Type::Pointer {
                    constant: false,
                    ..
                },
                ..
            }
        );
        if input.count.is_none() || !written {
            self.diags.push(
                Diagnostic::error(span, "`@filled` applies to a `ptr T` input with `@count`")
                    .with_label("this input is not a counted buffer the call fills"),
            );
            return None;
        }
        let found = outputs.iter().position(|m| m.name() == name.name);
        let is_size = found.is_some_and(|i| {
            matches!(
                &outputs[i].kind,
                MemberKind::Simple {
                    ty: Type::Int(IntType::Size),
                    ..
                }
            )
        });
        if !is_size {
            let mut d = Diagnostic::error(
                name.span,
                format!("no `size` output is named `{}`", name.name),
            )
            .with_label("expected the output that says how many values were filled");
            if let Some(close) = closest(name.name, outputs.iter().map(Member::name)) {
                d = d.with_note(format!("did you mean `{close}`?"));
            }
            self.diags.push(d);
            return None;
        }
        found
    }

    fn address_attr(&mut self, span: Span, member: &mut Member) {
        match &member.kind {
            MemberKind::Range {
                target: Type::Void,
                ..
            } => member.access = Access::Address,
            _ => self.diags.push(
                Diagnostic::error(span, "`@address` applies to a `range void` or `crange void` input")
                    .with_label("this input is not an untyped range")
                    .with_note("a `ptr void` input is always an address; typed memory is data the call accesses"),
            ),
        }
    }

    /// The index of the input `@count NAME` names, if it is a `size` input other than the
    /// pointer itself, and the pointer points at values.
    fn count_attr(
        &mut self,
        span: Span,
        name: &ast::Name,
        index: usize,
        inputs: &[Member],
    ) -> Option<usize> {
        let counted = matches!(&inputs[index].kind,
            MemberKind::Simple { ty: Type::Pointer { target, .. }, .. }
                if !matches!(**target, Type::Void | Type::Atomic(_) | Type::Pointer { .. }));
        if !counted {
            self.diags.push(
                Diagnostic::error(span, "`@count` applies to a `ptr T` or `cptr T` input")
                    .with_label("this input does not point at values to count")
                    .with_note("a range already carries its length"),
            );
            return None;
        }
        let Some(count) = inputs.iter().position(|m| m.name() == name.name) else {
            let known = inputs.iter().map(Member::name);
            let mut d = Diagnostic::error(name.span, format!("no input is named `{}`", name.name))
                .with_label("expected the `size` input that counts the values");
            if let Some(close) = closest(name.name, known) {
                d = d.with_note(format!("did you mean `{close}`?"));
            }
            self.diags.push(d);
            return None;
        };
        let is_size = matches!(
            &inputs[count].kind,
            MemberKind::Simple {
                ty: Type::Int(IntType::Size),
                ..
            }
        );
        if count == index || !is_size {
            self.diags.push(
                Diagnostic::error(
                    name.span,
                    format!("`{}` cannot count this input", name.name),
                )
                .with_label("a count is another input, of type `size`"),
            );
            return None;
        }
        Some(count)
    }

    fn member(
        &mut self,
        m: &ast::MemberDecl,
        earlier: &[Member],
        in_struct: bool,
        in_inputs: bool,
    ) -> Member {
        let (name, kind) = match &m.kind {
            ast::MemberDeclKind::Simple { ty, name, valrefs } => {
                let ty = self.value_type(ty);
                let (own, named): (Vec<_>, Vec<_>) =
                    valrefs.iter().cloned().partition(|v| v.own.is_some());
                let valrefs = self.valrefs(&ty, &named);
                let own_values = self.own_values(&ty, &own);
                (
                    Some(*name),
                    MemberKind::Simple {
                        ty,
                        valrefs,
                        own_values,
                    },
                )
            }
            ast::MemberDeclKind::Range {
                constant,
                target,
                name,
            } => {
                let target = self.type_expr(target);
                let pointer = Type::Pointer {
                    constant: *constant,
                    target: Box::new(target.clone()),
                };
                let kind = MemberKind::Range {
                    constant: *constant,
                    target,
                    pointer,
                    len_offset: Pair::default(),
                    len_layout: Layout::default(),
                };
                (Some(*name), kind)
            }
            ast::MemberDeclKind::Variant { tag, arms } => (
                None,
                MemberKind::Variant(self.variant(tag, arms, earlier, in_struct)),
            ),
        };
        if !in_inputs {
            for attr in &m.attrs {
                self.diags.push(
                    Diagnostic::error(attr.span, "attributes only apply to syscall inputs")
                        .with_label("not a syscall input"),
                );
            }
        }
        Member {
            name: name.as_ref().map(Ident::from),
            doc: self.doc(&m.doc),
            span: m.span,
            kind,
            offset: Pair::default(),
            layout: Layout::default(),
            // Decided by `access::decide` once every type is known; `@address` is kept
            // here until then.
            access: Access::Value,
            count: None,
            filled: None,
        }
    }

    /// The values `NUMBER NAME` a member names itself; checked against its type's by
    /// `validate`.
    fn own_values(&mut self, ty: &Type, own: &[ast::ValRefDecl]) -> Vec<Value> {
        let Some(first) = own.first() else {
            return Vec::new();
        };
        if !matches!(ty, Type::Named(id) if self.int_likes.contains_key(id)) {
            self.diags.push(
                Diagnostic::error(
                    first.name.span,
                    "only members of an enum, flags, opaque or alias type can name values",
                )
                .with_label("this member's type is not an integer with named values"),
            );
            return Vec::new();
        }
        own.iter()
            .filter_map(|v| {
                let (value, value_span) = v.own?;
                Some(Value {
                    name: Ident::from(&v.name),
                    value,
                    value_span,
                    doc: self.doc(&v.doc),
                })
            })
            .collect()
    }

    fn variant(
        &mut self,
        tag: &ast::Name,
        arms: &[ast::ArmDecl],
        earlier: &[Member],
        in_struct: bool,
    ) -> Variant {
        let tag_index = earlier
            .iter()
            .position(|m| m.name.as_ref().is_some_and(|n| n.name == tag.name));
        let tag_type = tag_index.and_then(|i| match &earlier[i].kind {
            MemberKind::Simple {
                ty: Type::Named(id),
                ..
            } => Some(*id),
            _ => None,
        });
        let tag_kind = tag_type
            .and_then(|id| self.int_likes.get(&id))
            .map(|(k, _)| *k);
        let tag_ok = matches!(tag_kind, Some(IntLikeKind::Enum | IntLikeKind::Alias));
        if in_struct && !tag_ok {
            let label = match tag_index {
                None => "no earlier member of this struct has this name",
                Some(_) => "the tag must have an `enum` or `alias` type",
            };
            self.diags.push(
                Diagnostic::error(tag.span, format!("invalid variant tag `{}`", tag.name))
                    .with_label(label),
            );
        }
        let lowered = arms
            .iter()
            .map(|arm| self.arm(arm, tag_type.filter(|_| tag_ok)))
            .collect();
        Variant {
            tag: tag_index.unwrap_or(0),
            tag_type: tag_type.unwrap_or(TypeId(0)),
            arms: lowered,
        }
    }

    fn arm(&mut self, arm: &ast::ArmDecl, tag_type: Option<TypeId>) -> Arm {
        let mut tag_values = Vec::new();
        if let Some(id) = tag_type {
            for v in &arm.tag_values {
                match self.value_index(id, v.name) {
                    Some(i) => tag_values.push((i, v.span)),
                    None => self.unknown_value(id, v),
                }
            }
        }
        Arm {
            span: arm.span,
            tag_values,
            name: arm.name.as_ref().map(Ident::from),
            members: self.members(&arm.members, true),
            layout: Layout::default(),
        }
    }

    fn valrefs(&mut self, ty: &Type, valrefs: &[ast::ValRefDecl]) -> Vec<ValRef> {
        let Some(first) = valrefs.first() else {
            return Vec::new();
        };
        let id = match ty {
            Type::Named(id) if self.int_likes.contains_key(id) => id,
            _ => {
                self.diags.push(
                    Diagnostic::error(
                        first.name.span,
                        "only members of an enum, flags, opaque or alias type can list values",
                    )
                    .with_label("this member's type has no named values"),
                );
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for v in valrefs {
            match self.value_index(*id, v.name.name) {
                Some(value) => out.push(ValRef {
                    name: Ident::from(&v.name),
                    ty: *id,
                    value,
                    doc: self.doc(&v.doc),
                }),
                None => self.unknown_value(*id, &v.name),
            }
        }
        out
    }

    fn value_index(&self, id: TypeId, name: &str) -> Option<usize> {
        self.int_likes.get(&id)?.1.iter().position(|n| *n == name)
    }

    fn unknown_value(&mut self, id: TypeId, value: &ast::Name) {
        let type_name = self
            .scope
            .types
            .iter()
            .find(|(_, v)| **v == id)
            .map_or("?", |(k, _)| *k);
        self.diags.push(
            Diagnostic::error(
                value.span,
                format!("`{type_name}` has no value `{}`", value.name),
            )
            .with_label(format!("not a value of `{type_name}`")),
        );
    }

    /// A type used by value: `void` and function types have no size, so they only make
    /// sense behind a pointer.
    fn value_type(&mut self, expr: &ast::TypeExpr) -> Type {
        let ty = self.type_expr(expr);
        if ty == Type::Void {
            self.diags.push(
                Diagnostic::error(expr.span, "`void` cannot be used by value")
                    .with_label("use `ptr void` or `cptr void`"),
            );
        }
        ty
    }

    fn type_expr(&mut self, expr: &ast::TypeExpr) -> Type {
        match &expr.kind {
            ast::TypeExprKind::Void => Type::Void,
            ast::TypeExprKind::Int(i) => Type::Int(*i),
            ast::TypeExprKind::Named(name) => match self.scope.types.get(&name.name) {
                Some(id) => Type::Named(*id),
                None => {
                    self.unknown_type(name);
                    // A stand-in so one unknown name causes one error, not a cascade.
                    Type::Int(IntType::Uint8)
                }
            },
            ast::TypeExprKind::Pointer { constant, target } => Type::Pointer {
                constant: *constant,
                target: Box::new(self.type_expr(target)),
            },
            ast::TypeExprKind::Atomic(inner) => Type::Atomic(Box::new(self.value_type(inner))),
            ast::TypeExprKind::Array { count, element } => Type::Array {
                count: *count,
                element: Box::new(self.value_type(element)),
            },
        }
    }

    fn unknown_type(&mut self, name: &ast::Name) {
        let mut d = Diagnostic::error(name.span, format!("unknown type `{}`", name.name))
            .with_label("not declared anywhere in this file");
        if self.scope.syscalls.contains_key(&name.name) {
            d = d.with_note(format!("`{}` is a syscall, not a type", name.name));
        } else if let Some(close) = closest(name.name, self.scope.types.keys().copied()) {
            d = d.with_note(format!("did you mean `{close}`?"));
        }
        self.diags.push(d);
    }
}

/// The known name closest to `name` by edit distance, if it is close enough to be a typo.
pub(super) fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    known
        .map(|k| (edit_distance(name, k), k))
        .filter(|(d, k)| *d <= (k.len().max(name.len()) / 3).max(1))
        .min()
        .map(|(_, k)| k)
}

/// Edit distance counting a swap of two neighbouring characters as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j - 1] + cost)
                .min(d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// Flattens each syscall's C-level parameter list and decides machine dependence.
fn finish_syscalls(ir: &mut Ir) {
    for i in 0..ir.syscalls.len() {
        // Moved out while laid out, so the types can be read meanwhile.
        let mut inputs = std::mem::take(&mut ir.syscalls[i].inputs);
        let mut outputs = std::mem::take(&mut ir.syscalls[i].outputs);
        super::layout::place_members(ir, &mut inputs);
        super::layout::place_members(ir, &mut outputs);
        for m in &mut inputs {
            m.access = super::access::of_member(ir, m);
        }
        for m in &mut outputs {
            m.access = Access::Write;
        }
        let params = params(ir, &inputs, &outputs);
        let machine_dep = params.iter().any(|p| match &p.ty {
            Type::Pointer { target, .. } => ir.is_machine_dep(target),
            _ => false,
        });
        let s = &mut ir.syscalls[i];
        (s.inputs, s.outputs, s.params, s.machine_dep) = (inputs, outputs, params, machine_dep);
    }
}

fn params(ir: &Ir, inputs: &[Member], outputs: &[Member]) -> Vec<Param> {
    let mut out = Vec::new();
    // Where each input's first C parameter lands, to point `@count` pointers at theirs.
    let mut first_param = Vec::with_capacity(inputs.len());
    for (dir, members) in [(Direction::In, inputs), (Direction::Out, outputs)] {
        for (index, m) in members.iter().enumerate() {
            if dir == Direction::In {
                first_param.push(out.len());
            }
            match &m.kind {
                MemberKind::Simple { ty, .. } => {
                    out.push(param(ir, m.name(), ty.clone(), dir, index, m.access))
                }
                MemberKind::Range { pointer, .. } => {
                    let mut ptr = param(ir, m.name(), pointer.clone(), dir, index, m.access);
                    ptr.count = Some(out.len() + 1);
                    out.push(ptr);
                    let size = Type::Int(IntType::Size);
                    let mut len = param(ir, &m.len_name(), size, dir, index, Access::Value);
                    len.is_count = true;
                    out.push(len);
                }
                MemberKind::Variant(_) => {}
            }
        }
    }
    for (index, m) in inputs.iter().enumerate() {
        if let Some(count) = m.count {
            let (p, c) = (first_param[index], first_param[count]);
            out[p].count = Some(c);
            out[c].is_count = true;
        }
    }
    out
}

fn param(
    ir: &Ir,
    name: &str,
    ty: Type,
    direction: Direction,
    member: usize,
    access: Access,
) -> Param {
    let layout = ir.layout_of(&ty).unwrap_or_default();
    Param {
        name: name.to_string(),
        ty,
        direction,
        member,
        layout,
        access,
        count: None,
        is_count: false,
    }
}

/// Records, on each named type, which named types it mentions directly and which types and
/// syscalls mention it.
fn fill_used_by(ir: &mut Ir) {
    let mut users: Vec<Vec<User>> = vec![Vec::new(); ir.types.len()];
    for id in (0..ir.types.len() as u32).map(TypeId) {
        let mut deps = Vec::new();
        match &ir.ty(id).kind {
            TypeKind::IntLike(_) => {}
            TypeKind::Struct(s) => member_deps(&s.members, &mut deps),
            TypeKind::Function(f) => {
                member_deps(&f.params, &mut deps);
                if let Some((ret, _)) = &f.returns {
                    type_deps(ret, &mut deps);
                }
            }
        }
        deps.sort();
        deps.dedup();
        ir.types[id.0 as usize].dependencies = deps.clone();
        add_users(&mut users, deps, User::Type(id));
    }
    for s in &ir.syscalls {
        let mut deps = Vec::new();
        member_deps(&s.inputs, &mut deps);
        member_deps(&s.outputs, &mut deps);
        add_users(&mut users, deps, User::Syscall(SyscallId(s.number)));
    }
    for (def, u) in ir.types.iter_mut().zip(users) {
        def.used_by = u;
    }
}

fn add_users(users: &mut [Vec<User>], mut deps: Vec<TypeId>, user: User) {
    deps.sort();
    deps.dedup();
    for d in deps {
        users[d.0 as usize].push(user);
    }
}

fn member_deps(members: &[Member], out: &mut Vec<TypeId>) {
    for m in members {
        match &m.kind {
            MemberKind::Simple { ty, .. } => type_deps(ty, out),
            MemberKind::Range { target, .. } => type_deps(target, out),
            MemberKind::Variant(v) => v.arms.iter().for_each(|a| member_deps(&a.members, out)),
        }
    }
}

fn type_deps(ty: &Type, out: &mut Vec<TypeId>) {
    match ty {
        Type::Named(id) => out.push(*id),
        Type::Pointer { target: t, .. } | Type::Atomic(t) | Type::Array { element: t, .. } => {
            type_deps(t, out)
        }
        Type::Void | Type::Int(_) => {}
    }
}

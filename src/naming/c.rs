//! C naming: type, value and syscall names, integer spellings and declarators.
//!
//! One [`CNaming`] describes one flavour of C output:
//!
//! * user-space headers: `cloudabi_` names, native pointers, `_Atomic`;
//! * `cloudabi32_types.h`/`cloudabi64_types.h`: machine-dependent types renamed with a
//!   `cloudabi32_`/`cloudabi64_` prefix, pointers and `size` as fixed-width integers (a
//!   64-bit kernel describing a 32-bit process's memory);
//! * Linux kernel headers: `__user` on input pointers, no `_Atomic`;
//! * FreeBSD syscalls.master: no `_Atomic`.

use crate::ir::{Direction, IntType, Ir, Machine, Param, Syscall, Type, TypeId};

/// The prefix every C name carries; machine-independent names always use it.
pub const PREFIX: &str = "cloudabi_";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CNaming {
    /// Prefix of machine-dependent type and syscall names: `cloudabi_`, `cloudabi32_` or
    /// `cloudabi64_`.
    pub md_prefix: &'static str,
    /// Written before the `*` of input pointers, e.g. `"__user "`. Output pointers never
    /// get it: in the kernel they point at kernel memory.
    pub pointer_prefix: &'static str,
    /// Whether `_Atomic(T)` is spelled out; without C11 an atomic is just `T`.
    pub c11: bool,
    /// When set, pointers and `size` are spelled as the unsigned integer of this machine's
    /// width, as a kernel describing another process's memory sees them.
    pub fixed_width: Option<Machine>,
}

impl Default for CNaming {
    fn default() -> CNaming {
        CNaming::NATIVE
    }
}

impl CNaming {
    /// User-space C: native pointers and `size_t`, C11 atomics.
    pub const NATIVE: CNaming = CNaming {
        md_prefix: PREFIX,
        pointer_prefix: "",
        c11: true,
        fixed_width: None,
    };

    /// Names for a kernel serving processes of `machine`: `cloudabi32_`/`cloudabi64_`
    /// machine-dependent names, with pointers and sizes as fixed-width integers.
    pub fn fixed(machine: Machine) -> CNaming {
        CNaming {
            md_prefix: md_prefix(machine),
            fixed_width: Some(machine),
            ..CNaming::NATIVE
        }
    }

    /// `cloudabi_fd_t`, or `cloudabi64_iovec_t` for a machine-dependent type.
    pub fn type_name(&self, ir: &Ir, id: TypeId) -> String {
        let ty = ir.ty(id);
        format!("{}{}_t", self.prefix_for(ty.machine_dep), ty.name.name)
    }

    /// `cloudabi_sys_fd_read`, or `cloudabi64_sys_fd_read` for a machine-dependent syscall.
    pub fn syscall_name(&self, syscall: &Syscall) -> String {
        format!(
            "{}sys_{}",
            self.prefix_for(syscall.machine_dep),
            syscall.name.name
        )
    }

    fn prefix_for(&self, machine_dep: bool) -> &'static str {
        if machine_dep {
            self.md_prefix
        } else {
            PREFIX
        }
    }

    /// The C spelling of a built-in integer type.
    pub fn int_type(&self, int: IntType) -> &'static str {
        match (int, self.fixed_width) {
            (IntType::Size, Some(machine)) => fixed_int(machine),
            _ => int_type(int),
        }
    }

    /// The declaration of `name` with type `ty`: `const void *buf`, `char unused[4]`,
    /// `_Atomic(cloudabi_lock_t) *lock`. With an empty name, the spelling of the type alone.
    pub fn declarator(&self, ir: &Ir, ty: &Type, name: &str) -> String {
        self.declare(ir, ty, false, name.to_string(), self.pointer_prefix)
    }

    /// The spelling of a type on its own: `const cloudabi_iovec_t *`.
    pub fn type_spelling(&self, ir: &Ir, ty: &Type) -> String {
        self.declarator(ir, ty, "")
    }

    /// The declaration of a syscall parameter. An output is a pointer to the value written;
    /// that pointer gets no [`CNaming::pointer_prefix`], as in a kernel it points at kernel
    /// memory (pointers inside the value written still do).
    pub fn param_declarator(&self, ir: &Ir, param: &Param) -> String {
        let name = match param.direction {
            Direction::In => ident(&param.name).into_owned(),
            Direction::Out => format!("*{}", ident(&param.name)),
        };
        self.declare(ir, &param.ty, false, name, self.pointer_prefix)
    }

    /// Return type and name of a syscall, as they start its prototype:
    /// `cloudabi_errno_t cloudabi_sys_fd_read`, `_Noreturn void cloudabi_sys_proc_exit`.
    pub fn syscall_head(&self, ir: &Ir, syscall: &Syscall) -> String {
        let ret = if !syscall.noreturn {
            self.errno_type(ir)
        } else if self.c11 {
            "_Noreturn void".to_string()
        } else {
            "void".to_string()
        };
        format!("{ret} {}", self.syscall_name(syscall))
    }

    /// The whole prototype, without the final `;`: `cloudabi_errno_t
    /// cloudabi_sys_fd_close(cloudabi_fd_t fd)`, and `(void)` for no parameters.
    pub fn prototype(&self, ir: &Ir, syscall: &Syscall) -> String {
        let params: Vec<String> = syscall
            .params
            .iter()
            .map(|p| self.param_declarator(ir, p))
            .collect();
        let list = if params.is_empty() {
            "void".to_string()
        } else {
            params.join(", ")
        };
        format!("{}({list})", self.syscall_head(ir, syscall))
    }

    /// What a syscall returns: `cloudabi_errno_t` when the spec has an `errno` type.
    pub fn errno_type(&self, ir: &Ir) -> String {
        match ir.find_type("errno") {
            Some(id) => self.type_name(ir, id),
            None => format!("{PREFIX}errno_t"),
        }
    }

    /// Builds a declarator inside out: `inner` is what has been declared so far (the name,
    /// then `*name`, `(*name)[4]`, ...), and each step wraps it in one type constructor.
    fn declare(&self, ir: &Ir, ty: &Type, constant: bool, inner: String, ptr: &str) -> String {
        let base = |spelled: &str| join_base(constant, spelled, &inner);
        match ty {
            Type::Void => base("void"),
            Type::Int(int) => base(self.int_type(*int)),
            Type::Named(id) => base(&self.type_name(ir, *id)),
            Type::Pointer { .. } if self.fixed_width.is_some() => {
                base(self.fixed_width.map_or("", fixed_int))
            }
            Type::Pointer {
                constant: target_const,
                target,
            } => {
                // A const pointer itself is `* const`; the pointee's const is the flag passed on.
                let star = if constant { "*const " } else { "*" };
                let pointer = [ptr, star, &inner].concat();
                self.declare(ir, target, *target_const, pointer, ptr)
            }
            Type::Atomic(target) if self.c11 => {
                let spelled = format!(
                    "_Atomic({})",
                    self.declare(ir, target, false, "".into(), ptr)
                );
                base(&spelled)
            }
            Type::Atomic(target) => self.declare(ir, target, constant, inner, ptr),
            Type::Array { count, element } => {
                // `[]` binds tighter than `*`: a pointer to an array needs parentheses.
                let is_pointer =
                    inner.starts_with('*') || (!ptr.is_empty() && inner.starts_with(ptr));
                let inner = if is_pointer {
                    format!("({inner})[{count}]")
                } else {
                    format!("{inner}[{count}]")
                };
                self.declare(ir, element, constant, inner, ptr)
            }
        }
    }
}

/// `const T *name`: the base spelling, then the declarator, with `*` hugging the name.
fn join_base(constant: bool, spelled: &str, inner: &str) -> String {
    // Every declaration goes through here (the docs spell thousands): one allocation, no
    // formatting machinery.
    let qualifier = if constant { "const " } else { "" };
    let mut out = String::with_capacity(qualifier.len() + spelled.len() + 1 + inner.len());
    out.push_str(qualifier);
    out.push_str(spelled);
    if !inner.is_empty() {
        out.push(' ');
        out.push_str(inner);
        out.truncate(out.trim_end().len());
    }
    out
}

/// The machine-dependent name prefix for kernel headers serving `machine`.
pub fn md_prefix(machine: Machine) -> &'static str {
    match machine {
        Machine::Bits32 => "cloudabi32_",
        Machine::Bits64 => "cloudabi64_",
    }
}

/// The unsigned integer as wide as a pointer on `machine`.
pub fn fixed_int(machine: Machine) -> &'static str {
    match machine {
        Machine::Bits32 => "uint32_t",
        Machine::Bits64 => "uint64_t",
    }
}

/// The C spelling of a built-in integer type, natively.
pub fn int_type(int: IntType) -> &'static str {
    match int {
        IntType::Char => "char",
        IntType::Int8 => "int8_t",
        IntType::Int16 => "int16_t",
        IntType::Int32 => "int32_t",
        IntType::Int64 => "int64_t",
        IntType::Uint8 => "uint8_t",
        IntType::Uint16 => "uint16_t",
        IntType::Uint32 => "uint32_t",
        IntType::Uint64 => "uint64_t",
        IntType::Size => "size_t",
    }
}

/// `CLOUDABI_` + the type's C prefix + the value name, uppercased: `CLOUDABI_AT_PHDR`,
/// `CLOUDABI_E2BIG`, `CLOUDABI_RIGHT_FD_READ`. `None` for a type without values.
pub fn value_name(ir: &Ir, id: TypeId, index: usize) -> Option<String> {
    let int_like = ir.int_like(id)?;
    let value = int_like.values.get(index)?;
    Some(upper_concat(&[PREFIX, &int_like.cprefix, &value.name.name]))
}

/// `parts` joined and uppercased into one String (value names are spelled for every value
/// of every type; formatting, then uppercasing a copy, took two).
fn upper_concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for part in parts {
        out.extend(part.chars().flat_map(char::to_uppercase));
    }
    out
}

/// Whether C11 or C++ reserves `name`, which a spec may still use as a member or parameter
/// name. Every member and parameter name is looked up: a `match` compiles to a comparison of
/// lengths and then of a few bytes, where a binary search of a sorted list made about seven
/// calls to `memcmp` per name.
fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "_Alignas"
            | "_Alignof"
            | "_Atomic"
            | "_Bool"
            | "_Complex"
            | "_Generic"
            | "_Imaginary"
            | "_Noreturn"
            | "_Static_assert"
            | "_Thread_local"
            | "alignas"
            | "alignof"
            | "and"
            | "and_eq"
            | "asm"
            | "auto"
            | "bitand"
            | "bitor"
            | "bool"
            | "break"
            | "case"
            | "catch"
            | "char"
            | "char16_t"
            | "char32_t"
            | "char8_t"
            | "class"
            | "co_await"
            | "co_return"
            | "co_yield"
            | "compl"
            | "concept"
            | "const"
            | "const_cast"
            | "consteval"
            | "constexpr"
            | "constinit"
            | "continue"
            | "decltype"
            | "default"
            | "delete"
            | "do"
            | "double"
            | "dynamic_cast"
            | "else"
            | "enum"
            | "explicit"
            | "export"
            | "extern"
            | "false"
            | "float"
            | "for"
            | "friend"
            | "goto"
            | "if"
            | "inline"
            | "int"
            | "long"
            | "mutable"
            | "namespace"
            | "new"
            | "noexcept"
            | "not"
            | "not_eq"
            | "nullptr"
            | "operator"
            | "or"
            | "or_eq"
            | "private"
            | "protected"
            | "public"
            | "register"
            | "reinterpret_cast"
            | "requires"
            | "restrict"
            | "return"
            | "short"
            | "signed"
            | "sizeof"
            | "static"
            | "static_assert"
            | "static_cast"
            | "struct"
            | "switch"
            | "template"
            | "this"
            | "thread_local"
            | "throw"
            | "true"
            | "try"
            | "typedef"
            | "typeid"
            | "typename"
            | "union"
            | "unsigned"
            | "using"
            | "virtual"
            | "void"
            | "volatile"
            | "wchar_t"
            | "while"
            | "xor"
            | "xor_eq"
    )
}

/// A member, arm or parameter name as C spells it: a keyword gets a trailing `_`
/// (`inline_`); every other name is kept.
pub fn ident(name: &str) -> std::borrow::Cow<'_, str> {
    if is_keyword(name) {
        format!("{name}_").into()
    } else {
        name.into()
    }
}

/// A macro name built from a C name: `cloudabi64_types.h` → `CLOUDABI64_TYPES_H`.
pub fn macro_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;

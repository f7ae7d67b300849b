//! The generated `host/raw.rs`: C-ABI entry points, generic over the implementation, that
//! decode their arguments, call the `Syscalls` method, report it when observed, and write
//! outputs back.
//!
//! The entry points are written in shapes whose layout rustfmt does not change: every
//! width-dependent part is a call or signature laid out by the writer, blocks are always on
//! lines of their own, and no `if`/`else` is short enough to be joined onto one line.

use super::params::{classify, has_invariants, Kind, Param};
use super::runtime::errno_path;
use super::trace::view_expr;
use crate::backend::rust::writer::{RustWriter, SigEnd, ARRAY_WIDTH, CALL_WIDTH};
use crate::ir::{Direction, Ir, Syscall, Type};
use crate::naming::rust as naming;

const HEAD: &str = r#"//! The C-ABI entry points: `raw::fd_read::<S>` has the signature of
//! `cloudabi_sys_fd_read` and serves it with `S`.
//!
//! Each checks and decodes its arguments (see the [module docs](super)), calls the
//! [`Syscalls`] method through [`Syscalls::with_current`] (passing the call to
//! [`Syscalls::before`] and [`Syscalls::after`] when it is observed), and writes the
//! outputs. The body is instantiated twice, with and without observation, so that
//! an unobserved call carries no observation code at all: the observed copy is
//! reached through an out-of-line, cold function.

use super::{check, trace, validate, Syscalls};
"#;

const FAILED: &str = r#"
/// Reports a call whose arguments failed their checks to [`Syscalls::after`] (when
/// `TRACE`), and passes the error on.
fn failed<S: Syscalls, const TRACE: bool>(
    s: &mut S,
    name: &'static str,
    error: crate::errno,
) -> crate::errno {
    if TRACE && s.observed() {
        s.after(trace::Call::unchecked(name), Err(error));
    }
    error
}
"#;

const SPANS: &str = r#"
/// The address and size in bytes of `count` values at `ptr` (saturating: only
/// compared for overlap, after or instead of the checks that reject wrap-around).
fn span<T>(ptr: *const T, count: usize) -> (usize, usize) {
    let size = count.saturating_mul(core::mem::size_of::<T>());
    (ptr as usize, size)
}

/// Whether two spans share a byte.
fn overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    a.1 != 0 && b.1 != 0 && a.0 < b.0.saturating_add(b.1) && b.0 < a.0.saturating_add(a.1)
}
"#;

const DISJOINT: &str = r#"
/// Whether no two of the spans a call writes overlap.
fn disjoint(written: &[(usize, usize)]) -> bool {
    written
        .iter()
        .enumerate()
        .all(|(i, a)| written[i + 1..].iter().all(|b| !overlap(*a, *b)))
}
"#;

const READ_APART: &str = r#"
/// Guest memory the call only reads, as a slice: checked like [`slice`] (and with
/// `valid` when `T` has invariants). When it overlaps memory the same call writes,
/// the slice is a copy taken before the call, so that it never aliases the `&mut`
/// the implementation writes through.
unsafe fn read_apart<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
    len: usize,
    valid: Option<unsafe fn(*const T) -> bool>,
    written: &[(usize, usize)],
    copy: &'a mut Vec<core::mem::MaybeUninit<T>>,
) -> Result<&'a [T], crate::errno> {
    if len == 0 {
        return Ok(&[]);
    }
    // SAFETY: `check` found `len` elements at `ptr` in bounds and aligned (the caller
    // keeps them readable for `'a`); the copy has room for `len` elements before they
    // are copied in and counted; `valid` is given each element in range.
    unsafe {
        check(s, ptr, len, false)?;
        let ptr = if written.iter().any(|w| overlap(span(ptr, len), *w)) {
            copy.reserve_exact(len);
            core::ptr::copy_nonoverlapping(
                ptr as *const core::mem::MaybeUninit<T>,
                copy.as_mut_ptr(),
                len,
            );
            copy.set_len(len);
            copy.as_ptr() as *const T
        } else {
            ptr
        };
        if let Some(valid) = valid {
            for i in 0..len {
                if !valid(ptr.add(i)) {
                    return Err({INVAL});
                }
            }
        }
        Ok(core::slice::from_raw_parts(ptr, len))
    }
}
"#;

const DECODED: &str = r#"
/// An enum argument decoded by `decode`, or [`errno::INVAL`](crate::errno::INVAL).
fn decoded<R, T>(raw: R, decode: fn(R) -> Option<T>) -> Result<T, crate::errno> {
    decode(raw).ok_or({INVAL})
}
"#;

const CHECKED_VALUE: &str = r#"
/// A structure passed by value, once `valid` accepted its bytes.
unsafe fn checked_value<T>(
    value: core::mem::MaybeUninit<T>,
    valid: unsafe fn(*const T) -> bool,
) -> Result<T, crate::errno> {
    // SAFETY: `value` holds a whole `T`'s bytes (the caller's contract), and `valid`
    // accepted them before they are taken as a `T`.
    unsafe {
        if valid(value.as_ptr()) {
            Ok(value.assume_init())
        } else {
            Err({INVAL})
        }
    }
}
"#;

const CHECKED_REF: &str = r#"
/// A guest pointer to one value as a reference, once `valid` accepted its bytes.
unsafe fn checked_ref<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
    valid: unsafe fn(*const T) -> bool,
) -> Result<&'a T, crate::errno> {
    // SAFETY: `check` found the value in bounds and aligned (the caller keeps it
    // readable for `'a`), and `valid` accepted its bytes before the reference is made.
    unsafe {
        check(s, ptr, 1, false)?;
        if valid(ptr) {
            Ok(&*ptr)
        } else {
            Err({INVAL})
        }
    }
}
"#;

const CHECKED_SLICE: &str = r#"
/// A guest range as a slice, once `valid` accepted every element.
unsafe fn checked_slice<'a, S: Syscalls, T>(
    s: &mut S,
    ptr: *const T,
    len: usize,
    valid: unsafe fn(*const T) -> bool,
) -> Result<&'a [T], crate::errno> {
    if len == 0 {
        return Ok(&[]);
    }
    // SAFETY: `check` found `len` elements at `ptr` in bounds and aligned (the caller
    // keeps them readable for `'a`), and `valid` accepted each before the slice is made.
    unsafe {
        check(s, ptr, len, false)?;
        for i in 0..len {
            if !valid(ptr.add(i)) {
                return Err({INVAL});
            }
        }
        Ok(core::slice::from_raw_parts(ptr, len))
    }
}
"#;

const WRITABLE: &str = r#"
/// An output pointer, checked before the call.
unsafe fn writable<S: Syscalls, T>(s: &mut S, ptr: *mut T) -> Result<*mut T, crate::errno> {
    // SAFETY: only checks the pointer; it is written after the call, by the caller.
    unsafe { check(s, ptr, 1, true)? };
    Ok(ptr)
}
"#;

/// Why an entry point may call its inner function: they share the contract in [`SAFETY`].
const ENTRY: [&str; 1] = ["the guest's arguments, under this entry point's contract."];
/// Why the observed copy may call the inner function: it has the same contract.
const TRACED: [&str; 1] = ["the caller upholds the entry point's contract, which this shares."];
/// Why an inner function may turn guest pointers into references and write outputs.
const GUEST: [&str; 3] = [
    "every pointer is checked (null, wrap-around, alignment, `check_guest_memory`)",
    "before it is read or written, memory the call reads is copied apart when it overlaps",
    "what it writes, and the guest keeps it valid for the call (the entry point's contract).",
];

const SAFETY: [&str; 6] = [
    "",
    "# Safety",
    "",
    "To be called by the guest with the C signature of the system call; the pointers",
    "it passes are checked as the [module docs](super) describe, and must otherwise",
    "be valid guest memory for the duration of the call.",
];

pub(crate) fn file(ir: &Ir) -> String {
    let mut w = RustWriter::with_capacity(4096 + 2048 * ir.syscalls.len());
    w.raw(&crate::backend::banner(ir, "// "));
    w.blank();
    w.raw(HEAD);
    let used = Helpers::of(ir);
    if used.apart {
        // `Vec` holds the copies of inputs that overlap written memory (see `read_apart`).
        w.line("use std::vec::Vec;");
    }
    w.blank();
    entry_points(&mut w, ir);
    let inval = errno_path(ir, "inval");
    let helpers = [
        (true, FAILED),
        (used.apart || used.disjoint, SPANS),
        (used.disjoint, DISJOINT),
        (used.apart, READ_APART),
        (used.enums, DECODED),
        (used.values, CHECKED_VALUE),
        (used.refs, CHECKED_REF),
        (used.slices, CHECKED_SLICE),
        (true, WRITABLE),
    ];
    for (wanted, text) in helpers {
        if wanted {
            w.raw(&text.replace("{INVAL}", &inval));
        }
    }
    for call in &ir.syscalls {
        entry(&mut w, ir, call);
    }
    w.finish()
}

/// `entry_points::<S>()`: every entry point with its symbol, in syscall-number order.
fn entry_points(w: &mut RustWriter, ir: &Ir) {
    w.doc(&["Every entry point with its C symbol name, in syscall-number order."]);
    let ret = format!("[(&'static str, *const ()); {}]", ir.syscalls.len());
    w.signature(
        "pub fn entry_points<S: Syscalls>",
        &[] as &[&str],
        &ret,
        SigEnd::Body,
    );
    let rows: Vec<[String; 2]> = ir
        .syscalls
        .iter()
        .map(|call| {
            [
                format!("\"{}\"", naming::syscall_symbol(&call.name.name)),
                format!("{}::<S> as *const ()", naming::field_name(&call.name.name)),
            ]
        })
        .collect();
    if rows.is_empty() {
        w.line("[]");
    } else {
        w.line("[");
        w.indent_in();
        for row in &rows {
            w.list("", ("(", ")"), row, ",", CALL_WIDTH);
        }
        w.close("]");
    }
    w.close("}");
}

/// Which helpers some entry point uses: each is emitted only then, so the generated module
/// has no dead code.
struct Helpers {
    apart: bool,
    disjoint: bool,
    enums: bool,
    values: bool,
    refs: bool,
    slices: bool,
}

impl Helpers {
    fn of(ir: &Ir) -> Helpers {
        let mut used = Helpers {
            apart: false,
            disjoint: false,
            enums: false,
            values: false,
            refs: false,
            slices: false,
        };
        for call in &ir.syscalls {
            let params = classify(ir, call);
            let apart = is_apart(&params);
            used.apart |= apart;
            let writes = params.iter().filter(|p| borrow(&p.kind) == Borrow::Write);
            used.disjoint |= writes.count() > 1;
            for p in &params {
                if apart && borrow(&p.kind) == Borrow::Read {
                    continue;
                }
                let checked = |ty: &Type| has_invariants(ir, ty);
                match &p.kind {
                    Kind::Enum(_) => used.enums = true,
                    Kind::CheckedValue(_) => used.values = true,
                    Kind::Ref(t) if checked(t) => used.refs = true,
                    Kind::Slice {
                        target,
                        mutable: false,
                    }
                    | Kind::Counted {
                        target,
                        mutable: false,
                        ..
                    } if checked(target) => used.slices = true,
                    _ => {}
                }
            }
        }
        used
    }
}

/// The C parameter names of input `index`: one, or two for a range.
fn c_names(call: &Syscall, index: usize) -> Vec<String> {
    call.c_params(Direction::In, index)
        .map(|(_, c)| naming::field_name(&c.name))
        .collect()
}

/// The C-level type of a parameter, with qualified names.
fn c_param_type(ir: &Ir, ty: &Type, direction: Direction) -> String {
    let ty = naming::qualified_type_expr(ir, ty);
    match direction {
        Direction::In => ty,
        Direction::Out => format!("*mut {ty}"),
    }
}

/// The type the raw entry point takes a C parameter as: enums as their base integer, and
/// structs with invariants as `MaybeUninit`, so that no invalid value is ever made.
fn raw_type(ir: &Ir, param: &Param, c: &crate::ir::Param) -> String {
    match &param.kind {
        Kind::Enum(id) => match ir.int_like(*id) {
            Some(int) => naming::int_type(int.base).to_string(),
            None => c_param_type(ir, &c.ty, c.direction),
        },
        Kind::CheckedValue(ty) => format!(
            "core::mem::MaybeUninit<{}>",
            naming::qualified_type_expr(ir, ty)
        ),
        _ => c_param_type(ir, &c.ty, c.direction),
    }
}

/// `validate::name`: the validity check of a named type.
fn validator(ir: &Ir, ty: &Type) -> String {
    match ty {
        Type::Named(id) => format!("validate::{}", naming::type_name(ir, *id)),
        _ => "validate::unknown".to_string(),
    }
}

/// How an input is borrowed from guest memory for the call.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Borrow {
    /// A `&[T]` or `&T` the call reads.
    Read,
    /// A `&mut [T]`, `&mut [MaybeUninit<T>]` or `&mut MaybeUninit<T>` the call writes.
    Write,
    /// Passed by value or as a raw pointer: no reference into guest memory.
    None,
}

fn borrow(kind: &Kind) -> Borrow {
    match kind {
        Kind::Slice { mutable: false, .. }
        | Kind::Counted { mutable: false, .. }
        | Kind::Ref(_) => Borrow::Read,
        Kind::Slice { mutable: true, .. }
        | Kind::Counted { mutable: true, .. }
        | Kind::UninitRef(_) => Borrow::Write,
        _ => Borrow::None,
    }
}

/// Whether a call both reads and writes guest memory through references, so that its
/// read-only inputs are decoded apart from what it writes.
fn is_apart(params: &[Param]) -> bool {
    let has = |b: Borrow| params.iter().any(|p| borrow(&p.kind) == b);
    has(Borrow::Read) && has(Borrow::Write)
}

/// `span(ptr, count)`: the bytes a writable input covers, for the overlap checks.
fn written_span(ir: &Ir, call: &Syscall, param: &Param) -> Option<(String, [String; 2])> {
    let cs = c_names(call, param.index);
    let first = cs.first()?;
    let (element, count) = match &param.kind {
        Kind::Slice { target, .. } => (super::params::element(ir, target), cs.get(1)?.clone()),
        Kind::Counted { target, count, .. } => (
            naming::qualified_type_expr(ir, target),
            c_names(call, *count).into_iter().next()?,
        ),
        Kind::UninitRef(ty) => (naming::qualified_type_expr(ir, ty), "1".to_string()),
        _ => return None,
    };
    Some((
        "span".to_string(),
        [format!("{first} as *const {element}"), count],
    ))
}

/// The local holding the copy of a read-only input that overlaps written memory.
fn copy_name(param: &Param) -> String {
    format!("{}_copy", param.member.name())
}

/// A decoding: the function called and its arguments (a `Result` of what the trait takes).
type Decode = (String, Vec<String>);

/// How an input the call only reads is decoded, in a call that also writes guest memory
/// (`written`): checked like any input, then copied when it overlaps.
fn decode_apart(ir: &Ir, call: &Syscall, param: &Param) -> Option<Decode> {
    let cs = c_names(call, param.index);
    let first = cs.first()?.clone();
    let valid = |ty: &Type| {
        if has_invariants(ir, ty) {
            format!("Some({})", validator(ir, ty))
        } else {
            "None".to_string()
        }
    };
    let (ptr, len, valid) = match &param.kind {
        Kind::Slice { target, .. } => {
            let ptr = match target {
                Type::Void => format!("{first} as *const u8"),
                _ => first,
            };
            (ptr, cs.get(1)?.clone(), valid(target))
        }
        Kind::Counted { target, count, .. } => {
            let n = c_names(call, *count).into_iter().next()?;
            (first, n, valid(target))
        }
        Kind::Ref(ty) => (first, "1".to_string(), valid(ty)),
        _ => return decode(ir, call, param),
    };
    let copy = format!("&mut {}", copy_name(param));
    let args = vec![
        "s".to_string(),
        ptr,
        len,
        valid,
        "&written".to_string(),
        copy,
    ];
    Some(("read_apart".to_string(), args))
}

/// How an input is decoded; `None` for inputs passed on as they are.
fn decode(ir: &Ir, call: &Syscall, param: &Param) -> Option<Decode> {
    let cs = c_names(call, param.index);
    let first = cs.first()?.clone();
    let second = cs.get(1).cloned();
    let of = |f: &str, args: &[String]| Some((f.to_string(), args.to_vec()));
    let s = "s".to_string();
    match &param.kind {
        Kind::Value(_) | Kind::Count | Kind::Raw(_) | Kind::AddressRange => None,
        Kind::Atomic(_) => of("writable", &[s, first]),
        Kind::Enum(id) => {
            let decoder = format!("validate::{}", naming::type_name(ir, *id));
            of("decoded", &[first, decoder])
        }
        Kind::CheckedValue(ty) => of("checked_value", &[first, validator(ir, ty)]),
        Kind::Slice { target, mutable } => {
            let len = second?;
            // Untyped ranges are `*const ()` in C: they become byte slices.
            let ptr = match (target, mutable, has_invariants(ir, target)) {
                (Type::Void, false, _) => format!("{first} as *const u8"),
                (Type::Void, true, _) => format!("{first} as *mut u8"),
                (_, true, true) => format!(
                    "{first} as *mut core::mem::MaybeUninit<{}>",
                    super::params::element(ir, target)
                ),
                _ => first,
            };
            match (mutable, has_invariants(ir, target)) {
                (false, false) => of("super::slice", &[s, ptr, len]),
                (false, true) => of("checked_slice", &[s, ptr, len, validator(ir, target)]),
                (true, _) => of("super::slice_mut", &[s, ptr, len]),
            }
        }
        Kind::Ref(ty) if has_invariants(ir, ty) => {
            of("checked_ref", &[s, first, validator(ir, ty)])
        }
        Kind::Ref(_) => of("super::reference", &[s, first]),
        Kind::Fields(_) => of("super::fields", &[s, first]),
        Kind::UninitRef(_) => of("super::uninit", &[s, first]),
        Kind::Counted {
            target,
            mutable,
            count,
        } => {
            let n = c_names(call, *count).into_iter().next()?;
            match (mutable, has_invariants(ir, target)) {
                (false, false) => of("super::slice", &[s, first, n]),
                (false, true) => of("checked_slice", &[s, first, n, validator(ir, target)]),
                (true, _) => {
                    let e = naming::qualified_type_expr(ir, target);
                    let ptr = format!("{first} as *mut core::mem::MaybeUninit<{e}>");
                    of("super::slice_mut", &[s, ptr, n])
                }
            }
        }
    }
}

/// `let local = match f(args) { Ok(v) => v, Err(e) => <fail> };`
fn decode_statement(w: &mut RustWriter, local: &str, (f, args): &Decode, noreturn: bool) {
    w.call(&format!("let {local} = match {f}"), args, " {");
    w.indent_in();
    w.line("Ok(v) => v,");
    fail_arm(w, noreturn);
    w.close("};");
}

/// The arm that handles a failed check: report it, then return the error or, for a call
/// that cannot return, hand it to `noreturn_failed`.
fn fail_arm(w: &mut RustWriter, noreturn: bool) {
    if noreturn {
        w.open("Err(e) => {");
        w.line("let e = failed::<S, true>(s, NAME, e);");
        w.line("s.noreturn_failed(NAME, e)");
        w.close("}");
    } else {
        w.line("Err(e) => return Err(failed::<S, TRACE>(s, NAME, e)),");
    }
}

/// The C parameters, as the entry point takes them, and their names.
fn c_signature(ir: &Ir, call: &Syscall, params: &[Param]) -> (Vec<String>, Vec<String>) {
    let mut typed = Vec::new();
    let mut names = Vec::new();
    for c in &call.params {
        let name = naming::field_name(&c.name);
        let ty = match c.direction {
            Direction::In => params
                .iter()
                .find(|p| p.index == c.member)
                .map(|p| raw_type(ir, p, c))
                .unwrap_or_else(|| c_param_type(ir, &c.ty, c.direction)),
            Direction::Out => c_param_type(ir, &c.ty, c.direction),
        };
        typed.push(format!("{name}: {ty}"));
        names.push(name);
    }
    (typed, names)
}

fn entry(w: &mut RustWriter, ir: &Ir, call: &Syscall) {
    let name = naming::field_name(&call.name.name);
    let params = classify(ir, call);
    let (c_args, c_names) = c_signature(ir, call, &params);
    let mut doc = vec![format!(
        "The C entry point `{}`, served by [`Syscalls::{}`].",
        naming::syscall_symbol(&call.name.name),
        call.name.name
    )];
    doc.extend(SAFETY.iter().map(|l| l.to_string()));
    w.blank();
    w.doc(&doc);
    let head = format!("pub unsafe extern \"C\" fn {name}<S: Syscalls>");
    let inner = format!("{}_inner", call.name.name);
    let mut inner_args = vec!["s".to_string()];
    inner_args.extend(c_names.iter().cloned());
    let mut with_s = vec!["s: &mut S".to_string()];
    with_s.extend(c_args.iter().cloned());
    // The inner functions take the implementation besides the C arguments.
    let many_args = with_s.len() > 7;
    if call.noreturn {
        w.signature(&head, &c_args, "!", SigEnd::Body);
        w.open("S::with_current(|s| {");
        w.unsafe_call(&ENTRY, &inner, &inner_args, ";");
        w.close("});");
        w.line("std::process::abort()");
        w.close("}");
        w.blank();
        if many_args {
            w.line("#[allow(clippy::too_many_arguments)] // mirrors the C signature");
        }
        let head = format!("unsafe fn {inner}<S: Syscalls>");
        w.signature(&head, &with_s, "!", SigEnd::Body);
        body(w, ir, call, &params);
        w.close("}");
        return;
    }
    let traced = format!("{}_traced", call.name.name);
    w.signature(&head, &c_args, "crate::errno", SigEnd::Body);
    w.open("S::with_current(|s| {");
    w.open("let result = if s.observed() {");
    w.unsafe_call(&ENTRY, &traced, &inner_args, "");
    w.close("} else {");
    w.indent_in();
    w.unsafe_call(&ENTRY, &format!("{inner}::<S, false>"), &inner_args, "");
    w.close("};");
    w.open("match result {");
    w.line("Ok(()) => crate::errno::SUCCESS,");
    w.line("Err(e) => e,");
    w.close("}");
    w.close("})");
    w.close("}");
    let allow = "#[allow(clippy::too_many_arguments)] // mirrors the C signature";
    let ret = "Result<(), crate::errno>";
    w.blank();
    if many_args {
        w.line(allow);
    }
    w.line("#[cold]");
    w.line("#[inline(never)]");
    w.signature(
        &format!("unsafe fn {traced}<S: Syscalls>"),
        &with_s,
        ret,
        SigEnd::Body,
    );
    w.unsafe_call(&TRACED, &format!("{inner}::<S, true>"), &inner_args, "");
    w.close("}");
    w.blank();
    if many_args {
        w.line(allow);
    }
    w.line("#[inline(always)]");
    let head = format!("unsafe fn {inner}<S: Syscalls, const TRACE: bool>");
    w.signature(&head, &with_s, ret, SigEnd::Body);
    body(w, ir, call, &params);
    w.close("}");
}

/// The inner function's body: decode every input and output, observe, call, write back.
/// The call's name is a constant when some check can fail.
/// The decoding is one `unsafe` block when it touches guest memory (see [`GUEST`]).
fn body(out: &mut RustWriter, ir: &Ir, call: &Syscall, params: &[Param]) {
    let guarded = touches_guest_memory(call, params);
    let mut w = out.nested();
    if guarded {
        w.indent_in();
    }
    checked_body(&mut w, ir, call, params);
    let text = w.finish();
    if text.contains("(s, NAME, e)") {
        out.line_fmt(format_args!("const NAME: &str = \"{}\";", call.name.name));
    }
    if guarded {
        out.open_unsafe(&GUEST);
        out.raw(&text);
        out.close("}");
    } else {
        out.raw(&text);
    }
}

/// Whether a call's body uses an `unsafe` operation: an output written through its
/// pointer, or an input decoded from guest memory (everything but values, counts, raw
/// pointers, address ranges and enums, which [`decode`] passes on or checks by value).
fn touches_guest_memory(call: &Syscall, params: &[Param]) -> bool {
    let by_value = |k: &Kind| {
        matches!(
            k,
            Kind::Value(_) | Kind::Count | Kind::Raw(_) | Kind::AddressRange | Kind::Enum(_)
        )
    };
    call.params.iter().any(|c| c.direction == Direction::Out)
        || params.iter().any(|p| !by_value(&p.kind))
}

fn checked_body(w: &mut RustWriter, ir: &Ir, call: &Syscall, params: &[Param]) {
    let noreturn = call.noreturn;
    // A call that reads some guest memory and writes other guest memory must not alias the
    // two: the spans it writes are computed first, from the raw pointers.
    let spans: Vec<String> = params
        .iter()
        .filter(|p| borrow(&p.kind) == Borrow::Write)
        .filter_map(|p| written_span(ir, call, p))
        .map(|(f, args)| format!("{f}({})", args.join(", ")))
        .collect();
    let apart = is_apart(params);
    if apart || spans.len() > 1 {
        w.list("let written = ", ("[", "]"), &spans, ";", ARRAY_WIDTH);
        if spans.len() > 1 {
            w.open("if !disjoint(&written) {");
            w.line_fmt(format_args!("let e = {};", errno_path(ir, "inval")));
            if noreturn {
                w.line("let e = failed::<S, true>(s, NAME, e);");
                w.line("s.noreturn_failed(NAME, e)");
            } else {
                w.line("return Err(failed::<S, TRACE>(s, NAME, e));");
            }
            w.close("}");
        }
    }
    let mut trait_args = Vec::new();
    let mut views = Vec::new();
    for p in params {
        if matches!(p.kind, Kind::Count) {
            continue;
        }
        let local = naming::field_name(p.member.name());
        if let Kind::AddressRange = p.kind {
            let cs = c_names(call, p.index);
            let args = [format!("{} as *mut u8", cs[0]), cs[1].clone()];
            let head = format!("let {local} = core::ptr::slice_from_raw_parts_mut");
            w.call(&head, &args, ";");
        } else if apart && borrow(&p.kind) == Borrow::Read {
            w.line_fmt(format_args!("let mut {} = Vec::new();", copy_name(p)));
            if let Some(d) = decode_apart(ir, call, p) {
                decode_statement(w, &local, &d, noreturn);
            }
            if let Kind::Ref(_) = p.kind {
                w.line_fmt(format_args!("let {local} = &{local}[0];"));
            }
        } else if let Some(d) = decode(ir, call, p) {
            decode_statement(w, &local, &d, noreturn);
        }
        views.push(view_expr(&p.kind, &local));
        trait_args.push(local);
    }
    let outs: Vec<String> = call
        .params
        .iter()
        .filter(|c| c.direction == Direction::Out)
        .map(|c| naming::field_name(&c.name))
        .collect();
    for out in &outs {
        let d = ("writable".to_string(), vec!["s".to_string(), out.clone()]);
        decode_statement(w, out, &d, noreturn);
    }
    let decoder = format!("trace::{}", naming::field_name(&call.name.name));
    let method = format!("s.{}", naming::field_name(&call.name.name));
    if noreturn {
        w.open("if s.observed() {");
        w.line("// A call that does not return cannot fail: what `before` says is moot.");
        w.call(&format!("let decoded = {decoder}"), &views, ";");
        w.line("let _ = s.before(&decoded);");
        w.close("}");
        w.call(&method, &trait_args, "");
        return;
    }
    w.line("let mut call = None;");
    let filled = super::trace::filled_views(w, ir, call);
    w.open("if TRACE {");
    w.call(&format!("let decoded = {decoder}"), &views, ";");
    w.line("call = Some(decoded);");
    w.close("}");
    w.open("let injected = match &call {");
    w.line("Some(call) => s.before(call),");
    w.line("None => None,");
    w.close("};");
    w.open("let result = if let Some(injected) = injected {");
    w.line("Err(injected)");
    w.close("} else {");
    w.indent_in();
    w.call(&method, &trait_args, "");
    w.close("};");
    w.open("if let Some(call) = call {");
    let mut result_args = vec!["&result".to_string()];
    result_args.extend(filled);
    w.call(
        &format!("let shown = trace::{}_result", call.name.name),
        &result_args,
        ";",
    );
    w.line("s.after(call, shown);");
    w.close("}");
    match outs.as_slice() {
        [] => w.line("let () = result?;"),
        [one] => w.line_fmt(format_args!("{one}.write(result?);")),
        many => {
            w.line("let value = result?;");
            for (i, out) in many.iter().enumerate() {
                w.line_fmt(format_args!("{out}.write(value.{i});"));
            }
        }
    }
    w.line("Ok(())");
}

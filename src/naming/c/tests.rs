//! Unit tests of the C naming: identifiers, prefixes and type names as the C backends spell them.

use super::*;
use crate::ir::{IntType, Machine, Type};

fn ir() -> Ir {
    crate::default_ir().expect("our spec loads")
}

fn id(ir: &Ir, name: &str) -> TypeId {
    ir.find_type(name).expect("type exists")
}

fn ptr(constant: bool, target: Type) -> Type {
    Type::Pointer {
        constant,
        target: Box::new(target),
    }
}

#[test]
fn type_names_get_the_md_prefix_only_when_machine_dependent() {
    let ir = ir();
    let n32 = CNaming::fixed(Machine::Bits32);
    assert_eq!(
        CNaming::NATIVE.type_name(&ir, id(&ir, "fd")),
        "cloudabi_fd_t"
    );
    assert_eq!(
        CNaming::NATIVE.type_name(&ir, id(&ir, "iovec")),
        "cloudabi_iovec_t"
    );
    assert_eq!(n32.type_name(&ir, id(&ir, "fd")), "cloudabi_fd_t");
    assert_eq!(n32.type_name(&ir, id(&ir, "iovec")), "cloudabi32_iovec_t");
    let n64 = CNaming::fixed(Machine::Bits64);
    assert_eq!(
        n64.type_name(&ir, id(&ir, "threadentry")),
        "cloudabi64_threadentry_t"
    );
    assert_eq!(n64.type_name(&ir, id(&ir, "dirent")), "cloudabi_dirent_t");
}

#[test]
fn value_names_use_the_cprefix() {
    let ir = ir();
    let value = |ty: &str, name: &str| {
        let t = id(&ir, ty);
        let i = ir
            .int_like(t)
            .unwrap()
            .values
            .iter()
            .position(|v| v.name.name == name);
        value_name(&ir, t, i.unwrap()).unwrap()
    };
    assert_eq!(value("auxtype", "phdr"), "CLOUDABI_AT_PHDR");
    assert_eq!(value("errno", "2big"), "CLOUDABI_E2BIG");
    assert_eq!(value("rights", "fd_read"), "CLOUDABI_RIGHT_FD_READ");
    assert_eq!(value("fd", "process_child"), "CLOUDABI_PROCESS_CHILD");
    assert_eq!(value("advice", "dontneed"), "CLOUDABI_ADVICE_DONTNEED");
    assert_eq!(value_name(&ir, id(&ir, "iovec"), 0), None);
}

#[test]
fn syscall_names() {
    let ir = ir();
    let read = ir.find_syscall("fd_read").unwrap();
    let close = ir.find_syscall("fd_close").unwrap();
    assert_eq!(CNaming::NATIVE.syscall_name(read), "cloudabi_sys_fd_read");
    let n64 = CNaming::fixed(Machine::Bits64);
    assert_eq!(n64.syscall_name(read), "cloudabi64_sys_fd_read");
    assert_eq!(n64.syscall_name(close), "cloudabi_sys_fd_close");
}

#[test]
fn int_spellings() {
    let n = CNaming::NATIVE;
    assert_eq!(n.int_type(IntType::Char), "char");
    assert_eq!(n.int_type(IntType::Int64), "int64_t");
    assert_eq!(n.int_type(IntType::Uint8), "uint8_t");
    assert_eq!(n.int_type(IntType::Size), "size_t");
    assert_eq!(
        CNaming::fixed(Machine::Bits32).int_type(IntType::Size),
        "uint32_t"
    );
    assert_eq!(
        CNaming::fixed(Machine::Bits64).int_type(IntType::Size),
        "uint64_t"
    );
}

#[test]
fn declarators() {
    let ir = ir();
    let n = CNaming::NATIVE;
    let lock = Type::Named(id(&ir, "lock"));
    let char_array = Type::Array {
        count: 4,
        element: Box::new(Type::Int(IntType::Char)),
    };
    assert_eq!(
        n.declarator(&ir, &ptr(true, Type::Void), "buf"),
        "const void *buf"
    );
    assert_eq!(n.declarator(&ir, &char_array, "unused"), "char unused[4]");
    let atomic_ptr = ptr(false, Type::Atomic(Box::new(lock.clone())));
    assert_eq!(
        n.declarator(&ir, &atomic_ptr, "lock"),
        "_Atomic(cloudabi_lock_t) *lock"
    );
    assert_eq!(
        n.type_spelling(&ir, &atomic_ptr),
        "_Atomic(cloudabi_lock_t) *"
    );
    let no_c11 = CNaming { c11: false, ..n };
    assert_eq!(
        no_c11.declarator(&ir, &atomic_ptr, "lock"),
        "cloudabi_lock_t *lock"
    );
    let to_array = ptr(false, char_array.clone());
    assert_eq!(n.declarator(&ir, &to_array, "p"), "char (*p)[4]");
    let ptr_to_const_ptr = ptr(true, ptr(false, Type::Void));
    assert_eq!(
        n.declarator(&ir, &ptr_to_const_ptr, "pp"),
        "void *const *pp"
    );
    let array_of_ptrs = Type::Array {
        count: 2,
        element: Box::new(ptr(false, Type::Void)),
    };
    assert_eq!(n.declarator(&ir, &array_of_ptrs, "a"), "void *a[2]");
    assert_eq!(n.type_spelling(&ir, &Type::Int(IntType::Size)), "size_t");
}

#[test]
fn user_pointers() {
    let ir = ir();
    let linux = CNaming {
        pointer_prefix: "__user ",
        c11: false,
        ..CNaming::NATIVE
    };
    let to_array = ptr(
        true,
        Type::Array {
            count: 4,
            element: Box::new(Type::Int(IntType::Char)),
        },
    );
    assert_eq!(
        linux.declarator(&ir, &ptr(true, Type::Void), "buf"),
        "const void __user *buf"
    );
    assert_eq!(
        linux.declarator(&ir, &to_array, "p"),
        "const char (__user *p)[4]"
    );
    let map = ir.find_syscall("mem_map").unwrap();
    let out = map.params.last().unwrap();
    assert_eq!(linux.param_declarator(&ir, out), "void __user **mem");
    let read = ir.find_syscall("fd_read").unwrap();
    let nread = read.params.last().unwrap();
    assert_eq!(linux.param_declarator(&ir, nread), "size_t *nread");
}

#[test]
fn fixed_width_pointers_and_sizes() {
    let ir = ir();
    let n32 = CNaming::fixed(Machine::Bits32);
    let atomic_ptr = ptr(false, Type::Atomic(Box::new(Type::Named(id(&ir, "lock")))));
    assert_eq!(n32.declarator(&ir, &atomic_ptr, "lock"), "uint32_t lock");
    let atomic_size = Type::Atomic(Box::new(Type::Int(IntType::Size)));
    assert_eq!(
        n32.declarator(&ir, &atomic_size, "n"),
        "_Atomic(uint32_t) n"
    );
    let n64 = CNaming::fixed(Machine::Bits64);
    let ptrs = Type::Array {
        count: 3,
        element: Box::new(ptr(true, Type::Void)),
    };
    assert_eq!(n64.declarator(&ir, &ptrs, "a"), "uint64_t a[3]");
}

#[test]
fn prototypes() {
    let ir = ir();
    let n = CNaming::NATIVE;
    let read = ir.find_syscall("fd_read").unwrap();
    assert_eq!(
        n.prototype(&ir, read),
        "cloudabi_errno_t cloudabi_sys_fd_read(cloudabi_fd_t fd, const cloudabi_iovec_t *iovs, \
         size_t iovs_len, size_t *nread)"
    );
    let exit = ir.find_syscall("proc_exit").unwrap();
    assert_eq!(
        n.prototype(&ir, exit),
        "_Noreturn void cloudabi_sys_proc_exit(cloudabi_exitcode_t rval)"
    );
    let linux = CNaming {
        pointer_prefix: "__user ",
        c11: false,
        md_prefix: "cloudabi64_",
        fixed_width: None,
    };
    assert_eq!(linux.syscall_head(&ir, exit), "void cloudabi_sys_proc_exit");
    let yield_ = ir.find_syscall("thread_yield").unwrap();
    assert_eq!(
        n.prototype(&ir, yield_),
        "cloudabi_errno_t cloudabi_sys_thread_yield(void)"
    );
}

#[test]
fn macro_names() {
    assert_eq!(macro_name("cloudabi64_types.h"), "CLOUDABI64_TYPES_H");
}

#[test]
fn keywords_get_an_underscore() {
    assert_eq!(ident("inline"), "inline_");
    assert_eq!(ident("class"), "class_");
    assert_eq!(ident("type"), "type");
    assert_eq!(ident("signal"), "signal");
}

#[test]
fn keywords_at_both_ends_of_the_list() {
    assert_eq!(ident("xor_eq"), "xor_eq_");
    assert_eq!(ident("_Alignas"), "_Alignas_");
}

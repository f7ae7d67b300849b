//! Real compilers check the generated headers. Each header carries static asserts on every
//! offset, size and alignment, so every successful compile is also a layout proof for that
//! target. The headers are written from memory into a temporary directory.

use super::{all_irs, generated_tree, require_multilib, run_ok};
use std::path::Path;

const WARNINGS: &[&str] = &["-Wall", "-Wextra", "-Werror"];

/// The user-space and kernel type headers under `c/` (not the X-macros, which need a
/// consumer; see `x_macros_expand_to_matching_prototypes`).
fn c_headers(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.join("c"))
        .expect("c/ was written")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|n| n.ends_with(".h"))
        .collect();
    names.sort();
    names.into_iter().map(|n| format!("c/{n}")).collect()
}

fn compile_each(compiler: &str, flags: &[&str], dir: &Path, spec: &str) {
    for header in c_headers(dir) {
        let lang = if compiler.ends_with("++") { "c++" } else { "c" };
        let mut args: Vec<&str> = flags.to_vec();
        args.extend(WARNINGS);
        args.extend(["-fsyntax-only", "-x", lang, &header]);
        run_ok(compiler, &args, dir, &format!("{spec}: {header}"));
    }
}

#[test]
fn gcc_c11_at_m64_and_m32() {
    for (spec, ir) in all_irs() {
        let dir = generated_tree(&ir);
        require_multilib(dir.path());
        for m in ["-m64", "-m32"] {
            compile_each("gcc", &[m, "-std=c11"], dir.path(), &spec);
        }
        // Pedantic too, except for the X-macro header: on its own it is an empty
        // translation unit, which ISO C forbids. Its use is compiled pedantically below.
        for header in c_headers(dir.path()) {
            if header.ends_with("_info.h") {
                continue;
            }
            for m in ["-m64", "-m32"] {
                let mut args = vec![m, "-std=c11", "-pedantic"];
                args.extend(WARNINGS);
                args.extend(["-fsyntax-only", "-x", "c", &header]);
                run_ok(
                    "gcc",
                    &args,
                    dir.path(),
                    &format!("{spec}: {header} pedantic"),
                );
            }
        }
    }
}

#[test]
fn gxx_cpp17_at_m64_and_m32() {
    for (spec, ir) in all_irs() {
        let dir = generated_tree(&ir);
        for m in ["-m64", "-m32"] {
            compile_each("g++", &[m, "-std=c++17"], dir.path(), &spec);
        }
        // The oldest C++ the headers support.
        compile_each("g++", &["-std=c++11"], dir.path(), &spec);
    }
}

/// (clang target, extra flags). The cross targets have no C library headers installed, so
/// they compile freestanding: clang's own stddef.h and stdint.h.
const CLANG_TARGETS: &[(&str, &[&str])] = &[
    ("aarch64-linux-gnu", &["-ffreestanding"]),
    ("arm-linux-gnueabi", &["-march=armv6", "-ffreestanding"]),
    ("i686-linux-gnu", &[]),
    ("x86_64-linux-gnu", &[]),
];

#[test]
fn clang_on_four_targets() {
    for (spec, ir) in all_irs() {
        let dir = generated_tree(&ir);
        for (target, extra) in CLANG_TARGETS {
            let target_flag = format!("--target={target}");
            let mut flags = vec![target_flag.as_str(), "-std=c11"];
            flags.extend(*extra);
            compile_each("clang", &flags, dir.path(), &spec);
            flags[1] = "-std=c++17";
            compile_each("clang++", &flags, dir.path(), &spec);
        }
    }
}

/// Checks that the system provides the kernel's `<asm/byteorder.h>` for `-m64` and `-m32`.
fn require_asm_byteorder(dir: &Path) {
    std::fs::write(
        dir.join("byteorder_probe.c"),
        "#include <asm/byteorder.h>\n",
    )
    .unwrap();
    for m in ["-m64", "-m32"] {
        let out = super::run("gcc", &[m, "-fsyntax-only", "byteorder_probe.c"], dir);
        assert!(
            out.status.success(),
            "<asm/byteorder.h> is missing at {m}: install the Debian packages `linux-libc-dev` \
             and `gcc-multilib`\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A translation unit that uses the dispatch table, so nothing in it is unused, and checks
/// it has one entry per syscall.
fn table_user(syscalls: usize) -> String {
    format!(
        "#include \"cloudabi64_syscalls_table.h\"\n\
         _Static_assert(sizeof(syscalls) / sizeof(syscalls[0]) == {syscalls}, \"one entry per syscall\");\n\
         cloudabi_errno_t dispatch(unsigned n, const void *in, void *out) {{\n\
         \treturn syscalls[n](in, out);\n\
         }}\n"
    )
}

#[test]
fn linux_headers_with_kernel_includes() {
    for (spec, ir) in all_irs() {
        let dir = generated_tree(&ir);
        let d = dir.path();
        require_asm_byteorder(d);
        let base = [
            "-std=gnu11",
            "-D__user=",
            "-I",
            "c",
            "-I",
            "linux",
            "-fsyntax-only",
        ];
        for m in ["-m64", "-m32"] {
            for header in [
                "linux/cloudabi_syscalls.h",
                "linux/cloudabi64_syscalls.h",
                "linux/cloudabi64_syscalls_table.h",
            ] {
                let mut args = vec![m];
                args.extend(base);
                args.extend(WARNINGS);
                args.extend(["-Wno-unused-function", "-x", "c", header]);
                run_ok("gcc", &args, d, &format!("{spec}: {header} {m}"));
            }
        }
        if ir.syscalls.is_empty() {
            continue;
        }
        std::fs::write(d.join("table_user.c"), table_user(ir.syscalls.len())).unwrap();
        let mut args = vec!["-m64"];
        args.extend(base);
        args.extend(WARNINGS);
        args.push("table_user.c");
        run_ok("gcc", &args, d, &format!("{spec}: dispatch table in use"));
    }
}

/// The table's big-endian slots (padding before narrow values) on a real big-endian target,
/// and the little-endian ones on aarch64, with `<asm/byteorder.h>` stand-ins.
#[test]
fn linux_table_on_both_endiannesses() {
    for (spec, ir) in all_irs() {
        if ir.syscalls.is_empty() {
            continue;
        }
        let dir = generated_tree(&ir);
        let d = dir.path();
        std::fs::write(d.join("table_user.c"), table_user(ir.syscalls.len())).unwrap();
        for (target, define) in [
            ("aarch64_be-linux-gnu", "__BIG_ENDIAN 4321"),
            ("aarch64-linux-gnu", "__LITTLE_ENDIAN 1234"),
        ] {
            let stand_in = d.join(format!("{target}/asm"));
            std::fs::create_dir_all(&stand_in).unwrap();
            std::fs::write(stand_in.join("byteorder.h"), format!("#define {define}\n")).unwrap();
            let target_flag = format!("--target={target}");
            let mut args = vec![
                target_flag.as_str(),
                "-ffreestanding",
                "-std=gnu11",
                "-D__user=",
                "-I",
                target,
                "-I",
                "c",
                "-I",
                "linux",
                "-fsyntax-only",
            ];
            args.extend(WARNINGS);
            args.push("table_user.c");
            run_ok("clang", &args, d, &format!("{spec}: table on {target}"));
        }
    }
}

/// Expands the X-macros into prototypes: they must be compatible redeclarations of those in
/// cloudabi_syscalls.h, and the name list must count every syscall. Built and run.
fn x_macro_program(syscalls: usize) -> String {
    format!(
        "#include <stdio.h>\n\
         #include \"cloudabi_syscalls.h\"\n\
         #include \"cloudabi_syscalls_info.h\"\n\
         \n\
         #define PROTOTYPE(name) \\\n\
         \tCLOUDABI_SYSCALL_RETURNS_##name(cloudabi_errno_t, _Noreturn void) \\\n\
         \tcloudabi_sys_##name(CLOUDABI_SYSCALL_HAS_PARAMETERS_##name( \\\n\
         \t\tCLOUDABI_SYSCALL_PARAMETERS_##name, void));\n\
         CLOUDABI_SYSCALL_NAMES(PROTOTYPE)\n\
         \n\
         #define COUNT(name) +1\n\
         #define NAME(name) #name,\n\
         static const char *names[] = {{ CLOUDABI_SYSCALL_NAMES(NAME) \"\" }};\n\
         \n\
         int main(void) {{\n\
         \t_Static_assert(0 CLOUDABI_SYSCALL_NAMES(COUNT) == {syscalls}, \"syscall count\");\n\
         \tprintf(\"%d %s\\n\", 0 CLOUDABI_SYSCALL_NAMES(COUNT), names[0]);\n\
         \treturn 0;\n\
         }}\n"
    )
}

#[test]
fn x_macros_expand_to_matching_prototypes() {
    for (spec, ir) in all_irs() {
        if ir.syscalls.is_empty() {
            continue;
        }
        let dir = generated_tree(&ir);
        let d = dir.path();
        std::fs::write(d.join("xmacros.c"), x_macro_program(ir.syscalls.len())).unwrap();
        let expected = format!("{} {}\n", ir.syscalls.len(), ir.syscalls[0].name.name);
        for m in ["-m64", "-m32"] {
            let mut args = vec![
                m,
                "-std=c11",
                "-pedantic",
                "-I",
                "c",
                "-o",
                "xmacros",
                "xmacros.c",
            ];
            args.extend(WARNINGS);
            run_ok("gcc", &args, d, &format!("{spec}: X-macro program {m}"));
            let out = run_ok("./xmacros", &[], d, &format!("{spec}: X-macro program {m}"));
            assert_eq!(out, expected, "{spec} {m}");
        }
        std::fs::copy(d.join("xmacros.c"), d.join("xmacros.cc")).unwrap();
        let mut args = vec!["-std=c++17", "-I", "c", "-fsyntax-only", "xmacros.cc"];
        args.extend(WARNINGS);
        run_ok("g++", &args, d, &format!("{spec}: X-macro program as C++"));
    }
}

/// The asserts really are checked: a header with one number changed no longer compiles.
#[test]
fn a_wrong_layout_number_fails_to_compile() {
    let ir = crate::specs::ours();
    let dir = generated_tree(&ir);
    let d = dir.path();
    let path = d.join("c/cloudabi_types.h");
    let good = std::fs::read_to_string(&path).unwrap();
    let assert = "sizeof(void *) != 8 || offsetof(cloudabi_recv_in_t, ri_flags) == 32";
    assert!(good.contains(assert), "the native header asserts {assert}");
    std::fs::write(
        &path,
        good.replace(assert, &assert.replace("== 32", "== 33")),
    )
    .unwrap();
    let args = [
        "-m64",
        "-std=c11",
        "-fsyntax-only",
        "-x",
        "c",
        "c/cloudabi_types.h",
    ];
    let out = super::run("gcc", &args, d);
    assert!(!out.status.success(), "a wrong offset still compiled");
    assert!(String::from_utf8_lossy(&out.stderr).contains("Incorrect layout"));
    // At -m32 the guarded 64-bit assert does not apply.
    let args = [
        "-m32",
        "-std=c11",
        "-fsyntax-only",
        "-x",
        "c",
        "c/cloudabi_types.h",
    ];
    run_ok("gcc", &args, d, "the 64-bit assert is guarded at -m32");
}

/// Syscalls return `cloudabi_errno_t`; a spec without `errno` gets a clear `#error`.
#[test]
fn syscalls_without_errno_fail_with_a_clear_message() {
    let ir = cloudabi_gen::load("no_errno.txt", "syscall ping\n\t| Pings.\n").unwrap();
    let dir = generated_tree(&ir);
    let args = [
        "-std=c11",
        "-fsyntax-only",
        "-x",
        "c",
        "c/cloudabi_syscalls.h",
    ];
    let out = super::run("gcc", &args, dir.path());
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no errno type"), "{stderr}");
    // The type headers do not need it.
    let args = ["-std=c11", "-fsyntax-only", "-x", "c", "c/cloudabi_types.h"];
    run_ok("gcc", &args, dir.path(), "types without errno");
}

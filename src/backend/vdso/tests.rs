//! Unit tests: the file around the stubs, stub shapes the default spec does not reach,
//! and the refusals that turn into `.error` directives.

use super::*;

fn default_files() -> Vec<OutputFile> {
    generate(&crate::default_ir().expect("the default spec is valid"))
}

fn call(inputs: &[(u64, u64)], outputs: &[(u64, u64)]) -> Call {
    let pair = |&(m32, m64): &(u64, u64)| Pair { m32, m64 };
    Call {
        number: 5,
        noreturn: false,
        inputs: inputs.iter().map(pair).collect(),
        outputs: outputs.iter().map(pair).collect(),
    }
}

fn stub_of(arch: &Arch, call: &Call) -> Result<String, String> {
    (arch.stub)(call).map(|lines| lines.join("\n"))
}

#[test]
fn one_file_per_variant_with_a_function_per_syscall() {
    let files = default_files();
    let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "vdso/aarch64.S",
            "vdso/armv6.S",
            "vdso/armv6_on_64bit.S",
            "vdso/i686.S",
            "vdso/i686_on_64bit.S",
            "vdso/x86_64.S",
        ]
    );
    for file in &files {
        assert!(file
            .contents
            .starts_with("/* Generated from spec/cloudabi.txt"));
        assert_eq!(
            file.contents.matches("\t.globl\t").count(),
            49,
            "{}",
            file.path
        );
        assert!(!file.contents.contains(".error"), "{}", file.path);
        assert!(file.contents.contains("cloudabi_sys_thread_yield:\n"));
    }
    assert_eq!(files, default_files(), "output is deterministic");
}

#[test]
fn every_line_is_a_comment_a_label_or_indented() {
    for file in default_files() {
        let mut in_comment = false;
        for line in file.contents.lines() {
            let ok = line.is_empty()
                || in_comment
                || line.starts_with("/*")
                || line.starts_with('\t')
                || line.ends_with(':');
            assert!(ok, "{}: {line:?}", file.path);
            in_comment = (in_comment || line.starts_with("/*")) && !line.ends_with("*/");
        }
    }
}

#[test]
fn x86_64_refuses_a_seventh_argument_and_a_third_output() {
    let seven = call(&[(4, 4); 7], &[]);
    let error = stub_of(&x86_64::ARCH, &seven).unwrap_err();
    assert_eq!(error, "7 arguments, but the kernel takes at most 6");
    let three = call(&[], &[(4, 4); 3]);
    for arch in ARCHES {
        let error = stub_of(arch, &three).unwrap_err();
        assert_eq!(
            error, "3 outputs, but the kernel returns at most 2",
            "{}",
            arch.name
        );
    }
}

#[test]
fn oversized_values_are_refused() {
    let big_input = call(&[(16, 16)], &[]);
    let big_output = call(&[], &[(16, 16)]);
    for arch in ARCHES {
        assert!(stub_of(arch, &big_input).is_err(), "{}", arch.name);
        assert!(stub_of(arch, &big_output).is_err(), "{}", arch.name);
    }
    // Two 64-bit results need four registers on a 32-bit machine.
    let two_wide = call(&[], &[(8, 8), (8, 8)]);
    assert!(stub_of(&i686::ARCH, &two_wide).is_err());
    assert!(stub_of(&armv6::ARCH, &two_wide).is_err());
    // The buffer variants have a slot per result.
    assert!(stub_of(&i686_on_64bit::ARCH, &two_wide).is_ok());
    // Sizes that change between machines other than pointer-like 4 to 8.
    let odd = call(&[(2, 8)], &[]);
    assert!(stub_of(&armv6_on_64bit::ARCH, &odd).is_err());
}

#[test]
fn refusals_become_assembler_errors_naming_the_symbol() {
    let mut text = String::from("syscall wide\n\t| W.\n\tin\n");
    for i in 0..7 {
        text.push_str(&format!("\t\tuint32 a{i}\n\t\t\t| A.\n"));
    }
    let ir = crate::load("wide.txt", &text).expect("valid spec");
    let files = generate(&ir);
    let x86 = files.iter().find(|f| f.path == "vdso/x86_64.S").unwrap();
    assert!(x86.contents.contains(
        "\t.error\t\"cloudabi_sys_wide: 7 arguments, but the kernel takes at most 6\"\n"
    ));
    let i686 = files.iter().find(|f| f.path == "vdso/i686.S").unwrap();
    assert!(!i686.contents.contains(".error"));
}

#[test]
fn aarch64_loads_out_pointers_beyond_x7_from_the_stack() {
    let stub = stub_of(&aarch64::ARCH, &call(&[(4, 4); 7], &[(4, 4), (8, 8)])).unwrap();
    assert!(stub.starts_with("str x7, [sp, #-16]!\n"));
    assert!(stub.contains("ldr x2, [sp], #16\nb.cs 1f\nstr w0, [x2]\n"));
    assert!(stub.contains("ldr x3, [sp, #0]\nstr x1, [x3]\n"));
}

#[test]
fn large_syscall_numbers_are_built_from_encodable_pieces() {
    assert_eq!(
        armv6::constant("ip", 0x0001_2345),
        ["mov ip, #69", "orr ip, ip, #8960", "orr ip, ip, #65536"]
    );
    assert_eq!(armv6::constant("r0", 0), ["mov r0, #0"]);
    assert_eq!(
        armv6::move_sp("sub", 0x108),
        ["sub sp, sp, #8", "sub sp, sp, #256"]
    );
    let mut big = call(&[], &[]);
    big.number = 0x12_3456;
    let stub = stub_of(&aarch64::ARCH, &big).unwrap();
    assert!(stub.starts_with("movz w8, #13398\nmovk w8, #18, lsl #16\nsvc #0\n"));
}

#[test]
fn noreturn_stubs_trap_if_the_kernel_comes_back() {
    let mut exit = call(&[(4, 4)], &[]);
    exit.noreturn = true;
    let last = |arch: &Arch| {
        stub_of(arch, &exit)
            .unwrap()
            .lines()
            .last()
            .map(str::to_owned)
    };
    assert_eq!(last(&x86_64::ARCH).as_deref(), Some("ud2"));
    assert_eq!(last(&i686::ARCH).as_deref(), Some("ud2"));
    assert_eq!(last(&i686_on_64bit::ARCH).as_deref(), Some("ud2"));
    assert_eq!(last(&aarch64::ARCH).as_deref(), Some("brk #0"));
    assert_eq!(last(&armv6::ARCH).as_deref(), Some("udf #0"));
    assert_eq!(last(&armv6_on_64bit::ARCH).as_deref(), Some("udf #0"));
}

#[test]
fn armv6_pairs_start_at_even_words_and_spill_whole() {
    // uint32, uint64, uint32: r0, r2:r3, stack word 4; the out-pointer at word 5.
    let spread = call(&[(4, 4), (8, 8), (4, 4)], &[(4, 4)]);
    assert_eq!(armv6::argument_words(&spread), (vec![0, 2, 4], vec![5]));
    // Three words, then a pair: r3 stays empty and the pair goes to the stack.
    let spilled = call(&[(4, 4), (4, 4), (4, 4), (8, 8)], &[(4, 4)]);
    assert_eq!(armv6::argument_words(&spilled), (vec![0, 1, 2, 4], vec![6]));
}

#[test]
fn an_input_after_an_output_is_refused() {
    let ir = crate::default_ir().unwrap();
    let mut syscall = ir.find_syscall("fd_dup").unwrap().clone();
    syscall.params.reverse();
    assert_eq!(
        Call::new(&syscall).unwrap_err(),
        "input `from` follows an output"
    );
}

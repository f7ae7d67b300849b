//! Compiles the lists of `seccomp.rs` into the programs of `table.rs`
//! (run by the tests, which check that the table is what this writes).
//!
//! The launcher's program: the arch check; a search on the system call
//! number over the ranges of numbers that share a verdict (allow, `ENOSYS`,
//! or the argument checks of one call), each comparison a `jge` on where a
//! range starts; the argument checks, a few instructions per condition;
//! "allow" and "ENOSYS". The path to "allow" of a call listed in
//! [`super::lists::ALWAYS`] loads nothing but the number, so the kernel caches the
//! verdict and never runs the filter for that call.
//!
//! What installing costs is what shapes the search: the kernel compiles
//! every instruction (~0.16 us each on the VM this was measured on), and to
//! fill its per-call cache it follows the program once for every system
//! call number (~2.7 ns an instruction). So there is one comparison per
//! boundary between ranges, the fewest a search can have, and the search
//! tree is the one with the fewest comparisons summed over the numbers
//! below [`CACHED`] (the long ranges of refused numbers sit near the root).

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::lists::data::{self, ALLOW, ENOSYS};
use super::lists::{Call, Checked, Value};
use super::op::{AND, JEQ, JGE, JSET, LD, RET};
use super::Insn;

/// Numbers the kernel's cache covers on x86-64 (its `NR_syscalls`, ~470 on
/// Linux 6.18, rounded up): the weights of the search.
const CACHED: u64 = 512;

/// What the table holds in place of the launcher's fd: no fd, so a table
/// left unpatched allows no `execveat` at all.
const NO_FD: u32 = u32::MAX;

/// A compiled program, with a comment per instruction.
pub(super) struct Compiled {
    pub(super) insns: Vec<Insn>,
    pub(super) comments: Vec<String>,
    /// The instruction comparing with the launcher's fd, if any.
    pub(super) launcher_at: Option<usize>,
}

/// The verdict shared by a range of numbers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Allow,
    Enosys,
    /// The argument checks of `checked[i]`.
    Checked(usize),
}

/// Where a jump goes: a label, bound to an instruction.
type Label = usize;

/// A program being written, its jumps to labels resolved at the end.
#[derive(Default)]
struct Asm {
    code: Vec<(u16, Label, Label, u32, String)>,
    /// Where each label is bound.
    at: Vec<Option<usize>>,
}

/// A label for "the next instruction", bound when the jump is pushed.
const NEXT: Label = usize::MAX;

impl Asm {
    fn label(&mut self) -> Label {
        self.at.push(None);
        self.at.len() - 1
    }

    fn bind(&mut self, label: Label) {
        assert!(self.at[label].is_none(), "label bound twice");
        self.at[label] = Some(self.code.len());
    }

    fn push(&mut self, code: u16, jt: Label, jf: Label, k: u32, comment: String) -> usize {
        self.code.push((code, jt, jf, k, comment));
        self.code.len() - 1
    }

    fn finish(self) -> (Vec<Insn>, Vec<String>) {
        let mut insns = Vec::new();
        let mut comments = Vec::new();
        for (pc, (code, jt, jf, k, comment)) in self.code.into_iter().enumerate() {
            let offset = |label: Label| -> u8 {
                if label == NEXT {
                    return 0;
                }
                let to = self.at[label].expect("every label is bound");
                u8::try_from(to - pc - 1).expect("a forward jump within 255 instructions")
            };
            insns.push(super::i(code, offset(jt), offset(jf), k));
            comments.push(comment);
        }
        (insns, comments)
    }
}

/// The launcher's program.
pub(super) fn launcher() -> Compiled {
    compile(super::lists::ALWAYS, super::lists::CHECKED)
}

/// The acceptor's program.
pub(super) fn acceptor() -> Compiled {
    compile(super::lists::ACCEPTOR, &[])
}

fn compile(always: &[Call], checked: &[Checked]) -> Compiled {
    let mut names = BTreeMap::new();
    let mut listed = BTreeMap::new();
    let calls = always.iter().map(|c| (c, Class::Allow)).chain(
        checked
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.call, Class::Checked(i))),
    );
    for ((nr, name), class) in calls {
        let nr = u32::try_from(*nr).expect("a system call number");
        assert!(listed.insert(nr, class).is_none(), "{name} is listed twice");
        names.insert(nr, *name);
    }
    let ranges = ranges(&listed);

    let mut asm = Asm::default();
    let (allow, enosys) = (asm.label(), asm.label());
    let blocks: Vec<Label> = checked.iter().map(|_| asm.label()).collect();
    let target = |class: Class| match class {
        Class::Allow => allow,
        Class::Enosys => enosys,
        Class::Checked(i) => blocks[i],
    };
    let nr = asm.label();
    asm.push(LD, NEXT, NEXT, data::ARCH, "A = arch".into());
    asm.push(
        JEQ,
        nr,
        NEXT,
        data::AUDIT_ARCH_X86_64,
        "x86-64? (an x32 call is a number above 0x4000_0000, refused below)".into(),
    );
    asm.push(
        RET,
        NEXT,
        NEXT,
        data::KILL_PROCESS,
        "kill the process".into(),
    );
    asm.bind(nr);
    asm.push(
        LD,
        NEXT,
        NEXT,
        data::NR,
        "A = the system call number".into(),
    );
    let split = best_tree(&ranges);
    let root = search(&mut asm, &ranges, &split, 0, ranges.len(), &names, &target);
    assert!(ranges.len() == 1 || asm.at[root] == Some(4));
    let mut launcher_at = None;
    for (i, call) in checked.iter().enumerate() {
        asm.bind(blocks[i]);
        arguments(&mut asm, call, allow, enosys, &mut launcher_at);
    }
    asm.bind(allow);
    asm.push(RET, NEXT, NEXT, ALLOW, "allow".into());
    asm.bind(enosys);
    asm.push(RET, NEXT, NEXT, ENOSYS, "fail with ENOSYS".into());
    let (insns, comments) = asm.finish();
    Compiled {
        insns,
        comments,
        launcher_at,
    }
}

/// The ranges of numbers with one verdict, as (first number, verdict), in
/// order, the first starting at 0 and the last ending at `u32::MAX`.
fn ranges(listed: &BTreeMap<u32, Class>) -> Vec<(u32, Class)> {
    let mut out: Vec<(u32, Class)> = Vec::new();
    let mut push = |start: u32, class: Class| {
        if out.last().map(|r| r.1) != Some(class) {
            out.push((start, class));
        }
    };
    let mut next = 0u64;
    for (&nr, &class) in listed {
        if u64::from(nr) > next {
            push(next as u32, Class::Enosys);
        }
        // Two numbers of one call cannot be neighbours: each is listed once.
        push(nr, class);
        next = u64::from(nr) + 1;
    }
    if next <= u64::from(u32::MAX) {
        push(next as u32, Class::Enosys);
    }
    out
}

/// For every span `i..j` of ranges, the range whose start the search
/// compares with first: the split that makes the fewest comparisons summed
/// over the numbers below [`CACHED`] (an optimal alphabetic tree, by
/// dynamic programming; ties go to the first split, for determinism).
fn best_tree(ranges: &[(u32, Class)]) -> Vec<Vec<usize>> {
    let n = ranges.len();
    let end = |i: usize| ranges.get(i + 1).map_or(1 << 32, |r| u64::from(r.0));
    let weight = |i: usize| end(i).min(CACHED).saturating_sub(u64::from(ranges[i].0));
    let mut below = vec![0u64; n + 1];
    for i in 0..n {
        below[i + 1] = below[i] + weight(i);
    }
    let mut cost = vec![vec![0u64; n + 1]; n + 1];
    let mut split = vec![vec![0usize; n + 1]; n + 1];
    for len in 2..=n {
        for i in 0..=n - len {
            let j = i + len;
            let (best, k) = (i + 1..j)
                .map(|k| (cost[i][k] + cost[k][j], k))
                .min_by_key(|&(c, k)| (c, k))
                .expect("a span of two or more ranges");
            cost[i][j] = best + below[j] - below[i];
            split[i][j] = k;
        }
    }
    split
}

/// Writes the search over `ranges[i..j]` (A holding the number) and returns
/// the label of its first instruction, or of the verdict of a single range.
fn search(
    asm: &mut Asm,
    ranges: &[(u32, Class)],
    split: &[Vec<usize>],
    i: usize,
    j: usize,
    names: &BTreeMap<u32, &str>,
    target: &dyn Fn(Class) -> Label,
) -> Label {
    if j - i == 1 {
        return target(ranges[i].1);
    }
    let k = split[i][j];
    let here = asm.label();
    asm.bind(here);
    let start = ranges[k].0;
    let name = match (
        names.get(&start),
        start.checked_sub(1).and_then(|p| names.get(&p)),
    ) {
        (Some(name), _) => format!(" ({name})"),
        (None, Some(before)) => format!(" (after {before})"),
        (None, None) => String::new(),
    };
    let node = asm.push(JGE, NEXT, NEXT, start, format!("number >= {start}{name}?"));
    let low = search(asm, ranges, split, i, k, names, target);
    let high = search(asm, ranges, split, k, j, names, target);
    asm.code[node].1 = high;
    asm.code[node].2 = low;
    here
}

/// Writes the argument checks of `call`: its rules in turn, each failing
/// to the next (the last to `enosys`), the conditions of a rule in turn,
/// the last one's success going to `allow`.
fn arguments(
    asm: &mut Asm,
    call: &Checked,
    allow: Label,
    enosys: Label,
    launcher_at: &mut Option<usize>,
) {
    // The word A holds on every path to here, unchanged: the number at the
    // start, then, where a rule failed only ever with A loaded from one
    // argument, that argument (so `ioctl`'s four requests load it once).
    let mut known = Some(data::NR);
    let name = call.call.1;
    for (r, rule) in call.rules.iter().enumerate() {
        let fail = if r + 1 == call.rules.len() {
            enosys
        } else {
            asm.label()
        };
        let mut at_fail = Vec::new();
        let halves: Vec<(u32, u32, u32, bool)> = rule
            .iter()
            .flat_map(|c| {
                let (value, launcher) = match c.value {
                    Value::Is(v) => (v & c.mask, false),
                    Value::Launcher => {
                        assert!(!c.qword && c.mask == u64::MAX, "the launcher fd: dword Eq");
                        (u64::from(NO_FD), true)
                    }
                };
                let low = (data::arg_low(c.arg), c.mask as u32, value as u32, launcher);
                let high = (
                    data::arg_low(c.arg) + 4,
                    (c.mask >> 32) as u32,
                    (value >> 32) as u32,
                    false,
                );
                // A half whose mask is zero holds whatever the argument is
                // (the value was masked too): no check.
                c.qword
                    .then_some(high)
                    .into_iter()
                    .chain([low])
                    .filter(|h| h.1 != 0)
            })
            .collect();
        assert!(!halves.is_empty(), "a rule of {name} that checks nothing");
        for (h, &(offset, mask, value, launcher)) in halves.iter().enumerate() {
            let pass = if h + 1 == halves.len() { allow } else { NEXT };
            let what = format!(
                "{name}: argument {} {}",
                (offset - 16) / 8,
                if offset % 8 == 0 { "low" } else { "high" }
            );
            if known != Some(offset) {
                asm.push(LD, NEXT, NEXT, offset, format!("A = {what} half"));
                known = Some(offset);
            }
            if mask == u32::MAX {
                let at = asm.push(JEQ, pass, fail, value, format!("{what} == {value:#x}?"));
                if launcher {
                    assert!(launcher_at.replace(at).is_none(), "one launcher fd");
                    asm.code[at].4 = format!("{what} == the launcher's fd (patched in)?");
                }
            } else if value == 0 {
                asm.push(JSET, fail, pass, mask, format!("{what} & {mask:#x} != 0?"));
            } else {
                asm.push(AND, NEXT, NEXT, mask, format!("A &= {mask:#x}"));
                known = None;
                asm.push(
                    JEQ,
                    pass,
                    fail,
                    value,
                    format!("{what} & {mask:#x} == {value:#x}?"),
                );
            }
            at_fail.push(known);
        }
        known = match at_fail.as_slice() {
            [first, rest @ ..] if rest.iter().all(|k| k == first) => *first,
            _ => None,
        };
        if fail != enosys {
            asm.bind(fail);
        }
    }
}

/// The text of `table.rs`.
pub(super) fn render() -> String {
    let launcher = launcher();
    let acceptor = acceptor();
    let mut out = String::new();
    out.push_str(
        "//! The seccomp programs, compiled from the lists in `seccomp.rs` by\n\
         //! `compile.rs`: generated, do not edit. After changing the lists, run\n\
         //! `CLOUDABI_BLESS=1 cargo test -p cloudabi-emulator --lib seccomp` to\n\
         //! write this again; the test `the_table_is_what_the_lists_compile_to`\n\
         //! fails while it differs.\n\n\
         use super::{i, op, Insn};\n\n",
    );
    let at = launcher
        .launcher_at
        .expect("execveat compares with the launcher fd");
    let _ = writeln!(
        out,
        "/// The instruction of [`LAUNCHER`] comparing `execveat`'s fd with the\n\
         /// launcher's, which is patched in at start.\n\
         pub(super) const LAUNCHER_FD_AT: usize = {at};\n"
    );
    table(&mut out, "LAUNCHER", "The launcher's program", &launcher);
    out.push('\n');
    table(&mut out, "ACCEPTOR", "The acceptor's program", &acceptor);
    out
}

fn table(out: &mut String, name: &str, doc: &str, program: &Compiled) {
    let _ = writeln!(
        out,
        "/// {doc} ({} instructions).\n#[rustfmt::skip]\npub(super) static {name}: [Insn; {}] = [",
        program.insns.len(),
        program.insns.len()
    );
    for (pc, (insn, comment)) in program.insns.iter().zip(&program.comments).enumerate() {
        let code = match insn.code {
            LD => "LD",
            AND => "AND",
            JEQ => "JEQ",
            JGE => "JGE",
            JSET => "JSET",
            RET => "RET",
            other => panic!("an instruction the compiler does not write: {other:#x}"),
        };
        let k = if insn.k < 0x1_0000 {
            insn.k.to_string()
        } else {
            format!("0x{:04x}_{:04x}", insn.k >> 16, insn.k & 0xffff)
        };
        let jumps = if insn.code & 0x07 == 0x05 {
            format!(
                " -> {} / {}",
                pc + 1 + usize::from(insn.jt),
                pc + 1 + usize::from(insn.jf)
            )
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "    i(op::{code}, {}, {}, {k}), // {pc}: {comment}{jumps}",
            insn.jt, insn.jf
        );
    }
    out.push_str("];\n");
}

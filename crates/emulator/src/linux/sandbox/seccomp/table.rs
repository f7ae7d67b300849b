//! The seccomp programs, compiled from the lists in `seccomp.rs` by
//! `compile.rs`: generated, do not edit. After changing the lists, run
//! `CLOUDABI_BLESS=1 cargo test -p cloudabi-emulator --lib seccomp` to
//! write this again; the test `the_table_is_what_the_lists_compile_to`
//! fails while it differs.

use super::{i, op, Insn};

/// The instruction of [`LAUNCHER`] comparing `execveat`'s fd with the
/// launcher's, which is patched in at start.
pub(super) const LAUNCHER_FD_AT: usize = 115;

/// The launcher's program (138 instructions).
#[rustfmt::skip]
pub(super) static LAUNCHER: [Insn; 138] = [
    i(op::LD, 0, 0, 4), // 0: A = arch
    i(op::JEQ, 1, 0, 0xc000_003e), // 1: x86-64? (an x32 call is a number above 0x4000_0000, refused below) -> 3 / 2
    i(op::RET, 0, 0, 0x8000_0000), // 2: kill the process
    i(op::LD, 0, 0, 0), // 3: A = the system call number
    i(op::JGE, 68, 0, 257), // 4: number >= 257 (SYS_openat)? -> 73 / 5
    i(op::JGE, 46, 0, 132), // 5: number >= 132 (after SYS_sigaltstack)? -> 52 / 6
    i(op::JGE, 28, 0, 64), // 6: number >= 64 (after SYS_uname)? -> 35 / 7
    i(op::JGE, 13, 0, 32), // 7: number >= 32 (SYS_dup)? -> 21 / 8
    i(op::JGE, 6, 0, 16), // 8: number >= 16 (SYS_ioctl)? -> 15 / 9
    i(op::JGE, 126, 0, 7), // 9: number >= 7 (SYS_poll)? -> 136 / 10
    i(op::JGE, 1, 0, 3), // 10: number >= 3 (SYS_close)? -> 12 / 11
    i(op::JGE, 125, 124, 2), // 11: number >= 2 (after SYS_write)? -> 137 / 136
    i(op::JGE, 1, 0, 5), // 12: number >= 5 (SYS_fstat)? -> 14 / 13
    i(op::JGE, 123, 122, 4), // 13: number >= 4 (after SYS_close)? -> 137 / 136
    i(op::JGE, 122, 121, 6), // 14: number >= 6 (after SYS_fstat)? -> 137 / 136
    i(op::JGE, 1, 0, 22), // 15: number >= 22 (after SYS_access)? -> 17 / 16
    i(op::JGE, 119, 103, 17), // 16: number >= 17 (SYS_pread64)? -> 136 / 120
    i(op::JGE, 1, 0, 27), // 17: number >= 27 (after SYS_msync)? -> 19 / 18
    i(op::JGE, 117, 118, 24), // 18: number >= 24 (SYS_sched_yield)? -> 136 / 137
    i(op::JGE, 117, 0, 29), // 19: number >= 29 (after SYS_madvise)? -> 137 / 20
    i(op::JGE, 115, 116, 28), // 20: number >= 28 (SYS_madvise)? -> 136 / 137
    i(op::JGE, 6, 0, 49), // 21: number >= 49 (after SYS_shutdown)? -> 28 / 22
    i(op::JGE, 4, 0, 40), // 22: number >= 40 (after SYS_getpid)? -> 27 / 23
    i(op::JGE, 2, 0, 36), // 23: number >= 36 (after SYS_nanosleep)? -> 26 / 24
    i(op::JGE, 0, 111, 33), // 24: number >= 33 (after SYS_dup)? -> 25 / 136
    i(op::JGE, 110, 111, 35), // 25: number >= 35 (SYS_nanosleep)? -> 136 / 137
    i(op::JGE, 109, 110, 39), // 26: number >= 39 (SYS_getpid)? -> 136 / 137
    i(op::JGE, 108, 109, 45), // 27: number >= 45 (SYS_recvfrom)? -> 136 / 137
    i(op::JGE, 5, 0, 57), // 28: number >= 57 (after SYS_clone)? -> 34 / 29
    i(op::JGE, 1, 0, 53), // 29: number >= 53 (SYS_socketpair)? -> 31 / 30
    i(op::JGE, 105, 106, 51), // 30: number >= 51 (SYS_getsockname)? -> 136 / 137
    i(op::JGE, 1, 0, 55), // 31: number >= 55 (SYS_getsockopt)? -> 33 / 32
    i(op::JGE, 104, 79, 54), // 32: number >= 54 (after SYS_socketpair)? -> 137 / 112
    i(op::JGE, 84, 102, 56), // 33: number >= 56 (SYS_clone)? -> 118 / 136
    i(op::JGE, 101, 102, 60), // 34: number >= 60 (SYS_exit)? -> 136 / 137
    i(op::JGE, 6, 0, 96), // 35: number >= 96 (SYS_gettimeofday)? -> 42 / 36
    i(op::JGE, 100, 0, 78), // 36: number >= 78 (after SYS_ftruncate)? -> 137 / 37
    i(op::JGE, 0, 99, 72), // 37: number >= 72 (SYS_fcntl)? -> 38 / 137
    i(op::JGE, 1, 0, 74), // 38: number >= 74 (SYS_fsync)? -> 40 / 39
    i(op::JGE, 97, 96, 73), // 39: number >= 73 (after SYS_fcntl)? -> 137 / 136
    i(op::JGE, 0, 95, 76), // 40: number >= 76 (after SYS_fdatasync)? -> 41 / 136
    i(op::JGE, 94, 95, 77), // 41: number >= 77 (SYS_ftruncate)? -> 136 / 137
    i(op::JGE, 8, 0, 111), // 42: number >= 111 (after SYS_getppid)? -> 51 / 43
    i(op::JGE, 1, 0, 102), // 43: number >= 102 (SYS_getuid)? -> 45 / 44
    i(op::JGE, 92, 91, 97), // 44: number >= 97 (after SYS_gettimeofday)? -> 137 / 136
    i(op::JGE, 3, 0, 107), // 45: number >= 107 (SYS_geteuid)? -> 49 / 46
    i(op::JGE, 1, 0, 104), // 46: number >= 104 (SYS_getgid)? -> 48 / 47
    i(op::JGE, 89, 88, 103), // 47: number >= 103 (after SYS_getuid)? -> 137 / 136
    i(op::JGE, 88, 87, 105), // 48: number >= 105 (after SYS_getgid)? -> 137 / 136
    i(op::JGE, 0, 86, 109), // 49: number >= 109 (after SYS_getegid)? -> 50 / 136
    i(op::JGE, 85, 86, 110), // 50: number >= 110 (SYS_getppid)? -> 136 / 137
    i(op::JGE, 84, 85, 131), // 51: number >= 131 (SYS_sigaltstack)? -> 136 / 137
    i(op::JGE, 3, 0, 186), // 52: number >= 186 (SYS_gettid)? -> 56 / 53
    i(op::JGE, 83, 0, 159), // 53: number >= 159 (after SYS_arch_prctl)? -> 137 / 54
    i(op::JGE, 0, 82, 157), // 54: number >= 157 (SYS_prctl)? -> 55 / 137
    i(op::JGE, 80, 69, 158), // 55: number >= 158 (SYS_arch_prctl)? -> 136 / 125
    i(op::JGE, 7, 0, 217), // 56: number >= 217 (SYS_getdents64)? -> 64 / 57
    i(op::JGE, 1, 0, 200), // 57: number >= 200 (SYS_tkill)? -> 59 / 58
    i(op::JGE, 78, 77, 187), // 58: number >= 187 (after SYS_gettid)? -> 137 / 136
    i(op::JGE, 77, 0, 205), // 59: number >= 205 (after SYS_sched_getaffinity)? -> 137 / 60
    i(op::JGE, 1, 0, 202), // 60: number >= 202 (SYS_futex)? -> 62 / 61
    i(op::JGE, 75, 74, 201), // 61: number >= 201 (after SYS_tkill)? -> 137 / 136
    i(op::JGE, 0, 73, 203), // 62: number >= 203 (after SYS_futex)? -> 63 / 136
    i(op::JGE, 72, 73, 204), // 63: number >= 204 (SYS_sched_getaffinity)? -> 136 / 137
    i(op::JGE, 6, 0, 235), // 64: number >= 235 (after SYS_tgkill)? -> 71 / 65
    i(op::JGE, 3, 0, 228), // 65: number >= 228 (SYS_clock_gettime)? -> 69 / 66
    i(op::JGE, 70, 0, 222), // 66: number >= 222 (after SYS_fadvise64)? -> 137 / 67
    i(op::JGE, 0, 68, 220), // 67: number >= 220 (after SYS_restart_syscall)? -> 68 / 136
    i(op::JGE, 67, 68, 221), // 68: number >= 221 (SYS_fadvise64)? -> 136 / 137
    i(op::JGE, 0, 66, 232), // 69: number >= 232 (after SYS_exit_group)? -> 70 / 136
    i(op::JGE, 65, 66, 234), // 70: number >= 234 (SYS_tgkill)? -> 136 / 137
    i(op::JGE, 0, 65, 247), // 71: number >= 247 (SYS_waitid)? -> 72 / 137
    i(op::JGE, 64, 63, 248), // 72: number >= 248 (after SYS_waitid)? -> 137 / 136
    i(op::JGE, 29, 0, 424), // 73: number >= 424 (SYS_pidfd_send_signal)? -> 103 / 74
    i(op::JGE, 62, 0, 335), // 74: number >= 335 (after SYS_rseq)? -> 137 / 75
    i(op::JGE, 18, 0, 303), // 75: number >= 303 (after SYS_prlimit64)? -> 94 / 76
    i(op::JGE, 9, 0, 280), // 76: number >= 280 (SYS_utimensat)? -> 86 / 77
    i(op::JGE, 2, 0, 268), // 77: number >= 268 (after SYS_readlinkat)? -> 80 / 78
    i(op::JGE, 57, 0, 262), // 78: number >= 262 (SYS_newfstatat)? -> 136 / 79
    i(op::JGE, 57, 56, 259), // 79: number >= 259 (after SYS_mkdirat)? -> 137 / 136
    i(op::JGE, 56, 0, 274), // 80: number >= 274 (after SYS_set_robust_list)? -> 137 / 81
    i(op::JGE, 1, 0, 270), // 81: number >= 270 (after SYS_faccessat)? -> 83 / 82
    i(op::JGE, 53, 54, 269), // 82: number >= 269 (SYS_faccessat)? -> 136 / 137
    i(op::JGE, 1, 0, 272), // 83: number >= 272 (after SYS_ppoll)? -> 85 / 84
    i(op::JGE, 51, 52, 271), // 84: number >= 271 (SYS_ppoll)? -> 136 / 137
    i(op::JGE, 50, 51, 273), // 85: number >= 273 (SYS_set_robust_list)? -> 136 / 137
    i(op::JGE, 3, 0, 292), // 86: number >= 292 (SYS_dup3)? -> 90 / 87
    i(op::JGE, 49, 0, 286), // 87: number >= 286 (after SYS_fallocate)? -> 137 / 88
    i(op::JGE, 0, 47, 281), // 88: number >= 281 (after SYS_utimensat)? -> 89 / 136
    i(op::JGE, 46, 47, 285), // 89: number >= 285 (SYS_fallocate)? -> 136 / 137
    i(op::JGE, 2, 0, 297), // 90: number >= 297 (after SYS_pwritev)? -> 93 / 91
    i(op::JGE, 44, 0, 295), // 91: number >= 295 (SYS_preadv)? -> 136 / 92
    i(op::JGE, 44, 43, 293), // 92: number >= 293 (after SYS_dup3)? -> 137 / 136
    i(op::JGE, 38, 43, 302), // 93: number >= 302 (SYS_prlimit64)? -> 132 / 137
    i(op::JGE, 0, 42, 316), // 94: number >= 316 (SYS_renameat2)? -> 95 / 137
    i(op::JGE, 2, 0, 323), // 95: number >= 323 (after SYS_execveat)? -> 98 / 96
    i(op::JGE, 0, 39, 320), // 96: number >= 320 (after SYS_memfd_create)? -> 97 / 136
    i(op::JGE, 16, 39, 322), // 97: number >= 322 (SYS_execveat)? -> 114 / 137
    i(op::JGE, 1, 0, 329), // 98: number >= 329 (after SYS_pwritev2)? -> 100 / 99
    i(op::JGE, 36, 37, 327), // 99: number >= 327 (SYS_preadv2)? -> 136 / 137
    i(op::JGE, 0, 36, 332), // 100: number >= 332 (SYS_statx)? -> 101 / 137
    i(op::JGE, 0, 34, 333), // 101: number >= 333 (after SYS_statx)? -> 102 / 136
    i(op::JGE, 33, 34, 334), // 102: number >= 334 (SYS_rseq)? -> 136 / 137
    i(op::JGE, 33, 0, 447), // 103: number >= 447 (after SYS_landlock_restrict_self)? -> 137 / 104
    i(op::JGE, 1, 0, 434), // 104: number >= 434 (SYS_pidfd_open)? -> 106 / 105
    i(op::JGE, 31, 30, 425), // 105: number >= 425 (after SYS_pidfd_send_signal)? -> 137 / 136
    i(op::JGE, 4, 0, 440), // 106: number >= 440 (after SYS_faccessat2)? -> 111 / 107
    i(op::JGE, 1, 0, 436), // 107: number >= 436 (SYS_close_range)? -> 109 / 108
    i(op::JGE, 28, 27, 435), // 108: number >= 435 (after SYS_pidfd_open)? -> 137 / 136
    i(op::JGE, 0, 26, 438), // 109: number >= 438 (after SYS_openat2)? -> 110 / 136
    i(op::JGE, 25, 26, 439), // 110: number >= 439 (SYS_faccessat2)? -> 136 / 137
    i(op::JGE, 24, 25, 444), // 111: number >= 444 (SYS_landlock_create_ruleset)? -> 136 / 137
    i(op::LD, 0, 0, 16), // 112: A = SYS_socketpair: argument 0 low half
    i(op::JEQ, 22, 23, 1), // 113: SYS_socketpair: argument 0 low == 0x1? -> 136 / 137
    i(op::LD, 0, 0, 16), // 114: A = SYS_execveat: argument 0 low half
    i(op::JEQ, 0, 21, 0xffff_ffff), // 115: SYS_execveat: argument 0 low == the launcher's fd (patched in)? -> 116 / 137
    i(op::LD, 0, 0, 48), // 116: A = SYS_execveat: argument 4 low half
    i(op::JEQ, 18, 19, 4096), // 117: SYS_execveat: argument 4 low == 0x1000? -> 136 / 137
    i(op::LD, 0, 0, 16), // 118: A = SYS_clone: argument 0 low half
    i(op::JSET, 17, 16, 0x7e02_0000), // 119: SYS_clone: argument 0 low & 0x7e020000 != 0? -> 137 / 136
    i(op::LD, 0, 0, 24), // 120: A = SYS_ioctl: argument 1 low half
    i(op::JEQ, 14, 0, 21531), // 121: SYS_ioctl: argument 1 low == 0x541b? -> 136 / 122
    i(op::JEQ, 13, 0, 21537), // 122: SYS_ioctl: argument 1 low == 0x5421? -> 136 / 123
    i(op::JEQ, 12, 0, 21585), // 123: SYS_ioctl: argument 1 low == 0x5451? -> 136 / 124
    i(op::JEQ, 11, 12, 21584), // 124: SYS_ioctl: argument 1 low == 0x5450? -> 136 / 137
    i(op::LD, 0, 0, 16), // 125: A = SYS_prctl: argument 0 low half
    i(op::JEQ, 9, 0, 0x4155_5856), // 126: SYS_prctl: argument 0 low == 0x41555856? -> 136 / 127
    i(op::JEQ, 8, 0, 15), // 127: SYS_prctl: argument 0 low == 0xf? -> 136 / 128
    i(op::JEQ, 7, 0, 16), // 128: SYS_prctl: argument 0 low == 0x10? -> 136 / 129
    i(op::JEQ, 6, 0, 21), // 129: SYS_prctl: argument 0 low == 0x15? -> 136 / 130
    i(op::JEQ, 5, 0, 38), // 130: SYS_prctl: argument 0 low == 0x26? -> 136 / 131
    i(op::JEQ, 4, 5, 39), // 131: SYS_prctl: argument 0 low == 0x27? -> 136 / 137
    i(op::LD, 0, 0, 36), // 132: A = SYS_prlimit64: argument 2 high half
    i(op::JEQ, 0, 3, 0), // 133: SYS_prlimit64: argument 2 high == 0x0? -> 134 / 137
    i(op::LD, 0, 0, 32), // 134: A = SYS_prlimit64: argument 2 low half
    i(op::JEQ, 0, 1, 0), // 135: SYS_prlimit64: argument 2 low == 0x0? -> 136 / 137
    i(op::RET, 0, 0, 0x7fff_0000), // 136: allow
    i(op::RET, 0, 0, 0x0005_0026), // 137: fail with ENOSYS
];

/// The acceptor's program (36 instructions).
#[rustfmt::skip]
pub(super) static ACCEPTOR: [Insn; 36] = [
    i(op::LD, 0, 0, 4), // 0: A = arch
    i(op::JEQ, 1, 0, 0xc000_003e), // 1: x86-64? (an x32 call is a number above 0x4000_0000, refused below) -> 3 / 2
    i(op::RET, 0, 0, 0x8000_0000), // 2: kill the process
    i(op::LD, 0, 0, 0), // 3: A = the system call number
    i(op::JGE, 30, 0, 289), // 4: number >= 289 (after SYS_accept4)? -> 35 / 5
    i(op::JGE, 20, 0, 202), // 5: number >= 202 (SYS_futex)? -> 26 / 6
    i(op::JGE, 28, 0, 61), // 6: number >= 61 (after SYS_exit)? -> 35 / 7
    i(op::JGE, 15, 0, 29), // 7: number >= 29 (after SYS_madvise)? -> 23 / 8
    i(op::JGE, 11, 0, 16), // 8: number >= 16 (after SYS_rt_sigreturn)? -> 20 / 9
    i(op::JGE, 4, 0, 7), // 9: number >= 7 (SYS_poll)? -> 14 / 10
    i(op::JGE, 24, 0, 4), // 10: number >= 4 (after SYS_close)? -> 35 / 11
    i(op::JGE, 1, 0, 2), // 11: number >= 2 (after SYS_write)? -> 13 / 12
    i(op::JGE, 21, 22, 1), // 12: number >= 1 (SYS_write)? -> 34 / 35
    i(op::JGE, 20, 21, 3), // 13: number >= 3 (SYS_close)? -> 34 / 35
    i(op::JGE, 3, 0, 11), // 14: number >= 11 (SYS_munmap)? -> 18 / 15
    i(op::JGE, 1, 0, 9), // 15: number >= 9 (SYS_mmap)? -> 17 / 16
    i(op::JGE, 18, 17, 8), // 16: number >= 8 (after SYS_poll)? -> 35 / 34
    i(op::JGE, 17, 16, 10), // 17: number >= 10 (after SYS_mmap)? -> 35 / 34
    i(op::JGE, 0, 15, 13), // 18: number >= 13 (after SYS_brk)? -> 19 / 34
    i(op::JGE, 14, 15, 15), // 19: number >= 15 (SYS_rt_sigreturn)? -> 34 / 35
    i(op::JGE, 0, 14, 25), // 20: number >= 25 (SYS_mremap)? -> 21 / 35
    i(op::JGE, 0, 12, 26), // 21: number >= 26 (after SYS_mremap)? -> 22 / 34
    i(op::JGE, 11, 12, 28), // 22: number >= 28 (SYS_madvise)? -> 34 / 35
    i(op::JGE, 0, 11, 46), // 23: number >= 46 (SYS_sendmsg)? -> 24 / 35
    i(op::JGE, 0, 9, 47), // 24: number >= 47 (after SYS_sendmsg)? -> 25 / 34
    i(op::JGE, 8, 9, 60), // 25: number >= 60 (SYS_exit)? -> 34 / 35
    i(op::JGE, 4, 0, 232), // 26: number >= 232 (after SYS_exit_group)? -> 31 / 27
    i(op::JGE, 1, 0, 219), // 27: number >= 219 (SYS_restart_syscall)? -> 29 / 28
    i(op::JGE, 6, 5, 203), // 28: number >= 203 (after SYS_futex)? -> 35 / 34
    i(op::JGE, 0, 4, 220), // 29: number >= 220 (after SYS_restart_syscall)? -> 30 / 34
    i(op::JGE, 3, 4, 231), // 30: number >= 231 (SYS_exit_group)? -> 34 / 35
    i(op::JGE, 0, 3, 271), // 31: number >= 271 (SYS_ppoll)? -> 32 / 35
    i(op::JGE, 0, 1, 272), // 32: number >= 272 (after SYS_ppoll)? -> 33 / 34
    i(op::JGE, 0, 1, 288), // 33: number >= 288 (SYS_accept4)? -> 34 / 35
    i(op::RET, 0, 0, 0x7fff_0000), // 34: allow
    i(op::RET, 0, 0, 0x0005_0026), // 35: fail with ENOSYS
];

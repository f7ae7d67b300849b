/*
 * A hostile guest: it steps around the emulator's checks the ways a native
 * program in the launcher's address space can, and tries to reach outside
 * its grants with Linux system calls. Each attempt prints one line
 * `NAME RESULT` to `out`: the raw result, a negative Linux errno when the
 * kernel refused (what the sandbox must make happen).
 *
 * Argdata map:
 *   out: fd        where the lines go
 *   via: raw | gadget | table
 *        raw    the `syscall` instruction in guest code
 *        gadget a jump to the `syscall` instruction inside the emulator's
 *               own fast fd_write path (defeats filters keyed on the
 *               caller's address)
 *        table  the emulator's dispatch table rewritten so that its
 *               trampoline calls guest code in the emulator's context
 *               (thread_yield's slot), which makes the call there
 *   thread: 1      attack from a second guest thread
 *   exec: 1, self: !executable
 *                  proc_exec this program first; the new image attacks
 *   outside: PATH  a file to read outside the grants
 *   create: PATH   a file to create outside the grants
 *   victim: PID    a process outside the sandbox to ptrace and kill
 *   port: N        a TCP port on 127.0.0.1 to connect to
 *   inherited: FD  a host fd the launcher inherited and must have closed
 */
#include "guest.h"

/* Linux x86-64 system call numbers and constants (Linux's ABI, not
 * CloudABI's: this guest speaks to the host kernel directly). */
enum {
    NR_read = 0, NR_write = 1, NR_mprotect = 10, NR_socket = 41,
    NR_connect = 42, NR_execve = 59, NR_kill = 62, NR_fcntl = 72,
    NR_ptrace = 101, NR_openat = 257,
};
#define AT_FDCWD (-100)
#define O_RDONLY 0
#define O_WRONLY 1
#define O_CREAT 0100
#define F_GETFD 1

static cloudabi_fd_t out;

static void line(const char *name, i64 v) {
    puts_(out, name);
    puts_(out, " ");
    if (v < 0) { puts_(out, "-"); putu_(out, (u64)-v); } else putu_(out, (u64)v);
    puts_(out, "\n");
}

/* ---- Three ways to make a Linux system call ---- */

static i64 raw6(i64 nr, i64 a, i64 b, i64 c, i64 d, i64 e) {
    i64 r;
    register i64 r10 __asm__("r10") = d;
    register i64 r8 __asm__("r8") = e;
    __asm__ volatile("syscall"
                     : "=a"(r)
                     : "0"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8)
                     : "rcx", "r11", "memory");
    return r;
}

/* The emulator's own `syscall` instruction: the one in its fast fd_write
 * (or fd_read) path, found as 0f 05 followed by the `cmp rax, -EPIPE`
 * that looks at its result (48 83 f8 e0). It is entered with the registers of the
 * call wanted and a fake stack whose every slot above the stack pointer
 * holds `hostile_back`, but the one at +24, where the fast path keeps the
 * count pointer it stores the result through: that one points at
 * `hostile_result`. So the indirect jump that ends the path comes back
 * here; a success leaves its result in `hostile_result`, a refusal comes
 * back as the CloudABI errno the path makes of it. */
const u8 *hostile_gadget;
u64 hostile_saved_rsp;
i64 hostile_result;
u64 hostile_stack[4096] __attribute__((aligned(16)));
void hostile_back(void);
u64 hostile_enter(i64 nr, i64 a, i64 b, i64 c, i64 d, i64 e);
__asm__(
    ".text\n"
    ".globl hostile_enter\n"
    "hostile_enter:\n"
    "push %rbp\n push %rbx\n push %r12\n push %r13\n push %r14\n push %r15\n"
    "mov %rsp, hostile_saved_rsp(%rip)\n"
    "mov %rdi, %rax\n mov %rsi, %rdi\n mov %rdx, %rsi\n mov %rcx, %rdx\n"
    "mov %r8, %r10\n mov %r9, %r8\n"
    "lea hostile_stack+16384(%rip), %rsp\n"
    "jmp *hostile_gadget(%rip)\n"
    ".globl hostile_back\n"
    "hostile_back:\n"
    "mov hostile_saved_rsp(%rip), %rsp\n"
    "pop %r15\n pop %r14\n pop %r13\n pop %r12\n pop %rbx\n pop %rbp\n"
    "ret\n");

static int find_gadget(void) {
    const u8 *starts[2] = { (const u8 *)SYS(fd_write), (const u8 *)SYS(fd_read) };
    for (int k = 0; k < 2; k++) {
        const u8 *p = starts[k];
        for (int i = -8192; i < 8192; i++)
            if (p[i] == 0x0f && p[i + 1] == 0x05 && p[i + 2] == 0x48 && p[i + 3] == 0x83 &&
                p[i + 4] == 0xf8 && p[i + 5] == 0xe0) {
                hostile_gadget = p + i;
                return 1;
            }
    }
    return 0;
}

static i64 via_gadget(i64 nr, i64 a, i64 b, i64 c, i64 d, i64 e) {
    for (int i = 2048; i < 4096; i++) hostile_stack[i] = (u64)hostile_back;
    hostile_stack[2048 + 3] = (u64)&hostile_result;
    hostile_result = -1;
    u64 r = hostile_enter(nr, a, b, c, d, e) & 0xffff;
    return r == 0 ? hostile_result : -(i64)1000 - (i64)r;
}

/* The dispatch table: the trampoline of thread_yield calls through
 * `call [rip + disp32]` into a table of the emulator's; its slot is made to
 * point at `evil`, which runs in the emulator's context (host %fs:0, host
 * stack) and makes the call there. */
static volatile i64 evil_args[6], evil_result;

static u16 evil(void) {
    evil_result = raw6(evil_args[0], evil_args[1], evil_args[2], evil_args[3],
                       evil_args[4], evil_args[5]);
    return 0;
}

static u64 *table_slot;

static int find_slot(void) {
    const u8 *p = (const u8 *)SYS(thread_yield);
    for (int i = 0; i < 128; i++)
        if (p[i] == 0xff && p[i + 1] == 0x15) {
            int32_t disp = (int32_t)((u32)p[i + 2] | (u32)p[i + 3] << 8 |
                                     (u32)p[i + 4] << 16 | (u32)p[i + 5] << 24);
            table_slot = (u64 *)(p + i + 6 + disp);
            return 1;
        }
    return 0;
}

static i64 via_table(i64 nr, i64 a, i64 b, i64 c, i64 d, i64 e) {
    evil_args[0] = nr; evil_args[1] = a; evil_args[2] = b;
    evil_args[3] = c; evil_args[4] = d; evil_args[5] = e;
    evil_result = -1;
    u64 saved = *table_slot;
    *table_slot = (u64)evil;
    SYS(thread_yield)();
    *table_slot = saved;
    return evil_result;
}

static int via; /* 0 raw, 1 gadget, 2 table */

static i64 sys(i64 nr, i64 a, i64 b, i64 c, i64 d, i64 e) {
    if (via == 1) return via_gadget(nr, a, b, c, d, e);
    if (via == 2) return via_table(nr, a, b, c, d, e);
    return raw6(nr, a, b, c, d, e);
}

/* ---- The attempts ---- */

static struct ad root;

static const char *str_arg(const char *key, char *buf, size_t cap) {
    struct ad v;
    const char *s;
    size_t n;
    if (!ad_get(root, key, &v) || !ad_str(v, &s, &n) || n + 1 > cap) return 0;
    memcpy(buf, s, n);
    buf[n] = 0;
    return buf;
}

struct sockaddr_in4 { u16 family, port; u32 addr; u8 zero[8]; };

static void attack(void) {
    char path[512];
    if (str_arg("outside", path, sizeof path)) {
        i64 fd = sys(NR_openat, AT_FDCWD, (i64)path, O_RDONLY, 0, 0);
        line("open_outside", fd);
        if (fd >= 0) {
            char b[64];
            line("read_outside", sys(NR_read, fd, (i64)b, sizeof b, 0, 0));
        }
    }
    if (str_arg("create", path, sizeof path))
        line("create_outside", sys(NR_openat, AT_FDCWD, (i64)path, O_CREAT | O_WRONLY, 0644, 0));
    i64 port = ad_get_int(root, "port", 0);
    if (port) {
        i64 s = sys(NR_socket, 2 /* AF_INET */, 1 /* SOCK_STREAM */, 0, 0, 0);
        line("socket_tcp", s);
        if (s >= 0) {
            struct sockaddr_in4 a = { 2, (u16)((port >> 8) | (port << 8)), 0x0100007f, {0} };
            line("connect_tcp", sys(NR_connect, s, (i64)&a, sizeof a, 0, 0));
        }
    }
    i64 victim = ad_get_int(root, "victim", 0);
    if (victim) {
        line("ptrace_attach", sys(NR_ptrace, 16 /* PTRACE_ATTACH */, victim, 0, 0, 0));
        line("kill_victim", sys(NR_kill, victim, 9, 0, 0, 0));
    }
    static const char *const argv[] = { "/bin/sh", "-c", "exit 42", 0 };
    line("execve_sh", sys(NR_execve, (i64)argv[0], (i64)argv, 0, 0, 0));
    i64 inherited = ad_get_int(root, "inherited", -1);
    if (inherited >= 0)
        line("inherited_fd", sys(NR_fcntl, inherited, F_GETFD, 0, 0, 0));
    /* What follows succeeds, which the gadget's code after the system call
     * does not survive: the gadget is for refusals only. */
    if (via == 1) return;
    char b[64];
    line("read_stdin", sys(NR_read, 0, (i64)b, sizeof b, 0, 0));
    /* Taking the emulator over is possible (it shares the address space);
     * what it must not buy is a way out, tried again afterwards. */
    line("mprotect_vdso", sys(NR_mprotect, (i64)((u64)initial_vdso), 4096, 3 /* RW */, 0, 0));
    if (str_arg("outside", path, sizeof path))
        line("open_outside_again", sys(NR_openat, AT_FDCWD, (i64)path, O_RDONLY, 0, 0));
}

/* ---- A second thread ---- */

static _Atomic int attacker_done;
static u8 attacker_stack[256 * 1024] __attribute__((aligned(16)));

static void attacker(cloudabi_tid_t tid, void *arg) {
    (void)tid; (void)arg;
    attack();
    attacker_done = 1;
    for (;;) SYS(thread_yield)(); /* the main thread's exit ends it */
}

static void from_thread(void) {
    cloudabi_threadattr_t attr = { attacker, attacker_stack, sizeof attacker_stack, 0 };
    cloudabi_tid_t tid;
    cloudabi_errno_t e = SYS(thread_create)(&attr, &tid);
    if (e) { line("thread_create", -(i64)e); return; }
    while (!attacker_done) SYS(thread_yield)();
}

int main(const u8 *p, size_t n) {
    root.p = p; root.n = n;
    struct ad v;
    if (!ad_get(root, "out", &v) || !ad_fd(v, &out)) return 2;
    char how[16];
    if (!str_arg("via", how, sizeof how) || seq_("raw", how, 3)) via = 0;
    else if (seq_("gadget", how, 6)) via = 1;
    else if (seq_("table", how, 5)) via = 2;
    else return 3;
    if (via == 1 && !find_gadget()) { puts_(out, "no gadget found\n"); return 4; }
    if (via == 2 && !find_slot()) { puts_(out, "no table slot found\n"); return 4; }
    cloudabi_fd_t self;
    cloudabi_fdstat_t st;
    if (ad_get_int(root, "exec", 0) && ad_get(root, "self", &v) && ad_fd(v, &self) &&
        SYS(fd_stat_get)(self, &st) == 0) {
        /* The new image gets `out` only: there `self` names no fd, so it
         * attacks instead of executing again. */
        cloudabi_fd_t fds[1] = { out };
        line("proc_exec", -(i64)SYS(proc_exec)(self, p, n, fds, 1));
        return 5;
    }
    if (ad_get_int(root, "thread", 0)) from_thread();
    else attack();
    puts_(out, "done\n");
    return 0;
}

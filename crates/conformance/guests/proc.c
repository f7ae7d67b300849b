/*
 * proc_exec, proc_exit, proc_fork, proc_raise, random_get, clock_res_get,
 * clock_time_get.
 *
 * The reference is cloudabi_proc.c (proc_exec through kern_execve with the
 * data and descriptors of exec_copyin_data_fds; proc_fork through fork1
 * with a process descriptor of rights CAP_FSTAT and CAP_EVENT; proc_raise
 * with its signal table), cloudabi_clock.c and cloudabi_random.c; also
 * fd_write's SIGPIPE (dofilewrite, soo_write), which needs a child process.
 *
 * The runner puts three files into the guest's directory: `prog` (this
 * program, executable), `notelf` (text, executable) and `plain` (text, not
 * executable). Run with {mode: child}, the program checks what proc_exec
 * gave it and exits with a code saying so.
 */
#include "suite.h"

#define R(x) CLOUDABI_RIGHT_##x

/* ---- Building Argdata: a map of string keys ---- */

struct enc { u8 b[256]; size_t n; };

static void enc_len(struct enc *e, size_t len) {
    /* Big-endian base 128; the last byte has the high bit set. */
    u8 tmp[10];
    int k = 0;
    do { tmp[k++] = len & 0x7f; len >>= 7; } while (len);
    while (k > 1) e->b[e->n++] = tmp[--k];
    e->b[e->n++] = tmp[0] | 0x80;
}

static void enc_str(struct enc *e, const char *s) {
    size_t n = slen(s);
    enc_len(e, n + 2);
    e->b[e->n++] = 8;
    for (size_t i = 0; i < n; i++) e->b[e->n++] = (u8)s[i];
    e->b[e->n++] = 0;
}

static void enc_fd(struct enc *e, u32 fd) {
    enc_len(e, 5);
    e->b[e->n++] = 3;
    for (int i = 3; i >= 0; i--) e->b[e->n++] = (u8)(fd >> (8 * i));
}

/* {out: fd 0, dir: fd 1, mode: child} */
static struct enc child_args(void) {
    struct enc e = { .n = 0 };
    e.b[e.n++] = 6;
    enc_str(&e, "out"); enc_fd(&e, 0);
    enc_str(&e, "dir"); enc_fd(&e, 1);
    enc_str(&e, "mode"); enc_str(&e, "child");
    return e;
}

/* ---- Children ---- */

/* Waits for the child behind `pd`: its exit code, or 1000 + its signal. */
static u32 wait_child(cloudabi_fd_t pd) {
    cloudabi_subscription_t s = { 0 };
    s.type = CLOUDABI_EVENTTYPE_PROC_TERMINATE;
    s.proc_terminate.fd = pd;
    cloudabi_event_t ev;
    size_t n = 0;
    if (SYS(poll)(&s, &ev, 1, &n) || n != 1 || ev.error) return 9999;
    return ev.proc_terminate.signal ? 1000 + ev.proc_terminate.signal : ev.proc_terminate.exitcode;
}

/* Runs `body` in a forked child that exits with its result. */
static u32 in_child(u32 (*body)(void)) {
    cloudabi_fd_t pd;
    cloudabi_tid_t tid;
    if (SYS(proc_fork)(&pd, &tid)) return 8888;
    if (pd == CLOUDABI_PROCESS_CHILD) SYS(proc_exit)(body());
    u32 r = wait_child(pd);
    SYS(fd_close)(pd);
    return r;
}

static cloudabi_fd_t exec_fd;
static cloudabi_errno_t exec_error;

static u32 exec_prog(void) {
    struct enc a = child_args();
    cloudabi_fd_t fds[2] = { out, dir };
    exec_error = SYS(proc_exec)(exec_fd, a.b, a.n, fds, 2);
    return 100 + exec_error;
}

static u32 exit_42(void) { return 42; }
static u32 exit_300(void) { return 300; }
static u32 raise_usr1(void) { SYS(proc_raise)(CLOUDABI_SIGUSR1); return 1; }
static u32 raise_abrt(void) { SYS(proc_raise)(CLOUDABI_SIGABRT); return 1; }
static u32 raise_kill(void) { SYS(proc_raise)(CLOUDABI_SIGKILL); return 1; }
static u32 raise_chld(void) { return SYS(proc_raise)(CLOUDABI_SIGCHLD) == 0 ? 5 : 6; }
static u32 raise_urg(void) { return SYS(proc_raise)(CLOUDABI_SIGURG) == 0 ? 5 : 6; }

/* Writes one byte to the stream socket `a`; 3 if the write returned. */
static u32 write_one(cloudabi_fd_t a) {
    cloudabi_ciovec_t v = { .buf = "x", .buf_len = 1 };
    size_t n;
    SYS(fd_write)(a, &v, 1, &n);
    return 3;
}

static u32 write_after_shutdown(void) {
    cloudabi_fd_t a, b;
    if (SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b)) return 2;
    SYS(sock_shutdown)(a, CLOUDABI_SHUT_WR);
    return write_one(a);
}

static u32 write_to_closed_peer(void) {
    cloudabi_fd_t a, b;
    if (SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b)) return 2;
    SYS(fd_close)(b);
    return write_one(a);
}

static volatile u32 shared_value;

static u32 child_writes(void) {
    shared_value = 99;
    return shared_value;
}

/* What a program started by proc_exec checks: fd 0 and 1 are what the
 * parent passed, in that order, and nothing else is open. */
static void child_mode(void) {
    cloudabi_fdstat_t st;
    u32 code = 7;
    if (SYS(fd_stat_get)(dir, &st) || st.fs_filetype != CLOUDABI_FILETYPE_DIRECTORY) code = 21;
    if (out != 0 || dir != 1) code = 22;
    if (SYS(fd_stat_get)(2, &st) != CLOUDABI_EBADF) code = 23;
    SYS(proc_exit)(code);
}

static void exec_cases(void) {
    cloudabi_fdstat_t fds = { 0 };
    /* cloudlibc's O_EXEC: PROC_EXEC alone (CAP_FEXECVE). */
    fds.fs_rights_base = R(PROC_EXEC);
    cloudabi_errno_t e = SYS(file_open)(lookup(dir, 1), "prog", 4, 0, &fds, &exec_fd);
    expect_errno("proc_exec", "open the program with PROC_EXEC alone", e, 0);
    expect_eq("proc_exec", "program runs, with the descriptors in order", in_child(exec_prog), 7);
    SYS(fd_close)(exec_fd);
    fds.fs_rights_base = R(FD_READ) | R(PROC_EXEC);
    SYS(file_open)(lookup(dir, 1), "prog", 4, 0, &fds, &exec_fd);
    expect_eq("proc_exec", "program opened for reading too", in_child(exec_prog), 7);
    SYS(fd_close)(exec_fd);

    /* Errors come back to the caller, who goes on. */
    struct enc a = child_args();
    cloudabi_fd_t pass[2] = { out, dir };
    fds.fs_rights_base = R(FD_READ);
    SYS(file_open)(lookup(dir, 1), "prog", 4, 0, &fds, &exec_fd);
    ERR(proc_exec, "without PROC_EXEC", CLOUDABI_ENOTCAPABLE, exec_fd, a.b, a.n, pass, 2);
    SYS(fd_close)(exec_fd);
    /* exec_check_permissions: no execute permission is EACCES; image
     * activators: an executable that is no program is ENOEXEC. */
    fds.fs_rights_base = R(PROC_EXEC);
    SYS(file_open)(lookup(dir, 1), "notelf", 6, 0, &fds, &exec_fd);
    ERR(proc_exec, "executable file that is no program", CLOUDABI_ENOEXEC, exec_fd, a.b, a.n, pass, 2);
    SYS(fd_close)(exec_fd);
    SYS(file_open)(lookup(dir, 1), "plain", 5, 0, &fds, &exec_fd);
    ERR(proc_exec, "file without execute permission", CLOUDABI_EACCES, exec_fd, a.b, a.n, pass, 2);
    SYS(fd_close)(exec_fd);
    ERR(proc_exec, "bad fd", CLOUDABI_EBADF, 9999, a.b, a.n, pass, 2);
    SYS(file_open)(lookup(dir, 1), "prog", 4, 0, &fds, &exec_fd);
    cloudabi_fd_t badpass[2] = { out, 9999 };
    ERR(proc_exec, "a closed descriptor to pass", CLOUDABI_EBADF, exec_fd, a.b, a.n, badpass, 2);
    SYS(fd_close)(exec_fd);
}

static void fork_exit_raise_cases(void) {
    cloudabi_fd_t pd;
    cloudabi_tid_t tid;
    /* fork1(RFPROCDESC): the parent gets a process descriptor. */
    cloudabi_errno_t e = SYS(proc_fork)(&pd, &tid);
    if (e == 0 && pd == CLOUDABI_PROCESS_CHILD) SYS(proc_exit)(3);
    expect_errno("proc_fork", "parent", e, 0);
    cloudabi_fdstat_t st;
    SYS(fd_stat_get)(pd, &st);
    expect_eq("proc_fork", "process descriptor type", st.fs_filetype, CLOUDABI_FILETYPE_PROCESS);
    expect_eq("proc_fork", "process descriptor rights", st.fs_rights_base, R(FILE_STAT_FGET) | R(POLL_PROC_TERMINATE));
    expect_eq("proc_fork", "child's exit code", wait_child(pd), 3);
    SYS(fd_close)(pd);
    shared_value = 1;
    expect_eq("proc_fork", "child has its own memory", in_child(child_writes), 99);
    expect_eq("proc_fork", "parent's memory unchanged", shared_value, 1);
    /* MAP_SHARED anonymous memory is shared with the child. */
    volatile u32 *sh = 0;
    SYS(mem_map)(0, 4096, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE, CLOUDABI_MAP_ANON | CLOUDABI_MAP_SHARED,
                 CLOUDABI_MAP_ANON_FD, 0, (void **)&sh);
    *sh = 5;
    e = SYS(proc_fork)(&pd, &tid);
    if (e == 0 && pd == CLOUDABI_PROCESS_CHILD) { *sh = 6; SYS(proc_exit)(0); }
    wait_child(pd);
    SYS(fd_close)(pd);
    expect_eq("proc_fork", "shared memory is shared", *sh, 6);
    /* Closing the descriptor of a running child kills it (procdesc). */
    e = SYS(proc_fork)(&pd, &tid);
    if (e == 0 && pd == CLOUDABI_PROCESS_CHILD) {
        for (;;) {
            cloudabi_subscription_t s = { 0 };
            s.type = CLOUDABI_EVENTTYPE_CLOCK;
            s.clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
            s.clock.timeout = 1000000000;
            cloudabi_event_t ev;
            size_t n;
            SYS(poll)(&s, &ev, 1, &n);
        }
    }
    OK(fd_close, "process descriptor of a running child", pd);

    /* exit1(rval): the low 8 bits reach the parent. */
    expect_eq("proc_exit", "exit code", in_child(exit_42), 42);
    expect_eq("proc_exit", "exit code modulo 256", in_child(exit_300), 300 % 256);

    /* cloudabi_sys_proc_raise: signals with the default action. */
    expect_eq("proc_raise", "SIGUSR1 terminates", in_child(raise_usr1), 1000 + CLOUDABI_SIGUSR1);
    expect_eq("proc_raise", "SIGABRT terminates", in_child(raise_abrt), 1000 + CLOUDABI_SIGABRT);
    expect_eq("proc_raise", "SIGKILL terminates", in_child(raise_kill), 1000 + CLOUDABI_SIGKILL);
    expect_eq("proc_raise", "SIGCHLD is ignored", in_child(raise_chld), 5);
    expect_eq("proc_raise", "SIGURG is ignored", in_child(raise_urg), 5);
    ERR(proc_raise, "unknown signal", CLOUDABI_EINVAL, 200);
    /* dofilewrite and soo_write: a write that fails with EPIPE raises
     * SIGPIPE in the writer (the socket has no SO_NOSIGPIPE: CloudABI cannot
     * set it), whose default action ends the process. */
    expect_eq("fd_write", "after shutdown WR, SIGPIPE", in_child(write_after_shutdown),
              1000 + CLOUDABI_SIGPIPE);
    expect_eq("fd_write", "to a socket whose peer closed, SIGPIPE", in_child(write_to_closed_peer),
              1000 + CLOUDABI_SIGPIPE);
    /* cloudabi_sys_proc_raise: the null signal does nothing. */
    expect_or_known("proc_raise", "signal 0", SYS(proc_raise)(0) == 0,
                    "the generated decoder refuses numbers that name no signal before the call");
}

static void random_clock_cases(void) {
    u8 a[64], b[64];
    memset(a, 0, sizeof a);
    memset(b, 0, sizeof b);
    /* cloudabi_sys_random_get. */
    OK(random_get, "64 bytes", a, sizeof a);
    SYS(random_get)(b, sizeof b);
    expect("random_get", "two draws differ", !mem_eq(a, b, sizeof a));
    OK(random_get, "nothing", a, 0);
    static u8 big[1 << 20];
    OK(random_get, "a megabyte", big, sizeof big);
    ERR(random_get, "unmapped buffer", CLOUDABI_EFAULT, (void *)(uintptr_t)0x10000, 16);
    ERR(random_get, "read-only buffer", CLOUDABI_EFAULT, (void *)"constant", 4);

    /* cloudabi_convert_clockid: four clocks, anything else EINVAL. */
    cloudabi_timestamp_t t = 0, u = 0;
    static const cloudabi_clockid_t clocks[4] = {
        CLOUDABI_CLOCK_MONOTONIC, CLOUDABI_CLOCK_PROCESS_CPUTIME_ID,
        CLOUDABI_CLOCK_REALTIME, CLOUDABI_CLOCK_THREAD_CPUTIME_ID,
    };
    static const char *const names[4] = { "MONOTONIC", "PROCESS_CPUTIME_ID", "REALTIME", "THREAD_CPUTIME_ID" };
    for (int i = 0; i < 4; i++) {
        t = 0;
        expect("clock_res_get", names[i], SYS(clock_res_get)(clocks[i], &t) == 0 && t > 0 && t <= 1000000000);
        t = 0;
        expect("clock_time_get", names[i], SYS(clock_time_get)(clocks[i], 1, &t) == 0 && t > 0);
    }
    ERR(clock_res_get, "unknown clock", CLOUDABI_EINVAL, 17, &t);
    ERR(clock_time_get, "unknown clock", CLOUDABI_EINVAL, 17, 0, &t);
    SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0, &t);
    SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0, &u);
    expect("clock_time_get", "monotonic does not go back", u >= t);
    SYS(clock_time_get)(CLOUDABI_CLOCK_REALTIME, 0, &t);
    expect("clock_time_get", "realtime is after 2020", t > 1577836800ull * 1000000000ull);
}

static void run_cases(void) {
    struct ad v;
    const char *mode;
    size_t len;
    if (ad_get(args, "mode", &v) && ad_str(v, &mode, &len) && seq_("child", mode, len)) child_mode();
    exec_cases();
    fork_exit_raise_cases();
    random_clock_cases();
}

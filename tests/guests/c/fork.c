/* proc_fork and process descriptors.
 *
 * Argdata: {out: fd, mode: str}. Modes:
 * - exit: the child exits with 3; the parent waits for it with a
 *   proc_terminate subscription. Prints the child's view ("child fd=..."),
 *   then the parent's ("terminated signal=.. exit=..", "same again",
 *   "filetype").
 * - signal: the child raises SIGTERM; the parent reports the signal.
 * - close: the child would sleep for 10 s; the parent closes the process
 *   descriptor, which kills it, and sees the child's end of a socket pair
 *   close soon after ("child gone quickly 1").
 * - thread: a second thread forks; in the child it is the only thread and
 *   its thread_exit ends the child with 0, which the parent thread reports
 *   before the first thread joins it.
 * - exec (`self`: this executable): the child exits with 3; the parent
 *   proc_execs `self` in mode waitfd, passing the process descriptor.
 * - waitfd (`child`: a process descriptor): waits for it, as in exit.
 * - execfault (`self`): the child proc_execs `self` in mode fault, which
 *   dereferences an unmapped address; the parent reports the signal.
 * - fault: dereferences an unmapped address.
 * - forkfault: the child does so; the parent reports the signal. */
#include <stdatomic.h>

#include "guest.h"

static cloudabi_fd_t out;

static void report(const char *what, u64 v) {
    puts_(out, what);
    putu_(out, v);
    puts_(out, "\n");
}

static u64 now(void) {
    cloudabi_timestamp_t t = 0;
    SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0, &t);
    return t;
}

static void sleep_ms(u64 ms) {
    cloudabi_subscription_t s = { 0 };
    s.type = CLOUDABI_EVENTTYPE_CLOCK;
    s.clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
    s.clock.timeout = ms * 1000000;
    cloudabi_event_t ev;
    size_t n;
    SYS(poll)(&s, &ev, 1, &n);
}

/* Forks; in the child reports what proc_fork returned. 1 in the child. */
static int fork_(cloudabi_fd_t *fd) {
    cloudabi_tid_t tid = 0;
    cloudabi_errno_t e = SYS(proc_fork)(fd, &tid);
    if (e) {
        report("fork failed ", e);
        exit_(9);
    }
    if (*fd != CLOUDABI_PROCESS_CHILD) return 0;
    report("child fd=process_child tid_nonzero=", tid != 0);
    return 1;
}

/* Waits for the child behind `fd` and reports how it ended. */
static void wait_child(cloudabi_fd_t fd) {
    cloudabi_subscription_t s = { 0 };
    s.userdata = 77;
    s.type = CLOUDABI_EVENTTYPE_PROC_TERMINATE;
    s.proc_terminate.fd = fd;
    cloudabi_event_t ev;
    size_t n = 0;
    cloudabi_errno_t e = SYS(poll)(&s, &ev, 1, &n);
    if (e || n != 1 || ev.userdata != 77 || ev.type != CLOUDABI_EVENTTYPE_PROC_TERMINATE) {
        report("poll failed ", e ? e : 1000 + ev.error);
        return;
    }
    puts_(out, "terminated signal=");
    putu_(out, ev.proc_terminate.signal);
    puts_(out, " exit=");
    putu_(out, ev.proc_terminate.exitcode);
    puts_(out, "\n");
    /* Polling again reports the same. */
    cloudabi_event_t again;
    n = 0;
    SYS(poll)(&s, &again, 1, &n);
    report("same again ", n == 1 && again.proc_terminate.exitcode == ev.proc_terminate.exitcode &&
                              again.proc_terminate.signal == ev.proc_terminate.signal);
    cloudabi_fdstat_t st;
    if (SYS(fd_stat_get)(fd, &st) == 0) report("filetype ", st.fs_filetype);
    SYS(fd_close)(fd);
}

static int close_kills(void) {
    cloudabi_fd_t a, b, child;
    if (SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &a, &b)) return 4;
    if (fork_(&child)) {
        SYS(fd_close)(a);
        sleep_ms(10000);
        exit_(0);
    }
    SYS(fd_close)(b);
    sleep_ms(20); /* let the child settle into its sleep */
    u64 start = now();
    SYS(fd_close)(child);
    char c;
    cloudabi_iovec_t iov = { &c, 1 };
    size_t got = 1;
    cloudabi_errno_t e = SYS(fd_read)(a, &iov, 1, &got);
    report("child gone quickly ", e == 0 && got == 0 && now() - start < 5000000000ull);
    return 0;
}

/* ---- Forking from a second thread ---- */

static _Atomic(cloudabi_lock_t) join = CLOUDABI_LOCK_BOGUS;

static void forker(cloudabi_tid_t tid, void *arg) {
    (void)arg;
    cloudabi_lock_t expected = CLOUDABI_LOCK_BOGUS;
    atomic_compare_exchange_strong(&join, &expected, tid | CLOUDABI_LOCK_WRLOCKED);
    cloudabi_fd_t child;
    if (fork_(&child)) {
        /* The only thread of the child: its exit ends the child with 0. A
         * lock nobody waits for is fine to release. */
        _Atomic(cloudabi_lock_t) own = 0;
        atomic_store(&own, tid | CLOUDABI_LOCK_WRLOCKED);
        SYS(thread_exit)(&own, CLOUDABI_SCOPE_PRIVATE);
    }
    wait_child(child);
    SYS(thread_exit)(&join, CLOUDABI_SCOPE_PRIVATE);
}

static int thread_fork(void) {
    static u8 stack[64 * 1024] __attribute__((aligned(16)));
    cloudabi_threadattr_t attr = { forker, stack, sizeof stack, 0 };
    cloudabi_tid_t tid;
    if (SYS(thread_create)(&attr, &tid)) return 4;
    cloudabi_lock_t expected = CLOUDABI_LOCK_BOGUS;
    atomic_compare_exchange_strong(&join, &expected, tid | CLOUDABI_LOCK_WRLOCKED);
    cloudabi_subscription_t s = { 0 };
    s.type = CLOUDABI_EVENTTYPE_LOCK_RDLOCK;
    s.lock.lock = &join;
    s.lock.lock_scope = CLOUDABI_SCOPE_PRIVATE;
    cloudabi_event_t ev;
    size_t n;
    if (SYS(poll)(&s, &ev, 1, &n) || ev.error) return 5;
    puts_(out, "joined\n");
    return 0;
}

/* The new program gets {out: fd 0, mode: waitfd, child: fd 1}. */
static int exec_with_child(struct ad root) {
    static const u8 data[] = {
        0x06,
        0x85, 0x08, 'o', 'u', 't', 0,
        0x85, 0x03, 0, 0, 0, 0,
        0x86, 0x08, 'm', 'o', 'd', 'e', 0,
        0x88, 0x08, 'w', 'a', 'i', 't', 'f', 'd', 0,
        0x87, 0x08, 'c', 'h', 'i', 'l', 'd', 0,
        0x85, 0x03, 0, 0, 0, 1,
    };
    struct ad v;
    cloudabi_fd_t self, child;
    if (!ad_get(root, "self", &v) || !ad_fd(v, &self)) return 4;
    if (fork_(&child)) exit_(3);
    cloudabi_fd_t fds[2] = { out, child };
    report("exec failed ", SYS(proc_exec)(self, data, sizeof data, fds, 2));
    return 5;
}

/* The child becomes {out: fd 0, mode: fault}. */
static int exec_fault(struct ad root) {
    static const u8 data[] = {
        0x06,
        0x85, 0x08, 'o', 'u', 't', 0,
        0x85, 0x03, 0, 0, 0, 0,
        0x86, 0x08, 'm', 'o', 'd', 'e', 0,
        0x87, 0x08, 'f', 'a', 'u', 'l', 't', 0,
    };
    struct ad v;
    cloudabi_fd_t self, child;
    if (!ad_get(root, "self", &v) || !ad_fd(v, &self)) return 4;
    if (fork_(&child)) {
        cloudabi_fd_t fds[1] = { out };
        report("exec failed ", SYS(proc_exec)(self, data, sizeof data, fds, 1));
        exit_(5);
    }
    wait_child(child);
    return 0;
}

int main(const u8 *p, size_t len) {
    struct ad root = { p, len }, v;
    if (!ad_get(root, "out", &v) || !ad_fd(v, &out)) return 2;
    const char *mode = "exit";
    size_t mode_len = 4;
    if (ad_get(root, "mode", &v)) ad_str(v, &mode, &mode_len);
    cloudabi_fd_t child;
    if (seq_("exit", mode, mode_len)) {
        if (fork_(&child)) return 3;
        wait_child(child);
        return 0;
    }
    if (seq_("signal", mode, mode_len)) {
        if (fork_(&child)) {
            SYS(proc_raise)(CLOUDABI_SIGTERM);
            return 8;
        }
        wait_child(child);
        return 0;
    }
    if (seq_("close", mode, mode_len)) return close_kills();
    if (seq_("thread", mode, mode_len)) return thread_fork();
    if (seq_("exec", mode, mode_len)) return exec_with_child(root);
    if (seq_("execfault", mode, mode_len)) return exec_fault(root);
    if (seq_("fault", mode, mode_len) || seq_("forkfault", mode, mode_len)) {
        if (mode_len == 9 && !fork_(&child)) {
            wait_child(child);
            return 0;
        }
        /* Through a volatile pointer, so that the compiler cannot tell. */
        volatile u64 *volatile unmapped = (volatile u64 *)8;
        *unmapped = 1;
        return 7;
    }
    if (seq_("waitfd", mode, mode_len)) {
        if (!ad_get(root, "child", &v) || !ad_fd(v, &child)) return 4;
        wait_child(child);
        return 0;
    }
    return 6;
}

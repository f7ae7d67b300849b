/*
 * The crash classes of a hostile guest that uses legal CloudABI calls only
 * (plus one plain fault of its own). Each mode prints `NAME RESULT` lines
 * to `out` (RESULT a CloudABI errno, or a count) and ends with `done`.
 *
 *   mode: stacks     C1: pointers into the emulator's own stacks: the
 *                    handler stack found through the trampoline's
 *                    %fs-relative slot, for random_get and fd_read
 *   mode: shm        C2: a shared mapping of an empty shared-memory object
 *                    as the pointer of every call that reads or writes
 *                    through one; also after the object was truncated;
 *                    and on the fast path of fd_write (its I/O vector and
 *                    its count on such pages)
 *   mode: exhaust    C3: address space mapped until mem_map fails, then
 *                    poll with 100,000 subscriptions
 *   mode: fault      the guest dereferences an unmapped address itself
 *   mode: race       one thread loops fd_write, random_get, fd_read and
 *                    clock_time_get on a page another thread keeps
 *                    unmapping and mapping again: every call succeeds or
 *                    is EFAULT (or EAGAIN on the non-blocking socket)
 *   thread: 1        the same from a second thread
 */
#include "guest.h"

static cloudabi_fd_t out;

static void line(const char *name, u64 v) {
    puts_(out, name);
    puts_(out, " ");
    putu_(out, v);
    puts_(out, "\n");
}

/* The handler stack pointer of this thread: the trampolines load it from a
 * %fs-relative slot (`mov r10, fs:[disp32]`); read the same slot. */
static u64 host_stack(void) {
    const u8 *p = (const u8 *)SYS(thread_yield);
    for (int i = 0; i < 96; i++)
        if (p[i] == 0x64 && p[i + 1] == 0x4c && p[i + 2] == 0x8b && p[i + 3] == 0x14 &&
            p[i + 4] == 0x25) {
            i64 disp = (int32_t)((u32)p[i + 5] | (u32)p[i + 6] << 8 | (u32)p[i + 7] << 16 |
                                 (u32)p[i + 8] << 24);
            u64 v;
            __asm__ volatile("mov %%fs:(%1), %0" : "=r"(v) : "r"(disp));
            return v;
        }
    return 0;
}

static void stacks(void) {
    u64 sp = host_stack();
    line("found_host_stack", sp != 0);
    if (!sp) return;
    cloudabi_fd_t r, w;
    if (SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &r, &w)) return;
    u64 refused = 0, tries = 0;
    for (i64 off = -8192; off <= 4096; off += 256) {
        u8 *p = (u8 *)(sp + off);
        refused += SYS(random_get)(p, 256) == CLOUDABI_EFAULT;
        write_all(w, "0123456789", 10);
        cloudabi_iovec_t iov = { p, 64 };
        size_t n;
        refused += SYS(fd_read)(r, &iov, 1, &n) == CLOUDABI_EFAULT;
        refused += SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0,
                                       (cloudabi_timestamp_t *)(((u64)p) & ~7ull)) == CLOUDABI_EFAULT;
        tries += 3;
    }
    line("host_stack_tries", tries);
    line("host_stack_refused", refused);
    /* Its own stack is the guest's to use. */
    u8 mine[256];
    line("random_get_own_stack", SYS(random_get)(mine, sizeof mine));
}

/* fd_write's fast path reads the I/O vector and stores the count itself:
 * each on a page of `shm_fd` past its end, with every pointer in the one
 * mapping a call checked just before (so the fast path takes it). The
 * count first: a fault there leaves the page as it is. */
static void shm_fast(cloudabi_fd_t shm_fd) {
    cloudabi_filestat_t size = { 0 };
    size.st_size = 4096;
    void *m;
    cloudabi_fd_t r, w;
    if (SYS(file_stat_fput)(shm_fd, &size, CLOUDABI_FILESTAT_SIZE) ||
        SYS(mem_map)(0, 8192, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE, CLOUDABI_MAP_SHARED,
                     shm_fd, 0, &m) ||
        SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &r, &w)) {
        line("fast_setup_failed", 1);
        return;
    }
    u8 *p = m, *past_end = p + 4096;
    p[64] = 'x';
    cloudabi_ciovec_t *ok = (cloudabi_ciovec_t *)(p + 32);
    ok->buf = p + 64;
    ok->buf_len = 1;
    write_all(w, "y", 1);
    /* No output in between: the mapping must stay the range checked last. */
    cloudabi_errno_t checked =
        SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0, (cloudabi_timestamp_t *)p);
    cloudabi_errno_t nwritten = SYS(fd_write)(w, ok, 1, (size_t *)(past_end + 8));
    cloudabi_errno_t nwritten_again = SYS(fd_write)(w, ok, 1, (size_t *)(past_end + 8));
    cloudabi_errno_t iovec =
        SYS(fd_write)(w, (cloudabi_ciovec_t *)(past_end + 16), 1, (size_t *)(p + 8));
    line("fast_checked", checked);
    line("fast_nwritten", nwritten);
    line("fast_nwritten_again", nwritten_again);
    line("fast_iovec", iovec);
    size_t n;
    line("fast_ordinary", SYS(fd_write)(w, ok, 1, &n));
}

static void shm(void) {
    cloudabi_fd_t fd, shm_fd;
    line("fd_create1", SYS(fd_create1)(CLOUDABI_FILETYPE_SHARED_MEMORY, &fd));
    shm_fd = fd;
    void *m;
    line("mem_map", SYS(mem_map)(0, 8192, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                 CLOUDABI_MAP_SHARED, fd, 0, &m));
    u8 *p = m;
    cloudabi_timestamp_t *ts = (cloudabi_timestamp_t *)p;
    line("clock_time_get", SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0, ts));
    line("clock_res_get", SYS(clock_res_get)(CLOUDABI_CLOCK_MONOTONIC, ts));
    line("random_get", SYS(random_get)(p, 64));
    cloudabi_ciovec_t *civ = (cloudabi_ciovec_t *)(p + 64);
    size_t n;
    line("fd_write_iovec", SYS(fd_write)(out, civ, 1, &n));
    cloudabi_ciovec_t ok = { "x", 1 };
    line("fd_write_nwritten", SYS(fd_write)(out, &ok, 1, (size_t *)(p + 128)));
    cloudabi_fdstat_t *st = (cloudabi_fdstat_t *)(p + 256);
    line("fd_stat_get", SYS(fd_stat_get)(out, st));
    line("fd_stat_put", SYS(fd_stat_put)(out, st, CLOUDABI_FDSTAT_RIGHTS));
    cloudabi_filestat_t *fs = (cloudabi_filestat_t *)(p + 512);
    line("file_stat_fget", SYS(file_stat_fget)(out, fs));
    cloudabi_subscription_t *sub = (cloudabi_subscription_t *)(p + 1024);
    cloudabi_event_t ev;
    line("poll_in", SYS(poll)(sub, &ev, 1, &n));
    cloudabi_subscription_t clk = { 0 };
    clk.type = CLOUDABI_EVENTTYPE_CLOCK;
    clk.clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
    line("poll_out", SYS(poll)(&clk, (cloudabi_event_t *)(p + 2048), 1, &n));
    cloudabi_threadattr_t *ta = (cloudabi_threadattr_t *)(p + 3072);
    cloudabi_tid_t tid;
    line("thread_create", SYS(thread_create)(ta, &tid));
    line("file_open_path", SYS(file_open)(lookup(out, 0), (const char *)p, 16, 0,
                                           (cloudabi_fdstat_t *)(p + 4000), &fd));
    line("lock_unlock", SYS(lock_unlock)((_Atomic(cloudabi_lock_t) *)(p + 4096),
                                         CLOUDABI_SCOPE_PRIVATE));
    line("condvar_signal", SYS(condvar_signal)((_Atomic(cloudabi_condvar_t) *)(p + 4100),
                                               CLOUDABI_SCOPE_PRIVATE, 1));
    /* The page is gone from the guest's view now: its own access would
     * fault, and so does a call's, answered up front. */
    line("again", SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0, ts));
    cloudabi_timestamp_t t;
    line("ordinary_call_still_works", SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0, &t));
    shm_fast(shm_fd);
}

static void exhaust(void) {
    /* The buffers poll needs, before address space runs out. */
    enum { N = 100000 };
    void *subs, *evs;
    cloudabi_errno_t e1 = SYS(mem_map)(0, N * sizeof(cloudabi_subscription_t),
                                       CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                       CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE,
                                       CLOUDABI_MAP_ANON_FD, 0, &subs);
    cloudabi_errno_t e2 = SYS(mem_map)(0, N * sizeof(cloudabi_event_t),
                                       CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                       CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE,
                                       CLOUDABI_MAP_ANON_FD, 0, &evs);
    line("buffers", e1 | e2);
    cloudabi_subscription_t *s = subs;
    for (int i = 0; i < N; i++) {
        s[i].userdata = (u64)i;
        s[i].type = CLOUDABI_EVENTTYPE_CLOCK;
        s[i].clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
        s[i].clock.timeout = 0;
    }
    /* Reserve address space until none is left (PROT_NONE costs no memory). */
    u64 mapped = 0;
    for (u64 size = (u64)1 << 46; size >= 4096;) {
        void *m;
        if (SYS(mem_map)(0, size, 0, CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE,
                         CLOUDABI_MAP_ANON_FD, 0, &m) == 0)
            mapped += size;
        else
            size /= 2;
    }
    line("reserved_gib", mapped >> 30);
    size_t n = 0;
    line("poll", SYS(poll)(s, evs, N, &n));
    line("poll_events", n);
}

static volatile u64 bad_address = 16;

static void fault(void) {
    volatile u8 *p = (volatile u8 *)bad_address;
    line("before", 0);
    *p = 1;
    line("after", 0);
}

/* mode: race. The page the worker's calls use (their buffer, their I/O
 * vector and the words they store), unmapped and mapped again meanwhile. */
static u8 *volatile race_page;
static _Atomic int race_done;
static u64 race_ok, race_efault, race_eagain, race_other, race_other_errno;
static u8 race_stack[64 * 1024] __attribute__((aligned(16)));
enum { RACE_ROUNDS = 40000 };

static void race_count(cloudabi_errno_t e) {
    if (e == 0) race_ok++;
    else if (e == CLOUDABI_EFAULT) race_efault++;
    else if (e == CLOUDABI_EAGAIN) race_eagain++;
    else { race_other++; race_other_errno = e; }
}

static void race_worker(cloudabi_tid_t tid, void *arg) {
    (void)tid;
    cloudabi_fd_t *fds = arg;
    u8 *p = race_page;
    for (int i = 0; i < RACE_ROUNDS; i++) {
        const cloudabi_ciovec_t *civ = (const cloudabi_ciovec_t *)(p + 3072);
        const cloudabi_iovec_t *iv = (const cloudabi_iovec_t *)(p + 3072);
        size_t *n = (size_t *)(p + 3104);
        /* The worker itself never touches the page (its own access would
         * fault while the page is away): only its calls do. */
        cloudabi_ciovec_t good = { "0123456789abcdef", 16 };
        if (i % 64 == 0) {
            size_t out_n;
            race_count(SYS(fd_write)(fds[1], &good, 1, &out_n));
        }
        race_count(SYS(fd_write)(fds[1], civ, 1, n));
        race_count(SYS(random_get)(p, 256));
        race_count(SYS(fd_read)(fds[0], iv, 1, n));
        race_count(SYS(clock_time_get)(CLOUDABI_CLOCK_MONOTONIC, 0,
                                       (cloudabi_timestamp_t *)(p + 3200)));
    }
    race_done = 1;
    for (;;) SYS(thread_yield)();
}

enum { RACE_SUBS = 4096 };
static cloudabi_subscription_t race_subs[RACE_SUBS];
static cloudabi_event_t race_events[RACE_SUBS];

static void race(void) {
    for (int i = 0; i < RACE_SUBS; i++) {
        race_subs[i].type = CLOUDABI_EVENTTYPE_CLOCK;
        race_subs[i].clock.clock_id = CLOUDABI_CLOCK_MONOTONIC;
    }
    cloudabi_fd_t fds[2];
    if (SYS(fd_create2)(CLOUDABI_FILETYPE_SOCKET_STREAM, &fds[0], &fds[1])) return;
    cloudabi_fdstat_t nb = { 0 };
    nb.fs_flags = CLOUDABI_FDFLAG_NONBLOCK;
    for (int i = 0; i < 2; i++)
        if (SYS(fd_stat_put)(fds[i], &nb, CLOUDABI_FDSTAT_FLAGS)) return;
    void *m;
    const cloudabi_mprot_t rw = CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE;
    const cloudabi_mflags_t anon = CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE;
    if (SYS(mem_map)(0, 4096, rw, anon, CLOUDABI_MAP_ANON_FD, 0, &m)) return;
    u8 *p = m;
    race_page = p;
    /* The vector the calls read: 16 bytes of the page itself. */
    cloudabi_ciovec_t *civ = (cloudabi_ciovec_t *)(p + 3072);
    civ->buf = p;
    civ->buf_len = 16;
    cloudabi_threadattr_t attr = { race_worker, race_stack, sizeof race_stack, fds };
    cloudabi_tid_t tid;
    if (SYS(thread_create)(&attr, &tid)) return;
    u64 cycles = 0, remap_failed = 0;
    while (!race_done) {
        SYS(mem_unmap)(p, 4096);
        /* Now and then a call for which the emulator allocates (a poll of
         * many subscriptions: its own copies, mapped by the host where it
         * likes, which was the page just unmapped). */
        if (cycles % 8 == 0) {
            size_t n;
            SYS(poll)(race_subs, race_events, RACE_SUBS, &n);
        }
        void *again;
        if (SYS(mem_map)(p, 4096, rw, anon | CLOUDABI_MAP_FIXED, CLOUDABI_MAP_ANON_FD, 0,
                         &again) || again != p) {
            remap_failed++;
            continue;
        }
        civ->buf = p;
        civ->buf_len = 16;
        cycles++;
    }
    /* What the guest unmapped is what its next mapping gets. */
    void *next;
    line("race_reused", !SYS(mem_unmap)(p, 4096) &&
                        !SYS(mem_map)(0, 4096, rw, anon, CLOUDABI_MAP_ANON_FD, 0, &next) &&
                        next == p);
    line("race_cycles", cycles);
    line("race_remap_failed", remap_failed);
    line("race_ok", race_ok);
    line("race_efault", race_efault);
    line("race_eagain", race_eagain);
    line("race_other", race_other);
    line("race_other_errno", race_other_errno);
}

static void run(const char *mode, size_t len) {
    if (seq_("stacks", mode, len)) stacks();
    else if (seq_("shm", mode, len)) shm();
    else if (seq_("exhaust", mode, len)) exhaust();
    else if (seq_("fault", mode, len)) fault();
    else if (seq_("race", mode, len)) race();
    else line("unknown_mode", 0);
}

static const char *mode_;
static size_t mode_len;
static _Atomic int finished;
static u8 stack2[256 * 1024] __attribute__((aligned(16)));

static void second(cloudabi_tid_t tid, void *arg) {
    (void)tid; (void)arg;
    run(mode_, mode_len);
    finished = 1;
    for (;;) SYS(thread_yield)();
}

int main(const u8 *p, size_t n) {
    struct ad root = { p, n }, v;
    if (!ad_get(root, "out", &v) || !ad_fd(v, &out)) return 2;
    if (!ad_get(root, "mode", &v) || !ad_str(v, &mode_, &mode_len)) return 3;
    if (ad_get_int(root, "thread", 0)) {
        cloudabi_threadattr_t attr = { second, stack2, sizeof stack2, 0 };
        cloudabi_tid_t tid;
        if (SYS(thread_create)(&attr, &tid)) return 4;
        while (!finished) SYS(thread_yield)();
    } else {
        run(mode_, mode_len);
    }
    puts_(out, "done\n");
    return 0;
}

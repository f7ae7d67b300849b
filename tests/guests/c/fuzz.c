/*
 * A seeded, reproducible fuzzer: `calls` system calls drawn from all 49,
 * each argument drawn from hostile values: pointers into the emulator's
 * own stacks, state and code, past the end of a shared mapping, unmapped,
 * null, misaligned, overlapping one another, besides valid memory with
 * random contents and plain integers. The launcher must answer every call
 * and survive; the guest ends by printing
 *   fuzz seed=S calls=N ok=A efault=B other=C
 *
 * Calls that would end or replace this process (proc_exit, thread_exit,
 * proc_raise, a proc_exec that works) are given arguments that make them
 * fail, or are skipped; memory calls get addresses in a victim region the
 * fuzzer never uses itself (so the guest does not pull its own code or
 * stack away), or hostile ones. Argdata: out (fd), seed, calls, dir (a
 * directory to play in).
 */
#include <stdatomic.h>

#include "guest.h"

static cloudabi_fd_t out;
static u64 rng;

static u64 next(void) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static u64 below(u64 n) { return n ? next() % n : 0; }

enum { ARENA = 64 * 1024, VICTIM = 16 * 4096 };
static u8 *arena;      /* valid memory, random contents */
static u8 *victim;     /* what memory calls may change */
static u8 *shm;        /* 3 pages mapped, the object 1 page long */
static u64 host_stack, host_state, tramp, table;
static u64 own_stack;  /* well below main's frame: unused room of its stack */
static cloudabi_subscription_t safe_subs[4];

/* A %fs-relative slot the trampolines load (`mov REG, fs:[disp32]`): the
 * handler stack, and the serving Host (8 bytes further). */
static void find_emulator(void) {
    const u8 *p = (const u8 *)SYS(thread_yield);
    tramp = (u64)p;
    for (int i = 0; i < 96; i++) {
        if (p[i] == 0x64 && p[i + 1] == 0x4c && p[i + 2] == 0x8b && p[i + 3] == 0x14 &&
            p[i + 4] == 0x25) {
            i64 d = (int32_t)((u32)p[i + 5] | (u32)p[i + 6] << 8 | (u32)p[i + 7] << 16 |
                              (u32)p[i + 8] << 24);
            __asm__ volatile("mov %%fs:(%1), %0" : "=r"(host_stack) : "r"(d));
            __asm__ volatile("mov %%fs:(%1), %0" : "=r"(host_state) : "r"(d + 8));
        }
        if (p[i] == 0xff && p[i + 1] == 0x15 && !table) {
            int32_t d = (int32_t)((u32)p[i + 2] | (u32)p[i + 3] << 8 | (u32)p[i + 4] << 16 |
                                  (u32)p[i + 5] << 24);
            table = (u64)(p + i + 6 + d);
        }
    }
}

static u64 last_ptr;

/* A pointer, mostly hostile. */
static u64 pointer(void) {
    u64 off = below(4096) - 2048;
    u64 p;
    switch (below(14)) {
    case 0: p = 0; break;
    case 1: p = 0x10000 + below(1 << 20); break;                /* unmapped, low */
    case 2: p = 0x7ffff0000000ull + below(1 << 20); break;       /* unmapped, high */
    case 3: p = 0xffff800000000000ull + below(1 << 20); break;   /* kernel */
    case 4: p = host_stack + off; break;                          /* handler stack */
    case 5: p = host_state + below(512); break;                   /* the Host */
    case 6: p = tramp + below(4096); break;                       /* emulator code */
    case 7: p = table + below(512); break;                        /* dispatch table */
    case 8: p = ((u64)initial_vdso) + below(8192); break;                   /* the vDSO */
    case 9: p = (u64)shm + 4096 - below(64) + below(2 * 4096); break; /* past the end */
    case 10: p = (u64)arena + below(ARENA) + below(8); break;    /* misaligned */
    case 11: p = last_ptr + below(64); break;                     /* overlapping */
    case 12: p = own_stack - below(8192); break;                 /* own stack */
    default: p = (u64)arena + (below(ARENA) & ~7ull); break;      /* valid */
    }
    last_ptr = p;
    return p;
}

static u64 length(void) {
    switch (below(6)) {
    case 0: return 0;
    case 1: return 1 + below(16);
    case 2: return below(4096);
    case 3: return below(1 << 20);
    case 4: return ~0ull - below(4096);
    default: return (u64)1 << below(64);
    }
}

static u64 integer(void) {
    switch (below(5)) {
    case 0: return below(8);              /* an fd, a small enum value */
    case 1: return next();
    case 2: return below(1 << 16);
    case 3: return 0xffffffffu;           /* CLOUDABI_MAP_ANON_FD */
    default: return (u64)1 << below(64);  /* one flag */
    }
}

static u64 argument(void) {
    switch (below(3)) {
    case 0: return pointer();
    case 1: return length();
    default: return integer();
    }
}

static int in_arena(u64 p) { return p >= (u64)arena && p < (u64)arena + ARENA; }
static int on_own_stack(u64 p) { return p > own_stack - (1 << 20) && p <= own_stack + (1 << 20); }

/* A pointer outside the guest's own memory (or null): never one a call may
 * use, so the call must refuse it. */
static u64 foreign(void) {
    for (;;) {
        u64 p = pointer();
        if (!in_arena(p) && !on_own_stack(p) && (p < ((u64)initial_vdso) || p >= ((u64)initial_vdso) + 65536))
            return p;
    }
}

/* The guest's own image, from the linker. */
extern const u8 __ehdr_start[], _end[];

/* Whether [p, p + len) reaches memory the fuzzer needs intact: its image
 * or arena (a foreign start may lie just below them; where mappings land
 * depends on the launcher's own layout). A span that wraps is left alone:
 * the emulator must refuse it. */
static int reaches_own(u64 p, u64 len) {
    u64 end = p + len;
    if (end < p || end + 4095 < end) return 0;
    /* Calls act on whole pages. */
    p &= ~4095ull;
    end = (end + 4095) & ~4095ull;
    u64 own[2][2] = { { (u64)__ehdr_start, (u64)_end }, { (u64)arena, (u64)arena + ARENA } };
    for (int i = 0; i < 2; i++)
        if (p < own[i][1] && end > own[i][0]) return 1;
    return 0;
}

/* Memory calls: the victim region, or foreign addresses; never the
 * guest's own image, stack or arena. */
static u64 victim_address(void) {
    if (below(2)) return (u64)victim + 4096 * below(VICTIM / 4096);
    return foreign();
}

static void fill_arena(void) {
    for (int i = 0; i < 64; i++) arena[below(ARENA)] = (u8)next();
    /* Subscriptions that never wait: a clock that has expired, `out`
     * writable, a process descriptor that is none. */
    for (int i = 0; i < 4; i++) {
        cloudabi_subscription_t s = { 0 };
        s.userdata = next();
        switch (below(3)) {
        case 0:
            s.type = CLOUDABI_EVENTTYPE_CLOCK;
            s.clock.clock_id = (cloudabi_clockid_t)below(4);
            s.clock.timeout = below(2) ? 0 : below(1000);
            break;
        case 1:
            s.type = CLOUDABI_EVENTTYPE_FD_WRITE;
            s.fd_readwrite.fd = out;
            break;
        default:
            s.type = CLOUDABI_EVENTTYPE_PROC_TERMINATE;
            s.proc_terminate.fd = (cloudabi_fd_t)below(8);
        }
        safe_subs[i] = s;
    }
}

typedef u16 (*anycall)(u64, u64, u64, u64, u64, u64, u64);

struct counts { u64 calls, ok, efault, other; u8 seen[NSYSCALLS]; };

static void one(struct counts *c) {
    int k = (int)below(NSYSCALLS);
    u64 a[7];
    for (int i = 0; i < 7; i++) a[i] = argument();
    switch (k) {
    case SYS_proc_exit:
    case SYS_thread_exit:
        return;                               /* at the end, and in `exiter` */
    case SYS_proc_raise:                      /* signals that are ignored */
        a[0] = below(2) ? CLOUDABI_SIGCHLD : CLOUDABI_SIGURG;
        break;
    case SYS_proc_exec:
        a[0] = 100 + below(1000);             /* no such fd: it fails */
        break;
    case SYS_proc_fork:
        if (below(200)) return;               /* rare: costs a process */
        a[0] = (u64)arena;                    /* so that the child knows */
        a[1] = (u64)arena + 8;
        break;
    case SYS_fd_create2:
        a[1] = foreign();                     /* no pipe to block on */
        break;
    case SYS_lock_unlock:
    case SYS_condvar_signal:
        if (on_own_stack(a[0])) a[0] = foreign();
        break;
    case SYS_fd_close:
    case SYS_fd_stat_put:
        if ((u32)a[0] == out) a[0] = 1 + below(8);
        break;
    case SYS_fd_replace:
        if ((u32)a[1] == out) a[1] = 1 + below(8);
        break;
    case SYS_mem_map:
        a[0] = victim_address();
        a[1] = below(4) ? 4096 * (1 + below(4)) : length();
        if ((a[3] & CLOUDABI_MAP_FIXED) &&
            (a[0] < (u64)victim || a[0] >= (u64)victim + VICTIM || reaches_own(a[0], a[1])))
            a[3] &= ~(u64)CLOUDABI_MAP_FIXED;
        break;
    case SYS_mem_unmap:
    case SYS_mem_protect:
    case SYS_mem_advise:
    case SYS_mem_sync:
        a[0] = victim_address();
        a[1] = below(2) ? 4096 * below(4) : length();
        if (a[0] >= (u64)victim && a[0] < (u64)victim + VICTIM &&
            a[0] + a[1] > (u64)victim + VICTIM)
            a[1] = (u64)victim + VICTIM - a[0];
        if (reaches_own(a[0], a[1])) a[1] = 0;
        break;
    case SYS_thread_create:
        a[0] = foreign();                     /* no thread of random code */
        break;
    case SYS_poll:
        a[0] = below(2) ? (u64)safe_subs : foreign();
        a[2] = below(5);                      /* few subscriptions, none waits */
        break;
    }
    u16 e = ((anycall)syscalls.slot[k])(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    if (k == SYS_proc_fork && e == 0 && *(cloudabi_fd_t *)arena == CLOUDABI_PROCESS_CHILD)
        exit_(0);                             /* the child ends at once */
    c->calls++;
    c->seen[k] = 1;
    if (e == 0) c->ok++;
    else if (e == CLOUDABI_EFAULT) c->efault++;
    else c->other++;
}

/* thread_exit, from a thread that starts only for it. */
static _Atomic(cloudabi_lock_t) exiter_lock = CLOUDABI_LOCK_UNLOCKED;
static u8 exiter_stack[64 * 1024] __attribute__((aligned(16)));

static _Atomic int exiter_started;

static void exiter(cloudabi_tid_t tid, void *arg) {
    (void)arg;
    atomic_store(&exiter_lock, tid | CLOUDABI_LOCK_WRLOCKED);
    atomic_store(&exiter_started, 1);
    SYS(thread_exit)(&exiter_lock, CLOUDABI_SCOPE_PRIVATE);
}

static void thread_exit_once(struct counts *c) {
    cloudabi_threadattr_t attr = { exiter, exiter_stack, sizeof exiter_stack, 0 };
    cloudabi_tid_t tid;
    if (SYS(thread_create)(&attr, &tid)) return;
    while (!atomic_load(&exiter_started)) SYS(thread_yield)();
    while (atomic_load(&exiter_lock) != CLOUDABI_LOCK_UNLOCKED) SYS(thread_yield)();
    c->seen[SYS_thread_exit] = 1;
}

int main(const u8 *p, size_t n) {
    struct ad root = { p, n }, v;
    if (!ad_get(root, "out", &v) || !ad_fd(v, &out)) return 2;
    rng = (u64)ad_get_int(root, "seed", 1) * 0x9e3779b97f4a7c15ull | 1;
    u64 calls = (u64)ad_get_int(root, "calls", 1000);
    void *m;
    cloudabi_errno_t e = SYS(mem_map)(0, ARENA, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                      CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE,
                                      CLOUDABI_MAP_ANON_FD, 0, &m);
    if (e) return 3;
    arena = m;
    e = SYS(mem_map)(0, VICTIM, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                     CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0, &m);
    if (e) return 3;
    victim = m;
    cloudabi_fd_t shmfd;
    if (SYS(fd_create1)(CLOUDABI_FILETYPE_SHARED_MEMORY, &shmfd)) return 4;
    cloudabi_filestat_t size = { 0 };
    size.st_size = 4096;
    if (SYS(file_stat_fput)(shmfd, &size, CLOUDABI_FILESTAT_SIZE)) return 5;
    if (SYS(mem_map)(0, 3 * 4096, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                     CLOUDABI_MAP_SHARED, shmfd, 0, &m))
        return 4;
    shm = m;
    find_emulator();
    u8 here;
    own_stack = (u64)&here - (256 << 10);
    struct counts c = { 0 };
    c.seen[SYS_proc_exit] = 1;                /* how this program ends */
    for (u64 i = 0; i < calls; i++) {
        if (i % 64 == 0) fill_arena();
        one(&c);
    }
    thread_exit_once(&c);
    u64 distinct = 0;
    for (int k = 0; k < NSYSCALLS; k++) distinct += c.seen[k];
    puts_(out, "\nfuzz seed=");
    putu_(out, (u64)ad_get_int(root, "seed", 1));
    puts_(out, " calls=");
    putu_(out, c.calls);
    puts_(out, " ok=");
    putu_(out, c.ok);
    puts_(out, " efault=");
    putu_(out, c.efault);
    puts_(out, " other=");
    putu_(out, c.other);
    puts_(out, " distinct=");
    putu_(out, distinct);
    puts_(out, "\n");
    return 0;
}

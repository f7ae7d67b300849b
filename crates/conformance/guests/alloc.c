/*
 * A realistic allocator workload, the way jemalloc and dlmalloc use memory:
 *
 * - address space comes in 1 MiB chunks, reserved PROT_NONE and aligned by
 *   over-reserving twice the size and unmapping the excess on both sides
 *   (jemalloc's chunk_alloc_mmap);
 * - pages are committed with mem_map(MAP_FIXED, read-write) over the
 *   reservation when a run of them is handed out, and decommitted with
 *   mem_map(MAP_FIXED, PROT_NONE) or purged with mem_advise(DONTNEED) when
 *   freed (pages_decommit, pages_purge);
 * - a chunk whose pages are all free is unmapped, and reserved afresh when
 *   needed again;
 * - large requests get a mapping of their own (dlmalloc's mmap threshold);
 * - several threads, each on a stack the allocator itself handed out
 *   (cloudlibc's pthread_create allocates stacks with malloc), allocate,
 *   fill, check and free blocks of random sizes.
 *
 * Every block is filled with a pattern and checked when freed. Cases are
 * reported under the pseudo-call "workload".
 *
 * Argdata: {threads: N (default 8), rounds: M (default 4000)}.
 */
#include "runtime.h"

#define PAGE 4096u
#define CHUNK (1u << 20)
#define PAGES (CHUNK / PAGE)
#define HEADER_PAGES 4u
#define MAX_CHUNKS 128
#define HUGE_MIN (256u * 1024)
#define NCLASSES 8 /* 16 .. 2048 */

enum { FREE = 0, RUN_HEAD, RUN_BODY, SLAB };

struct page_meta {
    u8 kind;
    u8 cls;
    u16 nfree;
    u32 first; /* RUN_BODY: the run's first page */
    u32 npages;
    u64 bitmap[4]; /* SLAB: one bit per used slot */
};

struct chunk {
    struct page_meta meta[PAGES];
    u32 used_pages;
};
_Static_assert(sizeof(struct chunk) <= HEADER_PAGES * PAGE, "header fits");

static lock_t heap_lock;
static struct chunk *chunks[MAX_CHUNKS];
static u64 stats_reserved, stats_released, stats_committed, stats_decommitted, stats_purged;
static u64 stats_huge, errors;

static void fail_once(void) { errors++; }

static int commit(void *p, size_t len) {
    void *got = 0;
    cloudabi_errno_t e = SYS(mem_map)(p, len, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                                      CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE | CLOUDABI_MAP_FIXED,
                                      CLOUDABI_MAP_ANON_FD, 0, &got);
    if (e || got != p) { fail_once(); return 0; }
    stats_committed++;
    return 1;
}

/* Gives pages back: alternately decommit (PROT_NONE, MAP_FIXED) and purge
 * (DONTNEED, which keeps them committed). */
static void release_pages(void *p, size_t len, int decommit) {
    if (decommit) {
        void *got = 0;
        if (SYS(mem_map)(p, len, 0, CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE | CLOUDABI_MAP_FIXED,
                         CLOUDABI_MAP_ANON_FD, 0, &got) || got != p)
            fail_once();
        stats_decommitted++;
    } else {
        if (SYS(mem_advise)(p, len, CLOUDABI_ADVICE_DONTNEED)) fail_once();
        stats_purged++;
    }
}

static struct chunk *chunk_new(void) {
    u8 *raw = 0;
    if (SYS(mem_map)(0, 2 * CHUNK, 0, CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE,
                     CLOUDABI_MAP_ANON_FD, 0, (void **)&raw)) {
        fail_once();
        return 0;
    }
    u8 *base = (u8 *)(((uintptr_t)raw + CHUNK - 1) & ~(uintptr_t)(CHUNK - 1));
    if (base > raw && SYS(mem_unmap)(raw, (size_t)(base - raw))) fail_once();
    if (raw + 2 * CHUNK > base + CHUNK && SYS(mem_unmap)(base + CHUNK, (size_t)(raw + 2 * CHUNK - (base + CHUNK))))
        fail_once();
    if (!commit(base, HEADER_PAGES * PAGE)) return 0;
    struct chunk *c = (struct chunk *)base;
    for (u32 i = 0; i < HEADER_PAGES; i++) c->meta[i].kind = RUN_HEAD;
    c->used_pages = HEADER_PAGES;
    stats_reserved++;
    for (int i = 0; i < MAX_CHUNKS; i++)
        if (!chunks[i]) { chunks[i] = c; return c; }
    fail_once();
    return c;
}

static void chunk_maybe_release(int index) {
    struct chunk *c = chunks[index];
    if (c->used_pages != HEADER_PAGES) return;
    chunks[index] = 0;
    if (SYS(mem_unmap)(c, CHUNK)) fail_once();
    stats_released++;
}

/* First fit of `n` pages in a chunk; the first page index or 0. */
static u32 find_pages(struct chunk *c, u32 n) {
    u32 run = 0;
    for (u32 i = HEADER_PAGES; i < PAGES; i++) {
        run = c->meta[i].kind == FREE ? run + 1 : 0;
        if (run == n) return i + 1 - n;
    }
    return 0;
}

/* `n` committed pages from some chunk, marked as a run (or a slab). */
static u8 *pages_alloc(u32 n, u8 kind, u8 cls) {
    for (int pass = 0; pass < 2; pass++) {
        for (int i = 0; i < MAX_CHUNKS; i++) {
            struct chunk *c = chunks[i];
            if (!c) continue;
            u32 first = find_pages(c, n);
            if (!first) continue;
            u8 *p = (u8 *)c + first * PAGE;
            if (!commit(p, n * PAGE)) return 0;
            c->meta[first] = (struct page_meta){ .kind = kind, .cls = cls, .npages = n };
            for (u32 k = 1; k < n; k++) c->meta[first + k] = (struct page_meta){ .kind = RUN_BODY, .first = first };
            c->used_pages += n;
            return p;
        }
        if (!chunk_new()) return 0;
    }
    return 0;
}

static int chunk_of(const void *p) {
    uintptr_t base = (uintptr_t)p & ~(uintptr_t)(CHUNK - 1);
    for (int i = 0; i < MAX_CHUNKS; i++)
        if ((uintptr_t)chunks[i] == base) return i;
    return -1;
}

static u32 class_size(u32 cls) { return 16u << cls; }

static void *heap_alloc(size_t size) {
    if (size >= HUGE_MIN) {
        u8 *p = 0;
        size_t len = (size + PAGE + PAGE - 1) & ~(size_t)(PAGE - 1);
        if (SYS(mem_map)(0, len, CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE,
                         CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0,
                         (void **)&p)) {
            fail_once();
            return 0;
        }
        *(size_t *)p = len;
        lock(&heap_lock);
        stats_huge++;
        unlock(&heap_lock);
        return p + PAGE;
    }
    lock(&heap_lock);
    void *result = 0;
    if (size > class_size(NCLASSES - 1)) {
        result = pages_alloc((u32)((size + PAGE - 1) / PAGE), RUN_HEAD, 0xff);
    } else {
        u8 cls = 0;
        while (class_size(cls) < size) cls++;
        u32 slots = PAGE / class_size(cls);
        for (int i = 0; i < MAX_CHUNKS && !result; i++) {
            struct chunk *c = chunks[i];
            if (!c) continue;
            for (u32 pg = HEADER_PAGES; pg < PAGES && !result; pg++) {
                struct page_meta *m = &c->meta[pg];
                if (m->kind != SLAB || m->cls != cls || m->nfree == 0) continue;
                for (u32 s = 0; s < slots; s++) {
                    if (m->bitmap[s / 64] & (1ull << (s % 64))) continue;
                    m->bitmap[s / 64] |= 1ull << (s % 64);
                    m->nfree--;
                    result = (u8 *)c + pg * PAGE + s * class_size(cls);
                    break;
                }
            }
        }
        if (!result) {
            u8 *p = pages_alloc(1, SLAB, cls);
            if (p) {
                struct page_meta *m = &chunks[chunk_of(p)]->meta[((uintptr_t)p & (CHUNK - 1)) / PAGE];
                m->nfree = (u16)(slots - 1);
                m->bitmap[0] = 1;
                result = p;
            }
        }
    }
    unlock(&heap_lock);
    return result;
}

static u64 frees;

static void heap_free(void *ptr) {
    if (!ptr) return;
    lock(&heap_lock);
    int index = chunk_of(ptr);
    if (index < 0) {
        unlock(&heap_lock);
        u8 *base = (u8 *)ptr - PAGE;
        if (SYS(mem_unmap)(base, *(size_t *)base)) fail_once();
        return;
    }
    struct chunk *c = chunks[index];
    u32 pg = (u32)(((uintptr_t)ptr & (CHUNK - 1)) / PAGE);
    struct page_meta *m = &c->meta[pg];
    int decommit = (frees++ & 1) == 0;
    if (m->kind == SLAB) {
        u32 s = (u32)(((uintptr_t)ptr & (PAGE - 1)) / class_size(m->cls));
        m->bitmap[s / 64] &= ~(1ull << (s % 64));
        m->nfree++;
        if (m->nfree == PAGE / class_size(m->cls)) {
            release_pages((u8 *)c + pg * PAGE, PAGE, decommit);
            *m = (struct page_meta){ .kind = FREE };
            c->used_pages--;
        }
    } else if (m->kind == RUN_HEAD) {
        u32 n = m->npages;
        release_pages((u8 *)c + pg * PAGE, n * PAGE, decommit);
        for (u32 k = 0; k < n; k++) c->meta[pg + k] = (struct page_meta){ .kind = FREE };
        c->used_pages -= n;
    } else {
        fail_once();
    }
    chunk_maybe_release(index);
    unlock(&heap_lock);
}

/* ---- The workload ---- */

static u64 pattern(const void *p, size_t i) { return ((uintptr_t)p >> 4) * 2654435761u + i; }

static void fill(u8 *p, size_t n) {
    for (size_t i = 0; i < n; i += 61) p[i] = (u8)pattern(p, i);
    if (n) p[n - 1] = (u8)pattern(p, n - 1);
}

static int intact(const u8 *p, size_t n) {
    for (size_t i = 0; i < n; i += 61)
        if (p[i] != (u8)pattern(p, i)) return 0;
    return !n || p[n - 1] == (u8)pattern(p, n - 1);
}

struct worker {
    struct thread t;
    u64 seed;
    u32 rounds;
    u32 corrupt, failed, ops;
};

static u64 next(u64 *s) {
    *s ^= *s << 13; *s ^= *s >> 7; *s ^= *s << 17;
    return *s;
}

static size_t pick_size(u64 *seed) {
    u64 r = next(seed) % 1000;
    if (r < 800) return 1 + next(seed) % 2048;         /* small */
    if (r < 990) return 2049 + next(seed) % 60000;     /* large: page runs */
    return HUGE_MIN + next(seed) % (512 * 1024);       /* huge: own mapping */
}

#define LIVE 48

static void churn(void *arg) {
    struct worker *w = arg;
    u8 *live[LIVE] = { 0 };
    size_t sizes[LIVE] = { 0 };
    for (u32 i = 0; i < w->rounds; i++) {
        u32 k = (u32)(next(&w->seed) % LIVE);
        if (live[k]) {
            if (!intact(live[k], sizes[k])) w->corrupt++;
            heap_free(live[k]);
            live[k] = 0;
        } else {
            size_t n = pick_size(&w->seed);
            live[k] = heap_alloc(n);
            if (!live[k]) { w->failed++; continue; }
            sizes[k] = n;
            fill(live[k], n);
        }
        w->ops++;
    }
    for (u32 k = 0; k < LIVE; k++) {
        if (!live[k]) continue;
        if (!intact(live[k], sizes[k])) w->corrupt++;
        heap_free(live[k]);
    }
}

#define MAX_WORKERS 16
#define STACK (64 * 1024)

static struct worker workers[MAX_WORKERS];

static int live_chunks(void) {
    int n = 0;
    for (int i = 0; i < MAX_CHUNKS; i++) n += chunks[i] != 0;
    return n;
}

static void run_cases(void) {
    tls_enter(&main_tls, initial_tid);
    i64 nthreads = ad_get_int(args, "threads", 8), rounds = ad_get_int(args, "rounds", 4000);
    if (nthreads < 1 || nthreads > MAX_WORKERS) nthreads = 8;

    /* One thread first: every path of the allocator. */
    workers[0] = (struct worker){ .seed = 88172645463325252ull, .rounds = (u32)rounds };
    churn(&workers[0]);
    expect_eq("workload", "allocator, single thread, corrupted blocks", workers[0].corrupt, 0);
    expect_eq("workload", "allocator, single thread, failed allocations", workers[0].failed, 0);
    expect_eq("workload", "allocator, every chunk given back", (u64)live_chunks(), 0);
    expect("workload", "allocator, chunks reserved, committed, decommitted, purged",
           stats_reserved > 0 && stats_committed > stats_reserved && stats_decommitted > 0 &&
               stats_purged > 0 && stats_huge > 0);
    expect_eq("workload", "allocator, reserve/commit/unmap calls all succeeded", errors, 0);

    /* Freed and reserved again. */
    u64 before = stats_reserved;
    void *again = heap_alloc(100);
    expect("workload", "allocator, re-reserves after giving everything back",
           again && stats_reserved == before + 1);
    heap_free(again);

    /* A large block's pages are decommitted when freed: system calls can
     * no longer read them. */
    frees = 0;
    u8 *big = heap_alloc(40000);
    heap_free(big);
    cloudabi_ciovec_t iov = { big, 1 };
    size_t n;
    cloudabi_fd_t sink = make_file("sink", "", 0);
    expect_errno("workload", "allocator, decommitted pages fault", SYS(fd_write)(sink, &iov, 1, &n),
                 CLOUDABI_EFAULT);

    /* Threads on stacks from the allocator. */
    u32 started = 0;
    void *stacks[MAX_WORKERS];
    for (i64 i = 0; i < nthreads; i++) {
        workers[i] = (struct worker){ .seed = 0x9e3779b97f4a7c15ull * (u64)(i + 1), .rounds = (u32)rounds };
        stacks[i] = heap_alloc(STACK);
        if (stacks[i] && thread_start(&workers[i].t, stacks[i], STACK, churn, &workers[i]) == 0)
            started++;
    }
    expect_eq("workload", "allocator, threads on malloc'ed stacks start", started, (u64)nthreads);
    u32 joined = 0, corrupt = 0, failed = 0;
    for (u32 i = 0; i < started; i++) {
        joined += thread_join(&workers[i].t);
        corrupt += workers[i].corrupt;
        failed += workers[i].failed;
    }
    for (u32 i = 0; i < started; i++) heap_free(stacks[i]);
    expect_eq("workload", "allocator, threads joined", joined, started);
    expect_eq("workload", "allocator, threads, corrupted blocks", corrupt, 0);
    expect_eq("workload", "allocator, threads, failed allocations", failed, 0);
    expect_eq("workload", "allocator, threads, every chunk given back", (u64)live_chunks(), 0);
    expect_eq("workload", "allocator, threads, calls all succeeded", errors, 0);
}

/*
 * Start-up and system-call plumbing for freestanding CloudABI test guests,
 * following the conventions of cloudlibc's crt0: _start(auxv) is entered as a
 * normal call with the auxiliary vector in %rdi; the program relocates itself
 * (R_X86_64_RELATIVE only), finds the vDSO through AT_SYSINFO_EHDR and fills
 * its system-call table from the vDSO's dynamic symbols (DT_HASH nchain,
 * DT_STRTAB, DT_SYMTAB, all offsets from the vDSO base), then reads its
 * Argdata from AT_ARGDATA/AT_ARGDATALEN.
 *
 * Every ABI name, number, type and system-call signature comes from the
 * project's generated C headers (generated/c, on the include path), so these
 * guests also exercise those headers.
 *
 * Build: gcc -nostdlib -ffreestanding -fPIE -static-pie -fno-stack-protector
 *        -fno-asynchronous-unwind-tables -O2 -I generated/c, then set
 *        EI_OSABI (byte 7) to 17.
 *
 * A guest defines `int main(const unsigned char *ad, size_t len)`.
 */
#ifndef GUEST_H
#define GUEST_H

#include <cloudabi_syscalls_info.h>
#include <cloudabi_types.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int64_t i64;

/* System calls, numbered in the ABI's order. */
#define SYSCALL_NUMBER(name) SYS_##name,
enum { CLOUDABI_SYSCALL_NAMES(SYSCALL_NUMBER) NSYSCALLS };

#define SYSCALL_NAME(name) #name,
static const char *const syscall_names[NSYSCALLS] = {
    CLOUDABI_SYSCALL_NAMES(SYSCALL_NAME)
};

/* The type of each call, as cloudabi_syscalls.h declares it. */
#define SYSCALL_TYPE(name)                                                   \
    typedef CLOUDABI_SYSCALL_RETURNS_##name(cloudabi_errno_t, void)          \
        sys_##name##_t(CLOUDABI_SYSCALL_HAS_PARAMETERS_##name(               \
            CLOUDABI_SYSCALL_PARAMETERS_##name, void));
CLOUDABI_SYSCALL_NAMES(SYSCALL_TYPE)

/* The table the vDSO fills: slot i is call i, reached by name and type. */
#define SYSCALL_FIELD(name) sys_##name##_t *name;
static union {
    void *slot[NSYSCALLS];
    struct { CLOUDABI_SYSCALL_NAMES(SYSCALL_FIELD) } fn;
} syscalls;
_Static_assert(sizeof syscalls.fn == sizeof syscalls.slot, "one slot per call");

#define SYS(name) (syscalls.fn.name)

static cloudabi_errno_t default_syscall(void) { return CLOUDABI_ENOSYS; }

static inline cloudabi_lookup_t lookup(cloudabi_fd_t fd, int follow) {
    cloudabi_lookup_t l = { fd, follow ? CLOUDABI_LOOKUP_SYMLINK_FOLLOW : 0 };
    return l;
}

/* gcc may emit calls to these even when freestanding. */
void *memcpy(void *d, const void *s, size_t n) { u8 *o = d; const u8 *i = s; while (n--) *o++ = *i++; return d; }
void *memset(void *d, int c, size_t n) { u8 *o = d; while (n--) *o++ = (u8)c; return d; }
static inline size_t slen(const char *s) { size_t n = 0; while (s[n]) n++; return n; }
static inline int seq_(const char *a, const char *b, size_t blen) {
    size_t i = 0;
    for (; i < blen; i++) if (a[i] != b[i]) return 0;
    return a[i] == 0;
}

__attribute__((noreturn)) static void exit_(u32 code) {
    SYS(proc_exit)(code);
    for (;;) {}
}

static inline cloudabi_errno_t write_all(cloudabi_fd_t fd, const void *buf, size_t len) {
    while (len > 0) {
        cloudabi_ciovec_t iov = { buf, len };
        size_t n = 0;
        cloudabi_errno_t e = SYS(fd_write)(fd, &iov, 1, &n);
        if (e) return e;
        buf = (const u8 *)buf + n;
        len -= n;
    }
    return 0;
}

static inline void puts_(cloudabi_fd_t fd, const char *s) { write_all(fd, s, slen(s)); }

static inline void putu_(cloudabi_fd_t fd, u64 v) {
    char b[24]; int i = 23; b[i] = 0;
    do { b[--i] = (char)('0' + v % 10); v /= 10; } while (v);
    puts_(fd, b + i);
}

/* ---- Argdata reading (just enough for the tests) ---- */

struct ad { const u8 *p; size_t n; };

/* Reads one length-prefixed subfield of a seq or map; 0 at the end. */
static inline int ad_next(struct ad *it, struct ad *out) {
    size_t len = 0;
    for (;;) {
        if (it->n == 0) return 0;
        u8 b = *it->p++; it->n--;
        len = (len << 7) | (b & 0x7f);
        if (b & 0x80) break;
    }
    if (len > it->n) return 0;
    out->p = it->p; out->n = len;
    it->p += len; it->n -= len;
    return 1;
}

static inline int ad_iter(struct ad v, u8 tag, struct ad *it) {
    if (v.n < 1 || v.p[0] != tag) return 0;
    it->p = v.p + 1; it->n = v.n - 1;
    return 1;
}

static inline int ad_str(struct ad v, const char **s, size_t *len) {
    if (v.n < 2 || v.p[0] != 8 || v.p[v.n - 1] != 0) return 0;
    *s = (const char *)v.p + 1; *len = v.n - 2;
    return 1;
}

static inline int ad_fd(struct ad v, cloudabi_fd_t *fd) {
    if (v.n != 5 || v.p[0] != 3) return 0;
    *fd = ((u32)v.p[1] << 24) | ((u32)v.p[2] << 16) | ((u32)v.p[3] << 8) | v.p[4];
    return 1;
}

static inline int ad_int(struct ad v, i64 *out) {
    if (v.n < 1 || v.p[0] != 5 || v.n > 9) return 0;
    i64 x = (v.n > 1 && (v.p[1] & 0x80)) ? -1 : 0;
    for (size_t i = 1; i < v.n; i++) x = (i64)(((u64)x << 8) | v.p[i]);
    *out = x;
    return 1;
}

/* Looks up string key `key` in map `m`. */
static inline int ad_get(struct ad m, const char *key, struct ad *out) {
    struct ad it, k, v;
    if (!ad_iter(m, 6, &it)) return 0;
    while (ad_next(&it, &k) && ad_next(&it, &v)) {
        const char *s; size_t n;
        if (ad_str(k, &s, &n) && seq_(key, s, n)) { *out = v; return 1; }
    }
    return 0;
}

/* An integer under `key`, or `dflt`. */
static inline i64 ad_get_int(struct ad m, const char *key, i64 dflt) {
    struct ad v;
    i64 x;
    return ad_get(m, key, &v) && ad_int(v, &x) ? x : dflt;
}

/* ---- Start-up ---- */

/* ELF (not CloudABI) structures and numbers the start-up walks. */
struct phdr { u32 type, flags; u64 offset, vaddr, paddr, filesz, memsz, align; };
struct dyn { i64 tag; u64 val; };
struct rela { u64 offset, info; i64 addend; };
struct sym { u32 name; u8 info, other; u16 shndx; u64 value, size; };
enum { PT_DYNAMIC = 2, DT_HASH = 4, DT_STRTAB = 5, DT_SYMTAB = 6, DT_RELA = 7, DT_RELASZ = 8 };
enum { R_X86_64_RELATIVE = 8, STB_GLOBAL_STT_FUNC = 0x12 };

int main(const u8 *ad, size_t len);

static void relocate(u64 base, const struct phdr *ph, u64 phnum) {
    const struct dyn *d = 0;
    for (u64 i = 0; i < phnum; i++)
        if (ph[i].type == PT_DYNAMIC) d = (const struct dyn *)(base + ph[i].vaddr);
    if (!d) return;
    const struct rela *rela = 0; u64 relasz = 0;
    for (; d->tag; d++) {
        if (d->tag == DT_RELA) rela = (const struct rela *)(base + d->val);
        if (d->tag == DT_RELASZ) relasz = d->val;
    }
    for (u64 i = 0; rela && i < relasz / sizeof *rela; i++)
        if ((rela[i].info & 0xffffffff) == R_X86_64_RELATIVE)
            *(u64 *)(base + rela[i].offset) = base + (u64)rela[i].addend;
}

static void link_vdso(u64 vdso) {
    const u8 *eh = (const u8 *)vdso;
    const struct phdr *ph = (const struct phdr *)(vdso + *(const u64 *)(eh + 32));
    u16 phnum = *(const u16 *)(eh + 56);
    const u32 *hash = 0; const char *str = 0; const struct sym *sym = 0;
    for (u16 i = 0; i < phnum; i++) {
        if (ph[i].type != PT_DYNAMIC) continue;
        for (const struct dyn *d = (const struct dyn *)(vdso + ph[i].vaddr); d->tag; d++) {
            if (d->tag == DT_HASH) hash = (const u32 *)(vdso + d->val);
            if (d->tag == DT_STRTAB) str = (const char *)(vdso + d->val);
            if (d->tag == DT_SYMTAB) sym = (const struct sym *)(vdso + d->val);
        }
    }
    if (!hash || !str || !sym) return;
    for (u32 i = 0; i < hash[1]; i++) {
        const char *name = str + sym[i].name;
        if (sym[i].name == 0 || sym[i].info != STB_GLOBAL_STT_FUNC || (sym[i].other & 3) != 0) continue;
        int prefixed = 1;
        for (int j = 0; j < 13; j++) if (name[j] != "cloudabi_sys_"[j]) prefixed = 0;
        if (!prefixed) continue;
        for (int k = 0; k < NSYSCALLS; k++)
            if (seq_(syscall_names[k], name + 13, slen(name + 13)))
                syscalls.slot[k] = (void *)(vdso + sym[i].value);
    }
}

/* What _start found in the auxiliary vector, for guests that need more. */
static cloudabi_tid_t initial_tid = 1;
static const void *initial_vdso __attribute__((unused));

__attribute__((noreturn, used)) void _start(const cloudabi_auxv_t *auxv) {
    u64 base = 0, phdr = 0, phnum = 0, vdso = 0, ad = 0, adlen = 0, tid = 1;
    for (; auxv->a_type != CLOUDABI_AT_NULL; auxv++) {
        switch (auxv->a_type) {
        case CLOUDABI_AT_BASE: base = (u64)auxv->a_ptr; break;
        case CLOUDABI_AT_PHDR: phdr = (u64)auxv->a_ptr; break;
        case CLOUDABI_AT_PHNUM: phnum = auxv->a_val; break;
        case CLOUDABI_AT_SYSINFO_EHDR: vdso = (u64)auxv->a_ptr; break;
        case CLOUDABI_AT_ARGDATA: ad = (u64)auxv->a_ptr; break;
        case CLOUDABI_AT_ARGDATALEN: adlen = auxv->a_val; break;
        case CLOUDABI_AT_TID: tid = auxv->a_val; break;
        }
    }
    relocate(base, (const struct phdr *)phdr, phnum);
    initial_tid = (cloudabi_tid_t)tid;
    initial_vdso = (const void *)vdso;
    for (int k = 0; k < NSYSCALLS; k++) syscalls.slot[k] = (void *)default_syscall;
    if (vdso) link_vdso(vdso);
    exit_((u32)main((const u8 *)ad, adlen));
}

#endif

/*
 * Start-up and system-call plumbing for freestanding CloudABI test guests,
 * following the conventions of cloudlibc's crt0: _start(auxv) is entered as a
 * normal call with the auxiliary vector in %rdi; the program relocates itself
 * (R_X86_64_RELATIVE only), finds the vDSO through AT_SYSINFO_EHDR and fills
 * its system-call table from the vDSO's dynamic symbols (DT_HASH nchain,
 * DT_STRTAB, DT_SYMTAB, all offsets from the vDSO base), then reads its
 * Argdata from AT_ARGDATA/AT_ARGDATALEN.
 *
 * Build: gcc -nostdlib -ffreestanding -fPIE -static-pie -fno-stack-protector
 *        -fno-asynchronous-unwind-tables -O2, then set EI_OSABI (byte 7) to 17.
 *
 * A guest defines `int main(const unsigned char *ad, size_t len)`.
 */
#ifndef GUEST_H
#define GUEST_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long u64;
typedef long i64;
typedef unsigned long size_t;

/* System calls, numbered in the ABI's (alphabetical) order. */
enum {
    SYS_clock_res_get, SYS_clock_time_get, SYS_condvar_signal, SYS_fd_close,
    SYS_fd_create1, SYS_fd_create2, SYS_fd_datasync, SYS_fd_dup, SYS_fd_pread,
    SYS_fd_pwrite, SYS_fd_read, SYS_fd_replace, SYS_fd_seek, SYS_fd_stat_get,
    SYS_fd_stat_put, SYS_fd_sync, SYS_fd_write, SYS_file_advise,
    SYS_file_allocate, SYS_file_create, SYS_file_link, SYS_file_open,
    SYS_file_readdir, SYS_file_readlink, SYS_file_rename, SYS_file_stat_fget,
    SYS_file_stat_fput, SYS_file_stat_get, SYS_file_stat_put, SYS_file_symlink,
    SYS_file_unlink, SYS_lock_unlock, SYS_mem_advise, SYS_mem_map,
    SYS_mem_protect, SYS_mem_sync, SYS_mem_unmap, SYS_poll, SYS_proc_exec,
    SYS_proc_exit, SYS_proc_fork, SYS_proc_raise, SYS_random_get,
    SYS_sock_recv, SYS_sock_send, SYS_sock_shutdown, SYS_thread_create,
    SYS_thread_exit, SYS_thread_yield, NSYSCALLS
};

static const char *const syscall_names[NSYSCALLS] = {
    "clock_res_get", "clock_time_get", "condvar_signal", "fd_close",
    "fd_create1", "fd_create2", "fd_datasync", "fd_dup", "fd_pread",
    "fd_pwrite", "fd_read", "fd_replace", "fd_seek", "fd_stat_get",
    "fd_stat_put", "fd_sync", "fd_write", "file_advise", "file_allocate",
    "file_create", "file_link", "file_open", "file_readdir", "file_readlink",
    "file_rename", "file_stat_fget", "file_stat_fput", "file_stat_get",
    "file_stat_put", "file_symlink", "file_unlink", "lock_unlock",
    "mem_advise", "mem_map", "mem_protect", "mem_sync", "mem_unmap", "poll",
    "proc_exec", "proc_exit", "proc_fork", "proc_raise", "random_get",
    "sock_recv", "sock_send", "sock_shutdown", "thread_create",
    "thread_exit", "thread_yield",
};

static u16 default_syscall(void) { return 52; /* ENOSYS */ }

static void *syscalls[NSYSCALLS];

typedef u16 (*sysfn)();
#define SYS(name) ((sysfn)syscalls[SYS_##name])

/* The few ABI values these guests use. */
#define FILETYPE_DIRECTORY 0x20
#define FILETYPE_REGULAR_FILE 0x60
#define RIGHT_FD_READ 0x2UL
#define RIGHT_FD_SEEK 0x4UL
#define RIGHT_FD_WRITE 0x40UL
#define RIGHT_FILE_OPEN 0x4000UL
#define RIGHT_FILE_READDIR 0x8000UL
#define OFLAG_CREAT 0x1
#define OFLAG_DIRECTORY 0x2
#define OFLAG_EXCL 0x4
#define OFLAG_TRUNC 0x8
#define FDSTAT_FLAGS 0x1
#define FDSTAT_RIGHTS 0x2

struct ciovec { const void *buf; size_t len; };
struct iovec { void *buf; size_t len; };
struct fdstat { u8 filetype; u8 pad; u16 flags; u32 pad2; u64 rights_base; u64 rights_inheriting; };
struct dirent { u64 next; u64 ino; u32 namlen; u8 type; u8 pad[3]; };
struct filestat { u64 dev, ino; u8 filetype; u8 pad[3]; u32 nlink; u64 size, atim, mtim, ctim; };
/* `lookup` is passed by value: the fd in the low half, flags in the high. */
static inline u64 lookup(u32 fd, u32 follow) { return (u64)fd | ((u64)follow << 32); }

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

static inline u16 write_all(u32 fd, const void *buf, size_t len) {
    while (len > 0) {
        struct ciovec iov = { buf, len };
        size_t n = 0;
        u16 e = SYS(fd_write)(fd, &iov, (size_t)1, &n);
        if (e) return e;
        buf = (const u8 *)buf + n;
        len -= n;
    }
    return 0;
}

static inline void puts_(u32 fd, const char *s) { write_all(fd, s, slen(s)); }

static inline void putu_(u32 fd, u64 v) {
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

static inline int ad_fd(struct ad v, u32 *fd) {
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

/* ---- Start-up ---- */

struct auxv { u32 type; u32 pad; u64 value; };
struct phdr { u32 type, flags; u64 offset, vaddr, paddr, filesz, memsz, align; };
struct dyn { i64 tag; u64 val; };
struct rela { u64 offset, info; i64 addend; };
struct sym { u32 name; u8 info, other; u16 shndx; u64 value, size; };

int main(const u8 *ad, size_t len);

static void relocate(u64 base, const struct phdr *ph, u64 phnum) {
    const struct dyn *d = 0;
    for (u64 i = 0; i < phnum; i++)
        if (ph[i].type == 2) d = (const struct dyn *)(base + ph[i].vaddr);
    if (!d) return;
    const struct rela *rela = 0; u64 relasz = 0;
    for (; d->tag; d++) {
        if (d->tag == 7) rela = (const struct rela *)(base + d->val);
        if (d->tag == 8) relasz = d->val;
    }
    for (u64 i = 0; rela && i < relasz / sizeof *rela; i++)
        if ((rela[i].info & 0xffffffff) == 8 /* R_X86_64_RELATIVE */)
            *(u64 *)(base + rela[i].offset) = base + (u64)rela[i].addend;
}

static void link_vdso(u64 vdso) {
    const u8 *eh = (const u8 *)vdso;
    const struct phdr *ph = (const struct phdr *)(vdso + *(const u64 *)(eh + 32));
    u16 phnum = *(const u16 *)(eh + 56);
    const u32 *hash = 0; const char *str = 0; const struct sym *sym = 0;
    for (u16 i = 0; i < phnum; i++) {
        if (ph[i].type != 2) continue;
        for (const struct dyn *d = (const struct dyn *)(vdso + ph[i].vaddr); d->tag; d++) {
            if (d->tag == 4) hash = (const u32 *)(vdso + d->val);
            if (d->tag == 5) str = (const char *)(vdso + d->val);
            if (d->tag == 6) sym = (const struct sym *)(vdso + d->val);
        }
    }
    if (!hash || !str || !sym) return;
    for (u32 i = 0; i < hash[1]; i++) {
        const char *name = str + sym[i].name;
        if (sym[i].name == 0 || sym[i].info != 0x12 || (sym[i].other & 3) != 0) continue;
        int prefixed = 1;
        for (int j = 0; j < 13; j++) if (name[j] != "cloudabi_sys_"[j]) prefixed = 0;
        if (!prefixed) continue;
        for (int k = 0; k < NSYSCALLS; k++)
            if (seq_(syscall_names[k], name + 13, slen(name + 13)))
                syscalls[k] = (void *)(vdso + sym[i].value);
    }
}

__attribute__((noreturn, used)) void _start(const struct auxv *auxv) {
    u64 base = 0, phdr = 0, phnum = 0, vdso = 0, ad = 0, adlen = 0;
    for (; auxv->type != 0; auxv++) {
        switch (auxv->type) {
        case 7: base = auxv->value; break;
        case 3: phdr = auxv->value; break;
        case 4: phnum = auxv->value; break;
        case 262: vdso = auxv->value; break;
        case 256: ad = auxv->value; break;
        case 257: adlen = auxv->value; break;
        }
    }
    relocate(base, (const struct phdr *)phdr, phnum);
    for (int k = 0; k < NSYSCALLS; k++) syscalls[k] = (void *)default_syscall;
    if (vdso) link_vdso(vdso);
    exit_((u32)main((const u8 *)ad, adlen));
}

#endif

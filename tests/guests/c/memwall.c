/* The memory the guest does not own stays out of its reach: the vDSO, the
 * emulator's code behind it, the start-up data (Argdata) and the thread's
 * stack can be neither mapped over (MAP_FIXED), nor unmapped, nor
 * protected, nor synced; the guest's own memory next to them can. Each
 * line is "<what> <errno>"; the last, "alive 0", shows the vDSO still
 * works after all of it.
 *
 * Argdata: {out: fd}. */
#include "guest.h"

static cloudabi_fd_t out;

static void line(const char *what, cloudabi_errno_t e) {
    puts_(out, what);
    puts_(out, " ");
    putu_(out, e);
    puts_(out, "\n");
}

#define PAGE 4096
#define RW (CLOUDABI_PROT_READ | CLOUDABI_PROT_WRITE)

static cloudabi_errno_t fixed(const void *at) {
    void *p = 0;
    uintptr_t page = (uintptr_t)at & ~(uintptr_t)(PAGE - 1);
    return SYS(mem_map)((void *)page, PAGE, RW,
                        CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE | CLOUDABI_MAP_FIXED,
                        CLOUDABI_MAP_ANON_FD, 0, &p);
}

static void *page_of(const void *at) { return (void *)((uintptr_t)at & ~(uintptr_t)(PAGE - 1)); }

static void wall(const char *name, const void *at) {
    char buf[64];
    size_t n = slen(name);
    memcpy(buf, name, n);
    memcpy(buf + n, "_fixed", 7);
    line(buf, fixed(at));
    memcpy(buf + n, "_unmap", 7);
    line(buf, SYS(mem_unmap)(page_of(at), PAGE));
    memcpy(buf + n, "_protect", 9);
    line(buf, SYS(mem_protect)(page_of(at), PAGE, 0));
    memcpy(buf + n, "_advise", 8);
    line(buf, SYS(mem_advise)(page_of(at), PAGE, CLOUDABI_ADVICE_DONTNEED));
    memcpy(buf + n, "_sync", 6);
    line(buf, SYS(mem_sync)(page_of(at), PAGE, CLOUDABI_MS_SYNC));
}

int main(const u8 *ad, size_t len) {
    struct ad root = { ad, len }, v;
    if (!ad_get(root, "out", &v) || !ad_fd(v, &out)) return 2;
    int local = 0;
    wall("vdso", initial_vdso);
    wall("emulator", (const void *)SYS(fd_write));
    wall("argdata", ad);
    wall("stack", &local);
    /* A span that starts in the guest's own memory and runs into the vDSO
     * changes nothing. */
    u8 *mine = 0;
    SYS(mem_map)(0, PAGE, RW, CLOUDABI_MAP_ANON | CLOUDABI_MAP_PRIVATE, CLOUDABI_MAP_ANON_FD, 0,
                 (void **)&mine);
    mine[0] = 5;
    line("own", mine[0] == 5 ? 0 : 1);
    line("alive", write_all(out, "", 0) | SYS(fd_write)(out, &(cloudabi_ciovec_t){ "", 0 }, 1,
                                                          &(size_t){ 0 }));
    return 0;
}

/*
 * Behaviour of the i686_on_64bit stubs (32-bit code, 64-bit kernel) against a fake
 * kernel (see sud.h). Kernel convention: number in eax, in ecx the address of a buffer
 * holding each argument as a 64-bit value, `int $0x80`; the errno in eax (0 on
 * success; the carry flag means nothing), the results in the buffer's first two slots.
 *
 * The fake kernel sets the carry flag opposite to the outcome, to show the stubs do not
 * look at it, and fills the result slots with junk on failure.
 *
 * The prototypes are those of cloudabi_syscalls.h with the types spelled out. The
 * syscall numbers are the ABI's.
 */
#include "sud.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef uint16_t errno_t;

struct lookup {
	uint32_t fd;
	uint32_t flags;
};

struct iovec {
	void *buf;
	size_t buf_len;
};

errno_t cloudabi_sys_clock_time_get(uint32_t clock_id, uint64_t precision, uint64_t *time);
errno_t cloudabi_sys_fd_close(uint32_t fd);
errno_t cloudabi_sys_fd_create2(uint8_t type, uint32_t *fd1, uint32_t *fd2);
errno_t cloudabi_sys_fd_pread(uint32_t fd, const struct iovec *iovs, size_t iovs_len,
    uint64_t offset, size_t *nread);
errno_t cloudabi_sys_fd_seek(uint32_t fd, int64_t offset, uint8_t whence,
    uint64_t *newoffset);
errno_t cloudabi_sys_file_link(struct lookup fd1, const char *path1, size_t path1_len,
    uint32_t fd2, const char *path2, size_t path2_len);
errno_t cloudabi_sys_mem_map(void *addr, size_t len, uint8_t prot, uint8_t flags,
    uint32_t fd, uint64_t off, void **mem);
errno_t cloudabi_sys_proc_fork(uint32_t *fd, uint32_t *tid);
errno_t cloudabi_sys_thread_yield(void);
_Noreturn void cloudabi_sys_proc_exit(uint32_t rval);

struct out32 {
	uint32_t value;
	uint32_t guard;
};
struct out64 {
	uint64_t value;
	uint64_t guard;
};

#define SENTINEL32 0xc0ffee11u
#define SENTINEL64 0xc0ffee11c0ffee11ull
#define GUARD32 0x99999999u
#define GUARD64 0x9999999999999999ull
#define JUNK_SLOT 0x6666666666666666ull

static struct reply ok_with(uint64_t slot0, uint64_t slot1)
{
	struct reply r = {{0, 0x7777777777777777ull}, 1, 1, {slot0, slot1}};
	return r;
}

static struct reply failure(uint64_t errno_value)
{
	struct reply r = {{errno_value, 0x7777777777777777ull}, 0, 1, {JUNK_SLOT, JUNK_SLOT}};
	return r;
}

/* The buffer lives in the stub's own stack frame: ecx is the stack pointer. */
static void check_buffer_on_stack(const char *test)
{
	check_eq(test, "ecx (buffer) == esp", trap.args[1], trap.sp);
}

static void fd_close(void)
{
	struct reply r = ok_with(0, 0);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_fd_close(7);
	sud_disarm();
	CHECK_TRAP(3);
	check_buffer_on_stack(__func__);
	CHECK("slot 0 (fd)", trap.slots[0], 7);
	CHECK("return value", e, 0);

	r = failure(9);
	sud_arm(&r);
	e = cloudabi_sys_fd_close(8);
	sud_disarm();
	CHECK_TRAP(3);
	CHECK("return value on failure", e, 9);
}

static void thread_yield(void)
{
	struct reply r = ok_with(0, 0);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_thread_yield();
	sud_disarm();
	CHECK_TRAP(48);
	check_buffer_on_stack(__func__);
	CHECK("return value", e, 0);
}

/* A 64-bit input takes one slot; a 64-bit output comes from slot 0. */
static void clock_time_get(void)
{
	struct out64 time = {SENTINEL64, GUARD64};
	struct reply r = ok_with(0xfedcba9876543210ull, JUNK_SLOT);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_clock_time_get(3, 0x0123456789abcdefull, &time.value);
	sud_disarm();
	CHECK_TRAP(1);
	check_buffer_on_stack(__func__);
	CHECK("slot 0 (clock_id)", trap.slots[0], 3);
	CHECK("slot 1 (precision)", trap.slots[1], 0x0123456789abcdefull);
	CHECK("return value", e, 0);
	CHECK("*time", time.value, 0xfedcba9876543210ull);
	CHECK("guard after *time", time.guard, GUARD64);

	r = failure(28);
	sud_arm(&r);
	e = cloudabi_sys_clock_time_get(3, 1, &time.value);
	sud_disarm();
	CHECK("return value on failure", e, 28);
	CHECK("*time untouched on failure", time.value, 0xfedcba9876543210ull);
}

/* Two 32-bit outputs, from the low halves of slots 0 and 1. */
static void fd_create2(void)
{
	struct out32 fd1 = {SENTINEL32, GUARD32}, fd2 = {SENTINEL32, GUARD32};
	struct reply r = ok_with(0xaaaaaaaa00000011ull, 0xbbbbbbbb00000022ull);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_fd_create2(6, &fd1.value, &fd2.value);
	sud_disarm();
	CHECK_TRAP(5);
	CHECK("slot 0 (type)", trap.slots[0], 6);
	CHECK("return value", e, 0);
	CHECK("*fd1", fd1.value, 0x11);
	CHECK("*fd2", fd2.value, 0x22);
	CHECK("guard after *fd1", fd1.guard, GUARD32);
	CHECK("guard after *fd2", fd2.guard, GUARD32);

	r = failure(24);
	sud_arm(&r);
	e = cloudabi_sys_fd_create2(6, &fd1.value, &fd2.value);
	sud_disarm();
	CHECK("return value on failure", e, 24);
	CHECK("*fd1 untouched on failure", fd1.value, 0x11);
	CHECK("*fd2 untouched on failure", fd2.value, 0x22);
}

static void proc_fork(void)
{
	struct out32 fd = {SENTINEL32, GUARD32}, tid = {SENTINEL32, GUARD32};
	struct reply r = ok_with(5, 1234);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_proc_fork(&fd.value, &tid.value);
	sud_disarm();
	CHECK_TRAP(40);
	check_buffer_on_stack(__func__);
	CHECK("return value", e, 0);
	CHECK("*fd", fd.value, 5);
	CHECK("*tid", tid.value, 1234);
}

/* A negative 64-bit input and a byte; the output is a 64-bit value. */
static void fd_seek(void)
{
	struct out64 newoffset = {SENTINEL64, GUARD64};
	struct reply r = ok_with(0x0000001122334455ull, JUNK_SLOT);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_fd_seek(4, -2, 1, &newoffset.value);
	sud_disarm();
	CHECK_TRAP(12);
	CHECK("slot 0 (fd)", trap.slots[0], 4);
	CHECK("slot 1 (offset)", trap.slots[1], (uint64_t)-2);
	CHECK("slot 2 (whence)", trap.slots[2], 1);
	CHECK("return value", e, 0);
	CHECK("*newoffset", newoffset.value, 0x0000001122334455ull);
	CHECK("guard after *newoffset", newoffset.guard, GUARD64);
}

/* Pointers and size_t are zero-extended; the size_t output takes the low half of its
 * 64-bit slot. */
static void fd_pread(void)
{
	struct out32 nread = {SENTINEL32, GUARD32};
	struct iovec iov[2];
	struct reply r = ok_with(0xffffffff00000005ull, JUNK_SLOT);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_fd_pread(9, iov, 0x80000002u, 0x1122334455667788ull, &nread.value);
	sud_disarm();
	CHECK_TRAP(8);
	CHECK("slot 0 (fd)", trap.slots[0], 9);
	CHECK("slot 1 (iovs)", trap.slots[1], (uintptr_t)iov);
	CHECK("slot 2 (iovs_len)", trap.slots[2], 0x80000002u);
	CHECK("slot 3 (offset)", trap.slots[3], 0x1122334455667788ull);
	CHECK("return value", e, 0);
	CHECK("*nread", nread.value, 5);
	CHECK("guard after *nread", nread.guard, GUARD32);
}

/* Six inputs, one a struct by value (two words on the stack). */
static void file_link(void)
{
	struct lookup from = {3, 1};
	static const char a[] = "a", b[] = "bb";
	struct reply r = ok_with(0, 0);
	errno_t e;

	sud_arm(&r);
	e = cloudabi_sys_file_link(from, a, 1, 5, b, 2);
	sud_disarm();
	CHECK_TRAP(20);
	CHECK("slot 0 (fd1, a lookup)", trap.slots[0], 3 | (uint64_t)1 << 32);
	CHECK("slot 1 (path1)", trap.slots[1], (uintptr_t)a);
	CHECK("slot 2 (path1_len)", trap.slots[2], 1);
	CHECK("slot 3 (fd2)", trap.slots[3], 5);
	CHECK("slot 4 (path2)", trap.slots[4], (uintptr_t)b);
	CHECK("slot 5 (path2_len)", trap.slots[5], 2);
	CHECK("return value", e, 0);
}

/* mem_map as a caller that leaves junk above the bytes of prot and flags, which C
 * allows: the stub must still hand the kernel clean 64-bit values. On i386 a uint8_t
 * and a uint32_t argument take the same stack word, so calling through this type
 * passes exactly that. */
typedef errno_t mem_map_wide(void *addr, size_t len, uint32_t prot, uint32_t flags,
    uint32_t fd, uint64_t off, void **mem);

static void mem_map(void)
{
	struct out32 mem = {SENTINEL32, GUARD32};
	mem_map_wide *wide = (mem_map_wide *)(void *)cloudabi_sys_mem_map;
	struct reply r = ok_with(0xdddddddd12345000ull, JUNK_SLOT);
	errno_t e;

	sud_arm(&r);
	e = wide((void *)0x10000, 0x3000, 0xabcdef03u, 0x12345612u, 0xffffffffu,
	    0x0000000100002000ull, (void **)&mem.value);
	sud_disarm();
	CHECK_TRAP(33);
	check_buffer_on_stack(__func__);
	CHECK("slot 0 (addr)", trap.slots[0], 0x10000);
	CHECK("slot 1 (len)", trap.slots[1], 0x3000);
	CHECK("slot 2 (prot, zero-extended)", trap.slots[2], 3);
	CHECK("slot 3 (flags, zero-extended)", trap.slots[3], 0x12);
	CHECK("slot 4 (fd)", trap.slots[4], 0xffffffffu);
	CHECK("slot 5 (off)", trap.slots[5], 0x0000000100002000ull);
	CHECK("return value", e, 0);
	CHECK("*mem", mem.value, 0x12345000);
	CHECK("guard after *mem", mem.guard, GUARD32);

	r = failure(12);
	sud_arm(&r);
	e = cloudabi_sys_mem_map(NULL, 1, 0, 0, 0, 0, (void **)&mem.value);
	sud_disarm();
	CHECK("return value on failure", e, 12);
	CHECK("*mem untouched on failure", mem.value, 0x12345000);
}

static void exit_42(void)
{
	cloudabi_sys_proc_exit(42);
}

int main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	/* In a child of its own: the stub must fault right after the trap. */
	check_noreturn("proc_exit", 39, 42, exit_42);

	sud_start();
	RUN(fd_close);
	RUN(thread_yield);
	RUN(clock_time_get);
	RUN(fd_create2);
	RUN(proc_fork);
	RUN(fd_seek);
	RUN(fd_pread);
	RUN(file_link);
	RUN(mem_map);
	return finish();
}

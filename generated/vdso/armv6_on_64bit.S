/* Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`. */

/*
 * CloudABI vDSO for armv6_on_64bit: one function cloudabi_sys_<name> per system call,
 * called with the C arguments, returning 0 or an errno.
 *
 * Kernel convention (32-bit process, 64-bit kernel): number in r0, the
 * address of a buffer holding each argument as a 64-bit value in r2,
 * `swi 0`; carry set on failure with the errno in r0 (0 on success), the
 * results in the first two 64-bit slots of the buffer.
 */

	.text
	.syntax	unified
	.arm

/* 0: clock_res_get(clock_id, out resolution) */
	.globl	cloudabi_sys_clock_res_get
	.type	cloudabi_sys_clock_res_get, %function
	.p2align	2
cloudabi_sys_clock_res_get:
	sub	sp, sp, #24
	str	r1, [sp, #0]
	str	r0, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #0
	add	r2, sp, #8
	swi	0
	ldrcc	r1, [sp, #0]
	ldrcc	r2, [sp, #8]
	strcc	r2, [r1]
	ldrcc	r2, [sp, #12]
	strcc	r2, [r1, #4]
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_clock_res_get, . - cloudabi_sys_clock_res_get

/* 1: clock_time_get(clock_id, precision, out time) */
	.globl	cloudabi_sys_clock_time_get
	.type	cloudabi_sys_clock_time_get, %function
	.p2align	2
cloudabi_sys_clock_time_get:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r2, [sp, #8]
	str	r3, [sp, #12]
	mov	r0, #1
	add	r2, sp, #0
	swi	0
	ldrcc	r1, [sp, #16]
	ldrcc	r2, [sp, #0]
	strcc	r2, [r1]
	ldrcc	r2, [sp, #4]
	strcc	r2, [r1, #4]
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_clock_time_get, . - cloudabi_sys_clock_time_get

/* 2: condvar_signal(condvar, scope, nwaiters) */
	.globl	cloudabi_sys_condvar_signal
	.type	cloudabi_sys_condvar_signal, %function
	.p2align	2
cloudabi_sys_condvar_signal:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	uxtb	ip, r1
	str	ip, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	mov	r0, #2
	add	r2, sp, #0
	swi	0
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_condvar_signal, . - cloudabi_sys_condvar_signal

/* 3: fd_close(fd) */
	.globl	cloudabi_sys_fd_close
	.type	cloudabi_sys_fd_close, %function
	.p2align	2
cloudabi_sys_fd_close:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	mov	r0, #3
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_fd_close, . - cloudabi_sys_fd_close

/* 4: fd_create1(type, out fd) */
	.globl	cloudabi_sys_fd_create1
	.type	cloudabi_sys_fd_create1, %function
	.p2align	2
cloudabi_sys_fd_create1:
	sub	sp, sp, #24
	str	r1, [sp, #0]
	uxtb	ip, r0
	str	ip, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #4
	add	r2, sp, #8
	swi	0
	ldrcc	r1, [sp, #0]
	ldrcc	r2, [sp, #8]
	strcc	r2, [r1]
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_fd_create1, . - cloudabi_sys_fd_create1

/* 5: fd_create2(type, out fd1, out fd2) */
	.globl	cloudabi_sys_fd_create2
	.type	cloudabi_sys_fd_create2, %function
	.p2align	2
cloudabi_sys_fd_create2:
	sub	sp, sp, #24
	str	r1, [sp, #0]
	str	r2, [sp, #4]
	uxtb	ip, r0
	str	ip, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #5
	add	r2, sp, #8
	swi	0
	ldrcc	r1, [sp, #0]
	ldrcc	r2, [sp, #8]
	strcc	r2, [r1]
	ldrcc	r1, [sp, #4]
	ldrcc	r2, [sp, #16]
	strcc	r2, [r1]
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_fd_create2, . - cloudabi_sys_fd_create2

/* 6: fd_datasync(fd) */
	.globl	cloudabi_sys_fd_datasync
	.type	cloudabi_sys_fd_datasync, %function
	.p2align	2
cloudabi_sys_fd_datasync:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	mov	r0, #6
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_fd_datasync, . - cloudabi_sys_fd_datasync

/* 7: fd_dup(from, out fd) */
	.globl	cloudabi_sys_fd_dup
	.type	cloudabi_sys_fd_dup, %function
	.p2align	2
cloudabi_sys_fd_dup:
	sub	sp, sp, #24
	str	r1, [sp, #0]
	str	r0, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #7
	add	r2, sp, #8
	swi	0
	ldrcc	r1, [sp, #0]
	ldrcc	r2, [sp, #8]
	strcc	r2, [r1]
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_fd_dup, . - cloudabi_sys_fd_dup

/* 8: fd_pread(fd, iovs, iovs_len, offset, out nread) */
	.globl	cloudabi_sys_fd_pread
	.type	cloudabi_sys_fd_pread, %function
	.p2align	2
cloudabi_sys_fd_pread:
	sub	sp, sp, #32
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	ldr	ip, [sp, #32]
	str	ip, [sp, #24]
	ldr	ip, [sp, #36]
	str	ip, [sp, #28]
	mov	r0, #8
	add	r2, sp, #0
	swi	0
	ldrcc	r1, [sp, #40]
	ldrcc	r2, [sp, #0]
	strcc	r2, [r1]
	add	sp, sp, #32
	bx	lr
	.size	cloudabi_sys_fd_pread, . - cloudabi_sys_fd_pread

/* 9: fd_pwrite(fd, iovs, iovs_len, offset, out nwritten) */
	.globl	cloudabi_sys_fd_pwrite
	.type	cloudabi_sys_fd_pwrite, %function
	.p2align	2
cloudabi_sys_fd_pwrite:
	sub	sp, sp, #32
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	ldr	ip, [sp, #32]
	str	ip, [sp, #24]
	ldr	ip, [sp, #36]
	str	ip, [sp, #28]
	mov	r0, #9
	add	r2, sp, #0
	swi	0
	ldrcc	r1, [sp, #40]
	ldrcc	r2, [sp, #0]
	strcc	r2, [r1]
	add	sp, sp, #32
	bx	lr
	.size	cloudabi_sys_fd_pwrite, . - cloudabi_sys_fd_pwrite

/* 10: fd_read(fd, iovs, iovs_len, out nread) */
	.globl	cloudabi_sys_fd_read
	.type	cloudabi_sys_fd_read, %function
	.p2align	2
cloudabi_sys_fd_read:
	sub	sp, sp, #32
	str	r3, [sp, #0]
	str	r0, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r1, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	str	r2, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	mov	r0, #10
	add	r2, sp, #8
	swi	0
	ldrcc	r1, [sp, #0]
	ldrcc	r2, [sp, #8]
	strcc	r2, [r1]
	add	sp, sp, #32
	bx	lr
	.size	cloudabi_sys_fd_read, . - cloudabi_sys_fd_read

/* 11: fd_replace(from, to) */
	.globl	cloudabi_sys_fd_replace
	.type	cloudabi_sys_fd_replace, %function
	.p2align	2
cloudabi_sys_fd_replace:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #11
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_fd_replace, . - cloudabi_sys_fd_replace

/* 12: fd_seek(fd, offset, whence, out newoffset) */
	.globl	cloudabi_sys_fd_seek
	.type	cloudabi_sys_fd_seek, %function
	.p2align	2
cloudabi_sys_fd_seek:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r2, [sp, #8]
	str	r3, [sp, #12]
	ldr	ip, [sp, #24]
	uxtb	ip, ip
	str	ip, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	mov	r0, #12
	add	r2, sp, #0
	swi	0
	ldrcc	r1, [sp, #28]
	ldrcc	r2, [sp, #0]
	strcc	r2, [r1]
	ldrcc	r2, [sp, #4]
	strcc	r2, [r1, #4]
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_fd_seek, . - cloudabi_sys_fd_seek

/* 13: fd_stat_get(fd, buf) */
	.globl	cloudabi_sys_fd_stat_get
	.type	cloudabi_sys_fd_stat_get, %function
	.p2align	2
cloudabi_sys_fd_stat_get:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #13
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_fd_stat_get, . - cloudabi_sys_fd_stat_get

/* 14: fd_stat_put(fd, buf, flags) */
	.globl	cloudabi_sys_fd_stat_put
	.type	cloudabi_sys_fd_stat_put, %function
	.p2align	2
cloudabi_sys_fd_stat_put:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	uxth	ip, r2
	str	ip, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	mov	r0, #14
	add	r2, sp, #0
	swi	0
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_fd_stat_put, . - cloudabi_sys_fd_stat_put

/* 15: fd_sync(fd) */
	.globl	cloudabi_sys_fd_sync
	.type	cloudabi_sys_fd_sync, %function
	.p2align	2
cloudabi_sys_fd_sync:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	mov	r0, #15
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_fd_sync, . - cloudabi_sys_fd_sync

/* 16: fd_write(fd, iovs, iovs_len, out nwritten) */
	.globl	cloudabi_sys_fd_write
	.type	cloudabi_sys_fd_write, %function
	.p2align	2
cloudabi_sys_fd_write:
	sub	sp, sp, #32
	str	r3, [sp, #0]
	str	r0, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r1, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	str	r2, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	mov	r0, #16
	add	r2, sp, #8
	swi	0
	ldrcc	r1, [sp, #0]
	ldrcc	r2, [sp, #8]
	strcc	r2, [r1]
	add	sp, sp, #32
	bx	lr
	.size	cloudabi_sys_fd_write, . - cloudabi_sys_fd_write

/* 17: file_advise(fd, offset, len, advice) */
	.globl	cloudabi_sys_file_advise
	.type	cloudabi_sys_file_advise, %function
	.p2align	2
cloudabi_sys_file_advise:
	sub	sp, sp, #32
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r2, [sp, #8]
	str	r3, [sp, #12]
	ldr	ip, [sp, #32]
	str	ip, [sp, #16]
	ldr	ip, [sp, #36]
	str	ip, [sp, #20]
	ldr	ip, [sp, #40]
	uxtb	ip, ip
	str	ip, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	mov	r0, #17
	add	r2, sp, #0
	swi	0
	add	sp, sp, #32
	bx	lr
	.size	cloudabi_sys_file_advise, . - cloudabi_sys_file_advise

/* 18: file_allocate(fd, offset, len) */
	.globl	cloudabi_sys_file_allocate
	.type	cloudabi_sys_file_allocate, %function
	.p2align	2
cloudabi_sys_file_allocate:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r2, [sp, #8]
	str	r3, [sp, #12]
	ldr	ip, [sp, #24]
	str	ip, [sp, #16]
	ldr	ip, [sp, #28]
	str	ip, [sp, #20]
	mov	r0, #18
	add	r2, sp, #0
	swi	0
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_file_allocate, . - cloudabi_sys_file_allocate

/* 19: file_create(fd, path, path_len, type) */
	.globl	cloudabi_sys_file_create
	.type	cloudabi_sys_file_create, %function
	.p2align	2
cloudabi_sys_file_create:
	sub	sp, sp, #32
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	uxtb	ip, r3
	str	ip, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	mov	r0, #19
	add	r2, sp, #0
	swi	0
	add	sp, sp, #32
	bx	lr
	.size	cloudabi_sys_file_create, . - cloudabi_sys_file_create

/* 20: file_link(fd1, path1, path1_len, fd2, path2, path2_len) */
	.globl	cloudabi_sys_file_link
	.type	cloudabi_sys_file_link, %function
	.p2align	2
cloudabi_sys_file_link:
	sub	sp, sp, #48
	str	r0, [sp, #0]
	str	r1, [sp, #4]
	str	r2, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r3, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	ldr	ip, [sp, #48]
	str	ip, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	ldr	ip, [sp, #52]
	str	ip, [sp, #32]
	mov	ip, #0
	str	ip, [sp, #36]
	ldr	ip, [sp, #56]
	str	ip, [sp, #40]
	mov	ip, #0
	str	ip, [sp, #44]
	mov	r0, #20
	add	r2, sp, #0
	swi	0
	add	sp, sp, #48
	bx	lr
	.size	cloudabi_sys_file_link, . - cloudabi_sys_file_link

/* 21: file_open(dirfd, path, path_len, oflags, fds, out fd) */
	.globl	cloudabi_sys_file_open
	.type	cloudabi_sys_file_open, %function
	.p2align	2
cloudabi_sys_file_open:
	sub	sp, sp, #40
	str	r0, [sp, #0]
	str	r1, [sp, #4]
	str	r2, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r3, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	ldr	ip, [sp, #40]
	uxth	ip, ip
	str	ip, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	ldr	ip, [sp, #44]
	str	ip, [sp, #32]
	mov	ip, #0
	str	ip, [sp, #36]
	mov	r0, #21
	add	r2, sp, #0
	swi	0
	ldrcc	r1, [sp, #48]
	ldrcc	r2, [sp, #0]
	strcc	r2, [r1]
	add	sp, sp, #40
	bx	lr
	.size	cloudabi_sys_file_open, . - cloudabi_sys_file_open

/* 22: file_readdir(fd, buf, buf_len, cookie, out bufused) */
	.globl	cloudabi_sys_file_readdir
	.type	cloudabi_sys_file_readdir, %function
	.p2align	2
cloudabi_sys_file_readdir:
	sub	sp, sp, #32
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	ldr	ip, [sp, #32]
	str	ip, [sp, #24]
	ldr	ip, [sp, #36]
	str	ip, [sp, #28]
	mov	r0, #22
	add	r2, sp, #0
	swi	0
	ldrcc	r1, [sp, #40]
	ldrcc	r2, [sp, #0]
	strcc	r2, [r1]
	add	sp, sp, #32
	bx	lr
	.size	cloudabi_sys_file_readdir, . - cloudabi_sys_file_readdir

/* 23: file_readlink(fd, path, path_len, buf, buf_len, out bufused) */
	.globl	cloudabi_sys_file_readlink
	.type	cloudabi_sys_file_readlink, %function
	.p2align	2
cloudabi_sys_file_readlink:
	sub	sp, sp, #40
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	str	r3, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	ldr	ip, [sp, #40]
	str	ip, [sp, #32]
	mov	ip, #0
	str	ip, [sp, #36]
	mov	r0, #23
	add	r2, sp, #0
	swi	0
	ldrcc	r1, [sp, #44]
	ldrcc	r2, [sp, #0]
	strcc	r2, [r1]
	add	sp, sp, #40
	bx	lr
	.size	cloudabi_sys_file_readlink, . - cloudabi_sys_file_readlink

/* 24: file_rename(fd1, path1, path1_len, fd2, path2, path2_len) */
	.globl	cloudabi_sys_file_rename
	.type	cloudabi_sys_file_rename, %function
	.p2align	2
cloudabi_sys_file_rename:
	sub	sp, sp, #48
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	str	r3, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	ldr	ip, [sp, #48]
	str	ip, [sp, #32]
	mov	ip, #0
	str	ip, [sp, #36]
	ldr	ip, [sp, #52]
	str	ip, [sp, #40]
	mov	ip, #0
	str	ip, [sp, #44]
	mov	r0, #24
	add	r2, sp, #0
	swi	0
	add	sp, sp, #48
	bx	lr
	.size	cloudabi_sys_file_rename, . - cloudabi_sys_file_rename

/* 25: file_stat_fget(fd, buf) */
	.globl	cloudabi_sys_file_stat_fget
	.type	cloudabi_sys_file_stat_fget, %function
	.p2align	2
cloudabi_sys_file_stat_fget:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #25
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_file_stat_fget, . - cloudabi_sys_file_stat_fget

/* 26: file_stat_fput(fd, buf, flags) */
	.globl	cloudabi_sys_file_stat_fput
	.type	cloudabi_sys_file_stat_fput, %function
	.p2align	2
cloudabi_sys_file_stat_fput:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	uxth	ip, r2
	str	ip, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	mov	r0, #26
	add	r2, sp, #0
	swi	0
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_file_stat_fput, . - cloudabi_sys_file_stat_fput

/* 27: file_stat_get(fd, path, path_len, buf) */
	.globl	cloudabi_sys_file_stat_get
	.type	cloudabi_sys_file_stat_get, %function
	.p2align	2
cloudabi_sys_file_stat_get:
	sub	sp, sp, #32
	str	r0, [sp, #0]
	str	r1, [sp, #4]
	str	r2, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r3, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	ldr	ip, [sp, #32]
	str	ip, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	mov	r0, #27
	add	r2, sp, #0
	swi	0
	add	sp, sp, #32
	bx	lr
	.size	cloudabi_sys_file_stat_get, . - cloudabi_sys_file_stat_get

/* 28: file_stat_put(fd, path, path_len, buf, flags) */
	.globl	cloudabi_sys_file_stat_put
	.type	cloudabi_sys_file_stat_put, %function
	.p2align	2
cloudabi_sys_file_stat_put:
	sub	sp, sp, #40
	str	r0, [sp, #0]
	str	r1, [sp, #4]
	str	r2, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r3, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	ldr	ip, [sp, #40]
	str	ip, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	ldr	ip, [sp, #44]
	uxth	ip, ip
	str	ip, [sp, #32]
	mov	ip, #0
	str	ip, [sp, #36]
	mov	r0, #28
	add	r2, sp, #0
	swi	0
	add	sp, sp, #40
	bx	lr
	.size	cloudabi_sys_file_stat_put, . - cloudabi_sys_file_stat_put

/* 29: file_symlink(path1, path1_len, fd, path2, path2_len) */
	.globl	cloudabi_sys_file_symlink
	.type	cloudabi_sys_file_symlink, %function
	.p2align	2
cloudabi_sys_file_symlink:
	sub	sp, sp, #40
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	str	r3, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	ldr	ip, [sp, #40]
	str	ip, [sp, #32]
	mov	ip, #0
	str	ip, [sp, #36]
	mov	r0, #29
	add	r2, sp, #0
	swi	0
	add	sp, sp, #40
	bx	lr
	.size	cloudabi_sys_file_symlink, . - cloudabi_sys_file_symlink

/* 30: file_unlink(fd, path, path_len, flags) */
	.globl	cloudabi_sys_file_unlink
	.type	cloudabi_sys_file_unlink, %function
	.p2align	2
cloudabi_sys_file_unlink:
	sub	sp, sp, #32
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	uxtb	ip, r3
	str	ip, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	mov	r0, #30
	add	r2, sp, #0
	swi	0
	add	sp, sp, #32
	bx	lr
	.size	cloudabi_sys_file_unlink, . - cloudabi_sys_file_unlink

/* 31: lock_unlock(lock, scope) */
	.globl	cloudabi_sys_lock_unlock
	.type	cloudabi_sys_lock_unlock, %function
	.p2align	2
cloudabi_sys_lock_unlock:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	uxtb	ip, r1
	str	ip, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #31
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_lock_unlock, . - cloudabi_sys_lock_unlock

/* 32: mem_advise(mapping, mapping_len, advice) */
	.globl	cloudabi_sys_mem_advise
	.type	cloudabi_sys_mem_advise, %function
	.p2align	2
cloudabi_sys_mem_advise:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	uxtb	ip, r2
	str	ip, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	mov	r0, #32
	add	r2, sp, #0
	swi	0
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_mem_advise, . - cloudabi_sys_mem_advise

/* 33: mem_map(addr, len, prot, flags, fd, off, out mem) */
	.globl	cloudabi_sys_mem_map
	.type	cloudabi_sys_mem_map, %function
	.p2align	2
cloudabi_sys_mem_map:
	sub	sp, sp, #48
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	uxtb	ip, r2
	str	ip, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	uxtb	ip, r3
	str	ip, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	ldr	ip, [sp, #48]
	str	ip, [sp, #32]
	mov	ip, #0
	str	ip, [sp, #36]
	ldr	ip, [sp, #56]
	str	ip, [sp, #40]
	ldr	ip, [sp, #60]
	str	ip, [sp, #44]
	mov	r0, #33
	add	r2, sp, #0
	swi	0
	ldrcc	r1, [sp, #64]
	ldrcc	r2, [sp, #0]
	strcc	r2, [r1]
	add	sp, sp, #48
	bx	lr
	.size	cloudabi_sys_mem_map, . - cloudabi_sys_mem_map

/* 34: mem_protect(mapping, mapping_len, prot) */
	.globl	cloudabi_sys_mem_protect
	.type	cloudabi_sys_mem_protect, %function
	.p2align	2
cloudabi_sys_mem_protect:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	uxtb	ip, r2
	str	ip, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	mov	r0, #34
	add	r2, sp, #0
	swi	0
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_mem_protect, . - cloudabi_sys_mem_protect

/* 35: mem_sync(mapping, mapping_len, flags) */
	.globl	cloudabi_sys_mem_sync
	.type	cloudabi_sys_mem_sync, %function
	.p2align	2
cloudabi_sys_mem_sync:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	uxtb	ip, r2
	str	ip, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	mov	r0, #35
	add	r2, sp, #0
	swi	0
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_mem_sync, . - cloudabi_sys_mem_sync

/* 36: mem_unmap(mapping, mapping_len) */
	.globl	cloudabi_sys_mem_unmap
	.type	cloudabi_sys_mem_unmap, %function
	.p2align	2
cloudabi_sys_mem_unmap:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #36
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_mem_unmap, . - cloudabi_sys_mem_unmap

/* 37: poll(in, out, nsubscriptions, out nevents) */
	.globl	cloudabi_sys_poll
	.type	cloudabi_sys_poll, %function
	.p2align	2
cloudabi_sys_poll:
	sub	sp, sp, #32
	str	r3, [sp, #0]
	str	r0, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r1, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	str	r2, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	mov	r0, #37
	add	r2, sp, #8
	swi	0
	ldrcc	r1, [sp, #0]
	ldrcc	r2, [sp, #8]
	strcc	r2, [r1]
	add	sp, sp, #32
	bx	lr
	.size	cloudabi_sys_poll, . - cloudabi_sys_poll

/* 38: proc_exec(fd, data, data_len, fds, fds_len) */
	.globl	cloudabi_sys_proc_exec
	.type	cloudabi_sys_proc_exec, %function
	.p2align	2
cloudabi_sys_proc_exec:
	sub	sp, sp, #40
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	str	r3, [sp, #24]
	mov	ip, #0
	str	ip, [sp, #28]
	ldr	ip, [sp, #40]
	str	ip, [sp, #32]
	mov	ip, #0
	str	ip, [sp, #36]
	mov	r0, #38
	add	r2, sp, #0
	swi	0
	add	sp, sp, #40
	bx	lr
	.size	cloudabi_sys_proc_exec, . - cloudabi_sys_proc_exec

/* 39: proc_exit(rval), noreturn */
	.globl	cloudabi_sys_proc_exit
	.type	cloudabi_sys_proc_exit, %function
	.p2align	2
cloudabi_sys_proc_exit:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	mov	r0, #39
	add	r2, sp, #0
	swi	0
	udf	#0
	.size	cloudabi_sys_proc_exit, . - cloudabi_sys_proc_exit

/* 40: proc_fork(out fd, out tid) */
	.globl	cloudabi_sys_proc_fork
	.type	cloudabi_sys_proc_fork, %function
	.p2align	2
cloudabi_sys_proc_fork:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	str	r1, [sp, #4]
	mov	r0, #40
	add	r2, sp, #8
	swi	0
	ldrcc	r1, [sp, #0]
	ldrcc	r2, [sp, #8]
	strcc	r2, [r1]
	ldrcc	r1, [sp, #4]
	ldrcc	r2, [sp, #16]
	strcc	r2, [r1]
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_proc_fork, . - cloudabi_sys_proc_fork

/* 41: proc_raise(sig) */
	.globl	cloudabi_sys_proc_raise
	.type	cloudabi_sys_proc_raise, %function
	.p2align	2
cloudabi_sys_proc_raise:
	sub	sp, sp, #16
	uxtb	ip, r0
	str	ip, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	mov	r0, #41
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_proc_raise, . - cloudabi_sys_proc_raise

/* 42: random_get(buf, buf_len) */
	.globl	cloudabi_sys_random_get
	.type	cloudabi_sys_random_get, %function
	.p2align	2
cloudabi_sys_random_get:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #42
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_random_get, . - cloudabi_sys_random_get

/* 43: sock_recv(sock, in, out) */
	.globl	cloudabi_sys_sock_recv
	.type	cloudabi_sys_sock_recv, %function
	.p2align	2
cloudabi_sys_sock_recv:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	mov	r0, #43
	add	r2, sp, #0
	swi	0
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_sock_recv, . - cloudabi_sys_sock_recv

/* 44: sock_send(sock, in, out) */
	.globl	cloudabi_sys_sock_send
	.type	cloudabi_sys_sock_send, %function
	.p2align	2
cloudabi_sys_sock_send:
	sub	sp, sp, #24
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	str	r1, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	str	r2, [sp, #16]
	mov	ip, #0
	str	ip, [sp, #20]
	mov	r0, #44
	add	r2, sp, #0
	swi	0
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_sock_send, . - cloudabi_sys_sock_send

/* 45: sock_shutdown(sock, how) */
	.globl	cloudabi_sys_sock_shutdown
	.type	cloudabi_sys_sock_shutdown, %function
	.p2align	2
cloudabi_sys_sock_shutdown:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	uxtb	ip, r1
	str	ip, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #45
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_sock_shutdown, . - cloudabi_sys_sock_shutdown

/* 46: thread_create(attr, out tid) */
	.globl	cloudabi_sys_thread_create
	.type	cloudabi_sys_thread_create, %function
	.p2align	2
cloudabi_sys_thread_create:
	sub	sp, sp, #24
	str	r1, [sp, #0]
	str	r0, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #46
	add	r2, sp, #8
	swi	0
	ldrcc	r1, [sp, #0]
	ldrcc	r2, [sp, #8]
	strcc	r2, [r1]
	add	sp, sp, #24
	bx	lr
	.size	cloudabi_sys_thread_create, . - cloudabi_sys_thread_create

/* 47: thread_exit(lock, scope), noreturn */
	.globl	cloudabi_sys_thread_exit
	.type	cloudabi_sys_thread_exit, %function
	.p2align	2
cloudabi_sys_thread_exit:
	sub	sp, sp, #16
	str	r0, [sp, #0]
	mov	ip, #0
	str	ip, [sp, #4]
	uxtb	ip, r1
	str	ip, [sp, #8]
	mov	ip, #0
	str	ip, [sp, #12]
	mov	r0, #47
	add	r2, sp, #0
	swi	0
	udf	#0
	.size	cloudabi_sys_thread_exit, . - cloudabi_sys_thread_exit

/* 48: thread_yield() */
	.globl	cloudabi_sys_thread_yield
	.type	cloudabi_sys_thread_yield, %function
	.p2align	2
cloudabi_sys_thread_yield:
	sub	sp, sp, #16
	mov	r0, #48
	add	r2, sp, #0
	swi	0
	add	sp, sp, #16
	bx	lr
	.size	cloudabi_sys_thread_yield, . - cloudabi_sys_thread_yield

	.section	.note.GNU-stack,"",%progbits

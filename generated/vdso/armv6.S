/* Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`. */

/*
 * CloudABI vDSO for armv6: one function cloudabi_sys_<name> per system call,
 * called with the C arguments, returning 0 or an errno.
 *
 * Kernel convention: number in ip, arguments where C put them (r0 to r3,
 * then the stack), `swi 0`; carry set on failure with the errno in r0,
 * otherwise the results in r0 and r1 (a 64-bit result takes both).
 */

	.text
	.syntax	unified
	.arm

/* 0: clock_res_get(clock_id, out resolution) */
	.globl	cloudabi_sys_clock_res_get
	.type	cloudabi_sys_clock_res_get, %function
	.p2align	2
cloudabi_sys_clock_res_get:
	str	r1, [sp, #-4]
	mov	ip, #0
	swi	0
	ldrcc	r2, [sp, #-4]
	strcc	r0, [r2]
	strcc	r1, [r2, #4]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_clock_res_get, . - cloudabi_sys_clock_res_get

/* 1: clock_time_get(clock_id, precision, out time) */
	.globl	cloudabi_sys_clock_time_get
	.type	cloudabi_sys_clock_time_get, %function
	.p2align	2
cloudabi_sys_clock_time_get:
	mov	ip, #1
	swi	0
	ldrcc	r2, [sp, #0]
	strcc	r0, [r2]
	strcc	r1, [r2, #4]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_clock_time_get, . - cloudabi_sys_clock_time_get

/* 2: condvar_signal(condvar, scope, nwaiters) */
	.globl	cloudabi_sys_condvar_signal
	.type	cloudabi_sys_condvar_signal, %function
	.p2align	2
cloudabi_sys_condvar_signal:
	mov	ip, #2
	swi	0
	bx	lr
	.size	cloudabi_sys_condvar_signal, . - cloudabi_sys_condvar_signal

/* 3: fd_close(fd) */
	.globl	cloudabi_sys_fd_close
	.type	cloudabi_sys_fd_close, %function
	.p2align	2
cloudabi_sys_fd_close:
	mov	ip, #3
	swi	0
	bx	lr
	.size	cloudabi_sys_fd_close, . - cloudabi_sys_fd_close

/* 4: fd_create1(type, out fd) */
	.globl	cloudabi_sys_fd_create1
	.type	cloudabi_sys_fd_create1, %function
	.p2align	2
cloudabi_sys_fd_create1:
	str	r1, [sp, #-4]
	mov	ip, #4
	swi	0
	ldrcc	r2, [sp, #-4]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_fd_create1, . - cloudabi_sys_fd_create1

/* 5: fd_create2(type, out fd1, out fd2) */
	.globl	cloudabi_sys_fd_create2
	.type	cloudabi_sys_fd_create2, %function
	.p2align	2
cloudabi_sys_fd_create2:
	str	r1, [sp, #-4]
	str	r2, [sp, #-8]
	mov	ip, #5
	swi	0
	ldrcc	r2, [sp, #-4]
	ldrcc	r3, [sp, #-8]
	strcc	r0, [r2]
	strcc	r1, [r3]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_fd_create2, . - cloudabi_sys_fd_create2

/* 6: fd_datasync(fd) */
	.globl	cloudabi_sys_fd_datasync
	.type	cloudabi_sys_fd_datasync, %function
	.p2align	2
cloudabi_sys_fd_datasync:
	mov	ip, #6
	swi	0
	bx	lr
	.size	cloudabi_sys_fd_datasync, . - cloudabi_sys_fd_datasync

/* 7: fd_dup(from, out fd) */
	.globl	cloudabi_sys_fd_dup
	.type	cloudabi_sys_fd_dup, %function
	.p2align	2
cloudabi_sys_fd_dup:
	str	r1, [sp, #-4]
	mov	ip, #7
	swi	0
	ldrcc	r2, [sp, #-4]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_fd_dup, . - cloudabi_sys_fd_dup

/* 8: fd_pread(fd, iovs, iovs_len, offset, out nread) */
	.globl	cloudabi_sys_fd_pread
	.type	cloudabi_sys_fd_pread, %function
	.p2align	2
cloudabi_sys_fd_pread:
	mov	ip, #8
	swi	0
	ldrcc	r2, [sp, #8]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_fd_pread, . - cloudabi_sys_fd_pread

/* 9: fd_pwrite(fd, iovs, iovs_len, offset, out nwritten) */
	.globl	cloudabi_sys_fd_pwrite
	.type	cloudabi_sys_fd_pwrite, %function
	.p2align	2
cloudabi_sys_fd_pwrite:
	mov	ip, #9
	swi	0
	ldrcc	r2, [sp, #8]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_fd_pwrite, . - cloudabi_sys_fd_pwrite

/* 10: fd_read(fd, iovs, iovs_len, out nread) */
	.globl	cloudabi_sys_fd_read
	.type	cloudabi_sys_fd_read, %function
	.p2align	2
cloudabi_sys_fd_read:
	str	r3, [sp, #-4]
	mov	ip, #10
	swi	0
	ldrcc	r2, [sp, #-4]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_fd_read, . - cloudabi_sys_fd_read

/* 11: fd_replace(from, to) */
	.globl	cloudabi_sys_fd_replace
	.type	cloudabi_sys_fd_replace, %function
	.p2align	2
cloudabi_sys_fd_replace:
	mov	ip, #11
	swi	0
	bx	lr
	.size	cloudabi_sys_fd_replace, . - cloudabi_sys_fd_replace

/* 12: fd_seek(fd, offset, whence, out newoffset) */
	.globl	cloudabi_sys_fd_seek
	.type	cloudabi_sys_fd_seek, %function
	.p2align	2
cloudabi_sys_fd_seek:
	mov	ip, #12
	swi	0
	ldrcc	r2, [sp, #4]
	strcc	r0, [r2]
	strcc	r1, [r2, #4]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_fd_seek, . - cloudabi_sys_fd_seek

/* 13: fd_stat_get(fd, buf) */
	.globl	cloudabi_sys_fd_stat_get
	.type	cloudabi_sys_fd_stat_get, %function
	.p2align	2
cloudabi_sys_fd_stat_get:
	mov	ip, #13
	swi	0
	bx	lr
	.size	cloudabi_sys_fd_stat_get, . - cloudabi_sys_fd_stat_get

/* 14: fd_stat_put(fd, buf, flags) */
	.globl	cloudabi_sys_fd_stat_put
	.type	cloudabi_sys_fd_stat_put, %function
	.p2align	2
cloudabi_sys_fd_stat_put:
	mov	ip, #14
	swi	0
	bx	lr
	.size	cloudabi_sys_fd_stat_put, . - cloudabi_sys_fd_stat_put

/* 15: fd_sync(fd) */
	.globl	cloudabi_sys_fd_sync
	.type	cloudabi_sys_fd_sync, %function
	.p2align	2
cloudabi_sys_fd_sync:
	mov	ip, #15
	swi	0
	bx	lr
	.size	cloudabi_sys_fd_sync, . - cloudabi_sys_fd_sync

/* 16: fd_write(fd, iovs, iovs_len, out nwritten) */
	.globl	cloudabi_sys_fd_write
	.type	cloudabi_sys_fd_write, %function
	.p2align	2
cloudabi_sys_fd_write:
	str	r3, [sp, #-4]
	mov	ip, #16
	swi	0
	ldrcc	r2, [sp, #-4]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_fd_write, . - cloudabi_sys_fd_write

/* 17: file_advise(fd, offset, len, advice) */
	.globl	cloudabi_sys_file_advise
	.type	cloudabi_sys_file_advise, %function
	.p2align	2
cloudabi_sys_file_advise:
	mov	ip, #17
	swi	0
	bx	lr
	.size	cloudabi_sys_file_advise, . - cloudabi_sys_file_advise

/* 18: file_allocate(fd, offset, len) */
	.globl	cloudabi_sys_file_allocate
	.type	cloudabi_sys_file_allocate, %function
	.p2align	2
cloudabi_sys_file_allocate:
	mov	ip, #18
	swi	0
	bx	lr
	.size	cloudabi_sys_file_allocate, . - cloudabi_sys_file_allocate

/* 19: file_create(fd, path, path_len, type) */
	.globl	cloudabi_sys_file_create
	.type	cloudabi_sys_file_create, %function
	.p2align	2
cloudabi_sys_file_create:
	mov	ip, #19
	swi	0
	bx	lr
	.size	cloudabi_sys_file_create, . - cloudabi_sys_file_create

/* 20: file_link(fd1, path1, path1_len, fd2, path2, path2_len) */
	.globl	cloudabi_sys_file_link
	.type	cloudabi_sys_file_link, %function
	.p2align	2
cloudabi_sys_file_link:
	mov	ip, #20
	swi	0
	bx	lr
	.size	cloudabi_sys_file_link, . - cloudabi_sys_file_link

/* 21: file_open(dirfd, path, path_len, oflags, fds, out fd) */
	.globl	cloudabi_sys_file_open
	.type	cloudabi_sys_file_open, %function
	.p2align	2
cloudabi_sys_file_open:
	mov	ip, #21
	swi	0
	ldrcc	r2, [sp, #8]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_file_open, . - cloudabi_sys_file_open

/* 22: file_readdir(fd, buf, buf_len, cookie, out bufused) */
	.globl	cloudabi_sys_file_readdir
	.type	cloudabi_sys_file_readdir, %function
	.p2align	2
cloudabi_sys_file_readdir:
	mov	ip, #22
	swi	0
	ldrcc	r2, [sp, #8]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_file_readdir, . - cloudabi_sys_file_readdir

/* 23: file_readlink(fd, path, path_len, buf, buf_len, out bufused) */
	.globl	cloudabi_sys_file_readlink
	.type	cloudabi_sys_file_readlink, %function
	.p2align	2
cloudabi_sys_file_readlink:
	mov	ip, #23
	swi	0
	ldrcc	r2, [sp, #4]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_file_readlink, . - cloudabi_sys_file_readlink

/* 24: file_rename(fd1, path1, path1_len, fd2, path2, path2_len) */
	.globl	cloudabi_sys_file_rename
	.type	cloudabi_sys_file_rename, %function
	.p2align	2
cloudabi_sys_file_rename:
	mov	ip, #24
	swi	0
	bx	lr
	.size	cloudabi_sys_file_rename, . - cloudabi_sys_file_rename

/* 25: file_stat_fget(fd, buf) */
	.globl	cloudabi_sys_file_stat_fget
	.type	cloudabi_sys_file_stat_fget, %function
	.p2align	2
cloudabi_sys_file_stat_fget:
	mov	ip, #25
	swi	0
	bx	lr
	.size	cloudabi_sys_file_stat_fget, . - cloudabi_sys_file_stat_fget

/* 26: file_stat_fput(fd, buf, flags) */
	.globl	cloudabi_sys_file_stat_fput
	.type	cloudabi_sys_file_stat_fput, %function
	.p2align	2
cloudabi_sys_file_stat_fput:
	mov	ip, #26
	swi	0
	bx	lr
	.size	cloudabi_sys_file_stat_fput, . - cloudabi_sys_file_stat_fput

/* 27: file_stat_get(fd, path, path_len, buf) */
	.globl	cloudabi_sys_file_stat_get
	.type	cloudabi_sys_file_stat_get, %function
	.p2align	2
cloudabi_sys_file_stat_get:
	mov	ip, #27
	swi	0
	bx	lr
	.size	cloudabi_sys_file_stat_get, . - cloudabi_sys_file_stat_get

/* 28: file_stat_put(fd, path, path_len, buf, flags) */
	.globl	cloudabi_sys_file_stat_put
	.type	cloudabi_sys_file_stat_put, %function
	.p2align	2
cloudabi_sys_file_stat_put:
	mov	ip, #28
	swi	0
	bx	lr
	.size	cloudabi_sys_file_stat_put, . - cloudabi_sys_file_stat_put

/* 29: file_symlink(path1, path1_len, fd, path2, path2_len) */
	.globl	cloudabi_sys_file_symlink
	.type	cloudabi_sys_file_symlink, %function
	.p2align	2
cloudabi_sys_file_symlink:
	mov	ip, #29
	swi	0
	bx	lr
	.size	cloudabi_sys_file_symlink, . - cloudabi_sys_file_symlink

/* 30: file_unlink(fd, path, path_len, flags) */
	.globl	cloudabi_sys_file_unlink
	.type	cloudabi_sys_file_unlink, %function
	.p2align	2
cloudabi_sys_file_unlink:
	mov	ip, #30
	swi	0
	bx	lr
	.size	cloudabi_sys_file_unlink, . - cloudabi_sys_file_unlink

/* 31: lock_unlock(lock, scope) */
	.globl	cloudabi_sys_lock_unlock
	.type	cloudabi_sys_lock_unlock, %function
	.p2align	2
cloudabi_sys_lock_unlock:
	mov	ip, #31
	swi	0
	bx	lr
	.size	cloudabi_sys_lock_unlock, . - cloudabi_sys_lock_unlock

/* 32: mem_advise(mapping, mapping_len, advice) */
	.globl	cloudabi_sys_mem_advise
	.type	cloudabi_sys_mem_advise, %function
	.p2align	2
cloudabi_sys_mem_advise:
	mov	ip, #32
	swi	0
	bx	lr
	.size	cloudabi_sys_mem_advise, . - cloudabi_sys_mem_advise

/* 33: mem_map(addr, len, prot, flags, fd, off, out mem) */
	.globl	cloudabi_sys_mem_map
	.type	cloudabi_sys_mem_map, %function
	.p2align	2
cloudabi_sys_mem_map:
	mov	ip, #33
	swi	0
	ldrcc	r2, [sp, #16]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_mem_map, . - cloudabi_sys_mem_map

/* 34: mem_protect(mapping, mapping_len, prot) */
	.globl	cloudabi_sys_mem_protect
	.type	cloudabi_sys_mem_protect, %function
	.p2align	2
cloudabi_sys_mem_protect:
	mov	ip, #34
	swi	0
	bx	lr
	.size	cloudabi_sys_mem_protect, . - cloudabi_sys_mem_protect

/* 35: mem_sync(mapping, mapping_len, flags) */
	.globl	cloudabi_sys_mem_sync
	.type	cloudabi_sys_mem_sync, %function
	.p2align	2
cloudabi_sys_mem_sync:
	mov	ip, #35
	swi	0
	bx	lr
	.size	cloudabi_sys_mem_sync, . - cloudabi_sys_mem_sync

/* 36: mem_unmap(mapping, mapping_len) */
	.globl	cloudabi_sys_mem_unmap
	.type	cloudabi_sys_mem_unmap, %function
	.p2align	2
cloudabi_sys_mem_unmap:
	mov	ip, #36
	swi	0
	bx	lr
	.size	cloudabi_sys_mem_unmap, . - cloudabi_sys_mem_unmap

/* 37: poll(in, out, nsubscriptions, out nevents) */
	.globl	cloudabi_sys_poll
	.type	cloudabi_sys_poll, %function
	.p2align	2
cloudabi_sys_poll:
	str	r3, [sp, #-4]
	mov	ip, #37
	swi	0
	ldrcc	r2, [sp, #-4]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_poll, . - cloudabi_sys_poll

/* 38: proc_exec(fd, data, data_len, fds, fds_len) */
	.globl	cloudabi_sys_proc_exec
	.type	cloudabi_sys_proc_exec, %function
	.p2align	2
cloudabi_sys_proc_exec:
	mov	ip, #38
	swi	0
	bx	lr
	.size	cloudabi_sys_proc_exec, . - cloudabi_sys_proc_exec

/* 39: proc_exit(rval), noreturn */
	.globl	cloudabi_sys_proc_exit
	.type	cloudabi_sys_proc_exit, %function
	.p2align	2
cloudabi_sys_proc_exit:
	mov	ip, #39
	swi	0
	udf	#0
	.size	cloudabi_sys_proc_exit, . - cloudabi_sys_proc_exit

/* 40: proc_fork(out fd, out tid) */
	.globl	cloudabi_sys_proc_fork
	.type	cloudabi_sys_proc_fork, %function
	.p2align	2
cloudabi_sys_proc_fork:
	str	r0, [sp, #-4]
	str	r1, [sp, #-8]
	mov	ip, #40
	swi	0
	ldrcc	r2, [sp, #-4]
	ldrcc	r3, [sp, #-8]
	strcc	r0, [r2]
	strcc	r1, [r3]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_proc_fork, . - cloudabi_sys_proc_fork

/* 41: proc_raise(sig) */
	.globl	cloudabi_sys_proc_raise
	.type	cloudabi_sys_proc_raise, %function
	.p2align	2
cloudabi_sys_proc_raise:
	mov	ip, #41
	swi	0
	bx	lr
	.size	cloudabi_sys_proc_raise, . - cloudabi_sys_proc_raise

/* 42: random_get(buf, buf_len) */
	.globl	cloudabi_sys_random_get
	.type	cloudabi_sys_random_get, %function
	.p2align	2
cloudabi_sys_random_get:
	mov	ip, #42
	swi	0
	bx	lr
	.size	cloudabi_sys_random_get, . - cloudabi_sys_random_get

/* 43: sock_recv(sock, in, out) */
	.globl	cloudabi_sys_sock_recv
	.type	cloudabi_sys_sock_recv, %function
	.p2align	2
cloudabi_sys_sock_recv:
	mov	ip, #43
	swi	0
	bx	lr
	.size	cloudabi_sys_sock_recv, . - cloudabi_sys_sock_recv

/* 44: sock_send(sock, in, out) */
	.globl	cloudabi_sys_sock_send
	.type	cloudabi_sys_sock_send, %function
	.p2align	2
cloudabi_sys_sock_send:
	mov	ip, #44
	swi	0
	bx	lr
	.size	cloudabi_sys_sock_send, . - cloudabi_sys_sock_send

/* 45: sock_shutdown(sock, how) */
	.globl	cloudabi_sys_sock_shutdown
	.type	cloudabi_sys_sock_shutdown, %function
	.p2align	2
cloudabi_sys_sock_shutdown:
	mov	ip, #45
	swi	0
	bx	lr
	.size	cloudabi_sys_sock_shutdown, . - cloudabi_sys_sock_shutdown

/* 46: thread_create(attr, out tid) */
	.globl	cloudabi_sys_thread_create
	.type	cloudabi_sys_thread_create, %function
	.p2align	2
cloudabi_sys_thread_create:
	str	r1, [sp, #-4]
	mov	ip, #46
	swi	0
	ldrcc	r2, [sp, #-4]
	strcc	r0, [r2]
	movcc	r0, #0
	bx	lr
	.size	cloudabi_sys_thread_create, . - cloudabi_sys_thread_create

/* 47: thread_exit(lock, scope), noreturn */
	.globl	cloudabi_sys_thread_exit
	.type	cloudabi_sys_thread_exit, %function
	.p2align	2
cloudabi_sys_thread_exit:
	mov	ip, #47
	swi	0
	udf	#0
	.size	cloudabi_sys_thread_exit, . - cloudabi_sys_thread_exit

/* 48: thread_yield() */
	.globl	cloudabi_sys_thread_yield
	.type	cloudabi_sys_thread_yield, %function
	.p2align	2
cloudabi_sys_thread_yield:
	mov	ip, #48
	swi	0
	bx	lr
	.size	cloudabi_sys_thread_yield, . - cloudabi_sys_thread_yield

	.section	.note.GNU-stack,"",%progbits

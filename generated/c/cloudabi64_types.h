// Generated from spec/cloudabi.txt by cloudabi-gen. Do not edit: run `cargo xtask gen`.

#ifndef CLOUDABI64_TYPES_H
#define CLOUDABI64_TYPES_H

#include "cloudabi_types_common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * One entry of the auxiliary vector.
 *
 * The auxiliary vector is a sequence of key-value records handed to a
 * process when it starts. Unlike a fixed structure, it can grow: new
 * record kinds may be introduced later. Its final entry always has the
 * type CLOUDABI_AT_NULL.
 *
 * The concept originates in the x86-64 ABI; this environment uses it on
 * every architecture.
 */
typedef struct {
	/** Kind of this auxiliary vector entry. */
	_Alignas(4) cloudabi_auxtype_t a_type;
	union {
		/**
		 * Integer payload.
		 *
		 * Used when a_type is one of:
		 * - CLOUDABI_AT_ARGDATALEN
		 * - CLOUDABI_AT_CANARYLEN
		 * - CLOUDABI_AT_NCPUS
		 * - CLOUDABI_AT_PAGESZ
		 * - CLOUDABI_AT_PHNUM
		 * - CLOUDABI_AT_TID
		 */
		_Alignas(8) uint64_t a_val; /* size_t */
		/**
		 * Pointer payload.
		 *
		 * Used when a_type is one of:
		 * - CLOUDABI_AT_ARGDATA
		 * - CLOUDABI_AT_BASE
		 * - CLOUDABI_AT_CANARY
		 * - CLOUDABI_AT_PHDR
		 * - CLOUDABI_AT_PID
		 * - CLOUDABI_AT_SYSINFO_EHDR
		 */
		_Alignas(8) uint64_t a_ptr; /* void * */
	};
} cloudabi64_auxv_t;
_Static_assert(offsetof(cloudabi64_auxv_t, a_type) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_auxv_t, a_val) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_auxv_t, a_ptr) == 8, "Incorrect layout");
_Static_assert(sizeof(cloudabi64_auxv_t) == 16, "Incorrect layout");
_Static_assert(_Alignof(cloudabi64_auxv_t) == 8, "Incorrect layout");

/** Memory region used as a source by gather writes. */
typedef struct {
	/** Start and size of the data to write. */
	_Alignas(8) uint64_t buf; /* const void * */
	_Alignas(8) uint64_t buf_len; /* size_t */
} cloudabi64_ciovec_t;
_Static_assert(offsetof(cloudabi64_ciovec_t, buf) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_ciovec_t, buf_len) == 8, "Incorrect layout");
_Static_assert(sizeof(cloudabi64_ciovec_t) == 16, "Incorrect layout");
_Static_assert(_Alignof(cloudabi64_ciovec_t) == 8, "Incorrect layout");

/** Memory region used as a destination by scatter reads. */
typedef struct {
	/** Start and size of the buffer to fill. */
	_Alignas(8) uint64_t buf; /* void * */
	_Alignas(8) uint64_t buf_len; /* size_t */
} cloudabi64_iovec_t;
_Static_assert(offsetof(cloudabi64_iovec_t, buf) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_iovec_t, buf_len) == 8, "Incorrect layout");
_Static_assert(sizeof(cloudabi64_iovec_t) == 16, "Incorrect layout");
_Static_assert(_Alignof(cloudabi64_iovec_t) == 8, "Incorrect layout");

/**
 * Process entry point (`_start`).
 *
 * @param auxv
 *     Pointer to the auxiliary vector; see cloudabi64_auxv_t.
 */
typedef void cloudabi64_processentry_t(uint64_t auxv);

/** Input arguments of cloudabi64_sys_sock_recv(). */
typedef struct {
	/** Scatter/gather vectors that receive the message data. */
	_Alignas(8) uint64_t ri_data; /* const cloudabi64_iovec_t * */
	_Alignas(8) uint64_t ri_data_len; /* size_t */
	/**
	 * Buffer that receives the numbers of file descriptors passed
	 * along with the message.
	 */
	_Alignas(8) uint64_t ri_fds; /* cloudabi_fd_t * */
	_Alignas(8) uint64_t ri_fds_len; /* size_t */
	/** Flags for the message. */
	_Alignas(2) cloudabi_riflags_t ri_flags;
} cloudabi64_recv_in_t;
_Static_assert(offsetof(cloudabi64_recv_in_t, ri_data) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_recv_in_t, ri_data_len) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_recv_in_t, ri_fds) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_recv_in_t, ri_fds_len) == 24, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_recv_in_t, ri_flags) == 32, "Incorrect layout");
_Static_assert(sizeof(cloudabi64_recv_in_t) == 40, "Incorrect layout");
_Static_assert(_Alignof(cloudabi64_recv_in_t) == 8, "Incorrect layout");

/** Output of cloudabi64_sys_sock_recv(). */
typedef struct {
	/** How many bytes were written into cloudabi64_recv_in_t::ri_data. */
	_Alignas(8) uint64_t ro_datalen; /* size_t */
	/** How many file descriptors were written into cloudabi64_recv_in_t::ri_fds. */
	_Alignas(8) uint64_t ro_fdslen; /* size_t */
	/** Reserved; older implementations made use of these bytes. */
	char ro_unused[40];
	/** Flags for the message. */
	_Alignas(2) cloudabi_roflags_t ro_flags;
} cloudabi64_recv_out_t;
_Static_assert(offsetof(cloudabi64_recv_out_t, ro_datalen) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_recv_out_t, ro_fdslen) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_recv_out_t, ro_unused) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_recv_out_t, ro_flags) == 56, "Incorrect layout");
_Static_assert(sizeof(cloudabi64_recv_out_t) == 64, "Incorrect layout");
_Static_assert(_Alignof(cloudabi64_recv_out_t) == 8, "Incorrect layout");

/** Input arguments of cloudabi64_sys_sock_send(). */
typedef struct {
	/** Scatter/gather vectors holding the message data to send. */
	_Alignas(8) uint64_t si_data; /* const cloudabi64_ciovec_t * */
	_Alignas(8) uint64_t si_data_len; /* size_t */
	/** File descriptors to be attached to the message. */
	_Alignas(8) uint64_t si_fds; /* const cloudabi_fd_t * */
	_Alignas(8) uint64_t si_fds_len; /* size_t */
	/** Flags for the message. */
	_Alignas(2) cloudabi_siflags_t si_flags;
} cloudabi64_send_in_t;
_Static_assert(offsetof(cloudabi64_send_in_t, si_data) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_send_in_t, si_data_len) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_send_in_t, si_fds) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_send_in_t, si_fds_len) == 24, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_send_in_t, si_flags) == 32, "Incorrect layout");
_Static_assert(sizeof(cloudabi64_send_in_t) == 40, "Incorrect layout");
_Static_assert(_Alignof(cloudabi64_send_in_t) == 8, "Incorrect layout");

/** Output of cloudabi64_sys_sock_send(). */
typedef struct {
	/** How many bytes were sent. */
	_Alignas(8) uint64_t so_datalen; /* size_t */
} cloudabi64_send_out_t;
_Static_assert(offsetof(cloudabi64_send_out_t, so_datalen) == 0, "Incorrect layout");
_Static_assert(sizeof(cloudabi64_send_out_t) == 8, "Incorrect layout");
_Static_assert(_Alignof(cloudabi64_send_out_t) == 8, "Incorrect layout");

/** A request to be notified of an event. */
typedef struct {
	/**
	 * Caller-chosen value that the kernel keeps with the
	 * subscription and hands back in cloudabi_event_t::userdata.
	 */
	_Alignas(8) cloudabi_userdata_t userdata;
	/** Left over from older implementations; ignored. */
	_Alignas(2) uint16_t unused;
	/**
	 * Kind of event to subscribe to.
	 *
	 * At present, a subscription of type CLOUDABI_EVENTTYPE_CONDVAR,
	 * CLOUDABI_EVENTTYPE_LOCK_RDLOCK or CLOUDABI_EVENTTYPE_LOCK_WRLOCK has to come
	 * first, and at most one further subscription may follow it,
	 * which must be of type CLOUDABI_EVENTTYPE_CLOCK.
	 */
	cloudabi_eventtype_t type;
	union {
		/** Used when type is CLOUDABI_EVENTTYPE_CLOCK. */
		struct {
			/**
			 * Unique identifier of the clock, chosen
			 * by the user.
			 */
			_Alignas(8) cloudabi_userdata_t identifier;
			/**
			 * Clock whose value the timestamp is
			 * compared with.
			 */
			_Alignas(4) cloudabi_clockid_t clock_id;
			/**
			 * Timestamp, either absolute or
			 * relative.
			 */
			_Alignas(8) cloudabi_timestamp_t timeout;
			/**
			 * Extra time the kernel is allowed to
			 * wait so that it can merge this wakeup
			 * with other events.
			 */
			_Alignas(8) cloudabi_timestamp_t precision;
			/**
			 * Flags telling whether the timeout is
			 * absolute or relative.
			 */
			_Alignas(2) cloudabi_subclockflags_t flags;
		} clock;
		/** Used when type is CLOUDABI_EVENTTYPE_CONDVAR. */
		struct {
			/**
			 * Condition variable to wait on until
			 * woken.
			 */
			_Alignas(8) uint64_t condvar; /* _Atomic(cloudabi_condvar_t) * */
			/**
			 * Lock that is released for the duration
			 * of the wait.
			 *
			 * Once the condition variable fires, the
			 * lock is acquired again for writing.
			 */
			_Alignas(8) uint64_t lock; /* _Atomic(cloudabi_lock_t) * */
			/**
			 * Tells whether the condition variable
			 * lives in private or shared memory.
			 */
			cloudabi_scope_t condvar_scope;
			/**
			 * Tells whether the lock lives in
			 * private or shared memory.
			 */
			cloudabi_scope_t lock_scope;
		} condvar;
		/**
		 * Used when type is one of:
		 * - CLOUDABI_EVENTTYPE_FD_READ
		 * - CLOUDABI_EVENTTYPE_FD_WRITE
		 */
		struct {
			/**
			 * File descriptor to wait on until it is
			 * ready for reading or writing.
			 */
			_Alignas(4) cloudabi_fd_t fd;
			/**
			 * Conditions under which the event
			 * fires.
			 */
			_Alignas(2) cloudabi_subrwflags_t flags;
		} fd_readwrite;
		/**
		 * Used when type is one of:
		 * - CLOUDABI_EVENTTYPE_LOCK_RDLOCK
		 * - CLOUDABI_EVENTTYPE_LOCK_WRLOCK
		 */
		struct {
			/**
			 * Lock to acquire, either for reading or
			 * for writing.
			 */
			_Alignas(8) uint64_t lock; /* _Atomic(cloudabi_lock_t) * */
			/**
			 * Tells whether the lock lives in
			 * private or shared memory.
			 */
			cloudabi_scope_t lock_scope;
		} lock;
		/** Used when type is CLOUDABI_EVENTTYPE_PROC_TERMINATE. */
		struct {
			/**
			 * Process descriptor to wait on until
			 * the process terminates.
			 */
			_Alignas(4) cloudabi_fd_t fd;
		} proc_terminate;
	};
} cloudabi64_subscription_t;
_Static_assert(offsetof(cloudabi64_subscription_t, userdata) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, unused) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, type) == 10, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, clock.identifier) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, clock.clock_id) == 24, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, clock.timeout) == 32, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, clock.precision) == 40, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, clock.flags) == 48, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, condvar.condvar) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, condvar.lock) == 24, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, condvar.condvar_scope) == 32, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, condvar.lock_scope) == 33, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, fd_readwrite.fd) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, fd_readwrite.flags) == 20, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, lock.lock) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, lock.lock_scope) == 24, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_subscription_t, proc_terminate.fd) == 16, "Incorrect layout");
_Static_assert(sizeof(cloudabi64_subscription_t) == 56, "Incorrect layout");
_Static_assert(_Alignof(cloudabi64_subscription_t) == 8, "Incorrect layout");

/**
 * Thread Control Block (TCB).
 *
 * When a thread starts running, either at program startup or after
 * creation through cloudabi64_sys_thread_create(), the CPU registers that control
 * Thread-Local Storage (TLS) are already set up. They point at a region
 * that holds nothing but the TCB.
 *
 * A thread that needs room for its own thread-specific variables may
 * allocate a bigger region and point the CPU registers at it instead,
 * provided it copies the TCB into the new TLS region.
 *
 * The TCB exists so that light-weight emulators have a place to keep
 * per-thread data. An emulator could, for instance, save the CPU
 * registers there before emulation starts, so that the host system's TLS
 * can be restored later on.
 */
typedef struct {
	/**
	 * Pointer the system may set to anything. The application must
	 * not attach any meaning to its value.
	 */
	_Alignas(8) uint64_t parent; /* void * */
} cloudabi64_tcb_t;
_Static_assert(offsetof(cloudabi64_tcb_t, parent) == 0, "Incorrect layout");
_Static_assert(sizeof(cloudabi64_tcb_t) == 8, "Incorrect layout");
_Static_assert(_Alignof(cloudabi64_tcb_t) == 8, "Incorrect layout");

/**
 * Entry point of a thread started in addition to the initial one.
 *
 * @param tid
 *     ID of the thread that is running this function.
 * @param aux
 *     The value that was supplied through
 *     cloudabi64_threadattr_t::argument.
 */
typedef void cloudabi64_threadentry_t(cloudabi_tid_t tid, uint64_t aux);

/** Attributes used when creating a thread. */
typedef struct {
	/** Program counter value the thread starts at. */
	_Alignas(8) uint64_t entry_point; /* cloudabi64_threadentry_t * */
	/** Memory region to be used as the thread's stack. */
	_Alignas(8) uint64_t stack; /* void * */
	_Alignas(8) uint64_t stack_len; /* size_t */
	/** Value handed to the entry point function as its argument. */
	_Alignas(8) uint64_t argument; /* void * */
} cloudabi64_threadattr_t;
_Static_assert(offsetof(cloudabi64_threadattr_t, entry_point) == 0, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_threadattr_t, stack) == 8, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_threadattr_t, stack_len) == 16, "Incorrect layout");
_Static_assert(offsetof(cloudabi64_threadattr_t, argument) == 24, "Incorrect layout");
_Static_assert(sizeof(cloudabi64_threadattr_t) == 32, "Incorrect layout");
_Static_assert(_Alignof(cloudabi64_threadattr_t) == 8, "Incorrect layout");

#ifdef __cplusplus
}
#endif

#endif /* CLOUDABI64_TYPES_H */

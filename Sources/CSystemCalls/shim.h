// System calls the Swift code reaches through small C functions.
//
// On Linux: calls that glibc declares only under _GNU_SOURCE, which Swift's
// Glibc module is built without. Each is reached through syscall(2) or bound
// to glibc's symbol by an asm label, so no declaration here can clash with
// one in glibc's headers. They exist on Linux only; the Swift code calls
// them under `#if os(Linux) && !MANIFEST_LINT_PORTABLE` and has a POSIX
// path for other systems (and for the portable build on Linux).
#include <stddef.h>
#include <unistd.h>

/// The process's environment, for posix_spawn: `environ`, which macOS
/// reaches through _NSGetEnviron.
#if __has_include(<crt_externs.h>)
#include <crt_externs.h>
static inline char *const *manifest_lint_environment(void) {
    return *_NSGetEnviron();
}
#else
extern char **environ;
static inline char *const *manifest_lint_environment(void) {
    return environ;
}
#endif

#ifdef __linux__
#include <pthread.h>
#include <sys/syscall.h>

/// getdents64(2): a directory's entries read straight from its descriptor,
/// without opendir's stream (a 32 KB allocation, and an fstat and two fcntl
/// calls, per directory). Fills `buffer` with linux_dirent64 records; the byte
/// count, 0 at the end, -1 on an error (errno set).
static inline long manifest_lint_getdents64(int descriptor, void *buffer, unsigned long size) {
    return syscall(SYS_getdents64, descriptor, buffer, size);
}

/// sched_getaffinity(2) of the calling thread: the CPUs it may run on, as a
/// bit mask of `size` bytes. The byte count written, or -1 (errno set).
static inline long manifest_lint_allowed_cpus(void *mask, unsigned long size) {
    return syscall(SYS_sched_getaffinity, 0, size, mask);
}

/// sched_setaffinity(2) of the calling thread; 0, or -1 (errno set).
static inline long manifest_lint_allow_cpus(const void *mask, unsigned long size) {
    return syscall(SYS_sched_setaffinity, 0, size, mask);
}

/// getcpu(2): the CPU the calling thread runs on, or -1.
static inline int manifest_lint_current_cpu(void) {
    unsigned cpu = 0;
    return syscall(SYS_getcpu, &cpu, NULL, NULL) == 0 ? (int)cpu : -1;
}

extern int manifest_lint_pthread_attr_setaffinity_np(pthread_attr_t *attributes, size_t size, const void *mask)
    __asm__("pthread_attr_setaffinity_np");

/// pthread_attr_setaffinity_np(3): the CPUs a thread created with
/// `attributes` may start on. 0, or an error number.
static inline int manifest_lint_set_start_cpus(pthread_attr_t *attributes, const void *mask, size_t size) {
    return manifest_lint_pthread_attr_setaffinity_np(attributes, size, mask);
}

#endif

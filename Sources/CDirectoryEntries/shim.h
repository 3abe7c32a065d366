// getdents64(2), which glibc declares only under _GNU_SOURCE: a directory's
// entries read straight from its descriptor, without opendir's stream
// (a 32 KB allocation, and an fstat and two fcntl calls, per directory).
#include <sys/syscall.h>
#include <unistd.h>

/// Fills `buffer` with linux_dirent64 records; the byte count, 0 at the end, -1 on an error (errno set).
static inline long manifest_lint_getdents64(int descriptor, void *buffer, unsigned long size) {
    return syscall(SYS_getdents64, descriptor, buffer, size);
}

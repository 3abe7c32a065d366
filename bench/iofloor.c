/* The floor of the input and output a check does: list every directory below
 * the given one and open, read and close every regular file there, with
 * nothing done with the bytes. Like manifest-lint it skips node_modules,
 * __pycache__, venv and dot directories, and walks the top directories on two
 * threads, each depth first. Built and run by bench/run.sh.
 *
 *   iofloor DIRECTORY    prints the number of files read on standard error */
#define _GNU_SOURCE
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define THREADS 2

static char **tops;
static size_t top_count;
static atomic_long files_read;

static int skipped(const char *name) {
    return name[0] == '.' || strcmp(name, "node_modules") == 0 || strcmp(name, "__pycache__") == 0 || strcmp(name, "venv") == 0;
}

/* Reads every file below an open directory, then closes it. */
static void walk(DIR *directory) {
    static _Thread_local char buffer[65536];
    int descriptor = dirfd(directory);
    struct dirent *entry;
    while ((entry = readdir(directory))) {
        if (entry->d_type == DT_DIR && !skipped(entry->d_name)) {
            int child = openat(descriptor, entry->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            DIR *below = child >= 0 ? fdopendir(child) : NULL;
            if (below) walk(below);
        } else if (entry->d_type == DT_REG) {
            int file = openat(descriptor, entry->d_name, O_RDONLY | O_CLOEXEC);
            if (file < 0) continue;
            while (read(file, buffer, sizeof buffer) == (ssize_t)sizeof buffer) {}
            close(file);
            atomic_fetch_add(&files_read, 1);
        }
    }
    closedir(directory);
}

static void *walk_every_other(void *first) {
    for (size_t index = (size_t)first; index < top_count; index += THREADS) {
        DIR *directory = opendir(tops[index]);
        if (directory) walk(directory);
    }
    return NULL;
}

int main(int argc, char **argv) {
    DIR *root = argc > 1 ? opendir(argv[1]) : NULL;
    if (!root) { fprintf(stderr, "usage: iofloor DIRECTORY\n"); return 2; }
    char buffer[65536];
    tops = malloc(sizeof *tops);
    size_t capacity = 1;
    struct dirent *entry;
    while (tops && (entry = readdir(root))) {
        if (entry->d_type == DT_REG) {
            int file = openat(dirfd(root), entry->d_name, O_RDONLY | O_CLOEXEC);
            if (file < 0) continue;
            while (read(file, buffer, sizeof buffer) == (ssize_t)sizeof buffer) {}
            close(file);
            atomic_fetch_add(&files_read, 1);
        } else if (entry->d_type == DT_DIR && !skipped(entry->d_name)) {
            if (top_count == capacity) tops = realloc(tops, (capacity *= 2) * sizeof *tops);
            size_t length = strlen(argv[1]) + strlen(entry->d_name) + 2;
            if (tops && (tops[top_count] = malloc(length))) snprintf(tops[top_count++], length, "%s/%s", argv[1], entry->d_name);
        }
    }
    if (!tops) return 1;
    pthread_t threads[THREADS];
    for (size_t thread = 0; thread < THREADS; thread++) pthread_create(&threads[thread], NULL, walk_every_other, (void *)thread);
    for (size_t thread = 0; thread < THREADS; thread++) pthread_join(threads[thread], NULL);
    fprintf(stderr, "%ld files\n", atomic_load(&files_read));
    return 0;
}

/* The floor of reading what a check reads: open, read and close every file
 * listed in the file given as argument (one path per line), on two threads
 * like manifest-lint's workers, with nothing done with the bytes.
 * Built and run by bench/run.sh. */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **paths;
static size_t count;

static void *read_every_other(void *first) {
    char buffer[65536];
    for (size_t index = (size_t)first; index < count; index += 2) {
        int descriptor = open(paths[index], O_RDONLY | O_CLOEXEC);
        if (descriptor < 0) continue;
        ssize_t got;
        while ((got = read(descriptor, buffer, sizeof buffer)) == (ssize_t)sizeof buffer) {}
        close(descriptor);
    }
    return NULL;
}

int main(int argc, char **argv) {
    FILE *list = argc > 1 ? fopen(argv[1], "r") : NULL;
    if (!list) { fprintf(stderr, "usage: readfloor FILE-LIST\n"); return 2; }
    size_t capacity = 1024;
    paths = malloc(capacity * sizeof *paths);
    char line[4096];
    while (paths && fgets(line, sizeof line, list)) {
        line[strcspn(line, "\n")] = 0;
        if (count == capacity) paths = realloc(paths, (capacity *= 2) * sizeof *paths);
        if (paths) paths[count++] = strdup(line);
    }
    if (!paths) return 1;
    pthread_t threads[2];
    for (size_t thread = 0; thread < 2; thread++) pthread_create(&threads[thread], NULL, read_every_other, (void *)thread);
    for (size_t thread = 0; thread < 2; thread++) pthread_join(threads[thread], NULL);
    return 0;
}

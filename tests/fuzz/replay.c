/*
 * replay.c - run a libFuzzer target over every file of its corpus folder,
 * so the corpus replays as an ordinary test in every build (gcc, ASan).
 * Usage: replay DIR. TAP output: one line per input.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../tap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
        return 2;
    }
    DIR *d = opendir(argv[1]);
    if (!tap_ok(d != NULL, "corpus folder %s opens", argv[1]))
        return tap_done();
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], de->d_name);
        size_t got = 0;
        char *text = tap_slurp(path, &got);
        /* the input in a block of its exact size, as libFuzzer gives it, so
         * that ASan sees a read one byte past its end (tap_slurp adds a NUL) */
        uint8_t *buf = text ? malloc(got ? got : 1) : NULL;
        if (buf)
            LLVMFuzzerTestOneInput(memcpy(buf, text, got), got);
        free(text);
        if (!buf)
            continue;
        free(buf);
        tap_ok(1, "replayed %s (%zu bytes)", de->d_name, got);
    }
    closedir(d);
    return tap_done();
}

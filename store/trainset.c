/*
 * trainset.c - the text dictionary's samples, taken from across a run's
 * files before the first passage is written.
 *
 * A dictionary trained on the first 4 MiB of passages knows the first files
 * only: a corpus in file-name order (manuals, then man pages, then 71 MB of
 * verse) got one that knew manuals, and its verse compressed by 14%. 256
 * probes spread evenly over the run's bytes, each 16 KiB of lines from the
 * file under it, see every part of the corpus: on that corpus (the bench's
 * `real` 90 MB) the stored text fell from 71.3 to 61.4 MB, on realnews-dev
 * from 26.4 to 24.7 MB (zstd level 3, the same dictionary size). Trained
 * before the first passage is written, none is stored plain and rewritten by
 * the writer afterwards. It runs in a thread of its own (index.c) while the
 * workers extract; the writer compresses what they finished before it.
 *
 * A run of less than ZSD_TRAIN_BYTES trains as before, on its passages.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pipeline_int.h"

#define PROBES 256u
#define PROBE_BYTES (ZSD_TRAIN_BYTES / PROBES)
/* A line longer than this is cut into samples of this size. */
#define SAMPLE_MAX_BYTES 4096u
/* Bytes read of one file: a probe needs PROBE_BYTES; a larger file is read
 * up to where its probes fall, at most this far. */
#define READ_MAX_BYTES (64u << 20)

/* The file's first `want` bytes (fewer if shorter), NUL-terminated; NULL
 * when it cannot be read. */
static char *read_head(const char *path, size_t want, size_t *n)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat sb;
    char *buf = NULL;
    size_t got = 0;
    *n = 0;
    if (fd < 0)
        return NULL;
    if (fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) && (buf = malloc(want + 1)) != NULL) {
        while (got < want) {
            ssize_t k = read(fd, buf + got, want - got);
            if (k <= 0)
                break;
            got += (size_t)k;
        }
        buf[got] = '\0';
    }
    close(fd);
    *n = got;
    return buf;
}

/* Lines of text[from ..) as samples, until `bytes` are taken or the text
 * ends; returns the bytes taken. */
static size_t take_lines(zsd_packer *p, const char *text, size_t n, size_t from, size_t bytes,
                         int *rc)
{
    size_t taken = 0, i = from;
    while (i > 0 && i < n && text[i - 1] != '\n') /* start at a line */
        i++;
    while (i < n && taken < bytes && !*rc && zsd_packer_wants_samples(p)) {
        const char *nl = memchr(text + i, '\n', n - i);
        size_t e = nl ? (size_t)(nl - text) : n, len = e - i;
        while (len && (text[i + len - 1] == '\r' || text[i + len - 1] == ' '))
            len--;
        for (size_t k = 0; k < len && taken < bytes && !*rc; k += SAMPLE_MAX_BYTES) {
            size_t m = len - k < SAMPLE_MAX_BYTES ? len - k : SAMPLE_MAX_BYTES;
            *rc = zsd_packer_sample(p, text + i + k, m);
            taken += m;
        }
        i = e + 1;
    }
    return taken < bytes ? taken : bytes;
}

/* One file's share: `owed` bytes from its start (what the files before it
 * fell short of), then PROBE_BYTES at each of its probes, which lie at
 * offsets first, first + stride, ... of the run (the file starts at `at`).
 * Returns what it fell short of in turn. */
static size_t sample_file(zsd_packer *p, const job *j, unsigned long long at,
                          unsigned long long first, unsigned long long stride, size_t probes,
                          size_t owed, int *rc)
{
    size_t need = owed + probes * PROBE_BYTES;
    unsigned long long want = probes ? first + (probes - 1) * stride - at + PROBE_BYTES : 0;
    if (want < owed)
        want = owed;
    want += SAMPLE_MAX_BYTES; /* a line begun, and the decoder's slack */
    if (want > j->stat_size)
        want = j->stat_size;
    if (want > READ_MAX_BYTES)
        want = READ_MAX_BYTES;
    size_t nraw = 0, ntext = 0;
    char *raw = read_head(j->path, (size_t)want, &nraw), *text = NULL;
    /* Not text (binary, unreadable): its share passes to the next file. */
    if (raw && zsi_decode(raw, nraw, &text, &ntext, NULL, NULL) == 0) {
        size_t short_of = 0;
        if (owed)
            short_of += owed - take_lines(p, text, ntext, 0, owed, rc);
        /* Each probe where it falls, scaled from the file's bytes to the
         * decoded text's. */
        for (size_t k = 0; k < probes && !*rc; k++) {
            double f = (double)(first + k * stride - at) / (double)j->stat_size;
            size_t from = (size_t)(f * (double)ntext);
            size_t got = take_lines(p, text, ntext, from, PROBE_BYTES, rc);
            short_of += got < PROBE_BYTES ? PROBE_BYTES - got : 0;
        }
        need = short_of;
    }
    free(raw);
    free(text);
    return need;
}

int zsd_train_spread(run *r, zsd_packer *p)
{
    unsigned long long total = 0, at = 0;
    int rc = 0;
    if (!zsd_packer_wants_samples(p))
        return 0;
    for (size_t i = 0; i < r->njobs; i++)
        if (!r->jobs[i].from_stdin && !r->jobs[i].by_sig)
            total += r->jobs[i].stat_size;
    if (total < ZSD_TRAIN_BYTES)
        return 0;
    unsigned long long stride = total / PROBES, next = stride / 2;
    size_t owed = 0;
    for (size_t i = 0; i < r->njobs && !rc && zsd_packer_wants_samples(p); i++) {
        const job *j = &r->jobs[i];
        if (j->from_stdin || j->by_sig || !j->stat_size)
            continue;
        unsigned long long end = at + j->stat_size, first = next;
        size_t probes = 0;
        for (; next < end; next += stride)
            probes++;
        if (probes || owed)
            owed = sample_file(p, j, at, first, stride, probes, owed, &rc);
        if (owed > ZSD_TRAIN_BYTES) /* little text among many files: do not chase it */
            owed = ZSD_TRAIN_BYTES;
        at = end;
    }
    /* Short of ZSD_TRAIN_BYTES (files of little text): train on what there
     * is if it is a quarter of that; else the passages add to it. */
    return rc ? rc : zsd_packer_train_now(p, ZSD_TRAIN_BYTES / 4);
}

/*
 * input.c - what a run will index: files and folders walked in sorted order
 * (hidden entries skipped), standard input and buffers as in-memory jobs,
 * the manifest of dates and sources, and the documents already indexed
 * (path and content hash), against which unchanged files are skipped.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <xxhash.h>

#include "pipeline_int.h"

/* Folders deeper than this below a given one are not walked (loops of
 * symbolic links end here). */
#define MAX_WALK_DEPTH 64
/* Threads that stat a large folder's entries (walkstat.c): past the
 * processors there are, more only wait on each other. */
#define MAX_STAT_THREADS 8

int zsd_cmp_known(const void *a, const void *b)
{
    return strcmp(((const known *)a)->path, ((const known *)b)->path);
}

known *zsd_find_known(run *r, const char *path)
{
    known key = {(char *)path, 0, {0, 0, 0, 0, 0, 0}, 0};
    return r->nknown ? bsearch(&key, r->known, r->nknown, sizeof *r->known, zsd_cmp_known) : NULL;
}

static long long ns_of(struct timespec t)
{
    return (long long)t.tv_sec * 1000000000LL + t.tv_nsec;
}

/* The signature of a file as stat() found it just now (see zsd_filesig). */
static zsd_filesig sig_of(const struct stat *sb)
{
    struct timespec now;
    zsd_filesig s = {(long long)sb->st_size, ns_of(sb->st_mtim),    ns_of(sb->st_ctim),
                     (long long)sb->st_ino,  (long long)sb->st_dev, 1};
    clock_gettime(CLOCK_REALTIME, &now);
    /* Whole-second change times: a file system that stamps in seconds or
     * two (FAT, ext3, HFS+), whose granule may still be open seconds later.
     * A change time with nanoseconds in it is a finer clock's (its granule
     * a kernel tick): the long window made every file copied in the 3 s
     * before a build racy, so the run after it read and hashed them all
     * again (bench/run's add-10% after a fresh build of a copy). */
    long long window = s.ctime_ns % 1000000000LL == 0 ? ZSD_RACY_NS : ZSD_RACY_FINE_NS;
    long long racy_from = ns_of(now) - window;
    if (s.mtime_ns >= racy_from || s.ctime_ns >= racy_from)
        s.valid = 0;
    return s;
}

int zsd_add_job(run *r, const char *path, const char *given, int from_stdin, const struct stat *sb)
{
    unsigned long long size = sb ? (unsigned long long)sb->st_size : 0;
    if (r->njobs == r->capjobs &&
        zsu_grow(&r->jobs, &r->capjobs, r->njobs + 1, sizeof *r->jobs, 64))
        return ZS_ENOMEM;
    job *j = &r->jobs[r->njobs];
    memset(j, 0, sizeof *j);
    if (!(j->path = strdup(path)) || !(j->given = strdup(given ? given : path))) {
        free(j->path);
        return ZS_ENOMEM;
    }
    j->from_stdin = from_stdin;
    j->huge = size >= HUGE_JOB_BYTES;
    j->stat_size = size;
    if (sb)
        j->sig = sig_of(sb);
    r->njobs++;
    return 0;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void zsd_report(run *r, zs_msg_kind kind, const char *path, long long off, const char *text)
{
    if (r->o && r->o->on_msg)
        r->o->on_msg(r->o->ctx, kind, path, off, text);
}

static void manifest_warn(void *ctx, const char *file, const char *text)
{
    run *r = ctx;
    zsd_report(r, ZS_MSG_WARNING, file, -1, text);
}

int zsd_load_manifest(run *r, const char *file, int must_exist)
{
    char err[PATH_MAX + 128] = "";
    int rc = zsd_manifest_read(&r->man, file, must_exist, manifest_warn, r, err, sizeof err);
    if (rc)
        return zsd_fail(r->db, rc, "%s", err[0] ? err : zs_strerror(rc));
    return 0;
}

const char *zsd_file_kind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISDIR(mode))
        return "a folder";
    return "not a regular file";
}

static void skipped(run *r, const char *path, const char *why)
{
    zsd_report(r, ZS_MSG_SKIPPED, path, -1, why);
    r->st->files_skipped++;
}

static size_t walked_slot(const run *r, const struct stat *sb)
{
    unsigned long long h = ((unsigned long long)sb->st_dev * 0x9E3779B97F4A7C15ull) ^
                           ((unsigned long long)sb->st_ino * 0xC2B2AE3D27D4EB4Full);
    size_t mask = r->capwalked - 1, i = (size_t)(h ^ (h >> 29)) & mask;
    while ((r->walked[i].dev || r->walked[i].ino) &&
           !(r->walked[i].dev == (unsigned long long)sb->st_dev + 1 &&
             r->walked[i].ino == (unsigned long long)sb->st_ino))
        i = (i + 1) & mask;
    return i;
}

/* Mark a folder walked: 1 when it was new, 0 when walked before, or ZS_ENOMEM. */
static int mark_walked(run *r, const struct stat *sb)
{
    if (r->nwalked * 2 >= r->capwalked) {
        size_t cap = r->capwalked ? r->capwalked * 2 : 64;
        struct walked *old = r->walked, *nw = calloc(cap, sizeof *nw);
        size_t oldcap = r->capwalked;
        if (!nw)
            return ZS_ENOMEM;
        r->walked = nw;
        r->capwalked = cap;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].dev || old[i].ino) {
                struct stat k = {0};
                k.st_dev = (dev_t)(old[i].dev - 1);
                k.st_ino = (ino_t)old[i].ino;
                r->walked[walked_slot(r, &k)] = old[i];
            }
        free(old);
    }
    size_t i = walked_slot(r, sb);
    if (r->walked[i].dev || r->walked[i].ino)
        return 0;
    /* dev + 1: device 0 with inode 0 must not read as an empty slot */
    r->walked[i] =
        (struct walked){(unsigned long long)sb->st_dev + 1, (unsigned long long)sb->st_ino};
    r->nwalked++;
    return 1;
}

int zsd_open_names(run *r, const char *const *extra, size_t n)
{
    char err[512] = "";
    int rc = zsi_name_patterns_open(&r->names, extra, n, err, sizeof err);
    if (rc)
        return zsd_fail(r->db, rc, "file-name patterns: %s", err[0] ? err : zs_strerror(rc));
    return 0;
}

/* given: dir as the user wrote it (what the index shows). */
/* a, b and c joined into dst as snprintf("%s%s%s") would, returning the
 * length it needed; without snprintf's format parsing, which was a third of
 * the instructions of walking 15,509 files. */
static size_t join3(char *dst, size_t cap, const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
    if (la + lb + lc >= cap) {
        snprintf(dst, cap, "%s%s%s", a, b, c); /* cut: only for the message */
        return la + lb + lc;
    }
    memcpy(dst, a, la);
    memcpy(dst + la, b, lb);
    memcpy(dst + la + lb, c, lc + 1);
    return la + lb + lc;
}

static int walk(run *r, const char *dir, const char *given, int depth)
{
    DIR *d = opendir(dir);
    if (!d) {
        char m[512];
        snprintf(m, sizeof m, "cannot open folder: %s", strerror(errno));
        skipped(r, dir, m);
        return 0;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;
    struct dirent *de;
    zsd_entry_stat *es = NULL;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap && (rc = zsu_grow(&names, &cap, n + 1, sizeof *names, 64)) != 0)
            break;
        if (!(names[n] = strdup(de->d_name))) {
            rc = ZS_ENOMEM;
            break;
        }
        n++;
    }
    if (!rc && n > 1)
        qsort(names, n, sizeof *names, cmp_str);
    /* Every entry's lstat() at once, on a few threads (walkstat.c). */
    if (!rc && n && !(es = malloc(n * sizeof *es)))
        rc = ZS_ENOMEM;
    if (!rc && n)
        zsd_stat_entries(dirfd(d), names, n, zsd_threads(r->o, MAX_STAT_THREADS), es);
    closedir(d);
    for (size_t i = 0; i < n && !rc; i++) {
        char full[PATH_MAX], shown[PATH_MAX], m[512];
        struct stat lsb, sb;
        size_t gl = strlen(given);
        size_t k = join3(full, sizeof full, dir, "/", names[i]);
        size_t k2 = join3(shown, sizeof shown, given, gl && given[gl - 1] == '/' ? "" : "/", names[i]);
        if (k >= sizeof full || k2 >= sizeof shown) {
            /* the name as far as it goes: the message must still say where */
            snprintf(m, sizeof m, "path longer than %d bytes", PATH_MAX);
            skipped(r, full, m);
            continue;
        }
        if (es[i].err) { /* gone since readdir */
            snprintf(m, sizeof m, "cannot read: %s", strerror(es[i].err));
            skipped(r, full, m);
            continue;
        }
        lsb = es[i].sb;
        int link = S_ISLNK(lsb.st_mode);
        if (!link)
            sb = lsb;
        else if (stat(full, &sb) != 0) {
            if (errno == ELOOP)
                snprintf(m, sizeof m, "symbolic link loop: %s", strerror(errno));
            else if (errno == ENOENT)
                snprintf(m, sizeof m, "dangling symbolic link (its target does not exist)");
            else
                snprintf(m, sizeof m, "symbolic link: %s", strerror(errno));
            skipped(r, full, m);
            continue;
        }
        if (S_ISDIR(sb.st_mode)) {
            if (depth + 1 > MAX_WALK_DEPTH) {
                snprintf(m, sizeof m, "folder nested more than %d deep: not walked",
                         MAX_WALK_DEPTH);
                skipped(r, full, m);
                continue;
            }
            int fresh = mark_walked(r, &sb);
            if (fresh < 0) {
                rc = fresh;
                break;
            }
            if (!fresh) {
                if (link)
                    skipped(r, full,
                            "symbolic link to a folder already walked (a loop): not followed");
                continue; /* a folder also given on the command line */
            }
            rc = walk(r, full, shown, depth + 1);
        } else if (S_ISREG(sb.st_mode)) {
            if (!strcmp(names[i], "manifest.tsv") || zsd_is_own_file(r, &sb))
                continue; /* an index kept in the folder it indexes */
            r->st->files_seen++;
            r->st->bytes_total += (unsigned long long)sb.st_size;
            rc = zsd_add_job(r, full, shown, 0, &sb);
        } else {
            snprintf(m, sizeof m, "%s, not a file: not read", zsd_file_kind(sb.st_mode));
            skipped(r, full, m);
        }
    }
    free(es);
    zsu_strv_free(names, n);
    return rc;
}

void zsd_note_own_files(run *r)
{
    static const char *const suffix[] = {"", "-wal", "-shm", "-journal", "-lock"};
    char name[PATH_MAX];
    struct stat sb;
    for (size_t i = 0; i < sizeof suffix / sizeof *suffix; i++) {
        r->own[i].dev = r->own[i].ino = 0;
        if (join3(name, sizeof name, r->db->path, suffix[i], "") < sizeof name &&
            stat(name, &sb) == 0)
            r->own[i] = (struct walked){(unsigned long long)sb.st_dev + 1,
                                        (unsigned long long)sb.st_ino};
    }
}

int zsd_is_own_file(const run *r, const struct stat *sb)
{
    for (size_t i = 0; i < sizeof r->own / sizeof *r->own; i++)
        if (r->own[i].dev == (unsigned long long)sb->st_dev + 1 &&
            r->own[i].ino == (unsigned long long)sb->st_ino)
            return 1;
    return 0;
}

int zsd_walk(run *r, const char *dir, const char *given, const struct stat *sb)
{
    int fresh = mark_walked(r, sb);
    if (fresh <= 0)
        return fresh;
    return walk(r, dir, given, 0);
}

/* A job whose bytes are in memory. Ownership: takes buf (freed on failure too). */
int zsd_add_mem_job(run *r, const char *name, char *buf, size_t len, int year)
{
    int rc = zsd_add_job(r, name, NULL, 1, NULL);
    if (rc) {
        free(buf);
        return rc;
    }
    job *j = &r->jobs[r->njobs - 1];
    j->mem = buf;
    j->nmem = len;
    j->year = year;
    r->st->files_seen++;
    r->st->bytes_total += len;
    return 0;
}

/* Read standard input into a job. */
int zsd_add_stdin_job(run *r, const char *name)
{
    size_t cap = 65536, len = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (len == cap) {
            if (cap >= ZS_MAX_FILE_BYTES)
                break;
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + len, 1, cap - len, stdin);
        len += got;
        if (!got)
            break;
    }
    if (!buf)
        return ZS_ENOMEM;
    /* Named by content unless the caller names it: two different texts
     * piped in one after the other must not replace each other. */
    char hashed[32];
    if (!name) {
        snprintf(hashed, sizeof hashed, "stdin:%016llx", (unsigned long long)XXH3_64bits(buf, len));
        name = hashed;
    }
    int rc = zsd_add_mem_job(r, name, buf, len, 0);
    if (!rc && name == hashed) {
        char m[160];
        snprintf(m, sizeof m, "standard input stored as %s (name it with --name NAME)", name);
        zsd_report(r, ZS_MSG_NOTE, "-", -1, m);
    }
    return rc;
}

/*
 * docs' signature columns (zsd_filesig), added to an index made before them:
 * ADD COLUMN only changes the schema, the rows read NULL (no signature: the
 * file is read and hashed once more, and its signature recorded), and
 * readers never look at them, so an index of either kind works with either
 * zhaoshu. Errors: ZS_ESQLITE, the message in err.
 */
static int sig_columns(sqlite3 *h, char *err, size_t cap)
{
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(h, "SELECT mtime_ns FROM docs LIMIT 0", -1, &st, NULL) == SQLITE_OK) {
        sqlite3_finalize(st);
        return 0;
    }
    if (sqlite3_exec(h,
                     "ALTER TABLE docs ADD COLUMN mtime_ns INTEGER;"
                     "ALTER TABLE docs ADD COLUMN ctime_ns INTEGER;"
                     "ALTER TABLE docs ADD COLUMN ino INTEGER;"
                     "ALTER TABLE docs ADD COLUMN dev INTEGER;",
                     NULL, NULL, NULL) == SQLITE_OK)
        return 0;
    snprintf(err, cap, "adding docs' signature columns: %s", sqlite3_errmsg(h));
    return ZS_ESQLITE;
}

/* The 16 hex digits of docs.hash as an index before schema 16 wrote them,
 * as strtoull(s, NULL, 16) reads them but without its locale and sign
 * handling: 6.6 M of the instructions of re-indexing 140 of realnews-dev's
 * 15,509 files went to strtoull. */
static uint64_t hex64(const char *s)
{
    uint64_t v = 0;
    for (;; s++) {
        unsigned c = (unsigned char)*s, d;
        if (c - '0' < 10)
            d = c - '0';
        else if ((c | 0x20) - 'a' < 6)
            d = (c | 0x20) - 'a' + 10;
        else
            return v;
        v = v << 4 | d;
    }
}

/* docs.hash of the current row of st, column col: 8 bytes, most
 * significant first (writer.c, schema 16), or an older row's hex digits.
 * 0 with *ok unset when the column is neither (NULL: out of memory). */
static uint64_t doc_hash(sqlite3_stmt *st, int col, int *ok)
{
    uint64_t v = 0;
    *ok = 1;
    if (sqlite3_column_type(st, col) == SQLITE_BLOB && sqlite3_column_bytes(st, col) == 8) {
        const unsigned char *b = sqlite3_column_blob(st, col);
        for (int i = 0; i < 8; i++)
            v = v << 8 | b[i];
        return v;
    }
    const char *hex = (const char *)sqlite3_column_text(st, col);
    if (!hex) {
        *ok = 0;
        return 0;
    }
    return hex64(hex);
}

/* zsd_load_known() without touching the handle's message (err instead), so
 * that it can run on a thread beside the walk. */
static int read_known(run *r, char *err, size_t cap)
{
    sqlite3 *h = r->db->h;
    sqlite3_stmt *st = NULL;
    int rc, src;
    if ((rc = sig_columns(h, err, cap)) != 0)
        return rc;
    if (sqlite3_prepare_v2(h, "SELECT path, hash, size, mtime_ns, ctime_ns, ino, dev FROM docs", -1,
                           &st, NULL) != SQLITE_OK) {
        snprintf(err, cap, "reading the indexed documents: %s", sqlite3_errmsg(h));
        return ZS_ESQLITE;
    }
    size_t cap_known = 0;
    while ((src = sqlite3_step(st)) == SQLITE_ROW) {
        if (r->nknown == cap_known &&
            (rc = zsu_grow(&r->known, &cap_known, r->nknown + 1, sizeof *r->known, 256)) != 0)
            break;
        const char *path = (const char *)sqlite3_column_text(st, 0);
        int ok;
        known *k = &r->known[r->nknown];
        k->hash = doc_hash(st, 1, &ok);
        if (!path || !ok || !(k->path = strdup(path))) {
            rc = ZS_ENOMEM; /* both columns are NOT NULL: only memory fails */
            break;
        }
        k->sig =
            (zsd_filesig){sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
                          sqlite3_column_int64(st, 4), sqlite3_column_int64(st, 5),
                          sqlite3_column_int64(st, 6), sqlite3_column_type(st, 3) != SQLITE_NULL};
        k->seen = 0;
        r->nknown++;
    }
    if (!rc && src != SQLITE_DONE) {
        snprintf(err, cap, "reading the indexed documents: %s", sqlite3_errmsg(h));
        rc = ZS_ESQLITE;
    } else if (rc) {
        snprintf(err, cap, "out of memory");
    }
    sqlite3_finalize(st);
    if (rc)
        return rc;
    /* Read in rowid order, not through docs' index by path (ORDER BY path):
     * one B-tree walk instead of a lookup a row, 21 M instructions fewer of
     * the 34 M that reading realnews-dev's 15,509 rows took (callgrind,
     * sqlite3 shell on the index after re-indexing 1%). A run adds
     * its files in path order, so they are often in order already, which
     * one pass finds (a sort of sorted rows cost 6.7 M). strcmp's order is
     * SQLite's BINARY order: bsearch (zsd_find_known()) works. */
    size_t in_order = 1;
    while (in_order < r->nknown &&
           zsd_cmp_known(&r->known[in_order - 1], &r->known[in_order]) <= 0)
        in_order++;
    if (in_order < r->nknown)
        qsort(r->known, r->nknown, sizeof *r->known, zsd_cmp_known);
    return 0;
}

int zsd_load_known(run *r)
{
    char err[256] = "";
    int rc = read_known(r, err, sizeof err);
    return rc ? zsd_fail(r->db, rc, "%s", err) : 0;
}

static void *known_main(void *arg)
{
    run *r = arg;
    r->known_rc = read_known(r, r->known_err, sizeof r->known_err);
    return NULL;
}

/*
 * The walk and the reading of docs' rows need nothing of each other until
 * the files are matched to the rows: re-indexing 1% of realnews-dev's
 * 15,509 files spent 32 ms of CPU reading the rows after a walk of 100 ms,
 * with the second core idle.
 */
void zsd_load_known_begin(run *r)
{
    r->known_err[0] = '\0';
    if (pthread_create(&r->known_th, NULL, known_main, r) == 0)
        r->known_busy = 1;
    else
        known_main(r); /* no thread: read now, as before */
}

int zsd_load_known_end(run *r)
{
    if (r->known_busy) {
        pthread_join(r->known_th, NULL);
        r->known_busy = 0;
    }
    int rc = r->known_rc;
    r->known_rc = 0;
    return rc ? zsd_fail(r->db, rc, "%s", r->known_err) : 0;
}

static int same_sig(const zsd_filesig *a, const zsd_filesig *b)
{
    return a->valid && b->valid && a->size == b->size && a->mtime_ns == b->mtime_ns &&
           a->ctime_ns == b->ctime_ns && a->ino == b->ino && a->dev == b->dev;
}

void zsd_match_known(run *r)
{
    int checksum = r->o && r->o->version >= 2 && (r->o->flags & ZS_INDEX_CHECKSUM);
    for (size_t i = 0; i < r->njobs; i++) {
        job *j = &r->jobs[i];
        known *k = j->from_stdin ? NULL : zsd_find_known(r, j->path);
        if (!k)
            continue;
        if (!checksum && same_sig(&j->sig, &k->sig)) {
            /* Not read: the workers pass it by, the writer counts it. */
            j->unchanged = j->by_sig = 1;
            j->hash = k->hash;
            j->size = (unsigned long long)j->sig.size;
        } else {
            j->sig_stale = !same_sig(&j->sig, &k->sig);
        }
    }
}

/*
 * pipeline_int.h - private interface between the files of the indexing
 * pipeline (store/): input.c lists the work, prepare.c is what the worker
 * threads do to a file, writer.c is the single writer, and index.c runs
 * them (zs_index_paths, zs_index_buffer, zs_index_remove).
 *
 * A run is a list of jobs, one per file, in input order. Workers take jobs
 * in that order and prepare them without the database (read, hash, decode,
 * passages, zones, years, figures, tokens, compression); the writer takes
 * finished jobs in the same order and stores them, so a run is
 * deterministic. The mutex and two conditions of struct run are the only
 * meeting point; everything a job holds belongs to the thread that has it.
 */
#ifndef ZS_STORE_PIPELINE_INT_H
#define ZS_STORE_PIPELINE_INT_H

#include <pthread.h>
#include <stdint.h>
#include <sys/stat.h>
#include <time.h>

#include "docmeta_int.h"
#include "extract_int.h"
#include "figure_int.h"
#include "segment_int.h"
#include "store_int.h"

/* Bytes of files read but not yet written past which workers wait: a job
 * holds about ten times its file in passages and tokens, so a few large
 * files would otherwise take gigabytes (5 MB files: 16 MiB here gave a peak
 * of 405 MB). 2 MiB lets the workers ride out the writer's commits: news-200
 * 15.24 s with 1 MiB, 14.86 s with 2 MiB (peak 225 -> 245 MB). */
#define MAX_UNWRITTEN_BYTES (2u * 1024u * 1024u)
/* A file this large is a huge job: its body is not pre-tokenized
 * (tokens take 16 bytes per character, six times the text) but segmented
 * by the writer, at about 100 MB/s; and one huge job at a time is taken,
 * so a corpus of big files stays within a few times the largest file. */
#define HUGE_JOB_BYTES (2u << 20) /* 3.9 MB files: 272 MB peak at 4 MiB, 193 MB */

/* The FTS5 columns a passage is tokenized into: body, park, year, figure. */
#define FTS_COLUMNS 4

/* One passage ready for the writer. */
typedef struct prep_passage {
    zsi_passage p; /* text, kind, byte range */
    uint64_t hash;
    char *parks; /* canonical names joined by ' ' */
    char **park_list;
    size_t nparks;
    int park_inherited;
    zsi_story_zone story;   /* what a bare 高新区 or nicknames here mean
                             * (zsi_story_zones()), borrowed from other
                             * passages' park_list */
    int *years;             /* nyears, then yeartext, in one allocation (NULL if none);
                        * a year the passage only spans (十四五) is negated */
    size_t nyears;
    const char *yeartext; /* the years joined by ' ' (the year column; a spanned
                           * year as ~2023), or "" */
    zsi_figure *figs;
    size_t nfigs;
    unsigned char *fig_withheld; /* per figure: 1 = not the zone's (a city's, a company's:
                                  * zsi_figures_credit()), ZSI_CREDIT_ZONE + k = park_list[k]'s
                                  * (zsi_figures_nearest()), 0 or NULL: the figure park's */
    char *figtext;               /* figures as printed joined by ' ' (the figure column) */
    /* Tokens of the FTS columns (body, park, year, figure), or NULL: not for
     * huge jobs, and not in the struct, which a file of short lines has
     * once per line (256 of its 420 bytes). */
    zss_pretok *pt;
    size_t body_len; /* zss_pretok_positions() of pt[0], when pt is there */
    char *packed; /* the text compressed (textpack.c), or NULL; on the first
                   * passage of a group, the group's frame */
    size_t npacked;
    int pack_tried;    /* a worker tried: NULL packed means plain text is smaller */
    /* One of a group of the file's passages in one frame (prepare.c
     * pack_groups()): 1 + the index in the job's ps of the group's first
     * passage, which holds the frame, or 0; where its text is in the frame's
     * content. ghead, on the first: the row that holds the frame, once the
     * writer stored one (ZSD_BODY_GROUP in store_int.h). */
    uint32_t gfirst;
    uint32_t goff;
    sqlite3_int64 ghead;
    int repeat;        /* probably a repeat (zsd_hints): not prepared by the worker */
    int unfinished;    /* its text probably stored (zsd_seen_has()): fields found,
                        * but not tokenized or compressed by the worker */
    int32_t line, col; /* where it starts in the file (1-based; col in bytes) */
    uint32_t *breaks;  /* offsets in the text where the file's next line begins
                        * (zsi_passage_breaks), for the lines of figures */
    uint32_t nbreaks;
} prep_passage;

/* What a worker thread owns. */
typedef struct worker_ctx {
    zs_seg *seg;
    zsd_cctx *cctx;
    const zsd_dict *dict; /* the index's dictionary when the job was taken */
} worker_ctx;

typedef struct msg {
    zs_msg_kind kind;
    long long off;
    char *text;
} msg;

/*
 * What stat() said of a file, recorded in docs (size, mtime_ns, ctime_ns,
 * ino, dev): a file found with the same five is not read again (git's and
 * rsync's quick check). The change time catches what keeps the
 * modification time (touch -d, cp -p, tar restoring over a file). valid is
 * 0 for standard input and for a racy file, one changed so shortly before
 * it was looked at (ZSD_RACY_NS) that a later change might leave its times
 * as they were; such a file is read and hashed next time.
 */
typedef struct zsd_filesig {
    long long size, mtime_ns, ctime_ns, ino, dev;
    int valid;
} zsd_filesig;

/* A file changed less than this before its stat() is racy: more than the
 * coarsest timestamp granule of common file systems (FAT: 2 s). It applies
 * where the change time has no fraction of a second (sig_of() in input.c). */
#define ZSD_RACY_NS 3000000000LL
/* The same where the change time has nanoseconds: file systems that stamp
 * with the kernel's coarse clock, whose tick is 10 ms at most (HZ >= 100);
 * ten ticks leave room for a stamp taken just before the tick ends. */
#define ZSD_RACY_FINE_NS 100000000LL

typedef struct job {
    char *path;     /* as stored: absolute path, or the name given */
    char *given;    /* the path as the user gave it (folder given + the rest) */
    int from_stdin; /* bytes are in mem (standard input or a buffer) */
    char *mem;
    size_t nmem;
    int state;                    /* 0 queued, 1 taken, 2 done */
    int huge;                     /* HUGE_JOB_BYTES or more, as found when added */
    unsigned long long stat_size; /* as found when added: 0 for pipes and devices */
    int skip;                     /* not indexed (messages say why) */
    int unchanged;
    zsd_filesig sig; /* as the walk found it (valid 0 for standard input) */
    int sig_stale;   /* the recorded signature is not sig: record it if unchanged */
    int by_sig;      /* unchanged by its signature: never read (set before the
                      * workers start, then only read: prefetch() looks ahead) */
    /* prefetch()'s descriptor of the file + 1, which read_file() reads and
     * closes: 0 none yet, -1 the reader came first (the prefetcher, another
     * worker, then closes its own). Atomic: two workers touch it. */
    int pf_fd;
    uint64_t hash;
    unsigned long long size;
    int year;
    char *date, *source; /* zs_index_buffer's, or kept by a re-extraction (reextract.c) */
    int page;            /* kept by a re-extraction, or 0 */
    int kept_from;       /* where those kept came from (ZSI_META_*), or 0 */
    zsi_docmeta meta;    /* date, outlet, page: manifest, else name, else text */
    unsigned bom;        /* bytes of a UTF-8 BOM the decoder dropped: passage
                        * offsets are shifted back into the file's bytes */
    char *article_park;
    int article_park_in_passing; /* the article is not about article_park (prepare.c) */
    prep_passage *ps;
    size_t nps;
    msg *msgs;
    size_t nmsgs;
} job;

/* Known documents: path -> hash, read before the run (immutable during it). */
typedef struct known {
    char *path;
    uint64_t hash;
    zsd_filesig sig; /* as recorded (valid 0: none) */
    int seen;
} known;

typedef struct run {
    zs_db *db;
    const zs_index_opts *o;
    zs_index_stats *st;
    job *jobs;
    size_t njobs, capjobs;
    known *known;
    size_t nknown;
    zsd_manifest *man;
    zsi_name_patterns *names;
    zsi_gazetteer *gaz;
    zsd_hints *hints; /* shared by the workers */
    /* The stored passages by hash (a later run's, loaded by the writer
     * before the workers start; NULL otherwise), which the workers read. */
    const zsd_seen *stored;
    pthread_mutex_t mu;
    /* Two conditions, each signalled only when its waiter can go on: one
     * broadcast per job woke every thread for each of 45,791 news files
     * (futex calls; 0.37 s of the writer's 7.8 s went to handing over). */
    pthread_cond_t cv_work; /* workers: room to take a job, or stop */
    pthread_cond_t cv_done; /* the writer: job writer_wants is done */
    size_t nidle;           /* workers waiting on cv_work */
    size_t writer_wants;    /* the job the writer waits for, or SIZE_MAX */
    size_t next_take, next_write, next_free, next_prefetch, window;
    int huge_busy; /* a huge job is taken and not yet written */
    int stop;
    int reextract; /* every known document is extracted again (reextract.c) */
    int rebuild;   /* ... and each one's file is there: all is rebuilt in one
                    * transaction, as a first build (reextract.c) */
    int extver;    /* when to record zs_extractor() in meta: EXTVER_* */
    int same_ext;  /* the index records this extractor's identity, which covers the
                    * user's data files: its park_aliases are this gazetteer's */
    const zsd_dict *dict;         /* published by the writer once it has one (under mu) */
    unsigned long long unwritten; /* bytes of jobs done by workers, not yet written */
    struct timespec t0;
    double last_progress;
    char **dirs; /* folders given (absolute), for prune */
    size_t ndirs;
    /* Folders walked, by device and inode (open addressing, 0 = empty):
     * each is walked once however many links lead to it. */
    struct walked {
        unsigned long long dev, ino;
    } * walked;
    size_t nwalked, capwalked;
    /* The index's own files (itself, SQLite's -wal, -shm and -journal,
     * the writer's -lock), by device and inode + 1: never read as input. */
    struct walked own[5];
    /* The known documents being read on a thread of their own while the
     * input is walked (zsd_load_known_begin()): it uses the database
     * handle, which nothing else touches until zsd_load_known_end(), and
     * keeps its error here, never in the handle's message. */
    pthread_t known_th;
    int known_busy;
    int known_rc;
    char known_err[256];
} run;

/* What the single writer holds: its statements, string and text stores, and
 * the lookups that find repeated passages. */
/*
 * Full-text rows of removed passages, waiting for their FTS5 'delete'.
 * FTS5 keeps pending terms in rowid order and flushes them to a new
 * segment whenever a write goes below the last rowid: a changed file's old
 * passages (low ids) removed after the previous file's new ones (high ids)
 * made one segment per file. Deletes wait here and go in rowid order before
 * each commit, or sooner when an insert would reuse one of their ids.
 */
typedef struct zsd_fts_gone {
    sqlite3_int64 id;
    char *col[4]; /* body, park, year, figure as FTS5 indexed them */
    int len[4];
} zsd_fts_gone;

typedef struct zsd_fts_pending {
    zsd_fts_gone *v;
    size_t n, cap, bytes;
    sqlite3_int64 max_id;
    int discard; /* the full-text index was emptied (a re-extraction): no
                  * delete is needed, and none is kept (survives a flush) */
} zsd_fts_pending;

typedef struct writer {
    zs_db *db;
    zsd_fts_pending gone; /* deletes not yet given to FTS5 */
    sqlite3_stmt *doc_find, *doc_ins, *doc_upd, *p_ins, *p_find, *p_same, *dup_ins, *fts_ins,
        *alias_ins;
    /* Side-table rows, several per statement (rowbatch.c): zones flushed at
     * the end of each file, the rest by zsd_writer_flush(). */
    zsd_rowbatch fig_b, park_b, year_b;
    zsd_strings *str;
    zsd_packer *pack;
    zsd_seen *seen;
    zsd_seen *seen_late; /* a full run->stored, freed only after the workers */
    /* A re-extraction (reextract.c): a repeat is a passage stored by this
     * run only, found through seen; the other stored passages are the old
     * extractor's, and taking one as a repeat would keep its old fields.
     * When seen is full, repeats are stored again. */
    int fresh_only;
    int wiped; /* a rebuild: no document has rows to remove */
    int redo;  /* a re-extraction with files gone: note each document
                * written in temp.redo (reextract.c) */
    zsd_repeats *rep;
    worker_ctx wk; /* for passages the workers took for repeats */
} writer;

/* ---- interface to input.c ---- */

/* Add a file job; sb: the file's stat() (NULL for standard input); given:
 * the path as the user wrote it (NULL: path). Errors: ZS_ENOMEM. */
int zsd_add_job(run *r, const char *path, const char *given, int from_stdin, const struct stat *sb);
/* A job whose bytes are in memory. Ownership: takes buf (freed on failure too). */
int zsd_add_mem_job(run *r, const char *name, char *buf, size_t len, int year);
/* Read standard input into a job named name, or (NULL) "stdin:" and its
 * content's hash, reported. Errors: ZS_ENOMEM. */
int zsd_add_stdin_job(run *r, const char *name);
/*
 * Collect the regular files under dir (sb: its stat), sorted, recursively,
 * hidden entries skipped. Each folder is walked once (by device and inode):
 * a symbolic link to a folder already walked is a loop, reported and
 * counted as skipped, as are dangling links, FIFOs, sockets and devices
 * (never opened), paths longer than PATH_MAX and folders nested too deep.
 * A folder given again (dir already walked) adds nothing. Errors: ZS_ENOMEM.
 */
int zsd_walk(run *r, const char *dir, const char *given, const struct stat *sb);

/* Note which files are the index's own (run.own): call once the index is
 * open, before any walk. */
void zsd_note_own_files(run *r);

/* 1 when sb is one of the index's own files. Reading one would be useless
 * and harmful: closing a descriptor of the index or of its -shm file drops
 * every POSIX lock this process holds on it, SQLite's included. */
int zsd_is_own_file(const run *r, const struct stat *sb);
/* What kind of thing a stat describes, for a message: "FIFO", "socket"... */
const char *zsd_file_kind(mode_t mode);
/* Read a manifest (manifest.c); must_exist when the user named it.
 * Errors: ZS_ENOTFOUND, ZS_EIO, ZS_ENOMEM (message on r->db). */
int zsd_load_manifest(run *r, const char *file, int must_exist);
/* Open the file-name patterns: extra (the user's, tried first) and the
 * built-in data/sources.tsv. Errors: ZS_EINVAL and others (message on r->db). */
int zsd_open_names(run *r, const char *const *extra, size_t n);
/* Read the documents already indexed (path, hash, signature); docs gets its
 * signature columns first if the index was made without them. */
int zsd_load_known(run *r);
/* zsd_load_known() on a thread of its own (or here, when no thread can be
 * had), so that the walk runs beside it: until zsd_load_known_end(), the
 * caller must not use r->db's SQLite handle, nor r->known. */
void zsd_load_known_begin(run *r);
/* Wait for zsd_load_known_begin()'s reading; its result, the message on
 * r->db. Does nothing (0) when none was begun. */
int zsd_load_known_end(run *r);
/* Sort the known documents by path, then mark each job whose file's
 * signature is the one recorded unchanged (unless ZS_INDEX_CHECKSUM), and
 * each whose recorded signature differs sig_stale. */
void zsd_match_known(run *r);
int zsd_cmp_known(const void *a, const void *b);
/* The known document at path, or NULL. */
known *zsd_find_known(run *r, const char *path);
/* Pass a message to the caller's on_msg. */
void zsd_report(run *r, zs_msg_kind kind, const char *path, long long off, const char *text);

/* ---- interface to reextract.c ---- */

/* run.extver: never (the identity in meta stays), in the run's first
 * transaction (an empty index: whatever it gets is this extractor's), or in
 * its last (a re-extraction: only once every document is done). */
#define EXTVER_KEEP 0
#define EXTVER_FIRST 1
#define EXTVER_LAST 2

/*
 * Make r re-extract every known document whose file is there (see
 * reextract.c), after zsd_match_known(); had is the identity the index
 * records ("" for none), for the note this reports. Errors: ZS_ENOMEM,
 * ZS_ESQLITE (message on r->db).
 */
int zsd_plan_reextract(run *r, const char *had);
/* A rebuild's start, in the run's first transaction: every passage and its
 * rows go (the documents stay, and are written over). Errors: ZS_ESQLITE. */
int zsd_rebuild_wipe(zs_db *db);
/* The start and the end of a re-extraction with files gone, in its one
 * transaction: the full-text index is emptied, and at the end the passages
 * of the documents not written again get their rows back. Errors:
 * ZS_ESQLITE. */
int zsd_replace_begin(zs_db *db);
int zsd_replace_end(zs_db *db);
/* Note that document doc_id was written in this re-extraction. */
int zsd_replace_note(zs_db *db, sqlite3_int64 doc_id);
/* A rebuild's job j was skipped (its file unreadable now): its document,
 * wiped of its passages, goes too, and a message says so. Errors: ZS_ESQLITE. */
int zsd_rebuild_drop(run *r, const job *j);

/* ---- interface to prepare.c ---- */

/* A message for the job's file, reported when the writer reaches it. */
void zsd_job_msg(job *j, zs_msg_kind kind, long long off, const char *text);
/* Free what a job prepared (passages, tokens, messages); keeps its path. */
void zsd_job_clear(job *j);
/* Everything of one passage but the zones it names (those came first). */
int zsd_prepare_passage(run *r, worker_ctx *wk, job *j, prep_passage *pp);
/* What zsd_prepare_passage() leaves to the end: tokens, and compression
 * unless pack is 0 (a worker packs a file's passages in groups). */
int zsd_finish_passage(worker_ctx *wk, job *j, prep_passage *pp, int pack);
/* A worker thread's main (pthread_create); arg is the run. */
void *zsd_worker(void *arg);

/* ---- trainset.c ---- */

/*
 * With p still wanting samples and the run's files ZSD_TRAIN_BYTES or more,
 * sample text from across them and train p's dictionary before any passage
 * is written. @return as zsd_packer_sample().
 */
int zsd_train_spread(run *r, zsd_packer *p);

/* ---- interface to writer.c ---- */

int zsd_writer_open(writer *w, zs_db *db);
void zsd_writer_close(writer *w);
/* Store one prepared file: its document row and passages. Its figure,
 * year and string rows may wait for zsd_writer_flush(). */
int zsd_write_job(writer *w, run *r, job *j);
/* Insert the rows waiting in the writer's batches: before a commit and
 * before the run's end. @return 0, ZS_ENOMEM, ZS_ESQLITE. */
int zsd_writer_flush(writer *w);
/* Record the signature of an unchanged file j (read and found with the
 * recorded hash) whose recorded one differs, so the next run need not read
 * it; only when the recorded size is the one stat() gave (the file was not
 * rewritten between the walk and the read). Errors: ZS_ESQLITE. */
int zsd_write_sig(writer *w, const job *j);
/* Record the gazetteer's aliases in the index so queries need no data files. */
int zsd_store_aliases(writer *w, zsi_gazetteer *g);
/* Remove a document's rows, promoting remembered duplicates elsewhere.
 * gone: where its full-text deletes wait (NULL: made at once); give them to
 * FTS5 with zsd_fts_pending_flush() before the transaction commits. */
int zsd_remove_doc_rows(zs_db *db, sqlite3_int64 doc_id, zsd_fts_pending *gone);
/* Make the waiting full-text deletes, in rowid order, and empty the list
 * (also on failure). */
int zsd_fts_pending_flush(zs_db *db, zsd_fts_pending *gone);
/* Drop the waiting deletes unmade (after a rollback). */
void zsd_fts_pending_free(zsd_fts_pending *gone);

#endif

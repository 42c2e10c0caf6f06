/*
 * prepare.c - what a worker thread does to a file: everything that needs no
 * database. Read, hash (an unchanged file stops here), decode, rebuild the
 * passages, find the zones (all passages first: a passage that only says
 * 高新区 inherits the article's zone), years and figures, segment every FTS
 * column into pre-tokenized lists, and compress the text. Workers take jobs
 * in input order, at most a window ahead of the writer (index.c).
 */
#define _GNU_SOURCE /* pthread_setname_np */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include "pipeline_int.h"

/* How much nicer than the writer the workers run (see worker()). */
#define WORKER_NICE 5
/* 3.9 MB files: 272 MB peak at 4 MiB, 193 MB */
/* Files whose reading is started (posix_fadvise) ahead of the workers. A
 * corpus being indexed for the first time is mostly not in the page cache,
 * and two workers reading 2 KB files one after the other wait on the disk
 * for each (news-200 after drop_caches: see the commit message). */
#define PREFETCH_AHEAD 64
#define MAX_YEARS 64

void zsd_job_msg(job *j, zs_msg_kind kind, long long off, const char *text)
{
    /* Out of memory, the message is lost, not the file: a skipped job also
     * has j->skip, which the writer counts. */
    msg *m = realloc(j->msgs, (j->nmsgs + 1) * sizeof *m);
    if (!m)
        return;
    j->msgs = m;
    if (!(m[j->nmsgs].text = strdup(text)))
        return;
    m[j->nmsgs].kind = kind;
    m[j->nmsgs].off = off;
    j->nmsgs++;
}

void zsd_job_clear(job *j)
{
    for (size_t i = 0; i < j->nps; i++) {
        prep_passage *pp = &j->ps[i];
        free(pp->p.text);
        free(pp->parks);
        zsu_strv_free(pp->park_list, pp->nparks);
        ZSU_FREE(pp->figs, pp->fig_withheld, pp->figtext, pp->packed, pp->years, pp->breaks);
        for (int c = 0; pp->pt && c < FTS_COLUMNS; c++)
            zss_pretok_clear(&pp->pt[c]);
        free(pp->pt);
        pp->pt = NULL;
    }
    free(j->ps);
    j->ps = NULL;
    j->nps = 0;
    for (size_t i = 0; i < j->nmsgs; i++)
        free(j->msgs[i].text);
    free(j->msgs);
    j->msgs = NULL;
    j->nmsgs = 0;
    free(j->article_park);
    j->article_park = NULL;
}

static void decode_warn(void *ctx, size_t off, const char *m)
{
    job *j = ctx;
    zsd_job_msg(j, ZS_MSG_WARNING, (long long)off, m);
}

static int read_file(job *j, char **out, size_t *n)
{
    char m[512];
    *out = NULL;
    *n = 0;
    /* The descriptor prefetch() opened, if it came first: one open() and
     * close() a file fewer. O_NONBLOCK: a file replaced by a FIFO since the
     * walk must not block open(); it changes nothing for a regular file. */
    int pf = __atomic_exchange_n(&j->pf_fd, -1, __ATOMIC_ACQ_REL);
    int fd = pf > 0 ? pf - 1 : open(j->path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        snprintf(m, sizeof m, "cannot read: %s", strerror(errno));
        zsd_job_msg(j, ZS_MSG_SKIPPED, -1, m);
        return -1;
    }
    struct stat sb;
    int st = fstat(fd, &sb); /* one call answers both tests (one a file) */
    if (st == 0 && !S_ISREG(sb.st_mode)) {
        snprintf(m, sizeof m, "%s, not a file: not read", zsd_file_kind(sb.st_mode));
        zsd_job_msg(j, ZS_MSG_SKIPPED, -1, m);
        close(fd);
        return -1;
    }
    if (st || (unsigned long long)sb.st_size > ZS_MAX_FILE_BYTES) {
        snprintf(m, sizeof m, "file larger than the %u MiB limit", ZS_MAX_FILE_BYTES >> 20);
        zsd_job_msg(j, ZS_MSG_SKIPPED, -1, m);
        close(fd);
        return -1;
    }
    char *buf = malloc((size_t)sb.st_size + 1);
    size_t got = 0;
    while (buf && got < (size_t)sb.st_size) {
        ssize_t k = read(fd, buf + got, (size_t)sb.st_size - got);
        if (k <= 0)
            break;
        got += (size_t)k;
    }
    close(fd);
    if (!buf || got != (size_t)sb.st_size) {
        snprintf(m, sizeof m, "cannot read: %s", buf ? strerror(errno) : "out of memory");
        zsd_job_msg(j, ZS_MSG_SKIPPED, -1, m);
        free(buf);
        return -1;
    }
    *out = buf;
    *n = got;
    return 0;
}

/* The park column: U+E001 (see segment/seg.c: each name also a whole token)
 * and the names joined by spaces; "" when there are none. */
static int join_names(char **out, char **names, size_t n)
{
    size_t len = 4;
    for (size_t i = 0; i < n; i++)
        len += strlen(names[i]) + 1;
    char *s = malloc(len), *w = s;
    if (!s)
        return ZS_ENOMEM;
    if (n) {
        memcpy(w, "\xEE\x80\x81", 3);
        w += 3;
    }
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(names[i]);
        if (i)
            *w++ = ' ';
        memcpy(w, names[i], l);
        w += l;
    }
    *w = '\0';
    *out = s;
    return 0;
}

/* The zones a passage names, counted into the article's tally. */
static int passage_parks(run *r, prep_passage *pp, zsi_park_tally *tally)
{
    size_t counts[ZSI_MAX_PARKS_PER_TEXT];
    int rc = zsi_parks_extract(r->gaz, pp->p.text, pp->p.len, &pp->park_list, &pp->nparks, counts);
    return rc ? rc : zsi_park_tally_add(tally, pp->park_list, counts, pp->nparks);
}

/* Passages at an article's top: its headline and its lead (or a headline
 * and a sub-title over the lead). */
#define ARTICLE_TOP_PASSAGES 2
/* An article whose passages name a zone this often, one in N, is about it. */
#define ABOUT_SHARE 5

static int names_zone(const prep_passage *pp, const char *zone)
{
    for (size_t k = 0; k < pp->nparks; k++)
        if (strcmp(pp->park_list[k], zone) == 0)
            return 1;
    return 0;
}

/*
 * Is the article about the zone, so that the figures of its passages that
 * name no zone are the zone's? Only when two passages or more name it, and
 * its top names it or a fifth of its passages do (a supplement on a zone
 * that names it first in a photo's caption). A zone named in passing (一个
 * 离雄安新区最近的港口; a speech on a province that lists the zone among its
 * projects, three times in one paragraph) is no article's subject: crediting
 * it every figure of the article filed a province's and the country's figures
 * under the zone. Passages are counted, not mentions.
 */
static int article_is_about(const job *j, const char *zone)
{
    size_t naming = 0, top = 0;
    for (size_t i = 0; i < j->nps; i++)
        if (names_zone(&j->ps[i], zone)) {
            naming++;
            top += i < ARTICLE_TOP_PASSAGES;
        }
    return naming >= 2 && (top || naming * ABOUT_SHARE >= j->nps);
}

/* What a bare 高新区 means in each passage: the zone of its own story. */
static int story_zones(run *r, job *j)
{
    zsi_story_passage *sp = malloc((j->nps ? j->nps : 1) * sizeof *sp);
    zsi_story_zone *zone = malloc((j->nps ? j->nps : 1) * sizeof *zone);
    if (!sp || !zone) {
        free(sp);
        free(zone);
        return ZS_ENOMEM;
    }
    for (size_t i = 0; i < j->nps; i++) {
        const prep_passage *pp = &j->ps[i];
        sp[i] = (zsi_story_passage){pp->p.text, pp->p.len, pp->p.kind, pp->park_list, pp->nparks};
    }
    zsi_story_zones(r->gaz, sp, j->nps, zone);
    for (size_t i = 0; i < j->nps; i++)
        j->ps[i].story = zone[i];
    free(sp);
    free(zone);
    return 0;
}

/* The fields of a passage but the zones it names (passage_parks() ran first). */
static int passage_fields(run *r, job *j, prep_passage *pp)
{
    const char *t = pp->p.text;
    size_t n = pp->p.len;
    int rc;

    if (!pp->nparks && pp->story.n) {
        if (!(pp->park_list = calloc(pp->story.n, sizeof *pp->park_list)))
            return ZS_ENOMEM;
        pp->park_inherited = 1;
        for (size_t k = 0; k < pp->story.n; k++) {
            if (!(pp->park_list[k] = strdup(pp->story.zone[k])))
                return ZS_ENOMEM; /* the passage's cleanup frees the nparks made */
            pp->nparks = k + 1;
        }
    }
    if ((rc = join_names(&pp->parks, pp->park_list, pp->nparks)) != 0)
        return rc;
    /* Sized to what was found: a file of short lines holds a passage per
     * line, and fixed arrays made the passages ten times their text. */
    int years[MAX_YEARS];
    unsigned char span[MAX_YEARS];
    char yt[MAX_YEARS * 13 + 1] = "";
    size_t w = 0;
    zsi_years_extract(t, n, j->year, years, span, MAX_YEARS, &pp->nyears);
    for (size_t i = 0; i < pp->nyears; i++) {
        w += (size_t)snprintf(yt + w, sizeof yt - w, "%s%s%d", i ? " " : "", span[i] ? "~" : "",
                              years[i]);
        if (span[i])
            years[i] = -years[i];
    }
    pp->yeartext = "";
    if (pp->nyears) {
        if (!(pp->years = malloc(pp->nyears * sizeof *years + w + 1)))
            return ZS_ENOMEM;
        memcpy(pp->years, years, pp->nyears * sizeof *years);
        pp->yeartext = memcpy(pp->years + pp->nyears, yt, w + 1);
    }
    if ((rc = zsi_figures_extract(t, n, &pp->figs, &pp->nfigs)) != 0)
        return rc;
    if (pp->nfigs && (pp->nparks || pp->story.n || j->article_park)) {
        /* a zone is credited with its figures, not its city's or a company's */
        if (!(pp->fig_withheld = malloc(pp->nfigs)))
            return ZS_ENOMEM;
        /* one pass of the zone finder tells which zone each part names;
         * a passage that names none itself (its zones, if any, inherited
         * from its story) has no mention for it to find: passage_parks()
         * ran the same finder over the same text */
        zsi_park_mention *m = NULL;
        size_t nm = 0;
        if (pp->nparks && !pp->park_inherited &&
            (rc = zsi_parks_mentions(r->gaz, t, n, &m, &nm)) != 0)
            return rc;
        zsi_figures_credit(r->gaz, t, n, pp->figs, pp->nfigs, m, nm, pp->fig_withheld);
        if (!pp->nparks || pp->park_inherited)
            zsi_figures_credit_unnamed(r->gaz, t, n, pp->figs, pp->nfigs, pp->fig_withheld);
        /* a passage of several zones: each figure is the nearest one's */
        if (pp->nparks > 1 && !pp->park_inherited)
            zsi_figures_nearest(t, n, pp->figs, pp->nfigs, m, nm, pp->park_list, pp->nparks,
                                pp->fig_withheld);
        zsi_park_mentions_free(m, nm);
    }
    size_t flen = 1;
    for (size_t i = 0; i < pp->nfigs; i++)
        flen += pp->figs[i].end - pp->figs[i].start + 1;
    if (!(pp->figtext = malloc(flen)))
        return ZS_ENOMEM;
    w = 0;
    for (size_t i = 0; i < pp->nfigs; i++) {
        if (w)
            pp->figtext[w++] = ' ';
        memcpy(pp->figtext + w, t + pp->figs[i].start, pp->figs[i].end - pp->figs[i].start);
        w += pp->figs[i].end - pp->figs[i].start;
    }
    pp->figtext[w] = '\0';
    return 0;
}

int zsd_finish_passage(worker_ctx *wk, job *j, prep_passage *pp, int pack)
{
    zs_seg *seg = wk->seg;
    const char *t = pp->p.text;
    size_t n = pp->p.len;
    int rc;
    /* Every FTS column is segmented here, so the writer only replays tokens. */
    if (j->huge)
        goto pack; /* the writer segments it (HUGE_JOB_BYTES) */
    if (!(pp->pt = calloc(FTS_COLUMNS, sizeof *pp->pt)))
        return ZS_ENOMEM;
    if ((rc = zss_pretok_build(seg, &pp->pt[0], t, n)) != 0 ||
        (rc = zss_pretok_build(seg, &pp->pt[1], pp->parks, strlen(pp->parks))) != 0 ||
        (rc = zss_pretok_build(seg, &pp->pt[2], pp->yeartext, strlen(pp->yeartext))) != 0)
        return rc;
    if ((rc = zss_pretok_build(seg, &pp->pt[3], pp->figtext, strlen(pp->figtext))) != 0)
        return rc;
    pp->body_len = zss_pretok_positions(&pp->pt[0]); /* a loop over every token: not the writer's */
pack:
    /* Compressing here keeps it off the single writer thread. */
    if (!wk->dict || !pack)
        return 0;
    pp->pack_tried = 1;
    return zsd_compress(&wk->cctx, wk->dict, t, n, &pp->packed, &pp->npacked);
}

int zsd_prepare_passage(run *r, worker_ctx *wk, job *j, prep_passage *pp)
{
    int rc = passage_fields(r, j, pp);
    return rc ? rc : zsd_finish_passage(wk, j, pp, 1);
}

/* Passage pp alone in a frame, as the writer's fallbacks are. */
static int pack_alone(worker_ctx *wk, prep_passage *pp)
{
    pp->pack_tried = 1;
    return zsd_compress(&wk->cctx, wk->dict, pp->p.text, pp->p.len, &pp->packed, &pp->npacked);
}

/*
 * The passages the worker finished (not a likely repeat), in runs of
 * consecutive ones of at most ZSD_GROUP_BYTES of text, each run one frame
 * on its first passage. A frame costs zstd its header and the setup of its
 * entropy tables, a large part of compressing a short passage: on the
 * bench's real 90 MB (passages of ~120 bytes) 2 KiB groups compressed with
 * 43% fewer instructions (callgrind: 10.42 -> 5.95 G) into 18% fewer bytes
 * (59.2 -> 48.4 MB); on every 8th realnews-dev file 26% fewer instructions
 * (459.5 -> 338.2 M), 12% fewer bytes. A run of one is a frame of its own.
 */
static int pack_groups(worker_ctx *wk, job *j)
{
    int rc = 0;
    if (!wk->dict)
        return 0;
    for (size_t i = 0; i < j->nps && !rc;) {
        prep_passage *pp = &j->ps[i];
        size_t k = i + 1, len = pp->p.len;
        if (pp->repeat || pp->unfinished) {
            i++;
            continue;
        }
        while (k < j->nps && !j->ps[k].repeat && !j->ps[k].unfinished &&
               len + j->ps[k].p.len <= ZSD_GROUP_BYTES)
            len += j->ps[k++].p.len;
        char *all = k - i > 1 ? malloc(len) : NULL;
        if (k - i > 1 && !all)
            return ZS_ENOMEM;
        if (all) {
            size_t off = 0;
            for (size_t m = i; m < k; m++) {
                memcpy(all + off, j->ps[m].p.text, j->ps[m].p.len);
                off += j->ps[m].p.len;
            }
            rc = zsd_compress(&wk->cctx, wk->dict, all, len, &pp->packed, &pp->npacked);
            free(all);
        }
        if (!rc && pp->packed) {
            uint32_t off = 0;
            for (size_t m = i; m < k; m++) {
                j->ps[m].gfirst = (uint32_t)i + 1;
                j->ps[m].goff = off;
                off += (uint32_t)j->ps[m].p.len;
            }
        } else {
            /* one passage, or a group plain text would store smaller */
            for (size_t m = i; m < k && !rc; m++)
                rc = pack_alone(wk, &j->ps[m]);
        }
        i = k;
    }
    return rc;
}

/*
 * The document's date, outlet and page, most trusted first: the manifest,
 * a file-name pattern, the text (extract/docname.c, dateline.c). Its year resolves 今年/去年.
 */
static void doc_meta(run *r, job *j, const char *text, size_t n)
{
    zsi_docmeta *m = &j->meta;
    const zsd_manifest_row *mr = j->from_stdin ? NULL : zsd_manifest_find(r->man, j->path);
    if (j->date) /* zs_index_buffer's, checked there */
        zsi_date_normalize(j->date, strlen(j->date), m->date);
    if (j->source)
        snprintf(m->source, sizeof m->source, "%s", j->source);
    m->page = j->page;
    if (mr) {
        if (mr->date[0] && !m->date[0])
            memcpy(m->date, mr->date, sizeof m->date);
        if (mr->source[0] && !m->source[0])
            snprintf(m->source, sizeof m->source, "%s", mr->source);
        m->page = mr->page;
    }
    int from = j->kept_from && !mr ? j->kept_from : ZSI_META_MANIFEST;
    if (m->date[0])
        m->date_from = from;
    if (m->source[0])
        m->source_from = from;
    zsi_docmeta_from_name(r->names, j->path, m);
    zsi_docmeta_from_text(text, n, 0, m);
    int y = zsi_date_year(m->date);
    if (y >= ZSI_YEAR_MIN && y <= ZSI_YEAR_MAX)
        j->year = y;
}

/*
 * Where each passage starts in the file, and where its text crosses the
 * file's lines (for the lines of its figures). text is the decoded file.
 */
static int passage_lines(job *j, const char *text, size_t n)
{
    zsi_lines lc;
    zsi_lines_init(&lc, text, n);
    for (size_t i = 0; i < j->nps; i++) {
        prep_passage *pp = &j->ps[i];
        long line, col;
        size_t nb = 0;
        zsi_lines_at(&lc, pp->p.start, &line, &col);
        pp->line = (int32_t)(line < INT32_MAX ? line : INT32_MAX);
        pp->col = (int32_t)(col < INT32_MAX ? col : INT32_MAX);
        if (zsi_passage_breaks(text, pp->p.start, pp->p.end, pp->p.text, pp->p.len, &pp->breaks,
                               &nb) != 0)
            return ZS_ENOMEM;
        pp->nbreaks = (uint32_t)nb;
        pp->p.start += j->bom;
        pp->p.end += j->bom;
    }
    return 0;
}

/* Everything for one file that needs no database. */
static void process(run *r, worker_ctx *wk, job *j)
{
    char *raw = NULL, *text = NULL;
    size_t nraw = 0, ntext = 0;
    zsi_passage *ps = NULL;
    size_t nps = 0;
    zsi_park_tally tally = {0};
    int rc;

    if (j->by_sig) /* unchanged by its signature (zsd_match_known): not read */
        return;
    if (j->from_stdin) {
        raw = j->mem;
        nraw = j->nmem;
        j->mem = NULL;
    } else if (read_file(j, &raw, &nraw)) {
        j->skip = 1;
        return;
    }
    j->size = nraw;
    j->hash = XXH3_64bits(raw, nraw);
    known *k = r->reextract ? NULL : zsd_find_known(r, j->path);
    if (k && k->hash == j->hash) {
        j->unchanged = 1;
        goto out;
    }
    rc = zsi_decode(raw, nraw, &text, &ntext, decode_warn, j);
    if (rc) {
        if (rc == ZS_EINVAL && !j->nmsgs)
            zsd_job_msg(j, ZS_MSG_SKIPPED, -1, "not a text file");
        for (size_t i = 0; i < j->nmsgs; i++)
            j->msgs[i].kind = ZS_MSG_SKIPPED;
        if (rc != ZS_EINVAL)
            zsd_job_msg(j, ZS_MSG_SKIPPED, -1, zs_strerror(rc));
        j->skip = 1;
        goto out;
    }
    /* UTF-8 passed through: only a BOM went (offsets are then the file's) */
    if (nraw >= 3 && ntext == nraw - 3 && !memcmp(raw, "\xEF\xBB\xBF", 3))
        j->bom = 3;
    free(raw); /* hashed and decoded: a huge file is not held three times */
    raw = NULL;
    doc_meta(r, j, text, ntext);
    if (j->year < ZSI_YEAR_MIN || j->year > ZSI_YEAR_MAX)
        j->year = zsi_article_year(text, ntext);
    if ((rc = zsi_passages_split(text, ntext, &ps, &nps)) != 0)
        goto fail;
    j->ps = calloc(nps ? nps : 1, sizeof *j->ps);
    if (!j->ps) {
        rc = ZS_ENOMEM;
        goto fail;
    }
    for (size_t i = 0; i < nps; i++) {
        j->ps[i].p = ps[i];
        ps[i].text = NULL;
        j->nps = i + 1;
    }
    if ((rc = passage_lines(j, text, ntext)) != 0)
        goto fail;
    free(text); /* the passages have their own text now */
    text = NULL;
    /* The article's zone is the one its passages name most; a passage that
     * only says 高新区 inherits it, so all passages are read for zones first. */
    for (size_t i = 0; i < nps; i++) {
        if ((rc = passage_parks(r, &j->ps[i], &tally)) != 0)
            goto fail;
        j->ps[i].hash = XXH3_64bits(j->ps[i].p.text, j->ps[i].p.len);
        j->ps[i].repeat = zsd_hints_repeat(r->hints, j->ps[i].hash, (size_t)(j - r->jobs));
    }
    /* A zone printed with its county in front and without is one zone:
     * the tally holds every name the article gives. */
    for (size_t i = 0; i < nps; i++)
        if (j->ps[i].nparks &&
            (rc = zsi_parks_fold_twins(r->gaz, (const char *const *)tally.names, tally.n,
                                       j->ps[i].park_list, &j->ps[i].nparks)) != 0)
            goto fail;
    zsi_park_tally_fold_twins(r->gaz, &tally);
    const char *main_zone = zsi_park_tally_best(&tally);
    j->article_park_in_passing = main_zone && !article_is_about(j, main_zone);
    if (main_zone && !(j->article_park = strdup(main_zone))) {
        rc = ZS_ENOMEM;
        goto fail;
    }
    if ((rc = story_zones(r, j)) != 0)
        goto fail;
    /* A passage whose text is probably stored already (a repeat of another
     * document's, or a changed file's passage that stays) gets its fields,
     * which the writer compares (writer.c keep_same()), but not its tokens
     * or compression, which it would only need if stored anew: then the
     * writer makes them. Re-indexing 1% of realnews-dev, headlines
     * edited: most of a changed file's passages are stored. */
    for (size_t i = 0; i < nps; i++) {
        prep_passage *pp = &j->ps[i];
        if (pp->repeat)
            continue;
        if ((rc = passage_fields(r, j, pp)) != 0)
            goto fail;
        if (r->stored && zsd_seen_has(r->stored, pp->hash))
            pp->unfinished = 1;
        else if ((rc = zsd_finish_passage(wk, j, pp, 0)) != 0)
            goto fail;
    }
    if ((rc = pack_groups(wk, j)) != 0)
        goto fail;
    goto out;
fail:
    zsd_job_msg(j, ZS_MSG_SKIPPED, -1, zs_strerror(rc));
    j->skip = 1;
out:
    zsi_park_tally_clear(&tally);
    zsi_passages_free(ps, nps);
    free(text);
    free(raw);
}

/* Start reading a file into the page cache; errors are found by read_file().
 * Only files with a size: opening a pipe here would take its data. The
 * descriptor stays with the job for read_file(), unless the worker reading
 * it has come first; one a job never read is closed by run_free(). */
static void prefetch(job *j)
{
    int none = 0;
    if (j->from_stdin || !j->stat_size || j->by_sig)
        return;
    int fd = open(j->path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return;
    posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED);
    if (!__atomic_compare_exchange_n(&j->pf_fd, &none, fd + 1, 0, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE))
        close(fd); /* the reader came first and opened the file itself */
}

void *zsd_worker(void *arg)
{
    run *r = arg;
#ifdef __GLIBC__
    pthread_setname_np(pthread_self(), "zs-segment"); /* shows in top -H and perf */
#endif
#ifdef __linux__
    /* The writer is the serial half and must never wait for a core. With
     * two workers and the writer on two cores the scheduler shared them
     * evenly, so the writer ran only part of the time the workers did; a
     * worker niced by WORKER_NICE yields to it (news-200: 13.55 -> 12.71 s,
     * mean of three alternated runs; nice 3 and 10 were no better, 19 and
     * SCHED_IDLE worse, starving the workers). Linux nices threads, not
     * processes; raising our own needs no privilege. */
    errno = 0;
    int nice_now = getpriority(PRIO_PROCESS, (id_t)gettid());
    if (errno == 0)
        setpriority(PRIO_PROCESS, (id_t)gettid(), nice_now + WORKER_NICE);
#endif
    worker_ctx wk = {NULL, NULL, NULL};
    int rc = zs_seg_open(&wk.seg);
    pthread_mutex_lock(&r->mu);
    for (;;) {
        /* Jobs the writer is done with are freed here, also while waiting:
         * it keeps free() off the writer, the serial part (perf: 3.5% of an
         * indexing run), and written jobs do not pile up. */
        if (r->next_free < r->next_write) {
            size_t from = r->next_free, to = r->next_write;
            r->next_free = to;
            pthread_mutex_unlock(&r->mu);
            for (size_t k = from; k < to; k++)
                zsd_job_clear(&r->jobs[k]);
            pthread_mutex_lock(&r->mu);
            continue;
        }
        if (r->stop || r->next_take >= r->njobs)
            break;
        if (r->next_take >= r->next_write + r->window ||
            (r->unwritten >= MAX_UNWRITTEN_BYTES && r->next_take > r->next_write) ||
            (r->jobs[r->next_take].huge && r->huge_busy)) {
            r->nidle++;
            pthread_cond_wait(&r->cv_work, &r->mu);
            r->nidle--;
            continue;
        }
        size_t t = r->next_take++;
        job *j = &r->jobs[t];
        j->state = 1;
        r->huge_busy += j->huge;
        wk.dict = r->dict;
        size_t pf_from = r->next_prefetch > t + 1 ? r->next_prefetch : t + 1;
        size_t pf_to = t + 1 + PREFETCH_AHEAD < r->njobs ? t + 1 + PREFETCH_AHEAD : r->njobs;
        if (pf_to > pf_from)
            r->next_prefetch = pf_to;
        pthread_mutex_unlock(&r->mu);
        for (size_t k = pf_from; k < pf_to; k++)
            prefetch(&r->jobs[k]);
        if (rc) {
            zsd_job_msg(j, ZS_MSG_SKIPPED, -1, "cannot open the segmenter (ICU)");
            j->skip = 1;
        } else {
            process(r, &wk, j);
        }
        pthread_mutex_lock(&r->mu);
        j->state = 2;
        r->unwritten += j->size;
        if (r->writer_wants == t)
            pthread_cond_signal(&r->cv_done);
    }
    pthread_mutex_unlock(&r->mu);
    zs_seg_free(wk.seg);
    zsd_cctx_free(wk.cctx);
    return NULL;
}

/*
 * metric_wb.c - word boundaries for metric edges: ICU's dictionary word break
 * over the end of a window (at most MAX_WB_CHARS characters, the end nearest
 * the figure, and the rest of a run it would start inside), as byte offsets.
 *
 * Invariants: one ICU iterator per thread, cloned from one prototype (a
 * pthread key closes it when the thread ends); a window is converted to
 * UTF-16 in a buffer of the thread's (wb_u16), the only text its iterator
 * is ever given.
 * Without ICU every character boundary counts (edges are then unchecked).
 *
 * Breaking is the dearest step of metric extraction (ICU's dictionary engine
 * costs some 400 instructions a character), and one figure's noun, change
 * word and edges break the same window again and again: each thread keeps
 * the last few windows' bytes and breaks. A hit gives exactly what breaking
 * would: the breaks depend on the window's bytes alone.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>

#include "metric_int.h"
#include "segment_int.h"
#include "extract_int.h"

static pthread_once_t brk_once = PTHREAD_ONCE_INIT;
static UBreakIterator *brk_proto;
static pthread_key_t brk_key;
static int brk_key_ok;

static void brk_free(void *bi)
{
    ubrk_close(bi);
}

static void brk_init(void)
{
    UErrorCode err = U_ZERO_ERROR;
    brk_proto = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
    if (U_FAILURE(err))
        brk_proto = NULL;
    brk_key_ok = pthread_key_create(&brk_key, brk_free) == 0;
}

static UBreakIterator *thread_brk(void)
{
    UBreakIterator *bi;
    UErrorCode err = U_ZERO_ERROR;

    if (pthread_once(&brk_once, brk_init) != 0 || !brk_proto || !brk_key_ok)
        return NULL;
    bi = pthread_getspecific(brk_key);
    if (bi)
        return bi;
    bi = ubrk_clone(brk_proto, &err);
    if (U_FAILURE(err) || !bi)
        return NULL;
    if (pthread_setspecific(brk_key, bi) != 0) {
        ubrk_close(bi);
        return NULL;
    }
    return bi;
}

/* A window broken before: its bytes and its breaks as offsets from its start. */
#define WB_CACHE 8
typedef struct wb_memo {
    size_t len;                           /* bytes of the window; 0: empty slot */
    char text[WB_ALL_CHARS * 4];           /* at most 4 bytes a character */
    unsigned short off[WB_ALL_CHARS * 2 + 2];
    int n;
} wb_memo;

static _Thread_local wb_memo wb_memos[WB_CACHE];
static _Thread_local unsigned wb_next; /* the slot to fill next, round robin */

static const wb_memo *memo_find(const char *w, size_t len)
{
    for (int i = 0; i < WB_CACHE; i++)
        if (wb_memos[i].len == len && memcmp(wb_memos[i].text, w, len) == 0)
            return &wb_memos[i];
    return NULL;
}

static void memo_keep(const zsi_wbounds *wb, const char *w, size_t len)
{
    wb_memo *m = &wb_memos[wb_next++ % WB_CACHE];
    if (len > sizeof m->text)
        return;
    memcpy(m->text, w, len);
    m->len = len;
    m->n = wb->n;
    for (int k = 0; k < wb->n; k++)
        m->off[k] = (unsigned short)(wb->off[k] - wb->s);
}

/*
 * Where the window of p[s..e) starts: the last MAX_WB_CHARS characters (the
 * end nearest the figure), and back to the start of the run of Han, letters
 * or digits that start would fall inside, as long as the window then holds
 * at most WB_ALL_CHARS: ICU breaks a text that starts inside a word as if a
 * word started there. A run longer than that keeps the window as it was (its
 * start is inside a word either way).
 */
static size_t window_start(const char *p, size_t s, size_t e)
{
    size_t q, q0, chars = 0;
    for (q = e; q > s && chars < MAX_WB_CHARS; chars++) {
        size_t l = zsi_utf8_prev(p, q);
        q -= l <= q - s ? l : q - s;
    }
    for (q0 = q; q > s; chars++) {
        unsigned cp;
        size_t l = zsi_utf8_prev(p, q);
        if (l > q - s || zsi_utf8_decode(p + q - l, l, &cp) != l || !zsi_is_run_char(cp))
            break;
        if (chars == WB_ALL_CHARS)
            return q0;
        q -= l;
    }
    return q;
}

/* The window in UTF-16, per thread: the thread's iterator keeps a pointer
 * to it between calls, which is never read before the next ubrk_setText()
 * (a call to drop it cost ICU ~570 instructions a window). */
static _Thread_local UChar wb_u16[WB_ALL_CHARS * 2];

void zsi_wb_compute(zsi_wbounds *wb, const char *p, size_t s, size_t e)
{
    UChar *u16 = wb_u16;
    size_t off8[WB_ALL_CHARS * 2 + 1], q = window_start(p, s, e);
    int32_t nu = 0, k;
    UBreakIterator *bi;
    UErrorCode err = U_ZERO_ERROR;

    wb->s = q;
    wb->e = e;
    wb->n = 0;
    if (q < e) {
        const wb_memo *m = memo_find(p + q, e - q);
        if (m) {
            for (int j = 0; j < m->n; j++)
                wb->off[j] = q + m->off[j];
            wb->n = m->n;
            return;
        }
    }
    for (; q < e;) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + q, e - q, &cp);
        off8[nu] = q;
        if (cp >= 0x10000) {
            u16[nu++] = (UChar)(0xD7C0 + (cp >> 10));
            off8[nu] = q;
            u16[nu++] = (UChar)(0xDC00 | (cp & 0x3FF));
        } else {
            u16[nu++] = (UChar)cp;
        }
        q += l;
    }
    off8[nu] = e;
    bi = nu ? thread_brk() : NULL;
    if (bi) {
        ubrk_setText(bi, u16, nu, &err);
        if (U_SUCCESS(err)) {
            for (k = ubrk_first(bi);
                 k != UBRK_DONE && wb->n < (int)(sizeof wb->off / sizeof wb->off[0]);
                 k = ubrk_next(bi))
                if (wb->n == 0 || wb->off[wb->n - 1] != off8[k])
                    wb->off[wb->n++] = off8[k];
            memo_keep(wb, p + wb->s, e - wb->s);
            return;
        }
    }
    /* no ICU: every character boundary */
    for (k = 0; k <= nu && wb->n < (int)(sizeof wb->off / sizeof wb->off[0]); k++)
        if (wb->n == 0 || wb->off[wb->n - 1] != off8[k])
            wb->off[wb->n++] = off8[k];
}

/* Is off a word boundary? Outside the broken range nothing is known: yes. */
int zsi_wb_is(const zsi_wbounds *wb, size_t off)
{
    int lo = 0, hi = wb->n - 1;
    if (off <= wb->s || off >= wb->e)
        return 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (wb->off[mid] == off)
            return 1;
        if (wb->off[mid] < off)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return 0;
}

/* The last boundary at or before off (wb->s at the least). */
size_t zsi_wb_le(const zsi_wbounds *wb, size_t off)
{
    size_t best = wb->s;
    for (int k = 0; k < wb->n && wb->off[k] <= off; k++)
        best = wb->off[k];
    return best;
}

/* The next boundary after off (wb->e at the most). */
size_t zsi_wb_gt(const zsi_wbounds *wb, size_t off)
{
    for (int k = 0; k < wb->n; k++)
        if (wb->off[k] > off)
            return wb->off[k];
    return wb->e;
}

size_t zsi_run_after(const char *p, size_t fe, size_t ce, int need_de, size_t max,
                     int (*is)(unsigned), size_t *s)
{
    size_t e = fe;
    if (ce - fe >= 3 && memcmp(p + fe, "\xE7\x9A\x84", 3) == 0) /* 的 */
        e += 3;
    else if (need_de)
        return *s = fe;
    *s = e;
    for (size_t q = 0; e < ce && q < max; q++) {
        unsigned cp;
        size_t l = zsi_utf8_decode(p + e, ce - e, &cp);
        if (!is(cp))
            break;
        e += l;
    }
    return e;
}

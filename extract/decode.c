/*
 * decode.c - turn the bytes of a corpus file into UTF-8 text.
 *
 * Newspaper text reaches us as UTF-8 (sometimes with a BOM), as GB18030/GBK
 * from older Windows tools, occasionally as UTF-16, and now and then as
 * UTF-8 with a few bytes damaged in transit. The rule, in order:
 *   1. UTF-16 with a BOM: convert.
 *   2. NUL bytes, or more than 1 control byte in 100: binary, refuse.
 *   3. Valid UTF-8: keep the bytes (minus a BOM).
 *   4. Mostly UTF-8 (at least 4 valid multi-byte characters per invalid
 *      sequence): keep it, replace each invalid sequence (ICU's "maximal
 *      subpart") by U+FFFD and report its offset.
 *   5. ICU's charset detector names Big5 and it converts without error.
 *   6. Converts without a single error as GB18030: it was GB18030/GBK/GB2312
 *      (with a warning when the detector finds it implausible as GB18030).
 *   7. ICU's charset detector names a charset that converts without error.
 *   8. Otherwise as in 4: lossy UTF-8 with warnings.
 * Why the detector comes before GB18030 for Big5: GB18030 maps almost any
 * byte string, Big5 text included (as mojibake), so a strict conversion
 * cannot tell them apart; the detector weighs each charset's frequent
 * characters. On 300 news articles converted to GB18030 and 100 to Big5
 * (uconv -x Hans-Hant), whole or cut to their first 120 bytes, it named
 * every one right: GB18030 with confidence >= 90, Big5 >= 78 (and Big5 at
 * most 69 on the GB18030 texts).
 * Invariant: the output is always valid UTF-8 and NUL-terminated.
 * Line ends are not touched: passage.c reads LF, CRLF and CR alike.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "extract_int.h"

/* Below this detector confidence (0..100) a guessed charset is not trusted. */
#define MIN_DETECT_CONFIDENCE 30

static void say(zsi_warn_fn warn, void *ctx, size_t off, const char *msg)
{
    if (warn)
        warn(ctx, off, msg);
}

/*
 * Convert n bytes in charset cs to UTF-8, failing on the first byte sequence
 * that does not map (so a wrong guess is rejected, not garbled).
 * Returns 0 with *out (caller frees), 1 when the bytes are not valid cs,
 * ZS_ENOMEM, ZS_EICU.
 */
static int convert_strict(const char *cs, const char *p, size_t n, char **out, size_t *nout)
{
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(cs, &err);
    UChar *u = NULL;
    char *s = NULL;
    int32_t nu, ns;
    int rc = 0;

    if (U_FAILURE(err))
        return ZS_EICU;
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    if (U_FAILURE(err)) {
        rc = ZS_EICU;
        goto out;
    }
    /* Preflight: the UTF-16 length. A conversion error shows up here. */
    nu = ucnv_toUChars(cnv, NULL, 0, p, (int32_t)n, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR || err == U_STRING_NOT_TERMINATED_WARNING)
        err = U_ZERO_ERROR;
    if (U_FAILURE(err)) {
        rc = 1;
        goto out;
    }
    u = malloc(((size_t)nu + 1) * sizeof *u);
    if (!u) {
        rc = ZS_ENOMEM;
        goto out;
    }
    ucnv_resetToUnicode(cnv);
    nu = ucnv_toUChars(cnv, u, nu + 1, p, (int32_t)n, &err);
    if (U_FAILURE(err)) {
        rc = 1;
        goto out;
    }
    ns = 0;
    u_strToUTF8(NULL, 0, &ns, u, nu, &err);
    if (err == U_BUFFER_OVERFLOW_ERROR)
        err = U_ZERO_ERROR;
    if (U_FAILURE(err)) {
        rc = 1; /* unpaired surrogates from UTF-16: not valid text */
        goto out;
    }
    s = malloc((size_t)ns + 1);
    if (!s) {
        rc = ZS_ENOMEM;
        goto out;
    }
    u_strToUTF8(s, ns + 1, &ns, u, nu, &err);
    if (U_FAILURE(err)) {
        rc = ZS_EICU;
        goto out;
    }
    s[ns] = '\0';
    *out = s;
    *nout = (size_t)ns;
    s = NULL;
out:
    free(s);
    free(u);
    ucnv_close(cnv);
    return rc;
}

/*
 * Copy UTF-8 replacing each invalid sequence by U+FFFD (EF BF BD) and
 * reporting its offset (base is added so offsets refer to the raw input).
 */
static int repair_utf8(const char *p, size_t n, size_t base, char **out, size_t *nout,
                       zsi_warn_fn warn, void *ctx)
{
    /* Worst case every byte becomes a 3-byte U+FFFD. */
    char *s = malloc(n * 3 + 1);
    size_t o = 0;
    int32_t i = 0, len = (int32_t)n;
    unsigned nwarn = 0;

    if (!s)
        return ZS_ENOMEM;
    while (i < len) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(p, i, len, c);
        if (c < 0) {
            s[o++] = (char)0xEF;
            s[o++] = (char)0xBF;
            s[o++] = (char)0xBD;
            if (nwarn < ZSI_MAX_DECODE_WARNINGS) {
                char msg[96];
                snprintf(msg, sizeof msg, "invalid UTF-8 byte 0x%02X replaced by U+FFFD",
                         (unsigned char)p[at]);
                say(warn, ctx, base + (size_t)at, msg);
            } else if (nwarn == ZSI_MAX_DECODE_WARNINGS) {
                say(warn, ctx, base + (size_t)at, "more invalid UTF-8 bytes not reported");
            }
            nwarn++;
        } else {
            memcpy(s + o, p + at, (size_t)(i - at));
            o += (size_t)(i - at);
        }
    }
    s[o] = '\0';
    *out = s;
    *nout = o;
    return 0;
}

/*
 * The name of a legacy charset ICU's detector trusts for p, or NULL; *gb
 * receives its confidence (0..100) that p is GB18030. The detector is
 * kept in *keep (the name is borrowed from it).
 */
static const char *detect(const char *p, size_t n, UCharsetDetector **keep, int *gb)
{
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector *csd = ucsdet_open(&err);
    const UCharsetMatch **all;
    const char *name = NULL;
    int32_t nall = 0;

    *keep = csd;
    *gb = 0;
    if (U_FAILURE(err))
        return NULL;
    ucsdet_setText(csd, p, (int32_t)n, &err);
    all = ucsdet_detectAll(csd, &nall, &err);
    if (U_FAILURE(err))
        return NULL;
    for (int32_t k = 0; k < nall; k++) {
        const char *cs = ucsdet_getName(all[k], &err);
        int conf = ucsdet_getConfidence(all[k], &err);
        if (U_FAILURE(err) || !cs)
            return NULL;
        if (strcmp(cs, "GB18030") == 0 && conf > *gb)
            *gb = conf;
        if (k == 0 && conf >= MIN_DETECT_CONFIDENCE && strcmp(cs, "UTF-8") != 0)
            name = cs;
    }
    return name;
}

/* The k bytes at s as one word, the first in the low bits whatever the
 * machine's byte order (compilers make it one load). */
static uint64_t le_word(const unsigned char *s, int k)
{
    uint64_t w = 0;
    while (k-- > 0)
        w = w << 8 | s[k];
    return w;
}

/* Is b the lead of a three-byte character of U+1000-U+CFFF (see zsi_decode)? */
static int lead_e1_ec(unsigned char b)
{
    return b - 0xE1u <= 0xEC - 0xE1;
}

/*
 * The end of the run of three-byte characters with leads E1-EC (each with
 * its two trail bytes) that starts at r, before end. Four characters a
 * test while 12 bytes remain: their eight trail bytes in two masked words,
 * then the four leads; then one a test. The run ends where the test one
 * character at a time ends it: a block that fails is retried that way.
 * Most news is such runs: the loop one character a test was 58 of the
 * 96 M instructions of zsi_decode() on every eighth realnews-dev article.
 */
static const unsigned char *run_of_three(const unsigned char *r, const unsigned char *end)
{
    /* bytes 1 2 4 5 7 of a block, and 8 10 11 (bytes 0 2 3 of the next
     * four): the trail bytes, 10xxxxxx */
    const uint64_t trail8 = UINT64_C(0xC000C0C000C0C000), want8 = UINT64_C(0x8000808000808000);
    const uint64_t trail4 = 0xC0C000C0u, want4 = 0x80800080u;
    while (end - r >= 12 && (le_word(r, 8) & trail8) == want8 &&
           (le_word(r + 8, 4) & trail4) == want4 && lead_e1_ec(r[0]) && lead_e1_ec(r[3]) &&
           lead_e1_ec(r[6]) && lead_e1_ec(r[9]))
        r += 12;
    while (end - r >= 3 && lead_e1_ec(r[0]) && (r[1] & 0xC0) == 0x80 && (r[2] & 0xC0) == 0x80)
        r += 3;
    return r;
}

int zsi_decode(const char *raw, size_t n, char **out, size_t *out_n, zsi_warn_fn warn, void *ctx)
{
    const unsigned char *u = (const unsigned char *)raw;
    size_t skip = 0, ctl = 0, nmb = 0, nbad = 0;
    int32_t i, len;
    int rc;

    if (!out || !out_n || (!raw && n))
        return ZS_EINVAL;
    *out = NULL;
    *out_n = 0;
    if (n > ZSI_MAX_FILE_BYTES) {
        say(warn, ctx, 0, "file larger than the limit for one article");
        return ZS_ELIMIT;
    }
    if (n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF))) {
        rc = convert_strict(u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", raw + 2, n - 2, out, out_n);
        if (rc == 1) {
            say(warn, ctx, 0, "UTF-16 byte order mark but the text is not valid UTF-16");
            return ZS_EINVAL;
        }
        return rc;
    }
    if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
        skip = 3;
    /* One pass over the bytes: NULs, control bytes, invalid UTF-8 and
     * multibyte characters. Printable ASCII and valid three-byte characters
     * (nearly all of Chinese news) are answered inline; the rest goes to
     * U8_NEXT. Bytes below 0x80 are never inside another sequence, so each
     * is seen on its own, as a scan byte by byte would. */
    len = (int32_t)(n - skip);
    for (i = 0; i < len;) {
        const unsigned char *b = u + skip + i;
        if (b[0] >= 0x20 && b[0] < 0x80) {
            i++;
            continue;
        }
        if (b[0] < 0x20) {
            if (b[0] == 0) {
                say(warn, ctx, skip + (size_t)i, "binary file: NUL byte");
                return ZS_EINVAL;
            }
            if (b[0] != '\t' && b[0] != '\n' && b[0] != '\r' && b[0] != '\f' && b[0] != '\v')
                ctl++;
            i++;
            continue;
        }
        /* Leads E1-EC with two trail bytes: U+1000-U+CFFF, never overlong
         * nor a surrogate, so valid without computing the code point (all of
         * the CJK block, E4-E9, is here). */
        if (lead_e1_ec(b[0]) && len - i >= 3 && (b[1] & 0xC0) == 0x80 &&
            (b[2] & 0xC0) == 0x80) {
            /* and the run of such characters after it, here: most text */
            const unsigned char *r = run_of_three(b + 3, u + n);
            nmb += (size_t)(r - b) / 3;
            i += (int32_t)(r - b);
            continue;
        }
        if ((b[0] & 0xF0) == 0xE0 && len - i >= 3 && zsu_utf8_three(b)) {
            nmb++;
            i += 3;
            continue;
        }
        int32_t at = i;
        UChar32 c;
        U8_NEXT(raw + skip, i, len, c);
        if (c < 0)
            nbad++;
        else if (i - at > 1)
            nmb++;
    }
    if (ctl > 0 && ctl * 100 > n - skip) {
        say(warn, ctx, 0, "binary file: too many control bytes");
        return ZS_EINVAL;
    }
    if (nbad == 0) {
        char *s = malloc(n - skip + 1);
        if (!s)
            return ZS_ENOMEM;
        memcpy(s, raw + skip, n - skip);
        s[n - skip] = '\0';
        *out = s;
        *out_n = n - skip;
        return 0;
    }
    if (nmb >= nbad * 4)
        return repair_utf8(raw + skip, n - skip, skip, out, out_n, warn, ctx);

    UCharsetDetector *csd = NULL;
    int gb = 0;
    const char *cs = detect(raw + skip, n - skip, &csd, &gb);
    rc = 1;
    if (cs && strncmp(cs, "Big5", 4) == 0) {
        /* Hong Kong text may use HKSCS characters plain Big5 lacks. */
        rc = convert_strict("Big5", raw + skip, n - skip, out, out_n);
        if (rc == 1)
            rc = convert_strict("Big5-HKSCS", raw + skip, n - skip, out, out_n);
    }
    if (rc == 1) {
        rc = convert_strict("GB18030", raw + skip, n - skip, out, out_n);
        if (rc == 0 && gb < MIN_DETECT_CONFIDENCE) {
            char msg[200];
            snprintf(msg, sizeof msg,
                     "read as GB18030, but the text is implausible as Chinese in GB18030 "
                     "(ICU's charset detector: %d%%); it may be garbled: convert the file "
                     "to UTF-8 and index it again",
                     gb);
            say(warn, ctx, 0, msg);
        }
    }
    if (rc == 1 && cs)
        rc = convert_strict(cs, raw + skip, n - skip, out, out_n);
    ucsdet_close(csd);
    if (rc <= 0)
        return rc;
    say(warn, ctx, 0, "text is neither UTF-8 nor a known legacy charset");
    return repair_utf8(raw + skip, n - skip, skip, out, out_n, warn, ctx);
}

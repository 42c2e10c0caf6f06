/*
 * number.c - numbers as Chinese news prints them: Arabic digits (ASCII or
 * full-width, with thousands separators and a decimal point) and Chinese
 * numerals (三千, 十七点六, 两百, 一万二, 七分之一, 百分之三十, 二〇二四).
 *
 * Invariants:
 *  - A scanner never reads past p+n and never allocates.
 *  - Values are kept as an exact integer mantissa and a decimal scale as long
 *    as possible, so 135.34 × 1e8 gives exactly 13534000000.
 *  - Only the numeral characters of everyday text are read. ICU's numeric
 *    values (u_getNumericValue) also cover accounting forms (伍 in 队伍, 陆 in
 *    陆续, 拾 in 收拾) and the ambiguous 兆; reading those as numbers would put
 *    figures into ordinary words, so the table below is deliberately small.
 */
#include <math.h>
#include <string.h>

#include <unicode/uchar.h>

#include "figure_int.h"

double zsi_cn_numeral(unsigned cp)
{
    switch (cp) {
    case 0x96F6: /* 零 */
    case 0x3007: /* 〇 */ return 0;
    case 0x4E00: return 1;    /* 一 */
    case 0x4E8C: return 2;    /* 二 */
    case 0x4E24: return 2;    /* 两 */
    case 0x4E09: return 3;    /* 三 */
    case 0x56DB: return 4;    /* 四 */
    case 0x4E94: return 5;    /* 五 */
    case 0x516D: return 6;    /* 六 */
    case 0x4E03: return 7;    /* 七 */
    case 0x516B: return 8;    /* 八 */
    case 0x4E5D: return 9;    /* 九 */
    case 0x5341: return 10;   /* 十 */
    case 0x767E: return 100;  /* 百 */
    case 0x5343: return 1000; /* 千 */
    case 0x4E07: return 1e4;  /* 万 */
    case 0x4EBF: return 1e8;  /* 亿 */
    default: return -1;
    }
}

/* Decimal digit value of an Arabic digit code point (ASCII or any Unicode
 * decimal digit, full-width included, via ICU), else -1. */
static int arabic_digit(unsigned cp)
{
    if (cp >= '0' && cp <= '9')
        return (int)(cp - '0');
    if (cp < 0x80)
        return -1;
    if (u_charType((UChar32)cp) == U_DECIMAL_DIGIT_NUMBER)
        return u_charDigitValue((UChar32)cp);
    return -1;
}

/* Digit value of the character at p (Arabic digit), its length in *len. */
static int digit_at(const char *p, size_t n, size_t *len)
{
    unsigned cp;
    if (n == 0)
        return -1;
    *len = zsu_utf8_decode(p, n, &cp);
    return arabic_digit(cp);
}

/* A full-width digit (０-９, U+FF10-FF19) at p? */
static int is_wide_digit(const char *p, size_t n)
{
    return n >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBC &&
           (unsigned char)p[2] >= 0x90 && (unsigned char)p[2] <= 0x99;
}

static double pow10i(int k)
{
    double r = 1;
    while (k-- > 0)
        r *= 10;
    return r;
}

/* A number read: its value is mant / 10^scale (see zsi_num). Returns ZS_OK. */
static int number_read(zsi_num *out, int kind, double mant, int scale, size_t used, unsigned flags,
                       int nchars, int first)
{
    *out = (zsi_num){.value = mant / pow10i(scale),
                     .mant = mant,
                     .scale = scale,
                     .used = used,
                     .kind = kind,
                     .flags = flags,
                     .nchars = nchars,
                     .first = first};
    return ZS_OK;
}

/* Arabic number at p. */
static int scan_arabic(const char *p, size_t n, zsi_num *out)
{
    size_t i = 0, len;
    int d, nint = 0, nsig = 0, scale = 0, group = 0, wide = 1;
    double mant = 0;
    unsigned flags = 0;

    while (i < n && (d = digit_at(p + i, n - i, &len)) >= 0) {
        wide = wide && is_wide_digit(p + i, n - i);
        if (nsig > 0 || d > 0)
            nsig++;
        mant = mant * 10 + d;
        nint++;
        group++;
        i += len;
        /* A thousands separator: ASCII ',' after a first group of 1-3 digits
         * (or a later group of exactly 3), followed by exactly 3 digits. The
         * full-width '，' is a clause mark, never a separator. */
        if (i < n && p[i] == ',' && group <= 3 && (!(flags & ZSI_NUMF_SEP) || group == 3)) {
            size_t j = i + 1, k;
            int m = 0;
            while (m < 4 && j < n && digit_at(p + j, n - j, &k) >= 0) {
                j += k;
                m++;
            }
            if (m == 3) {
                flags |= ZSI_NUMF_SEP;
                group = 0;
                i++;
            }
        }
    }
    if (nint == 0)
        return ZS_EINVAL;
    if ((flags & ZSI_NUMF_SEP) && group != 3)
        return ZS_EINVAL;
    /* Decimal point: '.' or full-width '．', only when a digit follows. The
     * People's Daily of the 1990s prints full-width digits and a middle dot
     * '·' for the point (１３·４亿, ８１·７％); between ASCII digits the dot
     * names a date or an event (7·23事故, 3·15晚会), no decimal. */
    if (i < n) {
        size_t plen = 0;
        int dot = 0;
        if (p[i] == '.')
            plen = 1;
        else if (n - i >= 3 && memcmp(p + i, "\xEF\xBC\x8E", 3) == 0)
            plen = 3;
        else if (wide && n - i >= 2 && memcmp(p + i, "\xC2\xB7", 2) == 0) {
            plen = 2;
            dot = 1;
        }
        if (plen && i + plen < n && digit_at(p + i + plen, n - i - plen, &len) >= 0 &&
            (!dot || is_wide_digit(p + i + plen, n - i - plen))) {
            i += plen;
            flags |= ZSI_NUMF_DEC;
            while (i < n && (d = digit_at(p + i, n - i, &len)) >= 0) {
                if (nsig > 0 || d > 0)
                    nsig++;
                mant = mant * 10 + d;
                scale++;
                i += len;
                if (scale > ZSI_MAX_NUM_DIGITS)
                    return ZS_EINVAL;
            }
        }
    }
    if (nsig > ZSI_MAX_NUM_DIGITS || nint > ZSI_MAX_NUM_DIGITS)
        return ZS_EINVAL;
    return number_read(out, ZSI_NUM_ARABIC, mant, scale, i, flags, nint, digit_at(p, n, &len));
}

/* Chinese numeral character at p[i..n): its value, or -1; *len its bytes. */
static double cn_at(const char *p, size_t n, size_t i, size_t *len)
{
    unsigned cp;
    if (i >= n)
        return -1;
    *len = zsu_utf8_decode(p + i, n - i, &cp);
    return zsi_cn_numeral(cp);
}

static int is_cn_digit(double v)
{
    return v >= 0 && v < 10;
}

/*
 * Append the run of Chinese digits at p[*i] to *mant, one decimal place
 * each (二〇二四, the 六 of 十七点六), counting them in *ndig; *next is the
 * numeral after the run (-1 for none, 1e4 for 万...), *len its bytes.
 * ZS_EINVAL once *ndig would pass ZSI_MAX_NUM_DIGITS.
 */
static int digit_run(const char *p, size_t n, size_t *i, double *mant, int *ndig, double *next,
                     size_t *len)
{
    double v;
    while ((v = cn_at(p, n, *i, len)) >= 0 && is_cn_digit(v)) {
        if (*ndig >= ZSI_MAX_NUM_DIGITS)
            return ZS_EINVAL;
        *mant = *mant * 10 + v;
        (*ndig)++;
        *i += *len;
    }
    *next = v;
    return 0;
}

#define U8_DIAN "\xE7\x82\xB9"               /* 点 */
#define U8_FENZHI "\xE5\x88\x86\xE4\xB9\x8B" /* 分之 */

static int scan_chinese_plain(const char *p, size_t n, zsi_num *out);

/*
 * "X分之Y" once X (value den, spelled in xbytes bytes) has been read:
 * Y is a Chinese or Arabic numeral.
 */
static int scan_fraction(const char *p, size_t n, size_t xbytes, const zsi_num *x, zsi_num *out)
{
    zsi_num y;
    size_t at = xbytes + 6;
    int rc;

    if (x->value <= 0)
        return ZS_EINVAL;
    rc = scan_chinese_plain(p + at, n - at, &y);
    if (rc != ZS_OK)
        rc = scan_arabic(p + at, n - at, &y);
    if (rc != ZS_OK || (y.flags & ZSI_NUMF_NEXTNUM))
        return ZS_EINVAL;
    *out = y;
    out->kind = ZSI_NUM_CHINESE;
    out->used = at + y.used;
    out->nchars = x->nchars + 2 + y.nchars;
    out->first = x->first;
    out->flags = ZSI_NUMF_FRAC | (y.flags & ZSI_NUMF_DEC);
    if (x->nchars == 1 && x->value == 100) {
        out->flags |= ZSI_NUMF_PERCENT; /* 百分之三十 = 30% */
    } else if (x->nchars == 1 && x->value == 1000) {
        out->flags |= ZSI_NUMF_PERMILLE;
    } else {
        out->value = y.value / x->value;
        out->mant = out->value;
        out->scale = 0;
    }
    return ZS_OK;
}

/* Chinese numeral at p, no fraction. */
static int scan_chinese_plain(const char *p, size_t n, zsi_num *out)
{
    size_t i = 0, len = 0;
    double v, total = 0, section = 0, small_last = 1e9, prev_mult = 0;
    int digit = -1, nchars = 0, mult_had_digit = 0, first = -1;
    unsigned flags = 0;

    v = cn_at(p, n, 0, &len);
    if (v < 0)
        return ZS_EINVAL;
    first = (int)v;

    /* Positional digits only (二〇二四, 三五): years and the like. */
    {
        size_t l2;
        double v2 = cn_at(p, n, len, &l2);
        if (is_cn_digit(v) && is_cn_digit(v2)) {
            double mant = 0;
            if (digit_run(p, n, &i, &mant, &nchars, &v, &len))
                return ZS_EINVAL;
            if (v >= 10)
                flags |= ZSI_NUMF_NEXTNUM; /* 二〇二四万? not one number */
            return number_read(out, ZSI_NUM_CHINESE, mant, 0, i, flags | ZSI_NUMF_DIGSTR, nchars,
                               first);
        }
    }

    while ((v = cn_at(p, n, i, &len)) >= 0) {
        if (is_cn_digit(v)) {
            if (digit >= 0) {
                flags |= ZSI_NUMF_NEXTNUM; /* 十四五: two digits in a row */
                break;
            }
            if (v == 0 && nchars > 0) {
                prev_mult = 0; /* 一百零五: 零 holds a place, no colloquial scaling */
            } else {
                digit = (int)v;
            }
        } else if (v < 1e4) { /* 十 百 千 */
            int d = digit;
            if (d < 0) {
                if (nchars == 0 || (prev_mult == 0 && v == 10 && section + total > 0))
                    d = 1; /* 十七, 百亿, 千元, 一百零十 */
                else
                    break;
            }
            if (v >= small_last)
                break; /* 三百四千: not descending */
            section += d * v;
            small_last = v;
            mult_had_digit = digit >= 0;
            digit = -1;
            prev_mult = v;
            flags |= ZSI_NUMF_MULTCH;
        } else { /* 万 亿 */
            double s = section + (digit >= 0 ? digit : 0);
            if (s == 0 && digit < 0) {
                if (nchars == 0)
                    s = 1; /* 亿 alone: 近亿元 */
                else if (!(v == 1e8 && prev_mult == 1e4))
                    break;
            }
            if (v == 1e4) {
                if (prev_mult == 1e4)
                    break;
                total += s * 1e4;
            } else {
                total = (total + s) * 1e8;
            }
            mult_had_digit = digit >= 0 || section > 0;
            section = 0;
            small_last = 1e9;
            digit = -1;
            prev_mult = v;
            flags |= ZSI_NUMF_MULTCH;
        }
        nchars++;
        i += len;
    }

    double mant = total + section;
    int scale = 0;
    if (digit >= 0) {
        /* 一万二 = 12000, 三千五 = 3500: a bare digit after a multiplier that
         * itself had a digit counts in the next lower place. */
        if (prev_mult >= 100 && mult_had_digit && !(flags & ZSI_NUMF_NEXTNUM))
            mant += digit * (prev_mult / 10);
        else
            mant += digit;
    }
    /* 十七点六: decimals after 点. */
    if (!(flags & ZSI_NUMF_NEXTNUM) && n - i > 3 && memcmp(p + i, U8_DIAN, 3) == 0 &&
        is_cn_digit(cn_at(p, n, i + 3, &len))) {
        size_t j = i + 3;
        if (digit_run(p, n, &j, &mant, &scale, &v, &len))
            return ZS_EINVAL;
        nchars += scale + 1; /* the digits and 点 */
        i = j;
        flags |= ZSI_NUMF_DEC;
        if (v == 1e4 || v == 1e8) { /* 三点五亿 */
            mant *= v;
            i += len;
            nchars++;
            flags |= ZSI_NUMF_MULTCH;
        }
    }
    if (nchars == 0)
        return ZS_EINVAL;
    return number_read(out, ZSI_NUM_CHINESE, mant, scale, i, flags, nchars, first);
}

int zsi_number_scan(const char *p, size_t n, zsi_num *out)
{
    int rc;

    if (!p || n == 0 || !out)
        return ZS_EINVAL;
    memset(out, 0, sizeof *out);
    rc = scan_arabic(p, n, out);
    if (rc == ZS_OK)
        return rc;
    rc = scan_chinese_plain(p, n, out);
    if (rc != ZS_OK)
        return rc;
    if (!(out->flags & (ZSI_NUMF_NEXTNUM | ZSI_NUMF_DEC | ZSI_NUMF_DIGSTR)) && n - out->used > 6 &&
        memcmp(p + out->used, U8_FENZHI, 6) == 0) {
        zsi_num x = *out;
        if (scan_fraction(p, n, x.used, &x, out) == ZS_OK)
            return ZS_OK;
        *out = x;
    }
    return ZS_OK;
}

size_t zsi_multiplier_scan(const char *p, size_t n, double *mult)
{
    size_t i = 0, len;
    double m = 1, v;
    int k = 0;

    /* At most three in a chain (千万亿 is already absurd). */
    while (k < 3 && (v = cn_at(p, n, i, &len)) >= 100) {
        m *= v;
        i += len;
        k++;
    }
    *mult = m;
    return i;
}

int zsi_number_parse(const char *p, size_t n, double *value, size_t *used)
{
    zsi_num num;
    int rc = zsi_number_scan(p, n, &num);

    if (rc != ZS_OK)
        return rc;
    if (num.kind == ZSI_NUM_ARABIC) {
        double m;
        size_t k = zsi_multiplier_scan(p + num.used, n - num.used, &m);
        *value = num.mant * m / pow10i(num.scale);
        *used = num.used + k;
    } else {
        *value = num.value;
        if (num.flags & ZSI_NUMF_PERCENT)
            *value = num.value / 100;
        else if (num.flags & ZSI_NUMF_PERMILLE)
            *value = num.value / 1000;
        *used = num.used;
    }
    if (!isfinite(*value))
        return ZS_EINVAL;
    return ZS_OK;
}

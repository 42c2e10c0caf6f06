/*
 * park_info.c - what the gazetteer knows of a zone: level, kind, province
 * and city, from its list (zones.tsv columns) or, for what the lists leave
 * out and for zones found by the patterns, from its name: the suffix gives
 * the kind, the place it starts with (places.tsv) the province and city.
 */
#include <string.h>

#include "extract_int.h"
#include "park_int.h"

/* Longest place name tried at the start of a zone name (bytes). */
#define MAX_PLACE_BYTES 24

/*
 * Whether name[0..k), a town's name, is printed whole (石桥镇, 城关街道)
 * rather than as its short form (大鹏 of 大鹏镇). China has some 40,000
 * townships and their short forms are common words and other places' names:
 * 大鹏新区 is Shenzhen's, not a town of 广西's 贵港; 卫星产业园 and 临港 name
 * no town. Only a town printed whole says where the zone is.
 */
static int town_word(const char *name, size_t k)
{
    static const char *const ends[] = {"\xE9\x95\x87", "\xE4\xB9\xA1", "\xE8\xA1\x97\xE9\x81\x93"}; /* 镇 乡 街道 */
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++) {
        size_t l = strlen(ends[i]);
        if (k > l && memcmp(name + k - l, ends[i], l) == 0)
            return 1;
    }
    return 0;
}

static const char *or_empty(const char *s)
{
    return s ? s : "";
}

void zsi_park_info_get(const zsi_gazetteer *g, const char *name, size_t n, zsi_park_info *out)
{
    memset(out, 0, sizeof *out);
    out->level = out->kind = out->province = out->city = "";
    if (!g || !name)
        return;
    size_t c = zsi_pk_find_name(g, name, n);
    if (c != (size_t)-1 && c < g->capmeta && g->meta[c].listed) {
        const zone_meta *m = &g->meta[c];
        out->listed = 1;
        out->level = or_empty(m->level);
        out->kind = or_empty(m->kind);
        out->province = or_empty(m->province);
        out->city = or_empty(m->city);
    }
    if (!out->kind[0]) {
        long si = zsi_pk_ending_suffix(g, name, n);
        if (si >= 0)
            out->kind = g->suf[si].canon;
    }
    if (out->province[0])
        return;
    /* The longest place the name starts with: 驻马店经开区 -> 驻马店 (河南省). */
    for (size_t k = n < MAX_PLACE_BYTES ? n : MAX_PLACE_BYTES; k >= 6; k--) {
        size_t row;
        if (!(zsi_words_find(g->words, name, k, &row) & ZSW_PLACE))
            continue;
        const char *city = "", *province = "";
        if (zsi_words_place(g->words, row, &city, &province) == ZSW_TOWN && !town_word(name, k))
            break;
        out->province = province;
        if (!out->city[0])
            out->city = city;
        break;
    }
}

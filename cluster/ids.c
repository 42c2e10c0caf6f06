/*
 * ids.c - the numbers both halves of cluster/ must compute alike: zone ids,
 * alias keys, name ids, shards and fixed-point figure values.
 *
 * Invariant: these are pure functions of their input bytes (xxHash64 with
 * seed 0), so an export made today and a query made by another build
 * tomorrow agree, and a re-export sends each document to the same shard.
 * Changing any of them changes the export format: say so in doc/scaling.md.
 */
#include <math.h>
#include <string.h>
#include <xxhash.h>

#include "cluster_int.h"

/* The seed of alias keys (zone ids use 0). */
#define ALIAS_SEED 1

long long zsc_fig_scaled(double value)
{
    double x = value * ZSC_FIG_SCALE;
    if (isnan(x))
        return 0;
    /* 9.2e18 is the largest a signed 64-bit integer holds; stop short of it
     * so rounding cannot overflow. */
    if (x >= 9.2e18)
        return 9200000000000000000LL;
    if (x <= -9.2e18)
        return -9200000000000000000LL;
    return llround(x);
}

static uint64_t id63(const void *p, size_t n)
{
    uint64_t h = XXH64(p, n, 0) >> 1;
    return h ? h : 1;
}

uint64_t zsc_zone_id(const char *name, size_t n)
{
    return id63(name, n);
}

uint64_t zsc_alias_key(const char *alias, size_t n)
{
    /* Seed 1: another hash function, so an alias never meets a canonical
     * name of the same spelling. */
    uint64_t h = XXH64(alias, n, ALIAS_SEED) >> 1;
    return h ? h : 1;
}

unsigned zsc_name_id(const char *name, size_t n)
{
    unsigned h = (unsigned)(XXH64(name, n, 0) & 0xffffffffu);
    return h ? h : 1;
}

int zsc_shard_of(const char *path, size_t n, int nshards)
{
    if (nshards <= 1)
        return 1;
    return 1 + (int)(XXH64(path, n, 0) % (uint64_t)nshards);
}

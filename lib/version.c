/*
 * version.c - the library's version (zs_strerror lives in util/error.c, below
 * every layer that names an error).
 */
#include "zhaoshu.h"

const char *zs_version(void)
{
    return ZS_VERSION_STRING;
}

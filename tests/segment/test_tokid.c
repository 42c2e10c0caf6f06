/*
 * test_tokid.c - the tokenizer identity compiled in at build time
 * (tokid_freeze.c) is the one this process makes at run time: a query takes
 * the frozen one, so a difference would refuse every index it can read, or
 * read one another tokenizer cut.
 */
#include <string.h>
#include <unicode/uversion.h>

#include "../tap.h"
#include "segment_int.h"
#include "zhaoshu.h"

int main(void)
{
    char now[ZSS_TOKENIZER_ID_MAX], icu[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo v;

    u_getVersion(v);
    u_versionToString(v, icu);
    zss_tokid_compute(now, sizeof now);
    tap_ok(zss_tokid_frozen[0] != '\0', "an identity was frozen at build time");
    TAP_STREQ(zss_tokid_frozen_icu, icu, "frozen with the ICU this test runs");
    TAP_STREQ(zss_tokid_frozen, now, "the frozen identity is the one made now");
    TAP_STREQ(zs_tokenizer(), now, "zs_tokenizer() gives it");
    tap_ok(strstr(now, "probe:0000000000000000") == NULL, "the probe was cut");
    return tap_done();
}

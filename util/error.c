/*
 * error.c - the text of each ZS_E* code (zs_strerror, public). It sits at
 * the bottom so that store/ and query/ can name an error in a handle's
 * message without calling up into the library layer.
 */
#include "zhaoshu.h"

const char *zs_strerror(int code)
{
    switch (code) {
    case ZS_OK: return "ok";
    case ZS_ENOMEM: return "out of memory";
    case ZS_EINVAL: return "invalid argument";
    case ZS_ESYNTAX: return "query syntax error";
    case ZS_ENOTFOUND: return "not found";
    case ZS_EIO: return "input/output error";
    case ZS_ESQLITE: return "SQLite error";
    case ZS_EICU: return "ICU error";
    case ZS_ELIMIT: return "size limit exceeded";
    case ZS_ESCHEMA: return "index schema version mismatch";
    case ZS_EBUSY: return "another process is writing the index";
    case ZS_ETOKENIZER: return "index tokenized by another tokenizer";
    case ZS_ITEROVER: return "end of iteration";
    }
    return "unknown error";
}

/*
 * extension_api.h - forced first include (-include) of every source compiled
 * into the SQLite loadable extension zhaoshu.so.
 *
 * A loadable extension must reach SQLite only through the routine table the
 * host hands to sqlite3_zhaoshu_init(): the host's SQLite may be a private,
 * statically linked copy (Python builds, language bindings) whose symbols are
 * not visible to us, and a second libsqlite3 would corrupt its connections.
 * segment/fts5_tok.c calls sqlite3_prepare_v2() and friends to find the FTS5
 * API; included first, this header turns those calls into sqlite3_api->...
 * (sqlite3ext.h's macros), so the very same tokenizer source serves both the
 * library (linked to libsqlite3) and the extension (linked to no SQLite).
 * The table itself is defined once, in lib/extension.c (EXTENSION_INIT1).
 */
#ifndef ZS_EXTENSION_API_H
#define ZS_EXTENSION_API_H

#include <sqlite3ext.h>

SQLITE_EXTENSION_INIT3

#endif

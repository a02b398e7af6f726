// What Swift cannot import from sqlite3.h: its variadic functions. Nothing else belongs here.
#ifndef ARCHIVE_CSQLITE_SHIM_H
#define ARCHIVE_CSQLITE_SHIM_H

#include <sqlite3.h>

/// sqlite3_db_config() for the options that take (int, int*), e.g. SQLITE_DBCONFIG_DQS_DML.
static inline int archive_sqlite3_db_config_int(sqlite3 *db, int op, int value, int *result) {
    return sqlite3_db_config(db, op, value, result);
}

#endif

#ifndef CPRESSER_SQLITE_H
#define CPRESSER_SQLITE_H

/// Calls into SQLite that Swift cannot make itself: `sqlite3_config` is a variadic C function,
/// which Swift does not import.

/// `sqlite3_config(SQLITE_CONFIG_MEMSTATUS, on)`: whether SQLite counts the memory it allocates.
/// Takes effect only before the library is initialised (before its first connection or file
/// layer call); afterwards SQLite answers SQLITE_MISUSE and nothing changes.
int presser_sqlite3_config_memstatus(int on);

#endif

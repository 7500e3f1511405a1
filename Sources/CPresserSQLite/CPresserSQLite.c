#include "CPresserSQLite.h"
#include <sqlite3.h>

int presser_sqlite3_config_memstatus(int on) {
    return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, on);
}

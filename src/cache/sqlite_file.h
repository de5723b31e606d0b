#pragma once

#include <sqlite3.h>

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace nba::cache {

// What the stores in the cache's SQLite file share: owning handles, and how a path becomes
// something sqlite3_open_v2 opens.

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;

struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// Binds `text` (copied) to parameter `index`.
void bindText(sqlite3_stmt* statement, int index, std::string_view text);

// Where and how one store opens `path`.
struct SqliteTarget {
  std::string uri;  // for sqlite3_open_v2
  int flags = 0;
  bool in_memory = false;
};

// ":memory:" becomes an in-memory database of one store's own, shared by that store's
// connections (a shared-cache URI named from `name` and `owner`); a file path gets its
// directory made. kUnavailable naming the directory when it cannot be made.
Result<SqliteTarget> sqliteTarget(const std::string& path, std::string_view name,
                                  const void* owner);

// Opens `target` with a busy timeout and the pragmas every connection runs (WAL for a file,
// synchronous=NORMAL). Null when SQLite refuses; `db` is then what SQLite returned (it may
// hold the error message) and the caller reads sqlite3_errmsg from it before it goes.
Db openConnection(const SqliteTarget& target, int busy_ms, Db& failed);

// sqlite3_exec, retried while the database is busy or locked, for up to about busy_ms.
// Two processes opening one new file at once race to switch it to WAL and create its
// tables; the loser can get SQLITE_BUSY without the busy handler being asked (SQLite does
// not wait where waiting could deadlock), which must not fail the open.
int execWhileBusy(sqlite3* db, const char* sql, int busy_ms);

}  // namespace nba::cache

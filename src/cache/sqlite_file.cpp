#include "cache/sqlite_file.h"

#include <cstdint>
#include <filesystem>

namespace nba::cache {

void bindText(sqlite3_stmt* statement, int index, std::string_view text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

Result<SqliteTarget> sqliteTarget(const std::string& path, std::string_view name,
                                  const void* owner) {
  SqliteTarget target;
  target.flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (path == ":memory:") {
    target.uri = "file:nba_mcp_" + std::string(name) + "_" +
                 std::to_string(reinterpret_cast<std::uintptr_t>(owner)) +
                 "?mode=memory&cache=shared";
    target.flags |= SQLITE_OPEN_URI;
    target.in_memory = true;
    return target;
  }
  std::error_code error;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), error);
  if (error) {
    return unavailable("cannot create the directory of " + path + ": " + error.message());
  }
  target.uri = path;
  return target;
}

Db openConnection(const SqliteTarget& target, int busy_ms, Db& failed) {
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(target.uri.c_str(), &raw, target.flags, nullptr);
  Db db(raw);
  if (opened != SQLITE_OK) {
    failed = std::move(db);
    return nullptr;
  }
  sqlite3_busy_timeout(db.get(), busy_ms);
  sqlite3_extended_result_codes(db.get(), 1);
  // The two connections to one in-memory database share its cache, where a write transaction
  // locks the table against the other's reads at once (SQLITE_LOCKED, which no busy timeout
  // waits out); read_uncommitted reads without those locks, as WAL lets a file's readers.
  const char* pragmas = target.in_memory ? "PRAGMA synchronous=NORMAL; PRAGMA read_uncommitted=1;"
                                         : "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
  if (execWhileBusy(db.get(), pragmas, busy_ms) != SQLITE_OK) {
    failed = std::move(db);
    return nullptr;
  }
  return db;
}

int execWhileBusy(sqlite3* db, const char* sql, int busy_ms) {
  constexpr int kPauseMs = 5;
  int result = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  for (int waited = 0;
       waited < busy_ms && ((result & 0xff) == SQLITE_BUSY || (result & 0xff) == SQLITE_LOCKED);
       waited += kPauseMs) {
    sqlite3_sleep(kPauseMs);
    result = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  }
  return result;
}

}  // namespace nba::cache

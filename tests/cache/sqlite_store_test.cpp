// The L2 store on real files: persistence, sharing, invalidation, and every fault the issue
// names — each leaves the store answering (misses, dropped writes) and says what went wrong.
#include "cache/sqlite_store.h"

#include <doctest/doctest.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>

#include "support/temp_dir.h"

namespace nba::cache {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

StoredEntry entry(const std::string& key, TtlTier tier = TtlTier::kDaily,
                  std::string kind = "standings", std::string params = "season=2025-26") {
  StoredEntry out;
  out.key = key;
  out.kind = std::move(kind);
  out.params = std::move(params);
  out.tier = tier;
  out.created_at = 1000;
  out.fresh_until = 2000;
  out.stale_until = 3000;
  out.keep_until = 4000;
  return out;
}

void put(SqliteStore& store, const std::string& key, const std::string& value,
         TtlTier tier = TtlTier::kDaily, std::string kind = "standings",
         std::string params = "season=2025-26") {
  store.put(entry(key, tier, std::move(kind), std::move(params)), [value] { return value; });
}

TEST_CASE("store: written behind, read back, and still there after a restart") {
  TempDir dir;
  {
    SqliteStore store(dir.db());
    put(store, "nba_mcp:v4:standings:1", "Rvalue one");
    store.flush();
    const auto got = store.get("nba_mcp:v4:standings:1");
    REQUIRE(got.has_value());
    CHECK(got->value == "Rvalue one");
    CHECK(got->kind == "standings");
    CHECK(got->params == "season=2025-26");
    CHECK(got->fresh_until == 2000);
    CHECK(got->keep_until == 4000);
    CHECK_FALSE(store.get("nba_mcp:v4:standings:2").has_value());
    const StoreStats stats = store.stats();
    CHECK(stats.available);
    CHECK(stats.problem.empty());
    CHECK(stats.writes == 1);
    CHECK(stats.entries[static_cast<std::size_t>(TtlTier::kDaily)] == 1);
    CHECK(stats.bytes[static_cast<std::size_t>(TtlTier::kDaily)] == 10);
  }
  SqliteStore reopened(dir.db());
  REQUIRE(reopened.get("nba_mcp:v4:standings:1").has_value());
  CHECK(reopened.get("nba_mcp:v4:standings:1")->value == "Rvalue one");
  // WAL mode, as DESIGN §6 asks.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(dir.db().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* mode = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &mode, nullptr);
  REQUIRE(sqlite3_step(mode) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(mode, 0))) == "wal");
  sqlite3_finalize(mode);
  sqlite3_close(db);
}

TEST_CASE("store: :memory: works, and is gone with the store") {
  SqliteStore store(":memory:");
  put(store, "k", "Rv");
  store.flush();
  CHECK(store.get("k")->value == "Rv");
  CHECK(store.stats().available);
}

TEST_CASE("store: :memory: reads while the write-behind thread writes, and never fails") {
  // Its two connections share one in-memory database, where a write transaction locks the
  // table against the other connection's reads at once (SQLITE_LOCKED, which no busy timeout
  // waits out): the nba-bench-cache golden replay met it as "database table is locked".
  SqliteStore store(":memory:");
  put(store, "first", "Rfirst");
  store.flush();
  for (int i = 0; i < 2000; ++i) {
    put(store, "k" + std::to_string(i), "R" + std::string(200, 'x'));
    const auto got = store.get("first");
    REQUIRE(got.has_value());
    CHECK(got->value == "Rfirst");
  }
  store.flush();
  const StoreStats stats = store.stats();
  CHECK(stats.available);
  CHECK(stats.problem == "");
  CHECK(store.get("k1999")->value == "R" + std::string(200, 'x'));
}

TEST_CASE("store: two processes' stores on one file see each other's committed entries") {
  TempDir dir;
  SqliteStore first(dir.db());
  SqliteStore second(dir.db());
  put(first, "from-first", "R1");
  first.flush();
  put(second, "from-second", "R2");
  second.flush();
  CHECK(second.get("from-first")->value == "R1");
  CHECK(first.get("from-second")->value == "R2");
}

TEST_CASE("store: invalidation by kind and parameters, clear, expiry, vacuum") {
  TempDir dir;
  SqliteStore store(dir.db());
  put(store, "a", "Ra", TtlTier::kDaily, "player_season_stats",
      "season=2025-26&season_type=Playoffs");
  put(store, "b", "Rb", TtlTier::kHistorical, "player_season_stats", "season=2024-25");
  put(store, "c", "Rc", TtlTier::kDaily, "standings", "season=2025-26");
  store.erase("c");
  store.flush();
  CHECK_FALSE(store.get("c").has_value());
  put(store, "c", "Rc", TtlTier::kDaily, "standings", "season=2025-26");
  CHECK(store.invalidate("player_season_stats", "season=2025-26") == 1);
  CHECK_FALSE(store.get("a").has_value());
  CHECK(store.get("b").has_value());
  CHECK(store.invalidate("", "2025-26") == 1);  // any kind: the standings
  CHECK(store.dropExpired(3999) == 0);
  CHECK(store.dropExpired(4000) == 1);
  put(store, "d", "Rd");
  CHECK(store.clear() == 1);
  CHECK(store.vacuum());
  CHECK(store.stats().entries[static_cast<std::size_t>(TtlTier::kDaily)] == 0);
}

TEST_CASE("store fault: a corrupt file — logged, named in the stats, reads miss, writes dropped") {
  TempDir dir;
  {
    std::ofstream garbage(dir.db(), std::ios::binary);
    std::mt19937 random(3);
    for (int i = 0; i < 8192; ++i) garbage.put(static_cast<char>(random()));
  }
  SqliteStore store(dir.db());
  CHECK_FALSE(store.get("k").has_value());
  put(store, "k", "Rv");
  store.flush();
  CHECK_FALSE(store.get("k").has_value());
  const StoreStats stats = store.stats();
  CHECK_FALSE(stats.available);
  CHECK(stats.problem.find("file is not a database") != std::string::npos);
  CHECK(stats.problem.find(dir.db()) != std::string::npos);
}

TEST_CASE("store fault: its directory cannot be created") {
  TempDir dir;
  std::ofstream(dir.path / "a-file") << "x";
  SqliteStore store((dir.path / "a-file" / "sub" / "cache.db").string());
  put(store, "k", "Rv");
  store.flush();
  CHECK_FALSE(store.get("k").has_value());
  CHECK_FALSE(store.stats().available);
  CHECK(store.stats().problem.find("cannot create the directory") != std::string::npos);
}

TEST_CASE("store fault: a read-only file — committed entries still read, writes dropped") {
  TempDir dir;
  {
    SqliteStore store(dir.db());
    put(store, "kept", "Rkept");
    store.flush();
  }
  // Tests run as root, whom file modes do not stop: the store runs as nobody in a child, on a
  // file and directory nobody may write. Exit codes say which check failed.
  const auto read_only = fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read;
  for (const auto& file : fs::directory_iterator(dir.path)) fs::permissions(file.path(), read_only);
  fs::permissions(
      dir.path, read_only | fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec);
  const pid_t pid = ::fork();
  if (pid == 0) {
    if (::getuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(10);
    SqliteStore store(dir.db());
    put(store, "new", "Rnew");
    store.flush();
    if (store.get("new").has_value()) ::_exit(11);  // the write cannot have landed
    const StoreStats stats = store.stats();
    if (stats.problem.empty() || stats.problem.find(dir.db()) == std::string::npos) ::_exit(12);
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  fs::permissions(dir.path, fs::perms::owner_all);
  for (const auto& file : fs::directory_iterator(dir.path)) {
    fs::permissions(file.path(), fs::perms::owner_read | fs::perms::owner_write);
  }
  SqliteStore store(dir.db());
  const auto kept = store.get("kept");
  REQUIRE(kept.has_value());  // nothing committed was lost
  CHECK(kept->value == "Rkept");
}

TEST_CASE("store fault: locked by another process — writes are dropped, not waited on forever") {
  TempDir dir;
  StoreOptions quick;
  quick.write_busy_ms = 100;
  SqliteStore store(dir.db(), quick);
  put(store, "before", "R0");
  store.flush();
  sqlite3* other = nullptr;
  REQUIRE(sqlite3_open(dir.db().c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN EXCLUSIVE", nullptr, nullptr, nullptr) == SQLITE_OK);
  put(store, "during", "R1");
  store.flush();
  CHECK(store.stats().write_failures == 1);
  CHECK(store.stats().problem.find("locked") != std::string::npos);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  put(store, "after", "R2");
  store.flush();
  CHECK(store.get("before")->value == "R0");  // the committed entry is intact
  CHECK(store.get("after")->value == "R2");   // and the store writes again
  CHECK_FALSE(store.get("during").has_value());
}

TEST_CASE("store fault: a full disk — the failed batch is dropped, committed entries stay") {
  TempDir dir;
  StoreOptions tiny;
  tiny.max_page_count = 16;  // 64 KiB at SQLite's 4 KiB pages
  SqliteStore store(dir.db(), tiny);
  put(store, "small", "Rsmall");
  store.flush();
  put(store, "big", "R" + std::string(200 * 1024, 'x'));
  store.flush();
  const StoreStats stats = store.stats();
  CHECK(stats.write_failures == 1);
  CHECK(stats.problem.find("full") != std::string::npos);
  CHECK(store.get("small")->value == "Rsmall");
  CHECK_FALSE(store.get("big").has_value());
}

TEST_CASE("store fault: the file deleted while running is created afresh") {
  TempDir dir;
  SqliteStore store(dir.db());
  put(store, "old", "R0");
  store.flush();
  for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(dir.db() + suffix);
  put(store, "new", "R1");
  store.flush();
  CHECK(fs::exists(dir.db()));
  CHECK(store.get("new")->value == "R1");
  CHECK_FALSE(store.get("old").has_value());
  SqliteStore other(dir.db());  // another process sees the new file
  CHECK(other.get("new")->value == "R1");
}

TEST_CASE("store: kill -9 in the middle of writing loses nothing that was committed") {
  TempDir dir;
  int pipe_ends[2];
  REQUIRE(pipe(pipe_ends) == 0);
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    close(pipe_ends[0]);
    SqliteStore store(dir.db());
    for (int i = 0;; ++i) {
      put(store, "k" + std::to_string(i), "R" + std::string(2000, static_cast<char>('a' + i % 26)));
      if (i % 8 == 7) {
        store.flush();  // committed: tell the parent how far
        const int committed = i;
        if (write(pipe_ends[1], &committed, sizeof committed) != sizeof committed) _exit(1);
      }
    }
  }
  close(pipe_ends[1]);
  int committed = -1;
  int reported = 0;
  while (reported < 40 && read(pipe_ends[0], &committed, sizeof committed) == sizeof committed) {
    ++reported;
  }
  kill(child, SIGKILL);
  int status = 0;
  waitpid(child, &status, 0);
  close(pipe_ends[0]);
  REQUIRE(committed >= 7);
  SqliteStore after(dir.db());
  CHECK(after.stats().available);
  for (int i = 0; i <= committed; ++i) {
    const auto got = after.get("k" + std::to_string(i));
    REQUIRE_MESSAGE(got.has_value(), "k", i, " of ", committed);
    CHECK(got->value == "R" + std::string(2000, static_cast<char>('a' + i % 26)));
  }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(dir.db().c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* check = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &check, nullptr);
  REQUIRE(sqlite3_step(check) == SQLITE_ROW);
  CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(check, 0))) == "ok");
  sqlite3_finalize(check);
  sqlite3_close(db);
}

}  // namespace
}  // namespace nba::cache

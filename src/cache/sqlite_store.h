#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "cache/ttl_tier.h"

namespace nba::cache {

// One row of the L2 table. Times are wall-clock Unix milliseconds: they must mean the same
// after a restart, which the monotonic clock does not.
struct StoredEntry {
  std::string key;
  std::string kind;
  std::string params;
  TtlTier tier = TtlTier::kDaily;
  std::string value;  // packed (compression.h) encoded bytes
  std::int64_t created_at = 0;
  std::int64_t fresh_until = 0;
  std::int64_t stale_until = 0;
  std::int64_t keep_until = 0;
};

struct StoreOptions {
  int read_busy_ms = 50;     // a locked database is a miss, not a wait
  int write_busy_ms = 2000;  // the writer thread may wait on another process
  // SQLite's max_page_count for the writer (0 = SQLite's default): a test's full disk.
  int max_page_count = 0;
};

// What the store did and holds, for get_server_stats and `nba-mcp cache stats`.
struct StoreStats {
  std::string path;
  bool available = false;
  std::string problem;  // the first failure, as a person reads it; empty when none
  std::uint64_t reads = 0, read_hits = 0, writes = 0, write_failures = 0, dropped_values = 0;
  std::array<std::uint64_t, kTierCount> entries{};
  std::array<std::uint64_t, kTierCount> bytes{};
};

// The L2 cache (DESIGN §6): SQLite in WAL mode, table cache_entries with indexes on expiry.
//
// Reads run on the caller's thread (a short busy timeout: a locked database is a miss, not a
// wait). Writes go to a queue that a background thread commits in batched transactions, so
// the request path never waits on disk; `flush()` waits for the queue (tests, the CLI, exit).
// Every statement binds its values.
//
// Faults never reach the caller: a database that cannot be opened or created, is corrupt,
// locked, read-only, or on a full disk is logged once, counted, and named in stats().problem;
// reads then miss and writes are dropped, and L1 and the origin carry on. A file deleted while
// running is created afresh. Committed entries survive a crash (SQLite's WAL).
//
// Thread-safe. Two processes may share one file; each sees the other's committed entries.
class SqliteStore {
 public:
  // `path`: a file (its directory is created), or ":memory:".
  explicit SqliteStore(std::string path, StoreOptions options = {});
  ~SqliteStore();  // writes what is queued, then closes
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  std::optional<StoredEntry> get(const std::string& key);
  // Queues a write; `encode` runs on the writer thread and gives the packed value (an empty
  // string: nothing to store).
  void put(StoredEntry entry, std::function<std::string()> encode);
  // Queues the removal of one entry (a value that failed to decode).
  void erase(const std::string& key);
  // Waits until everything queued so far is committed (or has failed).
  void flush();

  // Immediate (they flush first). Return how many entries went.
  std::size_t invalidate(std::string_view kind, std::string_view params_part);
  std::size_t clear();
  std::size_t dropExpired(std::int64_t now_ms);
  bool vacuum();

  StoreStats stats();

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

// $XDG_CACHE_HOME/nba-mcp/cache.db, or ~/.cache/nba-mcp/cache.db.
std::string defaultCacheDbPath();

}  // namespace nba::cache

#include "cache/sqlite_store.h"

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <mutex>
#include <thread>
#include <variant>

#include "cache/sqlite_file.h"

namespace nba::cache {
namespace {

constexpr std::size_t kMaxBatch = 256;

constexpr char kSchema[] = R"sql(
CREATE TABLE IF NOT EXISTS cache_entries (
  key         TEXT PRIMARY KEY,
  kind        TEXT NOT NULL,
  params      TEXT NOT NULL,
  tier        TEXT NOT NULL,
  value       BLOB NOT NULL,
  created_at  INTEGER NOT NULL,
  fresh_until INTEGER NOT NULL,
  stale_until INTEGER NOT NULL,
  keep_until  INTEGER NOT NULL,
  hit_count   INTEGER NOT NULL DEFAULT 0,
  last_hit_at INTEGER,
  bytes       INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS cache_entries_fresh_until ON cache_entries(fresh_until);
CREATE INDEX IF NOT EXISTS cache_entries_keep_until ON cache_entries(keep_until);
CREATE INDEX IF NOT EXISTS cache_entries_kind ON cache_entries(kind);
)sql";

std::string columnText(sqlite3_stmt* statement, int column) {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
  return text != nullptr
             ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(statement, column)))
             : std::string();
}

// A queued write, removal, or a flush's marker.
struct PutOp {
  StoredEntry entry;
  std::function<std::string()> encode;
};
struct EraseOp {
  std::string key;
};
struct Barrier {
  std::uint64_t ticket = 0;
};
using WriteOp = std::variant<PutOp, EraseOp, Barrier>;

}  // namespace

std::string defaultCacheDbPath() {
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::string(xdg) + "/nba-mcp/cache.db";
  }
  const char* home = std::getenv("HOME");
  return std::string(home != nullptr ? home : ".") + "/.cache/nba-mcp/cache.db";
}

class SqliteStore::Impl {
 public:
  Impl(std::string path, StoreOptions options) : path_(std::move(path)), options_(options) {
    {
      std::scoped_lock lock(write_mutex_, read_mutex_);
      openLocked();
    }
    writer_ = std::thread([this] { writeLoop(); });
  }

  ~Impl() {
    flush();
    {
      std::lock_guard lock(queue_mutex_);
      stopping_ = true;
    }
    queue_signal_.notify_all();
    writer_.join();
  }

  std::optional<StoredEntry> get(const std::string& key) {
    count(&StoreStats::reads);
    std::lock_guard lock(read_mutex_);
    if (!reader_) {
      return std::nullopt;
    }
    sqlite3_stmt* select = reusable(
        reader_.get(), select_,
        "SELECT kind, params, tier, value, created_at, fresh_until, stale_until, keep_until "
        "FROM cache_entries WHERE key = ?1");
    if (select == nullptr) {
      return std::nullopt;
    }
    const Rewind rewind{select};
    bindText(select, 1, key);
    const int step = sqlite3_step(select);
    if (step != SQLITE_ROW) {
      if (step != SQLITE_DONE) problem(reader_.get(), "reading");
      return std::nullopt;
    }
    StoredEntry entry;
    entry.key = key;
    entry.kind = columnText(select, 0);
    entry.params = columnText(select, 1);
    entry.tier = tierFromName(columnText(select, 2)).value_or(TtlTier::kDaily);
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(select, 3));
    entry.value.assign(blob != nullptr ? blob : "",
                       static_cast<std::size_t>(sqlite3_column_bytes(select, 3)));
    entry.created_at = sqlite3_column_int64(select, 4);
    entry.fresh_until = sqlite3_column_int64(select, 5);
    entry.stale_until = sqlite3_column_int64(select, 6);
    entry.keep_until = sqlite3_column_int64(select, 7);
    count(&StoreStats::read_hits);
    return entry;
  }

  void enqueue(WriteOp op) {
    {
      std::lock_guard lock(queue_mutex_);
      queue_.push_back(std::move(op));
    }
    queue_signal_.notify_all();
  }

  void flush() {
    std::unique_lock lock(queue_mutex_);
    const std::uint64_t ticket = ++tickets_issued_;
    queue_.push_back(Barrier{ticket});
    queue_signal_.notify_all();
    queue_signal_.wait(lock, [&] { return tickets_done_ >= ticket || writer_gone_; });
  }

  std::size_t execute(const char* sql, const std::function<void(sqlite3_stmt*)>& bind) {
    flush();
    std::lock_guard lock(write_mutex_);
    if (!writer_db_) return 0;
    Statement statement = prepare(writer_db_.get(), sql);
    if (!statement) return 0;
    bind(statement.get());
    if (sqlite3_step(statement.get()) != SQLITE_DONE) {
      problem(writer_db_.get(), "changing");
      return 0;
    }
    return static_cast<std::size_t>(sqlite3_changes(writer_db_.get()));
  }

  bool vacuum() {
    flush();
    std::lock_guard lock(write_mutex_);
    if (!writer_db_) return false;
    return sqlite3_exec(writer_db_.get(), "VACUUM", nullptr, nullptr, nullptr) == SQLITE_OK ||
           (problem(writer_db_.get(), "vacuuming"), false);
  }

  StoreStats stats() {
    StoreStats out;
    {
      std::lock_guard lock(stats_mutex_);
      out = stats_;
    }
    out.path = path_;
    {
      std::lock_guard lock(write_mutex_);
      out.available = writer_db_ != nullptr;
    }
    std::lock_guard lock(read_mutex_);
    out.available = out.available && reader_ != nullptr;
    if (!reader_) return out;
    Statement statement = prepare(
        reader_.get(), "SELECT tier, count(*), sum(bytes) FROM cache_entries GROUP BY tier");
    while (statement && sqlite3_step(statement.get()) == SQLITE_ROW) {
      if (auto tier = tierFromName(columnText(statement.get(), 0))) {
        out.entries[static_cast<std::size_t>(*tier)] =
            static_cast<std::uint64_t>(sqlite3_column_int64(statement.get(), 1));
        out.bytes[static_cast<std::size_t>(*tier)] =
            static_cast<std::uint64_t>(sqlite3_column_int64(statement.get(), 2));
      }
    }
    return out;
  }

 private:
  // Opens both connections and the schema; on failure records the problem and leaves both
  // closed. Requires write_mutex_ and read_mutex_.
  void openLocked() {
    select_.reset();
    insert_.reset();
    delete_.reset();
    reader_.reset();
    writer_db_.reset();
    // ":memory:" gives two connections to one in-memory database of this store's own.
    auto target = sqliteTarget(path_, "cache", this);
    if (!target.ok()) {
      problemText(target.status().message());
      return;
    }
    Db writer = openOne(target.value(), options_.write_busy_ms);
    if (!writer) return;
    if (options_.max_page_count > 0) {
      const std::string pragma = "PRAGMA max_page_count=" + std::to_string(options_.max_page_count);
      sqlite3_exec(writer.get(), pragma.c_str(), nullptr, nullptr, nullptr);
    }
    if (execWhileBusy(writer.get(), kSchema, options_.write_busy_ms) != SQLITE_OK) {
      problem(writer.get(), "creating the table in");
      return;
    }
    Db reader = openOne(target.value(), options_.read_busy_ms);
    if (!reader) return;
    writer_db_ = std::move(writer);
    reader_ = std::move(reader);
  }

  Db openOne(const SqliteTarget& target, int busy_ms) {
    Db failed;
    Db db = openConnection(target, busy_ms, failed);
    if (!db) problem(failed.get(), "opening");
    return db;
  }

  // `slot`'s statement, prepared on first use and kept (a prepare costs more than a lookup).
  sqlite3_stmt* reusable(sqlite3* db, Statement& slot, const char* sql) {
    if (!slot) slot = prepare(db, sql);
    return slot.get();
  }

  // Readies a kept statement for its next use when the caller is done with it.
  struct Rewind {
    sqlite3_stmt* statement;
    ~Rewind() {
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
    }
  };

  Statement prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) {
      problem(db, "reading");
      return nullptr;
    }
    return Statement(raw);
  }

  // Records SQLite's complaint about `db` (once in the log; every time in the count).
  void problem(sqlite3* db, const char* doing) {
    problemText(std::string("cache database ") + path_ + ": " + doing +
                " it failed: " + (db != nullptr ? sqlite3_errmsg(db) : "out of memory"));
  }
  void problemText(std::string text) {
    std::lock_guard lock(stats_mutex_);
    if (stats_.problem.empty()) {
      spdlog::warn("{} — answers come from memory and NBA.com without it", text);
      stats_.problem = std::move(text);
    }
  }

  void writeLoop() {
    std::unique_lock lock(queue_mutex_);
    while (true) {
      queue_signal_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty() && stopping_) {
        writer_gone_ = true;
        queue_signal_.notify_all();
        return;
      }
      std::vector<WriteOp> batch;
      while (!queue_.empty() && batch.size() < kMaxBatch) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
      lock.unlock();
      const std::uint64_t done = commit(batch);
      lock.lock();
      tickets_done_ = std::max(tickets_done_, done);
      queue_signal_.notify_all();
    }
  }

  // Writes one batch in one transaction; returns the highest flush ticket it held.
  std::uint64_t commit(std::vector<WriteOp>& batch) {
    std::vector<std::pair<PutOp*, std::string>> encoded;
    std::uint64_t ticket = 0;
    for (WriteOp& op : batch) {  // encoding needs no lock
      if (auto* put = std::get_if<PutOp>(&op)) {
        std::string value = put->encode ? put->encode() : std::string();
        if (!value.empty()) encoded.emplace_back(put, std::move(value));
      } else if (auto* barrier = std::get_if<Barrier>(&op)) {
        ticket = std::max(ticket, barrier->ticket);
      }
    }
    std::lock_guard lock(write_mutex_);
    reopenIfDeleted();
    if (!writer_db_) {
      count(&StoreStats::write_failures, encoded.size());
      return ticket;
    }
    sqlite3* db = writer_db_.get();
    if (sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) {
      problem(db, "writing to");
      count(&StoreStats::write_failures, encoded.size());
      return ticket;
    }
    bool ok = true;
    for (auto& [put, value] : encoded) ok = ok && insert(db, put->entry, value);
    for (WriteOp& op : batch) {
      if (auto* erase = std::get_if<EraseOp>(&op)) ok = ok && remove(db, erase->key);
    }
    if (ok && sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK) {
      count(&StoreStats::writes, encoded.size());
    } else {
      problem(db, "writing to");
      sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
      count(&StoreStats::write_failures, encoded.size());
    }
    return ticket;
  }

  bool insert(sqlite3* db, const StoredEntry& entry, const std::string& value) {
    sqlite3_stmt* s = reusable(
        db, insert_,
        "INSERT OR REPLACE INTO cache_entries (key, kind, params, tier, value, created_at, "
        "fresh_until, stale_until, keep_until, hit_count, bytes) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, ?10)");
    if (s == nullptr) return false;
    const Rewind rewind{s};
    bindText(s, 1, entry.key);
    bindText(s, 2, entry.kind);
    bindText(s, 3, entry.params);
    bindText(s, 4, tierName(entry.tier));
    sqlite3_bind_blob(s, 5, value.data(), static_cast<int>(value.size()), SQLITE_STATIC);
    sqlite3_bind_int64(s, 6, entry.created_at);
    sqlite3_bind_int64(s, 7, entry.fresh_until);
    sqlite3_bind_int64(s, 8, entry.stale_until);
    sqlite3_bind_int64(s, 9, entry.keep_until);
    sqlite3_bind_int64(s, 10, static_cast<sqlite3_int64>(value.size()));
    return sqlite3_step(s) == SQLITE_DONE;
  }

  bool remove(sqlite3* db, const std::string& key) {
    sqlite3_stmt* s = reusable(db, delete_, "DELETE FROM cache_entries WHERE key = ?1");
    if (s == nullptr) return false;
    const Rewind rewind{s};
    bindText(s, 1, key);
    return sqlite3_step(s) == SQLITE_DONE;
  }

  // A file removed under us (a user clearing ~/.cache) is created afresh rather than written
  // on, unseen, through the deleted inode. Requires write_mutex_.
  void reopenIfDeleted() {
    if (path_ == ":memory:" || !writer_db_) return;
    std::error_code error;
    if (!std::filesystem::exists(path_, error) && !error) {
      spdlog::info("cache database {} was removed; creating it afresh", path_);
      std::lock_guard lock(read_mutex_);
      openLocked();
    }
  }

  void count(std::uint64_t StoreStats::*counter, std::uint64_t by = 1) {
    std::lock_guard lock(stats_mutex_);
    stats_.*counter += by;
  }

  const std::string path_;
  const StoreOptions options_;
  // Lock order: write_mutex_, then read_mutex_, then stats_mutex_.
  std::mutex write_mutex_;  // guards writer_db_
  std::mutex read_mutex_;   // guards reader_
  std::mutex stats_mutex_;  // guards stats_
  Db writer_db_;
  Db reader_;
  Statement select_;  // guarded by read_mutex_; on reader_
  Statement insert_;  // guarded by write_mutex_; on writer_db_
  Statement delete_;  // guarded by write_mutex_; on writer_db_
  StoreStats stats_;

  std::mutex queue_mutex_;
  std::condition_variable queue_signal_;  // with queue_mutex_: work queued, tickets done
  std::deque<WriteOp> queue_;             // guarded by queue_mutex_
  std::uint64_t tickets_issued_ = 0;      // guarded by queue_mutex_
  std::uint64_t tickets_done_ = 0;        // guarded by queue_mutex_
  bool stopping_ = false;                 // guarded by queue_mutex_
  bool writer_gone_ = false;              // guarded by queue_mutex_
  std::thread writer_;
};

SqliteStore::SqliteStore(std::string path, StoreOptions options)
    : impl_(std::make_unique<Impl>(std::move(path), options)) {}
SqliteStore::~SqliteStore() = default;

std::optional<StoredEntry> SqliteStore::get(const std::string& key) { return impl_->get(key); }

void SqliteStore::put(StoredEntry entry, std::function<std::string()> encode) {
  impl_->enqueue(PutOp{std::move(entry), std::move(encode)});
}

void SqliteStore::erase(const std::string& key) { impl_->enqueue(EraseOp{key}); }

void SqliteStore::flush() { impl_->flush(); }

std::size_t SqliteStore::invalidate(std::string_view kind, std::string_view params_part) {
  return impl_->execute(
      "DELETE FROM cache_entries WHERE (?1 = '' OR kind = ?1) AND instr(params, ?2) > 0",
      [&](sqlite3_stmt* statement) {
        bindText(statement, 1, kind);
        bindText(statement, 2, params_part);
      });
}

std::size_t SqliteStore::clear() {
  return impl_->execute("DELETE FROM cache_entries", [](sqlite3_stmt*) {});
}

std::size_t SqliteStore::dropExpired(std::int64_t now_ms) {
  return impl_->execute("DELETE FROM cache_entries WHERE keep_until <= ?1",
                        [&](sqlite3_stmt* statement) { sqlite3_bind_int64(statement, 1, now_ms); });
}

bool SqliteStore::vacuum() { return impl_->vacuum(); }

StoreStats SqliteStore::stats() { return impl_->stats(); }

}  // namespace nba::cache

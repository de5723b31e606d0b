#include "cache/usage_store.h"

#include <mutex>

#include "cache/sqlite_file.h"

namespace nba::cache {
namespace {

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS upstream_usage ("
    " day TEXT NOT NULL, client TEXT NOT NULL,"
    " requests INTEGER NOT NULL DEFAULT 0, cache_hits INTEGER NOT NULL DEFAULT 0,"
    " PRIMARY KEY (day, client)) WITHOUT ROWID;";

}  // namespace

class UsageStore::Impl {
 public:
  Impl(std::string path, int busy_ms) : path_(std::move(path)), busy_ms_(busy_ms) {}

  Result<UsageTake> take(std::string_view day, std::string_view client, std::uint64_t limit,
                         std::optional<std::uint64_t> client_limit) {
    std::lock_guard lock(mutex_);
    if (Status opened = open(); !opened.isOk()) return opened;
    if (!exec("BEGIN IMMEDIATE")) return failure("counting a request in");
    UsageTake take;
    auto total = sumLocked(day);
    auto mine = clientLocked(day, client);
    if (!total.ok() || !mine.ok()) {
      exec("ROLLBACK");
      return !total.ok() ? total.status() : mine.status();
    }
    take.day_total = total.value();
    take.client_total = mine.value();
    if (take.day_total >= limit || (client_limit && take.client_total >= *client_limit)) {
      exec("ROLLBACK");
      return take;
    }
    Statement add = prepare(
        "INSERT INTO upstream_usage (day, client, requests) VALUES (?1, ?2, 1) "
        "ON CONFLICT (day, client) DO UPDATE SET requests = requests + 1");
    if (!add) {
      exec("ROLLBACK");
      return failure("counting a request in");
    }
    bindText(add.get(), 1, day);
    bindText(add.get(), 2, client);
    if (sqlite3_step(add.get()) != SQLITE_DONE || !exec("COMMIT")) {
      Status failed = failure("counting a request in");
      exec("ROLLBACK");
      return failed;
    }
    take.taken = true;
    ++take.day_total;
    ++take.client_total;
    return take;
  }

  Result<std::uint64_t> dayTotal(std::string_view day) {
    std::lock_guard lock(mutex_);
    if (Status opened = open(); !opened.isOk()) return opened;
    return sumLocked(day);
  }

  Status addCacheHits(std::string_view day, std::string_view client, std::uint64_t hits) {
    std::lock_guard lock(mutex_);
    if (Status opened = open(); !opened.isOk()) return opened;
    Statement add = prepare(
        "INSERT INTO upstream_usage (day, client, cache_hits) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (day, client) DO UPDATE SET cache_hits = cache_hits + excluded.cache_hits");
    if (!add) return failure("counting cache hits in");
    bindText(add.get(), 1, day);
    bindText(add.get(), 2, client);
    sqlite3_bind_int64(add.get(), 3, static_cast<sqlite3_int64>(hits));
    if (sqlite3_step(add.get()) != SQLITE_DONE) return failure("counting cache hits in");
    return Status::ok();
  }

  Result<std::vector<UsageRow>> rowsSince(std::string_view first_day) {
    std::lock_guard lock(mutex_);
    if (Status opened = open(); !opened.isOk()) return opened;
    Statement select = prepare(
        "SELECT day, client, requests, cache_hits FROM upstream_usage WHERE day >= ?1 "
        "ORDER BY day, client");
    if (!select) return failure("reading");
    bindText(select.get(), 1, first_day);
    std::vector<UsageRow> rows;
    int stepped = SQLITE_ROW;
    while ((stepped = sqlite3_step(select.get())) == SQLITE_ROW) {
      UsageRow row;
      row.day = reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 0));
      row.client = reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 1));
      row.requests = static_cast<std::uint64_t>(sqlite3_column_int64(select.get(), 2));
      row.cache_hits = static_cast<std::uint64_t>(sqlite3_column_int64(select.get(), 3));
      rows.push_back(std::move(row));
    }
    if (stepped != SQLITE_DONE) return failure("reading");
    return rows;
  }

  const std::string& path() const { return path_; }

 private:
  // Opens the file and the table on first use, and again after a failure.
  Status open() {
    if (db_) return Status::ok();
    auto target = sqliteTarget(path_, "usage", this);
    if (!target.ok()) return unavailable("quota database: " + target.status().message());
    Db failed;
    db_ = openConnection(target.value(), busy_ms_, failed);
    if (!db_) {
      db_ = std::move(failed);  // failure() reads SQLite's message from it, then closes it
      return failure("opening");
    }
    if (execWhileBusy(db_.get(), kSchema, busy_ms_) != SQLITE_OK) {
      return failure("opening");
    }
    return Status::ok();
  }

  Result<std::uint64_t> sumLocked(std::string_view day) {
    Statement sum = prepare("SELECT COALESCE(SUM(requests), 0) FROM upstream_usage WHERE day = ?1");
    if (!sum) return failure("reading");
    bindText(sum.get(), 1, day);
    if (sqlite3_step(sum.get()) != SQLITE_ROW) return failure("reading");
    return static_cast<std::uint64_t>(sqlite3_column_int64(sum.get(), 0));
  }

  Result<std::uint64_t> clientLocked(std::string_view day, std::string_view client) {
    Statement one = prepare("SELECT requests FROM upstream_usage WHERE day = ?1 AND client = ?2");
    if (!one) return failure("reading");
    bindText(one.get(), 1, day);
    bindText(one.get(), 2, client);
    const int stepped = sqlite3_step(one.get());
    if (stepped == SQLITE_DONE) return std::uint64_t{0};
    if (stepped != SQLITE_ROW) return failure("reading");
    return static_cast<std::uint64_t>(sqlite3_column_int64(one.get(), 0));
  }

  Statement prepare(const char* sql) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql, -1, &raw, nullptr) != SQLITE_OK) return nullptr;
    return Statement(raw);
  }

  bool exec(const char* sql) {
    return db_ && sqlite3_exec(db_.get(), sql, nullptr, nullptr, nullptr) == SQLITE_OK;
  }

  // SQLite's complaint as a Status; the connection is closed so the next call reopens (a
  // file deleted or replaced while running).
  Status failure(const char* doing) {
    Status status = unavailable("quota database " + path_ + ": " + doing + " it failed: " +
                                (db_ ? sqlite3_errmsg(db_.get()) : "out of memory"));
    db_.reset();
    return status;
  }

  const std::string path_;
  const int busy_ms_;
  std::mutex mutex_;
  Db db_;  // guarded by mutex_
};

UsageStore::UsageStore(std::string path, int busy_ms)
    : impl_(std::make_unique<Impl>(std::move(path), busy_ms)) {}
UsageStore::~UsageStore() = default;

Result<UsageTake> UsageStore::take(std::string_view day, std::string_view client,
                                   std::uint64_t limit, std::optional<std::uint64_t> client_limit) {
  return impl_->take(day, client, limit, client_limit);
}
Result<std::uint64_t> UsageStore::dayTotal(std::string_view day) { return impl_->dayTotal(day); }
Status UsageStore::addCacheHits(std::string_view day, std::string_view client, std::uint64_t hits) {
  return impl_->addCacheHits(day, client, hits);
}
Result<std::vector<UsageRow>> UsageStore::rowsSince(std::string_view first_day) {
  return impl_->rowsSince(first_day);
}
const std::string& UsageStore::path() const { return impl_->path(); }

}  // namespace nba::cache

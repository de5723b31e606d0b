#include "app/sqlite_quota_store.h"

#include "cache/usage_store.h"

namespace nba::app {
namespace {

class SqliteQuotaStore : public ratelimit::QuotaStore {
 public:
  explicit SqliteQuotaStore(const std::string& path) : store_(path) {}

  Result<ratelimit::QuotaTake> take(std::string_view day, std::string_view client,
                                    std::uint64_t limit,
                                    std::optional<std::uint64_t> client_limit) override {
    auto taken = store_.take(day, client, limit, client_limit);
    if (!taken.ok()) return taken.status();
    return ratelimit::QuotaTake{taken->taken, taken->day_total, taken->client_total};
  }

  Result<std::uint64_t> used(std::string_view day) override { return store_.dayTotal(day); }

  Status addCacheHits(std::string_view day, std::string_view client, std::uint64_t hits) override {
    return store_.addCacheHits(day, client, hits);
  }

  Result<std::vector<ratelimit::ClientDay>> clientDays(std::string_view first_day) override {
    auto rows = store_.rowsSince(first_day);
    if (!rows.ok()) return rows.status();
    std::vector<ratelimit::ClientDay> days;
    for (auto& row : rows.value()) {
      days.push_back({std::move(row.day), std::move(row.client), row.requests, row.cache_hits});
    }
    return days;
  }

  std::string where() const override { return store_.path(); }

 private:
  cache::UsageStore store_;
};

}  // namespace

std::unique_ptr<ratelimit::QuotaStore> newSqliteQuotaStore(const std::string& path) {
  return std::make_unique<SqliteQuotaStore>(path);
}

}  // namespace nba::app

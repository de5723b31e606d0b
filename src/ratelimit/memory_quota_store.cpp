#include <map>
#include <mutex>

#include "ratelimit/quota_store.h"

namespace nba::ratelimit {
namespace {

class MemoryQuotaStore : public QuotaStore {
 public:
  Result<QuotaTake> take(std::string_view day, std::string_view client, std::uint64_t limit,
                         std::optional<std::uint64_t> client_limit) override {
    std::lock_guard lock(mutex_);
    QuotaTake take;
    take.used = usedLocked(day);
    ClientDay& mine = row(day, client);
    take.client_used = mine.upstream;
    if (take.used >= limit || (client_limit && mine.upstream >= *client_limit)) {
      return take;
    }
    ++mine.upstream;
    take.taken = true;
    ++take.used;
    ++take.client_used;
    return take;
  }

  Result<std::uint64_t> used(std::string_view day) override {
    std::lock_guard lock(mutex_);
    return usedLocked(day);
  }

  Status addCacheHits(std::string_view day, std::string_view client, std::uint64_t hits) override {
    std::lock_guard lock(mutex_);
    row(day, client).cache_hits += hits;
    return Status::ok();
  }

  Result<std::vector<ClientDay>> clientDays(std::string_view first_day) override {
    std::lock_guard lock(mutex_);
    std::vector<ClientDay> days;
    for (auto it = rows_.lower_bound({std::string(first_day), ""}); it != rows_.end(); ++it) {
      days.push_back(it->second);
    }
    return days;
  }

  std::string where() const override { return "memory"; }

 private:
  std::uint64_t usedLocked(std::string_view day) const {
    std::uint64_t total = 0;
    for (auto it = rows_.lower_bound({std::string(day), ""});
         it != rows_.end() && it->first.first == day; ++it) {
      total += it->second.upstream;
    }
    return total;
  }

  ClientDay& row(std::string_view day, std::string_view client) {
    auto [it, added] = rows_.try_emplace({std::string(day), std::string(client)});
    if (added) {
      it->second.day = std::string(day);
      it->second.client = std::string(client);
    }
    return it->second;
  }

  std::mutex mutex_;
  std::map<std::pair<std::string, std::string>, ClientDay> rows_;  // guarded by mutex_
};

}  // namespace

std::unique_ptr<QuotaStore> newMemoryQuotaStore() { return std::make_unique<MemoryQuotaStore>(); }

}  // namespace nba::ratelimit

#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "ratelimit/quota_store.h"

namespace nba::ratelimit {

struct QuotaOptions {
  std::uint64_t per_day = 10'000;  // NBA.com requests per UTC day, for every client together
  // At most this share of per_day for one client (0 < share <= 1); unset: no per-client cap.
  std::optional<double> client_share;
  double warn_fraction = 0.8;  // from here: a warning, and the cache's TTLs stretch
  // Cache hits are counted in memory and written to the store at most this often.
  std::chrono::seconds hit_flush_every{10};
};

// Fails, naming the setting, on a share that is not in (0, 1].
Status checkClientShare(double share);

enum class QuotaLevel { kNormal, kWarning, kExhausted };
// "normal", "warning", "exhausted".
const char* quotaLevelName(QuotaLevel level);

struct QuotaState {
  std::string day;  // the UTC day counted
  std::uint64_t limit = 0;
  std::uint64_t used = 0;
  QuotaLevel level = QuotaLevel::kNormal;
  std::chrono::seconds resets_in{0};
  std::optional<std::uint64_t> client_limit;
  std::string store;        // where the count is kept
  std::string store_error;  // why it is kept in memory instead, if it is
};

// The daily NBA.com quota (DESIGN §7), asked before every request leaves for NBA.com. Counts
// live in a QuotaStore (persisted by app) under the UTC day, so a restart does not reset them,
// two processes on one store share one count, and each day starts at zero. When the store
// fails, counting goes on in memory (logged once, shown in state()). At warn_fraction: a
// warning log, ttlsStretched(), and the level for the host; at 100 % take() refuses, saying
// when the quota resets. `clock` must outlive this. Thread-safe.
class DailyQuota {
 public:
  DailyQuota(const Clock& clock, QuotaOptions options, std::unique_ptr<QuotaStore> store);
  ~DailyQuota();  // writes the cache hits still in memory
  DailyQuota(const DailyQuota&) = delete;
  DailyQuota& operator=(const DailyQuota&) = delete;

  // Counts one request for `client`, or kResourceExhausted saying when the quota resets.
  Status take(std::string_view client);
  // Counts a call of `client`'s answered from the cache (the accounting, not the quota).
  void recordCacheHit(std::string_view client);
  // From warn_fraction of the day's quota on, the cache keeps entries fresh this many times
  // longer; 1 before.
  static constexpr int kTtlStretch = 4;
  int ttlStretch() const { return stretched_.load(std::memory_order_relaxed) ? kTtlStretch : 1; }
  // The day's count, read again from the store (another process may have added to it).
  QuotaState state();
  // The level reached that the host has not been told of yet this day, once.
  std::optional<QuotaLevel> takeUnannouncedLevel();
  // One line a person can act on about `level` ("NBA.com quota 80 % used (8,000 of 10,000)…").
  std::string describe(QuotaLevel level);
  // Every client's use over the last `days` UTC days, today included (unwritten hits too).
  Result<std::vector<ClientDay>> recentDays(int days);
  // Writes the cache hits held in memory to the store.
  void flush();

 private:
  std::string today() const;
  std::string resetsText() const;
  std::string describeLocked(QuotaLevel level) const;         // call with mutex_ held
  QuotaStore& storeFor(const Status& failure);                // call with mutex_ held
  void noteUsed(const std::string& day, std::uint64_t used);  // call with mutex_ held
  std::optional<std::uint64_t> clientLimit() const;

  const Clock& clock_;
  const QuotaOptions options_;
  std::unique_ptr<QuotaStore> store_;
  std::unique_ptr<QuotaStore> memory_;  // after the store failed
  std::atomic<bool> stretched_{false};
  std::mutex mutex_;
  std::string store_error_;                     // guarded by mutex_
  std::string day_;                             // guarded by mutex_: the day of level_
  std::uint64_t used_ = 0;                      // guarded by mutex_
  QuotaLevel level_ = QuotaLevel::kNormal;      // guarded by mutex_
  QuotaLevel announced_ = QuotaLevel::kNormal;  // guarded by mutex_
  std::map<std::pair<std::string, std::string>, std::uint64_t> unwritten_hits_;  // mutex_
  std::chrono::steady_clock::time_point last_flush_;  // guarded by mutex_
};

}  // namespace nba::ratelimit

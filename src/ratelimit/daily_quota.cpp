#include "ratelimit/daily_quota.h"

#include <spdlog/spdlog.h>

#include <cmath>

#include "core/calendar_date.h"
#include "obs/logging.h"

namespace nba::ratelimit {
namespace {

// 10000 -> "10,000".
std::string withCommas(std::uint64_t value) {
  std::string digits = std::to_string(value);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ",");
  }
  return digits;
}

std::string durationText(std::chrono::seconds left) {
  const auto hours = std::chrono::duration_cast<std::chrono::hours>(left);
  const auto minutes = std::chrono::duration_cast<std::chrono::minutes>(left - hours);
  if (hours.count() > 0) {
    return std::to_string(hours.count()) + " h " + std::to_string(minutes.count()) + " min";
  }
  return std::to_string(std::max<std::int64_t>(1, minutes.count())) + " min";
}

}  // namespace

Status checkClientShare(double share) {
  if (std::isnan(share) || share <= 0 || share > 1) {
    return invalidArgument(
        "--client-quota-share must be above 0 and at most 1 (a share of the "
        "daily NBA.com quota, e.g. 0.5)");
  }
  return Status::ok();
}

const char* quotaLevelName(QuotaLevel level) {
  switch (level) {
    case QuotaLevel::kWarning:
      return "warning";
    case QuotaLevel::kExhausted:
      return "exhausted";
    case QuotaLevel::kNormal:
      break;
  }
  return "normal";
}

DailyQuota::DailyQuota(const Clock& clock, QuotaOptions options, std::unique_ptr<QuotaStore> store)
    : clock_(clock),
      options_(options),
      store_(std::move(store)),
      last_flush_(clock.monotonicNow()) {}

DailyQuota::~DailyQuota() { flush(); }

std::string DailyQuota::today() const { return calendarDate(clock_.wallNow()); }

std::optional<std::uint64_t> DailyQuota::clientLimit() const {
  if (!options_.client_share) return std::nullopt;
  const auto share = static_cast<std::uint64_t>(
      std::floor(static_cast<double>(options_.per_day) * *options_.client_share));
  return std::max<std::uint64_t>(1, share);
}

std::string DailyQuota::resetsText() const {
  const auto now = clock_.wallNow();
  const auto midnight = std::chrono::floor<std::chrono::days>(now) + std::chrono::days(1);
  return "at 00:00 UTC, in " +
         durationText(std::chrono::duration_cast<std::chrono::seconds>(midnight - now));
}

QuotaStore& DailyQuota::storeFor(const Status& failure) {
  if (!memory_) {
    memory_ = newMemoryQuotaStore();
    store_error_ = failure.message();
    spdlog::warn("the NBA.com quota store ({}) failed: {}; counting in memory from now on",
                 store_->where(), failure.message());
  }
  return *memory_;
}

void DailyQuota::noteUsed(const std::string& day, std::uint64_t used) {
  const bool new_day = day != day_;
  if (new_day) {
    day_ = day;
    level_ = QuotaLevel::kNormal;
    announced_ = QuotaLevel::kNormal;  // a new day: the host hears of the levels again
  }
  used_ = used;
  const auto warn_at = static_cast<std::uint64_t>(
      std::ceil(static_cast<double>(options_.per_day) * options_.warn_fraction));
  const QuotaLevel level = used >= options_.per_day ? QuotaLevel::kExhausted
                           : used >= warn_at        ? QuotaLevel::kWarning
                                                    : QuotaLevel::kNormal;
  if (level > level_) {
    const obs::NotMirrored
        told_on_its_own;  // app/call_limits tells the host (logger nba-mcp.quota)
    if (level == QuotaLevel::kWarning) {
      spdlog::warn("{}", describeLocked(level));
    } else {
      spdlog::error("{}", describeLocked(level));
    }
  }
  level_ = level;
  stretched_.store(level != QuotaLevel::kNormal, std::memory_order_relaxed);
}

std::string DailyQuota::describeLocked(QuotaLevel level) const {
  const std::string figures = withCommas(used_) + " of " + withCommas(options_.per_day) +
                              " NBA.com requests used today (UTC)";
  switch (level) {
    case QuotaLevel::kExhausted:
      return "The daily NBA.com quota is used up (" + figures + "); it resets " + resetsText() +
             ". Until then answers come from the cache or the offline snapshot.";
    case QuotaLevel::kWarning:
      return "The daily NBA.com quota is " +
             std::to_string(static_cast<int>(std::floor(100.0 * static_cast<double>(used_) /
                                                        static_cast<double>(options_.per_day)))) +
             " % used (" + figures +
             "); cached figures are now kept 4 times longer before NBA.com is asked again. It "
             "resets " +
             resetsText() + ".";
    case QuotaLevel::kNormal:
      break;
  }
  return figures + ".";
}

std::string DailyQuota::describe(QuotaLevel level) {
  std::lock_guard lock(mutex_);
  return describeLocked(level);
}

Status DailyQuota::take(std::string_view client) {
  const std::string day = today();
  std::lock_guard lock(mutex_);
  QuotaStore& store = memory_ ? *memory_ : *store_;
  Result<QuotaTake> taken = store.take(day, client, options_.per_day, clientLimit());
  if (!taken.ok()) {
    taken = storeFor(taken.status()).take(day, client, options_.per_day, clientLimit());
    if (!taken.ok()) return taken.status();  // the memory store does not fail
  }
  noteUsed(day, taken->used);
  if (taken->taken) {
    return Status::ok();
  }
  if (taken->used >= options_.per_day) {
    return resourceExhausted(describeLocked(QuotaLevel::kExhausted));
  }
  return resourceExhausted("This client's share of the daily NBA.com quota is used up (" +
                           withCommas(taken->client_used) + " of " +
                           withCommas(clientLimit().value_or(0)) +
                           " requests today, UTC); it resets " + resetsText() +
                           ". Until then answers come from the cache or the offline snapshot.");
}

void DailyQuota::recordCacheHit(std::string_view client) {
  const std::string day = today();
  bool due = false;
  {
    std::lock_guard lock(mutex_);
    ++unwritten_hits_[{day, std::string(client)}];
    due = clock_.monotonicNow() - last_flush_ >= options_.hit_flush_every;
  }
  if (due) flush();
}

void DailyQuota::flush() {
  std::lock_guard lock(mutex_);
  last_flush_ = clock_.monotonicNow();
  for (const auto& [key, hits] : unwritten_hits_) {
    QuotaStore& store = memory_ ? *memory_ : *store_;
    if (Status added = store.addCacheHits(key.first, key.second, hits); !added.isOk()) {
      (void)storeFor(added).addCacheHits(key.first, key.second, hits);
    }
  }
  unwritten_hits_.clear();
}

QuotaState DailyQuota::state() {
  const std::string day = today();
  std::lock_guard lock(mutex_);
  QuotaStore& store = memory_ ? *memory_ : *store_;
  Result<std::uint64_t> used = store.used(day);
  if (!used.ok()) {
    used = storeFor(used.status()).used(day);
  }
  noteUsed(day, used.ok() ? used.value() : used_);
  QuotaState state;
  state.day = day_;
  state.limit = options_.per_day;
  state.used = used_;
  state.level = level_;
  const auto now = clock_.wallNow();
  state.resets_in = std::chrono::duration_cast<std::chrono::seconds>(
      std::chrono::floor<std::chrono::days>(now) + std::chrono::days(1) - now);
  state.client_limit = clientLimit();
  state.store = store_->where();
  state.store_error = store_error_;
  return state;
}

std::optional<QuotaLevel> DailyQuota::takeUnannouncedLevel() {
  std::lock_guard lock(mutex_);
  if (level_ <= announced_ || day_ != today()) {
    return std::nullopt;
  }
  announced_ = level_;
  return level_;
}

Result<std::vector<ClientDay>> DailyQuota::recentDays(int days) {
  flush();
  const auto first =
      std::chrono::floor<std::chrono::days>(clock_.wallNow()) - std::chrono::days(days - 1);
  std::lock_guard lock(mutex_);
  QuotaStore& store = memory_ ? *memory_ : *store_;
  return store.clientDays(calendarDate(std::chrono::year_month_day(first)));
}

}  // namespace nba::ratelimit

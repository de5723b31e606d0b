// The daily NBA.com quota: counting, the 80 % and 100 % levels, the UTC day, a client's share,
// and a store that fails.
#include "ratelimit/daily_quota.h"

#include <doctest/doctest.h>

#include <cmath>

namespace nba::ratelimit {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

// 2026-11-30 20:48 UTC: 3 h 12 min before the quota resets.
const auto kEvening =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 30} + hours(20) + minutes(48);

QuotaOptions perDay(std::uint64_t limit) {
  QuotaOptions options;
  options.per_day = limit;
  return options;
}

TEST_CASE("quota: 80 % warns and stretches the TTLs; 100 % refuses, saying when it resets") {
  FakeClock clock(kEvening);
  DailyQuota quota(clock, perDay(10), newMemoryQuotaStore());
  for (int i = 1; i <= 7; ++i) REQUIRE(quota.take("claude").isOk());
  CHECK(quota.ttlStretch() == 1);
  CHECK_FALSE(quota.takeUnannouncedLevel().has_value());

  REQUIRE(quota.take("claude").isOk());  // the 8th: 80 %
  CHECK(quota.ttlStretch() == 4);
  CHECK(quota.takeUnannouncedLevel() == QuotaLevel::kWarning);
  CHECK_FALSE(quota.takeUnannouncedLevel().has_value());  // once
  CHECK(quota.describe(QuotaLevel::kWarning) ==
        "The daily NBA.com quota is 80 % used (8 of 10 NBA.com requests used today (UTC)); "
        "cached figures are now kept 4 times longer before NBA.com is asked again. It resets at "
        "00:00 UTC, in 3 h 12 min.");

  REQUIRE(quota.take("claude").isOk());
  REQUIRE(quota.take("cursor").isOk());  // the 10th
  const Status refused = quota.take("claude");
  CHECK(refused.code() == StatusCode::kResourceExhausted);
  CHECK(refused.message() ==
        "The daily NBA.com quota is used up (10 of 10 NBA.com requests used today (UTC)); it "
        "resets at 00:00 UTC, in 3 h 12 min. Until then answers come from the cache or the "
        "offline snapshot.");
  CHECK(quota.takeUnannouncedLevel() == QuotaLevel::kExhausted);

  const QuotaState state = quota.state();
  CHECK(state.day == "2026-11-30");
  CHECK(state.used == 10);
  CHECK(state.level == QuotaLevel::kExhausted);
  CHECK(state.resets_in == hours(3) + minutes(12));
  CHECK(state.store == "memory");
  CHECK(state.store_error.empty());

  // Midnight UTC: a new day, a new count.
  clock.advance(hours(3) + minutes(12));
  CHECK(quota.take("claude").isOk());
  CHECK(quota.state().used == 1);
  CHECK(quota.state().level == QuotaLevel::kNormal);
  CHECK(quota.ttlStretch() == 1);
}

TEST_CASE("quota: the accounting per client and day, cache hits included") {
  FakeClock clock(kEvening);
  QuotaOptions options = perDay(100);
  options.hit_flush_every = std::chrono::seconds(10);
  DailyQuota quota(clock, options, newMemoryQuotaStore());
  REQUIRE(quota.take("claude").isOk());
  REQUIRE(quota.take("claude").isOk());
  REQUIRE(quota.take("cursor").isOk());
  quota.recordCacheHit("claude");
  quota.recordCacheHit("claude");
  clock.advance(hours(4));  // the next UTC day
  REQUIRE(quota.take("claude").isOk());
  quota.recordCacheHit("cursor");

  auto days = quota.recentDays(7);
  REQUIRE(days.ok());
  REQUIRE(days->size() == 4);
  CHECK(days.value()[0].day == "2026-11-30");
  CHECK(days.value()[0].client == "claude");
  CHECK(days.value()[0].upstream == 2);
  CHECK(days.value()[0].cache_hits == 2);
  CHECK(days.value()[1].client == "cursor");
  CHECK(days.value()[1].upstream == 1);
  CHECK(days.value()[2].day == "2026-12-01");
  CHECK(days.value()[2].client == "claude");
  CHECK(days.value()[2].upstream == 1);
  CHECK(days.value()[3].client == "cursor");
  CHECK(days.value()[3].upstream == 0);
  CHECK(days.value()[3].cache_hits == 1);

  // Six days on, the window (today and the 6 days before) starts at 2026-12-01.
  clock.advance(hours(24 * 6));
  days = quota.recentDays(7);
  REQUIRE(days.ok());
  REQUIRE(days->size() == 2);
  CHECK(days.value()[0].day == "2026-12-01");
  CHECK(days.value()[1].client == "cursor");
  CHECK(days.value()[1].cache_hits == 1);
}

TEST_CASE("quota: a client's share caps it while the others go on") {
  FakeClock clock(kEvening);
  QuotaOptions options = perDay(10);
  options.client_share = 0.3;
  DailyQuota quota(clock, options, newMemoryQuotaStore());
  for (int i = 0; i < 3; ++i) REQUIRE(quota.take("loop").isOk());
  const Status refused = quota.take("loop");
  CHECK(refused.code() == StatusCode::kResourceExhausted);
  CHECK(refused.message().find("This client's share of the daily NBA.com quota is used up (3 of "
                               "3 requests today, UTC)") == 0);
  CHECK(quota.take("claude").isOk());
  CHECK(quota.state().client_limit == 3);
  CHECK_FALSE(checkClientShare(0).isOk());
  CHECK_FALSE(checkClientShare(1.5).isOk());
  CHECK_FALSE(checkClientShare(std::nan("")).isOk());
  CHECK(checkClientShare(1).isOk());
}

TEST_CASE("quota: zero a day never lets a request leave") {
  FakeClock clock(kEvening);
  DailyQuota quota(clock, perDay(0), newMemoryQuotaStore());
  CHECK(quota.take("claude").code() == StatusCode::kResourceExhausted);
}

// A store that fails every call, as a read-only or corrupt file does.
class BrokenStore : public QuotaStore {
 public:
  Result<QuotaTake> take(std::string_view, std::string_view, std::uint64_t,
                         std::optional<std::uint64_t>) override {
    return unavailable("quota database /ro/cache.db: opening it failed: readonly");
  }
  Result<std::uint64_t> used(std::string_view) override { return unavailable("broken"); }
  Status addCacheHits(std::string_view, std::string_view, std::uint64_t) override {
    return unavailable("broken");
  }
  Result<std::vector<ClientDay>> clientDays(std::string_view) override {
    return unavailable("broken");
  }
  std::string where() const override { return "/ro/cache.db"; }
};

TEST_CASE("quota: a failing store is said once and counting goes on in memory") {
  FakeClock clock(kEvening);
  DailyQuota quota(clock, perDay(2), std::make_unique<BrokenStore>());
  CHECK(quota.take("claude").isOk());
  CHECK(quota.take("claude").isOk());
  CHECK(quota.take("claude").code() == StatusCode::kResourceExhausted);  // still enforced
  quota.recordCacheHit("claude");
  const QuotaState state = quota.state();
  CHECK(state.used == 2);
  CHECK(state.store == "/ro/cache.db");
  CHECK(state.store_error == "quota database /ro/cache.db: opening it failed: readonly");
  auto days = quota.recentDays(7);
  REQUIRE(days.ok());
  REQUIRE(days->size() == 1);
  CHECK(days.value()[0].cache_hits == 1);
}

}  // namespace
}  // namespace nba::ratelimit

// Per-tool limits: the defaults, settings and their failures, independent buckets, and the
// cap on concurrent calls.
#include "ratelimit/tool_limiter.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <thread>

#include "ratelimit/concurrency_limit.h"

namespace nba::ratelimit {
namespace {

const auto kNoon =
    std::chrono::sys_days{std::chrono::year{2026} / 11 / 30} + std::chrono::hours(12);
const std::vector<std::string> kTools = {"get_live_scores", "get_player_stats",
                                         "compare_players", "answer_nba_question",
                                         "get_standings",   "get_server_stats"};

TEST_CASE("limits: the defaults of DESIGN §7") {
  const ToolLimits limits = defaultToolLimits();
  CHECK(limits.limitOf("get_live_scores") == 10.0);
  CHECK(limits.limitOf("get_player_stats") == 60.0);
  CHECK(limits.limitOf("get_league_leaders") == 60.0);
  CHECK(limits.limitOf("compare_players") == 30.0);
  CHECK(limits.limitOf("answer_nba_question") == 20.0);
  CHECK(limits.limitOf("get_standings") == 60.0);
  ToolLimits off = limits;
  off.enabled = false;
  CHECK_FALSE(off.limitOf("get_live_scores").has_value());
}

TEST_CASE("limits: settings change a tool's rate or switch it off") {
  auto limits = applyToolLimitSettings(
      defaultToolLimits(), {"get_live_scores=3", "compare_players=off", "get_standings=0.5"},
      kTools);
  REQUIRE(limits.ok());
  CHECK(limits->limitOf("get_live_scores") == 3.0);
  CHECK_FALSE(limits->limitOf("compare_players").has_value());
  CHECK(limits->limitOf("get_standings") == 0.5);
  CHECK(limits->limitOf("get_player_stats") == 60.0);
}

TEST_CASE("limits: a bad setting fails, naming it") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"get_live_scores=0", "above 0"},
      {"get_live_scores=-5", "above 0"},
      {"get_live_scores=nan", "above 0"},
      {"get_live_scores=1e9", "at most 100000"},
      {"get_live_scores=inf", "at most 100000"},
      {"get_live_scores=ten", "not a number"},
      {"get_live_scores=", "not a number"},
      {"get_live_scores", "TOOL=CALLS_PER_MINUTE"},
      {"get_scores=10", "there is no tool 'get_scores'"},
      {"=10", "there is no tool ''"},
  };
  for (const auto& one : cases) {
    const std::string& setting = one.first;
    const std::string& expected = one.second;
    CAPTURE(setting);
    auto limits = applyToolLimitSettings(defaultToolLimits(), {setting}, kTools);
    REQUIRE_FALSE(limits.ok());
    CHECK(limits.status().code() == StatusCode::kInvalidArgument);
    const std::string& message = limits.status().message();
    CHECK(message.find("'" + setting + "'") != std::string::npos);
    CHECK(message.find(expected) != std::string::npos);
  }
  CHECK_FALSE(checkPerMinute(std::nan(""), "--rate-limit-default").isOk());
  CHECK(checkPerMinute(0.25, "--rate-limit-default").isOk());
}

TEST_CASE("limiter: tools have buckets of their own") {
  FakeClock clock(kNoon);
  ToolLimiter limiter(clock, defaultToolLimits(), kTools);
  for (int i = 0; i < 10; ++i) REQUIRE(limiter.admit("get_live_scores")->allowed);
  const auto refused = limiter.admit("get_live_scores");
  REQUIRE(refused.has_value());
  CHECK_FALSE(refused->allowed);
  CHECK(refused->retry_after == std::chrono::seconds(6));
  const auto other = limiter.admit("get_player_stats");
  REQUIRE(other.has_value());
  CHECK(other->allowed);
  CHECK(other->remaining == 59);
  CHECK_FALSE(limiter.admit("no_such_tool").has_value());  // not limited, not an error

  const auto states = limiter.states();
  REQUIRE(states.size() == kTools.size());
  CHECK(states[0].tool == "answer_nba_question");
  const auto live = std::find_if(states.begin(), states.end(), [](const ToolBucketState& s) {
    return s.tool == "get_live_scores";
  });
  CHECK(live->remaining == 0);
  CHECK(live->refused == 1);
  CHECK(live->per_minute == 10.0);

  clock.advance(std::chrono::seconds(6));
  CHECK(limiter.admit("get_live_scores")->allowed);
}

TEST_CASE("limiter: under one call a minute, the burst is still one call") {
  FakeClock clock(kNoon);
  auto limits = applyToolLimitSettings(defaultToolLimits(), {"get_standings=0.5"}, kTools);
  REQUIRE(limits.ok());
  ToolLimiter limiter(clock, limits.value(), kTools);
  CHECK(limiter.admit("get_standings")->allowed);
  const auto refused = limiter.admit("get_standings");
  CHECK_FALSE(refused->allowed);
  CHECK(refused->retry_after == std::chrono::seconds(120));
  clock.advance(std::chrono::seconds(120));
  CHECK(limiter.admit("get_standings")->allowed);
}

TEST_CASE("limiter: a tool switched off has no bucket") {
  FakeClock clock(kNoon);
  auto limits = applyToolLimitSettings(defaultToolLimits(), {"get_live_scores=off"}, kTools);
  REQUIRE(limits.ok());
  ToolLimiter limiter(clock, limits.value(), kTools);
  for (int i = 0; i < 100; ++i) CHECK_FALSE(limiter.admit("get_live_scores").has_value());
  CHECK(limiter.states().size() == kTools.size() - 1);
}

TEST_CASE("concurrency: past the cap a call waits, then is refused; a freed slot is reused") {
  ConcurrencyLimit limit(2);
  auto first = limit.enter(std::chrono::milliseconds(0));
  auto second = limit.enter(std::chrono::milliseconds(0));
  REQUIRE(first.has_value());
  REQUIRE(second.has_value());
  CHECK(limit.inFlight() == 2);
  CHECK_FALSE(limit.enter(std::chrono::milliseconds(0)).has_value());
  CHECK(limit.refused() == 1);

  // A waiter gets the slot another thread frees.
  std::optional<ConcurrencyLimit::Slot> waited;
  std::thread waiter([&] { waited = limit.enter(std::chrono::seconds(30)); });
  second.reset();
  waiter.join();
  CHECK(waited.has_value());
  CHECK(limit.inFlight() == 2);
  waited.reset();
  first.reset();
  CHECK(limit.inFlight() == 0);
}

}  // namespace
}  // namespace nba::ratelimit

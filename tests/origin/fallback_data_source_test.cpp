#include "origin/fallback_data_source.h"

#include <doctest/doctest.h>

#include <atomic>

#include "core/clock.h"
#include "origin/forwarding_data_source.h"
#include "snapshot_fixture.h"

namespace nba {
namespace {

using testing::embeddedSnapshot;
using testing::testCall;

// A source that answers like the snapshot, or fails every request with `failure` — standing
// in for the live origin — and counts the requests it got.
class SwitchableSource : public ForwardingDataSource {
 public:
  Status failure = Status::ok();
  mutable std::atomic<int> requests{0};

 protected:
  Result<const DataSource*> target(const CallContext&) const override {
    ++requests;
    if (!failure.isOk()) return failure;
    return &embeddedSnapshot();
  }
};

PlayerSeasonStatsRequest lukaIn2025() {
  PlayerSeasonStatsRequest request;
  request.season = Season{2025};
  request.player_id = "1629029";
  request.season_lines_only = true;
  return request;
}

TEST_CASE("fallback: an unreachable primary is answered from the secondary, with a note") {
  SwitchableSource live;
  live.failure = unavailable("cannot reach stats.nba.com leaguedashplayerstats");
  auto source = newFallbackDataSource(live, embeddedSnapshot());
  auto table = source->playerSeasonStats(testCall(), lukaIn2025());
  REQUIRE_MESSAGE(table.ok(), table.status().message());
  CHECK(table->rows.front().pts_pg == doctest::Approx(33.0));
  CHECK(table->meta.source == "snapshot");
  REQUIRE(table->meta.notes.size() == 1);
  CHECK(table->meta.notes[0] ==
        "NBA.com unreachable — offline snapshot, 2025-26 as of 2026-02-21.");
}

TEST_CASE("fallback: the reason in the note follows the primary's failure") {
  const std::pair<Status, std::string> cases[] = {
      {dataLoss("stats.nba.com x: the response has no column 'PTS'"),
       "NBA.com sent a response that could not be read — offline snapshot"},
      {Status(StatusCode::kDeadlineExceeded, "stats.nba.com x did not answer in time"),
       "NBA.com did not answer in time — offline snapshot"},
      {Status(StatusCode::kUnimplemented, "no season awards"),
       "Not available from NBA.com — offline snapshot"},
  };
  for (const auto& [failure, note] : cases) {
    SwitchableSource live;
    live.failure = failure;
    auto source = newFallbackDataSource(live, embeddedSnapshot());
    auto table = source->standings(testCall(), Season{2024});
    REQUIRE(table.ok());
    REQUIRE(table->meta.notes.size() == 1);
    CHECK(table->meta.notes[0].rfind(note, 0) == 0);
  }
}

TEST_CASE("fallback: not found, cancelled and a healthy primary pass straight through") {
  SwitchableSource live;
  auto source = newFallbackDataSource(live, embeddedSnapshot());
  auto healthy = source->playerSeasonStats(testCall(), lukaIn2025());
  REQUIRE(healthy.ok());
  CHECK(healthy->meta.notes.empty());

  live.failure = notFound("no player with id 'x' at NBA.com");
  auto missing = source->player(testCall(), "x");
  CHECK(missing.status().message() == "no player with id 'x' at NBA.com");

  live.failure = Status(StatusCode::kCancelled, "Cancelled while waiting on stats.nba.com x.");
  auto cancelled = source->standings(testCall(), Season{2024});
  CHECK(cancelled.status().code() == StatusCode::kCancelled);
}

TEST_CASE(
    "fallback: when both fail the error says what to do about NBA.com and why offline fails") {
  SwitchableSource live;
  live.failure = unavailable("cannot reach stats.nba.com leaguestandingsv3 2026-27");
  auto source = newFallbackDataSource(live, embeddedSnapshot());
  auto table = source->standings(testCall(), Season{2026});
  REQUIRE_FALSE(table.ok());
  CHECK(table.status().code() == StatusCode::kUnavailable);
  CHECK(table.status().message() ==
        "cannot reach stats.nba.com leaguestandingsv3 2026-27; the offline snapshot cannot "
        "answer either: no data for season 2026-27 in the offline snapshot; available: 2023-24, "
        "2024-25, 2025-26");
}

TEST_CASE("fallback: seasons are the primary's while it answers, the secondary's once it fails") {
  FakeClock clock(std::chrono::system_clock::time_point{} + std::chrono::hours(24 * 20506));
  const CallContext call(clock, Caller::kClient);
  SwitchableSource live;
  live.failure = unavailable("cannot reach stats.nba.com commonallplayers");
  auto source = newFallbackDataSource(live, embeddedSnapshot());
  // The first seasons() finds out whether the primary answers (one request), and it does not.
  auto offline = source->seasons(call);
  REQUIRE(offline.ok());
  CHECK(offline->back().season.label() == "2025-26");
  CHECK(live.requests.load() == 1);  // players() to probe; then only the secondary's seasons
  live.failure = Status::ok();
  clock.advance(std::chrono::seconds(2));  // past the pause after an unreachable primary
  REQUIRE(source->players(call).ok());     // the primary answers again
  const int before = live.requests;
  REQUIRE(source->seasons(call).ok());
  CHECK(live.requests.load() == before + 1);  // its own seasons, no probe
}

TEST_CASE("fallback: a request NBA.com does not serve keeps NBA.com's seasons") {
  SwitchableSource live;
  auto source = newFallbackDataSource(live, embeddedSnapshot());
  REQUIRE(source->players(testCall()).ok());  // NBA.com answers
  live.failure = Status(StatusCode::kUnimplemented, "no season awards at NBA.com");
  REQUIRE(source->awards(testCall(), Season{2024}).ok());  // from the snapshot, with a note
  live.failure = Status::ok();
  // Still the primary's seasons: an awards question must not make 2015-16 unknown.
  const int before = live.requests;
  REQUIRE(source->seasons(testCall()).ok());
  CHECK(live.requests.load() == before + 1);
}

TEST_CASE("fallback: an unreachable primary is left alone for a second, with the same note") {
  FakeClock clock(std::chrono::system_clock::time_point{} + std::chrono::hours(24 * 20506));
  const CallContext call(clock, Caller::kClient);
  SwitchableSource live;
  live.failure = unavailable("cannot reach stats.nba.com leaguedashplayerstats");
  auto source = newFallbackDataSource(live, embeddedSnapshot());
  for (int i = 0; i < 3; ++i) {
    auto table = source->playerSeasonStats(call, lukaIn2025());
    REQUIRE(table.ok());
    CHECK(table->meta.notes.back() ==
          "NBA.com unreachable — offline snapshot, 2025-26 as of 2026-02-21.");
  }
  CHECK(live.requests.load() == 1);
  // While it is left alone, an error that names NBA.com says it was not asked, and why.
  auto standings = source->standings(call, Season{2026});
  REQUIRE_FALSE(standings.ok());
  CHECK(standings.status().code() == StatusCode::kUnavailable);
  CHECK(standings.status().message() ==
        "NBA.com was not asked: it could not be reached a moment ago (cannot reach stats.nba.com "
        "leaguedashplayerstats); the offline snapshot cannot answer either: no data for season "
        "2026-27 in the offline snapshot; available: 2023-24, 2024-25, 2025-26");
  CHECK(live.requests.load() == 1);
  clock.advance(std::chrono::milliseconds(1001));
  live.failure = Status::ok();
  auto table = source->playerSeasonStats(call, lukaIn2025());
  REQUIRE(table.ok());
  CHECK(table->meta.notes.empty());
  CHECK(live.requests.load() == 2);
}

}  // namespace
}  // namespace nba

// The season days the question parser dates by the data: read from the games tables, kept
// while a season's as_of stays, and read again when it moves.
#include "app/season_days_reader.h"

#include <doctest/doctest.h>

#include <atomic>

#include "origin/forwarding_data_source.h"
#include "support/nba_env.h"

namespace nba::app {
namespace {

// The snapshot, counting games() requests; its seasons' as_of can be moved on.
class CountingSource : public ForwardingDataSource {
 public:
  Result<std::vector<SeasonCoverage>> seasons(const CallContext& context) const override {
    auto seasons = ForwardingDataSource::seasons(context);
    if (seasons.ok() && !moved_as_of.empty()) seasons->back().as_of = moved_as_of;
    return seasons;
  }
  Result<Table<Game>> games(const CallContext& context,
                            const GamesRequest& request) const override {
    ++games_calls;
    if (failing) return Status(StatusCode::kUnavailable, "stats.nba.com unreachable");
    return ForwardingDataSource::games(context, request);
  }

  mutable std::atomic<int> games_calls{0};
  std::string moved_as_of;
  bool failing = false;

 private:
  Result<const DataSource*> target(const CallContext&) const override {
    return &testing::snapshotEnv().data;
  }
};

const nlq::SeasonDays* daysOf(const std::vector<nlq::SeasonDays>& all, int start_year) {
  for (const auto& days : all) {
    if (days.season == Season{start_year}) return &days;
  }
  return nullptr;
}

TEST_CASE("season days: opening nights, last days and Cup finals from the games") {
  CountingSource source;
  SeasonDaysReader reader;
  const auto days = reader.read(source, testing::snapshotEnv().call);
  REQUIRE(days.size() == 3);
  const auto* first = daysOf(days, 2023);
  REQUIRE(first != nullptr);
  CHECK(first->first == "2023-10-24");
  CHECK(first->last == "2024-04-14");
  CHECK(first->cup_final.empty());  // the snapshot's 2023-24 games leave the Cup final out
  const auto* second = daysOf(days, 2024);
  REQUIRE(second != nullptr);
  CHECK(second->first == "2024-10-22");
  CHECK(second->last == "2025-04-13");
  CHECK(second->cup_final == "2024-12-17");
  // 2025-26 is in progress: its opening night is known, its last day is not.
  const auto* current = daysOf(days, 2025);
  REQUIRE(current != nullptr);
  CHECK(current->first == "2025-10-21");
  CHECK(current->last.empty());
}

TEST_CASE("season days: kept while as_of stays, read again when new games arrive") {
  CountingSource source;
  SeasonDaysReader reader;
  (void)reader.read(source, testing::snapshotEnv().call);
  CHECK(source.games_calls == 3);
  (void)reader.read(source, testing::snapshotEnv().call);
  CHECK(source.games_calls == 3);
  source.moved_as_of = "2026-02-23";
  (void)reader.read(source, testing::snapshotEnv().call);
  CHECK(source.games_calls == 4);  // the season in progress only
}

TEST_CASE("season days: a season whose games cannot be read is left out, and asked again") {
  CountingSource source;
  source.failing = true;
  SeasonDaysReader reader;
  CHECK(reader.read(source, testing::snapshotEnv().call).empty());
  source.failing = false;
  CHECK(reader.read(source, testing::snapshotEnv().call).size() == 3);
}

TEST_CASE("season days: a table's Cup final neither opens nor closes the season") {
  Game opener{Season{2024}, "2024-10-22", "1", "BOS", "NYK", 132, 109, GameKind::kRegular};
  Game cup{Season{2024}, "2024-12-17", "2", "MIL", "OKC", 97, 81, GameKind::kCupFinal};
  Game closer{Season{2024}, "2025-04-13", "3", "ATL", "ORL", 117, 105, GameKind::kRegular};
  const Rows<Game> games(std::vector<Game>{cup, closer, opener});
  const auto complete = seasonDaysOf(Season{2024}, games, true);
  CHECK(complete.first == "2024-10-22");
  CHECK(complete.last == "2025-04-13");
  CHECK(complete.cup_final == "2024-12-17");
  CHECK(seasonDaysOf(Season{2024}, games, false).last.empty());
}

}  // namespace
}  // namespace nba::app

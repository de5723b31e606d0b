#include <doctest/doctest.h>

#include "live_fixture.h"
#include "origin/live/stats_parsers.h"
#include "support/shared_data.h"

namespace nba::live {
namespace {

using nlohmann::json;

TEST_CASE("recorded boxscoretraditionalv3: Donovan Mitchell's 71 points against Chicago") {
  if (!testing::sharedDataAvailable(NBA_MCP_SHARED_DATA_DIR)) return;
  const json response = testing::recordedResponse("boxscoretraditionalv3__0022200552.json");
  auto lines = parseBoxScoreV3(response, Season{2022});
  REQUIRE_MESSAGE(lines.ok(), lines.status().message());
  CHECK(lines->size() == 19);                // who played: 10 Bulls, 9 Cavaliers (DNPs left out)
  CHECK(lines->front().line.team == "CHI");  // away team first
  int cle_points = 0;
  const BoxScorePlayer* mitchell = nullptr;
  for (const BoxScorePlayer& p : lines.value()) {
    if (p.line.team == "CLE") cle_points += p.line.pts;
    if (p.line.player_id == "1628378") mitchell = &p;
  }
  CHECK(cle_points == 145);
  REQUIRE(mitchell != nullptr);
  CHECK(mitchell->name == "Donovan Mitchell");
  CHECK(mitchell->line.pts == 71);
  CHECK(mitchell->line.min == 50);  // 49:48
  CHECK(mitchell->line.plus_minus == 19);
  CHECK(mitchell->line.home);
  CHECK(mitchell->line.opponent == "CHI");
  CHECK(mitchell->line.game_id == "0022200552");
}

TEST_CASE("box score parser: odd minutes and shapes are left out or rejected, never a crash") {
  const json response = json::parse(R"({"boxScoreTraditional":{"gameId":"0022500001",
      "homeTeam":{"teamTricode":"BOS","players":[
        {"personId":1,"firstName":"A","familyName":"B","statistics":{"minutes":"12:30","points":5}},
        {"personId":2,"statistics":{"minutes":"","points":0}},
        {"personId":3,"statistics":{"minutes":"7:75","points":9}},
        {"personId":4,"statistics":"none"},
        {"personId":5,"statistics":{"minutes":"3:05","points":"7","plusMinusPoints":null}}]},
      "awayTeam":{"teamTricode":"NYK","players":"none"}}})");
  auto lines = parseBoxScoreV3(response, Season{2025});
  REQUIRE_MESSAGE(lines.ok(), lines.status().message());
  REQUIRE(lines->size() == 2);
  CHECK(lines->at(0).line.min == 13);  // 12:30 rounds up
  CHECK(lines->at(1).line.pts == 0);   // "7" is not a count
  CHECK_FALSE(lines->at(1).line.plus_minus.has_value());
  for (const char* bad : {R"({})", R"([])", R"({"boxScoreTraditional":{"homeTeam":{}}})",
                          R"({"boxScoreTraditional":{"homeTeam":{"teamTricode":"BOS","players":[
                             {"statistics":{"minutes":"1:00"}}]},"awayTeam":{"x":1}}})"}) {
    const json odd = json::parse(bad);
    CHECK_FALSE(parseBoxScoreV3(odd, Season{2025}).ok());
  }
}

}  // namespace
}  // namespace nba::live

#include <doctest/doctest.h>

#include <string>

#include "nba/tools/nba_tool.h"
#include "nba/tools/typed_tool.h"
#include "support/nba_env.h"

using nba::Result;
using nba::tools::ToolAnswer;
using nba::tools::ToolEnv;
using nba::tools::TypedHandler;
using nlohmann::json;

namespace {

// A tool of one argument, `limit`, decoded into this struct.
struct LimitArgs {
  int limit = 0;
};

int answered = 0;  // how many times the typed half ran

Result<LimitArgs> decodeLimit(const json& arguments, const ToolEnv& /*env*/) {
  const int limit = arguments.value("limit", 10);
  if (limit > 25) {
    return nba::invalidArgument("limit " + std::to_string(limit) + " is above 25.");
  }
  return LimitArgs{limit};
}

ToolAnswer answerLimit(const LimitArgs& args, const ToolEnv& /*env*/) {
  ++answered;
  ToolAnswer answer;
  answer.text.sentence = "Showing " + std::to_string(args.limit) + ".";
  answer.structured = {{"limit", args.limit}};
  return answer;
}

const TypedHandler<LimitArgs> kLimitTool{decodeLimit, answerLimit};

// Runs the registered NBA tool `name` on the snapshot.
ToolAnswer runTool(const std::string& name, const json& arguments) {
  for (const auto& tool : nba::tools::allNbaTools()) {
    if (tool.name == name) return tool.run(arguments, nba::testing::snapshotEnv());
  }
  FAIL("no tool " << name);
  return {};
}

}  // namespace

TEST_CASE("TypedHandler: the typed half sees the decoded arguments, defaults applied") {
  answered = 0;
  const ToolAnswer given = kLimitTool(json{{"limit", 7}}, nba::testing::snapshotEnv());
  const ToolAnswer defaulted = kLimitTool(json::object(), nba::testing::snapshotEnv());
  CHECK_FALSE(given.is_error);
  CHECK(given.structured["limit"] == 7);
  CHECK(defaulted.structured["limit"] == 10);
  CHECK(answered == 2);
}

TEST_CASE("TypedHandler: a decode failure is the isError answer, and the typed half never runs") {
  answered = 0;
  const ToolAnswer answer = kLimitTool(json{{"limit", 40}}, nba::testing::snapshotEnv());
  CHECK(answer.is_error);
  CHECK(answer.text.sentence == "limit 40 is above 25.");
  CHECK_FALSE(answer.structured.contains("limit"));
  CHECK(answered == 0);
}

// Every argument is decoded before any data is read, so a call with a bad argument and a
// request the data cannot serve reports the argument: the one the caller can fix by retyping.
TEST_CASE("Tools: an argument error is reported before a data error") {
  SUBCASE("get_team_stats: an unknown team, and playoffs the snapshot does not hold") {
    const ToolAnswer answer =
        runTool("get_team_stats", {{"team", "Xyzzy"}, {"season_type", "Playoffs"}});
    CHECK(answer.is_error);
    CHECK(answer.text.sentence == "No team matches 'Xyzzy'.");
  }
  SUBCASE("compare_players: a player without a 2023-24 line, then an unknown name") {
    const ToolAnswer answer =
        runTool("compare_players", {{"players", {"Bronny James", "Zzzqx"}}, {"season", "2023-24"}});
    CHECK(answer.is_error);
    CHECK(answer.text.sentence == "Player 2 ('Zzzqx'): No player matches 'Zzzqx'.");
  }
  SUBCASE("compare_players: both names fine, the first has no line that season") {
    const ToolAnswer answer = runTool(
        "compare_players", {{"players", {"Bronny James", "LeBron James"}}, {"season", "2023-24"}});
    CHECK(answer.is_error);
    CHECK(answer.text.sentence.starts_with("Bronny James has no 2023-24 line in the data"));
  }
  SUBCASE("get_awards: an unknown award and an unknown player: the award, named first") {
    const ToolAnswer answer = runTool("get_awards", {{"player", "Zzzqx"}, {"award", "nope"}});
    CHECK(answer.is_error);
    CHECK(answer.text.sentence.starts_with("Unknown award 'nope'. Accepted: MVP, DPOY"));
  }
  SUBCASE("get_box_score: a game id and a team is one game named twice") {
    const ToolAnswer answer =
        runTool("get_box_score", {{"game_id", "0022300403"}, {"team", "Xyzzy"}});
    CHECK(answer.is_error);
    CHECK(answer.text.sentence == "Give either game_id, or team and date, not both.");
  }
}

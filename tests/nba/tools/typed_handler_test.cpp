#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "nba/tools/nba_tool.h"
#include "nba/tools/typed_tool.h"
#include "support/nba_env.h"

using nba::Result;
using nba::tools::ToolAnswer;
using nba::tools::ToolEnv;
using nba::tools::TypedHandler;
using nlohmann::json;

namespace {

// A tool of one argument, `limit`, decoded into this struct; it finds the first `limit` teams
// of the source's list (ordered by abbreviation: ATL, BKN, BOS, ...).
struct LimitArgs {
  int limit = 0;
};

struct TeamsFound {
  std::vector<std::string> names;
};

int found_calls = 0;  // how many times the find part ran

Result<LimitArgs> decodeLimit(const json& arguments, const ToolEnv& /*env*/) {
  const int limit = arguments.value("limit", 10);
  if (limit > 25) {
    return nba::invalidArgument("limit " + std::to_string(limit) + " is above 25.");
  }
  return LimitArgs{limit};
}

Result<TeamsFound> findTeams(const LimitArgs& args, const ToolEnv& env) {
  ++found_calls;
  auto teams = env.data.teams(env.call);
  if (!teams.ok()) return teams.status();
  TeamsFound found;
  for (const nba::Team& team : teams->rows) {
    if (static_cast<int>(found.names.size()) == args.limit) break;
    found.names.push_back(team.name);
  }
  if (found.names.empty()) return nba::notFound("No teams asked for.");
  return found;
}

ToolAnswer renderTeams(const LimitArgs& args, const TeamsFound& found) {
  ToolAnswer answer;
  answer.text.sentence = "The first " + std::to_string(args.limit) + ": " + found.names.front() +
                         " to " + found.names.back() + ".";
  answer.structured = {{"limit", args.limit}, {"teams", found.names}};
  return answer;
}

const TypedHandler<LimitArgs, TeamsFound> kLimitTool{decodeLimit, findTeams, renderTeams};

// Runs the registered NBA tool `name` on the snapshot.
ToolAnswer runTool(const std::string& name, const json& arguments) {
  for (const auto& tool : nba::tools::allNbaTools()) {
    if (tool.name == name) return tool.run(arguments, nba::testing::snapshotEnv());
  }
  FAIL("no tool " << name);
  return {};
}

}  // namespace

TEST_CASE("TypedHandler: find sees the decoded arguments, render what find found") {
  found_calls = 0;
  const ToolAnswer given = kLimitTool(json{{"limit", 3}}, nba::testing::snapshotEnv());
  const ToolAnswer defaulted = kLimitTool(json::object(), nba::testing::snapshotEnv());
  CHECK_FALSE(given.is_error);
  CHECK(given.structured["limit"] == 3);
  CHECK(given.structured["teams"] == json{"Atlanta Hawks", "Brooklyn Nets", "Boston Celtics"});
  CHECK(given.text.sentence == "The first 3: Atlanta Hawks to Boston Celtics.");
  CHECK(defaulted.structured["teams"].size() == 10);
  CHECK(found_calls == 2);
}

TEST_CASE("TypedHandler: a find failure is the isError answer, and nothing is rendered") {
  const ToolAnswer answer = kLimitTool(json{{"limit", 0}}, nba::testing::snapshotEnv());
  CHECK(answer.is_error);
  CHECK(answer.text.sentence == "No teams asked for.");
  CHECK_FALSE(answer.structured.contains("teams"));
}

TEST_CASE("TypedHandler: a decode failure is the isError answer, and find never runs") {
  found_calls = 0;
  const ToolAnswer answer = kLimitTool(json{{"limit", 40}}, nba::testing::snapshotEnv());
  CHECK(answer.is_error);
  CHECK(answer.text.sentence == "limit 40 is above 25.");
  CHECK_FALSE(answer.structured.contains("limit"));
  CHECK(found_calls == 0);
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
  SUBCASE("get_awards: an unknown award, and a season without awards yet") {
    const ToolAnswer answer = runTool("get_awards", {{"award", "nope"}, {"season", "2025-26"}});
    CHECK(answer.is_error);
    CHECK(answer.text.sentence.starts_with("Unknown award 'nope'. Accepted: MVP, DPOY"));
  }
  SUBCASE("get_awards: arguments are checked in order, the player before the award") {
    const ToolAnswer answer = runTool("get_awards", {{"player", "Zzzqx"}, {"award", "nope"}});
    CHECK(answer.is_error);
    CHECK(answer.text.sentence == "No player matches 'Zzzqx'.");
  }
  SUBCASE("get_box_score: a game id and a team is one game named twice") {
    const ToolAnswer answer =
        runTool("get_box_score", {{"game_id", "0022300403"}, {"team", "Xyzzy"}});
    CHECK(answer.is_error);
    CHECK(answer.text.sentence == "Give either game_id, or team and date, not both.");
  }
}

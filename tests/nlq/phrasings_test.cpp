// Varied phrasings people type: lower case, typos, nicknames, "who's", possessives, seasons,
// dates, several questions in one. Each is planned to exact tool calls.
#include <doctest/doctest.h>

#include "nlq/nlq_fixture.h"

namespace nba::nlq::testing {
namespace {

using nlohmann::json;

struct Case {
  const char* question;
  json calls;
};

void checkAll(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    CAPTURE(c.question);
    CHECK(callsOf(c.question) == c.calls);
  }
}

json one(std::string_view tool, json arguments) {
  return json::array({call(tool, std::move(arguments))});
}

TEST_CASE("leaders: stats by word boundary, limits, seasons, filters") {
  checkAll({
      {"who leads the league in three point percentage",
       one("get_league_leaders", {{"stat", "FG3_PCT"}, {"limit", 10}})},
      {"Who has the most 3-pointers?",
       one("get_league_leaders", {{"stat", "FG3M"}, {"limit", 10}})},
      {"who's the top scorer in the west",
       one("get_league_leaders", {{"stat", "PTS"}, {"limit", 10}, {"conference", "West"}})},
      {"top ten assists per 36 in 2025-26",
       one("get_league_leaders",
           {{"stat", "AST"}, {"limit", 10}, {"season", "2025-26"}, {"per_mode", "Per36"}})},
      {"5 best shot blockers last season",
       one("get_league_leaders", {{"stat", "BLK"}, {"limit", 5}, {"season", "2024-25"}})},
      {"most total points in 2023-24",
       one("get_league_leaders",
           {{"stat", "PTS"}, {"limit", 10}, {"season", "2023-24"}, {"per_mode", "Totals"}})},
      {"steals leaders", one("get_league_leaders", {{"stat", "STL"}, {"limit", 10}})},
      {"who leads the Lakers in scoring",
       one("get_league_leaders", {{"stat", "PTS"}, {"limit", 10}, {"team", "Los Angeles Lakers"}})},
      {"top 3 free throw percentage",
       one("get_league_leaders", {{"stat", "FT_PCT"}, {"limit", 3}})},
      {"highest true shooting percentage",
       one("get_league_leaders", {{"stat", "TS_PCT"}, {"limit", 10}})},
      {"top scorers and rebounders",
       json::array({call("get_league_leaders", {{"stat", "PTS"}, {"limit", 10}}),
                    call("get_league_leaders", {{"stat", "REB"}, {"limit", 10}})})},
      {"TOP 5 SCORERS", one("get_league_leaders", {{"stat", "PTS"}, {"limit", 5}})},
  });
}

TEST_CASE("player stats: nicknames, possessives, typos, lower case, seasons") {
  checkAll({
      {"how many points does jokic average", one("get_player_stats", {{"player", "Nikola Jokić"}})},
      {"Lebron Jame stats", one("get_player_stats", {{"player", "LeBron James"}})},
      {"Curry's stats last season",
       one("get_player_stats", {{"player", "Stephen Curry"}, {"season", "2024-25"}})},
      {"SGA stats 2023-24",
       one("get_player_stats", {{"player", "Shai Gilgeous-Alexander"}, {"season", "2023-24"}})},
      {"the Greek Freak's numbers in the playoffs",
       one("get_player_stats", {{"player", "Giannis Antetokounmpo"}, {"season_type", "Playoffs"}})},
      {"show me steph stats per game",
       one("get_player_stats", {{"player", "Stephen Curry"}, {"per_mode", "PerGame"}})},
      {"wemby", one("get_player_stats", {{"player", "Victor Wembanyama"}})},
      {"What are LeBron's averages this year?",
       one("get_player_stats", {{"player", "LeBron James"}, {"season", "2025-26"}})},
      {"tatum totals 2024",
       one("get_player_stats",
           {{"player", "Jayson Tatum"}, {"season", "2023-24"}, {"per_mode", "Totals"}})},
  });
}

TEST_CASE("career and game logs") {
  checkAll({
      {"LeBron career stats", one("get_player_career", {{"player", "LeBron James"}})},
      {"Curry over the last 3 seasons", one("get_player_career", {{"player", "Stephen Curry"}})},
      {"Luka's last 5 games",
       one("get_player_game_log", {{"player", "Luka Dončić"}, {"last_n", 5}})},
      {"KD last ten games",
       one("get_player_game_log", {{"player", "Kevin Durant"}, {"last_n", 10}})},
      {"Jokic game log", one("get_player_game_log", {{"player", "Nikola Jokić"}, {"last_n", 5}})},
      {"how did Tatum play last night",
       one("get_player_game_log",
           {{"player", "Jayson Tatum"}, {"date_from", "2026-02-21"}, {"date_to", "2026-02-21"}})},
  });
}

TEST_CASE("comparisons of players") {
  checkAll({
      {"KD vs Steph", one("compare_players", {{"players", {"Kevin Durant", "Stephen Curry"}}})},
      {"who is better, AD or Giannis?",
       one("compare_players", {{"players", {"Anthony Davis", "Giannis Antetokounmpo"}}})},
      {"compare lebron, curry and durant this season",
       one("compare_players", {{"players", {"LeBron James", "Stephen Curry", "Kevin Durant"}},
                               {"season", "2025-26"}})},
  });
}

TEST_CASE("teams: stats, comparisons, rankings") {
  checkAll({
      {"celtics defensive rating",
       one("get_team_stats", {{"team", "Boston Celtics"}, {"measure", "Advanced"}})},
      {"How are the Sixers doing", one("get_team_stats", {{"team", "Philadelphia 76ers"}})},
      {"Dubs pace 2023-24",
       one("get_team_stats",
           {{"team", "Golden State Warriors"}, {"measure", "Advanced"}, {"season", "2023-24"}})},
      {"compare the Celts and the Knicks",
       one("compare_teams", {{"teams", {"Boston Celtics", "New York Knicks"}}})},
  });
  CHECK(callsOf("best defensive team in the West") ==
        json::array({call("get_team_rankings", {{"stat", "DEF_RATING"}, {"conference", "West"}})}));
  CHECK(parse("best defensive team in the West").intents[0].kind == IntentKind::kTeamLeaders);
  CHECK(callsOf("which team has the best offense") ==
        json::array({call("get_team_rankings", {{"stat", "OFF_RATING"}})}));
  CHECK(callsOf("worst defense in the Atlantic") ==
        json::array({call("get_team_rankings",
                          {{"stat", "DEF_RATING"}, {"division", "Atlantic"}, {"lowest", true}})}));
}

TEST_CASE("standings, head-to-head, scores, schedule, box scores") {
  checkAll({
      {"Atlantic division standings", one("get_team_standings", {{"division", "Atlantic"}})},
      {"standings", one("get_team_standings", json::object())},
      {"where do the Knicks stand in the east",
       one("get_team_standings", {{"team", "New York Knicks"}})},
      {"how are the west standings looking last season",
       one("get_team_standings", {{"conference", "West"}, {"season", "2024-25"}})},
      {"did the Knicks beat the Celtics",
       one("get_head_to_head", {{"team_a", "New York Knicks"}, {"team_b", "Boston Celtics"}})},
      {"how did the Nuggets do against the Lakers",
       one("get_head_to_head", {{"team_a", "Denver Nuggets"}, {"team_b", "Los Angeles Lakers"}})},
      {"Lakers Celtics head to head 2023-24",
       one("get_head_to_head", {{"team_a", "Los Angeles Lakers"},
                                {"team_b", "Boston Celtics"},
                                {"season", "2023-24"}})},
      {"scores last night", one("get_live_scores", {{"date", "2026-02-21"}})},
      {"nba scores today", one("get_live_scores", {{"date", "2026-02-22"}})},
      {"games on March 8", one("get_live_scores", {{"date", "2025-03-08"}})},
      {"results Jan 23 2025", one("get_live_scores", {{"date", "2025-01-23"}})},
      {"what were the scores on 2025-01-23", one("get_live_scores", {{"date", "2025-01-23"}})},
      {"Lakers box score on March 8",
       one("get_box_score", {{"team", "Los Angeles Lakers"}, {"date", "2025-03-08"}})},
      {"how did the heat do yesterday",
       one("get_schedule",
           {{"team", "Miami Heat"}, {"date_from", "2026-02-21"}, {"date_to", "2026-02-21"}})},
      {"when do the Celtics play next",
       one("get_schedule",
           {{"team", "Boston Celtics"}, {"date_from", "2026-02-22"}, {"limit", 1}})},
      {"Warriors schedule", one("get_schedule", {{"team", "Golden State Warriors"}})},
  });
}

TEST_CASE("awards: 'in 2024' is the 2023-24 season") {
  checkAll({
      {"who won MVP in 2024", one("get_awards", {{"award", "MVP"}, {"season", "2023-24"}})},
      {"rookie of the year 2025", one("get_awards", {{"award", "ROY"}, {"season", "2024-25"}})},
      {"Did Jokic win MVP?", one("get_awards", {{"award", "MVP"}, {"player", "Nikola Jokić"}})},
      {"all-nba teams last season",
       one("get_awards", {{"award", "ALL_NBA"}, {"season", "2024-25"}})},
      {"who was defensive player of the year", one("get_awards", {{"award", "DPOY"}})},
  });
}

TEST_CASE("several questions joined by 'and' become several parts") {
  const ParsedQuery query = parse("top scorers and the East standings");
  REQUIRE(query.intents.size() == 2);
  CHECK(query.intents[0].kind == IntentKind::kLeaders);
  CHECK(query.intents[0].slots.conference.empty());
  CHECK(query.intents[1].kind == IntentKind::kStandings);
  CHECK(query.intents[1].slots.conference == "East");
  checkAll({
      {"top scorers and the East standings",
       json::array({call("get_league_leaders", {{"stat", "PTS"}, {"limit", 10}}),
                    call("get_team_standings", {{"conference", "East"}})})},
      {"LeBron's stats and Curry's stats in 2023-24",
       json::array(
           {call("get_player_stats", {{"player", "LeBron James"}, {"season", "2023-24"}}),
            call("get_player_stats", {{"player", "Stephen Curry"}, {"season", "2023-24"}})})},
      {"Lakers standings and the Celtics offensive rating",
       json::array(
           {call("get_team_standings", {{"team", "Los Angeles Lakers"}}),
            call("get_team_stats", {{"team", "Boston Celtics"}, {"measure", "Advanced"}})})},
  });
  const Plan plan = planFor("top scorers and the East standings");
  for (const PlannedCall& c : plan.calls) CHECK(c.group == 0);
  CHECK(plan.calls[1].intent == 1);
}

TEST_CASE("words inside longer stat phrases are not read alone") {
  const ParsedQuery threes = parse("who makes the most three pointers");
  REQUIRE(threes.slots.stats.size() == 1);
  CHECK(threes.slots.stats[0] == "FG3M");
  const ParsedQuery pct = parse("three point percentage leaders");
  REQUIRE(pct.slots.stats.size() == 1);
  CHECK(pct.slots.stats[0] == "FG3_PCT");
  const ParsedQuery defense = parse("defensive rebounds leaders");
  REQUIRE(defense.slots.stats.size() == 1);
  CHECK(defense.slots.stats[0] == "DREB");
  CHECK_FALSE(defense.slots.advanced);
}

TEST_CASE("ambiguous names are asked about, not guessed") {
  const Plan plan = planFor("LA standings");
  REQUIRE_FALSE(plan.missing.empty());
  CHECK(plan.missing[0].find("Clippers") != std::string::npos);
  CHECK(plan.missing[0].find("Lakers") != std::string::npos);
}

}  // namespace
}  // namespace nba::nlq::testing

#include <doctest/doctest.h>

#include <fstream>

#include "core/clock.h"
#include "mcp/schema_validator.h"
#include "nba/tools/league_leaders_tool.h"
#include "support/nba_env.h"
#include "support/tool_markdown.h"

using nba::testing::snapshotEnv;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer leaders(const json& arguments) {
  static const nba::tools::NbaTool tool = nba::tools::leagueLeadersTool();
  return tool.run(arguments, snapshotEnv());
}

std::vector<std::string> names(const nba::tools::ToolAnswer& answer) {
  std::vector<std::string> out;
  for (const auto& row : answer.structured["leaders"]) {
    out.push_back(row["player"].get<std::string>());
  }
  return out;
}

std::vector<int> ranks(const nba::tools::ToolAnswer& answer) {
  std::vector<int> out;
  for (const auto& row : answer.structured["leaders"]) {
    out.push_back(row["rank"].get<int>());
  }
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

json inputSchema() {
  std::ifstream in(NBA_MCP_SOURCE_DIR "/schemas/get_league_leaders.input.json");
  return json::parse(in);
}

}  // namespace

TEST_CASE("leaders: 2024-25 points per game follow the NBA's 58-game rule") {
  auto answer = leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"limit", 5}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(names(answer) == std::vector<std::string>{"Shai Gilgeous-Alexander",
                                                  "Giannis Antetokounmpo", "Nikola Jokić",
                                                  "Anthony Edwards", "Jayson Tatum"});
  const json& first = answer.structured["leaders"][0];
  CHECK(first["value"].get<double>() == doctest::Approx(32.7));
  CHECK(first["display"] == "32.7");
  CHECK(first["team"] == "OKC");
  CHECK(answer.structured["leaders"][4]["display"] == "26.8");
  // Luka Dončić (28.2 in 50 games) is below 58 games and his total over 58 does not lead.
  CHECK_FALSE(contains(markdownOf(answer), "Dončić"));
  CHECK(answer.structured["qualification"]["min_games"] == 58);
  CHECK(contains(markdownOf(answer),
                 "Shai Gilgeous-Alexander led the NBA with 32.7 points per game in 2024-25."));
  CHECK(contains(markdownOf(answer), "at least 58 games played, 70% of 82 team games"));
  CHECK(contains(markdownOf(answer), "2024-25 (as of 2025-04-13)"));
  CHECK(answer.meta["dev.nbamcp/season"] == "2024-25");
  CHECK(answer.structured["source"] == "snapshot");
}

TEST_CASE("leaders: common stat words and the other per-game boards") {
  auto rebounds = leaders({{"stat", "rebounds"}, {"season", 2025}});
  CHECK(names(rebounds).front() == "Domantas Sabonis");
  CHECK(rebounds.structured["leaders"][0]["display"] == "13.9");
  auto assists = leaders({{"stat", "apg"}, {"season", "2024-25"}});
  CHECK(names(assists).front() == "Trae Young");
  CHECK(assists.structured["leaders"][0]["display"] == "11.6");
  auto ppg = leaders({{"stat", "ppg"}, {"season", "2024-25"}, {"limit", 1}});
  CHECK(ppg.structured["stat"]["code"] == "PTS");
  CHECK(ppg.structured["leaders"].size() == 1);
}

TEST_CASE("leaders: totals need no minimum — 3-pointers made 2024-25") {
  auto answer =
      leaders({{"stat", "3PM"}, {"season", "2024-25"}, {"per_mode", "Totals"}, {"limit", 3}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(names(answer) ==
        std::vector<std::string>{"Anthony Edwards", "Malik Beasley", "Stephen Curry"});
  CHECK(answer.structured["leaders"][0]["value"].get<double>() == 320);
  CHECK(answer.structured["leaders"][1]["display"] == "319");
  CHECK(answer.structured["qualification"]["min_games"] == 0);
  CHECK(contains(markdownOf(answer), "Anthony Edwards led the NBA with 320 3-pointers made"));
  CHECK(contains(markdownOf(answer), "none (season totals need no minimum)"));
}

TEST_CASE("leaders: percentages need made shots — FG% 300, 3P% 82, FT% 125") {
  auto fg = leaders({{"stat", "FG%"}, {"season", "2024-25"}, {"limit", 3}});
  CHECK(names(fg) == std::vector<std::string>{"Jarrett Allen", "Jalen Duren", "Rudy Gobert"});
  CHECK(fg.structured["leaders"][0]["display"] == "70.6%");
  CHECK(fg.structured["leaders"][0]["made"] == 452);
  CHECK(fg.structured["qualification"]["min_made"] == 300);
  CHECK(fg.structured["qualification"]["made_stat"] == "FGM");
  CHECK(contains(markdownOf(fg), "at least 300 made field goals"));

  auto three = leaders({{"stat", "three point percentage"}, {"season", "2024-25"}, {"limit", 2}});
  CHECK(three.structured["stat"]["code"] == "FG3_PCT");
  CHECK(names(three) == std::vector<std::string>{"Seth Curry", "Zach LaVine"});
  CHECK(three.structured["leaders"][0]["made"] == 83);
  CHECK(contains(markdownOf(three), "at least 82 made 3-pointers"));

  auto ft = leaders({{"stat", "FT_PCT"}, {"season", "2024-25"}, {"limit", 1}});
  CHECK(names(ft).front() == "Stephen Curry");
  CHECK(ft.structured["leaders"][0]["display"] == "93.3%");
}

TEST_CASE("leaders: the 'would still lead' exception — Wembanyama's blocks in 46 games") {
  auto answer = leaders({{"stat", "blocks"}, {"season", "2024-25"}, {"limit", 2}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(names(answer) == std::vector<std::string>{"Victor Wembanyama", "Walker Kessler"});
  CHECK(answer.structured["leaders"][0]["by_exception"] == true);
  CHECK(answer.structured["leaders"][0]["gp"] == 46);
  CHECK(answer.structured["leaders"][1]["by_exception"] == false);
  CHECK(contains(markdownOf(answer), "Victor Wembanyama \\*"));
  CHECK(contains(markdownOf(answer), "would still lead"));
}

// The NBA ranks per-game leaders on unrounded values: equal shown figures rank apart.
TEST_CASE("leaders: ranks from unrounded values — 2024-25 steals 3.0, 1.8, 1.8, 1.7 ×3") {
  // Jokić 127/70 = 1.814 and Wallace 120/68 = 1.765 both show 1.8; Dunn 128/74 = 1.730,
  // Gilgeous-Alexander 131/76 = 1.724, Thompson 98/59 = 1.661 all show 1.7.
  auto answer = leaders({{"stat", "STL"}, {"season", "2024-25"}, {"limit", 7}});
  CHECK(ranks(answer) == std::vector<int>{1, 2, 3, 4, 5, 6, 7});
  CHECK(names(answer) == std::vector<std::string>{"Dyson Daniels", "Nikola Jokić", "Cason Wallace",
                                                  "Kris Dunn", "Shai Gilgeous-Alexander",
                                                  "Ausar Thompson", "Jalen Williams"});
  CHECK(answer.structured["leaders"][1]["display"] == "1.8");
  CHECK(answer.structured["leaders"][2]["display"] == "1.8");
  CHECK(contains(markdownOf(answer), "Ranks come from unrounded values"));
}

TEST_CASE("leaders: 2023-24 steals — Fox 150 in 74 games leads Gilgeous-Alexander 150 in 75") {
  auto answer = leaders({{"stat", "steals"}, {"season", "2023-24"}, {"limit", 2}});
  CHECK(names(answer) == std::vector<std::string>{"De'Aaron Fox", "Shai Gilgeous-Alexander"});
  CHECK(ranks(answer) == std::vector<int>{1, 2});
  CHECK(answer.structured["leaders"][0]["display"] == "2.0");
  CHECK(answer.structured["leaders"][1]["display"] == "2.0");
  CHECK(contains(markdownOf(answer), "De'Aaron Fox led the NBA with 2.0 steals per game"));
  CHECK_FALSE(contains(markdownOf(answer), "shared the lead"));
}

TEST_CASE("leaders: the cut at the limit is on unrounded values — 2024-25 assists, blocks") {
  // Lillard 410/58 = 7.069 is tenth, ahead of Booker 529/75 = 7.053 (both show 7.1).
  auto assists = leaders({{"stat", "AST"}, {"season", "2024-25"}, {"limit", 10}});
  CHECK(names(assists).back() == "Damian Lillard");
  CHECK(assists.structured["leaders"][9]["display"] == "7.1");
  // Gobert 104/72 = 1.444 is ninth and Claxton 100/70 = 1.429 tenth; Bitadze 98/70 = 1.400
  // misses the board.
  auto blocks = leaders({{"stat", "BLK"}, {"season", "2024-25"}, {"limit", 10}});
  CHECK(names(blocks)[8] == "Rudy Gobert");
  CHECK(names(blocks)[9] == "Nic Claxton");
}

TEST_CASE("leaders: equal unrounded values share a rank — 2024-25 fouls, 201 in 68 games twice") {
  auto answer = leaders({{"stat", "PF"}, {"season", "2024-25"}, {"limit", 10}});
  // Jackson 257/74 = 3.473 leads Towns 249/72 = 3.458 (both 3.5).
  CHECK(names(answer)[0] == "Jaren Jackson Jr.");
  CHECK(ranks(answer)[1] == 2);
  CHECK(contains(markdownOf(answer), "Jaren Jackson Jr. led the NBA"));
  // Poole and Kyshawn George: 201 fouls in 68 games each.
  CHECK(ranks(answer)[7] == 8);
  CHECK(ranks(answer)[8] == 8);
  CHECK(ranks(answer)[9] == 10);
  CHECK((names(answer)[7] == "Jordan Poole" || names(answer)[8] == "Jordan Poole"));
  CHECK((names(answer)[7] == "Kyshawn George" || names(answer)[8] == "Kyshawn George"));
}

TEST_CASE("leaders: turnovers rank the most first") {
  auto answer = leaders({{"stat", "turnovers"}, {"season", "2024-25"}, {"limit", 3}});
  CHECK(names(answer) == std::vector<std::string>{"Trae Young", "Cade Cunningham", "James Harden"});
  CHECK(answer.structured["leaders"][0]["display"] == "4.7");
}

TEST_CASE("leaders: limit 50 and the qualified count") {
  auto answer = leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"limit", 50}});
  CHECK(answer.structured["leaders"].size() == 50);
  CHECK(answer.structured["qualified_count"].get<int>() > 50);
  CHECK(answer.structured["leaders"][49]["rank"].get<int>() <= 50);
}

TEST_CASE("leaders: conference and team filters") {
  auto east =
      leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"conference", "East"}, {"limit", 4}});
  CHECK(names(east) == std::vector<std::string>{"Giannis Antetokounmpo", "Jayson Tatum",
                                                "Cade Cunningham", "Jalen Brunson"});
  CHECK(contains(markdownOf(east), "led the Eastern Conference with 30.4 points per game"));
  auto west =
      leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"conference", "West"}, {"limit", 2}});
  CHECK(names(west) == std::vector<std::string>{"Shai Gilgeous-Alexander", "Nikola Jokić"});

  // The Lakers' board counts Lakers stints; Dončić (28 games) and Davis (42) fall short of 58.
  auto lakers = leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"team", "Lakers"}});
  CHECK(names(lakers).front() == "LeBron James");
  CHECK(lakers.structured["team"] == "LAL");
  CHECK(contains(markdownOf(lakers), "led the Los Angeles Lakers with 24.4 points per game"));
  auto all_lakers = leaders(
      {{"stat", "PTS"}, {"season", "2024-25"}, {"team", "LAL"}, {"min_games", 0}, {"limit", 3}});
  CHECK(names(all_lakers) ==
        std::vector<std::string>{"Luka Dončić", "Anthony Davis", "LeBron James"});
  CHECK(all_lakers.structured["leaders"][0]["gp"] == 28);
  CHECK(all_lakers.structured["leaders"][0]["team"] == "LAL");
  CHECK(contains(markdownOf(all_lakers), "Qualification: none (your min\\_games replaces"));
}

TEST_CASE("leaders: min_games overrides the games rule") {
  auto answer = leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"min_games", 50}, {"limit", 3}});
  CHECK(names(answer) == std::vector<std::string>{"Shai Gilgeous-Alexander",
                                                  "Giannis Antetokounmpo", "Nikola Jokić"});
  auto with_luka =
      leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"min_games", 50}, {"limit", 6}});
  CHECK(names(with_luka)[3] == "Luka Dončić");  // 28.2 in 50 games
  CHECK(with_luka.structured["qualification"]["min_games_overridden"] == true);
}

TEST_CASE("leaders: a season in progress pro-rates the minimums") {
  auto answer = leaders({{"stat", "PTS"}, {"season", "2025-26"}, {"limit", 2}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["complete"] == false);
  CHECK(answer.structured["qualification"]["team_games"] == 58);
  CHECK(answer.structured["qualification"]["min_games"] == 41);
  CHECK(names(answer) == std::vector<std::string>{"Luka Dončić", "Shai Gilgeous-Alexander"});
  CHECK(contains(markdownOf(answer),
                 "Luka Dončić leads the NBA with 33.0 points per game in "
                 "2025-26 (as of 2026-02-21)."));
  auto fg = leaders({{"stat", "FG_PCT"}, {"season", "2025-26"}, {"limit", 1}});
  CHECK(fg.structured["qualification"]["min_made"] == 213);  // ceil(300 × 58 / 82)
  // Curry's 3s in 39 games: 175 over 41 games would still lead.
  auto threes = leaders({{"stat", "FG3M"}, {"season", "2025-26"}, {"limit", 1}});
  CHECK(names(threes).front() == "Stephen Curry");
  CHECK(threes.structured["leaders"][0]["by_exception"] == true);
}

TEST_CASE("leaders: 'this season' on the clock falls back and says so") {
  // On the test clock (2026-02-22) this season is 2025-26, which has data: no fallback.
  auto answer = leaders({{"stat", "PTS"}, {"limit", 1}});
  REQUIRE_FALSE(answer.is_error);
  CHECK(answer.structured["season"] == "2025-26");
  CHECK(answer.structured["leaders"][0]["player"] == "Luka Dončić");  // 33.0, golden leaders-15
  CHECK_FALSE(contains(markdownOf(answer), "has no data at this source"));

  // On 2026-11-01 this season is 2026-27, which the snapshot lacks: 2025-26 is used instead,
  // and the answer says so.
  const nba::FakeClock november{std::chrono::system_clock::from_time_t(1793534400)};
  const nba::tools::ToolEnv& env = snapshotEnv();
  const nba::tools::ToolEnv later{env.data, env.resolver, november, env.call};
  static const nba::tools::NbaTool tool = nba::tools::leagueLeadersTool();
  auto fallback = tool.run({{"stat", "PTS"}, {"limit", 1}}, later);
  REQUIRE_FALSE(fallback.is_error);
  CHECK(fallback.structured["season"] == "2025-26");
  CHECK(fallback.structured["leaders"][0]["player"] == "Luka Dončić");
  CHECK(contains(markdownOf(fallback),
                 "2026-27 has no data at this source; using 2025-26, the latest season with data"));
}

TEST_CASE("leaders: errors a person can act on") {
  auto unknown = leaders({{"stat", "dunks"}});
  CHECK(unknown.is_error);
  CHECK(contains(markdownOf(unknown), "Unknown stat 'dunks'"));
  CHECK(contains(markdownOf(unknown), "FG3_PCT"));
  auto no_season = leaders({{"stat", "PTS"}, {"season", "2019-20"}});
  CHECK(no_season.is_error);
  CHECK(contains(markdownOf(no_season), "2024-25"));
  auto bad_season = leaders({{"stat", "PTS"}, {"season", "next decade"}});
  CHECK(bad_season.is_error);
  auto playoffs = leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"season_type", "Playoffs"}});
  CHECK(playoffs.is_error);
  CHECK(contains(markdownOf(playoffs), "playoffs"));
  auto team = leaders({{"stat", "PTS"}, {"team", "Zzyzx Qwerty"}});
  CHECK(team.is_error);
  auto la = leaders({{"stat", "PTS"}, {"team", "LA"}});
  CHECK(la.is_error);
  CHECK(contains(markdownOf(la), "Clippers"));
  auto mismatch = leaders({{"stat", "PTS"}, {"team", "Celtics"}, {"conference", "West"}});
  CHECK(mismatch.is_error);
  CHECK(contains(markdownOf(mismatch), "play in the East"));
  auto nobody =
      leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"min_games", 82}, {"team", "Jazz"}});
  CHECK_FALSE(nobody.is_error);
  CHECK(nobody.structured["leaders"].empty());
  CHECK(contains(markdownOf(nobody), "No player qualifies"));
}

TEST_CASE("leaders: one day's games — Dončić's 50 on Christmas 2023, Embiid's 70") {
  auto christmas = leaders({{"stat", "points"}, {"date", "2023-12-25"}, {"limit", 3}});
  REQUIRE_FALSE(christmas.is_error);
  CHECK(names(christmas) ==
        std::vector<std::string>{"Luka Dončić", "Anthony Davis", "Jalen Brunson"});
  const json& top = christmas.structured["leaders"][0];
  CHECK(top["value"] == 50);
  CHECK(top["game"]["opponent"] == "PHX");
  CHECK(top["game"]["home"] == false);
  CHECK(christmas.structured["date"] == "2023-12-25");
  CHECK(christmas.structured["season"] == "2023-24");
  CHECK(contains(markdownOf(christmas),
                 "Luka Dončić (DAL @ PHX) led the NBA on Monday, 2023-12-25 "
                 "with 50 points in one game."));
  // The offline logs miss players: the answer says how much of the day they hold.
  CHECK(contains(markdownOf(christmas), "account for 1,199 of the 1,200 points scored that day"));
  auto embiid = leaders({{"stat", "PTS"}, {"date", "2024-01-22"}, {"limit", 1}});
  CHECK(names(embiid) == std::vector<std::string>{"Joel Embiid"});
  CHECK(embiid.structured["leaders"][0]["value"] == 70);
  // Scoped to a team or a conference.
  auto lakers = leaders({{"stat", "AST"}, {"date", "2023-12-25"}, {"team", "Lakers"}});
  CHECK(names(lakers).front() == "LeBron James");
  CHECK(lakers.structured["leaders"][0]["value"] == 8);
  auto east = leaders({{"stat", "PTS"}, {"date", "2023-12-25"}, {"conference", "East"}});
  CHECK(names(east).front() == "Jalen Brunson");
}

TEST_CASE("leaders: a position — guards by FG%, centers by points") {
  auto guards = leaders({{"stat", "FG_PCT"}, {"season", "2024-25"}, {"position", "G"}});
  REQUIRE_FALSE(guards.is_error);
  CHECK(names(guards).front() == "Christian Braun");
  CHECK(guards.structured["leaders"][0]["display"] == "58.0%");
  CHECK(guards.structured["position"] == "G");
  CHECK(contains(markdownOf(guards),
                 "Christian Braun led the NBA guards in field-goal percentage "
                 "(58.0%) in 2024-25."));
  auto centers = leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"position", "C"}});
  CHECK(names(centers).front() == "Nikola Jokić");
  // Unfiltered the board is led by someone else; filtered, nobody of another position.
  CHECK(names(leaders({{"stat", "FG_PCT"}, {"season", "2024-25"}})).front() == "Jarrett Allen");
  auto west_guards =
      leaders({{"stat", "REB"}, {"season", "2024-25"}, {"position", "G"}, {"conference", "West"}});
  CHECK(names(west_guards).front() == "Luka Dončić");
  auto with_date = leaders({{"stat", "PTS"}, {"date", "2023-12-25"}, {"position", "G"}});
  CHECK(with_date.is_error);
  CHECK(contains(markdownOf(with_date), "position applies to season boards"));
}

TEST_CASE("leaders: rookies only, from the player index's first season (blind audit)") {
  // bbref's player_season_info.csv, experience 1, at least 58 games: Castle 14.7, Sarr 13.0,
  // Risacher 12.6 in 2024-25; Wembanyama 10.6 and Holmgren 7.9 rebounds in 2023-24.
  auto points = leaders({{"stat", "PTS"}, {"season", "2024-25"}, {"rookies", true}, {"limit", 3}});
  REQUIRE_FALSE(points.is_error);
  CHECK(names(points) ==
        std::vector<std::string>{"Stephon Castle", "Alex Sarr", "Zaccharie Risacher"});
  CHECK(points.structured["leaders"][0]["display"] == "14.7");
  CHECK(points.structured["rookies"] == true);
  CHECK(contains(markdownOf(points),
                 "Stephon Castle led the NBA rookies with 14.7 points per game in 2024-25."));
  auto boards = leaders({{"stat", "REB"}, {"season", "2023-24"}, {"rookies", true}, {"limit", 2}});
  CHECK(names(boards) == std::vector<std::string>{"Victor Wembanyama", "Chet Holmgren"});
  auto guards = leaders(
      {{"stat", "AST"}, {"season", "2023-24"}, {"rookies", true}, {"position", "G"}, {"limit", 1}});
  CHECK(names(guards) == std::vector<std::string>{"Scoot Henderson"});
  CHECK(contains(markdownOf(guards), "NBA rookie guards"));
  CHECK(leaders({{"stat", "PTS"}, {"season", "2024-25"}}).structured["rookies"] == false);
  auto with_date = leaders({{"stat", "PTS"}, {"date", "2023-12-25"}, {"rookies", true}});
  REQUIRE(with_date.is_error);
  CHECK(contains(markdownOf(with_date), "Leave out date or rookies"));
}

TEST_CASE("leaders: a team's 2025-26 board names its traded players instead of miscounting") {
  // NBA.com's 2025-26 lines (leaguedashplayerstats, TEAM_COUNT 2) are combined: Vučević's 52
  // games are CHI's and BOS's. Ranked as a BOS stint before (blind audit); bbref's
  // player_season_info lists Simons, Tillman and Vučević with BOS in 2026.
  auto boston = leaders({{"stat", "PTS"},
                         {"season", "2025-26"},
                         {"team", "Celtics"},
                         {"min_games", 0},
                         {"limit", 50}});
  REQUIRE_FALSE(boston.is_error);
  CHECK(names(boston).front() == "Jaylen Brown");
  for (const std::string& name : names(boston)) {
    CHECK(name != "Nikola Vučević");
    CHECK(name != "Anfernee Simons");
  }
  CHECK(contains(markdownOf(boston),
                 "Anfernee Simons, Xavier Tillman Sr. and Nikola Vučević also played for the "
                 "Boston Celtics in 2025-26, but the data has only combined lines for players "
                 "traded that season, so they are not ranked here."));
  // 2024-25 has per-team stints: Dončić is ranked on the Lakers' board, with no such note.
  auto lakers = leaders({{"stat", "PTS"},
                         {"season", "2024-25"},
                         {"team", "Lakers"},
                         {"min_games", 0},
                         {"limit", 50}});
  const std::vector<std::string> laker_names = names(lakers);
  CHECK(std::count(laker_names.begin(), laker_names.end(), "Luka Dončić") == 1);
  CHECK_FALSE(contains(markdownOf(lakers), "only combined lines"));
}

TEST_CASE("leaders: EFF's value is shown to one decimal, ranked unrounded") {
  // bbref 2024-25 totals: Jokić 2,953 EFF over 70 games = 42.19; the row carried 42.1857….
  auto eff = leaders({{"stat", "EFF"}, {"season", "2024-25"}, {"limit", 1}});
  REQUIRE_FALSE(eff.is_error);
  CHECK(names(eff) == std::vector<std::string>{"Nikola Jokić"});
  CHECK(eff.structured["leaders"][0]["value"] == 42.2);
  CHECK(eff.structured["leaders"][0]["display"] == "42.2");
}

TEST_CASE("leaders: a stat the season's data lacks is said so, not 'no player qualifies'") {
  // The snapshot's advanced file (PER, USG%) is 2024-25's only (../shared/data README).
  auto per = leaders({{"stat", "PER"}, {"season", "2023-24"}, {"min_games", 0}});
  REQUIRE(per.is_error);
  CHECK(contains(markdownOf(per), "The data has no player efficiency rating figures for 2023-24"));
  CHECK_FALSE(contains(markdownOf(per), "min_games"));
  auto usage = leaders({{"stat", "USG_PCT"}, {"season", "2023-24"}});
  CHECK(usage.is_error);
  auto per_2025 = leaders({{"stat", "PER"}, {"season", "2024-25"}, {"limit", 1}});
  REQUIRE_FALSE(per_2025.is_error);
  CHECK(names(per_2025) == std::vector<std::string>{"Nikola Jokić"});
  CHECK(per_2025.structured["leaders"][0]["display"] == "32.0");
}

TEST_CASE("leaders: a day's tie cut by the limit says how many more share it (blind audit)") {
  // Christmas 2023 rebounds: Porter Jr., Jaquez Jr., Lively II, Love and Gordon all had 10,
  // tied for 7th; the top 10 lists four of them.
  auto top10 = leaders({{"stat", "REB"}, {"date", "2023-12-25"}});
  REQUIRE_FALSE(top10.is_error);
  REQUIRE(top10.structured["leaders"].size() == 10);
  CHECK(top10.structured["leaders"][9]["rank"] == 7);
  CHECK(top10.structured["leaders"][9]["value"] == 10);
  CHECK(contains(markdownOf(top10),
                 "1 more player also had 10 rebounds (tied at 7th); a larger limit lists them."));
  // A limit that takes the whole tie says nothing.
  auto top11 = leaders({{"stat", "REB"}, {"date", "2023-12-25"}, {"limit", 11}});
  CHECK_FALSE(contains(markdownOf(top11), "also had"));
}

TEST_CASE("leaders: one day's errors a person can act on") {
  auto no_games = leaders({{"stat", "PTS"}, {"date", "2024-02-16"}});  // All-Star break
  CHECK(no_games.is_error);
  CHECK(contains(markdownOf(no_games), "No NBA games were played on Friday, 2024-02-16"));
  auto no_logs = leaders({{"stat", "PTS"}, {"date", "2025-01-15"}});
  CHECK(no_logs.is_error);
  CHECK(contains(markdownOf(no_logs), "no game logs for 2024-25"));
  auto percentage = leaders({{"stat", "FG%"}, {"date", "2023-12-25"}});
  CHECK(percentage.is_error);
  CHECK(contains(markdownOf(percentage), "FG_PCT is ranked over a season: leave out date"));
  auto not_a_date = leaders({{"stat", "PTS"}, {"date", "2024-02-30"}});
  CHECK(not_a_date.is_error);
  CHECK(contains(markdownOf(not_a_date), "YYYY-MM-DD"));
  auto other_season = leaders({{"stat", "PTS"}, {"date", "2023-12-25"}, {"season", "2024-25"}});
  CHECK(other_season.is_error);
  CHECK(contains(markdownOf(other_season), "2023-12-25 is in 2023-24, not 2024-25"));
  auto playoffs = leaders({{"stat", "PTS"}, {"date", "2023-12-25"}, {"season_type", "Playoffs"}});
  CHECK(playoffs.is_error);
}

TEST_CASE("leaders: the input schema rejects bad arguments before the handler") {
  json schema = inputSchema();
  auto invalid = [&](const json& arguments) {
    return !nba::mcp::validateAgainstSchema(arguments, schema).empty();
  };
  CHECK_FALSE(invalid({{"stat", "PTS"}, {"limit", 50}, {"season", 2025}, {"min_games", 0}}));
  CHECK(invalid(json::object()));
  CHECK(invalid({{"stat", 5}}));
  CHECK(invalid({{"stat", json::array({"PTS"})}}));
  CHECK(invalid({{"stat", std::string(41, 'p')}}));
  CHECK(invalid({{"stat", ""}}));
  for (long long limit : {0LL, -1LL, 51LL, 1000000000LL}) {
    CHECK(invalid({{"stat", "PTS"}, {"limit", limit}}));
  }
  CHECK(invalid({{"stat", "PTS"}, {"limit", "10"}}));
  CHECK(invalid({{"stat", "PTS"}, {"limit", 2.5}}));
  CHECK(invalid({{"stat", "PTS"}, {"min_games", -1}}));
  CHECK(invalid({{"stat", "PTS"}, {"min_games", 83}}));
  CHECK(invalid({{"stat", "PTS"}, {"per_mode", "per possession"}}));
  CHECK(invalid({{"stat", "PTS"}, {"conference", "North"}}));
  CHECK(invalid({{"stat", "PTS"}, {"team", std::string(101, 'x')}}));
  CHECK(invalid({{"stat", "PTS"}, {"season", std::string(21, '2')}}));
  CHECK(invalid({{"stat", "PTS"}, {"season", 1800}}));
  CHECK(invalid({{"stat", "PTS"}, {"season", json::array()}}));
  CHECK(invalid({{"stat", "PTS"}, {"season_type", "Preseason"}}));
  CHECK(invalid({{"stat", "PTS"}, {"colour", "green"}}));
  CHECK_FALSE(invalid({{"stat", "PTS"}, {"date", "2023-12-25"}}));
  CHECK_FALSE(invalid({{"stat", "PTS"}, {"position", "C"}}));
  CHECK(invalid({{"stat", "PTS"}, {"position", "guard"}}));
  CHECK(invalid({{"stat", "PTS"}, {"position", "PG"}}));
  CHECK(invalid({{"stat", "PTS"}, {"date", ""}}));
  CHECK(invalid({{"stat", "PTS"}, {"date", 20231225}}));
  CHECK(invalid({{"stat", "PTS"}, {"date", std::string(41, '1')}}));
}

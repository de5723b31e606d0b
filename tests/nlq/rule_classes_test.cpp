// The rule classes the blind paraphrase suite exposed (issue 14), each at the level it lives:
// named days, short and explicit seasons, what nba-mcp has no data on, "won" as a record,
// a second ask about the same subject, and sentences about games. Clock: 2026-02-22.
#include <doctest/doctest.h>

#include "nlq/nlq_fixture.h"
#include "nlq/synthesizer/game_sentence.h"

namespace nba::nlq::testing {
namespace {

using nlohmann::json;

std::string dateOf(std::string_view question) {
  const ParsedQuery query = parse(question);
  REQUIRE_FALSE(query.intents.empty());
  return query.intents.front().slots.date;
}

TEST_CASE("named days are dates: in the year written, the season asked, or the latest") {
  CHECK(dateOf("Christmas Day 2024 scores") == "2024-12-25");
  CHECK(dateOf("new year's eve 2024 games") == "2024-12-31");
  CHECK(dateOf("MLK day 2025 games") == "2025-01-20");           // the third Monday
  CHECK(dateOf("thanksgiving 2024 nba games") == "2024-11-28");  // the fourth Thursday
  CHECK(dateOf("what happened on christmas last season") == "2024-12-25");
  CHECK(dateOf("mlk day games last season") == "2025-01-20");
  CHECK(dateOf("christmas scores") == "2025-12-25");  // the latest before 2026-02-22
  // The year after the name is the calendar year, not a season.
  const ParsedQuery query = parse("Christmas Day 2024 scores");
  CHECK_FALSE(query.intents.front().slots.season.has_value());
}

TEST_CASE("seasons: '23-24' is 2023-24, and a season written out beats a relative one") {
  CHECK(
      callsOf("jokic ppg in 23-24") ==
      json::array({call("get_player_stats", {{"player", "Nikola Jokić"}, {"season", "2023-24"}})}));
  CHECK(callsOf("what did Curry average this season (2023-24)") ==
        json::array(
            {call("get_player_stats", {{"player", "Stephen Curry"}, {"season", "2023-24"}})}));
  CHECK(callsOf("last season (2023-24) rebounds leader")[0]["arguments"]["season"] == "2023-24");
  // Not a season: a score, and years that are not a season apart.
  CHECK(parse("they won 23-25").slots.season == std::nullopt);
}

TEST_CASE("another league or a topic outside the statistics is said, never answered") {
  const ParsedQuery wnba = parse("who won WNBA MVP in 2024");
  CHECK(wnba.intents.empty());
  REQUIRE(wnba.out_of_scope.size() == 1);
  CHECK(wnba.out_of_scope[0].what == "the WNBA");
  const Plan plan = planFor("who won WNBA MVP in 2024");
  CHECK(plan.calls.empty());
  CHECK(plan.missing.empty());
  CHECK(plan.unanswerable ==
        std::vector<std::string>{"nba-mcp covers the NBA only: the WNBA is not in its data."});
  CHECK(planFor("is Joel Embiid injured").unanswerable ==
        std::vector<std::string>{
            "nba-mcp answers from NBA game statistics and has no data on injuries."});
  CHECK(planFor("Bronny James college stats").unanswerable.size() == 1);
  CHECK(planFor("who is the Lakers head coach").calls.empty());
}

TEST_CASE("the playoffs asked of a regular-season tool: no call, one sentence") {
  const Plan plan = planFor("Celtics playoff record 2023-24");
  CHECK(plan.calls.empty());
  REQUIRE(plan.unanswerable.size() == 1);
  CHECK(plan.unanswerable[0].find("regular season only") != std::string::npos);
  CHECK(planFor("who won the 2024 Finals").calls.empty());
  // Leaders take season_type: the tool says what its origin has.
  CHECK(callsOf("playoff scoring leaders 2023-24")[0]["arguments"]["season_type"] == "Playoffs");
  // "play in" is a verb before a season, not the play-in tournament.
  CHECK(parse("how many games did Buddy Hield play in 2023-24").slots.season_type == std::nullopt);
}

TEST_CASE("'won' of a division or of a team's games is a record") {
  const json atlantic = callsOf("who won the atlantic division last season");
  REQUIRE(atlantic.size() == 1);
  CHECK(atlantic[0]["tool"] == "get_team_standings");
  CHECK(atlantic[0]["arguments"]["division"] == "Atlantic");
  CHECK(atlantic[0]["arguments"]["season"] == "2024-25");
  const json pistons = callsOf("how many games did the Pistons win");
  REQUIRE(pistons.size() == 1);
  CHECK(pistons[0]["tool"] == "get_team_standings");
  CHECK(pistons[0]["arguments"]["team"] == plannedEntity("Detroit Pistons"));
  // An award is still an award.
  CHECK(callsOf("who won MVP in 2024")[0]["tool"] == "get_awards");
}

TEST_CASE("a second ask without a subject is about the subject named before it") {
  const json calls = callsOf("Celtics record and net rating");
  REQUIRE(calls.size() == 2);
  CHECK(calls[0]["tool"] == "get_team_standings");
  CHECK(calls[1] == call("get_team_stats", {{"team", "Boston Celtics"}, {"measure", "Advanced"}}));
  // A team's four-factor rates are its Advanced measure.
  CHECK(callsOf("NOLA turnover percentage") ==
        json::array(
            {call("get_team_stats", {{"team", "New Orleans Pelicans"}, {"measure", "Advanced"}})}));
  CHECK(callsOf("celtics off rating")[0]["arguments"]["measure"] == "Advanced");
}

TEST_CASE("a team named with one player is his scope, not a second subject") {
  CHECK(callsOf("what is Luka averaging for the Lakers") ==
        json::array({call("get_player_stats", {{"player", "Luka Dončić"}})}));
  CHECK(callsOf("Jokic vs the Lakers")[0]["tool"] != "get_player_stats");
}

TEST_CASE("rankings: 'led', a scoring verb before 'most', speed as pace") {
  const json spurs = callsOf("who led the spurs in assists this season");
  REQUIRE(spurs.size() == 1);
  CHECK(spurs[0]["tool"] == "get_league_leaders");
  CHECK(spurs[0]["arguments"]["stat"] == "AST");
  CHECK(spurs[0]["arguments"]["team"] == plannedEntity("San Antonio Spurs"));
  const json knicks = callsOf("who scores most for the Knicks");
  REQUIRE(knicks.size() == 1);
  CHECK(knicks[0]["arguments"]["stat"] == "PTS");
  CHECK(knicks[0]["arguments"]["team"] == plannedEntity("New York Knicks"));
  CHECK(callsOf("which team scored the most")[0]["tool"] == "get_team_rankings");
  CHECK(callsOf("which Eastern Conference player led in rebounds")[0]["arguments"] ==
        json{{"stat", "REB"}, {"limit", 10}, {"conference", "East"}});
  CHECK(callsOf("fastest team in the west")[0]["arguments"] ==
        json{{"stat", "PACE"}, {"conference", "West"}});
  CHECK(callsOf("best 3pt % in the west")[0]["arguments"]["stat"] == "FG3_PCT");
  CHECK(callsOf("who turned the ball over the most per game")[0]["arguments"]["stat"] == "TOV");
}

TEST_CASE("totals follow the words: 'total rebounds', 'how many … did'") {
  CHECK(callsOf("Jokic total rebounds 2024-25")[0]["arguments"]["per_mode"] == "Totals");
  CHECK(callsOf("how many threes did Steph make last season")[0]["arguments"]["per_mode"] ==
        "Totals");
  CHECK_FALSE(callsOf("how many points did Jokic average")[0]["arguments"].contains("per_mode"));
  CHECK_FALSE(callsOf("how many points does Jokic score")[0]["arguments"].contains("per_mode"));
}

TEST_CASE("two teams and a stat compare them; both measures when both are asked") {
  CHECK(callsOf("knicks vs celtics offensive rating comparison")[0]["tool"] == "compare_teams");
  CHECK(callsOf("Lakers vs Celtics")[0]["tool"] == "get_head_to_head");
  CHECK(callsOf("Lakers points per game and defensive rating") ==
        json::array(
            {call("get_team_stats", {{"team", "Los Angeles Lakers"}}),
             call("get_team_stats", {{"team", "Los Angeles Lakers"}, {"measure", "Advanced"}})}));
}

TEST_CASE("several awards in one part: each is asked") {
  const json calls = callsOf("MVP, DPOY and ROY last season");
  REQUIRE(calls.size() == 3);
  CHECK(calls[0]["arguments"]["award"] == "MVP");
  CHECK(calls[1]["arguments"]["award"] == "DPOY");
  CHECK(calls[2]["arguments"]["award"] == "ROY");
}

TEST_CASE("sentences about games name the teams and the score, winner first") {
  const TeamNames teams = {{"LAL", {"Los Angeles Lakers", "Lakers"}},
                           {"POR", {"Portland Trail Blazers", "Trail Blazers"}},
                           {"ATL", {"Atlanta Hawks", "Hawks"}}};
  const json game = {{"date", "2025-04-13"}, {"away", "LAL"},   {"away_pts", 81},
                     {"home", "POR"},        {"home_pts", 109}, {"status", "Final"}};
  CHECK(oneGameSentence({{"team", "LAL"}, {"games", {game}}}, teams) ==
        "The Los Angeles Lakers lost to the Portland Trail Blazers 109-81 on the road on "
        "2025-04-13.");
  CHECK(oneGameSentence({{"team", "POR"}, {"games", {game}}}, teams) ==
        "The Portland Trail Blazers beat the Los Angeles Lakers 109-81 at home on 2025-04-13.");
  const json other = {{"date", "2025-04-13"}, {"away", "ORL"},   {"away_pts", 105},
                      {"home", "ATL"},        {"home_pts", 117}, {"status", "Final"}};
  CHECK(finalScoresSentence({{"date", "2025-04-13"}, {"games", {game, other}}}, teams) ==
        "Final scores on 2025-04-13: Trail Blazers 109, Lakers 81; Hawks 117, ORL 105.");
  // Two games, or one not final: the table says it.
  CHECK_FALSE(oneGameSentence({{"team", "LAL"}, {"games", {game, game}}}, teams));
  json live = game;
  live["status"] = "Q3 5:12";
  CHECK_FALSE(oneGameSentence({{"team", "LAL"}, {"games", {live}}}, teams));
  CHECK_FALSE(finalScoresSentence({{"date", "2025-04-13"}, {"games", {live}}}, teams));
}

std::pair<std::string, std::string> rangeOf(std::string_view question) {
  const ParsedQuery query = parse(question);
  REQUIRE_FALSE(query.intents.empty());
  return {query.intents.front().slots.date, query.intents.front().slots.date_to};
}

TEST_CASE("a range of days: its first and last, however the range is written") {
  using Range = std::pair<std::string, std::string>;
  CHECK(rangeOf("lakers results from march 1 to march 10 2025") ==
        Range{"2025-03-01", "2025-03-10"});
  CHECK(rangeOf("Knicks games Jan 1-10 2025") == Range{"2025-01-01", "2025-01-10"});
  CHECK(rangeOf("blazers road games march 20 to 31 2025") == Range{"2025-03-20", "2025-03-31"});
  CHECK(rangeOf("hornets results feb 1 through the 9th, 2025") ==
        Range{"2025-02-01", "2025-02-09"});
  CHECK(rangeOf("warriors games from 2025-01-01 thru 2025-01-05") ==
        Range{"2025-01-01", "2025-01-05"});
  CHECK(rangeOf("wolves games dec 28 2024 to jan 4 2025") == Range{"2024-12-28", "2025-01-04"});
  CHECK(rangeOf("nuggets games feb 1 - feb 10 2024") == Range{"2024-02-01", "2024-02-10"});
  CHECK(rangeOf("okc games 3/10/2024 to 3/17/2024") == Range{"2024-03-10", "2024-03-17"});
  // One year after the first day serves both.
  CHECK(rangeOf("heat games jan 3 2025 to jan 9") == Range{"2025-01-03", "2025-01-09"});
  // Across New Year: the year written is the last day's.
  CHECK(rangeOf("celtics games dec 20 to jan 5 2025") == Range{"2024-12-20", "2025-01-05"});
  // No year: the latest such days before the clock's 2026-02-22.
  CHECK(rangeOf("celtics games between dec 20 and jan 5") == Range{"2025-12-20", "2026-01-05"});
  // The planned call carries both.
  const json calls = callsOf("Knicks games Jan 1-10 2025");
  REQUIRE(calls.size() == 1);
  CHECK(calls[0]["tool"] == "get_schedule");
  CHECK(calls[0]["arguments"]["date_from"] == "2025-01-01");
  CHECK(calls[0]["arguments"]["date_to"] == "2025-01-10");
}

TEST_CASE("not a range: one day, a last day before the first, 'and' without 'between'") {
  using Range = std::pair<std::string, std::string>;
  CHECK(rangeOf("how did Giannis play vs the Pacers on December 13, 2023") ==
        Range{"2023-12-13", ""});
  CHECK(rangeOf("lakers games march 10 to march 1 2025") == Range{"2025-03-10", ""});
  CHECK(rangeOf("knicks games jan 10-3 2025").second.empty());
  CHECK(rangeOf("lakers game jan 5 and the celtics game") == Range{"2026-01-05", ""});
}

TEST_CASE("a team's last games are its latest played, its first games the season's opening") {
  CHECK(callsOf("sixers last 5 games") ==
        json::array({call("get_schedule", {{"team", "Philadelphia 76ers"}, {"last_n", 5}})}));
  CHECK(callsOf("mavs last 3") ==
        json::array({call("get_schedule", {{"team", "Dallas Mavericks"}, {"last_n", 3}})}));
  CHECK(callsOf("knicks final 5 games of the regular season")[0]["arguments"]["last_n"] == 5);
  CHECK(callsOf("golden st last 6 games") ==
        json::array({call("get_schedule", {{"team", "Golden State Warriors"}, {"last_n", 6}})}));
  CHECK(callsOf("spurs first 5 gms of 23-24") ==
        json::array({call("get_schedule",
                          {{"team", "San Antonio Spurs"}, {"limit", 5}, {"season", "2023-24"}})}));
  CHECK(callsOf("Thunder first 4 games this season") ==
        json::array(
            {call("get_schedule",
                  {{"team", "Oklahoma City Thunder"}, {"limit", 4}, {"season", "2025-26"}})}));
}

TEST_CASE("a team's record against another team is their head-to-head, not the standings") {
  CHECK(callsOf("Celtics record vs the Knicks") ==
        json::array({call("get_head_to_head",
                          {{"team_a", "Boston Celtics"}, {"team_b", "New York Knicks"}})}));
  // One team: which other is asked.
  const Plan one = planFor("head to head record for the celtics");
  CHECK(one.calls.empty());
  CHECK(one.missing == std::vector<std::string>{"which team to compare Boston Celtics with?"});
  // Against a conference it is still the standings' record.
  CHECK(callsOf("celtics record vs the east")[0]["tool"] == "get_team_standings");
}

TEST_CASE("who led a team's game on one day is its box score; the team's points its score") {
  CHECK(
      callsOf("who led the mavs in scoring on christmas 2023") ==
      json::array({call("get_box_score", {{"team", "Dallas Mavericks"}, {"date", "2023-12-25"}})}));
  CHECK(callsOf("who scored the most in the Clippers Warriors game on Valentine's Day 2024") ==
        json::array({call("get_box_score", {{"team", "LA Clippers"}, {"date", "2024-02-14"}})}));
  CHECK(callsOf("Celtics Lakers game on christmas 2023")[0]["tool"] == "get_box_score");
  // Who won it is its result, which every season has: it asked for a 2025-26 box score, which
  // the offline data lacks, and answered nothing (blind audit).
  CHECK(callsOf("Who won the Grizzlies Magic game on 2026-01-18?")[0]["tool"] != "get_box_score");
  CHECK(callsOf("lakers points last night")[0]["tool"] == "get_schedule");
  CHECK(callsOf("did the heat win yesterday")[0]["tool"] == "get_schedule");
  // Over a range of days it is still the schedule.
  CHECK(callsOf("who led the knicks in scoring jan 1-10 2025")[0]["tool"] != "get_box_score");
}

// The days the data dates, as the answer tool reads them from the snapshot.
ParseContext withSeasonDays(int* asked = nullptr) {
  ParseContext context = snapshotContext();
  context.season_days = [asked] {
    if (asked != nullptr) ++*asked;
    return std::vector<SeasonDays>{{Season{2023}, "2023-10-24", "2024-04-14", ""},
                                   {Season{2024}, "2024-10-22", "2025-04-13", "2024-12-17"},
                                   {Season{2025}, "2025-10-21", "", ""}};
  };
  return context;
}

const QuerySlots& slotsOf(const ParsedQuery& query) {
  REQUIRE_FALSE(query.intents.empty());
  return query.intents.front().slots;
}

TEST_CASE("opening night, the last day and the Cup final are the days the data dates") {
  auto dated = [](std::string_view question) {
    return slotsOf(snapshotParser().parse(question, withSeasonDays())).date;
  };
  CHECK(dated("opening night 2024-25 results") == "2024-10-22");
  CHECK(dated("opening night 2023 scores") == "2023-10-24");  // the season that opened in 2023
  CHECK(dated("season opener last season") == "2024-10-22");
  CHECK(dated("opening night scores") == "2025-10-21");  // the latest played
  CHECK(dated("final day of the 2023-24 regular season results") == "2024-04-14");
  CHECK(dated("top scorer on the last day of last season") == "2025-04-13");
  CHECK(dated("scores from the last day of the regular season") == "2025-04-13");
  CHECK(dated("last day of the 2024 season games") == "2024-04-14");  // ended in 2024
  CHECK(dated("NBA Cup final 2024 score") == "2024-12-17");
  CHECK(dated("in season tournament final 2024 score") == "2024-12-17");
  CHECK(dated("cup final score 2023-24").empty());  // not in the data
  // Who won the Cup is who won its final: it listed the season's awards (blind audit).
  // The year may sit inside the phrase ("won the 2024 NBA Cup"); it was read as awards.
  for (const char* cup : {"who won the NBA Cup in 2024", "NBA Cup champion 2024-25",
                          "who won the 2024 NBA Cup", "who won the 2024-25 nba cup"}) {
    CAPTURE(cup);
    const ParsedQuery query = snapshotParser().parse(cup, withSeasonDays());
    CHECK(slotsOf(query).date == "2024-12-17");
    CHECK(query.intents.front().kind == IntentKind::kScores);
  }
  CHECK(dated("did the Bucks win the 2024 cup") == "2024-12-17");  // their schedule that day
  const Plan no_final = snapshotPlanner().plan(
      snapshotParser().parse("who won the NBA Cup in 2023", withSeasonDays()));
  CHECK(no_final.calls.empty());
  REQUIRE(no_final.unanswerable.size() == 1);
  CHECK(no_final.unanswerable[0] ==
        "The data has no date for the NBA Cup final of 2023-24: it has not been played yet, or "
        "it is not among the data's games.");

  // Not played yet: no date, and the plan says so instead of answering another day.
  const ParsedQuery unplayed =
      snapshotParser().parse("scores on the last day of this season", withSeasonDays());
  CHECK(slotsOf(unplayed).date.empty());
  CHECK(slotsOf(unplayed).undated_day == "the last day of the regular season of 2025-26");
  const Plan plan = snapshotPlanner().plan(unplayed);
  CHECK(plan.calls.empty());
  REQUIRE(plan.unanswerable.size() == 1);
  CHECK(plan.unanswerable[0].find("no date for the last day of the regular season of 2025-26") !=
        std::string::npos);
  // Without the data's days (a parser on its own) it is the same honest answer.
  CHECK(slotsOf(parse("opening night 2024-25 results")).undated_day == "opening night of 2024-25");

  // The data is asked only when a question names such a day.
  int asked = 0;
  (void)snapshotParser().parse("christmas day 2024 scores", withSeasonDays(&asked));
  CHECK(asked == 0);
  (void)snapshotParser().parse("opening night 2024-25 scores", withSeasonDays(&asked));
  CHECK(asked >= 1);
}

TEST_CASE("the league's best line of one day is that day's leaderboard, not its scores") {
  CHECK(callsOf("who scored the most points on christmas day 2023") ==
        json::array({call("get_league_leaders",
                          {{"stat", "PTS"}, {"limit", 10}, {"date", "2023-12-25"}})}));
  CHECK(callsOf("who had the most rebounds in the league on 3/29/24") ==
        json::array({call("get_league_leaders",
                          {{"stat", "REB"}, {"limit", 10}, {"date", "2024-03-29"}})}));
  CHECK(callsOf("top 3 in assists in the west on feb 27 2024") ==
        json::array({call(
            "get_league_leaders",
            {{"stat", "AST"}, {"limit", 3}, {"date", "2024-02-27"}, {"conference", "West"}})}));
  // A day without a ranking is still its scores; a range of days is not one day.
  CHECK(callsOf("scores on christmas day 2023")[0]["tool"] == "get_live_scores");
  CHECK(callsOf("who scored the most points jan 1-10 2024")[0]["arguments"].count("date") == 0);
}

TEST_CASE("a traded player's teams are his scope; 'total season' is the whole season") {
  CHECK(callsOf("De'Aaron Fox combined stats for the whole season (Kings and Spurs)") ==
        json::array({call("get_player_stats", {{"player", "De'Aaron Fox"}})}));
  CHECK(callsOf("luka doncic total season averages across both teams") ==
        json::array({call("get_player_stats", {{"player", "Luka Dončić"}})}));
  CHECK(callsOf("how many total points did SGA score")[0]["arguments"]["per_mode"] == "Totals");
  // Two teams with "vs" are still their games.
  CHECK(callsOf("celtics vs knicks")[0]["tool"] == "get_head_to_head");
}

TEST_CASE("a possessive typed without its apostrophe is the name") {
  CHECK(callsOf("lebrons stats") ==
        json::array({call("get_player_stats", {{"player", "LeBron James"}})}));
  CHECK(callsOf("currys ppg")[0]["arguments"]["player"] == plannedEntity("Stephen Curry"));
  CHECK(callsOf("youngs scoring average")[0]["arguments"]["player"] == plannedEntity("Trae Young"));
  // Known words keep their "s": a team, a stat, a player whose name ends in one.
  CHECK(callsOf("bucks record")[0]["tool"] == "get_team_standings");
  CHECK(callsOf("jaylen wells points")[0]["arguments"]["player"] == plannedEntity("Jaylen Wells"));
  const ParsedQuery johnsons = parse("whats johnsons scoring average");
  REQUIRE(johnsons.slots.players.size() == 1);
  CHECK(johnsons.slots.players[0].ambiguous);  // Keldon, Jalen, Cameron Johnson, …
}

TEST_CASE("an ordinary word that is a surname is a name before a stat or after 'does'") {
  const ParsedQuery white = parse("white ppg this season");
  REQUIRE(white.slots.players.size() == 1);
  CHECK(white.slots.players[0].ambiguous);  // Coby or Derrick White
  CHECK(parse("how many points does bridges average").slots.players.size() == 1);
  CHECK(callsOf("young ppg")[0]["arguments"]["player"] == plannedEntity("Trae Young"));
  // Elsewhere it stays a word.
  CHECK(parse("best young players").slots.players.empty());
  CHECK(parse("holiday games").slots.players.empty());
}

TEST_CASE("shooting by percentage, games played, and 'from the field' are stats") {
  CHECK(callsOf("best 3 point shooter by percentage in 23-24")[0]["arguments"]["stat"] ==
        "FG3_PCT");
  CHECK(callsOf("best 3 point shooter in 23-24")[0]["arguments"]["stat"] == "FG3M");
  CHECK(callsOf("who played the most games in 2023-24") ==
        json::array(
            {call("get_league_leaders", {{"stat", "GP"}, {"limit", 10}, {"season", "2023-24"}})}));
  CHECK(callsOf("who shot the best percentage from the field")[0]["arguments"]["stat"] == "FG_PCT");
}

TEST_CASE("a position is a leaderboard's scope") {
  CHECK(callsOf("which guard shot the best percentage from the field this season") ==
        json::array(
            {call("get_league_leaders",
                  {{"stat", "FG_PCT"}, {"limit", 10}, {"season", "2025-26"}, {"position", "G"}})}));
  CHECK(callsOf("best rebounder among guards in the west") ==
        json::array(
            {call("get_league_leaders",
                  {{"stat", "REB"}, {"limit", 10}, {"conference", "West"}, {"position", "G"}})}));
  CHECK(callsOf("top 5 scoring big men")[0]["arguments"]["position"] == "C");
  CHECK(callsOf("top scorers")[0]["arguments"].count("position") == 0);
}

TEST_CASE("rookies and a games floor scope a leaderboard (blind audit: both were dropped)") {
  CHECK(callsOf("rookie scoring leaders 2024-25") ==
        json::array(
            {call("get_league_leaders",
                  {{"stat", "PTS"}, {"limit", 10}, {"season", "2024-25"}, {"rookies", true}})}));
  CHECK(callsOf("who led rookies in rebounds 2023-24")[0]["arguments"]["rookies"] == true);
  CHECK(callsOf("top scorers")[0]["arguments"].count("rookies") == 0);
  // "min" before a number of games is "minimum", not Minnesota.
  CHECK(callsOf("scoring leaders min 65 games 2023-24") ==
        json::array(
            {call("get_league_leaders",
                  {{"stat", "PTS"}, {"limit", 10}, {"season", "2023-24"}, {"min_games", 65}})}));
  for (const char* floor :
       {"highest ppg with at least 70 games 2024-25", "assist leaders minimum 70 games 2024-25",
        "points leaders 2024-25 70 or more games", "top scorers 2024-25 70 games minimum"}) {
    CAPTURE(floor);
    const json calls = callsOf(floor);
    REQUIRE(calls.size() == 1);
    CHECK(calls[0]["arguments"]["min_games"] == 70);
    CHECK(calls[0]["arguments"].count("team") == 0);
    // "least" there is not "the least points": no note that leaders rank from the top only.
    CHECK(planFor(floor).notes.empty());
  }
  CHECK(callsOf("min scoring leaders 2023-24")[0]["arguments"]["team"] == "1610612750");
  CHECK(callsOf("last 5 games")[0]["arguments"].count("min_games") == 0);
  // A player's rookie season is his first (the tool looks it up), not rookies' leaders.
  CHECK(callsOf("wembanyama rookie season stats") ==
        json::array(
            {call("get_player_stats", {{"player", "Victor Wembanyama"}, {"season", "rookie"}})}));
}

TEST_CASE("one game by its id is its box score; a player's game that day is his log") {
  CHECK(callsOf("box score for game 0022300403") ==
        json::array({call("get_box_score", {{"game_id", "0022300403"}})}));
  CHECK(callsOf("Wembanyama 2024-03-29 box score line") ==
        json::array({call("get_player_game_log", {{"player", "Victor Wembanyama"},
                                                  {"date_from", "2024-03-29"},
                                                  {"date_to", "2024-03-29"}})}));
  // Against a team on a date: still his line, the team is the opponent.
  CHECK(callsOf("how did Giannis play vs the Pacers on December 13, 2023")[0]["tool"] ==
        "get_player_game_log");
  CHECK(callsOf("did the heat win yesterday")[0]["tool"] == "get_schedule");
  // Ten digits not from 00 are only a number.
  const ParsedQuery number = parse("box score 1234567890");
  for (const Intent& intent : number.intents) CHECK(intent.slots.game_id.empty());
  CHECK(number.slots.game_id.empty());
}

TEST_CASE("PER and TS in capitals are stats; 'per game' is not; dunks are not in the data") {
  CHECK(parse("Luka PER last season").intents.front().slots.stats ==
        std::vector<std::string>{"PER"});
  CHECK(parse("lebron TS this season").intents.front().slots.stats ==
        std::vector<std::string>{"TS_PCT"});
  CHECK(parse("Per game stats for Luka").intents.front().slots.stats.empty());
  CHECK(parse("luka per game stats").intents.front().slots.stats.empty());
  const ParsedQuery dunks = parse("how many dunks did Giannis have this season");
  REQUIRE(dunks.out_of_scope.size() == 1);
  CHECK(dunks.out_of_scope[0].what == "dunks");
  CHECK_FALSE(dunks.out_of_scope[0].other_league);
}

// "Michael Jordan stats" compared Michael Porter Jr. (a first name) with DeAndre Jordan (a
// surname), marked answered (blind audit). A first name and a name word that do not resolve
// together are one name the data lacks.
TEST_CASE("a full name no player has is not split into two other players") {
  for (const char* question : {"Michael Jordan stats", "Kobe Bryant career",
                               "How many points did Michael Jordan score last season?"}) {
    CAPTURE(question);
    const ParsedQuery query = parse(question);
    CHECK(query.slots.players.empty());
    REQUIRE(query.out_of_scope.size() == 1);
    CHECK(query.out_of_scope[0].what.find("no player of the seasons it covers has that name") !=
          std::string::npos);
    CHECK(query.intents.empty());
  }
  CHECK(parse("Michael Jordan stats").out_of_scope[0].what.rfind("'Michael Jordan'", 0) == 0);
  // Beside a known player it is a note, and the known one is still looked up.
  const ParsedQuery mixed = parse("compare Michael Jordan and LeBron");
  REQUIRE(mixed.slots.players.size() == 1);
  CHECK(mixed.slots.players[0].display_name == "LeBron James");
  CHECK(std::find(mixed.notes.begin(), mixed.notes.end(),
                  "No player in the data is named 'Michael Jordan' (earlier players are not in "
                  "it).") != mixed.notes.end());
  // A first name alone, a full name, and nicknames side by side are still players.
  CHECK(parse("Tim Hardaway stats").slots.players.at(0).display_name == "Tim Hardaway Jr.");
  CHECK(parse("Michael Porter Jr stats").slots.players.at(0).display_name == "Michael Porter Jr.");
  CHECK(parse("compare Giannis Jokic").slots.players.size() == 2);
}

// "southwest division net rating 2023-24" gave the division's standings (blind audit).
TEST_CASE("a division or conference with a team metric ranks its teams by it") {
  CHECK(callsOf("southwest division net rating 2023-24") ==
        json::array(
            {call("get_team_rankings",
                  {{"stat", "NET_RATING"}, {"division", "Southwest"}, {"season", "2023-24"}})}));
  CHECK(callsOf("southwest division standings 2023-24")[0]["tool"] == "get_team_standings");
}

// Streak questions had the team's per-game stats (blind audit): one team's standing has them.
TEST_CASE("a team's streak is its standing") {
  for (const char* question :
       {"what was the thunder's longest winning streak in 2024-25",
        "did the pistons have a losing streak in 2023-24", "heat wins in a row 2023-24",
        "what's the thunder's current streak"}) {
    CAPTURE(question);
    const json calls = callsOf(question);
    REQUIRE(calls.size() == 1);
    CHECK(calls[0]["tool"] == "get_team_standings");
    CHECK(calls[0]["arguments"].contains("team"));
  }
}

// Each was answered with a stat line, a schedule or a team's stats (blind audit).
TEST_CASE(
    "heights, betting lines, pay and the weather are not covered; seasons played is a career") {
  const std::vector<std::pair<const char*, const char*>> cases = {
      {"how tall is wemby", "heights, weights and ages"},
      {"how old is lebron", "heights, weights and ages"},
      {"what is the over under for the warriors game", "betting odds"},
      {"Knicks point spread tonight", "betting odds"},
      {"how much does lebron get paid", "salaries and contracts"},
      {"what is the weather in Boston", "the weather"}};
  for (const auto& item : cases) {
    const char* question = item.first;  // not a structured binding: clang 14's CAPTURE
    const std::string what = item.second;
    CAPTURE(question);
    const ParsedQuery query = parse(question);
    REQUIRE(query.out_of_scope.size() == 1);
    CHECK(query.out_of_scope[0].what == what);
    CHECK(query.intents.empty());
  }
  const ParsedQuery seasons = parse("how many seasons has KD played");
  REQUIRE(seasons.intents.size() == 1);
  CHECK(seasons.intents[0].kind == IntentKind::kCareer);
}

// A season's single-game highs and triple-double counts are not in what the tools rank: an
// average in their place answered another question (a blind audit: "most points in a game
// 2023-24" gave Dončić's 33.9 a game, not his 73 on 2024-01-26).
TEST_CASE("single-game highs over a season and triple-doubles are said to be not covered") {
  for (const char* question :
       {"most points in a game 2023-24", "highest scoring game by a player in 2023-24",
        "Luka career high", "most rebounds in a single game this season"}) {
    CAPTURE(question);
    const ParsedQuery query = parse(question);
    REQUIRE(query.out_of_scope.size() == 1);
    CHECK(query.out_of_scope[0].what.rfind("a season's single-game highs", 0) == 0);
    CHECK(query.intents.empty());
  }
  // A season's worst games too: "lowest scoring game" gave the season averages (blind audit).
  for (const char* question : {"Tatum lowest scoring game 2023-24", "LeBron worst game 2024-25"}) {
    CAPTURE(question);
    const ParsedQuery query = parse(question);
    REQUIRE(query.out_of_scope.size() == 1);
    CHECK(query.out_of_scope[0].what.rfind("a season's single-game highs", 0) == 0);
  }
  // Counts of games past a mark were answered with totals, or as a comparison missing its
  // second player (blind audit).
  for (const char* question : {"How many 30-point games did Luka Doncic have in 2023-24?",
                               "Luka games with 40 or more points 2023-24"}) {
    CAPTURE(question);
    const ParsedQuery query = parse(question);
    REQUIRE(query.out_of_scope.size() == 1);
    CHECK(query.out_of_scope[0].what.rfind("counts of games past a mark", 0) == 0);
    CHECK(query.intents.empty());
  }
  const ParsedQuery triples = parse("nikola jokic triple doubles 2024-25");
  REQUIRE(triples.out_of_scope.size() == 1);
  CHECK(triples.out_of_scope[0].what == "triple-doubles and double-doubles");
  REQUIRE(planFor("most triple-doubles 2024-25").unanswerable.size() == 1);
  CHECK(planFor("most triple-doubles 2024-25").unanswerable[0] ==
        "nba-mcp answers from NBA game statistics and has no data on triple-doubles and "
        "double-doubles.");
  // With a date it is one day's leaders, which are covered.
  const json day = callsOf("most points in a game on 2024-01-26");
  REQUIRE(day.size() == 1);
  CHECK(day[0]["tool"] == "get_league_leaders");
  CHECK(day[0]["arguments"]["date"] == "2024-01-26");
  CHECK(day[0]["arguments"]["stat"] == "PTS");
}

TEST_CASE("a typo of one letter in a question word or a team is read as the word") {
  CHECK(callsOf("lakers last 4 games last seasn")[0]["arguments"]["season"] == "2024-25");
  CHECK(callsOf("nuggets last 5 gmaes")[0]["tool"] == "get_schedule");
  CHECK(callsOf("nugets games feb 1 - feb 10 2024")[0]["arguments"]["team"] ==
        plannedEntity("Denver Nuggets"));
  CHECK(callsOf("jokic pionts")[0]["arguments"]["player"] == plannedEntity("Nikola Jokić"));
  // A word of a known phrase is no typo ("net rating" is not "net ratings").
  CHECK(callsOf("Knicks net rating")[0]["tool"] == "get_team_stats");
  // Another language is not corrected into English questions.
  CHECK(planFor("¿Quién es el máximo anotador?").calls.empty());
}

}  // namespace
}  // namespace nba::nlq::testing

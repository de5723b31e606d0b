// Bad input never crashes and always ends in either a plan or a clear `missing`.
#include <doctest/doctest.h>

#include <string>

#include "fixtures/question_corpus.h"
#include "nlq/nlq_fixture.h"

namespace nba::nlq::testing {
namespace {

// Unclear: no intent, and the plan says what is missing.
void checkUnclear(std::string_view question) {
  CAPTURE(question);
  const ParsedQuery query = parse(question);
  CHECK(query.intents.empty());
  CHECK(query.confidence == 0);
  const Plan plan = snapshotPlanner().plan(query);
  CHECK(plan.calls.empty());
  REQUIRE(plan.missing.size() == 1);
  CHECK(plan.suggestions.size() == 3);
}

TEST_CASE("empty, tiny and filler-only questions are unclear") {
  checkUnclear("");
  checkUnclear("x");
  checkUnclear("?");
  checkUnclear("   \t\n ");
  checkUnclear("the the the of and");
  checkUnclear("what is it");
  checkUnclear("🏀🔥💯");
  checkUnclear("\x01\x02\x03\x7f");
}

TEST_CASE("other languages are unclear, not misread") {
  checkUnclear("¿Quién es el máximo anotador?");
  checkUnclear("湖人队和凯尔特人队谁更强");
  checkUnclear("Кто лучший бомбардир?");
}

TEST_CASE("SQL-like and injected markup do not become arguments") {
  checkUnclear("'; DROP TABLE players; --");
  checkUnclear("SELECT * FROM users WHERE 1=1");
  const ParsedQuery html = parse("<script>alert(1)</script> Lakers standings");
  REQUIRE(html.intents.size() == 1);
  CHECK(callsOf("<script>alert(1)</script> Lakers standings") ==
        nlohmann::json::array({call("get_team_standings", {{"team", "Los Angeles Lakers"}})}));
  CHECK(callsOf("**Top 5** | scorers | {\"stat\": \"AST\"}") ==
        nlohmann::json::array({call("get_league_leaders", {{"stat", "PTS"}, {"limit", 5}}),
                               call("get_league_leaders", {{"stat", "AST"}, {"limit", 5}})}));
}

TEST_CASE("long questions: 500+ characters are read, 100 KB is refused cheaply") {
  std::string long_question = "Who leads the NBA in points? ";
  while (long_question.size() < 600) long_question += "please please ";
  CHECK(callsOf(long_question) ==
        nlohmann::json::array({call("get_league_leaders", {{"stat", "PTS"}, {"limit", 10}})}));
  const std::string huge(100 * 1024, 'a');
  const ParsedQuery query = parse(huge);
  CHECK(query.too_long);
  CHECK(query.intents.empty());
  const Plan plan = snapshotPlanner().plan(query);
  REQUIRE(plan.missing.size() == 1);
  CHECK(plan.missing[0].find("shorter") != std::string::npos);
  std::string words;
  for (int i = 0; i < 300; ++i) words += "lakers ";
  const ParsedQuery many = parse(words);
  CHECK_FALSE(many.notes.empty());  // only the first words were read
}

TEST_CASE("a question naming 10 players compares the first 4 and says so") {
  const Plan plan = planFor(
      "compare LeBron James, Kevin Durant, Stephen Curry, Nikola Jokic, Luka Doncic, "
      "Giannis Antetokounmpo, Jayson Tatum, Joel Embiid, Anthony Edwards and Devin Booker");
  REQUIRE(plan.calls.size() == 1);
  CHECK(plan.calls[0].tool == "compare_players");
  CHECK(plan.calls[0].arguments ==
        plannedArguments(
            {{"players", {"LeBron James", "Kevin Durant", "Stephen Curry", "Nikola Jokić"}}}));
  REQUIRE(plan.notes.size() == 1);
  CHECK(plan.notes[0].find("first 4 of 10") != std::string::npos);
}

// The planner passes the ids the parser resolved (a tool then finds that exact player or
// team), and the words as written only when the parser could not choose.
TEST_CASE("planned calls name resolved entities by id, unresolved ones by their words") {
  CHECK(callsOf("Show me Stephen Curry stats") ==
        nlohmann::json::array(
            {{{"tool", "get_player_stats"}, {"arguments", {{"player", "201939"}}}}}));
  CHECK(callsOf("Lakers vs Celtics")[0]["arguments"] ==
        nlohmann::json({{"team_a", "1610612747"}, {"team_b", "1610612738"}}));
  const Plan thompson = planFor("thompson stats");  // Klay, Amen, Ausar…: the parser asks
  REQUIRE(thompson.calls.size() == 1);
  CHECK(thompson.calls[0].arguments["player"] == "thompson");
  CHECK_FALSE(thompson.missing.empty());
  // A number in a question is never read as an id: 2544 is LeBron James's.
  const ParsedQuery points = parse("who scored 2544 points in a season");
  CHECK(points.slots.players.empty());
  for (const auto& intent : points.intents) CHECK(intent.slots.players.empty());
}

TEST_CASE("questions missing what a tool needs say what is missing") {
  CHECK(planFor("compare").missing ==
        std::vector<std::string>{"which players to compare (2 to 4)?"});
  const Plan one = planFor("compare LeBron");
  REQUIRE(one.missing.size() == 1);
  CHECK(one.missing[0].find("second player") != std::string::npos);
  CHECK(planFor("who leads the league").missing ==
        std::vector<std::string>{"which stat to rank by (points, rebounds, assists, …)?"});
  CHECK(planFor("box score").missing == std::vector<std::string>{"which team's game?"});
  CHECK(planFor("Lakers vs").missing ==
        std::vector<std::string>{"which team to compare Los Angeles Lakers with?"});
}

TEST_CASE("every corpus question parses deterministically") {
  for (std::string_view question : kQuestionCorpus) {
    CAPTURE(question);
    const nlohmann::json a = toJson(parse(question));
    const nlohmann::json b = toJson(parse(question));
    CHECK(a == b);
    const Plan plan = planFor(question);
    CHECK((plan.calls.empty() != plan.missing.empty() || !plan.calls.empty()));
  }
}

}  // namespace
}  // namespace nba::nlq::testing

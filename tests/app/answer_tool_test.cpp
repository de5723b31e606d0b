// answer_nba_question end to end in process: a server from buildServer on the embedded
// snapshot with the golden clock (2025-04-14, so "this season" is 2024-25), asked through
// McpServer::callTool exactly as tools/call would.
#include "app/answer_tool.h"

#include <doctest/doctest.h>

#include "app/nba_tools.h"
#include "app/server_builder.h"
#include "app/server_metrics.h"
#include "nba/tools/answer_markdown.h"
#include "nlq/parser/slot_hits.h"
#include "nlq/question_pipeline.h"
#include "support/test_call.h"

namespace nba::app {
namespace {

using nba::testing::testCall;
using nlohmann::json;

ServerBundle& goldenServer() {
  static ServerBundle bundle = [] {
    Config config;
    config.origin = "snapshot";
    config.fixed_time = "2025-04-14T12:00:00Z";
    auto built = buildServer(config);
    REQUIRE(built.ok());
    return std::move(built).value();
  }();
  return bundle;
}

mcp::ToolResult askWith(const json& arguments) {
  return goldenServer().server->callTool("answer_nba_question", arguments);
}

mcp::ToolResult ask(const std::string& question) { return askWith(json{{"question", question}}); }

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST_CASE("an NBA tool's result carries its sections, typed, to the question pipeline") {
  mcp::McpServer& server = *goldenServer().server;
  const json arguments = {{"stat", "PTS"}, {"season", "2024-25"}};
  for (int call = 0; call < 2; ++call) {  // the second may come from the result memo
    const nlq::ToolOutcome outcome =
        toolOutcomeOf(server.callTool("get_league_leaders", arguments));
    REQUIRE(outcome.sections != nullptr);
    CHECK(outcome.sections->heading.title == "NBA leaders: Points");
    CHECK(outcome.sections->heading.season == "2024-25");
    CHECK(outcome.sections->heading.as_of == "2025-04-13");
    CHECK(outcome.sections->sentence ==
          "Shai Gilgeous-Alexander led the NBA with 32.7 points per game in 2024-25.");
    CHECK(outcome.sections->body.find("| 1 | Shai Gilgeous-Alexander") != std::string::npos);
    // The text a client reads is those very sections, rendered once.
    CHECK(outcome.text == tools::renderMarkdown(*outcome.sections));
  }
  const nlq::ToolOutcome failed =
      toolOutcomeOf(server.callTool("get_player_stats", {{"player", "999999999"}}));
  CHECK(failed.is_error);
  CHECK(failed.sections == nullptr);
  CHECK(failed.text == "No player has the id 999999999. resolve_entity gives the id of a name.");
}

TEST_CASE("a leaders question: heading with season and as-of, the answer, the table") {
  const auto result = ask("Who leads the NBA in points?");
  REQUIRE_FALSE(result.is_error);
  CHECK(
      result.text.starts_with("## NBA leaders: Points — 2024-25 (as of 2025-04-13)\n\n"
                              "Shai Gilgeous-Alexander led the NBA with 32.7 points per game"));
  CHECK(contains(result.text, "| 2 | Giannis Antetokounmpo | MIL | 67 | 30.4 |"));
  const json& answer = result.structured.value();
  CHECK(answer["status"] == "answered");
  CHECK(answer["intents"] == json::array({"leaders"}));
  CHECK(answer["season"] == "2024-25");
  CHECK(answer["as_of"] == "2025-04-13");
  CHECK(answer["answer"] ==
        "Shai Gilgeous-Alexander led the NBA with 32.7 points per game in 2024-25.");
  REQUIRE(answer["plan"]["calls"].size() == 1);
  CHECK(answer["plan"]["calls"][0]["tool"] == "get_league_leaders");
  CHECK(answer["results"][0]["result"]["season"] == "2024-25");
  CHECK(result.meta["dev.nbamcp/status"] == "answered");
}

TEST_CASE("a stat question gets a sentence about exactly that stat") {
  auto result = ask("how many points does Jokic average");
  REQUIRE_FALSE(result.is_error);
  CHECK(contains(result.text,
                 "\n\nNikola Jokić averaged 29.6 points per game in 2024-25 (70 "
                 "games).\n\n"));
  result = ask("What is the Celtics offensive rating?");
  CHECK(result.structured.value()["answer"] ==
        "The Boston Celtics had an offensive rating of 120.6 (2nd in the NBA) in 2024-25.");
}

TEST_CASE("the best defensive team in the West is ranked from every West team's rating") {
  const auto result = ask("best defensive team in the West");
  REQUIRE_FALSE(result.is_error);
  const json& answer = result.structured.value();
  CHECK(answer["intents"] == json::array({"team_leaders"}));
  REQUIRE(answer["plan"]["calls"].size() == 1);  // one ranking, not 15 team lookups
  CHECK(answer["plan"]["calls"][0]["tool"] == "get_team_rankings");
  CHECK(answer["plan"]["calls"][0]["arguments"] ==
        json{{"stat", "DEF_RATING"}, {"conference", "West"}});
  CHECK(answer["answer"] ==
        "The Oklahoma City Thunder had the best defensive rating in the West in 2024-25: 107.5.");
  CHECK(contains(result.text, "| 2 | LA Clippers | 110.3 | 50-32 |"));
  CHECK_FALSE(contains(result.text, "Boston"));
}

TEST_CASE("two questions joined by 'and' get two answers") {
  const auto result = ask("top 3 scorers and the East standings");
  REQUIRE_FALSE(result.is_error);
  const json& answer = result.structured.value();
  CHECK(answer["intents"] == json::array({"leaders", "standings"}));
  CHECK(answer["status"] == "answered");
  CHECK(contains(result.text, "| 3 | Nikola Jokić | DEN | 70 | 29.6 |"));
  CHECK(contains(result.text, "Cleveland led the East at 64-18."));
  CHECK(contains(answer["answer"].get<std::string>(), "32.7 points per game"));
}

TEST_CASE("a question about what the data lacks offers no rewrites of itself") {
  // "Boston" is a team and a player; naming either still asks about the weather. It offered
  // "what is the weather in Boston Celtics" (blind audit).
  auto result = ask("what is the weather in Boston");
  CHECK(result.text ==
        "## Not covered\n\nnba-mcp answers from NBA game statistics and has no data on the "
        "weather.");
  CHECK(result.structured.value()["suggestions"].empty());
}

TEST_CASE("questions that lack something get what is missing and examples") {
  auto result = ask("the of and");
  REQUIRE_FALSE(result.is_error);
  CHECK(result.structured.value()["status"] == "clarification");
  CHECK(result.text.starts_with("## I need a bit more to answer that"));
  CHECK(result.structured.value()["suggestions"].size() == 3);
  CHECK(contains(result.text, "Try for example: \"Who leads the NBA in points?\""));

  result = ask("compare LeBron");
  CHECK(result.structured.value()["status"] == "partial");
  CHECK(contains(result.text, "a second player to compare LeBron James with"));
  CHECK(contains(result.text, "LeBron James (LAL) averaged 24.4 points"));
}

TEST_CASE("an ambiguous name lists the candidates and suggests the question with each") {
  const auto result = ask("LA standings");
  REQUIRE_FALSE(result.is_error);
  const json& answer = result.structured.value();
  CHECK(answer["status"] == "clarification");
  CHECK(contains(result.text, "which \"LA\" (LA Clippers, Los Angeles Lakers)?"));
  REQUIRE(answer["suggestions"].size() >= 2);
  CHECK(answer["suggestions"][0] == "LA Clippers standings");
  CHECK(answer["suggestions"][1] == "Los Angeles Lakers standings");
  CHECK(answer["entities"]["teams"][0]["ambiguous"] == true);
}

TEST_CASE("a part that fails keeps the parts that worked") {
  const auto result = ask("scores last night and the West standings");
  REQUIRE_FALSE(result.is_error);
  const json& answer = result.structured.value();
  CHECK(answer["intents"] == json::array({"scores", "standings"}));
  CHECK(contains(result.text, "Oklahoma City led the West at 68-14."));
}

TEST_CASE("the pipeline's calls go through the server's middleware, as pipeline calls") {
  auto usage = [](const std::string& tool) {
    for (const auto& row : goldenServer().metrics->toolUsage()) {
      if (row.tool == tool) return row;
    }
    return ToolUsageRow{tool};
  };
  const auto standings_before = usage("get_team_standings");
  const auto answers_before = usage("answer_nba_question");
  REQUIRE_FALSE(ask("Western Conference standings").is_error);
  const auto standings = usage("get_team_standings");
  CHECK(standings.pipeline_calls == standings_before.pipeline_calls + 1);
  CHECK(standings.pipeline_errors == standings_before.pipeline_errors);
  CHECK(standings.calls == standings_before.calls);  // nobody asked for it directly
  CHECK(usage("answer_nba_question").calls == answers_before.calls + 1);
}

TEST_CASE("bad questions get a clear isError from the schema, naming the argument") {
  auto result = ask("");
  CHECK(result.is_error);
  CHECK(contains(result.text, "question"));
  CHECK(contains(result.text, "at least 5 characters"));
  CHECK(ask("a").is_error);
  result = ask(std::string(501, 'x'));
  CHECK(result.is_error);
  CHECK(contains(result.text, "at most 500 characters"));
  CHECK(ask(std::string(100 * 1024, 'y')).is_error);
  CHECK(askWith(json::object()).is_error);
  CHECK(askWith(json{{"question", 42}}).is_error);
  CHECK(askWith(json{{"question", "Who leads in points?"}, {"extra", 1}}).is_error);
}

TEST_CASE("odd questions get an answer, never an error or an empty reply") {
  const char* questions[] = {"🏀🏀🏀🏀🏀",
                             "Wer führt die NBA bei den Punkten?",
                             "谁是得分王？？？",
                             "SELECT * FROM players; DROP TABLE teams; --",
                             "\x01\x02\x03\x04\x05\x06",
                             "?????",
                             ("Compare LeBron, Curry, Durant, Jokic, Giannis, Tatum, Embiid, "
                              "Luka, Booker and Harden")};
  for (const char* question : questions) {
    CAPTURE(question);
    const auto result = ask(question);
    CHECK_FALSE(result.is_error);
    CHECK(result.text.size() > 40);
    REQUIRE(result.structured.has_value());
    CHECK(result.structured.value()["question"] == question);
  }
  const auto ten = ask(questions[6]);
  CHECK(contains(ten.text, "compared the first 4 of 10"));
}

TEST_CASE("markdown, HTML and JSON in a question cannot break the answer") {
  const std::string question =
      "Lakers standings <script>alert(1)</script> | ** `x` [a](http://x) {\"jsonrpc\":\"2.0\"}";
  const auto result = ask(question);
  REQUIRE_FALSE(result.is_error);
  CHECK_FALSE(contains(result.text, "<script>"));
  CHECK(contains(result.text, "| 3 | Los Angeles Lakers | 50 | 32 |"));
  CHECK(result.structured.value()["question"] == question);
  // Every table row has the header's column count: nothing from the question got inside.
  CHECK(contains(result.text,
                 "\n| # | Team | W | L | PCT | GB | Home | Road | L10 | Streak | Conf |\n"));
}

TEST_CASE("under --fixed-time the date stays fixed but the stages' durations are measured") {
  ServerBundle& bundle = goldenServer();
  const auto fixed = parseFixedTime("2025-04-14T12:00:00Z");
  REQUIRE(fixed.ok());
  mcp::McpServer& server = *bundle.server;
  auto players = bundle.origin->chosen->players(testCall());
  auto teams = bundle.origin->chosen->teams(testCall());
  REQUIRE(players.ok());
  REQUIRE(teams.ok());
  obs::MetricsRegistry registry;
  auto pipeline = nlq::newQuestionPipeline(
      *bundle.resolver, players->rows, teams->rows,
      [&server](const std::string& tool, const json& args, const nba::SpanPtr&) {
        return toolOutcomeOf(server.callTool(tool, args));
      },
      1, *bundle.clock, registry);
  REQUIRE(pipeline != nullptr);
  const auto answer = pipeline->answer("Who leads the NBA in points?",
                                       nlq::parseContextAt(bundle.clock->wallNow()));
  CHECK(answer.structured["season"] == "2024-25");
  // Each stage observed once; real work took real (monotonic) time: a frozen clock would
  // record 0 for every stage.
  const nlq::PipelineStageMetrics stages(registry);
  for (const obs::Histogram* stage :
       {&stages.parse, &stages.plan, &stages.execute, &stages.synthesize}) {
    CHECK(stage->count() == 1);
  }
  CHECK(stages.parse.sum() + stages.plan.sum() + stages.synthesize.sum() > 0);
  CHECK(stages.execute.sum() > 0);  // at least one tool call through the server
  CHECK(bundle.clock->wallNow() == fixed.value());
}

}  // namespace
}  // namespace nba::app

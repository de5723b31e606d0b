#include "app/nba_resources_and_prompts.h"

#include <doctest/doctest.h>

#include <limits>

#include "support/nba_env.h"
#include "support/server_harness.h"

using nba::testing::ServerHarness;
using nba::testing::snapshotEnv;
using nlohmann::json;

namespace {

void registerNbaFeatures(nba::mcp::McpServer& server) {
  REQUIRE(nba::app::registerNbaResources(server, snapshotEnv()).isOk());
  REQUIRE(nba::app::registerNbaPrompts(server, snapshotEnv()).isOk());
}

}  // namespace

TEST_CASE("nba://teams lists the 30 teams with both abbreviation schemes") {
  ServerHarness h(registerNbaFeatures);
  h.initialize();
  json read = h.call("resources/read", {{"uri", "nba://teams"}});
  json body = json::parse(read["result"]["contents"][0]["text"].get<std::string>());
  REQUIRE(body["teams"].size() == 30);
  bool brooklyn = false;
  for (const auto& team : body["teams"]) {
    if (team["abbreviation"] == "BKN") {
      brooklyn = team["bbref_abbreviation"] == "BRK" && team["team_id"] == 1610612751 &&
                 team["conference"] == "East" && team["division"] == "Atlantic";
    }
  }
  CHECK(brooklyn);
}

TEST_CASE("nba://players/{id} gives the bio and season lines") {
  ServerHarness h(registerNbaFeatures);
  h.initialize();
  json read = h.call("resources/read", {{"uri", "nba://players/1628983"}});
  json body = json::parse(read["result"]["contents"][0]["text"].get<std::string>());
  CHECK(body["name"] == "Shai Gilgeous-Alexander");
  bool found = false;
  for (const auto& season : body["seasons"]) {
    if (season["season"] == "2024-25") {
      found = season["gp"] == 76 && season["pts"] == 2484 && season["pts_pg"] == 32.7;
    }
  }
  CHECK(found);
  CHECK(h.call("resources/read", {{"uri", "nba://players/nobody"}}, 2)["error"]["code"] == -32002);
  json templates = h.call("resources/templates/list", json::object(), 3);
  CHECK(templates["result"]["resourceTemplates"][0]["uriTemplate"] == "nba://players/{id}");
}

TEST_CASE("nba://players/{id} at 2025-04-14 lists only the seasons begun by then") {
  ServerHarness h([](nba::mcp::McpServer& server) {
    REQUIRE(
        nba::app::registerNbaResources(server, nba::testing::snapshotEnvAtGoldenClock()).isOk());
  });
  h.initialize();
  json read = h.call("resources/read", {{"uri", "nba://players/1641705"}});
  json body = json::parse(read["result"]["contents"][0]["text"].get<std::string>());
  CHECK(body["name"] == "Victor Wembanyama");
  REQUIRE(body["seasons"].size() == 2);  // not the snapshot's 2025-26 line
  CHECK(body["seasons"][0]["season"] == "2023-24");
  CHECK(body["seasons"][0]["pts"] == 1522);
  CHECK(body["seasons"][1]["season"] == "2024-25");
  CHECK(body["seasons"][1]["gp"] == 46);
  CHECK(body["as_of"] == "2025-04-13");
}

TEST_CASE("prompts resolve names and refuse unknown ones") {
  ServerHarness h(registerNbaFeatures);
  h.initialize();
  json report =
      h.call("prompts/get", {{"name", "scouting_report"}, {"arguments", {{"player", "SGA"}}}});
  std::string text = report["result"]["messages"][0]["content"]["text"];
  CHECK(text.find("Shai Gilgeous-Alexander (player id 1628983, OKC)") != std::string::npos);
  json preview = h.call(
      "prompts/get",
      {{"name", "matchup_preview"}, {"arguments", {{"team_a", "Celts"}, {"team_b", "Knicks"}}}}, 2);
  CHECK(preview["result"]["description"] == "Matchup preview: BOS vs NYK");
  json unknown = h.call(
      "prompts/get", {{"name", "scouting_report"}, {"arguments", {{"player", "Zzyzx Qwerty"}}}}, 3);
  CHECK(unknown["error"]["code"] == -32602);
  json same = h.call(
      "prompts/get",
      {{"name", "matchup_preview"}, {"arguments", {{"team_a", "Boston"}, {"team_b", "Celtics"}}}},
      4);
  CHECK(same["error"]["code"] == -32602);
  json la = h.call(
      "prompts/get",
      {{"name", "matchup_preview"}, {"arguments", {{"team_a", "LA"}, {"team_b", "BOS"}}}}, 5);
  CHECK(la["error"]["message"].get<std::string>().find("Clippers") != std::string::npos);
}

TEST_CASE("completion of player and team names, accent-insensitive") {
  CHECK(nba::app::completePlayerNames(snapshotEnv(), "jok", 5) ==
        std::vector<std::string>{"Nikola Jokić"});
  auto davis = nba::app::completePlayerNames(snapshotEnv(), "davis", 100);
  REQUIRE_FALSE(davis.empty());
  CHECK(davis.front() == "Anthony Davis");
  CHECK(nba::app::completePlayerNames(snapshotEnv(), "", 100).size() == 100);
  CHECK(nba::app::completeTeamNames(snapshotEnv(), "los", 5) ==
        std::vector<std::string>{"Los Angeles Lakers"});
  CHECK(nba::app::completePlayerIds(snapshotEnv(), "2544", 5) == std::vector<std::string>{"2544"});
  ServerHarness h(registerNbaFeatures);
  h.initialize();
  json completion =
      h.call("completion/complete", {{"ref", {{"type", "ref/prompt"}, {"name", "matchup_preview"}}},
                                     {"argument", {{"name", "team_b"}, {"value", "bos"}}}});
  CHECK(completion["result"]["completion"]["values"] == json::array({"Boston Celtics"}));
  CHECK(completion["result"]["completion"]["total"] == 1);
  CHECK(completion["result"]["completion"]["hasMore"] == false);

  // More than 100 names start with "J": the first 100 are sent, with how many there are
  // (a blind protocol probe found total 100 and hasMore false here).
  const std::size_t with_j =
      nba::app::completePlayerNames(snapshotEnv(), "J", std::numeric_limits<std::size_t>::max())
          .size();
  REQUIRE(with_j > 100);
  json many =
      h.call("completion/complete", {{"ref", {{"type", "ref/prompt"}, {"name", "scouting_report"}}},
                                     {"argument", {{"name", "player"}, {"value", "J"}}}});
  CHECK(many["result"]["completion"]["values"].size() == 100);
  CHECK(many["result"]["completion"]["total"] == with_j);
  CHECK(many["result"]["completion"]["hasMore"] == true);
  json ids = h.call("completion/complete",
                    {{"ref", {{"type", "ref/resource"}, {"uri", "nba://players/{id}"}}},
                     {"argument", {{"name", "id"}, {"value", "2"}}}});
  CHECK(ids["result"]["completion"]["values"].size() == 100);
  CHECK(ids["result"]["completion"]["total"].get<std::size_t>() > 100);
  CHECK(ids["result"]["completion"]["hasMore"] == true);
}

#include <doctest/doctest.h>

#include "nba/tools/nba_tool.h"
#include "support/nba_env.h"
#include "support/tool_markdown.h"

using nba::testing::snapshotEnv;
using nlohmann::json;

namespace {

nba::tools::ToolAnswer resolveEntity(const json& arguments) {
  for (const auto& tool : nba::tools::entityTools()) {
    if (tool.name == "resolve_entity") {
      return tool.run(arguments, snapshotEnv());
    }
  }
  FAIL("resolve_entity is not registered");
  return {};
}

}  // namespace

TEST_CASE("resolve_entity over the snapshot finds players by every name form") {
  struct Case {
    const char* query;
    const char* id;
  };
  for (Case c : {Case{"Jokic", "203999"}, Case{"Nikola Jokić", "203999"}, Case{"Joker", "203999"},
                 Case{"Doncic", "1629029"}, Case{"Luka", "1629029"}, Case{"SGA", "1628983"},
                 Case{"Shai Gilgeous-Alexander", "1628983"}, Case{"Greek Freak", "203507"},
                 Case{"Giannis Antetokoumpo", "203507"}, Case{"Lebron Jame", "2544"},
                 Case{"KD", "201142"}, Case{"Steph", "201939"}, Case{"Sengun", "1630578"},
                 Case{"Jimmy Butler", "202710"}, Case{"AD", "203076"}}) {
    CAPTURE(c.query);
    auto answer = resolveEntity({{"query", c.query}, {"kind", "player"}});
    REQUIRE_FALSE(answer.is_error);
    CHECK(answer.structured["candidates"][0]["id"] == c.id);
    CHECK(answer.structured["ambiguous"] == false);
  }
}

TEST_CASE("resolve_entity finds teams and never confuses the two LA teams") {
  auto sixers = resolveEntity({{"query", "Sixers"}});
  CHECK(sixers.structured["candidates"][0]["team"] == "PHI");
  auto brooklyn = resolveEntity({{"query", "BRK"}, {"kind", "team"}});
  CHECK(brooklyn.structured["candidates"][0]["id"] == "1610612751");
  auto la = resolveEntity({{"query", "LA"}, {"kind", "team"}});
  CHECK(la.structured["ambiguous"] == true);
  CHECK(markdownOf(la).find("ambiguous") != std::string::npos);
  auto clippers = resolveEntity({{"query", "Clips"}});
  CHECK(clippers.structured["candidates"][0]["team"] == "LAC");
  CHECK(clippers.meta["dev.nbamcp/source"] == "snapshot");
}

TEST_CASE("resolve_entity: bad queries are errors a person can act on") {
  CHECK(resolveEntity({{"query", "!!!"}}).is_error);
  CHECK(resolveEntity({{"query", "\xF0\x9F\x8F\x80"}}).is_error);  // basketball emoji
  CHECK(resolveEntity({{"query", std::string(10000, 'a')}}).is_error);
  auto nothing = resolveEntity({{"query", "Zzyzx Qwerty"}});
  CHECK_FALSE(nothing.is_error);
  CHECK(nothing.structured["candidates"].empty());
  CHECK(markdownOf(nothing).find("Nothing matches") != std::string::npos);
}

// The tool-result memo: the same call on the same day over the same figures runs once.
#include "app/tool_result_memo.h"

#include <doctest/doctest.h>

namespace nba::app {
namespace {

using nlohmann::json;

class QuietContext : public mcp::ToolContext {
 public:
  bool cancelled() const override { return false; }
  void progress(double, std::optional<double>, const std::string&) override {}
  void progressStep(const std::string&) override {}
  void log(mcp::LogLevel, const std::string&, const json&) override {}
  const std::string& traceParent() const override { return trace_; }
  mcp::Caller caller() const override { return mcp::Caller::kClient; }
  const std::string& clientName() const override { return client_; }
  std::string client_ = "test";

 private:
  std::string trace_;
};

struct MemoRig {
  // 2026-02-22 17:00 UTC: noon in New York.
  FakeClock clock{std::chrono::sys_days{std::chrono::year{2026} / 2 / 22} + std::chrono::hours(17)};
  DataVersion version;
  ToolResultMemo memo{clock, version, 3};
  mcp::ToolMiddleware middleware = memo.middleware();
  QuietContext context;
  int runs = 0;

  mcp::ToolResult call(const std::string& tool, const json& arguments, bool fail = false) {
    mcp::ToolDefinition definition;
    definition.name = tool;
    return middleware(mcp::ToolCall{definition, arguments}, context, [&] {
      ++runs;
      mcp::ToolResult result;
      result.text = tool + " answer " + std::to_string(runs);
      result.is_error = fail;
      return result;
    });
  }
};

TEST_CASE("memo: the same call runs once; other arguments, a new day or new figures run again") {
  MemoRig rig;
  const json leaders = {{"stat", "points"}, {"season", "this season"}};
  CHECK(rig.call("get_league_leaders", leaders).text == "get_league_leaders answer 1");
  CHECK(rig.call("get_league_leaders", {{"season", "this season"}, {"stat", "points"}}).text ==
        "get_league_leaders answer 1");  // the same arguments in another order
  CHECK(rig.runs == 1);
  CHECK(rig.call("get_league_leaders", {{"stat", "assists"}}).text ==
        "get_league_leaders answer 2");
  CHECK(rig.call("get_player_stats", leaders).text == "get_player_stats answer 3");

  // Midnight in New York (05:00 UTC): "today" and "this season" are read anew.
  rig.clock.advance(std::chrono::hours(12));
  CHECK(rig.call("get_league_leaders", leaders).text == "get_league_leaders answer 4");
  // The cache stored a new table: the figures may differ.
  rig.version.bump();
  CHECK(rig.call("get_league_leaders", leaders).text == "get_league_leaders answer 5");
  CHECK(rig.call("get_league_leaders", leaders).text == "get_league_leaders answer 5");
  CHECK(rig.memo.hits() == 2);
}

TEST_CASE("memo: a kept result lasts 30 s, so a game in progress shows the cache's new score") {
  MemoRig rig;
  const json today = {{"date", "today"}};
  CHECK(rig.call("get_live_scores", today).text == "get_live_scores answer 1");
  rig.clock.advance(std::chrono::seconds(29));
  CHECK(rig.call("get_live_scores", today).text == "get_live_scores answer 1");
  rig.clock.advance(std::chrono::seconds(1));
  CHECK(rig.call("get_live_scores", today).text == "get_live_scores answer 2");
}

TEST_CASE("memo: errors and server statistics are never kept; the oldest result goes first") {
  MemoRig rig;
  CHECK(rig.call("get_box_score", {{"game_id", "x"}}, true).is_error);
  CHECK(rig.call("get_box_score", {{"game_id", "x"}}, true).is_error);
  CHECK(rig.runs == 2);
  rig.call("get_server_stats", json::object());
  rig.call("get_server_stats", json::object());
  CHECK(rig.runs == 4);
  for (const char* tool : {"a", "b", "c", "d"}) rig.call(tool, json::object());  // capacity 3
  CHECK(rig.runs == 8);
  rig.call("d", json::object());
  rig.call("b", json::object());
  CHECK(rig.runs == 8);
  rig.call("a", json::object());  // evicted
  CHECK(rig.runs == 9);
}

TEST_CASE("memo: a result built while the figures moved is not kept") {
  MemoRig rig;
  mcp::ToolDefinition definition;
  definition.name = "get_standings";
  const json arguments = json::object();
  const auto storing = [&] {
    ++rig.runs;
    rig.version.bump();  // this very call filled the cache
    mcp::ToolResult result;
    result.text = "built from new tables";
    return result;
  };
  rig.middleware(mcp::ToolCall{definition, arguments}, rig.context, storing);
  rig.middleware(mcp::ToolCall{definition, arguments}, rig.context, [&] {
    ++rig.runs;
    return mcp::ToolResult{};
  });
  CHECK(rig.runs == 2);  // the first was not kept under the figures it did not see
  rig.middleware(mcp::ToolCall{definition, arguments}, rig.context, [&] {
    ++rig.runs;
    return mcp::ToolResult{};
  });
  CHECK(rig.runs == 2);
}

}  // namespace

TEST_CASE("memo: every hit shares the kept structured content instead of copying it") {
  MemoRig rig;
  mcp::ToolDefinition definition;
  definition.name = "get_league_leaders";
  const json arguments = {{"stat", "points"}};
  auto call = [&] {
    return rig.middleware(mcp::ToolCall{definition, arguments}, rig.context, [&] {
      ++rig.runs;
      mcp::ToolResult result;
      result.text = "leaders";
      result.structured = json{{"rows", {{{"player", "Shai Gilgeous-Alexander"}, {"pts", 32.7}}}}};
      return result;
    });
  };
  const mcp::ToolResult first = call();
  const mcp::ToolResult second = call();
  const mcp::ToolResult third = call();
  CHECK(rig.runs == 1);
  REQUIRE(second.structured.has_value());
  CHECK(second.structured->at("rows").at(0).at("pts") == 32.7);
  CHECK(second.structured.shared().get() == first.structured.shared().get());
  CHECK(third.structured.shared().get() == first.structured.shared().get());
}

}  // namespace nba::app

// The limits on client tool calls, through the real protocol path (ServerHarness): the 11th
// get_live_scores in a minute, retry-after on a fake clock, malformed calls spend nothing,
// the question pipeline's calls are not charged to the inner tools, the busy cap, the host's
// warnings, and the daily quota's accounting per client.
#include "app/call_limits.h"

#include <doctest/doctest.h>

#include <cmath>
#include <thread>

#include "app/limit_settings.h"
#include "support/server_harness.h"
#include "support/test_tools.h"

namespace nba::app {
namespace {

using nlohmann::json;
using testing::ServerHarness;

const auto kEvening = std::chrono::sys_days{std::chrono::year{2026} / 11 / 30} +
                      std::chrono::hours(20) + std::chrono::minutes(48);

// Tools named like the real ones, so the default limits apply: get_live_scores {date}
// answers at once; answer_nba_question makes three get_live_scores calls of its own;
// get_standings asks "NBA.com" through the quota (as the live origin does) and says it was
// served from the cache when `cached` is true.
struct LimitsRig {
  FakeClock clock{kEvening};
  std::unique_ptr<ratelimit::DailyQuota> quota;
  std::unique_ptr<CallLimits> limits;
  std::unique_ptr<ServerHarness> harness;

  explicit LimitsRig(CallLimitsOptions options = {}, bool with_quota = false) {
    if (with_quota) {
      ratelimit::QuotaOptions quota_options;
      quota_options.per_day = 5;
      quota = std::make_unique<ratelimit::DailyQuota>(clock, quota_options,
                                                      ratelimit::newMemoryQuotaStore());
    }
    harness = std::make_unique<ServerHarness>([this, options](mcp::McpServer& server) {
      testing::registerTestTools(server);
      addTools(server);
      std::vector<std::string> names;
      for (const auto& tool : server.tools()) names.push_back(tool.name);
      limits = std::make_unique<CallLimits>(clock, options, names, quota.get());
      server.addValidatedToolMiddleware(limits->middleware());
    });
  }

  void addTools(mcp::McpServer& server) {
    mcp::ToolDefinition live;
    live.name = "get_live_scores";
    live.description = "Scores";
    live.input_schema = json::parse(
        R"({"type":"object","properties":{"date":{"type":"string"}},"additionalProperties":false})");
    live.handler = [](const json&, mcp::ToolContext&) {
      mcp::ToolResult result;
      result.text = "scores";
      return result;
    };
    REQUIRE(server.addTool(std::move(live)).isOk());
    mcp::ToolDefinition answer;
    answer.name = "answer_nba_question";
    answer.description = "Answers";
    answer.input_schema = {{"type", "object"}};
    answer.handler = [&server](const json&, mcp::ToolContext& context) {
      mcp::ToolResult result;
      for (int i = 0; i < 3; ++i) {
        result.text += server.callTool("get_live_scores", json::object(), context).text + ";";
      }
      return result;
    };
    REQUIRE(server.addTool(std::move(answer)).isOk());
    mcp::ToolDefinition standings;
    standings.name = "get_standings";
    standings.description = "Standings";
    standings.input_schema =
        json::parse(R"({"type":"object","properties":{"cached":{"type":"boolean"}}})");
    standings.handler = [this](const json& arguments, mcp::ToolContext& context) {
      mcp::ToolResult result;
      if (arguments.value("cached", false)) {
        result.meta["dev.nbamcp/cache"] = "hit";
        result.text = "from the cache";
        return result;
      }
      const Status asked = quota->take(context.clientName());
      result.text = asked.isOk() ? "from NBA.com" : asked.message();
      return result;
    };
    REQUIRE(server.addTool(std::move(standings)).isOk());
  }

  json call(const std::string& tool, const json& arguments = json::object()) {
    static int id = 100;
    return harness->call("tools/call", {{"name", tool}, {"arguments", arguments}}, ++id)
        .at("result");
  }

  std::uint64_t remaining(const std::string& tool) const {
    const json stats = limits->statsJson();
    for (const auto& bucket : stats.at("tools")) {
      if (bucket.at("tool") == tool) return bucket.at("remaining").get<std::uint64_t>();
    }
    FAIL("no bucket for " << tool);
    return 0;
  }
};

TEST_CASE("limits: the 11th get_live_scores in a minute is refused, and accepted 6 s later") {
  LimitsRig rig;
  rig.harness->initialize();
  for (int call = 1; call <= 10; ++call) {
    const json result = rig.call("get_live_scores");
    REQUIRE_FALSE(result.value("isError", false));
    const json& meta = result.at("_meta").at("dev.nbamcp/rate_limit");
    CHECK(meta.at("limit") == 10);
    CHECK(meta.at("remaining") == 10 - call);
    CHECK(meta.at("reset_s") == 6 * call);
  }
  const json refused = rig.call("get_live_scores");
  CHECK(refused.at("isError") == true);
  CHECK(refused.at("content")[0].at("text") ==
        "Rate limited: get_live_scores takes 10 calls a minute from a client (bursts of up to "
        "10), and that is used up; retry in 6 s. Other tools are not affected.");
  CHECK(refused.at("_meta").at("dev.nbamcp/rate_limit") ==
        json{{"limit", 10}, {"remaining", 0}, {"reset_s", 60}});

  // Other tools are not affected.
  CHECK(rig.call("test_echo", {{"text", "hi"}})
            .at("_meta")
            .at("dev.nbamcp/rate_limit")
            .at("remaining") == 59);

  rig.clock.advance(std::chrono::seconds(5));
  CHECK(rig.call("get_live_scores").at("isError") == true);
  rig.clock.advance(std::chrono::seconds(1));
  const json accepted = rig.call("get_live_scores");
  CHECK_FALSE(accepted.value("isError", false));
  CHECK(accepted.at("content")[0].at("text") == "scores");
  CHECK(rig.limits->statsJson().at("tools").size() == rig.harness->server().tools().size());
}

TEST_CASE("limits: a malformed call spends no token") {
  LimitsRig rig;
  rig.harness->initialize();
  for (const json& bad : {json{{"date", 12}}, json{{"dat", "today"}}}) {
    const json result = rig.call("get_live_scores", bad);
    CHECK(result.at("isError") == true);
    CHECK(result.at("content")[0].at("text").get<std::string>().find("Invalid arguments") == 0);
  }
  CHECK(rig.remaining("get_live_scores") == 10);
  CHECK(rig.call("get_live_scores").at("_meta").at("dev.nbamcp/rate_limit").at("remaining") == 9);
}

TEST_CASE("limits: answer_nba_question's own calls are charged to it alone") {
  LimitsRig rig;
  rig.harness->initialize();
  for (int question = 1; question <= 5; ++question) {
    const json result = rig.call("answer_nba_question");
    REQUIRE_FALSE(result.value("isError", false));
    CHECK(result.at("content")[0].at("text") == "scores;scores;scores;");
    CHECK(result.at("_meta").at("dev.nbamcp/rate_limit").at("remaining") == 20 - question);
  }
  // 15 inner get_live_scores calls, past that tool's 10: none was charged to it.
  CHECK(rig.remaining("get_live_scores") == 10);
}

TEST_CASE("limits: the host is warned when a bucket drops below a tenth") {
  LimitsRig rig;
  rig.harness->initialize();
  rig.harness->call("logging/setLevel", {{"level", "warning"}}, 2);
  for (int call = 1; call <= 9; ++call) rig.call("get_live_scores");
  rig.harness->send({{"jsonrpc", "2.0"},
                     {"id", "tenth"},
                     {"method", "tools/call"},
                     {"params", {{"name", "get_live_scores"}, {"arguments", json::object()}}}});
  const json warning = rig.harness->receive();
  CHECK(warning.at("method") == "notifications/message");
  CHECK(warning.at("params").at("level") == "warning");
  CHECK(warning.at("params").at("logger") == "nba-mcp.rate_limit");
  CHECK(warning.at("params").at("data") ==
        "get_live_scores has 0 of 10 calls left this minute; it refills in full in 60 s.");
  CHECK(rig.harness->receive().at("id") == "tenth");
}

TEST_CASE("limits: past the cap on concurrent calls, a call is told the server is busy") {
  CallLimitsOptions options;
  options.max_concurrent_calls = 1;
  options.busy_wait = std::chrono::milliseconds(50);
  LimitsRig rig(options);
  rig.harness->initialize();
  rig.harness->send({{"jsonrpc", "2.0"},
                     {"id", "slow"},
                     {"method", "tools/call"},
                     {"params", {{"name", "test_slow"}, {"arguments", {{"ms", 20000}}}}}});
  // Wait until the slow call holds the one slot.
  for (int i = 0; i < 1000 && rig.limits->statsJson()["concurrency"]["in_flight"] == 0; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  const json busy = rig.call("get_live_scores");
  CHECK(busy.at("isError") == true);
  CHECK(busy.at("content")[0].at("text") ==
        "Server busy: 1 tool calls are already running, the most it takes at once; retry in 1 s.");
  CHECK(rig.remaining("get_live_scores") == 10);  // a busy refusal spends no token
  CHECK(rig.limits->statsJson()["concurrency"]["busy_refusals"] == 1);
  rig.harness->send({{"jsonrpc", "2.0"},
                     {"method", "notifications/cancelled"},
                     {"params", {{"requestId", "slow"}}}});
  for (int i = 0; i < 1000 && rig.limits->statsJson()["concurrency"]["in_flight"] == 1; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CHECK_FALSE(rig.call("get_live_scores").value("isError", false));
}

TEST_CASE(
    "limits: NBA.com requests and cache hits are counted per client; the host hears of "
    "80 % and 100 % once") {
  LimitsRig rig({}, /*with_quota=*/true);
  rig.harness->call("initialize",
                    {{"protocolVersion", "2025-06-18"},
                     {"capabilities", json::object()},
                     {"clientInfo", {{"name", "claude-desktop"}, {"version", "1"}}}},
                    1);
  rig.harness->send({{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
  rig.harness->call("logging/setLevel", {{"level", "warning"}}, 2);
  for (int i = 0; i < 3; ++i)
    CHECK(rig.call("get_standings").at("content")[0].at("text") == "from NBA.com");
  rig.call("get_standings", {{"cached", true}});
  rig.call("get_standings", {{"cached", true}});
  // The 4th request is 80 % of 5.
  rig.harness->send({{"jsonrpc", "2.0"},
                     {"id", "fourth"},
                     {"method", "tools/call"},
                     {"params", {{"name", "get_standings"}, {"arguments", json::object()}}}});
  const json warning = rig.harness->receive();
  CHECK(warning.at("params").at("logger") == "nba-mcp.quota");
  CHECK(warning.at("params").at("level") == "warning");
  CHECK(warning.at("params").at("data").get<std::string>().find(
            "The daily NBA.com quota is 80 % used (4 of 5") == 0);
  CHECK(rig.harness->receive().at("id") == "fourth");
  rig.call("get_standings");  // the 5th: used up
  const json refused = rig.call("get_standings");
  CHECK(refused.at("content")[0].at("text").get<std::string>().find(
            "The daily NBA.com quota is used up (5 of 5") == 0);

  const json stats = rig.limits->statsJson();
  CHECK(stats.at("quota").at("used") == 5);
  CHECK(stats.at("quota").at("remaining") == 0);
  CHECK(stats.at("quota").at("level") == "exhausted");
  CHECK(stats.at("quota").at("ttl_stretch") == 4);
  CHECK(stats.at("quota").at("resets_in_s") == 3 * 3600 + 12 * 60);
  REQUIRE(stats.at("clients").size() == 1);
  CHECK(stats.at("clients")[0] == json{{"day", "2026-11-30"},
                                       {"client", "claude-desktop"},
                                       {"nba_requests", 5},
                                       {"cache_hits", 2}});
}

TEST_CASE("limits: bad settings stop the start, naming the setting") {
  const std::vector<std::string> tools = {"get_live_scores", "compare_players"};
  Config config;
  CHECK(callLimitsOptions(config, tools).ok());
  config.rate_limit_default = std::nan("");
  CHECK(callLimitsOptions(config, tools).status().message().find("--rate-limit-default") == 0);
  config.rate_limit_default = 0;
  CHECK_FALSE(callLimitsOptions(config, tools).ok());
  config.rate_limit_default = -3;
  CHECK_FALSE(callLimitsOptions(config, tools).ok());
  config.rate_limit_default = 60;
  config.rate_limits = {"get_live_scores=5", "get_box_scores=5"};
  CHECK(callLimitsOptions(config, tools).status().message() ==
        "rate limit 'get_box_scores=5': there is no tool 'get_box_scores'. Tools: "
        "get_live_scores, compare_players");
  config.rate_limits = {"compare_players=off"};
  auto off = callLimitsOptions(config, tools);
  REQUIRE(off.ok());
  CHECK_FALSE(off->tools.limitOf("compare_players").has_value());

  config.daily_quota = -1;
  CHECK(quotaOptions(config).status().message().find("--daily-quota -1") == 0);
  config.daily_quota = 0;
  CHECK(quotaOptions(config).ok());
  config.client_quota_share = 0.0;
  CHECK(quotaOptions(config).status().message().find("--client-quota-share") == 0);
  config.client_quota_share = 0.25;
  REQUIRE(quotaOptions(config).ok());
  CHECK(quotaOptions(config)->client_share == 0.25);
}

}  // namespace
}  // namespace nba::app

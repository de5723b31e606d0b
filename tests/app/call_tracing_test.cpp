// Tracing's settings from the OTEL_* variables, and the tools/call middleware's spans.
#include "app/call_tracing.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>

#include "support/temp_dir.h"

namespace nba::app {
namespace {

using nlohmann::json;

EnvReader envOf(const std::map<std::string, std::string>& values) {
  return [values](const char* name) -> const char* {
    auto found = values.find(name);
    return found == values.end() ? nullptr : found->second.c_str();
  };
}

TEST_CASE("trace settings: the OTLP endpoint variables, the service name, and off by default") {
  const Config config;
  auto none = traceSettingsFrom(config, envOf({}));
  REQUIRE(none.ok());
  CHECK_FALSE(none->enabled());

  auto base =
      traceSettingsFrom(config, envOf({{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"},
                                       {"OTEL_SERVICE_NAME", "nba-stats"}}));
  REQUIRE(base.ok());
  CHECK(base->otlp_url == "http://collector:4318/v1/traces");
  CHECK(base->resource.service_name == "nba-stats");
  CHECK(base->otlp_timeout == std::chrono::milliseconds(10'000));

  // The signal's own variable is the whole URL, used as it is, and wins.
  auto traces = traceSettingsFrom(
      config, envOf({{"OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"},
                     {"OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "https://traces.example/otlp"},
                     {"OTEL_EXPORTER_OTLP_TIMEOUT", "2500"}}));
  REQUIRE(traces.ok());
  CHECK(traces->otlp_url == "https://traces.example/otlp");
  CHECK(traces->otlp_timeout == std::chrono::milliseconds(2500));

  Config with_file;
  with_file.trace_file = "/tmp/spans.jsonl";
  auto disabled = traceSettingsFrom(
      with_file, envOf({{"OTEL_SDK_DISABLED", "true"},
                        {"OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"}}));
  REQUIRE(disabled.ok());
  CHECK_FALSE(disabled->enabled());
  auto file_only = traceSettingsFrom(with_file, envOf({}));
  REQUIRE(file_only.ok());
  CHECK(file_only->enabled());
}

TEST_CASE("trace settings: a malformed variable stops the start, naming it") {
  const Config config;
  const std::map<std::string, std::string> cases[] = {
      {{"OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318"}},
      {{"OTEL_EXPORTER_OTLP_TIMEOUT", "soon"}},
      {{"OTEL_EXPORTER_OTLP_TIMEOUT", "0"}},
      {{"OTEL_TRACES_SAMPLER", "most"}},
      {{"OTEL_TRACES_SAMPLER", "traceidratio"}, {"OTEL_TRACES_SAMPLER_ARG", "-0.1"}}};
  for (const auto& env : cases) {
    auto settings = traceSettingsFrom(config, envOf(env));
    REQUIRE_FALSE(settings.ok());
    INFO(settings.status().message());
    CHECK(settings.status().message().find(env.rbegin()->first) != std::string::npos);
  }
}

class PlainContext : public mcp::ToolContext {
 public:
  explicit PlainContext(std::string trace, mcp::Caller caller = mcp::Caller::kClient)
      : trace_(std::move(trace)), caller_(caller) {}
  bool cancelled() const override { return false; }
  void progress(double, std::optional<double>, const std::string&) override {}
  void progressStep(const std::string&) override {}
  void log(mcp::LogLevel, const std::string&, const json&) override {}
  const std::string& traceParent() const override { return trace_; }
  mcp::Caller caller() const override { return caller_; }
  const std::string& clientName() const override { return client_; }

 private:
  std::string trace_;
  mcp::Caller caller_;
  std::string client_ = "test";
};

// Every span in the trace file, in the order written.
std::vector<json> spansIn(const std::string& path) {
  std::vector<json> spans;
  std::ifstream file(path);
  for (std::string line; std::getline(file, line);) {
    const json request = json::parse(line);
    for (const json& span : request.at("resourceSpans").at(0).at("scopeSpans").at(0).at("spans")) {
      spans.push_back(span);
    }
  }
  return spans;
}

TEST_CASE(
    "tracing middleware: a call's span carries the tool, its outcome, and the handler's "
    "children") {
  testing::TempDir dir;
  TraceSettings settings;
  settings.trace_file = (dir.path / "spans.jsonl").string();
  auto tracing = CallTracing::start(settings);
  REQUIRE(tracing.ok());
  const mcp::ToolMiddleware middleware = tracing.value()->middleware();
  mcp::ToolDefinition tool;
  tool.name = "get_team_standings";
  PlainContext context("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  const json arguments = json::object();
  const mcp::ToolResult result = middleware({tool, arguments}, context, [&context] {
    ScopedSpan lookup(context.span(), "cache_lookup");  // what a source below would do
    lookup.set("cache.result", std::string("hit"));
    mcp::ToolResult failed =
        mcp::ToolResult::error("Unknown conference 'Central'", "invalid_arguments");
    failed.meta["dev.nbamcp/season"] = "2024-25";
    return failed;
  });
  CHECK(result.is_error);
  tracing.value()->flush();
  const std::vector<json> spans = spansIn(settings.trace_file);
  REQUIRE(spans.size() == 2);
  const json& lookup = spans[0];
  const json& call = spans[1];
  CHECK(call.at("name") == "get_team_standings");
  CHECK(call.at("traceId") == "4bf92f3577b34da6a3ce929d0e0e4736");
  CHECK(call.at("parentSpanId") == "00f067aa0ba902b7");
  CHECK(lookup.at("parentSpanId") == call.at("spanId"));
  CHECK(call.at("status") == json{{"code", 2}, {"message", "Unknown conference 'Central'"}});
  std::map<std::string, json> attributes;
  for (const json& entry : call.at("attributes")) attributes[entry.at("key")] = entry.at("value");
  CHECK(attributes["error.type"] == json{{"stringValue", "invalid_arguments"}});
  CHECK(attributes["nba.season"] == json{{"stringValue", "2024-25"}});
  CHECK(attributes["nba.caller"] == json{{"stringValue", "client"}});
  CHECK(tracing.value()->counts().exported == 2);
}

TEST_CASE(
    "tracing middleware: a pipeline call of an untraced question starts no trace of its "
    "own") {
  testing::TempDir dir;
  TraceSettings settings;
  settings.trace_file = (dir.path / "spans.jsonl").string();
  auto tracing = CallTracing::start(settings);
  REQUIRE(tracing.ok());
  mcp::ToolDefinition tool;
  tool.name = "get_league_leaders";
  const json arguments = json::object();
  PlainContext inner("", mcp::Caller::kPipeline);  // its question was not sampled: no span
  PlainContext client("");
  for (PlainContext* context : {&inner, &client}) {
    (void)tracing.value()->middleware()({tool, arguments}, *context,
                                        [] { return mcp::ToolResult{}; });
  }
  tracing.value()->flush();
  const std::vector<json> spans = spansIn(settings.trace_file);
  REQUIRE(spans.size() == 1);  // the client's call only
  CHECK_FALSE(spans[0].contains("parentSpanId"));
  CHECK(tracing.value()->counts().exported == 1);
}

TEST_CASE("tracing: a trace file that cannot be opened stops the start, naming it") {
  TraceSettings settings;
  settings.trace_file = "/dev/null/spans.jsonl";
  auto tracing = CallTracing::start(settings);
  REQUIRE_FALSE(tracing.ok());
  CHECK(tracing.status().message().find("/dev/null/spans.jsonl") != std::string::npos);
}

}  // namespace
}  // namespace nba::app

// nba-bench-metrics: what recording a request's metrics costs (issue 13's target: <= 1 µs).
//
//   nba-bench-metrics [--calls N] [--runs R]
//
// The metrics middleware around a tool call that does nothing, so the figure is the recording
// alone: the clock read twice, the request counter, the duration histogram and the cache-state
// counter, by tool; and an isError result, which adds the error counter. Also a scrape (the
// whole text exposition) of the series those calls made.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "app/server_metrics.h"

namespace {

using Steady = std::chrono::steady_clock;

class QuietContext : public nba::mcp::ToolContext {
 public:
  bool cancelled() const override { return false; }
  void progress(double, std::optional<double>, const std::string&) override {}
  void progressStep(const std::string&) override {}
  void log(nba::mcp::LogLevel, const std::string&, const nlohmann::json&) override {}
  const std::string& traceParent() const override { return empty_; }
  nba::mcp::Caller caller() const override { return nba::mcp::Caller::kClient; }
  const std::string& clientName() const override { return empty_; }

 private:
  std::string empty_;
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"nba-bench-metrics: the cost of recording a request's metrics"};
  int calls = 1'000'000;
  int runs = 7;
  cli.add_option("--calls", calls, "Calls per run")->capture_default_str();
  cli.add_option("--runs", runs, "Runs; the median is printed")->capture_default_str();
  CLI11_PARSE(cli, argc, argv);

  const auto clock = nba::newSystemClock();
  nba::app::ServerMetrics metrics;
  const nba::mcp::ToolMiddleware middleware = metrics.middleware(*clock);
  nba::mcp::ToolDefinition tools[3];
  tools[0].name = "get_league_leaders";
  tools[1].name = "get_player_stats";
  tools[2].name = "answer_nba_question";
  const nlohmann::json arguments = nlohmann::json::object();
  QuietContext context;
  nba::mcp::ToolResult ok;
  ok.meta["dev.nbamcp/cache"] = "hit";
  const nba::mcp::ToolResult failed = nba::mcp::ToolResult::error("x", "invalid_arguments");

  const auto timeCalls = [&](const nba::mcp::ToolResult& answer) {
    const auto start = Steady::now();
    for (int i = 0; i < calls; ++i) {
      const nba::mcp::ToolCall call{tools[i % 3], arguments};
      (void)middleware(call, context, [&answer] { return answer; });
    }
    return std::chrono::duration<double, std::nano>(Steady::now() - start).count() / calls;
  };
  // The bare cost of the loop: the same calls with no middleware.
  const auto timeBare = [&](const nba::mcp::ToolResult& answer) {
    const auto start = Steady::now();
    for (int i = 0; i < calls; ++i) {
      const std::function<nba::mcp::ToolResult()> next = [&answer] { return answer; };
      (void)next();
    }
    return std::chrono::duration<double, std::nano>(Steady::now() - start).count() / calls;
  };
  std::vector<double> recorded, errors, bare, scrape;
  timeCalls(ok);  // warm up: the series exist
  for (int run = 0; run < runs; ++run) {
    recorded.push_back(timeCalls(ok));
    errors.push_back(timeCalls(failed));
    bare.push_back(timeBare(ok));
    const auto start = Steady::now();
    const std::string text = metrics.render();
    scrape.push_back(std::chrono::duration<double, std::micro>(Steady::now() - start).count());
  }
  std::printf("metrics recording, median of %d runs of %d calls\n", runs, calls);
  std::printf("  a call through the metrics middleware:   %7.1f ns (target <= 1000)\n",
              median(recorded));
  std::printf("  an isError call (adds the error count):  %7.1f ns\n", median(errors));
  std::printf("  the same call with no middleware:        %7.1f ns (the loop's own cost)\n",
              median(bare));
  std::printf("  a scrape of the exposition:              %7.1f us\n", median(scrape));
  return 0;
}

// nba-bench-metrics: what recording a request's metrics costs (issue 13's target: <= 1 µs).
//
//   nba-bench-metrics [--calls N] [--runs R]
//
// The metrics middleware around a tool call that does nothing, so the figure is the recording
// alone: the clock read twice, the request counter, the duration histogram and the cache-state
// counter, by tool; and an isError result, which adds the error counter. Also a scrape (the
// whole text exposition) of the series those calls made.
//
// Then tracing (app/call_tracing.h): the same calls, each a span with one child (what a
// cache lookup adds), exported over OTLP/HTTP to a receiver that is down (nothing listens on
// 127.0.0.1:9), to a trace file, and unsampled — the figure for "an exporter that is down never
// slows a request".
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "app/call_tracing.h"
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

  // Tracing: a root span per call and a child under it, through the exporter's queue.
  const int traced_calls = std::max(1, calls / 5);
  const auto timeTraced = [&](nba::app::CallTracing& tracing) {
    const nba::mcp::ToolMiddleware traced = tracing.middleware();
    const auto start = Steady::now();
    for (int i = 0; i < traced_calls; ++i) {
      const nba::mcp::ToolCall call{tools[i % 3], arguments};
      QuietContext fresh;
      (void)traced(call, fresh, [&fresh, &ok] {
        nba::ScopedSpan lookup(fresh.span(), "cache_lookup");
        lookup.set("cache.result", std::string("hit"));
        return ok;
      });
    }
    return std::chrono::duration<double, std::nano>(Steady::now() - start).count() / traced_calls;
  };
  const auto traceRun = [&](const char* label, nba::app::TraceSettings settings) {
    std::vector<double> times;
    nba::obs::ExportCounts counts;
    for (int run = 0; run < runs; ++run) {
      auto tracing = nba::app::CallTracing::start(settings);
      if (!tracing.ok()) {
        std::fprintf(stderr, "%s\n", tracing.status().message().c_str());
        std::exit(1);
      }
      times.push_back(timeTraced(*tracing.value()));
      counts = tracing.value()->counts();
    }
    std::printf("  %-40s %7.1f ns  (last run: %llu exported, %llu failed, %llu dropped)\n", label,
                median(times), static_cast<unsigned long long>(counts.exported),
                static_cast<unsigned long long>(counts.failed),
                static_cast<unsigned long long>(counts.dropped));
  };
  std::printf("tracing, median of %d runs of %d calls (a span and a child each)\n", runs,
              traced_calls);
  nba::app::TraceSettings down;
  down.otlp_url = "http://127.0.0.1:9/v1/traces";
  down.otlp_timeout = std::chrono::milliseconds(2000);
  traceRun("OTLP receiver down (127.0.0.1:9):", down);
  nba::app::TraceSettings file;
  file.trace_file = "/tmp/nba-bench-metrics-spans.jsonl";
  traceRun("to a trace file:", file);
  std::remove(file.trace_file.c_str());
  nba::app::TraceSettings unsampled = down;
  unsampled.sampler.root = nba::obs::Sampler::Root::kAlwaysOff;
  traceRun("unsampled (always_off):", unsampled);
  return 0;
}

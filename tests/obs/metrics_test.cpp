// The metrics registry and its Prometheus text exposition (format 0.0.4).
#include "obs/metrics.h"

#include <doctest/doctest.h>

#include <thread>

namespace nba::obs {
namespace {

TEST_CASE("metrics: counters, gauges and histograms render in the text format, by name") {
  MetricsRegistry registry;
  auto& requests =
      registry.counter("nba_mcp_requests_total", "Tool calls answered.", {"tool", "status"});
  requests.with({"get_live_scores", "ok"}).inc();
  requests.with({"get_live_scores", "ok"}).inc(2);
  requests.with({"compare_players", "error"}).inc();
  registry.gauge("nba_mcp_active_requests", "Requests being handled now.").with({}).set(2);
  auto& seconds = registry.histogram("nba_mcp_request_duration_seconds", "Handling time.", {"tool"},
                                     {0.01, 0.1, 1});
  seconds.with({"get_live_scores"}).observe(0.005);
  seconds.with({"get_live_scores"}).observe(0.05);
  seconds.with({"get_live_scores"}).observe(0.1);  // on a bound: counted in it (le)
  seconds.with({"get_live_scores"}).observe(7.5);
  registry.callback("nba_mcp_cache_entries", "Entries, by tier.", "gauge", {"tier"}, [] {
    return std::vector<GaugeSample>{{{"daily"}, 3}, {{"static"}, 1.5}};
  });

  CHECK(registry.renderPrometheus() ==
        "# HELP nba_mcp_active_requests Requests being handled now.\n"
        "# TYPE nba_mcp_active_requests gauge\n"
        "nba_mcp_active_requests 2\n"
        "# HELP nba_mcp_cache_entries Entries, by tier.\n"
        "# TYPE nba_mcp_cache_entries gauge\n"
        "nba_mcp_cache_entries{tier=\"daily\"} 3\n"
        "nba_mcp_cache_entries{tier=\"static\"} 1.5\n"
        "# HELP nba_mcp_request_duration_seconds Handling time.\n"
        "# TYPE nba_mcp_request_duration_seconds histogram\n"
        "nba_mcp_request_duration_seconds_bucket{tool=\"get_live_scores\",le=\"0.01\"} 1\n"
        "nba_mcp_request_duration_seconds_bucket{tool=\"get_live_scores\",le=\"0.1\"} 3\n"
        "nba_mcp_request_duration_seconds_bucket{tool=\"get_live_scores\",le=\"1\"} 3\n"
        "nba_mcp_request_duration_seconds_bucket{tool=\"get_live_scores\",le=\"+Inf\"} 4\n"
        "nba_mcp_request_duration_seconds_sum{tool=\"get_live_scores\"} 7.655\n"
        "nba_mcp_request_duration_seconds_count{tool=\"get_live_scores\"} 4\n"
        "# HELP nba_mcp_requests_total Tool calls answered.\n"
        "# TYPE nba_mcp_requests_total counter\n"
        "nba_mcp_requests_total{tool=\"compare_players\",status=\"error\"} 1\n"
        "nba_mcp_requests_total{tool=\"get_live_scores\",status=\"ok\"} 3\n");
}

TEST_CASE("metrics: label values are escaped; a series keeps its identity") {
  CHECK(escapeLabelValue("a\"b\\c\nd") == "a\\\"b\\\\c\\nd");
  MetricsRegistry registry;
  auto& family = registry.counter("x_total", "X.", {"endpoint"});
  Counter& first = family.with({"stats.nba.com \"x\""});
  first.inc();
  CHECK(&family.with({"stats.nba.com \"x\""}) == &first);
  CHECK(&registry.counter("x_total", "X.", {"endpoint"}) == &family);  // the same family
  CHECK(registry.renderPrometheus().find("x_total{endpoint=\"stats.nba.com \\\"x\\\"\"} 1\n") !=
        std::string::npos);
}

TEST_CASE("metrics: concurrent recording from many threads loses no count") {
  MetricsRegistry registry;
  auto& family = registry.counter("calls_total", "Calls.", {"tool"});
  auto& seconds = registry.histogram("t_seconds", "T.", {"tool"}, latencyBucketsSeconds());
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      const std::string tool = t % 2 == 0 ? "a" : "b";
      for (int i = 0; i < 10000; ++i) {
        family.with({tool}).inc();
        seconds.with({tool}).observe(0.002);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(family.with({"a"}).value() == 20000);
  CHECK(family.with({"b"}).value() == 20000);
  CHECK(seconds.with({"a"}).count() == 20000);
  CHECK(seconds.with({"a"}).cumulative()[1] == 20000);  // all in le="0.0025"
}

}  // namespace
}  // namespace nba::obs

// bench_tools: the server-side handler time of every NBA tool on the embedded snapshot
// origin (the tool's own work: resolving names, reading tables, building markdown and
// structuredContent; not JSON-RPC framing), p50/p99/max over N calls after a warm-up.
//
//   nba-bench-tools [--calls 2000] [--warmup 200]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/server_builder.h"
#include "nba/tools/nba_tool.h"

namespace {

using nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

struct Case {
  const char* tool;
  json arguments;
};

std::vector<Case> cases() {
  return {
      {"resolve_entity", {{"query", "Giannis"}}},
      {"resolve_entity", {{"query", "Giannis Antetokounpo"}}},
      {"get_player_stats", {{"player", "Shai Gilgeous-Alexander"}, {"season", "2024-25"}}},
      {"get_player_stats", {{"player", "Anthony Davis"}, {"season", "2024-25"}}},
      {"get_player_career", {{"player", "LeBron James"}}},
      {"get_player_game_log", {{"player", "Jokic"}, {"season", "2023-24"}, {"last_n", 82}}},
      {"get_player_game_log", {{"player", "Jokic"}, {"season", "2023-24"}, {"last_n", 5}}},
      {"get_league_leaders", {{"stat", "PTS"}, {"limit", 10}}},
      {"get_league_leaders", {{"stat", "PTS"}, {"limit", 50}}},
      {"get_league_leaders", {{"stat", "FG_PCT"}, {"limit", 50}}},
      {"get_league_leaders", {{"stat", "AST"}, {"limit", 50}, {"conference", "West"}}},
      {"compare_players",
       {{"players", {"LeBron James", "Kevin Durant", "Stephen Curry", "Nikola Jokic"}}}},
      {"get_team_standings", json::object()},
      {"get_team_standings", {{"conference", "East"}}},
      {"get_team_stats", {{"team", "Celtics"}}},
      {"get_team_stats", {{"team", "Celtics"}, {"measure", "Advanced"}}},
      {"compare_teams", {{"teams", {"Cavs", "Celtics", "Knicks", "Thunder"}}}},
      {"get_live_scores", {{"date", "2025-03-08"}}},
      {"get_head_to_head", {{"team_a", "Lakers"}, {"team_b", "Celtics"}}},
      {"get_schedule", {{"team", "Spurs"}, {"limit", 100}}},
      {"get_box_score", {{"team", "Lakers"}, {"date", "2024-03-08"}}},
      {"get_awards", {{"award", "MVP"}}},
      {"get_awards", json::object()},
  };
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Handler time of every NBA tool on the embedded snapshot"};
  int calls = 2000;
  int warmup = 200;
  cli.add_option("--calls", calls, "Timed calls per case")->capture_default_str();
  cli.add_option("--warmup", warmup, "Untimed calls per case first")->capture_default_str();
  std::string only;
  cli.add_option("--only", only, "Run only the cases of this tool (for profiling)");
  CLI11_PARSE(cli, argc, argv);

  nba::app::Config config;
  config.origin = "snapshot";  // the benchmark measures the server, not NBA.com
  config.fixed_time = "2025-04-14T12:00:00Z";
  config.log_level = "off";
  auto bundle = nba::app::buildServer(config);
  if (!bundle.ok()) {
    std::fprintf(stderr, "%s\n", bundle.status().message().c_str());
    return 2;
  }
  std::map<std::string, nba::tools::NbaTool> tools;
  for (auto& tool : nba::tools::allNbaTools()) tools.emplace(tool.name, std::move(tool));

  std::printf("%-20s %-62s %8s %8s %8s\n", "tool", "arguments", "p50 us", "p99 us", "max us");
  double worst_p99 = 0;
  for (const Case& c : cases()) {
    if (!only.empty() && only != c.tool) continue;
    const auto& tool = tools.at(c.tool);
    bool failed = false;
    for (int i = 0; i < warmup; ++i) failed = tool.run(c.arguments, *bundle->env).is_error;
    std::vector<double> us;
    us.reserve(static_cast<std::size_t>(calls));
    for (int i = 0; i < calls; ++i) {
      const auto start = SteadyClock::now();
      auto answer = tool.run(c.arguments, *bundle->env);
      us.push_back(std::chrono::duration<double, std::micro>(SteadyClock::now() - start).count());
      failed = failed || answer.is_error;
    }
    const double p99 = percentile(us, 0.99);
    worst_p99 = std::max(worst_p99, p99);
    std::printf("%-20s %-62.62s %8.1f %8.1f %8.1f%s\n", c.tool, c.arguments.dump().c_str(),
                percentile(us, 0.5), p99, percentile(us, 1.0), failed ? "  (isError!)" : "");
  }
  std::printf("worst p99: %.1f us (target <= 200 us)\n", worst_p99);
  return 0;
}

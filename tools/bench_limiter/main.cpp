// nba-bench-limiter: what a per-tool rate-limit check costs (issue 12's targets).
//
//   nba-bench-limiter [--calls N] [--runs R]
//
// * one thread checking one tool's bucket (target: <= 200 ns a check);
// * two threads checking two different tools at once: each bucket has its own lock, so the
//   figure should stay that of one thread (no shared lock);
// * for contrast, two threads checking the same tool, which do share that bucket's lock.
// The buckets never run dry (a rate no client gets), so every check takes the same path.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "ratelimit/tool_limiter.h"

namespace {

using Steady = std::chrono::steady_clock;

// ns per check of `tool`, over `calls` checks.
double checkLoop(nba::ratelimit::ToolLimiter& limiter, const std::string& tool, int calls) {
  const auto start = Steady::now();
  std::uint64_t allowed = 0;
  for (int i = 0; i < calls; ++i) {
    allowed += limiter.admit(tool)->allowed ? 1 : 0;
  }
  const double ns = std::chrono::duration<double, std::nano>(Steady::now() - start).count();
  if (allowed != static_cast<std::uint64_t>(calls)) std::fprintf(stderr, "a check was refused\n");
  return ns / calls;
}

// ns per check in each of two threads checking `first` and `second` at once.
std::pair<double, double> twoThreads(nba::ratelimit::ToolLimiter& limiter, const std::string& first,
                                     const std::string& second, int calls) {
  double a = 0;
  double b = 0;
  std::thread other([&] { b = checkLoop(limiter, second, calls); });
  a = checkLoop(limiter, first, calls);
  other.join();
  return {a, b};
}

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"nba-bench-limiter: the cost of a per-tool rate-limit check"};
  int calls = 2'000'000;
  int runs = 7;
  cli.add_option("--calls", calls, "Checks per thread per run")->capture_default_str();
  cli.add_option("--runs", runs, "Runs; the median is printed")->capture_default_str();
  CLI11_PARSE(cli, argc, argv);

  const auto clock = nba::newSystemClock();
  nba::ratelimit::ToolLimits limits;
  limits.every_other = 1e12;  // calls a minute: never refused
  nba::ratelimit::ToolLimiter limiter(
      *clock, limits, {"get_player_stats", "get_league_leaders", "get_live_scores"});
  checkLoop(limiter, "get_player_stats", calls / 10);  // warm up

  std::vector<double> one, two_a, two_b, same_a, same_b;
  for (int run = 0; run < runs; ++run) {
    one.push_back(checkLoop(limiter, "get_player_stats", calls));
    const auto [a, b] = twoThreads(limiter, "get_player_stats", "get_league_leaders", calls);
    two_a.push_back(a);
    two_b.push_back(b);
    const auto [c, d] = twoThreads(limiter, "get_live_scores", "get_live_scores", calls);
    same_a.push_back(c);
    same_b.push_back(d);
  }
  std::printf("limiter check, median of %d runs of %d checks per thread (%u cores)\n", runs, calls,
              std::thread::hardware_concurrency());
  std::printf("  one thread, one tool:                    %7.1f ns/check  (target <= 200)\n",
              median(one));
  std::printf("  two threads, two tools (own locks):      %7.1f / %.1f ns/check\n", median(two_a),
              median(two_b));
  std::printf("  two threads, one tool (shared lock):     %7.1f / %.1f ns/check  (contrast)\n",
              median(same_a), median(same_b));
  return 0;
}

#pragma once

#include <cstdint>
#include <vector>

namespace nba::bench {

// Percentiles of a set of durations, in the unit asked for.
struct Summary {
  std::size_t count = 0;
  double p50 = 0;
  double p90 = 0;
  double p99 = 0;
  double max = 0;
};

// Sorts `samples_ns` in place; `unit_ns` is 1e3 for µs, 1e6 for ms.
Summary summarize(std::vector<std::int64_t>& samples_ns, double unit_ns);

}  // namespace nba::bench

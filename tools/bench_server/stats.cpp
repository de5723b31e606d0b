#include "stats.h"

#include <algorithm>
#include <cmath>

namespace nba::bench {
namespace {

// Nearest-rank percentile of sorted samples.
std::int64_t percentile(const std::vector<std::int64_t>& sorted, double fraction) {
  auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
  return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

Summary summarize(std::vector<std::int64_t>& samples_ns, double unit_ns) {
  Summary summary;
  summary.count = samples_ns.size();
  if (samples_ns.empty()) {
    return summary;
  }
  std::sort(samples_ns.begin(), samples_ns.end());
  summary.p50 = static_cast<double>(percentile(samples_ns, 0.50)) / unit_ns;
  summary.p90 = static_cast<double>(percentile(samples_ns, 0.90)) / unit_ns;
  summary.p99 = static_cast<double>(percentile(samples_ns, 0.99)) / unit_ns;
  summary.max = static_cast<double>(samples_ns.back()) / unit_ns;
  return summary;
}

}  // namespace nba::bench

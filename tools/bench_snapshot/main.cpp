// nba-bench-snapshot [--runs N]
// Measures loading the embedded snapshot (parse every table, build indexes, derive
// standings): median and min/max wall time over N loads, and the process RSS with one
// snapshot loaded. Targets (issue 3): <= 30 ms, <= 40 MB RSS.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "origin/snapshot/embedded_snapshot.h"
#include "origin/snapshot/snapshot_source.h"

namespace {

// VmRSS / VmHWM from /proc/self/status, in KiB; 0 when unavailable.
long procStatusKib(const char* field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field, 0) == 0) {
      return std::strtol(line.c_str() + std::strlen(field), nullptr, 10);
    }
  }
  return 0;
}

// CPU time of this thread, in ms: on a busy machine it shows the load's own cost.
double cpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  int runs = 21;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--runs") == 0 && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else {
      std::fprintf(stderr, "usage: nba-bench-snapshot [--runs N]\n");
      return 2;
    }
  }
  const long rss_before_kib = procStatusKib("VmRSS:");
  // First load: what a server start costs; keep it alive for the RSS figure.
  auto start = std::chrono::steady_clock::now();
  auto kept = nba::newEmbeddedSnapshotSource();
  const double first_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!kept.ok()) {
    std::fprintf(stderr, "load failed: %s\n", kept.status().message().c_str());
    return 1;
  }
  const long rss_loaded_kib = procStatusKib("VmRSS:");
  std::vector<double> times, cpu_times;
  for (int i = 0; i < runs; ++i) {
    start = std::chrono::steady_clock::now();
    const double cpu_start = cpuMs();
    auto source = nba::newEmbeddedSnapshotSource();
    cpu_times.push_back(cpuMs() - cpu_start);
    times.push_back(
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
            .count());
    if (!source.ok()) {
      return 1;
    }
  }
  std::sort(times.begin(), times.end());
  std::sort(cpu_times.begin(), cpu_times.end());
  std::size_t rows = 0;
  for (const auto& file : nba::embeddedSnapshotFiles()) {
    rows += static_cast<std::size_t>(std::count(file.data.begin(), file.data.end(), '\n'));
  }
  std::printf(
      "snapshot load (embedded, %zu lines): first %.2f ms, median %.2f ms, "
      "min %.2f ms, max %.2f ms over %d runs\n",
      rows, first_ms, times[times.size() / 2], times.front(), times.back(), runs);
  std::printf("CPU time per load (this thread): median %.2f ms, min %.2f ms\n",
              cpu_times[cpu_times.size() / 2], cpu_times.front());
  std::printf("RSS: %.1f MiB before load, %.1f MiB with one snapshot loaded, peak %.1f MiB\n",
              rss_before_kib / 1024.0, rss_loaded_kib / 1024.0, procStatusKib("VmHWM:") / 1024.0);
  const bool ok = times[times.size() / 2] <= 30.0 && rss_loaded_kib <= 40 * 1024;
  std::printf("targets (<= 30 ms, <= 40 MiB): %s\n", ok ? "met" : "NOT met");
  return ok ? 0 : 1;
}

#include "report.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <string_view>

namespace nba::bench {
namespace {

// Targets of issue 2 (and 9, below).
constexpr double kStartupTargetMs = 15;
constexpr double kIdleRssTargetMb = 15;
constexpr double kServerAddedTargetUs = 20;
constexpr double kThroughputTarget = 50'000;
// Issue 9: pipelined trivial tool calls. Measured on the cheapest tool there is.
constexpr double kTrivialToolTarget = 200'000;

const char* verdict(bool ok, bool met) {
  if (!ok) {
    return "FAILED";
  }
  return met ? "ok" : "MISSED";
}

std::string loadAverage() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

std::string joined(const Command& command) {
  std::string text;
  for (const auto& part : command) {
    text += (text.empty() ? "" : " ") + part;
  }
  return text;
}

void printHeader(const BenchOptions& options) {
  std::printf("nba-mcp-bench-server\n");
  std::printf("  server:   %s\n", joined(options.server).c_str());
  std::printf("  echo:     %s (raw pipe baseline)\n", joined(options.echo).c_str());
  std::printf("  host:     %ld CPUs, load average %s\n", sysconf(_SC_NPROCESSORS_ONLN),
              loadAverage().c_str());
  std::printf(
      "  runs:     startup %d spawns (+%d warm-up); round trips %d each (+%d warm-up); "
      "pipelined %d calls\n\n",
      options.spawns, options.spawn_warmup, options.iterations, options.warmup, options.pipelined);
}

void printDistributionHeader() {
  std::printf("%-40s %-5s %9s %9s %9s %9s  %-10s %s\n", "latency", "unit", "p50", "p90", "p99",
              "max", "target", "verdict");
}

void printDistribution(const char* name, const char* unit, bool ok, const Summary& s,
                       const char* target, bool met) {
  std::printf("%-40s %-5s %9.2f %9.2f %9.2f %9.2f  %-10s %s\n", name, unit, s.p50, s.p90, s.p99,
              s.max, target, verdict(ok, met));
}

void printValue(const char* name, const std::string& value, const char* target, bool ok, bool met) {
  std::printf("%-40s %-36s %-12s %s\n", name, value.c_str(), target, verdict(ok, met));
}

std::string format(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

void printLatencies(const BenchReport& r) {
  printDistributionHeader();
  const auto& s = r.startup;
  printDistribution("startup: exec -> initialize reply", "ms", s.ok, s.ms, "p50 <= 15",
                    s.ms.p50 <= kStartupTargetMs);
  printDistribution("round trip: ping (server)", "us", r.ping.ok, r.ping.us, "", true);
  printDistribution("round trip: ping line (echo)", "us", r.echo_ping.ok, r.echo_ping.us, "", true);
  printDistribution("round trip: tools/call (server)", "us", r.call.ok, r.call.us, "", true);
  printDistribution("round trip: tools/call line (echo)", "us", r.echo_call.ok, r.echo_call.us, "",
                    true);
  std::printf("\n");
}

void printServerAdded(const char* name, const RoundTripResult& server,
                      const RoundTripResult& echo) {
  double added = server.us.p50 - echo.us.p50;
  printValue(name, format("%.2f us", added), "p50 <= 20", server.ok && echo.ok,
             added <= kServerAddedTargetUs);
}

void printMemory(const char* name, const std::optional<Memory>& memory, bool is_target) {
  bool ok = memory.has_value();
  double rss_mb = ok ? static_cast<double>(memory->rss_kb) / 1024 : 0;
  double hwm_mb = ok ? static_cast<double>(memory->hwm_kb) / 1024 : 0;
  std::string value = format("%.1f MB", rss_mb) + format(" (HWM %.1f MB)", hwm_mb);
  printValue(name, value, is_target ? "<= 15 MB" : "", ok,
             !is_target || rss_mb <= kIdleRssTargetMb);
}

// `target` calls/s, or 0 for a figure without one.
void printThroughput(const char* name, const ThroughputResult& t, double target) {
  std::string value = format("%.0f calls/s", t.calls_per_second);
  if (t.child_cpu_us_per_call >= 0) {
    value += format(" (%.1f us CPU/call)", t.child_cpu_us_per_call);
  }
  const std::string goal = target > 0 ? format(">= %.0f/s", target) : "";
  printValue(name, value, goal.c_str(), t.ok, t.calls_per_second >= target);
}

// The cadence run whose name starts with `prefix` ("echo (tools/call line)" is "echo").
const CadenceResult* cadenceRow(const BenchReport& r, std::string_view prefix) {
  for (const CadenceResult& c : r.cadence) {
    if (std::string_view(c.name).substr(0, prefix.size()) == prefix) return &c;
  }
  return nullptr;
}

// Issue 9: an idle server should answer almost as fast as a busy one.
void printCadence(const BenchOptions& options, const BenchReport& r) {
  if (r.cadence.empty()) {
    return;
  }
  std::printf("\nat a client's cadence: %d round trips each, back to back and with a %d us gap\n",
              options.gap_iterations, options.gap_us);
  std::printf("%-28s %12s %12s %12s %12s %14s %12s\n", "request", "b2b p50 us", "b2b p99 us",
              "gap p50 us", "gap p99 us", "gap - b2b p50", "handler us");
  for (const CadenceResult& c : r.cadence) {
    if (!c.back_to_back.ok || !c.with_gap.ok) {
      std::printf("%-28s FAILED\n", c.name);
      continue;
    }
    std::printf("%-28s %12.1f %12.1f %12.1f %12.1f %14.1f %12s\n", c.name, c.back_to_back.us.p50,
                c.back_to_back.us.p99, c.with_gap.us.p50, c.with_gap.us.p99,
                c.with_gap.us.p50 - c.back_to_back.us.p50,
                c.handler_us ? format("%.1f", *c.handler_us).c_str() : "-");
  }
  const CadenceResult* echo = cadenceRow(r, "echo");
  // Issue 9's trivial tool: the cheapest there is, as for pipelined throughput.
  const CadenceResult* trivial = cadenceRow(r, "resolve_entity");
  if (echo == nullptr || !echo->with_gap.ok) {
    return;
  }
  if (const CadenceResult* ping = cadenceRow(r, "ping"); ping != nullptr && ping->with_gap.ok) {
    std::printf(
        "server-added p50 over the echo, ping (the protocol path alone): %.1f us back to back, "
        "%.1f us with the gap\n",
        ping->back_to_back.us.p50 - echo->back_to_back.us.p50,
        ping->with_gap.us.p50 - echo->with_gap.us.p50);
  }
  if (trivial != nullptr && trivial->with_gap.ok) {
    const double b2b = trivial->back_to_back.us.p50 - echo->back_to_back.us.p50;
    const double gap = trivial->with_gap.us.p50 - echo->with_gap.us.p50;
    std::printf(
        "server-added p50 over the echo, %s (a trivial tool): %.1f us back to back (target "
        "<= 20), %.1f us with the gap (target <= 30) %s\n",
        trivial->name, b2b, gap, b2b <= kServerAddedTargetUs && gap <= 30 ? "ok" : "MISSED");
  }
  // The other calls: what the server adds with the gap beyond the pipe and the handler's
  // own mean time (the server's get_server_stats; 0 when the result memo answered).
  for (const CadenceResult& c : r.cadence) {
    if (&c == trivial || !c.with_gap.ok || !c.handler_us) continue;
    const double added = c.with_gap.us.p50 - echo->with_gap.us.p50 - *c.handler_us;
    std::printf(
        "%s with the gap: p50 %.1f us = echo %.1f + handler %.1f + %.1f us added "
        "(target <= 30) %s\n",
        c.name, c.with_gap.us.p50, echo->with_gap.us.p50, *c.handler_us, added,
        added <= 30 ? "ok" : "MISSED");
  }
}

std::uint64_t cadenceMismatches(const BenchReport& r) {
  std::uint64_t total = 0;
  for (const CadenceResult& c : r.cadence) {
    total += c.back_to_back.checks.mismatches + c.with_gap.checks.mismatches;
  }
  return total;
}

std::uint64_t totalMismatches(const BenchReport& r) {
  return r.ping.checks.mismatches + r.call.checks.mismatches + r.echo_ping.checks.mismatches +
         r.echo_call.checks.mismatches + r.pipelined_call.checks.mismatches +
         r.pipelined_cheapest.checks.mismatches + r.pipelined_ping.checks.mismatches +
         r.pipelined_echo.checks.mismatches + cadenceMismatches(r);
}

std::uint64_t totalErrors(const BenchReport& r) {
  return r.ping.checks.errors + r.call.checks.errors + r.pipelined_call.checks.errors +
         r.pipelined_cheapest.checks.errors + r.pipelined_ping.checks.errors;
}

std::uint64_t totalMissing(const BenchReport& r) {
  return r.pipelined_call.missing + r.pipelined_cheapest.missing + r.pipelined_ping.missing +
         r.pipelined_echo.missing;
}

}  // namespace

void printReport(const BenchOptions& options, const BenchReport& r) {
  printHeader(options);
  printLatencies(r);
  std::printf("%-40s %-36s %-12s %s\n", "figure", "value", "target", "verdict");
  printServerAdded("server-added latency: ping p50", r.ping, r.echo_ping);
  printServerAdded("server-added latency: tools/call p50", r.call, r.echo_call);
  printMemory("idle memory after initialize", r.idle, true);
  printMemory("memory after the load below", r.after_load, false);
  printThroughput("pipelined tools/call get_server_stats", r.pipelined_call, kThroughputTarget);
  printThroughput("pipelined resolve_entity by id", r.pipelined_cheapest, kTrivialToolTarget);
  printThroughput("pipelined ping", r.pipelined_ping, 0);
  printThroughput("pipelined echo (tools/call line)", r.pipelined_echo, 0);
  printCadence(options, r);
  std::printf("\nreply checks: %llu id mismatches, %llu error replies, %llu missing replies\n",
              static_cast<unsigned long long>(totalMismatches(r)),
              static_cast<unsigned long long>(totalErrors(r)),
              static_cast<unsigned long long>(totalMissing(r)));
  if (!r.error.empty()) {
    std::printf("error: %s\n", r.error.c_str());
  }
}

bool reportPassed(const BenchReport& r) {
  bool all_ran = r.error.empty() && r.startup.ok && r.idle && r.ping.ok && r.call.ok &&
                 r.echo_ping.ok && r.echo_call.ok && r.pipelined_call.ok &&
                 r.pipelined_cheapest.ok && r.pipelined_ping.ok && r.pipelined_echo.ok;
  for (const CadenceResult& c : r.cadence) {
    all_ran = all_ran && c.back_to_back.ok && c.with_gap.ok;
  }
  return all_ran && totalMismatches(r) == 0 && totalErrors(r) == 0 && totalMissing(r) == 0;
}

}  // namespace nba::bench

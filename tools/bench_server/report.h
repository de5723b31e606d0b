#pragma once

#include <optional>
#include <string>
#include <vector>

#include "measurements.h"

namespace nba::bench {

struct BenchOptions {
  Command server;  // path and arguments
  Command echo;    // the raw pipe echo child
  int spawns = 50;
  int spawn_warmup = 2;
  int iterations = 20'000;
  int warmup = 2'000;
  int pipelined = 200'000;
  int soak = 0;                // mixed tool calls for the memory soak; 0 skips it
  int gap_us = 1000;           // the idle gap of the cadence runs; 0 skips them
  int gap_iterations = 2'000;  // round trips per kind in each cadence run
};

// One request kind at a client's cadence: back to back, and with the idle gap.
struct CadenceResult {
  const char* name = "";
  const char* tool = "";  // its tool, whose handler time the server reports
  RoundTripResult back_to_back;
  RoundTripResult with_gap;
  std::optional<double> handler_us;  // mean handler time over the gap run
};

// Everything one run measured; a part that failed has ok == false.
struct BenchReport {
  StartupResult startup;
  std::optional<Memory> idle;
  std::optional<Memory> after_load;
  RoundTripResult ping;
  RoundTripResult call;
  RoundTripResult echo_ping;
  RoundTripResult echo_call;
  ThroughputResult pipelined_call;
  ThroughputResult pipelined_cheapest;
  ThroughputResult pipelined_ping;
  ThroughputResult pipelined_echo;
  // echo line, get_server_stats, get_league_leaders, answer_nba_question (when gap_us > 0)
  std::vector<CadenceResult> cadence;
  std::string error;  // the first fatal problem, if any
};

void printReport(const BenchOptions& options, const BenchReport& report);
// True when every part ran and every reply had the right id and no error.
bool reportPassed(const BenchReport& report);

}  // namespace nba::bench

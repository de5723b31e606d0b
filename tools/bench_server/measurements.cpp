#include "measurements.h"

#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "json_scan.h"

namespace nba::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kWriteBatchBytes = 32 * 1024;

std::int64_t nanosSince(Clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count();
}

// One spawn + initialize; returns the time in ns, or -1 with `error` set.
std::int64_t timeOneStartup(const Command& server, std::string& error) {
  auto start = Clock::now();
  auto child = ChildProcess::spawn(server, error);
  if (!child) {
    return -1;
  }
  Session session(std::move(*child));
  if (!session.initialize(0)) {
    error = "no valid initialize reply from " + server[0];
    return -1;
  }
  std::int64_t elapsed = nanosSince(start);
  if (!session.child().finish(std::chrono::milliseconds(5000))) {
    error = "the server did not exit cleanly after stdin closed";
    return -1;
  }
  return elapsed;
}

std::int64_t statusField(const std::string& line, std::string_view key) {
  if (line.compare(0, key.size(), key) != 0) {
    return -1;
  }
  return std::stoll(line.substr(key.size()));
}

// The writer half of measureThroughput.
void writeRequests(Session& session, const RequestTemplate& request, std::int64_t first_id,
                   int count) {
  std::string buffer;
  buffer.reserve(kWriteBatchBytes + 512);
  for (int i = 0; i < count; ++i) {
    appendRequest(buffer, request, first_id + i);
    if (buffer.size() >= kWriteBatchBytes) {
      if (!session.send(buffer)) {
        return;
      }
      buffer.clear();
    }
  }
  session.send(buffer);
}

// The reader half: marks each id seen once; anything else is a mismatch.
bool readReplies(Session& session, std::int64_t first_id, int count, ThroughputResult& result) {
  std::vector<std::uint8_t> seen(static_cast<std::size_t>(count), 0);
  std::string_view line;
  for (int received = 0; received < count;) {
    if (session.reader().next(line, kReplyTimeoutMs) != LineReader::Status::kLine) {
      result.missing = static_cast<std::uint64_t>(count - received);
      return false;
    }
    MessageFacts facts = scanMessage(line);
    std::int64_t index = facts.id.value_or(-1) - first_id;
    if (!facts.id || index < 0 || index >= count || seen[static_cast<std::size_t>(index)]) {
      ++result.checks.mismatches;
      continue;
    }
    seen[static_cast<std::size_t>(index)] = 1;
    result.checks.errors += facts.has_error ? 1 : 0;
    ++received;
  }
  return true;
}

}  // namespace

StartupResult measureStartup(const Command& server, int warmup, int spawns) {
  StartupResult result;
  std::vector<std::int64_t> samples;
  samples.reserve(static_cast<std::size_t>(spawns));
  for (int i = 0; i < warmup + spawns; ++i) {
    std::int64_t ns = timeOneStartup(server, result.error);
    if (ns < 0) {
      return result;
    }
    if (i >= warmup) {
      samples.push_back(ns);
    }
  }
  result.ms = summarize(samples, 1e6);
  result.ok = true;
  return result;
}

std::optional<Memory> readMemory(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  if (!status) {
    return std::nullopt;
  }
  Memory memory{-1, -1};
  for (std::string line; std::getline(status, line);) {
    memory.rss_kb = std::max(memory.rss_kb, statusField(line, "VmRSS:"));
    memory.hwm_kb = std::max(memory.hwm_kb, statusField(line, "VmHWM:"));
  }
  if (memory.rss_kb < 0 || memory.hwm_kb < 0) {
    return std::nullopt;
  }
  return memory;
}

double readCpuSeconds(pid_t pid) {
  std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::size_t after_name = text.rfind(')');  // the command name may hold spaces
  if (after_name == std::string::npos) {
    return -1;
  }
  std::istringstream fields(text.substr(after_name + 2));
  std::string field;
  long long utime = -1;
  long long stime = -1;
  for (int index = 3; fields >> field && index <= 15; ++index) {
    if (index == 14) {
      utime = std::stoll(field);
    } else if (index == 15) {
      stime = std::stoll(field);
    }
  }
  if (utime < 0 || stime < 0) {
    return -1;
  }
  return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

RoundTripResult measureRoundTrips(Session& session, const RequestTemplate& request, int warmup,
                                  int iterations, std::int64_t& next_id,
                                  std::chrono::microseconds gap) {
  RoundTripResult result;
  std::vector<std::int64_t> samples(static_cast<std::size_t>(iterations));
  std::string buffer;
  buffer.reserve(512);
  for (int i = 0; i < warmup + iterations; ++i) {
    std::int64_t id = next_id++;
    buffer.clear();
    appendRequest(buffer, request, id);
    if (gap.count() > 0) {
      std::this_thread::sleep_for(gap);
    }
    auto start = Clock::now();
    if (!session.send(buffer) || !session.awaitReply(id, result.checks)) {
      return result;
    }
    std::int64_t ns = nanosSince(start);
    if (i >= warmup) {
      samples[static_cast<std::size_t>(i - warmup)] = ns;
    }
  }
  result.us = summarize(samples, 1e3);
  result.ok = true;
  return result;
}

ThroughputResult measureThroughput(Session& session, const RequestTemplate& request, int count,
                                   std::int64_t& next_id) {
  ThroughputResult result;
  std::int64_t first_id = next_id;
  next_id += count;
  double cpu_before = readCpuSeconds(session.child().pid());
  auto start = Clock::now();
  std::thread writer([&] { writeRequests(session, request, first_id, count); });
  result.ok = readReplies(session, first_id, count, result);
  result.seconds = static_cast<double>(nanosSince(start)) / 1e9;
  if (!result.ok) {
    session.child().kill();  // unblocks a writer stuck on a full pipe
  }
  writer.join();
  result.calls_per_second = result.ok ? count / result.seconds : 0;
  double cpu_after = readCpuSeconds(session.child().pid());
  if (result.ok && cpu_before >= 0 && cpu_after >= 0) {
    result.child_cpu_us_per_call = (cpu_after - cpu_before) * 1e6 / count;
  }
  return result;
}

}  // namespace nba::bench

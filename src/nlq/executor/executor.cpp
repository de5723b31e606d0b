#include "nlq/executor/executor.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <map>
#include <thread>

#include "core/stopwatch.h"

namespace nba::nlq {

Executor::Executor(ToolCaller caller, unsigned parallelism, const Clock& clock)
    : caller_(std::move(caller)), parallelism_(std::max(1U, parallelism)), clock_(&clock) {}

std::vector<CallResult> Executor::run(const Plan& plan) const { return run(plan, caller_); }

std::vector<CallResult> Executor::run(const Plan& plan, const ToolCaller& caller) const {
  std::vector<CallResult> results;
  results.reserve(plan.calls.size());
  std::map<int, std::vector<std::size_t>> groups;
  for (const PlannedCall& call : plan.calls) {
    groups[call.group].push_back(results.size());
    results.push_back({call, {}, 0});
  }
  for (auto& [group, indices] : groups) {
    std::vector<CallResult*> members;
    members.reserve(indices.size());
    for (std::size_t index : indices) {
      members.push_back(&results[index]);
    }
    runGroup(caller, members);
  }
  return results;
}

void Executor::runOne(const ToolCaller& caller, CallResult* result) const {
  const Stopwatch stopwatch(*clock_);
  try {
    result->outcome = caller(result->call.tool, result->call.arguments);
  } catch (const std::exception& e) {
    result->outcome = {std::string("internal error in ") + result->call.tool + ": " + e.what(),
                       nlohmann::json::object(), true};
  }
  result->elapsed_ms = millis(stopwatch.elapsed());
}

void Executor::runGroup(const ToolCaller& caller, std::vector<CallResult*>& group) const {
  const std::size_t threads = std::min<std::size_t>(parallelism_, group.size());
  if (threads <= 1) {
    for (CallResult* result : group) {
      runOne(caller, result);
    }
    return;
  }
  // Work sharing: every thread claims the next unstarted call, so a slow call does not
  // hold back a queue of fast ones behind it.
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < group.size(); i = next++) {
      runOne(caller, group[i]);
    }
  };
  std::vector<std::thread> helpers;
  helpers.reserve(threads - 1);
  for (std::size_t i = 1; i < threads; ++i) {
    helpers.emplace_back(work);
  }
  work();
  for (std::thread& helper : helpers) {
    helper.join();
  }
}

}  // namespace nba::nlq

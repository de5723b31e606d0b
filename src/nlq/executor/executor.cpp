#include "nlq/executor/executor.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <map>
#include <memory>
#include <mutex>

#include "core/stopwatch.h"

namespace nba::nlq {

Executor::Executor(ToolCaller caller, unsigned parallelism, const Clock& clock,
                   HelperSpawner spawner)
    : caller_(std::move(caller)),
      parallelism_(std::max(1U, parallelism)),
      spawner_(std::move(spawner)),
      clock_(&clock) {}

std::vector<CallResult> Executor::run(const Plan& plan) const { return run(plan, caller_); }

std::vector<CallResult> Executor::run(const Plan& plan, const ToolCaller& caller,
                                      const SpanPtr& parent) const {
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
    runGroup(caller, parent, members);
  }
  return results;
}

void Executor::runOne(const ToolCaller& caller, const SpanPtr& parent, CallResult* result) const {
  const Stopwatch stopwatch(*clock_);
  try {
    result->outcome = caller(result->call.tool, result->call.arguments, parent);
  } catch (const std::exception& e) {
    result->outcome = {std::string("internal error in ") + result->call.tool + ": " + e.what(),
                       nlohmann::json::object(), true};
  }
  result->elapsed_ms = millis(stopwatch.elapsed());
}

void Executor::runGroup(const ToolCaller& caller, const SpanPtr& parent,
                        std::vector<CallResult*>& group) const {
  const std::size_t threads = std::min<std::size_t>(parallelism_, group.size());
  if (threads <= 1 || !spawner_) {
    for (CallResult* result : group) {
      runOne(caller, parent, result);
    }
    return;
  }
  // Work sharing: every thread claims the next unstarted call, so a slow call does not hold
  // back a queue of fast ones behind it. The calling thread works too and then waits only
  // for calls a helper has claimed; a helper that starts late finds nothing left and leaves
  // without touching the group (which is gone by then), so it never has to be waited for.
  struct Shared {
    std::atomic<std::size_t> next{0};
    std::size_t size = 0;
    std::mutex mutex;
    std::condition_variable all_done;
    std::size_t done = 0;  // guarded by mutex
  };
  auto shared = std::make_shared<Shared>();
  shared->size = group.size();
  auto work = [this, &caller, &parent, &group](Shared& state) {
    for (std::size_t i = state.next++; i < state.size; i = state.next++) {
      runOne(caller, parent, group[i]);
      std::lock_guard lock(state.mutex);
      if (++state.done == state.size) {
        state.all_done.notify_all();
      }
    }
  };
  for (std::size_t i = 1; i < threads; ++i) {
    if (!spawner_([shared, work] { work(*shared); })) {
      break;  // no thread free: this one does the rest
    }
  }
  work(*shared);
  std::unique_lock lock(shared->mutex);
  shared->all_done.wait(lock, [&] { return shared->done == shared->size; });
}

}  // namespace nba::nlq

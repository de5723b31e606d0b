// The executor: group order, parallel calls within a group, failures kept apart.
#include "nlq/executor/executor.h"

#include <doctest/doctest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "mcp/worker_pool.h"

namespace nba::nlq {
namespace {

using nlohmann::json;

// The executor times each call on this clock; these tests do not look at the times (the
// fake clock stands still, so each is 0).
FakeClock test_clock{std::chrono::system_clock::time_point{}};

// Helpers run on a worker pool's idle threads, as the server's answer tool wires them.
mcp::WorkerPool& helperPool() {
  static mcp::WorkerPool pool(mcp::WorkerPool::Options{3, 1000, {}});
  return pool;
}
HelperSpawner poolSpawner() {
  return [](std::function<void()> task) { return helperPool().tryStart(std::move(task)); };
}

PlannedCall planned(std::string tool, int group, json arguments = json::object()) {
  return {std::move(tool), std::move(arguments), group, 0};
}

TEST_CASE("calls run group by group and results keep plan order") {
  std::mutex mutex;
  std::vector<std::string> order;
  Executor executor(
      [&](const std::string& tool, const json& args, const SpanPtr&) {
        std::lock_guard lock(mutex);
        order.push_back(tool);
        return ToolOutcome{tool + " " + args.dump(), json{{"n", args.value("n", 0)}}, false};
      },
      1, test_clock);
  Plan plan;
  plan.calls = {planned("second", 1, {{"n", 2}}), planned("first", 0, {{"n", 1}})};
  const auto results = executor.run(plan);
  REQUIRE(results.size() == 2);
  CHECK(order == std::vector<std::string>{"first", "second"});  // group 0 before group 1
  CHECK(results[0].call.tool == "second");                      // plan order kept
  CHECK(results[0].outcome.text == "second {\"n\":2}");
  CHECK(results[1].outcome.structured == json{{"n", 1}});
}

TEST_CASE("a group's calls share the threads, each call runs once") {
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  std::mutex mutex;
  std::set<std::thread::id> threads;
  std::multiset<int> seen;
  Executor executor(
      [&](const std::string&, const json& args, const SpanPtr&) {
        const int now = ++running;
        most = std::max(most.load(), now);
        {
          std::lock_guard lock(mutex);
          threads.insert(std::this_thread::get_id());
          seen.insert(args["n"].get<int>());
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        --running;
        return ToolOutcome{"ok", json::object(), false};
      },
      3, test_clock, poolSpawner());
  Plan plan;
  for (int n = 0; n < 12; ++n) plan.calls.push_back(planned("t", 0, {{"n", n}}));
  const auto results = executor.run(plan);
  CHECK(results.size() == 12);
  CHECK(seen.size() == 12);
  CHECK(std::set<int>(seen.begin(), seen.end()).size() == 12);
  CHECK(threads.size() <= 3);
  CHECK(most.load() <= 3);
  for (const auto& result : results) CHECK(result.outcome.text == "ok");
}

TEST_CASE("two calls of one group run at the same time") {
  // Each call waits until both have started. Run one after the other, the first would wait
  // for a second that never comes and give up after the timeout, so both meeting proves the
  // calls overlapped (the timeout only bounds a failing run).
  std::mutex mutex;
  std::condition_variable arrived;
  int started = 0;
  std::atomic<int> met{0};
  Executor executor(
      [&](const std::string&, const json&, const SpanPtr&) {
        std::unique_lock lock(mutex);
        ++started;
        arrived.notify_all();
        if (arrived.wait_for(lock, std::chrono::seconds(10), [&] { return started == 2; })) {
          ++met;
        }
        return ToolOutcome{"ok", json::object(), false};
      },
      2, test_clock, poolSpawner());
  Plan plan;
  plan.calls = {planned("a", 0), planned("b", 0)};
  const auto results = executor.run(plan);
  CHECK(results.size() == 2);
  CHECK(met.load() == 2);
}

TEST_CASE("a failing or throwing call does not stop the others") {
  Executor executor(
      [](const std::string& tool, const json&, const SpanPtr&) -> ToolOutcome {
        if (tool == "throws") throw std::runtime_error("database on fire");
        if (tool == "fails") return {"No player named 'Zorblax'", json::object(), true};
        return {"fine", json{{"value", 1}}, false};
      },
      2, test_clock);
  Plan plan;
  plan.calls = {planned("throws", 0), planned("fails", 0), planned("works", 0)};
  const auto results = executor.run(plan);
  REQUIRE(results.size() == 3);
  CHECK(results[0].outcome.is_error);
  CHECK(results[0].outcome.text == "internal error in throws: database on fire");
  CHECK(results[1].outcome.is_error);
  CHECK(results[1].outcome.text == "No player named 'Zorblax'");
  CHECK_FALSE(results[2].outcome.is_error);
  CHECK(results[2].outcome.structured == json{{"value", 1}});
}

TEST_CASE("with no helper free, the calling thread runs the whole group; no thread is made") {
  // A one-thread pool whose worker is busy: tryStart refuses, and the executor neither waits
  // for it (that could deadlock a full server) nor starts threads of its own.
  mcp::WorkerPool busy(mcp::WorkerPool::Options{1, 10, {}});
  std::mutex hold;
  std::unique_lock held(hold);
  std::atomic<bool> blocking{false};
  busy.submit([&] {
    blocking = true;
    std::lock_guard wait_for_test(hold);
  });
  while (!blocking) std::this_thread::yield();
  std::set<std::thread::id> threads;
  std::mutex mutex;
  int refused = 0;
  Executor executor(
      [&](const std::string&, const json&, const SpanPtr&) {
        std::lock_guard lock(mutex);
        threads.insert(std::this_thread::get_id());
        return ToolOutcome{"ok", json::object(), false};
      },
      4, test_clock,
      [&](std::function<void()> task) {
        const bool started = busy.tryStart(std::move(task));
        refused += started ? 0 : 1;
        return started;
      });
  Plan plan;
  for (int n = 0; n < 6; ++n) plan.calls.push_back(planned("t", 0, {{"n", n}}));
  const auto results = executor.run(plan);
  held.unlock();
  CHECK(busy.drain(std::chrono::seconds(5)));
  CHECK(results.size() == 6);
  CHECK(refused == 1);  // asked once, refused, so the caller went on alone
  CHECK(threads == std::set<std::thread::id>{std::this_thread::get_id()});
}

TEST_CASE("a helper that starts after its group is done finds nothing and touches nothing") {
  // The spawner keeps the helper and runs it only after run() returned: the group and its
  // results are gone by then, and the helper must leave without reaching them (ASan checks).
  std::vector<std::function<void()>> late;
  int calls = 0;
  Executor executor(
      [&](const std::string&, const json&, const SpanPtr&) {
        ++calls;
        return ToolOutcome{"ok", json::object(), false};
      },
      3, test_clock,
      [&](std::function<void()> task) {
        late.push_back(std::move(task));
        return true;
      });
  Plan plan;
  plan.calls = {planned("a", 0), planned("b", 0), planned("c", 0)};
  {
    const auto results = executor.run(plan);
    CHECK(results.size() == 3);
  }
  CHECK(calls == 3);
  CHECK(late.size() == 2);
  for (auto& helper : late) helper();
  CHECK(calls == 3);
}

TEST_CASE("an empty plan runs nothing") {
  int calls = 0;
  Executor executor(
      [&](const std::string&, const json&, const SpanPtr&) {
        ++calls;
        return ToolOutcome{};
      },
      4, test_clock);
  CHECK(executor.run(Plan{}).empty());
  CHECK(calls == 0);
}

}  // namespace
}  // namespace nba::nlq

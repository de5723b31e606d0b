// Lazy<T> and the lazy world: success is kept, a failure is retried after a backoff on the
// clock's monotonic time (stepped with a FakeClock, never slept), first calls build once.
#include "app/lazy.h"

#include <doctest/doctest.h>

#include <atomic>
#include <latch>
#include <thread>
#include <vector>

#include "app/lazy_sources.h"
#include "origin/forwarding_data_source.h"
#include "origin/snapshot/snapshot_source.h"
#include "support/test_call.h"

namespace nba::app {
namespace {

using nba::testing::testCall;
using std::chrono::milliseconds;
using std::chrono::seconds;

FakeClock startedClock() { return FakeClock(std::chrono::system_clock::from_time_t(1744632000)); }

// A factory that fails its first `failures` calls, then builds an int, counting calls.
struct FlakyFactory {
  int failures = 0;
  std::atomic<int> calls{0};

  Lazy<int>::Factory factory() {
    return [this]() -> Result<std::unique_ptr<int>> {
      const int call = ++calls;
      if (call <= failures) {
        return unavailable("load " + std::to_string(call) + " failed");
      }
      return std::make_unique<int>(42);
    };
  }
};

TEST_CASE("lazy: a failed build is returned within the backoff and retried after it") {
  auto clock = startedClock();
  FlakyFactory flaky;
  flaky.failures = 1;
  Lazy<int> lazy(flaky.factory(), clock);

  auto first = lazy.get();
  REQUIRE_FALSE(first.ok());
  CHECK(first.status().code() == StatusCode::kUnavailable);
  CHECK(first.status().message() == "load 1 failed");
  CHECK(flaky.calls == 1);

  clock.advance(milliseconds(999));  // still inside the first 1 s backoff
  auto again = lazy.get();
  CHECK_FALSE(again.ok());
  CHECK(again.status().message() == "load 1 failed");
  CHECK(flaky.calls == 1);  // not retried

  clock.advance(milliseconds(1));
  auto recovered = lazy.get();
  REQUIRE(recovered.ok());
  CHECK(*recovered.value() == 42);
  CHECK(flaky.calls == 2);

  clock.advance(seconds(3600));
  auto kept = lazy.get();
  REQUIRE(kept.ok());
  CHECK(kept.value() == recovered.value());  // the same object, kept for ever
  CHECK(flaky.calls == 2);
}

TEST_CASE("lazy: the backoff doubles after each failure and stops at 30 s") {
  auto clock = startedClock();
  FlakyFactory flaky;
  flaky.failures = 1000;
  Lazy<int> lazy(flaky.factory(), clock);
  CHECK_FALSE(lazy.get().ok());
  int expected_calls = 1;
  for (int backoff_s : {1, 2, 4, 8, 16, 30, 30, 30}) {
    clock.advance(seconds(backoff_s) - milliseconds(1));
    CHECK_FALSE(lazy.get().ok());
    CHECK(flaky.calls == expected_calls);  // one millisecond short: not retried
    clock.advance(milliseconds(1));
    CHECK_FALSE(lazy.get().ok());
    CHECK(flaky.calls == ++expected_calls);  // retried once the backoff is over
  }
}

TEST_CASE("lazy: concurrent first calls build once and share the object") {
  auto clock = startedClock();
  FlakyFactory flaky;
  Lazy<int> lazy(flaky.factory(), clock);
  constexpr int kThreads = 8;
  std::latch start(kThreads);
  std::vector<const int*> seen(kThreads, nullptr);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      auto got = lazy.get();
      seen[i] = got.ok() ? got.value() : nullptr;
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  CHECK(flaky.calls == 1);
  REQUIRE(seen[0] != nullptr);
  for (const int* pointer : seen) {
    CHECK(pointer == seen[0]);
  }
}

TEST_CASE("lazy: a factory that succeeds with nothing is a failure, not a null object") {
  auto clock = startedClock();
  Lazy<int> lazy([]() -> Result<std::unique_ptr<int>> { return std::unique_ptr<int>(); }, clock);
  auto got = lazy.get();
  REQUIRE_FALSE(got.ok());
  CHECK(got.status().code() == StatusCode::kInternal);
}

TEST_CASE("lazy world: a data source and resolver whose load failed recover on a later call") {
  auto clock = startedClock();
  std::atomic<int> loads{0};
  auto data = newLazyDataSource(
      [&loads]() -> Result<std::unique_ptr<DataSource>> {
        if (++loads == 1) {
          return unavailable("the snapshot is not there yet");
        }
        return newEmbeddedSnapshotSource();
      },
      clock);
  auto resolver = newLazyResolver(*data, clock);

  auto failed = resolver->resolvePlayer("Jokic", 1);
  REQUIRE_FALSE(failed.ok());
  CHECK(failed.status().message() == "the snapshot is not there yet");
  CHECK_FALSE(data->teams(testCall()).ok());  // within the data's backoff: the failure, no new load
  CHECK_FALSE(data->seasons(testCall()).ok());
  CHECK(loads == 1);

  clock.advance(seconds(1));
  auto resolved = resolver->resolvePlayer("Jokic", 1);
  REQUIRE(resolved.ok());
  CHECK(loads == 2);
  CHECK(data->teams(testCall()).ok());
  CHECK_FALSE(data->seasons(testCall())->empty());
  CHECK(resolver->teamCount() == 30);
  CHECK(loads == 2);
}

}  // namespace
}  // namespace nba::app

namespace nba::app {
namespace {

// The snapshot, whose player index gains a player signed later (as NBA.com's index does, or
// as NBA.com's replaces the snapshot's once it answers under auto).
class GrowingIndex : public ForwardingDataSource {
 public:
  std::atomic<bool> grown{false};
  mutable std::atomic<int> index_reads{0};

  Result<Table<Player>> players(const CallContext& context) const override {
    ++index_reads;
    auto players = embeddedSnapshot().players(context);
    if (!players.ok() || !grown) return players;
    Player rookie;
    rookie.player_id = "1642999";
    rookie.name = "Zebedee Quarterman";
    rookie.active = true;
    rookie.last_team = "BOS";
    std::vector<Player> rows(players->rows.begin(), players->rows.end());
    rows.push_back(rookie);
    Table<Player> table{players->meta, Rows<Player>(std::move(rows))};
    table.meta.source = "live";
    table.meta.as_of = "2026-11-30";
    return table;
  }

 protected:
  Result<const DataSource*> target(const CallContext&) const override {
    return &embeddedSnapshot();
  }

 private:
  static const DataSource& embeddedSnapshot() {
    static const auto source = newEmbeddedSnapshotSource();
    return *source.value();
  }
};

bool knows(const entity::EntityResolver& resolver, const char* name) {
  auto resolution = resolver.resolvePlayer(name, 1);
  return resolution.ok() && resolution->best() != nullptr && resolution->best()->id == "1642999";
}

TEST_CASE("lazy resolver: a changed player index is picked up within 5 minutes, not at restart") {
  FakeClock clock = startedClock();
  GrowingIndex data;
  auto resolver = newLazyResolver(data, clock);
  CHECK_FALSE(knows(*resolver, "Zebedee Quarterman"));
  const int reads_after_build = data.index_reads;

  data.grown = true;
  clock.advance(std::chrono::minutes(4));
  CHECK_FALSE(knows(*resolver, "Zebedee Quarterman"));  // not looked at yet
  CHECK(data.index_reads == reads_after_build);         // no index read per call

  clock.advance(std::chrono::minutes(1));
  CHECK(knows(*resolver, "Zebedee Quarterman"));
  CHECK(knows(*resolver, "Quarterman"));
  auto jokic = resolver->resolvePlayer("Jokic", 1);
  REQUIRE(jokic.ok());
  REQUIRE(jokic->best() != nullptr);
  CHECK(jokic->best()->display_name == "Nikola Jokić");  // the others are still there

  // An unchanged index is looked at again, but not rebuilt from.
  const int reads = data.index_reads;
  clock.advance(std::chrono::minutes(5));
  CHECK(knows(*resolver, "Zebedee Quarterman"));
  CHECK(data.index_reads == reads + 1);
}

}  // namespace
}  // namespace nba::app

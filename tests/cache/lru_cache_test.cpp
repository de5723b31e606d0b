#include "cache/lru_cache.h"

#include <doctest/doctest.h>

#include <thread>

namespace nba::cache {
namespace {

using std::chrono::hours;
using std::chrono::steady_clock;

std::shared_ptr<const CacheEntry> entry(int value, std::size_t charge, TtlTier tier,
                                        steady_clock::time_point now, std::string kind = "k",
                                        std::string params = "") {
  auto out = std::make_shared<CacheEntry>();
  out->value = std::make_shared<const int>(value);
  out->charge = charge;
  out->tier = tier;
  out->kind = std::move(kind);
  out->params = std::move(params);
  out->stored_at = now;
  out->fresh_until = now + hours(1);
  out->stale_until = now + hours(2);
  out->keep_until = now + hours(24);
  return out;
}

int valueOf(const std::shared_ptr<const CacheEntry>& found) {
  return *std::static_pointer_cast<const int>(found->value);
}

TEST_CASE("LRU: a hit hands out the stored entry itself; bytes per tier are counted") {
  LruCache cache(1000, 1);
  const auto now = steady_clock::now();
  const auto stored = entry(7, 100, TtlTier::kDaily, now);
  cache.insert("a", stored);
  cache.insert("b", entry(8, 50, TtlTier::kStatic, now));
  const auto found = cache.lookup("a", now);
  REQUIRE(found != nullptr);
  CHECK(found.get() == stored.get());  // shared, not copied
  CHECK(valueOf(found) == 7);
  CHECK(cache.lookup("missing", now) == nullptr);
  const LruUsage usage = cache.usage();
  CHECK(usage.entries[static_cast<std::size_t>(TtlTier::kDaily)] == 1);
  CHECK(usage.bytes[static_cast<std::size_t>(TtlTier::kDaily)] == 100);
  CHECK(usage.bytes[static_cast<std::size_t>(TtlTier::kStatic)] == 50);
}

TEST_CASE("LRU: bounded by bytes, the least recently used goes first") {
  LruCache cache(300, 1);
  const auto now = steady_clock::now();
  cache.insert("a", entry(1, 100, TtlTier::kDaily, now));
  cache.insert("b", entry(2, 100, TtlTier::kDaily, now));
  cache.insert("c", entry(3, 100, TtlTier::kDaily, now));
  REQUIRE(cache.lookup("a", now) != nullptr);  // a is now the most recent; b the least
  cache.insert("d", entry(4, 100, TtlTier::kDaily, now));
  CHECK(cache.lookup("b", now) == nullptr);
  CHECK(cache.lookup("a", now) != nullptr);
  CHECK(cache.lookup("c", now) != nullptr);
  CHECK(cache.lookup("d", now) != nullptr);
  CHECK(cache.usage().evictions == 1);
  // One entry bigger than the whole cache is not stored (it would empty it for nothing).
  cache.insert("huge", entry(5, 301, TtlTier::kDaily, now));
  CHECK(cache.lookup("huge", now) == nullptr);
  CHECK(cache.lookup("a", now) != nullptr);
  // Replacing an entry frees its old charge.
  cache.insert("a", entry(6, 10, TtlTier::kDaily, now));
  CHECK(valueOf(cache.lookup("a", now)) == 6);
  CHECK(cache.usage().bytes[static_cast<std::size_t>(TtlTier::kDaily)] == 210);
}

TEST_CASE(
    "LRU: an entry past keep_until is dropped on lookup; an evicted one lives on in readers") {
  LruCache cache(100, 1);
  const auto now = steady_clock::now();
  cache.insert("a", entry(1, 60, TtlTier::kLive, now));
  const auto held = cache.lookup("a", now);
  cache.insert("b", entry(2, 60, TtlTier::kLive, now));  // evicts a
  CHECK(cache.lookup("a", now) == nullptr);
  CHECK(valueOf(held) == 1);  // the reader's copy is still whole
  CHECK(cache.lookup("b", now + hours(23)) != nullptr);
  CHECK(cache.lookup("b", now + hours(24)) == nullptr);
  CHECK(cache.usage().entries[static_cast<std::size_t>(TtlTier::kLive)] == 0);
}

TEST_CASE("LRU: eraseIf drops what it picks, across shards") {
  LruCache cache(1 << 20, 8);
  const auto now = steady_clock::now();
  for (int i = 0; i < 40; ++i) {
    cache.insert("k" + std::to_string(i),
                 entry(i, 10, TtlTier::kDaily, now, i % 2 == 0 ? "games" : "standings",
                       "season=" + std::to_string(2000 + i % 4)));
  }
  CHECK(cache.eraseIf([](const CacheEntry& e) {
    return e.kind == "games" && e.params == "season=2002";
  }) == 10);
  CHECK(cache.lookup("k2", now) == nullptr);
  CHECK(cache.lookup("k0", now) != nullptr);
  CHECK(cache.eraseIf([](const CacheEntry&) { return true; }) == 30);
}

TEST_CASE("LRU: concurrent inserts and lookups keep the byte bound") {
  LruCache cache(64 * 100, 4);
  const auto now = steady_clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&cache, now, t] {
      for (int i = 0; i < 500; ++i) {
        const std::string key = "k" + std::to_string((t * 131 + i) % 300);
        cache.insert(key, entry(i, 100, TtlTier::kDaily, now));
        (void)cache.lookup(key, now);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const LruUsage usage = cache.usage();
  CHECK(usage.bytes[static_cast<std::size_t>(TtlTier::kDaily)] <= 64 * 100);
  CHECK(usage.entries[static_cast<std::size_t>(TtlTier::kDaily)] * 100 ==
        usage.bytes[static_cast<std::size_t>(TtlTier::kDaily)]);
  CHECK(usage.evictions > 0);
}

}  // namespace
}  // namespace nba::cache

#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "cache/ttl_tier.h"

namespace nba::cache {

// One cached value and its lifetimes, on the monotonic clock (so a fixed wall date never
// freezes a TTL). Immutable once stored: readers share it.
struct CacheEntry {
  std::shared_ptr<const void> value;  // what the owner stored; it knows the type by the kind
  std::size_t charge = 0;             // approximate bytes held
  TtlTier tier = TtlTier::kDaily;
  std::string kind;    // the key's request kind, for invalidation by pattern
  std::string params;  // the key's canonical parameters, likewise
  std::chrono::steady_clock::time_point stored_at;
  std::chrono::steady_clock::time_point fresh_until;  // served as a hit before this
  std::chrono::steady_clock::time_point stale_until;  // served stale, refreshed, before this
  std::chrono::steady_clock::time_point keep_until;   // kept for stale-if-error until this
};

// Entries and bytes held per tier, and how many were evicted to make room.
struct LruUsage {
  std::array<std::uint64_t, kTierCount> entries{};
  std::array<std::uint64_t, kTierCount> bytes{};
  std::uint64_t evictions = 0;
};

// The L1 cache: an LRU bounded by the bytes its entries are charged, split into shards by key
// hash, each with its own lock and an equal share of the capacity (leveldb's ShardedLRUCache),
// so concurrent calls rarely wait on one another. A lookup hands out the stored entry itself
// (shared, immutable): a hit copies nothing. An evicted entry lives on until its last reader
// lets go. Thread-safe.
class LruCache {
 public:
  explicit LruCache(std::size_t capacity_bytes, std::size_t shard_count = 16);
  LruCache(const LruCache&) = delete;
  LruCache& operator=(const LruCache&) = delete;

  // The entry under `key`, made the most recently used; null when there is none or it is past
  // its keep_until at `now` (then it is dropped).
  std::shared_ptr<const CacheEntry> lookup(const std::string& key,
                                           std::chrono::steady_clock::time_point now);
  // Stores `entry` under `key` (replacing), then evicts the shard's least recently used
  // entries until it is within its share. An entry larger than a whole share is not stored.
  void insert(const std::string& key, std::shared_ptr<const CacheEntry> entry);
  // Drops every entry `erase` picks; returns how many.
  std::size_t eraseIf(const std::function<bool(const CacheEntry&)>& erase);

  LruUsage usage() const;
  std::size_t capacityBytes() const { return capacity_; }

 private:
  struct Shard {
    struct Node {
      std::shared_ptr<const CacheEntry> entry;
      std::list<std::string>::iterator position;  // in `recency`
    };
    mutable std::mutex mutex;
    std::list<std::string> recency;               // most recently used first; guarded by mutex
    std::unordered_map<std::string, Node> nodes;  // guarded by mutex
    std::size_t bytes = 0;                        // guarded by mutex
    std::uint64_t evictions = 0;                  // guarded by mutex
  };

  Shard& shardOf(const std::string& key);
  static void remove(Shard& shard, std::unordered_map<std::string, Shard::Node>::iterator node);

  std::size_t capacity_;
  std::size_t shard_capacity_;
  std::vector<std::unique_ptr<Shard>> shards_;
};

}  // namespace nba::cache

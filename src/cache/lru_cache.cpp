#include "cache/lru_cache.h"

#include <algorithm>

#include "cache/cache_key.h"

namespace nba::cache {

LruCache::LruCache(std::size_t capacity_bytes, std::size_t shard_count)
    : capacity_(capacity_bytes),
      shard_capacity_(capacity_bytes / std::max<std::size_t>(shard_count, 1)) {
  shards_.resize(std::max<std::size_t>(shard_count, 1));
  for (auto& shard : shards_) shard = std::make_unique<Shard>();
}

LruCache::Shard& LruCache::shardOf(const std::string& key) {
  return *shards_[stableHash(key) % shards_.size()];
}

void LruCache::remove(Shard& shard, std::unordered_map<std::string, Shard::Node>::iterator node) {
  shard.bytes -= node->second.entry->charge;
  shard.recency.erase(node->second.position);
  shard.nodes.erase(node);
}

std::shared_ptr<const CacheEntry> LruCache::lookup(const std::string& key,
                                                   std::chrono::steady_clock::time_point now) {
  Shard& shard = shardOf(key);
  std::lock_guard lock(shard.mutex);
  const auto node = shard.nodes.find(key);
  if (node == shard.nodes.end()) {
    return nullptr;
  }
  if (now >= node->second.entry->keep_until) {
    remove(shard, node);
    return nullptr;
  }
  shard.recency.splice(shard.recency.begin(), shard.recency, node->second.position);
  return node->second.entry;
}

void LruCache::insert(const std::string& key, std::shared_ptr<const CacheEntry> entry) {
  if (entry == nullptr || entry->charge > shard_capacity_) {
    return;  // it would evict everything else and still not fit
  }
  Shard& shard = shardOf(key);
  std::lock_guard lock(shard.mutex);
  if (const auto old = shard.nodes.find(key); old != shard.nodes.end()) {
    remove(shard, old);
  }
  shard.recency.push_front(key);
  shard.bytes += entry->charge;
  shard.nodes.emplace(key, Shard::Node{std::move(entry), shard.recency.begin()});
  while (shard.bytes > shard_capacity_) {
    remove(shard, shard.nodes.find(shard.recency.back()));
    ++shard.evictions;
  }
}

std::size_t LruCache::eraseIf(const std::function<bool(const CacheEntry&)>& erase) {
  std::size_t erased = 0;
  for (auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    for (auto node = shard->nodes.begin(); node != shard->nodes.end();) {
      const auto next = std::next(node);
      if (erase(*node->second.entry)) {
        remove(*shard, node);
        ++erased;
      }
      node = next;
    }
  }
  return erased;
}

LruUsage LruCache::usage() const {
  LruUsage usage;
  for (const auto& shard : shards_) {
    std::lock_guard lock(shard->mutex);
    for (const auto& [key, node] : shard->nodes) {
      const auto tier = static_cast<std::size_t>(node.entry->tier);
      ++usage.entries[tier];
      usage.bytes[tier] += node.entry->charge;
    }
    usage.evictions += shard->evictions;
  }
  return usage;
}

}  // namespace nba::cache

#include "cache/redis_store.h"

#include <algorithm>
#include <random>

#include "cache/byte_codec.h"
#include "cache/cache_key.h"

namespace nba::cache {
namespace {

// The envelope's first field: a stored value of another layout is a miss, never misread.
constexpr std::string_view kEnvelope = "nba_mcp.redis.1";
constexpr std::string_view kLockSuffix = ":lock";

std::string envelopeOf(const StoredEntry& entry) {
  ByteWriter out;
  out.text(kEnvelope);
  out.text(entry.kind);
  out.text(entry.params);
  out.unsignedNumber(static_cast<std::uint64_t>(entry.tier));
  out.signedNumber(entry.created_at);
  out.signedNumber(entry.fresh_until);
  out.signedNumber(entry.stale_until);
  out.signedNumber(entry.keep_until);
  out.text(entry.value);
  return out.take();
}

std::optional<StoredEntry> entryOf(std::string key, std::string_view envelope) {
  ByteReader in(envelope);
  if (in.text() != kEnvelope) return std::nullopt;
  StoredEntry entry;
  entry.key = std::move(key);
  entry.kind = in.text();
  entry.params = in.text();
  const std::uint64_t tier = in.unsignedNumber();
  entry.created_at = in.signedNumber();
  entry.fresh_until = in.signedNumber();
  entry.stale_until = in.signedNumber();
  entry.keep_until = in.signedNumber();
  entry.value = in.text();
  if (!in.ok() || !in.atEnd() || tier >= kTierCount) return std::nullopt;
  entry.tier = static_cast<TtlTier>(tier);
  return entry;
}

std::string newToken() {
  thread_local std::mt19937_64 random{std::random_device{}()};
  return std::to_string(random()) + "-" + std::to_string(random());
}

bool endsWith(std::string_view text, std::string_view tail) {
  return text.size() >= tail.size() && text.substr(text.size() - tail.size()) == tail;
}

// Deletes the lock only while it holds the caller's token.
constexpr std::string_view kUnlockScript =
    "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end "
    "return 0";

}  // namespace

std::string lockKeyOf(std::string_view key) { return std::string(key) + std::string(kLockSuffix); }

std::optional<StoredEntry> RedisStore::get(const std::string& key) const {
  auto reply = client_.run({"GET", key});
  if (!reply.ok()) {
    errors_++;
    return std::nullopt;
  }
  auto entry = reply->isNil() ? std::nullopt : entryOf(key, reply->text);
  (entry ? hits_ : misses_)++;
  return entry;
}

void RedisStore::put(const StoredEntry& entry, std::int64_t now_ms) const {
  const std::int64_t keep_ms = entry.keep_until - now_ms;
  if (keep_ms <= 0 || entry.value.empty()) return;
  const std::string envelope = envelopeOf(entry);
  const std::string expiry = std::to_string(keep_ms);
  if (client_.run({"SET", entry.key, envelope, "PX", expiry}).ok()) {
    writes_++;
  } else {
    errors_++;
  }
}

RedisStore::Lock RedisStore::lock(const std::string& key, std::chrono::milliseconds ttl) const {
  Lock lock;
  lock.token = newToken();
  const std::string expiry = std::to_string(std::max<long long>(1, ttl.count()));
  auto reply = client_.run({"SET", lockKeyOf(key), lock.token, "NX", "PX", expiry});
  if (!reply.ok()) {
    errors_++;
    lock.token.clear();
    return lock;
  }
  lock.state = reply->isNil() ? LockState::kHeldElsewhere : LockState::kTaken;
  if (lock.state != LockState::kTaken) lock.token.clear();
  return lock;
}

void RedisStore::unlock(const std::string& key, const std::string& token) const {
  if (!client_.run({"EVAL", kUnlockScript, "1", lockKeyOf(key), token}).ok()) {
    errors_++;  // the lock then expires by itself
  }
}

bool RedisStore::locked(const std::string& key) const {
  auto reply = client_.run({"EXISTS", lockKeyOf(key)});
  return reply.ok() && reply->integer > 0;
}

void RedisStore::countLockWait(bool gave_up) const {
  lock_waits_++;
  if (gave_up) lock_timeouts_++;
}

std::size_t RedisStore::invalidate(std::string_view kind, std::string_view params_part) const {
  const std::string pattern = "nba_mcp:" + std::string(kFormat) + ":" +
                              (kind.empty() ? std::string() : std::string(kind) + ":") + "*";
  std::size_t removed = 0;
  std::string cursor = "0";
  do {
    auto page = client_.run({"SCAN", cursor, "MATCH", pattern, "COUNT", "500"});
    if (!page.ok() || page->elements.size() != 2) {
      errors_++;
      return removed;
    }
    cursor = page->elements[0].text;
    for (const RedisReply& name : page->elements[1].elements) {
      if (endsWith(name.text, kLockSuffix)) continue;
      if (!params_part.empty()) {
        auto value = client_.run({"GET", name.text});
        if (!value.ok() || value->isNil()) continue;
        const auto entry = entryOf(name.text, value->text);
        if (entry && entry->params.find(params_part) == std::string::npos) continue;
      }
      auto gone = client_.run({"UNLINK", name.text});
      if (gone.ok()) removed += static_cast<std::size_t>(gone->integer);
    }
  } while (cursor != "0");
  return removed;
}

SharedTierStats RedisStore::stats() const {
  SharedTierStats stats;
  stats.redis = client_.stats();
  stats.hits = hits_;
  stats.misses = misses_;
  stats.writes = writes_;
  stats.errors = errors_;
  stats.lock_waits = lock_waits_;
  stats.lock_timeouts = lock_timeouts_;
  return stats;
}

}  // namespace nba::cache

#include "origin/cached/caching_data_source.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "cache/cache_key.h"
#include "cache/compression.h"
#include "cache/lru_cache.h"
#include "core/calendar_date.h"
#include "domain/season_resolver.h"
#include "origin/cached/cache_age.h"
#include "origin/cached/row_codec.h"
#include "origin/request_filters.h"

namespace nba {
namespace {

using cache::CacheEntry;
using cache::CacheKey;
using cache::cacheKey;
using cache::TtlTier;
using std::chrono::steady_clock;

// 8 shards: a share of 8 MiB of the default 64 fits the largest table a tool asks for.
constexpr std::size_t kShards = 8;
// What a row's strings hold beyond sizeof(Row), on average: names, ids, dates.
constexpr std::size_t kStringAllowance = 48;
// How often a caller waiting on another call's origin request looks at its own cancellation.
constexpr auto kWaitSlice = std::chrono::milliseconds(20);
// How often a miss waiting on another process's request looks in Redis for its value.
constexpr auto kSharedPoll = std::chrono::milliseconds(5);

template <typename Row>
std::size_t chargeOf(const Table<Row>& table) {
  return sizeof(Table<Row>) + table.rows.size() * (sizeof(Row) + sizeof(void*) + kStringAllowance);
}
std::size_t chargeOf(const Player&) { return sizeof(Player) + kStringAllowance; }

template <typename Row>
void markServed(Table<Row>& table, CacheState state, std::chrono::milliseconds fresh_for) {
  table.meta.cache = state;
  table.meta.fresh_for = fresh_for;
}
void markServed(Player&, CacheState, std::chrono::milliseconds) {}

// An entry's fresh and stale-while-revalidate windows, each `stretch` times its stored length
// (the daily NBA.com quota nearly used up keeps what is cached longer).
struct Windows {
  steady_clock::time_point fresh_until;
  steady_clock::time_point stale_until;
};
Windows windowsOf(const CacheEntry& entry, int stretch) {
  if (stretch <= 1) return {entry.fresh_until, entry.stale_until};
  const auto fresh_until = entry.stored_at + (entry.fresh_until - entry.stored_at) * stretch;
  return {fresh_until, fresh_until + (entry.stale_until - entry.fresh_until) * stretch};
}

// What is left of an entry's freshness at `now`; zero once stale.
std::chrono::milliseconds freshLeft(steady_clock::time_point fresh_until,
                                    steady_clock::time_point now) {
  return now >= fresh_until
             ? std::chrono::milliseconds(0)
             : std::chrono::duration_cast<std::chrono::milliseconds>(fresh_until - now);
}

template <typename Row>
void addNote(Table<Row>& table, std::string note) {
  table.meta.notes.push_back(std::move(note));
}
void addNote(Player&, const std::string&) {}

// The origin could not answer now, so an older answer beats none (stale-if-error). Not for
// answers about the request itself (not found, invalid) or a caller who is gone.
bool originFailed(const Status& status) {
  switch (status.code()) {
    case StatusCode::kUnavailable:
    case StatusCode::kDeadlineExceeded:
    case StatusCode::kDataLoss:
    case StatusCode::kResourceExhausted:
    case StatusCode::kInternal:
      return true;
    default:
      return false;
  }
}

std::int64_t wallMs(std::chrono::system_clock::time_point time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}

// A stored value back as rows. Each thread inflates into one buffer it keeps (up to a bound,
// so one huge value does not stay resident), not a fresh one per hit.
template <typename Value>
std::optional<Value> unpackAndDecode(std::string_view stored) {
  constexpr std::size_t kKeptScratch = std::size_t{4} << 20;
  thread_local std::string scratch;
  const auto raw = cache::unpackValue(stored, scratch);
  std::optional<Value> value = raw ? cached::decode<Value>(*raw) : std::nullopt;
  if (scratch.capacity() > kKeptScratch) std::string().swap(scratch);
  return value;
}

bool callerGaveUp(const Status& status) {
  return status.code() == StatusCode::kCancelled || status.code() == StatusCode::kDeadlineExceeded;
}

std::string seasonParam(Season season) { return season.label(); }
std::string typeParam(SeasonType type) {
  return type == SeasonType::kPlayoffs ? "Playoffs" : "Regular Season";
}

}  // namespace

const std::vector<std::string_view>& cachedKinds() {
  static const std::vector<std::string_view> kKinds = {
      "teams",         "players",           "player",          "player_season_stats",
      "player_career", "team_season_stats", "games",           "standings",
      "awards",        "player_awards",     "scoreboard",      "upcoming_games",
      "box_score",     "player_game_log",   "season_game_logs"};
  return kKinds;
}

std::uint64_t CacheStats::upstreamCallsAvoided() const {
  std::uint64_t avoided = joined;
  for (const Tier& tier : tiers) avoided += tier.hits + tier.stale;
  return avoided;
}

double CacheStats::hitRatio() const {
  std::uint64_t served = 0;
  std::uint64_t lookups = 0;
  for (const Tier& tier : tiers) {
    served += tier.hits + tier.stale;
    lookups += tier.hits + tier.stale + tier.misses;
  }
  return lookups == 0 ? 0.0 : static_cast<double>(served) / static_cast<double>(lookups);
}

// The cache itself: lookups, single-flight misses, background refreshes and counters.
class CachingDataSource::Core {
 public:
  template <typename Value>
  using Loader = std::function<Result<Value>(const CallContext&)>;

  Core(const DataSource& origin, const Clock& clock, const CacheOptions& options)
      : origin(origin), clock(clock), options(options), lru(options.capacity_bytes, kShards) {
    if (!this->options.db_path.empty()) {
      l2 = std::make_unique<cache::SqliteStore>(this->options.db_path, this->options.store);
    }
    refresher_ = std::thread([this] { refreshLoop(); });
    if (l2) {
      // Expired entries go at start, behind: opening the server never waits on the disk.
      std::lock_guard lock(refresh_mutex_);
      refresh_queue_.push_back([this] { l2->dropExpired(wallMs(this->clock.wallNow())); });
    }
  }

  ~Core() {
    {
      std::lock_guard lock(refresh_mutex_);
      stopping_ = true;
    }
    refresh_signal_.notify_all();
    refresher_.join();
  }

  // The value under `key`: fresh, stale (refreshed behind), or from the origin.
  template <typename Value>
  Result<Value> serve(const CallContext& context, const CacheKey& key, TtlTier tier,
                      Loader<Value> load) {
    ScopedSpan span(context.span(), "cache_lookup");
    span.set("cache.kind", key.kind);
    span.set("cache.tier", std::string(tierName(tier)));
    const auto now = context.clock().monotonicNow();
    std::shared_ptr<const CacheEntry> kept = lru.lookup(key.text, now);
    if (kept == nullptr && options.shared != nullptr) {
      kept = fromShared<Value>(context, key);
    }
    if (kept == nullptr && l2) {
      kept = fromStore<Value>(context, key);
    }
    const Windows windows = kept ? windowsOf(*kept, ttlStretch()) : Windows{};
    if (kept && now < windows.fresh_until) {
      count(tier).hits++;
      span.set("cache.result", std::string("hit"));
      return served<Value>(*kept, CacheState::kHit, freshLeft(windows.fresh_until, now));
    }
    if (kept && now < windows.stale_until) {
      count(tier).stale++;
      span.set("cache.result", std::string("stale"));
      scheduleRefresh<Value>(key, tier, load);
      return served<Value>(*kept, CacheState::kStale, std::chrono::milliseconds(0));
    }
    span.set("cache.result", std::string("miss"));
    auto fetched = fetchOnce<Value>(context.within(span), key, tier, load);
    if (fetched.ok()) {
      const CacheEntry& entry = *fetched.value();
      return served<Value>(entry, CacheState::kMiss,
                           freshLeft(windowsOf(entry, ttlStretch()).fresh_until, now));
    }
    span.setError(fetched.status().message());
    if (kept && originFailed(fetched.status())) {
      span.set("cache.result", std::string("stale"));
      count(tier).stale++;
      stale_on_error_++;
      Value value = served<Value>(*kept, CacheState::kStale, std::chrono::milliseconds(0));
      addNote(value, "NBA.com could not answer (" + fetched.status().message() +
                         "); these figures were cached " + ageText(now - kept->stored_at) +
                         " ago.");
      return value;
    }
    return fetched.status();
  }

  CacheStats stats() const {
    CacheStats stats;
    const cache::LruUsage usage = lru.usage();
    for (std::size_t i = 0; i < cache::kTierCount; ++i) {
      stats.tiers[i].hits = counters_[i].hits;
      stats.tiers[i].stale = counters_[i].stale;
      stats.tiers[i].misses = counters_[i].misses;
      stats.tiers[i].entries = usage.entries[i];
      stats.tiers[i].bytes = usage.bytes[i];
    }
    stats.joined = joined_;
    stats.refreshes = refreshes_;
    stats.stale_on_error = stale_on_error_;
    stats.evictions = usage.evictions;
    stats.capacity_bytes = lru.capacityBytes();
    stats.l2_hits = l2_hits_;
    stats.l2_dropped = l2_dropped_;
    if (l2) stats.l2 = l2->stats();
    if (options.shared != nullptr) stats.shared = options.shared->stats();
    return stats;
  }

  TtlTier seasonTier(const CallContext& context, Season season) const {
    return season.start_year < seasonAt(context.clock().wallNow()).start_year ? TtlTier::kHistorical
                                                                              : TtlTier::kDaily;
  }

  const DataSource& origin;
  const Clock& clock;
  const CacheOptions options;
  mutable cache::LruCache lru;
  std::unique_ptr<cache::SqliteStore> l2;  // the SQLite file; null without one

 private:
  struct Counters {
    std::atomic<std::uint64_t> hits{0};
    std::atomic<std::uint64_t> stale{0};
    std::atomic<std::uint64_t> misses{0};
  };

  // One origin request in progress, which concurrent misses of its key wait on.
  struct Flight {
    std::mutex mutex;
    std::condition_variable done_signal;
    bool done = false;                         // guarded by mutex
    std::shared_ptr<const CacheEntry> stored;  // guarded by mutex; set on success
    Status status;                             // guarded by mutex; the failure otherwise
  };

  Counters& count(TtlTier tier) { return counters_[static_cast<std::size_t>(tier)]; }

  int ttlStretch() const { return options.ttl_stretch ? std::max(1, options.ttl_stretch()) : 1; }

  template <typename Value>
  static Value served(const CacheEntry& entry, CacheState state,
                      std::chrono::milliseconds fresh_left) {
    Value value = *std::static_pointer_cast<const Value>(entry.value);
    markServed(value, state, fresh_left);
    return value;
  }

  template <typename Value>
  std::shared_ptr<const CacheEntry> store(const CacheKey& key, TtlTier tier, Value value) {
    auto entry = std::make_shared<CacheEntry>();
    entry->charge = chargeOf(value) + key.text.size() + key.params.size();
    entry->value = std::make_shared<const Value>(std::move(value));
    entry->tier = tier;
    entry->kind = key.kind;
    entry->params = key.params;
    entry->stored_at = clock.monotonicNow();
    const auto fresh_for = options.ttl.freshFor(tier);
    entry->fresh_until = entry->stored_at + fresh_for;
    entry->stale_until = entry->fresh_until + fresh_for;
    entry->keep_until = entry->stored_at + std::max(options.ttl.max_stale, 2 * fresh_for);
    lru.insert(key.text, entry);
    if (options.version != nullptr) options.version->bump();
    const auto wall_now = clock.wallNow();
    if (l2 || options.shared != nullptr) {
      cache::StoredEntry row = rowOf(key, *entry, wall_now);
      if (options.shared != nullptr) {
        // Written now, not behind: another process waiting on this key's lock reads it next.
        row.value = cache::packValue(cached::encode(value_of<Value>(*entry)));
        options.shared->put(row, wallMs(wall_now));
      }
      if (l2) writeBehind<Value>(std::move(row), entry);
    }
    return entry;
  }

  template <typename Value>
  static const Value& value_of(const CacheEntry& entry) {
    return *std::static_pointer_cast<const Value>(entry.value);
  }

  // `entry` as a stored row (its monotonic times moved onto wall-clock time), without a value.
  static cache::StoredEntry rowOf(const CacheKey& key, const CacheEntry& entry,
                                  std::chrono::system_clock::time_point wall_now) {
    cache::StoredEntry row;
    row.key = key.text;
    row.kind = key.kind;
    row.params = key.params;
    row.tier = entry.tier;
    const std::int64_t now_ms = wallMs(wall_now);
    const auto in = [&](steady_clock::time_point until) {
      return now_ms +
             std::chrono::duration_cast<std::chrono::milliseconds>(until - entry.stored_at).count();
    };
    row.created_at = now_ms;
    row.fresh_until = in(entry.fresh_until);
    row.stale_until = in(entry.stale_until);
    row.keep_until = in(entry.keep_until);
    return row;
  }

  // Queues `row` for the SQLite file; the value is encoded and packed on the writer thread
  // (or reused, when the shared tier packed it already).
  template <typename Value>
  void writeBehind(cache::StoredEntry row, const std::shared_ptr<const CacheEntry>& entry) {
    if (!row.value.empty()) {
      std::string packed = std::move(row.value);
      row.value.clear();
      l2->put(std::move(row), [packed = std::move(packed)] { return packed; });
      return;
    }
    auto value = std::static_pointer_cast<const Value>(entry->value);
    l2->put(std::move(row), [value] { return cache::packValue(cached::encode(*value)); });
  }

  // The L2 entry under `key` as an L1 entry (its wall-clock times moved onto the monotonic
  // clock), stored in L1; null when there is none, it has expired, or it does not decode.
  template <typename Value>
  std::shared_ptr<const CacheEntry> fromStore(const CallContext& context, const CacheKey& key) {
    const auto row = l2->get(key.text);
    if (!row) {
      return nullptr;
    }
    auto entry = fromRow<Value>(context, key, *row);
    if (entry == nullptr && wallMs(context.clock().wallNow()) < row->keep_until) {
      l2_dropped_++;
      l2->erase(key.text);
    } else if (entry != nullptr) {
      l2_hits_++;
    }
    return entry;
  }

  // The shared tier's entry under `key`, as fromStore() does it. One that does not decode is
  // left to expire: another process may still read it.
  template <typename Value>
  std::shared_ptr<const CacheEntry> fromShared(const CallContext& context, const CacheKey& key) {
    const auto row = options.shared->get(key.text);
    return row ? fromRow<Value>(context, key, *row) : nullptr;
  }

  template <typename Value>
  std::shared_ptr<const CacheEntry> fromRow(const CallContext& context, const CacheKey& key,
                                            const cache::StoredEntry& row) {
    const std::int64_t wall_now = wallMs(context.clock().wallNow());
    if (wall_now >= row.keep_until) {
      return nullptr;
    }
    std::optional<Value> value = unpackAndDecode<Value>(row.value);
    if (!value) {
      return nullptr;
    }
    const auto mono_now = context.clock().monotonicNow();
    const auto at = [&](std::int64_t wall_ms) {
      return mono_now + std::chrono::milliseconds(wall_ms - wall_now);
    };
    auto entry = std::make_shared<CacheEntry>();
    entry->charge = chargeOf(*value) + key.text.size() + key.params.size();
    entry->value = std::make_shared<const Value>(std::move(*value));
    entry->tier = row.tier;
    entry->kind = key.kind;
    entry->params = key.params;
    entry->stored_at = at(row.created_at);
    entry->fresh_until = at(row.fresh_until);
    entry->stale_until = at(row.stale_until);
    entry->keep_until = at(row.keep_until);
    lru.insert(key.text, entry);
    return entry;
  }

  // Asks the origin once for `key` however many calls miss it at the same time.
  template <typename Value>
  Result<std::shared_ptr<const CacheEntry>> fetchOnce(const CallContext& context,
                                                      const CacheKey& key, TtlTier tier,
                                                      const Loader<Value>& load) {
    while (true) {
      std::shared_ptr<Flight> flight;
      bool leader = false;
      {
        std::lock_guard lock(flights_mutex_);
        std::shared_ptr<Flight>& slot = flights_[key.text];
        if (slot == nullptr) {
          slot = std::make_shared<Flight>();
          leader = true;
        }
        flight = slot;
      }
      if (leader) {
        count(tier).misses++;
        return lead<Value>(context, key, tier, load, *flight);
      }
      joined_++;
      std::unique_lock lock(flight->mutex);
      while (!flight->done) {
        if (Status alive = context.checkAlive("the NBA.com request"); !alive.isOk()) {
          return alive;
        }
        flight->done_signal.wait_for(lock, kWaitSlice);
      }
      if (flight->stored) {
        return flight->stored;
      }
      if (!callerGaveUp(flight->status) || !context.checkAlive("").isOk()) {
        return flight->status;
      }
      // The call that asked gave up (its own cancel or deadline), not the origin: ask again.
    }
  }

  template <typename Value>
  Result<std::shared_ptr<const CacheEntry>> lead(const CallContext& context, const CacheKey& key,
                                                 TtlTier tier, const Loader<Value>& load,
                                                 Flight& flight) {
    std::shared_ptr<const CacheEntry> stored;
    Status status;
    auto other = awaitOtherProcess<Value>(context, key);
    if (!other.ok()) {
      status = other.status();
    } else if (other->entry != nullptr) {
      stored = other->entry;
      joined_++;
    } else {
      Result<Value> loaded = load(context);
      if (loaded.ok()) {
        stored = store<Value>(key, tier, std::move(loaded).value());
      } else {
        status = loaded.status();
      }
      if (!other->token.empty()) options.shared->unlock(key.text, other->token);
    }
    {
      std::lock_guard lock(flights_mutex_);
      flights_.erase(key.text);
    }
    {
      std::lock_guard lock(flight.mutex);
      flight.done = true;
      flight.stored = stored;
      flight.status = status;
    }
    flight.done_signal.notify_all();
    if (stored == nullptr) {
      return status;
    }
    return stored;
  }

  // What another process's request for a key left this one: its value, or the key's lock
  // to fetch it under (an empty token: fetch without one).
  struct OtherProcess {
    std::shared_ptr<const CacheEntry> entry;
    std::string token;
  };

  // With the shared tier, takes the key's lock in Redis; while another process holds it,
  // waits for its value. Gives up waiting when the lock is gone without a value (the holder
  // failed; the lock is tried again) or after one lock's length (the holder died or is slow),
  // and fetches by itself. Redis failing means fetching by itself at once.
  template <typename Value>
  Result<OtherProcess> awaitOtherProcess(const CallContext& context, const CacheKey& key) {
    if (options.shared == nullptr) return OtherProcess{};
    const auto give_up_at = context.clock().monotonicNow() + options.shared_lock;
    while (true) {
      auto lock = options.shared->lock(key.text, options.shared_lock);
      if (lock.state == cache::RedisStore::LockState::kTaken) {
        // Another process may have stored it and let go between our lookup and the lock.
        if (auto entry = fromShared<Value>(context, key)) {
          options.shared->unlock(key.text, lock.token);
          return OtherProcess{std::move(entry), {}};
        }
      }
      if (lock.state != cache::RedisStore::LockState::kHeldElsewhere) {
        return OtherProcess{nullptr, std::move(lock.token)};
      }
      while (options.shared->locked(key.text)) {
        if (Status alive = context.checkAlive("the NBA.com request"); !alive.isOk()) {
          return alive;
        }
        if (context.clock().monotonicNow() >= give_up_at) {
          options.shared->countLockWait(true);
          return OtherProcess{};
        }
        std::this_thread::sleep_for(kSharedPoll);
      }
      if (auto entry = fromShared<Value>(context, key)) {
        options.shared->countLockWait(false);
        return OtherProcess{std::move(entry), {}};
      }
      // The lock went without a value: its holder failed or died. Counted as a wait given up
      // on; the lock is tried again (once it is ours, this process asks).
      options.shared->countLockWait(true);
      if (context.clock().monotonicNow() >= give_up_at) {
        return OtherProcess{};
      }
    }
  }

  // Queues one background refresh of `key` unless one is queued or running.
  template <typename Value>
  void scheduleRefresh(const CacheKey& key, TtlTier tier, Loader<Value> load) {
    std::lock_guard lock(refresh_mutex_);
    if (stopping_ || !refreshing_.insert(key.text).second) {
      return;
    }
    refresh_queue_.push_back([this, key, tier, load = std::move(load)] {
      const CallContext background(clock, Caller::kBackground);
      (void)fetchOnce<Value>(background, key, tier, load);  // a failure keeps the stale entry
      refreshes_++;
      std::lock_guard done(refresh_mutex_);
      refreshing_.erase(key.text);
    });
    refresh_signal_.notify_one();
  }

  void refreshLoop() {
    std::unique_lock lock(refresh_mutex_);
    while (true) {
      refresh_signal_.wait(lock, [this] { return stopping_ || !refresh_queue_.empty(); });
      if (stopping_) {
        return;
      }
      auto task = std::move(refresh_queue_.front());
      refresh_queue_.pop_front();
      lock.unlock();
      task();
      lock.lock();
    }
  }

  std::array<Counters, cache::kTierCount> counters_;
  std::atomic<std::uint64_t> joined_{0};
  std::atomic<std::uint64_t> refreshes_{0};
  std::atomic<std::uint64_t> stale_on_error_{0};
  std::atomic<std::uint64_t> l2_hits_{0};
  std::atomic<std::uint64_t> l2_dropped_{0};

  std::mutex flights_mutex_;
  std::unordered_map<std::string, std::shared_ptr<Flight>> flights_;  // guarded by flights_mutex_

  std::mutex refresh_mutex_;
  std::condition_variable refresh_signal_;           // with refresh_mutex_
  std::deque<std::function<void()>> refresh_queue_;  // guarded by refresh_mutex_
  std::unordered_set<std::string> refreshing_;       // guarded by refresh_mutex_: queued/running
  bool stopping_ = false;                            // guarded by refresh_mutex_
  std::thread refresher_;
};

CachingDataSource::CachingDataSource(const DataSource& origin, const Clock& clock,
                                     const CacheOptions& options)
    : core_(std::make_unique<Core>(origin, clock, options)) {}

CachingDataSource::~CachingDataSource() = default;

CacheStats CachingDataSource::stats() const { return core_->stats(); }

const CacheOptions& CachingDataSource::options() const { return core_->options; }

std::size_t CachingDataSource::invalidate(std::string_view kind,
                                          std::string_view params_part) const {
  const std::size_t in_memory = core_->lru.eraseIf([&](const CacheEntry& entry) {
    return (kind.empty() || entry.kind == kind) &&
           entry.params.find(params_part) != std::string::npos;
  });
  const std::size_t on_disk = core_->l2 ? core_->l2->invalidate(kind, params_part) : 0;
  const std::size_t shared =
      core_->options.shared != nullptr ? core_->options.shared->invalidate(kind, params_part) : 0;
  if (core_->options.version != nullptr) core_->options.version->bump();
  return std::max({in_memory, on_disk, shared});
}

Result<std::vector<SeasonCoverage>> CachingDataSource::seasons(const CallContext& context) const {
  return core_->origin.seasons(context);
}

Result<Table<Team>> CachingDataSource::teams(const CallContext& context) const {
  return core_->serve<Table<Team>>(
      context, cacheKey("teams", {}), TtlTier::kStatic,
      [this](const CallContext& call) { return core_->origin.teams(call); });
}

Result<Table<Player>> CachingDataSource::players(const CallContext& context) const {
  return core_->serve<Table<Player>>(
      context, cacheKey("players", {}), TtlTier::kStatic,
      [this](const CallContext& call) { return core_->origin.players(call); });
}

Result<Player> CachingDataSource::player(const CallContext& context,
                                         const std::string& player_id) const {
  return core_->serve<Player>(
      context, cacheKey("player", {{"player_id", player_id}}), TtlTier::kStatic,
      [this, player_id](const CallContext& call) -> Result<Player> {
        // From the cached index, not the origin's own: with the shared tier, the index one
        // process fetched serves every id in every process.
        auto index = players(call);
        if (!index.ok()) {
          return index.status();
        }
        for (const Player& player : index->rows) {
          if (player.player_id == player_id) return player;
        }
        return notFound("no player with id '" + player_id + "' in " + index->meta.origin);
      });
}

Result<Table<PlayerSeasonLine>> CachingDataSource::playerSeasonStats(
    const CallContext& context, const PlayerSeasonStatsRequest& request) const {
  PlayerSeasonStatsRequest whole;
  whole.season = request.season;
  whole.season_type = request.season_type;
  auto table = core_->serve<Table<PlayerSeasonLine>>(
      context,
      cacheKey("player_season_stats", {{"season", seasonParam(whole.season)},
                                       {"season_type", typeParam(whole.season_type)}}),
      core_->seasonTier(context, request.season), [this, whole](const CallContext& call) {
        return core_->origin.playerSeasonStats(call, whole);
      });
  if (table.ok()) {
    table->rows.dropIf([&](const PlayerSeasonLine& line) { return !requestKeeps(request, line); });
  }
  return table;
}

Result<Table<PlayerSeasonLine>> CachingDataSource::playerCareer(
    const CallContext& context, const std::string& player_id) const {
  return core_->serve<Table<PlayerSeasonLine>>(
      context, cacheKey("player_career", {{"player_id", player_id}}), TtlTier::kDaily,
      [this, player_id](const CallContext& call) {
        return core_->origin.playerCareer(call, player_id);
      });
}

Result<Table<TeamSeasonLine>> CachingDataSource::teamSeasonStats(const CallContext& context,
                                                                 Season season,
                                                                 SeasonType season_type) const {
  return core_->serve<Table<TeamSeasonLine>>(
      context,
      cacheKey("team_season_stats",
               {{"season", seasonParam(season)}, {"season_type", typeParam(season_type)}}),
      core_->seasonTier(context, season), [this, season, season_type](const CallContext& call) {
        return core_->origin.teamSeasonStats(call, season, season_type);
      });
}

Result<Table<Game>> CachingDataSource::games(const CallContext& context,
                                             const GamesRequest& request) const {
  GamesRequest whole;
  whole.season = request.season;
  whole.season_type = request.season_type;
  auto table = core_->serve<Table<Game>>(
      context,
      cacheKey("games", {{"season", seasonParam(whole.season)},
                         {"season_type", typeParam(whole.season_type)}}),
      core_->seasonTier(context, request.season),
      [this, whole](const CallContext& call) { return core_->origin.games(call, whole); });
  if (table.ok()) {
    table->rows.dropIf([&](const Game& game) { return !requestKeeps(request, game); });
  }
  return table;
}

Result<Table<StandingRow>> CachingDataSource::standings(const CallContext& context,
                                                        Season season) const {
  return core_->serve<Table<StandingRow>>(
      context, cacheKey("standings", {{"season", seasonParam(season)}}),
      core_->seasonTier(context, season),
      [this, season](const CallContext& call) { return core_->origin.standings(call, season); });
}

Result<Table<AwardEntry>> CachingDataSource::awards(const CallContext& context,
                                                    std::optional<Season> season) const {
  return core_->serve<Table<AwardEntry>>(
      context, cacheKey("awards", {{"season", season ? seasonParam(*season) : "all"}}),
      season ? core_->seasonTier(context, *season) : TtlTier::kDaily,
      [this, season](const CallContext& call) { return core_->origin.awards(call, season); });
}

Result<Table<AwardEntry>> CachingDataSource::playerAwards(const CallContext& context,
                                                          const std::string& player_id) const {
  return core_->serve<Table<AwardEntry>>(
      context, cacheKey("player_awards", {{"player_id", player_id}}), TtlTier::kDaily,
      [this, player_id](const CallContext& call) {
        return core_->origin.playerAwards(call, player_id);
      });
}

Result<Table<ScoreboardGame>> CachingDataSource::scoreboard(
    const CallContext& context, const ScoreboardRequest& request) const {
  const std::string today = easternCalendarDate(context.clock().wallNow());
  const TtlTier tier = request.date < today    ? TtlTier::kHistorical
                       : request.date == today ? TtlTier::kLive
                                               : TtlTier::kDaily;
  return core_->serve<Table<ScoreboardGame>>(
      context,
      cacheKey("scoreboard", {{"date", request.date}, {"season", seasonParam(request.season)}}),
      tier,
      [this, request](const CallContext& call) { return core_->origin.scoreboard(call, request); });
}

Result<Table<ScoreboardGame>> CachingDataSource::upcomingGames(
    const CallContext& context, const UpcomingGamesRequest& request) const {
  UpcomingGamesRequest whole;
  whole.season = request.season;
  auto table = core_->serve<Table<ScoreboardGame>>(
      context, cacheKey("upcoming_games", {{"season", seasonParam(whole.season)}}), TtlTier::kLive,
      [this, whole](const CallContext& call) { return core_->origin.upcomingGames(call, whole); });
  if (table.ok()) {
    table->rows.dropIf([&](const ScoreboardGame& game) { return !requestKeeps(request, game); });
  }
  return table;
}

Result<Table<BoxScorePlayer>> CachingDataSource::boxScore(const CallContext& context,
                                                          const BoxScoreRequest& request) const {
  // This season's game may still be in progress: kept 30 s. A past season's is final.
  const TtlTier tier = core_->seasonTier(context, request.season) == TtlTier::kHistorical
                           ? TtlTier::kHistorical
                           : TtlTier::kLive;
  return core_->serve<Table<BoxScorePlayer>>(
      context,
      cacheKey("box_score",
               {{"game_id", request.game_id}, {"season", seasonParam(request.season)}}),
      tier,
      [this, request](const CallContext& call) { return core_->origin.boxScore(call, request); });
}

Result<Table<GameLogRow>> CachingDataSource::playerGameLog(const CallContext& context,
                                                           const std::string& player_id,
                                                           Season season) const {
  return core_->serve<Table<GameLogRow>>(
      context,
      cacheKey("player_game_log", {{"player_id", player_id}, {"season", seasonParam(season)}}),
      core_->seasonTier(context, season), [this, player_id, season](const CallContext& call) {
        return core_->origin.playerGameLog(call, player_id, season);
      });
}

Result<Table<GameLogRow>> CachingDataSource::seasonGameLogs(const CallContext& context,
                                                            Season season) const {
  return core_->serve<Table<GameLogRow>>(
      context, cacheKey("season_game_logs", {{"season", seasonParam(season)}}),
      core_->seasonTier(context, season), [this, season](const CallContext& call) {
        return core_->origin.seasonGameLogs(call, season);
      });
}

}  // namespace nba

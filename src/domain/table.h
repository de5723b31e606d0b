#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/rows.h"
#include "domain/season.h"

namespace nba {

// How much of a season a table covers.
enum class Coverage { kComplete, kPartial };

// How a table was served, as `_meta` "dev.nbamcp/cache" reports it (DESIGN §4): kMiss when it
// came from its source (also when no cache stands in front of it), kHit from a fresh cache
// entry, kStale from an entry past its freshness (stale-while-revalidate, stale-if-error).
enum class CacheState { kMiss, kHit, kStale };

// "complete" | "partial".
std::string_view coverageName(Coverage coverage);

// "miss", "hit", "stale".
const char* cacheStateName(CacheState state);
// The state cacheStateName names; nullopt for any other text.
std::optional<CacheState> cacheStateFromName(std::string_view name);

// The state of an answer built from several tables: stale if any was, a hit only if all
// were, else a miss.
CacheState combineCacheStates(CacheState a, CacheState b);

// Where a table came from and how fresh it is; every DataSource answer carries one.
struct TableMeta {
  std::optional<Season> season;  // empty for season-less tables (teams, players)
  std::string as_of;             // "2025-04-13": last date the figures include
  Coverage coverage = Coverage::kComplete;
  std::string source;  // "snapshot" | "live" | "cache"
  std::string origin;  // the upstream figures: "basketball-reference", "NBA.com ..."
  CacheState cache = CacheState::kMiss;
  // How much longer these figures stay fresh, where a cache knows: its TTL on a miss, the
  // rest of it on a hit, zero when stale. Empty from a source that keeps no freshness (the
  // snapshot's figures never change). Feeds ttlMs on 2026-07-28 resource reads.
  std::optional<std::chrono::milliseconds> fresh_for;
  // What a reader must know about where the figures came from, one sentence each, e.g.
  // "NBA.com unreachable — offline snapshot, 2025-26 as of 2026-02-22." A decorator that
  // changes where an answer comes from adds one; tools show them with their own notes.
  std::vector<std::string> notes;
};

// A typed table: rows plus their provenance. Value type; the rows are read-only and may
// refer into the source's storage (see Rows).
template <typename Row>
struct Table {
  TableMeta meta;
  Rows<Row> rows;
};

}  // namespace nba

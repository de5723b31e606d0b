#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/clock.h"
#include "core/data_version.h"
#include "mcp/tool.h"

namespace nba::app {

// The small memo of final tool results (DESIGN §6), as tools/call middleware: a call with
// the same tool and arguments, on the same US/Eastern day ("this season", "today" and
// "yesterday" are read against it), over the same figures (DataVersion) gets the earlier
// result without running the handler again. Errors are never kept (they may be passing), nor
// are get_server_stats's (they change with every call). Holds the last `capacity` results.
//
// The figures must be versioned for it to be right: under the snapshot they never change;
// under NBA.com the cache bumps the version on every table it stores. Without a cache in
// front of NBA.com, app does not install it.
//
// A kept result also expires after `max_age` (30 s, the live tier): the memo answers before
// the cache is asked, so without it a game in progress would keep the score the memo first
// saw — the cache refreshes a table only when it is asked for it. Thread-safe.
class ToolResultMemo {
 public:
  ToolResultMemo(const Clock& clock, const DataVersion& version, std::size_t capacity = 512,
                 std::chrono::seconds max_age = std::chrono::seconds(30));
  mcp::ToolMiddleware middleware();

  std::uint64_t hits() const;
  std::uint64_t misses() const;

 private:
  struct Slot {
    mcp::ToolResult result;
    std::list<std::string>::iterator position;
    std::chrono::steady_clock::time_point kept_at;
  };
  std::string keyOf(const mcp::ToolCall& call) const;
  bool find(const std::string& key, mcp::ToolResult& out);
  void keep(const std::string& key, const mcp::ToolResult& result);

  const Clock& clock_;
  const DataVersion& version_;
  const std::size_t capacity_;
  const std::chrono::seconds max_age_;
  mutable std::mutex mutex_;
  std::list<std::string> recency_;                 // guarded by mutex_; most recent first
  std::unordered_map<std::string, Slot> results_;  // guarded by mutex_
  std::uint64_t hits_ = 0;                         // guarded by mutex_
  std::uint64_t misses_ = 0;                       // guarded by mutex_
};

}  // namespace nba::app

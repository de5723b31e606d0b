#include "app/tool_result_memo.h"

#include "mcp/json_writer.h"
#include "nba/tools/game_dates.h"

namespace nba::app {

ToolResultMemo::ToolResultMemo(const Clock& clock, const DataVersion& version, std::size_t capacity,
                               std::chrono::seconds max_age)
    : clock_(clock), version_(version), capacity_(capacity), max_age_(max_age) {}

std::string ToolResultMemo::keyOf(const mcp::ToolCall& call) const {
  // nlohmann keeps object keys sorted, so equal arguments are written equally.
  std::string key;
  key.reserve(128);
  key += call.tool.name;
  key += '\n';
  mcp::appendJson(key, call.arguments);
  key += '\n';
  key += tools::easternToday(clock_);
  key += '\n';
  key += std::to_string(version_.current());
  return key;
}

bool ToolResultMemo::find(const std::string& key, mcp::ToolResult& out) {
  std::lock_guard lock(mutex_);
  auto slot = results_.find(key);
  if (slot != results_.end() && clock_.monotonicNow() - slot->second.kept_at >= max_age_) {
    recency_.erase(slot->second.position);
    results_.erase(slot);
    slot = results_.end();
  }
  if (slot == results_.end()) {
    ++misses_;
    return false;
  }
  recency_.splice(recency_.begin(), recency_, slot->second.position);
  ++hits_;
  out = slot->second.result;
  return true;
}

void ToolResultMemo::keep(const std::string& key, const mcp::ToolResult& result) {
  std::lock_guard lock(mutex_);
  if (results_.count(key) != 0) {
    return;  // a concurrent call kept the same answer
  }
  recency_.push_front(key);
  results_.emplace(key, Slot{result, recency_.begin(), clock_.monotonicNow()});
  while (results_.size() > capacity_) {
    results_.erase(recency_.back());
    recency_.pop_back();
  }
}

mcp::ToolMiddleware ToolResultMemo::middleware() {
  return [this](const mcp::ToolCall& call, mcp::ToolContext&,
                const std::function<mcp::ToolResult()>& next) {
    if (call.tool.name == "get_server_stats") {
      return next();
    }
    const std::string key = keyOf(call);
    mcp::ToolResult result;
    if (find(key, result)) {
      return result;
    }
    result = next();
    // Kept only when the figures did not move while it ran: an answer built from tables stored
    // by this very call (or by another at the same time) is asked for again next time, over
    // the figures as they now are.
    if (!result.is_error && keyOf(call) == key) {
      keep(key, result);
    }
    return result;
  };
}

std::uint64_t ToolResultMemo::hits() const {
  std::lock_guard lock(mutex_);
  return hits_;
}

std::uint64_t ToolResultMemo::misses() const {
  std::lock_guard lock(mutex_);
  return misses_;
}

}  // namespace nba::app

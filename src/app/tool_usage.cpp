#include "app/tool_usage.h"

namespace nba::app {

void ToolUsage::countCacheState(const mcp::ToolResult& result, Totals& totals) {
  const auto state = result.meta.find("dev.nbamcp/cache");
  if (state == result.meta.end() || !state->is_string()) {
    return;  // an error, or a tool that reads no data
  }
  const std::string& name = state->get_ref<const std::string&>();
  if (name == "hit") {
    ++totals.cache_hits;
  } else if (name == "stale") {
    ++totals.cache_stale;
  } else {
    ++totals.cache_misses;
  }
}

mcp::ToolMiddleware ToolUsage::middleware() {
  return [this](const mcp::ToolCall& call, mcp::ToolContext& context,
                const std::function<mcp::ToolResult()>& next) {
    auto start = std::chrono::steady_clock::now();
    mcp::ToolResult result = next();
    auto elapsed = std::chrono::steady_clock::now() - start;
    std::lock_guard lock(mutex_);
    Totals& totals = totals_[call.tool.name];
    if (context.caller() == mcp::Caller::kPipeline) {
      ++totals.pipeline_calls;
      totals.pipeline_errors += result.is_error ? 1 : 0;
      return result;
    }
    ++totals.calls;
    totals.errors += result.is_error ? 1 : 0;
    totals.time += elapsed;
    countCacheState(result, totals);
    return result;
  };
}

std::vector<ToolUsageRow> ToolUsage::rows() const {
  std::lock_guard lock(mutex_);
  std::vector<ToolUsageRow> rows;
  for (const auto& [tool, totals] : totals_) {
    double mean_ms = totals.calls == 0
                         ? 0.0
                         : std::chrono::duration<double, std::milli>(totals.time).count() /
                               static_cast<double>(totals.calls);
    rows.push_back({tool, totals.calls, totals.errors, mean_ms, totals.pipeline_calls,
                    totals.pipeline_errors, totals.cache_hits, totals.cache_stale,
                    totals.cache_misses});
  }
  return rows;
}

}  // namespace nba::app

#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.h"
#include "nlq/planner/plan.h"

namespace nba::nlq {

// What one tool call answered, as the executor hands it to the synthesizer.
struct ToolOutcome {
  std::string text;                                      // the tool's markdown (or error)
  nlohmann::json structured = nlohmann::json::object();  // its structuredContent
  bool is_error = false;
};

// Runs a named tool with arguments. The app binds it to McpServer::callTool, so a planned
// call goes through the same validation, middleware (metrics, limits, cache) and handler as
// a tools/call. Must be safe to call from several threads at once.
using ToolCaller = std::function<ToolOutcome(const std::string& tool, const nlohmann::json&)>;

// One planned call with its outcome, in plan order.
struct CallResult {
  PlannedCall call;
  ToolOutcome outcome;
  double elapsed_ms = 0;
};

// Runs a Plan group by group (a group may use the results of earlier ones); the calls of a
// group run in parallel on up to `parallelism` threads (the calling thread included). A call
// that fails, or throws, becomes an is_error outcome and the others go on: partial answers
// beat none. Each call's elapsed_ms is measured on `clock`'s monotonic time; `clock` must
// outlive the Executor.
//
// Thread safety: immutable; run() is const and may run concurrently.
class Executor {
 public:
  Executor(ToolCaller caller, unsigned parallelism, const Clock& clock);

  std::vector<CallResult> run(const Plan& plan) const;

 private:
  void runOne(CallResult* result) const;
  void runGroup(std::vector<CallResult*>& group) const;

  ToolCaller caller_;
  unsigned parallelism_;
  const Clock* clock_;
};

}  // namespace nba::nlq

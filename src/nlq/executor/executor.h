#pragma once

#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/trace_span.h"
#include "nba/tools/tool_answer.h"
#include "nlq/planner/plan.h"

namespace nba::nlq {

// What one tool call answered, as the executor hands it to the synthesizer. The synthesizer
// reads `sections` and `structured`; `text` only for an error's message.
struct ToolOutcome {
  std::string text;                                      // the tool's markdown (or error)
  nlohmann::json structured = nlohmann::json::object();  // its structuredContent
  bool is_error = false;
  // The NBA tool's answer as it wrote it, typed: heading, sentence, body. Null for errors
  // and for a caller that has no NBA tool behind it.
  std::shared_ptr<const tools::AnswerSections> sections = nullptr;
};

// Runs a named tool with arguments. The app binds it to McpServer::callTool on behalf of the
// answer_nba_question call being answered, so a planned call goes through the same
// validation, middleware (metrics, limits, cache) and handler as a tools/call, is counted as
// a pipeline call, and is cancelled with its question. `parent` is the span the call's own
// span hangs under (the execute stage's; null when the question is not traced). Must be safe
// to call from several threads at once.
using ToolCaller = std::function<ToolOutcome(const std::string& tool, const nlohmann::json&,
                                             const SpanPtr& parent)>;

// Starts `task` on another thread at once (app: an idle worker of the server's pool) and
// returns true, or returns false when no thread is free. Never blocks. Must be thread-safe.
using HelperSpawner = std::function<bool(std::function<void()> task)>;

// One planned call with its outcome, in plan order.
struct CallResult {
  PlannedCall call;
  ToolOutcome outcome;
  double elapsed_ms = 0;
};

// Runs a Plan group by group (a group may use the results of earlier ones); the calls of a
// group run in parallel on up to `parallelism` threads: the calling thread, plus helpers
// `spawner` starts on threads that are free (the server's idle workers; no thread is ever
// created per call). Without a spawner, or when none is free, the calling thread runs them
// all. A call that fails, or throws, becomes an is_error outcome and the others go on:
// partial answers beat none. Each call's elapsed_ms is measured on `clock`'s monotonic time;
// `clock` must outlive the Executor.
//
// Thread safety: immutable; run() is const and may run concurrently.
class Executor {
 public:
  Executor(ToolCaller caller, unsigned parallelism, const Clock& clock, HelperSpawner spawner = {});

  // Runs `plan` through the caller given at construction.
  std::vector<CallResult> run(const Plan& plan) const;
  // Runs `plan` through `caller`, e.g. one bound to the call this plan answers; each call's
  // span hangs under `parent`.
  std::vector<CallResult> run(const Plan& plan, const ToolCaller& caller,
                              const SpanPtr& parent = nullptr) const;
  const ToolCaller& caller() const { return caller_; }

 private:
  void runOne(const ToolCaller& caller, const SpanPtr& parent, CallResult* result) const;
  void runGroup(const ToolCaller& caller, const SpanPtr& parent,
                std::vector<CallResult*>& group) const;

  ToolCaller caller_;
  unsigned parallelism_;
  HelperSpawner spawner_;
  const Clock* clock_;
};

}  // namespace nba::nlq

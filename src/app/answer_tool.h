#pragma once

#include "core/status.h"
#include "mcp/server.h"
#include "nba/tools/tool_env.h"
#include "obs/metrics.h"

namespace nba::app {

// Registers answer_nba_question on `server`. Its pipeline (nlq/question_pipeline.h) is built
// on the first call, over env's data, and runs each planned call through
// server.callTool on behalf of the question's call — the same validation, middleware and
// handlers as a tools/call, cancelled with the question, counted as pipeline calls — with
// up to `parallelism` threads per group of independent calls; each stage's time goes to
// `metrics` (nlq/pipeline_stage_metrics.h). `server`, `env` and `metrics` must outlive the
// tool.
Status registerAnswerTool(mcp::McpServer& server, const tools::ToolEnv& env, unsigned parallelism,
                          obs::MetricsRegistry& metrics);

}  // namespace nba::app

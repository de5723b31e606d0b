#pragma once

#include <vector>

#include "obs/metrics.h"

namespace nba::nlq {

// The question pipeline's metric (DESIGN §8), declared in one block: the time of each stage
// of every question answered, `nba_mcp_pipeline_stage_seconds{stage}` with stage one of
// parse, plan, execute, synthesize, on the pipeline's monotonic clock. Benchmarks read the
// same series. The registry must outlive this. Thread-safe.
struct PipelineStageMetrics {
  explicit PipelineStageMetrics(obs::MetricsRegistry& registry);

  obs::Histogram& parse;
  obs::Histogram& plan;
  obs::Histogram& execute;
  obs::Histogram& synthesize;
};

// Seconds buckets fine enough for a parse (tens of microseconds) and coarse enough for an
// execute that waits on NBA.com: 10 µs to 10 s.
const std::vector<double>& stageBucketsSeconds();

}  // namespace nba::nlq

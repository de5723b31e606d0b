#include "nlq/pipeline_stage_metrics.h"

namespace nba::nlq {

const std::vector<double>& stageBucketsSeconds() {
  static const std::vector<double> kBuckets = {
      0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01,
      0.025,   0.05,     0.1,     0.25,   0.5,     1,      2.5,   5,      10};
  return kBuckets;
}

namespace {

obs::Family<obs::Histogram>& stageSeconds(obs::MetricsRegistry& registry) {
  return registry.histogram("nba_mcp_pipeline_stage_seconds",
                            "Time of each stage of answer_nba_question in seconds.", {"stage"},
                            stageBucketsSeconds());
}

}  // namespace

PipelineStageMetrics::PipelineStageMetrics(obs::MetricsRegistry& registry)
    : parse(stageSeconds(registry).with({"parse"})),
      plan(stageSeconds(registry).with({"plan"})),
      execute(stageSeconds(registry).with({"execute"})),
      synthesize(stageSeconds(registry).with({"synthesize"})) {}

}  // namespace nba::nlq

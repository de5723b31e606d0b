#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "core/clock.h"
#include "domain/player.h"
#include "domain/rows.h"
#include "domain/team.h"
#include "nba/entity/entity_resolver.h"
#include "nlq/executor/executor.h"
#include "nlq/parser/question_parser.h"
#include "nlq/pipeline_stage_metrics.h"
#include "nlq/planner/planner.h"
#include "nlq/synthesizer/answer.h"
#include "nlq/synthesizer/game_sentence.h"

namespace nba::nlq {

// The whole of DESIGN §4: parser → planner → executor → synthesizer.
//
// Thread safety: immutable after construction; answer() may run concurrently. `clock` must
// outlive the pipeline.
class QuestionPipeline {
 public:
  QuestionPipeline(std::unique_ptr<QuestionParser> parser, Planner planner, Executor executor,
                   const Clock& clock, obs::MetricsRegistry& metrics, TeamNames team_names = {})
      : parser_(std::move(parser)),
        planner_(std::move(planner)),
        executor_(std::move(executor)),
        clock_(clock),
        stage_seconds_(metrics),
        team_names_(std::move(team_names)) {}

  // Answers with the pipeline's own ToolCaller (benchmarks, tests)…
  Answer answer(std::string_view question, const ParseContext& context) const;
  // …or with `caller`, bound to the call being answered (answer_nba_question), telling
  // `on_stage` (when set) each stage as it begins, in words a person can read. Under `trace`
  // (when set) each stage is a span — parse_query, plan, execute, synthesize — and the
  // planned calls hang under execute.
  using StageObserver = std::function<void(const std::string& stage)>;
  Answer answer(std::string_view question, const ParseContext& context, const ToolCaller& caller,
                const StageObserver& on_stage = {}, const SpanPtr& trace = nullptr) const;

  const QuestionParser& parser() const { return *parser_; }
  const Planner& planner() const { return planner_; }

 private:
  std::unique_ptr<QuestionParser> parser_;
  Planner planner_;
  Executor executor_;
  const Clock& clock_;
  PipelineStageMetrics stage_seconds_;
  TeamNames team_names_;  // for the synthesizer's sentences about games
};

// A pipeline over `players` and `teams` (a source's full lists; resolver borrowed) whose
// calls go to `caller`, with up to `parallelism` threads per group of independent calls (the
// answering thread plus helpers `spawner` starts; see Executor), its stages timed on `clock`
// into `metrics`. The resolver, the clock and the registry must outlive the pipeline.
std::unique_ptr<QuestionPipeline> newQuestionPipeline(const entity::EntityResolver& resolver,
                                                      const Rows<Player>& players,
                                                      const Rows<Team>& teams, ToolCaller caller,
                                                      unsigned parallelism, const Clock& clock,
                                                      obs::MetricsRegistry& metrics,
                                                      HelperSpawner spawner = {});

}  // namespace nba::nlq

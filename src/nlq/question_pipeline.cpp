#include "nlq/question_pipeline.h"

#include "core/stopwatch.h"
#include "nlq/synthesizer/synthesizer.h"

namespace nba::nlq {

Answer QuestionPipeline::answer(std::string_view question, const ParseContext& context,
                                StageTimes* times) const {
  return answer(question, context, executor_.caller(), times);
}

Answer QuestionPipeline::answer(std::string_view question, const ParseContext& context,
                                const ToolCaller& caller, StageTimes* times) const {
  StageTimes local;
  StageTimes& t = times != nullptr ? *times : local;
  Stopwatch stopwatch(clock_);
  const ParsedQuery query = parser_->parse(question, context);
  t.parse_us = micros(stopwatch.lap());
  const Plan plan = planner_.plan(query);
  t.plan_us = micros(stopwatch.lap());
  const std::vector<CallResult> results = executor_.run(plan, caller);
  t.execute_us = micros(stopwatch.lap());
  Answer answer = synthesize(question, query, plan, results);
  t.synthesize_us = micros(stopwatch.lap());
  return answer;
}

std::unique_ptr<QuestionPipeline> newQuestionPipeline(const entity::EntityResolver& resolver,
                                                      const Rows<Player>& players,
                                                      const Rows<Team>& teams, ToolCaller caller,
                                                      unsigned parallelism, const Clock& clock,
                                                      HelperSpawner spawner) {
  return std::make_unique<QuestionPipeline>(
      newQuestionParser(resolver, players, teams), newPlanner(teams),
      Executor(std::move(caller), parallelism, clock, std::move(spawner)), clock);
}

}  // namespace nba::nlq

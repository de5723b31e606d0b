#include "nlq/question_pipeline.h"

#include "core/stopwatch.h"
#include "nlq/synthesizer/synthesizer.h"

namespace nba::nlq {

Answer QuestionPipeline::answer(std::string_view question, const ParseContext& context,
                                StageTimes* times) const {
  StageTimes local;
  StageTimes& t = times != nullptr ? *times : local;
  Stopwatch stopwatch(clock_);
  const ParsedQuery query = parser_->parse(question, context);
  t.parse_us = micros(stopwatch.lap());
  const Plan plan = planner_.plan(query);
  t.plan_us = micros(stopwatch.lap());
  const std::vector<CallResult> results = executor_.run(plan);
  t.execute_us = micros(stopwatch.lap());
  Answer answer = synthesize(question, query, plan, results);
  t.synthesize_us = micros(stopwatch.lap());
  return answer;
}

Result<std::unique_ptr<QuestionPipeline>> newQuestionPipeline(
    const entity::EntityResolver& resolver, const DataSource& data, ToolCaller caller,
    unsigned parallelism, const Clock& clock) {
  auto parser = newQuestionParser(resolver, data);
  if (!parser.ok()) {
    return parser.status();
  }
  auto planner = newPlanner(data);
  if (!planner.ok()) {
    return planner.status();
  }
  return std::make_unique<QuestionPipeline>(std::move(parser).value(), std::move(planner).value(),
                                            Executor(std::move(caller), parallelism, clock), clock);
}

}  // namespace nba::nlq

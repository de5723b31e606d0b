#include "nlq/question_pipeline.h"

#include <chrono>

#include "nlq/synthesizer/synthesizer.h"

namespace nba::nlq {
namespace {

using SteadyClock = std::chrono::steady_clock;

double microsSince(SteadyClock::time_point* start) {
  const auto now = SteadyClock::now();
  const double us = std::chrono::duration<double, std::micro>(now - *start).count();
  *start = now;
  return us;
}

}  // namespace

Answer QuestionPipeline::answer(std::string_view question, const ParseContext& context,
                                StageTimes* times) const {
  StageTimes local;
  StageTimes& t = times != nullptr ? *times : local;
  auto start = SteadyClock::now();
  const ParsedQuery query = parser_->parse(question, context);
  t.parse_us = microsSince(&start);
  const Plan plan = planner_.plan(query);
  t.plan_us = microsSince(&start);
  const std::vector<CallResult> results = executor_.run(plan);
  t.execute_us = microsSince(&start);
  Answer answer = synthesize(question, query, plan, results);
  t.synthesize_us = microsSince(&start);
  return answer;
}

std::unique_ptr<QuestionPipeline> newQuestionPipeline(const entity::EntityResolver& resolver,
                                                      const Rows<Player>& players,
                                                      const Rows<Team>& teams, ToolCaller caller,
                                                      unsigned parallelism) {
  return std::make_unique<QuestionPipeline>(newQuestionParser(resolver, players, teams),
                                            newPlanner(teams),
                                            Executor(std::move(caller), parallelism));
}

}  // namespace nba::nlq

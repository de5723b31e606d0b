#include "nlq/question_pipeline.h"

#include "core/stopwatch.h"
#include "nlq/synthesizer/synthesizer.h"

namespace nba::nlq {

Answer QuestionPipeline::answer(std::string_view question, const ParseContext& context,
                                StageTimes* times) const {
  return answer(question, context, executor_.caller(), times);
}

namespace {

// "Running 2 calls: get_player_stats, get_player_stats".
std::string runningStage(const Plan& plan) {
  std::string stage = "Running " + std::to_string(plan.calls.size()) +
                      (plan.calls.size() == 1 ? " call: " : " calls: ");
  for (std::size_t i = 0; i < plan.calls.size(); ++i) {
    stage += (i == 0 ? "" : ", ") + plan.calls[i].tool;
  }
  return stage;
}

}  // namespace

Answer QuestionPipeline::answer(std::string_view question, const ParseContext& context,
                                const ToolCaller& caller, StageTimes* times,
                                const StageObserver& on_stage) const {
  StageTimes local;
  StageTimes& t = times != nullptr ? *times : local;
  auto stage = [&on_stage](const std::string& text) {
    if (on_stage) on_stage(text);
  };
  Stopwatch stopwatch(clock_);
  stage("Reading the question");
  const ParsedQuery query = parser_->parse(question, context);
  t.parse_us = micros(stopwatch.lap());
  const Plan plan = planner_.plan(query);
  t.plan_us = micros(stopwatch.lap());
  if (!plan.calls.empty()) stage(runningStage(plan));
  const std::vector<CallResult> results = executor_.run(plan, caller);
  t.execute_us = micros(stopwatch.lap());
  stage("Writing the answer");
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

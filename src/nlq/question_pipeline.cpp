#include "nlq/question_pipeline.h"

#include "core/stopwatch.h"
#include "nlq/synthesizer/synthesizer.h"

namespace nba::nlq {

Answer QuestionPipeline::answer(std::string_view question, const ParseContext& context) const {
  return answer(question, context, executor_.caller());
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
                                const ToolCaller& caller, const StageObserver& on_stage,
                                const SpanPtr& trace) const {
  const auto record = [](obs::Histogram& stage, std::chrono::steady_clock::duration took) {
    stage.observe(std::chrono::duration<double>(took).count());
  };
  auto stage = [&on_stage](const std::string& text) {
    if (on_stage) on_stage(text);
  };
  Stopwatch stopwatch(clock_);
  stage("Reading the question");
  ParsedQuery query;
  {
    ScopedSpan span(trace, "parse_query");
    query = parser_->parse(question, context);
    span.set("nlq.intent", query.intents.empty() ? std::string("unrecognized")
                                                 : std::string(intentName(query.intents[0].kind)));
    span.set("nlq.parts", static_cast<std::int64_t>(query.intents.size()));
  }
  record(stage_seconds_.parse, stopwatch.lap());
  Plan plan;
  {
    ScopedSpan span(trace, "plan");
    plan = planner_.plan(query);
    span.set("nlq.calls", static_cast<std::int64_t>(plan.calls.size()));
  }
  record(stage_seconds_.plan, stopwatch.lap());
  if (!plan.calls.empty()) stage(runningStage(plan));
  std::vector<CallResult> results;
  {
    ScopedSpan span(trace, "execute");
    results = executor_.run(plan, caller, span.span());
  }
  record(stage_seconds_.execute, stopwatch.lap());
  stage("Writing the answer");
  ScopedSpan span(trace, "synthesize");
  Answer answer = synthesize(question, query, plan, results, team_names_);
  span.set("nlq.status", std::string(answerStatusName(answer.status)));
  record(stage_seconds_.synthesize, stopwatch.lap());
  return answer;
}

std::unique_ptr<QuestionPipeline> newQuestionPipeline(const entity::EntityResolver& resolver,
                                                      const Rows<Player>& players,
                                                      const Rows<Team>& teams, ToolCaller caller,
                                                      unsigned parallelism, const Clock& clock,
                                                      obs::MetricsRegistry& metrics,
                                                      HelperSpawner spawner) {
  TeamNames names;
  for (const Team& team : teams) {
    names[team.abbr] = TeamNaming{team.name, team.nickname};
  }
  return std::make_unique<QuestionPipeline>(
      newQuestionParser(resolver, players, teams), newPlanner(teams),
      Executor(std::move(caller), parallelism, clock, std::move(spawner)), clock, metrics,
      std::move(names));
}

}  // namespace nba::nlq

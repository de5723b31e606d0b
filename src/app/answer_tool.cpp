#include "app/answer_tool.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <optional>

#include "app/call_context_of.h"
#include "app/lazy.h"
#include "app/nba_tools.h"
#include "app/schema_catalog.h"
#include "app/season_days_reader.h"
#include "nlq/parser/slot_hits.h"
#include "nlq/question_pipeline.h"

namespace nba::app {
namespace {

using nlohmann::json;

constexpr char kDescription[] =
    "Answers a plain-English NBA question: leaders, player stats and careers, game logs, "
    "player and team comparisons, team ratings and rankings (\"best defensive team in the "
    "West\"), standings, scores on a date, head-to-head records, schedules, box scores and "
    "awards, or several joined with \"and\". Returns markdown (a heading with season and "
    "as-of date, a sentence that answers, then a table) and a structured answer with the "
    "parsed question, the tool calls made and their results. Unclear questions get what is "
    "missing and example phrasings.";

// Builds the pipeline; run lazily on the first call. A failed build (the data did not
// load) is reported to calls within a backoff and tried again after it (app/lazy.h).
Lazy<nlq::QuestionPipeline>::Factory pipelineFactory(mcp::McpServer& server,
                                                     const tools::ToolEnv& env,
                                                     unsigned parallelism,
                                                     obs::MetricsRegistry& metrics) {
  return [&server, &env, parallelism, &metrics] {
    // Only for answers asked without a call to answer for; the handler binds its own.
    nlq::ToolCaller caller = [&server](const std::string& tool, const json& args, const SpanPtr&) {
      return toolOutcomeOf(server.callTool(tool, args, mcp::Caller::kPipeline));
    };
    // nlq sees no DataSource (STYLE.md §Layout): it gets the lists its names come from,
    // read on the server's own behalf (the first question's cancel must not fail the build).
    const CallContext build(env.clock, Caller::kBackground);
    auto players = env.data.players(build);
    if (!players.ok()) {
      return Result<std::unique_ptr<nlq::QuestionPipeline>>(players.status());
    }
    auto teams = env.data.teams(build);
    if (!teams.ok()) {
      return Result<std::unique_ptr<nlq::QuestionPipeline>>(teams.status());
    }
    // A question's independent calls share the server's idle workers; no thread is created.
    nlq::HelperSpawner spawner = [&server](std::function<void()> task) {
      return server.tryRunOnIdleWorker(std::move(task));
    };
    return Result<std::unique_ptr<nlq::QuestionPipeline>>(
        nlq::newQuestionPipeline(env.resolver, players->rows, teams->rows, std::move(caller),
                                 parallelism, env.clock, metrics, std::move(spawner)));
  };
}

// Where a question's figures came from, gathered over its inner calls (which run in
// parallel): the sources named, and the cache state of the whole (stale if any call was
// served stale, a hit only if every call was). Thread-safe.
class InnerProvenance {
 public:
  void add(const json& meta) {
    std::lock_guard lock(mutex_);
    if (auto source = meta.find("dev.nbamcp/source"); source != meta.end() && source->is_string()) {
      if (std::find(sources_.begin(), sources_.end(), *source) == sources_.end()) {
        sources_.push_back(source->get<std::string>());
      }
    }
    if (auto cache = meta.find("dev.nbamcp/cache"); cache != meta.end() && cache->is_string()) {
      if (auto state = cacheStateFromName(cache->get<std::string>())) {
        cache_ = cache_ ? combineCacheStates(*cache_, *state) : *state;
      }
    }
  }

  // Adds dev.nbamcp/source ("snapshot", or "live+snapshot" when calls differed) and
  // dev.nbamcp/cache, when any inner call reported them.
  void writeTo(json& meta) const {
    std::lock_guard lock(mutex_);
    std::string joined;
    for (const std::string& source : sources_) {
      joined += (joined.empty() ? "" : "+") + source;
    }
    if (!joined.empty()) meta["dev.nbamcp/source"] = joined;
    if (cache_) meta["dev.nbamcp/cache"] = cacheStateName(*cache_);
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> sources_;
  std::optional<CacheState> cache_;
};

}  // namespace

Status registerAnswerTool(mcp::McpServer& server, const tools::ToolEnv& env, unsigned parallelism,
                          obs::MetricsRegistry& metrics) {
  auto input = embeddedSchema("answer_nba_question.input");
  auto output = embeddedSchema("answer_nba_question.output");
  if (!input.ok()) return input.status();
  if (!output.ok()) return output.status();
  mcp::ToolDefinition tool;
  tool.name = "answer_nba_question";
  tool.title = "Answer an NBA question";
  tool.description = kDescription;
  tool.input_schema = input.value();
  tool.output_schema = output.value();
  tool.annotations = {{"title", tool.title}, {"readOnlyHint", true}, {"openWorldHint", false}};
  auto pipeline = std::make_shared<Lazy<nlq::QuestionPipeline>>(
      pipelineFactory(server, env, parallelism, metrics), env.clock);
  auto season_days = std::make_shared<SeasonDaysReader>();
  tool.handler = [pipeline, season_days, &server, &env](const json& arguments,
                                                        mcp::ToolContext& context) {
    auto ready = pipeline->get();
    if (!ready.ok()) {
      return mcp::ToolResult::error("The question pipeline is unavailable: " +
                                    ready.status().message());
    }
    // The planned calls run on behalf of this one: a cancel of the question reaches them,
    // and get_server_stats counts them as pipeline calls, not the client's.
    InnerProvenance provenance;
    const nlq::ToolCaller inner = [&server, &context, &provenance](const std::string& name,
                                                                   const json& args,
                                                                   const SpanPtr& parent) {
      mcp::ToolResult result = server.callTool(name, args, context, parent);
      if (!result.is_error) {
        provenance.add(result.meta);
      }
      return toolOutcomeOf(std::move(result));
    };
    const std::string question = arguments.at("question").get<std::string>();
    const CallContext call = callContextOf(context, env.clock);
    nlq::ParseContext when = nlq::parseContextAt(env.clock.wallNow());
    when.season_days = [&] { return season_days->read(env.data, call); };
    nlq::Answer answer = ready.value()->answer(
        question, when, inner,
        [&context](const std::string& stage) { context.progressStep(stage); }, context.span());
    mcp::ToolResult result;
    result.text = std::move(answer.markdown);
    result.meta = {{"dev.nbamcp/status", answer.structured["status"]}};
    if (answer.structured["season"].is_string()) {
      result.meta["dev.nbamcp/season"] = answer.structured["season"];
    }
    if (answer.structured["as_of"].is_string()) {
      result.meta["dev.nbamcp/as_of"] = answer.structured["as_of"];
    }
    provenance.writeTo(result.meta);
    result.structured = std::move(answer.structured);
    return result;
  };
  return server.addTool(std::move(tool));
}

}  // namespace nba::app

// libFuzzer target: a question of up to 500 bytes. The raw bytes go to the question parser
// (which accepts any input); the same text made valid UTF-8 (what tools/call can deliver)
// goes through parser and planner, whose planned calls must be valid against their tools'
// input schemas (plan.h's contract), and then through the whole answer_nba_question
// pipeline on the app's server, whose result must not be an internal error and must match
// the tool's output schema.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz/fuzz_world.h"
#include "mcp/message.h"
#include "mcp/schema_validator.h"
#include "nlq/parser/parsed_query_json.h"
#include "nlq/parser/question_parser.h"
#include "nlq/planner/plan_json.h"
#include "nlq/planner/planner.h"

namespace {

using nba::fuzz::check;
using nlohmann::json;

constexpr std::size_t kMaxQuestionBytes = 500;  // answer_nba_question's maxLength

struct Pipeline {
  std::unique_ptr<nba::nlq::QuestionParser> parser;
  std::unique_ptr<nba::nlq::Planner> planner;
  nba::nlq::ParseContext context;
};

const Pipeline& pipeline() {
  static const Pipeline built = [] {
    const nba::tools::ToolEnv& env = *nba::fuzz::appServer().env;
    Pipeline p;
    auto players = env.data.players(env.call);
    auto teams = env.data.teams(env.call);
    check(players.ok() && teams.ok(), "cannot read the players and teams");
    p.parser = nba::nlq::newQuestionParser(env.resolver, players->rows, teams->rows);
    p.planner = std::make_unique<nba::nlq::Planner>(nba::nlq::newPlanner(teams->rows));
    p.context = nba::nlq::parseContextAt(env.clock.wallNow());
    return p;
  }();
  return built;
}

const nba::mcp::ToolDefinition* findTool(const std::string& name) {
  for (const auto& tool : nba::fuzz::appServer().server->tools()) {
    if (tool.name == name) {
      return &tool;
    }
  }
  return nullptr;
}

// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD, as a JSON string would
// carry it.
std::string validUtf8(std::string_view bytes) {
  auto parsed = nba::mcp::parseJson(nba::mcp::dumpJson(json(std::string(bytes))));
  return std::get<json>(parsed).get<std::string>();
}

// The planner's known bug: a player (or team) named twice, under two names, is compared
// with himself, which the schema's uniqueItems refuses.
bool repeatsOnly(const std::vector<nba::mcp::SchemaViolation>& violations) {
  return !violations.empty() &&
         std::all_of(violations.begin(), violations.end(), [](const auto& violation) {
           return violation.message.rfind("must not repeat items", 0) == 0;
         });
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  nba::fuzz::quietLogging();
  (void)pipeline();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data),
                             std::min(size, kMaxQuestionBytes));
  const Pipeline& p = pipeline();
  (void)nba::mcp::dumpJson(nba::nlq::toJson(p.parser->parse(raw, p.context)));

  const std::string question = validUtf8(raw);
  const nba::nlq::ParsedQuery query = p.parser->parse(question, p.context);
  const nba::nlq::Plan plan = p.planner->plan(query);
  (void)nba::mcp::dumpJson(nba::nlq::toJson(query));
  (void)nba::mcp::dumpJson(nba::nlq::toJson(plan));
  for (const nba::nlq::PlannedCall& call : plan.calls) {
    const nba::mcp::ToolDefinition* tool = findTool(call.tool);
    check(tool != nullptr, "the plan calls an unknown tool " + call.tool);
    auto violations = nba::mcp::validateAgainstSchema(call.arguments, tool->input_schema);
    if (nba::fuzz::avoidKnownCrashes() && repeatsOnly(violations)) {
      continue;  // known: "compare Kevin Durant and KD" (tests/fuzz/regressions)
    }
    check(violations.empty(),
          "planned " + call.tool + " arguments " + nba::mcp::dumpJson(call.arguments) +
              " break its schema: " + nba::mcp::describeViolations(violations, "arguments"));
  }

  static const nba::mcp::ToolDefinition* answer = findTool("answer_nba_question");
  nba::mcp::ToolResult result =
      nba::fuzz::appServer().server->callTool(answer->name, {{"question", question}});
  check(result.text.rfind("Internal error", 0) != 0, "answer_nba_question threw: " + result.text);
  if (!result.is_error) {
    check(result.structured.has_value(), "an answer without structuredContent");
    auto violations = nba::mcp::validateAgainstSchema(*result.structured, answer->output_schema);
    check(violations.empty(), "the answer breaks its output schema: " +
                                  nba::mcp::describeViolations(violations, "result"));
  }
  return 0;
}

#include "app/golden/paraphrase_check.h"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "app/server_builder.h"
#include "nba/entity/name_normalize.h"

namespace nba::app {
namespace {

using nlohmann::json;

// What a case's "expect" accepts as the answer's status.
bool statusMeets(const std::string& expect, const std::string& status) {
  if (expect == "not_answered") return status == "clarification" || status == "no_data";
  return expect == status;
}

std::vector<std::string> problemsWith(const json& test, const mcp::ToolResult& result) {
  if (result.is_error || !result.structured) {
    return {"the tool failed: " + result.text};
  }
  std::vector<std::string> problems;
  const std::string status = result.structured->value("status", "");
  const std::string expect = test.value("expect", "answered");
  if (!statusMeets(expect, status)) {
    problems.push_back("status is " + status + ", expected " + expect);
  }
  if (test.contains("facts") && test.at("facts").is_array()) {
    for (const json& fact : test.at("facts")) {
      if (fact.is_string() && !containsFact(result.text, fact.get<std::string>())) {
        problems.push_back("missing fact: " + fact.get<std::string>());
      }
    }
  }
  return problems;
}

// "2,484" → "2484": a thousands separator is formatting, not a word break.
std::string withoutThousandsSeparators(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool separator = text[i] == ',' && i > 0 && i + 1 < text.size() &&
                           std::isdigit(static_cast<unsigned char>(text[i - 1])) != 0 &&
                           std::isdigit(static_cast<unsigned char>(text[i + 1])) != 0;
    if (!separator) out += text[i];
  }
  return out;
}

}  // namespace

bool containsFact(const std::string& text, const std::string& fact) {
  const std::vector<std::string> words = entity::tokenizeName(withoutThousandsSeparators(text));
  const std::vector<std::string> wanted = entity::tokenizeName(withoutThousandsSeparators(fact));
  if (wanted.empty()) return true;
  return std::search(words.begin(), words.end(), wanted.begin(), wanted.end()) != words.end();
}

Result<ParaphraseReport> checkParaphrases(const std::string& path, const Config& config) {
  auto file = readGoldenJson(path);
  if (!file.ok()) {
    return file.status();
  }
  const json& suite = file.value();
  if (!suite.is_object() || !suite.contains("cases") || !suite.at("cases").is_array()) {
    return invalidArgument(path + ": expected {\"fixed_time\": …, \"cases\": [ … ]}");
  }
  Config at = config;
  at.origin = "snapshot";  // the facts were computed from the offline data
  at.fixed_time = suite.value("fixed_time", std::string("2025-04-14T12:00:00Z"));
  auto server = buildServer(at);
  if (!server.ok()) {
    return server.status();
  }
  ParaphraseReport report;
  report.min_accuracy = suite.value("min_accuracy", 0.0);
  for (const json& test : suite.at("cases")) {
    if (!test.is_object() || !test.contains("question") || !test.at("question").is_string()) {
      return invalidArgument(path + ": every case needs a \"question\" string");
    }
    const std::string question = test.at("question").get<std::string>();
    mcp::ToolResult result =
        server->server->callTool("answer_nba_question", {{"question", question}});
    std::vector<std::string> problems = problemsWith(test, result);
    CapabilityScore& score = report.by_capability[test.value("capability", "other")];
    ++report.cases;
    ++score.cases;
    if (problems.empty()) {
      ++score.passed;
    } else {
      report.failures.push_back(
          {test.value("id", "?"), question, std::move(problems), std::move(result.text)});
    }
  }
  return report;
}

}  // namespace nba::app

#include "app/golden/question_check.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/server_builder.h"

namespace nba::app {
namespace {

using nlohmann::json;

std::vector<std::string> strings(const json& value) {
  std::vector<std::string> out;
  if (value.is_array()) {
    for (const json& item : value) {
      if (item.is_string()) out.push_back(item.get<std::string>());
    }
  }
  return out;
}

std::string listText(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const std::string& item : items) out += (out.size() > 1 ? ", " : "") + item;
  return out + "]";
}

std::vector<std::string> plannedTools(const json& structured) {
  std::vector<std::string> tools;
  for (const json& call : structured.at("plan").at("calls")) {
    std::string tool = call.value("tool", "");
    if (tools.empty() || tools.back() != tool) tools.push_back(tool);
  }
  return tools;
}

std::vector<std::string> problemsWith(const json& test, const mcp::ToolResult& result) {
  std::vector<std::string> problems;
  if (result.is_error || !result.structured) {
    problems.push_back("the tool failed: " + result.text);
    return problems;
  }
  const json& answer = *result.structured;
  const std::string status = answer.value("status", "");
  if (test.contains("status") && test.at("status") != status) {
    problems.push_back("status is " + status + ", expected " +
                       test.at("status").get<std::string>());
  }
  if (test.contains("intents") && strings(test.at("intents")) != strings(answer.at("intents"))) {
    problems.push_back("intents are " + listText(strings(answer.at("intents"))) + ", expected " +
                       listText(strings(test.at("intents"))));
  }
  if (test.contains("tools") && strings(test.at("tools")) != plannedTools(answer)) {
    problems.push_back("tools are " + listText(plannedTools(answer)) + ", expected " +
                       listText(strings(test.at("tools"))));
  }
  for (const std::string& fact : strings(test.value("facts", json::array()))) {
    if (result.text.find(fact) == std::string::npos) problems.push_back("missing fact: " + fact);
  }
  for (const std::string& text : strings(test.value("absent", json::array()))) {
    if (result.text.find(text) != std::string::npos) problems.push_back("must not say: " + text);
  }
  return problems;
}

}  // namespace

Result<json> readGoldenJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    return notFound("cannot read " + path);
  }
  std::stringstream text;
  text << in.rdbuf();
  json value = json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (value.is_discarded()) {
    return invalidArgument(path + " is not valid JSON");
  }
  return value;
}

Result<QuestionReport> checkGoldenQuestions(const std::string& path, const Config& config) {
  auto file = readGoldenJson(path);
  if (!file.ok()) {
    return file.status();
  }
  const json& golden = file.value();
  if (!golden.is_object() || !golden.contains("cases") || !golden.at("cases").is_array()) {
    return invalidArgument(path + ": expected {\"fixed_time\": …, \"cases\": [ … ]}");
  }
  const std::string default_time = golden.value("fixed_time", std::string());
  // One server per clock: a case may set its own fixed_time (a question about a season in
  // progress is asked on a date inside it).
  std::map<std::string, ServerBundle> servers;
  QuestionReport report;
  for (const json& test : golden.at("cases")) {
    if (!test.is_object() || !test.contains("question") || !test.at("question").is_string()) {
      return invalidArgument(path + ": every case needs a \"question\" string");
    }
    const std::string time = test.value("fixed_time", default_time);
    auto server = servers.find(time);
    if (server == servers.end()) {
      Config at = config;
      at.origin = "snapshot";  // the expected answers are the offline snapshot's
      if (!time.empty()) at.fixed_time = time;
      auto bundle = buildServer(at);
      if (!bundle.ok()) {
        return bundle.status();
      }
      server = servers.emplace(time, std::move(bundle).value()).first;
    }
    ++report.cases;
    const std::string question = test.at("question").get<std::string>();
    mcp::ToolResult result =
        server->second.server->callTool("answer_nba_question", {{"question", question}});
    std::vector<std::string> problems = problemsWith(test, result);
    if (!problems.empty()) {
      report.failures.push_back(
          {test.value("id", "?"), question, std::move(problems), std::move(result.text)});
    }
  }
  return report;
}

}  // namespace nba::app

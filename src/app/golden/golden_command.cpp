#include "app/golden/golden_command.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <vector>

#include "app/golden/paraphrase_check.h"
#include "app/golden/question_check.h"
#include "app/golden/transcript_replay.h"

namespace nba::app {
namespace {

// The golden clock: the day after the 2024-25 regular season, so "this season" is a
// complete season and "last night" its final day.
constexpr char kDefaultFixedTime[] = "2025-04-14T12:00:00Z";

std::string fixedTimeOf(const std::string& questions_path) {
  std::ifstream in(questions_path);
  nlohmann::json file = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (file.is_object() && file.contains("fixed_time") && file["fixed_time"].is_string()) {
    return file["fixed_time"].get<std::string>();
  }
  return kDefaultFixedTime;
}

int checkQuestions(const Config& config, const std::string& path) {
  auto report = checkGoldenQuestions(path, config);
  if (!report.ok()) {
    std::cerr << "golden: " << report.status().message() << "\n";
    return 2;
  }
  for (const QuestionFailure& failure : report->failures) {
    std::cout << "FAIL " << failure.id << ": " << failure.question << "\n";
    for (const std::string& problem : failure.problems) std::cout << "  - " << problem << "\n";
    std::cout << "  answer:\n";
    for (std::size_t start = 0; start < failure.markdown.size();) {
      const std::size_t end = failure.markdown.find('\n', start);
      std::cout << "    | " << failure.markdown.substr(start, end - start) << "\n";
      start = end == std::string::npos ? failure.markdown.size() : end + 1;
    }
  }
  const int passed = report->cases - static_cast<int>(report->failures.size());
  std::cout << "golden questions: " << passed << "/" << report->cases << " pass" << std::endl;
  return report->failures.empty() ? 0 : 1;
}

// The blind suite: each failure in a line or two (its answers are long, and the suite is
// measured, not tuned on), the accuracy per capability and in all, and the floor.
int checkParaphraseSuite(const Config& config, const std::string& path) {
  auto report = checkParaphrases(path, config);
  if (!report.ok()) {
    std::cerr << "golden: " << report.status().message() << "\n";
    return 2;
  }
  for (const QuestionFailure& failure : report->failures) {
    std::cout << "MISS " << failure.id << ": " << failure.question << "\n";
    for (const std::string& problem : failure.problems) std::cout << "  - " << problem << "\n";
  }
  char line[160];
  for (const auto& [capability, score] : report->by_capability) {
    std::snprintf(line, sizeof line, "  %-22s %3d/%-3d %5.1f %%\n", capability.c_str(),
                  score.passed, score.cases, 100.0 * score.passed / std::max(1, score.cases));
    std::cout << line;
  }
  const int passed = report->cases - static_cast<int>(report->failures.size());
  std::snprintf(line, sizeof line,
                "golden paraphrases (blind): %d/%d pass, %.1f %% (floor %.1f %%)\n", passed,
                report->cases, 100.0 * report->accuracy(), 100.0 * report->min_accuracy);
  std::cout << line << std::flush;
  return report->accuracy() + 1e-9 >= report->min_accuracy ? 0 : 1;
}

// True when the environment says this is a CI run (GitHub Actions, GitLab, … set CI=true).
bool runningInCi() {
  const char* ci = std::getenv("CI");
  if (ci == nullptr) return false;
  const std::string value(ci);
  return !value.empty() && value != "0" && value != "false";
}

int checkTranscripts(const std::string& dir, const std::string& fixed_time, bool record) {
  auto self = selfExecutable();
  if (!self.ok()) {
    std::cerr << "golden: " << self.status().message() << "\n";
    return 2;
  }
  auto outcomes = replayTranscripts(dir, self.value(), fixed_time, record);
  if (!outcomes.ok()) {
    std::cerr << "golden: " << outcomes.status().message() << "\n";
    return 2;
  }
  int passed = 0;
  int facts = 0;
  int facts_failed = 0;
  for (const TranscriptOutcome& outcome : outcomes.value()) {
    facts += outcome.facts_checked;
    facts_failed += static_cast<int>(outcome.fact_failures.size());
    for (const std::string& failure : outcome.fact_failures) {
      std::cout << "FAIL transcript fact " << outcome.name << ": " << failure << "\n";
    }
    if (outcome.recorded) {
      std::cout << "recorded " << outcome.name << "\n";
    } else if (outcome.passed) {
      ++passed;
    } else {
      std::cout << "FAIL transcript " << outcome.name << ": " << outcome.difference << "\n";
    }
  }
  std::cout << "golden transcript facts: " << facts - facts_failed << "/" << facts << " pass\n";
  if (record) {
    std::cout << "golden transcripts: " << outcomes->size() << " recorded; review the diff\n";
    return facts_failed == 0 ? 0 : 1;
  }
  std::cout << "golden transcripts: " << passed << "/" << outcomes->size() << " pass\n";
  return passed == static_cast<int>(outcomes->size()) && facts_failed == 0 ? 0 : 1;
}

}  // namespace

int runGolden(const Config& config, const std::string& dir, GoldenMode mode) {
  const bool record = mode == GoldenMode::kRecord;
  if (record && runningInCi()) {
    std::cerr << "golden: refusing to record under CI (CI is set); record on a workstation with "
                 "`nba-mcp golden record` and commit the reviewed diff\n";
    return 2;
  }
  if (!record && std::getenv("NBA_MCP_RECORD_GOLDEN") != nullptr) {
    std::cerr << "golden: NBA_MCP_RECORD_GOLDEN is ignored by `golden check`, which never "
                 "writes; use `nba-mcp golden record`\n";
  }
  const std::string questions = dir + "/questions.json";
  int questions_code = checkQuestions(config, questions);
  // The blind suite, and the fresh blind cases written for each rule class after it was
  // fixed (paraphrases_*.json), each with its own floor.
  std::vector<std::string> suites;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(dir, error)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("paraphrases") && name.ends_with(".json")) suites.push_back(name);
  }
  std::sort(suites.begin(), suites.end());
  for (const std::string& suite : suites) {
    std::cout << suite << ":\n";
    const std::string path = (std::filesystem::path(dir) / suite).string();
    questions_code = std::max(questions_code, checkParaphraseSuite(config, path));
  }
  const int transcripts_code =
      checkTranscripts(dir + "/transcripts", fixedTimeOf(questions), record);
  return std::max(questions_code, transcripts_code);
}

}  // namespace nba::app

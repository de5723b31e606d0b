#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/config.h"
#include "core/status.h"

namespace nba::app {

// One golden question that did not get the answer its case states.
struct QuestionFailure {
  std::string id;
  std::string question;
  std::vector<std::string> problems;  // "status is clarification, expected answered", …
  std::string markdown;               // what was answered, for the reader
};

struct QuestionReport {
  int cases = 0;
  std::vector<QuestionFailure> failures;
};

// Runs every case of a golden questions file (golden/questions.json) through
// answer_nba_question on a server built from `config` with the file's fixed_time, and checks
// what each case states (a case may set its own fixed_time):
//   status  — answered | partial | clarification | no_data
//   intents — the parsed intents, in order
//   tools   — the tools the plan called, in order (repeats collapsed)
//   facts   — strings the markdown must contain (names and numbers from the snapshot)
//   absent  — strings it must not contain
// Fails (Status) only when the file cannot be read or is malformed.
Result<QuestionReport> checkGoldenQuestions(const std::string& path, const Config& config);

// The JSON of a golden file; NotFound or InvalidArgument naming the path.
Result<nlohmann::json> readGoldenJson(const std::string& path);

}  // namespace nba::app

#pragma once

#include <map>
#include <string>
#include <vector>

#include "app/config.h"
#include "app/golden/question_check.h"
#include "core/status.h"

namespace nba::app {

// How many cases of one capability passed.
struct CapabilityScore {
  int cases = 0;
  int passed = 0;
};

struct ParaphraseReport {
  int cases = 0;
  std::vector<QuestionFailure> failures;
  std::map<std::string, CapabilityScore> by_capability;
  double min_accuracy = 0;  // the file's floor, a fraction; 0 when it sets none

  double accuracy() const {
    return cases == 0 ? 1.0 : static_cast<double>(cases - failures.size()) / cases;
  }
};

// Runs the blind paraphrase suite (golden/paraphrases.json, DESIGN §11, issue 14): questions
// written by people who had not read the parser, each with what the answer must do. Unlike
// the golden questions, whose facts are exact markdown, a paraphrase case states only
//   expect  — answered | clarification | no_data | not_answered (clarification or no_data)
//   facts   — names and numbers the answer must contain, matched as whole words after folding
//             case and accents and dropping punctuation, so "Jokic" finds "Jokić", "68-14"
//             finds "68–14", "51.9" finds "51.9%" or ".519", "2484" finds "2,484"
// The suite is never tuned on wholesale (see its "about"): the report gives the accuracy,
// overall and per capability, and the file's "min_accuracy" is the floor a change must not
// fall below. Fails (Status) only when the file cannot be read or is malformed.
Result<ParaphraseReport> checkParaphrases(const std::string& path, const Config& config);

// True when every word of `fact` appears, in order and adjacent, among the words of `text`
// (both folded as described above). Exposed for tests.
bool containsFact(const std::string& text, const std::string& fact);

}  // namespace nba::app

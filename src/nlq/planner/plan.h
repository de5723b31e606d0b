#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace nba::nlq {

// One tool call of a plan. Calls with the same `group` are independent and may run in
// parallel; a call in group g may use results of groups < g. `intent` is the index of the
// ParsedQuery intent the call answers.
struct PlannedCall {
  std::string tool;          // "get_league_leaders"
  nlohmann::json arguments;  // valid against schemas/<tool>.input.json
  int group = 0;
  std::size_t intent = 0;
};

// The calls that answer a question, what it lacks ("which player?") and choices made for
// the reader ("compare_players takes at most 4 players; compared the first 4 of 10"), and,
// when something is missing, two or three example questions that would work.
// Value type.
struct Plan {
  std::vector<PlannedCall> calls;
  std::vector<std::string> missing;
  std::vector<std::string> notes;
  std::vector<std::string> suggestions;  // example questions for a reader who must rephrase
  // Parts no tool is asked for because the data has nothing for them (another league, the
  // playoffs where only the regular season is covered): one sentence each, said as is.
  std::vector<std::string> unanswerable;
};

}  // namespace nba::nlq

#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace nba::live {

// Total accessors for the nested camelCase responses (scoreboardv3, boxscore*v3, the cdn
// files): NBA.com's JSON is untrusted input, so a missing key or a value of the wrong type
// reads as empty, never throws and never asserts. (StatsTable is the same for resultSets.)

// The string at `key`, "" for anything else.
std::string textField(const nlohmann::json& object, const char* key);

// The number at `key` truncated to a whole one, 0 unless it is in [0, 1e9).
long long wholeField(const nlohmann::json& object, const char* key);

// The number at `key` rounded to the nearest whole one, 0 unless it is in (-1000, 1000): a
// box-score count.
int countField(const nlohmann::json& object, const char* key);

// The object at `key`, an empty object for anything else.
const nlohmann::json& objectField(const nlohmann::json& object, const char* key);

// The boolean at `key`; false for anything else.
bool flagField(const nlohmann::json& object, const char* key);

}  // namespace nba::live

#pragma once

#include <chrono>
#include <string>

namespace nba {

// An entry's age as a person reads it: "40 s", "12 min", "2 h 5 min", "3 d 4 h".
std::string ageText(std::chrono::steady_clock::duration age);

}  // namespace nba

#pragma once

#include <string>
#include <vector>

namespace nba::tools {

// Words inside the tools' sentences. Pure.

// "A", "A and B", "A, B and C".
std::string joinNames(const std::vector<std::string>& names);

// "Points" → "points": a label in the middle of a sentence.
std::string lowerFirst(std::string text);

}  // namespace nba::tools

#include "domain/season.h"

#include <cstdio>

namespace nba {

std::string Season::label() const {
  char buffer[16];
  std::snprintf(buffer, sizeof(buffer), "%04d-%02d", start_year, (start_year + 1) % 100);
  return buffer;
}

std::string_view seasonTypeName(SeasonType type) {
  return type == SeasonType::kPlayoffs ? "Playoffs" : "Regular Season";
}

}  // namespace nba

#include "origin/cached/cache_age.h"

#include <algorithm>

namespace nba {

std::string ageText(std::chrono::steady_clock::duration age) {
  using std::chrono::duration_cast;
  const long long seconds =
      std::max<long long>(0, duration_cast<std::chrono::seconds>(age).count());
  const long long minutes = seconds / 60;
  const long long hours = minutes / 60;
  const long long days = hours / 24;
  if (days > 0) {
    return std::to_string(days) + " d" +
           (hours % 24 > 0 ? " " + std::to_string(hours % 24) + " h" : "");
  }
  if (hours > 0) {
    return std::to_string(hours) + " h" +
           (minutes % 60 > 0 ? " " + std::to_string(minutes % 60) + " min" : "");
  }
  if (minutes > 0) {
    return std::to_string(minutes) + " min";
  }
  return std::to_string(seconds) + " s";
}

}  // namespace nba

#include "origin/live/team_directory.h"

#include <algorithm>

namespace nba::live {

TeamDirectory::TeamDirectory(std::vector<Team> teams) : teams_(std::move(teams)) {
  std::sort(teams_.begin(), teams_.end(),
            [](const Team& a, const Team& b) { return a.abbr < b.abbr; });
}

const Team* TeamDirectory::byId(std::int64_t team_id) const {
  for (const Team& team : teams_) {
    if (team.team_id == team_id) {
      return &team;
    }
  }
  return nullptr;
}

const Team* TeamDirectory::byAbbr(std::string_view abbr) const {
  for (const Team& team : teams_) {
    if (team.abbr == abbr) {
      return &team;
    }
  }
  return nullptr;
}

}  // namespace nba::live

#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "domain/team.h"

namespace nba::live {

// The 30 franchises, looked up by NBA.com TEAM_ID or abbreviation. Several NBA.com
// endpoints give only the TEAM_ID (leaguedashteamstats, leaguestandingsv3), so the live
// source maps through this; franchise facts (conference, division, names) do not change
// within a season, so the list comes with the binary (the snapshot's teams table) rather
// than from a request. Immutable; thread-safe.
class TeamDirectory {
 public:
  explicit TeamDirectory(std::vector<Team> teams);

  const Team* byId(std::int64_t team_id) const;
  const Team* byAbbr(std::string_view abbr) const;
  const std::vector<Team>& all() const { return teams_; }  // ordered by abbr

 private:
  std::vector<Team> teams_;
};

}  // namespace nba::live

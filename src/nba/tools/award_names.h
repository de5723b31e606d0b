#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace nba::tools {

// The awards a user can ask for, by code or common words. Codes are the data's (AwardEntry):
// voted MVP, DPOY, ROY, 6MOY, MIP, CLUTCH; selections ALL_NBA_1..3, ALL_DEF_1..2,
// ALL_ROOKIE_1..2. Pure functions; thread-safe.

// What an `award` argument asks for: one or more codes ("all-nba" → the three teams).
struct AwardChoice {
  std::vector<std::string> codes;
  std::string label;  // "All-NBA", "Most Valuable Player"
};

// Reads "MVP", "most valuable player", "rookie of the year", "sixth man", "dpoy", "all-nba",
// "All-NBA first team", "ALL_NBA_1", "all defensive 2nd team", "all rookie" … case-insensitively.
// Unknown → kInvalidArgument listing the accepted codes.
Result<AwardChoice> parseAward(std::string_view text);

// "Most Valuable Player", "All-NBA First Team"; the code itself when unknown.
std::string awardName(std::string_view code);

// The name with the short form people write after it: "Most Valuable Player (MVP)",
// "Sixth Man of the Year (6MOY)"; the name alone for awards without one ("All-NBA First Team",
// "Clutch Player of the Year").
std::string awardNameWithShortForm(std::string_view code);

// True for MVP, DPOY, ROY, 6MOY, MIP, CLUTCH (awards with voting).
bool isVotedAward(std::string_view code);

// The order awards are listed in: voted awards, then All-NBA, All-Defense, All-Rookie teams.
int awardOrder(std::string_view code);

}  // namespace nba::tools

#pragma once

#include <cstdint>
#include <string>

namespace nba {

// One NBA franchise as it is today (conferences and divisions unchanged since 2004-05).
// `abbr` is NBA.com's scheme (BKN, CHA, PHX) and is the team key everywhere in the project;
// `bbref_abbr` is basketball-reference's (BRK, CHO, PHO). Value type.
struct Team {
  std::int64_t team_id = 0;  // NBA.com TEAM_ID, e.g. 1610612738 for Boston.
  std::string abbr;          // "BOS"
  std::string bbref_abbr;    // "BOS"; "BRK" for BKN
  std::string city;          // "Boston"; "LA" for the Clippers (NBA.com's city)
  std::string nickname;      // "Celtics"
  std::string name;          // NBA.com full name: "LA Clippers"
  std::string bbref_name;    // basketball-reference full name: "Los Angeles Clippers"
  std::string conference;    // "East" | "West"
  std::string division;      // "Atlantic", "Central", ...
  std::string slug;          // NBA.com slug: "celtics"
};

}  // namespace nba

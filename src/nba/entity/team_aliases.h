#pragma once

#include <span>
#include <string_view>

namespace nba::entity {

// Slang or a short form for one team, by its NBA.com abbreviation ("Dubs" → "GSW").
struct TeamAlias {
  std::string_view alias;
  std::string_view abbr;
};

// Two spellings of one city ("LA" and "Los Angeles"). A team whose city is either spelling
// answers to both, in full names too ("Los Angeles Clippers", "LA Lakers").
struct CityAlias {
  std::string_view city;
  std::string_view same_as;
};

// Built-in tables, matched after name normalization (case, punctuation, accents and a
// leading "the" do not matter; "T-Wolves" = "T Wolves" = "TWolves"). An alias whose team is
// not in the resolver's team list is ignored. Static storage; thread-safe.
std::span<const TeamAlias> teamAliases();
std::span<const CityAlias> cityAliases();

}  // namespace nba::entity

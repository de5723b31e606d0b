#pragma once

#include <vector>

#include "nba/entity/entity_resolver.h"
#include "nba/entity/entity_types.h"

namespace nba::testing {

// The 30 NBA teams with their real NBA.com ids, both abbreviation schemes, city, nickname,
// conference and division (as on NBA.com: the Clippers' city is "LA").
std::vector<entity::TeamEntry> fixtureTeams();

// About 110 real players with their real NBA.com person ids and published spellings
// (accents and suffixes kept: "Nikola Jokić", "Jimmy Butler III"). team_abbr is the
// 2025-26 team; prominence is roughly 2024-25 points per game (career for the retired).
// Written out here so the tests never depend on the shared data directory.
std::vector<entity::PlayerEntry> fixturePlayers();

// A resolver over fixturePlayers() and fixtureTeams(), built once and shared (it is
// immutable and thread-safe).
const entity::EntityResolver& fixtureResolver();

}  // namespace nba::testing

#include "nba/entity/team_aliases.h"

#include <array>

namespace nba::entity {
namespace {

constexpr std::array kTeamAliases = {
    TeamAlias{"Sixers", "PHI"},   TeamAlias{"Philly", "PHI"},    TeamAlias{"Cavs", "CLE"},
    TeamAlias{"Dubs", "GSW"},     TeamAlias{"GS", "GSW"},        TeamAlias{"Celts", "BOS"},
    TeamAlias{"C's", "BOS"},      TeamAlias{"Nugs", "DEN"},      TeamAlias{"Wolves", "MIN"},
    TeamAlias{"T-Wolves", "MIN"}, TeamAlias{"Minny", "MIN"},     TeamAlias{"Blazers", "POR"},
    TeamAlias{"Rip City", "POR"}, TeamAlias{"Mavs", "DAL"},      TeamAlias{"Grizz", "MEM"},
    TeamAlias{"Pels", "NOP"},     TeamAlias{"NOLA", "NOP"},      TeamAlias{"NO", "NOP"},
    TeamAlias{"Clips", "LAC"},    TeamAlias{"Lake Show", "LAL"}, TeamAlias{"Lakeshow", "LAL"},
    TeamAlias{"NY", "NYK"},       TeamAlias{"Buzz City", "CHA"}, TeamAlias{"SA", "SAS"},
    TeamAlias{"Raps", "TOR"},     TeamAlias{"Wiz", "WAS"},       TeamAlias{"Rox", "HOU"},
    TeamAlias{"Nuggs", "DEN"},    TeamAlias{"Golden St", "GSW"},

    TeamAlias{"Phila", "PHI"},
};

constexpr std::array kCityAliases = {
    CityAlias{"LA", "Los Angeles"},
};

}  // namespace

std::span<const TeamAlias> teamAliases() { return kTeamAliases; }
std::span<const CityAlias> cityAliases() { return kCityAliases; }

}  // namespace nba::entity

#pragma once

#include <memory>

#include "core/clock.h"
#include "origin/data_source.h"

namespace nba {

// A DataSource that shows only the seasons known at its clock's date (seasonKnownAt in
// domain/season_resolver.h): a season that begins after the clock's current season has no
// figures yet, even when `inner` holds them (the offline snapshot reaches 2025-26; with the
// clock fixed at 2025-04-14 that season has not started). This is the one place the rule
// is applied, so every tool, resource and prompt that lists seasons without the caller naming
// one — seasons(), careers, the awards of every season — agrees with what "this season" means.
//
// * seasons(), playerCareer(), awards(nullopt): rows of later seasons are left out; the
//   table's as_of becomes the latest as_of of the seasons kept.
// * A call naming a later season (season stats, team stats, games, standings, awards, game
//   logs) is kInvalidArgument "2025-26 has not started yet; the current season is 2024-25",
//   the season resolver's message.
// * teams(), players(), player() pass through: bios are not per season.
//
// `inner` and `clock` must outlive the view. Thread-safe as `inner` is (the view has no state
// of its own; it reads the clock on every call, so a running clock moves the boundary).
std::unique_ptr<DataSource> newKnownSeasonsView(const DataSource& inner, const Clock& clock);

}  // namespace nba

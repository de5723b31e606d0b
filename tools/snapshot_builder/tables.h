#pragma once

#include <map>
#include <string>

#include "build_inputs.h"
#include "meta_facts.h"
#include "player_lines.h"
#include "player_registry.h"
#include "team_directory.h"
#include "tsv_writer.h"

// The snapshot's tables other than teams (TeamDirectory::table) and player season lines
// (buildPlayerLines). Each returns its table sorted in the documented order; columns are
// snapshot_schema.h's. Pure functions of their inputs.
namespace nba::builder {

// team_season_lines.tsv from bbref team_summaries + team/opponent per game and totals.
Result<TsvTable> buildTeamLines(const BuildInputs& in, const TeamDirectory& teams);

// games.tsv from derived/games_*.csv.
Result<TsvTable> buildGames(const BuildInputs& in);

// awards.tsv from player_award_shares + end_of_season_teams.
Result<TsvTable> buildAwards(const BuildInputs& in, const PlayerRegistry& registry);

// player_game_logs.tsv from the 2023-24 StatsChef game logs.
Result<TsvTable> buildGameLogs(const BuildInputs& in, const TeamDirectory& teams,
                               const PlayerRegistry& registry);

// players.tsv: identities + bios (bbref career info, NBA.com player index) + what the
// season lines say (prominence, latest team).
Result<TsvTable> buildPlayers(const BuildInputs& in, const TeamDirectory& teams,
                              const PlayerRegistry& registry, const PlayerLinesOutput& lines);

// meta.tsv: as_of, coverage and origin of every (season, table), dates and counts from `facts`.
TsvTable buildMeta(const MetaFacts& facts);

}  // namespace nba::builder

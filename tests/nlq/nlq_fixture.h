#pragma once

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <string_view>

#include "nlq/parser/parsed_query_json.h"
#include "nlq/parser/question_parser.h"
#include "nlq/planner/planner.h"
#include "support/nba_env.h"

namespace nba::nlq::testing {

// The parse context of the snapshot tests: 2026-02-22 (season 2025-26), like snapshotEnv().
inline ParseContext snapshotContext() {
  return parseContextAt(std::chrono::system_clock::from_time_t(1771761600));
}

// A parser and a planner over the embedded snapshot, built once. Thread-safe.
inline const QuestionParser& snapshotParser() {
  static const auto parser = [] {
    const auto& env = nba::testing::snapshotEnv();
    auto players = env.data.players(env.call);
    auto teams = env.data.teams(env.call);
    if (!players.ok() || !teams.ok()) throw std::runtime_error("snapshot lists no names");
    return newQuestionParser(env.resolver, players->rows, teams->rows);
  }();
  return *parser;
}

inline const Planner& snapshotPlanner() {
  static const Planner planner = [] {
    auto teams = nba::testing::snapshotEnv().data.teams(nba::testing::snapshotEnv().call);
    if (!teams.ok()) throw std::runtime_error(teams.status().toString());
    return newPlanner(teams->rows);
  }();
  return planner;
}

inline ParsedQuery parse(std::string_view question) {
  return snapshotParser().parse(question, snapshotContext());
}

inline Plan planFor(std::string_view question) { return snapshotPlanner().plan(parse(question)); }

// [{"tool": …, "arguments": {…}}, …] of the question's plan, for exact comparisons.
inline nlohmann::json callsOf(std::string_view question) {
  nlohmann::json calls = nlohmann::json::array();
  for (const PlannedCall& call : planFor(question).calls) {
    calls.push_back({{"tool", call.tool}, {"arguments", call.arguments}});
  }
  return calls;
}

// The id the planner passes for a player or team the parser resolved, by its full display
// name ("LeBron James" → "2544", "Boston Celtics" → "1610612738"), so expectations stay
// readable. Any other text (an ambiguous "Davis") is what the planner passes as written. A
// display name two players share would be ambiguous here: the fixture refuses it.
inline std::string plannedEntity(const std::string& name) {
  static const auto ids = [] {
    std::map<std::string, std::string> by_name;
    const auto& env = nba::testing::snapshotEnv();
    const auto players = env.data.players(env.call);
    const auto teams = env.data.teams(env.call);
    if (!players.ok() || !teams.ok()) throw std::runtime_error("snapshot lists no names");
    for (const Player& player : players->rows) {
      if (!by_name.emplace(player.name, player.player_id).second) by_name[player.name] = "";
    }
    for (const Team& team : teams->rows) {
      by_name.emplace(team.name, std::to_string(team.team_id));
    }
    return by_name;
  }();
  const auto it = ids.find(name);
  if (it == ids.end()) return name;
  if (it->second.empty()) throw std::runtime_error(name + " names two players");
  return it->second;
}

// `arguments` with the names in its entity arguments (player, players, team, teams, team_a,
// team_b) replaced by plannedEntity().
inline nlohmann::json plannedArguments(nlohmann::json arguments) {
  for (const char* key : {"player", "team", "team_a", "team_b"}) {
    if (arguments.contains(key)) arguments[key] = plannedEntity(arguments[key].get<std::string>());
  }
  for (const char* key : {"players", "teams"}) {
    if (!arguments.contains(key)) continue;
    for (auto& name : arguments[key]) name = plannedEntity(name.get<std::string>());
  }
  return arguments;
}

// A planned call as a test writes it: entities by name (see plannedArguments).
inline nlohmann::json call(std::string_view tool, nlohmann::json arguments) {
  return {{"tool", tool}, {"arguments", plannedArguments(std::move(arguments))}};
}

}  // namespace nba::nlq::testing

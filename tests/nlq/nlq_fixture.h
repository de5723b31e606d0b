#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <stdexcept>
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

inline nlohmann::json call(std::string_view tool, nlohmann::json arguments) {
  return {{"tool", tool}, {"arguments", std::move(arguments)}};
}

}  // namespace nba::nlq::testing

#include "nlq/parser/parsed_query.h"

namespace nba::nlq {

std::string_view intentName(IntentKind kind) {
  switch (kind) {
    case IntentKind::kLeaders:
      return "leaders";
    case IntentKind::kTeamLeaders:
      return "team_leaders";
    case IntentKind::kPlayerStats:
      return "player_stats";
    case IntentKind::kCareer:
      return "career";
    case IntentKind::kGameLog:
      return "game_log";
    case IntentKind::kComparePlayers:
      return "compare_players";
    case IntentKind::kTeamStats:
      return "team_stats";
    case IntentKind::kCompareTeams:
      return "compare_teams";
    case IntentKind::kStandings:
      return "standings";
    case IntentKind::kScores:
      return "scores";
    case IntentKind::kHeadToHead:
      return "head_to_head";
    case IntentKind::kSchedule:
      return "schedule";
    case IntentKind::kBoxScore:
      return "box_score";
    case IntentKind::kAwards:
      return "awards";
  }
  return "unknown";
}

}  // namespace nba::nlq

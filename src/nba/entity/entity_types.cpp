#include "nba/entity/entity_types.h"

namespace nba::entity {

std::string_view entityKindName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPlayer:
      return "player";
    case EntityKind::kTeam:
      return "team";
  }
  return "unknown";
}

std::string_view matchKindName(MatchKind kind) {
  switch (kind) {
    case MatchKind::kId:
      return "id";
    case MatchKind::kExactName:
      return "exact";
    case MatchKind::kAbbreviation:
      return "abbreviation";
    case MatchKind::kTeamName:
      return "team_name";
    case MatchKind::kNickname:
      return "nickname";
    case MatchKind::kCity:
      return "city";
    case MatchKind::kLastName:
      return "last_name";
    case MatchKind::kFirstName:
      return "first_name";
    case MatchKind::kPrefix:
      return "prefix";
    case MatchKind::kFuzzy:
      return "fuzzy";
  }
  return "unknown";
}

}  // namespace nba::entity

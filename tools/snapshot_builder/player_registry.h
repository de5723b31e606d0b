#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "build_inputs.h"
#include "team_directory.h"

namespace nba::builder {

// How a player's NBA.com id was found.
inline constexpr const char* kMatchName = "name";             // unique accent/case/suffix-free name
inline constexpr const char* kMatchShortName = "short_name";  // Matt/Matthew, same last name
inline constexpr const char* kMatchTeam = "team";         // same team-season + last or first name
inline constexpr const char* kMatchNone = "bbref_only";   // no NBA.com id found
inline constexpr const char* kMatchNbaOnly = "nba_only";  // only in NBA.com sources

struct PlayerIdentity {
  std::string player_id;  // NBA.com id, or "bbref:<slug>"
  std::optional<long long> nba_id;
  std::string bbref_id;
  std::string name;      // bbref's spelling when known (diacritics kept), else NBA.com's
  std::string nba_name;  // NBA.com's spelling when it differs from `name`
  std::string match;     // kMatch*
};

// Every player in the sources, with bbref slugs matched to NBA.com person ids by name (see
// nameKey), then by team-season for the rest. Built once; read-only afterwards.
class PlayerRegistry {
 public:
  static PlayerRegistry build(const BuildInputs& in, const TeamDirectory& teams);

  const PlayerIdentity* bySlug(const std::string& slug) const;
  const PlayerIdentity* byNbaId(long long nba_id) const;
  // Identities sorted by player_id.
  std::vector<const PlayerIdentity*> all() const;

 private:
  std::map<std::string, PlayerIdentity> by_id_;
  std::map<std::string, std::string> slug_to_id_;
  std::map<long long, std::string> nba_to_id_;
};

}  // namespace nba::builder

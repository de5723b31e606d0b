#include "player_registry.h"

#include <set>

#include "name_key.h"
#include "tsv_writer.h"

namespace nba::builder {
namespace {

struct BbrefPlayer {
  std::string name;
  int from = 0, to = 9999;                             // season start years
  std::set<std::pair<int, std::string>> team_seasons;  // (start year, NBA.com abbr)
};

struct NbaPlayer {
  std::string name;
  int from = 0, to = 9999;  // season start years
  bool in_stats = false;    // in a 2023-26 stats source, not only the all-time list
  std::set<std::pair<int, std::string>> team_seasons;
};

using BbrefMap = std::map<std::string, BbrefPlayer>;
using NbaMap = std::map<long long, NbaPlayer>;

void addSlug(BbrefMap& out, const std::string& slug, const std::string& name) {
  if (slug.empty() || slug == "-9999" || name.empty()) {
    return;
  }
  BbrefPlayer& player = out[slug];
  if (player.name.empty()) {
    player.name = name;
  }
}

BbrefMap collectBbref(const BuildInputs& in, const TeamDirectory& teams) {
  BbrefMap out;
  for (const auto& row : in.career_info.rows()) {
    const std::string& slug = in.career_info.cell(row, "player_id");
    addSlug(out, slug, in.career_info.cell(row, "player"));
    if (auto it = out.find(slug); it != out.end()) {
      it->second.from =
          static_cast<int>(parseWhole(in.career_info.cell(row, "from")).value_or(1)) - 1;
      it->second.to =
          static_cast<int>(parseWhole(in.career_info.cell(row, "to")).value_or(10000)) - 1;
    }
  }
  for (const auto& row : in.season_info.rows()) {
    const std::string& slug = in.season_info.cell(row, "player_id");
    addSlug(out, slug, in.season_info.cell(row, "player"));
    const std::string abbr = teams.abbrFor(in.season_info.cell(row, "team"));
    const auto season = parseWhole(in.season_info.cell(row, "season"));
    if (!abbr.empty() && season && out.count(slug)) {
      out[slug].team_seasons.insert({static_cast<int>(*season) - 1, abbr});
    }
  }
  for (const CsvFile* file : {&in.per_game_2024, &in.advanced_2024, &in.totals_2023}) {
    for (const auto& row : file->rows()) {
      addSlug(out, file->cell(row, "Player-additional"), file->cell(row, "Player"));
    }
  }
  for (const CsvFile* file : {&in.award_shares, &in.end_of_season_teams}) {
    for (const auto& row : file->rows()) {
      addSlug(out, file->cell(row, "player_id"), file->cell(row, "player"));
    }
  }
  return out;
}

void addNba(NbaMap& out, const std::string& id_text, const std::string& name, bool in_stats,
            int season, const std::string& abbr) {
  const auto id = parseWhole(id_text);
  if (!id || name.empty()) {
    return;
  }
  NbaPlayer& player = out[*id];
  if (player.name.empty()) {
    player.name = name;
  }
  player.in_stats = player.in_stats || in_stats;
  if (season > 0 && !abbr.empty()) {
    player.team_seasons.insert({season, abbr});
  }
}

NbaMap collectNba(const BuildInputs& in, const TeamDirectory& teams) {
  NbaMap out;
  const CsvFile& all = in.common_all_players;
  for (const auto& row : all.rows()) {
    const int to = static_cast<int>(parseWhole(all.cell(row, "TO_YEAR")).value_or(0));
    if (to < 2022) {
      continue;  // retired before the snapshot's seasons: never a candidate
    }
    addNba(out, all.cell(row, "PERSON_ID"), all.cell(row, "DISPLAY_FIRST_LAST"), false, 0, "");
    NbaPlayer& player = out[*parseWhole(all.cell(row, "PERSON_ID"))];
    player.from = static_cast<int>(parseWhole(all.cell(row, "FROM_YEAR")).value_or(0));
    player.to = to;
  }
  const CsvFile& index = in.player_index;
  for (const auto& row : index.rows()) {
    addNba(out, index.cell(row, "PERSON_ID"),
           index.cell(row, "PLAYER_FIRST_NAME") + " " + index.cell(row, "PLAYER_LAST_NAME"), true,
           2025, index.cell(row, "TEAM_ABBREVIATION"));
  }
  const CsvFile& dash = in.league_dash_2025;
  for (const auto& row : dash.rows()) {
    addNba(out, dash.cell(row, "PLAYER_ID"), dash.cell(row, "PLAYER_NAME"), true, 2025,
           dash.cell(row, "TEAM_ABBREVIATION"));
  }
  const CsvFile& logs = in.game_logs_2023;
  for (const auto& row : logs.rows()) {
    addNba(out, logs.cell(row, "Player_ID"), logs.cell(row, "PLAYER_NAME"), true, 2023,
           teams.abbrFor(logs.cell(row, "TEAM_NAME")));
  }
  return out;
}

bool yearsOverlap(const BbrefPlayer& b, const NbaPlayer& n) {
  return b.from <= n.to && n.from <= b.to;
}

std::string firstToken(const std::string& key) { return key.substr(0, key.find(' ')); }
std::string lastToken(const std::string& key) { return key.substr(key.rfind(' ') + 1); }

bool shareTeamSeason(const BbrefPlayer& b, const NbaPlayer& n) {
  for (const auto& team_season : b.team_seasons) {
    if (n.team_seasons.count(team_season)) {
      return true;
    }
  }
  return false;
}

// slug -> (nba id, how)
std::map<std::string, std::pair<long long, const char*>> matchPlayers(const BbrefMap& bbref,
                                                                      const NbaMap& nba) {
  std::map<std::string, std::vector<long long>> by_key, by_sorted_key;
  for (const auto& [id, player] : nba) {
    by_key[nameKey(player.name)].push_back(id);
    by_sorted_key[sortedNameKey(player.name)].push_back(id);
  }
  std::map<std::string, std::pair<long long, const char*>> matches;
  std::map<long long, int> claims;
  for (const auto& [slug, player] : bbref) {
    auto it = by_key.find(nameKey(player.name));
    if (it == by_key.end()) {
      it = by_sorted_key.find(sortedNameKey(player.name));
      if (it == by_sorted_key.end()) {
        continue;
      }
    }
    std::vector<long long> candidates;
    for (long long id : it->second) {
      if (it->second.size() == 1 || yearsOverlap(player, nba.at(id))) {
        candidates.push_back(id);
      }
    }
    if (candidates.size() == 1) {
      matches[slug] = {candidates.front(), kMatchName};
      ++claims[candidates.front()];
    }
  }
  // Two bbref players claiming one NBA.com id: trust neither.
  for (auto it = matches.begin(); it != matches.end();) {
    it = claims[it->second.first] > 1 ? matches.erase(it) : std::next(it);
  }
  // Second pass: same last name, one first name a prefix of the other ("Matt"/"Matthew"),
  // overlapping careers, and exactly one such candidate.
  std::set<long long> claimed;
  for (const auto& [slug, match] : matches) {
    claimed.insert(match.first);
  }
  for (const auto& [slug, player] : bbref) {
    if (matches.count(slug)) {
      continue;
    }
    const std::string key = nameKey(player.name);
    std::vector<long long> candidates;
    for (const auto& [id, candidate] : nba) {
      const std::string other = nameKey(candidate.name);
      const std::string a = firstToken(key), b = firstToken(other);
      const bool prefix =
          a.size() >= 3 && b.size() >= 3 && (a.rfind(b, 0) == 0 || b.rfind(a, 0) == 0);
      if (!claimed.count(id) && prefix && lastToken(other) == lastToken(key) &&
          yearsOverlap(player, candidate)) {
        candidates.push_back(id);
      }
    }
    if (candidates.size() == 1) {
      matches[slug] = {candidates.front(), kMatchShortName};
      claimed.insert(candidates.front());
    }
  }
  // Third pass: unmatched on both sides, same team in the same season, and the same last
  // name or first name (catches "Nicolas Claxton" / "Nic Claxton", "Cameron"/"Cam").
  std::set<long long> taken;
  for (const auto& [slug, match] : matches) {
    taken.insert(match.first);
  }
  std::map<long long, std::vector<std::string>> proposals;
  for (const auto& [slug, player] : bbref) {
    if (matches.count(slug)) {
      continue;
    }
    const std::string key = nameKey(player.name);
    std::vector<long long> candidates;
    for (const auto& [id, candidate] : nba) {
      if (taken.count(id) || !candidate.in_stats || !shareTeamSeason(player, candidate)) {
        continue;
      }
      const std::string other = nameKey(candidate.name);
      if (lastToken(other) == lastToken(key) || firstToken(other) == firstToken(key)) {
        candidates.push_back(id);
      }
    }
    if (candidates.size() == 1) {
      proposals[candidates.front()].push_back(slug);
    }
  }
  for (const auto& [id, slugs] : proposals) {
    if (slugs.size() == 1) {
      matches[slugs.front()] = {id, kMatchTeam};
    }
  }
  return matches;
}

}  // namespace

PlayerRegistry PlayerRegistry::build(const BuildInputs& in, const TeamDirectory& teams) {
  const BbrefMap bbref = collectBbref(in, teams);
  const NbaMap nba = collectNba(in, teams);
  const auto matches = matchPlayers(bbref, nba);
  PlayerRegistry registry;
  for (const auto& [slug, player] : bbref) {
    PlayerIdentity identity;
    identity.bbref_id = slug;
    identity.name = player.name;
    if (auto it = matches.find(slug); it != matches.end()) {
      identity.nba_id = it->second.first;
      identity.player_id = std::to_string(it->second.first);
      identity.match = it->second.second;
      const std::string& nba_name = nba.at(it->second.first).name;
      identity.nba_name = nba_name == player.name ? "" : nba_name;
      registry.nba_to_id_[it->second.first] = identity.player_id;
    } else {
      identity.player_id = "bbref:" + slug;
      identity.match = kMatchNone;
    }
    registry.slug_to_id_[slug] = identity.player_id;
    registry.by_id_[identity.player_id] = identity;
  }
  for (const auto& [id, player] : nba) {
    if (!player.in_stats || registry.nba_to_id_.count(id)) {
      continue;
    }
    PlayerIdentity identity;
    identity.player_id = std::to_string(id);
    identity.nba_id = id;
    identity.name = player.name;
    identity.match = kMatchNbaOnly;
    registry.nba_to_id_[id] = identity.player_id;
    registry.by_id_[identity.player_id] = identity;
  }
  return registry;
}

const PlayerIdentity* PlayerRegistry::bySlug(const std::string& slug) const {
  auto it = slug_to_id_.find(slug);
  return it == slug_to_id_.end() ? nullptr : &by_id_.at(it->second);
}

const PlayerIdentity* PlayerRegistry::byNbaId(long long nba_id) const {
  auto it = nba_to_id_.find(nba_id);
  return it == nba_to_id_.end() ? nullptr : &by_id_.at(it->second);
}

std::vector<const PlayerIdentity*> PlayerRegistry::all() const {
  std::vector<const PlayerIdentity*> out;
  for (const auto& [id, identity] : by_id_) {
    out.push_back(&identity);
  }
  return out;
}

}  // namespace nba::builder

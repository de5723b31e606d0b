#include "nba/entity/team_index.h"

#include <algorithm>
#include <unordered_set>

#include "core/ascii.h"
#include "nba/entity/edit_distance.h"
#include "nba/entity/name_normalize.h"
#include "nba/entity/team_aliases.h"

namespace nba::entity {
namespace {

constexpr double kFullNameConfidence = 1.0;
constexpr double kAbbreviationConfidence = 1.0;
constexpr double kTeamNameConfidence = 0.98;
constexpr double kAliasConfidence = 0.95;
constexpr double kCityConfidence = 0.9;
constexpr double kFuzzyWeight = 0.85;  // × (1 − distance / length)
// Keys shorter than this (abbreviations, "LA", "GS") never match by typo: "LAK" or "XYZ"
// are not near-misses of anything a person would mean.
constexpr std::size_t kMinFuzzyKeyLength = 4;

// Every spelling of `city`: itself plus any alias pair it belongs to.
std::vector<std::string> citySpellings(std::string_view city) {
  std::vector<std::string> spellings{std::string(city)};
  const std::string key = normalizeName(city);
  for (const CityAlias& alias : cityAliases()) {
    if (normalizeName(alias.city) == key) {
      spellings.emplace_back(alias.same_as);
    } else if (normalizeName(alias.same_as) == key) {
      spellings.emplace_back(alias.city);
    }
  }
  return spellings;
}

}  // namespace

Result<TeamIndex> TeamIndex::build(std::vector<TeamEntry> teams) {
  TeamIndex index;
  std::unordered_set<std::int64_t> seen_ids;
  std::unordered_set<std::string> seen_abbrs;
  for (std::size_t i = 0; i < teams.size(); ++i) {
    TeamEntry& entry = teams[i];
    if (entry.abbr.empty() || normalizeName(entry.city).empty() ||
        normalizeName(entry.nickname).empty()) {
      return invalidArgument("team #" + std::to_string(i) + " (id " +
                             std::to_string(entry.nba_team_id) +
                             ") needs an abbreviation, a city and a nickname");
    }
    if (!seen_ids.insert(entry.nba_team_id).second) {
      return invalidArgument("team id " + std::to_string(entry.nba_team_id) + " is used twice");
    }
    if (!seen_abbrs.insert(asciiLower(entry.abbr)).second) {
      return invalidArgument("team abbreviation " + entry.abbr + " is used twice");
    }
    std::string id = std::to_string(entry.nba_team_id);
    std::string display = entry.city + " " + entry.nickname;
    index.teams_.push_back({std::move(entry), std::move(id), std::move(display)});
    index.indexTeam(static_cast<std::uint32_t>(i));
  }
  index.indexAliases();
  index.fuzzy_keys_ = FuzzyIndex::build(index.fuzzy_entries_);
  index.fuzzy_entries_.clear();
  return index;
}

void TeamIndex::addKey(std::string_view text, std::uint32_t team, MatchKind match,
                       double confidence) {
  auto [spaced, compact] = aliasKeys(text);
  for (const std::string& key : {spaced, compact}) {
    if (key.empty()) {
      continue;
    }
    std::vector<KeyHit>& hits = keys_[key];
    const bool duplicate = std::any_of(hits.begin(), hits.end(), [&](const KeyHit& hit) {
      return hit.team == team && hit.confidence >= confidence;
    });
    if (!duplicate) {
      hits.push_back({team, match, confidence});
    }
  }
  fuzzy_entries_.emplace_back(compact, team);
}

void TeamIndex::indexTeam(std::uint32_t team) {
  const TeamEntry& entry = teams_[team].entry;
  addKey(entry.abbr, team, MatchKind::kAbbreviation, kAbbreviationConfidence);
  if (!entry.alt_abbr.empty()) {
    addKey(entry.alt_abbr, team, MatchKind::kAbbreviation, kAbbreviationConfidence);
  }
  addKey(entry.nickname, team, MatchKind::kTeamName, kTeamNameConfidence);
  for (const std::string& city : citySpellings(entry.city)) {
    addKey(city + " " + entry.nickname, team, MatchKind::kExactName, kFullNameConfidence);
    addKey(city, team, MatchKind::kCity, kCityConfidence);
  }
}

void TeamIndex::indexAliases() {
  for (const TeamAlias& alias : teamAliases()) {
    for (std::uint32_t team = 0; team < teams_.size(); ++team) {
      if (asciiLower(teams_[team].entry.abbr) == asciiLower(alias.abbr)) {
        addKey(alias.alias, team, MatchKind::kNickname, kAliasConfidence);
      }
    }
  }
}

std::vector<Candidate> TeamIndex::match(const NameQuery& query, bool allow_fuzzy) const {
  MatchSet found;
  for (const std::string* key :
       {&query.spaced, &query.compact, &query.alias_spaced, &query.alias_compact}) {
    const auto it = keys_.find(*key);
    if (it == keys_.end()) {
      continue;
    }
    for (const KeyHit& hit : it->second) {
      found.offer(hit.team, hit.confidence, hit.match);
    }
  }
  if (found.empty() && allow_fuzzy && query.alias_compact.size() >= kMinFuzzyKeyLength) {
    std::vector<FuzzyIndex::Hit> hits;
    fuzzy_keys_.find(query.alias_compact, typoBudget(query.alias_compact.size()), &hits);
    for (const FuzzyIndex::Hit& hit : hits) {
      const std::string_view key = fuzzy_keys_.key(hit.key_index);
      if (key.size() < kMinFuzzyKeyLength) {
        continue;
      }
      const double share = static_cast<double>(hit.distance) / static_cast<double>(key.size());
      for (std::uint32_t team : fuzzy_keys_.postings(hit.key_index)) {
        found.offer(team, kFuzzyWeight * (1.0 - share), MatchKind::kFuzzy);
      }
    }
  }
  std::vector<Candidate> candidates;
  for (const ScoredMatch& scored : found.matches()) {
    const Record& record = teams_[scored.index];
    candidates.push_back({EntityKind::kTeam, record.id, record.display_name, record.entry.abbr,
                          scored.confidence, scored.match});
  }
  return candidates;
}

std::optional<Candidate> TeamIndex::findById(std::string_view id) const {
  const auto record =
      std::find_if(teams_.begin(), teams_.end(), [&](const Record& team) { return team.id == id; });
  if (record == teams_.end()) return std::nullopt;
  return Candidate{EntityKind::kTeam,  record->id, record->display_name,
                   record->entry.abbr, 1.0,        MatchKind::kId};
}

std::vector<std::string> TeamIndex::suggest(const NameQuery& query, std::size_t max) const {
  std::vector<FuzzyIndex::Hit> hits;
  const int budget = std::max(2, typoBudget(query.alias_compact.size()) + 1);
  fuzzy_keys_.find(query.alias_compact, budget, &hits);
  std::sort(hits.begin(), hits.end(),
            [](const auto& a, const auto& b) { return a.distance < b.distance; });
  std::vector<std::string> names;
  for (const FuzzyIndex::Hit& hit : hits) {
    for (std::uint32_t team : fuzzy_keys_.postings(hit.key_index)) {
      const std::string& name = teams_[team].display_name;
      if (names.size() < max && std::find(names.begin(), names.end(), name) == names.end()) {
        names.push_back(name);
      }
    }
  }
  return names;
}

}  // namespace nba::entity

#include "nba/entity/player_index.h"

#include <algorithm>

#include "nba/entity/edit_distance.h"
#include "nba/entity/name_normalize.h"
#include "nba/entity/player_nicknames.h"

namespace nba::entity {
namespace {

// Confidence by stage. Exact beats nickname beats last name beats first name; a typo costs
// in proportion to the share of the name it changed.
constexpr double kExactConfidence = 1.0;
constexpr double kNicknameConfidence = 0.95;
constexpr double kLastNameConfidence = 0.9;
constexpr double kFirstPrefixLastConfidence = 0.88;
constexpr double kLastNamePartConfidence = 0.85;
constexpr double kFirstNameConfidence = 0.75;
constexpr double kPrefixBase = 0.6;  // + up to kPrefixSpan for the share typed
constexpr double kPrefixSpan = 0.25;
constexpr double kFuzzyFullWeight = 0.88;  // × (1 − distance / length)
constexpr double kFuzzyLastWeight = 0.8;
constexpr double kFuzzyFirstWeight = 0.7;
// Stages that only guess (prefix, typos) run when nothing scored at least this.
constexpr double kGuessThreshold = 0.75;

// Ranking penalties inside a group of equally matched players (see preferActiveAndProminent).
constexpr double kSharedMatchPenalty = 0.05;
constexpr double kDominatedPenalty = 0.2;
constexpr double kRankStep = 0.01;
// Within this ratio two players sharing a name are both meant often enough to ask which.
constexpr double kProminenceTieRatio = 0.55;

constexpr std::size_t kMinPrefixLength = 3;
constexpr std::size_t kMaxPrefixHits = 16;
constexpr std::size_t kMinFuzzyTokenLength = 4;
constexpr std::size_t kMaxFuzzyTokens = 6;
constexpr std::size_t kMaxFuzzyCandidates = 64;

// Splits a published name into first and last name at the first space: "Karl-Anthony Towns"
// → {karl anthony} {towns}; "Shai Gilgeous-Alexander" → {shai} {gilgeous alexander}.
std::pair<std::vector<std::string>, std::vector<std::string>> splitName(std::string_view name) {
  const std::size_t start = name.find_first_not_of(' ');
  name = start == std::string_view::npos ? std::string_view() : name.substr(start);
  const std::size_t space = name.find(' ');
  std::vector<std::string> first = tokenizeName(name.substr(0, space));
  std::vector<std::string> last =
      space == std::string_view::npos ? first : tokenizeName(name.substr(space + 1));
  stripNameSuffixes(&last);
  if (last.size() == 1 && isNameSuffix(last.front())) {
    last = first;  // "Nene Jr." has no last name to speak of
  }
  return {std::move(first), std::move(last)};
}

double similarity(int distance, std::size_t length) {
  return 1.0 -
         static_cast<double>(distance) / static_cast<double>(std::max<std::size_t>(length, 1));
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

Result<PlayerIndex> PlayerIndex::build(std::vector<PlayerEntry> players) {
  PlayerIndex index;
  index.players_.reserve(players.size());
  for (std::size_t i = 0; i < players.size(); ++i) {
    PlayerEntry& entry = players[i];
    if (entry.id.empty()) {
      return invalidArgument("player #" + std::to_string(i) + " ('" + entry.full_name +
                             "') has no id");
    }
    if (!index.by_id_.emplace(entry.id, static_cast<std::uint32_t>(i)).second) {
      return invalidArgument("player id " + entry.id + " is used twice");
    }
    auto [first, last] = splitName(entry.full_name);
    if (first.empty() || last.empty()) {
      return invalidArgument("player " + entry.id + " has a name without letters: '" +
                             entry.full_name + "'");
    }
    Record record{std::move(entry), joinTokens(first, ""), joinTokens(last, ""), ""};
    index.players_.push_back(std::move(record));
    index.indexRecord(static_cast<std::uint32_t>(i), first, last);
  }
  index.indexNicknames();
  index.buildSearchStructures();
  return index;
}

void PlayerIndex::indexRecord(std::uint32_t index, const std::vector<std::string>& first_tokens,
                              const std::vector<std::string>& last_tokens) {
  Record& record = players_[index];
  std::vector<std::string> full_tokens = tokenizeName(record.entry.full_name);
  stripNameSuffixes(&full_tokens);
  record.full_compact = joinTokens(full_tokens, "");
  for (const std::string& key : {joinTokens(full_tokens, " "), record.full_compact}) {
    full_names_[key].push_back(index);
  }
  for (const std::string& key : {joinTokens(last_tokens, " "), record.last_compact}) {
    last_names_[key].push_back(index);
  }
  for (const std::string& key : {joinTokens(first_tokens, " "), record.first_compact}) {
    first_names_[key].push_back(index);
  }
  if (last_tokens.size() > 1) {
    for (const std::string& part : last_tokens) {
      last_name_parts_[part].push_back(index);
    }
  }
  for (const std::string& token : full_tokens) {
    token_entries_.emplace_back(token, index);
  }
  token_entries_.emplace_back(record.last_compact, index);
  token_entries_.emplace_back(record.first_compact, index);
}

void PlayerIndex::indexNicknames() {
  for (const PlayerNickname& nickname : playerNicknames()) {
    const auto target = full_names_.find(normalizeName(nickname.full_name));
    if (target == full_names_.end()) {
      continue;  // that player is not in this list
    }
    auto [spaced, compact] = aliasKeys(nickname.nickname);
    for (const std::string& key : {spaced, compact}) {
      std::vector<std::uint32_t>& players = nicknames_[key];
      for (std::uint32_t player : target->second) {
        if (std::find(players.begin(), players.end(), player) == players.end()) {
          players.push_back(player);
        }
      }
    }
  }
}

void PlayerIndex::buildSearchStructures() {
  for (std::uint32_t i = 0; i < players_.size(); ++i) {
    sorted_keys_.emplace_back(players_[i].full_compact, i);
    sorted_keys_.emplace_back(players_[i].last_compact, i);
  }
  std::sort(sorted_keys_.begin(), sorted_keys_.end());
  name_tokens_ = FuzzyIndex::build(token_entries_);
  token_entries_.clear();
}

std::vector<Candidate> PlayerIndex::match(const NameQuery& query, bool allow_fuzzy) const {
  MatchSet found;
  matchExactKeys(query, &found);
  matchFirstPrefixAndLast(query, &found);
  if (allow_fuzzy && found.bestConfidence() < kGuessThreshold) {
    matchPrefix(query, &found);
    matchFuzzy(query, &found);
  }
  preferActiveAndProminent(&found.matches());
  std::vector<Candidate> candidates;
  candidates.reserve(found.matches().size());
  for (const ScoredMatch& scored : found.matches()) {
    const PlayerEntry& entry = players_[scored.index].entry;
    candidates.push_back({EntityKind::kPlayer, entry.id, entry.full_name, entry.team_abbr,
                          scored.confidence, scored.match});
  }
  return candidates;
}

std::optional<Candidate> PlayerIndex::findById(std::string_view id) const {
  const auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  const PlayerEntry& entry = players_[it->second].entry;
  return Candidate{EntityKind::kPlayer, entry.id, entry.full_name,
                   entry.team_abbr,     1.0,      MatchKind::kId};
}

void PlayerIndex::offerAll(const KeyIndex& index, const std::string& key, double confidence,
                           MatchKind match, MatchSet* found) const {
  const auto it = index.find(key);
  if (it == index.end()) {
    return;
  }
  for (std::uint32_t player : it->second) {
    found->offer(player, confidence, match);
  }
}

void PlayerIndex::matchExactKeys(const NameQuery& query, MatchSet* found) const {
  for (const std::string* key : {&query.spaced, &query.compact}) {
    offerAll(full_names_, *key, kExactConfidence, MatchKind::kExactName, found);
    offerAll(last_names_, *key, kLastNameConfidence, MatchKind::kLastName, found);
    offerAll(last_name_parts_, *key, kLastNamePartConfidence, MatchKind::kLastName, found);
    offerAll(first_names_, *key, kFirstNameConfidence, MatchKind::kFirstName, found);
  }
  for (const std::string* key : {&query.alias_spaced, &query.alias_compact}) {
    offerAll(nicknames_, *key, kNicknameConfidence, MatchKind::kNickname, found);
  }
}

// "Steph Curry", "S Curry", "P Washington": the tail is a last name, the head starts the
// first name.
void PlayerIndex::matchFirstPrefixAndLast(const NameQuery& query, MatchSet* found) const {
  for (std::size_t split = 1; split < query.tokens.size(); ++split) {
    std::string head;
    for (std::size_t i = 0; i < split; ++i) {
      head += query.tokens[i];
    }
    std::string tail;
    for (std::size_t i = split; i < query.tokens.size(); ++i) {
      tail += query.tokens[i];
    }
    const auto it = last_names_.find(tail);
    if (it == last_names_.end()) {
      continue;
    }
    for (std::uint32_t player : it->second) {
      if (startsWith(players_[player].first_compact, head)) {
        found->offer(player, kFirstPrefixLastConfidence, MatchKind::kPrefix);
      }
    }
  }
}

void PlayerIndex::matchPrefix(const NameQuery& query, MatchSet* found) const {
  if (query.compact.size() < kMinPrefixLength) {
    return;
  }
  auto it = std::lower_bound(sorted_keys_.begin(), sorted_keys_.end(),
                             std::make_pair(query.compact, std::uint32_t{0}));
  for (std::size_t hits = 0; it != sorted_keys_.end() && hits < kMaxPrefixHits; ++it, ++hits) {
    if (!startsWith(it->first, query.compact)) {
      break;
    }
    const double typed_share =
        static_cast<double>(query.compact.size()) / static_cast<double>(it->first.size());
    found->offer(it->second, kPrefixBase + kPrefixSpan * typed_share, MatchKind::kPrefix);
  }
}

void PlayerIndex::matchFuzzy(const NameQuery& query, MatchSet* found) const {
  if (query.tokens.empty() || query.tokens.size() > kMaxFuzzyTokens) {
    return;
  }
  // Which query tokens came near one of each player's name tokens (bit i = token i; the
  // last bit = the whole query run together, for "lebronjames"). Only a player near every
  // token can be near the whole name, so only those are scored: scoring is the expensive part.
  const std::uint32_t all_tokens = (1u << query.tokens.size()) - 1;
  const std::uint32_t compact_bit = 1u << kMaxFuzzyTokens;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> evidence;  // (player, token bits)
  std::vector<FuzzyIndex::Hit> hits;
  auto collect = [&](std::string_view text, std::uint32_t bit) {
    hits.clear();
    name_tokens_.find(text, typoBudget(text.size()), &hits);
    for (const FuzzyIndex::Hit& hit : hits) {
      for (std::uint32_t player : name_tokens_.postings(hit.key_index)) {
        auto it = std::find_if(evidence.begin(), evidence.end(),
                               [player](const auto& entry) { return entry.first == player; });
        if (it == evidence.end()) {
          evidence.emplace_back(player, bit);
        } else {
          it->second |= bit;
        }
      }
    }
  };
  for (std::size_t i = 0; i < query.tokens.size(); ++i) {
    if (query.tokens[i].size() >= kMinFuzzyTokenLength || query.tokens.size() > 1) {
      collect(query.tokens[i], 1u << i);
    }
  }
  if (query.tokens.size() > 1) {
    collect(query.compact, compact_bit);
  }
  std::size_t scored = 0;
  for (const auto& [player, bits] : evidence) {
    if ((bits & all_tokens) != all_tokens && (bits & compact_bit) == 0) {
      continue;
    }
    if (++scored > kMaxFuzzyCandidates) {
      return;
    }
    scoreFuzzy(query, player, found);
  }
}

void PlayerIndex::scoreFuzzy(const NameQuery& query, std::uint32_t player, MatchSet* found) const {
  const Record& record = players_[player];
  const struct {
    const std::string& key;
    double weight;
  } forms[] = {{record.full_compact, kFuzzyFullWeight},
               {record.last_compact, kFuzzyLastWeight},
               {record.first_compact, kFuzzyFirstWeight}};
  for (const auto& form : forms) {
    const int budget = typoBudget(form.key.size());
    const int distance = boundedEditDistance(query.compact, form.key, budget);
    if (distance <= budget) {
      found->offer(player, form.weight * similarity(distance, form.key.size()), MatchKind::kFuzzy);
    }
  }
}

bool PlayerIndex::clearlyPreferred(const Record& a, const Record& b) const {
  if (a.entry.active != b.entry.active) {
    return a.entry.active;
  }
  return b.entry.prominence < kProminenceTieRatio * a.entry.prominence;
}

// Among players that matched the same way with the same score (the Davises for "Davis"),
// rank active and prominent players first. The first keeps a clear lead over everyone it is
// clearly preferred to; players nothing separates from it stay within kAmbiguityMargin.
void PlayerIndex::preferActiveAndProminent(std::vector<ScoredMatch>* matches) const {
  auto preferred = [this](const ScoredMatch& a, const ScoredMatch& b) {
    if (a.confidence != b.confidence) {
      return a.confidence > b.confidence;
    }
    const PlayerEntry& pa = players_[a.index].entry;
    const PlayerEntry& pb = players_[b.index].entry;
    if (pa.active != pb.active) {
      return pa.active;
    }
    if (pa.prominence != pb.prominence) {
      return pa.prominence > pb.prominence;
    }
    return pa.full_name < pb.full_name;
  };
  std::sort(matches->begin(), matches->end(), preferred);
  std::size_t group_start = 0;
  while (group_start < matches->size()) {
    std::size_t group_end = group_start + 1;
    while (group_end < matches->size() &&
           (*matches)[group_end].confidence == (*matches)[group_start].confidence &&
           (*matches)[group_end].match == (*matches)[group_start].match) {
      ++group_end;
    }
    if (group_end - group_start > 1) {
      const Record& leader = players_[(*matches)[group_start].index];
      (*matches)[group_start].confidence -= kSharedMatchPenalty;
      for (std::size_t i = group_start + 1; i < group_end; ++i) {
        const bool dominated = clearlyPreferred(leader, players_[(*matches)[i].index]);
        (*matches)[i].confidence -= (dominated ? kDominatedPenalty : kSharedMatchPenalty) +
                                    kRankStep * static_cast<double>(i - group_start);
      }
    }
    group_start = group_end;
  }
}

std::vector<std::string> PlayerIndex::suggest(const NameQuery& query, std::size_t max) const {
  std::vector<FuzzyIndex::Hit> hits;
  for (std::size_t i = 0; i < query.tokens.size() && i < kMaxFuzzyTokens; ++i) {
    const std::string& token = query.tokens[i];
    name_tokens_.find(token, std::max(2, typoBudget(token.size()) + 1), &hits);
  }
  std::vector<std::pair<int, std::uint32_t>> ranked;  // (distance, player)
  for (const FuzzyIndex::Hit& hit : hits) {
    for (std::uint32_t player : name_tokens_.postings(hit.key_index)) {
      ranked.emplace_back(hit.distance, player);
    }
  }
  std::sort(ranked.begin(), ranked.end(), [this](const auto& a, const auto& b) {
    if (a.first != b.first) {
      return a.first < b.first;
    }
    return players_[a.second].entry.prominence > players_[b.second].entry.prominence;
  });
  std::vector<std::string> names;
  for (const auto& [distance, player] : ranked) {
    const std::string& name = players_[player].entry.full_name;
    if (names.size() >= max) {
      break;
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  }
  return names;
}

}  // namespace nba::entity

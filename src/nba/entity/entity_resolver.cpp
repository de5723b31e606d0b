#include "nba/entity/entity_resolver.h"

#include <algorithm>
#include <utility>

#include "core/user_text.h"
#include "nba/entity/name_query.h"
#include "nba/entity/player_index.h"
#include "nba/entity/resolution_builder.h"
#include "nba/entity/team_index.h"

namespace nba::entity {
namespace {

constexpr std::size_t kMaxSuggestions = 3;
// A match this strong for one kind makes typo-guessing for the other kind pointless.
constexpr double kStrongMatch = 0.9;

bool hasStrongMatch(const std::vector<Candidate>& candidates) {
  for (const Candidate& candidate : candidates) {
    if (candidate.confidence >= kStrongMatch) {
      return true;
    }
  }
  return false;
}

class IndexedEntityResolver final : public EntityResolver {
 public:
  IndexedEntityResolver(PlayerIndex players, TeamIndex teams)
      : players_(std::move(players)), teams_(std::move(teams)) {}

  Result<Resolution> resolvePlayer(std::string_view query, std::size_t limit) const override {
    return resolve(query, EntityKind::kPlayer, limit);
  }

  Result<Resolution> resolveTeam(std::string_view query, std::size_t limit) const override {
    return resolve(query, EntityKind::kTeam, limit);
  }

  Result<Resolution> resolve(std::string_view query, std::optional<EntityKind> kind,
                             std::size_t limit) const override {
    return resolveWith(query, kind, limit, /*suggest_on_miss=*/true);
  }

  Result<Resolution> resolveWithoutSuggestions(std::string_view query,
                                               std::optional<EntityKind> kind,
                                               std::size_t limit) const override {
    return resolveWith(query, kind, limit, /*suggest_on_miss=*/false);
  }

  std::optional<Candidate> findById(std::string_view id,
                                    std::optional<EntityKind> kind) const override {
    std::optional<Candidate> found;
    if (!kind || *kind == EntityKind::kPlayer) found = players_.findById(id);
    if (!found && (!kind || *kind == EntityKind::kTeam)) found = teams_.findById(id);
    return found;
  }

  std::size_t playerCount() const override { return players_.size(); }
  std::size_t teamCount() const override { return teams_.size(); }

 private:
  Result<Resolution> resolveWith(std::string_view query, std::optional<EntityKind> kind,
                                 std::size_t limit, bool suggest_on_miss) const {
    Status valid = validate(query, limit);
    if (!valid.isOk()) {
      return valid;
    }
    NameQuery name_query = makeNameQuery(query);
    if (name_query.tokens.empty()) {
      return invalidArgument("'" + echoUserText(name_query.text) +
                             "' has no letters or digits to match; give a player or team name");
    }
    const bool want_teams = !kind || *kind == EntityKind::kTeam;
    const bool want_players = !kind || *kind == EntityKind::kPlayer;
    std::vector<Candidate> candidates;
    if (want_teams) {
      candidates = teams_.match(name_query, /*allow_fuzzy=*/true);
    }
    if (want_players) {
      std::vector<Candidate> players =
          players_.match(name_query, /*allow_fuzzy=*/!hasStrongMatch(candidates));
      candidates.insert(candidates.end(), std::make_move_iterator(players.begin()),
                        std::make_move_iterator(players.end()));
    }
    std::vector<std::string> suggestions;
    if (candidates.empty() && suggest_on_miss) {
      suggestions = suggest(name_query, want_players, want_teams);
    }
    return buildResolution(name_query.text, std::move(candidates), limit, std::move(suggestions));
  }

  static Status validate(std::string_view query, std::size_t limit) {
    if (query.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
      return invalidArgument("the query is empty; give a player or team name");
    }
    // In characters, as the input schemas' maxLength: 51 accented letters are 102 bytes.
    if (const std::size_t chars = codePointCount(query); chars > kMaxQueryChars) {
      return invalidArgument("the query is " + std::to_string(chars) +
                             " characters long; names are at most " +
                             std::to_string(kMaxQueryChars));
    }
    if (limit < 1 || limit > kMaxLimit) {
      return invalidArgument("limit must be between 1 and " + std::to_string(kMaxLimit) + ", got " +
                             std::to_string(limit));
    }
    return Status::ok();
  }

  std::vector<std::string> suggest(const NameQuery& query, bool players, bool teams) const {
    std::vector<std::string> names;
    if (teams) {
      names = teams_.suggest(query, kMaxSuggestions);
    }
    if (players && names.size() < kMaxSuggestions) {
      for (std::string& name : players_.suggest(query, kMaxSuggestions - names.size())) {
        names.push_back(std::move(name));
      }
    }
    return names;
  }

  const PlayerIndex players_;
  const TeamIndex teams_;
};

}  // namespace

Result<std::unique_ptr<EntityResolver>> newEntityResolver(std::vector<PlayerEntry> players,
                                                          std::vector<TeamEntry> teams) {
  Result<PlayerIndex> player_index = PlayerIndex::build(std::move(players));
  if (!player_index.ok()) {
    return player_index.status();
  }
  Result<TeamIndex> team_index = TeamIndex::build(std::move(teams));
  if (!team_index.ok()) {
    return team_index.status();
  }
  return std::unique_ptr<EntityResolver>(std::make_unique<IndexedEntityResolver>(
      std::move(player_index).value(), std::move(team_index).value()));
}

bool looksLikeId(std::string_view text) {
  constexpr std::size_t kMaxDigits = 19;  // an int64's
  return !text.empty() && text.size() <= kMaxDigits &&
         std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Result<Resolution> resolveNameOrId(const EntityResolver& resolver, std::string_view query,
                                   std::optional<EntityKind> kind, std::size_t limit) {
  if (!looksLikeId(query)) return resolver.resolve(query, kind, limit);
  // NBA.com down: say so, not that nobody has the id (blind protocol audit).
  if (Status available = resolver.availability(); !available.isOk()) return available;
  Resolution resolution;
  if (auto candidate = resolver.findById(query, kind)) {
    resolution.candidates.push_back(std::move(*candidate));
  } else {
    const std::string what = kind ? std::string(entityKindName(*kind)) : "player or team";
    resolution.note = "No " + what + " has the id " + std::string(query) + ".";
  }
  return resolution;
}

Result<EntityKind> parseEntityKind(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  if (lower == "player") {
    return EntityKind::kPlayer;
  }
  if (lower == "team") {
    return EntityKind::kTeam;
  }
  return invalidArgument("kind must be 'player' or 'team', got '" + echoUserText(text) + "'");
}

}  // namespace nba::entity

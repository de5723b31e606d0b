#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "nba/entity/entity_types.h"

namespace nba::entity {

// Resolves what a person typed ("KD", "Jokic", "Lebron Jame", "LA Clippers", "Dubs") to
// player and team ids. Matching is accent-, case-, punctuation- and suffix-insensitive and
// tolerates typos; see player_index.h and team_index.h for the stages and DESIGN.md §3.
//
// Results: a Resolution with ranked candidates (best first, at most `limit`, except that all
// tied candidates of an ambiguous result are kept), an `ambiguous` flag the caller must honour
// (never pick candidates[0] of an ambiguous result silently: "LA" is the Lakers or the
// Clippers), a note explaining choices ("'Davis' matched 2 players; chose Anthony Davis ...")
// and, when nothing matched, "did you mean" suggestions. No match is not an error: it is an OK
// Resolution with no candidates.
//
// Errors (InvalidArgument, with a message for the user): an empty query, a query longer than
// kMaxQueryChars code points (as the schemas' maxLength counts), a query with no letters or digits
// ("!!!", emoji only), a limit outside [1, kMaxLimit].
//
// Thread safety: immutable after construction; every method is const and safe to call
// concurrently from any number of threads without synchronization.
class EntityResolver {
 public:
  static constexpr std::size_t kDefaultLimit = 5;
  static constexpr std::size_t kMaxLimit = 25;
  static constexpr std::size_t kMaxQueryChars = 100;

  virtual ~EntityResolver() = default;

  virtual Result<Resolution> resolvePlayer(std::string_view query, std::size_t limit) const = 0;
  virtual Result<Resolution> resolveTeam(std::string_view query, std::size_t limit) const = 0;
  // Players and teams together when `kind` is empty; a player and a team that match equally
  // well ("Washington": the Wizards or P.J. Washington) make the result ambiguous.
  virtual Result<Resolution> resolve(std::string_view query, std::optional<EntityKind> kind,
                                     std::size_t limit) const = 0;
  // resolve() without the "did you mean" suggestions of a failed match: the question parser
  // tries many words that are not names, and suggestions cost more than the match itself.
  virtual Result<Resolution> resolveWithoutSuggestions(std::string_view query,
                                                       std::optional<EntityKind> kind,
                                                       std::size_t limit) const {
    return resolve(query, kind, limit);
  }

  // The player or team whose NBA.com id is `id` ("1628983", "1610612738"; what resolve()
  // gives as Candidate::id), as one exact candidate of match kind kId; nullopt when none has
  // it. No name matching: the question parser never reaches this, so "2544 points" is never
  // LeBron James.
  virtual std::optional<Candidate> findById(std::string_view id,
                                            std::optional<EntityKind> kind) const = 0;
  // Why the resolver cannot answer now (a lazily built one whose player index could not be
  // fetched), so that findById's nullopt is not taken for "no such id". OK by default.
  virtual Status availability() const { return Status::ok(); }

  virtual std::size_t playerCount() const = 0;
  virtual std::size_t teamCount() const = 0;
};

// Builds a resolver over `players` and `teams` (copied into precomputed indexes; the inputs
// are not referenced afterwards). Fails with InvalidArgument when an entry is unusable
// (missing id, a name without letters, a duplicate id or team abbreviation).
Result<std::unique_ptr<EntityResolver>> newEntityResolver(std::vector<PlayerEntry> players,
                                                          std::vector<TeamEntry> teams);

// True when `text` can only be an id: 1 to 19 ASCII digits (no name is all digits).
bool looksLikeId(std::string_view text);

// What a tool's caller typed — a name, or an id from resolve_entity or an earlier answer —
// resolved: an id through findById (a Resolution of that one candidate, or none with a note
// saying no `kind` has that id), anything else through resolve().
Result<Resolution> resolveNameOrId(const EntityResolver& resolver, std::string_view query,
                                   std::optional<EntityKind> kind, std::size_t limit);

// "player" / "team" (any case) → kind; anything else → InvalidArgument.
Result<EntityKind> parseEntityKind(std::string_view text);

}  // namespace nba::entity

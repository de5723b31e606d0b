#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/season.h"
#include "nba/stats/stat_catalog.h"

namespace nba::nlq {

// What a question (or one part of it) asks for. Each maps to one or more tools (planner.h).
enum class IntentKind {
  kLeaders,         // "who leads the NBA in points", "top 5 rebounders"
  kTeamLeaders,     // "best defensive team in the West", "which team scores the most"
  kPlayerStats,     // "Show me Stephen Curry stats", "how many points does Jokic average"
  kCareer,          // "LeBron career stats", "Curry over the last 3 seasons"
  kGameLog,         // "Luka's last 5 games"
  kComparePlayers,  // "Compare LeBron James and Kevin Durant"
  kTeamStats,       // "What is the Celtics offensive rating?"
  kCompareTeams,    // "compare the Celtics and the Knicks"
  kStandings,       // "Eastern Conference standings", "Lakers standings"
  kScores,          // "scores last night", "games on March 8"
  kHeadToHead,      // "Lakers vs Celtics", "did the Knicks beat the Celtics"
  kSchedule,        // "when do the Lakers play next"
  kBoxScore,        // "box score of the Lakers game last night"
  kAwards,          // "who won MVP in 2024"
};

// "leaders", "player_stats", … (snake_case, stable: used in structured answers and tests).
std::string_view intentName(IntentKind kind);

// The season type and its name are the domain's (domain/season.h).
using nba::SeasonType;
using nba::seasonTypeName;

enum class HomeAway { kAny, kHome, kAway };

// A player named in the question. `text` is the mention as written (possessive dropped:
// "Curry's" → "Curry"); the rest comes from the entity resolver. When `ambiguous` is set,
// `id` is empty and `candidates` holds the display names to choose from.
struct PlayerMention {
  std::string text;
  std::string id;
  std::string display_name;
  std::string team;  // his team's abbreviation
  double confidence = 0;
  bool ambiguous = false;
  std::vector<std::string> candidates;
  std::size_t position = 0;  // token index of the mention, to order and split parts
  // Why this player, when the name matched several or only nearly (the resolver's note:
  // "'Bogdanovic' matched 2 players; chose …"); empty for a clear match.
  std::string choice_note;
};

// A team named in the question; same conventions as PlayerMention. `id` is the NBA.com team
// id as decimal text, `abbr` its NBA.com abbreviation.
struct TeamMention {
  std::string text;
  std::string id;
  std::string abbr;
  std::string display_name;
  double confidence = 0;
  bool ambiguous = false;
  std::vector<std::string> candidates;
  std::size_t position = 0;
  std::string choice_note;
};

// A season or a run of seasons ending with `last` ("last 3 seasons" → count 3).
struct SeasonSpec {
  Season last;
  int count = 1;
  bool relative = false;  // written as "this season", "last season", "last 3 seasons"

  Season first() const { return Season{last.start_year - count + 1}; }
};

// The facts a question (or one part of it) states. Empty/nullopt = not said.
struct QuerySlots {
  std::vector<PlayerMention> players;
  std::vector<TeamMention> teams;
  std::vector<std::string> stats;  // canonical codes, in question order, no duplicates:
                                   // stat_catalog codes, or team metrics OFF_RATING,
                                   // DEF_RATING, NET_RATING, PACE
  std::optional<SeasonSpec> season;
  std::optional<SeasonType> season_type;
  std::optional<stats::PerMode> per_mode;
  std::optional<int> limit;      // "top 5" → 5 (1..50 after clamping)
  std::optional<int> last_n;     // "last 5 games" → 5
  std::string conference;        // "East" | "West" | ""
  std::string division;          // "Atlantic", … | ""
  std::string position;          // "G" | "F" | "C" (guards, forwards, centers) | ""
  bool rookies = false;          // "rookie scoring leaders": rookies only
  std::optional<int> min_games;  // "min 65 games", "at least 70 games" → 65, 70 (≤ 82)
  std::string date;              // "2025-03-08" | ""
  std::string date_to;           // end of a range ("in January 2025": date 2025-01-01, date_to
                                 // 2025-01-31) | "" (then `date` is one day)
  bool upcoming = false;         // "next game", "upcoming": from the reference date on
  std::string game_id;           // an NBA.com game id named: "0022300403" | ""
  std::string undated_day;       // a season's day the data does not date yet: "the last day
                                 // of the regular season of 2025-26" | ""
  HomeAway home_away = HomeAway::kAny;
  std::string award;      // award code for get_awards: "MVP", "ALL_NBA", … | ""
  bool advanced = false;  // a team metric or "advanced" was asked for
  bool lowest = false;    // "fewest", "worst", "lowest": rank the other way
  bool worst = false;     // "worst": the bad end, whichever way the stat is better
  bool highest = false;   // "most", "highest", "fastest": high values (the bad end of
                          // a stat where lower is better: "most turnovers")
};

// One part of a question with its own intent and entities ("top scorers" and "the East
// standings" are two). Slots hold what that part states plus what the whole question states
// that the part leaves open (a season said once applies to every part).
struct Intent {
  IntentKind kind = IntentKind::kPlayerStats;
  QuerySlots slots;
  double confidence = 0;  // 0..1
};

// Something a question asks about that nba-mcp has no data on ("the WNBA", "injuries"): the
// answer says so, and never answers another question in its place.
struct OutOfScope {
  std::string what;
  bool other_league = false;  // another league; else a topic outside the game statistics
};

// The parser's typed result. `slots` are the facts of the whole question; `intents` are
// empty when the question could not be understood (then `unrecognized` and `notes` say why).
struct ParsedQuery {
  std::vector<Intent> intents;
  QuerySlots slots;
  double confidence = 0;                  // 0..1, the weakest part's
  std::vector<std::string> unrecognized;  // words that meant nothing to the parser
  std::vector<std::string> notes;         // for people: choices made, input cut, …
  bool too_long = false;                  // the question exceeded kMaxQuestionBytes
  std::vector<OutOfScope> out_of_scope;   // set: `intents` are empty, nothing is looked up
};

}  // namespace nba::nlq

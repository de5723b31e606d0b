#pragma once

#include <string>
#include <vector>

#include "domain/rows.h"
#include "domain/team.h"
#include "nlq/parser/parsed_query.h"
#include "nlq/planner/plan.h"

namespace nba::nlq {

// A team as the planner needs it to expand "every team in the West" into calls.
struct TeamRef {
  std::string name;  // "Boston Celtics"
  std::string conference;
  std::string division;
};

// ParsedQuery → Plan: the tool calls of DESIGN §3 with the argument names of
// schemas/*.input.json. Names go to the tools as resolved display names (or as written when
// ambiguous, so the tool answers with the candidates); seasons as "2024-25" labels; default
// limit 10 for leaders and 5 games for game logs. A part that lacks what its tool requires
// adds to `missing` instead of a call; a question with no intents gets one `missing` entry
// and example phrasings in `notes`.
//
// Thread safety: immutable; plan() is const and may run concurrently.
class Planner {
 public:
  static constexpr int kDefaultLimit = 10;
  static constexpr int kDefaultGames = 5;
  static constexpr std::size_t kMaxCompared = 4;

  explicit Planner(std::vector<TeamRef> teams) : teams_(std::move(teams)) {}

  Plan plan(const ParsedQuery& query) const;

  const std::vector<TeamRef>& teams() const { return teams_; }

 private:
  std::vector<TeamRef> teams_;
};

// A planner over `teams` (a source's 30 teams).
Planner newPlanner(const Rows<Team>& teams);

}  // namespace nba::nlq

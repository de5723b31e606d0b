#include "domain/standings.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>

namespace nba {
namespace {

struct Record {
  int w = 0, l = 0;
  int games() const { return w + l; }
  double pct() const { return w + l == 0 ? 0.0 : static_cast<double>(w) / (w + l); }
  std::string text() const { return std::to_string(w) + "-" + std::to_string(l); }
  void add(bool won) { won ? ++w : ++l; }
};

struct TeamState {
  const Team* team = nullptr;
  Record all, home, road, neutral, conference, division;
  std::map<std::string, Record> versus;  // opponent abbr -> record
  std::vector<bool> results;             // in date order
  int pts_for = 0, pts_against = 0;
  bool division_leader = false;
  int diff() const { return pts_for - pts_against; }
};

using States = std::map<std::string, TeamState>;

void addGame(States& states, const Game& game) {
  auto home = states.find(game.home);
  auto away = states.find(game.away);
  if (home == states.end() || away == states.end()) {
    return;  // unknown team: ignored rather than crashing on bad data
  }
  const bool home_won = game.home_pts > game.away_pts;
  const bool same_conference = home->second.team->conference == away->second.team->conference;
  const bool same_division = home->second.team->division == away->second.team->division;
  for (auto [self, other, won, pts, opp_pts, at_home] :
       {std::tuple{&home->second, &away->second, home_won, game.home_pts, game.away_pts, true},
        std::tuple{&away->second, &home->second, !home_won, game.away_pts, game.home_pts, false}}) {
    self->all.add(won);
    if (game.kind == GameKind::kNeutralSite) {
      self->neutral.add(won);
    } else {
      (at_home ? self->home : self->road).add(won);
    }
    if (same_conference) {
      self->conference.add(won);
    }
    if (same_division) {
      self->division.add(won);
    }
    self->versus[other->team->abbr].add(won);
    self->results.push_back(won);
    self->pts_for += pts;
    self->pts_against += opp_pts;
  }
}

// Record of `team` in games against the other teams of `group`.
Record recordWithin(const TeamState& team, const std::vector<TeamState*>& group) {
  Record r;
  for (const TeamState* other : group) {
    if (other != &team) {
      auto it = team.versus.find(other->team->abbr);
      if (it != team.versus.end()) {
        r.w += it->second.w;
        r.l += it->second.l;
      }
    }
  }
  return r;
}

bool sameDivision(const std::vector<TeamState*>& group) {
  for (const TeamState* s : group) {
    if (s->team->division != group.front()->team->division) {
      return false;
    }
  }
  return true;
}

// One leader per division: best percentage; a tie for the lead goes to the better record in
// games among the tied teams, then conference record, then point differential (LAL over LAC
// for the 2024-25 Pacific, both 50-32, LAL 3-1 head to head).
void markDivisionLeaders(States& states) {
  std::map<std::string, std::vector<TeamState*>> divisions;
  for (auto& [abbr, s] : states) {
    divisions[s.team->division].push_back(&s);
  }
  for (auto& [division, members] : divisions) {
    double best = -1;
    for (const TeamState* s : members) {
      best = std::max(best, s->all.pct());
    }
    std::vector<TeamState*> tied;
    for (TeamState* s : members) {
      if (s->all.pct() == best && s->all.games() > 0) {
        tied.push_back(s);
      }
    }
    TeamState* leader = nullptr;
    for (TeamState* s : tied) {
      auto key = [&](const TeamState* t) {
        return std::tuple{recordWithin(*t, tied).pct(), t->conference.pct(), t->diff()};
      };
      if (leader == nullptr || key(s) > key(leader)) {
        leader = s;
      }
    }
    if (leader != nullptr) {
      leader->division_leader = true;
    }
  }
}

// The team of `group` (all level on percentage) that wins its tiebreak.
TeamState* pickFirst(const std::vector<TeamState*>& group) {
  const bool two = group.size() == 2;
  const bool one_division = sameDivision(group);
  auto key = [&](const TeamState* s) {
    const double within = recordWithin(*s, group).pct();
    const double leader = s->division_leader ? 1.0 : 0.0;
    const double division = one_division ? s->division.pct() : 0.0;
    // Two teams: head-to-head before division leader; three or more: the reverse.
    return std::tuple{two ? within : leader, two ? leader : within, division, s->conference.pct(),
                      s->diff()};
  };
  TeamState* best = group.front();
  for (TeamState* s : group) {
    const auto a = key(s), b = key(best);
    if (a > b || (a == b && s->team->abbr < best->team->abbr)) {
      best = s;
    }
  }
  return best;
}

std::vector<TeamState*> orderConference(std::vector<TeamState*> teams) {
  std::stable_sort(teams.begin(), teams.end(), [](const TeamState* a, const TeamState* b) {
    return a->all.pct() > b->all.pct();
  });
  std::vector<TeamState*> ordered;
  for (std::size_t i = 0; i < teams.size();) {
    std::size_t end = i + 1;
    while (end < teams.size() && teams[end]->all.pct() == teams[i]->all.pct()) {
      ++end;
    }
    // The first of the tied teams is placed, then the rest start over among themselves (two
    // left: the two-team rules), as the NBA's procedure does; see standings.h.
    std::vector<TeamState*> tied(teams.begin() + i, teams.begin() + end);
    while (!tied.empty()) {
      TeamState* first = pickFirst(tied);
      ordered.push_back(first);
      tied.erase(std::find(tied.begin(), tied.end(), first));
    }
    i = end;
  }
  return ordered;
}

std::string streakOf(const std::vector<bool>& results) {
  if (results.empty()) {
    return "";
  }
  int n = 0;
  for (auto it = results.rbegin(); it != results.rend() && *it == results.back(); ++it) {
    ++n;
  }
  return (results.back() ? "W" : "L") + std::to_string(n);
}

StandingRow rowFor(Season season, const TeamState& s) {
  StandingRow row;
  row.season = season;
  row.team = s.team->abbr;
  row.conference = s.team->conference;
  row.division = s.team->division;
  row.w = s.all.w;
  row.l = s.all.l;
  row.pct = s.all.pct();
  row.home = s.home.text();
  row.road = s.road.text();
  row.neutral = s.neutral.text();
  row.conference_record = s.conference.text();
  row.division_record = s.division.text();
  Record last10;
  const std::size_t from = s.results.size() > 10 ? s.results.size() - 10 : 0;
  for (std::size_t i = from; i < s.results.size(); ++i) {
    last10.add(s.results[i]);
  }
  row.last10 = last10.text();
  row.streak = streakOf(s.results);
  row.pts_for = s.pts_for;
  row.pts_against = s.pts_against;
  return row;
}

}  // namespace

std::vector<StandingRow> deriveStandings(Season season, const std::vector<Game>& games,
                                         const std::vector<Team>& teams) {
  States states;
  for (const Team& team : teams) {
    states[team.abbr].team = &team;
  }
  std::vector<const Game*> counted;
  for (const Game& game : games) {
    if (game.season == season && game.countsInStandings()) {
      counted.push_back(&game);
    }
  }
  std::stable_sort(counted.begin(), counted.end(),
                   [](const Game* a, const Game* b) { return a->date < b->date; });
  for (const Game* game : counted) {
    addGame(states, *game);
  }
  markDivisionLeaders(states);

  std::map<std::string, int> league_rank;
  std::vector<const TeamState*> league;
  for (const auto& [abbr, s] : states) {
    league.push_back(&s);
  }
  std::stable_sort(league.begin(), league.end(), [](const TeamState* a, const TeamState* b) {
    return std::tuple{a->all.pct(), a->diff()} > std::tuple{b->all.pct(), b->diff()};
  });
  for (std::size_t i = 0; i < league.size(); ++i) {
    league_rank[league[i]->team->abbr] = static_cast<int>(i) + 1;
  }

  std::vector<StandingRow> rows;
  for (const char* conference : {"East", "West"}) {
    std::vector<TeamState*> members;
    for (auto& [abbr, s] : states) {
      if (s.team->conference == conference) {
        members.push_back(&s);
      }
    }
    const std::vector<TeamState*> ordered = orderConference(members);
    for (std::size_t i = 0; i < ordered.size(); ++i) {
      StandingRow row = rowFor(season, *ordered[i]);
      row.conference_rank = static_cast<int>(i) + 1;
      row.league_rank = league_rank[row.team];
      const TeamState& leader = *ordered.front();
      row.games_back = ((leader.all.w - row.w) + (row.l - leader.all.l)) / 2.0;
      rows.push_back(std::move(row));
    }
  }
  return rows;
}

}  // namespace nba

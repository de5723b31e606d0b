#include "nlq/planner/planner.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <vector>

#include "nba/tools/game_dates.h"
#include "nba/tools/team_measures.h"

namespace nba::nlq {
namespace {

using nlohmann::json;

// The tools take names of at most 100 characters (their schemas' maxLength). An unresolved
// mention is passed on as written, so a longer one is cut to 100 bytes, before a UTF-8
// continuation byte (a fuzz finding: "S" and 100 bytes 0xFF made a 106-character name).
constexpr std::size_t kMaxNameBytes = 100;

std::string clippedName(std::string text) {
  if (text.size() <= kMaxNameBytes) {
    return text;
  }
  std::size_t end = kMaxNameBytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
    --end;
  }
  text.resize(end);
  return text;
}

template <typename Mention>
std::string nameFor(const Mention& mention) {
  return clippedName(mention.ambiguous || mention.display_name.empty() ? mention.text
                                                                       : mention.display_name);
}

// What a tool is asked about: the id the parser resolved, so the tool finds exactly that
// player or team without matching a name again (two players may share one); the words as
// written when the parser could not choose, so the tool answers with the candidates.
template <typename Mention>
std::string argumentFor(const Mention& mention) {
  return mention.ambiguous || mention.id.empty() ? nameFor(mention) : mention.id;
}

const std::vector<std::string_view> kGeneralExamples = {"Who leads the NBA in points?",
                                                        "Compare LeBron James and Kevin Durant",
                                                        "Eastern Conference standings"};

// Example questions that work, for a reader whose question lacked something.
std::vector<std::string_view> examplesFor(IntentKind kind) {
  switch (kind) {
    case IntentKind::kLeaders:
      return {"Who leads the NBA in points?", "Top 5 rebounders in 2023-24"};
    case IntentKind::kPlayerStats:
    case IntentKind::kCareer:
    case IntentKind::kGameLog:
      return {"Show me Stephen Curry stats", "How many points does Nikola Jokic average?",
              "Luka Doncic last 5 games"};
    case IntentKind::kComparePlayers:
      return {"Compare LeBron James and Kevin Durant", "Compare Jayson Tatum and Jaylen Brown"};
    case IntentKind::kTeamStats:
    case IntentKind::kCompareTeams:
      return {"What is the Celtics offensive rating?", "Compare the Celtics and the Knicks"};
    case IntentKind::kHeadToHead:
      return {"Lakers vs Celtics", "Did the Knicks beat the Celtics?"};
    case IntentKind::kBoxScore:
      return {"Box score of the Celtics game on 2025-03-08"};
    default:
      return kGeneralExamples;
  }
}

// Which way `stat` is better for teams (W_PCT, PTS: higher; DEF_RATING, TOV: lower).
tools::teams::Better betterOf(std::string_view stat) {
  using tools::teams::TeamMeasure;
  for (TeamMeasure measure : {TeamMeasure::kBase, TeamMeasure::kAdvanced}) {
    for (const tools::teams::TeamStat& s : tools::teams::teamStats(measure)) {
      if (stat == s.code) return s.better;
    }
  }
  return tools::teams::Better::kHigher;
}

// Whether to rank teams from the worst end: "worst" always; "fewest"/"lowest" unless lower
// is better ("fewest turnovers" is the best); "most"/"highest" when lower is better ("most
// turnovers", "highest defensive rating" are the worst).
bool fromWorst(const QuerySlots& s, std::string_view stat) {
  using tools::teams::Better;
  if (s.worst) return true;
  if (s.lowest) return betterOf(stat) != Better::kLower;
  if (s.highest) return betterOf(stat) == Better::kLower;
  return false;
}

void suggest(Plan* plan, std::string_view example) {
  constexpr std::size_t kMaxSuggestions = 3;
  for (const std::string& have : plan->suggestions) {
    if (have == example) return;
  }
  if (plan->suggestions.size() < kMaxSuggestions) {
    plan->suggestions.emplace_back(example);
  }
}

// Builds the calls of one intent.
class IntentPlanner {
 public:
  IntentPlanner(const Intent& intent, std::size_t index, Plan* plan)
      : intent_(intent), slots_(intent.slots), index_(index), plan_(*plan) {}

  void run() {
    if (playoffsNotCovered() || dayNotInData()) {
      return;
    }
    switch (intent_.kind) {
      case IntentKind::kLeaders:
        return leaders();
      case IntentKind::kTeamLeaders:
        return teamLeaders();
      case IntentKind::kPlayerStats:
        return perPlayer("get_player_stats", true);
      case IntentKind::kCareer:
        return perPlayer("get_player_career", false);
      case IntentKind::kGameLog:
        return gameLog();
      case IntentKind::kComparePlayers:
        return comparePlayers();
      case IntentKind::kTeamStats:
        return teamStats();
      case IntentKind::kCompareTeams:
        return compareTeams();
      case IntentKind::kStandings:
        return standings();
      case IntentKind::kScores:
        return scores();
      case IntentKind::kHeadToHead:
        return headToHead();
      case IntentKind::kSchedule:
        return schedule();
      case IntentKind::kBoxScore:
        return boxScore();
      case IntentKind::kAwards:
        return awards();
    }
  }

 private:
  // "The last day of the regular season" of a season still being played: no date to ask
  // the tools about, and no other day stands in for it.
  bool dayNotInData() {
    if (!slots_.date.empty() || slots_.undated_day.empty()) return false;
    const std::string sentence =
        "The data has no date for " + slots_.undated_day +
        ": it has not been played yet, or it is not among the data's games.";
    auto& said = plan_.unanswerable;
    if (std::find(said.begin(), said.end(), sentence) == said.end()) said.push_back(sentence);
    return true;
  }

  // Playoffs asked of a tool that has the regular season only (standings, schedules, head-
  // to-heads, box scores, awards, careers): said once, and no call is made.
  bool playoffsNotCovered() {
    if (slots_.season_type != SeasonType::kPlayoffs) return false;
    switch (intent_.kind) {
      case IntentKind::kLeaders:
      case IntentKind::kTeamLeaders:
      case IntentKind::kPlayerStats:
      case IntentKind::kComparePlayers:
      case IntentKind::kTeamStats:
      case IntentKind::kCompareTeams:
        return false;  // these tools take season_type and say what their origin has
      default:
        break;
    }
    static const std::string kSentence =
        "The playoffs, the Finals and the title are not covered here: standings, schedules, "
        "head-to-heads, box scores and awards are those of the regular season only.";
    auto& said = plan_.unanswerable;
    if (std::find(said.begin(), said.end(), kSentence) == said.end()) said.push_back(kSentence);
    return true;
  }

  // A team's ratings and rates (TS%, eFG%, the four factors) are in its Advanced measure.
  bool wantsAdvancedTeamStats() const {
    return slots_.advanced ||
           std::any_of(slots_.stats.begin(), slots_.stats.end(), [](const std::string& code) {
             return code == "TS_PCT" || code == "EFG_PCT";
           });
  }

  // A stat of the Base measure (points, rebounds, shooting) among those asked.
  bool asksBaseTeamStats() const {
    static const std::set<std::string, std::less<>> kAdvancedOnly = {
        "OFF_RATING", "DEF_RATING", "NET_RATING", "PACE",    "TS_PCT",
        "EFG_PCT",    "TOV_PCT",    "OREB_PCT",   "DREB_PCT"};
    return std::any_of(slots_.stats.begin(), slots_.stats.end(),
                       [](const std::string& code) { return kAdvancedOnly.count(code) == 0; });
  }

  void call(std::string tool, json arguments) {
    plan_.calls.push_back({std::move(tool), std::move(arguments), 0, index_});
  }
  void missing(std::string what) {
    plan_.missing.push_back(std::move(what));
    for (std::string_view example : examplesFor(intent_.kind)) {
      suggest(&plan_, example);
    }
  }
  void note(std::string what) { plan_.notes.push_back(std::move(what)); }

  // season, season_type, per_mode when the question states them.
  void addSeason(json* args) const {
    if (slots_.season) {
      (*args)["season"] = slots_.season->last.label();
    }
  }
  void addSeasonType(json* args) const {
    if (slots_.season_type == SeasonType::kPlayoffs) {
      (*args)["season_type"] = std::string(seasonTypeName(SeasonType::kPlayoffs));
    }
  }
  void addPerMode(json* args) const {
    if (slots_.per_mode) {
      (*args)["per_mode"] = std::string(stats::perModeName(*slots_.per_mode));
    }
  }
  // The end of the dates asked about: the range's last day, or the one date.
  const std::string& lastDay() const {
    return slots_.date_to.empty() ? slots_.date : slots_.date_to;
  }

  void noteRange() {
    if (slots_.season && slots_.season->count > 1) {
      note("Only " + slots_.season->last.label() +
           " is shown; ask for a career to see every season.");
    }
  }

  void leaders() {
    if (slots_.stats.empty()) {
      return missing("which stat to rank by (points, rebounds, assists, …)?");
    }
    noteRange();
    if (slots_.lowest) {
      // get_league_leaders ranks from the top only: say so rather than answer the opposite.
      note("Player leaders are ranked from the top only; the fewest or worst are not listed.");
    }
    // One day named ("on Christmas Day 2023"): that day's games are ranked, in its season.
    const bool one_day = !slots_.date.empty() && slots_.date_to.empty();
    if (one_day && slots_.rookies) {
      note("One day's leaders are everyone who played that day; rookies are ranked by season.");
    }
    for (const std::string& stat : slots_.stats) {
      json args = {{"stat", stat}, {"limit", slots_.limit.value_or(Planner::kDefaultLimit)}};
      if (one_day) {
        args["date"] = slots_.date;
        if (!slots_.conference.empty()) args["conference"] = slots_.conference;
        call("get_league_leaders", std::move(args));
        continue;
      }
      addSeason(&args);
      addSeasonType(&args);
      addPerMode(&args);
      if (!slots_.conference.empty()) args["conference"] = slots_.conference;
      if (!slots_.teams.empty()) args["team"] = argumentFor(slots_.teams.front());
      if (!slots_.position.empty()) args["position"] = slots_.position;
      if (slots_.rookies) args["rookies"] = true;
      if (slots_.min_games) args["min_games"] = *slots_.min_games;
      call("get_league_leaders", std::move(args));
    }
  }

  // "best defensive team in the West": one ranking by the first stat named (else record).
  void teamLeaders() {
    const std::string stat = slots_.stats.empty() ? std::string("W_PCT") : slots_.stats.front();
    json args = {{"stat", stat}};
    if (!slots_.division.empty()) {
      args["division"] = slots_.division;
    } else if (!slots_.conference.empty()) {
      args["conference"] = slots_.conference;
    }
    if (fromWorst(slots_, stat)) args["lowest"] = true;
    addSeason(&args);
    addSeasonType(&args);
    call("get_team_rankings", std::move(args));
    if (slots_.stats.empty()) {
      note("No stat was named; teams are ranked by record.");
    }
  }

  // Each entity named once: "Kevin Durant and KD", or "the Lakers … the Lakers", name one
  // twice, and a tool asked about it twice would answer twice (or, to compare, refuse the
  // repeat: fuzz findings, tests/fuzz/regressions/).
  template <typename Mention>
  std::vector<Mention> distinct(const std::vector<Mention>& mentions) const {
    std::vector<Mention> once;
    for (const Mention& mention : mentions) {
      const bool seen = std::any_of(once.begin(), once.end(), [&](const Mention& other) {
        return mention.id.empty() ? nameFor(other) == nameFor(mention) : other.id == mention.id;
      });
      if (!seen) {
        once.push_back(mention);
      }
    }
    return once;
  }
  std::vector<PlayerMention> distinctPlayers() const { return distinct(slots_.players); }
  std::vector<TeamMention> distinctTeams() const { return distinct(slots_.teams); }

  void perPlayer(const char* tool, bool seasonal) {
    if (slots_.players.empty()) {
      return missing("which player?");
    }
    const bool ranged = slots_.season && slots_.season->count > 1;
    for (const PlayerMention& player : distinctPlayers()) {
      json args = {{"player", argumentFor(player)}};
      // "Wembanyama's rookie season": his first season, which get_player_stats looks up.
      const bool rookie_season =
          std::string_view(tool) == "get_player_stats" && slots_.rookies && !slots_.season;
      if (rookie_season) {
        args["season"] = "rookie";
        addSeasonType(&args);
      } else if (seasonal && !ranged) {
        addSeason(&args);
        addSeasonType(&args);
      }
      addPerMode(&args);
      call(seasonal && !ranged ? tool : "get_player_career", std::move(args));
    }
  }

  void gameLog() {
    if (slots_.players.empty()) {
      return missing("which player's games?");
    }
    for (const PlayerMention& player : slots_.players) {
      json args = {{"player", argumentFor(player)}};
      addSeason(&args);
      // One team named beside him that is not his own is whom he played ("LeBron's games
      // against the Celtics"): every game against it unless the question counts them.
      const bool opponent = slots_.teams.size() == 1 && slots_.teams[0].abbr != player.team &&
                            !slots_.teams[0].ambiguous;
      if (opponent) args["opponent"] = argumentFor(slots_.teams[0]);
      if (!slots_.date.empty()) {
        args["date_from"] = slots_.date;
        args["date_to"] = lastDay();
      } else if (!opponent || slots_.last_n) {
        args["last_n"] = slots_.last_n.value_or(Planner::kDefaultGames);
      }
      call("get_player_game_log", std::move(args));
    }
  }

  void comparePlayers() {
    const std::vector<PlayerMention> players = distinctPlayers();
    if (players.size() < slots_.players.size()) {
      note("The question names the same player more than once; each is compared once.");
    }
    if (players.size() < 2) {
      if (players.size() == 1) {
        missing("a second player to compare " + nameFor(players.front()) + " with");
        return perPlayer("get_player_stats", true);
      }
      return missing("which players to compare (2 to 4)?");
    }
    json names = json::array();
    for (const PlayerMention& player : players) {
      if (names.size() < Planner::kMaxCompared) names.push_back(argumentFor(player));
    }
    if (players.size() > Planner::kMaxCompared) {
      note("compare_players takes at most 4 players; compared the first 4 of " +
           std::to_string(players.size()) + ".");
    }
    json args = {{"players", std::move(names)}};
    addSeason(&args);
    addSeasonType(&args);
    addPerMode(&args);
    call("compare_players", std::move(args));
  }

  void teamStats() {
    if (slots_.teams.empty()) {
      return missing("which team?");
    }
    // Both measures when both kinds are asked for ("points per game and defensive rating").
    const bool advanced = wantsAdvancedTeamStats();
    const bool base = !advanced || asksBaseTeamStats();
    for (const TeamMention& team : distinctTeams()) {
      for (const bool measure_advanced : {false, true}) {
        if (measure_advanced ? !advanced : !base) continue;
        json args = {{"team", argumentFor(team)}};
        if (measure_advanced) args["measure"] = "Advanced";
        addSeason(&args);
        addSeasonType(&args);
        call("get_team_stats", std::move(args));
      }
    }
  }

  void compareTeams() {
    const std::vector<TeamMention> teams = distinctTeams();
    if (teams.size() < slots_.teams.size()) {
      note("The question names the same team more than once; each is compared once.");
    }
    if (teams.size() < 2) {
      if (teams.empty()) return missing("which teams to compare (2 to 4)?");
      missing("a second team to compare " + nameFor(teams.front()) + " with");
      return teamStats();
    }
    json names = json::array();
    for (const TeamMention& team : teams) {
      if (names.size() < Planner::kMaxCompared) names.push_back(argumentFor(team));
    }
    if (teams.size() > Planner::kMaxCompared) {
      note("compare_teams takes at most 4 teams; compared the first 4 of " +
           std::to_string(teams.size()) + ".");
    }
    json args = {{"teams", std::move(names)}};
    if (wantsAdvancedTeamStats()) args["measure"] = "Advanced";
    addSeason(&args);
    addSeasonType(&args);
    call("compare_teams", std::move(args));
  }

  void standings() {
    json base = json::object();
    // "West standings on 2025-01-01", "standings at the end of January": through that day,
    // in the season it falls in (a relative season word gives way to the date).
    if (!slots_.date.empty()) {
      base["date"] = lastDay();
      if (slots_.season && !slots_.season->relative) addSeason(&base);
    } else {
      addSeason(&base);
    }
    if (!slots_.teams.empty()) {
      for (const TeamMention& team : distinctTeams()) {
        json args = base;
        args["team"] = argumentFor(team);
        call("get_team_standings", std::move(args));
      }
      return;
    }
    if (!slots_.division.empty()) {
      base["division"] = slots_.division;
    } else if (!slots_.conference.empty()) {
      base["conference"] = slots_.conference;
    }
    call("get_team_standings", std::move(base));
  }

  void scores() {
    json args = json::object();
    if (!slots_.date.empty()) args["date"] = slots_.date;
    call("get_live_scores", std::move(args));
  }

  void headToHead() {
    // Not distinct: get_head_to_head itself says "name two different teams" (golden
    // nodata-10), which tells more than a request for a second team.
    const std::vector<TeamMention>& teams = slots_.teams;
    if (teams.size() < 2) {
      return missing(teams.empty() ? "which two teams?"
                                   : "which team to compare " + nameFor(teams.front()) + " with?");
    }
    if (teams.size() > 2) {
      note("A head-to-head is between two teams; used the first two named.");
    }
    json args = {{"team_a", argumentFor(teams[0])}, {"team_b", argumentFor(teams[1])}};
    addSeason(&args);
    // "Grizzlies vs Jazz on 2025-01-25": the series of the season that day falls in, which
    // holds that game, not this season's.
    if (!slots_.season && !slots_.date.empty()) {
      args["season"] = tools::seasonOfDate(slots_.date).label();
    }
    call("get_head_to_head", std::move(args));
  }

  void schedule() {
    json args = json::object();
    if (!slots_.teams.empty()) args["team"] = argumentFor(slots_.teams.front());
    if (!slots_.date.empty()) {
      args["date_from"] = slots_.date;
      if (!slots_.upcoming) args["date_to"] = lastDay();
    }
    if (slots_.home_away != HomeAway::kAny) {
      if (slots_.teams.empty()) {
        note("Home or road games are a team's: name the team to keep only those.");
      } else {
        args["home_away"] = slots_.home_away == HomeAway::kHome ? "home" : "away";
      }
    }
    if (slots_.upcoming) {
      args["limit"] = slots_.last_n.value_or(1);
    } else if (slots_.last_n) {
      args["last_n"] = *slots_.last_n;  // "last 5 games": the latest played
    } else if (slots_.limit) {
      args["limit"] = *slots_.limit;  // "first 4 games": the season's opening ones
    }
    addSeason(&args);
    call("get_schedule", std::move(args));
  }

  void boxScore() {
    if (!slots_.game_id.empty()) {
      return call("get_box_score", json{{"game_id", slots_.game_id}});
    }
    // "Wembanyama 2024-03-29 box score line": the player's line is his game log that day.
    if (slots_.teams.empty() && !slots_.players.empty() && !slots_.date.empty()) {
      return gameLog();
    }
    if (slots_.teams.empty() || slots_.date.empty()) {
      return missing(slots_.teams.empty() ? "which team's game?" : "on which date?");
    }
    call("get_box_score", json{{"team", argumentFor(slots_.teams.front())}, {"date", slots_.date}});
  }

  void awards() {
    json args = json::object();
    if (!slots_.award.empty()) args["award"] = slots_.award;
    if (!slots_.players.empty()) args["player"] = argumentFor(slots_.players.front());
    addSeason(&args);
    call("get_awards", std::move(args));
  }

  const Intent& intent_;
  const QuerySlots& slots_;
  std::size_t index_;
  Plan& plan_;
};

void ambiguity(const ParsedQuery& query, Plan* plan) {
  auto say = [plan](const std::string& text, const std::vector<std::string>& candidates) {
    std::string list;
    for (const std::string& c : candidates) list += (list.empty() ? "" : ", ") + c;
    plan->missing.push_back("which \"" + text + "\" (" + list + ")?");
    for (std::size_t i = 0; i < candidates.size() && i < 2; ++i) {
      suggest(plan, "Show me " + candidates[i] + " stats");
    }
  };
  for (const auto& p : query.slots.players) {
    if (p.ambiguous) say(p.text, p.candidates);
  }
  for (const auto& t : query.slots.teams) {
    if (t.ambiguous) say(t.text, t.candidates);
  }
}

}  // namespace

Plan Planner::plan(const ParsedQuery& query) const {
  Plan plan;
  plan.notes = query.notes;
  if (!query.out_of_scope.empty()) {
    for (const OutOfScope& topic : query.out_of_scope) {
      plan.unanswerable.push_back(
          topic.other_league
              ? "nba-mcp covers the NBA only: " + topic.what + " is not in its data."
              : "nba-mcp answers from NBA game statistics and has no data on " + topic.what + ".");
    }
    return plan;
  }
  if (query.intents.empty()) {
    plan.missing.push_back(query.too_long ? "a shorter question (at most 500 characters)"
                                          : "a question about NBA players, teams, games or "
                                            "stats that names what to look up");
    for (std::string_view example : kGeneralExamples) {
      suggest(&plan, example);
    }
    return plan;
  }
  ambiguity(query, &plan);
  for (std::size_t i = 0; i < query.intents.size(); ++i) {
    IntentPlanner(query.intents[i], i, &plan).run();
  }
  return plan;
}

Planner newPlanner(const Rows<Team>& teams) {
  std::vector<TeamRef> refs;
  for (const Team& team : teams) {
    refs.push_back({team.name, team.conference, team.division});
  }
  return Planner(std::move(refs));
}

}  // namespace nba::nlq

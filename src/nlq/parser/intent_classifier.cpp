#include "nlq/parser/intent_classifier.h"

#include <algorithm>
#include <array>

namespace nba::nlq {
namespace {

constexpr std::size_t kCueCount = static_cast<std::size_t>(Cue::kPlayer) + 1;

// The cues present in a part.
struct Cues {
  std::array<bool, kCueCount> has{};
  bool stat = false;
  bool entity = false;
  int entities = 0;  // runs of entity words: "Celtics vs Knicks" has 2

  bool operator[](Cue cue) const { return has[static_cast<std::size_t>(cue)]; }
  // A cue that can stand as a question by itself (not "team", "player", "game").
  bool strong() const {
    return (*this)[Cue::kLeaders] || (*this)[Cue::kStandings] || (*this)[Cue::kScores] ||
           (*this)[Cue::kSchedule] || (*this)[Cue::kBoxScore] || (*this)[Cue::kCareer] ||
           (*this)[Cue::kGameLog] || (*this)[Cue::kStats] || (*this)[Cue::kAwards];
  }
};

Cues cuesIn(const TokenLabels& labels, std::size_t first, std::size_t last) {
  Cues cues;
  for (std::size_t i = first; i < last; ++i) {
    const TokenLabel& label = labels[i];
    if (label.role == LexRole::kCue && label.head) {
      cues.has[static_cast<std::size_t>(label.entry->value)] = true;
    }
    cues.stat = cues.stat || label.role == LexRole::kStat;
    if (label.role == LexRole::kStat && label.head && label.entry->value == kRankingStat) {
      cues.has[static_cast<std::size_t>(Cue::kLeaders)] = true;
    }
    if (label.entity && (i == first || !labels[i - 1].entity)) ++cues.entities;
    cues.entity = cues.entity || label.entity;
    if (label.role == LexRole::kAward || label.role == LexRole::kLastGames) {
      cues.has[static_cast<std::size_t>(label.role == LexRole::kAward ? Cue::kAwards
                                                                      : Cue::kGameLog)] = true;
    }
  }
  return cues;
}

using Verdict = std::optional<std::pair<IntentKind, double>>;

constexpr double kSure = 0.95;
constexpr double kLikely = 0.8;
constexpr double kGuess = 0.6;

Verdict byGames(const Cues& cues, const QuerySlots& s) {
  const std::size_t teams = s.teams.size();
  const std::size_t players = s.players.size();
  // A named day the data has no date for ("the NBA Cup final 2023") still asks about a day.
  const bool dated = (!s.date.empty() || !s.undated_day.empty()) && !s.upcoming;
  if (cues[Cue::kSchedule] || (s.upcoming && (cues[Cue::kGames] || teams > 0))) {
    return std::pair{IntentKind::kSchedule, cues[Cue::kSchedule] ? kSure : kLikely};
  }
  // One game's players on one day: "who led the Celtics in scoring last night", "who scored
  // the most in the Clippers Warriors game on Valentine's Day 2024" — its box score.
  const bool one_day = dated && s.date_to.empty();
  // (A team's points that day are its score: the schedule has them for every season.)
  const bool leader = cues[Cue::kLeaders];
  // "Who won the Grizzlies Magic game on 2026-01-18" asks for the result, which every season
  // has, not the players' lines (none offline for 2025-26: it answered nothing, blind audit).
  const bool who_won = cues[Cue::kAwards];
  if (one_day && players == 0 &&
      ((teams == 1 && leader) ||
       (teams == 2 && (leader || cues.stat || (cues[Cue::kGames] && !who_won))))) {
    return std::pair{IntentKind::kBoxScore, kLikely};
  }
  // The league's best line of one day ("who scored the most points on Christmas Day 2023"):
  // a leaderboard of that day's games, not the day's scores.
  if (one_day && players == 0 && teams == 0 && leader && cues.stat) {
    return std::pair{IntentKind::kLeaders, kLikely};
  }
  // A team's game on a date ("did the Lakers win last night"): its result from the schedule,
  // which every season has; player lines only when a box score is asked for by name.
  if (!s.game_id.empty()) return std::pair{IntentKind::kBoxScore, kSure};  // one game, by id
  if (cues[Cue::kScores] || (dated && (cues[Cue::kGames] || (teams == 0 && players == 0)))) {
    // "how did Giannis play vs the Pacers on Dec 13": his line that day; the team is whom
    // he played.
    if (players >= 1 && dated) return std::pair{IntentKind::kGameLog, kLikely};
    if (teams == 1 && dated) return std::pair{IntentKind::kSchedule, kLikely};
    if (teams == 0 && players == 0 && !s.date_to.empty()) {
      return std::pair{IntentKind::kSchedule, kLikely};  // "games in January": many days
    }
    if (teams == 0 && players == 0) return std::pair{IntentKind::kScores, kSure};
  }
  if (dated && players >= 1) {
    return std::pair{IntentKind::kGameLog, kLikely};
  }
  const bool about_games = dated || (cues[Cue::kGames] && !cues.stat);
  if (about_games && teams == 1 && players == 0) {
    return std::pair{IntentKind::kSchedule, kLikely};  // "Lakers games", "Heat yesterday"
  }
  return std::nullopt;
}

Verdict byEntities(const Cues& cues, const QuerySlots& s) {
  // A traded player with the teams he played for ("Fox's combined stats (Kings and Spurs)"):
  // his season line, a column per team; the teams are his scope, not two subjects.
  if (s.players.size() == 1 && s.teams.size() >= 2 && !cues[Cue::kVersus] && !cues[Cue::kCompare] &&
      !cues[Cue::kGameLog] && s.date.empty() && !s.last_n) {
    return std::pair{IntentKind::kPlayerStats, kLikely};
  }
  if (s.teams.size() >= 2) {
    // A stat of two teams compares them ("knicks vs celtics offensive rating"); without one,
    // "vs" asks for their games.
    const bool about_games = cues[Cue::kGames] || cues[Cue::kScores] || !s.date.empty();
    const bool compare =
        (cues[Cue::kCompare] && !cues[Cue::kVersus]) || (cues.stat && !about_games);
    return std::pair{compare ? IntentKind::kCompareTeams : IntentKind::kHeadToHead,
                     cues[Cue::kVersus] || cues[Cue::kCompare] ? kSure : kLikely};
  }
  // A player against a team ("how did LeBron do against the Celtics"): his games against
  // it, not a comparison waiting for a second team (blind audit).
  if (s.players.size() == 1 && s.teams.size() == 1 && cues[Cue::kVersus] && !cues[Cue::kCompare]) {
    return std::pair{IntentKind::kGameLog, kLikely};
  }
  if (s.players.size() >= 2) {
    return std::pair{IntentKind::kComparePlayers,
                     cues[Cue::kCompare] || cues[Cue::kVersus] ? kSure : kLikely};
  }
  // A player with a team ("what is Luka averaging for the Lakers"): the team is the player's
  // scope, not a second subject; his season line has a column per team he played for.
  if (s.players.size() == 1 && s.teams.size() == 1 && !cues[Cue::kVersus] && !cues[Cue::kGameLog] &&
      !s.last_n && !cues[Cue::kCareer] && !cues[Cue::kCompare]) {
    return std::pair{IntentKind::kPlayerStats, kLikely};
  }
  const bool ranged = s.season && s.season->count > 1;
  if (!s.players.empty()) {
    if (cues[Cue::kGameLog] || s.last_n) return std::pair{IntentKind::kGameLog, kSure};
    if (cues[Cue::kCareer] || ranged) return std::pair{IntentKind::kCareer, kSure};
    if (cues[Cue::kCompare]) return std::pair{IntentKind::kComparePlayers, kGuess};
  }
  if (!s.teams.empty() && (cues[Cue::kGameLog] || s.last_n)) {
    return std::pair{IntentKind::kSchedule, kLikely};
  }
  if (s.teams.size() == 1 && s.players.empty() && cues[Cue::kCompare]) {
    return std::pair{IntentKind::kCompareTeams, kGuess};  // "compare the Lakers": with whom?
  }
  return std::nullopt;
}

Verdict byRanking(const Cues& cues, const QuerySlots& s) {
  const bool ranking = cues[Cue::kLeaders] || s.lowest || s.limit.has_value();
  if (!ranking || !s.players.empty()) {
    return std::nullopt;
  }
  // Points allowed are a team's only ("fewest points allowed").
  const bool allowed = std::find(s.stats.begin(), s.stats.end(), "OPP_PTS") != s.stats.end();
  const bool team_level = cues[Cue::kTeam] || (s.teams.empty() && (s.advanced || allowed));
  if (team_level) {
    return std::pair{IntentKind::kTeamLeaders, s.stats.empty() ? kGuess : kSure};
  }
  return std::pair{IntentKind::kLeaders, s.stats.empty() ? kGuess : kSure};
}

Verdict bySubject(const Cues& cues, const QuerySlots& s) {
  if (s.teams.size() == 1) {
    if (cues[Cue::kVersus]) return std::pair{IntentKind::kHeadToHead, kGuess};
    const bool asked = s.advanced || cues.stat || cues[Cue::kStats];
    return std::pair{IntentKind::kTeamStats, asked ? kSure : kLikely};
  }
  if (s.players.size() == 1) {
    const bool asked = cues.stat || cues[Cue::kStats];
    return std::pair{IntentKind::kPlayerStats, asked ? kSure : kLikely};
  }
  if (!s.conference.empty() || !s.division.empty()) {
    // "southwest division net rating": the group's teams ranked by that team metric (it gave
    // the division's standings: blind audit); a plain stat word stays with the standings.
    if (s.advanced) return std::pair{IntentKind::kTeamLeaders, kLikely};
    return std::pair{IntentKind::kStandings, kLikely};
  }
  if (cues.stat) {
    // "fastest pace", "which team scored the most": a team metric or a team asked about
    // ranks teams, not players.
    const bool teams = s.advanced || cues[Cue::kTeam];
    return std::pair{teams ? IntentKind::kTeamLeaders : IntentKind::kLeaders, kGuess};
  }
  if (cues[Cue::kCompare] || cues[Cue::kVersus]) {
    return std::pair{IntentKind::kComparePlayers, kGuess};
  }
  if (cues[Cue::kStats] || cues[Cue::kCareer] || cues[Cue::kGameLog]) {
    return std::pair{IntentKind::kPlayerStats, kGuess};
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> splitParts(const TokenLabels& labels) {
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    if (labels[i].role != LexRole::kSeparator || !labels[i].head) {
      continue;
    }
    std::size_t next = i + 1;
    while (next < labels.size() && labels[next].role != LexRole::kSeparator) {
      ++next;
    }
    const Cues left = cuesIn(labels, start, i);
    const Cues right = cuesIn(labels, i + 1, next);
    // "compare X and Y" is one part, but "X vs Y and the East standings" names both sides
    // before the "and".
    const bool versus_done = left[Cue::kVersus] && left.entities >= 2;
    const bool comparing = (left[Cue::kCompare] || left[Cue::kVersus]) && !versus_done;
    const bool left_stands = left.strong() || left.stat || versus_done;
    // "… and the Celtics offensive rating": a stat of a named subject is a question too.
    // "… and the Celtics offensive rating": a stat of a named subject is a question too; so
    // is a stat after a different ask about a subject named before ("Celtics record and net
    // rating"), which asks it of the same subject (see the parser's carrySubject).
    const bool same_subject_ask = right.stat && left.entity && left.strong() && !left.stat;
    const bool right_stands = right.strong() || (right.stat && right.entity) || same_subject_ask;
    if (right_stands && left_stands && !comparing) {
      parts.emplace_back(start, i);
      start = i + 1;
    }
  }
  parts.emplace_back(start, labels.size());
  return parts;
}

std::optional<std::pair<IntentKind, double>> classifyPart(const TokenLabels& labels,
                                                          std::size_t first, std::size_t last,
                                                          const QuerySlots& slots) {
  const Cues cues = cuesIn(labels, first, last);
  const bool dated = !slots.date.empty() || !slots.undated_day.empty();
  // "won" of a division or conference, or of a team's games, is its record, not an award:
  // "who won the Atlantic", "how many games did the Pistons win".
  const bool won_games = cues[Cue::kGames] && slots.teams.size() == 1 && !dated;
  const bool won_group = !slots.division.empty() || !slots.conference.empty();
  if (slots.award.empty() && cues[Cue::kAwards] && (won_group || won_games) &&
      slots.players.empty()) {
    return std::pair{IntentKind::kStandings, kLikely};
  }
  if (!slots.award.empty() || (cues[Cue::kAwards] && !dated && slots.teams.empty() &&
                               !cues[Cue::kGames] && !cues[Cue::kVersus])) {
    return std::pair{IntentKind::kAwards, slots.award.empty() ? kGuess : kSure};
  }
  if (cues[Cue::kBoxScore]) {
    return std::pair{IntentKind::kBoxScore, kSure};
  }
  // "Celtics record vs the Knicks", "head to head record for the Celtics": a record against
  // one other team (asked for when not named), not the standings.
  if (cues[Cue::kVersus] && cues[Cue::kStandings] && !slots.teams.empty() &&
      slots.players.empty() && slots.conference.empty() && slots.division.empty()) {
    return std::pair{IntentKind::kHeadToHead, slots.teams.size() >= 2 ? kSure : kGuess};
  }
  // "Celtics record in March 2025": the team's games over those days, which the schedule
  // totals; the standings are of the whole season so far (blind audit).
  if (cues[Cue::kStandings] && slots.teams.size() == 1 && slots.players.empty() &&
      !slots.date_to.empty()) {
    return std::pair{IntentKind::kSchedule, kLikely};
  }
  if (cues[Cue::kStandings]) {
    // "worst record in the East": a ranking from the bottom, which standings do not lead with.
    const bool bottom = slots.lowest && slots.teams.empty();
    return std::pair{bottom ? IntentKind::kTeamLeaders : IntentKind::kStandings, kSure};
  }
  for (auto rule : {&byGames, &byEntities, &byRanking, &bySubject}) {
    if (Verdict verdict = rule(cues, slots)) {
      return verdict;
    }
  }
  return std::nullopt;
}

}  // namespace nba::nlq

#include "nba/tools/awards_tool.h"

#include <algorithm>
#include <map>

#include "domain/season_resolver.h"
#include "nba/tools/arguments.h"
#include "nba/tools/award_names.h"
#include "nba/tools/markdown.h"
#include "nba/tools/prose.h"
#include "nba/tools/provenance.h"
#include "nba/tools/sorted_json_object.h"
#include "nba/tools/team_text.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace {

using nlohmann::json;

// The arguments as given, decoded. No season means every season (with a player) or the latest
// season that has awards (without one).
struct AwardsArgs {
  std::optional<AwardChoice> award;
  std::optional<ResolvedPlayer> player;
  std::optional<SeasonChoice> season;
};

// Checked in the order player, award, season.
Result<AwardsArgs> decodeAwardsArgs(const json& arguments, const ToolEnv& env) {
  AwardsArgs args;
  if (optionalString(arguments, "player")) {
    auto player = playerArgument(arguments, env);
    if (!player.ok()) {
      return player.status();
    }
    args.player = std::move(*player);
  }
  if (auto text = optionalString(arguments, "award")) {
    auto award = parseAward(*text);
    if (!award.ok()) {
      return award.status();
    }
    args.award = *award;
  }
  if (hasValue(arguments, "season")) {
    auto season = seasonArgument(arguments, env);
    if (!season.ok()) {
      return season.status();
    }
    args.season = std::move(*season);
  }
  return args;
}

// The arguments against the seasons that have awards: the season shown, and the notes.
struct AwardsQuery {
  std::optional<Season> season;
  std::optional<AwardChoice> award;
  std::optional<ResolvedPlayer> player;
  std::vector<std::string> notes;
};

std::vector<Season> seasonsWithAwards(const Rows<AwardEntry>& entries) {
  std::vector<Season> seasons;
  for (const AwardEntry& entry : entries) {
    if (std::find(seasons.begin(), seasons.end(), entry.season) == seasons.end()) {
      seasons.push_back(entry.season);
    }
  }
  std::sort(seasons.begin(), seasons.end());
  return seasons;
}

// `league_seasons` says whether `with_awards` are the league's seasons with awards (else only
// the player's, when the source lists awards player by player: then a season without entries
// of his is no error).
Result<AwardsQuery> queryOf(const AwardsArgs& args, const std::vector<Season>& with_awards,
                            bool league_seasons) {
  AwardsQuery query;
  query.award = args.award;
  if (args.player) {
    query.player = args.player;
    if (!args.player->note.empty()) {
      query.notes.push_back(args.player->note);
    }
  }
  if (const auto& season = args.season) {
    if (league_seasons &&
        std::find(with_awards.begin(), with_awards.end(), season->season) == with_awards.end()) {
      return notFound((season->note.empty() ? "" : season->note + ". ") + "No awards for " +
                      season->season.label() +
                      " in the data (they are voted after a regular season ends). Seasons with "
                      "awards: " +
                      seasonList(with_awards) + ".");
    }
    query.season = season->season;
    if (!season->note.empty()) {
      query.notes.push_back(season->note);
    }
  } else if (!query.player && !with_awards.empty()) {
    query.season = with_awards.back();
    query.notes.push_back("Latest season with awards: " + with_awards.back().label() +
                          " (awards are voted after a regular season ends).");
  }
  return query;
}

bool wanted(const AwardsQuery& query, const AwardEntry& entry) {
  if (query.season && entry.season != *query.season) {
    return false;
  }
  if (query.player && entry.player_id != query.player->player.player_id) {
    return false;
  }
  if (query.award) {
    const auto& codes = query.award->codes;
    return std::find(codes.begin(), codes.end(), entry.award) != codes.end();
  }
  // No award named: a player's every entry (finishes included), else each award's winners.
  return query.player || entry.winner;
}

std::vector<AwardEntry> selectEntries(const AwardsQuery& query, Rows<AwardEntry> rows) {
  rows.dropIf([&](const AwardEntry& entry) { return !wanted(query, entry); });
  std::vector<AwardEntry> all = rows.copy();
  std::stable_sort(all.begin(), all.end(), [](const AwardEntry& a, const AwardEntry& b) {
    if (a.season != b.season) {
      return a.season < b.season;
    }
    if (awardOrder(a.award) != awardOrder(b.award)) {
      return awardOrder(a.award) < awardOrder(b.award);
    }
    return a.rank < b.rank;
  });
  return all;
}

// Each entry's team that season: the player's last team on his season line.
std::map<std::pair<int, std::string>, std::string> entryTeams(
    const AwardsQuery& query, const std::vector<AwardEntry>& entries, const ToolEnv& env) {
  std::map<std::pair<int, std::string>, std::string> teams;
  auto remember = [&teams](const Table<PlayerSeasonLine>& table) {
    for (const PlayerSeasonLine& line : table.rows) {
      if (line.stint == 0) {
        teams[{line.season.start_year, line.player_id}] = line.lastTeam();
      }
    }
  };
  if (query.player) {
    if (auto career = env.data.playerCareer(env.call, query.player->player.player_id);
        career.ok()) {
      remember(*career);
    }
    return teams;
  }
  // One career lookup per player covers all his seasons' entries.
  for (const AwardEntry& entry : entries) {
    if (teams.count({entry.season.start_year, entry.player_id})) {
      continue;
    }
    if (auto career = env.data.playerCareer(env.call, entry.player_id); career.ok()) {
      remember(*career);
    }
    teams.try_emplace({entry.season.start_year, entry.player_id});  // no line: no team
  }
  return teams;
}

std::string optionalInt(const std::optional<int>& value) {
  return value ? formatCount(*value) : "—";
}

json optionalJson(const std::optional<int>& value) { return value ? json(*value) : json(nullptr); }

json entryJson(const AwardEntry& entry, const std::string& team) {
  SortedJsonObject out;  // keys in alphabetical order
  out.add("award", entry.award);
  out.add("award_name", awardName(entry.award));
  out.add("first_place_votes", optionalJson(entry.first_place_votes));
  out.add("player", entry.player_name);
  out.add("player_id", entry.player_id);
  out.add("points_max", optionalJson(entry.points_max));
  out.add("points_won", optionalJson(entry.points_won));
  out.add("rank", entry.rank);
  out.add("season", entry.season.label());
  out.add("share", entry.share ? json(*entry.share) : json(nullptr));
  out.add("team", team);
  out.add("winner", entry.winner);
  return out.release();
}

// "Shai Gilgeous-Alexander won the 2024-25 Most Valuable Player award (71 first-place
// votes, 913 of 1,000 points, share 0.913)."
std::string winnerSentence(const AwardEntry& entry) {
  std::string text = entry.player_name + " won the " + entry.season.label() + " " +
                     awardName(entry.award) + " award";
  if (entry.points_won && entry.points_max) {
    text += " (" + optionalInt(entry.first_place_votes) + " first-place votes, " +
            formatCount(*entry.points_won) + " of " + formatCount(*entry.points_max) +
            " points, share " + formatFixed(entry.share, 3) + ")";
  }
  return text + ".";
}

// " (19 first-place votes, 245 of 495 points)" for a vote finish; "" without the points.
std::string votesClause(const AwardEntry& entry) {
  if (!entry.points_won || !entry.points_max) return "";
  return " (" + optionalInt(entry.first_place_votes) + " first-place votes, " +
         formatCount(*entry.points_won) + " of " + formatCount(*entry.points_max) + " points)";
}

// "All-NBA First Team: A, B, C, D and E"; one clause per selection team.
std::string selectionSentence(const std::vector<AwardEntry>& entries) {
  std::string text;
  std::string current;
  std::vector<std::string> names;
  auto flush = [&] {
    if (!names.empty()) {
      text += (text.empty() ? "" : "; ") + awardName(current) + ": " + joinNames(names);
    }
    names.clear();
  };
  for (const AwardEntry& entry : entries) {
    if (entry.award != current) {
      flush();
      current = entry.award;
    }
    names.push_back(entry.player_name);
  }
  flush();
  return text;
}

// The winner of `award` in `season` in the league's table, if it lists him.
const AwardEntry* winnerOf(const Rows<AwardEntry>& league, Season season,
                           const std::string& award) {
  for (const AwardEntry& entry : league) {
    if (entry.winner && entry.season == season && entry.award == award) return &entry;
  }
  return nullptr;
}

// "Did Wembanyama win DPOY?" is answered by who did: for a named voted award, each finish of
// the player's that did not win says who won ("…finished 2nd in the 2023-24 Defensive Player
// of the Year voting; Rudy Gobert won it."), and with no entry of his in a named season, that
// season's winner.
std::string whoWonInstead(const AwardsQuery& query, const std::vector<AwardEntry>& entries,
                          const Rows<AwardEntry>* league) {
  if (!query.player || !query.award || league == nullptr) return "";
  std::string text;
  for (const AwardEntry& entry : entries) {
    if (entry.winner || !isVotedAward(entry.award)) continue;
    const AwardEntry* winner = winnerOf(*league, entry.season, entry.award);
    if (winner == nullptr) continue;
    // The answer sentence before this one named him (playerAwardSentence).
    text += " He finished " + teams::ordinal(entry.rank) + " in the " + entry.season.label() + " " +
            awardNameWithShortForm(entry.award) + " voting" + votesClause(entry) + "; " +
            winner->player_name + " won it.";
  }
  if (entries.empty() && query.season) {
    for (const std::string& code : query.award->codes) {
      if (!isVotedAward(code)) continue;
      if (const AwardEntry* winner = winnerOf(*league, *query.season, code)) {
        text += " " + winnerSentence(*winner);
      }
    }
  }
  return text;
}

// "Did Wembanyama win DPOY in 2024?": the answer is about that award only. Counting his
// entries ("no wins or selections") read as if he had won nothing that season, when he was
// Rookie of the Year (blind audit). whoWonInstead() then gives his finish and the winner.
std::string playerAwardSentence(const AwardsQuery& query, const std::vector<AwardEntry>& entries) {
  const std::string& name = query.player->player.name;
  const std::string in_season = query.season ? " in " + query.season->label() : "";
  if (entries.empty()) {
    return name + " has no " + query.award->label + " entry (win, selection or vote)" +
           (query.season ? in_season : " in the data") + ".";
  }
  std::vector<std::string> won;
  std::string voted_wins;
  for (const AwardEntry& entry : entries) {
    if (!entry.winner) continue;
    if (isVotedAward(entry.award)) {
      voted_wins += (voted_wins.empty() ? "" : " ") + winnerSentence(entry);
    } else {
      won.push_back(entry.season.label() + " " + awardName(entry.award));
    }
  }
  if (voted_wins.empty() && won.empty()) {
    return name + " did not win the " + query.award->label + in_season + ".";
  }
  std::string text = voted_wins;
  if (!won.empty()) {
    text += (text.empty() ? "" : " ") + name + " was selected for: " + joinNames(won) + ".";
  }
  return text;
}

std::string answerSentence(const AwardsQuery& query, const std::vector<AwardEntry>& entries) {
  if (query.player && query.award) {
    return playerAwardSentence(query, entries);
  }
  if (query.player) {
    std::vector<std::string> won;
    for (const AwardEntry& entry : entries) {
      if (entry.winner) {
        // "2023-24 Most Valuable Player (MVP)": people ask about the MVP.
        won.push_back(entry.season.label() + " " + awardNameWithShortForm(entry.award));
      }
    }
    std::string name = query.player->player.name;
    if (entries.empty()) {
      return name + " has no award entries (wins, selections or votes) " +
             (query.season ? "in " + query.season->label() : std::string("in the data")) + ".";
    }
    return name + " has " + std::to_string(entries.size()) + " award entr" +
           (entries.size() == 1 ? "y" : "ies") + "; " +
           (won.empty() ? "no wins or selections (vote finishes only)."
                        : "won or was selected for: " + joinNames(won) + ".");
  }
  if (entries.empty()) {
    return "No award entries match.";
  }
  std::string season = query.season ? query.season->label() : "";
  if (query.award && query.award->codes.size() == 1 && isVotedAward(query.award->codes[0])) {
    auto winner = std::find_if(entries.begin(), entries.end(),
                               [](const AwardEntry& entry) { return entry.winner; });
    return winner == entries.end() ? "No winner recorded." : winnerSentence(*winner);
  }
  std::vector<AwardEntry> voted;
  std::vector<AwardEntry> selected;
  for (const AwardEntry& entry : entries) {
    (isVotedAward(entry.award) ? voted : selected).push_back(entry);
  }
  std::string text = season + " ";
  if (!voted.empty()) {
    text += "winners: ";
    for (std::size_t i = 0; i < voted.size(); ++i) {
      text += (i == 0 ? "" : ", ") + voted[i].award + " " + voted[i].player_name;
    }
    text += selected.empty() ? "." : ". ";
  }
  if (!selected.empty()) {
    text += selectionSentence(selected) + ".";
  }
  return text;
}

std::string markdownTable(const std::vector<AwardEntry>& entries,
                          const std::map<std::pair<int, std::string>, std::string>& teams) {
  MarkdownTable table(
      {"Season", "Award", "Rank", "Player", "Team", "1st-place votes", "Points", "Share", "Won"},
      {false, false, true, false, false, true, true, true, false});
  for (const AwardEntry& entry : entries) {
    auto team = teams.find({entry.season.start_year, entry.player_id});
    table.addRow({entry.season.label(), awardName(entry.award),
                  entry.rank > 0 ? std::to_string(entry.rank) : "—", entry.player_name,
                  team == teams.end() || team->second.empty() ? "—" : team->second,
                  optionalInt(entry.first_place_votes),
                  entry.points_won && entry.points_max
                      ? formatCount(*entry.points_won) + " / " + formatCount(*entry.points_max)
                      : "—",
                  formatFixed(entry.share, 3), entry.winner ? "yes" : ""});
  }
  return table.render();
}

// The as-of date of the season shown (the latest season with awards when several are).
std::string asOf(const AwardsQuery& query, const std::vector<Season>& with_awards,
                 const ToolEnv& env) {
  if (!query.season && with_awards.empty()) {
    return "";
  }
  Season season = query.season ? *query.season : with_awards.back();
  for (const SeasonCoverage& coverage : seasonsForText(env)) {
    if (coverage.season == season) {
      return coverage.as_of;
    }
  }
  return "";
}

// The entries to read: a named player's (playerAwards: NBA.com lists awards player by player),
// else the league's.
struct AwardTables {
  std::optional<Table<AwardEntry>> league;  // empty when the source cannot list a season's
  Table<AwardEntry> entries;
};

Result<AwardTables> readTables(const AwardsArgs& args, const ToolEnv& env) {
  AwardTables tables;
  auto league = env.data.awards(env.call, std::nullopt);
  const Status league_status = league.status();
  if (league.ok()) {
    tables.league = std::move(league).value();
  }
  if (!args.player) {
    if (!tables.league) {
      return league_status;
    }
    tables.entries = *tables.league;
    return tables;
  }
  auto own = env.data.playerAwards(env.call, args.player->player.player_id);
  if (!own.ok()) {
    return own.status();
  }
  tables.entries = std::move(own).value();
  return tables;
}

// The entries shown, with what the answer says of them.
struct AwardsFound {
  AwardTables tables;
  std::vector<Season> with_awards;  // seasons with awards, the league's and the player's
  AwardsQuery query;
  std::vector<AwardEntry> entries;
  std::map<std::pair<int, std::string>, std::string> teams;  // entryTeams()
  std::string as_of;
};

Result<AwardsFound> findAwards(const AwardsArgs& args, const ToolEnv& env) {
  auto tables = readTables(args, env);
  if (!tables.ok()) {
    return tables.status();
  }
  Table<AwardEntry>& all = tables->entries;
  const bool league_seasons = tables->league.has_value();
  // The league's seasons with awards, and the player's (NBA.com may have a season the offline
  // league table has not).
  std::vector<Season> with_awards = seasonsWithAwards(all.rows);
  if (league_seasons) {
    for (Season season : seasonsWithAwards(tables->league->rows)) {
      if (std::find(with_awards.begin(), with_awards.end(), season) == with_awards.end()) {
        with_awards.push_back(season);
      }
    }
    std::sort(with_awards.begin(), with_awards.end());
  }
  auto query = queryOf(args, with_awards, league_seasons);
  if (!query.ok()) {
    return query.status();
  }
  std::vector<AwardEntry> entries = selectEntries(*query, all.rows);
  auto teams = entryTeams(*query, entries, env);
  std::string as_of = asOf(*query, with_awards, env);
  return AwardsFound{std::move(*tables), std::move(with_awards), std::move(*query),
                     std::move(entries), std::move(teams),       std::move(as_of)};
}

ToolAnswer renderAwards(const AwardsArgs& /*args*/, const AwardsFound& found) {
  const Table<AwardEntry>& all = found.tables.entries;
  const std::vector<Season>& with_awards = found.with_awards;
  const std::vector<AwardEntry>& entries = found.entries;
  const auto& teams = found.teams;
  const std::string& as_of = found.as_of;
  std::string season_label = found.query.season
                                 ? found.query.season->label()
                                 : (with_awards.empty() ? "" : seasonList(with_awards));
  std::string title = found.query.player  ? "Awards: " + found.query.player->player.name
                      : found.query.award ? found.query.award->label
                                          : std::string("NBA awards");

  ToolAnswer answer;
  answer.text = AnswerSections::of(
      {title, season_label, as_of},
      escapeMarkdown(answerSentence(found.query, entries) +
                     whoWonInstead(found.query, entries,
                                   found.tables.league ? &found.tables.league->rows : nullptr)),
      notesMarkdown(found.query.notes) + (entries.empty() ? "" : markdownTable(entries, teams)));
  json rows = json::array();
  for (const AwardEntry& entry : entries) {
    auto team = teams.find({entry.season.start_year, entry.player_id});
    rows.push_back(entryJson(entry, team == teams.end() ? "" : team->second));
  }
  json seasons = json::array();
  for (const Season& season : with_awards) {
    seasons.push_back(season.label());
  }
  TableMeta shown = all.meta;
  shown.as_of = as_of;  // the season shown's, not the table's over every season
  answer.structured =
      provenanceJson(shown, found.query.season ? json(found.query.season->label()) : json(nullptr));
  answer.structured.update(
      {{"award", found.query.award ? json{{"codes", found.query.award->codes},
                                          {"label", found.query.award->label}}
                                   : json(nullptr)},
       {"player", found.query.player ? json{{"id", found.query.player->player.player_id},
                                            {"name", found.query.player->player.name}}
                                     : json(nullptr)},
       {"seasons_with_awards", seasons},
       {"entries", std::move(rows)},
       {"notes", found.query.notes}});
  answer.meta = answerMeta(shown, found.query.season);
  return answer;
}

}  // namespace

NbaTool awardsTool() {
  return {"get_awards", "NBA awards and voting",
          "Award winners and voting for a season: MVP, DPOY, ROY, 6MOY (sixth man), MIP, CLUTCH "
          "with rank, first-place votes, points and share; All-NBA, All-Defensive and "
          "All-Rookie teams. Name an award (code or words: \"most valuable player\", "
          "\"rookie of the year\", \"all-nba first team\") for its full voting, or a player for "
          "every award entry he has. Without a season: the latest season that has awards (a "
          "season in progress has none yet).",
          false, TypedHandler<AwardsArgs, AwardsFound>{decodeAwardsArgs, findAwards, renderAwards}};
}

}  // namespace nba::tools

#include <cmath>

#include "nba/tools/arguments.h"
#include "nba/tools/markdown.h"
#include "nba/tools/player_lines.h"
#include "nba/tools/player_tools.h"
#include "nba/tools/provenance.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace {

using nlohmann::json;
using stats::PerMode;

double perGame(int total, int games) {
  return games > 0 ? std::round(total * 10.0 / games) / 10.0 : 0.0;
}

std::optional<double> ratio(double made, double attempts) {
  if (attempts <= 0) {
    return std::nullopt;
  }
  return std::round(made / attempts * 1000.0) / 1000.0;
}

// The career line: totals summed over the season lines, per-game values recomputed from the
// totals and percentages from makes and attempts (never averaged season percentages).
// Advanced figures (USG%, PER, WS, BPM) are not summable from the lines: left empty.
PlayerSeasonLine careerLine(const std::vector<PlayerSeasonLine>& seasons) {
  PlayerSeasonLine c;
  c.gs = 0;
  for (const auto& s : seasons) {
    c.gp += s.gp;
    c.gs = c.gs && s.gs ? std::optional<int>(*c.gs + *s.gs) : std::nullopt;
    c.min += s.min;
    c.fgm += s.fgm, c.fga += s.fga, c.fg3m += s.fg3m, c.fg3a += s.fg3a;
    c.ftm += s.ftm, c.fta += s.fta, c.oreb += s.oreb, c.dreb += s.dreb, c.reb += s.reb;
    c.ast += s.ast, c.stl += s.stl, c.blk += s.blk, c.tov += s.tov, c.pf += s.pf;
    c.pts += s.pts;
    for (const auto& team : s.teams) {
      if (c.teams.empty() || c.teams.back() != team) {
        c.teams.push_back(team);
      }
    }
  }
  c.team = c.teams.size() == 1 ? c.teams.front() : "TOT";
  c.fg_pct = ratio(c.fgm, c.fga);
  c.fg3_pct = ratio(c.fg3m, c.fg3a);
  c.ft_pct = ratio(c.ftm, c.fta);
  c.efg_pct = ratio(c.fgm + 0.5 * c.fg3m, c.fga);
  c.ts_pct = ratio(c.pts, 2.0 * (c.fga + 0.44 * c.fta));
  c.min_pg = perGame(c.min, c.gp), c.fgm_pg = perGame(c.fgm, c.gp);
  c.fga_pg = perGame(c.fga, c.gp), c.fg3m_pg = perGame(c.fg3m, c.gp);
  c.fg3a_pg = perGame(c.fg3a, c.gp), c.ftm_pg = perGame(c.ftm, c.gp);
  c.fta_pg = perGame(c.fta, c.gp), c.oreb_pg = perGame(c.oreb, c.gp);
  c.dreb_pg = perGame(c.dreb, c.gp), c.reb_pg = perGame(c.reb, c.gp);
  c.ast_pg = perGame(c.ast, c.gp), c.stl_pg = perGame(c.stl, c.gp);
  c.blk_pg = perGame(c.blk, c.gp), c.tov_pg = perGame(c.tov, c.gp);
  c.pf_pg = perGame(c.pf, c.gp), c.pts_pg = perGame(c.pts, c.gp);
  return c;
}

const std::vector<const char*>& tableCodes() {
  static const std::vector<const char*> codes = {"GP",     "MIN",     "PTS",    "REB",
                                                 "AST",    "STL",     "BLK",    "TOV",
                                                 "FG_PCT", "FG3_PCT", "FT_PCT", "TS_PCT"};
  return codes;
}

std::string careerTable(const std::vector<PlayerSeasonLine>& seasons,
                        const PlayerSeasonLine& career, PerMode mode) {
  std::vector<std::string> headers = {"Season", "Team"};
  for (const char* code : tableCodes()) {
    headers.push_back(stats::findStat(code)->short_label);
  }
  std::vector<bool> right(headers.size(), true);
  right[0] = right[1] = false;
  MarkdownTable table(headers, right);
  auto addLine = [&](const std::string& first, const PlayerSeasonLine& line) {
    std::vector<std::string> row = {first, joinTeams(line.teams)};
    for (const char* code : tableCodes()) {
      const stats::StatDef& stat = *stats::findStat(code);
      row.push_back(stats::formatStat(stat, mode, stats::playerStatValue(line, stat, mode)));
    }
    table.addRow(row);
  };
  for (const auto& line : seasons) {
    addLine(line.season.label(), line);
  }
  addLine("Career (in data)", career);
  return table.render();
}

// How much of the career the data covers; the answer must not pass a 3-season window off
// as a career.
std::string scopeSentence(const Player& player, const std::vector<SeasonCoverage>& covered) {
  if (covered.empty()) {
    return "";
  }
  const Season first = covered.front().season;
  std::string text =
      "The data covers " + first.label() + " to " + covered.back().season.label() + " only";
  if (player.from_year && *player.from_year < first.start_year) {
    return text + "; he has played since " + Season{*player.from_year}.label() +
           ", so this is not his full career.";
  }
  return text + ", which includes his whole career so far.";
}

// A note when the latest season in the rows is still in progress. `as_of` is the lines' own
// date (the career table's), not the season's latest table's.
std::string partialNote(const std::vector<PlayerSeasonLine>& seasons,
                        const std::vector<SeasonCoverage>& covered, const std::string& as_of) {
  for (const auto& coverage : covered) {
    if (coverage.season == seasons.back().season && coverage.coverage == Coverage::kPartial) {
      return coverage.season.label() + " is in progress: figures through " +
             (as_of.empty() ? coverage.as_of : as_of) + ".";
    }
  }
  return "";
}

struct PlayerCareerArgs {
  ResolvedPlayer player;
  PerMode mode = PerMode::kPerGame;
};

Result<PlayerCareerArgs> decodePlayerCareerArgs(const json& arguments, const ToolEnv& env) {
  auto player = playerArgument(arguments, env);
  if (!player.ok()) {
    return player.status();
  }
  return PlayerCareerArgs{std::move(*player), perModeArgument(arguments)};
}

// The player's season lines in the data and their sum.
struct CareerFound {
  TableMeta meta;
  std::vector<PlayerSeasonLine> seasons;  // season lines (a traded player's combined one)
  PlayerSeasonLine career;
  std::vector<SeasonCoverage> covered;  // the seasons the data holds
};

Result<CareerFound> findCareer(const PlayerCareerArgs& args, const ToolEnv& env) {
  auto table = env.data.playerCareer(env.call, args.player.player.player_id);
  if (!table.ok()) {
    return table.status();
  }
  CareerFound found;
  found.meta = table->meta;
  for (const PlayerSeasonLine& line : table->rows) {
    if (line.stint == 0) {
      found.seasons.push_back(line);  // a few seasons: copied, the source's rows stay as they are
    }
  }
  if (found.seasons.empty()) {
    return notFound(args.player.player.name + " has no season lines in the data (it covers " +
                    dataSeasonList(env) + ").");
  }
  found.career = careerLine(found.seasons);
  found.covered = seasonsForText(env);
  return found;
}

ToolAnswer renderCareer(const PlayerCareerArgs& args, const CareerFound& found) {
  const PerMode mode = args.mode;
  const std::vector<PlayerSeasonLine>& seasons = found.seasons;
  const PlayerSeasonLine& career = found.career;
  const std::vector<SeasonCoverage>& covered = found.covered;
  const std::string partial = partialNote(seasons, covered, found.meta.as_of);
  std::vector<std::string> notes = {args.player.note, partial};
  std::string span = seasons.front().season.label() +
                     (seasons.size() > 1 ? " to " + seasons.back().season.label() : std::string());
  const stats::StatDef& pts = *stats::findStat("PTS");
  std::string sentence = escapeMarkdown(args.player.player.name) + " has " +
                         std::to_string(seasons.size()) +
                         (seasons.size() == 1 ? " season" : " seasons") + " in the data (" + span +
                         "): " + formatCount(career.gp) + " games and " + formatCount(career.pts) +
                         " points, " + stats::formatStat(pts, PerMode::kPerGame, career.pts_pg) +
                         " points per game. " + scopeSentence(args.player.player, covered);

  ToolAnswer answer;
  answer.text =
      AnswerSections::of({args.player.player.name + " — career by season (" +
                              std::string(stats::perModeName(mode)) + ")",
                          span, found.meta.as_of},
                         sentence, notesMarkdown(notes) + careerTable(seasons, career, mode));
  json rows = json::array();
  for (const auto& line : seasons) {
    json row = statLineJson(line, mode);
    row["season"] = line.season.label();
    rows.push_back(std::move(row));
  }
  json seasons_covered = json::array();
  for (const auto& coverage : covered) {
    seasons_covered.push_back(coverage.season.label());
  }
  json note_list = json::array();
  for (const auto& text : notes) {
    if (!text.empty()) {
      note_list.push_back(text);
    }
  }
  json totals = statLineJson(career, mode);
  totals["seasons"] = seasons.size();
  // A career that runs into a season in progress is partial, as its note says (it was
  // "complete": blind audit).
  TableMeta meta = found.meta;
  if (!partial.empty()) meta.coverage = Coverage::kPartial;
  answer.structured = provenanceJson(meta, nullptr);
  answer.structured.update(
      {{"player", playerJson(args.player.player)},
       {"per_mode", stats::perModeName(mode)},
       {"seasons_in_data", std::move(seasons_covered)},
       {"first_season", args.player.player.from_year
                            ? json(Season{*args.player.player.from_year}.label())
                            : json(nullptr)},
       {"complete_career", !args.player.player.from_year ||
                               *args.player.player.from_year >= covered.front().season.start_year},
       {"rows", std::move(rows)},
       {"career", std::move(totals)},
       {"notes", std::move(note_list)}});
  answer.meta = answerMeta(found.meta, std::nullopt);
  return answer;
}

}  // namespace

NbaTool getPlayerCareerTool() {
  return {"get_player_career", "Player career by season",
          "One player's season-by-season regular-season lines (a traded player's combined line "
          "per season) and career totals over those seasons: totals summed, per-game values "
          "recomputed from the totals, percentages from makes and attempts. The data holds "
          "2023-24 onward only, so 'career' means those seasons; the answer says so and names "
          "the player's first NBA season when it is earlier. per_mode: PerGame (default), "
          "Totals or Per36.",
          false,
          TypedHandler<PlayerCareerArgs, CareerFound>{decodePlayerCareerArgs, findCareer,
                                                      renderCareer}};
}

}  // namespace nba::tools

#include "nlq/synthesizer/team_ranking.h"

#include <algorithm>

#include "nba/tools/markdown.h"
#include "nlq/synthesizer/focus_sentence.h"

namespace nba::nlq {
namespace {

using nlohmann::json;

struct TeamValue {
  std::string name;
  std::string record;
  double value = 0;
  std::string display;
};

const json* findStatRow(const json& structured, const std::string& code) {
  if (!structured.is_object()) return nullptr;
  const json& rows = memberOr(structured, "stats");
  for (const json& row : rows) {
    if (row.value("code", "") == code && row.contains("value") && row["value"].is_number()) {
      return &row;
    }
  }
  return nullptr;
}

// The stat to rank by: the first the question named that the results carry, else record.
std::optional<std::string> rankingCode(const QuerySlots& slots,
                                       const std::vector<const json*>& team_stats) {
  std::vector<std::string> wanted = slots.stats;
  wanted.emplace_back("W_PCT");
  for (const std::string& code : wanted) {
    for (const json* team : team_stats) {
      if (findStatRow(*team, code) != nullptr) {
        return code;
      }
    }
  }
  return std::nullopt;
}

std::string scopeText(const QuerySlots& slots) {
  if (!slots.division.empty()) return "in the " + slots.division + " Division";
  if (!slots.conference.empty()) return "in the " + slots.conference;
  return "in the NBA";
}

}  // namespace

std::optional<PartText> rankTeams(const QuerySlots& slots,
                                  const std::vector<const json*>& team_stats) {
  const auto code = rankingCode(slots, team_stats);
  if (!code) {
    return std::nullopt;
  }
  std::vector<TeamValue> teams;
  std::string better = "higher";
  std::string label = *code;
  std::string short_label = *code;
  std::string season;
  std::string as_of;
  bool partial = false;
  for (const json* team : team_stats) {
    const json* row = team->is_object() ? findStatRow(*team, *code) : nullptr;
    if (row == nullptr) {
      continue;
    }
    better = row->value("better", "higher");
    label = row->value("label", *code);
    short_label = row->value("short_label", *code);
    season = team->value("season", "");
    partial = partial || team->value("coverage", "complete") != "complete";
    as_of = std::max(as_of, team->value("as_of", std::string()));
    teams.push_back(
        {team->value("team", json::object()).value("name", ""),
         std::to_string(team->value("w", 0)) + "-" + std::to_string(team->value("l", 0)),
         (*row)["value"].get<double>(), row->value("display", "")});
  }
  // Best first: ascending when lower is better; "neither" (pace) reads highest first.
  bool ascending = better == "lower";
  if (slots.lowest) {
    ascending = !ascending;
  }
  std::stable_sort(teams.begin(), teams.end(), [ascending](const TeamValue& a, const TeamValue& b) {
    return ascending ? a.value < b.value : a.value > b.value;
  });

  const std::string phrase = statPhrase(label);
  const std::string scope = scopeText(slots);
  tools::MarkdownTable table({"Rank", "Team", short_label, "W-L"}, {true, false, true, true});
  int rank = 0;
  for (std::size_t i = 0; i < teams.size(); ++i) {
    if (i == 0 || teams[i].value != teams[i - 1].value) {
      rank = static_cast<int>(i) + 1;
    }
    table.addRow({std::to_string(rank), teams[i].name, teams[i].display, teams[i].record});
  }
  const char* extreme = better == "neither" ? (slots.lowest ? "the lowest " : "the highest ")
                        : slots.lowest      ? "the worst "
                                            : "the best ";
  PartText part;
  part.heading = "## Teams " + scope + " by " + phrase + " — " + season + " (as of " + as_of + ")";
  if (!teams.empty() && *code == "PTS" && !slots.lowest) {
    part.sentence = "The " + teams.front().name + (partial ? " score" : " scored") +
                    " the most points per game " + scope + " in " + season + ": " +
                    teams.front().display + ".";
  } else if (!teams.empty()) {
    part.sentence = "The " + teams.front().name + (partial ? " have " : " had ") + extreme +
                    phrase + " " + scope + " in " + season + ": " + teams.front().display + ".";
  }
  std::string note = ascending ? "Ranked from lowest to highest" : "Ranked from highest to lowest";
  if (better == "lower") {
    note += " (lower is better)";
  }
  part.body = note + ".\n\n" + table.render();
  return part;
}

}  // namespace nba::nlq

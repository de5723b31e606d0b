#include "nlq/synthesizer/focus_sentence.h"

#include <cctype>

#include "nba/stats/stat_catalog.h"
#include "nba/tools/markdown.h"
#include "nba/tools/player_lines.h"
#include "nba/tools/prose.h"
#include "nba/tools/team_text.h"

namespace nba::nlq {
namespace {

using nlohmann::json;

std::string articleFor(const std::string& phrase) {
  return !phrase.empty() && std::string_view("aeiouAEIOU").find(phrase[0]) != std::string::npos
             ? "an "
             : "a ";
}

std::string valueText(const stats::StatDef& stat, stats::PerMode mode, double value) {
  return stats::formatStat(stat, mode, value);
}

std::string perModeTail(stats::PerMode mode) {
  switch (mode) {
    case stats::PerMode::kPerGame:
      return " per game";
    case stats::PerMode::kPer36:
      return " per 36 minutes";
    case stats::PerMode::kTotals:
      return "";
  }
  return "";
}

}  // namespace

const json& memberOr(const json& object, const char* key) {
  static const json kNull;
  if (!object.is_object()) return kNull;
  auto it = object.find(key);
  return it == object.end() ? kNull : *it;
}

std::string statPhrase(const std::string& label) {
  std::string phrase = label.substr(0, label.find(" ("));
  if (phrase.size() > 1 && std::isupper(static_cast<unsigned char>(phrase[0])) &&
      !std::isupper(static_cast<unsigned char>(phrase[1]))) {
    phrase[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(phrase[0])));
  }
  return phrase;
}

std::string joinAnd(const std::vector<std::string>& items) { return tools::joinNames(items); }

std::optional<std::string> playerStatsWithoutValue(const QuerySlots& slots,
                                                   const json& structured) {
  if (!structured.is_object() || slots.stats.empty()) {
    return std::nullopt;
  }
  const json& line = memberOr(structured, "line");
  std::vector<std::string> missing;
  for (const std::string& code : slots.stats) {
    const stats::StatDef* stat = stats::findStat(code);
    if (stat == nullptr) return std::nullopt;
    // The key the tool wrote the stat under (player_lines.h), not one worked out again here.
    auto it = line.find(tools::statKey(*stat));
    if (it == line.end()) return std::nullopt;  // not a line stat
    if (it->is_number()) return std::nullopt;   // it has one
    missing.push_back(statPhrase(stat->label));
  }
  const std::string name = structured.value("player", json::object()).value("name", "him");
  return "The data has no " + joinAnd(missing) + " for " + name + " in " +
         structured.value("season", std::string("that season")) + ".";
}

std::optional<std::string> playerStatSentence(const QuerySlots& slots, const json& structured) {
  if (!structured.is_object()) {
    return std::nullopt;
  }
  const json& line = memberOr(structured, "line");
  const auto mode = stats::parsePerMode(structured.value("per_mode", "PerGame"))
                        .value_or(stats::PerMode::kPerGame);
  std::vector<std::string> counting;
  std::vector<std::string> rates;
  for (const std::string& code : slots.stats) {
    const stats::StatDef* stat = stats::findStat(code);
    if (stat == nullptr) continue;
    const std::string key = tools::statKey(*stat);
    auto it = line.find(key);
    if (it == line.end() || !it->is_number() || key == "gp") {
      continue;
    }
    const std::string value = valueText(*stat, mode, it->get<double>());
    if (stat->kind == stats::StatKind::kCounting) {
      counting.push_back(value + " " + statPhrase(stat->label));
    } else {
      const std::string phrase = statPhrase(stat->label);
      std::string rate = articleFor(phrase);
      rate += phrase;
      rate += " of ";
      rate += value;
      rates.push_back(std::move(rate));
    }
  }
  if (counting.empty() && rates.empty()) {
    return std::nullopt;
  }
  const bool partial = structured.value("coverage", "complete") != "complete";
  const std::string name = structured.value("player", json::object()).value("name", "He");
  std::string sentence = name;
  if (!counting.empty()) {
    const bool totals = mode == stats::PerMode::kTotals;
    sentence +=
        totals ? (partial ? " has " : " had ") : (partial ? " is averaging " : " averaged ");
    sentence += joinAnd(counting) + perModeTail(mode);
  }
  if (!rates.empty()) {
    sentence += counting.empty() ? (partial ? " has " : " had ") : ", with ";
    sentence += joinAnd(rates);
  }
  sentence += " in " + structured.value("season", "");
  if (auto gp = line.find("gp"); gp != line.end() && gp->is_number_integer()) {
    sentence += " (" + std::to_string(gp->get<int>()) + " games)";
  }
  return sentence + ".";
}

std::optional<std::string> teamStatSentence(const QuerySlots& slots, const json& structured) {
  if (!structured.is_object()) {
    return std::nullopt;
  }
  std::vector<std::string> parts;
  const json& rows = memberOr(structured, "stats");
  for (const std::string& code : slots.stats) {
    for (const json& row : rows) {
      if (row.value("code", "") != code) {
        continue;
      }
      const std::string phrase = statPhrase(row.value("label", code));
      std::string part = articleFor(phrase) + phrase + " of " + row.value("display", "");
      if (auto rank = row.find("league_rank"); rank != row.end() && rank->is_number_integer()) {
        part += " (" + tools::teams::ordinal(rank->get<int>()) + " in the NBA)";
      }
      parts.push_back(part);
    }
  }
  if (parts.empty()) {
    return std::nullopt;
  }
  const bool partial = structured.value("coverage", "complete") != "complete";
  const std::string team = structured.value("team", json::object()).value("name", "The team");
  return "The " + team + (partial ? " have " : " had ") + joinAnd(parts) + " in " +
         structured.value("season", "") + ".";
}

}  // namespace nba::nlq

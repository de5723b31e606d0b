#include "nba/tools/award_names.h"

#include <array>
#include <cctype>
#include <sstream>

#include "core/user_text.h"

namespace nba::tools {
namespace {

struct AwardInfo {
  const char* code;
  const char* name;
};

constexpr std::array<AwardInfo, 13> kAwards = {{
    {"MVP", "Most Valuable Player"},
    {"DPOY", "Defensive Player of the Year"},
    {"ROY", "Rookie of the Year"},
    {"6MOY", "Sixth Man of the Year"},
    {"MIP", "Most Improved Player"},
    {"CLUTCH", "Clutch Player of the Year"},
    {"ALL_NBA_1", "All-NBA First Team"},
    {"ALL_NBA_2", "All-NBA Second Team"},
    {"ALL_NBA_3", "All-NBA Third Team"},
    {"ALL_DEF_1", "All-Defensive First Team"},
    {"ALL_DEF_2", "All-Defensive Second Team"},
    {"ALL_ROOKIE_1", "All-Rookie First Team"},
    {"ALL_ROOKIE_2", "All-Rookie Second Team"},
}};

struct VotedAlias {
  const char* words;
  const char* code;
};

// Normalized forms (see words()) of the voted awards' names.
constexpr std::array<VotedAlias, 26> kVotedAliases = {{
    {"mvp", "MVP"},
    {"most valuable player", "MVP"},
    {"dpoy", "DPOY"},
    {"defensive player of the year", "DPOY"},
    {"defensive player", "DPOY"},
    {"dpy", "DPOY"},
    {"roy", "ROY"},
    {"rookie of the year", "ROY"},
    {"6moy", "6MOY"},
    {"smoy", "6MOY"},
    {"6mo", "6MOY"},
    {"sixth man", "6MOY"},
    {"sixth man of the year", "6MOY"},
    {"6th man", "6MOY"},
    {"6th man of the year", "6MOY"},
    {"sixth man award", "6MOY"},
    {"mip", "MIP"},
    {"most improved", "MIP"},
    {"most improved player", "MIP"},
    {"most improved player of the year", "MIP"},
    {"clutch", "CLUTCH"},
    {"clutch player", "CLUTCH"},
    {"clutch player of the year", "CLUTCH"},
    {"cpoy", "CLUTCH"},
    {"clutch poy", "CLUTCH"},
    {"mvp award", "MVP"},
}};

// Lower-case words: '-', '_', '.', ',' become spaces; "the", "award(s)", "team(s)",
// "selection(s)" dropped so "the All-NBA teams" reads as "all nba".
std::vector<std::string> words(std::string_view text) {
  std::string cleaned;
  for (char raw : text) {
    char c = static_cast<char>(std::tolower(static_cast<unsigned char>(raw)));
    cleaned += (c == '-' || c == '_' || c == '.' || c == ',' || c == '\t') ? ' ' : c;
  }
  std::istringstream in(cleaned);
  std::vector<std::string> out;
  for (std::string word; in >> word;) {
    if (word != "the" && word != "team" && word != "teams" && word != "selection" &&
        word != "selections" && word != "awards") {
      out.push_back(word);
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& part : parts) {
    out += (out.empty() ? "" : " ") + part;
  }
  return out;
}

// 1..3 for "1", "1st", "first", …; 0 when `word` is no ordinal.
int ordinal(const std::string& word) {
  if (word == "1" || word == "1st" || word == "first") return 1;
  if (word == "2" || word == "2nd" || word == "second") return 2;
  if (word == "3" || word == "3rd" || word == "third") return 3;
  return 0;
}

// "all nba", "all defensive 1st", "first all rookie" → codes; empty when not a selection.
std::vector<std::string> selectionCodes(const std::vector<std::string>& parts, std::string& label) {
  std::string group;
  int teams = 0;
  int which = 0;
  bool saw_all = false;  // "all nba" or the fused "allnba": plain "nba" is no selection
  for (const auto& word : parts) {
    bool fused = word.rfind("all", 0) == 0 && word.size() > 3;
    std::string_view rest = fused ? std::string_view(word).substr(3) : std::string_view(word);
    saw_all = saw_all || fused || word == "all";
    if (word == "all") {
      continue;
    }
    if (rest == "nba") {
      group = "ALL_NBA";
      teams = 3;
      label = "All-NBA";
    } else if (rest == "def" || rest == "defense" || rest == "defensive" || rest == "defence") {
      group = "ALL_DEF";
      teams = 2;
      label = "All-Defensive";
    } else if (rest == "rookie") {
      group = "ALL_ROOKIE";
      teams = 2;
      label = "All-Rookie";
    } else if (int n = ordinal(word); n > 0) {
      which = n;
    } else {
      return {};
    }
  }
  if (group.empty() || !saw_all) {
    return {};
  }
  if (which > teams) {
    return {};
  }
  std::vector<std::string> codes;
  for (int n = 1; n <= teams; ++n) {
    if (which == 0 || which == n) {
      codes.push_back(group + "_" + std::to_string(n));
    }
  }
  if (which > 0) {
    label = awardName(codes.front());
  }
  return codes;
}

}  // namespace

Result<AwardChoice> parseAward(std::string_view text) {
  std::vector<std::string> parts = words(text);
  std::string key = joined(parts);
  for (const auto& alias : kVotedAliases) {
    if (key == joined(words(alias.words))) {
      return AwardChoice{{alias.code}, awardName(alias.code)};
    }
  }
  std::string label;
  if (auto codes = selectionCodes(parts, label); !codes.empty()) {
    return AwardChoice{std::move(codes), label};
  }
  return invalidArgument("Unknown award '" + echoUserText(text) +
                         "'. Accepted: MVP, DPOY, ROY, 6MOY, MIP, CLUTCH, ALL_NBA (or ALL_NBA_1, "
                         "_2, _3), ALL_DEFENSE (or ALL_DEF_1, _2), ALL_ROOKIE (or ALL_ROOKIE_1, "
                         "_2); words work too: \"most valuable player\", \"sixth man\", "
                         "\"all-nba first team\".");
}

std::string awardName(std::string_view code) {
  for (const auto& award : kAwards) {
    if (code == award.code) {
      return award.name;
    }
  }
  return std::string(code);
}

std::string awardNameWithShortForm(std::string_view code) {
  // Every voted award but the clutch one is known by its code.
  const bool has_short_form = isVotedAward(code) && code != "CLUTCH";
  return has_short_form ? awardName(code) + " (" + std::string(code) + ")" : awardName(code);
}

bool isVotedAward(std::string_view code) {
  return code == "MVP" || code == "DPOY" || code == "ROY" || code == "6MOY" || code == "MIP" ||
         code == "CLUTCH";
}

int awardOrder(std::string_view code) {
  for (std::size_t i = 0; i < kAwards.size(); ++i) {
    if (code == kAwards[i].code) {
      return static_cast<int>(i);
    }
  }
  return static_cast<int>(kAwards.size());
}

}  // namespace nba::tools

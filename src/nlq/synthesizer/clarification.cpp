#include "nlq/synthesizer/clarification.h"

#include <algorithm>
#include <cctype>

#include "nba/tools/markdown.h"
#include "nlq/synthesizer/focus_sentence.h"

namespace nba::nlq {
namespace {

// Position of `needle` in `haystack`, ignoring ASCII case; npos when absent.
std::size_t findNoCase(std::string_view haystack, std::string_view needle) {
  if (needle.empty() || needle.size() > haystack.size()) return std::string_view::npos;
  for (std::size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    bool same = true;
    for (std::size_t j = 0; j < needle.size() && same; ++j) {
      same = std::tolower(static_cast<unsigned char>(haystack[i + j])) ==
             std::tolower(static_cast<unsigned char>(needle[j]));
    }
    if (same) return i;
  }
  return std::string_view::npos;
}

}  // namespace

std::string bulletList(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "- " : "\n- ") + tools::escapeMarkdown(item);
  }
  return out;
}

std::string quotedList(const std::vector<std::string>& items) {
  std::vector<std::string> quoted;
  quoted.reserve(items.size());
  for (const std::string& item : items) quoted.push_back("\"" + tools::escapeMarkdown(item) + "\"");
  return joinAnd(quoted);
}

// "player stats for Stephen Curry, season 2024-25" — what the parser understood.
std::string understood(const ParsedQuery& query) {
  std::vector<std::string> facts;
  std::vector<std::string> intents;
  for (const Intent& intent : query.intents) {
    std::string name(intentName(intent.kind));
    for (char& c : name) c = c == '_' ? ' ' : c;
    intents.push_back(name);
  }
  if (!intents.empty()) facts.push_back("a question about " + joinAnd(intents));
  std::vector<std::string> names;
  for (const PlayerMention& p : query.slots.players) {
    names.push_back(p.ambiguous ? "\"" + p.text + "\" (ambiguous)" : p.display_name);
  }
  for (const TeamMention& t : query.slots.teams) {
    names.push_back(t.ambiguous ? "\"" + t.text + "\" (ambiguous)" : t.display_name);
  }
  if (!names.empty()) facts.push_back("naming " + joinAnd(names));
  if (!query.slots.stats.empty()) facts.push_back("stats " + joinAnd(query.slots.stats));
  if (query.slots.season) facts.push_back("season " + query.slots.season->last.label());
  if (facts.empty()) return "I could not tell what this question asks about.";
  return tools::escapeMarkdown("I understood " + joinAnd(facts) + ".");
}

std::string clarification(const ParsedQuery& query, const Plan& plan) {
  std::string out = "## I need a bit more to answer that\n\n" + understood(query);
  if (!plan.missing.empty()) out += "\n\nMissing:\n" + bulletList(plan.missing);
  return out;
}

// For an ambiguous name, the reader's own question with each candidate in its place
// ("LA standings" → "LA Clippers standings", "Los Angeles Lakers standings"), first; then the
// planner's examples. At most three.
std::vector<std::string> suggestionsFor(std::string_view question, const ParsedQuery& query,
                                        const Plan& plan) {
  constexpr std::size_t kMax = 3;
  std::vector<std::string> out;
  // "the weather in Boston": naming the city's team or player would still ask about the
  // weather, which no rewrite makes answerable.
  if (!query.out_of_scope.empty()) return out;
  auto add = [&out](std::string text) {
    if (out.size() < kMax && std::find(out.begin(), out.end(), text) == out.end()) {
      out.push_back(std::move(text));
    }
  };
  auto rewrite = [&](const std::string& text, const std::vector<std::string>& candidates) {
    const std::size_t at = findNoCase(question, text);
    if (at == std::string_view::npos) return;
    for (std::size_t i = 0; i < candidates.size() && i < 2; ++i) {
      add(std::string(question.substr(0, at)) + candidates[i] +
          std::string(question.substr(at + text.size())));
    }
  };
  for (const PlayerMention& p : query.slots.players) {
    if (p.ambiguous) rewrite(p.text, p.candidates);
  }
  for (const TeamMention& t : query.slots.teams) {
    if (t.ambiguous) rewrite(t.text, t.candidates);
  }
  for (const std::string& example : plan.suggestions) add(example);
  return out;
}

}  // namespace nba::nlq

#include "nba/entity/resolution_builder.h"

#include <algorithm>

#include "core/user_text.h"

namespace nba::entity {
namespace {

std::string quoted(std::string_view text) { return "'" + echoUserText(text) + "'"; }

std::string describe(const Candidate& candidate) {
  std::string text = candidate.display_name;
  if (!candidate.team.empty()) {
    text += " (" + candidate.team + ")";
  }
  return text;
}

// "A, B and C" for the candidates in [first, last).
std::string listNames(const std::vector<Candidate>& candidates, std::size_t first,
                      std::size_t last) {
  std::string text;
  for (std::size_t i = first; i < last; ++i) {
    if (i > first) {
      text += i + 1 == last ? " or " : ", ";
    }
    text += describe(candidates[i]);
  }
  return text;
}

bool isTie(const Candidate& a, const Candidate& b) {
  return a.confidence - b.confidence < kAmbiguityMargin;
}

std::size_t countTied(const std::vector<Candidate>& ranked) {
  std::size_t tied = 1;
  while (tied < ranked.size() && isTie(ranked[0], ranked[tied])) {
    ++tied;
  }
  return tied;
}

std::string ambiguityNote(std::string_view query_text, const std::vector<Candidate>& ranked) {
  const std::size_t tied = countTied(ranked);
  return quoted(query_text) + " is ambiguous: it could be " + listNames(ranked, 0, tied) +
         "; please be more specific";
}

// The others that matched the same way as the chosen one, e.g. the other Davises.
std::size_t countSameMatch(const std::vector<Candidate>& ranked) {
  return static_cast<std::size_t>(std::count_if(ranked.begin(), ranked.end(), [&](const auto& c) {
    return c.match == ranked.front().match && c.kind == ranked.front().kind;
  }));
}

// "Anthony": one player's surname (Cole Anthony) and other players' first name (Anthony
// Davis, Anthony Edwards). The surname wins, but the reader is told whom else it could be; it
// was chosen without a word (blind audit).
std::string alsoFirstNameNote(std::string_view query_text, const std::vector<Candidate>& ranked) {
  std::vector<Candidate> first_names;
  for (std::size_t i = 1; i < ranked.size() && first_names.size() < 3; ++i) {
    if (ranked[i].match == MatchKind::kFirstName && ranked[i].kind == ranked.front().kind) {
      first_names.push_back(ranked[i]);
    }
  }
  if (first_names.empty()) return {};
  return quoted(query_text) + " read as the surname of " + describe(ranked.front()) +
         "; it is also the first name of " + listNames(first_names, 0, first_names.size()) +
         ": give the full name for one of them";
}

std::string choiceNote(std::string_view query_text, const std::vector<Candidate>& ranked) {
  const Candidate& best = ranked.front();
  switch (best.match) {
    case MatchKind::kNickname:
      return quoted(query_text) + " is a nickname for " + describe(best);
    case MatchKind::kFuzzy:
      return "no exact match for " + quoted(query_text) + "; closest is " + describe(best);
    case MatchKind::kLastName:
    case MatchKind::kFirstName:
    case MatchKind::kPrefix: {
      const std::size_t same = countSameMatch(ranked);
      if (same < 2) {
        if (best.match == MatchKind::kLastName) return alsoFirstNameNote(query_text, ranked);
        return best.match == MatchKind::kPrefix
                   ? quoted(query_text) + " read as the start of " + describe(best)
                   : std::string();
      }
      std::vector<Candidate> others;
      for (std::size_t i = 1; i < ranked.size(); ++i) {
        if (ranked[i].match == best.match && ranked[i].kind == best.kind) {
          others.push_back(ranked[i]);
        }
      }
      return quoted(query_text) + " matched " + std::to_string(same) + " " +
             std::string(entityKindName(best.kind)) + "s; chose " + describe(best) +
             ", preferring active and more prominent players (others: " +
             listNames(others, 0, others.size()) + ")";
    }
    default:
      return {};
  }
}

}  // namespace

Resolution buildResolution(std::string_view query_text, std::vector<Candidate> candidates,
                           std::size_t limit, std::vector<std::string> did_you_mean) {
  Resolution resolution;
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.confidence != b.confidence) {
      return a.confidence > b.confidence;
    }
    return a.display_name < b.display_name;
  });
  if (candidates.empty()) {
    resolution.note = "no player or team matches " + quoted(query_text);
    if (!did_you_mean.empty()) {
      resolution.note += "; did you mean " + did_you_mean.front() + "?";
    }
    resolution.did_you_mean = std::move(did_you_mean);
    return resolution;
  }
  resolution.ambiguous = candidates.size() > 1 && isTie(candidates[0], candidates[1]);
  resolution.note = resolution.ambiguous ? ambiguityNote(query_text, candidates)
                                         : choiceNote(query_text, candidates);
  // Never hide one of the tied candidates behind `limit`: the caller must see the choice.
  const std::size_t keep = resolution.ambiguous ? std::max(limit, countTied(candidates)) : limit;
  if (candidates.size() > keep) {
    candidates.resize(keep);
  }
  resolution.candidates = std::move(candidates);
  return resolution;
}

}  // namespace nba::entity

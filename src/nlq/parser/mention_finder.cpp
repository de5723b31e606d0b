#include "nlq/parser/mention_finder.h"

#include <algorithm>
#include <array>
#include <type_traits>

namespace nba::nlq {
namespace {

// Surnames and first names that are ordinary words: alone and in lower case they are read
// as words ("best young players", "who will win"), capitalized as names ("Young").
constexpr std::array<std::string_view, 44> kCommonWords = {
    "young",  "love",  "brown",  "green",  "white", "black",  "holiday", "grant",  "wall",
    "hill",   "house", "king",   "rose",   "early", "smart",  "bridges", "banks",  "price",
    "hart",   "reed",  "mann",   "gay",    "ball",  "mark",   "max",     "miles",  "chance",
    "will",   "bird",  "walker", "porter", "cook",  "carter", "turner",  "hunter", "mason",
    "strong", "small", "little", "long",   "wood",  "wells",  "rich",    "day"};

constexpr double kMinFuzzyConfidence = 0.75;
constexpr double kMinPrefixConfidence = 0.7;
constexpr std::size_t kMaxCandidates = 5;

bool isCommonWord(std::string_view word) {
  return std::find(kCommonWords.begin(), kCommonWords.end(), word) != kCommonWords.end();
}

bool acceptable(const entity::Candidate& best, std::size_t longest_word) {
  switch (best.match) {
    case entity::MatchKind::kId:
    case entity::MatchKind::kExactName:
    case entity::MatchKind::kAbbreviation:
    case entity::MatchKind::kTeamName:
    case entity::MatchKind::kNickname:
    case entity::MatchKind::kCity:
    case entity::MatchKind::kLastName:
    case entity::MatchKind::kFirstName:
      return true;
    case entity::MatchKind::kPrefix:
      return longest_word >= 5 && best.confidence >= kMinPrefixConfidence;
    case entity::MatchKind::kFuzzy:
      return longest_word >= 4 && best.confidence >= kMinFuzzyConfidence;
  }
  return false;
}

template <typename Mention>
Mention mentionOf(const entity::Resolution& resolution, std::string_view text,
                  std::size_t position) {
  Mention mention;
  mention.text = std::string(text);
  mention.position = position;
  const entity::Candidate& first = resolution.candidates.front();
  mention.ambiguous = resolution.ambiguous;
  mention.confidence = first.confidence;
  if (resolution.ambiguous) {
    for (const auto& candidate : resolution.candidates) {
      if (mention.candidates.size() < kMaxCandidates) {
        mention.candidates.push_back(candidate.display_name);
      }
    }
    return mention;
  }
  mention.id = first.id;
  mention.display_name = first.display_name;
  // A choice among several names, or a near miss, is said in the answer as the tool would
  // say it (the tool gets the id, so it no longer sees the choice).
  switch (first.match) {
    case entity::MatchKind::kLastName:
    case entity::MatchKind::kFirstName:
    case entity::MatchKind::kPrefix:
    case entity::MatchKind::kFuzzy:
      mention.choice_note = resolution.note;
      break;
    default:
      break;
  }
  if constexpr (std::is_same_v<Mention, TeamMention>) {
    mention.abbr = first.team;
  } else {
    mention.team = first.team;
  }
  return mention;
}

class Search {
 public:
  Search(const entity::EntityResolver& resolver, const NameVocabulary& vocabulary,
         const TokenizedText& text, std::string_view question, TokenLabels* labels)
      : resolver_(resolver),
        vocabulary_(vocabulary),
        text_(text),
        question_(question),
        labels_(*labels) {}

  void run(std::vector<PlayerMention>* players, std::vector<TeamMention>* teams,
           std::vector<std::string>* unknown_names) {
    unknown_names_ = unknown_names;
    std::size_t i = 0;
    while (i < labels_.size()) {
      const std::size_t taken = isFreeWord(labels_[i]) ? tryAt(i, players, teams) : 0;
      i += std::max<std::size_t>(taken, 1);
    }
  }

 private:
  // Longest acceptable run of free words starting at `first`; returns its length or 0.
  std::size_t tryAt(std::size_t first, std::vector<PlayerMention>* players,
                    std::vector<TeamMention>* teams) {
    std::size_t run = 0;
    while (first + run < labels_.size() && run < MentionFinder::kMaxMentionTokens &&
           isFreeWord(labels_[first + run]) &&
           text_.tokens[first + run].shape == TokenShape::kWord &&
           (run == 0 || !text_.tokens[first + run].break_before)) {
      ++run;
    }
    for (std::size_t len = run; len > 0; --len) {
      if (worthAsking(first, len) && tryRun(first, len, run, players, teams)) {
        return consumed_;
      }
    }
    return 0;
  }

  // Words [first, first + 2) are one name the data does not have: the second word is a name
  // word too, and the pair did not resolve (tryAt asks the longer runs first).
  void unknownName(std::size_t first) {
    const Token& a = text_.tokens[first];
    const Token& b = text_.tokens[first + 1];
    unknown_names_->emplace_back(question_.substr(a.src_begin, b.src_end - a.src_begin));
    labels_[first].entity = true;
    labels_[first + 1].entity = true;
    consumed_ = 2;
  }

  bool worthOnlyAsTypo(std::size_t first, std::size_t len) const {
    for (std::size_t k = first; k < first + len; ++k) {
      if (vocabulary_.contains(text_.token(k))) return false;
    }
    return true;
  }

  bool worthAsking(std::size_t first, std::size_t len) const {
    bool known = false;
    std::size_t longest = 0;
    for (std::size_t k = first; k < first + len; ++k) {
      known = known || vocabulary_.contains(text_.token(k));
      longest = std::max(longest, text_.token(k).size());
    }
    if (!known) {
      // Maybe a typo: worth a fuzzy lookup, but only a few per question, so foreign or junk
      // text (every word unknown) stays cheap.
      return len <= 2 && longest >= 4 && typo_lookups_ < MentionFinder::kMaxTypoLookups;
    }
    if (len == 1 && !text_.tokens[first].capitalized && isCommonWord(text_.token(first))) {
      return pairedName(first) || inNamePlace(first);
    }
    return true;
  }

  // "white ppg", "bridges stats", "how many points does bridges average": right before a
  // stat, or right after the verb that opens a question about someone, a common word is a
  // name ("young players", "holiday games" and "the long run" stay words).
  bool inNamePlace(std::size_t first) const {
    static constexpr std::array<std::string_view, 6> kStatWords = {
        "stats", "statline", "numbers", "averaging", "averages", "average"};
    static constexpr std::array<std::string_view, 6> kAskingVerbs = {"does", "did", "is",
                                                                     "was",  "has", "had"};
    const std::size_t next = first + 1;
    if (next < labels_.size() &&
        (labels_[next].role == LexRole::kStat ||
         std::find(kStatWords.begin(), kStatWords.end(), text_.token(next)) != kStatWords.end())) {
      return true;
    }
    return first > 0 && std::find(kAskingVerbs.begin(), kAskingVerbs.end(),
                                  text_.token(first - 1)) != kAskingVerbs.end();
  }

  // "compare tatum to brown": right after a player and a joining word, a common word is
  // the second name, even in lower case.
  bool pairedName(std::size_t first) const {
    if (players_found_ == 0 || first == 0) return false;
    const std::string_view before = text_.token(first - 1);
    return before == "and" || before == "or" || before == "to" || before == "vs" ||
           before == "versus" || before == "with";
  }

  bool tryRun(std::size_t first, std::size_t len, std::size_t run,
              std::vector<PlayerMention>* players, std::vector<TeamMention>* teams) {
    if (calls_ >= MentionFinder::kMaxResolverCalls) {
      return false;
    }
    ++calls_;
    typo_lookups_ += worthOnlyAsTypo(first, len) ? 1 : 0;
    const std::string_view query = text_.span(first, first + len);
    auto resolution = resolver_.resolveWithoutSuggestions(query, std::nullopt, kMaxCandidates);
    if (!resolution.ok() || resolution->candidates.empty()) {
      return false;
    }
    std::size_t longest = 0;
    for (std::size_t k = first; k < first + len; ++k) {
      longest = std::max(longest, text_.token(k).size());
    }
    if (!acceptable(resolution->candidates.front(), longest)) {
      return false;
    }
    if (len == 1 && run >= 2 &&
        resolution->candidates.front().match == entity::MatchKind::kFirstName &&
        vocabulary_.contains(text_.token(first + 1))) {
      unknownName(first);
      return true;
    }
    consumed_ = len;
    const Token& a = text_.tokens[first];
    const Token& b = text_.tokens[first + len - 1];
    const std::string_view written = question_.substr(a.src_begin, b.src_end - a.src_begin);
    if (resolution->candidates.front().kind == entity::EntityKind::kTeam) {
      teams->push_back(mentionOf<TeamMention>(*resolution, written, first));
    } else {
      players->push_back(mentionOf<PlayerMention>(*resolution, written, first));
      ++players_found_;
    }
    for (std::size_t k = first; k < first + len; ++k) {
      labels_[k].entity = true;
    }
    return true;
  }

  const entity::EntityResolver& resolver_;
  const NameVocabulary& vocabulary_;
  const TokenizedText& text_;
  std::string_view question_;
  TokenLabels& labels_;
  std::vector<std::string>* unknown_names_ = nullptr;
  std::size_t consumed_ = 0;  // words the last successful tryRun took
  int calls_ = 0;
  int typo_lookups_ = 0;
  int players_found_ = 0;
};

}  // namespace

void MentionFinder::find(const TokenizedText& text, std::string_view question, TokenLabels* labels,
                         std::vector<PlayerMention>* players, std::vector<TeamMention>* teams,
                         std::vector<std::string>* unknown_names) const {
  Search(resolver_, vocabulary_, text, question, labels).run(players, teams, unknown_names);
}

}  // namespace nba::nlq

#pragma once

#include <vector>

#include "nba/entity/entity_resolver.h"
#include "nlq/parser/name_vocabulary.h"
#include "nlq/parser/parsed_query.h"
#include "nlq/parser/token_labels.h"
#include "nlq/parser/tokenizer.h"

namespace nba::nlq {

// Finds player and team mentions among the free words of a question (token_labels.h):
// runs of up to kMaxMentionTokens words, longest first, that contain a name word of
// `vocabulary` (or are short unknown words that may be typos), are sent to `resolver`;
// a confident answer becomes a mention and its words are marked `entity`. A lower-case
// common English word alone ("young", "green", "will") is not taken for a name.
// A first name alone followed by another name word that do not resolve together ("Michael
// Jordan", "Kobe Bryant": players the data does not have) is one unknown name, not a first
// name and a surname of two other players.
// At most kMaxResolverCalls calls per question, so junk input stays cheap.
// Thread-safe when `resolver` is (it is: EntityResolver is immutable).
class MentionFinder {
 public:
  static constexpr std::size_t kMaxMentionTokens = 4;
  static constexpr int kMaxResolverCalls = 16;
  // Of those, lookups of runs of words no name contains (typos, or not names at all).
  static constexpr int kMaxTypoLookups = 2;

  MentionFinder(const entity::EntityResolver& resolver, const NameVocabulary& vocabulary)
      : resolver_(resolver), vocabulary_(vocabulary) {}

  // Appends mentions to `players` and `teams` in question order, and the names no player
  // has, as written, to `unknown_names`.
  void find(const TokenizedText& text, std::string_view question, TokenLabels* labels,
            std::vector<PlayerMention>* players, std::vector<TeamMention>* teams,
            std::vector<std::string>* unknown_names) const;

 private:
  const entity::EntityResolver& resolver_;
  const NameVocabulary& vocabulary_;
};

}  // namespace nba::nlq

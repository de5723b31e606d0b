#pragma once

#include <memory>
#include <string_view>

#include "domain/player.h"
#include "domain/rows.h"
#include "domain/team.h"
#include "nba/entity/entity_resolver.h"
#include "nlq/parser/name_vocabulary.h"
#include "nlq/parser/parsed_query.h"
#include "nlq/parser/slot_hits.h"

namespace nba::nlq {

// Question text → ParsedQuery (parsed_query.h), deterministically and without I/O.
//
// Steps: tokenize (tokenizer.h) → label words from the lexicon and number patterns
// (slot_hits.h) → find player and team mentions with the entity resolver (mention_finder.h)
// → split into parts at "and" and classify each part (intent_classifier.h) → fill each part's
// slots, inheriting the question's season, season type, per-mode and date.
//
// Any input is accepted: empty, huge, binary or foreign text gives a ParsedQuery with no
// intents and `unrecognized`/`notes` saying why. Questions over kMaxQuestionBytes are not
// analysed (too_long); only the first kMaxTokens words are read.
//
// Thread safety: immutable after construction; parse() is const and may run concurrently.
class QuestionParser {
 public:
  static constexpr std::size_t kMaxQuestionBytes = 2000;
  static constexpr std::size_t kMaxTokens = 80;

  virtual ~QuestionParser() = default;

  virtual ParsedQuery parse(std::string_view question, const ParseContext& context) const = 0;
};

// A parser over `resolver` (borrowed: must outlive the parser) and `vocabulary` (owned).
std::unique_ptr<QuestionParser> newQuestionParser(const entity::EntityResolver& resolver,
                                                  NameVocabulary vocabulary);

// A parser whose vocabulary is `players` and `teams` (a source's full lists; resolver
// borrowed).
std::unique_ptr<QuestionParser> newQuestionParser(const entity::EntityResolver& resolver,
                                                  const Rows<Player>& players,
                                                  const Rows<Team>& teams);

}  // namespace nba::nlq

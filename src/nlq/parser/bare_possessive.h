#pragma once

#include "nlq/parser/name_vocabulary.h"
#include "nlq/parser/tokenizer.h"

namespace nba::nlq {

// "lebrons stats", "currys ppg", "youngs scoring average": a possessive typed without its
// apostrophe. A word that is no name and no word the parser knows, but whose singular is a
// name, loses the "s" and is marked capitalized: a possessive is a name even where the bare
// word is an ordinary one ("young"). Keeps TokenizedText's invariant (words joined by one
// space, offsets into `text`). "bucks", "points" or "wells" are known words: untouched.
void dropBarePossessives(const NameVocabulary& vocabulary, TokenizedText* text);

}  // namespace nba::nlq

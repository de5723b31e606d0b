#pragma once

#include <string_view>

namespace nba::entity {

// Folds one Unicode code point to lower-case ASCII for name matching:
//   - ASCII letters and digits → themselves, lower-cased;
//   - Latin-1 Supplement, Latin Extended-A and Latin Extended-B letters (U+00C0–U+024F)
//     → their base letter(s): "č" → "c", "ş" → "s", "ø" → "o", "ß" → "ss", "æ" → "ae";
//   - combining diacritical marks (U+0300–U+036F, as in decomposed "c\u030C") → "" and
//     `*is_mark` set, so the caller drops them without breaking the word;
//   - anything else (punctuation, spaces, symbols, emoji, other scripts) → "" with
//     `*is_mark` false: a word separator.
// The returned view points to static storage. Pure function; thread-safe.
std::string_view foldCodePoint(char32_t code_point, bool* is_mark);

}  // namespace nba::entity

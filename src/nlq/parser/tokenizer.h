#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace nba::nlq {

enum class TokenShape : std::uint8_t {
  kWord,      // letters (and digits): "curry", "3p%", "fg3m"
  kNumber,    // digits only: "5", "2024"
  kSeason,    // "2024-25" (also written "2024-2025" or "2024/25")
  kIsoDate,   // "2025-01-23"
  kSlashDate  // "3/8" or "3/8/2025" (month/day[/year])
};

// One word of a question. Offsets are byte offsets: [begin, end) in TokenizedText::text,
// [src_begin, src_end) in the original question (a possessive "'s" is not included).
struct Token {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::uint32_t src_begin = 0;
  std::uint32_t src_end = 0;
  TokenShape shape = TokenShape::kWord;
  bool capitalized = false;   // the first letter was upper-case in the question
  bool break_before = false;  // punctuation (",", ";", "?", …) separates it from the word before
  bool all_caps = false;      // two or more letters, all upper-case: "PER", "TS"
};

// A question as lower-case ASCII words joined by single spaces, so the words i..j-1 are one
// contiguous view (`span`) that can be looked up in phrase tables without copying.
struct TokenizedText {
  std::string text;
  std::vector<Token> tokens;
  bool truncated = false;  // more than max_tokens words; the rest were dropped

  std::string_view token(std::size_t i) const {
    return std::string_view(text).substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
  }
  // Words [first, last) as one view; precondition first < last <= tokens.size().
  std::string_view span(std::size_t first, std::size_t last) const {
    return std::string_view(text).substr(tokens[first].begin,
                                         tokens[last - 1].end - tokens[first].begin);
  }
};

// Splits `question` into words: accents folded and case lowered ("Jokić" → "jokic"),
// possessives dropped ("Curry's", "Celtics'"), inner apostrophes and initials joined
// ("De'Aaron" → "deaaron", "P.J." → "pj"), '%' kept on the word before it ("3P%"), hyphens
// split words ("3-pointers" → "3 pointers") except inside seasons and dates ("2024-25",
// "2025-01-23"); a short season "23-24" becomes "2023-24". Everything else — punctuation, emoji,
// control characters, other scripts, malformed UTF-8 — separates words. Reuses `out`'s storage.
// Pure; thread-compatible.
// Replaces the words whose `replacement` is not empty, keeping the invariant (words joined by
// one space, offsets into `text`); the source offsets stay those of the original words.
// Precondition: replacement.size() == text->tokens.size().
void rewriteTokens(const std::vector<std::string>& replacement, TokenizedText* text);

void tokenizeQuestion(std::string_view question, std::size_t max_tokens, TokenizedText* out);

}  // namespace nba::nlq

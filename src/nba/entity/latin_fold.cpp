#include "nba/entity/latin_fold.h"

#include <array>

namespace nba::entity {
namespace {

constexpr char32_t kFoldTableFirst = 0x00C0;
constexpr char32_t kFoldTableLast = 0x024F;

// One entry per code point from U+00C0 to U+024F. Generated from the Unicode NFKD
// decomposition (base letter kept, marks dropped), with hand-written entries for letters
// that do not decompose (ø, đ, ł, ß, æ, œ, þ, ı, ŋ, letters "with stroke/hook"). "" marks a
// non-letter (× ÷) or a letter with no sensible ASCII form (ezh, tone letters, clicks).
constexpr std::array<std::string_view, kFoldTableLast - kFoldTableFirst + 1> kFoldTable = {
    "a",  "a",  "a",  "a",  "a",  "a",  "ae", "c",
    "e",  "e",  "e",  "e",  "i",  "i",  "i",  "i",  // U+00C0
    "d",  "n",  "o",  "o",  "o",  "o",  "o",  "",
    "o",  "u",  "u",  "u",  "u",  "y",  "th", "ss",  // U+00D0
    "a",  "a",  "a",  "a",  "a",  "a",  "ae", "c",
    "e",  "e",  "e",  "e",  "i",  "i",  "i",  "i",  // U+00E0
    "d",  "n",  "o",  "o",  "o",  "o",  "o",  "",
    "o",  "u",  "u",  "u",  "u",  "y",  "th", "y",  // U+00F0
    "a",  "a",  "a",  "a",  "a",  "a",  "c",  "c",
    "c",  "c",  "c",  "c",  "c",  "c",  "d",  "d",  // U+0100
    "d",  "d",  "e",  "e",  "e",  "e",  "e",  "e",
    "e",  "e",  "e",  "e",  "g",  "g",  "g",  "g",  // U+0110
    "g",  "g",  "g",  "g",  "h",  "h",  "h",  "h",
    "i",  "i",  "i",  "i",  "i",  "i",  "i",  "i",  // U+0120
    "i",  "i",  "ij", "ij", "j",  "j",  "k",  "k",
    "k",  "l",  "l",  "l",  "l",  "l",  "l",  "l",  // U+0130
    "l",  "l",  "l",  "n",  "n",  "n",  "n",  "n",
    "n",  "n",  "n",  "n",  "o",  "o",  "o",  "o",  // U+0140
    "o",  "o",  "oe", "oe", "r",  "r",  "r",  "r",
    "r",  "r",  "s",  "s",  "s",  "s",  "s",  "s",  // U+0150
    "s",  "s",  "t",  "t",  "t",  "t",  "t",  "t",
    "u",  "u",  "u",  "u",  "u",  "u",  "u",  "u",  // U+0160
    "u",  "u",  "u",  "u",  "w",  "w",  "y",  "y",
    "y",  "z",  "z",  "z",  "z",  "z",  "z",  "s",  // U+0170
    "b",  "b",  "b",  "b",  "",   "",   "",   "c",
    "c",  "",   "d",  "d",  "d",  "",   "e",  "e",  // U+0180
    "",   "f",  "f",  "g",  "",   "hv", "",   "i",
    "k",  "k",  "l",  "",   "",   "n",  "n",  "o",  // U+0190
    "o",  "o",  "oi", "oi", "p",  "p",  "yr", "",
    "",   "",   "",   "t",  "t",  "t",  "t",  "u",  // U+01A0
    "u",  "",   "v",  "y",  "y",  "z",  "z",  "",
    "",   "",   "",   "",   "",   "",   "",   "",  // U+01B0
    "",   "",   "",   "",   "dz", "dz", "dz", "lj",
    "lj", "lj", "nj", "nj", "nj", "a",  "a",  "i",  // U+01C0
    "i",  "o",  "o",  "u",  "u",  "u",  "u",  "u",
    "u",  "u",  "u",  "u",  "u",  "e",  "a",  "a",  // U+01D0
    "a",  "a",  "ae", "ae", "g",  "g",  "g",  "g",
    "k",  "k",  "o",  "o",  "o",  "o",  "",   "",  // U+01E0
    "j",  "dz", "dz", "dz", "g",  "g",  "",   "",
    "n",  "n",  "a",  "a",  "ae", "ae", "o",  "o",  // U+01F0
    "a",  "a",  "a",  "a",  "e",  "e",  "e",  "e",
    "i",  "i",  "i",  "i",  "o",  "o",  "o",  "o",  // U+0200
    "r",  "r",  "r",  "r",  "u",  "u",  "u",  "u",
    "s",  "s",  "t",  "t",  "",   "",   "h",  "h",  // U+0210
    "n",  "d",  "ou", "ou", "z",  "z",  "a",  "a",
    "e",  "e",  "o",  "o",  "o",  "o",  "o",  "o",  // U+0220
    "o",  "o",  "y",  "y",  "l",  "n",  "t",  "",
    "db", "qp", "a",  "c",  "c",  "l",  "t",  "s",  // U+0230
    "z",  "",   "",   "b",  "u",  "",   "e",  "e",
    "j",  "j",  "q",  "q",  "r",  "r",  "y",  "y",  // U+0240
};

constexpr std::array<std::string_view, 36> kAsciiAlnum = {
    "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h",
    "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z"};

}  // namespace

std::string_view foldCodePoint(char32_t code_point, bool* is_mark) {
  *is_mark = false;
  if (code_point >= '0' && code_point <= '9') {
    return kAsciiAlnum[code_point - '0'];
  }
  if (code_point >= 'a' && code_point <= 'z') {
    return kAsciiAlnum[10 + (code_point - 'a')];
  }
  if (code_point >= 'A' && code_point <= 'Z') {
    return kAsciiAlnum[10 + (code_point - 'A')];
  }
  if (code_point >= kFoldTableFirst && code_point <= kFoldTableLast) {
    return kFoldTable[code_point - kFoldTableFirst];
  }
  if (code_point >= 0x0300 && code_point <= 0x036F) {
    *is_mark = true;
  }
  return {};
}

}  // namespace nba::entity

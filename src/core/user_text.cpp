#include "core/user_text.h"

#include <algorithm>
#include <cstdint>

namespace nba {
namespace {

constexpr std::string_view kMarkupChars = "\\`*_[]()<>|!#~&";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEllipsis = "\xE2\x80\xA6";     // U+2026

bool isBidiControl(std::uint32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
         cp == 0x200F || cp == 0x061C;
}

// Length of the UTF-8 sequence at text[i] and its code point; 0 when invalid.
std::size_t decodeOne(std::string_view text, std::size_t i, std::uint32_t* cp) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  std::size_t length = lead < 0x80           ? 1
                       : (lead >> 5) == 0x6  ? 2
                       : (lead >> 4) == 0xE  ? 3
                       : (lead >> 3) == 0x1E ? 4
                                             : 0;
  if (length == 0 || i + length > text.size()) {
    return 0;
  }
  std::uint32_t value = length == 1 ? lead : lead & (0x7F >> length);
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) {
      return 0;
    }
    value = (value << 6) | (byte(i + k) & 0x3F);
  }
  static constexpr std::uint32_t kMinimum[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kMinimum[length] || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return 0;  // overlong, out of range or a surrogate
  }
  *cp = value;
  return length;
}

bool isAsciiAlnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// An underscore between two letters or digits (game_id) never starts emphasis in
// CommonMark or GFM, so identifiers are echoed as typed.
bool isIntrawordUnderscore(std::string_view text, std::size_t at) {
  return text[at] == '_' && at > 0 && at + 1 < text.size() && isAsciiAlnum(text[at - 1]) &&
         isAsciiAlnum(text[at + 1]);
}

}  // namespace

std::string echoUserText(std::string_view text, std::size_t max_chars) {
  std::string out;
  out.reserve(text.size() < 2 * max_chars ? text.size() + 8 : 2 * max_chars);
  std::size_t chars = 0;
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    std::uint32_t cp = 0;
    std::size_t length = decodeOne(text, i, &cp);
    std::string_view piece = length ? text.substr(i, length) : kReplacement;
    i += length ? length : 1;
    if (length && isBidiControl(cp)) {
      continue;
    }
    if (length && (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == ' ')) {
      pending_space = !out.empty();  // folded; leading and trailing space dropped
      continue;
    }
    if (chars + (pending_space ? 1 : 0) >= max_chars) {
      out += kEllipsis;
      return out;
    }
    if (pending_space) {
      out += ' ';
      ++chars;
      pending_space = false;
    }
    if (length == 1 && kMarkupChars.find(piece[0]) != std::string_view::npos &&
        !isIntrawordUnderscore(text, i - 1)) {
      out += '\\';
    }
    out += piece;
    ++chars;
  }
  return out;
}

std::size_t codePointCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

}  // namespace nba

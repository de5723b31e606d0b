#pragma once

#include <cstddef>
#include <string_view>

namespace nba::entity {

// The replacement character returned for malformed UTF-8.
inline constexpr char32_t kReplacementChar = 0xFFFD;

// Decodes the code point starting at `*pos` in `text` and advances `*pos` past it.
// Precondition: *pos < text.size(). Malformed input (a stray continuation byte, a
// truncated sequence, an overlong form, a surrogate, a value above U+10FFFF) yields
// kReplacementChar and advances by one byte, so every input terminates. Pure; thread-safe.
char32_t decodeUtf8(std::string_view text, std::size_t* pos);

}  // namespace nba::entity

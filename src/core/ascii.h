#pragma once

#include <string>
#include <string_view>

namespace nba {

// ASCII-only case folding: bytes A-Z become a-z, every other byte (UTF-8 included) is kept.
std::string asciiLower(std::string_view text);

// `text` without leading and trailing ASCII whitespace (space, tab, CR, LF, FF, VT).
std::string_view trimAscii(std::string_view text);

}  // namespace nba

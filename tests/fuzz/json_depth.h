#pragma once

#include <cstddef>
#include <string_view>

namespace nba::fuzz {

// How deep `text` nests JSON arrays and objects, read from the text alone (brackets inside
// strings skipped, escapes honoured), so that a 200,000-deep line costs no recursion and
// need not even be valid JSON.
std::size_t nestingDepth(std::string_view text);

}  // namespace nba::fuzz

#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace nba {

// The longest piece of user input echoed in a message, in code points.
inline constexpr std::size_t kMaxEchoedChars = 80;

// Makes text that came from a user (a name, a date, a URI, a key) safe to echo inside
// an error or a heading that a host may render as markdown or HTML:
// - line breaks, tabs and other control characters become spaces, runs of spaces one;
// - bidirectional controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C),
//   which can make a message read backwards, are removed;
// - markdown and HTML syntax (\ ` * _ [ ] ( ) < > | ! # ~ &) is backslash-escaped (but
//   not an underscore inside a word, as in game_id, which cannot start emphasis), so
//   `![x](https://…)` cannot make a host fetch an image, `<script>` is not a tag and
//   `| a | b |` is not a table;
// - invalid UTF-8 becomes U+FFFD;
// - more than `max_chars` code points are cut, with "…" appended.
// The caller adds its own quotes ("No player matches '" + echoUserText(q) + "'"). Pure.
std::string echoUserText(std::string_view text, std::size_t max_chars = kMaxEchoedChars);

// How many code points UTF-8 text holds, as JSON Schema's maxLength counts: every byte that
// does not continue a sequence starts one (an invalid byte counts as one). Pure.
std::size_t codePointCount(std::string_view text);

}  // namespace nba

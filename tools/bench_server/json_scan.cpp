#include "json_scan.h"

#include <charconv>

namespace nba::bench {
namespace {

// Index just past the string that starts at s[i] == '"'.
std::size_t skipString(std::string_view s, std::size_t i) {
  for (++i; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return s.size();
}

// Index just past the value that starts at s[i] (object, array, string or scalar).
std::size_t skipValue(std::string_view s, std::size_t i) {
  int depth = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '"') {
      i = skipString(s, i);
      if (depth == 0) {
        return i;
      }
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) {
        return i;
      }
      if (--depth == 0) {
        return i + 1;
      }
    } else if (c == ',' && depth == 0) {
      return i;
    }
    ++i;
  }
  return i;
}

std::optional<std::int64_t> parseInteger(std::string_view s, std::size_t i) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(s.data() + i, s.data() + s.size(), value);
  if (error != std::errc() || (end < s.data() + s.size() && *end != ',' && *end != '}')) {
    return std::nullopt;
  }
  return value;
}

}  // namespace

MessageFacts scanMessage(std::string_view line) {
  MessageFacts facts;
  std::size_t i = line.find('{');
  if (i == std::string_view::npos) {
    return facts;
  }
  ++i;
  while (i < line.size() && line[i] == '"') {
    std::size_t key_end = skipString(line, i);
    std::string_view key = line.substr(i + 1, key_end - i - 2);
    std::size_t value_start = key_end + 1;  // past ':' (compact JSON)
    if (key == "id") {
      facts.id = parseInteger(line, value_start);
    } else if (key == "error") {
      facts.has_error = true;
    }
    i = skipValue(line, value_start);
    if (i < line.size() && line[i] == ',') {
      ++i;
    }
  }
  return facts;
}

}  // namespace nba::bench

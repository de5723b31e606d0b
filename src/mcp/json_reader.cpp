#include "mcp/json_reader.h"

#include <cstdint>
#include <string>
#include <utility>

namespace nba::mcp {
namespace {

using json = nlohmann::json;

// One pass over the text; every method returns false as soon as the text leaves the
// plain subset, and the whole parse is then abandoned.
class PlainParser {
 public:
  PlainParser(std::string_view text, int max_depth)
      : at_(text.data()), end_(text.data() + text.size()), depth_left_(max_depth) {}

  bool document(json& out) {
    skipSpace();
    if (!value(out)) {
      return false;
    }
    skipSpace();
    return at_ == end_;
  }

 private:
  bool value(json& out) {
    if (at_ == end_) {
      return false;
    }
    switch (*at_) {
      case '{':
        return object(out);
      case '[':
        return array(out);
      case '"': {
        std::string text;
        if (!string(text)) return false;
        out = std::move(text);
        return true;
      }
      case 't':
        return literal("true", json(true), out);
      case 'f':
        return literal("false", json(false), out);
      case 'n':
        return literal("null", json(nullptr), out);
      default:
        return number(out);
    }
  }

  bool object(json& out) {
    if (--depth_left_ < 0) return false;
    ++at_;  // '{'
    out = json::object();
    auto& members = *out.get_ptr<json::object_t*>();
    skipSpace();
    if (consume('}')) {
      ++depth_left_;
      return true;
    }
    while (true) {
      std::string key;
      if (at_ == end_ || *at_ != '"' || !string(key)) return false;
      skipSpace();
      if (!consume(':')) return false;
      skipSpace();
      json member;
      if (!value(member)) return false;
      members.insert_or_assign(std::move(key), std::move(member));  // the last one wins
      skipSpace();
      if (consume('}')) break;
      if (!consume(',')) return false;
      skipSpace();
    }
    ++depth_left_;
    return true;
  }

  bool array(json& out) {
    if (--depth_left_ < 0) return false;
    ++at_;  // '['
    out = json::array();
    auto& items = *out.get_ptr<json::array_t*>();
    skipSpace();
    if (consume(']')) {
      ++depth_left_;
      return true;
    }
    while (true) {
      items.emplace_back();
      if (!value(items.back())) return false;
      skipSpace();
      if (consume(']')) break;
      if (!consume(',')) return false;
      skipSpace();
    }
    ++depth_left_;
    return true;
  }

  // At the opening quote. Plain runs are copied whole; only the one-letter escapes are read.
  bool string(std::string& out) {
    ++at_;
    while (true) {
      const char* run = at_;
      while (at_ != end_ && isPlain(*at_)) ++at_;
      out.append(run, at_);
      if (at_ == end_) return false;
      const char c = *at_++;
      if (c == '"') return true;
      if (c != '\\' || at_ == end_) return false;  // a control byte or a byte over 0x7F
      const char unescaped = oneLetterEscape(*at_++);
      if (unescaped == '\0') return false;  // \u, or not an escape at all
      out.push_back(unescaped);
    }
  }

  static bool isPlain(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte >= 0x20 && byte < 0x80 && c != '"' && c != '\\';
  }

  static char oneLetterEscape(char letter) {
    switch (letter) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      default:
        return '\0';
    }
  }

  // Integers only, as nlohmann types them: a minus sign makes them signed (even -0).
  bool number(json& out) {
    const bool negative = consume('-');
    const char* digits = at_;
    std::uint64_t magnitude = 0;
    while (at_ != end_ && *at_ >= '0' && *at_ <= '9') {
      magnitude = magnitude * 10 + static_cast<std::uint64_t>(*at_ - '0');
      ++at_;
    }
    const auto count = at_ - digits;
    if (count == 0 || count > 18 || (count > 1 && *digits == '0')) return false;
    if (at_ != end_ && (*at_ == '.' || *at_ == 'e' || *at_ == 'E')) return false;
    if (negative) {
      out = -static_cast<json::number_integer_t>(magnitude);
    } else {
      out = static_cast<json::number_unsigned_t>(magnitude);
    }
    return true;
  }

  bool literal(std::string_view word, json value, json& out) {
    if (static_cast<std::size_t>(end_ - at_) < word.size() ||
        std::string_view(at_, word.size()) != word) {
      return false;
    }
    at_ += word.size();
    out = std::move(value);
    return true;
  }

  bool consume(char c) {
    if (at_ != end_ && *at_ == c) {
      ++at_;
      return true;
    }
    return false;
  }

  void skipSpace() {
    while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
  }

  const char* at_;
  const char* end_;
  int depth_left_;
};

}  // namespace

std::optional<json> parsePlainJson(std::string_view text, int max_depth) {
  json value;
  if (!PlainParser(text, max_depth).document(value)) {
    return std::nullopt;
  }
  return value;
}

}  // namespace nba::mcp

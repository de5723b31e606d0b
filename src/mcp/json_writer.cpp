#include "mcp/json_writer.h"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace nba::mcp {
namespace {

using nlohmann::json;

// Bytes a JSON string may hold as they are: everything but '"', '\\' and controls.
constexpr bool isPlain(unsigned char c) { return c >= 0x20 && c != '"' && c != '\\'; }

// Whether any of the 8 bytes in `word` is not plain ASCII: a control, '"', '\\' or a byte
// >= 0x80. Looking at a word at a time lets the common case (ordinary text) go at a few
// instructions per 8 bytes. Exact for "any" (the classic has-zero-byte and has-less-than
// tricks, https://graphics.stanford.edu/~seander/bithacks.html#HasLessInWord).
bool wordNeedsLook(std::uint64_t word) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  const auto has_zero_byte = [](std::uint64_t v) { return (v - kOnes) & ~v; };
  const std::uint64_t controls = (word - kOnes * 0x20) & ~word;
  return ((controls | word | has_zero_byte(word ^ (kOnes * '"')) |
           has_zero_byte(word ^ (kOnes * '\\'))) &
          kHighs) != 0;
}

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence starting at text[i] (a byte >= 0x80), or 0.
// Well-formed as RFC 3629 has it, which is what nlohmann's decoder accepts: no overlong
// forms, no surrogates, nothing above U+10FFFF.
std::size_t utf8SequenceLength(std::string_view text, std::size_t i) {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
  const std::size_t left = text.size() - i;
  const unsigned char lead = at(0);
  if (lead >= 0xC2 && lead <= 0xDF) {
    return left >= 2 && isContinuation(at(1)) ? 2 : 0;
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (left < 3 || !isContinuation(at(1)) || !isContinuation(at(2))) return 0;
    if (lead == 0xE0 && at(1) < 0xA0) return 0;  // overlong
    if (lead == 0xED && at(1) > 0x9F) return 0;  // a surrogate
    return 3;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (left < 4 || !isContinuation(at(1)) || !isContinuation(at(2)) || !isContinuation(at(3))) {
      return 0;
    }
    if (lead == 0xF0 && at(1) < 0x90) return 0;  // overlong
    if (lead == 0xF4 && at(1) > 0x8F) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

void appendEscape(std::string& out, unsigned char c) {
  switch (c) {
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default: {
      static constexpr char kHex[] = "0123456789abcdef";
      const char escaped[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out.append(escaped, sizeof escaped);
    }
  }
}

// nlohmann's own serializer, for what this file leaves to it.
void appendWithNlohmann(std::string& out, const json& value) {
  nlohmann::detail::serializer<json> serializer(nlohmann::detail::output_adapter<char>(out), ' ',
                                                json::error_handler_t::replace);
  serializer.dump(value, /*pretty_print=*/false, /*ensure_ascii=*/false, /*indent_step=*/0);
}

// False (and nothing appended) when `text` is not valid UTF-8.
bool appendString(std::string& out, std::string_view text) {
  const std::size_t mark = out.size();
  out += '"';
  std::size_t run = 0;  // start of the plain bytes not yet copied
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint64_t word;
    if (i + sizeof word <= text.size()) {
      std::memcpy(&word, text.data() + i, sizeof word);
      if (!wordNeedsLook(word)) {
        i += sizeof word;
        continue;
      }
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!isPlain(c)) {
        out.append(text.data() + run, i - run);
        appendEscape(out, c);
        run = i + 1;
      }
      ++i;
      continue;
    }
    const std::size_t length = utf8SequenceLength(text, i);
    if (length == 0) {
      out.resize(mark);
      return false;
    }
    i += length;
  }
  out.append(text.data() + run, text.size() - run);
  out += '"';
  return true;
}

template <typename Integer>
void appendInteger(std::string& out, Integer number) {
  char digits[24];
  const auto result = std::to_chars(digits, digits + sizeof digits, number);
  out.append(digits, static_cast<std::size_t>(result.ptr - digits));
}

void appendDouble(std::string& out, double number) {
  if (!std::isfinite(number)) {
    out += "null";  // what nlohmann writes for NaN and infinities
    return;
  }
  char digits[64];
  const char* end = nlohmann::detail::to_chars(digits, digits + sizeof digits, number);
  out.append(digits, static_cast<std::size_t>(end - digits));
}

// An object member's name and its colon.
void appendKey(std::string& out, const std::string& key) {
  if (!appendString(out, key)) {
    appendWithNlohmann(out, json(key));
  }
  out += ':';
}

// A member whose value is written as the given JSON text instead of its own.
struct Replacement {
  std::string_view key;
  std::string_view value_text;
};

void appendObject(std::string& out, const json::object_t& members, const Replacement* replacement);

}  // namespace

void appendJson(std::string& out, const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      out += "null";
      return;
    case json::value_t::boolean:
      out += value.get_ref<const json::boolean_t&>() ? "true" : "false";
      return;
    case json::value_t::number_integer:
      appendInteger(out, value.get_ref<const json::number_integer_t&>());
      return;
    case json::value_t::number_unsigned:
      appendInteger(out, value.get_ref<const json::number_unsigned_t&>());
      return;
    case json::value_t::number_float:
      appendDouble(out, value.get_ref<const json::number_float_t&>());
      return;
    case json::value_t::string:
      if (!appendString(out, value.get_ref<const json::string_t&>())) {
        appendWithNlohmann(out, value);  // its replacement of broken bytes, exactly
      }
      return;
    case json::value_t::array: {
      out += '[';
      bool first = true;
      for (const json& element : value.get_ref<const json::array_t&>()) {
        if (!first) out += ',';
        first = false;
        appendJson(out, element);
      }
      out += ']';
      return;
    }
    case json::value_t::object:
      appendObject(out, value.get_ref<const json::object_t&>(), nullptr);
      return;
    case json::value_t::binary:
    case json::value_t::discarded:
      appendWithNlohmann(out, value);
      return;
  }
}

namespace {

void appendObject(std::string& out, const json::object_t& members, const Replacement* replacement) {
  out += '{';
  bool first = true;
  for (const auto& [key, element] : members) {
    if (!first) out += ',';
    first = false;
    appendKey(out, key);
    if (replacement != nullptr && key == replacement->key) {
      out += replacement->value_text;
    } else {
      appendJson(out, element);
    }
  }
  out += '}';
}

}  // namespace

void appendJsonReplacing(std::string& out, const json& object, std::string_view key,
                         std::string_view value_text) {
  if (!object.is_object()) {
    appendJson(out, object);
    return;
  }
  const Replacement replacement{key, value_text};
  appendObject(out, object.get_ref<const json::object_t&>(), &replacement);
}

}  // namespace nba::mcp

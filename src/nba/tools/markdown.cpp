#include "nba/tools/markdown.h"

#include <cmath>
#include <cstdio>

namespace nba::tools {

namespace {

// \xE2 and \xD8 lead the UTF-8 of the bidirectional controls (see bidiControlLength).
constexpr std::string_view kSpecial = "\n\r\t|\\`*_<>[]\xE2\xD8";

// Bytes of a bidirectional control character (U+200E, U+200F, U+202A–U+202E,
// U+2066–U+2069, U+061C) starting at text[i], or 0. They can make text read backwards.
std::size_t bidiControlLength(std::string_view text, std::size_t i) {
  auto at = [&](std::size_t k) {
    return k < text.size() ? static_cast<unsigned char>(text[k]) : 0;
  };
  if (at(i) == 0xD8 && at(i + 1) == 0x9C) {
    return 2;
  }
  if (at(i) != 0xE2) {
    return 0;
  }
  unsigned char b1 = at(i + 1);
  unsigned char b2 = at(i + 2);
  bool bidi = (b1 == 0x80 && (b2 == 0x8E || b2 == 0x8F || (b2 >= 0xAA && b2 <= 0xAE))) ||
              (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9);
  return bidi ? 3 : 0;
}

void appendEscaped(std::string_view text, std::string* out) {
  if (text.find_first_of(kSpecial) == std::string_view::npos) {
    out->append(text);  // the common case: a number, a date, a plain name
    return;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (std::size_t skip = bidiControlLength(text, i)) {
      i += skip - 1;
      continue;
    }
    switch (c) {
      case '\n':
      case '\r':
      case '\t':
        *out += ' ';
        break;
      case '|':
      case '\\':
      case '`':
      case '*':
      case '_':
      case '<':
      case '>':
      case '[':
      case ']':
        *out += '\\';
        *out += c;
        break;
      default:
        *out += c;
    }
  }
}

}  // namespace

std::string escapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  appendEscaped(text, &out);
  return out;
}

MarkdownTable::MarkdownTable(const std::vector<std::string>& headers,
                             std::vector<bool> right_aligned)
    : columns_(headers.size()) {
  right_aligned.resize(columns_, false);
  appendRow(headers);
  head_ = std::move(body_);
  head_ += '|';
  for (bool right : right_aligned) {
    head_ += right ? "---:|" : "---|";
  }
  head_ += '\n';
  body_.clear();
}

template <typename Cells>
void MarkdownTable::appendRow(const Cells& cells) {
  body_ += '|';
  std::size_t i = 0;
  for (std::string_view cell : cells) {
    if (i++ == columns_) break;
    body_ += ' ';
    appendEscaped(cell, &body_);
    body_ += " |";
  }
  for (; i < columns_; ++i) body_ += "  |";
  body_ += '\n';
}

void MarkdownTable::addRow(std::initializer_list<std::string_view> cells) {
  appendRow(cells);
  ++row_count_;
}

void MarkdownTable::addRow(const std::vector<std::string>& cells) {
  appendRow(cells);
  ++row_count_;
}

std::string MarkdownTable::render() const { return head_ + body_; }

std::string formatFixed(double value, int decimals) {
  if (!std::isfinite(value)) {
    return "—";
  }
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  std::string text = buffer;
  return text == "-0.0" || text == "-0" || text == "-0.00" || text == "-0.000" ? text.substr(1)
                                                                               : text;
}

std::string formatFixed(const std::optional<double>& value, int decimals) {
  return value ? formatFixed(*value, decimals) : "—";
}

std::string formatPercent(const std::optional<double>& fraction, int decimals) {
  return fraction ? formatFixed(*fraction * 100.0, decimals) + "%" : "—";
}

std::string formatCount(long long value) {
  std::string digits = std::to_string(value < 0 ? -value : value);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) {
      out += ',';
    }
    out += digits[i];
  }
  return value < 0 ? "-" + out : out;
}

std::string noteLine(std::string_view note) {
  std::string text = "*Note:* " + escapeMarkdown(note);
  // Notes come from many helpers, not all of which end their sentence.
  if (!text.ends_with('.') && !text.ends_with('?') && !text.ends_with(')')) {
    text += '.';
  }
  return text;
}

std::string notesMarkdown(const std::vector<std::string>& notes) {
  std::string out;
  for (const std::string& note : notes) {
    if (!note.empty()) {
      out += noteLine(note) + "\n\n";
    }
  }
  return out;
}

}  // namespace nba::tools

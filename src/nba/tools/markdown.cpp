#include "nba/tools/markdown.h"

#include <cmath>
#include <cstdio>

namespace nba::tools {

std::string escapeMarkdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '\n':
      case '\r':
        out += ' ';
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
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

MarkdownTable::MarkdownTable(std::vector<std::string> headers, std::vector<bool> right_aligned)
    : headers_(std::move(headers)), right_aligned_(std::move(right_aligned)) {
  right_aligned_.resize(headers_.size(), false);
}

void MarkdownTable::addRow(const std::vector<std::string>& cells) {
  std::vector<std::string> row;
  row.reserve(headers_.size());
  for (std::size_t i = 0; i < headers_.size(); ++i) {
    row.push_back(i < cells.size() ? escapeMarkdown(cells[i]) : "");
  }
  rows_.push_back(std::move(row));
}

std::string MarkdownTable::render() const {
  auto line = [](const std::vector<std::string>& cells) {
    std::string out = "|";
    for (const auto& cell : cells) {
      out += " " + cell + " |";
    }
    return out + "\n";
  };
  std::vector<std::string> escaped_headers;
  escaped_headers.reserve(headers_.size());
  for (const auto& header : headers_) {
    escaped_headers.push_back(escapeMarkdown(header));
  }
  std::string out = line(escaped_headers) + "|";
  for (bool right : right_aligned_) {
    out += right ? "---:|" : "---|";
  }
  out += "\n";
  for (const auto& row : rows_) {
    out += line(row);
  }
  return out;
}

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

std::string heading(std::string_view title, std::string_view season, std::string_view as_of) {
  std::string out = "## " + escapeMarkdown(title);
  if (!season.empty()) {
    out += " — " + std::string(season);
  }
  if (!as_of.empty()) {
    out += " (as of " + std::string(as_of) + ")";
  }
  return out + "\n\n";
}

}  // namespace nba::tools

#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nba::tools {

// Escapes text for a markdown table cell or heading: pipes, backslashes, backticks,
// asterisks, underscores, angle brackets and brackets are escaped and newlines become
// spaces, so names or user input can never break the table. Pure.
std::string escapeMarkdown(std::string_view text);

// A GitHub-flavoured markdown table. Cells are escaped on the way in and each row is
// written out as it is added, so a 100-row table is one growing string, not 1,400 cells
// kept for later. Value type.
class MarkdownTable {
 public:
  // `right_aligned[i]` aligns column i right (numbers); missing entries mean left.
  explicit MarkdownTable(const std::vector<std::string>& headers,
                         std::vector<bool> right_aligned = {});
  // Missing cells are empty; cells past the last header are dropped.
  void addRow(std::initializer_list<std::string_view> cells);
  void addRow(const std::vector<std::string>& cells);
  std::size_t rowCount() const { return row_count_; }
  std::string render() const;

 private:
  template <typename Cells>
  void appendRow(const Cells& cells);

  std::size_t columns_;
  std::string head_;  // the header and alignment lines
  std::string body_;  // the rows so far
  std::size_t row_count_ = 0;
};

// Number formatting used in every answer: fixed decimals; "—" for a missing value.
std::string formatFixed(double value, int decimals);
std::string formatFixed(const std::optional<double>& value, int decimals);
// A fraction as a percentage: 0.519 → "51.9%".
std::string formatPercent(const std::optional<double>& fraction, int decimals = 1);
// Thousands separators: 2484 → "2,484".
std::string formatCount(long long value);

// One note as every answer shows it: "*Note:* {text}", escaped, ending in a full stop.
std::string noteLine(std::string_view note);
// Notes as markdown paragraphs (noteLine and a blank line each; empty notes skipped); "" for
// none. The one way tools, the server's source notes and the question answers render notes.
std::string notesMarkdown(const std::vector<std::string>& notes);

}  // namespace nba::tools

#include "nlq/parser/tokenizer.h"

#include <cctype>

#include "nba/entity/latin_fold.h"
#include "nba/entity/utf8_decode.h"

namespace nba::nlq {
namespace {

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool isAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// Two two-digit years a season apart ("23", "24"; "99", "00").
bool consecutiveYears(std::string_view first, std::string_view second) {
  const int a = (first[0] - '0') * 10 + (first[1] - '0');
  const int b = (second[0] - '0') * 10 + (second[1] - '0');
  return (a + 1) % 100 == b;
}

std::size_t digitRun(std::string_view s, std::size_t pos) {
  std::size_t n = 0;
  while (pos + n < s.size() && isDigit(s[pos + n])) {
    ++n;
  }
  return n;
}

// Builds the token list one code point at a time.
class Scanner {
 public:
  Scanner(std::string_view source, std::size_t max_tokens, TokenizedText* out)
      : source_(source), max_tokens_(max_tokens), out_(out) {}

  void run() {
    std::size_t pos = 0;
    while (pos < source_.size() && !out_->truncated) {
      const char c = source_[pos];
      if (static_cast<unsigned char>(c) < 0x80) {
        pos = ascii(pos);
      } else {
        pos = nonAscii(pos);
      }
    }
    finish(source_.size());
  }

 private:
  std::size_t ascii(std::size_t pos) {
    const char c = source_[pos];
    if (isAlnum(c)) {
      append(pos, std::string(1, static_cast<char>(std::tolower(static_cast<unsigned char>(c)))),
             std::isupper(static_cast<unsigned char>(c)) != 0);
      return pos + 1;
    }
    if (c == '\'') {
      return apostrophe(pos, 1);
    }
    if (c == '.' && inWord()) {
      return period(pos);
    }
    if (c == '%') {
      if (!inWord()) {
        start(pos, false);
      }
      out_->text += '%';
      finish(pos + 1);
      return pos + 1;
    }
    if ((c == '-' || c == '/') && inWord()) {
      const std::size_t next = compound(pos);
      if (next != pos) {
        return next;
      }
    }
    finish(pos);
    if (c != ' ' && c != '\t') {
      pending_break_ = true;
    }
    return pos + 1;
  }

  std::size_t nonAscii(std::size_t pos) {
    const std::size_t begin = pos;
    const char32_t cp = entity::decodeUtf8(source_, &pos);
    if (cp == U'\u2019') {
      return apostrophe(begin, pos - begin);
    }
    bool is_mark = false;
    const std::string_view folded = entity::foldCodePoint(cp, &is_mark);
    if (!folded.empty()) {
      append(begin, std::string(folded), cp >= U'\u00C0' && cp <= U'\u00DE');
    } else if (!is_mark) {
      finish(begin);
    }
    return pos;
  }

  // "Curry's" / "Celtics'" drop the possessive; "De'Aaron", "didn't" join.
  std::size_t apostrophe(std::size_t pos, std::size_t width) {
    const std::size_t next = pos + width;
    if (!inWord()) {
      return next;
    }
    const bool s_follows = next < source_.size() && (source_[next] == 's' || source_[next] == 'S');
    if (s_follows && (next + 1 >= source_.size() || !isAlnum(source_[next + 1]))) {
      finish(pos);
      return next + 1;
    }
    if (next < source_.size() && isAlpha(source_[next])) {
      return next;  // joined: the word goes on
    }
    finish(pos);
    return next;
  }

  // "P.J." joins initials; "32.5" keeps a decimal; otherwise a period ends the word.
  std::size_t period(std::size_t pos) {
    const std::size_t next = pos + 1;
    const bool letter_follows = next < source_.size() && isAlpha(source_[next]);
    const bool digit_follows = next < source_.size() && isDigit(source_[next]);
    const std::size_t since = out_->text.size() - word_begin_;
    if (letter_follows && (since == 1 || initials_)) {
      initials_ = true;
      return next;
    }
    if (digit_follows && all_digits_) {
      out_->text += '.';
      return next;
    }
    if (initials_) {
      finish(next);  // the final period of "P.J."
      return next;
    }
    finish(pos);
    return next;
  }

  // Seasons "2024-25", "2024-2025", "2024/25"; dates "2025-01-23", "3/8", "3/8/2025".
  std::size_t compound(std::size_t pos) {
    const std::size_t len = out_->text.size() - word_begin_;
    if (!all_digits_ || pos + 1 >= source_.size()) {
      return pos;
    }
    const std::size_t second = digitRun(source_, pos + 1);
    if (second == 0) {
      return pos;
    }
    const std::size_t after = pos + 1 + second;
    const bool third_follows =
        after + 1 < source_.size() && source_[after] == source_[pos] && isDigit(source_[after + 1]);
    if (len == 4 && source_[pos] == '-' && second == 2 && third_follows) {
      const std::size_t third = digitRun(source_, after + 1);
      out_->text.append(source_.substr(pos, after + 1 + third - pos));
      shape_ = TokenShape::kIsoDate;
      finish(after + 1 + third);
      return after + 1 + third;
    }
    if (len == 4 && (second == 2 || second == 4) && !third_follows) {
      out_->text += '-';
      out_->text.append(source_.substr(after - 2, 2));
      shape_ = TokenShape::kSeason;
      finish(after);
      return after;
    }
    if (len == 2 && source_[pos] == '-' && second == 2 && !third_follows &&
        consecutiveYears(std::string_view(out_->text).substr(word_begin_, 2),
                         source_.substr(pos + 1, 2))) {
      // "23-24": the season 2023-24, written as the seasons' labels are.
      out_->text.insert(word_begin_, "20");
      out_->text += '-';
      out_->text.append(source_.substr(pos + 1, 2));
      shape_ = TokenShape::kSeason;
      finish(after);
      return after;
    }
    if (len <= 2 && source_[pos] == '/' && second <= 2) {
      std::size_t end = after;
      if (third_follows) {
        end = after + 1 + digitRun(source_, after + 1);
      }
      out_->text.append(source_.substr(pos, end - pos));
      shape_ = TokenShape::kSlashDate;
      finish(end);
      return end;
    }
    return pos;
  }

  bool inWord() const { return in_word_; }

  void start(std::size_t src_pos, bool capitalized) {
    if (out_->tokens.size() >= max_tokens_) {
      out_->truncated = true;
      return;
    }
    if (!out_->text.empty()) {
      out_->text += ' ';
    }
    in_word_ = true;
    word_begin_ = out_->text.size();
    src_begin_ = src_pos;
    capitalized_ = capitalized;
    break_before_ = pending_break_;
    pending_break_ = false;
    all_digits_ = true;
    initials_ = false;
    letters_ = 0;
    all_upper_ = true;
    shape_ = TokenShape::kWord;
  }

  void append(std::size_t src_pos, const std::string& folded, bool upper) {
    if (!inWord()) {
      start(src_pos, upper);
      if (out_->truncated) {
        return;
      }
    }
    for (char c : folded) {
      all_digits_ = all_digits_ && isDigit(c);
      if (std::isalpha(static_cast<unsigned char>(c)) != 0) {
        ++letters_;
        all_upper_ = all_upper_ && upper;
      }
    }
    out_->text += folded;
  }

  void finish(std::size_t src_end) {
    if (!inWord()) {
      return;
    }
    in_word_ = false;
    TokenShape shape = shape_;
    if (shape == TokenShape::kWord && all_digits_) {
      shape = TokenShape::kNumber;
    }
    if (shape == TokenShape::kWord && out_->text.back() == '.') {
      out_->text.pop_back();  // "32." is not a decimal
    }
    out_->tokens.push_back(
        {static_cast<std::uint32_t>(word_begin_), static_cast<std::uint32_t>(out_->text.size()),
         static_cast<std::uint32_t>(src_begin_), static_cast<std::uint32_t>(src_end), shape,
         capitalized_, break_before_, letters_ >= 2 && all_upper_});
  }

  std::string_view source_;
  std::size_t max_tokens_;
  TokenizedText* out_;
  bool in_word_ = false;
  std::size_t word_begin_ = 0;
  std::size_t src_begin_ = 0;
  bool capitalized_ = false;
  bool break_before_ = false;
  bool pending_break_ = false;
  bool all_digits_ = true;
  bool initials_ = false;
  int letters_ = 0;
  bool all_upper_ = true;
  TokenShape shape_ = TokenShape::kWord;
};

}  // namespace

void tokenizeQuestion(std::string_view question, std::size_t max_tokens, TokenizedText* out) {
  out->text.clear();
  out->tokens.clear();
  out->truncated = false;
  out->text.reserve(question.size() + 1);
  out->tokens.reserve(32);
  Scanner(question, max_tokens, out).run();
}

void rewriteTokens(const std::vector<std::string>& replacement, TokenizedText* text) {
  std::string rebuilt;
  rebuilt.reserve(text->text.size());
  for (std::size_t i = 0; i < text->tokens.size(); ++i) {
    Token& token = text->tokens[i];
    const std::string_view word =
        replacement[i].empty() ? text->token(i) : std::string_view(replacement[i]);
    if (i > 0) rebuilt += ' ';
    const auto begin = static_cast<std::uint32_t>(rebuilt.size());
    rebuilt += word;
    token.begin = begin;
    token.end = static_cast<std::uint32_t>(rebuilt.size());
  }
  text->text = std::move(rebuilt);
}

}  // namespace nba::nlq

#include "nlq/parser/tokenizer.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace nba::nlq {
namespace {

std::vector<std::string> words(std::string_view question) {
  TokenizedText text;
  tokenizeQuestion(question, 100, &text);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.tokens.size(); ++i) out.emplace_back(text.token(i));
  return out;
}

using V = std::vector<std::string>;

TEST_CASE("tokenizer lowers case, folds accents and drops possessives") {
  CHECK(words("Show me Nikola Jokić's stats") == V{"show", "me", "nikola", "jokic", "stats"});
  CHECK(words("the Celtics' offense") == V{"the", "celtics", "offense"});
  CHECK(words("Who's the best?") == V{"who", "the", "best"});
  CHECK(words("Curry\u2019s 3P%") == V{"curry", "3p%"});
}

TEST_CASE("tokenizer joins initials and inner apostrophes") {
  CHECK(words("P.J. Washington and De'Aaron Fox") ==
        V{"pj", "washington", "and", "deaaron", "fox"});
  CHECK(words("vs. Boston") == V{"vs", "boston"});
}

TEST_CASE("tokenizer splits hyphens but keeps seasons and dates whole") {
  CHECK(words("3-pointers in 2024-25") == V{"3", "pointers", "in", "2024-25"});
  CHECK(words("the 2023-2024 season") == V{"the", "2023-24", "season"});
  CHECK(words("2024/25") == V{"2024-25"});
  CHECK(words("games on 2025-01-23") == V{"games", "on", "2025-01-23"});
  CHECK(words("scores 3/8") == V{"scores", "3/8"});
  TokenizedText text;
  tokenizeQuestion("2024-25 on 2025-01-23 and 3/8/2025", 10, &text);
  REQUIRE(text.tokens.size() == 5);
  CHECK(text.tokens[0].shape == TokenShape::kSeason);
  CHECK(text.tokens[2].shape == TokenShape::kIsoDate);
  CHECK(text.tokens[4].shape == TokenShape::kSlashDate);
}

TEST_CASE("tokenizer keeps source offsets and capitalization") {
  TokenizedText text;
  const std::string_view q = "Is LeBron's team good";
  tokenizeQuestion(q, 10, &text);
  REQUIRE(text.tokens.size() == 4);
  CHECK(q.substr(text.tokens[1].src_begin, text.tokens[1].src_end - text.tokens[1].src_begin) ==
        "LeBron");
  CHECK(text.tokens[1].capitalized);
  CHECK_FALSE(text.tokens[2].capitalized);
  CHECK(text.span(1, 3) == "lebron team");
}

TEST_CASE("tokenizer treats emoji, control characters and other scripts as separators") {
  CHECK(words("🏀Lakers\x01\tvs\nCeltics🔥") == V{"lakers", "vs", "celtics"});
  CHECK(words("湖人队 对 凯尔特人").empty());
  CHECK(words("\xff\xfe\xc3").empty());
  CHECK(words("").empty());
}

TEST_CASE("tokenizer stops at max_tokens and says so") {
  TokenizedText text;
  tokenizeQuestion("a b c d e f", 3, &text);
  CHECK(text.tokens.size() == 3);
  CHECK(text.truncated);
}

}  // namespace
}  // namespace nba::nlq

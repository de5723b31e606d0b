#include "nlq/parser/lexicon.h"

#include <doctest/doctest.h>

namespace nba::nlq {
namespace {

TEST_CASE("lexicon reads stat aliases as canonical codes") {
  const Lexicon& lexicon = Lexicon::get();
  REQUIRE(lexicon.find("three point percentage") != nullptr);
  CHECK(lexicon.find("three point percentage")->text == "FG3_PCT");
  CHECK(lexicon.find("3p%")->text == "FG3_PCT");
  CHECK(lexicon.find("three pointers")->text == "FG3M");
  CHECK(lexicon.find("points")->text == "PTS");
  CHECK(lexicon.find("rebounders")->text == "REB");
  CHECK(lexicon.find("offensive rating")->text == "OFF_RATING");
}

TEST_CASE("lexicon never reads ordinary words as stats") {
  const Lexicon& lexicon = Lexicon::get();
  CHECK(lexicon.find("to")->role == LexRole::kStop);
  CHECK(lexicon.find("per")->role == LexRole::kStop);
  CHECK(lexicon.find("games")->role == LexRole::kCue);
  CHECK(lexicon.find("score")->role == LexRole::kCue);
  CHECK(lexicon.find("lebron") == nullptr);
}

TEST_CASE("numberValue reads digits, words and ordinals") {
  CHECK(numberValue("5") == 5);
  CHECK(numberValue("ten") == 10);
  CHECK(numberValue("third") == 3);
  CHECK(numberValue("8th") == 8);
  CHECK(numberValue("2024") == 2024);
  CHECK(numberValue("12345") == -1);
  CHECK(numberValue("3p") == -1);
  CHECK(numberValue("points") == -1);
}

}  // namespace
}  // namespace nba::nlq

// Name normalization building blocks: UTF-8 decoding, Latin folding, tokenizing, suffixes,
// bounded Damerau-Levenshtein and the fuzzy key index.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "nba/entity/edit_distance.h"
#include "nba/entity/fuzzy_index.h"
#include "nba/entity/latin_fold.h"
#include "nba/entity/name_normalize.h"
#include "nba/entity/name_query.h"
#include "nba/entity/utf8_decode.h"

namespace nba::entity {
namespace {

using Tokens = std::vector<std::string>;

TEST_CASE("decodeUtf8 reads one to four byte sequences and advances past them") {
  const std::string text = "a\xC4\x8D\xE2\x80\x99\xF0\x9F\x8F\x80";  // a č ’ 🏀
  std::size_t pos = 0;
  CHECK(decodeUtf8(text, &pos) == U'a');
  CHECK(pos == 1);
  CHECK(decodeUtf8(text, &pos) == 0x010D);
  CHECK(pos == 3);
  CHECK(decodeUtf8(text, &pos) == 0x2019);
  CHECK(pos == 6);
  CHECK(decodeUtf8(text, &pos) == 0x1F3C0);
  CHECK(pos == 10);
}

TEST_CASE("decodeUtf8 turns malformed input into U+FFFD one byte at a time") {
  for (const std::string& bad : {std::string("\x80"), std::string("\xC4"), std::string("\xC0\xAF"),
                                 std::string("\xED\xA0\x80"), std::string("\xF8\x88\x80\x80"),
                                 std::string("\xE2\x28\xA1")}) {
    std::size_t pos = 0;
    CHECK(decodeUtf8(bad, &pos) == kReplacementChar);
    CHECK(pos == 1);
  }
}

TEST_CASE("foldCodePoint maps Latin letters to ASCII and flags combining marks") {
  bool is_mark = true;
  CHECK(foldCodePoint(U'Č', &is_mark) == "c");
  CHECK_FALSE(is_mark);
  CHECK(foldCodePoint(U'ş', &is_mark) == "s");
  CHECK(foldCodePoint(U'Ş', &is_mark) == "s");
  CHECK(foldCodePoint(U'ü', &is_mark) == "u");
  CHECK(foldCodePoint(U'ū', &is_mark) == "u");
  CHECK(foldCodePoint(U'ņ', &is_mark) == "n");
  CHECK(foldCodePoint(U'ģ', &is_mark) == "g");
  CHECK(foldCodePoint(U'ø', &is_mark) == "o");
  CHECK(foldCodePoint(U'Đ', &is_mark) == "d");
  CHECK(foldCodePoint(U'ł', &is_mark) == "l");
  CHECK(foldCodePoint(U'ß', &is_mark) == "ss");
  CHECK(foldCodePoint(U'Æ', &is_mark) == "ae");
  CHECK(foldCodePoint(U'ǅ', &is_mark) == "dz");
  CHECK(foldCodePoint(U'Q', &is_mark) == "q");
  CHECK(foldCodePoint(U'7', &is_mark) == "7");
  CHECK(foldCodePoint(U'×', &is_mark).empty());
  CHECK(foldCodePoint(0x030C, &is_mark).empty());
  CHECK(is_mark);
  CHECK(foldCodePoint(U'-', &is_mark).empty());
  CHECK_FALSE(is_mark);
  CHECK(foldCodePoint(0x1F3C0, &is_mark).empty());
}

TEST_CASE("tokenizeName folds accents and case of real player names") {
  CHECK(tokenizeName("Nikola Jokić") == Tokens{"nikola", "jokic"});
  CHECK(tokenizeName("Luka Dončić") == Tokens{"luka", "doncic"});
  CHECK(tokenizeName("Alperen Şengün") == Tokens{"alperen", "sengun"});
  CHECK(tokenizeName("Jonas Valančiūnas") == Tokens{"jonas", "valanciunas"});
  CHECK(tokenizeName("Kristaps Porziņģis") == Tokens{"kristaps", "porzingis"});
  CHECK(tokenizeName("Dennis Schröder") == Tokens{"dennis", "schroder"});
  CHECK(tokenizeName("Jusuf Nurkić") == Tokens{"jusuf", "nurkic"});
  CHECK(tokenizeName("Bogdan Bogdanović") == Tokens{"bogdan", "bogdanovic"});
  CHECK(tokenizeName("Nikola Vučević") == Tokens{"nikola", "vucevic"});
  CHECK(tokenizeName("Dāvis Bertāns") == Tokens{"davis", "bertans"});
  CHECK(tokenizeName("NENÊ") == Tokens{"nene"});
}

TEST_CASE("tokenizeName drops combining marks of decomposed input") {
  // "Joki" + "c" + U+0301 (combining acute), as some keyboards and macOS file names send it.
  CHECK(tokenizeName("Joki\x63\xCC\x81") == Tokens{"jokic"});
}

TEST_CASE("tokenizeName joins periods and apostrophes and splits on other punctuation") {
  CHECK(tokenizeName("P.J. Washington") == Tokens{"pj", "washington"});
  CHECK(tokenizeName("PJ Washington") == Tokens{"pj", "washington"});
  CHECK(tokenizeName("De'Aaron Fox") == Tokens{"deaaron", "fox"});
  CHECK(tokenizeName("De\xE2\x80\x99"
                     "Aaron Fox") == Tokens{"deaaron", "fox"});
  CHECK(tokenizeName("Shai Gilgeous-Alexander") == Tokens{"shai", "gilgeous", "alexander"});
  CHECK(tokenizeName("  LeBron,\tJames!! ") == Tokens{"lebron", "james"});
  CHECK(tokenizeName("\xF0\x9F\x8F\x80 KD \xF0\x9F\x94\xA5") == Tokens{"kd"});
  CHECK(tokenizeName("!!!").empty());
  CHECK(tokenizeName("").empty());
  CHECK(tokenizeName("\xFF\xFE").empty());
}

TEST_CASE("suffixes are stripped only when a name remains") {
  CHECK(normalizeName("Jimmy Butler III") == "jimmy butler");
  CHECK(normalizeName("Jaren Jackson Jr.") == "jaren jackson");
  CHECK(normalizeName("Marcus Morris Sr.") == "marcus morris");
  CHECK(normalizeName("Gary Payton II") == "gary payton");
  CHECK(normalizeName("Kevin Porter Jr") == "kevin porter");
  CHECK(normalizeName("Someone IV") == "someone");
  CHECK(normalizeName("III") == "iii");
  CHECK(isNameSuffix("jr"));
  CHECK_FALSE(isNameSuffix("v"));
}

TEST_CASE("makeNameQuery builds spaced, compact and article-free alias keys") {
  const NameQuery query = makeNameQuery("  The Greek Freak ");
  CHECK(query.text == "The Greek Freak");
  CHECK(query.spaced == "the greek freak");
  CHECK(query.compact == "thegreekfreak");
  CHECK(query.alias_spaced == "greek freak");
  CHECK(query.alias_compact == "greekfreak");
  CHECK(makeNameQuery("The").alias_spaced == "the");
  CHECK(aliasKeys("T-Wolves") == std::pair<std::string, std::string>{"t wolves", "twolves"});
}

TEST_CASE("boundedEditDistance counts insertions, deletions, substitutions and swaps") {
  CHECK(boundedEditDistance("jokic", "jokic", 2) == 0);
  CHECK(boundedEditDistance("jokc", "jokic", 2) == 1);
  CHECK(boundedEditDistance("antetokoumpo", "antetokounmpo", 2) == 1);
  CHECK(boundedEditDistance("stephan", "stephen", 2) == 1);
  CHECK(boundedEditDistance("lakres", "lakers", 2) == 1);  // one transposition
  CHECK(boundedEditDistance("ca", "abc", 3) == 3);         // OSA, not full Damerau
  CHECK(boundedEditDistance("", "abc", 5) == 3);
  CHECK(boundedEditDistance("kitten", "sitting", 5) == 3);
}

TEST_CASE("boundedEditDistance reports max + 1 once the bound is exceeded") {
  CHECK(boundedEditDistance("kitten", "sitting", 2) == 3);
  CHECK(boundedEditDistance("curry", "antetokounmpo", 3) == 4);
  CHECK(boundedEditDistance("abc", "xyz", 0) == 1);
  const std::string long_a(kMaxEditLength + 1, 'a');
  std::string long_b = long_a;
  long_b.back() = 'b';
  CHECK(boundedEditDistance(long_a, long_b, 3) == 4);
  CHECK(boundedEditDistance(long_a, long_a, 3) == 0);
}

TEST_CASE("typoBudget grows with length and never allows typos in short keys") {
  CHECK(typoBudget(3) == 0);
  CHECK(typoBudget(4) == 1);
  CHECK(typoBudget(6) == 2);
  CHECK(typoBudget(13) == 3);
}

TEST_CASE("FuzzyIndex finds near keys, including a swapped or missing first letter") {
  const FuzzyIndex index = FuzzyIndex::build(
      {{"jokic", 1}, {"jovic", 2}, {"curry", 3}, {"jokic", 4}, {"", 5}, {"embiid", 6}});
  std::vector<FuzzyIndex::Hit> hits;
  index.find("jokc", 1, &hits);
  REQUIRE(hits.size() == 1);
  CHECK(index.key(hits[0].key_index) == "jokic");
  CHECK(hits[0].distance == 1);
  CHECK(index.postings(hits[0].key_index) == std::vector<std::uint32_t>{1, 4});

  hits.clear();
  index.find("ojkic", 1, &hits);  // first two letters swapped
  REQUIRE(hits.size() == 1);
  CHECK(index.key(hits[0].key_index) == "jokic");

  hits.clear();
  index.find("mbiid", 1, &hits);  // first letter missing
  REQUIRE(hits.size() == 1);
  CHECK(index.key(hits[0].key_index) == "embiid");

  hits.clear();
  index.find("xyz", 2, &hits);
  CHECK(hits.empty());
}

}  // namespace
}  // namespace nba::entity

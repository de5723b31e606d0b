// bench_resolve: how long one entity resolution takes.
//
// Builds an EntityResolver over the test fixture (30 teams, ~130 real players) plus ~600
// synthetic but realistic players (real first names and surnames, some accented), then times
// 100k mixed queries — exact names, accent-free names, last names, nicknames, typos, team
// names/abbreviations/slang, and misses — one resolve() call each, and prints percentiles.
//
// Usage: bench_resolve [queries=100000] [seed=42]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "fixtures/entity_fixture.h"
#include "nba/entity/entity_resolver.h"
#include "nba/entity/name_normalize.h"

namespace {

using nba::entity::EntityResolver;
using nba::entity::PlayerEntry;
using nba::entity::TeamEntry;
using Clock = std::chrono::steady_clock;

constexpr std::size_t kSyntheticPlayers = 600;

constexpr std::string_view kFirstNames[] = {
    "Aaron",  "Alec",    "Andre",   "Bennedict", "Brandon",  "Caleb",  "Cam",    "Chris",
    "Collin", "Darius",  "Dalton",  "Dean",      "Derrick",  "Dorian", "Elijah", "Eric",
    "Gabe",   "Gradey",  "Isaiah",  "Ivan",      "Jabari",   "Jae",    "Jamal",  "Jarace",
    "Javon",  "Jeremy",  "Jordan",  "Josh",      "Julian",   "Kenyon", "Kris",   "Kyle",
    "Lonnie", "Malik",   "Marcus",  "Matas",     "Miles",    "Nikola", "Noah",   "Obi",
    "Onyeka", "Patrick", "Quentin", "Reggie",    "Ricky",    "Santi",  "Scotty", "Simone",
    "Tari",   "Terry",   "Toumani", "Tre",       "Vasilije", "Walker", "Xavier", "Yuki",
    "Zeke",   "Luka",    "Mateo",   "Goga"};

constexpr std::string_view kLastNames[] = {
    "Anderson",   "Bates",    "Brooks",     "Clark",   "Coleman",   "Dunn",     "Ellis",
    "Fontecchio", "Gafford",  "Grimes",     "Hayes",   "Hendricks", "Holland",  "Isaac",
    "Jerome",     "Kessler",  "Knecht",     "Lively",  "Mann",      "Marković", "Micić",
    "Müller",     "Nørgaard", "Okoro",      "Payne",   "Pritchard", "Reaves",   "Risacher",
    "Sarr",       "Šarić",    "Sheppard",   "Strus",   "Tillman",   "Topić",    "Vassell",
    "Wallace",    "Walsh",    "Yılmaz",     "Zeller",  "Đorđević",  "Bitadze",  "Castleton",
    "Dosunmu",    "Eason",    "Filipowski", "Gueye",   "Highsmith", "Jović",    "Kornet",
    "Lopez",      "Matković", "Nembhard",   "Olynyk",  "Poeltl",    "Queta",    "Rupert",
    "Salaün",     "Tshiebwe", "Umude",      "Vukčević"};

constexpr std::string_view kNicknames[] = {
    "KD",       "Steph", "Chef Curry", "Giannis", "The Greek Freak", "AD",
    "SGA",      "CP3",   "Joker",      "LeBron",  "King James",      "Bron",
    "Luka",     "Dame",  "Ant",        "Ant-Man", "Wemby",           "The Process",
    "Ice Trae", "Book",  "Spida",      "PG13",    "The Klaw",        "Dray"};

constexpr std::string_view kTeamQueries[] = {"Los Angeles Lakers",
                                             "LA Clippers",
                                             "LAL",
                                             "LAC",
                                             "Clips",
                                             "Lake Show",
                                             "BKN",
                                             "BRK",
                                             "CHO",
                                             "PHO",
                                             "Sixers",
                                             "Cavs",
                                             "Dubs",
                                             "Celts",
                                             "Nugs",
                                             "Wolves",
                                             "T-Wolves",
                                             "Blazers",
                                             "Mavs",
                                             "Grizz",
                                             "Pels",
                                             "Knicks",
                                             "OKC",
                                             "Thunder",
                                             "Boston",
                                             "Golden State",
                                             "LA",
                                             "Los Angeles",
                                             "Celtcs",
                                             "Lakres",
                                             "XYZ"};

std::vector<PlayerEntry> syntheticPlayers(std::mt19937& rng) {
  std::vector<PlayerEntry> players;
  std::uniform_real_distribution<double> prominence(0.0, 25.0);
  std::bernoulli_distribution active(0.8);
  for (std::size_t i = 0; i < kSyntheticPlayers; ++i) {
    const std::size_t first = rng() % std::size(kFirstNames);
    const std::size_t last = (i * 7 + rng()) % std::size(kLastNames);
    std::string name = std::string(kFirstNames[first]) + " " + std::string(kLastNames[last]);
    if (i % 23 == 0) {
      name += " Jr.";
    }
    players.push_back(
        {"9" + std::to_string(100000 + i), name, "SYN", active(rng), prominence(rng)});
  }
  return players;
}

// One random edit (substitute, delete, insert or swap) away from `text`, never at position 0.
std::string withTypo(std::string text, std::mt19937& rng) {
  if (text.size() < 4) {
    return text;
  }
  const std::size_t pos = 1 + rng() % (text.size() - 2);
  const char letter = static_cast<char>('a' + rng() % 26);
  switch (rng() % 4) {
    case 0:
      text[pos] = letter;
      break;
    case 1:
      text.erase(pos, 1);
      break;
    case 2:
      text.insert(pos, 1, letter);
      break;
    default:
      std::swap(text[pos], text[pos + 1]);
      break;
  }
  return text;
}

std::string lastWord(const std::string& name) {
  std::vector<std::string> tokens = nba::entity::tokenizeName(name);
  nba::entity::stripNameSuffixes(&tokens);
  return tokens.back();
}

enum Category { kExact, kAscii, kLastName, kNickname, kTypo, kTeam, kMiss, kCategoryCount };
constexpr const char* kCategoryNames[kCategoryCount] = {
    "exact name", "ascii name", "last name", "nickname", "typo", "team", "miss"};
constexpr Category kCategoryBySlot[20] = {
    kExact,    kExact, kExact, kExact, kAscii, kAscii, kLastName, kLastName, kLastName, kNickname,
    kNickname, kTypo,  kTypo,  kTypo,  kTeam,  kTeam,  kTeam,     kTeam,     kMiss,     kMiss};

struct Query {
  std::string text;
  Category category;
};

std::vector<Query> mixedQueries(const std::vector<PlayerEntry>& players, std::size_t count,
                                std::mt19937& rng) {
  std::vector<Query> queries;
  queries.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const PlayerEntry& player = players[rng() % players.size()];
    const std::size_t slot = rng() % 20;
    queries.push_back({"", kCategoryBySlot[slot]});
    std::string& text = queries.back().text;
    switch (slot) {
      case 0:
      case 1:
      case 2:
      case 3:
        text = player.full_name;  // exact, accents as published
        break;
      case 4:
      case 5:
        text = nba::entity::normalizeName(player.full_name);  // ascii, lower case
        break;
      case 6:
      case 7:
      case 8:
        text = lastWord(player.full_name);
        break;
      case 9:
      case 10:
        text = kNicknames[rng() % std::size(kNicknames)];
        break;
      case 11:
      case 12:
      case 13:
        text = withTypo(nba::entity::normalizeName(player.full_name), rng);
        break;
      case 14:
      case 15:
      case 16:
      case 17:
        text = kTeamQueries[rng() % std::size(kTeamQueries)];
        break;
      default:
        for (int c = 0; c < 8; ++c) {
          text += static_cast<char>('a' + rng() % 26);  // a miss: fuzzy + did-you-mean paths
        }
        break;
    }
  }
  return queries;
}

double percentile(const std::vector<double>& sorted, double p) {
  const auto index = static_cast<std::size_t>(p * static_cast<double>(sorted.size() - 1));
  return sorted[index];
}

void printLine(const char* label, std::vector<double> micros) {
  if (micros.empty()) {
    return;
  }
  std::sort(micros.begin(), micros.end());
  double total = 0;
  for (double m : micros) {
    total += m;
  }
  std::printf("%-12s n=%6zu  mean %6.2f  p50 %6.2f  p90 %6.2f  p99 %6.2f  max %8.2f\n", label,
              micros.size(), total / static_cast<double>(micros.size()), percentile(micros, 0.50),
              percentile(micros, 0.90), percentile(micros, 0.99), micros.back());
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t query_count = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 100000;
  const unsigned seed = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 42;
  if (query_count == 0) {
    std::fprintf(stderr, "usage: bench_resolve [queries>0] [seed]\n");
    return 2;
  }
  std::mt19937 rng(seed);
  std::vector<PlayerEntry> players = nba::testing::fixturePlayers();
  for (PlayerEntry& synthetic : syntheticPlayers(rng)) {
    players.push_back(std::move(synthetic));
  }
  const std::vector<Query> queries = mixedQueries(players, query_count, rng);

  const Clock::time_point build_start = Clock::now();
  auto resolver = nba::entity::newEntityResolver(players, nba::testing::fixtureTeams());
  const double build_ms =
      std::chrono::duration<double, std::milli>(Clock::now() - build_start).count();
  if (!resolver.ok()) {
    std::fprintf(stderr, "bench_resolve: %s\n", resolver.status().toString().c_str());
    return 1;
  }

  std::vector<double> all;
  std::vector<std::vector<double>> by_category(kCategoryCount);
  all.reserve(queries.size());
  std::size_t resolved = 0;
  std::size_t ambiguous = 0;
  for (const Query& query : queries) {
    const Clock::time_point start = Clock::now();
    auto result = (*resolver)->resolve(query.text, std::nullopt, EntityResolver::kDefaultLimit);
    const Clock::time_point end = Clock::now();
    const double micros = std::chrono::duration<double, std::micro>(end - start).count();
    all.push_back(micros);
    by_category[query.category].push_back(micros);
    if (result.ok() && !result->candidates.empty()) {
      ++resolved;
      ambiguous += result->ambiguous ? 1 : 0;
    }
  }
  std::printf("players %zu, teams %zu, index build %.2f ms\n", (*resolver)->playerCount(),
              (*resolver)->teamCount(), build_ms);
  std::printf("queries %zu (with candidates %zu, ambiguous %zu); microseconds per resolution:\n",
              queries.size(), resolved, ambiguous);
  printLine("all", all);
  const auto slow = std::count_if(all.begin(), all.end(), [](double m) { return m > 100.0; });
  std::printf("over 100 us: %td of %zu (on a busy machine these are scheduler preemptions)\n", slow,
              all.size());
  for (int c = 0; c < kCategoryCount; ++c) {
    printLine(kCategoryNames[c], by_category[c]);
  }
  return 0;
}

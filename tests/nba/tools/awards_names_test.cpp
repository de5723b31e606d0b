#include <doctest/doctest.h>

#include "nba/tools/award_names.h"

using nba::tools::parseAward;

namespace {

std::vector<std::string> codes(const char* text) {
  auto award = parseAward(text);
  return award.ok() ? award->codes : std::vector<std::string>{};
}

}  // namespace

TEST_CASE("award names: codes and common words") {
  using V = std::vector<std::string>;
  CHECK(codes("MVP") == V{"MVP"});
  CHECK(codes("most valuable player") == V{"MVP"});
  CHECK(codes("Rookie of the Year") == V{"ROY"});
  CHECK(codes("sixth man") == V{"6MOY"});
  CHECK(codes("6th Man of the Year") == V{"6MOY"});
  CHECK(codes("defensive player of the year") == V{"DPOY"});
  CHECK(codes("most improved") == V{"MIP"});
  CHECK(codes("clutch player of the year") == V{"CLUTCH"});
  CHECK(codes("all-nba") == V{"ALL_NBA_1", "ALL_NBA_2", "ALL_NBA_3"});
  CHECK(codes("ALL_NBA") == V{"ALL_NBA_1", "ALL_NBA_2", "ALL_NBA_3"});
  CHECK(codes("ALL_NBA_2") == V{"ALL_NBA_2"});
  CHECK(codes("All-NBA First Team") == V{"ALL_NBA_1"});
  CHECK(codes("first team all-nba") == V{"ALL_NBA_1"});
  CHECK(codes("all nba 3rd team") == V{"ALL_NBA_3"});
  CHECK(codes("ALL_DEFENSE") == V{"ALL_DEF_1", "ALL_DEF_2"});
  CHECK(codes("all-defensive second team") == V{"ALL_DEF_2"});
  CHECK(codes("ALL_DEF_1") == V{"ALL_DEF_1"});
  CHECK(codes("All-Rookie") == V{"ALL_ROOKIE_1", "ALL_ROOKIE_2"});
  CHECK(codes("ALL_ROOKIE_2") == V{"ALL_ROOKIE_2"});
  CHECK(parseAward("All-NBA First Team")->label == "All-NBA First Team");
  CHECK(parseAward("all-nba")->label == "All-NBA");
  CHECK(nba::tools::awardNameWithShortForm("MVP") == "Most Valuable Player (MVP)");
  CHECK(nba::tools::awardNameWithShortForm("6MOY") == "Sixth Man of the Year (6MOY)");
  CHECK(nba::tools::awardNameWithShortForm("CLUTCH") == "Clutch Player of the Year");
  CHECK(nba::tools::awardNameWithShortForm("ALL_NBA_1") == "All-NBA First Team");
}

TEST_CASE("award names: unknown or malformed awards are rejected") {
  for (const char* text : {"", "nba", "best dunker", "all-nba 4th team", "all defensive third",
                           "all", "first", "mvp mvp"}) {
    CAPTURE(text);
    CHECK_FALSE(parseAward(text).ok());
  }
  CHECK(nba::tools::awardName("6MOY") == "Sixth Man of the Year");
  CHECK(nba::tools::isVotedAward("CLUTCH"));
  CHECK_FALSE(nba::tools::isVotedAward("ALL_NBA_1"));
}

// Rows: borrowed references into a source's storage, or owned rows kept alive by the list.
#include "domain/rows.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "origin/snapshot/snapshot_source.h"
#include "support/test_call.h"

namespace nba {
namespace {

struct Row {
  std::string name;
  int value = 0;
};

TEST_CASE("borrowed rows refer to the storage, in the order borrowed") {
  const std::vector<Row> storage = {{"a", 1}, {"b", 2}, {"c", 3}};
  Rows<Row> rows;
  rows.borrow(storage[2]);
  rows.borrow(storage[0]);
  REQUIRE(rows.size() == 2);
  CHECK(&rows[0] == &storage[2]);
  CHECK(&rows.back() == &storage[0]);
  CHECK(rows.front().name == "c");
  std::vector<std::string> names;
  for (const Row& row : rows) names.push_back(row.name);
  CHECK(names == std::vector<std::string>{"c", "a"});
}

TEST_CASE("owned rows survive copies of the list and the end of the original") {
  Rows<Row> copy;
  {
    Rows<Row> owned(std::vector<Row>{{"x", 10}, {"y", 20}});
    copy = owned;
  }
  REQUIRE(copy.size() == 2);
  CHECK(copy[1].name == "y");
  CHECK(copy[1].value == 20);
}

TEST_CASE("dropIf keeps the order of the rest; copy gives values; iterators are random access") {
  Rows<Row> rows(std::vector<Row>{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}});
  rows.dropIf([](const Row& row) { return row.value % 2 == 0; });
  std::vector<Row> values = rows.copy();
  REQUIRE(values.size() == 2);
  CHECK(values[0].name == "a");
  CHECK(values[1].name == "c");
  CHECK(rows.end() - rows.begin() == 2);
  CHECK(rows.begin()[1].name == "c");
  auto it = std::find_if(rows.begin(), rows.end(), [](const Row& r) { return r.name == "c"; });
  CHECK(it->value == 3);
  rows.dropIf([](const Row&) { return true; });
  CHECK(rows.empty());
}

TEST_CASE("append keeps the other list's owned rows alive; keepFirst trims") {
  const std::vector<Row> storage = {{"borrowed", 1}};
  Rows<Row> all;
  all.borrow(storage[0]);
  {
    Rows<Row> owned(std::vector<Row>{{"owned-1", 2}, {"owned-2", 3}});
    all.append(owned);
  }
  REQUIRE(all.size() == 3);
  CHECK(all[2].name == "owned-2");
  all.keepFirst(2);
  CHECK(all.size() == 2);
  CHECK(all.back().name == "owned-1");
  all.keepFirst(10);
  CHECK(all.size() == 2);
}

TEST_CASE(
    "shared rows: a cache's vector is shared, not copied, and outlives its last other holder") {
  auto entry =
      std::make_shared<const std::vector<Row>>(std::vector<Row>{{"Jokic", 29}, {"Doncic", 28}});
  std::weak_ptr<const std::vector<Row>> watch = entry;
  Rows<Row> hit(entry);
  Rows<Row> second_hit(entry);
  REQUIRE(hit.size() == 2);
  CHECK(&hit[0] == &(*entry)[0]);  // the entry's own row: nothing was copied
  CHECK(&second_hit[1] == &hit[1]);
  entry.reset();  // the cache evicts the entry while two readers still hold it
  CHECK_FALSE(watch.expired());
  CHECK(hit[0].name == "Jokic");
  hit = Rows<Row>();
  CHECK_FALSE(watch.expired());
  CHECK(second_hit[1].value == 28);
  second_hit = Rows<Row>();
  CHECK(watch.expired());  // the last reader let go
  CHECK(Rows<Row>(std::shared_ptr<const std::vector<Row>>()).empty());
}

TEST_CASE("the snapshot lends the same rows to every call instead of copying them") {
  auto source = newEmbeddedSnapshotSource();
  REQUIRE(source.ok());
  PlayerSeasonStatsRequest request;
  request.season = Season{2024};
  request.season_lines_only = true;
  auto first = (*source)->playerSeasonStats(testing::testCall(), request);
  auto second = (*source)->playerSeasonStats(testing::testCall(), request);
  REQUIRE(first.ok());
  REQUIRE(second.ok());
  REQUIRE(first->rows.size() == second->rows.size());
  CHECK(&first->rows.front() == &second->rows.front());
  auto teams = (*source)->teams(testing::testCall());
  REQUIRE(teams.ok());
  CHECK(teams->rows.size() == 30);
  CHECK(&teams->rows[0] == &(*source)->teams(testing::testCall())->rows[0]);
}

}  // namespace
}  // namespace nba

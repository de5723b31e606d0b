#include <algorithm>

#include "name_key.h"
#include "origin/snapshot/snapshot_schema.h"
#include "row_builder.h"
#include "tables.h"

namespace nba::builder {
namespace {

using Row = std::vector<std::string>;

// "6-8" -> 80.
std::optional<long long> feetInches(const std::string& text) {
  const auto dash = text.find('-');
  if (dash == std::string::npos) {
    return std::nullopt;
  }
  auto feet = parseWhole(text.substr(0, dash));
  auto inches = parseWhole(text.substr(dash + 1));
  return feet && inches ? std::optional<long long>(*feet * 12 + *inches) : std::nullopt;
}

std::string firstNonEmpty(std::initializer_list<std::string> values) {
  for (const std::string& value : values) {
    if (!value.empty() && value != "NA") {
      return value;
    }
  }
  return "";
}

// bbref's 2025-26 (season 2026) team and position per slug: the last listed team row.
struct CurrentBbref {
  std::string team, position;
};

std::map<std::string, CurrentBbref> currentFromSeasonInfo(const BuildInputs& in,
                                                          const TeamDirectory& teams) {
  std::map<std::string, CurrentBbref> out;
  const CsvFile& info = in.season_info;
  for (const Row& row : info.rows()) {
    if (info.cell(row, "season") != "2026") {
      continue;
    }
    CurrentBbref& current = out[info.cell(row, "player_id")];
    const std::string abbr = teams.abbrFor(info.cell(row, "team"));
    if (!abbr.empty()) {
      current.team = abbr;
    }
    current.position = info.cell(row, "pos");
  }
  return out;
}

}  // namespace

Result<TsvTable> buildPlayers(const BuildInputs& in, const TeamDirectory& teams,
                              const PlayerRegistry& registry, const PlayerLinesOutput& lines) {
  std::map<std::string, const Row*> career;
  for (const Row& row : in.career_info.rows()) {
    career[in.career_info.cell(row, "player_id")] = &row;
  }
  std::map<long long, const Row*> index;
  for (const Row& row : in.player_index.rows()) {
    if (auto id = parseWhole(in.player_index.cell(row, "PERSON_ID"))) {
      index[*id] = &row;
    }
  }
  const auto current = currentFromSeasonInfo(in, teams);
  const CsvFile& ci = in.career_info;
  const CsvFile& pi = in.player_index;
  std::vector<std::pair<std::string, Row>> keyed;
  for (const PlayerIdentity* identity : registry.all()) {
    const Row* bio = career.count(identity->bbref_id) ? career.at(identity->bbref_id) : nullptr;
    const Row* nba =
        identity->nba_id && index.count(*identity->nba_id) ? index.at(*identity->nba_id) : nullptr;
    const CurrentBbref* now =
        current.count(identity->bbref_id) ? &current.at(identity->bbref_id) : nullptr;
    const PlayerLineSummary* summary = lines.by_player.count(identity->player_id)
                                           ? &lines.by_player.at(identity->player_id)
                                           : nullptr;
    auto bioCell = [&](const char* column) { return bio ? ci.cell(*bio, column) : ""; };
    auto nbaCell = [&](const char* column) { return nba ? pi.cell(*nba, column) : ""; };
    std::optional<long long> from_year, to_year;
    if (auto from = parseWhole(bioCell("from"))) {
      from_year = *from - 1;
    } else if (auto nba_from = parseWhole(nbaCell("FROM_YEAR"))) {
      from_year = nba_from;
    }
    std::optional<long long> bbref_to = parseWhole(bioCell("to"));
    if (bbref_to) {
      *bbref_to -= 1;
    }
    for (std::optional<long long> candidate :
         {bbref_to, parseWhole(nbaCell("TO_YEAR")),
          summary ? std::optional<long long>(summary->latest_season) : std::nullopt}) {
      if (candidate && (!to_year || *candidate > *to_year)) {
        to_year = candidate;
      }
    }
    const bool active =
        nba != nullptr || now != nullptr || (summary != nullptr && summary->latest_season >= 2025);
    std::optional<long long> height = parseWhole(bioCell("ht_in_in"));
    if (!height) {
      height = feetInches(nbaCell("HEIGHT"));
    }
    std::optional<long long> weight = parseWhole(bioCell("wt"));
    if (!weight) {
      weight = parseWhole(nbaCell("WEIGHT"));
    }
    RowBuilder b;
    b.set("player_id", identity->player_id);
    b.set("nba_id", identity->nba_id ? std::to_string(*identity->nba_id) : "");
    b.set("bbref_id", identity->bbref_id).set("name", identity->name);
    b.set("nba_name", identity->nba_name);
    b.set("position",
          firstNonEmpty({now ? now->position : "", summary ? summary->latest_position : "",
                         bioCell("pos"), nbaCell("POSITION")}));
    b.set("height_in", integer(height)).set("weight_lb", integer(weight));
    const std::string birth = bioCell("birth_date");
    b.set("birth_date", birth == "NA" ? "" : birth.substr(0, 10));
    b.set("from_year", integer(from_year)).set("to_year", integer(to_year));
    b.set("active", active ? "1" : "0");
    b.set("last_team", firstNonEmpty({nbaCell("TEAM_ABBREVIATION"), now ? now->team : "",
                                      summary ? summary->latest_team : ""}));
    b.set("prominence", std::to_string(summary ? summary->points : 0));
    b.set("match", identity->match);
    Result<Row> assembled = b.assemble(snapshot::kPlayersColumns);
    if (!assembled.ok()) {
      return assembled.status();
    }
    keyed.emplace_back(nameKey(identity->name) + "\t" + identity->player_id,
                       std::move(assembled).value());
  }
  std::sort(keyed.begin(), keyed.end());
  TsvTable table{toStrings(snapshot::kPlayersColumns), {}};
  for (auto& [key, row] : keyed) {
    table.rows.push_back(std::move(row));
  }
  return table;
}

}  // namespace nba::builder

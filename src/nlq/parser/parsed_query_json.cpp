#include "nlq/parser/parsed_query_json.h"

namespace nba::nlq {
namespace {

using nlohmann::json;

template <typename Mention>
json mentionJson(const Mention& m) {
  json out = {{"text", m.text}, {"confidence", m.confidence}};
  if (m.ambiguous) {
    out["ambiguous"] = true;
    out["candidates"] = m.candidates;
  } else {
    out["id"] = m.id;
    out["name"] = m.display_name;
  }
  return out;
}

}  // namespace

json toJson(const QuerySlots& s) {
  json out = json::object();
  if (!s.players.empty()) {
    out["players"] = json::array();
    for (const auto& p : s.players) out["players"].push_back(mentionJson(p));
  }
  if (!s.teams.empty()) {
    out["teams"] = json::array();
    for (const auto& t : s.teams) out["teams"].push_back(mentionJson(t));
  }
  if (!s.stats.empty()) out["stats"] = s.stats;
  if (s.season) {
    out["season"] = s.season->last.label();
    if (s.season->count > 1) out["seasons"] = s.season->count;
  }
  if (s.season_type) out["season_type"] = std::string(seasonTypeName(*s.season_type));
  if (s.per_mode) out["per_mode"] = std::string(stats::perModeName(*s.per_mode));
  if (s.limit) out["limit"] = *s.limit;
  if (s.last_n) out["last_n"] = *s.last_n;
  if (!s.conference.empty()) out["conference"] = s.conference;
  if (!s.division.empty()) out["division"] = s.division;
  if (!s.date.empty()) out["date"] = s.date;
  if (!s.date_to.empty()) out["date_to"] = s.date_to;
  if (s.upcoming) out["upcoming"] = true;
  if (s.home_away != HomeAway::kAny) {
    out["home_away"] = s.home_away == HomeAway::kHome ? "home" : "away";
  }
  if (!s.award.empty()) out["award"] = s.award;
  if (!s.position.empty()) out["position"] = s.position;
  if (s.rookies) out["rookies"] = true;
  if (s.min_games) out["min_games"] = *s.min_games;
  if (s.advanced) out["advanced"] = true;
  if (s.lowest) out["lowest"] = true;
  return out;
}

json toJson(const ParsedQuery& q) {
  json intents = json::array();
  for (const Intent& intent : q.intents) {
    json item = toJson(intent.slots);
    item["intent"] = std::string(intentName(intent.kind));
    item["confidence"] = intent.confidence;
    intents.push_back(std::move(item));
  }
  json out = {{"intents", std::move(intents)}, {"confidence", q.confidence}};
  out["slots"] = toJson(q.slots);
  if (!q.unrecognized.empty()) out["unrecognized"] = q.unrecognized;
  if (!q.notes.empty()) out["notes"] = q.notes;
  return out;
}

}  // namespace nba::nlq

#include "nba/tools/provenance.h"

namespace nba::tools {

using nlohmann::json;

json provenanceJson(const TableMeta& table, json season) {
  return {{"season", std::move(season)},
          {"as_of", table.as_of},
          {"source", table.source},
          {"coverage", coverageName(table.coverage)}};
}

json answerMeta(const TableMeta& table, const std::optional<Season>& season) {
  json meta = {{"dev.nbamcp/as_of", table.as_of},
               {"dev.nbamcp/source", table.source},
               {"dev.nbamcp/cache", cacheStateName(table.cache)}};
  meta["dev.nbamcp/season"] = season ? json(season->label()) : json(nullptr);
  if (!table.notes.empty()) {
    meta["dev.nbamcp/notes"] = table.notes;
  }
  return meta;
}

}  // namespace nba::tools

#include "nba/entity/resolution_json.h"

#include <cmath>
#include <string>

namespace nba::entity {

void to_json(nlohmann::json& out, const Candidate& candidate) {
  out = nlohmann::json{{"kind", std::string(entityKindName(candidate.kind))},
                       {"id", candidate.id},
                       {"name", candidate.display_name},
                       {"team", candidate.team},
                       {"confidence", std::round(candidate.confidence * 1000.0) / 1000.0},
                       {"match", std::string(matchKindName(candidate.match))}};
}

void to_json(nlohmann::json& out, const Resolution& resolution) {
  out = nlohmann::json{{"candidates", resolution.candidates},
                       {"ambiguous", resolution.ambiguous},
                       {"note", resolution.note},
                       {"did_you_mean", resolution.did_you_mean}};
}

}  // namespace nba::entity

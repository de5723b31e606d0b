#pragma once

#include <memory>

#include "core/status.h"
#include "nba/entity/entity_resolver.h"
#include "origin/data_source.h"

namespace nba::entity {

// Builds the resolver over every player and team a DataSource knows. Players are active
// when the source says so; prominence is the source's prominence figure (points over
// its seasons), so "Davis" prefers Anthony Davis. The lists are read under `context`.
Result<std::unique_ptr<EntityResolver>> newResolverFromData(const DataSource& data,
                                                            const CallContext& context);

}  // namespace nba::entity

#include "app/schema_catalog.h"

#include <map>
#include <mutex>

#include "core/embedded_file.h"

namespace nba {
std::vector<EmbeddedFile> embeddedSchemaFiles();
}  // namespace nba

namespace nba::app {
namespace {

using nlohmann::json;

// Parses every embedded schema once. A broken schema is a build defect, reported
// with its file name when a tool asks for it.
const std::map<std::string, Result<json>>& catalog() {
  static const auto* schemas = [] {
    auto* out = new std::map<std::string, Result<json>>();
    for (const auto& file : embeddedSchemaFiles()) {
      std::string name(file.path);
      if (name.size() > 5 && name.ends_with(".json")) {
        name.resize(name.size() - 5);
      }
      json parsed = json::parse(file.data, nullptr, false);
      if (parsed.is_discarded() || !parsed.is_object()) {
        out->emplace(name, internalError("schemas/" + std::string(file.path) +
                                         " is not a valid JSON object"));
      } else {
        parsed.erase("$schema");  // 2020-12 is MCP's default dialect; keep the wire lean
        out->emplace(name, std::move(parsed));
      }
    }
    return out;
  }();
  return *schemas;
}

}  // namespace

Result<json> embeddedSchema(const std::string& name) {
  const auto& schemas = catalog();
  auto it = schemas.find(name);
  if (it == schemas.end()) {
    return internalError("no embedded schema schemas/" + name + ".json");
  }
  return it->second;
}

}  // namespace nba::app

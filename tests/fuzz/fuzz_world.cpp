#include "fuzz/fuzz_world.h"

#include <spdlog/sinks/null_sink.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <thread>

#include "app/answer_tool.h"
#include "app/nba_resources_and_prompts.h"
#include "app/nba_tools.h"
#include "nba/entity/resolver_from_data.h"
#include "origin/snapshot/snapshot_source.h"

namespace nba::fuzz {
namespace {

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "fuzz set-up failed: %s\n", what.c_str());
  std::abort();
}

// The embedded snapshot, its resolver and the fixed clock, loaded once.
struct SharedWorld {
  std::unique_ptr<DataSource> data;
  std::unique_ptr<entity::EntityResolver> resolver;
  std::unique_ptr<FakeClock> clock;
  std::unique_ptr<CallContext> call;
  std::unique_ptr<tools::ToolEnv> env;

  SharedWorld() {
    auto loaded = newEmbeddedSnapshotSource();
    if (!loaded.ok()) {
      die(loaded.status().toString());
    }
    data = std::move(loaded).value();
    auto time = app::parseFixedTime(kFixedTime);
    if (!time.ok()) {
      die(time.status().toString());
    }
    clock = std::make_unique<FakeClock>(time.value());
    call = std::make_unique<CallContext>(*clock, Caller::kCommandLine);
    auto built = entity::newResolverFromData(*data, *call);
    if (!built.ok()) {
      die(built.status().toString());
    }
    resolver = std::move(built).value();
    env = std::make_unique<tools::ToolEnv>(tools::ToolEnv{*data, *resolver, *clock, *call});
  }
};

const tools::ToolEnv& sharedEnv() {
  static const SharedWorld world;
  return *world.env;
}

void require(const Status& status) {
  if (!status.isOk()) {
    die(status.toString());
  }
}

}  // namespace

app::ServerBundle& appServer() {
  static app::ServerBundle bundle = [] {
    app::Config config;
    config.origin = "snapshot";
    config.fixed_time = kFixedTime;
    config.workers = 2;
    auto built = app::buildServer(config);
    if (!built.ok()) {
      die(built.status().toString());
    }
    return std::move(built).value();
  }();
  return bundle;
}

FreshServer newFreshServer(const mcp::ServerOptions& options) {
  // Mirrors app::buildServer (src/app/server_builder.cpp); keep the two in step.
  const tools::ToolEnv& env = sharedEnv();
  mcp::ServerIdentity identity{"nba-mcp", "NBA Stats", "fuzz", "", "", "fuzzed"};
  FreshServer fresh;
  fresh.metrics = std::make_unique<app::ServerMetrics>();
  mcp::ServerOptions recorded = options;
  recorded.metrics = &fresh.metrics->registry();
  fresh.server = std::make_unique<mcp::McpServer>(identity, recorded);
  fresh.server->addToolMiddleware(fresh.metrics->middleware(env.clock));
  fresh.stats = std::make_shared<app::ServerStats>(*fresh.server, *fresh.metrics, nullptr,
                                                   std::chrono::steady_clock::now());
  require(app::registerNbaTools(*fresh.server, env));
  require(app::registerAnswerTool(*fresh.server, env, 1, fresh.metrics->registry()));
  require(app::registerServerStats(*fresh.server, fresh.stats));
  require(app::registerNbaResources(*fresh.server, env));
  require(app::registerNbaPrompts(*fresh.server, env));
  return fresh;
}

void quietLogging() {
  auto logger =
      std::make_shared<spdlog::logger>("fuzz", std::make_shared<spdlog::sinks::null_sink_mt>());
  logger->set_level(spdlog::level::trace);
  spdlog::set_default_logger(logger);
}

bool avoidKnownCrashes() {
  static const bool avoid = [] {
    const char* value = std::getenv("NBA_MCP_FUZZ_AVOID_KNOWN_CRASHES");
    return value != nullptr && std::string_view(value) == "1";
  }();
  return avoid;
}

bool isCancelWithoutRequestId(std::string_view line) {
  using nlohmann::json;
  const json value = json::parse(line, nullptr, /*allow_exceptions=*/false);
  auto bad = [](const json& message) {
    if (!message.is_object()) {
      return false;
    }
    auto method = message.find("method");
    auto params = message.find("params");
    return method != message.end() && *method == "notifications/cancelled" &&
           params != message.end() && params->is_object() && !params->contains("requestId");
  };
  if (value.is_array()) {
    for (const json& element : value) {
      if (bad(element)) {
        return true;
      }
    }
    return false;
  }
  return bad(value);
}

}  // namespace nba::fuzz

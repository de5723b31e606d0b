#include "golden_hit_ratio.h"

#include <atomic>
#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "app/nba_tools.h"
#include "app/server_builder.h"
#include "nba/tools/nba_tool.h"
#include "nlq/parser/slot_hits.h"
#include "nlq/question_pipeline.h"
#include "obs/metrics.h"
#include "origin/cached/caching_data_source.h"
#include "origin/forwarding_data_source.h"

namespace nba::bench {
namespace {

using nlohmann::json;

// Counts the data requests passing through it to `inner`: above the cache, those the tools
// made; below it, those the origin got (each one NBA.com would have been asked).
class CountingSource : public ForwardingDataSource {
 public:
  explicit CountingSource(const DataSource& inner) : inner_(inner) {}
  std::uint64_t requests() const { return requests_.load(); }
  // Which seasons exist is the clock's and the configuration's answer, never a request.
  Result<std::vector<SeasonCoverage>> seasons(const CallContext& context) const override {
    return inner_.seasons(context);
  }

 protected:
  Result<const DataSource*> target(const CallContext&) const override {
    requests_.fetch_add(1);
    return &inner_;
  }

 private:
  const DataSource& inner_;
  mutable std::atomic<std::uint64_t> requests_{0};
};

struct Questions {
  std::string fixed_time;
  std::vector<std::string> texts;
};

Questions readQuestions(const std::string& path) {
  std::ifstream in(path);
  const json file = json::parse(in, nullptr, false);
  Questions questions;
  if (!file.is_object() || !file.contains("cases")) return questions;
  questions.fixed_time = file.value("fixed_time", "");
  for (const json& c : file["cases"]) questions.texts.push_back(c.value("question", ""));
  return questions;
}

struct Counts {
  std::uint64_t asked = 0;   // by the tools
  std::uint64_t origin = 0;  // of the origin
};

Counts countsOf(const CountingSource& asked, const CountingSource& origin) {
  return {asked.requests(), origin.requests()};
}

void printPass(const char* label, const Counts& before, const Counts& after) {
  const std::uint64_t asked = after.asked - before.asked;
  const std::uint64_t origin = after.origin - before.origin;
  std::printf(
      "  %-12s %5llu data requests, %4llu reached the origin: hit ratio %.1f %%\n", label,
      static_cast<unsigned long long>(asked), static_cast<unsigned long long>(origin),
      asked == 0 ? 0.0 : 100.0 * static_cast<double>(asked - origin) / static_cast<double>(asked));
}

}  // namespace

bool printGoldenHitRatio(const std::string& questions_path) {
  const Questions questions = readQuestions(questions_path);
  if (questions.texts.empty()) {
    std::fprintf(stderr, "no questions in %s\n", questions_path.c_str());
    return false;
  }
  app::Config config;
  config.origin = "snapshot";
  config.fixed_time = questions.fixed_time;
  config.log_level = "off";
  auto bundle = app::buildServer(config);
  if (!bundle.ok()) {
    std::fprintf(stderr, "%s\n", bundle.status().message().c_str());
    return false;
  }
  const CountingSource origin(*bundle->known);
  const CachingDataSource cached(origin, *bundle->clock, CacheOptions{});
  const CountingSource asked(cached);
  const tools::ToolEnv env{asked, *bundle->resolver, *bundle->clock, *bundle->client_call};
  std::map<std::string, tools::NbaTool> tools;
  for (auto& tool : tools::allNbaTools()) tools.emplace(tool.name, std::move(tool));

  auto players = cached.players(*bundle->client_call);
  auto teams = cached.teams(*bundle->client_call);
  if (!players.ok() || !teams.ok()) {
    std::fprintf(stderr, "the snapshot lists no players or teams\n");
    return false;
  }
  obs::MetricsRegistry registry;
  auto pipeline = nlq::newQuestionPipeline(
      *bundle->resolver, players->rows, teams->rows,
      [&](const std::string& name, const json& arguments, const SpanPtr&) {
        const auto tool = tools.find(name);
        if (tool == tools.end()) return nlq::ToolOutcome{"no tool " + name, json::object(), true};
        return app::toolOutcomeOf(app::toToolResult(tool->second.run(arguments, env)));
      },
      1, *bundle->clock, registry);
  const auto context = nlq::parseContextAt(bundle->clock->wallNow());

  std::printf("data cache over the golden question mix (%zu questions, clock at %s), twice:\n",
              questions.texts.size(), questions.fixed_time.c_str());
  const Counts start = countsOf(asked, origin);
  for (const std::string& question : questions.texts) (void)pipeline->answer(question, context);
  const Counts first = countsOf(asked, origin);
  for (const std::string& question : questions.texts) (void)pipeline->answer(question, context);
  const Counts second = countsOf(asked, origin);
  printPass("first pass", start, first);
  printPass("second pass", first, second);
  printPass("both", start, second);
  std::printf("  (target >= 90 %% over both passes)\n");
  return true;
}

}  // namespace nba::bench

// bench_answer: the question pipeline's server-side time on the embedded snapshot, per stage
// (parse, plan, execute, synthesize: read from the pipeline's own nba_mcp_pipeline_stage_seconds
// histograms, whose sums grow by exactly one question's stage times per answer) and whole
// (answer_nba_question through McpServer::callTool, as tools/call runs it), over every question of
// golden/questions.json.
//
//   nba-bench-answer [--questions FILE (default: the repo's golden/questions.json)] [--rounds 50]
//   [--workers 2]
#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/nba_tools.h"
#include "app/server_builder.h"
#include "mcp/worker_pool.h"
#include "nlq/parser/slot_hits.h"
#include "nlq/pipeline_stage_metrics.h"
#include "nlq/question_pipeline.h"

namespace {

using nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

struct Samples {
  const char* name;
  std::vector<double> us;
};

double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[static_cast<std::size_t>(p * static_cast<double>(values.size() - 1))];
}

void print(const Samples& samples) {
  std::printf("%-22s p50 %8.1f  p90 %8.1f  p99 %8.1f  max %8.1f\n", samples.name,
              percentile(samples.us, 0.5), percentile(samples.us, 0.9),
              percentile(samples.us, 0.99), percentile(samples.us, 1.0));
}

std::vector<std::string> readQuestions(const std::string& path) {
  std::ifstream in(path);
  const json file = json::parse(in, nullptr, false);
  std::vector<std::string> questions;
  if (file.is_object() && file.contains("cases")) {
    for (const json& c : file["cases"]) {
      const std::string question = c.value("question", "");
      if (question.size() >= 5 && question.size() <= 500) questions.push_back(question);
    }
  }
  return questions;
}

// Seconds spent so far in parse, plan, execute and synthesize.
using StageSums = std::array<double, 4>;
StageSums sums(const nba::nlq::PipelineStageMetrics& m) {
  return {m.parse.sum(), m.plan.sum(), m.execute.sum(), m.synthesize.sum()};
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Server-side time of answer_nba_question per stage"};
  std::string questions_path = NBA_MCP_GOLDEN_QUESTIONS;
  int rounds = 50;
  std::size_t workers = 2;
  cli.add_option("--questions", questions_path, "Golden questions file")->capture_default_str();
  cli.add_option("--rounds", rounds, "Passes over the questions")->capture_default_str();
  cli.add_option("--workers", workers, "Threads per group of calls")->capture_default_str();
  bool by_question = false;
  cli.add_flag("--by-question", by_question, "Also print each question's median, slowest first");
  CLI11_PARSE(cli, argc, argv);

  const std::vector<std::string> questions = readQuestions(questions_path);
  if (questions.empty()) {
    std::fprintf(stderr, "no questions in %s\n", questions_path.c_str());
    return 2;
  }
  nba::app::Config config;
  config.origin = "snapshot";  // the benchmark measures the server, not NBA.com
  config.fixed_time = "2025-04-14T12:00:00Z";
  config.workers = workers;
  config.log_level = "off";
  auto bundle = nba::app::buildServer(config);
  if (!bundle.ok()) {
    std::fprintf(stderr, "%s\n", bundle.status().message().c_str());
    return 2;
  }
  nba::mcp::McpServer& server = *bundle->server;
  auto players = bundle->origin->chosen->players(*bundle->client_call);
  auto teams = bundle->origin->chosen->teams(*bundle->client_call);
  if (!players.ok() || !teams.ok()) {
    std::fprintf(stderr, "the source lists no players or teams\n");
    return 2;
  }
  // As the server runs it: a group's independent calls share idle workers of a pool (here
  // the helpers beside the answering thread); no thread is created per question.
  nba::mcp::WorkerPool helpers(
      nba::mcp::WorkerPool::Options{workers > 1 ? workers - 1 : 1, 1000, {}});
  nba::obs::MetricsRegistry registry;
  const nba::nlq::PipelineStageMetrics recorded(registry);
  auto pipeline = nba::nlq::newQuestionPipeline(
      *bundle->resolver, players->rows, teams->rows,
      [&server](const std::string& tool, const json& args, const nba::SpanPtr&) {
        return nba::app::toolOutcomeOf(server.callTool(tool, args));
      },
      static_cast<unsigned>(workers), *bundle->clock, registry,
      [&helpers](std::function<void()> task) { return helpers.tryStart(std::move(task)); });
  const auto context = nba::nlq::parseContextAt(bundle->clock->wallNow());
  // Warm up: loads the snapshot, builds the resolver and the tool's own pipeline.
  for (const std::string& question : questions) {
    (void)server.callTool("answer_nba_question", {{"question", question}});
  }
  Samples parse{"parse", {}}, plan{"plan", {}}, execute{"execute", {}},
      synthesize{"synthesize", {}}, stages{"pipeline (stages sum)", {}},
      tool{"answer_nba_question", {}};
  const std::array<Samples*, 4> stage_samples = {&parse, &plan, &execute, &synthesize};
  std::vector<std::vector<double>> per_question(questions.size());
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t q = 0; q < questions.size(); ++q) {
      const std::string& question = questions[q];
      const StageSums before = sums(recorded);
      (void)pipeline->answer(question, context);
      const StageSums after = sums(recorded);
      double total = 0;
      for (std::size_t i = 0; i < after.size(); ++i) {
        const double us = (after[i] - before[i]) * 1e6;
        stage_samples[i]->us.push_back(us);
        total += us;
      }
      stages.us.push_back(total);
      const auto start = SteadyClock::now();
      (void)server.callTool("answer_nba_question", {{"question", question}});
      tool.us.push_back(
          std::chrono::duration<double, std::micro>(SteadyClock::now() - start).count());
      per_question[q].push_back(tool.us.back());
    }
  }
  std::printf("questions=%zu rounds=%d samples=%zu workers=%zu (microseconds)\n", questions.size(),
              rounds, parse.us.size(), workers);
  for (const Samples* s : {&parse, &plan, &execute, &synthesize, &stages, &tool}) print(*s);
  if (by_question) {
    std::vector<std::pair<double, std::size_t>> medians;
    for (std::size_t q = 0; q < questions.size(); ++q) {
      medians.emplace_back(percentile(per_question[q], 0.5), q);
    }
    std::sort(medians.rbegin(), medians.rend());
    for (const auto& [median, q] : medians) {
      std::printf("%9.1f  %s\n", median, questions[q].c_str());
    }
  }
  return 0;
}

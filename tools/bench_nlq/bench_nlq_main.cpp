// bench_nlq: p50/p99 of QuestionParser::parse and Planner::plan over the question corpus on
// the embedded snapshot. `bench_nlq --show "question" ...` prints the parse and plan instead.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "fixtures/question_corpus.h"
#include "nba/entity/resolver_from_data.h"
#include "nlq/parser/parsed_query_json.h"
#include "nlq/parser/question_parser.h"
#include "nlq/planner/plan_json.h"
#include "nlq/planner/planner.h"
#include "origin/snapshot/snapshot_source.h"

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  return values[index];
}

}  // namespace

int main(int argc, char** argv) {
  auto data = nba::newEmbeddedSnapshotSource();
  if (!data.ok()) {
    std::fprintf(stderr, "%s\n", data.status().toString().c_str());
    return 1;
  }
  const std::shared_ptr<nba::Clock> clock = nba::newSystemClock();
  const nba::CallContext call(*clock, nba::Caller::kCommandLine);
  auto resolver = nba::entity::newResolverFromData(**data, call);
  if (!resolver.ok()) {
    std::fprintf(stderr, "%s\n", resolver.status().toString().c_str());
    return 1;
  }
  auto players = (*data)->players(call);
  auto teams = (*data)->teams(call);
  if (!players.ok() || !teams.ok()) {
    std::fprintf(stderr, "set-up failed\n");
    return 1;
  }
  auto parser = nba::nlq::newQuestionParser(**resolver, players->rows, teams->rows);
  auto planner = nba::nlq::newPlanner(teams->rows);
  // The snapshot's fixed "now" used by the tests: 2026-02-22 12:00 UTC.
  const auto context = nba::nlq::parseContextAt(std::chrono::system_clock::from_time_t(1771761600));
  if (argc > 1 && std::strcmp(argv[1], "--show") == 0) {
    for (int i = 2; i < argc; ++i) {
      const auto query = parser->parse(argv[i], context);
      nlohmann::json out = {{"question", argv[i]},
                            {"parse", nba::nlq::toJson(query)},
                            {"plan", nba::nlq::toJson(planner.plan(query))}};
      std::printf("%s\n", out.dump(2).c_str());
    }
    return 0;
  }
  const int rounds = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
  std::vector<double> parse_us;
  std::vector<double> plan_us;
  std::size_t calls = 0;
  const std::size_t corpus = std::size(nba::nlq::testing::kQuestionCorpus);
  std::vector<std::vector<double>> per_question(corpus);
  for (int round = 0; round < rounds; ++round) {
    for (std::size_t q = 0; q < corpus; ++q) {
      std::string_view question = nba::nlq::testing::kQuestionCorpus[q];
      const auto t0 = Clock::now();
      const auto query = parser->parse(question, context);
      const auto t1 = Clock::now();
      const auto plan = planner.plan(query);
      const auto t2 = Clock::now();
      calls += plan.calls.size();
      parse_us.push_back(std::chrono::duration<double, std::micro>(t1 - t0).count());
      per_question[q].push_back(parse_us.back());
      plan_us.push_back(std::chrono::duration<double, std::micro>(t2 - t1).count());
    }
  }
  std::printf("questions=%zu rounds=%d samples=%zu planned_calls=%zu\n",
              std::size(nba::nlq::testing::kQuestionCorpus), rounds, parse_us.size(), calls);
  std::printf("parse us: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n", percentile(parse_us, 0.5),
              percentile(parse_us, 0.9), percentile(parse_us, 0.99), percentile(parse_us, 1.0));
  std::printf("plan  us: p50 %.2f  p90 %.2f  p99 %.2f  max %.2f\n", percentile(plan_us, 0.5),
              percentile(plan_us, 0.9), percentile(plan_us, 0.99), percentile(plan_us, 1.0));
  std::vector<std::pair<double, std::size_t>> slowest;
  for (std::size_t q = 0; q < corpus; ++q) {
    slowest.emplace_back(percentile(per_question[q], 0.5), q);
  }
  std::sort(slowest.rbegin(), slowest.rend());
  std::printf("slowest parses (median us):\n");
  for (std::size_t i = 0; i < slowest.size() && i < 5; ++i) {
    std::printf("  %8.2f  %s\n", slowest[i].first,
                std::string(nba::nlq::testing::kQuestionCorpus[slowest[i].second]).c_str());
  }
  return 0;
}

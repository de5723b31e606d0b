#include "nba/tools/arguments.h"

#include "core/user_text.h"
#include "domain/season_resolver.h"
#include "nba/entity/entity_resolver.h"
#include "nba/tools/tool_answer.h"

namespace nba::tools {

using nlohmann::json;

namespace {

std::string candidateList(const entity::Resolution& resolution) {
  std::string out;
  for (const auto& candidate : resolution.candidates) {
    if (!out.empty()) {
      out += ", ";
    }
    out += candidate.display_name;
    if (!candidate.team.empty()) {
      out += " (" + candidate.team + ")";
    }
  }
  return out;
}

std::string didYouMean(const entity::Resolution& resolution) {
  if (resolution.did_you_mean.empty()) {
    return "";
  }
  std::string out = " Did you mean ";
  for (std::size_t i = 0; i < resolution.did_you_mean.size(); ++i) {
    out += (i == 0 ? "" : (i + 1 == resolution.did_you_mean.size() ? " or " : ", ")) +
           resolution.did_you_mean[i];
  }
  return out + "?";
}

// One best candidate of a resolution, or an error a person can act on.
Result<entity::Candidate> chooseCandidate(const Result<entity::Resolution>& resolution,
                                          const std::string& query, const char* what) {
  if (!resolution.ok()) {
    return resolution.status();
  }
  if (resolution->ambiguous) {
    return invalidArgument("'" + echoUserText(query) + "' could mean several " + what +
                           "s: " + candidateList(*resolution) + ". Say which one.");
  }
  const entity::Candidate* best = resolution->best();
  if (best == nullptr && entity::looksLikeId(query)) {
    return notFound(resolution->note + " resolve_entity gives the id of a name.");
  }
  if (best == nullptr) {
    return notFound("No " + std::string(what) + " matches '" + echoUserText(query) + "'." +
                    didYouMean(*resolution));
  }
  return *best;
}

}  // namespace

Result<SeasonChoice> seasonArgument(const json& arguments, const ToolEnv& env, const char* key) {
  std::string text;
  if (auto it = arguments.find(key); it != arguments.end() && !it->is_null()) {
    if (it->is_string()) {
      text = it->get<std::string>();
    } else if (it->is_number_integer()) {
      text = std::to_string(it->get<long long>());
    } else {
      // Anything else (a fraction, a huge number, an object) reads as no season word.
      return invalidArgument("\"" + std::string(key) + "\" must be a season like \"2024-25\", a " +
                             "year like 2025 (the season ending in 2025), \"this season\" or " +
                             "\"last season\"; got " + echoUserText(it->dump(), 40));
    }
  }
  auto seasons = env.data.seasons(env.call);
  if (!seasons.ok()) {
    return seasons.status();
  }
  std::vector<Season> available;
  for (const auto& coverage : seasons.value()) {
    available.push_back(coverage.season);
  }
  auto resolved = resolveSeason(text, env.clock, available);
  if (!resolved.ok()) {
    return resolved.status();
  }
  return SeasonChoice{resolved->season, resolved->note};
}

Result<ResolvedPlayer> resolvePlayerName(const std::string& query, const ToolEnv& env) {
  auto resolution = entity::resolveNameOrId(env.resolver, query, entity::EntityKind::kPlayer, 5);
  auto candidate = chooseCandidate(resolution, query, "player");
  if (!candidate.ok()) {
    return candidate.status();
  }
  auto player = env.data.player(env.call, candidate->id);
  if (!player.ok()) {
    return player.status();
  }
  return ResolvedPlayer{player.value(), resolution->note};
}

Result<ResolvedPlayer> playerArgument(const json& arguments, const ToolEnv& env, const char* key) {
  return resolvePlayerName(arguments.at(key).get<std::string>(), env);
}

Result<ResolvedTeam> resolveTeamName(const std::string& query, const ToolEnv& env) {
  auto resolution = entity::resolveNameOrId(env.resolver, query, entity::EntityKind::kTeam, 5);
  auto candidate = chooseCandidate(resolution, query, "team");
  if (!candidate.ok()) {
    return candidate.status();
  }
  auto teams = env.data.teams(env.call);
  if (!teams.ok()) {
    return teams.status();
  }
  for (const auto& team : teams->rows) {
    if (team.abbr == candidate->team) {
      return ResolvedTeam{team, resolution->note};
    }
  }
  return notFound("No team with abbreviation " + candidate->team + " in the data");
}

Result<ResolvedTeam> teamArgument(const json& arguments, const ToolEnv& env, const char* key) {
  return resolveTeamName(arguments.at(key).get<std::string>(), env);
}

stats::PerMode perModeArgument(const json& arguments) {
  if (auto mode = optionalString(arguments, "per_mode")) {
    return stats::parsePerMode(*mode).value_or(stats::PerMode::kPerGame);
  }
  return stats::PerMode::kPerGame;
}

Result<const stats::StatDef*> statArgument(const std::string& text) {
  const stats::StatDef* stat = stats::findStat(text);
  if (stat == nullptr) {
    return invalidArgument("Unknown stat '" + echoUserText(text) +
                           "'. Valid stats: " + stats::statCodeList() +
                           " (common words work too: points, rebounds, threes, 3P%).");
  }
  return stat;
}

std::vector<SeasonCoverage> seasonsForText(const ToolEnv& env) {
  auto seasons = env.data.seasons(env.call);
  return seasons.ok() ? std::move(seasons).value() : std::vector<SeasonCoverage>{};
}

bool hasValue(const json& arguments, const char* key) {
  auto it = arguments.find(key);
  return it != arguments.end() && !it->is_null();
}

std::optional<std::string> optionalString(const json& arguments, const char* key) {
  auto it = arguments.find(key);
  if (it == arguments.end() || !it->is_string()) {
    return std::nullopt;
  }
  return it->get<std::string>();
}

ToolAnswer errorAnswer(const Status& status) { return ToolAnswer::error(status.message()); }

Result<std::optional<ResolvedTeam>> teamInConference(const nlohmann::json& arguments,
                                                     const ToolEnv& env,
                                                     const std::optional<std::string>& conference) {
  auto name = optionalString(arguments, "team");
  if (!name) return std::optional<ResolvedTeam>();
  auto team = resolveTeamName(*name, env);
  if (!team.ok()) return team.status();
  if (conference && team->team.conference != *conference) {
    return invalidArgument("The " + team->team.name + " play in the " + team->team.conference +
                           ", not the " + *conference + "; leave out conference or team.");
  }
  return std::optional<ResolvedTeam>(std::move(team).value());
}

std::string conferenceOfDivision(std::string_view division) {
  const bool east = division == "Atlantic" || division == "Central" || division == "Southeast";
  return east ? "East" : "West";
}

Status checkDivisionInConference(const std::string& division, const std::string& conference) {
  const std::string its_conference = conferenceOfDivision(division);
  if (conference.empty() || conference == its_conference) return Status::ok();
  return invalidArgument("The " + division + " division is in the " + its_conference +
                         ", not the " + conference + ".");
}

}  // namespace nba::tools

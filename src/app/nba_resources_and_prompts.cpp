#include "app/nba_resources_and_prompts.h"

#include <algorithm>
#include <limits>

#include "nba/entity/name_normalize.h"
#include "nba/tools/arguments.h"

namespace nba::app {
namespace {

using nlohmann::json;

constexpr auto kStaticTtl = std::chrono::hours(24 * 7);  // team list: DESIGN §6 static tier
constexpr auto kDailyTtl = std::chrono::hours(1);        // player pages: current-season tier

// True when some word of `name` (or the whole name) starts with `typed`, both
// normalized (accents, case and punctuation folded).
bool prefixMatches(const std::string& name, const std::string& typed_key) {
  if (typed_key.empty()) {
    return true;
  }
  std::string key = entity::normalizeName(name);
  for (std::size_t start = 0; start < key.size();) {
    if (key.compare(start, typed_key.size(), typed_key) == 0) {
      return true;
    }
    std::size_t space = key.find(' ', start);
    if (space == std::string::npos) {
      break;
    }
    start = space + 1;
  }
  return false;
}

json teamJson(const Team& team) {
  return {{"team_id", team.team_id},
          {"abbreviation", team.abbr},
          {"bbref_abbreviation", team.bbref_abbr},
          {"name", team.name},
          {"city", team.city},
          {"nickname", team.nickname},
          {"conference", team.conference},
          {"division", team.division}};
}

Result<mcp::ResourceContentsList> readTeams(const tools::ToolEnv& env) {
  auto teams = env.data.teams(env.call);
  if (!teams.ok()) {
    return teams.status();
  }
  json list = json::array();
  for (const auto& team : teams->rows) {
    list.push_back(teamJson(team));
  }
  json body = {{"as_of", teams->meta.as_of}, {"source", teams->meta.source}, {"teams", list}};
  mcp::ResourceContents contents{"nba://teams", "application/json", body.dump(2)};
  contents.ttl = teams->meta.fresh_for;
  return mcp::ResourceContentsList{std::move(contents)};
}

json seasonLineJson(const PlayerSeasonLine& line) {
  return {{"season", line.season.label()},
          {"team", line.lastTeam()},
          {"teams", line.teams},
          {"gp", line.gp},
          {"min_pg", line.min_pg},
          {"pts_pg", line.pts_pg},
          {"reb_pg", line.reb_pg},
          {"ast_pg", line.ast_pg},
          {"pts", line.pts},
          {"fg_pct", line.fg_pct ? json(*line.fg_pct) : json()},
          {"fg3_pct", line.fg3_pct ? json(*line.fg3_pct) : json()},
          {"ft_pct", line.ft_pct ? json(*line.ft_pct) : json()}};
}

Result<mcp::ResourceContentsList> readPlayer(const tools::ToolEnv& env, const std::string& id) {
  auto player = env.data.player(env.call, id);
  if (!player.ok()) {
    return notFound("no player with id '" + id +
                    "' (ids are NBA.com person ids such as 2544, "
                    "or bbref:<slug>; resolve_entity finds them by name)");
  }
  auto career = env.data.playerCareer(env.call, id);
  json seasons = json::array();
  std::string as_of;
  if (career.ok()) {
    as_of = career->meta.as_of;
    for (const auto& line : career->rows) {
      if (line.stint == 0) {
        seasons.push_back(seasonLineJson(line));
      }
    }
  }
  const Player& p = player.value();
  json body = {{"player_id", p.player_id},
               {"name", p.name},
               {"position", p.position},
               {"height_in", p.height_in ? json(*p.height_in) : json()},
               {"weight_lb", p.weight_lb ? json(*p.weight_lb) : json()},
               {"birth_date", p.birth_date},
               {"team", p.last_team},
               {"active", p.active},
               {"as_of", as_of},
               {"seasons", seasons}};
  mcp::ResourceContents contents{"nba://players/" + id, "application/json", body.dump(2)};
  if (career.ok()) contents.ttl = career->meta.fresh_for;
  return mcp::ResourceContentsList{std::move(contents)};
}

Result<mcp::RenderedPrompt> scoutingReport(const tools::ToolEnv& env,
                                           const mcp::PromptArguments& args) {
  auto player = tools::resolvePlayerName(args.at("player"), env);
  if (!player.ok()) {
    return player.status();
  }
  const std::string& name = player->player.name;
  std::string text =
      "Write a scouting report on " + name + " (player id " + player->player.player_id + ", " +
      (player->player.last_team.empty() ? "no current team" : player->player.last_team) +
      "). Use the nba-mcp tools: get_player_stats for this season and last season "
      "(per_mode PerGame, then Per36), get_player_career for the trend, and "
      "get_league_leaders for where he ranks in his best categories. Cover scoring and "
      "shooting efficiency (TS%, 3P%), playmaking, rebounding, defense (STL, BLK), "
      "availability (games played), strengths, weaknesses and a one-line verdict. Quote the "
      "numbers with their season and the data's as-of date.";
  return mcp::RenderedPrompt{"Scouting report on " + name, {{"user", text}}};
}

Result<mcp::RenderedPrompt> matchupPreview(const tools::ToolEnv& env,
                                           const mcp::PromptArguments& args) {
  auto a = tools::resolveTeamName(args.at("team_a"), env);
  if (!a.ok()) {
    return a.status();
  }
  auto b = tools::resolveTeamName(args.at("team_b"), env);
  if (!b.ok()) {
    return b.status();
  }
  if (a->team.abbr == b->team.abbr) {
    return invalidArgument("a matchup needs two different teams");
  }
  std::string text =
      "Preview a game between the " + a->team.name + " (" + a->team.abbr + ") and the " +
      b->team.name + " (" + b->team.abbr +
      "). Use the nba-mcp tools: get_team_standings "
      "for both records, compare_teams with measure Advanced (offensive, defensive and net "
      "rating, pace, four factors), get_head_to_head for this season's meetings, and "
      "get_league_leaders with team filters for each side's leading scorers. End with the "
      "key matchup and which side the numbers favour, naming the season and the as-of date.";
  return mcp::RenderedPrompt{"Matchup preview: " + a->team.abbr + " vs " + b->team.abbr,
                             {{"user", text}}};
}

}  // namespace

std::vector<std::string> completePlayerNames(const tools::ToolEnv& env, const std::string& typed,
                                             std::size_t limit) {
  auto players = env.data.players(env.call);
  if (!players.ok()) {
    return {};
  }
  std::string typed_key = entity::normalizeName(typed);
  std::vector<const Player*> matches;
  for (const auto& player : players->rows) {
    if (prefixMatches(player.name, typed_key) || player.player_id.rfind(typed, 0) == 0) {
      matches.push_back(&player);
    }
  }
  std::stable_sort(matches.begin(), matches.end(), [](const Player* x, const Player* y) {
    return std::tie(x->active, x->prominence) > std::tie(y->active, y->prominence);
  });
  std::vector<std::string> names;
  for (std::size_t i = 0; i < matches.size() && names.size() < limit; ++i) {
    names.push_back(matches[i]->name);
  }
  return names;
}

std::vector<std::string> completeTeamNames(const tools::ToolEnv& env, const std::string& typed,
                                           std::size_t limit) {
  auto teams = env.data.teams(env.call);
  if (!teams.ok()) {
    return {};
  }
  std::string typed_key = entity::normalizeName(typed);
  std::vector<std::string> names;
  for (const auto& team : teams->rows) {
    if (names.size() < limit &&
        (prefixMatches(team.name, typed_key) || prefixMatches(team.abbr, typed_key))) {
      names.push_back(team.name);
    }
  }
  return names;
}

std::vector<std::string> completePlayerIds(const tools::ToolEnv& env, const std::string& typed,
                                           std::size_t limit) {
  auto players = env.data.players(env.call);
  if (!players.ok()) {
    return {};
  }
  std::string typed_key = entity::normalizeName(typed);
  std::vector<std::string> ids;
  for (const auto& player : players->rows) {
    if (ids.size() < limit &&
        (player.player_id.rfind(typed, 0) == 0 || prefixMatches(player.name, typed_key))) {
      ids.push_back(player.player_id);
    }
  }
  return ids;
}

// A completer hands the server every match: it sends the first 100 and says how many there
// are (`total`, `hasMore`), so a client knows to narrow "J" down.
constexpr std::size_t kEveryMatch = std::numeric_limits<std::size_t>::max();

Status registerNbaResources(mcp::McpServer& server, const tools::ToolEnv& env) {
  mcp::ResourceDefinition teams;
  teams.uri = "nba://teams";
  teams.name = "teams";
  teams.title = "NBA teams";
  teams.description =
      "The 30 NBA teams: NBA.com team id, both abbreviation schemes, name, "
      "city, nickname, conference and division, as JSON.";
  teams.mime_type = "application/json";
  teams.ttl = kStaticTtl;
  teams.read = [&env] { return readTeams(env); };
  if (Status status = server.addResource(std::move(teams)); !status.isOk()) {
    return status;
  }
  mcp::ResourceTemplateDefinition player;
  player.uri_template = "nba://players/{id}";
  player.name = "player";
  player.title = "NBA player";
  player.description =
      "One player by id (NBA.com person id such as 2544, or bbref:<slug>): "
      "bio and season-by-season averages, as JSON.";
  player.mime_type = "application/json";
  player.ttl = kDailyTtl;
  player.read = [&env](const std::map<std::string, std::string>& vars) {
    return readPlayer(env, vars.at("id"));
  };
  if (Status status = server.addResourceTemplate(std::move(player)); !status.isOk()) {
    return status;
  }
  server.addCompleter("ref/resource", "nba://players/{id}", "id",
                      [&env](const mcp::CompletionRequest& request) {
                        return completePlayerIds(env, request.value, kEveryMatch);
                      });
  return Status::ok();
}

Status registerNbaPrompts(mcp::McpServer& server, const tools::ToolEnv& env) {
  mcp::PromptDefinition scouting;
  scouting.name = "scouting_report";
  scouting.title = "Scouting report";
  scouting.description =
      "A scouting report on one player, built from his current and past "
      "season stats and league ranks.";
  scouting.arguments = {{"player", "Player", "A player's name, e.g. \"Jokic\" or \"SGA\"", true}};
  scouting.render = [&env](const mcp::PromptArguments& args) { return scoutingReport(env, args); };
  if (Status status = server.addPrompt(std::move(scouting)); !status.isOk()) {
    return status;
  }
  mcp::PromptDefinition preview;
  preview.name = "matchup_preview";
  preview.title = "Matchup preview";
  preview.description =
      "A preview of a game between two teams: records, ratings, "
      "head-to-head and leading scorers.";
  preview.arguments = {{"team_a", "Team A", "A team name, e.g. \"Celtics\"", true},
                       {"team_b", "Team B", "Another team, e.g. \"Knicks\"", true}};
  preview.render = [&env](const mcp::PromptArguments& args) { return matchupPreview(env, args); };
  if (Status status = server.addPrompt(std::move(preview)); !status.isOk()) {
    return status;
  }
  auto players = [&env](const mcp::CompletionRequest& r) {
    return completePlayerNames(env, r.value, kEveryMatch);
  };
  auto teams = [&env](const mcp::CompletionRequest& r) {
    return completeTeamNames(env, r.value, kEveryMatch);
  };
  server.addCompleter("ref/prompt", "scouting_report", "player", players);
  server.addCompleter("ref/prompt", "matchup_preview", "team_a", teams);
  server.addCompleter("ref/prompt", "matchup_preview", "team_b", teams);
  return Status::ok();
}

}  // namespace nba::app

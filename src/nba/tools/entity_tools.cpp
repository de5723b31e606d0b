#include "nba/entity/entity_resolver.h"
#include "nba/entity/resolution_json.h"
#include "nba/tools/arguments.h"
#include "nba/tools/markdown.h"
#include "nba/tools/nba_tool.h"
#include "nba/tools/provenance.h"
#include "nba/tools/typed_tool.h"

namespace nba::tools {
namespace {

using nlohmann::json;

AnswerSections resolutionText(const std::string& query, const entity::Resolution& resolution) {
  AnswerSections text;
  text.heading.title = "Who is \"" + query + "\"?";
  std::string& sentence = text.sentence;
  if (resolution.candidates.empty()) {
    sentence = "Nothing matches \"" + escapeMarkdown(query) + "\".";
    if (!resolution.note.empty()) sentence += " " + escapeMarkdown(resolution.note);
    if (!resolution.did_you_mean.empty()) {
      sentence += " Did you mean: ";
      for (std::size_t i = 0; i < resolution.did_you_mean.size(); ++i) {
        sentence += (i ? ", " : "") + escapeMarkdown(resolution.did_you_mean[i]);
      }
      sentence += "?";
    }
    return text;
  }
  if (resolution.ambiguous) {
    sentence = "\"" + escapeMarkdown(query) + "\" is ambiguous; say which one you mean.";
  } else {
    sentence =
        "Best match: **" + escapeMarkdown(resolution.candidates.front().display_name) + "**.";
  }
  if (!resolution.note.empty()) {
    sentence += " " + escapeMarkdown(resolution.note);
  }
  MarkdownTable table({"#", "Kind", "Name", "Team", "Id", "Confidence", "Matched by"},
                      {true, false, false, false, false, true, false});
  int rank = 1;
  for (const auto& candidate : resolution.candidates) {
    table.addRow({std::to_string(rank++), std::string(entity::entityKindName(candidate.kind)),
                  candidate.display_name, candidate.team, candidate.id,
                  formatFixed(candidate.confidence, 2),
                  std::string(entity::matchKindName(candidate.match))});
  }
  text.body = table.render();
  return text;
}

struct ResolveEntityArgs {
  std::string query;
  std::optional<entity::EntityKind> kind;  // players and teams when absent
  std::size_t limit = 5;
};

Result<ResolveEntityArgs> decodeResolveEntityArgs(const json& arguments, const ToolEnv& /*env*/) {
  ResolveEntityArgs args;
  args.query = arguments.at("query").get<std::string>();
  if (auto text = optionalString(arguments, "kind")) {
    auto parsed = entity::parseEntityKind(*text);
    if (!parsed.ok()) {
      return parsed.status();
    }
    args.kind = parsed.value();
  }
  args.limit = arguments.value("limit", std::size_t{5});
  return args;
}

struct ResolveEntityFound {
  entity::Resolution resolution;
  TableMeta index_meta;  // the player index's: a name is matched against it (teams change less)
};

Result<ResolveEntityFound> findEntities(const ResolveEntityArgs& args, const ToolEnv& env) {
  auto resolution = entity::resolveNameOrId(env.resolver, args.query, args.kind, args.limit);
  if (!resolution.ok()) {
    return resolution.status();
  }
  auto players = env.data.players(env.call);
  if (!players.ok()) {
    return players.status();
  }
  return ResolveEntityFound{std::move(*resolution), players->meta};
}

ToolAnswer renderEntities(const ResolveEntityArgs& args, const ResolveEntityFound& found) {
  ToolAnswer answer;
  answer.text = resolutionText(args.query, found.resolution);
  answer.structured = provenanceJson(found.index_meta, nullptr);
  answer.structured.update(found.resolution);
  answer.structured["query"] = args.query;
  answer.meta = answerMeta(found.index_meta, std::nullopt);
  return answer;
}

}  // namespace

std::vector<NbaTool> entityTools() {
  return {{"resolve_entity", "Resolve a player or team name",
           "Finds the NBA players or teams a name refers to, ranked with ids and confidence. "
           "Handles accents (Jokic = Jokić), suffixes (Jr., III), nicknames (KD, Steph, SGA, "
           "Greek Freak, Joker), last names alone, typos, team cities, nicknames, both "
           "abbreviation schemes (BKN/BRK, PHX/PHO) and slang (Sixers, Dubs, Cavs). 'LA' "
           "alone is reported as ambiguous. Use it when another tool says a name is unknown "
           "or ambiguous.",
           false,
           TypedHandler<ResolveEntityArgs, ResolveEntityFound>{decodeResolveEntityArgs,
                                                               findEntities, renderEntities}}};
}

}  // namespace nba::tools

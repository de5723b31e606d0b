#include "nlq/parser/question_parser.h"

#include <algorithm>

#include "core/user_text.h"
#include "nlq/parser/bare_possessive.h"
#include "nlq/parser/intent_classifier.h"
#include "nlq/parser/mention_finder.h"
#include "nlq/parser/tokenizer.h"
#include "nlq/parser/typo_correction.h"

namespace nba::nlq {
namespace {

// Question-wide facts a part inherits when it does not state its own.
void inherit(const QuerySlots& whole, QuerySlots* part) {
  if (!part->season) part->season = whole.season;
  if (!part->season_type) part->season_type = whole.season_type;
  if (!part->per_mode) part->per_mode = whole.per_mode;
  if (part->date.empty()) {
    part->date = whole.date;
    part->date_to = whole.date_to;
  }
}

template <typename Mention>
std::vector<Mention> within(const std::vector<Mention>& all, std::size_t first, std::size_t last) {
  std::vector<Mention> out;
  for (const Mention& m : all) {
    if (m.position >= first && m.position < last) {
      out.push_back(m);
    }
  }
  return out;
}

double weakestMention(const QuerySlots& slots) {
  double weakest = 1.0;
  for (const auto& p : slots.players) weakest = std::min(weakest, p.confidence);
  for (const auto& t : slots.teams) weakest = std::min(weakest, t.confidence);
  return weakest;
}

class Parser final : public QuestionParser {
 public:
  Parser(const entity::EntityResolver& resolver, NameVocabulary vocabulary)
      : vocabulary_(std::move(vocabulary)), mentions_(resolver, vocabulary_), typos_(vocabulary_) {}

  ParsedQuery parse(std::string_view question, const ParseContext& context) const override {
    ParsedQuery out;
    if (question.size() > kMaxQuestionBytes) {
      out.too_long = true;
      out.notes.push_back("The question is too long (" + std::to_string(question.size()) +
                          " bytes); ask in at most 500 characters.");
      return out;
    }
    TokenizedText text;
    tokenizeQuestion(question, kMaxTokens, &text);
    dropBarePossessives(vocabulary_, &text);
    typos_.correct(&text);
    if (text.truncated) {
      out.notes.push_back("Only the first " + std::to_string(kMaxTokens) + " words were read.");
    }
    TokenLabels labels;
    std::vector<SlotHit> hits;
    labelQuestion(text, &labels, &hits);
    std::vector<std::string> unknown_names;
    mentions_.find(text, question, &labels, &out.slots.players, &out.slots.teams, &unknown_names);
    collectChoiceNotes(out.slots, &out);
    applyHits(hits, 0, labels.size(), context, &out.slots);
    collectUnrecognized(text, labels, &out);
    classify(labels, hits, context, &out);
    collectUnknownNames(unknown_names, &out);
    collectOutOfScope(labels, &out);
    return out;
  }

 private:
  // The resolver's word on a name it chose among several, once per note.
  static void collectChoiceNotes(const QuerySlots& slots, ParsedQuery* out) {
    const auto add = [out](const std::string& note) {
      if (!note.empty() &&
          std::find(out->notes.begin(), out->notes.end(), note) == out->notes.end()) {
        out->notes.push_back(note);
      }
    };
    for (const PlayerMention& player : slots.players) add(player.choice_note);
    for (const TeamMention& team : slots.teams) add(team.choice_note);
  }

  static void collectUnrecognized(const TokenizedText& text, const TokenLabels& labels,
                                  ParsedQuery* out) {
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (isFreeWord(labels[i])) {
        out->unrecognized.emplace_back(text.token(i));
      }
    }
  }

  // "Michael Jordan stats": a name no player of the data has. Alone it is the whole question,
  // which nothing answers (it compared Michael Porter Jr. with DeAndre Jordan: blind audit);
  // beside a known name ("Jordan vs LeBron") it is a note.
  static void collectUnknownNames(const std::vector<std::string>& names, ParsedQuery* out) {
    for (const std::string& name : names) {
      const std::string quoted = "'" + echoUserText(name) + "'";
      if (out->slots.players.empty() && out->slots.teams.empty()) {
        out->out_of_scope.push_back({quoted + ": no player of the seasons it covers has that name "
                                              "(earlier players are not in it)",
                                     false});
      } else {
        out->notes.push_back("No player in the data is named " + quoted +
                             " (earlier players are not in it).");
      }
    }
  }

  // "WNBA", "injured", "odds": the question is about what the data does not hold, so nothing
  // is looked up (an NBA answer in its place would mislead).
  static void collectOutOfScope(const TokenLabels& labels, ParsedQuery* out) {
    for (const TokenLabel& label : labels) {
      if (label.role != LexRole::kOutOfScope || !label.head) continue;
      // "most points in a game on 2024-01-26" is one day's leaders, which are covered.
      const bool single_game = label.entry->value == static_cast<int>(Scope::kSingleGame);
      if (single_game && !out->slots.date.empty()) continue;
      const std::string what(label.entry->text);
      const bool league = label.entry->value == static_cast<int>(Scope::kOtherLeague);
      const bool known = std::any_of(out->out_of_scope.begin(), out->out_of_scope.end(),
                                     [&what](const OutOfScope& o) { return o.what == what; });
      if (!known) out->out_of_scope.push_back({what, league});
    }
    if (!out->out_of_scope.empty()) {
      out->intents.clear();
    }
  }

  // A part that names no subject asks about the previous part's ("Celtics record and net
  // rating", "how many games did they win and what was their net rating").
  static void carrySubject(const std::vector<Intent>& before, QuerySlots* part) {
    if (before.empty() || !part->players.empty() || !part->teams.empty() ||
        !part->conference.empty() || !part->division.empty()) {
      return;
    }
    const QuerySlots& previous = before.back().slots;
    if (previous.players.empty()) part->teams = previous.teams;
  }

  // The awards of an awards part after its first ("MVP, DPOY and ROY"): each is asked.
  static std::vector<std::string> laterAwards(const std::vector<SlotHit>& hits, std::size_t first,
                                              std::size_t last, const Intent& intent) {
    std::vector<std::string> awards;
    if (intent.kind != IntentKind::kAwards) return awards;
    for (const SlotHit& h : hits) {
      if (h.kind != HitKind::kAward || h.pos < first || h.pos >= last) continue;
      const std::string code(h.text);
      if (code != intent.slots.award &&
          std::find(awards.begin(), awards.end(), code) == awards.end()) {
        awards.push_back(code);
      }
    }
    return awards;
  }

  static void classify(const TokenLabels& labels, const std::vector<SlotHit>& hits,
                       const ParseContext& context, ParsedQuery* out) {
    double confidence = 1.0;
    for (const auto& [first, last] : splitParts(labels)) {
      Intent intent;
      intent.slots.players = within(out->slots.players, first, last);
      intent.slots.teams = within(out->slots.teams, first, last);
      applyHits(hits, first, last, context, &intent.slots);
      const bool own_date = !intent.slots.date.empty();
      inherit(out->slots, &intent.slots);
      carrySubject(out->intents, &intent.slots);
      auto verdict = classifyPart(labels, first, last, intent.slots);
      if (!verdict) {
        continue;
      }
      intent.kind = verdict->first;
      // Standings take a date of their own ("West standings on 2025-01-01"); another part's
      // ("scores last night and the West standings") is not theirs.
      if (intent.kind == IntentKind::kStandings && !own_date) {
        intent.slots.date.clear();
        intent.slots.date_to.clear();
      }
      intent.confidence = verdict->second * weakestMention(intent.slots);
      confidence = std::min(confidence, intent.confidence);
      const std::vector<std::string> more = laterAwards(hits, first, last, intent);
      out->intents.push_back(std::move(intent));
      for (const std::string& award : more) {
        Intent another = out->intents.back();
        another.slots.award = award;
        out->intents.push_back(std::move(another));
      }
    }
    if (out->intents.empty()) {
      out->confidence = 0;
      return;
    }
    const double known = static_cast<double>(labels.size() - out->unrecognized.size());
    const double share = labels.empty() ? 0 : known / static_cast<double>(labels.size());
    out->confidence = confidence * (0.5 + 0.5 * share);
  }

  NameVocabulary vocabulary_;
  MentionFinder mentions_;
  TypoCorrector typos_;  // refers to vocabulary_
};

}  // namespace

std::unique_ptr<QuestionParser> newQuestionParser(const entity::EntityResolver& resolver,
                                                  NameVocabulary vocabulary) {
  return std::make_unique<Parser>(resolver, std::move(vocabulary));
}

std::unique_ptr<QuestionParser> newQuestionParser(const entity::EntityResolver& resolver,
                                                  const Rows<Player>& players,
                                                  const Rows<Team>& teams) {
  return newQuestionParser(resolver, vocabularyFrom(players, teams));
}

}  // namespace nba::nlq

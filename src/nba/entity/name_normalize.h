#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace nba::entity {

// Splits a UTF-8 name into matching tokens: lower-case ASCII words with accents folded
// (see latin_fold.h), so "Nikola Jokić" → {"nikola", "jokic"} and "Şengün" → {"sengun"}.
// Periods and apostrophes join their neighbours ("P.J." → "pj", "De'Aaron" → "deaaron");
// every other non-letter, non-digit (spaces, hyphens, commas, emoji, malformed UTF-8)
// separates words. Input of any length and content is accepted; the result may be empty.
// Pure; thread-safe.
std::vector<std::string> tokenizeName(std::string_view text);

// True for a generational suffix: "jr", "sr", "ii", "iii", "iv" (tokens as produced above).
bool isNameSuffix(std::string_view token);

// Removes trailing suffix tokens while more than one token remains, so
// {"jimmy", "butler", "iii"} → {"jimmy", "butler"} but {"ii"} stays.
void stripNameSuffixes(std::vector<std::string>* tokens);

// Joins tokens with `separator`: " " gives the spaced key, "" the compact key
// ("pj washington" / "pjwashington").
std::string joinTokens(const std::vector<std::string>& tokens, std::string_view separator);

// tokenize + strip suffixes + join with a space: the canonical key of a name.
std::string normalizeName(std::string_view text);

}  // namespace nba::entity

#pragma once

#include <string>
#include <string_view>

namespace nba::builder {

// Folds UTF-8 Latin letters with diacritics to lowercase ASCII ("Dončić" -> "doncic",
// "Şengün" -> "sengun"); other non-ASCII code points are dropped. Pure, thread-safe.
std::string foldToAscii(std::string_view utf8);

// The key players are matched on across sources: folded, lowercase, punctuation removed
// ("A.J." -> "aj", "De'Aaron" -> "deaaron", hyphens -> spaces), generational suffixes
// (Jr, Sr, II, III, IV, V) dropped, single spaces. "Jimmy Butler III" -> "jimmy butler".
std::string nameKey(std::string_view name);

// nameKey with its tokens sorted, for family-name-first spellings ("Cui Yongxi" /
// "Yongxi Cui").
std::string sortedNameKey(std::string_view name);

}  // namespace nba::builder

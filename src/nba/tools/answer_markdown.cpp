#include "nba/tools/answer_markdown.h"

#include "nba/tools/markdown.h"

namespace nba::tools {

std::string headingLine(const AnswerHeading& heading) {
  if (heading.title.empty()) {
    return "";
  }
  std::string out = "## " + escapeMarkdown(heading.title);
  if (!heading.season.empty()) {
    out += " — " + heading.season;
  }
  if (!heading.as_of.empty()) {
    out += " (as of " + heading.as_of + ")";
  }
  return out;
}

namespace {

void appendSourceNotes(const AnswerSections& text, std::string& out) {
  for (const std::string& note : text.source_notes) {
    out += "\n\n" + noteLine(note);
  }
}

}  // namespace

std::string renderMarkdown(const AnswerSections& text) {
  std::string out = headingLine(text.heading);
  if (!out.empty()) {
    out += "\n\n";
  }
  out += text.sentence;
  if (!text.body.empty()) {
    out += "\n\n" + text.body;
  }
  appendSourceNotes(text, out);
  return out;
}

std::string bodyWithSourceNotes(const AnswerSections& text) {
  std::string out = text.body;
  appendSourceNotes(text, out);
  const std::size_t start = out.find_first_not_of("\r\n");
  if (start == std::string::npos) {
    return "";
  }
  const std::size_t end = out.find_last_not_of('\n');
  return out.substr(start, end + 1 - start);
}

std::vector<std::string> sourceNotesOf(const nlohmann::json& meta) {
  std::vector<std::string> notes;
  auto found = meta.find("dev.nbamcp/notes");
  if (found == meta.end() || !found->is_array()) {
    return notes;
  }
  for (const nlohmann::json& note : *found) {
    if (note.is_string()) {
      notes.push_back(note.get<std::string>());
    }
  }
  return notes;
}

}  // namespace nba::tools

#include "csv_file.h"

#include <fstream>
#include <sstream>

namespace nba::builder {

Result<std::string> readTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return notFound("cannot open " + path);
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

Result<CsvFile> CsvFile::read(const std::string& path) {
  Result<std::string> text = readTextFile(path);
  if (!text.ok()) {
    return text.status();
  }
  return parse(*text, path);
}

Result<CsvFile> CsvFile::parse(std::string_view text, const std::string& name) {
  CsvFile file;
  file.name_ = name;
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  bool quoted = false;
  bool any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field.push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field.push_back(c);
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      record.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
        ++i;
      }
      if (any || !field.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
      }
      record.clear();
      field.clear();
      any = false;
    } else {
      field.push_back(c);
      any = true;
    }
  }
  if (quoted) {
    return dataLoss(name + ": unterminated quoted field");
  }
  if (any || !field.empty()) {
    record.push_back(std::move(field));
    records.push_back(std::move(record));
  }
  if (records.empty()) {
    return dataLoss(name + ": empty file");
  }
  file.header_ = std::move(records.front());
  for (std::size_t i = 0; i < file.header_.size(); ++i) {
    file.index_.emplace(file.header_[i], i);
  }
  file.rows_.assign(std::make_move_iterator(records.begin() + 1),
                    std::make_move_iterator(records.end()));
  return file;
}

CsvFile CsvFile::fromRows(std::string name, std::vector<std::string> header,
                          std::vector<std::vector<std::string>> rows) {
  CsvFile file;
  file.name_ = std::move(name);
  file.header_ = std::move(header);
  file.rows_ = std::move(rows);
  for (std::size_t i = 0; i < file.header_.size(); ++i) {
    file.index_.emplace(file.header_[i], i);
  }
  return file;
}

bool CsvFile::hasColumn(std::string_view column) const {
  return index_.count(std::string(column)) > 0;
}

const std::string& CsvFile::cell(const std::vector<std::string>& row,
                                 std::string_view column) const {
  static const std::string kEmpty;
  auto it = index_.find(std::string(column));
  if (it == index_.end() || it->second >= row.size()) {
    return kEmpty;
  }
  return row[it->second];
}

}  // namespace nba::builder

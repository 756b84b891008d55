#pragma once
// A directory that appears whole or not at all (DESIGN.md: "outputs are written
// whole or not at all"). Files are written into a sibling staging directory
// DIR.tmp-<pid> on the same file system; commit() then swaps it into place with one
// rename, so a reader (or a batch resuming after a crash) never sees half a run.
#include <filesystem>
#include <string_view>

namespace ss::output {

class StagedDirectory {
 public:
  // Creates the staging directory (and DIR's missing parents), after removing the
  // staging folders of processes killed before they could (and putting back a
  // previous result one of them had moved aside). Throws
  // std::runtime_error naming the path when DIR exists but is not a directory or the
  // staging directory cannot be created.
  explicit StagedDirectory(const std::filesystem::path& dir);
  // Removes the staging directory unless commit() succeeded.
  ~StagedDirectory();
  StagedDirectory(const StagedDirectory&) = delete;
  StagedDirectory& operator=(const StagedDirectory&) = delete;

  // Writes a whole file into the staging directory, flushed to disk and closed;
  // throws std::runtime_error naming the file on any error.
  void write(std::string_view name, std::string_view content);
  // Replaces DIR (if any) by the staging directory. Throws std::runtime_error and
  // leaves the old DIR in place on failure.
  void commit();

  [[nodiscard]] const std::filesystem::path& target() const { return target_; }
  [[nodiscard]] const std::filesystem::path& staging() const { return staging_; }

 private:
  std::filesystem::path target_;
  std::filesystem::path staging_;
  bool committed_ = false;
};

}  // namespace ss::output

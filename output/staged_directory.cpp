#include "output/staged_directory.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>
#include <system_error>
#include <vector>

namespace ss::output {
namespace fs = std::filesystem;
namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& p, int err) {
  throw std::runtime_error(what + " '" + p.string() + "': " + std::strerror(err));
}

// Absolute path without "." / ".." parts or a trailing separator, so that
// "out/", "./out" and "out" all name the same target and its sibling paths.
fs::path normalize(const fs::path& dir) {
  fs::path p = fs::absolute(dir).lexically_normal();
  if (!p.has_filename()) p = p.parent_path();
  if (p == p.root_path()) throw std::runtime_error("'" + p.string() + "' cannot be replaced");
  return p;
}

fs::path sibling(const fs::path& target, const char* tag) {
  return target.parent_path() / (target.filename().string() + tag + std::to_string(::getpid()));
}

// fsync a directory, so the rename that publishes it cannot reach the disk before
// its entries do. Returns 0 or the errno.
int sync_dir(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return errno;
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  return rc == 0 ? 0 : err;
}

// The pid in "<DIR><tag><pid>", or 0 when `name` is not such a sibling of DIR.
pid_t sibling_pid(const std::string& name, const std::string& stem, const char* tag) {
  const std::string prefix = stem + tag;
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return 0;
  pid_t pid = 0;
  for (std::size_t i = prefix.size(); i < name.size(); ++i) {
    if (name[i] < '0' || name[i] > '9' || pid > 100'000'000) return 0;
    pid = pid * 10 + (name[i] - '0');
  }
  return pid;
}

// Leftovers of processes that were killed (kill -9, a power cut) before they could
// clean up: DIR.tmp-<pid> staging folders, and DIR.old-<pid> previous outputs moved
// aside on file systems without RENAME_EXCHANGE. Only those of processes that no
// longer exist on this machine are touched; a previous result moved aside while DIR
// itself is gone is put back, so DIR holds the previous complete result again.
void clean_leftovers(const fs::path& target) {
  std::error_code ec;
  const std::string stem = target.filename().string();
  std::vector<fs::path> stale_tmp, stale_old;
  for (const fs::directory_entry& e : fs::directory_iterator(target.parent_path(), ec)) {
    const std::string name = e.path().filename().string();
    for (const char* tag : {".tmp-", ".old-"}) {
      const pid_t pid = sibling_pid(name, stem, tag);
      if (pid <= 0 || pid == ::getpid()) continue;
      if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
      (tag[1] == 't' ? stale_tmp : stale_old).push_back(e.path());
    }
  }
  for (const fs::path& old : stale_old) {
    if (!fs::exists(target, ec) && std::rename(old.c_str(), target.c_str()) == 0) continue;
    fs::remove_all(old, ec);
  }
  for (const fs::path& tmp : stale_tmp) fs::remove_all(tmp, ec);
}

}  // namespace

StagedDirectory::StagedDirectory(const fs::path& dir)
    : target_(normalize(dir)), staging_(sibling(target_, ".tmp-")) {
  std::error_code ec;
  fs::create_directories(target_.parent_path(), ec);
  if (ec) throw std::runtime_error("cannot create '" + target_.parent_path().string() + "': " + ec.message());
  if (fs::exists(target_, ec) && !fs::is_directory(target_, ec))
    throw std::runtime_error("'" + target_.string() + "' exists and is not a directory");
  clean_leftovers(target_);
  // A staging directory left by a crashed process that had the same pid.
  fs::remove_all(staging_, ec);
  if (::mkdir(staging_.c_str(), 0777) != 0) fail("cannot create", staging_, errno);
}

StagedDirectory::~StagedDirectory() {
  if (committed_) return;
  std::error_code ec;
  fs::remove_all(staging_, ec);  // best effort: a destructor must not throw
}

void StagedDirectory::write(std::string_view name, std::string_view content) {
  const fs::path p = staging_ / name;
  const int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) fail("cannot create", p, errno);
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    const ssize_t n = ::write(fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : EIO;
      ::close(fd);
      fail("cannot write", p, err);
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  const int rc = ::fsync(fd);
  const int err = errno;
  if (::close(fd) != 0 && rc == 0) fail("cannot close", p, errno);
  if (rc != 0) fail("cannot flush", p, err);
}

void StagedDirectory::commit() {
  if (const int err = sync_dir(staging_)) fail("cannot flush", staging_, err);
  std::error_code ec;
  if (!fs::exists(target_, ec)) {
    if (std::rename(staging_.c_str(), target_.c_str()) != 0) fail("cannot rename into", target_, errno);
  } else if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, target_.c_str(), RENAME_EXCHANGE) == 0) {
    // Swapped in one step: the staging path now holds the previous outputs.
    fs::remove_all(staging_, ec);
  } else {
    // File systems without RENAME_EXCHANGE: move the old outputs aside first, and
    // put them back if the new ones cannot take their place.
    const fs::path old = sibling(target_, ".old-");
    fs::remove_all(old, ec);
    if (std::rename(target_.c_str(), old.c_str()) != 0) fail("cannot move aside", target_, errno);
    if (std::rename(staging_.c_str(), target_.c_str()) != 0) {
      const int err = errno;
      std::rename(old.c_str(), target_.c_str());
      fail("cannot rename into", target_, err);
    }
    fs::remove_all(old, ec);
  }
  committed_ = true;
  // Best effort: the outputs are complete and in place; this only hastens the
  // rename's way to the disk.
  sync_dir(target_.parent_path());
}

}  // namespace ss::output

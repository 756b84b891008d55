#include "scenarios/loader/checksum.hpp"

#include <array>
#include <cstdio>
#include <fstream>

namespace ss::scenarios {

std::optional<std::uint64_t> fnv1a64_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a 64 offset basis
  std::array<char, 1 << 16> buf{};
  while (in) {
    in.read(buf.data(), buf.size());
    const std::streamsize n = in.gcount();
    for (std::streamsize i = 0; i < n; ++i) {
      h ^= static_cast<unsigned char>(buf[static_cast<std::size_t>(i)]);
      h *= 0x100000001b3ULL;  // FNV-1a 64 prime
    }
  }
  if (in.bad()) return std::nullopt;
  return h;
}

std::string checksum_text(std::uint64_t h) {
  char s[17];
  std::snprintf(s, sizeof s, "%016llx", static_cast<unsigned long long>(h));
  return std::string("fnv1a64:") + s;
}

}  // namespace ss::scenarios

#pragma once
// Checksums of input files for run summaries, so a result can be traced to the
// exact inputs that produced it.
#include <cstdint>
#include <optional>
#include <string>

namespace ss::scenarios {

// FNV-1a 64-bit (Fowler, Noll & Vo; http://www.isthe.com/chongo/tech/comp/fnv/) of
// the file's bytes; nullopt when it cannot be read. Not cryptographic: it guards
// against mixing up inputs, not against tampering.
std::optional<std::uint64_t> fnv1a64_file(const std::string& path);
// "fnv1a64:" followed by 16 lowercase hex digits.
std::string checksum_text(std::uint64_t h);

}  // namespace ss::scenarios

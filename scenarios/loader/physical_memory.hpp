#pragma once
// Physical memory of this machine, for refusing a hazard grid (flood, smoke) that
// would not fit before anything is allocated.
#include <unistd.h>

#include <cmath>

namespace ss::scenarios {

// Bytes (POSIX sysconf); HUGE_VAL when unknown.
inline double physical_memory() {
  const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
  return pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page) : HUGE_VAL;
}

}  // namespace ss::scenarios

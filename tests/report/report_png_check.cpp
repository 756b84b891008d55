// Checks a screenshot of a batch's report.html taken by headless Chromium
// (scripts/report-screenshot.sh) the way a reader glancing at it would: the page is
// not blank, the text is there, the evacuation chart draws each variant in its
// colour, and a worse difference is marked in the report's "worse" colour (so the
// stylesheet was applied by a real browser, not only written).
//
//   safestreet-report-pngcheck FILE [--worse N] [--better N] [--curve RRGGBB N] ...
// Each N is the minimum pixel count; exit 0 when every check passes.
#include <stb_image.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {

struct Rgb {
  int r, g, b;
};

Rgb hex(const char* s) {
  const long v = std::strtol(s, nullptr, 16);
  return {static_cast<int>((v >> 16) & 255), static_cast<int>((v >> 8) & 255), static_cast<int>(v & 255)};
}

// Text and lines are anti-aliased: count pixels within a small distance of the colour
// (per channel), which the cores of bold glyphs and 2-px lines reach.
bool near(const unsigned char* p, Rgb c, int tol) {
  return std::abs(p[0] - c.r) <= tol && std::abs(p[1] - c.g) <= tol && std::abs(p[2] - c.b) <= tol;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s FILE [--worse N] [--better N] [--curve RRGGBB N]...\n", argv[0]);
    return 2;
  }
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(argv[1], &w, &h, &n, 3);
  if (!px) {
    std::fprintf(stderr, "%s: cannot read: %s\n", argv[1], stbi_failure_reason());
    return 1;
  }
  struct Check {
    std::string what;
    Rgb colour;
    long min;
  };
  std::vector<Check> checks;
  // The report's verdict colours (batch/report_parts.cpp, Okabe-Ito).
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--worse") && i + 1 < argc)
      checks.push_back({"worse", hex("D55E00"), std::atol(argv[++i])});
    else if (!std::strcmp(argv[i], "--better") && i + 1 < argc)
      checks.push_back({"better", hex("0072B2"), std::atol(argv[++i])});
    else if (!std::strcmp(argv[i], "--curve") && i + 2 < argc) {
      checks.push_back({std::string("curve #") + argv[i + 1], hex(argv[i + 1]), std::atol(argv[i + 2])});
      i += 2;
    } else {
      std::fprintf(stderr, "unknown argument %s\n", argv[i]);
      return 2;
    }
  }
  long white = 0, dark = 0;
  std::vector<long> counts(checks.size(), 0);
  for (long k = 0; k < static_cast<long>(w) * h; ++k) {
    const unsigned char* p = px + 3 * k;
    if (p[0] > 240 && p[1] > 240 && p[2] > 240) ++white;
    if (p[0] < 80 && p[1] < 80 && p[2] < 80) ++dark;
    for (std::size_t c = 0; c < checks.size(); ++c) counts[c] += near(p, checks[c].colour, 24) ? 1 : 0;
  }
  stbi_image_free(px);
  const double total = static_cast<double>(w) * h;
  bool ok = true;
  auto report = [&](const std::string& what, bool pass, const std::string& detail) {
    std::printf("%-20s %s  %s\n", what.c_str(), pass ? "ok  " : "FAIL", detail.c_str());
    ok = ok && pass;
  };
  report("size", w >= 800 && h >= 800, std::to_string(w) + "x" + std::to_string(h));
  // A page, not a blank or an error screen: mostly white background, some text.
  report("background", white > 0.5 * total, std::to_string(white) + " white pixels");
  report("text", dark > 0.005 * total, std::to_string(dark) + " dark pixels");
  for (std::size_t c = 0; c < checks.size(); ++c)
    report(checks[c].what, counts[c] >= checks[c].min,
           std::to_string(counts[c]) + " pixels, need " + std::to_string(checks[c].min));
  return ok ? 0 : 1;
}

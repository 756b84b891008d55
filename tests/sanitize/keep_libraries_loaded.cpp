// Linked into the programs of the sanitizer build only (SAFESTREET_SANITIZE,
// scripts/sanitize.sh). LeakSanitizer finds leaks by looking for pointers to each
// heap block in every loaded library's memory; a library unloaded with dlclose takes
// its pointers with it, and what it still held shows as leaked from "<unknown
// module>", with no library name a suppression could match. Mesa's OpenGL driver
// (unloaded when the GUI closes its display) and OpenMPI's components (unloaded by
// MPI_Finalize) do so. Here dlclose leaves every library loaded until the process
// ends, so their memory stays reachable, and what they really leak names them.
// The program's own definition takes precedence over the C library's for every
// caller (exported with --export-dynamic-symbol=dlclose).
extern "C" int dlclose(void* /*handle*/) { return 0; }

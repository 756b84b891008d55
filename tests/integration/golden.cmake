# A bundled scenario run keeps giving the same result files, byte for byte: the
# SHA-256 of each is pinned in golden/<name>.txt ("file hash" per line, # comments).
# What the files hold (every resident's warning, departure, arrival and outcome; every
# task and team; the timeline; a hazard's incidents and layers) covers the warning,
# the responders, the movement model and the hazards, so an unintended change of
# results anywhere fails here. A change meant to change results updates the file and
# says why in its commit.
# Lines "state_hash <step> <hex>" pin the hash of the run's whole state
# (engine/core/state_hash.hpp) at that step, read from summary.json's "state_hash":
# its "halfway" step or its last. They catch a change in any part of the state, also
# one no result file shows (a flood cell, a team's position, a body's velocity).
# On a difference the message gives the new values to paste.
#   cmake -DBIN=<safestreet> -DSRC=<source dir> -DNAME=<scenario> -DOUT=<scratch> -P golden.cmake
file(STRINGS "${SRC}/tests/integration/golden/${NAME}.txt" lines REGEX "^[^#]")
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${BIN}" run "${SRC}/scenarios/${NAME}.yaml" --out "${OUT}" --quiet
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "safestreet run failed (${rc}):\n${out}\n${err}")
endif()
set(failed "")
set(n 0)
file(READ "${OUT}/summary.json" summary)
string(JSON end_step GET "${summary}" state_hash step)
string(JSON end_hash GET "${summary}" state_hash hash)
string(JSON halfway_type TYPE "${summary}" state_hash halfway)
set(halfway_step "")
if(halfway_type STREQUAL "OBJECT")
  string(JSON halfway_step GET "${summary}" state_hash halfway step)
  string(JSON halfway_hash GET "${summary}" state_hash halfway hash)
endif()
foreach(entry IN LISTS lines)
  string(REGEX REPLACE " +" ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 hash)
  math(EXPR n "${n} + 1")
  if(name STREQUAL "state_hash")
    list(GET parts 2 want)
    if(hash STREQUAL end_step)
      set(got "${end_hash}")
    elseif(hash STREQUAL halfway_step)
      set(got "${halfway_hash}")
    else()
      string(APPEND failed "  state_hash at step ${hash}: summary.json has step ${end_step} (end) "
                           "and '${halfway_step}' (halfway) instead\n")
      continue()
    endif()
    if(NOT got STREQUAL want)
      string(APPEND failed "  state_hash ${hash} ${got} (expected ${want})\n")
    endif()
    continue()
  endif()
  if(NOT EXISTS "${OUT}/${name}")
    string(APPEND failed "  ${name}: missing\n")
    continue()
  endif()
  file(SHA256 "${OUT}/${name}" got)
  if(NOT got STREQUAL hash)
    string(APPEND failed "  ${name}: sha256 ${got}, expected ${hash}\n")
  endif()
endforeach()
if(n EQUAL 0)
  message(FATAL_ERROR "golden/${NAME}.txt pins no file")
endif()
if(failed)
  message(FATAL_ERROR "the results of scenarios/${NAME}.yaml changed:\n${failed}")
endif()
message(STATUS "${n} result files and state hashes of ${NAME} identical to their pinned values")

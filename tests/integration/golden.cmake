# A bundled scenario run keeps giving the same result files, byte for byte: the
# SHA-256 of each is pinned in golden/<name>.txt ("file hash" per line, # comments).
# What the files hold (every resident's warning, departure, arrival and outcome; every
# task and team; the timeline; a hazard's incidents and layers) covers the warning,
# the responders, the movement model and the hazards, so an unintended change of
# results anywhere fails here. A change meant to change results updates the file and
# says why in its commit.
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
foreach(entry IN LISTS lines)
  string(REGEX REPLACE " +" ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 hash)
  math(EXPR n "${n} + 1")
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
message(STATUS "${n} result files of ${NAME} identical to their pinned hashes")

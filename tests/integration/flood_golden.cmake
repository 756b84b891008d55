# The Pegnitz flood through Lauf (scenarios/lauf_flood.yaml) must keep giving the
# same residents, tasks and depth rasters, byte for byte: the hashes below were taken
# before the flood moved onto the hazard interface (engine/hazards/hazard.hpp) and
# hold as long as nothing changes what the flood does to people. A change that is
# meant to change results updates them, and says why in its commit. (The residents'
# and tasks' hashes were last updated when shelters from the map got their map name
# or street instead of "parking <n>": the same run, other shelter names.)
#   cmake -DBIN=<safestreet> -DSRC=<source dir> -DOUT=<scratch dir> -P flood_golden.cmake
set(expected
  "residents.csv b1cdf843e3140daa1ab7e571d579b62b589cc507cc7a19cbf49426e1d576f62d"
  "tasks.csv cef401b5cffd9a2bf9fd4cabdccdf909776b3748ca02c00cf9b4d9336e7c4452"
  "flood/arrival_time.tif 43dc76139c5a61116a8b23f7fbed037d9baa557a629f28d345a7e5a29536b074"
  "flood/depth_1800s.tif 9528ebd3c4b2e94ba5228365c9d02f9cb75ea04563cc38b39b9d9d1fb9e1b314"
  "flood/depth_3600s.tif 9e6312cc35cfbf371846004677fbf34f054fe036a43dcb9cc03d9da529861495"
  "flood/depth_5400s.tif 4abbfa7b59c86680ba1dd821625a821f99904059323561e23b6adc5e4daa56f5"
  "flood/depth_7200s.tif 2dfe7a313d9cf3197cf8677a9f083b821f64f0cb2336326f1554a0e4a43d9b1b"
  "flood/depth_10800s.tif f24a5bc4338d77e392b65d7ae682aa5dfdd043c67b663a32944f7267c9e2ede4"
  "flood/max_depth.tif 0608ffa0a028bdf05c2944614512488d8dc568fb87ae7140e96c48ac82378072")
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${BIN}" run "${SRC}/scenarios/lauf_flood.yaml" --out "${OUT}" --quiet
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "safestreet run failed (${rc}):\n${out}\n${err}")
endif()
set(failed "")
foreach(entry IN LISTS expected)
  string(REPLACE " " ";" parts "${entry}")
  list(GET parts 0 name)
  list(GET parts 1 hash)
  if(NOT EXISTS "${OUT}/${name}")
    string(APPEND failed "  ${name}: missing\n")
    continue()
  endif()
  file(SHA256 "${OUT}/${name}" got)
  if(NOT got STREQUAL hash)
    string(APPEND failed "  ${name}: sha256 ${got}, expected ${hash}\n")
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "the Lauf flood run changed:\n${failed}")
endif()
message(STATUS "residents.csv, tasks.csv and 7 depth rasters identical")

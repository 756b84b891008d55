# The GUI's "Briefing map" (tests/gui/briefing_export.script.in): the sheet is the one
# `safestreet map --extent` draws from the results exported at the same moment, byte
# for byte; the area is the view (centred where the script put it, 1 m either way);
# the time is the GUI's; the PDF is a PDF. Then the difference map likewise.
#   -DGUI=... -DCLI=... -DXVFB_RUN=... -DOUT=...
cmake_minimum_required(VERSION 3.16)
file(REMOVE ${OUT}/briefing_gui.png ${OUT}/briefing_gui.pdf ${OUT}/briefing_cli.png ${OUT}/difference_gui.png
            ${OUT}/difference_cli.png ${OUT}/difference_bad.png)
file(REMOVE_RECURSE ${OUT}/briefing_run ${OUT}/briefing_run_40)
execute_process(COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x800x24" ${GUI} ${SOURCE}/scenarios/lauf.yaml
                        --script ${OUT}/briefing_export.script
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "safestreet-gui failed: ${rc}")
endif()
string(REGEX MATCH "briefing map written to [^\n]*briefing_gui.png \\(at 0:30:00, --extent ([-0-9.,]+)\\)"
       line "${out}${err}")
if(NOT line)
  message(FATAL_ERROR "no 'briefing map written to ...briefing_gui.png (at 0:30:00, --extent ...)' message")
endif()
set(extent ${CMAKE_MATCH_1})
# The view's centre is the script's (665400, 5486700): whole metres of (min + max) / 2.
string(REPLACE "," ";" v "${extent}")
list(GET v 0 x0)
list(GET v 1 y0)
list(GET v 2 x1)
list(GET v 3 y1)
foreach(n x0 y0 x1 y1)
  string(REGEX REPLACE "\\..*" "" ${n} "${${n}}")
endforeach()
math(EXPR cx2 "${x0} + ${x1} - 2 * 665400")
math(EXPR cy2 "${y0} + ${y1} - 2 * 5486700")
if(cx2 LESS -3 OR cx2 GREATER 3 OR cy2 LESS -3 OR cy2 GREATER 3)
  message(FATAL_ERROR "the sheet's area ${extent} is not centred on the view's centre (665400, 5486700)")
endif()
math(EXPR width "${x1} - ${x0}")
if(width GREATER 2000)
  message(FATAL_ERROR "the sheet's area ${extent} is wider than the zoomed-in view")
endif()
execute_process(COMMAND ${CLI} map ${OUT}/briefing_run --extent ${extent} --out ${OUT}/briefing_cli.png
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "safestreet map failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/briefing_gui.png ${OUT}/briefing_cli.png
                RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "the GUI's briefing map differs from `safestreet map --extent ${extent}` of its results")
endif()
file(READ ${OUT}/briefing_gui.pdf magic LIMIT 5 HEX)
if(NOT magic STREQUAL "255044462d")  # "%PDF-"
  message(FATAL_ERROR "${OUT}/briefing_gui.pdf is not a PDF")
endif()
if(EXISTS ${OUT}/briefing_gui.txt)
  message(FATAL_ERROR "a briefing map was written to a .txt file")
endif()
# The GUI's "Difference map": the sheet `safestreet map REFERENCE --compare RUN` draws
# with RUN the results exported at the same moment (the footer naming it as the GUI
# does), byte for byte; nothing written
# when the reference folder does not exist (the script expected the error).
if(NOT "${out}${err}" MATCHES "difference map written to [^\n]*difference_gui.png \\(this run at 0:40:00 against ")
  message(FATAL_ERROR "no 'difference map written to ...difference_gui.png (this run at 0:40:00 against ...)' message")
endif()
execute_process(COMMAND ${CLI} map ${OUT}/briefing_run --compare ${OUT}/briefing_run_40
                        --compare-label "this run in the GUI at 0:40:00" --out ${OUT}/difference_cli.png
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "safestreet map --compare failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/difference_gui.png ${OUT}/difference_cli.png
                RESULT_VARIABLE same)
if(NOT same EQUAL 0)
  message(FATAL_ERROR "the GUI's difference map differs from `safestreet map --compare` of the same results")
endif()
if(EXISTS ${OUT}/difference_bad.png)
  message(FATAL_ERROR "a difference map was written against a run folder that does not exist")
endif()

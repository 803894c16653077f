# renaksi_stage(NAME FOLDERS f... SOURCES s... LINK l...): one stage of the pipeline as a static
# library. Its headers are seen through an include folder of its own,
# build/include/NAME/, which holds only links to the stage's source folders (pipeline/f): a
# library that links NAME sees them, one that does not cannot include them. Every stage's
# LINK is PUBLIC, so a stage sees everything below it and nothing beside or above it.
function(renaksi_stage name)
  cmake_parse_arguments(ARG "" "" "FOLDERS;SOURCES;LINK" ${ARGN})
  set(view ${CMAKE_BINARY_DIR}/include/${name})
  foreach(folder IN LISTS ARG_FOLDERS)
    get_filename_component(parent ${view}/${folder} DIRECTORY)
    file(MAKE_DIRECTORY ${parent})
    if(NOT EXISTS ${view}/${folder})
      file(CREATE_LINK ${CMAKE_SOURCE_DIR}/pipeline/${folder} ${view}/${folder} SYMBOLIC)
    endif()
  endforeach()
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${view})
  target_link_libraries(${name} PUBLIC ${ARG_LINK})
  set_property(GLOBAL APPEND PROPERTY RENAKSI_STAGES ${name})
endfunction()

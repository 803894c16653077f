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
    # (Re)made when missing or pointing elsewhere (a source tree that moved).
    set(target_now "")
    if(IS_SYMLINK ${view}/${folder})
      file(READ_SYMLINK ${view}/${folder} target_now)
    endif()
    if(NOT target_now STREQUAL "${CMAKE_SOURCE_DIR}/pipeline/${folder}")
      file(REMOVE ${view}/${folder})
      file(CREATE_LINK ${CMAKE_SOURCE_DIR}/pipeline/${folder} ${view}/${folder} SYMBOLIC)
    endif()
  endforeach()
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${view})
  target_link_libraries(${name} PUBLIC ${ARG_LINK})
  # Every include folder the stage sees (its own and those of the stages below), for the
  # layering tests of tests/layering/.
  set(views ${view})
  foreach(dep IN LISTS ARG_LINK)
    if(TARGET ${dep})
      get_target_property(dep_views ${dep} RENAKSI_VIEWS)
      if(dep_views)
        list(APPEND views ${dep_views})
      endif()
    endif()
  endforeach()
  list(REMOVE_DUPLICATES views)
  set_target_properties(${name} PROPERTIES RENAKSI_VIEWS "${views}")
  set_property(GLOBAL APPEND PROPERTY RENAKSI_STAGES ${name})
endfunction()

# The stages declared so far, for the driver, which runs them all.
function(renaksi_stages_so_far out)
  get_property(stages GLOBAL PROPERTY RENAKSI_STAGES)
  set(${out} ${stages} PARENT_SCOPE)
endfunction()

# embed_file(SOURCE SYMBOL OUTPUT): compiles a file's bytes into a std::string_view named SYMBOL
# (namespace renaksi::embedded), regenerated whenever the file changes.
function(embed_file source symbol output)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DSOURCE=${source} -DSYMBOL=${symbol} -DOUTPUT=${output}
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    DEPENDS ${source} ${CMAKE_SOURCE_DIR}/cmake/EmbedScript.cmake
    COMMENT "Embedding ${source}"
    VERBATIM)
endfunction()

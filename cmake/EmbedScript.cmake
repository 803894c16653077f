# Writes OUTPUT: a C++ file that defines renaksi::embedded::SYMBOL with the bytes of SOURCE.
file(READ ${SOURCE} hex HEX)
string(LENGTH "${hex}" hex_length)
math(EXPR size "${hex_length} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT}
"// Generated from ${SOURCE}; do not edit.\n#include <string_view>\nnamespace renaksi::embedded {\nnamespace {\nconst char data[] = {\n${bytes}0x00};\n}\nextern const std::string_view ${SYMBOL}(data, ${size});\n}\n")

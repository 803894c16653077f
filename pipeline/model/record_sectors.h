// The sectors a proposer or commenter may give in the co-creation record: the organisations'
// sectors (sector_id, in their order), then a person who speaks for no organisation.
#pragma once

#include <array>
#include <string_view>

namespace renaksi {

inline constexpr std::array<std::string_view, 11> kRecordSectors{
    "government", "cso",   "private",          "multilateral", "working-group", "academia",
    "parliament", "judiciary", "media", "local-government", "individual"};

}  // namespace renaksi

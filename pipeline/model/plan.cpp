// The content model: lookups and the string forms of its enumerations.
#include "model/plan.h"
#include "model/text_fallback.h"

#include <algorithm>
#include <array>
#include <utility>

namespace renaksi {

const Text* LocalizedText::find(std::string_view lang) const {
  for (const auto& t : texts)
    if (t.lang == lang) return &t;
  return nullptr;
}

std::string_view LocalizedText::in(std::string_view lang) const {
  const Text* t = find(lang);
  return t ? std::string_view(t->value) : std::string_view();
}

std::string_view text_or_fallback(const LocalizedText& t, std::string_view lang, std::string_view fallback) {
  std::string_view v = t.in(lang);
  if (v.empty() && !fallback.empty()) v = t.in(fallback);
  if (v.empty() && !t.texts.empty()) v = t.texts.front().value;
  return v;
}

namespace {
// One table per enumeration: the id each value has in the content files.
template <typename E, size_t N>
std::string_view name_of(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table)
    if (e == value) return name;
  return {};
}
template <typename E, size_t N>
std::optional<E> parse_of(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view id) {
  for (const auto& [e, name] : table)
    if (name == id) return e;
  return std::nullopt;
}

constexpr std::array<std::pair<Stage, std::string_view>, 5> kStages{{
    {Stage::Draft1, "draft-1"}, {Stage::Draft2, "draft-2"}, {Stage::Draft3, "draft-3"},
    {Stage::Draft4, "draft-4"}, {Stage::Final, "final"}}};
constexpr std::array<std::pair<Sector, std::string_view>, 10> kSectors{{
    {Sector::Government, "government"}, {Sector::Cso, "cso"}, {Sector::Private, "private"},
    {Sector::Multilateral, "multilateral"}, {Sector::WorkingGroup, "working-group"},
    {Sector::Academia, "academia"}, {Sector::Parliament, "parliament"}, {Sector::Judiciary, "judiciary"},
    {Sector::Media, "media"}, {Sector::LocalGovernment, "local-government"}}};
constexpr std::array<std::pair<Role, std::string_view>, 3> kRoles{{
    {Role::Lead, "lead"}, {Role::Support, "support"}, {Role::Other, "other"}}};
constexpr std::array<std::pair<OgpValue, std::string_view>, 5> kValues{{
    {OgpValue::AccessToInformation, "access-to-information"},
    {OgpValue::CivicParticipation, "civic-participation"},
    {OgpValue::PublicAccountability, "public-accountability"},
    {OgpValue::TechnologyAndInnovation, "technology-and-innovation"},
    {OgpValue::Inclusion, "inclusion"}}};
constexpr std::array<std::pair<Method, std::string_view>, 5> kMethods{{
    {Method::FD, "FD"}, {Method::IW, "IW"}, {Method::TC, "TC"}, {Method::PC, "PC"}, {Method::PCD, "PCD"}}};
constexpr std::array<std::pair<Decision, std::string_view>, 5> kDecisions{{
    {Decision::TakenUp, "taken-up"}, {Decision::Merged, "merged"}, {Decision::Forwarded, "forwarded"},
    {Decision::NotTakenUp, "not-taken-up"}, {Decision::Pending, "pending"}}};
}  // namespace

std::string_view stage_id(Stage s) { return name_of(kStages, s); }
std::optional<Stage> parse_stage(std::string_view id) { return parse_of(kStages, id); }
std::string_view sector_id(Sector s) { return name_of(kSectors, s); }
std::optional<Sector> parse_sector(std::string_view id) { return parse_of(kSectors, id); }
std::string_view role_id(Role r) { return name_of(kRoles, r); }
std::optional<Role> parse_role(std::string_view id) { return parse_of(kRoles, id); }
std::string_view ogp_value_id(OgpValue v) { return name_of(kValues, v); }
std::optional<OgpValue> parse_ogp_value(std::string_view id) { return parse_of(kValues, id); }
std::string_view method_id(Method m) { return name_of(kMethods, m); }
std::optional<Method> parse_method(std::string_view id) { return parse_of(kMethods, id); }
std::string_view decision_id(Decision d) { return name_of(kDecisions, d); }
std::optional<Decision> parse_decision(std::string_view id) { return parse_of(kDecisions, id); }

std::vector<const OrganisationRef*> Commitment::with_role(Role r) const {
  std::vector<const OrganisationRef*> out;
  for (const auto& o : organisations)
    if (o.role == r) out.push_back(&o);
  return out;
}

const Section* Commitment::section(std::string_view id) const {
  auto it = std::find_if(sections.begin(), sections.end(), [&](const Section& s) { return s.id == id; });
  return it == sections.end() ? nullptr : &*it;
}

std::vector<std::string> Plan::language_codes() const {
  std::vector<std::string> out;
  for (const auto& l : languages) out.push_back(l.code);
  return out;
}

const Organisation* Plan::organisation(std::string_view id) const {
  auto it = std::find_if(organisations.begin(), organisations.end(), [&](const auto& o) { return o.id == id; });
  return it == organisations.end() ? nullptr : &*it;
}

const Theme* Plan::theme(std::string_view id) const {
  auto it = std::find_if(themes.begin(), themes.end(), [&](const auto& t) { return t.id == id; });
  return it == themes.end() ? nullptr : &*it;
}

const Commitment* Plan::commitment(std::string_view id) const {
  auto it = std::find_if(commitments.begin(), commitments.end(), [&](const auto& c) { return c.id == id; });
  return it == commitments.end() ? nullptr : &*it;
}

}  // namespace renaksi

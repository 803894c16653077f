// The content model: a plan, its commitments and organisations, as loaded from content/.
// Every node carries the SourceLoc it was read from. This header is the contract between
// load/check and the steps that read the plan itself: prose, compose and the OGP submission (the
// PDF, Word and site outputs read the composed doc::Document instead).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/date.h"
#include "model/progress.h"
#include "diag/source_loc.h"

namespace renaksi {

// One language's text of a human-readable field.
struct Text {
  std::string lang;   // BCP 47 code from xml:lang ("id", "en", "es" ...)
  std::string value;  // prose: dedented Markdown; short fields: whitespace collapsed
  SourceLoc loc;      // the <text> element
  int body_line = 0;  // line of the first non-blank line of the value (for prose diagnostics)
  int body_indent = 0;  // bytes of indentation dedenting removed from each line (prose)
};

enum class TextKind { Short, Prose };

// A human-readable field: one Text per language. Empty `texts` = the field is absent.
struct LocalizedText {
  std::vector<Text> texts;
  SourceLoc loc;  // the field's element; file only when the field is absent
  TextKind kind = TextKind::Short;

  bool present() const { return !texts.empty(); }
  const Text* find(std::string_view lang) const;
  // The text in `lang`, or "" when there is none.
  std::string_view in(std::string_view lang) const;
};

enum class Stage { Draft1, Draft2, Draft3, Draft4, Final };
std::string_view stage_id(Stage s);  // "draft-1" ... "final", as written in plan.xml
std::optional<Stage> parse_stage(std::string_view id);

// The sectors of OGP's stakeholder lists; the ids ("academia", "local-government") are stable.
enum class Sector {
  Government, Cso, Private, Multilateral, WorkingGroup,
  Academia, Parliament, Judiciary, Media, LocalGovernment
};
std::string_view sector_id(Sector s);
std::optional<Sector> parse_sector(std::string_view id);

enum class Role { Lead, Support, Other };
std::string_view role_id(Role r);
std::optional<Role> parse_role(std::string_view id);

// OGP's values (section E), plus inclusion, which OGI names as well.
enum class OgpValue { AccessToInformation, CivicParticipation, PublicAccountability, TechnologyAndInnovation, Inclusion };
std::string_view ogp_value_id(OgpValue v);
std::optional<OgpValue> parse_ogp_value(std::string_view id);
inline constexpr OgpValue kAllOgpValues[] = {OgpValue::AccessToInformation, OgpValue::CivicParticipation,
                                             OgpValue::PublicAccountability, OgpValue::TechnologyAndInnovation,
                                             OgpValue::Inclusion};

// Co-creation methods (seed 004).
enum class Method { FD, IW, TC, PC, PCD };
std::string_view method_id(Method m);
std::optional<Method> parse_method(std::string_view id);

struct Organisation {
  std::string id;
  Sector sector = Sector::Government;
  std::string url;
  LocalizedText name;
  LocalizedText abbreviation;
  SourceLoc loc;
};

struct OrganisationRef {
  std::string ref;
  Role role = Role::Lead;
  LocalizedText unit;  // the unit inside the organisation, optional
  SourceLoc loc;
};

struct ValueRelevance {
  OgpValue kind = OgpValue::AccessToInformation;
  bool relevant = false;
  LocalizedText text;
  SourceLoc loc;
};

// A plan the commitment aligns with (Indonesia's section F: "rkp", "rpjmn"…). Which kinds there
// are is the template profile's, not the model's.
struct Alignment {
  std::string kind;
  LocalizedText text;
  SourceLoc loc;
};

struct SdgLink {
  int goal = 0;
  std::string target;  // "16.10", optional
  SourceLoc loc;
};

struct Budget {
  std::optional<std::string> amount;  // decimal as written, e.g. "1500000000"
  std::string currency;               // ISO 4217, e.g. "IDR"
  LocalizedText text;
  SourceLoc loc;
};

struct Milestone {
  std::string id;
  LocalizedText activity;  // activity with a verifiable deliverable
  std::optional<Period> period;
  LocalizedText output;
  std::vector<std::string> actors;  // organisation ids
  std::vector<SourceLoc> actor_locs;
  SourceLoc loc;
};

struct Contact {
  std::string org;
  // A person's name is one text without a language (lang ""); a name that is words of a
  // language ("PPID Kementerian Sosial") says which, or is given per language.
  LocalizedText name;
  LocalizedText position;  // title and department
  std::string email;
  std::string phone;
  SourceLoc loc;
};

struct ThemeRef {
  std::string ref;
  SourceLoc loc;
};

// One prose section of a commitment, named by its content element ("problem", "causes",
// "brief-description"…). Which sections a commitment may have, in what order and under which
// labels, is its plan's template profile's (templates/<id>.json), not the model's.
struct Section {
  std::string id;
  LocalizedText text;
  SourceLoc loc;
};

struct Commitment {
  std::string id;
  int number = 0;
  std::string ogp_id;  // "ID0101", or empty
  LocalizedText title;
  std::optional<Period> period;
  std::vector<ThemeRef> themes;
  std::vector<LocalizedText> policy_areas;
  std::vector<OrganisationRef> organisations;
  std::vector<Section> sections;  // in the order the content gives them
  // Relevance to OGP's values (OGI's section E, OGP 2022's commitment analysis)
  std::vector<ValueRelevance> values;
  SourceLoc values_loc;
  // Alignment with other plans (OGI's section F)
  std::vector<Alignment> alignment;
  SourceLoc alignment_loc;
  // Additional information (OGI's section G)
  std::optional<Budget> budget;
  std::vector<SdgLink> sdgs;
  LocalizedText notes;
  std::vector<Milestone> milestones;
  SourceLoc milestones_loc;
  std::vector<Contact> contacts;
  SourceLoc loc;

  // The organisations with a given role, in the order the content lists them.
  std::vector<const OrganisationRef*> with_role(Role r) const;
  // The section with this id (the first, if the content gives it twice), or nullptr.
  const Section* section(std::string_view id) const;
};

struct Participants {
  std::optional<long> total;
  std::optional<long> women;
  std::optional<long> men;
  std::optional<long> meetings;
  LocalizedText note;
  SourceLoc loc;
};

struct Event {
  std::string id;
  Method method = Method::FD;
  std::optional<Stage> stage;  // the drafting stage the event served
  LocalizedText name;
  Period when;                 // a single day has start == end
  bool single_day = false;
  LocalizedText place;
  std::optional<Participants> participants;
  LocalizedText description;
  SourceLoc loc;
};

// The co-creation record, kept in content/<plan>/cocreation/ apart from the plan's own files
// (load/cocreation_loader.h): the proposals the secretariat received and what it decided on
// each, and the public consultation of Draft 4 with what was heard and the response. Texts are
// plain (whitespace collapsed), never Markdown: much of it is written by the public.
enum class Decision { TakenUp, Merged, Forwarded, NotTakenUp, Pending };
std::string_view decision_id(Decision d);  // "taken-up" ... "pending", as written in content
std::optional<Decision> parse_decision(std::string_view id);
inline constexpr Decision kAllDecisions[] = {Decision::TakenUp, Decision::Merged, Decision::Forwarded,
                                             Decision::NotTakenUp, Decision::Pending};

struct Proposal {
  std::string id;          // "p07": stable, unique in the plan
  LocalizedText from;      // who proposed: an organisation or a person, as they name themselves
  std::string sector;      // a sector id (sector_id), as the schema allows
  IsoDate received;        // the day it was received; text empty when not recorded
  std::string theme;       // a theme id of the plan, or empty
  SourceLoc theme_loc;
  LocalizedText title;
  LocalizedText summary;   // optional
  std::string link;        // where the full proposal is (http/https), or empty
  SourceLoc link_loc;
  std::string imported;    // the commitment its Word file was imported into (renaksi import), or empty
  SourceLoc imported_loc;
  Decision decision = Decision::Pending;
  std::string decision_commitment;  // taken-up, merged: the commitment's id
  std::string forwarded_to;         // forwarded: the organisation's id
  SourceLoc decision_loc;           // the <decision> element (the <proposal> when it has none)
  LocalizedText reason;
  SourceLoc loc;
};

// One comment of the public consultation and the secretariat's response: "what we heard / our
// response". Its id ("C3-07": the 7th comment on commitment 3, "G-02" on the plan as a whole) is
// given once, by renaksi import-comments, and never changes, even when commitments are renumbered.
struct ConsultationComment {
  std::string id;
  std::string commitment;  // the commitment's id; empty: the plan as a whole
  SourceLoc commitment_loc;
  IsoDate received;
  LocalizedText from;      // optional: who commented, as they gave it
  std::string sector;      // a sector id, or empty
  std::string channel;     // "form", "email", "meeting" … as written, or empty
  LocalizedText heard;     // what was said, in the language it was said in (and translations)
  LocalizedText response;  // the secretariat's reasoned response; may be absent before Final
  SourceLoc loc;
};

struct Consultation {
  bool declared = false;  // cocreation/consultation.xml exists and was read
  Period period;          // when comments are taken
  std::string email;      // where comments go: an address …
  std::string form;       // … or a form's http(s) URL; "{subject}" in it is replaced by the subject
  SourceLoc email_loc, form_loc;
  std::vector<ConsultationComment> comments;
  SourceLoc loc;
};

struct Cocreation {
  std::vector<Proposal> proposals;
  SourceLoc proposals_loc;  // the <proposals> element, when the file exists
  Consultation consultation;
  bool consultation_file = false;  // cocreation/consultation.xml exists, whether or not it could be read
  bool empty() const { return proposals.empty() && !consultation.declared; }
};

struct Theme {
  std::string id;
  LocalizedText name;
  LocalizedText description;
  SourceLoc loc;
};

struct Language {
  std::string code;
  bool administrative = false;
  SourceLoc loc;
  // The locale whose conventions this language's dates follow ("en-GB"); empty: the
  // catalogue's default (locales/<code>.json, "date.style").
  std::string date_style{};
  SourceLoc date_style_loc{};  // the date-style attribute, when given
};

struct Plan {
  std::string id;
  SourceLoc id_loc;    // the id attribute of <plan>
  std::string folder;  // the plan folder as given
  std::string country;
  int number = 0;      // 0 = not given
  Stage stage = Stage::Draft1;
  SourceLoc stage_loc;
  std::string template_id;  // the template profile the commitments follow (templates/<id>.json)
  SourceLoc template_loc;   // the template attribute, or the <plan> element when it is absent
  std::vector<Language> languages;
  LocalizedText title;
  LocalizedText subtitle;
  Period period;
  std::string issuer;  // organisation id, or empty
  SourceLoc issuer_loc;
  LocalizedText foreword;
  std::vector<Theme> themes;
  LocalizedText cocreation_summary;
  std::vector<Event> events;
  bool has_cocreation = false;
  SourceLoc cocreation_loc;
  std::vector<Organisation> organisations;
  std::vector<Commitment> commitments;  // ordered by number
  PlanProgress progress;  // content/<plan>/progress/: never part of the plan's own files
  Cocreation record;      // content/<plan>/cocreation/: proposals, decisions, the consultation
  SourceLoc loc;

  std::vector<std::string> language_codes() const;
  const Organisation* organisation(std::string_view id) const;
  const Theme* theme(std::string_view id) const;
  const Commitment* commitment(std::string_view id) const;
};

}  // namespace renaksi

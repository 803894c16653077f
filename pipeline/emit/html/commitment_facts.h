// What the plan page's list and a commitment page's summary show of a commitment beyond its
// reference: a short description from its text, and its status.
#pragma once

#include <string>

#include "doc/document.h"
#include "emit/html/site_context.h"

namespace renaksi::html {

// A commitment's short description: the first paragraph of its brief description, else of its
// description (section C), else of its problem (section B); in the language it is written in
// (`lang`: empty when none is found; another language's when that text stands in).
struct ShortDescription {
  std::string text;
  std::string lang;
};
ShortDescription short_description(const doc::Chapter& commitment);

// How far the commitment has come: its latest progress update's completion level (content/<plan>/
// progress/), or empty when none names it (a draft, a plan without progress data): the pages then
// show nothing for it, never an empty label.
std::string commitment_completion(const Site& site, const SitePlan& plan, const doc::CommitmentRef& c,
                                  const std::string& lang);

// The status in the plan's list of commitments: the completion level when known, else empty
// (the plan's stage is on the page once; it is not repeated on every row).
std::string commitment_status(const Site& site, const SitePlan& plan, const doc::CommitmentRef& c,
                              const std::string& lang);

// OGP's page of the commitment (Site::ogp), or "" when it has no OGP id or its country no
// member page there.
std::string ogp_commitment_url(const Site& site, const SitePlan& plan, const doc::CommitmentRef& c);

}  // namespace renaksi::html

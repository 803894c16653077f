// The chrome of every page.
#include "emit/html/page_chrome.h"

#include <algorithm>
#include <stdexcept>

#include "emit/html/data_links.h"
#include "emit/html/urls.h"
#include "text/utf8_cut.h"

namespace renaksi::html {

xmlNode* main_of(const Page& page) { return page.slot("main"); }

std::vector<Alternate> alternates_of(const Site& site, const SitePlan* plan, const std::string& lang,
                                     const std::function<std::string(const std::string&)>& path_in) {
  std::vector<Alternate> out;
  for (const auto& l : plan ? plan->langs : site.langs)
    if (l != lang) out.push_back({l, path_in(l)});
  return out;
}

std::string shorten(const std::string& text, size_t max) {
  std::string s;
  for (char c : text) {  // collapse whitespace
    if (c == ' ' || c == '\n' || c == '\t') {
      if (!s.empty() && s.back() != ' ') s += ' ';
    } else {
      s += c;
    }
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  if (s.size() <= max) return s;
  size_t cut = s.rfind(' ', max - 1);
  if (cut == std::string::npos || cut < max / 2) cut = utf8_prefix(s, max - 1).size();  // no space: never inside a character
  s.resize(cut);
  while (!s.empty() && (s.back() == ' ' || s.back() == ',' || s.back() == ';' || s.back() == ':')) s.pop_back();
  return s + "\u2026";
}

namespace {

xmlNode* meta_tag(Page& page, const char* attr, const std::string& key, const std::string& value) {
  return element(page.head, "meta", {{attr, key}, {"content", value}});
}

// "id_ID": Open Graph's locale, the language as used in the archive's country.
std::string og_locale(const Site& site, const std::string& lang) {
  if (site.footer_country.empty()) return {};
  std::string l = lang.substr(0, lang.find('-'));
  return l + "_" + site.footer_country;
}

}  // namespace

void add_share_tags(const Site& site, const PageInfo& info, Page& page) {
  const std::string& base = site.site_url;
  const std::string site_name = site.msg(info.lang, "site.name");
  const std::string description = info.description.empty() ? info.title : info.description;
  auto abs = [&](const std::string& path) { return urls::absolute(base, path); };

  // The template's share image (<meta property="og:image" content="share.png"/>), already
  // linked relative to the page: absolute with the site's address, else dropped.
  std::string image;
  for (xmlNode* n = page.head->children; n;) {
    xmlNode* next = n->next;
    if (n->type == XML_ELEMENT_NODE && get_attr(n, "property") == "og:image") {
      if (!base.empty() && image.empty()) {
        image = abs(urls::resolve(info.path, get_attr(n, "content")));
        set_attr(n, "content", image);
        xmlUnlinkNode(n);  // moved below, with the other Open Graph tags
        xmlFreeNode(n);
      } else {
        remove_node(n);
      }
    }
    n = next;
  }

  if (info.not_found) {
    meta_tag(page, "name", "robots", "noindex");
    // A server shows this page at whatever address missed, where its relative links (style,
    // home, search) would point nowhere: with the site's address known, a <base> of the page's
    // own path on the site ("/en/404.html", no host: it works on a copy or a preview of the site
    // at the same path), first in the head, before every link it governs, keeps them right. The
    // link check reads the relative links against the page's path, the same thing, and skips the
    // <base>. Without the address they stay relative, right at the page's own address and from disk.
    if (!base.empty()) {
      xmlNode* b = element(page.head, "base", {{"href", urls::site_root_path(base) + info.path}});
      if (b != page.head->children) {
        xmlUnlinkNode(b);
        if (!xmlAddPrevSibling(page.head->children, b)) {
          xmlFreeNode(b);
          throw std::runtime_error("libxml2 could not move the 404 page's <base> first");
        }
      }
    }
  } else if (!base.empty()) {
    element(page.head, "link", {{"rel", "canonical"}, {"href", abs(info.path)}});
    auto hreflang = [&](const std::string& lang, const std::string& path) {
      element(page.head, "link", {{"rel", "alternate"}, {"hreflang", lang}, {"href", abs(path)}});
    };
    if (info.path == urls::root()) {  // the language page: each language's home, and itself for the rest
      for (const auto& l : site.langs) hreflang(l, urls::home(l));
    } else {
      hreflang(info.lang, info.path);
      for (const auto& a : info.alternates) hreflang(a.lang, a.path);
    }
    std::string x_default = info.x_default.empty() ? info.path : info.x_default;
    if (info.x_default.empty() && info.path != urls::root())
      for (const auto& l : site.langs) {  // the page in the site's first language it has
        if (l == info.lang) break;
        auto a = std::find_if(info.alternates.begin(), info.alternates.end(), [&](const Alternate& x) { return x.lang == l; });
        if (a != info.alternates.end()) {
          x_default = a->path;
          break;
        }
      }
    hreflang("x-default", x_default);
  }

  meta_tag(page, "property", "og:type", "website");
  meta_tag(page, "property", "og:site_name", site_name);
  meta_tag(page, "property", "og:title", info.title);
  meta_tag(page, "property", "og:description", description);
  if (!base.empty() && !info.not_found) meta_tag(page, "property", "og:url", abs(info.path));
  if (!image.empty()) meta_tag(page, "property", "og:image", image);
  if (std::string l = og_locale(site, info.lang); !l.empty()) {
    meta_tag(page, "property", "og:locale", l);
    for (const auto& a : info.alternates) meta_tag(page, "property", "og:locale:alternate", og_locale(site, a.lang));
  }
  meta_tag(page, "name", "twitter:card", image.empty() ? "summary" : "summary_large_image");
  meta_tag(page, "name", "twitter:title", info.title);
  meta_tag(page, "name", "twitter:description", description);
}

PageInfo archive_page(const Site& site, const std::string& lang, std::string (*url)(const std::string&), std::string title,
                      std::string description, Section section) {
  PageInfo info;
  info.path = url(lang);
  info.lang = lang;
  info.title = std::move(title);
  info.description = std::move(description);
  info.section = section;
  info.alternates = alternates_of(site, nullptr, lang, [url](const std::string& l) { return url(l); });
  return info;
}

Page start_page(const Site& site, const PageInfo& info) {
  const std::string& lang = info.lang;
  Page page = site.tpl->instantiate(info.path, lang);
  auto rel = [&](const std::string& to) { return urls::relative(info.path, to); };
  const std::string site_name = site.msg(lang, "site.name");

  text(page.title, site.msg(lang, "site.page_title", {{"page", info.title}, {"site", site_name}}));
  xmlNode* meta = xmlNewDocNode(page.doc.get(), nullptr, reinterpret_cast<const xmlChar*>("meta"), nullptr);
  xmlAddNextSibling(page.title, meta);
  set_attr(meta, "name", "description");
  set_attr(meta, "content", info.description.empty() ? info.title : info.description);
  add_share_tags(site, info, page);
  for (const auto& s : info.scripts) element(page.head, "script", {{"src", rel(s)}, {"defer", "defer"}});
  add_data_links(site, info, page);

  if (xmlNode* skip = page.slot("skip-link")) {
    set_attr(skip, "href", "#main");
    text(skip, site.msg(lang, "site.skip_link"));
  }
  if (xmlNode* home = page.slot("home-link")) {
    set_attr(home, "href", rel(urls::home(lang)));
    text(home, site_name);
  }
  if (xmlNode* nav = page.slot("site-nav"); nav && info.site_nav) {
    set_attr(nav, "aria-label", site.msg(lang, "site.nav_label"));
    xmlNode* ul = element(nav, "ul");
    auto item = [&](Section s, const std::string& key, const std::string& to) {
      xmlNode* a = element_text(element(ul, "li"), "a", site.msg(lang, key), {{"href", rel(to)}});
      if (s == info.section) set_attr(a, "aria-current", to == info.path ? "page" : "true");
    };
    item(Section::Plans, "site.nav_plans", urls::home(lang));
    item(Section::Organisations, "site.nav_organisations", urls::organisations(lang));
    item(Section::Search, "site.nav_search", urls::search(lang));
  }
  if (xmlNode* sw = page.slot("language-switch"); sw && !info.alternates.empty()) {
    set_attr(sw, "aria-label", site.msg(lang, "site.language_switch"));
    xmlNode* ul = element(sw, "ul");
    for (const auto& a : info.alternates)
      element_text(element(ul, "li"), "a", site.msg(a.lang, "site.language_name"),
                   {{"href", rel(a.path)}, {"hreflang", a.lang}, {"lang", a.lang}});
  }
  if (xmlNode* bc = page.slot("breadcrumb"); bc && !info.breadcrumb.empty()) {
    set_attr(bc, "aria-label", site.msg(lang, "site.breadcrumb"));
    xmlNode* ol = element(bc, "ol");
    for (const auto& c : info.breadcrumb) {
      xmlNode* li = element(ol, "li");
      if (c.path.empty())
        element_text(li, "span", c.label, {{"aria-current", "page"}});
      else
        element_text(li, "a", c.label, {{"href", rel(c.path)}});
    }
  }
  if (xmlNode* footer = page.slot("footer")) {
    auto issuer = site.footer_issuer.find(lang);
    if (issuer != site.footer_issuer.end() && !issuer->second.empty())
      element_text(footer, "p",
                   site.msg(lang, "site.footer",
                            {{"issuer", issuer->second}, {"country", site.loc(lang).country_name(site.footer_country)}}));
    element_text(footer, "p", site.msg(lang, "site.footer_generated"), {{"class", "generator"}});
    xmlNode* more = element(footer, "p", {{"class", "footer-links"}});
    element_text(more, "a", site.msg(lang, "site.about_title"), {{"href", rel(urls::about(lang))}});
    if (auto built = site.built.find(lang); built != site.built.end()) {
      // The date as a <time> inside the catalogue's sentence: formatted around a marker.
      const std::string marker = "\x01";
      const std::string line = site.msg(lang, "site.updated", {{"date", marker}});
      const size_t at = line.find(marker);
      xmlNode* p = element(footer, "p", {{"class", "updated"}});
      if (at == std::string::npos) {
        text(p, line);
      } else {
        text(p, line.substr(0, at));
        element_text(p, "time", built->second, {{"datetime", site.built_iso}});
        text(p, line.substr(at + marker.size()));
      }
    }
    // Shown in print only (site.css): where the printed page comes from.
    std::string where = site_name;
    if (!site.site_url.empty()) {
      const std::vector<MessageArg> args{{"site", site_name}, {"address", urls::absolute(site.site_url, info.path)}};
      where = site.msg(lang, "site.print_address", args);
    }
    element_text(footer, "p", where, {{"class", "print-address"}});
  }
  if (xmlNode* m = page.slot("main")) set_attr(m, "tabindex", "-1");
  return page;
}

void end_page(Site& site, Page& page) {
  finish_page(page);
  site.links[page.path] = links_of(xmlDocGetRootElement(page.doc.get()));
  site.add_file(page.path, serialize(page.doc.get()));
  site.pages.push_back(page.path);
}

namespace {

// The plain text of the prose that follows the heading `anchor`.
std::string text_after(const doc::Chapter& c, const std::string& anchor) {
  for (size_t i = 0; i + 1 < c.blocks.size(); ++i) {
    if (c.blocks[i].anchor != anchor) continue;
    const auto* p = std::get_if<doc::Prose>(&c.blocks[i + 1].content);
    if (p && !p->parts.empty()) return prose::plain_text(p->parts.front().value);
  }
  return {};
}

}  // namespace

std::string chapter_summary(const doc::Chapter& commitment) {
  std::string s = text_after(commitment, commitment.anchor + "-c");
  return s.empty() ? text_after(commitment, commitment.anchor + "-b") : s;
}

}  // namespace renaksi::html

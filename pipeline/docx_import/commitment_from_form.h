// A filled commitment form (the tables of a Word file) mapped onto the content format: which
// template profile and language it is in (from the labels found), each labelled row and grid
// column to its field, and the commitment file written at Draft 1. Nothing is guessed: a row,
// column or value that maps to no field, and a field of the form the file lacks, is a warning
// naming it and its place (table N, row M).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "docx_import/word_tables.h"
#include "locale/catalogue.h"
#include "model/plan.h"
#include "profile/template_profile.h"

namespace renaksi::docx_import {

struct ImportContext {
  std::vector<TemplateProfile> profiles;        // the profiles the file may follow
  std::map<std::string, Catalogue> catalogues;  // the languages it may be written in, by code
  const Plan* plan = nullptr;                   // --plan: organisations, themes, numbers and ids to map to
};

struct ImportedCommitment {
  std::string profile;  // the template profile recognised
  std::string lang;     // the language recognised
  std::string id;
  int number = 0;
  std::string xml;      // the commitment file
};

// Recognises the profile and language (the pair whose labels the tables hold most; I009 when
// fewer than three labels match any), maps the tables and writes the commitment file. False
// after an error (I009; I006 when there is no title, which a commitment needs).
bool commitment_from_tables(const std::vector<WordTable>& tables, const ImportContext& context, const std::string& file,
                            Diagnostics& diags, ImportedCommitment& out);

// A label as compared: whitespace collapsed, ASCII letters lowercased, a trailing ':' or '*'
// (a required-field mark) dropped.
std::string label_key(std::string_view label);

}  // namespace renaksi::docx_import

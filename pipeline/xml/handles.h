// Every libxml2 handle renaksi holds, as a unique_ptr that frees it with libxml2's own function.
#pragma once

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>
#include <libxml/xmlschemas.h>

#include <memory>

namespace renaksi {

// Calls `Free` on the pointer it is given.
template <auto Free>
struct XmlFreer {
  template <class T>
  void operator()(T* p) const {
    Free(p);
  }
};

using XmlDocPtr = std::unique_ptr<xmlDoc, XmlFreer<xmlFreeDoc>>;
// A node not (or no longer) in a document, freed with its subtree.
using XmlNodePtr = std::unique_ptr<xmlNode, XmlFreer<xmlFreeNode>>;
using XmlParserCtxtPtr = std::unique_ptr<xmlParserCtxt, XmlFreer<xmlFreeParserCtxt>>;
using XmlParserInputBufferPtr = std::unique_ptr<xmlParserInputBuffer, XmlFreer<xmlFreeParserInputBuffer>>;
using XmlBufferPtr = std::unique_ptr<xmlBuffer, XmlFreer<xmlBufferFree>>;
// Closing a save context flushes it.
using XmlSavePtr = std::unique_ptr<xmlSaveCtxt, XmlFreer<xmlSaveClose>>;

using RelaxNGPtr = std::unique_ptr<xmlRelaxNG, XmlFreer<xmlRelaxNGFree>>;
using RelaxNGParserCtxtPtr = std::unique_ptr<xmlRelaxNGParserCtxt, XmlFreer<xmlRelaxNGFreeParserCtxt>>;
using RelaxNGValidCtxtPtr = std::unique_ptr<xmlRelaxNGValidCtxt, XmlFreer<xmlRelaxNGFreeValidCtxt>>;

using XmlSchemaPtr = std::unique_ptr<xmlSchema, XmlFreer<xmlSchemaFree>>;
using XmlSchemaParserCtxtPtr = std::unique_ptr<xmlSchemaParserCtxt, XmlFreer<xmlSchemaFreeParserCtxt>>;
using XmlSchemaValidCtxtPtr = std::unique_ptr<xmlSchemaValidCtxt, XmlFreer<xmlSchemaFreeValidCtxt>>;

// A string libxml2 allocated (xmlGetProp, xmlNodeGetContent, …), freed with xmlFree (a
// function pointer libxml2 may change, so not a template argument).
struct XmlCharDeleter {
  void operator()(xmlChar* p) const { xmlFree(p); }
};
using XmlCharPtr = std::unique_ptr<xmlChar, XmlCharDeleter>;

}  // namespace renaksi

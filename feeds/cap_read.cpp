#include "feeds/cap_read.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <cstring>
#include <initializer_list>
#include <memory>
#include <utility>

namespace feeds {

namespace {

constexpr const char* kCapNamespace = "urn:oasis:names:tc:emergency:cap:1.2";

bool named(const xmlNode* n, const char* name) {
    return n->type == XML_ELEMENT_NODE && std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string text_of(const xmlNode* n) {
    std::unique_ptr<xmlChar, void (*)(void*)> t(xmlNodeGetContent(n), xmlFree);
    return t ? std::string(reinterpret_cast<const char*>(t.get())) : std::string();
}

// The text of each child of `parent` named `name`, first one only.
std::string child_text(const xmlNode* parent, const char* name) {
    for (const xmlNode* c = parent->children; c; c = c->next)
        if (named(c, name)) return text_of(c);
    return {};
}

// The text of each named child into the field beside it (one place for the element names).
template <class T>
void read_children(const xmlNode* parent, T& out,
                   std::initializer_list<std::pair<const char*, std::string T::*>> children) {
    for (const auto& child : children) out.*child.second = child_text(parent, child.first);
}

void read_area(const xmlNode* area, CapInfo& info) {
    for (const xmlNode* c = area->children; c; c = c->next) {
        if (named(c, "areaDesc")) info.area_descs.push_back(text_of(c));
        if (named(c, "geocode"))
            info.geocodes.emplace_back(child_text(c, "valueName"), child_text(c, "value"));
    }
}

CapInfo read_info(const xmlNode* n) {
    CapInfo info;
    if (auto l = child_text(n, "language"); !l.empty()) info.language = l;
    read_children(n, info,
                  {{"event", &CapInfo::event},
                   {"urgency", &CapInfo::urgency},
                   {"severity", &CapInfo::severity},
                   {"certainty", &CapInfo::certainty},
                   {"effective", &CapInfo::effective},
                   {"onset", &CapInfo::onset},
                   {"expires", &CapInfo::expires},
                   {"senderName", &CapInfo::sender_name},
                   {"headline", &CapInfo::headline},
                   {"description", &CapInfo::description},
                   {"instruction", &CapInfo::instruction},
                   {"web", &CapInfo::web}});
    for (const xmlNode* c = n->children; c; c = c->next)
        if (named(c, "area")) read_area(c, info);
    return info;
}

}  // namespace

CapRead read_cap(std::string_view text) {
    CapRead out;
    if (text.size() > kMaxCapBytes) {
        out.error = "over " + std::to_string(kMaxCapBytes) + " bytes: not read (a CAP alert is a few KB)";
        return out;
    }
    // UTF-8 only (as the feeds): a UTF-16 file would hide a DOCTYPE from the scan below.
    const std::size_t lead = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    const std::size_t first = text.find_first_not_of(" \t\r\n", lead);
    if (first == std::string_view::npos || text[first] != '<') {
        out.error = "not an XML document in UTF-8 (it must begin with \"<\")";
        return out;
    }
    // Entities (billion laughs) and external references (XXE) are declared in a DOCTYPE; CAP
    // has none. Refused before parsing, so no declaration is ever read.
    if (text.find("<!DOCTYPE") != std::string_view::npos || text.find("<!ENTITY") != std::string_view::npos) {
        out.error =
            "has a DOCTYPE or ENTITY declaration: refused (CAP needs none; entities and external "
            "references are not read)";
        return out;
    }
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
    std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
        xmlReadMemory(text.data(), int(text.size()), nullptr, nullptr, options), xmlFreeDoc);
    if (!doc) {
        const xmlError* e = xmlGetLastError();
        std::string why = e && e->message ? e->message : "unknown error";
        while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
        out.error = "not well-formed XML" + (e ? " (line " + std::to_string(e->line) + "): " + why : "");
        return out;
    }
    if (doc->intSubset || doc->extSubset) {  // belt and braces: the scan above should have caught it
        out.error = "has a DOCTYPE: refused";
        return out;
    }
    const xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root || !named(root, "alert") || !root->ns ||
        std::strcmp(reinterpret_cast<const char*>(root->ns->href), kCapNamespace) != 0) {
        out.error = std::string("not a CAP 1.2 alert: expected <alert xmlns=\"") + kCapNamespace + "\">";
        return out;
    }
    CapAlert a;
    read_children(root, a,
                  {{"identifier", &CapAlert::identifier},
                   {"sender", &CapAlert::sender},
                   {"sent", &CapAlert::sent},
                   {"status", &CapAlert::status},
                   {"msgType", &CapAlert::msg_type},
                   {"scope", &CapAlert::scope},
                   {"references", &CapAlert::references}});
    for (const xmlNode* c = root->children; c; c = c->next)
        if (named(c, "info")) a.infos.push_back(read_info(c));
    out.alert = std::move(a);
    return out;
}

}  // namespace feeds

// Which names on a slide are the screen's home municipality (--home) or highlighted by the
// slide's options: one folding rule for every view, so "KØGE", "Køge" and "køge" match alike
// wherever they are listed.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/feed_model.h"

// Lower case for ASCII and the Latin-1 letters in UTF-8 (Æ Ø Å and friends); other bytes as
// they are.
std::string folded(std::string_view text);

// Whether two texts are the same once folded.
bool same_text(std::string_view a, std::string_view b);

// Does any of `keys` (an id, a code, a name, an x label) match options.highlight or `home`?
// Folded as above; empty keys never match.
bool is_highlighted(const feeds::ViewOptions& options, std::string_view home,
                    std::initializer_list<std::string_view> keys);

// Whether `place` is the municipality `home` or a place named after it ("Køge Nord" for
// "Køge"). A municipality code ("259") matches no place name.
bool place_is_home(std::string_view place, std::string_view home);
bool places_include_home(const std::vector<std::string>& places, std::string_view home);

// Whether `text` names `home` as a word of its own, or in the genitive ("Køges").
bool text_names_home(std::string_view text, std::string_view home);

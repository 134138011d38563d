#include "feeds/csv_import.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "feeds/raw_text.h"

namespace feeds {

namespace {

using Json = nlohmann::ordered_json;

// Windows-1252's 0x80..0x9F; the rest of its upper half is Latin-1.
constexpr char16_t kCp1252High[32] = {0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
                                      0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

void put_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += char(c);
    } else if (c < 0x800) {
        out += char(0xC0 | (c >> 6));
        out += char(0x80 | (c & 0x3F));
    } else {
        out += char(0xE0 | (c >> 12));
        out += char(0x80 | ((c >> 6) & 0x3F));
        out += char(0x80 | (c & 0x3F));
    }
}

std::string from_windows_1252(std::string_view bytes) {
    std::string out;
    for (const unsigned char b : bytes)
        put_utf8(out, b < 0x80 ? b : b < 0xA0 ? char32_t(kCp1252High[b - 0x80]) : char32_t(b));
    return out;
}

std::string column_id(const std::string& label, std::size_t index) {
    std::string id;
    for (const unsigned char c : label) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            id += char(c);
        else if (c >= 'A' && c <= 'Z')
            id += char(c - 'A' + 'a');
        else if (!id.empty() && id.back() != '_')
            id += '_';
    }
    while (!id.empty() && id.back() == '_') id.pop_back();
    if (id.size() > 40) id.resize(40);
    return id.empty() ? "kolonne_" + std::to_string(index + 1) : id;
}

}  // namespace

CsvCells read_csv(std::string_view bytes) {
    CsvCells cells;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    std::string text;
    if (invalid_utf8_offset(bytes) == kNoOffset) {
        text = std::string(bytes);
    } else {
        text = from_windows_1252(bytes);
        cells.was_windows_1252 = true;
    }
    const char sep = text.find(';') != std::string::npos ? ';' : ',';
    cells.separator = sep;
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false, any = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                cell += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                cell += c;
        } else if (c == '"') {
            quoted = true, any = true;
        } else if (c == sep) {
            row.push_back(std::move(cell)), cell.clear(), any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !cell.empty()) row.push_back(std::move(cell));
            if (!row.empty()) cells.rows.push_back(std::move(row));
            row.clear(), cell.clear(), any = false;
        } else {
            cell += c, any = true;
        }
    }
    if (any || !cell.empty()) row.push_back(std::move(cell));
    if (!row.empty()) cells.rows.push_back(std::move(row));
    return cells;
}

CsvNumber read_danish_number(std::string_view cell, bool semicolon_file) {
    std::string t(cell);
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.pop_back();
    while (!t.empty() && (t.front() == ' ' || t.front() == '\t')) t.erase(0, 1);
    if (t.empty()) return {};
    bool negative = false;
    if (t.rfind("\u2212", 0) == 0)
        negative = true, t.erase(0, 3);
    else if (t[0] == '-')
        negative = true, t.erase(0, 1);
    const auto comma = t.find(',');
    const std::string whole = t.substr(0, comma);
    const std::string fraction = comma == std::string::npos ? "" : t.substr(comma + 1);
    auto digits = [](const std::string& s) {
        return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
    };
    const std::string shown = "\"" + std::string(cell) + "\"";
    if (comma != std::string::npos && !digits(fraction))
        return {std::nullopt, shown + " is not a number (a Danish number: 2,3 or 1.207,5)"};
    std::string plain;
    const auto dot = whole.find('.');
    if (dot == std::string::npos) {
        plain = whole;
    } else {
        // Points must group thousands: 1.207 or 12.345.678, the first group of 1 to 3 digits.
        bool grouped = dot >= 1 && dot <= 3;
        for (std::size_t i = dot; grouped && i < whole.size(); i += 4)
            grouped = whole[i] == '.' && i + 3 < whole.size() + 0 && digits(whole.substr(i + 1, 3)) &&
                      (i + 4 == whole.size() || whole[i + 4] == '.');
        if (!grouped)
            return {std::nullopt, shown +
                                      " is not a Danish number: a point only groups thousands (1.207); "
                                      "write decimals with a comma (2,5)"};
        const bool one_group = whole.find('.', dot + 1) == std::string::npos;
        if (one_group && comma == std::string::npos && !semicolon_file)
            return {std::nullopt, shown + " reads two ways: " + whole.substr(0, dot) + whole.substr(dot + 1) +
                                      " with a Danish thousands point, or " + whole +
                                      " with an English decimal point; write " + whole.substr(0, dot) +
                                      whole.substr(dot + 1) + " or " + whole.substr(0, dot) + "," +
                                      whole.substr(dot + 1)};
        for (const char c : whole)
            if (c != '.') plain += c;
    }
    if (!digits(plain)) return {std::nullopt, shown + " is not a number (a Danish number: 2,3 or 1.207,5)"};
    double v = std::stod(plain + (fraction.empty() ? "" : "." + fraction));
    return {negative ? -v : v, {}};
}

namespace {

// The name a file was saved by: "/tmp/Ledighed i Køge.csv" -> "Ledighed i Køge", '_' as ' '.
std::string title_from_file(const std::string& file) {
    std::string name = std::filesystem::path(file).stem().string();
    std::replace(name.begin(), name.end(), '_', ' ');
    return name;
}

// What the three shapes share while they read: the cells, where errors go, the file's name.
struct CsvReader {
    const CsvCells& cells;
    const std::string& file;
    std::vector<std::string>& errors;

    const std::vector<std::string>& header() const { return cells.rows[0]; }

    void fail(std::size_t row, std::size_t col, const std::string& why) const {
        const std::string name = col < header().size() ? header()[col] : "";
        errors.push_back(file + ": row " + std::to_string(row + 1) + ", column " + std::to_string(col + 1) +
                         (name.empty() ? "" : " (\"" + name + "\")") + ": " + why);
    }

    Json number(std::size_t r, std::size_t c) const {
        const std::string cell = c < cells.rows[r].size() ? cells.rows[r][c] : "";
        const CsvNumber n = read_danish_number(cell, cells.separator == ';');
        if (!n.error.empty()) fail(r, c, n.error);
        if (!n.value) return Json(nullptr);
        // Whole figures as whole numbers: 1350, not 1350.0.
        if (std::floor(*n.value) == *n.value && std::fabs(*n.value) < 1e15)
            return Json((long long)(*n.value));
        return Json(*n.value);
    }
};

// code; name; a column per figure. "Ledighed (%)": the unit in brackets at the end of a header.
void read_table(const CsvReader& in, Json& ds) {
    const auto& header = in.header();
    ds["columns"] = Json::array();
    for (std::size_t c = 2; c < header.size(); ++c) {
        const auto open = header[c].rfind(" (");
        const bool unit = open != std::string::npos && header[c].back() == ')';
        const std::string label = unit ? header[c].substr(0, open) : header[c];
        ds["columns"].push_back(
            {{"id", column_id(label, c)},
             {"label", label},
             {"unit", unit ? header[c].substr(open + 2, header[c].size() - open - 3) : ""}});
    }
    ds["rows"] = Json::array();
    for (std::size_t r = 1; r < in.cells.rows.size(); ++r) {
        Json values = Json::array();
        for (std::size_t c = 2; c < header.size(); ++c) values.push_back(in.number(r, c));
        const auto& row = in.cells.rows[r];
        ds["rows"].push_back({{"code", row[0]}, {"name", row.size() > 1 ? row[1] : ""}, {"values", values}});
    }
}

// x; a column per line.
void read_series(const CsvReader& in, Json& ds) {
    ds["unit"] = "";
    ds["lines"] = Json::array();
    for (std::size_t c = 1; c < in.header().size(); ++c) {
        Json points = Json::array();
        for (std::size_t r = 1; r < in.cells.rows.size(); ++r)
            points.push_back({{"x", in.cells.rows[r][0]}, {"value", in.number(r, c)}});
        ds["lines"].push_back({{"label", in.header()[c]}, {"points", points}});
    }
}

// An indicator's optional keys, a column each, named by its header: nothing written is dropped.
void read_indicator_extras(const CsvReader& in, std::size_t r, Json& item) {
    const auto& header = in.header();
    const auto& row = in.cells.rows[r];
    for (std::size_t c = 4; c < header.size(); ++c) {
        const std::string& key = header[c];
        const bool numeric = key == "target" || key == "previous";
        if (!numeric && key != "period" && key != "previous_period" && key != "note" && key != "qualifier") {
            if (r == 1)
                in.fail(0, c,
                        "unknown column: after id;label;value;unit come only period, note, target, "
                        "previous, previous_period or qualifier");
            continue;
        }
        const std::string cell = c < row.size() ? row[c] : "";
        if (!cell.empty()) item[key] = numeric ? in.number(r, c) : Json(cell);
    }
}

// id; label; value; unit; then optional columns.
void read_indicators(const CsvReader& in, Json& ds) {
    ds["items"] = Json::array();
    for (std::size_t r = 1; r < in.cells.rows.size(); ++r) {
        const auto& row = in.cells.rows[r];
        const Json value = in.number(r, 2);
        Json item = {{"id", row[0]},
                     {"label", row.size() > 1 ? row[1] : ""},
                     {"value", value.is_null() ? Json(0) : value},
                     {"unit", row.size() > 3 ? row[3] : ""}};
        if (value.is_null() && row.size() > 2 && row[2].empty()) in.fail(r, 2, "an indicator needs a value");
        read_indicator_extras(in, r, item);
        ds["items"].push_back(std::move(item));
    }
}

}  // namespace

CsvDataset csv_to_dataset(std::string_view bytes, const std::string& file, const std::string& type,
                          const std::string& dataset_id, const std::string& title) {
    CsvDataset out;
    const CsvCells cells = read_csv(bytes);
    const std::string kind = type == "table" ? "municipality_table" : type;
    const std::size_t fixed = kind == "municipality_table" ? 2
                              : kind == "series"           ? 1
                              : kind == "indicators"       ? 4
                                                           : 0;
    if (fixed == 0) {
        out.errors.push_back(file + ": --dataset-type " + type +
                             ": expected table (municipality_table), series or indicators");
        return out;
    }
    if (cells.rows.size() < 2 || cells.rows[0].size() < fixed + (kind == "indicators" ? 0 : 1)) {
        out.errors.push_back(file + ": expected a header row and at least one row of figures, with " +
                             (kind == "municipality_table" ? "code; name; a column per figure"
                              : kind == "series"           ? "x; a column per line"
                                                           : "id; label; value; unit"));
        return out;
    }
    Json ds = {{"id", dataset_id}, {"type", kind}, {"title", title.empty() ? title_from_file(file) : title}};
    const CsvReader in{cells, file, out.errors};
    if (kind == "municipality_table")
        read_table(in, ds);
    else if (kind == "series")
        read_series(in, ds);
    else
        read_indicators(in, ds);
    if (out.errors.empty()) out.json = ds.dump(2, ' ', false) + "\n";
    return out;
}

}  // namespace feeds

// --from-csv: a spreadsheet's CSV turned into a dataset to paste into a feed. Reads what Danish
// Excel and LibreOffice Calc write: UTF-8 (with or without a BOM) or Windows-1252, ';' as the
// separator (',' when no line has a ';'), Danish numbers ("2,3", "1.207,5", "−0,8"). A number
// that reads two ways ("1.207": 1207 in Danish, 1.207 in English) is refused with its row and
// column, never guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feeds {

// The file's cells, as UTF-8 text, rows of columns.
struct CsvCells {
    std::vector<std::vector<std::string>> rows;
    bool was_windows_1252 = false;
    char separator = ';';
};
CsvCells read_csv(std::string_view bytes);

// A Danish number: "2,3" -> 2.3, "1.207.000" -> 1207000, "" -> null (no figure). `error` says
// why not when it is not a number or is ambiguous. In a ';' file (Danish Excel, LibreOffice in
// a Danish locale) a point groups thousands, so "1.350" is 1350; in a ',' file "1.350" reads two
// ways (1350, or 1.35 with an English decimal point) and is refused.
struct CsvNumber {
    std::optional<double> value;
    std::string error;
};
CsvNumber read_danish_number(std::string_view cell, bool semicolon_file = true);

// The dataset as JSON text (2-space indent), or errors naming file, row and column. Its title
// is `title`, else the file's name without folder and extension ("Ledighed i Køge.csv" gives
// "Ledighed i Køge", "ledighed_koege.csv" "ledighed koege"): the name a publisher saved it by.
// `type`: "municipality_table" (or "table"): code; name; one column per figure (a header
//         "Ledighed (%)" gives the label "Ledighed" and the unit "%").
//         "series": x; one column per line.  "indicators": id; label; value; unit, then any of
//         period, note, target, previous, previous_period, qualifier (a column each, by header).
struct CsvDataset {
    std::string json;
    std::vector<std::string> errors;
};
CsvDataset csv_to_dataset(std::string_view bytes, const std::string& file, const std::string& type,
                          const std::string& dataset_id, const std::string& title = "");

}  // namespace feeds

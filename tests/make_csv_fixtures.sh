#!/bin/sh
# Makes tests/fixtures/csv/*.csv once, the way a data team's spreadsheet becomes a CSV: a
# spreadsheet with Danish number formats (decimal comma, thousands point) saved by LibreOffice
# Calc as CSV with ';' as the separator, in UTF-8 and in Windows-1252 (Danish Excel's own).
# The CSVs are committed, so CI needs no LibreOffice. Needs Debian's libreoffice-calc-nogui
# (not in platform/debian-packages.txt). Usage: tests/make_csv_fixtures.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/fixtures/csv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# One flat-ODS spreadsheet per fixture. Cells are real numbers in Danish number formats
# (number:language="da" number:country="DK"); the CSV holds them as shown.
sheet() {  # sheet NAME ROWS-XML
  cat > "$work/$1.fods" <<FODS
<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:styles>
  <style:default-style style:family="table-cell"><style:text-properties fo:language="da" fo:country="DK"/></style:default-style>
 </office:styles>
 <office:automatic-styles>
  <number:number-style style:name="N1" number:language="da" number:country="DK">
   <number:number number:decimal-places="1" number:min-integer-digits="1" number:grouping="true"/>
  </number:number-style>
  <number:number-style style:name="N0" number:language="da" number:country="DK">
   <number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>
  </number:number-style>
  <style:style style:name="d1" style:family="table-cell" style:data-style-name="N1"/>
  <style:style style:name="d0" style:family="table-cell" style:data-style-name="N0"/>
 </office:automatic-styles>
 <office:body><office:spreadsheet><table:table table:name="Ark1">
$2
 </table:table></office:spreadsheet></office:body>
</office:document>
FODS
}
t() { printf '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' "$1"; }
n() { printf '<table:table-cell table:style-name="%s" office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>' "$1" "$2" "$2"; }
e() { printf '<table:table-cell/>'; }
row() { printf '<table:table-row>%s</table:table-row>\n' "$*"; }

sheet kommuner "$(row "$(t Kode)$(t Kommune)$(t 'Ledighed (%)')$(t Ledige)")
$(row "$(t 259)$(t Køge)$(n d1 2.1)$(n d0 1350)")
$(row "$(t 370)$(t Næstved)$(n d1 2.8)$(e)")
$(row "$(t 336)$(t Stevns)$(n d1 1.9)$(n d0 12207)")"

sheet ledige_alder "$(row "$(t 'Alder')$(t 2020)$(t 2021)")
$(row "$(t '16-29 år')$(n d0 3120)$(n d0 2310)")
$(row "$(t '30-49 år')$(n d0 4480)$(n d0 3905)")
$(row "$(t '50+ år')$(n d1 3650.5)$(n d1 2890.25)")"

cd "$work"
# Filter options: 59 = ';', 34 = '"', then the character set: 76 = UTF-8, 1 = Windows-1252.
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):59,34,76' --outdir utf8 kommuner.fods ledige_alder.fods >/dev/null
soffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):59,34,1' --outdir cp1252 kommuner.fods >/dev/null
cp utf8/kommuner.csv "$out/kommuner_utf8.csv"
cp utf8/ledige_alder.csv "$out/ledige_alder_utf8.csv"
cp cp1252/kommuner.csv "$out/kommuner_windows1252.csv"
echo "wrote $(ls "$out" | tr '\n' ' ')"

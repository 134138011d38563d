// The status record in Prometheus's text exposition format (version 0.0.4), for
// node_exporter's textfile collector (--metrics-file): infotavle_build_info{version="…"},
// infotavle_feed_age_seconds{feed="…"}, infotavle_feed_failures_total{feed="…"}, … Every
// family has HELP and TYPE; counters end in _total, units are seconds and bytes (the names
// `promtool check metrics` asks for). What the record does not know is left out, never 0.
#pragma once

#include <string>
#include <string_view>

#include "app/status/record.h"

std::string prometheus_text(const StatusRecord& r);

// A label value with \, " and newline escaped.
std::string prometheus_label(std::string_view value);

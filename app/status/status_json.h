// The status record as JSON: the status file (--status-file) and the heartbeat's body. Field
// names are the record's; times are unix seconds; what is unknown is null.
#pragma once

#include <string>

#include "app/status/record.h"

std::string status_json(const StatusRecord& r);

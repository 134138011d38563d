// One HTTP(S) transfer: a libcurl easy handle set up from a FetchRequest, the buffers its
// callbacks fill, and the FetchResult made from it when it is done. Shared by the blocking
// fetch() and the FetchPool's multi interface, so both behave alike. Internal to feeds/.
#pragma once

#include <curl/curl.h>

#include <memory>
#include <string>

#include "feeds/fetch.h"

namespace feeds {

struct HttpTransfer {
    FetchRequest request;
    std::string label;
    CURL* easy = nullptr;  // owned
    curl_slist* headers = nullptr;
    char errbuf[CURL_ERROR_SIZE] = {};
    std::string body;
    bool too_big = false;
    std::string etag, last_modified, retry_after;  // of the final response

    HttpTransfer() = default;
    HttpTransfer(const HttpTransfer&) = delete;
    HttpTransfer& operator=(const HttpTransfer&) = delete;
    ~HttpTransfer();
};

// The label for messages: request.label, else the URL's file name.
std::string fetch_label(const FetchRequest& request);

// A transfer ready for curl_easy_perform or curl_multi_add_handle (callbacks point into the
// returned object, so it must stay where it is). nullptr when libcurl could not make a handle:
// `failed` then holds the result to report.
std::unique_ptr<HttpTransfer> make_transfer(FetchRequest request, FetchResult& failed);

// The result once libcurl has finished the transfer with `code`.
FetchResult finish_transfer(HttpTransfer& t, CURLcode code);

}  // namespace feeds

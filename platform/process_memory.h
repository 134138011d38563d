// Process-wide memory settings for a small box.
#pragma once

// glibc gives each thread that allocates its own heap arena. The kiosk's few fetch threads
// then each keep megabytes of touched pages (measured: 71 MB peak at first boot instead of
// 62 MB). One shared arena costs nothing here: the threads mostly wait on the network.
void limit_heap_arenas();

// Pictures (a 1920x1080 slide is 8 MB) are allocated and freed around every slide change. glibc
// would raise its mmap threshold on the first free and serve the next ones from the heap, which
// keeps freed pages; a fixed threshold keeps each large block in its own mapping, returned to the
// system when freed.
void return_large_blocks_at_once();

// Gives the free pages of the heap back to the system (malloc_trim); after a slide change.
void release_free_heap();

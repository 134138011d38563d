// Process-wide memory settings for a small box.
#pragma once

// glibc gives each thread that allocates its own heap arena. The kiosk's few fetch threads
// then each keep megabytes of touched pages (measured: 71 MB peak at first boot instead of
// 62 MB). One shared arena costs nothing here: the threads mostly wait on the network.
void limit_heap_arenas();

// Whole pictures (a slide or the window at 1920x1080: 8 MB) each in their own mapping, given back
// to the system when freed; smaller blocks from the heap, where SDL's per-draw scratch surfaces
// are reused without touching fresh pages (a fixed threshold also stops glibc raising it, and
// the heap's trim threshold, after the first large free).
void map_whole_pictures_apart();

// Gives the free pages of the heap back to the system (malloc_trim); after a slide change.
void release_free_heap();

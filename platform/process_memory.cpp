#include "platform/process_memory.h"

#include <cstdlib>  // defines __GLIBC__ on glibc systems

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void limit_heap_arenas() {
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, 1);
#endif
}

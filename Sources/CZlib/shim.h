#ifndef KB_CZLIB_SHIM_H
#define KB_CZLIB_SHIM_H
#include <zlib.h>

/// deflateInit2 is a macro in zlib.h (it passes the library's version and the
/// stream's size to deflateInit2_); Swift cannot call macros, so this wraps it.
static inline int kb_deflate_init_gzip(z_streamp stream, int level) {
    /* 15 window bits + 16: a gzip header and trailer instead of zlib's. */
    return deflateInit2(stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
}
#endif

#ifndef KB_CSTEMMER_SHIM_H
#define KB_CSTEMMER_SHIM_H
#include <libstemmer.h>
#endif

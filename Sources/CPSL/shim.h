#ifndef KB_CPSL_SHIM_H
#define KB_CPSL_SHIM_H
#include <libpsl.h>
#endif

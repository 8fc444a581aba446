#ifndef QUIZ_CZSTD_SHIM_H
#define QUIZ_CZSTD_SHIM_H
#include <zstd.h>
#endif

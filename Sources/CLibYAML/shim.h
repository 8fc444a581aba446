#ifndef QUIZ_CLIBYAML_SHIM_H
#define QUIZ_CLIBYAML_SHIM_H
#include <yaml.h>
#endif

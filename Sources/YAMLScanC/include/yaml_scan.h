#ifndef QUIZ_YAML_SCAN_H
#define QUIZ_YAML_SCAN_H
#include <stddef.h>
#include <stdint.h>

/// Runs libyaml's event parser over a buffer and does nothing else: the floor that the
/// Swift front end is measured against. Returns the number of events, or -1 on a YAML error.
long yaml_scan_count_events(const uint8_t *bytes, size_t length);

#endif

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What every fuzz target shares: the libFuzzer entry point (also called by
 * replay-main.c when the targets are built as ordinary tests) and a
 * set-up that turns GLib criticals and warnings into crashes, so that a
 * failed g_return_if_fail() counts as a find. */

#include <stddef.h>
#include <stdint.h>
#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static inline void
awb_fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&done, 1);
    }
}

/* The input as a C string: a copy cut at the first NUL byte, as a string from
 * the command line or a text field would be. */
static inline char *
awb_fuzz_string (const uint8_t *data,
                 size_t         size)
{
  return g_strndup ((const char *) data, size);
}

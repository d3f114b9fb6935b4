/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define AWB_ERROR (awb_error_quark ())

/**
 * AwbError:
 * Every refusal the core makes. The CLI maps all of them to exit status 2.
 */
typedef enum
{
  AWB_ERROR_INVALID,       /* a value the user gave is wrong (date, credit code, choice …) */
  AWB_ERROR_NOT_FOUND,     /* no such case, evidence, requirement … */
  AWB_ERROR_AMBIGUOUS,     /* an id prefix matches several records */
  AWB_ERROR_REFUSED,       /* a rule refuses the action (N/A not allowed, delete before retention …) */
  AWB_ERROR_LOCKED,        /* the case is with the expert panel */
  AWB_ERROR_FOREIGN_FILE,  /* a file that is not ours */
  AWB_ERROR_NEWER_VERSION, /* a file written by a newer version */
  AWB_ERROR_CATALOGUE,     /* a broken or incomplete catalogue */
  AWB_ERROR_EXISTS,        /* would overwrite a file we did not create */
  AWB_ERROR_IO,            /* reading or writing a file failed */
  AWB_ERROR_DATABASE,      /* SQLite failed */
  AWB_ERROR_CORRUPT,       /* verify found a problem */
} AwbError;

GQuark awb_error_quark (void);

G_END_DECLS

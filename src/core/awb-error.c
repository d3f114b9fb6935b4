/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-error"

#include "config.h"

#include "awb-error.h"

G_DEFINE_QUARK (awb-error-quark, awb_error)

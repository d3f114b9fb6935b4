/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "awb-window.h"

G_BEGIN_DECLS

/* For bench/gui-startup only; does nothing unless the environment asks. */
void awb_bench_attach (AwbWindow *window);

G_END_DECLS

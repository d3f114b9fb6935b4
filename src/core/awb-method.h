/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The three evaluation methods of the guide (§5.4): 文档审查, 人员访谈, 实际操作. */
typedef enum
{
  AWB_METHOD_DOCUMENT,
  AWB_METHOD_INTERVIEW,
  AWB_METHOD_DEMONSTRATION,
  AWB_N_METHODS
} AwbMethod;

#define AWB_METHOD_BIT(m) (1u << (m))

const char *awb_method_to_string   (AwbMethod method);
gboolean    awb_method_from_string (const char *text,
                                    AwbMethod  *out);
const char *awb_method_label       (AwbMethod method);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "awb-method.h"

G_BEGIN_DECLS

typedef enum
{
  AWB_REQUIREMENT_BASIC,
  AWB_REQUIREMENT_PROCESS_AREA,
} AwbRequirementKind;

#define AWB_TYPE_REQUIREMENT (awb_requirement_get_type ())
G_DECLARE_FINAL_TYPE (AwbRequirement, awb_requirement, AWB, REQUIREMENT, GObject)

const char         *awb_requirement_get_id          (AwbRequirement *self);
const char         *awb_requirement_get_section     (AwbRequirement *self);
const char         *awb_requirement_get_text_zh     (AwbRequirement *self);
const char         *awb_requirement_get_text_en     (AwbRequirement *self);
const char         *awb_requirement_get_text        (AwbRequirement *self);
AwbRequirementKind  awb_requirement_get_kind        (AwbRequirement *self);
gboolean            awb_requirement_get_na_allowed  (AwbRequirement *self);
guint               awb_requirement_get_methods     (AwbRequirement *self);
guint               awb_requirement_get_min_methods (AwbRequirement *self);
const char         *awb_requirement_get_sse_cmm     (AwbRequirement *self);
const char         *awb_requirement_get_check       (AwbRequirement *self);
const char         *awb_requirement_get_note        (AwbRequirement *self);
GPtrArray          *awb_requirement_get_hints       (AwbRequirement *self,
                                                     AwbMethod       method,
                                                     gboolean        chinese);

G_END_DECLS

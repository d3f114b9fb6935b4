/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define AWB_TYPE_SECTION (awb_section_get_type ())
G_DECLARE_FINAL_TYPE (AwbSection, awb_section, AWB, SECTION, GObject)

const char *awb_section_get_id           (AwbSection *self);
const char *awb_section_get_parent_id    (AwbSection *self);
const char *awb_section_get_title        (AwbSection *self);
const char *awb_section_get_title_zh     (AwbSection *self);
const char *awb_section_get_title_en     (AwbSection *self);
const char *awb_section_get_note         (AwbSection *self);
gboolean    awb_section_is_leaf          (AwbSection *self);
GListModel *awb_section_get_requirements (AwbSection *self);

G_END_DECLS

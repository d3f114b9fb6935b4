/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awb-requirement.h"
#include "awb-rules.h"
#include "awb-section.h"

G_BEGIN_DECLS

#define AWB_TYPE_CATALOGUE (awb_catalogue_get_type ())
G_DECLARE_FINAL_TYPE (AwbCatalogue, awb_catalogue, AWB, CATALOGUE, GObject)

AwbCatalogue   *awb_catalogue_new_from_bytes     (GBytes       *bytes,
                                                  const char   *origin,
                                                  GError      **error);
AwbCatalogue   *awb_catalogue_new_from_file      (const char   *path,
                                                  GError      **error);
const char     *awb_catalogue_get_id             (AwbCatalogue *self);
const char     *awb_catalogue_get_version        (AwbCatalogue *self);
const char     *awb_catalogue_get_title          (AwbCatalogue *self);
const char     *awb_catalogue_get_origin         (AwbCatalogue *self);
const char     *awb_catalogue_get_source         (AwbCatalogue *self);
GListModel     *awb_catalogue_get_sections       (AwbCatalogue *self);
GListModel     *awb_catalogue_get_requirements   (AwbCatalogue *self);
guint           awb_catalogue_get_n_requirements (AwbCatalogue *self);
AwbRequirement *awb_catalogue_get_requirement    (AwbCatalogue *self,
                                                  guint         position);
AwbRequirement *awb_catalogue_lookup             (AwbCatalogue *self,
                                                  const char   *requirement_id);
AwbSection     *awb_catalogue_lookup_section     (AwbCatalogue *self,
                                                  const char   *section_id);
const AwbRules *awb_catalogue_get_rules          (AwbCatalogue *self);

G_END_DECLS

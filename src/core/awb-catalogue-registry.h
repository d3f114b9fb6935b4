/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "awb-catalogue.h"

G_BEGIN_DECLS

#define AWB_BUILTIN_CATALOGUE_ID "cnitsec-cloud-l1-2025"

#define AWB_TYPE_CATALOGUE_REGISTRY (awb_catalogue_registry_get_type ())
G_DECLARE_FINAL_TYPE (AwbCatalogueRegistry, awb_catalogue_registry, AWB, CATALOGUE_REGISTRY, GObject)

AwbCatalogueRegistry *awb_catalogue_registry_get_default (void);
AwbCatalogueRegistry *awb_catalogue_registry_new         (const char * const   *dirs);
GListModel           *awb_catalogue_registry_get_catalogues (AwbCatalogueRegistry *self);
GPtrArray            *awb_catalogue_registry_get_problems   (AwbCatalogueRegistry *self);
AwbCatalogue         *awb_catalogue_registry_lookup      (AwbCatalogueRegistry *self,
                                                          const char           *id,
                                                          const char           *version,
                                                          GError              **error);

G_END_DECLS

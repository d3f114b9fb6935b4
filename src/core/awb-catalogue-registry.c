/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-catalogue-registry"
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "awb-error.h"
#include "awb-catalogue-registry.h"

/* Every catalogue the program knows: the built-in one (a GResource, so the
 * binaries work straight from build/), then the installed data dir, then
 * $XDG_DATA_HOME/assessor-workbench/catalogues. Another category or level is a
 * new JSON file there, not new code. A file that does not load is kept as a
 * problem to report, never silently dropped, and never stops the others. */

#define BUILTIN_RESOURCE "/io/github/assessorworkbench/Workbench/catalogues/cnitsec-cloud-l1-2025.json"

struct _AwbCatalogueRegistry
{
  GObject     parent_instance;

  GListStore *catalogues;
  GPtrArray  *problems;
};

G_DEFINE_FINAL_TYPE (AwbCatalogueRegistry, awb_catalogue_registry, G_TYPE_OBJECT)

static void
awb_catalogue_registry_finalize (GObject *object)
{
  AwbCatalogueRegistry *self = (AwbCatalogueRegistry *) object;

  g_clear_object (&self->catalogues);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (awb_catalogue_registry_parent_class)->finalize (object);
}

static void
awb_catalogue_registry_class_init (AwbCatalogueRegistryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = awb_catalogue_registry_finalize;
}

static void
awb_catalogue_registry_init (AwbCatalogueRegistry *self)
{
  self->catalogues = g_list_store_new (AWB_TYPE_CATALOGUE);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

static AwbCatalogue *
find (AwbCatalogueRegistry *self,
      const char           *id,
      const char           *version)
{
  GListModel *model = G_LIST_MODEL (self->catalogues);
  AwbCatalogue *best = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(AwbCatalogue) cat = g_list_model_get_item (model, i);

      if (!g_str_equal (awb_catalogue_get_id (cat), id))
        continue;
      if (version != NULL)
        {
          if (g_str_equal (awb_catalogue_get_version (cat), version))
            return cat;
          continue;
        }
      if (best == NULL || strverscmp (awb_catalogue_get_version (cat),
                                      awb_catalogue_get_version (best)) > 0)
        best = cat;
    }
  return best;
}

static void
add (AwbCatalogueRegistry *self,
     AwbCatalogue         *cat)
{
  AwbCatalogue *existing = find (self, awb_catalogue_get_id (cat), awb_catalogue_get_version (cat));

  if (existing != NULL)
    {
      g_ptr_array_add (self->problems,
                       g_strdup_printf (_("Catalogue %s is ignored: %s version %s is already "
                                        "provided by %s"),
                                        awb_catalogue_get_origin (cat),
                                        awb_catalogue_get_id (cat),
                                        awb_catalogue_get_version (cat),
                                        awb_catalogue_get_origin (existing)));
      return;
    }
  g_list_store_append (self->catalogues, cat);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static void
scan_dir (AwbCatalogueRegistry *self,
          const char           *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir_path, names->pdata[i], NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(AwbCatalogue) cat = awb_catalogue_new_from_file (path, &error);

      if (cat == NULL)
        g_ptr_array_add (self->problems, g_strdup (error->message));
      else
        add (self, cat);
    }
}

/* dirs: the folders to scan after the built-in catalogue, in order. */
AwbCatalogueRegistry *
awb_catalogue_registry_new (const char * const *dirs)
{
  AwbCatalogueRegistry *self = g_object_new (AWB_TYPE_CATALOGUE_REGISTRY, NULL);
  g_autoptr(GBytes) builtin = NULL;
  g_autoptr(GError) error = NULL;

  builtin = g_resources_lookup_data (BUILTIN_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (builtin != NULL)
    {
      g_autoptr(AwbCatalogue) cat =
        awb_catalogue_new_from_bytes (builtin, "resource://" BUILTIN_RESOURCE, &error);

      if (cat != NULL)
        add (self, cat);
    }
  if (error != NULL)
    g_ptr_array_add (self->problems, g_strdup (error->message));

  for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
    scan_dir (self, dirs[i]);

  return self;
}

/* The registry over the standard places, made once per process. */
AwbCatalogueRegistry *
awb_catalogue_registry_get_default (void)
{
  static AwbCatalogueRegistry *registry;

  if (g_once_init_enter (&registry))
    {
      g_autofree char *installed = g_build_filename (PKGDATADIR, "catalogues", NULL);
      g_autofree char *user = g_build_filename (g_get_user_data_dir (), "assessor-workbench",
                                                "catalogues", NULL);
      const char *dirs[] = { installed, user, NULL };

      g_once_init_leave (&registry, awb_catalogue_registry_new (dirs));
    }
  return registry;
}

/* A model of AwbCatalogue, in the order they were found. */
GListModel *
awb_catalogue_registry_get_catalogues (AwbCatalogueRegistry *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE_REGISTRY (self), NULL);
  return G_LIST_MODEL (self->catalogues);
}

/* Messages about catalogue files that were not loaded. */
GPtrArray *
awb_catalogue_registry_get_problems (AwbCatalogueRegistry *self)
{
  g_return_val_if_fail (AWB_IS_CATALOGUE_REGISTRY (self), NULL);
  return self->problems;
}

/* version NULL: the newest version of that id. Borrowed. */
AwbCatalogue *
awb_catalogue_registry_lookup (AwbCatalogueRegistry *self,
                               const char           *id,
                               const char           *version,
                               GError              **error)
{
  AwbCatalogue *cat;

  g_return_val_if_fail (AWB_IS_CATALOGUE_REGISTRY (self), NULL);

  cat = find (self, id, version);
  if (cat == NULL)
    {
      if (version != NULL && find (self, id, NULL) != NULL)
        g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                     _("Catalogue “%s” version “%s” is not installed; the case was assessed "
                     "against it — install that catalogue file to open the case"),
                     id, version);
      else
        g_set_error (error, AWB_ERROR, AWB_ERROR_NOT_FOUND,
                     _("No catalogue “%s” (see “awb catalogue list”)"), id);
    }
  return cat;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-window.h"
#include "awb-application.h"

/* The application: parses --db, opens the database once, and opens windows on it.
 * Each process owns its database (NON_UNIQUE), so two windows on two databases
 * never hand their work to each other. */

struct _AwbApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  AwbDatabase    *db;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (AwbApplication, awb_application, ADW_TYPE_APPLICATION)

static void
awb_application_dispose (GObject *object)
{
  AwbApplication *self = (AwbApplication *) object;

  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (awb_application_parent_class)->dispose (object);
}

static void
show_fatal (AwbApplication *self,
            const char     *message)
{
  GtkWidget *dialog;

  g_printerr ("assessor-workbench: %s\n", message);
  dialog = adw_message_dialog_new (NULL, _("The database cannot be opened"), message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
awb_application_activate (GApplication *app)
{
  AwbApplication *self = AWB_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->db == NULL)
    {
      g_autofree char *path = self->db_path != NULL ? g_strdup (self->db_path)
                                                    : awb_database_default_path ();

      self->db = awb_database_open (path, &error);
      if (self->db == NULL)
        {
          show_fatal (self, error->message);
          return;
        }
    }

  window = GTK_WINDOW (awb_window_new (self));
  gtk_window_present (window);
}

static int
awb_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  AwbApplication *self = AWB_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->db_path = g_strdup (db);
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("assessor-workbench %s\n", PACKAGE_VERSION);
      return 0;
    }
  return -1;
}

static void
awb_application_startup (GApplication *app)
{
  AwbApplication *self = AWB_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (awb_application_parent_class)->startup (app);

  /* Running from build/ with nothing installed: no schema means defaults. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
on_quit_activated_cb (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static void
awb_application_class_init (AwbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = awb_application_dispose;
  app_class->activate = awb_application_activate;
  app_class->startup = awb_application_startup;
  app_class->handle_local_options = awb_application_handle_local_options;
}

static void
awb_application_init (AwbApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database file"), N_("FILE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };
  g_autoptr(GSimpleAction) quit = g_simple_action_new ("quit", NULL);

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_signal_connect (quit, "activate", G_CALLBACK (on_quit_activated_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (quit));
}

AwbApplication *
awb_application_new (void)
{
  return g_object_new (AWB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/assessorworkbench/Workbench",
                       NULL);
}

AwbDatabase *
awb_application_get_database (AwbApplication *self)
{
  g_return_val_if_fail (AWB_IS_APPLICATION (self), NULL);
  return self->db;
}

/* NULL when the schema is not installed (running from build/). */
GSettings *
awb_application_get_settings (AwbApplication *self)
{
  g_return_val_if_fail (AWB_IS_APPLICATION (self), NULL);
  return self->settings;
}

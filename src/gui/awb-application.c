/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-bench.h"
#include "awb-case.h"
#include "awb-demo.h"
#include "awb-history.h"
#include "awb-window.h"
#include "awb-application.h"

/* The application: parses --db and --case, opens the database once, makes a
 * demo case on the first run, and opens windows on it. Each process owns its
 * database (NON_UNIQUE), so two windows on two databases never hand their
 * work to each other. */

struct _AwbApplication
{
  AdwApplication  parent_instance;

  char           *db_path;
  char           *case_id;
  char           *evaluator;   /* when there is no settings schema */
  char           *actor;
  AwbDatabase    *db;
  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (AwbApplication, awb_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_EVALUATOR_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
settings_have (AwbApplication *self,
               const char     *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (self->settings == NULL)
    return FALSE;
  g_object_get (self->settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, key);
}

static void
on_settings_changed_cb (GSettings      *settings,
                        const char     *key,
                        AwbApplication *self)
{
  if (g_str_equal (key, "evaluator-name"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATOR_NAME]);
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

static gboolean
make_demo_if_empty (AwbApplication *self,
                    GError        **error)
{
  g_autoptr(GListModel) cases = awb_case_list (self->db, error);
  g_autofree char *id = NULL;

  if (cases == NULL)
    return FALSE;
  if (g_list_model_get_n_items (cases) > 0)
    return TRUE;
  id = awb_demo_create (self->db, error);
  return id != NULL;
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

      if (!awb_application_open_database (self, path, &error))
        {
          show_fatal (self, error->message);
          return;
        }
    }

  window = GTK_WINDOW (awb_window_new (self));
  awb_bench_attach (AWB_WINDOW (window));
  gtk_window_present (window);
}

static int
awb_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  AwbApplication *self = AWB_APPLICATION (app);
  const char *db = NULL;
  const char *case_id = NULL;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->db_path = g_strdup (db);
  if (g_variant_dict_lookup (options, "case", "&s", &case_id))
    self->case_id = g_strdup (case_id);
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
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      g_signal_connect (self->settings, "changed", G_CALLBACK (on_settings_changed_cb), self);
    }

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
on_quit_activated_cb (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* closing the windows commits what is being typed */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
  g_application_quit (G_APPLICATION (app));
}

static void
on_about_activated_cb (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { _("The Assessor Workbench developers"), NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Assessor Workbench"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Evidence, ratings and conclusions for the information "
                                      "security service qualification assessment"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
awb_application_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  AwbApplication *self = AWB_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_EVALUATOR_NAME:
      g_value_take_string (value, awb_application_get_evaluator_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_application_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  AwbApplication *self = AWB_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_EVALUATOR_NAME:
      awb_application_set_evaluator_name (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_application_dispose (GObject *object)
{
  AwbApplication *self = (AwbApplication *) object;

  g_clear_object (&self->db);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->db_path, g_free);
  g_clear_pointer (&self->case_id, g_free);
  g_clear_pointer (&self->evaluator, g_free);
  g_clear_pointer (&self->actor, g_free);

  G_OBJECT_CLASS (awb_application_parent_class)->dispose (object);
}

static void
awb_application_class_init (AwbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = awb_application_dispose;
  object_class->get_property = awb_application_get_property;
  object_class->set_property = awb_application_set_property;
  app_class->activate = awb_application_activate;
  app_class->startup = awb_application_startup;
  app_class->handle_local_options = awb_application_handle_local_options;

  /* The name recorded as the actor of the window's edits ("" for the account's). */
  properties[PROP_EVALUATOR_NAME] = g_param_spec_string ("evaluator-name", NULL, NULL, "",
                                                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                         | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
awb_application_init (AwbApplication *self)
{
  static const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open this database file"), N_("FILE") },
    { "case", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open this case (its id or first 8 characters)"),
      N_("CASE") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and exit"), NULL },
    { NULL }
  };
  g_autoptr(GSimpleAction) quit = g_simple_action_new ("quit", NULL);
  g_autoptr(GSimpleAction) about = g_simple_action_new ("about", NULL);

  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_signal_connect (quit, "activate", G_CALLBACK (on_quit_activated_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (quit));
  g_signal_connect (about, "activate", G_CALLBACK (on_about_activated_cb), self);
  g_action_map_add_action (G_ACTION_MAP (self), G_ACTION (about));
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

/* Opens path (creating it) as the application's database; on the first run,
 * when it has no case, creates the demo case. */
gboolean
awb_application_open_database (AwbApplication *self,
                               const char     *path,
                               GError        **error)
{
  g_autoptr(AwbDatabase) db = NULL;
  g_autoptr(GError) demo_error = NULL;

  g_return_val_if_fail (AWB_IS_APPLICATION (self), FALSE);

  db = awb_database_open (path, error);
  if (db == NULL)
    return FALSE;
  g_set_object (&self->db, db);
  /* the first run shows a worked example rather than an empty window */
  if (!make_demo_if_empty (self, &demo_error))
    g_warning ("Cannot create the demo case: %s", demo_error->message);
  return TRUE;
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

/* The case given with --case, or NULL. */
const char *
awb_application_get_case_to_open (AwbApplication *self)
{
  g_return_val_if_fail (AWB_IS_APPLICATION (self), NULL);
  return self->case_id;
}

/* The evaluator's name as set in the preferences ("" when not set). */
char *
awb_application_get_evaluator_name (AwbApplication *self)
{
  g_return_val_if_fail (AWB_IS_APPLICATION (self), NULL);

  if (settings_have (self, "evaluator-name"))
    return g_settings_get_string (self->settings, "evaluator-name");
  return g_strdup (self->evaluator != NULL ? self->evaluator : "");
}

/* Kept in GSettings when the schema is installed, else for this run only. */
void
awb_application_set_evaluator_name (AwbApplication *self,
                                    const char     *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name != NULL ? name : ""));
  g_autofree char *current = NULL;

  g_return_if_fail (AWB_IS_APPLICATION (self));

  current = awb_application_get_evaluator_name (self);
  if (g_str_equal (current, stripped))
    return;
  if (settings_have (self, "evaluator-name"))
    {
      /* the "changed" handler notifies */
      g_settings_set_string (self->settings, "evaluator-name", stripped);
      return;
    }
  g_free (self->evaluator);
  self->evaluator = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVALUATOR_NAME]);
}

/* Who the history names for this window's edits. */
const char *
awb_application_get_actor (AwbApplication *self)
{
  g_return_val_if_fail (AWB_IS_APPLICATION (self), NULL);

  g_free (self->actor);
  self->actor = awb_application_get_evaluator_name (self);
  if (*self->actor == '\0')
    return awb_history_default_actor ();
  return self->actor;
}

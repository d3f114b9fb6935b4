/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "awb-application.h"
#include "awb-assessment.h"
#include "awb-case-page.h"
#include "awb-case-sidebar.h"
#include "awb-conclusion-page.h"
#include "awb-evidence.h"
#include "awb-evidence-dialog.h"
#include "awb-finding-dialog.h"
#include "awb-history-page.h"
#include "awb-new-case-dialog.h"
#include "awb-overview-page.h"
#include "awb-panel-page.h"
#include "awb-preferences-window.h"
#include "awb-project-dialog.h"
#include "awb-registers-page.h"
#include "awb-requirement-page.h"
#include "awb-requirement-row.h"
#include "awb-requirements-page.h"
#include "awb-session.h"
#include "awb-staff-dialog.h"
#include "awb-window.h"

/* Widget tests of the workbench under a real display: every template loads,
 * the window's actions are enabled and disabled as the open case allows, and
 * the views follow the core's models after an edit. */

typedef struct
{
  char           *dir;
  AwbApplication *app;
  AwbDatabase    *db;
} Fixture;

/* One registered application for the whole run; each test opens its own database. */
static AwbApplication *application;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("awb-widgets-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "w.db", NULL);
  f->app = application;
  g_assert_true (awb_application_open_database (f->app, path, &error));
  g_assert_no_error (error);
  f->db = awb_application_get_database (f->app);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (f->app));

  while (windows != NULL)
    {
      gtk_window_destroy (windows->data);
      windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
    }
  spin ();
  remove_tree (f->dir);
  g_free (f->dir);
}


static char *
demo_case_id (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cases = awb_case_list (f->db, &error);
  g_autoptr(AwbCase) kase = NULL;

  g_assert_no_error (error);
  /* the first run made the demo case */
  g_assert_cmpuint (g_list_model_get_n_items (cases), ==, 1);
  kase = g_list_model_get_item (cases, 0);
  g_assert_true (awb_case_get_is_demo (kase));
  return g_strdup (awb_case_get_id (kase));
}

static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *, gconstpointer),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_action_name (GtkWidget     *widget,
                 gconstpointer  name)
{
  return GTK_IS_BUTTON (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0
         && gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget)) == NULL;
}

static gboolean
action_enabled (GtkWidget  *window,
                const char *action)
{
  GtkWidget *button = find_widget (window, has_action_name, action);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static gboolean
is_type (GtkWidget     *widget,
         gconstpointer  type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (type));
}

/* Every widget's template loads and the widget goes away cleanly. */
static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  GType types[] = {
    AWB_TYPE_CASE_SIDEBAR, AWB_TYPE_CASE_PAGE, AWB_TYPE_REQUIREMENTS_PAGE,
    AWB_TYPE_REQUIREMENT_PAGE, AWB_TYPE_REQUIREMENT_ROW, AWB_TYPE_OVERVIEW_PAGE,
    AWB_TYPE_REGISTERS_PAGE, AWB_TYPE_CONCLUSION_PAGE, AWB_TYPE_PANEL_PAGE,
    AWB_TYPE_HISTORY_PAGE,
  };
  g_autofree char *case_id = demo_case_id (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbSession) session = awb_session_new (f->db, case_id, NULL, &error);
  GtkWidget *window = GTK_WIDGET (awb_window_new (f->app));
  GtkWidget *dialogs[6];

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (widget, types[i]));
      g_assert_finalize_object (widget);
    }

  dialogs[0] = awb_evidence_dialog_new_item (GTK_WINDOW (window), session, NULL,
                                             AWB_METHOD_INTERVIEW, NULL);
  dialogs[1] = awb_finding_dialog_new (GTK_WINDOW (window), session, "3.3-2", NULL);
  dialogs[2] = awb_new_case_dialog_new (GTK_WINDOW (window), f->db, case_id);
  dialogs[3] = awb_staff_dialog_new (GTK_WINDOW (window), session, NULL);
  dialogs[4] = awb_project_dialog_new (GTK_WINDOW (window), session, NULL);
  dialogs[5] = awb_preferences_window_new (GTK_WINDOW (window));
  for (guint i = 0; i < G_N_ELEMENTS (dialogs); i++)
    {
      g_assert_true (GTK_IS_WINDOW (dialogs[i]));
      gtk_window_destroy (GTK_WINDOW (dialogs[i]));
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Export and new evidence need an open case; cancelling needs an export. */
static void
test_actions (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *case_id = demo_case_id (f);
  g_autoptr(GError) error = NULL;
  AwbWindow *window = awb_window_new (f->app);

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  /* the only case opens by itself */
  g_assert_nonnull (awb_window_get_session (window));
  g_assert_true (action_enabled (GTK_WIDGET (window), "win.export"));
  g_assert_true (action_enabled (GTK_WIDGET (window), "win.new-evidence"));
  g_assert_false (action_enabled (GTK_WIDGET (window), "win.cancel-export"));
  g_assert_false (action_enabled (GTK_WIDGET (window), "win.reopen-case"));

  awb_window_close_case (window);
  spin ();
  g_assert_null (awb_window_get_session (window));
  g_assert_false (action_enabled (GTK_WIDGET (window), "win.export"));
  /* the portfolio of all cases needs no open case (its menu item has no button:
   * a button made here reads the action's state) */
  {
    GtkWidget *probe = gtk_button_new ();

    gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), "win.export-portfolio");
    gtk_widget_set_parent (probe, GTK_WIDGET (window));
    spin ();
    g_assert_true (gtk_widget_get_sensitive (probe));
    gtk_widget_unparent (probe);
  }
  g_assert_false (action_enabled (GTK_WIDGET (window), "win.new-evidence"));
  g_assert_true (action_enabled (GTK_WIDGET (window), "win.new-case"));

  g_assert_true (awb_window_open_case (window, case_id, &error));
  g_assert_no_error (error);
  g_assert_true (action_enabled (GTK_WIDGET (window), "win.export"));
  /* the case to open next time */
  if (awb_application_get_settings (f->app) != NULL)
    {
      g_autofree char *last = g_settings_get_string (awb_application_get_settings (f->app),
                                                     "last-case-id");

      g_assert_cmpstr (last, ==, case_id);
    }

  /* a case id nobody has is refused, and the open case stays */
  g_assert_false (awb_window_open_case (window, "00000000-no-such-case", &error));
  g_assert_nonnull (error);
  g_assert_cmpstr (awb_session_get_case_id (awb_window_get_session (window)), ==, case_id);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_row_of (GtkWidget     *widget,
           gconstpointer  requirement_id)
{
  const char *summary;

  if (!AWB_IS_REQUIREMENT_ROW (widget))
    return FALSE;
  summary = awb_requirement_row_get_summary (AWB_REQUIREMENT_ROW (widget));
  return summary != NULL && g_str_has_prefix (summary, requirement_id)
         && summary[strlen (requirement_id)] == ' ';
}

/* An edit through the core, then a refresh: the tree's row and the session's
 * judgement both show it. */
static void
test_models_update_views (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *case_id = demo_case_id (f);
  g_autoptr(GError) error = NULL;
  AwbWindow *window = awb_window_new (f->app);
  AwbSession *session;
  GtkWidget *row;
  const AwbRequirementJudgement *j;
  AwbEvidenceNew params = { 0 };
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_evidence_link_free);
  g_autofree char *id = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  session = awb_window_get_session (window);
  g_assert_nonnull (session);
  spin ();

  /* 3.4-1 has a document and an interview in the demo, no demonstration */
  j = awb_judgement_lookup (awb_session_get_judgement (session), "3.4-1");
  g_assert_cmpuint (j->supporting[AWB_METHOD_DEMONSTRATION], ==, 0);
  g_assert_cmpint (j->sufficiency, ==, AWB_SUFFICIENCY_INSUFFICIENT);
  row = find_widget (GTK_WIDGET (window), is_row_of, "3.4-1");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (awb_requirement_row_get_summary (AWB_REQUIREMENT_ROW (row)),
                            "demonstrations 0"));

  g_ptr_array_add (links, awb_evidence_link_new ("3.4-1", AWB_SUPPORTS_YES));
  params.method = AWB_METHOD_DEMONSTRATION;
  params.title = "Project management tool shown live";
  params.links = links;
  id = awb_evidence_add (f->db, case_id, &params, &error);
  g_assert_no_error (error);
  g_assert_true (awb_rating_set (f->db, case_id, "3.4-1", AWB_RATING_CONFORMANT, "", NULL, &error));
  g_assert_no_error (error);

  awb_session_refresh (session, AWB_SESSION_EVIDENCE | AWB_SESSION_RATINGS);
  spin ();
  j = awb_judgement_lookup (awb_session_get_judgement (session), "3.4-1");
  g_assert_cmpuint (j->supporting[AWB_METHOD_DEMONSTRATION], ==, 1);
  g_assert_cmpint (j->sufficiency, ==, AWB_SUFFICIENCY_SUFFICIENT);
  g_assert_cmpint (j->rating, ==, AWB_RATING_CONFORMANT);
  row = find_widget (GTK_WIDGET (window), is_row_of, "3.4-1");
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (awb_requirement_row_get_summary (AWB_REQUIREMENT_ROW (row)),
                            "demonstrations 1"));
  g_assert_nonnull (strstr (awb_requirement_row_get_summary (AWB_REQUIREMENT_ROW (row)),
                            "Conformant"));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_type,
                                 GSIZE_TO_POINTER (AWB_TYPE_REQUIREMENT_PAGE)));

  /* deleting asks nothing; the toast's Undo brings the item back */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.delete-evidence", "s", id));
  spin ();
  j = awb_judgement_lookup (awb_session_get_judgement (session), "3.4-1");
  g_assert_cmpuint (j->supporting[AWB_METHOD_DEMONSTRATION], ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo-delete-evidence", "s",
                                             id));
  spin ();
  j = awb_judgement_lookup (awb_session_get_judgement (session), "3.4-1");
  g_assert_cmpuint (j->supporting[AWB_METHOD_DEMONSTRATION], ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("AWB_USER", "Widget Test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  application = awb_application_new ();
  g_application_register (G_APPLICATION (application), NULL, &error);
  g_assert_no_error (error);

  g_test_add ("/gui/templates", Fixture, NULL, fixture_set_up, test_templates, fixture_tear_down);
  g_test_add ("/gui/actions", Fixture, NULL, fixture_set_up, test_actions, fixture_tear_down);
  g_test_add ("/gui/models-update-views", Fixture, NULL, fixture_set_up, test_models_update_views,
              fixture_tear_down);
  return g_test_run ();
}

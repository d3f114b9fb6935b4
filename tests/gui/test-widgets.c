/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "awb-application.h"
#include "awb-assessment.h"
#include "awb-case-page.h"
#include "awb-case-sidebar.h"
#include "awb-conclusion-page.h"
#include "awb-conflict-row.h"
#include "awb-conflicts-page.h"
#include "awb-database-private.h"
#include "awb-evidence.h"
#include "awb-evidence-dialog.h"
#include "awb-finding-dialog.h"
#include "awb-history.h"
#include "awb-history-page.h"
#include "awb-history-item.h"
#include "awb-history-row.h"
#include "awb-new-case-dialog.h"
#include "awb-overview-page.h"
#include "awb-package.h"
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
 * the window's actions are enabled and disabled as the open case allows, the
 * views follow the core's models after an edit, and case packages go in and
 * out through the window with their conflicts decided on the Conflicts page. */

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

/* An action's state where no button shows it (a menu item): a button made
 * here reads it. */
static gboolean
probe_enabled (GtkWidget  *window,
               const char *action)
{
  GtkWidget *probe = gtk_button_new ();
  gboolean enabled;

  /* hidden: a window does not allocate a child it does not know of */
  gtk_widget_set_visible (probe, FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (probe), action);
  gtk_widget_set_parent (probe, window);
  spin ();
  enabled = gtk_widget_get_sensitive (probe);
  gtk_widget_unparent (probe);
  return enabled;
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
    AWB_TYPE_HISTORY_PAGE, AWB_TYPE_CONFLICTS_PAGE, AWB_TYPE_CONFLICT_ROW,
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
  /* the portfolio of all cases needs no open case */
  g_assert_true (probe_enabled (GTK_WIDGET (window), "win.export-portfolio"));
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

/* Runs the main loop until the window's export or import has finished. */
static void
wait_idle (AwbWindow *window)
{
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (awb_window_is_busy (window))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  spin ();
}

/* The message dialog the window shows, or NULL. */
static AdwMessageDialog *
message_dialog (AwbWindow *window)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w)
          && gtk_window_get_transient_for (GTK_WINDOW (w)) == GTK_WINDOW (window))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static guint
n_cases (AwbDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) cases = awb_case_list (db, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (cases);
}

static char *
file_text (const char *path)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&text);
}

/* Export needs an open case; import does not; neither while one runs. */
static void
test_package_actions (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *case_id = demo_case_id (f);
  AwbWindow *window = awb_window_new (f->app);

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_nonnull (awb_window_get_session (window));
  g_assert_true (probe_enabled (GTK_WIDGET (window), "win.export-package"));
  g_assert_true (probe_enabled (GTK_WIDGET (window), "win.import-package"));

  awb_window_close_case (window);
  g_assert_false (probe_enabled (GTK_WIDGET (window), "win.export-package"));
  g_assert_true (probe_enabled (GTK_WIDGET (window), "win.import-package"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_conflicts_page (GtkWidget     *widget,
                   gconstpointer  data)
{
  return AWB_IS_CONFLICTS_PAGE (widget);
}

static gboolean
is_take_theirs_of (GtkWidget     *widget,
                   gconstpointer  conflict_id)
{
  GVariant *target;

  if (!GTK_IS_BUTTON (widget)
      || g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)),
                    "conflicts.take-theirs") != 0)
    return FALSE;
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
  return target != NULL && g_strcmp0 (g_variant_get_string (target, NULL), conflict_id) == 0;
}

static gboolean
is_row_titled (GtkWidget     *widget,
               gconstpointer  title)
{
  return AWB_IS_CONFLICT_ROW (widget)
         && g_str_has_prefix (awb_conflict_row_get_summary (AWB_CONFLICT_ROW (widget)), title);
}

/* Two databases rate 3.3-2 differently after sharing the case; the other's
 * package imported through the window is a merge with one conflict, listed
 * on the Conflicts page with its badge; Take Theirs resolves it through the
 * core, the row goes, the rating and the history show the choice. */
static void
test_conflicts_page (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *case_id = demo_case_id (f);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *shared = g_build_filename (f->dir, "shared.awbcase", NULL);
  g_autofree char *theirs = g_build_filename (f->dir, "theirs.awbcase", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) other = NULL;
  g_autoptr(AwbPackageSummary) summary = NULL;
  g_autoptr(AwbImportResult) result = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(AwbConflictItem) item = NULL;
  const AwbRequirementJudgement *j;
  AwbWindow *window;
  AwbSession *session;
  GtkWidget *page, *button, *stack;
  AdwViewStackPage *stack_page;
  char *conflict_id;
  gboolean resolved = FALSE;

  summary = awb_package_export (f->db, case_id, shared, AWB_PACKAGE_NONE, &error);
  g_assert_no_error (error);
  other = awb_database_open (other_path, &error);
  g_assert_no_error (error);
  result = awb_package_import (other, shared, &error);
  g_assert_no_error (error);
  g_assert_true (result->created);
  g_assert_true (awb_rating_set (f->db, case_id, "3.3-2", AWB_RATING_LARGELY, "mine: partly",
                                 "Mine", &error));
  g_assert_true (awb_rating_set (other, case_id, "3.3-2", AWB_RATING_NONCONFORMANT,
                                 "theirs: no records", "Theirs", &error));
  g_assert_no_error (error);
  g_clear_pointer (&summary, awb_package_summary_free);
  summary = awb_package_export (other, case_id, theirs, AWB_PACKAGE_NONE, &error);
  g_assert_no_error (error);

  window = awb_window_new (f->app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1600, 1000);
  gtk_window_present (GTK_WINDOW (window));
  spin ();
  session = awb_window_get_session (window);
  g_assert_nonnull (session);
  page = find_widget (GTK_WIDGET (window), is_conflicts_page, NULL);
  g_assert_nonnull (page);
  g_assert_cmpuint (awb_conflicts_page_get_n_conflicts (AWB_CONFLICTS_PAGE (page)), ==, 0);

  awb_window_import_package (window, theirs);
  g_assert_true (awb_window_is_busy (window));
  wait_idle (window);
  g_assert_null (message_dialog (window));
  g_assert_true (awb_window_get_session (window) == session);
  g_assert_cmpuint (awb_conflicts_page_get_n_conflicts (AWB_CONFLICTS_PAGE (page)), ==, 1);
  item = g_list_model_get_item (awb_conflicts_page_get_conflicts (AWB_CONFLICTS_PAGE (page)), 0);
  g_assert_cmpstr (awb_conflict_item_get_title (item), ==, "Rating of 3.3-2");
  g_assert_cmpuint (awb_conflict_item_get_fields (item)->len, ==, 2);
  conflict_id = g_strdup (awb_conflict_item_get_id (item));
  stack = gtk_widget_get_ancestor (page, ADW_TYPE_VIEW_STACK);
  stack_page = adw_view_stack_get_page (ADW_VIEW_STACK (stack), page);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, 1);
  g_assert_true (adw_view_stack_page_get_needs_attention (stack_page));
  /* ours stays until the conflict is resolved */
  j = awb_judgement_lookup (awb_session_get_judgement (session), "3.3-2");
  g_assert_cmpint (j->rating, ==, AWB_RATING_LARGELY);

  /* with the panel (the demo case is incomplete, so it is marked so directly),
   * a rating's conflict waits: refused, and nothing changes */
  g_assert_true (_awb_database_run (f->db, &error, "UPDATE cases SET submitted_at = ? WHERE id = ?",
                                    "ss", "2026-05-20T08:00:00Z", case_id));
  awb_session_refresh (session, AWB_SESSION_ALL);
  g_assert_false (awb_conflicts_page_resolve (AWB_CONFLICTS_PAGE (page), conflict_id,
                                              AWB_CONFLICT_THEIRS));
  g_assert_cmpuint (awb_conflicts_page_get_n_conflicts (AWB_CONFLICTS_PAGE (page)), ==, 1);
  g_assert_true (_awb_database_run (f->db, &error, "UPDATE cases SET submitted_at = NULL "
                                    "WHERE id = ?", "s", case_id));
  g_assert_no_error (error);
  awb_session_refresh (session, AWB_SESSION_ALL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                             "conflicts"));
  spin ();
  g_assert_nonnull (find_widget (GTK_WIDGET (window), is_row_titled, "Rating of 3.3-2. Mine: "));
  button = find_widget (GTK_WIDGET (window), is_take_theirs_of, conflict_id);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  spin ();

  g_assert_cmpuint (awb_conflicts_page_get_n_conflicts (AWB_CONFLICTS_PAGE (page)), ==, 0);
  g_assert_null (find_widget (GTK_WIDGET (window), is_take_theirs_of, conflict_id));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (stack_page), ==, 0);
  g_assert_false (adw_view_stack_page_get_needs_attention (stack_page));
  conflicts = awb_conflict_list (f->db, case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  /* the session was refreshed: the judgement has their rating */
  j = awb_judgement_lookup (awb_session_get_judgement (session), "3.3-2");
  g_assert_cmpint (j->rating, ==, AWB_RATING_NONCONFORMANT);
  history = awb_history_list (f->db, case_id, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      AwbHistoryEntry *e = history->pdata[i];

      if (g_str_equal (e->action, "resolve") && g_str_equal (e->entity_id, conflict_id))
        {
          resolved = TRUE;
          g_assert_cmpstr (e->actor, ==, awb_session_get_actor (session));
        }
    }
  g_assert_true (resolved);
  g_free (conflict_id);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A refused package changes nothing and is explained in a dialog; a package
 * exported through the window imports into an empty database; a file the
 * user did not choose to replace is not replaced; a package of a new case
 * imports with no case open, and its case opens. */
static void
test_package_import_export (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *case_id = demo_case_id (f);
  g_autofree char *junk = g_build_filename (f->dir, "junk.awbcase", NULL);
  g_autofree char *exported = g_build_filename (f->dir, "out.awbcase", NULL);
  g_autofree char *fresh_path = g_build_filename (f->dir, "fresh.db", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *new_package = g_build_filename (f->dir, "new.awbcase", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *new_case = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AwbDatabase) fresh = NULL;
  g_autoptr(AwbDatabase) other = NULL;
  g_autoptr(AwbImportResult) result = NULL;
  g_autoptr(AwbPackageSummary) summary = NULL;
  AwbCaseNew params = { 0 };
  AwbWindow *window = awb_window_new (f->app);
  AdwMessageDialog *dialog;

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  g_assert_true (g_file_set_contents (junk, "not a package at all", -1, &error));

  awb_window_import_package (window, junk);
  wait_idle (window);
  dialog = message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Case Package Not Imported");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "is not a case package"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_cmpuint (n_cases (f->db), ==, 1);

  awb_window_export_package (window, exported, FALSE);
  wait_idle (window);
  g_assert_null (message_dialog (window));
  fresh = awb_database_open (fresh_path, &error);
  g_assert_no_error (error);
  result = awb_package_import (fresh, exported, &error);
  g_assert_no_error (error);
  g_assert_true (result->created);
  g_assert_cmpstr (result->case_id, ==, case_id);

  /* an existing file the user did not choose to replace stays as it was */
  before = file_text (junk);
  awb_window_export_package (window, junk, FALSE);
  wait_idle (window);
  dialog = message_dialog (window);
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "already exists"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  after = file_text (junk);
  g_assert_cmpstr (before, ==, after);

  /* another database's new case, imported with no case open */
  other = awb_database_open (other_path, &error);
  g_assert_no_error (error);
  params.applicant = "Package Test Ltd.";
  params.credit_code = "91350100M000100Y43";
  params.leader = "Lin";
  new_case = awb_case_create (other, &params, &error);
  g_assert_no_error (error);
  summary = awb_package_export (other, new_case, new_package, AWB_PACKAGE_NONE, &error);
  g_assert_no_error (error);

  awb_window_close_case (window);
  awb_window_import_package (window, new_package);
  wait_idle (window);
  g_assert_null (message_dialog (window));
  g_assert_cmpuint (n_cases (f->db), ==, 2);
  g_assert_nonnull (awb_window_get_session (window));
  g_assert_cmpstr (awb_session_get_case_id (awb_window_get_session (window)), ==, new_case);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Package Test Ltd.");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
collect_accelerators (GtkWidget  *widget,
                      GHashTable *found)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      char *accelerator = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (accelerator != NULL)
        g_hash_table_add (found, accelerator);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_accelerators (child, found);
}

/* The action a shortcut of the window's class bindings runs for accelerator, or NULL. */
static const char *
bound_action (GtkWidget  *window,
              const char *accelerator)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint k = 0; k < g_list_model_get_n_items (G_LIST_MODEL (controller)); k++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), k);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (action)
              && gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return gtk_named_action_get_action_name (GTK_NAMED_ACTION (action));
        }
    }
  return NULL;
}

/* The keyboard shortcuts window shows the accelerators the window binds
 * (written out in the .ui: GTK 4.8 cannot look class bindings up by action). */
static void
test_shortcuts (Fixture       *f,
                gconstpointer  data)
{
  static const struct { const char *accelerator, *action; } shortcuts[] = {
    { "<Control><Shift>n", "win.new-case" },
    { "F9", "win.show-cases" },
    { "<Control><Shift>f", "win.search-cases" },
    { "<Control>e", "win.export" },
    { "<Control><Shift>e", "win.export-package" },
    { "<Control>o", "win.import-package" },
    { "<Control>f", "win.search" },
    { "<Control>n", "win.new-evidence" },
    { "<Control>comma", "win.preferences" },
    { "<Alt>7", "win.show-page" },
  };
  g_autofree char *case_id = demo_case_id (f);
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  AwbWindow *window = awb_window_new (f->app);
  GtkWidget *overlay;

  builder = gtk_builder_new_from_resource ("/io/github/assessorworkbench/Workbench/gtk/help-overlay.ui");
  overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_assert_nonnull (overlay);
  collect_accelerators (overlay, listed);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      g_assert_true (g_hash_table_contains (listed, shortcuts[i].accelerator));
      g_assert_cmpstr (bound_action (GTK_WIDGET (window), shortcuts[i].accelerator), ==,
                       shortcuts[i].action);
    }
  gtk_window_destroy (GTK_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A history row names the fields an edit changed as people read them
 * ("Rating, Rationale"), not by their columns. */
static void
test_history_row (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *case_id = demo_case_id (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(AwbHistoryItem) item = NULL;
  AwbHistoryRow *row;
  const char *summary;

  g_assert_true (awb_rating_set (f->db, case_id, "3.3-2", AWB_RATING_CONFORMANT, "First look",
                                 "Tester", &error));
  g_assert_true (awb_rating_set (f->db, case_id, "3.3-2", AWB_RATING_LARGELY, "Records partly kept",
                                 "Tester", &error));
  g_assert_no_error (error);
  history = awb_history_list (f->db, case_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 0);
  item = awb_history_item_new (g_ptr_array_steal_index (history, 0));
  row = AWB_HISTORY_ROW (g_object_ref_sink (awb_history_row_new ()));
  awb_history_row_show (row, item);
  summary = awb_history_row_get_summary (row);
  g_assert_nonnull (strstr (summary, "Rating, Rationale"));
  g_assert_null (strstr (summary, "rationale"));
  g_object_unref (row);
}

static gboolean
is_advance_button (GtkWidget     *widget,
                   gconstpointer  data)
{
  return GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL &&
         g_str_has_prefix (gtk_button_get_label (GTK_BUTTON (widget)), "Advance to");
}

/* Out of the evaluation, advancing is urged only once the conclusion is no
 * longer incomplete. */
static void
test_advance_urged (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *case_id = demo_case_id (f);
  g_autoptr(GError) error = NULL;
  AwbWindow *window = awb_window_new (f->app);
  AwbSession *session;
  AwbCatalogue *catalogue;
  GtkWidget *advance, *overview;

  gtk_window_present (GTK_WINDOW (window));
  spin ();
  /* the Case tab, where the button is */
  overview = find_widget (GTK_WIDGET (window), is_type, GSIZE_TO_POINTER (AWB_TYPE_OVERVIEW_PAGE));
  g_assert_nonnull (overview);
  adw_view_stack_set_visible_child (ADW_VIEW_STACK (gtk_widget_get_ancestor (overview,
                                                                             ADW_TYPE_VIEW_STACK)),
                                    overview);
  spin ();
  session = awb_window_get_session (window);
  g_assert_nonnull (session);
  g_assert_cmpint (awb_case_get_stage (awb_session_get_case (session)), ==, AWB_STAGE_EVALUATION);
  g_assert_cmpint (awb_session_get_judgement (session)->conclusion, ==,
                   AWB_CONCLUSION_INCOMPLETE);
  advance = find_widget (GTK_WIDGET (window), is_advance_button, NULL);
  g_assert_nonnull (advance);
  g_assert_false (gtk_widget_has_css_class (advance, "suggested-action"));

  catalogue = awb_session_get_catalogue (session);
  for (guint i = 0; i < awb_catalogue_get_n_requirements (catalogue); i++)
    {
      const char *id = awb_requirement_get_id (awb_catalogue_get_requirement (catalogue, i));

      /* non-conformant with a rationale is always backed: a complete (failing) conclusion */
      g_assert_true (awb_rating_set (f->db, case_id, id, AWB_RATING_NONCONFORMANT, "Not shown",
                                     "Tester", &error));
      g_assert_no_error (error);
    }
  awb_session_refresh (session, AWB_SESSION_RATINGS);
  g_assert_cmpint (awb_session_get_judgement (session)->conclusion, !=,
                   AWB_CONCLUSION_INCOMPLETE);
  g_assert_true (gtk_widget_has_css_class (advance, "suggested-action"));
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
  g_test_add ("/gui/package-actions", Fixture, NULL, fixture_set_up, test_package_actions,
              fixture_tear_down);
  g_test_add ("/gui/conflicts-page", Fixture, NULL, fixture_set_up, test_conflicts_page,
              fixture_tear_down);
  g_test_add ("/gui/package-import-export", Fixture, NULL, fixture_set_up,
              test_package_import_export, fixture_tear_down);
  g_test_add ("/gui/shortcuts", Fixture, NULL, fixture_set_up, test_shortcuts, fixture_tear_down);
  g_test_add ("/gui/history-row", Fixture, NULL, fixture_set_up, test_history_row,
              fixture_tear_down);
  g_test_add ("/gui/advance-urged", Fixture, NULL, fixture_set_up, test_advance_urged,
              fixture_tear_down);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-case.h"
#include "awb-case-page.h"
#include "awb-case-sidebar.h"
#include "awb-evidence-dialog.h"
#include "awb-window-private.h"

/* The main window: the cases in a sidebar and the open case beside it (one
 * in front of the other when the window is narrow), toasts over both. The
 * actions live in awb-window-actions.c. */

G_DEFINE_FINAL_TYPE (AwbWindow, awb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SHOW_CASES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GSettings *
settings_with_key (AwbWindow  *self,
                   const char *key)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings;
  g_autoptr(GSettingsSchema) schema = NULL;

  if (app == NULL)
    return NULL;
  settings = awb_application_get_settings (AWB_APPLICATION (app));
  if (settings == NULL)
    return NULL;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return g_settings_schema_has_key (schema, key) ? settings : NULL;
}

static void
restore_window_state (AwbWindow *self)
{
  GSettings *width = settings_with_key (self, "window-width");
  GSettings *height = settings_with_key (self, "window-height");
  GSettings *maximized = settings_with_key (self, "window-maximized");

  if (width != NULL && height != NULL)
    gtk_window_set_default_size (GTK_WINDOW (self),
                                 MAX (360, g_settings_get_int (width, "window-width")),
                                 MAX (480, g_settings_get_int (height, "window-height")));
  if (maximized != NULL && g_settings_get_boolean (maximized, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (AwbWindow *self)
{
  GSettings *settings = settings_with_key (self, "window-width");
  GSettings *maximized = settings_with_key (self, "window-maximized");
  GSettings *last = settings_with_key (self, "last-case-id");
  int width, height;

  if (settings != NULL && settings_with_key (self, "window-height") != NULL)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
    }
  if (maximized != NULL)
    g_settings_set_boolean (maximized, "window-maximized",
                            gtk_window_is_maximized (GTK_WINDOW (self)));
  if (last != NULL)
    g_settings_set_string (last, "last-case-id",
                           self->session != NULL ? awb_session_get_case_id (self->session) : "");
}

static void
on_evaluator_name_changed_cb (AwbWindow      *self,
                              GParamSpec     *pspec,
                              AwbApplication *app)
{
  if (self->session != NULL)
    awb_session_set_actor (self->session, awb_application_get_actor (app));
}

static void
on_session_changed_cb (AwbWindow  *self,
                       guint       what,
                       AwbSession *session)
{
  _awb_window_update_actions (self);
}

static void
on_session_failed_cb (AwbWindow  *self,
                      const char *message,
                      AwbSession *session)
{
  awb_window_show_message (GTK_WIDGET (self), message);
}

static void
on_sidebar_case_activated_cb (AwbWindow      *self,
                              const char     *case_id,
                              AwbCaseSidebar *sidebar)
{
  g_autoptr(GError) error = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->session == NULL || !g_str_equal (awb_session_get_case_id (self->session), case_id))
    {
      if (!awb_window_open_case (self, case_id, &error))
        {
          awb_window_show_message (GTK_WIDGET (self), error->message);
          return;
        }
    }
  /* the requirements and a requirement's page need the room */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "content");
  else if (width > 0 && width < 1280)
    _awb_window_set_show_cases (self, FALSE);
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            AwbWindow     *self)
{
  GSList *files;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *dialog;

  if (self->session == NULL || !G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  if (awb_session_is_locked (self->session))
    {
      awb_window_show_message (GTK_WIDGET (self),
                               _("The case is with the expert panel: reopen it to add evidence."));
      return FALSE;
    }
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  if (paths->len == 0)
    return FALSE;
  g_ptr_array_add (paths, NULL);

  /* dropped on the window: a new document with the files attached */
  dialog = awb_evidence_dialog_new_item (GTK_WINDOW (self), self->session,
                                         awb_case_page_get_requirement (self->case_page),
                                         AWB_METHOD_DOCUMENT,
                                         (const char * const *) paths->pdata);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
awb_window_close_request (GtkWindow *window)
{
  AwbWindow *self = AWB_WINDOW (window);

  /* commit the field being typed in before anything else */
  gtk_window_set_focus (window, NULL);
  save_window_state (self);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  return GTK_WINDOW_CLASS (awb_window_parent_class)->close_request (window);
}

static void
awb_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  AwbWindow *self = AWB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_CASES:
      g_value_set_boolean (value, self->show_cases);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  AwbWindow *self = AWB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_CASES:
      _awb_window_set_show_cases (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_window_dispose (GObject *object)
{
  AwbWindow *self = (AwbWindow *) object;

  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->session);
      g_clear_signal_handler (&self->failed_id, self->session);
    }
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_pointer (&self->progress_text, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_WINDOW);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (awb_window_parent_class)->dispose (object);
}

static void
awb_window_class_init (AwbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = awb_window_dispose;
  object_class->get_property = awb_window_get_property;
  object_class->set_property = awb_window_set_property;
  window_class->close_request = awb_window_close_request;

  /* Whether the cases sidebar is shown beside the case (F9). */
  properties[PROP_SHOW_CASES] = g_param_spec_boolean ("show-cases", NULL, NULL, TRUE,
                                                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                      | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AWB_TYPE_CASE_SIDEBAR);
  g_type_ensure (AWB_TYPE_CASE_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, sidebar_separator);
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, case_page);
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_case_activated_cb);

  _awb_window_class_init_actions (widget_class);
  _awb_window_class_init_package_actions (widget_class);
}

static void
awb_window_init (AwbWindow *self)
{
  GtkDropTarget *drop;

  self->show_cases = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

/* The case to open at start: --case, else the last one, else the only one. */
static char *
case_to_open (AwbWindow  *self,
              const char *requested)
{
  GSettings *settings = settings_with_key (self, "last-case-id");
  GListModel *cases = awb_case_sidebar_get_cases (self->sidebar);
  g_autofree char *last = settings != NULL ? g_settings_get_string (settings, "last-case-id") : NULL;

  if (requested != NULL)
    return g_strdup (requested);
  if (cases == NULL)
    return NULL;
  for (guint i = 0; last != NULL && *last != '\0' && i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(AwbCase) kase = g_list_model_get_item (cases, i);

      if (g_str_equal (awb_case_get_id (kase), last))
        return g_steal_pointer (&last);
    }
  if (g_list_model_get_n_items (cases) == 1)
    {
      g_autoptr(AwbCase) kase = g_list_model_get_item (cases, 0);

      return g_strdup (awb_case_get_id (kase));
    }
  return NULL;
}

AwbWindow *
awb_window_new (AwbApplication *app)
{
  AwbWindow *self = g_object_new (AWB_TYPE_WINDOW, "application", app, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *case_id = NULL;

  restore_window_state (self);
  g_signal_connect_object (app, "notify::evaluator-name",
                           G_CALLBACK (on_evaluator_name_changed_cb), self, G_CONNECT_SWAPPED);
  if (!awb_case_sidebar_load (self->sidebar, awb_application_get_database (app), &error))
    {
      awb_window_show_message (GTK_WIDGET (self), error->message);
      g_clear_error (&error);
    }

  case_id = case_to_open (self, awb_application_get_case_to_open (app));
  if (case_id != NULL && !awb_window_open_case (self, case_id, &error))
    awb_window_show_message (GTK_WIDGET (self), error->message);
  if (self->session != NULL)
    {
      int width, height;

      /* a case's requirements and a requirement's page need the room */
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      if (width < 1280 && !gtk_window_is_maximized (GTK_WINDOW (self)))
        _awb_window_set_show_cases (self, FALSE);
    }
  _awb_window_update_actions (self);
  return self;
}

/* Opens case_id (full id or prefix) in place of the open case. */
gboolean
awb_window_open_case (AwbWindow  *self,
                      const char *case_id,
                      GError    **error)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(AwbSession) session = NULL;
  GSettings *last = settings_with_key (self, "last-case-id");

  g_return_val_if_fail (AWB_IS_WINDOW (self), FALSE);

  /* commit what is being typed into the case shown until now */
  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  session = awb_session_new (awb_application_get_database (AWB_APPLICATION (app)), case_id,
                             awb_application_get_actor (AWB_APPLICATION (app)), error);
  if (session == NULL)
    return FALSE;

  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->session);
      g_clear_signal_handler (&self->failed_id, self->session);
    }
  g_set_object (&self->session, session);
  self->changed_id = g_signal_connect_object (session, "changed",
                                              G_CALLBACK (on_session_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  self->failed_id = g_signal_connect_object (session, "failed",
                                             G_CALLBACK (on_session_failed_cb), self,
                                             G_CONNECT_SWAPPED);
  awb_case_page_set_session (self->case_page, session);
  awb_session_judge_soon (session);
  gtk_stack_set_visible_child_name (self->main_stack, "case");
  awb_case_sidebar_select (self->sidebar, awb_session_get_case_id (session));
  if (last != NULL)
    g_settings_set_string (last, "last-case-id", awb_session_get_case_id (session));
  gtk_window_set_title (GTK_WINDOW (self),
                        awb_case_get_applicant (awb_session_get_case (session)));
  _awb_window_update_actions (self);
  return TRUE;
}

/* Shows no case (the open one was deleted, or the database has none). */
void
awb_window_close_case (AwbWindow *self)
{
  g_return_if_fail (AWB_IS_WINDOW (self));

  gtk_window_set_focus (GTK_WINDOW (self), NULL);
  if (self->session != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->session);
      g_clear_signal_handler (&self->failed_id, self->session);
    }
  awb_case_page_set_session (self->case_page, NULL);
  g_clear_object (&self->session);
  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  awb_case_sidebar_select (self->sidebar, NULL);
  gtk_window_set_title (GTK_WINDOW (self), _("Assessor Workbench"));
  _awb_window_update_actions (self);
}

AwbSession *
awb_window_get_session (AwbWindow *self)
{
  g_return_val_if_fail (AWB_IS_WINDOW (self), NULL);
  return self->session;
}

void
awb_window_add_toast (AwbWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (AWB_IS_WINDOW (self));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Re-reads the list of cases (after one was created, advanced or deleted). */
void
awb_window_reload_cases (AwbWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  g_return_if_fail (AWB_IS_WINDOW (self));

  if (!awb_case_sidebar_load (self->sidebar, awb_application_get_database (AWB_APPLICATION (app)),
                              &error))
    awb_window_show_message (GTK_WIDGET (self), error->message);
  awb_case_sidebar_select (self->sidebar,
                           self->session != NULL ? awb_session_get_case_id (self->session) : NULL);
}

/* The progress of an export or import: under the case's header bar, or
 * under the window's when no case is open. fraction < 0: of unknown length. */
void
_awb_window_show_progress (AwbWindow  *self,
                           const char *text,
                           double      fraction)
{
  if (self->session != NULL)
    {
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
      awb_case_page_show_progress (self->case_page, text, fraction);
      return;
    }
  awb_case_page_hide_progress (self->case_page);
  gtk_label_set_text (self->progress_label, text);
  if (fraction < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (fraction, 1.0));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
}

void
_awb_window_hide_progress (AwbWindow *self)
{
  awb_case_page_hide_progress (self->case_page);
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
}

/* TRUE while an export or an import runs (one at a time). */
gboolean
awb_window_is_busy (AwbWindow *self)
{
  g_return_val_if_fail (AWB_IS_WINDOW (self), FALSE);
  return self->export_cancellable != NULL;
}

/* Shows message in a toast of widget's window: the words say what to do. */
void
awb_window_show_message (GtkWidget  *widget,
                         const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwToast *toast;

  g_debug ("%s", message);
  if (root != NULL && !AWB_IS_WINDOW (root) && GTK_IS_WINDOW (root))
    root = GTK_ROOT (gtk_window_get_transient_for (GTK_WINDOW (root)));
  if (root == NULL || !AWB_IS_WINDOW (root))
    return;
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (AWB_WINDOW (root)->toast_overlay, toast);
}

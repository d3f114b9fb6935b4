/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-case-sidebar"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "awb-case.h"
#include "awb-case-row.h"
#include "awb-case-sidebar.h"

/* The list of the database's cases, searched by applicant or credit code and
 * filtered by stage; activating one emits "case-activated" with its id. */

struct _AwbCaseSidebar
{
  GtkWidget           parent_instance;

  AdwHeaderBar       *header_bar;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *stage_dropdown;
  GtkStack           *stack;
  GtkListView        *cases_view;
  AdwStatusPage      *empty_page;

  GListModel         *cases;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  char               *search;
  gboolean            folded;
};

G_DEFINE_FINAL_TYPE (AwbCaseSidebar, awb_case_sidebar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

enum {
  CASE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
contains_folded (const char *text,
                 const char *needle)
{
  g_autofree char *folded = text != NULL ? g_utf8_casefold (text, -1) : NULL;

  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
filter_case_cb (gpointer item,
                gpointer user_data)
{
  AwbCaseSidebar *self = user_data;
  AwbCase *kase = item;
  guint stage = gtk_drop_down_get_selected (self->stage_dropdown);

  /* entry 0 is "every stage", then the stages in order */
  if (stage != 0 && stage != GTK_INVALID_LIST_POSITION
      && awb_case_get_stage (kase) != (AwbStage) (stage - 1))
    return FALSE;
  if (self->search != NULL
      && !contains_folded (awb_case_get_applicant (kase), self->search)
      && !contains_folded (awb_case_get_credit_code (kase), self->search)
      && !contains_folded (awb_case_get_id (kase), self->search))
    return FALSE;
  return TRUE;
}

static void
update_empty (AwbCaseSidebar *self)
{
  gboolean none = self->cases == NULL || g_list_model_get_n_items (self->cases) == 0;
  gboolean empty = self->filtered == NULL
                   || g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  if (none)
    {
      adw_status_page_set_title (self->empty_page, _("No Cases"));
      adw_status_page_set_description (self->empty_page, _("Create a case for a new application."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Cases"));
      adw_status_page_set_description (self->empty_page, _("Try another search or stage."));
    }
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
refilter (AwbCaseSidebar *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

static void
on_search_entry_search_changed_cb (AwbCaseSidebar *self,
                                   GtkSearchEntry *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  g_clear_pointer (&self->search, g_free);
  if (*text != '\0')
    self->search = g_utf8_casefold (text, -1);
  refilter (self);
}

static void
on_stage_dropdown_selected_cb (AwbCaseSidebar *self,
                               GParamSpec     *pspec,
                               GtkDropDown    *dropdown)
{
  refilter (self);
}

static void
on_cases_view_activate_cb (AwbCaseSidebar *self,
                           guint           position,
                           GtkListView    *view)
{
  g_autoptr(AwbCase) kase = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (kase != NULL)
    g_signal_emit (self, signals[CASE_ACTIVATED], 0, awb_case_get_id (kase));
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, awb_case_row_new ());
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  AwbCaseRow *row = AWB_CASE_ROW (gtk_list_item_get_child (list_item));

  awb_case_row_show_case (row, gtk_list_item_get_item (list_item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  awb_case_row_get_summary (row), -1);
}

static void
awb_case_sidebar_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AwbCaseSidebar *self = AWB_CASE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_case_sidebar_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AwbCaseSidebar *self = AWB_CASE_SIDEBAR (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          adw_header_bar_set_show_end_title_buttons (self->header_bar, self->folded);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_case_sidebar_dispose (GObject *object)
{
  GtkWidget *child;
  AwbCaseSidebar *self = (AwbCaseSidebar *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_CASE_SIDEBAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cases);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->search, g_free);
  self->filter = NULL;
  self->filtered = NULL;

  G_OBJECT_CLASS (awb_case_sidebar_parent_class)->dispose (object);
}

static void
awb_case_sidebar_class_init (AwbCaseSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_case_sidebar_dispose;
  object_class->get_property = awb_case_sidebar_get_property;
  object_class->set_property = awb_case_sidebar_set_property;

  /* The window is folded (the sidebar is shown alone): it gets the window buttons. */
  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                  | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CASE_ACTIVATED] = g_signal_new ("case-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-case-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbCaseSidebar, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AwbCaseSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AwbCaseSidebar, stage_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwbCaseSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, AwbCaseSidebar, cases_view);
  gtk_widget_class_bind_template_child (widget_class, AwbCaseSidebar, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stage_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cases_view_activate_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_case_sidebar_init (AwbCaseSidebar *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (stages, _("Every stage"));
  for (AwbStage s = 0; s < AWB_N_STAGES; s++)
    gtk_string_list_append (stages, awb_stage_label (s));
  gtk_drop_down_set_model (self->stage_dropdown, G_LIST_MODEL (stages));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  gtk_list_view_set_factory (self->cases_view, factory);
  g_object_unref (factory);
  update_empty (self);
}

/* (Re)reads the cases of db, keeping the search, the stage and the selection. */
gboolean
awb_case_sidebar_load (AwbCaseSidebar *self,
                       AwbDatabase    *db,
                       GError        **error)
{
  g_autoptr(GListModel) cases = NULL;
  g_autofree char *selected = NULL;
  AwbCase *current;

  g_return_val_if_fail (AWB_IS_CASE_SIDEBAR (self), FALSE);

  cases = awb_case_list (db, error);
  if (cases == NULL)
    return FALSE;

  current = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
  if (current != NULL)
    selected = g_strdup (awb_case_get_id (current));

  g_set_object (&self->cases, cases);
  self->filter = gtk_custom_filter_new (filter_case_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (cases), GTK_FILTER (self->filter));
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->cases_view, GTK_SELECTION_MODEL (self->selection));
  if (selected != NULL)
    awb_case_sidebar_select (self, selected);
  update_empty (self);
  return TRUE;
}

/* Highlights the open case (NULL: none). */
void
awb_case_sidebar_select (AwbCaseSidebar *self,
                         const char     *case_id)
{
  guint n;

  g_return_if_fail (AWB_IS_CASE_SIDEBAR (self));

  if (self->selection == NULL)
    return;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  for (guint i = 0; i < n && case_id != NULL; i++)
    {
      g_autoptr(AwbCase) kase = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

      if (g_str_equal (awb_case_get_id (kase), case_id))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

guint
awb_case_sidebar_get_n_cases (AwbCaseSidebar *self)
{
  g_return_val_if_fail (AWB_IS_CASE_SIDEBAR (self), 0);
  return self->cases != NULL ? g_list_model_get_n_items (self->cases) : 0;
}

/* Every case of the database (AwbCase), whatever the search. */
GListModel *
awb_case_sidebar_get_cases (AwbCaseSidebar *self)
{
  g_return_val_if_fail (AWB_IS_CASE_SIDEBAR (self), NULL);
  return self->cases;
}

void
awb_case_sidebar_focus_search (AwbCaseSidebar *self)
{
  g_return_if_fail (AWB_IS_CASE_SIDEBAR (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-conflicts-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "awb-conflict-item.h"
#include "awb-conflict-row.h"
#include "awb-conflicts-page.h"
#include "awb-error.h"
#include "awb-window.h"

/* The open conflicts of the case: the records an imported package and this
 * database both changed since they last shared them, each with both sides
 * and a button to keep each side. A choice goes through the core
 * (awb_conflict_resolve, one transaction with its history entry); then the
 * session refreshes the pages the record concerns. With no conflict, a
 * status page says so. "n-conflicts" gives the case page its badge. */

struct _AwbConflictsPage
{
  GtkWidget    parent_instance;

  GtkStack    *stack;
  GtkLabel    *count_label;
  GtkListView *list_view;

  AwbSession  *session;
  gulong       changed_id;
  GListStore  *conflicts;  /* AwbConflictItem */
};

G_DEFINE_FINAL_TYPE (AwbConflictsPage, awb_conflicts_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_N_CONFLICTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_count (AwbConflictsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
  g_autofree char *text = NULL;

  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "list" : "empty");
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u record was changed both on this computer and in an "
                                       "imported package. Choose which side to keep.",
                                       "%u records were changed both on this computer and in "
                                       "an imported package. Choose which side to keep for "
                                       "each.", n), n);
  gtk_label_set_text (self->count_label, text);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CONFLICTS]);
}

/* The same conflicts as shown: nothing to rebuild. */
static gboolean
same_conflicts (AwbConflictsPage *self,
                GPtrArray        *list)
{
  GListModel *model = G_LIST_MODEL (self->conflicts);

  if (g_list_model_get_n_items (model) != list->len)
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(AwbConflictItem) item = g_list_model_get_item (model, i);
      const AwbConflict *shown = awb_conflict_item_get_conflict (item);
      const AwbConflict *now = list->pdata[i];

      if (g_strcmp0 (shown->id, now->id) != 0
          || g_strcmp0 (shown->detected_at, now->detected_at) != 0
          || g_strcmp0 (shown->theirs_at, now->theirs_at) != 0
          || g_strcmp0 (shown->mine_at, now->mine_at) != 0)
        return FALSE;
    }
  return TRUE;
}

static void
load (AwbConflictsPage *self)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  guint before = g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));

  list = awb_conflict_list (awb_session_get_database (self->session),
                            awb_session_get_case_id (self->session), &error);
  if (list == NULL)
    {
      awb_window_show_message (GTK_WIDGET (self), error->message);
      return;
    }
  if (same_conflicts (self, list))
    return;
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (items, awb_conflict_item_new (g_steal_pointer (&list->pdata[i])));
  g_list_store_splice (self->conflicts, 0, before, items->pdata, items->len);
  show_count (self);
}

static void
on_session_changed_cb (AwbConflictsPage *self,
                       guint             what,
                       AwbSession       *session)
{
  /* only an import or a resolution changes the conflicts, but the core is
   * asked every time: one indexed query, and the badge stays true */
  load (self);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, awb_conflict_row_new ());
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  AwbConflictRow *row = AWB_CONFLICT_ROW (gtk_list_item_get_child (list_item));

  awb_conflict_row_show (row, gtk_list_item_get_item (list_item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  awb_conflict_row_get_summary (row), -1);
}

static void
keep_mine_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *param)
{
  awb_conflicts_page_resolve (AWB_CONFLICTS_PAGE (widget), g_variant_get_string (param, NULL),
                              AWB_CONFLICT_MINE);
}

static void
take_theirs_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  awb_conflicts_page_resolve (AWB_CONFLICTS_PAGE (widget), g_variant_get_string (param, NULL),
                              AWB_CONFLICT_THEIRS);
}

static void
awb_conflicts_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  AwbConflictsPage *self = AWB_CONFLICTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_N_CONFLICTS:
      g_value_set_uint (value, awb_conflicts_page_get_n_conflicts (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_conflicts_page_dispose (GObject *object)
{
  GtkWidget *child;
  AwbConflictsPage *self = (AwbConflictsPage *) object;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_CONFLICTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->conflicts);

  G_OBJECT_CLASS (awb_conflicts_page_parent_class)->dispose (object);
}

static void
awb_conflicts_page_class_init (AwbConflictsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_conflicts_page_dispose;
  object_class->get_property = awb_conflicts_page_get_property;

  /* How many conflicts the case has open. */
  properties[PROP_N_CONFLICTS] = g_param_spec_uint ("n-conflicts", NULL, NULL, 0, G_MAXUINT, 0,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                    | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-conflicts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbConflictsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AwbConflictsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, AwbConflictsPage, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_setup_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_factory_bind_cb);

  gtk_widget_class_install_action (widget_class, "conflicts.keep-mine", "s", keep_mine_action);
  gtk_widget_class_install_action (widget_class, "conflicts.take-theirs", "s",
                                   take_theirs_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_conflicts_page_init (AwbConflictsPage *self)
{
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->conflicts = g_list_store_new (AWB_TYPE_CONFLICT_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->conflicts)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  show_count (self);
}

void
awb_conflicts_page_set_session (AwbConflictsPage *self,
                                AwbSession       *session)
{
  g_return_if_fail (AWB_IS_CONFLICTS_PAGE (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);
  g_list_store_remove_all (self->conflicts);
  if (session != NULL)
    {
      self->changed_id = g_signal_connect_object (session, "changed",
                                                  G_CALLBACK (on_session_changed_cb), self,
                                                  G_CONNECT_SWAPPED);
      load (self);
    }
  show_count (self);
}

guint
awb_conflicts_page_get_n_conflicts (AwbConflictsPage *self)
{
  g_return_val_if_fail (AWB_IS_CONFLICTS_PAGE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->conflicts));
}

/* AwbConflictItem: the conflicts shown. */
GListModel *
awb_conflicts_page_get_conflicts (AwbConflictsPage *self)
{
  g_return_val_if_fail (AWB_IS_CONFLICTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->conflicts);
}

/* Resolves conflict_id by keeping side, as the buttons do; a refusal is
 * shown in a toast and the list read again. */
gboolean
awb_conflicts_page_resolve (AwbConflictsPage *self,
                            const char       *conflict_id,
                            AwbConflictSide   side)
{
  GListModel *model;
  g_autoptr(AwbConflictItem) item = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *done = NULL;
  guint position = G_MAXUINT;

  g_return_val_if_fail (AWB_IS_CONFLICTS_PAGE (self), FALSE);

  if (self->session == NULL)
    return FALSE;
  model = G_LIST_MODEL (self->conflicts);
  for (guint i = 0; i < g_list_model_get_n_items (model) && item == NULL; i++)
    {
      g_autoptr(AwbConflictItem) candidate = g_list_model_get_item (model, i);

      if (g_str_equal (awb_conflict_item_get_id (candidate), conflict_id))
        {
          item = g_steal_pointer (&candidate);
          position = i;
        }
    }
  if (item == NULL)
    return FALSE;

  if (!awb_conflict_resolve (awb_session_get_database (self->session), conflict_id, side,
                             awb_session_get_actor (self->session), &error))
    {
      /* the core's words name the command line; here the banner reopens */
      if (g_error_matches (error, AWB_ERROR, AWB_ERROR_LOCKED))
        awb_window_show_message (GTK_WIDGET (self),
                                 _("The case is with the expert panel: reopen it (Reopen… above) "
                                   "to decide this conflict"));
      else
        awb_window_show_message (GTK_WIDGET (self), error->message);
      load (self);
      return FALSE;
    }
  g_list_store_remove (self->conflicts, position);
  show_count (self);
  /* the ratings, evidence, conclusion and history show the chosen side */
  awb_session_refresh (self->session, awb_conflict_item_get_change (item));

  if (side == AWB_CONFLICT_MINE)
    /* Translators: a toast after resolving a conflict; %s is the record */
    done = g_strdup_printf (_("%s: this computer’s record kept"),
                            awb_conflict_item_get_title (item));
  else
    /* Translators: a toast after resolving a conflict; %s is the record */
    done = g_strdup_printf (_("%s: the package’s record taken"),
                            awb_conflict_item_get_title (item));
  awb_window_show_message (GTK_WIDGET (self), done);
  if (g_list_model_get_n_items (model) > 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  return TRUE;
}

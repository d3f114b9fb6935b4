/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-requirements-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "awb-requirement-page.h"
#include "awb-requirement-row.h"
#include "awb-requirements-page.h"

/* The catalogue of the open case as a tree (sections → requirements), each
 * row with its rating, sufficiency and evidence counts, filtered by a search
 * and a state; beside it (or, when narrow, in front of it) the page of the
 * selected requirement. */

typedef enum
{
  FILTER_ALL,
  FILTER_UNRATED,
  FILTER_INSUFFICIENT,
  FILTER_CONTRADICTED,
  FILTER_OPEN_FINDINGS,
  FILTER_NOT_BACKED,
} Filter;

struct _AwbRequirementsPage
{
  GtkWidget           parent_instance;

  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *filter_dropdown;
  GtkStack           *list_stack;
  GtkListView        *tree_view;
  AwbRequirementPage *requirement_page;

  AwbSession         *session;
  gulong              changed_id;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GHashTable         *bound;    /* GtkListItem* currently bound */
  guint               select_source;
  char               *search;   /* case-folded, or NULL */
};

G_DEFINE_FINAL_TYPE (AwbRequirementsPage, awb_requirements_page, GTK_TYPE_WIDGET)

static gboolean
text_matches (const char *text,
              const char *needle)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return FALSE;
  folded = g_utf8_casefold (text, -1);
  return strstr (folded, needle) != NULL;
}

static gboolean
requirement_matches (AwbRequirementsPage *self,
                     AwbRequirement      *req)
{
  const AwbRequirementJudgement *j = awb_session_lookup (self->session, awb_requirement_get_id (req));

  if (self->search != NULL
      && !text_matches (awb_requirement_get_id (req), self->search)
      && !text_matches (awb_requirement_get_text_zh (req), self->search)
      && !text_matches (awb_requirement_get_text_en (req), self->search))
    return FALSE;

  switch ((Filter) gtk_drop_down_get_selected (self->filter_dropdown))
    {
    case FILTER_UNRATED:
      return j == NULL || j->rating == AWB_RATING_UNRATED;
    case FILTER_INSUFFICIENT:
      return j == NULL || j->sufficiency == AWB_SUFFICIENCY_INSUFFICIENT
             || j->sufficiency == AWB_SUFFICIENCY_NONE;
    case FILTER_CONTRADICTED:
      return j != NULL && j->sufficiency == AWB_SUFFICIENCY_CONTRADICTED;
    case FILTER_OPEN_FINDINGS:
      return awb_session_get_open_findings (self->session, awb_requirement_get_id (req)) > 0;
    case FILTER_NOT_BACKED:
      return j != NULL && j->rating != AWB_RATING_UNRATED && !j->backed;
    case FILTER_ALL:
    default:
      return TRUE;
    }
}

static gboolean
in_section (AwbRequirement *req,
            AwbSection     *section)
{
  const char *sid = awb_section_get_id (section);
  const char *rsec = awb_requirement_get_section (req);
  gsize len = strlen (sid);

  return g_str_equal (rsec, sid) || (g_str_has_prefix (rsec, sid) && rsec[len] == '.');
}

/* Counts the requirements under section: all of them, the rated ones and the
 * ones the filter keeps. */
static void
count_section (AwbRequirementsPage *self,
               AwbSection          *section,
               guint               *n_all,
               guint               *n_rated,
               guint               *n_matching)
{
  AwbCatalogue *catalogue = awb_session_get_catalogue (self->session);
  guint n = awb_catalogue_get_n_requirements (catalogue);

  *n_all = *n_rated = *n_matching = 0;
  for (guint i = 0; i < n; i++)
    {
      AwbRequirement *req = awb_catalogue_get_requirement (catalogue, i);
      const AwbRequirementJudgement *j;

      if (!in_section (req, section))
        continue;
      (*n_all)++;
      j = awb_session_lookup (self->session, awb_requirement_get_id (req));
      if (j != NULL && j->rating != AWB_RATING_UNRATED)
        (*n_rated)++;
      if (n_matching != NULL && requirement_matches (self, req))
        (*n_matching)++;
    }
}

static gboolean
filter_row_cb (gpointer item,
               gpointer user_data)
{
  AwbRequirementsPage *self = user_data;
  g_autoptr(GObject) inner = gtk_tree_list_row_get_item (GTK_TREE_LIST_ROW (item));
  guint n_all, n_rated, n_matching;

  if (AWB_IS_REQUIREMENT (inner))
    return requirement_matches (self, AWB_REQUIREMENT (inner));
  count_section (self, AWB_SECTION (inner), &n_all, &n_rated, &n_matching);
  return n_matching > 0;
}

static GListModel *
create_child_model_cb (gpointer item,
                       gpointer user_data)
{
  AwbRequirementsPage *self = user_data;
  AwbCatalogue *catalogue = awb_session_get_catalogue (self->session);
  GListModel *all;
  GListStore *children;

  if (!AWB_IS_SECTION (item))
    return NULL;
  if (awb_section_is_leaf (item))
    return g_object_ref (awb_section_get_requirements (item));

  all = awb_catalogue_get_sections (catalogue);
  children = g_list_store_new (AWB_TYPE_SECTION);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(AwbSection) s = g_list_model_get_item (all, i);

      if (g_strcmp0 (awb_section_get_parent_id (s), awb_section_get_id (item)) == 0)
        g_list_store_append (children, s);
    }
  return G_LIST_MODEL (children);
}

static void
bind_row (AwbRequirementsPage *self,
          GtkListItem         *list_item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  AwbRequirementRow *widget = AWB_REQUIREMENT_ROW (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (AWB_IS_SECTION (item))
    {
      guint n_all, n_rated, n_matching;

      count_section (self, AWB_SECTION (item), &n_all, &n_rated, &n_matching);
      awb_requirement_row_show_section (widget, AWB_SECTION (item), n_rated, n_all);
      gtk_list_item_set_selectable (list_item, FALSE);
    }
  else
    {
      AwbRequirement *req = AWB_REQUIREMENT (item);
      const char *id = awb_requirement_get_id (req);

      awb_requirement_row_show_requirement (widget, req,
                                            awb_session_lookup (self->session, id),
                                            awb_session_get_open_findings (self->session, id));
      gtk_list_item_set_selectable (list_item, TRUE);
    }
  /* assistive technologies hear of a change only when there is one */
  if (g_strcmp0 (g_object_get_data (G_OBJECT (expander), "awb-label"),
                 awb_requirement_row_get_summary (widget)) != 0)
    {
      g_object_set_data_full (G_OBJECT (expander), "awb-label",
                              g_strdup (awb_requirement_row_get_summary (widget)), g_free);
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      awb_requirement_row_get_summary (widget), -1);
    }
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     AwbRequirementsPage      *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *row = awb_requirement_row_new ();

  gtk_widget_set_hexpand (row, TRUE);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), row);
  gtk_list_item_set_child (list_item, expander);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    AwbRequirementsPage      *self)
{
  g_hash_table_add (self->bound, list_item);
  bind_row (self, list_item);
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      AwbRequirementsPage      *self)
{
  g_hash_table_remove (self->bound, list_item);
}

static void
update_empty (AwbRequirementsPage *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->list_stack, empty ? "empty" : "list");
}

static void
refilter (AwbRequirementsPage *self)
{
  if (self->filter == NULL)
    return;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_empty (self);
}

static void
on_session_changed_cb (AwbRequirementsPage *self,
                       guint                what,
                       AwbSession          *session)
{
  GHashTableIter iter;
  gpointer item;

  /* only a filter other than "all" can change which rows are shown */
  if (gtk_drop_down_get_selected (self->filter_dropdown) != FILTER_ALL)
    refilter (self);

  g_hash_table_iter_init (&iter, self->bound);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    bind_row (self, item);
}

static void
on_selection_changed_cb (AwbRequirementsPage *self,
                         GParamSpec          *pspec,
                         GtkSingleSelection  *selection)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  if (AWB_IS_REQUIREMENT (item))
    awb_requirement_page_show (self->requirement_page, AWB_REQUIREMENT (item));
  /* chosen from elsewhere (a reason, an assistive technology): bring it into view */
  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u",
                              gtk_single_selection_get_selected (selection));
}

static void
on_tree_view_activate_cb (AwbRequirementsPage *self,
                          guint                position,
                          GtkListView         *view)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  g_autoptr(GObject) item = NULL;

  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  if (AWB_IS_SECTION (item))
    {
      gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
      return;
    }
  gtk_single_selection_set_selected (self->selection, position);
  adw_leaflet_set_visible_child_name (self->leaflet, "detail");
  awb_requirement_page_focus (self->requirement_page);
}

static void
on_search_entry_search_changed_cb (AwbRequirementsPage *self,
                                   GtkSearchEntry      *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  g_clear_pointer (&self->search, g_free);
  if (*stripped != '\0')
    self->search = g_utf8_casefold (stripped, -1);
  refilter (self);
}

static void
on_search_entry_stop_search_cb (AwbRequirementsPage *self,
                                GtkSearchEntry      *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

static void
on_filter_dropdown_selected_cb (AwbRequirementsPage *self,
                                GParamSpec          *pspec,
                                GtkDropDown         *dropdown)
{
  refilter (self);
}

static void
on_requirement_page_go_back_cb (AwbRequirementsPage *self,
                                AwbRequirementPage  *page)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

static void
awb_requirements_page_dispose (GObject *object)
{
  GtkWidget *child;
  AwbRequirementsPage *self = (AwbRequirementsPage *) object;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_clear_handle_id (&self->select_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_REQUIREMENTS_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->bound, g_hash_table_unref);
  g_clear_pointer (&self->search, g_free);
  self->filter = NULL;
  self->filtered = NULL;

  G_OBJECT_CLASS (awb_requirements_page_parent_class)->dispose (object);
}

static void
awb_requirements_page_class_init (AwbRequirementsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_requirements_page_dispose;

  g_type_ensure (AWB_TYPE_REQUIREMENT_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-requirements-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementsPage, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementsPage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, AwbRequirementsPage, requirement_page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_tree_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_requirement_page_go_back_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_requirements_page_init (AwbRequirementsPage *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bound = g_hash_table_new (NULL, NULL);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_list_view_set_factory (self->tree_view, factory);
  g_object_unref (factory);
}

static gboolean
on_select_first_idle_cb (gpointer data)
{
  AwbRequirementsPage *self = data;
  AwbCatalogue *catalogue;

  self->select_source = 0;
  if (self->session == NULL || awb_requirement_page_get_requirement (self->requirement_page) != NULL)
    return G_SOURCE_REMOVE;
  catalogue = awb_session_get_catalogue (self->session);
  if (awb_catalogue_get_n_requirements (catalogue) > 0)
    awb_requirements_page_select (self,
                                  awb_requirement_get_id (awb_catalogue_get_requirement (catalogue, 0)));
  return G_SOURCE_REMOVE;
}

/* Shows session's case; NULL shows nothing. */
void
awb_requirements_page_set_session (AwbRequirementsPage *self,
                                   AwbSession          *session)
{
  AwbCatalogue *catalogue;
  GListModel *all;
  GListStore *roots;
  GtkTreeListModel *tree;

  g_return_if_fail (AWB_IS_REQUIREMENTS_PAGE (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  gtk_list_view_set_model (self->tree_view, NULL);
  g_clear_object (&self->selection);
  self->filter = NULL;
  self->filtered = NULL;
  g_set_object (&self->session, session);
  awb_requirement_page_set_session (self->requirement_page, session);
  if (session == NULL)
    return;

  catalogue = awb_session_get_catalogue (session);
  all = awb_catalogue_get_sections (catalogue);
  roots = g_list_store_new (AWB_TYPE_SECTION);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(AwbSection) s = g_list_model_get_item (all, i);

      if (awb_section_get_parent_id (s) == NULL)
        g_list_store_append (roots, s);
    }

  tree = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, TRUE, create_child_model_cb,
                                  self, NULL);
  self->filter = gtk_custom_filter_new (filter_row_cb, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (tree), GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
  self->changed_id = g_signal_connect_object (session, "changed",
                                              G_CALLBACK (on_session_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  update_empty (self);

  /* start on the first requirement rather than an empty page, once the
   * window has drawn: a requirement's page is the costliest part to build */
  g_clear_handle_id (&self->select_source, g_source_remove);
  self->select_source = g_idle_add_full (G_PRIORITY_LOW, on_select_first_idle_cb, self, NULL);
}

/* Selects requirement_id, clearing a search or filter that hides it, and
 * shows its page. */
gboolean
awb_requirements_page_select (AwbRequirementsPage *self,
                              const char          *requirement_id)
{
  guint n;

  g_return_val_if_fail (AWB_IS_REQUIREMENTS_PAGE (self), FALSE);

  if (self->session == NULL)
    return FALSE;
  for (int attempt = 0; attempt < 2; attempt++)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
          g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

          if (AWB_IS_REQUIREMENT (item)
              && g_str_equal (awb_requirement_get_id (AWB_REQUIREMENT (item)), requirement_id))
            {
              gtk_single_selection_set_selected (self->selection, i);
              gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item",
                                          "u", i);
              adw_leaflet_set_visible_child_name (self->leaflet, "detail");
              return TRUE;
            }
        }
      /* not shown: clear what hides it, expand every section, and look again */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      g_clear_pointer (&self->search, g_free);
      gtk_drop_down_set_selected (self->filter_dropdown, FILTER_ALL);
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->filtered)); i++)
        {
          g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);

          gtk_tree_list_row_set_expanded (row, TRUE);
        }
      refilter (self);
    }
  return FALSE;
}

/* The requirement whose page is shown, or NULL. */
AwbRequirement *
awb_requirements_page_get_requirement (AwbRequirementsPage *self)
{
  g_return_val_if_fail (AWB_IS_REQUIREMENTS_PAGE (self), NULL);
  return awb_requirement_page_get_requirement (self->requirement_page);
}

void
awb_requirements_page_focus_search (AwbRequirementsPage *self)
{
  g_return_if_fail (AWB_IS_REQUIREMENTS_PAGE (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Shows only the requirements in one state (the order of the drop-down). */
void
awb_requirements_page_set_filter (AwbRequirementsPage *self,
                                  guint                filter)
{
  g_return_if_fail (AWB_IS_REQUIREMENTS_PAGE (self));
  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}

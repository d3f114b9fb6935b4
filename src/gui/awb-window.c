/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-catalogue-registry.h"
#include "awb-window.h"

/* The main window: the catalogue's sections and requirements as a tree. */

struct _AwbWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  GtkListView          *requirements_view;

  AwbCatalogue         *catalogue;
};

G_DEFINE_FINAL_TYPE (AwbWindow, awb_window, ADW_TYPE_APPLICATION_WINDOW)

/* Children of a tree row: a grouping section's sub-sections, a leaf section's requirements. */
static GListModel *
create_child_model_cb (gpointer item,
                       gpointer user_data)
{
  AwbWindow *self = user_data;
  GListModel *all;
  GListStore *children;

  if (!AWB_IS_SECTION (item))
    return NULL;
  if (awb_section_is_leaf (item))
    return g_object_ref (awb_section_get_requirements (item));

  all = awb_catalogue_get_sections (self->catalogue);
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
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *id = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_add_css_class (id, "requirement-id");
  gtk_widget_add_css_class (id, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (id), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), id);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_end (box, 12);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *id = gtk_widget_get_first_child (box);
  GtkWidget *text = gtk_widget_get_next_sibling (id);
  gpointer item = gtk_tree_list_row_get_item (row);
  g_autofree char *accessible = NULL;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  if (AWB_IS_SECTION (item))
    {
      gtk_label_set_text (GTK_LABEL (id), awb_section_get_id (item));
      gtk_label_set_text (GTK_LABEL (text), awb_section_get_title (item));
      gtk_widget_add_css_class (box, "section-row");
      accessible = g_strdup_printf ("%s %s", awb_section_get_id (item),
                                    awb_section_get_title (item));
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (id), awb_requirement_get_id (item));
      gtk_label_set_text (GTK_LABEL (text), awb_requirement_get_text (item));
      gtk_widget_remove_css_class (box, "section-row");
      accessible = g_strdup_printf ("%s %s", awb_requirement_get_id (item),
                                    awb_requirement_get_text (item));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_unref (item);
}

static void
awb_window_dispose (GObject *object)
{
  AwbWindow *self = (AwbWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_WINDOW);
  g_clear_object (&self->catalogue);

  G_OBJECT_CLASS (awb_window_parent_class)->dispose (object);
}

static void
awb_window_class_init (AwbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, AwbWindow, requirements_view);
}

static void
awb_window_init (AwbWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

static void
show_catalogue (AwbWindow *self)
{
  GListModel *all = awb_catalogue_get_sections (self->catalogue);
  GListStore *roots = g_list_store_new (AWB_TYPE_SECTION);
  GtkTreeListModel *tree;
  GtkListItemFactory *factory;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(AwbSection) s = g_list_model_get_item (all, i);

      if (awb_section_get_parent_id (s) == NULL)
        g_list_store_append (roots, s);
    }

  tree = gtk_tree_list_model_new (G_LIST_MODEL (roots), FALSE, TRUE, create_child_model_cb,
                                  self, NULL);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);

  gtk_list_view_set_factory (self->requirements_view, factory);
  gtk_list_view_set_model (self->requirements_view,
                           GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (tree))));
  g_object_unref (factory);

  adw_window_title_set_subtitle (self->window_title, awb_catalogue_get_title (self->catalogue));
}

AwbWindow *
awb_window_new (AwbApplication *app)
{
  AwbWindow *self = g_object_new (AWB_TYPE_WINDOW, "application", app, NULL);
  AwbCatalogue *cat = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (),
                                                     AWB_BUILTIN_CATALOGUE_ID, NULL, NULL);

  if (cat != NULL)
    {
      self->catalogue = g_object_ref (cat);
      show_catalogue (self);
    }
  return self;
}

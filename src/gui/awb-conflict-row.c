/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-conflict-row"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-conflict-row.h"

/* One conflict as a card: the record, the package it came from, who changed
 * each side and when, the differing fields side by side, and under each side
 * the button that chooses it (conflicts.keep-mine / conflicts.take-theirs,
 * with the conflict's id, answered by the conflicts page). */

struct _AwbConflictRow
{
  GtkWidget  parent_instance;

  GtkLabel  *title_label;
  GtkLabel  *source_label;
  GtkGrid   *grid;
  GtkLabel  *mine_who_label;
  GtkLabel  *theirs_who_label;
  GtkWidget *keep_button;
  GtkWidget *take_button;

  GPtrArray *field_widgets;  /* the labels of the fields, in grid */
  char      *summary;
};

G_DEFINE_FINAL_TYPE (AwbConflictRow, awb_conflict_row, GTK_TYPE_WIDGET)

#define FIRST_FIELD_ROW 2

static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (at != NULL ? at : _("an unknown time"));
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
who_when (JsonNode   *value,
          const char *actor,
          const char *at)
{
  g_autofree char *when = local_time (at);

  if (actor == NULL || *actor == '\0')
    actor = _("someone");
  if (value == NULL)
    /* Translators: who deleted one side's record, and when */
    return g_strdup_printf (_("Deleted by %s, %s"), actor, when);
  /* Translators: who last changed one side's record, and when */
  return g_strdup_printf (_("Changed by %s, %s"), actor, when);
}

static GtkWidget *
cell (const char *text,
      gboolean    is_label)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (is_label)
    gtk_widget_add_css_class (label, "dim-label");
  else
    {
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
      gtk_widget_set_hexpand (label, TRUE);
    }
  return label;
}

static void
move_to_row (GtkGrid   *grid,
             GtkWidget *child,
             int        row)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (grid));
  GtkLayoutChild *place = gtk_layout_manager_get_layout_child (layout, child);

  gtk_grid_layout_child_set_row (GTK_GRID_LAYOUT_CHILD (place), row);
}

static void
awb_conflict_row_dispose (GObject *object)
{
  GtkWidget *child;
  AwbConflictRow *self = (AwbConflictRow *) object;

  g_clear_pointer (&self->field_widgets, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_CONFLICT_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (awb_conflict_row_parent_class)->dispose (object);
}

static void
awb_conflict_row_class_init (AwbConflictRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_conflict_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-conflict-row.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbConflictRow, title_label);
  gtk_widget_class_bind_template_child (widget_class, AwbConflictRow, source_label);
  gtk_widget_class_bind_template_child (widget_class, AwbConflictRow, grid);
  gtk_widget_class_bind_template_child (widget_class, AwbConflictRow, mine_who_label);
  gtk_widget_class_bind_template_child (widget_class, AwbConflictRow, theirs_who_label);
  gtk_widget_class_bind_template_child (widget_class, AwbConflictRow, keep_button);
  gtk_widget_class_bind_template_child (widget_class, AwbConflictRow, take_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_conflict_row_init (AwbConflictRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->field_widgets = g_ptr_array_new ();
}

GtkWidget *
awb_conflict_row_new (void)
{
  return g_object_new (AWB_TYPE_CONFLICT_ROW, NULL);
}

void
awb_conflict_row_show (AwbConflictRow  *self,
                       AwbConflictItem *item)
{
  const AwbConflict *c = awb_conflict_item_get_conflict (item);
  const char *title = awb_conflict_item_get_title (item);
  GPtrArray *fields = awb_conflict_item_get_fields (item);
  g_autofree char *found = local_time (c->detected_at);
  g_autofree char *source = NULL;
  g_autofree char *mine_who = who_when (c->mine, c->mine_actor, c->mine_at);
  g_autofree char *theirs_who = who_when (c->theirs, c->theirs_actor, c->theirs_at);
  g_autofree char *keep = NULL;
  g_autofree char *take = NULL;
  g_autoptr(GString) mine_values = g_string_new (NULL);
  g_autoptr(GString) theirs_values = g_string_new (NULL);
  GVariant *target;

  g_return_if_fail (AWB_IS_CONFLICT_ROW (self));

  gtk_label_set_text (self->title_label, title);
  /* Translators: where a conflict came from: the package's file name, when it was found */
  source = g_strdup_printf (_("From the package “%s”, found %s"), c->package, found);
  gtk_label_set_text (self->source_label, source);
  gtk_label_set_text (self->mine_who_label, mine_who);
  gtk_label_set_text (self->theirs_who_label, theirs_who);

  for (guint i = 0; i < self->field_widgets->len; i++)
    gtk_grid_remove (self->grid, self->field_widgets->pdata[i]);
  g_ptr_array_set_size (self->field_widgets, 0);
  for (guint i = 0; i < fields->len; i++)
    {
      AwbConflictField *f = fields->pdata[i];
      GtkWidget *widgets[3] = { cell (f->label, TRUE), cell (f->mine, FALSE),
                                cell (f->theirs, FALSE) };

      for (guint col = 0; col < 3; col++)
        {
          gtk_grid_attach (self->grid, widgets[col], col, FIRST_FIELD_ROW + i, 1, 1);
          g_ptr_array_add (self->field_widgets, widgets[col]);
        }
      /* Translators: a field and its value in a sentence read aloud: "Rating: Conformant" */
      g_string_append_printf (mine_values, _("%s: %s. "), f->label, f->mine);
      g_string_append_printf (theirs_values, _("%s: %s. "), f->label, f->theirs);
    }
  move_to_row (self->grid, self->keep_button, FIRST_FIELD_ROW + fields->len);
  move_to_row (self->grid, self->take_button, FIRST_FIELD_ROW + fields->len);

  /* the target before the name: a parameterised action without one warns */
  target = g_variant_ref_sink (g_variant_new_string (c->id));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->keep_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->take_button), target);
  g_variant_unref (target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->keep_button), "conflicts.keep-mine");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->take_button), "conflicts.take-theirs");
  /* a screen reader says which conflict a button decides */
  /* Translators: the accessible name of a button: Keep mine: <the record> */
  keep = g_strdup_printf (_("Keep mine: %s"), title);
  /* Translators: the accessible name of a button: Take theirs: <the record> */
  take = g_strdup_printf (_("Take theirs: %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->keep_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, keep, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->take_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, take, -1);

  g_free (self->summary);
  /* Translators: a conflict read aloud: the record; mine: who, when, values; theirs: the same */
  self->summary = g_strdup_printf (_("%s. Mine: %s. %sTheirs: %s. %s"), title, mine_who,
                                   mine_values->str, theirs_who, theirs_values->str);
  g_strchomp (self->summary);
}

/* The conflict in one sentence, for assistive technologies. */
const char *
awb_conflict_row_get_summary (AwbConflictRow *self)
{
  g_return_val_if_fail (AWB_IS_CONFLICT_ROW (self), NULL);
  return self->summary;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-autosave"

#include "config.h"

#include "awb-autosave.h"

/* There is no Save button anywhere: a text field (an entry, an entry row or a
 * text view) commits what was typed when focus leaves it, when it is hidden
 * (the window closes, another record is shown) or after a short pause. What
 * was last committed is remembered, so an unchanged field writes nothing. */

typedef struct
{
  AwbAutosaveFunc        commit;
  AwbAutosaveResultFunc  result;
  gpointer               user_data;
  guint                  timeout_id;
  char                  *committed;
  gboolean               loading;
} Autosave;

static const char *key = "awb-autosave";

static void
autosave_free (gpointer data)
{
  Autosave *state = data;

  g_clear_handle_id (&state->timeout_id, g_source_remove);
  g_free (state->committed);
  g_free (state);
}

static GtkTextBuffer *
text_buffer (GtkWidget *field)
{
  return GTK_IS_TEXT_VIEW (field) ? gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)) : NULL;
}

/* The text as typed, trailing blanks kept. */
char *
awb_autosave_get_text (GtkWidget *field)
{
  GtkTextBuffer *buffer = text_buffer (field);
  GtkTextIter start, end;

  if (buffer == NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (field)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Commits now if the text differs from what was last committed. */
void
awb_autosave_flush (GtkWidget *field)
{
  Autosave *state = g_object_get_data (G_OBJECT (field), key);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  if (state == NULL)
    return;
  g_clear_handle_id (&state->timeout_id, g_source_remove);

  text = awb_autosave_get_text (field);
  if (g_strcmp0 (text, state->committed) == 0)
    return;

  /* the callback may replace the text (a trimmed value): keep a reference */
  g_object_ref (field);
  if (state->commit (field, text, state->user_data, &error))
    {
      g_free (state->committed);
      state->committed = awb_autosave_get_text (field);
    }
  if (state->result != NULL)
    state->result (field, error, state->user_data);
  g_object_unref (field);
}

gboolean
awb_autosave_is_pending (GtkWidget *field)
{
  Autosave *state = g_object_get_data (G_OBJECT (field), key);
  g_autofree char *text = NULL;

  if (state == NULL)
    return FALSE;
  text = awb_autosave_get_text (field);
  return g_strcmp0 (text, state->committed) != 0;
}

static gboolean
on_timeout_cb (gpointer user_data)
{
  GtkWidget *field = user_data;
  Autosave *state = g_object_get_data (G_OBJECT (field), key);

  state->timeout_id = 0;
  awb_autosave_flush (field);
  return G_SOURCE_REMOVE;
}

static void
on_text_changed_cb (gpointer   object,
                    GtkWidget *field)
{
  Autosave *state = g_object_get_data (G_OBJECT (field), key);

  if (state == NULL || state->loading)
    return;
  g_clear_handle_id (&state->timeout_id, g_source_remove);
  state->timeout_id = g_timeout_add (AWB_AUTOSAVE_DELAY_MS, on_timeout_cb, field);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   gpointer                 user_data)
{
  awb_autosave_flush (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
on_field_unmap_cb (GtkWidget *field,
                   gpointer   user_data)
{
  awb_autosave_flush (field);
}

/* Makes field commit itself through commit; result reports each outcome. */
void
awb_autosave_attach (GtkWidget             *field,
                     AwbAutosaveFunc        commit,
                     AwbAutosaveResultFunc  result,
                     gpointer               user_data)
{
  Autosave *state = g_new0 (Autosave, 1);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkTextBuffer *buffer = text_buffer (field);

  g_return_if_fail (GTK_IS_EDITABLE (field) || GTK_IS_TEXT_VIEW (field));

  state->commit = commit;
  state->result = result;
  state->user_data = user_data;
  state->committed = awb_autosave_get_text (field);
  g_object_set_data_full (G_OBJECT (field), key, state, autosave_free);

  if (buffer != NULL)
    g_signal_connect_object (buffer, "changed", G_CALLBACK (on_text_changed_cb), field, 0);
  else
    g_signal_connect (field, "changed", G_CALLBACK (on_text_changed_cb), field);
  g_signal_connect (focus, "leave", G_CALLBACK (on_focus_leave_cb), NULL);
  gtk_widget_add_controller (field, focus);
  g_signal_connect (field, "unmap", G_CALLBACK (on_field_unmap_cb), NULL);
}

/* Shows text as the committed value (loading a record), without committing. */
void
awb_autosave_set_text (GtkWidget  *field,
                       const char *text)
{
  Autosave *state = g_object_get_data (G_OBJECT (field), key);
  GtkTextBuffer *buffer = text_buffer (field);

  if (text == NULL)
    text = "";
  if (state != NULL)
    {
      g_autofree char *shown = awb_autosave_get_text (field);

      g_clear_handle_id (&state->timeout_id, g_source_remove);
      /* the same text again (a refresh): no relayout */
      if (g_str_equal (shown, text))
        {
          g_free (state->committed);
          state->committed = g_strdup (text);
          return;
        }
      state->loading = TRUE;
    }
  if (buffer != NULL)
    gtk_text_buffer_set_text (buffer, text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text);
  if (state != NULL)
    {
      state->loading = FALSE;
      g_free (state->committed);
      state->committed = g_strdup (text);
    }
}

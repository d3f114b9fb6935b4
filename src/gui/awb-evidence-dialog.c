/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-evidence-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "awb-attachment-store.h"
#include "awb-autosave.h"
#include "awb-dates.h"
#include "awb-evidence.h"
#include "awb-evidence-dialog.h"
#include "awb-window.h"

/* An evidence item: its method (which decides the method's own fields), what
 * was seen, by whom and when, the requirements it bears on (supports, partly,
 * contradicts for each) and its attachments. A new item is recorded with
 * "Add"; an existing one saves each field as it is edited, so the dialog has
 * no Save button, only a close button. */

struct _AwbEvidenceDialog
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwHeaderBar        *header_bar;
  AdwWindowTitle      *window_title;
  GtkWidget           *cancel_button;
  GtkWidget           *add_button;
  GtkLabel            *error_label;
  GtkWidget           *method_box;
  GtkToggleButton     *document_button;
  GtkToggleButton     *interview_button;
  GtkToggleButton     *demonstration_button;
  AdwEntryRow         *title_row;
  AdwEntryRow         *observed_row;
  AdwEntryRow         *evaluator_row;
  AdwPreferencesGroup *fields_group;
  GtkTextView         *observation_view;
  GtkListBox          *links_list;
  GtkDropDown         *requirement_dropdown;
  GtkWidget           *link_button;
  GtkListBox          *attachments_list;

  AwbSession          *session;
  AwbEvidence         *evidence;    /* NULL for a new item */
  AwbMethod            method;
  GHashTable          *field_rows;  /* key → AdwEntryRow of the shown method */
  GHashTable          *values;      /* key → text typed, kept across method changes */
  GPtrArray           *links;       /* AwbEvidenceLink* */
  GPtrArray           *files;       /* char* paths to attach (new item) */
  gboolean             updating;
};

G_DEFINE_FINAL_TYPE (AwbEvidenceDialog, awb_evidence_dialog, ADW_TYPE_WINDOW)

static gboolean
is_new (AwbEvidenceDialog *self)
{
  return self->evidence == NULL;
}

static AwbDatabase *
database (AwbEvidenceDialog *self)
{
  return awb_session_get_database (self->session);
}

static void
show_error (AwbEvidenceDialog *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
update_add_button (AwbEvidenceDialog *self)
{
  g_autofree char *title = NULL;

  if (!is_new (self))
    return;
  title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  gtk_widget_set_sensitive (self->add_button, *title != '\0' && self->links->len > 0);
}

/* Re-reads the item after a saved edit and tells every page. */
static void
saved (AwbEvidenceDialog *self)
{
  g_autoptr(AwbEvidence) evidence = NULL;
  g_autoptr(GError) error = NULL;

  show_error (self, NULL);
  evidence = awb_evidence_lookup (database (self), awb_evidence_get_id (self->evidence), &error);
  if (evidence != NULL)
    g_set_object (&self->evidence, evidence);
  awb_session_refresh (self->session, AWB_SESSION_EVIDENCE);
}

static gboolean
update_links (AwbEvidenceDialog *self)
{
  AwbEvidenceChanges changes = { 0 };
  g_autoptr(GError) error = NULL;

  if (is_new (self))
    return TRUE;
  changes.links = self->links;
  changes.actor = awb_session_get_actor (self->session);
  if (!awb_evidence_update (database (self), awb_evidence_get_id (self->evidence), &changes, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }
  saved (self);
  return TRUE;
}

static void rebuild_links (AwbEvidenceDialog *self);

static void
on_supports_selected_cb (GtkDropDown       *dropdown,
                         GParamSpec        *pspec,
                         AwbEvidenceDialog *self)
{
  AwbEvidenceLink *link = g_object_get_data (G_OBJECT (dropdown), "link");
  AwbSupports before = link->supports;

  if (self->updating)
    return;
  link->supports = gtk_drop_down_get_selected (dropdown);
  if (!update_links (self))
    {
      link->supports = before;
      rebuild_links (self);
    }
}

static void
on_unlink_clicked_cb (GtkButton         *button,
                      AwbEvidenceDialog *self)
{
  AwbEvidenceLink *link = g_object_get_data (G_OBJECT (button), "link");
  g_autoptr(AwbEvidenceLink) removed = awb_evidence_link_copy (link);

  g_ptr_array_remove (self->links, link);
  if (!update_links (self))
    g_ptr_array_add (self->links, g_steal_pointer (&removed));
  rebuild_links (self);
  update_add_button (self);
}

static void
rebuild_links (AwbEvidenceDialog *self)
{
  AwbCatalogue *catalogue = awb_session_get_catalogue (self->session);
  GtkWidget *child;
  const char *supports[AWB_N_SUPPORTS + 1];

  for (AwbSupports s = 0; s < AWB_N_SUPPORTS; s++)
    supports[s] = awb_supports_label (s);
  supports[AWB_N_SUPPORTS] = NULL;

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    gtk_list_box_remove (self->links_list, child);
  for (guint i = 0; i < self->links->len; i++)
    {
      AwbEvidenceLink *link = g_ptr_array_index (self->links, i);
      AwbRequirement *req = awb_catalogue_lookup (catalogue, link->requirement_id);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dropdown = gtk_drop_down_new_from_strings (supports);
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *text = g_markup_escape_text (req != NULL ? awb_requirement_get_text (req) : "", -1);
      g_autofree char *supports_name = g_strdup_printf (_("How it bears on %s"), link->requirement_id);
      g_autofree char *remove_name = g_strdup_printf (_("Unlink %s"), link->requirement_id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), link->requirement_id);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), link->supports);
      gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      supports_name, -1);
      g_object_set_data (G_OBJECT (dropdown), "link", link);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (on_supports_selected_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_name, -1);
      g_object_set_data (G_OBJECT (remove), "link", link);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_unlink_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->links_list, row);
    }
  self->updating = FALSE;
}

static void
link_requirement (AwbEvidenceDialog *self,
                  const char        *requirement_id)
{
  for (guint i = 0; i < self->links->len; i++)
    {
      AwbEvidenceLink *link = g_ptr_array_index (self->links, i);

      if (g_str_equal (link->requirement_id, requirement_id))
        return;
    }
  g_ptr_array_add (self->links, awb_evidence_link_new (requirement_id, AWB_SUPPORTS_YES));
  if (!update_links (self))
    g_ptr_array_remove_index (self->links, self->links->len - 1);
  rebuild_links (self);
  update_add_button (self);
}

static void
on_link_button_clicked_cb (AwbEvidenceDialog *self,
                           GtkButton         *button)
{
  AwbRequirement *req = gtk_drop_down_get_selected_item (self->requirement_dropdown);

  if (req != NULL)
    link_requirement (self, awb_requirement_get_id (req));
}

/* Attachments */

static void rebuild_attachments (AwbEvidenceDialog *self);

static void
on_open_attachment_clicked_cb (GtkButton         *button,
                               AwbEvidenceDialog *self)
{
  const char *path = g_object_get_data (G_OBJECT (button), "path");
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *message = g_strdup_printf (_("The attached file is missing from the store "
                                                    "(%s): run “awb verify” to check the store"),
                                                  path);
      show_error (self, message);
      return;
    }
  if (uri != NULL)
    gtk_show_uri (GTK_WINDOW (self), uri, GDK_CURRENT_TIME);
}

static void
on_remove_attachment_clicked_cb (GtkButton         *button,
                                 AwbEvidenceDialog *self)
{
  g_autoptr(GError) error = NULL;
  const char *attachment_id = g_object_get_data (G_OBJECT (button), "attachment-id");
  const char *path = g_object_get_data (G_OBJECT (button), "path");

  if (is_new (self))
    {
      for (guint i = 0; i < self->files->len; i++)
        if (g_str_equal (g_ptr_array_index (self->files, i), path))
          {
            g_ptr_array_remove_index (self->files, i);
            break;
          }
      rebuild_attachments (self);
      return;
    }
  if (!awb_evidence_remove_attachment (database (self), attachment_id,
                                       awb_session_get_actor (self->session), &error))
    {
      show_error (self, error->message);
      return;
    }
  saved (self);
  rebuild_attachments (self);
}

static void
append_attachment_row (AwbEvidenceDialog *self,
                       const char        *name,
                       gint64             size,
                       const char        *sha256,
                       const char        *path,
                       const char        *attachment_id)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *open = gtk_button_new_from_icon_name ("document-open-symbolic");
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *title = g_markup_escape_text (name, -1);
  g_autofree char *size_text = g_format_size (size);
  g_autofree char *subtitle = NULL;
  g_autofree char *open_name = g_strdup_printf (_("Open %s"), name);
  g_autofree char *remove_name = g_strdup_printf (_("Remove %s"), name);

  if (sha256 != NULL)
    /* Translators: an attachment's size and the start of its SHA-256 */
    subtitle = g_strdup_printf (_("%s · SHA-256 %.12s…"), size_text, sha256);
  else
    /* Translators: a file chosen but not yet stored */
    subtitle = g_strdup_printf (_("%s · stored when the item is added"), size_text);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, sha256);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("mail-attachment-symbolic"));

  gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open, "flat");
  gtk_widget_set_tooltip_text (open, open_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (open), GTK_ACCESSIBLE_PROPERTY_LABEL, open_name, -1);
  g_object_set_data_full (G_OBJECT (open), "path", g_strdup (path), g_free);
  g_signal_connect (open, "clicked", G_CALLBACK (on_open_attachment_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, remove_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
  g_object_set_data_full (G_OBJECT (remove), "path", g_strdup (path), g_free);
  g_object_set_data_full (G_OBJECT (remove), "attachment-id", g_strdup (attachment_id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_attachment_clicked_cb), self);
  gtk_widget_set_sensitive (remove, !awb_session_is_locked (self->session));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  gtk_list_box_append (self->attachments_list, row);
}

static void
rebuild_attachments (AwbEvidenceDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attachments_list))) != NULL)
    gtk_list_box_remove (self->attachments_list, child);

  if (is_new (self))
    {
      for (guint i = 0; i < self->files->len; i++)
        {
          const char *path = g_ptr_array_index (self->files, i);
          g_autofree char *name = g_path_get_basename (path);
          GStatBuf st;

          append_attachment_row (self, name, g_stat (path, &st) == 0 ? st.st_size : 0, NULL,
                                 path, NULL);
        }
    }
  else
    {
      GPtrArray *attachments = awb_evidence_get_attachments (self->evidence);
      g_autoptr(AwbAttachmentStore) store = awb_attachment_store_new_for_database (database (self));

      for (guint i = 0; attachments != NULL && i < attachments->len; i++)
        {
          AwbAttachment *a = g_ptr_array_index (attachments, i);
          g_autofree char *path = awb_attachment_store_get_file_path (store, a->sha256);

          append_attachment_row (self, a->name, a->size, a->sha256, path, a->id);
        }
    }
}

/* Puts paths on the item: stored at once for an existing item, with the
 * item for a new one. */
void
awb_evidence_dialog_add_files (AwbEvidenceDialog  *self,
                               const char * const *paths)
{
  g_return_if_fail (AWB_IS_EVIDENCE_DIALOG (self));

  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *id = NULL;

      if (!awb_attachment_store_check_source (paths[i], &error))
        {
          show_error (self, error->message);
          continue;
        }
      if (is_new (self))
        {
          g_ptr_array_add (self->files, g_strdup (paths[i]));
          continue;
        }
      id = awb_evidence_add_attachment (database (self), awb_evidence_get_id (self->evidence),
                                        paths[i], awb_session_get_actor (self->session), &error);
      if (id == NULL)
        show_error (self, error->message);
      else
        saved (self);
    }
  rebuild_attachments (self);
}

static void
on_attach_chooser_response_cb (GtkNativeDialog   *native,
                               int                response,
                               AwbEvidenceDialog *self)
{
  g_autoptr(GListModel) files = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (files == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  awb_evidence_dialog_add_files (self, (const char * const *) paths->pdata);
}

static void
on_attach_button_clicked_cb (AwbEvidenceDialog *self,
                             GtkButton         *button)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Attach Files"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  g_signal_connect (native, "response", G_CALLBACK (on_attach_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
on_drop_cb (GtkDropTarget     *target,
            const GValue      *value,
            double             x,
            double             y,
            AwbEvidenceDialog *self)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || awb_session_is_locked (self->session))
    return FALSE;
  for (GSList *l = g_value_get_boxed (value); l != NULL; l = l->next)
    {
      char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  awb_evidence_dialog_add_files (self, (const char * const *) paths->pdata);
  return TRUE;
}

/* Text fields of an existing item: each saves itself */

static gboolean
commit_field_cb (GtkWidget  *field,
                 const char *text,
                 gpointer    user_data,
                 GError    **error)
{
  AwbEvidenceDialog *self = user_data;
  AwbEvidenceChanges changes = { 0 };
  g_autoptr(GHashTable) fields = NULL;
  const char *key = g_object_get_data (G_OBJECT (field), "field");
  g_autofree char *value = g_strstrip (g_strdup (text));

  if (is_new (self))
    return TRUE;
  changes.actor = awb_session_get_actor (self->session);
  if (field == GTK_WIDGET (self->title_row))
    changes.title = value;
  else if (field == GTK_WIDGET (self->observed_row))
    changes.observed_on = value;
  else if (field == GTK_WIDGET (self->evaluator_row))
    changes.evaluator = value;
  else if (field == GTK_WIDGET (self->observation_view))
    changes.observation = text;
  else if (key != NULL)
    {
      fields = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (fields, (gpointer) key, value);
      changes.fields = fields;
    }
  return awb_evidence_update (database (self), awb_evidence_get_id (self->evidence), &changes, error);
}

static void
field_result_cb (GtkWidget    *field,
                 const GError *error,
                 gpointer      user_data)
{
  AwbEvidenceDialog *self = user_data;

  if (is_new (self))
    return;
  if (error != NULL)
    {
      gtk_widget_add_css_class (field, "error");
      show_error (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (field, "error");
  saved (self);
}

static void
remember_field (AwbEvidenceDialog *self)
{
  GHashTableIter iter;
  gpointer key, row;

  g_hash_table_iter_init (&iter, self->field_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    g_hash_table_insert (self->values, g_strdup (key),
                         g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
show_method_fields (AwbEvidenceDialog *self)
{
  const char * const *keys = awb_evidence_method_fields (self->method);
  GHashTableIter iter;
  gpointer old;

  remember_field (self);
  g_hash_table_iter_init (&iter, self->field_rows);
  while (g_hash_table_iter_next (&iter, NULL, &old))
    {
      if (!is_new (self))
        awb_autosave_flush (old);
      adw_preferences_group_remove (self->fields_group, old);
    }
  g_hash_table_remove_all (self->field_rows);

  adw_preferences_group_set_title (self->fields_group, awb_method_label (self->method));
  for (guint i = 0; keys != NULL && keys[i] != NULL; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      const char *value = is_new (self) ? g_hash_table_lookup (self->values, keys[i])
                                        : awb_evidence_get_field (self->evidence, keys[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), awb_evidence_field_label (keys[i]));
      gtk_editable_set_text (GTK_EDITABLE (row), value != NULL ? value : "");
      g_object_set_data_full (G_OBJECT (row), "field", g_strdup (keys[i]), g_free);
      awb_autosave_attach (row, commit_field_cb, field_result_cb, self);
      adw_preferences_group_add (self->fields_group, row);
      g_hash_table_insert (self->field_rows, g_strdup (keys[i]), row);
    }
}

void
awb_evidence_dialog_set_method (AwbEvidenceDialog *self,
                                AwbMethod          method)
{
  GtkToggleButton *buttons[AWB_N_METHODS] = {
    self->document_button, self->interview_button, self->demonstration_button
  };

  g_return_if_fail (AWB_IS_EVIDENCE_DIALOG (self));
  g_return_if_fail (method < AWB_N_METHODS);

  gtk_toggle_button_set_active (buttons[method], TRUE);
  if (self->method != method || g_hash_table_size (self->field_rows) == 0)
    {
      self->method = method;
      show_method_fields (self);
    }
}

static void
on_method_button_toggled_cb (AwbEvidenceDialog *self,
                             GtkToggleButton   *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->document_button)
    awb_evidence_dialog_set_method (self, AWB_METHOD_DOCUMENT);
  else if (button == self->interview_button)
    awb_evidence_dialog_set_method (self, AWB_METHOD_INTERVIEW);
  else
    awb_evidence_dialog_set_method (self, AWB_METHOD_DEMONSTRATION);
}

static void
on_title_row_changed_cb (AwbEvidenceDialog *self,
                         GtkEditable       *row)
{
  update_add_button (self);
}

static void
on_cancel_button_clicked_cb (AwbEvidenceDialog *self,
                             GtkButton         *button)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_add_button_clicked_cb (AwbEvidenceDialog *self,
                          GtkButton         *button)
{
  AwbEvidenceNew params = { 0 };
  g_autoptr(GHashTable) fields = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *observed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->observed_row))));
  g_autofree char *evaluator = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->evaluator_row))));
  g_autofree char *observation = awb_autosave_get_text (GTK_WIDGET (self->observation_view));
  g_autofree char *id = NULL;
  g_autofree char *toast = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GHashTableIter iter;
  gpointer key, row;

  g_hash_table_iter_init (&iter, self->field_rows);
  while (g_hash_table_iter_next (&iter, &key, &row))
    {
      char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

      if (*value != '\0')
        g_hash_table_insert (fields, key, value);
      else
        g_free (value);
    }
  g_ptr_array_add (self->files, NULL);

  params.method = self->method;
  params.title = title;
  params.observation = observation;
  params.evaluator = *evaluator != '\0' ? evaluator : NULL;
  params.observed_on = *observed != '\0' ? observed : NULL;
  params.links = self->links;
  params.fields = fields;
  params.attachments = (const char * const *) self->files->pdata;
  params.actor = awb_session_get_actor (self->session);
  id = awb_evidence_add (database (self), awb_session_get_case_id (self->session), &params, &error);
  g_ptr_array_remove_index (self->files, self->files->len - 1);
  if (id == NULL)
    {
      show_error (self, error->message);
      return;
    }

  awb_session_refresh (self->session, AWB_SESSION_EVIDENCE);
  /* Translators: a toast after adding an evidence item */
  toast = g_strdup_printf (_("Evidence “%s” added"), title);
  if (parent != NULL)
    awb_window_show_message (GTK_WIDGET (parent), toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
awb_evidence_dialog_close_request (GtkWindow *window)
{
  /* an existing item: commit the field being typed in */
  gtk_window_set_focus (window, NULL);
  return GTK_WINDOW_CLASS (awb_evidence_dialog_parent_class)->close_request (window);
}

static void
awb_evidence_dialog_dispose (GObject *object)
{
  AwbEvidenceDialog *self = (AwbEvidenceDialog *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_EVIDENCE_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->evidence);
  g_clear_pointer (&self->field_rows, g_hash_table_unref);
  g_clear_pointer (&self->values, g_hash_table_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->files, g_ptr_array_unref);

  G_OBJECT_CLASS (awb_evidence_dialog_parent_class)->dispose (object);
}

static void
awb_evidence_dialog_class_init (AwbEvidenceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = awb_evidence_dialog_dispose;
  window_class->close_request = awb_evidence_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-evidence-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, method_box);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, document_button);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, interview_button);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, demonstration_button);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, observed_row);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, evaluator_row);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, observation_view);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, links_list);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, requirement_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, link_button);
  gtk_widget_class_bind_template_child (widget_class, AwbEvidenceDialog, attachments_list);
  gtk_widget_class_bind_template_callback (widget_class, on_method_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_title_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_link_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_attach_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
awb_evidence_dialog_init (AwbEvidenceDialog *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->method = AWB_METHOD_DOCUMENT;
  self->field_rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->links = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_evidence_link_free);
  self->files = g_ptr_array_new_with_free_func (g_free);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}

static char *
requirement_label (AwbRequirement *req)
{
  if (req == NULL)
    return g_strdup ("");
  return g_strdup_printf ("%s %s", awb_requirement_get_id (req), awb_requirement_get_text (req));
}

static AwbEvidenceDialog *
create (GtkWindow  *parent,
        AwbSession *session)
{
  AwbEvidenceDialog *self = g_object_new (AWB_TYPE_EVIDENCE_DIALOG,
                                         "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                                         "transient-for", parent, NULL);
  GtkExpression *expression;

  self->session = g_object_ref (session);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (requirement_label), NULL, NULL);
  gtk_drop_down_set_expression (self->requirement_dropdown, expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_model (self->requirement_dropdown,
                           awb_catalogue_get_requirements (awb_session_get_catalogue (session)));
  return self;
}

/* A dialog that records a new item of method, linked to requirement (or to
 * none yet), with files to attach. */
GtkWidget *
awb_evidence_dialog_new_item (GtkWindow          *parent,
                              AwbSession         *session,
                              AwbRequirement     *requirement,
                              AwbMethod           method,
                              const char * const *files)
{
  AwbEvidenceDialog *self;
  g_autofree char *today = awb_date_today_string ();
  g_autofree char *subtitle = NULL;

  g_return_val_if_fail (AWB_IS_SESSION (session), NULL);

  self = create (parent, session);
  adw_window_title_set_title (self->window_title, _("New Evidence"));
  if (requirement != NULL)
    {
      subtitle = g_strdup_printf (_("For %s"), awb_requirement_get_id (requirement));
      adw_window_title_set_subtitle (self->window_title, subtitle);
      g_ptr_array_add (self->links,
                       awb_evidence_link_new (awb_requirement_get_id (requirement), AWB_SUPPORTS_YES));
      for (guint i = 0; i < awb_catalogue_get_n_requirements (awb_session_get_catalogue (session)); i++)
        if (awb_catalogue_get_requirement (awb_session_get_catalogue (session), i) == requirement)
          gtk_drop_down_set_selected (self->requirement_dropdown, i);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->observed_row), today);
  gtk_editable_set_text (GTK_EDITABLE (self->evaluator_row), awb_session_get_actor (session));
  awb_evidence_dialog_set_method (self, method);
  rebuild_links (self);
  awb_evidence_dialog_add_files (self, files);
  if (files != NULL && files[0] != NULL && requirement != NULL)
    {
      g_autofree char *name = g_path_get_basename (files[0]);

      gtk_editable_set_text (GTK_EDITABLE (self->title_row), name);
    }
  update_add_button (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  return GTK_WIDGET (self);
}

/* A dialog on an existing item: every field saves itself. */
GtkWidget *
awb_evidence_dialog_new_edit (GtkWindow   *parent,
                              AwbSession  *session,
                              const char  *evidence_id,
                              GError     **error)
{
  g_autoptr(AwbEvidence) evidence = NULL;
  AwbEvidenceDialog *self;
  GPtrArray *links;
  gboolean locked;

  g_return_val_if_fail (AWB_IS_SESSION (session), NULL);

  evidence = awb_evidence_lookup (awb_session_get_database (session), evidence_id, error);
  if (evidence == NULL)
    return NULL;

  self = create (parent, session);
  self->evidence = g_steal_pointer (&evidence);
  locked = awb_session_is_locked (session);
  adw_window_title_set_title (self->window_title, awb_evidence_get_title (self->evidence));
  adw_window_title_set_subtitle (self->window_title,
                                 locked ? _("Locked while the expert panel has the case")
                                        : _("Changes are saved as you make them"));
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->add_button, FALSE);
  gtk_widget_set_sensitive (self->method_box, FALSE);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), awb_evidence_get_title (self->evidence));
  gtk_editable_set_text (GTK_EDITABLE (self->observed_row),
                         awb_evidence_get_observed_on (self->evidence) != NULL
                           ? awb_evidence_get_observed_on (self->evidence) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->evaluator_row),
                         awb_evidence_get_evaluator (self->evidence));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->observation_view),
                            awb_evidence_get_observation (self->evidence), -1);
  links = awb_evidence_get_links (self->evidence);
  for (guint i = 0; links != NULL && i < links->len; i++)
    g_ptr_array_add (self->links, awb_evidence_link_copy (g_ptr_array_index (links, i)));

  awb_autosave_attach (GTK_WIDGET (self->title_row), commit_field_cb, field_result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->observed_row), commit_field_cb, field_result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->evaluator_row), commit_field_cb, field_result_cb, self);
  awb_autosave_attach (GTK_WIDGET (self->observation_view), commit_field_cb, field_result_cb, self);
  self->method = awb_evidence_get_method (self->evidence);
  awb_evidence_dialog_set_method (self, self->method);
  rebuild_links (self);
  rebuild_attachments (self);

  if (locked)
    {
      gtk_editable_set_editable (GTK_EDITABLE (self->title_row), FALSE);
      gtk_editable_set_editable (GTK_EDITABLE (self->observed_row), FALSE);
      gtk_editable_set_editable (GTK_EDITABLE (self->evaluator_row), FALSE);
      gtk_text_view_set_editable (self->observation_view, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->fields_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->links_list), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->requirement_dropdown), FALSE);
      gtk_widget_set_sensitive (self->link_button, FALSE);
    }
  return GTK_WIDGET (self);
}

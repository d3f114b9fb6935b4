/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-session"

#include "config.h"

#include <glib/gi18n.h>

#include "awb-catalogue-registry.h"
#include "awb-finding.h"
#include "awb-history.h"
#include "awb-session.h"

/* The case open in a window: the database, the case as last read, its
 * catalogue and its judgement. Every page edits through the core and then
 * calls awb_session_refresh (), which re-reads the case, re-judges it and
 * emits "changed" so that every page shows the same state. */

struct _AwbSession
{
  GObject       parent_instance;

  AwbDatabase  *db;
  char         *case_id;
  char         *actor;
  AwbCase      *kase;
  AwbCatalogue *catalogue;
  AwbJudgement *judgement;
  GHashTable   *open_findings;  /* requirement id → count */
  gint64        refresh_usec;
  guint         judge_source;
};

G_DEFINE_FINAL_TYPE (AwbSession, awb_session, G_TYPE_OBJECT)

enum {
  CHANGED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
load (AwbSession *self,
      gboolean    judge,
      GError    **error)
{
  g_autoptr(AwbCase) kase = NULL;
  g_autoptr(AwbJudgement) judgement = NULL;
  g_autoptr(GListModel) findings = NULL;
  g_autoptr(GHashTable) open = NULL;
  AwbCatalogue *catalogue;

  kase = awb_case_lookup (self->db, self->case_id, error);
  if (kase == NULL)
    return FALSE;
  catalogue = awb_catalogue_registry_lookup (awb_catalogue_registry_get_default (),
                                             awb_case_get_catalogue_id (kase),
                                             awb_case_get_catalogue_version (kase), error);
  if (catalogue == NULL)
    return FALSE;
  if (judge)
    {
      judgement = awb_judge_case (self->db, self->case_id, error);
      if (judgement == NULL)
        return FALSE;
    }
  findings = awb_finding_list (self->db, self->case_id, NULL, error);
  if (findings == NULL)
    return FALSE;

  open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
    {
      g_autoptr(AwbFinding) finding = g_list_model_get_item (findings, i);
      const char *req = awb_finding_get_requirement_id (finding);

      if (awb_finding_get_status (finding) != AWB_FINDING_OPEN)
        continue;
      g_hash_table_insert (open, g_strdup (req),
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (open, req))
                                             + 1));
    }

  g_set_object (&self->kase, kase);
  g_set_object (&self->catalogue, catalogue);
  if (judge)
    {
      g_clear_pointer (&self->judgement, awb_judgement_free);
      self->judgement = g_steal_pointer (&judgement);
    }
  g_clear_pointer (&self->open_findings, g_hash_table_unref);
  self->open_findings = g_steal_pointer (&open);
  return TRUE;
}

static void
awb_session_finalize (GObject *object)
{
  AwbSession *self = (AwbSession *) object;

  g_clear_handle_id (&self->judge_source, g_source_remove);
  g_clear_object (&self->db);
  g_clear_object (&self->kase);
  g_clear_object (&self->catalogue);
  g_clear_pointer (&self->judgement, awb_judgement_free);
  g_clear_pointer (&self->open_findings, g_hash_table_unref);
  g_free (self->case_id);
  g_free (self->actor);

  G_OBJECT_CLASS (awb_session_parent_class)->finalize (object);
}

static void
awb_session_class_init (AwbSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = awb_session_finalize;

  /* After every refresh, with the AwbSessionChange flags: pages re-read what they show. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  /* A refresh failed (the database went away, the catalogue is missing). */
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
awb_session_init (AwbSession *self)
{
}

/* Opens case_id (a full id or a unique prefix) of db. actor NULL or "" means
 * awb_history_default_actor (). */
AwbSession *
awb_session_new (AwbDatabase *db,
                 const char  *case_id,
                 const char  *actor,
                 GError     **error)
{
  g_autoptr(AwbSession) self = g_object_new (AWB_TYPE_SESSION, NULL);
  g_autoptr(AwbCase) kase = NULL;

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  kase = awb_case_lookup (db, case_id, error);
  if (kase == NULL)
    return NULL;
  self->db = g_object_ref (db);
  self->case_id = g_strdup (awb_case_get_id (kase));
  awb_session_set_actor (self, actor);
  /* the judgement comes with awb_session_judge_soon (), after the first frame */
  if (!load (self, FALSE, error))
    return NULL;
  return g_steal_pointer (&self);
}

AwbDatabase *
awb_session_get_database (AwbSession *self)
{
  g_return_val_if_fail (AWB_IS_SESSION (self), NULL);
  return self->db;
}

const char *
awb_session_get_case_id (AwbSession *self)
{
  g_return_val_if_fail (AWB_IS_SESSION (self), NULL);
  return self->case_id;
}

/* The case as read at the last refresh. */
AwbCase *
awb_session_get_case (AwbSession *self)
{
  g_return_val_if_fail (AWB_IS_SESSION (self), NULL);
  return self->kase;
}

AwbCatalogue *
awb_session_get_catalogue (AwbSession *self)
{
  g_return_val_if_fail (AWB_IS_SESSION (self), NULL);
  return self->catalogue;
}

/* NULL until the case has been judged once (awb_session_judge_soon ()). */
AwbJudgement *
awb_session_get_judgement (AwbSession *self)
{
  g_return_val_if_fail (AWB_IS_SESSION (self), NULL);
  return self->judgement;
}

/* The judgement of requirement_id, or NULL (not judged yet, or unknown). */
const AwbRequirementJudgement *
awb_session_lookup (AwbSession *self,
                    const char *requirement_id)
{
  g_return_val_if_fail (AWB_IS_SESSION (self), NULL);
  return self->judgement != NULL ? awb_judgement_lookup (self->judgement, requirement_id) : NULL;
}

static gboolean
on_judge_idle_cb (gpointer data)
{
  AwbSession *self = data;

  self->judge_source = 0;
  awb_session_refresh (self, AWB_SESSION_ALL);
  return G_SOURCE_REMOVE;
}

/* Judges the case once the main loop is idle: a window opens on a large case
 * (100,000 items) and draws before the judgement arrives. */
void
awb_session_judge_soon (AwbSession *self)
{
  g_return_if_fail (AWB_IS_SESSION (self));

  if (self->judge_source == 0 && self->judgement == NULL)
    self->judge_source = g_idle_add_full (G_PRIORITY_LOW, on_judge_idle_cb, self, NULL);
}

/* TRUE while the case is with the expert panel. */
gboolean
awb_session_is_locked (AwbSession *self)
{
  g_return_val_if_fail (AWB_IS_SESSION (self), FALSE);
  return awb_case_is_locked (self->kase);
}

guint
awb_session_get_open_findings (AwbSession *self,
                               const char *requirement_id)
{
  g_return_val_if_fail (AWB_IS_SESSION (self), 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->open_findings, requirement_id));
}

/* Who the history names for the edits made in this window. */
const char *
awb_session_get_actor (AwbSession *self)
{
  g_return_val_if_fail (AWB_IS_SESSION (self), NULL);
  return self->actor;
}

void
awb_session_set_actor (AwbSession *self,
                       const char *actor)
{
  g_return_if_fail (AWB_IS_SESSION (self));

  g_free (self->actor);
  if (actor != NULL && *actor != '\0')
    self->actor = g_strdup (actor);
  else
    self->actor = g_strdup (awb_history_default_actor ());
}

/* How long the last refresh took, judgement included. */
gint64
awb_session_get_refresh_usec (AwbSession *self)
{
  g_return_val_if_fail (AWB_IS_SESSION (self), 0);
  return self->refresh_usec;
}

/* Re-reads and re-judges the case after an edit of what, then emits "changed". */
void
awb_session_refresh (AwbSession       *self,
                     AwbSessionChange  what)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_return_if_fail (AWB_IS_SESSION (self));

  g_clear_handle_id (&self->judge_source, g_source_remove);
  if (!load (self, TRUE, &error))
    {
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  g_signal_emit (self, signals[CHANGED], 0, (guint) what);
  self->refresh_usec = g_get_monotonic_time () - start;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-verify"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awb-attachment-store.h"
#include "awb-history.h"
#include "awb-record-private.h"
#include "awb-verify.h"

/* awb verify: the history's hash chains and the attachment store, checked
 * together, for one case or for every case. It changes nothing in the
 * database; it only deletes the store's leftover temporary files. */

void
awb_verify_report_free (AwbVerifyReport *report)
{
  if (report == NULL)
    return;
  g_free (report->case_id);
  g_ptr_array_unref (report->history_problems);
  g_ptr_array_unref (report->attachment_problems);
  g_free (report);
}

/* TRUE when nothing was found wrong. */
gboolean
awb_verify_report_ok (const AwbVerifyReport *report)
{
  g_return_val_if_fail (report != NULL, FALSE);
  return report->history_problems->len == 0 && report->attachment_problems->len == 0;
}

/* Checks case_id (full id or prefix), or every case when it is NULL. */
AwbVerifyReport *
awb_verify (AwbDatabase *db,
            const char  *case_id,
            GError     **error)
{
  g_autoptr(AwbVerifyReport) report = g_new0 (AwbVerifyReport, 1);

  g_return_val_if_fail (AWB_IS_DATABASE (db), NULL);

  report->history_problems = g_ptr_array_new_with_free_func (g_free);
  report->attachment_problems = g_ptr_array_new_with_free_func (g_free);

  if (case_id != NULL)
    {
      report->case_id = _awb_resolve_id (db, "cases", case_id, _("case"), error);
      if (report->case_id == NULL)
        return NULL;
    }

  if (!awb_history_verify (db, report->case_id, report->history_problems, error) ||
      !awb_attachment_store_verify (db, report->case_id, report->attachment_problems,
                                    &report->attachments_checked,
                                    &report->temporaries_removed, error))
    return NULL;
  return g_steal_pointer (&report);
}

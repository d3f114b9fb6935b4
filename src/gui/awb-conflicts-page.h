/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "awb-merge.h"
#include "awb-session.h"

G_BEGIN_DECLS

#define AWB_TYPE_CONFLICTS_PAGE (awb_conflicts_page_get_type ())
G_DECLARE_FINAL_TYPE (AwbConflictsPage, awb_conflicts_page, AWB, CONFLICTS_PAGE, GtkWidget)

void        awb_conflicts_page_set_session     (AwbConflictsPage *self,
                                                AwbSession       *session);
guint       awb_conflicts_page_get_n_conflicts (AwbConflictsPage *self);
GListModel *awb_conflicts_page_get_conflicts   (AwbConflictsPage *self);
gboolean    awb_conflicts_page_resolve         (AwbConflictsPage *self,
                                                const char       *conflict_id,
                                                AwbConflictSide   side);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-case-page"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "awb-case-page.h"
#include "awb-conclusion-page.h"
#include "awb-conflicts-page.h"
#include "awb-history-page.h"
#include "awb-overview-page.h"
#include "awb-panel-page.h"
#include "awb-registers-page.h"
#include "awb-requirements-page.h"

/* An open case: a header bar with the applicant and a switcher between the
 * case's pages (the case itself, requirements, registers, conclusion, panel,
 * history, conflicts after an import), a banner while the panel has the
 * case, and the progress of a running export or import. */

struct _AwbCasePage
{
  GtkWidget            parent_instance;

  AdwHeaderBar        *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  GtkWidget           *back_button;
  GtkWidget           *sidebar_button;
  GtkMenuButton       *menu_button;
  GtkRevealer         *lock_revealer;
  GtkLabel            *lock_label;
  GtkRevealer         *progress_revealer;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  AdwViewStack        *stack;
  AwbOverviewPage     *overview_page;
  AwbRequirementsPage *requirements_page;
  AwbRegistersPage    *registers_page;
  AwbConclusionPage   *conclusion_page;
  AwbPanelPage        *panel_page;
  AwbHistoryPage      *history_page;
  AdwViewStackPage    *conflicts_stack_page;
  AwbConflictsPage    *conflicts_page;

  AwbSession          *session;
  gulong               changed_id;
  gboolean             folded;
};

G_DEFINE_FINAL_TYPE (AwbCasePage, awb_case_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_FOLDED,
  PROP_MENU_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_case (AwbCasePage *self)
{
  AwbCase *kase = awb_session_get_case (self->session);
  g_autofree char *subtitle = NULL;
  g_autofree char *lock = NULL;

  adw_view_switcher_title_set_title (self->switcher_title, awb_case_get_applicant (kase));
  if (awb_session_get_judgement (self->session) != NULL)
    /* Translators: under the applicant in the header: stage · conclusion */
    subtitle = g_strdup_printf (_("%s · %s"), awb_stage_label (awb_case_get_stage (kase)),
                                awb_conclusion_label (awb_session_get_judgement (self->session)->conclusion));
  else
    subtitle = g_strdup (awb_stage_label (awb_case_get_stage (kase)));
  adw_view_switcher_title_set_subtitle (self->switcher_title, subtitle);

  gtk_revealer_set_reveal_child (self->lock_revealer, awb_case_is_locked (kase));
  if (awb_case_is_locked (kase))
    {
      lock = g_strdup_printf (_("With the expert panel since %.10s: ratings, evidence, findings and "
                                "registers cannot be changed until the case is reopened."),
                              awb_case_get_submitted_at (kase));
      gtk_label_set_text (self->lock_label, lock);
    }
}

static void
on_session_changed_cb (AwbCasePage *self,
                       guint        what,
                       AwbSession  *session)
{
  show_case (self);
}

static void
on_conclusion_page_requirement_activated_cb (AwbCasePage       *self,
                                             const char        *requirement_id,
                                             AwbConclusionPage *page)
{
  awb_case_page_select_requirement (self, requirement_id);
}

/* The tab's badge counts the conflicts to decide. */
static void
on_conflicts_page_n_conflicts_cb (AwbCasePage      *self,
                                  GParamSpec       *pspec,
                                  AwbConflictsPage *page)
{
  guint n = awb_conflicts_page_get_n_conflicts (page);

  adw_view_stack_page_set_badge_number (self->conflicts_stack_page, n);
  adw_view_stack_page_set_needs_attention (self->conflicts_stack_page, n > 0);
}

static void
awb_case_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  AwbCasePage *self = AWB_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    case PROP_MENU_MODEL:
      g_value_set_object (value, gtk_menu_button_get_menu_model (self->menu_button));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_case_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  AwbCasePage *self = AWB_CASE_PAGE (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          gtk_widget_set_visible (self->back_button, self->folded);
          gtk_widget_set_visible (self->sidebar_button, !self->folded);
          adw_header_bar_set_show_start_title_buttons (self->header_bar, self->folded);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_MENU_MODEL:
      gtk_menu_button_set_menu_model (self->menu_button, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
awb_case_page_dispose (GObject *object)
{
  GtkWidget *child;
  AwbCasePage *self = (AwbCasePage *) object;

  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), AWB_TYPE_CASE_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (awb_case_page_parent_class)->dispose (object);
}

static void
awb_case_page_class_init (AwbCasePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = awb_case_page_dispose;
  object_class->get_property = awb_case_page_get_property;
  object_class->set_property = awb_case_page_set_property;

  properties[PROP_FOLDED] = g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                  G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                                  | G_PARAM_STATIC_STRINGS);
  properties[PROP_MENU_MODEL] = g_param_spec_object ("menu-model", NULL, NULL, G_TYPE_MENU_MODEL,
                                                     G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (AWB_TYPE_OVERVIEW_PAGE);
  g_type_ensure (AWB_TYPE_REQUIREMENTS_PAGE);
  g_type_ensure (AWB_TYPE_REGISTERS_PAGE);
  g_type_ensure (AWB_TYPE_CONCLUSION_PAGE);
  g_type_ensure (AWB_TYPE_PANEL_PAGE);
  g_type_ensure (AWB_TYPE_HISTORY_PAGE);
  g_type_ensure (AWB_TYPE_CONFLICTS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/assessorworkbench/Workbench/awb-case-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, header_bar);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, back_button);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, menu_button);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, lock_revealer);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, lock_label);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, stack);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, overview_page);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, requirements_page);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, registers_page);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, conclusion_page);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, panel_page);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, history_page);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, conflicts_stack_page);
  gtk_widget_class_bind_template_child (widget_class, AwbCasePage, conflicts_page);
  gtk_widget_class_bind_template_callback (widget_class, on_conclusion_page_requirement_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_conflicts_page_n_conflicts_cb);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
awb_case_page_init (AwbCasePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  /* evaluators live on the requirements */
  adw_view_stack_set_visible_child_name (self->stack, "requirements");
  gtk_widget_set_visible (self->back_button, FALSE);
  adw_header_bar_set_show_start_title_buttons (self->header_bar, FALSE);
}

void
awb_case_page_set_session (AwbCasePage *self,
                           AwbSession  *session)
{
  g_return_if_fail (AWB_IS_CASE_PAGE (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_clear_signal_handler (&self->changed_id, self->session);
  g_set_object (&self->session, session);

  awb_overview_page_set_session (self->overview_page, session);
  awb_requirements_page_set_session (self->requirements_page, session);
  awb_registers_page_set_session (self->registers_page, session);
  awb_conclusion_page_set_session (self->conclusion_page, session);
  awb_panel_page_set_session (self->panel_page, session);
  awb_history_page_set_session (self->history_page, session);
  awb_conflicts_page_set_session (self->conflicts_page, session);

  if (session == NULL)
    return;
  self->changed_id = g_signal_connect_object (session, "changed",
                                              G_CALLBACK (on_session_changed_cb), self,
                                              G_CONNECT_SWAPPED);
  show_case (self);
}

AwbSession *
awb_case_page_get_session (AwbCasePage *self)
{
  g_return_val_if_fail (AWB_IS_CASE_PAGE (self), NULL);
  return self->session;
}

/* "overview", "requirements", "registers", "conclusion", "panel", "history" or "conflicts". */
void
awb_case_page_show_page (AwbCasePage *self,
                         const char  *name)
{
  g_return_if_fail (AWB_IS_CASE_PAGE (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

const char *
awb_case_page_get_visible_page (AwbCasePage *self)
{
  g_return_val_if_fail (AWB_IS_CASE_PAGE (self), NULL);
  return adw_view_stack_get_visible_child_name (self->stack);
}

/* Shows the page of requirement_id. */
gboolean
awb_case_page_select_requirement (AwbCasePage *self,
                                  const char  *requirement_id)
{
  g_return_val_if_fail (AWB_IS_CASE_PAGE (self), FALSE);

  adw_view_stack_set_visible_child_name (self->stack, "requirements");
  return awb_requirements_page_select (self->requirements_page, requirement_id);
}

/* The requirement whose page is shown, or NULL. */
AwbRequirement *
awb_case_page_get_requirement (AwbCasePage *self)
{
  g_return_val_if_fail (AWB_IS_CASE_PAGE (self), NULL);
  return awb_requirements_page_get_requirement (self->requirements_page);
}

void
awb_case_page_focus_search (AwbCasePage *self)
{
  g_return_if_fail (AWB_IS_CASE_PAGE (self));

  adw_view_stack_set_visible_child_name (self->stack, "requirements");
  awb_requirements_page_focus_search (self->requirements_page);
}

/* fraction < 0: work of unknown length, the bar moves a step. */
void
awb_case_page_show_progress (AwbCasePage *self,
                             const char  *text,
                             double       fraction)
{
  g_return_if_fail (AWB_IS_CASE_PAGE (self));

  gtk_label_set_text (self->progress_label, text);
  if (fraction < 0)
    gtk_progress_bar_pulse (self->progress_bar);
  else
    gtk_progress_bar_set_fraction (self->progress_bar, MIN (fraction, 1.0));
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
}

void
awb_case_page_hide_progress (AwbCasePage *self)
{
  g_return_if_fail (AWB_IS_CASE_PAGE (self));
  gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
}

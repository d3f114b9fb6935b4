/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-deadlines"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "awb-dates.h"
#include "awb-deadlines.h"
#include "awb-error.h"
#include "awb-record-private.h"

/* A case's deadlines (guide §4, §5, §8), computed from its dates and the
 * catalogue's rules.deadlines — no period is written in this file. Nothing is
 * stored and nothing is blocked: `awb case status` shows the result. The rules,
 * with a worked example, are in docs/lifecycle.md. */

static const char * const state_names[AWB_N_DEADLINE_STATES] = {
  "ok", "info", "due", "overdue", "breached"
};

static gboolean
get_date (AwbCase     *kase,
          AwbCaseDate  kind,
          GDate       *out)
{
  const char *text = awb_case_get_date (kase, kind);

  return text != NULL && awb_date_parse (text, out, NULL);
}

static void
copy_date (GDate       *to,
           const GDate *from)
{
  *to = *from;
}

static const GDate *
min_date (const GDate *a,
          const GDate *b)
{
  return g_date_compare (a, b) <= 0 ? a : b;
}

static const GDate *
max_date (const GDate *a,
          const GDate *b)
{
  return g_date_compare (a, b) >= 0 ? a : b;
}

static char *
months_text (guint months)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u month", "%u months", months), months);
}

static char *
days_text (int days)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", (gulong) ABS (days)),
                          days);
}

static void
add_item (GPtrArray        *items,
          const char       *item,
          AwbDeadlineState  state,
          const GDate      *date,
          char             *text)
{
  AwbDeadline *d = g_new0 (AwbDeadline, 1);

  d->item = g_strdup (item);
  d->state = state;
  d->date = date != NULL ? awb_date_format (date) : NULL;
  d->text = text;
  g_ptr_array_add (items, d);
}

/* The applicant has supplement_months from the review e-mail to send what is
 * missing (guide §5.2). */
static void
supplement (GPtrArray      *items,
            AwbCase        *kase,
            const AwbRules *rules,
            const GDate    *today)
{
  GDate sent, deadline, received, other;
  g_autofree char *sent_text = NULL;
  g_autofree char *deadline_text = NULL;
  g_autofree char *months = months_text (rules->supplement_months);
  gboolean moved_on;

  if (!get_date (kase, AWB_CASE_DATE_REVIEW_SENT, &sent))
    {
      add_item (items, "supplement", AWB_DEADLINE_INFO, NULL,
                g_strdup (_("No acceptance review has been e-mailed, so no supplement is "
                            "awaited.")));
      return;
    }
  copy_date (&deadline, &sent);
  awb_date_add_months (&deadline, (int) rules->supplement_months);
  sent_text = awb_date_format (&sent);
  deadline_text = awb_date_format (&deadline);

  if (get_date (kase, AWB_CASE_DATE_SUPPLEMENT_RECEIVED, &received))
    {
      g_autofree char *received_text = awb_date_format (&received);
      int late = g_date_days_between (&deadline, &received);

      if (late <= 0)
        add_item (items, "supplement", AWB_DEADLINE_OK, &deadline,
                  g_strdup_printf (_("Supplement received on %s, within the deadline %s."),
                                   received_text, deadline_text));
      else
        {
          g_autofree char *days = days_text (late);

          add_item (items, "supplement", AWB_DEADLINE_OVERDUE, &deadline,
                    g_strdup_printf (_("Supplement received on %s, %s after the deadline %s."),
                                     received_text, days, deadline_text));
        }
      return;
    }

  /* No supplement, but the case went on: the review asked for none. */
  moved_on = awb_case_get_stage (kase) > AWB_STAGE_ACCEPTANCE ||
             get_date (kase, AWB_CASE_DATE_AGREEMENT, &other) ||
             get_date (kase, AWB_CASE_DATE_PAID, &other) ||
             get_date (kase, AWB_CASE_DATE_EVALUATION_START, &other);
  if (moved_on)
    add_item (items, "supplement", AWB_DEADLINE_INFO, &deadline,
              g_strdup_printf (_("No supplement was recorded after the review e-mailed on %s; "
                                 "the case has moved on without one."), sent_text));
  else if (g_date_compare (today, &deadline) <= 0)
    {
      g_autofree char *left = days_text (g_date_days_between (today, &deadline));

      add_item (items, "supplement", AWB_DEADLINE_DUE, &deadline,
                g_strdup_printf (_("Supplement due by %s (%s left): %s after the review "
                                   "e-mailed on %s."), deadline_text, left, months, sent_text));
    }
  else
    add_item (items, "supplement", AWB_DEADLINE_OVERDUE, &deadline,
              g_strdup_printf (_("Supplement overdue: it was due by %s, %s after the review "
                                 "e-mailed on %s, and has not been received."),
                               deadline_text, months, sent_text));
}

/* The earliest day the evaluation may start: the agreement in force and the
 * fee paid, whichever came later. */
static gboolean
may_start (AwbCase *kase,
           GDate   *out)
{
  GDate agreement, paid;

  if (!get_date (kase, AWB_CASE_DATE_AGREEMENT, &agreement) ||
      !get_date (kase, AWB_CASE_DATE_PAID, &paid))
    return FALSE;
  copy_date (out, max_date (&agreement, &paid));
  return TRUE;
}

static void
evaluation_start (GPtrArray *items,
                  AwbCase   *kase)
{
  GDate may, started;
  gboolean can = may_start (kase, &may);
  gboolean did = get_date (kase, AWB_CASE_DATE_EVALUATION_START, &started);

  if (can)
    {
      g_autofree char *may_text = awb_date_format (&may);

      if (did && g_date_compare (&started, &may) < 0)
        {
          g_autofree char *started_text = awb_date_format (&started);

          add_item (items, "evaluation-start", AWB_DEADLINE_BREACHED, &started,
                    g_strdup_printf (_("Evaluation started on %s, before it could: the agreement "
                                       "was in force and the fee paid only on %s."),
                                     started_text, may_text));
        }
      else if (did)
        {
          g_autofree char *started_text = awb_date_format (&started);

          add_item (items, "evaluation-start", AWB_DEADLINE_OK, &started,
                    g_strdup_printf (_("Evaluation started on %s; it could start from %s "
                                       "(agreement in force and fee paid)."),
                                     started_text, may_text));
        }
      else
        add_item (items, "evaluation-start", AWB_DEADLINE_OK, &may,
                  g_strdup_printf (_("Evaluation may start: the agreement is in force and the fee "
                                     "paid since %s."), may_text));
      return;
    }

  {
    GDate dummy;
    gboolean agreement = get_date (kase, AWB_CASE_DATE_AGREEMENT, &dummy);
    const char *missing = agreement ? _("the fee is not paid")
                                    : get_date (kase, AWB_CASE_DATE_PAID, &dummy)
                                      ? _("the agreement is not in force")
                                      : _("neither is the agreement in force nor the fee paid");

    if (did)
      {
        g_autofree char *started_text = awb_date_format (&started);

        add_item (items, "evaluation-start", AWB_DEADLINE_BREACHED, &started,
                  g_strdup_printf (_("Evaluation started on %s although %s."), started_text,
                                   missing));
      }
    else
      add_item (items, "evaluation-start", AWB_DEADLINE_INFO, NULL,
                g_strdup_printf (_("Evaluation may start once the agreement is in force and the "
                                   "fee is paid; so far %s."), missing));
  }
}

/* The cycle runs from `received` to `evaluation-end` (the closing date if the
 * case was closed without one; today while it runs). Two spans count: the
 * acceptance review (received → review e-mailed) and the evaluation (from the
 * day it may start, or started if earlier, to its end). The span between —
 * waiting for the supplement, the agreement's approval and the payment — is
 * waiting on the applicant and does not count: each day of it moves the target
 * and the limit one day later. */
static void
cycle (GPtrArray      *items,
       AwbCase        *kase,
       const AwbRules *rules,
       const GDate    *today)
{
  GDate received, end, sent, resume, started, pause_from, pause_to, target, limit;
  gboolean ended, has_sent, has_resume, waiting_now = FALSE;
  int paused = 0, counted;
  const char *closed_on = awb_case_get_closed_on (kase);
  g_autofree char *received_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *paused_text = NULL;
  g_autofree char *counted_text = NULL;

  if (!get_date (kase, AWB_CASE_DATE_RECEIVED, &received))
    {
      add_item (items, "cycle", AWB_DEADLINE_INFO, NULL,
                g_strdup (_("The assessment cycle starts when the application is received: "
                            "set the received date.")));
      return;
    }

  ended = get_date (kase, AWB_CASE_DATE_EVALUATION_END, &end);
  if (!ended && closed_on != NULL && awb_date_parse (closed_on, &end, NULL))
    ended = TRUE;
  if (!ended)
    copy_date (&end, today);
  if (g_date_compare (&end, &received) < 0)
    copy_date (&end, &received);

  has_resume = may_start (kase, &resume);
  if (get_date (kase, AWB_CASE_DATE_EVALUATION_START, &started))
    {
      if (!has_resume || g_date_compare (&started, &resume) < 0)
        copy_date (&resume, &started);
      has_resume = TRUE;
    }

  has_sent = get_date (kase, AWB_CASE_DATE_REVIEW_SENT, &sent);
  if (has_sent)
    {
      copy_date (&pause_from, max_date (&sent, &received));
      copy_date (&pause_to, has_resume ? min_date (&resume, &end) : &end);
      if (g_date_compare (&pause_to, &pause_from) > 0)
        paused = g_date_days_between (&pause_from, &pause_to);
      waiting_now = !ended && !has_resume;
    }
  counted = g_date_days_between (&received, &end) - paused;

  copy_date (&target, &received);
  awb_date_add_months (&target, (int) rules->cycle_target_months);
  g_date_add_days (&target, (guint) paused);
  copy_date (&limit, &received);
  awb_date_add_months (&limit, (int) rules->cycle_limit_months);
  g_date_add_days (&limit, (guint) paused);

  received_text = awb_date_format (&received);
  end_text = awb_date_format (&end);
  paused_text = days_text (paused);
  counted_text = days_text (counted);

  for (guint pass = 0; pass < 2; pass++)
    {
      const GDate *due = pass == 0 ? &target : &limit;
      g_autofree char *due_text = awb_date_format (due);
      g_autofree char *months = months_text (pass == 0 ? rules->cycle_target_months
                                                       : rules->cycle_limit_months);
      const char *item = pass == 0 ? "cycle-target" : "cycle-limit";
      /* TRANSLATORS: "the target" or "the hard limit" of the assessment cycle */
      const char *what = pass == 0 ? _("the target") : _("the hard limit");
      const GDate *at = ended ? &end : today;

      if (g_date_compare (at, due) <= 0)
        {
          if (ended)
            add_item (items, item, AWB_DEADLINE_OK, due,
                      g_strdup_printf (_("Cycle ended on %s after %s counted, within %s of %s "
                                         "(%s from %s, plus %s waiting on the applicant)."),
                                       end_text, counted_text, what, due_text, months,
                                       received_text, paused_text));
          else
            add_item (items, item, AWB_DEADLINE_DUE, due,
                      g_strdup_printf (_("Cycle running: %s counted so far; %s is %s (%s from %s, "
                                         "plus %s waiting on the applicant)%s."),
                                       counted_text, what, due_text, months, received_text,
                                       paused_text,
                                       waiting_now ? _("; the clock is stopped while the case "
                                                       "waits on the applicant") : ""));
        }
      else if (ended)
        add_item (items, item, AWB_DEADLINE_BREACHED, due,
                  g_strdup_printf (_("Cycle ended on %s, after %s of %s (%s from %s, plus %s "
                                     "waiting on the applicant); %s counted."),
                                   end_text, what, due_text, months, received_text, paused_text,
                                   counted_text));
      else
        add_item (items, item, AWB_DEADLINE_BREACHED, due,
                  g_strdup_printf (_("Cycle has passed %s of %s (%s from %s, plus %s waiting on "
                                     "the applicant); %s counted so far."),
                                   what, due_text, months, received_text, paused_text,
                                   counted_text));
    }
}

/* Maintenance: filed at least maintenance_lead_months before the previous
 * certificate expires; filed more than maintenance_late_months after it
 * expired, it counts as an initial application (guide §5). */
static void
maintenance (GPtrArray      *items,
             AwbCase        *kase,
             const AwbRules *rules,
             const GDate    *today)
{
  GDate expiry, lead, late, filed;
  g_autofree char *expiry_text = NULL;
  g_autofree char *lead_text = NULL;
  g_autofree char *late_text = NULL;
  g_autofree char *lead_months = months_text (rules->maintenance_lead_months);
  g_autofree char *late_months = months_text (rules->maintenance_late_months);

  if (!awb_case_is_maintenance (kase))
    return;
  if (awb_case_get_previous_expiry (kase) == NULL ||
      !awb_date_parse (awb_case_get_previous_expiry (kase), &expiry, NULL))
    {
      add_item (items, "maintenance", AWB_DEADLINE_INFO, NULL,
                g_strdup (_("The previous certificate's expiry date is not recorded.")));
      return;
    }
  copy_date (&lead, &expiry);
  awb_date_add_months (&lead, -(int) rules->maintenance_lead_months);
  copy_date (&late, &expiry);
  awb_date_add_months (&late, (int) rules->maintenance_late_months);
  expiry_text = awb_date_format (&expiry);
  lead_text = awb_date_format (&lead);
  late_text = awb_date_format (&late);

  if (get_date (kase, AWB_CASE_DATE_RECEIVED, &filed))
    {
      g_autofree char *filed_text = awb_date_format (&filed);

      if (g_date_compare (&filed, &lead) <= 0)
        add_item (items, "maintenance", AWB_DEADLINE_OK, &lead,
                  g_strdup_printf (_("Maintenance filed on %s, at least %s before the previous "
                                     "certificate expires on %s (by %s)."),
                                   filed_text, lead_months, expiry_text, lead_text));
      else if (g_date_compare (&filed, &late) <= 0)
        add_item (items, "maintenance", AWB_DEADLINE_OVERDUE, &lead,
                  g_strdup_printf (_("Maintenance filed late on %s: it was due by %s, %s before "
                                     "the previous certificate expires on %s."),
                                   filed_text, lead_text, lead_months, expiry_text));
      else
        add_item (items, "maintenance", AWB_DEADLINE_BREACHED, &late,
                  g_strdup_printf (_("Maintenance filed on %s, more than %s after the previous "
                                     "certificate expired on %s: to be treated as an initial "
                                     "application."), filed_text, late_months, expiry_text));
      return;
    }

  if (g_date_compare (today, &lead) <= 0)
    add_item (items, "maintenance", AWB_DEADLINE_DUE, &lead,
              g_strdup_printf (_("Maintenance to be filed by %s, %s before the previous "
                                 "certificate expires on %s."),
                               lead_text, lead_months, expiry_text));
  else if (g_date_compare (today, &late) <= 0)
    add_item (items, "maintenance", AWB_DEADLINE_OVERDUE, &lead,
              g_strdup_printf (_("Maintenance not received: it was due by %s (the previous "
                                 "certificate expires on %s); after %s it counts as an initial "
                                 "application."), lead_text, expiry_text, late_text));
  else
    add_item (items, "maintenance", AWB_DEADLINE_BREACHED, &late,
              g_strdup_printf (_("Maintenance not received and the previous certificate expired "
                                 "on %s, more than %s ago: to be treated as an initial "
                                 "application."), expiry_text, late_months));
}

/* Archives are kept retention_years after closing (guide §8). */
static void
retention (GPtrArray      *items,
           AwbCase        *kase,
           const AwbRules *rules,
           const GDate    *today)
{
  GDate end;
  g_autofree char *end_text = NULL;

  if (!awb_case_get_retention_end (kase, rules, &end))
    {
      add_item (items, "retention", AWB_DEADLINE_INFO, NULL,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "The archive is kept %u year after the case is "
                                              "closed.",
                                              "The archive is kept %u years after the case is "
                                              "closed.", rules->retention_years),
                                 rules->retention_years));
      return;
    }
  end_text = awb_date_format (&end);
  if (g_date_compare (today, &end) < 0)
    add_item (items, "retention", AWB_DEADLINE_INFO, &end,
              g_strdup_printf (_("Closed on %s: the archive is kept until %s."),
                               awb_case_get_closed_on (kase), end_text));
  else
    add_item (items, "retention", AWB_DEADLINE_OK, &end,
              g_strdup_printf (_("Closed on %s: the retention ended on %s, so the case may be "
                                 "deleted."), awb_case_get_closed_on (kase), end_text));
}

const char *
awb_deadline_state_to_string (AwbDeadlineState state)
{
  g_return_val_if_fail (state < AWB_N_DEADLINE_STATES, NULL);
  return state_names[state];
}

/* A short upper-case word for people, in the UI language. */
const char *
awb_deadline_state_label (AwbDeadlineState state)
{
  switch (state)
    {
    case AWB_DEADLINE_OK:
      return _("OK");
    case AWB_DEADLINE_INFO:
      return _("INFO");
    case AWB_DEADLINE_DUE:
      return _("DUE");
    case AWB_DEADLINE_OVERDUE:
      return _("OVERDUE");
    case AWB_DEADLINE_BREACHED:
      return _("BREACHED");
    case AWB_N_DEADLINE_STATES:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
awb_deadline_free (AwbDeadline *deadline)
{
  if (deadline == NULL)
    return;
  g_free (deadline->item);
  g_free (deadline->date);
  g_free (deadline->text);
  g_free (deadline);
}

/* The case's deadline items (AwbDeadline*) as of today, in a fixed order:
 * supplement, evaluation-start, cycle (or cycle-target and cycle-limit),
 * maintenance (maintenance cases only), retention. */
GPtrArray *
awb_deadlines_compute (AwbCase        *kase,
                       const AwbRules *rules,
                       const GDate    *today)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) awb_deadline_free);

  g_return_val_if_fail (AWB_IS_CASE (kase), items);
  g_return_val_if_fail (rules != NULL && today != NULL && g_date_valid (today), items);

  supplement (items, kase, rules, today);
  evaluation_start (items, kase);
  cycle (items, kase, rules, today);
  maintenance (items, kase, rules, today);
  retention (items, kase, rules, today);
  return items;
}

/* The deadlines of a case (id or prefix) under its own catalogue's rules,
 * today being awb_date_today () (AWB_TODAY in tests). */
GPtrArray *
awb_deadlines_for_case (AwbDatabase *db,
                        const char  *case_id,
                        GError     **error)
{
  g_autoptr(AwbCase) kase = NULL;
  AwbCatalogue *catalogue;
  GDate today;

  kase = awb_case_lookup (db, case_id, error);
  if (kase == NULL)
    return NULL;
  catalogue = _awb_case_get_catalogue (db, awb_case_get_id (kase), error);
  if (catalogue == NULL)
    return NULL;
  awb_date_today (&today);
  return awb_deadlines_compute (kase, awb_catalogue_get_rules (catalogue), &today);
}

/* The most serious state among the items (AWB_DEADLINE_OK when empty). */
AwbDeadlineState
awb_deadlines_worst (GPtrArray *deadlines)
{
  AwbDeadlineState worst = AWB_DEADLINE_OK;

  for (guint i = 0; i < deadlines->len; i++)
    worst = MAX (worst, ((AwbDeadline *) deadlines->pdata[i])->state);
  return worst;
}

/* [{"item", "state", "date", "text"}] */
JsonNode *
awb_deadlines_to_json (GPtrArray *deadlines)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < deadlines->len; i++)
    {
      AwbDeadline *d = deadlines->pdata[i];

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "item");
      json_builder_add_string_value (b, d->item);
      json_builder_set_member_name (b, "state");
      json_builder_add_string_value (b, state_names[d->state]);
      _awb_json_add_string (b, "date", d->date);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, d->text);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "awb-bench"

#include "config.h"

#include <stdlib.h>

#include "awb-assessment.h"
#include "awb-bench.h"

/* The measurements bench/gui-startup makes of the real window, asked for
 * through the environment (docs/performance.md):
 *
 *   AWB_BENCH_EXIT_AFTER_FRAME=1  print "first-frame T" when the first frame
 *                                 has been drawn (T: CLOCK_MONOTONIC µs, as
 *                                 g_get_monotonic_time ()), then quit;
 *   AWB_BENCH_REFRESH=N           after the first frame, show the conclusion
 *                                 page and N times: rate a requirement (the
 *                                 edit), refresh, wait for the next frame;
 *                                 print "refresh E F" per edit, E the µs from
 *                                 the edit until every page has taken the new
 *                                 judgement, F until that frame was drawn;
 *                                 then quit. It writes ratings: bench
 *                                 databases only. */

typedef struct
{
  AwbWindow *window;
  guint      remaining;
  guint      edit;
  gint64     started;
  gint64     refreshed;
  gboolean   waiting;
} Bench;

static void bench_next (Bench *bench);

static void
bench_quit (Bench *bench)
{
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (bench->window))));
}

static gboolean
on_bench_timeout_cb (gpointer data)
{
  bench_next (data);
  return G_SOURCE_REMOVE;
}

static void
on_refresh_painted_cb (GdkFrameClock *clock,
                       Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (!bench->waiting)
    return;
  bench->waiting = FALSE;
  if (bench->started != 0)
    g_print ("refresh %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\n",
             bench->refreshed - bench->started, now - bench->started);
  if (bench->remaining == 0)
    {
      bench_quit (bench);
      return;
    }
  /* let the frame settle before the next edit, as a person would */
  g_timeout_add (60, on_bench_timeout_cb, bench);
}

static void
bench_next (Bench *bench)
{
  AwbSession *session = awb_window_get_session (bench->window);
  AwbCatalogue *catalogue;
  g_autoptr(GError) error = NULL;
  const char *requirement;

  if (session == NULL)
    {
      g_printerr ("AWB_BENCH_REFRESH: no case is open (give --case)\n");
      bench_quit (bench);
      return;
    }
  catalogue = awb_session_get_catalogue (session);
  requirement = awb_requirement_get_id (awb_catalogue_get_requirement (catalogue, 0));

  bench->remaining--;
  bench->started = g_get_monotonic_time ();
  if (!awb_rating_set (awb_session_get_database (session), awb_session_get_case_id (session),
                       requirement, bench->edit++ % 2 ? AWB_RATING_CONFORMANT : AWB_RATING_LARGELY,
                       "bench", awb_session_get_actor (session), &error))
    {
      g_printerr ("AWB_BENCH_REFRESH: %s\n", error->message);
      bench_quit (bench);
      return;
    }
  awb_session_refresh (session, AWB_SESSION_RATINGS);
  bench->refreshed = g_get_monotonic_time ();
  bench->waiting = TRUE;
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
}

static void
on_first_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  g_signal_handlers_disconnect_by_func (clock, on_first_paint_cb, bench);
  g_print ("first-frame %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  if (bench->remaining == 0)
    {
      bench_quit (bench);
      return;
    }
  /* the conclusion is what a refresh must bring up to date */
  gtk_widget_activate_action (GTK_WIDGET (bench->window), "win.show-page", "s", "conclusion");
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_refresh_painted_cb), bench);
  bench->waiting = TRUE;
  bench->started = 0;
  gtk_widget_queue_draw (GTK_WIDGET (bench->window));
}

static void
on_window_realize_cb (GtkWidget *widget,
                      Bench     *bench)
{
  g_signal_connect (gtk_widget_get_frame_clock (widget), "after-paint",
                    G_CALLBACK (on_first_paint_cb), bench);
}

void
awb_bench_attach (AwbWindow *window)
{
  const char *refresh = g_getenv ("AWB_BENCH_REFRESH");
  Bench *bench;

  if (g_strcmp0 (g_getenv ("AWB_BENCH_EXIT_AFTER_FRAME"), "1") != 0 && refresh == NULL)
    return;
  bench = g_new0 (Bench, 1);
  bench->window = window;
  bench->remaining = refresh != NULL ? (guint) MAX (0, atoi (refresh)) : 0;
  g_object_set_data_full (G_OBJECT (window), "awb-bench", bench, g_free);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), bench);
}
